"""The sign-flip permutation test of a mean of paired differences, exact up to n = 20.

Under "no change" each case's difference is as likely to be +d as -d, so the observed sum is compared with
the sums of all 2^n sign patterns. Flipping the signs of a set S of cases lowers the sum by 2 sum_S(d - delta);
so the one-sided p-value of "mean <= delta" is

    p(delta) = (1 + #{S nonempty: mean of d over S <= delta}) / 2^n

and inverting it gives exact bounds: the lower (1 - alpha) bound is the k-th smallest subset mean,
k = floor(alpha 2^n) (Hartigan 1969). The smallest p-value any outcome can give is 2^-n: n = 2 can never be
significant (0.25), one-sided 5% needs n >= 5, two-sided 5% n >= 6. Beyond `EXACT_MAX_N` cases the subsets
are sampled (seeded, `MC_DRAWS` draws) and the method says so.
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

    @property
    def method(self) -> str:
        if self.exact:
            return f"sign-flip permutation, exact ({self.total} patterns)"
        return f"sign-flip permutation, Monte Carlo ({self.total - 1} patterns, seeded)"

    @property
    def min_p(self) -> float:
        """The smallest one-sided p-value any outcome could have."""
        return 2.0**-self.n if self.exact else 1.0 / self.total

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


def subset_means(d: np.ndarray, seed: int = 0, draws: int = MC_DRAWS) -> SubsetMeans:
    """All 2^n - 1 nonempty-subset means of d (n <= EXACT_MAX_N), else `draws` random subsets (seeded)."""
    d = np.asarray(d, dtype=float)
    n = len(d)
    if n <= EXACT_MAX_N:
        sums = np.zeros(1)
        sizes = np.zeros(1, dtype=np.int32)
        for value in d:  # doubling: every subset without this case, then every subset with it
            sums = np.concatenate((sums, sums + value))
            sizes = np.concatenate((sizes, sizes + 1))
        return SubsetMeans(sums[1:] / sizes[1:], 2**n, True, n)
    rng = np.random.default_rng(seed)
    out = []
    block = max(1, BLOCK // n)
    for start in range(0, draws, block):
        size = min(block, draws - start)
        mask = rng.random((size, n)) < 0.5
        count = mask.sum(axis=1)
        sums = mask.astype(float) @ d
        keep = count > 0  # an empty S is the identity pattern, counted by the "1 +" of every p-value
        out.append(sums[keep] / count[keep])
    return SubsetMeans(np.concatenate(out), draws + 1, False, n)
