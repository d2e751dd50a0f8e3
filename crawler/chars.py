"""Character classes used to judge whether a string reads as Chinese text."""

import re
from functools import lru_cache

HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))
HAN = "".join(f"\\u{start:04x}-\\u{end:04x}" for start, end in HAN_RANGES)
HAN_RE = re.compile(f"[{HAN}]")
# What a block's text is weighed by: Han, or a letter of the other scripts China's portals print, so that a
# minority-language edition's text is found as a Chinese one is: Cyrillic, Arabic (Uyghur, Kazakh, Kyrgyz), Tibetan,
# Hangul (jamo, compatibility jamo, syllables), Mongolian (and Todo, Xibe, Manchu), Tai Le and New Tai Lue (Dai),
# Yi, Lisu. Latin letters are left out: page tools, addresses and code are written in them. (Ranges, not the class
# of every letter but Latin's: a range is matched several times faster, on every text node of every page.)
OTHER_SCRIPTS = (
    "\u0400-\u04ff\u0600-\u06ff\u0750-\u077f\u0f00-\u0fff\u1100-\u11ff\u1800-\u18af\u1950-\u19df"
    "\u3130-\u318f\ua000-\ua4ff\uac00-\ud7af\ufb50-\ufdff\ufe70-\ufeff"
)
TEXT_LETTER_RE = re.compile(f"[{HAN}{OTHER_SCRIPTS}]")
NOT_A_LETTER_RE = re.compile(f"[^{HAN}{OTHER_SCRIPTS}]+")
ANNOUNCING_COLONS = ("：", ":")  # a line or clause ending so announces what follows (a list, a value)
SENTENCE_END = "。！？!?"
SENTENCE_END_RE = re.compile(f"[{SENTENCE_END}]")
ITEM_END = "；;"
NARROW_RE = re.compile(r"[\x00-\x7f\s]+")  # ASCII and spaces: removing them leaves the wide characters to count


def letter_count(text: str) -> int:
    """The letters (TEXT_LETTER_RE) in `text`: what is left once the rest is taken out (about three times faster
    than listing each letter, since Chinese text runs in long stretches of letters)."""
    return len(NOT_A_LETTER_RE.sub("", text))


def _gb2312_rows(first_row: int, last_row: int) -> frozenset:
    pairs = (bytes([lead, trail]) for lead in range(first_row, last_row + 1) for trail in range(0xA1, 0xFF))
    return frozenset(pair.decode("gb2312", "ignore") for pair in pairs) - {""}


COMMON_HAN = _gb2312_rows(0xB0, 0xD7)  # GB2312 level 1: the 3,755 most used characters
# GBK rows A8/A9 (pinyin letters, bopomofo, box drawing): the telltale of GBK read out of step.
# 〇 (A996) is the ideographic zero of dates written in characters (二〇一八年), not a telltale.
GBK_SYMBOL_ROWS = frozenset(
    bytes([lead, trail]).decode("gbk", "ignore") for lead in (0xA8, 0xA9) for trail in range(0x40, 0xFF)
) - {"", "〇"}


# Quotation marks, dashes and the signs of measure technical Chinese text writes itself (强度≥300MPa, Φ20mm, 25℃).
TEXT_MARKS = frozenset("“”‘’…—·≥≤≠≈±×÷°℃‰Φφμ")


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _t2s().convert(text)


# Traditional forms the t2s table cannot show, being characters of simplified script too (it maps them to
# themselves): OpenCC's s2t writes 复 as 覆 in 答复 and 回复 (答覆單位, 回覆時間).
SAME_IN_BOTH_FORMS = {"复": "覆"}


@lru_cache(maxsize=1)
def _traditional_forms() -> dict[str, str]:
    """Each simplified character's traditional forms (发: 發髮), read off the t2s table once: loading OpenCC's
    s2t table as well would cost every process about 27 MiB, for a few hundred words of page furniture."""
    han = [chr(cp) for cp in range(0x4E00, 0xA000)]
    simplified = to_simplified("\n".join(han)).split("\n")
    forms: dict[str, str] = dict(SAME_IN_BOTH_FORMS)
    for traditional, simple in zip(han, simplified, strict=True):
        if simple != traditional and len(simple) == 1:
            forms[simple] = forms.get(simple, "") + traditional
    return forms


def traditional_forms(char: str) -> str:
    return _traditional_forms().get(to_simplified(char), "")


def either_script_forms(char: str) -> str:
    """`char` and its simplified and traditional forms (关: 关關)."""
    return "".join(dict.fromkeys(char + to_simplified(char) + traditional_forms(char)))


def in_either_script(word: str, gap: str = "") -> str:
    """A pattern for `word` in simplified or traditional script, character by character (关闭, 關閉), `gap`
    between its characters."""
    parts = []
    for char in word:
        chars = either_script_forms(char)
        parts.append(re.escape(char) if len(chars) == 1 else f"[{chars}]")
    return gap.join(parts)


EVERYDAY_RANGES = (("\u3000", "\u303f"), ("\uff00", "\uffef"))  # CJK punctuation, full-width forms


@lru_cache(maxsize=1)
def _everyday_chars() -> frozenset:
    """Common Han in either script (a Han character whose simplified form is common, read off the t2s table
    once), and the marks of measure Chinese text writes."""
    han = [chr(cp) for start, end in HAN_RANGES for cp in range(start, end + 1)]
    simplified = to_simplified("\n".join(han)).split("\n")
    common = (char for char, simple in zip(han, simplified, strict=True) if simple in COMMON_HAN)
    return frozenset(common) | COMMON_HAN | TEXT_MARKS


@lru_cache(maxsize=1)
def _unusual_re() -> re.Pattern:
    """A non-ASCII, non-space character that is not everyday Chinese: one class, so that a line is judged in
    one scan of the regex engine rather than a Python call per character."""
    ranges = "".join(f"{low}-{high}" for low, high in EVERYDAY_RANGES)
    everyday = re.escape("".join(sorted(_everyday_chars())))
    return re.compile(f"[^\\x00-\\x7f\\s{ranges}{everyday}]")


def is_everyday(char: str) -> bool:
    """Common Han (in either script), CJK punctuation or a sign of measure: what a clean Chinese text is
    mostly made of."""
    return char in _everyday_chars() or any(low <= char <= high for low, high in EVERYDAY_RANGES)


def unusual_chars(text: str) -> list[str]:
    """The characters of `text` that are neither ASCII, space nor everyday Chinese."""
    return _unusual_re().findall(text)


def unusual_positions(text: str) -> list[int]:
    """Where `text` has a character that is neither ASCII, space nor everyday Chinese."""
    return [match.start() for match in _unusual_re().finditer(text)]


def chinese_score(text: str) -> float:
    """Share of the non-ASCII characters that are everyday Chinese (common Han or CJK punctuation).

    Traditional characters count through their simplified form, so a traditional page scores like
    the simplified one; mojibake (rare Han, Latin-1 letters, box drawing, PUA) scores low. The everyday
    characters are one compiled class, so scoring a line is two scans of the regex engine.
    """
    return _share(text, unusual_chars(text))


def _share(text: str, unusual: list[str]) -> float:
    """The share of the non-ASCII characters of `text` that are not among `unusual` (1.0 when it has none)."""
    if not unusual or text.isascii():
        return 1.0
    wide = len(NARROW_RE.sub("", text))
    return 1 - len(unusual) / wide if wide else 1.0


HANGUL_RE = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
KANA_RE = re.compile("[\u3040-\u30ff]")
# The script a CJK codec is written for besides Han: its letters count as readable when a page is read with it.
CODEC_LETTERS = {
    **dict.fromkeys(("euc-kr", "cp949", "iso2022-kr", "johab"), HANGUL_RE),
    **dict.fromkeys(("shift-jis", "cp932", "euc-jp", "iso2022-jp"), KANA_RE),
}


def script_score(text: str, codec: str) -> float:
    """chinese_score, where a Korean or Japanese codec's own letters (Hangul, kana) count as readable too:
    a Korean page read with EUC-KR is plausible text, not mojibake."""
    letters = CODEC_LETTERS.get(codec)
    if letters is None:
        return chinese_score(text)
    return _share(text, [char for char in unusual_chars(text) if letters.match(char) is None])
