"""Re-extraction: `zwgk reprocess` over an archive of --docs raw captures (default 10,000), built by
archiving generated TRS pages directly (no HTTP). Prints captures per second.

    python bench/reprocess.py [--docs 10000]
"""

import argparse
import tempfile
import time
from pathlib import Path

from common import big_section, machine, zwgk

from archive import Archive
from coordinator import ingest
from crawler.response import Response


def build(db: Path, count: int) -> float:
    section = big_section(count)
    started = time.monotonic()
    with Archive(db) as archive:
        for doc in section.docs:
            body = section.detail_html(doc, 0).encode(section.encoding)
            ingest(
                archive,
                Response("http://portal.example" + section.detail_path(doc), 200, body, {"Content-Type": "text/html"}),
                "big",
            )
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        ingest_seconds = build(db, args.docs)
        started = time.monotonic()
        said = zwgk("reprocess", "--db", db).strip()
        seconds = time.monotonic() - started
        size = db.stat().st_size
    print(machine())
    print(
        f"archive of {args.docs} captures ({size / 2**20:.0f} MiB), built by ingest in {ingest_seconds:.0f} s "
        f"({args.docs / ingest_seconds:.0f} pages/s, decode to commit)\n"
    )
    print("| step | seconds | captures/s |")
    print("|---|---:|---:|")
    print(f"| zwgk reprocess ({said}) | {seconds:.1f} | {args.docs / seconds:.0f} |")


if __name__ == "__main__":
    main()
