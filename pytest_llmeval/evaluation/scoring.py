"""Keyword-coverage scoring: pure functions, no model, no pytest.

A key point is covered when its name or a synonym occurs in the answer after
normalisation (NFKC + casefold, whitespace collapsed). Thinking is removed first.
A form that contains a number is matched as a number (`numbers/`: 120 is not 20,
1,200万元 is 1200万元); a form is never matched inside a longer word (SQL is not in
MySQL; GPUs is GPU); a `regex:` key point is matched by its regular expression.
A form right after a negation (不/非/未/无/没有/不是/不到..., "not", "no", "non-") is
`negated` and does not count: 不合规 says the opposite of 合规, 没有分公司 claims no 有分公司; so is a figure offered
only as one of several values (20个月或24个月: v15; 18/20/24个月, 在18个月、20个月、24个月之间: v16).
The echo guard finds the answer's verbatim copies (at least `n` normalised
characters long, punctuation not compared) of a copied source - the question,
the system prompt or, with RAG, the retrieved context; a key point whose every
occurrence lies inside one such copy is `echoed` and does not count.
This module scores a case; the rules it applies live in `keywords/` (one module per concern: its
`__init__` lists them) and `numbers/`; what each version changed: docs/scorer-versions.md.
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from .keywords.assertion import asserted, disclaimed_hearsay
from .keywords.bounds import a_code_compared, answer_bound, bounded_form, literal_bound
from .keywords.claimed import anothers_claim
from .keywords.condition import supposed_by_a_condition
from .keywords.counterfactual import condition_denied, counterfactual
from .keywords.crossed import crossed_after_its_statement
from .keywords.dates import DateSpelling, is_a_date
from .keywords.denial import (
    OFFENCE_AFTER,
    answered_no,
    asked_and_answered_yes,
    denied_as_its_value,
    denied_by_its_row,
    in_a_clarifying_question,
    in_another_currency,
    negated_within,
    negation_inside,
    offered_among_others,
    refusal_of,
    waived_by_a_bare_mian,
)
from .keywords.echo import DEFAULT_ECHO_MIN_COPY, ECHO_MIN_COPY, Copies, copies
from .keywords.events import a_year_of_another_event, events_asked
from .keywords.excluded import excluded
from .keywords.expectation import expectation_point, marker_patterns
from .keywords.forms import MOST_OCCURRENCES_JUDGED, other_forms, patterns
from .keywords.hypothesis import a_missed_goal, hypothetical, rhetorical_negation
from .keywords.names import (
    acts_asked,
    another_did_the_act_asked,
    another_sites_place,
    given_as_no_answer,
    head_office_asked,
    only_a_branch,
    title_words,
)
from .keywords.negation import (
    A_CHARGE,
    denial_after,
    judged_after_its_bracket,
    negation_after,
    negation_before,
    negation_before_its_gloss,
    withdrawn_of_another_noun,
)
from .keywords.normalisation import CHECK, CROSS, normalise, normalise_lines, strip_thinking
from .keywords.options import an_option_not_picked, passed_over, rejected_option
from .keywords.parties import (
    anothers_figure,
    formerly,
    held_by_another,
    marked_in_our_column,
    ours_after_anothers_denial,
)
from .keywords.periods import superseded_by_a_later_period, superseded_in_its_column
from .keywords.quantities import a_figure_of_another_quantity, names_a_quantity, quantity_asked
from .keywords.rates import per_another_before, per_another_period
from .keywords.rejected import denied_as_who_says, double_denial, rejected_claim, rejected_in_the_next_sentence
from .keywords.retraction import (
    FIGURE_START,
    a_former_value,
    a_list_taken_back,
    a_multiple_of,
    a_time_ago_or_a_period,
    called_off,
    denied_as_a_whole,
    doubted,
    left_with_no_new_figure,
    out_of_reach,
    reported_and_corrected,
    taken_back,
)
from .keywords.tables import TableCell, table_cells, table_units
from .keywords.times import PERIOD_AT_THE_START, NamedTime, TimeOfDay
from .keywords.unit_family import another_unit_after, end_of_its_unit, units_of_a_point, written_without_a_unit
from .numbers import (
    CN_DIGITS,
    EN_ONES,
    EN_TEENS,
    EN_TENS,
    NUMERAL_CHARS,
    Found,
    NumberPattern,
    Pattern,
    RegexPattern,
    RegexTimeout,
    SpokenShare,
    TextPattern,
    chinese_value,
    regex_time_limit,
)
from .numbers.finding import a_code_point
from .numbers.name_edges import a_persons_name
from .numbers.patterns import ANOTHERS_OR_A_TARGET_AFTER, NEGATED_LINK, marked_old, names_an_old_subject
from .scenarios import Case, ScenarioError

SCORER_NAME = "keyword_coverage"
# What each version changed: docs/scorer-versions.md.
SCORER_VERSION = 115


@dataclass(frozen=True)
class PointResult:
    point: str
    weight: float
    # "covered" | "missing" | "echoed" | "negated" (said only under a negation: 不合规 for 合规; v15: or offered only
    # among other values, 20个月或24个月)
    status: str
    matched: str | None = None  # the variant that matched
    echoed_from: str | None = None  # the copied source, for status "echoed"
    matched_text: str | None = None  # the answer's text that matched (normalised), e.g. "1,200万元"
    rule: str | None = None  # how the matched form was compared: "text", "number" or "regex"


@dataclass
class Score:
    case_id: str
    score: float
    coverage: float
    threshold: float
    passed: bool
    points: list[PointResult]
    forbidden_found: list[str] = field(default_factory=list)
    penalty: float = 0.0
    answer: str = ""
    scorer: dict[str, object] = field(default_factory=dict)

    @property
    def covered(self) -> list[str]:
        return [p.point for p in self.points if p.status == "covered"]

    @property
    def missing(self) -> list[str]:
        """Not said: absent, or only under a negation (`negated` names those)."""
        return [p.point for p in self.points if p.status in ("missing", "negated")]

    @property
    def negated(self) -> list[str]:
        return [p.point for p in self.points if p.status == "negated"]

    @property
    def echoed(self) -> list[str]:
        return [p.point for p in self.points if p.status == "echoed"]

    def to_dict(self) -> dict[str, object]:
        return {
            "score": round(self.score, 2),
            "coverage": round(self.coverage, 2),
            "threshold": self.threshold,
            "passed": self.passed,
            "covered": self.covered,
            "missing": self.missing,
            "echoed": self.echoed,
            "forbidden_found": self.forbidden_found,
            "penalty": self.penalty,
            "points": [dict(vars(p)) for p in self.points],  # flat: scalars only (asdict deep-copies each)
            "scorer": self.scorer,
        }

    def explain(self, excerpt_chars: int = 300) -> str:
        """A readable multi-line explanation, used as the assertion message."""
        verdict = "passed" if self.passed else "FAILED"
        lines = [f"{self.case_id}: {verdict}, score {self.score:.1f} (threshold {self.threshold:g})"]
        total = len(self.points)
        covered = [p for p in self.points if p.status == "covered"]
        lines.append(f"  covered ({len(covered)}/{total}): " + (", ".join(_describe_match(p) for p in covered) or "-"))
        lines.append("  missing: " + (", ".join(self.missing) or "-"))
        negated = [p for p in self.points if p.status == "negated"]
        if negated:
            lines.append("  negated, not counted: " + ", ".join(f"{p.point} (as '{p.matched_text}')" for p in negated))
        echoed = [p for p in self.points if p.status == "echoed"]
        if echoed:
            lines.append(
                "  echoed, not counted: " + ", ".join(f"{p.point} (copied from {p.echoed_from})" for p in echoed)
            )
        if self.forbidden_found:
            lines.append(f"  forbidden claims present (-{self.penalty:g} each): " + ", ".join(self.forbidden_found))
        excerpt = self.answer[:excerpt_chars].replace("\n", " ")
        if len(self.answer) > excerpt_chars:
            excerpt += " ..."
        lines.append(f"  answer: {excerpt!r}")
        return "\n".join(lines)


def _describe_match(p: PointResult) -> str:
    shown = p.matched_text if p.matched_text is not None else p.matched
    return p.point if shown is None or normalise(shown) == normalise(p.point) else f"{p.point} (as '{shown}')"


@dataclass(frozen=True)
class _Match:
    status: str
    variant: str | None = None
    source: str | None = None
    text: str | None = None
    rule: str | None = None


# A form written in Chinese numerals without chinese_numerals (a text pattern) is a figure when it is nothing but
# quantities: 二十个月, 一年零八个月, 百分之五十, 三百万次 - not a word that starts with a numeral (零售, 一体化, 三方).
_CN_NUMBER = "[" + "".join(sorted(NUMERAL_CHARS - frozenset("0123456789"))) + "]+(?:点[" + "".join(CN_DIGITS) + "]+)?"
_CN_QUANTITY_UNITS = (
    "个月|个小时|个星期|个|年|月|天|日|周|星期|小时|分钟|分|秒|元|块|人|次|笔|台|倍|岁|家|项|名|位|份|件|套|户|成|%"
)
_CN_QUANTITY = re.compile(f"(?:百分之|零)?(?P<n>{_CN_NUMBER})(?:{_CN_QUANTITY_UNITS})?半?")


# v47: a number point matched by its number in words (one year, twenty months, a week) is a figure too, so that a bound
# (more than a year, over one year), a guess (a year or two) and the other rules of a figure read it as they read 1 year
_SPELLED_START = re.compile("(?:an?|zero|hundred|" + "|".join((*EN_ONES, *EN_TEENS, *EN_TENS)) + ")(?![a-z])")


def _figure(pattern: Pattern, text: str) -> bool:
    """The match is a number (20个月, -5%, ¥1200万; v7: of a number pattern, or a text form of Chinese numerals and
    units only, 二十个月), which 不止 and 不到 after it negate - not a word that starts with a numeral (零售, 千兆)."""
    if isinstance(pattern, (DateSpelling, NamedTime)):
        # v78: a date in another spelling (June 2025 for 2025年6月), which a word of time bounds; v105: a time of
        # day by its name (noon, 午夜)
        return True
    if isinstance(pattern, TimeOfDay) and (period := PERIOD_AT_THE_START.match(text)) is not None:
        # v106: a time of day's match from its period's word (v105: 中午12点), a figure all the same - v105 read none
        # of a figure's rules for it (原定中午12点，现改为14点 was credited)
        return FIGURE_START.match(text, period.end()) is not None
    if isinstance(pattern, NumberPattern):
        label = pattern.pieces[0].strip()
        if label and text.startswith(label):
            return False  # v111: a subject that opens with a numeral (三年ROI不是50%: the figure is the 50%)
        return FIGURE_START.match(text) is not None or _SPELLED_START.match(text) is not None
    if isinstance(pattern, SpokenShare):
        return True  # v36: 三分之一, one third, half of - a share said in words
    if not isinstance(pattern, TextPattern) or not pattern.text:
        return False
    pos = 0
    while pos < len(pattern.text):
        m = _CN_QUANTITY.match(pattern.text, pos)
        if m is None or m.end() == pos or chinese_value(m.group("n")) is None:
            return False
        pos = m.end()
    return True


# v40: where the figure of a point said with its subject starts (ROI为20%: the 2), so that the rules of a figure (taken
# back, a bound, a former value, a multiple) read it there - v39 read them at the subject and skipped them all: ROI为
# 20%（不对，应为18%） and "payback of 20 months (correction: 24)" credited the figure taken back
_FIGURE_IN_A_MATCH = re.compile(f"(?<![a-z0-9.]){FIGURE_START.pattern}")


def _figure_after_its_subject(pattern: Pattern, answer_norm: str, found: Found) -> int:
    """The start of the figure in a number point's match that starts with its subject (回收期为20个月, the ROI is
    20%), else the match's start."""
    if not isinstance(pattern, NumberPattern) or not pattern.pieces[0].strip():
        return found.start
    if not names_a_subject(pattern):
        # v81: a point's words of counting (每月5000元, 约20个月, 共20台) - the figure's rules read its figure, as of a
        # subject's (v80 read none of them there: 由每月5000元上调至每月6000元 was credited)
        figure = _FIGURE_IN_A_MATCH.search(answer_norm, found.start + 1, found.end)
        return figure.start() if figure is not None else found.start
    if len(pattern.slots) > 1:
        figure = _FIGURE_IN_A_MATCH.search(answer_norm, found.start + 1, found.end)
        return figure.start() if figure is not None else found.start
    # v41: the last figure of the match, where a former one stands between the subject and it (ROI: 20% -> 18%, 回收期
    # 原为20个月，现调整为24个月): the point's figure is the new one
    last = None
    for figure in _FIGURE_IN_A_MATCH.finditer(answer_norm, found.start + 1, found.end):
        # not the 十 of 二十, the 万 of 1200万; v48: nor the 二十 of 百分之二十 (v47 read ROI不是百分之二十 from
        # 二十, after its negation, and credited it)
        if answer_norm[figure.start() - 1] not in NUMERAL_CHARS and not answer_norm.endswith("分之", 0, figure.start()):
            near = max(found.start, figure.start() - 8)
            bound = _A_TOLERANCE_OR_RESTATEMENT_BEFORE.search(answer_norm, near, figure.start())
            last = last if bound is not None else figure
    return last.start() if last is not None else found.start


# v69: nor the bound of a tolerance (回收期不是20±4个月: the 4) or a figure's restatement in brackets (回收期不是
# 20 (二十) 个月: the 二十) - the figure is the one before them, and a negation before it is read (v68 credited both)
_A_TOLERANCE_OR_RESTATEMENT_BEFORE = re.compile(r"(?:±|\+/-|\+-) ?$|[0-9一二两三四五六七八九十百千万亿零〇] ?\($")


def _figure_after_its_words(pattern: Pattern, answer_norm: str, found: Found) -> int | None:
    """The start of the first figure in a number point's match that starts with words of counting (每月5000元: the
    5), where the subject's rules do not read it (`names_a_subject`) - so that a negated copula between them (每月不是
    5000元, v48 credited it) is read as the figure's negation (v49); else None."""
    if not isinstance(pattern, NumberPattern) or not pattern.pieces[0].strip():
        return None
    figure = _FIGURE_IN_A_MATCH.search(answer_norm, found.start + 1, found.end)
    return figure.start() if figure is not None else None


# a point's words before its figure that say how it is counted (每20个月, 约20个月, 第3年, 共20台), not what it is of
_COUNTING_WORDS = re.compile("^(?:每|约|第|近|共|计|仅|只|合计|总计|累计|大约|大概|将近|接近|逾|达|需|要)")


def names_a_subject(pattern: NumberPattern) -> bool:
    """Whether the number point names what its figure is of before it (回收期20个月, ROI 20%, 人民币1200万) - not a word
    of counting (每20个月, 约20个月: their figure's rules stay as v39 read them)."""
    label = pattern.pieces[0].strip()
    return len(label) >= 2 and _COUNTING_WORDS.match(label) is None


def _figures_alone(forms: Sequence[Pattern]) -> list[Pattern]:
    """The number points of `forms` that name a subject, without it (ROI 20% -> 20%): what a correction after the
    figure is compared with to tell another value from the same one again (v40)."""
    alone: list[Pattern] = []
    for pattern in forms:
        if (
            isinstance(pattern, NumberPattern)
            and names_a_subject(pattern)
            and pattern.text.startswith(pattern.pieces[0])
            and not is_a_date(pattern.text)  # v78: March 2024's month is no subject (moved from March to May 2024)
        ):
            text = pattern.text[len(pattern.pieces[0]) :]
            alone.append(replace(pattern, text=text, pieces=("", *pattern.pieces[1:])))
    return alone


def _cell_matches(pattern: RegexPattern, answer_norm: str, cell: TableCell) -> Iterator[Found]:
    """Where the regex matches the table cell read after its column's header (`年净节省额: 90万` for the cell 90万
    under 年净节省额), as the part of the cell that the match holds: a match of the header alone is none."""
    offset = len(cell.header) + 2
    read = f"{cell.header}: {answer_norm[cell.start : cell.end]}"
    for found in pattern.search(read):
        if found.end <= offset:
            continue
        if found.start < offset and negation_before(read, found.start) is not None:
            continue  # | 不推荐 | 智能风控引擎 |: the header's negation holds for the cell (v8)
        yield Found(cell.start + max(0, found.start - offset), cell.start + found.end - offset)


# A claim in a Markdown table that the table itself disclaims is not asserted (v9): its column's header says what
# it holds is unverified (| 未经证实的说法 | 来源 |, | 传闻 | ... |) or another cell of its row says so (| 说法 |
# 核实结果 | over | 已通过PCI DSS 4.0认证 | 无法证实 |, | ... | 否 |). A table of facts (| 认证 | 状态 | over
# | PCI DSS | 已通过 |) still claims.
# v35: and a column of what not to say or believe (| 可以说 | 不能说 |, | Do | Don't |, | 误区 |, | Myth | Fact |)
_HEADER_DISCLAIMS = re.compile(
    "未经证实|未证实|无法证实|无法核实|待核实|待证实|传言|传闻|谣言|不实|存疑"
    "|不能说|不可说|不该说|不要说|禁用|禁忌|误区|错误说法|错误示范|反例"
    "|(?<![a-z])(?:unverified|unconfirmed|rumou?rs?|don'?t|do not|never say|avoid|myths?)(?![a-z])"
)
_CELL_DISCLAIMS = re.compile(
    # v35: ❌ 不合规; v36: ❌ alone; v71: every cross is `CROSS`
    f"\\s*(?:{CROSS}|(?:{CROSS} ?)?(?:否|不|不合规|违规|禁止|禁用|不可|不能说|non-compliant|prohibited"
    "|不是|不属实|不实|虚假|错误|不准确|无法证实|无法核实|无法确认|未经证实|未证实|待核实|待证实|存疑"
    "|网络传言|传言|传闻|谣言|no|false|unverified|not verified|unconfirmed"
    "))\\s*[。.!！]?\\s*"
)
# v36: and the cell right after a row's label that says the label's claim is not had (| 保证收益 | 无 |, | ❌ |,
# | 不提供 |, | Not available |) - not a cell of another column (| 稳盈1号 | 保证收益 | 无 | under 手续费: no fee)
_CELL_DENIES_ITS_LABEL = re.compile(
    "\\s*(?:无|没有|不提供|不支持|不承诺|不适用|none|not available|not offered|not provided|not supported|n/a)"
    "\\s*[。.!！]?\\s*"
)


def _disclaimed_by_its_table(answer_lines: str, start: int, end: int, cells: Sequence[TableCell]) -> bool:
    """The text at start:end stands in a table cell whose column header, or another cell of whose row, disclaims it."""
    own = [c for c in cells if c.start <= start and end <= c.end]
    if not own:
        return False
    if any(_HEADER_DISCLAIMS.search(c.header) for c in own):
        return True
    if marked_in_our_column(answer_lines, start, end, cells) is True:
        return False  # v68: | 保证收益 | ❌ | ✅ | under 竞品A, 我们 - the cross is the other party's, ours ticks it
    spans = {(c.start, c.end) for c in _rest_of_its_row(answer_lines, own[0], cells)}
    if any(_CELL_DISCLAIMS.fullmatch(answer_lines[a:b]) for a, b in spans):
        return True
    line_start = answer_lines.rfind("\n", 0, own[0].start) + 1
    if answer_lines[line_start : own[0].start].strip(" |"):
        return False  # not the row's label
    after = min((a for a, _ in spans if a > own[0].start), default=None)
    following = next(((a, b) for a, b in spans if a == after), None)
    return (
        following is not None
        and _CELL_DENIES_ITS_LABEL.fullmatch(answer_lines[following[0] : following[1]]) is not None
    )


def _rest_of_its_row(answer_lines: str, cell: TableCell, cells: Sequence[TableCell]) -> list[TableCell]:
    """The other cells of the table row `cell` stands in (a cell is in `cells` once for each header it is read
    after)."""
    line_start = answer_lines.rfind("\n", 0, cell.start) + 1
    line_end = answer_lines.find("\n", cell.end)
    line_end = len(answer_lines) if line_end < 0 else line_end
    return [
        c for c in cells if line_start <= c.start and c.end <= line_end and (c.start, c.end) != (cell.start, cell.end)
    ]


# v33: a figure in a table column whose header names a superseded value (| 指标 | 旧值 | 新值 |, | Metric | Old
# estimate | Revised |) is a former value, as 24个月（原20个月） is since v32, where its row gives another figure in a
# column that is not one: v32 credited 20个月 in | 回收期 | 20个月 | 24个月 | under 旧值 / 新值. Not a column of a
# change's start (| 上线前 | 上线后 |, Before | After: both are facts a case may ask for), nor a plan (原计划), nor an
# old column alone.
_HEADER_SUPERSEDED = re.compile(
    "^(?:旧|原|old|previous|former|was)$"
    "|(?:旧|原)(?:值|数值|数据|估计|估算|预估|测算|口径)|修订前|更正前|作废|过时"
    "|(?<![a-z])(?:(?:old|previous|former|prior|earlier)(?: [a-z]+)? (?:value|figure|estimate|number|data)s?"
    "|original estimate|superseded|outdated|obsolete)(?![a-z])"
)
_A_DIGIT = re.compile("[0-9]")


def _superseded_by_its_table(answer_lines: str, start: int, end: int, cells: Sequence[TableCell]) -> str | None:
    """The header of the column that calls the figure at start:end superseded (`_HEADER_SUPERSEDED`), where another
    cell of its row holds a figure under a column that does not; None otherwise."""
    own = [c for c in cells if c.start <= start and end <= c.end]
    header = next((c.header for c in own if _superseded(c)), None)
    if header is None:
        return None
    row = _rest_of_its_row(answer_lines, own[0], cells)
    superseded = {(c.start, c.end) for c in row if _superseded(c)}  # by one of the headers it is read after
    current = any((c.start, c.end) not in superseded and _A_DIGIT.search(answer_lines[c.start : c.end]) for c in row)
    return f" | {header}" if current else None


def _superseded(cell: TableCell) -> bool:
    return _HEADER_SUPERSEDED.search(cell.header.strip(" *:：")) is not None


# v36: a figure in a JSON value whose key names a superseded value ({"回收期": "24个月", "旧值": "20个月"}, "old_value",
# "previous estimate") is a former value where another key of its object gives a figure, as a table column is since
# v33 (v35 credited 20个月); an old key alone, a plan ("原计划") and a reason ("原因") are not.
_JSON_PAIR = re.compile(r'"(?P<key>[^"{}]{1,40})" ?: ?(?P<value>"[^"{}]*"|-?[0-9][0-9.,]*)')
_JSON_OBJECT_REACH = 2000


def _superseded_by_its_key(text: str, start: int, end: int) -> str | None:
    """The key that calls the figure at start:end superseded (`_HEADER_SUPERSEDED`), where it stands in the value of
    a JSON object's pair and another pair of the object gives a figure under a key that does not; None otherwise."""
    opens = text.rfind("{", max(0, start - _JSON_OBJECT_REACH), start)
    closes = text.find("}", end, end + _JSON_OBJECT_REACH)
    if opens < 0 or closes < 0 or "}" in text[opens:start] or "{" in text[end:closes]:
        return None
    pairs = list(_JSON_PAIR.finditer(text, opens, closes + 1))
    own = next((p for p in pairs if p.start("value") <= start and end <= p.end("value")), None)
    keys = [p.group("key") for p in pairs]
    if own is None or not _superseded_key(own.group("key"), keys):
        return None
    current = any(
        p is not own and not _superseded_key(p.group("key"), keys) and _A_DIGIT.search(p.group("value")) for p in pairs
    )
    return f' "{own.group("key")}"' if current else None


# v37: a key that marks its value superseded in a word of its own: last ("payback_old", "payback_previous",
# "回收期_旧", "回收期（调整前）"), or first before another key of its object, bare or marked current ({"old_payback":
# ..., "payback": ...}, previous_payback / revised_payback, 原回收期 / 回收期, 调整前回收期 / 调整后回收期) - v36 read
# only a whole key (旧值, old_value). Not a pair of old and new things (old_system_cost / new_system_cost, 旧系统 /
# 新系统: a change's two ends, both facts, as v33's | 上线前 | 上线后 |), a period (prior_year_revenue), a longer word
# (bold_payback), 折旧 (depreciation), 原因 or 原计划 (no other key after 原).
_KEY_WORD_SUPERSEDED = frozenset({"old", "previous", "prev", "former", "prior", "earlier", "outdated", "obsolete"})
_KEY_WORD_SUPERSEDED |= {"superseded", "deprecated", "original", "orig"}
_KEY_WORD_OLD = frozenset({"old", "original", "orig"})  # old and new things: old_system_cost / new_system_cost
_KEY_WORD_CURRENT = frozenset({"current", "revised", "updated", "latest", "final", "corrected", "adjusted", "now"})
_KEY_WORD_PERIOD = frozenset({"year", "years", "quarter", "month", "period", "week", "day", "fy", "yr", "qtr"})
_KEY_SUPERSEDED_ZH = "旧值|原值|调整前|变更前|修改前|更新前|修正前|修订前|更正前|旧"
_KEY_SUPERSEDED_ZH += "|原来的|原先的|原来|原先|此前|先前|之前|以前|原"
_KEY_CURRENT_ZH = "调整后|变更后|修改后|更新后|修正后|修订后|更正后|当前|现行|现|最新"
_KEY_SUPERSEDED_LAST_ZH = re.compile("(?<!折)(?:旧值|原值|调整前|变更前|修改前|更新前|修正前|修订前|更正前|旧)[)）]?$")
_KEY_SUPERSEDED_FIRST_ZH = re.compile(f"^(?:{_KEY_SUPERSEDED_ZH})的?")
_KEY_CURRENT_FIRST_ZH = re.compile(f"^(?:{_KEY_CURRENT_ZH})的?")
_KEY_WORDS = re.compile("[a-z]+")
_KEY_MARKS = " _-()（）:："


def _superseded_key(key: str, keys: Sequence[str] = ()) -> bool:
    """Whether a JSON key calls its value superseded: as a column header does (v36), or (v37) by a superseding word
    last in it, or first before another key of its object (`keys`)."""
    if _HEADER_SUPERSEDED.search(key.replace("_", " ").strip()) is not None:
        return True
    words = _KEY_WORDS.findall(key.lower())
    others = [k for k in keys if k != key]
    if words and not _KEY_WORD_PERIOD.intersection(words):
        if words[-1] in _KEY_WORD_SUPERSEDED and len(words) > 1:
            return True
        if words[0] in _KEY_WORD_SUPERSEDED and len(words) > 1:
            marks = _KEY_WORD_CURRENT if words[0] in _KEY_WORD_OLD else _KEY_WORD_CURRENT | {"new"}
            stems = {_stem_after(_KEY_WORDS.findall(k.lower()), marks) for k in others}
            return tuple(words[1:]) in stems
    bare = key.strip(_KEY_MARKS)
    if not bare.isascii():
        last = _KEY_SUPERSEDED_LAST_ZH.search(bare)
        if last is not None and last.start() > 0 and bare[: last.start()].strip(_KEY_MARKS):
            return True
        first = _KEY_SUPERSEDED_FIRST_ZH.match(bare)
        if first is not None and first.end() < len(bare):
            rest = bare[first.end() :].strip(_KEY_MARKS)
            return any(_KEY_CURRENT_FIRST_ZH.sub("", k.strip(_KEY_MARKS)).strip(_KEY_MARKS) == rest for k in others)
    return False


def _stem_after(words: Sequence[str], marks: frozenset[str]) -> tuple[str, ...]:
    """The key's words without a first one of `marks` (revised_payback: payback)."""
    return tuple(words[1:]) if words and words[0] in marks else tuple(words)


def _matches(pattern: Pattern, answer_norm: str, cells: Sequence[TableCell]) -> Iterator[Found]:
    """The pattern's matches in the answer, then (v8), for a regex, in its table cells read with their headers."""
    yield from pattern.search(answer_norm)
    if isinstance(pattern, RegexPattern):
        for cell in cells:
            yield from _cell_matches(pattern, answer_norm, cell)
    elif isinstance(pattern, NumberPattern) and names_a_subject(pattern):
        for cell in cells:
            yield from _subject_cell_matches(pattern, answer_norm, cell)


def _matches_or_by_lines(
    pattern: Pattern, answer_norm: str, with_breaks: str, cells: Sequence[TableCell]
) -> Iterator[Found]:
    """The pattern's first matches (`_matches`), or (v115), where a number pattern finds none, those in the answer read
    with its line breaks (the same positions): a line that ends with no stop ends its clause there - "Overall, 20
    months payback" twice on two lines, 项目可实现20%的ROI / 这个水平合理吗？ - which the flattened answer runs into
    the next line's words (a hard-wrapped line is still read flattened first). Lazily: the first covered match ends
    the search."""
    found = False
    for found_at in islice(_matches(pattern, answer_norm, cells), MOST_OCCURRENCES_JUDGED):
        found = True
        yield found_at
    if not found and pattern.kind == "number" and with_breaks is not answer_norm and "\n" in with_breaks:
        yield from islice(_matches(pattern, with_breaks, cells), MOST_OCCURRENCES_JUDGED)


_UNIT_IN_A_HEADER = re.compile(r" ?\([^()]{1,12}\)$")


def _subject_cell_matches(pattern: NumberPattern, answer_norm: str, cell: TableCell) -> Iterator[Found]:
    """Where a number point that names its subject (ROI 20%) stands in a table cell read after its header, the
    subject in the header (v40: | ROI | IRR | over | 20% | 15 % |, or a row's label over its figures in columns: |
    ROI | 15% | 20% |), as the cell's part that holds the figure; not a subject its header marks superseded or a past
    period's (| 原ROI | 新ROI |, | 去年ROI |: v38, v39) unless the point names it so - v39 credited neither, as no
    name stood right before the figure."""
    header = _UNIT_IN_A_HEADER.sub("", cell.header)  # | ROI（%） |: table_units gave the cells their unit
    offset = len(header) + 2
    read = f"{header}: {answer_norm[cell.start : cell.end]}"
    old_point = names_an_old_subject(pattern.pieces[0].strip())
    for found in pattern.search(read):
        if found.end <= offset or found.start >= offset:
            continue  # the header alone, or the cell alone (the answer's own match)
        if not old_point and marked_old(read, found.start):
            continue
        yield Found(cell.start, cell.start + found.end - offset)


def _with_its_yuan(answer_norm: str, found: Found) -> Found:
    """A figure in 万 / 亿 matched without the 元 after it (the synonym 1200万 in 1200万元), read to its 元: the rules
    that read the words after a figure (v19's 调整为, v55's later value, v58's 的报价已撤回) start after it - v57 read
    1200万元，现已调整为1350万元 as changed through the point 1200万元 and credited it through its synonym 1200万."""
    if answer_norm.startswith("元", found.end) and answer_norm[found.end - 1 : found.end] in ("万", "亿"):
        return Found(found.start, found.end + 1)
    return found


def _find(
    answer_norm: str,
    forms: Sequence[Pattern],
    masks: Mapping[str, Copies],
    answer_lines: str | None = None,
    cells: Sequence[TableCell] = (),
    breaks: frozenset[int] = frozenset(),
    questions: str | None = None,
    yuan: bool = False,
    families: frozenset[str] = frozenset(),
    periods: frozenset[str] = frozenset(),
    head_office: bool = False,
    names: frozenset[str] = frozenset(),
    asked_events: frozenset[str] = frozenset(),
    asked_quantity: str | None = None,
    asked_acts: frozenset[str] = frozenset(),
) -> _Match:
    """The first occurrence of any form (a regex also in the table `cells`, each read after its column's header) that
    is neither inside a copied source nor under a negation (nor, given `answer_lines` for a forbidden claim,
    unasserted; nor, given the answer's lines as `questions` for a key point, in a clarifying question: v10; nor, for
    a point in `yuan`, an amount the answer names in another currency: v15); else the first negated one (its text
    with the negation), else the first echoed one."""
    echoed: _Match | None = None
    negated: _Match | None = None
    figures = [*forms, *_figures_alone(forms)]  # v40: ROI为20%，准确地说是20% - the same figure again
    negated_words: list[tuple[int, int]] = []  # v57: where a text form was read negated
    # the answer with its line breaks where given (a key point's `questions`, a claim's `answer_lines`): v43 read a
    # question on the next line apart for key points, v70 for forbidden claims too (ROI为20%\n这个水平合理吗？)
    with_breaks = questions or answer_lines or answer_norm
    for pattern in forms:
        searched, required = bounded_form(pattern)  # v17: 不低于200元 is 200元 with a lower bound
        code = pattern.kind == "text" and a_code_point(pattern.text)  # v115: v3.2, INV-204817 - a value, not a topic
        for found in _matches_or_by_lines(searched, answer_norm, with_breaks, cells):
            if any(start <= found.start and found.end <= end for start, end in negated_words):
                continue  # v57: 审批引擎 inside "It is not 信贷审批引擎" - the words negated, read again shorter
            if pattern.kind == "number":
                if (
                    families
                    and written_without_a_unit(pattern)
                    and another_unit_after(answer_norm, found.end, families)
                ):
                    continue  # v98: 4300个网点 for 4300人 through its synonym 4300
                found = _with_its_yuan(answer_norm, found)  # v58: 1200万 in 1200万元，现已调整为… - read to its 元
                if written_without_a_unit(pattern):  # v115: 员工4300人（错误） for 4300 - read to its unit
                    found = Found(found.start, end_of_its_unit(answer_norm, found.end))
                if periods and per_another_period(answer_norm, found.start, found.end, periods):
                    continue  # v99: 84万元/月 for a first-year sum of 84万 in a question counted per year
                if per_another_before(answer_norm, found.start, pattern.text):
                    continue  # v113: 每人5000元/月 for 5000元/月 - per person too
            copied_by = next((name for name, copied in masks.items() if copied.covers(found.start, found.end)), None)
            text = answer_norm[found.start : found.end]
            if copied_by is None:
                if questions is not None and in_a_clarifying_question(questions, found.start, found.end):
                    continue  # 您是指20万元吗？ (v10)
                if yuan and in_another_currency(answer_norm, found.start, found.end, text):
                    continue  # v15: 200万美元 for 200万元 (as 200万)
                figure = _figure(pattern, text)
                at = found.start if figure else _figure_after_its_subject(pattern, answer_norm, found)
                figure = figure or at != found.start
                # v115: a figure, a number pattern's match or a code: a value that a question, a condition, a goal
                # missed or another's claim does not state
                valued = figure or pattern.kind == "number" or code
                # v81: where the rules that read the words before a figure start - at a point's words of counting
                # (每20个月 is a recurrence, not 20 months ago: v22), else at its figure
                words_at = found.start if isinstance(pattern, NumberPattern) and not names_a_subject(pattern) else at
                if at != found.start and ANOTHERS_OR_A_TARGET_AFTER.match(answer_norm, found.end):
                    continue  # v64: 回收期20个月（目标）, 成本降低50%（竞品数据） - a target's or another's figure
                bound = answer_bound(answer_norm, at, found.end) if figure else None
                if literal_bound(pattern):
                    bound = None  # a text form with its bound (超过十二分钟) is matched as written
                if required is not None and bound is not None and bound.direction != required:
                    shown = answer_norm[min(bound.start, found.start) : max(bound.end, found.end)]
                    negated = negated or _Match("negated", pattern.text, None, shown, pattern.kind)
                    continue  # v24: 不超过12分钟 for 超过12分钟 - the other bound, shown as negated (v17: missing)
                if required is not None and bound is None:
                    continue  # v17: 200元 for 不低于200元 - not the bound the point asks for
                limit_doubted = bound is not None and bound.hedged
                negation: str | None
                if bound is not None and bound.hedged and required is None:  # v39: unlikely to exceed 20%
                    negation = answer_norm[bound.start : found.start]
                    text = answer_norm[found.start : bound.end]
                elif bound is not None and (required is not None or bound.inclusive):
                    text = answer_norm[bound.start : bound.end]  # 至少200元 for 不低于200元, 5分钟以内 for 5分钟
                    negation = negation_before(answer_norm, bound.start, figure)
                elif bound is not None:  # v17: 超过20个月 for 20个月 - another value, not the figure
                    negation = answer_norm[bound.start : found.start]
                    text = answer_norm[found.start : bound.end]
                else:
                    negation = negation_before(answer_norm, found.start, figure)
                    if negation is None and not figure and pattern.kind == "text":
                        negation = negation_before_its_gloss(answer_norm, found.start)  # v88: not X (华信银行)
                if (
                    negation is not None
                    and not figure
                    and ours_after_anothers_denial(with_breaks, found.start, found.end)
                ):
                    negation = None  # v67: 竞品不支持私有化部署，我们支持 - the other party's negation, our offer
                if negation is None and not figure and pattern.kind == "text":
                    # v67: 竞品A支持私有化部署, We used to offer ... - another party's, a past offer
                    # v68: read with the answer's line breaks (## 结论 / 竞品A缺少私有化部署能力，我们具备: a heading's
                    # line is no part of the sentence's first part)
                    negation = held_by_another(with_breaks, found.start, found.end)
                    negation = negation or formerly(answer_norm, found.start)
                if negation is None and at == found.start and not figure:
                    at_figure = _figure_after_its_words(pattern, answer_norm, found)  # v49: 每月不是5000元
                    negated_link = NEGATED_LINK.search(answer_norm, found.start, at_figure) if at_figure else None
                    negation = negated_link.group() if negated_link is not None else None
                if negation is None and at > found.start:
                    negated_link = NEGATED_LINK.search(answer_norm, found.start, at)
                    negation = negated_link.group() if negated_link is not None else None  # v47: ROI不是20%
                if negation is None and figure:
                    negation = out_of_reach(answer_norm, found.start)  # v26: 很难在20个月内实现
                if negation is not None and not figure and withdrawn_of_another_noun(negation, answer_norm, found.end):
                    negation = None  # v67 (review): 取消私有化部署的额外费用 - the fee is cancelled, not the point
                if negation is not None and not figure and OFFENCE_AFTER.match(answer_norm, found.end):
                    negation = None  # v14: 禁止GDPR违规行为 - the offence is prohibited, not the regulation
                if negation is None and A_CHARGE.search(text) is not None:
                    negation = waived_by_a_bare_mian(answer_norm, found.start)  # v15: 首年免服务费
                if negation is None and pattern.kind == "regex":  # a label, then the figure: 净节省额不是90万
                    negation = negation_inside(answer_norm, found.start, found.end)
                if negation is None and pattern.kind == "regex" and negated_within(answer_norm, found, pattern.text):
                    negation = ""  # v10: v5.0并未于2024年发布 - the negation is in the match
                after = negation_after(answer_norm, found.end) if figure and negation is None else None
                if negation is None and after is None:
                    after = denial_after(answer_norm, found.end, A_CHARGE.search(text) is not None, figure)  # v11, v14
                    if after is not None and after.lstrip(" ").startswith("|"):
                        after = denied_by_its_row(questions or answer_lines, found.start, found.end, after, cells)
                if negation is None and after is None and figure:
                    after = judged_after_its_bracket(answer_norm, at, found.end)  # v107: 选项A（20个月）不正确
                if negation is None and after is None and not figure:
                    after = denied_as_its_value(answer_norm, found.start, found.end)  # v36: | 保证收益 | 不保证 |
                if negation is None and after is None and questions is not None:
                    after = answered_no(questions, found.start, found.end)  # v11: 支持私有化部署吗？不支持。
                if negation is None and after is None:
                    negation = denied_as_a_whole(answer_norm, found.start)  # v16: it is not true that ...
                cancelled = negation is not None and after is None
                asserting_question = False
                if cancelled and double_denial(answer_norm, found.start, found.end, negation or ""):
                    negation = None  # v44: 不能说毛利率为20%的说法不成立 - the two denials cancel
                elif cancelled and rhetorical_negation(with_breaks, at, found.end, negation):
                    # v46: 难道ROI不是20%吗？, Isn't the ROI 20%? - a question that asserts it; v47: read from the
                    # figure of a point that names its subject (难道|ROI不是|20%); no rule of a question takes it back
                    negation, asserting_question = None, True
                elif negation is None and after is None:
                    after = rejected_claim(answer_norm, found.start, found.end)  # v44: 20%的说法并不成立
                    # v106: 回本周期20个月。以上说法有误 - a verdict opening the next sentence, pointing back
                    after = after or rejected_in_the_next_sentence(with_breaks, found.end)
                    if after is None and figure:
                        # v106: 谁说…20个月？ - a figure only: 谁说私有化部署不行？ says it works
                        negation = denied_as_who_says(answer_norm, found.start)
                if negation is None and after is None and valued and not limit_doubted:
                    # v38: 我不认为ROI能达到20%, I doubt ...; v39: and a point's figure said with its subject or in
                    # words (I doubt the ROI is 20%, 我不认为成本能下降50%, 成本很难减半), which v38 read as stated
                    negation = doubted(answer_norm, found.start)
                if negation is None and after is None and valued and not limit_doubted and not asserting_question:
                    # v40: 如果营收翻倍; v43: read with its line breaks (Costs fell\nIs the ROI 20%? is two sentences)
                    negation = hypothetical(with_breaks, found.start, found.end)
                    if negation is None:  # v51: 如果回收期是20个月，…, "If payback is 20 months, ..." - supposed
                        negation = supposed_by_a_condition(with_breaks, found.start, found.end)
                if negation is None and after is None and valued:
                    after = a_missed_goal(answer_norm, found.start, found.end)  # v40: 翻倍的目标没有实现
                if negation is None and after is None and questions is not None and valued:
                    # v58: A payback of 20 months would require ..., 只有…才能达到20%; the 85% some vendors claim,
                    # 180万元的报价已撤回 - a counterfactual, another's claim or a withdrawn quote (key points only: a
                    # forbidden claim relayed is still charged, v25)
                    negation = counterfactual(answer_norm, at, found.end) or anothers_claim(answer_norm, at, found.end)
                    denied = None if negation is not None else condition_denied(answer_norm, at, found.end)
                    if denied is not None:
                        negation, after = denied  # v106: 如果裁减15名坐席，…20个月，但我们无法裁员
                    if negation is None:
                        # v17: 有人说…，但实际…; v53: and a figure after words of counting
                        # (有人说每月5000元的费用，这是错误的)
                        negation = reported_and_corrected(questions, found.start, found.end)
                if negation is None and after is None and questions is not None and pattern.kind == "text":
                    # v75: a point without a figure passed on as hearsay and disclaimed (有人说我们支持私有化部署，
                    # 但这是错误的; 网上传言…，其实并不支持) - as a forbidden claim is not made so (v11), a point is
                    # not said
                    negation = disclaimed_hearsay(questions, found.start, found.end)
                if negation is None and after is None and valued:
                    # v17: 20个月的两倍; v53: and a point's figure after words of counting (每月5000元的一半)
                    after = a_multiple_of(answer_norm, at, found.end)
                if negation is None and after is None and pattern.kind != "regex":
                    negation, after = a_time_ago_or_a_period(answer_norm, words_at, found.end)  # v22: 20个月前
                # v41: a 分别 list taken back whole (ROI、IRR分别为20%和15%（不对，应为18%和15%）); "" where the
                # correction gives the figure again in its place (IRR 15%)
                listed = a_list_taken_back(answer_norm, at, found.end) if negation is None and figure else None
                if negation is None and after is None and figure and listed is None:
                    after = taken_back(answer_norm, at, found.end, figures)  # v19: 20个月（不对，应为24个月）
                if negation is None and after is None and listed:
                    after = listed
                if negation is None and after is None and figure:
                    # v19: 由20个月延长至24个月; v81: from a point's words of counting (由每月5000元上调至…)
                    after = a_former_value(answer_norm, words_at, found.end, figures)
                if negation is None and after is None and figure:
                    after = called_off(answer_norm, words_at, found.end)  # v106: 2025年7月上线的计划已取消
                if negation is None and after is None and figure:
                    after = left_with_no_new_figure(answer_norm, at, found.end)  # v109: ROI已从20%回落
                if negation is None and after is None and figure and questions is not None:
                    after = anothers_figure(answer_norm, at, found.end, figures)  # v108: 竞品是20个月，我们是26个月
                if negation is None and after is None and figure and asked_events:
                    # v108: 哪年上线？ 2024年启动，2025年上线
                    after = a_year_of_another_event(answer_norm, at, found.end, asked_events)
                if negation is None and after is None and figure and asked_quantity is not None:
                    # v109: ROI是多少？ 成本下降了20%，ROI为12%
                    after = a_figure_of_another_quantity(answer_norm, at, found.end, asked_quantity, figures)
                # v55: 去年ROI为20%，今年降至15% - an earlier period's value a later one supersedes (and a figure
                # after words of counting: 去年每月5000元，今年为6000元)
                figure_at = at if figure else _figure_after_its_words(pattern, answer_norm, found)
                if negation is None and after is None and figure_at is not None:
                    after = superseded_by_a_later_period(answer_norm, figure_at, found.end, figures, pattern.text)
                lines = questions or answer_lines  # the answer with its line breaks (key points: `questions`)
                if negation is None and after is None and figure and cells and lines is not None:
                    after = _superseded_by_its_table(lines, at, found.end, cells)  # v33: | 旧值 | 新值 |
                if negation is None and after is None and figure and cells and lines is not None:
                    after = superseded_in_its_column(lines, at, found.end, cells, figures)  # v56: | 2023 | … | 目前 |
                if negation is None and after is None and figure and "{" in answer_norm:
                    after = _superseded_by_its_key(answer_norm, at, found.end)  # v36: {"旧值": "20个月"}
                if negation is None and after is None and questions is not None:
                    refused = refusal_of(questions, found.start, found.end, figure)
                    if refused is not None:  # v19: 无法确定是否为20个月 - a refusal to commit, not an answer
                        negated = negated or _Match("negated", pattern.text, None, refused + text, pattern.kind)
                        continue
                if negation is None and after is None and questions is not None:
                    hedged = offered_among_others(pattern, answer_norm, found)
                    if hedged is not None:  # v15: 10个月、20个月或30个月 - a guess among values, not an answer
                        negated = negated or _Match("negated", pattern.text, None, hedged, pattern.kind)
                        continue
                if negation is None and after is None and questions is not None:
                    after = an_option_not_picked(questions, found.start, found.end)  # v34: A. 20个月 ... 答案：C
                if negation is None and after is None and questions is not None:
                    negation = rejected_option(questions, found.start)  # v36: Why not A: 18 months assumes ...
                if negation is None and after is None:
                    # v34: recommend SaaS over X; v107: 与其说20个月，不如说26个月
                    negation = passed_over(answer_norm, found.start, found.end, figure)
                if negation is None and after is None and code and not figure:
                    negation = a_code_compared(answer_norm, found.start, found.end)  # v115: 比v3.2新, v3.2之后的版本
                if negation is None and after is None and not figure and pattern.kind == "text":
                    negation, after = excluded(answer_norm, found.start, found.end)  # v86: 除私有化部署外，其他都支持
                if negation is None and after is None and not figure and pattern.kind == "text":
                    # v88: 总部在苏州还是上海，没有说明; 由苏州迁至上海; 更正：是安泰人寿; 很多人以为在苏州，其实在上海
                    negation, after = given_as_no_answer(
                        answer_norm, found.start, found.end, questions is not None, names
                    )
                    if after is None and negation is None and head_office:
                        # v100: 苏州只是分行所在地 for the head office; v108: 苏州人, and 研发中心在苏州 before it
                        after = only_a_branch(answer_norm, found.end)
                        if after is None:
                            negation = another_sites_place(answer_norm, found.start)
                    if after is None and negation is None and asked_acts and questions is not None:
                        # v109: 是谁牵的线？ 王芳牵的线，刘敏负责后续对接
                        after = another_did_the_act_asked(answer_norm, found.start, found.end, asked_acts)
                if not figure and pattern.kind == "text" and cells and lines is not None and negation is None:
                    ours = marked_in_our_column(lines, found.start, found.end, cells)  # v68: | 竞品A | 我们 |
                    if ours is True:
                        after = None  # | 私有化部署 | ❌ | ✅ | under 竞品A, 我们: the cross is the other party's
                    elif ours is False and after is None:
                        after = f" | {CROSS}"  # | 私有化部署 | ✅ | ❌ | under 竞品A, 我们: ours is the cross
                elif (
                    cells
                    and lines is not None
                    and negation is None
                    and after is None
                    and marked_in_our_column(lines, found.start, found.end, cells) is False
                ):
                    # v72: a figure anywhere in the row's label that our column crosses (| 预计20个月回本 | ❌ | under
                    # 我们) - the cross judges the whole label, as it does a text point's
                    after = f" | {CROSS}"
                if negation is None and after is None:
                    # v72: a cross that ends the statement, every point of it (预计20个月回本 ❌,
                    # 一年前签约1200万元，当前已回款860万元：❌)
                    after = crossed_after_its_statement(with_breaks, found.start, found.end)
                # v70: a question the answer says yes to or offers right after it makes the claim (a rhetorical
                # question does not: 难道ROI不是20%吗？ is only asked, decided in v47)
                answered = answer_lines is not None and asked_and_answered_yes(answer_lines, found.start, found.end)
                if answer_lines is not None and not asserted(answer_lines, found.start, found.end, breaks, answered):
                    continue
                if answer_lines is not None and _disclaimed_by_its_table(answer_lines, found.start, found.end, cells):
                    continue
                if negation is None and after is None:
                    return _Match("covered", pattern.text, None, text, pattern.kind)
                if not figure and pattern.kind == "text":
                    negated_words.append((found.start, found.end))
                if negated is None:
                    shown = (negation or "") + text + (after or "")
                    negated = _Match("negated", pattern.text, None, shown, pattern.kind)
            elif echoed is None:
                echoed = _Match("echoed", pattern.text, copied_by, text, pattern.kind)
    return negated or echoed or _Match("missing")


def _original(variants: Sequence[str], normalised: str | None) -> str | None:
    """The form as the user wrote it (patterns hold normalised text; a standard's other spelling, v9, is its form's)."""
    if normalised is None:
        return None
    written = next((v for v in variants if normalise(v) == normalised), None)
    if written is None:
        written = next((v for v in variants if normalised in other_forms(normalise(v))), normalised)
    return written


@lru_cache(maxsize=512)
def _persons_named(points: tuple[str, ...]) -> int:
    """How many of a case's key points are a person's name alone (v109)."""
    return sum(1 for point in points if a_persons_name(normalise(point)))


@contextmanager
def _regex_of(case: Case, field_name: str) -> Iterator[None]:
    """The searches of one point's (or claim's) regexes, held to their time limit (v26): one that runs out of it is
    the case's scoring error, naming the scenario file, the case and the field - never a hang, nor a silent miss."""
    try:
        with regex_time_limit():
            yield
    except RegexTimeout as exc:
        raise ScenarioError(
            case.source,
            case.id,
            field_name,
            f"{exc} (catastrophic backtracking: nested quantifiers such as (a+)+ or (a|aa)+ try exponentially many "
            "ways to match)",
            "simplify the pattern: quantify each part once (a+ not (a+)+, (?:\\d|,)+ not (\\d+,?)+) and anchor it "
            "to the words around the fact",
        ) from None


# v47: the line breaks that a collapsed space would misread are kept in the normalised answer: between digits that end
# one line and start the next (数量：3\n20个月回本, 共3\n200万元: two numbers, not the thousands group 3 200万元 nor the
# split one 3 20个月), and before a verdict mark or word that starts a line (✅ 优点：毛利率为20%\n❌ 缺点：周期长): the
# mark labels its own line, not the figure that ends the line before it, which v40's marks right after a figure (ROI为
# 20% ❌) and v46's in its table row (| 毛利率为20% | ❌ |) still take back. A mark that corrects the line before it is
# no label of its own (回收期为20个月\n❌ 应为24个月, \n❌ Correction: 24 months): its break is not kept.
_CORRECTING_WORDS_ZH = "应为|应是|应该|实际|更正|正确|纠正|修正|改为"
_CORRECTING_WORDS_EN = "correction|corrected|should|actually"
_A_CORRECTION = (
    f" ?[,，:：-]? ?(?:不对|错了|错误|{_CORRECTING_WORDS_ZH}"
    f"|(?:{_CORRECTING_WORDS_EN}|wrong|incorrect|not|no)(?![a-z]))"
)
# v73: ... but a cross before a label that calls its own line wrong labels that line (✅ 正确：回收期24个月
# \n❌ 错误：回收期20个月, ❌ Wrong: payback in 20 months, ❌ 错误说法：…) - a do/don't pair, not a correction of the
# line before (v47 negated 24个月): after the label's colon comes a statement, not a correcting word
# (❌ 错误：应为24个月 corrects)
_A_CORRECTING_VALUE = f"(?:{_CORRECTING_WORDS_ZH}|(?:{_CORRECTING_WORDS_EN})(?![a-z]))"
_A_WRONG_LABEL_LEADS = f" ?(?:不对|错了|错误|不正确|wrong|incorrect)[^:：\n]{{0,8}}?[:：] ?(?!{_A_CORRECTING_VALUE})"
_A_VERDICT_LABEL = (
    f"(?:{CROSS}(?={_A_WRONG_LABEL_LEADS})|(?:[{CROSS}{CHECK}]|(?:错误|否|wrong|false|incorrect|no) ?[:：])"
    f"(?!{_A_CORRECTION}))"
)
_A_BREAK_KEPT = re.compile(f"(?<=[0-9])\n(?=[0-9])|\n(?=(?:[-*+>•] ?|[0-9]{{1,2}}[.)、] ?)?{_A_VERDICT_LABEL})")


def _line_breaks_kept(answer_norm: str, answer_lines: str) -> str:
    """The normalised answer with the line breaks of `_A_BREAK_KEPT` kept (the same positions as `answer_lines`)."""
    if len(answer_norm) != len(answer_lines):
        return answer_norm
    at = [m.start() for m in _A_BREAK_KEPT.finditer(answer_lines)]
    if not at:
        return answer_norm
    chars = list(answer_norm)
    for pos in at:
        chars[pos] = "\n"
    return "".join(chars)


def score_answer(case: Case, answer: str, copied_sources: Mapping[str, str] | None = None) -> Score:
    """Score one answer against one case.

    `copied_sources` maps a source name ("question", "system", "context") to its
    text; the echo guard discounts key points only present in long verbatim
    copies of them. By default the case's question and system prompt are used.
    """
    if copied_sources is None:
        copied_sources = {"question": case.question, **({"system": case.system} if case.system else {})}
    text = strip_thinking(answer)
    tabled = table_units(text)
    answer_norm = normalise(tabled)
    answer_lines, breaks = normalise_lines(tabled)
    answer_norm = _line_breaks_kept(answer_norm, answer_lines)
    cells = table_cells(answer_lines)
    masks = {
        name: copies(answer_norm, normalise(table_units(src)), ECHO_MIN_COPY.get(name, DEFAULT_ECHO_MIN_COPY))
        for name, src in copied_sources.items()
        if src
    }
    key_points = list(case.key_points)
    expectation = None
    if case.trap is not None and case.trap.expect:
        expectation = expectation_point(case.trap.expect, sum(p.weight for p in case.key_points))
        key_points.append(expectation)
    results: list[PointResult] = []
    head_office = head_office_asked(case.question)  # v100
    asked_events = events_asked(case.question)  # v108
    asked_quantity = quantity_asked(case.question)  # v109
    # v109: the act a 谁 question asks of, where the case's points name one person (a case that asks for several -
    # 是谁牵的线，牵线人与双方分别是什么关系？ with 刘敏 and 周晓峰 - gives the others other parts)
    asked_acts = acts_asked(case.question) if _persons_named(tuple(kp.point for kp in key_points)) == 1 else frozenset()
    names = title_words(text)  # v105: the words the answer capitalises (Suzhou or Shanghai)
    for kp in key_points:
        forms = patterns(kp.variants, kp.numbers or case.numbers, kp.regex)
        if kp is expectation:
            forms = marker_patterns(forms, case.trap.expect if case.trap else None)
        questions = None if kp is expectation else answer_lines
        with _regex_of(case, f"key_points[{len(results)}].regex"):
            units = units_of_a_point(case.question, kp.variants)  # v97-v99: its currency, units and periods
            found = _find(
                answer_norm,
                forms,
                masks,
                cells=cells,
                questions=questions,
                yuan=units.yuan,
                families=units.families,
                periods=units.periods,
                head_office=head_office,
                names=names,
                asked_events=asked_events,
                # v109: a point that names its quantity (毛利率20%) is read by its own words
                asked_quantity=None if any(names_a_quantity(v) for v in kp.variants) else asked_quantity,
                asked_acts=asked_acts,
            )
        matched = found.variant if found.rule == "regex" else _original(kp.variants, found.variant)
        results.append(PointResult(kp.point, kp.weight, found.status, matched, found.source, found.text, found.rule))
    total = sum(p.weight for p in results)
    coverage = 100.0 * sum(p.weight for p in results if p.status == "covered") / total if total else 0.0

    forbidden_found: list[str] = []
    penalty = 0.0
    if case.trap is not None:
        penalty = case.trap.penalty
        for i, claim in enumerate(case.trap.forbidden):
            forms = patterns(claim.all_forms, case.numbers, claim.regex)
            with _regex_of(case, f"trap.forbidden[{i}].regex"):
                found = _find(answer_norm, forms, masks, answer_lines, cells, breaks)
            if found.status == "covered":
                forbidden_found.append(claim.claim)
    score = max(0.0, coverage - penalty * len(forbidden_found))
    passed = score >= case.threshold and not forbidden_found
    return Score(
        case_id=case.id,
        score=score,
        coverage=coverage,
        threshold=case.threshold,
        passed=passed,
        points=results,
        forbidden_found=forbidden_found,
        penalty=penalty if forbidden_found else 0.0,
        answer=text,
        scorer={"name": SCORER_NAME, "version": SCORER_VERSION, "echo_min_copy": dict(ECHO_MIN_COPY)},
    )


def valid_score(score: object, who: str) -> float:
    """`score` as a float when it is a finite number in 0-100 (not a bool); else ValueError naming `who`."""
    value = float(score) if isinstance(score, numbers.Real) and not isinstance(score, bool) else math.nan
    if not math.isfinite(value) or not 0.0 <= value <= 100.0:  # NaN for text, None, a bool
        raise ValueError(
            f"{who} the score {score!r}: a score is a finite number from 0 to 100 (a 0/0 is NaN: score an empty "
            "answer 0)"
        )
    return value


def make_score(
    case: Case,
    score: float,
    passed: bool | None = None,
    *,
    scorer: str,
    answer: str = "",
    details: Mapping[str, object] | None = None,
) -> Score:
    """A `Score` from another scorer (exact match, regex, a judge, OCR): 0-100, passed at the case's
    threshold unless `passed` is given; `scorer` names it in results.json. A score that is not a finite number in
    0-100 (a 0/0 is NaN) raises ValueError: the case's scoring error, never a score."""
    value = valid_score(score, f"scorer {scorer!r} gave case {case.id}")
    return Score(
        case_id=case.id,
        score=value,
        coverage=value,  # 0-100, as the keyword scorer's coverage
        threshold=case.threshold,
        passed=bool(value >= case.threshold) if passed is None else passed,
        points=[],
        answer=answer,
        scorer={"name": scorer, **(details or {})},
    )
