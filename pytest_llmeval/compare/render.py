"""Render a comparison (from `compare_runs`) as terminal text or Markdown, through the report sections."""

from __future__ import annotations

from typing import Any

from ..results.sections import NO_WIDTH, Section, Table, fmt, no_interval, signed
from ..stats.decision import p_text
from .gate import EXIT_BROKEN, EXIT_REGRESSION, EXIT_UNCHECKED
from .problems import ALLOWED_BY
from .rules import ALPHA, speed_worsening_text

LATENCY = {"ttft_p50", "ttft_p95", "e2e_p50", "e2e_p95"}
# score and pass rate are paired over cases; the speed rows are over the timed answers of each run
N_HEADER = "n (quality: cases; speed: answers)"


def _change(entry: dict[str, Any], digits: int = 2) -> str:
    if entry.get("estimate") is None:
        return "-"
    text = signed(entry["estimate"], digits)  # a bound of -0.047 is `-0.05`, never `+0.00`: 0 is not inside
    missing = no_interval(entry) if "low" in entry else None  # not [-inf, +inf]: the n cannot give one
    if missing is not None:
        return f"{text} {missing}"
    if "low" in entry or "high" in entry:
        low = "-inf" if entry.get("low") is None else signed(entry["low"], digits)
        high = "+inf" if entry.get("high") is None else signed(entry["high"], digits)
        text += f" [{low}, {high}]"
        if entry.get("low") is not None and entry.get("low") == entry.get("high") and entry.get("estimate"):
            text += NO_WIDTH  # not a measured precision: see the method
    return text


def distinct_digits(base: Any, new: Any, least: int, most: int = 4) -> int:
    """The fewest decimals, from `least` up to `most`, that show two different values differently: at one decimal a
    change from 61.004 to 60.996 read "61.0 -> 61.0" beside the verdict it had changed. Equal values (or ones that
    still look alike at `most`) keep `least`."""
    if not isinstance(base, float | int) or not isinstance(new, float | int) or base == new:
        return least
    for digits in range(least, most + 1):
        if fmt(float(base), digits) != fmt(float(new), digits):
            return digits
    return least


def _relative(entry: dict[str, Any]) -> str:
    """The change in % of the baseline's value, with the change's interval on that scale where it has one (a
    relative fall of -58.8% printed bare read as a result beside `no significant difference`); the baseline's
    value is taken as it was measured, as the gate's relative rules take it."""
    if entry.get("relative_pct") is None:
        return "-"
    text = f"{signed(entry['relative_pct'], 1)}%"  # a fall of 0.013% is -0.01%, never -0.0% beside "worse"
    base, low, high = entry.get("base"), entry.get("low"), entry.get("high")
    if not base or low is None or high is None:
        return text
    return f"{text} [{signed(100 * low / base, 1)}, {signed(100 * high / base, 1)}]"


def _p(entry: dict[str, Any]) -> str:
    """The p of a row: 3 significant digits, or "<4e-05" where a Monte Carlo test's p is at its floor; then the
    Holm-adjusted p in brackets where the verdict was corrected over the comparison's quality rows."""
    text = p_text(entry.get("p_value"), bool(entry.get("p_at_floor")))
    return text if entry.get("p_holm") is None else f"{text} (Holm {p_text(entry['p_holm'])})"


def _verdict(entry: dict[str, Any]) -> str:
    """A row's verdict; "worse" kept where the two-sided test is not significant after Holm (a rule the gate failed
    by its one-sided test: `holm_quality_verdicts`) says so - "0.0312 (Holm 0.0625) worse" read against the header's
    "only where p Holm <= 0.05"."""
    verdict = str(entry.get("verdict", "-"))
    p_holm = entry.get("p_holm")
    if verdict == "worse" and (p_holm is None or p_holm > ALPHA):
        return "worse: the gate's one-sided test failed its rule (see the rules)"
    return verdict


# A comparison without a rule (--llm-compare alone) fails only when the run is broken: "passed" would say that a
# gate looked at the differences and found them within bounds, even after a fall from 100 to 0.
NO_RULES = "no rule set (--llm-compare-fail; compare: --fail), only a broken run fails"


# A gate whose every rule could not be checked (no outcome could be significant at this n, speed not comparable or
# too few requests) passes (exit 0: no evidence of a regression), but "gate passed" alone read as evidence of none:
# a baseline of one case going 100 -> 0 under score:5,pass_rate:10 printed "(gate passed)".
NONE_CHECKED = "passed, but no rule could be checked - see why in the summary"


def none_checked(cmp: dict[str, Any]) -> bool:
    """A gate that passed with rules of which none could be checked."""
    rules = cmp.get("rules") or []
    unchecked = ("cannot be significant", "not checked")
    return not cmp.get("exit_code") and bool(rules) and all(str(r.get("status")).startswith(unchecked) for r in rules)


# A speed rule that measured nothing, or a quality rule past its threshold at an n no outcome can fail (exit 8,
# gate.py): not "FAILED" - nothing was shown worse - and never "passed".
NOT_CHECKED = "NOT CHECKED: a rule could not be checked - see why in the summary"


def gate_word(cmp: dict[str, Any]) -> str:
    """The gate's outcome in one word or phrase, for the terminal's last line."""
    if cmp.get("exit_code") == EXIT_UNCHECKED:
        return f"gate {NOT_CHECKED}"
    if cmp.get("exit_code"):
        return "gate FAILED"
    if none_checked(cmp):
        return f"gate {NONE_CHECKED}"
    return "gate passed" if cmp.get("rules") else f"gate: {NO_RULES}"


def comparison_sections(cmp: dict[str, Any]) -> list[Section]:
    base, new = cmp["base"], cmp["new"]
    code = cmp.get("exit_code", 0)
    outcomes = {EXIT_BROKEN: "RUN BROKEN", EXIT_REGRESSION: "REGRESSION", EXIT_UNCHECKED: NOT_CHECKED}
    outcome = outcomes.get(code, "passed")
    if outcome == "passed" and not cmp.get("rules"):
        outcome = NO_RULES
    elif none_checked(cmp):
        outcome = NONE_CHECKED
    head = (
        f"Baseline: {base.get('name') or '-'} ({base.get('started_at')}, commit {base.get('git_commit') or '-'}) "
        f"against this run ({new.get('started_at')}). Differences are new - baseline, paired over the cases "
        "both runs asked with the same content (n; an errored sample of this run counts as a failure with score 0, "
        "one of the baseline is left out: no measurement). "
        "Score: exact sign-flip test and the 95% interval that inverts it; pass rate: McNemar's exact test and "
        "an interval that agrees with it (Newcombe's paired score interval joined with the exact conditional "
        "one); 'better' or 'worse' only where the test stays significant after Holm's correction over the score "
        "and pass-rate rows of every model and mode (tested jointly on the cases they share: a step-down max-T over "
        "the cases' sign patterns; p Holm <= 0.05), or where the gate failed the row's rule by its "
        "one-sided test (said beside it); speed: the run's statistic, threshold only "
        "(the run is the unit). "
        f"Gate: {outcome} (exit {code}). " + cmp["summary"] + "."
    )
    if cmp.get("pairs"):
        head += " Paired labels: " + ", ".join(f"{b} -> {n}" for b, n in cmp["pairs"].items()) + "."
    sections = []
    problems = cmp.get("problems") or []
    if problems:
        lines = [_problem_tag(p) + p["text"] for p in problems]
        broken = [p for p in problems if not p["allowed"]]
        if any(p["kind"] in ALLOWED_BY for p in broken):
            lines.append(
                "A broken run never passes the gate (exit 7). Allow it explicitly when that is intended: "
                "--allow-errors / --allow-missing (pytest: --llm-compare-allow-errors / --llm-compare-allow-missing), "
                "--pair BASE=NEW for a relabelled model."
            )
        elif broken:  # a model with no answer, nothing comparable, a record twice, another scorer
            lines.append("A broken run never passes the gate (exit 7), and no switch allows this: fix it first.")
        sections.append(Section("comparison_problems", "Is the new run complete?", lines, terminal=True))
    rows = []
    for g in cmp["groups"]:
        label = g["model"] if g.get("base_model", g["model"]) == g["model"] else f"{g['base_model']} -> {g['model']}"
        for metric, entry in g["metrics"].items():
            digits = distinct_digits(entry.get("base"), entry.get("new"), 3 if metric in LATENCY else 1)
            rows.append(
                [
                    label,
                    g["mode"],
                    metric,
                    entry.get("n", g["n"]),
                    fmt(entry.get("base"), digits),
                    fmt(entry.get("new"), digits),
                    _change(entry, digits),
                    _relative(entry),
                    _p(entry),
                    _verdict(entry),
                ]
            )
    sections.append(
        Section(
            "comparison",
            "Comparison with the baseline",
            [head],
            Table(
                [
                    "model",
                    "mode",
                    "metric",
                    N_HEADER,
                    "baseline",
                    "new",
                    "change [95% CI]",
                    "change % [95% CI]",
                    "p",
                    "verdict",
                ],
                rows,
            ),
            terminal=True,
        )
    )
    flips = [_flip_row(g, f) for g in cmp["groups"] for f in g["flips"]]
    if flips:
        sections.append(
            Section(
                "comparison_flips",
                "Cases that changed verdict",
                [],
                Table(["model", "mode", "case", "change", "score baseline", "score new"], flips),
                terminal=True,
                level=3,
            )
        )
    if cmp["rules"]:
        rule_rows = []
        for r in cmp["rules"]:
            if r.get("kind") == "quality":
                worsening = r.get("worsening_text") or "-"  # with the decimals that tell it from the margin
                worse = "-" if r.get("worsening") is None else f"{worsening} (bound {r.get('bound_text')})"
            else:
                # the worsening in the rule's unit, + is worse whatever the metric (a fall of decode tok/s, a rise of
                # latency)
                worse = "-" if r.get("worsening") is None else f"{speed_worsening_text(r)} (run)"
            rule_rows.append([r["model"], r["mode"], r["describe"], r.get("n"), worse, r["status"]])
        notes = [cmp.get("decision_rule", "")]
        notes += [r["detectable"]["text"] + f" ({r['model']} {r['mode']})" for r in cmp["rules"] if r.get("detectable")]
        sections.append(
            Section(
                "comparison_gate",
                "Regression gate",
                notes,
                Table(["model", "mode", "rule", "n", "worsening (one-sided 95% bound)", "status"], rule_rows),
                terminal=True,
                level=3,
            )
        )
    notes = []
    m = cmp.get("mismatches") or {}
    for key, label in (
        ("models_only_in_base", "models only in the baseline"),
        ("models_only_in_new", "models only in this run"),
    ):
        if m.get(key):
            notes.append(f"{label}: {', '.join(m[key])}")
    if m.get("modes_only_in_base"):
        notes.append(
            "modes only in the baseline (every case of them missing): "
            + ", ".join(f"{c['model']}/{c['mode']} ({c['cases']} cases)" for c in m["modes_only_in_base"])
        )
    if m.get("modes_only_in_new"):
        notes.append(
            "modes only in this run (not compared): "
            + ", ".join(f"{c['model']}/{c['mode']} ({c['cases']} cases)" for c in m["modes_only_in_new"])
        )
    for run, names in (m.get("duplicated_records") or {}).items():
        notes.append(
            f"records held more than once in {'this run' if run == 'new' else 'the baseline'}: {', '.join(names)}"
        )
    for key, label in (
        ("cases_only_in_base", "cases only in the baseline"),
        ("cases_only_in_new", "cases only in this run"),
        ("changed_cases", "cases whose text changed (not compared)"),
        ("scorer_changed", "cases graded by another scorer in the baseline (not compared)"),
        ("graded_otherwise", "cases whose same answer the two runs graded otherwise: the scoring (not compared)"),
        ("base_not_regraded_asked", "cases the re-scored baseline could not grade, asked in this run (not compared)"),
    ):
        if m.get(key):
            notes.append(f"{label}: " + ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in m[key]))
    if m.get("renamed_cases"):
        notes.append(
            "cases that look renamed (the same question under another id; not compared): "
            + ", ".join(f"{c['model']}/{c['mode']}/{c['base_id']} -> {c['new_id']}" for c in m["renamed_cases"])
        )

    if m.get("baseline_errored"):
        notes.append(
            "errored in the baseline (no measurement: left out; a case with no answered sample is not compared): "
            + ", ".join(
                f"{c['model']}/{c['mode']}/{c['scenario_id']}"
                + (f" ({c['samples']} of {c['of']})" if c["of"] > 1 else "")
                for c in m["baseline_errored"]
            )
        )
    if m.get("baseline_ungraded"):
        notes.append(
            "baseline cases this run's scorer could not grade (not compared): "
            + ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in m["baseline_ungraded"])
        )
    if m.get("errored_cases"):
        notes.append(
            "cases that errored (compared as failures with score 0): "
            + ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']} ({c['run']})" for c in m["errored_cases"])
        )
    for diff in m.get("settings") or []:
        notes.append(f"different {diff['field']}: baseline {diff['base']!r}, this run {diff['new']!r}")
    if notes:
        sections.append(Section("comparison_mismatches", "Not compared like for like", notes, terminal=True, level=3))
    if cmp.get("not_asked"):
        text = [cmp["not_asked"]["text"]]
        sections.append(Section("comparison_not_asked", "Answers not asked in the run", text, terminal=True, level=3))
    if cmp.get("baseline_rescored"):
        text = [cmp["baseline_rescored"]["text"]]
        sections.append(Section("comparison_rescored", "Baseline graded again", text, terminal=True, level=3))
    return sections


def _render(cmp: dict[str, Any], markdown: bool) -> str:
    from ..results.render import render_sections

    return render_sections(comparison_sections(cmp), markdown=markdown)


def render_comparison_text(cmp: dict[str, Any]) -> str:
    return _render(cmp, markdown=False)


def render_comparison_markdown(cmp: dict[str, Any]) -> str:
    return _render(cmp, markdown=True)


def _problem_tag(problem: dict[str, Any]) -> str:
    """BROKEN (fails the gate), allowed (by a switch the user gave) or note (never a reason to fail)."""
    if not problem["allowed"]:
        return "BROKEN: "
    return "note: " if problem.get("kind") == "note" else "allowed: "


def _flip_row(group: dict[str, Any], flip: dict[str, Any]) -> list[Any]:
    """A case that changed verdict: its scores with the decimals that tell them apart, and why the verdict changed
    where the scores are the same (`same_score`)."""
    digits = distinct_digits(flip["score_base"], flip["score_new"], 1)
    change = flip["change"] + (" (error)" if flip.get("error_new") else "")
    if flip.get("same_score"):
        change += f" ({flip['same_score']})"
    return [
        group["model"],
        group["mode"],
        flip["scenario_id"],
        change,
        fmt(flip["score_base"], digits),
        fmt(flip["score_new"], digits),
    ]
