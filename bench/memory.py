"""Memory: peak resident set size of `zwgk crawl` over a --docs document section (default 50,000),
sampled every half second, with the RSS at each tenth of the crawl to show whether it grows.

    python bench/memory.py [--docs 50000]
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

from common import big_section, machine, served

from archive import Archive


def rss_mib(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    return next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")) / 1024


def archived(db: Path) -> int:
    if not db.exists():
        return 0
    with Archive(db) as archive:
        return archive.read.counts()["documents"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=50_000)
    args = parser.parse_args()
    with served(big_section(args.docs)) as (portal, sites, db):
        started = time.monotonic()
        crawl = subprocess.Popen(
            [sys.executable, "-m", "zwgk", "crawl", "--all", "--sites", str(sites), "--db", str(db)],
            stdout=subprocess.DEVNULL,
        )
        peak, by_tenth = 0.0, {}
        while crawl.poll() is None:
            rss = rss_mib(crawl.pid)
            peak = max(peak, rss)
            by_tenth.setdefault(archived(db) * 10 // args.docs, rss)
            time.sleep(0.5)
        seconds = time.monotonic() - started
    print(machine())
    print(
        f"{args.docs} documents crawled in {seconds:.0f} s ({args.docs / seconds:.0f} documents/s); peak RSS "
        f"{peak:.0f} MiB\n"
    )
    print("| documents archived | RSS (MiB) |")
    print("|---:|---:|")
    for tenth in sorted(by_tenth):
        print(f"| {tenth * args.docs // 10} | {by_tenth[tenth]:.0f} |")


if __name__ == "__main__":
    main()
