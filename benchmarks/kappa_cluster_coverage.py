"""Kappa (judge agreement) with --llm-repeat: is the case the unit? Coverage of the 95% interval of Cohen's kappa
when each case is asked several times and its answers are mostly alike.

Simulated suites: n cases x r repeats. Each case draws one (keyword pass, judge pass) pair from a 2x2 table with
pass rate p for both raters and true kappa k; each of its r answers keeps that pair, or with chance `redraw`
draws its own from the same table (so every answer has the 2x2 table as its distribution: the true answer-level
kappa is k, and answers of one case are correlated). For each suite, `cohen_kappa` over the answers as units
(what the report did before: n = answers) and with `clusters` (the case the unit: its answers resampled together
and the agreement's interval over cases). Suites with no interval (too little variation) are not counted; the
share with one is printed.

    .venv/bin/python benchmarks/kappa_cluster_coverage.py [--reps 300] [--resamples 400] [--repeats 3]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.stats import cohen_kappa  # noqa: E402


def suite(rng: np.random.Generator, n: int, r: int, probs: list[float], redraw: float) -> tuple[list, list, list]:
    case_cells = rng.choice(4, size=n, p=probs)
    cells = np.where(rng.random((n, r)) < redraw, rng.choice(4, size=(n, r), p=probs), case_cells[:, None])
    flat = cells.ravel()
    ids = np.repeat(np.arange(n), r).tolist()
    return [bool(c in (0, 1)) for c in flat], [bool(c in (0, 2)) for c in flat], ids


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=300)
    parser.add_argument("--resamples", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--redraw", type=float, default=0.2)
    parser.add_argument("--pass-rate", type=float, default=0.6)
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 8, 14, 30])
    parser.add_argument("--kappas", type=float, nargs="+", default=[0.5, 0.7, 0.9])
    args = parser.parse_args()
    rng = np.random.default_rng(7)
    p = args.pass_rate
    start = time.perf_counter()
    print(
        f"pass rate {p} for both raters, {args.repeats} repeats per case, an answer redrawn with chance {args.redraw}; "
        f"{args.reps} suites per row, {args.resamples} bootstrap resamples"
    )
    print(f"{'n cases':>7} {'kappa':>5} {'with CI':>7} {'answers as units':>16} {'case the unit':>13}")
    for n in args.sizes:
        for kappa in args.kappas:
            both = p * p + kappa * p * (1 - p)
            probs = [both, p - both, p - both, 1 - 2 * p + both]
            old = new = counted = 0
            for _ in range(args.reps):
                x, y, ids = suite(rng, n, args.repeats, probs, args.redraw)
                seed = int(rng.integers(1 << 30))
                by_case = cohen_kappa(x, y, resamples=args.resamples, seed=seed, clusters=ids)
                by_answer = cohen_kappa(x, y, resamples=args.resamples, seed=seed)
                if None in (by_case.low, by_case.high, by_answer.low, by_answer.high):
                    continue
                counted += 1
                old += by_answer.low <= kappa <= by_answer.high  # type: ignore[operator]
                new += by_case.low <= kappa <= by_case.high  # type: ignore[operator]
            share = counted / args.reps
            print(
                f"{n:>7} {kappa:>5} {share:>7.0%} {old / max(counted, 1):>16.3f} {new / max(counted, 1):>13.3f}",
                flush=True,
            )
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
