"""Scorer v44: a figure or claim reported as a claim and rejected by a verdict later in its sentence.

An answer that names a figure as a claim, a statement, a view, a conclusion, an estimate or a rumour and then rejects
it (毛利率20%的说法并不成立, “毛利率为20%”这一结论是错误的, 关于毛利率达到20%的判断站不住脚, "The claim that the
margin is 20% does not hold", "The idea that margin is 20% is a myth", "Margin is 20% - that's wrong") does not state
it: v43 credited the point and charged the forbidden claim. The verdict is the first on the claim in its sentence: a
positive one (成立, 是对的, holds, is correct) or a rejection negated (并非不成立, 不能说…不成立, "is not false") leaves
the figure stated, and a verdict on another claim named later in the sentence is not the figure's.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status, slowest_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

NOUNS_ZH = ("说法", "观点", "看法", "结论", "判断", "假设", "估计", "预测", "传言", "报道")
REJECTIONS_ZH = (
    "并不成立", "不成立", "站不住脚", "不准确", "是错误的",
    "不符合事实", "没有根据", "已被推翻", "被证伪了", "是不对的",
)  # fmt: skip
VERDICTS_ZH = ("成立", "是对的", "是正确的", "得到了证实", "符合事实")
NOUNS_EN = (
    "claim", "statement", "view", "idea", "notion", "assumption", "belief", "suggestion", "estimate", "report",
)  # fmt: skip
REJECTIONS_EN = (
    "does not hold", "is false", "is wrong", "is incorrect", "is a myth", "is unfounded", "has been refuted",
    "has been debunked", "doesn't stand up", "is not true",
)  # fmt: skip
VERDICTS_EN = ("holds", "is correct", "is confirmed", "is right", "is true")
COPULAS = ("", "为", "达到")

# each noun with each rejection right after it (Chinese) or the figure's clause (English)
REJECTED_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    *(
        ("20%", f"毛利率{COPULAS[(i + j) % 3]}20%的{noun}{verdict}。", None, N)
        for i, noun in enumerate(NOUNS_ZH)
        for j, verdict in enumerate(REJECTIONS_ZH)
    ),
    *(
        ("20%", f"The {noun} that the margin is 20% {verdict}.", None, N)
        for noun in NOUNS_EN
        for verdict in REJECTIONS_EN
    ),
]

# the claim named in other ways, the verdict a clause or two later, in lists and Markdown
FORM_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    *(("20%", f"“毛利率为20%”这一{n}{REJECTIONS_ZH[i]}。", None, N) for i, n in enumerate(NOUNS_ZH)),
    *(("20%", f"关于毛利率达到20%的{n}{REJECTIONS_ZH[(i + 3) % 10]}。", None, N) for i, n in enumerate(NOUNS_ZH)),
    *(("20%", f"毛利率为20%的{n}{REJECTIONS_ZH[(i + 5) % 10]}，实际为15%。", None, N) for i, n in enumerate(NOUNS_ZH)),
    *(
        ("20%", f"毛利率为20%这一{n}，经过我们核对财报，{REJECTIONS_ZH[(i + 1) % 10]}。", None, N)
        for i, n in enumerate(NOUNS_ZH)
    ),
    *(("20%", f"- 毛利率为20%的{n}：{REJECTIONS_ZH[(i + 2) % 10]}", None, N) for i, n in enumerate(NOUNS_ZH)),
    *(
        ("20%", f"The {n} that margin reached 20% {REJECTIONS_EN[(i + 2) % 10]}; it is 15%.", None, N)
        for i, n in enumerate(NOUNS_EN)
    ),
    *(
        ("20%", f"The {n} that the margin is 20%, which analysts repeated last year, {REJECTIONS_EN[i]}.", None, N)
        for i, n in enumerate(NOUNS_EN)
    ),
    *(
        ("20%", f"* **The {n} of a 20% margin {REJECTIONS_EN[(i + 4) % 10]}.**", None, N)
        for i, n in enumerate(NOUNS_EN)
    ),
    ("20%", "Margin is 20% - that's wrong.", None, N),
    ("20%", "Margin is 20%, which is false.", None, N),
    ("20%", "The 20% figure is unfounded.", None, N),
    ("20%", "The 20% margin estimate doesn't hold up.", None, N),
    ("20%", "The expectation that margin will reach 20% is unrealistic.", None, N),
    ("20%", "毛利率达到20%的预期不切实际。", None, N),
    ("20%", "毛利率为20%的论断缺乏数据支撑。", None, N),
    ("20%", "毛利率为20%的传闻纯属谣言。", None, N),
    ("20%", "Claims that the margin is 20% are false.", None, N),
    ("20%", "The widely repeated claim that margin hit 20% lacks evidence.", None, N),
    ("20%", "Margin is 20%. That is wrong.", None, N),
    ("20%", "毛利率为20%。这是错的。", None, N),
    ("ROI 20%", "The claim that the ROI is 20% is false.", None, N),
    ("毛利率20%", "毛利率为20%的说法不成立。", None, N),
    ("20%", "毛利率为20%这一说法，经过我们核对财报数据，不成立。", None, N),
    ("20%", "The analyst's view that margin is 20% turned out to be wrong.", None, N),
    ("20%", "毛利率为20%的说法存在偏差。", None, N),
    ("20%", "毛利率为20%的说法，网上很多，但都不成立。", None, N),
    ("20%", "毛利率为20%，这一结论已被推翻。", None, N),
    ("20%", "某机构预测毛利率为20%，但该预测站不住脚。", None, N),
    ("20%", "**毛利率为20%**的说法不成立，实际毛利率为15%。", None, N),
    ("20%", "> 毛利率达到20%的判断与事实不符。", None, N),
    ("20个月", "回收期为20个月的估计过于乐观，站不住脚。", CN, N),
    ("20个月", "回收期20个月的说法毫无根据。", CN, N),
    ("20 months", "The estimate that payback takes 20 months has been disproven by the pilot.", None, N),
    ("200万元", "年节省200万元的说法缺乏依据。", None, N),
    ("200万元", "“年节省200万元”这一结论经不起推敲。", None, N),
]

# a positive verdict, a rejection negated, a verdict on another claim: the figure stays stated
STATED_ROWS: list[tuple[str, str, NumberForms | None, str]] = [
    *(("20%", f"毛利率为20%的{n}{VERDICTS_ZH[i % 5]}。", None, C) for i, n in enumerate(NOUNS_ZH)),
    *(
        ("20%", f"毛利率为20%的{n}{VERDICTS_ZH[(i + 2) % 5]}，净利率10%的{n}{REJECTIONS_ZH[i]}。", None, C)
        for i, n in enumerate(NOUNS_ZH)
    ),
    *(("20%", f"The {n} that the margin is 20% {VERDICTS_EN[i % 5]}.", None, C) for i, n in enumerate(NOUNS_EN)),
    *(
        (
            "20%",
            f"The {n} that margin is 20% {VERDICTS_EN[(i + 1) % 5]}, but the {n} that net margin is 10% "
            f"{REJECTIONS_EN[i]}.",
            None,
            C,
        )
        for i, n in enumerate(NOUNS_EN)
    ),  # fmt: skip
    ("20%", "毛利率为20%的说法成立，但净利率10%的说法不成立。", None, C),
    ("20%", "不能说毛利率为20%的说法不成立。", None, C),
    ("20%", "毛利率为20%的说法并非不成立。", None, C),
    ("20%", "毛利率为20%的说法并非没有根据。", None, C),
    ("20%", "毛利率为20%的估计没有错。", None, C),
    ("20%", "The idea that margin is 20% isn't wrong.", None, C),
    ("20%", "The report of a 20% margin is accurate, not false.", None, C),
    ("20%", "毛利率为20%的说法不对称地强调了成本。", None, C),
    ("ROI 20%", "The claim that the ROI is 20% is true.", None, C),
    ("20%", "毛利率为20%的说法不能说不成立。", None, C),
    ("20%", "毛利率为20%的数据来自年报，没有错误。", None, C),
    ("20%", "毛利率为20%的数字是对的，不是错误的。", None, C),
    ("20%", "It is not the case that the claim that margin is 20% is false.", None, C),
    ("20%", "The claim that margin is 20% is not false.", None, C),
    ("20%", "毛利率为20%，这一结论成立。", None, C),
    ("20%", "毛利率为20%，这一结论基于审计报告。", None, C),
    ("20%", "毛利率为20%的预测基于去年的数据。", None, C),
    ("20%", "毛利率为20%的结论，经审计确认，是准确的。", None, C),
    ("20%", "毛利率为20%的预测较为保守，竞争对手的说法站不住脚。", None, C),
    ("20%", "毛利率为20%；此前15%的说法不成立。", None, C),
    ("20%", "毛利率为20%，之前的结论是错误的。", None, C),
    ("20%", "毛利率为20%的假设下，NPV为正，前提是错误率低。", None, C),
    ("20%", "毛利率为20%的预测，我们认为可信，市场上的传言不实。", None, C),
    ("20%", "毛利率20%这个数据没问题，15%的说法是错的。", None, C),
    ("20%", "The report that the margin is 20% was published in May.", None, C),
    ("20%", "The 20% figure is confirmed.", None, C),
    ("20%", "The estimate that the margin is 20% holds; the claim that it is 25% is false.", None, C),
    ("20%", "The margin is 20%, and the competitor's claim of 30% is wrong.", None, C),
    ("20%", "Margin is 20%; the old estimate is wrong.", None, C),
    ("20%", "The margin is 20%. The earlier claim was wrong.", None, C),
    ("20%", "According to the report, the margin is 20%, which is right.", None, C),
    ("20%", "The projections show margin is 20%, and analysts' doubts are unfounded.", None, C),
    ("20%", "毛利率为20%的预测，与市场预期一致，竞争对手的质疑没有根据。", None, C),
    ("20%", "毛利率为20%的数据来自年报，同行的数据则存在错误。", None, C),
    ("20%", "The report of Q3 shows margin is 20% and the rumour is false.", None, C),
    ("20%", "Our view that margin is 20% holds, as the audit showed; critics were wrong.", None, C),
    ("20%", "毛利率为20%的结论错不了。", None, C),
    # already right before v44, and kept
    ("20%", "毛利率为20%的说法有误。", None, N),
    ("20%", "毛利率20%这个数字不对。", None, N),
    ("20%", "毛利率是20%，这是错的。", None, N),
    ("20%", "The view that margin is 20% is correct.", None, C),
]

# a forbidden claim reported as a claim and rejected is not charged; one the verdict confirms is
CHARGE_ROWS: list[tuple[str, str, bool]] = [
    ("毛利率为20%", "毛利率为20%的说法并不成立。", False),
    ("毛利率为20%", "“毛利率为20%”这一结论是错误的。", False),
    ("毛利率为20%", "毛利率为20%的观点不准确，实际为15%。", False),
    ("毛利率为20%", "毛利率为20%的预测已被推翻。", False),
    ("毛利率为20%", "毛利率为20%这一说法，经过核对，不符合事实。", False),
    ("the margin is 20%", "The claim that the margin is 20% does not hold.", False),
    ("the margin is 20%", "The idea that the margin is 20% is a myth.", False),
    ("毛利率为20%", "毛利率为20%的说法成立。", True),
    ("毛利率为20%", "毛利率为20%的说法不能说不成立。", True),
    ("the margin is 20%", "The claim that the margin is 20% is correct.", True),
]

ALL_ROWS = REJECTED_ROWS + FORM_ROWS + STATED_ROWS


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 44


def test_there_are_enough_probes() -> None:
    assert len(ALL_ROWS) + len(CHARGE_ROWS) >= 150


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), REJECTED_ROWS + FORM_ROWS)
def test_a_claim_rejected_later_in_its_sentence_is_not_stated(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), STATED_ROWS)
def test_a_claim_confirmed_or_a_verdict_on_another_leaves_it_stated(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CHARGE_ROWS)
def test_a_forbidden_claim_rejected_as_a_claim_is_not_charged(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected, (claim, answer)


def test_every_probe_is_fast() -> None:
    assert slowest_status(ALL_ROWS) < 0.2


# Review: the verdict is the claim's predicate - only adverbs, a copula, a conjunction or a check stand between the
# noun (or the start of a later clause) and it; 错误 as a word of another phrase rejects nothing (these four were read
# as rejections before the review)
PREDICATE_ROWS = [
    ("20%", "毛利率为20%，这一结论纠正了之前报告中的错误。", None, C),
    ("20%", "毛利率为20%，这一判断修正了此前错误的估计。", None, C),
    ("20%", "毛利率为20%的估计，排除了统计错误后依然成立。", None, C),
    ("20%", "毛利率为20%，这一结论不受汇率错误影响。", None, C),
    ("20%", "毛利率为20%的说法在业内流传已久，但并不成立。", None, N),
    ("20%", "毛利率为20%的说法，经核实，并不属实。", None, N),
    ("20%", "毛利率为20%的说法后来被证明是错误的。", None, N),
    ("20%", "毛利率为20%的预测显然过时了。", None, N),
]


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), PREDICATE_ROWS)
def test_a_verdict_is_the_claims_predicate(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
