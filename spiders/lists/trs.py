"""TRS WCM lists: static index.html, index_1.html ... whose pager is written by createPageHTML().

Two forms are in use: createPageHTML(total_pages, current, "index", "html") and, on some provincial
platforms, createPageHTML('page_div', total_pages, current, 'zwgklist', 'shtml', records).
Detail pages are ./YYYYMM/tYYYYMMDD_N.html (or .shtml); long ones are split the same way (t…_1.html).
"""

import re
from urllib.parse import urljoin

from .common import Fetch, Listing, Page, anchor_entries

Q = r"""\s*["']"""
FOUR_ARGS_RE = re.compile(
    r"createPageHTML\(\s*(\d+)\s*,\s*(\d+)\s*," + Q + r"([\w.-]+)[\"']\s*," + Q + r"(s?html?)[\"']\s*\)"
)
SIX_ARGS_RE = re.compile(
    r"createPageHTML\("
    + Q
    + r"[\w-]+[\"']\s*,\s*(\d+)\s*,\s*(\d+)\s*,"
    + Q
    + r"([\w.-]+)[\"']\s*,"
    + Q
    + r"(s?html?)[\"']\s*,\s*(\d+)\s*\)"
)
DETAIL_RE = re.compile(r"/t\d{8}_\d+\.s?html?$")


def matches(page: Page) -> bool:
    return "createPageHTML" in page.text or "TRS_Editor" in page.text


def pager(text: str):
    """(total pages, current page 0-based, file stem, extension, records or None), or None without a pager."""
    six = SIX_ARGS_RE.search(text)
    if six:
        return int(six[1]), int(six[2]), six[3], six[4], int(six[5])
    four = FOUR_ARGS_RE.search(text)
    if four:
        return int(four[1]), int(four[2]), four[3], four[4], None
    return None


def parse(page: Page, state: dict, selectors: dict) -> Listing:
    """Entries whose addresses are TRS's (t20240105_1.html); on a platform that names them otherwise (its newer
    …/c3217074/content.shtml, a ministry's …/202508/<hex>.shtml) with TRS's pager, every list entry."""
    entries = anchor_entries(page.text, page, None if selectors else DETAIL_RE.search, selectors)
    if not entries and not selectors:
        entries = anchor_entries(page.text, page)
    found = pager(page.text)
    if not found:
        return Listing(entries)
    pages, current, stem, ext, records = found
    following = Fetch(urljoin(page.url, f"{stem}_{current + 1}.{ext}")) if current + 1 < pages else None
    return Listing(entries, following, records)


def article_pages(url: str, text: str) -> list[str]:
    """The further pages of a detail page split by createPageHTML (t…_1.html, t…_2.html ...), when it is the first."""
    found = pager(text)
    if not found or not DETAIL_RE.search(url):
        return []
    pages, current, stem, ext, _ = found
    if current != 0 or not stem.startswith("t"):
        return []
    return [urljoin(url, f"{stem}_{n}.{ext}") for n in range(1, pages)]
