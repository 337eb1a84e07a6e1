"""Compare like with like: a baseline graded by another scorer than the new run is graded again first.

A score difference between two runs must measure the models, not the scorers. It measures the scorer when the
baseline was saved by an older pytest-llmeval whose keyword scorer has since changed (version 1 credited 120个月
for 20个月), when its echo guard was set otherwise, or when a case moved to another scorer. Such a baseline
still holds its answers, so each of its records whose scorer differs from the new run's record of the same case
is graded again from its saved answer with the current case and scorer (`results.rescore`; no model, no
request). So is a record whose case was edited since (key points, threshold, scorer) while its question stayed
the same: both runs are then graded against today's case, instead of the case dropping out of the comparison.
What cannot be graded again - no current case with the new run's content, a question asked differently, a
custom scorer outside pytest - stays as it was; `compare_runs` then leaves those cases out of the comparison
and names them (another scorer: a problem, the gate cannot vouch for them; another question: not comparable).
A scorer that raises on a baseline answer (a `pytest_llmeval_score` hook's 0/0 on an old answer) leaves that case's
baseline records out, named with the exception (`ungraded` in the note: a problem, fix the scorer); the other
cases are compared as usual.

A scorer is identified by its name, version and echo-guard setting (`Score.scorer` in each record) and, for a
case whose pass/fail is the judge's (`assert_with: judge`), the judge model; a record with an answer but no scorer
recorded comes from a run older than those fields. A judge's verdict is not asked again here (no model is called):
such a baseline is graded again with `rescore --llm-judge`; a run whose pass/fail a judge decided keeps that
(`--llm-judge-assert` is never removed by a re-score), so the gate's hint names the run that needs the judge.
"""

from __future__ import annotations

import json
import math
import numbers
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..evaluation.case_model import Case

NOT_RECORDED = "a scorer not recorded (an older run)"
# (model, mode) -> the scorer of that model and mode in this run: (case, answer, sources) -> Score
ScorerFor = Callable[[str, str], Callable[..., Any]]


def errored(record: Mapping[str, Any]) -> bool:
    """The sample has no grade: its request, scoring or judge failed (the comparison's one definition). A score
    that is not a finite number on the 0-100 scale (NaN or inf from a custom scorer's 0/0, 150) is a scoring
    error too: a failure with score 0, never a value averaged in or a pair silently dropped."""
    return bool(record.get("error")) or not valid_score(record.get("score"))


def valid_score(score: Any) -> bool:
    """A grade the comparison can use: a finite number in 0-100 (not a bool, not a string)."""
    if isinstance(score, bool) or not isinstance(score, numbers.Real):
        return False
    value = float(score)
    return math.isfinite(value) and 0.0 <= value <= 100.0


def bad_score(record: Mapping[str, Any]) -> bool:
    """The record has a score, but not one the comparison can use (NaN, inf, outside 0-100): a scoring error."""
    return not record.get("error") and record.get("score") is not None and not valid_score(record.get("score"))


def scorer_identity(record: Mapping[str, Any]) -> str | None:
    """How the record was graded, as a readable identity ("keyword_coverage v2"); None if it was not graded."""
    if errored(record):
        return None
    scorer = record.get("scorer")
    if not isinstance(scorer, Mapping) or not scorer.get("name"):
        return NOT_RECORDED
    text = str(scorer["name"]) + (f" v{scorer['version']}" if scorer.get("version") is not None else "")
    if scorer.get("echo_min_copy") is not None:
        text += f" (echo guard {json.dumps(scorer['echo_min_copy'], sort_keys=True, ensure_ascii=False)})"
    if record.get("assert_with") == "judge":  # pass/fail is the judge's: another judge model, another verdict
        text += f", pass/fail by judge {(record.get('judge') or {}).get('model') or '(none)'}"
    return text


MIXED = "mixed within the case"


def record_scorer(records: Iterable[Mapping[str, Any]]) -> str | None:
    """The scorer of a case's graded samples, None when none was graded. A run grades a case's samples alike -
    except a run resumed (--llm-resume) after a scorer upgrade, whose reused samples keep the old grade: such a case
    is "mixed within the case: sample 0 keyword_coverage v2; samples 1, 2 keyword_coverage v1", never the first
    sample's scorer alone (the v1 samples were averaged into a comparison with a run graded by v2 throughout)."""
    by_ident: dict[str, list[str]] = {}
    for record in sorted(records, key=lambda r: _sample_number(r.get("sample"))):
        ident = scorer_identity(record)
        if ident is not None:
            by_ident.setdefault(ident, []).append(str(record.get("sample") or 0))
    if len(by_ident) <= 1:
        return next(iter(by_ident), None)
    parts = [f"sample{'s' if len(ids) > 1 else ''} {', '.join(ids)} {ident}" for ident, ids in by_ident.items()]
    return f"{MIXED}: " + "; ".join(parts)


def _sample_number(value: Any) -> int:
    """A record's sample number (0 where it has none, or not a whole number), for ordering a case's samples."""
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def graded_otherwise(
    base: Iterable[Mapping[str, Any]], new: Iterable[Mapping[str, Any]], rescore: bool = False
) -> list[str]:
    """The samples of one case that are one answer graded twice - the same text to the same prompt (prompt hash,
    retrieved context), known to be one answer (`_one_answer`; `rescore`: one of the runs is a re-score) - and
    graded otherwise (another score, or pass/fail), as "sample 0: 100 pass -> 0 fail". Such a difference is the
    grading's, never the model's: a scorer or case changed without its version or content hash saying so (a
    `pytest_llmeval_score` hook edited, a run saved before case hashes), a judge that grades one answer two ways,
    a re-score, or a hand edit. A re-score of the baseline graded by an edited hook read "REGRESSION" - of a model
    whose every answer was the baseline's own."""
    by_sample = {_sample_number(r.get("sample")): r for r in base}
    found = []
    for now in sorted(new, key=lambda r: _sample_number(r.get("sample"))):
        then = by_sample.get(_sample_number(now.get("sample")))
        if then is None or errored(then) or errored(now) or not _same_answer(then, now):
            continue
        if not (rescore or _one_answer(then, now)):
            continue
        if float(then["score"]) != float(now["score"]) or bool(then.get("passed")) != bool(now.get("passed")):
            grades = [f"{float(r['score']):g} {'pass' if r.get('passed') else 'fail'}" for r in (then, now)]
            found.append(f"sample {_sample_number(now.get('sample'))}: {grades[0]} -> {grades[1]}")
    return found


def _one_answer(base: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """Whether two records hold one answer, as their provenance says - not two generations that came out alike: a
    record from the answer cache (--llm-cache) or reused by --llm-resume, a re-scored record (`rescore`), or one
    that finished at the same moment (`finished_at`, which a re-score keeps)."""
    if any(r.get(flag) for r in (base, new) for flag in ("cached", "reused", "rescore")):
        return True
    finished = base.get("finished_at")
    return finished is not None and finished == new.get("finished_at")


def _same_answer(base: Mapping[str, Any], new: Mapping[str, Any]) -> bool:
    """One answer, to one prompt: the same non-empty text, the same question (prompt hash, where both record it) and
    the same retrieved context (a RAG answer's echo guard discounts what it copied from its context)."""
    from ..serving.cache import INCOMPLETE_FINISH_REASONS

    answer = base.get("answer")
    if not isinstance(answer, str) or not answer.strip() or answer != new.get("answer"):
        return False
    if any(r.get("finish_reason") in INCOMPLETE_FINISH_REASONS for r in (base, new)):  # stopped: not an answer
        return False
    if base.get("prompt_hash") and new.get("prompt_hash") and base["prompt_hash"] != new["prompt_hash"]:
        return False
    contexts = [json.dumps(r.get("retrieval"), sort_keys=True, default=str) for r in (base, new)]
    return contexts[0] == contexts[1]


def align_baseline(
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
    cases: Iterable[Case],
    scorer_for: ScorerFor | None = None,
    pairs: Mapping[str, str] | None = None,
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The baseline with each record graded again with `cases` whose scorer differs from the new run's record of
    the same case (same model - after `pairs` -, mode and id), or whose case was edited since (another content
    hash, the same question: `prompt_hash`), and a note of what was graded again (None when nothing was). Only
    with the case the new run asked (its content hash). `scorer_for(model, mode)`: the new run's scorer (pytest's,
    with its hooks); without it, the case's built-in scorer."""
    from ..results.rescore import BUILTIN_SCORERS, asked_differently, rescore_record, run_max_tokens

    pairs = dict(pairs or {})
    new_scorers: dict[tuple[str, str, str], tuple[str | None, str | None]] = {}
    for record in new_doc.get("cases") or []:
        key = (record["model"], record.get("mode", "norag"), record["scenario_id"])
        ident = scorer_identity(record)
        if ident is not None and new_scorers.get(key, (None, None))[0] is None:
            new_scorers[key] = (ident, record.get("case_hash"))
    by_id = {c.id: c for c in cases}
    budgets = (run_max_tokens(base_doc), run_max_tokens(new_doc))  # what a case without `max_tokens:` was sent
    template = (((base_doc.get("run") or {}).get("settings") or {}).get("rag") or {}).get("template")
    records: list[dict[str, Any]] = []
    # id of a record graded again -> (case edited since, its scorer in the baseline, the new run's)
    regraded: dict[int, tuple[bool, str, str]] = {}
    ungraded: list[dict[str, Any]] = []
    # (model, mode, id) -> today's scorer, for the cases the new run graded otherwise than today's scorer does
    outdated: dict[tuple[str, str, str], str] = {}
    failed: set[tuple[str, str, str]] = set()
    for record in base_doc.get("cases") or []:
        model = pairs.get(record["model"], record["model"])
        key = (model, record.get("mode", "norag"), record["scenario_id"])
        ident = scorer_identity(record)
        target, new_hash = new_scorers.get(key, (None, None))
        case = by_id.get(record["scenario_id"])
        # the case was edited since the baseline (key points, threshold, scorer) but asks the same question
        changed = bool(record.get("case_hash") and new_hash and record["case_hash"] != new_hash)
        if (
            ident is None
            or target is None
            or (ident == target and not changed)
            or case is None
            or (new_hash and case.content_hash != new_hash)
            or asked_differently(record, case, *budgets)
        ):
            records.append(record)
            continue
        if scorer_for is not None:
            grade = scorer_for(model, key[1])
        elif target.split(" ")[0] in BUILTIN_SCORERS:
            grade = None  # the case's built-in scorer
        else:  # a custom scorer runs inside pytest only
            records.append(record)
            continue
        # a judge's verdict is kept as it was (judged against today's threshold), and decides where it decided
        judged = record.get("assert_with") == "judge"
        try:
            again = rescore_record(record, case, template, judge_assert=judged, grade=grade)
        except Exception as exc:  # noqa: BLE001 - the scorer's failure on one answer is that case's problem
            if key not in failed:
                failed.add(key)
                ungraded.append(
                    {
                        "model": model,
                        "mode": key[1],
                        "scenario_id": key[2],
                        "scorer": target,
                        "hook": scorer_for is not None,
                        "error": exception_summary(exc),
                    }
                )
            continue
        if scorer_identity(again) != target:  # graded otherwise than the new run graded it: not comparable
            outdated.setdefault(key, str(scorer_identity(again)))
            records.append(record)
            continue
        reasons = [f"baseline graded by {ident}; the new run by {target}"] if ident != target else []
        reasons += ["the case was edited since (the question unchanged)"] if changed else []
        again["rescore"]["reason"] = "; ".join(reasons)
        records.append(again)
        regraded[id(again)] = (changed, ident, target)
    if failed:  # a case with a baseline record the scorer failed on is left out whole (its other samples too)
        records = [
            r
            for r in records
            if (pairs.get(r["model"], r["model"]), r.get("mode", "norag"), r["scenario_id"]) not in failed
        ]
    done = [regraded[id(r)] for r in records if id(r) in regraded]
    graded = len(done)
    edited = sum(1 for changed, _, _ in done if changed)
    kinds = {(ident, target) for _, ident, target in done if ident != target}
    by_scorer = sum(1 for _, ident, target in done if ident != target)
    if not graded and not ungraded and not outdated:
        return base_doc, None
    parts = []
    if by_scorer:
        changes = "; ".join(f"{a} -> {b}" for a, b in sorted(kinds))
        parts.append(f"{by_scorer} graded by another scorer than this run's ({changes})")
    if edited:
        parts.append(
            f"{edited} against an earlier version of their case (key points, threshold or scorer edited since; "
            "the question unchanged)"
        )
    note = {
        "cases": graded,
        "edited_cases": edited,
        "changes": [{"from": a, "to": b} for a, b in sorted(kinds)],
        "ungraded": ungraded,  # cases left out: the scorer raised on a baseline answer (compare_runs names them)
        # the new run's scorer is not today's (graded by an older version): re-grading the baseline cannot match it
        "outdated": [
            {"model": m, "mode": mode, "scenario_id": i, "today": today} for (m, mode, i), today in outdated.items()
        ],
        "text": (
            f"{graded} baseline record(s) were graded again from their saved answers with this run's cases and "
            "scorers before the comparison, so that score differences measure the models, not the scorers or the "
            "case files: " + "; ".join(parts)
        ),
    }
    return {**base_doc, "cases": records}, note


def exception_summary(exc: BaseException) -> str:
    """An exception in one line: its type, message and where it was raised ("ZeroDivisionError: float division by
    zero at gp/conftest.py:8")."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    where = ""
    if frames:
        parts = frames[-1].filename.replace("\\", "/").split("/")
        where = f" at {'/'.join(parts[-2:])}:{frames[-1].lineno}"
    message = " ".join(str(exc).split())[:300]
    return f"{type(exc).__name__}: {message}{where}" if message else f"{type(exc).__name__}{where}"


__all__ = [
    "NOT_RECORDED",
    "align_baseline",
    "bad_score",
    "errored",
    "exception_summary",
    "graded_otherwise",
    "record_scorer",
    "scorer_identity",
    "valid_score",
]
