"""Re-extraction: `zwgk reprocess` over an archive of --docs raw captures (default 10,000), built by
archiving generated TRS pages directly (no HTTP). Prints captures per second.

    python bench/reprocess.py [--docs 10000]
"""
import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from archive import Archive, ingest
from crawler.pipeline import Response
from zwgk.portal.sections import default_sections


def build(db: Path, count: int) -> float:
    section = next(s for s in default_sections(big=count) if s.key == "big")
    started = time.monotonic()
    with Archive(db) as archive:
        for doc in section.docs:
            body = section.detail_html(doc, 0).encode(section.encoding)
            ingest(archive, Response("http://portal.example" + section.detail_path(doc), 200, body, {"Content-Type": "text/html"}), "big")
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "archive.db"
        ingest_seconds = build(db, args.docs)
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "zwgk", "reprocess", "--db", str(db)], check=True, capture_output=True, text=True)
        seconds = time.monotonic() - started
        size = db.stat().st_size
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print(f"archive of {args.docs} captures ({size / 2**20:.0f} MiB), built by ingest in {ingest_seconds:.0f} s "
          f"({args.docs / ingest_seconds:.0f} pages/s, decode to commit)\n")
    print("| step | seconds | captures/s |")
    print("|---|---:|---:|")
    print(f"| zwgk reprocess ({done.stdout.strip()}) | {seconds:.1f} | {args.docs / seconds:.0f} |")


if __name__ == "__main__":
    main()
