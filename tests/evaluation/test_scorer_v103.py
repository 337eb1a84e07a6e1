"""Scorer v103: a person named in hearsay that is corrected, in a claim dismissed, or in a list all denied the part
(`keywords/names.py`).

v102 credited 刘敏 (who made the introduction?) for 据传是刘敏牵的线，但实际是周晓峰 and 很多人以为是刘敏牵的线，其实是
周晓峰 (v88 read a belief only where the name ended its part), 刘敏牵线一说并无依据 and 刘敏牵线的传言不实 (a claim
dismissed), 刘敏和周晓峰都不是牵线人 and 刘敏、周晓峰均未参与牵线 (v93 read a denial only right after one name), and
"Liu Min" for "The claim that Liu Min made the introduction is unfounded". Kept: a belief confirmed (其实确实如此), a
correction that is said of the person (很多人认为刘敏很能干，实际上她牵了线), a claim with a basis (这一说法有依据), a
list of names all affirmed (刘敏和周晓峰都是牵线人), a denial of the others only (周晓峰和王志远都不是牵线人).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS = [
    ("刘敏", "据传是刘敏牵的线，但实际是周晓峰。", N),
    ("刘敏", "很多人以为是刘敏牵的线，其实是周晓峰。", N),
    ("刘敏", "刘敏牵线一说并无依据。", N),
    ("刘敏", "刘敏牵线的传言不实。", N),
    ("刘敏", "刘敏和周晓峰都不是牵线人。", N),
    ("刘敏", "刘敏、周晓峰均未参与牵线。", N),
    ("Liu Min", "The claim that Liu Min made the introduction is unfounded.", N),
    ("刘敏", "很多人以为是刘敏牵的线，其实确实如此。", C),
    ("刘敏", "很多人认为刘敏很能干，实际上她牵了线。", C),
    ("刘敏", "刘敏牵线，这一说法有依据。", C),
    ("刘敏", "刘敏和周晓峰都参与了。", C),
    ("刘敏", "刘敏和周晓峰都是牵线人。", C),
    ("刘敏", "刘敏牵的线，周晓峰和王志远都不是牵线人。", C),
    ("刘敏", "周晓峰牵线的说法不实，实际是刘敏。", C),
    ("刘敏", "不是周晓峰，是刘敏牵的线。", C),
    ("Liu Min", "Liu Min made the introduction, which is not true of Zhou.", C),  # another clause's verdict
    ("苏州", "很多人以为总部在苏州，其实他们搞错了，总部在上海。", N),  # 他们: not the person again
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 103


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


def test_a_forbidden_name_in_a_dismissed_claim_is_not_charged() -> None:
    assert not charged("刘敏", "刘敏牵线一说并无依据。")
    assert charged("刘敏", "刘敏牵的线。")
