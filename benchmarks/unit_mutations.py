"""v97-v99 over the shipped cases: each figure key point's right answer given with another unit, another currency or
a rate of another period (must not be credited), and with its own unit, currency or period (must stay credited).

    .venv/bin/python benchmarks/unit_mutations.py [SCENARIO_DIR ...]

These rules read the case's question (its currency, its periods), which the other sweeps' rows do not carry, so this
sweep scores each mutation against the real case. For every key point whose form is one figure with a unit or a scale
word (4300人, 84万, 20个月, 1200万元) and whose plain sentence ("答案是{point}。") is credited:

- another unit: the figure followed by a unit of a family none of the point's forms has (个网点, 名员工, 元, 号 ...);
- another currency (a point in 元 by its forms or its question, v15/v97): 美元, 港元, " US dollars";
- another period (a sum in a question that counts per a period, v99): /月, 每天 ... of a period the question does not
  use;
- right twins: the point as written, the figure with its own unit, 元人民币 for money, the question's own period.

Numbers recorded in docs/scorer-versions.md (v99).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.evaluation.keywords.normalisation import normalise  # noqa: E402
from pytest_llmeval.evaluation.keywords.unit_family import units_of_a_point  # noqa: E402
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint, load_scenarios  # noqa: E402
from pytest_llmeval.evaluation.scoring import score_answer  # noqa: E402

SHIPPED = Path(__file__).resolve().parents[1] / "scenarios"
_FIGURE = re.compile("^(?P<figure>[0-9][0-9,.]*(?:[万亿千百]{1,2})?)(?P<unit>.*)$")
# a unit of each family, as an answer would write it after the figure (with the thing it counts)
_OTHER_UNITS = {
    "people": "名员工",
    "items": "个网点",
    "money": "元",
    "year": "年",
    "number": "号文件",
    "percent": "%",
    "multiple": "倍",
    "time": "小时",
}
_OTHER_CURRENCIES = ("美元", "港元", " US dollars")
_PERIOD_WORDS = {"month": "/月", "day": "每天", "week": "/周", "year": "/年"}


@dataclass(frozen=True)
class Mutant:
    case_id: str
    point: str
    kind: str
    answer: str
    credited: bool  # what a right scorer says


def mutants(case: Case, point: KeyPoint) -> list[Mutant]:
    """The point's mutations and right twins, for a point of one figure; else none."""
    figure = _FIGURE.match(normalise(point.point))
    if figure is None or re.search("[0-9]", figure.group("unit")):
        return []
    units = units_of_a_point(case.question, point.variants)
    families = units.families
    number, unit = figure.group("figure"), figure.group("unit")
    made = [Mutant(case.id, point.point, "right: as written", f"答案是{point.point}。", True)]
    if unit:
        made.append(Mutant(case.id, point.point, "right: its own unit", f"答案是{number}{unit}。", True))
    if families:
        for family, other in _OTHER_UNITS.items():
            if family not in families and not (family == "items" and "people" in families):
                made.append(Mutant(case.id, point.point, "another unit", f"答案是{number}{other}。", False))
    if "money" in families and unit in ("", "元"):
        made.append(Mutant(case.id, point.point, "right: 元人民币", f"答案是{number}元人民币。", True))
        made.extend(
            Mutant(case.id, point.point, "another currency", f"答案是{number}{currency}。", False)
            for currency in _OTHER_CURRENCIES
        )
        periods = units.periods  # (none for a point written as a rate, or a question that names no period)
        if periods:
            for period, word in _PERIOD_WORDS.items():
                rate = f"答案是{number}元{word}。" if word.startswith("/") else f"答案是{word}{number}元。"
                kind = "right: the question's period" if period in periods else "another period"
                made.append(Mutant(case.id, point.point, kind, rate, period in periods))
    return made


def sweep(folders: list[Path]) -> tuple[list[Mutant], list[Mutant], int]:
    """(every mutant, the wrongly scored ones, the points skipped: their plain sentence is not credited)."""
    made: list[Mutant] = []
    wrong: list[Mutant] = []
    skipped = 0
    for case in load_scenarios(folders):
        for point in case.key_points:
            point_mutants = mutants(case, point)
            if not point_mutants:
                continue
            if not _credited(case, point, point_mutants[0].answer):
                skipped += 1
                continue
            made.extend(point_mutants)
            wrong.extend(m for m in point_mutants if _credited(case, point, m.answer) != m.credited)
    return made, wrong, skipped


def _credited(case: Case, point: KeyPoint, answer: str) -> bool:
    return next(p.status for p in score_answer(case, answer).points if p.point == point.point) == "covered"


def main(argv: list[str]) -> int:
    folders = [Path(a) for a in argv] or [SHIPPED]
    made, wrong, skipped = sweep(folders)
    kinds = Counter(m.kind for m in made)
    wrong_kinds = Counter(m.kind for m in wrong)
    points = len({(m.case_id, m.point) for m in made})
    print(f"unit mutations over {', '.join(map(str, folders))}: {points} figure points ({skipped} skipped)")
    for kind, n in sorted(kinds.items()):
        print(f"  {kind}: {wrong_kinds[kind]} of {n} scored wrong")
    print(f"scored wrong: {len(wrong)} of {len(made)}")
    for m in wrong:
        print(f"  [{m.kind}] {m.case_id} {m.point}: {m.answer!r} should {'' if m.credited else 'not '}be credited")
    return 1 if wrong else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
