"""TRS WCM: static index.html, index_N.html lists written by createPageHTML(), in four- and six-argument forms."""

import html

from ..content import SampleDoc
from .base import Section


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
