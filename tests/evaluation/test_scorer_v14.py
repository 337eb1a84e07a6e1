"""Scorer version 14: five gaps an earlier review found and left, each closed as a class. English cardinal number words
are numbers before what they count (twenty months, twenty-seven sets, one hundred and twenty months, twenty percent);
a range states neither end alone when its ends carry different units of one kind (3天到5个工作日, 3 days to 2 weeks,
1年到18个月); a waiver after the point negates it as one before it does (首年服务费免收, the fee is waived); a
prohibition or negation of an offence against the point (prohibits GDPR violations, 禁止GDPR违规行为) does not negate
the point; and a new clause with its own subject (and it, 并且它) ends an uncertainty cue's reach (there is no record of
any breach and it passed PCI DSS). Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

import pytest
from scorer_rows import CN, SW, charged, covered, shipped_trap, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 14  # v15 changed other readings (tests/evaluation/test_scorer_v15.py)


# --- 1. English cardinal number words before what they count ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        # v13 read no number word: each of these was missing
        ("20 months", "The payback period is about twenty months.", None, True),
        ("20 months", "We expect a twenty-month payback period.", None, True),
        ("27 sets", "We deployed twenty-seven sets across the branches.", None, True),
        ("27 sets", "We deployed twenty seven sets across the branches.", None, True),
        ("120 months", "The lease runs one hundred and twenty months.", None, True),
        ("120 months", "The lease runs a hundred and twenty months.", None, True),
        ("20%", "They offered a twenty percent discount.", None, True),
        ("15 minutes", "Approval takes fifteen minutes on average.", None, True),
        ("3 years", "We signed a three-year contract.", None, True),
        ("2,500 users", "The pilot covers two thousand five hundred users.", None, True),
        ("20 million users", "The platform serves twenty million users.", SW, True),
        ("20 million users", "The platform serves twenty million users.", None, True),  # as 20 million users
        ("8 months", "The rollout took eight months.", None, True),
        # near-misses: another number, an ordinal, a vague amount, a remainder, no unit - right on v13, kept
        ("20 months", "The lease runs one hundred and twenty months.", None, False),
        ("20 months", "The lease runs one hundred twenty months.", None, False),
        ("7 sets", "We deployed twenty-seven sets across the branches.", None, False),
        ("20 sets", "We deployed twenty-seven sets across the branches.", None, False),
        ("20 days", "It was settled on the twenty-first day.", None, False),
        ("20 users", "The platform serves twenty thousand users.", None, False),
        ("12 customers", "About a dozen customers use it.", None, False),  # a dozen is read as no number
        ("8 months", "The rollout took one year and eight months.", None, False),
        ("2 hours", "Training takes two hours and thirty minutes.", None, False),
        ("1", "This is one of the reasons.", None, False),  # a bare number: a number word needs a unit
        ("20个月", "The payback period is about twenty months.", None, True),  # as 20 months: v18 translates units
        ("twenty months", "The payback period is about twenty months.", None, True),  # a text point stays text
        ("twenty months", "The lease runs one hundred and twenty months.", None, False),
    ],
)
def test_english_number_words(point: str, answer: str, forms: NumberForms | None, expected: bool) -> None:
    assert covered(point, answer, forms) is expected


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20 months", "The payback period is not twenty months.", "negated"),
        ("5 days", "Delivery takes three to five days.", "missing"),  # a range's end
        ("5 days", "Delivery takes between three and five days.", "missing"),
        ("30 months", "The payback period is twenty to thirty months.", "missing"),
        ("20 months", "The payback period is twenty months to thirty months.", "missing"),
        ("30 months", "It was cut from forty to thirty months.", "covered"),  # a change, not a range
    ],
)
def test_english_number_words_keep_the_number_rules(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


# --- 2. a range whose ends carry different units of one kind states neither end ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        # v13 credited an end of each of these ranges
        ("3天", "退款将在3天到5个工作日内原路退回。", None, False),
        ("5个工作日", "退款将在3天到5个工作日内原路退回。", None, False),
        ("3个工作日", "审批需要3个工作日到5个工作日。", None, False),
        ("5个工作日", "审批需要3到5个工作日。", None, False),
        ("3 days", "Refunds take 3 days to 2 weeks.", None, False),
        ("2 weeks", "Refunds take 3 days to 2 weeks.", None, False),
        ("3 business days", "Delivery takes 3 business days to 2 weeks.", None, False),
        ("18个月", "静态回收期约1年到18个月。", None, False),
        ("1年", "静态回收期约1年到18个月。", None, False),
        ("3个月", "实施周期为3个月至1年。", None, False),
        ("3天", "交付周期为3天至两周。", CN, False),
        ("3天", "交付周期为3天~2周。", None, False),
        ("3 days", "Delivery takes between 3 days and 5 days.", None, False),
        # near-misses: right on v13, kept - same-unit ranges, dates, times, counts, changes, a new part
        ("3天", "交付周期为3-5天。", None, False),
        ("3天", "交付周期为三至五天。", CN, False),
        ("3天", "工期3天到5", None, False),
        ("5 days", "Delivery takes between 3 and 5 days.", None, False),
        ("5 business days", "Delivery takes 3 to 5 business days.", None, False),
        ("3天", "3天到5月底完成验收。", None, True),  # until the end of May
        ("3天", "培训3天，到5号结束。", None, True),
        ("3天", "预计3天到2025年底完成。", None, True),
        ("3天", "每组3天到5个人轮换。", None, True),  # people, no duration
        ("3天", "处理时间从2周缩短到3天。", None, True),
        ("3天", "处理时间由2周到3天。", None, True),  # goes down: a change
        ("3个工作日", "审批需要3个工作日。", None, True),
        ("5个工作日", "审批需要5个工作日。", None, True),
    ],
)
def test_a_range_of_mixed_units(point: str, answer: str, forms: NumberForms | None, expected: bool) -> None:
    assert covered(point, answer, forms) is expected


# --- 3. a waiver after the point ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v13 read these as stating the fee
        ("首年服务费", "首年服务费免收。", "negated"),
        ("首年服务费", "首年服务费一律免收，次年起按合同收取。", "negated"),
        ("首年服务费", "首年服务费全部免除。", "negated"),
        ("首年服务费", "首年服务费予以豁免。", "negated"),
        ("安装费", "安装费全免。", "negated"),
        ("首年服务费", "首年服务费不收取。", "negated"),
        ("违约金", "逾期违约金予以免除。", "negated"),
        ("服务费", "首年服务费免费。", "negated"),  # a charge that is free is not charged
        ("service fee", "The first-year service fee is waived.", "negated"),
        ("service fee", "The service fee will be waived.", "negated"),
        ("service fee", "The service fee is free of charge.", "negated"),
        ("service fee", "The service fee is not charged.", "negated"),
        ("setup fee", "The setup fee is waived, and training is included.", "negated"),
        ("service fee", "We waive the service fee.", "negated"),
        ("首年服务费", "| 项目 | 费用 |\n|---|---|\n| 首年服务费 | 免收 |", "negated"),  # a waiving cell of a charge
        # near-misses: right on v13, kept - a part waived, a condition, a free service, a limit, a negated waiver
        ("首年服务费", "首年服务费免收一半。", "covered"),
        ("服务费", "服务费免费期结束后按月收取。", "covered"),
        ("服务费", "服务费免收的条件是签约三年。", "covered"),
        ("安装", "安装免费。", "covered"),  # the installation is done, for free
        ("试用", "试用免费。", "covered"),
        ("installation", "Installation is free of charge.", "covered"),
        ("service fee", "The service fee is waived for the first year.", "covered"),  # a limit, as v11's
        ("service fee", "We do not waive the service fee.", "covered"),
        ("违约金", "不得免除违约金。", "covered"),
        ("首年服务费", "免收首年服务费。", "negated"),
        ("安装", "| 项目 | 费用 |\n|---|---|\n| 安装 | 免费 |", "covered"),
        ("首年服务费", "| 项目 | 费用 |\n|---|---|\n| 首年服务费 | 20万元 |", "covered"),
        ("私有化部署", "| 方案 | 额外费用 |\n|---|---|\n| 私有化部署 | 无 |", "covered"),  # no waiver: v12's
        ("逾期", "经协商免除逾期违约金。", "negated"),  # a penalty waived, no offence
    ],
)
def test_a_waiver_after_the_point(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


# --- 4. a prohibition (or negation) of an offence against the point ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v13 negated the regulation (or the data) the offence is against
        ("GDPR", "The policy prohibits GDPR violations.", "covered"),
        ("GDPR", "The contract forbids GDPR breaches.", "covered"),
        ("GDPR", "内部制度禁止GDPR违规行为。", "covered"),
        ("GDPR", "严禁GDPR违规。", "covered"),
        ("GDPR", "There were no GDPR violations last year.", "covered"),
        ("GDPR", "过去三年无GDPR违规记录。", "covered"),
        ("PCI DSS", "The bank bans PCI DSS non-compliance.", "covered"),
        ("客户数据", "制度严禁客户数据泄露。", "covered"),
        ("personal email", "The policy prohibits using personal email for client data.", "negated"),
        # near-misses: right on v13, kept - the point itself prohibited or negated, or the offence is the point
        ("GDPR", "内部制度禁止违反GDPR。", "covered"),
        ("GDPR", "The policy prohibits breaches of GDPR.", "covered"),
        ("GDPR", "禁止使用GDPR。", "negated"),
        ("refund", "The policy prohibits refunds.", "negated"),
        ("退款", "禁止退款。", "negated"),
        ("GDPR违规", "过去三年无GDPR违规记录。", "negated"),
        ("GDPR", "The platform is not GDPR compliant.", "negated"),
        ("5%", "违约率不到5%。", "negated"),  # v17: 不超过 is an inclusive bound, which states its figure
    ],
)
def test_an_offence_against_the_point(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


# --- 5. a new clause with its own subject ends an uncertainty cue's reach ---


@pytest.mark.parametrize(
    ("claim", "answer", "expected"),
    [
        # v13 let the claim after "and it" pass under the cue
        ("passed PCI DSS", "There is no record of any breach and it passed PCI DSS.", True),
        ("passed PCI DSS", "I found no evidence of a breach and they passed PCI DSS last year.", True),
        ("passed PCI DSS", "There is no indication of fraud and it passed PCI DSS in 2023.", True),
        ("已通过PCI DSS", "没有查到违规记录而且它已通过PCI DSS认证。", True),
        ("已通过PCI DSS", "未见任何违规记录并且该平台已通过PCI DSS认证。", True),
        # near-misses: right on v13, kept - a comma, a condition or a question over both, no new subject
        ("passed PCI DSS", "There is no record of any breach, and it passed PCI DSS.", True),
        ("已通过PCI DSS", "未见任何违规记录，且已通过PCI DSS认证。", True),
        ("passed PCI DSS", "If the version exists and it passed PCI DSS, the audit is due.", False),
        ("passed PCI DSS", "I cannot confirm whether it exists and it passed PCI DSS.", False),
        ("passed PCI DSS", "There is no record that it was breached and passed PCI DSS.", False),
        ("passed PCI DSS", "There is no record that it passed PCI DSS.", False),
        ("已通过PCI DSS", "如果该版本存在并且它已通过PCI DSS认证，则可以上线。", False),
        ("已通过PCI DSS", "我无法确认它是否存在并且已通过PCI DSS认证。", False),
        ("已通过PCI DSS", "没有证据表明它已通过PCI DSS认证。", False),
    ],
)
def test_a_new_clause_ends_an_uncertainty_cue(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("There is no record of any breach and it has passed PCI DSS 4.0.", ["已通过PCI DSS"]),
        ("There is no record that it has passed PCI DSS 4.0.", []),
    ],
)
def test_a_new_clause_in_the_shipped_trap(answer: str, expected: list[str]) -> None:
    assert score_answer(shipped_trap(), answer).forbidden_found == expected
