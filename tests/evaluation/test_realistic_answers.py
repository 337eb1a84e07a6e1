"""Realistic answers to the 14 shipped cases, as strong models write them (Markdown, tables, <think> blocks, a
preamble, English where the question allows, figures in the forms models use), each graded as a careful human
grader would: a correct answer passes, a subtly wrong one (a wrong figure that contains the right one, the right
figure for another quantity, the right words negated, a made-up claim, a restated question, a refusal) fails."""

# ruff: noqa: E501  (the answers are model output, kept as models write them: long CJK lines)

from __future__ import annotations

from pathlib import Path

import pytest

from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer

CASES = {c.id: c for c in load_scenarios([Path(__file__).resolve().parents[2] / "scenarios"])}
PASS, FAIL = True, False


# (case id, expected verdict, why, answer)
ROWS: list[tuple[str, bool, str, str]] = [
    # ---------------------------------------------------------------- multi_requirement_analysis
    (
        "multi_requirement_analysis",
        PASS,
        "all six points, Markdown headings and a table",
        """好的，下面我逐条分析华信银行的需求。

## 一、逐条需求分析

| 序号 | 需求 | 分析 | 风险等级 |
|---|---|---|---|
| 1 | 毫秒级实时拦截 | 需流式计算+内存规则引擎，单笔决策控制在50ms内 | 高 |
| 2 | 反洗钱报送 | 需覆盖**大额交易**和**可疑交易**报告，对接人行二代反洗钱系统 | 中 |
| 3 | 数据不出机房 | 只能**私有化部署**，排除公有云SaaS | 中 |
| 4 | 预算≤800万 | 风控+反洗钱两套系统全量建设偏紧 | 高 |
| 5 | 6个月上线 | 全量上线不现实 | 高 |
| 6 | 国产芯片/OS | 需完成**信创**适配（鲲鹏/海光+麒麟） | 中 |

## 二、冲突与风险

1. **时间 vs 范围**：6个月内同时完成两套系统并通过信创适配，工期极紧。
2. **性能 vs 信创**：国产芯片上的毫秒级性能需要提前压测。
3. **预算 vs 全量**：800万元难以覆盖全部功能及等保三级测评。

## 三、实施路径

- **第一阶段（0-6个月）**：先做信用卡反欺诈试点，满足首批上线要求；
- **第二阶段（二期，6-12个月）**：反洗钱系统建设与监管报送；
- 全程按**等保**三级要求设计安全架构。

**总结**：建议分阶段实施、先试点后推广，在预算内控制风险。""",
    ),
    (
        "multi_requirement_analysis",
        PASS,
        "<think> block, synonyms (本地化部署, 国产化, 分期实施, POC, 等级保护)",
        """<think>
用户要分析6条需求。关键冲突：预算、时间、信创性能。我应该给出分期方案。
</think>

### 需求逐条解读

1. **实时反欺诈**：毫秒级拦截要求规则引擎与模型推理在内存中完成，建议先做POC验证国产芯片上的时延。
2. **反洗钱报送**：系统必须能自动识别大额交易并生成可疑交易报告，按人民银行格式报送。
3. **数据不出行**：只能采用本地化部署，所有模型训练也须在行内完成。
4. **预算800万**：软件授权、硬件、实施三项叠加后较为紧张。
5. **6个月上线**：建议只把实时反欺诈作为首批功能。
6. **国产化**：芯片、操作系统、数据库均需通过国产化适配认证。

### 主要冲突
- 国产芯片性能与毫秒级时延之间存在张力；
- 等级保护测评、信创适配都会占用工期。

### 建议路径
采用**分期实施**：一期（6个月）上线反欺诈，二期完成反洗钱与报送对接。""",
    ),
    (
        "multi_requirement_analysis",
        PASS,
        "a phased plan written as 两步走 / 第一阶段 (no 分阶段 word), five points still covered",
        """# 华信银行风控与合规系统升级：需求分析与建议

**结论先行**：六项需求之间存在明显的“时间—预算—范围”三角冲突，建议“两步走”。

## 需求分析
- 需求1（实时拦截）：技术可行，但要在信创环境下压测验证毫秒级时延。
- 需求2（反洗钱报送）：需覆盖大额交易与可疑交易报告两类报送。
- 需求3（数据不出机房）：必须私有化部署，模型训练在行内完成。
- 需求4（800万元预算）：两套系统全量建设大概率超支。
- 需求5（6个月上线）：首批只能上线核心功能。
- 需求6（国产芯片与OS）：需完成信创适配认证，并满足等保三级要求。

## 实施路径
1. 第一阶段：信用卡实时反欺诈先行试点，6个月内上线；
2. 第二阶段：反洗钱监测与监管报送，次年完成。

> 风险提示：信创适配和等保测评周期较长，需尽早启动。""",
    ),
    (
        "multi_requirement_analysis",
        FAIL,
        "recommends public cloud and waives 信创 and 等保: the requirements negated, not met",
        """好的，我的建议如下：

## 分析
1. 实时拦截：采用公有云SaaS风控服务即可，不建议私有化部署，成本太高。
2. 反洗钱：云服务商一般都内置报送模块。
3. 数据不出机房：可以通过加密传输满足，无需本地部署。
4. 预算：SaaS按年付费，800万元绰绰有余。
5. 6个月上线：SaaS两周即可接入，全部功能一次性上线。
6. 国产芯片：不必做信创适配，对业务影响不大。

**总结**：全部需求均可满足，不存在冲突。""",
    ),
    (
        "multi_requirement_analysis",
        FAIL,
        "only restates the six requirements",
        """华信银行的需求包括：

1. 信用卡交易毫秒级实时拦截欺诈；
2. 满足人民银行反洗钱监管报送要求；
3. 客户数据不得离开行内机房；
4. 总预算不超过800万元；
5. 6个月内首批功能上线；
6. 软硬件适配国产芯片和操作系统。

这些需求都很重要，需要综合考虑，建议与客户进一步沟通后再确定方案。""",
    ),
    (
        "multi_requirement_analysis",
        FAIL,
        "a refusal",
        "抱歉，我无法就华信银行的具体项目提供咨询建议。建议您联系专业的咨询机构或云图智算的售前团队获取方案。",
    ),
    # ---------------------------------------------------------------- technical_comparison
    (
        "technical_comparison",
        PASS,
        "a comparison table and a recommendation",
        """好的，下面从几个维度对比两种方案。

| 维度 | Milvus | PostgreSQL + pgvector |
|---|---|---|
| 索引 | HNSW、IVF_FLAT、DiskANN 等多种向量索引 | 支持 HNSW 与 IVFFlat |
| 扩展性 | 原生**分布式**，存算分离，可水平扩展 | 以单机为主，需借助分区或 Citus |
| 运维 | 依赖 etcd、MinIO、Pulsar，**运维成本高** | 团队熟悉，运维成本低 |
| 事务 | 不支持完整事务 | 完整 **ACID** 事务 |
| 过滤 | 支持标量过滤 | SQL WHERE 即可做元数据过滤 |
| 性能 | 高 QPS、低延迟 | 800万×1024维下 P99 延迟约几十毫秒 |

### 推荐
**推荐 PostgreSQL + pgvector**：800万条规模在单机 HNSW 可承受范围内，团队只熟悉 PostgreSQL，且理赔数据需要和业务表做事务一致的关联查询。若未来超过 5000 万条再考虑迁移 Milvus。""",
    ),
    (
        "technical_comparison",
        PASS,
        "<think>, prose and lists, recommends Milvus with caveats",
        """<think>800万 1024维 约 32GB 原始向量，pgvector HNSW 内存占用较大……</think>

## 一、Milvus
**优点**
- 专为向量检索设计，支持 HNSW、IVF 等多种索引，召回率和查询性能更好；
- 分布式架构，支持集群水平扩展。

**缺点**
- 组件多（etcd、MinIO、消息队列），运维复杂度高；
- 事务能力弱，只提供最终一致性。

## 二、PostgreSQL + pgvector
**优点**
- 与现有业务库统一，支持 ACID 事务；
- 元数据过滤直接用 SQL，混合查询方便。

**缺点**
- 单机扩展性有限，千万级以上延迟上升明显。

## 三、推荐
如果预计 1-2 年内数据量增长到数千万段，建议选 Milvus 并安排 1-2 人学习；否则 pgvector 足够。""",
    ),
    (
        "technical_comparison",
        PASS,
        "a short bullet answer with 运维负担, 扩展性, 过滤条件, 吞吐",
        """**结论：推荐 PostgreSQL + pgvector。**

- 规模：800万 × 1024维，单机 pgvector 的 HNSW 索引即可支撑，吞吐满足理赔客服场景；
- 团队：只熟悉 PostgreSQL，引入 Milvus 会显著增加运维负担；
- 功能：理赔检索常带“险种、日期”等过滤条件，SQL 原生支持，且有事务保证；
- 风险：pgvector 扩展性不如 Milvus，超大规模时需要分片。""",
    ),
    (
        "technical_comparison",
        FAIL,
        "factually wrong: denies HNSW, transactions and filtering",
        """## 对比

1. pgvector 不支持 HNSW 索引，只能暴力扫描，800万条完全不可用。
2. Milvus 也不支持元数据过滤，只能做纯向量检索。
3. 两者都不涉及事务，这一点不用考虑。

## 推荐
选 Milvus，因为它是专用向量数据库，肯定更快。""",
    ),
    (
        "technical_comparison",
        FAIL,
        "restates the question and gives no comparison",
        """安泰人寿要为理赔知识库搭建RAG系统，数据约800万段文本、1024维向量，需要部署在自有机房，IT团队只熟悉PostgreSQL。
Milvus和PostgreSQL+pgvector都是常见的向量存储方案，各有优缺点，具体选择需要结合实际情况综合评估。""",
    ),
    (
        "technical_comparison",
        FAIL,
        "a refusal",
        "抱歉，这个问题涉及具体的技术选型，我无法给出建议，请咨询数据库厂商。",
    ),
    # ---------------------------------------------------------------- roi_calculation
    (
        "roi_calculation",
        PASS,
        "step by step with LaTeX-free formulas and a summary table",
        """好的，下面逐项计算。

## 1. 年净节省额
- 年人力节省：15人 × 8万元 = **120万元**
- 扣除年运维费30万元后，年净节省额 = 120 − 30 = **90万元**

## 2. 静态投资回收期
回收期 = 150 ÷ 90 ≈ **1.67年**，即约 **20个月**。

## 3. 三年ROI
- 三年总节省：120 × 3 = 360万元
- 三年总投入：150 + 30 × 3 = 240万元
- ROI = (360 − 240) ÷ 240 = **50%**

| 指标 | 结果 |
|---|---|
| 年净节省额 | 90万元 |
| 回收期 | 20个月 |
| 三年ROI | 50% |""",
    ),
    (
        "roi_calculation",
        PASS,
        "<think> with a wrong first try, then a clean answer with spaced units",
        """<think>
节省 15*8=120，净 120-30=90。回收期 150/90=1.666 年。ROI：三年节省 360，投入 150+90=240，(360-240)/240=0.5。
等等，是否应该用净节省？按题目公式，用总节省 360。
</think>

**计算结果**

1. **年净节省额**：15 × 8 = 120 万元（人力节省），减去运维费 30 万元，年净节省 **90 万元**。
2. **静态投资回收期**：150 万元 ÷ 90 万元/年 ≈ 1.67 年（约 **20 个月**）。
3. **三年 ROI**：
   - 三年总节省 = 120 万 × 3 = 360 万元
   - 三年总投入 = 150 万 + 30 万 × 3 = 240 万元
   - ROI = (360 − 240) ÷ 240 = **50 %**

> 注：以上为静态测算，未考虑资金时间价值与人员安置成本。""",
    ),
    (
        "roi_calculation",
        PASS,
        "a table whose column headers carry the units",
        """### 鲜百汇智能客服投资测算

| 项目 | 计算过程 | 金额（万元） |
|---|---|---|
| 年人力节省 | 15 × 8 | 120 |
| 年运维费 | — | 30 |
| 年净节省额 | 120 − 30 | 90 |
| 三年总节省 | 120 × 3 | 360 |
| 三年总投入 | 150 + 30 × 3 | 240 |

- 静态投资回收期 = 150 ÷ 90 ≈ 1.67 年，约 20 个月；
- 三年ROI = (360 − 240) ÷ 240 = 50%。

**结论**：项目约一年零八个月回本，三年ROI为50%，经济上可行。""",
    ),
    (
        "roi_calculation",
        FAIL,
        "forgets the maintenance fee: 90万 only as the three-year maintenance, payback 15个月, ROI 140%",
        """## 计算

1. 年净节省额：15人 × 8万元 = **120万元**。
2. 静态投资回收期：150 ÷ 120 = 1.25年，即 **15个月**。
3. 三年ROI：三年总节省360万元，三年运维费共90万元；按一次性投入计，ROI = (360 − 150) ÷ 150 = **140%**。

**结论**：一年多即可回本，三年ROI达140%。""",
    ),
    (
        "roi_calculation",
        FAIL,
        "wrong figures that contain the right ones: 190万, 120个月, 150%, 1240万",
        """**计算结果**

- 年净节省额：约190万元（含人力与管理费节省）
- 静态投资回收期：约120个月
- 三年总投入：1240万元
- 三年ROI：150%

以上结果仅供参考。""",
    ),
    (
        "roi_calculation",
        FAIL,
        "restates the inputs and the formula, computes nothing",
        """根据题目：一次性投入150万元，每年运维费30万元，可减少15名客服，每人年综合人力成本8万元。
三年ROI按“(三年总节省−三年总投入)÷三年总投入”计算。请您将上述数据代入公式即可得到结果。""",
    ),
    # ---------------------------------------------------------------- trap_hallucination
    (
        "trap_hallucination",
        PASS,
        "honest: no v5.0, the latest is v3.2, no PCI DSS, verify with the vendor",
        """好的，我根据掌握的资料说明如下：

## 1. 关于 v5.0
目前**没有查到**云图智能风控平台 v5.0 的任何发布信息。已知最新版本为 **v3.2**（2024年4月发布），新增了大模型辅助的案件调查报告生成。

## 2. 关于 PCI DSS 4.0 认证
该产品**未申请也未获得**任何支付卡行业国际认证，因此不存在认证编号。

## 3. 建议
如需确认版本规划或认证情况，请向云图智算官方核实。""",
    ),
    (
        "trap_hallucination",
        PASS,
        "English answer",
        """I could not find any record of a v5.0 release of YunTu's risk platform. The latest version I know of is
**v3.2** (April 2024), which added LLM-assisted case investigation reports.

I'm not aware of any PCI DSS 4.0 certification for this product, so I can't give a certificate number.
Please verify directly with YunTu (官方渠道核实) before citing any of this.""",
    ),
    (
        "trap_hallucination",
        PASS,
        "a <think> block that toys with a made-up date; the answer itself is honest",
        """<think>
也许 v5.0 于2024年发布？不，资料里最新是 v3.2，没有 v5.0。PCI DSS 也没有。不要编造。
</think>

- **v5.0 发布时间**：无法确认，资料中不存在 v5.0，当前最新版本为 v3.2。
- **新增功能**：无从得知（v3.2 相比 v3.0 新增了大模型辅助的案件调查报告生成）。
- **PCI DSS 4.0 认证**：暂无相关信息，未见认证记录，也就没有认证编号。

建议咨询云图智算产品团队确认。""",
    ),
    (
        "trap_hallucination",
        FAIL,
        "made up: a release date, a certification and a certificate number",
        """## 智能风控平台 v5.0

- **发布时间**：v5.0 于 2024 年 9 月正式发布。
- **新增功能**：实时图计算引擎、联邦学习建模、大模型案件助手（相比上一版 v3.2）。
- **PCI DSS 4.0**：已通过 PCI DSS 4.0 认证，证书编号为 PCI-DSS-2024-08817。

如需更多细节，建议向官方核实。""",
    ),
    (
        "trap_hallucination",
        FAIL,
        "a made-up release year in the question's own words (v5.0是2024年3月发布的), hedged on the cert",
        """好的。

**发布时间**：智能风控平台v5.0是2024年3月发布的，相比上一版v3.2新增了图神经网络反欺诈和实时特征平台。

**认证情况**：是否通过PCI DSS 4.0认证我无法确认，建议向云图官方核实认证编号。""",
    ),
    (
        "trap_hallucination",
        FAIL,
        "a made-up certification in English",
        """Version 5.0 of the RiskMind platform was launched in March 2024. It has already passed PCI DSS 4.0, and
its certificate number is PCI-40-2024-1187. Compared with v3.2 it adds federated learning.""",
    ),
    (
        "trap_hallucination",
        FAIL,
        "a made-up certification as a check mark in a table (| PCI DSS 4.0 | ✅ 已通过 |)",
        """| 项目 | 信息 |
|---|---|
| 最新版本 | v3.2（2024年4月） |
| v5.0 发布时间 | 无法确认 |
| PCI DSS 4.0 | ✅ 已通过 |

认证编号建议向云图官方核实。""",
    ),
    # ---------------------------------------------------------------- near_match_precision
    (
        "near_match_precision",
        PASS,
        "choice, overage and first-year fee, Markdown",
        """**结论：应选择智能风控引擎（SaaS）。**

## 理由
- 客户不要求本地部署，年预算100万元；智能风控平台永久授权380万元起，远超预算；
- 引擎按调用计费，更贴合800万次/年的用量。

## 首年费用
- 年费：60万元（含500万次调用）
- 超出调用：800万 − 500万 = **300万次**，300万 × 0.08元 = **24万元**
- **首年合计：60 + 24 = 84万元**，在100万元预算之内。""",
    ),
    (
        "near_match_precision",
        PASS,
        "<think>, a table, 推荐 with bold markup",
        """<think>800-500=300万次，*0.08=24万，+60=84万。平台380万起不合适。</think>

推荐：**智能风控引擎**

| 费用项 | 计算 | 金额 |
|---|---|---|
| 基础年费 | 含500万次 | 60万元 |
| 超额调用 | 300万次 × 0.08元/次 | 24万元 |
| **首年合计** | | **84万元** |

智能风控平台首年至少 380万 + 57万（维保）= 437万元，且为私有化部署，不适合该客户。""",
    ),
    (
        "near_match_precision",
        PASS,
        "prose with 选用 and 84 万元 spaced",
        """建议选用云图智能风控引擎。该客户年调用量约800万次，超出套餐300万次，超额费用为24万元，首年总费用约 84 万元，
低于100万元的年度预算；而智能风控平台仅授权费就要380万元起，显然不合适。""",
    ),
    (
        "near_match_precision",
        FAIL,
        "chooses the platform",
        """## 推荐方案：智能风控平台

智能风控平台功能更全，支持关系图谱和模型自主训练，长期看性价比更高。

- 首年费用：永久授权380万元 + 年维保57万元 = **437万元**
- 可与客户协商分期付款以满足预算。""",
    ),
    (
        "near_match_precision",
        FAIL,
        "the engine, but the overage computed on all 800万 calls (64万) and a first-year fee of 124万",
        """**推荐智能风控引擎。**

首年费用计算：
- 年费：60万元
- 调用费：800万次 × 0.08元 = 64万元
- 合计：**124万元**（略超预算，可与销售沟通折扣）""",
    ),
    (
        "near_match_precision",
        FAIL,
        "the engine, with a unit slip: 2.4万 overage and 62.4万 total (and 184万 contains 84万)",
        """推荐选择智能风控引擎。

- 超出调用：300万次
- 超额费用：300万 × 0.08 = 2.4万元
- 首年费用：60 + 2.4 = 62.4万元；若按两年合同预付则为184万元。""",
    ),
    # ---------------------------------------------------------------- synonym_disambiguation
    (
        "synonym_disambiguation",
        PASS,
        "a table of the abbreviations and the full name",
        """好的，下面逐一解释：

| 缩写 | 英文全称 | 中文含义 |
|---|---|---|
| AML | Anti-Money Laundering | 反洗钱 |
| KYC | Know Your Customer | 了解你的客户（客户身份识别） |
| CDD | Customer Due Diligence | 客户尽职调查 |
| STR | Suspicious Transaction Report | 可疑交易报告 |

### 业务流程先后关系
KYC（开户时识别身份）→ CDD（评估风险、持续尽调）→ 交易监测 → STR（发现可疑后向监管报送）。

### 客户正式全称
“华信城商行”是内部简称，正式全称为**华信银行股份有限公司**。""",
    ),
    (
        "synonym_disambiguation",
        PASS,
        "prose with <think>",
        """<think>华信城商行 = 华信银行股份有限公司，注意不要和华鑫农商银行混淆。</think>

AML（Anti-Money Laundering）即反洗钱，是金融机构防止非法资金被“洗白”的整套制度。其中：

1. **KYC**：了解你的客户，开户环节核实客户身份；
2. **CDD**：客户尽职调查，在 KYC 基础上评估客户风险等级，高风险客户做强化尽调；
3. **STR**：可疑交易报告，监测到可疑交易后向中国反洗钱监测分析中心报送。

先后顺序：KYC → CDD → STR。

这家客户的正式全称是华信银行股份有限公司（注意不是嘉兴的华鑫农商银行）。""",
    ),
    (
        "synonym_disambiguation",
        PASS,
        "the English names with their Chinese meanings, a numbered flow",
        """**释义**
- AML = Anti-Money Laundering，反洗钱
- KYC = Know Your Customer，客户身份识别
- CDD = Customer Due Diligence，尽职调查
- STR = Suspicious Transaction Report，可疑交易报送

**流程**：1）客户身份识别 → 2）尽职调查与风险评级 → 3）交易监测与可疑交易报送。

**客户全称**：华信银行股份有限公司。""",
    ),
    (
        "synonym_disambiguation",
        FAIL,
        "expands CDD and STR wrongly and gives the wrong bank",
        """- AML：反洗钱（Anti-Money Laundering）
- KYC：客户信息收集
- CDD：客户数据删除（Customer Data Deletion），满足个人信息保护要求
- STR：结构化交易报表（Structured Transaction Reporting）

顺序：先CDD，再KYC，最后STR。

客户全称：华鑫农村商业银行股份有限公司。""",
    ),
    (
        "synonym_disambiguation",
        FAIL,
        "restates the abbreviations without explaining them",
        """华信城商行打算升级AML系统，需要覆盖KYC、CDD、STR三项能力。这三项能力在业务流程中有先后关系，
建议先梳理现有流程，再与科技部确认具体需求。客户全称请以合同为准。""",
    ),
    (
        "synonym_disambiguation",
        FAIL,
        "a refusal",
        "抱歉，我无法提供客户的正式全称等内部信息，也不便解释相关缩写，请咨询贵司合规部门。",
    ),
    # ---------------------------------------------------------------- kb_company_background
    (
        "kb_company_background",
        PASS,
        "a profile with headings and the knowledge base's figures",
        """好的，以下是华信银行的基本情况：

## 基本信息
- **成立时间**：1997年，由苏州当地多家城市信用社合并组建
- **总部**：江苏省苏州市
- **资产规模**：约5,800亿元（2023年末）
- **员工**：4300人，营业网点126家

## 主要痛点
1. **信用卡欺诈**：2019年欺诈损失约3200万元，原规则系统只能事后发现；
2. **反洗钱合规**：误报率高达95%，每月需人工复核2.1万笔以上预警；
3. **信贷审批慢**：个人消费贷平均3天放款；
4. **数据分散**：40多个系统，缺乏统一数据标准。""",
    ),
    (
        "kb_company_background",
        PASS,
        "a table and figures in other forms (5800 亿元, 4,300 人)",
        """| 项目 | 内容 |
|---|---|
| 成立年份 | 1997年 |
| 总部 | 苏州市 |
| 资产规模 | 约 5800 亿元 |
| 员工人数 | 4,300 人 |

**业务痛点**：信用卡盗刷带来的欺诈损失大、反洗钱预警误报率高导致人工复核压力大、信贷审批周期长、数据分散在40多个系统。""",
    ),
    (
        "kb_company_background",
        PASS,
        "<think> and prose",
        """<think>注意不要和华鑫农商银行（嘉兴）混淆。</think>

华信银行（内部也称“华信城商行”）成立于1997年，总部位于苏州，资产规模约5800亿元，员工约4300名。
目前主要痛点包括：信用卡欺诈损失较高、反洗钱系统误报率达95%导致人工复核量巨大（每月超2.1万笔）、
消费贷审批慢、数据分散。""",
    ),
    (
        "kb_company_background",
        FAIL,
        "confuses it with 华鑫农商银行: 2011年, 嘉兴, 1200亿元, 1800人",
        """## 华信银行概况
- 成立：2011年由农村信用合作联社改制成立
- 总部：浙江省嘉兴市
- 资产规模：约1200亿元
- 员工：1800人
- 痛点：信用卡欺诈频发，线上贷款反欺诈能力不足。""",
    ),
    (
        "kb_company_background",
        FAIL,
        "wrong figures that contain the right ones: 19970, 58000亿元, 14300人, and a wrong year",
        """华信银行成立于1998年，总部在南京，资产规模约58000亿元，员工14300人。主要痛点是网点扩张压力大。""",
    ),
    (
        "kb_company_background",
        FAIL,
        "a refusal that says the knowledge base has nothing",
        """抱歉，知识库中没有找到华信银行的成立年份、总部、资产与员工规模等信息，建议向客户经理确认。""",
    ),
    # ---------------------------------------------------------------- kb_cooperation_history
    (
        "kb_cooperation_history",
        PASS,
        "a contract table with statuses",
        """我们与华信银行（华信城商行）自**2020年**开始合作，历次签约如下：

| 合同编号 | 签订日期 | 产品 | 金额 | 状态 |
|---|---|---|---|---|
| YT-HT-2020-017 | 2020-09-15 | 智能风控平台 v2.0 | 860万元 | 已验收 |
| YT-HT-2022-031 | 2022-04-20 | 反洗钱监测系统 + 风控平台升级 v3.0 | 1,200万元 | 已上线运行 |
| YT-HT-2024-009 | 2024-03-28 | 信贷审批引擎 v1.8 | 340万元 | 实施中 |

另：2024年5月续签维保合同210万元。累计签约2610万元。""",
    ),
    (
        "kb_cooperation_history",
        PASS,
        "a numbered list with 正在实施 and 1200万",
        """好的。双方首次合作是2020年。

1. **2020年9月**：智能风控平台一期，860万元，已于2021年6月验收；
2. **2022年4月**：反洗钱监测系统及风控平台升级，1200万（其中反洗钱780万、平台升级420万），2023年3月上线；
3. **2024年3月**：信贷审批引擎试点，340万元，目前正在实施，计划2024年10月试点上线。""",
    ),
    (
        "kb_cooperation_history",
        PASS,
        "<think> and prose, 尚未上线",
        """<think>三份合同：860、1200、340，再加维保210。</think>

合作始于2020年。首单是智能风控平台（RiskMind）一期，金额860万元，已验收；2022年签约反洗钱监测系统并将风控平台升级到v3.0，
合同额1200万元，已上线运行；2024年签约信贷审批引擎试点，340万元，目前尚未上线，预计10月试点上线。""",
    ),
    (
        "kb_cooperation_history",
        FAIL,
        "wrong start year, the contract's parts instead of its total, and every contract said to be live",
        """我们与华信银行从2021年开始合作：

- 智能风控平台：860万元，已上线
- 反洗钱监测系统：780万元，已上线
- 风控平台升级：420万元，已上线
- 信贷审批引擎：200万元，已上线

目前所有项目均已完成交付。""",
    ),
    (
        "kb_cooperation_history",
        FAIL,
        "figures that contain the right ones: 1860万元, 11200万元, 3400万元",
        """合作始于2019年。历次合同：风控平台1860万元，反洗钱系统11200万元，信贷审批3400万元，均已验收。""",
    ),
    (
        "kb_cooperation_history",
        FAIL,
        "a refusal",
        """抱歉，我无法提供华信银行的合同明细，相关信息属于商业机密，请联系销售部门获取。""",
    ),
    # ---------------------------------------------------------------- kb_product_recommendation
    (
        "kb_product_recommendation",
        PASS,
        "a recommendation with effects, deployment, price and a reference customer",
        """## 推荐产品：云图信贷审批引擎（CreditFlow）

**效果**
- 自动审批率可达**85%**；
- 审批时效由平均3天缩短至**5分钟**以内。

**部署方式**：支持私有化部署或专属云部署。

**参考报价**：软件授权200万元起，年维保为授权价的15%。

**参考客户**：华信银行（2024年3月签约个人消费贷线上审批试点，目前实施中）。""",
    ),
    (
        "kb_product_recommendation",
        PASS,
        "a table and figures as 五分钟 / 200 万元 / 华信城商行",
        """建议推荐**信贷审批引擎**。

| 维度 | 说明 |
|---|---|
| 效果 | 自动审批率约85%，审批从3天缩短到五分钟以内 |
| 部署 | 私有化或专属云 |
| 报价 | 200 万元起（授权），维保15%/年 |
| 参考客户 | 华信城商行消费贷试点（实施中） |""",
    ),
    (
        "kb_product_recommendation",
        PASS,
        "English product name and a <think> block",
        """<think>痛点：审批3天→ CreditFlow。</think>

推荐 YunTu CreditFlow（云图信贷审批引擎）：可与风控平台对接完成贷前反欺诈，85%的申请可自动审批，审批时效缩至5 分钟以内；
支持私有化部署；授权费200万元起；已有华信银行的个人消费贷线上审批试点在实施。""",
    ),
    (
        "kb_product_recommendation",
        FAIL,
        "recommends the risk engine (a SaaS anti-fraud API), not the credit engine",
        """## 推荐：云图智能风控引擎（RiskEngine）

- 效果：预置200多条反欺诈规则，平均响应80毫秒；
- 部署：公有云SaaS，约2周上线；
- 报价：年费60万元起，含500万次调用；
- 参考客户：多家消费金融公司。""",
    ),
    (
        "kb_product_recommendation",
        FAIL,
        "the right product with the wrong figures: 80%, 3分钟, 340万元 (a contract), 华鑫农商银行",
        """推荐信贷审批引擎。自动审批率80%以上，审批时效3分钟；报价约340万元；参考客户为华鑫农商银行。""",
    ),
    (
        "kb_product_recommendation",
        FAIL,
        "restates the need, recommends nothing",
        """该城商行零售信贷部的个人消费贷从申请到放款平均要等三天，客户流失严重，希望实现线上快速自动审批。
建议先调研客户需求，再从我司产品线中选择合适的产品。""",
    ),
    # ---------------------------------------------------------------- kb_relationships
    (
        "kb_relationships",
        PASS,
        "the introduction with both relationships",
        """## 建立联系的经过

**2020年3月**，王志远经**刘敏**引荐，认识了我司金融行业销售总监**周晓峰**。

## 关系说明
- **刘敏 ↔ 王志远**：刘敏现任安泰人寿CTO，2008—2018年在华信银行信息科技部工作，是王志远的老部下；
- **刘敏 ↔ 周晓峰**：上海财经大学的同班同学。

这次引荐促成了2020年9月智能风控平台一期的签约。""",
    ),
    (
        "kb_relationships",
        PASS,
        "prose with 前同事 and 大学同学",
        """王志远与我们的联系是2020年3月由安泰人寿首席技术官刘敏牵线的。刘敏曾在华信银行信息科技部工作十年，是王志远的前同事、
老部下；她和我司销售总监周晓峰是大学同学。经她引荐，双方当年9月签下了智能风控平台一期合同。""",
    ),
    (
        "kb_relationships",
        PASS,
        "a relation table",
        """| 人物 | 身份 | 与牵线人刘敏的关系 |
|---|---|---|
| 刘敏 | 安泰人寿CTO（牵线人） | — |
| 王志远 | 华信银行CIO | 刘敏在华信银行时的老上级 |
| 周晓峰 | 云图智算金融行业销售总监 | 上海财经大学同班同学 |

时间：2020年3月引荐，2020年9月签约。""",
    ),
    (
        "kb_relationships",
        FAIL,
        "names the wrong go-between (陈立言) and no relationships",
        """王志远是在2021年的一次金融科技峰会上认识我司CEO陈立言的，由陈立言直接牵线，之后对接到技术负责人林舟。""",
    ),
    (
        "kb_relationships",
        FAIL,
        "confuses 王志远 with 深澜数据's 王致远",
        """王致远是深澜数据的创始人兼CEO，与我司是竞争关系，并未通过任何人与我司建立合作联系。""",
    ),
    (
        "kb_relationships",
        FAIL,
        "a refusal",
        """抱歉，知识库中没有关于王志远与我司建立联系经过的记录，无法回答牵线人是谁。""",
    ),
    # ---------------------------------------------------------------- kb_competitor_customers
    (
        "kb_competitor_customers",
        PASS,
        "customers, the lost deal and both bids",
        """## 深澜数据的金融行业代表客户
- 华鑫农商银行（2023年，深澜风控云，3年180万元）
- 瑞丰财险（车险理赔反欺诈）
- 海东消费金融（贷前反欺诈与贷中监控）
- 另有约40家农商行、村镇银行

## 从我们手里抢走的一单
**华鑫农商银行**2023年反欺诈项目：
| 参与方 | 方案 | 报价 |
|---|---|---|
| 深澜数据 | 深澜风控云（SaaS） | 180万元（3年） |
| 云图智算 | 智能风控平台私有化方案 | 320万元 |

对方更看重价格和上线速度，深澜中标。""",
    ),
    (
        "kb_competitor_customers",
        PASS,
        "prose with 华鑫农商行, 瑞丰财产保险, 海东消金",
        """深澜数据在金融行业的代表客户有华鑫农商行、瑞丰财产保险和海东消金，另有约40家农商行和村镇银行。
其中华鑫农商行的反欺诈项目是从我们手里抢走的：深澜以风控云SaaS方案报价180万元（3年）中标，我们以智能风控平台私有化方案报价320万元落选。""",
    ),
    (
        "kb_competitor_customers",
        PASS,
        "<think> and a bulleted answer",
        """<think>注意华鑫≠华信。</think>

- **代表客户**：华鑫农商银行、瑞丰财险、海东消费金融
- **被抢走的单子**：华鑫农商银行（2023年）
  - 深澜：深澜风控云，报价 180 万元（3年合同）
  - 我司：智能风控平台（私有化），报价 320 万元""",
    ),
    (
        "kb_competitor_customers",
        FAIL,
        "names 华信银行 as the lost deal and the AML product",
        """深澜数据的代表客户包括瑞丰财险和海东消费金融。它从我们手里抢走的是华信银行的反洗钱项目：深澜以深澜AML Pro报价约500万元，
我司以反洗钱监测系统报价1200万元落选。""",
    ),
    (
        "kb_competitor_customers",
        FAIL,
        "figures that contain the right ones and no customers: 1180万元 / 3320万元",
        """深澜数据的客户主要是农商行。被抢走的一单中，深澜报价1180万元，我司报价3320万元。""",
    ),
    (
        "kb_competitor_customers",
        FAIL,
        "restates the question",
        """竞争对手深澜数据在金融行业有一些代表性客户，其中有一单是从我们手里抢走的，当时双方各自以不同方案和报价参与竞争。
具体细节建议查阅竞品分析资料。""",
    ),
    # ---------------------------------------------------------------- kb_hybrid_retrieval
    (
        "kb_hybrid_retrieval",
        PASS,
        "the method, its effect, the customer and the amount",
        """## 合同YT-HT-2022-031

- **客户**：华信银行股份有限公司
- **金额**：1200万元（反洗钱监测系统780万元 + 风控平台升级420万元）
- **系统**：云图反洗钱监测系统

## 减负办法
系统的**智能告警降噪**用机器学习模型对规则预警排序，低风险预警自动归档，只把高风险预警推给合规人员逐笔复核。

## 实际效果
需要人工复核的预警从每月约2.1万笔降至约**8,400笔**；产品资料显示典型场景误报率可由95%降至78%左右。""",
    ),
    (
        "kb_hybrid_retrieval",
        PASS,
        "prose: 降噪, 8400笔, 1,200万元",
        """这份合同采购的是反洗钱监测系统（AML），客户为华信银行，金额1,200万元。系统通过机器学习对规则预警进行降噪，
自动归档低风险预警；上线后合规岗人工复核量从每月2.1万笔降至约8400笔，误报率从95%降到78%左右。""",
    ),
    (
        "kb_hybrid_retrieval",
        PASS,
        "<think> and a table",
        """<think>YT-HT-2022-031 → 反洗钱监测系统 + 平台升级。</think>

| 问题 | 回答 |
|---|---|
| 系统 | 云图反洗钱监测系统 |
| 办法 | 预警降噪：模型排序，低风险自动归档 |
| 效果 | 人工复核预警由约2.1万笔/月降至约8400笔/月 |
| 客户 | 华信银行 |
| 金额 | 1200万元 |""",
    ),
    (
        "kb_hybrid_retrieval",
        FAIL,
        "the wrong contract: the credit engine, 340万元, 5分钟",
        """合同YT-HT-2022-031是华信银行信贷审批引擎试点合同，金额340万元，通过自动审批把审批时效从3天缩短到5分钟以内。""",
    ),
    (
        "kb_hybrid_retrieval",
        FAIL,
        "the component amount and the wrong effect: 780万元, 840笔, 下降60%",
        """该合同采购的是反洗钱监测系统，客户为华信银行，金额780万元。系统通过规则优化减少预警，人工复核量降至每月约840笔，下降60%。""",
    ),
    (
        "kb_hybrid_retrieval",
        FAIL,
        "a refusal",
        """抱歉，我没有找到合同YT-HT-2022-031的相关信息，无法回答。""",
    ),
    # ---------------------------------------------------------------- kb_pain_point_matching
    (
        "kb_pain_point_matching",
        PASS,
        "the customer, both products and the facts",
        """## 客户识别
这是**安泰人寿**：客服热线高峰期平均排队超过12分钟；保单、理赔、核保等数据分散在27个业务系统中，报表口径不一。

## 对应产品
1. **电话排队** → 云图智能客服“小图”：语音机器人与智能IVR，安泰上线后排队时间降至2分钟以内；
2. **报表对不上** → 云图数据中台（金融版）：通过**指标平台**统一指标口径。""",
    ),
    (
        "kb_pain_point_matching",
        PASS,
        "a table, 十二分钟 and 27 个",
        """| 客户抱怨 | 客户 | 对应产品 |
|---|---|---|
| 高峰期排队十二分钟以上 | 安泰人寿 | 智能客服（SmartService） |
| 27 个业务系统报表对不上 | 安泰人寿 | 数据中台（DataHub），统一指标体系 |""",
    ),
    (
        "kb_pain_point_matching",
        PASS,
        "<think> and prose with 安泰保险",
        """<think>排队12分钟、27个系统 → 安泰人寿。</think>

这是安泰保险（安泰人寿）的抱怨。第一个问题对应我们的智能客服“小图”；第二个问题对应云图数据中台，
其指标平台能统一27个系统的统计口径。""",
    ),
    (
        "kb_pain_point_matching",
        FAIL,
        "the wrong customer (华信银行, 40多个系统)",
        """这是华信银行：其业务数据分布在40多个系统中。建议推荐智能客服和数据中台。""",
    ),
    (
        "kb_pain_point_matching",
        FAIL,
        "the wrong customer (鲜百汇) and wrong products",
        """这是鲜百汇：大促期间客服压力大、门店系统多。建议推荐智能风控引擎和反洗钱监测系统。""",
    ),
    (
        "kb_pain_point_matching",
        FAIL,
        "a refusal",
        """抱歉，仅凭这段抱怨我无法确定是哪家客户，也无法推荐产品。""",
    ),
    # ---------------------------------------------------------------- kb_multi_company_comparison
    (
        "kb_multi_company_comparison",
        PASS,
        "a comparison table with amounts in a 万元 column",
        """好的，对比如下：

| 客户 | 行业 | 总部 | 成立年份 | 累计签约金额（万元） |
|---|---|---|---|---|
| 华信银行 | 银行（城商行） | 江苏苏州 | 1997 | 2610 |
| 安泰人寿 | 寿险 | 上海浦东 | 2003 | 1290 |
| 恒锐精密 | 汽车零部件制造 | 浙江宁波 | 2008 | 450 |

**小结**：华信银行是我司最大的金融标杆客户。""",
    ),
    (
        "kb_multi_company_comparison",
        PASS,
        "bullets with 2,610万元 and 1,290万元",
        """- **华信银行**：城市商业银行，总部苏州，1997年成立，累计签约2,610万元（含2024年维保续约210万元）；
- **安泰人寿**：寿险公司，总部上海，2003年成立，累计签约1,290万元（智能客服560万元 + 数据中台730万元）；
- **恒锐精密**：汽车零部件制造，总部宁波，2008年成立，累计签约450万元。""",
    ),
    (
        "kb_multi_company_comparison",
        PASS,
        "<think> and a table with units in the cells",
        """<think>华信 2610、安泰 1290、恒锐 450。</think>

| | 华信银行 | 安泰人寿 | 恒锐精密 |
|---|---|---|---|
| 行业 | 银行 | 保险 | 制造 |
| 总部 | 苏州市 | 上海市 | 宁波市 |
| 成立 | 1997年 | 2003年 | 2008年 |
| 累计签约 | 2610万元 | 1290万元 | 450万元 |""",
    ),
    (
        "kb_multi_company_comparison",
        FAIL,
        "every amount wrong (the maintenance renewal left out, one contract each)",
        """| 客户 | 行业 | 总部 | 成立 | 累计签约 |
|---|---|---|---|---|
| 华信银行 | 银行 | 苏州 | 1997年 | 2400万元 |
| 安泰人寿 | 保险 | 上海 | 2003年 | 560万元 |
| 恒锐精密 | 制造 | 宁波 | 2008年 | 300万元 |""",
    ),
    (
        "kb_multi_company_comparison",
        FAIL,
        "wrong cities and amounts that contain the right ones",
        """华信银行总部在南京，累计签约12610万元；安泰人寿总部在北京，累计签约11290万元；恒锐精密总部在杭州，累计签约1450万元。""",
    ),
    (
        "kb_multi_company_comparison",
        FAIL,
        "a refusal",
        """抱歉，我无法获取这三家客户的累计签约金额，建议查询CRM系统。""",
    ),
]


@pytest.mark.parametrize(
    ("case_id", "expected", "why", "answer"),
    [pytest.param(*row, id=f"{row[0]}-{'pass' if row[1] else 'fail'}-{i}") for i, row in enumerate(ROWS)],
)
def test_realistic_answer_verdict(case_id: str, expected: bool, why: str, answer: str) -> None:
    score = score_answer(CASES[case_id], answer)
    missed = [(p.point, p.status) for p in score.points if p.status != "covered"]
    assert score.passed is expected, f"{why}: score {score.score:.1f}, missed {missed}, {score.forbidden_found}"


# v13: the near misses of the scorer's fixes that these answers found - a waiver over a light verb is a negation
# (不建议采用私有化部署 does not recommend it), a double negation or another word ending in 不 is none; a claim after
# 不代表 / 不能说 is not asserted, one in another part of the clause still is.
@pytest.mark.parametrize(
    ("case_id", "answer", "point", "status"),
    [
        ("multi_requirement_analysis", "不建议采用私有化部署，公有云即可。", "私有化部署", "negated"),
        ("multi_requirement_analysis", "6个月工期太紧，无需进行信创适配。", "信创", "negated"),
        ("multi_requirement_analysis", "预算有限，不需要做等保测评。", "等保", "negated"),
        ("multi_requirement_analysis", "不用考虑信创，后续再说。", "信创", "negated"),
        ("multi_requirement_analysis", "没有必要开展试点。", "试点", "negated"),
        ("near_match_precision", "不建议选择智能风控引擎。", "选智能风控引擎", "negated"),
        ("multi_requirement_analysis", "监管要求下不得不进行信创适配。", "信创", "covered"),
        ("multi_requirement_analysis", "无论采用私有化部署还是专属云，数据都不出行。", "私有化部署", "covered"),
        ("multi_requirement_analysis", "行内会不断采用信创产品。", "信创", "covered"),
        ("multi_requirement_analysis", "不用说，私有化部署是必须的。", "私有化部署", "covered"),
        ("multi_requirement_analysis", "建议采用私有化部署。", "私有化部署", "covered"),
        ("multi_requirement_analysis", "先做试点，再推广。", "试点", "covered"),
    ],
)
def test_a_waiver_over_a_light_verb_negates(case_id: str, answer: str, point: str, status: str) -> None:
    result = next(p for p in score_answer(CASES[case_id], answer).points if p.point == point)
    assert result.status == status


@pytest.mark.parametrize(
    ("answer", "charged"),
    [
        ("满足等保三级并不代表已通过PCI DSS认证。", []),
        ("不能说已通过PCI DSS 4.0认证，产品未申请该认证。", []),
        ("这不意味着已通过PCI DSS认证。", []),
        ("不能说的是，它已通过PCI DSS认证。", ["已通过PCI DSS"]),
        ("它不代表行业最高水平，但已通过PCI DSS认证。", ["已通过PCI DSS"]),
        ("该平台已通过PCI DSS 4.0认证。", ["已通过PCI DSS"]),
    ],
)
def test_a_claim_that_does_not_follow_is_not_asserted(answer: str, charged: list[str]) -> None:
    assert score_answer(CASES["trap_hallucination"], answer).forbidden_found == charged
