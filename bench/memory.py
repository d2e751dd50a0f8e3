"""Memory: peak resident set size of `zwgk crawl` over a --docs document section (default 50,000),
sampled every half second, with the RSS at each tenth of the crawl to show whether it grows.

    python bench/memory.py [--docs 50000]
"""
import argparse
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zwgk.portal import SamplePortal, copy_site
from zwgk.portal.sections import default_sections


def rss_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")) / 1024


def archived(db: Path) -> int:
    try:
        with sqlite3.connect(db, timeout=1) as conn:
            return conn.execute("select count(*) from documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=50_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        section = next(s for s in default_sections(big=args.docs) if s.key == "big")
        with SamplePortal(copy_site(tmp / "portal"), sections=[section]) as portal:
            sites, db = tmp / "sites.toml", tmp / "archive.db"
            sites.write_text(portal.sites_toml(concurrency=16), "utf-8")
            started = time.monotonic()
            crawl = subprocess.Popen([sys.executable, "-m", "zwgk", "crawl", "--all", "--sites", str(sites), "--db", str(db)],
                                     stdout=subprocess.DEVNULL)
            peak, by_tenth = 0.0, {}
            while crawl.poll() is None:
                rss = rss_mib(crawl.pid)
                peak = max(peak, rss)
                tenth = archived(db) * 10 // args.docs
                by_tenth.setdefault(tenth, rss)
                time.sleep(0.5)
            seconds = time.monotonic() - started
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"{args.docs} documents crawled in {seconds:.0f} s ({args.docs / seconds:.0f} documents/s); peak RSS {peak:.0f} MiB\n")
    print("| documents archived | RSS (MiB) |")
    print("|---:|---:|")
    for tenth in sorted(by_tenth):
        print(f"| {tenth * args.docs // 10} | {by_tenth[tenth]:.0f} |")


if __name__ == "__main__":
    main()
