"""Hanweb jcms columns: /col/colN/index.html gets its list by POSTing the column's parameters to
/module/web/jpage/dataproxy.jsp?startrecord=A&endrecord=B&perpage=P, which answers
<datastore><totalrecord>…</totalrecord><recordset><record><![CDATA[<li>…</li>]]></record>….
"""

import re
from urllib.parse import urlencode, urljoin

from .common import Fetch, Listing, Page, anchor_entries

DATAPROXY = "/module/web/jpage/dataproxy.jsp"
FORM_FIELDS = ("col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname", "permissiontype")
FIELD_RE = re.compile(r"""\b(""" + "|".join(FORM_FIELDS) + r""")\s*[:=]\s*['"]?([^,'"}&\s]*)""")
PERPAGE_RE = re.compile(r"perPage\s*[:=]\s*['\"]?(\d+)", re.I)
RECORD_RE = re.compile(r"<record>\s*<!\[CDATA\[(.*?)\]\]>\s*</record>", re.S)
TOTAL_RE = re.compile(r"<totalrecord>\s*(\d+)\s*</totalrecord>")
DETAIL_RE = re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html")
GROUP = 3  # list pages asked for per request, as the jpage script does


def matches(page: Page) -> bool:
    return any(mark in page.text for mark in ("dataproxy.jsp", "jcms_files", "大汉版通"))


def parse(page: Page, state: dict, selectors: dict) -> Listing:
    if "form" in state:
        return _records(page, state, selectors)
    form = {}
    for name, value in FIELD_RE.findall(page.text):
        form.setdefault(name, value)
    per_page = int(PERPAGE_RE.search(page.text)[1]) if PERPAGE_RE.search(page.text) else 15
    if "columnid" not in form:
        return Listing(anchor_entries(page.text, page, DETAIL_RE.search, selectors))
    return Listing([], _request(page.url, form, per_page, 1))


def _request(url: str, form: dict, per_page: int, start: int) -> Fetch:
    query = urlencode({"startrecord": start, "endrecord": start + per_page * GROUP - 1, "perpage": per_page})
    return Fetch(
        urljoin(url, f"{DATAPROXY}?{query}"), "POST", form, {"form": form, "per_page": per_page, "start": start}
    )


def _records(page: Page, state: dict, selectors: dict) -> Listing:
    html = "<ul>" + "".join(RECORD_RE.findall(page.text)) + "</ul>"
    entries = anchor_entries(html, page, None, selectors)
    total = int(TOTAL_RE.search(page.text)[1]) if TOTAL_RE.search(page.text) else None
    following = state["start"] + state["per_page"] * GROUP
    more = entries and total is not None and following <= total
    return Listing(entries, _request(page.url, state["form"], state["per_page"], following) if more else None, total)
