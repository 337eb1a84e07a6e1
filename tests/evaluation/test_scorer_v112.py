"""Scorer v112: a key point that writes its amount with the currency's sign or word (¥1200, $500, RMB 1200,
500 dollars, 合同金额¥1200万, 合同金额为¥1200万) is read as the amount in that currency's unit (1200元, 500美元,
合同金额1200万元) with any forms of the numbers, and the answer may write the sign between a subject's link and the
figure (合同金额为¥1200万, "the fee is $500"); 共 / 共有 / 总计 link a subject and its figure, in the answer and in the
point (部署方式共3种, 员工人数共4300人).

Found by probing v111's Left (合同金额：1200万元 for 合同金额¥1200万; 部署方式共3种 for 部署方式有3种) and the forms
around them. v111:
- read a point's currency sign or word as its unit only with the scale words (v11's rule): without them ¥1200 missed
  1200元, 人民币1200元 and ¥1200 after a link, $500 missed 500 dollars, USD 500 and 500美元, and a sign after a subject
  (合同金额¥1200万) missed every answer that left the sign out (合同金额为1200万元) - the miss sweep's new kind "signed
  point" (each covered row's amount in 元 or 美元 written with its sign) missed 85 of 123 under v111, 0 under v112;
- matched such a point as its text, so it credited a range that ends with it (1000元-1200元, 400-500 dollars for
  $500) and $500 million, $500K for $500;
- missed 部署方式共3种 and 员工人数共计约4300人, and a point written 员工人数共4300人 missed 员工人数为4300人;
- missed 500元 in 价格：CN¥500 and 600美元 in "Budget rose from $500 to $600" (the change's first figure after a sign).
Round 2: a subject that opens with its period (年节省90万元, 年营收1.2亿元, 年运维费30万元, 月节省5000元: a year's, a
month's) was credited by a count of years or months or an ordinal before the answer's 年 / 月 (三年节省90万元,
近三年营收, 6个月节省, 半年节省, 第二年节省, 首年运维费); 年费 / 月费 in the answer after one were read as a fee per
year or month (三年费用5000元 for 5000元/年 and 年费5000元); a point 年费5000元 / 月费5000元 was matched as text
(每月费用5000元, 5000元/月 missed); and 年节省额约为90万元 missed 年节省90万元. One year (一年, 1年), every year and a
named year (2024年节省90万元, 今年) stay the year's.
Innocent rows beside each class: another currency (1200日元, HK$1200万, A$500, ¥1200（日元）), another figure, a
negation, a range, a bound, another's figure (竞品合同金额为1200万元) and a target stay as they were.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status
from scorer_rows import status as status_of

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"


ROWS = [
    ("¥1200", "价格是1200元。", C),
    ("¥1200", "价格是人民币1200元。", C),
    ("¥1200", "价格是¥1200。", C),
    ("¥1200", "价格是RMB 1200。", C),
    ("¥1200", "费用：1200 CNY。", C),
    ("¥1200", "费用：1200元人民币。", C),
    ("¥1200", "费用：1200元（约170美元）。", C),
    ("¥1200", "价格为1,200元。", C),
    ("¥1200", "价格约1200元。", C),
    ("¥1200", "价格为1200块钱。", C),
    ("¥1200", "价格：CN¥1200", C),
    ("¥1200", "价格是1200日元。", N),
    ("¥1200", "价格是1200美元。", N),
    ("¥1200", "价格是$1200。", N),
    ("¥1200", "价格是JP¥1200。", N),
    ("¥1200", "价格是¥1200美元。", N),
    ("¥1200", "价格是¥1200 JPY。", N),
    ("¥1200", "费用：¥1200（日元）。", N),
    ("¥1200", "价格为1200港元。", N),
    ("¥1200", "价格不是1200元。", N),
    ("¥1200", "价格是1200元到1500元。", N),
    ("¥1200", "价格是1000元-1200元。", N),
    ("¥1200", "价格超过1200元。", N),
    ("¥1200", "价格为11200元。", N),
    ("¥1200", "价格为1200.5元。", N),
    ("¥1200", "价格是12000元。", N),
    ("¥1,200", "价格为1200元。", C),
    ("￥1200", "价格为1200元。", C),
    ("¥1200万", "合同金额为1200万元。", C),
    ("¥1200万", "合同金额为1200万美元。", N),
    ("¥1200万", "合同金额为1000万元-1200万元。", N),
    ("RMB 1200", "价格为1200元。", C),
    ("RMB 1200", "价格为¥1200。", C),
    ("RMB 1200", "价格为1200美元。", N),
    ("1200 yuan", "价格为1200元。", C),
    ("1200 yuan", "价格为1200美元。", N),
    ("$500", "The fee is 500 dollars.", C),
    ("$500", "The fee is USD 500.", C),
    ("$500", "The fee is USD500.", C),
    ("$500", "The fee is 500 USD.", C),
    ("$500", "The fee is 500 US dollars.", C),
    ("$500", "It costs about 500 dollars.", C),
    ("$500", "费用为500美元。", C),
    ("$500", "The fee is US$500.", C),
    ("$500", "费用为500元。", N),
    ("$500", "费用为500港币。", N),
    ("$500", "费用为HK$500。", N),
    ("$500", "费用为¥500。", N),
    ("$500", "The fee is A$500.", N),
    ("$500", "It costs 500 Canadian dollars.", N),
    ("$500", "It costs 500 euros.", N),
    ("$500", "It does not cost $500.", N),
    ("$500", "It costs $500 to $600.", N),
    ("$500", "The fee is 400-500 dollars.", N),
    ("$500", "The fee is $5,000.", N),
    ("$500", "The fee is $500K.", N),
    ("$500", "The fee is $500 million.", N),
    ("$600", "Budget rose from $500 to $600.", C),
    ("600美元", "Budget rose from $500 to $600.", C),
    ("500 dollars", "费用为500美元。", C),
    ("500 dollars", "The fee is $500.", C),
    ("USD 500", "费用为500美元。", C),
    ("500美元", "The fee is $500 million.", N),
    ("合同金额¥1200万", "合同金额为1200万元。", C),
    ("合同金额¥1200万", "合同金额：1200万元。", C),
    ("合同金额¥1200万", "合同金额1200万元。", C),
    ("合同金额¥1200万", "合同金额约1200万元。", C),
    ("合同金额¥1200万", "该合同金额为1200万元。", C),
    ("合同金额¥1200万", "合同金额为¥1200万。", C),
    ("合同金额¥1200万", "合同金额¥1200万。", C),
    ("合同金额¥1200万", "合同金额：人民币1200万元。", C),
    ("合同金额¥1200万", "合同金额不是1200万元。", N),
    ("合同金额¥1200万", "合同金额为1200万美元。", N),
    ("合同金额¥1200万", "合同金额为1500万元。", N),
    ("合同金额¥1200万", "合同金额为1200万港元。", N),
    ("合同金额¥1200万", "合同金额为HK$1200万。", N),
    ("合同金额¥1200万", "合同金额为$1200万。", N),
    ("合同金额¥1200万", "合同金额为JP¥1200万。", N),
    ("合同金额¥1200万", "竞品合同金额为1200万元。", N),
    ("合同金额¥1200万", "目标合同金额为1200万元，实际为900万元。", N),
    ("合同金额¥1200万", "投资1200万元。", N),
    ("合同金额¥1200万", "合同金额超过1200万元。", N),
    ("合同金额¥1200万", "合同金额1000万元至1200万元。", N),
    ("合同金额¥1200万元", "合同金额为1200万元。", C),
    ("合同金额为¥1200万", "合同金额1200万元。", C),
    ("合同金额为¥1200万", "合同金额：1200万元。", C),
    ("合同金额为¥1200万", "合同金额为1200万美元。", N),
    ("合同金额1200万元", "合同金额为¥1200万。", C),
    ("合同金额1200万元", "合同金额为$1200万。", N),
    ("第一年节省¥120万", "第一年节省约120万元。", C),
    ("第一年节省¥120万", "第一年节省120万美元。", N),
    ("年费$500", "年费为500美元。", C),
    ("年费$500", "年费为$500。", C),
    ("年费$500", "年费$500。", C),
    ("年费$500", "月费为500美元。", N),
    ("年费$500", "年费为500元。", N),
    ("年费$500", "月费$500。", N),
    ("年费$500", "年费不是$500。", N),
    ("fee $500", "The fee is 500 dollars.", C),
    ("fee $500", "The fee is USD 500.", C),
    ("fee $500", "The fee is $500.", C),
    ("fee $500", "The fee is HK$500.", N),
    ("fee $500", "The fee is 500 euros.", N),
    ("部署方式有3种", "部署方式共3种。", C),
    ("部署方式有3种", "部署方式共有3种。", C),
    ("部署方式有3种", "部署方式总计3种。", C),
    ("部署方式有3种", "部署方式共有4种。", N),
    ("部署方式有3种", "竞品部署方式共3种。", N),
    ("部署方式3种", "部署方式共有3种。", C),
    ("部署方式3种", "部署方式共3种。", C),
    ("员工人数4300人", "员工人数共4300人。", C),
    ("员工人数4300人", "员工人数总计4300人。", C),
    ("员工人数4300人", "员工人数共计约4300人。", C),
    ("员工人数4300人", "员工人数共计约4500人。", N),
    ("员工人数共4300人", "员工人数为4300人。", C),
    ("员工人数共4300人", "员工人数为4500人。", N),
    ("合同金额共1200万元", "合同金额共计1200万元。", C),
    ("合同金额共计1200万元", "合同金额为1200万元。", C),
    ("回收期20个月", "回收期共20个月。", C),
    ("回收期20个月", "回收期仅约20个月。", C),
    ("回收期20个月", "回收期共计约20个月。", C),
    ("回收期20个月", "回收期共计约26个月。", N),
    # round 2: a subject that opens with its period (年节省, 年营收, 月费) after a count or an ordinal; a fee per period
    ("年节省90万元", "三年节省90万元。", N),
    ("年节省90万元", "3年节省90万元。", N),
    ("年节省90万元", "首年节省90万元。", N),
    ("年节省90万元", "半年节省90万元。", N),
    ("年节省90万元", "前两年节省90万元。", N),
    ("年节省90万元", "第二年节省90万元。", N),
    ("年节省90万元", "几年节省90万元。", N),
    ("年节省90万元", "三年节省约90万元。", N),
    ("年节省90万元", "每年节省90万元。", C),
    ("年节省90万元", "全年节省90万元。", C),
    ("年节省90万元", "一年节省90万元。", C),
    ("年节省90万元", "1年节省90万元。", C),
    ("年节省90万元", "项目上线后年节省90万元。", C),
    ("年节省90万元", "2024年节省90万元。", C),
    ("年节省90万元", "今年节省90万元。", C),
    ("年节省90万元", "年节省额约为90万元。", C),
    ("年节省90万元", "年节省额为120万元。", N),
    ("年净节省90万元", "三年净节省90万元。", N),
    ("年净节省90万元", "年净节省额为90万元。", C),
    ("年收入90万元", "年收入额90万元。", C),
    ("年营收1.2亿元", "三年营收1.2亿元。", N),
    ("年营收1.2亿元", "近三年营收1.2亿元。", N),
    ("年营收1.2亿元", "2023年营收1.2亿元。", C),
    ("年运维费30万元", "三年运维费30万元。", N),
    ("年运维费30万元", "首年运维费30万元。", N),
    ("年运维费30万元", "每年运维费30万元。", C),
    ("月节省5000元", "6个月节省5000元。", N),
    ("月节省5000元", "两个月节省5000元。", N),
    ("月节省5000元", "每月节省5000元。", C),
    ("年费5000元", "三年费用5000元。", N),
    ("年费5000元", "首年费5000元。", N),
    ("年费5000元", "每年费用5000元。", C),
    ("年费5000元", "5000元/年。", C),
    ("年费5000元", "每年5000元。", C),
    ("年费5000元", "每月费用5000元。", N),
    ("年费5000元", "年费5000美元。", N),
    ("月费5000元", "3个月费5000元。", N),
    ("月费5000元", "每月费用5000元。", C),
    ("月费5000元", "5000元/月。", C),
    ("月费5000元", "年费5000元。", N),
    ("5000元/年", "三年费用5000元。", N),
    ("5000元/年", "年费5000元。", C),
    ("5000元/月", "3个月费5000元。", N),
    ("5000元/月", "月费5000元。", C),
    ("年节省90万元", "二〇二四年节省90万元。", C),
    ("年节省90万元", "十年节省90万元。", N),
    ("年节省90万元", "近三年节省90万元。", N),
    ("月节省5000元", "3月节省5000元。", C),
    ("月节省5000元", "十一月节省5000元。", C),
    ("月节省5000元", "首月节省5000元。", N),
    ("月节省5000元", "一个月节省5000元。", C),
    ("月节省5000元", "几个月节省5000元。", N),
]

CLAIM_ROWS = [
    ("合同金额¥1200万", "合同金额为1200万元。", True),
    ("合同金额¥1200万", "合同金额不是1200万元。", False),
    ("合同金额¥1200万", "合同金额是否为1200万元尚不清楚。", False),
    ("¥1200", "价格是1200元。", True),
    ("¥1200", "价格是1200美元。", False),
    ("$500", "The fee is 500 dollars.", True),
    ("$500", "The fee is not $500.", False),
    ("年费$500", "年费为500美元。", True),
    ("年费$500", "年费是$500吗？", False),
    ("部署方式有3种", "部署方式共3种。", True),
]


def test_the_scorer_is_v112_or_later() -> None:
    assert SCORER_VERSION >= 112


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(
    ("in_its_unit", "signed"),
    [
        ("1200元", "¥1200"),
        ("1200元", "RMB 1200"),
        ("1200万元", "¥1200万"),
        ("500美元", "$500"),
        ("500美元", "500 dollars"),
        ("合同金额1200万元", "合同金额¥1200万"),
        ("合同金额1200万元", "合同金额为¥1200万"),
        ("年费500美元", "年费$500"),
    ],
)
def test_a_point_with_its_currencys_sign_reads_as_the_point_in_its_unit(in_its_unit: str, signed: str) -> None:
    """The same verdicts for the point with its currency's sign and in that currency's unit, over the rows' answers
    and the amount said in each currency's ways."""
    figure = in_its_unit.removeprefix("合同金额").removeprefix("年费")
    answers = [row[1] for row in ROWS] + [
        f"{figure}。",
        f"约{figure}。",
        f"不是{figure}。",
        f"目标{figure}，实际更低。",
        f"超过{figure}。",
        f"合同金额为{figure}。",
        f"年费为{figure}。",
    ]
    for answer in answers:
        for forms in (None, CN):
            plain, sign = status_of(in_its_unit, answer, forms), status_of(signed, answer, forms)
            assert (plain == "covered") == (sign == "covered"), (answer, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
