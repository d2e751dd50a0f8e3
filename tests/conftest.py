import json
import os
import pty
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from zwgk.portal import SamplePortal, copy_site

FIXTURES = Path(__file__).parent / "fixtures"
ZWGK = [sys.executable, "-m", "zwgk"]


@pytest.fixture
def portal(tmp_path):
    """The sample portal served from a writable copy, so a test can edit or delete its pages."""
    with SamplePortal(copy_site(tmp_path / "portal")) as running:
        yield running


@pytest.fixture
def db(tmp_path):
    return tmp_path / "archive.db"


def zwgk(*args, check=False, cwd=None):
    """Run the real `zwgk` command line in a subprocess."""
    done = subprocess.run(
        [*ZWGK, *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    if check and done.returncode:
        raise AssertionError(f"zwgk {args} exited {done.returncode}: {done.stderr}")
    return done


def assert_clean_failure(done):
    """Bad input: one line on stderr, a non-zero exit, no traceback."""
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("zwgk: "), done.stderr
    assert "Traceback" not in done.stderr


def fetch_json(url, db):
    done = zwgk("fetch", url, "--json", "--db", db)
    return done, (json.loads(done.stdout) if done.stdout.strip() else None)


def on_a_terminal(*args) -> tuple[int, str, str]:
    """Run zwgk with its stderr on a pseudo-terminal, as a user at a shell sees it: (exit code, what the
    terminal showed, stdout)."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([*ZWGK, *map(str, args)], stdout=subprocess.PIPE, stderr=follower, text=True)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:  # the command ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    out = process.communicate(timeout=120)[0]
    os.close(leader)
    return process.returncode, seen.decode("utf-8", "replace"), out


def edit(portal, path, old, new):
    """Change a static page of the sample portal in place, as its editors would."""
    page = portal.site / path.lstrip("/")
    text = page.read_text("utf-8")
    assert old in text
    page.write_text(text.replace(old, new), "utf-8")


def table_counts(db):
    with sqlite3.connect(db) as conn:
        return {
            t: conn.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("documents", "versions", "captures", "snapshots")
        }


def crawl(portal, db, *keys, sites_file=None, extra=(), **settings):
    """Run `zwgk crawl` on sections of the sample portal; returns the finished process, {site: summary} and the
    requests it made."""
    sites_file = sites_file or Path(db).parent / "sites.toml"
    sites_file.write_text(portal.sites_toml(list(keys) or None, **settings), "utf-8")
    before = len(portal.requests)
    done = zwgk("crawl", *(keys or ["--all"]), "--sites", sites_file, "--db", db, "--json", *extra)
    summaries = {s["site"]: s for s in map(json.loads, done.stdout.splitlines())} if done.stdout.strip() else {}
    return done, summaries, portal.requests[before:]


def rows(db, sql, *params):
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return [dict(r) for r in conn.execute(sql, params)]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve_datasette(*dbs):
    """`zwgk serve` on the archive (or shards), as a user starts it; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [*ZWGK, "serve", *map(str, dbs), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/-/versions.json", timeout=1)
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield base
    finally:
        server.terminate()
        server.wait(10)


def get(url):
    with urllib.request.urlopen(url) as answer:
        return answer.read().decode("utf-8")
