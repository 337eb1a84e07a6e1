"""The gate's decision rule and what a suite can detect (no pytest here).

Non-inferiority: a rule `metric:margin` fails when we are confident the metric got worse by more than the
margin, i.e. when the one-sided (1 - alpha) lower bound of the worsening is above the margin - equivalently
when the one-sided p-value of H0 "worsening <= margin" is at most alpha. Scores use the exact sign-flip
test (`permutation.py`), pass rates McNemar's exact conditional test (`paired.py`). Several rules x models x
modes are one family, less the rules that could not be significant under the correction at their n
(`tarone_family`, Tarone 1990), and a rule fails when its adjusted p is at most alpha. The sign-flip rules share the
suite's cases, so they are one unit of the family, tested jointly (`joint_stepdown`: Westfall and Young's step-down
max-T over the sign patterns of the shared cases); each McNemar rule is a unit of its own, and Holm (1979) adjusts
across the units. (Holm over 4 score rules at n=6 needed p <= 0.0125, below the sign-flip test's smallest p, 1/64:
a model that lost every case beside 3 others passed.)

Only cases that could get worse by more than the margin count as able to: for pass/fail the cases that passed in
the baseline (only they can go pass -> fail), for scores those whose baseline value is above the margin (a new
score is never below 0). The baseline is fixed before the new run, so the smallest p a rule can reach - and
whether Tarone's rule keeps it - is known in advance: a weak model's baseline with 6 of 16 cases passing cannot
make pass_rate:10 significant at all (0.633^6 = 0.065), and the rule no longer dilutes the others.

Minimum detectable effect: the worsening the gate catches with 80% power at this n and this noise. Scores (and
pass rates with repeats): the normal approximation with t quantiles (margin + (t_{1-alpha} + t_{power}) sd /
sqrt(n)), never below what the exact test can reach at all at this n. Pass/fail: exact - McNemar's test flags k or
more one-way flips of the n_pass cases that passed in the baseline, so its power at a true fall of d points with no
case going fail -> pass (the most favourable discordance: each case that goes the other way as well adds noise and
lowers it) is P(Binomial(n_pass, d n / (100 n_pass)) >= k), and the fall caught 80% of the time is a beta quantile
(`detectable_pass`). At 7 of 14 flips (the smallest fall pass_rate:10 can flag at all, 50 points, when all 14
passed) the power is 0.61, not 0.80.

p-values are kept as computed; `p_text` prints them with 3 significant digits, or "<2e-05" where a Monte Carlo
test's p is at its floor (1 / (draws + 1): the true p may be smaller).
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
from .stepdown import joint_stepdown as joint_stepdown

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
    p_floor: float | None = None  # a Monte Carlo count's own smallest p (min_p when not given)

    @property
    def can_reject(self) -> bool:
        """False when no outcome at this n could be significant."""
        return self.min_p is not None and self.min_p <= self.alpha

    @property
    def p_at_floor(self) -> bool:
        """The p of a Monte Carlo test at its smallest value: the true p may be smaller ("<2e-05")."""
        return at_floor(self.p_value, self.min_p if self.p_floor is None else self.p_floor, self.method)

    def to_dict(self) -> dict[str, Any]:
        return {
            "worsening": _r(self.estimate),
            "bound": _r(self.bound),
            "p_value": _p(self.p_value),
            "p_at_floor": self.p_at_floor,
            "n": self.n,
            "margin": self.margin,
            "method": self.method,
            "min_p": _p(self.min_p),
            "alpha": self.alpha,
            "notes": list(self.notes),
        }


def _p(value: float | None) -> float | None:
    """A p-value for JSON: unrounded (rounding made the Monte Carlo floor 2e-05 read 0), None if not a number."""
    return None if value is None or not math.isfinite(value) else float(value)


def at_floor(p: float | None, min_p: float | None, method: str) -> bool:
    """A Monte Carlo test's p at its smallest possible value (1 / (draws + 1)), where it says "at most this"."""
    return p is not None and min_p is not None and "Monte Carlo" in method and p <= min_p * (1 + 1e-9)


def p_text(p: float | None, floor: bool = False) -> str:
    """A p-value in words: 3 significant digits ("0.028", "4.02e-07"), "<2e-05" at a Monte Carlo test's floor
    (`floor`), "-" when there is none - and for what is no probability at all (NaN, an infinity, 0 or below, above
    1: a hand-edited results.json printed `0 (nan)` beside a verdict; no test here gives a p of 0, the smallest is
    1 / the patterns or draws counted). A float's hair above 1 is 1."""
    if p is None or isinstance(p, bool) or not isinstance(p, (int, float)) or not 0 < p <= 1 + P_HAIR:
        return "-"
    p = min(float(p), 1.0)
    return f"<{p:.2g}" if floor else f"{p:.3g}"


P_HAIR = 1e-9  # a p of 1 + 1e-12 is a float's rounding of 1


def noninferiority_mean(
    worsening: Sequence[float],
    margin: float,
    alpha: float = ALPHA,
    seed: int = 0,
    ceiling: Sequence[float] | None = None,
) -> NonInferiority:
    """Sign-flip test of H0 "mean worsening <= margin" over per-case worsenings, with its exact bound (NaN and
    infinite values are left out: they are no measurement). `ceiling` (per case, the baseline's values): the most
    each case can get worse (the new value is never below 0); a case whose ceiling is at most the margin can never
    count against H0, and the smallest possible p (`min_p`) counts only the others (permutation.py)."""
    w = np.asarray(worsening, dtype=float)
    finite = np.isfinite(w)
    able = None
    if ceiling is not None:
        top = np.asarray(ceiling, dtype=float)
        if len(top) != len(w):
            raise ValueError(f"ceiling has {len(top)} values for {len(w)} cases")
        able = ~(top[finite] <= margin + 1e-9)  # as p_at_most: a mean within 1e-9 of the margin counts
    w = w[finite]
    n = len(w)
    if n == 0:
        return NonInferiority(None, None, None, 0, margin, "no cases", None, alpha)
    if n < 2:
        return NonInferiority(float(w[0]), None, 1.0, 1, margin, "n=1: no test", 1.0, alpha)
    subsets = subset_means(w, seed, able=able)
    notes = []
    if able is not None and not able.all():
        notes.append(f"only {int(able.sum())} of the {n} cases can get worse by more than {margin:g}")
    return NonInferiority(
        float(w.mean()),
        subsets.lower_bound(alpha),
        subsets.p_at_most(margin),
        n,
        margin,
        subsets.method,
        subsets.min_p,
        alpha,
        notes,
        subsets.floor,
    )


def noninferiority_pass(
    base_pass: Sequence[bool], new_pass: Sequence[bool], margin: float, alpha: float = ALPHA
) -> NonInferiority:
    """McNemar's exact conditional test of H0 "pass rate fell by <= margin points": given m discordant pairs
    (share psi of n), the share theta of them that went pass -> fail is binomial; the fall is
    100 psi (2 theta - 1), so H0 is theta <= (margin / (100 psi) + 1) / 2, tested exactly. Its smallest possible
    p counts only the cases that passed in the baseline: only they can go pass -> fail."""
    from scipy.stats import binom

    n = len(base_pass)
    b10 = sum(1 for x, y in zip(base_pass, new_pass) if x and not y)
    b01 = sum(1 for x, y in zip(base_pass, new_pass) if y and not x)
    m = b10 + b01
    method = "McNemar exact (conditional on the discordant pairs)"
    if n == 0:
        return NonInferiority(None, None, None, 0, margin, "no cases", None, alpha)
    estimate = 100 * (b10 - b01) / n
    able = sum(1 for x in base_pass if x)
    min_p = _mcnemar_min_p(n, margin, able)
    notes = [f"only {able} of the {n} cases passed in the baseline"] if able < n else []
    if m == 0:
        notes.append("no case changed verdict")
        return NonInferiority(estimate, 0.0, 1.0, n, margin, method, min_p, alpha, notes)
    psi = m / n
    theta0 = (margin / (100 * psi) + 1) / 2
    p = 1.0 if theta0 >= 1 else float(binom.sf(b10 - 1, m, theta0))
    low_theta, _ = discordant_share_bounds(b10, m, alpha)
    bound = 100 * psi * (2 * low_theta - 1)
    return NonInferiority(estimate, bound, p, n, margin, method, min_p, alpha, notes)


def _mcnemar_min_p(n: int, margin: float, able: int | None = None) -> float:
    """The smallest one-sided p McNemar's conditional test could give at n cases of which `able` (all when not
    given) passed in the baseline: k <= able flips, all one way. (Enumerating every outcome, fail -> pass flips
    included, finds a smaller p only where both are above 0.88 - checked up to n = 60 -, never one that matters.)"""
    best = 1.0
    top = n if able is None else max(0, min(able, n))
    for k in range(1, top + 1):
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
    limit: str | None = None,
) -> Detectable:
    """Minimum detectable worsening for `rule` from the per-case changes (their sd is the noise).
    `exact_floor`: the smallest worsening the exact test can flag at all at this n (None: none can).
    `within_var`: the variance between samples of one case (per side, summed), when repeats were run:
    repeats shrink only that part of the noise. `min_cases`: the fewest cases at which the exact test could reject
    at all (the sign-flip test's when not given; McNemar's depends on the margin: `min_cases_pass`; 0: none can).
    `limit`: why fewer cases than n can get worse by more than the margin (said when no outcome can be
    significant)."""
    from scipy.stats import norm, t

    x = np.asarray(changes, dtype=float)
    x = x[np.isfinite(x)]  # NaN or inf is no measurement (the comparison makes it a scoring error before this)
    n = len(x)
    if n < 2:
        return Detectable(None, None, None, n, margin, False, None, None, f"{rule}: n={n}: cannot be checked")
    sd = float(x.std(ddof=1))
    k = float(t.ppf(1 - alpha, n - 1) + t.ppf(power, n - 1))
    if exact_floor is None:
        least = min_cases if min_cases is not None else _exact_min_n(alpha)  # 0: no number of cases can
        at_share = " at the same share" if limit else ""
        how_many = f"at least {least} cases needed{at_share}" if least else f"no number of cases can{at_share}"
        text = (
            f"{rule}: cannot be checked with {n} cases at any size: {limit + ', and ' if limit else ''}no outcome "
            f"could be significant at {1 - alpha:.0%} ({how_many})"
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
    ratio = (z * sd / margin) ** 2 if margin > 0 else math.inf
    needed = max(n, int(math.ceil(ratio))) if math.isfinite(ratio) else None
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


def min_cases_mean(n: int, able: int, alpha: float = ALPHA) -> int:
    """The fewest cases at which the sign-flip test could reject at all when only `able` of n can get worse by more
    than the margin, their share kept (2^-able <= alpha); 0 when none can."""
    return int(math.ceil(_exact_min_n(alpha) * n / able - 1e-9)) if able > 0 else 0


def exact_floor_mean(n: int, margin: float, alpha: float = ALPHA) -> float | None:
    """The sign-flip test can reject only when 2^-n <= alpha; then any worsening past the margin can."""
    return margin if n >= 1 and 2.0**-n <= alpha else None


def able_at(cases: int, share: float) -> int:
    """How many of `cases` passed in the baseline at the baseline's pass share `share` (rounded down)."""
    return int(math.floor(cases * share + 1e-9))


def min_cases_pass(margin: float, alpha: float = ALPHA, limit: int = 10_000, share: float = 1.0) -> int | None:
    """The fewest cases at which McNemar's test could flag a fall of the pass rate by more than `margin` points,
    when a share `share` of them passed in the baseline; None when no number can (a fall of more than 100 share
    points is impossible)."""
    if share <= 0 or margin >= 100 * share:
        return None
    return next(
        (n for n in range(1, limit + 1) if exact_floor_pass(n, margin, alpha, able_at(n, share)) is not None), None
    )


def exact_floor_pass(n: int, margin: float, alpha: float = ALPHA, able: int | None = None) -> float | None:
    """The smallest fall of pass rate (points) McNemar's test can flag at n (`able` of them passed in the
    baseline; all when not given): k one-way flips, k smallest."""
    k = min_flips(n, margin, alpha, able)
    return None if k is None else 100 * k / n


def min_flips(n: int, margin: float, alpha: float = ALPHA, able: int | None = None) -> int | None:
    """The fewest cases of n that must go pass -> fail (none the other way) for McNemar's test to flag a fall of
    more than `margin` points: the smallest k with theta0(k)^k <= alpha, theta0(k) = (margin n / (100 k) + 1) / 2.
    k log theta0(k) falls as k grows, so it is found by bisection (cheap at any n); None when no k <= `able` (the
    cases that passed in the baseline, all n when not given) does."""
    top = n if able is None else min(able, n)
    if n < 1 or top < 1:
        return None

    def flags(k: int) -> bool:
        theta0 = (margin / (100 * k / n) + 1) / 2
        return theta0 < 1 and k * math.log(theta0) <= math.log(alpha)

    if not flags(top):
        return None
    low, high = max(1, int(math.floor(margin * n / 100))), top  # theta0 >= 1 up to k = margin n / 100 (< top)
    if flags(low):
        return low
    while high - low > 1:  # flags(high), not flags(low)
        mid = (low + high) // 2
        low, high = (low, mid) if flags(mid) else (mid, high)
    return high


def pass_power(n: int, margin: float, fall: float, alpha: float = ALPHA, able: int | None = None) -> float:
    """Exact power of McNemar's one-sided test at n cases, `able` of which (all when not given) passed in the
    baseline, when the pass rate truly falls by `fall` points and no case goes fail -> pass (the most favourable
    discordance for the test): each passing case goes pass -> fail with chance fall n / (100 able), so
    P(Binomial(able, fall n / (100 able)) >= k), k the fewest one-way flips it flags (`min_flips`); 0 when none
    can be flagged."""
    from scipy.special import bdtrc  # P(X > k) of a binomial

    top = n if able is None else min(able, n)
    k = min_flips(n, margin, alpha, top)
    if k is None or fall <= 0:
        return 0.0
    return float(bdtrc(k - 1, top, min(1.0, fall * n / (100 * top))))


def detectable_pass(
    n: int,
    margin: float,
    rule: str,
    changes: Sequence[float] = (),
    alpha: float = ALPHA,
    power: float = POWER,
    limit: int = 1_000_000,
    able: int | None = None,
) -> Detectable:
    """Minimum detectable fall of a pass rate (every case passed or failed whole), exactly: McNemar's test flags
    k = `min_flips` or more one-way flips, so the fall it catches with `power` when no case goes fail -> pass is
    the d with P(Binomial(able, d n / able) >= k) = power, a beta quantile. That is at best - each case that goes
    fail -> pass as well lowers the power. `able`: the cases that passed in the baseline (all n when not given),
    the only ones that can go pass -> fail; more cases ("cases needed") keep the baseline's pass share. `changes`
    (per-case, for the sd shown) are optional."""
    from scipy.special import betaincinv  # the beta quantile: P(Binomial(a, q) >= k) = I_q(k, a - k + 1)

    x = np.asarray(changes, dtype=float)
    x = x[np.isfinite(x)]
    sd = float(x.std(ddof=1)) if len(x) > 1 else None
    top = n if able is None else max(0, min(able, n))
    share = top / n if n else 0.0
    limited = top < n
    note = (
        f"only {top} of the {n} cases passed in the baseline, so at most {top} can go pass -> fail (a fall of at "
        f"most {100 * share:.3g} pp)"
        if limited
        else ""
    )
    at_share = " at this baseline pass rate" if limited else ""
    k = min_flips(n, margin, alpha, top)
    if k is None:
        least = min_cases_pass(margin, alpha, share=share if limited else 1.0) or 0
        how_many = f"at least {least} cases needed{at_share}" if least else f"no number of cases can{at_share}"
        text = (
            f"{rule}: cannot be checked with {n} cases at any size: {note + ', and ' if limited else ''}no outcome "
            f"could be significant at {1 - alpha:.0%} ({how_many})"
        )
        return Detectable(None, None, sd, n, margin, False, least, None, text)

    def fall_caught(cases: int) -> float | None:
        passing = top if cases == n else able_at(cases, share)
        flips = min_flips(cases, margin, alpha, passing)
        if flips is None:
            return None
        return 100 * float(betaincinv(flips, passing - flips + 1, power)) * passing / cases

    worst = fall_caught(n)
    assert worst is not None
    floor = 100 * k / n
    checkable = worst - margin <= margin  # a fall of twice the threshold is caught `power` of the time
    needed = None
    possible = 2 * margin < 100 * share  # a fall of twice the threshold can happen at this baseline pass rate
    if not checkable and margin > 0 and possible:
        # the fewest cases at which twice the threshold is caught: doubling, then bisection (the discreteness of k
        # makes it "about")
        high = n
        while high < limit and ((w := fall_caught(high)) is None or w > 2 * margin):
            high *= 2
        if high < limit:
            low = max(n, high // 2)
            while high - low > 1:
                mid = (low + high) // 2
                w = fall_caught(mid)
                low, high = (low, mid) if w is not None and w <= 2 * margin else (mid, high)
            needed = high
    text = (
        f"{rule}: with n={n}, McNemar's test flags an observed fall from {floor:.3g} pp ({k} of {n} cases going "
        f"pass -> fail, none the other way{'; ' + note if limited else ''}); it catches a true fall of {worst:.3g} "
        f"pp {power:.0%} of the time at best (exact; when no case goes fail -> pass - each one that does lowers the "
        "power)"
    )
    if not checkable and margin > 0:
        text += (
            f"; {rule} cannot be checked with {n} cases (a fall of twice the threshold, {2 * margin:g} pp, is caught "
            f"less than {power:.0%} of the time)"
        )
        if needed is not None:
            text += f"; about {needed} cases would be needed{at_share}"
        elif not possible:
            text += f"; no number of cases can{at_share}: a fall of {2 * margin:g} pp is more than it has"
    return Detectable(worst, worst - margin, sd, n, margin, checkable, needed, None, text)
