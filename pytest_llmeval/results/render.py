"""Render the report model (results.sections) as terminal text and as Markdown (report.md).

Everything here reads the results document (a dict), so the same report can be rendered from a saved
results.json without pytest (`python -m pytest_llmeval report results.json`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .recorder import atomic_write
from .sections import Section, build_sections, run_header_lines, visible

REPORT_FILE = "report.md"


def render_sections(sections: list[Section], markdown: bool, terminal_only: bool = False) -> str:
    """Sections as Markdown (headings, paragraphs, GitHub tables) or plain text (titles, `simple` tables)."""

    parts = []
    for section in sections:
        if terminal_only and not section.terminal:
            continue
        heading = "#" * section.level + " " + markdown_text(section.title, block=True)
        lines = [heading, ""] if markdown else [section.title]
        for i, paragraph in enumerate(section.paragraphs):
            lead = section.leads[i] if i < len(section.leads) else ""
            lines += [markdown_paragraph(paragraph, lead), ""] if markdown else [one_line(paragraph)]
        if section.table is not None:
            if markdown:
                lines.append(markdown_table(section.table.headers, section.table.rows))
            else:
                lines.append(terminal_table(section.table.headers, section.table.rows))
        parts.append("\n".join(lines).rstrip())
    return "\n\n".join(parts)


_LINE_BREAKS = re.compile("\r\n|[\r\n\u2028\u2029]")  # the Unicode line and paragraph separators too


def one_line(text: str) -> str:
    """Text with its line breaks as spaces: a model name or case id holding a newline split a Markdown list
    item, a failed case's bold name and a terminal table's row in two (the second line read as another model's row).
    Characters that show no glyph are written as their escapes (`sections.visible`): an ESC in an answer coloured the
    terminal, a U+202E turned a table row around."""
    return visible(_LINE_BREAKS.sub(" ", text))


# Markdown (GitHub-flavoured) that a cell's text could start by accident, escaped with a backslash, which GitHub
# renders as the character itself, in a table cell too: `\<b>` shows `<b>` (`&lt;b&gt;` would too, but then an
# `&` of the text needs escaping as well). Always: a backslash, backtick, `*`, `~` (strikethrough), `$` (GitHub's
# math) and `|` (a table's cell separator). Only where they are markup, so that a figure reads in report.md as
# written (`52.3 [44.1, 60.2]`, `<0.001`, `a -> b`, `fin_roi_01`): `_` not inside a word, `<` before a tag's or an
# autolink's first character, `](` and `][` (a link), and `&` of an entity (`&amp;`).
_ALWAYS = r"[\\`*~$|]"
_MARKUP = re.compile(_ALWAYS + r"|(?<![^\W_])_|_(?![^\W_])|<(?=[A-Za-z/!?])|\](?=[(\[])|&(?=#?[A-Za-z0-9]+;)")
# what is markup only at the start of a line (a paragraph, a list item, a heading): a list item (`- `, `+ `, `1. `,
# `1) `), a rule (`---`), a quote, a heading (`# `), a link reference definition (`[x]: url`); `-5.0` and `52.3` not
_BLOCK_START = re.compile(r"^(?:[>\[]|[-+](?=\s|$)|-(?=[-\s]*$)|#{1,6}(?=\s|$)|\d{1,9}(?=[.)](?:\s|$)))")


def markdown_text(text: str, block: bool = False) -> str:
    """`text` (a model name, a case id, a label, a message: anything a run or a scenario file wrote) as GitHub
    Markdown that renders as the text written, on one line (`one_line`): `qwen*`, `<think>`, `_draft_`, a
    backslash or a backtick went into report.md as written, and the renderer made them emphasis, a swallowed tag or
    code - another name than the terminal's and report.html's. `block`: the text starts a line of its own (a
    paragraph, a heading, a list item), where a leading `-`, `1.`, `>`, `#` or `[` would make it a list, a quote, a
    heading or a link definition, and leading spaces a code block."""
    text = _MARKUP.sub(lambda m: "\\" + m.group(0), one_line(text))
    if not block:
        return text
    text = text.strip(" \t")
    digits = _BLOCK_START.match(text)
    if digits is not None:
        at = digits.end() if text[0].isdigit() else 0  # `1\.`: the digits are text, the dot made the list
        text = text[:at] + "\\" + text[at:]
    return re.sub(r"(?<=\s)(#+)$", lambda m: "\\#" * len(m.group(1)), text)  # `## Fix #`: a closing sequence


def markdown_paragraph(text: str, lead: str = "") -> str:
    """A paragraph of report.md: its text escaped (`markdown_text`), and its `lead` (the first words, which the
    paragraph begins with: a failed case's model, mode and id) in bold."""
    if lead and text.startswith(lead):
        rest = text[len(lead) :]
        return f"**{markdown_text(lead, block=True)}**" + (markdown_text(rest) if rest else "")
    return markdown_text(text, block=True)


def terminal_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A `simple` table of cells as the sections wrote them: tabulate would read "19.0" as a number and print 19
    beside 92.9 (its default float format); numbers stay right-aligned. A cell is one line (`one_line`). Columns are
    padded to the width a terminal shows: tabulate counts a wide character (Chinese, fullwidth) as 2 columns with
    wcwidth installed (a dependency for this) - without it a row with a Chinese case id or category was two columns
    too short per character and every cell after it out of line."""
    from tabulate import tabulate

    headers = [one_line(str(h)) for h in headers]
    rows = [[one_line(cell) if isinstance(cell, str) else cell for cell in row] for row in rows]

    def numeric(column: int) -> bool:
        cells = [row[column] for row in rows if column < len(row) and row[column] not in (None, "-", "")]
        return bool(cells) and all(_is_number(cell) for cell in cells)

    align = ["right" if numeric(i) else "left" for i in range(len(headers))]
    return tabulate(rows, headers=headers, tablefmt="simple", disable_numparse=True, colalign=align)


def _is_number(cell: Any) -> bool:
    if isinstance(cell, (int, float)) and not isinstance(cell, bool):
        return True
    try:
        float(str(cell))
    except ValueError:
        return False
    return True


def _markdown_cell(value: Any) -> str:
    if value is None:
        return ""
    text = format(value, "g") if isinstance(value, float) else str(value)
    return markdown_text(text)


def markdown_table(headers: Sequence[Any], rows: Sequence[Sequence[Any]]) -> str:
    """A GitHub pipe table, written directly: renderers align the columns, so no padding is needed, and
    tabulate's per-cell type inference took 2.8 s for the case table of a 10,000-case run. Pipes in cells
    are escaped (tabulate leaves them, which splits the row); floats are written as tabulate writes them."""
    lines = ["| " + " | ".join(_markdown_cell(h) for h in headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(_markdown_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def render_terminal(doc: dict[str, Any], sections: list[Section] | None = None) -> str:
    """The short summary: the sections marked for the terminal."""
    text = render_sections(
        sections if sections is not None else build_sections(doc), markdown=False, terminal_only=True
    )
    return text or "no results"


def render_markdown(doc: dict[str, Any], sections: list[Section] | None = None) -> str:
    head = "\n".join(
        ["# pytest-llmeval report", "", *(f"- {markdown_text(line, block=True)}" for line in run_header_lines(doc))]
    )
    body = render_sections(sections if sections is not None else build_sections(doc), markdown=True)
    return f"{head}\n\n{body}\n"


def write_markdown(doc: dict[str, Any], report_dir: Path) -> Path:
    path = report_dir / REPORT_FILE
    atomic_write(path, render_markdown(doc))
    return path
