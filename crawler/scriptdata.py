"""A document a page carries as data in a script: a single-page app's state (`window.__INITIAL_STATE__ = {…}`,
or `JSON.parse('…')` of it), Next.js's `__NEXT_DATA__`, gkmlpt's `window._CONFIG = {… DETAIL: {…}}`. A browser
renders it once the script runs; read where the page's markup holds no text.

Plain functions. The JSON objects the page's scripts hold are the candidates; the document is the object with the
field of most letters (its HTML or text), and its other fields are read by the names CMSs and their JSON APIs
give them, in the object and in the objects inside it (gkmlpt's `gkml_data`), the most specific name first.
"""

import json
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from .chars import letter_count
from .classify import TAG_RE

# A JSON object opens with a quoted key (a JavaScript literal's bare keys, `{SID: '755001'}`, are no JSON), after
# an assignment, a call's bracket, a key's colon, a comma or a return.
OBJECT_OPENING_RE = re.compile(r'\{\s*"')
OPENS_AFTER = ("=", "(", ":", ",", "return")
JS_ESCAPE_RE = re.compile(r"\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|.)", re.S)
JS_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
# A state written as a string for JSON.parse to read, as frameworks emit it.
JSON_PARSE_RE = re.compile(r"""JSON\.parse\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)""")
MAX_SCRIPT = 5_000_000  # characters of one script looked through: a page's state, not a bundled library
MAX_DEPTH = 20  # objects inside objects looked into: an app's state holds its document a few levels down
TEXT_KEY_ENDINGS = ("content", "text", "html", "body", "zwnr", "wznr", "neirong")  # 正文内容, 文章内容, 内容
BLOCK_MARKUP_RE = re.compile(r"<(?:p|div|br|table|section|span|font)[\s>/]", re.I)
# A record's field -> the names it goes by (lower case, without `_` and `-`), the most specific first. Calibrated on
# gkmlpt's record (two real pages: `date` and `display_publish_time` are the day shown, `publish_time` the day the
# platform last re-published it; `publisher` the body, `source` a desk's note such as 本网原创稿).
FIELD_KEYS = {
    "title": ("title", "doctitle", "articletitle", "wzbt", "biaoti", "subject"),
    "published": (
        "displaypublishtime",
        "publishdate",
        "pubdate",
        "releasedate",
        "fbrq",
        "fbsj",
        "date",
        "firstpublishtime",
        "publishtime",
        "pubtime",
        "releasetime",
    ),
    "written": ("writtendate", "cwrq", "chengwenriqi"),
    "publisher": ("publisher", "fbjg", "fwjg", "issuer", "publishorg", "source", "laiyuan"),
    "doc_number": ("documentnumber", "docnumber", "docno", "fwzh", "filenumber", "wenhao", "wh"),
    "index_number": ("identifier", "indexnumber", "indexno", "syh", "suoyinhao"),
}
DECODER = json.JSONDecoder()
BEIJING = timedelta(hours=8)  # the portals' dates are days in Beijing time


@dataclass
class Record:
    """The document a script's data holds: its HTML (or text) and the fields its names give."""

    content: str
    letters: int  # of its text (TEXT_LETTER_RE), its markup aside
    fields: dict = field(default_factory=dict)


def script_objects(root) -> list:
    """Every JSON object the page's inline scripts hold, in document order (a JavaScript literal that is no JSON,
    `{SID: '755001'}`, is passed over)."""
    objects = []
    for script in root.iter("script"):
        text = (script.text or "")[:MAX_SCRIPT]
        if script.get("src") or "{" not in text:
            continue
        if (script.get("type") or "").lower() == "application/json":
            objects += (_decoded(text.strip(), 0) or ([], 0))[0]
            continue
        end = 0
        for m in OBJECT_OPENING_RE.finditer(text):
            if m.start() >= end and text[max(0, m.start() - 12) : m.start()].rstrip().endswith(OPENS_AFTER):
                found, end = _decoded(text, m.start()) or ([], end)  # an object inside one read is read with it
                objects += found
        objects += [obj for m in JSON_PARSE_RE.finditer(text) for obj in _parsed_literal(m[1])]
    return objects


def _parsed_literal(literal: str) -> list:
    """The object a string literal holds as JSON (`JSON.parse('{"article": …}')`), single or double quoted."""
    try:
        source = _unescaped(literal[1:-1]).encode("utf-16", "surrogatepass").decode("utf-16")  # pairs joined
    except UnicodeError:
        return []
    return (_decoded(source, 0) or ([], 0))[0]


def _unescaped(body: str) -> str:
    """A JavaScript string literal's body as the string it writes."""

    def character(m) -> str:
        escape = m[1]
        if escape[0] in "ux" and len(escape) > 1:
            return chr(int(escape[1:], 16))
        return JS_ESCAPES.get(escape, escape)

    return JS_ESCAPE_RE.sub(character, body)


def _decoded(text: str, start: int) -> tuple[list, int] | None:
    """The JSON object at `start` and where it ends, or None where none is."""
    try:
        value, end = DECODER.raw_decode(text, start)
    except (ValueError, RecursionError):  # not JSON, or nested past the interpreter's depth (a hostile page)
        return None
    return ([value] if isinstance(value, dict) else []), end


def document_record(root, min_letters: int) -> Record | None:
    """The object of the page's scripts whose field of text holds the most letters, `min_letters` at least: the
    document, its fields read by their names."""
    best, best_letters = None, min_letters - 1
    for obj in script_objects(root):
        for holder, key, value in _strings(obj):
            if len(value) <= best_letters or not _holds_text(key, value):
                continue
            letters = letter_count(TAG_RE.sub("", value))
            if letters > best_letters:
                best, best_letters = (holder, value), letters
    if best is None:
        return None
    holder, content = best
    tables = _named(holder)
    fields = {name: value for name in FIELD_KEYS if (value := _field(tables, name)) is not None}
    return Record(content, best_letters, fields)


def _holds_text(key: str, value: str) -> bool:
    """A field of text: named so (content, zwnr, body_html, entry_text…) or holding paragraphs' markup; a long
    list of keywords or a page's description is neither."""
    return _key(key).endswith(TEXT_KEY_ENDINGS) or BLOCK_MARKUP_RE.search(value) is not None


def _strings(obj, depth: int = 0):
    """(the object holding it, key, value) for every string in `obj`, down to MAX_DEPTH objects deep."""
    if depth > MAX_DEPTH:
        return
    for key, value in obj.items():
        if isinstance(value, str):
            yield obj, key, value
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, dict):
                yield from _strings(item, depth + 1)


def _field(tables: list[dict], name: str) -> str | None:
    """The field `name` of the record: under the most specific of its names, in the record, then in the objects
    inside it (`tables`: each with its keys as `_key` writes them, the record's first)."""
    for key in FIELD_KEYS[name]:
        for table in tables:
            value = _as_text(table.get(key), name)
            if value:
                return value
    return None


def _named(holder: dict) -> list[dict]:
    """The record and the objects inside it, their keys as `_key` writes them."""
    objects = [holder, *(value for value in holder.values() if isinstance(value, dict))]
    return [{_key(key): value for key, value in obj.items()} for obj in objects]


def _key(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "")


def _as_text(value, name: str) -> str | None:
    """A field's value as the page would print it: a date given as a Unix time (seconds or milliseconds) is
    the day it names in Beijing time."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) and name in ("published", "written"):
        seconds = value / 1000 if value > 10**11 else value
        return (datetime.fromtimestamp(seconds, UTC) + BEIJING).date().isoformat() if seconds > 0 else None
    return " ".join(TAG_RE.sub("", value).split()) if isinstance(value, str) else None
