"""Scorer version 12: where the v10 and v11 rules over-reached - correct answers they refused, made-up claims they let
pass - each narrowed as a class. A negation inside a regex's match negates it only right before a part the regex asks
for (v5.0并未于2024年发布), not before text its gap lets through (支持无服务器部署); a yes/no question answered no
denies the point only where it asks for the point (支持私有化部署吗？不支持。), not something of it
(私有化部署会影响性能吗？不会。); a prohibition after a negation affirms (不得拒绝退款, cannot refuse to refund); a
table cell that denies denies its row's label in a column that asks whether it is had (not a remark: | 回本周期 |
20个月 | 无 |); a regex is read with its Traditional characters as Simplified, as the answer is; hearsay is disclaimed
only by a disclaimer of it, in its clause. Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap
from pytest_llmeval.evaluation.scoring import score_answer


def status(point: KeyPoint, answer: str) -> str:
    case = Case(id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(point,))
    return score_answer(case, answer).points[0].status


def charged(claim: ForbiddenClaim, answer: str) -> bool:
    trap = Trap(expect=None, forbidden=(claim,), penalty=25.0)
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint("答"),), trap=trap
    )
    return bool(score_answer(case, answer).forbidden_found)


def regex(pattern: str) -> KeyPoint:
    return KeyPoint("r", regex=(pattern,))


# --- 1. a negation inside a regex's match: only right before a part the regex asks for ---


@pytest.mark.parametrize(
    ("pattern", "answer", "expected"),
    [
        ("支持.*部署", "支持无服务器部署。", "covered"),  # serverless deployment
        ("支持.*部署", "支持非侵入式部署。", "covered"),
        ("支持.*部署", "支持不停机部署。", "covered"),
        ("支持.*部署", "支持无代理部署。", "covered"),
        ("支持.*部署", "支持不受限的部署。", "covered"),
        ("支持.*私有化部署", "支持无网络环境下的私有化部署。", "covered"),
        ("支持.*私有化部署", "支持不联网的私有化部署。", "covered"),
        ("数据.*本地", "数据不出境，全部存储在本地。", "covered"),
        ("回本.*20个月", "回本周期不长，约20个月。", "covered"),
        ("回本.*20个月", "回本周期在不考虑通胀的情况下为20个月。", "covered"),
        ("回本.*20个月", "回本周期在没有补贴时为20个月。", "covered"),
        ("无需.*改造", "无需停机，也不需要改造。", "covered"),
        ("不影响.*业务", "不影响、不中断现有业务。", "covered"),
        ("等保.*三级", "通过等保，不是二级而是三级。", "covered"),
        ("approved.*2024", "approved, not without debate, in 2024", "covered"),
        ("released.*2024", "released, though not widely announced, in 2024", "covered"),
        # near-misses: the negation stands right before the part the regex asks for (or an adverb, then it)
        (r"v5\.0[^。]{0,8}?于2024年发布", "v5.0并未于2024年发布。", "negated"),
        (r"v5\.0[^。]{0,8}?于2024年发布", "v5.0并未正式于2024年发布。", "negated"),
        (r"v5\.0[^。]{0,8}?(?:于|在)2024年", "v5.0从来没有在2024年发布。", "negated"),
        (r"v5\.0.{0,10}发布", "v5.0尚未发布。", "negated"),
        (r"v5\.0.{0,10}发布", "v5.0尚未正式发布。", "negated"),
        (r"v5\.0.{0,20}released in 2024", "v5.0 was never released in 2024.", "negated"),
        ("支持.*部署", "支持私有化部署。", "covered"),
    ],
)
def test_a_negation_inside_a_regex_match(pattern: str, answer: str, expected: str) -> None:
    assert status(regex(pattern), answer) == expected


# --- 2. a yes/no question answered no: only where it asks for the point ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("私有化部署", "私有化部署会影响性能吗？不会。", "covered"),
        ("私有化部署", "私有化部署会有数据泄露风险吗？没有。", "covered"),
        ("数据加密", "数据加密会影响速度吗？不会，影响可以忽略。", "covered"),
        ("退款", "退款会被拒绝吗？不会。", "covered"),
        ("on-premise deployment", "Does on-premise deployment cost extra? No.", "covered"),
        ("on-premise deployment", "Is on-premise deployment hard to set up? Not really.", "covered"),
        ("on-premise deployment", "Will on-premise deployment slow things down? No, it won't.", "covered"),
        # near-misses: the question asks for the point
        ("私有化部署", "支持私有化部署吗？不支持。", "negated"),
        ("私有化部署", "私有化部署可以吗？不可以。", "negated"),
        ("私有化部署", "是否提供私有化部署方案？不提供。", "negated"),
        ("20个月", "回本周期是20个月吗？不是。", "negated"),
        ("on-premise deployment", "Is on-premise deployment available? No.", "negated"),
        ("on-premise deployment", "Is on-premise deployment currently supported? No.", "negated"),
    ],
)
def test_a_question_answered_no(point: str, answer: str, expected: str) -> None:
    assert status(KeyPoint(point), answer) == expected


# --- 3. a prohibition after a negation affirms ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("退款", "根据规定，商家不得拒绝退款。", "covered"),  # may not refuse: the refund is due
        ("退款", "商家不能拒绝退款。", "covered"),
        ("退款", "商家无权拒绝退款。", "covered"),
        ("退款", "商家不得以任何理由拒绝退款。", "covered"),
        ("退款", "商家不得擅自拒绝退款。", "covered"),
        ("退款", "严禁拒绝退款。", "covered"),
        ("退款", "不允许拒绝退款。", "covered"),
        ("退款", "您的申请不会被拒绝退款。", "covered"),
        ("违约金", "不予免除违约金。", "covered"),
        ("违约金", "不得免除违约金。", "covered"),
        ("refund", "Sellers may not refuse to refund.", "covered"),
        ("refund", "Sellers cannot refuse to refund.", "covered"),
        ("refund", "The seller must not refuse to refund.", "covered"),
        ("refund", "It won't decline to refund.", "covered"),
        # near-misses: the prohibition stands
        ("退款", "商家拒绝退款。", "negated"),
        ("退款", "商家无故拒绝退款。", "negated"),
        ("退款", "客户被拒绝退款。", "negated"),
        ("违约金", "双方协商免除违约金。", "negated"),
        ("refund", "The vendor refuses to refund the fee.", "negated"),
        ("refund", "The vendor declined to refund.", "negated"),
    ],
)
def test_a_negated_prohibition(point: str, answer: str, expected: str) -> None:
    assert status(KeyPoint(point), answer) == expected


# --- 4. a table cell that denies: the row's label, in a column that asks whether it is had ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "| 指标 | 数值 | 备注 |\n|---|---|---|\n| 回本周期 | 20个月 | 无 |", "covered"),
        ("20个月", "| 回本周期 | 20个月 | 无 |", "covered"),  # a value of the row, not its label
        ("私有化部署", "| 方案 | 数据出境 |\n|---|---|\n| 私有化部署 | 无 |", "covered"),
        ("私有化部署", "| 方案 | 额外费用 |\n|---|---|\n| 私有化部署 | 无 |", "covered"),
        # near-misses: denied
        ("私有化部署", "| 私有化部署 | 无 |", "negated"),
        ("私有化部署", "| 功能 | 是否支持 |\n|---|---|\n| 私有化部署 | 无 |", "negated"),
        ("私有化部署", "| 功能 | 支持情况 |\n|---|---|\n| 私有化部署 | 不支持 |", "negated"),
    ],
)
def test_a_denying_table_cell(point: str, answer: str, expected: str) -> None:
    assert status(KeyPoint(point), answer) == expected


# --- 5. a regex written in Traditional characters (or with 於) ---


@pytest.mark.parametrize(
    ("pattern", "answer", "expected"),
    [
        ("採用後端渲染", "採用後端渲染。", "covered"),
        ("採用後端渲染", "采用后端渲染。", "covered"),
        ("於梨華", "作者是於梨華。", "covered"),
        ("通過.{0,10}認證", "已通過PCI DSS認證。", "covered"),
        ("採用後端渲染", "採用前端渲染。", "missing"),
    ],
)
def test_a_traditional_regex(pattern: str, answer: str, expected: str) -> None:
    assert status(regex(pattern), answer) == expected


# --- 6. hearsay disclaimed: by a disclaimer of it, in its clause ---


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        ("已通过PCI DSS", "据说明书记载，该平台已通过PCI DSS认证，但证书编号无法确认。", True),  # 据说明书: no 据说
        ("已通过PCI DSS", "网传该平台将于明年上市，此消息未经证实；该平台已通过PCI DSS认证。", True),
        ("已通过PCI DSS", "据说该平台已通过PCI DSS认证，具体认证日期无法确认。", True),  # a detail's disclaimer
        ("已通过PCI DSS", "有消息称该平台已通过PCI DSS认证，尚未确认具体时间。", True),
        ("已通过PCI DSS", "据说该平台已通过PCI DSS认证，没有发现任何证据表明存在问题。", True),
        ("passed PCI DSS", "Reportedly it passed PCI DSS; the exact date cannot be confirmed.", True),
        # near-misses: disclaimed
        ("已通过PCI DSS", "据说该平台已通过PCI DSS认证，但无法证实。", False),
        ("已通过PCI DSS", "据说该平台已通过PCI DSS认证，但目前没有公开资料可以证实。", False),
        ("已通过PCI DSS", "有人说该平台已通过PCI DSS认证，这是未经证实的传言。", False),
        ("已通过PCI DSS", "据说该平台已通过PCI DSS认证，但没有证据证明这一点。", False),
        ("passed PCI DSS", "Reportedly it passed PCI DSS, but there is no evidence of this.", False),
        ("passed PCI DSS", "Reportedly it passed PCI DSS, though I could not verify this.", False),
    ],
)
def test_hearsay_disclaimed_by_its_own_disclaimer(claim: str, answer: str, expected: bool) -> None:
    assert charged(ForbiddenClaim(claim), answer) is expected
