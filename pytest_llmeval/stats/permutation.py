"""The sign-flip permutation test of a mean of paired differences, exact up to n = 20.

Under "no change" each case's difference is as likely to be +d as -d, so the observed sum is compared with
the sums of all 2^n sign patterns. Flipping the signs of a set S of cases lowers the sum by 2 sum_S(d - delta);
so the one-sided p-value of "mean <= delta" is

    p(delta) = (1 + #{S nonempty: mean of d over S <= delta}) / 2^n

and inverting it gives exact bounds: the lower (1 - alpha) bound is the k-th smallest subset mean,
k = floor(alpha 2^n) (Hartigan 1969). The smallest p-value any outcome can give is 2^-n: n = 2 can never be
significant (0.25), one-sided 5% needs n >= 5, two-sided 5% n >= 6. Beyond `EXACT_MAX_N` cases the subsets
are sampled (seeded, `MC_DRAWS` draws) and the method says so.

Cases that cannot get worse by more than delta whatever the new run does (`able` False: a baseline score at or
below the margin of `score:N`, as no new score is below 0) have d <= delta always, so every subset made of them
alone counts in p: the smallest p any outcome can give is then 2^-(the able cases) (exact), or
(1 + the sampled subsets with no able case) / (draws + 1) (Monte Carlo, the same seeded draws). The baseline is
fixed before the new run, so this smallest p is known in advance (Tarone's rule stays valid).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

EXACT_MAX_N = 20
MC_DRAWS = 50_000
BLOCK = 2_000_000


@dataclass(frozen=True)
class SubsetMeans:
    """The means of d over the nonempty subsets of cases (all of them, or a seeded sample)."""

    means: np.ndarray
    total: int  # the number of sign patterns the p-values are counted over (2^n, or draws + 1)
    exact: bool
    n: int
    fixed: int = 0  # counted patterns whose subset holds no case able to exceed delta: counted whatever the outcome

    @property
    def method(self) -> str:
        if self.exact:
            return f"sign-flip permutation, exact ({self.total} patterns)"
        return f"sign-flip permutation, Monte Carlo ({self.total - 1} patterns, seeded)"

    @property
    def min_p(self) -> float:
        """The smallest one-sided p-value any outcome could have (2^-n exact, 1 / (draws + 1) Monte Carlo, more
        when some cases cannot exceed delta: `fixed`)."""
        return (1 + self.fixed) / self.total

    @property
    def floor(self) -> float:
        """The smallest p the count itself can give (a Monte Carlo p there says "at most this")."""
        return 1.0 / self.total

    def p_at_most(self, delta: float) -> float:
        """One-sided p of H0 "mean <= delta" against "mean > delta"."""
        return float((1 + np.count_nonzero(self.means <= delta + 1e-9)) / self.total)

    def p_at_least(self, delta: float) -> float:
        """One-sided p of H0 "mean >= delta" against "mean < delta"."""
        return float((1 + np.count_nonzero(self.means >= delta - 1e-9)) / self.total)

    def lower_bound(self, alpha: float) -> float | None:
        """The exact one-sided (1 - alpha) lower bound of the mean; None (-infinity) when n is too small."""
        k = int(math.floor(alpha * self.total + 1e-9))
        if k < 1:
            return None
        return float(np.partition(self.means, k - 1)[k - 1])

    def upper_bound(self, alpha: float) -> float | None:
        k = int(math.floor(alpha * self.total + 1e-9))
        if k < 1:
            return None
        m = len(self.means)
        return float(np.partition(self.means, m - k)[m - k])


def subset_means(d: np.ndarray, seed: int = 0, draws: int = MC_DRAWS, able: np.ndarray | None = None) -> SubsetMeans:
    """All 2^n - 1 nonempty-subset means of d (n <= EXACT_MAX_N), else `draws` random subsets (seeded). `able`
    (one bool per case): the cases that can exceed the tested delta at all; the others make `fixed` (module
    docstring). The draws do not depend on `able`."""
    d = np.asarray(d, dtype=float)
    n = len(d)
    unable = None if able is None else ~np.asarray(able, dtype=bool)
    if unable is not None and len(unable) != n:
        raise ValueError(f"able has {len(unable)} values for {n} cases")
    if n <= EXACT_MAX_N:
        sums = np.zeros(1)
        sizes = np.zeros(1, dtype=np.int32)
        for value in d:  # doubling: every subset without this case, then every subset with it
            sums = np.concatenate((sums, sums + value))
            sizes = np.concatenate((sizes, sizes + 1))
        fixed = 0 if unable is None else 2 ** int(unable.sum()) - 1
        return SubsetMeans(sums[1:] / sizes[1:], 2**n, True, n, fixed)
    rng = np.random.default_rng(seed)
    out = []
    fixed = 0
    block = max(1, BLOCK // n)
    for start in range(0, draws, block):
        size = min(block, draws - start)
        mask = rng.random((size, n)) < 0.5
        count = mask.sum(axis=1)
        sums = mask.astype(float) @ d
        keep = count > 0  # an empty S is the identity pattern, counted by the "1 +" of every p-value
        out.append(sums[keep] / count[keep])
        if unable is not None:  # nonempty subsets of the cases that cannot exceed delta alone
            fixed += int(np.count_nonzero(keep & ~mask[:, ~unable].any(axis=1)))
    return SubsetMeans(np.concatenate(out), draws + 1, False, n, fixed)
