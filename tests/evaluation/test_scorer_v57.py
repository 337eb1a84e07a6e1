"""Scorer v57: a negated point read again through a shorter synonym, English verbs of use after a negation, Chinese
shares as a figure, and a hostile pass in English long answers.

- a text point read negated (It is not 信贷审批引擎 we'd recommend) was credited through a synonym inside the same
  words (审批引擎, whose own match sees 信贷 before it, no negation): the words a text form was read negated in are
  not read again by a shorter form (`scoring.py`, `negated_words`);
- "did not use / does not apply / did not adopt / did not recommend X" credited X: the verbs of using, adopting and
  recommending are fillers after an English negation (`keywords/negation.py`), as 未采用 and 不推荐 are in Chinese;

- shares and fractions said in Chinese (两成, 三成, 四分之一): v16 reads 两成 / 四成 as 20% / 40% with
  `NumberForms(chinese=True)` and v36 reads 四分之一 / "a quarter of" as 25%; their twins read as the same figure
  written in digits does (两成多 as 20%多, 两成以上 as 20%以上, 不到两成 as 不到20%, 并非两成 negated), so the rows
  pin what already holds (`SHARE_ROWS`); what is still missed is pinned as strict xfails (`LEFT_SHARES`);
- long answers in English, in the shape GPT-4o / Claude / Qwen3 write them for the shipped cases (headings, bold
  labels, tables, Key assumptions, Risks, Bottom line, a closing offer, figures as 90万元, 1,200万元, RMB 8.6 million
  (860万元)), scored against their case: each point's status as a careful grader gives it (`LONG_ANSWERS`); what is
  wrong is pinned as strict xfails (`LEFT_LONG`) - most of it is in the shipped cases (a case regex with Chinese
  labels only, no scale-word forms, no English synonyms), not in the scorer.
"""

from __future__ import annotations

import pytest
from scorer_rows import (
    CN,
    LongAnswer,
    check_long_answer,
    check_status,
    long_answer_ids,
    long_answer_rows,
    shipped_cases,
)

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

NEGATED_USE_ROWS: list[Row] = [
    # wrong under v56 (credited): a verb of using, adopting or recommending after an English negation
    ("告警降噪", "It did not use 告警降噪.", None, "negated"),
    ("告警降噪", "It does not use 告警降噪.", None, "negated"),
    ("告警降噪", "It didn't use 告警降噪.", None, "negated"),
    ("告警降噪", "It did not apply 告警降噪.", None, "negated"),
    ("告警降噪", "It did not adopt 告警降噪.", None, "negated"),
    ("告警降噪", "The bank has not employed 告警降噪.", None, "negated"),
    ("私有化部署", "We did not recommend 私有化部署.", None, "negated"),
    ("私有化部署", "We do not recommend 私有化部署 for this client.", None, "negated"),
    # kept covered: no negation right before the verb, or the negation on another object
    ("告警降噪", "Not only does it use 告警降噪, it also scores risk.", None, C),
    ("告警降噪", "It uses 告警降噪, not manual review.", None, C),
    ("告警降噪", "It does not only use 告警降噪.", None, C),
    ("告警降噪", "It did not use manual rules; it used 告警降噪.", None, C),
    ("告警降噪", "We did not use rules. 告警降噪 was applied.", None, C),
    ("私有化部署", "We recommend 私有化部署, not SaaS.", None, C),
    ("私有化部署", "I would not recommend anything other than 私有化部署.", None, C),
    ("告警降噪", "它没有采用规则，而是采用告警降噪。", None, C),
    # kept negated (the neighbours the class grew from)
    ("告警降噪", "未采用告警降噪。", None, "negated"),
    ("私有化部署", "It does not support 私有化部署.", None, "negated"),
    ("告警降噪", "It lacks 告警降噪.", None, "negated"),
]

SHARE_ROWS: list[Row] = [
    # a share in 成 is tenths with the Chinese forms (v16), as its digits are
    ("ROI 20%", "ROI约为两成。", CN, C),
    ("20%", "ROI约为两成。", CN, C),
    ("ROI 30%", "ROI约为三成。", CN, C),
    ("30%", "约三成客户流失。", CN, C),
    ("ROI 20%", "ROI为两成。", CN, C),
    ("ROI 20%", "ROI两成左右。", CN, C),
    ("20%", "二成", CN, C),
    # its twins read as the digits do: 20%多 and 20%以上 are covered (v17: only a strict bound is not)
    ("ROI 20%", "ROI为两成多。", CN, C),
    ("ROI 20%", "ROI为20%多。", None, C),
    ("ROI 20%", "ROI为两成以上。", CN, C),
    ("ROI 20%", "ROI为20%以上。", None, C),
    ("20%", "两成的客户续约。", CN, C),  # a bare point may count anything (v53), as 20%的客户续约 does
    ("ROI 20%", "ROI不到两成。", CN, N),
    ("ROI 20%", "ROI超过两成。", CN, N),
    ("ROI 20%", "ROI并非两成。", CN, "negated"),
    ("ROI 20%", "ROI近两成。", CN, N),  # as ROI近20% (a bound below)
    ("ROI 20%", "ROI近20%。", None, N),
    ("ROI 20%", "ROI提升了两成。", CN, N),  # a change by it (v53)
    # without the Chinese forms a point in digits is not said in Chinese numerals (v16, v36)
    ("ROI 20%", "ROI约为两成。", None, N),
    # fractions (v36): 四分之一 and "a quarter of" for 25%; "a quarter" alone is a period
    ("25%", "约四分之一的成本", CN, C),
    ("25%", "about a quarter of users", None, C),
    ("50%", "成本降低了一半", None, C),
    ("50%", "half of the cost", None, C),
    ("ROI 25%", "The ROI is about a quarter.", None, N),
    # 打八折 names a price, not a share: not the 20% off, nor 80%, without a rule (Left)
    ("20%", "打八折。", CN, N),
    ("80%", "打八折。", CN, N),
    # left under v57, fixed in v58 (test_scorer_v58.py): a fraction read as its percent links its subject
    ("ROI 25%", "ROI约为四分之一。", CN, C),
    ("ROI 20%", "ROI为五分之一。", CN, C),
]
# Left (v57 probe): a share said as a figure, still missed - strict xfails
LEFT_SHARES: list[Row] = [
    ("10%", "ROI仅一成。", CN, C),  # 一成 is left out for 一成不变 (v16)
    ("20%", "one in five users churn", None, C),
]


EN_ROI_GPT = """## ROI Analysis for 鲜百汇's Smart Customer Service

**Annual labour savings:** 15 agents × 8万元 = **120万元**
**Annual net savings:** 120万 − 30万 (O&M) = **90万元/year**

### Payback period
150万 ÷ 90万 ≈ 1.67 years, i.e. about **20个月** (20 months).

### 3-year ROI
| Item | Amount |
|---|---|
| Total savings (3 yrs) | 360万元 |
| Total investment (3 yrs) | 150万 + 3×30万 = 240万元 |
| ROI | (360 − 240) ÷ 240 = **50%** |

### Key assumptions
- Headcount reduction of 15 is achieved from month one.
- If only 10 agents are cut, payback stretches to about 36 months.

**Bottom line:** The project pays back in roughly 20 months with a 3-year ROI of 50%.

Would you like me to run a sensitivity analysis on the O&M cost?"""

EN_ROI_CLAUDE_EN = """Here's the breakdown.

**1. Annual net savings**
- Gross labour savings: 15 × RMB 80,000 = RMB 1.2 million (120万元)
- Less annual O&M: RMB 300,000
- **Net annual savings: RMB 900,000 (90万元)**

**2. Static payback period**
RMB 1.5M ÷ RMB 0.9M per year ≈ 1.67 years ≈ **20 months**

**3. Three-year ROI**
- Total savings over three years: 3 × 120万 = 360万元
- Total investment over three years: 150万 + 90万 = 240万元
- ROI = (360 − 240) / 240 = **50%**

**Risks**
- If O&M costs rise by 20%, the ROI would fall below 50%.

Let me know if you'd like a month-by-month cash-flow table."""

EN_ROI_WRONG_EN = """## Summary
- **Annual net savings:** RMB 1.2 million
- **Payback:** about 15 months
- **3-year ROI:** roughly 140%

### Notes
The figure of 90万 would apply only if O&M were charged twice; it is not the case here.
A payback of 20 months would require cutting only 10 agents.
Would you like me to check whether a 50% ROI is reachable under a higher O&M cost?"""

EN_ROI_MILLION = """**Net annual savings:** 1.2M − 0.3M = 0.9M yuan.
**Payback:** 1.5M / 0.9M ≈ 1.67 years (about 20 months).
**Three-year totals:** savings 3.6M yuan; investment 2.4M yuan.
**ROI:** (3.6 − 2.4) / 2.4 = 50%."""

EN_ROI_MILLION_WORDS = """- Gross savings: 1.2 million yuan per year
- Net savings: 0.9 million yuan per year
- Payback: 20 months
- 3-year savings: 3.6 million yuan; 3-year cost: 2.4 million yuan
- ROI: 50%"""

EN_NEAR_GPT = """## Recommendation: 智能风控引擎 (SaaS)

**Why:** The client does not require on-premise deployment and has a budget of 100万元.
The platform's licence alone starts at 380万元, far above budget.

### First-year cost
| Component | Calculation | Cost |
|---|---|---|
| Annual fee (incl. 5M calls) | — | 60万元 |
| Overage | (800万 − 500万) = 300万次 × 0.08元 | 24万元 |
| **Total** | | **84万元** |

**Bottom line:** Choose 智能风控引擎; first-year cost is 84万元, within the 100万 budget.

Shall I compare a three-year TCO for both products?"""

EN_NEAR_WRONG = """**Recommendation:** 智能风控平台 (on-premise).

- Licence: 380万元
- Maintenance: 15% × 380万 = 57万元
- First-year cost: 437万元

Note: the SaaS engine (智能风控引擎) would cost 84万元 only if the overage were 300万次, but we recommend against it."""

EN_NEAR_MILLION = """**Recommended product:** 智能风控引擎 (SaaS).

**First-year cost:** RMB 600,000 base fee + 3 million excess calls (300万次) × RMB 0.08
= RMB 240,000 overage (24万) → **RMB 840,000 (84万元)** in total."""

EN_COOP_GPT = """## Relationship with 华信城商行

We have worked with 华信城商行 since **2020**.

| Year | Product | Amount | Status |
|---|---|---|---|
| 2020 | 智能风控平台 (RiskMind) | 860万元 | Live |
| 2022 | 反洗钱监测系统 | 1,200万元 | Live |
| 2024 | 信贷审批引擎 | 340万元 | 实施中 (in implementation) |

**Bottom line:** Three contracts, a total of 2,400万元; the latest is still being implemented."""

EN_COOP_RMB = """**Since:** 2020

**Contracts:**
1. **智能风控平台** – RMB 8.6 million (860万元), in production.
2. **AML monitoring system** – RMB 12 million, in production.
3. **Credit approval engine** – RMB 3.4 million, currently 实施中."""

EN_COOP_WRONG = """We started working with them in 2021.

- First contract: RiskMind, about RMB 9 million.
- Second contract: not 1200万元 as sometimes reported — it was 1,500万元.
- A third deal worth 340万元 is under discussion but has not been signed; it is not 实施中."""

EN_COMPANY_GPT = """## 华信银行 at a glance

- **Founded:** 1997
- **Headquarters:** 苏州
- **Total assets:** about 5,800亿元 (RMB 580 billion)
- **Employees:** roughly 4,300

### Key pain points
1. **信用卡欺诈** losses have been rising.
2. **人工复核** workload: a high false-positive rate means staff review many alerts by hand.

Would you like me to draft a pitch deck for them?"""

EN_COMPANY_EN_ONLY = """**Founded:** 1997 | **HQ:** Suzhou | **Assets:** RMB 580 billion | **Staff:** about 4,300 people

**Pain points:** credit-card fraud losses and heavy manual review of alerts (误报率 high)."""

EN_COMPANY_WRONG = """- Founded in 1999 (not 1997, as some older brochures state)
- Headquartered in Shanghai, not 苏州
- Assets: roughly 4,300亿元
- Employees: about 5,800"""

EN_PROD_GPT = """## Recommended product: 信贷审批引擎 (CreditFlow)

**Expected impact**
- Approval time cut from 3 days to **under 5 minutes** for most applications
- Auto-approval rate of about **85%**

**Deployment:** 私有化部署 (on-premise), with a 专属云 option.
**Reference price:** from **200万元**
**Reference customer:** 华信银行, live since 2023.

**Bottom line:** CreditFlow fits the need for fast online auto-approval."""

EN_PROD_WITHIN = """**Product:** CreditFlow 信贷审批引擎
- **Speed:** decisions within 5分钟
- **Auto-approval rate:** 85%
- **Deployment:** private (私有化部署)
- **Price:** RMB 2 million (200万元)
- **Reference:** 华信城商行"""

EN_PROD_WRONG = """**Product:** 智能风控平台
- It is not 信贷审批引擎 we'd recommend here.
- Approval time: about 30 minutes (the 5分钟 figure applied only to the 2022 pilot and no longer holds).
- Auto-approval rate: 60%, well short of the 85% some vendors claim.
- Price: 380万元; SaaS only - no 私有化部署."""

EN_HYBRID_GPT = """## Contract YT-HT-2022-031

**System:** 反洗钱监测系统 (AML monitoring)
**Client:** 华信银行
**Amount:** 1,200万元

### How it reduced the workload
It applies **告警降噪** (alert noise reduction): a model scores each suspicious-transaction alert
and suppresses low-risk ones before they reach compliance staff.

### Results
- Alerts reviewed by hand fell from **8,400 per day** to about 1,850.
- That is a reduction of roughly **78%**.

Would you like the full case study?"""

EN_HYBRID_EN = """- **System:** the AML monitoring system
- **Customer:** 华信城商行
- **Contract value:** RMB 12 million
- **Method:** alert de-noising (降噪) with risk scoring
- **Effect:** daily manual checks dropped from 8400 to roughly 1,850 — a 78% cut."""

EN_HYBRID_WRONG = """The contract covered a credit approval engine for 华鑫农商银行, worth about RMB 8 million.
It did not use 告警降噪; the manual-check volume stayed around 8,400 items a day,
and the 78% reduction target was not met."""

EN_COMP_GPT = """## 深澜数据's financial-sector customers

| Customer | Type |
|---|---|
| 华鑫农商银行 | Rural commercial bank |
| 瑞丰财险 | P&C insurer |
| 海东消费金融 | Consumer finance |

### The deal we lost
**华鑫农商银行**: 深澜 bid its **深澜风控云** (SaaS) at **180万元**; we bid our on-premise platform at **320万元**.

**Bottom line:** price was the deciding factor."""

EN_COMP_RMB = """**Customers:** 华鑫农商行, 瑞丰财产保险, 海东消金.
**Lost deal:** 华鑫农商行 — 深澜 offered 风控云 at RMB 1.8 million; our bid was RMB 3.2 million."""

EN_COMP_WRONG = """**Lost deal:** 瑞丰财险 — not 华鑫农商银行.
深澜's bid: about 150万元 (their earlier 180万元 quote was withdrawn before the tender).
Our bid: 280万元, not 320万元."""

# (case id, what the answer is like, the answer, {key point: its status as a careful grader gives it})
LONG_ANSWERS: list[LongAnswer] = [
    (
        "roi_calculation",
        "en headings, table, Key assumptions, Bottom line, offer",
        EN_ROI_GPT,
        {"120万": C, "20个月": C, "360万": C, "240万": C, "50%": C},
    ),
    ("roi_calculation", "en bold steps, RMB and 万元, Risks", EN_ROI_CLAUDE_EN, {"120万": C, "20个月": C, "50%": C}),
    ("roi_calculation", "en wrong figures, offer", EN_ROI_WRONG_EN, {"90万": N, "360万": N, "240万": N, "50%": N}),
    ("roi_calculation", "en 1.2M figures", EN_ROI_MILLION, {"20个月": C, "50%": C}),
    (
        "near_match_precision",
        "en recommendation, cost table, offer",
        EN_NEAR_GPT,
        {"300万次": C, "24万": C, "84万": C},
    ),
    ("near_match_precision", "en the other product", EN_NEAR_WRONG, {"300万次": N, "24万": N}),
    ("near_match_precision", "en RMB 840,000 (84万元)", EN_NEAR_MILLION, {"300万次": C, "24万": C, "84万": C}),
    (
        "kb_cooperation_history",
        "en Year table, Bottom line",
        EN_COOP_GPT,
        {"2020年": C, "860万元": C, "1200万元": C, "340万元": C, "智能风控平台": C, "实施中": C},
    ),
    ("kb_cooperation_history", "en RMB 8.6 million (860万元)", EN_COOP_RMB, {"2020年": C, "860万元": C, "实施中": C}),
    (
        "kb_cooperation_history",
        "en wrong year, denied amount",
        EN_COOP_WRONG,
        {"2020年": N, "860万元": N, "1200万元": N},
    ),
    (
        "kb_company_background",
        "en bullets, pain points, offer",
        EN_COMPANY_GPT,
        {"1997年": C, "苏州": C, "5800亿元": C, "4300人": C, "信用卡欺诈": C, "人工复核": C},
    ),
    ("kb_company_background", "en only, pipes", EN_COMPANY_EN_ONLY, {"1997年": C, "4300人": C}),
    (
        "kb_company_background",
        "en wrong facts, denied",
        EN_COMPANY_WRONG,
        {"1997年": N, "苏州": N, "5800亿元": N, "4300人": N},
    ),
    # v54 decided: "under 5 minutes" is a strict bound, shown negated, for the point 5分钟 (source: 5分钟以内)
    (
        "kb_product_recommendation",
        "en headings, under 5 minutes, Bottom line",
        EN_PROD_GPT,
        {"信贷审批引擎": C, "5分钟": N, "85%": C, "200万元": C, "私有化部署": C, "华信银行": C},
    ),
    (
        "kb_product_recommendation",
        "en within 5分钟, RMB 2 million (200万元)",
        EN_PROD_WITHIN,
        {"信贷审批引擎": C, "5分钟": C, "85%": C, "200万元": C, "私有化部署": C, "华信银行": C},
    ),
    # wrong under v56: 信贷审批引擎 negated, then credited through its synonym 审批引擎 inside the same words
    (
        "kb_product_recommendation",
        "en the other product, It is not X we'd recommend",
        EN_PROD_WRONG,
        {"信贷审批引擎": N, "200万元": N, "私有化部署": N, "华信银行": N},
    ),
    (
        "kb_hybrid_retrieval",
        "en headings, Results, offer",
        EN_HYBRID_GPT,
        {"反洗钱监测系统": C, "华信银行": C, "1200万元": C, "8400笔": C, "告警降噪": C, "78%": C},
    ),
    ("kb_hybrid_retrieval", "en bullets, RMB 12 million", EN_HYBRID_EN, {"反洗钱监测系统": C, "华信银行": C, "78%": C}),
    # wrong under v56: "It did not use 告警降噪" credited
    (
        "kb_hybrid_retrieval",
        "en wrong system, did not use, target not met",
        EN_HYBRID_WRONG,
        {"1200万元": N, "告警降噪": N, "78%": N},
    ),
    (
        "kb_competitor_customers",
        "en table, The deal we lost, Bottom line",
        EN_COMP_GPT,
        {"华鑫农商银行": C, "瑞丰财险": C, "海东消费金融": C, "180万元": C, "320万元": C, "深澜风控云": C},
    ),
    ("kb_competitor_customers", "en RMB 1.8 million", EN_COMP_RMB, {"华鑫农商银行": C, "瑞丰财险": C, "深澜风控云": C}),
    ("kb_competitor_customers", "en wrong deal, denied bid", EN_COMP_WRONG, {"华鑫农商银行": N, "320万元": N}),
    # left under v57, fixed in v58 (test_scorer_v58.py): a counterfactual (would require, would cost ... only if), a
    # figure that no longer holds (the 2022 pilot's), another's claim (some vendors claim), a withdrawn quote
    ("roi_calculation", "en would require", EN_ROI_WRONG_EN, {"20个月": N}),
    ("near_match_precision", "en would cost only if", EN_NEAR_WRONG, {"84万": N}),
    ("kb_product_recommendation", "en 2022 pilot figure no longer holds", EN_PROD_WRONG, {"5分钟": N}),
    ("kb_product_recommendation", "en another's claim", EN_PROD_WRONG, {"85%": N}),
    ("kb_competitor_customers", "en withdrawn quote", EN_COMP_WRONG, {"180万元": N}),
    # left under v57-v73, right since the shipped files read scale words and Chinese numerals (v74 review: their
    # defaults' chinese_numerals): 1.2 million yuan is 120万, RMB 12 million 1200万元, RMB 580 billion 5800亿元
    ("roi_calculation", "en 1.2 million yuan", EN_ROI_MILLION_WORDS, {"120万": C, "360万": C, "240万": C}),
    ("kb_cooperation_history", "en RMB 12 million, the amounts", EN_COOP_RMB, {"1200万元": C, "340万元": C}),
    ("kb_hybrid_retrieval", "en RMB 12 million, the amount", EN_HYBRID_EN, {"1200万元": C}),
    ("kb_competitor_customers", "en RMB 1.8 million, the amounts", EN_COMP_RMB, {"180万元": C, "320万元": C}),
    ("kb_company_background", "en only, RMB 580 billion", EN_COMPANY_EN_ONLY, {"5800亿元": C}),
]
# Left (v57 probe): what a careful grader says otherwise - strict xfails, each with where it lies
LEFT_LONG: list[LongAnswer] = [
    # the case's regex for 90万 takes an English label only before a figure with no other figure between, and a
    # derivation only after 净节省 / 净收益 (scenarios/analysis.yaml)
    ("roi_calculation", "en derivation after Annual net savings", EN_ROI_GPT, {"90万": C}),
    ("roi_calculation", "en RMB 900,000 (90万元)", EN_ROI_CLAUDE_EN, {"90万": C}),
    # the point 选智能风控引擎 has no synonym: Recommendation: / Choose 智能风控引擎 is missed
    ("near_match_precision", "en Recommendation: 智能风控引擎", EN_NEAR_GPT, {"选智能风控引擎": C}),
    # no English synonyms: Suzhou, credit-card fraud
    ("kb_company_background", "en only", EN_COMPANY_EN_ONLY, {"苏州": C, "信用卡欺诈": C}),
    # v19's former value: 从8400降至1850 / dropped from 8400 to 1850 makes the bare 8400 a changed figure; with a unit
    # after it (8,400 per day, 从8400笔降至1850笔 through the synonym 8400) the case credits it
    ("kb_hybrid_retrieval", "en dropped from 8400 to", EN_HYBRID_EN, {"8400笔": C}),
]


def test_version() -> None:
    assert SCORER_VERSION >= 57


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), NEGATED_USE_ROWS)
def test_negated_use_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.parametrize(("point", "answer", "forms", "expected"), SHARE_ROWS)
def test_share_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


@pytest.mark.xfail(strict=True, reason="v57 probe Left: a share said as a figure, still missed")
@pytest.mark.parametrize(("point", "answer", "forms", "expected"), LEFT_SHARES)
def test_left_share_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)


class TestEnglishLongAnswers:
    """English long answers for the shipped cases, each point's status pinned as a careful grader gives it."""

    @pytest.mark.parametrize(
        ("case_id", "shape", "answer", "point", "expected"),
        long_answer_rows(LONG_ANSWERS),
        ids=long_answer_ids(LONG_ANSWERS),
    )
    def test_point_status(self, case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
        check_long_answer(case_id, shape, answer, point, expected)

    @pytest.mark.xfail(strict=True, reason="v57 probe Left: a case's words or a scorer rule, see LEFT_LONG")
    @pytest.mark.parametrize(
        ("case_id", "shape", "answer", "point", "expected"),
        long_answer_rows(LEFT_LONG),
        ids=long_answer_ids(LEFT_LONG),
    )
    def test_left_point_status(self, case_id: str, shape: str, answer: str, point: str, expected: str) -> None:
        check_long_answer(case_id, shape, answer, point, expected)

    def test_at_least_twenty_answers_with_right_and_wrong(self) -> None:
        answers = {row[2] for row in LONG_ANSWERS + LEFT_LONG}
        assert len(answers) >= 20
        assert {v for row in LONG_ANSWERS for v in row[3].values()} == {C, N}

    def test_every_pinned_point_is_a_point_of_its_case(self) -> None:
        for case_id, shape, _, points in LONG_ANSWERS + LEFT_LONG:
            own = {p.point for p in shipped_cases()[case_id].key_points}
            assert set(points) <= own, (case_id, shape, set(points) - own)
