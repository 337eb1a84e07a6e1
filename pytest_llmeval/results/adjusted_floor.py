"""When an adjusted p is itself at a drawn test's floor.

A Holm or closed-test adjusted p is never below the raw p; where the raw p sits at its Monte Carlo floor
(1 / (draws + 1), meaning "at most this") and the adjustment leaves it there, the adjusted p means "at most this"
too. The reports printed it as a bare `0.00025` beside the raw `<0.00025`, claiming a precision no draw gives.
"""

from __future__ import annotations

from typing import Any


def adjusted_at_floor(p: Any, adjusted: Any, floor: bool) -> bool:
    """True where the raw p is at its floor and the adjusted p equals it (within a float's hair)."""
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (p, adjusted))
    return floor and numbers and adjusted <= p * (1 + 1e-9)
