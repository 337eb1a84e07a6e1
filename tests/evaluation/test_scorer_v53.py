"""Scorer v53: the wrong answers the v53 mutation kinds of benchmarks/credit_mutations.py found credited under v52
(another holder, 271 of 271; a strict bound before a question in the next clause, 2; a part or multiple of a figure
after words of counting, 2), the one the sweep of these rows found (a rejected claim, 1), and a hostile pass over the
fixes. 55 rows; 29 wrong under v52, all wrong answers credited (no right answer here was missed).

Each class, with the rows that were wrong before beside the rows that must keep their verdict (C covered, N not):
- another holder named right before the point's subject (竞争对手的ROI为20%, 竞品的毛利率为20%, 同行的回收期为20个月,
  行业平均ROI为20%, "A competitor's ROI is 20%", "The industry average ROI is 20%") was credited - the holder beside
  the answer's own figure (本项目的ROI为20%，高于竞争对手; 相比同行，ROI为20%; "Compared with peers, the ROI is 20%"),
  a point that names the holder itself (行业平均ROI 20%) and a plain "competitors" that possesses nothing ("Relative to
  competitors ROI is 20%") stay covered;
- a strict bound or a denial before a question in the next clause (ROI不到20%；这个水平合理吗？) was read as a negative
  question that asserts its figure (v46) - the question past a semicolon is the next clause's, and a negative question
  in one clause (难道ROI不是20%吗？) still asserts;
- a part or a multiple of a point's figure said after words of counting (每月5000元的一半, 每月5000元的两倍) was
  credited, as v17 read a multiple only where the match starts with the figure - 每月5000元 and 每月5000元的费用 stay
  covered;
  so was such a figure reported and rejected with a noun after it (有人说每月5000元的费用，这是错误的: v17's
  `reported_and_corrected` read only a match that starts with the figure) - one confirmed (确实如此) or given as the
  correction (有人说每月4000元，但实际是每月5000元) stays covered.
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

HOLDER_ROWS: list[Row] = [
    ("ROI 20%", "竞争对手的ROI为20%。", None, N),
    ("ROI 20%", "竞争对手的ROI约为20%。", None, N),
    ("ROI 20%", "竞争对手的ROI：20%", None, N),
    ("ROI 20%", "竞争对手的ROI 20%（仅供参考）", None, N),
    ("ROI 20%", "行业平均ROI为20%。", None, N),
    ("ROI 20%", "行业平均水平的ROI为20%。", None, N),
    ("ROI 20%", "其他公司的ROI约为20%。", None, N),
    ("回收期20个月", "同行的回收期为20个月。", None, N),
    ("回收期20个月", "竞争对手的回收期20个月。", None, N),
    ("回收期20个月", "竞争对手的回收期预计为20个月。", None, N),
    ("毛利率为20%", "竞品的毛利率为20%。", None, N),
    ("ROI 20%", "A competitor's ROI is 20%.", None, N),
    ("ROI 20%", "Competitors' ROI is 20%.", None, N),
    ("ROI 20%", "The peer ROI is 20%.", None, N),
    ("ROI 20%", "The industry average ROI is 20%.", None, N),
    ("ROI 20%", "The competing project's ROI is 20%.", None, N),
    ("ROI 20%", "竞争对手的ROI为20%，我们的为15%。", None, N),
    # a 分别 / respectively list: the item held by another
    ("ROI 20%", "竞争对手的ROI和IRR分别为20%和15%。", None, N),
    ("IRR 15%", "ROI和竞争对手的IRR分别为20%和15%。", None, N),
    ("IRR 15%", "ROI and a competitor's IRR are 20% and 15% respectively.", None, N),
    ("ROI 20%", "A competitor's ROI and IRR are 20% and 15% respectively.", None, N),
    # the answer's own figure beside another holder's
    ("ROI 20%", "ROI为20%。", None, C),
    ("ROI 20%", "本项目的ROI为20%，高于竞争对手。", None, C),
    ("ROI 20%", "与竞争对手相比，ROI为20%。", None, C),
    ("ROI 20%", "相比同行，ROI为20%。", None, C),
    ("ROI 20%", "竞争对手的ROI为15%，我们的ROI为20%。", None, C),
    ("ROI 20%", "ROI为20%（竞争对手为15%）。", None, C),
    ("ROI 20%", "Our ROI is 20%, above the competitor's 15%.", None, C),
    ("ROI 20%", "Compared with peers, the ROI is 20%.", None, C),
    ("ROI 20%", "Relative to competitors ROI is 20%.", None, C),
    ("ROI 20%", "The ROI is 20%, versus an industry average of 15%.", None, C),
    ("ROI 20%", "本项目的ROI和IRR分别为20%和15%。", None, C),
    ("ROI 20%", "ROI and IRR are 20% and 15% respectively.", None, C),
    ("ROI 20%", "方案A和方案B的ROI分别为20%和15%。", None, C),
    # a point that names the holder itself
    ("行业平均ROI 20%", "行业平均ROI为20%。", None, C),
    ("20%", "竞争对手的ROI为20%。", None, C),  # a bare figure: the question may ask the competitor's
]

QUESTION_ROWS: list[Row] = [
    ("20%", "ROI不到20%；这个水平合理吗？", None, N),
    ("20%", "ROI不到20%; 这个水平合理吗？", None, N),
    ("ROI 20%", "ROI不是20%；这个水平合理吗？", None, N),
    ("ROI 20%", "The ROI is not 20%; is that enough?", None, N),
    ("ROI 20%", "难道ROI不是20%吗？", None, C),
    ("ROI 20%", "ROI不就是20%吗？", None, C),
    ("ROI 20%", "ROI为20%；这个水平合理吗？", None, C),
    ("20%", "ROI为20%；这个水平合理吗？", None, C),
]

COUNTED_ROWS: list[Row] = [
    ("每月5000元", "每月5000元的一半。", None, N),
    ("每月5000元", "每月5000元的两倍。", None, N),
    ("每月5000元", "费用为每月5000元的一半。", None, N),
    ("每月5000元", "每月5000元的80%。", None, N),
    ("每月5000元", "每月5000元。", None, C),
    ("每月5000元", "每月5000元的费用。", None, C),
    ("每月5000元", "费用为每月5000元，比去年低。", None, C),
    ("5000元", "5000元的一半。", None, N),
    # the lead's sweep of v53's own rows: a claim named by a noun after the figure, reported and rejected
    ("每月5000元", "有人说每月5000元的费用，这是错误的。", None, N),
    ("每月5000元", "有人说每月4000元，但实际是每月5000元。", None, C),
    ("每月5000元", "有人说每月5000元，确实如此。", None, C),
]

ALL_ROWS = HOLDER_ROWS + QUESTION_ROWS + COUNTED_ROWS


def test_scorer_version_is_at_least_53() -> None:
    assert SCORER_VERSION >= 53


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ALL_ROWS)
def test_v53_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


def test_rows_hold_both_verdicts_in_each_class() -> None:
    """Each class pins wrong answers and the right answers beside them, so a fix that drops all credit fails too."""
    for rows in (HOLDER_ROWS, QUESTION_ROWS, COUNTED_ROWS):
        assert {r[3] for r in rows} == {C, N}
