"""What makes a comparison unfit to pass the gate (`unfit_problems`: errors, missing models, modes and
cases, degraded or interrupted runs, other scorers, renamed or changed cases, nothing measured), each with whether
the user allowed it (`ALLOWED_BY`); a broken or failed comparison's document; and the one-paragraph summary.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..results.answer_health import all_empty, all_empty_text, empty_answer
from ..results.sections import NO_WIDTH, signed
from ..stats import p_text
from .gate import EXIT_BROKEN, QUALITY
from .rules import invalid_timings, speed_verdict_text
from .runs import listed, rescored_from_run, samples_by_key
from .scorers import MIXED, bad_score, errored, scorer_identity

STATUSES = ("complete", "degraded", "interrupted", "running")  # what a run's status can be (results/schema.py)
# the switch that allows each kind of problem (standalone; pytest: --llm-compare-allow-...)
ALLOWED_BY = {
    "errors": "--allow-errors",
    "missing": "--allow-missing",
    "interrupted": "--allow-missing",
    "unfinished": "--allow-missing",
}


def broken_comparison(reason: str) -> dict[str, Any]:
    """The comparison of a run that could not be compared (`reason`, one line): the gate is broken (exit 7), the
    run itself is kept - saved and reported as usual."""
    return {
        "error": reason,
        "exit_code": EXIT_BROKEN,
        "broken": True,
        "summary": f"no comparison: {reason}",
        "problems": [{"kind": "comparison", "text": reason, "allowed": False}],
        "groups": [],
        "rules": [],
        "regressions": [],
        "mismatches": {},
        "base": {},
        "new": {},
    }


def comparison_failure(exc: BaseException, results: str | None = None, fix: str | None = None) -> str:
    """One line for a comparison that raised: what, where, and the fix - by default (inside pytest) how to compare
    the saved run again, from `results` (where the run's results.json was written; the default report dir's)."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        last = frames[-1]
        parts = last.filename.replace("\\", "/").split("/")
        where = f" at {'/'.join(parts[-2:])}:{last.lineno}"
    message = " ".join(str(exc).split())[:300]
    fix = fix or (
        f"this run is saved and reported - compare it again: python -m pytest_llmeval compare BASELINE "
        f"{results or 'llmeval-report/results.json'}"
    )
    return f"the comparison with the baseline failed ({type(exc).__name__}: {message}{where}); {fix}"


def duplicated_records(doc: Mapping[str, Any]) -> list[str]:
    """The (model, mode, case, sample) that a run's records hold more than once, as "m1/norag/q00 sample 0 (2
    records)". A run records each sample once (the recorder keeps the first); more than one is no run's record set
    - a shard merged twice, files joined by hand - and which one counts cannot be told: averaged as repeats, a
    case answered 100 and 0 read as 50, and the gate passed."""
    counts: dict[tuple[str, str, str, str], int] = defaultdict(int)
    for case in doc.get("cases") or []:
        sample = case.get("sample") or 0
        counts[(str(case["model"]), str(case.get("mode", "norag")), str(case["scenario_id"]), str(sample))] += 1
    return [f"{m}/{mode}/{i} sample {k} ({n} records)" for (m, mode, i, k), n in counts.items() if n > 1]


def unfit_problems(
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
    mismatches: dict[str, Any],
    groups: list[dict[str, Any]],
    n_models: list[str],
    allow_missing: bool,
    allow_errors: bool,
    compared_new: Sequence[Mapping[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """What makes the new run unfit to pass the gate, each with whether the user allowed it; `compared_new`: the new
    run's samples as compared (default: all its records)."""
    problems: list[dict[str, Any]] = []
    status = (new_doc.get("run") or {}).get("status")
    # no measurement of a model and mode at all: in the new run never allowed (below), in the baseline its cases
    # are compared with nothing - named, and allowed by --allow-errors
    for how, text in no_measurement(base_doc.get("cases") or [], "the baseline"):
        if how != "errored":  # every case errored: its cases are not compared, a problem of their own (below)
            fix = "Fix: accept a baseline that answered, or allow it (--allow-errors)"
            problems.append({"kind": "errors", "text": f"{text}. {fix}", "allowed": allow_errors})
    problems += unmeasured_problems(new_doc.get("cases") or [] if compared_new is None else compared_new)
    problems += _degraded_baseline(base_doc, mismatches, allow_errors)
    for run, names in (mismatches.get("duplicated_records") or {}).items():
        which = "the new run" if run == "new" else "the baseline"
        text = (
            f"{which} holds {len(names)} case sample(s) more than once: {listed(names, 5)}. "
            "A run records each sample once: these records are not one run's (a "
            "shard merged twice, files joined by hand) and which one counts cannot be told. Fix: compare the runs "
            "as pytest-llmeval wrote them (merge each shard once)"
        )
        problems.append({"kind": "duplicate", "text": text, "allowed": False})
    if status == "interrupted":
        problems.append({"kind": "interrupted", "text": "the new run was interrupted", "allowed": allow_missing})
    for which, doc in (("new run", new_doc), ("baseline", base_doc)):
        # a status no run is written with (none, or another word): whether it finished cannot be told
        other = (doc.get("run") or {}).get("status")
        if other not in STATUSES:
            text = (
                f"the {which}'s status is {other!r}, not one pytest-llmeval writes ({', '.join(STATUSES)}): whether "
                "it finished cannot be told. Fix: compare a run as pytest-llmeval wrote it, or allow it "
                "(--allow-missing)"
            )
            problems.append({"kind": "unfinished", "text": text, "allowed": allow_missing})
    for which, doc in (("new run", new_doc), ("baseline", base_doc)):
        # "running" in a results.json that is read afterwards: the process was killed (SIGKILL, out of memory)
        unfinished = (doc.get("run") or {}).get("status") == "running" or (
            which == "baseline" and (doc.get("run") or {}).get("status") == "interrupted"
        )
        if unfinished:
            records = len(doc.get("cases") or [])
            problems.append(
                {
                    "kind": "unfinished",
                    "text": f"the {which} never finished (status {doc['run']['status']!r}: killed or interrupted; "
                    f"{records} case record(s)). Fix: compare a run that finished, or allow it (--allow-missing)",
                    "allowed": allow_missing,
                }
            )
    compared_errors = [e for e in mismatches["errored_cases"] if e["run"] == "new"]
    dead = [d.get("model") for d in (new_doc.get("run") or {}).get("degraded") or []]
    cases = samples_by_key(new_doc)
    failed = sorted((key for key, samples in cases.items() if any(errored(s) for s in samples)), key=str)
    bad = sorted((key for key, samples in cases.items() if any(bad_score(s) for s in samples)), key=str)
    # merged with --allow-missing and nothing errored: degraded because shards or records are missing, which the
    # missing cases below say (allowed by --allow-missing), not because of errors
    merge_missing = (new_doc.get("run") or {}).get("merge_missing") or None
    only_merge_missing = bool(merge_missing) and not failed and not dead and not compared_errors
    if compared_errors or bad or (status == "degraded" and not only_merge_missing):
        total = sum(g["n"] for g in groups)
        text = f"the new run is degraded: {len(failed)} of {len(cases)} case(s) errored"
        if len(compared_errors) != len(failed) or total != len(cases):  # some of them were not compared
            text += f", {len(compared_errors)} of the {total} compared"
        if dead:
            text += f"; server(s) died: {', '.join(map(str, dead))}"
        if failed:
            text += " (" + ", ".join(
                f"{m}/{mode}/{i}{_errored_samples(cases[(m, mode, i)])}" for m, mode, i in failed[:10]
            )
            text += ", ..." if len(failed) > 10 else ""
            text += "); errors are counted as failures with score 0"
        if bad:
            text += (
                f"; {len(bad)} of them have a score that is not a number in 0-100 (NaN, inf or out of range: a "
                "scoring error - fix the scorer)"
            )
        problems.append({"kind": "errors", "text": text, "allowed": allow_errors})
    if merge_missing:
        text = (
            f"the new run is incomplete: merged {_merged_without(merge_missing)} (merge --allow-missing); their cases "
            "are missing from it. Fix: merge every shard, or allow it (--allow-missing)"
        )
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    # a baseline merged without a shard: that shard's cases were never answered in it, so they show up only as
    # "cases only in this run" and are never compared - whatever they do now, the gate passed
    base_merge_missing = (base_doc.get("run") or {}).get("merge_missing") or None
    if base_merge_missing:
        text = (
            f"the baseline is incomplete: merged {_merged_without(base_merge_missing)} (merge --allow-missing); "
            "their cases are not in it and are never compared. Fix: accept a baseline merged from every shard, or "
            "allow it (--allow-missing)"
        )
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    if mismatches["models_only_in_base"]:
        text = f"model(s) of the baseline missing from the new run: {', '.join(mismatches['models_only_in_base'])}"
        if mismatches["models_only_in_new"]:
            only_new = mismatches["models_only_in_new"]
            text += (
                f" (the new run has {', '.join(only_new)}; if it is the same model relabelled, pair them: "
                f"--pair {mismatches['models_only_in_base'][0]}={only_new[0]}; in pytest --llm-compare-pair)"
            )
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    missing = mismatches["cases_only_in_base"]
    total = len(missing) + sum(g["n"] for g in groups) + len(mismatches["changed_cases"])
    total += len(mismatches["scorer_changed"]) + sum(c["samples"] == c["of"] for c in mismatches["baseline_errored"])
    total += len(mismatches.get("graded_otherwise") or [])
    total += len(mismatches["baseline_ungraded"]) + len(mismatches.get("base_not_regraded_asked") or [])
    for run, stale in mismatches["not_regraded"].items():
        if stale:
            which = "the new run" if run == "new" else "the baseline"
            text = (
                f"{which} is a re-score: {len(stale)} record(s) it could not grade (asked differently now, or no "
                f"longer in the suite) keep their old scores and are not compared: {listed(stale, 10)}. "
                "Fix: run the model on those cases"
            )
            problems.append({"kind": "note", "text": text, "allowed": True})
    ungraded = mismatches["baseline_ungraded"]
    if ungraded:
        names = "; ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']} ({c['error']})" for c in ungraded[:5])
        scorers = ", ".join(sorted({str(c["scorer"]) for c in ungraded}))
        hook = "; inside pytest with its pytest_llmeval_score hooks" if any(c["hook"] for c in ungraded) else ""
        text = (
            f"{len(ungraded)} of {total} baseline case(s) could not be graded again by this run's scorer ({scorers}"
            f"{hook}) and are not compared: {names}{'; ...' if len(ungraded) > 5 else ''}. It raised on the "
            "baseline's saved answer: fix the scorer (it must grade any answer), then compare again"
        )
        problems.append({"kind": "scorer", "text": text, "allowed": False})
    other = mismatches["scorer_changed"]
    if other:
        kinds = sorted({(c["base_scorer"], c["new_scorer"]) for c in other})
        names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in other], 10)
        text = (
            f"{len(other)} of {total} case(s) were graded by another scorer in the baseline than in the new run ("
            + "; ".join(f"baseline {a}, new run {b}" for a, b in kinds)
            + f"): {names}. Not compared: a difference would measure the "
            f"scorers. {regrade_fix(other, base_doc, new_doc)}"
        )
        problems.append({"kind": "scorer", "text": text, "allowed": False})
    problems += _graded_otherwise_problems(mismatches.get("graded_otherwise") or [], total, base_doc, new_doc)
    if missing:
        names = ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in missing[:10])
        text = f"{len(missing)} of {total} baseline case(s) missing from the new run: {names}"
        text += ", ..." if len(missing) > 10 else ""
        modes = mismatches.get("modes_only_in_base") or []
        # an interrupted (or killed) new run may simply not have reached a mode: no guess about its options then
        stopped = status in ("interrupted", "running")
        if modes:
            text += "; " + "; ".join(
                f"every {m['mode']} case of {m['model']} ({m['cases']}): the new run has none"
                + (
                    ""
                    if stopped
                    else " - did it run without --rag?"
                    if m["mode"] == "rag"
                    else " - did it run with --rag-mode only?"
                )
                for m in modes
            )
        text += _renamed_text(mismatches.get("renamed_cases") or [])
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    for diff in mismatches["settings"]:  # the same label on another model: said in the summary, not only below it
        if diff["field"].startswith("model_sources."):
            label = diff["field"].removeprefix("model_sources.")
            text = (
                f"{label} is another model than in the baseline ({diff['base']} -> {diff['new']}): the differences "
                "are between two models, not a change of one"
            )
            problems.append({"kind": "note", "text": text, "allowed": True})
    changed = mismatches["changed_cases"]
    if changed and groups:  # with no group at all, "nothing comparable" below says it
        problems += _changed_case_problems(changed, total, allow_missing)
    stale_asked = mismatches.get("base_not_regraded_asked") or []
    if stale_asked:
        names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in stale_asked], 10)
        text = (
            f"{len(stale_asked)} of {total} baseline case(s) have no answer to today's case: the baseline is a "
            "re-score that could not grade them (asked differently now - rescore status 'changed' -, or not in the "
            f"scenario files it was graded with) and the new run asked them; not compared: {names}. "
            "Fix: accept a baseline asked as the cases are today (run the suite, then python -m pytest_llmeval accept "
            "last), or allow it (--allow-missing)"
        )
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    unanswered = [c for c in mismatches["baseline_errored"] if c["samples"] == c["of"]]
    if unanswered and groups:  # with no group at all, "nothing comparable" below says it
        names = ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in unanswered[:10])
        scored_out = [c for c in unanswered if c.get("bad_scores")]
        text = (
            f"{len(unanswered)} of {total} baseline case(s) errored in the baseline and cannot be compared: {names}"
            + (", ..." if len(unanswered) > 10 else "")
        )
        if scored_out:  # answered, but graded out of 0-100 (NaN, 150: an older version or a custom scorer)
            text += (
                f"; {len(scored_out)} of them ("
                + ", ".join(f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in scored_out[:10])
                + (", ..." if len(scored_out) > 10 else "")
                + ") answered but have a score that is not a number in 0-100 (a scoring error): grade the baseline "
                "again - python -m pytest_llmeval rescore BASELINE - and compare with the run it saves, or fix the "
                "scorer"
            )
        text += (
            ". Fix: accept a baseline that answered them, or allow it (--allow-errors; pytest: "
            "--llm-compare-allow-errors - which lets the new run's errors through too)"
        )
        problems.append({"kind": "errors", "text": text, "allowed": allow_errors})
    if not groups:
        problems.append(
            {
                "kind": "nothing",
                "text": "nothing comparable: no case ran in both runs (same model label, mode, scenario id, content)"
                + (
                    f"; {len(mismatches['baseline_errored'])} baseline case(s) errored - accept a run that answered"
                    if mismatches["baseline_errored"]
                    else ""
                )
                + _caseless(base_doc, new_doc),
                "allowed": False,
            }
        )
    return problems


def _graded_otherwise_problems(
    cases: Sequence[Mapping[str, Any]], total: int, base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]
) -> list[dict[str, Any]]:
    """The cases whose same answer the two runs graded otherwise (`scorers.graded_otherwise`), as a problem never
    allowed, like cases graded by another scorer: their difference is the grading's, not the model's - compared, a
    re-score of the baseline by an edited scorer read as a regression of the model."""
    if not cases:
        return []
    names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']} ({', '.join(c['samples'][:2])})" for c in cases], 5)
    rescores = [
        f"{which} is a re-score of {source} - the answers are one run's, graded twice"
        for which, doc in (("the new run", new_doc), ("the baseline", base_doc))
        if (source := rescored_from_run(doc)) is not None
    ]
    why = (
        rescores[0]
        if rescores
        else (
            "a scorer or case changed without its version or content hash saying so (a pytest_llmeval_score hook "
            "edited, a run saved before case hashes), a judge that grades one answer two ways, or a hand edit"
        )
    )
    text = (
        f"{len(cases)} of {total} case(s) got another grade for the same answer (same prompt) in the two runs: "
        f"{names}. The difference is the scoring, not the model: {why}. Not compared. Fix: grade both runs with one "
        "scorer (no model needed): `python -m pytest_llmeval rescore BASELINE`, and compare with the run it saves "
        "(a custom scorer: give it a new version when you change it)"
    )
    return [{"kind": "scorer", "text": text, "allowed": False}]


def renamed_pairs(
    base_only: Mapping[str, Sequence[Mapping[str, Any]]], new_only: Mapping[str, Sequence[Mapping[str, Any]]]
) -> list[tuple[str, str]]:
    """(baseline id, new id) of the cases of one model and mode that only one run has and that ask the same question
    (`prompt_hash`), in the baseline's order: most likely one case renamed between the runs. A question asked by
    several cases on a side pairs none of them - which is which cannot be told."""

    def by_question(cases: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for case_id, samples in cases.items():
            asked = {s.get("prompt_hash") for s in samples}
            if len(asked) == 1 and (question := asked.pop()):
                found.setdefault(str(question), []).append(case_id)
        return found

    old, now = by_question(base_only), by_question(new_only)
    return [
        (ids[0], now[question][0])
        for question, ids in old.items()
        if len(ids) == 1 and len(now.get(question) or []) == 1
    ]


def _renamed_text(renamed: Sequence[Mapping[str, Any]]) -> str:
    """What to add to the missing cases' problem where some look renamed (`renamed_pairs`): the pairs and the fix;
    "" where none do."""
    if not renamed:
        return ""
    pairs = listed([f"{c['model']}/{c['mode']}/{c['base_id']} -> {c['new_id']}" for c in renamed], 10)
    look = "looks" if len(renamed) == 1 else "look"
    return (
        f"; {len(renamed)} of them {look} renamed - the new run asks the same question (prompt hash) under another "
        f"id: {pairs}. Fix: give the case its baseline id back in the scenario file, or accept a baseline asked under "
        "the new ids (run the suite, then python -m pytest_llmeval accept last), or allow it (--allow-missing)"
    )


def _changed_case_problems(
    changed: Sequence[Mapping[str, Any]], total: int, allow_missing: bool
) -> list[dict[str, Any]]:
    """The baseline cases with another content hash than the new run's, uncompared like missing cases (12 of 14
    edited had left n=2 to pass the gate): asked differently now (question, context, images or settings), or - the
    same question - graded against another version of the case (key points, threshold, scorer) that could not be
    graded again here (the scenario files read did not hold the new run's version): those a re-score fixes, which
    the message had not said (it named a changed question and a new baseline run)."""
    problems = []
    asked = [c for c in changed if not c.get("same_question")]
    graded = [c for c in changed if c.get("same_question")]
    if asked:
        names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in asked], 10)
        text = (
            f"{len(asked)} of {total} baseline case(s) are asked differently in the new run (the case's question, "
            f"context or settings changed) and are not compared: {names}. Fix: "
            "accept a baseline asked as the cases are today (run the suite, then python -m pytest_llmeval accept "
            "last), or allow it (--allow-missing)"
        )
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    if graded:
        names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in graded], 10)
        text = (
            f"{len(graded)} of {total} baseline case(s) were graded against another version of their case than the "
            "new run (key points, threshold or scorer edited; the question unchanged) and could not be graded again "
            "here (the scenario files read do not hold the new run's version of them, or their scorer runs inside "
            f"pytest only); not compared: {names}. Fix: grade the baseline again with the new run's scenario files "
            "(no model needed): python -m pytest_llmeval rescore BASELINE --scenarios FILE, and compare with the run "
            "it saves - or compare inside pytest (--llm-compare), which grades it again with the run's scorers; or "
            "allow it (--allow-missing)"
        )
        problems.append({"kind": "missing", "text": text, "allowed": allow_missing})
    return problems


UNMEASURED_FIX = (
    "--allow-errors lets some errors through as failures with score 0, never a model and mode with no answer: against "
    "a baseline that scored low, or at a small n, those zeros read as no change and the gate passed"
)


def unmeasured_problems(new_records: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """A (model, mode) of the new run with no usable answer (`no_measurement`) is broken, whatever is allowed.
    Counted as failures with score 0 under --allow-errors, a model whose server refused every request passed the
    gate beside a model that answered (no rule could be significant at n=4, a baseline scoring 0, no rule set).
    `new_records`: the samples compared (with another --llm-repeat than the baseline's, the first k of each case)."""
    fixes = {
        "empty": "repair the server's settings and rerun",
        "errored": "repair the server (its log, the error above) and rerun",
    }
    return [
        {
            "kind": "unmeasured",
            "text": f"{text}. Fix: {fixes.get(how, 'repair the server (its log) and rerun')}. {UNMEASURED_FIX}",
            "allowed": False,
        }
        for how, text in no_measurement(new_records, "the new run")
    ]


def mostly_errored(new_records: Sequence[Mapping[str, Any]]) -> list[str]:
    """One sentence for each (model, mode) of the new run with at least half of its samples without a usable
    answer (`_unusable`: errored, answered empty, stopped by the server), but not all (that is `no_measurement`,
    broken): the gate fails it (exit 6) under --allow-errors too. --allow-errors is for a flaky minority: counted as
    failures with score 0, 7 of 14 cases errored beside three models that answered read as "within noise" (Holm over
    8 rules: p 0.071) and the gate passed, while a careful user calls a model whose server failed half its requests a
    regression whatever the p. Errors are not the model's quality sampled: no significance test decides them. Empty
    answers count as errors here: 5 of 8 answers empty (a chat template that drops the question, a thinking budget
    that took every token) exited 0 "no significant change" - not an error record, and not all of them. One rule for
    every n, --llm-repeat and number of models, whatever the rules (none included): samples without a usable answer
    >= half of the samples. `new_records`: every sample of the new run, all its --llm-repeat samples - with another
    --llm-repeat than the baseline's too (a repeat-3 run with samples 2-3 errored exited 8 against a baseline of one
    sample, 6 against one of three): the server's health is no like-for-like comparison. (Errors without
    --allow-errors break the run.)"""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for case in new_records:
        groups[(str(case["model"]), str(case.get("mode", "norag")))].append(case)
    out = []
    for (model, mode), samples in groups.items():
        why = Counter(reason for s in samples if (reason := _unusable(s)) is not None)
        failed = sum(why.values())
        if failed == len(samples) or 2 * failed < len(samples):  # a minority: as failures; all: `no_measurement`
            continue
        if why["errored"] == failed:
            what, fix = f"errored in the new run ({_first_error(samples)})", "the server (its log, the error above)"
        else:
            named = {"incomplete": "stopped by the server", "errored": f"errored, {_first_error(samples)}"}
            counts = ", ".join(f"{why[k]} {named.get(k, k)}" for k in ("empty", "errored", "incomplete") if why[k])
            what = f"have no usable answer in the new run ({counts})"
            fix = "the server or its settings (chat template, stop tokens, --llm-max-tokens and a thinking budget)"
        out.append(
            f"{model} {mode}: {failed} of its {len(samples)} sample(s) {what} - at least half, a regression whatever "
            f"the p (--allow-errors lets a minority of errors through, never half). Fix: repair {fix} and rerun"
        )
    return out


def no_measurement(records: Iterable[Mapping[str, Any]], which: str) -> list[tuple[str, str]]:
    """(why, sentence) for each (model, mode) of `records` without a usable answer (`_unusable`): every sample
    errored (a dead server, HTTP 400/500, timeouts, a scorer's NaN: why "errored"), answered empty ("empty"), or a
    mix of those and answers the server stopped (finish_reason abort, error or content_filter: "mixed")."""
    groups: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for case in records:
        groups[(str(case["model"]), str(case.get("mode", "norag")))].append(case)
    out = []
    for (model, mode), samples in groups.items():
        why = Counter(_unusable(s) for s in samples)
        if why[None]:  # one usable answer: a measurement, its errors allowed or not as errors
            continue
        if why["empty"] == len(samples):
            out.append(("empty", f"{all_empty_text(all_empty(samples), which)}: no measurement of the model"))
            continue
        head = f"no measurement of {model}/{mode} in {which}"
        if why["errored"] == len(samples):
            out.append(
                ("errored", f"{head}: every one of its {len(samples)} sample(s) errored ({_first_error(samples)})")
            )
            continue
        reasons = ", ".join(sorted({str(s.get("finish_reason")) for s in samples if _unusable(s) == "incomplete"}))
        named = {"incomplete": f"stopped by the server (finish_reason {reasons})"}
        counts = ", ".join(f"{why[k]} {named.get(k, k)}" for k in ("errored", "empty", "incomplete") if why[k])
        out.append(("mixed", f"{head}: none of its {len(samples)} sample(s) has a usable answer ({counts})"))
    return out


def _unusable(sample: Mapping[str, Any]) -> str | None:
    """Why a sample's answer measures nothing - "errored", "empty", "incomplete" (the server stopped or refused it:
    finish_reason abort, error, content_filter) - or None for a usable answer (cut at the token limit included)."""
    from ..serving.cache import INCOMPLETE_FINISH_REASONS

    if errored(sample):
        return "errored"
    if empty_answer(sample):
        return "empty"
    return "incomplete" if sample.get("finish_reason") in INCOMPLETE_FINISH_REASONS else None


def _first_error(samples: Sequence[Mapping[str, Any]]) -> str:
    """What went wrong with the first errored sample, in a few words (its error's message, or the bad score)."""
    for sample in samples:
        error = sample.get("error")
        if isinstance(error, Mapping):
            message = " ".join(str(error.get("message") or error.get("type") or "an error").split())
            return f"first: {message[:160]}"
        if error:
            return f"first: {' '.join(str(error).split())[:160]}"
    return "a score that is not a number in 0-100: a scoring error"


def _degraded_baseline(
    base_doc: Mapping[str, Any], mismatches: Mapping[str, Any], allow_errors: bool
) -> list[dict[str, Any]]:
    """What the gate says of a baseline that did not complete cleanly, where it said nothing: "degraded" with no
    errored record (a server that died after its last answer, records lost) passed in silence where the same new
    run breaks - an error problem now; samples that errored in cases that still answered (left out of those
    cases) were named only below the tables - a note in the summary now."""
    run = base_doc.get("run") or {}
    unexplained = not any(errored(c) for c in base_doc.get("cases") or []) and not run.get("merge_missing")
    if run.get("status") == "degraded" and unexplained:  # a merge without a shard says it ("the baseline is ...")
        dead = [str(d.get("model")) for d in run.get("degraded") or [] if isinstance(d, Mapping)]
        why = f"server(s) died: {', '.join(dead)}" if dead else "nothing in it says why"
        text = (
            f"the baseline is degraded ({why}) although none of its case records errored: what went wrong in it "
            "cannot be told from its records (a server that died after its last answer, or records lost). Fix: "
            "accept a baseline that completed (python -m pytest_llmeval accept refuses a degraded run), or allow it "
            "(--allow-errors)"
        )
        return [{"kind": "errors", "text": text, "allowed": allow_errors}]
    partial = [c for c in mismatches.get("baseline_errored") or [] if c["samples"] < c["of"]]
    if not partial:  # a case with no answered sample is a problem of its own (below)
        return []
    names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']} ({c['samples']} of {c['of']})" for c in partial], 5)
    text = (
        f"the baseline has {sum(c['samples'] for c in partial)} errored sample(s) in {len(partial)} case(s) that "
        f"answered otherwise: left out of those cases, their other samples compared: {names}"
    )
    return [{"kind": "note", "text": text, "allowed": True}]


def only_in_new(mismatches: Mapping[str, Any]) -> str | None:
    """What the new run asked that the baseline has no answer to (models, or cases of a model both ran - a new mode
    included), in one sentence; None when there is none. They are not compared: the gate says nothing about them."""
    models = mismatches.get("models_only_in_new") or []
    modes = mismatches.get("modes_only_in_new") or []
    cases = mismatches.get("cases_only_in_new") or []
    if not models and not modes and not cases:
        return None
    parts = [f"model(s) {', '.join(models)}"] if models else []
    parts += [f"every {m['mode']} case of {m['model']} ({m['cases']})" for m in modes]
    if cases:
        names = listed([f"{c['model']}/{c['mode']}/{c['scenario_id']}" for c in cases], 5)
        parts.append(f"{len(cases)} case(s) ({names})")
    return (
        f"the new run has {' and '.join(parts)} the baseline has no answer to: not compared, the gate says nothing "
        "about them. Fix: accept a baseline that has them (python -m pytest_llmeval accept)"
    )


def _caseless(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str:
    """What to add to "nothing comparable" when a run has no case record at all, with one fix; "" otherwise. Where
    the run records what of the suite it ran (`run.selection`), what happened: `no LLM case ran: 14 of 14 LLM case
    tests deselected by -k plain` - a gated -k of plain tests only was called "the load benchmark alone". Where both
    runs have none, each says why and the one fix names what brings back each run's cases (it ended with a "Fix:"
    of each run, one after the other)."""
    from ..results.runs import NO_CASE
    from ..results.selection import no_case_ran

    empty = [(which, doc) for which, doc in (("baseline", base_doc), ("new run", new_doc)) if not doc.get("cases")]
    if not empty:
        return ""
    whys = [(which, no_case_ran(doc)) for which, doc in empty]
    said = "".join(
        f"; no LLM case ran in the {which}: {why[0]}" if why else f"; the {which} has no case record ({NO_CASE})"
        for which, why in whys
    )
    if all(why is None for _, why in whys):
        return f"{said}. Fix: {CASELESS_FIX}"
    fixes = [(which, CASELESS_FIXES[which] if why is None else why[1]) for which, why in whys]
    if len({fix for _, fix in fixes}) == 1:
        return f"{said}; nothing compared. Fix: {fixes[0][1]}"
    return f"{said}; nothing compared. Fix: " + "; and ".join(f"for the {which}, {fix}" for which, fix in fixes)


CASELESS_FIX = "compare runs that asked the suite's cases (accept one as the baseline: python -m pytest_llmeval accept)"
# the fix of a run without case records that cannot tell why, beside one that can (which says its own fix)
CASELESS_FIXES = {
    "baseline": "accept a baseline that asked the suite's cases (python -m pytest_llmeval accept)",
    "new run": "a run that asks the suite's cases",
}


def deciding_judge(records: Iterable[Mapping[str, Any]]) -> str | None:
    """The judge model whose verdict decided a case's pass/fail (`assert_with: judge`, from --llm-judge-assert or the
    case), as its first graded sample records it; None when its scorer decided."""
    graded = next((r for r in records if scorer_identity(r) is not None), None)
    if graded is None or graded.get("assert_with") != "judge":
        return None
    return str((graded.get("judge") or {}).get("model") or "(none)")


def judge_flags(doc: Mapping[str, Any], model: str) -> str:
    """The options that make judge `model` decide pass/fail: the run's own --llm-judge (public: no credentials) and
    --llm-judge-api-key-env when its judge is that model, else URL@model."""
    from ..serving.client import public_spec

    judge = ((doc.get("run") or {}).get("settings") or {}).get("judge") or {}
    spec = str(judge.get("spec") or "")
    if spec.rpartition("@")[2] != model:
        return f"--llm-judge URL@{model} --llm-judge-assert"
    key = f" --llm-judge-api-key-env {judge['api_key_env']}" if judge.get("api_key_env") else ""
    return f"--llm-judge {public_spec(spec)}{key} --llm-judge-assert"


def regrade_fix(changed: Sequence[Mapping[str, Any]], base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str:
    """What grades both runs alike for cases graded by other scorers (`scorer_changed`). A judge's assertion travels
    only one way: `rescore --llm-judge J --llm-judge-assert` makes judge J decide a run's pass/fail, while no rescore
    takes a run's --llm-judge-assert away (it keeps the run's setting). So the run without the other's judge gets
    it: the baseline when the new run's judge decided, the new run when only the baseline's did."""
    if any(str(c.get("new_scorer")).startswith(MIXED) for c in changed):  # the new run resumed across an upgrade
        return (
            "The new run graded samples of one case with different scorers (resumed with --llm-resume after a scorer "
            "upgrade: its reused samples keep their old grade). Fix: grade both runs again with today's scenario "
            "files and scorers (no model needed): `python -m pytest_llmeval rescore NEW` and `python -m "
            "pytest_llmeval rescore BASELINE`, and compare the two runs they save"
        )
    new_judges = sorted({str(c["new_judge"]) for c in changed if c.get("new_judge") not in (None, c.get("base_judge"))})
    base_judges = sorted({str(c["base_judge"]) for c in changed if c.get("base_judge") and not c.get("new_judge")})
    if new_judges:
        flags = judge_flags(new_doc, new_judges[0])
        return (
            f"The new run's pass/fail is judge {new_judges[0]}'s. Fix: grade the baseline again with that judge (no "
            f"model needed): `python -m pytest_llmeval rescore BASELINE {flags}`, and compare with the run it saves"
        )
    if base_judges:
        flags = judge_flags(base_doc, base_judges[0])
        return (
            f"The baseline's pass/fail is judge {base_judges[0]}'s (--llm-judge-assert), which no rescore of the "
            f"baseline takes away. Fix: grade the new run with that judge - run it with {flags}, or `python -m "
            f"pytest_llmeval rescore NEW {flags}` and compare the baseline with the run it saves - or accept a "
            "baseline graded without --llm-judge-assert"
        )
    today = sorted({str(c["today_scorer"]) for c in changed if c.get("today_scorer")})
    if today:  # re-grading the baseline gives today's scorer, which is not the new run's: it would stay broken
        return (
            f"The new run was graded by another scorer than this version's ({'; '.join(today)}), so grading the "
            "baseline again cannot match it. Fix: grade both runs again with today's scenario files and scorers (no "
            "model needed): `python -m pytest_llmeval rescore BASELINE` and `python -m pytest_llmeval rescore NEW`, "
            "and compare the two runs they save"
        )
    return (
        "Grade the baseline again with today's scenario files and scorers (no model needed; a judge: --llm-judge "
        "URL@MODEL): `python -m pytest_llmeval rescore BASELINE`, and compare with the run it saves"
    )


def _errored_samples(samples: Sequence[Mapping[str, Any]]) -> str:
    """` (1 of 3 samples)` for a case of several samples (--llm-repeat) of which some errored, else "": "1 of 14
    case(s) errored" read as a case lost whole, where the case was compared on its 3 samples, the errored one as 0."""
    bad = sum(1 for sample in samples if errored(sample))
    return f" ({bad} of {len(samples)} samples)" if len(samples) > 1 and bad < len(samples) else ""


def _merged_without(merge_missing: Mapping[str, Any]) -> str:
    """What a merge left out (`run.merge_missing`): "without shard(s) 3/3", "without 2 case record(s) ..."."""
    shards, lost = merge_missing.get("shards") or [], merge_missing.get("cases") or []
    parts = [f"without shard(s) {', '.join(map(str, shards))}"] if shards else []
    parts += [f"without {len(lost)} case record(s) the shards were due"] if lost else []
    return " and ".join(parts) or "with records missing"


def _changes(groups: list[dict[str, Any]], verdict: str | None) -> str:
    """The changes a "significantly better/worse" of the summary rests on, each with its 95% interval, n and Holm p:
    " (m1 norag score +30.0 points, 95% CI [+24.0, +36.0], n=14, p Holm 0.000244; ...)". The names alone read as a
    result with no size, interval or n. `verdict` None: the rows neither better nor worse - what "no significant
    change" rests on: said alone, it read the same at n=6 with an interval of [-60, +10] as at n=500 with [-1, +1]."""
    items = []
    for g in groups:
        for metric in QUALITY:
            entry = g["metrics"][metric]
            said = entry.get("verdict") in ("better", "worse") if verdict is None else entry.get("verdict") == verdict
            if said == (verdict is None) or entry.get("estimate") is None:
                continue
            unit = "points" if metric == "score" else "pp"
            low, high = entry.get("low"), entry.get("high")
            # `signed`, as the comparison table writes them: `{:+.1f}` printed a bound of +0.04 as `+0.0` (0 inside an
            # interval that leaves it out, beside "significantly better") and a change of -0.03 pp as `-0.0 pp`
            interval = "" if low is None or high is None else f", 95% CI [{signed(low)}, {signed(high)}]"
            interval += NO_WIDTH if low is not None and low == high else ""
            if verdict is None and low is not None and high is not None and (low > 0 or high < 0):
                interval += " (this row alone)"  # the verdict is after the family's correction; the interval is not
            holm = "" if entry.get("p_holm") is None else f", p Holm {p_text(entry['p_holm'])}"
            items.append(
                f"{g['model']} {g['mode']} {metric} {signed(entry['estimate'])} {unit}{interval}, "
                f"n={entry.get('n', g['n'])}{holm}"
            )
    return f" ({'; '.join(items)})" if items else ""


def summary_text(
    groups: list[dict[str, Any]],
    regressions: list[dict[str, Any]],
    broken: list[dict[str, Any]],
    results: list[dict[str, Any]],
    allowed: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The verdict in one line; it names every problem an allow switch let through (a gate that passed under
    --allow-missing says what it did not see)."""
    parts = []
    not_checked = unchecked_rules(results)
    if broken:
        parts.append("run broken: " + "; ".join(p["text"] for p in broken))
    if regressions:
        items = []
        for r in regressions:
            if r.get("kind") == "quality":
                worse_by = str(r["worsening_text"]).lstrip("+")
                items.append(
                    f"{r['model']} {r['mode']} {r['metric']} worse by {worse_by} (bound {r['bound_text']} > "
                    f"{r['margin']:g}, n={r['n']}, p={p_text(r['p_value'], bool(r.get('p_at_floor')))})"
                )
            else:
                items.append(f"{r['model']} {r['mode']} {r['metric']} {speed_verdict_text(r)}")
        parts.append(f"{len(regressions)} regression(s) past the gate: " + "; ".join(items))
    if not parts:
        worse = [
            f"{g['model']} {g['mode']} {m}"
            for g in groups
            for m in QUALITY
            if g["metrics"][m].get("verdict") == "worse"
        ]
        unclear = [
            r
            for r in results
            if str(r.get("status", "")).startswith(("cannot be significant", "past threshold", "not checked"))
        ]
        # a rule that could not be checked at all (no outcome could be significant, speed not comparable or too few
        # requests) is no evidence of "no change": the summary does not say it then, and names the rule below
        unchecked = [r for r in unclear if not str(r.get("status", "")).startswith("past threshold")]
        better = [
            f"{g['model']} {g['mode']} {m}"
            for g in groups
            for m in QUALITY
            if g["metrics"][m].get("verdict") == "better"
        ]
        if worse:
            parts.append(
                "significantly worse, but no gate threshold passed: " + ", ".join(worse) + _changes(groups, "worse")
            )
        if better:
            parts.append("significantly better: " + ", ".join(better) + _changes(groups, "better"))
        if not worse and not better and groups:
            if not unchecked:
                parts.append("no significant change" + _changes(groups, None))
            elif len(unchecked) < len(results):
                parts.append("no significant change in the rules that could be checked" + _changes(groups, None))
        if unclear:
            parts.append(
                "not failed, but not shown fine either: "
                + "; ".join(f"{r['model']} {r['mode']} {r['rule']}: {r['status']}" for r in unclear)
            )
    if not_checked:  # whatever else failed: a rule that measured nothing is said, never left to the table
        parts.append(unchecked_text(not_checked, why=bool(broken or regressions)))
    for problem in allowed:
        if problem["kind"] == "note":  # never a reason to fail: said as it is, with its fix
            parts.append(f"note: {problem['text']}")
            continue
        text = str(problem["text"]).split(". Fix:")[0]  # the fix was to allow it, which was done
        parts.append(f"allowed ({ALLOWED_BY.get(problem['kind'], 'allowed')}): {text}")
    return "; ".join(parts)


def unchecked_rules(results: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The speed rules that measured nothing ("not checked": no request timed in both runs, other load, settings or
    hardware, a re-score of the same run, too few requests for a p95). They exit EXIT_UNCHECKED (8) where nothing
    failed or broke: with exit 0 a nightly `ttft_p50:20%` against a baseline with no timings (or one at another
    concurrency) passed every night and checked nothing. A quality rule is never in it: its cases were compared.
    A rule the new run's broken timings left unchecked is a problem of its own (`bad_timing_problems`): it is left
    out once that problem is allowed (--allow-errors, whose fix the problem names)."""
    return [
        r
        for r in results
        if r.get("kind") == "speed"
        and str(r.get("status", "")).startswith("not checked")
        and not r.get("bad_timings_allowed")
    ]


def blind_collapses(results: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """The quality rules no outcome could fail at this n (status "cannot be significant") whose estimate fell past
    the threshold with the most extreme outcome the n allows: every case of 3 going 100 -> 0 under score:5. They
    exit EXIT_UNCHECKED (8) where nothing failed or broke - with exit 0 a CI job reading the exit code showed green
    for a total collapse the gate had no power to test. A rule whose estimate held, or fell by one flaky case of
    four, stays exit 0 (its status says the cases that would check it)."""
    return [
        r
        for r in results
        if r.get("kind") != "speed"
        and str(r.get("status", "")).startswith("cannot be significant")
        and r.get("worsening") is not None
        and r.get("margin") is not None
        and _past_or_at_the_floor(r)
        and _at_its_most_extreme(r)
    ]


def _past_or_at_the_floor(result: Mapping[str, Any]) -> bool:
    """Whether a quality rule's estimate fell past its threshold - or, a threshold the whole scale (`score:100`,
    `pass_rate:100`: no fall is "more than" it), fell to it by reaching 0: every case 100 -> 0 exited 0 under such
    a rule, a total collapse passed because the rule could never fail."""
    worsening, margin = float(result["worsening"]), float(result["margin"])
    at_floor = result.get("new") is not None and float(result["new"]) <= 0.0
    return worsening > margin or (at_floor and margin > 0 and worsening >= margin)


def _at_its_most_extreme(result: Mapping[str, Any]) -> bool:
    """Whether a rule's p is the smallest any outcome at its n could give: the cases are as bad as they can be (every
    one worse), not one flaky case of four - which stays a pass the n cannot check, not a nightly exit 8."""
    p, least = result.get("p_value"), result.get("min_p")
    return p is not None and least is not None and float(p) <= float(least) * (1 + 1e-9)


def blind_collapse_text(rules: Sequence[Mapping[str, Any]]) -> str:
    """The summary's part for `blind_collapses`: which rules, their estimate, why not failed, the fix."""
    names = "; ".join(
        f"{r['model']} {r['mode']} {r['rule']} (worse by {float(r['worsening']):.3g}, n={r.get('n')})" for r in rules
    )
    return (
        f"{len(rules)} quality rule(s) NOT CHECKED - every case got worse, past the threshold (or to 0), but no "
        "outcome at this n could be significant, so the gate can say neither that it held nor that it failed (exit 8 "
        f"where nothing failed or broke): {names}. Fix: compare more cases, or set a smaller threshold (the rule's "
        "status says which helps), or look at the cases"
    )


def unchecked_text(rules: Sequence[Mapping[str, Any]], why: bool) -> str:
    """The summary's part for the rules `unchecked_rules` found: which, that the gate cannot pass them, the fix;
    `why`: with each rule's status (where the summary's "not shown fine either" does not say it: a run that broke
    or regressed)."""
    names = "; ".join(f"{r['model']} {r['mode']} {r['rule']}" + (f": {r['status']}" if why else "") for r in rules)
    return (
        f"{len(rules)} gate rule(s) NOT CHECKED - nothing comparable was measured for them, so the gate cannot say "
        f"they held (exit 8 where nothing failed or broke): {names}. Fix: compare with a baseline timed like this run "
        "(same load, generation settings and hardware, requests sent - not from the answer cache), gate a p50 where "
        "a p95 has fewer than 20 requests, or leave the rule out"
    )


def run_description(doc: dict[str, Any], name: str | None) -> dict[str, Any]:
    run = doc.get("run", {})
    return {
        "name": name,
        "started_at": run.get("started_at"),
        "git_commit": run.get("git_commit"),
        "status": run.get("status"),
        "models": run.get("models"),
    }


def bad_timing_problems(
    results: Sequence[Mapping[str, Any]], new: Mapping[tuple[str, str, str], list[dict[str, Any]]], allow_errors: bool
) -> list[dict[str, Any]]:
    """A speed rule left unchecked because the new run's timings are no measurements (NaN, negative, text: a broken
    timer or a hand edit): the run is broken, as one whose answers errored - "not checked" had passed it (exit 0)."""
    problems = []
    for r in results:
        if r.get("kind") != "speed" or not str(r.get("status", "")).startswith("not checked"):
            continue
        samples = [s for k, group in new.items() if k[:2] == (r["model"], r["mode"]) for s in group]
        bad = invalid_timings(samples, r["metric"])
        if bad:
            text = (
                f"{r['model']} {r['mode']} {r['rule']}: not checked: {bad} request(s) of the new run carry a "
                "timing that is not a finite, non-negative number (NaN, negative, text) - its timer or a hand edit "
                "broke them. Fix: run the suite again, or allow it (--allow-errors)"
            )
            problems.append({"kind": "errors", "text": text, "allowed": allow_errors})
            if allow_errors and isinstance(r, dict):  # allowed: not an unchecked rule as well (`unchecked_rules`)
                r["bad_timings_allowed"] = True
    return problems
