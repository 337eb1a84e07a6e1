"""Scorer v75: hearsay called untrue, in the words either path knows, and for a key point without a figure; a choice
refused or advised against (不选, 不建议选, 不要采用, 别选, 不宜采用, 切勿采用; "Do not choose", "would not go with",
"Avoid", "We advise against", "is not recommended": `keywords/negation.py`).

A forbidden claim passed on as hearsay and then called untrue is not made (v11, v35: 有人说…，但这是错误的) - but the
claim path knew fewer words of "untrue" than the key-point path's correction (`retraction._CORRECTED`):
有人说平台保证收益，但这不属实 / 但事实并非如此 / 这与事实不符 / 纯属谣言 and "…, but that is not the case" were
charged. And a key point without a figure passed on so was credited: 有人说我们支持私有化部署，但这是错误的 and
网上传言我们支持私有化部署，其实并不支持 covered 私有化部署 (v17's reading of hearsay corrected was for figures only).
Both read the same words now (`keywords/assertion.py`, `HEARSAY_DISCLAIMED`, `disclaimed_hearsay`), and a denial
after a contrast (其实并不支持, "but we do not") disclaims it too - an emphatic 并不 or a negated verb of the claim's
truth, not any negation (据说…，但并不影响报价).
"""

from __future__ import annotations

import pytest
from scorer_rows import charged, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"

# a key point without a figure passed on as hearsay: not said where the answer calls it untrue (v74: covered)
TEXT_HEARSAY: list[tuple[str, str, NumberForms | None, str]] = [
    ("私有化部署", "有人说我们支持私有化部署，但这是错误的。", None, N),
    ("私有化部署", "有人说我们支持私有化部署，这不属实。", None, N),
    ("私有化部署", "网上传言我们支持私有化部署，其实并不支持。", None, N),
    ("私有化部署", "据说该产品提供私有化部署，但事实并非如此。", None, N),
    ("on-premise deployment", "Some say we support on-premise deployment, but that is not true.", None, N),
    ("on-premise deployment", "Some say we support on-premise deployment, but we do not.", None, N),
    # passed on without a disclaimer, confirmed, or with a negation of another thing: said (as a claim is made, v11)
    ("私有化部署", "据说我们支持私有化部署。", None, C),
    ("私有化部署", "有人说我们支持私有化部署，这是真的。", None, C),
    ("私有化部署", "听说我们支持私有化部署，确实如此。", None, C),
    ("私有化部署", "据说我们支持私有化部署，但并不影响报价。", None, C),
    ("私有化部署", "有人说我们支持私有化部署，但具体上线时间无法确认。", None, C),
    ("私有化部署", "我们支持私有化部署，这不是谣言。", None, C),
]
# figures, unchanged or (不属实 and the others were already the key-point path's words) now with 与事实不符
FIGURE_HEARSAY: list[tuple[str, str, NumberForms | None, str]] = [
    ("20个月", "有人说回收期是20个月，这不属实。", None, N),
    ("20个月", "有人说回收期是20个月，但事实并非如此。", None, N),
    ("20个月", "有人说回收期是20个月，这与事实不符。", None, N),  # v74: covered
    ("20个月", "有人说回收期是20个月，这属实。", None, C),
]

# a choice refused or advised against (v74: covered) - and the words that only hold its characters
NOT_CHOSEN: list[tuple[str, str, NumberForms | None, str]] = [
    ("私有化部署", "我们不选私有化部署。", None, N),
    ("私有化部署", "宁可选SaaS也不选私有化部署。", None, N),
    ("私有化部署", "不建议选私有化部署。", None, N),
    ("私有化部署", "不会选私有化部署。", None, N),
    ("私有化部署", "不引入私有化部署。", None, N),
    ("私有化部署", "不要采用私有化部署。", None, N),
    ("私有化部署", "千万不要选择私有化部署。", None, N),
    ("私有化部署", "别选私有化部署。", None, N),
    ("私有化部署", "不宜采用私有化部署。", None, N),
    ("私有化部署", "切勿采用私有化部署。", None, N),
    ("私有化部署", "特别是私有化部署，最能满足数据不出行的要求。", None, C),
    ("私有化部署", "两者的区别是私有化部署更安全。", None, C),
    ("私有化部署", "个别客户选择私有化部署。", None, C),
    ("私有化部署", "无论选私有化部署还是SaaS，都需要等保。", None, C),
    ("私有化部署", "不得不选私有化部署。", None, C),
    ("20%", "ROI分别为20%和15%。", None, C),
]

E = "on-premise deployment"
# the same in English (v74: covered): a verb of choice after a negation, avoid / skip, advice or a decision against,
# "is not recommended" - and a double negation, and a negation of another thing
NOT_CHOSEN_EN: list[tuple[str, str, NumberForms | None, str]] = [
    (E, "We would not go with on-premise deployment.", None, N),
    (E, "Do not choose on-premise deployment.", None, N),
    (E, "Never pick on-premise deployment.", None, N),
    (E, "We won't opt for on-premise deployment.", None, N),
    (E, "Avoid on-premise deployment.", None, N),
    (E, "Skip on-premise deployment.", None, N),
    (E, "We advise against on-premise deployment.", None, N),
    (E, "We decided against on-premise deployment.", None, N),
    (E, "I'd steer clear of on-premise deployment.", None, N),
    (E, "On-premise deployment is not recommended.", None, N),
    (E, "We cannot recommend anything but on-premise deployment.", None, C),  # v74: negated
    (E, "You need not avoid on-premise deployment.", None, C),
    (E, "Go with on-premise deployment.", None, C),
    (E, "This is not only for SaaS but also for on-premise deployment.", None, C),
    (E, "Avoiding downtime requires on-premise deployment.", None, C),
]

CLAIMS = [
    ("保证收益", "网上有人说平台保证收益，但这不属实。", False),  # v74: charged
    ("保证收益", "网上有人说平台保证收益，这不属实。", False),  # v74: charged
    ("保证收益", "有人说平台保证收益，但事实并非如此。", False),  # v74: charged
    ("保证收益", "有人说平台保证收益，这与事实不符。", False),  # v74: charged
    ("保证收益", "有人说平台保证收益，纯属谣言。", False),  # v74: charged
    ("保证收益", "网传平台保证收益，其实并不保证。", False),  # v74: charged
    ("guaranteed returns", "Some claim that it offers guaranteed returns, but that is not the case.", False),
    ("保证收益", "有人说平台保证收益，但这是错误的。", False),  # v35, unchanged
    ("保证收益", "有人说平台保证收益，这是真的。", True),
    ("保证收益", "有人说平台保证收益，这一点属实。", True),
    ("保证收益", "有传言说平台保证收益，这不是谣言。", True),  # v11: confirmed
    ("保证收益", "据说平台保证收益，但并不影响风险评级。", True),  # a negation of another thing
    ("保证收益", "我们保证收益。", True),
    ("guaranteed returns", "Avoid promising guaranteed returns.", False),  # v74: charged
    ("guaranteed returns", "We advise against guaranteed returns.", False),  # v74: charged
    ("guaranteed returns", "We never avoid promising guaranteed returns.", True),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 75


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"), [*TEXT_HEARSAY, *FIGURE_HEARSAY, *NOT_CHOSEN, *NOT_CHOSEN_EN]
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("claim", "answer", "expected"), CLAIMS)
def test_claims(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected
