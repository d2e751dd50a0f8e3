"""Hanweb jcms: the column page carries the jpage configuration; the list comes from POST dataproxy.jsp."""

import html

from ..content import SampleDoc
from .base import Answer, Section


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
