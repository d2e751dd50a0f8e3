"""A generated damage corpus: clean government texts with each kind of damage applied programmatically.

Used by the integrity tests and by `python bench/integrity_report.py`, which prints the README's table.
"""
import random
import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path

from crawler.chars import HAN_RE, to_simplified
from crawler.clean import clean_text

SEEDS = Path(__file__).parent / "fixtures" / "seeds"
SAMPLES_PER_FLAG = 220
RANDOM_SEED = 20261121


@dataclass
class Sample:
    flag: str | None  # the damage applied, None for a clean negative
    original: str
    damaged: str

    @property
    def destroyed_chars(self) -> bool:
        """The damage itself destroyed bytes (a wrong reading with replacement): lost_chars is right too."""
        return self.flag != "lost_chars" and any(self.damaged.count(c) > self.original.count(c) for c in ("?", "\ufffd"))


def clean_sources() -> list[list[str]]:
    """Clean simplified texts, as lists of paragraphs: seed 001 as published, seed 003 converted back."""
    texts = [clean_text((SEEDS / "001_bcec488ebb6b59e7.txt").read_text("utf-8")),
             to_simplified(clean_text((SEEDS / "003_38f7583137ba7a7e.txt").read_text("utf-8")))]
    return [[line for line in t.splitlines() if len(HAN_RE.findall(line)) >= 4 and "?" not in line] for t in texts]


def _window(rng, sources, min_chars=0, lines=(3, 8)):
    while True:
        source = rng.choice(sources)
        n = rng.randint(*lines)
        start = rng.randrange(0, max(1, len(source) - n))
        chunk = source[start:start + n]
        if sum(map(len, chunk)) >= min_chars:
            return chunk


def _pick_lines(rng, lines, share=0.5):
    chosen = [i for i in range(len(lines)) if rng.random() < share]
    return chosen or [rng.randrange(len(lines))]


def _web_1252(raw: bytes) -> str:
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in raw)


WRONG_READINGS = [
    lambda s: s.encode("utf-8").decode("gbk", "replace"),
    lambda s: s.encode("gbk").decode("latin-1"),
    lambda s: _web_1252(s.encode("gbk")),
    lambda s: _web_1252(s.encode("utf-8")),
]


def _read_out_of_step(raw: bytes) -> tuple[str, int]:
    """Read GBK from its second byte until the reader falls back in step; returns text and bytes used."""
    out, i = ["?"], 1
    while i < len(raw) and raw[i] >= 0x80:
        try:
            out.append(raw[i:i + 2].decode("gbk"))
            i += 2
        except UnicodeDecodeError:
            out.append("?")
            i += 1
            break
    return "".join(out), i


def shift_one_byte(line: str, rng) -> str | None:
    """GBK read one byte out of step from a run start, as mirrors do; None where no run stays shifted."""
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=[\x00-\x7f]))[^\x00-\x7f]{4,}", line)]
    for start in rng.sample(starts, len(starts)):
        raw = line[start:].encode("gbk")
        shifted, used = _read_out_of_step(raw)
        if len(shifted.strip("?")) >= 3:
            return line[:start] + shifted + raw[used:].decode("gbk", "replace")
    return None


def mojibake(lines, rng):
    reading = rng.choice(WRONG_READINGS + ["shift"])
    out = list(lines)
    for i in _pick_lines(rng, lines):
        out[i] = (shift_one_byte(lines[i], rng) or WRONG_READINGS[1](lines[i])) if reading == "shift" else reading(lines[i])
    return out


def lost_chars(lines, rng):
    out = list(lines)
    for i in _pick_lines(rng, lines, 0.3):
        chars = list(out[i])
        han = [k for k, c in enumerate(chars) if HAN_RE.match(c) and 0 < k < len(chars) - 1]
        for k in rng.sample(han, min(len(han), rng.randint(1, 3))):
            chars[k] = rng.choice(["?", "\ufffd", "锟斤拷"])
        out[i] = "".join(chars)
    return out


def pinyin_annotations(lines, rng):
    from pypinyin import Style, pinyin

    out = []
    for line in lines:
        marks = pinyin(line, style=Style.TONE, errors=lambda x: [None] * len(x))
        out.append("".join(c + (f"({p[0]})" if p and p[0] and HAN_RE.match(c) and rng.random() < 0.15 else "") for c, p in zip(line, marks)))
    return out


def masked(lines, rng):
    out = []
    for line in lines:
        line = re.sub(r"\d+", lambda m: " * " if rng.random() < 0.6 else m.group(0), line)
        chars = list(line)
        for k in sorted(rng.sample(range(len(chars)), min(len(chars) // 40 + 1, len(chars))), reverse=True):
            if HAN_RE.match(chars[k]):
                chars[k:k + 2] = [" (略) "]
        out.append("".join(chars))
    return out


def traditional_converted(lines, rng):
    import opencc

    s2t = opencc.OpenCC("s2t")
    return [s2t.convert(line) for line in lines]


def flattened(lines, rng):
    return ["".join(lines)]


DAMAGE = {"mojibake": mojibake, "lost_chars": lost_chars, "pinyin_annotations": pinyin_annotations,
          "masked": masked, "traditional_converted": traditional_converted, "flattened": flattened}
REVERSIBLE = {"mojibake", "pinyin_annotations"}


def generate(samples_per_flag: int = SAMPLES_PER_FLAG, seed: int = RANDOM_SEED) -> list[Sample]:
    rng = random.Random(seed)
    sources = clean_sources()
    samples = []
    for flag, damage in DAMAGE.items():
        for _ in range(samples_per_flag):
            lines = _window(rng, sources, min_chars=1000, lines=(6, 14)) if flag == "flattened" else _window(rng, sources)
            samples.append(Sample(flag, "\n".join(lines), "\n".join(damage(lines, rng))))
    for _ in range(samples_per_flag):
        lines = _window(rng, sources, lines=(1, 14))
        samples.append(Sample(None, "\n".join(lines), "\n".join(lines)))
    return samples


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def evaluate(samples: list[Sample]) -> dict:
    """Per-flag precision and recall, and the similarity of repaired text to the original."""
    from crawler.pipeline import process_text

    stats = {flag: {"tp": 0, "fp": 0, "fn": 0, "similar": []} for flag in DAMAGE}
    for sample in samples:
        doc = process_text(sample.damaged)
        for flag in DAMAGE:
            applied, raised = sample.flag == flag, flag in doc.flags
            if flag == "lost_chars" and sample.destroyed_chars:
                continue  # whether a wrong reading's replaced bytes could be recovered is the repair's business
            stats[flag]["tp"] += applied and raised
            stats[flag]["fp"] += raised and not applied
            stats[flag]["fn"] += applied and not raised
        if sample.flag in REVERSIBLE:
            # a wrong reading that replaced bytes with ? or U+FFFD is not fully reversible: reported apart
            key = "similar_lossy" if sample.destroyed_chars else "similar"
            stats[sample.flag].setdefault(key, []).append(similarity(doc.text, clean_text(sample.original)))
    for s in stats.values():
        s["precision"] = s["tp"] / max(s["tp"] + s["fp"], 1)
        s["recall"] = s["tp"] / max(s["tp"] + s["fn"], 1)
        for key in ("similar", "similar_lossy"):
            values = s.get(key) or []
            s[key.replace("similar", "similarity")] = sum(values) / len(values) if values else None
    return stats
