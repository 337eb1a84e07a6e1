"""A run as data: `load(PATH)` returns the typed run, `.to_pandas()` a DataFrame of its cases.

    from pytest_llmeval.results import load

    run = load("llmeval-report")            # a report dir, a results.json, or a saved run: "last", "0003", a name
    run.info["status"], len(run.cases)      # typed per results/schema.py (RunInfo, CaseRecord)
    df = run.to_pandas()                    # one row per case record (model, mode, case, sample)
    df.groupby("model")["score"].mean()

The document is checked against the schema (`results/schema.py`, pydantic): a file that does not fit says
which field of which case is wrong. Fields the schema does not name (added by a newer plugin or a
`pytest_llmeval_run_info` hook) are kept.
"""

from __future__ import annotations

import functools
import math
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NotRequired, cast

from .schema import SCHEMA_VERSION, Aggregates, CaseRecord, ResultsDocument, RunInfo

if TYPE_CHECKING:
    import pandas as pd

# Nested records flattened into columns (`judge.score`, `error.type`, `retrieval.hit_at_k`); deeper ones stay objects.
FLATTEN_LEVEL = 1
# Flags a case record carries only when they are set: an answer from --llm-cache, a case reused by --llm-resume
FLAG_COLUMNS = ("cached", "reused")


@dataclass(frozen=True)
class Run:
    """One run's results document, validated, with typed access to its parts."""

    path: Path
    document: ResultsDocument

    @property
    def schema_version(self) -> int:
        return int(self.document["schema_version"])

    @property
    def info(self) -> RunInfo:
        return self.document["run"]

    @property
    def cases(self) -> list[CaseRecord]:
        return self.document["cases"]

    @property
    def aggregates(self) -> Aggregates:
        return self.document["aggregates"]

    @property
    def benchmarks(self) -> list[dict[str, Any]]:
        return self.document["benchmarks"]

    def to_pandas(self) -> pd.DataFrame:
        """One row per case record; nested records one level deep become dotted columns (`judge.score`,
        `error.type`, `retrieval.hit_at_k`), lists stay lists. Columns every run has come first, then `errored`
        (the case has an error: `df[df.errored]`); the flags a record carries only when set (`cached`, `reused`)
        are booleans, False where absent, so that `df[~df.cached]` are the cases asked in this run. The fields the
        schema types as whole numbers (token counts, `sample`, `in_flight`, `error.status`, `retrieval.k`) are
        pandas' nullable `Int64`: a case without one (an error, a cache hit) is <NA>, not a float NaN beside 12.0."""
        import pandas as pd

        first = ["model", "mode", "scenario_id", "sample", "suite", "category", "score", "passed", "threshold"]
        if not self.cases:
            return pd.DataFrame(columns=[*first, "errored", *FLAG_COLUMNS])
        records = cast(list[dict[str, Any]], self.cases)
        frame = pd.json_normalize(records, sep=".", max_level=FLATTEN_LEVEL)
        # a record whose `error` or `judge` is null leaves a plain column of NaN beside the error.* (judge.*)
        # columns of the others: misleading (errors read 0), and all it holds is the null
        flattened = {c.split(".", 1)[0] for c in frame.columns if "." in c}
        frame = frame.drop(columns=[c for c in flattened if c in frame.columns])
        for column in integer_columns().intersection(frame.columns):  # a count with a gap read as 12.0 and NaN
            try:
                frame[column] = frame[column].astype("Int64")
            except (TypeError, ValueError, OverflowError):  # a hand-edited value the lax check let through: as is
                continue
        frame["errored"] = [bool(r.get("error")) for r in records]
        for flag in FLAG_COLUMNS:
            frame[flag] = [bool(r.get(flag)) for r in records]
        first += ["errored"]
        ordered = [c for c in first if c in frame.columns] + [c for c in frame.columns if c not in first]
        return frame[ordered]


@functools.cache
def integer_columns() -> frozenset[str]:
    """The `to_pandas` columns the results schema types as whole numbers (`int`, `int | None`): a case record's
    fields, and those of its nested records flattened one level (`error.status`, `retrieval.k`)."""
    found = set()
    for name, hint in typing.get_type_hints(CaseRecord).items():
        if _whole_number(hint):
            found.add(name)
        for nested in _typed_dicts(hint):
            fields = typing.get_type_hints(nested).items()
            found.update(f"{name}.{field}" for field, inner in fields if _whole_number(inner))
    return frozenset(found)


def _bare(hint: Any) -> set[Any]:
    """The types a hint allows, NotRequired and None taken off."""
    if typing.get_origin(hint) is NotRequired:
        return _bare(typing.get_args(hint)[0])
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        return {t for arg in typing.get_args(hint) for t in _bare(arg)}
    return set() if hint is type(None) else {hint}


def _whole_number(hint: Any) -> bool:
    return _bare(hint) == {int}


def _typed_dicts(hint: Any) -> list[type]:
    return [t for t in _bare(hint) if isinstance(t, type) and issubclass(t, dict) and hasattr(t, "__annotations__")]


def resolve(path: str | Path, runs_dir: Path) -> Path:
    """The results file meant by a report dir, a results.json path, or a saved run reference (`last`: the newest
    run, one of the load benchmark alone too)."""
    from .runs import resolve_run

    return resolve_run(str(path), runs_dir, with_cases=False)


def load(path: str | Path, runs_dir: str | Path | None = None) -> Run:
    """Read and validate a run: a report dir (its results.json), a results.json, or a saved run of `runs_dir`
    ("last", a number, a name; by default where the project's ini file says pytest saves runs, `llm_runs_dir`).
    ResultsFileError (or RunNotFound) names the file and what is wrong."""
    from .recorder import ResultsFileError, load_results
    from .runs import configured_runs_dir

    file = resolve(path, Path(runs_dir) if runs_dir is not None else configured_runs_dir())
    doc = load_results(file, check_types=False)  # the whole schema is checked next, missing fields too
    # a run of an older schema (which every command reads) lacks the fields added since: absent, not wrong
    older = doc.get("schema_version") != SCHEMA_VERSION
    problems = schema_problems(doc, missing_ok=older)
    if problems is not None:
        raise ResultsFileError(
            f"{file}: does not fit the results schema (schema_version {doc.get('schema_version')}): {problems}. "
            "Fix: re-render it with this plugin's version, or check the fields named"
        )
    if older:
        try:
            with_derived_sections(doc)
        except (TypeError, ValueError, KeyError, AttributeError) as exc:  # a value of another type ("12" tokens)
            raise ResultsFileError(
                f"{file}: its aggregates cannot be worked out from its cases (schema_version "
                f"{doc.get('schema_version')}; {type(exc).__name__}: {exc}). Fix: check its cases' fields, or "
                "re-render it with this plugin's version"
            ) from None
    return Run(file, cast(ResultsDocument, doc))  # the file's own dict: fields the schema does not name stay


def with_derived_sections(doc: dict[str, Any]) -> None:
    """The sections an older run may lack that `Run` hands out: its aggregates (worked out from its cases, as
    `report` does) and its benchmarks (none). Aggregates that are not the final ones of its cases are worked out
    again (`stale_aggregates` says when), and `aggregates.worked_out` says why - the reports print it."""
    doc.setdefault("benchmarks", [])
    reason = stale_aggregates(doc)
    if reason is not None:
        from .aggregate import aggregate_document

        memory = (doc.get("run") or {}).get("memory") or {}
        doc["aggregates"] = dict(aggregate_document(doc.get("cases") or [], memory, True, doc["benchmarks"]))
        if reason != NO_AGGREGATES:  # a run that never had any: no report of it printed other figures
            doc["aggregates"]["worked_out"] = reason


NO_AGGREGATES = "no aggregates saved"
MEAN_TOLERANCE = 0.006  # a mean kept at 2 digits by an older plugin is within 0.005 of the one its cases give


def stale_aggregates(doc: dict[str, Any]) -> str | None:
    """Why a document's aggregates must be worked out again from its cases; None where they are its cases' own.
    A run killed half way (SIGKILL, out of memory) keeps its last intermediate save, which leaves every interval,
    the models compared and their verdicts out: re-rendered, it printed an uplift of -5.1 with no interval and no
    pair of models at all. A case whose score was corrected by hand in results.json still printed the saved summary
    (errors 0, mean 57.1) above a cases table showing that case errored. The cheap figures (counts and mean score
    per model and mode) are compared; a document without aggregates gets them too."""
    if "aggregates" not in doc:
        return NO_AGGREGATES
    cases, saved = doc.get("cases") or [], doc["aggregates"]
    if not cases or not isinstance(saved, dict):
        return None
    if "comparison" not in saved:
        return (
            "aggregates worked out from the cases: saved before the run's end - it stopped half way or is still "
            "running (a save during the run has no intervals and no models compared)"
        )
    changes = _changed_figures(saved.get("models") or [], cases)
    if changes:
        return (
            "aggregates worked out again from the cases: they no longer give the saved figures (results.json edited "
            f"after the run?): {'; '.join(changes[:3])}"
        )
    return None


def _changed_figures(saved: list[dict[str, Any]], cases: list[dict[str, Any]]) -> list[str]:
    """`model mode field saved -> now` for each summary figure the cases no longer give (a model or mode added or
    gone too); the fields a row of an older plugin lacks are not compared."""
    from .aggregate import model_rows

    now = {(r["model"], r["mode"]): r for r in model_rows(cases, intervals=False)}
    before = {(r.get("model"), r.get("mode", "norag")): r for r in saved if isinstance(r, dict)}
    changes = [f"{m} {mode}: not in the saved summary" for m, mode in now if (m, mode) not in before]
    changes += [f"{m} {mode}: no case of it left" for m, mode in before if (m, mode) not in now]
    for key in now.keys() & before.keys():
        for field in ("cases", "samples", "errors", "passed", "mean_score"):
            old, new = before[key].get(field), now[key].get(field)
            if field not in before[key] or old == new:
                continue
            if field == "mean_score" and _close(old, new):
                continue
            shown = [_figure(v) for v in (old, new)]
            changes.append(f"{key[0]} {key[1]} {field.replace('_', ' ')} {shown[0]} -> {shown[1]}")
    return sorted(changes)


def _close(old: Any, new: Any) -> bool:
    """Two means within the rounding of an older plugin (`MEAN_TOLERANCE`)."""
    numbers = isinstance(old, (int, float)) and isinstance(new, (int, float))
    return numbers and abs(float(old) - float(new)) <= MEAN_TOLERANCE


def _figure(value: Any) -> str:
    """A summary figure in the note: a mean at one decimal, as the summary prints it; `none` for no number."""
    if isinstance(value, float):
        return f"{value:.1f}" if math.isfinite(value) else "none"
    return "none" if value is None else str(value)


def schema_problems(doc: dict[str, Any], missing_ok: bool = False) -> str | None:
    """The first fields of a document that do not fit the schema, in words; None when it fits. `missing_ok`:
    a field the document lacks is no problem (a run written before the field existed), a field of the wrong
    type is - what every command that reads a run checks before it indexes one (`recorder.load_results`)."""
    from pydantic import TypeAdapter, ValidationError

    try:
        TypeAdapter(ResultsDocument).validate_python(doc)
    except ValidationError as exc:
        errors = [e for e in exc.errors(include_url=False) if not (missing_ok and e["type"] == "missing")]
        if errors:
            return "; ".join(f"{_where(doc, err['loc'])}: {err['msg']}" for err in errors[:5])
    return _truth_value_problems(doc)


# fields every reader takes as a truth value or a number as they are: pydantic's lax mode accepts "false" or 0 for a
# bool and "50" for a float, which the gate read as a pass ("false" is truthy), a cached answer, or a scoring error
TRUTH_FIELDS = ("passed", "cached", "reused")


def _truth_value_problems(doc: dict[str, Any]) -> str | None:
    """The first case fields that are valid only in pydantic's lax mode - a bool given as a string or number, a
    score given as a string -, in words; None when there is none. A hand-edited `"passed": "false"` counted as a
    pass in the comparison and the report."""
    problems = []
    for index, case in enumerate(doc.get("cases") or []):
        if not isinstance(case, dict):
            continue
        for name in TRUTH_FIELDS:
            if name in case and case[name] is not None and not isinstance(case[name], bool):
                problems.append(f"{_where(doc, ('cases', index, name))}: {case[name]!r} is not true or false")
        if isinstance(case.get("score"), (str, bool)):
            problems.append(f"{_where(doc, ('cases', index, 'score'))}: {case['score']!r} is not a number")
    return "; ".join(problems[:5]) or None


def _where(doc: dict[str, Any], loc: tuple[int | str, ...]) -> str:
    """A validation error's place in words: `cases[3] (model m1, case capital).score`."""
    parts = [str(p) if isinstance(p, str) else f"[{p}]" for p in loc]
    text = ".".join(parts).replace(".[", "[")
    if len(loc) >= 2 and loc[0] == "cases" and isinstance(loc[1], int):
        case = (doc.get("cases") or [{}])[loc[1]] if loc[1] < len(doc.get("cases") or []) else {}
        if isinstance(case, dict):
            text = text.replace(
                f"cases[{loc[1]}]", f"cases[{loc[1]}] (model {case.get('model')}, case {case.get('scenario_id')})", 1
            )
    return text
