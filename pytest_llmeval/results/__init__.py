"""Results: the typed results document, its recorder, aggregation, and the renderers (no pytest here).

`load(PATH)` returns a saved run as a typed `Run`; `Run.to_pandas()` gives its cases as a DataFrame (both
from `loader`, a module not named `load` so that importing it cannot hide the function).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .loader import Run, load

__all__ = ["Run", "load"]

__getattr__ = lazy_exports(__name__, {"Run": "loader", "load": "loader"}, globals())
