"""Detect, repair where reversible, and flag damage to Chinese text.

Flags (fixed vocabulary): mojibake, lost_chars, pinyin_annotations, masked, traditional_converted,
flattened. Repairs work line by line, so one bad line never blocks the rest, and each is reported.
"""
import re
from dataclasses import dataclass, field
from functools import partial

from .chars import GBK_SYMBOL_ROWS, HAN, HAN_RE, chinese_score, to_simplified

FLAGS = ("mojibake", "lost_chars", "pinyin_annotations", "masked", "traditional_converted", "flattened")
# (how the bytes were wrongly read, what they really were)
WRONG_READINGS = (("gb18030", "utf-8"), ("cp1252", "gb18030"), ("latin-1", "gb18030"), ("cp1252", "utf-8"), ("latin-1", "utf-8"))
REPAIRED_SCORE = 0.9
MIN_GAIN = 0.25
LOST = "\ufffd"

TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
SYLLABLE = rf"[a-zü{TONED}]{{1,6}}"
TONED_SYLLABLE = rf"[a-zü]*[{TONED}][a-zü{TONED}]*"
PINYIN_RE = re.compile(rf"(?<=[{HAN}])(?:[(（]{TONED_SYLLABLE}[)）])+")
PLAIN_PINYIN_RE = re.compile(rf"(?<=[{HAN}])[(（](?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouüv]{{1,3}}(?:ng|n|r)?[)）]")
MIN_TONED_FOR_PLAIN = 2

GARBLED_RE = re.compile("锟斤拷|烫烫烫|屯屯屯")
LOST_QMARK_RE = re.compile(rf"(?<=[{HAN}])\?+(?=[{HAN}])|^\?+(?=[{HAN}，。、])|(?<=[，。、；：])\?+(?=[{HAN}])", re.M)
SHIFTED_RUN_RE = re.compile(r"\?[^\x00-\x7f?]{2,}(?:\?|[\x40-\x7e])?")
GARBLED_SCORE = 0.7  # below this a line reads as garbled: mostly rare characters and symbols

LEGIT_OMITTED_RE = re.compile(r"(?:附件|附表|附图|图|表)\s*[0-9一二三四五六七八九十]*\s*[(（]略[)）]")
OMITTED_RE = re.compile(r"[(（]\s*略\s*[)）]")
MASK_STAR_RE = re.compile(rf"(?:(?<=[\s{HAN}，。、；：“”（）()《》〔〕])|^)\*(?=[\s{HAN}，。、；：“”（）()《》〔〕]|$)", re.M)
MIN_MASKS = 3

TRADITIONAL_SHARE = 0.08
MIN_TRADITIONAL = 5

HEADING = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))"
INLINE_HEADING_RE = re.compile(rf"(?<=[。；;：:！？!?])\s*(?={HEADING}[{HAN}])")
LONG_LINE = 500
VERY_LONG_LINE = 1000
FLAT_SHARE = 0.6


@dataclass
class Report:
    lines: list[str]
    flags: list[str] = field(default_factory=list)
    repairs: list[dict] = field(default_factory=list)
    lost: int = 0

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


# A GBK reader rejects these UTF-8 continuation bytes as lead bytes (0x80, user-defined rows AA-AF):
# each U+FFFD in UTF-8-read-as-GBK text stands for one of them, and the UTF-8 around it tells which.
REJECTED_CONTINUATIONS = bytes([0x80, *range(0xAA, 0xB0)])


def _reread(line: str, wrong: str, right: str) -> str | None:
    """Undo one wrong reading; each character already lost becomes the byte that reads best."""
    try:
        segments = [_encode_as(segment, wrong) for segment in line.split(LOST)]
    except UnicodeEncodeError:
        return None
    if len(segments) == 1 or (wrong, right) != ("gb18030", "utf-8"):
        return LOST.join(segment.decode(right, "replace") for segment in segments)
    chosen = bytearray(segments[0])
    for k, segment in enumerate(segments[1:]):
        rest = b"\x80".join(segments[k + 2:])

        def reads(byte: int) -> float:
            so_far = chosen + bytes([byte]) + segment
            return chinese_score((so_far + rest).decode("utf-8", "replace")) - so_far.decode("utf-8", "replace").count(LOST)

        chosen += bytes([max(REJECTED_CONTINUATIONS, key=reads)]) + segment
    return bytes(chosen).decode("utf-8", "replace")


def repair_wrong_codec(line: str) -> tuple[str, str] | None:
    if line.isascii() or chinese_score(line) >= REPAIRED_SCORE:
        return None
    before = chinese_score(line)
    best = None
    for wrong, right in WRONG_READINGS:
        fixed = _reread(line, wrong, right)
        if fixed is None or not HAN_RE.search(fixed) or fixed.count(LOST) > max(1, len(fixed) // 20) + 2 * line.count(LOST):
            continue
        score = chinese_score(fixed)
        if score >= REPAIRED_SCORE and score - before >= MIN_GAIN and (best is None or score > best[2]):
            best = (fixed, f"{right} read as {wrong}", score)
    return best[:2] if best else None


def _realign(run: str, at_line_start: bool) -> str:
    """A GBK run read one byte out of step: '?' + pairs (trail, next lead) + where it fell back in step.

    The leading '?' is a lead byte whose trail starts the run; a closing '?' is a trail byte read alone,
    after which the reader was back in step; a closing ASCII letter is the trail of the last character.
    """
    closing_lost = run.endswith("?")
    raw = run[1:-1 if closing_lost else None].encode("gb18030")
    # At a paragraph start the lost lead before trail A1 is almost always the full-width indent 　 (A1A1).
    first = "\u3000" if at_line_start and raw[:1] == b"\xa1" else LOST
    return first + raw[1:].decode("gb18030", "replace")  # a lone last lead byte decodes to U+FFFD itself


def repair_shifted_runs(line: str) -> tuple[str, list[str]]:
    repaired = []

    def fix(m):
        run = m.group(0)
        before = chinese_score(run)
        candidates = (run, run[:-1]) if run[-1].isascii() and run[-1] != "?" else (run,)
        for candidate in candidates:
            try:
                fixed = _realign(candidate, m.start() == 0)
            except UnicodeEncodeError:
                return run
            inner = fixed[1:].removesuffix(LOST)  # the ends may be characters the shift destroyed
            after = chinese_score(inner)
            if len(inner) >= 2 and LOST not in inner and after >= REPAIRED_SCORE and after - before >= MIN_GAIN:
                repaired.append(run)
                return fixed + run[len(candidate):]
        return run

    return SHIFTED_RUN_RE.sub(fix, line), repaired


def _halfwidth_like(lines: list[str]):
    """Mirrors that turned full-width punctuation half-width; repaired runs should match them."""
    text = "\n".join(lines)
    if "(" in text and "（" not in text:
        return lambda s: s.replace("（", "(").replace("）", ")").replace("：", ":").replace("；", ";").replace("，", ",")
    return lambda s: s


def fix_mojibake(report: Report) -> None:
    match_style = _halfwidth_like(report.lines)
    for i, line in enumerate(report.lines):
        whole = repair_wrong_codec(line)
        if whole:
            report.lines[i] = whole[0]
            report.repairs.append({"flag": "mojibake", "line": i + 1, "how": whole[1], "before": line[:80], "after": whole[0][:80]})
            report.flag("mojibake")
            continue
        fixed, runs = repair_shifted_runs(line)
        if runs:
            fixed = match_style(fixed)
            report.lines[i] = fixed
            report.repairs.append({"flag": "mojibake", "line": i + 1, "how": "gb18030 read one byte out of step", "before": line[:80], "after": fixed[:80]})
            report.flag("mojibake")
        elif any(c in GBK_SYMBOL_ROWS for c in _han_context(line)):
            report.flag("mojibake")


def _han_context(line: str) -> str:
    """Characters of the GBK symbol rows standing between Han characters (not inside pinyin)."""
    return "".join(m.group(1) for m in re.finditer(rf"(?<=[{HAN}])([^\x00-\x7f{HAN}])(?=[{HAN}])", line))


def strip_pinyin(report: Report) -> None:
    text = "\n".join(report.lines)
    toned = len(PINYIN_RE.findall(text))
    if not toned:
        return
    count = 0
    for i, line in enumerate(report.lines):
        line, n = PINYIN_RE.subn("", line)
        if toned >= MIN_TONED_FOR_PLAIN:
            line, m = PLAIN_PINYIN_RE.subn("", line)
            n += m
        count += n
        report.lines[i] = line
    report.flag("pinyin_annotations")
    report.repairs.append({"flag": "pinyin_annotations", "how": "removed pinyin after characters", "count": count})


def count_lost(report: Report) -> None:
    text = "\n".join(report.lines)
    lost = len(GARBLED_RE.findall(text)) + text.count(LOST) + sum(len(m) for m in LOST_QMARK_RE.findall(text))
    if lost:
        report.lost = lost
        report.flag("lost_chars")
        report.repairs.append({"flag": "lost_chars", "how": "characters destroyed upstream; not repairable", "count": lost})


def detect_masking(report: Report) -> None:
    text = "\n".join(report.lines)
    omitted = len(OMITTED_RE.findall(text)) - len(LEGIT_OMITTED_RE.findall(text))
    stars = len(MASK_STAR_RE.findall(text))
    if omitted + stars >= MIN_MASKS:
        report.flag("masked")
        report.repairs.append({"flag": "masked", "how": "words replaced by (略) or *; not restored", "count": omitted + stars})


def detect_traditional(report: Report) -> None:
    # Lines still garbled by a wrong codec are full of traditional-looking characters: leave them out.
    readable = [line for line in report.lines if chinese_score(line) >= GARBLED_SCORE]
    han = "".join(HAN_RE.findall("\n".join(readable)))
    changed = sum(1 for a, b in zip(han, to_simplified(han)) if a != b)
    if changed >= MIN_TRADITIONAL and changed / max(len(han), 1) >= TRADITIONAL_SHARE:
        report.flag("traditional_converted")


def detect_flattened(report: Report) -> None:
    han_total = sum(len(HAN_RE.findall(line)) for line in report.lines)
    for line in report.lines:
        headings = len(INLINE_HEADING_RE.findall(line))
        share = len(HAN_RE.findall(line)) / max(han_total, 1)
        if (len(line) >= LONG_LINE and headings >= 2 and share >= FLAT_SHARE) or len(line) >= VERY_LONG_LINE:
            report.flag("flattened")
            return


def _numerals(n: int) -> str:
    digits = "一二三四五六七八九"
    tens, units = divmod(n, 10)
    return (digits[tens - 1] if tens > 1 else "") + ("十" if tens else "") + (digits[units - 1] if units else "")


NUMERALS = [_numerals(n) for n in range(1, 40)]
HEADING_STYLES = (lambda k: f"{NUMERALS[k]}、", lambda k: f"({NUMERALS[k]})")


def _split_numbered_sequence(text: str, style) -> list[str]:
    """Break before the next heading of a running sequence (一、 then 二、 ...), wherever it stands."""
    parts, k, start = [], 0, 0
    while k < len(NUMERALS) and (at := text.find(marker := style(k), start)) >= 0:
        if HAN_RE.match(text[at + len(marker):at + len(marker) + 1]) and at > 0:
            parts.append(text[:at])
            text, start = text[at:], len(marker)
        else:
            start = at + len(marker)
        k += 1
    return parts + [text]


def restore_breaks(lines: list[str]) -> list[str]:
    """Put paragraph breaks back before numbered headings: after a sentence end, or next in a running sequence."""
    for split in (INLINE_HEADING_RE.split, *(partial(_split_numbered_sequence, style=style) for style in HEADING_STYLES)):
        lines = [part.strip() for line in lines for part in split(line) if part.strip()]
    return lines


def check_lines(lines: list[str]) -> Report:
    report = Report(lines=list(lines))
    for step in (fix_mojibake, strip_pinyin, count_lost, detect_masking, detect_traditional, detect_flattened):
        step(report)
    return report
