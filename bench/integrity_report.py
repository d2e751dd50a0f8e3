"""Per-flag precision and recall of the damage checker over the generated corpus (README table).

Run: python bench/integrity_report.py
"""
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from corpus import RANDOM_SEED, evaluate, generate  # noqa: E402


def main():
    started = time.perf_counter()
    samples = generate()
    stats = evaluate(samples)
    seconds = time.perf_counter() - started
    print(f"{len(samples)} samples (random seed {RANDOM_SEED}), {seconds:.1f} s on {platform.machine()} {platform.python_version()}")
    print("| flag | samples | precision | recall | repaired similarity (lossless / lossy) |")
    print("|---|---|---|---|---|")
    for flag, s in stats.items():
        sim = " / ".join("–" if s.get(k) is None else f"{s[k]:.3f}" for k in ("similarity", "similarity_lossy"))
        print(f"| {flag} | {s['tp'] + s['fn']} | {s['precision']:.3f} | {s['recall']:.3f} | {sim} |")


if __name__ == "__main__":
    main()
