"""Agreement of two scorers on the same answers: Cohen's kappa on pass/fail (with an interval, and the
prevalence-adjusted PABAK = 2 p_o - 1, which stays readable when nearly every case passes), Spearman on scores.

Kappa's interval is the hull of a percentile bootstrap over cases and the rate interval of the observed
agreement p_o (`intervals.wilson`: mid-p exact) carried through kappa = (p_o - p_e) / (1 - p_e) at the observed
chance agreement p_e. The bootstrap alone is [1, 1] whenever the scorers agree on every case - at 14 cases as at
1,000 - because no resample can disagree; the rate interval keeps what n says (14 of 14 agreeing: p_o >= 0.807)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .intervals import _r, resample_cases, wilson


@dataclass(frozen=True)
class Agreement:
    value: float | None  # None when undefined (no variation)
    n: int
    method: str
    p_value: float | None = None
    low: float | None = None
    high: float | None = None
    pabak: float | None = None  # prevalence- and bias-adjusted kappa (kappa only)

    def to_dict(self) -> dict[str, Any]:
        out = {
            "value": _r(self.value),
            "n": self.n,
            "method": self.method,
            "p_value": _r(self.p_value),
            "low": _r(self.low),
            "high": _r(self.high),
        }
        if self.pabak is not None:
            out["pabak"] = _r(self.pabak)
        return out


def _kappa(x: np.ndarray, y: np.ndarray) -> float:
    observed = float(np.mean(x == y))
    pa, pb = float(x.mean()), float(y.mean())
    expected = pa * pb + (1 - pa) * (1 - pb)
    return float("nan") if expected >= 1 else (observed - expected) / (1 - expected)


def cohen_kappa(
    a: Sequence[bool], b: Sequence[bool], confidence: float = 0.95, resamples: int = 2000, seed: int = 0
) -> Agreement:
    """(observed - expected agreement) / (1 - expected), None when both raters never vary together; a
    percentile-bootstrap interval over cases (resamples where kappa is undefined dropped) and PABAK."""
    pairs = [(bool(x), bool(y)) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return Agreement(None, 0, "cohen_kappa")
    x = np.asarray([p[0] for p in pairs], dtype=float)
    y = np.asarray([p[1] for p in pairs], dtype=float)
    pabak = 2 * float(np.mean(x == y)) - 1
    value = _kappa(x, y)
    if math.isnan(value):
        return Agreement(None, n, "cohen_kappa (undefined: no variation)", pabak=pabak)
    if n < 2:
        return Agreement(value, n, "cohen_kappa", pabak=pabak)
    stats = resample_cases(n, lambda idx: _kappa(x[idx], y[idx]), resamples, seed)
    if len(stats) < resamples / 2:  # most resamples had no variation: no honest interval
        return Agreement(value, n, "cohen_kappa (too little variation for an interval)", pabak=pabak)
    alpha = (1 - confidence) / 2
    low, high = (float(v) for v in np.quantile(stats, [alpha, 1 - alpha]))
    agreed = wilson(int(np.sum(x == y)), n, confidence)
    chance = float(x.mean() * y.mean() + (1 - x.mean()) * (1 - y.mean()))
    if agreed.low is not None and agreed.high is not None:
        low = min(low, (agreed.low / 100 - chance) / (1 - chance))
        high = max(high, (agreed.high / 100 - chance) / (1 - chance))
    method = (
        f"cohen_kappa; hull of a bootstrap over cases ({len(stats)} resamples) and the agreement's {agreed.method} "
        "interval"
    )
    return Agreement(value, n, method, None, max(low, -1.0), min(high, 1.0), pabak)


def spearman(x: Sequence[Any], y: Sequence[Any]) -> Agreement:
    pairs = [(float(a), float(b)) for a, b in zip(x, y) if a is not None and b is not None]
    n = len(pairs)
    if n < 3 or len({a for a, _ in pairs}) < 2 or len({b for _, b in pairs}) < 2:
        return Agreement(None, n, "spearman (undefined: n<3 or no variation)")
    from scipy.stats import spearmanr

    result = spearmanr([a for a, _ in pairs], [b for _, b in pairs])
    rho, p = float(result.statistic), float(result.pvalue)
    return Agreement(None if math.isnan(rho) else rho, n, "spearman", None if math.isnan(p) else p)
