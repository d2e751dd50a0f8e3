"""Where the text path's time goes on real pages: decode, parse, extract, metadata, check, clean, per page; and
what storing each document then costs the archive's one writer.

    ZWGK_REAL_CORPUS=/path/to/real python bench/text_path.py [--runs N]

Times process_page as the crawl and `zwgk fetch` call it, with each stage's function wrapped by a
timer in this process only (the pipeline itself is unchanged); then `Archive.record_document` for each
document, as the crawl's writer calls it, into a new archive file each run (the snapshot packed, the
version, the search index, one transaction). Pages: the real-page corpus
(tests/fixtures/real/) and, to exercise the detector, each page transcoded to GB18030 with a meta
that lies (utf-8).
"""

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import lying_copy, machine  # noqa: E402
from realpages import load  # noqa: E402

import crawler.extract as extract  # noqa: E402
import crawler.pipeline as pipeline  # noqa: E402
from archive import Archive  # noqa: E402
from crawler.response import Response  # noqa: E402

STAGES = {  # stage -> (module, function or class) wrapped where the text path calls it
    "decode": (pipeline, "decode_bytes"),
    "parse": (extract, "parse"),
    "render (the page's lines, once)": (extract, "Rendering"),
    "extract (container, lines, attachments)": (extract, "main_text"),
    "metadata": (extract, "read_metadata"),
    "check (integrity)": (pipeline.integrity, "check_lines"),
    "clean": (pipeline, "clean_lines"),
    "document (content hash)": (pipeline, "Document"),
}
spent: dict = defaultdict(float)


running: list[str] = []  # the stages under way, innermost last


def timed(stage: str, function):
    """`function` with its time charged to `stage`, less what stages it calls spend (charged to theirs)."""

    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        running.append(stage)
        try:
            return function(*args, **kwargs)
        finally:
            running.pop()
            elapsed = time.perf_counter() - started
            spent[stage] += elapsed
            if running:
                spent[running[-1]] -= elapsed

    return wrapper


def responses(pages) -> list[Response]:
    """Each page as an answer of its own address (a copy's address marked), so each is a document of its own."""
    return [Response(f"{url}?copy={i}", 200, raw) for i, (url, raw) in enumerate(pages)]


def store_time(documents) -> float:
    """ms per document that `record_document` takes, into a new archive file."""
    with tempfile.TemporaryDirectory() as folder, Archive(f"{folder}/bench.db") as archive:
        started = time.perf_counter()
        for response, doc in documents:
            archive.record_document(response, doc, site="bench")
        return (time.perf_counter() - started) * 1000 / len(documents)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    for stage, (module, name) in STAGES.items():
        setattr(module, name, timed(stage, getattr(module, name)))
    corpus = load()
    pages = [(page.url, page.raw) for page in corpus] + [(page.url, lying_copy(page)) for page in corpus]
    totals, stores = [], []
    per_stage = defaultdict(list)
    for _ in range(args.runs + 1):  # the first run warms caches and is not counted
        spent.clear()
        started = time.perf_counter()
        documents = [(response, pipeline.process_page(response)) for response in responses(pages)]
        totals.append((time.perf_counter() - started) * 1000 / len(pages))
        for stage in STAGES:
            per_stage[stage].append(spent[stage] * 1000 / len(pages))
        stores.append(store_time(documents))
    totals, stores, per_stage = totals[1:], stores[1:], {stage: values[1:] for stage, values in per_stage.items()}
    size = statistics.mean(len(raw) for _, raw in pages) / 1024
    print(
        f"{machine()}; {len(pages)} pages (real pages and their GB18030 copies with a lying meta), mean {size:.0f} KiB;"
        f" {args.runs} runs\n"
    )
    print("| stage | ms per page (min–max over runs) |")
    print("|---|---:|")
    for stage, values in per_stage.items():
        print(f"| {stage} | {min(values):.2f}–{max(values):.2f} |")
    print(f"| **whole text path** | **{min(totals):.2f}–{max(totals):.2f}** |")
    store = "store, in the writer (snapshot, version, search index: one transaction)"
    print(f"| {store} | {min(stores):.2f}–{max(stores):.2f} |")


if __name__ == "__main__":
    main()
