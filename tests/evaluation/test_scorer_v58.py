"""Scorer v58: figures a careful grader would not credit - a counterfactual, another's claim, a quote withdrawn, a
figure declared no longer valid - each with its right-answer twins beside it.

- a counterfactual: what would be needed ("A payback of 20 months would require cutting only 10 agents"), a value
  that would hold only if ("would cost 84万元 only if ..."), a value only a condition brings (只有…才能达到20%,
  只有在…的情况下才会是20个月) and a purpose (要达到20%的ROI，需要…) - `keywords/counterfactual.py`,
  `keywords/hypothesis.py`;
- another's claim the answer does not adopt ("the 85% some vendors claim", "Vendor X claims 85%", 厂商宣称的85%,
  某些厂商声称可达85%, 据称, 号称) and a quote withdrawn ("their earlier 180万元 quote was withdrawn",
  此前180万元的报价已撤回) - `keywords/claimed.py`; a source the answer adopts (According to the report, As the
  vendor states, 根据厂商资料), a rumour passed on (v17) and a quote lowered (v56) stay covered;
- a figure declared no longer valid ("no longer holds", "is obsolete", 该数据已不再适用, 已过期) -
  `keywords/rejected.py` (v44's verdicts); "no longer exceeds 5分钟" (a bound) and "still holds" stay covered.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, LongAnswer, check_long_answer, check_status, long_answer_ids, long_answer_rows

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

COUNTERFACTUAL_ROWS: list[Row] = [
    # wrong under v57 (credited): what would be needed, a value that would hold only if, only a condition brings it
    ("20个月", "A payback of 20 months would require cutting only 10 agents.", None, N),
    ("回收期20个月", "A payback of 20 months would require cutting only 10 agents.", None, N),
    ("ROI 20%", "A 20% ROI target would need 15 fewer agents.", None, N),
    ("84万元", "The SaaS engine would cost 84万元 only if the overage were 300万次.", None, N),
    ("20个月", "Payback would be 20 months only if 15 agents were cut.", None, N),
    ("20%", "要达到20%的ROI，需要减少15名客服。", CN, N),
    ("20%", "只有减少15名客服，ROI才能达到20%。", CN, N),
    ("20个月", "回收期只有在减少15名客服的情况下才会是20个月。", CN, N),
    ("84万元", "只有超额300万次时，费用才会是84万元。", CN, N),
    # already not covered under v57 (purposes and conditions: v40, v51)
    ("ROI 20%", "To reach a 20% ROI we would need to cut 15 agents.", None, N),
    ("ROI 20%", "要达到20%的ROI，需要减少15名客服。", CN, N),
    ("回收期20个月", "若要回收期缩短到20个月，需减少15名客服。", CN, N),
    # kept covered: the figure stated, the counterfactual about another figure or in another clause
    ("20个月", "The payback is 20 months, which would require no new hires.", None, C),
    ("ROI 20%", "ROI is 20%; reaching 25% would require cutting 5 more agents.", None, C),
    ("20个月", "Payback is 20 months; a 15-month payback would require cutting 20 agents.", None, C),
    ("回收期20个月", "回收期为20个月，若要进一步缩短则需减少更多客服。", CN, C),
    ("ROI 20%", "ROI为20%，要达到25%的ROI，需要再减少5名客服。", CN, C),
    ("20个月", "Payback would be 20 months under current prices.", None, C),  # a forecast, no "only if"
    ("20个月", "The 20-month payback will require disciplined O&M.", None, C),  # "will": a plan, the figure stated
    ("ROI 20%", "The ROI would be 20% if all 15 agents are cut as planned.", None, C),
    ("20个月", "回收期约20个月，只有在人力成本上涨时才会延长。", CN, C),
    ("20%", "只有我们的方案ROI才达到20%。", CN, C),  # only one thing, no condition
    ("ROI 20%", "ROI为20%，只有减少更多客服才能进一步提高。", CN, C),
    ("ROI 20%", "ROI能达到20%。", CN, C),
    ("84万元", "首年费用为84万元。", CN, C),
]

CLAIM_ROWS: list[Row] = [
    # wrong under v57 (credited): another's claim, not adopted
    ("85%", "Auto-approval rate: 60%, well short of the 85% some vendors claim.", None, N),
    ("85%", "Vendor X claims 85%.", None, N),
    ("85%", "Vendor X claims an auto-approval rate of 85%.", None, N),
    ("85%", "The engine allegedly approves 85% of applications automatically.", None, N),
    ("85%", "The 85% (as claimed by the vendor) is not verified here.", None, N),
    ("85%", "厂商宣称的85%自动审批率并未实现。", CN, N),
    ("85%", "某些厂商声称可达85%。", CN, N),
    ("自动审批率85%", "某些厂商声称自动审批率可达85%。", CN, N),
    ("85%", "据称自动审批率可达85%。", CN, N),
    ("85%", "该产品号称自动审批率85%。", CN, N),
    ("85%", "厂商声称：自动审批率85%。", CN, N),  # a label's colon inside the claim's reach
    ("85%", "85%是厂商宣称的数字。", CN, N),
    ("85%", "The 85% figure some vendors claim is not what we see.", None, N),
    # wrong under v57 (credited): a quote withdrawn
    ("180万元", "Their earlier 180万元 quote was withdrawn before the tender.", None, N),
    ("180万元", "They withdrew their earlier quote of 180万元.", None, N),
    ("180万元", "此前180万元的报价已撤回。", CN, N),
    ("180万元", "深澜此前报价180万元，后已撤回。", CN, N),
    ("180万元", "深澜撤回了180万元的报价。", CN, N),
    # kept covered: a source adopted, our own claim, the claim contradicted, the figure said again as the answer's
    ("85%", "As the vendor states, accuracy is 85%.", None, C),
    ("ROI 20%", "According to the report, ROI is 20%.", None, C),
    ("85%", "According to the vendor's brochure, auto-approval is 85%.", None, C),
    ("85%", "The vendor reports an 85% auto-approval rate.", None, C),
    ("85%", "根据厂商资料，自动审批率为85%。", CN, C),
    ("85%", "厂商宣称85%，经我们实测确实为85%。", CN, C),
    ("85%", "We claim 85% in our tests.", None, C),
    ("85%", "CreditFlow boasts an 85% auto-approval rate.", None, C),  # "boasts" states a product's figure
    ("85%", "The engine, as the vendor claims, reaches 85%.", None, C),  # the claim in its own part
    ("85%", "The vendor claims 60%, but our tests show 85%.", None, C),
    ("85%", "厂商声称60%，但实际为85%。", CN, C),
    ("85%", "有人说自动审批率是85%。", CN, C),  # a rumour passed on (v17: 网上传言20个月)
    ("ROI 20%", "Reportedly, the ROI is 20%.", None, C),  # hearsay passed on (v17)
    ("20%", "The ROI is reportedly 20%.", None, C),
    ("20%", "The claims team cut handling time by 20%.", None, C),  # the noun
    ("20%", "Insurance claims fell by 20%.", None, C),
    ("20%", "Our claims processing system reduced losses by 20%.", None, C),
    # kept covered: a quote lowered (v56), accepted, judged, or another's bid withdrawn
    ("180万元", "深澜初次报价180万元，最终报价降至150万元。", CN, C),
    ("180万元", "Their 180万元 quote was accepted.", None, C),
    ("180万元", "The 180万元 bid was too high for the client.", None, C),
    ("180万元", "深澜报价180万元，我们撤回了投标。", CN, C),
    ("180万元", "深澜报价180万元，最终中标。", CN, C),
    # the lead's review: a withdrawal of something else (后来取消了试点计划) withdraws no quote; two words before the
    # verb (但随后) still reach it
    ("180万元", "深澜报价180万元，后来取消了试点计划。", CN, C),
    ("180万元", "深澜报价180万元，但随后赢得了项目。", CN, C),
    ("180万元", "深澜报价180万元，但随后撤回了该报价。", CN, N),
    ("180万元", "深澜报价180万元，但随后撤回了。", CN, N),
]

NO_LONGER_VALID_ROWS: list[Row] = [
    # wrong under v57 (credited): a figure declared no longer valid
    ("5分钟", "About 30 minutes (the 5分钟 figure applied only to the 2022 pilot and no longer holds).", None, N),
    ("5分钟", "Approval takes 5分钟 - this no longer holds.", None, N),
    ("5分钟", "Approval took 5分钟 in the pilot, but that figure no longer holds.", None, N),
    ("5分钟", "The 5分钟 figure has been superseded.", None, N),
    ("5分钟", "The 5分钟 figure is obsolete.", None, N),
    ("5分钟", "审批时间5分钟，该数据已不再适用。", CN, N),
    ("5分钟", "审批时间5分钟，这一数据已过期。", CN, N),
    # already not covered under v57 (v44's verdicts: 过时, 失效, outdated; a negation after it)
    ("5分钟", "The 5分钟 figure is outdated.", None, N),
    ("5分钟", "审批时间5分钟，该数据已过时。", CN, N),
    ("5分钟", "审批时间5分钟的数据已失效。", CN, N),
    # kept covered: a bound, the figure still valid, another thing no longer needed or no longer applying to a scope
    ("5分钟", "Approval time no longer exceeds 5分钟.", None, C),
    ("5分钟", "The 5分钟 figure still holds.", None, C),
    ("5分钟", "审批时间5分钟，该数据仍然适用。", CN, C),
    ("5分钟", "审批时间5分钟，这一数据仍然有效。", CN, C),
    ("5分钟", "审批时间不再超过5分钟。", CN, C),
    ("5分钟", "审批时间缩短至5分钟，人工审核已不再适用。", CN, C),
    ("5分钟", "审批只需5分钟，不再需要人工复核。", CN, C),
    ("5分钟", "Approval takes 5分钟, but that no longer applies to manual reviews.", None, C),
]

SHARE_ROWS: list[Row] = [
    # wrong under v57 (missed): a fraction whose percent is whole is that percent (`numbers/finding.py`, `_a_share`),
    # so a subject's link reads it as it reads 两成 (v16)
    ("ROI 25%", "ROI约为四分之一。", CN, C),
    ("ROI 20%", "ROI为五分之一。", CN, C),
    ("ROI 75%", "ROI为四分之三。", CN, C),
    ("ROI 40%", "ROI为五分之二。", CN, C),
    # its twins read as the digits do: a bound, a negation, a change, a part of it
    ("ROI 25%", "ROI不到四分之一。", CN, N),
    ("ROI 20%", "ROI超过五分之一。", CN, N),
    ("ROI 25%", "ROI并非四分之一。", CN, N),
    ("ROI 25%", "ROI提升了四分之一。", CN, N),
    ("ROI 25%", "ROI为四分之一的一半。", CN, N),
    # kept: the bare share (v36), no Chinese forms (v16), no whole percent (a third); no count inside the share
    ("25%", "约四分之一的成本", CN, C),
    ("ROI 25%", "ROI约为四分之一。", None, N),
    ("ROI 33%", "ROI约为三分之一。", CN, N),
    ("4", "四分之一", CN, N),  # wrong under v57 (credited: the 四 of 四分之一 was read as 4)
]

# a point in 万元 matched through its synonym in 万 (1200万 in 1200万元): the rules that read the words after the
# figure start after its 元 (`scoring._with_its_yuan`) - under v57 the synonym's match ended before 元 and credited it
YUAN_ROWS: list[tuple[str, tuple[str, ...], str, str]] = [
    ("1200万元", ("1200万",), "2022年签约1200万元，现已调整为1350万元，已上线。", N),  # wrong under v57
    ("180万元", ("180万",), "深澜此前180万元的报价已撤回。", N),  # wrong under v57
    ("1200万元", ("1200万",), "合同金额1200万元的说法不成立。", N),  # wrong under v57
    ("1200万元", ("1200万",), "合同金额为1200万元。", C),
    ("1200万元", ("1200万",), "2022年签约1200万元，已上线。", C),
    ("1200万元", ("1200万",), "合同金额1200万，已上线。", C),
    ("200万元", ("200万",), "首年费用200万美元。", N),  # another currency (v15)
]

# Chinese long answers for the shipped cases, in the shape models write them, each with one of the four classes
ZH_ROI_COUNTERFACTUAL = """## 测算结果

- **年净节省额**：120万 − 30万 = 90万元
- **三年ROI**：约140%

### 说明
回收期只有在减少15名客服的情况下才会是20个月；按目前只能减少8名客服测算，回收期约为36个月。
要达到50%的三年ROI，需要把运维费压到每年10万元以内。"""

ZH_ROI_RIGHT = """## 测算结果

- **年净节省额**：120万 − 30万 = 90万元
- **静态投资回收期**：150万 ÷ 90万 ≈ 1.67年，即约20个月
- **三年ROI**：(360万 − 240万) ÷ 240万 = 50%

若要回收期进一步缩短到15个月，需要再减少5名客服。"""

ZH_NEAR_ONLY_IF = """**推荐：智能风控平台（私有化部署）**

- 授权费：380万元，年维保57万元
- 首年费用：437万元

智能风控引擎只有在年调用量不超过300万次时，首年费用才会是84万元，因此不推荐。"""

ZH_PROD_CLAIMED = """**推荐产品：** 智能风控平台

- 审批时效：约30分钟（5分钟是2022年试点的数据，该数据已不再适用）
- 自动审批率：约60%，低于厂商宣称的85%
- 参考报价：380万元"""

ZH_PROD_RIGHT = """**推荐产品：** 信贷审批引擎

- 审批时效：约5分钟，该数据仍然适用
- 自动审批率：85%（根据产品资料）
- 部署方式：私有化部署
- 参考报价：200万元
- 参考客户：华信银行"""

ZH_COMP_WITHDRAWN = """**抢单情况：** 瑞丰财险

深澜此前180万元的报价已撤回，最终以150万元中标；我方报价280万元。"""

ZH_COMP_RIGHT = """**抢单情况：** 华鑫农商银行

深澜以深澜风控云（SaaS）报价180万元，我方以私有化方案报价320万元，最终深澜中标。"""

LONG_ANSWERS: list[LongAnswer] = [
    # wrong under v57: the counterfactual 20个月 and 50% were credited
    ("roi_calculation", "zh only-if and purpose", ZH_ROI_COUNTERFACTUAL, {"90万": C, "20个月": N, "50%": N}),
    ("roi_calculation", "zh stated, a purpose about another figure", ZH_ROI_RIGHT, {"20个月": C, "50%": C}),
    # wrong under v57: 84万 only if
    ("near_match_precision", "zh only if, not recommended", ZH_NEAR_ONLY_IF, {"84万": N}),
    # wrong under v57: a figure no longer valid, another's claim
    ("kb_product_recommendation", "zh no longer valid, vendor's claim", ZH_PROD_CLAIMED, {"5分钟": N, "85%": N}),
    (
        "kb_product_recommendation",
        "zh still valid, a source adopted",
        ZH_PROD_RIGHT,
        {"信贷审批引擎": C, "5分钟": C, "85%": C, "200万元": C, "私有化部署": C, "华信银行": C},
    ),
    # wrong under v57: the withdrawn quote
    ("kb_competitor_customers", "zh withdrawn quote", ZH_COMP_WITHDRAWN, {"180万元": N}),
    ("kb_competitor_customers", "zh the bids", ZH_COMP_RIGHT, {"180万元": C, "320万元": C, "深澜风控云": C}),
]

# Left (v58): still credited or still missed - strict xfails, each with its reason
LEFT: list[Row] = [
    # a claim's verb reaches its own part of the clause (and a label's colon): past a comma the figure may be the
    # answer's own (Vendor X claims 60%, we measured 85%), so a claim that runs on past one is still credited
    ("85%", "某些厂商声称，在理想条件下，自动审批率可达85%。", CN, N),
    # ("would" with a condition after it that is no "only if" and then denied - "Payback would be 20 months if we cut
    # 15 agents, which we cannot." - is read since v106: `counterfactual.condition_denied`, test_scorer_v106.py)
    # a release or a stage named as the earlier period (v56's LEFT_LONG: 上线初期, the 2022 release) is no period word
    ("8400笔", "上线初期每日人工核对量为8400笔；今年模型升级后，每日人工核对量已降至3100笔。", CN, N),
]


def test_version() -> None:
    assert SCORER_VERSION >= 58


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), COUNTERFACTUAL_ROWS)
def test_counterfactual_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), CLAIM_ROWS)
def test_claim_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NO_LONGER_VALID_ROWS)
def test_no_longer_valid_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), SHARE_ROWS)
def test_share_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "synonyms", "answer", "expected"), YUAN_ROWS)
def test_a_synonym_in_wan_is_read_to_its_yuan(
    point: str, synonyms: tuple[str, ...], answer: str, expected: str
) -> None:
    case = Case(
        id="q", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint(point, synonyms),)
    )
    got = score_answer(case, answer).points[0].status
    assert (got == "covered") == (expected == C), (point, answer, got)


@pytest.mark.xfail(strict=True, reason="v58 Left: see LEFT")
@pytest.mark.parametrize(("point", "answer", "forms", "expected"), LEFT)
def test_left_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(
    ("case_id", "shape", "answer", "point", "expected"),
    long_answer_rows(LONG_ANSWERS),
    ids=long_answer_ids(LONG_ANSWERS),
)
def test_long_answer_point_status(case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
    check_long_answer(case_id, shape, answer, point, expected)


def test_a_forbidden_claim_relayed_is_still_charged() -> None:
    """The claim rule reads key points only: an answer that relays a forbidden claim (该公司声称…) asserts it (v25)."""
    from scorer_rows import charged

    assert charged("已通过PCI DSS认证", "该公司声称已通过PCI DSS认证。")
