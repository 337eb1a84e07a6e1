"""`build_sections`: every section builder in report order (`BUILDERS`), each given the results document."""

from __future__ import annotations

from typing import Any

from .bench import bench_section
from .cases import cases_section, failed_cases_section, scenario_notes_section
from .elements import Section
from .extras import baseline_sections, cost_section, sizing_section, vision_section
from .models import judge_section, model_pairs_section, models_section
from .rag import rag_category_section, rag_section, rag_stage_section
from .run import launches_section
from .summary import answer_health_section, category_section, summary_section

# Section builders in report order; extensions (cost, sizing, vision) add theirs here.
BUILDERS: list[Any] = [
    summary_section,
    answer_health_section,
    models_section,
    model_pairs_section,
    category_section,
    rag_section,
    rag_category_section,
    rag_stage_section,
    judge_section,
    vision_section,
    bench_section,
    cost_section,
    sizing_section,
    baseline_sections,
    cases_section,
    launches_section,
    failed_cases_section,
    scenario_notes_section,
]


def build_sections(doc: dict[str, Any]) -> list[Section]:
    sections: list[Section] = []
    for build in BUILDERS:
        made = build(doc)
        if isinstance(made, list):
            sections += made
        elif made is not None:
            sections.append(made)
    return sections
