"""The real-page corpus: government pages nobody here wrote, each with gold written by hand.

gold/ID.json holds what a reader sees on page ID, manifest/*.tsv where each page comes from, split.json which
portals are the validation part (never tuned on). The page bytes as found are in pages/ID.html when they came
through the index's stored text or a registry package; pages taken from repository snapshots are not committed
(workplace rule: such data files live in the steering repository's shared/), and are looked for in
$ZWGK_REAL_CORPUS/pages/ and ../shared/real/pages/ beside the checkout (README of tests/fixtures/real/).
lists/ holds real list pages the same way (MANIFEST.tsv, ENTRIES.json: the entries a reader sees, in page order).
Used by tests/test_real_pages.py, tests/unit/test_real_lists.py, tests/corpus.py and bench/extraction.py.
"""

import csv
import json
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

REAL = Path(__file__).parent / "fixtures" / "real"
CHECKOUT = Path(__file__).resolve().parent.parent
CORPUS_ROOTS = [
    REAL,
    *([Path(os.environ["ZWGK_REAL_CORPUS"])] if os.environ.get("ZWGK_REAL_CORPUS") else []),
    CHECKOUT.parent / "shared" / "real",
]
FIELDS = ("title", "publisher", "published", "doc_number", "index_number")
TOKEN_RE = re.compile(r"[\u3400-\u9fff]|[^\W\d_\u3400-\u9fff]+|\d+")


def corpus_file(relative: str) -> Path | None:
    """The first copy of a corpus file: committed, then $ZWGK_REAL_CORPUS, then ../shared/real/."""
    return next((root / relative for root in CORPUS_ROOTS if (root / relative).is_file()), None)


@dataclass
class RealPage:
    id: str
    raw: bytes | None  # None where the page's bytes are not in this checkout nor beside it
    gold: dict
    source: dict  # the manifest row

    @property
    def host(self) -> str:
        return self.source["site_host"]

    @property
    def url(self) -> str:
        url = self.source.get("url") or ""
        return url if url.startswith("http") else f"http://{self.host}/{self.id}.html"

    @property
    def split(self) -> str:
        return "validation" if self.host in SPLIT["validation"] else "tuning"

    @property
    def html(self) -> str:
        """The page as text, read with the encoding its bytes are known to be in (from the manifest)."""
        encoding = self.source["stored_encoding"].lower()
        return self.raw.decode("gb18030" if encoding in ("gb2312", "gbk") else encoding).removeprefix("\ufeff")

    @property
    def expected_flags(self) -> list[str]:
        return self.gold.get("flags", [])


def _manifest() -> dict[str, dict]:
    rows = {}
    for path in sorted((REAL / "manifest").glob("*.tsv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                rows[row["id"]] = row
    return rows


SPLIT = json.loads((REAL / "split.json").read_text("utf-8"))


def load(available_only: bool = True) -> list[RealPage]:
    sources = _manifest()
    pages = []
    for gold_path in sorted((REAL / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text("utf-8"))
        found = corpus_file(f"pages/{gold['id']}.html")
        pages.append(RealPage(gold["id"], found.read_bytes() if found else None, gold, sources[gold["id"]]))
    return [page for page in pages if page.raw is not None or not available_only]


@dataclass
class RealList:
    """A real list page: its bytes (None where they are not beside the checkout), the entries a reader sees in
    its list (gold, in page order) and the manifest row (its address, the next page its pager gives)."""

    id: str
    raw: bytes | None
    entries: list[dict]
    source: dict


def load_lists(available_only: bool = True) -> list[RealList]:
    gold = json.loads((REAL / "lists" / "ENTRIES.json").read_text("utf-8"))
    with (REAL / "lists" / "MANIFEST.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    found = [(row, corpus_file(f"lists/{row['file']}")) for row in rows]
    pages = [RealList(row["file"], path.read_bytes() if path else None, gold[row["file"]], row) for row, path in found]
    return [page for page in pages if page.raw is not None or not available_only]


def tokens(text: str) -> Counter:
    return Counter(TOKEN_RE.findall(unicodedata.normalize("NFKC", text or "")))


def text_f1(got: str, expected: str) -> float:
    """Token F1 (a Han character, a word of letters, a number): layout and punctuation do not count."""
    a, b = tokens(got), tokens(expected)
    if not a and not b:
        return 1.0
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def same_value(got, expected) -> bool:
    """Metadata compared as a reader would: width and spacing aside."""

    def norm(value):
        return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)) if value else None

    return norm(got) == norm(expected)


def furniture_left(text: str, gold: dict) -> list[str]:
    return [f for f in gold.get("furniture", []) if f and f in (text or "")]


def gb18030_copy(text: str) -> bytes:
    """The page transcoded to GB18030, declaring gb2312 in its meta (no header charset): as many mirrors serve it."""
    html = re.sub(r"""(<meta[^>]*charset\s*=\s*["']?)[\w-]+""", r"\1gb2312", text, flags=re.I)
    if html == text:
        html = re.sub(
            r"(<head[^>]*>)",
            r'\1<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
            text,
            count=1,
            flags=re.I,
        )
    return html.encode("gb18030")
