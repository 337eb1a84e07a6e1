"""Scorer v113: an amount in 欧元, 英镑, 港元 or 日元 is read by its currency's sign, code and names as 元 and
美元 have been (€500, EUR 500, 500 euros, 500(欧元) for 500欧元; £500, GBP 500, 500 pounds, 500镑 for 500英镑;
HK$500, HKD 500, 500港币, 500 Hong Kong dollars for 500港元; JP¥500, JPY 500, 500 yen, 500円 for 500日元), in the
point and in the answer - one table of the currencies (`pytest_llmeval.evaluation.numbers.currencies`) builds
every expression that reads one.

Found by probing the 49th session's Left (€ and £ amounts: "the scorer knows 元 / 美元 only") and the forms around
them. v112:
- matched a point in those currencies only as written: 500欧元 missed €500, EUR 500 and 500 euros; €500 missed
  500欧元; 合同金额1200万欧元 missed 合同金额为€1200万 (the new miss-sweep kind "other currency", each covered amount
  row's point and answer put in each of the four: 0 of 2,000 missed under v113);
- no wrong credit came from it (the credit sweep's new kind "another currency", the answer's amount in each other of
  the six currencies: 0 of 4,500 credited under v112 and v113);
- missed an amount whose currency sign follows a change's arrow or "从 ... 到" (成本：100万元→¥80万, 成本从¥100万降至
  ¥80万) and a point's subject written right before the figure with the currency's code or English name after it
  (合同金额500 RMB, 每人每月500 dollars for 合同金额500元 / 每人每月500美元);
- credited the first end of a signed range after a subject (合同金额$500-$600 for 合同金额500美元, and ¥ as $), as it
  never did without the subject ($500-$600).
Innocent rows beside each class: another currency (500港元 for 500元, $500 for HK$500, ¥500 for 500日元), another
figure, a negation, a range, a bound and a former value stay as they were.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, SW, charged, check_status
from scorer_rows import status as status_of

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"


ROWS = [
    ("500欧元", "500元", N),
    ("500欧元", "500美元", N),
    ("500欧元", "500欧元", C),
    ("500欧元", "€500", C),
    ("500欧元", "500 EUR", C),
    ("500欧元", "500港元", N),
    ("500港元", "500元", N),
    ("500港元", "500欧元", N),
    ("500港元", "HK$500", C),
    ("500英镑", "500镑", C),
    ("500英镑", "£500", C),
    ("500英镑", "500美元", N),
    ("500日元", "500元", N),
    ("500日元", "500円", C),
    ("费用为500欧元", "费用为500元", N),
    ("费用为500元", "费用为500欧元", N),
    ("费用为500元", "费用为500港元", N),
    ("费用为500元", "费用为500日元", N),
    ("费用为500元", "费用为500新台币", N),
    ("费用为500元", "费用为500韩元", N),
    ("费用为500美元", "费用为500澳元", N),
    ("费用为500美元", "费用为500加元", N),
    ("费用为500美元", "费用为500新加坡元", N),
    ("费用为500美元", "费用为500港元", N),
    ("€500", "500欧元", C),
    ("€500", "€500", C),
    ("€500", "$500", N),
    ("€500", "500元", N),
    ("£500", "$500", N),
    ("£500", "€500", N),
    ("£500", "500 pounds", C),
    ("预算1200万欧元", "预算1200万元", N),
    ("预算1200万欧元", "预算1200万美元", N),
    ("预算1200万欧元", "预算为1200万欧元", C),
    ("预算1200万欧元", "预算€1200万", C),
    ("预算1200万欧元", "预算12000万欧元", N),
    ("预算1200万欧元", "预算120万欧元", N),
    ("500欧元", "€5000", N),
    ("500欧元", "€50", N),
    ("500欧元", "€500-€600", N),
    ("500欧元", "400-500欧元", N),
    ("500欧元", "€400-500", N),
    ("500欧元", "€500万", N),
    ("500欧元", "$500", N),
    ("500欧元", "£500", N),
    ("500欧元", "500 dollars", N),
    ("500欧元", "500美元（约460欧元）", N),
    ("500欧元", "不是€500", N),
    ("500欧元", "费用不是500欧元", N),
    ("500欧元", "约€500", C),
    ("500欧元", "€500左右", C),
    ("500欧元", "EUR500", C),
    ("500欧元", "500 euro", C),
    ("500欧元", "500(欧元)", C),
    ("500欧元", "500（EUR）", C),
    ("500欧元", "500 euros per month", C),
    ("500英镑", "500 pounds", C),
    ("500英镑", "GBP 500", C),
    ("500英镑", "500磅", N),
    ("500英镑", "500英磅", C),
    ("500英镑", "£5,000", N),
    ("500港元", "500港币", C),
    ("500港元", "HKD 500", C),
    ("500港元", "500 HKD", C),
    ("500港元", "500 Hong Kong dollars", C),
    ("500港元", "$500", N),
    ("500港元", "500美元", N),
    ("500港元", "500 dollars", N),
    ("500港元", "NT$500", N),
    ("500日元", "JPY 500", C),
    ("500日元", "500 yen", C),
    ("500日元", "JP¥500", C),
    ("500日元", "500日圆", C),
    ("500日元", "¥500", N),
    ("500元", "JP¥500", N),
    ("500元", "500円", N),
    ("500元", "500 yen", N),
    ("500元", "€500", N),
    ("500元", "500 euros", N),
    ("500元", "500 EUR", N),
    ("500元", "HK$500", N),
    ("500元", "500港币", N),
    ("500美元", "HK$500", N),
    ("500美元", "500港币", N),
    ("500美元", "€500", N),
    ("€500", "EUR 500", C),
    ("€500", "500 euros", C),
    ("€500", "500 EUR", C),
    ("€500", "€5000", N),
    ("€500", "¥500", N),
    ("HK$500", "500港元", C),
    ("HK$500", "500港币", C),
    ("HK$500", "$500", N),
    ("HK$500", "500美元", N),
    ("HK$500", "500元", N),
    ("NT$500", "500美元", N),
    ("NT$500", "$500", N),
    ("NT$500", "NT$500", C),
    ("JP¥500", "500日元", C),
    ("JP¥500", "¥500", N),
    ("JP¥500", "500元", N),
    ("500 euros", "€500", C),
    ("500 euros", "500欧元", C),
    ("500 euros", "$500", N),
    ("500 yen", "500日元", C),
    ("500 yen", "500元", N),
    ("500 pounds", "£500", C),
    ("500港币", "500港元", C),
    ("500港币", "HK$500", C),
    ("500港币", "500元", N),
    ("合同金额€1200万", "合同金额为1200万欧元", C),
    ("合同金额€1200万", "合同金额为1200万元", N),
    ("合同金额€1200万", "合同金额为1200万美元", N),
    ("合同金额€1200万", "合同金额为€1200万", C),
    ("合同金额为1200万欧元", "合同金额为€1200万", C),
    ("合同金额为1200万欧元", "合同金额：EUR 1200万", C),
    ("合同金额为1200万欧元", "合同金额为$1200万", N),
    ("合同金额为1200万欧元", "合同金额为¥1200万", N),
    ("合同金额为1200万元", "合同金额为€1200万", N),
    ("Revenue €1.2 billion", "Revenue: €1.2 billion", C),
    ("Revenue €1.2 billion", "Revenue: $1.2 billion", N),
    ("the fee is €500", "the fee is 500 euros", C),
    ("the fee is €500", "the fee is $500", N),
    ("the fee is €500", "the fee is €50", N),
    ("年费500欧元", "年费€500", C),
    ("年费500欧元", "年费$500", N),
    ("Revenue NT$500", "Revenue: $500", N),
    ("成本80万美元", "成本：100万美元→$80万", C),
    ("成本80万美元", "成本：$100万→$80万", C),
    ("成本80万欧元", "成本：€100万→€80万", C),
    ("成本80万元", "成本：¥100万→¥80万", C),
    ("成本80万元", "成本：100万元→¥80万", C),
    ("成本$80万", "成本：$100万→$80万", C),
    ("每人每月500美元", "补贴为每人每月500 dollars。", C),
    ("每人每月500元", "补贴为每人每月500 yuan。", C),
    ("每人每月500美元", "补贴为每人每月$500。", C),
    ("每人每月500欧元", "补贴为每人每月€500。", C),
    ("每月500欧元", "每月500 euros", C),
    ("500欧元", "每人每月500 euros", C),
    ("合同金额500美元", "合同金额500 dollars", C),
    ("合同金额500美元", "合同金额为500 dollars", C),
    ("合同金额500元", "合同金额500 RMB", C),
    ("合同金额500元", "合同金额为500 RMB", C),
    ("合同金额500元", "合同金额500人民币", C),
    ("合同金额500欧元", "合同金额500 EUR", C),
    ("每人每月500元", "每人每月500 RMB", C),
    ("每人每月500元", "每人每月500人民币", C),
    ("每人每月500元", "每人每月¥500", C),
    ("成本100万元", "成本从¥100万降至¥80万", N),
    ("成本80万元", "成本从¥100万降至¥80万", C),
    ("成本80万元", "成本：100万元→$80万", N),
    ("成本80万元", "成本：100万元→€80万", N),
    ("成本80万欧元", "成本：100万欧元→$80万", N),
    ("成本80万欧元", "成本：€100万→€80万→€60万", N),
    ("成本60万欧元", "成本：€100万→€80万→€60万", C),
    ("合同金额500元", "合同金额500 dollars", N),
    ("合同金额500元", "合同金额500 HKD", N),
    ("合同金额500元", "合同金额不是500 RMB", N),
    ("每人每月500元", "每人每月500 yuan", C),
    ("每人每月500元", "每人每月500 yen", N),
    ("每人每月500元", "每人每月5000 yuan", N),
    ("合同金额500欧元", "合同金额500 euros", C),
    ("合同金额500欧元", "合同金额500 dollars", N),
    ("合同金额500欧元", "合同金额5000 euros", N),
    ("合同金额500欧元", "合同金额500-600 euros", N),
    ("合同金额500欧元", "合同金额400-500 euros", N),
    ("合同金额500欧元", "合同金额€400-€500", N),
    ("合同金额500欧元", "合同金额€500-€600", N),
    ("500欧元", "€500-600", N),
    ("500欧元", "400-500 euros", N),
    ("500欧元", "价格从€500涨到€600", N),
    ("600欧元", "价格从€500涨到€600", C),
    ("500英镑", "价格从£500涨到£600", N),
    ("500港元", "HK$500万", N),
    ("500港元", "HK$500K", N),
    ("成本80万美元", "成本：$100万→$80万→$60万", N),
    ("成本80万元", "成本：¥100万→¥80万→¥60万", N),
    ("成本80万元", "成本：100万元→80万元→60万元", N),
    ("合同金额500美元", "合同金额$500-$600", N),
    ("合同金额500元", "合同金额¥500-¥600", N),
    ("500美元", "价格从$500涨到$600", N),
    ("500元", "价格从¥500涨到¥600", N),
    ("500元", "价格从500元涨到600元", N),
    ("500欧元", "价格从500欧元涨到600欧元", N),
    ("500美元", "价格从500美元涨到600美元", N),
    ("500欧元", "价格从€500涨到600欧元", N),
    ("500美元", "$500-$600", N),
    ("月费500欧元", "每月€500", C),
    ("月费500欧元", "€500/月", C),
    ("月费500欧元", "€500 per month", C),
    ("月费500欧元", "$500 per month", N),
    ("月费500欧元", "年费€500", N),
    ("500 EUR", "500欧元", C),
    ("500 EUR", "€500", C),
    ("500 EUR", "500 USD", N),
    ("€1,200", "1200欧元", C),
    ("1.2万欧元", "€1.2万", C),
    ("€500", "约500欧元", C),
    ("€500", "500欧元左右", C),
    ("€500", "超过500欧元", N),
    ("€500", "不到€500", N),
    ("€500", "500多欧元", C),
    ("500美元", "$500 USD", C),
    ("500欧元", "€500 EUR", C),
    ("500元", "¥500 RMB", C),
    ("500欧元", "欧元500", C),
    ("500美元", "美元500", C),
    ("500日元", "日元500", C),
    ("500港元", "港元500", C),
    ("500欧元", "500 Euro", C),
    ("500欧元", "500€", C),
    ("500英镑", "500£", C),
    ("500美元", "500$", C),
    ("500美元", "500美金", C),
    ("500美元", "美金500", C),
    ("500元", "500美金", N),
    ("500元", "美元500", N),
    ("500元", "欧元500", N),
    ("500欧元", "美元500", N),
    ("500欧元", "500$", N),
    ("500美元", "500€", N),
    ("500美元", "预算美元500台", N),
    ("合同金额500欧元", "合同金额为欧元500", C),
    ("合同金额500欧元", "合同金额为美元500", N),
    ("500美元", "C$500", N),
    ("500美元", "A$500", N),
    ("500美元", "S$500", N),
    ("500美元", "NT$500", N),
    ("500美元", "AU$500", N),
    ("500美元", "500 Canadian dollars", N),
    ("500美元", "500 Australian dollars", N),
    ("500美元", "500新加坡元", N),
    ("500美元", "500加元", N),
    ("500美元", "500 CAD", N),
    ("500美元", "$500 CAD", N),
    ("500美元", "$500 (SGD)", N),
    ("500美元", "500美元", C),
    ("$500", "A$500", N),
    ("$500", "500 Canadian dollars", N),
    ("$500", "500 NT dollars", N),
    ("500欧元", "500 euro cents", N),
    ("500英镑", "500磅重", N),
    ("500英镑", "500 lbs", N),
    ("500日元", "500韩元", N),
    ("500港元", "500澳门币", N),
    ("500港元", "MOP$500", N),
    ("500港元", "500 HK cents", N),
    ("500欧元", "500 EURO", C),
    ("500元", "500€", N),
    ("500元", "500£", N),
    ("500元", "500$", N),
    ("500元", "500 pounds", N),
    ("500元", "美金500", N),
    ("500欧元", "欧元500万", N),
    ("500欧元", "500万欧元", N),
    ("1200万港元", "港币1200万元", C),
    ("1200万港元", "港元1200万元", C),
    ("1200万美元", "美元1200万元", C),
    ("1200万元", "港币1200万元", N),
    ("1200万元", "美元1200万元", N),
    ("1200万元", "人民币1200万元", C),
    ("1200万欧元", "欧元1200万元", C),
    ("1200万港元", "1200万元港币", C),
    ("1200万美元", "1200万元美金", C),
    ("1200万元", "1200万元港币", N),
    ("500欧元", "€500.00", C),
    ("500欧元", "500.00欧元", C),
    ("500欧元", "€ 500", C),
    ("7.2元", "1美元兑7.2元", C),
    ("7.2元", "1美元=7.2元", C),
    ("1200万元", "HK$1200万元", N),
    ("1200万元", "US$1200万元", N),
    ("1200万元", "¥1200万元", C),
    ("1200万元", "RMB 1200万元", C),
    ("合同金额1200万元", "合同金额为港币1200万元", N),
    ("合同金额1200万港元", "合同金额为港币1200万元", C),
    ("合同金额1200万元", "合同金额为人民币1200万元", C),
]

SCALE_WORD_ROWS = [
    ("1.2万欧元", "12000 euros", C),
    ("1.2万欧元", "€12,000", C),
    ("1200万欧元", "€12,000,000", C),
    ("1200万欧元", "0.12亿欧元", C),
    ("€1.2 million", "1.2 million euros", C),
    ("€1.2 million", "$1.2 million", N),
    ("€1.2 million", "€12 million", N),
    ("€1.2 million", "€1.2 billion", N),
    ("500日元", "JP¥500 million", N),
    ("1200万欧元", "€12 million", C),
    ("1200万欧元", "12 million euros", C),
    ("1200万欧元", "EUR 12m", C),
    ("1200万欧元", "€1.2 million", N),
    ("1200万英镑", "£12m", C),
    ("1200万港元", "HK$12 million", C),
    ("1200万港元", "$12 million", N),
    ("1200万日元", "12 million yen", C),
    ("1200万日元", "¥12 million", N),
    ("€500", "€500m", N),
    ("€500", "€500k", N),
]

CHINESE_NUMERAL_ROWS = [
    ("500欧元", "五百欧元", C),
    ("500英镑", "五百英镑", C),
    ("€500", "五百欧元", C),
    ("500港元", "五百港币", C),
]

CLAIM_ROWS = [
    ("价格为500欧元", "价格为€500。", True),
    ("价格为500欧元", "价格为500 euros。", True),
    ("价格为500欧元", "价格为$500。", False),
    ("价格为500欧元", "价格为500元。", False),
    ("价格为500欧元", "价格为€5000。", False),
    ("价格为500欧元", "价格不是€500。", False),
    ("€500", "价格为500欧元。", True),
    ("€500", "价格为500美元。", False),
    ("500港元", "HK$500", True),
    ("500港元", "$500", False),
]


def test_the_scorer_is_v113_or_later() -> None:
    assert SCORER_VERSION >= 113


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(("point", "answer", "expected"), CHINESE_NUMERAL_ROWS)
def test_rows_with_chinese_numerals(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(("point", "answer", "expected"), SCALE_WORD_ROWS)
def test_rows_with_the_scale_words(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, SW)


@pytest.mark.parametrize(
    ("in_its_unit", "written_otherwise"),
    [
        ("500欧元", "€500"),
        ("500欧元", "EUR 500"),
        ("500欧元", "500 euros"),
        ("500英镑", "£500"),
        ("500英镑", "500 pounds"),
        ("500港元", "HK$500"),
        ("500港元", "500港币"),
        ("500日元", "JP¥500"),
        ("500日元", "500 yen"),
        ("合同金额1200万欧元", "合同金额€1200万"),
        ("合同金额1200万英镑", "合同金额为£1200万"),
    ],
)
def test_a_point_in_another_currency_reads_the_same_by_its_sign_code_or_name(
    in_its_unit: str, written_otherwise: str
) -> None:
    """The same verdicts for the point in its currency's unit and written with its sign, code or name, over the rows'
    answers and the amount said in each of the six currencies' ways."""
    figure = in_its_unit.removeprefix("合同金额")
    amount = figure.rstrip("万欧元英镑港日")
    scale = "万" if "万" in figure else ""
    said = [
        f"{amount}{scale}{unit}" for unit in ("元", "美元", "欧元", "英镑", "港元", "日元", "港币", " euros", " yen")
    ] + [f"{sign}{amount}{scale}" for sign in ("¥", "$", "€", "£", "HK$", "JP¥", "EUR ", "GBP ", "NT$")]
    answers = [row[1] for row in ROWS]
    for text in said:
        answers += [
            f"{text}。",
            f"约{text}。",
            f"不是{text}。",
            f"超过{text}。",
            f"合同金额为{text}。",
            f"{text}-{text}0。",
        ]
    for answer in answers:
        for forms in (None, CN):
            plain, other = status_of(in_its_unit, answer, forms), status_of(written_otherwise, answer, forms)
            assert (plain == "covered") == (other == "covered"), (answer, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
