"""Item: a suite whose scores are all 0 or 100 is a pass rate - which interval for its mean score?

Before, `stats.mean_ci` gave such a suite Wilson's score interval (the quasi-binomial interval with dispersion 1) while
the pass rate of the same cases got the mid-p exact interval (`stats.wilson`), so one suite printed two intervals for
one proportion. This table is exact, not simulated: for each true rate p on a grid of 5-95% (step 0.0005) the
coverage is the binomial probability of the k (hundreds among n scores) whose interval holds 100 p. Columns per
method: mean and lowest coverage over the grid, the share of the grid covered less than 0.93 and more than 0.97,
and the mean expected width (points). "mean_ci now" is what `stats.mean_ci` gives today, so the table also checks
the implementation.

    .venv/bin/python benchmarks/binary_mean_interval_coverage.py [--sizes 6 8 14 30] [--step 0.0005]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
from scipy.stats import binom

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.stats import mean_ci, wilson  # noqa: E402
from pytest_llmeval.stats.intervals import wilson_score_bounds  # noqa: E402


def bounds_wilson(n: int) -> tuple[np.ndarray, np.ndarray]:
    pairs = [wilson_score_bounds(k, n) for k in range(n + 1)]
    return np.array([100 * a for a, _ in pairs]), np.array([100 * b for _, b in pairs])


def bounds_mid_p(n: int) -> tuple[np.ndarray, np.ndarray]:
    rows = [wilson(k, n) for k in range(n + 1)]
    return np.array([r.low for r in rows], dtype=float), np.array([r.high for r in rows], dtype=float)


def bounds_mean_ci(n: int) -> tuple[np.ndarray, np.ndarray]:
    rows = [mean_ci([100.0] * k + [0.0] * (n - k)) for k in range(n + 1)]
    return np.array([r.low for r in rows], dtype=float), np.array([r.high for r in rows], dtype=float)


def table(n: int, grid: np.ndarray, low: np.ndarray, high: np.ndarray) -> tuple[float, float, float, float, float]:
    pmf = binom.pmf(np.arange(n + 1)[None, :], n, grid[:, None])  # rates x k
    inside = (low[None, :] <= 100 * grid[:, None] + 1e-9) & (100 * grid[:, None] - 1e-9 <= high[None, :])
    cov = (pmf * inside).sum(axis=1)
    width = (pmf * (high - low)[None, :]).sum(axis=1)
    under, over = float((cov < 0.93).mean()), float((cov > 0.97).mean())
    return float(cov.mean()), float(cov.min()), under, over, float(width.mean())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 8, 14, 30])
    parser.add_argument("--step", type=float, default=0.0005)
    args = parser.parse_args()
    grid = np.arange(0.05, 0.95 + 1e-12, args.step)
    print(f"true rates 5-95% (step {args.step}), exact binomial sums; nominal 0.95")
    print(
        f"{'n':>3} {'method':<15} {'mean cov':>8} {'lowest':>7} {'<0.93':>6} {'>0.97':>6} {'in band':>7} {'width':>6}"
    )
    for n in args.sizes:
        methods = (("Wilson (before)", bounds_wilson), ("mid-p exact", bounds_mid_p), ("mean_ci now", bounds_mean_ci))
        for name, make in methods:
            mean, low, under, over, width = table(n, grid, *make(n))
            band = 1 - under - over
            print(f"{n:>3} {name:<15} {mean:>8.3f} {low:>7.3f} {under:>6.1%} {over:>6.1%} {band:>7.1%} {width:>6.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
