"""Faults and hostile input against a real local server and a real archive: nothing archived is ever lost
or silently wrong."""

import datetime
import random
import resource
import signal
import sqlite3
import subprocess
import threading
import time
import urllib.parse
import urllib.request

import pytest
from conftest import ZWGK, assert_clean_failure, crawl, fetch_json, rows, serve_datasette, table_counts, zwgk

from zwgk.portal import SamplePortal, copy_site
from zwgk.portal.content import make_docs
from zwgk.portal.sections import default_sections

FAST_FAILURE = {"timeout": 2, "retries": 2, "retry_backoff": 0.05}
# state -> what the crawl must make of a known document answering so: an error or a blocked capture; never a version or
# a withdrawal.
FAULTS = {
    "reset": "error",
    "stall": "error",
    "truncated": "error",
    "empty": "error",
    "binary": "error",
    "loop": "error",
    "huge": "error",
    "bomb": "error",
    "login": "blocked",
    "waf": "blocked",
}


def integrity(db) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("pragma integrity_check").fetchone()[0]


def test_server_faults_never_make_versions_or_withdrawals(portal, db):
    key = "generic-gsgg"
    first, _, _ = crawl(portal, db, key, **FAST_FAILURE)
    assert first.returncode == 0, first.stderr
    before = rows(db, "select url, status, version_count, current_version from documents order by url")
    section = portal.section(key)
    live = [d for d in section.docs if d.state == "live"]
    for doc, state in zip(live, FAULTS):
        section.withdraw(doc.id, state)
        if state in ("huge", "bomb"):
            section.state_answer(state)  # made now, so that making them holds up no other request
    recovering, failing = live[len(FAULTS)], live[len(FAULTS) + 1]
    recovering.burst, failing.burst = 2, 10  # 503s: retried twice, so the first recovers and the second does not
    done, summaries, requests = crawl(portal, db, key, extra=["--recheck", "-v"], **FAST_FAILURE)
    assert done.returncode == 0, done.stderr
    summary = summaries[key]
    assert rows(db, "select url, status, version_count, current_version from documents order by url") == before
    assert (summary["new_versions"], summary["withdrawn"]) == (0, 0)
    assert summary["blocked"] == 2 and summary["errors"] == len(FAULTS) - 2 + 1, done.stderr
    assert {r["reason"] for r in rows(db, "select reason from captures where outcome = 'blocked'")} == {"login", "waf"}
    tries = lambda doc: sum(path == section.detail_path(doc) for _, path in requests)  # noqa: E731
    assert tries(recovering) == 3 and tries(failing) == 3
    run2 = summary["run_id"]
    assert rows(
        db,
        "select outcome from captures c join documents d on d.id = c.document_id where d.url = ? and c.crawl_run_id "
        "= ?",
        portal.url + section.detail_path(recovering),
        run2,
    ) == [{"outcome": "not_modified"}]
    assert integrity(db) == "ok"


@pytest.mark.parametrize(
    "state, words",
    [
        ("huge", "larger than 20 MiB"),
        ("bomb", "larger than 20 MiB once decompressed"),
        ("binary", "not an HTML page"),
        ("empty", "empty response body"),
        ("reset", "cannot fetch"),
        ("truncated", "cannot fetch"),
        ("stall", "cannot fetch"),
        ("loop", "HTTP 302"),
        ("login", "blocked (login"),
        ("waf", "blocked (waf"),
    ],
)
def test_fetch_refuses_hostile_answers_cleanly(portal, db, state, words):
    section = portal.section("generic-gsgg")
    url = portal.url + section.detail_path(section.docs[0])
    fetch_json(url, db)
    counts = table_counts(db)
    section.withdraw(section.docs[0].id, state)
    if state in ("huge", "bomb"):
        section.state_answer(state)
    done = zwgk("fetch", url, "--db", db, "--timeout", 2)
    assert_clean_failure(done)
    assert words in done.stderr
    after = table_counts(db)
    assert (after["documents"], after["versions"]) == (counts["documents"], counts["versions"])
    assert rows(db, "select status from documents") == [{"status": "live"}]


def test_deeply_nested_and_malformed_html_is_archived(portal, db):
    section = portal.section("generic-gsgg")
    section.withdraw(section.docs[0].id, "nested")
    done, out = fetch_json(portal.url + section.detail_path(section.docs[0]), db)
    assert done.returncode == 0, done.stderr
    assert "深层嵌套的页面仍能读取正文" in out["text"]
    (portal.site / "malformed.html").write_text(
        "<html><body><div><p>未闭合的标签<table><tr><td>单元格</div></p><p>正文继续<b><i>", "utf-8"
    )
    done, out = fetch_json(portal.url + "/malformed.html", db)
    assert done.returncode == 0 and "单元格" in out["text"] and "正文继续" in out["text"]


def test_invalid_byte_sequences_are_decoded_without_a_crash(tmp_path):
    page = tmp_path / "broken.html"
    page.write_bytes(
        b'<html><head><meta charset="utf-8"></head><body><div id="zoom"><p>'
        + "关于做好政务公开工作的通知".encode("gb18030")
        + b"\xff\xfe\x81"
        + "正文".encode()
        + b"\xc3</p></div></body></html>"
    )
    done = zwgk("check", page, "--json")
    assert done.returncode == 0, done.stderr
    assert "关于做好政务公开工作的通知" in __import__("json").loads(done.stdout)["text"]


def _limit_file_size(limit):
    def apply():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_full_disk_is_a_clear_error_and_loses_nothing(portal, db, tmp_path):
    crawl(portal, db, "mirror")
    with sqlite3.connect(db) as conn:
        conn.execute("pragma wal_checkpoint(truncate)")
    before = table_counts(db)
    sites = tmp_path / "full.toml"
    sites.write_text(portal.sites_toml(["trs-tzgg"]), "utf-8")
    done = subprocess.run(
        [*ZWGK, "crawl", "--all", "--sites", str(sites), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limit_file_size(64 * 1024),
    )
    assert_clean_failure(done)
    assert "disk is full" in done.stderr or "disk I/O error" in done.stderr
    assert integrity(db) == "ok"
    after = table_counts(db)
    assert after["documents"] >= before["documents"] and after["versions"] == after["documents"]  # whole captures only
    recovered, _, _ = crawl(portal, db, "trs-tzgg")
    assert recovered.returncode == 0, recovered.stderr
    stopped, resumed = rows(db, "select status from crawl_runs order by id")[-2:]
    assert (
        stopped["status"] in ("failed", "interrupted") and resumed["status"] == "ok"
    )  # closed then, or by the next crawl


def test_twenty_kills_then_the_same_archive_as_an_uninterrupted_crawl(tmp_path):
    section = next(s for s in default_sections() if s.key == "generic-gsgg")
    section.docs += make_docs(30001, 300, seed=13, newest=datetime.date(2024, 6, 1))
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        reference, db = tmp_path / "reference.db", tmp_path / "killed.db"
        crawl(portal, reference, concurrency=4)
        sites = tmp_path / "sites.toml"
        rng = random.Random(20261121)
        for _ in range(20):
            process = subprocess.Popen(
                [*ZWGK, "crawl", "--all", "--sites", str(sites), "--db", str(db)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            time.sleep(rng.uniform(0.3, 2.5))
            process.send_signal(signal.SIGKILL)
            process.wait()
            assert integrity(db) == "ok"
            assert not rows(db, "select document_id from versions group by document_id having count(*) > 1")
            assert not rows(
                db,
                "select document_id from captures where outcome = 'new_version' group by document_id having count(*) "
                "> 1",
            )
        done, _, _ = crawl(portal, db, sites_file=sites, concurrency=4)
        assert done.returncode == 0, done.stderr
        compare = "select d.url, v.content_hash from documents d join versions v on v.document_id = d.id order by d.url"
        assert rows(db, compare) == rows(reference, compare)
        assert len(rows(db, compare)) == len(section.docs)


def test_datasette_reads_while_a_crawl_writes(tmp_path):
    section = next(s for s in default_sections() if s.key == "generic-gsgg")
    section.docs += make_docs(40001, 400, seed=17, newest=datetime.date(2024, 6, 1))
    with SamplePortal(copy_site(tmp_path / "portal"), sections=[section]) as portal:
        db = tmp_path / "archive.db"
        crawl(portal, db, "generic-gsgg", max_pages=1)  # the archive exists before Datasette opens it
        failures, answers = [], []
        with serve_datasette(db) as base:

            def read():
                while not done.is_set():
                    for path in (
                        "/archive/documents.json?_search=" + urllib.parse.quote("通知"),
                        "/archive/captures.json",
                        "/archive/new_documents.json?days=1&site=",
                    ):
                        try:
                            with urllib.request.urlopen(base + path, timeout=30) as answer:
                                answers.append(answer.status)
                        except Exception as error:  # noqa: BLE001 - every failure is what this test looks for
                            failures.append(repr(error))

            done = threading.Event()
            reader = threading.Thread(target=read)
            reader.start()
            try:
                result, summaries, _ = crawl(portal, db, "generic-gsgg", extra=["--full", "-v"])
            finally:
                done.set()
                reader.join(60)
        assert result.returncode == 0 and "database is locked" not in result.stderr
        assert failures == [] and len(answers) > 10
        assert summaries["generic-gsgg"]["new_documents"] > 300


def test_unreachable_start_url_fails_that_site_only(portal, db, tmp_path):
    from conftest import free_port

    sites = tmp_path / "sites.toml"
    sites.write_text(
        portal.sites_toml(["mirror"], retries=0) + f'\n[sites.gone]\nname = "unreachable"\n'
        f'start_urls = ["http://127.0.0.1:{free_port()}/xxgk/index.html"]\nretries = 0\n',
        "utf-8",
    )
    done = zwgk("crawl", "--all", "--sites", sites, "--db", db)
    assert done.returncode == 1
    lines = dict(line.split(": ", 1) for line in done.stdout.splitlines())
    assert lines["mirror"].startswith("ok") and lines["gone"].startswith("failed")
    assert "ConnectionRefusedError" in lines["gone"] and "/xxgk/index.html" in lines["gone"]
