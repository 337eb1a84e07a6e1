"""The right-answer-missed sweep (benchmarks/miss_mutations.py): covered rows of the scorer tests rewritten in ways
that keep their meaning - an adverb or an approximation by the copula, the copula swapped, the figure in bold or in
quotes, full-width digits, a spaced unit, 左右 / "or so", a lead-in, a bullet, a label, a bold label, a table row, a
heading, a <think> block, the sentence repeated, the other language's punctuation, a tail clause, a citation, LaTeX,
the subject in bold or quotes, the sentence numbered, in bold or as a heading, the figure written before its subject
(v62), and (v63) JSON, key: value lines, a table of several metrics, a unit in the header, a code block, a nested list,
an emoji, a footnote mark, a spelled unit, no copula, a hard wrap, the figure restated after a derivation - must stay
covered, so a later change that starts missing one of these fails here. The whole sweep (about 39,700 rewrites,
20-25 s) runs here; and (v68) the text kinds of a point with no figure (a feature, a policy: the point in a bullet, a
key: value line, a table, a ticked box, JSON, beside a competitor, a plan, a question answered by the offer, a past
that still holds, another thing withdrawn, undecided or crossed, an adverb, an emoji, a footnote; about 4,900
rewrites, 4 s)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

from pytest_llmeval.evaluation.numbers import NumberForms

KINDS = {
    "adverb",
    "copula",
    "bold",
    "quoted",
    "full-width",
    "spaced unit",
    "or so",
    "lead-in",
    "bullet",
    "label",
    "bold label",
    "table row",
    "heading",
    "think",
    "repeated",
    "punctuation",
    "tail clause",
    "bold subject",
    "quoted subject",
    "numbered",
    "bold sentence",
    "as heading",
    "citation",
    "latex",
    "attributive",
    # v63 (P27): the formats real model answers take
    "json",
    "key-value",
    "table rows",
    "unit header",
    "code block",
    "nested",
    "emoji",
    "footnote",
    "spelled unit",
    "no copula",
    "hard wrap",
    "restated",
    # v111: the point rewritten with a link between its subject and figure, for its own answer
    "linked point",
    "signed point",
    "other currency",  # v113
    "subject with 的",  # v114
    "to a share of the former",  # v114
}
# misses left, per kind, with the reason (Left: in docs/scorer-versions.md's v60 paragraph)
# v61: the one heading miss (a blockquote after "## 结论") is covered. v62: 6 attributive rewrites whose subject's
# name ends a line with no end mark (项目有20%的ROI, a line break, 这个水平合理吗？; "... a 20% ROI", a line break,
# "Is that enough?") - the scorer reads the break as a space, and 20%的ROI 提升 (a change) is written so too
# v63: and a 7th attributive of the same class, made of a v63 row's key: value line (团队规模：12人, then "The project
# delivers a 20% ROI", then 风险：低)
# v78: the 4 footnote rewrites v63 pinned, whose mark follows bare digits (It launched in 2024¹, The fee is RMB 200¹),
# are read: a mark after a year or a ¹ where the clause ends is a footnote (a power stays one: 10²)
# v115: the 7 attributive rewrites are read - a number point that finds nothing in the flattened answer is searched
# in the answer with its line breaks (`scoring._matches_or_by_lines`): a line that ends with no mark ends its clause
PINNED_MISSES: dict[str, int] = {}


@pytest.fixture(scope="module")
def sweep_module() -> ModuleType:
    return load_benchmark("miss_mutations")


@pytest.fixture(scope="module")
def swept(sweep_module: ModuleType) -> Any:
    return sweep_module.sweep(sweep_module.covered_rows())


def test_the_sweep_is_a_real_one(swept: Any) -> None:
    """n = every covered row: thousands of rewrites over every kind, so an empty sweep cannot pass the next test."""
    assert swept.made >= 10_000
    assert set(swept.by_kind) == KINDS
    # v114: few rows' points name a subject of two words (投资回报率, 回本周期) or a change by a percent (成本降低50%):
    # those kinds have 14 and 23 rewrites
    small = {"subject with 的", "to a share of the former"}
    assert min(count for kind, count in swept.by_kind.items() if kind not in small) >= 50
    assert all(swept.by_kind[kind] >= 10 for kind in small)


def test_no_kind_is_reported_apart(sweep_module: ModuleType) -> None:
    assert sweep_module.DECIDED == {}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_no_right_answer_is_missed(swept: Any, kind: str) -> None:
    missed = [(m.row[0], m.answer) for m in swept.missed if m.kind == kind]
    assert len(missed) <= PINNED_MISSES.get(kind, 0), f"{len(missed)} {kind} rewrites missed: {missed[:10]}"


def _made(module: ModuleType, point: str, answer: str, kind: str) -> list[str]:
    made, _ = module.mutants((point, answer, None, "covered"), False)
    return [m.answer for m in made if m.kind == kind]


@pytest.mark.parametrize(
    ("point", "answer", "kind", "rewritten"),
    [
        ("回收期20个月", "回收期为20个月。", "adverb", "回收期确实为20个月。"),
        ("回收期20个月", "回收期为20个月。", "adverb", "回收期仅为20个月。"),
        ("回收期20个月", "回收期为20个月。", "adverb", "回收期为约20个月。"),
        ("ROI 20%", "ROI：20%", "adverb", "ROI：about 20%"),
        ("ROI 20%", "The ROI is 20%.", "adverb", "The ROI is currently 20%."),
        ("ROI 20%", "The ROI is 20%.", "adverb", "The ROI is approximately 20%."),
        ("ROI 20%", "投资回报率（ROI）为20%。", "adverb", "投资回报率（ROI）仍为20%。"),
        ("回收期20个月", "回收期为20个月。", "copula", "回收期达到20个月。"),
        ("回收期20个月", "回收期为20个月。", "copula", "回收期在20个月。"),
        ("ROI 20%", "The ROI is 20%.", "copula", "The ROI stands at 20%."),
        ("ROI 20%", "The ROI is 20%.", "copula", "The ROI is about 20%."),
        ("回收期20个月", "回收期为20个月。", "bold", "回收期为**20个月**。"),
        ("回收期20个月", "回收期为20个月。", "quoted", "回收期为「20个月」。"),
        ("ROI 20%", "The ROI is 20%.", "quoted", "The ROI is “20%”."),
        ("回收期20个月", "回收期为20个月。", "full-width", "回收期为２０个月。"),
        ("回收期20个月", "回收期为20个月。", "spaced unit", "回收期为20 个月。"),
        ("回收期20个月", "回收期为20个月。", "or so", "回收期为20个月左右。"),
        ("ROI 20%", "The ROI is 20%.", "or so", "The ROI is 20% or so."),
        ("回收期20个月", "回收期为20个月。", "lead-in", "结论：回收期为20个月。"),
        ("ROI 20%", "The ROI is 20%.", "lead-in", "Bottom line: the ROI is 20%."),
        ("回收期20个月", "回收期为20个月。", "bullet", "- 回收期为20个月。"),
        ("ROI 20%", "ROI为20%。项目可行。", "label", "- ROI：20%\n项目可行。"),
        ("ROI 20%", "ROI为20%。项目可行。", "bold label", "**ROI**：20%\n项目可行。"),
        ("ROI 20%", "The ROI is 20%.", "table row", "| Metric | Value |\n|---|---|\n| ROI | 20% |\n"),
        ("回收期20个月", "回收期为20个月。", "heading", "## 结论\n\n回收期为20个月。"),
        ("回收期20个月", "回收期为20个月。", "repeated", "回收期为20个月。\n\n回收期为20个月。"),
        ("回收期20个月", "经测算，回收期为20个月。", "punctuation", "经测算, 回收期为20个月。"),
        ("ROI 20%", "Answer: the ROI is 20%.", "punctuation", "Answer：the ROI is 20%."),
        ("回收期20个月", "回收期为20个月。", "copula", "回收期等于20个月。"),
        ("ROI 20%", "The ROI is 20%.", "copula", "The ROI ≈ 20%."),
        ("回收期20个月", "回收期为20个月。", "tail clause", "回收期为20个月，符合预期。"),
        ("ROI 20%", "The ROI is 20%.", "tail clause", "The ROI is 20%, in line with expectations."),
        ("回收期20个月", "回收期为20个月。", "bold subject", "**回收期**为20个月。"),
        ("ROI 20%", "The ROI is 20%.", "quoted subject", "The “ROI” is 20%."),
        ("回收期20个月", "回收期为20个月。", "quoted subject", "「回收期」为20个月。"),
        ("回收期20个月", "回收期为20个月。", "numbered", "1. 回收期为20个月。"),
        ("ROI 20%", "Costs fell. The ROI is 20%.", "bold sentence", "Costs fell. **The ROI is 20%**."),
        ("ROI 20%", "The ROI is 20%. Good.", "as heading", "### The ROI is 20%\n\nGood.\n"),
        ("回收期20个月", "回收期为20个月。", "citation", "回收期为20个月[1]。"),
        ("ROI 20%", "The ROI is 20%.", "citation", "The ROI is 20% (source: document 2)."),
        ("ROI 20%", "The ROI is 20%.", "latex", "The ROI is $20\\%$."),
        ("回收期20个月", "回收期为20个月。", "latex", "回收期为$20$ 个月。"),
        ("ROI 20%", "ROI为20%。项目可行。", "bold label", "**ROI：** 20%\n项目可行。"),
        ("ROI 20%", "ROI为20%。", "attributive", "项目可实现20%的ROI。"),
        ("ROI 20%", "ROI为20%。", "attributive", "项目有20%的ROI。"),
        ("回收期20个月", "回收期为20个月。", "attributive", "项目有20个月的回收期。"),
        ("ROI 20%", "The ROI is 20%.", "attributive", "The project delivers a 20% ROI."),
        ("ROI 20%", "The ROI is 20%.", "attributive", "The project has an ROI of 20%."),
        (
            "回收期20个月",
            "The payback period is 20 months.",
            "attributive",
            "The project has a 20-month payback period.",
        ),
        # v63 (P27)
        ("ROI 20%", "ROI为20%。", "json", '{"ROI": "20%"}'),
        ("ROI 20%", "The ROI is 20%.", "json", '```json\n{"Team size": "12 people", "ROI": "20%"}\n```'),
        ("ROI 20%", "ROI为20%。", "key-value", "团队规模：12人\nROI：20%\n风险：低"),
        ("ROI 20%", "ROI为20%。", "key-value", "ROI: 20%"),
        (
            "ROI 20%",
            "ROI为20%。",
            "table rows",
            "| 指标 | 数值 |\n|---|---|\n| 团队规模 | 12人 |\n| ROI | 20% |\n| 风险 | 低 |\n",
        ),
        ("ROI 20%", "ROI为20%。", "unit header", "| 指标 | 数值（%） |\n|---|---|\n| ROI | 20 |\n"),
        ("回收期20个月", "回收期为20个月。", "code block", "```\n回收期为20个月。\n```\n"),
        ("ROI 20%", "ROI为20%。", "nested", "**财务指标**\n- ROI为20%。"),
        ("ROI 20%", "The ROI is 20%.", "nested", "1. **Financial metrics**\n   - The ROI is 20%."),
        ("ROI 20%", "ROI为20%。", "emoji", "✅ ROI为20%。"),
        ("ROI 20%", "ROI为20%。", "footnote", "ROI为20%¹。"),
        ("ROI 20%", "The ROI is 20%.", "footnote", "The ROI is 20%[^1]."),
        ("ROI 20%", "The ROI is 20%.", "spelled unit", "The ROI is 20 per cent."),
        ("ROI 20%", "ROI为20%。", "no copula", "ROI → 20%。"),
        ("ROI 20%", "The ROI is 20%.", "no copula", "The ROI = 20%."),
        ("ROI 20%", "The ROI is 20%.", "hard wrap", "The ROI is\n20%."),
        ("ROI 20%", "ROI为20%。", "restated", "ROI为100/500，即20%。"),
        ("ROI 20%", "The ROI is 20%.", "restated", "The ROI is 100/500, i.e. 20%."),
        ("回收期20个月", "回收期为20个月。", "restated", "回收期 = 600万元 ÷ 30万元/月（20个月）。"),
    ],
)
def test_rewrites_made(sweep_module: ModuleType, point: str, answer: str, kind: str, rewritten: str) -> None:
    assert rewritten in _made(sweep_module, point, answer, kind)


def test_a_think_block_goes_before_the_answer(sweep_module: ModuleType) -> None:
    (thought,) = _made(sweep_module, "回收期20个月", "回收期为20个月。", "think")
    assert thought.startswith("<think>\n") and thought.endswith("</think>\n\n回收期为20个月。")


@pytest.mark.parametrize(
    ("point", "answer", "forms", "why"),
    [
        ("20个月", "回收期不是24个月，而是20个月。", None, "sentence negated, conditional or a question"),
        ("20个月", "回收期为20个月，即20个月后回本。", None, "figure not once in the answer in digits"),
        ("20个月", "一般需要二十个月。", NumberForms(chinese=True), "figure not once in the answer in digits"),
        ("20个月", '{"回收期": "20个月"}', None, "answer is JSON, code, a table, LaTeX or thinking"),
        (
            "ROI 20%",
            "原计划ROI为15%，目前ROI为20%。",
            None,
            "the sentence holds another figure (a former value, a list, a contrast)",
        ),
        ("毛利率为20%", "❌ 毛利率为20%", None, "answer marks its lines right or wrong (❌, ✅)"),
    ],
)
def test_unsure_rows_are_skipped(
    sweep_module: ModuleType, point: str, answer: str, forms: NumberForms | None, why: str
) -> None:
    """A row whose rewrite might change its meaning (a contrast, a former value, the figure said twice or in words) is
    skipped and counted, not scored."""
    made, skipped = sweep_module.mutants((point, answer, forms, "covered"), False)
    assert made == [] and skipped == [why]


@pytest.mark.parametrize(
    ("point", "answer", "kind", "why"),
    [
        (
            "回收期24个月",
            "回收期由原来的较长调整为24个月。",
            "adverb",
            "adverb, copula: no subject's name right before the copula",
        ),
        (
            "ROI 20%",
            "ROI两年后可达到20%。",
            "copula",
            "adverb, copula: no subject's name right before the copula",
        ),
        (
            "ROI 20%",
            "ROI为约20%。",
            "adverb",
            "adverb, copula, or so: an approximation or a bound already qualifies the figure",
        ),
        (
            "5000元/月",
            "费用为5000元/月。",
            "or so",
            "bold, quoted, or so: the unit is not followed by the end of its clause (元/月, 元每月)",
        ),
        (
            "成本下降50%",
            "Costs fell 50%.",
            "quoted",
            "quoted: no copula or colon before the figure (fell “50%” is no quote of a value)",
        ),
        (
            "回收期20个月",
            "投资回收期为20个月。",
            "quoted subject",
            "bold subject, quoted subject: the name ends a longer word or phrase (投资回收期)",
        ),
        (
            "ROI 20%",
            "The ROI is 20%, above target.",
            "tail clause",
            "tail clause: the figure and its unit do not end the sentence",
        ),
        (
            "ROI 20%",
            "ROI is high. Overall, ROI is 20%.",
            "label",
            "label, bold label, table row: the sentence says more than subject - copula - figure",
        ),
        (
            "ROI 20%",
            "The ROI is about 20%.",
            "attributive",
            "attributive: the sentence says more than subject - copula - figure, or is qualified",
        ),
        (
            "成本84万元",
            "成本为84万元。",
            "attributive",
            "attributive: a subject or a unit the figure does not stand before in Chinese",
        ),
        (
            "ROI 20%",
            "The ROI is about 20%.",
            "json",
            "structured, table rows: the sentence says more than subject - copula - figure, or is qualified",
        ),
        (
            "ROI 20%",
            "The ROI is about 20%.",
            "footnote",
            "footnote: the unit is not followed by the end of its clause, or the figure is qualified",
        ),
        (
            "ROI 20%",
            "ROI为20%。",
            "spelled unit",
            "spelled unit: not a whole percent (or Chinese numerals not read for the point)",
        ),
        (
            "ROI 20%",
            "成本下降5%。ROI为20%。",
            "nested",
            "nested, emoji: a figure before the sentence, or it already opens with a mark",
        ),
        (
            "ROI 20%",
            "ROI不变。ROI为20%。",
            "bullet",
            "lead-in, bullet: a figure or a negation before the sentence (its contrast would be split)",
        ),
    ],
)
def test_unsure_rewrites_are_skipped(sweep_module: ModuleType, point: str, answer: str, kind: str, why: str) -> None:
    """A rewrite that might change the meaning - an adverb after a verb, not the subject (调整为, 可达到); a second
    approximation; 左右 inside a rate (5000元左右/月); quotes around a change; a label of a longer sentence; a bullet
    that splits a contrast from what it contrasts - is skipped and counted, not made."""
    made, skipped = sweep_module.mutants((point, answer, None, "covered"), False)
    assert why in skipped and kind not in {m.kind for m in made}


@pytest.mark.parametrize("script", ["credit_mutations", "miss_mutations"])
def test_both_sweeps_run_as_the_docs_give_them(script: str) -> None:
    """`.venv/bin/python benchmarks/NAME.py` from the project root, outside pytest: the test modules it reads import
    their helpers (tests/benchmark_scripts.py) without pytest's sys.path - the first move of the loader there broke
    both commands."""
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, f"benchmarks/{script}.py", "--rows", "5", "--show", "0"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"(wrong credit .*|right answers missed): 0 of [0-9]+", done.stdout), done.stdout[-500:]


# v68 (P29): the text kinds - a covered row whose point holds no figure, rewritten so that it surely still states it
TEXT_KINDS = {
    "text: bullet",
    "text: bold",
    "text: heading",
    "text: key-value",
    "text: table",
    "text: checked",
    "text: json",
    "text: competitor",
    "text: comparison table",
    "text: plan",
    "text: question then offer",
    "text: still holds",
    "text: other withdrawn",
    "text: other undecided",
    "text: other crossed",
    "text: other cell",
    "text: adverb",
    "text: emoji",
    "text: footnote",
    "text: framed",
}
# misses left, per text kind: none (v67 missed 774 of 4,880: a question answered by an assent and the offer, another
# party's denial or lack then ours in a pronoun or the next sentence, a table that compares parties or editions)
PINNED_TEXT_MISSES: dict[str, int] = {}


@pytest.fixture(scope="module")
def text_swept(sweep_module: ModuleType) -> Any:
    return sweep_module.text_sweep(sweep_module.covered_text_rows())


def test_the_text_sweep_is_a_real_one(text_swept: Any) -> None:
    """Every covered text row the credit sweep rewrites: thousands of rewrites over every text kind."""
    assert text_swept.made >= 3_000
    assert set(text_swept.by_kind) == TEXT_KINDS
    assert min(text_swept.by_kind.values()) >= 50


@pytest.mark.parametrize("kind", sorted(TEXT_KINDS))
def test_no_text_right_answer_is_missed(text_swept: Any, kind: str) -> None:
    missed = [(m.row[0], m.answer) for m in text_swept.missed if m.kind == kind]
    assert len(missed) <= PINNED_TEXT_MISSES.get(kind, 0), f"{len(missed)} {kind} rewrites missed: {missed[:10]}"


def _text_made(module: ModuleType, point: str, answer: str, kind: str) -> list[str]:
    made, _ = module.text_mutants((point, answer, None, "covered"), False)
    return [m.answer for m in made if m.kind == kind]


@pytest.mark.parametrize(
    ("point", "answer", "kind", "rewritten"),
    [
        ("私有化部署", "支持私有化部署。", "text: bullet", "- 支持私有化部署。"),
        ("SaaS", "We recommend SaaS.", "text: bullet", "1. SaaS is supported."),
        ("私有化部署", "支持私有化部署。", "text: bold", "支持**私有化部署**。"),
        ("私有化部署", "支持私有化部署。", "text: heading", "## 私有化部署\n\n我们支持私有化部署。"),
        ("私有化部署", "支持私有化部署。", "text: key-value", "私有化部署：✅"),
        ("SaaS", "We recommend SaaS.", "text: key-value", "SaaS: available"),
        ("私有化部署", "支持私有化部署。", "text: table", "| 功能 | 是否支持 |\n|---|---|\n| 私有化部署 | 支持 |"),
        ("私有化部署", "支持私有化部署。", "text: checked", "- [x] 私有化部署\n- [ ] 多租户"),
        ("SaaS", "We recommend SaaS.", "text: json", '{"SaaS": true}'),
        ("私有化部署", "支持私有化部署。", "text: competitor", "与竞品A不同，我们支持私有化部署。"),
        ("私有化部署", "支持私有化部署。", "text: competitor", "竞品A不支持私有化部署。我们支持。"),
        ("私有化部署", "支持私有化部署。", "text: competitor", "竞品A缺少私有化部署能力，我们具备。"),
        ("SaaS", "We recommend SaaS.", "text: competitor", "Competitor X offers SaaS, and we offer it too."),
        (
            "私有化部署",
            "支持私有化部署。",
            "text: comparison table",
            "| 功能 | 竞品A | 我们 |\n|---|---|---|\n| 私有化部署 | ❌ | ✅ |",
        ),
        (
            "SaaS",
            "We recommend SaaS.",
            "text: comparison table",
            "| Feature | Standard | Enterprise |\n|---|---|---|\n| SaaS | No | Yes |",
        ),
        ("私有化部署", "支持私有化部署。", "text: plan", "第一阶段完成私有化部署，第二阶段接入数据分析。"),
        ("私有化部署", "支持私有化部署。", "text: question then offer", "您需要私有化部署吗？可以的，我们支持。"),
        ("SaaS", "We recommend SaaS.", "text: question then offer", "Would you like SaaS? Sure - we offer it."),
        ("私有化部署", "支持私有化部署。", "text: still holds", "我们一直支持私有化部署。"),
        ("私有化部署", "支持私有化部署。", "text: other withdrawn", "旧版本已下线，现提供私有化部署。"),
        ("私有化部署", "支持私有化部署。", "text: other undecided", "私有化部署：支持（价格待定）"),
        ("私有化部署", "支持私有化部署。", "text: other crossed", "私有化部署：✅\n多租户：❌"),
        (
            "私有化部署",
            "支持私有化部署。",
            "text: other cell",
            "| 功能 | 是否支持 | 备注 |\n|---|---|---|\n| 私有化部署 | ✅ | - |",
        ),
        ("私有化部署", "支持私有化部署。", "text: adverb", "我们完全支持私有化部署。"),
        ("SaaS", "We recommend SaaS.", "text: adverb", "Yes - SaaS is available."),
        ("私有化部署", "支持私有化部署。", "text: emoji", "支持私有化部署 🎉"),
        ("私有化部署", "支持私有化部署。", "text: footnote", "支持私有化部署[1]。"),
        ("私有化部署", "支持私有化部署。", "text: framed", "## 结论\n\n支持私有化部署。"),
        ("SaaS", "We recommend SaaS.", "text: framed", "We recommend **SaaS**."),
        # the rest of the answer kept around the sentence rewritten
        (
            "私有化部署",
            "推荐私有化部署。与其等待，不如尽早启动。",
            "text: adverb",
            "我们完全支持私有化部署。与其等待，不如尽早启动。",
        ),
        (
            "on-premises",
            "We recommend SaaS. On-premises works too.",
            "text: adverb",
            "We recommend SaaS. We fully support On-premises.",
        ),
    ],
)
def test_text_rewrites_made(sweep_module: ModuleType, point: str, answer: str, kind: str, rewritten: str) -> None:
    assert rewritten in _text_made(sweep_module, point, answer, kind)


@pytest.mark.parametrize(
    ("point", "answer", "why"),
    [
        ("私有化部署", "不支持私有化部署。", "text: sentence already negated, conditional or a question"),
        ("私有化部署", "支持私有化部署吗？", "text: sentence already negated, conditional or a question"),
        ("私有化部署", "私有化部署：支持。私有化部署需额外付费。", "text: the point not once in the answer"),
        (
            "私有化部署",
            "| 功能 | 支持 |\n|---|---|\n| 私有化部署 | ✅ |",
            "text: answer is JSON, code or a table (no sentence to rewrite)",
        ),
        (
            "支持私有化部署",
            "支持私有化部署。",
            "text: the point is a verdict word, a letter, a verb phrase or a question",
        ),
        ("approved", "Approved.", "text: the point is a verdict word, a letter, a verb phrase or a question"),
        (
            "SaaS",
            "A. SaaS；B. 私有化部署。应选A。",
            "text: the answer picks an option by its letter (the rewrite may not touch the pick)",
        ),
    ],
)
def test_unsure_text_rows_are_skipped(sweep_module: ModuleType, point: str, answer: str, why: str) -> None:
    """A text row whose rewrite might not keep its meaning - the sentence already denied or asked, the point said
    twice, a table or JSON, a point that is a verb phrase or a verdict, a pick of an option by its letter - is skipped
    and counted, as the credit sweep skips it."""
    made, skipped = sweep_module.text_mutants((point, answer, None, "covered"), False)
    assert made == [] and skipped == [why]


def test_a_text_row_covered_without_its_point_is_skipped(sweep_module: ModuleType) -> None:
    made, skipped = sweep_module.text_mutants(("私有化部署", "支持私有化部署。", None, "covered"), True)
    assert made == [] and skipped == ["text: covered without the point"]


@pytest.mark.parametrize(
    ("point", "linked"),
    [
        ("回收期20个月", ["回收期为20个月", "回收期约为20个月", "回收期：20个月"]),
        ("ROI 20%", ["ROI is 20%", "ROI of 20%"]),
        ("回收期为20个月", []),  # linked already
        ("下降20%", []),  # no subject's name before the figure: 下降为20% is a fall to 20%
        ("20个月", []),
    ],
)
def test_linked_points_are_made_only_after_a_subjects_name(
    sweep_module: ModuleType, point: str, linked: list[str]
) -> None:
    """v111: the point written with a link - for the row's own answer, which the same point must still cover."""
    made = sweep_module.linked_points((point, "回收期为20个月。", None, "covered"), False)
    assert [m.row[0] for m in made] == linked
    assert all(m.kind == "linked point" and m.answer == "回收期为20个月。" for m in made)


@pytest.mark.parametrize(
    ("point", "signed"),
    [
        ("1200万元", ["¥1200万"]),
        ("营收1200万元", ["营收¥1200万", "营收为¥1200万"]),
        ("合同金额1200万元", ["合同金额¥1200万"]),  # no subject the sweep knows by name: not linked
        ("500美元", ["$500"]),
        ("营收为1200万元", ["营收为¥1200万"]),  # linked already
        ("人民币1200万元", []),  # its currency's word written already
        ("20个月", []),
    ],
)
def test_signed_points_are_made_of_amounts_in_yuan_or_dollars(
    sweep_module: ModuleType, point: str, signed: list[str]
) -> None:
    """v112: the point's amount written with its currency's sign - for the row's own answer, which it must still
    cover."""
    made = sweep_module.signed_points((point, "合同金额为1200万元。", None, "covered"), False)
    assert [m.row[0] for m in made] == signed
    assert all(m.kind == "signed point" and m.answer == "合同金额为1200万元。" for m in made)


def test_other_currency_points_keep_the_amount_in_the_points_currency(sweep_module: ModuleType) -> None:
    """v113: the point and its answer's amount put in 欧元, 英镑, 港元 and 日元 - the point with its unit or sign, the
    answer's amount with its unit, sign, code or English name - which the point must still cover."""
    made = sweep_module.other_currency_points(("500美元", "费用为500美元。", None, "covered"), False)
    assert {m.kind for m in made} == {"other currency"} and len(made) == 4 * 4 * 2
    assert ("€500", "费用为500 euros。") in {(m.row[0], m.answer) for m in made}
    assert ("500日元", "费用为JPY 500。") in {(m.row[0], m.answer) for m in made}
    assert all(m.row[1] == m.answer for m in made)
    assert sweep_module.other_currency_points(("20个月", "回收期为20个月。", None, "covered"), False) == []


@pytest.mark.parametrize(
    ("point", "answer", "made"),
    [
        (
            "合同金额1200万元",
            "合同金额为1200万元。",
            [("合同金额1200万元", "合同的金额为1200万元。"), ("合同的金额1200万元", "合同金额为1200万元。")],
        ),
        (
            "客户满意度为95%",
            "客户满意度达95%。",
            [("客户满意度为95%", "客户的满意度达95%。"), ("客户的满意度为95%", "客户满意度达95%。")],
        ),
        ("ROI 20%", "ROI为20%。", []),  # one word
        ("合同金额1200万元", "合同金额为1200万元，合同金额不变。", []),  # the answer names it twice
        ("1200万元", "合同金额为1200万元。", []),  # no subject in the point
    ],
)
def test_of_subject_points_write_a_two_word_subject_with_de(
    sweep_module: ModuleType, point: str, answer: str, made: list[tuple[str, str]]
) -> None:
    """v114: the answer's two-word subject, then the point's, written with 的 between the words - which the point must
    still cover."""
    mutants = sweep_module.of_subject_points((point, answer, None, "covered"), False)
    assert [(m.row[0], m.answer) for m in mutants] == made
    assert all(m.kind == "subject with 的" and m.row[1] == m.answer for m in mutants)


def test_to_a_share_points_say_the_change_as_the_share_it_reaches(sweep_module: ModuleType) -> None:
    """v114: the answer's change by the point's percent said as the share of the former level it reaches."""
    fall = sweep_module.to_a_share_points(("成本降低30%", "成本降低了30%。", None, "covered"), False)
    rise = sweep_module.to_a_share_points(("营收增长50%", "营收增长50%，利润持平。", None, "covered"), False)
    assert [m.answer for m in fall + rise] == ["成本降到原来的70%。", "营收提高到原来的150%，利润持平。"]
    assert all(m.kind == "to a share of the former" and m.row[1] == m.answer for m in fall + rise)
    assert sweep_module.to_a_share_points(("成本降低30%", "成本增长30%。", None, "covered"), False) == []
    assert sweep_module.to_a_share_points(("成本降低30%", "成本降低20%，人员减少30%。", None, "covered"), False) == []
