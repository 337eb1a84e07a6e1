"""Scorer v85: a figure given a small chance in other words.

v25 negated 20个月的可能性很小 and v26 "unlikely to", but the other nouns of a chance went credited:
ROI达到20%的概率很低, 几率很小, 机会不大, 希望渺茫, 可能性几乎为零, 概率接近于零, 机会微乎其微 (`negation.
_DENIAL_AFTER_ZH`), "There is little chance the ROI reaches 20%", "a slim chance of reaching a 20% ROI", "no chance"
(`retraction._DOUBTED`). Kept: a good chance, 概率很高, 可能性是存在的, "no doubt", a small chance of something else
in another part ("With little chance of delay, ROI reaches 20%"). Left: "The odds of a 20% ROI are slim" (the
chance's verdict after the figure's noun).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

CHANCES: list[Row] = [
    ("20%", "Whether the ROI reaches 20% depends on pricing.", CN, N),
    ("20%", "It remains to be seen whether ROI will hit 20%.", CN, N),
    ("20%", "ROI是否能达到20%取决于定价。", CN, N),
    ("20%", "ROI能不能达到20%要看定价。", CN, N),
    ("20%", "ROI有没有20%还不好说。", CN, N),
    ("20%", "至于ROI能否达到20%，目前无法判断。", CN, N),
    ("20%", "ROI达到20%的可能性不大。", CN, N),
    ("20%", "ROI达到20%的概率很低。", CN, N),
    ("20%", "ROI is unlikely to reach 20%.", CN, N),
    ("20%", "There is little chance the ROI reaches 20%.", CN, N),
    ("20%", "ROI达到20%的可能性很大。", CN, C),
    ("20%", "ROI is likely to reach 20%.", CN, C),
    ("20%", "ROI能够达到20%，这取决于定价，我们有信心。", CN, C),
    ("20%", "ROI达到20%的几率很小。", CN, N),
    ("20%", "ROI达到20%的机会不大。", CN, N),
    ("20%", "ROI达到20%的希望渺茫。", CN, N),
    ("20%", "There is a slim chance of reaching a 20% ROI.", CN, N),
    ("20%", "There is no chance the ROI reaches 20%.", CN, N),
    ("20%", "There is a good chance the ROI reaches 20%.", CN, C),
    ("20%", "ROI达到20%的概率很高。", CN, C),
    ("20%", "There is no doubt the ROI reaches 20%.", CN, C),
    ("20%", "ROI达到20%的可能性几乎为零。", CN, N),
    ("20%", "ROI达到20%的概率接近于零。", CN, N),
    ("20%", "ROI达到20%的机会微乎其微。", CN, N),
    ("20%", "ROI达到20%的希望不大。", CN, N),
    ("20%", "ROI达到20%的可能性是存在的。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 85


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), CHANCES)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
