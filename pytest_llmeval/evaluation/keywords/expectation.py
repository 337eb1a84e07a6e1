"""The implicit key point of a trap case: an answer of the expected kind (a refusal, an uncertainty),
its markers held to their contexts (不确定 but not 不确定性).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from ..numbers import Found, Pattern, TextPattern
from ..scenarios import KeyPoint

UNCERTAINTY_MARKERS = (
    "不确定",
    "无法确定",
    "无法确认",
    "不能确定",
    "不能确认",
    "不清楚",
    "没有提到",
    "未提及",
    "没有提及",
    "没有找到",
    "未找到",
    "不存在",
    "无从得知",
    "无法得知",
    "没有相关",
    "没有关于",
    "并未",
    "无法核实",
    # v9: honest wording the list missed (暂无v5.0发布的公开信息, 未经证实, 我没有查到)
    "暂无",
    "尚无",
    "查不到",
    "没有查到",
    "没查到",
    "未查到",
    "未经证实",
    "无法证实",
    "无法验证",
    "无从查证",
    "我不掌握",
    "没有掌握",
    "not sure",
    "uncertain",
    "cannot confirm",
    "can't confirm",
    "no record",
    "not mentioned",
    "does not exist",
    "no information",
    "unable to verify",
    "cannot be determined",
    "can't be determined",
    "not enough information",
    # v9
    "couldn't find",
    "couldn’t find",
    "could not find",
    "not aware of",
    "no evidence",
    "could not verify",
    "cannot verify",
    "unable to confirm",
    # v9: and the Chinese twins of "no evidence" (目前并无公开证据显示...)
    "没有证据",
    "无证据",
    "并无公开",
    "没有公开信息",
    "没有公开资料",
    "未见",
)
REFUSAL_MARKERS = (
    "不知道",
    "无法回答",
    "无法提供",
    "不能提供",
    "不能回答",
    "没有相关信息",
    "抱歉",
    "无可奉告",
    "i don't know",
    "i do not know",
    "cannot answer",
    "can't answer",
    "unable to answer",
)
# v9: markers that are one only in some wording (the text from the marker on must match): 不确定 but not
# 不确定性 or 不确定因素 (a market's uncertainty); 没有相关 only before 信息, 资料, 记录 ...; 并未 only before a
# disclosure (并未公开, 并未发布 - not 并未改变原有接口); 不存在 only where the phrase ends or before 相关,
# 公开, 该 ... (该版本并不存在。 - not 不存在兼容性问题); 抱歉 only before the speaker or what cannot be said
# (抱歉，我无法... - not 抱歉让您久等了); 未见 only before a record or report in its part (未见v5.0发布的公告 - not
# 未见异常); "uncertain" only where the phrase ends or before whether, if, about ... (not an uncertain market).
_CJK = "\u3400-\u9fff"
_MARKER_CONTEXTS = {
    "不确定": re.compile("不确定(?!性|因素)"),
    "没有相关": re.compile("没有相关的?(?:信息|资料|记录|数据|报道|内容|资讯|公告|消息|说明|证据|文件)"),
    "并未": re.compile(
        "并未(?:对外|正式|公开|在公开渠道|在官网)?(?:公开|发布|公布|披露|宣布|提及|提到|找到|查到|见到|看到|收录|记载|推出)"
        "|并未(?:有|见)?(?:相关|任何)?的?(?:记录|信息|资料|报道|公告|证据)"
    ),
    "不存在": re.compile(f"不存在(?:$|[^0-9a-z{_CJK}]|的|相关|公开|该|此|这|所谓|名为|任何|v[0-9])"),
    "抱歉": re.compile("抱歉[, ]*(?:我|目前|暂时|暂|这|该|关于|对于|无法|不能|没有|未能|本人|根据)"),
    "未见": re.compile("未见(?=[^,。!?;:\\n(—|]{0,40}?(?:记录|报道|公告|披露|信息|资料|消息|证据))"),
    "uncertain": re.compile(
        "uncertain(?: ?(?:[^a-z ]|$)| (?:whether|if|about|as to|how|what|when|which|who|regarding)(?![a-z]))"
    ),
}
EXPECTATION_MARKERS = {
    "refusal": REFUSAL_MARKERS,
    "uncertainty": UNCERTAINTY_MARKERS + REFUSAL_MARKERS,
}
EXPECTATION_LABELS = {"refusal": "拒答 (refusal)", "uncertainty": "表示不确定 (uncertainty)"}


# v35: a clear correction of the false premise is the pushback a trap asks for, as polite models word it: the thing
# asked about was never released or does not exist (v5.0尚未发布, 并没有推出v5.0, 没有v5.0这个版本, has not been
# released, there is no v5.0, no such version, doesn't exist), the asker's premise is wrong (您提到的v5.0可能有误,
# 问题的前提有误, the premise is incorrect, a mix-up), or the latest one is another (最新版本是v3.2，不是v5.0,
# the latest version is v3.2, not v5.0). v34 credited none of them (a model that corrects the user lost half the
# score) - but only a release's or a version's denial: 尚未公布价格, 并没有改变接口, has not changed the API credit
# nothing.
_RELEASE_ZH = "(?:正式|对外|公开|真正)?(?:发布|推出|上线|面世|问世|发行)过?"
_RELEASE_EN = "(?:released|launched|published|shipped|introduced|announced)"
_RELEASE_DENIED = re.compile(
    f"(?:尚未|还没有|还没|还未|并没有|从来没有|从未|未曾|并未|没有|未){_RELEASE_ZH}"
    f"(?=$|[^0-9a-z{_CJK}]|v ?[0-9]|版本|该|这|此|任何|名为|所谓|智能|产品)"
    f"|(?:(?<![a-z])(?:not|never)|n't|n’t)(?: yet)?(?: been)? {_RELEASE_EN}"
    "(?=$|[^a-z0-9]| (?:a |any |the )?v ?[0-9]| yet)"
)
_PREMISE_WRONG = re.compile(
    "没有(?:v ?[0-9][0-9.]*(?:这个|这一|该|此)?版本|(?:这个|这一|该|此|这样的?)版本"
    "|v ?[0-9][0-9.]*(?=$|[,。;!?\\n:)]|这个|这一))"
    "|(?:前提|提到的[^,。;!?\\n]{0,12}?|所说的[^,。;!?\\n]{0,12}?|版本号)(?:可能|似乎|恐怕)?(?:并|是|存在)?"
    "(?:有误|不正确|不准确|不成立|错误|有问题)"
    "|最新[^。\\n]{0,12}?(?:是|为|:) ?v ?[0-9][0-9.]*[,]? ?(?:不是|并非|而非|而不是) ?v ?[0-9]"
    f"|(?<![a-z])no v ?[0-9][0-9.]*(?: version| release)? (?:has|have|was|is) (?:yet )?(?:been )?{_RELEASE_EN}"
    "|(?<![a-z])there(?: is|'s|’s| are) no (?:such )?(?:v ?[0-9]|version|release|product)"
    "|(?<![a-z])no such (?:version|release|product)|(?<![a-z])(?:doesn't|doesn’t|didn't|did not) exist(?![a-z])"
    "|(?<![a-z])premise (?:(?:is|was|seems|appears) )?(?:to be )?(?:incorrect|wrong|false|mistaken|flawed)"
    "(?![a-z])"
    "|(?<![a-z])(?:a mix-?up|mixed up)(?![a-z])"
    "|并无[^,。;!?\\n]{0,12}?(?:信息|资料|记录|报道|公告)"
    "|(?<![a-z])latest(?:[^.\\n]|\\.(?=[0-9])){0,24}?(?:is|:) v ?[0-9][0-9.]*,?"
    "(?: not| rather than| instead of) v ?[0-9]"
)
# a denial of a release counts where it names a version: one in its part before it (v5.0尚未发布, v5.0 has not been
# released) or right after it (尚未发布v5.0, has never released a v5.0) - not "v5.0 adds a graph; pricing has not
# been announced"
_A_VERSION = re.compile("v ?[0-9]|版本|(?<![a-z])(?:version|release)")
_PART_END = re.compile(r"[。!?;,:\n]|\.(?=\s|$)")
_VERSION_AFTER = re.compile("[^。!?;,:\\n]{0,12}?(?:v ?[0-9]|版本|(?<![a-z])version)")
PREMISE_DENIED = "〔前提有误 / premise corrected〕"


@dataclass(frozen=True)
class _PremiseDenied(TextPattern):
    """Where the answer corrects the trap's false premise (`_PREMISE_WRONG`, and `_RELEASE_DENIED` where it names
    a version), as a marker of the uncertainty expectation (v35)."""

    def search(self, answer: str) -> Iterator[Found]:
        found = [m.span() for m in _PREMISE_WRONG.finditer(answer)]
        for m in _RELEASE_DENIED.finditer(answer):
            ends = [e.end() for e in _PART_END.finditer(answer, max(0, m.start() - 80), m.start())]
            part_start = ends[-1] if ends else max(0, m.start() - 80)
            if _A_VERSION.search(answer, part_start, m.start()) or _VERSION_AFTER.match(answer, m.end()):
                found.append(m.span())
        for start, end in sorted(found):
            yield Found(start, end)


@dataclass(frozen=True)
class _MarkerPattern(TextPattern):
    """An expectation marker that counts only where the text from it on matches its context (v9:
    `_MARKER_CONTEXTS`: 不确定 but not 不确定性)."""

    context: re.Pattern[str] | None = None

    def search(self, answer: str) -> Iterator[Found]:
        for found in super().search(answer):
            if self.context is None or self.context.match(answer, found.start):
                yield found


def marker_patterns(forms: Sequence[Pattern], expect: str | None = None) -> list[Pattern]:
    """The expectation point's patterns, each marker of `_MARKER_CONTEXTS` held to its context; for an uncertainty,
    and a correction of the false premise (v35: `_PREMISE_DENIED`)."""
    premise: list[Pattern] = [_PremiseDenied(PREMISE_DENIED)] if expect == "uncertainty" else []
    return [
        _MarkerPattern(form.text, _MARKER_CONTEXTS[form.text])
        if isinstance(form, TextPattern) and form.text in _MARKER_CONTEXTS
        else form
        for form in forms
    ] + premise


def expectation_point(expect: str, other_weight: float) -> KeyPoint:
    """The implicit key point of a trap case: an answer of the expected kind.

    It weighs as much as all other key points together (at least 1), so a trap
    answered confidently cannot pass on keywords alone.
    """
    return KeyPoint(EXPECTATION_LABELS[expect], EXPECTATION_MARKERS[expect], max(1.0, other_weight))
