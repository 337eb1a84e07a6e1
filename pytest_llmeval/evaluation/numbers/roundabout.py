"""v48: the longer ways an answer links a point's subject to its figure (ROI 20%): with an adverbial of time, place
or condition between them (ROI在三年内可达20%, ROI到2026年将达到20%, the ROI in three years will reach 20%, the ROI
of the project by 2026 is projected at 20%), a modal or raising verb (the ROI is expected to reach 20%, 有望达到,
应为20%), or a correction that denies another figure before it (ROI不是15%，而是20%, ROI并非15%，实际为20%, the ROI
is not 15% but 20%). v47 read only a copula, "about" or a colon within 16 characters (`patterns._SUBJECT_LINK`) and
missed them all.

What stands between is read by what it is, never skipped as "some words": an adverbial is taken out only where it is
one of `_ADVERBIALS` (a time, a year, a condition in 在…下, a hedge such as 预计 or "eventually", "of the project"),
and what is left must be a whole link - `RAISING_LINK`, `CORRECTION_LINK` or the links of `patterns`. So a negation
(ROI预计达不到20%, the ROI is not expected to reach 20%), a bound (ROI有望超过20%: not the figure, as 超过20% is
not), another subject (IRR在三年内可达20%，ROI为15%) or another figure of it (ROI应为15%而非20%, ROI不是20%，而是15%)
leaves no link, and the point is not credited there.
"""

from __future__ import annotations

import re

# how far before its figure a subject linked the long way may stand (v47: 40 characters, a copula within 16)
FARTHEST_LINK = 56

_TIME_UNIT_ZH = "(?:年半?|个月|个季度|季度|个星期|星期|周|天)"
_COUNT_ZH = r"(?:[0-9]{1,2}(?:\.[0-9])?|[一二两三四五六七八九十]{1,3}半?|半)"
_COUNT_EN = (
    "(?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|twenty|twenty-four"
    "|thirty|thirty-six|a few|several|a|the)"
)
_WHEN_IN_A_YEAR = "(?:底|末|年底|年末|前|内|后|以后|之后|上半年|下半年)"
# whose figure it would be instead: a rival's, a peer's, another plan's (在竞争对手的方案下, of a competing project)
_ANOTHER_HOLDER_ZH = "(?:对手|竞品|竞争|同行|同业|行业|其他|其它|别的|另一|别家)"
_ANOTHER_HOLDER_EN = "(?:competitor|competitors|competitor's|competing|rival|rivals|peer|peers|industry|other|another)"
_UNIT_EN = "(?:years?|months?|quarters?|weeks?|days?)"
_YEAR_EN = "(?:fy ?|fiscal (?:year )?)?(?:19|20)[0-9]{2}"
# what an English adverbial "of the ..." may be about: the thing the subject is measured on, not another metric
_THING_EN = (
    "(?:project|investment|plan|plant|program|programme|system|deployment|rollout|initiative|solution|upgrade"
    "|campaign|product|business|company|fund|portfolio|store|option|scheme|proposal|pilot|platform|model|strategy"
    "|venture|expansion|acquisition|automation|migration|equipment|machine|line|purchase|deal|contract|asset)s?"
)

_ADVERBIALS_ZH = (
    # a condition, a place or a scope (在项目上线后, 在乐观情况下, 在满负荷运转时, 在华东地区, 在试点门店) - no
    # figure, no negation and no other holder in it; first and greedy, so that the longest is taken out (在三年内的
    # 情况下 whole, 在国内市场 not 在国内)
    f"在(?![^,;。]*?{_ANOTHER_HOLDER_ZH})[^,;。:!?\n不没未非无别0-9%]{{0,12}}"
    "(?:(?:地区|区域|市场|门店|城市|国内|海外|境内|境外|线上|线下|渠道|场景|试点)(?:中|内|里|上)?"
    "|之内|以内|之后|以后|期间|内|后|时|下)",
    # a span of time, with the words that place it (在三年内, 未来3年, 两年后, 前三年, 18个月内)
    f"在?(?:未来|今后|接下来|此后|之后的?|前|头|最初的?|首|最近的?)? ?{_COUNT_ZH} ?{_TIME_UNIT_ZH}"
    "(?:内|以内|之内|后|以后|之后|里|期间|间)",
    f"(?:在|于)?(?:未来|今后|接下来|前|头|最初的?|首){_COUNT_ZH} ?{_TIME_UNIT_ZH}",
    # a year or a point in time (到2026年, 2026年底, 明年, 到年底, 第三年)
    "(?:到|至|截至|截止到?|预计到|在|于)(?:[0-9]{4} ?|明|后|今|当|次)年" + _WHEN_IN_A_YEAR + "?",
    "(?:[0-9]{4} ?|明|后|今|当|次)年" + _WHEN_IN_A_YEAR,
    "(?:明|后|今|当|次)年",
    # v56: a period gone by or this one, a part of a year (ROI去年为20%, ROI上季度为20%, ROI 2023年为20%, 回收期今年上
    # 半年为20个月, 近一年, 过去12个月, 截至目前) - the period's own value, which `keywords/periods.py` reads as
    # superseded where a later period gives the subject another
    "(?:(?:[0-9]{4} ?|去|前|今|明)年(?:度|全年|上半年|下半年|前三季度|[一二三四]季度|第[一二三四]季度|q[1-4])?"
    "|上一?(?:年度|年|个?季度|个?月|财年)|本(?:年度|季度?|月|财年)|上季|当季|当月|全年|年内|年初至今"
    f"|(?:近|过去|最近)的? ?{_COUNT_ZH} ?{_TIME_UNIT_ZH}|截至目前|截止目前|迄今为?止?|至今)",
    # v56: a qualifier of how the figure is counted (ROI按三年计算为50%, 回收期按当前价格约为20个月, 回收期以当前价格
    # 计算, ROI税后为20%, ROI扣除补贴后为20%) - no figure, no negation and no other holder in it (按竞争对手的价格)
    f"(?:按照?|以|依)(?![^,;。]*?{_ANOTHER_HOLDER_ZH})[^,;。:!?\n不没未非无别%0-9a-z]{{0,10}}?"
    "(?:计算|测算|估算|核算|来算|算|价格|价|条件|假设|口径|标准|情景|情形|情况)(?:下|来看|而言)?",
    f"(?:按|以){_COUNT_ZH} ?{_TIME_UNIT_ZH}(?:计算|测算|估算|来算|算|计)",
    f"税后|税前|含税|扣税后|扣除(?![^,;。]*?{_ANOTHER_HOLDER_ZH})[^,;。:!?\n不没未非无别%0-9]{{1,8}}?(?:后|以后|之后)",
    "(?:到|至|截至|截止到?)(?:[0-9]{4} ?年)?(?:年底|年末|月底|期末|项目结束时|届时|那时)",
    f"(?:到|至|在|于|从|自)?第{_COUNT_ZH} ?(?:年|个月|季度|期)(?:起|开始|后|末|底|内)?",
    "(?:项目|系统|平台|方案|产线|工厂|门店)?(?:上线|投产|运营|达产|满产|稳定运营|正式运营|全面推广|实施|落地|完工)(?:后|之后|以后)",
    # a hedge or an adverb of how the figure is known or reached
    "(?:据|经|按|根据)?(?:我们|我方|公司|团队)?(?:目前|当前|现有)?(?:的)?(?:初步|保守|乐观)?(?:测算|估算|预测|预估|估计|计算)"
    "(?:来看|显示)?",
    "按(?:目前|当前|现有)?(?:计划|规划|方案)",
    "预计|预期|有望|可望|大约|大概|一般|通常|最终|最后|届时|长期来看|长期|总体上?(?:来看)?|整体上?(?:来看)?|基本上?"
    "|大致|大体|差不多|理论上|平均(?:而言|来看)?|每年|年均|年化|实际上?|其实|目前|现在|当前|已经|仍然|依然|稳定|稳步|逐步"
    "|乐观|保守|可能|或将|同样|也|均|因此|因而|从而|由此|随之",
    # v111: the official or published figure (ROI官方口径是20%, ROI官方数据为20%, 回本周期公开数据为20个月) - belied by
    # an own count after it (`keywords/hypothesis.py`: 口径, 官方 are someone's word)
    "(?:据|按|根据)?(?:官方|公开|对外)(?:口径|数据|公布|披露|发布)?(?:的数据|数据)?(?:显示|来看)?",
    # the subject's value named as such (ROI的预期值为20%)
    "的?(?:预期|预计|实际|测算|估算|平均|年化|理论)?(?:值|水平|数值|数字|指标)",
)
_ADVERBIALS_EN = (
    # a year of the project (in year three, for year 3, from year two onwards), before the spans that start alike
    "(?:by|in|for|from) (?:year|month|quarter) (?:[0-9]{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
    "(?: on(?:ward|wards)?)?",
    # a span of time (in three years, within 18 months, over the next 3 years, after a year of operation)
    "(?:in|within|over|after|by|until|through|during|for) (?:the |its |our |their )?"
    "(?:next |first |coming |following |initial )?"
    f"(?:{_COUNT_EN} )?(?:full )?{_UNIT_EN}(?: of (?:operation|operations|deployment|use|service))?"
    "(?: (?:after|from|of) (?:launch|deployment|go-live|rollout|completion|commissioning))?",
    # a year or a point in time (by 2026, by the end of 2026, in year three, by then)
    f"(?:by|in|until|through) (?:the end of |end of |the close of |mid-|early |late )?{_YEAR_EN}",
    # v56: a period gone by or this one (the ROI last year was 20%, the ROI this year is 20%, for 2023, as of 2023, in
    # Q3, over the past year, to date) - the period's own value, which `keywords/periods.py` reads as superseded
    # where a later period gives the subject another
    "(?:last|this|next) (?:fiscal )?(?:year|quarter|month|half)|a year ago|year[- ]to[- ]date|ytd|to date|so far"
    "|(?:in|for|during|as of|over|through) (?:the )?(?:(?:first|second|third|fourth|last|past|previous|prior|latest"
    "|most recent|current) (?:fiscal )?(?:year|quarter|month|half|twelve months|12 months)"
    f"|(?:q[1-4]|h[12])(?: (?:of )?{_YEAR_EN})?|{_YEAR_EN})",
    # v56: a qualifier of how the figure is counted (after tax, before tax, on an after-tax basis, at current prices,
    # under current prices) - no negation and no other holder in it
    "(?:after|before|net of|excluding|ex|including) (?:tax|taxes|taxation|subsidies|subsidy|incentives|grants)"
    "|(?:pre|post|after)-tax"
    "|on an? (?:after-tax|pre-tax|post-tax|annual|annualized|annualised|cumulative|yearly|full-year|net|gross"
    "|like-for-like|risk-adjusted|(?:[0-9]|one|two|three|four|five|ten)-year) basis"
    "|(?:at|under|with|given) (?:the )?(?:current|present|today's|existing|prevailing|base|baseline|conservative"
    "|optimistic|expected|assumed|planned|market|list|quoted) (?:prices|pricing|conditions|assumptions|rates|costs"
    "|volumes|terms|tariffs|exchange rates|usage|utilization|utilisation)",
    # the source of the figure (according to our model, based on current assumptions)
    "(?:according to|based on) (?:the |our |current |conservative |base-case )*(?:model|models|estimates|projections"
    "|analysis|calculations|assumptions|plan|figures|data|forecast)",
    "by (?:then|that time|the end of the (?:year|project|period|decade|contract|term))",
    # a case or a condition (in the base case, under current assumptions, once fully deployed, in the long run)
    "(?:in|by|over) (?:the )?(?:long|medium|short)[- ](?:term|run)",
    "in the (?:base|best|expected|baseline|optimistic|conservative|central|likely|most likely) (?:case|scenario)",
    "under (?:the )?(?:base|current|baseline|conservative|optimistic|central) (?:case|scenario|assumptions|plan)",
    "(?:once|after) (?:it is |the (?:project|system|plant|solution|platform) is )?(?:fully )?"
    "(?:deployed|launched|operational|implemented|live|ramped up|up and running|in place)",
    "(?:after|post)[- ](?:launch|deployment|go-live|rollout|implementation|completion|commissioning)",
    "at (?:full )?(?:scale|capacity|maturity|steady state)",
    # a place or a scope (in the East China region, across all markets, at the pilot sites)
    "(?:in|across|at|for) (?:the |our |all |each |its |every )?"
    f"(?:(?!not |no |never |{_ANOTHER_HOLDER_EN} )[a-z-]+ ){{0,2}}"
    "(?:region|regions|market|markets|store|stores|site|sites|city|cities|country|countries|channel|channels"
    "|segment|segments|pilot|pilots)",
    # what the subject is of (the ROI of the project, the ROI for this investment)
    "(?:of|for|on) (?:the |this |that |our |your |its |each |every |a |an )?"
    f"(?:(?!not |no |never |{_ANOTHER_HOLDER_EN} )[a-z-]+ ){{0,2}}"
    f"{_THING_EN}",
    # an adverb of how the figure is known or reached
    "eventually|ultimately|then|likely|probably|actually|in fact|indeed|currently|already|still|overall"
    "|on average|over time|annually|per year|per annum|realistically|conservatively|comfortably|easily|reliably"
    "|steadily|gradually|finally|soon|now|also|typically|usually|generally|therefore|thus|hence|accordingly",
    # v59: "only", "exactly" and their kin (the payback is only / just / merely / exactly 20 months, a payback of just
    # 20 months, the ROI is a mere / a full / a whopping 50%) - they say the figure is the level; v58 missed them
    "only|just|merely|exactly|precisely|a mere|a full|a whopping|an impressive|a solid|a healthy|a modest",
)
_ADVERBIAL = re.compile(
    "(?:, ?| )?(?:" + "|".join(_ADVERBIALS_ZH) + "|(?<![a-z])(?:" + "|".join(_ADVERBIALS_EN) + r")(?![a-z]))(?: ?,)?"
)
_SPACES = re.compile(" {2,}")
_ADVERBIAL_AT_THE_END = re.compile(f"(?:{_ADVERBIAL.pattern})$")


_MARKS_ONLY = re.compile("[ ,:|*\"'“”‘’「」()-]*")


def without_adverbials(gap: str) -> str | None:
    """What stands between a subject and its figure with the adverbials of `_ADVERBIALS` taken out (在三年内可达: 可达;
    " is, by 2026, expected to reach ": " is expected to reach "), commas next to them with them; None where nothing
    but marks is left after an adverbial: a figure after an adverbial alone is not said of the subject (ROI在三年内，
    20%的客户会流失; ROI三年内20%的…), as ROI预计20% was not."""
    plain = _SPACES.sub(" ", _ADVERBIAL.sub(" ", gap))
    return None if plain != gap and _MARKS_ONLY.fullmatch(plain) else plain


def adverbials_before(text: str, end: int) -> int:
    """Where the adverbials of `_ADVERBIALS` that end at `end` start (ROI和IRR|在三年内|分别可达: the end of the names
    of a 分别 list), `end` where none do."""
    start = end  # one adverbial at a time, back from the end (one pattern for the run could backtrack at each comma)
    while (found := _ADVERBIAL_AT_THE_END.search(text, max(0, end - FARTHEST_LINK), start)) is not None:
        if found.start() == start:
            break
        start = found.start()
    return start


_APPROX = "(?:约|大约|大概)?"
_APPROX_EN = "(?:(?:about|around|roughly|approximately|nearly|some|close to|an estimated) )?"
# v60: a subject's closing corner bracket (「回收期」预计可达20个月) opens as ” and ’ do
_OPENS = r"(?:\*\*)? ?[\"”'’」』]? ?(?:[:|] ?)?"
_CLOSES = r" ?(?:\*\*)? ?[\"“'‘「]?"
# a level reached through a modal or a raising verb: 有望达到, 将达到, 会达到, 应为, 可以实现, 预计提升至 (the hedges
# taken out before: 预计, 有望), "is expected to reach", "should come to", "is projected at", "will likely be"
_VERB_ZH = (
    "(?:为|是|达到了?|达|实现|做到|保持在|维持在|稳定在|回升到|回升至|回到|升至|升到|提升至|提升到|提高至|提高到|增至|增加到"
    "|增加至|增长到|增长至|上升到|上升至|攀升至|攀升到|达至|恢复到|恢复至|控制在|在)"
)
_MODAL_ZH = "(?:将会?|会|可以?|能够?|应该?|应当|应是|就能|便可|即可|就可|也将|仍将|还将|均|都)?"
_RAISED_EN = (
    "(?:(?:is|are|'s|’s|has been|have been) )?"
    "(?:(?:expected|projected|forecast|forecasted|predicted|anticipated|estimated|likely|set|slated|poised|due|going"
    "|able|on track|on course|tipped|seen|modelled|modeled) to "
    "|(?:will|would|should|could|can|may|might|must|shall|is to|are to|ought to)"
    "(?: (?:likely|probably|eventually|ultimately|easily|comfortably|realistically|then|still|also|actually))? )"
)
_VERB_EN = (
    "(?:be|reach|hit|come to|come in at|amount to|stand at|sit at|settle at|land at|level off at|top out at|rise to"
    "|climb to|grow to|increase to|improve to|jump to|get to|deliver|achieve|attain|average|total|equal|run at|be at)"
)
_VALUED_EN = (
    "(?:is|are|'s|’s) (?:expected|projected|forecast|forecasted|predicted|estimated|seen|pegged|put"
    "|pencilled|penciled|modelled|modeled|calculated|valued|assessed|benchmarked|set) at"
)
RAISING_LINK = re.compile(
    f"{_OPENS}(?:{_MODAL_ZH}{_VERB_ZH}{_APPROX}|(?:{_RAISED_EN}{_VERB_EN}|{_VALUED_EN}) {_APPROX_EN}){_CLOSES}"
)

# a correction: another figure denied, then the point's figure said in its place (ROI不是15%，而是20%, 是20%, 并非15%，
# 实际为20%; the ROI is not 15% but 20%, is not 15%; it is 20%, the ROI, instead of 15%, is 20%). The point's own
# figure denied before another (ROI不是20%，而是15%) is a negated copula before it (`patterns.NEGATED_LINK`) and the
# other's after it, never this link.
_FIGURE = (
    r"(?:(?:¥|\$|us\$)?[0-9][0-9,.]*(?: ?(?:%|[a-z]{1,8}|[\u4e00-\u9fff]{1,3}))?"
    "|(?:百分之)?[〇零一二两三四五六七八九十百千万亿点]+(?:%|[\u4e00-\u9fff]{1,3})?)"
)
_DENIED_ZH = (
    f"(?:不是|并不是|并非|绝非|不为|并不为|不会是|不在) ?(?:只有|仅有|仅为|仅)?{_APPROX}{_FIGURE}(?: ?(?:左右|上下))?"
)
_INSTEAD_ZH = (
    "(?:而|但|实际上?|其实|实则|准确地说|确切地说|准确来说|正确的?(?:数字|数值|值)?|真实的?(?:数字|数值|值)?)?"
    f"(?:应该?|应当|将|会)?(?:{_VERB_ZH}|需要|需|要){_APPROX}"
)
_DENIED_EN = f"(?:(?:is|was|are|were|will|would|should|'s|’s)(?: not|n't|’t)(?: be)?|not) {_APPROX_EN}{_FIGURE}"
_IT_IS_EN = (
    "(?:it|this|that|the figure|the number|the value|the actual figure)(?: is|'s|’s| was| will be| should be"
    "| stands at| comes to| takes| took| needs| will take)(?: actually| in fact| really)?"  # v111: takes, needs
)
_INSTEAD_EN = (
    f"(?: ?[,;.—-] ?| )(?:(?:but|rather|instead)(?: rather| instead)?,? ?(?:{_IT_IS_EN} )?|(?:in fact,? |actually,? )?"
    f"{_IT_IS_EN} )"
)
# v111: another figure said as "only" or "just", then what it "in fact" is (回本只要20个月，其实要26个月,
# 回收期仅20个月，实际上需要26个月, "payback is only 20 months; in fact it takes 26 months" - after 以为 or alone):
# the actual figure is the subject's; the figure before it stays read as v110 read it (believed: `hypothesis`;
# corrected: `retraction`). And 要, 需要 as the actual's verb (不是20个月，其实要26个月).
_ONLY_THEN_IN_FACT_ZH = (
    f"(?:只要|只需要?|仅需要?|仅要|仅仅|仅|只有|才){_APPROX}{_FIGURE} ?[,;]? ?(?:但|可|然而|而)?"
    f"(?:其实|实际上|事实上|实际|实则){_MODAL_ZH}(?:{_VERB_ZH}|需要|需|要){_APPROX}"
)
_ONLY_THEN_IN_FACT_EN = (
    f"(?:(?:is|was|'s|’s|takes|took|needs|needed) )?(?:only|just|merely) {_APPROX_EN}{_FIGURE} ?[,;.—-]? ?(?:but )?"
    "(?:in fact|actually|in reality|in practice|realistically),? (?:it )?(?:takes|took|is|was|needs|needed|will take"
    f"|would take|comes to|runs) {_APPROX_EN}"
)
# v111: a judgement that it only seems so, then what it in fact is (ROI看似很高，实际为12%, 回本周期看起来很短，其实要26
# 个月, "The ROI looks high, but it is actually 12%") - the figure after is the subject's
_SEEMING_THEN_IN_FACT_ZH = (
    "(?:看似|看起来|看上去|表面上看?|乍看|乍一看|名义上)(?:很|非常|较|比较|挺|相当)?[高低长短大小好差快慢多少]{1,2}"
    f"[,;]? ?(?:但|可|然而|而)?(?:其实|实际上|事实上|实际|实则){_MODAL_ZH}"
    f"(?:{_VERB_ZH}|只有|仅有|仅为|仅|只|才|也就|需要|需|要){_APPROX}"
)
_SEEMING_THEN_IN_FACT_EN = (
    "(?:looks|seems|appears|sounds) (?:very |quite |rather |pretty |fairly )?(?:high|low|long|short|good|attractive"
    "|impressive|modest|fast|slow)[,;]? (?:but )?(?:(?:it is|it's|it’s) )?(?:actually|in fact|really|in reality),? "
    f"(?:(?:it is|it's|it’s|is) )?(?:only |just |merely )?{_APPROX_EN}"
)
CORRECTION_LINK = re.compile(
    # v51: and a negative question about the other figure, then the actual (ROI不是15%吗？实际为20%。)
    f"{_OPENS}(?:{_DENIED_ZH} ?(?:[吗么嘛]? ?\\?|[,;。—-]|……)? ?{_INSTEAD_ZH}"
    f"|{_ONLY_THEN_IN_FACT_ZH}|{_ONLY_THEN_IN_FACT_EN}|{_SEEMING_THEN_IN_FACT_ZH}|{_SEEMING_THEN_IN_FACT_EN}"
    f"| ?{_DENIED_EN}{_INSTEAD_EN}{_APPROX_EN}"
    f"|(?:, ?|: ?| )(?:not|instead of|rather than) {_FIGURE},? ?(?:(?:is|was|will be|should be|stands at|comes to)"
    f"|{_IT_IS_EN}) {_APPROX_EN}"
    f"){_CLOSES}"
)
