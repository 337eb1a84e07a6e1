"""Scorer version 9: figures as list markers and LaTeX write them. A circled or full-stop list marker (①, ⒈) is a
label, not a digit of the figure after it (NFKC made ①20万元 120万元); \\boxed{}, \\textit{}, \\underline{}, \\bm{},
\\color{}{} and TeX spaces no longer hide a figure. Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import normalise, score_answer


def covered(point: str, answer: str, forms: NumberForms | None = None) -> bool:
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint(point, numbers=forms),)
    )
    return score_answer(case, answer).covered == [point]


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("120万", "①20万元", False),  # the list's first item is 20万元
        ("1200", "①200", False),
        ("20万", "②20万元", True),
        ("20万", "⒈20万元", True),
        ("1.2万", "⒈20万元", False),  # NFKC made ⒈ "1."
        ("20万", "㉑20万元", True),
        ("2120", "㉑20", False),
        ("120万", "第1项：120万元", True),  # a written label keeps its own reading
    ],
)
def test_list_markers_are_labels(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


def test_a_list_marker_reads_as_a_bracketed_label() -> None:
    assert normalise("①20万元 ⒉30万元") == "(1)20万元 (2)30万元"


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", r"回收期为 $\boxed{20}$ 个月", True),
        ("20个月", r"回收期为 \(\boxed{20}\)个月", True),
        ("20个月", r"$\boxed{20\text{个月}}$", True),  # nested: the inner command first
        ("20个月", r"$20\ \text{个月}$", True),
        ("20个月", r"$20\;\text{个月}$", True),
        ("20个月", r"$20\quad\text{个月}$", True),
        ("20个月", r"$20~\text{个月}$", True),  # ~ is a space in TeX
        ("20个月", r"$20{\text{个月}}$", True),  # grouping braces
        ("20个月", r"$\textit{20}$个月", True),
        ("20", r"$\underline{20}$", True),
        ("20", r"$\bm{20}$", True),
        ("20", r"$\color{red}{20}$", True),
        ("50%", r"$50\ \%$", True),
        ("20个月", r"$\boxed{120}$个月", False),  # still a whole number: 120 is no 20
        ("20个月", "约~20个月", True),  # outside math a ~ is left as written
        ("20个月", "12~20个月", False),  # and still a range mark there
    ],
)
def test_latex_that_reasoning_models_write(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected
