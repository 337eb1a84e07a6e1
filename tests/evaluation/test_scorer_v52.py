"""Scorer v52: right answers still missed by v51, and a hostile pass over v51's conditions and tag questions.

129 rows; 69 fail under v51 (67 right answers missed - 43 held, 17 framed, 7 of the hostile pass - and 2 wrong
answers credited: ROI应该是20%吧？, ROI为20%吧？).

Each class, with the rows that were wrong before beside the rows that must keep their verdict (C covered, N not):
- a subject and its figure joined by a verb of holding or keeping (即使考虑风险，ROI仍有20%; ROI维持20%; ROI还有20%;
  ROI依旧为20%; "the ROI stays at 20%", "remains 20%", "holds at 20%", "stays around 20%") was missing - a bound
  ("stays above 20%"), a negation (ROI没有保持在20%), a change (ROI从20%降至15%), another subject (IRR仍有20%) and a
  figure that counts what follows (ROI还有20%的提升空间) stay not covered;
- a framed answer that names the subject, then gives the figure through a pronoun or an "answer is" phrase (如果您问
  ROI是多少，答案是20%; "If you are asking about the ROI, it is 20%"; "As for the ROI, it is 20%") was missing or read
  as a condition's antecedent - another subject after the frame (As for the ROI, the IRR is 20%) stays not covered;
- the hostile pass over v51: "if" of whether after "the question is", a contrast after the figure's part ("If
  approved, the ROI is 20%, but the risk would be higher", 但, 不过) and an aside in brackets after the figure
  (如果获批，ROI为20%（若有补贴则更高）) were read as a condition's antecedent - the figure in an antecedent with a
  bracket before its consequent (如果ROI为20%（按当前价格），项目就值得做) stays supposed; 吧？ after a claim asks
  (ROI应该是20%吧？, decided), and the user's question framed before the answer (您问ROI是多少，…) keeps its 多少 to
  itself, so 您问ROI是多少，答案是20%吗？ asks.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

HELD_ZH = (
    "仍有",
    "仍然有",
    "依然保持在",
    "维持",
    "还有",
    "保持",
    "仍保持在",
    "依旧为",
    "仍为",
    "仍能达到",
    "也有",
    "始终保持在",
    "一直维持在",
    "仍然维持",
)
HELD_EN = (
    "stays at",
    "remains",
    "remains at",
    "holds at",
    "stays around",
    "still stays at",
    "remained at",
    "held at",
    "is still at",
    "stays steady at",
    "holds steady at",
    "remains stable at",
    "kept at",
)

HELD_ROWS: list[Row] = [
    *(("ROI 20%", f"ROI{verb}20%。", None, C) for verb in HELD_ZH),
    *(("ROI 20%", f"The ROI {verb} 20%.", None, C) for verb in HELD_EN),
    ("ROI 20%", "即使考虑风险，ROI仍有20%。", None, C),
    ("ROI 20%", "即使成本上升，ROI也有20%。", None, C),
    ("ROI 20%", "即便原材料涨价，ROI依然维持在20%左右。", None, C),
    ("ROI 20%", "Even if costs rise, the ROI stays at 20%.", None, C),
    ("ROI 20%", "Even with higher costs, the ROI remains around 20%.", None, C),
    ("ROI 20%", "- 如果成本上升，ROI仍为20%。", None, C),
    ("ROI 20%", "- **ROI**：仍保持在20%", None, C),
    ("ROI 20%", "| 情景 | 结论 |\n|---|---|\n| 成本上升10% | ROI仍有20% |", None, C),
    ("回收期20个月", "回收期维持20个月不变。", None, C),
    ("回收期20个月", "即使销量下降，回收期也仍保持在20个月左右。", None, C),
    ("毛利率20%", "毛利率依旧保持在20%的水平。", None, C),
    ("payback 20 months", "Payback stays at 20 months even under the downside case.", None, C),
    ("ROI 20%", "ROI仍有二十%。", CN, C),
    ("ROI 20%", "The ROI remained 20% in 2024.", None, C),
    ("ROI 20%", "| 指标 | 下行情景 |\n|---|---|\n| ROI | 仍保持在20% |", None, C),
    ("ROI 20%", "| Metric | Downside |\n|---|---|\n| ROI | stays at 20% |", None, C),
    ("ROI 20%", "- ROI: remains at 20%", None, C),
    ("ROI 20%", "* ROI：依然维持20%左右", None, C),
    # a bound, a negation, a change, another subject, a count of what follows: not covered
    ("ROI 20%", "The ROI stays above 20%.", None, N),
    ("ROI 20%", "The ROI remains below 20%.", None, N),
    ("ROI 20%", "The ROI stays at over 20%.", None, N),
    ("ROI 20%", "ROI保持在超过20%的水平。", None, N),
    ("ROI 20%", "ROI没有保持在20%。", None, N),
    ("ROI 20%", "ROI未能维持20%。", None, N),
    ("ROI 20%", "ROI无法保持20%。", None, N),
    ("ROI 20%", "ROI不再维持20%。", None, N),
    ("ROI 20%", "The ROI does not stay at 20%.", None, N),
    ("ROI 20%", "The ROI no longer stays at 20%.", None, N),
    ("ROI 20%", "The ROI won't remain at 20%.", None, N),
    ("ROI 20%", "ROI从20%降至15%。", None, N),
    ("ROI 20%", "The ROI stayed at 20% until 2023; it is now 15%.", None, N),
    ("ROI 20%", "The ROI held at 20% until 2023, but it is now 15%.", None, N),
    ("ROI 20%", "ROI仍从20%降到了15%。", None, N),
    ("ROI 20%", "IRR仍有20%。", None, N),
    ("ROI 20%", "The IRR stays at 20%.", None, N),
    ("ROI 20%", "ROI还有20%的提升空间。", None, N),
    ("ROI 20%", "ROI仍保持20%的增长。", None, N),
    ("ROI 20%", "The ROI holds 20% of the upside.", None, N),
    ("ROI 20%", "如果ROI仍有20%，项目就值得做。", None, N),
    ("ROI 20%", "ROI仍有20%吗？", None, N),
]

FRAMED_ROWS: list[Row] = [
    ("ROI 20%", "如果您问ROI是多少，答案是20%。", None, C),
    ("ROI 20%", "您问ROI是多少，答案是20%。", None, C),
    ("ROI 20%", "如果你问ROI有多高，大约20%。", None, C),
    ("ROI 20%", "关于ROI，答案是20%。", None, C),
    ("ROI 20%", "至于ROI，是20%。", None, C),
    ("ROI 20%", "至于ROI，它为20%。", None, C),
    ("回收期20个月", "关于回收期，大约20个月。", None, C),
    ("回收期20个月", "说到回收期，答案是20个月左右。", None, C),
    ("ROI 20%", "If you are asking about the ROI, it is 20%.", None, C),
    ("ROI 20%", "If you're asking about the ROI, it's about 20%.", None, C),
    ("ROI 20%", "As for the ROI, it is 20%.", None, C),
    ("ROI 20%", "As for the ROI, it's roughly 20%.", None, C),
    ("ROI 20%", "Regarding the ROI, it comes to 20%.", None, C),
    ("ROI 20%", "When it comes to ROI, the answer is 20%.", None, C),
    ("ROI 20%", "As far as the ROI is concerned, it is 20%.", None, C),
    ("ROI 20%", "- As for the ROI: it is 20%.", None, C),
    ("payback 20 months", "As for payback, it is about 20 months.", None, C),
    ("ROI 20%", "**As for the ROI**, it is 20%.", None, C),
    ("ROI 20%", "- **至于ROI**：答案是20%", None, C),
    # another subject after the frame, a negation, a question: not covered
    ("ROI 20%", "As for the ROI, the IRR is 20%.", None, N),
    ("ROI 20%", "至于ROI，IRR是20%。", None, N),
    ("ROI 20%", "关于ROI，毛利率为20%。", None, N),
    ("ROI 20%", "As for the ROI, it is not 20%.", None, N),
    ("ROI 20%", "As for the ROI, it isn't 20%.", None, N),
    ("ROI 20%", "关于ROI，答案不是20%。", None, N),
    ("ROI 20%", "As for the ROI, is it 20%?", None, N),
    ("ROI 20%", "As for the ROI, it is above 20%.", None, N),
    ("ROI 20%", "Unlike the IRR, the ROI, it is said, is 15%; 20% is the IRR.", None, N),
]

HOSTILE_ROWS: list[Row] = [
    # right answers a real model writes around a condition or a tag-like word: covered
    ("ROI 20%", "The question is if the ROI is 20%; it is 20%.", None, C),
    ("ROI 20%", "如果说有什么亮点，那就是ROI为20%。", None, C),
    ("ROI 20%", "Even if costs rise, ROI is 20%.", None, C),
    ("ROI 20%", "如果成本上升10%，那么ROI为20%，则项目可行。", None, C),
    ("ROI 20%", "如果按当前价格，则ROI为20%；如果价格下降，那么ROI为15%。", None, C),
    ("ROI 20%", "| 情景 | ROI |\n|---|---|\n| 如果成本上升 | 20% |", None, C),
    ("ROI 20%", "The ROI is 20%, right in line with the plan.", None, C),
    ("ROI 20%", "ROI为20%，对比去年提升5个点。", None, C),
    ("ROI 20%", "ROI为20%，对标行业平均水平。", None, C),
    ("ROI 20%", "ROI is 20%, correct to one decimal.", None, C),
    ("ROI 20%", "ROI为20%，是不错的水平。", None, C),
    ("ROI 20%", "The ROI is 20%, right? Yes, it is.", None, C),
    ("ROI 20%", "I'm not sure if you need the detail, but the ROI is 20%.", None, C),
    ("ROI 20%", "It depends on if you count subsidies; without them, the ROI is 20%.", None, C),
    ("ROI 20%", "即使保守估计，ROI也有20%。", None, C),
    ("ROI 20%", "- 基准情景（如果价格不变）：ROI为20%", None, C),
    ("ROI 20%", "| 情景 | 条件 | ROI |\n|---|---|---|\n| 基准 | 如果价格不变 | 20% |", None, C),
    ("ROI 20%", "ROI应该是20%吧。", None, C),
    ("ROI 20%", "ROI应该是20%吧？是的，就是20%。", None, C),
    # a contrast after the figure's part, or an aside in brackets, is no consequent of the condition before it
    ("ROI 20%", "If approved, the ROI is 20%, but the risk would be higher.", None, C),
    ("ROI 20%", "If approved, the ROI is 20%, although margins would be thinner.", None, C),
    ("ROI 20%", "If approved, the ROI is 20% (it could be higher with subsidies).", None, C),
    ("ROI 20%", "如果获批，ROI为20%，但补贴需要才能到位。", None, C),
    ("ROI 20%", "如果获批，ROI为20%（若有补贴则更高）。", None, C),
    # wrong answers: supposed or asked
    ("ROI 20%", "如果ROI为20%，项目就值得做。", None, N),
    ("ROI 20%", "如果ROI为20%（按当前价格），项目就值得做。", None, N),
    ("ROI 20%", "If the ROI is 20% (as planned), the project is worth doing.", None, N),
    ("ROI 20%", "The ROI is 20%, right?", None, N),
    ("ROI 20%", "If the ROI is 20% the project is worth doing.", None, N),
    # decided: an antecedent with no comma reads the figure as supposed (as the line above must), 吧？ asks
    ("payback 20 months", "If prices hold payback is 20 months.", None, N),
    ("ROI 20%", "ROI应该是20%吧？", None, N),
    ("ROI 20%", "ROI为20%吧？", None, N),
    ("ROI 20%", "您问ROI是多少，答案是20%吗？", None, N),
    ("20个月", "如果您问的回收期为20个月，项目就值得做。", None, N),
    # the lead's review: after a verb of holding, a figure followed by 就 / 才 / 即可 is what is still to go or a
    # condition (v52 before the review credited ROI还有20%就达标了)
    ("ROI 20%", "ROI还有20%就达标了。", None, N),
    ("ROI 20%", "ROI保持在20%就能达标。", None, N),
    ("回收期20个月", "回收期还有20个月即可结束。", None, N),
    ("ROI 20%", "ROI仍有20%，就目前看不错。", None, C),
    ("回收期20个月", "回收期约20个月就能回本。", None, C),
]

ALL_ROWS = HELD_ROWS + FRAMED_ROWS + HOSTILE_ROWS


def test_scorer_version_is_at_least_52() -> None:
    assert SCORER_VERSION >= 52


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v52_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (HELD_ROWS, FRAMED_ROWS, HOSTILE_ROWS):
        assert {r[3] for r in rows} == {C, N}
