"""Does a report call noise a difference? Every verdict the reports print, under "no difference", and at a real one.

A results document is simulated per draw: two models (a, b), each without and with RAG, on n cases with per-case
difficulty (a case hard for one model and mode is hard for all: the runs are correlated as in a real suite). Under
the null all four model x mode runs have the same chance on a case; under "+20" model b's (and its RAG mode's) is
raised so that its expected mean score is 20 points higher. Scores are binary (0/100: pass or fail) or graded (0-100:
the case's expected score plus noise, clipped), asked once or three times per case (repeats: the case is the unit).

Each draw is aggregated (`results.aggregate.aggregate_document`) and its report sections rendered as Markdown
(`results.sections.build_sections`, `results.render.render_sections`: report.md's body without the two per-case
listings, which compare nothing), and the rendered Markdown is read for what it claims:

- pairs verdict     the "Model against model" verdict column says better / worse (Holm over the 2 rows: norag, rag)
- pairs interval    a difference's 95% interval there excludes 0 (a sign read as a difference), per row
- uplift interval   a model's RAG uplift interval (RAG table) excludes 0, per model
- pass change       a model's change of pass rate with RAG (RAG table) excludes 0, per model
- category verdict  "better/worse with RAG" in a model's per-category table (Holm over its categories), per model
- category interval a category's uplift interval there excludes 0 (printed beside the verdict, uncorrected), per
                    category x model
- gate verdict      `compare_runs` of model a's run (baseline) against model b's run relabelled a (a rerun of the
                    same model under the null): its verdict column says better / worse, per metric (score, pass
                    rate) and mode; "any" is per comparison of two runs (its 4 rows are one family, tested jointly)
- gate interval     that comparison's "change [95% CI]" of a score or pass-rate row excludes 0, per row
- gate change %     the same row's "change % [95% CI]" (the change as a share of the baseline) excludes 0, per row
- Pareto mark       the HTML chart's accuracy-against-speed plot marks a point as beaten (`charts.beaten`): every
                    model and mode gets the same speed distribution, so every such mark is on noise

A rate is over the claims that could be made (rows x draws), with its 95% Wilson interval. A verdict printed with a
test behind it should be at most about 5% per comparison (per family where Holm is applied); an interval that excludes
0 is the two-sided test at 5%, so at most about 5% per interval.

A section, column or row the script reads that is missing from the rendered report stops it (`ReportChanged`):
a parser that matched nothing would print 0 claims, no false alarms, for reports it never read.

    .venv/bin/python benchmarks/null_verdicts.py                  # every setting, 1000 draws each, under 3 min
    .venv/bin/python benchmarks/null_verdicts.py --draws 2000 --seed 7
    .venv/bin/python benchmarks/null_verdicts.py --n 14 --kind graded --repeats 3
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.compare import compare_runs  # noqa: E402
from pytest_llmeval.compare.render import comparison_sections  # noqa: E402
from pytest_llmeval.results.aggregate import aggregate_document  # noqa: E402
from pytest_llmeval.results.charts import beaten  # noqa: E402
from pytest_llmeval.results.render import render_sections  # noqa: E402
from pytest_llmeval.results.sections import build_sections  # noqa: E402
from pytest_llmeval.stats.intervals import wilson_score_bounds  # noqa: E402

MODELS = ("a", "b")
MODES = ("norag", "rag")
CATEGORIES = 2  # cases in 2 categories: at n = 12 and 14 each holds 6-7, the fewest a category verdict needs
DIFFICULTY_SD = 1.5  # per-case difficulty on the logit scale: most cases nearly always passed or failed
GRADED_NOISE = 15.0  # the sample noise of a graded score, points
CLAIMS = (
    "pairs verdict",
    "pairs interval",
    "uplift interval",
    "pass change",
    "category verdict",
    "category interval",
    "gate verdict",
    "gate interval",
    "gate change %",
    "Pareto mark",
)
MODEL_CLAIMS = ("pairs verdict", "pairs interval", "gate verdict", "gate interval", "gate change %", "Pareto mark")
RAG_CLAIMS = ("uplift interval", "pass change", "category verdict", "category interval")  # RAG against no RAG
PER_CASE = ("cases", "failed")  # one line per case, no comparison: not rendered (a third of the time per draw)
# an interval's ends as the reports write them: `+3.1`, `-0.04`, `99.96`, and a difference too small for its digits
# in `+1e-05` form (`elements._signed`) - a pattern without the exponent found no interval there and counted no claim
_END = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"
INTERVAL = re.compile(rf"\[({_END}), ({_END})\]")
PAIRS_TITLE = "Model against model (paired on the same cases)"
RAG_TITLE = "RAG: without vs with retrieval"
CATEGORY_TITLE = "RAG uplift per category"
GATE_TITLE = "Comparison with the baseline"
QUALITY = ("score", "pass_rate")  # the comparison's rows with a test behind them (speed: threshold only)


def expected_scores(difficulty: np.ndarray, shift: float) -> np.ndarray:
    """Per case, the chance of passing (binary) or the expected score / 100 (graded) at a logit shift."""
    return 1.0 / (1.0 + np.exp(difficulty - shift))


def sample_scores(rng: np.random.Generator, chance: np.ndarray, kind: str, repeats: int) -> np.ndarray:
    """Cases x repeats scores on 0-100."""
    size = (len(chance), repeats)
    if kind == "binary":
        return np.where(rng.random(size) < chance[:, None], 100.0, 0.0)
    return np.clip(np.round(100 * chance[:, None] + rng.normal(0.0, GRADED_NOISE, size)), 0.0, 100.0)


def records(
    rng: np.random.Generator, n: int, kind: str, repeats: int, shift: float = 0.0, where: str = "model"
) -> list[dict[str, Any]]:
    """Case records of both models in both modes; `shift` (0: the null) raises model b in both modes (`where`
    "model") or both models' RAG mode ("rag")."""
    difficulty = rng.normal(0.0, DIFFICULTY_SD, n)
    out = []
    for model in MODELS:
        for mode in MODES:
            shifted = model == "b" if where == "model" else mode == "rag"
            chance = expected_scores(difficulty, shift if shifted else 0.0)
            for i, row in enumerate(sample_scores(rng, chance, kind, repeats)):
                for sample, score in enumerate(row):
                    out.append(
                        {
                            "model": model,
                            "scenario_id": f"q{i}",
                            "suite": "s",
                            "category": f"c{i % CATEGORIES}",
                            "mode": mode,
                            "sample": sample,
                            "score": float(score),
                            "passed": bool(score >= 60),
                            "error": None,
                        }
                    )
    return out


def tables(markdown: str) -> dict[str, list[dict[str, str]]]:
    """Section title -> its table's rows (header -> cell), from rendered Markdown."""
    out: dict[str, list[dict[str, str]]] = {}
    title, headers = "", None
    for line in markdown.splitlines():
        if line.startswith("#"):
            title, headers = line.lstrip("# ").strip(), None
        elif line.startswith("|---"):
            continue
        elif line.startswith("| "):
            cells = [c.strip() for c in line.strip()[1:-1].split(" | ")]
            if headers is None:
                headers = cells
            else:
                out.setdefault(title, []).append(dict(zip(headers, cells)))
    return out


class ReportChanged(RuntimeError):
    """The rendered report no longer holds what this script reads (a section renamed, a column or a row gone): a
    parser that silently matched nothing would print 0 claims - no false alarms - for a report it never read."""


def section_rows(
    found: dict[str, list[dict[str, str]]], title: str, columns: Sequence[str], rows: int
) -> list[dict[str, str]]:
    """The `rows` rows of section `title`, each with every one of `columns`; `ReportChanged` naming what is missing
    otherwise."""
    table = found.get(title)
    if table is None:
        raise ReportChanged(f"no section {title!r} in the rendered report (sections: {sorted(found)})")
    missing = [c for c in columns if c not in table[0]]
    if missing:
        raise ReportChanged(f"section {title!r} has no column {missing} (columns: {list(table[0])})")
    if len(table) != rows:
        raise ReportChanged(f"section {title!r} has {len(table)} rows, {rows} expected")
    return table


def excludes_zero(cell: str) -> bool:
    """A cell's 95% interval leaves 0 out (a cell without an interval claims nothing)."""
    found = INTERVAL.search(cell)
    if found is None:
        return False
    low, high = float(found.group(1)), float(found.group(2))
    return low > 0 or high < 0


def says_difference(verdict: str) -> bool:
    return re.search(r"\b(better|worse)\b", verdict) is not None


@dataclass
class Tally:
    """Claims made and claims that could be made, per kind of claim."""

    made: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLAIMS, 0))
    chances: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLAIMS, 0))
    any_made: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CLAIMS, 0))  # per draw: any row claimed
    draws: int = 0

    def add(self, claim: str, flags: Sequence[bool]) -> None:
        self.made[claim] += sum(flags)
        self.chances[claim] += len(flags)
        self.any_made[claim] += any(flags)


def read_report(doc: dict[str, Any], tally: Tally) -> None:
    """Count what the rendered report of one simulated run claims."""
    sections = [s for s in build_sections(doc) if s.key not in PER_CASE]
    found = tables(render_sections(sections, markdown=True))
    pairs = section_rows(found, PAIRS_TITLE, ("verdict", "difference [95% CI]"), len(MODES))
    tally.add("pairs verdict", [says_difference(r["verdict"]) for r in pairs])
    tally.add("pairs interval", [excludes_zero(r["difference [95% CI]"]) for r in pairs])
    rag = section_rows(found, RAG_TITLE, ("uplift [95% CI]", "pass change [95% CI]"), len(MODELS))
    tally.add("uplift interval", [excludes_zero(r["uplift [95% CI]"]) for r in rag])
    tally.add("pass change", [excludes_zero(r["pass change [95% CI]"]) for r in rag])
    columns = [f"{m} no-RAG / RAG / uplift" for m in MODELS]
    per_category = section_rows(found, CATEGORY_TITLE, columns, CATEGORIES)
    tally.add("category verdict", [any(says_difference(r[c]) for r in per_category) for c in columns])
    tally.add("category interval", [excludes_zero(r[c]) for r in per_category for c in columns])
    tally.add("Pareto mark", [bool(beaten(doc))])


def read_gate(cases: list[dict[str, Any]], tally: Tally) -> None:
    """Model a's run as the baseline, model b's relabelled a as the new run: the comparison's verdicts and the
    intervals printed beside them (a difference and the same as a % of the baseline), per score and pass-rate row."""
    base = {"run": {"models": ["a"], "status": "complete"}, "cases": [c for c in cases if c["model"] == "a"]}
    new_cases = [{**c, "model": "a"} for c in cases if c["model"] == "b"]
    new = {"run": {"models": ["a"], "status": "complete"}, "cases": new_cases}
    text = render_sections(comparison_sections(compare_runs(base, new)), markdown=True)
    found = tables(text)
    columns = ("metric", "verdict", "change [95% CI]", "change % [95% CI]")
    rows = [
        r for r in section_rows(found, GATE_TITLE, columns, len(found.get(GATE_TITLE, []))) if r["metric"] in QUALITY
    ]
    if len(rows) != len(MODES) * len(QUALITY):
        raise ReportChanged(
            f"{len(rows)} score and pass-rate rows in {GATE_TITLE!r}, {len(MODES) * len(QUALITY)} expected"
        )
    tally.add("gate verdict", [says_difference(r["verdict"]) for r in rows])
    tally.add("gate interval", [excludes_zero(r["change [95% CI]"]) for r in rows])
    tally.add("gate change %", [excludes_zero(r["change % [95% CI]"]) for r in rows])


def simulate(
    rng: np.random.Generator, n: int, kind: str, repeats: int, draws: int, shift: float = 0.0, where: str = "model"
) -> Tally:
    tally = Tally()
    for _ in range(draws):
        cases = records(rng, n, kind, repeats, shift, where)
        doc: dict[str, Any] = {"run": {"models": list(MODELS), "status": "complete"}, "cases": cases}
        doc["aggregates"] = aggregate_document(cases)
        for row in doc["aggregates"]["models"]:  # one speed distribution for all: a chart's mark is on noise
            row["decode_tok_s"] = round(float(rng.normal(40.0, 2.0)), 2)
        read_report(doc, tally)
        read_gate(cases, tally)
        tally.draws += 1
    return tally


def rate_text(k: int, n: int) -> str:
    """k of n with its 95% Wilson score interval (the rate of a simulation, not the report's)."""
    if not n:
        return "-"
    low, high = wilson_score_bounds(k, n)
    return f"{k / n:.3f} [{low:.3f}, {high:.3f}]"


def calibrate(kind: str, target: float = 20.0, cases: int = 200_000, seed: int = 0) -> float:
    """The logit shift that raises the expected mean score of a case drawn at random by `target` points (graded:
    after the clipping at 0 and 100), on fixed draws so that the bisection sees one smooth curve."""
    rng = np.random.default_rng(seed)
    difficulty, noise = rng.normal(0.0, DIFFICULTY_SD, cases), rng.normal(0.0, GRADED_NOISE, cases)

    def mean(shift: float) -> float:
        chance = expected_scores(difficulty, shift)
        return float((100 * chance).mean() if kind == "binary" else np.clip(100 * chance + noise, 0, 100).mean())

    base, low, high = mean(0.0), 0.0, 5.0
    for _ in range(40):
        mid = (low + high) / 2
        low, high = (mid, high) if mean(mid) - base < target else (low, mid)
    return (low + high) / 2


def table(rows: Iterable[tuple[str, Tally]], per: str, only: Sequence[str] = CLAIMS) -> list[str]:
    """Markdown rows: one per setting, the rate per claim (or per draw: `per` = "any"); "-" for a claim not in
    `only` (one with no real difference behind it in a power setting)."""
    head = ["setting", "draws", *CLAIMS]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for name, t in rows:
        if per == "any":
            cells = [rate_text(t.any_made[c], t.draws) for c in CLAIMS]
        else:
            cells = [rate_text(t.made[c], t.chances[c]) if c in only else "-" for c in CLAIMS]
        lines.append("| " + " | ".join([name, str(t.draws), *cells]) + " |")
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--draws", type=int, default=1000, help="simulated runs per setting (default 1000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--n", type=int, nargs="*", default=[6, 8, 10, 12, 14], help="cases per model and mode")
    parser.add_argument("--kind", nargs="*", default=["binary", "graded"], choices=["binary", "graded"])
    parser.add_argument("--repeats", type=int, nargs="*", default=[1, 3])
    parser.add_argument("--power-draws", type=int, default=200, help="draws per power setting (+20 points, n = 14)")
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    null: list[tuple[str, Tally]] = []
    for kind in args.kind:
        for repeats in args.repeats:
            for n in args.n:
                null.append((f"{kind} x{repeats} n={n}", simulate(rng, n, kind, repeats, args.draws, 0.0)))
                print(f"  {null[-1][0]} done ({time.perf_counter() - start:.0f} s)", file=sys.stderr, flush=True)
    power: dict[str, list[tuple[str, Tally]]] = {"model": [], "rag": []}
    for kind in args.kind if args.power_draws else ():
        shift = calibrate(kind)
        for repeats in args.repeats:
            for where, rows in power.items():
                tally = simulate(rng, 14, kind, repeats, args.power_draws, shift, where)
                rows.append((f"{kind} x{repeats} n=14, {'model b' if where == 'model' else 'RAG'} +20", tally))
    command = "benchmarks/null_verdicts.py " + " ".join(sys.argv[1:] if argv is None else argv)
    print(f"`{command.strip()}` (seed {args.seed}; {time.perf_counter() - start:.0f} s)\n")
    print("Null (no difference): share of the claims that could be made that were made, [95% Wilson]\n")
    print("\n".join(table(null, "each")))
    print("\nNull: share of draws (simulated runs) with at least one such claim\n")
    print("\n".join(table(null, "any")))
    if power["model"]:
        print(
            "\nA real difference of +20 points at n = 14 (logit shift calibrated per kind): model b against a in both "
            "modes, and RAG against no RAG for both models; share of the claims about that difference that were "
            "made\n"
        )
        print("\n".join(table(power["model"], "each", MODEL_CLAIMS) + table(power["rag"], "each", RAG_CLAIMS)[2:]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
