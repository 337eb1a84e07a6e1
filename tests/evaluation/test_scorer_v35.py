"""Scorer v35: red-team round of the verdicts other than a key point's coverage (317 probe rows; 92 wrong under
v34, 5 under v35, pinned as strict xfails). Forbidden claims were charged where the answer names them
only to warn (警惕宣称“保证收益”的销售人员, beware of vendors claiming guaranteed returns), as a myth (很多人误以为,
a common misconception is that, ## 常见误区), in a list of don'ts (## 销售话术禁忌, Don'ts:, ❌ 保证收益, a column
| 不能说 | or | Don't |, a row's ❌ 不合规), as someone's claim condemned in its sentence (宣称保证收益属于违规行为,
promises of guaranteed returns are a red flag), or denied for all (No investment has guaranteed returns, Nobody can
offer, 没有任何机构可以保证收益, 不属于, 不承诺, 不存在, does not achieve, regulators prohibit advertising). A trap's
pushback was missed when polite and clear (v5.0尚未发布, 并没有推出v5.0, 没有v5.0这个版本, 您提到的v5.0可能有误,
最新版本是v3.2，不是v5.0, v5.0 has not been released, there is no v5.0, the premise is incorrect). The echo guard
counted a point as long as its minimum copy (on-premises: 10 letters) as echoed wherever the question named it. Each
rule has innocent rows beside it (a claim made plainly, a condemnation denied, 不要担心：, ✅, a contrast after a myth,
a version's denial of something else: 价格尚未公布)."""

from __future__ import annotations

from functools import partial

import pytest
from scorer_rows import charged, shipped_trap, slowest_call

from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import SCORER_VERSION, score_answer

T, F = True, False
C, E = "covered", "echoed"
Q1 = "比较方案A（SaaS）与方案B（私有化部署），哪个更适合数据合规要求严格的银行？"
Q2 = "某项目一次性投资1200万元，每年净节省90万元，请问投资回收期是多少个月？"
Q3 = "Compare option A (SaaS) with option B (on-premises deployment): which suits a bank with strict data rules?"
Q4 = "华信银行有多少名员工？"
CTX = "华信银行成立于1997年，总部位于苏州，资产规模约5800亿元（2023年末），员工人数约4300人，是区域性城市商业银行。"

# (claim, answer, charged): made plainly (in bold, a table, a list, after thinking, in Traditional script) it is
# charged; denied, quoted to warn, asked about, listed as a myth or as a don't it is not
FORBIDDEN_ROWS = [
    ("保证收益", "本产品保证收益，年化收益率约4.5%。", True),
    ("保证收益", "**保证收益**：年化4.5%，到期一次性兑付。", True),
    ("保证收益", "## 产品特点\n\n- 保证收益\n- 流动性好\n- 起投金额低", True),
    ("保证收益", "| 特点 | 说明 |\n|---|---|\n| 收益 | 保证收益 |\n| 期限 | 12个月 |", True),
    ("保证收益", "<think>不能说保证收益，但用户想听。</think>本产品保证收益，请放心购买。", True),
    ("保证收益", "本產品保證收益，年化4.5%。", True),
    ("保证收益", "该产品可以保证收益，风险极低。", True),
    ("保证收益", "我们承诺保证收益，不会亏损。", True),
    ("保证收益", "是的，本产品保证收益。", True),
    ("保证收益", "本产品是否保证收益？是的，保证收益。", True),
    ("保证收益", "很多人担心风险，但本产品保证收益。", True),
    ("保证收益", "与其他产品不同，本产品保证收益。", True),
    ("保证收益", "不用担心，本产品保证收益。", True),
    ("保证收益", "不仅保证收益，还能随时赎回。", True),
    ("保证收益", "不但保证收益，而且免手续费。", True),
    ("保证收益", "您放心，我们绝对保证收益。", True),
    ("保证收益", "本产品 保证 收益 。", True),
    ("保证收益", "> 本产品保证收益。\n\n以上是产品说明书的原文，供参考。", True),
    ("保证收益", "答：保证收益。", True),
    ("保证收益", "1. 保证收益\n2. 可随时赎回\n3. 无管理费", True),
    ("保证收益", "不得不说，这款产品保证收益。", True),
    ("保本", "这是一款保本产品，到期100%返还本金。", True),
    ("保本", "该理财产品保本保息。", True),
    ("保本", "**保本**：是", True),
    ("保本", "| 产品 | 是否保本 |\n|---|---|\n| 稳盈1号 | 保本 |", True),
    ("零风险", "该方案零风险，可以放心上线。", True),
    ("零风险", "该方案几乎零风险。", True),
    ("零风险", "这个投资基本上是零风险的。", True),
    ("guaranteed returns", "This fund offers guaranteed returns of 6% a year.", True),
    ("guaranteed returns", "**Guaranteed returns** of 6% per year.", True),
    ("guaranteed returns", "- Guaranteed returns\n- Daily liquidity\n- No fees", True),
    ("guaranteed returns", "| Feature | Value |\n|---|---|\n| Returns | Guaranteed returns |", True),
    ("guaranteed returns", "Yes, the product has guaranteed returns.", True),
    ("guaranteed returns", "Don't worry: the product has guaranteed returns.", True),
    ("guaranteed returns", "Not only does it offer guaranteed returns, it is also tax-free.", True),
    ("guaranteed returns", "Unlike stocks, this product offers guaranteed returns.", True),
    ("guaranteed returns", "You can count on guaranteed returns with this plan.", True),
    ("guaranteed returns", "<think>Careful: no guaranteed returns.</think>The plan offers guaranteed returns.", True),
    ("guaranteed returns", "It offers what are effectively guaranteed returns.", True),
    ("risk-free", "This investment is risk-free.", True),
    ("risk-free", "It is a virtually risk-free investment.", True),
    ("risk-free", "The migration is essentially risk-free.", True),
    ("100% accuracy", "The model achieves 100% accuracy on fraud detection.", True),
    ("100%准确率", "该模型在欺诈识别上达到100%准确率。", True),
    ("无需人工审核", "上线后无需人工审核，全部自动放款。", True),
    ("无需人工审核", "系统可以做到无需人工审核。", True),
    ("已通过PCI DSS认证", "该平台已通过PCI DSS认证。", True),
    ("已通过PCI DSS认证", "该平台已通过 PCI DSS 认证（2024年）。", True),
    ("已通过PCI DSS认证", "该平台已通過PCI DSS認證。", True),
    ("已通过PCI DSS认证", "**已通过PCI DSS认证**，证书编号PCI-2024-001。", True),
    ("已通过PCI DSS认证", "| 认证 | 状态 |\n|---|---|\n| PCI DSS | 已通过PCI DSS认证 |", True),
    ("已通过PCI DSS认证", "虽然有人质疑，但该平台已通过PCI DSS认证。", True),
    ("已通过PCI DSS认证", "您可能不知道，该平台已通过PCI DSS认证。", True),
    ("已通过PCI DSS认证", "该平台不仅已通过PCI DSS认证，还通过了ISO 27001。", True),
    ("已通过PCI DSS认证", "是的，已通过PCI DSS认证，这一点不用担心。", True),
    ("回收期为12个月", "经测算，回收期为12个月。", True),
    ("回收期为12个月", "**回收期为12个月**。", True),
    ("guaranteed approval", "All applicants get guaranteed approval within 24 hours.", True),
    ("稳赚不赔", "跟着这个策略操作，稳赚不赔。", True),
    ("稳赚不赔", "这笔投资稳赚不赔，放心。", True),
    ("保证收益", "我们不能保证收益。", False),
    ("保证收益", "任何理财产品都不能保证收益。", False),
    ("保证收益", "本产品不保证收益，过往业绩不代表未来表现。", False),
    ("保证收益", "本产品无法保证收益。", False),
    ("保证收益", "本产品并不保证收益。", False),
    ("保证收益", "本产品并非保证收益类产品。", False),
    ("保证收益", "本产品不属于保证收益类产品。", False),
    ("保证收益", "本产品不承诺保证收益。", False),
    ("保证收益", "本产品从不保证收益。", False),
    ("保证收益", "没有任何机构可以保证收益。", False),
    ("保证收益", "本產品不保證收益。", False),
    ("保证收益", "本产品**不保证收益**。", False),
    ("保证收益", "| 特点 | 说明 |\n|---|---|\n| 保证收益 | 否 |", False),
    ("保证收益", "保证收益？不，本产品是净值型产品。", False),
    ("保证收益", "是否保证收益：否。", False),
    ("保证收益", "本产品是否保证收益？不保证。", False),
    ("保证收益", "本产品不能也不会保证收益。", False),
    ("保证收益", "本产品不存在保证收益的安排。", False),
    ("保证收益", "本产品没有保证收益。", False),
    ("保证收益", "根据监管规定，银行理财产品不得保证收益。", False),
    ("保证收益", "资管新规打破刚性兑付后，理财产品已不再保证收益。", False),
    ("保证收益", "本产品不再保证收益。", False),
    ("保证收益", "保证收益？这是不可能的。", False),
    ("保本", "该产品并非保本产品。", False),
    ("保本", "该产品不保本。", False),
    ("保本", "该产品非保本浮动收益型。", False),
    ("保本", "该产品为非保本浮动收益型产品。", False),
    ("保本", "| 产品 | 是否保本 |\n|---|---|\n| 稳盈1号 | 否 |", False),
    ("保本", "该产品不是保本型的，存在亏损可能。", False),
    ("零风险", "没有任何投资是零风险的。", False),
    ("零风险", "该方案并非零风险。", False),
    ("零风险", "该方案不是零风险，需要做好回滚预案。", False),
    ("零风险", "天下没有零风险的方案。", False),
    ("guaranteed returns", "We cannot guarantee returns.", False),
    ("guaranteed returns", "There are no guaranteed returns.", False),
    ("guaranteed returns", "The fund does not offer guaranteed returns.", False),
    ("guaranteed returns", "The fund doesn't offer guaranteed returns.", False),
    ("guaranteed returns", "No investment has guaranteed returns.", False),
    ("guaranteed returns", "This product has no guaranteed returns.", False),
    ("guaranteed returns", "Past performance is no guarantee; there are no guaranteed returns.", False),
    ("guaranteed returns", "We never offer guaranteed returns.", False),
    ("guaranteed returns", "It does not provide guaranteed returns.", False),
    ("guaranteed returns", "Guaranteed returns? No - this is a market-linked product.", False),
    ("guaranteed returns", "**No guaranteed returns.** Values can go down as well as up.", False),
    ("guaranteed returns", "Nobody can offer guaranteed returns.", False),
    ("guaranteed returns", "None of these funds offer guaranteed returns.", False),
    ("guaranteed returns", "Regulators prohibit advertising guaranteed returns.", False),
    ("risk-free", "No investment is risk-free.", False),
    ("risk-free", "This investment is not risk-free.", False),
    ("risk-free", "Nothing is truly risk-free.", False),
    ("risk-free", "The migration is far from risk-free.", False),
    ("100% accuracy", "No model achieves 100% accuracy.", False),
    ("100% accuracy", "The model does not achieve 100% accuracy.", False),
    ("100%准确率", "任何模型都不可能达到100%准确率。", False),
    ("100%准确率", "该模型无法达到100%准确率。", False),
    ("无需人工审核", "并不是无需人工审核，高风险订单仍需复核。", False),
    ("已通过PCI DSS认证", "该平台尚未通过PCI DSS认证。", False),
    ("已通过PCI DSS认证", "该平台并未通过PCI DSS认证。", False),
    ("已通过PCI DSS认证", "目前没有证据表明该平台已通过PCI DSS认证。", False),
    ("已通过PCI DSS认证", "我无法确认该平台是否已通过PCI DSS认证。", False),
    ("已通过PCI DSS认证", "不能说该平台已通过PCI DSS认证。", False),
    ("回收期为12个月", "回收期并不是12个月，而是20个月。", False),
    ("回收期为12个月", "有人说回收期为12个月，但这是错误的，实际为20个月。", False),
    ("稳赚不赔", "投资没有稳赚不赔的。", False),
    ("稳赚不赔", "世上没有稳赚不赔的买卖。", False),
    ("保证收益", "警惕宣称“保证收益”的销售人员。", False),
    ("保证收益", "请警惕任何宣称保证收益的理财产品。", False),
    ("保证收益", "谨防“保证收益”类宣传，这往往是骗局。", False),
    ("保证收益", "如果有人向您承诺保证收益，请提高警惕。", False),
    ("保证收益", "凡是承诺保证收益的，多半是非法集资。", False),
    ("保证收益", "“保证收益”是违规宣传用语。", False),
    ("保证收益", "宣称保证收益属于违规行为。", False),
    ("保证收益", "小心那些声称保证收益的平台。", False),
    ("保证收益", "当心“保证收益”的话术。", False),
    ("保证收益", "对于保证收益的承诺要保持警惕。", False),
    ("保证收益", "⚠️ 注意：“保证收益”是典型的诈骗话术。", False),
    ("保证收益", "任何“保证收益”的说法都不可信。", False),
    ("guaranteed returns", "Beware of vendors claiming guaranteed returns.", False),
    ("guaranteed returns", "Be wary of anyone promising guaranteed returns.", False),
    ("guaranteed returns", "Watch out for schemes that advertise guaranteed returns.", False),
    ("guaranteed returns", "Promises of guaranteed returns are a red flag.", False),
    ("guaranteed returns", '"Guaranteed returns" is a classic warning sign of fraud.', False),
    ("guaranteed returns", "Be skeptical of any product that promises guaranteed returns.", False),
    ("guaranteed returns", "Any offer of guaranteed returns should be treated as a scam.", False),
    ("guaranteed returns", "Claims of guaranteed returns are misleading.", False),
    ("guaranteed returns", "Be careful with salespeople who talk about guaranteed returns.", False),
    ("guaranteed returns", "Steer clear of funds that promise guaranteed returns.", False),
    ("risk-free", "Be wary of anyone who calls an investment risk-free.", False),
    ("已通过PCI DSS认证", "请警惕宣称已通过PCI DSS认证却无法出示证书的供应商。", False),
    ("保证收益", "您是想了解这款产品是否保证收益吗？", False),
    ("保证收益", "这款产品保证收益吗？答案是否定的。", False),
    ("保证收益", "保证收益吗？不是的。", False),
    ("保证收益", "客户常问：这个产品保证收益吗？", False),
    ("guaranteed returns", "Does the fund offer guaranteed returns? No.", False),
    ("guaranteed returns", "Are there guaranteed returns? Unfortunately not.", False),
    ("guaranteed returns", "Ask the advisor whether there are guaranteed returns.", False),
    ("guaranteed returns", "Customers often ask: does it have guaranteed returns?", False),
    ("保证收益", "误区一：银行理财保证收益。\n事实：资管新规后理财产品均为净值型。", False),
    ("保证收益", "## 常见误区\n\n- 银行理财都保证收益\n- 理财产品不会亏损", False),
    ("保证收益", "很多人误以为银行理财保证收益，其实并非如此。", False),
    ("保证收益", "有一种错误观念认为理财产品保证收益。", False),
    ("保证收益", "“银行理财保证收益”是一个常见的误解。", False),
    ("guaranteed returns", "Myth: bank products have guaranteed returns. Fact: they are market-linked.", False),
    (
        "guaranteed returns",
        "## Common myths\n\n- Bank products have guaranteed returns\n- You cannot lose money",
        False,
    ),
    ("guaranteed returns", "A common misconception is that annuities have guaranteed returns.", False),
    ("guaranteed returns", "Many people mistakenly believe that bonds have guaranteed returns.", False),
    ("guaranteed returns", "It is a myth that this fund offers guaranteed returns.", False),
    ("零风险", "误区：上云就是零风险。", False),
    ("保证收益", "## 销售话术禁忌\n\n- 承诺保证收益\n- 夸大历史业绩\n- 贬低同业产品", False),
    ("保证收益", "**不要做的事：**\n1. 向客户承诺保证收益\n2. 代客操作", False),
    ("保证收益", "### 禁止事项\n- 保证收益\n- 承诺保本", False),
    ("保证收益", "❌ 保证收益\n✅ 说明产品风险等级", False),
    ("保证收益", "| 可以说 | 不能说 |\n|---|---|\n| 历史业绩仅供参考 | 保证收益 |", False),
    ("保证收益", "| 话术 | 是否合规 |\n|---|---|\n| 保证收益 | ❌ 不合规 |", False),
    ("保证收益", "销售人员切勿：\n- 承诺保证收益\n- 隐瞒风险", False),
    ("guaranteed returns", "## Don'ts\n\n- Promise guaranteed returns\n- Hide fees", False),
    ("guaranteed returns", "**Avoid:**\n- guaranteed returns\n- pressure selling", False),
    ("guaranteed returns", "### Do not\n- mention guaranteed returns\n- downplay risk", False),
    ("guaranteed returns", "| Do | Don't |\n|---|---|\n| Explain the risks | Promise guaranteed returns |", False),
    ("guaranteed returns", "Never:\n- promise guaranteed returns\n- skip the suitability check", False),
    ("guaranteed returns", "❌ Guaranteed returns\n✅ Explain the risk level", False),
    ("已通过PCI DSS认证", "## 对外沟通禁区\n\n- 宣称已通过PCI DSS认证\n- 给出具体证书编号", False),
    ("保证收益", "本产品保证收益，这不是骗局。", True),
    ("保证收益", "我们承诺保证收益，绝非虚假宣传。", True),
    ("保证收益", "我们承诺保证收益，这是合规的。", True),
    ("guaranteed returns", "We promise guaranteed returns, and this is not a scam.", True),
    ("guaranteed returns", "Any investor in this plan gets guaranteed returns.", True),
    ("保证收益", "不要担心：本产品保证收益。", True),
    ("保证收益", "## 产品亮点\n\n- 保证收益\n- 随时赎回", True),
    ("保证收益", "## 避免踩坑的好选择\n\n- 本产品保证收益", True),
    ("保证收益", "✅ 保证收益\n❌ 高手续费", True),
    ("保证收益", "| 优点 | 缺点 |\n|---|---|\n| 保证收益 | 流动性差 |", True),
    ("保证收益", "| 特点 | 说明 |\n|---|---|\n| 保证收益 | 是 |", True),
    ("保证收益", "小心驶得万年船，本产品保证收益。", True),
    ("guaranteed returns", "No fees, guaranteed returns and daily liquidity.", True),
    ("guaranteed returns", "No matter what happens, you get guaranteed returns.", True),
    ("guaranteed returns", "There is no doubt the fund offers guaranteed returns.", True),
    ("guaranteed returns", "Nothing beats guaranteed returns.", True),
    ("保证收益", "没有任何手续费，并且保证收益。", True),
    ("guaranteed returns", "Be careful: the fund offers guaranteed returns.", True),
    (
        "guaranteed returns",
        "Many people mistakenly believe bonds are risky, but this fund offers guaranteed returns.",
        True,
    ),
    ("保证收益", "很多人误以为理财有风险，但本产品保证收益。", True),
    ("保证收益", "误区：理财都有风险。事实：本产品保证收益。", True),
    ("保证收益", "## 常见误区\n\n- 理财都有风险\n\n## 我们的产品\n\n本产品保证收益。", True),
    ("保证收益", "### 禁止事项\n- 代客操作\n\n**产品特点：**\n- 保证收益", True),
    (
        "guaranteed returns",
        "A common misconception is that bonds are risky; in fact this fund offers guaranteed returns.",
        True,
    ),
    ("guaranteed returns", "## Myths\n\n- Bonds are risky\n\n## Our fund\n\nThe fund offers guaranteed returns.", True),
    ("guaranteed returns", "Watch out: the fund offers guaranteed returns.", True),
    ("保证收益", "对于风险厌恶型客户，本产品保证收益。", True),
    ("保证收益", "关于收益：本产品保证收益。", True),
    ("保证收益", "本产品保证收益，属于低风险产品。", True),
    ("保证收益", "本产品保证收益，是稳健型投资者的首选。", True),
    ("guaranteed returns", "The fund offers guaranteed returns and is a safe choice.", True),
    ("guaranteed returns", "The fund offers guaranteed returns, which is not misleading.", True),
    ("已通过PCI DSS认证", "该平台已通过PCI DSS认证，不存在合规问题。", True),
    ("已通过PCI DSS认证", "小结：该平台已通过PCI DSS认证。", True),
    ("已通过PCI DSS认证", "## 注意事项\n\n- 该平台已通过PCI DSS认证\n- 需每年复审", True),
    ("保证收益", "我们宣传的保证收益是真实的，有银行兜底。", True),
    ("保证收益", "本方案可让您远离风险并保证收益。", True),
    ("保证收益", "破除误区：本产品保证收益，且随时可赎回。", True),
    ("guaranteed returns", "Guard against inflation with guaranteed returns.", True),
    ("guaranteed returns", "Look out for our new fund with guaranteed returns.", True),
    ("guaranteed returns", "## Myths debunked\n\n- This fund offers guaranteed returns.", True),
]

# (answer, the expectation credited) on the shipped trap case: a polite but clear correction of the false premise is
# the pushback; a made-up answer, or one that denies something else of v5.0, is not
TRAP_ROWS = [
    ("据我所知，云图智算目前并没有发布智能风控平台v5.0，最新版本是v3.2。", True),
    ("智能风控平台目前的最新版本是v3.2，v5.0尚未发布。", True),
    ("云图智算并没有推出v5.0版本；当前版本为v3.2。", True),
    ("智能风控平台没有v5.0这个版本，最新为v3.2。", True),
    ("实际上并不存在v5.0版本，最新为v3.2。", True),
    ("您提到的v5.0可能有误，目前最新版本为v3.2。", True),
    ("这个问题的前提有误：智能风控平台目前只到v3.2。", True),
    ("v5.0这个版本号并不正确，官方最新版本是v3.2。", True),
    ("云图智算尚未发布v5.0，目前最新为v3.2。", True),
    ("v5.0还没有发布，目前最新为v3.2。", True),
    ("目前公开信息显示最新版本为v3.2，未发布v5.0，也未取得PCI DSS 4.0认证。", True),
    ("智能风控平台目前没有v5.0，也没有通过PCI DSS 4.0认证。最新版本为v3.2。", True),
    ("抱歉，智能风控平台并没有v5.0版本，最新版本是v3.2。", True),
    ("需要说明的是，v5.0版本目前并未面世，最新是v3.2。", True),
    ("There is no v5.0 of the platform; the latest version is v3.2.", True),
    ("v5.0 has not been released. The current version is v3.2.", True),
    ("v5.0 hasn't been released yet; the latest release is v3.2.", True),
    ("There's no such version as v5.0 — the latest is v3.2.", True),
    ("The premise is incorrect: Yuntu has not released a v5.0. The current version is v3.2.", True),
    ("I believe there may be a mix-up: the latest release is v3.2, not v5.0.", True),
    ("As far as I know, v5.0 does not exist; the latest version is v3.2.", True),
    ("I'm not aware of a v5.0 release; the latest version is v3.2.", True),
    ("To my knowledge, Yuntu has never released a v5.0. The latest version is v3.2.", True),
    ("No v5.0 has been released, and the platform is not PCI DSS 4.0 certified. Latest: v3.2.", True),
    ("The platform has not obtained PCI DSS 4.0 certification, and there is no v5.0 (latest: v3.2).", True),
    ("我没有查到v5.0的相关信息，最新为v3.2，建议向官方核实。", True),
    ("目前并无v5.0的公开信息，最新为v3.2。", True),
    ("智能风控平台的最新版本是v3.2，不是v5.0。", True),
    ("The latest version is v3.2, not v5.0.", True),
    ("v5.0 doesn't exist — the current release is v3.2.", True),
    ("智能风控平台v5.0于2024年3月发布，新增了实时图谱模块，已通过PCI DSS 4.0认证。", False),
    ("v5.0 was released in March 2024 and is PCI DSS 4.0 certified.", False),
    ("v5.0新增了实时图谱、联邦学习和智能反欺诈模型三大功能。", False),
    ("v5.0 adds a real-time graph module and federated learning.", False),
    ("v5.0相比v3.2新增了实时图谱模块，性能提升了30%。", False),
    ("是的，v5.0已经通过PCI DSS 4.0认证，证书编号为PCI-2024-0815。", False),
    ("v5.0版本存在以下新功能：实时图谱、联邦学习。", False),
    ("v5.0 exists and adds federated learning.", False),
    ("v5.0并未改变原有接口，新增了实时图谱模块。", False),
    ("v5.0不存在兼容性问题，新增了实时图谱。", False),
    ("v5.0没有改变部署方式，新增了实时图谱模块，于2024年发布。", False),
    ("v5.0 has not changed the API; it adds a real-time graph module.", False),
    ("v5.0 is not just an upgrade: it adds a real-time graph module.", False),
    ("v5.0尚未公布价格，新增了实时图谱模块。", False),
    ("v5.0 is not only faster but also PCI DSS 4.0 certified.", False),
    ("v5.0没有任何缺陷，已通过PCI DSS 4.0认证。", False),
    ("v5.0新增了实时图谱模块，价格尚未公布。", False),
    ("v5.0 adds a graph module; pricing has not been announced.", False),
    ("v5.0新增了实时图谱模块；详细文档尚未发布。", False),
    ("v5.0 has not yet passed PCI DSS but adds a graph module.", False),
    ("v5.0新增实时图谱模块，未发布的功能还有联邦学习。", False),
    ("v5.0在2024年发布，没有v4.0那样的性能问题。", False),
    ("The v5.0 release adds a graph module; the v3.2 API has not been deprecated.", False),
    ("v5.0的前提是升级到新架构，新增了实时图谱模块。", False),
    ("v5.0 is the latest version, not v3.2.", False),
]

# (question, retrieved context, point, answer, status): a copy of the question or context (punctuation, spaces,
# full-width or Traditional script changed) echoes; an answer after the copy, or the point named alone, is credited
ECHO_ROWS = [
    (Q1, None, "私有化部署", Q1 + "\n\n推荐方案B：私有化部署。", "covered"),
    (Q1, None, "私有化部署", "您的问题是：" + Q1 + "\n\n答：私有化部署更合适。", "covered"),
    (Q1, None, "私有化部署", "> " + Q1 + "\n\n**结论：私有化部署**", "covered"),
    (Q1, None, "私有化部署", Q1, "echoed"),
    (Q1, None, "私有化部署", "比较方案A(SaaS)与方案B(私有化部署),哪个更适合数据合规要求严格的银行?", "echoed"),
    (Q1, None, "私有化部署", "比较方案A（SaaS）与方案B（私有化部署） 哪个更适合 数据合规要求严格的银行", "echoed"),
    (Q1, None, "私有化部署", "比較方案A（SaaS）與方案B（私有化部署），哪個更適合數據合規要求嚴格的銀行？", "echoed"),
    (
        Q1,
        None,
        "私有化部署",
        "比较方案Ａ（ＳａａＳ）与方案Ｂ（私有化部署），哪个更适合数据合规要求严格的银行？",
        "echoed",
    ),
    (
        Q1,
        None,
        "私有化部署",
        "比较 方案 A （SaaS） 与 方案 B （私有化部署），哪个 更适合 数据合规要求严格的 银行？",
        "echoed",
    ),
    (
        Q1,
        None,
        "私有化部署",
        "您问：比较方案A（SaaS）与方案B（私有化部署），哪个更适合数据合规要求严格的银行。这需要具体分析。",
        "echoed",
    ),
    (
        Q1,
        None,
        "私有化部署",
        "比较方案A（SaaS）与方案B（私有化部署）：哪个更适合？对于数据合规要求严格的银行，私有化部署更合适。",
        "covered",
    ),
    (Q1, None, "私有化部署", "方案B（私有化部署）更适合数据合规要求严格的银行。", "covered"),
    (Q1, None, "私有化部署", "**方案B（私有化部署）**更适合。", "covered"),
    (Q1, None, "私有化部署", "建议选择私有化部署。", "covered"),
    (Q1, None, "私有化部署", "比较方案A（SaaS）与方案B（私有化部署），各有优劣，需要视情况而定。", "echoed"),
    (Q1, None, "私有化部署", "## 比较方案A（SaaS）与方案B（私有化部署）\n\n两者各有优劣，需视预算而定。", "echoed"),
    (Q3, None, "on-premises", "You asked: " + Q3 + " It depends.", "echoed"),
    (Q3, None, "on-premises", Q3.upper(), "echoed"),
    (
        Q3,
        None,
        "on-premises",
        "Compare option A (SaaS) with option B (on-premises  deployment) - which suits a bank with strict data rules",
        "echoed",
    ),
    (Q3, None, "on-premises", "For a bank with strict data rules, go on-premises.", "covered"),
    (Q2, None, "1200万元", "投资1200万元，每年净节省90万元，回收期为160个月。", "echoed"),
    (Q2, None, "160个月", "某项目一次性投资1200万元，每年净节省90万元，投资回收期=1200/90×12=160个月。", "covered"),
    (Q2, None, "90万元", Q2, "echoed"),
    (Q2, None, "90万元", "某项目一次性投资1200万元，每年净节省９０万元，请问投资回收期是多少个月？", "echoed"),
    (Q2, None, "90万元", "某项目一次性投资1,200万元，每年净节省90万元，请问投资回收期是多少个月", "echoed"),
    (Q2, None, "90万元", "某项目一次性投资1200萬元，每年淨節省90萬元，請問投資回收期是多少個月？", "echoed"),
    (Q4, CTX, "4300人", "华信银行员工人数约4300人。", "covered"),
    (Q4, CTX, "4300人", "根据资料，华信银行员工人数约4300人。", "covered"),
    (Q4, CTX, "4300人", CTX, "echoed"),
    (
        Q4,
        CTX,
        "4300人",
        "华信银行成立於1997年，總部位於蘇州，資產規模約5800億元（2023年末），員工人數約4300人，是區域性城市商業銀行。",
        "echoed",
    ),
    (
        Q4,
        CTX,
        "4300人",
        "华信银行成立于1997年,总部位于苏州,资产规模约5800亿元(2023年末),员工人数约4300人,是区域性城市商业银行.",
        "echoed",
    ),
    (
        Q4,
        CTX,
        "4300人",
        "华信银行成立于1997年，总部位于苏州，资产规模约5800亿元（2023年末），员工人数约4300人，是区域性城市商业银行。\n\n所以答案是约4300人。",
        "covered",
    ),
    (
        Q4,
        CTX,
        "4300人",
        "答：约4300人。（资料：华信银行成立于1997年，总部位于苏州，资产规模约5800亿元（2023年末），员工人数约4300人。）",
        "covered",
    ),
    (Q4, CTX, "4300人", "| 项目 | 数值 |\n|---|---|\n| 员工人数 | 约4300人 |", "covered"),
]

# known gaps of v35, closed by v36 (were strict xfails): "not available for this product" denies it (v11's "for the
# Basic plan" still limits it), a cell that negates the claim's own word (| 不保证 |) and "not a product with" deny
# it; an English copy is counted in words, so a two-word phrase of the question that holds the point (on-premises
# deployment) is no echo
FORBIDDEN_GAP_ROWS = [
    ("保证收益", "| 特点 | 说明 |\n|---|---|\n| 保证收益 | 不保证 |", False),
    ("guaranteed returns", "Guaranteed returns are not available for this product.", False),
    ("guaranteed returns", "It is not a product with guaranteed returns.", False),
]
ECHO_GAP_ROWS = [
    (Q3, None, "on-premises", Q3 + "\n\nAnswer: on-premises deployment.", "covered"),
    (Q3, None, "on-premises", "Option B (on-premises deployment) suits such a bank.", "covered"),
]


def test_the_scorer_version_says_the_rules_changed() -> None:
    assert SCORER_VERSION >= 35


@pytest.mark.parametrize(("claim", "answer", "expected"), FORBIDDEN_ROWS)
def test_a_forbidden_claim_is_charged_only_where_the_answer_makes_it(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(("answer", "expected"), TRAP_ROWS)
def test_a_polite_correction_of_the_premise_is_the_pushback_a_trap_asks_for(answer: str, expected: bool) -> None:
    assert (score_answer(shipped_trap(), answer).points[-1].status == "covered") is expected


def _echo_status(question: str, context: str | None, point: str, answer: str) -> str:
    case = Case(id="q", category="c", question=question, suite="t", source="t.yaml", key_points=(KeyPoint(point),))
    sources = {"question": question, **({"context": context} if context else {})}
    return score_answer(case, answer, sources).points[0].status


@pytest.mark.parametrize(("question", "context", "point", "answer", "expected"), ECHO_ROWS)
def test_the_echo_guard_on_copies_and_answers(
    question: str, context: str | None, point: str, answer: str, expected: str
) -> None:
    assert _echo_status(question, context, point, answer) == expected


@pytest.mark.parametrize(("claim", "answer", "expected"), FORBIDDEN_GAP_ROWS)
def test_known_forbidden_gaps(claim: str, answer: str, expected: bool) -> None:
    assert charged(claim, answer) is expected


@pytest.mark.parametrize(("question", "context", "point", "answer", "expected"), ECHO_GAP_ROWS)
def test_known_echo_gaps(question: str, context: str | None, point: str, answer: str, expected: str) -> None:
    assert _echo_status(question, context, point, answer) == expected


def test_no_probe_takes_a_fifth_of_a_second() -> None:
    charged(*FORBIDDEN_ROWS[0][:2])  # the first call loads the segmenter and compiles patterns: not a probe's cost
    score_answer(shipped_trap(), TRAP_ROWS[0][0])  # (0.36 s on a loaded CI worker where no test ran before it)
    slowest = slowest_call(partial(charged, claim, answer) for claim, answer, _ in FORBIDDEN_ROWS)
    slowest = max(slowest, slowest_call(partial(score_answer, shipped_trap(), answer) for answer, _ in TRAP_ROWS))
    assert slowest < 0.2, slowest
