"""Scorer v42: a figure's sentence in keywords/hypothesis.py is the sentence `assertion.last_end(SENTENCE_END, ...)`
gives, as in the rest of the scorer. v41 found it two ways of its own: a search of the text reversed, whose
`\\.(?=\\s)` no longer saw ". " as a sentence's end (We expected a slowdown. The ROI will reach 20% ... read the
previous sentence's expectation as the figure's, and took the figure away), and a search from the left that took
the first ". " after the last ?。! as the start (A fell. Why not. Is the ROI 20%? read "Why" as the question's word
and left the figure stated)."""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    # an expectation in the sentence before is not the figure's (v41: negated)
    ("ROI 20%", "We expected a slowdown. The ROI will reach 20% next year, but costs rise.", None, C),
    ("ROI 20%", "We expected a slowdown. The ROI will reach 20% next year.", None, C),
    # in the figure's own sentence, contradicted, it still is (v41 as well)
    ("ROI 20%", "We expected the ROI to reach 20%, but it reached 15%.", None, N),
    ("ROI 20%", "原本预计ROI达到20%，实际仅为15%。", None, N),
    # a question's own sentence starts after the last sentence end, not after the first ". " (v41: covered)
    ("ROI 20%", "Costs fell. Why not. Is the ROI 20%?", None, N),
    ("ROI 20%", "Costs fell. Sales rose. Is the ROI 20%?", None, N),
    # a question word in the figure's own sentence still presupposes it
    ("ROI 20%", "Costs fell. Why is the ROI 20%?", None, C),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 42


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ROWS)
def test_a_figures_sentence_is_the_one_it_stands_in(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)
