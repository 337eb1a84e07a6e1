"""Scorer v91: a figure's claim named after its verb, and a founding denied.

v90 credited 1997年 in 华信银行1997年成立的说法有误，应为1998年 and 20个月 in 20个月回本的说法有误 - a claim's noun read
only right after the figure's 的 (v46: 20%的说法), not after the figure's own verb (`rejected._CLAIM_AFTER_ZH`); and in
"Huaxin Bank was not founded in 1997" / "wasn't established in 1997" - the verbs of a founding or a signing were no
fillers between a negation and its figure (`negation.FILLERS_EN`: founded, established, incorporated, registered,
signed, opened, formed, created). Kept: the claim confirmed (华信银行1997年成立的说法是正确的, 20个月回本的说法是对的,
关于20个月 回本的说法，我们核实后确认无误), "was founded in 1997", "was not only founded in 1997 but also listed in
2005".
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

CLAIMED_AFTER_ITS_VERB_OR_FOUNDING_DENIED: list[Row] = [
    ("1997年", "华信银行1997年成立的说法有误，应为1998年。", CN, N),
    ("20个月", "20个月回本的说法有误，应为24个月。", CN, N),
    ("1997年", "Huaxin Bank was not founded in 1997.", CN, N),
    ("1997年", "Huaxin Bank wasn't established in 1997.", CN, N),
    ("1997年", "华信银行1997年成立的说法是正确的。", CN, C),
    ("1997年", "华信银行于1997年成立，这一说法是正确的。", CN, C),
    ("20个月", "20个月回本的说法是对的。", CN, C),
    ("20个月", "关于20个月回本的说法，我们核实后确认无误。", CN, C),
    ("1997年", "Huaxin Bank was founded in 1997.", CN, C),
    ("1997年", "Huaxin Bank was not only founded in 1997 but also listed in 2005.", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 91


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), CLAIMED_AFTER_ITS_VERB_OR_FOUNDING_DENIED)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
