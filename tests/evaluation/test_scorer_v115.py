"""Scorer v115: the classes that the sweeps found in the covered rows of the earlier scorer test files - rows they had
never rewritten (they read v114's rows and the 4-tuple lists only).

A /tmp script ran `credit_mutations.sweep` and `miss_mutations.sweep` over the 1,603 covered (point, answer, status)
rows of 24 earlier files; under v114 (`git archive 329d878 pytest_llmeval`) 77 of their 35,580 wrong rewrites were
credited and 592 of their 24,836 right rewrites missed. The classes behind them, each probed well beyond its example:
- a code (v3.2, INV-204817, Qwen3-8B) asked, supposed, claimed by others or named as a goal missed was credited
  (当前版本是v3.2吗？, 如果当前版本是v3.2，…, 某些厂商声称…, …是目标，但没有实现): a code is a value, read by the
  rules that read a figure's (`scoring._find`: `valued`, `numbers.finding.a_code_point`);
- a figure matched without its unit (the bare point 4300, 1997, 20) was judged by the words right after its digits,
  before the unit the answer writes: 员工4300人（错误）, 公司成立于1997年：❌ 该数字有误, 由20个月延长至24个月,
  20个月前回本 were credited (`keywords.unit_family.end_of_its_unit`);
- a year followed by a quarter, a half or a part of the year (2024年Q3以后, 从2024年第三季度推迟到…,
  2024年底或2025年初) was read without it: the bound, the move and the alternatives were missed for 2024年
  (`keywords.dates.end_of_the_date`);
- a range whose first end follows a comma that no digit precedes (客户说，15个月到20个月 - NFKC makes the ， a ,) was
  read as a thousands group and credited 20个月; 15个多月到20个月 too (`numbers.edges`);
- a forecast with a label in a bracket before its actual (ROI预计为20%（已审计），但实际只有26%) was credited
  (`keywords.hypothesis`);
- right answers missed: a currency's sign or code between a subject's link and its figure (节省成本¥90万,
  年净节省额 = 120 - 30 = €90万, 每月可节约开支约EUR 5000, "Revenue grew $5 million"); an English figure before its
  subject after a lead-in or a heading (In short, a 20% ROI is very likely.; ## Summary / Payback in 20 months.); a
  saving's noun with an adverb or another link before its figure (每年节省的成本确实约为90万元, …：90万元, …≈90万元);
  a rate point written with a sign (月费¥5000 for 每月费用5000元, 5000元/月); a subject before a number restated in
  brackets (回收期为二十（20）个月).
Round 2, probing the 51st session's Left: a comparison that opens the sentence before its subject (与去年同期相比，营收
增长20% for 营收同比增长20%; `keywords.forms`) and a sum's or a measure's head word opening the clause after its whole
(双方签订合同，金额1200万元 for 合同金额为1200万元; `numbers.patterns.subject_names`) were missed.
Innocent rows beside each class: the same words stated, another currency, another figure, a bound, a negation and a
target stay as they were.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.numbers.finding import a_code_point
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

CODE_ROWS = [
    ("v3.2", "当前版本是v3.2吗？", N),
    ("v3.2", "当前版本是v3.2，对吗？", N),
    ("v3.2", "当前版本是v3.2吗。", N),
    ("v3.2", "如果当前版本是v3.2，项目就值得做。", N),
    ("v3.2", "某些厂商声称当前版本是v3.2。", N),
    ("v3.2", "当前版本是v3.2是目标，但没有实现。", N),
    ("v3.2", "我不认为当前版本是v3.2。", N),
    ("v3.2", "您问的是v3.2吗？", N),
    ("v3.2", "Is the current version v3.2?", N),
    ("v3.2", "If the current version is v3.2, upgrade.", N),
    ("INV-204817", "发票号INV-204817吗？", N),
    ("INV-204817", "如果发票号INV-204817，项目就值得做。", N),
    ("INV-204817", "某些厂商声称发票号INV-204817。", N),
    ("Qwen3-8B", "我们用的是Qwen3-8B吗？", N),
    ("v3.2", "当前版本是v3.2。", C),
    ("v3.2", "当前版本是v3.2吗？是的。", C),
    ("v3.2", "最新为v3.2（此前为v3.1）。", C),
    ("v3.2", "目前知识库中的版本为v3.2，建议向官方核实。", C),
    ("v3.2", "The current version is v3.2.", C),
    ("INV-204817", "发票号为INV-204817。", C),
    ("Qwen3-8B", "我们用的是Qwen3-8B。", C),
    # round 4: a code compared with another release or named as its neighbour
    ("v3.2", "当前版本比v3.2新。", N),
    ("v3.2", "当前版本高于v3.2。", N),
    ("v3.2", "当前版本晚于v3.2。", N),
    ("v3.2", "当前版本早于v3.2。", N),
    ("v3.2", "当前版本是v3.2之后的版本。", N),
    ("v3.2", "当前版本是v3.2的下一个版本。", N),
    ("v3.2", "The current version is newer than v3.2.", N),
    ("v3.2", "当前版本：v3.2/v4.0", N),  # one of two codes offered, as v3.2或v4.0 (v104)
    ("v3.2", "当前版本：v4.0 / v3.2", N),
    ("INV-204817", "发票号INV-204817/INV-204818", N),
    ("v3.2", "当前版本：v3.2（2024/06发布）", C),
    ("v3.2", "The current version is the one after v3.2.", N),
    ("v3.2", "The current version is v3.2 or later.", C),  # an inclusive bound, as 至少 (v17)
    ("v3.2", "v3.2 and later support it.", C),
    ("v3.2", "当前版本是v3.2及以上。", C),
    ("v3.2", "当前版本是v3.2，之后会升级到v4.0。", C),
    ("v3.2", "从v3.1升级到v3.2后，性能提升。", C),
    # round 4: a bare figure or a code in a "whether" clause with its own subject and copula
    ("v3.2", "It is unclear whether it is v3.2.", N),
    ("20个月", "Nobody knows whether payback is 20 months.", N),
    ("20个月", "It is unclear whether payback is 20 months.", N),
    ("20个月", "We will test whether it is 20 months.", N),
    ("20个月", "Whether it is 20 months remains to be seen.", N),
    ("20个月", "Payback is 20 months, whether or not prices rise.", C),
    ("20个月", "Whether prices rise or not, payback is 20 months.", C),
]

# a topic, not a value: a feature named in a question is still its mention (v32's decision; the forbidden claim's path
# reads it unasserted, a decided difference - kept out of the sweeps' rows)
TOPIC_ROWS = [("私有化部署", "你们支持私有化部署吗？", C)]

UNIT_AFTER_ROWS = [
    ("1997", "公司成立于1997年：❌ 该数字有误。", N),
    ("1997", "公司成立于1997年 ❌ 该数字有误。", N),
    ("1997", "公司成立于1997年（错误）", N),
    ("1997", "公司成立于1997年 —— 错误", N),
    ("1997", "公司成立于1997年，这是错误的。", N),
    ("1997", "公司成立于1997年？这个说法站不住脚。", N),
    ("20", "回本需要20个月：❌ 实际为24个月", N),
    ("20", "回本需要20个月（错误）", N),
    ("20", "回本需要20个月（不对，应为24个月）", N),
    ("20", "回本需要20个月的两倍", N),
    ("20", "20个月前回本", N),
    ("20", "由20个月延长至24个月", N),
    ("20", "回收期20个月，不对", N),
    ("4300", "员工4300人：❌ 实际为4306人", N),
    ("4300", "员工4300人（错误）", N),
    ("4300", "员工4300人，这个数字不准确。", N),
    ("4300", "4300 employees (incorrect)", N),
    ("8400", "每日核对量从8400笔降至3100笔。", N),  # v104 pinned it covered: a former value, as 8400笔 reads
    ("4300", "员工4300人。", C),
    ("4300", "员工4300人左右", C),
    ("4300", "员工4300人，分布在全国。", C),
    ("4300", "4300 employees.", C),
    ("1997", "公司成立于1997年。", C),
    ("20", "回本需要20个月以上", C),  # an inclusive bound (v17)
    ("20", "20个月（目标）", C),  # a bare point may count anything (v64)
    ("8400", "每日核对量从10000笔降至8400笔。", C),
    ("90万", "每年节省90万元。", C),  # money's unit is read by the currency rules, as before
]

DATE_ROWS = [
    ("2024年", "2024年Q3以后上线。", N),
    ("2024年", "2024年第三季度以后上线。", N),
    ("2024年", "2024年底以后上线。", N),
    ("2024年", "2024年H2以后上线。", N),
    ("2024年", "从2024年Q3推迟到2025年Q3上线。", N),
    ("2024年", "从2024年底推迟到2025年上线。", N),
    ("2024年", "2024年Q3或2025年Q3上线。", N),
    ("2024年", "2024年底或2025年初上线。", N),
    ("2024年", "2024年下半年或2025年上线。", N),
    ("2024年", "2024年Q3上线。", C),
    ("2024年", "2024年第三季度上线。", C),
    ("2024年", "2024年底上线。", C),
    ("2024年", "2024年中上线。", C),
    ("2024年", "2024年中国市场上线。", C),
    ("2024年", "2024年上线，2025年推广。", C),
    ("2024年", "2024年中标，2025年以后上线。", C),  # 中标 (won the bid) is no part of the year
]

RANGE_ROWS = [
    ("20个月", "客户说，15个月到20个月就回本了。", N),
    ("20个月", "客户说，15到20个月。", N),
    ("20个月", "客户说，15个月至20个月。", N),
    ("20个月", "客户说，15个月-20个月。", N),
    ("20个月", "好，15个月到20个月。", N),
    ("20个月", "据客户说，15个月（乐观）到20个月（保守）就回本了。", N),
    ("20%", "ROI：12%，15%到20%。", N),
    ("20%", "ROI：12%（初步），15%（乐观）到20%（保守）（审计后）。", N),
    ("20个月", "15个多月到20个月就回本了。", N),
    ("1200万港元", "900多万元到1200万元港币", N),  # the unit as the answer writes it after the second end
    ("1200万美元", "900万元到1200万元美金", N),
    ("20个月", "客户说，20个月就回本了。", C),
    ("20%", "ROI：12%（初步），20%（审计后）。", C),
    ("20个月", "回收期20个月，15个月是行业平均。", C),
    ("1200万港元", "合同金额为1200万元港币。", C),
]

# a later period's value of the same thing, written before its noun both times (the later one read as a count before)
LATER_ROWS = [
    ("1200万元", "去年签订了1200万元的合同，今年已增至1206万元的合同。", N),
    ("1200万元的合同", "去年签订了1200万元的合同，今年已增至1206万元的合同。", N),
    ("20%", "去年ROI为20%，今年15%的用户流失。", C),
]

BELIED_ROWS = [
    ("20%", "ROI预计为20%（已审计），但实际只有26%（已审计）。", N),
    ("20%", "ROI预计为20%（已审计），但实际只有26%。", N),
    ("ROI 20%", "ROI预计为20%（实际），但实际只有26%（实际）。", N),
    ("20个月", "回本周期预计20个月（初步），实际为26个月。", N),
    ("20%", "ROI预计为20%（已审计），实际也达到了20%。", C),
    ("20%", "ROI为20%（已审计）。", C),
]

SIGN_LINK_ROWS = [
    ("节省90万元", "节省成本¥90万", C),
    ("节省90万元", "节省成本RMB 90万", C),
    ("节省90万欧元", "节省成本€90万", C),
    ("节省90万欧元", "节省成本EUR 90万", C),
    ("节省€90万", "节省成本€90万", C),
    ("节省90万美元", "节省成本$90万", C),
    ("每月节省5000元", "每月可节约开支约¥5000", C),
    ("每月节省5000欧元", "每月可节约开支约€5000", C),
    ("年净节省额为90万元", "年净节省额 = 120 - 30 = ¥90万", C),
    ("年净节省额为90万欧元", "年净节省额 = 120 - 30 = €90万", C),
    ("revenue rose $5 million", "Revenue increased by $5 million.", C),
    ("revenue rose $5 million", "Revenue grew $5 million.", C),
    ("节省90万元", "节省成本$90万", N),
    ("节省90万元", "节省成本€90万", N),
    ("节省90万欧元", "节省成本¥90万", N),
    ("年净节省额为90万元", "年净节省额 = 120 - 30 = $90万", N),
    ("节省¥90万", "节省成本90万", N),
    ("revenue rose $5 million", "Revenue grew 5 million.", N),
    ("revenue rose $5 million", "Revenue fell $5 million.", N),
    ("revenue rose $5 million", "Revenue grew €5 million.", N),
]

LEAD_IN_ROWS = [
    ("ROI 20%", "In short, a 20% ROI is very likely.", C),
    ("ROI 20%", "Overall, 20% ROI.", C),
    ("ROI 20%", "Bottom line: 20% ROI.", C),
    ("ROI 20%", "Based on our calculations, a 20% ROI is achievable.", C),
    ("ROI 20%", "In summary: 20% ROI.", C),
    ("ROI 20%", "## Summary\n\nA 20% ROI is very likely.", C),
    ("20个月回本", "Overall, 20 months payback", C),
    ("20-month payback period", "In short, a 20-month payback period", C),
    ("回本周期20个月", "## Summary\n\nPayback in 20 months.", C),
    ("20个月回本", "## Summary\n\nthe investment is recovered in 20 months", C),
    ("ROI 20%", "Competitors report 20% ROI.", N),
    ("ROI 20%", "If costs hold, 20% ROI.", N),
    ("ROI 20%", "The target: 20% ROI.", N),
    ("ROI 20%", "In short, a 20% ROI is unlikely.", N),
    ("回本周期20个月", "## Why payback in 20 months is wrong\n\nIt takes 26 months.", N),
]

SAVED_ROWS = [
    ("年节省90万元", "每年节省的成本确实约为90万元", C),
    ("年节省90万元", "每年节省的成本目前约为90万元", C),
    ("年节省90万元", "每年节省的成本：90万元", C),
    ("年节省90万元", "每年节省的成本在90万元", C),
    ("年节省90万元", "每年节省的成本可达90万元", C),
    ("年节省90万元", "每年节省的成本 = 90万元", C),
    ("年节省90万元", "每年节省的成本≈90万元", C),
    ("年节省90万元", "每年节省的成本 → 90万元", C),
    ("年节省90万元", "每年节省的成本——90万元", C),
    ("年节省90万元", "每年节省的成本不是90万元", N),
    ("年节省90万元", "每年节省的成本超过90万元", N),
    ("年节省90万元", "每年增加的成本约为90万元", N),
]

SIGNED_RATE_ROWS = [
    ("月费¥5000", "每月费用5000元。", C),
    ("月费¥5000", "5000元/月。", C),
    ("年费¥5000", "每年5000元。", C),
    ("月费€5000", "每月费用€5000。", C),
    ("月费€5000", "EUR 5000/月。", C),
    ("月费€5000", "5000 euros/月。", C),
    ("月费€5000", "每月费用5000元。", N),
    ("月费€5000", "每年费用€5000。", N),
    ("月费¥5000", "每月费用$5000。", N),
]

RESTATED_ROWS = [
    ("回收期为20个月", "回收期为二十（20）个月", C),
    ("回收期为20个月", "回收期为二十 (20) 个月", C),
    ("回收期为20个月", "回收期约为二十（20）个月", C),
    ("回收期为20个月", "回收期为二十四（24）个月", N),
    ("回收期为20个月", "回收期为二十（24）个月", N),
]

# round 2 (probing the 51st session's Left): a comparison that opens the sentence before its subject, and a sum's head
# word opening the clause after its whole
COMPARED_ROWS = [
    ("营收同比增长20%", "与去年同期相比，营收增长20%。", C),
    ("营收同比增长20%", "和去年同期相比，营收增长了20%。", C),
    ("营收同比增长20%", "相比去年同期，营收增长20%。", C),
    ("营收同比增长20%", "与去年同期相比营收增长20%。", C),
    ("营收同比增长20%", "与去年同期相比，营收增长20%，利润增长5%。", C),
    ("营收环比增长20%", "与上月相比，营收增长20%。", C),
    ("营收同比增长20%", "与上月相比，营收增长20%。", N),
    ("营收同比增长20%", "营收增长20%。", N),
    ("营收同比增长20%", "与去年同期相比，成本增长20%。", N),
    ("营收同比增长20%", "与去年同期相比，营收下降20%。", N),
    ("营收同比增长20%", "与去年同期相比，营收增长不到20%。", N),
    ("营收环比增长20%", "与去年同期相比，营收增长20%。", N),
]

SPLIT_ROWS = [
    ("合同金额为1200万元", "双方签订合同，金额1200万元。", C),
    ("合同金额为1200万元", "签订合同，金额为1200万元。", C),
    ("合同金额为1200万元", "签订了一份合同，总金额1200万元。", C),
    ("客户满意度为95%", "我们调研了500家客户，满意度为95%。", C),
    ("合同金额为1200万元", "签订合同，首付款金额300万元。", N),
    ("合同金额为1200万元", "双方签订合同，金额不是1200万元。", N),
    ("合同金额为1200万元", "双方签订合同，金额1200万美元。", N),
]

# round 3 (the sweeps over this file's own rows and the claim path's divergences): a question answered yes in other
# words, a line that ends with no stop, and a verdict mark after a figure written before its subject
YES_ROWS = [
    ("20个月", "回收期是20个月吗？没问题。", C),
    ("20个月", "回收期是20个月吗？是这样的。", C),
    ("20个月", "Can it pay back in 20 months? Sure.", C),
    ("20个月", "Can it pay back in 20 months? No problem.", C),
    ("20个月", "Is payback 20 months? Indeed.", C),
    ("20个月", "Is payback 20 months? Correct.", C),
    ("20个月", "Is payback 20 months? That's right.", C),
    ("20个月", "Is payback 20 months? Right now it is 26.", N),
    ("20个月", "回收期是20个月吗？正确答案是26个月。", N),
    ("20个月", "回收期是20个月吗？没问题的话就投。", N),
    ("20个月", "Is payback 20 months? Correct, it is 26 months.", N),
    ("20个月", "回收期是20个月吗？不是。", N),
]

LINE_ROWS = [
    ("20个月回本", "Overall, 20 months payback\n\nOverall, 20 months payback", C),
    ("回本周期20个月", "it pays back in 20 months\n\nit pays back in 20 months", C),
    ("ROI 20%", "项目可实现20%的ROI\n这个水平合理吗？", C),
    ("ROI 20%", "The project delivers a 20% ROI\nIs that enough?", C),
    ("ROI 20%", "团队规模：12人\nThe project delivers a 20% ROI\n风险：低", C),
    ("回本周期20个月", "it pays back in 20 months or more\n\nit is unclear", N),
    ("ROI 20%", "Competitors deliver a 20% ROI\nWe deliver 12%.", N),
]

MARK_ROWS = [
    ("20-month payback period", "In short, a 20-month payback period ✅", C),
    ("ROI 20%", "A 20% ROI is very likely (✅)", C),
    ("ROI 20%", "项目可实现20%的ROI ✅", C),
    ("回本周期20个月", "20个月即可回本 ✅", C),
    ("ROI 20%", "A 20% ROI is very likely (❌)", N),
    ("ROI 20%", "A 20% ROI ❌", N),
    ("ROI 20%", "项目可实现20%的ROI ❌", N),
    ("回本周期20个月", "20个月即可回本 ❌", N),
    # the mark sweep over the figures written before what they measure (v114 skipped them: its Left)
    ("客户数为1200家", "✅ 累计服务1200家客户", C),
    ("客户数为1200家", "❌ 累计服务1200家客户", C),  # a cross opening a line labels a cons list (v65)
    ("回收期为20个月", "✅ 正确：约20个月的回收期 ❌ 错误：其余条款另行说明", C),
    ("回收期为20个月", "❌ 错误：约20个月的回收期 ✅ 正确：其余条款另行说明", N),
    ("ROI 20%", "Item (20%的ROI): ✅", C),
    ("ROI 20%", "Item (20%的ROI): ❌", N),
    ("合同金额为1200万元", "双方签订了1200万元的合同：✅", C),
    ("合同金额为1200万元", "双方签订了1200万元的合同：❌", N),
    ("ROI 20%", "✅ Right: In short, a 20% ROI is very likely ❌ Wrong: Other terms apply", C),
    ("ROI 20%", "竞品(20%的ROI)", N),
]

ROWS = (
    CODE_ROWS
    + UNIT_AFTER_ROWS
    + DATE_ROWS
    + RANGE_ROWS
    + LATER_ROWS
    + BELIED_ROWS
    + SIGN_LINK_ROWS
    + LEAD_IN_ROWS
    + SAVED_ROWS
    + SIGNED_RATE_ROWS
    + RESTATED_ROWS
    + COMPARED_ROWS
    + SPLIT_ROWS
    + YES_ROWS
    + LINE_ROWS
    + MARK_ROWS
)

# the covered rows as the sweeps read them (`benchmarks/credit_mutations.covered_rows`: point, answer, forms,
# "covered"), so that every sweep rewrites the answers of this version's classes too
# (not the rows that hold verdict marks: a line of two marked statements is no base for the sweeps' rewrites - a 吗？
# they append asks the second statement, not the point's)
SWEPT_ROWS = [
    (point, answer, None, C) for point, answer, expected in ROWS if expected == C and not {"❌", "✅"} & set(answer)
]


def test_the_scorer_is_v115_or_later() -> None:
    assert SCORER_VERSION >= 115


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS + TOPIC_ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        ("保证收益", "能保证收益吗？没问题。", True),
        ("保证收益", "能保证收益吗？当然可以。", True),
        ("guaranteed returns", "Do you offer guaranteed returns? Sure.", True),
        ("保证收益", "能保证收益吗？不能。", False),
        ("保证收益", "能保证收益吗？没问题的话再说。", False),
        ("ROI 20%", "A 20% ROI is very likely (✅)", True),
        ("ROI 20%", "A 20% ROI is very likely (❌)", False),
    ],
)
def test_claim_rows(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(
    ("point", "is_a_code"),
    [
        ("v3.2", True),
        ("inv-204817", True),
        ("qwen3-8b", True),
        ("h100", True),
        ("私有化部署", False),
        ("pci dss 4.0", False),  # a name and its version: a text point with words
        ("2024", False),
        ("20%", False),
        ("saas", False),
    ],
)
def test_a_code_point_is_one_run_of_letters_and_digits(point: str, is_a_code: bool) -> None:
    assert a_code_point(point) is is_a_code
