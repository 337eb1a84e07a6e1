"""v86: a feature or term named only as the one left out of what is offered.

"除私有化部署外，其他部署方式都支持", "支持除私有化部署之外的所有方式", "私有化部署以外的方案均可",
"所有方式均支持，私有化部署除外", "We support every option except on-premise deployment", "All deployment models other
than on-premise deployment are supported", "We offer everything but on-premise deployment" - each names the point as the
one thing the offer leaves out, and v85 credited it (a text point is matched as written; no rule read an exclusion).
`excluded` reads the words of the exclusion around the point and the clause the exclusion belongs to, and takes the
point back only where that clause offers the rest: a word of offering, support or availability (支持, 提供, 可以, 均可,
available, supported, offered, ...) and no negation. So it is kept where

- the rest is denied: "除私有化部署外，其他都不支持", "We support nothing except on-premise deployment" (the point is
  the only one offered);
- the exclusion adds: "除了公有云，我们还支持私有化部署" (除了 ... 还/也 is "besides"), "Apart from cloud, we also offer
  on-premise deployment";
- the clause says something else of the rest: "除私有化部署外，其他方式需额外付费" (no word of offering: the point is
  not denied, it is free);
- the words only look alike: 除非 (unless), 删除/排除/免除 (a verb), 除此之外 (besides this), "except when".

A verb that leaves it out right before it ("The price excludes on-premise deployment", 方案排除了私有化部署) takes it
back too, unless negated ("does not exclude", 不排除).

Only text points (see `scoring._find`): a figure in an exclusion (除首年20万元外，其余每年10万元) is still a figure the
answer gives.
"""

from __future__ import annotations

import re

from .assertion import last_end, next_start

# 除 as "except": not a verb's second character (删除, 排除, 免除, 去除, 消除, 解除, ...), nor 除非 (unless), 除以
# (divided by), 除此 (besides this)
_CHU = re.compile("(?<![删排去移解免消清剔拆革根破废切扣整开])除(?:了|去|开)?(?!非|以|此|外)")
# where a clause ends (or a comma parts it): the exclusion's words and the point stand in one part, and the offer it
# excepts from is read in the clause around them; a 除外 reads its sentence before it
_SENTENCE_END_ZH = re.compile("[。!?;\n:]")
_PART_END_ZH = re.compile("[。!?;\n:,]")
_PART_END_EN = re.compile("[.;!?\n:,]")
_REACH = 30  # characters from the exclusion's word to the point (a short list: 除A和私有化部署外)
# what closes 除's span after the point: 外, 以外, 之外 (除了 may close with the comma alone), after the list's
# other items if any (除私有化部署和混合云外) - not after a noun the point qualifies (除私有化部署的费用外: the fee
# is left out)
_CLOSE_ZH = re.compile(" ?(?:[和及与、][^,。!?;\n:的]{1,15}?)?(?:等)?(?:以外|之外|外)(?:的)?")
_AFTER_ALONE_ZH = re.compile(" ?(?:以外|之外)的")  # 私有化部署以外的方案均可 - no 除
_EXCEPTED_ZH = re.compile(" ?除外")  # 所有方式均支持，私有化部署除外
_EN_BEFORE = re.compile(
    r"(?<![a-z])(?:except(?: for)?|excepting|other than|apart from|aside from|excluding|with the exception of|save for"
    r"|barring|(?:everything|anything|all|every option|any option|all options) but"
    # "minus" and "save" only after a whole: every option minus X, all options save X (not "save costs")
    r"|(?:everything|anything|all|every|any)(?: [a-z-]+){0,2} (?:minus|save))"
    r" (?!(?:when|if|that|where|in case|as|to|by|during|while|after|before|once|because)(?![a-z]))"
)
# what leaves the point out by its verb, right before it: "The price excludes on-premise deployment",
# 方案排除了私有化部署 - not where a negation turns it (does not exclude, 不排除)
_EXCLUDES_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:excludes|excluded|exclude|omits|omitted|leaves out|left out)(?: the| a| an)?"
    r"|(?<![不未没])排除了?) ?$"
)
_NEGATED_VERB = re.compile(r"(?<![a-z])(?:not|never|n't|n’t)(?: [a-z]+)? $")
_EN_AFTER = re.compile(r" ?\(?(?:excluded|excepted)(?![a-z])")
_OFFERED_ZH = re.compile(
    "支持|提供|可以|可选|可用|均可|都可|皆可|都行|都能|均能|适用|包括|包含|开放|允许|具备|具有|有售|可供|能"
)
_OFFERED_EN = re.compile(
    r"(?<![a-z])(?:support(?:s|ed)?|offer(?:s|ed)?|provide(?:s|d)?|available|include(?:s|d)?|allow(?:s|ed)?"
    r"|permit(?:s|ted)?|possible|covered|can|has|have|sell|sells|sold|enable(?:s|d)?)(?![a-z])"
)
_NOT_ZH = re.compile(
    "(?<!无论)(?<!不论)(?<!不管)(?:不(?!论|管|仅|但|错|断|久|同)|没|无(?!论|需|须)|未|非|别无|禁止|拒绝)"
)
_NOT_EN = re.compile(r"(?<![a-z])(?:not|no|none|nothing|never|neither|nor|cannot|without)(?![a-z])|n't|n’t")
_OFFERED_ANY = re.compile(f"{_OFFERED_ZH.pattern}|{_OFFERED_EN.pattern}")
_NOT_ANY = re.compile(f"{_NOT_ZH.pattern}|{_NOT_EN.pattern}")
_BESIDES_ZH = re.compile("还|也|另外|此外|同时|以及|亦|再")
_BESIDES_EN = re.compile(r"(?<![a-z])(?:also|too|as well|additionally|in addition|plus|likewise)(?![a-z])")


def _clause_end(text: str, at: int, part_end: re.Pattern[str]) -> int:
    """Where the clause from `at` ends: at the first part end after it (a comma right at `at`, which only closes the
    exclusion - 除了私有化部署，其他都支持 - skipped)."""
    while at < len(text) and text[at] in ", ":
        at += 1
    return next_start(part_end, text, at)


def _last_in_its_part(
    words: re.Pattern[str], text: str, window: int, start: int, part_end: re.Pattern[str]
) -> re.Match[str] | None:
    """The last match of `words` in text[window:start] with no part end between it and `start`."""
    last = None
    for found in words.finditer(text, window, start):
        if next_start(part_end, text, found.end()) >= start:
            last = found
    return last


def _offers_the_rest(context: str, zh: bool) -> bool:
    """Whether the exclusion's clause offers the rest: a word of offering, and no negation, no "besides" (a Chinese
    exclusion's clause is read in both languages: an English clause may follow it)."""
    offered, negation, besides = (_OFFERED_ANY, _NOT_ANY, _BESIDES_ZH) if zh else (_OFFERED_EN, _NOT_EN, _BESIDES_EN)
    found = offered.search(context) is not None
    return found and negation.search(context) is None and besides.search(context) is None


def excluded(answer_norm: str, start: int, end: int) -> tuple[str | None, str | None]:
    """The words that leave the point at start:end out of what the answer offers, as (before, after) the point (除
    ... 外 gives both; "except" before; 除外, "excluded" after); (None, None) where it is not left out."""
    window = max(0, start - _REACH)
    verb = _EXCLUDES_BEFORE.search(answer_norm, window, start)
    if verb is not None and _NEGATED_VERB.search(answer_norm, max(0, verb.start() - 16), verb.start()) is None:
        return verb.group(), None
    # 除 ... 外: 除私有化部署外，其他都支持; 支持除私有化部署之外的所有方式; 除了私有化部署，其他都支持
    chu = _last_in_its_part(_CHU, answer_norm, window, start, _PART_END_ZH)
    if chu is not None:
        close = _CLOSE_ZH.match(answer_norm, end)
        if close is not None or chu.group().endswith("了") and answer_norm[end : end + 1] in (",", " "):
            span_end = close.end() if close is not None else end
            context = answer_norm[last_end(_PART_END_ZH, answer_norm, chu.start()) : chu.start()]
            context += answer_norm[span_end : _clause_end(answer_norm, span_end, _PART_END_ZH)]
            if _offers_the_rest(context, zh=True):
                return answer_norm[chu.start() : start], answer_norm[end:span_end]
        return None, None
    # 私有化部署以外的方案均可; 所有方式均支持，私有化部署除外
    for shape in (_AFTER_ALONE_ZH, _EXCEPTED_ZH):
        after = shape.match(answer_norm, end)
        if after is None:
            continue
        if shape is _EXCEPTED_ZH:  # the offer is the sentence before: 所有方式均支持，私有化部署除外
            context = answer_norm[last_end(_SENTENCE_END_ZH, answer_norm, start) : start]
        else:
            context = (
                answer_norm[last_end(_PART_END_ZH, answer_norm, start) : start]
                + answer_norm[after.end() : _clause_end(answer_norm, after.end(), _PART_END_ZH)]
            )
        if _offers_the_rest(context, zh=True):
            return None, after.group()
    # except X, other than X, everything but X, X excluded
    before = _last_in_its_part(_EN_BEFORE, answer_norm, window, start, _PART_END_EN)
    if before is not None and before.group().endswith(("minus ", "save ")) and before.end() != start:
        before = None  # "minus" and "save" right before the point only (all customers can save money with X)
    if before is not None:
        context = answer_norm[last_end(_PART_END_EN, answer_norm, before.start()) : before.start()]
        context += answer_norm[end : _clause_end(answer_norm, end, _PART_END_EN)]
        if before.group().split()[0] in ("everything", "anything", "all", "every", "any"):
            context += " " + before.group()  # the rest is the word before "but"
        if _offers_the_rest(context, zh=False):
            return answer_norm[before.start() : start], None
        return None, None
    after = _EN_AFTER.match(answer_norm, end)
    if after is not None and (after.end() == len(answer_norm) or answer_norm[after.end()] in "),.;!?\n"):
        return None, after.group()
    return None, None
