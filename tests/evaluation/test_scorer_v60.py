"""Scorer v60: right answers missed under meaning-preserving rewrites, found by benchmarks/miss_mutations.py (the
twin of credit_mutations.py: every covered row of tests/evaluation rewritten in 24 kinds that keep its meaning).

- an "only" or "indeed" before a hedged copula (回收期确实约为20个月, ROI仅约为20%: `patterns._SUBJECT_LINK` took one
  adverb slot) and "still" before one (回收期仍约为20个月: `kept.HOLDING_LINK` took the "about" only after the copula);
- the subject's other name in brackets before a verb of holding (投资回报率（ROI）仍为20%, 保持在, 仍有, return on
  investment (ROI) stays at 20%: `kept._OPENS`, as `_SUBJECT_LINK` takes it before a copula since v38);
- the subject in corner brackets (「回收期」为20个月, 「ROI」约为20%: `_SUBJECT_LINK`, `_HEDGE_LINK`, `kept._OPENS`,
  `roundabout._OPENS` took ” and ’ only);
- "is at" and other verbs of a level (the ROI is at 20%, is right at, is sitting at, lands at, settles at, comes out
  to, "is ~20%": `_SUBJECT_LINK` took "stands at" and "comes to" only) and a label's double dash (回收期——20个月);
- an equals sign or its word (ROI = 20%, ROI≈20%, 回收期等于20个月, the ROI equals 20%: `_SUBJECT_LINK`), not where the
  figure is an operand of a calculation (ROI = 20% × 0.5 = 10%: `patterns._AN_OPERAND_AT`);
- a quote opened before the figure a change, a former value or a later period reaches (营收增长率为「20%」, Revenue
  growth is “20%”, The ROI last year was 15%; this year it is “20%”: `verbal._AFTER_VERB`, `patterns._OPENING_QUOTE`
  after `_REACHED_LINK`, `_FORMER_FIGURE_LINK` and `_LATER_PERIOD_LINK`).

Each right answer stands beside its wrong twin (another figure, a negation, a bound, another holder), which stays not
covered; v59 credited one: 竞争对手的“ROI”为20% (`holders._HOLDER_BEFORE` now reads a holder before a quote the
subject opens).
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

# an adverb of "only" / "indeed" / "still" before a hedged copula
HEDGED_ROWS: list[Row] = [
    ("回收期20个月", "回收期确实约为20个月。", None, C),
    ("回收期20个月", "回收期仅约为20个月。", None, C),
    ("回收期20个月", "回收期仍约为20个月。", None, C),
    ("ROI 20%", "ROI确实约为20%。", None, C),
    ("ROI 20%", "ROI仍约为20%。", None, C),
    ("投资回报率20%", "投资回报率仅约为20%。", None, C),
    ("回收期20个月", "回收期确实大约为20个月。", None, C),
    ("回收期20个月", "回收期仍大约为20个月。", None, C),
    # wrong twins
    ("回收期20个月", "回收期确实约为26个月。", None, N),
    ("回收期20个月", "回收期仍约为26个月。", None, N),
    ("回收期20个月", "回收期不仅约为20个月。", None, N),
    ("回收期20个月", "回收期确实约为20天。", None, N),
    ("ROI 20%", "ROI仍不约为20%。", None, N),
    ("ROI 20%", "竞争对手的ROI确实约为20%。", None, N),
    ("回收期20个月", "如果回收期仍约为20个月，项目可行。", None, N),
    ("回收期20个月", "回收期确实约为20个月吗？", None, N),
]

# the subject's other name in brackets before a verb of holding
BRACKETED_ROWS: list[Row] = [
    ("ROI 20%", "投资回报率（ROI）仍为20%。", None, C),
    ("ROI 20%", "投资回报率（ROI）保持在20%。", None, C),
    ("ROI 20%", "投资回报率（ROI）仍有20%。", None, C),
    ("ROI 20%", "ROI（投资回报率）仍为20%。", None, C),
    ("ROI 20%", "Return on investment (ROI) stays at 20%.", None, C),
    ("ROI 20%", "投资回报率（ROI）维持在约20%。", None, C),
    # wrong twins
    ("ROI 20%", "投资回报率（ROI）仍为26%。", None, N),
    ("ROI 20%", "投资回报率（ROI）仍没有20%。", None, N),
    ("ROI 20%", "投资回报率（ROI）未能保持在20%。", None, N),
    ("ROI 20%", "Return on investment (ROI) no longer stays at 20%.", None, N),
    ("ROI 20%", "投资回报率（ROI）仍有20%的提升空间。", None, N),
    ("ROI 20%", "投资回报率（ROI）仍超过20%。", None, N),
]

# the subject in corner brackets
CORNER_ROWS: list[Row] = [
    ("回收期20个月", "「回收期」为20个月。", None, C),
    ("ROI 20%", "「ROI」约为20%。", None, C),
    ("ROI 20%", "「ROI」达到20%。", None, C),
    ("回收期20个月", "「回收期」预计20个月。", None, C),
    ("回收期20个月", "「回收期」仍为20个月。", None, C),
    ("投资回报率20%", "『投资回报率』为20%。", None, C),
    ("回收期20个月", "「回收期」在三年内可达20个月。", None, C),
    # wrong twins
    ("回收期20个月", "「回收期」为21个月。", None, N),
    ("回收期20个月", "「回收期」不是20个月。", None, N),
    ("回收期20个月", "「回收期」超过20个月。", None, N),
    ("ROI 20%", "竞争对手的「ROI」为20%。", None, N),
    ("ROI 20%", "竞争对手的“ROI”为20%。", None, N),  # v59 credited it: the holder before an opening quote
    ("ROI 20%", "A competitor's “ROI” is 20%.", None, N),
    ("ROI 20%", "「ROI」增加了20%。", None, N),
    ("回收期20个月", "如果「回收期」为20个月，项目可行。", None, N),
]

# "is at" and other verbs of a level, and a label's double dash
IS_AT_ROWS: list[Row] = [
    ("ROI 20%", "The ROI is at 20%.", None, C),
    ("ROI 20%", "The ROI is right at 20%.", None, C),
    ("ROI 20%", "The ROI is sitting at 20%.", None, C),
    ("ROI 20%", "The ROI lands at 20%.", None, C),
    ("ROI 20%", "The ROI settles at 20%.", None, C),
    ("ROI 20%", "The ROI comes out to 20%.", None, C),
    ("ROI 20%", "The ROI is ~20%.", None, C),
    ("回收期20个月", "回收期——20个月。", None, C),
    ("回收期20个月", "回收期 —— 20个月。", None, C),
    ("ROI 20%", "The ROI comes out to 21%.", None, N),
    ("ROI 20%", "The ROI lands at 25%.", None, N),
    ("ROI 20%", "The ROI is not right at 20%.", None, N),
    ("ROI 20%", "The ROI never settles at 20%.", None, N),
    ("ROI 20%", "A competitor's ROI lands at 20%.", None, N),
    ("ROI 20%", "The ROI lands at more than 20%.", None, N),
    ("ROI 20%", "The ROI is ~20% higher than last year.", None, N),
    ("回收期20个月", "回收期——21个月。", None, N),
    ("回收期20个月", "回收期——不是20个月。", None, N),
    ("payback 20 months", "The payback period is at 20 months.", None, C),
    ("churn 5%", "Customer churn is at 5%.", None, C),
    ("IRR 15%", "The project IRR is at 15%.", None, C),
    ("ROI 20%", "The ROI was at 20%.", None, C),
    # wrong twins
    ("ROI 20%", "The ROI is at 21%.", None, N),
    ("ROI 20%", "The ROI is not at 20%.", None, N),
    ("ROI 20%", "The ROI is at least 20%.", None, N),
    ("ROI 20%", "A competitor's ROI is at 20%.", None, N),
    ("ROI 20%", "Is the ROI at 20%?", None, N),
    ("ROI 20%", "If the ROI is at 20%, the project is worth doing.", None, N),
]

# a quote opened before the figure a change, a former value or a later period reaches
QUOTED_ROWS: list[Row] = [
    ("营收增长20%", "营收增长率为「20%」。", None, C),
    ("营收增长20%", "营收增长率为“20%”。", None, C),
    ("营收增长20%", "营业收入增长率达到「20%」。", None, C),
    ("营收增长20%", "Revenue growth is “20%”.", None, C),
    ("营收增长20%", 'Revenue growth is "20%".', None, C),
    ("利润增长20%", "Profit growth rate is “20%”.", None, C),
    ("ROI 20%", "The ROI last year was 15%; this year it is “20%”.", None, C),
    ("ROI 20%", "去年ROI为15%，今年为「20%」。", None, C),
    ("回收期24个月", "回收期原为20个月，现调整为「24个月」。", None, C),
    ("ROI 20%", "ROI由15%提升到「20%」。", None, C),
    # wrong twins
    ("营收增长20%", "营收增长率为「26%」。", None, N),
    ("营收增长20%", "营收增长率并非「20%」。", None, N),
    ("营收增长20%", "Revenue growth is not “20%”.", None, N),
    ("ROI 20%", "The ROI last year was “20%”; this year it is 26%.", None, N),
    ("ROI 20%", "去年ROI为「20%」，今年为26%。", None, N),
    ("回收期20个月", "回收期原为「20个月」，现调整为24个月。", None, N),
    ("ROI 15%", "ROI由「15%」提升到20%。", None, N),
]

# an equals sign or its word between the subject and its figure
EQUALS_ROWS: list[Row] = [
    ("ROI 20%", "ROI=20%。", None, C),
    ("ROI 20%", "ROI = 20%。", None, C),
    ("ROI 20%", "The ROI = 20%.", None, C),
    ("ROI 20%", "ROI ≈ 20%", None, C),
    ("ROI 20%", "ROI等于20%。", None, C),
    ("回收期20个月", "回收期约等于20个月。", None, C),
    ("回收期20个月", "回收期≈20个月。", None, C),
    ("ROI 20%", "The ROI equals 20%.", None, C),
    ("ROI 20%", "The ROI is equal to 20%.", None, C),
    # wrong twins: another figure, a negation, an operand of a calculation, a bound, another holder, a question
    ("ROI 20%", "ROI = 21%。", None, N),
    ("ROI 20%", "ROI ≠ 20%。", None, N),
    ("ROI 20%", "ROI不等于20%。", None, N),
    ("ROI 20%", "The ROI does not equal 20%.", None, N),
    ("ROI 20%", "The ROI is not equal to 20%.", None, N),
    ("ROI 20%", "ROI = 20% × 0.5 = 10%。", None, N),
    ("ROI 20%", "ROI = 20% * 0.5 = 10%。", None, N),
    ("ROI 20%", "ROI = 20%/2 = 10%。", None, N),
    ("ROI 20%", "ROI = 20% + 5% = 25%。", None, N),
    ("回收期20个月", "回收期等于20个月乘以1.5。", None, N),
    ("ROI 20%", "ROI >= 20%。", None, N),
    ("ROI 20%", "竞争对手的ROI = 20%。", None, N),
    ("ROI 20%", "ROI = 20%吗？", None, N),
    ("ROI 20%", "如果ROI = 20%，项目可行。", None, N),
]

# the lead's review: a derivation's result after "=" (`patterns._DERIVATION_LINK`) - missed under v59 and before it
DERIVATION_ROWS: list[Row] = [
    ("ROI 20%", "ROI = (90-30)/300 = 20%。", None, C),
    ("ROI 20%", "ROI = (90-30)/300 ≈ 20%", None, C),
    ("ROI 20%", "ROI = (90-30)/300 = 0.2 = 20%", None, C),
    ("ROI 50%", "三年ROI = (360万 − 240万) ÷ 240万 = 50%", None, C),
    ("ROI 50%", "三年ROI = (360万 − 240万) ÷ 240万 = 120万 ÷ 240万 = 50%", None, C),
    ("回收期20个月", "回收期 = 240万 ÷ 12万/月 = 20个月", None, C),
    ("ROI 15%", "ROI = 20% - 5% = 15%。", None, C),
    # wrong twins: an operand, a question, a condition, another holder, another unit, a part, a negation
    ("ROI 20%", "ROI = 20% - 5% = 15%。", None, N),
    ("ROI 20%", "ROI = (90-30)/300 = 20%？", None, N),
    ("ROI 20%", "如果ROI = 60/300 = 20%，项目可行。", None, N),
    ("ROI 20%", "竞争对手的ROI = 60/300 = 20%", None, N),
    ("ROI 20%", "ROI = 60/300 = 20个月", None, N),
    ("ROI 20%", "ROI = 60/300 = 20%的两倍", None, N),
    ("ROI 20%", "ROI = (90-30)/300，不是20%。", None, N),
    ("ROI 20%", "ROI = (90-30)/300 = 21%。", None, N),
]

ALL_ROWS = HEDGED_ROWS + BRACKETED_ROWS + CORNER_ROWS + IS_AT_ROWS + QUOTED_ROWS + EQUALS_ROWS + DERIVATION_ROWS


def test_version() -> None:
    assert SCORER_VERSION >= 60


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
