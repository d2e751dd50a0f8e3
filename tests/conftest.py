import json
import os
import sqlite3
import subprocess
import sys
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


def zwgk(*args, check=False):
    """Run the real `zwgk` command line in a subprocess."""
    done = subprocess.run([*ZWGK, *map(str, args)], capture_output=True, text=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    if check and done.returncode:
        raise AssertionError(f"zwgk {args} exited {done.returncode}: {done.stderr}")
    return done


def fetch_json(url, db):
    done = zwgk("fetch", url, "--json", "--db", db)
    return done, (json.loads(done.stdout) if done.stdout.strip() else None)


def table_counts(db):
    with sqlite3.connect(db) as conn:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("documents", "versions", "captures", "snapshots")}
