"""How often does the gate fail a run that did not get worse, and how often does it catch one that did?

Simulates pairs of runs of a keyword-scored suite (5 key points per case, score = 20 x points covered,
pass = score >= 60) at temperature > 0: each case has its own chance of covering each point, drawn so most
cases are nearly always right or nearly always wrong (scores pile up at 0 and 100, a few in between). The
baseline and the new run are two independent draws from the same cases. Under "no change" the new run uses
the same chances; under a worsening each point's chance is multiplied by (1 - f), which lowers the expected
mean score by the amount printed.

The decision is the gate's own (compare/rules.py `decide`): non-inferiority tests from stats/ (exact sign-flip for
the score, McNemar's exact conditional test for the pass rate), Tarone's family of the rules with the sign-flip rules
one unit tested jointly on their shared cases and Holm across the units (`joint_stepdown`). A check
at the end runs `compare_runs` itself on some simulated pairs and asserts it decides the same.

    .venv/bin/python benchmarks/gate_false_alarm.py                       # n = 6, 8, 14, 30; 1000 pairs each
    .venv/bin/python benchmarks/gate_false_alarm.py --reps 2000 --n 14
    .venv/bin/python benchmarks/gate_false_alarm.py --part boundary     # only the margin-boundary table
    .venv/bin/python benchmarks/gate_false_alarm.py --part family --reps 300   # several models x modes at once
    .venv/bin/python benchmarks/gate_false_alarm.py --part gate --errors 0.05   # 5% errors, --allow-errors

The second table is the non-inferiority test's own error: a true worsening exactly at the margin of
`score:5`, concentrated in few cases (10% of cases lose 50 points) or spread (25% lose 20); the sign-flip
test assumes symmetric changes, so this checks it stays at or under 5% where they are not.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from pytest_llmeval.compare import compare_runs, parse_fail_expressions
from pytest_llmeval.stats import joint_stepdown, noninferiority_mean, noninferiority_pass, tarone_family
from pytest_llmeval.stats.intervals import wilson_score_bounds

POINTS = 5


def case_chances(rng: np.random.Generator, n: int) -> np.ndarray:
    """n cases x 5 points: chance each point is covered. 45% easy cases, 35% hard, 20% in between."""
    kind = rng.choice(3, size=n, p=[0.45, 0.35, 0.20])
    a = np.select([kind == 0, kind == 1], [12.0, 0.6], 2.0)
    b = np.select([kind == 0, kind == 1], [0.6, 12.0], 2.0)
    return rng.beta(a[:, None], b[:, None], size=(n, POINTS))


def run(rng: np.random.Generator, chances: np.ndarray) -> np.ndarray:
    return 100.0 / POINTS * (rng.random(chances.shape) < chances).sum(axis=1)


def share_text(fails: int, reps: int) -> str:
    """`0.016 [0.010, 0.026]`: a fail rate of `reps` simulated pairs with its 95% Wilson interval - a bare 0.000 of
    200 pairs read as "never", where the simulation can only say "under 1.9%"."""
    low, high = wilson_score_bounds(fails, reps)
    return f"{fails / reps:.3f} [{low:.3f}, {high:.3f}]"


def gate_fails(base: np.ndarray, new: np.ndarray, margins: dict[str, float]) -> bool:
    return family_fails([(base, new)], margins)


def family_fails(groups: list[tuple[np.ndarray, np.ndarray]], margins: dict[str, float]) -> bool:
    """The gate's decision over every rule x group (model x mode, on the same cases), as compare/rules.py `decide`:
    the sign-flip rules are one unit tested jointly, each McNemar rule is one; Tarone's rule over the units (of the
    sign-flip unit only the rules that reach alpha / K), then `joint_stepdown`."""
    rules: list[tuple[float, float, dict[str, float] | None]] = []  # (p, min_p, per-case x or None)
    for base, new in groups:
        if "score" in margins:
            margin = margins["score"]
            t = noninferiority_mean(list(base - new), margin, ceiling=list(base))
            if t.p_value is not None:
                x = {f"c{i}": float(v) - margin for i, v in enumerate(base - new)}
                rules.append((t.p_value, t.min_p or 0.0, x if t.n >= 2 else None))
        if "pass_rate" in margins:
            t = noninferiority_pass(list(base >= 60), list(new >= 60), margins["pass_rate"])
            if t.p_value is not None:
                rules.append((t.p_value, t.min_p or 0.0, None))
    joint = [i for i, r in enumerate(rules) if r[2] is not None]
    units = [[i] for i in range(len(rules)) if i not in joint] + ([joint] if joint else [])
    chosen, k = tarone_family([min(rules[i][1] for i in unit) for unit in units])
    level = 0.05 / k if k else 0.05
    members = sorted(i for j in chosen for i in units[j] if len(units[j]) == 1 or rules[i][1] <= level * (1 + 1e-9))
    adjusted = joint_stepdown([rules[i][0] for i in members], [rules[i][2] for i in members])
    return any(q <= 0.05 for q in adjusted)


def family_rate(
    rng: np.random.Generator, n: int, models: int, modes: int, hit: float, margins: dict[str, float], reps: int
) -> float:
    """Fail rate over `models` x `modes` groups on the same n cases (each model its own chances, each mode its own
    draws), the last group's chances multiplied by (1 - hit): 0 no change, 1 a collapse (every case to 0)."""
    fails = 0
    for _ in range(reps):
        groups: list[tuple[np.ndarray, np.ndarray]] = []
        for _m in range(models):
            chances = case_chances(rng, n)
            for _d in range(modes):
                groups.append((run(rng, chances), run(rng, chances)))
        chances = case_chances(rng, n)
        groups[-1] = (run(rng, chances), run(rng, chances * (1 - hit)))
        if hit >= 1:  # a collapse of a model that was healthy: every case 100 -> 0 (its baseline all right)
            groups[-1] = (np.full(n, 100.0), np.zeros(n))
        fails += family_fails(groups, margins)
    return fails / reps


def family_table(sizes: list[int], reps: int, seed: int) -> None:
    """Several models (and modes) gated at once: the family the round-9 fix is about."""
    rng = np.random.default_rng(seed)
    print(f"{reps} simulated comparisons per cell; several models x modes on the same cases, gated at once")
    print("gate | groups | n | no change | last group true drop 11.1 | last group 100 -> 0 on every case")
    print("---|---|---|---|---|---")
    for name, margins in (("score:5,pass_rate:10", {"score": 5.0, "pass_rate": 10.0}), ("score:0", {"score": 0.0})):
        for models, modes in ((4, 1), (2, 2), (4, 2)):
            for n in sizes:
                cells = [f"{family_rate(rng, n, models, modes, h, margins, reps):.3f}" for h in (0.0, 0.2, 1.0)]
                print(f"{name} | {models} x {modes} | {n} | " + " | ".join(cells), flush=True)
    family_cross_check(rng, 6, 20)
    print("compare_runs decided as family_fails on 20 simulated 4-model comparisons (n=6)")


def family_cross_check(rng: np.random.Generator, n: int, reps: int) -> None:
    """compare_runs on simulated 4-model documents decides exactly as family_fails."""

    def doc(per_model: list[np.ndarray]) -> dict:
        cases = [
            {"model": f"m{j}", "scenario_id": f"c{i}", "mode": "norag", "score": float(s), "passed": bool(s >= 60)}
            for j, scores in enumerate(per_model)
            for i, s in enumerate(scores)
        ]
        return {"schema_version": 2, "cases": cases, "run": {"status": "complete"}}

    margins = {"score": 5.0, "pass_rate": 10.0}
    for rep in range(reps):
        groups: list[tuple[np.ndarray, np.ndarray]] = []
        for _ in range(4):
            chances = case_chances(rng, n)
            groups.append((run(rng, chances), run(rng, chances * (0.0 if rep % 3 == 0 and len(groups) == 3 else 1.0))))
        cmp = compare_runs(
            doc([b for b, _ in groups]), doc([x for _, x in groups]), parse_fail_expressions("score:5,pass_rate:10")
        )
        assert (cmp["exit_code"] == 6) == family_fails(groups, margins), cmp["summary"]


def expected_drop(rng: np.random.Generator, n: int, f: float, draws: int = 4000) -> float:
    c = case_chances(rng, draws)
    return float(100.0 / POINTS * (c.sum(axis=1) - (c * (1 - f)).sum(axis=1)).mean())


def with_errors(
    rng: np.random.Generator, base: np.ndarray, new: np.ndarray, errors: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each run's samples error with chance `errors`, independently. As the gate does under --allow-errors: a
    baseline case that errored is left out (no measurement), a new run's errored case scores 0 and did not pass.
    Returns the compared scores and both error masks."""
    base_err, new_err = rng.random(base.shape) < errors, rng.random(new.shape) < errors
    keep = ~base_err
    return base[keep], np.where(new_err, 0.0, new)[keep], base_err, new_err


def fail_count(
    rng: np.random.Generator, n: int, f: float, margins: dict[str, float], reps: int, errors: float = 0.0
) -> int:
    """Of `reps` simulated pairs of runs at n cases, how many the gate fails."""
    fails = 0
    for _ in range(reps):
        chances = case_chances(rng, n)
        base = run(rng, chances)
        new = run(rng, chances * (1 - f))
        if errors:
            base, new, _, _ = with_errors(rng, base, new, errors)
        fails += gate_fails(base, new, margins)
    return fails


def cross_check(
    rng: np.random.Generator, n: int, reps: int, rules: str, margins: dict[str, float], errors: float = 0.0
) -> None:
    """compare_runs on simulated documents decides exactly as gate_fails (with errors: under allow_errors)."""
    error = {"stage": "request", "type": "timeout", "status": None, "message": "simulated"}

    def doc(scores: np.ndarray, errored: np.ndarray) -> dict:
        cases = [
            {"model": "m", "scenario_id": f"c{i}", "mode": "norag", "score": float(s), "passed": bool(s >= 60)}
            | ({"score": None, "passed": False, "error": error} if bad else {})
            for i, (s, bad) in enumerate(zip(scores, errored))
        ]
        return {"schema_version": 2, "cases": cases, "run": {"status": "complete"}}

    for _ in range(reps):
        chances = case_chances(rng, n)
        base, new = run(rng, chances), run(rng, chances * 0.8)
        kept_base, kept_new, base_err, new_err = with_errors(rng, base, new, errors)
        if base_err.all():
            continue  # nothing to compare: broken, never allowed
        cmp = compare_runs(doc(base, base_err), doc(new, new_err), parse_fail_expressions(rules), allow_errors=True)
        assert (cmp["exit_code"] == 6) == gate_fails(kept_base, kept_new, margins), (base, new, cmp["summary"])


def boundary(sizes: list[int], reps: int) -> None:
    print(f"true worsening = the margin of score:5 ({reps} samples per cell): how often the rule fails")
    print("n | 10% of cases lose 50 | 25% of cases lose 20")
    print("---|---|---")
    for n in sizes:
        rng = np.random.default_rng(n)
        cells = []
        for share, loss in ((0.1, 50.0), (0.25, 20.0)):
            fails = sum(
                (noninferiority_mean(list(np.where(rng.random(n) < share, loss, 0.0)), 5.0).p_value or 1) <= 0.05
                for _ in range(reps)
            )
            cells.append(f"{fails / reps:.3f}")
        print(f"{n} | " + " | ".join(cells), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=1000)
    parser.add_argument("--n", type=int, action="append", help="cases per run (default 6, 8, 14, 30)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--part", choices=["all", "gate", "boundary", "family"], default="all")
    parser.add_argument(
        "--errors",
        type=float,
        default=0.0,
        help="share of samples that error in each run, judged as under --allow-errors (default 0)",
    )
    args = parser.parse_args()
    sizes = args.n or [6, 8, 14, 30]
    if args.part in ("all", "boundary"):
        boundary(sizes, args.reps)
        if args.part == "boundary":
            return
    if args.part in ("all", "family"):
        family_table(args.n or [6, 8, 14], args.reps, args.seed)
        if args.part == "family":
            return
    rng = np.random.default_rng(args.seed)
    gates = {
        "score:5,pass_rate:10": {"score": 5.0, "pass_rate": 10.0},
        "score:0 (any drop)": {"score": 0.0},
        "pass_rate:0 (any drop)": {"pass_rate": 0.0},
    }
    shifts = [0.0, 0.1, 0.2, 0.35]
    drops = [expected_drop(np.random.default_rng(0), 0, f) for f in shifts]
    started = time.time()
    errors = f"; {args.errors:.0%} of samples error in each run, --allow-errors" if args.errors else ""
    print(
        f"{args.reps} simulated pairs of runs per cell; fail rate of the gate (Holm over its rules) with its 95% "
        f"Wilson interval{errors}"
    )
    header = "gate | n | " + " | ".join(f"true drop {d:.1f}" if d else "no change" for d in drops)
    print(header)
    print("|".join("---" for _ in header.split("|")))
    for name, margins in gates.items():
        for n in sizes:
            cells = [share_text(fail_count(rng, n, f, margins, args.reps, args.errors), args.reps) for f in shifts]
            print(f"{name} | {n} | " + " | ".join(cells), flush=True)
    cross_check(rng, 14, 50, "score:5,pass_rate:10", gates["score:5,pass_rate:10"], args.errors)
    print(f"compare_runs decided as above on 50 simulated pairs (n=14). {time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
