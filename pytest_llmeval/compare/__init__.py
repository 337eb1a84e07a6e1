"""Compare two runs (a saved baseline and a new run) case by case, and the regression gate (no pytest here).

cmp = compare_runs(base_doc, new_doc, parse_fail_expressions("score:5,ttft_p50:20%"))
cmp["exit_code"], cmp["summary"], render_comparison_text(cmp)
"""

from __future__ import annotations

from .diff import compare_runs
from .gate import FailRule, GateError, parse_fail_expressions
from .render import render_comparison_markdown, render_comparison_text

__all__ = [
    "FailRule",
    "GateError",
    "compare_runs",
    "parse_fail_expressions",
    "render_comparison_markdown",
    "render_comparison_text",
]
