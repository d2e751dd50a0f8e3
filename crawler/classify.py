"""What an answer to a document request is: a document, a withdrawal, an anti-bot block, or an error.

Anti-bot answers must never become versions or withdrawals, and a withdrawal often comes back as
HTTP 200: a short "页面不存在" page, or a redirect or meta refresh to the document's column or to an error page.
"""

import re
from codecs import BOM_UTF8
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .response import media_type

GONE_STATUSES = {404: "http-404", 410: "http-410"}
ANY = re.compile("")
# (reason, status or None for any, words, markup). Words and markup must both be in the page. Signs that
# come with a 200 or any status also need a short page: a notice may well say 请登录 or 验证码.
BLOCK_SIGNS = [
    ("ruishu-412", 412, re.compile(r"\$_ts|<script", re.I), ANY),
    ("jiasule-521", 521, re.compile(r"__jsl_clearance|document\.cookie", re.I), ANY),
    ("ruishu", None, re.compile(r"\$_ts\s*=|\$_ts\.", re.I), re.compile(r"<script", re.I)),
    (
        "waf",
        None,
        re.compile(
            r"安全狗|safedog|网站防火墙|应用防火墙|您的访问被拦截|访问已被拦截|请求被拦截|访问被阻断|疑似黑客攻击"
            r"|Web\s*Application\s*Firewall",
            re.I,
        ),
        ANY,
    ),
    (
        "captcha",
        None,
        re.compile(r"请输入验证码|滑动验证|人机验证|安全验证|captcha|geetest", re.I),
        re.compile(r"<input|<canvas|captcha|geetest|slider", re.I),
    ),
    ("login", 200, re.compile(r"登录|登陆"), re.compile(r"""type\s*=\s*["']?password""", re.I)),
    ("rate-limited-429", 429, ANY, ANY),
    ("forbidden-403", 403, ANY, ANY),
]
# Said by the page itself, on a page with hardly any text: 已撤销 or 删除 inside a real notice must not count.
SOFT_404_RE = re.compile(
    r"页面不存在|页面未找到|找不到(?:该|您要访问的)?页面|(?:信息|文章|稿件|内容)(?:已经?被?|被)删除|文章不存在|信息不存在|内容不存在|"
    r"稿件已撤|(?:页面|文章|信息|内容)(?:已)?(?:过期|下线)|404\s*(?:Not\s*Found|错误)",
    re.I,
)
# Where servers send a request they cannot answer (IIS's and TRS's custom errors), dressed in the site's furniture and
# so longer than a soft 404 may be: a not-found page (/404.html, /notfound.htm, /error.jsp?code=404) says the document
# is gone; any other error page (/500.html, /error.jsp) says nothing of it: an error, neither version nor withdrawal.
NOT_FOUND_PAGE_RE = re.compile(
    r"/(?:404|404page|notfound|not_found|nofound|page_not_found)(?:\.[a-z]+)?/?(?:\?|$)"
    r"|[?&](?:code|status|err|error|errcode)=404(?:&|$)",
    re.I,
)
ERROR_PAGE_RE = re.compile(r"/(?:50\d|50x|error|errors|err)(?:\.[a-z]+)?/?(?:\?|$)", re.I)
SOFT_404_PAGE = 300  # visible characters
SHORT_PAGE = 600  # visible characters: a real document with its page furniture is longer
REFRESH_RE = re.compile(
    r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d*\s*;?\s*url\s*=\s*([^"'>\s]+)""", re.I
)
SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1\s*>", re.I | re.S)
# Markup as a browser reads it: a tag opens with a letter, or it is a comment, a declaration or an end tag (one whose
# name is no letter, </坚强…>, a bogus comment). A '<' before anything else is text (印发<坚强…方案>的通知).
TAG_RE = re.compile(r"</?[A-Za-z][^>]*>|<[!?/][^>]*>")


HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")


class NotADocument(Exception):
    """An answer that brings nothing to archive as a document; the message is the one line shown to the user."""


class Blocked(NotADocument):
    """An anti-bot or login answer: recorded as a blocked capture, the archive otherwise unchanged."""


@dataclass
class Verdict:
    kind: str  # document | gone | blocked | error
    reason: str = ""


def classify(status: int, html: str, url: str, final_url: str | None = None) -> Verdict:
    visible = visible_text(html)
    short = len(visible) < SHORT_PAGE
    for reason, sign_status, words, markup in BLOCK_SIGNS:
        status_fits = sign_status is None or status == sign_status
        if status_fits and (short or sign_status not in (None, 200)) and words.search(html) and markup.search(html):
            return Verdict("blocked", reason)
    if status in GONE_STATUSES:
        return Verdict("gone", GONE_STATUSES[status])
    if not 200 <= status < 300:
        return Verdict("error", f"http-{status}")
    if final_url and final_url != url and _is_column_of(final_url, url):
        return Verdict("gone", "redirect-to-column")
    if final_url and final_url != url and (verdict := _sent_to_an_error_page(final_url)):
        return verdict
    refresh = REFRESH_RE.search(html)
    if refresh and _is_column_of(urljoin(final_url or url, refresh.group(1)), url):
        return Verdict("gone", "refresh-to-column")
    if len(visible) < SOFT_404_PAGE and SOFT_404_RE.search(visible):
        return Verdict("gone", "soft-404")
    return Verdict("document")


def _sent_to_an_error_page(final_url: str) -> Verdict | None:
    parts = urlsplit(final_url)
    target = f"{parts.path}?{parts.query}" if parts.query else parts.path
    if NOT_FOUND_PAGE_RE.search(target):
        return Verdict("gone", "redirect-to-not-found-page")
    if ERROR_PAGE_RE.search(target):
        return Verdict("error", "redirect-to-error-page")
    return None


def visible_text(html: str) -> str:
    return re.sub(r"\s+", "", TAG_RE.sub(" ", SCRIPT_RE.sub(" ", html)))


def _is_column_of(target: str, url: str) -> bool:
    """True when `target` is a directory (or its index page) above the document at `url`, on the same host."""
    a, b = urlsplit(target), urlsplit(url)
    if a.netloc != b.netloc:
        return False
    column = re.sub(r"(?:index|default)(?:_\d+)?\.s?html?$", "", a.path)
    return column.endswith("/") and b.path.startswith(column) and b.path != a.path


def starts_as_markup(body: bytes) -> bool:
    """The bytes open as a page does (a tag, after any space and a UTF-8 BOM); no PDF, Word, Excel, zip or image file
    does."""
    return body.lstrip().removeprefix(BOM_UTF8).lstrip().startswith(b"<")


def check_document(body: bytes, content_type: str | None, url: str, status: int) -> None:
    """A 2xx answer worth extracting: some body, and a page rather than a binary file: its type says so, or its
    bytes open as a page does."""
    kind = media_type(content_type) or "text/html"
    if not body.strip():
        raise NotADocument(f"{url}: empty response body (HTTP {status})")
    if (kind not in HTML_TYPES and not starts_as_markup(body)) or b"\x00" in body[:1024]:
        raise NotADocument(f"{url}: not an HTML page ({kind})")  # a page under a wrong type (text/htm) is read
