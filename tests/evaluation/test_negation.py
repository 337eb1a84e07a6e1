"""A key point right after a negation is not credited (scorer version 3): 不合规 says the opposite of 合规, 不到20个月
is not 20个月, "not compliant" is not "compliant" - and a forbidden claim under a negation (没有分公司 for the claim
有分公司) is no claim. The same point said plainly elsewhere in the answer still counts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from pytest_llmeval.evaluation.keywords.negation import NEGATIONS_ZH
from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.numbers.term_edges import across_other_words
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap, load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer
from pytest_llmeval.results.html import case_detail

ROOT = Path(__file__).resolve().parents[2]


def case(*points: str, forbidden: tuple[str, ...] = ()) -> Case:
    trap = Trap(expect=None, forbidden=tuple(ForbiddenClaim(f) for f in forbidden), penalty=30.0) if forbidden else None
    return Case(
        id="n",
        category="c",
        question="问题",
        suite="t",
        source="t.yaml",
        key_points=tuple(KeyPoint(p) for p in points),
        trap=trap,
    )


def status(point: str, answer: str) -> tuple[str, str | None]:
    (result,) = score_answer(case(point), answer).points
    return result.status, result.matched_text


@pytest.mark.parametrize(
    ("point", "answer", "shown"),
    [
        ("合规", "该方案不合规。", "不合规"),
        ("合规", "并非合规", "并非合规"),  # v7: 并非 is listed, shown whole
        ("20个月", "回收期不是20个月", "不是20个月"),
        ("20个月", "回收期不到 20 个月", "不到 20 个月"),
        ("风险", "该业务无风险", "无风险"),
        ("完成", "项目尚未完成", "未完成"),
        ("可行", "这个方案不太可行", "不太可行"),
        ("compliant", "it is not compliant", "not compliant"),
        ("compliant", "a non-compliant setup", "non-compliant"),
        ("ROI", "there is no ROI", "no roi"),
    ],
)
def test_a_key_point_said_only_under_a_negation_is_not_credited(point, answer, shown):
    assert status(point, answer) == ("negated", shown)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("合规", "该方案合规"),
        ("重要", "这一点非常重要"),  # 非常 is "very"
        ("合规", "不仅合规，而且高效"),
        ("20个月", "回收期约20个月"),
        ("20个月", "差不多20个月"),
        ("不合规", "该方案不合规"),  # the point carries its own negation
        ("合规", "有人说不合规，但该方案合规"),  # said plainly elsewhere: counts
        ("compliant", "fully compliant"),
        ("ROI", "we know ROI"),
    ],
)
def test_a_key_point_said_plainly_is_credited(point, answer):
    assert status(point, answer)[0] == "covered"


def test_a_negated_forbidden_claim_is_no_claim():
    trap = case("答案", forbidden=("有分公司",))
    assert score_answer(trap, "答案：该公司没有分公司。").forbidden_found == []
    assert score_answer(trap, "答案：该公司有分公司。").forbidden_found == ["有分公司"]


def test_the_record_and_the_message_say_what_was_negated():
    score = score_answer(case("合规", "20个月"), "不合规，回收期20个月")
    assert score.covered == ["20个月"] and score.missing == ["合规"] and score.negated == ["合规"]
    assert score.score == 50.0
    assert "negated, not counted: 合规 (as '不合规')" in score.explain()
    record = {**score.to_dict(), "answer": "不合规，回收期20个月", "scenario_id": "n", "model": "m", "mode": "norag"}
    assert [p["status"] for p in record["points"]] == ["negated", "covered"]
    html = case_detail(record)
    assert '<mark class="negated">不合规</mark>' in html and "negated: 合规" in html


NEGATION = st.sampled_from(NEGATIONS_ZH)
PLAIN = st.sampled_from(["", "为", "是", "约", "：", "，", "共"])


def _shipped_text_forms() -> list[str]:
    forms = set()
    for c in load_scenarios([ROOT / "scenarios"]):
        for kp in c.key_points:
            if not kp.regex:
                forms.update(f for f in kp.variants if normalise(f))
    return sorted(forms)


SHIPPED = _shipped_text_forms()


@given(form=st.sampled_from(SHIPPED), negation=NEGATION, plain=PLAIN, space=st.sampled_from(["", " "]))
@example(form="同学", negation="不", plain="共", space="")  # drawn once in the 44th session: 共同学 is no 同学
@example(form="小图", negation="不", plain="", space="")  # drawn once in the 47th session: 不小图 reads 不小/图
def test_every_shipped_form_under_a_negation_is_not_credited_and_plainly_is(form, negation, plain, space):
    negated = f"答：{negation}{space}{form}。"
    got = status(form, negated)[0]
    if across_other_words(negated, len(f"答：{negation}{space}"), len(negated) - 1, form):
        # a negation that makes a dictionary word with the form's first character (不 + 小图 reads 不小/图) leaves no
        # term to credit or negate: v104 reads no two-character term cut across by other words
        assert got != "covered"
    else:
        assert got == "negated"
    plainly = f"答：{plain}{form}。"
    # not a plain word that makes a dictionary word with the form's first character (共 + 同学 reads 共同/学): v104
    # reads no two-character term cut across by other words, and the example is no plain statement of the form
    assume(not across_other_words(plainly, len(f"答：{plain}"), len(f"答：{plain}{form}"), form))
    assert status(form, plainly)[0] == "covered"
