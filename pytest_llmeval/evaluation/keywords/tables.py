"""Tables and labels in an answer: a unit named in a header (`| 回收期（月） |`) or a label (`回收期（月）：20`)
carried to the bare numbers under it, and the cells of each table row.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# A Markdown table whose header cell names a unit in brackets (累计签约金额（万元）, Cost (USD), 金额（单位：万元）)
# states that unit for the bare numbers of its column (v7): | 2,610 | under it reads | 2,610万元 |. A rule may have one
# dash (|:-:|, |-|) and a table may go without outer pipes (a | b over --- | ---); in a header 月 is 个月
# (回收期（月）) and the currency 人民币/RMB/CNY is left out of a unit (金额（人民币万元）: 万元; (RMB) alone: 元).
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$")
_HEADER_UNIT = re.compile(r"[（(]\s*(?:单位\s*[:：]\s*)?([^()（）0-9０-９|]{1,8}?)\s*[)）]\s*$")
_HEADER_CURRENCY = re.compile(r"人民币|(?<![a-z])(?:rmb|cny)(?![a-z])", re.IGNORECASE)
_BARE_NUMBER = re.compile(r"^\s*(\**)([-+−]?[0-9０-９][0-9０-９,，. ]*(?<! ))(\**)\s*$")


def _table_row(line: str) -> bool:
    return "|" in line and bool(line.strip())


def _table_rule(line: str) -> bool:
    return "|" in line and _TABLE_RULE.match(line) is not None  # a lone --- is a Markdown rule, not a table's


def _cells(row: str) -> list[str]:
    return row.strip().removeprefix("|").removesuffix("|").split("|")


# v27: a header that is the plural of a unit of time (Months, Payback in months) or a count of one (月数, 回收月数,
# 天数) names it without brackets; not a singular (| Month | is a column of dates: 1..12 are months of the year),
# nor 月份 or 季度 (which month, which quarter)
_PLAIN_HEADER_UNIT = re.compile(
    r"^(?:(?:[^|]*? )?in )?(?P<en>years|quarters|months|weeks|days|hours|minutes)$"
    r"|(?P<zh>年|个?季度|个?月|周|天|小时|分钟)数$"
)
_COUNTED_UNIT = {"年": "年", "季度": "个季度", "个季度": "个季度", "月": "个月", "个月": "个月"}


def _plain_header_unit(cell: str) -> str | None:
    """The unit of time a header cell without brackets names: Months, Payback in months, 月数, 回收天数."""
    m = _PLAIN_HEADER_UNIT.search(cell.strip().strip("*_").strip().casefold())
    if m is None:
        return None
    return m["en"] or _COUNTED_UNIT.get(m["zh"], m["zh"])


def _header_unit(cell: str) -> str | None:
    """The unit a header cell names in brackets: 月 as 个月, without a currency name (人民币万元: 万元); or a unit of
    time it names plainly (`_plain_header_unit`)."""
    m = _HEADER_UNIT.search(cell)
    if m is None:
        return _plain_header_unit(cell)
    unit = m.group(1)
    if _HEADER_CURRENCY.search(unit):
        unit = _HEADER_CURRENCY.sub("", unit).strip(" ,，、/") or "元"
    if unit == "月":
        return "个月"
    return _plain_header_unit(unit) or unit  # v28: 回收期（月数） as 回收月数 (v27: missing)


# a "label (unit): number" line - 回收期（月）：20, **年净节省额（万元）**：120, - Payback period (months): 20
_LABEL_WITH_UNIT = re.compile(r"^(?P<label>[^\n|:：]*?[)）]\s*\**)\s*[:：]\s*(?P<value>[^\n]*)$", re.MULTILINE)


def label_units(text: str) -> str:
    """The text with the unit a line's label names in brackets written after its bare number, as a table row's
    first cell gives it (v8): `回收期（月）：20` states 20个月, `Payback period (months): 20` 20 months."""
    if ":" not in text and "：" not in text:
        return text

    def with_unit(m: re.Match[str]) -> str:
        unit = _header_unit(m["label"].rstrip(" *"))
        number = _BARE_NUMBER.match(m["value"])
        if unit is None or number is None:
            return m.group(0)
        space = " " if unit[:1].isascii() and unit[:1].isalpha() else ""
        head = m.group(0)[: m.start("value") - m.start()]
        return f"{head}{number.group(1)}{number.group(2)}{number.group(3)}{space}{unit}"

    return _LABEL_WITH_UNIT.sub(with_unit, text)


# v106: a JSON key that names a unit, in brackets or as its last word ({"回收期（月）": 20}, {"payback_months": 20},
# {"roi_percent": 20}, "cost_yuan": 5000) - v105 read a label's unit only before a colon outside quotes
_JSON_PAIR = re.compile(r'"(?P<key>[^"\n]{1,48})"\s*:\s*(?P<value>[-+]?[0-9][0-9,]*(?:\.[0-9]+)?)(?=\s*[,}\]\n])')
_KEY_UNIT_WORD = re.compile(
    r"(?:^|[_\s.-])(?P<unit>months|years|weeks|days|hours|minutes|pct|percent|percentage|yuan|rmb|cny)$",
    re.IGNORECASE,
)
_KEY_UNITS = {"pct": "%", "percent": "%", "percentage": "%", "yuan": "元", "rmb": "元", "cny": "元"}


def json_units(text: str) -> str:
    """The text with the unit a JSON key names written after its bare number (v106)."""
    if '":' not in text and '" :' not in text:
        return text

    def with_unit(m: re.Match[str]) -> str:
        key = m["key"]
        unit = _header_unit(key)
        if unit is None:
            word = _KEY_UNIT_WORD.search(key)
            if word is None:
                return m.group(0)
            name = word["unit"].casefold()
            unit = _KEY_UNITS.get(name, name)  # a unit of time in the plural only ("month": 7 is a month)
        space = " " if unit[:1].isascii() and unit[:1].isalpha() else ""
        return f"{m.group(0)}{space}{unit}"

    return _JSON_PAIR.sub(with_unit, text)


def table_units(text: str) -> str:
    """The text with the unit of a Markdown table column's header written after each bare number of the column (v8:
    or, in a column without one, the unit its row's first cell names: | 年净节省（万元） | 90 |), and the unit of a
    "label (unit): number" line after its number (`label_units`)."""
    text = json_units(label_units(text))
    if "|" not in text:
        return text
    lines = text.split("\n")
    for i in range(1, len(lines)):
        if not (_table_rule(lines[i]) and _table_row(lines[i - 1])):
            continue
        units = [_header_unit(cell) for cell in _cells(lines[i - 1])]
        row = i + 1
        while row < len(lines) and _table_row(lines[row]):
            lines[row] = _row_with_units(lines[row], units)
            row += 1
    return "\n".join(lines)


def _row_with_units(line: str, column_units: Sequence[str | None]) -> str:
    """The body row with its bare numbers followed by their column's unit, else by the unit of the row's first cell."""
    cells = _cells(line)
    row_unit = _header_unit(cells[0])
    if not any(column_units) and row_unit is None:
        return line
    for k, cell in enumerate(cells):
        unit = (column_units[k] if k < len(column_units) else None) or (row_unit if k > 0 else None)
        number = _BARE_NUMBER.match(cell)
        if unit is not None and number is not None:
            space = " " if unit[:1].isascii() and unit[:1].isalpha() else ""
            cells[k] = f" {number.group(1)}{number.group(2)}{number.group(3)}{space}{unit} "
    stripped = line.strip()
    left = "|" if stripped.startswith("|") else ""
    right = "|" if stripped.endswith("|") and len(stripped) > 1 else ""
    return left + "|".join(cells) + right


@dataclass(frozen=True)
class TableCell:
    """A body cell of a Markdown table in a normalised answer: a header it is read after (its column's, or its row's
    first cell) and where the cell stands."""

    header: str
    start: int
    end: int


def _cell_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cells of the table row text[start:end] as (start, end), without their spaces and the outer pipes."""
    while start < end and text[start] == " ":
        start += 1
    while end > start and text[end - 1] == " ":
        end -= 1
    bounds = [start - 1, *(i for i in range(start, end) if text[i] == "|"), end]
    spans = []
    for left, right in zip(bounds, bounds[1:], strict=False):
        cell = text[left + 1 : right]
        spans.append((left + 1 + len(cell) - len(cell.lstrip(" ")), right - (len(cell) - len(cell.rstrip(" ")))))
    if text[start : start + 1] == "|":
        spans = spans[1:]
    if end > start + 1 and text[end - 1] == "|":
        spans = spans[:-1]
    return spans


def _starts_a_table(lines: Sequence[tuple[str, int]], row: int) -> bool:
    """The row is another table's header (a rule follows it; the blank line between tables is gone when normalised)
    or a rule."""
    return _table_rule(lines[row][0]) or (row + 1 < len(lines) and _table_rule(lines[row + 1][0]))


def table_cells(answer_lines: str) -> list[TableCell]:
    """Each non-empty body cell of each Markdown table (header row, rule, body rows: as `table_units` reads them) of a
    normalised answer with its line breaks (`normalise(text, lines=True)`, whose positions are the answer's): once
    with its column's header and, after the first cell, once with its row's first cell (`_row_cells`)."""
    if "|" not in answer_lines:
        return []
    lines, pos = [], 0
    for line in answer_lines.split("\n"):
        lines.append((line, pos))
        pos += len(line) + 1
    cells = []
    for i in range(1, len(lines)):
        if not (_table_rule(lines[i][0]) and _table_row(lines[i - 1][0])):
            continue
        header_line, header_at = lines[i - 1]
        headers = [answer_lines[a:b] for a, b in _cell_spans(answer_lines, header_at, header_at + len(header_line))]
        row = i + 1
        while row < len(lines) and _table_row(lines[row][0]) and not _starts_a_table(lines, row):
            line, at = lines[row]
            cells.extend(_row_cells(answer_lines, _cell_spans(answer_lines, at, at + len(line)), headers))
            row += 1
    return cells


def _row_cells(answer_lines: str, spans: Sequence[tuple[int, int]], headers: Sequence[str]) -> list[TableCell]:
    """The row's non-empty cells, each with its column's header and (v8), after the first, with the row's labels as
    the header of a transposed table: its first cell and every cell without a digit before it (| 年净节省额 |
    120 − 30 | 90万元 |, | 2 | 年净节省额 | 120−30 | 90万元 |)."""
    texts = [answer_lines[a:b] for a, b in spans]
    cells: list[TableCell] = []
    for k, (a, b) in enumerate(spans):
        if b <= a:
            continue
        column_header = headers[k] if k < len(headers) else ""
        labels = [t for j, t in enumerate(texts[:k]) if j == 0 or not any(c.isdigit() for c in t)]
        cells.extend(TableCell(h, a, b) for h in dict.fromkeys([column_header, *labels]) if h)
    return cells
