"""Scorer v102: a figure before its subject in English, read in two more shapes (`numbers/attributive.py`).

v62 linked "The project delivers a 20% ROI" to the point ROI 20% and left every other shape; v101 missed "We expect a
20% ROI", "A 20% ROI is very likely" and a list item "- 20% ROI". Now the answer's own forecast verbs (expect,
anticipate, forecast, project, estimate) join v62's verbs of having, and a figure that opens its sentence or list item
(an article before it at most) links to the subject right after it where the clause ends there or says it is likely,
expected, achievable, realistic. Kept: a target or another holder just before (Target: 20% ROI, ## Targets / - 20%
ROI, the competitor's line before), a condition (If we cut costs, a 20% ROI is likely), a negation or unlikelihood (is
not achievable, is unlikely), anything else after the subject (20% ROI from new customers, 20% ROI improvement, 20%
ROI (competitor)).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

ROWS = [
    ("ROI 20%", "We expect a 20% ROI.", C),
    ("ROI 20%", "A 20% ROI is very likely.", C),
    ("ROI 20%", "A 20% ROI is expected.", C),
    ("ROI 20%", "A 20% ROI is achievable.", C),
    ("ROI 20%", "20% ROI.", C),
    ("ROI 20%", "- 20% ROI\n- 20-month payback", C),
    ("ROI 20%", "Results:\n- 20% ROI\n- payback in 20 months", C),
    ("ROI 20%", "1. 20% ROI\n2. lower cost", C),
    ("ROI 20%", "The project delivers a 20% ROI.", C),
    ("ROI 20%", "A 20% ROI is not achievable.", N),
    ("ROI 20%", "A 20% ROI is unlikely.", N),
    ("ROI 20%", "A 20% ROI would be great.", N),
    ("ROI 20%", "Target: 20% ROI.", N),
    ("ROI 20%", "## Targets\n- 20% ROI", N),
    ("ROI 20%", "The competitor is strong.\n- 20% ROI", N),
    ("ROI 20%", "If we cut costs, a 20% ROI is likely.", N),
    ("ROI 20%", "Last year: 20% ROI.", N),
    ("ROI 20%", "20% ROI from new customers.", N),
    ("ROI 20%", "20% ROI improvement.", N),
    ("ROI 20%", "20% ROI (competitor).", N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 102


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


def test_a_forbidden_level_so_written_is_charged() -> None:
    assert charged("ROI 20%", "- 20% ROI\n- 20-month payback")
    assert not charged("ROI 20%", "Target: 20% ROI.")
