"""Scorer v46: a claim judged, asked or quoted rather than stated.

A negative question asserts its figure (难道ROI不是20%吗？, 毛利率不就是20%吗？, 谁说毛利率不是20%？,
"Isn't the ROI 20%?", "Who says the margin isn't 20%?") - v44 read the 不是 / isn't as a denial - unless
the writer's own other belief follows (ROI不是20%吗？我以为是15%); a question of disbelief denies it
(难道ROI会是20%吗？, ROI怎么可能是20%？, "How could the ROI be 20%?"). A forecast judged over-optimistic,
over-cautious, too high or out of reach is not what the writer says will be (毛利率20%的预测过于乐观,
20%的增长目标不现实, "The 20% margin forecast is too optimistic", "A 20% margin is unrealistic"); 较为保守
and "is realistic" leave it stated. A claim's noun may be parted from its verdict or its "that" by an
appositive ("The claim, repeated by analysts for years, that ...", 毛利率20%这一被多家机构反复引用的说法
并不成立). A verdict in the next table cell of a claim (| 毛利率20% | 错误 |, | margin 20% | ❌ |), a verdict
tagged after it (- FALSE, （错误）) and a myth's label before it (Myth:, 误区一：) reject it. A key's no in
JSON ({"approved": "no"}, {"是否通过": "否"}) is a no, as "Approved: No" is since v36.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status, slowest_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

SUBJECTS_ZH = ("ROI", "毛利率", "净利率", "回报率", "增长率")
SUBJECTS_EN = ("ROI", "margin", "net margin", "return", "growth rate")

# a negative question leans to its figure: it asserts it
RHETORICAL_ROWS: list[Row] = [
    *(("20%", f"难道{s}不是20%吗？", None, C) for s in SUBJECTS_ZH),
    *(("20%", f"{s}不就是20%吗？", None, C) for s in SUBJECTS_ZH),
    *(("20%", f"谁说{s}不是20%？", None, C) for s in SUBJECTS_ZH),
    *(("20%", f"谁能说{s}不是20%？", None, C) for s in SUBJECTS_ZH),
    *(("20%", f"{s}难道不是20%吗？数据很清楚。", None, C) for s in SUBJECTS_ZH),
    *(("20%", f"Isn't the {s} 20%?", None, C) for s in SUBJECTS_EN),
    *(("20%", f"Wasn't the {s} 20% last year?", None, C) for s in SUBJECTS_EN),
    *(("20%", f"Who says the {s} isn't 20%?", None, C) for s in SUBJECTS_EN),
    ("ROI 20%", "Isn't the ROI 20%?", None, C),
    ("20%", "ROI不是20%吗？怎么报告里写的是15%？", None, C),
    ("20%", "- 难道毛利率不是20%吗？显然是。", None, C),
    ("20个月", "难道回收期不是20个月吗？", CN, C),
    ("20 months", "Isn't the payback 20 months?", None, C),
]

# disbelief, a real doubt, a plain question: not stated
DOUBT_ROWS: list[Row] = [
    *(("20%", f"难道{s}会是20%吗？", None, N) for s in SUBJECTS_ZH),
    *(("20%", f"{s}怎么可能是20%？", None, N) for s in SUBJECTS_ZH),
    *(("20%", f"{s}哪有20%？", None, N) for s in SUBJECTS_ZH),
    *(("20%", f"How could the {s} be 20%?", None, N) for s in SUBJECTS_EN),
    *(("20%", f"How can the {s} possibly be 20%?", None, N) for s in SUBJECTS_EN),
    ("20%", "ROI不是20%吗？我以为是15%。", None, N),
    ("20%", "Isn't the ROI 20%? I thought it was 15%.", None, N),
    ("20%", "难道ROI真的是20%吗？", None, N),
    ("20%", "Is the ROI 20%?", None, N),
    ("20%", "ROI是20%吗？", None, N),
    ("20%", "Is the ROI really 20%? I doubt it.", None, N),
    ("20个月", "回收期怎么可能是20个月？", CN, N),
]

JUDGED_NOUNS_ZH = ("预测", "预期", "假设", "估计", "目标", "判断")
JUDGEMENTS_ZH = (
    "过于乐观", "太乐观了", "过于保守", "偏乐观", "过于激进", "难以实现", "不切实际", "偏高", "过高", "遥不可及",
)  # fmt: skip
JUDGED_NOUNS_EN = ("forecast", "projection", "estimate", "assumption", "target", "expectation")
JUDGEMENTS_EN = (
    "is too optimistic", "is overly optimistic", "seems unrealistic", "is too aggressive", "is too conservative",
    "looks over-optimistic", "is unachievable", "is too high", "may be too optimistic", "is wishful thinking",
)  # fmt: skip

# a forecast judged over-optimistic, too cautious, too high or out of reach is not the writer's figure
JUDGED_ROWS: list[Row] = [
    *(
        ("20%", f"毛利率{('', '为', '达到')[i % 3]}20%的{n}{j}。", None, N)
        for i, n in enumerate(JUDGED_NOUNS_ZH)
        for j in JUDGEMENTS_ZH
    ),
    *(("20%", f"The 20% margin {n} {j}.", None, N) for n in JUDGED_NOUNS_EN for j in JUDGEMENTS_EN),
    ("毛利率20%", "毛利率20%的预测过于乐观。", None, N),
    ("20%", "20%的增长目标不现实。", None, N),
    ("20%", "ROI为20%过于乐观。", None, N),
    ("20%", "毛利率能达到20%太乐观了，我们预计在15%左右。", None, N),
    ("20%", "A 20% margin is too optimistic.", None, N),
    ("20%", "Expecting a 20% margin is unrealistic.", None, N),
    ("20%", "A 20% margin seems overly optimistic for a startup.", None, N),
    ("20%", "Management's 20% margin target looks too aggressive.", None, N),
    ("20个月", "回收期20个月的估计过于乐观。", CN, N),
    ("20个月", "20个月的回收期预测偏乐观，更可能是24个月。", CN, N),
    ("20 months", "The 20-month payback estimate is too optimistic.", None, N),
    ("200万元", "年节省200万元的预期过于乐观。", None, N),
    ("20%", "毛利率20%的预测偏乐观。", None, N),
    ("20%", "The 20% margin forecast is overly conservative; we expect 25%.", None, N),
    ("20%", "The 20% margin forecast is somewhat optimistic.", None, N),
]

# a forecast described, or judged sound, stays stated; a judgement of another thing says nothing of it
JUDGED_STATED_ROWS: list[Row] = [
    ("20%", "毛利率为20%的预测较为保守。", None, C),
    ("20%", "毛利率为20%的预测比较合理。", None, C),
    ("20%", "毛利率为20%的目标是可以实现的。", None, C),
    ("20%", "毛利率为20%，前景乐观。", None, C),
    ("20%", "毛利率为20%，过高的库存拖累了现金流。", None, C),
    ("20%", "ROI为20%，过于乐观的估计会误导投资者。", None, C),
    ("20%", "The 20% margin forecast is realistic.", None, C),
    ("20%", "The 20% margin target is achievable.", None, C),
    ("20%", "The current 20% margin is too high to sustain without price increases.", None, C),
    ("20%", "The margin is 20%, and analysts are too optimistic about next year.", None, C),
    ("20%", "Our 20% margin forecast is conservative.", None, C),
    ("20%", "Our 20% margin forecast is rather conservative.", None, C),
    ("20%", "毛利率20%的预测略显保守。", None, C),
    ("20%", "毛利率为20%的目标合理。", None, C),
    ("20%", "毛利率为20%，高于行业平均水平。", None, C),
    ("20%", "The margin is 20%, which is high for the sector.", None, C),
    ("20%", "毛利率为20%，管理层对明年的预测过于乐观。", None, C),
    ("20%", "ROI为20%，但市场对竞争对手的预期过于乐观。", None, C),
]

# a hostile pass: the new rules' words where they judge nothing of the figure
HOSTILE_STATED_ROWS: list[Row] = [
    ("20%", "毛利率为20%，这一水平过高的说法不成立。", None, C),
    ("20%", "毛利率为20%，错误率为3%。", None, C),
    ("20%", "| 指标 | 数值 | 状态 |\n|---|---|---|\n| 毛利率 | 20% | ❌ 未达标 |", None, C),
    ("20%", "❌ 缺点：毛利率只有20%", None, C),
    ("20%", "The margin is 20% - false alarms aside, the model is sound.", None, C),
    ("20%", "ROI: 20% - wrong assumptions could lower it.", None, C),
    ("20%", "毛利率为20%。误区：很多人认为这个水平偏低。", None, C),
    ("20%", "常见误区：忽视现金流。实际上毛利率为20%。", None, C),
    ("20%", "Myth: margins don't matter. In fact the margin is 20%.", None, C),
    ("20%", "破除误区：毛利率为20%，并非外界传言的30%。", None, C),
    ("20%", "A 20% margin is achievable, though some analysts are too optimistic about timing.", None, C),
    ("20%", "毛利率20%的预测并不过于乐观。", None, C),
    ("20%", "The 20% forecast is not too optimistic.", None, C),
    ("20%", "The 20% forecast isn't unrealistic.", None, C),
    ("20%", "毛利率20%的目标并非不现实。", None, C),
    ("20%", "The margin of 20% is a stretch target for peers but we already hit it.", None, C),
    ("20%", "ROI为20%，难道还不够吗？", None, C),
    ("20%", "ROI为20%，怎么可能亏损？", None, C),
    ("20%", "How could we ignore a 20% ROI?", None, C),
    ("20%", "How can a company with a 20% margin fail? Cash flow.", None, C),
    ("20%", "Isn't a 20% ROI good enough?", None, C),
    ("20%", "毛利率为20%，不是吗？", None, C),
    ("20%", "The margin is 20%, isn't it?", None, N),  # v51: flipped - a tag question after the claim asks
    ("20%", "The assumption, which we tested, that the margin is 20% holds.", None, C),
    ("20%", "毛利率20%，难以实现盈利。", None, C),
    ("20%", "毛利率为20%，难以实现的是净利率目标。", None, C),
]

# an appositive between the claim's noun and its "that" or its verdict
APPOSITIVE_ROWS: list[Row] = [
    *(
        ("20%", f"The {n}, repeated by analysts for years, that the margin is 20% {v}.", None, N)
        for n, v in zip(
            ("claim", "idea", "view", "belief", "notion", "assumption"),
            ("is false", "is a myth", "does not hold", "is wrong", "has been debunked", "is unfounded"),
        )
    ),
    *(
        ("20%", f"The {n} - widely repeated - that the margin is 20% {v}.", None, N)
        for n, v in zip(("claim", "idea", "view"), ("is false", "is wrong", "does not hold"))
    ),
    *(
        ("20%", f"The {n} (made in several reports) that the margin is 20% {v}.", None, N)
        for n, v in zip(("claim", "statement", "estimate"), ("is false", "is incorrect", "has been refuted"))
    ),
    ("20%", "The claim that the margin is 20%, which many investors still believe, does not hold.", None, N),
    *(
        ("20%", f"毛利率20%这一{a}的{n}{v}。", None, N)
        for a, n, v in (
            ("被多家机构反复引用", "说法", "并不成立"),
            ("在业内广为流传", "观点", "是错误的"),
            ("曾被管理层多次提及", "判断", "站不住脚"),
            ("被媒体大量转载", "结论", "不符合事实"),
            ("许多投资者深信不疑", "看法", "没有根据"),
        )
    ),
    ("20%", "毛利率为20%这个在市场上流传已久的说法不成立。", None, N),
    ("20%", "The claim, repeated by analysts for years, that the margin is 20% is correct.", None, C),
    ("20%", "毛利率20%这一被多家机构反复引用的说法成立。", None, C),
    ("20%", "The claim, first made in May, that the margin is 20% has been confirmed.", None, C),
]

# a verdict beside the claim in a table, tagged after it, or a myth's label before it
TABLE_ROWS: list[Row] = [
    *(
        ("20%", f"| 说法 | 判断 |\n|---|---|\n| 毛利率为20% | {v} |\n| 净利率为10% | 正确 |", None, N)
        for v in ("错误", "不成立", "❌", "✗", "不正确", "谣言", "**错误**", "❌ 错误，实际为15%")
    ),
    *(
        ("20%", f"| Claim | Verdict |\n|---|---|\n| Margin is 20% | {v} |\n| Net margin is 10% | True |", None, N)
        for v in ("False", "Wrong", "❌", "✗", "Myth", "Incorrect", "**False**", "False - it is 15%")
    ),
    *(
        ("20%", f"| 说法 | 判断 |\n|---|---|\n| 毛利率为20% | {v} |", None, C)
        for v in ("正确", "✅", "✓", "成立", "属实")
    ),
    *(("20%", f"| Claim | Verdict |\n|---|---|\n| Margin is 20% | {v} |", None, C) for v in ("True", "✅", "Correct")),
    ("20%", "| 说法 | 判断 |\n|---|---|\n| 净利率为10% | 错误 |\n| 毛利率为20% | 正确 |", None, C),
    ("20%", "| 指标 | 数值 |\n|---|---|\n| 毛利率 | 20% |\n| 错误率 | 3% |", None, C),
    *(
        ("20%", f"{label}毛利率能达到20%", None, N)
        for label in ("误区：", "误区一：", "常见误解：", "谣言：", "错误说法：")
    ),
    *(
        ("20%", f"{label} the margin is 20%.", None, N)
        for label in ("Myth:", "Myth #1:", "Common misconception:", "**Myth:**", "False claim:")
    ),
    *(("20%", f"{label}毛利率为20%。", None, C) for label in ("事实：", "真相：", "结论：", "答案：")),
    *(("20%", f"{label} the margin is 20%.", None, C) for label in ("Fact:", "Reality:", "Answer:", "Conclusion:")),
    ("20%", "Myth: the margin is 30%. Fact: the margin is 20%.", None, C),
    ("20%", "误区：毛利率为30%。事实：毛利率为20%。", None, C),
    *(
        ("20%", f"Fact check: margin 20% {tag}", None, N)
        for tag in ("- FALSE", "— false", "(false)", "- myth", ": wrong", "✗")
    ),
    *(("20%", f"核查：毛利率20%{tag}", None, N) for tag in ("（错误）", " - 错误", "：不实", "（谣言）")),
    ("20%", "Fact check: margin 20% - TRUE", None, C),
    ("20%", "核查：毛利率20%（属实）", None, C),
    ("20%", "The margin is 20% (false positives excluded).", None, C),
]

# a key's no in JSON is a no, as a label's is; its yes stays a yes
JSON_ROWS: list[Row] = [
    ("approved", '{"approved": "no"}', None, N),
    ("approved", '{"approved": false}', None, N),
    ("approved", '```json\n{"approved": "no", "reason": "budget"}\n```', None, N),
    ("通过", '{"是否通过": "否"}', None, N),
    ("通过", '```json\n{"是否通过": "否", "原因": "预算不足"}\n```', None, N),
    ("支持私有化部署", '{"支持私有化部署": "否"}', None, N),
    ("available", '{"available": "No"}', None, N),
    ("approved", '{"approved": "yes"}', None, C),
    ("approved", '{"approved": true}', None, C),
    ("通过", '{"是否通过": "是"}', None, C),
    ("支持私有化部署", '{"支持私有化部署": "是"}', None, C),
]

# a forbidden claim judged, tabled or labelled a myth is not charged; one confirmed is
CHARGE_ROWS: list[tuple[str, str, bool]] = [
    ("毛利率为20%", "毛利率为20%的预测过于乐观。", False),
    ("毛利率为20%", "| 说法 | 判断 |\n|---|---|\n| 毛利率为20% | 错误 |", False),
    ("毛利率为20%", "误区：毛利率为20%。", False),
    ("毛利率为20%", "毛利率为20%这一被多家机构反复引用的说法并不成立。", False),
    ("the margin is 20%", "Myth: the margin is 20%.", False),
    ("the margin is 20%", "The claim, repeated by analysts for years, that the margin is 20% is false.", False),
    ("毛利率为20%", "毛利率为20%的预测较为保守。", True),
    ("毛利率为20%", "| 说法 | 判断 |\n|---|---|\n| 毛利率为20% | 正确 |", True),
    ("the margin is 20%", "Fact: the margin is 20%.", True),
]

# lead's review: a negative question answered against by the writer's next sentence (a no, a correction, a contrast)
# is a doubt, not an assertion - these were credited before the review; a yes keeps it stated
ANSWERED_ROWS: list[Row] = [
    ("ROI 20%", "Isn't the ROI 20%? No - it is actually 15%.", None, N),
    ("ROI 20%", "Isn't the ROI 20%? Actually, no: it is 15%.", None, N),
    ("ROI 20%", "Isn't the ROI 20%? In fact it is 15%.", None, N),
    ("ROI 20%", "Isn't the ROI 20%? Not quite: it is 12%.", None, N),
    ("20%", "Isn't the margin 20%? However, the audited figure is 14%.", None, N),
    ("20%", "Who says the margin isn't 20%? Unfortunately the audit does.", None, N),
    ("20%", "难道不是20%吗？其实只有12%。", None, N),
    ("20%", "难道毛利率不是20%吗？实际上只有12%。", None, N),
    ("20%", "毛利率不就是20%吗？不，审计后是14%。", None, N),
    ("20%", "谁说毛利率不是20%？事实上审计结果是14%。", None, N),
    ("20%", "难道ROI不是20%吗？但财务部的口径是15%。", None, N),
    ("ROI 20%", "Isn't the ROI 20%? It is.", None, C),
    ("ROI 20%", "Isn't the ROI 20%? Yes, it is 20%.", None, C),
    ("ROI 20%", "Isn't the ROI 20%? Of course it is.", None, C),
    ("20%", "难道不是20%吗？当然是。", None, C),
    ("20%", "难道ROI不是20%吗？是的，数据很清楚。", None, C),
]

NOT_STATED = (
    DOUBT_ROWS + JUDGED_ROWS + [r for r in APPOSITIVE_ROWS + TABLE_ROWS + JSON_ROWS + ANSWERED_ROWS if r[3] == N]
)
STATED = (
    [r for r in ANSWERED_ROWS if r[3] == C]
    + RHETORICAL_ROWS
    + JUDGED_STATED_ROWS
    + HOSTILE_STATED_ROWS
    + [r for r in APPOSITIVE_ROWS + TABLE_ROWS + JSON_ROWS if r[3] == C]
)
ALL_ROWS = NOT_STATED + STATED


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 46


def test_there_are_enough_probes() -> None:
    assert len(ALL_ROWS) + len(CHARGE_ROWS) >= 200


def test_each_probe_is_quick() -> None:
    assert slowest_status(ALL_ROWS) < 0.2


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NOT_STATED)
def test_a_claim_judged_doubted_or_rejected_is_not_stated(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), STATED)
def test_a_question_that_asserts_or_a_claim_confirmed_is_stated(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CHARGE_ROWS)
def test_a_forbidden_claim_is_charged_only_where_stated(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
