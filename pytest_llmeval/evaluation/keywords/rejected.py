"""v44: a figure or claim reported as a claim (a statement, view, conclusion, estimate, rumour) and rejected by a
verdict later in its sentence is not stated: 毛利率20%的说法并不成立, “毛利率为20%”这一结论是错误的, 关于毛利率达到20%的
判断站不住脚, 毛利率为20%这一说法，经过核对，不成立; "The claim that the margin is 20% does not hold", "The idea that
margin is 20% is a myth", "Margin is 20% - that's wrong". v15/v16/v34 read a few such verdicts (的说法有误, 这是错的,
the 20% figure is wrong) right after the figure only; a reported claim names itself first and leaves its verdict for
the end of the sentence, a clause or two later.

The verdict is the first one on the claim in its sentence, before the sentence names another claim: a positive one
(成立, 是对的, holds, is correct) leaves the figure stated (毛利率为20%的说法成立，但净利率10%的说法不成立 states 20%),
and so does a rejection negated (并非不成立, 不能说…不成立, "is not false"): `double_denial` lets the scorer drop a
negation before the figure that such a rejection cancels (不能说毛利率为20%的说法不成立 states it)."""

from __future__ import annotations

import re

from .assertion import SENTENCE_END, last_end
from .normalisation import CHECK, CROSS

_REACH = 60  # characters from the claim's noun to its verdict: a clause or two

# v46: a claim judged over-optimistic, over-cautious or out of reach is not what the writer says will
# be (毛利率20%的预测过于乐观, 过于保守 - the writer expects more -, 偏乐观, 难以实现); 较为保守, 略显保守
# describe a figure the writer still stands behind (a floor), as 比较合理 does
_JUDGED_ZH = (
    "(?:过于|过分|太过|太|未免)(?:乐观|保守|激进|悲观)|(?:偏于?|有些|有点|略显|略微|稍显)(?:乐观|激进)"
    "|(?:难以|无法|很难|不太可能|不大可能)(?:实现|达到|达成|企及|兑现)|遥不可及|不可能实现"
)
_NOUNS_ZH = (
    "说法|观点|看法|结论|判断|论断|断言|假设|假定|估计|估算|预估|预计|预测|预期|推测|推断|猜测|传言|传闻|报道|消息|提法"
    "|表述|认识|数字|数据|目标|指引|设想|期望|测算"  # v106: 测算 (20个月回本的测算有误)
)
# the noun right after the figure (的说法, 这一结论, ”这一观点, 这个看法)
# v46: a relative clause about the claim's spreading between 这一 and its noun (这一被多家机构反复引用的
# 说法, 这个在业内广为流传的观点) - not one that is a claim of its own (这一水平过高的说法: the claim is that
# the level is too high)
_APPOSITIVE_ZH = (
    "[^,;:。!?|]{0,16}?(?:引用|流传|提及|转载|传播|宣称|声称|认为|相信|深信|报道|提出|重复|援引|采用|认可|接受|宣传|鼓吹|传)"
    "[^,;:。!?|]{0,8}?的"
)
_CLAIM_AFTER_ZH = re.compile(
    "[”’」』\"']? ?(?:, ?(?:但是?|不过|然而|而)? ?(?:这一|这个|这种|该|此)(?:" + _APPOSITIVE_ZH + ")?"
    "|的(?:[\u4e00-\u9fff]{1,4}?)??(?=(?:" + _NOUNS_ZH + "))"  # v46: 20%的增长目标 - a short name before the noun
    # v91: and the figure's own verb before the 的 (20个月回本的说法, 1997年成立的说法) - no negation in it
    "|(?:[\u4e00-\u9fff](?<![不没未无非的是])){1,4}的(?=(?:说法|观点|看法|结论|判断|论断|断言|传言|传闻|报道|消息|提法|表述"
    # v106: and an estimate's or an assumption's noun (20个月回本的假设站不住脚, 20个月回本的估计偏乐观)
    "|假设|假定|估计|估算|预估|预测|预期|推测|设想|测算))"
    "|之|(?:这一|这个|这种|该|此)(?:" + _APPOSITIVE_ZH + ")?|这样的|一)? ?"
    f"(?:{_NOUNS_ZH})"
    "(?!师|员|者|人|机|库|中心|下|中|之下|基础上|前提下)"  # not 的假设下 (a condition), 数据库
)
# another claim, a doubt or a charge named later in the sentence (质疑, 批评): the verdict after it is on that one;
# not the claim pointed back at (这一说法), nor 数据 / 数字 but another's (核对财报数据，不成立; 同行的数据有误)
_ANOTHER_CLAIM_ZH = re.compile(
    f";|的(?:数据|数字)|(?<!这一|这个|这种)(?:{_NOUNS_ZH}|质疑|指责|批评|担忧|怀疑)(?<!数字|数据)"
)
_VERDICT_ZH = re.compile(
    # v58: a figure no longer valid (该数据已不再适用, 已过期)
    "(?P<no>不再(?:适用|成立|有效|准确|可靠|具有参考(?:价值|意义)|有参考(?:价值|意义))|已?过期|(?:不能|无法|难以)成立|不(?:太|够)?(?:成立|准确|正确|属实|可信|靠谱|合理|对(?![称比外劲手象应照]))"
    "|站不住(?:脚)?|立不住|经不起推敲|不攻自破|不实|失实|错误(?!率|码|信息|日志|类型|数据|之处)|是错的|错了|有误|有错|谬误"
    "|不符合(?:事实|实际(?:情况)?|实情)|与(?:事实|实际(?:情况)?)(?:不符|相悖)|不现实|不切实际|(?:存在|有)(?:明显|较大|很大)?偏差"
    "|(?:没有|没|毫无|缺乏|并无|无)(?:任何)?(?:事实)?(?:根据|依据|证据|数据支撑|数据支持)"
    "|被(?:推翻|证伪|否定|驳斥|否认|辟谣|澄清|证明(?:是|为)?(?:错误|不实|错的)|打破)|(?:是|纯属|属于)谣言|是假的|过时|作废|失效"
    f"|{_JUDGED_ZH}|过高|过低|偏高|偏低|太高|太低|高估了?|低估了?"
    # v107: a myth or a wish (20个月回本的说法是个常见的误解, 是一个误区, 纯属画饼)
    "|(?:是|纯属|属于)?(?:一个|一种|个)?(?:常见|普遍|典型)?的?(?:误解|误区|迷思)|画饼|空头支票|一厢情愿)"
    "|(?P<yes>成立|正确|是对的|属实|准确|(?:得到|获得|已被|被)(?:了)?(?:证实|确认|验证|印证)|已?证实|符合(?:事实|实际)|可信"
    "|可靠|靠谱|合理|没有?问题|站得住(?:脚)?)"
)
# what may stand between a claim's noun (or the start of a later clause) and its verdict: adverbs, a copula, a
# conjunction, a check - so that the verdict is the claim's predicate, not a word of another phrase (纠正了之前报告中的
# 错误, 修正了此前错误的估计, 不受汇率错误影响, 排除了统计错误后依然成立 state the figure)
_BEFORE_A_VERDICT_ZH = re.compile(
    "(?:但是?|不过|然而|可是|却|而|其实|实际上|事实上|显然|明显|恐怕|可能|本身|根本|完全|纯粹|也|都|均|则|就|并|是|已经?|早已|这|此|这一点"
    "|严重|大大|显著|明显地"  # v107: 20个月的估计严重低估了建设期
    "|后来|最终|最后|如今|现在|目前"
    "|经(?:过)?(?:核实|核查|查证|调查|验证|审计|复核)(?:后)?|(?:后来|最终|最后)?(?:被)?(?:证明|发现|证实)(?:是|为)?|显得)*"
)
_CLAUSE_START = re.compile("[,;:] ?")
# a rejection negated right before it (并非不成立, 不能说不成立, 不是错误的)
_NEGATED_VERDICT_ZH = re.compile(
    "(?:不能说|不能认为|不能讲|很难说|难说|谈不上|不见得|未必|并非|并不是|不是|非|不|没有|没|并无|无)(?:是|就|完全|任何)?$"
)

_NOUNS_EN = (
    "claims?|statements?|views?|ideas?|notions?|assumptions?|beliefs?|suggestions?|estimates?|figures?|reports?"
    "|assertions?|premises?|conclusions?|predictions?|forecasts?|projections?|rumou?rs?|contention|perception"
    "|narrative|theory|hypothesis|impression|expectations?|targets?|goals?|guidance|assumption|plans?"
)
# the noun before the figure in its sentence (the claim that the margin is 20%, the idea of a 20% margin)
# v46: an appositive may stand between the noun and its "that" (The claim, repeated by analysts for years, that ...;
# the claim - widely repeated - that ...; the claim (made in May) that ...)
_CLAIM_BEFORE_EN = re.compile(
    f"(?<![a-z])(?:{_NOUNS_EN})(?:, [^,;:.!?]{{1,60}},| [-—–] [^;:.!?]{{1,60}} [-—–]| \\([^)]{{1,60}}\\))?"
    "(?: (?:that|of|about))(?![a-z])"
)
# ... or right after it (the 20% figure, the 20% margin estimate)
_CLAIM_AFTER_EN = re.compile(f"(?: (?!and |but |or |while |so |with |as )[a-z]+)? (?:{_NOUNS_EN})(?![a-z])")
# another claim named, or a semicolon: the verdict after it is on something else
_ANOTHER_CLAIM_EN = re.compile(f";|(?<![a-z])(?:the|this|that|their|its|our|a|an) (?:[a-z]+ )?(?:{_NOUNS_EN})(?![a-z])")
# v46: a claim judged over-optimistic or out of reach (The 20% margin forecast is too optimistic / seems unrealistic)
_JUDGED_EN = (
    r"(?:too|overly|far too|much too|wildly|excessively) (?:optimistic|aggressive|ambitious|bullish|rosy|pessimistic"
    r"|conservative|bearish|cautious)|(?:a bit|a little|somewhat|rather|slightly|very) (?:optimistic|aggressive"
    r"|ambitious|bullish|rosy)|over-?optimistic|over-?ambitious"
    r"|unrealistic|not realistic|unachievable|not achievable|out of reach|wishful thinking|a pipe dream"
    r"|a stretch(?= ?[.,;!?)]|$)"
    # v107: and a figure made up or dressed up (The 20-month figure is padded / cherry-picked / made up)
    r"|(?:heavily |grossly |wildly )?(?:padded|cherry-picked|inflated|exaggerated|overstated|overblown|made up"
    r"|invented|fabricated|pulled out of thin air)(?= ?[.,;!?)]|$)"
)
_SEEMS = r"(?:seems|looks|appears|sounds|may be|might be|could be|is probably|is likely|seems to be|appears to be)"
_BE = r"(?:is|was|are|were|'s|’s)(?: (?:simply|completely|entirely|clearly|just|also|therefore|thus|now|plainly))?"
_VERDICT_EN = re.compile(
    # a rejection negated: is not false, isn't wrong
    rf"(?<![a-z])(?P<yes2>(?:{_BE} not|isn't|wasn't|aren't|weren't|isn’t) (?:false|wrong|incorrect|unfounded|a myth"
    r"|mistaken|baseless|groundless|inaccurate|untrue)(?![a-z]))"
    rf"|(?<![a-z])(?P<no>{_BE} (?:false|wrong|incorrect|inaccurate|untrue|mistaken|unfounded|baseless|groundless"
    r"|unsupported|outdated|misleading|bogus|nonsense|fiction|unrealistic|not realistic"
    r"|obsolete|out of date|out-of-date|stale|superseded|void|invalid|no longer (?:valid|accurate|current|true"
    r"|relevant|the case|applicable|correct)"  # v58: a figure no longer valid
    r"|a (?:myth|misconception|fallacy|rumou?r|fiction)"
    r"|not (?:true|correct|accurate|right|the case|supported|borne out|valid))"
    r"|(?:does not|doesn't|doesn’t|did not|didn't|cannot|can't|won't|will not) (?:hold|stand up|survive|add up"
    r"|check out|bear scrutiny)"
    r"|(?:(?:and|but|which) )?(?:no longer|not any longer|not anymore) (?:holds?|applies|apply|stands|stand)"  # v58
    r"|(?:has|have) been superseded"
    r"|(?:has|have|had) been (?:refuted|debunked|disproven|disproved|discredited|rejected|contradicted|overturned"
    r"|falsified|ruled out)"
    rf"|{_BE} (?:refuted|debunked|disproven|disproved|discredited|contradicted|overturned|falsified)"
    r"|(?:turned out|turns out|proved|proves|has proven|was proven) to be (?:wrong|false|incorrect|unfounded|mistaken)"
    r"|falls apart|lacks? (?:any )?(?:evidence|support|basis)"
    rf"|(?:{_BE}|{_SEEMS}) (?:{_JUDGED_EN}|too (?:high|low)|overstated|understated|inflated|overestimated"
    r"|underestimated|exaggerated))(?![a-z])"
    rf"|(?<![a-z])(?P<yes>holds|stands|{_BE} (?:correct|true|right|accurate|confirmed|valid|well[- ]founded|supported"
    r"|borne out)|(?:has|have) been (?:confirmed|verified|validated)|checks out)(?![a-z])"
)
# v16's verdict that points back at the figure, with "that's" and after the sentence (Margin is 20% - that's wrong.
# Margin is 20%. That is wrong.; 毛利率是20%。这是错的。)
_POINTED_BACK = re.compile(
    r"(?:[,;:.]| -| —| –)? (?:that|this|it|which)(?:'s|’s| is| was)(?: (?:simply|completely|just|plainly))?"
    r" (?:wrong|incorrect|inaccurate|false|untrue|not (?:true|correct|right|accurate)|a myth)(?=[.,;!)]|$)"
    # v58: Approval takes 5分钟 - this no longer holds; ..., but that figure is outdated
    r"|(?:[,;:.]| -| —| –)? (?:but )?(?:that|this|it|which)(?: (?:figure|number|data|estimate|value))?"
    r" (?:no longer (?:holds|applies|stands|is (?:valid|accurate|current|true|the case))|is (?:outdated|obsolete"
    r"|out of date|no longer (?:valid|accurate|current|true|the case)))(?=[.,;!)]|$)"
    # v87: and after a question mark (回本周期为20个月？这个说法站不住脚。), in more words (经不起推敲, 没有依据)
    "|[。?!] ?(?:这|此|那)(?:个|种|一)?(?:说法|数字|结论)?(?:是|并|完全|根本|纯属)*"
    "(?:错误|错|不对|不准确|不正确|有误|不实|不成立|站不住脚|经不起推敲|不靠谱|(?:没有|缺乏|毫无)(?:任何)?(?:根据|依据))"
    "(?:的|了)?(?=[。!;,]|$)"
)


def _sentence_end(answer_norm: str, pos: int) -> int:
    after = SENTENCE_END.search(answer_norm, pos)
    return after.start() if after else len(answer_norm)


def _first_verdict(answer_norm: str, start: int, end: int, zh: bool) -> re.Match[str] | None:
    """The first verdict in answer_norm[start:end], cut where another claim is named."""
    another = (_ANOTHER_CLAIM_ZH if zh else _ANOTHER_CLAIM_EN).search(answer_norm, start, end)
    return (_VERDICT_ZH if zh else _VERDICT_EN).search(answer_norm, start, another.start() if another else end)


def _rejection(answer_norm: str, noun_end: int, zh: bool, named: bool = True) -> str | None:
    """The rejection that is the first verdict after a claim's noun ending at noun_end, in its sentence; else None.
    `named`: the claim is named by its noun, and (in Chinese) only adverbs may stand between it and its verdict; a
    so-called figure (v87) lets its own words stand there (所谓的20个月回本周期并不成立)."""
    end = min(_sentence_end(answer_norm, noun_end), noun_end + _REACH)
    verdict = _first_verdict(answer_norm, noun_end, end, zh)
    if verdict is None or verdict.group("no") is None:
        return None
    if zh and _NEGATED_VERDICT_ZH.search(answer_norm[max(noun_end, verdict.start() - 5) : verdict.start()]):
        return None  # 并非不成立, 不能说不成立
    if zh and named:
        between = answer_norm[noun_end : verdict.start()]
        clause = between[max((m.end() for m in _CLAUSE_START.finditer(between)), default=0) :]
        if not _BEFORE_A_VERDICT_ZH.fullmatch(clause.strip()):
            return None  # a word of another phrase: 纠正了之前报告中的错误, 错误的估计
    return answer_norm[noun_end : verdict.end()]


# v46: a figure judged over-optimistic with no claim's noun (ROI为20%过于乐观, 毛利率能达到20%太乐观了, "A 20% margin
# is too optimistic", "Expecting a 20% margin is unrealistic"): only a forecast can be optimistic, so the figure is the
# forecast judged; "too high" needs a claim's noun (The current 20% margin is too high to sustain states it)
# v87: and a figure dismissed as a whole, with its verb between (20个月回本纯属无稽之谈, 20个月回本是天方夜谭 /
# 做不到的 / 不切实际的, 说20个月回本，那是痴人说梦, 20个月回本，根本不靠谱; "A 20-month payback is pure fantasy",
# "Payback in 20 months is not going to happen", "The 20-month payback doesn't stand up to scrutiny") - the verb has no
# negation (20个月不回本 is another claim), and the verdict ends its part
_DISMISSED_ZH = (
    "无稽之谈|天方夜谭|痴人说梦|异想天开|白日做梦|想多了|不靠谱|经不起推敲|站不住脚|不成立|做不到|办不到|不可能(?:的事)?"
    "|不会发生|不会实现"
    # v107: hard to reach, inflated, made up (20个月恐怕很难, 20个月的数字有水分, 这个数字水分很大,
    # 20个月是拍脑袋拍出来的)
    "|很难(?:做到|实现|达到|达成)?|水分(?:很|太|较|非常|相当)?大|水分不小|有(?:很多|不少|很大的)?水分|注水了?"
    "|拍脑袋(?:拍|想|定|估|算)?(?:出来)?"
    # v107: a joke, nonsense, a con (20个月回本简直是笑话, 纯属胡扯, 那是忽悠人的, 是骗人的)
    "|笑话|胡扯|瞎扯|扯淡|胡说八道|忽悠人?|骗人|骗局"
)
_JUDGED_BARE_ZH = re.compile(
    "(?:的(?:目标|预期|想法|设想)?)?(?:[\u4e00-\u9fff](?<![不没未无非的是]))?(?:[\u4e00-\u9fff](?<![不没未无非是])){0,3}"
    " ?(?:, ?)?(?:(?:这|此|那)(?:个|种|一|样的?)?(?:说法|数字|结论|目标|预测|估计|想法)?)?"
    "(?:(?:是|就|显然|明显|恐怕|可能|似乎|实在|确实|未免|都|纯属|根本|完全|简直|无异于)"
    rf")*(?:{_JUDGED_ZH}|不切实际|不现实|{_DISMISSED_ZH})(?:了|的事情?|的)?(?=[。!?;,\n]|\.(?=\s|$)|$)"
)
_DISMISSED_EN = (
    r"(?:pure |a |sheer )?(?:fantasy|fiction|fairy tale|fairytale)|a non-starter|(?:not|never) going to happen"
    # v107: a joke, a con, nonsense (20 months is a joke; the 20-month figure is hogwash) - not "no joke"
    r"|(?:a |an |pure |total |complete |sheer |a bad |a sick )(?:joke|farce|lie|scam|con)|hogwash|baloney|rubbish"
    r"|garbage|nonsense"
    r"|not happening|impossible"
)
_JUDGED_BARE_EN = re.compile(
    # v107: and after an appositive's comma (Payback, at 20 months, is too optimistic)
    rf"(?: [a-z]+){{0,2}}(?:,? (?:which|that|this))?,? (?:(?:{_BE}|{_SEEMS}) (?:{_JUDGED_EN}|{_DISMISSED_EN})"
    r"|(?:won't|won’t|will not|will never|can't|cannot|can’t) (?:happen|be done|be achieved)"
    r"|(?:doesn't|does not|doesn’t|won't|will not) (?:hold up|stand up(?: to scrutiny)?|add up))(?![a-z])(?! to )"
)
# v46: a verdict in the next cell of the row whose first cell is the claim (| 毛利率20% | 错误 |,
# | margin 20% | false |, | 毛利率20% | ❌ |), a verdict tagged after it (Fact check: margin 20% - FALSE,
# 毛利率20%（错误）, margin is 20% ✗; v65: and ❌ / ❎ as ✗ - 私有化部署：❌ was credited where 私有化部署：✗ was
# negated) and a myth's label before it (Myth: margin is 20%, 误区一：毛利率能达到
# 20%, 常见误解：…) - not a fact's (Fact:, 真相：), nor one of a list that dispels myths (破除误区：)
_VERDICT_WORDS = (
    "错误|错|不成立|不正确|不准确|不实|失实|谣言|误区|误解|假|伪|否|false|wrong|incorrect|inaccurate|untrue|myth|busted"
    f"|debunked|not true|no|{CROSS}"
)
_CELL_VERDICT = re.compile(
    f"[^|。!?]{{0,12}}? ?\\| ?(?:\\*\\*)?(?:{_VERDICT_WORDS})(?![a-z\u4e00-\u9fff])(?:\\*\\*)?"
    "(?= ?(?:\\||[,;:(。—-]|$| [a-z\u4e00-\u9fff]))"
)
_TAGGED_AFTER = re.compile(
    "(?: ?[-—–:] ?| ?[(（] ?| )(?:\\*\\*)?"
    f"(?:false|wrong|incorrect|untrue|a myth|myth|busted|debunked|错误|不实|谣言|误区|伪命题|{CROSS})"
    "(?![a-z\u4e00-\u9fff])(?:\\*\\*)? ?[)）]?(?=[.,;!。;]| ?$| \\|| [-*•] )"
)
# v66: and a verdict mark after the point's colon or dash whatever its line says after it (私有化部署：❌ 需另购,
# 回收期20个月：❌ 实际为24个月, Private deployment (私有化部署): ❌ enterprise only) - v65 read it only where the
# line ended; not one that a tick soon follows in its item (私有化部署：❌ → ✅); v71: × too where it is a verdict mark
# (`normalisation.one_mark_each`: not where it multiplies)
_MARKED_AFTER = re.compile(f"(?: ?\\))? ?[-—–:] ?(?:\\*\\*)?{CROSS}(?:\\*\\*)?(?![^•|:;。]{{0,8}}{CHECK})")
# v72 review: and a label that calls what follows wrong or not to be said (错误：回收期20个月 beside 正确：回收期24个月,
# 不要说：…, "Wrong: payback in 20 months", "Don't say: ...") - covered and charged under v71
_MYTH_LABEL = re.compile(
    "(?<![a-z])(?:(?:common |popular )?(?:myth|misconception|misbelief|fallacy|false claim|fiction|rumou?r)s?"
    "|(?:wrong|incorrect|false|untrue)(?: answers?| values?| figures?| claims?| statements?| examples?| versions?)?"
    "|bad examples?|don'?t say|do not say|never say|don'?t claim|do not claim"
    "|(?:常见)?(?:误区|误解|谣言|流言|错误说法|错误观点|错误认知|不实说法|伪命题|错误示范|错误示例|反例)"
    "|(?<![\u4e00-\u9fff])(?:常见)?(?:错误|错|不正确|不对)(?:的)?(?:答案|回答|说法|观点|数据|数字|数值|示例|写法|版本)?"
    "|(?<![\u4e00-\u9fff])(?:不要说|别说|不能说|切勿说))"
    "(?: ?#?[0-9]+| ?[一二三四五六七八九十]+)?(?:\\*\\*)? ?[:] ?(?:\\*\\*)?[^:。!?;|]{0,100}$"
)


# v87: and a cross right after it beside another value ticked (总部：苏州 ❌ 上海 ✅, 回收期：20个月 ✗ 24个月 ✓) - not
# its own mark changed (私有化部署：❌ → ✅: v66)
_CROSSED_BESIDE_A_TICK = re.compile(f" ?{CROSS}(?= ?[^\\s→>|:;。-][^→>|:;。]{{0,16}}? ?{CHECK})")


def _judged_or_tagged(answer_norm: str, start: int, end: int) -> str | None:
    """A judgement, cell verdict, tag or myth's label that rejects the figure at start:end without a claim's noun."""
    for after in (_JUDGED_BARE_ZH, _JUDGED_BARE_EN, _TAGGED_AFTER, _MARKED_AFTER, _CROSSED_BESIDE_A_TICK):
        found = after.match(answer_norm, end)
        if found is not None:
            return found.group()
    cell = _CELL_VERDICT.match(answer_norm, end)
    if cell is not None and _first_cell(answer_norm, start):
        return cell.group()
    myth = _MYTH_LABEL.search(answer_norm, max(0, start - 140), start)
    if myth is not None and _DISPELLED.search(answer_norm, max(0, myth.start() - 12), myth.start()):
        myth = None  # 破除误区：…, Busting the myth: … - the truth follows the label
    if myth is not None and not _CELL_OR_SENTENCE_END.search(myth.group()):
        return " (" + myth.group().split(":")[0] + ")"
    return None


_DISPELLED = re.compile("(?:破除|澄清|纠正|走出|打破|避免|消除|辟谣|bust|debunk|dispel|correct)[a-z]*(?: the| a)? ?$")
_CELL_OR_SENTENCE_END = re.compile(r"[|。!?]|\.(?=\s)")


def _first_cell(answer_norm: str, start: int) -> bool:
    """The figure at start stands in the first cell of a table row: a cell border before it that opens its row (the
    start of the text, another border or (v67) a sentence's end before it, as the normalised answer joins rows and
    lines: | a | b | | c | d |)."""
    border = answer_norm.rfind("|", 0, start)
    before = answer_norm[max(0, border - 3) : border].rstrip(" ")
    # v67: or a sentence's end (We recommend SaaS. | on-premises | ✗ |: the table after a line of prose)
    if border >= 0 and (before.endswith(("|", ".", "。", "!", "?", ":", ";")) or (border <= 3 and not before)):
        return True
    # v68: or a heading's line (## 结论 | 私有化部署 | ✗ |: a Markdown heading, then the table)
    return border >= 0 and _A_HEADING_BEFORE.search(answer_norm, max(0, border - 60), border) is not None


_A_HEADING_BEFORE = re.compile(r"(?:^|(?<=[^|#] ))#{1,6} [^|#.。!?]{1,40} ?$")


# v58: the figure pointed back at later in its sentence as no longer valid (Approval took 5分钟 in the pilot, but that
# figure no longer holds) - no other figure between
# - no other figure between, a year aside (5分钟是2022年试点的数据，该数据已不再适用)
_NO_FIGURE = r"(?:[^0-9。!?]|(?<![0-9])(?:19|20)[0-9]{2}(?![0-9]))"
_NO_LONGER_LATER = re.compile(
    rf"{_NO_FIGURE}{{0,60}}?[,;] (?:but |and )?(?:that|this|the|which)(?: (?:figure|number|data|estimate|value))?"
    r" (?:no longer (?:holds|applies|stands|is (?:valid|accurate|current|true|the case))|is (?:outdated|obsolete"
    r"|out of date|no longer (?:valid|accurate|current|true|the case)))(?![a-z])(?! to )"
    rf"|{_NO_FIGURE}{{0,40}}?[,;] ?(?:但|不过)?(?:该|这一|这个|此|这)(?:数据|数字|数值|指标|结果|说法)?"
    "(?:目前|现在|如今)?(?:已经?|早已)?(?:不再(?:适用|成立|有效|准确)|过时|过期|失效|作废)"
)


# v87: a figure called "so-called" is a claim too, its verdict later in its sentence (所谓的20个月回本周期并不成立,
# "The so-called 20-month payback is a myth")
_SO_CALLED = re.compile(
    '(?P<zh>所谓的?|号称的?) ?["“]?$|(?<![a-z])(?:the )?(?:so-called|supposed|alleged|purported) ["“]?$'
)


def _so_called_and_rejected(answer_norm: str, start: int, end: int) -> str | None:
    so_called = _SO_CALLED.search(answer_norm, max(0, start - 16), start)
    if so_called is None:
        return None
    return _rejection(answer_norm, end, zh=so_called.group("zh") is not None, named=False)


# v87: a sentence that says the figure's clause and calls saying it wrong or a fantasy (说20个月回本，那是天方夜谭;
# 认为ROI能达到20%，那是痴人说梦; "To say that payback is 20 months is pure fantasy", "Claiming a 20% ROI is wrong")
_SAYING_OPENS = re.compile(
    "(?:[-*•+] )?(?:要说|说|认为|以为|觉得|指望|期望|相信)"
    "|(?:[-*•+] )?(?<![a-z])(?:to (?:say|claim|suggest|think|believe|expect|assume)|saying|claiming|suggesting|thinking"
    "|believing|expecting|assuming)(?: that)?(?![a-z])"
)
_SAYING_DISMISSED = re.compile(
    " ?, ?(?:那|这)(?:(?:是|纯属|简直是|简直|完全是|根本是|无异于))*"
    f"(?:{_DISMISSED_ZH}|错误的|错的|不对的|不现实的|不切实际的)"
    "(?:了|的)?$"
    rf"| (?:{_BE}|would be|will be) (?:{_DISMISSED_EN}|{_JUDGED_EN}|wrong|false|incorrect|nonsense|a myth|a mistake"
    r"|misleading|absurd|ridiculous)$"
)


def _said_and_dismissed(answer_norm: str, start: int) -> str | None:
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    opener = _SAYING_OPENS.match(
        answer_norm, sentence_start + (answer_norm[sentence_start : sentence_start + 1] == " ")
    )
    if opener is None:
        return None
    sentence_end = _sentence_end(answer_norm, start)
    verdict = _SAYING_DISMISSED.search(answer_norm, max(start, sentence_end - 40), sentence_end)
    return None if verdict is None else verdict.group()


def rejected_claim(answer_norm: str, start: int, end: int) -> str | None:
    """The verdict that rejects the point at start:end as a claim (its noun before or after it, the verdict later in
    its sentence: 的说法并不成立, "... does not hold"; or "- that's wrong" after it; v46: a judgement, a verdict's
    cell, tag or a myth's label), shown after the point; else None."""
    pointed = _POINTED_BACK.match(answer_norm, end) or _NO_LONGER_LATER.match(answer_norm, end)
    if pointed is not None:
        return pointed.group()
    judged = (
        _judged_or_tagged(answer_norm, start, end)
        or _so_called_and_rejected(answer_norm, start, end)
        or _said_and_dismissed(answer_norm, start)
    )
    if judged is not None:
        return judged
    noun = _CLAIM_AFTER_ZH.match(answer_norm, end)
    if noun is not None:
        rejection = _rejection(answer_norm, noun.end(), zh=True)
        if rejection is not None:
            return answer_norm[end : noun.end()] + rejection
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    before = None
    for m in _CLAIM_BEFORE_EN.finditer(answer_norm, max(sentence_start, start - 2 * _REACH), start):  # v46: appositive
        before = m
    if before is not None and re.search("[,;:]", answer_norm[before.end() : start]):
        before = None  # the noun of another clause
    noun_en = _CLAIM_AFTER_EN.match(answer_norm, end)
    if before is not None or noun_en is not None:
        at = noun_en.end() if noun_en is not None else end
        rejection = _rejection(answer_norm, at, zh=False)
        if rejection is not None:
            return answer_norm[end:at] + rejection
    return None


# v106: a verdict in the next sentence on what the figure's sentence said, named by a pointer back (引用：“回本周期20
# 个月”。这一数据已过时。; > 回本周期20个月 / 以上说法有误，应为26个月。; "Payback is 20 months. This figure is
# outdated.") - v105 read a pointer in the figure's own sentence only (20个月，这是错误的: v16). The figure's sentence
# must end soon after it (no other figure between), and the verdict must open the next one.
_POINTER_VERDICT = re.compile(
    " ?(?:[>*#-] ?)*(?:以上|上述|这一|这个|该|此|这些|前述)"
    "(?:说法|数据|数字|信息|内容|表述|结论|引用|估计|引文|描述|判断)(?:已经?|均已?|都已?|也|并|是|早已)?"
    "(?:过时|作废|失效|有误|错误|不准确|不正确|不成立|不实|不对|是错误的|是错的|已不再适用)"
    r"|(?: ?[>*#-])* ?(?:this|that|the above|these|those) (?:figures?|claims?|statements?|numbers?|data|estimates?"
    r"|information|quotes?)(?: (?:is|are|was|were))? (?:now )?(?:outdated|wrong|incorrect|inaccurate|false|obsolete"
    r"|out of date|no longer (?:valid|accurate|current))(?![a-z])"
)
_NO_FIGURE_BEFORE_THE_END = re.compile(r"[^0-9。!?\n]{0,12}(?:[。!?\n]|\.(?=\s|$))")
# ... or, for a pointer at all the sentence said (以上, 上述, 这些, the above, these), other figures before its end
_THE_REST_OF_THE_SENTENCE = re.compile(r"[^。!?\n]{0,80}?(?:[。!?\n]|\.(?=\s|$))")
_A_COLLECTIVE_POINTER = re.compile(" ?(?:[>*#-] ?)*(?:以上|上述|这些|前述|the above|these|those)")


def rejected_in_the_next_sentence(answer_lines: str, end: int) -> str | None:
    """The verdict that opens the sentence (or line) after the figure ending at `end` in the answer with its line
    breaks, pointing back at it (v106); else None."""
    rest = _NO_FIGURE_BEFORE_THE_END.match(answer_lines, end)
    collective_only = rest is None
    rest = rest or _THE_REST_OF_THE_SENTENCE.match(answer_lines, end)
    if rest is None:
        return None
    after = rest.end()
    while after < len(answer_lines) and answer_lines[after] in " \n":
        after += 1
    verdict = _POINTER_VERDICT.match(answer_lines, after)
    if verdict is None or (collective_only and not _A_COLLECTIVE_POINTER.match(answer_lines, after)):
        return None
    return verdict.group()


# v106: a rhetorical "who says" over the point's sentence, a question (谁说回本周期是20个月？, "Who said payback is 20
# months?"), and the spoken 哪里是 / 哪是 right before it (哪里是20个月，至少26个月) - each says it is not so (v105
# credited them; 难道…不是…吗 asserts, v46)
_WHO_SAYS = re.compile("谁说|谁告诉你|谁讲|(?<![a-z])who (?:said|says|told you)(?![a-z])")
_NOT_AT_ALL_BEFORE = re.compile("(?:哪里|哪儿|哪)(?:是|有) ?$")
_QUESTION_END = re.compile(r"[^。!?\n.]*\?")


def denied_as_who_says(answer_norm: str, start: int) -> str | None:
    """The rhetorical 谁说 / "who said" before the figure in its question, or 哪里是 right before it; else None
    (read for a figure only: 谁说私有化部署不行？ denies what follows the point, not the point)."""
    spoken = _NOT_AT_ALL_BEFORE.search(answer_norm, max(0, start - 4), start)
    if spoken is not None:
        return spoken.group()
    sentence_start = last_end(SENTENCE_END, answer_norm, start)
    who = _WHO_SAYS.search(answer_norm, sentence_start, start)
    if who is None or _QUESTION_END.match(answer_norm, start) is None:
        return None
    return answer_norm[who.start() : start]


def double_denial(answer_norm: str, start: int, end: int, negation: str) -> bool:
    """A negation of saying (不能说, 并非) before a point that is rejected as a claim after it: the two cancel (不能说
    毛利率为20%的说法不成立 states 20%; "It is not the case that the claim ... is false")."""
    saying = re.search("(?:不能说|不能认为|不能讲|很难说|并非|并不是|the case that|true that)[^。!?]*$", negation)
    return saying is not None and rejected_claim(answer_norm, start, end) is not None
