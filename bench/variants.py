"""Each real page written as other portals write the same thing: every metadata field must read as on the page.

A robustness probe, not a corpus: the variants are made here from the real pages, one change at a time, each a way
portals are known to differ: labels, the head <title> and <meta> tags, the printed date, and the record block (索引号,
发布机构, 文号, dates) rebuilt in the layouts portals use (tables, dl/dd, spans with or without colons, one line, a
table under the text), the heading broken over two lines by a <br>. Per split (tuning / validation, the real-page
corpus's split by portal), per kind of change: how many variants were made and how many read a field (title,
publisher, 发布日期, 文号, 索引号) otherwise than the unchanged page does, or, where the change writes the date,
otherwise than the date itself; furniture put in the text's box over or under the text (print and close, font size,
counter, share bar, QR prompt, breadcrumb, prev/next), the text's layout and the broken heading count when the text
changes too. Then each page with every class and id name taken away, and then its <meta> tags too, its text's box
found by what it holds alone: the text's F1 against the page's own reading, and the fields read otherwise.

    python bench/variants.py            # ZWGK_REAL_CORPUS=… where the pages stand beside the checkout
"""

import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import lxml.etree
import lxml.html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import machine  # noqa: E402
from realpages import load, same_value, text_f1  # noqa: E402

from crawler.extract import HIDING_CLASSES, parse  # noqa: E402
from crawler.pipeline import process_page  # noqa: E402
from crawler.response import Response  # noqa: E402

FIELDS = ("title", "publisher", "published", "doc_number", "index_number")
LABELS = "索引号|文号|发文字号|发布机构|发文机关|发布日期|成文日期|信息来源|发布时间|公开日期"
LABEL_THEN_COLON = rf"({LABELS})(\s*(?:</[^>]+>)?\s*)："
# the labels as a portal's traditional-script edition prints them
TRADITIONAL_LABELS = "索引號|文號|發文字號|發布機構|發文機關|發布日期|成文日期|信息來源|發布時間|公開日期"
TRADITIONAL = dict(zip(LABELS.split("|"), TRADITIONAL_LABELS.split("|"), strict=True))
TITLE_RE = re.compile(r"(<title[^>]*>)(.*?)(</title>)", re.S | re.I)
HEAD_META_RE = re.compile(r"<meta\s+(?![^>]*(?:charset|http-equiv))[^>]*>", re.I)
OTHER_SITE = "滨江市人民政府"
MIN_BROKEN_TITLE = 8  # a title long enough for an editor to break it over two lines


def label_variants(html: str, doc) -> dict:
    """Labels as other templates print them: half-width colons, spaced out, in <strong>, &nbsp; after them."""
    return {
        "label: half-width colon": re.sub(LABEL_THEN_COLON, r"\1\2:", html),
        "label: spaced out": re.sub(
            rf"(?<=[>\s])({LABELS})(?=\s*(?:</[^>]+>)?\s*[:：])", lambda m: " ".join(m[1]), html
        ),
        "label: in <strong>": re.sub(rf"(?<=>)({LABELS})([:：])", r"<strong>\1\2</strong>", html),
        "label: &nbsp; after": re.sub(rf"({LABELS})([:：])(?=[^<\s])", r"\1\2&nbsp;&nbsp;", html),
        "label: 发布时间 for 发布日期": html.replace("发布日期", "发布时间"),
        "label: traditional script": re.sub(LABEL_THEN_COLON, lambda m: f"{TRADITIONAL[m[1]]}{m[2]}：", html),
        "label: spaced out with full-width spaces": re.sub(
            rf"(?<=[>\s])({LABELS})(?=\s*(?:</[^>]+>)?\s*[:：])", lambda m: "\u3000".join(m[1]), html
        ),
    }


def head_meta_variants(html: str, doc) -> dict:
    """The head without its <meta name=…> tags (ArticleTitle, PubDate, ContentSource…), as a portal writes none of
    the TRS family's: what the page shows must be found without them. The charset's stays."""
    return {"head: its <meta> tags taken away": HEAD_META_RE.sub("", html)}


def head_title_variants(html: str, doc) -> dict:
    """The head <title> with another site's name around it, or naming only the page's own site."""
    found = TITLE_RE.search(html)
    if not found:
        return {}
    title = found[2].strip()
    site = re.search(r'<meta\s+name="SiteName"\s+content="([^"]+)"', html, re.I)
    written = {
        "<title>: site--title": f"{OTHER_SITE}--{title}",
        "<title>: title | site": f"{title} | {OTHER_SITE}网站",
        "<title>: title_site": f"{title}_{OTHER_SITE}",
        "<title>: title丨site": f"{title}丨{OTHER_SITE}",
        "<title>: a path, site > title": f"{OTHER_SITE}门户网站 > {title}",
        "<title>: its own SiteName only": site[1] if site else None,
        # a head <title> that names no document: the heading the page shows must be found without it
        "<title>: emptied": "",
        "<title>: a section's name only (信息公开)": "信息公开",
        "<title>: another site's name only": OTHER_SITE,
        "<title>: a page kind only (详细信息)": "详细信息",
    }
    return {
        kind: html[: found.start(2)] + new + html[found.end(2) :] for kind, new in written.items() if new is not None
    }


CHINESE_DIGITS = str.maketrans("0123456789", "〇一二三四五六七八九")


def _chinese_number(digits: str) -> str:
    """A month's or a day's number as an older document prints it: 5 五, 10 十, 12 十二, 20 二十, 31 三十一."""
    tens, units = divmod(int(digits), 10)
    written = (str(tens) if tens > 1 else "") + ("十" if tens else "") + (str(units) if units else "")
    return written.translate(CHINESE_DIGITS)


def date_variants(html: str, doc) -> dict:
    """The printed 发布日期 in the other forms portals use."""
    if not doc.published:
        return {}
    year, month, day = doc.published.split("-")
    forms = {
        "date: 2024-01-05": f"{year}-{month}-{day}",
        "date: 2024/1/5": f"{year}/{int(month)}/{int(day)}",
        "date: 2024.01.05": f"{year}.{month}.{day}",
        "date: 2024年01月05日": f"{year}年{month}月{day}日",
        "date: 2024年1月5日": f"{year}年{int(month)}月{int(day)}日",
        "date: full-width digits": f"{year}-{month}-{day}".translate({ord(d): ord(d) + 0xFEE0 for d in "0123456789"}),
        "date: Chinese numerals": f"{year.translate(CHINESE_DIGITS)}年{_chinese_number(month)}月"
        f"{_chinese_number(day)}日",
        "date: spaced (2024 年 1 月 5 日)": f"{year} 年 {int(month)} 月 {int(day)} 日",
        "date: 2024-1-5": f"{year}-{int(month)}-{int(day)}",
    }
    printed = next((form for form in forms.values() if form in html), None)
    return {kind: html.replace(printed, form) for kind, form in forms.items() if printed and form != printed}


# The record block: the smallest-text element of these tags holding the most record labels, short, apart from the
# text; each field the page read and the block shows is written again under its label in each layout.
RECORD_LABELS = ("索引号", "文号", "发文字号", "发布机构", "发文机关", "发布日期", "成文日期")
RECORD_TAGS = ("div", "table", "dl", "ul", "section", "p", "span", "form")
MAX_RECORD_LETTERS = 400
TEXT_OPENING = 40  # letters: a block holding the text's opening is the text's (its first line may be the title)
RECORD_FIELDS = {  # field -> the label it is written under
    "title": "名称",
    "index_number": "索引号",
    "publisher": "发布机构",
    "doc_number": "文号",
    "written": "成文日期",
    "published": "发布日期",
}
# Other labels portals print a record's field under (labels.py has them all; these stand in a record's table).
RECORD_SYNONYMS = {
    "publisher": ("发文机关", "发布机关", "发文单位", "发布单位", "发布部门", "制发机关", "发文机构", "所属机构"),
    "doc_number": ("发文字号", "发文文号", "文件编号", "发布文号"),
    "index_number": ("信息索引号", "索取号"),
    "published": ("发布时间", "公开日期", "公布日期", "信息发布日期"),
    "written": ("发文日期", "印发日期", "制发日期", "签发日期", "成文时间"),
    "title": ("标题", "文件名称"),
}
SPACES_RE = re.compile(r"[\s\u00a0\u3000]+")


def _squeezed(text: str | None) -> str:
    return SPACES_RE.sub("", text or "")


def _record_block(root, text_opening: str):
    best = None
    for el in root.iter(*RECORD_TAGS):
        shown = _squeezed(el.text_content())
        if len(shown) > MAX_RECORD_LETTERS or text_opening in shown:
            continue
        labels = sum(label in shown for label in RECORD_LABELS)
        if labels >= 2 and (best is None or (labels, len(shown)) > best[0]):
            best = ((labels, len(shown)), el)
    return best[1] if best else None


def _shows(block, name: str, value: str) -> bool:
    if name in ("published", "written"):
        year, month, day = value.split("-")
        return bool(re.search(rf"{year}\D{{1,3}}0?{int(month)}\D{{1,3}}0?{int(day)}(?!\d)", block.text_content()))
    return _squeezed(value) in _squeezed(block.text_content())


def _table(pairs):
    rows = [pairs[i : i + 2] for i in range(0, len(pairs), 2)]
    return (
        "<table>"
        + "".join("<tr>" + "".join(f"<td>{k}：</td><td>{v}</td>" for k, v in row) + "</tr>" for row in rows)
        + "</table>"
    )


RECORD_LAYOUTS = {
    "record: table, two pairs a row": _table,
    "record: table, <th> labels, no colon": lambda pairs: (
        "<table>" + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in pairs) + "</table>"
    ),
    "record: dl dt/dd": lambda pairs: "<dl>" + "".join(f"<dt>{k}：</dt><dd>{v}</dd>" for k, v in pairs) + "</dl>",
    "record: dd, spaced label in <label>": lambda pairs: (
        "<dl>"
        + "".join(f"<dd><label><font>{' '.join(k)}：</font></label><div>{v}</div></dd>" for k, v in pairs)
        + "</dl>"
    ),
    "record: li of spans": lambda pairs: (
        "<ul>" + "".join(f"<li><span>{k}：</span><span>{v}</span></li>" for k, v in pairs) + "</ul>"
    ),
    "record: spans, no colon": lambda pairs: "".join(
        f'<div class="row"><span class="label">{k}</span><span class="value">{v}</span></div>' for k, v in pairs
    ),
    "record: label div over value div": lambda pairs: "".join(
        f'<div><div class="label">{k}</div><div class="value">{v}</div></div>' for k, v in pairs
    ),
    "record: bracketed labels": lambda pairs: (
        "<div>" + "　".join(f"<span>【{k}】{v}</span>" for k, v in pairs) + "</div>"
    ),
    "record: li, label in <em>": lambda pairs: (
        "<ul>" + "".join(f"<li><em>{k}</em>{v}</li>" for k, v in pairs) + "</ul>"
    ),
    "record: one line": lambda pairs: "<p>" + "　".join(f"{k}：{v}" for k, v in pairs) + "</p>",
    "record: lines in one <p>": lambda pairs: "<p>" + "<br>".join(f"{k}：{v}" for k, v in pairs) + "</p>",
    "record: table, values as links": lambda pairs: (
        "<table>"
        + "".join(f"<tr><td>{k}：</td><td><a href='/s?q={i}'>{v}</a></td></tr>" for i, (k, v) in enumerate(pairs))
        + "</table>"
    ),
    "record: table, label and value in one cell": lambda pairs: (
        "<table><tr>" + "".join(f"<td><b>{k}：</b>{v}</td>" for k, v in pairs) + "</tr></table>"
    ),
    "record: table, a row of labels over a row of values": lambda pairs: (
        "<table><tr>"
        + "".join(f"<th>{k}</th>" for k, _ in pairs)
        + "</tr><tr>"
        + "".join(f"<td>{v}</td>" for _, v in pairs)
        + "</tr></table>"
    ),
}


def record_variants(rewritten: str, doc) -> dict:
    """The page's record block rebuilt in each layout, and in a table with each other label portals give a field
    (发文机关 for 发布机构, 发文字号 for 文号…). `rewritten`: the page as lxml writes it back (see variants_of)."""
    opening = _squeezed(doc.text)[:TEXT_OPENING]
    block = _record_block(lxml.html.document_fromstring(rewritten), opening)
    if block is None:
        return {}
    shown = {
        name: getattr(doc, name)
        for name in RECORD_FIELDS
        if getattr(doc, name) and _shows(block, name, getattr(doc, name))
    }
    if len(shown) < 2:
        return {}
    pairs = [(RECORD_FIELDS[name], value) for name, value in shown.items()]
    records = {kind: layout(pairs) for kind, layout in RECORD_LAYOUTS.items()}
    for name in shown:
        for label in RECORD_SYNONYMS.get(name, ()):
            relabelled = [(label if field == name else RECORD_FIELDS[field], value) for field, value in shown.items()]
            records[f"record label: {label} for {RECORD_FIELDS[name]}"] = _table(relabelled)
    variants = {kind: _with_record(rewritten, opening, markup) for kind, markup in records.items()}
    variants["record: a table under the text"] = _with_record_under(rewritten, opening, _table(pairs), doc.text)
    return {kind: html for kind, html in variants.items() if html}


def _with_record_under(html: str, opening: str, markup: str, text: str) -> str | None:
    """The record block taken from over the text and set, as a table, right after the text's box (a 信息公开
    record at the page's foot)."""
    root = lxml.html.document_fromstring(html)
    old, box = _record_block(root, opening), _text_box(root, text)
    if box is None or box in old.iterancestors() or box is old:
        return None
    gone = lxml.html.Element("span")  # in the record's place, with the text after it
    gone.tail = old.tail
    old.getparent().replace(old, gone)
    box.addnext(lxml.html.fragment_fromstring(markup, create_parent="div"))
    return lxml.html.tostring(root, encoding="unicode")


def _with_record(html: str, opening: str, markup: str) -> str:
    root = lxml.html.document_fromstring(html)
    old = _record_block(root, opening)
    new = lxml.html.fragment_fromstring(markup, create_parent="div")
    new.tail = old.tail
    old.getparent().replace(old, new)
    return lxml.html.tostring(root, encoding="unicode")


# Page furniture as portals print it inside the text's box, over the text or under it: none of it may reach the text.
FURNITURE_OVER = {
    "font size, print, close": "【字体：大 中 小】【打印】【关闭】",
    "font size letters": "字号：T | T",
    "counter": "浏览次数：1234",
    "share bar": "分享到：微信 微博 QQ空间",
    "QR prompt": "扫一扫在手机打开当前页",
    "correct, print, close": "【我要纠错】【打印本页】【关闭窗口】",
    "breadcrumb": "当前位置：首页 > 政务公开 > 通知公告",
}
FURNITURE_UNDER = {
    **{
        kind: FURNITURE_OVER[kind]
        for kind in ("font size, print, close", "counter", "share bar", "QR prompt", "correct, print, close")
    },
    "prev/next": "上一篇：关于做好2024年政务公开工作的通知",
}
MIN_TEXT_FOR_FURNITURE = 40  # letters: a text this short has no clear ends to find its box by


def _text_box(root, text: str):
    """The smallest box holding the text's first and last letters."""
    squeezed = _squeezed(text)
    first, last = squeezed[:10], squeezed[-10:]
    boxes = [
        (len(shown), el)
        for el in root.iter("div", "td", "article", "section")
        if first in (shown := _squeezed(el.text_content())) and last in shown
    ]
    return min(boxes, key=lambda box: box[0])[1] if boxes else None


def furniture_variants(rewritten: str, doc) -> dict:
    """Furniture put in the text's box as its first or its last line. `rewritten`: the page as lxml writes it back
    (see variants_of)."""
    if len(_squeezed(doc.text)) < MIN_TEXT_FOR_FURNITURE:
        return {}
    variants = {}
    for where, furniture in (("over", FURNITURE_OVER), ("under", FURNITURE_UNDER)):
        for kind, line in furniture.items():
            root = lxml.html.document_fromstring(rewritten)
            box = _text_box(root, doc.text)
            if box is None:
                return {}
            added = lxml.html.fragment_fromstring(f"<p>{line}</p>")
            if where == "over":
                added.tail, box.text = box.text, None
                box.insert(0, added)
            else:
                box.append(added)
            variants[f"furniture {where} the text: {kind}"] = lxml.html.tostring(root, encoding="unicode")
    return variants


def layout_variants(rewritten: str, doc) -> dict:
    """The text's box laid out as older templates lay it out: its content in a table's one cell, or its paragraphs
    as lines broken by <br>. `rewritten`: the page as lxml writes it back (see variants_of)."""
    if len(_squeezed(doc.text)) < MIN_TEXT_FOR_FURNITURE:
        return {}
    variants = {}
    for kind, relayout in (("in a table's cell", _in_a_cell), ("paragraphs as lines broken by <br>", _broken_by_br)):
        root = lxml.html.document_fromstring(rewritten)
        box = _text_box(root, doc.text)
        if box is None:
            return {}
        relayout(box)
        variants[f"layout: the text {kind}"] = lxml.html.tostring(root, encoding="unicode")
    return variants


def _in_a_cell(box) -> None:
    table = lxml.html.fragment_fromstring("<table><tr><td></td></tr></table>")
    cell = table.find(".//td")
    cell.text, box.text = box.text, None
    for child in list(box):
        cell.append(child)  # with its tail
    box.append(table)


def _broken_by_br(box) -> None:
    """Each paragraph's content in its place, a <br> after it."""
    for paragraph in list(box.iter("p")):
        paragraph.tag = "span"
        paragraph.append(lxml.html.fragment_fromstring("<br>"))


def heading_variants(rewritten: str, doc) -> dict:
    """The heading broken over two lines by a <br> at its middle, as editors break a long title, with the head
    <title> as it is and emptied (the heading then read without its help). `rewritten`: the page as lxml writes it
    back (see variants_of)."""
    title = doc.title or ""
    if len(title) < MIN_BROKEN_TITLE or len(_squeezed(doc.text)) < MIN_TEXT_FOR_FURNITURE:
        return {}
    root = lxml.html.document_fromstring(rewritten)
    box = _text_box(root, doc.text)
    if box is None:
        return {}
    inside = set(box.iter())  # a line of the text that prints the title again stays as it is
    heading = next((el for el in root.find("body").iter() if el not in inside and _holds_alone(el, title)), None)
    if heading is None:
        return {}
    middle = _break_near_middle(title)
    br = lxml.html.fragment_fromstring("<br>")
    br.tail, heading.text = title[middle:] + (heading.text or "").split(title, 1)[1], title[:middle]
    heading.insert(0, br)
    broken = lxml.html.tostring(root, encoding="unicode")
    return {
        "heading: broken by <br>": broken,
        "heading: broken by <br>, <title> emptied": TITLE_RE.sub(r"\1\3", broken, count=1),
    }


def _break_near_middle(title: str) -> int:
    """Where an editor would break `title` nearest its middle: not inside a number or a word of Latin letters."""

    def inside_a_word(at: int) -> bool:
        return title[at - 1].isascii() and title[at - 1].isalnum() and title[at].isalnum()

    return min((at for at in range(1, len(title)) if not inside_a_word(at)), key=lambda at: abs(at - len(title) // 2))


def _holds_alone(el, title: str) -> bool:
    """`el`'s own text, before any element in it, is `title` and nothing else."""
    return isinstance(el.tag, str) and (el.text or "").strip() == title


def read(page, html: str):
    return process_page(Response(page.url, 200, html.encode("utf-8")))


def variants_of(page, html: str, doc) -> dict:
    """Every variant of the page. The record and furniture variants are made from the page as lxml writes it back,
    and only where that reads as the page does (its text too, for furniture), so that a difference is the change's."""
    made = {}
    for family in (label_variants, head_title_variants, head_meta_variants, date_variants):
        made.update(family(html, doc))
    rewritten = lxml.html.tostring(lxml.html.document_fromstring(html), encoding="unicode")
    again = read(page, rewritten)
    if not differing(doc, again):
        made.update(record_variants(rewritten, doc))
        if again.text == doc.text:
            made.update(furniture_variants(rewritten, doc))
            made.update(layout_variants(rewritten, doc))
            made.update(heading_variants(rewritten, doc))
    return made


def differing(doc, variant) -> list[str]:
    return [name for name in FIELDS if not same_value(getattr(variant, name), getattr(doc, name))]


def _read_otherwise(kind: str, doc, variant, written: str) -> list[str]:
    """The fields `variant` reads otherwise than `doc`; with the head's <meta> tags taken away, a field no longer
    read whose value the page's body does not show came from a <meta> alone, and is rightly gone with it."""
    fields = differing(doc, variant)
    if not fields or not kind.startswith("head:"):
        return fields
    body = lxml.html.document_fromstring(written).find("body")
    shown = [name for name in fields if body is not None and _shows(body, name, getattr(doc, name))]
    return [name for name in fields if getattr(variant, name) is not None or name in shown]


def without_names(html: str) -> str:
    """The page with every class and id taken away (a hiding class written as the style it stands for): its text's
    box found by what it holds, as on a portal whose names nobody here has seen. The page is parsed as the pipeline
    parses it, so that nothing a browser shows is lost on the way (a document after a header's stray </html>)."""
    root = parse(html)
    for el in root.iter(lxml.etree.Element):
        if not HIDING_CLASSES.isdisjoint((el.attrib.pop("class", None) or "").split()):
            el.set("style", f"{el.get('style') or ''};display:none")
        el.attrib.pop("id", None)
    return lxml.html.tostring(root, encoding="unicode")


def main() -> None:
    print(machine())
    pages = load()
    for split in ("tuning", "validation"):
        made, wrong, unseen = Counter(), Counter(), {name: [] for name in UNSEEN}
        chosen = [page for page in pages if page.split == split]
        for page in chosen:
            html = page.html
            doc = read(page, html)
            for kind, written in variants_of(page, html, doc).items():
                if written == html:
                    continue
                made[kind] += 1
                variant = read(page, written)
                text_moved = kind.startswith(("furniture", "layout", "heading")) and variant.text != doc.text
                wrong[kind] += bool(_read_otherwise(kind, doc, variant, written) or text_moved)
            for name, (kind, rewrite) in UNSEEN.items():
                written = rewrite(html)
                variant = read(page, written)
                unseen[name].append((text_f1(variant.text, doc.text), _read_otherwise(kind, doc, variant, written)))
        print(f"\n{split}: {len(chosen)} pages\n\n| change | variants | read otherwise |\n|---|---:|---:|")
        for kind in sorted(made):
            print(f"| {kind} | {made[kind]} | {wrong[kind]} |")
        print(f"| **all** | {sum(made.values())} | {sum(wrong.values())} |\n")
        for name, results in unseen.items():
            f1s = [f1 for f1, _ in results]
            fields = Counter(field for _, names in results for field in names)
            print(
                f"{name}: text F1 mean {statistics.mean(f1s):.3f}, below 0.99 on {sum(f1 < 0.99 for f1 in f1s)} of"
                f" {len(f1s)} pages; a field read otherwise on {sum(bool(names) for _, names in results)} pages"
                f" ({dict(fields) or 'none'})"
            )


def _without_names_nor_meta(html: str) -> str:
    return without_names(HEAD_META_RE.sub("", html))


# A portal nobody here has seen: each page with its class and id names taken away, and with its head's <meta> tags
# too (a portal of no TRS make): its text's box and metadata found by what the page shows alone.
UNSEEN = {
    "Without class and id names": ("names", without_names),
    "Without class and id names nor <meta> tags": ("head: and names", _without_names_nor_meta),
}


if __name__ == "__main__":
    main()
