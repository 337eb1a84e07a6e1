"""Changes said in words (v38): 减半, 降了一半, cut in half, halved (a fall of 50%); 翻倍, 翻一番, 增长了一倍, doubled
(a rise of 100%); tripled (200%); 翻两番, quadrupled (300%) - each a percent change with its direction, and the words
of a change of a subject (`changed_subject`: 成本降低50% said 成本下降50%, 成本将减半, costs were cut in half).

Decided: 翻两番 ("doubled twice") is four times the base, a rise of 300% (not 400%); a point of a multiple (4倍, 4x)
is not said by these words, as 增长两倍 is read both ways in Chinese. A fall by half is a fall of 50%, so a bare 50%
point is said by it as by 一半 (v36); a change of another subject is not a change of the point's subject
(人员减半，成本降低30% states no 成本降低50%).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from .currencies import ANY_SIGN
from .finding import words_at
from .mention import Mention


@dataclass(frozen=True)
class VerbalChange(Mention):
    """A percent change said in words; `direction` is -1 for a fall, 1 for a rise."""

    direction: int = 0


_FALL_VERBS_ZH = "降低|下降|减少|缩减|削减|压缩|缩小|缩短|回落|下滑|下跌|减|降|砍掉|砍|省去|节省|节约"
_FALL_VERBS_EN = (
    "cut|cuts|cutting|reduce|reduced|reduces|reducing|slash|slashed|slashes|lower|lowered|lowers|trim|trimmed"
)
_FALLEN_EN = "fell|fall|falls|fallen|dropped|drop|drops|declined|declines|decline|decreased|decreases|shrank|shrunk"
_VERBAL = (
    (
        -1,
        Decimal(50),
        f"减半(?!年|个月|天|小时)|砍半|腰斩|(?:{_FALL_VERBS_ZH}) ?(?:了 ?)?(?:约|大约|近|将近)?一半(?!的一半|时)"
        r"|(?<![a-z])(?:halved|halves|halve|halving)(?![a-z])"
        rf"|(?<![a-z])(?:{_FALL_VERBS_EN})(?: [a-z]+){{0,2}} (?:in|by) (?:a |one )?half(?![a-z-])(?! an? )"
        rf"|(?<![a-z])(?:{_FALLEN_EN}|came down|went down|come down) by (?:a |one )?half(?![a-z-])(?! an? )",
    ),
    (
        1,
        Decimal(100),
        "翻倍|翻番|翻(?:了 ?)?一番|翻(?:了 ?)?一倍"
        "|(?:增长|增加|提高|提升|上升|上涨|扩大|涨|增) ?(?:了 ?)?一倍(?![多以])"
        r"|(?<![a-z])(?:doubled|doubles|doubling)(?![a-z])(?! (?:down|as|up|back|over)(?![a-z]))"
        # v41: the bare verb after a modal or "to" (Revenue will double, We expect revenue to double; not "a double",
        # "double down", "double-check"), which v40 missed
        r"|(?:(?<=will )|(?<=ould )|(?<=can )|(?<=may )|(?<=ight )|(?<=must )|(?<= to ))double(?![a-z-])"
        r"(?! (?:down|as|up|back|over|check)(?![a-z]))",
    ),
    (1, Decimal(200), r"(?<![a-z])(?:tripled|triples|tripling|trebled|trebles)(?![a-z])"),
    (1, Decimal(300), r"翻(?:了 ?)?两番|(?<![a-z])(?:quadrupled|quadruples|quadrupling)(?![a-z])"),
)
_COMPILED = tuple((direction, value, re.compile(regex)) for direction, value, regex in _VERBAL)
# v114: a change to a share or a multiple of the former level (成本降到原来的70%, 降至原有水平的一半, 降到原来的七成,
# 营收提高到原来的1.5倍, "costs fell to 70% of the original") is the change by the rest (a fall of 30%, of 50%; a rise
# of 50%) - v113 read only the share
_RISE_VERBS_ZH = "增长|增加|提高|提升|上升|上涨|扩大|涨|增|升"
_FORMER_ZH = "(?:原来|原先|之前|以前|此前|原有|过去|改造前|上线前|实施前)(?:的?(?:水平|成本|规模|数值|值))?的"
_SHARE = (
    r"(?P<share>[0-9]+(?:\.[0-9]+)?)(?P<unit>%|倍)|(?P<half>一半)|(?P<tenths>[一二两三四五六七八九])成(?![本功果员])"
)
_TENTHS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_TO_A_SHARE_OF_THE_FORMER = re.compile(
    f"(?:{_FALL_VERBS_ZH}|(?P<rise>{_RISE_VERBS_ZH}))(?: ?了)? ?(?:到|至|为|成) ?(?:约|大约)? ?{_FORMER_ZH}"
    f" ?(?:约|大约)? ?(?:{_SHARE})"
    rf"|(?<![a-z])(?:{_FALL_VERBS_EN}|{_FALLEN_EN}|(?P<rise_en>rose|risen|grew|grown|increased)|came down|went down"
    r"|dropped) to"
    rf" (?:about |around |roughly )?(?P<share_en>[0-9]+(?:\.[0-9]+)?) ?(?:%|percent|per cent|pct) of"
    r" (?:the |its |their )?(?:original|previous"
    r"|former|prior|baseline|old|earlier)(?: level| value| cost| costs| figure| amount)?(?![a-z])"
)


def _to_a_share_of_the_former(text: str) -> list[VerbalChange]:
    """The changes to a share or a multiple of the former level in the text (`_TO_A_SHARE_OF_THE_FORMER`), each as the
    change by the rest - where the verb's direction is the share's (降到原来的170% is neither)."""
    found = []
    for m in _TO_A_SHARE_OF_THE_FORMER.finditer(text):
        rises = bool(m["rise"] or m["rise_en"])
        if m["half"]:
            share = Decimal(50)
        elif m["tenths"]:
            share = Decimal(10 * _TENTHS[m["tenths"]])  # 降到原来的七成
        else:
            share = Decimal(m["share"] or m["share_en"]) * (100 if m["unit"] == "倍" else 1)
        if share != 100 and (share > 100) == rises and not _MORE_AFTER.match(text, m.end()):
            change = abs(share - 100)
            found.append(
                VerbalChange(m.start(), m.end(), change, Decimal(1), True, m.group(), 1 if share > 100 else -1)
            )
    return found


@lru_cache(maxsize=256)
def verbal_changes(text: str) -> tuple[VerbalChange, ...]:
    """The changes said in words in a (normalised) text, in order."""
    former = _to_a_share_of_the_former(text) if "的" in text or " of " in text else []
    if not any(ch in text for ch in "半倍番斩") and not re.search("half|halv|doubl|tripl|trebl|quadrupl", text):
        return tuple(former)
    found = former + [
        VerbalChange(m.start(), m.end(), value, Decimal(1), True, m.group(), direction)
        for direction, value, pattern in _COMPILED
        for m in pattern.finditer(text)
        if not _more_or_less(text, m.start(), m.end()) and not _half_of_another_word(text, m.start(), m.group())
    ]
    return tuple(sorted(found, key=lambda change: change.start))


# v39: a change in words with a bound on it (more than doubled, 超过翻倍, 翻倍有余, 翻了一倍多, 不止翻倍) is another
# change, as 增长超过100% is another value than 100% (v17); nearly and almost are approximations (nearly doubled, 将近
# 翻倍: as nearly 100%, 近100% credit 100%)
_MORE_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:more than|over|well over|far more than|less than)|超过|超|不止|不只|远不止) ?$"
)
_MORE_AFTER = re.compile(r" ?(?:有余|多|以上|还多|不止|(?:and|or) more(?![a-z])|and then some(?![a-z]))")


def _more_or_less(text: str, start: int, end: int) -> bool:
    """Whether a bound stands right before or after the change in words at start:end (v39)."""
    return bool(_MORE_BEFORE.search(text, max(0, start - 16), start) or _MORE_AFTER.match(text, end))


def _half_of_another_word(text: str, start: int, said: str) -> bool:
    """Whether the 半 of a 减半 starts another word (削减半导体, 缩减半径: cut semiconductors, shrink a radius), as the
    segmenter reads it (v39; v38 read a halving)."""
    if not said.startswith("减半"):
        return False
    return len(words_at(text).get(start + 1, "")) > 1


# a point of a subject's change (成本降低50%, 营收增长100%, costs fall by 50%): the subject, then its verb
_FALLS = (
    # v112: and 省 alone or with its result (每年省90万元, 每年能省下90万元, 节省下 for 年节省90万元)
    "下降|降低|减少|缩减|削减|压缩|缩小|缩短|回落|下滑|下跌|降幅|降了|降|减|跌|节省下?|节约|省下|省去|省掉|省"
    "|fall|falls|fell|fallen|drop|drops|dropped|decline|declines|declined|decrease|decreases|decreased|reduce|reduces"
    "|reduced|reduction|cut|cuts|lower|lowered|shrink|shrinks|shrank|shrunk"
)
_RISES = (
    "增长|增加|提高|提升|上升|上涨|增幅|扩大|涨幅|涨了|涨|增|升"
    "|rise|rises|rose|risen|increase|increases|increased|grow|grows|grew|grown|growth|climb|climbs|climbed|jump"
    "|jumped|gain|gained|improve|improved|raise|raised|boost|boosted"
)
_CHANGE_LABEL = re.compile(f"(?P<subject>.*?) ?(?P<verb>{_FALLS}|{_RISES})(?: (?:by|of))?")
# what may stand between a subject and its verb (成本将降低, 成本预计可降低, costs will be cut, costs were reduced) and
# between the verb and the figure (降低了约, fell by about)
_BETWEEN_ZH = (
    "(?:将|将会|会|可|可以|能|能够|有望|预计|预期|已|已经|再|同比|环比|进一步|大幅|显著|约|大约|几乎|将近|接近|差不多|基本上?"
    # v41: 实现 (营收将实现翻倍) and adverbs of fact (营收仍然翻倍, 还是翻倍了, 成本就降低了20%)
    "|实现|仍然|仍|依然|依旧|还是|也|都|就|终于"
    # v112: whom a saving is for (每年为客户节省90万元, 每年可为公司节约)
    "|为(?:客户|公司|企业|我们|您|贵司|贵公司|用户|银行|集团|行方)"
    "|\\*\\*|:|: | |\\|"
    "|(?:较|比|相比|相较于?|与)(?:去年|上年|上一年|往年|同期|原来|原先|之前|此前|原方案|现状|改造前|上线前)(?:相比)?)*"
)
_BETWEEN_EN = (
    "(?: (?:will|would|could|can|may|might|should|must|is|are|was|were|be|been|being|has|have|had|expected to"
    "|likely to|to"
    "|projected to|set to|about to|further|significantly|sharply"
    # v39: an approximation (costs nearly halved: as nearly 50%)
    "|nearly|almost|roughly|approximately|about|around|effectively|practically|essentially))*"
)
_AFTER_VERB = (
    "(?: ?了)?(?: ?(?:约|大约|近|将近|达|达到|by|of|about|around|roughly|approximately|nearly"
    # v40: a change named by its noun and a copula (Revenue growth is 20%, the cost reduction was 50%)
    "|(?:(?<=growth)|(?<=duction)|(?<=crease)|(?<=decline))(?: rate)?"
    " (?:is|was|will be|would be|came to|comes to|stands at|:)"
    # v41: a rate of the change, with a copula, is the change (营收增长率为20%, revenue growth rate is 20%: v39 and v40
    # read another metric) - not the rate's own change (营收增长率提升了20%) nor its target (增长率目标为20%)
    "|(?:(?<=增长)|(?<=增加)|(?<=提升)|(?<=上涨)|(?<=下降)|(?<=降低)|(?<=减少))率 ?(?:为|是|达到了?|达|约为|在)))* ?"
    # v60: and a quote opened before the figure (营收增长率为「20%」, revenue growth is “20%”: v59 missed them)
    "(?:[\"“'‘「] ?)?"
)


def change_label(label: str) -> tuple[str, int] | None:
    """The subject and the direction (-1 a fall, 1 a rise) of a point's words before its figure that end with a verb
    of a change (成本降低 -> (成本, -1), 营收增长 -> (营收, 1), costs fall by -> (costs, -1)), else None."""
    return _subject_and_direction(_CHANGE_LABEL.fullmatch(label))


def _subject_and_direction(m: re.Match[str] | None) -> tuple[str, int] | None:
    """A label's subject and its verb's direction (-1 a fall, 1 a rise), from `_CHANGE_LABEL` or `_REACHED_LABEL`."""
    if m is None:
        return None
    return m.group("subject").strip(), (-1 if re.fullmatch(_FALLS, m.group("verb")) else 1)


# v113: what a saving saves, between its verb and its figure (每年节省成本90万元, 每年可节省人力成本90万元,
# 每年节省的成本约为90万元 for 年节省90万元) - after a verb of saving only (节省, 节约, 省, 省下, 省去), and then a
# copula or "about"
# (v115: with adverbs before the copula and more links - 每年节省的成本确实约为90万元, 节省的成本目前约是, 可达,
# 等于, 在, a colon, =, ≈, an arrow or a dash)
_SAVED = (
    "(?:(?<=[省约下去掉])的? ?[\u4e00-\u9fff]{0,4}?(?:成本|费用|开支|支出|开销|资金|人工|人力)"
    "(?: ?(?:确实|也|仍然|仍|依然|目前|现在|当前|基本上?|大致|仅|只|就|都|已经|已|可|能|将|预计)*"
    " ?(?:约为|约合|约是|约|大约|大概|为|是|可达|达到?|等于|在|共计|合计|总计|:|=|≈|->|→|—+)(?: ?约)?)?)?"
)


@lru_cache(maxsize=512)
def _change_before(names: tuple[str, ...], direction: int, verbal: bool) -> re.Pattern[str]:
    subject = "|".join(re.escape(name) for name in names)
    verbs, saved = (_FALLS, _SAVED) if direction < 0 else (_RISES, "")
    sign = "" if verbal else f"(?P<sign>(?:{ANY_SIGN}) ?)?"  # v115: 节省成本¥90万, 每月可节约开支约EUR 5000
    ending = "" if verbal else f"(?:{verbs}){saved}{_AFTER_VERB}{sign}"
    if not names:
        return re.compile(f"(?<![a-z])(?:{verbs}){saved}{_AFTER_VERB}{sign}$" if not verbal else "$")
    return re.compile(f"(?:{subject})(?:{_BETWEEN_ZH}|{_BETWEEN_EN}) ?{ending}$")


def changed_subject(text: str, first: Mention, names: tuple[str, ...], direction: int) -> int | None:
    """Where the subject (`names`, any of them; none for a point of a bare change) of a change in `direction` starts
    before the figure `first`, said with any verb of that direction (成本下降50% for 成本降低50%) or by a change in
    words of that direction right after it (成本将减半); else None."""
    verbal = isinstance(first, VerbalChange)
    if isinstance(first, VerbalChange) and first.direction != direction:
        return None
    if verbal and names and any(f" {name} " in f" {first.text} " for name in names):
        return first.start  # we cut costs in half
    m = _change_before(names, direction, verbal).search(text, max(0, first.start - 40), first.start)
    if m is None:
        return None
    if names:
        return m.start()
    return m.start("sign") if not verbal and m.group("sign") else first.start  # v115: the sign opens the figure


# v114: a point of a level reached by a change (ROI提高到20%, 成本降至80万元, "ROI rose to 20%"): its subject, then a
# verb of the change's direction and 到 / 至 / 为 / "to"; said with any verb of that direction, 到 or 至, and where it
# came from between (ROI提升至20%, ROI从15%提高到20%, "ROI increased from 15% to 20%") - v113 matched it as written;
# another direction (ROI从25%下降到20%), the level alone (ROI为20%) or the change by it (ROI提高20%) state none
_REACHED_LABEL = re.compile(f"(?P<subject>.*?) ?(?P<verb>{_FALLS}|{_RISES})(?: ?了)? ?(?:到|至|为|成| to)")
_FROM = r"(?:从|由|from )(?:(?!到|至| to )[^,;。.!?\n]|\.(?=[0-9])){0,24}?"
_TO = r"(?: ?了)? ?(?:到|至|为|成|到了| to)(?: ?(?:约|大约|about|around|approximately))? ?(?:[\"“「'‘] ?)?"


def reached_label(label: str) -> tuple[str, int] | None:
    """The subject and the direction of a point's words before its figure that end with a verb of a change and its
    "to" (ROI提高到 -> (roi, 1), 成本降至 -> (成本, -1)), else None."""
    return _subject_and_direction(_REACHED_LABEL.fullmatch(label))


@lru_cache(maxsize=512)
def _reached_before(names: tuple[str, ...], direction: int) -> re.Pattern[str]:
    subject = "|".join(re.escape(name) for name in names)
    verbs = _FALLS if direction < 0 else _RISES
    return re.compile(
        f"(?:{subject})(?:{_BETWEEN_ZH}|{_BETWEEN_EN}) ?(?:{_FROM})?(?:{verbs})(?: {_FROM})?{_TO}(?:(?:{ANY_SIGN}) ?)?$"
    )


def reached_subject(text: str, first: Mention, names: tuple[str, ...], direction: int) -> int | None:
    """Where the subject (`names`) of a level reached by a change in `direction` starts before the figure `first`
    (ROI从15%提高到20%), else None."""
    if not names or isinstance(first, VerbalChange):
        return None
    m = _reached_before(names, direction).search(text, max(0, first.start - 48), first.start)
    return m.start() if m is not None else None
