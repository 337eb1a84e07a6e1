"""Agreement of two scorers on the same answers: Cohen's kappa on pass/fail, Spearman on scores."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Agreement:
    value: float | None  # None when undefined (no variation)
    n: int
    method: str
    p_value: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": None if self.value is None else round(self.value, 4),
            "n": self.n,
            "method": self.method,
            "p_value": None if self.p_value is None else round(self.p_value, 4),
        }


def cohen_kappa(a: Sequence[bool], b: Sequence[bool]) -> Agreement:
    """(observed - expected agreement) / (1 - expected); None when both raters never vary together."""
    pairs = [(bool(x), bool(y)) for x, y in zip(a, b) if x is not None and y is not None]
    n = len(pairs)
    if n == 0:
        return Agreement(None, 0, "cohen_kappa")
    observed = sum(x == y for x, y in pairs) / n
    pa = sum(x for x, _ in pairs) / n
    pb = sum(y for _, y in pairs) / n
    expected = pa * pb + (1 - pa) * (1 - pb)
    if expected == 1:
        return Agreement(None, n, "cohen_kappa (undefined: no variation)")
    return Agreement((observed - expected) / (1 - expected), n, "cohen_kappa")


def spearman(x: Sequence[Any], y: Sequence[Any]) -> Agreement:
    pairs = [(float(a), float(b)) for a, b in zip(x, y) if a is not None and b is not None]
    n = len(pairs)
    if n < 3 or len({a for a, _ in pairs}) < 2 or len({b for _, b in pairs}) < 2:
        return Agreement(None, n, "spearman (undefined: n<3 or no variation)")
    from scipy.stats import spearmanr

    result = spearmanr([a for a, _ in pairs], [b for _, b in pairs])
    rho, p = float(result.statistic), float(result.pvalue)
    return Agreement(None if math.isnan(rho) else rho, n, "spearman", None if math.isnan(p) else p)
