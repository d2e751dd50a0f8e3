"""Dates as government pages write them, normalised to ISO."""

import re

NUMERALS = {
    "〇": 0,
    "○": 0,
    "零": 0,
    "O": 0,
    "Ｏ": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
# Digits and separators as typed, half- or full-width (２０２４－０３－０５: \d reads full-width digits).
DATE_SEPARATOR = r"[-/.－／．]"
DIGITS_DATE_RE = re.compile(
    rf"((?:19|20|１９|２０)\d{{2}})\s*(?:年|{DATE_SEPARATOR})\s*(\d{{1,2}})\s*(?:月|{DATE_SEPARATOR})\s*(\d{{1,2}})"
)
# A dateline's day after its date (2024年1月5日 星期五, 週五 in traditional script).
WEEKDAY = r"[(（]?(?:星期|[周週]|[礼禮]拜)[一二三四五六日天][)）]?"
CN = "〇○零OＯ一二三四五六七八九十"
CN_DATE_RE = re.compile(rf"([{CN}]{{4}})年([{CN}]{{1,3}})月([{CN}]{{1,3}})日")
# A date as pages print it, in Arabic or Chinese numerals (2024-01-05, 2024年1月5日, 二〇二四年一月五日).
PRINTED_DATE = rf"(?:{DIGITS_DATE_RE.pattern}\s*日?|{CN_DATE_RE.pattern})"


def _cn_number(text: str) -> int:
    if "十" not in text:
        return int("".join(str(NUMERALS[c]) for c in text))
    tens, _, units = text.partition("十")
    return (NUMERALS[tens] if tens else 1) * 10 + (NUMERALS[units] if units else 0)


def _iso(year: int, month: int, day: int) -> str | None:
    if 1949 <= year <= 2100 and 1 <= month <= 12 and 1 <= day <= 31:
        return f"{year:04d}-{month:02d}-{day:02d}"
    return None


def find_date(text: str) -> str | None:
    """The first date in `text` as YYYY-MM-DD, in Arabic or Chinese numerals."""
    if m := DIGITS_DATE_RE.search(text):
        return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := CN_DATE_RE.search(text):
        return _iso(*(_cn_number(g) for g in m.groups()))
    return None


def is_date_line(line: str) -> bool:
    """A line that is nothing but a date, as under a signature."""
    stripped = DIGITS_DATE_RE.sub("", CN_DATE_RE.sub("", line)).strip(" 日")
    return find_date(line) is not None and not stripped
