"""A mutation sweep for wrong credit: every answer the scorer tests pin as covering its key point, made wrong on
purpose, must no longer cover it.

The worst verdict the scorer can give is credit for a wrong answer (120个月 credited for 20个月). The rows of
tests/evaluation (module-level lists of (point, answer, forms, expected) tuples) pin thousands of answers as
"covered"; each is mutated into answers that are wrong for the point - its figure changed (20 -> 21, 200, 2, 120,
20.5; 二十 -> 二十一), its unit changed (个月 -> 天, % -> 个百分点), a denial before the figure (并非, 不是, not), the
subject swapped for another metric (ROI -> IRR, 毛利率 -> 净利率), the figure made a forecast that an actual figure
belies (ROI预计为20%，但实际只有26%), or the clause holding the figure turned into a condition (如果 / If), a question
(吗？ / Is it true that ...?), a tag question (，对吗？ / , right?), an offer to check it (v54: 需要我帮您核实…吗？ /
Would you like me to check whether ...?) or a claim the writer rejects (有人说…，这是错误的 / Some claim that ...,
which is wrong) - and since v53 read as another quantity than the level: a strict bound (超过,
不到, more than, less than), a range around it (15-25个月, 15%到25%, between 15% and 25%), a change by it
(ROI增加了20%, ROI比去年高20%, the ROI rose by 20%; only of a point that names its subject), a part or multiple of it
(20个月的一半, half of 20%) or another holder's (竞争对手的ROI为20%, A competitor's ROI is 20%) - and since
v55 superseded: given as last year's (a year ago) value with this year's (now) other value after it (去年ROI为20%，
今年为26%; "Last year, the ROI is 20%; this year it is 26%."; only of a point that names its subject) - and since
v56 moved: of a bare point, the same with a verb that moves the quantity to the later value (去年回收期为20个月，目前已
增至26个月; "A year ago, the ROI is 20%; it has since grown to 26%.") - and since v58 claimed: the clause given as
another's claim the answer does not adopt (某些厂商声称…。 / "Some vendors claim that ....") - and since v63 other
row: of a sentence that only says subject - copula - figure, the figure in another metric's row of a table, JSON,
key: value lines, a table whose header names the unit or arrows, the subject holding another figure (| IRR | 20% |
then | ROI | 21% |) - and each mutant still covered is listed by kind.
Since v67 the covered rows whose point holds no figure (a feature, a policy, a recommendation: 私有化部署, SaaS,
on-premises, 告警降噪) are swept too (`text_mutants`, kinds "text: ..."): the sentence or line holding the point
replaced by one that denies it in words (从未提供, 已停止提供, has been discontinued), gives it to another party
(竞品A支持…，我们仅提供…; Competitor X offers ...; we do not), asks about it or offers to check it, leaves it to a
separate assessment, gives it as the past (曾支持…，现已下线; We used to offer), says it is not made yet (正在开发中,
is on our roadmap) or out of scope, advises against it, leaves its box unticked (- [ ] …) or marks it ✗ / 否 in a
table. No plan is made (计划于2027年支持…): v67 credits a plan, as v50 a forecast - a product's roadmap cannot be
told from the project plan a consulting answer proposes. v68 adds a comparison table whose column of ours crosses it
beside another party's tick (| 功能 | 竞品A | 我们 | … | ✅ | ❌ |) or ticks it only in a later version's column, a
question answered by an assent and no offer (您需要…吗？可以的，我们帮您评估。), and each kind's first mutant again
under a Markdown heading ("text: under a heading": v67 read the heading's line as the sentence's first part).
Since v78 a point that is a date only (2024年, 2025年6月, June 2025, Q3 2025) has kinds of its own ("date: after",
"date: moved", "date: among": `date_mutants`): its one date, in whichever spelling the answer writes it, made a time
after it, the start of a move to the next year's date, or one of two dates offered; since v79 a time of day has the
kind "time: other half of the day" (`time_mutants`: 上午 and 下午, am and pm swapped, a 24-hour hour moved by 12).
Since v87 the figure's kinds hold "no evidence" (没有任何证据表明…; There is no evidence that ...), "dismissed"
(说…，那是天方夜谭; To say that ... is pure fantasy) and ranges whose ends are labelled in brackets (20个月（乐观）至
25个月（保守）), and the text kinds more denials ({P}：暂缺, {P} - unavailable, {P}? Not possible), "text: left open"
(是{P}还是其他方案，没有说明), "text: guessed" (可能是{P}，也可能是其他方式), "text: former" (已从{P}迁移到公有云) and
"text: believed" (很多人以为是{P}，其实是公有云); since v88 "text: taken back" (我们提供{P}。更正：是公有云),
"text: disclaimed" (我们提供{P}，这一点未经证实) and "text: glossed" (这并非我们的方案（{P}）); since v89 "missed
goal" ({clause}是目标，但没有实现; ... was the goal, but we missed it) and "compared" with "vs." and 较去年的…有所增加.
Since v86 the text kinds hold "text: excluded" (除{P}外，其他方式都支持; We support every option except {P}) and more
denials in words ({P} — 不可用, …这一需求我们无法满足, {P} is off the table). Since v92 a point that is a person's
name has the kind "text: a longer name" (负责人是刘敏琪 for 刘敏: the name made the start of another's), since v93
"text: a name denied" (刘敏并未参与该项目, 刘敏不是负责人, 刘敏与此事无关; since v96 in English too, for a point of two
or three capitalised words: Liu Min was not involved); since v95 a point that is a place (jieba's tag ns) has the
kind "text: a street's name" (总部位于苏州路, 苏州大街, 苏州河畔 for 苏州: a street or a river named after the
place).
Since v51 a figure in a condition's antecedent is not stated (v32 had decided that an open condition with a copula,
If payback is 20 months, still stated it, and conditions were reported apart); `DECIDED` holds the kinds a decision
credits - none now.
Since v113 the kind "another currency" (`another_currency_mutants`): of a point that is one amount in 元 or 美元
whose answer writes it once as the point does, the point put in each of the six currencies the scorer reads by sign,
code and name (元, 美元, 欧元, 英镑, 港元, 日元; with its unit, and with its sign) and the answer's amount in each other
one (1200万港元, €1200万, GBP 1200万) - an amount in another currency.
Since v114 the kind "another share of the former" (`another_share_mutants`): a subject's change by a percent
(成本降低30%) said as a change to a share of the former level it does not reach (成本降到原来的80%, 60%, 30%;
提高到原来的130%). And the kind "question, no mark": the clause that holds the figure asked with 吗 and no question mark
(回收期为20个月吗。; Chinese answers only).

A mutation is made only where it surely makes the answer wrong, otherwise it is skipped and counted: the point's
figure must occur once in the answer, in a sentence with no negation or condition of its own (a second negation
could cancel the first; v51: 只要, 一旦, 万一, 除非 and 即便 are conditions too), and the answer with that figure
blanked out must not cover the point (else the point is covered by something the mutation does not touch: another
form of the figure, a sum, a range).

    .venv/bin/python benchmarks/credit_mutations.py [--rows R] [--sample N] [--seed S] [--show K]

The whole sweep (about 2,830 covered rows, 40,900 mutations) takes about 15 s; tests/evaluation/
test_credit_mutations.py runs a seeded sample of it.
"""

from __future__ import annotations

import argparse
import importlib
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, TypeVar, cast

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests" / "evaluation"
# the scorer test modules it reads import their helpers as pytest lets them: from tests/evaluation and from tests/
for _path in (str(ROOT), str(ROOT / "tests"), str(TESTS)):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from pytest_llmeval.evaluation.keywords.dates import A_DATE, is_a_date  # noqa: E402
from pytest_llmeval.evaluation.keywords.normalisation import CROSS_OR_CHECK, normalise, one_mark_each  # noqa: E402
from pytest_llmeval.evaluation.keywords.times import time_of_day  # noqa: E402
from pytest_llmeval.evaluation.numbers import NumberForms  # noqa: E402
from pytest_llmeval.evaluation.numbers.name_edges import a_persons_name, a_place  # noqa: E402

Row = tuple[str, str, NumberForms | None, str]

# another metric for a subject a point names (all of the subject's names are swapped, longest first)
SUBJECT_SWAPS: dict[tuple[str, ...], str] = {
    ("return on investment", "投资回报率", "投资收益率", "ROI"): "IRR",
    ("内部收益率", "IRR"): "ROI",
    ("gross margin", "毛利率"): "净利率",
    ("net margin", "净利率"): "毛利率",
    ("payback period", "回收期"): "交付周期",
    ("营收", "收入", "revenue"): "成本",
    ("成本", "cost"): "收入",
    ("churn", "流失率"): "留存率",
    ("转化率", "conversion rate"): "退货率",
}
# another unit for the unit following the point's figure (longest first so 个月 is not read as 月)
UNIT_SWAPS: dict[str, str] = {
    "个百分点": "%",
    "个月": "天",
    "months": "days",
    "month": "day",
    "万元": "亿元",
    "亿元": "万元",
    "%": "个百分点",
    "天": "小时",
    "days": "hours",
    "年": "个月",
    "years": "months",
    "倍": "%",
    "元": "美元",
    "小时": "分钟",
    "hours": "minutes",
    "周": "天",
    "weeks": "days",
    # v80: units of measure
    "公里": "米",
    "km": "m",
    "吨": "公斤",
    "公斤": "克",
    "kg": "g",
    "平方米": "平方公里",
    "GB": "MB",
}
_UNITS = sorted(UNIT_SWAPS, key=len, reverse=True)
_NEGATION = re.compile(
    r"不|没|未|无|非|别|否|勿|难以|n't|\b(?:not|no|never|neither|nor|without|unlikely|doubt|hardly)\b", re.I
)
_SMALL_EN = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen"
    " eighteen nineteen twenty"
)
_SPELLED_EN = dict(enumerate(_SMALL_EN.split(" ")))
_SPELLED_EN.update({30: "thirty", 40: "forty", 50: "fifty", 60: "sixty", 90: "ninety"})
# a list mark, a heading's hashes or emphasis opening the sentence: the rewrite goes after them
_LEAD = re.compile(r"\s*(?:(?:[-*•>]|#{1,6}|[0-9]+[.)、]|\*\*)\s*)*")
_CONDITION = re.compile(
    r"如果|假如|假设|若|要是|倘若|即使|只要|一旦|万一|除非|即便|\b(?:if|unless|suppose|assuming)\b|[?？吗]", re.I
)
# a clause that opens with a stated assumption (按ROI 20%测算, 以20%计算, 假定): 如果 before it keeps the assumption the
# answer works with (v40), which v51 still credits - no condition mutation is made of it
_AN_ASSUMPTION = re.compile(r"(?:按照?|以|假定|基于|采用)(?!为)")
# v52: a clause that opens with the user's question or a topic framed (您问ROI是多少，答案是20%; You asked about the
# payback: it is 20 months; 说到回收期，…): 如果 or If before it conditions the asking (or makes 如果说, no condition
# since v41), not the figure - no condition mutation is made of it
_A_FRAMED_OPENING = re.compile(
    r"(?:(?:您|你)们?(?:问|想知道|想了解)|说到|说起|you(?:'re| are)? (?:ask|asked|asking)|as for|regarding"
    r"|说实话|老实说|所谓|to be honest|frankly|honestly)",  # v87: a frame of speaking or a definition
    re.I,
)
_QUESTION_WORD = re.compile(r"为什么|为何|怎么|如何|\b(?:why|how|what|which|when|who)\b", re.I)
_STRUCTURED = re.compile(r"[{}|`]|\\boxed")
_CLAUSE_END = re.compile(r"[，,；;]")
_SENTENCE_END = re.compile(r"[。！？!?；;\n]|\.(?=\s|$)")
_CN_DIGITS = "零一二三四五六七八九"
_A_YES = re.compile(r"(?:是的|没错|对的|确实|yes|indeed|correct|right)(?![a-z])", re.I)


# kinds the scorer credits by a deliberate decision, reported apart from wrong credit: none since v51 (v32 to v50
# reported conditions apart: "an open condition with a copula states its figure", 801 of 1,005 condition mutations
# credited under v50; v51 reads a figure in a condition's antecedent as supposed, not stated)
DECIDED: dict[str, str] = {}


@dataclass(frozen=True)
class Mutant:
    kind: str
    row: Row
    answer: str


def chinese_numeral(n: int) -> str:
    """1..99 in Chinese numerals (二十, 十二, 三十五): the form an answer spells a point's small figure in."""
    if n < 10:
        return _CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else _CN_DIGITS[tens]
    return head + "十" + (_CN_DIGITS[ones] if ones else "")


def covered_rows(earlier: bool = False) -> list[Row]:
    """Every (point, answer, forms, "covered") row held in a module-level list of a scorer test module, deduplicated
    in the order found (modules sorted by name) - with `earlier` (the benchmarks' full sweeps, 52nd session) then the
    (point, answer, "covered") rows of the earlier files too, where the scorer covers them read with no number forms
    (a row pinned under `CN` or `SW` forms is its test's, not a covered row here)."""
    seen: set[tuple[str, str, str]] = set()
    rows: list[Row] = []
    earlier_rows: list[Row] = []
    for path in sorted(TESTS.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        for value in vars(module).values():
            if not isinstance(value, list):
                continue
            for item in value:
                if earlier and _is_covered_triple(item):
                    earlier_rows.append((item[0], item[1], None, "covered"))
                if not _is_covered_row(item):
                    continue
                key = (item[0], item[1], repr(item[2]))
                if key not in seen:
                    seen.add(key)
                    rows.append(item)
    if earlier:
        from scorer_rows import covered

        for row in earlier_rows:
            key = (row[0], row[1], repr(None))
            if len(CROSS_OR_CHECK.findall(one_mark_each(row[1]))) > 1:
                continue  # a pair of marked statements (✅ 正确：… ❌ 错误：…): a 吗？ appended asks the second one
            if key not in seen and covered(row[0], row[1]):
                seen.add(key)
                rows.append(row)
    return rows


def _is_covered_triple(item: object) -> bool:
    return (
        isinstance(item, tuple)
        and len(item) == 3
        and isinstance(item[0], str)
        and isinstance(item[1], str)
        and item[2] == "covered"
    )


def _is_covered_row(item: object) -> bool:
    return isinstance(item, tuple) and _is_covered(item, 4) and (item[2] is None or isinstance(item[2], NumberForms))


def _is_covered_triple(item: object) -> bool:
    return _is_covered(item, 3)


def _is_covered(item: object, size: int) -> bool:
    """A (point, answer, …, "covered") tuple of `size` items."""
    return (
        isinstance(item, tuple)
        and len(item) == size
        and isinstance(item[0], str)
        and isinstance(item[1], str)
        and item[-1] == "covered"
    )


def _figure(point: str) -> str | None:
    """The point's one figure (20, 2.5, 1,200) - None where it has none or several."""
    found = re.findall(r"\d+(?:[.,]\d+)*", point)
    return found[0] if len(found) == 1 else None


def _occurrences(answer: str, token: str) -> list[re.Match[str]]:
    if token.isalpha() and token.isascii():
        pattern = rf"\b{re.escape(token)}\b"
    elif token.isascii():
        pattern = rf"(?<![\d.,]){re.escape(token)}(?![\d]|[.,]\d)"
    else:
        pattern = rf"(?<![零一二三四五六七八九十百千万亿两]){re.escape(token)}(?![零一二三四五六七八九十百千万亿两])"
    return list(re.finditer(pattern, answer))


def _sentence_span(answer: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in _SENTENCE_END.finditer(answer, 0, start)), default=0)
    right_match = _SENTENCE_END.search(answer, end)
    return left, (right_match.start() if right_match else len(answer))


def _wrong_figures(figure: str) -> list[str]:
    """Figures that change the value: 20 -> 21, 200, 2, 120, 20.5, 2.0 (and 2.5 -> 3.5, 25, 0.5, 12.5); a year only
    to another year (2024 -> 2025, 2023, 2034: 12024 is no year an answer writes)."""
    plain = figure.replace(",", "")
    if re.fullmatch(r"(?:19|20)[0-9]{2}", plain):
        return [str(int(plain) + 1), str(int(plain) - 1), str(int(plain) + 10)]
    if "." in plain:
        head, tail = plain.split(".", 1)
        candidates = [f"{int(head) + 1}.{tail}", head + tail, f"0.{tail}", f"1{plain}"]
    else:
        value = int(plain)
        candidates = [str(value + 1), plain + "0", f"1{plain}", f"{plain}.5"]
        if len(plain) > 1 and plain[1:].strip("0") == "":
            candidates.append(plain[:-1])
        if len(plain) > 1:
            candidates.append(f"{plain[:-1]}.{plain[-1]}")
    return [c for c in candidates if float(c) != float(plain)]


def mutants(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """The wrong answers made from one covered row, and the reasons for the mutations skipped: the figure's kinds,
    of a point that is a date the date's (`date_mutants`), of a time the time's, of an amount the currency's."""
    made, skipped = _figure_mutants(row, blanked_covers)
    dated, why_not = date_mutants(row)
    timed, why_not_timed = time_mutants(row)
    priced, why_not_priced = another_currency_mutants(row, blanked_covers)
    made += another_share_mutants(row, blanked_covers)
    return made + dated + timed + priced, skipped + why_not + why_not_timed + why_not_priced


# v114, kind "another share of the former": of a point that is a subject's change by a percent (成本降低30%, 营收增长
# 50%) whose answer says it once right after a verb of its direction, the change said as a share of the former level
# it does not reach (成本降到原来的80% / 60% / 30%, 提高到原来的130%; 营收提高到原来的140% / 50%, 降到原来的50%) -
# miss_mutations' kind "to a share of the former" says the share it reaches, which must still cover it
_A_CHANGE_BY = re.compile(r"(?:(?P<fall>降低|下降|减少|缩减|削减)|增长|提高|提升|增加)了?(?P<figure>[0-9]{1,2})%")


def a_change_by(row: Row, blanked_covers: bool) -> re.Match[str] | None:
    """The answer's one change by the point's percent, right after a verb of the point's direction (成本降低了30% for
    成本降低30%), else None."""
    point, answer = row[0], row[1]
    label = _A_CHANGE_BY.search(point)
    said = list(_A_CHANGE_BY.finditer(answer))
    if blanked_covers or label is None or len(said) != 1 or said[0]["figure"] != label["figure"]:
        return None
    return said[0] if bool(said[0]["fall"]) == bool(label["fall"]) else None


def the_share_it_reaches(change: re.Match[str]) -> int:
    """The share of the former level (in %) that the change (`a_change_by`) reaches: 70 for a fall of 30%."""
    figure = int(change["figure"])
    return 100 - figure if change["fall"] else 100 + figure


def share_of_the_former(answer: str, change: re.Match[str], share: int) -> str:
    """The answer with its change (`a_change_by`) said as the change to `share` % of the former level."""
    verb = "降到" if share < 100 else "提高到"
    return f"{answer[: change.start()]}{verb}原来的{share}%{answer[change.end() :]}"


def another_share_mutants(row: Row, blanked_covers: bool) -> list[Mutant]:
    """v114: the answer's change said as shares of the former level other than the one it reaches."""
    change = a_change_by(row, blanked_covers)
    if change is None:
        return []
    figure, right = int(change["figure"]), the_share_it_reaches(change)
    shares = {right - 10, right + 10, figure, 100 + figure if change["fall"] else 100 - figure} - {right, 100}
    return [
        Mutant("another share of the former", row, share_of_the_former(row[1], change, share))
        for share in sorted(shares)
        if share > 0
    ]


# v113, kind "another currency": of a point that is one amount in 元 or 美元 (1200万元, 合同金额1200万元, 500美元) whose
# answer writes that amount once as the point does, the point put in each currency the scorer reads by sign, code and
# name (元, 美元, 欧元, 英镑, 港元, 日元 - with its unit after the figure, and with its sign before it) and the answer's
# amount in each other one (its unit, sign or code: 1200万港元, €1200万, GBP 1200万): an amount in another currency.
# miss_mutations' kind "other currency" puts the answer in the point's own currency, which must still cover it.
CURRENCY_FORMS = {
    "元": ("元", "¥", "RMB"),
    "美元": ("美元", "$", "USD"),
    "欧元": ("欧元", "€", "EUR"),
    "英镑": ("英镑", "£", "GBP"),
    "港元": ("港元", "HK$", "HKD"),
    "日元": ("日元", "JP¥", "JPY"),
}
AN_AMOUNT_POINT = re.compile(r"(?P<subject>[^0-9]*?)(?P<figure>[0-9][0-9,.]*)(?P<scale>万|亿)?(?P<unit>元|美元)")
# what may stand right before or after the answer's amount and name its currency (人民币1200万元, 1200万元（人民币）)
_A_CURRENCY_BESIDE = re.compile(r"[$¥€£]|人民币|港币|rmb|usd|cny|hkd|eur|gbp|jpy|\(|（", re.IGNORECASE)


NO_AMOUNT = "point is no amount in 元 or 美元"


@dataclass(frozen=True)
class AmountSpot:
    """A covered row's point that is one amount, and where its answer writes that amount as the point does."""

    subject: str
    figure: str  # the figure with its scale word (1200万)
    start: int
    end: int


def amount_spot(row: Row, blanked_covers: bool) -> AmountSpot | str:
    """Where the row's answer writes the point's amount (1200万元) as the point does, once and with no other name of
    its currency beside it; else why not."""
    point, answer, _, _ = row
    amount = AN_AMOUNT_POINT.fullmatch(point.strip())
    if amount is None or "人民币" in amount.group("subject"):
        return NO_AMOUNT
    if blanked_covers:
        return "covered without its figure"
    said = amount.group("figure") + (amount.group("scale") or "") + amount.group("unit")
    spots = [m for m in re.finditer(re.escape(said), answer) if not answer[max(0, m.start() - 1) : m.start()].isdigit()]
    if len(spots) != 1:
        return "amount not once in the answer as the point writes it"
    start, end = spots[0].span()
    if _A_CURRENCY_BESIDE.search(answer[max(0, start - 4) : start]) or _A_CURRENCY_BESIDE.match(answer, end):
        return "another name of the currency beside the amount"
    return AmountSpot(amount.group("subject"), said[: -len(amount.group("unit"))], start, end)


def amount_in(currency: str, figure: str, form: int) -> str:
    """`figure` (1200万) in `currency`: its unit after it (form 0), its sign (1) or its code (2) before it."""
    word, sign, code = CURRENCY_FORMS[currency]
    return (f"{figure}{word}", f"{sign}{figure}", f"{code} {figure}")[form]


def points_in(spot: AmountSpot, currency: str) -> tuple[str, ...]:
    """The point put in `currency`: with its unit after the figure, and with its sign before it."""
    return tuple(f"{spot.subject}{amount_in(currency, spot.figure, form)}" for form in (0, 1))


def another_currency_mutants(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """Of a point that is one amount: the point in each currency, the answer's amount in each other one."""
    spot = amount_spot(row, blanked_covers)
    if isinstance(spot, str):
        return [], [] if spot == NO_AMOUNT else [spot]  # a row of another kind is no skip of this one
    point, answer, forms, rest = row
    made = []
    for index, (currency, other) in enumerate((c, o) for c in CURRENCY_FORMS for o in CURRENCY_FORMS if o != c):
        said = amount_in(other, spot.figure, index % 3)
        wrong = f"{answer[: spot.start]}{said}{answer[spot.end :]}"
        made.extend(Mutant("another currency", (p, answer, forms, rest), wrong) for p in points_in(spot, currency))
    return made, []


# v79, kind "time: other half of the day": of a point that is a time of day (15:00, 下午3点, 3 pm, 9:00-18:00), each
# time the answer writes in the other half of the day - 上午 and 下午, 早上 and 晚上, am and pm swapped, a 24-hour
# clock's hour moved by 12 (9:00 -> 21:00, 15:00 -> 3:00)
_PERIOD_SWAPS = {
    "上午": "下午",
    "下午": "上午",
    "早上": "晚上",
    "晚上": "早上",
    "凌晨": "下午",
    "中午": "凌晨",
    "傍晚": "清晨",
}
_TIME_IN_AN_ANSWER = re.compile(
    "(?P<period>上午|下午|早上|晚上|凌晨|中午|傍晚)"
    "|(?<=[0-9] )(?P<ap>[AaPp])(?=\\.? ?[Mm])|(?<=[0-9])(?P<ap2>[AaPp])(?=\\.? ?[Mm])"
    "|(?<![0-9:])(?P<hour>[0-9]{1,2})(?=:[0-9]{2})"
)


_ITS_OWN_CONDITION = re.compile("的话|(?<![规原法准])则")
_A_CORRECTION_INSIDE = re.compile("其实|实际上|事实上|实则")
# a time of day by its name, which the sweep cannot move (52nd session: "not at 2 pm; it runs at noon" became "not at 2
# am; it runs at noon" - the point's noon unchanged, still right)
_A_NAMED_TIME = re.compile(
    r"(?<![a-z])(?:noon|midnight|midday)(?![a-z])|正午|午夜|中午(?![0-9一二三四五六七八九十])", re.IGNORECASE
)


def time_mutants(row: Row) -> tuple[list[Mutant], list[str]]:
    """The wrong answers made of a time point's row: every time in the answer put in the other half of the day."""
    point, answer, forms, _ = row
    if time_of_day(normalise(point)) is None:
        return [], []
    if _A_NAMED_TIME.search(answer):
        return [], ["time: the answer names a time (noon, 正午) this sweep cannot move"]
    out, changed = [], 0
    last = 0
    for m in _TIME_IN_AN_ANSWER.finditer(answer):
        out.append(answer[last : m.start()])
        if m.group("period"):
            out.append(_PERIOD_SWAPS[m.group("period")])
        elif m.group("ap") or m.group("ap2"):
            said = m.group("ap") or m.group("ap2")
            out.append({"a": "p", "p": "a", "A": "P", "P": "A"}[said])
        else:
            hour = int(m.group("hour"))
            if re.search("(?:上午|下午|早上|晚上|凌晨|中午|傍晚) ?$", answer[: m.start()]) or re.match(
                "[0-9:]* ?[AaPp]\\.? ?[Mm]", answer[m.end() :]
            ):
                out.append(m.group("hour"))  # its period or am / pm is swapped instead
                last = m.end()
                continue
            out.append(str(hour + 12 if hour < 12 else hour - 12))
        changed += 1
        last = m.end()
    out.append(answer[last:])
    if not changed:
        return [], ["time: the answer writes no time this sweep can move"]
    return [Mutant("time: other half of the day", row, "".join(out))], []


# v78, kinds "date: ...": of a point that is a date only (2024年, 2025年6月, June 2025, Q3 2025, 2025年第三季度), the
# answer's one date in any spelling (2025-06, June 2025, the third quarter of 2025) made a time after it (之后 / after:
# "date: after"), the start of a move to the next year's date (从…推迟到…, moved from … to …: "date: moved") or one of
# two dates offered (…或… / … or …: "date: among") - the rules of a date v78 made read in every spelling
_DATE_IN_AN_ANSWER = re.compile(
    f"{A_DATE.pattern}|(?<![0-9])(?:19|20)[0-9]{{2}} ?年(?! ?[0-9一二三四第q])"
    "|(?<![a-z])(?:in|during) (?:19|20)[0-9]{2}(?![0-9])",
    re.IGNORECASE,
)


_A_DATE_BOUND_BEFORE = re.compile(
    r"(?:最迟|最晚|不晚于|不迟于|不早于|最早|早于|晚于|\b(?:before|after|by|until|no later than|no earlier than)) ?$",
    re.IGNORECASE,
)


def date_mutants(row: Row) -> tuple[list[Mutant], list[str]]:
    """The wrong answers made of a date point's row by the date kinds, and the reasons for those not made."""
    point, answer, forms, _ = row
    if not is_a_date(normalise(point)):
        return [], []
    spots = list(_DATE_IN_AN_ANSWER.finditer(answer))
    if len(spots) != 1:
        return [], ["date: the answer holds no date or several"]
    start, end = spots[0].span()
    s_left, s_right = _sentence_span(answer, start, end)
    sentence = answer[s_left:s_right]
    if _NEGATION.search(sentence) or _CONDITION.search(sentence) or _QUESTION_WORD.search(sentence):
        return [], ["date: sentence already negated, conditional or a question"]
    if _A_DATE_BOUND_BEFORE.search(answer, max(0, start - 20), start):
        return [], ["date: a bound already before the date (最迟, before)"]
    from scorer_rows import covered

    if covered(point, answer[:start] + "某时" + answer[end:], forms):
        return [], ["date: covered without its date"]
    date = answer[start:end]
    english = not re.search(r"[\u4e00-\u9fff]", date)
    said = re.sub(r"^(?:in|during) ", "", date, flags=re.IGNORECASE)  # the year said after a word (in 2024)
    lead = answer[:start] + date[: len(date) - len(said)]
    year = re.search("(?:19|20)[0-9]{2}", said)
    assert year is not None
    later = said[: year.start()] + str(int(year.group()) + 1) + said[year.end() :]
    tail = answer[end:]
    made = []
    if english:
        preposition = re.search(r"(?:\b(?:in|on|during|for|by) )$", lead, re.IGNORECASE)
        bare = lead[: preposition.start()] if preposition else lead
        made.append(Mutant("date: after", row, f"{bare}after {said}{tail}"))
        made.append(Mutant("date: moved", row, f"{bare}moved from {said} to {later}{tail}"))
        made.append(Mutant("date: among", row, f"{lead}{said} or {later}{tail}"))
        made.append(Mutant("date: former", row, f"{bare}originally {said}, now {later}{tail}"))  # v81
    else:
        made.append(Mutant("date: after", row, f"{lead}{said}以后{tail}"))
        made.append(Mutant("date: moved", row, f"{lead}从{said}推迟到{later}{tail}"))
        made.append(Mutant("date: among", row, f"{lead}{said}或{later}{tail}"))
        made.append(Mutant("date: former", row, f"{lead}原定{said}，现推迟至{later}{tail}"))  # v81
    return made, []


def _figure_mutants(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """The wrong answers made from one covered row by the figure's kinds, and the reasons for those skipped."""
    point, answer, forms, _ = row
    if blanked_covers:
        return [], ["covered without its figure"]
    figure = _figure(point)
    if figure is None:
        return [], ["point has no single figure"]
    spots = _occurrences(answer, figure)
    numeral = chinese_numeral(int(figure)) if figure.isdigit() and 0 < int(figure) < 100 else None
    cn_spots = _occurrences(answer, numeral) if numeral and len(numeral) > 1 else []
    en_spots = _occurrences(answer, _SPELLED_EN[int(figure)]) if figure.isdigit() and int(figure) in _SPELLED_EN else []
    if len(spots) + len(cn_spots) != 1 or en_spots:
        return [], ["figure not once in the answer"]
    spot = (spots or cn_spots)[0]
    start, end = spot.span()
    s_left, s_right = _sentence_span(answer, start, end)
    sentence = answer[s_left:s_right]
    if _NEGATION.search(sentence) or _CONDITION.search(sentence) or _QUESTION_WORD.search(sentence):
        return [], ["sentence already negated, conditional or a question"]
    if _STRUCTURED.search(answer):
        return [], ["answer is JSON, code or a table (no sentence to rewrite)"]
    if answer[s_right : s_right + 1] in ("?", "？"):
        return [], ["sentence already negated, conditional or a question"]
    made: list[Mutant] = []
    skipped: list[str] = []

    def make(kind: str, text: str) -> None:
        made.append(Mutant(kind, row, text))

    if spots:
        for wrong in _wrong_figures(figure):
            make("figure", answer[:start] + wrong + answer[end:])
    else:
        assert numeral is not None
        make("figure", answer[:start] + chinese_numeral(int(figure) + 1) + answer[end:])
        if int(figure) < 90:
            make("figure", answer[:start] + chinese_numeral(int(figure) + 10) + answer[end:])
    tail = answer[end:]
    unit = next((u for u in _UNITS if tail.startswith(u) or tail.startswith(" " + u)), None)
    if unit is not None and unit in point:
        offset = end + tail.index(unit)
        make("unit", answer[:offset] + UNIT_SWAPS[unit] + answer[offset + len(unit) :])
    else:
        skipped.append("unit: none of the known units follows the figure")
    if unit is not None and _names_a_subject(point):  # v64: the figure labelled a target's or another's
        at = end + tail.index(unit) + len(unit)
        latin = not re.search(r"[\u4e00-\u9fff]", answer[s_left:s_right])
        for label in _LABELS_EN if latin else _LABELS_ZH:
            make("labelled", answer[:at] + label + answer[at:])
    if unit is not None:  # v66
        at = end + tail.index(unit) + len(unit)
        latin = not re.search(r"[\u4e00-\u9fff]", answer[s_left:s_right])
        for mark in _MARKS_EN if latin else _MARKS_ZH:
            make("marked", answer[:at] + mark + answer[at:])
    make("negation", _negated(answer, start))
    held = _held_negated(answer, start)
    if held is not None:
        make("held negated", held)
    swapped = _swap_subject(point, answer)
    if swapped is not None:
        make("subject", swapped)
    for text in _other_row(point, answer, (s_left, s_right), figure if spots else None):
        make("other row", text)
    english = bool(re.search(r"[A-Za-z]{3,}", sentence)) and not re.search(r"[\u4e00-\u9fff]", sentence)
    after = answer[s_right:].lstrip(".。!！;；")
    before = answer[:s_left]
    lead_match = _LEAD.match(answer, s_left, start)
    lead = lead_match.group() if lead_match else ""
    s_left += len(lead)
    if re.fullmatch(r"(?:FY ?)?(?:19|20)[0-9]{2}", point.strip()) or re.search(r"[A-Za-z]+ (?:19|20)[0-9]{2}$", point):
        skipped.append("a year: its sentence's claim is not the year")
        return made, skipped
    misread, why_not = _misread_figure(point, answer, figure if spots else None, start, end, english)
    for kind, text in misread:
        make(kind, text)
    skipped.extend(why_not)
    # the clause that holds the figure (up to the next comma): what a condition, a question or a rejection governs
    clause_end = _CLAUSE_END.search(answer, end, s_right)
    c_right = clause_end.start() if clause_end else s_right
    clause = answer[s_left:c_right].strip()
    rest = answer[c_right:s_right].lstrip("，,；; ")
    # v51: what follows the clause in its sentence would answer a question made of it (ROI is 20%, yes. -> Is it true
    # that ROI is 20%? Yes.): no question is made there
    answered = _A_YES.match(rest) is not None
    if rest and not english:
        rest += "。"
    belied = _belied_forecast(point, answer, figure, start, end, c_right)
    if belied is not None:
        make("belied", belied)
    low = clause
    if english:
        low = clause if clause[1:2].isupper() else clause[0].lower() + clause[1:]
        rest = f" {rest[0].upper()}{rest[1:]}." if rest else ""
    templates = _CLAUSE_TEMPLATES["en" if english else "zh"]

    def make_from(kind: str) -> None:
        make(kind, f"{before}{lead}{templates[kind].format(clause=clause, low=low)}{rest}{after}")

    if not english and _AN_ASSUMPTION.match(clause):
        skipped.append("condition: the clause states an assumption (v40: 按…测算 - 如果 before it keeps it)")
    elif _A_FRAMED_OPENING.match(clause):
        skipped.append(_FRAMED_SKIP["en" if english else "zh"])
    elif not english and _ITS_OWN_CONDITION.search(clause):
        # (52nd session: 如果一切顺利的话20个月，… reads 20个月 as the consequent of 一切顺利的话, a best case, v109)
        skipped.append("condition: the clause closes a condition of its own before the figure (的话, 则)")
    else:
        make_from("condition")
    if answered:
        skipped.append("question: the rest of its sentence would answer it yes")
    else:
        for kind in ("question", "tag question", "offer"):  # offer: v54
            make_from(kind)
        if not english:
            make_from("question, no mark")  # v114: 回收期为20个月吗。 - asked with no question mark
    if not english and _A_CORRECTION_INSIDE.search(clause):
        # (52nd session: 有人说看似很长，其实20个月就能回本，这是错误的 - the 其实 takes the figure out of the
        # hearsay, and the verdict may judge the seeming only)
        skipped.append("rejected: the clause corrects a seeming of its own (其实, 实际上) before the figure")
    else:
        make_from("rejected")
    if _A_CONTRAST.search(clause):
        skipped.append("no evidence: the clause holds a contrast (what follows it is said, not doubted)")
    else:
        make_from("no evidence")  # v87
    make_from("dismissed")
    # v89: only where the clause ends with the figure and its unit (what follows would be the goal's words)
    if len(answer[end:c_right].strip()) > 8:
        skipped.append("missed goal: the clause goes on after the figure")
    else:
        make_from("missed goal")
    # v58: another's claim - the claim's verb reaches its own part of the clause (a label's colon inside it)
    if _A_PART_BREAK_OR_A_FIGURE.search(answer[s_left:start]):
        skipped.append("claimed: a part break, a contrast or another figure before the figure in its clause")
    else:
        make_from("claimed")
    for kind in ("superseded", "moved", "former"):  # moved: v56; former: v81
        superseded, why_not_superseded = _superseded(point, clause, figure, english, kind)
        for text in superseded:
            make(kind, f"{before}{lead}{text}{rest}{after}")
        skipped.extend(why_not_superseded)
    return made, skipped


# v87: a contrast inside the clause - "no evidence that" reaches no further (没有证据表明会延期，但回收期为20个月)
_A_CONTRAST = re.compile(r"但|而是|其实|实际|(?<![A-Za-z])(?:but|instead|in fact|actually|rather)(?![A-Za-z])", re.I)


# v84: a bound or a change already before the figure (at most, >=, fell by): a "+" after it would stack two
_A_BOUND_OR_A_CHANGE_BEFORE = re.compile(
    r"(?:at most|at least|up to|[<>≤≥]=?|\b(?:fell|rose|down|up|by|cut|grew|dropped))\s*$", re.I
)


# v63: a sentence that only says subject - copula - figure (ROI为20%, The ROI is 20%, - 回收期：20个月)
_LABEL_SENTENCE = (
    "(?:the |our )?(?P<name>{names}) ?(?:is|was|为|是|达到|[:：])? ?(?P<figure>{figure})"
    "(?![0-9]|[.,][0-9])(?P<unit>[^0-9,，。.;；!！?？\n]{{0,8}}?)"
)


# v64, kind "labelled": a bracket after the figure that makes it a target's or another holder's (ROI为20%（目标）。);
# v66: and one that names the holder or the target in more words (（竞争对手A公司的数据）, (annual target))
_LABELS_ZH = ("（目标）", "（竞品数据）", "（行业平均）", "（竞争对手A公司的数据）", "（预算目标）", "（参考同行）")
_LABELS_EN = (" (target)", " (competitor's figure)", " (industry average)", " (competitor A)", " (annual target)")
# v66, kind "marked": a verdict mark after the figure's colon, then words (ROI为20%：❌ 该数字有误。)
_MARKS_ZH = ("：❌ 该数字有误", "：✗ 实际更低")
_MARKS_EN = (": ❌ not accurate", ": ✗ actually lower")


def _other_row(point: str, answer: str, span: tuple[int, int], figure: str | None) -> list[str]:
    """v63, kind "other row": of a sentence that only says subject - copula - figure, the figure held by another
    metric's row in a structured answer and the subject holding another figure - a table of several metrics, JSON,
    key: value lines, a table whose header names the unit, arrows (| IRR | 20% | over | ROI | 21% |, {"IRR": "20%",
    "ROI": "21%"}, IRR → 20% / ROI → 21%): the structures v63 reads, each with its wrong twin."""
    if figure is None:
        return []
    group = next(
        ((names, other) for names, other in SUBJECT_SWAPS.items() if any(n.lower() in point.lower() for n in names)),
        None,
    )
    if group is None:
        return []
    names, other = group
    s_left, s_right = span
    lead = _LEAD.match(answer, s_left, s_right)
    body_left = s_left + (len(lead.group()) if lead else 0)
    body = answer[body_left:s_right].strip()
    pattern = _LABEL_SENTENCE.format(
        names="|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)), figure=re.escape(figure)
    )
    match = re.fullmatch(pattern, body, re.I)
    if match is None:
        return []
    name, unit = match["name"], match["unit"].strip()
    if other.lower() in answer.lower() or not unit:
        return []
    wrong = _wrong_figures(figure)[0]
    english = not re.search(r"[\u4e00-\u9fff]", body)
    colon = ": " if english else "："
    header = "| Metric | Value |" if english else "| 指标 | 数值 |"
    unit_header = f"| Metric | Value ({unit}) |" if english else f"| 指标 | 数值（{unit}） |"
    pre = answer[:s_left].strip()
    post = answer[s_right:].lstrip("。.!！ ").strip()
    around = (pre + "\n\n" if pre else "", "\n\n" + post if post else "")
    said = f"{figure}{' ' if match['unit'].startswith(' ') else ''}{unit}"
    wrong_said = f"{wrong}{' ' if match['unit'].startswith(' ') else ''}{unit}"
    structures = (
        f"{header}\n|---|---|\n| {other} | {said} |\n| {name} | {wrong_said} |\n",
        f'{{"{other}": "{said}", "{name}": "{wrong_said}"}}',
        f"{other}{colon}{said}\n{name}{colon}{wrong_said}",
        f"{unit_header}\n|---|---|\n| {other} | {figure} |\n| {name} | {wrong} |\n",
        f"- {other} → {said}\n- {name} → {wrong_said}",
    )
    return [f"{around[0]}{text}{around[1]}" for text in structures]


# v55: the clause given as an earlier period's value, and a later period given another value of the same subject
# v58: what ends the reach of a claim's verb put before the clause (厂商声称回收期24个月，培训周期20个月), or takes the
# figure back from the claim (but, 但, 实际), or another figure the claim would cover first
_A_PART_BREAK_OR_A_FIGURE = re.compile(
    r"[,，;；(（、—→]|->|=>|[0-9]|但|实际|其实|事实上|\b(?:but|however|actually|while|in fact|in reality)\b", re.I
)
_SUPERSEDED_TEMPLATES = {
    "en": ("Last year, {low}; this year it is {other}.", "A year ago, {low}; now it is {other}."),
    "zh": ("去年{clause}，今年为{other}。", "去年{clause}，目前为{other}。"),
}
# v56: a bare point's clause given as an earlier period's value whose quantity has since moved to another level
_MOVED_TEMPLATES = {
    "en": ("A year ago, {low}; it has since grown to {other}.",),
    "zh": ("去年{clause}，目前已增至{other}。", "去年{clause}，今年已增至{other}。"),
}
# v81: the clause marked as a former value by a time gone by, an estimate superseded by the latest one, or a change
# since (过去回收期为20个月，如今为26个月; In the past the ROI is 20%; it is now 26%) - of a bare point or a named one
_FORMER_TEMPLATES = {
    "en": ("In the past {low}; it is now {other}.", "Earlier {low}, but it has since risen to {other}."),
    "zh": (
        "过去{clause}，如今为{other}。",
        "曾经{clause}，后来升至{other}。",
        "此前预计{clause}，最新预计为{other}。",
        "此前预计{clause}左右，后来升至{other}。",  # v82: an approximation after the former figure
    ),
}
# a period or a time already in the clause or the point (去年, 2023年, now, last year): the mutation would stack two
_A_PERIOD = re.compile(
    r"(?:19|20)[0-9]{2}|年|季度|月份|去年|今年|目前|现在|当前|此前|原|以前|之前|最初|如今|过去|曾经|最新"
    r"|\b(?:year|quarter|now|currently|today|previously|originally|initially|last|this|ago|since|until)\b",
    re.I,
)


# a change said in the clause or a signed point (costs fell by 20%, -20%): "this year it is 26%" may be the change
_A_CHANGE_IN_THE_CLAUSE = re.compile(
    r"(?<![0-9])[-+][0-9]|下降|上升|下调|上调|降低|减少|增长|\b(?:fell|rose|grew|dropped|declined|down|up|by)\b", re.I
)


def _superseded(
    point: str, clause: str, figure: str | None, english: bool, kind: str = "superseded"
) -> tuple[list[str], list[str]]:
    """v55: the clause holding the figure given as last year's (a year ago) value, then this year's (now) another
    value of the same subject (回收期为20个月 -> 去年回收期为20个月，今年为26个月; The ROI is 20% -> Last year, the ROI
    is 20%; this year it is 26%) - with why it is not made: the point's unit must follow the figure in the clause, the
    clause must hold no other figure (a list's 今年为26% would name no subject) and no period or time of its own.
    v56, kind "moved": of a bare point, the later value said with a verb that moves the quantity to it (20个月 ->
    去年回收期为20个月，目前已增至26个月; A year ago, the ROI is 20%; it has since grown to 26%)."""
    if figure is None or figure not in point:
        return [], [f"{kind}: the answer spells the figure in numerals"]
    bare = not point[: point.index(figure)].strip().strip("$¥").strip()
    if bare and kind == "superseded":
        return [], ["superseded: a bare point may ask any period's value"]
    if not bare and kind == "moved":
        return [], ["moved: a point that names its subject is made superseded instead"]
    unit = point[point.index(figure) + len(figure) :].strip()
    spots = _occurrences(clause, figure)
    at = spots[0].start() if len(spots) == 1 else -1
    if not unit or at < 0 or not clause[at + len(figure) :].lstrip().startswith(unit):
        return [], [f"{kind}: the point's unit does not follow the figure in the clause"]
    if kind == "former" and _A_PART_BREAK_OR_A_FIGURE.search(clause[:at].replace(point[: point.index(figure)], "")):
        return [], ["former: a part break or a contrast before the figure in its clause (a former word's reach)"]
    if kind == "former" and clause[at + len(figure) :].lstrip()[len(unit) :].strip(" *.。"):
        return [], ["former: the clause goes on after the figure (the change since would name what follows it)"]
    if len(re.findall(r"[0-9]+(?:[.,][0-9]+)*", clause)) != 1 or re.search(r"分别|respectively", clause, re.I):
        return [], [f"{kind}: the clause holds another figure"]
    if _A_PERIOD.search(clause.replace(unit, " ")) or _A_PERIOD.search(point.replace(unit, " ")):
        return [], [f"{kind}: the clause or the point names a period or a time"]
    if (
        _A_POINT_NOT_A_LEVEL.search(point.replace(figure, " "))
        or _A_POINT_NOT_A_LEVEL.search(clause)
        or _A_CHANGE_IN_THE_CLAUSE.search(f"{point} {clause}")
    ):
        return [], [f"{kind}: the point or the clause is a bound, a change or a multiple"]
    spacer = " " if clause[at + len(figure) : at + len(figure) + 1] == " " else ""
    currency = point[: point.index(figure)].strip()[-1:]
    mark = currency if currency in ("$", "¥") else ""
    digits = figure.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    other = f"{mark}{float(digits) + 6:.{decimals}f}{spacer}{unit}"
    low = clause if english and clause[1:2].isupper() else clause[0].lower() + clause[1:]
    chosen = {"moved": _MOVED_TEMPLATES, "former": _FORMER_TEMPLATES}.get(kind, _SUPERSEDED_TEMPLATES)
    templates = chosen["en" if english else "zh"]
    return [t.format(clause=clause, low=low, other=other) for t in templates], []


# what a clause holding the figure becomes in each kind that governs the whole clause ({low}: an English clause
# with its first letter lower-cased, to follow the words put before it)
_CLAUSE_TEMPLATES = {
    "en": {
        "condition": "If {low}, the project is worth doing.",
        "question": "Is it true that {low}?",
        "tag question": "{clause}, right?",
        "offer": "Would you like me to check whether {low}?",
        "rejected": "Some claim that {low}, which is wrong.",
        "claimed": "Some vendors claim that {low}.",  # v58: another's claim, not adopted
        "no evidence": "There is no evidence that {low}.",  # v87
        "missed goal": "{clause} was the goal, but we missed it.",  # v89
        "dismissed": "To say that {low} is pure fantasy.",  # v87
    },
    "zh": {
        "condition": "如果{clause}，项目就值得做。",
        "question": "{clause}吗？",
        "tag question": "{clause}，对吗？",
        "question, no mark": "{clause}吗。",  # v114
        "offer": "需要我帮您核实{clause}吗？",
        "rejected": "有人说{clause}，这是错误的。",
        "claimed": "某些厂商声称{clause}。",  # v58
        "no evidence": "没有任何证据表明{clause}。",  # v87
        "missed goal": "{clause}是目标，但没有实现。",  # v89
        "dismissed": "说{clause}，那是天方夜谭。",  # v87
    },
}
_FRAMED_SKIP = {
    "en": "condition: the clause frames the user's question or a topic (v52: If you asked about ...)",
    "zh": "condition: the clause frames the user's question or a topic (v52: 如果您问…, 如果说到…)",
}


# v53: a point that is itself a bound, a change or a multiple: a bound or a change put before its figure might not
# make the answer wrong (超过 before 至少20% is still at least 20%), so none of the misread kinds is made of it
_A_POINT_NOT_A_LEVEL = re.compile(
    r"至少|以上|以下|以内|之内|超过|不超|不低|不少|最多|最少|低于|高于|多于|少于|不到|提高|提升|增长|增加|降低|下降|减少|"
    r"缩短|倍|一半|半|\b(?:at least|at most|up to|over|under|more|less|within|above|below|increase|decrease|"
    r"rise|fall|cut|half|twice|times)\b|\+$",  # v84: 20%+
    re.I,
)
# what may stand right before the figure where a bound, a holder or a change is put in: a copula, "of", "at", a
# colon or the subject itself; an approximation (约, about) before it is skipped (约超过20% reads as no answer)
_APPROXIMATE_BEFORE = re.compile(
    r"(?:约|大约|大概|近|将近|接近|左右|\b(?:about|around|roughly|nearly|approximately|almost|some))\s*$", re.I
)
_COPULA_ZH = re.compile(r"(?:为|是|达到|达)\s*$")
_COPULA_EN = re.compile(r"\b(?:is|was)\s+$")


_CHANGE_VERB_ZH_BEFORE = re.compile(
    "(?:提升|提高|增加|增长|下降|降低|减少|缩短|延长|上升|上涨|下跌|节省|降|升|增|减)了? ?$"
)


def _another_value(said: str) -> str | None:
    """v89: a whole figure written in digits, made another (20 -> 26), for the other side of a comparison."""
    return str(int(said) + 6) if said.isdigit() else None


def _misread_figure(
    point: str, answer: str, figure: str | None, start: int, end: int, english: bool
) -> tuple[list[tuple[str, str]], list[str]]:
    """v53: the figure read as another quantity than the level the point states - a strict bound (超过20%, 不到20%,
    more than 20%, less than 20%: v17), a range around it (15-25%, 15%到25%, between 15% and 25%: v5), another
    holder's (竞争对手的ROI为20%, a competitor's ROI is 20%: v48), a change by it (ROI增加了20%, the ROI rose by 20%:
    v37/v39) or a part or multiple of it (20%的一半, 20%的两倍, half of 20%: v17) - with the kinds it could not make and
    why (`figure` is None where the answer spells it in numerals: no range is made of those). No target or plan is
    made (回收期的目标为20个月): v48 left targets as right answers missed, so one stated alone is not surely wrong."""
    made: list[tuple[str, str]] = []
    skipped: list[str] = []
    if _A_POINT_NOT_A_LEVEL.search(point.replace(figure or "", " ")):
        return [], ["misread: the point is a bound, a change or a multiple itself"]
    head, tail = answer[:start], answer[start:]
    if _APPROXIMATE_BEFORE.search(head) or _APPROXIMATE_BEFORE.search(_COPULA_ZH.sub("", head)):
        return [], ["misread: an approximation stands before the figure"]
    said = answer[start:end]
    after_unit = re.match(
        r"\s?(?:%|个百分点|个月|天|年|周|小时|万元|亿元|元|(?:month|day|year|week|hour)s?\b)", answer[end:]
    )
    unit = after_unit.group() if after_unit else ""
    rest = answer[end + len(unit) :]
    if english:
        made.append(("strict bound", f"{head}more than {tail}"))
        made.append(("strict bound", f"{head}less than {tail}"))
        made.append(("strict bound", f"{head}sub {tail}"))  # v84
        if unit and not _A_BOUND_OR_A_CHANGE_BEFORE.search(head):
            made.append(("strict bound", f"{head}{said}{unit.rstrip()}+{rest}"))  # v84: 20%+
        # v77: the figure the answer's value is compared with, named (above the 20% industry average)
        made.append(("compared", f"{head}above the planned {tail}"))
        made.append(("compared", f"{head}shorter than the usual {tail}"))
        if unit:  # v89: the other side of "vs." (24 months vs. 20 months last year)
            other = _another_value(said)
            if other is not None and re.match(r"\s*(?:[.,;:!?]|$)", rest):
                made.append(("compared", f"{head}{other}{unit} vs. {said}{unit} last year{rest}"))
        made.append(("multiple", f"{head}half of {tail}"))
    else:
        copula = _COPULA_ZH.search(head)
        base = head[: copula.start()] if copula else head
        made.append(("strict bound", f"{base}超过{tail}"))
        made.append(("strict bound", f"{base}{'不到' if copula else '不足'}{tail}"))
        made.append(("strict bound", f"{base}跌破{tail}"))  # v84
        made.append(("strict bound", f"{base}冲破{tail}"))  # v84
        made.append(("strict bound", f"{base}不及{tail}"))  # v86
        # v77: the figure the answer's value is compared with (高于行业平均的20%, 比原计划的20个月多4个月)
        made.append(("compared", f"{base}高于行业平均的{tail}"))
        if unit:
            made.append(("compared", f"{base}比原计划的{said}{unit}多{rest}"))
            made.append(("compared", f"{base}较{said}{unit}略低{rest}"))
            made.append(("compared", f"{base}与{said}{unit}相比{rest}"))
            made.append(("compared", f"{base}较去年的{said}{unit}有所增加{rest}"))  # v89
        if unit:
            made.append(("multiple", f"{head}{said}{unit}的一半{rest}"))
            made.append(("multiple", f"{head}{said}{unit}的两倍{rest}"))
        else:
            skipped.append("multiple: no unit follows the figure")
    if figure is not None and figure.isdigit() and int(figure) >= 4:
        value = int(figure)
        low, high = value - max(1, value // 4), value + max(1, value // 4)
        made.append(("range", f"{head}{low}-{high}{answer[end:]}"))
        if unit and english:
            made.append(("range", f"{head}between {low}{unit} and {high}{unit}{rest}"))
            # v76: the figure as a range's end, the other end said about its number (10-odd to 20 months)
            made.append(("range", f"{head}{low}-odd to {said}{unit}{rest}"))
            # v87: the ends labelled in brackets (20 months (best case) to 25 months (worst case))
            made.append(("range", f"{head}{said}{unit} (best case) to {high}{unit} (worst case){rest}"))
            made.append(("range", f"{head}{low}{unit} (best case) - {said}{unit} (worst case){rest}"))
        elif unit:
            made.append(("range", f"{head}{low}{unit}到{high}{unit}{rest}"))
            # v87: the ends labelled in brackets (20个月（乐观）至25个月（保守）)
            # (not a year: a range of years keeps both ends, v7; not after a verb of change: 提升13个百分点至16个百分点
            # is a rise by 13 points to 16)
            if unit.strip() != "年" and not _CHANGE_VERB_ZH_BEFORE.search(head):
                made.append(("range", f"{head}{said}{unit}（乐观）至{high}{unit}（保守）{rest}"))
                made.append(("range", f"{head}{low}{unit}（乐观）到{said}{unit}（保守）{rest}"))
            # v76: the figure as a range's end, the other end said about its number (10多个月到20个月,
            # 20个月到30余个月); not after a verb of change (提升10多个百分点到13个百分点: a rise to the figure)
            # (not a year: 2020年 is a date, and a range of dates keeps both ends - v7)
            if not _CHANGE_VERB_ZH_BEFORE.search(head) and unit.strip() != "年":
                made.append(("range", f"{head}{low}多{unit}到{said}{unit}{rest}"))
                made.append(("range", f"{head}{said}{unit}到{high}余{unit}{rest}"))
    else:
        skipped.append("range: the figure is not a whole number of 4 or more in digits")
    copula_zh = None if english else _COPULA_ZH.search(head)
    copula_en = _COPULA_EN.search(head) if english else None
    # a target or a plan (回收期的目标为20个月, the ROI is targeted at 20%) is not made: v48 left targets (力争) as
    # right answers missed and v50 credits a forecast (回收期预计20个月), so a plan stated alone is not surely wrong
    skipped.append("target: a plan stated alone is not surely wrong (v48: targets are right answers missed)")
    if not _names_a_subject(point):
        skipped.append("change: a bare figure may be the size of the change asked (v20: Prices rose by 20%)")
    elif (
        copula_zh is not None
        and copula_zh.group().startswith(("为", "是"))
        and not _APPROXIMATE_BEFORE.search(head[: copula_zh.start()])
    ):
        made.append(("change", f"{head[: copula_zh.start()]}增加了{tail}"))
        made.append(("change", f"{head[: copula_zh.start()]}比去年高{tail}"))
    elif copula_en is not None:
        made.append(("change", f"{head[: copula_en.start()]}rose by {tail}"))
        made.append(("change", f"{head[: copula_en.start()]}is {said}{unit} higher than last year{rest}"))
    else:
        skipped.append("change: no copula (为, 是, is, was) right before the figure")
    holder = _another_holder(point, answer, start, english)
    if holder is not None:
        made.append(("another holder", holder))
    else:
        skipped.append("another holder: no single plain name of the point's subject right before the figure")
    return made, skipped


def _names_a_subject(point: str) -> bool:
    """Whether the point names a subject of `SUBJECT_SWAPS` (ROI 20%, 回收期20个月): a bare figure (20%) may be the
    size of a change or another holder's figure, whatever the question asked."""
    return any(name.lower() in point.lower() for names in SUBJECT_SWAPS for name in names)


def _another_holder(point: str, answer: str, start: int, english: bool) -> str | None:
    """The subject named before the figure given to another holder (ROI为20% -> 竞争对手的ROI为20%, The ROI is 20% ->
    A competitor's ROI is 20%): None where the point names no subject of `SUBJECT_SWAPS` or the answer does not name
    it within 20 characters before the figure with no clause mark between, names it twice, in brackets or in a 分别 /
    respectively list, or as the end of a compound (投资回收期) or after another word (an ROI of 20%)."""
    for names in SUBJECT_SWAPS:
        if not any(n.lower() in point.lower() for n in names):
            continue
        window_start = max(0, start - 20)
        window = answer[window_start:start]
        found = [
            (m.start() + window_start, m.end() + window_start)
            for name in names
            for m in re.finditer(re.escape(name), window, re.I)
        ]
        if not found:
            return None
        if len(found) > 1 or re.search(r"分别|respectively|（|\(", answer, re.I):
            return None  # the subject named twice, restated in brackets or in a respectively list
        at, name_end = max(found)
        before = answer[max(0, at - 4) : at]
        if re.search(r"[\u4e00-\u9fff]$", before) and not re.search(r"的$", before):
            return None  # a compound (投资回收期, 静态回收期): 竞争对手的 would split it
        if re.search(r"[a-z]\s+$", answer[max(0, at - 8) : at]) and not re.search(
            r"\b(?:the|our)\s+$", answer[:at], re.I
        ):
            return None  # an ROI of 20%, its ROI: no place for another holder's name
        if re.search(r"[，,；;。:：]", answer[name_end:start]) and not re.fullmatch(
            r"\s*[:：]\s*", answer[name_end:start]
        ):
            return None
        if english:
            the = re.search(r"\b(?:[Tt]he|[Oo]ur|[Ii]ts|[Tt]his project's)\s+$", answer[:at])
            cut = the.start() if the else at
            capital = cut == 0 or re.search(r"[.!?]\s*$|^\s*[-*•]\s*$", answer[:cut]) is not None
            return f"{answer[:cut]}{'A' if capital else 'a'} competitor's {answer[at:]}"
        return f"{answer[:at]}竞争对手的{answer[at:]}"
    return None


def _belied_forecast(point: str, answer: str, figure: str, start: int, end: int, clause_end: int) -> str | None:
    """The figure made the answer's forecast that the clause then belies with an actual figure of the same unit
    (回收期为20个月 -> 回收期预计为20个月，但实际只有26个月; The ROI is 20% -> The ROI is projected at 20%, but in fact
    it is 26%): None where the figure has no copula before it or no unit of the point's after it."""
    unit = point[point.index(figure) + len(figure) :].strip() if figure in point else ""
    said_unit = answer[end:clause_end].rstrip()
    if not unit or not said_unit.lstrip().startswith(unit) or len(said_unit) > 8:
        return None  # the clause must end with the figure and its unit: what follows would stand between
    actual = str(int(float(figure.replace(",", ""))) + 6)
    head = answer[:start]
    said = answer[start:end] + said_unit
    rest = answer[end + len(said_unit) :]
    cn = re.search(r"(?:为|是)$", head)
    if cn is not None:
        return f"{head[: cn.start()]}预计为{said}，但实际只有{actual}{said_unit}{rest}"
    en = re.search(r"\b(?:is|was) $", head)
    if en is not None:
        return f"{head[: en.start()]}is projected at {said}, but in fact it is {actual}{said_unit}{rest}"
    return None


def _negated(answer: str, start: int) -> str:
    """A denial put before the figure (or before its copula): 为20% -> 并非20%, is 20% -> is not 20%."""
    head = answer[:start]
    english = re.search(r"\b(is|are|was|were|be|of|at|reach(?:es|ed)?|about|around|roughly)\s*$", head)
    if english:
        return head + "not " + answer[start:] if head.endswith(" ") else head + " not " + answer[start:]
    cn = re.search(r"(?:是|为|达到|约为|约|大约|达|在)\s*$", head)
    if cn:
        return head[: cn.start()] + "并非" + head[cn.start() :] + answer[start:]
    return head + "并非" + answer[start:] if re.search(r"[\u4e00-\u9fff]", answer) else head + "not " + answer[start:]


# v52: a verb of holding or keeping right before the figure (ROI仍有20%, ROI维持在20%, the ROI stays at 20%)
_HELD_ZH = re.compile(r"(?:(?:保持|维持|稳定|守)(?:在|于)?|(?<![没拥保])有)\s*(?:约|大约|大概)?\s*$")
_HELD_EN = re.compile(
    r"\b(?:stays?|remains?|holds?|stayed|remained|held|kept|keeps?)(?: (?:at|steady at|around|about))?\s*$"
)


def _held_negated(answer: str, start: int) -> str | None:
    """The verb of holding before the figure denied (v52): ROI仍有20% -> ROI仍没有20%, ROI维持在20% -> ROI未能维持在
    20%, the ROI stays at 20% -> the ROI no longer stays at 20%; None where no such verb stands before it."""
    head = answer[:start]
    cn = _HELD_ZH.search(head)
    if cn is not None:
        verb = cn.group()
        denied = "没" + verb if verb.startswith("有") else "未能" + verb
        return head[: cn.start()] + denied + answer[start:]
    en = _HELD_EN.search(head)
    if en is not None:
        return head[: en.start()] + "no longer " + head[en.start() :] + answer[start:]
    return None


def _swap_subject(point: str, answer: str) -> str | None:
    for names, other in SUBJECT_SWAPS.items():
        named = [n for n in names if n.lower() in point.lower()]
        if not named:
            continue
        swapped = answer
        for name in names:
            swapped = re.sub(re.escape(name), other, swapped, flags=re.I)
        return swapped if swapped != answer else None
    return None


def blank_figure(point: str, answer: str) -> str | None:
    """The answer with the point's figure (in digits or numerals) replaced by a word: None where it is absent."""
    figure = _figure(point)
    if figure is None:
        return None
    out = answer
    small = figure.isdigit() and 0 < int(figure) < 100
    spelled = [chinese_numeral(int(figure))] if small else []
    spelled += [_SPELLED_EN[int(figure)]] if small and int(figure) in _SPELLED_EN else []
    for token in [figure, *spelled]:
        for m in reversed(_occurrences(out, token)):
            out = out[: m.start()] + "若干" + out[m.end() :]
    return out if out != answer else None


@dataclass
class Sweep:
    rows: int
    made: int
    skipped: Counter[str]
    still_covered: list[Mutant]
    by_kind: Counter[str]
    seconds: float


SweepT = TypeVar("SweepT")


def joined(first: SweepT, second: SweepT) -> SweepT:
    """Two sweeps of one kind (this `Sweep`, miss_mutations' `Sweep`) as one: every field added - the counts, the
    skip reasons and kinds (Counters), the flagged mutants, the seconds."""
    return type(first)(*(getattr(first, f.name) + getattr(second, f.name) for f in fields(cast(Any, first))))


def sweep_rows(
    rows: list[Row],
    make: Callable[[Row, bool], tuple[list[Any], list[str]]],
    flagged: Callable[[bool], bool],
    sample: int | None = None,
    seed: int = 0,
    row_sample: int | None = None,
    blank: Callable[[str, str], str | None] | None = None,
) -> tuple[int, int, Counter[str], list[Any], Counter[str], float]:
    """The loop both sweeps share (this one and miss_mutations.py): make each row's variants (`make`, told whether the
    answer with its figure - or, with `blank`, what that blanks - blanked still covers the point) from a seeded sample
    of `row_sample` rows, then of `sample` variants, where given; score every variant and keep those `flagged` by their
    coverage. Returns rows, variants made, skip reasons, the flagged, variants by kind, seconds."""
    from scorer_rows import covered

    started = time.perf_counter()
    if row_sample is not None and row_sample < len(rows):
        rows = random.Random(seed).sample(rows, row_sample)
    skipped: Counter[str] = Counter()
    variants: list[Any] = []
    for row in rows:
        point, answer, forms, _ = row
        blanked = (blank or blank_figure)(point, answer)
        made, why = make(row, blanked is not None and covered(point, blanked, forms))
        variants.extend(made)
        skipped.update(why)
    if sample is not None and sample < len(variants):
        variants = random.Random(seed).sample(variants, sample)
    by_kind: Counter[str] = Counter(m.kind for m in variants)
    hits = [m for m in variants if flagged(covered(m.row[0], m.answer, m.row[2]))]
    return len(rows), len(variants), skipped, hits, by_kind, time.perf_counter() - started


def sweep(rows: list[Row], sample: int | None = None, seed: int = 0, row_sample: int | None = None) -> Sweep:
    """Mutate the rows (a seeded sample of `row_sample` rows, then of `sample` mutants, where given) and score every
    mutant: those still covered are wrong credit."""
    return Sweep(*sweep_rows(rows, mutants, lambda is_covered: is_covered, sample, seed, row_sample))


def iter_report(result: Sweep, show: int) -> Iterator[str]:
    n = result.made
    still = len(result.still_covered)
    yield f"rows (covered, from tests/evaluation): {result.rows}"
    yield f"mutations made: {n}; skipped rows/mutations: {sum(result.skipped.values())}"
    for why, count in result.skipped.most_common():
        yield f"  skipped {count}: {why}"
    yield f"still covered: {still} of {n} mutations ({100 * still / max(n, 1):.2f}%)"
    wrong = [m for m in result.still_covered if m.kind not in DECIDED]
    judged = sum(count for kind, count in result.by_kind.items() if kind not in DECIDED)
    share = 100 * len(wrong) / max(judged, 1)
    yield f"wrong credit (kinds not credited by a decision): {len(wrong)} of {judged} mutations ({share:.2f}%)"
    still_kinds = Counter(m.kind for m in result.still_covered)
    for kind, count in result.by_kind.most_common():
        note = f"  [decided, {DECIDED[kind]}]" if kind in DECIDED else ""
        yield f"  {kind}: {still_kinds[kind]} of {count} still covered ({100 * still_kinds[kind] / count:.1f}%){note}"
    shown = sorted(result.still_covered, key=lambda m: m.kind in DECIDED)
    for m in shown[:show]:
        yield f"  [{m.kind}] {m.row[0]!r} <- {m.answer!r}"
    yield f"seconds: {result.seconds:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=int, default=None, help="score a seeded sample of this many mutants")
    parser.add_argument("--rows", type=int, default=None, help="mutate a seeded sample of this many covered rows")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--show", type=int, default=10_000, help="list at most this many mutants still covered")
    args = parser.parse_args(argv)
    figures = sweep(covered_rows(earlier=True), args.sample, args.seed, args.rows)
    # v67: no figure too; --rows samples the text rows as well (46th session: it sampled the figure rows only)
    result = joined(figures, text_sweep(covered_text_rows(), args.sample, args.seed, args.rows))
    for line in iter_report(result, args.show):
        print(line)
    return 0


# v67: the covered rows whose point holds no figure - a feature, a policy, a recommendation (私有化部署, SaaS,
# on-premises, 告警降噪) - each sentence holding the point rewritten so that the answer surely does not state it
_A_FIGURE_OR_NUMERAL = re.compile(r"[0-9零一二三四五六七八九十百千万亿两半]")
# a point that is a verdict word, a choice's letter, a verb phrase or a question: no feature to deny or hand over
_NOT_A_FEATURE = re.compile(r"^(?:[A-Za-z]|approved|rejected|通过|批准|是|否)$|^(?:支持|提供|符合|推荐|不)|[?？]", re.I)
# an option picked by its letter (选项：A. SaaS；B. 私有化部署。应选A。, Answer: A): the pick may stand apart from
# the point
_AN_OPTION = re.compile(r"(?<![A-Za-z])[A-D](?:[.．、)）:：]|$)|(?:选|answer:?)\s*[A-D](?![A-Za-z])", re.I)
_TEXT_TEMPLATES: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "text: negated": (
            "我们并不支持{P}。",
            "目前还没有{P}。",
            "我们从未提供{P}。",
            "{P}已停止提供。",
            "{P}已不再提供。",
            "{P} — 不可用。",  # v86: a dash, a request not met, a plan not launched
            "很遗憾，{P}这一需求我们无法满足。",
            "{P}尚未推出。",
            "{P}（已停售）",
            "我们做不了{P}。",
            "{P}一直没有推出。",
            "{P}不在考虑范围内。",
            "{P}的话，目前还不行。",
            "{P}：暂缺。",  # v87
            "{P}无从谈起。",
            "很遗憾，{P}不在我们的服务内容中。",
        ),
        "text: another party": (
            "竞品A支持{P}，我们仅提供公有云版本。",
            "友商提供{P}，我们不提供。",
            "仅竞品支持{P}。",
        ),
        "text: question": (
            "是否支持{P}需要确认。",
            "您是否需要{P}？",
            "需要我帮您确认是否支持{P}吗？",
            "您需要{P}吗？可以的，我们帮您评估。",
        ),
        "text: condition": ("如需{P}，需另行评估。",),
        # v86: the one left out of what is offered
        "text: excluded": (
            "除{P}外，其他方式都支持。",
            "除了{P}，其他都可以提供。",
            "我们支持除{P}之外的所有方式。",
            "所有方案均支持，{P}除外。",
        ),
        "text: past": ("曾支持{P}，现已下线。", "此前提供{P}，目前已下线。"),
        # v87: a guess between names, a former one, a belief corrected
        "text: left open": ("是{P}还是其他方案，知识库中没有说明。",),
        "text: guessed": ("可能是{P}，也可能是其他方式。",),
        # v104: upgraded from it, and a former one in a bracket
        "text: former": (
            "我们已从{P}迁移到公有云。",
            "原为{P}，现已改为公有云。",
            "已由{P}升级为公有云。",
            "现为公有云（此前为{P}）。",
        ),
        "text: believed": ("很多人以为是{P}，其实是公有云。",),
        # v88: taken back by a correction, disclaimed by a pointer, denied through its gloss or its possessor
        "text: taken back": ("我们提供{P}。更正：是公有云。",),
        "text: disclaimed": ("我们提供{P}，这一点未经证实。", "我们提供{P}（存疑）。"),
        "text: glossed": ("这并非我们的方案（{P}）。", "这不是我们的{P}。"),
        "text: advised against": ("不建议{P}。", "我们不推荐{P}。"),
        "text: not yet": ("{P}正在开发中。", "{P}还在规划中。", "{P}即将推出。"),
        "text: out of scope": ("{P}不在我们的服务范围内。", "{P}这块我们暂时做不了。"),
        "text: unchecked": ("- [ ] {P}",),
        "text: table": ("| {P} | ✗ |", "| 功能 | 是否支持 |\n|---|---|\n| {P} | 否 |"),
        # v68: a table that compares parties or versions, ours (or the one made now) crossed
        "text: comparison table": (
            "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| {P} | ✅ | ❌ |",
            "| 功能 | 我们 | 竞品A |\n|---|---|---|\n| {P} | ❌ | ✅ |",
            "| 功能 | 当前版本 | 下一版本 |\n|---|---|---|\n| {P} | ❌ | ✅ |",
        ),
    },
    "en": {
        "text: negated": (
            "We do not support {P}.",
            "{P} is no longer offered.",
            "{P} has been discontinued.",
            "{P} has been dropped.",
            "We have never offered {P}.",
            "{P} is not something we support.",  # v86
            "{P} is off the table.",
            "We don't do {P}.",
            "We have no plans for {P}.",
            "{P} (discontinued)",
            "Every option minus {P} is available.",
            "As for {P}, we don't offer it.",
            "{P} - unavailable.",  # v87
            "{P} is not an option for you.",
            "{P} remains unsupported.",
            "{P}? Not possible.",
            "{P} is something we cannot offer.",
        ),
        "text: another party": (
            "Competitor X offers {P}; we do not.",
            "Competitor X offers {P}, while we only offer a cloud version.",
            "Only competitors offer {P}.",
        ),
        "text: question": (
            "Would you like {P}?",
            "Whether {P} is supported needs to be confirmed.",
            "Would you like {P}? Sure - we can check.",
        ),
        "text: condition": ("If you need {P}, it requires a separate assessment.",),
        "text: excluded": (  # v86
            "We support every option except {P}.",
            "All options other than {P} are available.",
            "We offer everything but {P}.",
            "With the exception of {P}, all options are supported.",
        ),
        "text: past": ("{P} was previously offered but has been retired.", "We used to offer {P}."),
        "text: left open": ("Whether it is {P} or another option is not stated.",),  # v87
        "text: guessed": ("It may be {P} or something else.",),
        "text: former": (
            "We moved from {P} to the cloud.",
            "It was formerly {P}, but is now the cloud.",
            "It is now the cloud (formerly {P}).",  # v104
        ),
        "text: believed": ("Many believe it is {P}, but in fact it is the cloud.",),
        "text: taken back": ("We offer {P}. Correction: the cloud.",),  # v88
        "text: disclaimed": ("We offer {P}, but this is unconfirmed.",),
        "text: glossed": ("This is not our option ({P}).",),
        "text: advised against": ("We do not recommend {P}.",),
        "text: not yet": ("{P} is on our roadmap.", "{P} is coming soon.", "{P} is under development."),
        "text: out of scope": ("{P} is not in scope.", "{P} is out of scope."),
        "text: unchecked": ("- [ ] {P}",),
        "text: table": ("| {P} | ✗ |", "| Feature | Supported |\n|---|---|\n| {P} | No |"),
        "text: comparison table": (
            "| Feature | Competitor X | Us |\n|---|---|---|\n| {P} | ✅ | ❌ |",
            "| Feature | Us | Competitor X |\n|---|---|---|\n| {P} | No | Yes |",
            "| Feature | Current | Next release |\n|---|---|---|\n| {P} | ❌ | ✅ |",
        ),
    },
}


def covered_text_rows() -> list[Row]:
    """v67: every covered row of a scorer test module whose point holds no figure (no digit, numeral or 半): its
    (point, answer, "covered") and (point, answer, forms, "covered") tuples alike, deduplicated in the order found."""
    seen: set[tuple[str, str]] = set()
    rows: list[Row] = []
    for path in sorted(TESTS.glob("test_*.py")):
        module = importlib.import_module(path.stem)
        for value in vars(module).values():
            if not isinstance(value, list):
                continue
            for item in value:
                row = _as_covered_row(item)
                if row is None or _A_FIGURE_OR_NUMERAL.search(row[0]) or (row[0], row[1]) in seen:
                    continue
                seen.add((row[0], row[1]))
                rows.append(row)
    return rows


def _as_covered_row(item: object) -> Row | None:
    if _is_covered_row(item):
        return item  # type: ignore[return-value]
    if isinstance(item, tuple) and len(item) == 3 and all(isinstance(x, str) for x in item) and item[2] == "covered":
        return (item[0], item[1], None, "covered")
    return None


@dataclass(frozen=True)
class TextSpot:
    """Where a covered row's point without a figure stands: the point as the answer writes it, the answer before its
    sentence (`before`, stripped) and after it (`after`), the answer up to the sentence's words (`head`: with a list
    mark or a heading's hashes), the sentence's language, and whether an English rewrite opens its sentence."""

    said: str
    before: str
    after: str
    head: str
    chinese: bool
    opens: bool


def text_spot(row: Row, blanked_covers: bool) -> TextSpot | str:
    """v67: the place of a covered row's point without a figure, or why the row is skipped: the point must be a feature
    (not a verdict word, a letter, a verb phrase or a question), occur once in the answer in a sentence neither
    negated, conditional nor a question, the answer no JSON, code or table nor a pick of an option by its letter, and
    the answer with the point blanked out must not cover it. Both sweeps' text kinds share it (miss_mutations.py)."""
    point, answer, _, _ = row
    if _A_FIGURE_OR_NUMERAL.search(point):
        return "text: the point holds a figure"
    if _NOT_A_FEATURE.search(point.strip()):
        return "text: the point is a verdict word, a letter, a verb phrase or a question"
    if blanked_covers:
        return "text: covered without the point"
    spots = list(re.finditer(re.escape(point), answer, re.I))
    if len(spots) != 1:
        return "text: the point not once in the answer"
    start, end = spots[0].span()
    s_left, s_right = _sentence_span(answer, start, end)
    sentence = answer[s_left:s_right]
    if _NEGATION.search(sentence) or _CONDITION.search(sentence) or answer[s_right : s_right + 1] in ("?", "？"):
        return "text: sentence already negated, conditional or a question"
    if _STRUCTURED.search(answer):
        return "text: answer is JSON, code or a table (no sentence to rewrite)"
    if _AN_OPTION.search(answer):
        return "text: the answer picks an option by its letter (the rewrite may not touch the pick)"
    lead_match = _LEAD.match(answer, s_left, start)
    body_left = s_left + (len(lead_match.group()) if lead_match else 0)
    if re.match(r"\s*-\s*\[", answer[s_left:]) is not None:
        body_left = s_left  # a checklist's box goes with the line it ticks
    said = answer[start:end]
    # the sentence's own language: Chinese where its other words are, or where it has no English word beside a
    # Chinese point (- 私有化部署：✅)
    others = answer[s_left:s_right].replace(said, " ")
    chinese = re.search(r"[\u4e00-\u9fff]", others) is not None or (
        re.search(r"[\u4e00-\u9fff]", said) is not None and re.search(r"[A-Za-z]{3,}", others) is None
    )
    # an English rewrite opens its sentence with a capital (after a full stop, a line break or a list mark)
    opens = not answer[:body_left].strip() or re.search(r"[.!?。！？\n]\s*$|^\s*[-*•]\s*$", answer[:body_left])
    return TextSpot(
        said=said,
        before=answer[:s_left].rstrip(),
        after=answer[s_right:].lstrip(".。!！;；?？ ").strip(),
        head=answer[:body_left],
        chinese=chinese,
        opens=bool(opens),
    )


def text_mutants(row: Row, blanked_covers: bool) -> tuple[list[Mutant], list[str]]:
    """v67: the wrong answers made from one covered row whose point holds no figure - the sentence (or line) that
    holds the point replaced by one that denies it, hands it to another party, asks about it, makes it a condition,
    the past, advises against it, leaves its box unticked or marks it no in a table - and the reasons for the rows
    skipped (`text_spot`)."""
    spot = text_spot(row, blanked_covers)
    if isinstance(spot, str):
        return [], [spot]
    made = [Mutant(kind, row, text) for kind, text in text_rewrites(spot, _TEXT_TEMPLATES)]
    if a_persons_name(normalise(row[0])):
        # v92: 负责人是刘敏琪 - another person, whose name starts with the point's (a two-character name made three,
        # as Chinese names are; four-character ones are compound surnames' names, which jieba does not guess)
        if len(row[0]) == 2:
            made.append(Mutant("text: a longer name", row, row[1].replace(spot.said, spot.said + "琪")))
        # v93: 刘敏并未参与该项目 - the person named only to be denied the part; v104: 是刘敏的同事牵的线 - a relation
        # of the person did it, 是刘敏或王芳牵的线 - a guess between two
        made.extend(Mutant(kind, row, text) for kind, text in text_rewrites(spot, _NAME_TEMPLATES))
        two_names = _with_another(row[0], "王芳", "李娜")
        made.extend(Mutant(kind, row, text) for kind, text in text_rewrites(spot, two_names))
    elif _A_NAME_IN_LATIN.fullmatch(row[0]) and not spot.chinese:
        # v96: Liu Min was not involved - the same in English; v104: Liu Min's colleague made the introduction;
        # v105: Liu Min or Wang Fang
        made.extend(Mutant(kind, row, text) for kind, text in text_rewrites(spot, _NAME_TEMPLATES))
        two_names = _with_another(row[0], "王芳", "李娜")
        made.extend(Mutant(kind, row, text) for kind, text in text_rewrites(spot, two_names))
    if spot.chinese and a_place(normalise(row[0])):
        # v95: 总部位于苏州路 - a street or a river named after the place, not the place
        made.extend(Mutant("text: a street's name", row, row[1].replace(spot.said, spot.said + s)) for s in _STREETS)
        # v104: 主要合作银行为苏州银行 - an institution named after the place, not the place (not after a kind's
        # classifier: 一家苏州银行 is a bank of the place)
        if not re.search(r"[家所座]\s*$", row[1][: row[1].find(spot.said)]):
            institutions = ("银行", "大学")
            made.extend(
                Mutant("text: an institution", row, row[1].replace(spot.said, spot.said + s)) for s in institutions
            )
        # v104: 总部位于苏州或杭州 - a guess between two places
        # (where the place ends its clause: 苏州或杭州的客户 is a set of places, no guess)
        other = "南京" if "杭州" in row[0] else "杭州"
        at = row[1].find(spot.said) + len(spot.said)
        if re.match(r"\s*(?:[，。,.；;！!？?\n]|$)", row[1][at:]):
            made.append(Mutant("text: two names", row, f"{row[1][:at]}或{other}{row[1][at:]}"))
    # v68: each kind's first mutant under a heading (## 结论 / 竞品A支持私有化部署，我们仅提供公有云版本 was credited
    # by v67: the heading's line was read as the first part of the sentence)
    heading = "## 结论\n\n" if spot.chinese else "## Summary\n\n"
    # (not "text: guessed" or "text: two names": `claim_mutations` charges a guessed claim on purpose, v87, v104, and
    # its twin would be too)
    firsts = {m.kind: m for m in reversed(made) if m.kind not in ("text: guessed", "text: two names")}
    made.extend(Mutant("text: under a heading", row, heading + m.answer) for m in reversed(firsts.values()))
    return made, []


def text_rewrites(spot: TextSpot, templates: dict[str, dict[str, tuple[str, ...]]]) -> Iterator[tuple[str, str]]:
    """Each template of the spot's language ({P}: the point as the answer writes it) put in place of the sentence
    holding the point, as (kind, answer): a line of its own (a block: the kinds `BLOCK_KINDS` names, a template that
    opens with a mark or holds a line break) between the text before and after it, else after the sentence's list
    mark with the rest of the answer after it."""
    chinese = spot.chinese
    for kind, texts in templates["zh" if chinese else "en"].items():
        for text in texts:
            line = text.format(P=spot.said)
            if not chinese and spot.opens and line[:1].islower():
                line = line[0].upper() + line[1:]
            elif not chinese and not spot.opens and line[:1].isupper() and not line.startswith(spot.said):
                line = line[0].lower() + line[1:]
            if kind in BLOCK_KINDS or "\n" in line or line.startswith(("|", "{", "#", "-", "☑", "✅", "`")):
                yield kind, "\n\n".join(p for p in (spot.before, line, spot.after) if p)
            else:
                head = spot.head
                if head and not chinese and not head[-1].isspace():
                    head += " "
                tail = ((" " if not chinese else "") + spot.after) if spot.after else ""
                yield kind, f"{head}{line}{tail}"


# v93: the sentence holding a person's name replaced by the name's denial (Chinese answers: the rule reads Chinese)
_NAME_TEMPLATES = {
    "zh": {"text: a name denied": ("{P}并未参与该项目。", "{P}不是负责人。", "{P}与此事无关。")},
    "en": {
        "text: a name denied": (
            "{P} was not involved.",
            "{P} had nothing to do with it.",
            "{P} is not the one who introduced them.",
            "{P} was not involved in the project.",
        )
    },
}
_NAME_TEMPLATES["zh"]["text: a relation did it"] = (
    "是{P}的同事牵的线。",
    "牵线人是{P}的一位老同事。",
    "{P}的助理负责对接。",
)
_NAME_TEMPLATES["en"]["text: a relation did it"] = ("{P}'s colleague made the introduction.",)


def _with_another(point: str, name: str, spare: str) -> dict[str, dict[str, tuple[str, ...]]]:
    """v104: the person's name as one of two joined by 或 (是刘敏或王芳牵的线), the other not the point; v105: and by
    "or" in English (It was Liu Min or Wang Fang who made the introduction)."""
    other = spare if name in point else name
    latin = "Li Na" if "Wang Fang" in point else "Wang Fang"
    return {
        "zh": {"text: two names": (f"是{{P}}或{other}牵的线。", f"牵线人是{other}或{{P}}。")},
        "en": {
            "text: two names": (
                f"It was {{P}} or {latin} who made the introduction.",
                f"The introduction was made by {latin} or {{P}}.",
            )
        },
    }


# v96: a point that may be a person's name in Latin letters (Liu Min, Zhou Xiaofeng): two or three capitalised words
_A_NAME_IN_LATIN = re.compile("[A-Z][a-z]+(?: [A-Z][a-z]+){1,2}")


# v95: a street's or a river's word after a place's name
_STREETS = ("路", "大街", "河畔")


# the credit sweep's kinds written as a block of their own (a checklist line, a table)
BLOCK_KINDS = ("text: unchecked", "text: table")


def _blank_text(point: str, answer: str) -> str | None:
    out = re.sub(re.escape(point), "某项", answer, flags=re.I)
    return out if out != answer else None


def text_sweep(rows: list[Row], sample: int | None = None, seed: int = 0, row_sample: int | None = None) -> Sweep:
    """v67: `text_mutants` of the rows (a seeded sample of `row_sample` rows, then of `sample` mutants, where given),
    each still covered a wrong credit; a row whose answer covers its point with the point blanked out makes none."""
    return Sweep(
        *sweep_rows(rows, text_mutants, lambda is_covered: is_covered, sample, seed, row_sample, blank=_blank_text)
    )


if __name__ == "__main__":
    raise SystemExit(main())
