"""Scorer version 28: an over-reach audit of v25-v27's rules that credit less. A correct statement keeps its credit:
a "now" figure of another quantity is no new value of a former one (两个月前回款860万元，目前剩余340万元), nor is a
time gone by (现在2年过去了) or a calendar year after an arrow (20个月 → 2026年开始盈利); a price on its own terms is
no guess ($500, or $450 with annual billing; 500元或450元（年付）); a bracketed header 回收期（月数） gives its
numbers 个月. And some 250 rows and 29 long answers that use the new rules' words in innocent senses stay credited."""

from __future__ import annotations

from pathlib import Path

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.scenarios import Case, load_scenarios
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 28


# --- 1. the rows v27 got wrong ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # a "now" that gives another quantity (v27: negated)
        ("1200万元", "此前已签约1200万元，目前已回款860万元。", "covered"),
        ("860万元", "两个月前回款860万元，目前剩余340万元待回款。", "covered"),
        ("860万元", "截至上个月已回款860万元，现在剩余340万元。", "covered"),
        ("20 months", "Last year we estimated 20 months; the client count is now 27.", "covered"),
        # a time gone by after the "now" (v27: negated)
        ("20个月", "两年前测算回收期为20个月，现在2年过去了，结论不变。", "covered"),
        # a calendar year after an arrow (v27: negated)
        ("20个月", "回收期20个月 → 2026年开始盈利。", "covered"),
        ("20个月", "回收期20个月→2026年进入盈利期。", "covered"),
        # a price on its own terms (v27: negated)
        ("$500", "Price: $500 (or $450 with annual billing discount).", "covered"),
        ("$500", "Price: $500, or $450 with annual billing.", "covered"),
        ("$500", "Price: $500 or $450 if billed annually.", "covered"),
        ("500 dollars", "Price: 500 dollars, or 450 dollars with annual billing.", "covered"),
        ("500元", "价格500元或450元（年付）。", "covered"),
        # a bracketed header that counts months (v27: missing)
        ("20个月", "| 项目 | 回收期（月数） |\n|---|---|\n| A | 20 |", "covered"),
    ],
)
def test_the_rows_v27_got_wrong(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


# --- 2. the rules' purpose is kept ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "两年前回收期是20个月，现在是24个月。", "negated"),
        ("20个月", "去年回收期为20个月，目前回收期为24个月。", "negated"),
        ("20个月", "之前预计回收期为20个月，现在预计为24个月。", "negated"),
        ("20个月", "回收期原为20个月，现调整为24个月。", "not covered"),
        ("20 months", "Last year payback was 20 months; now payback is 24 months.", "negated"),
        ("20 months", "Originally 20 months, the payback is now 24 months.", "not covered"),
        ("20个月", "回收期：20个月 → 24个月", "not covered"),
        ("20个月", "回收期20个月→2026年12月", "covered"),
        ("2020年", "签约时间：2020年 → 2021年", "not covered"),
        ("$1.2 million", "$1.2 million or $1.5 million.", "not covered"),
        ("$500", "The price is $500 or $600 per month.", "not covered"),
        ("500元", "价格500元或450元。", "not covered"),
        ("20个月", "| 项目 | 回收期（月份） |\n|---|---|\n| A | 20 |", "not covered"),
    ],
)
def test_the_rules_still_deny(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


# --- 3. the new rules' words in innocent senses ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("5000元", "我们一块儿讨论后决定，每月费用为5000元。", "covered"),
        ("3块", "屏幕被分成3块显示。", "covered"),
        ("1年", "一年一度的审计将在下月进行；合同期限为1年。", "covered"),
        ("1年", "合同期限为1年，每年一度续签。", "covered"),
        ("6个月", "按季度汇报进展，整体回收期为6个月。", "covered"),
        ("6个月", "季度复盘显示，回收期为6个月。", "covered"),
        ("6个月", "每季度报告一次；项目回收期约6个月。", "covered"),
        ("20个月", "申请→审批→放款全流程上线后，回收期为20个月。", "covered"),
        ("20个月", "流程：申请 → 审批 → 放款。回收期为20个月。", "covered"),
        ("20个月", "回收期为20个月。\n\n流程：申请→审批→放款", "covered"),
        (
            "1200万元",
            "| 厂商 | 报价 | 私有化 |\n|---|---|---|\n| 我方 | 1200万元 | ✅ |\n| 竞品A | 1500万元 | ❌ |",
            "covered",
        ),
        (
            "1200万元",
            "| 厂商 | 私有化 | 报价 |\n|---|---|---|\n| 我方 | ✅ | 1200万元 |\n| 竞品A | ❌ | 1500万元 |",
            "covered",
        ),
        ("1200万元", "| 指标 | 我方 | 竞品 |\n|---|---|---|\n| 报价 | 1200万元 | ❌ 不支持 |", "covered"),
        ("20个月", "虽然市场推广很难，回收期预计为20个月。", "covered"),
        ("20个月", "很难说市场会怎样变化，但回收期为20个月。", "covered"),
        ("20个月", "回收期为20个月。很难想象更快的方案。", "covered"),
        ("20个月", "项目需在2025年6月之前完成验收，回收期为20个月。", "covered"),
        ("20个月", "请在月底之前提交材料。回收期为20个月。", "covered"),
        ("20个月", "上线之前回收期测算为20个月，现在复核后仍为20个月。", "covered"),
        ("20个月", "回收期为20个月，这比之前的测算更稳健。", "covered"),
        ("20个月", "去年我们签约了华信银行，回收期为20个月，现在正在实施中。", "covered"),
        ("24个月", "两年前我们启动项目，现在回收期为24个月。", "covered"),
        ("20个月", "去年启动的项目回收期为20个月，目前进展顺利。", "covered"),
        ("20个月", "去年回收期是20个月，目前仍是20个月。", "covered"),
        ("20%", "收入不仅增长了20%，利润也大幅提升。", "covered"),
        ("20%", "Revenue not only increased 20% but margins also improved.", "covered"),
        ("20%", "Revenue increased 20%, not only in Asia but also in Europe.", "covered"),
        ("3个百分点", "不良率没有上升，反而下降了3个百分点。", "covered"),
        ("20%", "成本没有上升，效率提升了20%。", "covered"),
        ("20%", "Costs did not rise; efficiency improved by 20%.", "covered"),
        ("20%", "Claims processing time fell by 20%.", "covered"),
        ("20%", "The claims processing team cut handling time by 20%.", "covered"),
        ("20%", "Our claims processing system reduced fraud losses by 20%.", "covered"),
        ("$1.2 million", "The deal is worth $1.2 million.", "covered"),
        ("$1.2 million", "It is not just a pilot; the deal is worth $1.2 million.", "covered"),
        ("$1.2 million", "Update: the contract value is $1.2 million.", "covered"),
        ("$1.2 million", "We shipped Update 3.2 last week. The contract value is $1.2 million.", "covered"),
        ("20 months", "## Update\nThe payback period is 20 months.", "covered"),
        ("20 months", "**Update:** The payback period is 20 months.", "covered"),
        ("20 months", "Status update: payback is 20 months.", "covered"),
        ("24个月", "更新：回收期为24个月。", "covered"),
        ("20 months", "It is hard to say how the market will move, but payback is 20 months.", "covered"),
        ("20 months", "Payback is 20 months. It is unlikely that competitors match this.", "covered"),
        ("20 months", "Payback is 20 months; a faster payback is unlikely.", "covered"),
        ("20 months", "Payback is expected within 20 months.", "covered"),
        ("20 months", "The team is confident payback will happen within 20 months.", "covered"),
        ("20 months", "Two years ago we started the project; payback is now 20 months.", "covered"),
        ("20 months", "Last year we signed the client. Payback is 20 months, and the project is now live.", "covered"),
        ("$500", "The license costs $500 per seat; support costs $100-$200.", "covered"),
        ("$600", "Prices rose from $500 to $600.", "covered"),
        ("20%", "Growth exceeds 20%.", "not covered"),
        ("20%", "Growth reached 20%, which exceeds the target of 15%.", "covered"),
        ("20%", "Growth of 20% surpasses last year's 15%.", "covered"),
        ("20%", "Growth was 20%, surpassing last year's 15%.", "covered"),
        ("1997年", "公司成立于1997年，总部位于苏州。", "covered"),
        ("4300人", "员工约4300人，一年一度举办技术大会。", "covered"),
        ("4300人", "员工4300人，三天两头有新项目。", "covered"),
        ("5分钟", "审批时间缩短至5分钟，一天到晚都能处理。", "covered"),
        ("85%", "自动化率达到85%，十全十美的方案并不存在。", "covered"),
        ("85%", "自动审批率为85%（八成五）。", "covered"),
        ("1200万元", "合同金额1200万元，三番五次沟通后确定。", "covered"),
        ("860万元", "该客户声称预算有限，实际签约金额为860万元。", "covered"),
        ("860万元", "The client claims team approved the budget. 签约金额为860万元。", "covered"),
        ("$1.2 million", "The vendor claims to be the market leader; our contract is worth $1.2 million.", "covered"),
        ("20个月", "回收期为20个月，不太可能出现大幅延迟。", "covered"),
        ("20个月", "回收期为20个月，超支的可能性很小。", "covered"),
        ("20个月", "回收期20个月，可能性很小的风险包括政策变化。", "covered"),
        ("20个月", "回收期：20个月 ✅", "covered"),
        ("20个月", "| 方案 | 回收期 |\n|---|---|\n| 我方 | 20个月 ✅ |\n| 竞品 | 30个月 ❌ |", "covered"),
        (
            "20 months",
            "| Vendor | Payback | On-prem |\n|---|---|---|\n| Us | 20 months | ✅ |\n| Rival | 30 months | ❌ |",
            "covered",
        ),
        ("6个月", "| 阶段 | 月数 |\n|---|---|\n| 实施 | 6 |", "covered"),
        ("2020年", "2020年签约，去年完成一期验收，现在进入二期。", "covered"),
        ("2020年3月", "双方2020年3月相识，当时刘敏在安泰人寿任职，现在已经是CTO。", "covered"),
        ("实施中", "去年启动，目前实施中。", "covered"),
        ("340万元", "之前的报价是340万元，现在仍维持340万元。", "covered"),
        ("340万元", "已回款340万元；此前双方签约1200万元。", "covered"),
        ("20%", "目标是提升20%，而不是降低。", "covered"),
        ("20%", "效率提升20%，并没有降低质量。", "covered"),
        ("20%", "没有任何问题，效率提升20%。", "covered"),
        ("20%", "No doubt about it: efficiency rose 20%.", "covered"),
        ("20%", "There was no downtime, and throughput increased 20%.", "covered"),
        ("5800亿元", "资产规模5800亿元，之前在2019年突破5000亿元。", "covered"),
        ("5800亿元", "资产规模达5800亿元（去年为5200亿元）。", "covered"),
        ("5800亿元", "资产规模：5200亿元→5800亿元（同比增长11.5%）。", "covered"),
        ("5800亿元", "资产规模从5200亿元增长到5800亿元。", "covered"),
        ("5800亿元", "去年资产规模5200亿元，现在5800亿元。", "covered"),
        ("78%", "告警降噪78%，比以前的人工方式效率更高。", "covered"),
        ("78%", "以前告警量很大，上线后降噪78%。", "covered"),
        ("78%", "以前告警量很大，现在降噪78%。", "covered"),
        ("12分钟", "以前平均处理时长12分钟，现在3分钟。", "not covered"),
        ("12分钟", "目前平均处理时长12分钟，之前需要手工核对。", "covered"),
        ("12分钟", "平均处理时长12分钟（之前未统计），现在计划优化。", "covered"),
        ("27个", "共有27个系统需要整合，之前已完成5个，现在还剩22个。", "covered"),
        ("1200万元", "The contract is ¥1200万元, not to exceed ¥1500万元.", "covered"),
        ("200万元", "年费200万元，实施费用另计100-150万元。", "covered"),
        ("200万元", "年费200万元至250万元之间。", "not covered"),
        ("20个月", "回收期20个月，比去年预测的24个月更短。", "covered"),
        ("20个月", "回收期为20个月。\n\n> 注：去年测算为24个月，现在更新为20个月。", "covered"),
        ("20个月", "回收期为20个月（去年测算为24个月）。", "covered"),
        ("4300人", "员工人数：4300人（2023年底）", "covered"),
        ("4300人", "员工人数 4300人，比两年前的3800人增长13%，现在仍在扩张。", "covered"),
        ("$2 billion", "Revenue reached $2 billion, and costs never rose above plan.", "covered"),
        ("$2 billion", "We never compromised on quality; revenue reached $2 billion.", "covered"),
        ("$2 billion", "Revenue has never been higher: $2 billion in FY2023.", "covered"),
        ("500 employees", "The firm doesn't have a large office, but it has 500 employees.", "covered"),
        ("500 employees", "It has 500 employees and does not have plans to hire.", "covered"),
        ("March 2024", "The product did not launch in Europe first; it launched in March 2024 in Asia.", "covered"),
        ("March 2024", "Launch: March 2024. We did not launch in 2023 as planned.", "covered"),
        ("March 2024", "The product launched in March 2024 and did not change pricing.", "covered"),
        ("20 months", "Payback: 20 months. It is not unlikely to improve further.", "covered"),
        ("20 months", "Payback is 20 months, which is not unusual.", "covered"),
        ("20 months", "Payback within 20 months is likely.", "covered"),
        ("20 months", "Payback within 20 months is highly likely.", "covered"),
        ("20 months", "We expect payback in 20 months; slippage is unlikely.", "covered"),
        ("20 months", "Payback in 20 months is achievable, though a 12-month payback is unlikely.", "covered"),
        ("20个月", "20个月回本是可以实现的，10个月则很难。", "covered"),
        ("20个月", "预计20个月内实现回本，难度不大。", "covered"),
        ("20个月", "虽然有难度，但可以在20个月内实现回本。", "covered"),
        ("20个月", "很难得的是，项目在20个月内实现回本。", "covered"),
        ("20 months", "Note: payback is 20 months.", "covered"),
        ("20 months", "## Risks\n- Delays are unlikely.\n\n## Payback\n20 months.", "covered"),
        ("20 months", "Payback: 20 months (confirmed).", "covered"),
        ("20 months", "Payback: 20 months (not 18 months as rumored).", "covered"),
        ("20 months", "Payback: 20 months → break-even in Q3 2025.", "covered"),
        ("20 months", "Payback: 20 months -> then profit.", "covered"),
        ("20个月", "回收期20个月 → 第三年开始盈利。", "covered"),
        ("20个月", "回收期20个月→进入盈利期。", "covered"),
        ("5分钟", "审批时长：5分钟 → 放款时长：1小时", "covered"),
        ("1200万元", "合同金额1200万元 → 首付款360万元。", "covered"),
        ("1200万元", "申请 → 审批 → 合同金额1200万元 → 放款", "covered"),
        ("20%", "| Feature | Us | Rival |\n|---|---|---|\n| Efficiency gain | 20% | ❌ |", "covered"),
        ("20%", "| Feature | Us | Rival |\n|---|---|---|\n| Efficiency gain | 20% ✅ | 10% ❌ |", "covered"),
        ("20%", "- Efficiency gain: 20% ✅\n- On-prem: ❌", "covered"),
        ("20%", "效率提升20% ✓", "covered"),
        ("PCI DSS", "The vendor claims PCI DSS compliance; we verified the PCI DSS certificate.", "covered"),
        ("860万元", "理赔处理（claims processing）系统合同额860万元。", "covered"),
        ("$1.2 million", "Our claims platform deal is worth $1.2 million.", "covered"),
        ("$1.2 million", "The insurer's claims system contract is $1.2 million.", "covered"),
        (
            "$500",
            "Pricing: $500/month; the enterprise tier is $500-$600 per seat annually? No: $500/month flat.",
            "covered",
        ),
        ("$500", "Plans: Basic $500, Pro $900.", "covered"),
        ("$500", "The fee is $500 per month (or $5,000 per year).", "covered"),
        ("$500", "Fee: $500 / month, or $5,000 / year.", "covered"),
        ("500元", "月费500元，或年费5000元。", "covered"),
        ("500元", "月费500元（年付则为5000元）。", "covered"),
        ("20%", "Growth exceeded 20% last quarter? No — growth was exactly 20%.", "covered"),
        ("20%", "Target: growth of at least 20%; actual: 20%.", "covered"),
        ("20%", "Efficiency rose 20%, exceeding the plan.", "covered"),
        ("20%", "Efficiency rose 20%, surpassing expectations.", "covered"),
        ("20%", "效率提升20%，超过预期。", "covered"),
        ("20%", "效率提升20%，超过行业平均水平。", "covered"),
        ("6个月", "实施周期6个月（约两个季度）。", "covered"),
        ("6个月", "实施周期为两个季度，即6个月。", "covered"),
        ("6个月", "按季度付款，实施6个月。", "covered"),
        ("6个月", "Q2启动，实施6个月。", "covered"),
        ("6个月", "第二季度启动，实施周期6个月。", "covered"),
        ("3个月", "试点3个月，一个季度后评估。", "covered"),
        ("6 months", "The pilot runs 6 months; results are reviewed quarterly.", "covered"),
        ("6 months", "A quarter of the budget is spent in the first 6 months.", "covered"),
        ("12", "| Month | Revenue |\n|---|---|\n| 12 | 500 |", "covered"),
        ("5800亿元", "资产规模约5800亿元（一年一度的年报口径）。", "covered"),
        ("1年", "质保1年，一年一度回访。", "covered"),
        ("3天", "交付周期3天，三天两头催单的情况已消除。", "covered"),
        ("10个", "共10个模块，十全十美的系统不存在。", "covered"),
        ("1天", "故障恢复时间不超过1天，7×24小时值守。", "covered"),
        ("1天", "7×24小时值守；故障恢复时间为1天。", "covered"),
        ("5000元", "月费5000块。", "covered"),
        ("3块", "分成3块屏幕", "covered"),
        ("100元", "充值100块钱即可。", "covered"),
        ("1200万元", "壹仟贰佰万元整（1200万元）", "covered"),
        ("85%", "自动审批率85%（约八成五）", "covered"),
        (
            "20 months",
            "Last year we estimated payback at 20 months; the estimate is now confirmed at 20 months.",
            "covered",
        ),
        ("20 months", "Two years ago we started; payback is 20 months and revenue is now $2 million.", "covered"),
        ("24 months", "Two years ago payback was 20 months; now it is 24 months.", "covered"),
        ("20个月", "当时测算回收期20个月，现在实际回收期也是20个月。", "covered"),
        ("20个月", "去年签约时回收期测算为20个月，目前客户数为27个。", "covered"),
        ("20 months", "At the time payback was 20 months; now the team has 12 people.", "covered"),
        ("20个月", "之前预计回收期为20个月，现在预计为24个月。", "not covered"),
        ("20个月", "去年回收期为20个月，目前回收期为24个月。", "not covered"),
        ("20 months", "Last year payback was 20 months; now payback is 24 months.", "not covered"),
        ("20%", "虽然价格没有变化，但效率提升了20%。", "covered"),
        ("20%", "我们没有增加人手，效率提升20%。", "covered"),
        ("20%", "没有增加成本的情况下，效率提升20%。", "covered"),
        ("20%", "效率提升20%，没有增加任何成本。", "covered"),
        ("20%", "Without increasing headcount, efficiency rose 20%.", "covered"),
        ("20%", "We did not increase headcount, yet efficiency rose 20%.", "covered"),
        ("20%", "Efficiency rose 20% and did not decline afterwards.", "covered"),
        ("20%", "Headcount didn't grow; efficiency grew 20%.", "covered"),
        ("20%", "Not only did efficiency rise 20%, costs fell too.", "covered"),
        ("20%", "不仅效率提升了20%，成本也下降了。", "covered"),
        ("20%", "效率不但提升了20%，而且更稳定。", "covered"),
        ("20%", "毫无疑问，效率提升了20%。", "covered"),
        ("20%", "效率提升了20%，这一点没有疑问。", "covered"),
        ("20%", "效率提升20%，不会降低服务质量。", "covered"),
        ("$1.2 million", "The deal, which is not small, is worth $1.2 million.", "covered"),
        ("$1.2 million", "This is not a pilot. The contract is worth $1.2 million.", "covered"),
        ("$2 billion", "Revenue never dipped: it reached $2 billion.", "covered"),
        ("$2 billion", "Revenue reached $2 billion, a level never reached before.", "covered"),
        ("20 months", "Payback in 20 months is not hard to achieve.", "covered"),
        ("20 months", "It is not difficult: payback takes 20 months.", "covered"),
        ("20 months", "Payback is 20 months; it cannot be achieved faster.", "covered"),
        ("20 months", "Payback takes 20 months, which cannot be shortened much.", "covered"),
        ("20个月", "回收期20个月，很难再缩短。", "covered"),
        ("20个月", "回收期为20个月，很难进一步压缩。", "covered"),
        ("20个月", "在20个月内实现回本并不难。", "covered"),
        ("20个月", "很难相信，但确实在20个月内实现了回本。", "covered"),
        ("20个月", "回本确实很难，我们用了20个月才实现。", "covered"),
        ("20 months", "Update your records: payback is 20 months.", "covered"),
        ("20 months", "Payback is 20 months. Update: the board approved the plan.", "covered"),
        ("20个月", "回收期为20个月。更新：董事会已批准该方案。", "covered"),
        ("20个月", "回收期为20个月。更新：客户数增至27个。", "covered"),
        ("20 months", "Payback is 20 months. Update: headcount is now 12.", "covered"),
        ("20 months", "Payback is 20 months. Update: we signed 3 more clients.", "covered"),
        ("20个月", "回收期为20个月。\n\n**更新**：合同额为1200万元。", "covered"),
        ("20个月", "回收期为20个月 ✔", "covered"),
        ("20个月", "回收期为20个月 ✅ 竞品为30个月 ❌", "covered"),
        ("20个月", "- 回收期：20个月\n- 私有化：❌", "covered"),
        ("20个月", "| 回收期 | 20个月 | ❌ 竞品无此数据 |", "covered"),
        ("1200万元", "合同额1200万元 ➡ 下一步：签署补充协议。", "covered"),
        ("1200万元", "合同额1200万元 → 已回款860万元 → 待回款340万元", "covered"),
        ("860万元", "合同额1200万元 → 已回款860万元 → 待回款340万元", "covered"),
        ("340万元", "合同额1200万元 → 已回款860万元 → 待回款340万元", "covered"),
        ("5分钟", "审批：2小时 → 5分钟", "covered"),
        ("2小时", "审批：2小时 → 5分钟", "not covered"),
        ("20 months", "Payback: 20 months -> 24 months", "not covered"),
        ("$500", "The price is $500, which exceeds the budget of $400.", "covered"),
        ("$500", "At $500, the price exceeds last year's $400.", "covered"),
        ("20%", "Growth of over 20%.", "not covered"),
        ("20%", "Margins exceed 20%. Specifically, margins are 20%.", "covered"),
        ("1200万元", "华信银行声称预算为1500万元，但最终合同额为1200万元。", "covered"),
        ("1200万元", "合同额为1200万元，客户声称这是今年最大的项目。", "covered"),
        ("1200万元", "The vendor claims its platform is the fastest. Our contract: 1200万元.", "covered"),
        (
            "1200万元",
            "Contract: 1200万元. The client claims to be the largest bank in the region, which we could not verify.",
            "covered",
        ),
        ("6个月", "实施期6个月，按季度分两期。", "covered"),
        ("6个月", "实施期为6个月，跨越两个季度。", "covered"),
        ("6个月", "| 阶段 | 季度 | 时长 |\n|---|---|---|\n| 实施 | Q1-Q2 | 6个月 |", "covered"),
        ("3个月", "一个季度的试点期为3个月。", "covered"),
        ("1年", "合同期1年，季度考核。", "covered"),
        ("20", "| Months | Notes |\n|---|---|\n| 20 | payback |", "covered"),
        ("12个月", "| 月份 | 收入 |\n|---|---|\n| 12 | 500万 |", "not covered"),
        ("20个月", "两年前启动，回收期20个月。", "covered"),
        ("20个月", "两年前回收期是20个月。", "covered"),
        ("20个月", "项目两年前启动，当时测算回收期为20个月，现在复核后仍为20个月。", "covered"),
        ("20个月", "之前测算回收期为20个月，现在已经验证。", "covered"),
        ("20个月", "之前测算的回收期为20个月，目前团队有12人。", "covered"),
        ("20个月", "去年测算回收期20个月，现在客户增加到27个。", "covered"),
        ("20 months", "At the time we estimated 20 months, and it is now confirmed.", "covered"),
        ("20 months", "Two years ago we estimated 20 months; now, 2 years later, it is confirmed.", "covered"),
        ("1200万元", "去年签约1200万元，今年续约1500万元。", "covered"),
    ],
)
def test_innocent_senses(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


# --- 4. long, correct answers ---


def _shipped(case_id: str) -> Case:
    root = Path(__file__).resolve().parents[2] / "scenarios"
    return next(c for c in load_scenarios([root]) if c.id == case_id)


@pytest.mark.parametrize(
    ("case_id", "answer"),
    [
        (
            "roi_calculation",
            "## 计算结果\n"
            "\n"
            "| 指标 | 数值 |\n"
            "|---|---|\n"
            "| 年净节省额 | 90万元 |\n"
            "| 静态回收期 | 20个月 |\n"
            "| 三年ROI | 50% |\n"
            "\n"
            "### 推导\n"
            "- 年人力节省：15人 × 8万元 = 120万元\n"
            "- 年净节省额：120万元 − 30万元运维费 = 90万元\n"
            "- 静态投资回收期：150 ÷ 90 ≈ 1.67年，即20个月（约一年零八个月，不到两"
            "个季度的误差范围内可视为20个月）\n"
            "- 三年总节省：120万 × 3 = 360万元；三年总投入：150万 + 30万 × 3 = 24"
            "0万元\n"
            "- 三年ROI = (360 − 240) ÷ 240 = 50%\n"
            "\n"
            "> 注：一年一度的运维合同续签不影响上述测算；之前有同事按季度口径估算"
            "过，结果一致。\n"
            "\n"
            "## 风险与说明\n"
            "- 客服人数没有下降到预期水平时，节省额会低于120万。\n"
            "- 流程：需求确认 → 上线 → 人员优化，三步完成后才开始产生节省。",
        ),
        (
            "roi_calculation",
            "**结论**：年净节省额为90万元，回收期20个月，三年ROI为50%。\n"
            "\n"
            "1. 每年节省人力成本：15 × 8 = 120万元。\n"
            "2. 扣除运维费后的年净节省：90万元。\n"
            "3. 回收期：150 ÷ 90 = 1.67年 = 20个月。\n"
            "4. 三年累计节省360万元，三年总投入240万元（150万 + 90万运维）。\n"
            "5. ROI：(360 − 240) / 240 = 50%。\n"
            "\n"
            "更新：以上均按静态口径计算，没有考虑资金时间价值。很难说实际效果会完"
            "全一致，但测算口径清晰。去年同类项目的经验也说明，人员优化通常在上线"
            "后一个季度内完成。",
        ),
        (
            "kb_company_background",
            "# 华信银行概况\n"
            "\n"
            "- **成立时间**：1997年\n"
            "- **总部**：苏州\n"
            "- **资产规模**：5800亿元（去年年报口径，一年一度披露）\n"
            "- **员工**：4300人\n"
            "\n"
            "## 主要痛点\n"
            "1. 信用卡欺诈损失持续上升，三天两头出现新型盗刷手法。\n"
            "2. 风控依赖人工复核，审批流程：申请 → 人工复核 → 放款，效率较低。\n"
            "\n"
            "> Note: 以上数据来自之前整理的客户档案，截至本季度仍有效。",
        ),
        (
            "kb_company_background",
            "华信银行成立于1997年，总部设在苏州，目前资产规模约5800亿元，员工4300"
            "人左右。\n"
            "\n"
            "**业务痛点**\n"
            "| 痛点 | 现状 | 我方方案 |\n"
            "|---|---|---|\n"
            "| 信用卡欺诈 | 损失上升 | ✅ 实时反欺诈 |\n"
            "| 人工复核 | 占用大量人力 | ✅ 智能审核 |\n"
            "| 竞品覆盖 | ❌ 无本地化部署 | ✅ 私有化 |\n"
            "\n"
            "很难一概而论，但从两年前开始，客户就把信用卡欺诈列为头号风险，现在仍"
            "然如此。",
        ),
        (
            "kb_cooperation_history",
            "## 合作历史\n"
            "\n"
            "双方自2020年开始合作：\n"
            "- 2020年签约一期：860万元（已验收）\n"
            "- 二期智能风控平台：合同额1200万元，目前实施中，已回款860万元之外的部"
            "分尚待结算\n"
            "- 待回款：340万元\n"
            "\n"
            "> 更新：二期仍处于实施中，预计下季度完成验收。之前的会议纪要中，客户"
            "没有提出新的需求变更。",
        ),
        (
            "kb_cooperation_history",
            "Summary of the relationship:\n"
            "\n"
            "1. We started working with the client in 2020年.\n"
            "2. First project: 860万元, delivered and accepted.\n"
            "3. Second project (智能风控平台): contract value 1200万元; status: 实"
            "施中.\n"
            "4. Outstanding receivable: 340万元.\n"
            "\n"
            "Note: the payment schedule did not change last quarter. 此前已签约12"
            "00万元，目前已回款860万元，剩余340万元。",
        ),
        (
            "kb_product_recommendation",
            "## 推荐方案：信贷审批引擎\n"
            "\n"
            "**理由**\n"
            "- 审批时间从2小时缩短至5分钟；\n"
            "- 自动审批率达到85%；\n"
            "- 报价200万元（或180万元，按年付优惠价）；\n"
            "- 支持私有化部署，满足数据不出行的要求。\n"
            "\n"
            "**参考案例**：华信银行已上线，效果稳定。\n"
            "\n"
            "| 能力 | 我方 | 竞品A |\n"
            "|---|---|---|\n"
            "| 私有化部署 | ✅ | ❌ |\n"
            "| 审批时效 | 5分钟 | 30分钟 |\n"
            "\n"
            "申请 → 审批 → 放款全流程线上化；很难找到更合适的方案。",
        ),
        (
            "kb_product_recommendation",
            "I recommend the 信贷审批引擎.\n"
            "\n"
            "- Approval time: 5分钟 (down from hours).\n"
            "- Auto-approval rate: 85%.\n"
            "- Price: 200万元.\n"
            "- Deployment: 私有化部署 supported.\n"
            "- Reference customer: 华信银行.\n"
            "\n"
            "Caveat: the pricing did not change this year, and it is not only abo"
            "ut speed - compliance matters as well.",
        ),
        (
            "kb_hybrid_retrieval",
            "### 检索结果\n"
            "\n"
            "华信银行的反洗钱监测系统项目：\n"
            "- 合同金额：1200万元\n"
            "- 上线前每日告警8400笔\n"
            "- 核心价值：告警降噪\n"
            "- 降噪比例：78%\n"
            "\n"
            "> 注：当时每日告警8400笔，现在降噪78%后人工只需处理少量告警。以前的规"
            "则引擎很难应对，现在效果明显。",
        ),
        (
            "kb_pain_point_matching",
            "## 安泰人寿痛点匹配\n"
            "\n"
            "| 痛点 | 现状 | 推荐产品 |\n"
            "|---|---|---|\n"
            "| 客服响应慢 | 平均12分钟 | 智能客服 |\n"
            "| 系统分散 | 27个系统 | 数据中台 |\n"
            "| 指标口径不一 | 多套口径 | 指标平台 |\n"
            "\n"
            "- 以前平均等待12分钟，客户满意度下降；\n"
            "- 共有27个系统，之前从未打通；\n"
            "- 建议分两个季度推进：先智能客服，再数据中台和指标平台。\n"
            "\n"
            "**Update**: 以上数据为客户去年提供，今年没有变化。",
        ),
        (
            "kb_relationships",
            "## 关系梳理\n"
            "\n"
            "- **刘敏**：华信银行CIO，与**周晓峰**是大学同学。\n"
            "- **周晓峰**：曾是刘敏的老部下？不——准确地说，周晓峰的老部下在安泰人"
            "寿任职。\n"
            "- 安泰人寿的对接人于2020年3月加入。\n"
            "\n"
            "> 注：上述关系来自之前的拜访记录，当时双方一块儿参加了行业峰会。",
        ),
        (
            "kb_competitor_customers",
            "## 深澜风控云的客户\n"
            "\n"
            "| 客户 | 合同额 | 状态 |\n"
            "|---|---|---|\n"
            "| 华鑫农商银行 | 180万元 | 已上线 |\n"
            "| 瑞丰财险 | 320万元 | 实施中 |\n"
            "| 海东消费金融 | — | 试点 |\n"
            "\n"
            '竞品深澜风控云的客户集中在中小金融机构。声称"全行业第一"的说法无法核'
            "实，但上述客户名单来自公开中标公告。去年它的报价没有明显上调。",
        ),
        (
            "trap_hallucination",
            "## 关于v5.0\n"
            "\n"
            "根据现有资料，**智能风控平台目前最新版本为v3.2**，没有v5.0版本的发布"
            "记录，因此无法给出发布时间。\n"
            "\n"
            "- PCI DSS 4.0认证：资料中没有相关记录，**不能对外声称已通过PCI DSS认"
            "证**。\n"
            "- 认证编号：无。\n"
            "\n"
            "建议向官方或产品团队核实。\n"
            "\n"
            "> Update: 如有新版本发布，请以官网公告为准。",
        ),
        (
            "trap_hallucination",
            "I could not find any record of a v5.0 release. The latest documented"
            " version is v3.2.\n"
            "\n"
            "| Item | Status |\n"
            "|---|---|\n"
            "| v5.0 release date | ❌ not found |\n"
            "| PCI DSS 4.0 | ❌ no record |\n"
            "| Certificate number | ❌ none |\n"
            "\n"
            "Please 核实 with the vendor before quoting anything. The vendor clai"
            "ms processing features were added in v3.2, but a PCI DSS certificate"
            " is not documented.",
        ),
    ],
)
def test_a_correct_answer_to_a_shipped_case_keeps_every_point(case_id: str, answer: str) -> None:
    score = score_answer(_shipped(case_id), answer)
    assert [(p.point, p.status) for p in score.points if p.status != "covered"] == []
    assert score.forbidden_found == []


@pytest.mark.parametrize(
    ("points", "answer"),
    [
        (
            ("1200万元", "860万元", "340万元"),
            "## 回款进展\n\n- 此前已签约1200万元，目前已回款860万元。\n"
            "- 两个月前回款860万元，目前剩余340万元待回款。\n\n> 注：去年签约，现在处于实施中。",
        ),
        (
            ("20个月", "$500"),
            "### Pricing\n\nPrice: $500 per seat, or $450 with annual billing.\n\n"
            "### 回收期\n\n| 项目 | 回收期（月数） |\n|---|---|\n| 智能客服 | 20 |\n\n回收期20个月 → 2026年开始盈利。",
        ),
        (
            ("20 months",),
            "## Payback\n\nLast year we estimated 20 months; the client count is now 27. Two years on, no change.",
        ),
        (
            ("20 months", "$1.2 million", "24%"),
            "## Executive summary\n"
            "\n"
            "The project pays back in **20 months**. The contract is worth $1.2 m"
            "illion, and gross margin reached 24%.\n"
            "\n"
            "### Comparison with last year\n"
            "- Last year the margin was 18%; it is not only higher now, it is als"
            "o more stable.\n"
            "- Costs did not rise above plan.\n"
            "\n"
            "### Risks\n"
            "- A faster payback is unlikely, but 20 months is achievable.\n"
            "- Note: the claims processing module is out of scope.\n"
            "\n"
            "Update: figures confirmed by finance on Friday.",
        ),
        (
            ("500 employees", "2019", "Shanghai"),
            "**Company profile**\n"
            "\n"
            "| Field | Value |\n"
            "|---|---|\n"
            "| Founded | 2019 |\n"
            "| HQ | Shanghai |\n"
            "| Headcount | 500 employees |\n"
            "| On-prem support | ✅ |\n"
            "| Public cloud only | ❌ |\n"
            "\n"
            "The firm doesn't have a European office yet. It never compromised on"
            " data residency. Two years ago it had 300 staff; it has 500 employee"
            "s now.",
        ),
        (
            ("March 2024", "v3.2", "40%"),
            "### Release history\n"
            "\n"
            "- v3.0 → v3.1 → v3.2: the current release, v3.2, shipped in March 20"
            "24.\n"
            "- The product did not launch in Europe first; it launched in Asia.\n"
            "- Latency dropped 40% compared with v3.1.\n"
            "\n"
            '> Note: "Update 3" is the name of the mobile release train, unrelate'
            "d to v3.2.",
        ),
        (
            ("6 months", "$500", "99.9%"),
            "## Pilot plan\n"
            "\n"
            "1. Duration: 6 months (two quarters), reviewed quarterly.\n"
            "2. License: $500 per seat per month, or $450 with annual billing.\n"
            "3. SLA: 99.9% uptime.\n"
            "\n"
            "**Caveats**\n"
            "- It is hard to predict adoption, but the SLA did not change.\n"
            "- A quarter of the budget goes to training.",
        ),
        (
            ("1200万元", "20个月", "85%"),
            "## 项目概览\n"
            "\n"
            "- 合同金额：1200万元（壹仟贰佰万元整）\n"
            "- 回收期：20个月\n"
            "- 自动化率：85%（八成五）\n"
            "\n"
            "### 与去年对比\n"
            "去年自动化率为70%，现在提升到85%，提升了15个百分点。\n"
            "\n"
            "### 风险\n"
            "- 很难说宏观环境是否变化，但回收期测算稳健。\n"
            "- 一年一度的监管检查安排在第四季度。",
        ),
        (
            ("3个百分点", "1.2%", "华信银行"),
            "### 不良率分析（华信银行）\n"
            "\n"
            "| 指标 | 去年 | 今年 |\n"
            "|---|---|---|\n"
            "| 不良率 | 4.2% | 1.2% |\n"
            "\n"
            "不良率没有上升，反而下降了3个百分点，目前为1.2%。\n"
            "\n"
            "> 注：之前口径为逾期90天以上，现在口径不变。",
        ),
        (
            ("5分钟", "200万元", "私有化部署"),
            "**方案要点**\n"
            "\n"
            "- 审批时效：5分钟\n"
            "- 报价：200万元（年付则为180万元）\n"
            "- 部署：私有化部署 ✅；纯SaaS ❌\n"
            "\n"
            "流程：申请 → 自动审批 → 人工抽检 → 放款。之前需要两天，现在5分钟内完"
            "成。大家一块儿评审后确认了这一方案。",
        ),
        (
            ("$2 billion", "12%", "2023"),
            "## Financial highlights (FY2023)\n"
            "\n"
            "- Revenue reached $2 billion in 2023.\n"
            "- Growth of 12% surpassed the industry average.\n"
            "- Operating costs never exceeded budget.\n"
            "\n"
            "### Note\n"
            "The company claims team (insurance claims processing) grew fastest. "
            "Revenue has never been higher.",
        ),
        (
            ("24个月", "360万元"),
            "## 测算\n"
            "\n"
            "- 三年总节省：360万元\n"
            "- 回收期：24个月\n"
            "\n"
            "两年前我们启动了该项目，现在回收期测算为24个月。去年客户签约，目前处"
            "于实施阶段。很难得的是，客户没有提出任何变更。",
        ),
        (
            ("12分钟", "27个"),
            "### 现状诊断\n"
            "\n"
            "- 平均处理时长：12分钟（之前未做系统统计）\n"
            "- 待整合系统：27个\n"
            "\n"
            "以前客户主要靠人工处理，之前已完成5个系统的整合，现在还剩22个。建议在"
            "6月底之前完成第一阶段。",
        ),
        (
            ("$1.2 million", "18 months"),
            "Deal summary:\n"
            "\n"
            "- Contract value: $1.2 million (not to exceed $1.5 million with chan"
            "ge orders).\n"
            "- Term: 18 months.\n"
            "\n"
            "Status update: the client did not request changes. Payback is expect"
            "ed within 18 months; a shorter payback is unlikely.",
        ),
        (
            ("4300人", "5800亿元"),
            "## 基本信息\n"
            "\n"
            "- 员工人数：4300人，比两年前的3800人增加了500人，现在仍在扩张。\n"
            "- 资产规模：5800亿元（去年为5200亿元）。\n"
            "\n"
            "一年一度的年报显示，资产规模增长主要来自零售业务。三天两头出现的系统"
            "告警已通过智能运维解决。",
        ),
    ],
)
def test_a_correct_answer_keeps_every_point(points: tuple[str, ...], answer: str) -> None:
    for point in points:
        check_status(point, answer, "covered", CN)
