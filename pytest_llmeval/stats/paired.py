"""Paired comparisons on the same cases.

Scores: the mean per-case difference with the exact sign-flip permutation test (`permutation.py`) and the
interval that inverts it (so "significant" and "the interval excludes 0" are the same statement, and n = 2
is never significant). With repeats the unit is the case: each case's samples are averaged first.
When no case changed at all the sign-flip interval is [0, 0] at any n; it is then replaced by what n allows:
up to the exact (Clopper-Pearson) upper bound of the share of cases that change, each by up to the scale's span
(+-23.2 points at n = 14 on the 0-100 scale, +-36.9 at n = 8). Where the test does not reject and every case that
moved moved the same way, the side no case moved to is likewise at least what n allows for a share of cases none
showed (one case of 14 falling 100 -> 0: [-20.0, +23.2], where the sign-flip interval alone said [-20.0, +0.0]:
no rise possible); a side cases moved to keeps the inversion. Where the test rejects, the interval is the test's
inversion as it is, so that it excludes 0 exactly when the test rejects.
The p-value at 0 is exact under "no change" (each case's two runs exchangeable). The interval assumes the
changes are symmetric about their mean; a real change concentrated in a few cases (most 0, a few -70) is not,
and its two-sided 95% interval then covers less: 0.93 / 0.90 at n = 14 / 30, 1.00 at n = 6 and 8
(`benchmarks/interval_coverage.py`; before the no-change bound above, 0.65 / 0.78 / 0.85 / 0.90: at n = 6 a
third of such samples show no drop at all, and their [0, 0] missed the truth). The gate uses
only the one-sided lower bound of the worsening, which stayed conservative there (false alarms at a true
worsening equal to the margin: 0-1.8%).

Pass/fail: McNemar's exact test (binomial on the discordant pairs) and an interval of the change of pass
rate that agrees with it and is honest about n. Two intervals are joined (their hull):
- the exact conditional one: the Clopper-Pearson interval of the share theta of discordant pairs that went
  pass -> fail, turned into a change with the observed discordant share psi: change = psi (1 - 2 theta). It
  excludes 0 exactly when the exact test rejects (theta = 1/2), but it treats psi as known: with no case
  changing verdict it is [0, 0] at any n, and with one flip in 14 cases [-7.1, +6.8] - a certainty 14 cases
  do not give;
- Newcombe's hybrid score interval for paired proportions (Newcombe 1998, method 10; recommended for small
  samples by Fagerland, Lydersen & Laake 2013), which counts the uncertainty of psi: +-56 points at n = 3 with
  no flip, +-18.5 at n = 14, [-29.2, +11.8] for one flip in 14. With no flip at all it collapses where about half
  the cases pass (phi = 1 cancels the two Wilson intervals: [0, 0] at 7 of 14); each side is then at least the
  exact bound of the share of cases that could change verdict (23.2 points at n = 14), a fall only from the cases
  that passed and a rise only from those that failed.
Newcombe's interval excludes 0 whenever the exact test rejects (checked over every table up to n = 60, 635,375
tables; up to n = 40 in tests/stats/test_pass_rate_interval.py), so the hull still excludes 0 exactly when the
test rejects.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .agreement import is_verdict
from .intervals import Interval, _r, case_means, clean, finite, wilson_score_bounds
from .permutation import subset_means


@dataclass(frozen=True)
class PairedDifference:
    estimate: float | None  # mean of (b - a)
    low: float | None
    high: float | None
    n: int
    significant: bool  # the interval excludes zero (= the two-sided test rejects at 1 - confidence)
    p_value: float | None  # two-sided
    method: str
    confidence: float = 0.95
    min_p: float | None = None  # the smallest two-sided p any outcome could give at this n

    def to_dict(self) -> dict[str, Any]:
        from .decision import _p, at_floor

        return {
            "estimate": _r(self.estimate),
            "low": _r(self.low),
            "high": _r(self.high),
            "n": self.n,
            "significant": self.significant,
            "p_value": _p(self.p_value),  # unrounded: 4 digits made a Monte Carlo p of 4e-05 read 0
            "p_at_floor": at_floor(self.p_value, self.min_p, self.method),
            "min_p": _p(self.min_p),
            "method": self.method,
            "confidence": self.confidence,
        }


def differences(a: Sequence[Any], b: Sequence[Any], clusters: Sequence[Any] | None = None) -> np.ndarray:
    """Per-case b - a (pairs with None dropped; with clusters, each case's sample differences averaged)."""
    if len(a) != len(b):
        raise ValueError(f"paired values need pairs: {len(a)} values against {len(b)}")
    diffs = [None if x is None or y is None else float(y) - float(x) for x, y in zip(a, b)]
    arr, ids = clean(diffs, clusters)
    return case_means(arr, ids)


def paired_difference(
    a: Sequence[Any],
    b: Sequence[Any],
    clusters: Sequence[Any] | None = None,
    confidence: float = 0.95,
    seed: int = 0,
    span: float | None = 100.0,
    **_ignored: Any,
) -> PairedDifference:
    """Mean of b - a over pairs (a None on either side drops the pair), sign-flip test and its interval. `span`:
    the largest change one case can show (100 on the 0-100 score scale; None: unbounded), used when no case
    changed at all, where the sign-flip interval would be [0, 0]."""
    d = differences(a, b, clusters)
    n = len(d)
    if n == 0:
        return PairedDifference(None, None, None, 0, False, None, "no pairs", confidence)
    estimate = float(d.mean())
    if n < 2:
        return PairedDifference(estimate, None, None, n, False, None, "n<2: no test", confidence, 1.0)
    subsets = subset_means(d, seed)
    alpha = 1 - confidence
    p = min(1.0, 2 * min(subsets.p_at_most(0.0), subsets.p_at_least(0.0)))
    low, high = subsets.lower_bound(alpha / 2), subsets.upper_bound(alpha / 2)
    min_p = min(1.0, 2 * subsets.min_p)
    method = subsets.method
    if low is None:
        method += f"; n={n} is too small for a {confidence:.0%} interval (smallest possible p {min_p:.3g})"
    elif np.all(d == 0) and span is not None:
        # no case changed: the sign-flip interval is [0, 0] at any n. What n allows is that up to the exact upper
        # bound of the share of cases that change (Clopper-Pearson, 0 of n) may change, by up to `span` each
        share = 1 - (alpha / 2) ** (1 / n)
        low, high = -span * share, span * share
        method += f"; no case changed: up to {share:.0%} of cases could (exact bound), by up to {span:g} each"
    elif span is not None and high is not None and p > alpha and (np.all(d <= 0) or np.all(d >= 0)):
        # not significant, and every case that moved moved the same way: the sign-flip interval cannot reach past 0
        # on the side no case moved to - one case of 14 falling 100 -> 0 printed [-20.0, +0.0], no rise possible.
        # That side is at least what n allows for a share of cases that no case showed (Clopper-Pearson, 0 of n,
        # each by up to `span`): [-20.0, +23.2] there. A side cases did move to keeps the test's inversion: a floor
        # from their share (k of n, each by up to `span`) made -2.7 points from many small moves [-77.0, +71.1] at
        # n = 14, where the inversion covers such changes (benchmarks/interval_coverage.py, paired shapes). Only
        # where the interval holds 0, so that it still excludes 0 exactly when the test rejects
        fell, rose = int(np.sum(d < 0)), int(np.sum(d > 0))
        unseen = span * discordant_share_bounds(0, n, alpha / 2)[1]
        low, high = (low, max(high, unseen)) if rose == 0 else (min(low, -unseen), high)
        method += (
            f"; no case {'rose' if rose == 0 else 'fell'} ({fell} fell, {rose} rose, of {n}): that side is at least "
            f"what {n} cases allow for a share none showed (up to {unseen / span:.0%} of cases, exact bound), by up "
            f"to {span:g} each"
        )
    elif low is not None and np.all(d == d[0]):
        # every case changed by the same amount: the sign-flip interval has no width - it rules out the other
        # values under the test's symmetry, it does not measure how far the true mean could be from this one
        method += (
            f"; every case changed by the same {float(d[0]):+g}: the interval has no width, as the {n} cases show no "
            "spread - it says the change is not 0, not that it is exactly this"
        )
    if np.all(d == 0):
        p = 1.0
    return PairedDifference(estimate, low, high, n, p <= alpha, p, method, confidence, min_p)


def within_reach(
    entry: dict[str, Any], base_mean: float | None, lowest: float = 0.0, highest: float = 100.0
) -> dict[str, Any]:
    """A change's interval (`low`, `high` of a JSON entry, new - baseline) cut to what the cases can show from the
    baseline held fixed: on a `lowest`-`highest` scale the mean can fall by at most `base_mean - lowest` and rise by
    at most `highest - base_mean`. The inversions do not know the scale: 10 cases all at 100 in the baseline, 3 now
    at 0, printed -30.0 [-66.7, +30.8] - a rise no case could show - and a fall from 64 printed -156% at its low
    end. Both ends of the reach are on their side of 0, so the cut interval still excludes 0 exactly when the test
    rejects; the method says when it cut. Returns the entry, changed in place."""
    low, high = entry.get("low"), entry.get("high")
    if base_mean is None or not math.isfinite(base_mean):
        return entry
    fall, rise = lowest - base_mean, highest - base_mean
    cut: list[str] = []
    if low is not None and low < fall - 1e-9:
        entry["low"], cut = _r(fall), [*cut, f"{fall:+.3g}"]
    if high is not None and high > rise + 1e-9:
        entry["high"], cut = _r(rise), [*cut, f"{rise:+.3g}"]
    if cut:
        entry["method"] = (
            f"{entry.get('method', '')}; cut to the change these cases can show from the baseline's mean "
            f"{base_mean:.3g} on the {lowest:g}-{highest:g} scale ({' and '.join(cut)})"
        ).lstrip("; ")
    return entry


def verdict(diff: PairedDifference | Interval, higher_is_better: bool = True) -> str:
    """ "better", "worse" or "no significant difference" for a difference new - old."""
    significant = diff.significant if isinstance(diff, PairedDifference) else diff.excludes_zero()
    if not significant or diff.estimate is None:
        return "no significant difference"
    up = diff.estimate > 0
    return "better" if up == higher_is_better else "worse"


@dataclass(frozen=True)
class McNemar:
    b01: int  # failed in a, passed in b
    b10: int  # passed in a, failed in b
    p_value: float | None  # two-sided exact
    n: int
    estimate: float | None = None  # change of pass rate b - a, percentage points
    low: float | None = None
    high: float | None = None
    confidence: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        return {
            "fail_to_pass": self.b01,
            "pass_to_fail": self.b10,
            "p_value": None if self.p_value is None else float(self.p_value),  # exact, unrounded
            "n": self.n,
            "estimate": _r(self.estimate),
            "low": _r(self.low),
            "high": _r(self.high),
            "method": "McNemar exact; interval: hull of Newcombe's paired score interval and the conditional exact one",
        }


def discordant_share_bounds(k: int, m: int, alpha: float) -> tuple[float, float]:
    """One-sided exact (Clopper-Pearson) bounds, each at level 1 - alpha, of a binomial share k / m."""
    from scipy.stats import beta

    low = 0.0 if k == 0 else float(beta.ppf(alpha, k, m - k + 1))
    high = 1.0 if k == m else float(beta.ppf(1 - alpha, k + 1, m - k))
    return low, high


def newcombe_paired(both: int, a_only: int, b_only: int, neither: int, confidence: float = 0.95) -> tuple[float, float]:
    """Newcombe's hybrid score interval (1998, method 10, no continuity correction) of the change of pass rate
    b - a, in percentage points, from the 2x2 table of paired verdicts: passed in both, in a only, in b only,
    in neither. Each run's pass rate gets its Wilson interval; the two are combined with the correlation
    (phi) of the paired verdicts. Written out here: no maintained Python library has the paired form."""
    n = both + a_only + b_only + neither
    if n <= 0:
        raise ValueError("newcombe_paired needs at least one pair")
    p_a, p_b = (both + a_only) / n, (both + b_only) / n
    l_a, u_a = wilson_score_bounds(both + a_only, n, confidence)
    l_b, u_b = wilson_score_bounds(both + b_only, n, confidence)
    margins = (both + a_only) * (neither + b_only) * (both + b_only) * (neither + a_only)
    phi = 0.0 if margins == 0 else (both * neither - a_only * b_only) / math.sqrt(margins)
    change = p_b - p_a
    down = (p_b - l_b) ** 2 - 2 * phi * (p_b - l_b) * (u_a - p_a) + (u_a - p_a) ** 2
    up = (u_b - p_b) ** 2 - 2 * phi * (u_b - p_b) * (p_a - l_a) + (p_a - l_a) ** 2
    return 100 * max(change - math.sqrt(max(down, 0.0)), -1.0), 100 * min(change + math.sqrt(max(up, 0.0)), 1.0)


def mcnemar_exact(a_pass: Sequence[bool], b_pass: Sequence[bool], confidence: float = 0.95) -> McNemar:
    """Exact (binomial) McNemar test on the pairs that disagree (p = 1 when none do), with the interval of the
    change of pass rate (percentage points, b - a): the hull of Newcombe's paired score interval and the exact
    conditional one (module docstring) - it excludes 0 exactly when the test rejects. A pair with no verdict on
    either side (None, NaN) is dropped: counted, None read as a fail and NaN as a pass."""
    if len(a_pass) != len(b_pass):
        raise ValueError(f"mcnemar_exact needs pairs: {len(a_pass)} against {len(b_pass)}")
    given = [(x, y) for x, y in zip(a_pass, b_pass) if is_verdict(x) and is_verdict(y)]
    a_pass, b_pass = [x for x, _ in given], [y for _, y in given]
    n = len(a_pass)
    b01 = sum(1 for x, y in zip(a_pass, b_pass) if not x and y)
    b10 = sum(1 for x, y in zip(a_pass, b_pass) if x and not y)
    m = b01 + b10
    if n == 0:
        return McNemar(0, 0, 1.0, 0, None, None, None, confidence)
    both = sum(1 for x, y in zip(a_pass, b_pass) if x and y)
    low, high = newcombe_paired(both, b10, b01, n - both - m, confidence)
    if m == 0:
        # no case changed verdict: Newcombe's interval collapses to [0, 0] where half the cases pass (phi = 1 and
        # the two Wilson intervals cancel; v9 review). What n allows is that up to the exact upper bound of the share
        # of cases that change verdict may (0 of n, Clopper-Pearson), as for scores - a fall only from the cases
        # that passed, a rise only from those that failed
        share = 100 * (1 - ((1 - confidence) / 2) ** (1 / n))
        passed = both / n
        low, high = min(low, -min(share, 100 * passed)), max(high, min(share, 100 * (1 - passed)))
        return McNemar(0, 0, 1.0, n, 0.0, min(low, 0.0), max(high, 0.0), confidence)
    from scipy.stats import binomtest

    psi = m / n
    lo_t, hi_t = discordant_share_bounds(b10, m, (1 - confidence) / 2)  # theta = share pass -> fail
    estimate = 100 * (b01 - b10) / n
    return McNemar(
        b01,
        b10,
        float(binomtest(b01, m, 0.5).pvalue),
        n,
        estimate,
        min(low, 100 * psi * (1 - 2 * hi_t)),
        max(high, 100 * psi * (1 - 2 * lo_t)),
        confidence,
    )


def pass_rate_change(
    a_pass: Sequence[float], b_pass: Sequence[float], confidence: float = 0.95, seed: int = 0
) -> dict[str, Any]:
    """The change of pass rate b - a over paired cases (each case's share of samples passed, 0..1), in points,
    as a JSON-ready entry with its interval, p and n: McNemar's exact test and its interval when every case
    passed or failed whole, else (repeats that disagree) the sign-flip test of the per-case shares. A pair with no
    share on either side (None, NaN, an infinity) is dropped: a NaN share sent every case to the sign-flip test."""
    if len(a_pass) != len(b_pass):
        raise ValueError(f"pass_rate_change needs pairs: {len(a_pass)} against {len(b_pass)}")
    shares = [(x, y) for x, y in zip(a_pass, b_pass) if finite(x) and finite(y)]
    a_pass, b_pass = [x for x, _ in shares], [y for _, y in shares]
    if all(v in (0.0, 1.0) for v in [*a_pass, *b_pass]):
        mc = mcnemar_exact([v == 1.0 for v in a_pass], [v == 1.0 for v in b_pass], confidence)
        significant = mc.p_value is not None and mc.p_value <= 1 - confidence
        return {**mc.to_dict(), "significant": significant, "confidence": confidence}
    diff = paired_difference([100 * v for v in a_pass], [100 * v for v in b_pass], confidence=confidence, seed=seed)
    return diff.to_dict()
