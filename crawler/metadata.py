"""Document metadata: every place a page states a field is a candidate, and the most trustworthy wins.

Sources, most trusted first (calibrated on the tuning part of the real-page corpus, tests/fixtures/real/):
1. LABELLED: what the reader sees under a label: 信息公开 tables (label cell + value cell, or `label：value` in
   one cell, several pairs in a row), dl/dd and div/span layouts (a label line, then its value), info lines
   (`发布时间：… 来源：…`) above or below the text, hidden elements holding a label (a 文号 kept out of sight).
   Labels are matched whatever spaces a page puts inside them (`索  引  号`, `发 布 日 期`).
2. LISTED: what the list page showed beside the link (信息公开目录 columns), handed over as hints.
3. SHOWN: a date standing alone beside the title (`2012-02-02  来源：…`), with the organisation a dateline
   names in brackets (`[省发改委]`); a 文号 printed after the title on its heading, or alone under it.
4. GENERATED: head `<meta>` tags (ArticleTitle, PubDate): written by the CMS, often the page's generation
   time, so any date the reader sees beats them (DATE_SOURCE_ORDER).
5. TEXT: the body itself: a 文号 line under the heading, the date under the signature (成文日期).
Within one source, a field's labels rank as LABELS lists them (发布机构 before 来源 before 作者).
"""

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import takewhile

from .chars import HAN_RE, SENTENCE_END, to_simplified, traditional_forms
from .clean import BREADCRUMB_MARKS, BUTTON_RE, BUTTONS_ONLY_RE, is_furniture, strip_inline_furniture
from .dates import PRINTED_DATE, WEEKDAY, find_date, is_date_line
from .labels import COUNTER_LABELS, FONT_LABELS, LABEL_FIELD, LABELS, OTHER_LABELS, OWNER_LABELS

LABELLED, LISTED, SHOWN, GENERATED, TEXT = range(5)
CUT_SHORT_RE = re.compile(r"(?:\.{2,}|…+)\s*$")  # a title a list cut to its width (关于开展2024年度政务公开...)
DATE_SOURCE_ORDER = (LABELLED, LISTED, SHOWN, TEXT, GENERATED)  # what the reader sees, then what the CMS wrote
ABOVE_TEXT = (LABELLED, LISTED, SHOWN)  # where a page shows a date over its text
LABEL_RANK = {label: rank for rank, (label, _) in enumerate(LABELS + OWNER_LABELS)}
# The head's ContentSource is not read: a publisher the reader cannot see is none (the gold's rule), and portals
# fill it with their own name (中国河北政府采购网) or a channel (国家税务总局微信).
META_TAGS = {
    "articletitle": "title",
    "pubdate": "published",
    "firstpublishedtime": "published",
}
FIELDS = ("title", "publisher", "doc_number", "index_number", "published", "written", "topic", "validity")
DATE_FIELDS = {"published", "written"}
GAP = r"[\s\u3000\u00a0]*"


def _label_alt(labels) -> str:
    """Labels as pages write them: any spacing between their characters, longest first."""
    return "|".join(GAP.join(map(re.escape, label)) for label, _ in sorted(labels, key=lambda lf: -len(lf[0])))


LABEL_ALT = _label_alt(LABELS)
# A label the page knows right before a colon (a counter's among them: 来源：市应急管理局阅读：213): where a value
# glued to the next label ends.
KNOWN_LABEL_END_RE = re.compile(
    rf"(?:{_label_alt(LABELS + [(label, None) for label in [*OTHER_LABELS, *COUNTER_LABELS]])}){GAP}[:：]$"
)
# The characters labels are made of: where a traditional page's label is read in simplified script.
LABEL_CHARS_RE = re.compile("[" + "".join(sorted({c for label, _ in LABELS for c in label})) + "]")
LABEL_FIRST_CHARS = frozenset(label[0] for label, _ in LABELS)  # no text opens with a label without one
# A label ends at a colon, or at the bracket that closes it (【文　　号】 晋医保发〔2021〕14号).
LABEL_END = rf"{GAP}(?:[:：]|[\]】］]{GAP}[:：]?)"
LABEL_RE = re.compile(rf"(?<![\u4e00-\u9fff])({LABEL_ALT}){LABEL_END}")
HEAD_LABEL_RE = re.compile(rf"(?<![\u4e00-\u9fff])({_label_alt(LABELS + OWNER_LABELS)}){LABEL_END}")
# A label alone on its line, maybe bracketed ([ 索引号 ], 【发布机构】), its value on the next line.
ONLY_LABEL_RE = re.compile(rf"^{GAP}[\[【［]?{GAP}({LABEL_ALT}){GAP}[\]】］]?{GAP}[:：]?{GAP}$")
LABEL_MARK_RE = re.compile(r"[:：\]】］]")
# A line a page's tool opens (浏览次数：…, 字号：T | T, 【字体：大…): no record's, though it reads as a label's.
TOOL_LINE_RE = re.compile(rf"^[\s【\[［]*(?:{'|'.join([*COUNTER_LABELS, *FONT_LABELS])})\s*[:：]")
# Labels that are everyday words too: alone on a line without a colon or brackets they are the page's words
# (南京<br>发布: a 微博 account's name over 手机, the site's phone edition), not labels.
WORD_LABELS = {"发布", "时间", "日期", "名称", "标题", "来源", "作者", "时效"}
DOC_NUMBER = r"[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号"
DOC_NUMBER_RE = re.compile(f"^{DOC_NUMBER}$")
# An announcement's number, its issuers before it or not: 财政部 税务总局 民政部公告2020年第27号, 2025年第1号.
ANNOUNCEMENT_NUMBER = r"(?:[\u4e00-\u9fff、 ]{2,40}(?:公告|通告))?\s*(?:19|20)\d{2}\s*年\s*第\s*\d{1,5}\s*号"
HEADING_NUMBER_RE = re.compile(f"^(?:{DOC_NUMBER}|{ANNOUNCEMENT_NUMBER})$")
ORDER_NUMBER = r"[\u4e00-\u9fff]{2,20}令\s*第?\s*\d{1,5}\s*号"  # 中华人民共和国主席令 第68号
# A decree's header over the text, in one line or two: 中华人民共和国国务院令 / 第　658　号.
ORDER_NAME_RE = re.compile(r"^[\u4e00-\u9fff]{2,20}令$")
ORDER_NUMBER_RE = re.compile(rf"^{ORDER_NUMBER}$")
ORDER_SERIAL_RE = re.compile(r"^第\s*(\d{1,5})\s*号$")
# A date after a heading in its element (标题 2024-04-12, 标题[2024/04/12 09:30]), or the dateline glued after a
# source's value (来源：太原晚报 2021-11-25 16:26:07).
TRAILING_DATE_RE = re.compile(
    r"^(.{4,}?)\s*[\[［(（]?\s*((?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*[\]］)）]?$"
)
# A title a CMS wrote with the number after it in brackets: 中华人民共和国政府采购法(中华人民共和国主席令 第68号).
TITLE_WITH_NUMBER_RE = re.compile(rf"^(.{{4,}}?)\s*[(（]\s*({ORDER_NUMBER}|{DOC_NUMBER})\s*[)）]$")
# A title opening with the order that issues it: 科学技术部令第23号 科技部关于…的决定, 商务部、中国证监会…令2024年第3号
# 某某办法 (several issuers, the order's year).
ISSUING_ORDER = r"[\u4e00-\u9fff、]{2,60}令\s*(?:(?:19|20)\d{2}\s*年\s*)?第?\s*\d{1,5}\s*号"
ISSUING_ORDER_RE = re.compile(rf"^({ISSUING_ORDER})\s+\S.{{3,}}$")
# A law's 题注 under its title: （2011年1月17日卫生部令第79号公布 自2011年3月1日起施行）, (2014年8月7日…公布　根据
# 2024年3月10日《…的决定》修订): the text is the version its last making or revision gave (not the date it took
# effect), each date of an event read up to the next date, in whichever form it is printed (2011年1月17日, 2011-01-17).
DATE_IN_LINE_RE = re.compile(PRINTED_DATE)
HEAD_NOTE_RE = re.compile(rf"^[（(]\s*{DATE_IN_LINE_RE.pattern}[^（）()]{{0,80}}?(?:公布|通过|发布|印发)")
NOTE_EVENT_RE = re.compile(
    rf"({DATE_IN_LINE_RE.pattern})(?:(?!{DATE_IN_LINE_RE.pattern}).){{0,100}}?(?:公布|通过|发布|印发|修订|修正)"
)
WORD_CHARS_RE = re.compile(r"[^\w]")  # what `comparable` leaves out of a title
# A red head read as the head's title: the share of characters they hold in common (the CMS's copy of one
# page lost a character and its 《》; one differing character of a 60-character title is 0.99).
MIN_RED_HEAD_MATCH = 0.95
# Where a text's own 文号 line may stand: under a red head of several issuers (five, one a line) and a title
# over two lines. A number alone on its line is never a cited one.
RED_HEAD_LINES = 10
DATE_PIECE_RE = re.compile(r"^\d{1,4}\s*[-/.:：年月日时分]?$")
MAX_DATE_PIECES = 6  # year, month, day, hours, minutes, seconds
NUMBER_BRACKETS = "（()）"  # around a whole 文号 printed under a heading; the number's own 〔〕 stay
MAX_DOC_NUMBER_PARTS = 3  # a 文号 printed with spaces inside: 财税〔2013〕 81号
MAX_HEADING_LINES = 3  # a heading over more lines is a block of its own, not a title broken by <br>
BREADCRUMB_STEP_RE = re.compile(f"^{BREADCRUMB_MARKS}")
UNSET_DATE = "1970-01-01"  # the Unix epoch: what a CMS prints for a timestamp it never set, no document's date
MIN_TITLE = 4  # characters: a document's title is never shorter (the same bound as a heading's)
WORD_RE = re.compile(r"[^\W_]")  # a letter, a digit or a Han character
EMPTY_VALUES = {"", "-", "--", "无", "暂无", "/", "null", "None", "未知", "未知来源", "admin"}  # and CMS placeholders
# A value ends at a wide gap or a cell break; one read from a "label：value" pair also at the next "标签:" of any
# kind (字体:, 点击数: ...). A value shown whole (a heading, a head <meta>) keeps its colons (…？ 律师：不太好…).
VALUE_END_RE = re.compile(r"\s{2,}|\t")
NEXT_LABEL_RE = re.compile(r"[\u4e00-\u9fff]{2,5}\s*[:：]")
# A pair written inside brackets ((来源：新华网)) leaves the closing bracket on its value, and the next pair's
# opening one where pairs stand bracketed in a row (【来源：某某市统计局】【时间：2024-03-05】).
OPENING_OF = {"）": "（", ")": "(", "】": "【", "]": "[", "］": "［"}
NEXT_PAIR_OPENERS = " 　【[［（("
# A reporter's byline after the source on the same line (来源：某某日报 记者 张三): a person, not the source.
REPORTER_RE = re.compile(r"\s+(?:特约记者|记者|通讯员|实习生)(?:\s|$)")
# A source credited in brackets, as a contribution ((驻东盟使团供稿)): the body it names.
CREDIT_RE = re.compile(r"^[（(]\s*(.+?)\s*(?:供稿)?\s*[）)]$|^(.+?)供稿$")
# 作者 names a publisher only when it is an organisation, not a person.
ORGANISATION_END = r"(?:局|委|办|厅|院|部|会|室|府|处|中心|网|所|站|队|社|行|署|司|馆|组|科|股|政府|办公室)"
ORGANISATION_RE = re.compile(ORGANISATION_END + "$")
BRACKETED_SOURCE_RE = re.compile(rf"^[\[【［]\s*([\u4e00-\u9fff]{{2,20}}{ORGANISATION_END})\s*[\]】］]$")
# A site's or a body's name printed before the date, unlabelled (芒市长安网 2024-12-24 17:28:13): a dateline.
NAME_BEFORE_DATE_RE = re.compile(rf"[\u4e00-\u9fff]{{2,20}}{ORGANISATION_END}")
# Bodies issuing a document together are written apart by a wide gap ("湖北省统计局  国家统计局湖北调查总队"):
# a gap between two organisation names does not end the value.
CO_ISSUER_GAP_RE = re.compile(
    rf"(?<=[局委办厅院部会室府处心网所站队社行署司馆组科股])\s{{2,}}(?=[\u4e00-\u9fff]{{2,30}}{ORGANISATION_END}(?![\u4e00-\u9fff]))"
)
# A name spread over a cell's width, one character at a time (商　　务　　部, 环 境 保 护 部).
SPREAD_NAME_RE = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?:[ \u3000\u00a0]+[\u4e00-\u9fff](?![\u4e00-\u9fff]))+"
)
MAX_DATE_LINE = 80
# A dateline's weekday and time after its date, in either order (2026-02-03 21:17, 2024年1月5日 星期五 10:30).
DATELINE_TAIL_RE = re.compile(rf"^(?:\s*(?:{WEEKDAY}|\d{{1,2}}:\d{{2}}(?::\d{{2}})?))*")
# A cover's release line, as standards and model contracts print it (2024-06-17发布  2024-07-01施行): its 发布日期.
RELEASED_RE = re.compile(rf"^\s*({DATE_IN_LINE_RE.pattern})\s*发布(?=\s|$)")


def _clean_label(label: str) -> str:
    return re.sub(GAP, "", label)


def _bare_label(text: str) -> str:
    """A label cell's text without its spacing, brackets and colon: `[ 发文字号 ]`, `索 引 号：`."""
    return _clean_label(in_simplified_labels(text)).rstrip(":：").strip("[]【】［］")


def label_field(text: str) -> str | None:
    """The field a label cell names."""
    return LABEL_FIELD.get(_bare_label(text))


@lru_cache(maxsize=4096)  # a page's short texts are asked about again and again, and a portal's on every page
def is_label(text: str) -> bool:
    cleaned = _bare_label(text)
    return cleaned in LABEL_FIELD or cleaned in OTHER_LABELS


@dataclass
class Candidates:
    """Every value found for each field, with where it came from."""

    found: dict = field(default_factory=dict)  # field -> [(source, label rank, order, value)]

    def add(self, name: str | None, raw: str | None, source: int, label: str = "") -> None:
        if not name or raw is None:
            return
        value = _value(name, raw, label)
        if value is not None:
            entries = self.found.setdefault(name, [])
            entries.append((source, LABEL_RANK.get(label, len(LABELS)), len(entries), value))

    def best(self, name: str) -> str | None:
        entries = self.found.get(name)
        return min(entries)[3] if entries else None

    def generated_only(self, name: str) -> bool:
        """The field's only values are the CMS's (a head <meta>), none the reader sees."""
        entries = self.found.get(name)
        return bool(entries) and all(source == GENERATED for source, *_ in entries)

    def finish(self) -> dict:
        """Every field present. 发布日期: one the page shows above the text (labelled, listed, or a dateline shown
        with the title), else a labelled 成文日期, else the date under the signature (发布日期, else 成文日期, as
        the contract says), and the CMS's date only when the page shows none: a generated date is never
        preferred to one the reader sees."""
        out = {name: self.best(name) for name in FIELDS}
        dates = [
            (_date_rank(name, source), rank, order, value)
            for name in DATE_FIELDS
            for source, rank, order, value in self.found.get(name, [])
        ]
        out["published"] = min(dates)[-1] if dates else None
        return out


def _date_rank(name: str, source: int) -> tuple:
    """How early a date counts for 发布日期 (smaller first): a 发布日期 shown above the text, then by where it
    was found, a 发布日期 before a 成文日期 found the same way."""
    shown_published = name == "published" and source in ABOVE_TEXT
    return not shown_published, DATE_SOURCE_ORDER.index(source), name == "written"


def closed_up(text: str) -> str:
    """Names spread over a cell's width one character at a time written as words: 商　　务　　部 → 商务部."""
    return SPREAD_NAME_RE.sub(lambda m: "".join(m.group().split()), text)


def _value(name: str, raw: str, label: str) -> str | None:
    raw = CO_ISSUER_GAP_RE.sub(" ", closed_up(raw.strip())) if name == "publisher" else raw.strip()
    value = VALUE_END_RE.split(raw)[0]
    if label:
        value = _without_unopened_close(_before_next_label(value).rstrip(NEXT_PAIR_OPENERS).strip())
    if name == "publisher":
        value = REPORTER_RE.split(value)[0]
    value = BUTTON_RE.sub("", value).strip(" 　|:：")  # 来源：某某县政府办 【打印】: a page tool after the value
    if BREADCRUMB_STEP_RE.match(value):  # 首页 > 政策 > 发布 > 正文: a breadcrumb's next step follows a column name
        return None
    if name == "publisher" and (credit := CREDIT_RE.match(value)):
        value = credit[1] or credit[2]
    if value in EMPTY_VALUES or BUTTONS_ONLY_RE.match(value):  # 来源：【打印】: an empty label before a page tool
        return None
    if is_label(value):  # 发布机构 生成日期: the label beside an empty one is no value
        return None
    if not WORD_RE.search(value):  # a placeholder of dashes or dots (文件编号：—  —) holds no word
        return None
    if name in DATE_FIELDS:
        date = find_date(value)
        return None if date == UNSET_DATE else date
    if name == "publisher" and _only_a_date(value):  # an empty 来源 label, the date line after it taken as its value
        return None
    if name == "publisher" and (dated := TRAILING_DATE_RE.match(value)):
        value = dated[1]
    if _clean_label(label) == "作者" and not ORGANISATION_RE.search(value):
        return None
    if name == "publisher" and value.endswith(tuple(SENTENCE_END)):  # an empty 来源： over the text's first sentence
        return None
    if name == "title" and len(value) < MIN_TITLE:  # 标题 beside a search box's 全文 option is no title
        return None
    return value[:200]


def _without_unopened_close(value: str) -> str:
    """The value without a closing bracket at its end that nothing in it opens: (文号：沪发改价管[2026]19号) keeps
    the number's own brackets and loses the pair's."""
    closing = value[-1:]
    opening = OPENING_OF.get(closing)
    return value[:-1] if opening and value.count(opening) < value.count(closing) else value


def _before_next_label(value: str) -> str:
    """The value up to the label that follows it, glued or not: 中国政府网字号：[大] ends before 字号, the label
    the page knows, not before 政府网字号, the most characters a label may have."""
    m = NEXT_LABEL_RE.search(value)
    if not m:
        return value
    known = KNOWN_LABEL_END_RE.search(m.group())
    return value[: m.start() + (known.start() if known else 0)]


def _only_a_date(value: str) -> bool:
    date = DATE_IN_LINE_RE.match(value)
    return date is not None and not HAN_RE.search(value[date.end() :])


def from_pairs(
    lines,
    into: Candidates,
    source: int = LABELLED,
    skip: tuple = (),
    text_lines: frozenset | set = frozenset(),
    labels: re.Pattern = LABEL_RE,
    empty_labels: set | frozenset = frozenset(),
) -> None:
    """'label：value' pairs anywhere in rendered lines, and a line that is only a label followed by its value;
    the fields in `skip` are not taken, `text_lines` (the document's own) are read only as such a value,
    `labels` are the labels read (HEAD_LABEL_RE above the text), and `empty_labels` the lines of labels the
    page's markup leaves without a value (the line under one is not its value), without their spaces. Labels are
    read in either script, values as printed."""
    printed = list(lines)
    lines = simplified_labels(printed)

    def take(label: str, value: str) -> None:
        label = _clean_label(label)
        if LABEL_FIELD[label] not in skip:
            into.add(LABEL_FIELD[label], value, source, label)

    for i, (line, shown) in enumerate(zip(lines, printed)):
        if shown in text_lines or (empty_labels and "".join(shown.split()) in empty_labels):
            continue
        label = lone_label(line)
        if label and i + 1 < len(lines) and not LABEL_RE.match(lines[i + 1]) and not is_label(lines[i + 1]):
            take(label, _value_below(printed[i + 1 :]))
            continue
        matches = list(labels.finditer(line)) if LABEL_MARK_RE.search(line) else []  # a label ends at one
        for m, following in zip(matches, matches[1:] + [None]):
            take(m.group(1), shown[m.end() : following.start() if following else None])


def _value_below(lines: list[str]) -> str:
    """The value under a label alone on its line: the next line, or the pieces of a date the markup's line
    breaks split, one a line (发布时间： / 2022- / 05- / 23 / 15: / 56), as a browser runs them together."""
    pieces = list(takewhile(DATE_PIECE_RE.match, lines[:MAX_DATE_PIECES]))
    return " ".join(pieces) if len(pieces) > 1 else lines[0]


def lone_label(line: str) -> str | None:
    """A label alone on its line, its value on the next: marked (a colon, brackets), or unmarked when it is no
    everyday word (索引号, 文号 in a <dt>)."""
    line = in_simplified_labels(line)
    m = ONLY_LABEL_RE.match(line)
    if m and (LABEL_MARK_RE.search(line) or _clean_label(m.group(1)) not in WORD_LABELS):
        return m.group(1)
    return None


def from_cells(rows, into: Candidates) -> None:
    """Metadata tables: a label cell followed by its value cell, 'label：value' in one cell, or a row of labels
    over a row of their values, column by column (索引号 | 发布机构 | 发布日期 over their values)."""
    for cells, below in zip(rows, [*rows[1:], []]):
        if _labels_over_values(cells, below):
            for label, value in zip(cells, below):
                into.add(label_field(label), value, LABELLED, _clean_label(label).rstrip(":："))
            continue
        for i, cell in enumerate(cells):
            name = label_field(cell)
            if name and i + 1 < len(cells) and not is_label(cells[i + 1]):
                into.add(name, cells[i + 1], LABELLED, _clean_label(cell).rstrip(":："))
            else:
                from_pairs([cell], into)


def _labels_over_values(cells: list[str], below: list[str]) -> bool:
    """A row of nothing but labels over a row of as many cells, none of them a label."""
    return (
        len(cells) > 1
        and len(below) == len(cells)
        and all(is_label(cell) for cell in cells)
        and not any(is_label(cell) for cell in below)
    )


def from_meta_tags(tags: dict, into: Candidates) -> None:
    for name, value in tags.items():
        into.add(META_TAGS.get(name.lower()), value, GENERATED)


def from_lone_date(lines: list[str], into: Candidates) -> None:
    """A date near the title in a short line: alone, beside page tools, or among info labels (`2012-02-02
    来源：…`), or after a site's or a body's name (`芒市长安网 2024-12-24 17:28:13`); an organisation named in
    brackets before it, on its line or the line above (`[省发改委] 2016-04-01 字号：T|T`), is its source."""
    for previous, line, following in in_context(lines):
        m = DATE_IN_LINE_RE.search(line)
        if len(line) > MAX_DATE_LINE or not m or _in_a_list_of_dates(previous, line, following):
            continue
        before, rest = line[: m.start()].strip(), DATELINE_TAIL_RE.sub("", line[m.end() :]).strip()
        source = BRACKETED_SOURCE_RE.match(before or previous.strip())
        named = source or NAME_BEFORE_DATE_RE.fullmatch(before) or _labelled_source(before)
        tools = not HAN_RE.search(rest) or is_furniture(rest, True) or TOOL_LINE_RE.match(rest)  # 【字体：大
        alone = (named or not before.strip("(（")) and tools
        if alone or LABEL_RE.search(rest):
            into.add("published", m.group(0), SHOWN)
            if source:
                into.add("publisher", source[1], SHOWN)
            return


def in_context(lines: list[str]):
    """(the line before, the line, the line after) for each of `lines`; "" past either end."""
    return zip(["", *lines], lines, [*lines[1:], ""])


def _in_a_list_of_dates(previous: str, line: str, following: str) -> bool:
    """A date alone on its line beside another: a list (a law's versions, 2014-08-07 / 2024-03-10), no dateline."""
    return is_date_line(line) and (is_date_line(previous) or is_date_line(following))


def _labelled_source(text: str) -> bool:
    """`text` is a source's label and its value (来源：太原晚报), or the label the page left empty, page tools before it
    aside (字号 大 中 小 文章来源：): a date after them is the dateline's."""
    text = strip_inline_furniture(text)
    m = LABEL_RE.match(text)
    labels_a_source = m is not None and LABEL_FIELD[_clean_label(m.group(1))] == "publisher"
    return labels_a_source and (bool(HAN_RE.search(text[m.end() :])) or not text[m.end() :].strip())


def from_heading(lines: list[str], title: str | None, into: Candidates) -> None:
    """A 文号 printed after the title on the heading's line (`标题 财税〔2013〕81号`), or alone on the line under it
    (there an announcement's number too: 2025年第1号), maybe in brackets (（某政办〔2024〕3号）: the number without
    them); the heading maybe broken over lines by a <br>; `lines` are the page's lines above the text."""
    squeezed = squeezed_text(title or "")
    if not squeezed:
        return
    for i, line in enumerate(lines):
        above = lines[max(0, i - MAX_HEADING_LINES) : i]
        for _, before, number in numbers_after(line):
            if before:
                shown = DOC_NUMBER_RE.match(number) and title_lines_ending([*above, before], squeezed)
            else:
                shown = HEADING_NUMBER_RE.match(number) and title_lines_ending(above, squeezed)
            if shown:
                into.add("doc_number", number, SHOWN)
                return


def numbers_after(line: str):
    """(how many spaced parts, what stands before them without its spaces, the number) for each way the last one to
    MAX_DOC_NUMBER_PARTS spaced parts of `line` may be a number printed after what stands before (财税〔2013〕 81号),
    brackets around it aside."""
    parts = line.split()
    for count in range(1, min(MAX_DOC_NUMBER_PARTS, len(parts)) + 1):
        yield count, "".join(parts[:-count]), " ".join(parts[-count:]).strip(NUMBER_BRACKETS)


def squeezed_text(text: str) -> str:
    """`text` without its spaces, as a title and the lines that may print it are compared."""
    return "".join(text.split())


def title_lines_ending(lines: list[str], squeezed: str) -> int | None:
    """How many of the last of `lines` print the title (`squeezed`: without its spaces), one or, where a <br>
    breaks the heading, up to MAX_HEADING_LINES; None where they do not end with it."""
    held = ""
    for count, line in enumerate(reversed(lines[-MAX_HEADING_LINES:]), 1):
        held = squeezed_text(line) + held
        if held == squeezed:
            return count
        if not squeezed.endswith(held):
            return None
    return None


def from_written_numbers(written: list[str], into: Candidates) -> None:
    """A 文号 a script writes alone into the page (`$(".content-fbt").text("（ " + fn + " ）")` under the heading):
    the reader sees it where the script puts it."""
    for text in written:
        number = " ".join(text.strip().strip(NUMBER_BRACKETS).split())
        if DOC_NUMBER_RE.match(number):
            into.add("doc_number", number, SHOWN)


def comparable(title: str) -> str:
    """A title as titles are compared: its brackets, marks and spaces aside."""
    return WORD_CHARS_RE.sub("", title)


def red_head_title(generated: str, text_lines: list[str]) -> str | None:
    """The title as a red head prints it over the text (issuers a line each, the title over lines), where the
    CMS's copy in the head is the only other: the first lines (two or more) that, joined, read as that copy
    (its brackets and a slip aside), issuers apart by a space. A first line the copy reads as well without (a
    column's name over the heading, 通知公告) is no line of it."""
    wanted = comparable(generated)
    for k in range(2, min(RED_HEAD_LINES, len(text_lines)) + 1):  # one line is a heading, read as such
        joined = comparable("".join(text_lines[:k]))
        if len(joined) > len(wanted) * (2 - MIN_RED_HEAD_MATCH) / MIN_RED_HEAD_MATCH:  # too long to match now
            return None
        likeness = _likeness(joined, wanted)
        if likeness >= MIN_RED_HEAD_MATCH:
            if _likeness(comparable("".join(text_lines[1:k])), wanted) >= likeness:
                return red_head_title(generated, text_lines[1:])
            return joined_head(text_lines[:k])
    return None


def _likeness(text: str, wanted: str) -> float:
    return SequenceMatcher(None, text, wanted, autojunk=False).ratio()


def joined_head(head: list[str]) -> str:
    """A red head's lines as one title: issuers apart by a space, a title's lines run together."""
    issuers = [bool(ORGANISATION_RE.search(line)) for line in head]
    return "".join(
        line + (" " if issuer and next_issuer else "")
        for line, issuer, next_issuer in zip(head, issuers, issuers[1:] + [False])
    )


def title_without_number(title: str | None, into: Candidates) -> str | None:
    """The title without the number a CMS appended in brackets; the number is the 文号 shown with it, as is the
    order a title opens with (the title keeps that one: the order's name is part of it)."""
    if opening := ISSUING_ORDER_RE.match(title or ""):
        into.add("doc_number", opening[1], SHOWN)
    bare, number = split_appended_number(title or "")
    if number is None:
        return title
    into.add("doc_number", number, SHOWN)
    return bare


def title_without_date(title: str | None, into: Candidates) -> str | None:
    """The title without the date a template set after it in the heading's element (标题 <span>2024-04-12</span>);
    that date is the one shown with the article. No title ends with a date written with dashes or slashes."""
    m = TRAILING_DATE_RE.match(title or "")
    if not m:
        return title
    into.add("published", m[2], SHOWN)
    return m[1]


def split_appended_number(title: str) -> tuple[str, str | None]:
    """A title and the number a CMS appended to it in brackets (关于…的通知(发改运行〔2021〕1283号)), or None."""
    m = TITLE_WITH_NUMBER_RE.match(title)
    return (m[1], m[2]) if m else (title, None)


def from_text(lines: list[str], into: Candidates) -> None:
    """A 文号 line under the title (a decree's header too, over two lines); the date a law's 题注 gives its making,
    a cover's release date (2024-06-17发布), and the date under the signature, as 成文日期 (not a date of a list of
    dates: a law's versions)."""
    head = lines[:RED_HEAD_LINES]
    for line, next_line in zip(head, [*head[1:], ""]):
        if DOC_NUMBER_RE.match(line) or ORDER_NUMBER_RE.match(line):
            into.add("doc_number", line, TEXT)
            break
        if ORDER_NAME_RE.match(line) and (serial := ORDER_SERIAL_RE.match(next_line)):
            into.add("doc_number", f"{line} 第{serial[1]}号", TEXT)
            break
    for line in head:
        if HEAD_NOTE_RE.match(line):
            into.add("written", [m.group(1) for m in NOTE_EVENT_RE.finditer(line)][-1], TEXT)
            break
    for line in head:
        if released := RELEASED_RE.match(line):
            into.add("published", released[1], TEXT)
            break
    for previous, line, following in in_context(lines):
        if is_date_line(line) and not _in_a_list_of_dates(previous, line, following):
            into.add("written", line, TEXT)
            break


@lru_cache(maxsize=1)
def traditional_label_chars():
    """The traditional forms of the characters labels are made of (來, 發, 機…): only lines holding one
    are worth converting."""
    traditional = {t for label, _ in LABELS for c in label for t in traditional_forms(c)}
    return re.compile("[" + "".join(sorted(traditional)) + "]") if traditional else re.compile("(?!)")


def simplified_labels(lines: list[str]) -> list[str]:
    return [in_simplified_labels(line) for line in lines]


def in_simplified_labels(line: str) -> str:
    """Traditional-script pages write 來源, 發布日期: `line` with the characters labels are made of in simplified
    script, so that labels match, where the conversion keeps the line's length (each character in its place: a
    value is then taken from the line as printed)."""
    if not traditional_label_chars().search(line):
        return line
    simple = to_simplified(line)
    if simple == line or len(simple) != len(line):
        return line
    return "".join(s if LABEL_CHARS_RE.match(s) else c for c, s in zip(line, simple))
