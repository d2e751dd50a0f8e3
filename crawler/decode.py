"""Bytes to text: weigh every charset candidate and keep the one that decodes cleanly as Chinese."""

import codecs
import re
from dataclasses import dataclass, field

from .chars import chinese_score, script_score

# Pages declare gb2312/gbk and still use characters outside it (镕, 喆, 堃): GB18030 is their superset.
ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "euc-cn": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
}
BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.I)
HEADER_CHARSET_RE = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_:.-]+)", re.I)
PLAUSIBLE = 0.85


@dataclass
class Decoded:
    text: str
    encoding: str
    source: str  # which candidate won: bom, http-header, meta, detected, fallback
    candidates: list = field(default_factory=list)


def normalise_codec(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().strip("\"'").lower()
    name = ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name.replace("_", "-")
    except LookupError:
        return None


def declared_candidates(body: bytes, content_type: str | None) -> list[tuple[str, str]]:
    """(source, codec) pairs in the order a browser would believe them."""
    found = []
    for bom, codec in BOMS:
        if body.startswith(bom):
            found.append(("bom", codec))
    if content_type and (m := HEADER_CHARSET_RE.search(content_type)):
        found.append(("http-header", m.group(1)))
    if m := META_CHARSET_RE.search(body[:4096]):
        found.append(("meta", m.group(1).decode("ascii", "ignore")))
    return [(source, codec) for source, raw in found if (codec := normalise_codec(raw))]


def _try(body: bytes, codec: str) -> str | None:
    try:
        return body.decode(codec)
    except UnicodeDecodeError:
        return None


HIGH_RUN_RE = re.compile(rb"(?:[\x80-\xff][\x40-\x7e]?)+")
OTHER_CJK = ("euc-kr", "big5hkscs", "shift-jis")
DETECT_WINDOW = 262144  # bytes of the page searched for non-ASCII runs
DETECT_SAMPLE = 4096  # bytes of those runs handed to chardet: calibrated on the GBK/GB18030 pages of the corpus


def decode_bytes(body: bytes, content_type: str | None = None) -> Decoded:
    declared = declared_candidates(body, content_type)
    if declared and declared[0][0] == "bom":
        codec = declared[0][1]
        return Decoded(body.decode(codec, "replace").lstrip("\ufeff"), codec, "bom", declared)
    # Valid UTF-8 with non-ASCII bytes is practically never GBK by accident, whatever was declared.
    if (text := _try(body, "utf-8")) is not None and not body.isascii():
        source = next((s for s, c in declared if c == "utf-8"), "detected")
        return Decoded(text, "utf-8", source, declared)
    for source, codec in declared:
        if (text := _readable(body, codec)) is not None:
            return Decoded(text, codec, source, declared)
    # The Chinese web's own codec before the detector, unless the bytes are also another CJK codec's: a Korean
    # page read as GB18030 is all common Han (EUC-KR's Hangul rows are GB2312's level-1 rows), while no real
    # GB18030 page of the corpus decodes as EUC-KR, Big5 or Shift-JIS.
    if not _also_other_cjk(body) and (text := _readable(body, "gb18030")) is not None:
        return Decoded(text, "gb18030", "detected", declared + [("detected", "gb18030")])
    detected = _detect(body)
    for codec in filter(None, (detected, "gb18030", "utf-8")):
        if (text := _readable(body, codec)) is not None:
            return Decoded(text, codec, "detected", declared + [("detected", detected)])
    return _least_damaged(body, declared, detected)


def _readable(body: bytes, codec: str) -> str | None:
    """The text when `codec` decodes the bytes cleanly into plausible text of its script."""
    text = _try(body, codec)
    return text if text is not None and script_score(text, codec) >= PLAUSIBLE else None


def _also_other_cjk(body: bytes) -> bool:
    return any(_try(body, codec) is not None for codec in OTHER_CJK)


def _detect(body: bytes) -> str | None:
    """chardet on the page's non-ASCII runs only (a few KB): the markup, scripts and styles around them
    say nothing about the codec and cost most of chardet's time on a real page. A run keeps the ASCII byte
    after each high byte, the second byte of a Big5 or Shift-JIS character."""
    import chardet

    sample = b" ".join(HIGH_RUN_RE.findall(body, 0, DETECT_WINDOW))[:DETECT_SAMPLE]
    return normalise_codec(chardet.detect(sample or body[:DETECT_SAMPLE]).get("encoding"))


def _least_damaged(body: bytes, declared, detected) -> Decoded:
    """Nothing decodes cleanly: take the candidate with the fewest broken and implausible characters."""
    codecs_ = [c for _, c in declared] + [c for c in (detected, "gb18030", "utf-8") if c]
    best = max(dict.fromkeys(codecs_), key=lambda c: _quality(body.decode(c, "replace")))
    return Decoded(body.decode(best, "replace"), best, "fallback", declared + [("detected", detected)])


def _quality(text: str) -> float:
    return chinese_score(text) * (1 - text.count("\ufffd") / max(len(text), 1))
