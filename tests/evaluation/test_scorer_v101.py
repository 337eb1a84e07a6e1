"""Scorer v101: a feature denied in more words (`keywords/negation.py`) - found probing text points in English.

v100 credited the point SaaS for "SaaS (not recommended).", "SaaS is still in development.", "SaaS support ended
last year.", "We stopped offering SaaS.", "SaaS would not meet your compliance needs, so we recommend on-premise.",
and 私有化部署 for 私有化部署不在本次范围内 and 私有化部署无法满足贵司合规要求，建议公有云. Now a verdict in a bracket
of its own, one still in development (as 正在开发中 since v67), support or sales ended, a feature stopped or
discontinued (stopped offering, have discontinued), a need not met (would not meet your ... requirements;
无法满足贵司…要求) and 不在本次范围内 deny it. Kept: SaaS (recommended), "We never discontinued SaaS", a plan, even
for a time ("SaaS is planned for Q3 next year": decided in v67), "SaaS would not only meet your needs but exceed
them", 私有化部署完全能满足贵司合规要求, 私有化部署在本次范围内.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS = [
    ("SaaS", "SaaS (not recommended).", N),
    ("SaaS", "SaaS (unavailable) and on-premise (recommended).", N),
    ("SaaS", "SaaS is still in development.", N),
    ("SaaS", "SaaS support ended last year.", N),
    ("SaaS", "We stopped offering SaaS.", N),
    ("SaaS", "We have discontinued SaaS.", N),
    ("SaaS", "SaaS would not meet your compliance needs, so we recommend on-premise.", N),
    ("私有化部署", "私有化部署不在本次范围内。", N),
    ("私有化部署", "私有化部署无法满足贵司合规要求，建议公有云。", N),
    ("SaaS", "SaaS (recommended).", C),
    ("SaaS", "We never discontinued SaaS.", C),
    ("SaaS", "SaaS is planned as the default.", C),
    ("SaaS", "SaaS is planned for Q3 next year.", C),  # a plan for a time is an offer (decided in v67)
    ("SaaS", "SaaS would not only meet your needs but exceed them.", C),
    ("SaaS", "SaaS would meet your compliance needs.", C),
    ("私有化部署", "私有化部署完全能满足贵司合规要求。", C),
    ("私有化部署", "私有化部署在本次范围内。", C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 101


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)
