"""Scorer v67: key points without a figure - a feature, a policy, a recommendation - said to be withdrawn, another
party's, only asked about or offered to check, left to a separate assessment, or an unticked box or a ✗ cell in a
table after a line of prose.

Found by the credit sweep's new text kinds (`benchmarks/credit_mutations.py`, `text_mutants`): v66 credited 1,130
of the 1,532 wrong answers made of the covered rows whose point holds no figure. Each wrong answer stands beside
its right twins, which stay covered:
- withdrawn or never offered (我们从未提供私有化部署, 私有化部署已停止提供, 已不再提供, 现已下线; "has been
  discontinued", "was previously offered but has been retired", "We have never offered ...") - `keywords/negation.py`;
  not 不仅提供, 不断推出, nor a withdrawal of another thing (私有化部署，旧版本已下线);
- another party holds it (竞品A支持私有化部署，我们仅提供公有云版本, 仅竞品支持, "Competitor X offers ...; we do
  not", "Only competitors offer ...") - `keywords/parties.py`; not where the answer shares it (我们和竞品A都支持,
  "Competitor X offers it, and so do we");
- a question of what the user wants or an offer to check (您需要私有化部署吗？, 需要我帮您确认是否支持私有化部署吗？,
  "Would you like on-premise deployment?") and a whether still to be checked (是否支持私有化部署需要确认, "Whether
  ... is supported needs to be confirmed") - `keywords/denial.py`;
- left to a separate assessment (如需私有化部署，需另行评估; "If you need ..., it requires a separate assessment");
  not "如需私有化部署，可联系我们开通" (an offer);
- decided in the lead's review: a plan, even for a named time (计划于2027年支持私有化部署, "On-premise deployment is
  planned for 2027"), stays covered - a product's roadmap cannot be told from the project plan a consulting answer
  proposes (预计明年上线私有化部署后，数据将全部留在行内; "We plan to support on-premise deployment for your bank next
  quarter"), and a forecast is credited since v50; the helper's first draft read it as no support;
- the lead's review: a question of what the user wants answered at once by an offer (您需要私有化部署吗？我们支持。,
  "Would you like on-premise deployment? It is available today.") states it, as one answered yes does (v10), and a
  withdrawal verb before the point whose object is another noun (取消私有化部署的额外费用) denies that noun;
- an unticked box (- [ ] 私有化部署; - [x] stays covered) and a ✗ cell of a table that follows a line of prose.
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
P = "私有化部署"
E = "on-premise deployment"

ROWS: list[tuple[str, str, str]] = [
    # withdrawn or never offered
    (P, "我们从未提供私有化部署。", N),
    (P, "该产品从未支持私有化部署。", N),
    (P, "私有化部署已停止提供。", N),
    (P, "私有化部署已不再提供。", N),
    (P, "我们已停止提供私有化部署。", N),
    (P, "我们已不再支持私有化部署，仅提供SaaS。", N),
    (P, "私有化部署目前已下线。", N),
    (P, "此前提供私有化部署，目前已下线。", N),
    (P, "曾支持私有化部署，现已下线。", N),
    (P, "私有化部署已于去年停用。", N),
    (E, "On-premise deployment has been discontinued.", N),
    (E, "On-premise deployment was dropped last year.", N),
    (E, "On-premise deployment is deprecated.", N),
    (E, "We have never offered on-premise deployment.", N),
    (E, "On-premise deployment was previously offered but has been retired.", N),
    (E, "On-premise deployment has no longer been offered since 2024.", N),
    (P, "私有化部署 has been discontinued.", N),
    (P, "不仅提供私有化部署，还提供SaaS。", C),
    (P, "我们不断推出私有化部署的新版本。", C),
    (P, "支持私有化部署，旧版本已下线。", C),
    (P, "私有化部署已上线。", C),
    (P, "已停止提供SaaS，现仅提供私有化部署。", C),
    (E, "On-premise deployment has been available since 2020.", C),
    (E, "We have offered on-premise deployment since 2020.", C),
    (E, "We have always offered on-premise deployment.", C),
    # another party holds it
    (P, "竞品A支持私有化部署，我们仅提供公有云版本。", N),
    (P, "友商提供私有化部署，我们不提供。", N),
    (P, "仅竞品支持私有化部署。", N),
    (P, "只有竞争对手提供私有化部署。", N),
    (P, "- 竞品B已推出私有化部署", N),
    (E, "Competitor X offers on-premise deployment; we do not.", N),
    (E, "Only competitors offer on-premise deployment.", N),
    (E, "Competitors already support on-premise deployment, but our product is cloud-only.", N),
    (P, "我们和竞品A都支持私有化部署。", C),
    (P, "与竞品一样，我们也支持私有化部署。", C),
    (P, "竞品A支持私有化部署，我们也支持。", C),
    (P, "我们支持私有化部署，竞品不支持。", C),
    (E, "Like competitor X, we offer on-premise deployment.", C),
    (E, "Unlike competitors, we offer on-premise deployment.", C),
    (E, "Competitor X offers on-premise deployment, and so do we.", C),
    # the other way round: another party's denial, then ours (v66 missed these: the negation read as ours)
    (P, "竞品不支持私有化部署，我们支持。", C),
    (P, "竞品A不提供私有化部署，而我们提供。", C),
    (E, "Competitors do not offer on-premise deployment, but we do.", C),
    (E, "Competitors do not offer on-premise deployment, but we offer it.", C),
    (P, "竞品不支持私有化部署，我们也不支持。", N),
    (P, "竞品不支持私有化部署，我们支持SaaS。", N),
    (E, "Competitors do not offer on-premise deployment, but we offer SaaS.", N),
    (E, "Competitors do not offer on-premise deployment; we do not either.", N),
    # a question of what the user wants, an offer to check, a whether still to be checked
    (P, "您需要私有化部署吗？", N),
    (P, "需要我帮您确认是否支持私有化部署吗？", N),
    (P, "是否支持私有化部署需要确认。", N),
    (P, "是否支持私有化部署，还需进一步核实。", N),
    (E, "Would you like on-premise deployment?", N),
    (E, "Do you need on-premise deployment?", N),
    (E, "Whether on-premise deployment is supported needs to be confirmed.", N),
    (P, "支持私有化部署吗？支持。", C),
    # the lead's review: answered at once by an offer of it (not of something else)
    (P, "您需要私有化部署吗？我们支持。", C),
    (P, "您需要私有化部署吗？我们完全可以提供。", C),
    (E, "Do you need on-premise deployment? We support it.", C),
    (E, "Would you like on-premise deployment? It is available today.", C),
    (P, "您需要私有化部署吗？我们支持SaaS。", N),
    (E, "Do you need on-premise deployment? We support cloud hosting.", N),
    # the lead's review: a withdrawal of a noun the point qualifies
    (P, "取消私有化部署的额外费用，首年免费。", C),
    (P, "已停止私有化部署的旧版本维护，新版本照常支持。", C),
    (P, "已停止提供私有化部署。", N),
    (P, "支持私有化部署，需要我帮您安排演示吗？", C),
    (E, "On-premise deployment is supported. Would you like a demo?", C),
    # left to a separate assessment
    (P, "如需私有化部署，需另行评估。", N),
    (P, "私有化部署需单独评估。", N),
    (E, "If you need on-premise deployment, it requires a separate assessment.", N),
    (P, "如需私有化部署，可联系我们开通。", C),
    (P, "支持私有化部署，价格需另行评估后报价。", C),
    # a plan, even for a named time: covered (decided in the lead's review)
    (P, "计划于2027年支持私有化部署。", C),
    (P, "预计明年上线私有化部署后，数据将全部留在行内。", C),
    (P, "第一阶段计划于2025年上线私有化部署。", C),
    (E, "On-premise deployment is planned for Q3 as phase 2 of the rollout.", C),
    (E, "We plan to support on-premise deployment for your bank next quarter as part of phase 1.", C),
    (P, "我们计划为贵行提供私有化部署。", C),
    (E, "We plan to support on-premise deployment for your bank.", C),
    (P, "2024年起支持私有化部署。", C),
    # not made yet, out of scope, a past offer, the point's noun or a topic's words before the denial
    (P, "私有化部署正在开发中。", N),
    (P, "目前只有SaaS，私有化部署还在规划中。", N),
    (P, "私有化部署还在路线图上。", N),
    (P, "私有化部署：暂无", N),
    (P, "私有化部署：暂不考虑", N),
    (P, "很遗憾，私有化部署不在我们的服务范围内。", N),
    (P, "私有化部署这块我们暂时做不了。", N),
    (P, "私有化部署方面，我们目前还做不到。", N),
    ("7天无理由退货", "7天无理由退货政策已取消。", N),
    (E, "On-premise deployment is on our roadmap.", N),
    (E, "On-premise deployment is coming soon.", N),
    (E, "On-premise deployment is under development.", N),
    (E, "On-premise deployment is out of scope.", N),
    (E, "We used to offer on-premise deployment.", N),
    (P, "私有化部署这块我们完全支持。", C),
    (P, "私有化部署方面，我们有丰富经验。", C),
    (P, "私有化部署已在开发中完成验证并上线。", C),
    (P, "私有化部署在开发环境中同样可用。", C),
    (P, "私有化部署服务已上线。", C),
    ("回收期20个月", "回收期20个月，暂无风险。", C),
    ("7天无理由退货", "支持7天无理由退货政策。", C),
    (E, "On-premise deployment is coming soon to all regions and already live in China.", C),
    (E, "We are used to on-premise deployment projects.", C),
    (E, "We used to offer SaaS; now we offer on-premise deployment.", C),
    # an unticked box; a ✗ cell after a line of prose
    (P, "- [ ] 私有化部署", N),
    (P, "- [ ] 私有化部署\n- [x] SaaS", N),
    (E, "☐ On-premise deployment", N),
    (E, "We recommend SaaS.\n\n| On-premise deployment | ✗ |", N),
    (P, "功能对比如下：\n| 私有化部署 | ❌ |", N),
    (P, "- [x] 私有化部署", C),
    (P, "- [X] 私有化部署\n- [ ] SaaS", C),
    (P, "☑ 私有化部署", C),
    (E, "We recommend it.\n\n| On-premise deployment | ✅ |", C),
]


def test_version() -> None:
    assert SCORER_VERSION >= 67


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


def test_forbidden_claims_withdrawn_or_anothers_are_not_charged() -> None:
    """A forbidden claim said to be withdrawn, another party's, not made yet, a past offer, unticked or a ✗ cell after
    prose is not asserted (v66 charged each of them); stated plainly, shared, ticked or planned, it is charged."""
    assert not charged("保证收益", "保证收益已停止提供。")
    assert not charged("保证收益", "我们从未提供保证收益。")
    assert not charged("guaranteed returns", "Guaranteed returns have been discontinued.")
    assert not charged("保证收益", "竞品A提供保证收益，我们不提供。")
    assert not charged("guaranteed returns", "Competitor X offers guaranteed returns; we do not.")
    assert charged("保证收益", "计划于2027年提供保证收益。")  # a plan is a promise (the lead's review)
    assert not charged("保证收益", "保证收益正在开发中。")
    assert not charged("guaranteed returns", "We used to offer guaranteed returns.")
    assert not charged("保证收益", "- [ ] 保证收益")
    assert not charged("保证收益", "说明如下。\n| 保证收益 | ✗ |")
    assert charged("保证收益", "我们提供保证收益。")
    assert charged("保证收益", "我们提供保证收益，竞品不提供。")
    assert charged("保证收益", "我们和竞品A都提供保证收益。")
    assert charged("guaranteed returns", "We offer guaranteed returns, as do competitors.")
    assert charged("保证收益", "我们计划为您提供保证收益。")
    assert charged("保证收益", "- [x] 保证收益")
    assert charged("保证收益", "竞品不提供保证收益，我们提供。")
    assert not charged("保证收益", "竞品不提供保证收益，我们也不提供。")
    assert charged("保证收益", "说明如下。\n| 保证收益 | ✅ |")
    assert charged("guaranteed returns", "We offer guaranteed returns.")
