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
import random
import time
from pathlib import Path

from common import big_section, machine, served, zwgk


def crawl(portal, sites: Path, db: Path, *flags: str) -> tuple[int, int, int, float]:
    before, started = len(portal.requests), time.monotonic()
    zwgk("crawl", "--all", "--sites", sites, "--db", db, *flags)
    made = portal.requests[before:]
    lists = sum(1 for _, path in made if "/index" in path)
    robots = sum(1 for _, path in made if path == "/robots.txt")
    return len(made), lists, len(made) - lists - robots, time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--changes", type=int, default=50)
    args = parser.parse_args()
    section, today, rng = big_section(args.docs), datetime.date.today(), random.Random(1)
    with served(section, concurrency=8) as (portal, sites, db):
        first = crawl(portal, sites, db)
        section.add(args.changes, today)
        for doc in rng.sample(section.docs[args.changes:], args.changes):
            section.edit(doc.id, today)
        second = crawl(portal, sites, db)
        full = crawl(portal, sites, db, "--full", "--recheck")
    print(machine())
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
