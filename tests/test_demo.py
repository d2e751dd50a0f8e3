"""`zwgk demo` end to end: the README's first command."""
from conftest import free_port, rows, zwgk


def test_demo_crawls_two_nights_and_says_how_to_browse(db):
    done = zwgk("demo", "--db", db, "--portal-port", free_port())
    assert done.returncode == 0, done.stderr
    assert "night 1" in done.stdout and "night 2" in done.stdout and f"zwgk serve --db {db}" in done.stdout
    assert "new_version" in done.stderr  # progress, one line per document
    runs = rows(db, "select walk, status from crawl_runs")
    assert len(runs) == 16 and {r["status"] for r in runs} == {"ok"}
    assert {r["walk"] for r in runs[8:]} == {"incremental"}
    assert rows(db, "select count(*) as n from documents where status = 'withdrawn'")[0]["n"] == 2
    assert rows(db, "select count(*) as n from documents where version_count = 2")[0]["n"] == 1
