"""A sweep of verdict marks: a point or a forbidden claim crossed out (❌ ❎ ✗ ✘ × ✖ ✕ 🚫 ⛔ ☒, each also with the
emoji selector U+FE0F) is not said; ticked (✅ ✓ ✔ ☑ 🗸, with U+FE0F too) it is.

Models mark a verdict with whichever cross or check their tokenizer favours, and the scorer's rules read marks in
many places (a mark after the point's colon, in its table cell, in brackets, after it, opening its line). Each covered
row of the scorer tests (credit_mutations' `covered_rows` and `covered_text_rows`) gives one statement: a text row its
point as the answer writes it (私有化部署, on-premise deployment), a figure row its own answer where that is one line
(回收期约为20个月, The ROI is 20%) - the first such row of each point. The statement is put in each layout (`LAYOUTS`)
with each mark (`CROSSES`, `CHECKS`):

- key point: crossed -> not covered, ticked -> covered; except a cross opening the line (`DECIDED`, v65: a cross
  opening a line is no negation of a key point on it - a cons list says the point), which must read as ❌ does
  (covered);
- forbidden claim (the statement as the claim): crossed -> not charged (v35: a line crossed out only names the claim),
  ticked -> charged.

Every probe's verdict must be right, and it is counted by what went wrong: a verdict wrong where the canonical mark's
(❌ or ✅ in the same statement and layout) is right is a drift of the marks apart (`DRIFT`); one wrong as the
canonical mark reads it too is the mark's reach over its statement (`REACH`). Under v70 29,266 of 129,398 probes
drifted (✖ ✕ 🚫 ⛔ ☒ credited as a key point's verdict in every layout but a line's start, ❌️ in brackets and tables,
❎ 保证收益 charged); under v71 (one cross, one check: `keywords/normalisation.py`, `one_mark_each`) none. Under v70
and v71 24,902 more were wrong as ❌ / ✅ read them too - reported apart then, as the layout's own reading - in three
classes: a mark after a statement reached only a point that ended it (预计20个月回本 ❌, 一年前签约1200万元，当前已回款
860万元：❌ covered, and charged: 7,733 key-point and 7,733 claim probes, and 361 key points in our column of a table
row); a cross opening a line cleared only a claim that opened it (❌ Customer churn is 5% charged: 8,835); a tick on a
numbered item of one English line missed its point (1. ✅ It takes a week for 1 week: the item's number read as a
rate's count, 240). v72 reads a cross that ends a statement over the whole statement (`keywords/crossed.py`), a line
crossed out for every claim on it (`keywords/mentions.py`, `crossed_out`) and no item's number as a count
(`numbers/spelled.py`): 0 wrong, and both kinds are errors now. v73 adds four layouts: two statements on one line,
each opened by its mark (the probe's statement first or second; the other one opened by the opposite canonical mark),
and a do / don't pair labelled 正确 / 错误 (Right / Wrong) on one line or two - 9,690 of 181,830 probes wrong under
v72 (✅ 回收期24个月 ❌ 回收期20个月 negated the right statement: the next one's lead cross read as its verdict; a
forbidden claim after a lead cross charged), 0 under v73 (`keywords/normalisation.py`, `_lead_marks_split`).

A layout that is no verdict in a language is left out of it: the full-width colon (：) and the full-width bracket
(（）) in English, the Chinese point glossed in English (Private deployment (私有化部署): ❌) for an English point.

    .venv/bin/python benchmarks/mark_mutations.py [--sample N] [--seed S] [--show K]

The whole sweep (181,830 probes, both paths) takes about 60 s; tests/evaluation/test_mark_mutations.py runs a
seeded sample of it.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for _path in (str(ROOT), str(ROOT / "benchmarks"), str(ROOT / "tests"), str(ROOT / "tests" / "evaluation")):
    if _path not in sys.path:
        sys.path.insert(0, _path)

from credit_mutations import _CONDITION, _NEGATION, Row, covered_rows, covered_text_rows, text_spot  # noqa: E402

FE0F = "\ufe0f"
_CROSS_CHARS = ("❌", "❎", "✗", "✘", "×", "✖", "✕", "🚫", "⛔", "☒")
_CHECK_CHARS = ("✅", "✓", "✔", "☑", "🗸")
# each mark alone and with the emoji selector - but ×, a multiplication sign, which no model writes with one
CROSSES: tuple[str, ...] = _CROSS_CHARS + tuple(m + FE0F for m in _CROSS_CHARS if m != "×")
CHECKS: tuple[str, ...] = _CHECK_CHARS + tuple(m + FE0F for m in _CHECK_CHARS)

# layout -> (Chinese template, English template; None where the layout is no verdict in that language): {S} the
# statement, {M} the mark
LAYOUTS: dict[str, tuple[str | None, str | None]] = {
    "colon ：": ("{S}：{M}", None),
    "colon :": ("{S}: {M}", "{S}: {M}"),
    "bold after colon": ("{S}：**{M}**", "{S}: **{M}**"),
    "mark before (line)": ("{M} {S}", "{M} {S}"),
    "mark before (list item)": ("- {M} {S}", "- {M} {S}"),
    "mark before (numbered)": ("1. {M} {S}", "1. {M} {S}"),
    "mark after": ("{S} {M}", "{S} {M}"),
    "bracketed （）": ("{S}（{M}）", None),
    "bracketed ()": ("{S} ({M})", "{S} ({M})"),
    "table": ("| 功能 | 我们 |\n|---|---|\n| {S} | {M} |", "| Item | Us |\n|---|---|\n| {S} | {M} |"),
    "glossed colon": ("Item ({S}): {M}", None),
    # v73: two statements on one line, each led by its mark - the other one led by the opposite canonical mark {O}
    # (✅ 回收期24个月 ❌ 回收期20个月: v72 read the second one's lead cross as the first one's verdict); and a do/don't
    # pair whose labels {L} (正确 / Right for a tick, 错误 / Wrong for a cross) say which, on one line or two
    "pair, first on its line": ("{M} {S} {O} 其余条款另行说明", "{M} {S} {O} Other terms apply"),
    "pair, second on its line": ("{O} 其余条款另行说明 {M} {S}", "{O} Other terms apply {M} {S}"),
    "labelled pair, one line": ("{M} {L}：{S} {O} {K}：其余条款另行说明", "{M} {L}: {S} {O} {K}: Other terms apply"),
    "labelled pair, two lines": ("{O} {K}：其余条款另行说明\n{M} {L}：{S}", "{O} {K}: Other terms apply\n{M} {L}: {S}"),
}
_LABELS = {True: ("错误", "Wrong"), False: ("正确", "Right")}  # a cross's label, a tick's label
# (layout, mark) made no probe: × (✕, ✖ without the selector) between words in the middle of a line multiplies
# (月费 × 月数, v71) - it is no verdict there, so it leads no statement
NOT_A_VERDICT: frozenset[tuple[str, str]] = frozenset(("pair, second on its line", mark) for mark in "×✖✕")


# key-point layouts a decision reads as the point said (crossed too): the expectation is "covered"
DECIDED: dict[str, str] = {
    layout: "v65: a cross opening a line is no negation of a key point on it (a cons list says the point)"
    for layout in (
        "mark before (line)",
        "mark before (list item)",
        "mark before (numbered)",
        "pair, first on its line",
        "pair, second on its line",
    )
}
# a cross after a statement of several clauses judges its last clause (v72 review, `keywords/crossed.py`:
# 支持私有化部署，多租户 ❌ keeps 私有化部署, "Payback in 20 months, IRR 8% ❌" keeps 20 months): a point in an
# earlier clause is said, and a claim there is made - these probes are reported apart, not as errors
CLAUSE_DECIDED = "v72 review: a cross after a later clause judges that clause, not the point in an earlier one"
_MARK_BEFORE_OR_CELL = {
    "mark before (line)",
    "mark before (list item)",
    "mark before (numbered)",
    "table",
    "pair, first on its line",
    "pair, second on its line",
    "labelled pair, one line",
    "labelled pair, two lines",
}
_CLAUSE_BREAK = re.compile("，|(?<![0-9]),|,(?![0-9])")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_A_MARK_OR_CELL = re.compile("[|*#`{}\\[\\]()（）:：❌❎✗✘×✖✕🚫⛔☒✅✓✔☑🗸\ufe0f\U0001f300-\U0001faff]")


@dataclass(frozen=True)
class Probe:
    path: str  # "key point" or "claim"
    layout: str
    mark: str
    crossed: bool
    row: Row
    statement: str
    answer: str

    @property
    def expected(self) -> bool:
        """Covered (key point) or charged (claim) as it should be."""
        if self.path == "key point" and self.layout in DECIDED:
            return True
        return not self.crossed

    @property
    def in_an_earlier_clause(self) -> bool:
        """A crossed probe whose point stands before a clause break of its statement (`CLAUSE_DECIDED`)."""
        if not self.crossed or self.layout in _MARK_BEFORE_OR_CELL:
            return False
        at = self.statement.find(self.row[0])
        return _CLAUSE_BREAK.search(self.statement, max(at, 0) + (len(self.row[0]) if at >= 0 else 0)) is not None


# what a wrong verdict says went wrong: both are errors
DRIFT = "read unlike ❌ / ✅ (the canonical mark's verdict is right)"
REACH = (
    "wrong as ❌ / ✅ read it too: the mark's reach over its statement (a cross ending a statement of two clauses, a"
    " cross opening a line whose claim stands later in it, a tick on a numbered item; v72)"
)
CANONICAL = {True: "❌", False: "✅"}


def fill(template: str, said: str, mark: str, crossed: bool) -> str:
    """The layout's answer: the statement {S} with its mark {M} and label {L}; the other statement's mark {O} (the
    opposite canonical mark) and label {K}."""
    english = _CJK.search(said) is None
    return template.format(
        S=said,
        M=mark,
        O=CANONICAL[not crossed],
        L=_LABELS[crossed][english],
        K=_LABELS[not crossed][english],
    )


@dataclass
class Result:
    made: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # (path, mark, layout)
    wrong: list[Probe] = field(default_factory=list)  # the verdict wrong, the canonical mark's right: DRIFT
    as_canonical: list[Probe] = field(default_factory=list)  # the verdict wrong, as the canonical mark's: REACH
    clause_decided: int = 0  # crossed probes whose point stands in an earlier clause, read as said (CLAUSE_DECIDED)
    statements: int = 0
    skipped: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0


def statement(row: Row) -> tuple[str, str] | str:
    """The row's statement (what the marks go around) and the point it says, or why the row gives none."""
    point, answer, _, _ = row
    if row in _TEXT_ROWS:
        spot = text_spot(row, blanked_covers=False)
        return (spot.said, point) if not isinstance(spot, str) else spot
    said = answer.strip().rstrip("。.！!；;，, ")
    if "\n" in said or len(said) > 80:
        return "figure: the answer is not one short line"
    if _A_MARK_OR_CELL.search(said):
        return "figure: the answer holds a mark, markup, a bracket or a colon already"
    if _NEGATION.search(said) or _CONDITION.search(said) or re.search(r"[。.!?！？；;]", said):
        return "figure: the answer is negated, conditional, a question or several sentences"
    return said, point


_TEXT_ROWS: set[Row] = set()


def statements(earlier: bool = False) -> tuple[list[tuple[Row, str]], Counter[str]]:
    """One statement per point and number forms (the first row that gives one), figure rows then text rows; the
    statement must cover its point and be charged as a claim on its own (`earlier`: the earlier files' covered rows
    too, `credit_mutations.covered_rows`)."""
    from scorer_rows import charged, covered

    _TEXT_ROWS.update(covered_text_rows())
    made: list[tuple[Row, str]] = []
    seen: set[tuple[str, str]] = set()
    skipped: Counter[str] = Counter()
    for row in [*covered_rows(earlier=earlier), *_TEXT_ROWS]:
        key = (row[0], repr(row[2]))
        if key in seen:
            continue
        got = statement(row)
        if isinstance(got, str):
            skipped[got] += 1
            continue
        said, point = got
        if not covered(point, said, row[2]) or not charged(point, said, row[2]):
            skipped["the statement alone is not covered or not charged"] += 1
            continue
        seen.add(key)
        made.append((row, said))
    return made, skipped


def probes(rows: list[tuple[Row, str]]) -> Iterator[Probe]:
    for row, said in rows:
        chinese = _CJK.search(said) is not None
        for layout, templates in LAYOUTS.items():
            template = templates[0 if chinese else 1]
            if template is None:
                continue
            for crossed, marks in ((True, CROSSES), (False, CHECKS)):
                for mark in marks:
                    if (layout, mark) in NOT_A_VERDICT:
                        continue
                    answer = fill(template, said, mark, crossed)
                    for path in ("key point", "claim"):
                        yield Probe(path, layout, mark, crossed, row, said, answer)


def verdict(p: Probe) -> bool:
    from scorer_rows import charged, covered

    if p.path == "key point":
        return covered(p.row[0], p.answer, p.row[2])
    return charged(p.row[0], p.answer, p.row[2])


def sweep(sample: int | None = None, seed: int = 0, earlier: bool = False) -> Result:
    """Score every probe (a seeded sample of `sample`, where given, after each (path, mark, layout)'s first;
    `earlier`: the earlier files' covered rows too)."""
    started = time.perf_counter()
    rows, skipped = statements(earlier)
    made = list(probes(rows))
    if sample is not None and sample < len(made):
        firsts = {(p.path, p.mark, p.layout): p for p in reversed(made)}
        rest = [p for p in made if firsts[(p.path, p.mark, p.layout)] is not p]
        made = [*firsts.values(), *random.Random(seed).sample(rest, sample)]
    result = Result(statements=len(rows), skipped=skipped)
    canonical: dict[tuple[str, str, str, bool, str], bool] = {}
    for p in made:
        result.made[(p.path, p.mark, p.layout)] += 1
        if verdict(p) == p.expected:
            continue
        if p.in_an_earlier_clause:
            result.clause_decided += 1
            continue
        key = (p.path, p.statement, p.layout, p.crossed, p.row[0] + repr(p.row[2]))
        if key not in canonical:
            mark = CANONICAL[p.crossed]
            answer = LAYOUTS[p.layout][0 if _CJK.search(p.statement) else 1]
            assert answer is not None
            made_again = fill(answer, p.statement, mark, p.crossed)
            same = Probe(p.path, p.layout, mark, p.crossed, p.row, p.statement, made_again)
            canonical[key] = verdict(same) == same.expected
        (result.wrong if canonical[key] else result.as_canonical).append(p)
    result.seconds = time.perf_counter() - started
    return result


def errors(result: Result) -> list[Probe]:
    """Every probe with a wrong verdict: read unlike the canonical mark (❌ or ✅) reads the same statement in the same
    layout (`DRIFT`), or wrong as the canonical mark reads it too (`REACH`)."""
    return [*result.wrong, *result.as_canonical]


def _name(mark: str) -> str:
    return mark.replace(FE0F, "+FE0F")


def iter_report(result: Result, show: int) -> Iterator[str]:
    wrong = Counter((p.path, p.mark, p.layout) for p in errors(result))
    yield f"statements: {result.statements}; probes: {sum(result.made.values())}"
    for why, n in result.skipped.most_common():
        yield f"  skipped {n}: {why}"
    for path, verb in (("key point", "covered"), ("claim", "charged")):
        for crossed, marks in ((True, CROSSES), (False, CHECKS)):
            keys = [k for k in result.made if k[0] == path and k[1] in marks]
            n, bad = sum(result.made[k] for k in keys), sum(wrong[k] for k in keys)
            state = "crossed" if crossed else "ticked"
            reach = sum(1 for p in result.as_canonical if p.path == path and p.crossed == crossed)
            yield (
                f"{path.upper()}, {state} (must {'not ' if crossed else ''}be {verb}): {bad} of {n} wrong"
                f" ({reach} of them wrong as {CANONICAL[crossed]} reads them too)"
            )
            for mark in marks:
                row = [(lay, wrong[(path, mark, lay)], result.made[(path, mark, lay)]) for lay in LAYOUTS]
                cells = ", ".join(f"{lay} {w}/{m}" for lay, w, m in row if m and w)
                total = sum(m for _, _, m in row)
                yield f"  {_name(mark)}: {sum(w for _, w, _ in row)} of {total}" + (f" ({cells})" if cells else "")
    yield "decided (key points): " + "; ".join(f"{k}: {v}" for k, v in DECIDED.items())
    yield f"decided (both paths): {CLAUSE_DECIDED}: {result.clause_decided} probes read as said"
    yield f"errors, {DRIFT}: {len(result.wrong)}"
    yield f"errors, {REACH}: {len(result.as_canonical)}"
    yield f"errors: {len(errors(result))}"
    for p in errors(result)[:show]:
        yield f"  [{p.path} | {_name(p.mark)} | {p.layout}] {p.row[0]!r} <- {p.answer!r}"
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
    parser.add_argument("--show", type=int, default=60, help="list at most this many errors")
    args = parser.parse_args(argv)
    for line in iter_report(sweep(args.sample, args.seed, earlier=args.earlier), args.show):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
