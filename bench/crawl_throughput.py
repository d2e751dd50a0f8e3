"""Crawl throughput: zwgk's full pipeline against a bare Scrapy spider (and bare Scrapy + trafilatura.extract)
fetching the same pages of the same local sample portal, in the same run, politeness off.

    python bench/crawl_throughput.py [--docs 2000]
"""
import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from zwgk.portal import SamplePortal, copy_site
from zwgk.portal.sections import default_sections

HERE = Path(__file__).parent


def timed(command: list[str]) -> float:
    started = time.monotonic()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = [s for s in default_sections(big=args.docs) if s.key == "big"]
        with SamplePortal(copy_site(tmp / "portal"), sections=big) as portal:
            sites = tmp / "sites.toml"
            sites.write_text(portal.sites_toml(concurrency=16, obey_robots=False), "utf-8")
            list_url = portal.url + big[0].start_url_path
            results = {
                "bare Scrapy": timed([sys.executable, str(HERE / "bare_spider.py"), list_url]),
                "bare Scrapy + trafilatura.extract": timed([sys.executable, str(HERE / "bare_spider.py"), list_url, "--trafilatura"]),
                "zwgk crawl (full pipeline and archive)": timed([sys.executable, "-m", "zwgk", "crawl", "--all", "--sites", str(sites),
                                                                 "--db", str(tmp / "archive.db")]),
            }
    bare = args.docs / results["bare Scrapy"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()}")
    print(f"{args.docs} documents (TRS section, 20 per list page), concurrency 16, no delay; wall time of each process\n")
    print("| crawler | seconds | documents/s | × bare Scrapy |")
    print("|---|---:|---:|---:|")
    for name, seconds in results.items():
        rate = args.docs / seconds
        print(f"| {name} | {seconds:.1f} | {rate:.0f} | {rate / bare:.2f} |")


if __name__ == "__main__":
    main()
