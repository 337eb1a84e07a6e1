"""Scorer version 15: what a red-team review of v14 found, each closed as a class. A figure offered as one of several
values of one quantity (10个月、20个月或30个月, 20个月或24个月, 10, 20 or 30 months) is a guess, not an answer; the
waivers 减免, 豁免, 全免, 免去 and 免掉 (and a bare 免 before a charge, a charge that need not be paid) waive the point
before or after it; 没法, 不需, 不超, 缺乏 and 不具备 negate, 行不通 and 不现实 deny after the point, and a correction
after it (是错的, 的说法有误, is wrong) takes it back; 并非不 affirms; a date is the same with dashes or slashes
(2020-03 for 2020年3月); and a point in 元 is no amount in another currency in its forms without one (200万美元 for
200万元 as 200万). Each row one reading; the near-misses keep their verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from scorer_rows import CN, charged, covered, status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint, load_scenarios
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer


def test_the_version() -> None:
    assert SCORER_VERSION >= 15  # v16 changed other readings (tests/evaluation/test_scorer_v16.py)


# --- 1. a figure offered among several values of one quantity ---


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    [
        # v14 credited each of these: one of the values offered is bound to be right
        ("20个月", "回收期可能是10个月、15个月、20个月或30个月。", None, "negated"),
        ("20个月", "回收期为20个月或24个月。", None, "negated"),
        ("20个月", "回收期为10个月或者20个月。", None, "negated"),
        ("24个月", "回收期为20或24个月。", None, "negated"),  # a bare figure before shares the unit
        ("24个月", "回收期为18、20或24个月。", None, "negated"),
        ("20个月", "回收期约为20个月（也可能是24个月）。", None, "negated"),
        ("20个月", "回收期为20个月（或24个月）。", None, "negated"),
        ("20个月", "回收期要么20个月，要么24个月。", None, "negated"),
        ("20个月", "回收期大约在20个月，也可能是24个月。", None, "negated"),
        ("20个月", "回收期是20个月还是24个月？", None, "negated"),
        ("20个月", "回收期可能是10个月、20个月、30个月。", None, "negated"),  # a list after a hedge
        ("50%", "三年ROI为40%、50%或60%。", None, "negated"),
        ("50%", "三年ROI为50%左右或60%。", None, "negated"),
        ("1997年", "华信银行成立于1996年、1997年或1998年。", None, "negated"),
        ("300万次", "超出300万次或者500万次。", None, "negated"),
        ("120万", "年净节省额可能是60万、90万或120万。", None, "negated"),
        ("1200万元", "合同金额为1200万元或1300万元。", None, "negated"),
        ("30个月", "回收期为二十个月或者三十个月。", CN, "negated"),
        ("30个月", "回收期为20或三十个月。", CN, "negated"),
        ("30 months", "The payback is 10, 20 or 30 months.", None, "negated"),
        ("30 months", "The payback is 10, 20, or 30 months.", None, "negated"),
        ("20 months", "The payback is 10 months, 20 months or 30 months.", None, "negated"),
        ("24 months", "The payback is either 20 or 24 months.", None, "negated"),
        ("20 months", "The payback is 20 months or maybe 24 months.", None, "negated"),
        ("20 months", "The payback could be twenty months or thirty months.", None, "negated"),
        ("20个月", "回收期可能是20个月或24个月。综合测算，回收期为20个月。", None, "covered"),  # then it commits
        ("20个月", "回收期是20个月还是24个月？答案是20个月。", None, "covered"),
        # near-misses: a list of different quantities, another unit, the same value, words between, options - kept
        ("860万元", "三份合同金额分别为860万元、1200万元和340万元。", None, "covered"),
        ("20个月", "乐观情况下为18个月，基准情况下为20个月，保守情况下为24个月。", None, "covered"),
        ("20个月", "静态回收期为20个月，动态回收期为24个月。", None, "covered"),
        ("20个月", "回收期为20个月或1.67年。", None, "covered"),
        ("20个月", "回收期为20个月，或者说1年8个月。", None, "covered"),
        ("20个月", "回收期为20个月或二十个月。", None, "covered"),
        ("1200万元", "合同金额为1200万元（或1,200万元）。", None, "covered"),
        ("20个月", "回收期为20个月或更短。", None, "covered"),
        ("20个月", "回收期是20个月，不可能是24个月。", None, "covered"),
        ("20个月", "回收期是20个月，而不是24个月。", None, "covered"),
        ("84万元", "首年费用84万元（或含税约89万元）。", None, "covered"),
        ("84万元", "首年费用84万元，或者说每月7万元。", None, "covered"),
        ("5分钟", "自动审批5分钟，人工审批30分钟或更长。", None, "covered"),
        ("1997年", "华信银行成立于1997年，2020年或2021年开始合作。", None, "covered"),
        ("60万元", "年费提供60万元或100万元两档。", None, "covered"),
        ("60万元", "两个方案的年费分别为60万元或100万元。", None, "covered"),
        ("20 months", "Payback: 20 months, or 1.67 years.", None, "covered"),
        ("30 months", "The payback is 10, 20, and 30 months respectively.", None, "covered"),
        ("20个月", "回收期为20个月，ROI为50%或60%。", None, "covered"),  # another quantity's alternatives
    ],
)
def test_a_figure_offered_among_others(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    assert status(point, answer, forms) == expected


def test_a_shotgun_answer_to_the_shipped_roi_case() -> None:
    """Every figure of the ROI case offered among three: v14 scored it 77.8 (a pass)."""
    root = Path(__file__).resolve().parents[2] / "scenarios"
    case = next(c for c in load_scenarios([root]) if c.id == "roi_calculation")
    answer = "可能的年净节省额是60万、90万或120万；回收期10个月、20个月或30个月；三年ROI为25%、50%或75%。"
    score = score_answer(case, answer)
    assert not score.covered
    assert not score.passed


# --- 2. waivers: 减免 and the others, before and after the point ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # v14 read each of these as stating the charge
        ("服务费", "首年服务费减免。", "negated"),
        ("服务费", "首年服务费予以减免。", "negated"),
        ("服务费", "首年服务费全额减免。", "negated"),
        ("服务费", "首年服务费已减免。", "negated"),
        ("服务费", "首年服务费将被减免。", "negated"),
        ("服务费", "首年服务费均予减免。", "negated"),
        ("服务费", "首年服务费：减免。", "negated"),
        ("服务费", "首年服务费免去。", "negated"),
        ("服务费", "首年服务费免掉。", "negated"),
        ("服务费", "首年服务费不收。", "negated"),
        ("服务费", "首年服务费无需支付。", "negated"),
        ("服务费", "首年服务费不用交。", "negated"),
        ("违约金", "违约金无须缴纳。", "negated"),
        ("违约金", "违约金减免。", "negated"),
        ("服务费", "首年减免服务费。", "negated"),
        ("违约金", "双方协商减免违约金。", "negated"),
        ("服务费", "首年豁免服务费。", "negated"),
        ("服务费", "首年全免服务费。", "negated"),
        ("服务费", "首年免去服务费。", "negated"),
        ("服务费", "首年免服务费。", "negated"),  # a bare 免 before a charge
        ("service fee", "The service fee is remitted.", "negated"),
        ("service fee", "The service fee is forgiven.", "negated"),
        # near-misses: a partial reduction, a possibility, a negated waiver, a waiver's own terms - kept
        ("服务费", "首年服务费减免50%。", "covered"),
        ("服务费", "首年服务费部分减免。", "covered"),
        ("服务费", "首年服务费可减免。", "covered"),
        ("违约金", "逾期可申请减免违约金。", "covered"),
        ("违约金", "符合条件的可以减免违约金。", "covered"),
        ("服务费", "首年服务费不减免。", "covered"),
        ("服务费", "首年服务费不予减免。", "covered"),
        ("服务费", "首年不得减免服务费。", "covered"),
        ("服务费", "首年不豁免服务费。", "covered"),
        ("服务费", "服务费减免申请需提交材料。", "covered"),
        ("服务费", "避免产生额外的服务费。", "covered"),
        ("服务费", "以免产生额外的服务费。", "covered"),
        ("私有化部署", "私有化部署的费用不提供减免。", "covered"),
        ("service fee", "The service fee can be waived.", "covered"),
    ],
)
def test_waivers(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


def test_a_waiving_cell_says_减免() -> None:
    assert status("首年服务费", "| 项目 | 费用 |\n|---|---|\n| 首年服务费 | 减免 |") == "negated"


# --- 3. negations, denials and corrections v14 missed ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("20个月", "回收期不需20个月。", "negated"),
        ("20个月", "回收期不超20个月。", "covered"),  # v17: an inclusive bound (不超过), the figure as a limit
        ("私有化部署", "该产品没法私有化部署。", "negated"),
        ("私有化部署", "该产品没办法做私有化部署。", "negated"),
        ("私有化部署", "该产品不具备私有化部署能力。", "negated"),
        ("私有化部署", "该产品缺乏私有化部署能力。", "negated"),
        ("私有化部署", "该报价不包含私有化部署。", "negated"),
        ("私有化部署", "私有化部署行不通。", "negated"),
        ("私有化部署", "私有化部署不现实。", "negated"),
        ("私有化部署", "私有化部署不可取。", "negated"),
        ("私有化部署", "私有化部署实现不了。", "negated"),
        ("20个月", "回收期是20个月是错的，应为24个月。", "negated"),
        ("20个月", "回收期20个月的说法有误。", "negated"),
        ("20个月", "回收期是20个月，不对，应该是24个月。", "negated"),
        ("20 months", "A payback of 20 months is wrong.", "negated"),
        ("20 months", "A payback of 20 months is not correct.", "negated"),
        ("on-premise", "It lacks on-premise deployment.", "negated"),
        # near-misses: a double negation affirms, a figure a "lack" names, 不对外, 不错 - kept
        ("私有化部署", "该产品并非不支持私有化部署。", "covered"),
        ("私有化部署", "该产品绝非不支持私有化部署。", "covered"),
        ("私有化部署", "该产品不是不支持私有化部署。", "covered"),
        ("20万元", "项目还缺少20万元资金。", "covered"),
        ("200万元", "报价不包括200万元的硬件费用。", "covered"),
        ("私有化部署", "私有化部署，不对外开放。", "covered"),
        ("私有化部署", "私有化部署不错。", "covered"),
        ("on-premise", "It does not lack on-premise deployment.", "covered"),
    ],
)
def test_negations_and_corrections(point: str, answer: str, expected: str) -> None:
    assert status(point, answer) == expected


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("它已通过PCI DSS认证的说法是错误的。", False),  # v14 charged these three
        ("说它已通过PCI DSS认证是不对的。", False),
        ("它已通过PCI DSS认证，不对，它并未通过。", False),
        ("它已通过PCI DSS认证。", True),
        ("它已通过PCI DSS认证，不错。", True),
    ],
)
def test_a_corrected_forbidden_claim_is_no_claim(answer: str, expected: bool) -> None:
    assert charged("已通过PCI DSS认证", answer) is expected


# --- 4. a date with dashes or slashes ---


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        ("2020年3月", "双方于2020-03签约。", True),
        ("2020年3月", "双方于2020/3签约。", True),
        ("2020年3月", "双方于2020-03-15签约。", True),
        ("2020年3月", "双方于2020/03/15签约。", True),
        ("2020年3月15日", "双方于2020-03-15签约。", True),
        ("2020年3月15日", "双方于2020/3/15签约。", True),
        # near-misses: another month, year or day, a longer number, a decimal - kept
        ("2020年3月", "双方于2020-04签约。", False),
        ("2020年3月", "双方于2021-03签约。", False),
        ("2020年3月", "双方于2020-30签约。", False),
        ("2020年3月", "双方于2020-031签约。", False),
        ("2020年3月", "双方于2020.3签约。", True),  # v82: a month with a dot, read as its digits (not 2020.30)
        ("2020年3月", "双方于2020.30签约。", False),
        ("2020年3月15日", "双方于2020-03-16签约。", False),
    ],
)
def test_dates_with_dashes_or_slashes(point: str, answer: str, expected: bool) -> None:
    assert covered(point, answer) is expected


# --- 5. a point in 元: its forms without a currency are renminbi too ---


def _in_yuan(point: str, synonyms: tuple[str, ...], answer: str) -> str:
    """The status of a point with synonyms (status() of scorer_rows takes none)."""
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint(point, synonyms),)
    )
    return score_answer(case, answer).points[0].status


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        # v14 credited 200万元 through its synonyms 200万 and 两百万 for an amount in another currency
        ("参考报价200万美元。", "missing"),
        ("参考报价两百万美元。", "missing"),
        ("参考报价两百万港币。", "missing"),
        ("参考报价200万（美元）。", "missing"),
        ("参考报价200万 USD。", "missing"),
        ("参考报价US$200万。", "missing"),
        ("参考报价HK$200万。", "missing"),
        ("参考报价$200万。", "missing"),
        ("参考报价美元200万。", "missing"),
        # near-misses: renminbi, or another currency that names another amount - kept
        ("参考报价200万。", "covered"),
        ("参考报价两百万。", "covered"),
        ("参考报价¥200万。", "covered"),
        ("参考报价人民币200万。", "covered"),
        ("参考报价200万人民币。", "covered"),
        ("参考报价200万元。", "covered"),
        ("参考报价200万，约合28万美元。", "covered"),
        ("参考报价200万（含税）。", "covered"),
    ],
)
def test_a_point_in_yuan_is_no_amount_in_another_currency(answer: str, expected: str) -> None:
    assert _in_yuan("200万元", ("200万", "两百万"), answer) == expected


def test_a_point_without_yuan_keeps_its_reading() -> None:
    """A point with no form in 元 names no currency (it may be one in dollars): as v14."""
    assert _in_yuan("300万", (), "预算300万美元。") == "covered"
