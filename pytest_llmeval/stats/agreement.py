"""Agreement of two scorers on the same answers: Cohen's kappa on pass/fail (with an interval, and the
prevalence-adjusted PABAK = 2 p_o - 1, which stays readable when nearly every case passes), Spearman on scores.

Kappa's interval is the hull of a percentile bootstrap over cases and the rate interval of the observed
agreement p_o (`intervals.wilson`: mid-p exact) carried through kappa = (p_o - p_e) / (1 - p_e) at the observed
chance agreement p_e. The bootstrap alone is [1, 1] whenever the scorers agree on every case - at 14 cases as at
1,000 - because no resample can disagree; the rate interval keeps what n says (14 of 14 agreeing: p_o >= 0.807).

The case is the unit (`clusters`: the case id of each answer, with --llm-repeat): a case's answers are resampled
together and the agreement's rate interval is over the cases' shares of answers agreed, so n = cases. Counting each
answer as a unit (as before) made the interval as narrow as 3 x 8 independent answers would allow, where 8 cases
asked 3 times, their answers mostly alike, hold little more than 8 (`benchmarks/kappa_cluster_coverage.py`, 300
suites per cell, true kappa 0.5 / 0.7 / 0.9: the answer-level interval covered 0.81-0.90 at kappa 0.5-0.7 and
0.86-0.96 at 0.9 over 6-30 cases x 3 repeats; the case-level one 0.95-0.98 and 0.99-1.00 - conservative where
agreement is high, as the hull with the agreement's rate interval is at one answer per case too). Spearman's rho with
repeats is over the cases' mean scores, n = cases: its p-value over answers counted each case up to 3 times. Its p is
a permutation p up to 30 pairs (exact up to 8): scipy's t approximation read p <= 0.05 in 10% of unrelated score pairs
at 4-5 cases, and p = 0 for a perfect order of 4."""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .intervals import Interval, _r, finite, mean_ci, resample_cases, wilson

PERMUTATION_MAX_N = 30  # beyond, scipy's t approximation is close (and the orderings too many to sample finely)
EXACT_ORDERINGS_MAX_N = 8  # 8! = 40,320 orderings are enumerated; more are sampled
ORDERING_DRAWS = 20_000


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
    a: Sequence[bool],
    b: Sequence[bool],
    confidence: float = 0.95,
    resamples: int = 2000,
    seed: int = 0,
    clusters: Sequence[Any] | None = None,
) -> Agreement:
    """(observed - expected agreement) / (1 - expected) over the answers, None when both raters never vary together;
    a percentile-bootstrap interval over cases (resamples where kappa is undefined dropped) joined with the rate
    interval of the agreement, and PABAK. `clusters` (one case id per answer): the case is the unit - its answers
    are resampled together, n = cases (module docstring)."""
    keep = [i for i, (x, y) in enumerate(zip(a, b)) if is_verdict(x) and is_verdict(y)]
    if clusters is not None and len(clusters) != len(a):
        raise ValueError(f"clusters has {len(clusters)} ids for {len(a)} answers")
    ids = [clusters[i] for i in keep] if clusters is not None else keep
    groups = _groups(ids)
    n = len(groups)
    if not keep:
        return Agreement(None, 0, "cohen_kappa")
    x = np.asarray([bool(a[i]) for i in keep], dtype=float)
    y = np.asarray([bool(b[i]) for i in keep], dtype=float)
    pabak = 2 * float(np.mean(x == y)) - 1
    # a rater who gave every answer one verdict has no agreement beyond chance to measure: kappa is exactly 0 when
    # the other rater's verdicts differ (keyword failing both of 2 cases, judge passing both: "0.00 [0.00, 0.78]",
    # read as chance-level agreement beside agree 0%), and undefined (0/0) when both never vary - either way agree %
    # and PABAK say what there is
    value = float("nan") if x.min() == x.max() or y.min() == y.max() else _kappa(x, y)
    unit = "cases" if n < len(keep) else ""
    if math.isnan(value):
        return Agreement(None, n, "cohen_kappa (undefined: no variation)", pabak=pabak)
    if n < 2:
        return Agreement(value, n, "cohen_kappa", pabak=pabak)

    def resampled(idx: np.ndarray) -> float:
        rows = np.concatenate([groups[i] for i in idx])
        return _kappa(x[rows], y[rows])

    stats = resample_cases(n, resampled, resamples, seed)
    if len(stats) < resamples / 2:  # most resamples had no variation: no honest interval
        return Agreement(value, n, "cohen_kappa (too little variation for an interval)", pabak=pabak)
    alpha = (1 - confidence) / 2
    low, high = (float(v) for v in np.quantile(stats, [alpha, 1 - alpha]))
    agreed = _agreement_interval([float(np.mean(x[g] == y[g])) for g in groups], confidence)
    chance = float(x.mean() * y.mean() + (1 - x.mean()) * (1 - y.mean()))
    if agreed.low is not None and agreed.high is not None:
        low = min(low, (agreed.low / 100 - chance) / (1 - chance))
        high = max(high, (agreed.high / 100 - chance) / (1 - chance))
    over = f"{n} cases, their {len(keep)} answers kept together" if unit else "cases"
    method = (
        f"cohen_kappa; hull of a bootstrap over {over} ({len(stats)} resamples) and the agreement's {agreed.method} "
        "interval"
    )
    return Agreement(value, n, method, None, max(low, -1.0), min(high, 1.0), pabak)


def is_verdict(value: Any) -> bool:
    """A pass/fail given: not None, and not a NaN or an infinity (no measurement; `bool(nan)` is True, so a NaN
    verdict counted as a pass in the kappa and its n)."""
    if value is None or isinstance(value, (bool, np.bool_)):
        return value is not None
    try:
        return math.isfinite(float(value))
    except (TypeError, ValueError):
        return True  # not a number: its truth value is the verdict, as before


def _groups(ids: Sequence[Any]) -> list[np.ndarray]:
    """The positions of each case's answers, cases in first-seen order."""
    positions: dict[Any, list[int]] = {}
    for position, case in enumerate(ids):
        positions.setdefault(case, []).append(position)
    return [np.asarray(p, dtype=int) for p in positions.values()]


def _agreement_interval(shares: Sequence[float], confidence: float) -> Interval:
    """The agreement's interval over cases (each case's share of answers agreed): the rate interval when every case
    agreed or disagreed whole, else the interval of the mean of the shares - as the agree % beside it."""
    if all(share in (0.0, 1.0) for share in shares):
        return wilson(int(sum(shares)), len(shares), confidence)
    return mean_ci([100 * share for share in shares], confidence=confidence)


def spearman(
    x: Sequence[Any],
    y: Sequence[Any],
    clusters: Sequence[Any] | None = None,
    seed: int = 0,
    confidence: float = 0.95,
) -> Agreement:
    """Spearman's rho of two scorers' scores and its p over the answers scored by both (a None, NaN or infinite score
    on either side is none); with `clusters` (one case id per answer) over the cases' mean scores, n = cases (an
    answer-level p counted each case as often as it was asked). Up to `PERMUTATION_MAX_N` pairs the p is a
    permutation p (`spearman_permutation_p`), not scipy's t approximation; from 4 pairs rho has an interval
    (`spearman_interval`)."""
    if clusters is not None and len(clusters) != len(x):
        raise ValueError(f"clusters has {len(clusters)} ids for {len(x)} answers")
    # a NaN or an infinity is no score: kept, it counted in n and made rho undefined (NaN ranks) or a rank of its own
    keep = [i for i, (a, b) in enumerate(zip(x, y)) if finite(a) and finite(b)]
    pairs = [(float(x[i]), float(y[i])) for i in keep]
    if clusters is not None:
        groups = _groups([clusters[i] for i in keep])
        pairs = [(float(np.mean([pairs[j][0] for j in g])), float(np.mean([pairs[j][1] for j in g]))) for g in groups]
    n = len(pairs)
    if n < 3 or len({a for a, _ in pairs}) < 2 or len({b for _, b in pairs}) < 2:
        return Agreement(None, n, "spearman (undefined: n<3 or no variation)")
    from scipy.stats import spearmanr

    result = spearmanr([a for a, _ in pairs], [b for _, b in pairs])
    rho, p = float(result.statistic), float(result.pvalue)
    method = "spearman of case means" if clusters is not None and n < len(keep) else "spearman"
    if n <= PERMUTATION_MAX_N and not math.isnan(rho):
        p, how = spearman_permutation_p([a for a, _ in pairs], [b for _, b in pairs], seed)
        method += f"; p from {how}"
    if math.isnan(rho):
        return Agreement(None, n, method, None if math.isnan(p) else p)
    low, high = spearman_interval(rho, n, confidence)
    if low is not None:
        method += f"; {confidence:.0%} interval: {SPEARMAN_INTERVAL_METHOD}"
    return Agreement(rho, n, method, None if math.isnan(p) else p, low, high)


SPEARMAN_INTERVAL_METHOD = "Fisher z with the Bonett-Wright variance (a perfect order as one swap short of it)"


def spearman_interval(rho: float, n: int, confidence: float = 0.95) -> tuple[float | None, float | None]:
    """Rho's interval over n cases: Fisher's z = atanh(rho) with the Bonett-Wright (2000) variance
    (1 + rho^2 / 2) / (n - 3); none below 4 cases (the variance has no n - 3 > 0). A perfect order (|rho| = 1) has
    z = infinity and an interval [1, 1] at any n - as certain from 4 cases as from 400: it is taken as the nearest
    order n cases can give, one adjacent swap short (|rho| = 1 - 12 / (n (n^2 - 1)): 0.8 at 4 cases, 0.94 at 6), so
    that 4 cases in perfect order read [-0.82, 1.00], 6 read [0.38, 1.00] and 14 [0.98, 1.00]. scipy gives rho and
    its p, no interval; a percentile bootstrap is [1, 1] for a perfect order at every n, as kappa's is for full
    agreement.
    `benchmarks/spearman_interval_coverage.py`: 94-100% coverage at 6-30 cases, true rho 0-0.9, continuous scores
    and keyword-like ones in five tied steps."""
    if n < 4 or not math.isfinite(rho):
        return None, None
    from scipy.stats import norm

    nearest = 1 - 12 / (n * (n * n - 1))
    clipped = max(-nearest, min(nearest, rho))
    z, spread = math.atanh(clipped), float(norm.ppf(0.5 + confidence / 2)) * math.sqrt((1 + clipped**2 / 2) / (n - 3))
    low, high = math.tanh(z - spread), math.tanh(z + spread)
    if clipped != rho:  # the interval keeps the rho it is printed beside
        low, high = min(low, rho), max(high, rho)
    return low, high


@functools.cache
def _all_orderings(n: int) -> np.ndarray:
    """Every ordering of n cases, one a row (kept: a report asks for the same n once per model and mode)."""
    return np.asarray(list(itertools.permutations(range(n))), dtype=np.int8)


def spearman_permutation_p(x: Sequence[float], y: Sequence[float], seed: int = 0) -> tuple[float, str]:
    """The two-sided p of Spearman's rho under "no association" from the orderings of y against x: every one up to
    `EXACT_ORDERINGS_MAX_N` cases, else `ORDERING_DRAWS` seeded ones ((1 + as extreme) / (draws + 1)). scipy's p
    (the t distribution) is far from it at the n a suite has: rho 1.00 of 4 cases gave p = 0, where no ordering of 4
    cases gives less than 2/24 = 0.083; under no association it read p <= 0.05 in 10% of draws at n = 4-5 and 7% at
    n = 6. Ties keep their mid-ranks (rho is the Pearson correlation of the ranks, as scipy's)."""
    from scipy.stats import rankdata

    rx, ry = rankdata(x), rankdata(y)
    rx, ry = rx - rx.mean(), ry - ry.mean()
    scale = float(np.sqrt((rx**2).sum() * (ry**2).sum()))
    observed = abs(float(rx @ ry) / scale)
    n = len(rx)
    if n <= EXACT_ORDERINGS_MAX_N:
        orderings = _all_orderings(n)
        extreme = np.count_nonzero(np.abs(ry[orderings] @ rx) / scale >= observed - 1e-9)
        return float(extreme / len(orderings)), f"all {len(orderings)} orderings (exact)"
    rng = np.random.default_rng(seed)
    orderings = rng.permuted(np.tile(np.arange(n), (ORDERING_DRAWS, 1)), axis=1)
    extreme = np.count_nonzero(np.abs(ry[orderings] @ rx) / scale >= observed - 1e-9)
    return float((1 + extreme) / (ORDERING_DRAWS + 1)), f"{ORDERING_DRAWS} seeded orderings (Monte Carlo)"
