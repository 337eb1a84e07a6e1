"""The report model: one list of sections built from the results document. The terminal, Markdown
and HTML renderers all render this list; they differ only in format and in which sections they show
(`Section.terminal`: the short terminal summary). `elements.py` holds the model and the number formats; one
module per group of sections builds them; `build.py` puts them in report order.
"""

from __future__ import annotations

from .bench import SPEED_FIGURES, bench_cell
from .build import BUILDERS, build_sections
from .cases import case_result
from .elements import NO_WIDTH, Section, Table, figure, fmt, no_interval, signed, visible, with_interval
from .models import judge_section, models_section
from .rag import rag_category_section, rag_section
from .run import run_header_lines
from .summary import answer_health_section, summary_section

__all__ = [
    "BUILDERS",
    "NO_WIDTH",
    "SPEED_FIGURES",
    "Section",
    "Table",
    "answer_health_section",
    "bench_cell",
    "build_sections",
    "case_result",
    "figure",
    "fmt",
    "judge_section",
    "models_section",
    "no_interval",
    "rag_category_section",
    "rag_section",
    "run_header_lines",
    "signed",
    "visible",
    "summary_section",
    "with_interval",
]
