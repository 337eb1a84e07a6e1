"""Confidence intervals that carry their n.

Percentile bootstrap (numpy, vectorised in blocks so 10,000 resamples of 10,000 values stay within a few
hundred MB); clustered two-stage when a case was asked several times (resample cases, then samples within
each resampled case); Wilson for pass rates (scipy).

The number of resamples is `resamples` (default 10,000) but at most enough for ~2e7 drawn values: for
n = 10,000 cases that is 2,000 resamples, which moves a 95% interval's ends by well under a tenth of
its width - and keeps the end-of-run report fast.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

MAX_DRAWS = 20_000_000
BLOCK_DRAWS = 2_000_000


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


def _r(value: float | None, digits: int = 4) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    return round(float(value), digits)


def clean(values: Sequence[Any], clusters: Sequence[Any] | None = None) -> tuple[np.ndarray, list[Any] | None]:
    """Drop None/NaN values (and their cluster ids)."""
    keep = [i for i, v in enumerate(values) if v is not None and not (isinstance(v, float) and math.isnan(v))]
    arr = np.asarray([float(values[i]) for i in keep], dtype=float)
    return arr, ([clusters[i] for i in keep] if clusters is not None else None)


def resample_count(n: int, resamples: int) -> int:
    return max(200, min(resamples, MAX_DRAWS // max(n, 1)))


def bootstrap_stats(
    values: np.ndarray, stat: str, resamples: int, rng: np.random.Generator, q: float = 50.0
) -> np.ndarray:
    """The statistic ("mean" or "quantile") of `resamples` resamples of `values`, in blocks."""
    n = len(values)
    out = np.empty(resamples)
    block = max(1, BLOCK_DRAWS // n)
    for start in range(0, resamples, block):
        size = min(block, resamples - start)
        drawn = values[rng.integers(0, n, size=(size, n))]
        out[start : start + size] = drawn.mean(axis=1) if stat == "mean" else np.percentile(drawn, q, axis=1)
    return out


def clustered_means(values: np.ndarray, clusters: list[Any], resamples: int, rng: np.random.Generator) -> np.ndarray:
    """Means of two-stage resamples: clusters with replacement, then samples within each (balanced), or
    cluster totals / sizes when clusters differ in size (one stage)."""
    groups: dict[Any, list[float]] = {}
    for value, cluster in zip(values, clusters):
        groups.setdefault(cluster, []).append(float(value))
    sizes = {len(g) for g in groups.values()}
    c = len(groups)
    out = np.empty(resamples)
    if len(sizes) == 1:
        m = sizes.pop()
        matrix = np.asarray(list(groups.values()), dtype=float)  # c x m
        block = max(1, BLOCK_DRAWS // (c * m))
        for start in range(0, resamples, block):
            size = min(block, resamples - start)
            pick_c = rng.integers(0, c, size=(size, c))
            pick_s = rng.integers(0, m, size=(size, c, m))
            drawn = matrix[pick_c[..., None], pick_s]
            out[start : start + size] = drawn.mean(axis=(1, 2))
        return out
    totals = np.asarray([sum(g) for g in groups.values()])
    counts = np.asarray([len(g) for g in groups.values()], dtype=float)
    block = max(1, BLOCK_DRAWS // c)
    for start in range(0, resamples, block):
        size = min(block, resamples - start)
        pick = rng.integers(0, c, size=(size, c))
        out[start : start + size] = totals[pick].sum(axis=1) / counts[pick].sum(axis=1)
    return out


def _percentile_interval(stats: np.ndarray, confidence: float) -> tuple[float, float]:
    alpha = (1 - confidence) / 2
    low, high = np.quantile(stats, [alpha, 1 - alpha])
    return float(low), float(high)


def mean_ci(
    values: Sequence[Any],
    clusters: Sequence[Any] | None = None,
    confidence: float = 0.95,
    resamples: int = 10_000,
    seed: int = 0,
) -> Interval:
    """Mean with a percentile-bootstrap interval; clustered by `clusters` (case ids) when given."""
    arr, ids = clean(values, clusters)
    n_clusters = len(set(ids)) if ids is not None else len(arr)
    if len(arr) == 0:
        return Interval(None, None, None, 0, 0, "bootstrap", confidence)
    estimate = float(arr.mean())
    if n_clusters < 2:
        return Interval(estimate, estimate, estimate, n_clusters, len(arr), "n<2: no interval", confidence)
    stats, method = resampled_means(arr, ids, resamples, seed)
    low, high = _percentile_interval(stats, confidence)
    return Interval(estimate, low, high, n_clusters, len(arr), method, confidence)


def resampled_means(arr: np.ndarray, ids: list[Any] | None, resamples: int, seed: int) -> tuple[np.ndarray, str]:
    """Bootstrap means of `arr` (clustered when `ids` repeat) and the method's description."""
    rng = np.random.default_rng(seed)
    b = resample_count(len(arr), resamples)
    if ids is not None and len(set(ids)) < len(arr):
        return clustered_means(arr, ids, b, rng), f"clustered bootstrap ({b} resamples)"
    return bootstrap_stats(arr, "mean", b, rng), f"bootstrap ({b} resamples)"


def quantile_ci(
    values: Sequence[Any], q: float, confidence: float = 0.95, resamples: int = 10_000, seed: int = 0
) -> Interval:
    """The q-th percentile (0-100) with a percentile-bootstrap interval."""
    arr, _ = clean(values)
    if len(arr) == 0:
        return Interval(None, None, None, 0, 0, f"p{q:g} bootstrap", confidence)
    estimate = float(np.percentile(arr, q))
    if len(arr) < 2:
        return Interval(estimate, estimate, estimate, 1, 1, "n<2: no interval", confidence)
    b = resample_count(len(arr), resamples)
    stats = bootstrap_stats(arr, "quantile", b, np.random.default_rng(seed), q)
    low, high = _percentile_interval(stats, confidence)
    return Interval(estimate, low, high, len(arr), len(arr), f"p{q:g} bootstrap ({b} resamples)", confidence)


def wilson(successes: int, n: int, confidence: float = 0.95) -> Interval:
    """Pass rate in percent (100 k / n) with the Wilson score interval."""
    if n <= 0:
        return Interval(None, None, None, 0, 0, "wilson", confidence)
    from scipy.stats import binomtest

    ci = binomtest(int(successes), int(n)).proportion_ci(confidence_level=confidence, method="wilson")
    return Interval(100.0 * successes / n, 100.0 * ci.low, 100.0 * ci.high, n, n, "wilson", confidence)
