"""Detect, repair where reversible, and flag damage to Chinese text.

Flags (fixed vocabulary): mojibake, lost_chars, pinyin_annotations, masked, traditional_converted,
flattened. Repairs work line by line, so one bad line never blocks the rest, and each is reported.
"""

import re
from dataclasses import dataclass, field

from .chars import (
    ANNOUNCING_COLONS,
    COMMON_HAN,
    GBK_SYMBOL_ROWS,
    HAN,
    HAN_RE,
    ITEM_END,
    SENTENCE_END,
    SENTENCE_END_RE,
    chinese_score,
    is_everyday,
    to_simplified,
    unusual_chars,
    unusual_positions,
)
from .lostbytes import LOST, Rebuilt, decode_with_gaps, tokens_of

NOT_HAN_RE = re.compile(f"[^{HAN}]+")
FLAGS = ("mojibake", "lost_chars", "pinyin_annotations", "masked", "traditional_converted", "flattened")
# (how the bytes were wrongly read, what they really were)
WRONG_READINGS = (
    ("gb18030", "utf-8"),
    ("cp1252", "gb18030"),
    ("latin-1", "gb18030"),
    ("cp1252", "utf-8"),
    ("latin-1", "utf-8"),
)
REPAIRED_SCORE = 0.9
LOSSLESS_SCORE = 0.7
MIN_GAIN = 0.25

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
TONED_SYLLABLE = rf"[a-zü]*[{TONED}][a-zü{TONED}]*"
TONED_RE = re.compile(f"[{TONED}]")
PINYIN_RE = re.compile(rf"(?<=[{HAN}])(?:[(（]{TONED_SYLLABLE}[)）])+")
PLAIN_PINYIN_RE = re.compile(rf"(?<=[{HAN}])[(（](?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{{1,3}}(?:ng|n|r)?[)）]")
MIN_TONED_FOR_PLAIN = 2
# The syllables an annotation writes with no tone mark whatever the text: a particle's neutral tone, after the
# particle (的(de), 了(le)); a single annotated character of a text can be one
NEUTRAL_READINGS = {"de": "的地得", "le": "了", "men": "们", "me": "么", "ma": "吗", "ne": "呢", "ba": "吧"}
NEUTRAL_PINYIN_RE = re.compile(
    "[(（](?:" + "|".join(rf"(?<=[{chars}].){reading}" for reading, chars in NEUTRAL_READINGS.items()) + ")[)）]"
)

GARBLED_RE = re.compile("锟斤拷|烫烫烫|屯屯屯")
# A '?' where a character stood: inside a word (Han or digits on both sides), a run of them beside Han, one
# at a line's or a table cell's start or after punctuation or an item's number before Han, one before closing
# punctuation, a full stop or a bracket (单?（元）, 特此批?。). A question mark ends a question: after Han, before
# the line's end or a space, or after a question's closing particle (效力呢?有一种观点, 为什么?（笑）).
QUESTION_PARTICLES = "呢吗么吧嘛"
LOST_QMARK_RE = re.compile(
    "|".join(
        [
            rf"(?<=[{HAN}\d])(?<![{QUESTION_PARTICLES}])\?+(?=[{HAN}\d])",  # inside a word
            rf"(?<=[{HAN}\d（(《“])\?{{2,}}",  # a run after Han
            rf"\?{{2,}}(?=[{HAN}\d》）)”，、；：。])",  # a run before Han or punctuation
            rf"(?:^|(?<=\s))\?+(?=[{HAN}\d，。、])",  # at a line's or a cell's start
            rf"(?<=[，。、；：（(《“])\?+(?=[{HAN}\d])",  # after punctuation, before Han
            rf"(?<=\d[.．])\?+(?=[{HAN}])",  # after an item's number (6.?费依据)
            rf"(?<=[一二三四五六七八九十\d][）)])\?+(?=[{HAN}])",  # after a bracketed item number (（二）?力提升)
            rf"(?<=[{HAN}])(?<![{QUESTION_PARTICLES}])\?+(?=[》）)”，、；：。（(])",  # before closing marks, a bracket
        ]
    ),
    re.M,
)
SHIFTED_RUN_RE = re.compile(r"\?[^\x00-\x7f?]{2,}(?:\?|[\x40-\x7e])?")
# One character read out of step between a lead byte and a trail byte read alone: nothing to rebuild.
SHIFTED_ONE_RE = re.compile(r"\?([^\x00-\x7f?])\?")
MIN_SHIFT_READING = 3  # characters: a shorter everyday reading of a run between two '?' is too likely by chance
GARBLED_SCORE = 0.7  # below this a line reads as garbled: mostly rare characters and symbols

# What a document omits it names: an attachment, a table, a figure, a list, a form (附件2（略）, 名单（略）).
OMITTED_PARTS = "附件|附表|附图|图|表|名单|清单|目录|式样"
LEGIT_OMITTED_RE = re.compile(rf"(?:{OMITTED_PARTS})\s*[0-9一二三四五六七八九十]*\s*[(（]略[)）]")
OMITTED_RE = re.compile(r"[(（]\s*略\s*[)）]")
MASK_STAR_RE = re.compile(
    rf"(?:(?<=[\s{HAN}，。、；：“”（）()《》〔〕])|^)\*(?=[\s{HAN}，。、；：“”（）()《》〔〕]|$)", re.M
)
# A star standing in a decimal number's place (6.*, *.4): masked digits. A footnote star follows a number (1.5*).
MASKED_DECIMAL_RE = re.compile(r"\d[.．]\*|\*[.．][\d*]")
MIN_MASKS = 3
# (略) with a character of the same word on either side (人民(略)办) stands for words, not for an omitted table.
# (略) inside a word (人员(略)(略)), or opening one (事项 (略)明), where an omitted table or figure never stands;
# (略) twice in a row, wherever it stands (三、(略)(略)：, (略) (略)), or beside a masking star (柘政(略)*〕45号): an
# omitted part is marked once; (略) for an ordinal's number (第(略)条), right after an opening bracket (【(略)), or
# opening a line before words or a colon ((略)：, (略) 附 则), where an omitted part's mark follows the part's name
IN_WORD_OMITTED_RE = re.compile(
    rf"(?<=[{HAN}\d])[(（]\s*略\s*[)）](?=[{HAN}\d])|[(（]\s*略\s*[)）](?=\s*(?:[(（]\s*略|\*))"
    rf"|[(（]\s*略\s*[)）](?=[{HAN}])(?![附图表])"
    rf"|(?<=[第【〔\[［])[(（]\s*略\s*[)）]|^[ \t\u3000]*[(（]\s*略\s*[)）](?=[ \t\u3000]*[：:]|[ \t\u3000]+\S)",
    re.M,
)
# Stars in place of a document number's serial (〔2022〕*号) or a date's numbers (* 年底前, *年2月, 2019年*月*日):
# no footnote stands there (a footnote's star follows its word; ** is Markdown's bold; a list's bullet opens a line).
MASKED_NUMBER_RE = re.compile(
    r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\*+\s*号|(?<=[^\s*\d])[ \u3000]?\*(?!\*)[ \u3000]*[年月日]"
)
# Stars in a telephone number's or a mail address's place (传真0991-*, *-83921234, jianguanhy@*.com): a footnote's
# star follows its word, a product's size writes × as * between numbers (219*6), and a star before @ is a rule's
# wildcard for any address of a domain (*@example.com)
MASKED_CONTACT_RE = re.compile(r"\d{3,4}[-－]\*|\*[-－]\d{7,8}|@\*\.")
MIN_MASKS_IN_WORDS = 1  # none of 527 clean real texts holds (略) at all, let alone inside a word

TRADITIONAL_SHARE = 0.08
MIN_TRADITIONAL = 5

HEADING = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))"
# A text run together nearly whole: one line of this many characters holding at least this share of the text. A
# long line alone is no sign: provincial work reports print paragraphs of 1,000+ characters among dozens of others.
RUN_TOGETHER_LINE = 1000
RUN_TOGETHER_SHARE = 0.5


@dataclass
class Report:
    lines: list[str]
    flags: list[str] = field(default_factory=list)
    repairs: list[dict] = field(default_factory=list)
    received_lost: int = 0

    def flag(self, name: str) -> None:
        if name not in self.flags:
            self.flags.append(name)
            self.flags.sort(key=FLAGS.index)

    def simplified(self, text: str) -> str | None:
        return to_simplified(text) if "traditional_converted" in self.flags else None


def _encode_as(segment: str, wrong: str) -> bytes:
    """Bytes as the wrong reader saw them; cp1252 readers (browsers) pass its five unassigned bytes through."""
    if wrong != "cp1252":
        return segment.encode(wrong)
    return b"".join(bytes([ord(c)]) if "\x80" <= c <= "\x9f" else c.encode("cp1252") for c in segment)


def _reread(line: str, wrong: str, right: str) -> Rebuilt | None:
    """Undo one wrong reading; a character whose bytes the wrong reading lost is rebuilt only when the bytes
    that survive leave one candidate, else it stays U+FFFD (with the candidates as a suggestion)."""
    try:
        segments = [_encode_as(segment, wrong) for segment in line.split(LOST)]
    except UnicodeEncodeError:
        return None
    if len(segments) == 1:
        fixed = segments[0].decode(right, "replace")
        return Rebuilt(fixed, fixed.count(LOST))
    return decode_with_gaps(tokens_of(segments, wrong), right)


def repair_wrong_codec(line: str, established: frozenset = frozenset()) -> tuple[Rebuilt, tuple[str, str]] | None:
    """The reading that undoes a line's wrong codec, if one reads as Chinese. `established` holds the readings
    that already repaired other lines of the same text: a lossy line read the same way needs only the
    lossless bar (a table row of symbols and rare names, 螺纹钢（Φ20mm）, scores lower than prose)."""
    if line.isascii() or chinese_score(line) >= REPAIRED_SCORE:
        return None
    before = chinese_score(line.replace(LOST, ""))
    best = None
    for wrong, right in WRONG_READINGS:
        rebuilt = _reread(line, wrong, right)
        if (
            rebuilt is None
            or not HAN_RE.search(rebuilt.text)
            or rebuilt.lost > max(1, len(rebuilt.text) // 20) + line.count(LOST)
        ):
            continue
        score = chinese_score(rebuilt.text.replace(LOST, ""))
        # A reading that decodes every byte cleanly may hold rare characters (drug names): a lower bar.
        lossless = not rebuilt.lost and LOST not in line
        needed = LOSSLESS_SCORE if lossless or (wrong, right) in established else REPAIRED_SCORE
        if score >= needed and score - before >= MIN_GAIN and (best is None or score > best[2]):
            best = (rebuilt, (wrong, right), score)
    return (best[0], best[1]) if best else None


def reading_name(reading: tuple[str, str]) -> str:
    wrong, right = reading
    return f"{right} read as {wrong}"


def _codec_repair(reading: tuple[str, str], before: str, rebuilt: Rebuilt, **where) -> dict:
    """The repair record of a line or a field (`where`: line=N or field=NAME) read again with the right codec."""
    return {
        "flag": "mojibake",
        **where,
        "how": reading_name(reading),
        "before": before[:80],
        "after": rebuilt.text[:80],
    }


# A run of a few characters read with the wrong codec inside an otherwise clean line.
LATIN_RUN_RE = re.compile(
    "[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122\ufffd]{2,}"
)
LATIN_LETTERS_RE = re.compile("[^\\W\\d_\u00b2\u00b3\u00b9\u00bc-\u00be]")  # letters: not ²³¹ ¼½¾ (\w takes them)
MAX_RUN = 12
MIN_LATIN_LETTERS = 1
TEXT_SYMBOLS_RE = re.compile("[×÷±°·§¥©®¹²³¼½¾µ]")  # Latin-1 signs Chinese text writes itself (××县, ±0.5°)
TEXT_PUNCTUATION = "“”‘’—–…•"  # cp1252's punctuation that Chinese text writes around them
MAX_SUSPICIOUS = 16
RUN_SCORE = 0.95
MIN_VOUCHED_HAN = 2
HAN_ONLY_RE = re.compile(f"[{HAN}]+")


def _accept_run(window: str, rebuilt: Rebuilt | None, vouched: bool = False) -> bool:
    """A re-reading of a short run that is shorter (a wrong reading widens text) and reads as everyday Chinese,
    or as Han that UTF-8's byte structure `vouched` for (see _whole_utf8_han)."""
    if rebuilt is None or not HAN_RE.search(rebuilt.text) or rebuilt.lost > window.count(LOST) + 1:
        return False
    if len(rebuilt.text) >= len(window) or chinese_score(window.replace(LOST, "")) >= RUN_SCORE:
        return False
    return vouched or chinese_score(rebuilt.text.replace(LOST, "")) >= RUN_SCORE


def _whole_utf8_han(rebuilt: Rebuilt | None, reading: tuple[str, str]) -> bool:
    """A Latin run read back as UTF-8 with nothing lost, Han throughout and two characters or more: UTF-8's byte
    structure vouches for it however rare its characters (恪守职 read as cp1252 is æ, an unassigned byte passed
    through, ª, then å®ˆ…), where Latin-1 characters fall into such sequences about once in a million. Not GBK's:
    its two-byte characters fall into UTF-8's ranges often (椐规定 is UTF-8's 駹涨)."""
    return (
        rebuilt is not None
        and reading[1] == "utf-8"
        and rebuilt.lost == 0
        and len(rebuilt.text) >= MIN_VOUCHED_HAN
        and HAN_ONLY_RE.fullmatch(rebuilt.text) is not None
    )


def _gbk_windows(line: str):
    """Windows around characters that do not read as everyday Chinese: where UTF-8 read as GBK may hide."""
    seen = set()
    positions = unusual_positions(line)
    ascii_after = _next_ascii(line) if positions else []
    for i in positions:
        for start in range(max(0, i - 2), i + 1):
            for end in range(i + 1, min(len(line), start + MAX_RUN, ascii_after[start]) + 1):  # no ASCII inside
                if (start, end) not in seen:
                    seen.add((start, end))
                    yield start, end


def _next_ascii(line: str) -> list[int]:
    """For each position of `line`, where its next ASCII character is (at it or after it; len(line) if none)."""
    after, next_at = [0] * len(line), len(line)
    for k in range(len(line) - 1, -1, -1):
        if line[k].isascii():
            next_at = k
        after[k] = next_at
    return after


def _latin_windows(line: str):
    """Runs of Latin-1 and cp1252 characters, trimmed by up to two at each end (a curly quote of the text
    itself may touch them), but never cut off from a lost character next to them nor from a letter of the
    run: a run cut inside reads its bytes out of step (ãÉÐÐ is 闵行; its middle ÉÐ would be 尚)."""
    for m in LATIN_RUN_RE.finditer(line):
        # inside Chinese text a run needs no letter (¿¯ is 刊); elsewhere ×× or ±° may be the text's own
        letters = 0 if _inside_chinese(line, m.start(), m.end()) and not _text_signs(m.group()) else MIN_LATIN_LETTERS
        for start in range(m.start(), min(m.start() + 2, m.end())):
            for end in range(m.end(), max(m.end() - 2, start + 1), -1):
                cuts_a_gap = line[start - 1 : start] == LOST or line[end : end + 1] == LOST
                cuts_a_letter = LATIN_LETTERS_RE.search(line[m.start() : start] + line[end : m.end()])
                if not cuts_a_gap and not cuts_a_letter and len(LATIN_LETTERS_RE.findall(line[start:end])) >= letters:
                    yield start, end


def _text_signs(run: str) -> bool:
    """The run is signs Chinese text writes itself (××, ±0.5°, “½”), beside its own quotes and dashes; a sign
    beside any other Latin-1 character (¹« is 公 read as Latin-1) is no such run."""
    signs = run.strip(TEXT_PUNCTUATION)
    return bool(signs) and all(TEXT_SYMBOLS_RE.fullmatch(char) for char in signs)


CHINESE_NEIGHBOUR_RE = re.compile(f"[{HAN}\u3000-\u303f\uff00-\uffef]")  # Han, CJK and full-width punctuation


def _inside_chinese(line: str, start: int, end: int) -> bool:
    """Chinese text on both sides of the run (a Han character or Chinese punctuation)."""
    before, after = line[start - 1 : start], line[end : end + 1]
    return bool(CHINESE_NEIGHBOUR_RE.fullmatch(before) and CHINESE_NEIGHBOUR_RE.fullmatch(after))


# A UTF-8 character read as GBK whose third byte the reader lost: its first two bytes read as one rare
# character (a CJK lead byte E3-E9 and a continuation byte), then U+FFFD (进 -> 杩�).
UTF8_LEAD_READ_AS_GBK = frozenset(range(0xE3, 0xEA))
UTF8_CONTINUATION = range(0x80, 0xC0)


def _utf8_head_read_as_gbk(char: str) -> bool:
    """The two bytes of `char` in GBK open a CJK character in UTF-8, and `char` is no everyday simplified
    character (a traditional one, 鍛, is as telling next to the gap as a rare one: 员 → 鍛�)."""
    raw = char.encode("gb18030")
    return len(raw) == 2 and raw[0] in UTF8_LEAD_READ_AS_GBK and raw[1] in UTF8_CONTINUATION and char not in COMMON_HAN


def _lost_utf8_tails(window: str) -> bool:
    """The window is nothing but such pairs: rare character, U+FFFD, rare character, U+FFFD ..."""
    pairs = [window[k : k + 2] for k in range(0, len(window), 2)]
    return len(window) % 2 == 0 and all(p[1] == LOST and _utf8_head_read_as_gbk(p[0]) for p in pairs)


def _utf8_block(char: str) -> str:
    """The 64 code points a UTF-8 character can be when only its first two bytes survive (read as `char`)."""
    lead, continuation = char.encode("gb18030")
    first = (lead & 0x0F) << 12 | (continuation & 0x3F) << 6
    return f"U+{first:04X}–U+{first + 63:04X} ({chr(first)}…{chr(first + 63)})"


def _gaps_only(window: str, rebuilt: Rebuilt | None) -> bool:
    """A re-reading in which every character of the run lost a byte: nothing to write back but gaps."""
    return rebuilt is not None and rebuilt.text.strip(LOST) == "" and 0 < rebuilt.lost <= window.count(LOST)


def _run_candidates(line: str):
    for start, end in _gbk_windows(line):
        window = line[start:end]
        if _lost_utf8_tails(window):
            rebuilt = _reread(window, "gb18030", "utf-8")
            if _gaps_only(window, rebuilt):
                # the bytes say which block of 64 each character came from, not which one: flagged, left as it was
                blocks = ", ".join(_utf8_block(window[k]) for k in range(0, len(window), 2))
                yield start, end, None, f"left as it was: utf-8 read as gb18030 with bytes lost (one of {blocks})"
            continue
        if LOST not in window:
            try:
                rebuilt = Rebuilt(window.encode("gb18030").decode("utf-8"))
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
        else:
            rebuilt = _reread(window, "gb18030", "utf-8")
        if _accept_run(window, rebuilt):
            yield start, end, rebuilt, "utf-8 read as gb18030"
    for start, end in _latin_windows(line):
        window = line[start:end]
        readings = {reading: _reread(window, *reading) for reading in WRONG_READINGS[1:]}
        vouched = {reading for reading, rebuilt in readings.items() if _whole_utf8_han(rebuilt, reading)}
        readings = {
            reading: rebuilt
            for reading, rebuilt in readings.items()
            if reading in vouched or _plausible(window, rebuilt)
        }
        plausible = {rebuilt.text for rebuilt in readings.values()}
        # Latin letters inside Chinese are no text of the page: a reading of them that leaves only gaps is
        # accepted too
        accepted = [
            (reading_name(reading), rebuilt)
            for reading, rebuilt in readings.items()
            if _accept_run(window, rebuilt, reading in vouched)
            or (LATIN_LETTERS_RE.search(window) and _gaps_only(window, rebuilt))
        ]
        # Where lost bytes leave two readings of the run standing (æœ� is 鏈� in GBK, or a lost character in
        # UTF-8), the bytes do not say which: the run stays as it was, flagged.
        if accepted and len(plausible) == 1:
            yield start, end, accepted[0][1], accepted[0][0]
        elif accepted:
            yield (
                start,
                end,
                None,
                f"left as it was: lost bytes leave {len(plausible)} readings ({', '.join(sorted(plausible))})",
            )


def _plausible(window: str, rebuilt: Rebuilt | None) -> bool:
    """A reading whose bytes hold together: no more lost characters than the window had, and what it
    rebuilt reads as everyday Chinese (or it rebuilt nothing but gaps)."""
    if rebuilt is None or rebuilt.lost > window.count(LOST):
        return False
    kept = rebuilt.text.replace(LOST, "")
    return not kept or chinese_score(kept) >= RUN_SCORE


def repair_runs(line: str) -> tuple[str, list[dict]]:
    """Short runs read with a wrong codec inside a clean line, each replaced by what its bytes justify."""
    if len(unusual_chars(line)) > MAX_SUSPICIOUS:
        return line, []
    chosen: list[tuple] = []

    def gaps_added(candidate) -> int:  # a window that reaches into a clean neighbour turns it into gaps
        start, end, rebuilt, _ = candidate
        return rebuilt.text.count(LOST) - line[start:end].count(LOST) if rebuilt else 0

    # the runs that add the fewest gaps, then the longest
    for candidate in sorted(_run_candidates(line), key=lambda c: (gaps_added(c), c[0] - c[1])):
        start, end = candidate[:2]
        if all(end <= s or start >= e for s, e, *_ in chosen):
            chosen.append(candidate)
    repairs = []
    for start, end, rebuilt, how in sorted(chosen, key=lambda c: c[0], reverse=True):
        after = line[start:end] if rebuilt is None else rebuilt.text
        repairs.append({"how": how, "before": line[start:end], "after": after})
        line = line[:start] + after + line[end:]
    return line, repairs[::-1]


def _realign(run: str) -> str:
    """A GBK run read one byte out of step: '?' + pairs (trail, next lead) + where it fell back in step.

    The leading '?' is a lead byte whose trail starts the run; a closing '?' is a trail byte read alone,
    after which the reader was back in step; a closing ASCII letter is the trail of the last character.
    """
    closing_lost = run.endswith("?")
    raw = run[1 : -1 if closing_lost else None].encode("gb18030")
    # The lead byte before the first trail is lost: that character stays U+FFFD, whatever it likely was.
    return LOST + raw[1:].decode("gb18030", "replace")  # a lone last lead byte decodes to U+FFFD itself


def repair_shifted_runs(line: str) -> tuple[str, list[str]]:
    """Runs of GBK read one byte out of step, each re-aligned to exactly what its bytes say: a full-width
    mark stays full-width even where a mirror turned the rest of the page's punctuation half-width."""
    repaired = []

    def fix(m):
        run = m.group(0)
        before = chinese_score(run)
        candidates = (run, run[:-1]) if run[-1].isascii() and run[-1] != "?" else (run,)
        for candidate in candidates:
            try:
                fixed = _realign(candidate)
            except UnicodeEncodeError:
                return run
            inner = fixed[1:].removesuffix(LOST)  # the ends may be characters the shift destroyed
            after = chinese_score(inner)
            # A run closed by '?' shows where the reader fell back in step: one rebuilt character is enough.
            shortest = 1 if candidate.endswith("?") else 2
            if len(inner) >= shortest and LOST not in inner and after >= REPAIRED_SCORE and after - before >= MIN_GAIN:
                repaired.append(run)
                return fixed + run[len(candidate) :]
        return run

    return SHIFTED_RUN_RE.sub(fix, line), repaired


def plainly_clean(line: str) -> bool:
    """Every character ASCII or everyday Chinese, no ? and no U+FFFD: nothing for the mojibake machinery,
    which most lines of most pages skip this way."""
    return "?" not in line and LOST not in line and not unusual_chars(line)


def fix_mojibake(report: Report) -> None:
    suspect = {i: line for i, line in enumerate(report.lines) if not plainly_clean(line)}
    whole_lines = {i: repair_wrong_codec(line) for i, line in suspect.items()}
    established = frozenset(whole[1] for whole in whole_lines.values() if whole)
    for i, line in suspect.items():
        whole = whole_lines[i] or (repair_wrong_codec(line, established) if established else None)
        if whole:
            rebuilt, reading = whole
            report.lines[i] = rebuilt.text
            repair = _codec_repair(reading, line, rebuilt, line=i + 1)
            if rebuilt.suggestions:
                repair["lost_could_be"] = ["".join(chars) for chars in rebuilt.suggestions]
            report.repairs.append(repair)
            report.flag("mojibake")
            continue
        fixed, runs = repair_runs(line)
        if runs:
            report.lines[i] = fixed
            report.repairs.extend({"flag": "mojibake", "line": i + 1, **run} for run in runs)
            report.flag("mojibake")
            line = fixed
        fixed, runs = repair_shifted_runs(line)
        if runs:
            report.lines[i] = fixed
            report.repairs.append(
                {
                    "flag": "mojibake",
                    "line": i + 1,
                    "how": "gb18030 read one byte out of step",
                    "before": line[:80],
                    "after": fixed[:80],
                }
            )
            report.flag("mojibake")
        elif why := _mojibake_left_as_it_was(line):
            report.repairs.append(
                {"flag": "mojibake", "line": i + 1, "how": f"left as it was: {why}", "before": line[:80]}
            )
            report.flag("mojibake")
        elif readings := _shift_readings(line):
            report.repairs.append(
                {
                    "flag": "mojibake",
                    "line": i + 1,
                    "how": "left as it was: a run between two lost bytes reads as everyday Chinese one byte back in "
                    "step, as its own characters mostly do (not enough to rewrite it)",
                    "before": line[:80],
                    "could_be": readings,
                }
            )
            report.flag("mojibake")


def _mojibake_left_as_it_was(line: str) -> str | None:
    """Signs of a wrong reading that the bytes left cannot undo, said in words for the repair record."""
    if any(c in GBK_SYMBOL_ROWS for c in _han_context(line)):
        return "GBK symbol-row characters between Han characters (a wrong reading, not repairable here)"
    if any(not is_everyday(m.group(1)) for m in SHIFTED_ONE_RE.finditer(line)):
        return "one character read one byte out of step between a lost lead byte and a lost trail byte"
    return None


def _shift_readings(line: str) -> list[str]:
    """The readings one byte back in step of the runs between two '?' that a GBK text read out of step left as
    everyday characters too (?邢铝星樾沃? for 有下列情形之): whole, everyday, sharing no character with the run
    (a shift changes each), where the run holds a character that is not. Too weak to rewrite the text, which
    repair_shifted_runs does only for a clear gain; strong enough to flag it, the reading a suggestion."""
    readings = []
    for m in SHIFTED_RUN_RE.finditer(line):
        run = m.group()
        if not run.endswith("?") or not unusual_chars(run):
            continue
        try:
            inner = _realign(run)[1:].removesuffix(LOST)
        except UnicodeEncodeError:
            continue
        whole = len(inner) >= MIN_SHIFT_READING and LOST not in inner
        if whole and not unusual_chars(inner) and not set(inner) & set(run):
            readings.append(inner)
    return readings


def _han_context(line: str) -> str:
    """Characters of the GBK symbol rows standing between Han characters (not inside pinyin)."""
    return "".join(m.group(1) for m in re.finditer(rf"(?<=[{HAN}])([^\x00-\x7f{HAN}])(?=[{HAN}])", line))


def strip_pinyin(report: Report) -> None:
    text = "\n".join(report.lines)
    toned = len(PINYIN_RE.findall(text)) if TONED_RE.search(text) else 0  # a tone mark first: a faster scan
    if not toned and not NEUTRAL_PINYIN_RE.search(text):
        return
    count = 0
    for i, line in enumerate(report.lines):
        line, n = PINYIN_RE.subn("", line)
        if toned >= MIN_TONED_FOR_PLAIN:
            line, m = PLAIN_PINYIN_RE.subn("", line)
            n += m
        line, m = NEUTRAL_PINYIN_RE.subn("", line)
        count += n + m
        report.lines[i] = line
    report.flag("pinyin_annotations")
    report.repairs.append({"flag": "pinyin_annotations", "how": "removed pinyin after characters", "count": count})


def _lost_in(lines: list[str]) -> int:
    text = "\n".join(lines)
    lost = len(GARBLED_RE.findall(text)) + text.count(LOST)
    return lost + sum(len(m) for m in LOST_QMARK_RE.findall(text)) if "?" in text else lost


def count_lost(report: Report) -> None:
    """Characters destroyed upstream: those left in the text, and never fewer than the received text held,
    since a repair may rebuild the bytes of a replaced character but the capture was damaged all the same."""
    lost = max(_lost_in(report.lines), report.received_lost)
    if lost:
        report.flag("lost_chars")
        report.repairs.append(
            {"flag": "lost_chars", "how": "characters destroyed upstream; not repairable", "count": lost}
        )


def detect_masking(report: Report) -> None:
    text = "\n".join(report.lines)
    if "*" not in text and not OMITTED_RE.search(text):  # every sign of masking holds a star or a (略)
        return
    omitted = len(OMITTED_RE.findall(text)) - len(LEGIT_OMITTED_RE.findall(text))
    stars = len(MASK_STAR_RE.findall(text)) + len(MASKED_DECIMAL_RE.findall(text))
    in_words = sum(len(pattern.findall(text)) for pattern in (IN_WORD_OMITTED_RE, MASKED_NUMBER_RE, MASKED_CONTACT_RE))
    if omitted + stars >= MIN_MASKS or in_words >= MIN_MASKS_IN_WORDS:
        report.flag("masked")
        report.repairs.append(
            {"flag": "masked", "how": "words replaced by (略) or *; not restored", "count": omitted + stars}
        )


def detect_traditional(report: Report) -> None:
    # Lines still garbled by a wrong codec are full of traditional-looking characters: leave them out.
    readable = [line for line in report.lines if chinese_score(line) >= GARBLED_SCORE]
    han = NOT_HAN_RE.sub("", "\n".join(readable))
    changed = _differing(han, to_simplified(han))
    if changed >= MIN_TRADITIONAL and changed / max(len(han), 1) >= TRADITIONAL_SHARE:
        report.flag("traditional_converted")


def _differing(text: str, other: str, chunk: int = 256) -> int:
    """Positions where two texts differ (up to the shorter's end), compared a chunk at a time: most chunks of a
    simplified page are equal to their simplified form, and equal chunks are compared at C speed."""
    ends = range(0, min(len(text), len(other)), chunk)
    return sum(
        sum(map(str.__ne__, text[i : i + chunk], other[i : i + chunk]))
        for i in ends
        if text[i : i + chunk] != other[i : i + chunk]
    )


def _numerals(n: int) -> str:
    """Chinese numerals as headings write them, 1 to 199: 十二, 二十, 一百零五, 一百一十."""
    digits = "一二三四五六七八九"
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    if hundreds:
        if not rest:
            return "一百"
        if not tens:
            return "一百零" + digits[units - 1]
        return "一百" + ("一" if tens == 1 else "") + _numerals(rest)
    return (digits[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (digits[units - 1] if units else "")


NUMERAL_VALUE = {_numerals(n): n for n in range(1, 200)}
NUMERAL = "[一二三四五六七八九十百零]{1,5}"
ARTICLE_RE = re.compile(rf"第({NUMERAL})条(?=[\s\u3000])")  # an article, not a cross-reference (第六条规定)
# Heading numbering styles: 一、 (一) （一） 第一条, each with its numeral captured. A heading's words may open with
# a title in 《》 or a quote; a chapter's (一、) also with a number (一、2025年工作回顾, 四、6月份银行间市场…), where
# (一) before a year closes a title (…若干问题的解释（一）2012年7月9日通过)
HEADING_STYLE_RES = (
    re.compile(rf"(?<!第)({NUMERAL})、(?=[{HAN}《“\d])"),
    re.compile(rf"(?<!第)\(({NUMERAL})\)(?=[{HAN}《“])"),
    re.compile(rf"(?<!第)（({NUMERAL})）(?=[{HAN}《“])"),
    ARTICLE_RE,
)
CLOSING_QUOTES = "”」』’"
CLAUSE_PUNCTUATION_RE = re.compile(r"[，。；：,;:！？!?、]")
# An item of a numbered list of labelled values (一、项目编号：LKZX2025-CG013二、项目名称：…): no clause ends in it.
LABEL_ITEM_RE = re.compile(rf"^\s*[{HAN}]{{2,8}}[:：][^。；，,;！？!?]{{1,120}}$")
# A sentence ended, then a note in brackets closes the paragraph: 。（责任单位：市经济信息委）
NOTE_AFTER_SENTENCE_RE = re.compile(r"[。！？]\s*[（(][^（）()]{1,40}[）)]$")
CHAPTER_RE = re.compile(rf"\s*第{NUMERAL}[章节编](.*)")
MAX_HEADING = 40  # a heading line: this many characters at most, with no punctuation
# calibrated on the damage corpus's clean sources (517, then 559 when the 500 texts were drawn again): none has a
# single in-sequence inline heading
MIN_BREAKS = 1


def _ends_paragraph_or_heading(before: str, in_sequence: bool) -> bool:
    """A lost break leaves the heading glued to what ended before it (。二、, 。”二、): paragraphs written apart
    by a space on one line are a table cell's or an inline list's, not a lost break. Glued to a heading, a
    heading is its first sub-heading (一、总则（一）…) or the next of its own list (`in_sequence`): a
    heading's words may end in a numeral and 、 (（四）东白湖镇里四、西丁片区)."""
    if not before or before[-1].isspace() or before == "?":  # a '?' alone: a lost character, not a question
        return False
    if _ends_sentence(before) or LABEL_ITEM_RE.match(before) or NOTE_AFTER_SENTENCE_RE.search(before):
        return True
    last = SENTENCE_END_RE.split(before)[-1]
    if chapter := CHAPTER_RE.match(last):  # 第三章  清扫、分类与处置: a chapter's name may list with 、
        return _is_heading_text(chapter[1].replace("、", ""))
    heading = re.match(rf"\s*{HEADING}(.*)", last)
    return bool(heading) and _is_heading_text(heading[1]) and in_sequence


def _ends_sentence(text: str) -> bool:
    """`text` ends a sentence, also inside a quote (。”)."""
    unquoted = text.rstrip(CLOSING_QUOTES)
    return bool(unquoted) and unquoted[-1] in SENTENCE_END


def _is_heading_text(text: str) -> bool:
    return len(text.strip()) <= MAX_HEADING and not CLAUSE_PUNCTUATION_RE.search(text)


def sequence_breaks(line: str, strict: bool = True, next_line: str = "", styles=HEADING_STYLE_RES) -> list[int]:
    """Where a heading stands inside the line, next in its sequence (二、 after 一、, 第六条 after 第五条),
    right after a sentence or a heading ended (an article also after the colon that announces it:
    解释如下：第一条), or after an item ended with ； when the list's items open their paragraphs ((一)… at
    the line's start, or the line's last item ends with ； and the next item opens `next_line`): the places
    where paragraph breaks were lost. An inline enumeration inside a sentence ('之一的：（一）…；（二）…。')
    and a cross-reference (依照第六条, which follows no sentence end) do not count. Not `strict` (the text
    is known to be flattened): every heading of a sequence that starts at 一, whatever stands before it."""
    breaks = []
    indent = len(line) - len(line.lstrip())
    for style in styles:
        last, previous_end, item_opens_paragraph, inline = None if strict else 0, 0, False, []
        for m in style.finditer(line):
            value = NUMERAL_VALUE.get(m.group(1))
            if value is None or (last is not None and value not in (last + 1, 1)):  # a new list starts at 一
                continue
            if value == 1:
                inline = []
            before = line[previous_end : m.start()]
            broken = m.start() > indent and (
                not strict
                or _ends_paragraph_or_heading(before, value == 1 or last is not None)
                or (style is ARTICLE_RE and before.endswith(ANNOUNCING_COLONS))
                or (item_opens_paragraph and _ends_item(before))
            )
            if broken:
                breaks.append(m.start())
            elif m.start() > indent and not before[-1:].isspace():  # set apart by a space: written so
                inline.append(m.start())
            last, previous_end, item_opens_paragraph = value, m.end(), broken or m.start() <= indent
        if inline and _list_goes_on(line, style, last, next_line):
            breaks += inline
    return sorted(set(breaks))


def _list_goes_on(line: str, style: re.Pattern, last: int, next_line: str) -> bool:
    """The line's last item ends with ； and the next one opens the next line: the list's items open their
    paragraphs, so the items inside the line lost their breaks."""
    following = style.match(next_line.lstrip())
    return _ends_item(line.rstrip()) and bool(following) and NUMERAL_VALUE.get(following.group(1)) == last + 1


def _ends_item(before: str) -> bool:
    """An item of a list written a paragraph each ends with ；: the next item glued to it lost its break."""
    return bool(before) and before[-1] in ITEM_END


def detect_flattened(report: Report) -> None:
    size = sum(map(len, report.lines))
    paragraph_lists = _styles_opening_lines(report.lines)
    for line, next_line in zip(report.lines, [*report.lines[1:], ""]):
        holds_most = len(line) >= size * RUN_TOGETHER_SHARE
        run_together = len(line) >= RUN_TOGETHER_LINE and holds_most
        styles = HEADING_STYLE_RES if holds_most else paragraph_lists
        if run_together or len(sequence_breaks(line, next_line=next_line, styles=styles)) >= MIN_BREAKS:
            report.flag("flattened")
            return


def _styles_opening_lines(lines: list[str]) -> tuple:
    """The heading styles that open a line somewhere in the text: lists it writes an item a paragraph. Items of
    a style that opens no line run inline by the author's hand (第三条，…内容。（一）…。（二）…), where the text's
    lines show how it writes its lists (a text run together into one line shows nothing)."""
    return tuple(style for style in HEADING_STYLE_RES if any(style.match(line.lstrip()) for line in lines))


def restore_breaks(lines: list[str]) -> list[str]:
    """Put paragraph breaks back where headings of a running sequence stand inside a line."""
    restored = []
    for line, next_line in zip(lines, [*lines[1:], ""]):
        lost = {*sequence_breaks(line, next_line=next_line), *sequence_breaks(line, strict=False)}
        cuts = sorted({0, *lost, len(line)})
        restored += [line[a:b].strip() for a, b in zip(cuts, cuts[1:]) if line[a:b].strip()]
    return restored


def check_fields(report: Report, fields: dict) -> dict:
    """Titles, publishers and other metadata go through the same repair and flags as the body."""
    checked = dict(fields)
    for name, value in fields.items():
        if not isinstance(value, str):
            continue
        if whole := repair_wrong_codec(value):
            rebuilt, reading = whole
            checked[name] = rebuilt.text
            report.repairs.append(_codec_repair(reading, value, rebuilt, field=name))
            report.flag("mojibake")
        lost = _lost_in([value])
        if lost:
            report.flag("lost_chars")
            report.repairs.append(
                {"flag": "lost_chars", "field": name, "how": "characters destroyed upstream", "count": lost}
            )
    return checked


def check_lines(lines: list[str]) -> Report:
    report = Report(lines=list(lines), received_lost=_lost_in(lines))
    for step in (fix_mojibake, strip_pinyin, count_lost, detect_masking, detect_traditional, detect_flattened):
        step(report)
    return report
