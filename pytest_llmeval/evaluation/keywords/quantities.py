"""v109: a point's figure given to another quantity than the one the question asks of.

ROI是多少？ - 成本下降了20%，ROI为12% (毛利率为20%，ROI为12%; "The gross margin is 20%; the ROI is 12%") for the point
20%; 回本周期是多久？ - 项目建设期20个月，回本周期26个月 for 20个月: the point's figure measures another quantity, and
the answer gives the asked one another figure of the same kind - v108 credited the figure wherever it stood. Only
where the question names one quantity of the list (a question that names several - the data of a calculation and
what to compute - is left as it was), the point's own words name none (a point 毛利率20% says which quantity it wants),
the figure's nearest name before it in its clause (or right after it: 20%的毛利率) is another quantity's, and a figure
of the same kind follows a name of the asked one (ROI为20%，成本下降了12% keeps 20%; 成本下降了20% alone says nothing
of the ROI either way and stays what it was)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from ..numbers import Pattern
from .normalisation import normalise
from .retraction import another_value

# The quantities business questions ask of, each with the names an answer gives it (Chinese and English, normalised:
# lower case). A name is read whole: the longest name at a place wins (投资回报率 is a ROI, not an investment).
_QUANTITIES: dict[str, tuple[str, ...]] = {
    "roi": ("roi", "投资回报率", "投资收益率", "回报率", "年化收益率", "return on investment"),
    "irr": ("irr", "内部收益率", "internal rate of return"),
    "gross margin": ("毛利率", "gross margin"),
    "net margin": ("净利率", "净利润率", "net margin", "net profit margin"),
    "profit margin": ("利润率", "profit margin"),
    "payback": (
        "回本周期",
        "回收期",
        "投资回收期",
        "静态投资回收期",
        "回收周期",
        "回本期",
        "回本时间",
        "回本",
        "payback",
        "payback period",
        "break-even point",
        "breakeven point",
    ),
    "construction": (
        "建设期",
        "建设周期",
        "施工期",
        "工期",
        "construction",
        "construction period",
        "construction phase",  # v110: and the build's other English names
        "build phase",
        "build period",
        "build-out",
    ),
    "implementation": (
        "实施周期",
        "实施期",
        "实施时间",
        "部署周期",
        "部署时间",
        "上线周期",
        "implementation",
        "deployment",
        "rollout",
    ),
    "delivery": ("交付周期", "交付期", "交货期", "delivery time", "lead time"),
    "development": ("开发周期", "研发周期", "development time", "development period"),
    "trial": ("试用期", "试运行期", "trial period", "pilot period"),
    "warranty": ("质保期", "保修期", "维保期", "warranty", "warranty period"),
    "growth": ("增长率", "增速", "增幅", "growth", "growth rate"),
    "conversion": ("转化率", "conversion rate"),
    "churn": ("流失率", "churn", "churn rate"),
    "retention": ("留存率", "retention", "retention rate"),
    "accuracy": ("准确率", "正确率", "accuracy"),
    "recall": ("召回率", "recall"),
    "approval": ("自动审批率", "审批通过率", "审批率", "通过率", "approval rate", "pass rate"),
    "market share": ("市场份额", "市场占有率", "占有率", "market share"),
    "discount": ("折扣", "discount"),
    "utilisation": ("利用率", "使用率", "utilisation", "utilization"),
    "error rate": ("错误率", "误报率", "差错率", "error rate", "false positive rate"),
    "satisfaction": ("满意度", "satisfaction"),
    "budget": ("预算", "budget"),
    "cost": ("总成本", "成本", "费用", "开支", "cost", "costs", "expense", "expenses"),
    "investment": ("总投资", "投资额", "投资", "投入", "investment", "capex"),
    "savings": ("节省", "节约", "saving", "savings"),
    "revenue": ("营收", "营业收入", "收入", "营业额", "销售额", "revenue", "sales"),
    "profit": ("净利润", "利润", "profit", "net profit", "earnings"),
    "price": ("报价", "价格", "单价", "售价", "price", "quote"),
    "headcount": ("团队规模", "团队", "人数", "员工", "员工数", "headcount", "team", "staff", "employees"),
}
_GROUP_OF = {name: group for group, names in _QUANTITIES.items() for name in names}
_NAME = re.compile(
    "|".join(
        f"(?<![a-z]){re.escape(name)}(?![a-z])" if name.isascii() else re.escape(name)
        for name in sorted(_GROUP_OF, key=len, reverse=True)
    )
)
_CLAUSE_BREAK = re.compile(r"[。!?;\n,]|\.(?=\s|$)")
_GAP = 14  # the most characters between a name and its figure (ROI比去年提高了, "the gross margin came in at")
_A_DIGIT = re.compile("[0-9]")
# what may stand between a name and its figure for the figure to be that quantity's: a copula, a verb of a level or a
# change, a limiter (ROI为12%, 成本下降了20%, 工期约20个月, "the ROI is 12%", "costs fell by 20%", "construction takes
# 20 months") - not other words (预算内硬件120万元, 成本节省贡献了12%: another quantity's figure)
_FILLER = re.compile(
    "预计|预期|大约|大概|约为|约合|仅为|只有|高达|可达|不到|超过|控制在|保持在|维持在|合计|总计|共计|用时|耗时|需要|"
    "目前|现在|当前|累计|每年|每月|年均|总共|一共|已经|"
    "倒是|倒|还|仍然|仍|依然|足足|竟然|居然|也就|有|"  # v110: 毛利率倒是有20% (the ROI asked: 20% is the margin's)
    r"(?:下降|降低|减少|增长|增加|提升|提高|上升|缩短|延长|达到)了?|[为是约达仅需要在共就也则将会可能了的:()|\s-]|"
    "(?<![a-z])(?:is|was|are|were|be|been|of|at|stands|stood|came|comes|in|to|fell|rose|dropped|grew|increased|"
    "decreased|declined|went|up|down|by|takes|took|take|will|would|needs|needed|around|about|roughly|approximately|"
    "the|a|an|just|only|over|under|nearly|almost|expected|estimated|some|reaches|reached|hits|hit|improved|improves|"
    "worsened|jumped|climbed|slipped|so|far|date|currently|now|total|overall|annually|per|year)(?![a-z])"
)
_NAME_RIGHT_AFTER = re.compile(" ?(?:的|of (?:the )?)?")
_A_FIGURE = re.compile("[0-9][0-9.,]*(?:%| ?[^0-9 ,.;:!?。()|]{0,3})")  # the other figure as the reason shows it
_A_FIGURE_RIGHT_BEFORE = re.compile("(?<![0-9.])(?<![0-9],)[0-9][0-9.,]*[^0-9 ]{0,7} ?(?:的 ?)?$")  # 12%的ROI


@lru_cache(maxsize=64)
def quantity_asked(question: str) -> str | None:
    """The one quantity of the list the question names (ROI是多少？ -> roi); None where it names none or several."""
    groups = {_GROUP_OF[m.group()] for m in _NAME.finditer(normalise(question))}
    return next(iter(groups)) if len(groups) == 1 else None


@lru_cache(maxsize=4096)
def names_a_quantity(text: str) -> bool:
    """Whether `text` (a key point's words) names a quantity of the list (毛利率20%)."""
    return _NAME.search(normalise(text)) is not None


def _clause_start(answer_norm: str, pos: int) -> int:
    start = max(0, pos - 40)
    for m in _CLAUSE_BREAK.finditer(answer_norm, start, pos):
        start = m.end()
    return start


def _only_fillers(answer_norm: str, start: int, end: int) -> bool:
    """Whether answer_norm[start:end] - between a name and a figure - is short and holds only `_FILLER` words."""
    return end - start <= _GAP and not _FILLER.sub("", answer_norm[start:end])


def _name_of(answer_norm: str, start: int, end: int) -> str | None:
    """The quantity whose name stands nearest before the figure at start:end in its clause, with no figure between
    (or right after it: 20%的毛利率); else None."""
    nearest = None
    for m in _NAME.finditer(answer_norm, _clause_start(answer_norm, start), start):
        nearest = m
    if nearest is not None and _only_fillers(answer_norm, nearest.end(), start):
        return _GROUP_OF[nearest.group()]
    after = _NAME.match(answer_norm, _NAME_RIGHT_AFTER.match(answer_norm, end).end())  # type: ignore[union-attr]
    return _GROUP_OF[after.group()] if after is not None else None


def a_figure_of_another_quantity(
    answer_norm: str, start: int, end: int, asked: str | None, forms: Sequence[Pattern]
) -> str | None:
    """The words that give the figure at start:end to another quantity than the `asked` one, where the answer gives
    the asked one another figure of the same kind (v109); else None."""
    if asked is None:
        return None
    name = _name_of(answer_norm, start, end)
    if name is None or name == asked:
        return None
    for m in _NAME.finditer(answer_norm):
        if _GROUP_OF[m.group()] != asked:
            continue
        for figure in _figures_beside(answer_norm, m):
            if another_value(answer_norm, start, end, figure, forms):
                figure_end = _A_FIGURE.match(answer_norm, figure).end()  # type: ignore[union-attr]
                return f" ({name}) … {answer_norm[min(m.start(), figure) : max(m.end(), figure_end)]}"
    return None


def _figures_beside(answer_norm: str, name: re.Match[str]) -> list[int]:
    """Where the figure the quantity `name` names starts: after it in its clause (ROI为12%), or right before it
    (12%的ROI)."""
    figures = []
    digit = _A_DIGIT.search(answer_norm, name.end(), min(len(answer_norm), name.end() + _GAP + 1))
    if digit is not None and _only_fillers(answer_norm, name.end(), digit.start()):
        figures.append(digit.start())
    before = _A_FIGURE_RIGHT_BEFORE.search(answer_norm, _clause_start(answer_norm, name.start()), name.start())
    if before is not None:
        figures.append(before.start())
    return figures
