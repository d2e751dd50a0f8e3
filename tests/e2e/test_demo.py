"""`zwgk demo` end to end: the README's first command."""

from conftest import free_port, rows, zwgk

from zwgk.portal.sections import default_sections


def test_demo_crawls_two_nights_and_says_how_to_browse(db):
    done = zwgk("demo", "--db", db, "--portal-port", free_port())
    assert done.returncode == 0, done.stderr
    assert "night 1" in done.stdout and "night 2" in done.stdout and f"zwgk serve --db {db}" in done.stdout
    assert "new_version" in done.stderr  # progress, one line per document
    sections = len(default_sections())
    runs = rows(db, "select walk, status from crawl_runs")
    assert len(runs) == 2 * sections and {r["status"] for r in runs} == {"ok"}
    assert {r["walk"] for r in runs[sections:]} == {"incremental"}
    sorted_column = rows(db, "select count(*) as n from documents where site = 'trs-pxh'")[0]["n"]
    assert sorted_column == 41  # the back-dated document put at the top of a list sorted by number was found
    assert rows(db, "select count(*) as n from documents where status = 'withdrawn'")[0]["n"] == 2
    assert rows(db, "select count(*) as n from documents where version_count = 2")[0]["n"] == 1
