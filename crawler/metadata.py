"""Document metadata from the 信息公开 table, head <meta> tags, info lines and the text itself."""
import re

from .dates import find_date, is_date_line

# label -> field; the first label found for a field wins, so the list runs from most to least specific.
LABELS = [
    ("索引号", "index_number"), ("发文机关", "publisher"), ("发布机构", "publisher"), ("发布单位", "publisher"),
    ("发布部门", "publisher"), ("发文单位", "publisher"), ("制发机关", "publisher"), ("信息来源", "publisher"),
    ("文章来源", "publisher"), ("来源", "publisher"), ("发文字号", "doc_number"), ("发文文号", "doc_number"),
    ("文号", "doc_number"), ("成文日期", "written"), ("发文日期", "written"), ("发布日期", "published"),
    ("发布时间", "published"), ("公开日期", "published"), ("发布日期时间", "published"), ("时间", "published"),
    ("日期", "published"), ("主题分类", "topic"), ("有效性", "validity"), ("时效", "validity"), ("效力状态", "validity"),
    ("标题", "title"), ("名称", "title"),
]
META_TAGS = {"articletitle": "title", "pubdate": "published", "contentsource": "publisher", "firstpublishedtime": "published"}
FIELDS = ("title", "publisher", "doc_number", "index_number", "published", "written", "topic", "validity")
DATE_FIELDS = {"published", "written"}
LABEL_ALT = "|".join(sorted((re.escape(label) for label, _ in LABELS), key=len, reverse=True))
LABEL_FIELD = dict(LABELS)
PAIR_RE = re.compile(rf"({LABEL_ALT})\s*[:：]\s*((?:(?!(?:{LABEL_ALT})\s*[:：]).)*)")
DOC_NUMBER_RE = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（【]\s*(?:19|20)\d{2}\s*[〕\]］)）】]\s*第?\s*\d{1,5}\s*号$")
EMPTY_VALUES = {"", "-", "--", "无", "暂无", "/"}
# A value ends at a wide gap, a cell break or the next "标签:" of any kind (字体:, 点击数: ...).
VALUE_END_RE = re.compile(r"\s{2,}|\t|[\u4e00-\u9fff]{2,5}\s*[:：]")


def label_field(label: str) -> str | None:
    return LABEL_FIELD.get(label.strip().rstrip(":：").replace(" ", "").replace("\u3000", ""))


def _value(field: str, raw: str) -> str | None:
    value = VALUE_END_RE.split(raw.strip())[0].strip(" 　|")
    if value in EMPTY_VALUES:
        return None
    if field in DATE_FIELDS:
        return find_date(value)
    return value[:200]


def merge(into: dict, field: str | None, raw: str | None) -> None:
    if field and raw is not None and not into.get(field):
        if (value := _value(field, raw)) is not None:
            into[field] = value


def from_pairs(lines, into: dict) -> None:
    """'label:value' pairs anywhere in rendered lines (info lines, list-style metadata blocks)."""
    for line in lines:
        for label, value in PAIR_RE.findall(line):
            merge(into, LABEL_FIELD[label], value)


def from_cells(rows, into: dict) -> None:
    """Metadata tables: a label cell followed by its value cell, or 'label:value' in one cell."""
    for cells in rows:
        for i, cell in enumerate(cells):
            field = label_field(cell)
            if field and i + 1 < len(cells) and not label_field(cells[i + 1]):
                merge(into, field, cells[i + 1])
            else:
                from_pairs([cell], into)


def from_meta_tags(tags: dict, into: dict) -> None:
    for name, value in tags.items():
        merge(into, META_TAGS.get(name.lower()), value)


def from_text(lines: list[str], into: dict) -> None:
    """A 文号 line under the title, and the date under the signature as 成文日期."""
    for line in lines[:6]:
        if DOC_NUMBER_RE.match(line):
            merge(into, "doc_number", line)
            break
    for line in lines:
        if is_date_line(line):
            merge(into, "written", line)
            break


def finish(meta: dict) -> dict:
    """Every field present; 发布日期 falls back to 成文日期 as the contract says."""
    out = {field: meta.get(field) for field in FIELDS}
    out["published"] = out["published"] or out["written"]
    return out
