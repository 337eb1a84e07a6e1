"""`python -m pytest_llmeval merge RUN... -o DIR`: shard runs (`--llm-shard K/N`) joined into one run.

The merged results.json is built as a single run's is: its case records in the order a serial run
records them (model, then mode, then the suite's case order, then sample), its aggregates from
`aggregate_document` and its reports from the same renderers - so a gate (`compare`) reads it like
any run. Shards must agree on everything that decides answers: the settings, the model sources and the
suite - its case ids in order and, where the shards recorded them, each case's content hash (the scenario
text, key points, thresholds: everything that decides how a case is asked and graded); the first difference
is named. Settings that only decide where results go, how fast the run goes or what it reuses may differ:
the report dir, the shard, the saved runs, --llm-resume, --llm-concurrency, the speed settings (xdist
workers, warm-up), --llm-servers, the answer cache, the GPUs a server was given, its start-up timeout and the
RAG index cache. Path-valued settings are compared relative to each shard's root folder (run.shard.root), so
a checkout at another path (another CI runner, another host) merges; the scenario paths and datasets are not
compared as paths at all - the suite's content hashes cover what they hold. Every case the shards were due
must be there exactly once: missing and duplicated cases are named (`allow_missing` merges what is there and
marks the run degraded). Two results of one shard (a retried array task) are two attempts: the merge keeps the one
that ran to its end (complete or degraded) over one cut short, and of those the one started later, and records the
other under `run.merge_replaced`; the same run given twice is refused. A shard that owns no case of the suite may
be left out, except shard 1 (it also runs the tests that take no case, such as the throughput benchmark).
"""

from __future__ import annotations

import json
import types
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any, TypeGuard

from .aggregate import aggregate_document
from .recorder import ResultsFileError, atomic_write, case_key, load_results, new_run_id, to_json
from .schema import CASES_FILE, RESULTS_FILE, SCHEMA_VERSION
from .selection import merged_selection

# settings that may differ between shards of one run: where results go, speed, reuse (see the module)
PER_SHARD_SETTINGS = ("report_dir", "shard", "runs", "resume", "concurrency", "speed", "warmup", "servers", "cache")
PER_SHARD_NESTED = {"server": ("cuda_visible_devices", "startup_timeout_s"), "rag": ("cache_dir", "lock_timeout")}
# what the suite's content hashes (run.shard.suite_hashes) compare: not compared as paths
CONTENT_SETTINGS = ("scenario_paths", "datasets")
# path-valued settings that may decide answers (or the merged run's cost): compared relative to the shard's root
PATH_SETTINGS: tuple[tuple[str, ...], ...] = (
    ("rag", "knowledge"),
    ("rag", "dictionaries"),
    ("rag", "template"),
    ("server", "chat_template"),
    ("bench", "prompt_file"),
    ("prices",),
)
ROOT = "<root>"
RAG_MODES = {"off": ["norag"], "both": ["norag", "rag"], "only": ["rag"]}
STATUS_RANK = {"complete": 0, "degraded": 1, "running": 2, "interrupted": 3}
FINISHED = ("complete", "degraded")  # a shard run that ran to its end (degraded: with errors or a lost server)
SHOWN = 8  # how many missing or duplicated cases a message names


class MergeError(ValueError):
    """Shards that cannot be merged; the message names the shard files, the field and the fix."""


def load_shard(path: Path) -> tuple[str, dict[str, Any]]:
    """A shard's results.json, given the file or its report dir."""
    file = path / RESULTS_FILE if path.is_dir() else path
    try:
        return str(file), load_results(file)
    except ResultsFileError as exc:
        raise MergeError(str(exc)) from None


def _first_difference(a: Any, b: Any, where: str) -> tuple[str, Any, Any] | None:
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            found = _first_difference(a.get(key), b.get(key), f"{where}.{key}")
            if found is not None:
                return found
        return None
    return None if a == b else (where, a, b)


def _shard_info(name: str, doc: dict[str, Any]) -> dict[str, Any]:
    shard = (doc.get("run") or {}).get("shard")
    if not isinstance(shard, dict) or "index" not in shard:
        raise MergeError(f"{name}: run.shard is missing: not a shard run. Fix: run each shard with --llm-shard K/N")
    problem = _shard_shape_problem(shard)
    if problem is not None:  # a TypeError traceback (an index as text), or "shard 1/2 not given" for index 0
        raise MergeError(
            f"{name}: {problem}: not a shard as pytest-llmeval writes it. Fix: merge each shard's own results.json "
            "as its --llm-shard run wrote it"
        )
    return shard


def _whole(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _texts(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _shard_shape_problem(shard: dict[str, Any]) -> str | None:
    """What in a shard's run.shard is not what a shard run writes, in words; None when it is: K/N as whole numbers
    with 1 <= K <= N, the suite's case ids and content hashes as lists of text."""
    index, count = shard.get("index"), shard.get("count")
    if not (_whole(index) and _whole(count)):
        return f"run.shard.index {index!r} and count {count!r} are not whole numbers"
    if not 1 <= index <= count:
        return f"run.shard is {index}/{count}, not K/N with 1 <= K <= N"
    for field in ("suite_cases", "suite_hashes"):
        if field in shard and not _texts(shard[field]):
            return f"run.shard.{field} is not a list of text"
    return None


def _relative(value: Any, root: str | None) -> Any:
    """A path (or list of paths) under the run's root folder as `<root>/...`; anything else as it is."""
    if isinstance(value, list):
        return [_relative(v, root) for v in value]
    if not root or not isinstance(value, str):
        return value
    path, base = PurePosixPath(value), PurePosixPath(root)
    if path.is_absolute() and path.is_relative_to(base):
        return str(PurePosixPath(ROOT) / path.relative_to(base))
    return value


def _deciding(settings: dict[str, Any], root: str | None = None) -> dict[str, Any]:
    """The settings that must agree between shards: all but the per-shard ones (see the module), the scenario
    paths and datasets (their content is compared by hash), the GPUs a model was given (placement may pick other
    GPUs on another machine; answers do not depend on them); path-valued ones relative to the shard's root."""
    out = {k: v for k, v in settings.items() if k not in PER_SHARD_SETTINGS and k not in CONTENT_SETTINGS}
    for section, keys in PER_SHARD_NESTED.items():
        if isinstance(out.get(section), dict):
            out[section] = {k: v for k, v in out[section].items() if k not in keys}
    for where in PATH_SETTINGS:
        holder: Any = out
        for key in where[:-1]:
            holder = holder.get(key) if isinstance(holder.get(key), dict) else {}
        if where[-1] in holder:
            holder[where[-1]] = _relative(holder[where[-1]], root)
    if isinstance(out.get("models"), list):
        out["models"] = [{k: v for k, v in m.items() if k != "gpus"} for m in out["models"] if isinstance(m, dict)]
    return out


def _settings_of(run: dict[str, Any]) -> dict[str, Any]:
    """A shard's deciding settings (a copy: the nested dicts are rewritten)."""
    root = (run.get("shard") or {}).get("root")
    return _deciding(json.loads(json.dumps(run.get("settings") or {})), root if isinstance(root, str) else None)


def _check_same(shards: list[tuple[str, dict[str, Any]]]) -> None:
    """Same shard count, suite (ids and content), models, model sources and settings; the first difference is
    named."""
    first_name, first = shards[0]
    base_settings = _settings_of(first["run"])
    for name, doc in shards[1:]:
        run, base_run = doc["run"], first["run"]
        for field in ("count", "suite_fingerprint"):
            if run["shard"].get(field) != base_run["shard"].get(field):
                what = "suite (case ids)" if field == "suite_fingerprint" else "shard count"
                retried = (
                    " (a task submitted again on its own, sbatch --array=2, is an array of 1 task: --llm-shard auto "
                    "runs it as 1/1; retry a task with --llm-shard K/N)"
                    if field == "count"
                    else ""
                )
                raise MergeError(
                    f"{name} and {first_name} ran different {what}: run.shard.{field} is "
                    f"{run['shard'].get(field)!r} against {base_run['shard'].get(field)!r}{retried}. Fix: run every "
                    "shard with the same scenario files and --llm-shard K/N of the same N"
                )
        if run.get("plugin_version") != base_run.get("plugin_version"):
            raise MergeError(
                f"{name} and {first_name} ran different pytest-llmeval versions: run.plugin_version is "
                f"{run.get('plugin_version')!r} against {base_run.get('plugin_version')!r} (the prompts, defaults and "
                "scorers are the plugin's). Fix: run every shard with the same pytest-llmeval version"
            )
        for field in ("models", "model_sources"):
            if run.get(field) != base_run.get(field):
                raise MergeError(
                    f"{name} and {first_name} differ in run.{field}: {run.get(field)!r} against "
                    f"{base_run.get(field)!r}. Fix: give every shard the same --llm-model values"
                )
        found = _first_difference(_settings_of(run), base_settings, "settings")
        if found is not None:
            where, mine, theirs = found
            relative = " (paths under each shard's root folder shown as <root>)" if ROOT in repr((mine, theirs)) else ""
            raise MergeError(
                f"{name} and {first_name} ran with different settings: run.{where} is {mine!r} against "
                f"{theirs!r}{relative}. Fix: run every shard with the same options"
            )
    _check_same_content(shards)
    _check_same_scorers(shards)


def _scorer_of(record: dict[str, Any]) -> tuple[str, str] | None:
    """(scorer name, how it grades: version and echo guard) of a record; None when no scorer is recorded."""
    scorer = record.get("scorer")
    if not isinstance(scorer, dict) or not scorer.get("name"):
        return None
    how = {k: v for k, v in scorer.items() if k != "name"}
    return str(scorer["name"]), json.dumps(how, sort_keys=True, ensure_ascii=False, default=str)


def _check_same_scorers(shards: list[tuple[str, dict[str, Any]]]) -> None:
    """Every shard graded with the same scorers: a scorer (by name) recorded in two shards with another version
    or echo guard would pool two gradings into one aggregate (a shard run or re-scored with another release)."""
    seen: dict[str, tuple[str, str, dict[str, Any]]] = {}  # scorer name -> (how, shard file, shard info)
    for name, doc in shards:
        info = doc["run"]["shard"]
        for record in doc.get("cases") or []:
            found = _scorer_of(record)
            if found is None:
                continue
            scorer, how = found
            if scorer not in seen:
                seen[scorer] = (how, name, info)
                continue
            first_how, first_name, first_info = seen[scorer]
            if how != first_how:
                raise MergeError(
                    f"shard {info.get('index')}/{info.get('count')} ({name}) graded with another {scorer!r} than "
                    f"shard {first_info.get('index')}/{first_info.get('count')} ({first_name}): {how} against "
                    f"{first_how} (case {record.get('scenario_id')!r}); the merged aggregates would pool two "
                    "gradings. Fix: grade every shard with the same scorer (python -m pytest_llmeval rescore on the "
                    "older shards, or run every shard with the same pytest-llmeval version)"
                )


def _check_same_content(shards: list[tuple[str, dict[str, Any]]]) -> None:
    """Every shard asked and graded the same scenario content: each shard's recorded content hashes of the whole
    suite (run.shard.suite_hashes), and the case_hash of each of its case records, against those of the first
    shard that recorded them. Shards written before the hashes were recorded are checked by their records only
    (and not at all when no shard has them)."""
    reference = next(((n, d) for n, d in shards if isinstance(d["run"]["shard"].get("suite_hashes"), list)), None)
    if reference is None:
        return
    ref_name, ref_doc = reference
    ref_shard = ref_doc["run"]["shard"]
    expected = dict(zip(ref_shard.get("suite_cases") or [], ref_shard["suite_hashes"]))
    for name, doc in shards:
        if doc is ref_doc:
            continue
        info = doc["run"]["shard"]
        found: tuple[str, Any, Any] | None = None
        if isinstance(info.get("suite_hashes"), list):
            mine = dict(zip(info.get("suite_cases") or [], info["suite_hashes"]))
            found = next(((c, mine.get(c), h) for c, h in expected.items() if mine.get(c) != h), None)
        if found is None:
            found = next(
                (
                    (r.get("scenario_id"), r.get("case_hash"), expected[r.get("scenario_id")])
                    for r in doc.get("cases") or []
                    if r.get("case_hash") and expected.get(r.get("scenario_id"), r.get("case_hash")) != r["case_hash"]
                ),
                None,
            )
        if found is not None:
            case_id, mine_hash, theirs_hash = found
            raise MergeError(
                f"shard {info.get('index')}/{info.get('count')} ({name}) asked or graded its cases with different "
                f"scenario content than shard {ref_shard.get('index')}/{ref_shard.get('count')} ({ref_name}): case "
                f"{case_id!r} has content hash {mine_hash!r} against {theirs_hash!r} (suite content fingerprint "
                f"{info.get('suite_content_fingerprint')!r} against {ref_shard.get('suite_content_fingerprint')!r}). "
                "Fix: run every shard from the same checkout (the same scenario files and datasets), then merge"
            )


def _names(keys: list[tuple[str, str, str, int]]) -> str:
    shown = ", ".join(f"{m}/{mode}/{case}#{s}" for m, mode, case, s in keys[:SHOWN])
    return shown + (f" and {len(keys) - SHOWN} more" if len(keys) > SHOWN else "")


def merge_documents(shards: list[tuple[str, dict[str, Any]]], allow_missing: bool = False) -> dict[str, Any]:
    """One results document from shard documents (name, doc), as a single run would have written it."""
    if not shards:
        raise MergeError("no shard runs given. Fix: name each shard's results.json or report dir")
    infos = [_shard_info(name, doc) for name, doc in shards]
    shards = [s for _, s in sorted(zip((i["index"] for i in infos), shards), key=lambda p: p[0])]
    _check_same(shards)  # every file given, a replaced attempt too, is a shard of this one run
    shards, replaced = latest_attempts(shards)
    infos = [_shard_info(name, doc) for name, doc in shards]
    count = int(infos[0]["count"])
    seen_index = {int(info["index"]): name for (name, _), info in zip(shards, infos)}
    from ..sharding import shard_of

    suite = list(infos[0].get("suite_cases") or [])
    # a shard that owns no case has nothing to merge and may be left out; shard 1 also runs the tests without a case
    due = {shard_of(case_id, count) for case_id in suite} | {1}
    missing_shards = [k for k in range(1, count + 1) if k not in seen_index and k in due]

    run0 = shards[0][1]["run"]
    settings = run0.get("settings") or {}
    models = list(run0.get("models") or [])
    modes = RAG_MODES.get((settings.get("rag") or {}).get("mode", "off"), ["norag"])
    repeat = int(settings.get("repeat") or 1)
    position = {case_id: i for i, case_id in enumerate(suite)}

    expected = {
        (model, mode, case_id, sample)
        for case_id in suite
        if shard_of(case_id, count) in seen_index
        for model in models
        for mode in modes
        for sample in range(repeat)
    }
    records: dict[tuple[str, str, str, int], dict[str, Any]] = {}
    duplicated: list[tuple[str, str, str, int]] = []
    for _name, shard_doc in shards:
        for record in shard_doc.get("cases") or []:
            key = case_key(record)
            if key in records:
                duplicated.append(key)
            records[key] = record
    if duplicated:
        raise MergeError(
            f"{len(duplicated)} case record(s) appear in more than one shard: {_names(duplicated)}. Fix: merge "
            "each shard's results once, from runs of the same --llm-shard count"
        )
    unexpected = [
        (name, key)
        for (name, shard_doc), info in zip(shards, infos)
        for key in (case_key(r) for r in shard_doc.get("cases") or [])
        if key not in expected or shard_of(key[2], count) != info["index"]
    ]
    if unexpected:
        shown = ", ".join(f"{m}/{mode}/{case}#{s} in {name}" for name, (m, mode, case, s) in unexpected[:SHOWN])
        more = f" and {len(unexpected) - SHOWN} more" if len(unexpected) > SHOWN else ""
        raise MergeError(
            f"{len(unexpected)} case record(s) no shard was due (a model, mode, sample or case outside the run's "
            f"settings and suite, or a case of another shard): {shown}{more}. Fix: merge each shard's own results as "
            "its run wrote them"
        )
    missing = sorted(expected - set(records), key=lambda k: _order(k, models, modes, position))
    if (missing or missing_shards) and not allow_missing:
        parts = []
        if missing_shards:
            absent = [case_id for case_id in suite if shard_of(case_id, count) in missing_shards]
            shown = ", ".join(absent[:SHOWN]) + (f" and {len(absent) - SHOWN} more" if len(absent) > SHOWN else "")
            parts.append(
                f"shard(s) {', '.join(f'{k}/{count}' for k in missing_shards)} not given: "
                + (
                    f"their {len(absent)} case(s) {shown} have no record"
                    if absent
                    else "they run the tests that take no case"
                )
            )
        if missing:
            parts.append(f"{len(missing)} case(s) the shards were due have no record: {_names(missing)}")
            short = [
                f"shard {info['index']}/{count} ({name}) has status {doc['run'].get('status')!r}"
                for (name, doc), info in zip(shards, infos)
                if doc["run"].get("status") not in FINISHED
                and any(shard_of(k[2], count) == info["index"] for k in missing)
            ]
            if short:  # a killed task (status running) or one stopped with Ctrl-C: the reason, not only the count
                parts.append(f"{', '.join(short)}: it did not run to its end (killed, or still running)")
        raise MergeError(
            "; ".join(parts) + ". Fix: give every shard's results (re-run a shard that was cut short, "
            "with --llm-resume), or pass --allow-missing to merge what is there (the run is marked degraded)"
        )

    cases = sorted(records.values(), key=lambda r: _order(case_key(r), models, modes, position))
    benchmarks = [b for _, shard_doc in shards for b in shard_doc.get("benchmarks") or []]
    run = _merged_run(shards, infos, count, missing_shards, missing, cases)
    if replaced:
        run["merge_replaced"] = replaced
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "run": run,
        "cases": cases,
        "aggregates": aggregate_document(cases, run.get("memory", {}), True, benchmarks),
        "benchmarks": benchmarks,
    }
    doc.update(_extras(doc))
    return doc


def _moment(run: dict[str, Any]) -> float:
    """When a shard run started, in seconds (shards may run on hosts in other time zones); 0 when unknown."""
    for field in ("started_at", "finished_at"):
        try:
            return datetime.strptime(str(run.get(field)), "%Y-%m-%dT%H:%M:%S%z").timestamp()
        except ValueError:
            continue
    return 0.0


def _attempt_rank(doc: dict[str, Any]) -> tuple[bool, float, str]:
    """Which of two attempts at one shard the merge keeps (the larger): one that ran to its end over one cut short
    (killed, interrupted), then the one started later - a retried array task replaces the attempt it retried."""
    run = doc["run"]
    return run.get("status") in FINISHED, _moment(run), str(run.get("finished_at") or "")


def latest_attempts(
    shards: list[tuple[str, dict[str, Any]]],
) -> tuple[list[tuple[str, dict[str, Any]]], list[dict[str, Any]]]:
    """One attempt per shard index (a retried array task leaves two results of one shard): the one that ran to its
    end, and of those the later; the others as records of what was set aside and why (`run.merge_replaced`). The
    same run given twice (one run id) is refused: a folder named twice, or a results.json beside its saved copy."""
    attempts: dict[int, list[tuple[str, dict[str, Any]]]] = {}
    for name, doc in shards:
        info = doc["run"]["shard"]
        group = attempts.setdefault(int(info["index"]), [])
        twin = next((n for n, d in group if d["run"].get("run_id") == doc["run"].get("run_id")), None)
        if twin is not None:
            raise MergeError(
                f"{name} and {twin} are both shard {info['index']}/{info['count']} of one run (run id "
                f"{doc['run'].get('run_id')!r}): their cases would be counted twice. Fix: give each shard once"
            )
        group.append((name, doc))
    kept: list[tuple[str, dict[str, Any]]] = []
    replaced: list[dict[str, Any]] = []
    for index in sorted(attempts):
        ranked = sorted(attempts[index], key=lambda pair: _attempt_rank(pair[1]), reverse=True)
        keep_name, keep = ranked[0]
        kept.append((keep_name, keep))
        for name, doc in ranked[1:]:
            why = "is later" if doc["run"].get("status") in FINISHED else "ran to its end"
            replaced.append(
                {
                    "results": name,
                    "run_id": doc["run"].get("run_id"),
                    "index": index,
                    "status": doc["run"].get("status"),
                    "started_at": doc["run"].get("started_at"),
                    "replaced_by": keep_name,
                    "why": f"{keep_name} ({keep['run'].get('status')}, started {keep['run'].get('started_at')}) {why}",
                }
            )
    return kept, replaced


def _order(
    key: tuple[str, str, str, int], models: list[str], modes: list[str], position: dict[str, int]
) -> tuple[int, int, int, str, int]:
    """A serial run's recording order: the models as given, then the mode, the suite's case order, the sample."""
    model, mode, case_id, sample = key
    big = 1 << 30
    return (
        models.index(model) if model in models else big,
        modes.index(mode) if mode in modes else big,
        position.get(case_id, big),
        case_id,
        sample,
    )


def _merged_run(
    shards: list[tuple[str, dict[str, Any]]],
    infos: list[dict[str, Any]],
    count: int,
    missing_shards: list[int],
    missing: list[tuple[str, str, str, int]],
    cases: list[dict[str, Any]],
) -> dict[str, Any]:
    runs = [doc["run"] for _, doc in shards]
    run = json.loads(json.dumps(runs[0]))  # a deep copy of the first shard's run info
    run.pop("shard", None)
    run.pop("saved_as", None)
    run["run_id"] = new_run_id()  # the merge is the run the shards stand for, none of them
    run["settings"]["shard"] = None
    # the command of the single run the merge stands for: a shard's, without its --llm-shard (accept, the gate and
    # the report read the invocation to tell a run of part of the suite)
    run["invocation"] = without_shard_options(list(run.get("invocation") or []))
    run["started_at"] = min(r.get("started_at", "") for r in runs)
    finished = [r.get("finished_at") for r in runs if r.get("finished_at")]
    if finished:
        run["finished_at"] = max(finished)
    run["launches"] = [
        {**launch, "shard": info["index"]} for r, info in zip(runs, infos) for launch in r.get("launches") or []
    ]
    memory: dict[str, Any] = {}
    for r in runs:  # a model's memory: the shard where it peaked highest
        for model, mem in (r.get("memory") or {}).items():
            if model not in memory or (mem.get("peak_mib") or 0) > (memory[model].get("peak_mib") or 0):
                memory[model] = mem
    if memory:
        run["memory"] = memory
    degraded = [{**d, "shard": info["index"]} for r, info in zip(runs, infos) for d in r.get("degraded") or []]
    if degraded:
        run["degraded"] = degraded
    worst = max((r.get("status", "running") for r in runs), key=lambda s: STATUS_RANK.get(s, 2))
    if worst == "complete" and (missing or missing_shards or any(c.get("error") for c in cases)):
        worst = "degraded"
    run["status"] = worst
    hardware = _merged_hardware([r.get("hardware") for r in runs])
    if hardware is not None:
        run["hardware"] = hardware
    run["merged_from"] = [
        {
            "results": name,
            "run_id": doc["run"].get("run_id"),
            "index": info["index"],
            "count": count,
            "source": info.get("source"),
            "status": doc["run"].get("status"),
            "cases": len(doc.get("cases") or []),
            "started_at": doc["run"].get("started_at"),
            "finished_at": doc["run"].get("finished_at"),
            # where and how fast it measured: the merged speed figures pool these shards' measurements
            "hardware": doc["run"].get("hardware"),
            "concurrency": (doc["run"].get("settings") or {}).get("concurrency"),
            "speed": (doc["run"].get("settings") or {}).get("speed"),
        }
        for (name, doc), info in zip(shards, infos)
    ]
    run.pop("selection", None)  # the first shard's counts: the merge's are every shard's together
    selection = None if missing_shards else merged_selection([r.get("selection") for r in runs])
    if selection is not None:  # a missing shard's tests are of no known count
        run["selection"] = selection
    if missing or missing_shards:
        run["merge_missing"] = {
            "shards": [f"{k}/{count}" for k in missing_shards],
            "cases": [list(k) for k in missing],
        }
    return run


def _merged_hardware(machines: list[Any]) -> dict[str, Any] | None:
    """The merged run's hardware when the shards ran on different machines (None when they agree): each field the
    shards agree on as it is; one that differs as the shards' distinct values joined with " / " (the GPUs: every
    shard's distinct GPUs), and `differs_between_shards` naming those fields - so the report and `compare` say the
    speed figures pool several machines instead of showing the first shard's machine for all of them."""
    found = [m for m in machines if isinstance(m, dict)]
    if len(found) < 2 or all(m == found[0] for m in found[1:]):
        return None
    merged: dict[str, Any] = {}
    differs = []
    for key in dict.fromkeys(k for m in found for k in m):
        values = [m.get(key) for m in found]
        if all(v == values[0] for v in values[1:]):
            merged[key] = values[0]
            continue
        differs.append(key)
        if key == "gpus":
            gpus: list[Any] = []
            for value in values:
                for gpu in value or []:
                    if gpu not in gpus:
                        gpus.append(gpu)
            merged[key] = gpus
        else:
            distinct = list(dict.fromkeys(json.dumps(v, sort_keys=True, default=str) for v in values))
            merged[key] = " / ".join(str(json.loads(v)) for v in distinct)
    merged["differs_between_shards"] = differs
    return merged


SHARD_OPTIONS = ("--llm-shard", "--llm-shard-count")


def without_shard_options(invocation: list[str]) -> list[str]:
    """A pytest command line without --llm-shard and --llm-shard-count (`--opt value` or `--opt=value`)."""
    kept: list[str] = []
    args = iter(invocation)
    for arg in args:
        name = arg.split("=", 1)[0]
        if name in SHARD_OPTIONS:
            if "=" not in arg:
                next(args, None)
            continue
        kept.append(arg)
    return kept


GLOB_CHARACTERS = "*?["


def expand_patterns(given: list[Path]) -> list[Path]:
    """The shards given, with a pattern the shell did not expand (quoted, or from a job script: `merge 'shard-*'`)
    read as a glob: its matches in name order that are a results.json or a folder holding one (a pattern also
    matches the jobs' logs and saved-run folders); a path that exists is kept as it is, even with `*` in its name.
    MergeError when a pattern matches no results."""
    out: list[Path] = []
    for path in given:
        text = str(path)
        if path.exists() or not any(c in text for c in GLOB_CHARACTERS):
            out.append(path)
            continue
        base = Path(path.anchor) if path.is_absolute() else Path()
        pattern = str(path.relative_to(path.anchor)) if path.is_absolute() else text
        found = [p for p in sorted(base.glob(pattern)) if (p / RESULTS_FILE).is_file() or p.name == RESULTS_FILE]
        if not found:
            raise MergeError(
                f"{text} matches no results.json nor a folder holding one. Fix: name each shard's report dir "
                "(--llm-report-dir of the --llm-shard run) or its results.json; a pattern is read from the current "
                "folder"
            )
        out.extend(found)
    return out


def without_previous_merge(out_dir: Path, given: list[Path]) -> tuple[list[Path], list[Path]]:
    """The shards given without the output folder's own earlier merge (a merge run again after a retried shard
    finished: `merge shards/* -o shards/merged` meets shards/merged, a merged run, not a shard), and those left out.
    Anything else in the output folder is kept, for `refuse_overwriting_a_shard` to refuse."""
    out = out_dir.resolve()
    kept: list[Path] = []
    left: list[Path] = []
    for path in given:
        folder = path if path.is_dir() else path.parent
        if folder.resolve() == out and _is_a_merge(folder / RESULTS_FILE):
            left.append(path)
        else:
            kept.append(path)
    return kept, left


def _is_a_merge(file: Path) -> bool:
    try:
        run = json.loads(file.read_text(encoding="utf-8")).get("run") or {}
    except (OSError, ValueError, AttributeError):
        return False
    return isinstance(run, dict) and bool(run.get("merged_from")) and not run.get("shard")


def refuse_overwriting_a_shard(out_dir: Path, given: list[Path]) -> None:
    """MergeError when the output folder is where one of the shards given keeps its results: writing the merged
    run there would replace that shard's results.json and cases.jsonl, and the merge could not be redone."""
    out = out_dir.resolve()
    for path in given:
        folder = path if path.is_dir() else path.parent
        if folder.resolve() == out:
            raise MergeError(
                f"-o {out_dir} is the folder of the shard results {path}: the merged run would overwrite that "
                "shard's results.json and cases.jsonl (and the merge could not be redone). Fix: name a new folder, "
                "e.g. -o merged"
            )


def _extras(doc: dict[str, Any]) -> dict[str, Any]:
    """Cost (when the shards had --llm-prices) and the sizing rows, computed as the plugin does at a run's end."""
    settings = doc["run"].get("settings") or {}
    extras: dict[str, Any] = {}
    prices_path = settings.get("prices")
    if prices_path and Path(prices_path).is_file():
        from ..cost import cost_rows, load_prices

        prices = load_prices(Path(prices_path))
        extras["cost"] = {"prices": prices.source, "rows": cost_rows(doc, prices)}
    from ..sizing.report import sizing_rows

    rows = sizing_rows(doc, types.SimpleNamespace(**(settings.get("server") or {})))
    if rows:
        extras["sizing"] = rows
    return extras


def write_merged(doc: dict[str, Any], out_dir: Path) -> Path:
    """results.json, cases.jsonl, report.md and report.html of the merged run in `out_dir`."""
    from .html import write_html
    from .render import write_markdown

    out_dir.mkdir(parents=True, exist_ok=True)
    doc["run"]["settings"]["report_dir"] = str(out_dir)
    path = out_dir / RESULTS_FILE
    atomic_write(path, to_json(doc))
    atomic_write(out_dir / CASES_FILE, "".join(to_json(c, indent=None) + "\n" for c in doc["cases"]))
    write_markdown(doc, out_dir)
    write_html(doc, out_dir)
    return path
