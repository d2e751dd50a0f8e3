"""Guangdong gkmlpt: the SID in the page, then the JSON API /gkmlpt/api/all/0?page=N&sid=SID."""

import json

from ..content import SampleDoc
from .base import Section, timestamp


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
                    "create_time": timestamp(d.date),
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
