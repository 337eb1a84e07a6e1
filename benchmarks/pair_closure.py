"""A run's model pairs with three models: Holm across the pairs (a pair's modes jointly, `stepdown`; before) against
the closed test over the groupings of the models (`stats.closed_pairs` via `results.aggregate.pair_verdicts`; now).
Family-wise false alarms (any true equality called a difference) and power, with 95% Wilson intervals.

Per case a level is drawn (20-80) and each answer is level + N(0, 20), clipped to 0-100, whole points. Scenarios:
"none" - the three models equal; "one falls" - model a `--fall` points lower in every mode (power: a found worse
than both others in every mode); "one pair" - model c `--fall` points higher in the first mode only (power: b-c
found in that mode; a-b must stay equal).

    .venv/bin/python benchmarks/pair_closure.py [--reps 200] [--draws 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.results.aggregate import holm_verdicts, pair_verdicts  # noqa: E402
from pytest_llmeval.stats import paired_difference  # noqa: E402
from pytest_llmeval.stats.intervals import wilson_score_bounds  # noqa: E402

Key = tuple[str, str, str]


def _run(rng: np.random.Generator, n: int, modes: tuple[str, ...], shifts: dict[tuple[str, str], float]):
    levels = rng.uniform(20.0, 80.0, size=n)
    scores = {
        (m, mode): np.clip(levels + rng.normal(0.0, 20.0, n) + shifts.get((m, mode), 0.0), 0.0, 100.0).round()
        for m in "abc"
        for mode in modes
    }
    diffs, flips = {}, {}
    for a, b in (("a", "b"), ("a", "c"), ("b", "c")):
        for mode in modes:
            key = (a, b, mode)
            diffs[key] = paired_difference(scores[(a, mode)].tolist(), scores[(b, mode)].tolist())
            flips[key] = {f"q{i:02d}": float(x) for i, x in enumerate(scores[(b, mode)] - scores[(a, mode)])}
    return diffs, flips


def _rate(hits: list[bool]) -> str:
    low, high = wilson_score_bounds(int(sum(hits)), len(hits))
    return f"{np.mean(hits):.3f} [{low:.3f}, {high:.3f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=200)
    parser.add_argument("--draws", type=int, default=1000, help="drawn relabellings per grouping (the report: 4,000)")
    parser.add_argument("--fall", type=float, default=30.0)
    args = parser.parse_args()
    start = time.perf_counter()
    print(f"{args.reps} simulated runs per row, 3 models; rates with their 95% Wilson interval")
    print("| scenario | modes | n | FWER Holm | FWER closed | power Holm | power closed |")
    print("|---|---|---|---|---|---|---|")
    rng = np.random.default_rng(7)
    for scenario in ("none", "one falls", "one pair"):
        for modes in (("norag",), ("norag", "rag")):
            for n in (6, 8, 14):
                if scenario == "none":
                    shifts: dict[tuple[str, str], float] = {}
                elif scenario == "one falls":
                    shifts = {("a", mode): -args.fall for mode in modes}
                else:
                    shifts = {("c", modes[0]): args.fall}
                differ = {
                    key
                    for key in ((a, b, m) for a, b in (("a", "b"), ("a", "c"), ("b", "c")) for m in modes)
                    if shifts.get((key[0], key[2]), 0.0) != shifts.get((key[1], key[2]), 0.0)
                }
                target = differ if scenario != "one pair" else {("b", "c", modes[0])}
                cells: dict[str, tuple[list[bool], list[bool]]] = {"holm": ([], []), "closed": ([], [])}
                for _ in range(args.reps):
                    diffs, flips = _run(rng, n, modes, shifts)
                    holm = holm_verdicts(diffs, flips=flips, units={key: key[:2] for key in diffs})
                    closed = pair_verdicts(diffs, flips, draws=args.draws)
                    for name, family in (("holm", holm), ("closed", closed)):
                        called = {key for key, v in family.items() if v["significant_holm"]}
                        cells[name][0].append(bool(called - differ))
                        cells[name][1].append(target <= called)
                power = [_rate(cells[name][1]) if scenario != "none" else "-" for name in ("holm", "closed")]
                row = [scenario, str(len(modes)), str(n), _rate(cells["holm"][0]), _rate(cells["closed"][0]), *power]
                print("| " + " | ".join(row) + " |", flush=True)
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
