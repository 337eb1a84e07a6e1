"""Negation and denial around a match: the Chinese and English negation, prohibition, waiver and filler
vocabularies, and the checks right before a match (不合规, not compliant, 不到20个月) and right after it (20个月不到,
免收, is not charged).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .assertion import SENTENCE_END
from .normalisation import CROSS

# A negation right before a match says the opposite of the key point: 不合规 is not 合规, 不到20个月 is not 20个月,
# "not compliant" is not "compliant"; a forbidden claim under a negation (没有分公司 for 有分公司) is no claim.
# Chinese: the text just before the match ends with one of these; English: the word before it is one of these.
NEGATIONS_ZH: tuple[str, ...] = (
    "不",
    "非",
    "未",
    "无",
    "没",
    "没有",
    "不是",
    "不太",
    "不够",
    "不会",
    "不能",
    "不可",
    "不再",
    "不应",
    "不得",
    "不到",
    "不足",
    "不超过",
    "不少于",
    # v6: the same "not reaching" as 不到 and 未满 (comparisons such as 不低于 or 不及 are no negation)
    "不满",
    "没到",
    "没达到",
    "未达",
    "未达到",
    "未到",
    "达不到",
    "未满",
    "未必",
    "无需",
    "无须",
    # v7: "not necessarily / not quite / not at all" and the longer forms of 不是, shown whole
    "不一定",
    "不完全",
    "不算",
    "算不上",
    "谈不上",
    "未超过",
    "并非",
    "并不是",
    "不会是",
    "不可能是",
    "不为",
    "不等于",
    # v9: everyday twins of 不超过 / 未超过 and of 无需 (不会超过20个月 and 用不了20个月 state no 20个月)
    "没有超过",
    "没超过",
    "不会超过",
    "不需要",
    "用不了",
    "要不了",
    # v13: "no need" as said colloquially (不用做信创适配, 没有必要做试点)
    "不用",
    "没有必要",
    # v15: the short forms of 不需要 and 不超过 (不需20个月, 不超20个月)
    "不需",
    "不超",
)
# v9: "cannot / failed to / hardly" (未能通过审计 for 通过审计, 无法确认 for 确认) and the verbs a
# recommendation negates with (该产品不支持私有化部署 for 私有化部署, 不建议采购 for 采购); after 不得, 不能, 无 ...
# (`DOUBLE_NEGATION_BEFORE`) the verb's 不 affirms as a bare 不 does (不得不提供私有化部署).
VERB_NEGATIONS_ZH = (
    "不建议",
    "不推荐",
    "不支持",
    "不提供",
    "不采用",
    "不考虑",
    "暂不考虑",
    "不必",
    "没必要",
    "不做",
    "不进行",
    # v11: "not granted / not allowed / not accepted" (不予退款, 不允许退款, 不接受退款)
    "不予",
    "不允许",
    "不准",
    "不许",
    "不接受",
    # v15: "cannot" as said colloquially (没法私有化部署, 没办法做信创适配)
    "没法",
    "没办法",
)
# v11: prohibitions, refusals and waivers (禁止退款, 严禁转借, 拒绝退款, 谢绝退款, 免收服务费, 免除违约金) - which a
# negation before them turns back (不禁止退款, 并未拒绝退款: allowed). Not a bare 免: 免费 is free of charge, and 避免,
# 以免, 难免 and 未免 hold it.
PROHIBITIONS_ZH: tuple[str, ...] = ("禁止", "严禁", "拒绝", "谢绝", "免收", "免除", "免交", "免缴", "免征")
# v15: and the other waivers (减免服务费, 豁免违约金, 全免服务费, 免去服务费) - which a modal before them makes a
# possibility, as "can be waived" is (可申请减免违约金, 可以免除违约金: the charge stands unless waived)
WAIVERS_ZH = ("免收", "免除", "免交", "免缴", "免征", "减免", "豁免", "全免", "免去", "免掉")
PROHIBITIONS_ZH += tuple(w for w in WAIVERS_ZH if w not in PROHIBITIONS_ZH)
# v108: and an option given up, voted down or phased out (客户放弃了私有化部署, 我们放弃私有化部署方案, 否决了, 弃用,
# 淘汰) - which a negation before them turns back as well (客户没有放弃私有化部署, 不会放弃)
PROHIBITIONS_ZH += ("放弃", "放弃了", "舍弃", "舍弃了", "弃用", "弃用了", "否决", "否决了", "拒绝了")
PROHIBITIONS_ZH += ("淘汰了", "叫停了")
_POSSIBILITY_BEFORE_A_WAIVER = ("可", "可以", "可申请", "可以申请", "可予", "能", "能够", "申请", "有望")
_NEGATED_BEFORE_A_PROHIBITION: tuple[str, ...] = ("不", "未", "没", "没有", "无", "非", "别")
# v12: and a modal's or a prohibition's negation, over an adverb or a passive 被: 不得拒绝退款, 不能免除违约金,
# 无权拒绝退款, 严禁拒绝退款, 不予免除违约金, 不得以任何理由拒绝退款, 不会被拒绝 - all of which affirm
_NEGATED_BEFORE_A_PROHIBITION += ("不得", "不能", "不可", "不应", "不该", "不会", "不要", "不宜", "勿", "无权")
_NEGATED_BEFORE_A_PROHIBITION += ("不允许", "不准", "不许", "不予", "禁止", "严禁")
_ADVERB_BEFORE_A_PROHIBITION = re.compile("(?:擅自|随意|无故|任意|轻易|直接|以任何(?:理由|方式|形式|借口)|被)+$")
NEGATIONS_ZH += ("无法", "未能", "没能", "未曾", "难以", "无从") + VERB_NEGATIONS_ZH + PROHIBITIONS_ZH
# v35: "is not of / does not promise / there is no" (本产品不属于保证收益类产品, 不承诺保证收益, 不存在保证收益的安排)
NEGATIONS_ZH += ("不属于", "不承诺", "不存在")
# v86: "cannot do" as said (我们做不了私有化部署, 做不到, 办不到, 提供不了, 支持不了)
NEGATIONS_ZH += ("做不了", "做不到", "办不到", "提供不了", "支持不了")
# v75: advice against (不要采用私有化部署, 别选, 不宜采用, 切勿采用, 千万别) - as 不建议 and 不应 were (v13); the words
# that end with 别 and negate nothing are in NO_NEGATION_ZH (特别是, 分别为, 区别在于)
NEGATIONS_ZH += ("不要", "不宜", "切勿", "别")
# v17: an inclusive bound states its figure as a limit (不超过20个月 as 20个月以内, 不少于20个月 as 20个月以上): no
# negation (`INCLUSIVE_BOUNDS`, read before negations are), as 不低于 was none since v6
_INCLUSIVE_BOUNDS_ZH = ("不超过", "不少于", "未超过", "没有超过", "没超过", "不会超过", "不超")
NEGATIONS_ZH = tuple(n for n in NEGATIONS_ZH if n not in _INCLUSIVE_BOUNDS_ZH)
# Before a figure only: 不止20个月 is "more than 20 months" (a negation since v3), but 不止合规 is "not only compliant".
# v107: 岂止/何止20个月 - far more than 20 months; v109: 哪里只要20个月
NEGATIONS_BEFORE_A_FIGURE: tuple[str, ...] = (
    "不止",
    "不只",
    "岂止",
    "何止",
    "哪里只要",
    "哪里只需要",
    "哪里只需",
    "哪里只用",
    "哪里才",
)
# v15: "lacks / does not have / does not include" negate what is had (缺乏私有化部署能力, 不具备私有化部署, 不包含私有化
# 部署), not a figure, which they state (缺少20万元资金 is a shortfall of 20万元; 不包括200万元的硬件 names it)
NEGATIONS_NOT_BEFORE_A_FIGURE: tuple[str, ...] = ("缺乏", "缺少", "不具备", "不具有", "不含", "不包含", "不包括")
# v67: and a feature stopped or withdrawn (已停止提供私有化部署, 暂停私有化部署, 取消了私有化部署)
_WITHDRAWALS = ("停止", "暂停", "取消", "取消了", "停掉", "下线了")
NEGATIONS_NOT_BEFORE_A_FIGURE += _WITHDRAWALS
# v67 (the lead's review): a withdrawal whose object is a noun the point qualifies (取消私有化部署的额外费用, 暂停私有化
# 部署的审批流程) withdraws that noun, not the point
_OF_ANOTHER_NOUN = re.compile(" ?的")


def withdrawn_of_another_noun(negation: str, answer_norm: str, end: int) -> bool:
    """The negation before a point is a withdrawal (取消, 停止, ...) and the point right after qualifies another noun
    (私有化部署的额外费用): the withdrawal is that noun's."""
    return negation.rstrip(" ").endswith(_WITHDRAWALS) and _OF_ANOTHER_NOUN.match(answer_norm, end) is not None


NEGATIONS_EN = frozenset(
    {"not", "no", "never", "non", "without", "nor", "cannot", "isn't", "aren't", "wasn't", "weren't", "doesn't"}
    | {"don't", "didn't", "won't", "can't", "neither"}
    | {"hasn't", "haven't", "hadn't", "shouldn't", "wouldn't", "couldn't"}  # v9
)
# 24 months rather than 20 months; v9: no longer compliant, fails to comply, unable to confirm
NEGATIONS_EN_TWO_WORDS = frozenset({"rather than", "instead of", "no longer", "fails to", "failed to", "unable to"})
# v11: refusals and prohibitions (refuses to refund, declined to issue a refund, prohibits refunds), which a negation
# before them turns back (never refuses a refund, does not prohibit refunds)
NEGATIONS_EN_TWO_WORDS |= {"refuse to", "refuses to", "refused to", "decline to", "declines to", "declined to"}
# v20: the negating degree words (hardly 20 months, scarcely compliant, far from 20 months, nowhere near 20 months,
# anything but 20 months) and "as opposed to", as "rather than" (24 months, as opposed to 20 months)
NEGATIONS_EN |= {"hardly", "scarcely"}
NEGATIONS_EN_TWO_WORDS |= {"far from", "nowhere near", "anything but", "opposed to"}
# v75: advice and a decision against (We advise against on-premise deployment, decided against, rule out, steer
# clear of)
NEGATIONS_EN_TWO_WORDS |= {"advise against", "advises against", "advised against", "recommend against"}
NEGATIONS_EN_TWO_WORDS |= {"decide against", "decided against", "rule out", "rules out", "ruled out", "clear of"}
# v101: a feature stopped or dropped (We stopped offering SaaS, have discontinued SaaS, ceased supporting)
NEGATIONS_EN_TWO_WORDS |= {"stopped offering", "stopped supporting", "stopped providing", "ceased offering"}
NEGATIONS_EN_TWO_WORDS |= {"ceased supporting", "stopped selling", "have discontinued", "has discontinued"}
NEGATIONS_EN_TWO_WORDS |= {"had discontinued", "we discontinued", "they discontinued"}
NEGATIONS_EN_TWO_WORDS |= {"working towards", "working toward"}  # v106: We are working towards SOC 2
PROHIBITIONS_EN = frozenset({"prohibit", "prohibits", "forbid", "forbids", "disallow", "disallows", "refuses"})
PROHIBITIONS_EN |= {"refused", "bans"}
PROHIBITIONS_EN |= {"waive", "waives", "waived"}  # v14: as 免收 before the point (we waive the service fee)
PROHIBITIONS_EN |= {"lack", "lacks", "lacked", "lacking"}  # v15: it lacks on-premise deployment (not "does not lack")
PROHIBITIONS_EN |= {"avoid", "avoids", "skip"}  # v75: Avoid on-premise deployment (not "you need not avoid")
# v108: an option rejected, given up or scrapped (The client rejected private deployment; not "did not reject")
PROHIBITIONS_EN |= {"reject", "rejects", "rejected", "abandon", "abandons", "abandoned", "scrap", "scraps"}
PROHIBITIONS_EN |= {"scrapped", "shelved", "vetoed", "discarded"}
_REFUSALS_EN = frozenset({"refuse", "decline", "declines", "declined"})
# v14: and the light verbs a prohibition takes before what it prohibits, as 禁止使用 (v13) does: prohibits using
# personal email, forbids adopting X (not "does not prohibit using")
_LIGHT_VERBS_AFTER_A_PROHIBITION = frozenset({"using", "adopting", "choosing", "selecting", "conducting"})
# v75: and after "avoid" (Avoid promising guaranteed returns, avoid offering, avoid quoting)
_LIGHT_VERBS_AFTER_A_PROHIBITION |= {"promising", "offering", "claiming", "quoting", "picking", "deploying"}
# A short word between a negation and what it negates (v7): 不是约20个月, 不会是20个月, not fully compliant, won't be
# compliant. One filler at most; 只有 only before a figure (不是只有20个月: more than that; 不是只有合规: not only).
FILLERS_ZH: tuple[str, ...] = (
    "是",
    "为",
    "会是",
    "会",
    "可能是",
    "可能",
    "应是",
    "应该是",
    "等于",
    "约",
    "大约",
    "大概",
    "只有",
)
# v10: and the adverbs that 并未, 从未, 并没有 take before their verb (并未正式通过, 从未真正通过, 并没有实际通过)
FILLERS_ZH += ("正式", "真正", "实际", "实际上", "真的", "曾", "曾经")
# v67: and the verbs of an offer, as "never offered" (从未提供私有化部署, 没有支持私有化部署, 已不再提供, 停止支持)
FILLERS_ZH += ("提供", "支持", "开放", "推出", "上线")
# v86: and an offer to the reader (无法为您提供私有化部署, 不能向您提供)
FILLERS_ZH += ("为您提供", "为你提供", "向您提供", "给您提供", "为客户提供", "给你提供")
# v87: and the words of a place (总部不在苏州, 并不位于苏州, 没有设在苏州; v86 credited 苏州 for 总部不在苏州)
FILLERS_ZH += ("在", "位于", "设在", "坐落于", "落户", "落户于")
# v13: and the light verbs a "no need / not advised" negation takes before what it waives (不必做信创适配,
# 无需进行等保测评, 不建议采用私有化部署, 没有必要开展试点, 未选择智能风控引擎; not 不得不进行信创适配, 不断采用,
# 无论采用)
FILLERS_ZH += ("做", "进行", "开展", "考虑", "采用", "使用", "选择", "选用", "采取")
# v75: and the plain and buying verbs of a choice (不选私有化部署, 也不选, 不建议选, 不会选, 不要选, 不引入, 不采购 were
# credited where 不选择 was negated)
FILLERS_ZH += ("选", "选购", "采购", "购买", "引入")
# v25: and the verbs of a change or a length, as v23's English ones (没有提升3个百分点, 并未增长20%, 不会缩短20个月,
# 没有节省20万元: the figure is denied; v24 read only a fall so: 没有下降20%)
FILLERS_ZH += ("提升", "提高", "增长", "增加", "上升", "上涨", "缩短", "延长", "节省", "节约", "花费", "耗时", "用时")
# v37: and the verbs of a fall or of reaching a level (成本并没有下降20%, 未降低20%, 没有减少20%, 从来没有达到过20%:
# v36 credited the figure of a fall that did not happen, as v25 did not list them) - before a figure only, so what
# a text point credits is v36's (没有降低成本 for 成本)
FILLERS_ZH_BEFORE_A_FIGURE: tuple[str, ...] = ("下降", "降低", "减少", "下滑", "下跌", "回落", "缩减", "降")
FILLERS_ZH_BEFORE_A_FIGURE += ("达到", "达到过")
FILLERS_ZH_BEFORE_A_FIGURE += ("降到", "降至", "下降到", "下降至", "降低到", "降低至", "减少到", "减少至")  # 降到20%
FILLERS_ZH_BEFORE_A_FIGURE += ("达到预期的", "达到目标", "达到预期")  # 没有达到预期的20% (the target it missed)
# v38: and the spoken verbs of a rise or a fall and of the level they reach (营收没有涨20%, 股价并未跌20%, 没涨到20%,
# 并未提升至20%: v37 credited the figure, as it listed only the written verbs of a fall)
FILLERS_ZH_BEFORE_A_FIGURE += ("涨", "跌", "升", "增", "减", "涨到", "涨至", "跌到", "跌至", "升到", "升至")
FILLERS_ZH_BEFORE_A_FIGURE += ("减到", "减至")
FILLERS_ZH_BEFORE_A_FIGURE += ("上涨到", "上涨至", "下跌到", "下跌至", "上升到", "上升至", "增长到", "增长至", "增加到")
FILLERS_ZH_BEFORE_A_FIGURE += ("增加至", "提升到", "提升至", "提高到", "提高至", "缩短到", "缩短至", "攀升", "攀升至")
FILLERS_ZH_BEFORE_A_FIGURE += ("下调", "上调", "削减", "压缩", "缩小", "扩大", "减少了", "回升", "反弹")
# v82: and the verbs of holding a level (毛利率未能稳定在20%, 没有保持在, 无法维持在, 没能保持20%, 不会停留在: v81
# credited the figure of a level not held)
FILLERS_ZH_BEFORE_A_FIGURE += ("稳定在", "保持在", "维持在", "停留在", "停在", "稳在", "保持", "维持", "守住", "保住")
# v105: and the verbs of a result and of a charge (项目未能带来20%的回报, 没有产生20%的收益, 我们不收取5000元, 每月不收
# 5000元 - v104 credited the figure; 没有实现20% was read already)
FILLERS_ZH_BEFORE_A_FIGURE += ("带来", "产生", "创造", "收取", "收", "收费")
# v106: and the verbs of paying (无需支付5000元, 不用付5000元, 不必缴纳5000元: v105 credited the figure)
FILLERS_ZH_BEFORE_A_FIGURE += ("支付", "付", "缴纳", "缴", "交", "花", "投入", "承担", "按", "按照")  # 不再按5000元收费
# v106: and, before any point, the verbs of passing and holding (尚未通过SOC 2认证, 未通过等保三级, 不具备ISO认证,
# 还没有拿到, 并未取得, 没有获得: v105 credited the certificate - 获得 and 取得 were read before a figure only)
FILLERS_ZH += ("通过", "获得", "取得", "拿到", "具备", "拥有", "持有", "得到", "获取")
# v106: and the verbs of a recommendation after a negation that is not one itself (我们不再推荐私有化部署, 并不建议,
# 从未推荐 - 不推荐 and 不建议 negate since v13)
FILLERS_ZH += ("推荐", "建议")
# v10: a date between a negation and what it negates (并未于2024年通过PCI DSS认证, 并没有在2024年3月通过审计)
_DATE_BEFORE_A_POINT = re.compile(
    r"(?:于|在) ?(?:[0-9]{4} ?年(?: ?[0-9]{1,2} ?月)?(?: ?[0-9]{1,2} ?[日号])?|[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?[日号])?)"
    r"(?:底|初|末|前|内|中|之前)? ?$"
)
FILLERS_EN = frozenset({"be", "is", "really", "quite", "fully", "yet", "about", "roughly", "exactly", "considered"})
FILLERS_EN |= {"around", "approximately"}  # v49: is not around 20 months (v48 credited it)
FILLERS_EN |= {"been", "being", "currently"}  # v9: has not been audited, is not currently compliant
# v11: the verbs of an offer after a negation, as 不提供 and 不支持 are one (do not offer refunds, doesn't provide a
# refund, does not currently support on-premise deployment; not "do not only offer refunds")
FILLERS_EN |= {"offer", "offers", "provide", "provides", "support", "supports", "include", "includes", "allow"}
FILLERS_EN |= {"allows", "permit", "permits", "grant", "grants", "accept", "accepts", "issue", "issues", "give"}
FILLERS_EN |= {"gives"}
FILLERS_EN |= {"sell", "sells"}  # v108: We no longer sell private deployment
FILLERS_EN |= {"do"}  # v86: We don't do on-premise deployment
# v88: and the words of a place (is not headquartered in Suzhou, is not based in, not located in; "in" since v26)
FILLERS_EN |= {"at", "located", "based", "headquartered", "situated"}
# v67: and their past forms (We have never offered on-premise deployment, has not provided, never supported)
FILLERS_EN |= {"offered", "provided", "supported", "included", "allowed"}
# v23: and the verbs of a length or an amount (it does not take 20 months, will not last 20 months, does not require
# 20 months, doesn't need, does not cost, does not reach 20%)
FILLERS_EN |= {"take", "takes", "last", "lasts", "require", "requires", "need", "needs", "cost", "costs", "reach"}
FILLERS_EN |= {"reaches"}
FILLERS_EN |= {"achieve", "achieves", "achieved", "deliver", "delivers", "delivered"}  # v35: does not achieve 100%
# v106: and the verbs of passing and holding, as 未通过 and 不具备 (We have not yet obtained SOC 2, did not pass the
# audit, does not hold ISO 27001, never received SOC 2 - v105 credited the certificate)
FILLERS_EN |= {"obtain", "obtained", "pass", "passed", "hold", "holds", "earn", "earned", "receive", "received"}
FILLERS_EN |= {"secure", "secured", "attain", "attained", "get", "got", "gotten"}
# v57: and the verbs of using, adopting and recommending, as 未采用 and 不推荐 negate (It did not use 告警降噪, does
# not apply 降噪, we did not recommend 私有化部署: v56 credited them); not "not only ... use" (no negation right before)
FILLERS_EN |= {"use", "uses", "used", "adopt", "adopts", "adopted", "apply", "applies", "applied", "employ"}
FILLERS_EN |= {"employs", "employed", "recommend", "recommends", "recommended"}
# v75: and the verbs of a choice (Do not choose on-premise deployment, Never pick, would not go with, won't opt for:
# v74 credited them), "go with" and "opt for" as two fillers
FILLERS_EN |= {"choose", "chooses", "chose", "pick", "picks", "select", "selects", "consider", "go", "with", "opt"}
FILLERS_EN |= {"for"}
# v25: and of a change (did not rise 3 percentage points, will not increase 20%, does not save 20 months)
FILLERS_EN |= {"rise", "rises", "increase", "increases", "grow", "grows", "improve", "improves", "save", "saves"}
FILLERS_EN |= {"shorten", "shortens", "extend", "extends"}
# v26: and their past forms (never reached $2 billion, did not rise 3 pp: v25 read only "not reach"), having and being
# worth (doesn't have 500 employees, no longer has, is not worth $1.2 million), and the verbs of an event with the
# preposition of its date (did not launch in March 2024, was not released on 15 March)
FILLERS_EN |= {"took", "lasted", "required", "needed", "reached", "rose", "increased", "grew", "improved", "saved"}
FILLERS_EN |= {"shortened", "extended", "have", "has", "had", "worth", "hit", "hits", "total", "totals"}
# v37: and, before a figure only, the verbs of a fall, which v25 did not list (did not fall 20%, has not dropped 20%;
# not "did not drop on-premises support", which keeps it)
_FILLERS_EN_BEFORE_A_FIGURE = frozenset(
    {"fall", "falls", "fell", "fallen", "drop", "drops", "dropped", "decrease", "decreases", "decreased", "grown"}
    | {"shrink", "shrinks", "shrank", "shrunk", "climb", "climbs", "climbed", "jump", "jumps", "jumped", "risen"}
)
# v37: the preposition of a change's size or level after its negated verb (did not fall by 20%, has not grown by 20%,
# never rose to 20%, did not go up by 20%): the figure is the size of a change that did not happen
_CHANGE_PREPOSITIONS_EN = frozenset({"by", "to"})
_CHANGE_VERBS_EN = frozenset(
    {"rise", "rises", "rose", "risen", "increase", "increases", "increased", "grow", "grows", "grew", "grown"}
    | {"improve", "improves", "improved", "fall", "falls", "fell", "fallen", "drop", "drops", "dropped"}
    | {"decrease", "decreases", "decreased", "shrink", "shrinks", "shrank", "shrunk", "climb", "climbs", "climbed"}
    | {"jump", "jumps", "jumped", "shorten", "shortens", "shortened", "extend", "extends", "extended"}
)
# v82: the verbs of holding a level, with "at" (did not stay at 20%, could not remain at, has not held at)
_HOLDING_VERBS_EN = frozenset(
    {"stay", "stays", "stayed", "remain", "remains", "remained", "hold", "holds", "held", "stand", "stands", "stood"}
    | {"hover", "hovers", "hovered", "settle", "settles", "settled", "stabilise", "stabilize", "stabilised"}
    | {"stabilized", "sit", "sits", "sat", "level", "levelled", "leveled"}
)
# v82: and after "no longer" or an adverb (no longer stayed at 20%, never really held steady at, no longer rose to)
_NEGATED_HOLDING_EN = re.compile(
    f"(?<![a-z])(?:no longer|{'|'.join(re.escape(word) for word in sorted(NEGATIONS_EN, key=len, reverse=True))})"
    "(?: (?:really|quite|yet|always|ever|long))?"
    f" (?:(?:{'|'.join(sorted(_HOLDING_VERBS_EN))})(?: steady| stable| firm| flat)? at"
    f"|(?:{'|'.join(sorted(_CHANGE_VERBS_EN))}) (?:by|to)) $"
)
# v38: a negated change said with a particle or its object between the verb and its preposition (did not go up by
# 20%, never went down to 20%, did not cut costs by 20%, has not really come down by 20%): v37 read the verb right
# before "by" / "to" only, three words back, so "did not go up by 20%" credited the figure
_PHRASAL_CHANGE_VERBS_EN = "|".join(
    sorted(
        {"go", "goes", "went", "gone", "come", "comes", "came", "move", "moves", "moved", "edge", "edged", "tick"}
        | {"ticked", "cut", "cuts", "reduce", "reduces", "reduced", "lower", "lowers", "lowered", "decline"}
        | {"declines", "declined", "slip", "slipped", "slide", "slid", "surge", "surged", "soar", "soared", "plunge"}
        | {"plunged", "gain", "gained", "expand", "expanded", "contract", "contracted", "boost", "boosted", "raise"}
        | {"raised", "trim", "trimmed", "slash", "slashed", "shave", "shaved"}
        # v39: the other verbs of motion whose "up to" is no bound (did not scale up to 20%, never ramped up to)
        | {"scale", "scales", "scaled", "ramp", "ramps", "ramped", "push", "pushed", "bump", "bumped", "ratchet"}
        | {"ratcheted", "creep", "crept", "shoot", "shot", "inch", "inched", "step", "stepped", "run", "ran"}
        | _CHANGE_VERBS_EN
    )
)
_NEGATED_PHRASAL_CHANGE_EN = re.compile(
    r"(?<![a-z'])(?:not|never|didn't|doesn't|don't|won't|hasn't|haven't|hadn't|wasn't|weren't|cannot|can't)"
    r"(?: (?:yet|really|actually|even|quite|significantly|substantially|materially|much))?"
    f" (?:{_PHRASAL_CHANGE_VERBS_EN})(?: (?!only|just|merely)[a-z]+)? (?:by|to) $"
)
# v105: the negations the two patterns below open with
_NEGATED_EN = (
    r"(?<![a-z'])(?:not|never|didn't|doesn't|don't|won't|wouldn't|can't|cannot|couldn't|hasn't|haven't|isn't|aren't)"
)
# v105: a negated payback said in more words than a negation and two fillers (does not pay back in 20 months, won't
# pay for itself within, did not recoup its cost in, has not paid off by): the figure is a payback that does not happen
_NEGATED_PAYBACK_EN = re.compile(
    _NEGATED_EN + r"(?: (?:yet|really|actually|even|quite|fully|likely to|expected to|going to|able to))?"
    r" (?:pays? ?back|paid ?back|pays? off|paid off|pays? for (?:itself|themselves)|paid for (?:itself|themselves)"
    r"|(?:recoup|recover)(?:s|ed)? (?:its|the|their|our|your|all)(?: initial| total)? (?:costs?|investment|outlay)"
    r"|be (?:paid back|paid off|recouped|recovered))"
    # the preposition (a bound's - within, inside - is read by the bound, which asks for the negation before it)
    r"(?: (?:in|within|after|by|inside)(?: (?:the first|the|about|around|roughly|approximately|just|only))?)? $"
)
# v105: a negated verb and its object before the figure (does not deliver an ROI of 20%, did not achieve a reduction of
# 20%, does not have a payback period of 20 months, is not offering a discount of 20%): the object's figure is denied
_NEGATED_OBJECT_OF_EN = re.compile(
    _NEGATED_EN + r"(?: (?:yet|really|actually|even|quite|currently|always))? (?P<verb>[a-z]+) (?:a |an |the |any )?"
    r"(?:[a-z-]+ ){1,3}?(?:of|at) $"
)
# v37: "not only / not just" before a figure, as 不止 and 不只 (not only 20% but 30%: more than 20%); not before a
# word (not only compliant but also certified states it)
_ONLY_EN = frozenset({"only", "just", "merely"})
# v32: "not necessarily" doubts the figure as 未必 and 不一定 do (payback is not necessarily 20 months)
FILLERS_EN |= {"necessarily"}
FILLERS_EN |= {"launch", "launched", "launches", "release", "released", "releases", "ship", "shipped", "ships"}
FILLERS_EN |= {"happen", "happened", "happens", "start", "started", "starts", "complete", "completed", "in", "on"}
# v91: and of a founding or a signing (was not founded in 1997, wasn't established in, was not signed in)
FILLERS_EN |= {"founded", "established", "incorporated", "registered", "signed", "opened", "formed", "created"}
# v105: and the verbs of a scheduled run and of a charge (The backup does not run at 12 pm, doesn't occur at, did not
# begin at; We do not charge 5000 yuan a month, is not billed, never paid) - v104 credited the figure after them
FILLERS_EN |= {"run", "runs", "ran", "occur", "occurs", "occurred", "begin", "begins", "began", "execute", "executes"}
FILLERS_EN |= {"executed", "charge", "charges", "charged", "bill", "bills", "billed", "pay", "pays", "paid"}
# v105: and the verbs of a result (does not show a 20% ROI, did not generate 20% ROI, does not yield 20%)
FILLERS_EN |= {"show", "shows", "showed", "generate", "generates", "generated", "yield", "yields", "yielded"}
FILLERS_EN |= {"produce", "produces", "produced"}
# v105: and the progressive form of each verb above (We are not offering private deployment, are not charging 5000
# yuan, the backup is not running at noon - v104 credited them), and "see" (We are not seeing a 20% ROI)
FILLERS_EN |= {"see", "sees", "saw", "seen"}
_NOT_VERBS_EN = {"be", "been", "being", "yet", "about", "exactly", "considered", "around", "with", "for", "worth", "at"}
_NOT_VERBS_EN |= {"quite", "grew", "had", "paid", "ran", "rose", "saw", "seen", "took", "chose", "began"}  # past forms


def _progressive(verb: str) -> set[str]:
    """offer -> offering, provide -> providing, run -> running (a word that is no verb gives a form no text has)."""
    forms = {f"{verb}ing"}
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.add(f"{verb[:-1]}ing")
    if re.fullmatch("[^aeiou]*[aeiou][bdgmnprt]", verb):
        forms.add(f"{verb}{verb[-1]}ing")
    return forms


FILLERS_EN |= {
    form
    for verb in FILLERS_EN
    if verb.isalpha() and len(verb) > 2 and verb not in _NOT_VERBS_EN and not verb.endswith(("ed", "ly", "s"))
    for form in _progressive(verb)
} | {"occurring", "beginning"}
# An article may follow a negation or a negation and a filler (v7): not a 20-month payback, rather than a 20-month
# payback, not really a compliant system.
ARTICLES_EN = frozenset({"a", "an", "the"})
# Opening quotes and brackets between a negation and its point (不是“20个月”, not "20 months"), as normalised (NFKC).
_OPENERS = "\"'“‘「『《〈【[("
# A point said after 不到 (or 都不到, 还不到) was not reached: 20个月都不到 is 不到20个月 (figures only), where the
# phrase ends after it (punctuation, the end of the text, or one of these).
NEGATIONS_AFTER_A_FIGURE = ("都不到", "还不到", "不到")
_ENDS_AFTER_NOT_REACHING = frozenset("的就即便呢啊")
_FILLERS_ZH_LONGEST_FIRST = sorted(FILLERS_ZH, key=len, reverse=True)
_FILLERS_ZH_BEFORE_A_FIGURE_LONGEST_FIRST = sorted(FILLERS_ZH + FILLERS_ZH_BEFORE_A_FIGURE, key=len, reverse=True)


def _by_last_character(fillers: list[str]) -> dict[str, tuple[str, ...]]:
    """The fillers by their last character, longest first: a core is read only against those it may end with."""
    ends: dict[str, list[str]] = {}
    for filler in fillers:
        ends.setdefault(filler[-1], []).append(filler)
    return {char: tuple(group) for char, group in ends.items()}


# v106 (the experiential 过 doubled the fillers read): only 只有 is read before a figure alone
_FILLERS_ZH_BY_LAST = _by_last_character([f for f in _FILLERS_ZH_LONGEST_FIRST if f != "只有"])
_FILLERS_ZH_BEFORE_A_FIGURE_BY_LAST = _by_last_character(_FILLERS_ZH_BEFORE_A_FIGURE_LONGEST_FIRST)
# Before 不, these make it an affirmation: 不得不 / 不能不 (must), 无不 / 没有不 (all).
DOUBLE_NEGATION_BEFORE: tuple[str, ...] = ("不得", "不能", "不可", "不会", "不敢", "不是", "无", "莫", "没有")
DOUBLE_NEGATION_BEFORE += ("并非", "绝非", "决非")  # v15: 并非不支持私有化部署 (it is not that it does not: it does)
# Words that end with a negation's character and negate nothing (v7): 无非是20个月 (nothing but), 莫非 (could it be),
# 除非 (unless); and (v9) 南非, 北非, 东非, 西非, 非洲 (Africa and its parts).
NO_NEGATION_ZH: tuple[str, ...] = ("无非", "莫非", "除非")
NO_NEGATION_ZH += ("南非", "北非", "东非", "西非", "非洲")  # v9: places (在南非20%的市场份额)
NO_NEGATION_ZH += (  # v75: the words that end with 别 (特别是私有化部署, 分别为20%和15%, 区别是私有化部署)
    "特别",
    "分别",
    "区别",
    "类别",
    "级别",
    "个别",
    "识别",
    "鉴别",
    "辨别",
    "告别",
    "派别",
    "性别",
    "差别",
    "判别",
    "甄别",
    "离别",
    "送别",
    "道别",
    "有别",
    "天壤之别",
    "千差万别",
    "职别",
    "组别",
    "型别",
    "国别",
    "诀别",
    "阔别",
    "惜别",
    "话别",
    "作别",
)
# v48: a negated expectation of a level before a figure (the ROI is not expected to reach 20%, isn't likely to be 20%,
# is not projected to hit 20%): four words and more, past the three that `_en_negation_ending` reads - v47 credited it
_NEGATED_RAISING_EN = re.compile(
    r"(?:(?<![a-z'])(?:not|never)|n't|n’t) (?:(?:currently|yet|really) )?(?:expected|projected|forecast|forecasted"
    r"|predicted|anticipated|estimated|likely|set|slated|poised|going|able|on track|on course|due) to"
    r" (?:reach|hit|be|achieve|attain|deliver|come to|amount to|rise to|climb to|grow to|increase to|improve to"
    r"|get to|top|return)(?: (?:about|around|roughly|approximately|nearly))? $"
)
# The last words before a point (up to three, the last followed by a space or the hyphen of non-)
_WORDS_BEFORE = re.compile(r"(?<![a-z'])((?:[a-z']+ ){0,2}[a-z']+)([ -])$")


def _zh_negation_ending(text: str, figure: bool) -> int | None:
    """Where the Chinese negation that `text` ends with starts, if it ends with one (not a double negation); the
    longest one, so that 不是 is shown whole, not as 是 after 不."""
    negations = NEGATIONS_ZH + (NEGATIONS_BEFORE_A_FIGURE if figure else NEGATIONS_NOT_BEFORE_A_FIGURE)
    negation = max((n for n in negations if text.endswith(n)), key=len, default=None)
    if negation is None:
        return None
    if (negation == "不" or negation in VERB_NEGATIONS_ZH) and text[: -len(negation)].endswith(DOUBLE_NEGATION_BEFORE):
        return None  # 不得不: an affirmation
    if negation in PROHIBITIONS_ZH:
        before = text[: -len(negation)].rstrip(" ")
        adverb = _ADVERB_BEFORE_A_PROHIBITION.search(before)
        stripped = (before[: adverb.start()] if adverb else before).rstrip(" ")
        # v108: 不得不放弃, 不得不拒绝 - a "must", not a negation of it
        must = stripped.endswith("不") and stripped[:-1].endswith(DOUBLE_NEGATION_BEFORE)
        if stripped.endswith(_NEGATED_BEFORE_A_PROHIBITION) and not must:
            return None  # 不禁止, 并未拒绝 (v11); 不得拒绝, 不得擅自拒绝 (v12)
        if negation in WAIVERS_ZH and before.endswith(_POSSIBILITY_BEFORE_A_WAIVER):
            return None  # v15: 可申请减免违约金 - a waiver that may be granted
    if any(text.endswith(word) and len(word) > len(negation) for word in NO_NEGATION_ZH):
        return None  # 无非: the 非 of a word that negates nothing
    return len(text) - len(negation)


# v108: an option given up or turned down (We gave up on private deployment, turned down the SaaS offer) - not where
# a negation comes first (We did not give up on it, never turned down)
_GIVEN_UP_EN = re.compile(
    "(?<![a-z'])(?P<negation>(?:not|never|didn't|don't|doesn't|won't|wouldn't|cannot|can't|will not|did not|do not)"
    " )?(?:gave|give|gives|given|giving) up(?: on)? (?:the |our |a |an |their )?$"
    "|(?<![a-z'])(?P<negation2>(?:not|never|didn't|don't|doesn't|won't|wouldn't|did not|do not) )?"
    "(?:turned|turn|turns|turning) down (?:the |our |a |an |their )?$"
)


def _en_negation_ending(text: str, figure: bool = False) -> int | None:
    """Where the English negation that `text` ends with starts: "not ", "non-", "rather than ", or a negation and
    one filler word ("not fully ", "won't be ") or (v9) two ("not yet been "). A typographic apostrophe (won’t) is read
    as ' (NFKC keeps it). Before a figure (`figure`), v37: a negated change's preposition (not fall by, not go up
    by) and "not only" / "not just"."""
    text = text.replace("’", "'")
    m = _WORDS_BEFORE.search(text)
    if m is None:
        return None
    words = m.group(1).split(" ")
    starts = [m.start(1)]
    for word in words[:-1]:
        starts.append(starts[-1] + len(word) + 1)
    if words[-1] in NEGATIONS_EN:
        return starts[-1]
    given_up = _GIVEN_UP_EN.search(text, max(0, len(text) - 48))
    if given_up is not None and not (given_up.group("negation") or given_up.group("negation2")):
        return given_up.start()
    if figure and m.group(2) == " " and len(words) >= 2:
        at = _negated_change_before_a_figure(words)
        if at is not None:
            return starts[at]
    if figure and m.group(2) == " ":
        holding = _NEGATED_HOLDING_EN.search(text, max(0, len(text) - 48))
        if holding is not None:
            return holding.start()  # v82: no longer stayed at, never really held steady at
        phrasal = _NEGATED_PHRASAL_CHANGE_EN.search(text, max(0, len(text) - 48))
        if phrasal is not None:
            return phrasal.start()  # v38: did not go up by, did not cut costs by
        payback = _NEGATED_PAYBACK_EN.search(text, max(0, len(text) - 64))
        if payback is not None:
            return payback.start()  # v105: does not pay back in, won't pay for itself within
        held = _NEGATED_OBJECT_OF_EN.search(text, max(0, len(text) - 64))
        if (
            held is not None
            and held.group("verb") in FILLERS_EN
            and held.group("verb") not in ("in", "on", "at", "for")
        ):
            return held.start()  # v105: does not deliver an ROI of
    if words[-1] in PROHIBITIONS_EN and m.group(2) == " ":  # v11: prohibits refunds - not "never refuses"
        return None if _negated_prohibition(words) else starts[-1]
    if m.group(2) != " " or len(words) < 2:
        return None  # a hyphen joins only non- to its word
    if words[-1] in ARTICLES_EN:
        words, starts = words[:-1], starts[:-1]  # not a 20-month payback: the article is no part of the negation
        if words[-1] in NEGATIONS_EN:
            return starts[-1]
        if words[-1] in PROHIBITIONS_EN:  # v11: refuses a refund
            return None if _negated_prohibition(words) else starts[-1]
        if len(words) < 2:
            return None
    if words[-1] in _LIGHT_VERBS_AFTER_A_PROHIBITION and words[-2] in PROHIBITIONS_EN:  # v14: prohibits using X
        return None if _negated_prohibition(words[:-1]) else starts[-2]
    if " ".join(words[-2:]) in NEGATIONS_EN_TWO_WORDS:
        if words[-1] == "to" and words[-2] in PROHIBITIONS_EN | _REFUSALS_EN and _negated_prohibition(words[:-1]):
            return None  # v12: cannot refuse to refund, must not refuse to, won't refuse to - an affirmation
        if words[-2:] == ["anything", "but"] and _A_NEGATION_BEFORE_ANYTHING_BUT.search(text[: starts[-2]]):
            return None  # v75: We cannot recommend anything but on-premise deployment - only it
        return starts[-2]
    if words[-1] in FILLERS_EN or (figure and words[-1] in _FILLERS_EN_BEFORE_A_FIGURE):
        if words[-2] in NEGATIONS_EN:
            return starts[-2]
        if len(words) == 3 and " ".join(words[:2]) in NEGATIONS_EN_TWO_WORDS:
            return starts[0]
        if len(words) == 3 and words[-2] in FILLERS_EN and words[0] in NEGATIONS_EN:
            return starts[0]  # v9: two fillers - has not yet been audited, is not currently fully compliant
    return None


_A_NEGATION_BEFORE_ANYTHING_BUT = re.compile(
    r"(?<![a-z'])(?:not|never|cannot|can't|won't|wouldn't|couldn't|don't|doesn't|didn't|no)(?: [a-z']+){0,2} $"
)


def _negated_change_before_a_figure(words: Sequence[str]) -> int | None:
    """The index of the negation in `words` (up to three, the last before a figure) that makes the figure the size of
    a change that did not happen (not fall by, never rose to, not go up by) or only its lower bound (not only,
    not just): v37."""
    if words[-1] in _ONLY_EN and words[-2] in NEGATIONS_EN:
        return len(words) - 2
    verb = len(words) == 3 and words[-1] in _CHANGE_PREPOSITIONS_EN and words[-2] in _CHANGE_VERBS_EN
    return 0 if verb and words[0] in NEGATIONS_EN else None


def _negated_prohibition(words: Sequence[str]) -> bool:
    """The prohibition that `words` end with is negated (never refuses, does not currently prohibit): an affirmation."""
    before = words[:-1]
    return bool(before) and (
        before[-1] in NEGATIONS_EN or (len(before) > 1 and before[-1] in FILLERS_EN and before[-2] in NEGATIONS_EN)
    )


# v67: an unticked box right before the point (- [ ] 私有化部署, ☐ on-premise deployment) - the item a checklist does
# not tick; a ticked one ([x], ☑, ✅) states it
_UNTICKED_BEFORE = re.compile(r"(?:\[ \]|☐) ?$")


# v88: a copula's negation before a possessor and its 的 (周晓峰不是王志远的老部下, 并非华信银行的客户) - for a text
# point only, a name of 2-5 characters or a few Latin words (not 不同客户的: no copula)
_NEGATED_POSSESSOR_ZH = re.compile(
    "(?:不是|并非|并不是|绝非|而非|也不是|亦非) ?(?:[\u4e00-\u9fff]{2,5}|[a-z][a-z' ]{1,20})的 ?$"
)
# v88: and a negation before the words a point in brackets glosses ("not Huaxin Bank (华信银行)", 并非该银行
# （华信银行）): the gloss's head is read back a word (a Latin one, up to three) or a character (a Chinese one, up to
# eight) at a time, nearest first, and not past a word that starts another phrase ("did not only sign X (…)")
BRACKET_OPENED_BEFORE = re.compile(r" ?\( ?$")  # a bracket opened right before a point (also `retraction`)
_GLOSS_STOP_WORDS = frozenset({"only", "just", "merely", "but", "and", "or", "also", "that", "which", "is", "are"})
_GLOSS_STOP_WORDS |= {"was", "were", "not", "no", "never"}


# before a Chinese gloss only a negation that is a word of its own (并非该银行（华信银行）), not the 不 of a word the
# walk back reaches (### 不良率分析（华信银行）: 不良 is no negation)
_GLOSS_NEGATIONS_ZH = frozenset(
    {"并非", "不是", "并不是", "绝非", "而非", "也不是", "亦非", "没有", "并没有", "不属于"}
)


def _gloss_heads(answer_norm: str, opened: int) -> list[int]:
    """Where the words before a bracket opened at `opened` may start, nearest first."""
    heads: list[int] = []
    pos = opened
    if pos > 0 and "\u4e00" <= answer_norm[pos - 1] <= "\u9fff":
        while pos > 0 and len(heads) < 8 and "\u4e00" <= answer_norm[pos - 1] <= "\u9fff":
            pos -= 1
            heads.append(pos)
        return heads
    while len(heads) < 3:
        word = re.search(r"[a-z][a-z'&.-]*$", answer_norm[max(0, pos - 30) : pos])
        if word is None or word.group() in _GLOSS_STOP_WORDS:
            break
        pos -= len(word.group())
        heads.append(pos)
        if pos == 0 or answer_norm[pos - 1] != " ":
            break
        pos -= 1
    return heads


def negation_before_its_gloss(answer_norm: str, start: int) -> str | None:
    """The negation before the words that the text point at `start`, in brackets right after them, glosses; or a
    copula's negation before its possessor (不是王志远的老部下); else None."""
    before = answer_norm[max(0, start - 48) : start]
    possessor = _NEGATED_POSSESSOR_ZH.search(before)
    if possessor is not None:
        return possessor.group()
    opens = BRACKET_OPENED_BEFORE.search(answer_norm, max(0, start - 3), start)
    if opens is None:
        return None
    for head in _gloss_heads(answer_norm, opens.start()):
        negation = negation_before(answer_norm, head)
        if negation is not None and (head == 0 or answer_norm[head - 1].isascii() or negation in _GLOSS_NEGATIONS_ZH):
            return negation + answer_norm[head:start]
    return None


def negation_before(answer_norm: str, start: int, figure: bool = False) -> str | None:
    """The negation standing before `start` in a normalised answer, with what lies between (one space, opening
    quotes, one filler word: 不是约, 不“, not fully), if any. `figure`: the point starts with a number, which
    不止 and 不只 negate (不止20个月: more than that) and 只有 may follow (不是只有20个月)."""
    before = answer_norm[max(0, start - 40) : start]
    unticked = _UNTICKED_BEFORE.search(before)
    if unticked is not None:
        return unticked.group()
    core = before.rstrip(_OPENERS + " ")
    at = _zh_negation_over_a_filler(core, figure)
    if at is None and core[-1:] in "年月日号底初末前内中":
        date = _DATE_BEFORE_A_POINT.search(core)  # v10: 并未于2024年(正式)通过
        if date is not None:
            at = _zh_negation_over_a_filler(core[: date.start()].rstrip(" "), figure)
    if at is None and any(core.endswith(filler) for filler in FILLERS_ZH):
        filler = next(f for f in _FILLERS_ZH_LONGEST_FIRST if core.endswith(f))
        date = _DATE_BEFORE_A_POINT.search(core[: -len(filler)])  # v10: 并未于2024年正式通过
        if date is not None:
            at = _zh_negation_ending(core[: date.start()].rstrip(" "), figure)
    opened = before.rstrip(_OPENERS)  # the space after the word stays: "not "
    if at is None:
        at = _en_negation_ending(opened, figure)
    if at is None:
        planned = _NO_PLANS_EN.search(opened)
        at = planned.start() if planned is not None else None  # v86: We have no plans for on-premise deployment
    if at is None and figure:
        raised = _NEGATED_RAISING_EN.search(opened)
        at = raised.start() if raised is not None else None  # v48: is not expected to reach 20%
    if at is not None and _asks_a_not_a(answer_norm, before, at, start):
        return None  # v19: 回收期是不是20个月？ asks, it does not deny
    return None if at is None else before[at:]


# v86: no plan for it (We have no plans for on-premise deployment, there are no plans to offer ...)
_NO_PLANS_EN = re.compile(
    r"(?<![a-z])(?:no|not any) (?:current |immediate |near-term |concrete )?plans? (?:for|to (?:offer|support|provide"
    r"|launch|release|add|introduce|build)) (?:the |a |an )?$"
)


def _asks_a_not_a(answer_norm: str, before: str, at: int, start: int) -> bool:
    """The negation at `at` in `before` is the middle of an A-not-A question (是不是, 有没有, 能不能, 可不可以) whose
    sentence, the one that holds `start`, ends with a question mark (v19): 回收期是不是20个月？ asks."""
    if at == 0 or before[at : at + 1] not in ("不", "没") or before[at - 1 : at] != before[at + 1 : at + 2]:
        return False
    end = SENTENCE_END.search(answer_norm, start)
    return end is not None and end.group() == "?"


# v106: a charge's rate between a verb and its figure (不收取每月5000元, 并不收取每年5000元, 不收每月5000元)
_RATE_BEFORE_A_FIGURE_ZH = re.compile("每 ?(?:个 ?)?(?:月|年|季度?|周|天|日|次|人|台|户|位|小时|套|单) ?$")


def _zh_negation_over_a_filler(core: str, figure: bool) -> int | None:
    """Where the Chinese negation that `core` ends with starts, directly or before one filler (不是约, 并未正式), the
    filler's experiential 过 (v106: 从未收过, 没有收过, 从来没提供过) and, before a figure, a rate (不收取每月)."""
    at = _zh_negation_ending(core, figure)
    if at is not None:
        return at
    if figure:
        rate = _RATE_BEFORE_A_FIGURE_ZH.search(core)
        if rate is not None:
            core = core[: rate.start()].rstrip(" ")
            at = _zh_negation_ending(core, figure)  # 不再每月5000元: the negation right before the rate
            if at is not None:
                return at
    fillers = _FILLERS_ZH_BEFORE_A_FIGURE_BY_LAST if figure else _FILLERS_ZH_BY_LAST
    words = list(fillers.get(core[-1:], ()))
    if core.endswith("过"):
        words += [filler + "过" for filler in fillers.get(core[-2:-1], ())]
    for word in words:
        if core.endswith(word):
            at = _zh_negation_ending(core[: -len(word)].rstrip(_OPENERS + " "), figure)
            if at is not None:
                return at
    return None


def negation_after(answer_norm: str, end: int) -> str | None:
    """不到 (都不到, 还不到) right after a figure, one space allowed: 20个月都不到 is less than 20 months. Only where
    the phrase ends there (punctuation, the end, or 的 就 即 便 呢 啊 follow: 50人不到的团队): in
    150万元不到两年即可收回 the 不到 goes with the next figure (v7)."""
    after = answer_norm[end : end + 4].removeprefix(" ")
    negation = next((n for n in NEGATIONS_AFTER_A_FIGURE if after.startswith(n)), None)
    if negation is None:
        return None
    shown = answer_norm[end : end + len(negation) + (1 if answer_norm[end : end + 1] == " " else 0)]
    following = answer_norm[end + len(shown) :].lstrip(" ")[:1]
    if following and following.isalnum() and following not in _ENDS_AFTER_NOT_REACHING:
        return None  # 不到两年, 不到20个月, 不到位: 不到 starts another phrase
    return shown


# v11: a denial right after the point, where its part of the clause ends (or an English clause goes on with a
# conjunction): 私有化部署暂不支持。, 退款是不可能的, 私有化部署：不支持, 关于私有化部署，目前暂不支持。,
# 退款一律不予受理, | 私有化部署 | 无 |; On-premise deployment is not available (at this time), Refunds are not granted,
# A refund is not possible. Only the words of a denial, and only where the part ends after them: 私有化部署不支持多租户
# and 私有化部署不可用于测试环境 state the point (they deny another thing), "is not available for the Basic plan" limits
# it, and 不仅, 不错, 不久, 不断 and "is not only" deny nothing.
# v107: a figure or a point said to be in doubt (（存疑）, 这个数字有争议, 私有化部署（有待商榷）): one list for the
# three places that read it (here after a pointer and in brackets, `hypothesis._MISSED_AFTER` in a figure's bracket)
DISPUTED_ZH = "存疑|有争议|存在争议|有待商榷"
_DENIAL_ADVERBS_ZH = (
    "(?:目前|当前|现在|暂时|暂|也|都|均|并|还|尚|则|仍然?|依然|根本|完全|绝对|一律|一概|原则上|是|全部|全额|予以"
    # v15: and a perfect, future or passive one (服务费已减免, 将被豁免, 均予减免)
    "|已经|已|将会|将|会|被|予)"
)
# v36: and a list item's mark after a space (- 私有化部署：无 - 期限：12个月, as the lines are joined by normalising)
# v72 review: a cross after the denial says it again (私有化部署：不支持 ❌, | 私有化部署 | 不支持 ❌ | - credited
# under v70-v72: the mark kept the denial from ending its part)
_PART_ENDS_ZH = f"(?: ?(?:{CROSS} ?)?(?=[。!?;\n,、:(—|)\\]】]|\\.(?=\\s|$)|$)| (?=[-*•+] ))"  # v86: ) ] 】
# v14: and a waiver after the point, as 免收 before it is one (首年服务费免收, 违约金予以免除, 安装费全免, 服务费不收取)
WAIVERS_AFTER_ZH = "免收|免除|豁免|免交|免缴|免征|全免|减免|免去|免掉|不收"  # v15: 减免, 免去, 免掉, 不收
# v66: and after a verdict mark (私有化部署：❌ 不支持, 私有化部署 ✗ 暂不提供) and after the point's bracket
# ((私有化部署)：不支持, Private deployment (私有化部署): ❌ 不支持) - v65 read the mark only where its line ended; v71:
# every cross is `CROSS`
# v86: and after a dash (私有化部署 — 不可用, 私有化部署 - 不支持)
_MARKED_OR_BRACKETED_ZH = f"(?:(?: ?\\))? ?[,:|] ?(?:{CROSS} ?)?| ?{CROSS} ?| ?(?:—|–|-){{1,2}} ?)?"
# v86: and, for a point with no figure, in a bracket of its own (私有化部署（已停售）, 私有化部署【暂不支持】,
# 私有化部署（待评估）) - a figure's bracket is read by its own rules (20个月（不对，应为24个月）: `taken_back`)
_OPENING_BRACKET_ZH = " ?[(\\[【] ?"
# v67: and after the point's noun or a topic's words (7天无理由退货政策已取消, 私有化部署这块我们暂时做不了)
# v86: and a plan's, a mode's or a request's noun (私有化部署方案已于2024年停止提供, 私有化部署这一需求我们无法满足)
_TOPIC_AFTER_ZH = (
    "(?:的?(?:政策|服务|功能|选项|能力|方案|模式)"  # v106: and after 的 (私有化部署的方案被否决了)
    "|(?:这块儿?|这一块儿?|这方面|方面|(?:这一|这个|这项|该|的)需求)(?: ?, ?)?(?:我们|我方|我司)?"  # v87: 这块儿
    "|(?:这类|此类|这种|这一类|该类)(?:产品|服务|方案|业务|模式|承诺)(?: ?, ?)?(?:我们|我方|我司)?"  # v108
    "|(?:这个 ?|, ?)?(?:我们|我方|我司)|这条路|这条路线)?"  # v86: 私有化部署我们不做, 这个我们不提供, 这条路走不通
)
# v86: and after a topic's particle and an aside (私有化部署的话，目前还不行; 私有化部署嘛，这个真没有; 关于私有化部署：
# 很抱歉，暂不支持; 私有化部署我们这边暂时没有)
_ASIDE_ZH = (
    "(?:(?:嘛|呢|的话)(?: ?, ?)?)?"
    "(?:(?:很抱歉|抱歉|遗憾的是|很遗憾|不好意思|我们这边|这边|这个|真的?|确实|的确)(?: ?, ?)?){0,3}"
)
_DENIAL_AFTER_ZH = re.compile(
    f"{_MARKED_OR_BRACKETED_ZH}{_TOPIC_AFTER_ZH}{_ASIDE_ZH}(?:{_DENIAL_ADVERBS_ZH} ?){{0,3}}"
    "(?P<denial>不可能|不可行|不可用|不能用|用不了|不行|不可以|不能|(?:暂|还|尚)?不(?:支持|提供|开放|存在|适用|允许|接受"
    "|受理|包括|包含|含|需要|必要|收取|收费|计费|另行收取|额外收取|现实|可取)|不被(?:允许|支持|接受|认可)|不予(?:受理|支持|批准|办理|考虑"
    # v86: and a request not met, a product not launched (无法满足, 尚未推出, 未开通)
    "|提供|退还)?"
    # v101: a need it cannot meet, named (无法满足贵司合规要求, 满足不了您的需求)
    "|(?:无法|不能|难以)满足(?:贵司|贵方|您|你们|客户|其)?的?[^,，。!?;；\n]{0,8}?(?:要求|需求)"
    "|无法(?:提供|实现|支持|使用|办理|受理|满足)|不能满足|满足不了|没有提供|(?:暂|尚)?未(?:提供|开放|上线|支持|推出|发布|开通)|被拒绝?|被禁止|禁止|非必需"
    # v106: and an option rejected or dropped (私有化部署被排除在外, 的方案被否决了, 的选项已被放弃)
    "|被(?:否决|排除|放弃|淘汰|弃用|砍掉|叫停|搁置)(?:在外)?"
    # v108: with the one who did it (的方案被客户拒绝, 被管理层否决了), stopped with 了 and no 已 (停止销售了, 停售了),
    # and not the first choice (私有化部署不是首选，推荐SaaS)
    "|被[\u4e00-\u9fff]{1,5}?(?:拒绝|否决|排除|放弃|淘汰|弃用|砍掉|叫停|搁置)"
    "|(?:停止(?:提供|支持|服务|销售|开放)|停售|下线|下架|停用)了"
    "|(?:不是|并非|并不是|不算)(?:我们的)?(?:首选|最佳选择|最优选择|最好的选择|最佳方案|最优方案|推荐方案)"
    # v108: no capability for it (私有化部署方面，我们没有能力), and advice against it that ends its sentence after a
    # reason (私有化部署成本太高，不建议采用) - not advice against another (…，不建议采用SaaS)
    "|(?:没有|不具备|缺乏)(?:这个|这方面的?|相关的?)?(?:能力|资质|条件|经验)"
    "|[\u4e00-\u9fff]{0,10}?[,;] ?(?:因此|所以|故|我们)?(?:不建议|不推荐|不宜|不适合|不考虑|不予考虑|不太建议|不太推荐)"
    "(?:采用|使用|选择|考虑|部署|选用|上)?(?= ?(?:[。!?;\n.]|$))"
    f"|非必须|不是必须|不是必需|没必要|无|没有|{WAIVERS_AFTER_ZH}"
    "|行不通|走不通|(?:实现|做|办)不(?:了|到)"
    # v67: and no longer offered, withdrawn (私有化部署已停止提供, 已不再提供, 现已下线, 已停用)
    "|不再(?:提供|支持|开放|适用|可用)?|(?:现已|已经?|早已)被?(?:于[^,。!?;\n]{1,10}?)?(?:停止(?:提供|支持|服务|销售|开放)?|下线|停用|下架|停售|取消|废弃"
    "|关闭|终止|退役|淘汰|移除|删除|砍掉|去掉|撤销|撤下)"  # v86: 已被移除, 已经砍掉了
    # v109: a former offer stopped after a contrast, the stop ending its clause (我们曾提供私有化部署，但已于去年停止;
    # not …，但已停止对旧版本的支持, which stops something else)
    "|(?:但|不过|然而)(?:现已|已经?|早已)被?(?:于[^,。!?;\n]{1,10}?)?(?:停止(?:提供|支持|服务|销售|开放)?|下线|停用|下架|停售"
    "|取消|终止)了?(?= ?(?:[,。!?;\n]|$))"
    # v86: and one never launched or with no plan (一直没有推出, 从来没有支持过, 暂无计划), one not done (我们不做)
    "|(?:从未|从来没有?|一直没有?|一直未|始终没有?|始终未|还没有?)(?:推出|支持|提供|上线|开放|发布|做)过?"
    "|(?:暂|目前|当前|尚|还)?(?:无|没有)(?:相关|任何)?(?:计划|安排|规划)|不做"
    # v86: and one out of plan or list (不在考虑范围内, 不在计划内, 不在支持之列), one refused (免谈, 恕难从命)
    "|不在(?:我们的|我方的|本产品的|产品的|公司的|本次|此次|这次|本期|当前|目前的?)?(?:考虑|计划|支持|服务|交付|产品|合同|规划)?"
    "(?:范围|计划|之列|产品线|路线图|内容|项目|清单)(?:内|之内|中|之中|上|里)?|免谈|恕难从命|恕不(?:提供|支持|接受|受理)"
    # v87: and one missing, hopeless or not to be spoken of (私有化部署：暂缺, 目前没戏, 无从谈起, 谈不上)
    "|暂缺|缺失|没戏|没指望|无从谈起|谈不上"
    # v106: and a place with none of ours (我们在苏州没有办公室, 苏州没有我们的总部) - right after it, not after a
    # comma (总部在苏州，没有分公司: another clause)
    "|(?<![,:|])(?<![,:|] )没有(?:我们|我方|我司|本公司)?的?(?:任何)?"
    "(?:办公室|办公地点|总部|分公司|分支机构|分部|网点|团队|员工|机构|门店|工厂|数据中心|研发中心)"
    # v106: and one far from reached (ROI离20%还差得远, 距离20%还有差距, 与20%相去甚远)
    "|还?(?:差得(?:很|太)?远|有(?:很大|较大|一定|不小)?的?差距|相去甚远|相差甚远)"
    # v106: and a time the work cannot be done in (3天内无法完成部署, 部署3天完不成, 3天之内不可能上线: v105
    # credited 3天) - "within" said (回收期20个月不可能完成 stays v11's: a verb's object follows)
    "|(?:内|之内|以内)(?:根本|肯定|绝对|都|也|还|是)?(?:无法|不能|不可能|没法|没办法|难以)"
    "(?:完成|做完|搞定|交付|上线|落地|完工|竣工|部署完|搞完|实施完)[^,，。!?;；\n的]{0,8}?"
    "|(?:根本|肯定|绝对|都|也|还|是)?(?:完不成|做不完|搞不定|干不完|弄不完|来不及)"
    # v25: and its unlikelihood (回收期20个月不太可能, 20个月的可能性很小)
    "|(?:不太|不大)可能(?:实现|达到|做到)?|(?:不太|不大)(?:现实|可行)|(?:的)?可能性(?:很|极|非常)?(?:小|低|不大)"
    # v85: and in its other nouns (20%的概率很低, 几率很小, 机会不大, 希望渺茫)
    "|(?:的)?(?:概率|几率|机率|机会|希望|可能性)(?:很|极|非常|比较|较|相当)?(?:小|低|不大|不高|渺茫|微乎其微)"
    "|(?:的)?(?:概率|几率|机率|机会|希望|可能性)(?:几乎|基本)?(?:为零|是零|接近于?零)"
    # v15: and a correction (回收期是20个月是错的, 20个月的说法有误, 回收期20个月，不对，是24个月)
    "|(?:的?(?:说法|表述|结论|答案))?(?:是|并|为|属|纯属)?(?:错误|错|不对|不准确|不正确|有误|不实|误传|讹传|谣传|谣言|误解"
    "|笔误|口误|写错了|打错了"  # v106: 之前说的20个月是笔误
    # v107: and a myth said with its measure word (20个月的说法是个误区, 是一个常见的误解)
    "|(?:一个|一种|个)(?:常见|普遍|典型)?的?(?:误区|误解|谣言|错误|误传)|(?:常见|普遍|典型)的?(?:误区|误解)|误区)"
    # v86: and an exaggeration or a misjudgement (20个月是夸大其词, 言过其实, 20个月被低估了)
    "|(?:的?(?:说法|表述|结论|估计|估算))?(?:是|有些|有点|显然)?(?:夸大其词|言过其实|被(?:低估|高估)|(?:低估|高估)了)"
    # v32: and one out of date (20个月的说法已过时, 20个月的数据已作废, 20个月已失效)
    "|(?:的?(?:说法|表述|结论|答案|数据|数字|估计))?(?:已经?|早已)?(?:过时|作废|失效|废弃|被取代)"
    # v16: and one that points back at it (20个月，这是错误的; 20个月，这个说法不对; 20个月这一说法是错误的)
    "|(?:(?:但是?|不过|可是?) ?)?(?:这|此)(?:个|种|一|样)?(?:说法|表述|结论|答案|数字|数据|估计|判断)?"
    "(?:是|并|就|也)?(?:完全)?"
    "(?:错误|错|不对|不准确|不正确|有误|不实"
    # v107: after a "but", and an old figure of a time named (20个月，这是去年的旧数据; 20个月，但这是过时的数据)
    "|(?:(?:去年|前年|上一?年|上季度|上个?月|以前|之前|早先|早期|当时|过去)的)?(?:旧数据|老数据|过时的?数据|旧的?数字|过时的?数字)"
    # v107: or doubted (20个月，但这一数字存疑; 这个数字有争议)
    f"|(?:尚|仍|还|仍然)?(?:{DISPUTED_ZH}|不可靠|靠不住|值得怀疑))"
    # v107: and one called only a gimmick (私有化部署只是个噱头, 20个月不过是宣传口径)
    "|(?:只|仅|不过|只不过)(?:是|为)?(?:一个|一种|个)?(?:营销)?(?:噱头|宣传口径|营销口径|画饼|空头支票)"
    # v106: and one called an old version's data (20个月是旧版方案的数据, 20个月——这是旧数据)
    "|(?:是|为)(?:旧|老|旧版|旧版本|上一版|原方案|旧方案|之前版本|早期)(?:方案|版本)?的?(?:数据|数字|估计|测算|值))"
    "(?:的事情?|的|了|哦|呢|啊|呀|吧)?" + _PART_ENDS_ZH  # v86: 是不可能的事
)
_OPENING_BRACKET_ZH_RE = re.compile(_OPENING_BRACKET_ZH)
_DENIAL_AFTER_EN = re.compile(
    # v86: an aside before or after the verb (On-premise deployment, unfortunately, is not available; is,
    # unfortunately, not supported)
    r"(?:e?s)?(?:, (?:unfortunately|sadly|regrettably|however),)? (?:(?:is|are|was|were|will|would|can|could|does|do"
    r"|did|has|have|had|should|may|must)(?:, (?:unfortunately|sadly|regrettably|however),)?"
    r"(?:n't|n’t|(?: currently| presently| still)? not| never)"  # v106: was never an option
    r"|won't|won’t|can't|can’t|cannot|(?:is|are|was|were|has|have) no longer)"
    r"(?: (?:be|been|being|currently|yet|presently|generally|normally|always|ever|officially))*"
    r" (?:available|supported|offered|possible|provided|permitted|allowed|granted|included|accepted|applicable"
    r"|shipped|released|launched|rolled out"  # v106: v4.0 has not shipped yet
    r"|recommended|advised|advisable|suggested"  # v75: On-premise deployment is not recommended
    r"|required|needed|necessary|feasible|issued|given|an option|charged|billed|collected|payable"
    r"|on offer|offered to (?:customers|clients|the public))"  # v109: is no longer on offer
    # v34: the figure named as one (the 20-month figure is wrong, the $1.2 million estimate is incorrect)
    r"|(?:e?s)?(?: figure| number| estimate| value| claim| payback(?: period)?| timeline| projection| forecast)?"
    r" (?:is|are|was|were|remains?|stays?)(?: currently)?"
    r" (?:unavailable|unsupported|impossible|prohibited|forbidden"
    r"|(?:highly |very )?unlikely|not likely|unrealistic|not realistic|unachievable|not achievable"  # v26
    r"|not an option|wrong|incorrect|inaccurate|false|not (?:correct|right|accurate|true)"  # v15: a correction
    # v107: and a mistake or a myth (The 20-month claim is a common mistake, is a misconception)
    r"|(?:an? )?(?:common |frequent |widespread |popular |typical )?(?:mistake|error|misconception|myth|fallacy"
    r"|misunderstanding|misreading)(?![a-z-])"
    r"|off the table|out of the question|not on offer|not on the table"  # v86
    # v106: not where it is (Suzhou is not where the HQ is)
    r"|not where (?:the |our |its |their )?[a-z ]{1,30}? (?:is|was|are|sits|stands|lies)"
    # v106: the old figure (20 months was the old plan's figure, is the previous estimate)
    r"|(?:the|an) (?:old|outdated|previous|earlier|former)(?: plan's| version's| model's| plan| version)?"
    r" (?:figure|number|data|estimate|value)"
    r"|(?:a )?no-go|not (?:possible|feasible))"  # v87: Private deployment is a no-go, is not possible
    # v32: and one that is out of date (the 20-month figure is outdated, 20 months is obsolete / no longer valid)
    r"|(?:e?s)?(?: figure| number| estimate| value)? (?:is|are|was|were)(?: now)? (?:outdated|obsolete|out of date"
    r"|out-of-date|superseded|no longer (?:valid|current|accurate))"
    # v67: and one withdrawn (On-premise deployment has been discontinued / was dropped / is deprecated)
    r"|(?:e?s)? (?:is|are|was|were|has been|have been|had been)(?: (?:now|since|recently|officially|already))?"
    r" (?:discontinued|dropped|retired|deprecated|withdrawn|phased out|sunset|removed|cancell?ed"
    r"|pulled|rolled back|recalled)(?: after (?:its )?(?:release|launch))?"  # v106: v4.0 was pulled after release
    # v108: and one rejected or voted down, by whom (Private deployment was voted down by the board), one only
    # another party offers (is offered only by competitors), one not the first choice, and advice against it
    # after a reason (Private deployment is too costly, so we do not recommend it)
    r"|(?:e?s)? (?:is|are|was|were|has been|have been|had been) (?:rejected|voted down|ruled out|scrapped|abandoned"
    r"|shelved|turned down|vetoed)(?: by [a-z ]{1,30}?)?(?= ?(?:[.,;:!?)]|$))"
    r"|(?:e?s)? (?:is|are) (?:offered|provided|supported|available|sold) only (?:by|from|at) (?:the )?(?:competitors?"
    r"|rivals?|other vendors)(?![a-z])"
    r"|(?:e?s)? (?:is|are) not (?:our|the) (?:first choice|recommended option|preferred option|recommendation)"
    r"|(?:e?s)? [^.!?\n]{0,30}?(?:, so|; so|;) we (?:do not|don't|would not|wouldn't|cannot|can't) recommend it"
    r"(?![a-z])"
    # v67: and one offered once, withdrawn since (was previously offered but has been retired)
    r"|(?:e?s)? (?:was|were) (?:previously|formerly|once|originally) (?:offered|supported|available|provided),? but"
    r" (?:has|have|was|were)(?: since)?(?: been)? (?:discontinued|dropped|retired|deprecated|withdrawn|phased out"
    r"|removed|cancell?ed)"
    # v16: and one that points back at it (20 months, which is wrong; 20 months - this is incorrect)
    r"|(?:e?s)?(?:,| -| —| –|;)?(?: but| though| although)? (?:which|this|that)(?: figure| number| claim| estimate)?"
    r" (?:is|was)(?: simply| completely| widely| hotly| highly)? (?:wrong|incorrect|inaccurate|false|untrue"
    r"|not (?:correct|right|accurate|true)"
    r"|disputed|contested|questionable|doubtful|dubious|unreliable|in dispute"  # v107: that figure is disputed
    r"|a typo|a mistake|an error|a slip"  # v106: Earlier I said 20 months; that was a typo
    # v107: or an old one (20 months, but that was last year's figure; which is an outdated number)
    r"|last year's (?:figure|number|data|estimate)|(?:an? )?(?:old|outdated|stale|out-of-date) (?:figure|number|data"
    r"|estimate))"
    r"|(?:e?s)? (?:in error|by mistake|mistakenly|erroneously)"  # v106: (I previously wrote 20 months in error)
    # v107: a figure that is doubted ("Payback is 20 months, a figure that is widely disputed")
    r"|(?:e?s)?, (?:a|an) (?:figure|number|estimate|claim) (?:that|which) (?:is|was|has been)(?: widely| hotly| often)?"
    r" (?:disputed|contested|questioned|doubted)"
    # v14: a waiver (the fee is waived, will be waived; not "can be waived", a possibility)
    r"|(?:e?s)? (?:is|are|was|were|will be|shall be|has been|have been)(?: (?:fully|entirely|completely|also))?"
    r" (?:waived|exempted|remitted|forgiven)"  # v15: remitted, forgiven
    # v36: and not something one can offer (Guaranteed returns are not something we can offer)
    r"|(?:e?s)? (?:is|are)(?: not|n't) (?:something|anything) (?:we|i|they|anyone|one|you|it)"
    r"(?: (?:can|could|will|would|do|does))? (?:offer|provide|promise|give|guarantee|support|sell|do)"  # v86: no modal
    # v87: and something one cannot offer (Private deployment is something we cannot offer)
    r"|(?:e?s)? (?:is|are) (?:something|one thing|a thing) (?:we|i|they)"
    r" (?:cannot|can't|can’t|could not|couldn't|couldn’t|do not|don't|don’t|won't|won’t|will not|are unable to"
    r"|are not able to) (?:offer|provide|promise|give|guarantee|support|sell|do)"
    # v86: and one we say we do not offer, right after it (As for on-premise deployment, we don't offer it; On-premise
    # deployment? We don't offer it), one we stopped offering, one that used to be offered
    r"|(?:e?s)?(?:\?|,|:| -| —) (?:(?:unfortunately|sadly|currently|at present|at the moment),? )?(?:we|i)"
    r" (?:do not|don't|don’t|no longer|cannot|can't|can’t|won't|will not|never|currently do not|currently don't)"
    r" (?:offer|support|provide|have|do|sell) (?:it|this|that|one|them)"
    r"|(?:e?s)? (?:is|are) (?:something|anything) (?:we|i|they) (?:stopped|ceased|quit) (?:offering|supporting"
    r"|providing|selling)|(?:e?s)? used to be (?:offered|supported|available|provided)"
    # v101: a verdict in a bracket of its own (SaaS (not recommended), (unavailable), (discontinued)), one still in
    # development (as 正在开发中; a plan for a time is an offer, decided in v67), one whose support ended, one that
    # would not meet the customer's needs (SaaS would not meet your compliance requirements)
    r"|(?:e?s)? \((?:not (?:recommended|available|supported|offered|included|advised|an option)|unavailable"
    r"|unsupported|discontinued|deprecated|withdrawn|coming soon|planned|n/?a|none)\)"
    r"|(?:e?s)? (?:is|are) (?:only |still )?(?:in development|under development|in the works)(?![a-z])"
    r"|(?:e?s)? (?:support|sales|availability|service) (?:has |had )?(?:ended|stopped|ceased|was discontinued"
    r"|was withdrawn)(?![a-z])"
    r"|(?:e?s)? (?:would|will|does|do|can|could)(?: not|n't|n’t) (?:meet|satisfy|fit|suit) (?:your|the|their|our"
    r"|the customer's|the client's) [^.,;!?\n()]{0,30}?(?:needs?|requirements?|constraints|rules)(?![a-z])"
    # v86: and one not launched yet (On-premise deployment has yet to be released)
    r"|(?:e?s)? (?:is|are|has|have) yet to be (?:released|launched|offered|supported|made available|rolled out"
    r"|introduced|shipped)"
)
# v14: a charge said to be free after it is waived (首年服务费免费, The service fee is free of charge) - not a service
# that is free (安装免费, Installation is free of charge: it is done, for nothing)
A_CHARGE = re.compile("(?:费|金|款|税|租)$|(?<![a-z])(?:fees?|charges?|costs?|deposits?|penalty|penalties|tax|rent)$")
_FREE_AFTER_ZH = re.compile(
    f"(?: ?[,:|] ?)?(?:{_DENIAL_ADVERBS_ZH} ?){{0,3}}"
    # v15: or need not be paid (服务费无需支付, 违约金不用交)
    "(?:免费|(?:无需|无须|不需要?|不用|不必|免于)(?:再|额外|另行)?(?:支付|缴纳|交纳|缴付|付费|缴|交|付))(?:的|了)?"
    + _PART_ENDS_ZH
)
_FREE_AFTER_EN = re.compile(
    r"(?:e?s)? (?:is|are|was|were|will be)(?: (?:completely|entirely|totally))? free(?: of charge)?"
)
# v36: a denial for the product the answer is about ends there too (not available for this product, with this fund,
# on our platform) - where a name limits it ("not available for the Basic plan") it does not (v11)
_DENIAL_ENDS_EN = re.compile(
    r"(?: (?:for|with|on|in|through|from) (?:this|these|our|the|any) (?:products?|funds?|plans?|accounts?|offerings?"
    r"|investments?|portfolios?|platforms?|services?|policy|policies))?"
    r"(?: (?:for|to) you| in your case)?"  # v87: the asker's own (is not an option for you)
    r"(?: (?:at (?:this|the) (?:time|moment)|at present|for now|currently|yet|today|at all|anymore|any more"
    # v67: and a time of the withdrawal (was dropped last year, has been discontinued since 2024)
    r"|(?:last|this|earlier this) (?:year|quarter|month|week)|(?:in|since|as of) (?:[0-9]{4}|q[1-4](?: [0-9]{4})?)))?"
    r"(?=[.,;!?:)\n]|$| [-*•+] | (?:and|but|as|since|because|so)(?![a-z]))"  # v106: | [-*•+] | (a list item's end)
)


# v66: a cell that says no in one mark (| 私有化部署 | N |, | — |, | / |), read under its column's header as | 无 | is
# (v12) - not a table's rule row (| - |), which starts a new row after the point's; not x, which may tick a box; not
# after a figure (| 回收期 | 20个月 | - |: an empty note)
_NO_IN_A_CELL = re.compile(f" ?\\| ?(?:n|{CROSS}|—|–|-|/)(?= ?\\|)")  # v71: ✕ as every cross, `CROSS`
# v66: and a feature or policy said to be undecided (私有化部署：待定, 私有化部署目前尚未确定, | 私有化部署 | 待评估 |,
# 私有化部署: TBD / to be determined / under evaluation) - no commitment; not a figure, which a hedge does not take
# back (回收期20个月（待确认）still gives the figure), nor a part of the point that is undecided (支持私有化部署，
# 价格待定)
_UNDECIDED_AFTER = re.compile(
    f"(?:{_OPENING_BRACKET_ZH}|{_MARKED_OR_BRACKETED_ZH})(?:{_DENIAL_ADVERBS_ZH} ?){{0,3}}"
    "(?:(?:暂|尚|仍|还)?(?:待定|未定|待确认|待确定|未确定|不确定|待评估|需评估|有待评估|需进一步评估|待商榷|待讨论|待议"
    f"|{DISPUTED_ZH}"  # v88: 二人是大学同学（存疑）; v107: 私有化部署（有争议）
    "|待核实|待证实|未经证实|未证实|有待证实|有待核实"
    "|视情况而定|未知|不明"
    # v67: and one left to a separate assessment (如需私有化部署，需另行评估), one not made yet (私有化部署正在开发中,
    # 还在规划中, 在路线图上, 即将推出, 暂无, 暂不考虑) and one out of scope (不在我们的服务范围内)
    "|(?:需要?|须|要)(?:另行|单独|额外|进一步)评估|(?:正|仍|尚|还)?在?(?:规划|开发|研发|筹备|计划|排期)(?:阶段)?中"
    "|在(?:产品)?路线图(?:上|中)|即将(?:推出|上线|支持|开放|发布)|暂无|暂不考虑"
    "|不在(?:我们的|我方的|本产品的|产品的)?(?:服务|支持|交付|产品|合同)?范围(?:内|之内)?)(?:的|中)?"
    + _PART_ENDS_ZH
    + "|(?:tbd|tbc|to be (?:determined|confirmed|decided|announced)"
    "|under (?:evaluation|review|discussion|consideration)"
    "|undecided|not (?:yet )?(?:decided|determined|confirmed))(?![a-z])"
    r"(?=[.,;!?:)\n|]| [-*•+] | ?$| (?:and|but|as|for now|at (?:this|the) (?:time|moment))(?![a-z])))"
)

_UNDECIDED_AFTER_EN = re.compile(
    r"(?:e?s)? (?:is|are|remains?|was|were|has|have)(?: (?:still|currently|yet))?"
    r" (?:tbd|to be (?:determined|confirmed|decided|announced)|under (?:evaluation|review|discussion|consideration)"
    r"|undecided|(?:not|yet to be|not yet been|not been) (?:yet )?(?:decided|determined|confirmed))(?![a-z])"
    # v67: and one not made yet or out of scope (is on our roadmap, is coming soon, is under development, is not in
    # scope)
    r"|(?:e?s)? (?:is|are) (?:still |currently )?(?:on (?:our|the) (?:product )?roadmap|coming soon|under development"
    r"|in development|being developed|not (?:yet )?in scope|out of scope|not part of (?:our|the) (?:offering|scope))"
    r"(?=[.,;!?:)\n]|$| (?:and|but|for now|at (?:this|the) (?:time|moment))(?![a-z]))"
    # v67: and one left to a separate assessment (If you need on-premise deployment, it requires a separate
    # assessment)
    r"|(?:e?s)?, (?:it|this|that|which) (?:requires|needs|would require|is subject to) (?:a )?(?:separate|further"
    r"|additional|case-by-case|dedicated) (?:assessment|evaluation|review)(?![a-z])"
)


# v106: a point said to be in progress or about to be done - not had yet (SOC 2审计正在进行，预计明年完成; SOC 2认证
# 即将完成; 私有化部署功能正在开发中; SOC 2在路线图上; "SOC 2 certification is in progress", "is on our roadmap") -
# read for any point: a certificate's name with a number (SOC 2, ISO 27001) is matched as a figure, which v67's
# undecided words (`_UNDECIDED_AFTER`) leave alone; a plan for a time stays covered (v67: 计划于2027年支持)
_NOT_DONE_YET_AFTER_ZH = re.compile(
    f"{_MARKED_OR_BRACKETED_ZH} ?(?:的)?(?:功能|认证|审计|申请|资质|评估|流程|模块|报告)?"
    f"(?:{_DENIAL_ADVERBS_ZH} ?){{0,3}}"
    "(?:(?:正|仍|尚|还)?(?:在|处于)(?:进行|申请|审核|审批|办理|开发|研发|筹备|规划|认证|测试|内测|公测|灰度|评估|论证)"
    "(?:中|当中|阶段)?"
    # v109: under evaluation (私有化部署在评估中，尚无定论)
    "|(?:进行|申请|审核|审批|办理|开发|研发|认证|测试|内测|公测|灰度|评估|论证)中|正在进行|即将(?:完成|取得|获得|通过|推出|上线)"
    "|在(?:产品)?路线图(?:上|中))" + _PART_ENDS_ZH
)
_NOT_DONE_YET_AFTER_EN = re.compile(
    r"(?:(?: certification| audit| certificate| compliance| support| report)? (?:is|are) (?:still |currently |now )?"
    r"| ?(?::|\||-|—) ?)(?:in progress|underway|under way|pending|on (?:our|the) (?:product )?roadmap"
    r"|under development|in development|being (?:pursued|worked on|developed|prepared|audited|tested|evaluated"
    r"|considered|assessed)|under (?:evaluation|consideration|review)"  # v109: is being evaluated; no decision yet
    r"|in (?:beta|testing|preview|pilot|alpha))"
    r"(?=[.,;!?:)\n]|$| [-*•+] | (?:and|but|with|for now|at (?:this|the) (?:time|moment))(?![a-z]))"
)


def denial_after(answer_norm: str, end: int, charge: bool = False, figure: bool = False) -> str | None:
    """The denial right after the point that ends at `end`, where its part of the clause ends (v11): 暂不支持,
    是不可能的, " is not available"; (v14) 免收, " is waived" and, for a `charge`, 免费, " is free of charge"; (v66) a
    cell of one mark of no (| N |, | — |) and an undecided one (待定, TBD), neither for a `figure`; else None."""
    bracket = None if figure else _OPENING_BRACKET_ZH_RE.match(answer_norm, end)
    zh = (
        _DENIAL_AFTER_ZH.match(answer_norm, end)
        or (None if bracket is None else _DENIAL_AFTER_ZH.match(answer_norm, bracket.end()))  # v86: （已停售）
        or (_FREE_AFTER_ZH.match(answer_norm, end) if charge else None)
        or (None if figure else _NO_IN_A_CELL.match(answer_norm, end) or _UNDECIDED_AFTER.match(answer_norm, end))
        or _NOT_DONE_YET_AFTER_ZH.match(answer_norm, end)
    )
    if zh is not None:
        return answer_norm[end : zh.end()].rstrip(" ")
    if end == 0 or not answer_norm[end - 1].isalnum():
        return None
    if not answer_norm[end - 1].isascii() and answer_norm[end : end + 1] not in (" ", ","):
        return None  # v67: a Chinese point then an English clause after a space (私有化部署 is no longer offered)
    en = (
        _DENIAL_AFTER_EN.match(answer_norm, end)
        or (_FREE_AFTER_EN.match(answer_norm, end) if charge else None)
        or (None if figure else _UNDECIDED_AFTER_EN.match(answer_norm, end))
        or _NOT_DONE_YET_AFTER_EN.match(answer_norm, end)
    )
    if en is None or (en.group().startswith(("s", "e")) and not answer_norm[end - 1].isalpha()):
        return None
    tail = _DENIAL_ENDS_EN.match(answer_norm, en.end())
    return None if tail is None else answer_norm[end : tail.end()]


# v107: a figure that fills a bracket, judged wrong right after it (选项A（20个月）不正确;
# 正确答案为B（26个月），A（20个月）错误; "Option A (20 months) is wrong") - v106 read a verdict after a bracket
# only behind a comma or a colon
_OPENS_A_BRACKET = re.compile(r"\( ?$")
_JUDGED_AFTER_ITS_BRACKET = re.compile(
    # nothing between the bracket and the verdict: a space there may be a line break (（20%）, then 不对：周期长)
    f" ?\\)(?:是|为|都|也|则|完全)?(?:错误|错|不对|不正确|不准确|有误)的?{_PART_ENDS_ZH}"
    r"| ?\) (?:is|was) (?:wrong|incorrect|false|not (?:correct|right))(?![a-z])"
)


def judged_after_its_bracket(answer_norm: str, start: int, end: int) -> str | None:
    """The verdict of wrong right after the bracket that the figure at start:end fills alone; else None."""
    if _OPENS_A_BRACKET.search(answer_norm, max(0, start - 2), start) is None:
        return None
    judged = _JUDGED_AFTER_ITS_BRACKET.match(answer_norm, end)
    return None if judged is None else judged.group()


def _occurrences(haystack: str, needle: str) -> list[int]:
    starts, pos = [], haystack.find(needle)
    while pos != -1 and needle:
        starts.append(pos)
        pos = haystack.find(needle, pos + 1)
    return starts
