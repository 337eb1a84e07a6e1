"""Which 95% interval for a pass rate (k of n cases) covers the true rate at n = 6-30, near 0 and 100% as well?

Exact, not simulated: for each true rate p on a grid of rates 1-99% (step 0.0001) the coverage is the binomial
probability of the k whose interval holds p, and the width the expected width there (percentage points). Columns:
mean and lowest coverage over the grid, lowest over rates 10-90%, share of the grid covered less than 0.93, mean
width. Candidates (Brown, Cai &
DasGupta 2001, "Interval estimation for a binomial proportion", Statistical Science 16, 101-133):

- Wilson: the score interval (what `stats.wilson` gave before);
- Wilson, BCD boundary modification: for k = 1..x* the lower bound is the one-sided Poisson bound lambda_k / n,
  P(Poisson(lambda_k) >= k) = alpha (x* = 2 up to n = 50, 3 above), the upper bound likewise for n - k;
- Jeffreys (equal-tailed Beta(k + 1/2, n - k + 1/2) quantiles, 0 at k = 0 and 1 at k = n), and BCD's modified
  Jeffreys (upper bound 1 - (alpha/2)^(1/n) at k = 0, lower bound 0 at k = 1, and the mirror images);
- Clopper-Pearson (exact, conservative) and its mid-p version.

The last column, "reported", is what `stats.wilson` gives now, so the table checks the implementation too.

    .venv/bin/python benchmarks/rate_interval_coverage.py [--sizes 6 8 10 14 20 30] [--step 0.0001]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from scipy.optimize import brentq
from scipy.stats import beta, binom, chi2

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.stats import wilson  # noqa: E402

ALPHA = 0.05
EPS = 1e-12
Bounds = tuple[np.ndarray, np.ndarray]  # lower and upper bound of the rate for k = 0..n


def score(n: int) -> Bounds:
    k = np.arange(n + 1)
    z = float(np.sqrt(chi2.ppf(1 - ALPHA, 1)))
    p = k / n
    center = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * np.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return np.clip(center - half, 0, 1), np.clip(center + half, 0, 1)


def score_bcd(n: int) -> Bounds:
    low, high = score(n)
    x_star = 2 if n <= 50 else 3
    for k in range(1, min(x_star, n - 1) + 1):
        poisson = chi2.ppf(ALPHA, 2 * k) / 2  # P(Poisson(lambda) >= k) = alpha
        low[k], high[n - k] = poisson / n, 1 - poisson / n
    return low, high


def jeffreys(n: int) -> Bounds:
    k = np.arange(n + 1)
    low = np.where(k == 0, 0.0, beta.ppf(ALPHA / 2, k + 0.5, n - k + 0.5))
    high = np.where(k == n, 1.0, beta.ppf(1 - ALPHA / 2, k + 0.5, n - k + 0.5))
    return low, high


def jeffreys_bcd(n: int) -> Bounds:
    low, high = jeffreys(n)
    high[0], low[n] = 1 - (ALPHA / 2) ** (1 / n), (ALPHA / 2) ** (1 / n)
    low[1], high[n - 1] = 0.0, 1.0
    return low, high


def clopper_pearson(n: int) -> Bounds:
    k = np.arange(n + 1)
    low = np.where(k == 0, 0.0, beta.ppf(ALPHA / 2, np.maximum(k, 1), n - k + 1))
    high = np.where(k == n, 1.0, beta.ppf(1 - ALPHA / 2, k + 1, np.maximum(n - k, 1)))
    return low, high


def mid_p(n: int) -> Bounds:
    """P(X > k) + P(X = k) / 2 = alpha / 2 at the lower bound, P(X < k) + P(X = k) / 2 = alpha / 2 at the upper."""
    low, high = np.zeros(n + 1), np.ones(n + 1)
    for k in range(n + 1):
        if k > 0:
            low[k] = brentq(lambda p, k=k: binom.sf(k, n, p) + binom.pmf(k, n, p) / 2 - ALPHA / 2, EPS, 1 - EPS)
        if k < n:
            high[k] = brentq(lambda p, k=k: binom.cdf(k - 1, n, p) + binom.pmf(k, n, p) / 2 - ALPHA / 2, EPS, 1 - EPS)
    return low, high


def reported(n: int) -> Bounds:
    intervals = [wilson(k, n) for k in range(n + 1)]
    return np.array([i.low for i in intervals]) / 100, np.array([i.high for i in intervals]) / 100


METHODS: dict[str, Callable[[int], Bounds]] = {
    "Wilson": score,
    "Wilson, BCD modified": score_bcd,
    "Jeffreys": jeffreys,
    "Jeffreys, BCD modified": jeffreys_bcd,
    "Clopper-Pearson": clopper_pearson,
    "mid-p": mid_p,
    "reported (stats.wilson)": reported,
}


def coverage_and_width(bounds: Bounds, n: int, rates: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Exact coverage and expected width at each true rate."""
    low, high = bounds
    pmf = binom.pmf(np.arange(n + 1)[None, :], n, rates[:, None])
    covered = (low[None, :] <= rates[:, None] + 1e-12) & (rates[:, None] - 1e-12 <= high[None, :])
    return (pmf * covered).sum(axis=1), pmf @ (high - low)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 8, 10, 14, 20, 30])
    parser.add_argument("--step", type=float, default=0.0001)
    args = parser.parse_args()
    start = time.perf_counter()
    rates = np.round(np.arange(0.01, 0.99 + args.step / 2, args.step), 10)
    inner = (rates >= 0.10) & (rates <= 0.90)
    print(f"exact coverage of nominal 95% intervals of a rate, true rates 1-99% (step {args.step:g})")
    print(f"{'n':>3}  {'method':<24} {'mean cov':>8} {'min cov':>7} {'min 10-90%':>10} {'cov<0.93':>8} {'width':>6}")
    for n in args.sizes:
        for name, method in METHODS.items():
            cov, width = coverage_and_width(method(n), n, rates)
            print(
                f"{n:>3}  {name:<24} {cov.mean():>8.3f} {cov.min():>7.3f} {cov[inner].min():>10.3f} "
                f"{(cov < 0.93).mean():>8.1%} {100 * width.mean():>6.1f}"
            )
        print()
    print(f"({time.perf_counter() - start:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
