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
    """One rule for every render of a saved run: everything its cases give - the aggregates per model and mode
    (counts, means, intervals, latency, tokens, decode speed, categories), the RAG table, the models compared,
    the judge's agreement, the vision rows - is worked out again from its cases; only what cases cannot give (run
    metadata, memory, benchmarks, prices) is taken as stored, and the cost rows are priced again only where the
    prices file is still there (`_cost_again`; else flagged when their cases no longer give them). Where a
    stored figure differed (`stale_aggregates` says which), `aggregates.worked_out` says so and the reports print
    it: a timing, token count or judge field edited by hand (or written by an older plugin) was shown as stored
    beside cases that no longer gave it, while only counts and means were checked."""
    doc.setdefault("benchmarks", [])
    cases = doc.get("cases") or []
    if not cases and isinstance(doc.get("aggregates"), dict):
        return  # nothing to work anything out from: what was saved is all there is
    from .aggregate import aggregate_document

    memory = (doc.get("run") or {}).get("memory") or {}
    fresh = dict(aggregate_document(cases, memory, True, doc["benchmarks"]))
    reason = _stale_reason(doc, fresh)
    saved = doc.get("aggregates")
    kept = {k: v for k, v in saved.items() if k not in fresh and k != "worked_out"} if isinstance(saved, dict) else {}
    doc["aggregates"] = {**fresh, **kept}  # a field a newer plugin or a hook added: kept as it is
    if reason is not None and reason != NO_AGGREGATES:  # a run that never had any: no report printed other figures
        doc["aggregates"]["worked_out"] = reason
    _cost_again(doc)


NO_AGGREGATES = "no aggregates saved"
MEAN_TOLERANCE = 0.006  # a mean kept at 2 digits by an older plugin is within 0.005 of the one its cases give
RELATIVE_TOLERANCE = 1e-9  # a figure worked out again from the same cases is the same float; this is float noise
SHOWN_CHANGES = 3


def stale_aggregates(doc: dict[str, Any]) -> str | None:
    """Why a document's aggregates are not its cases' own, in words; None where they are. A run killed half way
    (SIGKILL, out of memory) keeps its last intermediate save, which leaves every interval, the models compared and
    their verdicts out: re-rendered, it printed an uplift of -5.1 with no interval and no pair of models at all. A
    case whose score was corrected by hand in results.json still printed the saved summary (errors 0, mean 57.1)
    above a cases table showing that case errored. Every stored figure the cases give is compared (timings, token
    counts, judge agreement, the pairs' p values too), not only counts and means."""
    cases = doc.get("cases") or []
    if "aggregates" not in doc or not cases:
        return NO_AGGREGATES if "aggregates" not in doc else None
    from .aggregate import aggregate_document

    memory = (doc.get("run") or {}).get("memory") or {}
    return _stale_reason(doc, dict(aggregate_document(cases, memory, True, doc.get("benchmarks") or [])))


def _stale_reason(doc: dict[str, Any], fresh: dict[str, Any]) -> str | None:
    """`stale_aggregates` against aggregates already worked out from the cases (`fresh`)."""
    if "aggregates" not in doc:
        return NO_AGGREGATES
    saved = doc["aggregates"]
    if not (doc.get("cases") or []) or not isinstance(saved, dict):
        return None
    if "comparison" not in saved:
        return (
            "aggregates worked out from the cases: saved before the run's end - it stopped half way or is still "
            "running (a save during the run has no intervals and no models compared)"
        )
    changes = _changed_figures(saved, fresh)
    if changes:
        more = f" and {len(changes) - SHOWN_CHANGES} more" if len(changes) > SHOWN_CHANGES else ""
        return (
            "aggregates worked out again from the cases: they no longer give the saved figures (results.json edited "
            f"after the run?): {'; '.join(changes[:SHOWN_CHANGES])}{more}"
        )
    return None


# the keys naming a row of an aggregates table, in the order they label it
ROW_KEYS = ("model", "a", "b", "mode", "name")


def _changed_figures(saved: dict[str, Any], fresh: dict[str, Any]) -> list[str]:
    """`where field saved -> now` for each stored figure the cases no longer give, over every aggregates table
    (a model or mode added or gone too); the fields a row of an older plugin lacks are not compared."""
    changes: list[str] = []
    for section in sorted(fresh.keys() & saved.keys()):
        changes += _diff(saved[section], fresh[section], section if section != "models" else "")
    return sorted(changes, key=lambda c: (" mean score " not in c and " errors " not in c, c))


def _row_label(row: Any, index: int) -> str:
    if isinstance(row, dict):
        named = [str(row[k]) for k in ROW_KEYS if isinstance(row.get(k), (str, int)) and not isinstance(row[k], bool)]
        if named:
            return " ".join(named)
    return f"[{index}]"


def _diff(old: Any, new: Any, where: str) -> list[str]:
    """The differences between a stored value and the one worked out again, each `where old -> new`."""
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[str] = []
        for key in old.keys() & new.keys():
            out += _diff(old[key], new[key], f"{where} {str(key).replace('_', ' ')}".strip())
        return out
    if isinstance(old, list) and isinstance(new, list) and any(isinstance(x, dict) for x in old + new):
        return _diff_rows(old, new, where)
    if _same(old, new):
        return []
    return [f"{where} {_figure(old)} -> {_figure(new)}"]


def _diff_rows(old: list[Any], new: list[Any], where: str) -> list[str]:
    """Rows matched by their name (model, mode; a pair's two sides), else by place."""
    before = {_row_label(r, i): r for i, r in enumerate(old)}
    now = {_row_label(r, i): r for i, r in enumerate(new)}
    prefix = f"{where} " if where else ""
    out = [f"{prefix}{k}: not in the saved figures" for k in now if k not in before]
    out += [f"{prefix}{k}: no case of it left" for k in before if k not in now]
    for key in now.keys() & before.keys():
        out += _diff(before[key], now[key], f"{prefix}{key}")
    return out


def _same(old: Any, new: Any) -> bool:
    """Two stored values alike: equal, both no number (NaN is written as null), or two numbers within float noise
    or within the 2-digit rounding of an older plugin (`MEAN_TOLERANCE`)."""
    if _no_number(old) and _no_number(new):
        return True
    if isinstance(old, bool) or isinstance(new, bool):
        return old is new
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        a, b = float(old), float(new)
        if not (math.isfinite(a) and math.isfinite(b)):
            return a == b
        if abs(a - b) <= RELATIVE_TOLERANCE * max(1.0, abs(a), abs(b)):
            return True
        return round(a, 2) == a and abs(a - b) <= MEAN_TOLERANCE  # an older plugin's 2-digit figure
    return bool(old == new)


def _no_number(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


# the cost row's figures its cases give (the rest come from the prices file)
COST_FIGURES = ("n", "mean_prompt_tokens", "mean_output_tokens", "requests_per_hour", "throughput_basis")


def _cost_again(doc: dict[str, Any]) -> None:
    """The cost rows worked out again from the cases when the prices file they were priced from is still there;
    where it is not, the rows stay as stored and `cost.worked_out` says which of their figures the cases no longer
    give (the prices - what cases cannot give - are not guessed)."""
    cost = doc.get("cost")
    if not isinstance(cost, dict) or not isinstance(cost.get("rows"), list) or not doc.get("cases"):
        return
    from ..cost import cost_rows, load_prices

    settings = (doc.get("run") or {}).get("settings") or {}
    path = settings.get("prices") if isinstance(settings, dict) else None
    try:
        prices = load_prices(Path(path)) if isinstance(path, str) and Path(path).is_file() else None
    except Exception:  # noqa: BLE001 - a prices file changed since into one that does not load: rows as stored
        prices = None
    if prices is not None:
        fresh = cost_rows(doc, prices)
        changes = _diff(cost["rows"], fresh, "cost")
        cost["rows"] = fresh
        if changes:
            cost["worked_out"] = f"cost worked out again from the cases and {path}: {'; '.join(changes[:3])}"
        return
    from ..cost.model import _row
    from ..cost.prices import Prices

    no_prices = Prices("", "", {}, "", 0.0, "")  # the figures compared come from the cases alone

    bench = {b.get("model"): b.get("summary", {}) for b in doc.get("benchmarks") or [] if isinstance(b, dict)}
    changes = []
    for row in cost["rows"]:
        if not isinstance(row, dict) or "model" not in row:
            continue
        qps = (bench.get(row["model"]) or {}).get("request_throughput")
        now = _row(doc, no_prices, row["model"], row.get("mode"), qps)
        old = {k: row[k] for k in COST_FIGURES if k in row}
        changes += _diff(old, {k: now.get(k) for k in old}, f"{row['model']} {row.get('mode', '')}".strip())
    if changes:
        cost["worked_out"] = (
            "cost as stored, though its cases no longer give its figures (results.json edited after the run?): "
            f"{'; '.join(changes[:3])}; the prices file {path or '(none named)'} is not there to price them again"
        )


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
