"""Beyond one machine: two real scrapyd processes on localhost, the project deployed to both with
scrapyd-deploy, the sample portal split into two shards, a scheduled night dispatched across both, one
node killed during its job and started again, then one Datasette over both shards."""

import json
import signal
import sqlite3
import subprocess
import time
import urllib.parse
from pathlib import Path

import pytest
from conftest import ZWGK, free_port, get, rows, serve_datasette, zwgk
from scrapyd_nodes import Node, deploy

from zwgk.dispatch import ScrapydNode, owner


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    """Two nodes with the project deployed as a user does it: scrapy.cfg targets and `scrapyd-deploy -a`."""
    tmp = tmp_path_factory.mktemp("scrapyd")
    a, b = Node(tmp / "a").start(), Node(tmp / "b").start()
    try:
        deploy([a, b], tmp)
        yield a, b
    finally:
        a.stop()
        b.stop()


def shard_on(node: Node, others: list[Node]) -> str:
    """A shard name that rendezvous hashing gives to `node`."""
    everyone = [ScrapydNode(n.url) for n in [node, *others]]
    return next(f"shard{i}" for i in range(100) if owner(f"shard{i}", everyone).url == node.url)


def test_a_night_dispatched_across_two_nodes_survives_one_going_down(nodes, portal, tmp_path):
    a, b = nodes
    shard_a, shard_b = shard_on(a, [b]), shard_on(b, [a])
    sites = tmp_path / "sites.toml"
    sites.write_text(
        portal.sites_toml(
            ["trs-tzgg"], shard=shard_a
        )  # gkmlpt: slow enough (about 10 s) to be caught by the node's death
        + portal.sites_toml(["gkmlpt"], shard=shard_b, download_delay=0.3, concurrency=1),
        "utf-8",
    )
    shards, ledger = tmp_path / "shards", tmp_path / "ledger.db"
    shards.mkdir()
    scheduler = subprocess.Popen(
        [
            *ZWGK,
            "schedule",
            "--scrapyd",
            f"{a.url},{b.url}",
            "--shards",
            str(shards),
            "--db",
            str(ledger),
            "--sites",
            str(sites),
            "--retry",
            "1",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        shard_b_db = shards / f"{shard_b}.db"
        wait_for(
            lambda: shard_b_db.exists() and rows(shard_b_db, "select 1 from crawl_runs where status = 'running'"),
            "node b's crawl to open its run",
        )
        time.sleep(0.5)
        b.kill()
        wait_for(lambda: runs(ledger, "gkmlpt", "failed"), "the dispatcher to record node b's run as failed")
        b.start()
        wait_for(
            lambda: runs(ledger, "gkmlpt", "ok") and runs(ledger, "trs-tzgg", "ok"), "both sites crawled", seconds=120
        )
    except AssertionError as error:
        scheduler.send_signal(signal.SIGTERM)
        raise AssertionError(f"{error}; the scheduler said: {scheduler.communicate(timeout=60)[1][-3000:]}") from None
    scheduler.send_signal(signal.SIGTERM)
    log = scheduler.communicate(timeout=60)[1]
    failed = runs(ledger, "gkmlpt", "failed")[0]
    assert failed["node"] == b.url and "did not answer" in failed["message"], log[-3000:]
    ok_b, ok_a = runs(ledger, "gkmlpt", "ok")[0], runs(ledger, "trs-tzgg", "ok")[0]
    assert (ok_a["node"], ok_b["node"]) == (a.url, b.url) and ok_a["job"] and ok_b["job"]
    # each shard holds its own sites only, written by its own node; the killed job's run is marked so
    in_a = rows(shards / f"{shard_a}.db", "select distinct site from documents")
    in_b = rows(shards / f"{shard_b}.db", "select distinct site from documents")
    assert [r["site"] for r in in_a] == ["trs-tzgg"] and [r["site"] for r in in_b] == ["gkmlpt"]
    assert ok_b["new_documents"] + ok_b["pages_fetched"] > 0 and ok_b["walk"] in ("full", "incremental")
    statuses = [r["status"] for r in rows(shards / f"{shard_b}.db", "select status from crawl_runs order by id")]
    assert statuses[0] == "interrupted" and statuses[-1] == "ok"
    gkmlpt_docs = len(portal.section("gkmlpt").docs)
    assert rows(shards / f"{shard_b}.db", "select count(*) as n from documents")[0]["n"] == gkmlpt_docs

    # One view over the shards: status and export read both, and one search box finds documents of each.
    done = zwgk("status", shards / f"{shard_a}.db", shards / f"{shard_b}.db", "--json")
    assert done.returncode == 0 and {json.loads(line)["site"] for line in done.stdout.splitlines()} == {
        "trs-tzgg",
        "gkmlpt",
    }
    done = zwgk(
        "export", "--jsonl", tmp_path / "all.jsonl", shards / f"{shard_a}.db", shards / f"{shard_b}.db", check=True
    )
    exported = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text("utf-8").splitlines()]
    assert {r["site"] for r in exported} == {"trs-tzgg", "gkmlpt"}
    with serve_datasette(shards / f"{shard_a}.db", shards / f"{shard_b}.db") as base:
        found = get(f"{base}/-/zwgk/documents?" + urllib.parse.urlencode({"q": "青岚县"}))
        assert f"?db={shard_a}" in found and f"?db={shard_b}" in found
        document = rows(shards / f"{shard_b}.db", "select id, title from documents order by id limit 1")[0]
        assert document["title"] in get(f"{base}/-/zwgk/history/{document['id']}?db={shard_b}")


def test_a_node_that_is_down_fails_the_run_with_the_reason(portal, tmp_path):
    sites = tmp_path / "sites.toml"
    sites.write_text(portal.sites_toml(["mirror"]), "utf-8")
    nobody = f"http://127.0.0.1:{free_port()}"
    done = zwgk("crawl", "mirror", "--scrapyd", nobody, "--sites", sites, "--db", tmp_path / "ledger.db")
    assert done.returncode == 1 and done.stdout.startswith(f"mirror: failed on {nobody}")
    assert f"-- scrapyd node {nobody} did not answer" in done.stdout
    assert runs(tmp_path / "ledger.db", "mirror", "failed")[0]["node"] == nobody
    bad = zwgk("crawl", "mirror", "--scrapyd", "ftp://x", "--sites", sites, "--db", tmp_path / "other.db")
    assert (
        bad.returncode == 2
        and bad.stderr.startswith("zwgk: --scrapyd takes http(s) URLs")
        and not (tmp_path / "other.db").exists()
    )


def runs(ledger: Path, site: str, status: str) -> list[dict]:
    if not ledger.exists():
        return []
    return rows(ledger, "select * from crawl_runs where site = ? and status = ? order by id", site, status)


def wait_for(condition, what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except (OSError, sqlite3.OperationalError):  # a node down, or an archive file made but its tables not yet
            pass
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")
