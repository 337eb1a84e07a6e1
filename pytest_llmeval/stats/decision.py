"""The gate's decision rule and what a suite can detect (no pytest here).

Non-inferiority: a rule `metric:margin` fails when we are confident the metric got worse by more than the
margin, i.e. when the one-sided (1 - alpha) lower bound of the worsening is above the margin - equivalently
when the one-sided p-value of H0 "worsening <= margin" is at most alpha. Scores use the exact sign-flip
test (`permutation.py`), pass rates McNemar's exact conditional test (`paired.py`). Several rules x models x
modes are one family, less the rules that could not be significant under the correction at their n
(`tarone_family`, Tarone 1990): `holm()` adjusts their p-values (Holm 1979) and a rule fails when its adjusted p
is at most alpha.

Minimum detectable effect: the worsening the gate catches with 80% power at this n and this noise, from the
normal approximation with t quantiles (margin + (t_{1-alpha} + t_{power}) sd / sqrt(n)), never below what
the exact test can reach at all at this n.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .intervals import _r
from .paired import discordant_share_bounds
from .permutation import subset_means

ALPHA = 0.05
POWER = 0.80


@dataclass(frozen=True)
class NonInferiority:
    """One rule on one group: H0 "worsening <= margin" against "worsening > margin" (worsening > 0 = worse)."""

    estimate: float | None  # observed mean worsening
    bound: float | None  # one-sided (1 - alpha) lower bound of the worsening (None: minus infinity)
    p_value: float | None  # one-sided p of H0
    n: int
    margin: float
    method: str
    min_p: float | None  # the smallest p any outcome could give at this n
    alpha: float = ALPHA
    notes: list[str] = field(default_factory=list)

    @property
    def can_reject(self) -> bool:
        """False when no outcome at this n could be significant."""
        return self.min_p is not None and self.min_p <= self.alpha

    def to_dict(self) -> dict[str, Any]:
        return {
            "worsening": _r(self.estimate),
            "bound": _r(self.bound),
            "p_value": _r(self.p_value, 6),
            "n": self.n,
            "margin": self.margin,
            "method": self.method,
            "min_p": _r(self.min_p, 6),
            "alpha": self.alpha,
            "notes": list(self.notes),
        }


def noninferiority_mean(
    worsening: Sequence[float], margin: float, alpha: float = ALPHA, seed: int = 0
) -> NonInferiority:
    """Sign-flip test of H0 "mean worsening <= margin" over per-case worsenings, with its exact bound."""
    w = np.asarray(worsening, dtype=float)
    n = len(w)
    if n == 0:
        return NonInferiority(None, None, None, 0, margin, "no cases", None, alpha)
    if n < 2:
        return NonInferiority(float(w[0]), None, 1.0, 1, margin, "n=1: no test", 1.0, alpha)
    subsets = subset_means(w, seed)
    return NonInferiority(
        float(w.mean()),
        subsets.lower_bound(alpha),
        subsets.p_at_most(margin),
        n,
        margin,
        subsets.method,
        subsets.min_p,
        alpha,
    )


def noninferiority_pass(
    base_pass: Sequence[bool], new_pass: Sequence[bool], margin: float, alpha: float = ALPHA
) -> NonInferiority:
    """McNemar's exact conditional test of H0 "pass rate fell by <= margin points": given m discordant pairs
    (share psi of n), the share theta of them that went pass -> fail is binomial; the fall is
    100 psi (2 theta - 1), so H0 is theta <= (margin / (100 psi) + 1) / 2, tested exactly."""
    from scipy.stats import binom

    n = len(base_pass)
    b10 = sum(1 for x, y in zip(base_pass, new_pass) if x and not y)
    b01 = sum(1 for x, y in zip(base_pass, new_pass) if y and not x)
    m = b10 + b01
    method = "McNemar exact (conditional on the discordant pairs)"
    if n == 0:
        return NonInferiority(None, None, None, 0, margin, "no cases", None, alpha)
    estimate = 100 * (b10 - b01) / n
    min_p = _mcnemar_min_p(n, margin)
    if m == 0:
        return NonInferiority(estimate, 0.0, 1.0, n, margin, method, min_p, alpha, ["no case changed verdict"])
    psi = m / n
    theta0 = (margin / (100 * psi) + 1) / 2
    p = 1.0 if theta0 >= 1 else float(binom.sf(b10 - 1, m, theta0))
    low_theta, _ = discordant_share_bounds(b10, m, alpha)
    bound = 100 * psi * (2 * low_theta - 1)
    return NonInferiority(estimate, bound, p, n, margin, method, min_p, alpha)


def _mcnemar_min_p(n: int, margin: float) -> float:
    """The smallest one-sided p McNemar's conditional test could give at n cases (all flips one way)."""
    best = 1.0
    for k in range(1, n + 1):
        theta0 = (margin / (100 * k / n) + 1) / 2
        if theta0 < 1:
            best = min(best, theta0**k)
    return best


def holm(p_values: Sequence[float | None]) -> list[float | None]:
    """Holm's step-down adjusted p-values (None stays None and is not part of the family)."""
    indexed = [(p, i) for i, p in enumerate(p_values) if p is not None]
    m = len(indexed)
    out: list[float | None] = [None] * len(p_values)
    running = 0.0
    for rank, (p, i) in enumerate(sorted(indexed)):
        running = max(running, min(1.0, (m - rank) * p))
        out[i] = running
    return out


def tarone_family(min_ps: Sequence[float | None], alpha: float = ALPHA) -> tuple[list[int], int]:
    """Tarone's (1990) family for discrete tests: the smallest K such that at most K of the tests could reach
    p <= alpha / K at all (their smallest possible p, from the n alone; None: any p), and those tests. The others
    can never be significant under the correction, so they are left out of it instead of diluting it: the
    family-wise false-alarm rate stays at alpha over every rule x model x mode. (Holm over all of them made a total
    collapse of one model at n=6 unfailable when two models were gated: 4 rules need p <= 0.0125, the sign-flip
    test's smallest p at n=6 is 1/64; pass_rate:10 can reach only 0.028 there, so the family is the 2 score rules.)"""
    if not min_ps:
        return [], 0
    for k in range(1, len(min_ps) + 1):
        members = [i for i, m in enumerate(min_ps) if m is None or m <= alpha / k]
        if len(members) <= k:
            return members, k
    return list(range(len(min_ps))), len(min_ps)


@dataclass(frozen=True)
class Detectable:
    """The smallest worsening a rule catches with `power` at this n and noise."""

    worsening: float | None  # None: cannot be detected at any size (n too small) or noise unknown
    noise_term: float | None  # worsening - margin
    sd: float | None  # of the per-case changes
    n: int
    margin: float
    checkable: bool  # the noise term is at most the margin (a worsening of twice the margin is caught)
    cases_needed: int | None
    repeats_needed: int | None
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "worsening": _r(self.worsening, 2),
            "noise_term": _r(self.noise_term, 2),
            "sd": _r(self.sd, 3),
            "n": self.n,
            "margin": self.margin,
            "checkable": self.checkable,
            "cases_needed": self.cases_needed,
            "repeats_needed": self.repeats_needed,
            "text": self.text,
        }


def detectable(
    changes: Sequence[float],
    margin: float,
    unit: str,
    rule: str,
    exact_floor: float | None = None,
    within_var: float | None = None,
    repeats: int = 1,
    alpha: float = ALPHA,
    power: float = POWER,
    min_cases: int | None = None,
) -> Detectable:
    """Minimum detectable worsening for `rule` from the per-case changes (their sd is the noise).
    `exact_floor`: the smallest worsening the exact test can flag at all at this n (None: none can).
    `within_var`: the variance between samples of one case (per side, summed), when repeats were run:
    repeats shrink only that part of the noise. `min_cases`: the fewest cases at which the exact test could reject
    at all (the sign-flip test's when not given; McNemar's depends on the margin: `min_cases_pass`; 0: none can)."""
    from scipy.stats import norm, t

    x = np.asarray(changes, dtype=float)
    n = len(x)
    if n < 2:
        return Detectable(None, None, None, n, margin, False, None, None, f"{rule}: n={n}: cannot be checked")
    sd = float(x.std(ddof=1))
    k = float(t.ppf(1 - alpha, n - 1) + t.ppf(power, n - 1))
    if exact_floor is None:
        least = min_cases if min_cases is not None else _exact_min_n(alpha)  # 0: no number of cases can
        how_many = f"at least {least} cases needed" if least else "no number of cases can"
        text = (
            f"{rule}: cannot be checked with {n} cases at any size: no outcome could be significant at "
            f"{1 - alpha:.0%} ({how_many})"
        )
        return Detectable(None, None, sd, n, margin, False, least, None, text)
    if sd == 0:
        worst = max(margin, exact_floor)
        text = (
            f"{rule}: no change varied between cases (sd 0): noise unknown; the exact test can flag a "
            f"worsening from {worst:.3g} {unit} at n={n}"
        )
        return Detectable(worst, None, 0.0, n, margin, True, None, None, text)
    noise = k * sd / math.sqrt(n)
    worst = max(margin + noise, exact_floor)
    checkable = noise <= margin
    z = float(norm.ppf(1 - alpha) + norm.ppf(power))
    needed = None if margin <= 0 else max(n, int(math.ceil((z * sd / margin) ** 2)))
    repeats_needed = None
    if within_var is not None and margin > 0:
        between = max(0.0, sd**2 - within_var / max(repeats, 1))
        allowed = n * (margin / k) ** 2
        if allowed > between and within_var > 0:
            repeats_needed = max(1, int(math.ceil(within_var / (allowed - between))))
    text = (
        f"{rule}: with n={n} and sd {sd:.3g} of the per-case changes, the gate catches a worsening of "
        f"{worst:.3g} {unit} {power:.0%} of the time"
    )
    if not checkable:
        text += f"; {rule} cannot be checked with {n} cases (the noise, {noise:.3g}, exceeds the threshold)"
        if needed is not None:
            text += f"; about {needed} cases would be needed"
        if repeats_needed is not None:
            text += f", or {repeats_needed} repeats of each case"
        elif within_var is None:
            text += " (repeats help only if answers vary between samples; at temperature 0 they do not)"
        elif margin > 0:
            text += " (more repeats cannot: the cases themselves differ)"
    return Detectable(worst, noise, sd, n, margin, checkable, needed if not checkable else None, repeats_needed, text)


def _exact_min_n(alpha: float) -> int:
    return int(math.ceil(math.log2(1 / alpha)))


def exact_floor_mean(n: int, margin: float, alpha: float = ALPHA) -> float | None:
    """The sign-flip test can reject only when 2^-n <= alpha; then any worsening past the margin can."""
    return margin if n >= 1 and 2.0**-n <= alpha else None


def min_cases_pass(margin: float, alpha: float = ALPHA, limit: int = 10_000) -> int | None:
    """The fewest cases at which McNemar's test could flag a fall of the pass rate by more than `margin` points;
    None when no number can (a fall of more than 100 points is impossible)."""
    if margin >= 100:
        return None
    return next((n for n in range(1, limit + 1) if exact_floor_pass(n, margin, alpha) is not None), None)


def exact_floor_pass(n: int, margin: float, alpha: float = ALPHA) -> float | None:
    """The smallest fall of pass rate (points) McNemar's test can flag at n: k one-way flips, k smallest."""
    for k in range(1, n + 1):
        theta0 = (margin / (100 * k / n) + 1) / 2
        if theta0 < 1 and theta0**k <= alpha:
            return 100 * k / n
    return None
