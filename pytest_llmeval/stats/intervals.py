"""Confidence intervals that carry their n, chosen by simulation at the n this tool lives at (6-30 cases).

Means of scores (bounded 0-100, mostly 0s and 100s): a quasi-binomial Wilson score interval. The mean is treated
like a proportion whose variance is c * mu * (1 - mu) (on the 0-1 scale), with the dispersion c at most 1 (no
variable on [0, 1] varies more than a 0/1 variable with the same mean). When every value is 0 or 100, c = 1 is known
and the interval is Wilson's. Otherwise c = s^2 / (m (1 - m)) is estimated from the values and one pseudo-value at
the bound farther from their mean (the 0 of a mostly-100 suite), and the quantile is the normal one. A suite whose
values are all 0 or 100 is a pass rate and gets the pass rate's own interval (mid-p exact, below): before, it got
Wilson's (c = 1) while the pass rate of the same cases got mid-p, so one suite printed two intervals for one
proportion. Exact binomial sums over true rates 5-95% (`benchmarks/binary_mean_interval_coverage.py`, step 0.0005):
Wilson covered less than 0.93 at 18.0% / 12.8% / 3.9% / 3.0% of the rates at n = 6 / 8 / 14 / 30 (lowest 0.893 /
0.894 / 0.916 / 0.921), mid-p at 3.6% / 4.4% / 2.1% / 0.8% (lowest 0.912 / 0.928 / 0.913 / 0.925; mean 0.974 /
0.970 / 0.962 / 0.956, above 0.97 at 59% / 64% / 41% / 11% of the rates, 10% / 8% / 5% / 2% wider on average). The
discreteness of a few cases allows no interval inside 0.93-0.97 at every rate; mid-p is the one that rarely claims
more certainty than n gives. The figures below for 0/100 scores are Wilson's, kept for the record. The
pseudo-value is the allowance for what a small sample misses: estimated from the values alone, c fell to about 0.2 as
soon as one case scored 80 among 100s, so seven 100s and one 80 got [83.4, 99.7] where eight 100s get [67.6, 100], and a
suite scoring 0 (20%), 80 (10%) or 100 (70%) was covered 0.88 of the time at n = 8 (the samples with no 0 in them).
It never leaves 0-100 and never collapses to a point when all cases scored 100. Measured coverage of the nominal 95%
(tests/stats/test_coverage.py, 4,000 samples per cell; 20,000 over 15 shapes in the simulation that chose the
method): 0.93-0.97 at n = 14 and 30 for the score shapes the tool produces (mostly 0s and 100s with a few values
between, the shapes above included; 0.977 in one of the 26 simulated cells: 3 key points, 80% of cases covering
all); and 0.94-0.98 at n = 6 and 8 on those shapes, where 0/100 scores alone (Wilson's interval) cover 0.976-0.984
at means of 35 or 78. Wilson's exact coverage of 0/100 scores dips at other means (the discreteness of a few cases):
averaged over means of 10-90 it is 0.952-0.959 at n = 6-30, its lowest there 0.908 / 0.916 / 0.918 / 0.921 at n = 6
/ 8 / 14 / 30, and near a mean of 0 or 100 it falls to 0.83-0.85 (exact binomial sums over a grid of means, eleventh
session). The former estimate (the values alone, Student's t) was as wide on
average (38.9 points against 38.8) but covered 0.84-0.91 in five of those cells (0.95-0.98 now). The interval is
conservative (0.99-1.0) where the scores are nearly all 100 and the rest just below, with no 0 at all (means of 98
and 99): n cases cannot show that no case scores 0. An easy 3-key-point suite is covered 0.96-0.98. Student's t, the
percentile and the BCa bootstrap fell to 0.55-0.78 on the skewed shapes at n = 6-8
(`benchmarks/interval_coverage.py`, docs/benchmarks.md).

Unbounded values (tok/s, seconds): Student's t interval. With repeats (`clusters`), the unit is the case:
each case's samples are averaged first (the case keeps its samples together), n = cases.

Percentiles: distribution-free order-statistic intervals (binomial), and no estimate at all below
1 / (1 - q) values (p95 needs 20, p99 100): "too few values (n=..)".

Pass rates (k of n cases passed; `wilson`, whose name is kept for its callers): the mid-p exact interval (the
Clopper-Pearson interval with half of P(X = k) in each tail; Berry & Armitage 1995, Agresti & Gottard 2007).
Wilson's score interval, used before, covers rates near 0 or 100% only 0.83-0.85 of the time at n = 6-14 (0.89 at
n = 20-30; Brown, Cai & DasGupta 2001): at n = 6 a true rate of 3% shows 1 pass in 16% of suites, and Wilson's
lower bound for 1 of 6 (3.0%) leaves it out. Exact coverage over true rates 1-99% at n = 6 / 8 / 10 / 14 / 20 / 30
(`benchmarks/rate_interval_coverage.py`): mid-p's lowest 0.912 / 0.928 / 0.927 / 0.913 / 0.929 / 0.925, mean
0.975 / 0.971 / 0.968 / 0.964 / 0.961 / 0.958, below 0.93 at 0.8-6.6% of the rates; 5.9% / 5.1% / 4.5% / 3.4% /
2.7% / 1.5% wider on average than Wilson with Brown, Cai & DasGupta's boundary modification (lowest 0.908 at n = 6,
0.916 at the others, below 0.93 at 3.3-12.2% of the rates) and 8-9% narrower than Clopper-Pearson (lowest
0.951-0.969, mean up to 0.989); Jeffreys' modified interval fell to 0.899 at n = 10. Computed with numpy and the
standard library (bisection on the binomial tail), like the rest of a run's end: no scipy import. Newcombe's paired
interval keeps Wilson's score interval, which it is defined with (`wilson_score_bounds`, stats/paired.py); means of
0/100 scores take mid-p too (above).

Bootstrap (`resample_cases`) is kept for statistics with no closed form (kappa), resampling whole cases.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from statistics import NormalDist
from typing import Any

import numpy as np

SCORE_BOUNDS = (0.0, 100.0)
MIN_DISPERSION = 0.05  # a sample with no variation at an interior value keeps some width
FAR_PSEUDO_VALUES = 1.0  # pseudo-values at the far bound counted in the dispersion (chosen by simulation)


@dataclass(frozen=True)
class Interval:
    estimate: float | None
    low: float | None
    high: float | None
    n: int  # independent units: cases (clusters)
    n_samples: int  # values (cases x repeats)
    method: str
    confidence: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        return {
            "estimate": _r(self.estimate),
            "low": _r(self.low),
            "high": _r(self.high),
            "n": self.n,
            "n_samples": self.n_samples,
            "method": self.method,
            "confidence": self.confidence,
        }

    def excludes_zero(self) -> bool:
        return self.low is not None and self.high is not None and (self.low > 0 or self.high < 0)


def _r(value: float | None, digits: int = 6) -> float | None:
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return None
    return round(float(value), digits)


def finite(value: Any) -> bool:
    """A number that is neither None nor NaN nor infinite (numpy scalars included; not a number: TypeError)."""
    return value is not None and math.isfinite(float(value))


def clean(values: Sequence[Any], clusters: Sequence[Any] | None = None) -> tuple[np.ndarray, list[Any] | None]:
    """Drop None, NaN and infinite values (and their cluster ids): a statistic is computed over the numbers only.
    (The comparison never gets here with one: a non-finite score is a scoring error there, compare/scorers.py.)"""
    keep = [i for i, v in enumerate(values) if finite(v)]
    arr = np.asarray([float(values[i]) for i in keep], dtype=float)
    return arr, ([clusters[i] for i in keep] if clusters is not None else None)


def case_means(values: np.ndarray, clusters: Sequence[Any] | None) -> np.ndarray:
    """One value per case: the mean of its samples (cases in first-seen order)."""
    if clusters is None:
        return values
    groups: dict[Any, list[float]] = {}
    for value, cluster in zip(values, clusters):
        groups.setdefault(cluster, []).append(float(value))
    return np.asarray([sum(g) / len(g) for g in groups.values()], dtype=float)


def bounded_mean_intervals(
    matrix: np.ndarray, confidence: float = 0.95, bounds: tuple[float, float] = SCORE_BOUNDS
) -> tuple[np.ndarray, np.ndarray]:
    """Quasi-binomial Wilson intervals of each row's mean (rows = samples of n values within `bounds`);
    vectorised so the coverage simulation runs thousands of samples at once. The dispersion c is estimated
    from the row and `FAR_PSEUDO_VALUES` pseudo-value at the bound farther from its mean (module docstring);
    a row whose values are all at the bounds is a pass rate: the mid-p exact interval of k of n (`wilson`)."""
    x = np.atleast_2d(np.asarray(matrix, dtype=float))
    lo_b, hi_b = bounds
    span = hi_b - lo_b
    u = (x - lo_b) / span
    n = x.shape[1]
    p = u.mean(axis=1)
    binary = np.all((u == 0) | (u == 1), axis=1)
    # the value a few cases most easily miss is the far bound (the 0s of a mostly-100 suite): counting one such
    # value in the dispersion keeps seven 100s and one 80 from claiming more certainty than eight 100s
    far = np.where(p >= 0.5, 0.0, 1.0)
    total = n + FAR_PSEUDO_VALUES
    m = (u.sum(axis=1) + FAR_PSEUDO_VALUES * far) / total
    var = ((u * u).sum(axis=1) + FAR_PSEUDO_VALUES * far - total * m * m) / (total - 1)
    with np.errstate(divide="ignore", invalid="ignore"):
        c = var / (m * (1 - m))
    c = np.where(binary, 1.0, np.clip(np.nan_to_num(c, nan=1.0), MIN_DISPERSION, 1.0))
    q = normal_quantile(1 - (1 - confidence) / 2)
    n_eff = n / c
    q2 = q * q
    center = (p + q2 / (2 * n_eff)) / (1 + q2 / n_eff)
    half = q / (1 + q2 / n_eff) * np.sqrt(p * (1 - p) / n_eff + q2 / (4 * n_eff * n_eff))
    low = np.clip(center - half, 0, 1)
    high = np.clip(center + half, 0, 1)
    if binary.any():  # every value at a bound: a pass rate, with the pass rate's own interval (mid-p exact)
        hits = np.rint(u[binary].sum(axis=1)).astype(int)
        # only the counts that occur: a table of every k of n took 2 (n + 1) bisections over n + 1 terms each -
        # 3.6 s at the end of a 2,000-case run for the one count it needed
        found = {int(k): mid_p_bounds(int(k), n, confidence) for k in np.unique(hits)}
        low[binary] = [found[int(k)][0] for k in hits]
        high[binary] = [found[int(k)][1] for k in hits]
    return low * span + lo_b, high * span + lo_b


def t_intervals(matrix: np.ndarray, confidence: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
    """Student's t interval of each row's mean (vectorised)."""
    from scipy.special import stdtrit

    x = np.atleast_2d(np.asarray(matrix, dtype=float))
    n = x.shape[1]
    m = x.mean(axis=1)
    half = stdtrit(max(n - 1, 1), 1 - (1 - confidence) / 2) * x.std(axis=1, ddof=1) / math.sqrt(n)
    return m - half, m + half


def mean_ci(
    values: Sequence[Any],
    clusters: Sequence[Any] | None = None,
    confidence: float = 0.95,
    bounds: tuple[float, float] | None = SCORE_BOUNDS,
    **_ignored: Any,
) -> Interval:
    """Mean with its interval: quasi-binomial Wilson for values on `bounds` (scores, pass rates in %; mid-p exact,
    the pass rate's, when every value is at a bound),
    Student's t otherwise (bounds=None, or values outside them). With `clusters` (case ids) the unit is the
    case: its samples are averaged first, n = cases. (`resamples`/`seed` of the former bootstrap are
    accepted and ignored.)"""
    arr, ids = clean(values, clusters)
    if len(arr) == 0:
        return Interval(None, None, None, 0, 0, "no values", confidence)
    units = case_means(arr, ids)
    n = len(units)
    estimate = float(units.mean())
    per_case = " of case means" if ids is not None and n < len(arr) else ""
    if n < 2:
        return Interval(estimate, None, None, n, len(arr), "n<2: no interval", confidence)
    bounded = bounds is not None and float(units.min()) >= bounds[0] and float(units.max()) <= bounds[1]
    if bounded:
        low, high = bounded_mean_intervals(units[None, :], confidence, bounds)  # type: ignore[arg-type]
        at_bounds = bool(np.all((units == bounds[0]) | (units == bounds[1])))  # type: ignore[index]
        method = (RATE_METHOD if at_bounds else "quasi-binomial Wilson") + per_case
    else:
        if np.all(units == units[0]):
            return Interval(estimate, estimate, estimate, n, len(arr), "t (no variation)" + per_case, confidence)
        low, high = t_intervals(units[None, :], confidence)
        method = "t" + per_case
    return Interval(estimate, float(low[0]), float(high[0]), n, len(arr), method, confidence)


def normal_quantile(p: float) -> float:
    """The standard normal quantile (scipy.special.ndtri's value to ~1e-15): the standard library's, because
    importing scipy.special costs every run's end ~0.13 s and these intervals need nothing else of it."""
    return NormalDist().inv_cdf(p)


def binomial_pmf(n: int, p: float) -> np.ndarray:
    """P(X = k) for k = 0..n, X ~ Binomial(n, p), 0 < p < 1, from their logarithms (math.lgamma), for
    `normal_quantile`'s reason."""
    k = np.arange(n + 1, dtype=float)
    return np.exp(_log_choose(n) + k * math.log(p) + (n - k) * math.log1p(-p))


@lru_cache(maxsize=64)
def _log_choose(n: int) -> np.ndarray:
    """log C(n, k) for k = 0..n (read-only: cached)."""
    out = np.array([math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) for i in range(n + 1)])
    out.setflags(write=False)
    return out


def binomial_cdf(n: int, p: float) -> np.ndarray:
    """P(X <= k) for k = 0..n, X ~ Binomial(n, p), 0 < p < 1 (scipy.special.bdtr's values to ~1e-11 at
    n = 10,000): `binomial_pmf` summed."""
    return np.minimum(np.cumsum(binomial_pmf(n, p)), 1.0)


def min_count_for_quantile(q: float) -> int:
    """Fewest values for which a q-th percentile (0-100) is reported at all: 1 / (1 - q): p95 20, p99 100."""
    if q <= 50:
        return 2
    return int(math.ceil(round(1 / (1 - q / 100), 9)))


def quantile_ci(values: Sequence[Any], q: float, confidence: float = 0.95, **_ignored: Any) -> Interval:
    """The q-th percentile (0-100) with a distribution-free order-statistic interval (binomial); no estimate
    below `min_count_for_quantile(q)` values, and an open end where n is too small for one."""
    arr, _ = clean(values)
    n = len(arr)
    need = min_count_for_quantile(q)
    if n < need:
        return Interval(None, None, None, n, n, f"too few values (n={n}) for a p{q:g}: needs {need}", confidence)
    srt = np.sort(arr)
    estimate = float(np.percentile(arr, q))
    alpha = (1 - confidence) / 2
    p = q / 100
    # the interval [x_(l), x_(u)] (1-indexed) covers the quantile with probability
    # F(u-1) - F(l-1), F = Binomial(n, p) cdf; pick l as large and u as small as each tail allows
    cdf = binomial_cdf(n, p)
    lower_ok = np.nonzero(cdf <= alpha)[0]  # l - 1 with P(count <= l-1) <= alpha
    upper_ok = np.nonzero(1 - cdf <= alpha)[0]  # u - 1 with P(count >= u) <= alpha
    low = float(srt[lower_ok[-1]]) if len(lower_ok) else None
    high = float(srt[upper_ok[0]]) if len(upper_ok) and upper_ok[0] < n else None
    open_end = "" if low is not None and high is not None else " (an end is open: too few values)"
    return Interval(estimate, low, high, n, n, f"p{q:g} order statistics{open_end}", confidence)


RATE_METHOD = "mid-p exact"


def wilson(successes: int, n: int, confidence: float = 0.95) -> Interval:
    """Pass rate in percent (100 k / n) with the mid-p exact interval (`mid_p_bounds`; module docstring). The name
    is the former method's, kept for its callers; the interval's `method` says which it is."""
    if n <= 0:
        return Interval(None, None, None, 0, 0, "no cases", confidence)
    low, high = mid_p_bounds(successes, n, confidence)
    return Interval(100.0 * successes / n, 100.0 * low, 100.0 * high, n, n, RATE_METHOD, confidence)


@lru_cache(maxsize=4096)
def mid_p_bounds(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The mid-p exact interval of a binomial share k / n, on the 0-1 scale: the rates at which the mid-p tail
    P(X > k) + P(X = k) / 2 is alpha / 2 (lower bound) and 1 - alpha / 2 (upper bound), alpha = 1 - confidence;
    0 at k = 0 and 1 at k = n. (Clopper-Pearson's exact interval counts all of P(X = k) in each tail.) Cached: a
    report asks for the same few (k, n) in every table, 80 bisection steps each."""
    tail = (1 - confidence) / 2
    low = 0.0 if successes <= 0 else _mid_p_rate(successes, n, tail)
    high = 1.0 if successes >= n else _mid_p_rate(successes, n, 1 - tail)
    return low, high


def _mid_p_rate(successes: int, n: int, target: float) -> float:
    """The rate p at which P(X > k) + P(X = k) / 2 equals `target`, by bisection (the tail rises with p)."""
    low, high = 0.0, 1.0
    while high - low > 1e-12:
        mid = (low + high) / 2
        pmf = binomial_pmf(n, mid)
        if float(pmf[successes + 1 :].sum()) + float(pmf[successes]) / 2 < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2


def wilson_score_bounds(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson's score interval of a share k / n (n > 0), on the 0-1 scale: the closed form (as
    scipy.stats.binomtest(...).proportion_ci(method="wilson"), which costs a ~1 s import of scipy.stats at the end
    of every run). Newcombe's paired interval is built on it (stats/paired.py)."""
    z = normal_quantile(1 - (1 - confidence) / 2)
    p = successes / n
    center = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return max(center - half, 0.0), min(center + half, 1.0)


def resample_cases(
    n: int, statistic: Callable[[np.ndarray], float], resamples: int = 2000, seed: int = 0
) -> np.ndarray:
    """`statistic(indices)` over bootstrap resamples of n cases (whole cases, their samples kept together);
    NaN results (a resample where the statistic is undefined) are dropped."""
    rng = np.random.default_rng(seed)
    out = np.array([statistic(rng.integers(0, n, size=n)) for _ in range(resamples)], dtype=float)
    return out[~np.isnan(out)]
