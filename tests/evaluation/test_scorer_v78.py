"""Scorer v78: a date is one date whichever language and spelling the answer writes it in, and the rules of a figure
read it so.

v26 read a Chinese date point only in Chinese and an English one only in English: 2025年6月 went missing from "the
launch is in June 2025", 2024年 from "founded in 2024", 2025年第三季度 from "Q3 2025", June 2025 from 2025年6月上线.
`keywords/dates.py` (v26's date spellings, moved out of `forms.py`) now reads each in the other language. And the
rules v77 and v19 made for a date read only its Chinese spelling, so once a date was read in another spelling they
let it through: a word of time (launch after June 2025, 2025-06以后上线, later than Q3 2025: `bounds._date_bound`),
a date moved to another (上线从2025年6月推迟到2025年8月, 原定2025年6月，现推迟至2025年8月, "moved from March 2024 to
May 2024", "postponed from Q3 2025 to Q4 2025": `retraction.a_former_value` with v78's verbs of moving a date and
`another_value` comparing dates) and a date offered among other dates (2025年6月或2025年7月, "June 2025 or July
2025", "Q3 2025 or Q4 2025", 2025年第三季度或第四季度: `dates.date_alternatives`, as v15 did for 2025年6月或7月).
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# a date in the other language (v77: missing)
OTHER_LANGUAGE: list[tuple[str, str, NumberForms | None, str]] = [
    ("2025年6月", "The launch is in June 2025.", None, C),
    ("2025年6月", "The launch is planned for Jun. 2025.", None, C),
    ("2025年6月", "It goes live on June 15, 2025.", None, C),
    ("2025年6月", "It goes live on 15 June 2025.", None, C),
    ("2025年6月", "上线时间为June 2025。", None, C),
    ("2025年6月15日", "It goes live on June 15th, 2025.", None, C),
    ("2025年6月15日", "It goes live on the 15th of June 2025.", None, C),
    ("2024年", "The company was founded in 2024.", None, C),
    ("2024年", "It was certified during the year 2024.", None, C),
    ("2024年", "The plant opened in March 2024.", None, C),
    ("2024年", "The pilot ran in Q3 2024.", None, C),
    ("2024年", "The pilot ran in late 2024.", None, C),
    ("2025年第三季度", "Delivery is expected in Q3 2025.", None, C),
    ("2025年第三季度", "Delivery is expected in the third quarter of 2025.", None, C),
    ("2025年第3季度", "Delivery is expected in 3Q 2025.", None, C),
    ("2025年Q3", "预计2025年第三季度交付。", None, C),
    ("June 2025", "预计2025年6月上线。", None, C),
    ("June 2025", "预计2025年06月15日上线。", None, C),
    ("March 2024", "It launched on 15 March 2024.", None, C),
    # other dates, other numbers
    ("2025年6月", "The launch is in June 2024.", None, N),
    ("2025年6月", "The launch is in July 2025.", None, N),
    ("2025年6月15日", "It goes live on June 5, 2025.", None, N),
    ("2025年6月15日", "It goes live in June 2025.", None, N),
    ("2024年", "The company has 2024 employees.", None, N),
    ("2024年", "The company was founded in 2025.", None, N),
    ("2024年", "The index rose in 2024.5 terms.", None, N),
    ("2025年第三季度", "Delivery is expected in Q4 2025.", None, N),
    ("June 2025", "预计2025年7月上线。", None, N),
    ("June 2025", "预计2024年6月上线。", None, N),
    ("2024年", "2022/2023年度营收增长20%。", None, N),
]

# a word of time around a date in another spelling (v77 read 之后 / 晚于 only around a Chinese date)
WORDS_OF_TIME: list[tuple[str, str, NumberForms | None, str]] = [
    ("2025年6月", "The launch will be after June 2025.", None, N),
    ("2025年6月", "The launch will be later than June 2025.", None, N),
    ("2025年6月", "The launch will be earlier than June 2025.", None, N),
    ("2025年6月", "预计2025-06以后上线。", None, N),
    ("2025年6月", "预计2025/6之后上线。", None, N),
    ("2025年6月15日", "It goes live after June 15, 2025.", None, N),
    ("2025年第三季度", "Delivery comes after Q3 2025.", None, N),
    ("March 2024", "It launched after March 2024.", None, N),
    ("June 2025", "预计2025年6月以后上线。", None, N),
    ("2024年", "上线时间在2024年3月以后。", None, N),
    ("2024年3月", "上线时间在2024年3月15日以后。", None, N),
    # a deadline or a start states its date (v22, v77)
    ("2025年6月", "The launch will be before June 2025.", None, C),
    ("2025年6月", "The launch will be by June 2025.", None, C),
    ("2025年6月", "The launch will be no later than June 2025.", None, C),
    ("2025年6月", "The launch will be in June 2025 at the latest.", None, C),
    ("2025年6月", "The launch will be in June 2025 or later.", None, C),
    ("2025年6月", "预计2025-06之前上线。", None, C),
    ("June 2025", "预计2025年6月以前上线。", None, C),
    ("2024年", "上线时间在2024年3月前。", None, C),
    ("2024年", "上线时间在2024年3月。", None, C),
    ("March 2024", "It launched before March 2024.", None, C),
]

# a date moved to another (v77: covered)
MOVED: list[tuple[str, str, NumberForms | None, str]] = [
    ("2025年6月", "上线时间从2025年6月推迟到2025年8月。", None, N),
    ("2025年6月", "上线时间由2025年6月调整为2025年8月。", None, N),
    ("2025年6月", "上线时间原定2025年6月，现推迟至2025年8月。", None, N),
    ("2025年6月", "The launch was moved from June 2025 to August 2025.", None, N),
    ("2024年", "投产时间由2024年推迟到2025年。", None, N),
    ("2025年第三季度", "交付从2025年第三季度推迟到2025年第四季度。", None, N),
    ("2025年第三季度", "Delivery was postponed from Q3 2025 to Q4 2025.", None, N),
    ("March 2024", "The launch was moved from March 2024 to May 2024.", None, N),
    ("March 2024", "The launch was delayed from March 2024 to May 2024.", None, N),
    ("Q3 2025", "Delivery was pushed back from Q3 2025 to Q4 2025.", None, N),
    ("March 2024", "It launched in March 2024 (wrong: May 2024).", None, N),
    # moved to the date, the same date, plan and actual (v19)
    ("2025年6月", "上线时间从2025年5月推迟到2025年6月。", None, C),
    ("March 2024", "The launch was moved from February 2024 to March 2024.", None, C),
    ("2025年6月", "上线时间从2025年6月推迟到2025年6月15日。", None, C),
    ("2025年6月", "计划2025年6月上线，实际2025年8月上线。", None, C),
    ("2025年6月", "从2025年6月到2025年8月分阶段上线。", None, C),
]

# a date offered among other dates (v77: covered, as v15 negated 2025年6月或7月)
AMONG_DATES: list[tuple[str, str, NumberForms | None, str]] = [
    ("2025年6月", "预计2025年6月或2025年7月上线。", None, N),
    ("2025年6月", "预计2025年5月或2025年6月上线。", None, N),
    ("2025年6月", "The launch is in June 2025 or July 2025.", None, N),
    ("2025年6月", "预计2025年6月/7月上线。", None, N),
    ("2025年第三季度", "预计2025年第三季度或第四季度交付。", None, N),
    ("Q3 2025", "Delivery is in Q3 2025 or Q4 2025.", None, N),
    ("March 2024", "It launches in March 2024 or April 2024.", None, N),
    ("2024年", "It was founded in 2024 or 2025.", None, N),
    ("2024年", "公司成立于2024年或2025年。", None, N),
    # the same date again, a list, one fiscal year
    ("2025年6月", "预计2025年6月或June 2025上线。", None, C),
    ("2025年6月", "June 2025 (2025年6月) is the launch.", None, C),
    ("Q3 2025", "Delivery is in Q3 2025, or the third quarter of 2025.", None, C),
    ("2025年6月", "一期2025年6月和二期2025年7月上线。", None, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 78


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"), [*OTHER_LANGUAGE, *WORDS_OF_TIME, *MOVED, *AMONG_DATES]
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
