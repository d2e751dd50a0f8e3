"""Generic lists: ul/li or a 信息公开目录 table, with 下一页 links or ?page=N."""

import functools
import html

from opencc import OpenCC

from ..content import SampleDoc
from .base import Section
from .faults import MASKS_RE, NOT_FOUND


@functools.cache
def _s2t() -> OpenCC:
    return OpenCC("s2t")  # built once: each OpenCC("s2t") loads its dictionaries again


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
            return [_s2t().convert(p) for p in paragraphs]
        if doc.damage == "masked":
            return [MASKS_RE.sub("(略)", p) for p in paragraphs]
        return paragraphs

    def disposition(self, doc: SampleDoc) -> str:
        return 'attachment; filename="../../../etc/cron.d/zwgk\x07.pdf"'
