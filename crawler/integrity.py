"""Detect, repair where reversible, and flag damage to Chinese text.

Flags (fixed vocabulary): mojibake, lost_chars, pinyin_annotations, masked, traditional_converted,
flattened. Repairs work line by line, so one bad line never blocks the rest, and each is reported.
"""
import re
from dataclasses import dataclass, field

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
SHIFTED_RUN_RE = re.compile(r"\?[^\x00-\x7f]{2,}[\x40-\x7e]?")

LEGIT_OMITTED_RE = re.compile(r"(?:附件|附表|附图|图|表)\s*[0-9一二三四五六七八九十]*\s*[(（]略[)）]")
OMITTED_RE = re.compile(r"[(（]\s*略\s*[)）]")
MASK_STAR_RE = re.compile(rf"(?:(?<=[\s{HAN}，。、；：“”（）()《》〔〕])|^)\*(?=[\s{HAN}，。、；：“”（）()《》〔〕]|$)", re.M)
MIN_MASKS = 3

TRADITIONAL_SHARE = 0.08
MIN_TRADITIONAL = 5

HEADING = r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|\d{1,2}[.．、](?!\d))"
INLINE_HEADING_RE = re.compile(rf"(?<=[。；;：:！？!?])\s*(?={HEADING}[{HAN}])")
LONG_LINE = 500
VERY_LONG_LINE = 1500
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


def _reread(line: str, wrong: str, right: str) -> str | None:
    """Undo one wrong reading, segment by segment around characters already lost."""
    out = []
    for segment in line.split(LOST):
        try:
            raw = segment.encode(wrong)
        except UnicodeEncodeError:
            return None
        out.append(raw.decode(right, "replace"))
    return LOST.join(out)


def repair_wrong_codec(line: str) -> tuple[str, str] | None:
    if line.isascii() or chinese_score(line) >= REPAIRED_SCORE:
        return None
    before = chinese_score(line)
    best = None
    for wrong, right in WRONG_READINGS:
        fixed = _reread(line, wrong, right)
        if fixed is None or not HAN_RE.search(fixed) or fixed.count(LOST) > max(1, len(fixed) // 20) + line.count(LOST):
            continue
        score = chinese_score(fixed)
        if score >= REPAIRED_SCORE and score - before >= MIN_GAIN and (best is None or score > best[2]):
            best = (fixed, f"{right} read as {wrong}", score)
    return best[:2] if best else None


def _realign(run: str) -> str | None:
    """A GBK run read one byte out of step: the leading '?' is a lone byte, the rest shifted by one."""
    try:
        raw = run[1:].encode("gb18030")
    except UnicodeEncodeError:
        return None
    first = bytes([0xA1, raw[0]]).decode("gb18030", "replace")  # most often a full-width space or 。
    first = first if len(first) == 1 and first != LOST else LOST
    rest = raw[1:].decode("gb18030", "replace")
    return first + rest


def repair_shifted_runs(line: str) -> tuple[str, list[str]]:
    repaired = []

    def fix(m):
        run = m.group(0)
        if not any(c in GBK_SYMBOL_ROWS for c in run[1:]) or not HAN_RE.search(run):
            return run
        for candidate in (run, run[:-1]) if run[-1].isascii() else (run,):
            fixed = _realign(candidate)
            if fixed and chinese_score(fixed) >= REPAIRED_SCORE and LOST not in fixed[1:]:
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
    han = "".join(HAN_RE.findall("\n".join(report.lines)))
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


def restore_breaks(lines: list[str]) -> list[str]:
    """Put paragraph breaks back before numbered headings that follow a sentence end."""
    out = []
    for line in lines:
        out.extend(part.strip() for part in INLINE_HEADING_RE.split(line) if part.strip())
    return out


def check_lines(lines: list[str]) -> Report:
    report = Report(lines=list(lines))
    for step in (fix_mojibake, strip_pinyin, count_lost, detect_masking, detect_traditional, detect_flattened):
        step(report)
    return report
