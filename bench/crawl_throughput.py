"""Crawl throughput: zwgk's full pipeline against a bare Scrapy spider (and bare Scrapy + trafilatura.extract)
fetching the same pages of the same local portal, in the same run, politeness off. Two page sets: the
sample portal's own pages, and real government pages (the real-page corpus, each also as a GB18030 copy
with a meta that lies, so the detector runs) behind the same lists.

    ZWGK_REAL_CORPUS=/path/to/real python bench/crawl_throughput.py [--docs 2000] [--runs 3]
"""

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from common import big_section, machine, real_page_section, served

HERE = Path(__file__).parent
PAGE_SETS = {"sample portal pages": big_section, "real pages and their lying GB18030 copies": real_page_section}


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def one_run(section) -> dict[str, float]:
    """Seconds of each crawler over the section, one after the other on the same server."""
    with served(section, obey_robots=False) as (portal, sites, db):
        list_url = portal.url + section.start_url_path
        return {
            "bare Scrapy": timed([sys.executable, str(HERE / "bare_spider.py"), list_url]),
            "bare Scrapy + trafilatura.extract": timed(
                [sys.executable, str(HERE / "bare_spider.py"), list_url, "--trafilatura"]
            ),
            "zwgk crawl (full pipeline and archive)": timed(
                [sys.executable, "-m", "zwgk", "crawl", "--all", "--sites", str(sites), "--db", str(db)]
            ),
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(machine())
    print(
        f"{args.docs} documents (TRS lists, 20 per page), concurrency 16, no delay; wall time of each process;"
        f" min–max over {args.runs} runs, each crawler beside the others in every run\n"
    )
    for title, make_section in PAGE_SETS.items():
        runs = [one_run(make_section(args.docs)) for _ in range(args.runs)]
        print(f"**{title}**\n")
        print("| crawler | seconds | documents/s | × bare Scrapy (same run) |")
        print("|---|---:|---:|---:|")
        for name in runs[0]:
            seconds = [run[name] for run in runs]
            ratios = [run["bare Scrapy"] / run[name] for run in runs]
            print(
                f"| {name} | {min(seconds):.1f}–{max(seconds):.1f}"
                f" | {args.docs / max(seconds):.0f}–{args.docs / min(seconds):.0f}"
                f" | {min(ratios):.2f}–{max(ratios):.2f} (median {statistics.median(ratios):.2f}) |"
            )
        print()


if __name__ == "__main__":
    main()
