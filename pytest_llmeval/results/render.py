"""Render the report model (results.sections) as terminal text and as Markdown (report.md).

Everything here reads the results document (a dict), so the same report can be rendered from a saved
results.json without pytest (`python -m pytest_llmeval report results.json`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tabulate import tabulate

from .recorder import atomic_write
from .sections import Section, build_sections, run_header_lines

REPORT_FILE = "report.md"


def render_terminal(doc: dict[str, Any], sections: list[Section] | None = None) -> str:
    """The short summary: the sections marked for the terminal."""
    parts = []
    for section in sections if sections is not None else build_sections(doc):
        if not section.terminal:
            continue
        text = [section.title] if section.key != "summary" else []
        if section.table is not None:
            text.append(tabulate(section.table.rows, headers=section.table.headers, tablefmt="simple"))
        else:
            text += section.paragraphs
        parts.append("\n".join(text))
    return "\n\n".join(parts) or "no results"


def render_markdown(doc: dict[str, Any], sections: list[Section] | None = None) -> str:
    lines = ["# pytest-llmeval report", "", *(f"- {line}" for line in run_header_lines(doc))]
    for section in sections if sections is not None else build_sections(doc):
        lines += ["", "#" * section.level + " " + section.title, ""]
        for paragraph in section.paragraphs:
            lines += [paragraph, ""]
        if section.table is not None:
            lines.append(tabulate(section.table.rows, headers=section.table.headers, tablefmt="github"))
    return "\n".join(lines).rstrip() + "\n"


def write_markdown(doc: dict[str, Any], report_dir: Path) -> Path:
    path = report_dir / REPORT_FILE
    atomic_write(path, render_markdown(doc))
    return path
