"""Plain lists: ul/li or table rows with a link and a date, paged by 下一页 links or ?page=N; and
信息公开目录 tables whose header names the columns (索引号, 名称, 文号, 发布日期), whose values are kept."""

import re

from crawler import metadata
from crawler.dates import find_date
from crawler.extract import parse as parse_html
from crawler.extract import text_of

from .common import Entry, Fetch, Listing, Page, anchor_entries, element_text, select

NEXT_RE = re.compile(r"^\s*(?:下一页|下页|后一页|next|›|>)\s*$", re.I)
TOTAL_RE = re.compile(r"共\s*(\d+)\s*条")


def matches(page: Page) -> bool:
    return True


def parse(page: Page, state: dict, selectors: dict) -> Listing:
    entries = _catalogue(page) or anchor_entries(page.text, page, None, selectors)
    total = TOTAL_RE.search(page.text)
    return Listing(entries, _next(page, selectors), int(total[1]) if total else None)


def _next(page: Page, selectors: dict) -> Fetch | None:
    root = parse_html(page.text)
    links = (
        select(root, selectors["next_page"])
        if selectors.get("next_page")
        else [a for a in root.xpath("//a[@href]") if NEXT_RE.match(text_of(a))]
    )
    for link in links:
        href = (link.get("href") or "").strip()
        if href and not href.lower().startswith("javascript") and href != "#":
            url = page.link(href)
            return Fetch(url) if url != page.url else None
    return None


def _catalogue(page: Page) -> list[Entry]:
    """Rows of a 信息公开目录 table: the header row says which column holds what."""
    root = parse_html(page.text)
    for table in root.xpath("//table"):
        rows = table.xpath("./tr | ./tbody/tr | ./thead/tr")
        if not rows:
            continue
        header = [metadata.label_field(text_of(cell)) or "" for cell in rows[0].xpath("./th | ./td")]
        if "title" not in header or not {"index_number", "doc_number"} & set(header):
            continue
        return [entry for row in rows[1:] if (entry := _row_entry(row, header, page))]
    return []


def _row_entry(row, header: list[str], page: Page) -> Entry | None:
    cells = row.xpath("./td | ./th")
    link = next(iter(row.xpath(".//a[@href]")), None)
    if link is None:
        return None
    values = {name: element_text(cell) for name, cell in zip(header, cells) if name}
    meta = {k: v for k, v in values.items() if k in ("index_number", "doc_number", "publisher") and v}
    date = find_date(values.get("published") or values.get("written") or "")
    title = (link.get("title") or text_of(link)).strip() or values.get("title")
    return Entry(page.link(link.get("href")), title, date, meta)
