"""Paired comparisons on the same cases: the mean per-case difference with a bootstrap interval, and
McNemar's exact test on pass/fail pairs that disagree."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .intervals import Interval, _percentile_interval, _r, clean, resampled_means


@dataclass(frozen=True)
class PairedDifference:
    estimate: float | None  # mean of (b - a)
    low: float | None
    high: float | None
    n: int
    significant: bool  # the interval excludes zero
    p_value: float | None  # two-sided, from the bootstrap distribution
    method: str
    confidence: float = 0.95

    def to_dict(self) -> dict[str, Any]:
        return {
            "estimate": _r(self.estimate),
            "low": _r(self.low),
            "high": _r(self.high),
            "n": self.n,
            "significant": self.significant,
            "p_value": _r(self.p_value),
            "method": self.method,
            "confidence": self.confidence,
        }


def paired_difference(
    a: Sequence[Any],
    b: Sequence[Any],
    clusters: Sequence[Any] | None = None,
    confidence: float = 0.95,
    resamples: int = 10_000,
    seed: int = 0,
) -> PairedDifference:
    """Mean of b - a over pairs (a None on either side drops the pair), with a (clustered) bootstrap interval."""
    if len(a) != len(b):
        raise ValueError(f"paired_difference needs pairs: {len(a)} values against {len(b)}")
    diffs = [None if x is None or y is None else float(y) - float(x) for x, y in zip(a, b)]
    arr, ids = clean(diffs, clusters)
    n = len(set(ids)) if ids is not None else len(arr)
    if len(arr) == 0:
        return PairedDifference(None, None, None, 0, False, None, "paired bootstrap", confidence)
    estimate = float(arr.mean())
    if n < 2:
        return PairedDifference(estimate, estimate, estimate, n, False, None, "n<2: no interval", confidence)
    if np.all(arr == arr[0]):  # no variation: every resample gives the same mean
        significant = bool(arr[0] != 0)
        return PairedDifference(
            estimate,
            estimate,
            estimate,
            n,
            significant,
            0.0 if significant else 1.0,
            "paired (no variation)",
            confidence,
        )
    stats, method = resampled_means(arr, ids, resamples, seed)
    low, high = _percentile_interval(stats, confidence)
    p = float(min(1.0, 2 * min((stats <= 0).mean(), (stats >= 0).mean())))
    return PairedDifference(estimate, low, high, n, low > 0 or high < 0, p, f"paired {method}", confidence)


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
    p_value: float | None
    n: int

    def to_dict(self) -> dict[str, Any]:
        return {"fail_to_pass": self.b01, "pass_to_fail": self.b10, "p_value": _r(self.p_value), "n": self.n}


def mcnemar_exact(a_pass: Sequence[bool], b_pass: Sequence[bool]) -> McNemar:
    """Exact (binomial) McNemar test on the pairs that disagree; p = 1 when none do."""
    if len(a_pass) != len(b_pass):
        raise ValueError(f"mcnemar_exact needs pairs: {len(a_pass)} against {len(b_pass)}")
    b01 = sum(1 for x, y in zip(a_pass, b_pass) if not x and y)
    b10 = sum(1 for x, y in zip(a_pass, b_pass) if x and not y)
    if b01 + b10 == 0:
        return McNemar(0, 0, 1.0, len(a_pass))
    from scipy.stats import binomtest

    return McNemar(b01, b10, float(binomtest(b01, b01 + b10, 0.5).pvalue), len(a_pass))
