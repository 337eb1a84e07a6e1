"""Compare two runs (a saved baseline and a new run) case by case, and the regression gate (no pytest here).

cmp = compare_runs(base_doc, new_doc, parse_fail_expressions("score:5,ttft_p50:20%"))
cmp["exit_code"], cmp["summary"], render_comparison_text(cmp)

exit codes: EXIT_OK 0, EXIT_REGRESSION 6 (a rule failed), EXIT_BROKEN 7 (the new run is broken or incomplete),
EXIT_UNCHECKED 8 (a speed rule measured nothing: not comparable, not timed; see gate.py)
"""

from __future__ import annotations

from .diff import compare_runs
from .gate import (
    EXIT_BROKEN,
    EXIT_OK,
    EXIT_REGRESSION,
    EXIT_UNCHECKED,
    FailRule,
    GateError,
    parse_fail_expressions,
    parse_pairs,
)
from .render import render_comparison_markdown, render_comparison_text

__all__ = [
    "EXIT_BROKEN",
    "EXIT_OK",
    "EXIT_REGRESSION",
    "EXIT_UNCHECKED",
    "FailRule",
    "GateError",
    "compare_runs",
    "parse_fail_expressions",
    "parse_pairs",
    "render_comparison_markdown",
    "render_comparison_text",
]
