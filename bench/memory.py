"""Memory: peak resident set size of `zwgk crawl` with every process it starts (the text workers and
their forkserver) over a --docs document section (default 50,000), sampled every half second, with the
RSS at each tenth of the crawl to show whether it grows.

    python bench/memory.py [--docs 50000]
"""

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import big_section, machine, served  # noqa: E402
from processes import descendants  # noqa: E402

from archive import Archive  # noqa: E402


def memory_mib(pid: int, field: str) -> float:
    """VmRSS from /proc/PID/status, or Pss (resident memory with each shared page divided among the processes
    that share it) from /proc/PID/smaps_rollup."""
    source = "status" if field == "VmRSS" else "smaps_rollup"
    try:
        lines = Path(f"/proc/{pid}/{source}").read_text().splitlines()
    except OSError:
        return 0.0
    return next((int(line.split()[1]) for line in lines if line.startswith(field + ":")), 0) / 1024


def tree_memory(pid: int) -> tuple[float, float, int]:
    """Of the process with all its descendants: the sum of their RSS (which counts a page shared by the
    forked workers once per process), the sum of their PSS (which counts it once), and how many they are."""
    tree = [pid, *descendants(pid)]
    return sum(memory_mib(p, "VmRSS") for p in tree), sum(memory_mib(p, "Pss") for p in tree), len(tree)


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
        peak, peak_pss, processes, by_tenth = 0.0, 0.0, 0, {}
        while crawl.poll() is None:
            rss, pss, count = tree_memory(crawl.pid)
            peak, peak_pss, processes = max(peak, rss), max(peak_pss, pss), max(processes, count)
            if count:
                by_tenth.setdefault(archived(db) * 10 // args.docs, (rss, pss))
            time.sleep(0.5)
        seconds = time.monotonic() - started
    print(machine())
    print(
        f"{args.docs} documents crawled in {seconds:.0f} s ({args.docs / seconds:.0f} documents/s); over its "
        f"{processes} processes (the crawl, its text workers and their forkserver) peak RSS {peak:.0f} MiB summed, "
        f"peak PSS {peak_pss:.0f} MiB\n"
    )
    print("| documents archived | RSS of all processes, summed (MiB) | PSS of all processes (MiB) |")
    print("|---:|---:|---:|")
    for tenth in sorted(by_tenth):
        print(f"| {tenth * args.docs // 10} | {by_tenth[tenth][0]:.0f} | {by_tenth[tenth][1]:.0f} |")


if __name__ == "__main__":
    main()
