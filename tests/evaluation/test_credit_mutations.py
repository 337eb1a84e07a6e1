"""A fixed, seeded sample of the wrong-credit mutation sweep (benchmarks/credit_mutations.py): covered rows of the
scorer tests made wrong on purpose - figure, unit, negation, subject, a forecast belied, condition (v51), question,
tag question (v51), rejected claim, a verb of holding denied (v52), a strict bound, a range, a change by the figure, a
part or multiple of it and another holder's (v53), the figure superseded by a later period's value (v55) or, for a
bare point, moved since to another level (v56), another's claim not adopted (v58), the figure in another metric's
row of a table, JSON, key: value lines or arrows (v63), and (v67) the text kinds of a point with no figure (denied in
words, another party's, asked about, a separate assessment, the past, not made yet, out of
scope, advised against, an unticked box, a ✗ cell) - must not be covered, so a later change that re-opens one of
these classes fails here. The whole sweep runs as the benchmark script."""

from __future__ import annotations

import re
from types import ModuleType
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

from pytest_llmeval.evaluation.numbers import NumberForms

ROWS_SAMPLED = 120  # covered rows, seeded: about 700 mutations, 450 of them scored, with every v49 row's
MUTATIONS_SCORED = 450
SEED = 49


@pytest.fixture(scope="module")
def sweep_module() -> ModuleType:
    return load_benchmark("credit_mutations")


@pytest.fixture(scope="module")
def sampled(sweep_module: ModuleType) -> Any:
    """Every mutation of the right answers pinned by test_scorer_v49 and test_scorer_v51 (beside the classes they
    closed), then a seeded sample of the mutations of the other covered rows."""
    rows = sweep_module.covered_rows()
    pinned = [row for row in rows if row in _pinned_covered_rows()]
    others = sweep_module.random.Random(SEED).sample([row for row in rows if row not in pinned], ROWS_SAMPLED)
    return sweep_module.joined(sweep_module.sweep(pinned), sweep_module.sweep(others, MUTATIONS_SCORED, SEED))


def _pinned_covered_rows() -> list[tuple[str, str, NumberForms | None, str]]:
    from test_scorer_v49 import ALL_ROWS as V49_ROWS
    from test_scorer_v51 import ALL_ROWS as V51_ROWS
    from test_scorer_v52 import ALL_ROWS as V52_ROWS

    return [row for row in V49_ROWS + V51_ROWS + V52_ROWS if row[3] == "covered"]


def test_the_sample_is_a_real_sweep(sampled: Any) -> None:
    """n = the seeded sample: hundreds of mutations over every kind, so an empty sweep cannot pass the next test."""
    assert sampled.made >= MUTATIONS_SCORED + 50
    kinds = {"figure", "unit", "negation", "subject", "belied", "condition", "question", "tag question", "rejected"}
    kinds.add("held negated")  # v52
    kinds |= {"strict bound", "range", "change", "multiple", "another holder"}  # v53
    kinds.add("offer")  # v54
    kinds.add("superseded")  # v55
    kinds.add("moved")  # v56
    kinds.add("claimed")  # v58
    kinds.add("marked")  # v66
    kinds.add("former")  # v81
    kinds |= {"no evidence", "dismissed"}  # v87
    kinds.add("missed goal")  # v89
    assert kinds <= set(sampled.by_kind)


def test_no_kind_is_reported_apart(sweep_module: ModuleType) -> None:
    """v51: conditions count as wrong credit - no kind of mutation is credited by a decision any more."""
    assert sweep_module.DECIDED == {}


def test_no_other_row_is_credited(sweep_module: ModuleType) -> None:
    """v63: every "other row" mutation (rare in the seeded sample: a sentence that only says subject - copula -
    figure) is scored - the structures v63 reads (a table of several metrics, JSON, key: value lines, a unit in the
    header, arrows) with the point's figure in another metric's row."""
    rows = [
        row
        for row in sweep_module.covered_rows()
        if any(m.kind == "other row" for m in sweep_module.mutants(row, False)[0])
    ]
    swept = sweep_module.sweep(rows)
    assert swept.by_kind["other row"] >= 100
    wrong = [(m.kind, m.row[0], m.answer) for m in swept.still_covered if m.kind not in sweep_module.DECIDED]
    assert wrong == [], wrong[:10]


def test_no_amount_in_another_currency_is_credited(sweep_module: ModuleType) -> None:
    """v113: every "another currency" mutation (of the rows whose point is one amount in 元 or 美元) is scored - the
    point put in each of the six currencies the scorer reads by sign, code and name, the answer's amount in each
    other one."""
    rows = [row for row in sweep_module.covered_rows() if sweep_module.another_currency_mutants(row, False)[0]]
    swept = sweep_module.sweep(rows)
    assert swept.by_kind["another currency"] >= 3000
    wrong = [(m.kind, m.row[0], m.answer) for m in swept.still_covered if m.kind not in sweep_module.DECIDED]
    assert wrong == [], wrong[:10]


@pytest.mark.parametrize(
    ("point", "answer", "made"),
    [
        ("1200万元", "合同金额为1200万元。", 60),
        ("合同金额500美元", "合同金额为500美元。", 60),
        ("1200万元", "合同金额为人民币1200万元。", 0),  # another name of its currency beside it
        ("1200万元", "1200万元，另付1200万元。", 0),  # not once
        ("20个月", "回收期为20个月。", 0),
    ],
)
def test_another_currency_is_made_of_an_amount_written_once(
    sweep_module: ModuleType, point: str, answer: str, made: int
) -> None:
    """v113: the point in each of six currencies (its unit, its sign), the answer's amount in each other one."""
    mutants, _ = sweep_module.another_currency_mutants((point, answer, None, "covered"), False)
    assert len(mutants) == made
    if made:
        by_point = {m.row[0]: m.answer for m in mutants if m.row[0].endswith("欧元")}
        assert len(by_point) == 1 and all(m.kind == "another currency" for m in mutants)
        assert "欧元" not in next(iter(by_point.values()))


def test_no_wrong_answer_is_credited(sweep_module: ModuleType, sampled: Any) -> None:
    wrong = [(m.kind, m.row[0], m.answer) for m in sampled.still_covered if m.kind not in sweep_module.DECIDED]
    assert wrong == [], f"{len(wrong)} of {sampled.made} mutated (wrong) answers still covered: {wrong[:10]}"


@pytest.mark.parametrize(
    ("point", "answer", "kind", "mutated"),
    [
        ("回收期20个月", "回收期为20个月。", "figure", "回收期为21个月。"),
        ("回收期20个月", "回收期为20个月。", "figure", "回收期为120个月。"),
        ("回收期20个月", "回收期为20个月。", "unit", "回收期为20天。"),
        ("回收期20个月", "回收期为20个月。", "negation", "回收期并非为20个月。"),
        ("回收期20个月", "回收期为20个月。", "question", "回收期为20个月吗？"),
        ("回收期20个月", "回收期为20个月。", "condition", "如果回收期为20个月，项目就值得做。"),
        ("回收期20个月", "回收期为20个月。", "tag question", "回收期为20个月，对吗？"),
        ("回收期20个月", "回收期为20个月。", "question, no mark", "回收期为20个月吗。"),  # v114
        ("回收期20个月", "回收期为20个月。", "offer", "需要我帮您核实回收期为20个月吗？"),
        ("ROI 20%", "The ROI is 20%.", "offer", "Would you like me to check whether the ROI is 20%?"),
        ("ROI 20%", "The ROI is 20%.", "condition", "If the ROI is 20%, the project is worth doing."),
        ("ROI 20%", "The ROI is 20%, above target.", "tag question", "The ROI is 20%, right? Above target."),
        ("回收期20个月", "回收期为20个月。", "rejected", "有人说回收期为20个月，这是错误的。"),
        ("ROI 20%", "The ROI is 20%.", "subject", "The IRR is 20%."),
        ("ROI 20%", "The ROI is 20%.", "negation", "The ROI is not 20%."),
        ("ROI 20%", "The ROI is 20%.", "unit", "The ROI is 20个百分点."),
        ("ROI 20%", "The ROI is 20%, above target.", "question", "Is it true that the ROI is 20%? Above target."),
        ("毛利率20%", "- 毛利率：20%", "subject", "- 净利率：20%"),
        ("回收期20个月", "回收期为20个月。", "belied", "回收期预计为20个月，但实际只有26个月。"),
        ("ROI 20%", "The ROI is 20%.", "belied", "The ROI is projected at 20%, but in fact it is 26%."),
        ("20个月", "一般需要二十个月。", "figure", "一般需要二十一个月。"),
        # v52: a verb of holding denied
        ("ROI 20%", "ROI仍有20%。", "held negated", "ROI仍没有20%。"),
        ("ROI 20%", "ROI维持在20%。", "held negated", "ROI未能维持在20%。"),
        ("ROI 20%", "The ROI stays at 20%.", "held negated", "The ROI no longer stays at 20%."),
        # v53: a strict bound, a range, a change, a part or multiple, another holder
        ("回收期20个月", "回收期为20个月。", "strict bound", "回收期超过20个月。"),
        ("回收期20个月", "回收期为20个月。", "strict bound", "回收期不到20个月。"),
        ("ROI 20%", "The ROI is 20%.", "strict bound", "The ROI is more than 20%."),
        ("ROI 20%", "The ROI is 20%.", "strict bound", "The ROI is less than 20%."),
        ("回收期20个月", "回收期为20个月。", "range", "回收期为15-25个月。"),
        ("回收期20个月", "回收期为20个月。", "range", "回收期为15个月到25个月。"),
        ("ROI 20%", "The ROI is 20%.", "range", "The ROI is between 15% and 25%."),
        ("回收期20个月", "回收期为20个月。", "range", "回收期为20个月（乐观）至25个月（保守）。"),  # v87
        ("ROI 20%", "The ROI is 20%.", "range", "The ROI is 20% (best case) to 25% (worst case)."),
        ("ROI 20%", "ROI为20%。", "change", "ROI增加了20%。"),
        ("ROI 20%", "ROI为20%。", "change", "ROI比去年高20%。"),
        ("ROI 20%", "The ROI is 20%.", "change", "The ROI rose by 20%."),
        ("ROI 20%", "The ROI is 20%.", "change", "The ROI is 20% higher than last year."),
        ("回收期20个月", "回收期为20个月。", "multiple", "回收期为20个月的一半。"),
        ("回收期20个月", "回收期为20个月。", "multiple", "回收期为20个月的两倍。"),
        ("ROI 20%", "The ROI is 20%.", "multiple", "The ROI is half of 20%."),
        ("ROI 20%", "ROI为20%。", "another holder", "竞争对手的ROI为20%。"),
        ("ROI 20%", "The ROI is 20%.", "another holder", "A competitor's ROI is 20%."),
        # v55: the clause given as an earlier period's value, a later period's other value after it
        ("ROI 20%", "ROI为20%。", "superseded", "去年ROI为20%，今年为26%。"),
        ("ROI 20%", "ROI为20%。", "superseded", "去年ROI为20%，目前为26%。"),
        ("回收期20个月", "回收期为20个月，项目可行。", "superseded", "去年回收期为20个月，今年为26个月。项目可行。"),
        ("ROI 20%", "The ROI is 20%.", "superseded", "Last year, the ROI is 20%; this year it is 26%."),
        ("ROI 20%", "The ROI is 20%.", "superseded", "A year ago, the ROI is 20%; now it is 26%."),
        (
            "contract $1.2 million",
            "The contract is $1.2 million.",
            "superseded",
            "Last year, the contract is $1.2 million; this year it is $7.2 million.",
        ),
        # v56: a bare point's clause given as last year's value, its quantity moved since to another level
        ("20个月", "回收期为20个月。", "moved", "去年回收期为20个月，目前已增至26个月。"),
        ("20个月", "回收期为20个月。", "moved", "去年回收期为20个月，今年已增至26个月。"),
        ("20%", "The ROI is 20%.", "moved", "A year ago, the ROI is 20%; it has since grown to 26%."),
        # v81: the clause marked as a former value by a time gone by, a superseded estimate or a change since
        ("20个月", "回收期为20个月。", "former", "过去回收期为20个月，如今为26个月。"),
        ("20个月", "回收期为20个月。", "former", "曾经回收期为20个月，后来升至26个月。"),
        ("20个月", "回收期为20个月。", "former", "此前预计回收期为20个月，最新预计为26个月。"),
        ("ROI 20%", "The ROI is 20%.", "former", "In the past the ROI is 20%; it is now 26%."),
        ("ROI 20%", "The ROI is 20%.", "former", "Earlier the ROI is 20%, but it has since risen to 26%."),
        # v58: the clause given as another's claim, not adopted
        ("回收期20个月", "回收期为20个月。", "claimed", "某些厂商声称回收期为20个月。"),
        ("回收期20个月", "回收期为20个月。", "no evidence", "没有任何证据表明回收期为20个月。"),  # v87
        ("回收期20个月", "回收期为20个月。", "dismissed", "说回收期为20个月，那是天方夜谭。"),
        ("ROI 20%", "The ROI is 20%.", "no evidence", "There is no evidence that the ROI is 20%."),
        ("ROI 20%", "The ROI is 20%.", "dismissed", "To say that the ROI is 20% is pure fantasy."),
        ("回收期20个月", "回收期为20个月。", "missed goal", "回收期为20个月是目标，但没有实现。"),  # v89
        ("ROI 20%", "The ROI is 20%.", "missed goal", "The ROI is 20% was the goal, but we missed it."),
        ("回收期20个月", "回收期为20个月。", "compared", "回收期较去年的20个月有所增加。"),
        (
            "回收期20个月",
            "The payback period is 20 months.",
            "compared",
            "The payback period is 26 months vs. 20 months last year.",
        ),
        ("ROI 20%", "The ROI is 20%.", "claimed", "Some vendors claim that the ROI is 20%."),
        # v63: the figure in another metric's row, the subject holding another figure
        ("ROI 20%", "ROI为20%。", "other row", "| 指标 | 数值 |\n|---|---|\n| IRR | 20% |\n| ROI | 21% |\n"),
        ("ROI 20%", "The ROI is 20%.", "other row", '{"IRR": "20%", "ROI": "21%"}'),
        ("ROI 20%", "ROI为20%。", "other row", "IRR：20%\nROI：21%"),
        ("ROI 20%", "ROI为20%。", "other row", "| 指标 | 数值（%） |\n|---|---|\n| IRR | 20 |\n| ROI | 21 |\n"),
        ("回收期20个月", "- 回收期：20个月", "other row", "- 交付周期 → 20个月\n- 回收期 → 21个月"),
        # v64: the figure labelled a target's or another holder's
        ("ROI 20%", "ROI为20%。", "labelled", "ROI为20%（目标）。"),
        ("回收期20个月", "回收期为20个月。", "labelled", "回收期为20个月（竞品数据）。"),
        ("ROI 20%", "The ROI is 20%.", "labelled", "The ROI is 20% (competitor's figure)."),
        # v66: named in more words; a verdict mark after the figure's colon, then words
        ("ROI 20%", "ROI为20%。", "labelled", "ROI为20%（竞争对手A公司的数据）。"),
        ("ROI 20%", "The ROI is 20%.", "labelled", "The ROI is 20% (annual target)."),
        ("回收期20个月", "回收期为20个月。", "marked", "回收期为20个月：❌ 该数字有误。"),
        ("ROI 20%", "The ROI is 20%.", "marked", "The ROI is 20%: ❌ not accurate."),
    ],
)
def test_mutations_made(sweep_module: ModuleType, point: str, answer: str, kind: str, mutated: str) -> None:
    made, _ = sweep_module.mutants((point, answer, None, "covered"), False)
    assert mutated in [m.answer for m in made if m.kind == kind], [m.answer for m in made if m.kind == kind]


@pytest.mark.parametrize(
    ("point", "answer", "forms", "why"),
    [
        ("20个月", "回收期不是24个月，而是20个月。", None, "sentence already negated, conditional or a question"),
        ("20个月", "回收期为20个月，即20个月后回本。", None, "figure not once in the answer"),
        ("20 months", "Payback: twenty (20) months.", None, "figure not once in the answer"),
        ("20个月", '{"回收期": "20个月"}', None, "answer is JSON, code or a table (no sentence to rewrite)"),
        ("20个月", "只要20个月就能回本。", None, "sentence already negated, conditional or a question"),
    ],
)
def test_undecidable_mutations_are_skipped(
    sweep_module: ModuleType, point: str, answer: str, forms: NumberForms | None, why: str
) -> None:
    """A mutation that might not make the answer wrong (a second negation, the figure said twice or in words) is
    skipped and counted, not scored."""
    made, skipped = sweep_module.mutants((point, answer, forms, "covered"), False)
    assert made == [] and skipped == [why]


@pytest.mark.parametrize(
    ("point", "answer", "kind", "why"),
    [
        # v58: a claim's verb put before a clause with a part break before its figure reaches no further than the break
        (
            "20个月",
            "回收期24个月，培训周期20个月。",
            "claimed",
            "claimed: a part break, a contrast or another figure before the figure in its clause",
        ),
        (
            "ROI 20%",
            "ROI为20%。",
            "target",
            "target: a plan stated alone is not surely wrong (v48: targets are right answers missed)",
        ),
        (
            "20%",
            "ROI为20%。",
            "change",
            "change: a bare figure may be the size of the change asked (v20: Prices rose by 20%)",
        ),
        ("ROI 20%", "ROI：20%", "change", "change: no copula (为, 是, is, was) right before the figure"),
        ("至少20%", "ROI为至少20%。", "strict bound", "misread: the point is a bound, a change or a multiple itself"),
        ("ROI 20%", "ROI约为20%。", "strict bound", "misread: an approximation stands before the figure"),
        (
            "ROI 20%",
            "投资回报率（ROI）为20%。",
            "another holder",
            "another holder: no single plain name of the point's subject right before the figure",
        ),
    ],
)
def test_unsure_misreadings_are_skipped(sweep_module: ModuleType, point: str, answer: str, kind: str, why: str) -> None:
    """v53: a misreading that might not make the answer wrong - a target (v48 counts one a right answer missed), a
    change of a bare figure (the point may be the change), a bound before a point that is a bound, an approximation
    before the figure, a subject restated in brackets - is skipped and counted, not made."""
    made, skipped = sweep_module.mutants((point, answer, None, "covered"), False)
    assert why in skipped and kind not in {m.kind for m in made}


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        (
            "您问ROI是多少，答案是20%。",
            "condition: the clause frames the user's question or a topic (v52: 如果您问…, 如果说到…)",
        ),
        (
            "You asked about the ROI: it is 20%.",
            "condition: the clause frames the user's question or a topic (v52: If you asked about ...)",
        ),
    ],
)
def test_no_condition_is_made_of_a_framed_question(sweep_module: ModuleType, answer: str, why: str) -> None:
    """v52: 如果 or If before the user's question framed conditions the asking, not the figure: skipped and counted."""
    made, skipped = sweep_module.mutants(("ROI 20%", answer, None, "covered"), False)
    assert why in skipped and "condition" not in {m.kind for m in made}


@pytest.mark.parametrize(
    ("point", "answer", "why"),
    [
        ("costs 20%", "Costs fell by 20%.", "superseded: the point or the clause is a bound, a change or a multiple"),
        ("20%", "The ROI is 20%.", "superseded: a bare point may ask any period's value"),
        ("$1.2 million", "The contract is worth $1.2 million.", "superseded: a bare point may ask any period's value"),
        ("ROI 20%", "The ROI last year was 20%.", "superseded: the clause or the point names a period or a time"),
        ("去年ROI 20%", "ROI为20%。", "superseded: the clause or the point names a period or a time"),
        ("ROI 20%", "ROI and IRR are 20% and 15%.", "superseded: the clause holds another figure"),
        ("team 20", "The team has 20 people.", "superseded: the point's unit does not follow the figure in the clause"),
        ("ROI 20%", "The ROI is 20%.", "moved: a point that names its subject is made superseded instead"),
        ("20%", "The ROI last year was 20%.", "moved: the clause or the point names a period or a time"),
        ("20%", "ROI and IRR are 20% and 15%.", "moved: the clause holds another figure"),
    ],
)
def test_unsure_supersessions_are_skipped(sweep_module: ModuleType, point: str, answer: str, why: str) -> None:
    """v55: no superseded mutation is made where "this year it is 26%" might not give the subject a new level - a
    change (this year's change), a period already named (two periods would stack), a list (which subject?), a
    figure with no unit of the point's - or where the point is bare (it may ask last year's value)."""
    made, skipped = sweep_module.mutants((point, answer, None, "covered"), False)
    assert why in skipped and why.split(":")[0] not in {m.kind for m in made}


TEXT_ROWS_SAMPLED = 40  # v67: covered rows whose point holds no figure, seeded (about 400 mutations)
TEXT_KINDS = {
    "text: negated",
    "text: another party",
    "text: question",
    "text: condition",
    "text: past",
    "text: advised against",
    "text: unchecked",
    "text: table",
    "text: not yet",
    "text: out of scope",
    "text: comparison table",  # v68
    "text: under a heading",  # v68
    "text: excluded",  # v86
}


def test_no_text_mutant_is_credited(sweep_module: ModuleType) -> None:
    """v67: a seeded sample of the covered rows whose point holds no figure (a feature, a policy, a recommendation),
    each made wrong in every text kind - denied in words (从未提供, 已停止提供, has been discontinued), given to another
    party, asked about or offered to check, left to a separate assessment, given as the past, advised against, an
    unticked box, a ✗ or 否 cell - must not be covered (v66 credited 1,130 of the whole sweep's 1,532)."""
    rows = sweep_module.covered_text_rows()
    sampled = sweep_module.random.Random(SEED).sample(rows, min(TEXT_ROWS_SAMPLED, len(rows)))
    swept = sweep_module.text_sweep(sampled)
    assert swept.made >= 300 and TEXT_KINDS <= set(swept.by_kind)
    wrong = [(m.kind, m.row[0], m.answer) for m in swept.still_covered]
    assert wrong == [], f"{len(wrong)} of {swept.made} mutated (wrong) answers still covered: {wrong[:10]}"


@pytest.mark.parametrize(
    ("point", "answer", "kind", "mutated"),
    [
        ("私有化部署", "支持私有化部署。", "text: negated", "我们从未提供私有化部署。"),
        ("私有化部署", "支持私有化部署。", "text: negated", "私有化部署已停止提供。"),
        ("私有化部署", "- 私有化部署：✅", "text: negated", "- 私有化部署已不再提供。"),
        ("SaaS", "We recommend SaaS.", "text: negated", "SaaS has been discontinued."),
        ("私有化部署", "支持私有化部署。", "text: another party", "竞品A支持私有化部署，我们仅提供公有云版本。"),
        ("SaaS", "We recommend SaaS.", "text: another party", "Competitor X offers SaaS; we do not."),
        ("私有化部署", "支持私有化部署。", "text: question", "是否支持私有化部署需要确认。"),
        ("SaaS", "We recommend SaaS.", "text: question", "Would you like SaaS?"),
        ("私有化部署", "支持私有化部署。", "text: condition", "如需私有化部署，需另行评估。"),
        ("私有化部署", "支持私有化部署。", "text: past", "曾支持私有化部署，现已下线。"),
        ("私有化部署", "支持私有化部署。", "text: advised against", "不建议私有化部署。"),
        ("私有化部署", "支持私有化部署。", "text: unchecked", "- [ ] 私有化部署"),
        ("私有化部署", "支持私有化部署。", "text: not yet", "私有化部署正在开发中。"),
        ("SaaS", "We recommend SaaS.", "text: not yet", "SaaS is on our roadmap."),
        ("私有化部署", "支持私有化部署。", "text: out of scope", "私有化部署不在我们的服务范围内。"),
        ("SaaS", "We recommend SaaS.", "text: out of scope", "SaaS is not in scope."),
        ("SaaS", "We recommend SaaS.", "text: past", "We used to offer SaaS."),
        # v86: the one left out of what is offered; denials in other words
        ("私有化部署", "支持私有化部署。", "text: excluded", "除私有化部署外，其他方式都支持。"),
        ("私有化部署", "支持私有化部署。", "text: excluded", "所有方案均支持，私有化部署除外。"),
        ("SaaS", "We recommend SaaS.", "text: excluded", "We support every option except SaaS."),
        ("SaaS", "We recommend SaaS.", "text: excluded", "We offer everything but SaaS."),
        ("私有化部署", "支持私有化部署。", "text: negated", "很遗憾，私有化部署这一需求我们无法满足。"),
        ("SaaS", "We recommend SaaS.", "text: negated", "SaaS is off the table."),
        ("私有化部署", "支持私有化部署。", "text: table", "| 功能 | 是否支持 |\n|---|---|\n| 私有化部署 | 否 |"),
        (
            "on-premises",
            "We recommend SaaS. On-premises works too.",
            "text: table",
            "We recommend SaaS.\n\n| On-premises | ✗ |",
        ),
        # v68: ours crossed beside another party's tick, a later version's tick; a question answered by no offer
        (
            "私有化部署",
            "支持私有化部署。",
            "text: comparison table",
            "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| 私有化部署 | ✅ | ❌ |",
        ),
        (
            "SaaS",
            "We recommend SaaS.",
            "text: comparison table",
            "| Feature | Current | Next release |\n|---|---|---|\n| SaaS | ❌ | ✅ |",
        ),
        ("私有化部署", "支持私有化部署。", "text: question", "您需要私有化部署吗？可以的，我们帮您评估。"),
        ("SaaS", "We recommend SaaS.", "text: question", "Would you like SaaS? Sure - we can check."),
        ("刘敏", "负责人是刘敏。", "text: a longer name", "负责人是刘敏琪。"),  # v92
        ("刘敏", "负责人是刘敏。", "text: a name denied", "刘敏并未参与该项目。"),  # v93
        ("苏州", "总部位于苏州。", "text: a street's name", "总部位于苏州河畔。"),  # v95
        ("苏州", "总部位于苏州。", "text: two names", "总部位于苏州或杭州。"),  # v104
        ("苏州", "总部位于苏州。", "text: an institution", "总部位于苏州银行。"),  # v104
        ("刘敏", "负责人是刘敏。", "text: two names", "是刘敏或王芳牵的线。"),  # v104
        ("王芳", "负责人是王芳。", "text: two names", "牵线人是李娜或王芳。"),  # v104
        ("刘敏", "负责人是刘敏。", "text: a relation did it", "是刘敏的同事牵的线。"),  # v104
        ("Liu Min", "Liu Min is in charge.", "text: a relation did it", "Liu Min's colleague made the introduction."),
        (
            "私有化部署",
            "支持私有化部署。",
            "text: under a heading",
            "## 结论\n\n竞品A支持私有化部署，我们仅提供公有云版本。",
        ),
    ],
)
def test_text_mutations_made(sweep_module: ModuleType, point: str, answer: str, kind: str, mutated: str) -> None:
    made, _ = sweep_module.text_mutants((point, answer, None, "covered"), False)
    assert mutated in [m.answer for m in made if m.kind == kind], [m.answer for m in made if m.kind == kind]


def test_no_longer_name_is_credited(sweep_module: ModuleType) -> None:
    """v92: every covered row whose point is a two-character person's name, the name made the start of another's
    (负责人是刘敏琪), is not covered - the sample above may hold none of these rows; v93: nor a person's name denied the
    part (刘敏并未参与该项目); v95: nor a place's name made a street's or a river's (总部位于苏州路); v104: nor a name
    guessed between two (总部位于苏州或杭州, 是刘敏或王芳牵的线), a relation of the person who did the part
    (是刘敏的同事牵的线) or an institution named after the place (总部位于苏州银行)."""
    rows = [row for row in sweep_module.covered_text_rows() if len(row[0]) <= 3]
    swept = sweep_module.text_sweep(rows)
    assert swept.by_kind["text: a longer name"] >= 10 and swept.by_kind["text: a name denied"] >= 30  # v93
    assert swept.by_kind["text: a street's name"] >= 30  # v95
    assert swept.by_kind["text: two names"] >= 30 and swept.by_kind["text: a relation did it"] >= 30  # v104
    assert swept.by_kind["text: an institution"] >= 30  # v104
    kinds = ("name", "relation", "institution")
    wrong = [(m.row[0], m.answer) for m in swept.still_covered if any(kind in m.kind for kind in kinds)]
    assert wrong == [], wrong


@pytest.mark.parametrize(
    ("point", "answer", "why"),
    [
        ("私有化部署", "支持私有化部署吗？其实支持。", "text: sentence already negated, conditional or a question"),
        ("私有化部署", "我们不推荐SaaS，推荐私有化部署。", "text: sentence already negated, conditional or a question"),
        ("私有化部署", "私有化部署，即私有化部署方案。", "text: the point not once in the answer"),
        ("私有化部署", "| 功能 | 私有化部署 |", "text: answer is JSON, code or a table (no sentence to rewrite)"),
        (
            "SaaS",
            "A. SaaS\nB. On-premises\n\nAnswer: A",
            "text: the answer picks an option by its letter (the rewrite may not touch the pick)",
        ),
        ("approved", '{"approved": "yes"}', "text: the point is a verdict word, a letter, a verb phrase or a question"),
        (
            "支持私有化部署",
            "支持私有化部署。",
            "text: the point is a verdict word, a letter, a verb phrase or a question",
        ),
        ("半年", "回收期为半年。", "text: the point holds a figure"),
    ],
)
def test_unsure_text_mutations_are_skipped(sweep_module: ModuleType, point: str, answer: str, why: str) -> None:
    """v67: a text mutation that might not make the answer wrong - a second negation or a question in its sentence,
    the point said twice, a table or JSON, an option picked by its letter, a point that is no feature - is skipped
    and counted, not made."""
    made, skipped = sweep_module.text_mutants((point, answer, None, "covered"), False)
    assert made == [] and skipped == [why]


def test_no_date_mutant_is_credited(sweep_module: ModuleType) -> None:
    """v78: every covered row whose point is a date only, its one date made a time after it, the start of a move to
    another date, or one of two dates offered (kinds "date: ..."), in whichever spelling the answer writes the date -
    none is credited; n = every such mutant of the shipped rows (35 of each kind when written)."""
    from scorer_rows import covered

    made = [m for row in sweep_module.covered_rows() for m in sweep_module.date_mutants(row)[0]]
    kinds = ("date: after", "date: moved", "date: among", "date: former")  # former: v81
    by_kind = {kind: [m for m in made if m.kind == kind] for kind in kinds}
    assert all(len(mutants) >= 20 for mutants in by_kind.values()), {k: len(v) for k, v in by_kind.items()}
    assert any(not re.search("[\u4e00-\u9fff]", m.answer) for m in made), "English answers are among them"
    credited = [(m.kind, m.row[0], m.answer) for m in made if covered(m.row[0], m.answer, m.row[2])]
    assert credited == []


def test_no_former_value_is_credited(sweep_module: ModuleType) -> None:
    """v81: every covered row's clause marked as a former value (过去…，如今为…; 曾经…，后来升至…; 此前预计…，最新预计
    为…; In the past …; it is now …; Earlier …, but it has since risen to …) - none is credited; n = every such mutant
    of the shipped rows (1,679 when written), so a rule narrowed to the sampled ones cannot pass."""
    from scorer_rows import covered

    made = [m for row in sweep_module.covered_rows() for m in sweep_module.mutants(row, False)[0] if m.kind == "former"]
    assert len(made) >= 1000
    credited = [(m.row[0], m.answer) for m in made if covered(m.row[0], m.answer, m.row[2])]
    assert credited == [], credited[:10]


def test_no_time_put_in_the_other_half_of_the_day_is_credited(sweep_module: ModuleType) -> None:
    """v79: every covered row whose point is a time of day, each time of its answer put in the other half of the day
    (上午 and 下午, am and pm swapped, a 24-hour clock's hour moved by 12) - none is credited; n = every such mutant
    of the shipped rows (37 when written)."""
    from scorer_rows import covered

    made = [m for row in sweep_module.covered_rows() for m in sweep_module.time_mutants(row)[0]]
    assert len(made) >= 25
    assert {"下午", "pm"} <= {word for m in made for word in ("下午", "pm") if word in m.row[1]}
    credited = [(m.row[0], m.answer) for m in made if covered(m.row[0], m.answer, m.row[2])]
    assert credited == []


def test_another_share_mutants_say_shares_the_change_does_not_reach(sweep_module: ModuleType) -> None:
    """v114: the answer's change said as a share of the former level it does not reach - never the one it does (70%
    for a fall of 30%) nor the former level itself (100%)."""
    made = sweep_module.another_share_mutants(("成本降低30%", "成本降低了30%。", None, "covered"), False)
    assert [m.answer for m in made] == [
        "成本降到原来的30%。",
        "成本降到原来的60%。",
        "成本降到原来的80%。",
        "成本提高到原来的130%。",
    ]
    assert all(m.kind == "another share of the former" for m in made)
    assert sweep_module.another_share_mutants(("20个月", "回收期为20个月。", None, "covered"), False) == []
