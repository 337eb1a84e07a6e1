"""Re-score a saved run's answers with the current scenario files and scorers - no model, no request.

The most common edit (a key point, a synonym, a threshold, the scorer of a case) changes no answer, so the
answers a run saved are graded again and a new run is written. A case is graded again only when what the
model was asked is unchanged (`prompt_hash`: question, system prompt, images, max tokens, prompt language;
runs saved before it existed are compared by their question text). Each record says what happened to it
in `rescore.status`:

- `rescored`: graded with the current case and scorer (`previous_score`, `previous_passed` kept, and
  `previous_scorer` when another scorer or scorer version gave the previous score);
- `changed`: the question changed - the answer belongs to another question, the model must be asked again;
  the old score is kept in the record and left out of the aggregates (not graded);
- `missing`: no case of that id in the current scenario files; kept as it was, left out of the aggregates;
- `no_answer`: the run has no answer for it (an errored request); kept;
- `custom_scorer`: graded by a `pytest_llmeval_score` hook in a conftest.py, which only runs inside pytest;
  kept.

A case of the current files that the run never asked has no record to grade: `run.rescored.not_in_run`
and the summary name it (the model must be run for it). The aggregates count the graded records only, the reports
say the run is a re-score and name what was not graded, and `run.settings.scenario_paths` become the files the
cases were read from (a later comparison grades with them).

RAG answers are graded against the context the run retrieved (it is in the record); the knowledge base is
not searched again, but when a case's `documents:` changed, the recorded ranking is measured again against them
(hit, recall, MRR, nDCG; the fused stage's ids are not recorded, so its figures go). A RAG answer asked from a
knowledge base that has changed since, or with a prompt template that has (the run's --rag-template edited, or
the shipped one), is graded as answered and named (`run.rescored.context_changed`, `template_changed`): today's
prompt could differ, the model must be asked again to measure it. The judge grades again
only when one is given (`judge=`); otherwise a recorded judge verdict is kept, judged against the case's
current threshold, and named (`rescore.judge`, `run.rescored.stale_verdicts`) when the case changed since the
judge graded it (a key point edit changes its rubric); a judge-asserted case without a verdict is a judge config
error, as in a run. A finished run's status is worked out again: complete once no record has an error left.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .aggregate import aggregate_document
from .recorder import new_run_id

if TYPE_CHECKING:
    from ..evaluation.case_model import Case
    from ..evaluation.judge import Judge
    from ..evaluation.scoring import Score

BUILTIN_SCORERS = ("keyword_coverage", "ocrbench", "exact")
# What a score writes into a record; a re-scored record gets these from the new score only.
SCORE_FIELDS = (
    "score",
    "passed",
    "threshold",
    "coverage",
    "covered",
    "missing",
    "echoed",
    "forbidden_found",
    "penalty",
    "points",
    "scorer",
    "keyword_passed",
    "assert_with",
    "judge",
    "error",
)


@dataclass
class Rescored:
    """The new document, how many records ended in each status, and the cases that need the model again."""

    doc: dict[str, Any]
    counts: Counter[str] = field(default_factory=Counter)
    changed: list[str] = field(default_factory=list)
    score_changes: int = 0
    verdict_changes: int = 0  # passed <-> failed: a threshold edit changes verdicts, not scores
    not_in_run: list[str] = field(default_factory=list)  # current case ids the run never asked: no answer to grade
    missing: list[str] = field(default_factory=list)  # records whose case id is in no scenario file now (renamed?)
    stale_verdicts: list[str] = field(default_factory=list)  # judge verdicts kept although the case changed since
    context_changed: list[str] = field(default_factory=list)  # RAG answers asked from another knowledge base
    template_changed: list[str] = field(default_factory=list)  # RAG answers asked with another prompt template
    renamed: dict[str, str] = field(default_factory=dict)  # a missing case's id -> the case not in the run asked alike
    newer_scorer: dict[str, str] = field(default_factory=dict)  # record -> a scorer newer than this package's

    def summary(self) -> str:
        counts = ", ".join(f"{n} {status}" for status, n in sorted(self.counts.items()))
        text = f"{counts}; {self.score_changes} score(s) and {self.verdict_changes} verdict(s) changed"
        judge_errors = ((self.doc.get("run") or {}).get("rescored") or {}).get("judge_errors")
        if judge_errors:
            text += f"; the judge failed on {judge_errors} answer(s) (each the case's error: see their records)"
        if self.stale_verdicts:
            text += (
                f"; {len(self.stale_verdicts)} judge verdict(s) kept from the run although the case changed since "
                f"the judge graded it (grade again with --llm-judge): {_shown(self.stale_verdicts)}"
            )
        if self.context_changed:
            text += (
                f"; {len(self.context_changed)} RAG answer(s) were asked with context from a knowledge base that has "
                f"changed since, or retrieved by an embedder or reranker that has (graded as answered; run the model "
                f"again to measure today's): "
                f"{_shown(self.context_changed)}"
            )
        if self.template_changed:
            text += (
                f"; {len(self.template_changed)} RAG answer(s) were asked with a prompt template that has changed "
                f"since (graded as answered; run the model again to measure today's prompt): "
                f"{_shown(self.template_changed)}"
            )
        if self.changed:
            text += f"; asked differently now (run the model again): {', '.join(self.changed)}"
        if self.missing:
            text += (
                f"; {len(self.missing)} answer(s) of case(s) in no scenario file now (removed or renamed: not graded): "
                f"{_shown(self.missing)}"
            )
        if self.renamed:
            pairs = _shown([f"{old} -> {new}" for old, new in self.renamed.items()])
            text += (
                f"; renamed, as the same question reads ({pairs}): an answer is graded under the id it was asked "
                "with - give the case its old id back to grade it, or run the model"
            )
        if self.newer_scorer:
            versions = sorted(set(self.newer_scorer.values()))
            text += (
                f"; {len(self.newer_scorer)} answer(s) were graded by a newer scorer than this pytest-llmeval's "
                f"({', '.join(versions)}) and are graded again with its older one: "
                f"{_shown(list(self.newer_scorer))}. Fix: upgrade pytest-llmeval (pip install -U "
                "pytest-llmeval-vllm) in this environment to grade with the newer scorer"
            )
        if self.not_in_run:
            text += (
                f"; {len(self.not_in_run)} case(s) not in the run, no answer to grade (run the model): "
                f"{_shown(self.not_in_run)}"
            )
        return text


def _shown(names: list[str], most: int = 10) -> str:
    return ", ".join(names[:most]) + (", ..." if len(names) > most else "")


NOT_GRADED = ("changed", "missing")  # rescore statuses whose old score says nothing about the current case


def graded(record: dict[str, Any]) -> bool:
    """Whether a record's score is of its current case (not one the re-score could not grade)."""
    return (record.get("rescore") or {}).get("status") not in NOT_GRADED


def _label(record: dict[str, Any]) -> str:
    sample = int(record.get("sample") or 0)
    return f"{record['model']}/{record.get('mode', 'norag')}/{record['scenario_id']}" + (f"#{sample}" if sample else "")


def _gradeable_error(error: dict[str, Any], judge: Judge | None) -> bool:
    """An error that happened after the answer and that this re-score can redo: the scoring step, and the judge's
    (it failed or was not set: `stage` judge, or the judge `config` error of a run without --llm-judge) when a judge
    is given now."""
    if error.get("stage") == "scoring":
        return True
    return judge is not None and (error.get("stage") == "judge" or error.get("type") == "config")


def _what_changed(record: dict[str, Any], case: Case) -> str:
    """What the model would now be asked differently, as far as the record tells (its prompt_hash covers the
    question, system prompt, images, max tokens and prompt language; the record keeps the question and images)."""
    if record.get("question") is not None and record.get("question") != case.question:
        part = "the question"
    elif int(record.get("images") or 0) != len(case.images):  # a record keeps the number of its images
        part = "the images"
    else:
        part = "the prompt (system prompt, images, max_tokens or prompt language)"
    return f"{part} changed: ask the model again"


def asked_differently(
    record: dict[str, Any], case: Case, run_max_tokens: int | None = None, now_max_tokens: int | None = None
) -> bool:
    """Whether the model would now be asked otherwise than the record's answer was asked. The budget that counts is
    the one sent - the case's `max_tokens:`, else the run's: `run_max_tokens` for the record's run, `now_max_tokens`
    (by default the same) for the run that asks `case` now. A case given its run's own budget, or one whose budget
    equal to the run's is removed, is asked as before; one that sets none, asked by runs of other budgets, is not
    (`asked_alike`)."""
    if not record.get("prompt_hash"):
        return record.get("question") != case.question  # a run saved before prompt_hash existed
    alike = asked_alike(case, run_max_tokens, run_max_tokens if now_max_tokens is None else now_max_tokens)
    if record.get("mode") == "rag":
        return all(record["prompt_hash"] != same.prompt_hash for same in alike)
    # without retrieval the prompt's language (`language:`, which picks the RAG template) changes nothing asked
    return all(record["prompt_hash"] != same.prompt_hash_in(language) for same in alike for language in ("zh", "en"))


def asked_alike(case: Case, then: int | None, now: int | None) -> list[Case]:
    """The ways a case asked now with the budget `case.max_tokens or now` may have been written in a run of budget
    `then` to be asked with the same (the prompt hash holds the case's own field): with that budget written in it,
    and - when it is the run's own - without one. A run that does not say its budget (None) has the case alone."""
    if then is None or now is None:
        return [case]
    import dataclasses

    sent = case.max_tokens or now
    budgets = [sent, *([None] if sent == then else [])]
    return [case if budget == case.max_tokens else dataclasses.replace(case, max_tokens=budget) for budget in budgets]


def run_max_tokens(doc: dict[str, Any]) -> int | None:
    """The budget a run sent a case that sets none (`run.settings.max_tokens`); None when it does not say."""
    value = ((doc.get("run") or {}).get("settings") or {}).get("max_tokens")
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def _sources(record: dict[str, Any], case: Case, template: str | None) -> dict[str, str]:
    """What the echo guard compares the answer with: the prompt's texts, as `evaluate_case` builds them."""
    sources = {"question": case.question, **({"system": case.system} if case.system else {})}
    if record.get("mode") == "rag":
        from ..rag import load_template

        try:
            text = load_template(template, case.prompt_language)
        except (OSError, ValueError):
            text = ""
        sources["template"] = text.replace("{context}", "\n").replace("{question}", "\n")
        chunks = (record.get("retrieval") or {}).get("chunks") or []
        sources["context"] = "\n".join(str(c.get("text", "")) for c in chunks)
    return sources


def rescore_record(
    record: dict[str, Any],
    case: Case,
    template: str | None = None,
    judge: Judge | None = None,
    judge_assert: bool = False,
    grade: Callable[[Case, str, Mapping[str, str]], Score] | None = None,
    record_scoring_error: bool = False,
) -> dict[str, Any]:
    """A record graded again with `case` (which must be asked as the record's case was), by `grade` (the case's
    own scorer when not given). A scorer that raises (or gives no 0-100 score) raises, unless
    `record_scoring_error`: then it is the record's scoring error, as a run records it."""
    from ..evaluation.evaluate import CaseResult, grade_by_judge, no_judge_error

    answer = str(record.get("answer") or "")
    score, error = _graded(case, answer, _sources(record, case, template), grade, record_scoring_error)
    result = CaseResult(record["model"], case, record.get("mode", "norag"), score, None, int(record.get("sample") or 0))
    result.error = error
    if judge_assert or case.assert_with == "judge":
        result.assert_with = "judge"
    judge_note = None
    if judge is not None and error is None:
        grade_by_judge(result, judge, answer)
    elif judge is None and record.get("judge"):
        result.extra["judge"], judge_note = _kept_verdict(record, case)
    if result.error is None and result.assert_with == "judge" and "judge" not in result.extra:
        result.error = no_judge_error(case)  # as the run records a judge-asserted case without a judge
    fresh = result.record()
    fresh.pop("finished_at", None)  # when the answer was given stays the run's
    if error is not None:
        fresh["answer"] = answer  # kept, as a run keeps the answer its scorer raised on
    kept = {k: v for k, v in record.items() if k not in SCORE_FIELDS}
    retrieval = record.get("retrieval")
    if retrieval and list(retrieval.get("expected_docs") or []) != list(case.documents):
        from ..evaluation.evaluate import retrieval_against

        kept["retrieval"] = retrieval_against(retrieval, case)  # the documents were fixed: measured again
    status: dict[str, Any] = {
        "status": "rescored",
        "previous_score": record.get("score"),
        "previous_passed": record.get("passed"),
        **_previous_scorer(record, fresh),
    }
    return {**kept, **fresh, "rescore": status | ({"judge": judge_note} if judge_note else {})}


def _previous_scorer(record: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    """`previous_scorer`: the scorer (name, version, settings) that gave the previous score, when it is not the one
    that grades now - a score that moved after an upgrade of the scorer is then not read as the effect of a key point
    edit. Nothing when it is the same, or the record does not say."""
    import json

    before, now = record.get("scorer"), fresh.get("scorer")
    if not isinstance(before, dict) or not before:
        return {}
    same = json.dumps(before, sort_keys=True, default=str) == json.dumps(now, sort_keys=True, default=str)
    return {} if same else {"previous_scorer": before}  # compared as saved: a tuple now is a list in the file


def _graded(
    case: Case,
    answer: str,
    sources: Mapping[str, str],
    grade: Callable[[Case, str, Mapping[str, str]], Score] | None,
    record_error: bool,
) -> tuple[Score | None, dict[str, Any] | None]:
    """The answer's score; with `record_error`, a scorer that raises or gives a score that is not a number in 0-100
    is the scoring error a run would record (compare's re-grading wants the exception: it names such a case)."""
    from ..evaluation.evaluate import error_info
    from ..evaluation.scorers import score_case
    from ..evaluation.scoring import valid_score

    try:
        score = (grade or score_case)(case, answer, sources)
        valid_score(score.score, f"the scorer {score.scorer.get('name', '?')!r} gave case {case.id}")
    except Exception as exc:
        if not record_error:
            raise
        return None, error_info(exc, "scoring")
    return score, None


STALE_VERDICT = "kept from the run, but the case changed since the judge graded it (its rubric may differ)"


def _kept_verdict(record: dict[str, Any], case: Case) -> tuple[dict[str, Any], str]:
    """The run's judge verdict, judged against the case's current threshold, and what the re-score says of it: kept,
    or kept although the case changed since (a key point edit changes the judge's rubric: only a judge can grade
    the answer against the new one)."""
    verdict = dict(record["judge"])
    if verdict.get("score") is not None:
        verdict["passed"] = float(verdict["score"]) >= case.threshold
    return verdict, STALE_VERDICT if _changed_since_judged(record, case) else "kept from the run"


def _changed_since_judged(record: dict[str, Any], case: Case) -> bool:
    """Whether the case differs from the one the run's judge graded in more than its threshold (which the verdict
    is judged against anew); a record without a case_hash cannot tell, and is taken as changed."""
    import dataclasses

    recorded = record.get("case_hash")
    if recorded == case.content_hash:
        return False
    threshold = record.get("threshold")
    if recorded is None or not isinstance(threshold, (int, float)):
        return True
    return bool(dataclasses.replace(case, threshold=float(threshold)).content_hash != recorded)


def rescore_document(
    doc: dict[str, Any],
    cases: Iterable[Case],
    judge: Judge | None = None,
    judge_assert: bool = False,
    source: str | None = None,
    scenario_paths: Iterable[Path] | None = None,
) -> Rescored:
    """Grade every answer of a results document again with `cases`; returns a new document."""
    by_id = {c.id: c for c in cases}
    in_run = {record.get("scenario_id") for record in doc.get("cases") or []}
    settings = (doc.get("run") or {}).get("settings") or {}
    template = (settings.get("rag") or {}).get("template")
    run_judge_assert = (settings.get("judge") or {}).get("assertion")
    budget = run_max_tokens(doc)
    out = Rescored(doc={})
    records: list[dict[str, Any]] = []
    for record in doc.get("cases") or []:
        case = by_id.get(record["scenario_id"])
        error = record.get("error") or {}
        scorer = (record.get("scorer") or {}).get("name")
        if case is None:
            status, new = "missing", {**record, "rescore": {"status": "missing"}}
            out.missing.append(_label(record))
        elif record.get("answer") is None or (error and not _gradeable_error(error, judge)):
            status, new = "no_answer", {**record, "rescore": {"status": "no_answer"}}
        elif asked_differently(record, case, budget):
            status = "changed"
            new = {**record, "rescore": {"status": "changed", "reason": _what_changed(record, case)}}
            out.changed.append(_label(record))
        elif scorer is not None and scorer not in BUILTIN_SCORERS:
            status, new = "custom_scorer", {**record, "rescore": {"status": "custom_scorer", "scorer": scorer}}
        else:
            # --llm-judge-assert of the run (or, in a run that does not record it, the record) and the case's own
            # `assert_with`, as it is now, decide whether the judge's grade decides
            asserted = judge_assert or (
                bool(run_judge_assert) if run_judge_assert is not None else record.get("assert_with") == "judge"
            )
            status, new = "rescored", rescore_record(record, case, template, judge, asserted, record_scoring_error=True)
            if new["rescore"].get("judge") == STALE_VERDICT:
                out.stale_verdicts.append(_label(record))
            if asked_with_another_template(record, case, template):
                out.template_changed.append(_label(record))
            out.score_changes += new.get("score") != record.get("score")
            out.verdict_changes += bool(new.get("passed")) != bool(record.get("passed"))
        out.counts[status] += 1
        records.append(new)
    out.not_in_run = [case_id for case_id in by_id if case_id not in in_run]
    out.renamed = renamed_cases(doc.get("cases") or [], [by_id[case_id] for case_id in out.not_in_run], out.missing)
    out.newer_scorer = newer_scorers(doc.get("cases") or [])
    out.context_changed = context_changed(doc, records)
    run = dict(doc.get("run") or {})
    run.pop("saved_as", None)
    if scenario_paths:  # graded with these files: a comparison of this run grades with them too
        run["settings"] = {**(run.get("settings") or {}), "scenario_paths": [str(p) for p in scenario_paths]}
    judge_errors = sum(1 for r in records if (r.get("error") or {}).get("stage") == "judge" and graded(r))
    if run.get("status") in FINISHED:
        run["status"] = status_after(run, records)
    run["run_id"] = new_run_id()  # another run: its scores are not the graded run's (compare/runs.py same_run)
    run["rescored"] = {
        "from": source,
        **({"from_run_id": doc["run"]["run_id"]} if (doc.get("run") or {}).get("run_id") else {}),
        "at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "counts": dict(out.counts),
        "changed": out.changed,
        "not_in_run": out.not_in_run,
        **({"missing": out.missing} if out.missing else {}),
        **({"stale_verdicts": out.stale_verdicts} if out.stale_verdicts else {}),
        **({"context_changed": out.context_changed} if out.context_changed else {}),
        **({"template_changed": out.template_changed} if out.template_changed else {}),
        **({"judge": judge.model, "judge_errors": judge_errors} if judge is not None else {}),
    }
    new_doc = {k: v for k, v in doc.items() if k != "comparison"}  # a comparison of the old scores is stale
    new_doc.update(
        run=run,
        cases=records,
        aggregates=aggregate_document(
            [r for r in records if graded(r)], run.get("memory") or {}, True, doc.get("benchmarks") or []
        ),
    )
    out.doc = new_doc
    return out


def renamed_cases(records: list[dict[str, Any]], not_in_run: list[Case], missing: list[str]) -> dict[str, str]:
    """A case the run asked under an id no scenario file holds now -> the one case not in the run that asks the same
    question (the case renamed): both were named apart, "removed or renamed" and "not in the run", and the user was
    left to find the pair."""
    if not missing:
        return {}
    by_question: dict[str, list[str]] = {}
    for case in not_in_run:
        by_question.setdefault(case.question, []).append(case.id)
    gone = set(missing)
    pairs: dict[str, str] = {}
    for record in records:
        alike = by_question.get(record.get("question") or "", [])
        if _label(record) in gone and len(alike) == 1:
            pairs.setdefault(str(record.get("scenario_id")), alike[0])
    return pairs


def newer_scorers(records: list[dict[str, Any]]) -> dict[str, str]:
    """record label -> `keyword_coverage vN > vM` for each answer a newer pytest-llmeval's keyword scorer graded
    than this one's: a re-score grades it with the older scorer (a step back, said nowhere before)."""
    from ..evaluation.scoring import SCORER_NAME, SCORER_VERSION

    found: dict[str, str] = {}
    for record in records:
        scorer = record.get("scorer")
        if not isinstance(scorer, dict):
            continue
        version = scorer.get("version")
        if scorer.get("name") == SCORER_NAME and isinstance(version, int) and version > SCORER_VERSION:
            found[_label(record)] = f"{SCORER_NAME} v{version} > v{SCORER_VERSION}"
    return found


def context_changed(doc: dict[str, Any], records: list[dict[str, Any]]) -> list[str]:
    """The graded RAG records whose retrieval came from a knowledge base that is not the one at the run's paths now
    (documents, dictionaries or chunking changed, or it is gone), or was searched with an embedder or reranker that
    is not the run's now (`retrieval.components`: a local model's files replaced, another endpoint or package
    version): their answer is graded as given, but today's context could differ - the question the issue asks
    `rescore` to name ("those need the model again"). A record that does not say (an older run's) is not named."""
    rag = (doc.get("run") or {}).get("rag") or ((doc.get("run") or {}).get("settings") or {}).get("rag") or {}
    knowledge = {id(r): r["retrieval"]["knowledge"] for r in _recorded(records, "knowledge")}
    components = {id(r): r["retrieval"]["components"] for r in _recorded(records, "components")}
    knowledge_now = _knowledge_now(rag) if knowledge else None
    components_now = _components_now(rag) if components else None
    return [
        _label(r)
        for r in records
        if knowledge.get(id(r), knowledge_now) != knowledge_now
        or components.get(id(r), components_now) != components_now
    ]


def _recorded(records: list[dict[str, Any]], field: str) -> list[dict[str, Any]]:
    """The graded records whose retrieval records `field` (a digest)."""
    return [r for r in records if graded(r) and isinstance((r.get("retrieval") or {}).get(field), str)]


def _knowledge_now(rag: dict[str, Any]) -> str | None:
    """The digest of the knowledge base at the run's paths now; None when it is gone."""
    from ..rag.pipeline import knowledge_digest_at

    try:
        return knowledge_digest_at(
            [Path(p) for p in rag.get("knowledge") or []],
            [Path(p) for p in rag.get("dictionaries") or []],
            int(rag.get("chunk_chars") or 0),
            int(rag.get("chunk_overlap") or 0),
        )
    except (OSError, ValueError, TypeError):  # a dictionary or folder gone: the context cannot be what it was
        return None


def _components_now(rag: dict[str, Any]) -> str | None:
    """The digest of the run's embedder and reranker as they are now (`retrieval_components_digest`); None when the
    run does not say which they were."""
    from ..serving.hash_memo import default_hash_memo
    from ..serving.identity import retrieval_components_digest

    embedder, reranker = rag.get("embedder"), rag.get("reranker")
    if not isinstance(embedder, str) or not isinstance(reranker, str):
        return None
    return retrieval_components_digest(embedder, reranker, default_hash_memo())


def asked_with_another_template(record: dict[str, Any], case: Case, template: str | None) -> bool:
    """Whether a RAG record was asked with a prompt template other than the one its case gets now: the run's
    --rag-template file edited since, or the shipped template of the case's language changed by an upgrade. Only a
    record that says which template it was asked with (`retrieval.template`) can tell; one that cannot be read now
    (gone, no placeholder) is not the one it was asked with either."""
    recorded = (record.get("retrieval") or {}).get("template") if record.get("mode") == "rag" else None
    if not isinstance(recorded, str):
        return False
    from ..rag import load_template
    from ..rag.prompt import template_digest

    try:
        now = template_digest(load_template(template, case.prompt_language))
    except (OSError, ValueError):
        return True
    return recorded != now


FINISHED = ("complete", "degraded")  # an interrupted run stays interrupted: cases were never asked


def status_after(run: dict[str, Any], records: list[dict[str, Any]]) -> str:
    """A finished run's status once its answers are graded again: degraded while a record has an error (a judge or
    scorer that fails now too) or a server died in it, complete once the re-score graded every error it had (the
    scoring errors of an older version: `accept` then takes the run)."""
    broken = any(r.get("error") for r in records) or run.get("degraded") or run.get("merge_missing")
    return "degraded" if broken else "complete"


def scenario_cases(
    doc: dict[str, Any], scenario_paths: list[Path] | None = None, run_datasets: bool | None = None
) -> list[Case]:
    """The current cases: `scenario_paths` when given, else the run's own scenario paths; and the run's datasets
    (rows limited as the run limited them) - by default only without `scenario_paths`; `run_datasets=True` keeps
    them beside the files given (`rescore --scenarios` names scenario files, not the run's datasets)."""
    from ..evaluation.scenarios import load_scenarios

    settings = (doc.get("run") or {}).get("settings") or {}
    if scenario_paths:
        cases = load_scenarios(scenario_paths)
    else:
        value = settings.get("scenario_paths")
        listed: list[Any] = value if isinstance(value, list) else []
        paths = [Path(p) for p in listed if isinstance(p, str) and Path(p).exists()]
        cases = load_scenarios(paths) if paths else []
    if run_datasets is False or (run_datasets is None and scenario_paths):
        return cases
    from ..vision.datasets import load_dataset, parse_dataset_spec

    for spec in settings.get("datasets") or []:
        if scenario_paths and not parse_dataset_spec(spec)[1].exists():
            continue  # moved with the scenario files given: its records are named missing, as those of any file
        cases += load_dataset(spec, settings.get("limit"))
    return cases


def default_name(doc: dict[str, Any], source: Path) -> str:
    """The new run's saved name: the old saved run's name (or its models) + '-rescored'."""
    match = re.match(r"^\d{4,}_(.+)_\d{8}-\d{6}\.json$", source.name)
    base = match.group(1) if match else "-".join((doc.get("run") or {}).get("models") or ["run"])
    return f"{base}-rescored"


def write_run(doc: dict[str, Any], out_dir: Path, runs_dir: Path | None, name: str) -> tuple[Path, Path | None]:
    """results.json, report.md and report.html in `out_dir`; the run saved in `runs_dir` (when given)."""
    from .html import render_html
    from .recorder import atomic_write, to_json
    from .render import render_markdown
    from .schema import RESULTS_FILE

    markdown, html = render_markdown(doc), render_html(doc)  # first: a document that cannot be rendered saves nothing
    out_dir.mkdir(parents=True, exist_ok=True)
    saved = None
    if runs_dir is not None:
        from .runs import save_run

        saved = save_run(doc, runs_dir, name)
        doc["run"]["saved_as"] = str(saved)
    results = out_dir / RESULTS_FILE
    atomic_write(results, to_json(doc))
    atomic_write(out_dir / "report.md", markdown)
    atomic_write(out_dir / "report.html", html)
    return results, saved
