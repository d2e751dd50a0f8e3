"""A section of the sample portal: its documents, and the pages and answers every family shares."""

import datetime
import html
import math
import threading
from email.utils import format_datetime
from urllib.parse import quote

from ..content import SampleDoc, make_docs, revise
from .faults import FAKE_PDF, NOT_FOUND, STATE_ANSWERS, big_body

Answer = tuple[int, dict, bytes]

HEAD = "<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title></head>\n<body>\n"
FURNITURE_TOP = (
    '<div class="top">今天是{today} 【<a href="#">无障碍浏览</a>】</div>\n'
    '<div class="position">您现在的位置：<a href="/">首页</a> &gt; <a href="/xxgk/">政府信息公开</a> &gt; '
    "{column}</div>\n"
)
FURNITURE_BOTTOM = (
    '<div class="tools">【<a href="javascript:window.print()">打印本页</a>】【<a '
    'href="javascript:window.close()">关闭窗口</a>】</div>\n'
    '<div class="footer">主办单位：青岚县人民政府办公室　网站标识码：1411000001　晋ICP备05001234号</div>\n</body>'
    "</html>"
)


def base_host(headers: dict) -> str:
    """The portal's own address as the request named it (its Host header)."""
    return f"//{headers.get('host', '')}/"


class Section:
    family = ""
    container = 'class="content"'
    per_page = 10

    def __init__(
        self,
        key: str,
        name: str,
        root: str,
        docs: list[SampleDoc],
        encoding: str = "utf-8",
        meta_charset: str | None = "utf-8",
        header_charset: str | None = None,
        per_page: int | None = None,
        manual_order: bool = False,
    ):
        self.key, self.name, self.root, self.docs = key, name, root, docs
        self.manual_order = manual_order  # listed by a sort number (the order of `docs`), not by date
        self.encoding, self.meta_charset, self.header_charset = encoding, meta_charset, header_charset
        self.per_page = per_page or self.per_page
        self.lock = threading.Lock()
        self.validators = True  # ETag and Last-Modified, answered with 304; many portals have neither
        self.hotlink_protected = False  # files answer 403 to a request not referred by this portal (valid_referers)
        self._routes: dict | None = None  # built on the first request, dropped when documents change
        self._listed: list | None = None

    # --- what tests and the demo change ----------------------------------------------------------
    def doc(self, doc_id: int) -> SampleDoc:
        return next(d for d in self.docs if d.id == doc_id)

    def add(self, count: int, today: datetime.date) -> list[SampleDoc]:
        with self.lock:
            added = make_docs(max(d.id for d in self.docs) + 1, count, seed=len(self.docs), newest=today)
            self.docs[:0] = added
            self._changed()
            return added

    def edit(self, doc_id: int, today: datetime.date) -> SampleDoc:
        with self.lock:
            doc = self.doc(doc_id)
            revise(doc, today)
            self._changed()
            return doc

    def withdraw(self, doc_id: int, how: str = "404") -> SampleDoc:
        with self.lock:
            doc = self.doc(doc_id)
            doc.state = how
            self._changed()
            return doc

    def _changed(self) -> None:
        self._routes = self._listed = None

    # --- what the portal serves ----------------------------------------------------------------
    @property
    def start_url_path(self) -> str:
        return self.root + "index.html"

    def listed(self) -> list[SampleDoc]:
        """Pinned documents first, then newest first, or in sort-number order where the column has one."""
        if self._listed is None:
            listed = [d for d in self.docs if d.listed]
            if not self.manual_order:
                listed.sort(key=lambda d: (d.date, d.id), reverse=True)
            self._listed = [d for d in listed if d.pinned] + [d for d in listed if not d.pinned]
        return self._listed

    def page_count(self) -> int:
        return max(1, math.ceil(len(self.listed()) / self.per_page))

    def page_docs(self, page: int) -> list[SampleDoc]:
        return self.listed()[page * self.per_page : (page + 1) * self.per_page]

    def answer(self, method: str, path: str, query: dict, form: dict, headers: dict, base: str) -> Answer | None:
        """The answer to a request inside this section, or None when the path is not one of its pages."""
        with self.lock:
            if self._routes is None:
                self._routes = {
                    self.detail_path(doc, page): (doc, page) for doc in self.docs for page in range(doc.pages)
                }
                self._routes.update({self.attachment_key(doc): (doc, None) for doc in self.docs if doc.attachment})
            doc, page = self._routes.get(path, self._routes.get(self.request_attachment_key(path, query), (None, None)))
            if doc is None:
                return self.list_answer(method, path, query, form, base)
            if page is None:
                return self.attachment_answer(doc, headers)
            if doc.state not in STATE_ANSWERS:
                return self.detail_answer(doc, page, headers)
        return self.state_answer(doc.state)  # outside the lock: making a huge answer must not hold up the others

    def list_answer(self, method, path, query, form, base) -> Answer | None:
        raise NotImplementedError

    def detail_path(self, doc: SampleDoc, page: int = 0) -> str:
        raise NotImplementedError

    def attachment_path(self, doc: SampleDoc) -> str:
        return f"{self.root}{doc.created:%Y%m}/P0{doc.created:%Y%m%d}{doc.id:06d}.pdf"

    def attachment_key(self, doc: SampleDoc) -> str:
        return self.attachment_path(doc)

    def request_attachment_key(self, path: str, query: dict) -> str:
        return path

    def attachment_answer(self, doc: SampleDoc, headers: dict) -> Answer:
        if self.hotlink_protected and base_host(headers) not in headers.get("referer", ""):
            return 403, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>403 Forbidden</h1>"
        if not doc.listed:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, NOT_FOUND.encode()
        if doc.attachment_down:
            return 500, {"Content-Type": "text/html; charset=utf-8"}, b"<h1>500 Internal Server Error</h1>"
        if doc.attachment_state:
            return self.state_answer(doc.attachment_state)
        body = FAKE_PDF + str(doc.id).encode() + b"\n" + b"0" * max(0, doc.attachment_size - len(FAKE_PDF) - 8)
        return 200, {"Content-Type": "application/pdf", "Content-Disposition": self.disposition(doc)}, body

    def disposition(self, doc: SampleDoc) -> str:
        return f"attachment; filename*=UTF-8''{quote(doc.attachment + '.pdf')}"

    def html_answer(self, text: str, status: int = 200, extra: dict | None = None) -> Answer:
        content_type = "text/html" + (f"; charset={self.header_charset}" if self.header_charset else "")
        return status, {"Content-Type": content_type, **(extra or {})}, text.encode(self.encoding, "xmlcharrefreplace")

    def head(self, title: str) -> str:
        meta = (
            f'<meta http-equiv="Content-Type" content="text/html; charset={self.meta_charset}">'
            if self.meta_charset
            else ""
        )
        return HEAD.format(meta=meta, title=html.escape(title))

    # --- detail pages ----------------------------------------------------------------------------
    def state_answer(self, state: str) -> Answer:
        status, extra, body = STATE_ANSWERS[state]
        body = big_body(body) if callable(body) else body
        return (
            status,
            {"Content-Type": "text/html; charset=utf-8", **extra},
            body.replace(b"{root}", self.root.encode()),
        )

    def detail_answer(self, doc: SampleDoc, page: int, headers: dict) -> Answer:
        if doc.state == "loop":
            return 302, {"Location": self.detail_path(doc, page)}, b""
        if doc.moved_to is not None:
            return 301, {"Location": self.detail_path(self.doc(doc.moved_to), page)}, b""
        if doc.burst:
            doc.burst -= 1
            return (
                503,
                {"Content-Type": "text/html; charset=utf-8"},
                b"<html><body>503 Service Unavailable</body></html>",
            )
        validators = {
            "ETag": doc.etag,
            "Last-Modified": format_datetime(
                datetime.datetime.combine(doc.date, datetime.time(8), datetime.UTC), usegmt=True
            ),
        }
        if not self.validators:
            validators = {}
        elif headers.get("if-none-match") == doc.etag:
            return 304, validators, b""
        doc.hits += 1
        return self.html_answer(self.detail_html(doc, page), extra=validators)

    def detail_html(self, doc: SampleDoc, page: int) -> str:
        paragraphs = self.damaged(doc, doc.paragraphs)
        if doc.pages > 1:
            half = len(paragraphs) // 2
            paragraphs = paragraphs[:half] if page == 0 else paragraphs[half:]
        body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
        attachment = (
            f'<div class="fj">附件：<a href="{self.attachment_link(doc)}">{html.escape(doc.attachment)}.pdf</a></div>\n'
            if doc.attachment and page == doc.pages - 1
            else ""
        )
        today = datetime.date.today()
        return (
            self.head(f"{doc.title}_{self.name}")
            + FURNITURE_TOP.format(today=f"{today.year}年{today.month}月{today.day}日", column=self.name)
            + self.meta_block(doc)
            + f'<h1 class="title">{html.escape(doc.title)}</h1>\n'
            + f'<div class="info">发布时间：{doc.date:%Y-%m-%d}　浏览次数：{doc.hits}　'
            + '字体：[<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>]</div>\n'
            + f"<div {self.container}>\n{body}\n</div>\n"
            + attachment
            + self.detail_pager(doc, page)
            + FURNITURE_BOTTOM
        )

    def meta_block(self, doc: SampleDoc) -> str:
        number = doc.doc_number or ""
        return (
            '<table class="xxgk_table">\n'
            f"<tr><td>索引号：</td><td>{doc.index_number}</td><td>发布机构：</td><td>{doc.publisher}</td></tr>\n"
            f"<tr><td>文　　号：</td><td>{number}</td><td>发布日期：</td><td>{doc.date:%Y-%m-%d}</td></tr>\n</table>\n"
        )

    def attachment_link(self, doc: SampleDoc) -> str:
        return self.attachment_path(doc)

    def detail_pager(self, doc: SampleDoc, page: int) -> str:
        return ""

    def damaged(self, doc: SampleDoc, paragraphs: list[str]) -> list[str]:
        return paragraphs


def timestamp(date: datetime.date) -> int:
    return int(datetime.datetime.combine(date, datetime.time(9), datetime.UTC).timestamp())
