"""`zwgk demo`: start the bundled sample portal, crawl it on two "nights", and say how to browse the result.

Between the nights the portal changes as real ones do: two new notices, one edited and republished,
a back-dated document put at the top of a column sorted by number, one withdrawn (404) and one replaced
by a "页面不存在" page. Each crawl runs `zwgk crawl` in a
subprocess, as cron would, with its progress shown.
"""

import datetime
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import click

from archive import Archive

from .portal import SamplePortal

DEMO_PORT = 8750


def run_demo(db_path: str, keep_serving: bool = False, port: int = DEMO_PORT) -> int:
    with SamplePortal(port=port) as portal, tempfile.TemporaryDirectory() as tmp:
        sites = Path(tmp) / "sites.toml"
        sites.write_text(portal.sites_toml(), "utf-8")
        click.echo(
            f"sample portal at {portal.url} ({len(portal.sections)} sections: "
            + ", ".join(f"{s.key} [{s.family}]" for s in portal.sections)
            + ")"
        )
        click.echo("night 1: first crawl of every section")
        first = _crawl(sites, db_path)
        _change_overnight(portal)
        click.echo(
            "night 2: the portal added 3 notices (one back-dated, in a column sorted by number), edited 1, withdrew 2;"
            " incremental crawl"
        )
        second = _crawl(sites, db_path)
        with Archive(db_path) as archive:
            counts = archive.read.counts()
        click.echo(
            f"archive {db_path}: {counts['documents']} documents, {counts['versions']} versions, "
            f"{counts['captures']} captures, {counts['crawl_runs']} crawl runs"
        )
        click.echo(f"browse it with: {zwgk_command()} serve --db {db_path}   (then open http://127.0.0.1:8001/)")
        while keep_serving:
            time.sleep(3600)
    return first or second


def zwgk_command() -> str:
    """`zwgk` when the shell finds this installation by that name, else its path (a venv not activated)."""
    installed = Path(sys.executable).parent / "zwgk"
    found = shutil.which("zwgk")
    return "zwgk" if found and Path(found).resolve() == installed.resolve() else str(installed)


def _crawl(sites: Path, db_path: str) -> int:
    return subprocess.run(
        [sys.executable, "-m", "zwgk", "crawl", "--all", "-v", "--sites", str(sites), "--db", db_path]
    ).returncode


def _change_overnight(portal: SamplePortal) -> None:
    today = datetime.date.today()
    notices = portal.section("trs-tzgg")
    notices.add(2, today)
    # A column in sort-number order gets a document dated long ago at its top: found all the same.
    portal.section("trs-pxh").add(1, today - datetime.timedelta(days=400))
    notices.edit(notices.docs[6].id, today)
    live = [d for d in portal.section("gkmlpt").docs if d.state == "live"]
    portal.section("gkmlpt").withdraw(live[3].id, "404")
    portal.section("gkmlpt").withdraw(live[4].id, "soft404")
