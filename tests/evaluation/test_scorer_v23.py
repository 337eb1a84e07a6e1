"""Scorer version 23: English answers (a time before now, an age and a time since an event are no length; a negated
verb of a length negates it; a negated strict bound is an inclusive one; halves with a number; mn / bn; "through"),
the echo guard (punctuation is not compared; a point is echoed only inside one copy) and trap claims (a quote of
the asker's words, a question in quotes, 如 as a condition)."""

from __future__ import annotations

import pytest
from scorer_rows import SW, charged, check_status, covered, shipped_trap, status

from pytest_llmeval.evaluation.keywords.echo import copied_mask
from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 23  # v24 reads contrasts, comparisons, number-word points (test_scorer_v24.py)


# --- 1. English answers ---


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "It has been 20 months since launch."),
        ("20 months", "It's been about 20 months since we went live."),
        ("20个月", "In the 20 months since launch, revenue doubled."),
        ("20 months", "The system went live 20 months prior."),
        ("20 months", "20 months prior, the system was deployed."),
        ("20 months", "The system went live 20 months earlier."),
        ("20 months", "The system went live 20 months before."),
        ("20 months", "It replaces a 20-month-old system."),
        ("20 months", "The system is 20 months old."),
        ("18个月", "The system went live one and a half years ago."),
        ("18个月", "The system went live a year and a half ago."),
    ],
)
def test_a_time_before_now_an_age_or_a_time_since_is_no_length(point: str, answer: str) -> None:
    assert status(point, answer) == "negated"


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("20 months", "The payback is 20 months since launch."),
        ("20 months", "The payback is 20 months since the annual saving is 0.9 million."),
        ("30 days", "Notify us 30 days prior to expiry."),
        ("30 days", "Notify us 30 days before expiry."),
        ("2 months", "It finished 2 months earlier than planned."),
        ("20 months", "It takes 20 months before payback."),
        ("20 months", "It is a 20-month payback."),
        ("20 months old", "The system is 20 months old."),
    ],
)
def test_a_length_still_credits(point: str, answer: str) -> None:
    assert covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20 months", "It does not take 20 months.", "negated"),
        ("20 months", "It won't take 20 months.", "negated"),
        ("20 months", "It will not last 20 months.", "negated"),
        ("20 months", "It does not require 20 months.", "negated"),
        ("20 months", "It doesn't need 20 months.", "negated"),
        ("20%", "The margin does not reach 20%.", "negated"),
        ("20 months", "It does not take more than 20 months.", "covered"),
        ("20 months", "It won't last longer than 20 months.", "covered"),
        ("at most 20 months", "It does not take more than 20 months.", "covered"),
        ("20 months", "It isn't more than 20 months.", "covered"),
        ("20 months", "It takes more than 20 months.", "negated"),
        ("20 months", "It does not take 24 months; it takes 20 months.", "covered"),
        ("20个月", "回收期不会少于20个月。", "covered"),
    ],
)
def test_a_negated_verb_of_a_length_and_a_negated_strict_bound(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("18个月", "The payback is one and a half years.", True),
        ("18个月", "The payback is 1 and a half years.", True),
        ("18 months", "The payback is one year and a half.", True),
        ("30个月", "The payback is two and a half years.", True),
        ("30个月", "The payback is two years and a half.", True),
        ("90分钟", "It takes one and a half hours.", True),
        ("150分钟", "It takes two and a half hours.", True),
        ("1年", "The payback is one and a half years.", False),
        ("2年", "The payback is two and a half years.", False),
        ("18个月", "The payback is twelve and a half years.", False),
        ("18个月", "The payback is not one and a half years.", False),
    ],
)
def test_english_halves_with_a_number(point: str, answer: str, credited: bool) -> None:
    assert covered(point, answer) is credited


@pytest.mark.parametrize(
    ("point", "answer", "credited"),
    [
        ("120万", "The cost is 1.2 mn.", True),
        ("120万", "The cost is 1.2 mln.", True),
        ("120万元", "The cost is CNY 1.2 mn.", True),
        ("12亿", "The cost is 1.2 bn.", True),
        ("120万元", "The cost is USD 1.2 mn.", False),
        ("120万", "The cost is 12 mn.", False),
        ("1.2", "The cost is 1.2 mn.", False),
    ],
)
def test_mn_and_bn_are_scale_words(point: str, answer: str, credited: bool) -> None:
    assert covered(point, answer, SW) is credited


def test_mn_needs_the_scale_words() -> None:
    assert not covered("120万", "The cost is 1.2 mn.")


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("24 months", "The payback is 18 through 24 months."),
        ("18 months", "The payback is 18 months through 24 months."),
        ("24个月", "The payback is 18 thru 24 months."),
    ],
)
def test_through_joins_a_range(point: str, answer: str) -> None:
    assert not covered(point, answer)


def test_through_alone_is_no_range() -> None:
    assert covered("24 months", "It runs through 24 months.")


# --- 2. the echo guard ---

QUESTION = "某项目投资1200万元，年净节省90万元，回收期为20个月，请问该方案是否可行？"


def _echo_status(point: str, answer: str, question: str = QUESTION) -> str:
    return status(point, answer, question=question)


@pytest.mark.parametrize(
    "answer",
    [
        "某项目投资1200万元；年净节省90万元；回收期为20个月；请问该方案是否可行？",
        "某项目投资1200万元。年净节省90万元。回收期为20个月。请问该方案是否可行？",
        "某项目投资1200万元、年净节省90万元、回收期为20个月、请问该方案是否可行",
        "某项目投资1200万元年净节省90万元回收期为20个月请问该方案是否可行",
        "某项目投资1200万元 年净节省90万元 回收期为20个月 请问该方案是否可行",
        "- 某项目投资1200万元\n- 年净节省90万元\n- 回收期为20个月\n- 请问该方案是否可行？",
        "1. 某项目投资1200万元\n2. 年净节省90万元\n3. 回收期为20个月",
        "「某项目投资1200万元」「年净节省90万元」「回收期为20个月」",
    ],
)
def test_a_copy_with_its_punctuation_changed_is_a_copy(answer: str) -> None:
    assert _echo_status("20个月", answer) == "echoed"


@pytest.mark.parametrize(
    ("point", "answer", "question"),
    [
        # the answer's own figure between two copied stretches
        (
            "12 million",
            "The project costs 12 million yuan and saves a lot per year.",
            "The project costs 1.2 million yuan and saves a lot per year.",
        ),
        ("24个月", "某项目投资1200万元，回收期为24个月，请问该方案是否可行", QUESTION),
        # the marks of a number are compared: 1.2 is no 12, -20% no 20%
        ("12万元", "某集团下属某项目年度投资12万元，年净节省90万元", "某集团下属某项目年度投资1.2万元，年净节省90万元"),
        ("24个月", "某集团下属某项目的回收期为24个月，请问该方案是否可行", "某集团下属某项目的回收期为2.4个月，请问"),
        ("-20%", "今年利润增长-20%，同比下滑明显", "今年利润增长20%，同比下滑明显"),
        ("20个月", "经计算，回收期为20个月。", QUESTION),
    ],
)
def test_the_answers_own_figure_is_no_echo(point: str, answer: str, question: str) -> None:
    assert _echo_status(point, answer, question) == "covered"


def test_copied_mask_still_marks_the_copy() -> None:
    answer = normalise("答：某项目投资1200万元；年净节省90万元。")
    mask = copied_mask(answer, normalise(QUESTION), 10)
    assert "".join(c for c, m in zip(answer, mask, strict=True) if m) == "某项目投资1200万元;年净节省90万元"


# --- 3. trap claims ---


@pytest.mark.parametrize(
    "answer",
    [
        "您问“已通过PCI DSS认证了吗”，这一点我无法确认。",
        "您提到“已通过PCI DSS认证”，目前无法核实。",
        "关于“已通过PCI DSS认证”一说，我无法核实。",
        "如已通过PCI DSS认证，请以官方证书为准。",
    ],
)
def test_a_quote_of_the_asker_or_a_condition_claims_nothing(answer: str) -> None:
    assert not charged("已通过PCI DSS", answer)


@pytest.mark.parametrize(
    "answer",
    [
        'You asked "it has passed PCI DSS 4.0", which I cannot confirm.',
        'You mentioned "it has passed PCI DSS 4.0"; I have no record of that.',
        "您问“v5.0于2024年发布吗”，我无法确认。",
        "您提到“v5.0于2024年发布”，目前没有公开资料。",
    ],
)
def test_the_shipped_trap_charges_no_quote_of_the_asker(answer: str) -> None:
    assert not score_answer(shipped_trap(), answer).forbidden_found


@pytest.mark.parametrize(
    "answer",
    [
        "如您所知，它已通过PCI DSS认证。",
        "如您所知它已通过PCI DSS认证。",
        "如今它已通过PCI DSS认证。",
        "如上所述，它已通过PCI DSS认证。",
        "如需证书，它已通过PCI DSS认证。",
        "官方公告称“该平台已通过PCI DSS认证”。",
        "我无法确认，但它已通过PCI DSS认证。",
        "我不是专家，但它已通过PCI DSS认证。",
    ],
)
def test_still_claimed(answer: str) -> None:
    assert charged("已通过PCI DSS", answer)


def test_the_shipped_trap_reads_a_quoted_question() -> None:
    score = score_answer(shipped_trap(), "您问“它已通过PCI DSS认证了吗”，这一点我无法确认，请以官方信息为准。")
    assert not score.forbidden_found
