"""Scorer version 18: the right duration in another unit of time is the point, where the units convert exactly (1年 =
12个月, 1周 = 7天, 1天 = 24小时, 1小时 = 60分钟, 1分钟 = 60秒): 20个月 is 1年8个月 and 1 year and 8 months, 18个月
1.5年 and 1年半, 14天 2周, 90分钟 1.5小时 and 1小时30分钟, 2小时 120分钟, 3天 72小时. Not 1个月 = 30天 nor 1年 = 365
天, which are approximations. Every rule that refuses the point's own form refuses its converted form: bounds, ranges,
alternatives, negations, a longer number (11年8个月), a compound whose first part is the point (2周3天), dates and
ordinals. With chinese_numerals, halves without a digit (半年, 一个半小时), 廿 and 卅, and a 零 joint (一年零八个月)."""

from __future__ import annotations

import pytest
from scorer_rows import check_status, status

from pytest_llmeval.evaluation.numbers import NumberForms, duration_twins
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

CN = NumberForms(chinese=True)


def test_the_version() -> None:
    assert SCORER_VERSION >= 18  # v19 takes back a figure corrected right after it (test_scorer_v19.py)


# --- 1. the same duration in another unit, or as a compound of two adjacent units ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期为1年8个月。"),
        ("20个月", "回收期为1年零8个月。"),
        ("20个月", "回收期为1年又8个月。"),
        ("20个月", "回收期为 1 年 8 个月。"),
        ("20个月", "The payback is 1 year and 8 months."),
        ("20个月", "The payback is 1 year 8 months."),
        ("20个月", "The payback is 20 months."),
        ("20 months", "The payback is 1 year and 8 months."),
        ("20 months", "The payback is one year and eight months."),
        ("20 months", "回收期为1年8个月。"),
        ("18个月", "回收期为1.5年。"),
        ("18个月", "回收期为1年半。"),
        ("18个月", "回收期为1年6个月。"),
        ("18个月", "The payback is 1.5 years."),
        ("18个月", "The payback is a year and a half."),
        ("6个月", "回收期为0.5年。"),
        ("14天", "审批需要2周。"),
        ("14天", "审批需要2个星期。"),
        ("14天", "It takes two weeks."),
        ("90分钟", "会议时长1.5小时。"),
        ("90分钟", "会议时长1个半小时。"),
        ("90分钟", "会议时长1小时30分钟。"),
        ("90分钟", "会议时长1个小时30分钟。"),
        ("90分钟", "The meeting takes 1 hour and 30 minutes."),
        ("90分钟", "The meeting takes an hour and a half."),
        ("30分钟", "The call takes half an hour."),
        ("2小时", "处理需要120分钟。"),
        ("2小时", "处理需要2个钟头。"),
        ("1年", "质保期12个月。"),
        ("2年", "合同期24个月。"),
        ("3天", "处理时限72小时。"),
        ("1周", "处理时限7天。"),
        ("150秒", "处理需要2分钟30秒。"),
        ("回收期20个月", "回收期1年8个月"),
        ("72小时以内", "3天以内完成"),
        # the v17 bound rule in the converted form: an inclusive bound states the figure as a limit
        ("20个月", "回收期1年8个月以上。"),
        ("20个月", "回收期至少1年8个月。"),
        ("90分钟", "会议不超过1.5小时。"),
        # the point's own form in the next sentence of a rate keeps its verdict
        ("5天", "一周5天工作制。"),
    ],
)
def test_the_duration_in_another_unit_is_the_point(point: str, answer: str) -> None:
    check_status(point, answer, "covered")


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期为一年零八个月。"),
        ("20个月", "回收期为一年八个月。"),
        ("20个月", "回收期为一年又八个月。"),
        ("22个月", "回收期为一年零十个月。"),
        ("18个月", "回收期为一年半。"),
        ("6个月", "回收期为半年。"),
        ("6个月", "回收期半年左右。"),
        ("14天", "审批需要两周。"),
        ("14天", "审批需要两个星期。"),
        ("90分钟", "会议时长一个半小时。"),
        ("30分钟", "处理时限半小时。"),
        ("30分钟", "处理时限半个小时。"),
        ("3天", "处理时限七十二小时。"),
        ("125分钟", "处理时间为两小时零五分钟以内。"),
        ("20个月", "回收期为廿个月。"),
        ("25天", "廿五天内完成。"),
        ("30天", "退款期为卅天。"),
    ],
)
def test_chinese_numerals_and_halves_with_chinese_numerals(point: str, answer: str) -> None:
    check_status(point, answer, "covered", CN)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("6个月", "回收期为半年。"),  # 半 is a numeral word: chinese_numerals, as 六个月 is
        ("20个月", "回收期为一年八个月。"),
        ("20个月", "回收期为廿个月。"),
    ],
)
def test_no_chinese_numerals_without_the_option(point: str, answer: str) -> None:
    check_status(point, answer, "not covered")


# --- 2. what refuses the point's own form refuses the converted one ---


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        # a strict bound names another value; a negation; a correction; a multiple's base
        ("20个月", "回收期超过1年8个月。", None),
        ("20个月", "回收期不到1年8个月。", None),
        ("3天", "处理时限超过72小时。", None),
        ("90分钟", "会议超过1.5小时。", None),
        ("20个月", "回收期不是1年8个月。", None),
        ("2小时", "处理并不需要120分钟。", None),
        ("20个月", "回收期是1年8个月的两倍。", None),
        ("20 months", "The payback is not 1 year and 8 months.", None),
        ("20 months", "The payback is more than 1 year and 8 months.", None),
        # a range's end, in the converted form too
        ("20个月", "回收期12个月至1年8个月。", None),
        ("20个月", "回收期1年8个月至30个月。", None),
        ("18个月", "回收期1年半至30个月。", None),
        ("18个月", "回收期12个月至1年半。", None),
        ("2小时", "处理需要60到120分钟。", None),
        # a guess among values of the point's last unit
        ("20个月", "回收期为1年8个月或22个月。", None),
        ("2小时", "处理需要120分钟或150分钟。", None),
        # a longer number, or another remainder
        ("20个月", "回收期为11年8个月。", None),
        ("20个月", "回收期为21年8个月。", None),
        ("20个月", "回收期为1年18个月。", None),
        ("20个月", "回收期为1年8个月零5天。", None),
        ("20个月", "回收期为十一年八个月。", CN),
        ("18个月", "回收期为11.5年。", None),
        ("18个月", "回收期为1.55年。", None),
        ("14天", "审批需要12周。", None),
        ("2小时", "处理需要1120分钟。", None),
        ("2小时", "处理需要120分钟30秒。", None),
        ("1年", "质保期112个月。", None),
        ("3天", "处理时限72小时30分钟。", None),
        # a compound whose first part is the point, or the converted point
        ("1年", "回收期为1年8个月。", None),
        ("1小时", "会议时长1小时30分钟。", None),
        ("2周", "审批需要2周3天。", None),
        ("14天", "审批需要2周3天。", None),
        ("72小时", "处理需要3天12小时。", None),
        ("6个月", "回收期为1年半。", CN),
        ("30分钟", "会议时长1个半小时。", CN),
        # dates, times of day, anniversaries, grades, ordinals, calendar halves
        ("20个月", "项目于2021年8月上线。", None),
        ("8个月", "项目于2020年8月上线。", None),
        ("1年", "12月上线。", None),
        ("1年", "项目于2024年12月上线。", None),
        ("1周", "7日上线。", None),
        ("7天", "公司成立1周年。", None),
        ("2小时", "下午2点开会，120人参加。", None),
        ("12个月", "孩子1岁了。", None),
        ("2年", "第24个月上线。", None),
        ("24个月", "第2年上线。", None),
        ("24个月", "小学2年级。", None),
        ("6个月", "上半年完成。", CN),
        ("6个月", "下半年完成。", CN),
        ("6个月", "半年报已发布。", CN),
        ("30分钟", "前半小时免费。", CN),
        ("30分钟", "三点半开会。", CN),
        # no exact equality: a month is no number of days, a year none of days or weeks
        ("1个月", "处理需要30天。", None),
        ("30天", "处理需要1个月。", None),
        ("1年", "处理需要365天。", None),
        ("1年", "处理需要52周。", None),
        ("20个月", "回收期为1.67年。", None),
        # 月 and 日 alone are a month of the year and a day of the month
        ("20个月", "回收期为20月。", None),
        ("14天", "14日上线。", None),
    ],
)
def test_what_refuses_the_point_refuses_its_converted_form(point: str, answer: str, forms: NumberForms | None) -> None:
    check_status(point, answer, "not covered", forms)


@pytest.mark.parametrize(
    ("own", "twin"),
    [("20个月", "1年8个月"), ("20个月", "1年零8个月"), ("2小时", "120分钟"), ("14天", "2周"), ("90分钟", "1.5小时")],
)
@pytest.mark.parametrize(
    "context",
    [
        "回收期为{}。",
        "回收期不是{}。",
        "回收期超过{}。",
        "回收期至少{}。",
        "回收期{}以上。",
        "回收期{}以内。",
        "有人说回收期是{}，但实际是24个月。",
        "回收期是{}的两倍。",
        "回收期约{}。",
        "第{}上线。",
        "回收期{}？不对。",
        "误以为回收期是{}。",
        "据说回收期{}，但无法证实。",
        "回收期并非{}。",
        "回收期{}是错误的。",
        "回收期{}至30个月。",
        "回收期12个月至{}。",
    ],
)
def test_the_converted_form_gets_the_verdict_of_the_points_own(own: str, twin: str, context: str) -> None:
    assert (status(own, context.format(twin)) == "covered") == (status(own, context.format(own)) == "covered")


# --- 3. the forms ---


def test_the_forms_of_a_duration() -> None:
    assert {"1年8个月", "1年零8个月", "1 year and 8 months", "20 months"} <= set(duration_twins("20个月"))
    assert "半年" in duration_twins("6个月", CN)
    assert "半年" not in duration_twins("6个月")
    assert duration_twins("2020年") == ()  # a year
    assert duration_twins("第20个月") == ()  # a position
    assert duration_twins("3年级") == ()  # a grade
    assert duration_twins("2周年") == ()  # an anniversary
    assert duration_twins("3-5天") == ()  # a range
    assert duration_twins("2小时", NumberForms(tolerance="0.5")) == ()  # an absolute tolerance is in the point's unit
    assert "120分钟" in duration_twins("2小时", NumberForms(tolerance="1%"))
    assert not any("天" in twin for twin in duration_twins("1个月")) and duration_twins("1年") == (
        "1 year",
        "1 yr",  # v20: the English abbreviations
        "1 yrs",
        "4个季度",  # v27: a quarter is 3 months
        "4 quarters",
        "4 qtr",
        "4 qtrs",
        "12个月",
        "12 months",
        "12 mo",
        "12 mos",
        "12 mth",
        "12 mths",
    )


def test_a_round_the_clock_schedule_still_states_its_hours() -> None:
    """`7×24小时服务` is how a point `24小时` (round-the-clock support) is written: credited, as in version 17."""
    assert status("24小时", "提供7×24小时服务。") == "covered"
    assert status("24小时", "提供7*24小时在线客服。") == "covered"
