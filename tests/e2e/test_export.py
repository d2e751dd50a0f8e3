"""WARC and JSON Lines exports of a crawled archive, read back with warcio."""

import base64
import hashlib
import json

from conftest import crawl, rows, zwgk
from warcio.archiveiterator import ArchiveIterator


def sha1_digest(body: bytes) -> str:
    return "sha1:" + base64.b32encode(hashlib.sha1(body).digest()).decode()


def test_warc_round_trips_with_payload_digests_of_the_stored_bytes(portal, db, tmp_path):
    crawl(portal, db, "trs-tzgg")
    section = portal.section("trs-tzgg")
    live = [d for d in section.docs if d.state == "live"]
    section.withdraw(live[0].id, "404")
    section.withdraw(live[1].id, "404")
    crawl(portal, db, "trs-tzgg")  # two identical 404 pages and the same 412 page again: revisits
    warc = tmp_path / "out.warc.gz"
    done = zwgk("export", "--db", db, "--warc", warc, check=True)
    assert "revisits" in done.stdout
    stored = {r["digest"]: r for r in rows(db, "select digest, size from snapshots")}
    with open(warc, "rb") as stream:
        records = list(_read(stream))
    assert records[0]["type"] == "warcinfo" and records[0]["version"] == "WARC/1.1"
    responses = [r for r in records if r["type"] == "response"]
    revisits = [r for r in records if r["type"] == "revisit"]
    requests = [r for r in records if r["type"] == "request"]
    captures = rows(db, "select count(*) as n from captures")[0]["n"]
    attachments = rows(db, "select count(*) as n from attachments where status = 'stored'")[0]["n"]
    assert len(requests) == len(responses) + len(revisits) == captures + attachments
    assert len(revisits) >= 2
    for record in responses:
        assert record["payload_digest"] == sha1_digest(record["body"])
        if record["body"]:
            assert hashlib.sha256(record["body"]).hexdigest() in stored
    written = {(r["uri"], r["date"]): r["payload_digest"] for r in responses}
    for record in revisits:
        assert written[(record["refers_to_uri"], record["refers_to_date"])] == record["payload_digest"]


def _read(stream):
    for record in ArchiveIterator(stream):
        headers = record.rec_headers
        yield {
            "type": record.rec_type,
            "version": headers.protocol,
            "uri": headers.get_header("WARC-Target-URI"),
            "date": headers.get_header("WARC-Date"),
            "payload_digest": headers.get_header("WARC-Payload-Digest"),
            "refers_to_uri": headers.get_header("WARC-Refers-To-Target-URI"),
            "refers_to_date": headers.get_header("WARC-Refers-To-Date"),
            "body": record.content_stream().read(),
        }


def test_jsonl_has_every_version_with_its_metadata(portal, db, tmp_path):
    crawl(portal, db, "gkmlpt")
    section = portal.section("gkmlpt")
    section.edit(section.docs[3].id, section.docs[0].date)
    crawl(portal, db, "gkmlpt")
    out = tmp_path / "versions.jsonl"
    zwgk("export", "--db", db, "--jsonl", out, "--site", "gkmlpt", check=True)
    versions = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(versions) == rows(db, "select count(*) as n from versions")[0]["n"] == 31
    edited = [v for v in versions if v["url"].endswith(section.detail_path(section.docs[3]))]
    assert [v["version"] for v in edited] == [1, 2] and [v["current"] for v in edited] == [0, 1]
    assert all(v["site"] == "gkmlpt" and v["title"] and isinstance(v["flags"], list) for v in versions)


def test_export_needs_a_target_and_an_archive(db, tmp_path):
    from conftest import assert_clean_failure

    assert_clean_failure(zwgk("export", "--db", db, "--warc", tmp_path / "x.warc.gz"))
    assert not (tmp_path / "x.warc.gz").exists()


def test_reprocess_records_versions_only_where_extraction_changed(portal, db):
    crawl(portal, db, "xxgkml")
    target = rows(db, "select id from documents order by id limit 1")[0]["id"]
    with __import__("sqlite3").connect(db) as conn:  # as if an older extractor had left furniture in the text
        conn.execute(
            "update versions set content_hash = 'older-extractor', text = text || '\n【打印】【关闭】'"
            " where document_id = "
            "?",
            [target],
        )
    before = (len(portal.requests), rows(db, "select count(*) as n from captures")[0]["n"])
    done = zwgk("reprocess", "--db", db, check=True)
    assert "reprocessed 21 documents: 1 new versions" in done.stdout
    assert (len(portal.requests), rows(db, "select count(*) as n from captures")[0]["n"]) == before
    versions = rows(db, "select version, text from versions where document_id = ? order by version", target)
    assert [v["version"] for v in versions] == [1, 2] and "【打印】" not in versions[1]["text"]
    (current,) = rows(db, "select current_version, index_number from documents where id = ?", target)
    assert current["current_version"] == 2 and current["index_number"]  # the list's 索引号 is still used
    again = zwgk("reprocess", "--db", db, check=True)
    assert "0 new versions" in again.stdout
