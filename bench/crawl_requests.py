"""Requests made by a first and a second (incremental) crawl of a large sample section, against a
full re-crawl of the same section.

    python bench/crawl_requests.py [--docs 5000] [--changes 50]

Starts the sample portal with one TRS section of --docs documents (20 per list page), crawls it
with `zwgk crawl` into a fresh archive, then adds --changes documents and edits as many others
(republished with today's date, as TRS does), crawls again, and finally re-crawls everything
(`--full --recheck`: every list page, every document with a conditional request). Prints a table.
With --unsorted the section is in sort-number order with dates all over the place and 3 old entries
pinned on top, and the new documents are back-dated: what the incremental walk must not assume.
"""

import argparse
import datetime
import random
import time
from pathlib import Path

from common import big_section, machine, served, zwgk

from zwgk.portal.sections import unsorted_section


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
    parser.add_argument("--unsorted", action="store_true", help="a list not sorted by date, with pinned entries")
    args = parser.parse_args()
    section = unsorted_section("big", args.docs) if args.unsorted else big_section(args.docs)
    today, rng = datetime.date.today(), random.Random(1)
    added_on = today - datetime.timedelta(days=400) if args.unsorted else today
    with served(section, concurrency=8) as (portal, sites, db):
        first = crawl(portal, sites, db)
        section.add(args.changes, added_on)
        for doc in rng.sample(section.docs[args.changes :], args.changes):
            section.edit(doc.id, today)
        second = crawl(portal, sites, db)
        full = crawl(portal, sites, db, "--full", "--recheck")
    print(machine())
    order = "sort-number order, dates unordered, 3 pinned, new ones back-dated" if args.unsorted else "newest first"
    print(
        f"section: TRS, {args.docs} documents, 20 per list page, {order}; second crawl after {args.changes} added"
        f" and {args.changes} edited\n"
    )
    print("| crawl | requests | list pages | document pages | seconds |")
    print("|---|---:|---:|---:|---:|")
    for name, (total, lists, docs, seconds) in (
        ("first", first),
        ("second (incremental)", second),
        ("full re-crawl", full),
    ):
        print(f"| {name} | {total} | {lists} | {docs} | {seconds:.1f} |")
    budget = 2 * args.changes + 0.05 * first[1]
    print(
        f"\ntarget for the second crawl: at most {2 * args.changes} documents + 5% of {first[1]} list pages = "
        f"{budget:.0f} requests"
        f" (robots.txt aside); made {second[0] - 1}"
    )


if __name__ == "__main__":
    main()
