"""Scorer v86: a feature left out of what is offered, and a feature denied in other words.

v85 credited a text point named only as the one thing an offer leaves out: 除私有化部署外，其他部署方式都支持,
支持除私有化部署之外的所有方式, 私有化部署以外的方案均可, 所有部署方式均支持，私有化部署除外, "We support all options
except on-premise deployment", "All deployment models other than on-premise deployment are supported", "We offer
everything but on-premise deployment", "..., on-premise deployment excluded" (`keywords/excluded.py`). Kept: the rest
denied (除私有化部署外，其他都不支持: the point is the only one offered; "We support nothing except ..."), "besides"
(除了公有云，我们还支持私有化部署; "Apart from cloud, we also offer ..."), another statement of the rest
(除私有化部署外，其他方式需额外付费), 除非, 删除, 除此之外, "except when".

And denials in other words after a feature: a dash (私有化部署 — 不可用), a plan's or a request's noun
(私有化部署方案已于2024年停止提供, 私有化部署这一需求我们无法满足), not launched yet (尚未推出), a question answered
"out of scope" (私有化部署？抱歉，不在服务范围内), "is not something we support", "is off the table", "is out of the
question", "is not on offer"; a bracket of its own (私有化部署（已停售）, "(discontinued)"), a verb of removal
(已被移除, 砍掉, "excludes", 排除了), never launched or no plan (一直没有推出, 暂无计划, "has yet to be released", "no
plans for"), "we don't do it" (我们做不了, 私有化部署我们不做, "We don't do ...", "isn't something we do"). Left: a
point written verb first and stated object first (支持私有化部署 for 私有化部署是支持的: missed, not credited), "is not
an option for you", an English dash before a bare adjective.

And the point as a topic, then an aside and its denial (私有化部署的话，目前还不行; 关于私有化部署：很抱歉，暂不支持;
"As for on-premise deployment, we don't offer it"; "..., unfortunately, is not available"; "used to be offered").

And strict bounds in other words (`keywords/bounds.py`): 不及20个月 (short of it), the spoken 高过 / 多过 / 低过 / 少过,
"The payback tops 20 months" - credited as the plain figure. And a figure called an exaggeration or misjudged
(20个月是夸大其词, 言过其实, 被低估了), not realistic (不太现实), or a question about it answered "Hardly", "Far from
it", "No way", "Unlikely".
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, check_status

from pytest_llmeval.evaluation.numbers import NumberForms
from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
Row = tuple[str, str, NumberForms | None, str]

P, E = "私有化部署", "on-premise deployment"

EXCLUDED: list[Row] = [
    (P, "除私有化部署外，其他部署方式都支持。", None, N),
    (P, "除了私有化部署，其他都支持。", None, N),
    (P, "除了私有化部署以外，其他方式均可。", None, N),
    (P, "支持除私有化部署之外的所有方式。", None, N),
    (P, "私有化部署以外的方案均可。", None, N),
    (P, "所有部署方式均支持，私有化部署除外。", None, N),
    (P, "除公有云和私有化部署外，其他都可以。", None, N),
    (P, "除了私有化部署，无论哪种方式都支持。", None, N),
    (P, "除私有化部署外，其他都不支持。", None, C),
    (P, "我们不支持除私有化部署以外的任何方式。", None, C),
    (P, "除了公有云，我们还支持私有化部署。", None, C),
    (P, "除了私有化部署，我们还提供公有云。", None, C),
    (P, "除私有化部署外，我们也提供SaaS。", None, C),
    (P, "除私有化部署外，其他方式需额外付费。", None, C),
    (P, "除非选择私有化部署，否则默认使用公有云。", None, C),
    (P, "可删除私有化部署的旧版本。", None, C),
    (P, "除此之外，我们还支持私有化部署。", None, C),
    (P, "我们支持私有化部署，除外资企业外均可申请。", None, C),
    (P, "私有化部署之外，我们还提供培训。", None, C),
    (P, "其他都不支持，私有化部署除外。", None, C),
    (P, "支持公有云和私有化部署。", None, C),
    (P, "除私有化部署的费用外，其他费用均包含。", None, C),
    (P, "除私有化部署和混合云外，其他都支持。", None, N),
    (P, "除公有云、私有化部署外，其他都可以。", None, N),
    (P, "方案未排除私有化部署。", None, C),
    (E, "We support all options except on-premise deployment.", None, N),
    (E, "We support every option except for on-premise deployment.", None, N),
    (E, "All deployment models other than on-premise deployment are supported.", None, N),
    (E, "Apart from on-premise deployment, every option is available.", None, N),
    (E, "We offer everything but on-premise deployment.", None, N),
    (E, "Excluding on-premise deployment, all options are supported.", None, N),
    (E, "With the exception of on-premise deployment, we support all models.", None, N),
    (E, "All options are available, on-premise deployment excluded.", None, N),
    (E, "All options (on-premise deployment excluded) are available.", None, N),
    (E, "On-premise deployment excluded from the discount.", None, C),
    (E, "We support nothing except on-premise deployment.", None, C),
    (E, "No option other than on-premise deployment is available.", None, C),
    (E, "Apart from cloud, we also offer on-premise deployment.", None, C),
    (E, "Apart from on-premise deployment, we also offer cloud.", None, C),
    (E, "Other than on-premise deployment, customers pay extra.", None, C),
    (E, "We support on-premise deployment, except when the data is classified.", None, C),
    (E, "We support on-premise deployment except for air-gapped sites.", None, C),
    (E, "All plans include support, except the trial; on-premise deployment is available.", None, C),
    (E, "Everything except SSO is supported, including on-premise deployment.", None, C),
    (E, "We cannot support anything other than on-premise deployment.", None, C),
    # a figure in an exclusion is still a figure the answer gives
    ("20万元", "除首年20万元外，其余每年10万元。", CN, C),
    ("20%", "Every plan except the 20% discount tier is available.", CN, C),
]

DENIED_IN_OTHER_WORDS: list[Row] = [
    (P, "私有化部署 — 不可用。", None, N),
    (P, "私有化部署 - 不支持", None, N),
    (P, "私有化部署方案已于2024年停止提供。", None, N),
    (P, "很遗憾，私有化部署这一需求我们无法满足。", None, N),
    (P, "目前只支持公有云部署，私有化部署尚未推出。", None, N),
    (P, "私有化部署？抱歉，不在服务范围内。", None, N),
    (P, "私有化部署方案已上线。", None, C),
    (P, "私有化部署 — 支持。", None, C),
    (P, "私有化部署这一需求我们可以满足。", None, C),
    (P, "私有化部署-不支持多租户。", None, C),
    (E, "On-premise deployment is not something we support.", None, N),
    (E, "On-premise deployment is not something we offer.", None, N),
    (E, "On-premise deployment is off the table.", None, N),
    (E, "On-premise deployment is out of the question.", None, N),
    (E, "On-premise deployment is not on offer.", None, N),
    (E, "On-premise deployment is something we support.", None, C),
    (E, "On-premise deployment is on offer.", None, C),
    # a bracket of its own, a verb of removal, never launched, no plan, "we don't do it"
    (P, "私有化部署已被移除。", None, N),
    (P, "私有化部署（已停售）", None, N),
    (P, "私有化部署（不支持）", None, N),
    (P, "私有化部署【暂不支持】", None, N),
    (P, "私有化部署：暂无计划", None, N),
    (P, "私有化部署？目前没有这个选项。", None, N),
    (P, "我们做不了私有化部署。", None, N),
    (P, "我们无法为您提供私有化部署。", None, N),
    (P, "私有化部署我们是不做的。", None, N),
    (P, "私有化部署我们不做。", None, N),
    (P, "私有化部署这个我们不提供。", None, N),
    (P, "私有化部署一直没有推出。", None, N),
    (P, "私有化部署从来没有支持过。", None, N),
    (P, "私有化部署已经砍掉了。", None, N),
    (P, "方案排除了私有化部署。", None, N),
    (E, "On-premise deployment (discontinued)", None, N),
    (E, "On-premise deployment: discontinued", None, N),
    (E, "On-premise deployment? Not anymore.", None, N),
    (E, "On-premise deployment isn't something we do.", None, N),
    (E, "We don't do on-premise deployment.", None, N),
    (E, "The price excludes on-premise deployment.", None, N),
    (E, "We have no plans for on-premise deployment.", None, N),
    (E, "There are no plans to offer on-premise deployment.", None, N),
    (E, "On-premise deployment has yet to be released.", None, N),
    (P, "私有化部署（支持）", None, C),
    (P, "私有化部署【推荐】", None, C),
    (P, "私有化部署我们支持。", None, C),
    (P, "私有化部署我们不收取额外费用。", None, C),
    (P, "我们为您提供私有化部署。", None, C),
    (P, "私有化部署一直没有问题。", None, C),
    (P, "私有化部署已被广泛采用。", None, C),
    (P, "私有化部署（2024年推出）", None, C),
    (P, "私有化部署(无额外费用)", None, C),
    (P, "私有化部署这个我们有方案。", None, C),
    (P, "不排除私有化部署。", None, C),
    (P, "排除故障后，私有化部署即可上线。", None, C),
    (E, "On-premise deployment (recommended)", None, C),
    (E, "On-premise deployment (no extra cost)", None, C),
    (E, "On-premise deployment (available since 2024)", None, C),
    (E, "We do on-premise deployment.", None, C),
    (E, "We have plans for on-premise deployment.", None, C),
    (E, "We have no plans to drop on-premise deployment.", None, C),
    (E, "The price excludes tax; on-premise deployment is included.", None, C),
    (E, "The plan does not exclude on-premise deployment.", None, C),
    (E, "On-premise deployment isn't something we charge extra for.", None, C),
    (E, "On-premise deployment has yet to be priced.", None, C),
]


# out of plan or list, refused, "minus" / "save" after a whole, a bare "no"
OUT_OF_PLAN: list[Row] = [
    (E, "Every option minus on-premise deployment is available.", None, N),
    (E, "All options save on-premise deployment are supported.", None, N),
    (E, "Cloud yes, on-premise deployment no.", None, N),
    (E, "All customers can save money with on-premise deployment.", None, C),
    (E, "You can save costs with on-premise deployment.", None, C),
    (E, "Everything minus the setup fee is included with on-premise deployment.", None, C),
    (E, "On-premise deployment no longer requires a license.", None, C),
    (P, "私有化部署是不可能的事。", None, N),
    (P, "私有化部署目前不在考虑范围内。", None, N),
    (P, "私有化部署不在计划内。", None, N),
    (P, "私有化部署这条路走不通。", None, N),
    (P, "私有化部署？免谈。", None, N),
    (P, "私有化部署恕难从命。", None, N),
    (P, "私有化部署不在支持之列。", None, N),
    (P, "私有化部署不在我们的产品线上。", None, N),
    (P, "私有化部署在计划内。", None, C),
    (P, "私有化部署在支持范围内。", None, C),
    (P, "私有化部署不在话下。", None, C),
    (P, "私有化部署这条路走得通。", None, C),
    # not included, not yet (in a bracket or as a label's value)
    ("7x24小时支持", "7x24小时支持（不含）", None, N),
    ("7x24小时支持", "7x24小时支持（含）", None, C),
    ("7x24小时支持", "除7x24小时支持外，其他服务均提供。", None, N),
    (P, "私有化部署不含。", None, N),
    (P, "私有化部署不含税。", None, C),
    ("SSO", "SSO (coming soon)", None, N),
    ("SSO", "SSO: coming soon", None, N),
    ("SSO", "SSO (on our roadmap)", None, N),
    ("SSO", "SSO (in development)", None, N),
    ("SSO", "SSO: planned for Q3", None, C),
    ("SSO", "We support everything except SSO.", None, N),
    ("保证收益", "除保证收益外，其他都可以承诺。", None, N),
]

# the point as a topic, then an aside and its denial
AS_A_TOPIC: list[Row] = [
    (P, "私有化部署嘛，这个真没有。", None, N),
    (P, "私有化部署我们这边暂时没有。", None, N),
    (P, "私有化部署的话，目前还不行。", None, N),
    (P, "关于私有化部署：很抱歉，暂不支持。", None, N),
    (E, "On-premise deployment, unfortunately, is not available.", None, N),
    (E, "On-premise deployment is, unfortunately, not supported.", None, N),
    (E, "As for on-premise deployment, we don't offer it.", None, N),
    (E, "On-premise deployment? We don't offer it.", None, N),
    (E, "On-premise deployment is something we stopped offering.", None, N),
    (E, "On-premise deployment used to be offered.", None, N),
    (P, "私有化部署嘛，这个真没有问题。", None, C),
    (P, "私有化部署的话，不需要额外费用。", None, C),
    (P, "私有化部署我们这边可以安排。", None, C),
    (P, "关于私有化部署：很抱歉，价格较高。", None, C),
    (P, "私有化部署呢，是支持的。", None, C),
    (E, "On-premise deployment, unfortunately, is expensive.", None, C),
    (E, "As for on-premise deployment, we offer it at extra cost.", None, C),
    (E, "On-premise deployment? We don't offer it for free, but it is available.", None, C),
    (E, "On-premise deployment is something we started offering in 2024.", None, C),
    (E, "On-premise deployment used to be offered only to banks; now everyone can have it.", None, C),
    (E, "On-premise deployment, however, is available.", None, C),
]

# strict bounds in other words: 不及 (short of), the spoken 高过 / 多过 / 低过, "tops"
BOUNDS: list[Row] = [
    ("20个月", "回本周期不及20个月。", CN, N),
    ("20个月", "回本周期高过20个月。", CN, N),
    ("20个月", "回本周期多过20个月。", CN, N),
    ("20个月", "回本周期低过20个月。", CN, N),
    ("20%", "ROI不及20%。", CN, N),
    ("20个月", "The payback period tops 20 months.", CN, N),
    ("20个月", "The payback period topped 20 months last year.", CN, N),
    ("20个月", "不及时处理，回本周期为20个月。", CN, C),
    ("20个月", "效果不及预期，回本周期为20个月。", CN, C),
    ("20个月", "回本周期20个月，不及竞品。", CN, C),
    ("20%", "20%的ROI高过行业平均。", CN, C),
]


# a figure called an exaggeration or misjudged, not realistic, or answered "hardly"
CALLED_WRONG: list[Row] = [
    ("20个月", "20个月是夸大其词。", CN, N),
    ("20个月", "20个月的说法言过其实。", CN, N),
    ("20个月", "20个月被高估了，实际为18个月。", CN, N),
    ("20个月", "20个月被低估了，应为24个月。", CN, N),
    ("20个月", "20个月不太现实。", CN, N),
    ("20个月", "20个月不大可行。", CN, N),
    ("20个月", "Payback of 20 months? Hardly.", CN, N),
    ("20个月", "Payback of 20 months? Far from it.", CN, N),
    ("20个月", "Payback of 20 months? No way.", CN, N),
    ("20个月", "Is payback 20 months? Unlikely.", CN, N),
    ("20个月", "回本周期20个月，不太现实的是18个月。", CN, C),
    ("20个月", "Payback of 20 months? Hardly surprising, given the costs.", CN, C),
    ("20个月", "20个月是保守估计。", CN, C),
]


def test_the_version() -> None:
    assert SCORER_VERSION >= 86


@pytest.mark.parametrize(
    ("point", "answer", "forms", "expected"),
    EXCLUDED + DENIED_IN_OTHER_WORDS + OUT_OF_PLAN + AS_A_TOPIC + BOUNDS + CALLED_WRONG,
)
def test_rows(point: str, answer: str, forms: NumberForms | None, expected: str) -> None:
    check_status(point, answer, expected, forms)
