"""v87: a name or a term (a city, a person, a feature) the answer gives as a guess between names, as a former one, or
as a belief it corrects - not as its answer.

The rules for figures have read these since v15-v32 (20个月或24个月, 由20个月延长至24个月, 很多人以为是20个月，其实是24
个月); a text point is matched as written, and v86 credited 苏州 in each of

- a guess: an alternative left open (`left_open`) - 总部在苏州还是上海，知识库中没有说明, 是刘敏还是周晓峰，我无法
  确定, "whether it is Suzhou or Shanghai is not stated" (a disjunction beside the point, an unknown later in its
  sentence or the next); two hedged ones (`guessed_among`, key points only: a forbidden claim so guessed is still
  heard, as v15's values are) - 可能在苏州，也可能在上海, "It may be Suzhou or Shanghai"; one of a list joined by 或 -
  苏州、上海或宁波之一, "one of Suzhou, Shanghai or Ningbo". Not an offer of options (我们支持私有化部署或公有云: no
  hedge, no unknown - and so 总部位于苏州或上海 is left credited), nor a list it is the first of (苏州之一).
- a former one (`a_former_name`): 由苏州迁至上海, 从苏州搬到了上海, "moved from Suzhou to Shanghai", "relocated from
  Suzhou"; 原在苏州，现在上海, "formerly in Suzhou, now in Shanghai" (a word of the past before it and a "now" later in
  its sentence). Not a past that still holds (刘敏曾在安泰人寿工作: no "now"), nor the way to it (从苏州出发).
- a belief corrected (`believed_and_corrected`): 很多人以为在苏州，其实在上海, 有人认为是刘敏，实际上是周晓峰, "Many
  believe it is Suzhou, but in fact it is Shanghai" - an attribution before it in its sentence (no contrast between),
  then a contrast that says what is so. A belief confirmed (大家都以为在苏州，确实如此) stays the answer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..numbers.name_edges import a_persons_name, a_place, pos_tagger
from .assertion import A_DETAIL, SENTENCE_END, last_end, next_start, start_of_part
from .normalisation import normalise

# the Chinese words of "or" and what may follow them before the alternative (或是, 还是在, 或位于)
OR_ZH = "还是|或是|或者|或|抑或"
_OR_THEN_BEING = "(?:说)? ?(?:在|是|位于|由)? ?"
_DISJUNCTION_AFTER = re.compile(f' ?(?:[)"”’]? ?)(?:{OR_ZH}|(?<![a-z])or(?![a-z])){_OR_THEN_BEING}[^\\s,，。.;；!?、]')
_DISJUNCTION_BEFORE = re.compile(f'(?:{OR_ZH}|(?<![a-z])or(?![a-z])){_OR_THEN_BEING}["“‘]?$')
# an unknown: the answer says it cannot tell which (没有说明, 无法确定, "is not stated", "I cannot tell")
_UNKNOWN = re.compile(
    "没有(?:明确)?(?:说明|提到|提及|记载|写明|注明|给出)|未(?:明确)?(?:说明|提及|提到|记载|写明|注明|给出)|无法(?:确定|判断|确认|得知)"
    "|不(?:确定|清楚|明确|知道|详)|尚不(?:明确|清楚|确定)|(?:有|仍有)?待(?:确认|核实|查证)|未知|无从得知|说不准|不好说|难以确定"
    "|(?<![a-z])(?:(?:is|are|was|remains?) (?:not (?:stated|specified|mentioned|given|known|clear)|unclear|unknown"
    "|unspecified|uncertain)|(?:i|we) (?:cannot|can't|can’t|could not|couldn't|do not|don't|don’t) (?:tell|say|know"
    "|confirm|determine)|(?:i'm|i am|we're|we are) not sure|not sure which|it is unclear|it's unclear)(?![a-z])"
)
# two hedged alternatives: 可能在苏州，也可能在上海; "may be Suzhou or Shanghai", "either Suzhou or Shanghai, not sure"
_HEDGE_BEFORE = re.compile(
    "(?:可能|也许|或许|大概|估计)(?:是|在|位于|为)? ?$"
    "|(?<![a-z])(?:may|might|could) (?:be|have been) (?:in |at |based in )?$"
)
_HEDGED_AGAIN_AFTER = re.compile(
    "[^。!?;\n]{0,6}?[,，] ?(?:也|又|还)?(?:有)?可能(?:是|在|位于|为)?"
    "|[^。!?;\n]{0,2}? ?(?:或者|或|还是|(?<![a-z])or(?![a-z]))"
)
# one of a list joined by 或 (苏州、上海或宁波之一; "one of Suzhou, Shanghai or Ningbo")
_ONE_OF_AFTER = re.compile("[^。!?;\n]{0,30}?或[^。!?;\n,，]{1,12}?(?:其中)?之一")
_ONE_OF_BEFORE = re.compile("(?<![a-z])one of (?:[a-z]+ )?$")
_OR_IN_THE_LIST = re.compile("[^.!?;\n]{0,40}? or ")


# options offered to choose from (可以选择私有化部署或者SaaS, 支持…或…, "you can choose ... or ..."): no guess
_AN_OFFER_BEFORE = re.compile(
    "(?:可以|可|能|均可|都可以)?(?:选择|选用|采用|支持|提供|选)[^。!?;\n,，]{0,12}$"
    "|(?<![a-z])(?:can|may) (?:choose|pick|select|opt for|use|have)(?: [a-z]+){0,3} $"
    "|(?<![a-z])(?:offer|support|provide)s? $"
)
_PART_END = re.compile(r"[。!?;\n,，:]|\.(?=\s|$)")


def _of_a_detail(answer_norm: str, unknown: re.Match[str]) -> bool:
    """The unknown's part names a detail (具体价格没有说明, the exact date is not stated): not which name it is."""
    part_start = last_end(_PART_END, answer_norm, unknown.start())
    return A_DETAIL.search(answer_norm, part_start, unknown.end()) is not None


def _sentence(answer_norm: str, start: int, end: int) -> tuple[int, int]:
    return last_end(SENTENCE_END, answer_norm, start), next_start(SENTENCE_END, answer_norm, end)


def left_open(answer_norm: str, start: int, end: int) -> str | None:
    """The words that leave the name at start:end an open alternative (a disjunction beside it, an unknown later in
    its sentence or the next: 在苏州还是上海，没有说明); else None. Read for key points and claims alike: the answer
    says it cannot tell."""
    sentence_start, sentence_end = _sentence(answer_norm, start, end)
    after = _DISJUNCTION_AFTER.match(answer_norm, end)
    before = _DISJUNCTION_BEFORE.search(answer_norm, max(sentence_start, start - 8), start)
    if after is None and before is None:
        return None
    # its sentence or the next one
    reach = next_start(SENTENCE_END, answer_norm, sentence_end + 1) if sentence_end < len(answer_norm) else sentence_end
    unknown = _UNKNOWN.search(answer_norm, end, reach)
    offered = _AN_OFFER_BEFORE.search(answer_norm, max(sentence_start, start - 24), start)
    if unknown is None or offered is not None or _of_a_detail(answer_norm, unknown):
        return None
    return answer_norm[end : unknown.end()]


# v104: a place or a person's name joined by 或 / 还是 to another of its kind, with no hedge word (总部位于苏州或上海,
# 成立地是苏州还是上海, 是刘敏或周晓峰牵的线): one guess between two, as v15 reads 20个月或24个月 - v87 left it credited
# for the shape of an offer (支持私有化部署或公有云), which names no place or person. Not both of them (苏州或上海都有
# 分行, 苏州或上海的客户: a set), nor options offered (可在苏州或上海部署).
_OR_AFTER = re.compile(f' ?[()"”’]? ?(?:{OR_ZH}){_OR_THEN_BEING}[("“‘]?')
_OR_BEFORE = re.compile(f'(?:{OR_ZH}){_OR_THEN_BEING}[("“‘]? ?$')
# the first of a list that 或 ends (苏州、上海或宁波)
_LIST_THEN_OR = re.compile(f"(?:、[\u4e00-\u9fff]{{2,4}}?){{1,3}} ?(?:{OR_ZH})(?:在|是|位于|由)? ?")
_BOTH_AFTER = re.compile(' ?[)"”’]? ?(?:都|均|皆|各|也都|两地|两者|二者|等|的|之一)')
_RESPECTIVELY = re.compile("分别|各自|依次|(?<![a-z])respectively(?![a-z])")
_AN_OFFER_OF_PLACES = re.compile("(?:可|能|可以|均可|都可以|可选|任选)(?:在|于|由|选)[^。!?;\n,，]{0,6}$")


_A_VERSION = re.compile("v ?[0-9]+(?:\\.[0-9]+)*|[0-9]+(?:\\.[0-9]+)+ ?版?")


@lru_cache(maxsize=256)
def _name_kind(point: str) -> str | None:
    """The kind of name the point is: "nr" a person's, "ns" a place jieba knows (苏州, 上海市), "version" a release
    (v3.2, 3.2版); else None."""
    if _A_VERSION.fullmatch(point):
        return "version"
    if a_persons_name(point):
        return "nr"
    return "ns" if a_place(point) else None


def _word_of_kind(text: str, kind: str) -> str | None:
    """The first word of `text` when jieba tags it as a name of `kind` (a person's name: nr, nrfg) or, for a
    version, the version it opens with; else None."""
    if kind == "version":
        version = _A_VERSION.match(text)
        return None if version is None else version.group()
    words = pos_tagger().lcut(text)
    if not words or not words[0].flag.startswith(kind):
        return None
    return str(words[0].word)


def _words_before(text: str, kind: str) -> list[tuple[str, str]]:
    """The words of `text` with their tags (jieba's; for a version, the version that ends it, tagged "version")."""
    if kind == "version":
        version = re.search(f"(?:{_A_VERSION.pattern}) ?$", text)
        return [] if version is None else [(version.group().strip(), "version")]
    return [(str(pair.word), str(pair.flag)) for pair in pos_tagger().lcut(text)]


def _same_place(one: str, other: str) -> bool:
    """One place or release written two ways (苏州 / 苏州市, v3.2 / 3.2版)."""
    return re.sub("^v|[ 市版]", "", one) == re.sub("^v|[ 市版]", "", other)


def guessed_between_two(answer_norm: str, start: int, end: int) -> tuple[str | None, str] | None:
    """v104: the words before and after the name at start:end that join it by 或 to another of its kind (苏州或上海:
    (None, "或上海"); 上海或苏州: ("上海或", "")), else None. Key points only, as `guessed_among`."""
    point_end = end
    point = answer_norm[start:end]
    if answer_norm.startswith("市", end):
        end += 1  # 苏州市或上海市
    after = _OR_AFTER.match(answer_norm, end) or _LIST_THEN_OR.match(answer_norm, end)
    if after is None and _OR_BEFORE.search(answer_norm, max(0, start - 8), start) is None:
        return None  # no 或 beside it: its sentence's bounds are not looked for (every text point's match asks)
    sentence_start, _ = _sentence(answer_norm, start, end)
    before = _OR_BEFORE.search(answer_norm, max(sentence_start, start - 8), start)
    # (jieba's tagger, ~0.5 s to load, only where a 或 stands beside the point)
    kind = None if after is None and before is None else _name_kind(point)
    if kind is None:
        return None
    clause_end = _PART_END.search(answer_norm, end)
    reach = clause_end.start() if clause_end else len(answer_norm)
    other = _word_of_kind(answer_norm[after.end() : reach], kind) if after is not None else None
    if other is not None and after is not None:
        first, last = start, after.end() + len(other)
    else:
        if before is None:
            return None
        words = _words_before(answer_norm[max(sentence_start, start - 14) : before.start()], kind)
        if not words or not words[-1][1].startswith(kind):
            return None
        other, first, last = words[-1][0], before.start() - len(words[-1][0]), end
    if _same_place(point, other):
        return None  # 苏州或苏州市: one place
    both = _BOTH_AFTER.match(answer_norm, last)
    if kind == "nr" and both is not None and both.group().strip(' )"”’') == "的":
        both = None  # 刘敏或王芳的 (jieba may read 王芳牵 as one name, 的 after it): whose, still a guess
    if both is not None or _AN_OFFER_OF_PLACES.search(answer_norm, sentence_start, first):
        return None
    if _RESPECTIVELY.search(answer_norm, sentence_start, first):
        return None  # 三家分别位于苏州、上海或宁波: a list, one each
    if _AN_OFFER_BEFORE.search(answer_norm, max(sentence_start, first - 24), first):
        return None
    return (answer_norm[first:start] or None), answer_norm[point_end:last]


# v105: the same in English (Suzhou or Shanghai, either Liu Min or Zhou Xiaofeng, Suzhou, Shanghai or Ningbo, v3.2 or
# v4.0). The answer is read casefolded, so a word is a name where the raw answer writes it capitalised with the rest
# small (`title_words`: Suzhou, Min - not SaaS, ROI or a lone I); the point's first word and the other name's must both
# be. Not "or rather" (the name after it is the correction), not "(or Soochow)" (another spelling), nor two names
# taken both ways (both, each, whether, regardless), offered (can choose, offer, support) or one each (respectively).
_TITLE_WORD = re.compile("(?<![A-Za-z'’])[A-Z][a-z]+(?![A-Za-z])")
_EN_OR = f"(?: or | ?(?:{OR_ZH}) ?)(?:(?:in|at|by|from|with) )?(?:the )?"  # and 或 between English names
_EN_OR_AFTER = re.compile(f' ?["”’]?{_EN_OR}')
_EN_LIST_THEN_OR = re.compile(f"((?:[,、] ?[a-z]+(?: [a-z]+)?){{1,3}}),?{_EN_OR}")
_EN_OR_BEFORE = re.compile(f'(?<![a-z])([a-z]+)["”’]?{_EN_OR}$')
_EN_VERSION_OR_BEFORE = re.compile(f"(?<![a-z0-9.])({_A_VERSION.pattern}){_EN_OR}$")
_EN_WORD = re.compile("[a-z]+")
_EN_BOTH = re.compile("(?<![a-z])(?:both|alike|each|whether|regardless|no matter|whichever|either of|any of)(?![a-z])")


def title_words(text: str) -> frozenset[str]:
    """The words the raw answer writes capitalised with the rest small (Suzhou, Liu, Min), casefolded."""
    return frozenset(word.casefold() for word in _TITLE_WORD.findall(text))


def _names_or_version(text: str, kind: str, names: frozenset[str]) -> str | None:
    """The name (one or two words of `names`) or, for a version, the release `text` opens with; else None."""
    if kind == "version":
        return _word_of_kind(text, kind)
    words = _EN_WORD.findall(text[:40])[:2]
    if not words or words[0] not in names:
        return None
    return (
        " ".join(words[:2]) if len(words) == 2 and words[1] in names and text.startswith(" ".join(words)) else words[0]
    )


def guessed_between_two_en(
    answer_norm: str, start: int, end: int, names: frozenset[str]
) -> tuple[str | None, str] | None:
    """v105: the words before and after the English name (or release) at start:end that join it by "or" to another
    (Suzhou or Shanghai: (None, " or shanghai")), else None. Key points only, as `guessed_between_two`."""
    point = answer_norm[start:end]
    if _A_VERSION.fullmatch(point):
        kind = "version"
    else:
        first_word = _EN_WORD.match(point)
        if first_word is None or first_word.group() not in names:
            return None
        kind = "name"
    after = _EN_OR_AFTER.match(answer_norm, end)
    listed = _EN_LIST_THEN_OR.match(answer_norm, end) if after is None else None
    before = _EN_OR_BEFORE.search(answer_norm, max(0, start - 40), start)
    other = None
    if after is not None:
        other = _names_or_version(answer_norm[after.end() :], kind, names)
        first, last = start, after.end() + len(other or "")
    elif listed is not None:
        items = [item.strip() for item in re.split("[,、]", listed.group(1)) if item.strip()]
        tail = _names_or_version(answer_norm[listed.end() :], kind, names)
        if tail is not None and all(_EN_WORD.findall(item)[0] in names for item in items):
            other, first, last = tail, start, listed.end() + len(tail)
    if other is None and kind == "version":
        version = _EN_VERSION_OR_BEFORE.search(answer_norm, max(0, start - 24), start)
        if version is not None:
            other, first, last = version.group(1).strip(), version.start(), end
    elif other is None and before is not None and before.group(1) in names:
        other, first, last = before.group(1), before.start(), end
    if other is None or _same_place(point, other) or other == point.split(" ")[0]:
        return None
    sentence_start, sentence_end = _sentence(answer_norm, start, end)
    if _EN_BOTH.search(answer_norm, sentence_start, sentence_end) or _RESPECTIVELY.search(
        answer_norm, sentence_start, sentence_end
    ):
        return None
    if _AN_OFFER_BEFORE.search(answer_norm, max(sentence_start, first - 24), first):
        return None
    return (answer_norm[first:start] or None), answer_norm[end:last]


def guessed_among(answer_norm: str, start: int, end: int) -> tuple[str | None, str] | None:
    """The words before and after the name at start:end that make it one guess among names (two hedged ones, one of a
    list joined by 或); else None. Key points only: a forbidden claim offered among others is still heard (v15)."""
    sentence_start, sentence_end = _sentence(answer_norm, start, end)
    hedge = _HEDGE_BEFORE.search(answer_norm, max(sentence_start, start - 16), start)
    if hedge is not None:
        again = _HEDGED_AGAIN_AFTER.match(answer_norm, end)
        if again is not None:
            return answer_norm[hedge.start() : start], answer_norm[end : again.end()]
    one_of = _ONE_OF_AFTER.match(answer_norm, end)
    if one_of is not None and one_of.end() <= sentence_end:
        return None, answer_norm[end : one_of.end()]
    listed = _ONE_OF_BEFORE.search(answer_norm, max(sentence_start, start - 24), start)
    if listed is not None and _OR_IN_THE_LIST.match(answer_norm, end) is not None:
        return answer_norm[listed.start() : start], ""
    return None


# a move from it to another (由苏州迁至上海, 从苏州搬到了上海, "moved from Suzhou to Shanghai")
_FROM_BEFORE = re.compile(
    "(?:由|从|自) ?$"
    "|(?<![a-z])(?:moved|relocated|transferred|switched|migrated|shifted)(?: [a-z]+){0,2} from (?:the )?$"
)
_MOVED_AFTER = re.compile(
    " ?(?:总部|办公地|办公室|公司)?(?:整体)?"
    "(?:迁至|迁往|迁到|迁移至|迁移到|搬到|搬至|搬迁至|搬迁到|搬往|转到|转至|转移到|转移至|变更为|改为|更换为|换成|调整为|变为|改成"
    # v104: upgraded, updated, switched, replaced (由v3.2升级到v4.0, 由私有化部署切换为SaaS)
    "|升级到|升级至|升级为|更新到|更新至|更新为|切换到|切换至|切换为|替换为|过渡到|过渡至|演进到|演进为"
    "|回滚到|回滚至|回退到|回退至|降级到|降级至)"  # v106
    "|(?: [a-z]+){0,3}? to (?![a-z]+ing)"
)
# a former one, then a "now" later in its sentence (原在苏州，现在上海; "formerly in Suzhou, now in Shanghai")
_FORMER_BEFORE = re.compile(
    "(?:原来|原先|原本|原|此前|之前|以前|过去|早先|曾经|曾)(?:在|是|为|位于|设在)? ?$"
    # v108: a first or planned site (总部最初设在苏州，后搬到上海; 总部曾计划设在苏州，最终落户上海; 原定苏州，后改为
    # 上海)
    "|(?:最初|起初|一开始|当初|原定|原计划|曾计划|计划|本打算|原打算|拟)"
    "(?:在|是|为|位于|设在|设于|定在|选在|落户|由)? ?$"
    # v106: a predecessor named (前任负责人是刘敏，现任负责人是周晓峰), a former site (总部旧址在苏州，现址在上海)
    "|(?:前任|上一任|上任)[\u4e00-\u9fff]{0,6}?(?:是|为) ?$|(?:旧址|原址)(?:在|位于|为|是|设在)? ?$"
    "|(?<![a-z])(?:formerly|previously|originally|once|used to be)"
    "(?: (?:in|at|based in|located in|headquartered in))? $"
    # v108: and in English a first site (was first set up in Suzhou and later moved to Shanghai)
    "|(?<![a-z])(?:first|initially|originally) (?:set up|based|located|established|opened|registered) in $"
)
# v106: a successor (原为刘敏，现由周晓峰接任; 现任负责人是周晓峰; 刘敏已离职，现负责人为周晓峰; 刘敏曾是负责人，
# 后来换成了周晓峰) - a role's noun before a short name that ends its part, not another quantity (原在苏州，现有员工
# 为500人)
_SUCCESSOR = (
    "[,，;；] ?(?:但|而)?(?:(?:现在|现|目前|如今|当前)(?:由|换|改由|[\u4e00-\u9fff]{1,6}?(?:为|是)"
    "(?=[\u4e00-\u9fff]{2,4}(?:[,，。;；!?\n]|$)))"
    "|(?:后来|随后|之后|后)(?:已|又|则)?(?:换成|换为|改为|改由|变成|变为|由|更换为|调整为))"
    # and in English (…; Zhou Xiaofeng now leads, is now led by, has been replaced by)
    "|[,;] (?:and |but )?(?:[a-z]+ ){1,3}(?:now|currently) (?:leads|heads|runs|manages|handles|owns|is)(?![a-z])"
    "|(?<![a-z])(?:now|currently) (?:led|headed|run|handled|managed|owned) by(?![a-z])"
)
_SUCCESSOR_LATER = re.compile(_SUCCESSOR)
_NOW_LATER = re.compile(
    f"{_SUCCESSOR}|[,，;；] ?(?:但|而)?现址"
    "|[,，;；] ?(?:但|而)?(?:现|目前|如今|当前|现在|今)(?:在|已|为|是|位于|迁|搬|改|变)"
    # v108: and a later move (，后搬到上海, ，最终落户上海, ，后改为上海) - not 后来在上海设立了分部
    "|[,，;；] ?(?:但|而)?(?:后来?|最终|最后|随后|之后)(?:又|已经?|还是)?(?:迁|搬|改|变|落户|移|定在|选在|选择了?)"
    "|(?<![a-z])(?:now|currently|today|since then)(?![a-z])"
    # v108: a move of its own (in Suzhou and later moved to Shanghai; not "; the factory later moved")
    "| (?:and|but) (?:later|then|subsequently|has since) (?:moved|relocated)(?![a-z])"
    "|[,;] (?:and |but )?(?:it |the (?:head office|hq|headquarters) )?(?:later|then|subsequently|has since) "
    "(?:moved|relocated)(?![a-z])"
)


# or one held until a time, then another now ("The client was Huaxin Bank until 2021; it is now Antai Life")
_UNTIL_AFTER = re.compile(
    " ?(?:until|till|up to) (?:[0-9]{4}|recently|last (?:year|month|quarter)|early|late|mid|the end of)|一直到|直到"
)


# v104: a former one in a bracket after what is so (总部在上海（之前在苏州）, 最新为v4.0（此前为v3.2）, "Shanghai
# (formerly Suzhou)"): the sentence's own value is the "now"
_FORMER_IN_A_BRACKET = re.compile(
    "[(（] ?(?:之前|此前|以前|过去|早先|原先|原来|原本|原|曾经|曾|旧)(?:的)?(?:在|是|为|位于|设在|叫|名为|版本为)? ?$"
    "|\\( ?(?:formerly|previously|originally|once|earlier|was)(?: (?:in|at|based in|located in|headquartered in"
    "|called|named))? $"
)


# v106: or one moved away from with no "to" after it (The headquarters moved out of Suzhou in 2023, relocated to
# Shanghai from Suzhou, 总部已迁出苏州, 搬离苏州)
_MOVED_AWAY_BEFORE = re.compile(
    "(?:迁出|搬离|撤出|搬出|撤离|迁离) ?$"
    "|(?<![a-z])(?:moved|relocated|transferred|shifted|migrated)(?: [a-z]+){0,2}"
    " (?:out of|away from|to [a-z][a-z ]{0,30} from) (?:the )?$"
)
# v106: or one said after it to be gone or past, then another now (刘敏已离职，现负责人为周晓峰; 刘敏曾是负责人，后来
# 换成了周晓峰) - not a past alone (刘敏已离职: she may still be the answer of who introduced whom)
_GONE_OR_PAST_AFTER = re.compile(
    " ?(?:(?:已经?|早已|现已|已于[^,，。;；]{1,10}?)(?:离职|调离|离任|卸任|退休|离开|辞职|被替换|调走|转岗|被撤换)"
    "|曾经?(?:是|任|担任|为)|以前是|之前是|原是|原任)"
    r"|(?:, (?:formerly|previously|once) [^,;.]{1,30},)? (?:has|had) (?:since |now )?(?:left|departed|retired|resigned"
    r"|stepped down|moved on)(?![a-z])"
)
# v106: one replaced (周晓峰接替了刘敏的职位, 由周晓峰取代刘敏, 刘敏被周晓峰取代, "Zhou Xiaofeng replaced Liu Min",
# "Liu Min was replaced by Zhou Xiaofeng", "The former lead, Liu Min, was replaced by ...") - not the one who
# replaces (刘敏接替了周晓峰: the name before the verb), nor one whose post is only called former ("The former head
# of sales, Liu Min, made the introduction")
_REPLACED_BEFORE = re.compile(
    "(?:接替|取代|替换|顶替|替代)了? ?$"
    r"|(?<![a-z])(?:replaced|succeeded|took over from|superseded) $"
)
# ... the person replaced, not the owner of what is replaced (替换华信银行原有反洗钱系统): the name ends its phrase or
# its post follows (周晓峰接替了刘敏的职位, replaced Liu Min as project lead)
_THE_REPLACED_ENDS = re.compile(
    "(?:的(?:职位|职务|位置|岗位|工作)|担任|成为|出任|[,，。;；!?)\n]|$)"
    r"|(?: as | in |[.,;:!?)]|$)"
)
# v106: a release rolled back from (v4.0已回滚至v3.2, 我们已从v4.0回退到v3.2 - as 由v3.2升级到v4.0 is a move, v104)
_ROLLED_BACK_AFTER = re.compile(" ?(?:已经?|已被|被)?(?:回滚|回退|降级)(?:至|到)")
_REPLACED_AFTER = re.compile(
    " ?(?:已经?|已)?被[^,，。;；!?]{1,8}?(?:取代|接替|替换|顶替|替代)"
    r"|,? (?:was|has been|had been|is being|were) (?:replaced|succeeded|superseded)(?![a-z])"
)


def _a_person(name: str) -> bool:
    """Whether `name` is a person's name: a Chinese one as the segmenter tags it, or Latin words (Liu Min)."""
    return bool(_A_LATIN_NAME.fullmatch(name)) or a_persons_name(name)


# v106: or a bracket after it that names it a former site (总部：苏州（旧址），上海（现址）; "Suzhou (former site)")
_FORMER_BRACKET_AFTER = re.compile(
    r" ?\( ?(?:旧址|原址|旧总部|原总部|已迁出|已搬离|已撤离|former(?: site| location| office| hq| headquarters)?"
    r"|old(?: site| location| office| hq| headquarters)|until [0-9]{4}|moved out) ?\)"
)


def a_former_name(answer_norm: str, start: int, end: int) -> str | None:
    """The words that make the name at start:end a former one (moved from it to another; formerly it, now another;
    v104: formerly it, in a bracket; v106: gone or past after it, another now); else None."""
    bracketed = _FORMER_IN_A_BRACKET.search(answer_norm, max(0, start - 12), start)
    if bracketed is not None:
        return answer_norm[bracketed.start() : end]
    bracketed = _FORMER_BRACKET_AFTER.match(answer_norm, end)
    if bracketed is not None:
        return bracketed.group()
    moved_away = _MOVED_AWAY_BEFORE.search(answer_norm, max(0, start - 60), start)
    if moved_away is not None:
        return answer_norm[moved_away.start() : end]
    replaced = _REPLACED_BEFORE.search(answer_norm, max(0, start - 30), start)
    if replaced is not None and _THE_REPLACED_ENDS.match(answer_norm, end) and _a_person(answer_norm[start:end]):
        return answer_norm[replaced.start() : end]
    replaced = _REPLACED_AFTER.match(answer_norm, end) or _ROLLED_BACK_AFTER.match(answer_norm, end)
    if replaced is not None:
        return replaced.group()
    moved_from = _FROM_BEFORE.search(answer_norm, max(0, start - 40), start)
    if moved_from is not None:
        moved = _MOVED_AFTER.match(answer_norm, end)
        if moved is not None and (
            moved.group().strip() != "to" or not moved_from.group().startswith(("由", "从", "自"))
        ):
            return answer_norm[moved_from.start() : moved.end()]
    former = _FORMER_BEFORE.search(answer_norm, max(0, start - 24), start)
    until = _UNTIL_AFTER.match(answer_norm, end) if former is None else None
    until = until or (_GONE_OR_PAST_AFTER.match(answer_norm, end) if former is None else None)
    if former is None and until is None:
        return None
    _, sentence_end = _sentence(answer_norm, start, end)
    # after a past said after the name, the name is the subject: only a successor takes its place (刘敏曾是周晓峰的
    # 上司，现为负责人 is hers)
    now = (_NOW_LATER if until is None or until.re is _UNTIL_AFTER else _SUCCESSOR_LATER).search(
        answer_norm, end, sentence_end
    )
    if now is None:
        return None
    return answer_norm[former.start() : now.end()] if former is not None else answer_norm[end : now.end()]


# v88: taken back by a correction that follows it (客户是华信银行。更正：是安泰人寿; "..., correction: Antai Life") -
# not one that gives it again (更正：是华信银行)
_CORRECTION_AFTER = re.compile(
    " ?(?:[。.!;,，]|——|—| -)? ?(?:更正|纠正|订正|勘误|修正|(?<![a-z])(?:correction|erratum|i mean))(?: ?一下)?"
    " ?[:：,] ?(?:应为|应是|是|为|it is|it's)? ?"
)
# ... where what it gives is a short name, no figure (更正：是安泰人寿; not 更正：价格为80万元, a correction of another
# thing)
_A_SHORT_NAME_GIVEN = re.compile(r"[^0-9,，;；。!?\n.]{1,16}(?:[,，;；。!?\n]|\.(?=\s|$)|$)")


def taken_back_name(answer_norm: str, start: int, end: int) -> str | None:
    """The correction right after the name at start:end that gives another in its place; else None."""
    corrected = _CORRECTION_AFTER.match(answer_norm, end)
    if corrected is None or answer_norm.startswith(answer_norm[start:end], corrected.end()):
        return None
    if not _A_SHORT_NAME_GIVEN.match(answer_norm, corrected.end()):
        return None
    return corrected.group()


# v88: and disclaimed by a pointer back to it in the next part (二人是大学同学，这一点未经证实; "..., but this is
# unconfirmed") - a text point only: a figure so hedged is still given (v66: 回收期20个月（待确认）)
_DISCLAIMED_BY_A_POINTER = re.compile(
    " ?[,，;] ?(?:但|不过|但是)?(?:这一点|这点|这一说法|这个说法|此说法|该说法|这个信息|该信息|此信息|这)"
    "(?:目前|尚|还|仍|并)?(?:未经证实|未被证实|未得到证实|没有得到证实|无法证实|无法核实|无从查证|有待(?:证实|核实|确认)|存疑|不确定)"
    "(?:的|了)?(?=[。!?;,，\n]|\\.(?=\\s|$)|$)"  # its part ends there (not 这不确定的因素较多)
    "|,? (?:but )?(?:this|that) (?:(?:is|remains) (?:unverified|unconfirmed|uncertain)"
    "|(?:has not been|hasn't been|could not be|cannot be|can't be) (?:verified|confirmed))(?![a-z])"
)


def disclaimed_by_a_pointer(answer_norm: str, end: int) -> str | None:
    """The disclaimer that points back at the text point ending at `end`; else None."""
    found = _DISCLAIMED_BY_A_POINTER.match(answer_norm, end)
    return None if found is None else found.group()


# an attribution of a belief (很多人以为, 有人认为, "many believe") before the name, a contrast that says what is so
# after it (其实, 实际上, 事实上, "but in fact", "actually")
_SEEMING_EN_WORDS = "seems|seemed|appears|appeared|looks like|looked like|nominally|ostensibly"  # v107
_BELIEVED = re.compile(
    "(?:很多|不少|许多|一些|部分|有|大家|人们|外界)(?:人)?(?:都|曾|一直|原本|本来)?(?:以为|认为|觉得|相信|猜测)"
    "|(?:我们|我)(?:都|曾|一直|原本|本来)?以为|误以为|误认为|(?:本|原|原本|原来)以为"
    # v107: any belief, and a name only seeming or claimed (还以为总部在苏州，其实在上海;
    # 看似是刘敏牵的线，其实是周晓峰; 号称刘敏牵线，实际是周晓峰牵的线) - not 别以为, 可以为
    "|(?<!别)(?<!不要)(?<!不会)(?<![可所足得用难])以为|(?:曾|一度|曾一度|起初|最初|当初)(?:认为|觉得)"
    "|看似|看起来|看上去|号称|名义上|表面上|据称|宣称|声称|(?<!可以)(?<!应该)(?<!地)说是"
    # v107: and in English (The HQ seems to be in Suzhou, but it is actually in Shanghai)
    f"|(?<![a-z])(?:{_SEEMING_EN_WORDS})(?![a-z])"
    # v103: hearsay (据传是刘敏牵的线，但实际是周晓峰; 传言, 据说, 听说, 有传言称, "it is rumoured that")
    "|据传|传言|传闻|据说|听说|有传言称|有消息称|坊间传|外界传|(?<![a-z])(?:rumou?red|reportedly|allegedly|supposedly)"
    "(?: that)?(?![a-z])"
    "|(?<![a-z])(?:many|most|some|people|others)(?: people)? (?:believe|believed|think|thought|assume|assumed"
    "|guess|guessed)(?: that)?(?![a-z])|(?<![a-z])(?:we|i) (?:thought|assumed|believed)(?: that)?(?![a-z])"
    # v106: and what sources say or we were told (Some sources say Suzhou, but it is Shanghai; We were told Liu Min,
    # but it was Zhou Xiaofeng; 有报道称在苏州，实际在上海)
    "|(?<![a-z])(?:some |many |other |several )?(?:sources|reports|articles|websites|the media|media|press reports)"
    " (?:say|said|claim|claimed|suggest|suggested|state|stated|list|listed|give|gave)(?: that)?(?![a-z])"
    "|(?<![a-z])(?:we|i) (?:were|was|had been|have been) told(?: that)?(?![a-z])"
    "|(?:有|一些|部分|网上)?(?:报道|资料|文章|媒体|网站)(?:称|说|显示|写的是)"
)
_CORRECTED = re.compile(
    "(?:但|而|可)?(?:其实|实际上|事实上|实则|实际|真实情况是|但实际)"
    "|(?<![a-z])(?:but|however),? (?:in fact|actually|in reality|it is|it's)|(?<![a-z])(?:in fact|actually|in reality)"
    "(?![a-z])"
)
# the point ends the belief's part: it is the value believed (以为在苏州，其实…), not its topic (认为私有化部署成本高)
_THE_BELIEVED_VALUE_ENDS = re.compile(r" ?(?:[)\"”’]? ?)(?:[,，;；。!?\n]|\.(?=\s|$)|$)")
_CONFIRMED = re.compile("确实如此|的确如此|没错|确实是|的确是|(?<![a-z])(?:indeed|correctly|rightly)(?![a-z])")
_A_CONTRAST = re.compile("但|而是|其实|实际|(?<![a-z])(?:but|however|actually|in fact)(?![a-z])")


def believed_and_corrected(answer_norm: str, start: int, end: int) -> str | None:
    """The belief (很多人以为) that makes the name at start:end what others think, corrected later in its sentence;
    else None."""
    sentence_start, sentence_end = _sentence(answer_norm, start, end)
    belief = None
    for found in _BELIEVED.finditer(answer_norm, sentence_start, start):
        belief = found
    if belief is None or _A_CONTRAST.search(answer_norm, belief.end(), start):
        return None
    a_person = a_persons_name(answer_norm[start:end])
    if not _THE_BELIEVED_VALUE_ENDS.match(answer_norm, end) and not a_person:
        # 很多人认为私有化部署成本高，实际… - the point is the topic of the belief, not its value; a person is what
        # the belief is of whatever it says the person did (v103: 据传是刘敏牵的线，但实际是周晓峰)
        return None
    corrected = _CORRECTED.search(answer_norm, end, sentence_end)
    if corrected is None or _CONFIRMED.search(answer_norm, end, sentence_end):
        return None
    if _SEEMING_EN.fullmatch(belief.group()) and not corrected.group().startswith(("but", "however")):
        return None  # v107: "appears to be in Suzhou; in fact it has been there since 1997" confirms it
    if a_person and _THE_PERSON_AGAIN.match(answer_norm, corrected.end()):
        return None  # 很多人认为刘敏很能干，实际上她牵了线: what is so is said of the person too
    return answer_norm[belief.start() : start]


_THE_PERSON_AGAIN = re.compile(" ?[,，]? ?(?:她|他)(?!们)")
_SEEMING_EN = re.compile(_SEEMING_EN_WORDS)


# v93: a person named only to be denied the part asked about - 刘敏并未参与, 刘敏没有参与该项目, 刘敏不是牵线
# 人, 刘敏与此事无关: right after the name, a denial of taking part with no object or a general one (not 刘敏没有参与
# 谈判，只负责牵线: another part), or of a role (not 刘敏不是周晓峰的下属: no role's word; nor 刘敏不参与谈判: 不
# alone denies no person)
_DENIED_AFTER_A_NAME = re.compile(
    # v103: and a list of names before the denial of all (刘敏和周晓峰都不是牵线人, 刘敏、周晓峰均未参与牵线)
    "(?:(?: ?(?:和|与|跟|及|以及|、) ?[\u4e00-\u9fff]{2,4}){1,3} ?(?:都|均|全都|也都|皆))?"
    " ?(?:却|也|根本|其实|实际上)?(?:并|从|从来)?(?:"
    "(?:没有|没|未曾|未|不曾)(?:参与|参加|涉及|介入|经手|出面|在场)过?"
    # v103: or the part asked about itself (未参与牵线, 没有参与引荐)
    "(?:该项目|此事|这件事|其中|此项目|本项目|这个项目|项目|牵线|引荐|介绍|对接)?(?:工作)?"
    "(?=$|[,.;:!?，。；：！？)\\s])"
    "|(?:不是|并非|并不是|不算|非|不曾是)(?:牵线|负责|担任|主导|发起|对接|经办|介绍人|决策|引荐|中间人|联系人)"
    # v106: or the act itself denied (刘敏没有牵线，是周晓峰牵的线; 刘敏并未引荐)
    "|(?:没有|没|未曾|未|不曾)(?:牵线|牵过线|引荐|介绍过|搭线|搭桥|撮合)(?:过)?(?=$|[,.;:!?，。；：！？)\\s])"
    ")"
    "| ?(?:与|和|跟)(?:此事|该项目|这件事|此|这个项目|本项目|项目)?(?:无关|没有关系|没关系|毫无关系|并无关系)"
)


# v96: the same in English, after a point written in Latin letters (a person's name as the scenario writes it: Liu
# Min) - "Liu Min was not involved", "... had nothing to do with it", "... did not take part in the project", "... is
# not the one who introduced them"; not a denial of another part ("was not involved in the negotiations", "is not
# responsible for billing") or of another role ("is not the CEO", "is not the one who signed")
_GENERAL_OBJECT_EN = (
    "(?: (?:in|with|for|of) (?:it|this|that|the (?:project|deal|matter|introduction)|this (?:project|deal|matter)"
    "|any of (?:it|this)))?(?: at all)?(?![a-z])(?! (?:in|with|on|at|for|during|of|to) )"
)
_DENIED_AFTER_A_NAME_EN = re.compile(
    " (?:(?:was|is|has been|were) (?:not|never)|wasn't|isn't|hasn't been|wasn’t|isn’t) (?:at all )?(?:"
    "involved|responsible|in charge|part of (?:it|this|the (?:project|deal))"
    "|(?:the|an|a) (?:one|person) (?:who|that) (?:introduced|made the (?:introduction|connection)|brokered|arranged"
    " the (?:meeting|introduction)|connected)(?: (?:them|the two|both sides|us))?"
    "|(?:the|an|a) (?:introducer|intermediary|go-between|matchmaker|contact(?: person)?)"
    f"){_GENERAL_OBJECT_EN}"
    f"| (?:did not|didn't|didn’t|never) (?:take part|participate|get involved){_GENERAL_OBJECT_EN}"
    # v106: or the introduction itself denied (Liu Min did not make the introduction; Zhou Xiaofeng did)
    "| (?:did not|didn't|didn’t|never) (?:make the (?:introduction|connection)|introduce (?:us|them|the two|both"
    " sides)|broker (?:it|the deal|the introduction)|arrange the (?:meeting|introduction))(?![a-z])"
    f"| (?:had|has) nothing to do with (?:it|this|that|the (?:project|deal|matter|introduction))(?![a-z])"
    f"| (?:played|plays) no (?:part|role){_GENERAL_OBJECT_EN}"
)
# v96: a denial of taking part that a contrast then takes back with the part done - 刘敏没有参与，但她牵了线, "Liu
# Min was not involved in the project, but she made the introduction": the person is the answer after all (not a
# denial of the role, 刘敏不是牵线人，但她…, nor a contrast that names something else she did: 但她认识王志远)
_BUT_THE_PERSON_DID = re.compile(
    " ?[,，;；]? ?(?:但是|但|不过|可是|然而)(?:她|他)(?:还是|确实|却|仍然|仍|也)?(?:亲自)?"
    "(?:牵|介绍|引荐|促成|撮合|搭|推荐|联系|负责|出面|帮)"
    "|[,;]? ?(?<![a-z])(?:but|however|though|yet),? (?:she|he) (?:still |did )?(?:made|make|introduced|introduce"
    "|arranged|arrange|brokered|broker|put|connected|connect|recommended|set up|was the one)(?![a-z])"
)
_TAKING_PART = re.compile("(?:没有|没|未曾|未|不曾)(?:参与|参加|涉及|介入)|involved|take part|participate|part of")
_A_LATIN_NAME = re.compile("[a-z][a-z.'’-]*(?: [a-z][a-z.'’-]*){0,3}")


def denied_after_a_name(answer_norm: str, start: int, end: int) -> str | None:
    """The denial right after the person's name at start:end (刘敏并未参与 -> 并未参与; Liu Min was not involved -> was
    not involved), else None - and None where a contrast in its sentence gives the person the part (但她牵了线)."""
    name = answer_norm[start:end]
    if _A_LATIN_NAME.fullmatch(name):
        denial = _DENIED_AFTER_A_NAME_EN.match(answer_norm, end)
    else:
        denial = _DENIED_AFTER_A_NAME.match(answer_norm, end)
        if denial is not None and not a_persons_name(name):
            return None
    if denial is None:
        return None
    sentence_end = next_start(SENTENCE_END, answer_norm, denial.end())
    if _TAKING_PART.search(denial.group()) and _BUT_THE_PERSON_DID.search(answer_norm, denial.end(), sentence_end):
        return None
    return denial.group()


# v104: a person named only as whose relative or colleague another is, when that other does the part (是刘敏的同事牵
# 的线, 刘敏的丈夫介绍的, 牵线人是刘敏的一位老同事, 由刘敏的助理引荐, 刘敏的老部下周晓峰促成了合作; "Liu Min's colleague
# made the introduction", "It was Liu Min's assistant who ...") - the other is the answer, not the person. Not the
# relation as what another is (周晓峰是刘敏的老部下: the question may ask whose), nor the person's own act
# (刘敏的介绍, 刘敏的引荐促成了合作: no person after 的).
_RELATION = (
    "(?:老|前|原|一位|一名|某位|一个|位|名|个)*(?:同事|助理|秘书|丈夫|妻子|爱人|太太|先生|朋友|好友|同学|下属|部下"
    "|上级|上司|领导|老板|手下|家人|亲戚|父亲|母亲|儿子|女儿|哥哥|姐姐|弟弟|妹妹|学生|老师|导师|熟人|朋友们|同事们"
    "|团队成员|团队|组员|成员|副手|搭档|徒弟|属下|代表|员工|部门)"  # v107: 由刘敏的团队成员张伟负责
)
_HONORIFICS = "(?:女士|先生|小姐|老师|总监|经理|总)"
_HONORIFIC = re.compile(f"{_HONORIFICS}$")
# v108: and one under the person, said with no 的 before it (刘敏手下的王芳牵的线)
_RELATION_AFTER_A_NAME = re.compile(f"{_HONORIFICS}?(?:的{_RELATION}|(?:手下|属下|麾下|部下)的?)")
# the verbs of the part a person plays (牵线, 介绍, "made the introduction"): one list for a relation's act (v104) and
# another person's (v108)
_ACTS_ZH = "牵|介绍|引荐|推荐|促成|联系|对接|撮合|搭桥|搭线|负责|发起|主导"
_ACTS_EN = "made|introduced|connected|brokered|arranged|set up|recommended"
_RELATION_ACTED = re.compile(
    f" ?(?:[\u4e00-\u9fff]{{2,4}}?)? ?(?:也|亲自|一手|主动|最早|最初|当初|就)?(?:{_ACTS_ZH}|带来|帮忙|出面|拉)"
)
_ROLE_BEFORE = re.compile(
    "(?:牵线人|介绍人|引荐人|中间人|联系人|推荐人|负责人|对接人)(?:其实|实际上|则)?(?:是|为|:) ?$|由 ?$"
)
_RELATION_EN = (
    "(?:former |old |close |long-time |longtime )?(?:colleague|co-worker|coworker|assistant|secretary|husband|wife"
    "|spouse|partner|friend|classmate|subordinate|deputy|boss|manager|brother|sister|son|daughter|father|mother"
    "|relative|student|teacher|mentor)s?"
)
_RELATION_ACTED_EN = re.compile(
    f"['’]s {_RELATION_EN},?(?: [a-z]+){{0,2}}?,? (?:{_ACTS_EN}|put|who (?:{_ACTS_EN}|put)"
    # v107: and one who leads or is in charge (Liu Min's deputy, Zhang Wei, leads the project)
    "|(?:who )?(?:leads|led|heads|headed|runs|ran|manages|managed|handles|handled|owns|is in charge|was in charge"
    "|is responsible|was responsible))(?![a-z])"
)


def a_relation_acted(answer_norm: str, start: int, end: int) -> str | None:
    """The relation (的同事牵的线, 's colleague made) that gives the part to another person beside the person's name at
    start:end, else None."""
    name = answer_norm[start:end]
    if _A_LATIN_NAME.fullmatch(name):
        acted = _RELATION_ACTED_EN.match(answer_norm, end)
        return None if acted is None else acted.group()
    relation = _RELATION_AFTER_A_NAME.match(answer_norm, end)
    if relation is None or not a_persons_name(_HONORIFIC.sub("", name)):
        return None
    acted = _RELATION_ACTED.match(answer_norm, relation.end())
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    role = _ROLE_BEFORE.search(answer_norm, max(sentence_start, start - 8), start)
    if acted is None and role is None:
        return None
    return answer_norm[end : acted.end() if acted is not None else relation.end()]


# v108: a person named only as the source of the account, as a bystander or as mistaken for the one who did it, where
# its sentence gives the part to another person (据刘敏说，是王芳牵的线; 刘敏说是王芳牵的线; 刘敏表示，牵线的是
# 王芳; 刘敏只是见证人，真正牵线的是王芳; 刘敏被误认为是牵线人，实际是王芳) - not the person's own account of their
# part (刘敏说是她自己牵的线: no other person's name), nor another's account of theirs (据王芳说，是刘敏牵的线)
_A_SOURCE_BEFORE = re.compile("据 ?$")
_SAID_AFTER = re.compile(
    " ?(?:所说|所述|回忆说|介绍说|回忆|透露|称|说(?![服明])|表示|讲|反映|告诉我们|指出|提到|坦言|证实)"
    "|(?:只是|仅是|仅仅是|不过是|只不过是)(?:一[名位个])?[\u4e00-\u9fff]{0,4}?(?:见证人|旁观者|参与者|陪同|陪同者|知情人"
    "|在场|出席|列席|旁听)"
    "|(?:被|曾被)?(?:误认为|误以为|误传为|误当成|当成|误会为|以为是)"
)
_ANOTHER_ACTOR = re.compile(
    f"(?:是|由) ?(?P<a>[\u4e00-\u9fff]{{2,4}}?)(?:亲自|一手|主动|最早|最初)?(?:{_ACTS_ZH})"
    "|(?:牵线|介绍|引荐|推荐|撮合|搭桥|搭线|负责|促成)(?:的|人)(?:其实|实际上|实际|则)?(?:是|为) ?"
    "(?P<b>[\u4e00-\u9fff]{2,4})"
    "|(?:实际|其实|实则|真正)上?(?:是|为) ?(?P<c>[\u4e00-\u9fff]{2,4})"
)


def _a_name_at_the_start(words: str) -> str | None:
    """The person's name that `words` open with (王芳女士 -> 王芳), else None."""
    return next((words[:n] for n in (4, 3, 2) if len(words) >= n and a_persons_name(words[:n])), None)


# ... and in English (According to Liu Min, Wang Fang made the introduction; Liu Min says Wang Fang made it; Liu Min
# was only a witness; Wang Fang made the introduction) - another person's name by the answer's capitals
_A_SOURCE_BEFORE_EN = re.compile("(?<![a-z])according to $")
_SAID_AFTER_EN = re.compile(
    " (?:says|said|told us|tells us|recalls|recalled|claims|claimed|confirmed|confirms|explained|explains)(?: that)?"
    "| (?:was|is) (?:only|just|merely) (?:a |an |the )?(?:witness|bystander|observer|participant|attendee|guest)"
    "| (?:was|is) (?:mistaken|misidentified|wrongly credited|often credited|mistakenly credited)"
)
_ANOTHER_ACTOR_EN = re.compile(
    f"(?P<other>[a-z][a-z'’-]*(?: [a-z][a-z'’-]*){{0,2}}) (?:{_ACTS_EN}|was the one who)(?![a-z])"
)


def _another_actor_en(answer_norm: str, at: int, end: int, name: str, names: frozenset[str]) -> str | None:
    """Another person, written with capitals, who does the part in answer_norm[at:end] (v108), as the words up to
    the verb; else None."""
    for actor in _ANOTHER_ACTOR_EN.finditer(answer_norm, at, end):
        words = actor.group("other").split()
        while words and words[0] not in names:
            words = words[1:]  # "; wang fang made" -> wang fang; "and it was wang fang who" is not read
        other = " ".join(words)
        if other and other != name and all(word in names for word in words):
            return answer_norm[at : actor.end()]
    return None


def a_source_not_the_actor(answer_norm: str, start: int, end: int, names: frozenset[str] = frozenset()) -> str | None:
    """The words that name the person at start:end only as a source, a bystander or a mistaken one where its
    sentence gives the part to another person (v108); else None. `names`: the answer's capitalised words."""
    if _A_LATIN_NAME.fullmatch(answer_norm[start:end]):
        said_en = _SAID_AFTER_EN.match(answer_norm, end)
        source_en = _A_SOURCE_BEFORE_EN.search(answer_norm, max(0, start - 14), start)
        if (said_en is None and source_en is None) or not names:
            return None
        _, sentence_end = _sentence(answer_norm, start, end)
        at = said_en.end() if said_en is not None else end
        return _another_actor_en(answer_norm, at, sentence_end, answer_norm[start:end], names)
    said = _SAID_AFTER.match(answer_norm, end)
    source = _A_SOURCE_BEFORE.search(answer_norm, max(0, start - 2), start)
    if said is None and source is None:
        return None
    name = answer_norm[start:end]
    if not _a_person(name):
        return None
    _, sentence_end = _sentence(answer_norm, start, end)
    for actor in _ANOTHER_ACTOR.finditer(answer_norm, said.end() if said is not None else end, sentence_end):
        other = _a_name_at_the_start(actor.group("a") or actor.group("b") or actor.group("c"))
        if other is not None and other != name and name not in other:
            return answer_norm[end : actor.end()]
    return None


# v107: a place named only as a neighbour's (总部距苏州50公里, 总部靠近苏州，但不在苏州, 苏州附近的昆山,
# 在苏州以东约80公里的上海, 位于苏州和上海之间, "The HQ is 50 km from Suzhou", "near Suzhou", "east of Suzhou") - the
# place is where it is not. Before the name only where it ends its phrase (靠近苏州火车站 is in Suzhou); 苏州东部
# and 苏州郊区 are in it.
_NEAR_BEFORE = re.compile(
    "(?:距离?|离|靠近|临近|毗邻|邻近|紧邻|接近|挨着|介于)(?:于)? ?$"
    r"|(?<![a-z])(?:near|close to|outside|outside of|not far from|next to|adjacent to"
    r"|(?:north|south|east|west|northeast|northwest|southeast|southwest) of"
    r"|(?:km|kilometres|kilometers|miles|minutes|hours?|an hour)(?: away)? from|away from)(?: the city of)? $"
)
_NEAR_ENDS = re.compile(
    "[,，。;；!?)\\s]|\\.|$|的|约|大约|有|只有|仅|才|[0-9一二三四五六七八九十]|以[东西南北]|附近|周边|不远|一带"
    "|[和与跟](?:[\u4e00-\u9fff]{2,4}?)之间"
)
_NEAR_AFTER = re.compile(
    " ?(?:以[东西南北]|附近|周边|周围|旁边|隔壁|以外|之外|不远|[和与跟及][\u4e00-\u9fff]{2,4}?之间)"
    r"|(?: and [a-z]+(?: [a-z]+)?)? ?(?:area|region)? (?:outskirts|suburbs|vicinity)(?![a-z])"
)
_BETWEEN_BEFORE = re.compile("(?:位于|在|介于)[\u4e00-\u9fff]{2,4}?[和与跟及] ?$")
_BETWEEN_AFTER = re.compile(" ?之间")


def _neighbour_words(answer_norm: str, start: int, end: int) -> str | None:
    """The words around start:end that name it as a neighbour (距…, …附近, 位于…和…之间), whatever it names; else
    None."""
    near = _NEAR_BEFORE.search(answer_norm, max(0, start - 24), start)
    if near is not None and _NEAR_ENDS.match(answer_norm, end):
        return answer_norm[near.start() : end]
    after = _NEAR_AFTER.match(answer_norm, end)
    if after is not None:
        return after.group()
    between = _BETWEEN_BEFORE.search(answer_norm, max(0, start - 12), start)
    if between is not None and _BETWEEN_AFTER.match(answer_norm, end):
        return answer_norm[between.start() : end]
    return None


def only_a_neighbour(answer_norm: str, start: int, end: int) -> str | None:
    """The words that name the place at start:end only as near where the thing is (距苏州50公里, 苏州附近的昆山); else
    None."""
    words = _neighbour_words(answer_norm, start, end)
    if words is None:
        return None
    # a place: asked only after the words matched, as the part-of-speech tagger loads on its first use (~0.3 s a
    # process); a forbidden claim's match ends with one (总部在苏州 in 总部在苏州附近的昆山)
    name = answer_norm[start:end]
    return words if _A_LATIN_NAME.fullmatch(name) or any(a_place(name[-k:]) for k in (4, 3, 2)) else None


def given_as_no_answer(
    answer_norm: str, start: int, end: int, key_point: bool, names: frozenset[str] = frozenset()
) -> tuple[str | None, str | None]:
    """The words before (negation) or after the text point at start:end that give it as no answer - left open, a
    former one, a guess (a `key_point` only: a forbidden claim guessed among others is still heard, v15), taken back,
    disclaimed by a pointer, a person denied the role (v93), a belief corrected - as (negation, after); (None, None)
    where none does. `names`: the answer's capitalised words (`title_words`), for an English guess (v105)."""
    after = left_open(answer_norm, start, end) or a_former_name(answer_norm, start, end)
    if after is None and key_point:
        guessed = guessed_between_two(answer_norm, start, end) or guessed_among(answer_norm, start, end)
        guessed = guessed or (guessed_between_two_en(answer_norm, start, end, names) if names else None)
        if guessed is not None:
            return guessed  # the words before and after it (可能在 … ，也可能在; 或上海)
    after = after or taken_back_name(answer_norm, start, end) or disclaimed_by_a_pointer(answer_norm, end)
    after = after or denied_after_a_name(answer_norm, start, end) or claim_dismissed_after(answer_norm, end)
    after = after or a_relation_acted(answer_norm, start, end) or only_a_neighbour(answer_norm, start, end)
    after = after or a_source_not_the_actor(answer_norm, start, end, names)
    if after is not None:
        return None, after
    return believed_and_corrected(answer_norm, start, end), None


# v100: a place named only as a branch's, where the question asks for the head office (总部在哪座城市？): 苏州只是分行
# 所在地，总部在上海, 总部在上海，苏州只有分行, "Suzhou is only a branch location" - the place is not the answer. Only
# with 只/仅 (苏州设有分行 says nothing of the head office either way) and only where the question asks for a head
# office (for "where are its branches?" 苏州只有分行 names one).
_HEAD_OFFICE_ASKED = re.compile("总部|总行|总公司|(?<![a-z])(?:head ?office|headquarter(?:s|ed)?|hq)(?![a-z])")
_ONLY_A_BRANCH = re.compile(
    " ?(?:只是|仅是|仅为|只为|不过是|只不过是|只有|仅有|只设有?|仅设有?)(?:一?[家个所处])?"
    "(?:分行|支行|分公司|办事处|分支机构|分部|研发中心|营业部|网点|分所|分中心)"
    "|(?: is| has)? (?:only|just|merely) (?:has |hosts |is home to |the location of |the site of )?(?:a |an |one "
    "|the )?(?:branch|branch office|regional office|representative office|sales office|r&d cent(?:er|re)|subsidiary)"
    "(?![a-z])"
)


@lru_cache(maxsize=64)
def head_office_asked(question: str) -> bool:
    """Whether the case's question asks for a head office (总部在哪座城市？, Where is the head office?)."""
    return _HEAD_OFFICE_ASKED.search(normalise(question)) is not None


# v108: ... or another site's place, named in its part of the clause with no head office (研发中心在苏州，总部在
# 上海; 总部在上海，工厂设在苏州; "The R&D centre is in Suzhou"), or a native's (总部负责人是苏州人) - not
# 总部和研发中心都在苏州
_ANOTHER_SITE_BEFORE = re.compile(
    "(?:研发中心|研发基地|工厂|分厂|分部|分公司|子公司|办事处|生产基地|基地|仓库|门店|实验室|数据中心|客服中心|营销中心"
    "|销售中心|分行|支行|营业部|网点|分支机构)(?:则|也|就|只)?(?:设在|设于|位于|建在|落户|落户于|在|设) ?$"
    r"|(?<![a-z])(?:r&d cent(?:er|re)|factory|plant|branch|branch office|warehouse|lab|laboratory|data cent(?:er|re)"
    r"|subsidiary|sales office|regional office)(?: is| are)?(?: located| based| set up)? in $"
)
_NATIVE_AFTER = re.compile("人(?![民口才工气力员流群均次])")


def only_a_branch(answer_norm: str, end: int) -> str | None:
    """The words right after the place that ends at `end` that make it only a branch's place (只是分行所在地) or a
    native's (苏州人, v108); else None."""
    branch = _ONLY_A_BRANCH.match(answer_norm, end) or _NATIVE_AFTER.match(answer_norm, end)
    return None if branch is None else branch.group()


def another_sites_place(answer_norm: str, start: int) -> str | None:
    """The words before the place at `start` that make it another site's, in a part that names no head office
    (研发中心在, v108); else None."""
    part_start = start_of_part(answer_norm, start)
    site = _ANOTHER_SITE_BEFORE.search(answer_norm, max(part_start, start - 24), start)
    if site is None or _HEAD_OFFICE_ASKED.search(answer_norm, part_start, start) is not None:
        return None
    return answer_norm[site.start() : start]


# v103: a claim about the person dismissed later in its clause (刘敏牵线一说并无依据, 刘敏牵线的传言不实, "the claim
# that Liu Min made the introduction is unfounded" - v87 read 没有任何证据表明… before a figure)
_CLAIM_DISMISSED_AFTER = re.compile(
    "[^,，。;；!?！？\n]{0,10}?(?:一说|的说法|之说|的传言|的传闻|的消息|的报道|这一说法|这种说法)"
    "(?:并|也|均|完全|根本)?(?:(?:无|没有|毫无|缺乏|找不到)(?:任何)?(?:事实)?(?:依据|根据|证据|来源)"
    "|不实|不成立|站不住脚|有误|(?:是|属于?)?(?:错误|错)的?|(?:纯属|是|属于?)(?:谣言|误传|讹传|捏造|编造))"
    "|[^.,;!?\n]{0,40}? (?:is|was|are|were) (?:unfounded|baseless|groundless|false|untrue|a rumou?r|unsubstantiated"
    "|not (?:true|supported|substantiated|correct))(?![a-z])"
)


def claim_dismissed_after(answer_norm: str, end: int) -> str | None:
    """The dismissal of the claim the text point at `end` opens (刘敏牵线一说并无依据 -> 牵线一说并无依据), else
    None."""
    dismissed = _CLAIM_DISMISSED_AFTER.match(answer_norm, end)
    return None if dismissed is None else dismissed.group()


# v109: read with the question's act (是谁牵的线？, 谁负责对接？): the act given to another person and the point's
# person named for another part (王芳牵的线，刘敏负责后续对接; 王芳牵的线，刘敏后来才加入; 王芳牵的线（刘敏当时也在
# 场）) - v108 read the part only after a word of saying or a bystander's word. Not where the person is given the act
# too (刘敏和王芳一起牵的线, 王芳牵线，刘敏也牵了线), a negated act (不是王芳牵的线，是刘敏), nor a role given to the
# person (牵线人是刘敏 is the act's).
_ADVERBS_BEFORE_AN_ACT = ("亲自", "一手", "主动", "最早", "最初", "当初", "也", "一起", "共同", "")
_NOT_AN_ACTOR_BEFORE = re.compile("(?:不是|并非|并不是|而非|非|没有|没|未|不)$")
_SHARED_BEFORE = re.compile("(?:和|与|跟|及|、|同)$")
_SHARED_WITH_AFTER = re.compile(f"(?:和|与|跟|及|、)[\u4e00-\u9fff]{{2,4}}?(?:一起|共同|也)?(?:{_ACTS_ZH})")
_ACT_THEN_ACTOR = re.compile(
    f"(?:{_ACTS_ZH})[\u4e00-\u9fff]?(?:的|人)(?:其实|实际上|实际|则)?(?:是|为) ?(?P<name>[\u4e00-\u9fff]{{2,4}})"
)


@lru_cache(maxsize=64)
def acts_asked(question: str) -> frozenset[str]:
    """The acts of the list that a 谁 question asks of (是谁牵的线？ -> {牵}); none where it asks no 谁."""
    text = normalise(question)
    return frozenset(re.findall(_ACTS_ZH, text)) if "谁" in text else frozenset()


def _actors(answer_norm: str, acts: frozenset[str]) -> set[str]:
    """The persons the answer gives one of `acts` to, unnegated (王芳牵的线, 牵线的是王芳)."""
    actors = set()
    for act in acts:
        at = answer_norm.find(act)
        while at >= 0:
            for adverb in _ADVERBS_BEFORE_AN_ACT:
                if not answer_norm.endswith(adverb, 0, at):
                    continue
                name = next(
                    (
                        answer_norm[at - len(adverb) - n : at - len(adverb)]
                        for n in (4, 3, 2)
                        if at - len(adverb) - n >= 0
                        and a_persons_name(answer_norm[at - len(adverb) - n : at - len(adverb)])
                    ),
                    None,
                )
                if name is not None:
                    before = answer_norm[max(0, at - len(adverb) - len(name) - 3) : at - len(adverb) - len(name)]
                    if _SHARED_BEFORE.search(before):
                        return set()  # 是她和王芳一起牵的线: the act is shared with someone the rule cannot name
                    if not _NOT_AN_ACTOR_BEFORE.search(before):
                        actors.add(name)
                    break
            at = answer_norm.find(act, at + 1)
    for m in _ACT_THEN_ACTOR.finditer(answer_norm):
        name = _a_name_at_the_start(m.group("name"))
        if name is not None and any(m.group().startswith(act) for act in acts):
            actors.add(name)
    return actors


def another_did_the_act_asked(answer_norm: str, start: int, end: int, acts: frozenset[str]) -> str | None:
    """The words that give the act the question asks of to another person than the one at start:end, where the
    answer gives it to none by that name (v109); else None."""
    if not acts:
        return None
    name = answer_norm[start:end]
    if not a_persons_name(name):
        return None
    actors = _actors(answer_norm, acts)
    if not actors or any(name == actor or name in actor or actor in name for actor in actors):
        return None
    if _SHARED_WITH_AFTER.match(answer_norm, end):
        return None  # 刘敏和王芳牵的线: both
    return f" … {'、'.join(sorted(actors))} ({'/'.join(sorted(acts))})"
