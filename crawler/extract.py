"""Decoded HTML to main-text lines, metadata and attachments, parsing each page once."""

import html
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from itertools import chain, dropwhile, takewhile
from urllib.parse import unquote

from lxml import etree

from . import metadata, scriptdata
from .chars import (
    ANNOUNCING_COLONS,
    HAN_RE,
    ITEM_END,
    SENTENCE_END,
    SENTENCE_END_RE,
    in_either_script,
    letter_count,
)
from .classify import TAG_RE
from .clean import (
    ATTACHMENT_HEADING_RE,
    BRACKETED_RE,
    BREADCRUMB_MARK_CHARS,
    BREADCRUMB_MARKS,
    BREADCRUMB_TRAIL_RE,
    FOOTER_RE,
    INFO_START_RE,
    is_furniture,
    split_lines,
    strip_inline_furniture,
)
from .dates import PRINTED_DATE, WEEKDAY, is_date_line
from .labels import FONT_LABELS, MAX_LABEL_TEXT, RECORD_ONLY_LABELS
from .urls import absolute, file_name, unescaped

FORM_FIELDS = ("input", "select", "textarea")
SKIP_TAGS = {
    "script",
    "style",
    "noscript",
    "iframe",
    *FORM_FIELDS,
    "button",
    "object",
    "embed",
    "svg",
    "template",
    "head",
    "form",
}
BLOCK_TAGS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tbody",
    "thead",
    "section",
    "article",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "center",
    "pre",
    "hr",
    "caption",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
}
BOX_TAGS = BLOCK_TAGS - {"br", "hr"}  # blocks that hold text of their own, not breaks between lines
CELL_TAGS = {"td", "th"}
HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# The classes CSS frameworks hide an element with (Bootstrap's hide, hidden, d-none): a page's hidden share summary
# repeating the text (<div class="fxsummary hide">) is no more seen than one hidden by its style.
HIDING_CLASSES = frozenset({"hide", "hidden", "d-none"})
# avalon (the script of Fujian's trt templates) keeps an element only where its ms-if holds. A condition of string
# literals alone was decided when the server wrote the page (ms-if="''!=''", "'图解.jpg'.indexOf('[原件]')!= -1"):
# false, the element is as hidden as display:none hides it. Any other condition (list.length>0) is left visible.
MS_CONDITION_RE = re.compile(r"(.+?)(===?|!==?)(.+)")
MS_OPERAND_RE = re.compile(r"\s*(?:'([^'\\]*)'(?:\.indexOf\('([^'\\]*)'\))?|(-?\d+))\s*")
HIDING_ATTRIBUTES_BELOW = etree.XPath(".//@style | .//@class | .//@hidden | .//@ms-if")  # each with its element
# A page hides its whole body while its scripts load and shows it when they have run (gkmlpt's <body
# style='visibility: hidden'>): the reader sees what the body holds, so hiding there is no hiding.
CLOAKABLE_TAGS = frozenset({"html", "body"})
CLASSES_AND_IDS = etree.XPath("//@class | //@id")  # each with its element: getparent()
CLASSES_AND_IDS_BELOW = etree.XPath(".//@class | .//@id")  # an element's own, below it
PRINT_MARKS = etree.XPath("//comment()[contains(translate(., 'STARTPRINT', 'startprint'), 'startprint')]")


class Named:
    """Elements named by id or by one of their classes, in the order of `names` (most specific first), each
    name's elements in document order. An XPath hands over the class and id values (libxml2 walks the tree,
    not Python, and only a named element becomes a Python object); a condition per name in the XPath itself
    costs more than it saves."""

    def __init__(self, names: list[tuple[str, str]]):
        self.names = names
        self.wanted = set(names)

    def find(self, root, values=None):
        """(name, element) in order; `values`: an XPath handing over the class and id values to look at (the
        whole document's by default, CLASSES_AND_IDS_BELOW for an element's own)."""
        found = defaultdict(list)
        for value in (values or CLASSES_AND_IDS)(root):
            name = value.attrname
            for key in [(name, token) for token in value.split()] if name == "class" else [(name, str(value))]:
                if key in self.wanted:
                    found[key].append(value.getparent())
        return ((key, el) for key in self.names for el in found[key])


# Content containers of the portal systems, most specific first.
CONTENT_CONTAINERS = Named(
    [
        ("class", "TRS_Editor"),
        ("class", "TRS_UEDITOR"),
        ("class", "Custom_UnionStyle"),  # TRS WCM's wrapper of a document pasted from Word
        ("id", "UCAP-CONTENT"),
        ("id", "ivs_content"),  # the id government sites mark their text with for the national site checks
        ("id", "zoom"),
        ("id", "Zoom"),
        ("class", "trs_editor_view"),
        ("class", "article-content"),
        ("class", "article_content"),
        ("id", "js_content"),
        ("id", "fontzoom"),
        ("class", "zoom"),
        ("id", "con_text"),
        ("class", "pages_content"),
        ("class", "news_content"),
        ("class", "detail-content"),
        ("class", "vF_detail_content"),  # 中国政府采购网 and its provincial sites
        ("class", "wrapper_detail_text"),  # 国家能源局's regional offices (TRS): a short text under a long footer
        ("class", "wzy_text"),
        ("class", "zwnr"),
        ("class", "main-txt"),
        ("id", "mainText"),
        ("class", "bt-content"),
        ("class", "zw"),
        ("id", "zw"),
        ("class", "content-text"),
        ("id", "content"),
        ("class", "content"),
    ]
)
# Names as often given to a wrapper of the title, dateline, page tools and text as to the text itself.
WRAPPER_NAMES = {"content", "content-text"}
# An element so named holds at least this share of the page's Chinese outside links to be the text or its wrapper:
# a dialog's or a side box's <div class="content"> (a notice on using the site, a risk warning) is not. The real
# pages' wrappers so named hold half of it at least (26 of 52 characters: a short notice), the dialog and the risk
# boxes of the page that called for the rule 0.01-0.03.
MIN_WRAPPER_SHARE = 0.1
TITLE_CONTAINERS = Named(
    [
        ("id", "ivs_title"),
        ("class", "title"),
        ("class", "article-title"),
        ("id", "title"),
        ("class", "bt"),
        ("class", "tit"),
    ]
)
FILE_EXTENSION = r"\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|pptx?|txt|csv)"
FILE_RE = re.compile(rf"{FILE_EXTENSION}(?:$|[?#])", re.I)
QUOTED_RE = re.compile(r"""['"]([^'"]+)['"]""")
VIEWER_FILE_RE = re.compile(r"[?&]file=([^&#]+)", re.I)  # a document viewer's file parameter (pdf.js)
EMBEDDING_TAGS = ("iframe", "embed", "object")
ATTACHMENT_RE = re.compile(rf"{FILE_RE.pattern}|downfile\.jsp|/download\b", re.I)
# A download endpoint (no file name in the link) that serves the page itself: a tool, not a file. One whose link
# has no text (an icon) names no file either.
PAGE_TOOL_RE = re.compile(r"^文本下载$|文字版|图片版")
# An image that names itself a file's icon (文件类型: .doc, downfile.jpg, icon_pdf.gif), and the elements holding a
# row or a line of the page, where such an icon stands beside its file's link.
FILE_ICON_RE = re.compile(r"文件类型|图标|icon|ico[_.]|downfile|download|filetype|file_type|attach", re.I)
LINE_TAGS = ("tr", "li", "p", "dd")
# A linked image is an attachment when the link reads as its file name (附件：主要标的信息.JPG), not as a caption.
IMAGE_FILE_RE = re.compile(r"\.(jpe?g|png|gif|tiff?|bmp)$", re.I)
# A link that reads as a file's name, maybe with its size after it (附件1：岗位汇总表.pdf（120KB）): a file, whatever
# endpoint serves it (getFile.do?fileId=1, DownLoadFile.aspx?id=2) — unless it leads to a page (a viewer's .html, a
# section's index at a path ending in /: a menu's MOV.doc).
NAMED_FILE_RE = re.compile(rf"{FILE_EXTENSION}\s*(?:[(（][^()（）]{{1,20}}[)）])?$", re.I)
PAGE_PATH_RE = re.compile(r"\.s?html?$|/$|^#|^mailto:", re.I)
# A text that only sends the reader to the attachments (见附件, 详见附件1、2。): the document is its files.
ATTACHMENT_POINTER_RE = re.compile(r"^(?:(?:具体|详细)?内容)?(?:详|请|请详)?见附件[\d、，,和及]*[。.]?$")
# What a script writes into the page: document.write(…), $(…).html(…) or .text(…), el.innerHTML = …, each an
# expression of string literals and variables joined by +; a variable stands for the first string the script gave it
# (var SourceName='贵州日报'; … $(".SourceName").html('文章来源：'+SourceName)).
WRITE_START_RE = re.compile(
    r"document\.write(?:ln)?\s*\(|\.(?:html|text)\s*\(|\.(?:innerHTML|innerText|textContent)\s*\+?="
)
WRITE_TOKEN_RE = re.compile(r"""\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|([A-Za-z_$][\w$]*)|(\+))""", re.S)
STRING_VARIABLE_RE = re.compile(r"""\b([A-Za-z_$][\w$]*)\s*=\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")""")
SCRIPTED_LINK_RE = re.compile(r"""<a\s[^<>]*?href\s*=\s*\\?["']([^"'\\]+)\\?["'][^<>]*>(.*?)</a>""", re.I | re.S)
# A single '-' separates only before the last one or two parts, each a name's length (标题-某某网,
# 标题-中华人民共和国生态环境部, 标题-通知公告-某某市人民政府), or after a site's name (某某县人民政府-标题):
# elsewhere it is the title's (2024-2025年); a part so cut off goes only if it names a site or a column
# (strip_site_name).
TITLE_SEPARATORS_RE = re.compile(
    r"\s*(?:_|\||｜|－| - | — |--| >{1,2} | » |-(?=[^-\d]{2,24}(?:-[^-\d]{2,24})?$)"
    r"|(?:(?<=人民政府)|(?<=[门門][户戶][网網]站)|(?<=政府[网網]))-(?=[^-\d]))\s*"
)
# 库: a database (法规库, 合同示范文本库); 频道: a site's channel (云南长安网德宏芒市频道)
# A government body's name alone (重庆市经济和信息化委员会, 甘肃省市场监督管理局): by an ending no column's name has
# (a column may end in 办 or 中心: 百件实事网上办, 新闻中心).
BODY_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,20}(?:委员会|政府|办公室|办公厅|局|厅|委|署|部|院)$")
TRAIL_STEP_RE = re.compile(rf"^\s*[/{BREADCRUMB_MARK_CHARS}]")  # a breadcrumb's step, its separator first
WEBSITE_NAME_RE = re.compile(r"(?:网站|[^\s]{2,12}[网库])$")  # a website's own name (…政务服务网, …法规库)
SITE_SUFFIX_RE = re.compile(
    r"(人民政府|政府网|门户网站|网站|政务公开|信息公开|首页|官网|办公厅|办公室|频道|[^\s]{2,12}[网库])$"
)
# A head <title> that names only the kind of page it is (详细信息, 正文, TRS's 细览, an editor's default 无标题文档 or
# Untitled Document): like a site's name, it names no document.
PAGE_KIND_RE = re.compile(
    r"^(?:(?:信息|文章|新闻|内容|政策)?(?:详细信息|详细内容|详情页?|细览页?|正文(?:内容|页)?|内容页?)|文章页?|无标题(?:文档|页)?"
    r"|(?:untitled|detail|details|content|article)(?: ?(?:page|document))?)$",
    re.I,
)
# A footer line naming who runs the site (版权所有：国家市场监督管理总局, 中华人民共和国最高人民法院 版权所有): that
# name in the head <title> is the site's, and so is that name with a word after it (…公报, …门户).
OWNER_WORDS = r"(?:版权所有|主办单位|网站主办|主办|承办单位|承办)"
OWNER_LINE_RE = re.compile(rf"^\s*{OWNER_WORDS}\s*[:：]|\s{OWNER_WORDS}$")
OWNER_NAME_RE = re.compile(rf"(?!{OWNER_WORDS})[\u4e00-\u9fff]{{4,}}")
MAX_SITE_WORD = 4  # 公报, 门户网站: what follows the owner's name in a site's name
# The lines a speech prints under its title: the speaker, a post then a name apart (县长 张三, 县委书记　李四), and the
# day in brackets (（2024年1月5日）). Neither is a heading.
SPEAKER_RE = re.compile(
    rf"^[\u4e00-\u9fff]{{0,20}}(?:{in_either_script('长')}|{in_either_script('书记')}|主任|主席|{in_either_script('委员')}"
    r"|同志|代表)[\s\u3000]+[\u4e00-\u9fff·]{2,4}$"
)
# A CMS's keywords written into the head <title> after the title and the site (标题 - 站名 - 2026,年,试剂,耗材,…):
# words apart by ASCII commas, no title's way of writing.
KEYWORD_LIST_RE = re.compile(r"^[^,\s]{1,12}(?:,[^,\s]{1,12}){3,}$")
MAX_COLUMN_NAME = 6  # a <title>'s part this short is a column's or a site's name (通知公告, 法律法规, 国家能源局)
ISSUE_SUFFIX_RE = re.compile(r"[_\s|｜-]+(?:19|20)\d{2}年第\d{1,3}号[\u4e00-\u9fff]{0,12}公报$")
# Tags a platform frames a heading with: a region or column before it, a status after it (【湖北省中心】…[文件获取中]).
EDGE_TAGS_RE = re.compile(r"^(?:[【\[［][^\]】］]{1,12}[\]】］])?(.+?)(?:[\[【［][^\]】］]{1,12}[\]】］])?$")
INFO_EDGE = 8
# A title's last words name the kind of document (…的通知, …管理办法（试行）): a text's first line so ending is
# its title where nothing else on the page gives one.
DOCUMENT_KIND_END_RE = re.compile(
    r"(?:通知|公告|通告|决定|意见|办法|规定|方案|报告|批复|复函|函|通报|请示|纪要|规划|细则|条例|公报|指南|要点|计划"
    r"|规则|措施|答复|命令|决议|章程)(?:[（(][^）)]{1,10}[）)])?$"
)
BREADCRUMB_MARK_RE = re.compile(BREADCRUMB_MARKS)
LIST_AFTER_LEVELS = 3  # an attachment list after the text's block: beside it, or beside its parent's parent
# A piece of a font-size tool its links broke over lines (【 字体： / 大 / 中 / 小 】): its label or one size alone.
FONT_TOOL_PIECE_RE = re.compile(rf"^[\s【\[［]*(?:(?:{'|'.join(FONT_LABELS)})\s*[:：]?|[大中小])[\s】\]］]*$")
HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
HEADING_ELEMENTS = etree.XPath("|".join(f"//{tag}" for tag in HEADING_TAGS))
BR_PARENTS = etree.XPath("//br/..")  # the elements a <br> breaks into lines
MIN_TAGGED_TITLE = 8  # characters a tagged heading's core has at least to be the title (2 × MIN_TITLE)
SHOWN_TITLE_OPENING = 8  # characters of a title that the page must show for the CMS's copy of it to count
DATELINE_RE = re.compile(
    rf"^\s*{PRINTED_DATE}(?:\s*{WEEKDAY})?(?:\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?(?:\s*{WEEKDAY})?\s*"
)
MAX_INFO_LINE = 160
RECORD_ITEM_TAGS = frozenset({"tr", "li", "p"})  # a record's rows and items
# A record's row of bracketed labels, each with its value (【法律话题】 合同; 劳动就业 【产业领域】 公共管理): fields of
# the record under the heading, though ones the archive does not keep. One pair is a heading's tag ([政采云]标题).
BRACKETED_FIELDS_RE = re.compile(r"^\s*(?:[【\[［][\u4e00-\u9fff]{2,8}[】\]］]\s*[^【\[［\s][^【\[［]*){2,}$")
RECORD_LABEL_FIRST = frozenset(label[0] for label in RECORD_ONLY_LABELS)
SPACES_AND_BRACKETS = " \t\r\n\u3000\u00a0[【［"
RECORD_ITEM_RE = re.compile(
    rf"{metadata.GAP}[\[【［]?{metadata.GAP}(?:{'|'.join(metadata.GAP.join(label) for label in RECORD_ONLY_LABELS)})"
    rf"{metadata.GAP}(?:[\]】］:：]|$|\s)"
)
MIN_CONTAINER_LETTERS = 20
# A script's data is the document where it holds this many times the letters the markup's text has: a page the
# script renders (its box empty, or a shell), not a page that carries its document twice (gkmlpt's window._CONFIG
# beside its rendered text, both the same size on the corpus's two such pages).
SCRIPT_DATA_SHARE = 2
MAX_DEPTH = 200
MAX_DATA_CELL = 500
# Plain lxml elements (lxml.html's element classes cost a look-up per element reached from Python); huge_tree:
# libxml2 otherwise stops reading at 256 levels of nesting.
HTML_PARSER = etree.HTMLParser(huge_tree=True)
text_of = etree.XPath("string()", smart_strings=False)  # an element's text, its descendants' included
# 100 tags or more in a row (a literal '<' first, so that the regex engine skips ahead to each '<')
OPEN_RUN_RE = re.compile(r"<[a-zA-Z][^<>]*>(?:\s*<[a-zA-Z][^<>]*>){99,}")
CLOSE_RUN_RE = re.compile(r"</[a-zA-Z][^<>]*>(?:\s*</[a-zA-Z][^<>]*>){99,}")
TOO_DEEP = etree.XPath("boolean(/" + "/*" * MAX_DEPTH + ")")  # an element MAX_DEPTH levels down
DENSITY_SHARE = 0.85
# A block filled by two copies of one text (a page's text printed again for print or phones, the second hidden by its
# stylesheet, which is not read): each copy holds at least this share of the block's letters.
COPY_SHARE = 0.4
MAX_FOOTER_LETTERS = 300  # the largest footer of the real pages holds 273 (the median 69)
DENSE_TAGS = ("div", "td", "article", "section", "font")  # the blocks density weighs
# A named container whose Chinese is half link text is a list of links (最新更新 beside the article), not the text.
MAX_LINK_SHARE = 0.5


@dataclass
class Extracted:
    lines: list[str]
    meta: metadata.Candidates
    attachments: list[dict] = field(default_factory=list)
    method: str = ""
    images: list[dict] = field(default_factory=list)


def parse(html: str):
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    root = _parse_or_pre(html)
    if TOO_DEEP(root):
        # Thousands of wrappers in a row (a hostile page) would exceed libxml2's nesting limit and lose the text:
        # runs of 100 tags become one, and the page is read again (real pages never nest this deep).
        root = _parse_or_pre(OPEN_RUN_RE.sub("<div>", CLOSE_RUN_RE.sub("</div>", html)))
    return _page_forms_as_blocks(_flatten_deep(_late_content_into_body(root)))


def _page_forms_as_blocks(root):
    """A form that holds most of the page's letters wraps the page (ASP.NET's <form id="form1">, around everything
    a .aspx page shows) and is read as the block a browser draws it as; any other form is a tool (a search box, a
    comment form) and is skipped with its fields (SKIP_TAGS)."""
    forms = list(root.iter("form"))
    if forms:
        page_letters = letter_count(text_of(root))
        for form in forms:
            if 2 * letter_count(text_of(form)) > page_letters:
                form.tag = "div"
    return root


def _late_content_into_body(root):
    """What follows a </html> that a template's included header closed too early (中国政府网's policy library:
    the header's own </html>, then the document) is the body's, as a browser reads it; libxml2 makes it a
    second document root beside the first."""
    body = root.find("body")
    if body is None:
        return root
    for late_root in [el for el in root.itersiblings() if isinstance(el.tag, str)]:
        body.extend(late_root.find("body") if late_root.find("body") is not None else late_root)
    return root


def _parse_or_pre(html: str):
    """The page's tree; what libxml2 cannot parse at all becomes preformatted text."""
    try:
        root = etree.fromstring(html or "<html></html>", HTML_PARSER)
    except (etree.ParserError, ValueError):
        root = None
    if root is None:
        root = etree.fromstring("<html><body><pre>" + html.replace("<", "&lt;") + "</pre></body></html>", HTML_PARSER)
    return root


def _flatten_deep(root):
    """Below MAX_DEPTH, keep the text and drop the tags: real pages never nest that deep, hostile ones do,
    and the tree walks here are recursive."""
    if not TOO_DEEP(root):
        return root
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if event == "start" and depth == MAX_DEPTH:
            etree.strip_tags(el, "*")
    return root


def _skipped(el, hidden=None) -> bool:
    """Comments, scripts and the like, and what the page hides (`hidden`: the hidden elements when known).
    (libxml2's HTML parser lowercases tag names.)"""
    if not isinstance(el.tag, str) or el.tag in SKIP_TAGS:
        return True
    return el in hidden if hidden is not None else _hidden(el)


def _hidden(el) -> bool:
    return any(_hides(name, value) for name, value in el.items())


def _hides(attribute: str, value: str) -> bool:
    """An attribute that hides its element: a style saying so, a hiding class, the hidden attribute."""
    if attribute == "style":
        return HIDDEN_RE.search(value) is not None
    if attribute == "class":
        return not HIDING_CLASSES.isdisjoint(value.split())
    if attribute == "ms-if":
        return _decided_false(value)
    return attribute == "hidden"


def _decided_false(condition: str) -> bool:
    """An avalon condition that compares literals (strings, a string's indexOf another, numbers) and is false."""
    m = MS_CONDITION_RE.fullmatch(condition)
    left, right = (_literal(m[1]), _literal(m[3])) if m else (None, None)
    if left is None or right is None:
        return False
    return (left == right) == m[2].startswith("!")


def _literal(operand: str) -> str | int | None:
    m = MS_OPERAND_RE.fullmatch(operand)
    if not m:
        return None
    if m[3] is not None:
        return int(m[3])
    return m[1] if m[2] is None else m[1].find(m[2])  # JavaScript's indexOf: -1 where not found, as find


class Rendering:
    """Visible text with a line per block element and table row (cells kept apart by tabs). A row of a data
    table is one line however its cells break their text (比上期<p>价格涨跌（元）</p>, line breaks in the
    markup): a reader reads a row.

    The page is walked once: `lines(el)` gives any element's own rendering (the same as rendering it alone)
    from the stretch of the page's text it wrote, unless it stands in a data table's row, where it is
    rendered alone."""

    def __init__(self, top, hidden: set | None = None):
        self.parts: list[str] = []
        self.spans: dict = {}  # element -> (first, last) index into parts of what rendering it alone writes
        self.data_tables: dict = {}  # table -> is_data_table(table), judged once
        self.hidden = hidden if hidden is not None else set(hidden_elements(top))
        self._all: list[str] | None = None
        self._walk(top, False)

    def lines(self, el=None) -> list[str]:
        if el is None:
            if self._all is None:
                self._all = _split_lines(self.parts)
            return self._all
        if el in self.spans:
            first, last = self.spans[el]
            return _split_lines(self.parts[first:last])
        return Rendering(el).lines() if isinstance(el.tag, str) else []  # a comment shows no text

    def _in_data_table(self, row) -> bool:
        table = next(row.iterancestors("table"), None)
        if table is None:
            return False
        if table not in self.data_tables:
            self.data_tables[table] = is_data_table(table)
        return self.data_tables[table]

    def _walk(self, node, in_row: bool) -> None:
        parts = self.parts
        tag = node.tag
        if not isinstance(tag, str) or tag in SKIP_TAGS or node in self.hidden:  # _skipped, inlined: per node
            parts.append(_flowed(node.tail, in_row))
            return
        first = len(parts)
        inner = self._in_data_table(node) if tag == "tr" else in_row
        if tag in BLOCK_TAGS:
            parts.append(" " if in_row else "\n")
        elif tag in CELL_TAGS or _opens_a_label(node.text):
            parts.append("\t")  # a cell, or an inline element that opens a field (<font>发文日期：…</font>)
        parts.append(_flowed(node.text, inner))
        for child in node:
            self._walk(child, inner)
        if tag in BLOCK_TAGS:
            parts.append(" " if in_row else "\n")
        parts.append(_flowed(node.tail, in_row))
        if not in_row:
            self.spans[node] = (first, len(parts))


def _opens_a_label(text: str | None) -> bool:
    text = (text or "").lstrip()
    return text[:1] in metadata.LABEL_FIRST_CHARS and metadata.LABEL_RE.match(text) is not None


def _split_lines(parts: list[str]) -> list[str]:
    return [line.strip() for line in "".join(parts).split("\n") if line.strip()]


def _flowed(text: str | None, in_row: bool) -> str:
    if not text:
        return ""
    return text.replace("\r", " ").replace("\n", " ") if in_row else text


def is_data_table(table) -> bool:
    """A grid of short cells: no table inside it, rows of two cells or more (one caption or note row
    spanning the width aside; a single row will do), no cell longer than MAX_DATA_CELL. A layout table
    holding a page's text in a cell is none of these."""
    if table.find(".//table") is not None:
        return False
    widths = [len(row.xpath("./td|./th")) for row in table.iter("tr")]
    if not widths or max(widths) < 2 or sum(1 for width in widths if width < 2) > 1:
        return False
    return all(len(text_of(cell)) <= MAX_DATA_CELL for cell in table.iter("td", "th"))


def table_rows(root, body=None, page: Rendering | None = None, head: set[str] = frozenset()) -> list[list[str]]:
    """The cells of every table row apart from the body: a table in the text (名称：… of the goods bought) is
    the document's content, not its metadata, and a layout row holding the body holds that text too. A row
    that is one of the text's first lines (`head`, as `page` renders it) is read: a record table atop the box."""
    body_rows = {*body.iter("tr"), *body.iterancestors("tr")} if body is not None else set()
    return [
        [" ".join(text_of(cell).split()) for cell in row.xpath("./td|./th")]
        for row in root.iter("tr")
        if row not in body_rows or (head and len(rendered := page.lines(row)) == 1 and rendered[0] in head)
    ]


def _letter_count(lines) -> int:
    return sum(letter_count(line) for line in lines)


def find_container(root, page: Rendering):
    """The box the portal software names as the text's (or the print region): the element, its lines with the
    attachment list after it, and how it was found."""
    named = [(el, f"{kind}:{name}") for (kind, name), el in CONTENT_CONTAINERS.find(root)]
    page_letters = None
    for el, how in [*named, (print_region(root), "print region")]:
        if el is None:
            continue
        lines = page.lines(el)
        letters = _letter_count(lines)
        after = None  # the attachment list after the box, once looked for
        if letters < MIN_CONTAINER_LETTERS:
            after = _attachments_a_short_box_sends_to(el, how, page) if letters else []
            if not after and not _a_box_of_files(el, how, page):
                continue
        if letters and _link_letters(el) >= MAX_LINK_SHARE * letters and not _only_files(el):
            continue
        if _named_as_wrapper(how):
            if page_letters is None:
                page_letters = _letter_count(page.lines()) - _link_letters(root)
            if letters < MIN_WRAPPER_SHARE * page_letters:  # a dialog's or a side box's <div class="content">
                continue
        return el, lines + (attachment_list_after(el, page) if after is None else after), how
    return None, [], ""


def _attachments_a_short_box_sends_to(el, how: str, page: Rendering) -> list[str]:
    """A text too short to count that the CMS's own box holds and an attachment list follows (见附件, then
    附件下载： and the file): the document is its attachment, the box its text. The list, or none."""
    return [] if _named_as_wrapper(how) else attachment_list_after(el, page)


def _a_box_of_files(el, how: str, page: Rendering) -> bool:
    """The CMS's own box for the text shows images or links files only, with little or no text (a notice board
    photographed, a form to download): the document is its files, the box its text, not the footer a density
    search would find instead."""
    if _named_as_wrapper(how):
        return False
    return next(_shown_images(el, page.hidden), None) is not None or _only_files(el)


def _named_as_wrapper(how: str) -> bool:
    """The container was found by a name pages give a wrapper as often as the text (`class:content`)."""
    return how.split(":")[-1] in WRAPPER_NAMES


def _only_files(el) -> bool:
    """The container's named links are all files: a text that is its attachment (the notice as a PDF, or a
    scanned page linked to its full size with the file to download under it), not a list. A link with no text
    (an image's) names nothing to go to."""
    return _all_files([(href, name) for href, name in _links(el) if name])


def _all_files(links: list[tuple[str, str]]) -> bool:
    return bool(links) and all(_is_attachment(href, name) for href, name in links)


def text_in_wrapper(lines: list[str], container, how: str, page: Rendering):
    """A container named as page-wide wrappers are (content) holds the title, dateline and page tools over the
    text: the text is its densest block, and the attachment list after it. Its metadata is read in the whole
    wrapper first."""
    if not _named_as_wrapper(how) or (block := densest_block(container, page.hidden)) in (None, container):
        return lines, container, how
    return page.lines(block) + attachment_list_after(block, page), block, f"{how} > density"


def read_wrapper_head(wrapper_lines: list[str], text_lines: list[str], found: metadata.Candidates) -> None:
    """The wrapper's lines over its text block are read as the text's first lines would be: a 文号 line and a
    date alone on its line (日期：\n2014-05-12) under the title."""
    head = wrapper_lines[: wrapper_lines.index(text_lines[0])] if text_lines[0] in wrapper_lines else []
    metadata.from_text(head, found)
    metadata.from_heading(head, found.best("title"), found)


def print_region(root):
    """The one element between <!--startprint--> and <!--endprint-->: what the page's own print button prints
    (a convention of the portals' print scripts), the text as a named container names it."""
    for mark in PRINT_MARKS(root):
        if mark.text.strip().lower() != "startprint":
            continue
        between = []
        for sibling in mark.itersiblings():
            if sibling.tag is etree.Comment and (sibling.text or "").strip().lower() == "endprint":
                return between[0] if len(between) == 1 else None
            if isinstance(sibling.tag, str):
                between.append(sibling)
    return None


def _link_letters(el) -> int:
    """The letters (TEXT_LETTER_RE) of the links in `el`."""
    return sum(letter_count(text_of(a)) for a in el.iter("a"))


def _text_counts(root, hidden: set) -> dict:
    """For `root` and every element below it, in one pass from the leaves up: (letters of the text a reader sees
    in it (TEXT_LETTER_RE: Han, or another script's), length of that text, letters of its links (half a file's
    link's, so that density counts it neither way), letters of its field lists). Scripts, comments and what the
    page hides (`hidden`) add nothing but their tails, and neither they nor what stands inside them has counts."""
    counts = {}

    def count(el) -> tuple[int, int, int, int]:
        if _skipped(el, hidden):
            return 0, 0, 0, 0
        text = el.text or ""
        letters, length, link_letters, field_letters = letter_count(text), len(text), 0, 0
        for child in el:
            child_letters, child_length, child_link_letters, child_field_letters = count(child)
            tail = child.tail or ""
            letters += child_letters + letter_count(tail)
            length += child_length + len(tail)
            link_letters += child_link_letters
            field_letters += child_field_letters
        if el.tag == "a":  # a file's name is neither a way elsewhere nor the text's words
            link_letters += letters // 2 if FILE_RE.search(_href(el)) else letters
        if _is_field_list(el, length):
            field_letters = letters
        counts[el] = (letters, length, link_letters, field_letters)
        return counts[el]

    count(root)
    return counts


def _is_field_list(el, length: int) -> bool:
    """A definition list of labelled fields (<dl><dt>索 引 号</dt><dd>…</dd>), or a row or item of a record that
    opens with a label only records print (<tr><td>索 引 号</td><td>…</td>…, <li>[ 发布机构 ] …</li>): a 信息公开
    record, not text. `length`: the element's text length, known."""
    if el.tag == "dl":
        return any(metadata.is_label(text_of(dt)) for dt in el.iterchildren("dt"))
    if el.tag not in RECORD_ITEM_TAGS or length > MAX_INFO_LINE:
        return False
    first_cell = next(el.iterchildren("td", "th"), None) if el.tag == "tr" else None
    opening = text_of(first_cell) + "\t" if first_cell is not None else _opening(el)  # a cell's end ends its label
    return opening.lstrip(SPACES_AND_BRACKETS)[:1] in RECORD_LABEL_FIRST and bool(RECORD_ITEM_RE.match(opening))


def _opening(el, size: int = 2 * MAX_LABEL_TEXT) -> str:
    """The first `size` or so characters of `el`'s text (as text_of reads it), without reading all of it."""
    read = ""
    for piece in el.itertext():
        read += piece
        if len(read) >= size:
            break
    return read


def densest_block(root, hidden: set):
    """Generic fallback: the most specific block holding nearly all the text a reader sees (its letters) that is not
    link text nor a record's labelled fields (a short notice under a 信息公开 record twice its size is still the
    text), the page's footer not counted. `hidden`: the elements the page hides."""
    counts = _text_counts(root, hidden)
    most = min(MAX_FOOTER_LETTERS, counts.get(root, (0,))[0] // 2)
    counts = _without(counts, set(_footers(root, counts, most)))
    scored = []
    for el in root.iter(*DENSE_TAGS):
        if el not in counts:  # what a reader does not see, or stands inside it
            continue
        letters, length, link_letters, field_letters = counts[el]
        scored.append((letters - 2 * link_letters - 2 * field_letters, length, el))
    best = max((score for score, _, _ in scored), default=0)
    if best < MIN_CONTAINER_LETTERS:
        return None
    block = min((item for item in scored if item[0] >= DENSITY_SHARE * best), key=lambda item: item[1])[2]
    copy = _first_of_two_copies(block, counts)
    return block if copy is None else copy


def _footers(el, counts: dict, most: int):
    """The footer blocks under `el`: the largest blocks that print a footer's mark (ICP备, 网站标识码, 版权所有…), no
    sentence (a footer's lines are names, an address, numbers: a short text in the same block as the footer's lines
    keeps that block counted) and at most `most` letters (MAX_FOOTER_LETTERS, and under half the page's). Their text
    is no document's, however dense. Read from the top down, a small part of the page read once and passed over
    where it prints no mark."""
    for child in el:
        if child not in counts:  # hidden, a script, a comment
            continue
        if counts[child][0] > most:
            yield from _footers(child, counts, most)
            continue
        text = text_of(child)
        if not FOOTER_RE.search(text):
            continue
        if child.tag in DENSE_TAGS and not SENTENCE_END_RE.search(text):
            yield child
        else:
            yield from _footers(child, counts, most)


def _without(counts: dict, footers: set) -> dict:
    """`counts` with each of `footers` counting nothing: its counts taken off its ancestors', it and what stands
    in it no longer counted, as if the page hid it (its tail still counts)."""
    for footer in footers:
        taken = counts[footer]
        for el in footer.iterancestors():
            if el in counts:
                counts[el] = tuple(count - off for count, off in zip(counts[el], taken, strict=True))
        for el in footer.iter():
            counts.pop(el, None)
    return counts


def _first_of_two_copies(block, counts: dict):
    """The first of two blocks inside `block` that hold the same text and fill it (COPY_SHARE each), or None: a
    reader sees the text once."""
    least = COPY_SHARE * counts[block][0]
    large = [el for el in block.iter(*DENSE_TAGS) if el is not block and counts.get(el, (0,))[0] >= least]
    for i, first in enumerate(large):
        for other in large[i + 1 :]:
            if counts[other][0] == counts[first][0] and first not in other.iterancestors() and _same_text(first, other):
                return first
    return None


def _same_text(el, other) -> bool:
    return text_of(el).split() == text_of(other).split()


def attachment_list_after(block, page: Rendering) -> list[str]:
    """An attachment list standing right after the text's block (附件： and the files' links, or the links
    alone under a heading a script writes): the reader sees it as the end of the document, and the densest
    block leaves it out for being links. `page`: the page's rendering."""
    siblings = _after_in_reading_order(block)
    following = next(siblings, None)
    if following is None or following.tag == "a":  # a link beside the block is a page tool (pdf下载)
        return []
    lines = page.lines(following)
    if len(lines) == 1 and ATTACHMENT_HEADING_RE.match(lines[0]) and not _links(following):  # 附件信息：, then <ul>
        heading, following = lines, next(siblings, None)
        lines = heading + page.lines(following) if following is not None else []
    links = [(href, name) for href, name in _links(following) if name] if lines else []
    if not (lines and _all_files(links)):
        return []
    names = {name for _, name in links}
    only_names = all(line in names for line in lines)  # the links alone, no heading among the lines
    if only_names and (heading := _hidden_heading_before(following, page)):
        return [heading, *lines]
    headed_by_script = only_names and _writes_attachment_heading(following)
    return lines if ATTACHMENT_HEADING_RE.match(lines[0]) or headed_by_script else []


def _hidden_heading_before(el, page: Rendering) -> str | None:
    """An attachment heading right before a list of files that the template hides until a script finds files
    to show under it (<div class="xl_tit3" style="display:none;">附件下载：</div>, $(".xl_tit3").show()): where
    the files are there, the reader sees it."""
    before = el.getprevious()
    if before is None or before not in page.hidden:
        return None
    text = " ".join(text_of(before).split())
    return text if ATTACHMENT_HEADING_RE.fullmatch(text) else None


def _after_in_reading_order(block):
    """The elements with text a reader reads right after `block`: its next siblings, or, where it ends its parent
    (a TRS_Editor closing its document's box), those of the parent, up to LIST_AFTER_LEVELS levels up."""
    el = block
    for _ in range(LIST_AFTER_LEVELS):
        siblings = (sibling for sibling in el.itersiblings() if not _skipped(sibling) and text_of(sibling).strip())
        following = next(siblings, None)
        if following is not None or el.getparent() is None:
            return chain([following] if following is not None else [], siblings)
        el = el.getparent()
    return iter(())


def _writes_attachment_heading(el) -> bool:
    """A script in `el` writes an attachment heading (document.write("…附件：…")): the reader sees the links
    under it as the document's attachment list."""
    return any(ATTACHMENT_HEADING_RE.search(text) for script in el.iter("script") for text in script_writes(script))


def script_writes(script) -> list[str]:
    """The strings a <script> writes into the page, as markup (see WRITE_START_RE)."""
    code = script.text or ""
    if not WRITE_START_RE.search(code):
        return []
    variables: dict = {}
    for m in STRING_VARIABLE_RE.finditer(code):
        variables.setdefault(m[1], m[2] if m[2] is not None else m[3])
    return [_written_expression(code, start.end(), variables) for start in WRITE_START_RE.finditer(code)]


def _written_expression(code: str, at: int, variables: dict) -> str:
    """The string an expression of literals and variables joined by + makes, read from `at` to where it ends."""
    parts = []
    while m := WRITE_TOKEN_RE.match(code, at):
        literal = m[1] if m[1] is not None else m[2]
        if literal is not None:
            parts.append(literal)
        elif m[3]:
            parts.append(variables.get(m[3], ""))
        at = m.end()
    return "".join(parts)


def _box_sending_to_files(root, page: Rendering, block):
    """A box whose whole text sends the reader to the attachments (见附件, 详见附件。) with the attachment list right
    after it, outside the densest block: the document is its attachment, the box its text, as where the CMS names
    the box (see find_container), and the densest block is the page's dateline or footer. (box, its lines and the
    list, how), or None."""
    if not any(ATTACHMENT_POINTER_RE.match(metadata.squeezed_text(line)) for line in page.lines()):
        return None
    for text in root.xpath("//text()[contains(., '见附件')]"):
        box = text.getparent()
        if box in page.hidden or not ATTACHMENT_POINTER_RE.match(metadata.squeezed_text(text_of(box))):
            continue
        if box is block or block in box.iterancestors():
            return None  # the pointer ends a text the densest block holds
        if after := attachment_list_after(box, page):
            return box, page.lines(box) + after, "pointer to files"
    return None


def _page_heading_opening(lines: list[str], box, page: Rendering, title: str | None) -> tuple[int, int]:
    """Where among the text's first lines the page's heading stands, (start, end), when its element stands in the
    text's box (<h1>…峡谷<br>…公告</h1>, maybe under page tools), with the 文号 in an element of its own right under
    it: the title the heading element prints is no line of the text, as a title on one line is not (see
    pipeline._without_title), nor that 文号. A red head in the text's paragraphs (<p>国务院办公厅关于…<br>…的通报</p>)
    is the document's own and stays, as the golds keep it. (0, 0) where there is none."""
    if box is None or not title:
        return 0, 0
    squeezed = metadata.squeezed_text(title)
    start = len(list(takewhile(_is_edge_furniture, lines)))  # page tools over it go with the cleaner
    named = (el for _, el in TITLE_CONTAINERS.find(box, CLASSES_AND_IDS_BELOW))
    for el in chain(box.iter(*HEADING_TAGS), named):
        heading = page.lines(el) if el in page.spans else []
        end = start + len(heading)
        if (
            0 < len(heading) <= metadata.MAX_HEADING_LINES
            and lines[start:end] == heading
            and metadata.squeezed_text("".join(heading)) == squeezed
        ):
            return start, end + _number_under(el, lines[end : end + 1], page)
    return 0, 0


def _number_under(heading, following: list[str], page: Rendering) -> int:
    """1 where the line after the heading is its 文号 in an element of its own right under it, else 0."""
    under = heading.getnext()
    if under not in page.spans or not following or page.lines(under) != following:  # a comment, a hidden box
        return 0
    return int(bool(metadata.HEADING_NUMBER_RE.match(following[0].strip().strip(metadata.NUMBER_BRACKETS))))


def trafilatura_lines(html: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(
        html, include_tables=True, include_comments=False, include_links=False, favor_recall=True
    )
    return [line.strip() for line in split_lines(text or "") if line.strip()]


def main_text(root, html: str, page: Rendering) -> tuple[list[str], object, str]:
    el, lines, how = find_container(root, page)
    if el is None and (el := densest_block(root, page.hidden)) is not None:
        lines, how = page.lines(el) + attachment_list_after(el, page), "density"
        el, lines, how = _box_sending_to_files(root, page, el) or (el, lines, how)
    if el is not None:
        return lines, el, how
    if (lines := trafilatura_lines(html)) and _letter_count(lines) >= MIN_CONTAINER_LETTERS:
        return lines, None, "trafilatura"
    return page.lines(), None, "body"


Link = Callable[[str], str]  # a link's address on its page, as a request sends it (crawler.urls.absolute)


def attachments(container, root, link: Link) -> list[dict]:
    """Attachment links near the text: in its container, else up to two levels above it, else the page.
    Links a script writes into the page (TRS: `var file_appendix='<a href=…>'`) count as the reader sees them."""
    scopes = [container, *(container.iterancestors() if container is not None else [])][:3] + [root]
    for scope in scopes:
        if scope is None:
            continue
        found = {}
        for link_href, name in [*_links(scope), *_scripted_links(scope), *_embedded_files(scope)]:
            href = _viewed_file(link_href)
            if _is_attachment(href, name):
                url = link(href)
                found.setdefault(url, {"url": url, "name": name or unescaped(url.rsplit("/", 1)[-1])})
        if found:
            return list(found.values())
    return []


def images(container, hidden: set, link: Link) -> list[dict]:
    """The images the text's box shows, each once: part of the document (a scanned page, a statistics bulletin's
    chart, a policy explained as a picture), archived as its files are. Not an image written into the page as
    data, one the page hides, nor a link's icon beside a file (<a href="a.pdf"><img src="pdf.gif">…</a>): the
    file is archived. `{"url", "name"}`, the name the image's alt or title text, else its file's name."""
    if container is None:
        return []
    found: dict = {}
    for img, src in _shown_images(container, hidden):
        url = link(src)
        name = " ".join((img.get("alt") or img.get("title") or "").split())
        found.setdefault(url, {"url": url, "name": name or file_name(url)})
    return list(found.values())


def _shown_images(container, hidden: set):
    """(img, its src) for each image `container` shows as part of the text (see images)."""
    for img in container.iter("img"):
        src = (img.get("src") or "").strip()
        if not src or src.lower().startswith(("data:", "javascript:")) or _hidden_or_in_hidden(img, hidden):
            continue
        around = next(img.iterancestors("a"), None)
        if around is not None and _is_attachment(_href(around), " ".join(text_of(around).split())):
            continue
        if not _icon_beside_a_file(img, src):
            yield img, src


def _icon_beside_a_file(img, src: str) -> bool:
    """A file's icon in the row or line of its link (帝国CMS: <td><img alt="文件类型: .doc" src=".../downfile.jpg"></td>
    <td><a href="….doc">…</a></td>): the file is archived, the icon is no part of the text."""
    if not FILE_ICON_RE.search(f"{img.get('alt') or ''} {file_name(src)}"):
        return False
    line = next(img.iterancestors(*LINE_TAGS), None)
    return line is not None and any(_is_attachment(href, name) for href, name in _links(line))


def _hidden_or_in_hidden(el, hidden: set) -> bool:
    """`el` or an element around it is one the reader does not see (hidden, a script's, a comment's)."""
    return any(_skipped(shown, hidden) for shown in (el, *el.iterancestors()))


def _is_attachment(href: str, name: str) -> bool:
    if not href or href.lower().startswith("javascript:"):
        return False
    if ATTACHMENT_RE.search(href):
        return bool(FILE_RE.search(href)) or (bool(name) and not PAGE_TOOL_RE.search(name))
    if NAMED_FILE_RE.search(name):
        return not PAGE_PATH_RE.search(href.split("?")[0])
    return bool(IMAGE_FILE_RE.search(href.split("?")[0]) and IMAGE_FILE_RE.search(name))


def _links(scope):
    return [(_href(a), " ".join(text_of(a).split())) for a in scope.iter("a")]


def _embedded_files(scope):
    """(address, no name) for what each frame, embed or object in `scope` shows: where that is a file (see
    _is_attachment), a document shown in the page, often in a PDF viewer, is a file of the document as a linked
    one is."""
    return [((el.get("src") or el.get("data") or "").strip(), "") for el in scope.iter(*EMBEDDING_TAGS)]


def _viewed_file(href: str) -> str:
    """The file a document viewer's address shows (pdf.js's …/viewer.html?file=/attach/通知.pdf): the file, not
    the viewer's page; any other address as it is."""
    shown = VIEWER_FILE_RE.search(href)
    return unquote(shown[1]) if shown and FILE_RE.search(unquote(shown[1])) else href


def _href(a) -> str:
    """Where a link leads: its href, or for a link a click handler opens (downloadFj('名称.doc','./W0….doc'),
    no href) the last file path quoted in the handler."""
    href = (a.get("href") or "").strip()
    if href and href != "#" and not href.lower().startswith("javascript:"):
        return href
    quoted = [path for path in QUOTED_RE.findall(a.get("onclick") or "") if FILE_RE.search(path)]
    return quoted[-1] if quoted else href


def _scripted_links(scope):
    return [
        (href.strip(), " ".join(TAG_RE.sub("", name).split()))
        for script in scope.iter("script")
        for href, name in SCRIPTED_LINK_RE.findall(script.text or "")
    ]


def meta_tags(root) -> dict:
    """The head's <meta name=… content=…>, the first of each name: a template included further down may repeat
    a name with another page's values (ArticleTitle of a year-old report)."""
    tags: dict = {}
    for m in root.iter("meta"):
        if m.get("name") and m.get("content"):  # markup a CMS left in a value is not text (标题<div>——副题</div>)
            tags.setdefault(m.get("name"), TAG_RE.sub("", _as_browsers_read(m.get("content"))))
    return tags


def _as_browsers_read(value: str) -> str:
    """An attribute value with the references a browser reads and the parser left as written: a legacy entity
    without its semicolon (标题&ltbr/>——副题 is 标题<br/>——副题)."""
    return html.unescape(value) if "&" in value else value


def page_title(
    root, found: metadata.Candidates, page: Rendering, body_lines: list[str], text_lines: list[str]
) -> str | None:
    """A labelled 标题 or the CMS's ArticleTitle, else the heading line that the head <title> confirms, else the
    line standing above the info line over the text (标题 / 发布日期：… / text, when the head <title> names
    only the site), else a heading the text repeats as its first line, else (no head <title>) the first heading
    in an element named as a title's that names no site, else the head <title> without the site's name."""
    head_title = _head_title(root)
    labelled = found.best("title")
    if labelled and (not found.generated_only("title") or _shown(labelled, page.lines(), head_title)):
        return labelled
    owners = _owner_lines(page)
    document_title = strip_site_name(head_title, owners)  # the site's name in <title> confirms no heading (a logo's)
    site_only = _names_a_site(document_title, owners)  # nor does a <title> naming only a site
    titled = [el for _, el in TITLE_CONTAINERS.find(root)]  # the elements named as the title's, found once
    named_headings = [
        text
        for el in titled
        for text in [" ".join(line.split()) for line in page.lines(el)]  # a byline may share the container
        if _is_heading(text)
    ]
    heading = (
        (not site_only and _line_the_whole_head_title_names(page.lines(), body_lines, document_title))
        or next((text for text in named_headings if not site_only and _confirms(document_title, text)), None)
        or _heading_the_head_title_names(root, page, head_title, owners)
        or _line_the_head_title_names(page.lines(), body_lines, head_title, owners)
        or _heading_above_info(page.lines(), body_lines, text_lines)
        or _heading_the_text_repeats(page.lines(), text_lines)
        or (site_only and _heading_of_a_site_titled_page(page.lines(), text_lines))
        or next((text for text in named_headings if not document_title and not _names_site(text, owners)), None)
    )
    if heading:
        whole = _heading_element(root, page, heading, head_title, titled)
        whole = whole or _whole_heading(heading, page.lines(), head_title)
        return _without_number_after(_without_edge_tags(whole))
    # a head <title> that is only a site's name (one word: 某某市人民政府门户网站) or a page's kind names no
    # document: no title rather than the site's name for one; a title with the site's name after a space keeps both
    only_the_site = site_only and len(document_title.split()) <= 1
    return labelled or (None if only_the_site or _is_page_kind(document_title) else document_title)


def _confirms(document_title: str, heading: str) -> bool:
    """The head <title> (without the site's name) holds the heading's opening: SHOWN_TITLE_OPENING characters of it,
    or all of a shorter one (a link box's caption, 自治区政府部门网站, is no heading of 宁夏回族自治区政府工作报告)."""
    opening = metadata.comparable(heading)[:SHOWN_TITLE_OPENING]
    return bool(document_title and opening) and opening in metadata.comparable(document_title)


def _head_title(root) -> str:
    """The head <title>'s text; markup a CMS left in it is no text (标题<br>--副题), as in a <meta>'s value."""
    return " ".join(TAG_RE.sub("", root.findtext(".//title") or "").split())


def _owner_lines(page: Rendering) -> list[str]:
    """The page's lines naming who runs the site (版权所有：…, 主办单位：…)."""
    return [line for line in page.lines() if OWNER_LINE_RE.search(line)]


def _names_a_site(title: str, owners: list[str]) -> bool:
    """A head <title> left with nothing but a site's name (某某县人民政府), an organisation's (the site's owner:
    重庆市经济和信息化委员会) or a page's kind (详细信息): it names no document."""
    return not title or _names_site(title, owners) or _is_page_kind(title) or bool(BODY_NAME_RE.match(title))


def _is_page_kind(title: str) -> bool:
    return PAGE_KIND_RE.match(title) is not None


def _heading_of_a_site_titled_page(page_lines: list[str], text_lines: list[str]) -> str | None:
    """Where the head <title> names only the site: the red head the text opens with over its 文号 (the document's
    own print of its title), else the heading right above the text (page tools, a dateline, info lines, a value
    under its label and a 文号 between them aside), else the text's first line when it names a kind of document
    (关于…的通知)."""
    if red_head := _red_head_over_number(text_lines):
        return red_head
    first_text = _first_body_line(page_lines, text_lines)
    above = page_lines[max(0, first_text - INFO_EDGE) : first_text] if first_text else []
    for previous, line in reversed(list(zip(["", *above], above))):
        if _is_edge_furniture(line) or _is_dateline(line) or _is_label_line(line):
            continue
        if _value_under_label(previous) or _is_byline(line):
            continue
        if _is_number_line(line) or _under_a_speechs_title(line):
            continue  # the 文号 printed under the heading, a speech's speaker or day
        if _is_heading(line) and len(line) > MAX_COLUMN_NAME and not SITE_SUFFIX_RE.search(line):
            return None if BREADCRUMB_MARK_RE.search(line) else line
        break
    opening = text_lines[0] if text_lines else ""
    return opening if _is_heading(opening) and DOCUMENT_KIND_END_RE.search(opening) else None


def _red_head_over_number(text_lines: list[str]) -> str | None:
    """A red head the text prints over its 文号 (a gazette's page: its notice, the date, then 最高人民法院 /
    关于适用《…》 / 时间效力的若干规定 / 法释〔2020〕15号): the heading lines right above the first 文号 alone on its
    line among the text's first lines, the last naming a kind of document; no sentence or clause is a line of it."""
    opening = text_lines[: metadata.RED_HEAD_LINES]
    number = next((i for i, line in enumerate(opening) if _is_number_line(line)), 0)
    head = list(takewhile(_is_red_head_line, reversed(opening[:number])))[::-1]
    title_lines = [line for line in head if not metadata.ORGANISATION_RE.search(line)]  # issuers a line each aside
    if not head or len(title_lines) > metadata.MAX_HEADING_LINES or not DOCUMENT_KIND_END_RE.search(head[-1]):
        return None
    return metadata.joined_head(head)


def _is_number_line(line: str) -> bool:
    return bool(metadata.HEADING_NUMBER_RE.match(line.strip(metadata.NUMBER_BRACKETS)))


def _is_red_head_line(line: str) -> bool:
    return _is_title_part(line) and not line.rstrip().endswith((*SENTENCE_END, *ITEM_END, *ANNOUNCING_COLONS))


def _is_byline(line: str) -> bool:
    """A source printed under a heading without its label: in brackets ([省发改委]), a site's short name (新华网),
    or a name before the dateline (芒市长安网 2024-12-24 17:28:13)."""
    name, _, rest = " ".join(line.split()).partition(" ")
    return bool(
        metadata.BRACKETED_SOURCE_RE.match(line)
        or (len(line) <= MAX_COLUMN_NAME and SITE_SUFFIX_RE.search(line))
        or (metadata.NAME_BEFORE_DATE_RE.fullmatch(name) and _is_dateline(rest))
    )


def _heading_the_head_title_names(root, page: Rendering, head_title: str, owners: list[str]) -> str | None:
    """A heading element (<h1>…<h6>) whose text is, whole, a part of the head <title> that names no site (标题 -
    栏目 - 某某网_某某频道 over <h2>标题</h2>): a part of more than MAX_COLUMN_NAME characters, not a site's name
    by its ending nor by the footer's owner lines."""
    parts = {part for part in _title_parts(head_title) if not _names_site_or_column(part, owners)}
    for el in HEADING_ELEMENTS(root):
        text = " ".join(" ".join(page.lines(el)).split())
        if text in parts and _is_heading(text):
            return text
    return None


def _line_the_head_title_names(
    page_lines: list[str], body_lines: list[str], head_title: str, owners: list[str]
) -> str | None:
    """A line above the text that is, whole, the head <title>'s first part after the site's name, where more parts
    follow (标题 - 某某研究所 某某医院 - 关键词,关键词…, over a heading in a plain <div>): the document's own title.
    A part this short may be a column's name (通知公告 - 标题 - 某某网), and the last part is the site's."""
    parts = _title_parts(head_title)
    first = next((part for part in parts[:-1] if not SITE_SUFFIX_RE.search(part)), None)
    if first is None or _names_site_or_column(first, owners):
        return None
    first_body = _first_body_line(page_lines, body_lines)
    return first if first_body and first in page_lines[:first_body] and _is_heading(first) else None


def _line_the_whole_head_title_names(page_lines: list[str], body_lines: list[str], document_title: str) -> str | None:
    """The line right over the text, or its first, that is the head <title> whole, the site's name aside (a red
    head's issuers, spaced out, over 商务部 环境保护部 工业和信息化部关于印发…的通知): the title, before any heading
    whose opening only the <title> holds. Not a title as short as a column's name (通知公告)."""
    first_body = _first_body_line(page_lines, body_lines)
    wanted = metadata.squeezed_text(document_title)
    if not first_body or len(wanted) <= MAX_COLUMN_NAME:
        return None
    near = [page_lines[first_body - 1], *body_lines[:1]]
    return next((line for line in near if metadata.squeezed_text(line) == wanted and _is_heading(line)), None)


def _heading_element(root, page: Rendering, heading: str, head_title: str, titled: list) -> str | None:
    """A heading element (<h1>…<h6>, one named as the title's, or any other, that holds no blocks of its own)
    that a <br> breaks over lines, `heading` one of them: its lines as one title (政府工作报告<br>——2026年2月2日在…
    会议上; 某某市人民政府关于印发<br>…的通知). A label's line (a byline sharing the element) is no part of a title; a
    box of blocks holds more than its title (<h1>标题</h1><p>文号</p>; a read-aloud widget in the heading,
    <h1>标题<div>播报文章</div></h1>). An element of no heading's kind is looked at only where the head <title>
    does not hold `heading` (see _whole_heading): a series' name under an article's headline that the <title> names
    alone is the CMS's title, and the headline over it no part of it. `titled`: the elements named as the title's."""
    heading = " ".join(heading.split())  # as its lines are compared: a wide space (第二编　物权) as any other
    named = (el for el in titled if not _holds_boxes(el))
    in_head = metadata.comparable(heading) in metadata.comparable(head_title)
    broken = () if in_head else (el for el in BR_PARENTS(root) if not _holds_boxes(el))
    for el in chain((el for el in HEADING_ELEMENTS(root) if not _holds_boxes(el)), named, broken):
        lines = [" ".join(line.split()) for line in page.lines(el)]
        if heading in lines and 1 < len(lines) <= metadata.MAX_HEADING_LINES and all(map(_is_title_part, lines)):
            return metadata.joined_head(lines)
    return None


def _holds_boxes(el) -> bool:
    return any(d.tag in BOX_TAGS for d in el.iterdescendants())


def _is_title_part(line: str) -> bool:
    return _is_heading(line) and not _is_label_line(line)


def _shown(generated: str, page_lines: list[str], head_title: str) -> bool:
    """The CMS's title (ArticleTitle) is one the reader sees: the page's lines or its head <title> hold its
    beginning. A template can leave another document's there (a notice of 2020 over a 2026 report)."""
    opening = metadata.comparable(generated)[:SHOWN_TITLE_OPENING]
    return any(opening in metadata.comparable(line) for line in [head_title, *page_lines])


def _heading_the_text_repeats(page_lines: list[str], text_lines: list[str]) -> str | None:
    """A heading shown above the text that the text opens with again (a law library's page: 企业信息公示暂行条例
    over the text, then as its centred first line), where the head <title> names only the site."""
    first_body = _first_body_line(page_lines, text_lines)
    opening = text_lines[0] if text_lines else ""
    return opening if first_body and _is_heading(opening) and opening in page_lines[:first_body] else None


def _whole_heading(heading: str, page_lines: list[str], head_title: str) -> str:
    """A heading a <br> or the markup's own line break broke over lines (issuers, then the title; a title's
    second half): with the lines right above and right below it that a part of the head <title> holds in a row
    with it."""
    parts = [metadata.comparable(part) for part in _title_parts(head_title)]
    if heading not in page_lines or not parts:
        return heading

    def held(lines: list[str]) -> bool:  # in one part: a site's name the <title> sets apart is no line of it
        return any(metadata.comparable("".join(lines)) in part for part in parts)

    end = page_lines.index(heading) + 1
    start = end - 1
    while start and _is_heading(page_lines[start - 1]) and held(page_lines[start - 1 : end]):
        start -= 1
    while end < len(page_lines) and _is_heading(page_lines[end]) and held(page_lines[start : end + 1]):
        end += 1
    return metadata.joined_head(page_lines[start:end]) if start < end - 1 else heading


def _without_number_after(heading: str) -> str:
    """A heading with its 文号 printed after it on its line (`标题 财税〔2013〕81号`) is the title without it (the
    文号 is read as such: metadata.from_heading)."""
    parts = heading.split()
    for count, before, number in metadata.numbers_after(heading):
        if before and metadata.DOC_NUMBER_RE.match(number):
            return heading[: heading.rfind(parts[-count])].rstrip()  # the title's own spacing kept
    return heading


def _without_edge_tags(heading: str) -> str:
    """A heading that a platform framed with tags (`【湖北省中心】标题[文件获取中]`: region, status; `[政采云]标题`: the
    platform a notice came from) is the title without them, when what they frame reads as a title."""
    core = EDGE_TAGS_RE.match(heading)[1].strip()
    return core if core != heading and len(core) >= MIN_TAGGED_TITLE else heading


def _is_heading(text: str) -> bool:
    """A line that could be a document's heading: a date alone (2025年07月25日) or with its time, page furniture
    (当前位置：首页»新闻中心, 关于我们), a source in brackets ([省发改委]) and a step of a breadcrumb its links broke
    over lines (/ 价格管理) never are."""
    return (
        4 <= len(text) <= 120
        and bool(HAN_RE.search(text))
        and not (_is_dateline(text) or metadata.BRACKETED_SOURCE_RE.match(text) or TRAIL_STEP_RE.match(text))
        and not is_furniture(text, True)
    )


def _first_body_line(page_lines: list[str], body_lines: list[str]) -> int | None:
    """Where the text starts among the page's lines: where its first lines stand together (a heading over
    the text can repeat the text's first line)."""
    if not body_lines:
        return None
    opening = body_lines[:3]
    starts = [i for i, line in enumerate(page_lines) if line == body_lines[0]]
    return next((i for i in starts if page_lines[i : i + len(opening)] == opening), starts[0] if starts else None)


def _heading_above_info(page_lines: list[str], body_lines: list[str], text_lines: list[str]) -> str | None:
    """The line right above the lines of labels (发布日期：… 浏览次数：…) that stand right above the text's
    container, or that open it (heading, labels, text; under a breadcrumb, a byline among the labels; the heading
    maybe over lines a <br> broke it into), or that stand in it over the text (a breadcrumb, then heading, labels,
    text)."""
    first_body = _first_body_line(page_lines, body_lines)
    opening = list(dropwhile(_is_edge_furniture, body_lines))  # a breadcrumb over the heading in the text's box
    sizes = range(1, min(metadata.MAX_HEADING_LINES, len(opening) - 1) + 1)
    broken = list(takewhile(lambda size: size == 1 or _reads_as_a_title_line(opening[size - 1]), sizes))
    heading_lines = next((size for size in broken if _is_label_line(opening[size])), 1)
    record = list(takewhile(_is_label_or_edge_furniture, opening[heading_lines:INFO_EDGE]))
    first_text = _first_body_line(body_lines, text_lines)
    return (
        _heading_over_labels(_without_repeated_heading(page_lines[:first_body] if first_body else []))
        or _heading_over_labels(opening[: heading_lines + len(record)])
        or _heading_over_labels(body_lines[:first_text] if first_text else [])
    )


def _reads_as_a_title_line(line: str) -> bool:
    """A line that can go on a title a <br> broke: a heading's, with no label or value in it (朝代：唐代 is none)."""
    return _is_title_part(line) and not any(colon in line for colon in ANNOUNCING_COLONS)


def _is_label_or_edge_furniture(line: str) -> bool:
    return _is_label_line(line) or _is_edge_furniture(line)  # 发布时间：…, or a byline or page tools among them


def _without_repeated_heading(lines: list[str]) -> list[str]:
    """`lines` without their last when it prints again a line standing over the labels above it (结婚的条件 /
    发布时间：… / 打印 字号 / 结婚的条件, then the text): the heading repeated over the text."""
    return lines[:-1] if lines and lines[-1] in lines[-INFO_EDGE - 1 : -1] else lines


def _heading_over_labels(lines: list[str]) -> str | None:
    """`lines` end with label lines (maybe page tools under them): the line above them, when it reads as a
    heading; a 文号 printed under the heading (（财库〔2021〕22号）) stands between them."""
    top = len(lines)
    while top and (
        _is_label_line(lines[top - 1])
        or BRACKETED_FIELDS_RE.match(lines[top - 1])
        or (top > 1 and _value_under_label(lines[top - 2]))
        or _is_edge_furniture(lines[top - 1])  # page tools after the labels or among them (浏览 0 次)
    ):
        top -= 1
    if top == 0 or not any(_is_label_line(line) and not metadata.TOOL_LINE_RE.match(line) for line in lines[top:]):
        return None  # no labels, or page tools alone (浏览次数：…, 字号：T | T): no record under a heading
    if top > 1 and metadata.DOC_NUMBER_RE.match(lines[top - 1].strip().strip(metadata.NUMBER_BRACKETS)):
        top -= 1
    while top > 1 and (_under_a_speechs_title(lines[top - 1]) or _is_dateline(lines[top - 1])):
        top -= 1
    above = lines[top - 1]
    return above if _is_heading(above) and not above.rstrip().endswith(ANNOUNCING_COLONS) else None  # 语音播报：


def _is_edge_furniture(line: str) -> bool:
    """Page furniture as it stands at the text's edge, its inline page tools aside, and a font-size tool its links
    broke over lines (【 字体： / 大 / 中 / 小 】)."""
    return is_furniture(strip_inline_furniture(line), True) or bool(FONT_TOOL_PIECE_RE.match(line))


def _is_dateline(line: str) -> bool:
    """A date alone on its line, maybe with its time (2022年07月07日 16:30)."""
    return is_date_line(line) or bool(DATELINE_RE.fullmatch(line))


def _under_a_speechs_title(line: str) -> bool:
    """A speech's speaker or its day in brackets, printed between its title and the labels."""
    bracketed = BRACKETED_RE.match(line.strip())
    return bool(SPEAKER_RE.match(line.strip()) or (bracketed and is_date_line(bracketed[1])))


def _is_label_line(line: str) -> bool:
    """A line holding a label, in either script (來源：新華社)."""
    simplified = metadata.in_simplified_labels(line)
    return bool(metadata.LABEL_RE.search(simplified) or INFO_START_RE.match(simplified))


def _value_under_label(previous: str) -> bool:
    """The line after `previous` is a value under a label alone on its line (文章来源： / 山西政府网)."""
    return metadata.lone_label(previous) is not None


def strip_site_name(title: str, owners: list[str] = ()) -> str:
    """`某某市人民政府--标题`, `标题_某某网`, `标题 | 某某网`, `标题_2019年第5号国务院公报` to `标题`; a separator
    left at an end with nothing beyond it (`标题-`: a site's name left empty) goes too, and at the end a name that
    the page's `owners` lines (版权所有：…) give."""
    core = ISSUE_SUFFIX_RE.sub("", title).strip("-_|｜－— ")
    spans = _part_spans(core)
    parts = [core[start:end] for start, end in spans]
    first, last = 0, len(parts) - 1
    while last > first and _names_site_or_column(parts[last], owners):
        last -= 1
    while last > first and SITE_SUFFIX_RE.search(parts[first]) and len(parts[first]) < len(parts[last]):
        first += 1
    return _without_leading_site_words(core[spans[first][0] : spans[last][1]].strip()) if spans else ""


def _without_leading_site_words(title: str) -> str:
    """A title the head <title> opens with a website's name and its column's, a space after each (成都市政务服务网
    通知公告 标题): the title without them. An issuer before a space stays (商务部 环境保护部 …关于…的通知)."""
    words = title.split(" ")
    if len(words) < 2 or not WEBSITE_NAME_RE.search(words[0]):
        return title
    kept = 1
    while kept < len(words) - 1 and len(words[kept]) <= MAX_COLUMN_NAME:
        kept += 1
    return " ".join(words[kept:])


def _title_parts(title: str) -> list[str]:
    return [title[start:end] for start, end in _part_spans(title)]


def _names_site_or_column(part: str, owners: list[str]) -> bool:
    """A head <title>'s part naming a site (see _names_site) or, this short, a column (通知公告, 法律法规), or the
    CMS's keywords listed after the title."""
    return len(part) <= MAX_COLUMN_NAME or _names_site(part, owners) or KEYWORD_LIST_RE.match(part) is not None


def _names_site(part: str, owners: list[str]) -> bool:
    """`part` names a site: by its ending (…人民政府, …网, …频道) or as the footer's `owners` lines give it."""
    return bool(SITE_SUFFIX_RE.search(part)) or _names_owner(part, owners)


def _part_spans(title: str) -> list[tuple[int, int]]:
    """Where the parts of a head <title> stand between its separators: what is kept of it is kept as printed."""
    bounds = [0, *(edge for m in TITLE_SEPARATORS_RE.finditer(title) for edge in m.span()), len(title)]
    return [(start, end) for start, end in zip(bounds[::2], bounds[1::2]) if end > start]


def _names_owner(part: str, owners: list[str]) -> bool:
    """`part` of a head <title> names the site the footer's `owners` lines say who runs: a name they give, or
    that name with a short word after it (中华人民共和国最高人民法院公报 for 中华人民共和国最高人民法院 版权所有)."""
    return any(
        part in line
        or any(part.startswith(name) and len(part) - len(name) <= MAX_SITE_WORD for name in OWNER_NAME_RE.findall(line))
        for line in owners
    )


def hidden_elements(top) -> list:
    """The elements a style, a hiding class or the hidden attribute hides, `top` and those below it, in document
    order."""
    below = dict.fromkeys(
        value.getparent()
        for value in HIDING_ATTRIBUTES_BELOW(top)
        if _hides(value.attrname, value) and value.getparent().tag not in CLOAKABLE_TAGS
    )  # in document order, once each
    return [top, *below] if _hidden(top) and top.tag not in CLOAKABLE_TAGS else list(below)


# What hidden text is not read for: a date, a title or a publisher the reader cannot see is none (the gold's rule).
SEEN_FIELDS = tuple(name for name in metadata.FIELDS if name not in ("doc_number", "index_number"))


def _hidden_texts(hidden: list) -> list[str]:
    """Text kept out of sight (display:none): pages hide a 文号 or 索引号 there, the only fields read from it. A
    hidden box of input fields is a search panel (文号： [发文机关] [发文年份] 号), its labels no record's."""
    return [" ".join(text_of(el).split()) for el in hidden if next(el.iter(*FORM_FIELDS), None) is None]


def _written_texts(root) -> list[str]:
    """Text the page's scripts write into it (document.write('<span>来源：国家统计局</span>')): the reader sees
    it once the script has run, and some portals show their labels only so; a label the page prints right before
    the script (来源：<script>document.write(docsource)</script>) is read with what it writes."""
    return [
        _label_before(script) + " ".join(TAG_RE.sub(" ", text).split())
        for script in root.iter("script")
        for text in script_writes(script)
    ]


def _label_before(el) -> str:
    """The `label：` that the text right before `el` ends with, or nothing."""
    previous = el.getprevious()
    before = (previous.tail if previous is not None else el.getparent().text) or ""
    words = before.split()
    return words[-1] if words and words[-1].endswith(ANNOUNCING_COLONS) and metadata.is_label(words[-1]) else ""


LABEL_HOLDERS = ("span", "label", "b", "strong", "font", "em")  # inline elements a label is set in
LABEL_BOX = "div"  # a block a label stands in alone (no element inside), over its value: their parent's other line
# A label's element, then its value's: a definition list's term and description, or two items of one kind (tables
# are read as rows).
VALUE_ITEM_TAGS = frozenset({"li", "div", "span"})
LABEL_TAG_BEFORE = {"dd": "dt"}


def _label_element_pairs(page: Rendering, body, head: set[str]) -> list[str]:
    """A label in an element of its own with no colon, its value the rest of its parent (`<div><span>索 引 号
    </span>000014672/2014-01328</div>`, a value over lines under 发布机关; `<div><div>名称</div><div>…</div></div>`):
    as `label：value`. Outside the text, or on one of its first lines (`head`), where a page's info lines stand."""
    pairs = []
    head_end = _head_end(page, body)
    for el in page.spans:
        if el.tag not in LABEL_HOLDERS and (el.tag != LABEL_BOX or len(el)):
            continue
        inside = _inside(el, body)
        if inside and page.spans[el][0] > head_end:
            continue
        label = " ".join(text_of(el).split())
        if len(label) > MAX_LABEL_TEXT or not metadata.is_label(label) or metadata.LABEL_RE.search(label):
            continue
        if el.getparent() not in page.spans:
            continue
        first, *more = page.lines(el.getparent())
        if el.tag == LABEL_BOX and (first != label or len(more) != 1):
            continue
        if first.startswith(label) and (first in head or not inside):
            value = " ".join(metadata.closed_up(line) for line in [first[len(label) :].strip(), *more])
            if value.strip():
                pairs.append(f"{label}：{value.strip()}")
    return pairs


def _head_end(page: Rendering, body) -> int:
    """Where in the page's parts the text box `body` has written its first INFO_EDGE lines (-1: no box rendered)."""
    if body not in page.spans:
        return -1
    first, last = page.spans[body]
    lines, open_line = 0, False  # lines ended so far; whether the line under way has text
    for at in range(first, last):
        part = page.parts[at]
        if "\n" not in part:
            open_line = open_line or part.strip() != ""
            continue
        ending, *pieces, opening = part.split("\n")
        lines += (open_line or ending.strip() != "") + sum(1 for piece in pieces if piece.strip())
        if lines > INFO_EDGE:
            return at
        open_line = opening.strip() != ""
    return last


def _labels_left_empty(page: Rendering) -> set[str]:
    """Labels the page leaves without a value: a marked label in an element of its own that ends the row of
    pairs it stands in, nothing or an empty element after it (<li>…<span>发布机构：</span><span></span></li>,
    <div class="time"><span>时间：…</span><span>来源：</span></div>). The line under it is the next block's (the
    heading, the text), not its value. Without their spaces (发　布　机　构：, as the page's lines keep them)."""
    empty = set()
    for el in page.spans:
        if el.tag not in LABEL_HOLDERS or (el.tail or "").strip():
            continue
        label = " ".join(text_of(el).split())
        if not label.endswith(ANNOUNCING_COLONS) or not metadata.lone_label(label):
            continue
        row = " ".join(text_of(el.getparent()).split())
        if row != label and not any(text_of(after).strip() for after in el.itersiblings()):
            empty.add(label.replace(" ", ""))
    return empty


def _inside(el, body) -> bool:
    """`el` stands inside the text's container `body` (None: no container found)."""
    return body is not None and body in el.iterancestors()


def _values_over_lines(root, page: Rendering, body) -> list[str]:
    """A label in an element of its own and its value in the next over lines: a definition list's value
    (`<dt>标题：</dt><dd>…大型营业性<div>演出活动…的通知</div></dd>`), or a value a <br> breaks in an element of the
    label's kind (`<li><b>名称：</b></li><li>…民用无人驾<br>驶航空器…的公告</li>`): one value, its lines joined as a
    heading's are, as `label：value`. Outside the text."""
    pairs = []
    broken = (el for el in BR_PARENTS(root) if el.tag in VALUE_ITEM_TAGS)
    for value_el in chain(root.iter("dd"), broken):
        if value_el not in page.spans:  # hidden, or outside the page's body
            continue
        label_el = value_el.getprevious()
        if label_el is None or label_el.tag != LABEL_TAG_BEFORE.get(value_el.tag, value_el.tag):
            continue
        label = " ".join(_opening(label_el, MAX_LABEL_TEXT + 1).split())
        if len(label) > MAX_LABEL_TEXT or not metadata.is_label(label) or _inside(value_el, body):
            continue
        if value_el.tag != "dd" and _holds_boxes(value_el):  # a block in an <li> or a <div> is a line of its own
            continue
        value = page.lines(value_el)
        if len(value) > 1 and (value_el.tag == "dd" or len(value) <= metadata.MAX_HEADING_LINES):
            pairs.append(f"{label.rstrip(':：')}：{metadata.joined_head(value)}")
    return pairs


def _info_lines(lines: list[str]) -> list[str]:
    """The `label：value` info lines (时间：… 来源：…) among `lines`, also after the date of a dateline
    (2016年06月14日 09:42:04 来源： 中安在线), and a label alone on its line with the value under it (来源: /
    法规司, 发布机构 / 某某局), their labels in either script."""
    return [line for line, context in zip(lines, _label_contexts(lines), strict=True) if _reads_as_info(*context)]


def _record_lines_opening(lines: list[str]) -> int:
    """How many of `lines` open them as a record's do, in either script: info lines (see _info_lines), so that the
    text's first lines are counted past them (a record of labels over values takes two lines a field)."""
    return sum(1 for _ in takewhile(lambda context: _reads_as_info(*context), _label_contexts(lines)))


def _label_contexts(lines: list[str]):
    """Each of `lines` with the lines around it (metadata.in_context), their labels in simplified script."""
    return metadata.in_context(metadata.simplified_labels(lines))


def _reads_as_info(previous: str, line: str, following: str) -> bool:
    return len(" ".join(line.split())) <= MAX_INFO_LINE and bool(  # a template's indent is no length
        metadata.LABEL_RE.match(DATELINE_RE.sub("", line).lstrip("【[（( "))
        or _value_under_label(previous)
        or (_value_under_label(line) and following)
    )


def _near_title(above_text: list[str], body_lines: list[str], title: str | None) -> list[str]:
    """Lines between the title heading and the text, and the text's first lines: where a page shows its date;
    then the info lines right over the heading (来源：… / 2024-08-30 17:20 / heading), looked at last.
    `above_text`: the page's lines above the text."""
    heading = _heading_lines(above_text, title)
    if heading is None:
        return _below_breadcrumb(above_text[max(0, len(above_text) - INFO_EDGE) :]) + body_lines[:3]
    first, end = heading
    over_heading = takewhile(_is_info_or_date, reversed(above_text[max(0, first - INFO_EDGE) : first]))
    return above_text[end:] + body_lines[:3] + list(over_heading)[::-1]


def _heading_lines(lines: list[str], title: str | None) -> tuple[int, int] | None:
    """Where among `lines` the title is printed, (first, end), on a line or over up to MAX_HEADING_LINES lines
    (a heading a <br> breaks); None where it is not."""
    squeezed = metadata.squeezed_text(title or "")
    for end in range(1, len(lines) + 1) if squeezed else ():
        if count := metadata.title_lines_ending(lines[max(0, end - metadata.MAX_HEADING_LINES) : end], squeezed):
            return end - count, end
    return None


def _below_breadcrumb(lines: list[str]) -> list[str]:
    """`lines` after the last breadcrumb among them: what stands over it is the site's header (a calendar's
    2019年12月3日星期二 over 政务公开 > 政策法规 > 委局文件), not the document's."""
    trails = [i for i, line in enumerate(lines) if BREADCRUMB_TRAIL_RE.match(line)]
    return lines[trails[-1] + 1 :] if trails else lines


def _past_page_tools(lines: list[str]) -> list[str]:
    """`lines` from the first that is neither page furniture nor an info line (浏览次数：…, 字号：T | T over a red
    head)."""
    return list(dropwhile(lambda line: _is_label_line(line) or _is_edge_furniture(line), lines))


def _is_info_or_date(line: str) -> bool:
    return _is_label_line(line) or bool(DATELINE_RE.fullmatch(line))


def read_metadata(
    root, page: Rendering, body_lines: list[str], body, hidden: list, text_lines: list[str]
) -> metadata.Candidates:
    """The page's metadata; `body_lines` are the container's, `text_lines` the text's (the same but where a
    wrapper's densest block is the text)."""
    page_lines = page.lines()
    found = metadata.Candidates()
    metadata.from_meta_tags(meta_tags(root), found)
    head = set(body_lines[:INFO_EDGE])  # the text's first lines: where its record may stand
    metadata.from_cells(table_rows(root, body, page, head), found)
    # before the lines: a value over lines is whole
    metadata.from_pairs(_label_element_pairs(page, body, head) + _values_over_lines(root, page, body), found)
    # The page's label lines outside the text; a label alone on its line still takes the line below it, also
    # when that is the text's (名称： above a text that opens with the title).
    metadata.from_pairs(page_lines, found, text_lines=set(body_lines), empty_labels=_labels_left_empty(page))
    opening = body_lines[: _record_lines_opening(body_lines) + INFO_EDGE]
    metadata.from_pairs(_info_lines(opening), found, labels=metadata.HEAD_LABEL_RE)
    # The text's last lines give its source and dates, not its title: a 名称 there names a contact (名 称：某某公司).
    metadata.from_pairs(_info_lines(body_lines[-INFO_EDGE:]), found, skip=("title",))
    metadata.from_pairs(_hidden_texts(hidden), found, skip=SEEN_FIELDS)
    written = _written_texts(root)
    metadata.from_pairs(written, found)
    metadata.from_written_numbers(written, found)
    title = metadata.title_without_number(page_title(root, found, page, body_lines, text_lines), found)
    title = metadata.title_without_date(title, found)
    if title and found.generated_only("title"):
        title = metadata.red_head_title(title, _past_page_tools(body_lines)) or title
    found.add("title", title, metadata.SHOWN)
    above_text = page_lines[: _first_body_line(page_lines, body_lines)]  # all of them when the text is not found
    metadata.from_lone_date(metadata.simplified_labels(_near_title(above_text, body_lines, title)), found)
    metadata.from_heading(above_text, title, found)
    return found


def from_script_data(record: scriptdata.Record, root, page: Rendering, link: Link) -> Extracted:
    """The document a script's data holds, where the page's markup holds no text (a single-page app's state):
    its HTML rendered as the page's would be, its fields as shown, the head's as the CMS wrote them."""
    fragment = parse(f"<html><body>{record.content}</body></html>")
    body = fragment.find("body")
    found = metadata.Candidates()
    metadata.from_meta_tags(meta_tags(root), found)
    for name, value in record.fields.items():
        found.add(name, value, metadata.SHOWN)
    found.add("title", strip_site_name(_head_title(root), _owner_lines(page)), metadata.GENERATED)
    lines = Rendering(body).lines()
    return Extracted(lines=lines, meta=found, attachments=attachments(body, fragment, link), method="script data")


def extract(html: str, base_url: str = "", encoding: str = "utf-8") -> Extracted:
    """A page's text, metadata, attachments and images; its links read against `base_url`, their queries sent in
    the page's `encoding` as browsers send them."""
    link = partial(absolute, base_url, encoding=encoding)
    root = parse(html)
    hidden = hidden_elements(root)
    page = Rendering(root.find("body") if root.find("body") is not None else root, set(hidden))
    lines, container, how = main_text(root, html, page)
    text_lines, block, how = text_in_wrapper(lines, container, how, page)
    record = scriptdata.document_record(root, MIN_CONTAINER_LETTERS)
    if record is not None and record.letters >= SCRIPT_DATA_SHARE * _letter_count(text_lines):
        return from_script_data(record, root, page, link)
    found = read_metadata(root, page, lines, container, hidden, text_lines)
    if block is not container:
        read_wrapper_head(lines, text_lines, found)
    start, end = _page_heading_opening(text_lines, block, page, found.best("title"))
    metadata.from_heading(text_lines[start:end], found.best("title"), found)  # a 文号 under it, read before it goes
    lines, container = text_lines[:start] + text_lines[end:], block
    return Extracted(
        lines=lines,
        meta=found,
        attachments=attachments(container, root, link),
        method=how,
        images=images(container, page.hidden, link),
    )
