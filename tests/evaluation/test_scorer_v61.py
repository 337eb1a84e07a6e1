"""Scorer v61: a Markdown blockquote's marks at the start of a line are no bound (`keywords/normalisation.py`,
`_BLOCKQUOTE_MARKS`): "## 结论" then "> 20个月即可回本。" was read as "more than 20个月" once the lines were joined -
the one right answer the miss sweep (`benchmarks/miss_mutations.py`) still missed under v60. A one-line answer's
"> 20个月", a heading that states a bound on its own line and a ">" with no space after it keep their readings."""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

ROWS: list[Row] = [
    # wrong under v60 (missed): a blockquote line after a heading or a title line
    ("20个月", "## 结论\n\n> 20个月即可回本。", None, C),
    ("20个月", "## 结论\n\n> > 20个月即可回本。", None, C),
    ("回收期20个月", "## 回收期\n\n> 回收期20个月。", None, C),
    ("20个月", "**结论**\n> 20个月即可回本。", None, C),
    # kept: a bound on the heading's own line, a ">" with no space (a greater-than), a bound in a sentence
    ("20个月", "## 回收期 > 20个月", None, N),
    ("20个月", "结论\n>20个月", None, N),
    ("20个月", "## 结论\n\n回收期 > 20个月。", None, N),
    ("20个月", "## 结论\n\n> 回收期超过20个月。", None, N),
]


def test_version() -> None:
    assert SCORER_VERSION >= 61


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ROWS)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
