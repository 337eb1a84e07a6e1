"""A benchmark script (`benchmarks/NAME.py`) loaded as a module, for the tests that check its rules and numbers.

Registered in sys.modules under its name before it runs: its dataclasses look their module up there, and a script
that imports another by name (miss_mutations.py imports credit_mutations) finds the one already loaded. Imported
from any test folder: pytest puts tests/ (this conftest's folder) on sys.path."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load_benchmark(name: str) -> ModuleType:
    """benchmarks/NAME.py, run anew as the module NAME."""
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
