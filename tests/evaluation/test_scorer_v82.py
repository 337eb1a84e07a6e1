"""Scorer v82: a month or a day written with dots, and a level not held.

- A date with dots (2025.6, 2025.06, 2025.6.30), as Chinese business writing has it, was read as nothing: v15 left dots
  out because a number form reads 2025.10 as the decimal 2025.1. `keywords/dates.py` reads it as a regex of its
  digits (2025.10 is October, no 2025.1 and no 2020.30), for a month or a day point and an English month point; not a
  decimal with a unit after it (2025.6万元), a longer run (2025.6.1.3), nor a year point's (2024.5 is a decimal as
  often as a month of 2024). The rules of a date read it too: a word of time after it (2025.6以后: `bounds`), another
  date offered beside it (2025.6或2025.7: `dates._date_key`), a move from it (原定2025.6上线，现推迟至2025.8).
- A level not held (毛利率未能稳定在20%, 没有保持在, 无法维持在, 没能保持20%, 不会停留在; "did not stay at 20%",
  "could not remain at", "failed to hold at") was credited: a negation reached a figure over the verbs of a change or of
  reaching a level (v25, v37) but not of holding one. Kept: the level held (稳定保持在20%, "stayed at 20%"), 不但 / 不仅
  / not only, 不断, a negation of something else after it (稳定在20%，未能进一步提升).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

DOTTED: list[Row] = [
    ("2025年6月", "计划2025.6上线。", CN, C),
    ("2025年6月", "计划2025.06上线。", CN, C),
    ("2025年6月", "计划于2025.6.30上线。", CN, C),
    ("2025年6月30日", "计划于2025.6.30上线。", CN, C),
    ("2025年6月30日", "计划于2025.06.30上线。", CN, C),
    ("2025年6月", "计划2025-06上线。", CN, C),
    ("2025年6月", "计划2025/6上线。", CN, C),
    ("2025年6月", "营收2025.6万元。", CN, N),
    ("2025年6月", "计划2025.7上线。", CN, N),
    ("2025年6月", "计划2025.16上线。", CN, N),
    ("2025年6月", "计划2025.6以后上线。", CN, N),
    ("2025年6月", "原定2025.6上线，现推迟至2025.8。", CN, N),
    ("2025年6月", "计划2025.6或2025.7上线。", CN, N),
    ("2025年10月", "计划2025.10上线。", CN, C),
    ("2025年1月", "计划2025.10上线。", CN, N),
    ("2025年10月", "计划2025.1上线。", CN, N),
    ("2025年", "计划2025.6上线。", CN, N),
    ("2025年", "营收2025.6万元。", CN, N),
    ("June 2025", "计划2025.6上线。", CN, C),
    ("June 2025", "计划2025.06.30上线。", CN, C),
    ("2025年6月", "2025.6.1.3版本。", CN, N),
    ("2025年6月", "计划2025.6前上线。", CN, C),
    ("2025年6月", "计划2025.6后上线。", CN, N),
    ("2025年6月", "计划2025.6~2025.8上线。", CN, C),
    ("2025年6月", "计划不是2025.6上线。", CN, N),
    ("2025年6月30日", "计划于2025.6.3上线。", CN, N),
]

# review: a decimal with a unit after it is no date in the rules of a date either (A_DATE shares the dotted guard)
NOT_A_DOTTED_DATE: list[Row] = [
    ("2025年6月", "指数为2025.6点。", CN, N),
    ("2025年6月", "营收为2025.6万元。", CN, N),
]

# v82: a date's twin with dashes or slashes offered beside another date (v78 read alternatives of the point's own
# spelling only)
DASHED_AMONG: list[Row] = [
    ("2025年6月", "计划2025/6 or 2026/6上线。", CN, N),
    ("2025年6月", "计划2025-06或2025-07上线。", CN, N),
    ("2025年6月", "计划2025-06或2025年6月上线。", CN, C),
]

HELD: list[Row] = [
    ("20%", "Margin no longer stayed at 20%.", CN, N),
    ("20%", "Margin never really held steady at 20%.", CN, N),
    ("20%", "ROI no longer rose to 20%.", CN, N),
    ("20%", "ROI did not really rise to 20%.", CN, N),
    ("20%", "ROI no longer rose by 20%.", CN, N),
    ("20%", "Margin held steady at 20%.", CN, C),
    # review: a contracted negation before a verb of holding (one regex reads them all now)
    ("20%", "Margin didn't stay at 20%.", CN, N),
    ("20%", "Margin hasn't stayed at 20%.", CN, N),
    ("20%", "Margin won't remain at 20%.", CN, N),
    ("20%", "Margin can't hold at 20%.", CN, N),
    ("20%", "ROI rose to 20%, no longer stuck at 15%.", CN, C),
    ("20%", "毛利率未能稳定在20%。", CN, N),
    ("20%", "毛利率没有稳定在20%。", CN, N),
    ("20%", "毛利率未能保持在20%。", CN, N),
    ("20%", "毛利率无法维持在20%。", CN, N),
    ("20%", "毛利率并未维持在20%。", CN, N),
    ("20%", "毛利率未稳定在20%。", CN, N),
    ("20%", "毛利率没能保持20%。", CN, N),
    ("20%", "毛利率不会停留在20%。", CN, N),
    ("20%", "毛利率没有停在20%。", CN, N),
    ("20%", "毛利率未能实现20%。", CN, N),
    ("20%", "毛利率没有实现20%。", CN, N),
    ("20%", "Margin did not stay at 20%.", CN, N),
    ("20%", "Margin failed to hold at 20%.", CN, N),
    ("20%", "Margin could not remain at 20%.", CN, N),
    ("20%", "Margin has not stayed at 20%.", CN, N),
    ("20%", "毛利率稳定在20%。", CN, C),
    ("20%", "毛利率稳定在20%，未能进一步提升。", CN, C),
    ("20%", "毛利率稳定保持在20%。", CN, C),
    ("20%", "毛利率不仅稳定在20%，还在提升。", CN, C),
    ("20%", "Margin stayed at 20%.", CN, C),
    ("20%", "Margin did not fall and stayed at 20%.", CN, C),
    ("20%", "毛利率不是稳定在20%，而是稳定在25%。", CN, N),
    ("20%", "毛利率不但维持在20%，还有所提升。", CN, C),
    ("20%", "毛利率一直保持在20%，不会下降。", CN, C),
    ("20%", "毛利率不断保持在20%以上。", CN, C),
    ("20%", "毛利率能否保持在20%还不确定。", CN, N),
    ("20%", "毛利率无论如何都保持在20%。", CN, C),
    ("20%", "Margins have not only stayed at 20% but grown.", CN, C),
    ("20%", "Margins never stayed at 20% for long.", CN, N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 82


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*DOTTED, *NOT_A_DOTTED_DATE, *DASHED_AMONG, *HELD])
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
