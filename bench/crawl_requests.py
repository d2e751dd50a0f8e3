"""Requests made by a first and a second (incremental) crawl of a large sample section, against a
full re-crawl of the same section.

    python bench/crawl_requests.py [--docs 5000] [--changes 50]

Starts the sample portal with one TRS section of --docs documents (20 per list page), crawls it
with `zwgk crawl` into a fresh archive, then adds --changes documents and edits as many others
(republished with today's date, as TRS does), crawls again, and finally re-crawls everything
(`--full --recheck`: every list page, every document with a conditional request). Prints a table.
"""
import argparse
import datetime
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zwgk.portal import SamplePortal, copy_site
from zwgk.portal.sections import default_sections


def crawl(portal, sites: Path, db: Path, *flags: str) -> tuple[int, int, int, float]:
    before, started = len(portal.requests), time.monotonic()
    subprocess.run([sys.executable, "-m", "zwgk", "crawl", "--all", "--sites", str(sites), "--db", str(db), *flags], check=True,
                   stdout=subprocess.DEVNULL)
    made = portal.requests[before:]
    lists = sum(1 for _, path in made if "/index" in path)
    robots = sum(1 for _, path in made if path == "/robots.txt")
    return len(made), lists, len(made) - lists - robots, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = [s for s in default_sections(big=args.docs) if s.key == "big"]
        with SamplePortal(copy_site(tmp / "portal"), sections=big) as portal:
            sites, db = tmp / "sites.toml", tmp / "archive.db"
            sites.write_text(portal.sites_toml(), "utf-8")
            first = crawl(portal, sites, db)
            section, today, rng = big[0], datetime.date.today(), random.Random(1)
            section.add(args.changes, today)
            for doc in rng.sample(section.docs[args.changes:], args.changes):
                section.edit(doc.id, today)
            second = crawl(portal, sites, db)
            full = crawl(portal, sites, db, "--full", "--recheck")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"section: TRS, {args.docs} documents, 20 per list page; second crawl after {args.changes} added and {args.changes} edited\n")
    print("| crawl | requests | list pages | document pages | seconds |")
    print("|---|---:|---:|---:|---:|")
    for name, (total, lists, docs, seconds) in (("first", first), ("second (incremental)", second), ("full re-crawl", full)):
        print(f"| {name} | {total} | {lists} | {docs} | {seconds:.1f} |")
    budget = 2 * args.changes + 0.05 * first[1]
    print(f"\ntarget for the second crawl: at most {2 * args.changes} documents + 5% of {first[1]} list pages = {budget:.0f} requests"
          f" (robots.txt aside); made {second[0] - 1}")


if __name__ == "__main__":
    main()
