"""Scorer v51: an answer that only supposes or only asks a figure has not stated it.

Each class, with the rows that were wrong before beside the rows that must keep their verdict (C covered, N not):
- a figure inside the antecedent of an open condition (如果回收期是20个月，项目就值得做; "If payback is 20 months, the
  project is worth doing"; "The project is worth doing if the ROI is 20%"; an antecedent that runs past a comma or a
  colon to its consequent: 如果回收期24个月，培训周期20个月，项目就值得做) was credited by v32's decision - the
  consequent of a condition on something else (如果按当前价格计算，回收期为20个月; "If prices hold, payback is 20
  months"), a condition after the claim, a temporal when, 如果说, "as if", a frame (If you ask me), a stated
  assumption (假设ROI为20%, 如果按20%的折现率计算, "If we assume an ROI of 20%") and a condition answered (——实际上
  正是20个月) stay covered;
- a tag question after the claim (ROI为20%，对吗？, 是吧？, 是不是？, 没错吧？, "The ROI is 20%, right?", ", isn't
  it?", ", correct?") was read as a question about a figure stated (v41) - answered yes (对吧？没错，就是20%。) or a
  question about something else (ROI为20%，这个水平合理吗？) stays covered, as does 不是吗 (rhetorical, v46);
- two right answers were missed: a negative question about another figure, then the actual (ROI不是15%吗？实际为
  20%。), and a bare hedge with 的时间 after the figure (回收期预计20个月的时间).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

ZH_CONDITIONS = ("如果", "假如", "若", "要是", "倘若", "万一", "一旦", "只要", "除非", "假若", "如若")
EN_CONDITIONS = ("If", "In case", "Unless", "Provided that", "As long as", "Even if", "Only if")

CONDITION_ROWS: list[Row] = [
    # the figure in the antecedent: supposed, not stated
    *(("回收期20个月", f"{word}回收期是20个月，项目就值得做。", None, N) for word in ZH_CONDITIONS),
    *(
        ("payback 20 months", f"{word} payback is 20 months, the project is worth doing.", None, N)
        for word in EN_CONDITIONS
    ),
    ("20个月", "如果回收期是20个月，项目就值得做。", None, N),
    ("20 months", "If payback is 20 months, the project is worth doing.", None, N),
    ("回收期20个月", "如果回收期预计20个月，项目就值得做。", None, N),
    ("ROI 20%", "如果ROI为20%，回收期约5年。", None, N),
    ("ROI 20%", "若ROI为20%，则项目可行。", None, N),
    ("ROI 20%", "如果ROI为20%。", None, N),
    ("ROI 20%", "**如果**ROI为20%，项目可行。", None, N),
    ("ROI 20%", "| 如果ROI为20% | 可行 |", None, N),
    ("回收期20个月", "如果回收期是二十个月，项目就值得做。", CN, N),
    ("ROI 20%", "The project is worth doing if the ROI is 20%.", None, N),
    ("ROI 20%", "We proceed provided that the ROI is 20%.", None, N),
    ("ROI 20%", "项目值得做，前提是如果ROI为20%。", None, N),
    ("毛利率20%", "如果毛利率为20%，净利率为8%，项目就值得做。", None, N),
    # an antecedent that runs past a comma, a colon or a bracket to its consequent
    ("20个月", "如果回收期24个月，培训周期20个月，项目就值得做。", None, N),
    ("回收期20个月", "如果成本不变，且回收期为20个月，项目就可行。", None, N),
    ("20 months", "If payback: 20 months, the project is worth doing.", None, N),
    ("20个月", "- 如果回收期：20个月，项目就值得做。", None, N),
    ("$1.2 million", "If the contract, signed a year ago, is worth $1.2 million, the project is worth doing.", None, N),
    ("1200万元", "如果预算约为170万美元（1200万元人民币），项目就值得做。", None, N),
    ("回收期20个月", "如果原则上回收期20个月，项目就值得做。", None, N),
    ("ROI 20%", "如果那个项目的ROI为20%，项目就值得做。", None, N),
    ("20%", "如果会员费为100元，续费率为20%，项目就值得做。", None, N),
    ("20%", "如果只要20%的预算就能完成，项目就值得做。", None, N),
    (
        "20%",
        "If the claim, first made in May, that the margin is 20% has been confirmed, the project is worth doing.",
        None,
        N,
    ),
    # a consequent, a condition on something else, a condition after the claim
    ("回收期20个月", "如果按当前价格计算，回收期为20个月。", None, C),
    ("回收期20个月", "如果一切按计划推进，回收期为20个月。", None, C),
    ("回收期20个月", "如果价格不变则回收期为20个月。", None, C),
    ("回收期20个月", "如果一切顺利的话回收期为20个月。", None, C),
    ("回收期20个月", "如果销量稳定，则回收期为20个月，项目值得做。", None, C),
    ("回收期20个月", "如果销量稳定，回收期为20个月，所以项目值得做。", None, C),
    ("回收期20个月", "如果不考虑补贴，回收期为20个月，考虑补贴则为16个月。", None, C),
    ("回收期20个月", "在当前价格下，如果销量稳定，回收期为20个月，项目值得做。", None, C),
    ("ROI 20%", "如果现在投资，ROI为20%，回收期5年，建议立即启动。", None, C),
    ("payback 20 months", "If prices hold, payback is 20 months.", None, C),
    ("payback 20 months", "If prices hold, payback will be 20 months, and the project is worth doing.", None, C),
    ("payback 20 months", "If prices hold, payback is 20 months, so we should proceed.", None, C),
    ("payback 20 months", "If sales hold, payback is 20 months, and ROI will be 15%.", None, C),
    ("payback 20 months", "Unless costs rise, payback is 20 months.", None, C),
    ("ROI 20%", "Even if costs rise, the ROI is 20%.", None, C),
    ("ROI 20%", "一旦上线，ROI为20%。", None, C),
    ("ROI 20%", "除非成本大幅上升，ROI为20%。", None, C),
    ("营收增长100%", "Revenue could double if the channel works.", None, C),
    ("ROI 20%", "ROI reached 20%, if we count subsidies.", None, C),
    ("payback 20 months", "Payback is 20 months if nothing changes.", None, C),
    ("ROI 20%", "ROI is 20% as long as prices hold.", None, C),
    ("回收期20个月", "回收期为20个月，如果成本上升则会延长。", None, C),
    ("回收期20个月", "回收期为20个月；如果成本上升，回收期会延长至24个月。", None, C),
    ("ROI 20%", "ROI为20%（如果计入补贴则为25%）。", None, C),
    ("ROI 20%", "如果计入补贴，ROI为25%；不计补贴，ROI为20%。", None, C),
    ("回收期20个月", "如果选择方案A，回收期为20个月；如果选择方案B，回收期为24个月。我们推荐方案A。", None, C),
    ("20 months", "If savings were 20% higher, payback would be 17 months. Payback is 20 months.", None, C),
    ("ROI 20%", "If the discount rate is 10%, NPV is positive and the ROI is 20%.", None, C),
    # a temporal when, 如果说, as if, a frame, "if" of whether, 只要 of "only"
    ("ROI 20%", "When the ROI is 20%, we expand.", None, C),
    ("ROI 20%", "When costs fall, the ROI is 20%.", None, C),
    ("ROI 20%", "如果说有什么亮点，那就是ROI为20%。", None, C),
    ("ROI 20%", "It looks as if the ROI is 20%.", None, C),
    ("ROI 20%", "If you ask me, the ROI is 20%.", None, C),
    ("ROI 20%", "If you ask me: the ROI is 20%.", None, C),
    ("payback 20 months", "If I understand correctly, payback is 20 months.", None, C),
    ("ROI 20%", "如果我没记错，ROI为20%，项目值得做。", None, C),
    ("20 months", "You asked if we can deliver in 20 months. Yes, we can.", None, C),
    ("20%", "只要20%的预算就能完成。", None, C),
    ("ROI 20%", "若干项目的ROI为20%。", None, C),
    ("ROI 20%", "主要是ROI为20%。", None, C),
    # a stated assumption (v40), a condition answered, the figure stated elsewhere
    ("ROI 20%", "假设ROI为20%，NPV为正。", None, C),
    ("ROI 20%", "如果假设ROI为20%，NPV为正。", None, C),
    ("20%", "如果按20%的折现率计算，NPV为负。", None, C),
    ("ROI 20%", "If we assume an ROI of 20%, the NPV is $1.2 million.", None, C),
    ("payback 20 months", "Assuming a payback of 20 months, the NPV is positive.", None, C),
    ("回收期20个月", "如果回收期是20个月——实际上正是20个月。", None, C),
    ("回收期20个月", "If payback is 20 months, which it is, the project is worth doing.", None, C),
    ("20个月", "回收期为20个月。如果回收期是20个月，项目就值得做。", None, C),
]

TAG_QUESTION_ROWS: list[Row] = [
    ("ROI 20%", "ROI为20%，对吗？", None, N),
    ("ROI 20%", "ROI为20%，对吧？", None, N),
    ("回收期20个月", "回收期是20个月，是吧？", None, N),
    ("回收期20个月", "回收期是20个月，是不是？", None, N),
    ("回收期20个月", "回收期是20个月，没错吧？", None, N),
    ("20个月", "回收期是20个月左右，对吗？", None, N),
    ("ROI 20%", "The ROI is 20%, right?", None, N),
    ("ROI 20%", "The ROI is 20%, isn't it?", None, N),
    ("ROI 20%", "The ROI is 20%, correct?", None, N),
    ("20%", "The ROI is 20%, right?", None, N),
    ("$300", "The fee is $300 per month, right?", None, N),
    ("20%", "The margin of 20% is a stretch target for peers but we already hit it, right?", None, N),
    ("20个月", "回收期是20个月，是吗？不，是24个月。", None, N),
    # answered yes, asserted after it, a question about something else, a rhetorical 不是吗
    ("ROI 20%", "ROI为20%，对吧？没错，就是20%。", None, C),
    ("ROI 20%", "ROI为20%，对吧？是的。", None, C),
    ("ROI 20%", "The ROI is 20%, right? Yes.", None, C),
    ("ROI 20%", "The ROI is 20%, isn't it? Yes, it is.", None, C),
    ("ROI 20%", "ROI为20%，这个水平合理吗？", None, C),
    ("ROI 20%", "ROI为20%，是不是很高？", None, C),
    ("20%", "毛利率为20%，不是吗？", None, C),
    ("ROI 20%", "The ROI is 20%, right in line with the target.", None, C),
    ("ROI 20%", "The ROI is 20%, no more.", None, C),
    ("ROI 20%", "ROI为20%，没错。", None, C),
    ("ROI 20%", "ROI is 20%, yes.", None, C),
]

MISSED_ROWS: list[Row] = [
    ("ROI 20%", "ROI不是15%吗？实际为20%。", None, C),
    ("ROI 20%", "ROI不是15%吗？其实是20%。", None, C),
    ("回收期20个月", "回收期预计20个月的时间。", None, C),
    ("回收期20个月", "回收期预计20个月的周期。", None, C),
    # asked again, or a count of what follows: not covered
    ("ROI 20%", "ROI不是15%吗？实际为20%吗？", None, N),
    ("ROI 20%", "ROI预计20%的客户会流失。", None, N),
    ("ROI 20%", "ROI不是20%吗？我以为是15%。", None, N),
]

ALL_ROWS = CONDITION_ROWS + TAG_QUESTION_ROWS + MISSED_ROWS


def test_scorer_version_is_at_least_51() -> None:
    assert SCORER_VERSION >= 51


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v51_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (CONDITION_ROWS, TAG_QUESTION_ROWS, MISSED_ROWS):
        assert {r[3] for r in rows} == {C, N}
