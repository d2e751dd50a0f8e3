"""Extraction: milliseconds per page and quality of the pipeline's text path against trafilatura.extract,
on the same pages: every generated sample-portal document page (expected text known) and the static
fixture pages (expected text in tests/fixtures/pages/*.json). Both start from the raw bytes.

    python bench/extraction.py
"""
import json
import re
import time
from collections import Counter
from pathlib import Path

import trafilatura

from common import machine
from crawler.pipeline import Response, process_page
from zwgk.portal import SITE
from zwgk.portal.sections import default_sections

ROOT = Path(__file__).resolve().parent.parent
TOKEN_RE = re.compile(r"[\u4e00-\u9fff]|[A-Za-z0-9]+")


def corpus() -> list[tuple[str, bytes, str]]:
    """(url, raw bytes, expected main text)."""
    pages = []
    for section in default_sections():
        for doc in section.docs:
            if doc.state == "live" and doc.pages == 1 and not doc.damage:
                html = section.detail_html(doc, 0)
                pages.append((section.detail_path(doc), html.encode(section.encoding, "xmlcharrefreplace"), "\n".join(doc.paragraphs)))
    manifest = __import__("tomllib").loads((SITE.parent / "portal.toml").read_text("utf-8"))["pages"]
    for fixture in sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.json")):
        expected = json.loads(fixture.read_text("utf-8"))
        raw = (SITE / expected["path"].lstrip("/")).read_text("utf-8").replace("{{hits}}", "7")
        text = expected["text"] if isinstance(expected["text"], str) else "\n".join(expected["text"])
        pages.append((expected["path"], raw.encode(manifest[expected["path"]]["encoding"]), text))
    return pages


def f1(got: str, expected: str) -> float:
    a, b = Counter(TOKEN_RE.findall(got or "")), Counter(TOKEN_RE.findall(expected))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def run(name, extract, pages) -> tuple[str, float, float]:
    started = time.perf_counter()
    outputs = [extract(url, raw) for url, raw, _ in pages]
    ms = (time.perf_counter() - started) * 1000 / len(pages)
    return name, ms, sum(f1(out, expected) for out, (_, _, expected) in zip(outputs, pages)) / len(pages)


def main() -> None:
    pages = corpus()
    results = [
        run("zwgk pipeline (decode, extract, check, clean, metadata)",
            lambda url, raw: process_page(Response("http://portal.example" + url, 200, raw)).text, pages),
        run("trafilatura.extract", lambda url, raw: trafilatura.extract(raw), pages),
    ]
    print(f"{machine()}, trafilatura {trafilatura.__version__}")
    print(f"{len(pages)} pages (sample-portal documents of five portal families and four fixture pages), from raw bytes\n")
    print("| extractor | ms per page | mean F1 against the expected text |")
    print("|---|---:|---:|")
    for name, ms, quality in results:
        print(f"| {name} | {ms:.2f} | {quality:.3f} |")


if __name__ == "__main__":
    main()
