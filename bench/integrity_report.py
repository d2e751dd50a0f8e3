"""The damage checker on real texts nobody here wrote, each damaged programmatically (tests/corpus.py):
per split (tuning / validation, by source text), flag and span (whole text, a few lines, a run of 1-3
characters): precision, recall, wrong characters a repair introduced, and how close repairs come back.

    python bench/integrity_report.py [--tuning-seeds N]

`--tuning-seeds N` draws the damage again at N other seeds on the tuning sources only and prints the recall of
each flag and span over those samples: more cases to tune on, the validation sources left unread.
"""

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from common import machine  # noqa: E402
from corpus import DAMAGE, RANDOM_SEED, SPANS, evaluate, generate, totals  # noqa: E402


def fmt(value) -> str:
    return "–" if value is None else f"{value:.3f}"


def tuning_redrawn(seeds: int) -> None:
    """Recall per flag and span over the damage drawn again at `seeds` other seeds, tuning sources only."""
    counts = Counter()
    for k in range(1, seeds + 1):
        samples = [s for s in generate(RANDOM_SEED + k) if s.source.split == "tuning"]
        for (_, flag, span), s in evaluate(samples).items():
            counts[flag, span, "tp"] += s["tp"]
            counts[flag, span, "fn"] += s["fn"]
            counts[flag, span, "fp"] += s["fp"]
    print(f"\ntuning sources, damage drawn again at {seeds} other seeds:\n")
    print("| flag | span | samples | precision | recall |\n|---|---|---:|---:|---:|")
    for flag in DAMAGE:
        for span in SPANS:
            tp, fn, fp = (counts[flag, span, kind] for kind in ("tp", "fn", "fp"))
            if tp + fn:
                print(f"| {flag} | {span} | {tp + fn} | {tp / max(tp + fp, 1):.3f} | {tp / (tp + fn):.3f} |")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tuning-seeds", type=int, default=0)
    args = parser.parse_args()
    started = time.perf_counter()
    samples = generate()
    stats = evaluate(samples)
    seconds = time.perf_counter() - started
    sources = {s.source.id for s in samples}
    clean = [s for s in samples if s.flag is None]
    print(
        f"{machine()}; {len(samples)} samples from {len(sources)} real source texts "
        f"({len(clean)} of them clean), random seed {RANDOM_SEED}, {seconds:.0f} s"
    )
    for split in ("tuning", "validation"):
        wrong = sum(s["wrong"] for (sp, *_), s in stats.items() if sp == split)
        false_flags = sum(s["fp"] for (sp, _, kind), s in stats.items() if sp == split and kind == "clean")
        clean_texts = sum(1 for s in clean if s.source.split == split)
        print(
            f"\n{split}: wrong characters introduced by repairs: {wrong}; flags raised on {clean_texts} clean texts: "
            f"{false_flags}\n"
        )
        print(
            "| flag | span | samples | precision | recall | wrong chars | lossless similarity | lossy, outside gaps "
            "| gaps beyond lost bytes |"
        )
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for flag in DAMAGE:
            for span in SPANS:
                s = stats.get((split, flag, span))
                if s and s["tp"] + s["fn"]:
                    print(
                        f"| {flag} | {span} | {s['tp'] + s['fn']} | {s['precision']:.3f} | {s['recall']:.3f} | "
                        f"{s['wrong']} |"
                        f" {fmt(s['similarity'])} | {fmt(s['similarity_lossy'])} | {s['excess_gaps']} |"
                    )
            t = totals(stats, split, flag)
            print(
                f"| **{flag}** | all | {t['tp'] + t['fn']} | {t['precision']:.3f} | {t['recall']:.3f} | {t['wrong']} "
                f"| | | |"
            )
    if args.tuning_seeds:
        tuning_redrawn(args.tuning_seeds)


if __name__ == "__main__":
    main()
