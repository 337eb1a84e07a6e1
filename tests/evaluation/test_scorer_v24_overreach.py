"""Right answers stay credited: realistic correct answers that touch the words of the rules of scorer versions 22 to
24 (time ago, periods, alternatives, bullets after hedges, contrasts, falls, trap quotes). A trap claim that the
answer tells the reader not to make (请勿对外宣称已通过PCI DSS认证, do not tell the customer that v5.0 was released
in 2024) is warned against, not asserted."""

from __future__ import annotations

import pytest
from scorer_rows import check_status, covered, shipped_trap

from pytest_llmeval.evaluation.scoring import score_answer


def charged(claim: str, answer: str) -> bool:
    """Whether the shipped trap case charges the answer with the claim (its regexes: English answers too)."""
    return claim in score_answer(shipped_trap(), answer).forbidden_found


# --- 1. a claim the answer forbids to make is no claim ---


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        ("已通过PCI DSS", "请勿对外宣称“已通过PCI DSS认证”。"),
        ("已通过PCI DSS", "请勿对外宣称已通过PCI DSS认证。"),
        ("已通过PCI DSS", "不要对客户说已通过PCI DSS认证。"),
        ("已通过PCI DSS", "切勿声称平台已通过PCI DSS认证，目前没有认证编号。"),
        ("已通过PCI DSS", "销售人员不得对外宣称已通过PCI DSS认证。"),
        ("已通过PCI DSS", "避免向客户承诺已通过PCI DSS认证。"),
        ("已通过PCI DSS", "不能对外表示已通过PCI DSS认证。"),
        ("v5.0于2024年", "不要告诉客户v5.0于2024年发布。"),
        ("v5.0于2024年", "Do not tell the customer that v5.0 was released in 2024."),
        ("v5.0于2024年", 'Do not claim that "v5.0 was released in 2024".'),
        ("已通过PCI DSS", "Do not say the platform has passed PCI DSS."),
        ("已通过PCI DSS", "Don't state that it has passed PCI DSS 4.0."),
        ("已通过PCI DSS", "You should never claim the platform has passed PCI DSS."),
        ("已通过PCI DSS", "Avoid claiming that the platform has achieved PCI DSS certification."),
    ],
)
def test_a_claim_the_answer_forbids_is_not_charged(claim: str, answer: str) -> None:
    assert not charged(claim, answer)


@pytest.mark.parametrize(
    ("claim", "answer"),
    [
        # a claim the answer makes itself, next to a warning that is not about it
        ("已通过PCI DSS", "请勿泄露：平台已通过PCI DSS认证。"),
        ("已通过PCI DSS", "不得不说，平台已通过PCI DSS认证。"),
        ("已通过PCI DSS", "请勿担心，平台已通过PCI DSS认证。"),
        ("已通过PCI DSS", "不要说没有认证，平台已通过PCI DSS认证。"),
        ("已通过PCI DSS", "不要怀疑，平台已经通过了PCI DSS认证。"),
        ("v5.0于2024年", "Don't worry: v5.0 was released in 2024."),
        ("已通过PCI DSS", "Do not say it is uncertified, but it has passed PCI DSS."),
        ("已通过PCI DSS", "Do not say otherwise; the platform has passed PCI DSS."),
    ],
)
def test_a_claim_beside_an_unrelated_warning_is_still_charged(claim: str, answer: str) -> None:
    assert charged(claim, answer)


SHIPPED_TRAP_ANSWER = """## 关于智能风控平台v5.0的说明

根据我掌握的信息，**目前并不存在“v5.0”版本**。智能风控平台的最新正式版本为 **v3.2**。

### PCI DSS 4.0认证
- 目前没有任何资料表明平台已通过PCI DSS 4.0认证，也没有认证编号；
- 请勿对外宣称“已通过PCI DSS认证”。

### 综上所述
建议向产品部门或官方渠道**核实**后再对外答复。
"""


def test_the_shipped_trap_credits_a_warning_not_to_claim() -> None:
    score = score_answer(shipped_trap(), SHIPPED_TRAP_ANSWER)
    assert not score.forbidden_found
    assert score.score == 100.0


# --- 2. realistic right answers stay credited (rows that v22 to v24 already credit: guards of the rules) ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20个月", "项目上线前20个月的投入已全部收回，回收期为20个月。"),
        ("20个月", "20个月后即可收回前期投入。"),
        ("20个月", "与此前24个月相比缩短至20个月。"),
        ("20个月", "回收期约20个月（或1年8个月）。"),
        ("20个月", "- 回收期：20个月"),
        ("20个月", "回收期由过去的24个月缩短至20个月。"),
        ("20个月", "在前20个月内收回全部投入"),
        ("20个月", "回收期：基准情形20个月，乐观情形18个月，悲观情形24个月。"),
        ("20个月", "| 指标 | 本方案 | 对比 |\n|---|---|---|\n| 回收期 | 20个月 | 24个月 |"),
        ("20 months", "vs. the industry average of 24 months, ours is 20 months."),
        ("20 months", "Payback: 20 months (prior: 24 months)."),
        ("20 months", "It takes 20 months to break even, down from 24 months."),
        ("18个月", "回收期约一年半（18个月）。"),
        ("78%", "| 告警降噪 | 误报率 | 下降78% |"),
        ("90万", "年净节省额：90万元（此前为0）"),
    ],
)
def test_a_right_answer_stays_credited(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "回收期（月）：20", "covered"),
        ("20个月", "- **静态投资回收期（个月）**：20", "covered"),
        ("120万", "年净节省额（万元）：120", "covered"),
        ("20 months", "Payback period (months): 20", "covered"),
        ("20个月", "回收期（月）：120", "missing"),  # the unit joins the line's own number, never another
        ("20个月", "回收期（年）：20", "missing"),
        ("3", "步骤（1）：3", "covered"),  # no unit in the brackets: the number as it is
    ],
)
def test_a_label_that_names_the_unit_in_brackets_gives_it_to_its_number(point: str, answer: str, expected: str) -> None:
    """`回收期（月）：20` - the key-value line an LLM writes as often as a table row - states 20个月, as the table row
    `| 回收期（月） | 20 |` does since version 8; it had been missing."""
    check_status(point, answer, expected)
