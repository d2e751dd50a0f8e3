"""Crawls dispatched to scrapyd: documents/s with one node and with two (the same sample portal, the same
sites, in one run), and the dispatch overhead per job (dispatch, queue, job start-up and the watch, beyond
the spider's own run time as its run row records it).

    python bench/scrapyd_dispatch.py [--docs 1000] [--sites 4]

Two scrapyd processes on this machine share its cores: two nodes here show the cost of dispatching, not
the speed of two machines.
"""

import argparse
import datetime
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import big_section, machine  # noqa: E402
from scrapyd_nodes import Node, deploy  # noqa: E402

from archive import Archive  # noqa: E402
from zwgk.portal import SamplePortal, copy_site  # noqa: E402


def sites_file(portal, section, count: int) -> str:
    """`count` sites over the same list, each in its own shard (so each archives every document)."""
    one = portal.sites_toml(concurrency=16, obey_robots=False)
    return "\n".join(one.replace(f"[sites.{section.key}]", f'[sites.s{n}]\nshard = "shard{n}"') for n in range(count))


def night(nodes: list[Node], sites: Path, work: Path) -> tuple[float, list[dict]]:
    """Wall time of `zwgk crawl --all --scrapyd` over these nodes, and the dispatcher's run rows."""

    ledger = work / "ledger.db"
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "zwgk",
            "crawl",
            "--all",
            "--scrapyd",
            ",".join(n.url for n in nodes),
            "--shards",
            str(work),
            "--db",
            str(ledger),
            "--sites",
            str(sites),
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    seconds = time.monotonic() - started
    with Archive(ledger) as archive:
        runs = [dict(archive.crawls.last_run(site)) for site in archive.crawls.site_keys()]
    own = {}
    for shard in work.glob("shard*.db"):
        with Archive(shard) as archive:
            own.update({site: archive.crawls.last_run(site) for site in archive.crawls.site_keys()})
    for run in runs:
        a, b = own[run["site"]]["started_at"], own[run["site"]]["finished_at"]
        run["own_seconds"] = (datetime.datetime.fromisoformat(b) - datetime.datetime.fromisoformat(a)).total_seconds()
        run["dispatched_seconds"] = (
            datetime.datetime.fromisoformat(run["finished_at"]) - datetime.datetime.fromisoformat(run["started_at"])
        ).total_seconds()
    return seconds, runs


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--sites", type=int, default=4)
    args = parser.parse_args()
    section = big_section(args.docs)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        nodes = [Node(tmp / "a").start(), Node(tmp / "b").start()]
        try:
            deploy(nodes, tmp)
            with SamplePortal(copy_site(tmp / "portal"), sections=[section]) as portal:
                sites = tmp / "sites.toml"
                sites.write_text(sites_file(portal, section, args.sites), "utf-8")
                for label, used in (("one node", nodes[:1]), ("two nodes", nodes)):
                    work = tmp / label.replace(" ", "-")
                    work.mkdir()
                    results[label] = night(used, sites, work)
        finally:
            for node in nodes:
                node.stop()
    total = args.docs * args.sites
    print(machine())
    print(
        f"{args.sites} sites of {args.docs} documents each (one shard each), sample portal, concurrency 16, no delay\n"
    )
    print("| nodes | seconds | documents/s | dispatch overhead per job, s (median, max) |")
    print("|---|---:|---:|---:|")
    for label, (seconds, runs) in results.items():
        overhead = [run["dispatched_seconds"] - run["own_seconds"] for run in runs]
        print(
            f"| {label} | {seconds:.1f} | {total / seconds:.0f} | {statistics.median(overhead):.2f}, "
            f"{max(overhead):.2f} |"
        )


if __name__ == "__main__":
    main()
