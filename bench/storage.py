"""Storage: archive size after 30 simulated nightly crawls of a 2,000-document section where 1% of the
documents change each night, against the size after one crawl (and 30 × that, what keeping every
night's pages whole would take).

Nights are simulated by moving every document's last check one day back between crawls, so the
revisit policy sends what it would send a day later. Run once with a portal that answers ETags with
304 and once with one that has no validators (every revisit brings the whole page, counter ticked).

    python bench/storage.py [--docs 2000] [--nights 30]
"""

import argparse
import datetime
import random
from pathlib import Path

from common import big_section, machine, served, zwgk

from archive import Archive


def crawl(sites: Path, db: Path) -> None:
    zwgk("crawl", "--all", "--sites", sites, "--db", db)


def size(db: Path) -> int:
    with Archive(db) as archive:
        archive.db.vacuum()  # writes the WAL back into the file and packs it
    return db.stat().st_size


def a_day_passes(db: Path) -> None:
    """The archive's clock moved back a day (not the machine's): what the revisit policy sees after a night.
    The one write to an archive outside archive/, and only here."""
    with Archive(db) as archive:
        documents = archive.db["documents"]
        for row in documents.rows_where(select="id, last_checked"):
            earlier = datetime.datetime.fromisoformat(row["last_checked"]) - datetime.timedelta(days=1)
            documents.update(row["id"], {"last_checked": earlier.isoformat(timespec="seconds")})


def simulate(docs: int, nights: int, validators: bool) -> tuple[int, int, int]:
    section = big_section(docs)
    section.validators = validators
    with served(section) as (portal, sites, db):
        crawl(sites, db)
        first = size(db)
        rng, today = random.Random(7), datetime.date.today()
        for _ in range(nights - 1):
            a_day_passes(db)
            for doc in rng.sample(section.docs, docs // 100):
                section.edit(doc.id, today)
            crawl(sites, db)
        with Archive(db) as archive:
            captures = archive.read.counts()["captures"]
        return first, size(db), captures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--nights", type=int, default=30)
    args = parser.parse_args()
    print(machine())
    print(f"{args.docs} documents, {args.nights} nights, {args.docs // 100} documents edited a night\n")
    print(f"| portal | one crawl | after {args.nights} nights | ratio | {args.nights} × one crawl | captures |")
    print("|---|---:|---:|---:|---:|---:|")
    for validators in (True, False):
        first, last, captures = simulate(args.docs, args.nights, validators)
        name = "ETag / 304" if validators else "no validators"
        print(
            f"| {name} | {first / 2**20:.1f} MiB | {last / 2**20:.1f} MiB | {last / first:.2f}"
            f" | {args.nights * first / 2**20:.0f} MiB | {captures} |"
        )


if __name__ == "__main__":
    main()
