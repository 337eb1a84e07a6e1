"""Scorer v111: a key point that writes the link between its subject and its figure (ROI为12%, 回收期约为20个月,
年净节省额是90万元, "the payback period is 20 months", "ROI of 50%") is read as its subject and figure, a subject named
between two figures takes the subject's links (2024年营收约1.2亿元, 三年ROI：50%), and the actual figure after an
"only", a seeming or an official figure is the subject's (回本只要20个月，其实要26个月; ROI看似很高，实际为12%;
ROI官方数据是20%，实际为12%).

Found by probing the classes v110 left and the forms users write key points in. v110:
- missed ROI约12%, ROI：12%, ROI实际为12%, 毛利率约12%, 回本周期：26个月 for points written ROI为12%, 毛利率为12%,
  回本周期为26个月 - it searched the point's own 为 as part of the subject's name (the rows of tests/evaluation,
  rewritten with a link in their point, lost 26,483 of 29,643 right answers under v110 and none under v111), and
  credited 应收账款回收期为20个月 and 目标ROI为12%，实际为8% for them;
- missed 2024年营收约1.2亿元 and 三年ROI为50% for 2024年营收1.2亿元 and 三年ROI 50% (the words between two figures
  matched only as written) and credited 三年ROI 50%（目标）;
- missed 26个月 in 很多人以为回本只要20个月，其实要26个月, 回本周期不是20个月，其实要26个月, "Payback is not 20
  months; in fact it takes 26 months", 12% in ROI看似很高，实际为12%, "The ROI looks high, but it is actually 12%",
  ROI官方数据是20%，实际为12%, ROI名义上是20%，实际为12%, and 20% in ROI官方口径是20%.
Each class has innocent rows beside it (成本下降为20% is a fall to 20%; 违规行为3起; ROI不是12%，而是15%; 竞争对手的ROI
为12%; 2024年营收目标1.2亿元; 回本周期看起来很短，其实要超过26个月; ROI官方口径是20%，但我们测算为12%).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status
from scorer_rows import status as status_of

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"


ROWS = [
    ("回本周期20个月", "回本周期可能短至20个月，不过26个月更为常见。", N),
    ("回本周期20个月", "很多人以为回本只要20个月，其实要26个月。", N),
    ("回本周期26个月", "很多人以为回本只要20个月，其实要26个月。", C),
    ("payback 20 months", "The payback could be as short as 20 months, though 26 is more typical.", N),
    ("payback 20 months", "The payback is closer to 26 months than the 20 months often cited.", N),
    ("回本周期20个月", "回本周期更接近26个月，而不是常说的20个月。", N),
    ("ROI为20%", "ROI官方口径是20%，但我们测算只有12%。", N),
    ("ROI为20%", "ROI官方数据是20%，实际为12%。", N),
    ("ROI为12%", "ROI官方数据是20%，实际为12%。", C),
    ("ROI为20%", "ROI为20%（官方口径），与我们测算一致。", C),
    ("ROI为20%", "官方数据显示ROI为20%。", C),
    ("30分钟", "大约一个半小时即可完成。", N),
    ("成立于1987年", "The company dates back to 1978, not 1987.", N),
    ("成本下降20%", "成本下降至原来的20%。", N),
    ("成本下降20%", "成本下降了20%。", C),
    ("成本下降20%", "成本降到了原来的20%。", N),
    ("合同金额200万元", "合同金额为200万美元。", N),
    ("payback 26 months", "It has a 26-month payback.", C),
    ("回本周期26个月", "It has a 26-month payback.", C),
    ("回本周期20个月", "It has a 26-month payback, not the 20-month one the vendor quoted.", N),
    ("ROI 20%", "ROI官方口径是20%。", C),
    ("ROI 20%", "ROI官方数据是20%，实际也是20%。", C),
    ("ROI 20%", "ROI官方口径是20%，但我们测算为12%。", N),
    ("ROI 12%", "ROI看似很高，实际为12%。", C),
    ("ROI 12%", "ROI看似很高，实际只有12%。", C),
    ("ROI 20%", "ROI看似很高，实际为12%；毛利率倒是有20%。", N),
    ("founded in 1987", "Founded in 1987, the company ...", C),
    ("founded in 1987", "It was founded in 1978, not 1987.", N),
    ("30 minutes", "It takes half an hour.", C),
    ("ROI 20%", "ROI官方数据是20%，实际为12%。", N),
    ("ROI 12%", "ROI官方数据是20%，实际为12%。", C),
    ("ROI 20%", "官方数据显示ROI为20%，但我们测算只有12%。", N),
    ("ROI 20%", "ROI官方口径是20%，我们测算也是20%。", C),
    ("ROI 20%", "ROI公开数据为20%。", C),
    ("ROI 20%", "ROI竞争对手官方数据为20%。", N),
    ("ROI 12%", "The ROI looks high, but it is actually 12%.", C),
    ("ROI 20%", "The ROI looks high, but it is actually 12%.", N),
    ("ROI 12%", "ROI看似很高，实际不到12%。", N),
    ("ROI 12%", "ROI看似很高，实际上IRR为12%。", N),
    ("ROI 12%", "ROI看似很高，实际成本增加12%。", N),
    ("回本周期26个月", "回本周期看起来很短，其实要26个月。", C),
    ("回本周期26个月", "回本周期看起来很短，其实要超过26个月。", N),
    ("ROI 20%", "ROI官方不是20%。", N),
    ("年净节省额为90万元", "| 指标 | 数值 |\n|---|---|\n| 年净节省额 | 90万元 |", C),
    ("年净节省额为90万元", "**年净节省额**：90万元", C),
    ("年净节省额为90万元", "- 年净节省额：约90万元", C),
    ("年净节省额为90万元", "年净节省额 = 120 - 30 = 90万元", C),
    ("年净节省额为90万元", "| 指标 | 数值 |\n|---|---|\n| 年运维费 | 90万元 |", N),
    ("年净节省额为90万元", "年净节省额不是90万元。", N),
    ("年净节省额为90万元", "竞品的年净节省额为90万元。", N),
    ("员工人数为4300人", "员工人数：4300人", C),
    ("员工人数为4300人", "员工人数约4300人", C),
    ("员工人数为4300人", "员工人数超过4300人", N),
    ("成立时间是1987年", "成立时间：1987年", C),
    ("成立时间是1987年", "成立时间为1987年", C),
    ("成立时间是1987年", "成立时间不是1987年，而是1997年", N),
    ("上线时间为2025年1月", "上线时间：2025年1月", C),
    ("上线时间为2025年1月", "上线时间预计为2025年1月", C),
    ("上线时间为2025年1月", "上线时间原定2025年1月，现推迟到3月", N),
    ("the payback period is 20 months", "Payback period: 20 months", C),
    ("the payback period is 20 months", "The payback period is about 20 months.", C),
    ("the payback period is 20 months", "The payback period is not 20 months.", N),
    ("the payback period is 20 months", "The CAC payback period is 20 months.", N),
    ("the payback period is 20 months", "The payback period was planned at 20 months but actually took 26 months.", N),
    ("ROI of 50%", "an ROI of 50%", C),
    ("ROI of 50%", "ROI: 50%", C),
    ("ROI of 50%", "a target ROI of 50%", N),
    ("毛利率约为20%", "毛利率为20%", C),
    ("毛利率约为20%", "毛利率20%左右", C),
    ("毛利率约为20%", "毛利率不足20%", N),
    ("20个月回本", "预计20个月即可回本。", C),
    ("回收期在20个月左右", "回收期约20个月。", C),
    ("回收期在20个月左右", "回收期为20个月左右。", C),
    ("回收期为20个月左右", "回收期约20个月。", C),
    ("回收期为20个月左右", "回收期20个月。", C),
    ("回收期20个月左右", "回收期为20个月。", C),
    ("合同总额1200万元（含税）", "合同总额为1200万元（含税）。", C),
    ("1200万元的合同", "签订了1200万元的合同。", C),
    ("payback within 20 months", "Payback within 20 months.", C),
    ("ROI at 50%", "The ROI is 50%.", C),
    ("ROI at 50%", "ROI: 50%", C),
    ("回收期在20个月", "回收期在20个月左右", C),
    ("约20个月回本", "约20个月即可回本", C),
    ("回收期大约20个月", "回收期为20个月", C),
    ("回收期大约是20个月", "回收期：20个月", C),
    ("回收期大概在20个月", "回收期约20个月", C),
    ("20个月回本", "20个月内无法回本。", N),
    ("20个月回本", "20个月不能回本。", N),
    ("20个月回本", "20个月就能回本。", C),
    ("20个月回本", "20个月后才能回本。", C),
    ("20个月回本", "需要26个月才能回本，而不是20个月回本。", N),
    ("20个月回本", "20个月内回本是不可能的。", N),
    ("20个月内回本", "20个月回本。", C),
    ("20个月内回本", "预计20个月左右即可回本。", C),
    ("3个月上线", "3个月即可上线。", C),
    ("3个月上线", "3个月后上线。", C),
    ("3个月上线", "项目3个月内可以上线。", C),
    ("3个月上线", "3个月无法上线。", N),
    ("2周内交付", "2周交付。", C),
    ("2周内交付", "2周内无法交付。", N),
    ("回收期在20个月左右", "回收期不在20个月左右。", N),
    ("回收期在20个月左右", "回收期不是20个月。", N),
    ("回收期在20个月左右", "回收期超过20个月。", N),
    ("回收期为20个月左右", "回收期为26个月左右。", N),
    ("存在3个风险", "存在3个风险。", C),
    ("办公地点在3楼", "办公地点在3楼。", C),
    ("办公地点在3楼", "办公地点：3楼。", C),
    ("下降为20%", "成本下降为20%。", C),
    ("下降为20%", "成本下降20%。", N),
    ("成本下降为20%", "成本下降了20%。", N),
    ("ROI为12%", "ROI不是12%，而是15%。", N),
    ("ROI为12%", "目标ROI为12%，实际为8%。", N),
    ("ROI为12%", "ROI：12%（目标）。", N),
    ("ROI为12%", "竞争对手的ROI为12%。", N),
    ("ROI为12%", "ROI提升了12%。", N),
    ("ROI为12%", "ROI预计12%的客户会流失。", N),
    ("违规行为3起", "违规行为3起。", C),
    ("the ROI is 12%", "ROI: 12%", C),
    ("the ROI is 12%", "Our ROI is about 12%.", C),
    ("the ROI is 12%", "The ROI is not 12%.", N),
    ("payback of 20 months", "a payback of 20 months", C),
    ("payback of 20 months", "payback: 20 months", C),
    ("payback of 20 months", "CAC payback of 20 months", N),
    ("回收期约为20个月", "回收期为20个月", C),
    ("回收期约为20个月", "回收期大约20个月", C),
    ("回收期约为20个月", "回收期不到20个月", N),
    ("回收期约为20个月", "回收期超过20个月", N),
    ("合同金额为1200万元", "合同金额：1,200万元", C),
    ("合同金额为1200万元", "合同金额并非1200万元", N),
    ("年净节省额是90万元", "年净节省额：90万元", C),
    ("年净节省额是90万元", "年运维费90万元", N),
    ("员工人数达到4300人", "员工人数4300人", C),
    ("员工人数达到4300人", "员工人数不足4300人", N),
    ("ROI高达50%", "ROI为50%", C),
    ("ROI高达50%", "ROI高达50%", C),
    ("上线时间为2024年3月", "上线时间：2024年3月", C),
    ("上线时间为2024年3月", "上线时间不是2024年3月", N),
    ("三年ROI 50%", "三年ROI为50%。", C),
    ("三年ROI 50%", "三年ROI约50%。", C),
    ("三年ROI为50%", "三年ROI：50%。", C),
    ("2024年营收1.2亿元", "2024年营收约1.2亿元。", C),
    ("2024年营收1.2亿元", "2024年营收为1.2亿元。", C),
    ("2024年营收1.2亿元", "2024年营收：1.2亿元。", C),
    ("2024年营收为1.2亿元", "2024年营收1.2亿元。", C),
    ("3年ROI 50%", "3年ROI达到50%", C),
    ("3-year ROI 50%", "The 3-year ROI is 50%.", C),
    ("首年节省120万元", "首年节省约120万元", C),
    ("第一年节省120万元", "第一年节省约120万元", C),
    ("2024年营收1.2亿元", "2024年营收不是1.2亿元，而是1亿元。", N),
    ("2024年营收1.2亿元", "2024年营收目标为1.2亿元，实际1亿元。", N),
    ("2024年营收1.2亿元", "2024年营收超过1.2亿元。", N),
    ("2024年营收1.2亿元", "2024年营收增长了1.2亿元。", N),
    ("2024年营收1.2亿元", "2024年营收下降1.2亿元。", N),
    ("2024年营收1.2亿元", "2024年营收约为1.2亿元。", C),
    ("2024年营收1.2亿元", "2024年营收达到1.2亿元。", C),
    ("三年ROI 50%", "三年ROI不是50%。", N),
    ("三年ROI 50%", "三年ROI目标50%。", N),
    ("三年ROI 50%", "三年ROI提升了50%。", N),
    ("三年ROI 50%", "三年ROI低于50%。", N),
    ("三年ROI 50%", "三年ROI约为50%。", C),
    ("3-year ROI 50%", "The 3-year ROI is not 50%.", N),
    ("3-year ROI 50%", "The 3-year ROI is about 50%.", C),
    ("3-year ROI 50%", "The 3-year ROI rose by 50%.", N),
    ("3-5天", "3天到5天", C),
    ("3-5天", "3至5天", C),
    ("回收期20个月，ROI为50%", "回收期20个月，ROI约50%", C),
    ("回收期20个月，ROI为50%", "回收期20个月，ROI不是50%", N),
    ("回收期20个月，ROI 50%", "回收期20个月，ROI：50%", C),
    ("1200万元合同中780万元", "1200万元合同中约780万元", C),
    ("三年ROI 50%", "三年ROI：50%（目标）。", N),
    ("三年ROI 50%", "三年ROI 50%（目标）。", N),
    ("三年ROI 50%", "三年ROI为50%（竞品数据）。", N),
    ("3-year ROI 50%", "The 3-year ROI is 50% lower than planned.", N),
    ("2024年营收1.2亿元", "2024年营收的增长约1.2亿元。", N),
    ("2024年营收1.2亿元", "2024年营收目标1.2亿元。", N),
    ("2024年营收1.2亿元", "2024年营收为1.2亿元左右。", C),
    ("2024年营收1.2亿元", "2024年营收为1.2亿美元。", N),
    ("回本周期26个月", "回本不是20个月，而是26个月。", C),
    ("回本周期26个月", "回本周期不是20个月，其实要26个月。", C),
    ("回本周期26个月", "很多人以为回本周期只要20个月，其实要26个月。", C),
    ("回本周期26个月", "很多人以为回本周期只要20个月，其实回本周期要26个月。", C),
    ("回本周期26个月", "回本周期一般是26个月，最短可能20个月。", C),
    ("回本周期20个月", "很多人以为回本周期只要20个月，其实要26个月。", N),
    ("回本周期26个月", "回本周期只要20个月，其实要26个月。", C),
    ("回本周期26个月", "回本周期仅20个月，实际上需要26个月。", C),
    ("回本周期6个月", "回本周期只要20个月，其实还要加上6个月建设期。", N),
    ("回本周期26个月", "回本周期只要20个月，其实不要26个月。", N),
    ("回本周期26个月", "回本周期只要20个月，其实远超26个月。", N),
    ("回本周期26个月", "回本周期只要20个月，实际超过26个月。", N),
    ("ROI 26%", "ROI只有20%，其实可达26%。", C),
    ("回本周期20个月", "回本周期20个月，实际投入3人。", C),
    ("回本周期20个月", "回本周期20个月，其实已经很短了。", C),
    ("payback 26 months", "Payback is only 20 months; in fact it takes 26 months.", C),
    ("回本周期26个月", "回本周期只要20个月，其实要26个月才能收回全部投资。", C),
    ("回本周期26个月", "回本周期只要20个月，其实要不了26个月。", N),
    ("回本周期26个月", "回本周期只有20个月，而其实需要26个月左右。", C),
    ("ROI 26%", "ROI只有20%，其实是26%。", C),
    ("ROI 26%", "ROI只有20%，其实是IRR为26%。", N),
    ("ROI 26%", "ROI只有20%，其实毛利率为26%。", N),
]

# the forbidden-claim path: a claim written with its link is charged where the answer says it with another
CLAIM_ROWS = [
    ("回本周期为12个月", "回本周期约12个月。", True),
    ("回本周期为12个月", "回本周期：12个月。", True),
    ("回本周期为12个月", "回本周期不是12个月，而是26个月。", False),
    ("回本周期为12个月", "目标回本周期为12个月，实际26个月。", False),
    ("ROI为50%", "ROI约50%。", True),
    ("ROI为50%", "ROI不可能达到50%。", False),
    ("三年ROI为50%", "三年ROI约50%。", True),
    ("三年ROI为50%", "三年ROI不是50%。", False),
    ("The payback period is 12 months", "Payback period: 12 months.", True),
    ("The payback period is 12 months", "The payback period is not 12 months.", False),
    ("三年ROI 50%", "三年ROI不是50%。", False),
]


def test_the_scorer_is_v111_or_later() -> None:
    assert SCORER_VERSION >= 111


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(
    ("plain", "linked"),
    [
        ("ROI 12%", "ROI为12%"),
        ("回收期20个月", "回收期约为20个月"),
        ("年净节省额90万元", "年净节省额是90万元"),
        ("payback 20 months", "the payback is 20 months"),
        ("ROI 50%", "an ROI of 50%"),
    ],
)
def test_a_point_with_its_link_reads_as_the_point_without_it(plain: str, linked: str) -> None:
    """The same verdicts for the point with and without its link, over answers of every kind the rows give."""
    answers = [row[1] for row in ROWS] + [f"{plain}。", f"{linked}。", f"不是{plain}。", f"目标{plain}。"]
    for answer in answers:
        for forms in (None, CN):
            assert (status_of(plain, answer, forms) == "covered") == (status_of(linked, answer, forms) == "covered"), (
                answer
            )


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIM_ROWS)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
