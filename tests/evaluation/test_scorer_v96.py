"""Scorer v96: a person named only to be denied the part, in English too (`keywords/names.denied_after_a_name`), and
a denial of taking part that a contrast takes back with the part done.

v93 read 刘敏并未参与该项目 as no answer for the key point 刘敏; the same in English was credited ("Liu Min was not
involved. Zhou Xiaofeng made the introduction."), and v93 read 刘敏没有参与，但她牵了线 - she made the introduction -
as a denial. Now a point in Latin letters followed by a denial of taking part or of the role (was not involved, had
nothing to do with it, did not take part, played no part, is not the one who introduced them, is not the introducer)
is no answer; and a denial of taking part followed in its sentence by 但她牵了线 / "but she made the introduction" is
not a denial of the part. Kept: a denial of another part ("was not involved in the negotiations", "is not
responsible for billing") or another role ("is not the CEO"), a denial of the role however it goes on
(刘敏不是牵线人，但她认识王志远), a contrast that names something else (但她认识王志远).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

DENIED_IN_ENGLISH = [
    ("Liu Min", "Liu Min was not involved. Zhou Xiaofeng made the introduction.", N),
    ("Liu Min", "Liu Min was not involved in the project; Zhou Xiaofeng made the introduction.", N),
    ("Liu Min", "Liu Min had nothing to do with it.", N),
    ("Liu Min", "Liu Min did not take part.", N),
    ("Liu Min", "Liu Min is not the one who introduced them.", N),
    ("Liu Min", "Liu Min wasn't involved at all.", N),
    ("Liu Min", "Liu Min played no part in the introduction.", N),
    ("Liu Min", "Liu Min is not the introducer; it was Zhou Xiaofeng.", N),
    ("Liu Min", "Liu Min is not responsible.", N),
    ("Liu Min", "Liu Min was never involved with the project.", N),
    ("Liu Min", "Liu Min was not involved, but she knows Wang Zhiyuan.", N),
    ("Liu Min", "Liu Min made the introduction.", C),
    ("Liu Min", "Liu Min was involved from the start.", C),
    ("Liu Min", "Liu Min was not involved in the negotiations; she only made the introduction.", C),
    ("Liu Min", "Liu Min is not the CEO; she made the introduction.", C),
    ("Liu Min", "Liu Min is not responsible for billing; she made the introduction.", C),
    ("Liu Min", "Liu Min is not the one who signed; she made the introduction.", C),
    ("Liu Min", "Liu Min did not take part in the pricing talks; she introduced them.", C),
    ("Liu Min", "Liu Min was not only involved, she made the introduction.", C),
    ("SaaS", "SaaS is not responsible for the outage; we recommend SaaS.", C),
]
TAKEN_BACK_WITH_THE_PART = [
    ("刘敏", "刘敏没有参与，但她牵了线。", C),
    ("刘敏", "刘敏并未参与该项目，不过她牵了线。", C),
    ("Liu Min", "Liu Min was not involved in the project, but she made the introduction.", C),
    ("Liu Min", "Liu Min was not involved in it, but she introduced them.", C),
    ("Liu Min", "Liu Min did not take part in the pricing talks, but she introduced them.", C),
    ("刘敏", "刘敏并未参与该项目。牵线人是周晓峰，但他很少露面。", N),
    ("刘敏", "刘敏没有参与，牵线人是周晓峰。", N),
    ("刘敏", "刘敏没有参与，但她认识王志远。", N),
    ("刘敏", "刘敏不是牵线人，但她认识王志远。", N),
    ("刘敏", "刘敏与此事无关，但她牵了线。", N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 96


@pytest.mark.parametrize(("point", "answer", "expected"), DENIED_IN_ENGLISH + TAKEN_BACK_WITH_THE_PART)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


def test_a_forbidden_name_so_denied_is_not_charged() -> None:
    assert not charged("Liu Min", "Liu Min was not involved. Zhou Xiaofeng made the introduction.")
    assert charged("Liu Min", "Liu Min made the introduction.")
