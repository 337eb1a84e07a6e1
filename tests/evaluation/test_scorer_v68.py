"""Scorer v68: right answers missed for key points without a figure - a feature, a policy - found by the miss sweep's
new text kinds (`benchmarks/miss_mutations.py`, `text_mutants`: the covered rows whose point holds no figure, each
rewritten so that it surely still states the point). v67 missed 774 of its 4,880 rewrites, in three classes; each
right answer stands beside its wrong twins, which stay not covered:
- a question of what the user wants answered at once by an assent and the offer (您需要私有化部署吗？可以的，我们支持。,
  当然可以，我们支持, 我们目前已经支持, 我们可以为您提供, 您问的是私有化部署吗？支持。; "Would you like ...? Sure - we
  offer it.", "Do you need ...? No problem, we support it.") - `keywords/denial.py`; v67 took only 我们支持 and "We
  support it" right after the question. Not an assent alone (可以的。, Sure.), help to decide (我们帮您评估), an offer
  of another thing (我们支持SaaS) or a denial;
- another party's denial or lack, then ours in a pronoun or in the next sentence (竞品A不支持私有化部署。我们支持。,
  竞品A缺少私有化部署能力，我们具备, 竞品A无法私有化部署，我们可以; "Competitor X does not offer ... We do.", "While
  competitor X lacks ..., we offer it"), and another party's offer shared in more words (竞品A支持私有化部署，我们也同样
  支持; "Competitor X offers ..., and we offer it too") - `keywords/parties.py`. Not ours denied too (我们也不支持, "We
  do not either"), nor an offer of another thing;
- a table that compares parties or editions column by column (| 功能 | 竞品A | 我们 | over | 私有化部署 | ❌ | ✅ |,
  | Feature | Standard | Enterprise | over | No | Yes |): the point is ours as our column marks it - v67 read the
  first mark only, and so credited | ✅ | ❌ | under 竞品A, 我们 (another party's tick, our cross), which v68 no longer
  does, nor | - | under 我们 (v66's Left); with editions of ours and no column of ours, a tick in any edition
  offers it. Not a column of a later version
  (| 当前版本 | 下一版本 |, | Current | Next release |) - `keywords/parties.py` `marked_in_our_column`;
- and, found beside them, the other party's rules of v67 read with the answer's line breaks: under a heading
  (## 结论 / 竞品A缺少私有化部署能力，我们具备) v67 read the heading's line as the sentence's first part, so missed the
  right answers and credited the wrong ones (## 结论 / 竞品A支持私有化部署，我们仅提供公有云版本); and a question
  answered by an offer if the user wants it (如果需要，我们可以提供; "If so, we can provide it") or by both of an
  alternative (两者我们都支持, "We support both"); a table's row right after a heading is a first cell, as one after a
  line of prose is since v67 (## 结论 / | 私有化部署 | ✗ |, `keywords/rejected.py` `_first_cell`).
"""

from __future__ import annotations

import pytest
from scorer_rows import CN, charged, check_status

from pytest_llmeval.evaluation.scoring import SCORER_VERSION

C, N = "covered", "not covered"
P = "私有化部署"
E = "on-premise deployment"


def _table(header: str, marks: str, label: str = P) -> str:
    columns = header.count("|") - 1
    return f"{header}\n|{'---|' * columns}\n| {label} | {marks} |"


ROWS: list[tuple[str, str, str]] = [
    # a question of what the user wants, answered by an assent and the offer
    (P, "您需要私有化部署吗？可以的，我们支持。", C),
    (P, "您需要私有化部署吗？当然可以，我们支持。", C),
    (P, "您需要私有化部署吗？没问题，我们支持。", C),
    (P, "您需要私有化部署吗？好的，我们可以提供。", C),
    (P, "您需要私有化部署吗？我们目前已经支持。", C),
    (P, "您需要私有化部署吗？我们已支持。", C),
    (P, "您需要私有化部署吗？我们可以为您提供。", C),
    (P, "您需要私有化部署吗？这个我们支持。", C),
    (P, "您需要私有化部署吗？支持的。", C),
    (P, "您问的是私有化部署吗？支持。", C),
    (E, "Would you like on-premise deployment? Sure - we offer it.", C),
    (E, "Do you need on-premise deployment? No problem, we support it.", C),
    (E, "Do you need on-premise deployment? Good news: we support it.", C),
    (E, "Do you need on-premise deployment? Great - we support it.", C),
    (E, "Do you need on-premise deployment? Yes, we offer it.", C),
    (P, "您是否需要私有化部署？如果需要，我们可以提供。", C),
    (P, "您需要私有化部署还是SaaS？两者我们都支持。", C),
    (E, "Do you need on-premise deployment? If so, we can provide it.", C),
    (E, "Do you prefer on-premise deployment or SaaS? We support both.", C),
    (P, "您是否需要私有化部署？如果需要，我们可以帮您评估。", N),
    (P, "您是否需要私有化部署？如果需要，需另行评估。", N),
    (P, "您是否需要私有化部署？如果需要，请联系销售。", N),
    (P, "您需要私有化部署还是SaaS？我们只支持SaaS。", N),
    (P, "您需要私有化部署还是SaaS？两者我们都不支持。", N),
    (E, "Do you need on-premise deployment? If so, we can check.", N),
    (E, "Do you prefer on-premise deployment or SaaS? We support only SaaS.", N),
    (P, "您需要私有化部署吗？", N),
    (P, "您需要私有化部署吗？可以的。", N),
    (P, "您需要私有化部署吗？好的。", N),
    (P, "您需要私有化部署吗？可以的，我们帮您评估。", N),
    (P, "您需要私有化部署吗？我们可以为您评估。", N),
    (P, "您需要私有化部署吗？没问题，我们支持SaaS。", N),
    (P, "您需要私有化部署吗？支持SaaS。", N),
    (P, "您需要私有化部署吗？不支持。", N),
    (P, "您需要私有化部署吗？目前不支持。", N),
    (P, "您需要私有化部署吗？我们已停止提供。", N),
    (P, "您问的是私有化部署吗？不支持。", N),
    (P, "需要我帮您确认是否支持私有化部署吗？好的。", N),
    (E, "Would you like on-premise deployment? Sure.", N),
    (E, "Would you like on-premise deployment? Sure - we can check.", N),
    (E, "Do you need on-premise deployment? No problem, we support SaaS.", N),
    (E, "Do you need on-premise deployment? Great - we can assess it.", N),
    (E, "Do you need on-premise deployment? We don't support it.", N),
    (E, "Do you need on-premise deployment? Good news: we support SaaS.", N),
    # another party's denial or lack, then ours; another's offer shared in more words
    (P, "竞品A不支持私有化部署。我们支持。", C),
    (P, "竞品A不支持私有化部署，而我们支持。", C),
    (P, "竞品A缺少私有化部署能力，我们具备。", C),
    (P, "竞品A无法私有化部署，我们可以。", C),
    (P, "竞品A支持私有化部署，我们也同样支持。", C),
    (P, "竞品A支持私有化部署，我们也同样支持，而且价格更低。", C),
    (E, "Competitor X does not offer on-premise deployment. We do.", C),
    (E, "While competitor X lacks on-premise deployment, we offer it.", C),
    (E, "Competitor X offers on-premise deployment, and we offer it too.", C),
    (E, "Competitor X offers on-premise deployment, and we offer it as well.", C),
    (P, "竞品A不支持私有化部署。我们也不支持。", N),
    (P, "竞品A不支持私有化部署。我们支持SaaS。", N),
    (P, "竞品A缺少私有化部署能力，我们也缺少。", N),
    (P, "竞品A缺少私有化部署能力，我们提供SaaS。", N),
    (P, "竞品A无法私有化部署，我们可以帮您评估。", N),
    (P, "竞品A支持私有化部署，我们也同样不支持。", N),
    (P, "竞品A支持私有化部署，我们不支持。", N),
    (P, "竞品A支持私有化部署，我们仅提供公有云版本。", N),
    (P, "竞品A缺少私有化部署能力。", N),
    (E, "Competitor X does not offer on-premise deployment. We do not either.", N),
    (E, "Competitor X does not offer on-premise deployment. We don't.", N),
    (E, "While competitor X lacks on-premise deployment, we lack it too.", N),
    (E, "While competitor X lacks on-premise deployment, we offer SaaS.", N),
    (E, "Competitor X offers on-premise deployment, and we offer SaaS too.", N),
    (E, "Competitor X offers on-premise deployment; we offer a cloud version.", N),
    (E, "Competitor X lacks on-premise deployment.", N),
    # under a heading: its line is no part of the sentence's first part
    (P, "## 结论\n\n竞品A缺少私有化部署能力，我们具备。", C),
    (P, "## 结论\n\n竞品不支持私有化部署，我们支持。", C),
    (P, "**结论**\n竞品A不支持私有化部署。我们支持。", C),
    (E, "## Summary\n\nWhile competitor X lacks on-premise deployment, we offer it.", C),
    (P, "## 结论\n\n竞品A支持私有化部署，我们仅提供公有云版本。", N),
    (P, "## 结论\n\n竞品不支持私有化部署，我们也不支持。", N),
    (E, "**Summary**\nCompetitor X offers on-premise deployment; we do not.", N),
    (E, "## Summary\n\nOnly competitors offer on-premise deployment.", N),
    (P, "## 结论\n\n| 私有化部署 | ✗ |", N),
    (E, "## Summary\n\n## Details\n\n| On-premise deployment | ✗ |", N),
    (P, "## 结论\n\n| 私有化部署 | ✅ |", C),
    (E, "## Summary\n\n| On-premise deployment | ✓ |", C),
    # a table that compares parties or editions
    (P, _table("| 功能 | 竞品A | 我们 |", "❌ | ✅"), C),
    (P, _table("| 功能 | 竞品A | 我们 |", "不支持 | 支持"), C),
    (P, _table("| 功能 | 我们 | 竞品A |", "✅ | ❌"), C),
    (P, _table("| 功能 | 竞品A | 本产品 |", "❌ | ✅"), C),
    (P, _table("| 功能 | 竞品A | 我方 |", "❌ 不支持 | ✅ 支持"), C),
    (P, _table("| 功能 | 竞品A | 我方 |", "✅ 支持 | ❌ 不支持"), N),
    (P, _table("| 功能 | 我方 | 竞品A |", "❌ 不支持 | ✅ 支持"), N),
    (P, _table("| 功能 | 标准版 | 企业版 |", "❌ | ✅"), C),
    (P, _table("| 功能 | 标准版 | 企业版 |", "✅ | ❌"), C),
    (P, _table("| 功能 | SaaS版 | 私有化版 |", "❌ | ✅"), C),
    (E, _table("| Feature | Competitor X | Us |", "❌ | ✅", "On-premise deployment"), C),
    (E, _table("| Feature | Standard | Enterprise |", "❌ | ✅", "On-premise deployment"), C),
    (E, _table("| Feature | Basic plan | Enterprise plan |", "No | Yes", "On-premise deployment"), C),
    (P, _table("| 功能 | 竞品A | 我们 |", "✅ | ❌"), N),
    (P, _table("| 功能 | 竞品A | 我们 |", "支持 | 不支持"), N),
    (P, _table("| 功能 | 竞品A | 我们 |", "✅ | 否"), N),
    (P, _table("| 功能 | 我们 | 竞品A |", "- | 支持"), N),
    (P, _table("| 功能 | 竞品A | 我们 |", "✅ | —"), N),
    (P, _table("| 功能 | 我们 | 竞品A |", "支持 | -"), C),
    (P, _table("| 功能 | 我们 | 竞品A |", "❌ | ✅"), N),
    (P, _table("| 功能 | 当前版本 | 下一版本 |", "❌ | ✅"), N),
    (P, _table("| 功能 | 标准版 | 企业版 |", "❌ | ❌"), N),
    (E, _table("| Feature | Competitor X | Us |", "✅ | ❌", "On-premise deployment"), N),
    (E, _table("| Feature | Us | Competitor X |", "No | Yes", "On-premise deployment"), N),
    (E, _table("| Feature | Current | Next release |", "❌ | ✅", "On-premise deployment"), N),
    (E, _table("| Feature | Standard | Enterprise |", "No | No", "On-premise deployment"), N),
]


def test_version() -> None:
    assert SCORER_VERSION >= 68


@pytest.mark.parametrize(("point", "answer", "expected"), ROWS)
def test_rows(point: str, answer: str, expected: str) -> None:
    check_status(point, answer, expected, CN)


def test_forbidden_claims_ours_after_anothers_and_in_our_column() -> None:
    """A forbidden claim we offer after another party's denial or beside its offer, or that our column of a comparison
    table ticks, is charged (v67 charged none of the tables: a cross anywhere in the row disclaimed it); one we deny
    too, or that only another party's column ticks, is not."""
    assert charged("保证收益", "竞品A不提供保证收益。我们提供。")
    assert charged("保证收益", "竞品A缺少保证收益，我们具备。")
    assert charged("保证收益", "竞品A提供保证收益，我们也同样提供。")
    assert charged("guaranteed returns", "Competitor X does not offer guaranteed returns. We do.")
    assert charged("guaranteed returns", "Competitor X offers guaranteed returns, and we offer it too.")
    assert charged("保证收益", _table("| 项目 | 竞品A | 我们 |", "❌ | ✅", "保证收益"))
    assert charged("guaranteed returns", _table("| Item | Standard | Enterprise |", "No | Yes", "Guaranteed returns"))
    assert not charged("保证收益", "竞品A不提供保证收益。我们也不提供。")
    assert not charged("guaranteed returns", "Competitor X does not offer guaranteed returns. We do not either.")
    assert not charged("保证收益", "竞品A提供保证收益，我们仅提供浮动收益。")
    assert not charged("保证收益", _table("| 项目 | 竞品A | 我们 |", "✅ | ❌", "保证收益"))
    assert not charged("guaranteed returns", _table("| Item | Competitor X | Us |", "✅ | ❌", "Guaranteed returns"))
