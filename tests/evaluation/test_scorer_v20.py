"""Scorer version 20: English answers. Negating degree words (hardly 20 months, far from 20 months, nowhere near,
anything but) and "as opposed to" negate; "never more than" is an inclusive bound as "no more than"; a former value
changed in English is no answer (rose from 20% to 24%, 24%, down from 20%, was 20 months, but after the price change
it is 24 months); the English abbreviations of units of time state a duration (20 mos, 24 hrs, 20 mins), and
"pct" is "percent"."""

from __future__ import annotations

import pytest
from scorer_rows import SW, covered, status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION


def test_the_version() -> None:
    assert SCORER_VERSION >= 20  # v21 refuses shotgun lists of candidate values (test_scorer_v21.py)


# --- 1. negating degree words and "as opposed to" ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The payback period is hardly 20 months."),
        ("20 months", "The payback period is scarcely 20 months."),
        ("20 months", "The payback period is far from 20 months."),
        ("20 months", "The payback period is nowhere near 20 months."),
        ("20 months", "The payback period is anything but 20 months."),
        ("20 months", "The payback period is 24 months, as opposed to 20 months."),
        ("compliant", "The system is hardly compliant."),
        ("compliant", "The system is far from compliant."),
    ],
)
def test_a_negating_degree_word_negates(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The office is not far from the station; the payback is 20 months."),
        ("20 months", "The payback is 20 months, as opposed to 24 months for the old plan."),
        ("20 months", "The payback period is 20 months rather than 24 months."),
        ("20 months", "The payback period is barely 20 months."),
    ],
)
def test_the_point_before_or_apart_from_them_is_still_covered(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 2. "never more than" is an inclusive bound ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The payback period is never more than 20 months."),
        ("20 months", "The payback period is never longer than 20 months."),
        ("20 months", "The payback period is never less than 20 months."),
        ("at most 20 months", "The payback period is never more than 20 months."),
    ],
)
def test_never_more_than_is_an_inclusive_bound(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The payback period is never 20 months."),
        ("at least 20 months", "The payback period is never more than 20 months."),
    ],
)
def test_never_alone_still_negates_and_the_other_direction_does_not_credit(point: str, answer: str) -> None:
    assert not covered(point, answer)


# --- 3. a former value changed, in English ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20%", "The margin rose from 20% to 24%."),
        ("20%", "The margin was increased from 20% to 24% last year."),
        ("20 months", "The payback increased from 20 months to 24 months."),
        ("20%", "The margin is 24%, down from 20%."),
        ("20%", "The margin is 24%, up from 20%."),
        ("20 months", "The payback was 20 months, but after the price change it is 24 months."),
        ("20 months", "The payback was 20 months, but since the merger it has been 24 months."),
        ("20 months", "The payback period was 20 months in 2022 and it is now 24 months."),
    ],
)
def test_a_former_value_changed_is_no_answer(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20%", "The margin rose from 15% to 20%."),
        ("20%", "The margin increased to 20%."),
        ("20 months", "The payback was cut from 24 months to 20 months."),
        ("20 months", "The payback is 20 months, down from 24 months."),
        ("20 months", "The payback was 20 months."),
        ("20 months", "The payback was 20 months, and the IRR is 15%."),
        ("20 months", "The payback was 20 months, but after the price change the IRR is 15%."),
        ("20%", "Prices rose by 20% from 2022 to 2023."),
    ],
)
def test_the_new_value_or_a_past_value_alone_still_credits(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 4. abbreviated units of time, and pct ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The payback is 20 mos."),
        ("20 months", "The payback is 20 mo."),
        ("20 months", "The payback is 20mos."),
        ("20个月", "The payback is 20 mos."),
        ("20 years", "The term is 20 yrs."),
        ("24 hours", "Support is 24 hrs a day."),
        ("1 day", "It takes 24 hrs."),
        ("20 minutes", "It takes 20 mins."),
        ("20 minutes", "It takes 20 min."),
        ("2 hours", "It takes 120 mins."),
        ("20 seconds", "It takes 20 sec."),
        ("2 weeks", "It takes 2 wks."),
        ("20%", "The margin is 20 pct."),
    ],
)
def test_an_abbreviated_unit_states_the_point(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The 20 most important risks are listed."),
        ("20 minutes", "The 20 minimum requirements are met."),
        ("20 seconds", "The report has 20 sections."),
        ("2小时", "Delivery is planned for 2H 2024."),
        ("24 hours", "The 24 hotels are listed."),
        ("20 months", "The payback is 20 yrs."),
        ("20 months", "The payback is 20 mins."),
        ("20%", "The margin is 20.5 pct."),
    ],
)
def test_another_word_or_unit_does_not(point: str, answer: str) -> None:
    assert not covered(point, answer)


def test_scale_words_still_need_a_currency_for_m() -> None:
    assert not covered("1.2 million", "Revenue was 1.2M.", SW)
    assert covered("1.2 million", "Revenue was 1,200,000.", SW)
