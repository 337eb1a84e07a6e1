"""Scorer v77: the figure a comparison measures against is not the answer's value.

回收期比20个月长4个月 says the payback is longer than 20 months, as 回收期超过20个月 does (v17: a strict bound), and
ROI高于行业平均的20% that it is above 20% - but v76 read a bound only with a filler of its own list right before the
figure and no comparison with 比 / 较 at all, so it credited the figure the answer's value was compared with:
比原计划的20个月长, 较20个月延长了4个月, ROI比20%高5个百分点, 超出预期的20%, 低于目标值20%, "above the 20% industry
average", "beat the 20% target", "longer than the 20 months planned", 相比20%的行业平均，ROI为25%, 与20个月相比,
"compared with 20% last year". `keywords/bounds.py`: `_named_figure_bound` (a comparing bound with the figure's name
between), `_compared_with` (比 / 较 with the comparative right after the figure: a strict bound of its direction; not
比 in 占比, 同比, 环比, 对比, 比例, 比如; nothing of a change between: 比去年提高20%多 is the change's size) and
`_compared_to` (the other side of a comparison with no comparative: another value, of no direction).
`benchmarks/credit_mutations.py` gains the kind "compared" (1,374 of 3,949 mutants credited under v76, 0 under v77).
And two writings of a range v76 missed (`numbers/edges.py`): an interval in square brackets ([15%, 20%], 【15%，20%】;
not a citation, 20% [1], nor a label in brackets, [ROI: 20%]) and a suspended hyphen (15- to 20-month). And a date
with a word of time after or before it (2025年6月以后上线, 2020年之后, 早于2020年, 晚于2025年6月: `bounds._date_bound`)
is a time after or before it; a deadline (2020年前完成建设, 不晚于, 最迟) states its date, as v22 decided.
"""

from __future__ import annotations

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# measured against with 比 / 较 and a comparative (v76: covered)
THAN: list[tuple[str, str, NumberForms | None, str]] = [
    ("20个月", "回收期比20个月长4个月。", None, N),
    ("20个月", "回收期比原计划的20个月长。", None, N),
    ("20个月", "回收期比20个月略长。", None, N),
    ("20个月", "回收期较20个月延长了4个月。", None, N),
    ("20个月", "回收期较原定的20个月延长4个月。", None, N),
    ("20个月", "回收期比20个月短。", None, N),
    ("20个月", "回收期比预期的20个月多出4个月。", None, N),
    ("20个月", "回收期为24个月，较20个月多4个月。", None, N),
    ("20%", "ROI比20%高5个百分点。", None, N),
    ("20%", "ROI比行业平均的20%高。", None, N),
    ("20%", "ROI较20%提升了5个百分点。", None, N),
    # a negated comparison is the other inclusive bound, which states its figure (v23)
    ("20个月", "回收期不比20个月长。", None, C),
    # the answer's own figure, the comparison elsewhere; 比 in another word; the size of a change
    ("20个月", "回收期为20个月，比原计划短4个月。", None, C),
    ("20个月", "回收期比原计划缩短4个月，为20个月。", None, C),
    ("20个月", "回收期20个月，比行业平均的24个月短。", None, C),
    ("20个月", "回收期比原来的24个月缩短到20个月。", None, C),
    ("20%", "ROI为20%，比去年高5个百分点。", None, C),
    ("20%", "ROI比去年高5个百分点，达到20%。", None, C),
    ("20%", "ROI比较高，约为20%。", None, C),
    ("20%", "ROI较高，为20%。", None, C),
    ("20%", "成本占比20%高于去年。", None, C),
    ("20%", "比如20%的ROI就很高。", None, C),
    ("20%", "ROI比行业平均高，为20%。", None, C),
]

# a comparing bound with the figure's name between it and the figure (v76: covered)
NAMED: list[tuple[str, str, NumberForms | None, str]] = [
    ("20%", "ROI高于行业平均的20%。", None, N),
    ("20%", "ROI低于目标值20%。", None, N),
    ("20%", "ROI超出预期的20%。", None, N),
    ("20%", "超过总预算的20%。", None, N),
    ("20%", "ROI above the 20% industry average.", None, N),
    ("20%", "ROI is above the 20% target.", None, N),
    ("20%", "ROI is below the 20% benchmark.", None, N),
    ("20%", "ROI beat the 20% target.", None, N),
    ("20%", "ROI trails the 20% benchmark.", None, N),
    ("20%", "ROI exceeds the industry's 20%.", None, N),
    ("20个月", "Payback is longer than the 20 months planned.", None, N),
    ("20个月", "Payback is shorter than the usual 20 months.", None, N),
    # an inclusive bound states its figure (v17); not a bound: a one-character word, the top share, a count beaten
    ("20%", "不超过总预算的20%。", None, C),
    ("20%", "成本不超过营收的20%。", None, C),
    ("20%", "超大型企业的20%采用私有化部署。", None, C),
    ("20%", "最高的20%客户贡献了80%的收入。", None, C),
    ("20%", "The top 20% of customers matter most.", None, C),
    ("20 rivals", "We beat 20 rivals.", None, C),
    ("20%", "ROI为20%，高于行业平均的15%。", None, C),
    ("20%", "ROI is 20%, above the 15% average.", None, C),
]

# the other side of a comparison with no comparative (v76: covered)
COMPARED_TO: list[tuple[str, str, NumberForms | None, str]] = [
    ("20%", "相比20%的行业平均，ROI为25%。", None, N),
    ("20%", "ROI为25%，相比20%的行业平均更高。", None, N),
    ("20个月", "与20个月相比，回收期为24个月。", None, N),
    ("20个月", "回收期与20个月相比延长了4个月。", None, N),
    ("20%", "ROI is 25%, compared with 20% last year.", None, N),
    ("20%", "ROI is 25%, relative to the 20% industry average.", None, N),
    ("20%", "Compared with last year, ROI is 20%.", None, C),
    ("20%", "相比去年，ROI为20%。", None, C),
    ("20%", "ROI为20%，与去年相比有所提升。", None, C),
    ("20%", "与竞品相比，我们的ROI为20%。", None, C),
    ("20%", "ROI为20%，相比行业平均更高。", None, C),
    ("20%", "对比方案A，方案B的ROI为20%。", None, C),
    ("20%", "ROI为20%（相比15%）。", None, C),
]

# and two writings of a range (v76: covered): an interval in square brackets, a suspended hyphen
INTERVALS: list[tuple[str, str, NumberForms | None, str]] = [
    ("20%", "ROI区间为[15%, 20%]。", None, N),
    ("20%", "ROI区间为[20%, 25%]。", None, N),
    ("20%", "ROI区间为【15%，20%】。", None, N),
    ("20%", "The 95% interval is [15%, 20%].", None, N),
    ("20个月", "Expect a 15- to 20-month payback.", None, N),
    ("20%", "ROI为20% [1]。", None, C),
    ("20%", "[ROI: 20%]", None, C),
    ("20%", "ROI [base case: 20%]", None, C),
    ("20个月", "Payback: 20 months [1, 2].", None, C),
    ("20%", "置信区间[18%, 22%]，点估计20%。", None, C),
    ("20个月", "Expect a 20-month payback.", None, C),
]

# a date with a word of time after or before it (v76: covered); a deadline states its date (v22)
DATES: list[tuple[str, str, NumberForms | None, str]] = [
    ("2025年6月", "预计2025年6月以后上线。", None, N),
    ("2025年6月", "预计2025年6月后上线。", None, N),
    ("2025年6月", "预计早于2025年6月上线。", None, N),
    ("2025年6月", "预计晚于2025年6月上线。", None, N),
    ("2020年", "公司成立于2020年之后。", None, N),
    ("2020年", "公司成立早于2020年。", None, N),
    ("2025年6月", "预计2025年6月上线。", None, C),
    ("2025年6月", "预计2025年6月前上线。", None, C),
    ("2025年6月", "预计不晚于2025年6月上线。", None, C),
    ("2025年6月", "预计最迟2025年6月上线。", None, C),
    ("2020年", "2020年前完成建设。", None, C),
    ("2020年", "公司成立于2020年前后。", None, C),
    ("2020年", "2020年后期完成。", None, C),
    ("2024年", "2024年后半年上线。", None, C),
    ("1997年", "成立于1997年，此后快速发展。", None, C),
    ("3个月", "3个月后上线。", None, C),  # a length counted forward (v22)
    ("5000元/月", "费用5000元/月以后每年递增。", None, C),  # a rate's period is no date
]

# a target's or a threshold's word right before the subject's name (v76: covered), as ROI目标为20% was not (v48)
TARGETS: list[tuple[str, str, NumberForms | None, str]] = [
    ("ROI 20%", "目标ROI为20%。", None, N),
    ("ROI 20%", "门槛ROI为20%。", None, N),
    ("ROI 20%", "The target ROI is 20%.", None, N),
    ("ROI 20%", "The hurdle ROI is 20%.", None, N),
    ("ROI 20%", "ROI目标为20%。", None, N),
    ("ROI 20%", "本项目ROI为20%，达到立项门槛。", None, C),
    ("ROI 20%", "预期ROI为20%。", None, C),  # a forecast states its level (v50)
    ("ROI 20%", "项目ROI为20%。", None, C),
    ("ROI 20%", "The ROI is 20%.", None, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 77


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"), [*THAN, *NAMED, *COMPARED_TO, *INTERVALS, *DATES, *TARGETS]
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
