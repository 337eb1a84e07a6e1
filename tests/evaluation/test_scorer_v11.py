"""Scorer version 11: the gaps a probe of v10 found, each closed as a class. English scale words (thousand, million,
billion; k, m, bn after a currency) are scale words under the scale-word forms; the prohibitions (不予, 禁止, 严禁,
拒绝, 不允许, 免收 ...) and English "not offer / refuse to" negate; a denial right after the point (X is not
available, X是不可能的, X暂不支持。) and a yes/no question answered no (支持私有化部署吗？不支持。) negate it; a claim
reported as hearsay and disclaimed in its sentence (有传言说...，但无法证实), or after "there is no record that",
is not asserted. Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from scorer_rows import CN, SW, charged, covered, shipped_trap, status

from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.numbers import NumberForms, find_numbers
from pytest_llmeval.evaluation.scoring import score_answer

# --- 1. English scale words under the scale-word forms ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("$1.2 million", "The contract is worth $1,200,000.", SW, True),
        ("$1.2 million", "The contract is worth $1.2M.", SW, True),
        ("$1.2 million", "The contract is worth US$1.2m in total.", SW, True),
        ("$1.2 million", "The contract is worth 1.2 million dollars.", SW, True),
        ("$1.2 million", "The contract is worth USD 1.2 million.", SW, True),
        ("$1.2 million", "The contract is worth $1.2 million.", SW, True),
        ("$1.2 million", "合同金额为120万美元。", SW, True),
        ("$1.2 million", "合同金额为一百二十万美元。", CN, True),
        ("1.2 million dollars", "The contract is worth $1.2M.", SW, True),
        ("120万美元", "The contract is worth $1.2 million.", SW, True),
        ("1200万", "about 12 million", SW, True),
        ("1200万元", "The total is RMB 12 million.", SW, True),
        ("1200万元", "The total is 12 million yuan.", SW, True),
        ("1200万元", "The total is ¥12M.", SW, True),
        ("12亿", "revenue of 1.2 billion", SW, True),
        ("12亿", "revenue of 1.2 billion", CN, True),
        ("12亿元", "revenue of $1.2bn", SW, False),  # dollars are no 元
        ("1.2 billion", "营收12亿", SW, True),
        ("$500k", "a budget of $500,000", SW, True),
        ("$500,000", "a budget of $500K", SW, True),
        ("$500,000", "a budget of 500 thousand dollars", SW, True),
        ("1.2 million users", "1,200,000 users", SW, True),
        ("1.2 million users", "120万 users", SW, True),
        ("1,200,000 users", "1.2 million users", SW, True),
        # near-misses: the unit after the scale word must match; a bare letter is a unit, not a scale word
        ("$1.2 million", "The contract is worth 1.2 million.", SW, False),  # no currency on the answer's side
        ("$1.2 million", "The contract is worth 1.2 million euros.", SW, False),
        ("$1.2 million", "The contract is worth $1.2 million HKD.", SW, False),
        ("$1.2 million", "The contract is worth ¥1.2 million.", SW, False),
        ("$1.2 million", "The contract is worth $12 million.", SW, False),
        ("1200万", "12 million users and 1.2 billion requests", SW, True),
        ("1200万", "1.2 billion", SW, False),
        ("12", "12 million users", SW, False),  # as 12 is not in 12万 with scale words
        ("12 users", "12 million users", SW, False),
        ("1.2 million", "a 1.2m cable", SW, False),  # a metre, not a million: no currency
        ("1.2 million", "1.2m", SW, False),
        ("4000", "a 4k display", SW, False),
        ("8000000000", "Qwen3-8B", SW, False),  # a model's size is a code
        ("1.2 million users", "1.2M users", SW, False),  # a bare M only in money
        # without the forms nothing changes
        ("$1.2 million", "The contract is worth $1,200,000.", None, False),
        ("$1.2 million", "The contract is worth $1.2 million.", None, True),
        ("1200万", "12 million", None, False),
        ("12", "12 million users", None, True),
    ],
)
def test_english_scale_words(point: str, answer: str, forms: NumberForms | None, expected: bool) -> None:
    assert covered(point, answer, forms) is expected


def test_english_scale_words_read_as_values() -> None:
    assert [m.value for m in find_numbers(normalise("$1.2 million and 3 billion"), SW)] == [1200000, 3000000000]
    assert [m.value for m in find_numbers(normalise("$500K, $3bn, USD 2M"), SW)] == [500000, 3000000000, 2000000]
    assert [m.value for m in find_numbers(normalise("a 5m cable"), SW)] == [5]
    assert [str(m.value) for m in find_numbers(normalise("$1.2 million"))] == ["1.2"]


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # English number words are no Chinese numerals: chinese_numerals reads none of them (no separate form)
        ("20个月", "twenty months", True),  # v18: as 20 months - units translate, not the numerals
        ("twenty months", "twenty months", True),
        ("twenty months", "one hundred and twenty months", False),
        ("twenty months", "one hundred twenty months", False),
    ],
)
def test_english_number_words_stay_text(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer, CN) is expected


# --- 2. Negation prefixes: prohibitions, refusals, waivers ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("退款", "不予退款。", "negated"),
        ("退款", "本产品一律不予退款。", "negated"),
        ("退款", "禁止退款。", "negated"),
        ("退款", "严禁退款。", "negated"),
        ("退款", "商家拒绝退款。", "negated"),
        ("退款", "拒不退款。", "negated"),
        ("退款", "不允许退款。", "negated"),
        ("退款", "不准退款。", "negated"),
        ("退款", "谢绝退款。", "negated"),
        ("退款", "不接受退款。", "negated"),
        ("退款", "不可退款。", "negated"),
        ("退款", "不再退款。", "negated"),
        ("退款", "暂不退款。", "negated"),
        ("退款", "无需退款。", "negated"),
        ("预付款", "本合同无须预付款。", "negated"),  # no advance payment is required
        ("服务费", "首年免收服务费。", "negated"),
        ("违约金", "双方协商免除违约金。", "negated"),
        ("refund", "No refunds.", "negated"),
        ("refund", "Without refund.", "negated"),
        ("refund", "We do not offer refunds.", "negated"),
        ("refund", "We don't provide a refund.", "negated"),
        ("refund", "The vendor refuses to refund the fee.", "negated"),
        ("refund", "The policy prohibits refunds.", "negated"),
        # near-misses: affirmed
        ("退款", "退款。", "covered"),
        ("退款", "不禁止退款。", "covered"),  # not prohibited: allowed
        ("退款", "并未禁止退款。", "covered"),
        ("退款", "不拒绝退款。", "covered"),
        ("退款", "不得不退款。", "covered"),  # had to
        ("退款", "不予理睬之后，仍可退款。", "covered"),
        ("退款", "为避免退款纠纷，请保留凭证。", "covered"),  # 避免: avoid, no 免
        ("试用", "提供免费试用。", "covered"),  # 免费 (free of charge) negates no 试用
        ("服务费", "免费期结束后收取服务费。", "covered"),
        ("服务费", "以免产生额外的服务费。", "covered"),
        ("refund", "We offer refunds.", "covered"),
        ("refund", "We do not only offer refunds but also credits.", "covered"),
        ("refund", "It never refuses a refund.", "covered"),  # a double negation
        ("refund", "It does not prohibit refunds.", "covered"),
        ("refund", "It does not currently prohibit refunds.", "covered"),
        ("refund", "The policy currently prohibits refunds.", "negated"),
    ],
)
def test_prohibitions_and_refusals_negate(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


# --- 3. A denial right after the point; a yes/no question answered no ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("on-premise deployment", "On-premise deployment is not available.", "negated"),
        ("on-premise deployment", "On-premise deployment isn't supported at this time.", "negated"),
        ("on-premise deployment", "On-premise deployment is currently not offered, sorry.", "negated"),
        ("on-premise deployment", "On-premise deployment is unavailable.", "negated"),
        ("refund", "Refunds are not granted.", "negated"),
        ("refund", "A refund is not possible.", "negated"),
        ("refund", "Refunds will not be provided.", "negated"),
        ("退款", "退款是不可能的。", "negated"),
        ("退款", "退款不可能。", "negated"),
        ("私有化部署", "私有化部署暂不支持。", "negated"),
        ("私有化部署", "私有化部署目前不提供。", "negated"),
        ("私有化部署", "私有化部署不可用", "negated"),
        ("私有化部署", "私有化部署并不存在。", "negated"),
        ("私有化部署", "私有化部署：不支持", "negated"),
        ("私有化部署", "关于私有化部署，目前暂不支持。", "negated"),
        ("退款", "退款一律不予受理。", "negated"),
        ("支持私有化部署", "支持私有化部署吗？不支持。", "negated"),
        ("支持私有化部署", "是否支持私有化部署？目前不支持。", "negated"),
        ("私有化部署", "能做私有化部署吗？不能。", "negated"),
        ("on-premise deployment", "Is on-premise deployment available? No.", "negated"),
        ("on-premise deployment", "Can we get on-premise deployment? Unfortunately not.", "negated"),
        # near-misses: what follows is no denial of the point
        ("私有化部署", "私有化部署不仅安全，而且可控。", "covered"),
        ("私有化部署", "私有化部署不错。", "covered"),
        ("私有化部署", "私有化部署不久将上线。", "covered"),
        ("私有化部署", "私有化部署不支持多租户。", "covered"),  # it exists; it lacks another thing
        ("私有化部署", "私有化部署不可用于测试环境。", "covered"),
        ("私有化部署", "私有化部署的费用不提供减免。", "covered"),
        ("私有化部署", "提供私有化部署，不提供SaaS版本。", "covered"),
        ("私有化部署", "私有化部署不断完善。", "covered"),
        ("on-premise deployment", "On-premise deployment is not only possible but recommended.", "covered"),
        ("on-premise deployment", "On-premise deployment is available.", "covered"),
        ("on-premise deployment", "On-premise deployment is not available for the Basic plan.", "covered"),
        ("支持私有化部署", "支持私有化部署吗？支持。", "covered"),
        ("支持私有化部署", "支持私有化部署吗？是的。", "covered"),
        ("支持私有化部署", "为什么支持私有化部署？不是为了省钱，而是为了安全。", "covered"),  # no yes/no question
        ("支持私有化部署", "支持私有化部署吗？不过需要额外付费。", "covered"),  # 不过: but
        ("on-premise deployment", "Is on-premise deployment available? Yes.", "covered"),
        ("on-premise deployment", "Is on-premise deployment available? Not only that: it is the default.", "covered"),
        ("on-premise deployment", "Is on-premise deployment available? No problem, we ship it.", "covered"),
        ("私有化部署", "私有化部署，无需额外费用。", "covered"),
        ("私有化部署", "私有化部署没有问题。", "covered"),
        ("私有化部署", "私有化部署不能少。", "covered"),
        ("私有化部署", "A产品支持私有化部署，B产品不支持。", "covered"),  # another subject's denial
        ("私有化部署", "| 私有化部署 | 无 |", "negated"),
        ("90万元", "年净节省额90万元？不是，是120万元。", "negated"),
        ("refund", "Refunds are not possible after 30 days.", "covered"),  # a limit, not a denial
    ],
)
def test_a_denial_after_the_point(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


def test_a_denied_figure() -> None:
    assert status("20个月", "回收期20个月是不可能的。") == "negated"
    assert status("20个月", "回收期20个月不可能完成。") == "covered"  # a verb's object follows


# --- 4. Hearsay disclaimed in its sentence; English disclaimers before the claim ---


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        ("通过了PCI DSS", "有传言说它通过了PCI DSS认证，但无法证实。", False),
        ("通过了PCI DSS", "据传它通过了PCI DSS认证，但这一点未经证实。", False),
        ("通过了PCI DSS", "据说它通过了PCI DSS认证，不过没有依据。", False),
        ("通过了PCI DSS", "网上说它通过了PCI DSS认证，但我无法核实。", False),
        ("通过了PCI DSS", "有人说它通过了PCI DSS认证，这无法证实。", False),
        ("通过了PCI DSS", "传言它通过了PCI DSS认证。但这一说法无法证实。", False),  # the next sentence disclaims it
        ("passed PCI DSS", "Reportedly it passed PCI DSS, but this cannot be verified.", False),
        ("passed PCI DSS", "It is rumoured that it passed PCI DSS; this is unconfirmed.", False),
        ("passed PCI DSS", "It is said that it passed PCI DSS, though I could not verify this.", False),
        ("passed PCI DSS", "There is no record that it passed PCI DSS.", False),
        ("passed PCI DSS", "I found no evidence that it passed PCI DSS.", False),
        ("passed PCI DSS", "There is no indication that it passed PCI DSS.", False),
        ("passed PCI DSS", "I could not find anything showing that it passed PCI DSS.", False),
        ("passed PCI DSS", "Nothing suggests that it passed PCI DSS.", False),
        # near-misses: asserted
        ("通过了PCI DSS", "它通过了PCI DSS认证。", True),
        ("通过了PCI DSS", "据说它通过了PCI DSS认证。", True),  # a rumour passed on, not disclaimed
        ("通过了PCI DSS", "有传言说它通过了PCI DSS认证，并且已经得到证实。", True),
        ("通过了PCI DSS", "有传言说它通过了PCI DSS认证，这不是谣言。", True),
        ("通过了PCI DSS", "据说它通过了PCI DSS认证。另外，v5.0的发布时间无法证实。", True),  # another sentence
        ("通过了PCI DSS", "它通过了PCI DSS认证，有关数据泄露的传言无法证实。", True),  # the hearsay is after it
        ("passed PCI DSS", "Reportedly it passed PCI DSS.", True),
        ("passed PCI DSS", "It passed PCI DSS; there is no record of any breach.", True),
        ("passed PCI DSS", "Reportedly it passed PCI DSS, and this was confirmed by the auditor.", True),
        ("通过了PCI DSS", "据说它通过了PCI DSS认证，未来将根据新标准复审。", True),  # 未来...根据: no disclaimer
        ("通过了PCI DSS", "据悉，它通过了PCI DSS认证，证书编号待确认。", True),  # 据悉 reports; it is no rumour
        ("通过了PCI DSS", "据说它通过了PCI DSS认证，这没有根据。", False),
        ("通过了PCI DSS", "我听说它通过了PCI DSS认证，但没有找到任何证据。", False),
    ],
)
def test_hearsay_and_disclaimers(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("有传言说它通过了PCI DSS 4.0认证，但无法证实，建议向官方核实。", []),
        ("据说该平台已通过PCI DSS 4.0认证，但目前没有公开资料可以证实。", []),
        ("据说该平台已通过PCI DSS 4.0认证。", ["已通过PCI DSS"]),
    ],
)
def test_hearsay_in_the_shipped_trap(answer: str, expected: list[str]) -> None:
    assert score_answer(shipped_trap(), answer).forbidden_found == expected
