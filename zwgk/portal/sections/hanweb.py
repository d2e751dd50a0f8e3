"""Hanweb's newer platform (JPaaS): var listData in the page and loadPageData() for further pages."""

import json

from ..content import SampleDoc
from .base import Section


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
