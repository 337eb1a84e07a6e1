"""Score distributions this tool really produces, for simulations (interval coverage, the gate's false alarms).

Each factory returns `(draw, truth)`: `draw(rng, size)` samples scores 0-100, `truth` is their true mean.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

Draw = Callable[[np.random.Generator, Any], np.ndarray]


def mixture(zeros: float, hundreds: float) -> tuple[Draw, float]:
    """A share `zeros` of 0s, a share `hundreds` of 100s, the rest uniform in between."""

    def draw(rng: np.random.Generator, size: Any) -> np.ndarray:
        u = rng.random(size)
        return np.where(u < zeros, 0.0, np.where(u < zeros + hundreds, 100.0, rng.uniform(0, 100, size)))

    return draw, 100 * hundreds + 50 * (1 - zeros - hundreds)


def key_points(probs: Sequence[float]) -> tuple[Draw, float]:
    """Keyword coverage with len(probs) - 1 key points: k of them covered with probability probs[k]."""
    k = len(probs) - 1

    def draw(rng: np.random.Generator, size: Any) -> np.ndarray:
        return 100.0 / k * rng.choice(k + 1, size=size, p=probs)

    return draw, float(sum(100.0 / k * i * p for i, p in enumerate(probs)))
