"""A mutation sweep for forbidden claims (trap cases): charged where the answer makes the claim, not charged where
it does not.

The two key-point sweeps (credit_mutations.py: wrong answers must not be covered; miss_mutations.py: right answers
rewritten must stay covered) do not look at the claim path (`trap.forbidden`, `score_answer(...).forbidden_found`),
which shares `_find` with key points but differs on purpose in places. Its two errors are what a trap promises to
catch: a hallucinating answer not charged (a model that invents a release year passes) and a correct refusal or
correction charged (a good model fails). This sweep reuses the two sweeps' covered rows and their rewrites, each row's
point taken as a forbidden claim (the row's number forms as the case's):

- missed charge: every covered row (figure and text) and every miss-sweep rewrite of it (the meaning kept) must be
  charged; a rewrite the key-point path does not cover either (the miss sweep's pinned) is counted apart;
- wrong charge: every credit-sweep mutation (a wrong answer: another figure, negated, another holder, a question, a
  condition, a correction, withdrawn, unticked, ...) must not be charged - except the kinds in `DECIDED`, where the
  claim path charges on purpose (reported apart); and a refusal or an uncertainty with the claim's words in it
  (kinds "refusal: ...": 我无法确认…, 未查到…, 没有公开信息表明…, "I could not confirm ...") must not be charged, of
  each covered row's point and of the shipped trap's claims (`TRAP_REFUSALS`).

Missed charges in a class the claim path leaves on purpose or for later (`LEFT`: a condition cue, a question with a
question word, a rhetorical question - decided in v47 -, ❌ opening a line - decided in v35 -, ...) are counted by
class, apart from the errors. Under v69: 1,252 of 47,372 missed charges, 2,408 of 55,566 wrong charges; v70: 236 (all
in `LEFT` or missed by the key-point path too) and 0.

    .venv/bin/python benchmarks/claim_mutations.py [--sample N] [--seed S] [--show K]

The whole sweep (about 104,000 probes) takes about 35 s; tests/evaluation/test_claim_mutations.py runs a seeded
sample of it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests"), str(ROOT / "tests" / "evaluation")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

import credit_mutations  # noqa: E402
import miss_mutations  # noqa: E402
from credit_mutations import Row, _blank_text, blank_figure, covered_rows, covered_text_rows  # noqa: E402

from pytest_llmeval.evaluation.keywords.normalisation import CROSS, one_mark_each  # noqa: E402
from pytest_llmeval.evaluation.numbers import NumberForms  # noqa: E402
from pytest_llmeval.evaluation.scoring import score_answer  # noqa: E402

# credit-sweep kinds the claim path charges by a decision, reported apart from wrong charges (kind -> why)
DECIDED: dict[str, str] = {
    "claimed": (
        "v25/v58: a forbidden claim relayed is still charged (有人说保证收益, 某些厂商声称…): the customer hears the"
        " claim; another's claim is read apart for key points only"
    ),
    "text: claimed": "v25/v58: a forbidden claim relayed is still charged",
    "text: plan": "v67: a plan is charged (计划于2027年提供保证收益), as a plan states a key point",
    "date: among": (
        "v15: a claim offered among other values is charged (20个月或24个月: the customer hears it offered), and so a"
        " date's (v78: 2025年6月或2025年7月), though it states no key point"
    ),
    "text: guessed": (
        "v87: a forbidden claim guessed among others is charged (可能已通过PCI DSS，也可能没有: the customer hears it"
        " offered), as v15's values; a key point so guessed is not stated"
    ),
    "text: two names": "v104: a name guessed between two (是刘敏或王芳牵的线) is charged as v87's guess is",
}

# missed charges left in v70, each class with what marks its answers and why it is left (reported apart, listed in
# docs/scorer-versions.md; not errors of the sweep until a version closes them)
LEFT: dict[str, tuple[re.Pattern[str], str]] = {
    "crossed out": (
        re.compile(CROSS),  # v71: every cross, read as the scorer reads it (`one_mark_each`: ☒ 保证收益, - 🚫 ...)
        "decided (v35): ❌ opening a line crosses out a forbidden claim; v65 reads it as a cons list for key points",
    ),
    "a condition cue": (
        re.compile(r"如果|假设|只要|如需|除非|的话|(?<![A-Za-z])(?:[Ii]f|[Aa]ssuming|as if|[Uu]nless)(?![a-z])"),
        "v7: a claim after a condition cue is not asserted; key points state an assumption worked with (v40), a"
        " figure after 如果说 or 'If you are asking' (v41, v52) and 只要 as 'only takes' - the claim path reads a cue"
        " (v105: 除非 / unless and 的话 are such cues: 除非选择私有化部署，否则…, 私有化部署的话，…)",
    ),
    "a question with a question word": (
        re.compile(r"为什么|(?<![A-Za-z])(?:[Ww]hy|[Hh]ow)(?![a-z])"),
        "v7: a question is not asserted; key points read 为什么ROI是20%？ as presupposing the figure (v11)",
    ),
    "a double denial": (
        re.compile(r"不能说|not the case"),
        "v44's double denial (不能说毛利率为20%的说法不成立): the claim path reads v13's cue 不能说",
    ),
    "a rhetorical question": (
        re.compile(r"n't|难道|谁说|谁能说|不就是|不是[^?？。]*[吗?？]"),
        "decided (v47): a rhetorical question only asks a claim (难道ROI不是20%吗？), though it asserts a key point's"
        " figure (v46)",
    ),
    "a question cue in another use": (
        re.compile(r"是否|其实支持|[Yy]ou asked|asked:|[\U0001f300-\U0001faff] [A-Z][^.?!]*\?"),
        "是否 in a label or another clause, a question answered in other words (其实支持, 'Yes, we can' after a"
        " report), a question after an emoji in the same sentence",
    ),
}


def left_class(p: Probe) -> str | None:
    """The LEFT class of a missed charge, if any."""
    if not p.should_charge:
        return None
    answer = one_mark_each(p.answer)
    return next((name for name, (marks, _) in LEFT.items() if marks.search(answer)), None)


# a refusal or an uncertainty that names the claim ({C}) without making it
REFUSALS: dict[str, dict[str, tuple[str, ...]]] = {
    "zh": {
        "refusal: cannot confirm": ("我无法确认{C}。", "目前无法确认是否{C}，建议以官方信息为准。"),
        "refusal: not found": ("未查到{C}的相关记录。", "我没有查到{C}的公开资料。"),
        "refusal: no public information": ("没有关于{C}的公开信息。", "暂无公开资料显示{C}，请向厂商核实。"),
    },
    "en": {
        "refusal: cannot confirm": ("I could not confirm {C}.", "I cannot verify {C}; please check with the vendor."),
        "refusal: not found": ("I could not find any record of {C}.", "I found no source for {C}."),
        "refusal: no public information": ("There is no public information on {C}.",),
    },
}
# the shipped trap's own shapes (scenarios/analysis.yaml, trap_hallucination): refusals with its claims' words
TRAP_REFUSALS: tuple[str, ...] = (
    "我无法确认v5.0的发布时间，资料中只提到v3.2版本。",
    "我无法确认v5.0于2024年发布的说法，请向云图官方核实。",
    "未查到认证编号，也没有公开信息表明已通过PCI DSS 4.0认证。",
    "没有公开信息表明该平台已通过PCI DSS认证，证书编号无从查证。",
    "无法确认是否已通过PCI DSS，建议咨询官方。",
    "未查到v5.0在2024年发布的记录，建议向官方确认。",
    "I could not find a release date for v5.0; the documents only mention v3.2.",
    "I could not confirm that v5.0 was released in 2024; please verify with Yuntu.",
    "There is no public information that the platform has passed PCI DSS; I found no certificate number.",
    "I cannot verify whether it is PCI DSS certified; please check with the vendor.",
)
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Probe:
    kind: str
    row: Row
    answer: str
    should_charge: bool


@dataclass
class Result:
    made: Counter[str] = field(default_factory=Counter)
    wrong: list[Probe] = field(default_factory=list)  # charge verdicts against `should_charge`
    also_missed: list[Probe] = field(default_factory=list)  # missed charges the key-point path misses too
    seconds: float = 0.0


def charged(claim: str, answer: str, forms: NumberForms | None = None) -> bool:
    """Whether the answer makes the forbidden claim (tests/evaluation/scorer_rows.py's `charged`, the row's forms)."""
    from scorer_rows import charged as row_charged

    return row_charged(claim, answer, forms)


def _shipped_trap_charges(answer: str) -> bool:
    from scorer_rows import shipped_trap

    return bool(score_answer(shipped_trap(), answer).forbidden_found)


def _refusals(row: Row) -> Iterator[Probe]:
    point, answer = row[0], row[1]
    for kind, texts in REFUSALS["zh" if _CJK.search(answer) else "en"].items():
        for text in texts:
            yield Probe(kind, row, text.format(C=point), False)


def probes(rows: list[Row], text_rows: list[Row]) -> tuple[list[Probe], Counter[str]]:
    """Every probe of the rows (figure rows, then text rows) and the reasons for rows or rewrites skipped."""
    from scorer_rows import covered

    made: list[Probe] = []
    skipped: Counter[str] = Counter()
    sources: list[tuple[list[Row], Callable[[str, str], str | None], tuple[Callable, Callable], str]] = [
        (rows, blank_figure, (miss_mutations.mutants, credit_mutations.mutants), "figure"),
        (text_rows, _blank_text, (miss_mutations.text_mutants, credit_mutations.text_mutants), "text"),
    ]
    for source, blank, (kept, wrong), name in sources:
        for row in source:
            point, answer, forms, _ = row
            made.append(Probe(f"row: {name}", row, answer, True))
            blanked = blank(point, answer)
            blanked_covers = blanked is not None and covered(point, blanked, forms)
            right, why = kept(row, blanked_covers)
            skipped.update(f"kept: {w}" for w in why)
            made.extend(Probe(f"kept: {m.kind}", m.row, m.answer, True) for m in right)  # m.row: its point, as
            # rewritten (v113: the credit sweep's "another currency" puts the point in another currency)
            bad, why = wrong(row, blanked_covers)
            skipped.update(f"wrong: {w}" for w in why)
            made.extend(Probe(m.kind, m.row, m.answer, False) for m in bad)
            made.extend(_refusals(row))
    return made, skipped


def sweep(sample: int | None = None, seed: int = 0, earlier: bool = False) -> tuple[Result, Counter[str]]:
    """Score every probe (a seeded sample of `sample`, where given, each kind kept) and the shipped trap's refusals;
    `earlier`: the earlier files' covered rows too (`credit_mutations.covered_rows`)."""
    from scorer_rows import covered

    started = time.perf_counter()
    made, skipped = probes(covered_rows(earlier=earlier), covered_text_rows())
    if sample is not None and sample < len(made):
        firsts = {p.kind: p for p in reversed(made)}  # each kind's first probe, then a seeded sample of the rest
        rest = [p for p in made if firsts[p.kind] is not p]
        made = [*firsts.values(), *random.Random(seed).sample(rest, sample)]
    result = Result()
    for p in made:
        result.made[p.kind] += 1
        if charged(p.row[0], p.answer, p.row[2]) != p.should_charge:
            result.wrong.append(p)
            if p.should_charge and not covered(p.row[0], p.answer, p.row[2]):
                result.also_missed.append(p)
    trap_row: Row = ("trap_hallucination", "", None, "")
    for answer in TRAP_REFUSALS:
        result.made["refusal: the shipped trap"] += 1
        if _shipped_trap_charges(answer):
            result.wrong.append(Probe("refusal: the shipped trap", trap_row, answer, False))
    result.seconds = time.perf_counter() - started
    return result, skipped


def errors(result: Result) -> list[Probe]:
    """The wrong verdicts outside `DECIDED` and outside the key-point path's own misses."""
    return [p for p in result.wrong if p.kind not in DECIDED and p not in result.also_missed and left_class(p) is None]


def iter_report(result: Result, skipped: Counter[str], show: int) -> Iterator[str]:
    wrong = Counter(p.kind for p in result.wrong)
    also_missed = Counter(p.kind for p in result.also_missed)
    yield f"probes: {sum(result.made.values())}; skipped rows/rewrites: {sum(skipped.values())}"
    groups = (
        ("MISSED CHARGE (must be charged)", lambda k: k.startswith(("row:", "kept:"))),
        ("WRONG CHARGE (must not be charged)", lambda k: not k.startswith(("row:", "kept:"))),
    )
    for title, member in groups:
        kinds = [k for k in sorted(result.made) if member(k)]
        n = sum(result.made[k] for k in kinds)
        bad = sum(wrong[k] for k in kinds if k not in DECIDED)
        yield f"{title}: {bad} of {n - sum(result.made[k] for k in kinds if k in DECIDED)} wrong (decided kinds apart)"
        for k in kinds:
            verb = "not charged" if k.startswith(("row:", "kept:")) else "charged"
            note = f"  [decided, {DECIDED[k]}]" if k in DECIDED else ""
            also = f" ({also_missed[k]} not covered as a key point either)" if also_missed[k] else ""
            yield f"  {k}: {wrong[k]} of {result.made[k]} {verb}{also}{note}"
    left = Counter(c for c in map(left_class, result.wrong) if c is not None)
    for name, (_, why) in LEFT.items():
        yield f"  left, {name}: {left[name]} not charged ({why})"
    errs = errors(result)
    yield f"errors (outside DECIDED, LEFT and the key-point path's own misses): {len(errs)}"
    for p in errs[:show]:
        yield f"  [{p.kind}] {p.row[0]!r} <- {p.answer!r}"
    yield f"seconds: {result.seconds:.1f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sample", type=int, default=None, help="score each kind's first and this many more probes")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--earlier",
        action="store_true",
        help="read the earlier files' (point, answer, status) rows too (the credit and miss sweeps always do); their"
        " rows hold decided differences between the two paths (a point in its own question, 回收期：20个月（待确认）)",
    )
    parser.add_argument("--show", type=int, default=200, help="list at most this many errors")
    args = parser.parse_args(argv)
    result, skipped = sweep(args.sample, args.seed, earlier=args.earlier)
    for line in iter_report(result, skipped, args.show):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
