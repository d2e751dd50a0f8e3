"""Guangdong's 政府信息公开平台 (gkmlpt): the page script holds the SID; the list is JSON from
/gkmlpt/api/all/{category}?page=N&sid=SID answering {total, articles: [{title, url, create_time, …}]}.
"""

import datetime
import json
import re
from urllib.parse import urljoin

from .common import Entry, Fetch, Listing, Page

SID_RE = re.compile(r"""\bSID\s*[:=]\s*['"]?(\w+)""")
CHINA = datetime.timezone(datetime.timedelta(hours=8))


def matches(page: Page) -> bool:
    return "/gkmlpt/" in page.url or ("gkmlpt" in page.text and bool(SID_RE.search(page.text)))


def parse(page: Page, state: dict, selectors: dict) -> Listing:
    if "sid" in state:
        return _articles(page, state)
    sid = SID_RE.search(page.text)
    if not sid:
        return Listing([])
    category = state.get("category", 0)
    return Listing([], _request(page.url, sid[1], category, 1))


def _request(url: str, sid: str, category: int, page: int) -> Fetch:
    return Fetch(
        urljoin(url, f"/gkmlpt/api/all/{category}?page={page}&sid={sid}"),
        state={"sid": sid, "category": category, "page": page},
    )


def _articles(page: Page, state: dict) -> Listing:
    try:
        data = json.loads(page.text)
    except ValueError:
        return Listing([])
    articles = data.get("articles") or []
    entries = [_entry(a, page.url) for a in articles if a.get("url")]
    total = data.get("total")
    seen = (state["page"] - 1) * state.get("per_page", len(articles)) + len(articles)
    more = articles and isinstance(total, int) and seen < total
    following = _request(page.url, state["sid"], state["category"], state["page"] + 1) if more else None
    if following:
        following.state["per_page"] = state.get("per_page", len(articles))
    return Listing(entries, following, total if isinstance(total, int) else None)


def _entry(article: dict, base_url: str) -> Entry:
    created = article.get("create_time")
    date = (
        datetime.datetime.fromtimestamp(created, CHINA).date().isoformat()
        if isinstance(created, (int, float))
        else None
    )
    meta = {
        "index_number": article.get("identifier"),
        "doc_number": article.get("document_number"),
        "publisher": article.get("publisher"),
    }
    return Entry(urljoin(base_url, article["url"]), article.get("title"), date, {k: v for k, v in meta.items() if v})
