"""Scorer v76: a range is read whatever its other end looks like, and wherever it stands.

A figure at one end of a range is not the figure (v5, v7): 18到20个月 states no 20个月. But the range rules read the
other end only as a plain number with the point's unit, so a range was credited where that end was said about its
number or with a half of its unit (十几到二十个月, 10多个月到20个月, 10余至20个月, 20个月到30余个月, 180多万元到200万元,
10%多到20%, "10-odd to 20 months", 一年半到二十个月, 1年半到20个月); where a change reached the range (回本周期从20个月
缩短至11到14个月, ROI由15%提升到15%到20%, ROI从第二年起可达15%到20%: v38's reached level took the range's last
end); where a rate's period followed it (3750元到5000元/月, 3750元/月到5000元/月, 5000元/月到6000元/月: the period's 月
was read as a date's); and where "=>" or ">=" stood beside it, or a range followed "=" (Payback: 15 to 20 months =>
approve, 20×12=180天到240天: read as a subtraction, which only a dash writes). `numbers/edges.py`,
`numbers/patterns.py` (`_label_before`), `keywords/rates.py`; `benchmarks/credit_mutations.py` makes the first kind of
every covered row (593 of 43,363 mutants credited under v75, 0 under v76).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# the other end said about its number, or with a half of its unit (v75: covered)
ABOUT_AN_END: list[tuple[str, str, NumberForms | None, str]] = [
    ("20个月", "投资回收期为十几到二十个月。", CN, N),
    ("20个月", "投资回收期为十几个月到二十个月。", CN, N),
    ("20个月", "投资回收期为10多到20个月。", None, N),
    ("20个月", "投资回收期为10多个月到20个月。", None, N),
    ("20个月", "投资回收期为10余至20个月。", None, N),
    ("20个月", "投资回收期为十来个月到二十个月。", CN, N),
    ("20个月", "投资回收期为一年半到二十个月。", CN, N),
    ("20个月", "投资回收期为1年半到20个月。", None, N),
    ("20个月", "投资回收期为20个月到30余个月。", None, N),
    ("20%", "ROI为10多到20%。", None, N),
    ("20%", "ROI为百分之十几到百分之二十。", CN, N),
    ("20%", "ROI在10%多到20%之间。", None, N),
    ("200万元", "报价为180多万元到200万元。", None, N),
    ("200万元", "报价为200万元到250余万元。", None, N),
    ("20个月", "The payback is 10-odd to 20 months.", None, N),
    ("20%", "The ROI is 15-odd to 20%.", None, N),
    # unchanged: a plain range, a change that ends at the figure, an approximate figure alone, a range elsewhere
    ("20个月", "投资回收期为18到20个月。", None, N),
    ("20个月", "回收期由30多个月缩短至20个月。", None, C),
    ("20个月", "回收期从两年半缩短到20个月。", CN, C),
    ("20个月", "回收期从2年半降到20个月。", None, C),
    ("20个月", "前期筹备十几天到二十天，回收期20个月。", CN, C),
    ("20个月", "投资回收期约20个月。", None, C),
    ("20个月", "投资回收期为20个月。", None, C),
]

# a change that reaches a range reaches none of its ends (v75: covered)
CHANGED_TO_A_RANGE: list[tuple[str, str, NumberForms | None, str]] = [
    ("回收期14个月", "回本周期从20个月缩短至11到14个月。", None, N),
    ("回收期14个月", "回本周期从20个月缩短至11多个月到14个月。", None, N),
    ("ROI 20%", "ROI由15%提升到15%到20%。", None, N),
    ("ROI 15%", "ROI由20%降至12%到15%。", None, N),
    ("ROI 20%", "ROI从第二年起可达15%到20%。", None, N),
    ("ROI 20%", "ROI rose from 15% to 15-odd to 20%.", None, N),
    # where the change started is no range's end: a change from it to the figure
    ("ROI 20%", "ROI从15%提升到20%。", None, C),
    ("ROI 20%", "ROI rose from 15% to 20%.", None, C),
    ("回收期14个月", "回本周期从20个月缩短至14个月。", None, C),
    ("ROI 15%", "ROI由20%降至15%。", None, C),
    ("ROI 20%", "ROI两年后可达到20%。", None, C),
    ("ROI 20%", "ROI三年内可达20%。", None, C),
]

# a range of rates, and ranges beside "=>", ">=" or after "=" (v75: covered)
RATES_AND_SIGNS: list[tuple[str, str, NumberForms | None, str]] = [
    ("5000元/月", "费用为3750元到5000元/月。", None, N),
    ("5000元/月", "费用为3750元/月到5000元/月。", None, N),
    ("5000元/月", "费用为5000元/月到6000元/月。", None, N),
    ("20万元/年", "年节省15万元到20万元/年。", None, N),
    ("$5000 per month", "It costs $4000 to $5000 per month.", None, N),
    ("20 months", "Payback: 15 to 20 months => approve.", None, N),
    ("20 months", "Payback: 15-20 months => approve.", None, N),
    ("20%", "ROI >= 15 to 20%.", None, N),
    ("240天", "回收期为20×12=180天到240天。", None, N),
    ("5000元/月", "费用为5000元/月。", None, C),
    ("5000元/月", "费用为每月5000元。", None, C),
    ("5000元/月", "费用从3000元/月提高到5000元/月。", None, C),
    ("$5000 per month", "It costs $5000 per month.", None, C),
    ("20 months", "Payback: 20 months => approve.", None, C),
    ("90万元", "年净节省=120万元-30万元=90万元。", None, C),
    ("90万元", "年净节省 = 120万元 – 30万元 = 90万元。", None, C),
    ("3月", "3月到5月上线。", None, C),  # a date keeps both ends (v7)
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 76


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"), [*ABOUT_AN_END, *CHANGED_TO_A_RANGE, *RATES_AND_SIGNS]
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
