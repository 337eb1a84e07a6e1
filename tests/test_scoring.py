"""Keyword-coverage scoring: hand-checked expectations, no model."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.keywords.echo import copied_mask
from pytest_llmeval.evaluation.keywords.normalisation import normalise, strip_thinking
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, Trap
from pytest_llmeval.evaluation.scoring import score_answer


def make_case(**overrides) -> Case:
    fields = dict(
        id="roi",
        category="roi_calculation",
        question="请计算投资回收期和三年ROI。",
        suite="t",
        source="t.yaml",
        key_points=(
            KeyPoint("投资回收期", ("回本周期", "payback period")),
            KeyPoint("20个月", ("1.67年",), 2.0),
            KeyPoint("ROI", ("投资回报率",)),
        ),
    )
    fields.update(overrides)
    return Case(**fields)


def test_full_and_half_width_and_case_insensitive():
    assert normalise("ＲＯＩ　为５０％") == "roi 为50%"
    score = score_answer(make_case(), "回本周期约为２０个月，ｒｏｉ为50%。")
    assert score.covered == ["投资回收期", "20个月", "ROI"]
    assert score.score == 100.0 and score.passed


def test_weights_and_missing_points():
    score = score_answer(make_case(), "Payback period is short.")
    # 投资回收期 (weight 1) of total weight 4
    assert score.covered == ["投资回收期"]
    assert score.missing == ["20个月", "ROI"]
    assert score.score == pytest.approx(25.0)
    assert not score.passed


def test_threshold_is_inclusive():
    case = make_case(threshold=75.0)
    # 20个月 (2) + ROI (1) = 3 of 4 = 75%
    assert score_answer(case, "大约1.67年回本，ROI可观").passed


def test_thinking_is_removed_before_scoring():
    text = "<think>投资回收期是20个月，ROI很高</think>我不确定。"
    assert strip_thinking(text) == "我不确定。"
    assert strip_thinking("reasoning 20个月 </think> answer") == "answer"
    assert strip_thinking("answer <think> unfinished 20个月") == "answer"
    assert score_answer(make_case(), text).covered == []


def test_echo_of_question_is_not_counted():
    case = make_case(question="请详细说明投资回收期的计算方法，并给出三年ROI。")
    echo = "请详细说明投资回收期的计算方法，并给出三年ROI。请详细说明投资回收期的计算方法"
    score = score_answer(case, echo)
    assert score.echoed == ["投资回收期", "ROI"]
    assert score.covered == []
    assert score.score == 0.0
    assert "echoed, not counted: 投资回收期 (copied from question)" in score.explain()


def test_key_point_said_in_own_words_counts_even_if_in_question():
    case = make_case(question="请详细说明投资回收期的计算方法，并给出三年ROI。")
    score = score_answer(case, "投资回收期为20个月。")
    assert score.covered == ["投资回收期", "20个月"]
    assert score.echoed == []


def test_echo_guard_also_covers_context_only_for_long_copies():
    case = make_case()
    context = "合同约定：本项目的投资回收期为20个月，客户三年ROI达到百分之五十，并由双方共同验收确认。"
    short_quote = "根据资料，投资回收期为20个月。"
    dump = "合同约定：本项目的投资回收期为20个月，客户三年ROI达到百分之五十，并由双方共同验收确认。"
    quoted = score_answer(case, short_quote, {"question": case.question, "context": context})
    assert quoted.covered == ["投资回收期", "20个月"]
    dumped = score_answer(case, dump, {"question": case.question, "context": context})
    assert dumped.covered == []
    assert set(dumped.echoed) == {"投资回收期", "20个月", "ROI"}
    assert all(p.echoed_from == "context" for p in dumped.points if p.status == "echoed")


def test_copied_mask_marks_only_long_copies():
    # v36: ten characters that count one each (an English word counts two, whatever its letters: `echo._units`)
    mask = copied_mask("0123456789XYZ", "zz0123456789zz", 10)
    assert mask == [True] * 10 + [False] * 3
    assert not any(copied_mask("abc", "abc", 10))


def test_trap_expectation_and_forbidden_claim():
    case = make_case(
        id="trap",
        category="trap_hallucination",
        question="云图风控平台v5.0哪年通过了PCI DSS认证？",
        key_points=(KeyPoint("v4.2"),),
        trap=Trap(expect="uncertainty", forbidden=(ForbiddenClaim("已通过PCI DSS", ("通过了PCI DSS认证",)),)),
    )
    honest = score_answer(case, "资料中没有找到相关信息，目前最新版本是v4.2，无法确认认证情况。")
    assert honest.covered == ["v4.2", "表示不确定 (uncertainty)"]
    assert honest.passed and honest.score == 100.0

    confident = score_answer(case, "该平台在2023年已通过PCI DSS认证，版本v4.2。")
    assert confident.forbidden_found == ["已通过PCI DSS"]
    # coverage 1/2 -> 50, minus one 25-point penalty
    assert confident.score == pytest.approx(25.0)
    assert not confident.passed
    assert "forbidden claims present" in confident.explain()


def test_forbidden_claim_echoed_from_question_is_not_a_claim():
    case = make_case(
        question="请问你们的平台已通过PCI DSS认证了吗？请说明依据。",
        key_points=(),
        trap=Trap(expect="refusal", forbidden=(ForbiddenClaim("已通过PCI DSS认证"),)),
    )
    score = score_answer(case, "请问你们的平台已通过PCI DSS认证了吗？抱歉，我不知道。")
    assert score.forbidden_found == []
    assert score.passed


def test_failure_message_lists_covered_missing_and_excerpt():
    score = score_answer(make_case(), "回本周期较长。" + "很长的回答" * 100)
    message = score.explain()
    assert "roi: FAILED, score 25.0 (threshold 60)" in message
    assert "covered (1/3): 投资回收期 (as '回本周期')" in message
    assert "missing: 20个月, ROI" in message
    assert "answer: '回本周期较长。" in message and message.rstrip().endswith("...'")


def test_copying_the_rag_instructions_is_not_an_uncertain_answer():
    case = make_case(id="trap", question="v5.0哪年发布？", key_points=(), trap=Trap(expect="uncertainty"))
    instructions = "如果参考资料中没有能回答问题的信息，请直接回答“不知道”或“无法确定”。"
    echo = "如果参考资料中没有能回答问题的信息，请直接回答“不知道”或“无法确定”。v5.0于2024年发布。"
    score = score_answer(case, echo, {"question": case.question, "template": instructions})
    assert score.echoed == ["表示不确定 (uncertainty)"] and not score.passed
    honest = score_answer(
        case, "资料里没有v5.0的信息，我无法确定。", {"question": case.question, "template": instructions}
    )
    assert honest.passed


# -- numbers matched as numbers: the examples of issue 15 against the shipped cases -------------------
def _shipped(case_id: str) -> Case:
    from pathlib import Path

    from pytest_llmeval.evaluation.scenarios import load_scenarios

    root = Path(__file__).resolve().parents[1] / "scenarios"
    return next(c for c in load_scenarios([root]) if c.id == case_id)


def test_wrong_payback_and_roi_are_not_credited_for_the_shipped_roi_case():
    case = _shipped("roi_calculation")
    wrong = score_answer(case, "年净节省额为90万元，回收期为120个月，三年ROI为150%")
    assert wrong.covered == ["90万"]  # only the net saving is right
    assert {"20个月", "50%"} <= set(wrong.missing)
    assert wrong.score == pytest.approx(100 * 2 / 9) and not wrong.passed  # was 66.7 and passed
    right = score_answer(case, "年净节省额为90万元，回收期为20个月，三年ROI为50%")
    assert right.covered == ["90万", "20个月", "50%"] and right.score == pytest.approx(100 * 6 / 9)


def test_near_match_precision_does_not_credit_124_for_24():
    case = _shipped("near_match_precision")
    assert "24万" in score_answer(case, "超出300万次，费用124万元").missing
    assert "24万" in score_answer(case, "超出300万次，费用二十四万元").covered
    assert "24万" in score_answer(case, "超出300万次，费用一百二十四万元").missing


@pytest.mark.parametrize("written", ["1,200万元", "1200 万元", "１２００万元", "1 200万元", "1200.0万元"])
def test_the_contract_amount_is_credited_in_the_forms_people_write(written):
    case = _shipped("kb_cooperation_history")
    score = score_answer(case, f"2022年签订的反洗钱合同金额为{written}。")
    assert "1200万元" in score.covered
    assert "1200万元" in score_answer(case, "合同金额为 1,200 万元").covered
    assert "1200万元" in score_answer(case, "合同金额为11200万元").missing


# -- scorer v7: the shipped roi case's 90万 is the net saving, not the three-year maintenance cost (30万 x 3) ------
WRONG_NET_SAVING = (
    "1. 年净节省额：15 × 8 = 120万元。\n2. 静态投资回收期：150 ÷ 120 = 1.25年，即15个月。\n"
    "3. 三年ROI：三年总节省 = 120 × 3 = 360万元；三年运维费 = 30 × 3 = 90万元，三年总投入 = 150 + 90 = 240万元；"
    "ROI = (360 − 240) ÷ 240 = 50%。"
)


@pytest.mark.parametrize(
    "answer",
    [
        WRONG_NET_SAVING,
        "年净节省额120万元，三年运维费90万元，回收期15个月，三年ROI 50%。",
        "| 指标 | 数值 |\n|---|---|\n| 年净节省额 | 120万元 |\n| 三年运维费 | 90万元 |\n| 回收期 | 15个月 |",
        "年净节省额为190万元，回收期20个月",
        # a net saving of 90万 denied: the label stood before the negation, which the regex match began at
        "年净节省额不是90万元，而是80万元；年人力节省120万元，三年收益360万元，三年总成本240万元。回收期约22个月。",
        "年净节省额不足90万元，回收期超过20个月。",
        "年净节省额约为80万元，三年运维费合计90万元。",
        "每年节省120万元，总投入=150+90=240万元，回收期15个月。",
    ],
)
def test_the_roi_case_does_not_credit_90_for_the_maintenance_cost(answer):
    score = score_answer(_shipped("roi_calculation"), answer)
    assert "90万" in score.missing and not score.passed


@pytest.mark.parametrize(
    "answer",
    [
        "1. 年净节省额：15 × 8 − 30 = 120 − 30 = 90万元。\n2. 静态投资回收期：150 ÷ 90 ≈ 1.67年，约20个月。\n"
        "3. 三年ROI：三年总节省 = 120 × 3 = 360万元；三年总投入 = 150 + 30 × 3 = 240万元；"
        "ROI = (360 − 240) ÷ 240 = 50%。",
        "**年净节省额** = 每年节省人力成本（15×8=120万元）− 年运维费30万元 = **90万元**\n\n"
        "回收期 = 150/90 = 1.67年（20个月）\n\nROI = (360-240)/240 = 50%",
        "| 指标 | 数值 |\n|---|---|\n| 年净节省额 | 90万元 |\n| 回收期 | 20个月 |\n| 三年ROI | 50% |",
        "年节省人力成本120万元，扣除年运维费30万元后，年净收益为九十万元；回收期1.67年；三年ROI为50%。",
        "每年净节省 90 万元，静态回收期 20 个月，三年 ROI 50%。",
        # everyday wordings of the net saving (they were missed by the first regex)
        "扣除运维费后，每年可节省90万元。回收期约20个月，三年ROI为50%。",
        "每年净省90万元，回收期约20个月，三年ROI为50%。",
        "节省净额为每年90万元，回收期约20个月，三年ROI为50%。",
        "每年节约成本90万元（已扣除运维费），回收期约20个月，三年ROI为50%。",
        "年净节省额计算：人力节省120万元，减去运维30万元，得90万元。回收期约20个月，三年ROI为50%。",
        "The annual net saving is 90万元; payback about 20个月; three-year ROI 50%.",
    ],
)
def test_the_roi_case_credits_90_as_the_net_saving(answer):
    score = score_answer(_shipped("roi_calculation"), answer)
    assert "90万" in score.covered and score.passed


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1, 100.5, True, "85", None])
def test_a_score_that_is_no_number_in_0_to_100_is_a_scoring_error(bad):
    """A custom scorer's 0/0 (NaN) became a score: the mean read NaN, the gate dropped or crashed on it."""
    from pytest_llmeval.evaluation.evaluate import evaluate_case
    from pytest_llmeval.evaluation.scoring import Score, make_score
    from pytest_llmeval.serving.client import Completion, RequestMetrics

    case = Case(id="q", category="c", question="问？", suite="t", source="t.yaml", key_points=(KeyPoint("是"),))
    with pytest.raises(ValueError, match=r"scorer 'precision' gave case q the score .*finite number from 0 to 100"):
        make_score(case, bad, scorer="precision")

    class Client:
        def complete(self, messages, max_tokens, temperature=0.0, **_):
            return Completion("是", "", RequestMetrics(0.1, 0.2, 5, 1, 0.1, 10.0, finish_reason="stop"))

    def direct(case, answer, sources):  # a hook that builds its Score itself, past make_score
        return Score(case.id, bad, bad, case.threshold, True, [], answer=answer, scorer={"name": "direct"})

    result = evaluate_case(Client(), "m", case, 16, scorer=direct)  # type: ignore[arg-type]
    assert result.error is not None and result.error["stage"] == "scoring" and not result.passed
    assert result.record()["score"] is None and result.record()["answer"] == "是"


@pytest.mark.parametrize(
    ("answer", "status"),
    [
        ("年净节省额不是90万元，而是80万元。", "negated"),
        ("年净节省额并非约90万元。", "negated"),
        ("年净节省额不到90万元。", "negated"),
        ("年净节省额为90万元。", "covered"),
        ("年净节省额为90万元，不是80万元。", "covered"),  # the negation is about another figure
        ("年净节省额：120-30=90万元。", "covered"),
    ],
)
def test_a_regex_point_that_starts_with_a_label_is_negated_before_its_figure(answer, status):
    """The negation check looked before where the match began, the label: 年净节省额不是90万元 was covered."""
    point = KeyPoint("90万", (), 1.0, (r"净节省[^。]{0,20}?90万",))
    case = Case(id="q", category="c", question="多少？", suite="t", source="t.yaml", key_points=(point,))
    assert score_answer(case, answer).points[0].status == status
