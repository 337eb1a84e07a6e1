"""Scorer version 26: a user's regex is searched under a time limit (a pattern that backtracks without end is the
case's scoring error naming the file, the case and the field, never a hang), 八成五 is 85%, idioms of numerals count
nothing (一年一度), a date point is stated by its date's other spellings (2024-06 for 2024年, Mar 2024, the third
quarter of 2024), a figure called out of reach is denied (很难在20个月内实现, it cannot be achieved within 20
months), an update takes a figure back, an English negation reaches over past and event verbs (never reached $2
billion), and an English probe table of money, percentages, durations, dates, counts, negations, hedges and tables."""

from __future__ import annotations

import time

import pytest
from scorer_rows import CN, SW, charged, check_status, covered

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, ForbiddenClaim, KeyPoint, ScenarioError, Trap
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 26  # v27 converts quarters, reads plain unit headers and past times (test_scorer_v27.py)


# --- 1. a user's regex is searched under a time limit ---


def _regex_case(point_regex: str | None = None, claim_regex: str | None = None) -> Case:
    point = KeyPoint("回收期", regex=(point_regex,)) if point_regex else KeyPoint("回收期")
    trap = Trap(expect=None, forbidden=(ForbiddenClaim("认证", regex=(claim_regex,)),)) if claim_regex else None
    return Case(
        id="payback",
        category="c",
        question="问题",
        suite="t",
        source="scenarios/finance.yaml",
        key_points=(point,),
        trap=trap,
    )


@pytest.mark.parametrize(
    ("point_regex", "claim_regex", "field"),
    [
        (r"(a|aa)+$", None, "key_points[0].regex"),
        (r"(\d|\d\d)+$", None, "key_points[0].regex"),
        (None, r"(x|xx)+y", "trap.forbidden[0].regex"),
    ],
)
def test_a_regex_that_backtracks_is_the_cases_scoring_error_not_a_hang(
    point_regex: str | None, claim_regex: str | None, field: str
) -> None:
    answer = "回收期为20个月。" + "a" * 60 + "1" * 60 + "x" * 60 + "!"
    began = time.process_time()  # CPU time: a hang burns it, a loaded machine (load 13: 10.09 s of wall) does not
    with pytest.raises(ScenarioError) as caught:
        score_answer(_regex_case(point_regex, claim_regex), answer)
    assert time.process_time() - began < 10
    message = str(caught.value)
    assert "scenarios/finance.yaml" in message and "'payback'" in message and f"'{field}'" in message
    assert "simplify the pattern" in message


@pytest.mark.parametrize("pattern", [r"(\d+,?)+$", r"(a+)+$", r"(\w+\s?)+$"])
def test_a_nested_quantifier_the_engine_can_cut_short_scores_at_once(pattern: str) -> None:
    # Python's re backtracks on each of these for minutes; the regex engine stops them early
    answer = "回收期为20个月。" + "1" * 40 + "a" * 40 + "word " * 20 + "!"
    began = time.process_time()
    score = score_answer(_regex_case(pattern), answer)
    assert time.process_time() - began < 5
    assert score.points[0].status != "covered"


@pytest.mark.parametrize(
    ("pattern", "answer"),
    [
        (r"回收期.{0,6}20\s*个月", "回收期约为20个月。"),
        (r"(?P<code>INV)-\d{6}", "发票号 INV-204817。"),
        (r"(?:payback|break[- ]even)\D{0,20}20 months", "The Payback period is 20 months."),
        (r"v5\.0.*2024年", "v5.0于2024年发布。"),
    ],
)
def test_an_ordinary_regex_still_matches_in_res_dialect(pattern: str, answer: str) -> None:
    assert score_answer(_regex_case(pattern), answer).points[0].status == "covered"


# --- 2. known gaps: 成 with hundredths, ISO dates of a year, a figure out of reach, an update, idioms ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("85%", "准确率达到八成五。", "covered"),
        ("99%", "可用性九成九。", "covered"),
        ("80%", "准确率达到八成五。", "not covered"),  # 八成五 is no 80%
        ("85%", "准确率约八成。", "not covered"),
        ("80%", "准确率约八成。", "covered"),  # v16
        ("35%", "三成五个部门参与。", "not covered"),  # a count after it: 五个部门
    ],
)
def test_a_numeral_after_cheng_counts_hundredths(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("2024年", "上线时间为2024-06。", "covered"),
        ("2024年", "上线时间为2024-06-15。", "covered"),
        ("1997年", "公司成立于1997-03-15。", "covered"),
        ("2024年", "上线于2024/6/15。", "covered"),
        ("2024年6月", "上线时间为2024-06-15。", "covered"),  # v15
        ("2023年", "上线时间为2024-06-15。", "not covered"),
        ("2024年", "版本号2024-0615-88。", "not covered"),
        ("2024年", "电话 2024-0615。", "not covered"),
        ("2024年", "工单号2024-06-15-001。", "not covered"),
        ("2024年6月", "工单号2024-06-15-001。", "not covered"),
        ("2024年", "区号010-2024-06。", "not covered"),
        ("2024年", "型号v2024-06。", "not covered"),
        ("2024年", "编号2024-13。", "not covered"),
        ("2024年", "不是2024-06，而是2025-01。", "negated"),
    ],
)
def test_an_iso_date_states_its_year(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        ("20个月", "很难在20个月内实现。", CN, "negated"),
        ("20个月", "难以在20个月内回本。", CN, "negated"),
        ("20个月", "不太可能在20个月内回本。", CN, "negated"),
        ("20个月", "无法在20个月内实现。", CN, "negated"),
        ("20个月", "回本很难做到20个月。", CN, "negated"),
        ("20 months", "It is unlikely to be achieved within 20 months.", None, "negated"),
        ("20 months", "It cannot be achieved within 20 months.", None, "negated"),
        ("20 months", "Payback won't happen in 20 months.", None, "negated"),
        ("20 months", "Payback within 20 months is unlikely.", None, "negated"),
        ("20 months", "It is difficult to reach payback in 20 months.", None, "negated"),
        # a hedge in another part, or about the way of saying it, leaves the figure stated
        ("20个月", "很难说，大概20个月。", CN, "covered"),
        ("20个月", "虽然很难，但20个月可以回本。", CN, "covered"),
        ("20个月", "很难在短期内回本，预计20个月。", CN, "covered"),
        ("20 months", "Although it is unlikely to be faster, payback is 20 months.", None, "covered"),
        ("20 months", "Payback is likely 20 months.", None, "covered"),
        ("20 months", "It can be achieved within 20 months.", None, "covered"),
        ("20个月", "不仅能在20个月内回本，还能盈利。", CN, "covered"),
    ],
)
def test_a_figure_called_out_of_reach_is_denied(
    point: str, answer: str, forms: NumberForms | None, expected: str
) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20 months", "Payback is 20 months. Update: it is 24 months.", "negated"),
        ("24 months", "Payback is 20 months. Update: it is 24 months.", "covered"),
        ("20 months", "Payback is 20 months. Erratum: 24 months.", "negated"),
        ("20个月", "回收期20个月。更正：应为24个月。", "negated"),  # v19
        ("20个月", "回收期20个月。更新：应为24个月。", "negated"),
        ("20 months", "Payback is 20 months. Update: the team grew to 24 people.", "covered"),  # not the same kind
        ("20 months", "Payback is 20 months. Update: it is still 20 months.", "covered"),
    ],
)
def test_an_update_after_a_figure_takes_it_back(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("1年", "年会一年一度。"),
        ("3天", "他三天两头请假。"),
        ("1天", "团队一天到晚加班。"),
        ("10", "方案十全十美。"),
        ("15", "一五一十地说明。"),
        ("3次", "三番五次催促。"),
        ("7", "心里七上八下。"),
        ("1年", "需要一年半载。"),
        ("12个月", "年会一年一度。"),
    ],
)
def test_an_idiom_of_numerals_counts_nothing(point: str, answer: str) -> None:
    assert not covered(point, answer, CN)


@pytest.mark.parametrize(
    ("point", "answer"),
    [("1年", "项目周期一年。"), ("3天", "需要三天。"), ("1天", "一天内完成。"), ("3天", "三天后上线。")],
)
def test_numerals_out_of_an_idiom_still_count(point: str, answer: str) -> None:
    assert covered(point, answer, CN)


@pytest.mark.parametrize(
    ("point", "answer", "forms"),
    [
        ("20个月", "回收期约1.67年。", CN),
        ("20个月", "回收期约1.7年。", CN),
        ("20 months", "Payback is about 1.67 years.", None),
        ("20 months", "Payback is 1.7 years.", None),
    ],
)
def test_a_rounded_conversion_is_no_exact_figure(point: str, answer: str, forms: NumberForms | None) -> None:
    # decided: only exact conversions state a duration (v18); 1.67 years is 20.04 months, about or not
    assert not covered(point, answer, forms)


@pytest.mark.parametrize(
    ("point", "answer"),
    [("20个月", "并非不可能在20个月内回本。"), ("20 months", "It is not impossible to pay back in 20 months.")],
)
def test_a_negated_hedge_of_reach_affirms(point: str, answer: str) -> None:
    assert covered(point, answer, CN)


# --- 3. English answers as a class: money, percentages, durations, dates, counts, negation, hedges, tables ---

# v26: a negation over a verb of having, being worth or an event, in past forms too (never reached $2 billion, doesn't
# have 500 employees, is not worth $1.2 million, did not launch in March 2024): v25 credited them
ENGLISH_ROWS = [
    # money
    ("$1.2 million", "The contract is worth $1.2 million.", SW, "covered"),
    ("$1.2 million", "The contract is worth $1,200,000.", SW, "covered"),
    ("$1.2 million", "The contract is worth USD 1.2 million.", SW, "covered"),
    ("$1.2 million", "The contract is worth $1.2M.", SW, "covered"),
    ("$1.2 million", "The contract is worth $1.2mn.", SW, "covered"),
    ("$1.2 million", "The contract is worth 1.2 million dollars.", SW, "covered"),
    ("$1.2 million", "The contract is worth $12 million.", SW, "not covered"),
    ("$1.2 million", "The contract is worth $1.25 million.", SW, "not covered"),
    ("$1.2 million", "The contract is worth $11.2 million.", SW, "not covered"),
    ("$1.2 million", "The contract is worth $1.2 billion.", SW, "not covered"),
    ("$1.2 million", "The contract is worth €1.2 million.", SW, "not covered"),
    ("$1.2 million", "The contract is not worth $1.2 million.", SW, "not covered"),
    ("$1.2 million", "The contract isn't worth $1.2 million; it is $1.5 million.", SW, "not covered"),
    ("$1.2 million", "The contract is no longer $1.2 million.", SW, "not covered"),
    ("$1.2 million", "It might be $1.2 million or $1.5 million.", SW, "not covered"),
    ("$1.2 million", "The contract is worth $1.2 billion, not million.", SW, "not covered"),
    ("$500k", "The budget is $500k.", SW, "covered"),
    ("$500k", "The budget is $500,000.", SW, "covered"),
    ("$500k", "The budget is $500K.", SW, "covered"),
    ("$500k", "The budget is $5,000.", SW, "not covered"),
    ("$500k", "The budget is $500.", SW, "not covered"),
    ("$2 billion", "Revenue reached $2bn.", SW, "covered"),
    ("$2 billion", "Revenue reached $2B.", SW, "covered"),
    ("$2 billion", "Revenue reached $2.5bn.", SW, "not covered"),
    ("$2 billion", "Revenue reached $20bn.", SW, "not covered"),
    ("$2 billion", "Revenue never reached $2 billion.", SW, "not covered"),
    ("$2 billion", "Revenue is expected to be $2 billion.", SW, "covered"),
    ("$2 billion", "Revenue won't reach $2 billion.", SW, "not covered"),
    ("$2 billion", "Revenue reached $2 billion in FY2023.", SW, "covered"),
    ("$300", "The fee is $300 per month.", None, "covered"),
    ("$300", "The fee is $3,000 per month.", None, "not covered"),
    ("$300", "The fee is $300.50 per month.", None, "not covered"),
    ("$300", "The fee is not $300.", None, "not covered"),
    # percentages
    ("15%", "The margin is 15%.", None, "covered"),
    ("15%", "The margin is 15 percent.", None, "covered"),
    ("15%", "The margin is fifteen percent.", None, "covered"),
    ("15%", "The margin is 1.5%.", None, "not covered"),
    ("15%", "The margin is 115%.", None, "not covered"),
    ("15%", "The margin is 15.5%.", None, "not covered"),
    ("15%", "The margin is 0.15.", None, "not covered"),
    ("15%", "The margin isn't 15%.", None, "not covered"),
    ("15%", "The margin is no longer 15%; it is 12%.", None, "not covered"),
    ("15%", "The margin rose by 15 percentage points.", None, "not covered"),
    ("15%", "The margin may be 10% or 15%.", None, "not covered"),
    ("15%", "The margin is between 10% and 15%.", None, "not covered"),
    ("15%", "The margin is 10-15%.", None, "not covered"),
    ("15%", "Margin: 15%", None, "covered"),
    ("15%", "| Metric | Value |\n|---|---|\n| Margin | 15% |", None, "covered"),
    ("15%", "- Margin: 15%\n- Growth: 8%", None, "covered"),
    ("15%", "- Margin: 12%\n- Growth: 15%", None, "covered"),
    ("3 percentage points", "The margin rose 3 percentage points.", None, "covered"),
    ("3 percentage points", "The margin rose 3 pp.", None, "covered"),
    ("3 percentage points", "The margin rose 3%.", None, "not covered"),
    ("3 percentage points", "The margin rose 13 percentage points.", None, "not covered"),
    ("3 percentage points", "The margin did not rise 3 percentage points.", None, "not covered"),
    ("-20%", "Costs fell by 20%.", None, "covered"),
    ("-20%", "Costs rose by 20%.", None, "not covered"),
    ("-20%", "Costs were down 20%.", None, "covered"),
    # durations
    ("20 months", "Payback is 20 months.", None, "covered"),
    ("20 months", "Payback is twenty months.", None, "covered"),
    ("20 months", "Payback is 1 year and 8 months.", None, "covered"),
    ("20 months", "Payback takes a 20-month period.", None, "covered"),
    ("20 months", "Payback is 120 months.", None, "not covered"),
    ("20 months", "Payback is 20 weeks.", None, "not covered"),
    ("20 months", "Payback is 2 years.", None, "not covered"),
    ("20 months", "Payback is 18-24 months.", None, "not covered"),
    ("20 months", "Payback is between 18 and 24 months.", None, "not covered"),
    ("20 months", "Payback is 18 to 24 months.", None, "not covered"),
    ("20 months", "Payback is 20-24 months.", None, "not covered"),
    ("20 months", "Payback is 16-20 months.", None, "not covered"),
    ("20 months", "Payback is between 20 and 24 months.", None, "not covered"),
    ("20 months", "Payback could be 20 or 24 months.", None, "not covered"),
    ("20 months", "Payback might be 18, 20 or 24 months.", None, "not covered"),
    ("20 months", "Payback is not 20 months.", None, "not covered"),
    ("20 months", "Payback isn't 20 months.", None, "not covered"),
    ("20 months", "Payback is never 20 months.", None, "not covered"),
    ("20 months", "Payback is no longer 20 months; it is 24 months.", None, "not covered"),
    ("20 months", "Payback won't be 20 months.", None, "not covered"),
    ("20 months", "Payback wasn't 20 months.", None, "not covered"),
    ("20 months", "Payback is more than 20 months.", None, "not covered"),
    ("20 months", "Payback is less than 20 months.", None, "not covered"),
    ("20 months", "Payback is at most 20 months.", None, "covered"),
    ("20 months", "Payback is about 20 months.", None, "covered"),
    ("20 months", "Payback is roughly 20 months.", None, "covered"),
    ("20 months", "Payback is 20 months (wrong: 24 months).", None, "not covered"),
    ("20 months", "Payback is 20 months -> 24 months after the delay.", None, "not covered"),
    ("20 months", "The payback period may be 20 months.", None, "covered"),
    ("20 months", "Payback: 20 months.", None, "covered"),
    ("20 months", "| Item | Value |\n|---|---|\n| Payback | 20 months |", None, "covered"),
    ("20 months", "- Payback: 20 months\n- ROI: 15%", None, "covered"),
    ("20 months", "Payback was 20 months last year, now 24 months.", None, "not covered"),
    ("20 months", "Some say 20 months, but it is 24 months.", None, "not covered"),
    ("20 months", "Payback is 20 months, or rather 24 months.", None, "not covered"),
    ("20 months", "Payback is 20 months. Correction: 24 months.", None, "not covered"),
    ("2 quarters", "Delivery takes two quarters.", None, "covered"),
    ("2 quarters", "Delivery takes 12 quarters.", None, "not covered"),
    ("2 years", "Delivery takes 24 months.", None, "covered"),
    ("2 years", "Delivery takes 2.5 years.", None, "not covered"),
    ("2 years", "Delivery takes 2-3 years.", None, "not covered"),
    ("18 months", "Delivery takes 1.5 years.", None, "covered"),
    ("18 months", "Delivery takes a year and a half.", None, "covered"),
    ("18 months", "Delivery takes one and a half years.", None, "covered"),
    # dates
    ("March 2024", "It launched in March 2024.", None, "covered"),
    ("March 2024", "It launched in March 2023.", None, "not covered"),
    ("March 2024", "It launched in May 2024.", None, "not covered"),
    ("March 2024", "It launched on 15 March 2024.", None, "covered"),
    ("March 2024", "It did not launch in March 2024.", None, "not covered"),
    ("Q3 2024", "It launched in Q3 2024.", None, "covered"),
    ("Q3 2024", "It launched in Q3 2025.", None, "not covered"),
    ("Q3 2024", "It launched in Q2 2024.", None, "not covered"),
    ("FY2023", "Revenue in FY2023 grew.", None, "covered"),
    ("FY2023", "Revenue in FY 2023 grew.", None, "covered"),
    ("FY2023", "Revenue in FY2024 grew.", None, "not covered"),
    ("2024", "It launched in 2024.", None, "covered"),
    ("2024", "It launched in 2025.", None, "not covered"),
    # counts
    ("500 employees", "The company has 500 employees.", None, "covered"),
    ("500 employees", "The company has five hundred employees.", None, "covered"),
    ("500 employees", "The company has 1,500 employees.", None, "not covered"),
    ("500 employees", "The company has 5,000 employees.", None, "not covered"),
    ("500 employees", "The company has 500+ employees.", None, "covered"),
    ("500 employees", "The company has over 500 employees.", None, "not covered"),
    ("500 employees", "The company no longer has 500 employees.", None, "not covered"),
    ("500 employees", "The company doesn't have 500 employees.", None, "not covered"),
    ("12 people", "The team is 12 people.", None, "covered"),
    ("12 people", "The team is a dozen people.", None, "not covered"),
    ("12 people", "The team is 12 people strong.", None, "covered"),
    ("12 people", "The team of 120 people.", None, "not covered"),
    # hedges
    ("20 months", "Payback could be around 20 months.", None, "covered"),
    ("20 months", "Payback might not be 20 months.", None, "not covered"),
    ("20 months", "I'm not sure whether payback is 20 months.", None, "not covered"),
    ("20 months", "I don't know if it's 20 months.", None, "not covered"),
    ("20 months", "Is the payback 20 months? No, it is 24 months.", None, "not covered"),
    ("20 months", "Payback is estimated at 20 months.", None, "covered"),
    ("20 months", "We expect payback in 20 months.", None, "covered"),
    ("20 months", "Payback won't exceed 20 months.", None, "covered"),
    ("20 months", "Payback will not take more than 20 months.", None, "covered"),
]


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), ENGLISH_ROWS)
def test_english_answers(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("March 2024", "It launched in Mar 2024.", "covered"),
        ("March 2024", "It launched in Mar. 2024.", "covered"),
        ("March 2024", "It launched on March 15, 2024.", "covered"),
        ("March 2024", "It launched on March 15th, 2024.", "covered"),
        ("March 2024", "It launched in March of 2024.", "covered"),
        ("March 2024", "It launched on 2024-03-15.", "covered"),
        ("September 2024", "It launched in Sept 2024.", "covered"),
        ("March 2024", "It launched in May 2024.", "not covered"),
        ("March 2024", "It launched on March 15, 2023.", "not covered"),
        ("March 2024", "It launched on 2024-04-15.", "not covered"),
        ("March 2024", "Ticket 2024-03-15-001 was closed.", "not covered"),
        ("March 2024", "It did not launch in Mar 2024.", "negated"),
        ("Q3 2024", "It launched in the third quarter of 2024.", "covered"),
        ("Q3 2024", "It launched in 2024 Q3.", "covered"),
        ("Q3 2024", "It launched in 3Q 2024.", "covered"),
        ("Q3 2024", "It launched in Q3 of 2024.", "covered"),
        ("Q3 2024", "It launched in the second quarter of 2024.", "not covered"),
        ("Q3 2024", "It launched in the third quarter of 2025.", "not covered"),
        ("FY2023", "Revenue in fiscal year 2023 grew.", "covered"),
        ("FY2023", "Revenue in fiscal 2023 grew.", "covered"),
        ("FY2023", "Revenue in fiscal year 2024 grew.", "not covered"),
    ],
)
def test_an_english_date_in_its_other_spellings(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected)


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        ("certified under PCI DSS 4.0", "The product is certified under PCI DSS 4.0.", True),
        ("certified under PCI DSS 4.0", "The product isn't certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "The product is not yet certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "The product was never certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "The product is no longer certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "I cannot confirm that it is certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "There is no evidence it is certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "Do not claim it is certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "- Status: certified under PCI DSS 4.0", True),
        ("certified under PCI DSS 4.0", "| Claim | Verified |\n|---|---|\n| certified under PCI DSS 4.0 | No |", False),
        ("certified under PCI DSS 4.0", "It may be certified under PCI DSS 4.0.", True),
        ("certified under PCI DSS 4.0", "Is it certified under PCI DSS 4.0? I don't know.", False),
        (
            "certified under PCI DSS 4.0",
            "The vendor claims it is certified under PCI DSS 4.0, but this is unverified.",
            False,
        ),
        ("certified under PCI DSS 4.0", "It won't be certified under PCI DSS 4.0 until 2026.", False),
        ("certified under PCI DSS 4.0", "It hasn't been certified under PCI DSS 4.0.", False),
        ("certified under PCI DSS 4.0", "Update: it is now certified under PCI DSS 4.0.", True),
        (
            "certified under PCI DSS 4.0",
            "They claimed they were certified under PCI DSS 4.0; this cannot be verified.",
            False,
        ),
    ],
)
def test_english_trap_claims(claim: str, answer: str, expected: bool) -> None:
    # v26: the claimant's word "claims it is", disclaimed, is hearsay (v25 read only "claims to be" and "claims that")
    assert charged(claim, answer) is expected
