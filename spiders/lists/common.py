"""What list parsers return, and the link-and-date reading that most list pages share."""

import re
from copy import deepcopy
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from crawler.dates import DIGITS_DATE_RE, find_date
from crawler.extract import DATELINE_RE, FILE_RE, text_of
from crawler.extract import parse as parse_html
from crawler.urls import absolute, as_sent

ITEM_XPATH = "//li[.//a[@href]] | //tr[.//a[@href]] | //dd[.//a[@href]]"
# A column's index page (…/fgzc/bmyjs/, …/tzgg/index.html, …/new_list_2.shtml): a menu's link, not a document.
COLUMN_PAGE_RE = re.compile(r"/(?:(?:index|list|new_list)(?:_\d+)?\.s?html?)?$", re.I)
MIN_TITLE = 5
# A document's row links it and at most its 解读, 图解 or 问答 (files aside, and what items inside it link: 发改委's
# rows hold their 解读 as a list of their own); an item linking more pages itself is a block of links, a sidebar's
# 热门信息 in one cell.
MAX_PAGES_IN_ENTRY = 4


@dataclass
class Page:
    url: str
    text: str
    hosts: tuple[str, ...] = ()  # where else its documents stand: the site's allowed_domains (and their subdomains)
    encoding: str = "utf-8"  # the page's, in which its links' queries are sent

    def link(self, href: str) -> str:
        """A link's address on this page, as a browser sends it."""
        return absolute(self.url, href.strip(), self.encoding)


@dataclass
class Entry:
    url: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD as listed
    meta: dict = field(default_factory=dict)  # metadata fields the list shows: index_number, doc_number, publisher

    def __post_init__(self) -> None:
        self.url = as_sent(self.url)  # as the archive keys the document, whichever list family linked it

    @property
    def signature(self) -> str:
        """How the list shows the document: when it changes, the document may have changed."""
        return f"{self.title or ''}|{self.date or ''}"

    def as_dict(self) -> dict:
        return {"url": self.url, "title": self.title, "date": self.date, "meta": self.meta, "signature": self.signature}


@dataclass
class Fetch:
    url: str
    method: str = "GET"
    form: dict | None = None
    state: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple:
        """What makes two list requests the same page: address, method and form (jcms posts every page to one URL)."""
        return self.url, self.method, tuple(sorted((self.form or {}).items()))


@dataclass
class Listing:
    entries: list[Entry]
    next: Fetch | None = None
    total: int | None = None  # documents the portal says the list holds


def anchor_entries(html: str, page: Page, is_detail=None, selectors: dict | None = None) -> list[Entry]:
    """Entries from list items (li, tr, dd) holding a link and, usually, a date, in `html` (the page's, or what its
    data answer holds); in page order, each URL once. A link counts on the list's own host, or on the page's
    `hosts` (a site whose 信息公开 platform stands on a host of its own)."""
    selectors = selectors or {}
    root = parse_html(html)
    items = select(root, selectors.get("list_item")) if selectors.get("list_item") else root.xpath(ITEM_XPATH)
    entries, seen = [], set()
    for item in items:
        links = select(item, selectors["link"]) if selectors.get("link") else item.xpath(".//a[@href]")
        link, title = next(((a, title) for a in links if (title := _title(a))), (None, None))
        if link is None or (not selectors.get("list_item") and _pages_linked(item, links) > MAX_PAGES_IN_ENTRY):
            continue
        url = page.link(link.get("href"))
        if url in seen or not _is_a_document(url, page, is_detail):
            continue
        date_text = (
            " ".join(element_text(d) for d in select(item, selectors["date"]))
            if selectors.get("date")
            else element_text(item)
        )
        match = DIGITS_DATE_RE.search(date_text)
        seen.add(url)
        entries.append(Entry(url, title, find_date(match.group(0)) if match else None))
    return entries


def _pages_linked(item, links) -> int:
    """The pages `item` links itself: not files, nor the links of the items inside it."""
    own = [a for a in links if next(a.iterancestors("li", "tr", "dd"), None) is item]
    return len({href for a in own if (href := a.get("href")) and not FILE_RE.search(href)})


def _title(link) -> str | None:
    """The title attribute, else the link's words without a date written in an element of its own inside it
    (<a><span>标题</span><span>2024-01-05</span></a>: the list's date, not the title's)."""
    title = (link.get("title") or _without_dates(link)).strip()
    return title if len(title) >= MIN_TITLE and re.search(r"[\u4e00-\u9fff]", title) else None


def _without_dates(link) -> str:
    dated = [i for i, el in enumerate(link.iterdescendants()) if isinstance(el.tag, str) and _only_a_date(el)]
    if not dated:
        return element_text(link)
    words = deepcopy(link)  # copied only where a date is to go
    inside = list(words.iterdescendants())
    for i in dated:
        _drop_keeping_tail(inside[i])
    return element_text(words)


def _drop_keeping_tail(el) -> None:
    """Take `el` out of its tree; the words after it (its tail) stay where they stood."""
    parent, previous = el.getparent(), el.getprevious()
    if el.tail and previous is not None:
        previous.tail = (previous.tail or "") + el.tail
    elif el.tail:
        parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _only_a_date(el) -> bool:
    """An element that holds a dateline and nothing else but its brackets ([2024-01-05], 2024年1月5日 10:20)."""
    return bool(DATELINE_RE.fullmatch(element_text(el).strip("[]【】［］()（）")))


def element_text(el) -> str:
    """An element's text, its runs of whitespace as one space."""
    return re.sub(r"\s+", " ", text_of(el)).strip()


def compile_selector(selector: str):
    """XPath when the selector starts with / or ./, CSS otherwise; ValueError names what is wrong with it."""
    from cssselect import SelectorError
    from lxml import etree
    from lxml.cssselect import CSSSelector

    xpath = selector.startswith(("/", "./", "("))
    try:
        return etree.XPath(selector) if xpath else CSSSelector(selector)
    except (etree.XPathSyntaxError, SelectorError) as error:
        raise ValueError(f"{selector!r} is not a valid {'XPath' if xpath else 'CSS'} selector ({error})") from None


def select(el, selector: str):
    return compile_selector(selector)(el)


def matches_nothing(html: str, selector: str) -> bool:
    return not select(parse_html(html), selector)


def _is_a_document(url: str, page: Page, is_detail) -> bool:
    """A link a list's entry may give: on the site, no column's index, and a document's address as the family writes
    one (`is_detail`) where it says."""
    on_the_site = _on_the_site(url, page.url, page.hosts)
    return on_the_site and not COLUMN_PAGE_RE.search(urlsplit(url).path) and (not is_detail or bool(is_detail(url)))


def _on_the_site(url: str, base_url: str, hosts: tuple[str, ...]) -> bool:
    a, b = urlsplit(url), urlsplit(base_url)
    host = a.hostname or ""
    elsewhere = any(host == allowed or host.endswith("." + allowed) for allowed in hosts)  # as Scrapy's offsite filter
    return a.scheme in ("http", "https") and (host == b.hostname or elsewhere)
