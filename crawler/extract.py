"""Decoded HTML to main-text lines, metadata and attachments, parsing each page once."""
import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

import lxml.html
from lxml import etree

from . import metadata
from .chars import HAN_RE
from .clean import split_lines

SKIP_TAGS = {"script", "style", "noscript", "iframe", "select", "button", "input", "textarea", "object", "embed", "svg", "template", "head", "form"}
BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody", "thead", "section", "article",
    "blockquote", "ul", "ol", "dl", "dt", "dd", "center", "pre", "hr", "caption", "header", "footer", "nav", "aside", "main",
}
CELL_TAGS = {"td", "th"}
HIDDEN_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Content containers of the portal systems, most specific first.
CONTENT_CONTAINERS = [
    ("class", "TRS_Editor"), ("class", "TRS_UEDITOR"), ("id", "UCAP-CONTENT"), ("id", "zoom"), ("id", "Zoom"),
    ("class", "trs_editor_view"), ("class", "article-content"), ("class", "article_content"), ("id", "js_content"),
    ("id", "fontzoom"), ("class", "zoom"), ("id", "con_text"), ("class", "pages_content"), ("class", "news_content"),
    ("class", "detail-content"), ("class", "wzy_text"), ("class", "main-txt"), ("id", "mainText"), ("class", "bt-content"),
    ("class", "zw"), ("id", "zw"), ("class", "content-text"), ("id", "content"), ("class", "content"),
]
TITLE_CONTAINERS = [("class", "title"), ("class", "article-title"), ("id", "title"), ("class", "bt"), ("class", "tit")]
ATTACHMENT_RE = re.compile(r"\.(pdf|docx?|xlsx?|wps|et|ofd|zip|rar|7z|pptx?|txt|csv)(?:$|[?#])|downfile\.jsp|/download\b", re.I)
TITLE_SEPARATORS_RE = re.compile(r"\s*(?:_|\||｜|－| - | — |--|-(?=[^-\d]{2,10}$))\s*")
SITE_SUFFIX_RE = re.compile(r"(人民政府|政府网|门户网站|网站|政务公开|信息公开|首页|官网|办公厅|办公室)$")
MIN_CONTAINER_HAN = 20
MAX_DEPTH = 200
HTML_PARSER = lxml.html.HTMLParser(huge_tree=True)  # libxml2 otherwise stops reading at 256 levels of nesting
OPEN_RUN_RE = re.compile(r"(?:<[a-zA-Z][^<>]*>\s*){100,}")
CLOSE_RUN_RE = re.compile(r"(?:</[a-zA-Z][^<>]*>\s*){100,}")
DENSITY_SHARE = 0.85


@dataclass
class Extracted:
    lines: list[str]
    meta: dict
    attachments: list[dict] = field(default_factory=list)
    method: str = ""


def parse(html: str):
    html = re.sub(r"^\s*<\?xml[^>]*>", "", html)
    # Thousands of wrappers in a row (a hostile page) would exceed libxml2's nesting limit and lose the text.
    html = OPEN_RUN_RE.sub("<div>", CLOSE_RUN_RE.sub("</div>", html))
    try:
        root = lxml.html.document_fromstring(html or "<html></html>", parser=HTML_PARSER)
    except (etree.ParserError, ValueError):
        root = lxml.html.document_fromstring("<html><body><pre>" + html.replace("<", "&lt;") + "</pre></body></html>")
    return _flatten_deep(root)


def _flatten_deep(root):
    """Below MAX_DEPTH, keep the text and drop the tags: real pages never nest that deep, hostile ones do,
    and the tree walks here are recursive."""
    depth = 0
    for event, el in etree.iterwalk(root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if event == "start" and depth == MAX_DEPTH:
            etree.strip_tags(el, "*")
    return root


def _skipped(el) -> bool:
    return not isinstance(el.tag, str) or el.tag.lower() in SKIP_TAGS or bool(HIDDEN_RE.search(el.get("style", "")))


def render_lines(el) -> list[str]:
    """Visible text with a line per block element and table row (cells kept apart by tabs)."""
    parts: list[str] = []

    def walk(node):
        if _skipped(node):
            parts.append(node.tail or "")
            return
        tag = node.tag.lower()
        if tag in BLOCK_TAGS:
            parts.append("\n")
        elif tag in CELL_TAGS:
            parts.append("\t")
        parts.append(node.text or "")
        for child in node:
            walk(child)
        if tag in BLOCK_TAGS:
            parts.append("\n")
        parts.append(node.tail or "")

    walk(el)
    return [line.strip() for line in "".join(parts).split("\n") if line.strip()]


def table_rows(root) -> list[list[str]]:
    return [
        [" ".join(cell.text_content().split()) for cell in row.xpath("./td|./th")]
        for row in root.iter("tr")
    ]


def _by(kind: str, name: str) -> str:
    if kind == "id":
        return f'//*[@id="{name}"]'
    return f'//*[contains(concat(" ", normalize-space(@class), " "), " {name} ")]'


def _han_count(lines) -> int:
    return sum(len(HAN_RE.findall(line)) for line in lines)


def find_container(root):
    for kind, name in CONTENT_CONTAINERS:
        for el in root.xpath(_by(kind, name)):
            lines = render_lines(el)
            if _han_count(lines) >= MIN_CONTAINER_HAN:
                return el, lines, f"{kind}:{name}"
    return None, [], ""


def densest_block(root):
    """Generic fallback: the most specific block holding nearly all the Chinese text that is not link text."""
    scored = []
    for el in root.iter("div", "td", "article", "section", "font"):
        if _skipped(el):
            continue
        text = el.text_content()
        links = sum(len(HAN_RE.findall(a.text_content())) for a in el.iter("a"))
        scored.append((len(HAN_RE.findall(text)) - 2 * links, len(text), el))
    if not scored:
        return None
    best = max(score for score, _, _ in scored)
    if best < MIN_CONTAINER_HAN:
        return None
    return min((item for item in scored if item[0] >= DENSITY_SHARE * best), key=lambda item: item[1])[2]


def trafilatura_lines(html: str) -> list[str]:
    import trafilatura

    text = trafilatura.extract(html, include_tables=True, include_comments=False, include_links=False, favor_recall=True)
    return [line.strip() for line in split_lines(text or "") if line.strip()]


def main_text(root, html: str) -> tuple[list[str], object, str]:
    el, lines, how = find_container(root)
    if el is not None:
        return lines, el, how
    block = densest_block(root)
    if block is not None:
        return render_lines(block), block, "density"
    if (lines := trafilatura_lines(html)) and _han_count(lines) >= MIN_CONTAINER_HAN:
        return lines, None, "trafilatura"
    body = root.find("body")
    return render_lines(body if body is not None else root), None, "body"


def attachments(container, root, base_url: str) -> list[dict]:
    """Attachment links near the text: in its container, else up to two levels above it, else the page."""
    scopes = [container, *(container.iterancestors() if container is not None else [])][:3] + [root]
    for scope in scopes:
        if scope is None:
            continue
        found = {}
        for a in scope.iter("a"):
            href = (a.get("href") or "").strip()
            if href and ATTACHMENT_RE.search(href) and not href.lower().startswith("javascript:"):
                url = urljoin(base_url, href)
                found.setdefault(url, {"url": url, "name": " ".join(a.text_content().split()) or url.rsplit("/", 1)[-1]})
        if found:
            return list(found.values())
    return []


def meta_tags(root) -> dict:
    return {m.get("name"): m.get("content", "") for m in root.iter("meta") if m.get("name") and m.get("content")}


def page_title(root, meta: dict) -> str | None:
    if meta.get("title"):
        return meta["title"]
    head_title = " ".join((root.findtext(".//title") or "").split())
    for kind, name in TITLE_CONTAINERS:
        for el in root.xpath(_by(kind, name)):
            text = " ".join(el.text_content().split())
            if 4 <= len(text) <= 120 and (not head_title or text[:4] in head_title):
                return text
    return strip_site_suffix(head_title) or None


def strip_site_suffix(title: str) -> str:
    parts = [p for p in TITLE_SEPARATORS_RE.split(title) if p]
    while len(parts) > 1 and (SITE_SUFFIX_RE.search(parts[-1]) or len(parts[-1]) <= 6):
        parts.pop()
    return "_".join(parts).strip()


def extract(html: str, base_url: str = "") -> Extracted:
    root = parse(html)
    meta: dict = {}
    metadata.from_meta_tags(meta_tags(root), meta)
    metadata.from_cells(table_rows(root), meta)
    lines, container, how = main_text(root, html)
    body_lines = set(lines)
    page_lines = render_lines(root.find("body") if root.find("body") is not None else root)
    metadata.from_pairs([line for line in page_lines if line not in body_lines], meta)
    meta["title"] = page_title(root, meta)
    found = attachments(container, root, base_url)
    return Extracted(lines=lines, meta=meta, attachments=found, method=how)
