"""Versions against a live local page: counters tick, bodies change, pages disappear."""

import sqlite3

import pytest
from conftest import FIXTURES, edit, fetch_json, table_counts, zwgk

from archive import Archive
from archive.schema import SCHEMA_VERSION
from crawler.response import Response

TRS = "/xxgk/trs/202108/t20210809_5001.html"
GENERIC = "/zwgk/tzgg/202305/content_7788.html"


def test_ticking_counter_is_not_a_new_version(portal, db):
    first = fetch_json(portal.url + TRS, db)[1]
    second = fetch_json(portal.url + TRS, db)[1]
    assert portal.hits[TRS] == 2  # the page really did change: its counter ticked
    assert (first["changed"], second["changed"]) == (True, False)
    assert second["version"] == 1 and second["content_hash"] == first["content_hash"]
    assert table_counts(db) == {"documents": 1, "versions": 1, "captures": 2, "snapshots": 2}


def test_todays_date_on_the_page_is_not_a_new_version(portal, db):
    fetch_json(portal.url + TRS, db)
    edit(portal, TRS, "今天是{{today_cn}}", "今天是2031年1月2日 星期四")
    assert fetch_json(portal.url + TRS, db)[1]["changed"] is False


def test_edited_body_is_a_new_version_and_history_shows_the_diff(portal, db):
    fetch_json(portal.url + GENERIC, db)
    edit(portal, GENERIC, "每人每年350元", "每人每年380元")
    out = fetch_json(portal.url + GENERIC, db)[1]
    assert (out["changed"], out["version"]) == (True, 2)
    assert "每人每年380元" in out["text"]
    # fetching the edited page again changes nothing
    assert fetch_json(portal.url + GENERIC, db)[1]["changed"] is False
    done = zwgk("history", portal.url + GENERIC, "--db", db, check=True)
    assert "v1" in done.stdout and "v2" in done.stdout
    assert "-二、缴费标准。个人缴费标准为每人每年350元" in done.stdout
    assert "+二、缴费标准。个人缴费标准为每人每年380元" in done.stdout


def test_metadata_change_is_a_new_version(portal, db):
    fetch_json(portal.url + TRS, db)
    edit(portal, TRS, "青政办发〔2021〕27号</td>", "青政办发〔2021〕28号</td>")
    out = fetch_json(portal.url + TRS, db)[1]
    assert out["changed"] and out["doc_number"] == "青政办发〔2021〕28号"
    # the history says what changed, not "the same text"
    done = zwgk("history", portal.url + TRS, "--db", db, check=True)
    assert "文号 document number: 青政办发〔2021〕27号 → 青政办发〔2021〕28号" in done.stdout


def test_404_marks_known_document_withdrawn_and_keeps_versions(portal, db):
    fetch_json(portal.url + GENERIC, db)
    edit(portal, GENERIC, "每人每年350元", "每人每年380元")
    fetch_json(portal.url + GENERIC, db)
    (portal.site / GENERIC.lstrip("/")).unlink()
    done, out = fetch_json(portal.url + GENERIC, db)
    assert done.returncode != 0
    assert out["status"] == 404 and out["changed"] is False
    with sqlite3.connect(db) as conn:
        status, versions = conn.execute("select status, version_count from documents").fetchone()
        captures = conn.execute("select status, outcome from captures order by id").fetchall()
        kept = conn.execute("select count(*) from versions").fetchone()[0]
    assert (status, versions, kept) == ("withdrawn", 2, 2)
    assert captures[-1] == (404, "withdrawn") and len(captures) == 3


def test_withdrawn_document_that_returns_is_live_again(portal, db):
    fetch_json(portal.url + GENERIC, db)
    page = portal.site / GENERIC.lstrip("/")
    saved = page.read_bytes()
    page.unlink()
    fetch_json(portal.url + GENERIC, db)
    page.write_bytes(saved)
    out = fetch_json(portal.url + GENERIC, db)[1]
    assert out["changed"] is False
    with sqlite3.connect(db) as conn:
        assert conn.execute("select status from documents").fetchone()[0] == "live"


def test_raw_bytes_are_kept_for_re_extraction(portal, db):
    """Every capture's bytes come back exactly; a refetch with only the counter ticked is stored as a delta."""
    for _ in range(3):
        fetch_json(portal.url + TRS, db)
    with Archive(db) as archive:
        captures = archive.read.captures(archive.read.document(portal.url + TRS)["id"])
        bodies = [archive.snapshots.body(c["snapshot_digest"]) for c in captures]
        packing = [
            archive.conn.execute(
                "select compression, stored_size, size from snapshots where digest = ?", [c["snapshot_digest"]]
            ).fetchone()
            for c in captures
        ]
    assert all("青政办发〔2021〕27号".encode("gb18030") in body for body in bodies)
    assert [f"浏览次数：</td><td>{n}<".encode("gb18030") in body for n, body in enumerate(bodies, 1)] == [True] * 3
    assert [p["compression"] for p in packing] == ["zlib", "zlib-dict", "zlib-dict"]
    assert all(p["stored_size"] < 100 < p["size"] for p in packing[1:])


def test_damaged_copy_never_replaces_clean_current_version(portal, db):
    fetch_json(portal.url + GENERIC, db)
    edit(portal, GENERIC, "为做好我县2023年度城乡居民", "为做好 (略) 年度城乡 (略) ")
    edit(portal, GENERIC, "除职工基本医疗保险", "除 (略) 医疗保险")
    out = fetch_json(portal.url + GENERIC, db)[1]
    assert out["flags"] == ["masked"] and out["outcome"] == "damaged" and out["version"] == 2
    with sqlite3.connect(db) as conn:
        assert conn.execute("select current_version, flags from documents").fetchone() == (1, "[]")
        flags, repairs = conn.execute("select flags, repairs from versions where version = 2").fetchone()
    assert flags == '["masked"]' and '"flag": "masked"' in repairs


def test_every_document_has_the_year_of_its_publication(portal, db):
    """The year facet: set from the version's own date, also for a document's first version."""
    fetch_json(portal.url + GENERIC, db)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("select published, year from documents").fetchall()
    assert rows and all(published and year == published[:4] for published, year in rows)


def test_schema_3_archive_gets_its_missing_years_and_a_searchable_文号(tmp_path):
    from archive.search import fts_query
    from crawler.document import Document

    db = tmp_path / "v3.db"
    with Archive(db) as archive:
        archive.record_document(
            Response("http://old.gov.cn/a.html", 200, b"x"),
            Document(text="正文", title="通知", doc_number="青政办发〔2021〕27号", published="2021-08-09"),
        )
        archive.conn.executescript(
            "update documents set year = null; drop table documents_fts;"
            " create virtual table documents_fts using fts5(title, text); pragma user_version = 3;"
        )
    with Archive(db) as archive:
        assert archive.read.document("http://old.gov.cn/a.html")["year"] == "2021"
        found = archive.conn.execute(
            "select rowid from documents_fts where documents_fts match ?", [fts_query("青政办发〔2021〕27号")]
        )
        assert [tuple(row) for row in found] == [(1,)]


@pytest.mark.parametrize("schema, version", [("schema_v1.sql", 0), ("schema_v2.sql", 2)])
def test_older_archives_are_migrated(tmp_path, schema, version):
    """Archives of earlier schemas open with their captures intact, blocked captures possible, the year filled in."""
    db = tmp_path / "old.db"
    with sqlite3.connect(db) as conn:
        conn.executescript((FIXTURES / schema).read_text("utf-8"))
        conn.execute(f"pragma user_version = {version}")
        conn.execute("insert into documents (id, url, published) values (1, 'http://old.gov.cn/a.html', '2021-08-09')")
        conn.execute(
            "insert into captures (document_id, url, fetched_at, outcome) values (1, 'http://old.gov.cn/a.html', "
            "'then', 'new_version')"
        )
    with Archive(db) as archive:
        assert [c["fetched_at"] for c in archive.read.captures(1)] == ["then"]
        archive.record_blocked(Response("http://old.gov.cn/b.html", 412, b"<script>$_ts=1</script>"), "ruishu-412")
        assert archive.conn.execute("pragma user_version").fetchone()[0] == SCHEMA_VERSION
        assert archive.conn.execute("pragma integrity_check").fetchone()[0] == "ok"
        assert archive.read.document("http://old.gov.cn/a.html")["year"] == "2021"
        assert "content_hash" not in archive.db["captures"].columns_dict
        assert "position" in archive.db["list_entries"].columns_dict
