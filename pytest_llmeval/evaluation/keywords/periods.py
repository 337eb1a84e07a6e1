"""A figure given as an earlier period's value that a later period's value of the same subject supersedes (v55):
去年ROI为20%，今年降至15%; 2023年回收期为20个月，目前为24个月; 上季度毛利率20%，本季度18%; ROI was 20% in 2023; in
2024 it is 15%; The ROI reached 20% last year and is 15% now; As of 2023 the ROI was 20%; it has since fallen to 15%.
The answer's level for the subject is the later value, not the figure - v27 read a time in the past only before a
"now" word right before the other figure (两年前…，现在是24个月), and v19 read only 原 / previously / a change.

Not superseded: the figure as the later value with an earlier one beside it (ROI从去年的15%提升到今年的20%; Up from
15% last year, the ROI is now 20%: the period nearest before the figure is the later one), an earlier value with no
later value of the subject (去年ROI为20%: the answer states no other level, so the figure stays its latest), another
subject's later value (去年ROI为20%，今年IRR为15%), a forecast on either side (2026年ROI预计为20%，目前为15%; 去年ROI为
20%，今年预计为15%: a projection supersedes no actual), an earlier year against a year no later than it, and the
same figure again.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..numbers import Pattern
from .retraction import (
    ANOTHER_QUANTITY_AFTER,
    ELAPSED,
    FIGURE_START,
    another_value,
    named_before,
    names,
    unit_after,
)
from .tables import TableCell

_YEAR = "(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])"
_CN_COUNT = "[0-9一二两三四五六七八九十几半]+"
# a period gone by: last year, the previous quarter, a year ago, in 2023, FY2023, 去年, 上季度, 两年前, 2023年
_EARLIER = re.compile(
    f"(?P<year>{_YEAR}) ?年(?:度|底|末|初)?"
    f"|去年|前年|上一?年度|上一年|上一?个?(?:月|季度|财年)|上季|{_CN_COUNT} ?个?(?:年|月|季度)(?:以|之)?前|当时"
    "|(?<![a-z])(?:last (?:fiscal )?(?:year|quarter|month|fy)|the (?:previous|prior|preceding) (?:year|quarter|month)"
    "|(?:a|one|two|three|[0-9]+) (?:years?|quarters?|months?) ago|back then|at the time"
    f"|(?:in|for|during|as of|by|at the end of|through) (?:fy ?|q[1-4] |h[12] )?(?P<en_year>{_YEAR})"
    f"|fy ?(?P<fy_year>{_YEAR}))(?![a-z])"
    f"|\\( ?(?:fy ?)?(?P<bracket_year>{_YEAR}) ?\\)"  # ROI: 20% (2023), 15% (2024)
)
# a later period, or now: this year, this quarter, now, since then, in 2024, 今年, 本季度, 目前, 此后, 2024年
_LATER = re.compile(
    f"(?P<year>{_YEAR}) ?年(?:度)?"
    "|今年|本年度?|本财年|本季度?|这个?季度|本月|这个月|当季|当月|目前|现在|现阶段|如今|眼下|当前|此后|其后|后来|随后"
    "|(?<![a-z])(?:this (?:fiscal )?(?:year|quarter|month)|now|currently|today|at present|nowadays|since then"
    f"|(?:has|have) since|(?:in|for|during|as of|by) (?:fy ?|q[1-4] |h[12] )?(?P<en_year>{_YEAR})"
    f"|fy ?(?P<fy_year>{_YEAR}))(?![a-z])"
    f"|\\( ?(?:fy ?)?(?P<bracket_year>{_YEAR}) ?\\)"
)
# a forecast: the value of a period to come, which supersedes no actual and is superseded by none
_FORECAST = re.compile(
    "预计|预期|预估|估计|有望|将(?!近)|计划|目标"
    "|(?<![a-z])(?:will|expected|expects?|forecasts?|projected|projects?|estimated|planned|target(?:ed)?)(?![a-z])"
)
# the words that join the figure's clause to the later value and name nothing (and, but, in, then, 而, 但)
_JOINING = re.compile(
    "[ ,，:：、;；.。\n]|而|但是|但|且|则|并|又|(?:回落|下滑|下降|上升|跌|涨|降|升|回升)(?:至|到|为)?"
    "|(?:提升|提高|增加|增长|减少|缩短|延长|扩大|调整|上调|下调|修订)(?:至|到|为)"  # v56: 目前已提升至92%
    "|(?<![a-z])(?:and|but|while|whereas|yet|so|then|in|for|of|by|as|from|dropped|declined|slipped|climbed|jumped"
    "|improved|grew|grown|risen|increased|decreased|stood|sits|was|were|which|with|has|have|since)(?![a-z])"
)
# v56: the later period's words that say the figure's quantity moved to another level (目前已增至, 现已降至, 现在已调整
# 为, it has since grown to): then a bare point's earlier figure is superseded too - not a copula or a change by
# (今年节省90万, 今年又下降了10%), which may be another period's own value
_MOVED_TO = re.compile(
    ",? ?(?:已经?|又|则|再)?(?:增至|增加到|增加至|增长到|增长至|升至|升到|上升到|上升至|提升至|提升到|提高至|提高到"
    "|降至|降到|下降到|下降至|减少到|减少至|回落至|回落到|缩短至|缩短到|延长至|延长到|扩大到|扩大至|(?:调整|上调|下调|修订|改)(?:为|至|到)"
    # v106: and the spoken verbs of a rise or a fall (今年涨到6000元, 已跌至15%, 飙升至, 下滑到: v105 credited the
    # earlier figure of a bare point)
    "|(?:上涨|下跌|涨|跌|攀升|飙升|回升|下滑|增长|下调)(?:至|到))"
    " ?(?:约|大约)? ?"
    # v106: and a past tense, with "it" or the subject before it (this year it rose to 14%, now the price went up to)
    "|,? (?:it |this |the [a-z]+ )?(?:has |have )?(?:since )?"
    "(?:grown|risen|fallen|dropped|climbed|declined|increased|decreased|been (?:cut|raised|revised|lowered)"
    "|rose|fell|grew|jumped|slipped|went (?:up|down)|gone (?:up|down)|was (?:cut|raised|revised|lowered)) to"
    "(?: about| around| roughly)? "
)
_CLAUSE_MARK = re.compile("[,;。.\n]")
_SENTENCE_START = re.compile(r"[。!?\n]|\.(?=\s|$)")
# where the figure's sentence starts for the period before it: a semicolon ends a sentence there too (In 2023, we
# launched; the ROI is 20% ...: 2023 is the launch's)
_PERIOD_SENTENCE_START = re.compile(r"[。!?\n;]|\.(?=\s|$)")
# a figure that counts the words after it (15% of users, 15%的客户) is no value of the subject
_COUNTS_AFTER = re.compile(" ?(?:of |的(?!水平))")


def _the_same_noun_after(answer_norm: str, start: int, end: int, noun_at: int) -> bool:
    """v115: the earlier figure at start:end is written before the same noun as the later one (去年签订了1200万元的
    合同，今年已增至1206万元的合同): the amount of that thing both times, not a count of what follows."""
    noun = answer_norm[noun_at : noun_at + 2]
    return len(noun) == 2 and noun.isalpha() and f"的{noun}" in answer_norm[start : end + 4]


_REACH = 80  # characters from the figure's end to the later value (its own clause may go on before the mark)
_AFTER_THE_FIGURE = 14  # characters after the figure where its own period may stand (20% last year, 20% in 2023)


def superseded_by_a_later_period(
    answer_norm: str, start: int, end: int, forms: Sequence[Pattern], point: str
) -> str | None:
    """The words that give a later period another value of the figure's subject, where the figure at start:end is
    given as an earlier period's value (see the module); else None - and None where the point names a period itself
    (去年ROI 20%, ROI 20% in 2023: it asks that period's value)."""
    if _EARLIER.search(point.lower()) or _LATER.search(point.lower()):
        return None
    # a bare point (860万元, 78%) may ask any period's value, as it may any holder's (v53) - v56: unless the later
    # period says the same quantity moved to another level (目前已增至6500亿元, it has since grown to 6600亿元)
    bare = not any((getattr(form, "pieces", None) or ("",))[0].strip() for form in forms)
    sentence = max(
        (m.end() for m in _PERIOD_SENTENCE_START.finditer(answer_norm, max(0, start - 160), start)), default=0
    )
    sentence = max(sentence, start - 160)
    earlier = _earlier_period(answer_norm, sentence, start, end)
    if earlier is None:
        return None
    own_end = earlier.end() if earlier.start() >= end else end
    for figure in FIGURE_START.finditer(answer_norm, own_end, min(len(answer_norm), own_end + _REACH)):
        at = figure.start()
        if at > 0 and (answer_norm[at - 1].isdigit() or answer_norm[at - 1] in ".,"):
            continue  # inside a number
        stretch = answer_norm[own_end:at]
        mark = _CLAUSE_MARK.search(stretch)
        if mark is not None and len(stretch) - mark.end() > 40:
            return None  # the figure's clause ends far from the next value
        if stretch.count("\n") + len(_SENTENCE_START.findall(stretch)) > 1:
            return None  # two sentences on: no longer the figure's subject
        later = _later_value(answer_norm, stretch, own_end, at, earlier)
        if later is None:
            continue
        if not _names_nothing_else(answer_norm[sentence:start], stretch):
            return None  # 去年ROI为20%，今年IRR为15%: another subject's value
        if not another_value(answer_norm, start, end, at, forms):
            continue  # the same figure again, or another kind of figure
        unit_and_after, _ = unit_after(answer_norm, at)
        if ELAPSED.match(answer_norm, at) or ANOTHER_QUANTITY_AFTER.match(unit_and_after):
            return None  # 现在2年过去了 (v28: a time gone by); today 3 months remain (v29: another quantity)
        counted = _COUNTS_AFTER.match(answer_norm, _unit_end(answer_norm, at))
        if counted is not None and not _the_same_noun_after(answer_norm, start, end, counted.end()):
            return None  # now 15% of users churn: a count, no value of the subject
        if _year(earlier) is not None and _later_year(answer_norm, own_end, later):
            return None  # 2020年合同金额为860万元，2022年为1200万元: a series of years states each year's value
        if _year(earlier) is not None and _FORECAST.search(answer_norm, sentence, start):
            return None  # 2026年ROI预计为20%，目前为15%: a year to come may be forecast - against now, no earlier value
        if bare and _MOVED_TO.fullmatch(answer_norm, later, at) is None:
            return None  # 去年节省120万，今年节省90万: each period's value, either of which a bare point may ask
        return answer_norm[own_end:later]
    return None


def _earlier_period(answer_norm: str, sentence: int, start: int, end: int) -> re.Match[str] | None:
    """The earlier period the figure is given for: the period nearest before it in its sentence where that one is an
    earlier one (ROI从去年的15%提升到今年的20%: 今年 is nearer the 20%), else one right after it (20% last year)."""
    periods = [(m.start(), m, True) for m in _EARLIER.finditer(answer_norm, sentence, start)]
    periods += [(m.start(), m, False) for m in _LATER.finditer(answer_norm, sentence, start)]
    if periods:
        _, nearest, is_earlier = max(periods, key=lambda p: (p[0], p[2]))
        return nearest if is_earlier else None
    after = _EARLIER.search(answer_norm, end, min(len(answer_norm), end + _AFTER_THE_FIGURE))
    if after is None or _CLAUSE_MARK.search(answer_norm, end, after.start()):
        return None
    return after


def _year(match: re.Match[str]) -> int | None:
    found = next(
        (match.group(name) for name in ("year", "en_year", "fy_year", "bracket_year") if match.group(name)), None
    )
    return int(found) if found else None


def _later_value(answer_norm: str, stretch: str, own_end: int, at: int, earlier: re.Match[str]) -> int | None:
    """Where the later period's words end, where they give the figure at `at` (今年降至15%, in 2024 it is 15%, and is
    15% now); None where no later period gives it, or a forecast does (今年预计为15%)."""
    before = list(_LATER.finditer(stretch))
    if before:
        marker = before[-1]
        if _FORECAST.search(stretch, marker.end()) or not _is_later(marker, earlier):
            return None
        if len(stretch) - marker.end() > 18:
            return None
        return own_end + marker.end()
    after = _LATER.match(answer_norm, _unit_end(answer_norm, at))
    if after is not None and _is_later(after, earlier) and not _FORECAST.search(stretch):
        return after.end()
    return None


def _later_year(answer_norm: str, own_end: int, later: int) -> bool:
    """Whether the later period's words that end at `later` name a year (in 2024, 2024年)."""
    return any(_year(m) is not None for m in _LATER.finditer(answer_norm, own_end, later))


def _is_later(later: re.Match[str], earlier: re.Match[str]) -> bool:
    """A later year must come after an earlier year (2023 -> 2024); a year after 去年, or now after 2023, is later."""
    later_year, earlier_year = _year(later), _year(earlier)
    return later_year is None or earlier_year is None or later_year > earlier_year


_NUMBER = re.compile(r"(?:¥|\$|us\$)?[0-9][0-9.,]*")
_UNIT_AFTER = re.compile(r"[0-9.,]*(?: ?(?:%|个百分点|个月|年|天|周|万元|亿元|元|万|亿|[a-z]+))?")


def _unit_end(answer_norm: str, at: int) -> int:
    """Where the figure at `at` and its unit end, and the space after them (15% now: at "now")."""
    number = _NUMBER.match(answer_norm, at)
    pos = number.end() if number is not None else at
    unit = _UNIT_AFTER.match(answer_norm, pos)
    pos = unit.end() if unit is not None else pos
    return pos + 1 if answer_norm[pos : pos + 1] == " " else pos


def _names_nothing_else(before: str, stretch: str) -> bool:
    """Whether the words from the figure's first clause mark on name nothing the figure's sentence did not name before
    it (its own clause may go on: the team is 12 people strong; this year it is 18)."""
    mark = _CLAUSE_MARK.search(stretch)
    rest = stretch[mark.end() :] if mark is not None else stretch
    rest = _LATER.sub(" ", _EARLIER.sub(" ", rest))
    rest = _JOINING.sub(" ", rest)
    return all(named_before(word, before) for word in names(rest))


# v56: a table's row header that names an earlier period (| 年份 | ROI |, | 2023 | 20% |, | 去年 | 20% |) and one that
# names now (| 目前 | 15% |, | Now | 15% |, | 当前（2024） | 15% |): a later row of the same column given another value
# supersedes the earlier row's figure, as a later period's words do in a sentence - a later year does not (| 2024 |
# 15% |: a series of years states each year's value)
_AN_EARLIER_ROW = re.compile(
    f"(?:fy ?)?{_YEAR}(?: ?年(?:度|底|末)?)?|去年|前年|上一?年度?|上一?个?季度|上个?月"
    "|last (?:fiscal )?(?:year|quarter|month)|a year ago|(?:the )?(?:previous|prior) (?:year|quarter|month)"
)
_A_NOW_ROW = re.compile(
    "(?:目前|当前|现在|今年|本年度?|本季度|本月|如今|最新|now|current|currently|today|this (?:fiscal )?(?:year|quarter"
    "|month)|ytd|year[- ]to[- ]date|latest)(?: ?[(（][^()（）]{1,16}[)）])?"
)
_CELL_MARKS = " *:：_"


def superseded_in_its_column(
    answer_lines: str, start: int, end: int, cells: Sequence[TableCell], forms: Sequence[Pattern]
) -> str | None:
    """The row header of the figure at start:end where it names an earlier period and a later row of the same table
    and column, headed by now (目前, 当前, Now, This year), gives another value of the figure's kind (| 2023 | 20% |
    then | 目前 | 15% |) - or, in a transposed table, a column of its row headed by now; else None - and None for a
    bare point, which may ask any period's value (v55), and for a forecast in the later row (| 今年（预计） | 15% |: a
    projection supersedes no actual)."""
    if not any((getattr(form, "pieces", None) or ("",))[0].strip() for form in forms):
        return None
    own = [c for c in cells if c.start <= start and end <= c.end]
    earlier = next((c.header for c in own if _AN_EARLIER_ROW.fullmatch(c.header.strip(_CELL_MARKS).lower())), None)
    column = next((c.header for c in own if c.header != earlier), None)
    if earlier is None or column is None:
        return None
    table_start, table_end = _its_table(answer_lines, start)
    row_start = answer_lines.rfind("\n", 0, start) + 1
    row_end = answer_lines.find("\n", end) % (len(answer_lines) + 1)
    for later in cells:
        if not table_start <= later.start < table_end:
            continue
        if row_start <= later.start < row_end:  # a transposed table: | 指标 | 2023 | 目前 |, then | ROI | 20% | 15% |
            row = [later.header]
        elif later.header == column:  # the same column of another row (a now row above it too: | 目前 | … | 2023 | …)
            row = [c.header for c in cells if (c.start, c.end) == (later.start, later.end) and c.header != column]
        else:
            continue
        if not any(_A_NOW_ROW.fullmatch(header.strip(_CELL_MARKS).lower()) for header in row):
            continue
        if any(_FORECAST.search(header.lower()) for header in row) or _FORECAST.search(
            answer_lines, later.start, later.end
        ):
            return None  # | 今年（预计） | 15% |
        figure = FIGURE_START.search(answer_lines, later.start, later.end)
        if figure is not None and another_value(answer_lines, start, end, figure.start(), forms):
            return f" | {earlier} | … | {row[0]}"
    return None


def _its_table(answer_lines: str, pos: int) -> tuple[int, int]:
    """Where the Markdown table whose body row holds `pos` starts and ends: its header row and rule above, its body
    rows below up to a line that heads another table (normalising drops the blank line between two tables)."""
    lines = answer_lines.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    row = max(k for k, at in enumerate(starts) if at <= pos)
    first = row
    while first > 0 and _piped(lines[first - 1]) and not _A_RULE.fullmatch(lines[first].strip()):
        first -= 1
    first = max(0, first - 1) if _A_RULE.fullmatch(lines[first].strip()) else first
    last = row
    while last + 1 < len(lines) and _piped(lines[last + 1]):
        if last + 2 < len(lines) and _A_RULE.fullmatch(lines[last + 2].strip()):
            break  # the next line heads another table
        last += 1
    return starts[first], starts[last] + len(lines[last])


_A_RULE = re.compile(r"\|? ?:?-{3,}:? ?(?:\| ?:?-{3,}:? ?)*\|?")


def _piped(line: str) -> bool:
    return line.lstrip().startswith("|")
