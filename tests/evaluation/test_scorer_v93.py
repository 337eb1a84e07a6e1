"""Scorer v93: a person named only to be denied the part asked about (`keywords/names.py`, `denied_after_a_name`).

v92 credited the key point 刘敏 (who made the introduction?) for 刘敏并未参与该项目, 刘敏没有参与，牵线人是周晓峰,
刘敏不是牵线人 and 刘敏与此事无关 - the name stood in the answer only as the subject of its own denial. Now a denial
right after a person's name (jieba: nr) is read as one of the point: of taking part with no object or a general one
(该项目, 此事, 其中), of a role (不是牵线人, 并非负责人), or "has nothing to do with it". Kept: a denial of another part
(刘敏没有参与谈判，她只负责牵线), of something else (刘敏不是周晓峰的下属，她是牵线人), 不 alone
(刘敏不参与谈判，而是负责牵线), words that start like a denial (刘敏没有辜负期望, 刘敏不仅参与了), a denial later in
the sentence (刘敏负责牵线，并未参与后续谈判), another name joined (刘敏和周晓峰一起牵的线), and points that are no
person's name.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

A_NAME_DENIED: list[Row] = [
    ("刘敏", "刘敏并未参与该项目。", CN, N),
    ("刘敏", "刘敏没有参与，牵线人是周晓峰。", CN, N),
    ("刘敏", "刘敏没有参与过该项目。", CN, N),
    ("刘敏", "刘敏从未参与其中。", CN, N),
    ("刘敏", "刘敏不是牵线人。", CN, N),
    ("刘敏", "刘敏并非负责人。", CN, N),
    ("刘敏", "刘敏与此事无关。", CN, N),
    ("刘敏", "刘敏和这件事没有关系。", CN, N),
    ("周晓峰", "周晓峰未参与。", CN, N),
    ("刘敏", "刘敏没有参与谈判，她只负责牵线。", CN, C),
    ("刘敏", "刘敏不是周晓峰的下属，她是牵线人。", CN, C),
    ("刘敏", "刘敏不参与谈判，而是负责牵线。", CN, C),
    ("刘敏", "刘敏没有辜负期望，成功牵线。", CN, C),
    ("刘敏", "刘敏不仅参与了，还牵了线。", CN, C),
    ("刘敏", "刘敏负责牵线，并未参与后续谈判。", CN, C),
    ("刘敏", "刘敏和周晓峰一起牵的线。", CN, C),
    ("刘敏", "牵线人是刘敏，不是周晓峰。", CN, C),
    ("私有化部署", "私有化部署不是负责人决定的，我们支持私有化部署。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 93


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), A_NAME_DENIED)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_a_forbidden_name_is_not_charged_where_it_is_denied() -> None:
    assert not charged("刘敏", "刘敏并未参与该项目。")
    assert charged("刘敏", "刘敏负责牵线。")
