"""Crawl throughput: zwgk's full pipeline against a bare Scrapy spider (and bare Scrapy + trafilatura.extract)
fetching the same pages of the same local sample portal, in the same run, politeness off.

    python bench/crawl_throughput.py [--docs 2000]
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

from common import big_section, machine, served

HERE = Path(__file__).parent


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    section = big_section(args.docs)
    with served(section, obey_robots=False) as (portal, sites, db):
        list_url = portal.url + section.start_url_path
        results = {
            "bare Scrapy": timed([sys.executable, str(HERE / "bare_spider.py"), list_url]),
            "bare Scrapy + trafilatura.extract": timed([sys.executable, str(HERE / "bare_spider.py"), list_url, "--trafilatura"]),
            "zwgk crawl (full pipeline and archive)": timed([sys.executable, "-m", "zwgk", "crawl", "--all", "--sites", str(sites),
                                                             "--db", str(db)]),
        }
    bare = args.docs / results["bare Scrapy"]
    print(machine())
    print(f"{args.docs} documents (TRS section, 20 per list page), concurrency 16, no delay; wall time of each process\n")
    print("| crawler | seconds | documents/s | × bare Scrapy |")
    print("|---|---:|---:|---:|")
    for name, seconds in results.items():
        rate = args.docs / seconds
        print(f"| {name} | {seconds:.1f} | {rate:.0f} | {rate / bare:.2f} |")


if __name__ == "__main__":
    main()
