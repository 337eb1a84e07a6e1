"""`compare_runs(base, new, rules)`: match models by label (or `pairs` base_label -> new_label) and cases by
(scenario id, mode), compare the same cases paired, evaluate the gate rules and say whether the new run is
fit to be judged at all. Every statistic comes from `stats/`.

- Errors count: an errored sample of the new run is a failure with score 0 (what a user would get); so is a score
  that is not a finite number in 0-100 (a scoring error, `scorers.errored`). An errored sample of the baseline is no
  measurement: it is left out, as a 0 it would read as an improvement and hide a regression in the other cases; a
  baseline case with no answered sample cannot be compared: an error problem (allowed by `allow_errors` only).
- Broken runs never pass: a new run that is degraded (errors, a dead server), a baseline whose cases errored or
  that is degraded with no errored record (`allow_errors`); a model and mode of the new run with no usable answer
  (every sample errored or empty: never allowed - its zeros read as no change against a baseline at 0 or at a
  small n); a new run that is interrupted, baseline models, modes or cases missing from it, a new run or a
  baseline merged without a shard (`allow_missing`); nothing comparable, cases graded by another scorer or that
  the scorer raised on (never allowed): EXIT_BROKEN unless allowed. The summary names every allowed problem.
- Quality rules: one-sided non-inferiority tests (sign-flip for scores, McNemar for pass/fail), Holm over
  every quality rule x model x mode that Tarone's rule for discrete tests keeps (those that could be significant
  under the correction at this n, counting only the cases the baseline leaves able to get worse by more than the
  threshold); each prints n, p and what this n could detect.
- Speed: the run's statistic against the threshold only (the run is the unit of replication), and only between
  runs at the same load and generation settings (max_tokens, thinking, temperature, repeat), and for the RAG cases
  the same retrieval (knowledge base, top_k, chunks, embedder, reranker): "not comparable". Only finite,
  non-negative timings count; a request that timed out counts as taking at least the run's request timeout (the
  rule decides only where the timeouts cannot put the statistic on both sides of its threshold).
- Like with like: a case graded by another scorer in the baseline than in the new run is graded again from
  its saved answer first (given the current cases, compare/scorers.py), else left out as a problem.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .gate import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, EXIT_UNCHECKED, QUALITY, FailRule
from .problems import (
    bad_timing_problems,
    blind_collapse_text,
    blind_collapses,
    broken_comparison,
    comparison_failure,
    deciding_judge,
    duplicated_records,
    mostly_errored,
    only_in_new,
    renamed_pairs,
    run_description,
    summary_text,
    unchecked_rules,
    unfit_problems,
)
from .repeats import left_out_blocks, left_out_regressions, left_out_text
from .rules import (
    SPEED_NOTE,
    answers_not_asked,
    compare_group,
    decide,
    evaluate_rule,
    holm_quality_verdicts,
    mark_failed_speed_rows,
)
from .runs import (
    graded_only,
    lost_samples,
    one_measurement,
    repeat,
    rescored_from_run,
    same_repeats,
    same_run,
    samples_by_key,
    stale_keys,
)
from .scorers import ScorerFor, align_baseline, bad_score, errored, graded_otherwise, record_scorer
from .settings import (
    answer_settings_note,
    model_settings_differences,
    other_hardware,
    request_timeout,
    retrieval_not_comparable,
    settings_differences,
    shards_at_other_loads,
    speed_not_comparable,
    speed_settings_note,
)

if TYPE_CHECKING:
    from ..evaluation.case_model import Case


def compare_runs(
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
    rules: Sequence[FailRule] = (),
    seed: int = 0,
    base_name: str | None = None,
    new_name: str | None = None,
    pairs: Mapping[str, str] | None = None,
    allow_missing: bool = False,
    allow_errors: bool = False,
    cases: Iterable[Case] | None = None,
    scorer_for: ScorerFor | None = None,
    saved_at: str | None = None,
    **_ignored: Any,
) -> dict[str, Any]:
    """The two runs compared case by case and the gate's verdict. `saved_at`: where inside pytest the new run's
    results.json is written (--llm-report-dir), for the fix a failed comparison names. `cases` (the current
    scenario files' cases) and `scorer_for` (the new run's scorer of a model and mode): the baseline's records
    graded by another scorer than the new run's are graded again with them first (compare/scorers.py); those that
    cannot be, and every such record when `cases` is not given, are left out of the comparison and named as a
    problem. A comparison that raises (a value of a hand-edited or older results.json no statistic expected) is a
    broken comparison - exit 7 with a one-line reason - from the command line as inside pytest, never a traceback
    and exit 1. A run compared with itself (`same_run`) is broken too, whatever option is given."""
    try:
        return _compare_runs(
            base_doc,
            new_doc,
            rules,
            seed,
            base_name,
            new_name,
            dict(pairs or {}),
            allow_missing,
            allow_errors,
            cases,
            scorer_for,
        )
    except Exception as exc:  # noqa: BLE001 - any failure of the comparison breaks the gate, never passes it
        fix = (
            None
            if new_name is None
            else f"a value in {base_name or 'the baseline'} or {new_name} no statistic expected: check them, or "
            "compare runs written by this version"
        )
        return broken_comparison(comparison_failure(exc, saved_at, fix=fix))


def _compare_runs(
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
    rules: Sequence[FailRule],
    seed: int,
    base_name: str | None,
    new_name: str | None,
    pairs: dict[str, str],
    allow_missing: bool,
    allow_errors: bool,
    cases: Iterable[Case] | None,
    scorer_for: ScorerFor | None,
) -> dict[str, Any]:
    duplicated = {"base": duplicated_records(base_doc), "new": duplicated_records(new_doc)}
    # a re-scored run keeps the records it could not grade (asked differently now, or no longer in the suite) with
    # their old scores: those say nothing about today's case, so neither side compares them
    base_ungraded_keys = stale_keys(base_doc, pairs)
    base_doc, base_stale = graded_only(base_doc)
    new_doc, new_stale = graded_only(new_doc)
    rescored = None
    ungraded: list[dict[str, Any]] = []
    outdated: dict[tuple[str, str, str], str] = {}  # cases the new run graded otherwise than today's scorer
    if cases is not None:
        base_doc, rescored = align_baseline(base_doc, new_doc, cases, scorer_for, pairs)
        if rescored is not None:  # cases the scorer raised on: left out of the baseline, named as a problem
            ungraded = rescored.pop("ungraded", None) or []
            outdated = {(c["model"], c["mode"], c["scenario_id"]): c["today"] for c in rescored.pop("outdated", [])}
            rescored = rescored if rescored["cases"] else None
    raw_b_models = list(dict.fromkeys(c["model"] for c in base_doc.get("cases", [])))
    raw_n_models = list(dict.fromkeys(c["model"] for c in new_doc.get("cases", [])))
    problems: list[dict[str, Any]] = []
    for b_label, n_label in pairs.items():
        if b_label not in raw_b_models or n_label not in raw_n_models:
            which = (
                f"{b_label!r} is not a model of the baseline (its models: {raw_b_models})"
                if b_label not in raw_b_models
                else f"{n_label!r} is not a model of the new run (its models: {raw_n_models})"
            )
            problems.append({"kind": "pair", "text": f"pair {b_label}={n_label}: {which}", "allowed": False})
    targets: dict[str, list[str]] = defaultdict(list)  # new label -> the baseline models compared as it
    for b_label, n_label in pairs.items():
        targets[n_label].append(b_label)
    for n_label, sources in targets.items():
        pooled = sources + ([n_label] if n_label in raw_b_models and n_label not in pairs else [])
        if len(pooled) > 1:  # their cases would be pooled as if they were repeats of one model
            problems.append(
                {
                    "kind": "pair",
                    "text": f"baseline models {pooled} would all be compared as {n_label!r}, their cases pooled. "
                    f"Fix: pair each baseline model with a new model of its own (--pair {pooled[-1]}=OTHER; in "
                    "pytest --llm-compare-pair), or "
                    "compare them one at a time",
                    "allowed": False,
                }
            )
    base, new = samples_by_key(base_doc, pairs), samples_by_key(new_doc)
    base_full, new_full = dict(base), dict(new)  # every sample, before another --llm-repeat keeps k of each case
    repeats_note = same_repeats(base, new, base_doc, new_doc)
    renamed = {pairs.get(m, m): m for m in raw_b_models}
    compared_repeat, other_repeat = min(repeat(base_doc), repeat(new_doc)), repeat(base_doc) != repeat(new_doc)
    lost = {
        "new": lost_samples(new, compared_repeat, "the new run", other_repeat),
        "base": lost_samples(base, compared_repeat, "the baseline", other_repeat, renamed),
    }
    # a re-scored baseline's records it could not grade (their question changed since: rescore status "changed")
    # whose case the new run asked: the baseline has no answer to today's case - like a case asked differently, not
    # compared, and a problem. Dropped in silence, 4 edited questions now failing passed the gate after
    # `rescore BASELINE` where the same baseline not re-scored broke it
    stale_asked = [
        {"model": renamed.get(k[0], k[0]), "mode": k[1], "scenario_id": k[2], "status": status}
        for k, status in base_ungraded_keys.items()
        if k in new and k not in base
    ]
    if stale_asked:
        asked_names = {f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in stale_asked}
        base_stale = [name for name in base_stale if name not in asked_names]
    b_models = list(dict.fromkeys(k[0] for k in base))
    n_models = list(dict.fromkeys(k[0] for k in new))
    mismatches: dict[str, Any] = {
        "models_only_in_base": [renamed.get(m, m) for m in b_models if m not in n_models],
        "models_only_in_new": [m for m in n_models if m not in b_models],
        "modes_only_in_base": [],  # a model of both runs whose mode (rag, norag) only the baseline ran
        "modes_only_in_new": [],  # and the other way: a mode the baseline never ran (not compared, named)
        "cases_only_in_base": [],
        "cases_only_in_new": [],
        # a case only the baseline has and one only the new run has asking the same question: renamed, most likely
        "renamed_cases": [],
        "changed_cases": [],
        "scorer_changed": [],
        # cases whose same answer (same prompt) the two runs graded otherwise (`scorers.graded_otherwise`)
        "graded_otherwise": [],
        "baseline_errored": [],
        "baseline_ungraded": ungraded,  # the scorer raised on their baseline answer (compare/scorers.py)
        # a re-score's records it could not grade, by run (only the runs that have any)
        "not_regraded": {run: names for run, names in (("base", base_stale), ("new", new_stale)) if names},
        # a re-scored baseline's records it could not grade whose case the new run asked (not compared)
        "base_not_regraded_asked": stale_asked,
        "errored_cases": [],
        "settings": settings_differences(base_doc.get("run", {}), new_doc.get("run", {}), pairs)
        + model_settings_differences(base_doc.get("run") or {}, new_doc.get("run") or {}, pairs),
        # records of one (model, mode, case, sample) more than once, by run (only the runs that have any)
        "duplicated_records": {run: names for run, names in duplicated.items() if names},
    }
    groups = []
    timeouts = (request_timeout(base_doc), request_timeout(new_doc))
    # a re-score holds the answers of the run it graded: an answer alike in both runs is then one answer
    one_answer_set = rescored_from_run(base_doc) is not None or rescored_from_run(new_doc) is not None
    common = sorted(
        {(k[0], k[1]) for k in base} & {(k[0], k[1]) for k in new}, key=lambda p: (n_models.index(p[0]), p[1])
    )
    for model, mode in common:
        b_ids = list(dict.fromkeys(k[2] for k in base if k[:2] == (model, mode)))
        n_ids = {k[2] for k in new if k[:2] == (model, mode)}
        ids = []
        for case_id in b_ids:
            where = {"model": model, "mode": mode, "scenario_id": case_id}
            if case_id not in n_ids:  # named as the baseline calls its model (--pair: not the new label)
                mismatches["cases_only_in_base"].append({**where, "model": renamed.get(model, model)})
                continue
            b_s, n_s = base[(model, mode, case_id)], new[(model, mode, case_id)]
            b_hash, n_hash = b_s[0].get("case_hash"), n_s[0].get("case_hash")
            if b_hash and n_hash and b_hash != n_hash:
                # the same question (prompt hash): only key points, threshold or scorer changed - a re-score grades it
                b_prompt, n_prompt = b_s[0].get("prompt_hash"), n_s[0].get("prompt_hash")
                same_question = bool(b_prompt) and b_prompt == n_prompt
                mismatches["changed_cases"].append(
                    {**where, "base_hash": b_hash, "new_hash": n_hash, "same_question": same_question}
                )
                continue
            b_scorer, n_scorer = record_scorer(b_s), record_scorer(n_s)
            if b_scorer and n_scorer and b_scorer != n_scorer:  # a difference would measure the scorers
                mismatches["scorer_changed"].append(
                    {
                        **where,
                        "base_scorer": b_scorer,
                        "new_scorer": n_scorer,
                        "base_judge": deciding_judge(b_s),
                        "new_judge": deciding_judge(n_s),
                        **(
                            {"today_scorer": outdated[(model, mode, case_id)]}
                            if (model, mode, case_id) in outdated
                            else {}
                        ),
                    }
                )
                continue
            otherwise = graded_otherwise(b_s, n_s, rescore=one_answer_set)
            if otherwise:  # the same answer graded otherwise: a difference would measure the grading
                mismatches["graded_otherwise"].append({**where, "samples": otherwise})
                continue
            answered = [s for s in b_s if not errored(s)]
            if len(answered) < len(b_s):  # a baseline error is no measurement: as a 0 it would hide a regression
                mismatches["baseline_errored"].append(
                    {
                        **where,
                        "samples": len(b_s) - len(answered),
                        "of": len(b_s),
                        "bad_scores": sum(1 for s in b_s if bad_score(s)),  # answered, graded out of 0-100
                    }
                )
                if not answered:
                    continue
                base[(model, mode, case_id)] = answered
            if any(errored(s) for s in n_s):
                mismatches["errored_cases"].append({**where, "run": "new"})
            ids.append(case_id)
        left_out = {c["scenario_id"] for c in ungraded if (c["model"], c["mode"]) == (model, mode)}
        left_out |= {k[2] for k in base_ungraded_keys if k[:2] == (model, mode)}
        new_ids = sorted(n_ids - set(b_ids) - left_out)
        mismatches["cases_only_in_new"] += [{"model": model, "mode": mode, "scenario_id": i} for i in new_ids]
        base_ids = [case_id for case_id in b_ids if case_id not in n_ids]
        mismatches["renamed_cases"] += [
            {"model": renamed.get(model, model), "mode": mode, "base_id": old, "new_id": now}
            for old, now in renamed_pairs(
                {i: base[(model, mode, i)] for i in base_ids}, {i: new[(model, mode, i)] for i in new_ids}
            )
        ]
        if ids:
            base_model = renamed.get(model, model)
            groups.append(compare_group(base, new, ids, model, mode, seed, base_model, timeouts))
    # a (model, mode) the baseline ran and the new run did not (--rag dropped, another --rag-mode): every case of it
    # is missing - it was looked for only inside the pairs both runs have, and the gate passed without the RAG cases
    new_pairs = {(k[0], k[1]) for k in new}
    for model, mode in dict.fromkeys((k[0], k[1]) for k in base):
        if model in n_models and (model, mode) not in new_pairs:
            ids = list(dict.fromkeys(k[2] for k in base if k[:2] == (model, mode)))
            label = renamed.get(model, model)  # the baseline's label (--pair old=new: old)
            mismatches["modes_only_in_base"].append({"model": label, "mode": mode, "cases": len(ids)})
            mismatches["cases_only_in_base"] += [{"model": label, "mode": mode, "scenario_id": i} for i in ids]
    base_pairs = {(k[0], k[1]) for k in base}
    for model, mode in dict.fromkeys((k[0], k[1]) for k in new):
        if model in b_models and (model, mode) not in base_pairs:
            cases_of = len({k[2] for k in new if k[:2] == (model, mode)})
            mismatches["modes_only_in_new"].append({"model": model, "mode": mode, "cases": cases_of})
    compared_new = [sample for samples in new.values() for sample in samples]  # after --llm-repeat's like for like
    problems += unfit_problems(
        base_doc, new_doc, mismatches, groups, n_models, allow_missing, allow_errors, compared_new
    )
    itself = same_run(base_doc, new_doc)
    if itself is not None:  # first: every "no change" below is this run's own answers against themselves
        problems.insert(0, {"kind": "same_run", "text": itself, "allowed": False})
    if repeats_note:
        problems.append({"kind": "note", "text": repeats_note, "allowed": True})
    if lost["new"]:  # records of the new run lost: it is incomplete, like a run missing cases
        fix = ". Fix: run the suite again, or allow it (--allow-missing)"
        problems.append({"kind": "missing", "text": lost["new"] + fix, "allowed": allow_missing})
    if lost["base"]:  # the baseline's: fewer measurements of those cases, no reason to fail
        problems.append({"kind": "note", "text": lost["base"], "allowed": True})
    run_wide = [d for d in mismatches["settings"] if not d.get("model")]
    why = (
        speed_not_comparable(run_wide)
        or other_hardware(run_wide, base_doc, new_doc)
        or one_measurement(base_doc, new_doc)
        or shards_at_other_loads(base_doc, new_doc)
    )
    for g in groups:  # a model's own server values (--llm-model-arg) change its speed alone
        own = speed_not_comparable([d for d in mismatches["settings"] if d.get("model") == g["model"]])
        if g["mode"] == "rag":  # the retrieved context is part of the prompt: another one takes another time
            own = own or retrieval_not_comparable(run_wide)
        if why or own:  # latency under another load or of other answers measures that: the rules are not checked
            for metric, entry in g["metrics"].items():
                if metric not in QUALITY:
                    entry.update(estimate=None, relative_pct=None, verdict=why or own, method=why or own)
    results = [evaluate_rule(rule, g, seed) for g in groups for rule in rules]
    problems += bad_timing_problems(results, new, allow_errors)
    decide(results)
    holm_quality_verdicts(groups, {(r["model"], r["mode"], r["metric"]) for r in results if r["failed"]})
    mark_failed_speed_rows(groups, results)
    not_asked = answers_not_asked(groups)
    # the samples another --llm-repeat leaves out, compared like for like block by block (compare/repeats.py)
    blocks = left_out_blocks(base_full, new_full, base, new, base_doc, new_doc) if repeats_note else []
    late_found = left_out_regressions(blocks, groups, rules, seed)
    for g in groups:
        g.pop("_cases", None)
        g.pop("_ids", None)
        for entry in g["metrics"].values():
            entry.pop("_exact", None)
            entry.pop("_bounds", None)
    regressions = [r for r in results if r["failed"]]
    broken = [p for p in problems if not p["allowed"]]
    summary = summary_text(groups, regressions, broken, results, [p for p in problems if p["allowed"]])
    # half or more of a model and mode errored or answered empty: a regression whatever the statistics say
    # every sample the new run asked of the cases compared, all its --llm-repeat samples: a server that failed
    # samples 2-3 of a repeat-3 run is as unhealthy against a baseline of one sample (it exited 8, "not checked") as
    # against one of three (exit 6) - errors are not quality sampled like for like, so no baseline's repeat decides
    half_errored = [] if broken else mostly_errored([s for key in new for s in new_full.get(key, new[key])])
    if half_errored:
        summary = f"errors past the gate: {'; '.join(half_errored)}; {summary}"
    only_new = only_in_new(mismatches)
    if only_new:  # not a regression, but no verdict either: said in the summary, not only under the tables
        summary += f"; note: {only_new}"
    settings_note = answer_settings_note(mismatches["settings"])
    if settings_note:  # the settings are named under the tables too ("different settings.max_tokens: ...")
        summary += f"; note: {settings_note}"
    speed_note = speed_settings_note(mismatches["settings"])
    checked_speed = [r for r in results if r["metric"] not in QUALITY and r not in unchecked_rules(results)]
    if speed_note and checked_speed:  # a speed verdict under another parallelism says so beside it
        summary += f"; note: {speed_note}"
    if not_asked and sum(not_asked["new"].values()) == not_asked["samples"]["new"]:
        summary += "; every answer of the new run was asked in an earlier run (answer cache or --llm-resume)"
    rescored_from = rescored_from_run(new_doc)
    if rescored_from is not None:  # no request was sent: a verdict on the scorer's view of an earlier run's answers
        summary += (
            f"; the new run is a re-score of {rescored_from}: no answer was asked in it (its answers and timings are "
            "that run's)"
        )
    unchecked = unchecked_rules(results)  # a speed rule that measured nothing: never "passed" (gate.py)
    blind = [] if broken else blind_collapses(results)  # past the threshold at an n no outcome can fail: not passed
    if blind:
        summary += f"; {blind_collapse_text(blind)}"
    late = [] if broken or regressions or half_errored else late_found
    if late:  # first, as "errors past the gate": the summary's "no significant change" is the first k samples'
        summary = f"{left_out_text(late)}; {summary}"
    unchecked = [*unchecked, *blind, *late]
    failing = regressions or half_errored
    exit_code = EXIT_BROKEN if broken else EXIT_REGRESSION if failing else EXIT_UNCHECKED if unchecked else EXIT_OK
    return {
        "base": run_description(base_doc, base_name),
        "new": run_description(new_doc, new_name),
        "pairs": pairs,
        "groups": groups,
        "rules": results,
        "regressions": regressions,
        "errors_past_gate": half_errored,
        "unchecked": [f"{r['model']} {r['mode']} {r['rule']}" for r in unchecked],
        "problems": problems,
        "broken": bool(broken),
        "mismatches": mismatches,
        "has_mismatches": any(mismatches[k] for k in mismatches),
        "baseline_rescored": rescored,
        "not_asked": not_asked,
        "decision_rule": (
            "quality rules: fail when the one-sided 95% lower bound of the worsening is above the threshold "
            "(exact sign-flip test for scores, McNemar's exact test for pass/fail), Holm-adjusted over the "
            "rules x models x modes Tarone's rule keeps (those that can be significant at their n), the sign-flip "
            "rules tested jointly on their shared cases (step-down max-T); speed rules: "
            f"{SPEED_NOTE}"
        ),
        "summary": summary,
        "exit_code": exit_code,
    }
