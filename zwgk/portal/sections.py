"""Generated sections of the sample portal, one per portal family, each answering like the real software.

A section owns its documents and answers the requests for its list pages, list APIs, detail pages
and attachments. Tests (and the demo's second night) change the documents in place: add, revise,
withdraw.
"""

import datetime
import functools
import gzip
import html
import json
import math
import random
import re
import threading
from email.utils import format_datetime
from urllib.parse import quote

from opencc import OpenCC

from .content import SampleDoc, make_docs, revise

Answer = tuple[int, dict, bytes]
MASKS_RE = re.compile(
    r"0358-\d+|\d{4}年\d+月\d+日前|“[^”]+”"
)  # what a mirror blanks out: phone, deadline, quoted principle
FAKE_PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\n% zwgk sample attachment "
BLOCKED_412 = (
    '<html><head><meta charset="utf-8"><script type="text/javascript" r="m">$_ts=window[\'$_ts\'];if(!$_ts)$_ts={};'
    '$_ts.nsd=48121;$_ts.cd="qEtcrrAlDqVKcGAmhqQcrsZkDk3qcG";</script>'
    '<script type="text/javascript" charset="utf-8" src="/8bb5e4a9/c5af0f58b1.js" r="m"></script></head><body></body>'
    "</html>"
)
BLOCKED_521 = (
    "<html><body><script>document.cookie=('_')+('_')+('j')+('s')+('l')+('_')+('c')+('l')+('e')+('a')+('r')+('a')+('n')"
    "+('c')+('e')+('=')+(+new Date()/1000|0)+'.412|0|'+escape('x');location.href=location.pathname+location.search"
    "</script></body></html>"
)
SOFT_404 = (
    '<html><head><meta charset="utf-8"><title>提示信息</title></head><body><div class="error">'
    '<h2>对不起，您访问的页面不存在或已被删除！</h2><a href="/">返回首页</a></div></body></html>'
)
REFRESH = (
    '<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url={target}"></head><body></body></html>'
)
NOT_FOUND = "<html><body><h1>404 页面不存在</h1></body></html>"
LOGIN = (
    '<html><head><meta charset="utf-8"><title>用户登录</title></head><body><form action="/login" method="post">'
    '<h2>统一身份认证平台 用户登录</h2><input name="user"><input type="password" name="pw"><button>登录</button>'
    "</form></body></html>"
)
WAF = (
    '<html><head><meta charset="utf-8"><title>访问被拦截</title></head><body><h1>您的访问被拦截</h1>'
    "<p>当前访问疑似黑客攻击，已被网站防火墙拦截。事件ID：7f3a9c</p></body></html>"
)
NESTED = "<html><body>" + "<div>" * 5000 + "<p>深层嵌套的页面仍能读取正文。</p>" + "</div>" * 5000 + "</body></html>"
# Answers a document gives in a state, whatever was asked. Faults marked X-Zwgk-Fault are acted out by the
# server itself on the socket: reset the connection, stall past the client's timeout, or close mid-body.
STATE_ANSWERS = {
    "404": (404, {}, NOT_FOUND.encode()),
    "soft404": (200, {}, SOFT_404.encode()),
    "refresh": (200, {}, REFRESH.replace("{target}", "{root}").encode()),
    "blocked412": (412, {}, BLOCKED_412.encode()),
    "blocked521": (521, {}, BLOCKED_521.encode()),
    "login": (200, {}, LOGIN.encode()),
    "waf": (200, {}, WAF.encode()),
    "empty": (200, {}, b""),
    "binary": (200, {}, bytes(range(256)) * 64),
    "huge": (200, {}, lambda: b"<html><body><p>" + "很长的页面".encode() * (2 * 1024 * 1024) + b"</p></body></html>"),
    "bomb": (200, {"Content-Encoding": "gzip"}, lambda: gzip.compress(b"<html>" + b" " * (64 * 1024 * 1024), 9)),
    "nested": (200, {}, NESTED.encode()),
    "reset": (200, {"X-Zwgk-Fault": "reset"}, b""),
    "stall": (200, {"X-Zwgk-Fault": "stall"}, NOT_FOUND.encode()),
    "truncated": (
        200,
        {"X-Zwgk-Fault": "truncated"},
        ("<html><body>" + "截断的正文。" * 500 + "</body></html>").encode(),
    ),
}
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
                return self.attachment_answer(doc)
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

    def attachment_answer(self, doc: SampleDoc) -> Answer:
        if not doc.listed:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, NOT_FOUND.encode()
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
        body = _big_body(body) if callable(body) else body
        return (
            status,
            {"Content-Type": "text/html; charset=utf-8", **extra},
            body.replace(b"{root}", self.root.encode()),
        )

    def detail_answer(self, doc: SampleDoc, page: int, headers: dict) -> Answer:
        if doc.state == "loop":
            return 302, {"Location": self.detail_path(doc, page)}, b""
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


class TrsSection(Section):
    """TRS WCM: static index.html, index_1.html ... written by createPageHTML(); details ./YYYYMM/tYYYYMMDD_N.html."""

    family = "trs"
    container = 'class="TRS_Editor"'
    per_page = 15

    def __init__(self, *args, list_name: str = "index", ext: str = "html", six_args: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.list_name, self.ext, self.six_args = list_name, ext, six_args

    @property
    def start_url_path(self) -> str:
        return f"{self.root}{self.list_name}.{self.ext}"

    def list_answer(self, method, path, query, form, base):
        pages = self.page_count()
        for page in range(pages):
            suffix = f"_{page}" if page else ""
            if path == f"{self.root}{self.list_name}{suffix}.{self.ext}" or (page == 0 and path == self.root):
                return self.html_answer(self.list_html(page, pages))
        return None

    def list_html(self, page: int, pages: int) -> str:
        items = "\n".join(
            f'<li><a href="./{self.detail_path(d)[len(self.root) :]}" target="_blank" title="{html.escape(d.title)}">'
            f"{html.escape(d.title)}</a><span>{d.date:%Y-%m-%d}</span></li>"
            for d in self.page_docs(page)
        )
        if self.six_args:
            pager = (
                f"<div id=\"page_div\"></div>\n<script>createPageHTML('page_div', {pages}, {page}, '{self.list_name}', "
                f"'{self.ext}', {len(self.listed())});</script>"
            )
        else:
            pager = (
                f'<script language="JavaScript">\ncreatePageHTML({pages}, {page}, "{self.list_name}", "{self.ext}");\n'
                "</script>"
            )
        return (
            self.head(self.name)
            + f'<div class="list"><ul>\n{items}\n</ul></div>\n<div class="page">{pager}</div>\n</body></html>'
        )

    def detail_path(self, doc: SampleDoc, page: int = 0) -> str:
        return (
            f"{self.root}{doc.created:%Y%m}/t{doc.created:%Y%m%d}_{doc.id}"
            + (f"_{page}" if page else "")
            + f".{self.ext}"
        )

    def attachment_link(self, doc: SampleDoc) -> str:
        return "./" + self.attachment_path(doc).rsplit("/", 1)[1]

    def detail_pager(self, doc: SampleDoc, page: int) -> str:
        if doc.pages == 1:
            return ""
        stem = f"t{doc.created:%Y%m%d}_{doc.id}"
        return f'<script>createPageHTML({doc.pages}, {page}, "{stem}", "{self.ext}");</script>\n'


class JcmsSection(Section):
    """Hanweb jcms: /col/colN/index.html whose list comes from POST dataproxy.jsp as <datastore> XML."""

    family = "jcms"
    container = 'id="zoom"'
    per_page = 10
    DATAPROXY = "/module/web/jpage/dataproxy.jsp"

    def __init__(self, *args, column: int = 1230, **kwargs):
        super().__init__(*args, **kwargs)
        self.column = column

    def list_answer(self, method, path, query, form, base):
        if path in (self.root, self.root + "index.html"):
            return self.html_answer(self.column_html())
        if path == self.DATAPROXY and form.get("columnid") == str(self.column):
            return self.dataproxy(int(query.get("startrecord", 1)), int(query.get("endrecord", self.per_page * 3)))
        return None

    def column_html(self) -> str:
        params = (
            f"{{col:1,appid:1,webid:3,path:'/',columnid:{self.column},sourceContentType:1,unitid:'58821',"
            f"webname:'青岚县人民政府',permissiontype:0}}"
        )
        return (
            self.head(self.name) + f'<link href="/jcms_files/jcms1/web3/site/css/main.css" rel="stylesheet">\n'
            f'<div id="58821"><script type="text/xml"><datastore><nextgroup><![CDATA[<a '
            f'href="/module/web/jpage/dataproxy.jsp?page=1&webid=3&path=/&columnid={self.column}&unitid=58821&webname=%E9%9D%92%E5%B2%9A&permissiontype=0"></a>]]></nextgroup><recordset></recordset></datastore></script>\n'
            f'<script language="javascript" src="/module/web/jpage/jpage.js"></script>\n'
            f"<script>var jpage = new Jpage({{url:'{self.DATAPROXY}', perPage:{self.per_page}, groupSize:3, "
            f"params:{params}}});</script></div>\n"
            "<!--大汉版通发布系统--></body></html>"
        )

    def dataproxy(self, start: int, end: int) -> Answer:
        records = "".join(
            f'<record><![CDATA[<li><a href="{self.detail_path(d)}" title="{html.escape(d.title)}" '
            f'target="_blank">{html.escape(d.title)}</a>'
            f'<span class="bt-data-time">{d.date:%Y-%m-%d}</span></li>]]></record>\n'
            for d in self.listed()[start - 1 : end]
        )
        xml = (
            f'<?xml version="1.0" encoding="utf-8"?><datastore><totalrecord>{len(self.listed())}</totalrecord>'
            f"<totalpage>{self.page_count()}</totalpage><recordset>\n{records}</recordset></datastore>"
        )
        return 200, {"Content-Type": "text/xml;charset=UTF-8"}, xml.encode("utf-8")

    def detail_path(self, doc: SampleDoc, page: int = 0) -> str:
        return f"/art/{doc.created.year}/{doc.created.month}/{doc.created.day}/art_{self.column}_{doc.id}.html"

    def attachment_path(self, doc: SampleDoc) -> str:
        return "/module/download/downfile.jsp"

    def attachment_link(self, doc: SampleDoc) -> str:
        return f"/module/download/downfile.jsp?classid=0&filename={doc.id:x}a7.pdf"

    def attachment_key(self, doc: SampleDoc) -> str:
        return f"{self.attachment_path(doc)}?filename={doc.id:x}a7.pdf"

    def request_attachment_key(self, path: str, query: dict) -> str:
        return f"{path}?filename={query.get('filename')}"

    def disposition(self, doc: SampleDoc) -> str:
        # jcms sends the name as raw GBK bytes; http.server writes headers as latin-1, so smuggle the bytes through it.
        return 'attachment; filename="' + (doc.attachment + ".pdf").encode("gbk").decode("latin-1") + '"'


class HanwebSection(Section):
    """Hanweb's newer site platform: `var listData = {...}` inside the page, paging parameters in loadPageData()."""

    family = "hanweb"
    container = 'class="article-content"'

    def list_answer(self, method, path, query, form, base):
        if path not in (self.root, self.root + "index.html"):
            return None
        current = int(query.get("current", 1))
        articles = [
            {
                "title": d.title,
                "pubDate": f"{d.date:%Y-%m-%d} 09:00:00",
                "urls": json.dumps({"pc": self.detail_path(d)}),
            }
            for d in self.page_docs(current - 1)
        ]
        data = json.dumps({"total": len(self.listed()), "articleList": articles}, ensure_ascii=False)
        paging = (
            f"loadPageData({{current: {current}, unitid: '2217', webSiteCode: 'qlx', "
            f"channelCode: 'c100{self.key[-2:]}', "
            f"perPage: {self.per_page}, total: {len(self.listed())}}});"
        )
        return self.html_answer(
            self.head(self.name) + '<div id="list"></div>\n<script id="tpl" type="text/x-handlebars-template">'
            '{{#each articleList}}<li><a href="{{url}}">{{title}}</a></li>{{/each}}</script>\n'
            f"<script>var listData = {data};\n{paging}</script>\n</body></html>"
        )

    def detail_path(self, doc: SampleDoc, page: int = 0) -> str:
        return f"{self.root}content_{doc.id}.html"


class GkmlptSection(Section):
    """Guangdong gkmlpt: /gkmlpt/index carries the SID; the list is JSON from /gkmlpt/api/all/0?page=N&sid=SID."""

    family = "gkmlpt"
    container = 'class="article-content"'
    per_page = 20
    SID = "755031"

    @property
    def start_url_path(self) -> str:
        return self.root + "index"

    def list_answer(self, method, path, query, form, base):
        if path == self.root + "index":
            return self.html_answer(
                self.head(self.name) + f"<script>window._CONFIG = {{SID: '{self.SID}', gkmlpt: true}};</script>\n"
                '<div id="app">政府信息公开平台</div><script src="/gkmlpt/static/js/app.js"></script></body></html>'
            )
        if path == self.root + "api/all/0" and query.get("sid") == self.SID:
            page = int(query.get("page", 1))
            articles = [
                {
                    "id": d.id,
                    "title": d.title,
                    "url": base + self.detail_path(d),
                    "create_time": _timestamp(d.date),
                    "publisher": d.publisher,
                    "identifier": d.index_number,
                    "document_number": d.doc_number,
                }
                for d in self.page_docs(page - 1)
            ]
            body = json.dumps({"total": len(self.listed()), "page": page, "articles": articles}, ensure_ascii=False)
            return 200, {"Content-Type": "application/json;charset=UTF-8"}, body.encode("utf-8")
        return None

    def detail_path(self, doc: SampleDoc, page: int = 0) -> str:
        return f"{self.root}content/2/{doc.id}/post_{doc.id}.html"

    def meta_block(self, doc: SampleDoc) -> str:
        return super().meta_block(doc).replace('class="xxgk_table"', 'class="classify"')


class GenericSection(Section):
    """A plain list: ul/li with dates and ?page=N links (下一页/尾页), or a 信息公开目录 table with 索引号 and 文号
    columns."""

    family = "generic"

    def __init__(self, *args, table: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.table = table

    def list_answer(self, method, path, query, form, base):
        if path not in (self.root, self.root + "index.html"):
            return None
        page = int(query.get("page", 1))
        pages = self.page_count()
        if not 1 <= page <= pages:
            return 404, {"Content-Type": "text/html; charset=utf-8"}, NOT_FOUND.encode()
        docs = self.page_docs(page - 1)
        if self.table:
            rows = "\n".join(
                f'<tr><td>{d.index_number}</td><td><a href="{self.detail_path(d)}">{html.escape(d.title)}</a></td>'
                f"<td>{d.doc_number or ''}</td><td>{d.date:%Y-%m-%d}</td></tr>"
                for d in docs
            )
            head = "<tr><th>索引号</th><th>名称</th><th>文号</th><th>发布日期</th></tr>"
            listing = f'<table class="xxgkml">{head}\n{rows}\n</table>'
        else:
            items = "\n".join(
                f'<li><a href="{self.detail_path(d)}">{html.escape(d.title)}</a> <span '
                f'class="date">[{d.date:%Y-%m-%d}]</span></li>'
                for d in docs
            )
            listing = f'<ul class="news-list">\n{items}\n</ul>'
        pager = (
            f'<div class="pages">共{len(self.listed())}条 第{page}/{pages}页 '
            + (
                f'<a href="?page={page + 1}">下一页</a> <a href="?page={pages}">尾页</a>'
                if page < pages
                else "下一页 尾页"
            )
            + "</div>"
        )
        return self.html_answer(
            self.head(self.name) + f'<div class="nav"><a href="/">首页</a></div>\n{listing}\n{pager}\n</body></html>'
        )

    def detail_path(self, doc: SampleDoc, page: int = 0) -> str:
        return f"{self.root}{doc.created:%Y%m}/content_{doc.id}.html"

    def meta_block(self, doc: SampleDoc) -> str:
        return "" if self.table else super().meta_block(doc)

    def damaged(self, doc: SampleDoc, paragraphs: list[str]) -> list[str]:
        if doc.damage == "traditional":
            return [OpenCC("s2t").convert(p) for p in paragraphs]
        if doc.damage == "masked":
            return [MASKS_RE.sub("(略)", p) for p in paragraphs]
        return paragraphs

    def disposition(self, doc: SampleDoc) -> str:
        return 'attachment; filename="../../../etc/cron.d/zwgk\x07.pdf"'


@functools.cache
def _big_body(make) -> bytes:
    """The huge page and the compression bomb, made once, when first asked for."""
    return make()


def _timestamp(date: datetime.date) -> int:
    return int(datetime.datetime.combine(date, datetime.time(9), datetime.UTC).timestamp())


def unsorted_section(key: str, count: int, pinned: int = 3, seed: int = 11) -> TrsSection:
    """A TRS column in sort-number order: dates all over the place and the `pinned` oldest entries on top."""
    docs = make_docs(300001, count, seed=seed)
    dates = [d.date for d in docs]
    random.Random(seed).shuffle(dates)
    for doc, date in zip(docs, dates):
        doc.date = date
    for doc in docs[len(docs) - pinned :]:
        doc.pinned = True
    return TrsSection(key, "按排序号排列", f"/{key}/", docs, per_page=20, manual_order=True)


def default_sections(big: int = 0) -> list[Section]:
    """One section per family, small enough for tests; `big` adds a TRS section of that many documents."""
    trs = make_docs(5001, 32, seed=1)
    trs[2].pages = 2
    trs[5].state = "blocked412"
    jcms = make_docs(7001, 35, seed=3)
    jcms[4].state = "blocked521"
    mirror = make_docs(9501, 4, seed=8)
    mirror[0].damage, mirror[1].damage = "traditional", "masked"
    sections = [
        TrsSection("trs-tzgg", "通知公告", "/xxgk/tzgg/", trs, encoding="gb18030", meta_charset="gb2312"),
        TrsSection(
            "trs-zcwj",
            "政策文件",
            "/zfxxgk/zcwj/",
            make_docs(6001, 22, seed=2),
            list_name="zwgklist",
            ext="shtml",
            six_args=True,
            per_page=10,
        ),
        JcmsSection("jcms-tzgg", "通知公告", "/col/col1230/", jcms),
        HanwebSection("hanweb-gsgg", "公示公告", "/hanweb/gsgg/", make_docs(8001, 25, seed=4)),
        GkmlptSection("gkmlpt", "政府信息公开", "/gkmlpt/", make_docs(8501, 30, seed=5)),
        GenericSection(
            "generic-gsgg",
            "公示公告",
            "/ggfw/gsgg/",
            make_docs(9001, 24, seed=6),
            encoding="gb18030",
            meta_charset=None,
        ),
        GenericSection(
            "xxgkml",
            "信息公开目录",
            "/xxgkml/",
            make_docs(9201, 21, seed=7),
            encoding="gb18030",
            meta_charset=None,
            header_charset="GBK",
            table=True,
        ),
        GenericSection("mirror", "转载文件", "/mirror/wj/", mirror),
        unsorted_section("trs-pxh", 40),
    ]
    for section in sections:
        for doc in section.docs[1::4]:
            doc.attachment = f"{doc.title[-12:]}附件"
    if big:
        sections.append(TrsSection("big", "大型栏目", "/big/", make_docs(100001, big, seed=9), per_page=20))
    return sections
