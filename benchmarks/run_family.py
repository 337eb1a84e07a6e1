"""A run's own verdicts - model against model in both modes, each model's RAG uplift - Holm over every member
(before) or the units tested jointly on their shared cases, Holm across the units (`results.aggregate.holm_verdicts`
with flips, `stats.stepdown`; now). Family-wise false alarms under no difference, and power where one model truly
loses (pairs) or RAG truly helps every model (uplifts).

Per case a level is drawn (the case's difficulty, 20-80) and each answer is level + noise (sd 20), clipped to
0-100 and rounded to whole points; a loss subtracts `--fall` points in both modes from model b's answers, an uplift
adds `--rise` to every model's RAG answers.

    .venv/bin/python benchmarks/run_family.py [--reps 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.results.aggregate import holm_verdicts  # noqa: E402
from pytest_llmeval.stats import paired_difference  # noqa: E402
from pytest_llmeval.stats.intervals import wilson_score_bounds  # noqa: E402


def _answers(rng: np.random.Generator, levels: np.ndarray, shift: float = 0.0) -> np.ndarray:
    return np.clip(levels + rng.normal(0.0, 20.0, size=levels.shape) + shift, 0.0, 100.0).round()


def _decide(diffs: dict, flips: dict, units: dict | None) -> tuple[set, set]:
    """(called before: Holm over every member, called now: joint within units, Holm across them)."""
    old = {k for k, v in holm_verdicts(diffs).items() if v["significant_holm"]}
    new = {k for k, v in holm_verdicts(diffs, flips=flips, units=units).items() if v["significant_holm"]}
    return old, new


def pairs(rng: np.random.Generator, n: int, models: int, fall: float) -> tuple[bool, bool]:
    """Models x 2 modes, every pair in each mode; model 1 falls by `fall` (0: none). Any call (fall 0) or the fallen
    model found in both modes against model 0 (fall > 0), before and now."""
    levels = rng.uniform(20.0, 80.0, size=n)
    scores = {
        (m, mode): _answers(rng, levels, -fall if m == 1 else 0.0) for m in range(models) for mode in ("norag", "rag")
    }
    diffs, flips = {}, {}
    for a in range(models):
        for b in range(a + 1, models):
            for mode in ("norag", "rag"):
                d = scores[(b, mode)] - scores[(a, mode)]
                diffs[(a, b, mode)] = paired_difference(scores[(a, mode)].tolist(), scores[(b, mode)].tolist())
                flips[(a, b, mode)] = {f"q{i}": float(x) for i, x in enumerate(d)}
    old, new = _decide(diffs, flips, {k: k[:2] for k in diffs})
    if fall == 0:
        return bool(old), bool(new)
    target = {(0, 1, "norag"), (0, 1, "rag")}
    return target <= old, target <= new


def uplifts(rng: np.random.Generator, n: int, models: int, rise: float) -> tuple[bool, bool]:
    """Each model's RAG uplift over the same n cases; every model rises by `rise` (0: none). Any call (rise 0) or
    every model found (rise > 0), before and now."""
    levels = rng.uniform(20.0, 80.0, size=n)
    diffs, flips = {}, {}
    for m in range(models):
        before, after = _answers(rng, levels), _answers(rng, levels, rise)
        diffs[m] = paired_difference(before.tolist(), after.tolist())
        flips[m] = {f"q{i}": float(x) for i, x in enumerate(after - before)}
    old, new = _decide(diffs, flips, None)
    if rise == 0:
        return bool(old), bool(new)
    return len(old) == models, len(new) == models


def _rate(hits: np.ndarray) -> str:
    """A share of the simulated runs with its 95% Wilson interval: `0.046 [0.035, 0.061]`."""
    low, high = wilson_score_bounds(int(hits.sum()), len(hits))
    return f"{hits.mean():.3f} [{low:.3f}, {high:.3f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=1000)
    parser.add_argument("--fall", type=float, default=30.0)
    parser.add_argument("--rise", type=float, default=20.0)
    args = parser.parse_args()
    rng = np.random.default_rng(5)
    start = time.perf_counter()
    print(
        f"{args.reps} simulated runs per row (rates with their 95% Wilson interval); answers = case level (20-80) + "
        "N(0, 20), whole points in 0-100"
    )
    print("| family | n | FWER Holm | FWER now | power Holm | power now |")
    print("|---|---|---|---|---|---|")
    for label, fn, size, effect in (
        ("pairs, 2 models x 2 modes", pairs, 2, args.fall),
        ("pairs, 3 models x 2 modes", pairs, 3, args.fall),
        ("RAG uplifts, 3 models", uplifts, 3, args.rise),
        ("RAG uplifts, 4 models", uplifts, 4, args.rise),
    ):
        for n in (6, 8, 14):
            null = np.array([fn(rng, n, size, 0.0) for _ in range(args.reps)])
            alt = np.array([fn(rng, n, size, effect) for _ in range(args.reps)])
            cells = [_rate(null[:, 0]), _rate(null[:, 1]), _rate(alt[:, 0]), _rate(alt[:, 1])]
            print(f"| {label} | {n} | " + " | ".join(cells) + " |")
    print(f"power: pairs - the fallen model ({args.fall:g} points) found in both modes; uplifts - every model found")
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
