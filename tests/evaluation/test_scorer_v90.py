"""Scorer v90: the review of v88's names - a belief, a correction and a pointer read no wider than they mean.

v88-v89 took back a text point that was only the topic of someone's view and the answer's own words after it:
很多人认为私有化部署成本高，实际成本约80万元 and 我们认为私有化部署更合适，实际部署周期约3个月 (a view of the point,
then a fact of it - `believed_and_corrected` now needs the point to end the belief's part: it is the value believed, and
"we think" / 我们认为 is the answer's own view, not a belief corrected; "I thought" / 我以为 still is one); 我们支持
私有化部署。更正：价格为80万元 and "Update: cloud is now supported too" (a correction of another thing -
`taken_back_name` now needs a short name with no figure after the correction, and "update" is no correction);
这不确定的因素较多 (a pointer's doubt must end its part).
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

READ_NO_WIDER: list[Row] = [
    ("私有化部署", "很多人认为私有化部署成本高，实际成本约80万元。", None, C),
    ("私有化部署", "我们认为私有化部署更合适，实际部署周期约3个月。", None, C),
    ("私有化部署", "我们支持私有化部署。更正：价格为80万元。", None, C),
    ("private deployment", "We support private deployment. Update: cloud is now supported too.", None, C),
    ("私有化部署", "我们支持私有化部署，这不确定的因素较多。", None, C),
    ("苏州", "我以为在苏州，其实在上海。", None, N),
    ("Suzhou", "I thought it was Suzhou, but actually it is Shanghai.", None, N),
    ("苏州", "很多人以为在苏州，其实在上海。", None, N),
    ("华信银行", "客户是华信银行。更正：是安泰人寿。", None, N),
    ("大学同学", "二人是大学同学，这一点未经证实。", None, N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 90


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), READ_NO_WIDER)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
