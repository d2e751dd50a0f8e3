"""The damage corpus: real clean government texts with each kind of damage applied programmatically,
to whole texts and to partial spans (a few lines, one line, a short run of 1-3 characters).

Sources are real documents nobody here wrote: 500 texts of laws, regulations and notices
(texts/texts.jsonl of the real corpus, found beside the checkout as tests/realpages.py says), the gold
texts of the real-page corpus, and the seeds. A third of the source texts, chosen by a hash of their id, is the
validation split: no threshold is tuned on it, and it is reported apart.

Used by the integrity tests and by `python bench/integrity_report.py`, which prints the README's table.
"""

import functools
import hashlib
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from realpages import corpus_file

from crawler.chars import HAN_RE, to_simplified
from crawler.clean import clean_text
from crawler.lostbytes import LOST

FIXTURES = Path(__file__).parent / "fixtures"
GOLD = FIXTURES / "real" / "gold"
SEEDS = FIXTURES / "seeds"
RANDOM_SEED = 20261202
SPANS = ("whole", "lines", "run")
VALIDATION_SHARE = 3  # one source in three
MAX_TEXT = 20000
MIN_DAMAGED = 600


@dataclass
class Source:
    id: str
    lines: list[str]

    @property
    def split(self) -> str:
        digest = hashlib.sha1(self.id.encode("utf-8")).digest()
        return "validation" if digest[0] % VALIDATION_SHARE == 0 else "tuning"


@dataclass
class Sample:
    source: Source
    flag: str | None  # the damage applied, None for a clean text
    span: str  # whole, lines or run
    original: str
    damaged: str
    lossy: bool = False  # the damage replaced bytes by U+FFFD: not every character can come back

    @property
    def replaced(self) -> int:
        """Bytes the damage itself replaced: each U+FFFD or '?' it added stands for one."""
        return sum(self.damaged.count(mark) - self.original.count(mark) for mark in (LOST, "?"))


def _usable(line: str) -> bool:
    return bool(HAN_RE.search(line)) and "?" not in line and LOST not in line


def sources() -> list[Source]:
    found = []
    if texts := corpus_file("texts/texts.jsonl"):
        for row in map(json.loads, texts.read_text("utf-8").splitlines()):
            found.append(Source(f"text:{row['id']}", row["text"].split("\n")))
    for gold in sorted(GOLD.glob("*.json")):
        page = json.loads(gold.read_text("utf-8"))
        if not page.get("flags"):  # a page served damaged (in traditional script) is no clean source
            found.append(Source(f"page:{page['id']}", page["text"].split("\n")))
    found.append(Source("seed:001", clean_text((SEEDS / "001_bcec488ebb6b59e7.txt").read_text("utf-8")).split("\n")))
    found.append(
        Source(
            "seed:003", to_simplified(clean_text((SEEDS / "003_38f7583137ba7a7e.txt").read_text("utf-8"))).split("\n")
        )
    )
    kept = []
    for source in found:
        lines = [line for line in source.lines if line.strip()]
        if (
            lines
            and all(map(_usable, [line for line in lines if HAN_RE.search(line)]))
            and sum(map(len, lines)) <= MAX_TEXT
        ):
            kept.append(Source(source.id, lines))
    return kept


# --- wrong readings -------------------------------------------------------------------------------


def _web_1252(raw: bytes) -> str:
    """A browser's Windows-1252: its five undefined bytes pass through as C1 controls."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


# name -> (reading, loses bytes)
READINGS = {
    "utf-8 as gbk, replaced": (lambda s: s.encode("utf-8").decode("gbk", "replace"), True),
    "utf-8 as gb18030": (lambda s: s.encode("utf-8").decode("gb18030", "replace"), True),
    "gbk as latin-1": (lambda s: s.encode("gb18030").decode("latin-1"), False),
    "gbk as cp1252": (lambda s: _web_1252(s.encode("gb18030")), False),
    "utf-8 as cp1252": (lambda s: _web_1252(s.encode("utf-8")), False),
    "utf-8 as cp1252, replaced": (lambda s: s.encode("utf-8").decode("cp1252", "replace"), True),
}


def _read_out_of_step(raw: bytes) -> tuple[str, int]:
    """Read GBK from its second byte until the reader falls back in step; returns text and bytes used."""
    out, i = ["?"], 1
    while i < len(raw) and raw[i] >= 0x80:
        try:
            out.append(raw[i : i + 2].decode("gbk"))
            i += 2
        except UnicodeDecodeError:
            out.append("?")
            i += 1
            break
    return "".join(out), i


def shift_one_byte(line: str, rng, min_run: int = 1) -> str | None:
    """GBK read one byte out of step from a run start, as mirrors do; None where no run stays shifted."""
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=[\x00-\x7f]))[^\x00-\x7f]{4,}", line)]
    for start in rng.sample(starts, len(starts)):
        raw = line[start:].encode("gbk", "replace")
        shifted, used = _read_out_of_step(raw)
        if len(shifted.strip("?")) >= min_run:
            return line[:start] + shifted + raw[used:].decode("gbk", "replace")
    return None


# --- spans ----------------------------------------------------------------------------------------


def _some_lines(rng, lines: list[str]) -> list[int]:
    """One line, or a few consecutive ones."""
    n = min(len(lines), rng.choice([1, 1, 2, 3, 4]))
    start = rng.randrange(0, len(lines) - n + 1)
    return list(range(start, start + n))


def _han_run(rng, line: str, length: int) -> tuple[int, int] | None:
    spots = [m.start() for m in re.finditer(rf"(?=[\u4e00-\u9fff]{{{length}}})", line)]
    if not spots:
        return None
    start = rng.choice(spots)
    return start, start + length


def _apply(lines, rng, span: str, damage_line) -> list[str] | None:
    """Damage the whole text, some lines, or one short run of Han characters in one line."""
    if span == "whole":
        return [damage_line(line) for line in lines]
    if span == "lines":
        chosen = set(_some_lines(rng, lines))
        return [damage_line(line) if i in chosen else line for i, line in enumerate(lines)]
    candidates = [i for i, line in enumerate(lines) if len(HAN_RE.findall(line)) >= 8]
    if not candidates:
        return None
    i = rng.choice(candidates)
    where = _han_run(rng, lines[i], rng.randint(1, 3))
    if where is None:
        return None
    a, b = where
    out = list(lines)
    out[i] = lines[i][:a] + damage_line(lines[i][a:b]) + lines[i][b:]
    return out


# --- damage kinds ---------------------------------------------------------------------------------


def mojibake(lines, rng, span):
    name = rng.choice(sorted(READINGS))
    reading, lossy = READINGS[name]
    if span == "run" and rng.random() < 0.25:
        out = list(lines)
        i = rng.randrange(len(lines))
        shifted = shift_one_byte(lines[i], rng)
        if shifted is None:
            return None, False
        out[i] = shifted
        return out, True
    out = _apply(lines, rng, span, reading)
    if out is None or out == lines:
        return None, False
    return out, lossy and any(LOST in line for line in out)


def lost_chars(lines, rng, span):
    marker = rng.choice(["?", LOST, "锟斤拷"])

    def lose(text):
        chars = list(text)
        han = [k for k, c in enumerate(chars) if HAN_RE.match(c)]
        for k in rng.sample(han, min(len(han), rng.randint(1, 3))) if span != "run" else han:
            chars[k] = marker
        return "".join(chars)

    if span == "whole":
        chosen = {i for i in range(len(lines)) if rng.random() < 0.3} or {rng.randrange(len(lines))}
        return [lose(line) if i in chosen else line for i, line in enumerate(lines)], False
    return _apply(lines, rng, span, lose), False


def pinyin_annotations(lines, rng, span):
    from pypinyin import Style, pinyin

    def annotate(text):
        marks = pinyin(text, style=Style.TONE, errors=lambda x: [None] * len(x))
        share = 1.0 if span == "run" else 0.15
        return "".join(
            c + (f"({p[0]})" if p and p[0] and HAN_RE.match(c) and rng.random() < share else "")
            for c, p in zip(text, marks)
        )

    return _apply(lines, rng, span, annotate), False


def masked(lines, rng, span):
    def mask(text):
        text = re.sub(r"\d+", lambda m: "*" if rng.random() < 0.6 else m.group(0), text)
        chars = list(text)
        for k in sorted(rng.sample(range(len(chars)), min(len(chars) // 30 + 3, len(chars))), reverse=True):
            if HAN_RE.match(chars[k]):
                chars[k : k + 2] = ["(略)"]
        return "".join(chars)

    return (_apply(lines, rng, span, mask) if span != "run" else None), False


@functools.cache
def _s2t():
    import opencc

    return opencc.OpenCC("s2t")  # built once: each OpenCC("s2t") loads its 27 MiB of dictionaries again


def traditional_converted(lines, rng, span):
    return ([_s2t().convert(line) for line in lines] if span == "whole" else None), False


HEADING_LINE_RE = re.compile(
    r"(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十百零]{1,5}条[\s\u3000])"
)


def _heading_lines(lines) -> list[int]:
    return [i for i, line in enumerate(lines) if HEADING_LINE_RE.match(line)]


def flattened(lines, rng, span):
    """Paragraph breaks lost: the whole text run together, or a few lines that hold two numbered headings
    (where no heading stands, lost breaks leave no trace to find)."""
    headings = _heading_lines(lines)
    if len(headings) < 2 or span == "run":
        return None, False
    if span == "whole":
        return ["".join(lines)], False
    k = rng.randrange(len(headings) - 1)
    start = max(0, headings[k] - rng.randint(0, 2))
    end = min(len(lines), headings[k + 1] + 1 + rng.randint(0, 2))
    return lines[:start] + ["".join(lines[start:end])] + lines[end:], False


DAMAGE = {
    "mojibake": mojibake,
    "lost_chars": lost_chars,
    "pinyin_annotations": pinyin_annotations,
    "masked": masked,
    "traditional_converted": traditional_converted,
    "flattened": flattened,
}
REVERSIBLE = {"mojibake", "pinyin_annotations"}


def generate(seed: int = RANDOM_SEED, target: int = MIN_DAMAGED) -> list[Sample]:
    """Every source once clean, and about `target` damaged samples spread over the sources (at least two
    each), kinds and spans drawn in turn."""
    rng = random.Random(seed)
    samples = []
    plan = [(flag, span) for flag in DAMAGE for span in SPANS]
    turn = 0
    found = sources()
    per_source = max(2, -(-target // max(len(found), 1)))
    for source in found:
        original = "\n".join(source.lines)
        samples.append(Sample(source, None, "whole", original, original))
        for _ in range(per_source):
            for _attempt in range(len(plan)):
                flag, span = plan[turn % len(plan)]
                turn += 1
                damaged, lossy = DAMAGE[flag](list(source.lines), rng, span)
                if damaged and "\n".join(damaged) != original:
                    samples.append(Sample(source, flag, span, original, "\n".join(damaged), lossy))
                    break
    return samples


# --- evaluation -----------------------------------------------------------------------------------


def similarity(a: str, b: str) -> float:
    if a == b:  # most repairs: the ratio is 1.0, without SequenceMatcher's quadratic search over 20,000 characters
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def wrong_characters(original: str, damaged: str, repaired: str) -> int:
    """Characters in the repaired text that are neither the original's nor a U+FFFD gap: what a repair wrote
    that the bytes did not justify. Each repaired line is compared with the original and damaged line it came
    from (the cleaner may have dropped a line in between); lines of equal length place by place, other lines
    as multisets of characters, less what the damaged line already held (damage left as it was is not a
    repair's invention); whitespace aside, before lengths are compared (a line whose 　　 the cleaner made one
    space and whose one character a damage made two is not the same length by place)."""
    wrong = 0
    for triple in _paired_lines(original.split("\n"), damaged.split("\n"), repaired.split("\n")):
        before, damaged_line, after = ("".join(line.split()) for line in triple)  # the cleaner collapses spaces
        if len(before) == len(after):
            left = damaged_line if len(damaged_line) == len(after) else ""  # damage of the same length, left in place
            wrong += sum(
                1 for i, (a, b) in enumerate(zip(before, after)) if a != b and b != LOST and not (left and left[i] == b)
            )
            continue
        wrong += _held_by_neither(after, before, damaged_line)
    return wrong


def invented_characters(sample: Sample, repaired: str) -> int:
    """Characters of the repaired text that neither the original nor the damaged text holds (whole texts, as
    multisets): for damage that joins, splits or drops lines, where lines cannot be paired one to one."""
    return _held_by_neither(repaired, sample.original, sample.damaged)


def _held_by_neither(repaired: str, original: str, damaged: str) -> int:
    """As multisets, gaps and whitespace aside: characters of `repaired` beyond those of the other two."""

    def chars(text: str) -> Counter:
        return _visible(text.replace(LOST, ""))

    return sum((chars(repaired) - chars(original) - chars(damaged)).values())


def _visible(text: str) -> Counter:
    return Counter(c for c in text if not c.isspace())


PAIRING_WINDOW = 4  # lines ahead where a repaired line's source may be, past lines the cleaner dropped


def _paired_lines(original: list[str], damaged: list[str], repaired: list[str]):
    """(original, damaged, repaired) line triples: each repaired line with the nearest following source line
    it shares the most characters with. Damage that keeps lines keeps original and damaged lines in step."""
    if len(original) != len(damaged):
        yield from zip(original, damaged, repaired)
        return
    i = 0
    for line in repaired:
        window = range(i, min(i + PAIRING_WINDOW, len(original)))
        if not window:
            return
        if "".join(line.split()) == "".join(original[i].split()):  # shares all it has with the first: best
            yield original[i], damaged[i], line
            i += 1
            continue
        shared = _visible(line)  # spaces aside, as compared: the cleaner writes 　 as a space
        best = max(window, key=lambda k: (sum((shared & _visible(original[k] + damaged[k])).values()), -k))
        yield original[best], damaged[best], line
        i = best + 1


def outside_gaps(original: str, repaired: str) -> float:
    """Similarity with each U+FFFD gap counted as standing for one original character."""
    gaps = repaired.count(LOST)
    matched = sum(size for *_, size in SequenceMatcher(None, original, repaired, autojunk=False).get_matching_blocks())
    total = len(original) + len(repaired) - 2 * gaps
    return 1.0 if total <= 0 else min(1.0, 2 * matched / total)


def evaluate(samples: list[Sample]) -> dict:
    """Per split, flag and span: precision and recall; for repairs, wrong characters and similarity."""
    from crawler.pipeline import process_text

    stats: dict = {}

    def cell(split, flag, span):
        return stats.setdefault(
            (split, flag, span),
            {"tp": 0, "fp": 0, "fn": 0, "similar": [], "similar_lossy": [], "wrong": 0, "excess_gaps": 0},
        )

    for sample in samples:
        doc = process_text(sample.damaged)
        split = sample.source.split
        for flag in DAMAGE:
            applied, raised = sample.flag == flag, flag in doc.flags
            if flag == "lost_chars" and sample.flag != "lost_chars" and (sample.replaced > 0 or "?" in sample.damaged):
                continue  # a wrong reading that replaced bytes has lost characters too: either answer is right
            span = sample.span if applied else "clean" if sample.flag is None else "other damage"
            if applied or raised:
                s = cell(split, flag, sample.span if applied else span)
                s["tp"] += applied and raised
                s["fn"] += applied and not raised
                s["fp"] += raised and not applied
        if sample.flag is not None and sample.flag not in REVERSIBLE:
            cell(split, sample.flag, sample.span)["wrong"] += invented_characters(sample, doc.text)
        if sample.flag in REVERSIBLE:
            expected = clean_text(sample.original)
            s = cell(split, sample.flag, sample.span)
            s["wrong"] += wrong_characters(sample.original, sample.damaged, doc.text)  # line for line with the damage
            if sample.lossy:
                s["similar_lossy"].append(outside_gaps(expected, doc.text))
                s["excess_gaps"] += max(0, doc.text.count(LOST) - sample.replaced - expected.count(LOST))
            else:
                s["similar"].append(similarity(doc.text, expected))
    for s in stats.values():
        s["precision"] = s["tp"] / max(s["tp"] + s["fp"], 1)
        s["recall"] = s["tp"] / max(s["tp"] + s["fn"], 1)
        for key in ("similar", "similar_lossy"):
            values = s.pop(key)
            s[key.replace("similar", "similarity")] = sum(values) / len(values) if values else None
    return stats


def totals(stats: dict, split: str, flag: str) -> dict:
    """One flag over every span of a split: false positives come from clean texts and other damage."""
    rows = [s for (sp, f, _), s in stats.items() if sp == split and f == flag]
    tp, fp, fn = (sum(r[k] for r in rows) for k in ("tp", "fp", "fn"))
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "precision": tp / max(tp + fp, 1),
        "recall": tp / max(tp + fn, 1),
        "wrong": sum(r["wrong"] for r in rows),
    }
