"""Hanweb's newer site platform: the list is JSON inside the page (`var listData = {articleList: [...]}`,
each article's address in a JSON string `urls: "{\"pc\": \"/…/content_N.html\"}"`), rendered by
handlebars; the paging parameters are in loadPageData({current, unitid, webSiteCode, channelCode, perPage}).
Further pages are asked for with those parameters in the query string.
"""

import json
import re
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from crawler.dates import find_date

from .common import Entry, Fetch, Listing, Page

LIST_DATA_RE = re.compile(r"var\s+listData\s*=\s*")
LOAD_RE = re.compile(r"loadPageData\(\s*\{(.*?)\}\s*\)", re.S)
PARAM_RE = re.compile(r"""(\w+)\s*:\s*['"]?([^,'"}]*)""")


def matches(page: Page) -> bool:
    return bool(LIST_DATA_RE.search(page.text)) and "loadPageData" in page.text


def parse(page: Page, state: dict, selectors: dict) -> Listing:
    data = _list_data(page.text)
    entries = [entry for article in data.get("articleList", []) if (entry := _entry(article, page.url))]
    params = dict(PARAM_RE.findall(LOAD_RE.search(page.text)[1])) if LOAD_RE.search(page.text) else {}
    total = _int(data.get("total") or params.get("total"))
    current, per_page = _int(params.get("current")) or 1, _int(params.get("perPage")) or len(entries)
    if not entries or total is None or current * per_page >= total:
        return Listing(entries, None, total)
    query = {k: v for k, v in params.items() if k in ("unitid", "webSiteCode", "channelCode", "perPage")}
    parts = urlsplit(page.url)
    following = urlunsplit(parts._replace(query=urlencode({"current": current + 1, **query})))
    return Listing(entries, Fetch(following), total)


def _list_data(text: str) -> dict:
    found = LIST_DATA_RE.search(text)
    if not found:
        return {}
    try:
        data, _ = json.JSONDecoder().raw_decode(text, found.end())
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _entry(article: dict, base_url: str) -> Entry | None:
    urls = article.get("urls") or "{}"
    try:
        urls = json.loads(urls) if isinstance(urls, str) else urls
    except ValueError:
        urls = {"pc": urls}
    link = urls.get("pc") or urls.get("url") or article.get("url")
    if not link:
        return None
    return Entry(
        urljoin(base_url, link),
        (article.get("title") or "").strip() or None,
        find_date(str(article.get("pubDate") or "")),
    )


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
