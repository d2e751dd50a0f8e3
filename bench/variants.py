"""Each real page written as other portals write the same thing: every metadata field must read as on the page.

A robustness probe, not a corpus: the variants are made here from the real pages, one change at a time, each a way
portals are known to differ. Per split (tuning / validation, the real-page corpus's split by portal), per kind of
change: how many variants were made and how many read a field (title, publisher, 发布日期, 文号, 索引号) otherwise
than the unchanged page does, or, where the change writes the date, otherwise than the date itself.

    python bench/variants.py            # ZWGK_REAL_CORPUS=… where the pages stand beside the checkout
"""

import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import machine  # noqa: E402
from realpages import load, same_value  # noqa: E402

from crawler.pipeline import process_page  # noqa: E402
from crawler.response import Response  # noqa: E402

FIELDS = ("title", "publisher", "published", "doc_number", "index_number")
LABELS = "索引号|文号|发文字号|发布机构|发文机关|发布日期|成文日期|信息来源|发布时间|公开日期"
LABEL_THEN_COLON = rf"({LABELS})(\s*(?:</[^>]+>)?\s*)："
TITLE_RE = re.compile(r"(<title[^>]*>)(.*?)(</title>)", re.S | re.I)
OTHER_SITE = "滨江市人民政府"


def label_variants(html: str, doc) -> dict:
    """Labels as other templates print them: half-width colons, spaced out, in <strong>, &nbsp; after them."""
    return {
        "label: half-width colon": re.sub(LABEL_THEN_COLON, r"\1\2:", html),
        "label: spaced out": re.sub(
            rf"(?<=[>\s])({LABELS})(?=\s*(?:</[^>]+>)?\s*[:：])", lambda m: " ".join(m[1]), html
        ),
        "label: in <strong>": re.sub(rf"(?<=>)({LABELS})([:：])", r"<strong>\1\2</strong>", html),
        "label: &nbsp; after": re.sub(rf"({LABELS})([:：])(?=[^<\s])", r"\1\2&nbsp;&nbsp;", html),
        "label: 发布时间 for 发布日期": html.replace("发布日期", "发布时间"),
    }


def head_title_variants(html: str, doc) -> dict:
    """The head <title> with another site's name around it, or naming only the page's own site."""
    found = TITLE_RE.search(html)
    if not found:
        return {}
    title = found[2].strip()
    site = re.search(r'<meta\s+name="SiteName"\s+content="([^"]+)"', html, re.I)
    written = {
        "<title>: site--title": f"{OTHER_SITE}--{title}",
        "<title>: title | site": f"{title} | {OTHER_SITE}网站",
        "<title>: title_site": f"{title}_{OTHER_SITE}",
        "<title>: its own SiteName only": site[1] if site else None,
    }
    return {kind: html[: found.start(2)] + new + html[found.end(2) :] for kind, new in written.items() if new}


def date_variants(html: str, doc) -> dict:
    """The printed 发布日期 in the other forms portals use."""
    if not doc.published:
        return {}
    year, month, day = doc.published.split("-")
    forms = {
        "date: 2024-01-05": f"{year}-{month}-{day}",
        "date: 2024/1/5": f"{year}/{int(month)}/{int(day)}",
        "date: 2024.01.05": f"{year}.{month}.{day}",
        "date: 2024年01月05日": f"{year}年{month}月{day}日",
        "date: 2024年1月5日": f"{year}年{int(month)}月{int(day)}日",
        "date: full-width digits": f"{year}-{month}-{day}".translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}),
    }
    printed = next((form for form in forms.values() if form in html), None)
    return {kind: html.replace(printed, form) for kind, form in forms.items() if printed and form != printed}


VARIANTS = (label_variants, head_title_variants, date_variants)


def read(page, html: str):
    return process_page(Response(page.url, 200, html.encode("utf-8")))


def differing(doc, variant) -> list[str]:
    return [name for name in FIELDS if not same_value(getattr(variant, name), getattr(doc, name))]


def main() -> None:
    print(machine())
    pages = load()
    for split in ("tuning", "validation"):
        made, wrong = Counter(), Counter()
        chosen = [page for page in pages if page.split == split]
        for page in chosen:
            html = page.html
            doc = read(page, html)
            for variants in VARIANTS:
                for kind, written in variants(html, doc).items():
                    if written == html:
                        continue
                    made[kind] += 1
                    wrong[kind] += bool(differing(doc, read(page, written)))
        print(f"\n{split}: {len(chosen)} pages\n\n| change | variants | read otherwise |\n|---|---:|---:|")
        for kind in sorted(made):
            print(f"| {kind} | {made[kind]} | {wrong[kind]} |")
        print(f"| **all** | {sum(made.values())} | {sum(wrong.values())} |")


if __name__ == "__main__":
    main()
