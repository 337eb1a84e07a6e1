"""Scorer v79: a time of day is one time in every spelling - 15:00 is 15点, 下午3点 and 3 pm - and no other.

Until v79 a time of day was matched only as written (and v4's zero-padded hour: 09:00 for 9:00), so 15:00 went missing
from 下午3点, 15点 and "3:00 PM", a range point 9:00-18:00 from 上午9点到下午6点, "9 am - 6 pm" and even 9:00 - 18:00
(v9's "any range mark" had not held for times), and 9:00 was credited inside "9:00 PM" (21:00). `keywords/times.py`:
`time_twins` (one time's spellings: the 24-hour clock, 15点 / 15时 / 15点30分 / 15点半, a Chinese word of the day's
period with the 12-hour hour, am / pm), `time_range` (a range of two times in any spelling of each end and any range
mark) and `TimeOfDay` (no match that a word of the day's period before it or an am / pm after it puts at another hour).
A point 3点 names no half of the day (下午3点 states it, as v5's rows pin), 15点 and 15:00 do, and an answer's bare
3点 states no 15:00; a range of times keeps both ends (下午3点到5点 states 15:00, as v7 decided for
a range of months of one year).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# one time in another spelling (v78: missing)
SPELLINGS: list[tuple[str, str, NumberForms | None, str]] = [
    ("15:00", "会议定在下午3点。", None, C),
    ("15:00", "会议定在下午三点。", CN, C),
    ("15:00", "会议定在15点。", None, C),
    ("15:00", "会议定在15时。", None, C),
    ("15:00", "The meeting is at 3 pm.", None, C),
    ("15:00", "The meeting is at 3:00 PM.", None, C),
    ("15:00", "The meeting is at 3 p.m.", None, C),
    ("15:00", "The meeting is at 3pm.", None, C),
    ("9:00", "每天上午9点开门。", None, C),
    ("9:00", "每天早上9点开门。", None, C),
    ("9:00", "每天9点开门。", None, C),
    ("9:00", "We open at 9 am.", None, C),
    ("9:00", "We open at 9:00 AM.", None, C),
    ("21:00", "We close at 9 pm.", None, C),
    ("21:00", "晚上9点闭店。", None, C),
    ("下午3点", "会议定在15:00。", None, C),
    ("下午3点", "The meeting is at 3 pm.", None, C),
    ("3 pm", "会议定在15:00。", None, C),
    ("3 pm", "会议定在下午3点。", None, C),
    ("15:30", "会议定在下午3点半。", None, C),
    ("15:30", "会议定在下午3点30分。", None, C),
    ("15:30", "会议定在15点30分。", None, C),
    ("15:30", "The meeting is at 3:30 pm.", None, C),
    ("12:00", "中午12点午休。", None, C),
    ("12:00", "Lunch is at 12 pm.", None, C),
    ("13:00", "中午1点开会。", None, C),
    ("13:00", "下午1点开会。", None, C),
    ("0:00", "The backup runs at 12 am.", None, C),
    ("2点", "凌晨2点备份。", None, C),
    ("2点", "下午2点备份。", None, C),  # a point 2点 names no half of the day (v5's rows: 下午3点 for 3点)
    ("14点", "下午2点备份。", None, C),
    ("15:00", "会议下午3点到5点。", None, C),  # a range of times keeps both ends (v7)
]

# another hour (v78: 9:00 PM credited 9:00)
OTHER_HOURS: list[tuple[str, str, NumberForms | None, str]] = [
    ("9:00", "We open at 9:00 pm.", None, N),
    ("9:00", "We open at 9 pm.", None, N),
    ("9:00", "晚上9点开门。", None, N),
    ("9:00", "晚上9:00开门。", None, N),
    ("9:00", "21:00开门。", None, N),
    ("15:00", "The meeting is at 3:00 AM.", None, N),
    ("15:00", "会议定在凌晨3点。", None, N),
    ("15:00", "会议定在3点。", None, N),
    ("15:00", "会议定在下午3点半。", None, N),
    ("15:00", "会议定在下午4点。", None, N),
    ("21:00", "上午9点闭店。", None, N),
    ("下午3点", "会议定在凌晨3点。", None, N),
    ("下午3点", "The meeting is at 3 am.", None, N),
    ("3 pm", "The meeting is at 3 am.", None, N),
    ("15:30", "会议定在下午3点。", None, N),
    ("12:00", "The backup runs at 12 am.", None, N),
    ("14点", "凌晨2点备份。", None, N),
]

# a range of two times in any spelling and any range mark (v78: missing)
RANGES: list[tuple[str, str, NumberForms | None, str]] = [
    ("9:00-18:00", "营业时间为上午9点到下午6点。", None, C),
    ("9:00-18:00", "营业时间为上午九点到下午六点。", CN, C),
    ("9:00-18:00", "营业时间为9点至18点。", None, C),
    ("9:00-18:00", "营业时间为9:00 - 18:00。", None, C),
    ("9:00-18:00", "营业时间为9:00到18:00。", None, C),
    ("9:00-18:00", "营业时间为09:00-18:00。", None, C),
    ("9:00-18:00", "We are open 9 am - 6 pm.", None, C),
    ("9:00-18:00", "We are open 9am-6pm.", None, C),
    ("9:00-18:00", "We are open from 9:00 am to 6:00 pm.", None, C),
    ("9:00-18:00", "We are open 9 a.m. until 6 p.m.", None, C),
    ("8:30-17:30", "营业时间为上午8点半到下午5点半。", None, C),
    ("8:30-17:30", "We are open 8:30 am - 5:30 pm.", None, C),
    ("9:00-18:00", "营业时间为上午9点到下午5点。", None, N),
    ("9:00-18:00", "We are open 9 am - 6 am.", None, N),
    ("9:00-18:00", "营业时间为19:00-18:00。", None, N),
    ("9:00-18:00", "营业时间不是9:00-18:00。", None, N),
    ("9:00-18:00", "We are open 9:00 pm-18:00.", None, N),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 79


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), [*SPELLINGS, *OTHER_HOURS, *RANGES])
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
