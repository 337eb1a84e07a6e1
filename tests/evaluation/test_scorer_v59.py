"""Scorer v59: a named subject's figure said with "only", "exactly", "in all" or "indeed" between them, and a
negation with an adverb around its "not".

- Chinese: 回收期仅20个月, 仅为, 只有, 只要, 只需, 才, 就是, 正好, 恰好, 刚好, 整整, 足足有,
  总共, 共计, 一共, 也就, 不过, 确实为, ROI高达50%, 回收期长达20个月 - v58 linked a subject to its
  figure through a copula, "about" or a hedge and missed them all (`numbers/patterns.py`, `_ONLY_ZH` in
  `_SUBJECT_LINK` and `_HEDGE_LINK`); 不仅 / 不只 / 不止 (more than the figure), a change after the adverb
  (仅缩短了20个月), a part of it (只有20个月的一半), a count after it (ROI仅20%的客户), a question, a
  condition and another holder keep their readings;
- English: "is only / just / merely / exactly / precisely 20 months", "a payback of just 20 months", "a mere / a full
  / a whopping 50%", "comes in at", "totals" (`numbers/roundabout.py`, `_ADVERBIALS_EN`; `patterns._SUBJECT_LINK`);
  "is just over" and "is only above" (bounds) and "up to" stay not covered;
- a negation with an adverb before or after its "not" is a negation (`patterns.NEGATED_LINK`): "The ROI is actually
  not 20%", "isn't actually 20%", "is indeed not", "is not only / just / exactly 20%" - v58 took the adverb out as it
  takes "actually" out of "is actually 20%" and credited "The ROI is actually not 20%".
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

ONLY_ZH = [
    "仅",
    "仅为",
    "仅仅",
    "只",
    "只有",
    "只要",
    "只需",
    "才",
    "就",
    "就是",
    "正好",
    "恰好是",
    "刚好",
    "整整",
    "足足有",
    "总共",
    "共计",
    "一共",
    "一共需要",
    "也就",
    "不过",
    "确实为",
    "确实是",
    "的确是",
    "高达",
    "长达",
]
ONLY_EN = [
    "is only",
    "is just",
    "is merely",
    "is exactly",
    "is precisely",
    "is a mere",
    "is a full",
    "is a whopping",
    "comes in at",
    "totals",
    "is only about",
    "would be just",
]

# wrong under v58 (missed): each adverb with both shapes of point
ONLY_ROWS: list[Row] = [
    *[("回收期20个月", f"回收期{adverb}20个月。", None, C) for adverb in ONLY_ZH],
    *[("ROI 50%", f"ROI{adverb}50%。", None, C) for adverb in ONLY_ZH if adverb not in ("长达", "一共需要")],
    *[("回收期20个月", f"The payback period {adverb} 20 months.", None, C) for adverb in ONLY_EN],
    *[("ROI 50%", f"The ROI {adverb} 50%.", None, C) for adverb in ONLY_EN],
    ("回收期20个月", "The project has a payback period of just 20 months.", None, C),
    ("回收期20个月", "The project has a payback period of only 20 months.", None, C),
    ("ROI 50%", "本项目ROI确实为50%，高于行业平均。", None, C),
    ("回收期20个月", "回收期也就20个月左右。", None, C),
    ("回收期20个月", "按当前测算，回收期仅20个月就能回本。", None, C),
]

# the twins: a bound, a change, a part, a count, a question, a condition, another holder, a claim - not covered
TWIN_ROWS: list[Row] = [
    ("回收期20个月", "回收期不仅20个月。", None, N),
    ("回收期20个月", "回收期不只20个月。", None, N),
    ("回收期20个月", "回收期不止20个月。", None, N),
    ("回收期20个月", "回收期只有20个月的一半。", None, N),
    ("ROI 20%", "ROI仅20%的客户会续约。", None, N),
    ("回收期20个月", "回收期只有超过20个月才会亏损。", None, N),
    ("回收期20个月", "回收期才20个月吗？", None, N),
    ("回收期20个月", "回收期仅20个月？", None, N),
    ("回收期20个月", "回收期就20个月，对吗？", None, N),
    ("回收期20个月", "回收期仅为20个月？不，是24个月。", None, N),
    ("回收期20个月", "如果回收期只有20个月，项目就值得做。", None, N),
    ("回收期20个月", "回收期仅缩短了20个月。", None, N),
    ("回收期20个月", "回收期仅比原计划多20个月。", None, N),
    ("回收期20个月", "回收期整整延长了20个月。", None, N),
    ("ROI 20%", "ROI仅提升20%。", None, N),
    ("ROI 20%", "ROI才提高了20%。", None, N),
    ("ROI 20%", "ROI确实不到20%。", None, N),
    ("ROI 20%", "ROI就不是20%。", None, N),
    ("回收期20个月", "竞争对手的回收期仅20个月。", None, N),
    ("回收期20个月", "有人说回收期只有20个月，这是错误的。", None, N),
    ("回收期20个月", "回收期只有20个月是不可能的。", None, N),
    ("回收期20个月", "去年回收期只有20个月，今年延长到26个月。", None, N),
    ("ROI 50%", "厂商宣称ROI高达50%。", None, N),
    ("回收期20个月", "The payback period is just over 20 months.", None, N),
    ("回收期20个月", "The payback period is only above 20 months.", None, N),
    ("ROI 20%", "The ROI is up to 20%.", None, N),
    ("回收期20个月", "The payback takes just 20 months more than planned.", None, N),
    ("回收期20个月", "The payback period is just 20 months, right?", None, N),
    ("回收期20个月", "Some vendors claim the payback is only 20 months.", None, N),
    ("回收期20个月", "A payback of just 20 months would require cutting 25 agents.", None, N),
    ("ROI 20%", "The ROI is only half of 20%.", None, N),
]

# a negation with an adverb around its "not": wrong under v58 where credited (actually, isn't actually, indeed)
NEGATION_ROWS: list[Row] = [
    ("ROI 20%", "The ROI is actually not 20%.", None, N),
    ("ROI 20%", "The ROI isn't actually 20%.", None, N),
    ("ROI 20%", "The ROI is indeed not 20%.", None, N),
    ("ROI 20%", "The ROI is clearly not 20%.", None, N),
    ("ROI 20%", "The ROI is just not 20%.", None, N),
    ("ROI 20%", "The ROI is not only 20%.", None, N),
    ("ROI 20%", "The ROI is not just 20%.", None, N),
    ("ROI 20%", "The ROI is not exactly 20%.", None, N),
    ("ROI 20%", "The ROI is not merely 20%.", None, N),
    ("ROI 20%", "The ROI is now not 20%.", None, N),
    # kept covered: the adverb without a negation, a negation of something else
    ("ROI 20%", "The ROI is actually 20%.", None, C),
    ("ROI 20%", "The ROI is indeed 20%.", None, C),
    ("ROI 20%", "Not only is the ROI 20%, it is also stable.", None, C),
    ("ROI 20%", "The ROI is 20%, not 15%.", None, C),
]


def test_version() -> None:
    assert SCORER_VERSION >= 59


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ONLY_ROWS)
def test_only_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), TWIN_ROWS)
def test_twin_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NEGATION_ROWS)
def test_negation_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
