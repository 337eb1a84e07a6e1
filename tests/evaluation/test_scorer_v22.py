"""Scorer version 22: a duration that dates a time or repeats is no length (20个月前, 每20个月, 20 months ago, every
20 months); durations in any units joined by "or" are alternatives of one length (1年半或30个月 is a guess,
20个月（或1年8个月） one value); a list item's mark at the start of a line is a bullet - no range, no figure - and a
numbered list after a hedge joins its values as a bullet list does; degenerate answers score in linear time."""

from __future__ import annotations

import time

import pytest
from scorer_rows import CN, assert_linear_time, check_status, covered, status

from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 22  # v23 reads English ages, halves and negated bounds (test_scorer_v23.py)


# --- 1. a time counted back from now, or a period, is no length of time ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "项目20个月前上线。"),
        ("20个月", "该系统20个月以前就已部署。"),
        ("20个月", "20个月之前已收回投资。"),
        ("20个月", "20个月以来，客户数增长了两倍。"),
        ("20个月", "近20个月来，收入稳步增长。"),
        ("20个月", "每20个月升级一次。"),
        ("20个月", "每隔20个月检修一次。"),
        ("20个月", "过去20个月里，收入增长了30%。"),
        ("20个月", "最近的20个月中没有故障。"),
        ("20个月", "项目1年8个月前上线。"),
        ("18个月", "每1年半评估一次。"),
        ("3年", "公司3年前成立。"),
        ("2小时", "每2小时巡检一次。"),
        ("半小时", "每半小时巡检一次。"),
        ("20 months", "The system was deployed 20 months ago."),
        ("20 months", "Maintenance is due every 20 months."),
        ("20 months", "Revenue grew over the past 20 months."),
        ("20 months", "No outage in the last 20 months."),
        ("20个月", "The system was deployed 20 months ago."),
        ("20 months", "The system was deployed twenty months ago."),
        ("two years", "The startup raised 5 million two years ago."),
    ],
)
def test_a_time_ago_or_a_period_is_no_length(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "投资在20个月后收回。"),
        ("20个月", "预计20个月后即可回本。"),
        ("20个月", "20个月内收回投资。"),
        ("20个月", "必须在20个月之前收回投资。"),
        ("20个月", "预计20个月前即可收回投资。"),
        ("20个月", "回收期20个月前后。"),
        ("20个月", "用20个月来收回投资。"),
        ("20个月", "前20个月免租金。"),
        ("20个月", "回收期为20个月，每20个月需更新一次设备。"),
        ("30天", "合同到期30天前书面通知。"),
        ("30天", "需提前30天以前通知。"),
        ("2020年", "2020年前完成建设。"),
        ("8月", "8月前完成验收。"),
        ("每20个月", "每20个月检修一次。"),
        ("20个月前", "项目20个月前上线。"),
        ("20 months", "The project pays back after 20 months."),
        ("20 months", "The investment is recovered in 20 months."),
        ("20 months", "It breaks even 20 months later."),
    ],
)
def test_a_length_counted_forward_still_credits(point: str, answer: str) -> None:
    assert covered(point, answer)


def test_chinese_numerals_dating_a_time() -> None:
    check_status("20个月", "一年零八个月前上线。", "negated", CN)
    check_status("2年", "两年前成立。", "negated", CN)


# --- 2. durations in any units joined by "or": two lengths are a guess, one length twice is one answer ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("18个月", "回收期1年半或30个月。"),
        ("18个月", "回收期18个月或者2年。"),
        ("20个月", "回收期20个月或2年。"),
        ("20个月", "回收期为1年8个月或2年。"),
        ("20个月", "回收期20个月（或2年）。"),
        ("20个月", "回收期20个月或大约2年。"),
        ("20个月", "回收期2年或20个月。"),
        ("20个月", "回收期是20个月还是2年，取决于规模。"),
        ("18 months", "The payback is 1.5 years or 24 months."),
        ("20 months", "It takes 20 months or two years."),
        ("90分钟", "会议1.5小时或2小时。"),
    ],
)
def test_two_lengths_joined_by_or_are_a_guess(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "回收期20个月（或1年8个月）。"),
        ("20个月", "回收期20个月或1年8个月。"),
        ("20个月", "回收期1年8个月或20个月。"),
        ("20个月", "回收期为20个月或1.67年。"),
        ("20个月", "回收期20个月（或约1.7年）。"),
        ("18 months", "The payback is 18 months (or 1.5 years)."),
        ("20个月", "回收期20个月，或2年后进入稳定期。"),
        ("20个月", "回收期20个月或更短。"),
        ("20个月", "回收期20个月，建设期1年或2年。"),
        ("20个月", "回收期为20个月，或者说1年8个月。"),
    ],
)
def test_one_length_or_another_quantity_still_credits(point: str, answer: str) -> None:
    assert covered(point, answer)


# --- 3. a list item's mark at a line start is a bullet: no range, no figure; numbered lists join as bullets ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("18个月", "- 18个月\n- 24个月"),
        ("24个月", "回收期：\n- 18个月\n- 24个月"),
        ("20个月", "- 2个月\n- 20个月"),
        ("10%", "- 5%\n- 10%"),
        ("10%", "5%\n- 10%"),
        ("20个月", "- 回收期：20个月\n- 建设期：4个月"),
        ("20个月", "回收期：\n1. 20个月\n2. 建设期4个月"),
        ("20个月", "回收期可能是：\n1. 20个月"),
    ],
)
def test_a_bullet_is_no_range_mark(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    "answer",
    [
        "回收期可能是：\n- 18个月\n- 20个月\n- 24个月",
        "回收期可能是：\n1. 18个月\n2. 20个月\n3. 24个月",
        "回收期可能是：\n1) 18个月\n2) 20个月\n3) 24个月",
        "回收期可能是：\n（1）18个月\n（2）20个月\n（3）24个月",
        "回收期可能是：\n①18个月\n②20个月\n③24个月",
        "回收期可能是：\n1、18个月\n2、20个月\n3、24个月",
        "回收期或许是：\n一、18个月\n二、20个月",
        "回收期可能是：\n  1. 18个月\n  2. 20个月",
    ],
)
def test_a_numbered_list_after_a_hedge_is_a_guess(answer: str) -> None:
    assert status("20个月", answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("3", "部署步骤：\n3. 安装依赖"),
        ("1", "要点：\n1. 回收期为20个月"),
        ("2", "要点：\n1) 回收期\n2) 建设期"),
    ],
)
def test_a_list_number_is_no_figure(point: str, answer: str) -> None:
    assert not covered(point, answer)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- 18个月\n- 24个月", "• 18个月 • 24个月"),
        ("1. 甲\n12) 乙\n(3) 丙\n一、丁", "• 甲 • 乙 • 丙 •丁"),
        ("-20%\n1.5年\n1、2、3个月", "-20% 1.5年 1、2、3个月"),  # a minus, a decimal, a list of numbers
        ("5.x版本\n1.回收期\n2.x", "5.x版本 •回收期 2.x"),  # a version; a CJK character after the full stop
        ("- 18个月", "- 18个月"),  # one line is no list (a key point, a claim)
        ("①20万元 ⒉30万元", "(1)20万元 (2)30万元"),
    ],
)
def test_the_marks_read_as_bullets(text: str, expected: str) -> None:
    assert normalise(text) == expected


# --- 4. left as documented: a unitless point accepts any unit ---


@pytest.mark.parametrize("answer", ["增长20%", "回收期20个月"])
def test_a_bare_point_takes_any_unit(answer: str) -> None:
    assert covered("20", answer)


# --- 5. degenerate answers score in linear time ---


def _seconds_to_score(answer: str) -> float:
    case = Case(
        id="q",
        category="c",
        question="问题",
        suite="t",
        source="t.yaml",
        key_points=(
            KeyPoint("20个月"),
            KeyPoint("1200万元", numbers=CN),
            KeyPoint("私有化部署"),
        ),
    )
    start = time.process_time()
    score_answer(case, answer)
    return time.process_time() - start


@pytest.mark.parametrize(
    "unit",
    [
        "-1",
        "-".join(str(i % 10 + 1) for i in range(10)) + "-",
        "20个月或24个月或",
        "the payback is 20 months or 24 months, ",
    ],
    ids=["minus-ones", "digit-dash-run", "or-chain", "one-long-sentence"],
)
def test_a_degenerate_answer_scores_in_linear_time(unit: str) -> None:
    # v21 took 10 s to 30 s for each of the first three (12,000 to 15,000 characters) and grew with the square of the
    # length of the last one's sentence (47,000 characters): ~3,000 -> ~12,000 characters, by growth
    assert_linear_time(_seconds_to_score, unit, 12_000)


def test_the_linear_time_guard_fails_a_quadratic_scorer_and_passes_a_linear_one() -> None:
    """The guard above is a growth check: a scorer whose time grows with the square of the answer fails it (16x for
    four times the answer), one with a fixed cost plus linear time passes (under 4x)."""
    with pytest.raises(AssertionError):
        assert_linear_time(lambda text: 1e-8 * len(text) ** 2, "-1", 12_000)
    assert_linear_time(lambda text: 0.01 + 1e-5 * len(text), "-1", 12_000)
