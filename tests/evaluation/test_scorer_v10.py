"""Scorer version 10: the gaps earlier reviews left open, each closed as a class. A negation inside a regex match
(v5.0并未于2024年发布) or before an adverb or a date (并未正式通过, 并未于2024年通过) negates; a range whose second end
goes without the unit (20%到30) is a range; a mixed number with inner scale words (1亿2千5百万, 2千5百万) is one value;
a second quantity as large as the first unit (一年12个月) is no remainder; 十分 after a counting verb is a score; every
common range mark counts; Traditional characters read as Simplified; a clarifying question back to the user states
nothing. Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from scorer_rows import CN, SW, charged, covered, shipped_trap, status

from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.numbers import NumberForms, find_numbers
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import score_answer


def shipped_charges(answer: str) -> list[str]:
    return score_answer(shipped_trap(), answer).forbidden_found


# --- 1. 并未, 并没有, 从未 ... around a claim ---


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("v5.0并未于2024年发布。", []),  # the negation stands inside the regex's match, between v5.0 and 于
        ("v5.0并没有在2024年发布。", []),
        ("v5.0从未于2024年3月正式发布。", []),
        ("v5.0从来没有在2024年发布。", []),
        ("v5.0并非于2024年发布。", []),
        ("v5.0未于2024年发布。", []),
        ("v5.0没有在2024年发布。", []),
        ("v5.0版本不是在2024年发布的。", []),
        ("v5.0 was never released in 2024.", []),
        ("v5.0 was not released in 2024.", []),
        ("該產品並未通過PCI DSS認證。", []),  # (Traditional: item 7)
        # near-misses: asserted
        ("v5.0于2024年发布。", ["v5.0于2024年"]),
        ("v5.0于2024年3月正式发布，并未延期。", ["v5.0于2024年"]),  # the negation is after the match
        ("v5.0未来将于2024年发布。", ["v5.0于2024年"]),  # 未来 is the future, no 未
        ("v5.0不久前于2024年3月正式发布。", ["v5.0于2024年"]),  # 不久前: recently
        ("v5.0(并非测试版)于2024年3月发布。", ["v5.0于2024年"]),  # a bracketed aside negates the aside
        ("v5.0 was released in 2024.", ["v5.0于2024年"]),
        ("v5.0不出意外于2024年发布。", ["v5.0于2024年"]),  # barring surprises
        ("v5.0不得不于2024年发布。", ["v5.0于2024年"]),  # had to: a double negation
        ("v5.0 was not only released in 2024 but also patched.", ["v5.0于2024年"]),
        ("该产品并未延期，已通过PCI DSS认证。", ["已通过PCI DSS"]),
    ],
)
def test_a_negation_inside_a_regex_claims_match(answer: str, expected: list[str]) -> None:
    assert shipped_charges(answer) == expected


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        ("通过PCI DSS认证", "该产品并未正式通过PCI DSS认证。", False),  # an adverb between the negation and the claim
        ("通过PCI DSS认证", "该产品从未真正通过PCI DSS认证。", False),
        ("通过PCI DSS认证", "该产品并没有实际通过PCI DSS认证。", False),
        ("通过PCI DSS认证", "该产品并未于2024年通过PCI DSS认证。", False),  # a date between
        ("通过PCI DSS认证", "该产品并没有在2024年3月通过PCI DSS认证。", False),
        ("通过PCI DSS认证", "该产品并未通过PCI DSS认证。", False),
        ("通过PCI DSS认证", "该产品从来没有通过PCI DSS认证。", False),
        ("通过PCI DSS认证", "该产品绝非通过PCI DSS认证。", False),
        # near-misses
        ("通过PCI DSS认证", "该产品已正式通过PCI DSS认证。", True),
        ("通过PCI DSS认证", "该产品于2024年通过PCI DSS认证。", True),
        ("通过PCI DSS认证", "该产品并未延期，于2024年通过PCI DSS认证。", True),
        ("通过PCI DSS认证", "该产品不在2024年底前就已通过PCI DSS认证吗？不，它已通过PCI DSS认证。", True),
    ],
)
def test_a_negation_before_an_adverb_or_a_date_reaches_the_claim(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("通过审计", "该系统并未正式通过审计", "negated"),
        ("通过审计", "该系统从未真正通过审计", "negated"),
        ("通过审计", "该系统并未于2024年通过审计", "negated"),
        ("通过审计", "该系统并未通过审计", "negated"),
        ("通过审计", "该系统并没有通过审计", "negated"),
        ("合规", "该方案并不合规", "negated"),
        ("合规", "该方案并非合规", "negated"),
        ("合规", "该方案绝非合规", "negated"),
        ("通过审计", "从来没有通过审计", "negated"),
        ("20个月", "回收期并没有20个月", "negated"),
        ("合规", "该方案并不是不合规", "covered"),  # a double negation
        ("通过审计", "该系统正式通过审计", "covered"),
        ("通过审计", "该系统于2024年通过审计", "covered"),
    ],
)
def test_a_key_point_under_bing_or_cong_negations(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


def test_a_regex_key_point_with_a_negation_inside_its_match() -> None:
    case = Case(
        id="q",
        category="c",
        question="问题",
        suite="t",
        source="t.yaml",
        key_points=(
            KeyPoint("发布", regex=(r"v5\.0[^。]{0,8}?于2024年发布",)),
            KeyPoint("不支持", regex=("不支持私有化",)),
        ),
    )
    negated = score_answer(case, "v5.0并未于2024年发布，不支持私有化部署。")
    assert [p.status for p in negated.points] == ["negated", "covered"]  # a negation the regex itself asks for stays
    assert [p.status for p in score_answer(case, "v5.0已于2024年发布。").points] == ["covered", "missing"]


# --- 2. a range whose second end goes without the unit ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20%", "占比20%到30", False),
        ("20%", "20%到30的客户", False),
        ("20%", "20%~30之间", False),
        ("20%", "20%至30。", False),
        ("20%", "20% to 30", False),
        ("20%", "It rose 20% to 30. Then it fell.", False),
        ("3天", "工期3天到5", False),
        ("3天", "工期3天至5完成", False),
        ("20个月", "20个月至30", False),
        # the range point itself
        ("20%-30%", "占比20%到30", True),
        ("20-30%", "占比20%到30", True),
        ("3-5天", "工期3天到5", True),
        # near-misses: the second number counts something else, or it is a change
        ("20%", "20%到30个", True),
        ("20%", "20%到30万元", True),
        ("20%", "20%到30岁", True),
        ("3天", "3天到5月底", True),
        ("20%", "20% to 30 people", True),
        ("30%", "30%到20", True),  # goes down: a change
        # v108: from 30% down to 20 - a change, whose start is its former value (as 从30%降至20 since v19)
        ("30%", "从30%降到20", False),
        ("20%", "20%，到30", True),
        ("20%", "20%到2030年", True),
        ("30%", "20%到30", False),  # (the bare end is no percentage)
        ("20-30%", "占比20%到40", False),
        ("3-5天", "工期3天到5个月", False),
    ],
)
def test_a_range_whose_second_end_has_no_unit(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


# --- 3. a mixed number with inner scale words ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("1.25亿", "1亿2千5百万", SW, True),
        ("125000000", "1亿2千5百万", SW, True),
        ("12500万元", "1亿2千5百万元", SW, True),
        ("2500万", "2千5百万", SW, True),
        ("3500万元", "3千5百万元", SW, True),
        ("1.25亿", "1亿2千5百万", CN, True),
        ("1.25亿", "一亿两千五百万", CN, True),
        ("2500万", "两千五百万", CN, True),
        ("3.5万", "3万5千", SW, True),
        ("1.2亿", "1亿2千万", SW, True),
        ("1.205亿", "1亿2千零5十万", SW, False),  # (a 零 between is not read: no reading at all)
        # its parts stay no figures
        ("2500万", "1亿2千5百万", SW, False),
        ("1亿", "1亿2千5百万", SW, False),
        ("500万", "2千5百万", SW, False),
        ("2000", "2千5百万", SW, False),
        ("5千", "3万5千", SW, False),
        # near-misses: two figures, or no scale words
        ("10万", "10万，20万", SW, True),
        ("15000", "1万5", SW, False),
        ("2千5百万", "2千5百万", None, True),
        ("2500万", "2千5百万", None, False),
        ("1.2亿元", "1亿2000万元", SW, True),
        ("3500", "3千5百", CN, True),
    ],
)
def test_a_mixed_number_with_inner_scale_words(
    point: str, answer: str, forms: NumberForms | None, expected: bool
) -> None:
    assert covered(point, answer, forms) is expected


def test_a_mixed_number_reads_as_one_value() -> None:
    values = [m.value for m in find_numbers("1亿2千5百万 和 3万5千 和 2千5百万", SW)]
    assert values == [125000000, 35000, 25000000]


# --- 4. a second quantity as large as the first unit is no remainder ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("12个月", "一年12个月", CN, True),
        ("12个月", "一年12个月，回收期按此折算", None, True),
        ("12个月", "1年12个月", None, True),
        ("12个月", "一年十二个月", CN, True),
        ("12个月", "一年有12个月", None, True),
        ("60分钟", "1小时60分钟", None, True),
        ("30天", "一个月30天", None, True),
        ("12 months", "1 year 12 months", None, True),
        # near-misses: a remainder
        ("8个月", "1年8个月", None, False),
        ("11个月", "1年11个月", None, False),
        ("30分钟", "1小时30分钟", None, False),
        ("20天", "1个月20天", None, False),
        ("8 months", "1 year 8 months", None, False),
        ("1年", "1年8个月", None, False),
        ("一年", "一年八个月", CN, False),
        ("一年", "一年12个月", CN, False),  # the first quantity keeps v5's rule (a smaller unit's number after it)
    ],
)
def test_a_second_quantity_as_large_as_the_first_unit(
    point: str, answer: str, forms: NumberForms | None, expected: bool
) -> None:
    assert covered(point, answer, forms) is expected


# --- 5. 十分 as a score ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("10分", "他只考了十分就哭了", True),
        ("10分", "这次考了十分左右", True),
        ("10分", "每题拿了十分以上", True),
        ("10分", "评委给它评了十分而已", True),
        ("10分", "十分满分，他得了8分", True),
        ("10分", "满分十分的量表", True),
        ("10分", "满分为十分的评分", True),
        ("10分", "他考了十分。", True),
        # near-misses: very
        ("10分", "这一点十分重要", False),
        ("10分", "他拿了十分重要的文件", False),
        ("10分", "他考得十分好", False),
        ("10分", "变得十分重要", False),
        ("10分", "得了十分严重的病", False),
        ("10分", "十分满意", False),
    ],
)
def test_shifen_after_a_counting_verb_is_a_score(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer, CN) is expected


# --- 6. every common range mark ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "12‒20个月", False),  # U+2012 figure dash
        ("20个月", "12―20个月", False),  # U+2015 horizontal bar
        ("20个月", "12∼20个月", False),  # U+223C tilde operator
        ("20个月", "12〰20个月", False),  # U+3030 wavy dash
        ("20个月", "12⁓20个月", False),  # U+2053 swung dash
        ("20个月", "12〜20个月", False),  # U+301C wave dash
        ("20个月", "12～20个月", False),  # U+FF5E
        ("20个月", "12‐20个月", False),  # U+2010 hyphen
        ("20个月", "20个月‒30个月", False),
        ("20个月", "20个月⁓30个月", False),
        ("20%", r"$20\%\sim30\%$", False),  # LaTeX \sim
        ("20%", r"$10\sim20\%$", False),
        ("3-5天", "3⁓5天", True),
        ("3-5天", "3‒5天", True),
        ("3-5天", "3∼5天", True),
        ("3-5天", "3〰5天", True),
        ("3-5天", r"$3\sim5$天", True),
        ("2019-2020年", "2019⁓2020年", True),
        ("2024年", "2024〜2025年", True),  # a range of years starts with the year
        # near-misses
        ("20个月", "约20个月", True),
        ("20个月", "回本周期――20个月", True),  # a Chinese dash pair (U+2015 twice) is no range mark
        ("3-5天", "3――5天", False),
        ("20个月", "约∼20个月", True),
    ],
)
def test_every_common_range_mark(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


# --- 7. Traditional characters ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("20个月", "回收期約20個月", None, "covered"),
        ("1200万元", "合同金額1200萬元", None, "covered"),
        ("1.2亿元", "合同金額1.2億元", None, "covered"),
        ("1.2亿元", "合同金額一億二千萬元", CN, "covered"),
        ("2个月", "約兩個月", CN, "covered"),
        ("认证", "已通過認證", None, "covered"),
        ("数据安全", "重視數據安全", None, "covered"),
        ("3天", "約3天完成", None, "covered"),
        ("认证", "已通过认证", None, "covered"),
        ("認證", "已通过认证", None, "covered"),  # a point written in Traditional
        ("合规", "沒有合規", None, "negated"),
        ("通过审计", "無法通過審計", None, "negated"),
        ("通过审计", "並未通過審計", None, "negated"),
        ("20个月", "回收期不到20個月", None, "negated"),
        ("20个月", "12至20個月", None, "missing"),  # a range, as in Simplified
        ("8个月", "1年8個月", None, "missing"),
        # near-misses: Simplified as before, and a character shared by both scripts stays
        ("20个月", "回收期约20个月", None, "covered"),
        ("著名", "著名品牌", None, "covered"),
        ("干净", "乾淨", None, "missing"),  # 乾 is also Simplified (乾隆): left as written
    ],
)
def test_traditional_characters_read_as_simplified(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    assert status(point, answer, forms) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("該產品已通過PCI DSS 4.0認證。", ["已通过PCI DSS"]),
        ("該產品並未通過PCI DSS認證。", []),
        ("v5.0於2024年發布。", ["v5.0于2024年"]),
        ("目前無法確認該產品是否已通過PCI DSS認證。", []),
    ],
)
def test_traditional_answers_to_the_shipped_trap(answer: str, expected: list[str]) -> None:
    assert shipped_charges(answer) == expected


def test_normalise_reads_traditional_as_simplified() -> None:
    assert normalise("回收期約20個月，沒有超過兩年") == "回收期约20个月,没有超过两年"
    assert normalise("著名 乾隆") == "著名 乾隆"


# --- 8. a clarifying question back to the user ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20万元", "您是指20万元吗？", False),
        ("20万元", "请问您说的预算是20万元吗？", False),
        ("20万元", "您的意思是20万元还是200万元？", False),
        ("20万元", "你是说20万元的预算吗?", False),
        ("20万元", "请确认：预算是20万元吗？", False),
        ("20 months", "Do you mean 20 months?", False),
        ("20 months", "Are you referring to a 20 months payback?", False),
        # near-misses: asserted
        ("20万元", "预算为20万元。您还有其他问题吗？", True),  # the question asks something else
        ("20万元", "您是指20万元吗？是的，预算为20万元。", True),
        ("20万元", "您是指20万元吗？如果是，预算为20万元。", True),  # a later statement
        ("20万元", "为什么是20万元？因为人力成本占比最大。", True),  # a rhetorical question, to nobody
        ("20万元", "预算为20万元，您看可以吗？", True),
        ("私有化部署", "请问是否支持私有化部署？支持。", True),  # the question restated: no question back
        ("20万元", "请问预算是20万元吗？是的。", True),  # answered yes
        ("20万元", "```\n预算 = 20万元\n```", True),  # a code block is credited
        ("20 months", "Payback is 20 months. Do you mean the discounted payback?", True),
    ],
)
def test_a_clarifying_question_states_nothing(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected
