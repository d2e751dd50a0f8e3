"""Extraction on real government pages, side by side: the zwgk pipeline, trafilatura, GeneralNewsExtractor
(gne) and readability-lxml, each from the raw bytes, against gold written by hand
(tests/fixtures/real/). The validation portals (split.json), never tuned on, are reported apart.

    python bench/extraction.py [--runs N]
"""

import argparse
import statistics
import sys
import time
from pathlib import Path

import lxml.html
import trafilatura
from trafilatura.utils import decode_file

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import machine  # noqa: E402
from realpages import FIELDS, furniture_left, load, same_value, text_f1  # noqa: E402

from crawler.pipeline import process_page
from crawler.response import Response  # noqa: E402

BLOCKS = "p|div|br|li|tr|h1|h2|h3|h4|h5|h6|table|section|article"


def zwgk(page) -> dict:
    doc = process_page(Response(page.url, 200, page.raw))
    return {"text": doc.text, **{f: getattr(doc, f) for f in FIELDS}}


def with_trafilatura(page) -> dict:
    found = trafilatura.bare_extraction(page.raw, include_tables=True, with_metadata=True)
    found = found.as_dict() if hasattr(found, "as_dict") else (found or {})
    return {
        "text": found.get("text") or "",
        "title": found.get("title"),
        "published": found.get("date"),
        "publisher": found.get("author"),
    }


def with_gne(page) -> dict:
    from gne import GeneralNewsExtractor
    from gne.exceptions import NoContentException

    try:
        found = GeneralNewsExtractor().extract(decode_file(page.raw))
    except (NoContentException, ValueError):  # gne gives up on a page (or fails in its scoring: a math domain
        found = {}  # error on a page whose densest node has no text): it found nothing
    published = (found.get("publish_time") or "")[:10].replace("/", "-") or None
    return {
        "text": found.get("content") or "",
        "title": found.get("title"),
        "published": published,
        "publisher": found.get("author") or None,
    }


def with_readability(page) -> dict:
    from readability import Document

    document = Document(decode_file(page.raw))
    summary = lxml.html.fromstring(document.summary())
    for el in summary.iter(*BLOCKS.split("|")):
        el.tail = "\n" + (el.tail or "")
    return {"text": summary.text_content(), "title": document.short_title()}


EXTRACTORS = {
    "zwgk pipeline": zwgk,
    "trafilatura": with_trafilatura,
    "gne": with_gne,
    "readability-lxml": with_readability,
}
# What each extractor can say at all; a dash in the table where it has no such field.
CAN_SAY = {
    "zwgk pipeline": FIELDS,
    "trafilatura": ("title", "publisher", "published"),
    "gne": ("title", "publisher", "published"),
    "readability-lxml": ("title",),
}


def score(name: str, pages: list, outputs: list[dict]) -> dict:
    f1s = [text_f1(out["text"], page.gold["text"]) for page, out in zip(pages, outputs)]
    row = {
        "f1": statistics.mean(f1s),
        "below": sum(f < 0.95 for f in f1s),
        "per_page": f1s,
        "furniture": sum(len(furniture_left(out["text"], page.gold)) for page, out in zip(pages, outputs)),
        "invented": sum(  # a value where the gold has none (the page gives none)
            bool(out.get(field)) and not page.gold.get(field)
            for page, out in zip(pages, outputs)
            for field in CAN_SAY[name]
        ),
    }
    for field in FIELDS:
        judged = [(page, out) for page, out in zip(pages, outputs) if page.gold.get(field)]
        row[field] = (
            None
            if field not in CAN_SAY[name] or not judged
            else sum(same_value(out.get(field), page.gold[field]) for page, out in judged) / len(judged)
        )
    return row


def timed(extract, pages, runs: int) -> tuple[list[dict], list[float]]:
    outputs, times = [], []
    for _ in range(runs):
        started = time.perf_counter()
        outputs = [extract(page) for page in pages]
        times.append((time.perf_counter() - started) * 1000 / len(pages))
    return outputs, times


def table(pages: list, runs: int) -> tuple[list[str], dict]:
    lines = [
        "| extractor | mean text F1 | pages < 0.95 | title | publisher | published | 文号 | 索引号 "
        "| values the gold has none of | furniture left | ms per page |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    rows = {}
    for name, extract in EXTRACTORS.items():
        outputs, times = timed(extract, pages, runs)
        row = rows[name] = score(name, pages, outputs)
        fields = " | ".join("–" if row[f] is None else f"{row[f]:.2f}" for f in FIELDS)
        ms = f"{min(times):.1f}–{max(times):.1f}" if runs > 1 else f"{times[0]:.1f}"
        lines.append(
            f"| {name} | {row['f1']:.3f} | {row['below']} | {fields} | {row['invented']} | {row['furniture']} | {ms} |"
        )
    return lines, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3, help="timing runs (the range over runs is shown)")
    parser.add_argument("--pages", action="store_true", help="also print each page's text F1 per extractor")
    args = parser.parse_args()
    corpus = load()
    print(f"{machine()}, trafilatura {trafilatura.__version__}")
    for split in ("tuning", "validation"):
        pages = [p for p in corpus if p.split == split]
        portals = len({p.host for p in pages})
        print(f"\n{split}: {len(pages)} pages from {portals} portals, from raw bytes\n")
        lines, rows = table(pages, args.runs)
        print("\n".join(lines))
        if args.pages:
            for i, page in enumerate(pages):
                print(page.id, " ".join(f"{name}={rows[name]['per_page'][i]:.3f}" for name in rows))


if __name__ == "__main__":
    main()
