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
  runs at the same load and generation settings (max_tokens, thinking, temperature, repeat): "not comparable".
  Only finite, non-negative timings count.
- Like with like: a case graded by another scorer in the baseline than in the new run is graded again from
  its saved answer first (given the current cases, compare/scorers.py), else left out as a problem.
"""

from __future__ import annotations

import json
import math
import numbers
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from ..results.answer_health import all_empty, all_empty_text, empty_answer
from ..stats import (
    detectable,
    detectable_pass,
    differences,
    exact_floor_mean,
    holm,
    mcnemar_exact,
    min_cases_mean,
    min_count_for_quantile,
    noninferiority_mean,
    noninferiority_pass,
    p_text,
    paired_difference,
    pass_rate_change,
    tarone_family,
    verdict,
)
from .gate import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, METRICS, QUALITY, FailRule
from .scorers import ScorerFor, align_baseline, bad_score, errored, record_scorer, scorer_identity

if TYPE_CHECKING:
    from ..evaluation.scenarios import Case

Key = tuple[str, str, str]  # model, mode, scenario_id
SETTING_KEYS = (
    "max_tokens",
    "temperature",
    "thinking",
    "repeat",
    "rag",
    "server",
    "bench_enabled",
    "concurrency",
    "speed",
)
# what sets how many requests share the server while one is measured; a run saved before a field existed ran
# with its default: one case at a time, no xdist workers
LOAD_SETTINGS = {"settings.concurrency": 1, "settings.speed.xdist_workers": 0, "settings.server.data_parallel_size": 1}
# what sets how long each request takes to generate: longer answers (max_tokens, thinking), other sampling, more
# samples per case. A run without the field ran with its default; None: no default (not compared when absent)
GENERATION_SETTINGS: dict[str, Any] = {
    "settings.max_tokens": None,
    "settings.thinking": "off",
    "settings.temperature": 0.0,
    "settings.repeat": 1,
}
# what else changes the answers compared (besides GENERATION_SETTINGS but --llm-repeat, which has its own note): the
# retrieval that builds a RAG case's context, and the server's settings that change what the model generates
ANSWER_SETTINGS_RAG = "settings.rag."
ANSWER_SETTINGS_SERVER = tuple(
    f"settings.server.{name}"
    for name in ("max_model_len", "dtype", "quantization", "reasoning_parser", "chat_template", "extra_args")
)
NO_ANSWER_CHANGE = {"settings.rag.api_key_env", "settings.rag.devices"}
STATUSES = ("complete", "degraded", "interrupted", "running")  # what a run's status can be (results/schema.py)
IGNORED_SETTINGS = {"server.python", "server.env", "server.startup_timeout_s", "rag.cache_dir", "rag.lock_timeout"}
ALPHA = 0.05
# the switch that allows each kind of problem (standalone; pytest: --llm-compare-allow-...)
ALLOWED_BY = {
    "errors": "--allow-errors",
    "missing": "--allow-missing",
    "interrupted": "--allow-missing",
    "unfinished": "--allow-missing",
}
SPEED_NOTE = "threshold only, no significance: the run is the unit"


def _graded_only(doc: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """The document without the records a re-score could not grade (`results.rescore.graded`), and their names."""
    from ..results.rescore import graded

    records = doc.get("cases") or []
    stale = [c for c in records if not graded(c)]
    if not stale:
        return doc, []
    names = [f"{c['model']}/{c.get('mode', 'norag')}/{c['scenario_id']}" for c in stale]
    return {**doc, "cases": [c for c in records if graded(c)]}, list(dict.fromkeys(names))


def _stale_keys(doc: dict[str, Any], rename: Mapping[str, str]) -> dict[Key, str]:
    """The (model - after `rename` -, mode, id) of the records a re-score could not grade, with their status."""
    from ..results.rescore import graded

    return {
        (rename.get(c["model"], c["model"]), c.get("mode", "norag"), c["scenario_id"]): str(
            (c.get("rescore") or {}).get("status")
        )
        for c in doc.get("cases") or []
        if not graded(c)
    }


def _rescored_from(doc: Mapping[str, Any]) -> str | None:
    """What run a re-scored document was graded from (`run.rescored.from`), None if it is no re-score."""
    rescored = (doc.get("run") or {}).get("rescored")
    if not isinstance(rescored, Mapping):
        return None
    return str(rescored.get("from") or "an earlier run")


def same_run(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str | None:
    """Why two documents cannot be compared because they are one measurement, or None: one run (the same
    `run.run_id`: a run and its saved copy, or one file given twice), a merge and one of its shards
    (`merged_part`), or - where a run has no id to tell - runs of which one holds only the other's records
    (`shared_records`: a run written before run ids, and its copy or a merge of it). Such a comparison shows no
    change whatever the model does, and the gate would pass it. A re-score or a merge is another run (a new id), so
    it is compared with the run it came from."""
    b_id, n_id = (
        run.get("run_id") if isinstance(run := doc.get("run"), Mapping) else None for doc in (base_doc, new_doc)
    )
    if isinstance(b_id, str) and b_id and b_id == n_id:
        which = f"the baseline and the new run are one run (run id {b_id})"
    elif (part := merged_part(base_doc, new_doc)) is not None:
        which = part
    elif not (b_id and n_id) and (shared := shared_records(base_doc, new_doc)) is not None:
        # two run ids tell the runs apart; without one (a run written before them, or merged or resumed from one)
        # only the records can
        which = shared
    else:
        return None
    return (
        f"not comparable: {which} - a run compared with itself or its saved copy shows no change whatever the model "
        "does. Fix: compare with an earlier run (`python -m pytest_llmeval runs` lists the saved runs) or run the "
        "suite again"
    )


def merged_part(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str | None:
    """Which run is a shard of the other, merged into it (`run.merged_from` names its run id), or None. A merge
    holds its shards' records as they are: compared with one of them it compared that shard's answers with
    themselves, and the gate passed with "no significant change"."""
    for merged, part, merged_name, part_name in (
        (new_doc, base_doc, "the new run", "the baseline"),
        (base_doc, new_doc, "the baseline", "the new run"),
    ):
        run, shard = merged.get("run"), part.get("run")
        if not isinstance(run, Mapping) or not isinstance(shard, Mapping) or not shard.get("run_id"):
            continue
        shards = [entry for entry in run.get("merged_from") or [] if isinstance(entry, Mapping)]
        if any(entry.get("run_id") == shard["run_id"] for entry in shards):
            shard_id = shard["run_id"]
            return f"{part_name} (run id {shard_id}) is a shard merged into {merged_name}: its records are that shard's"
    return None


def shared_records(base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]) -> str | None:
    """How one document holds only the other's records, or None: every case record of one is a record of the other
    - the same record, down to the moment it finished (`finished_at`, recorded with each answer: no two runs share
    it). Neither is then a measurement of its own: a run saved before run ids existed (nearly every
    baseline saved before them) compared with itself or its copy, or a shard with the merge of it, passed with "no
    significant change" whatever the model did. A re-score keeps the records' times and grades them again: compared
    with the run it graded as before."""
    if _rescored_from(base_doc) != _rescored_from(new_doc):
        return None
    base, new = _finish_stamps(base_doc), _finish_stamps(new_doc)
    if not base or not new:
        return None
    if base == new:
        return "the baseline and the new run hold the same records (each finished at the same moment: one run)"
    if new <= base:
        return "every record of the new run is one of the baseline's (each finished at the same moment)"
    if base <= new:
        return "every record of the baseline is one of the new run's (each finished at the same moment)"
    return None


def _finish_stamps(doc: Mapping[str, Any]) -> Counter[str] | None:
    """Each case record whole (as canonical JSON), None when a record has no finish time to tell it from another
    run's. Whole, not only its identity and time: a copy whose scores were edited by hand is another measurement."""
    stamps: Counter[str] = Counter()
    for case in doc.get("cases") or []:
        finished = case.get("finished_at") if isinstance(case, Mapping) else None
        if isinstance(finished, bool) or not isinstance(finished, numbers.Real):
            return None
        stamps[json.dumps(case, sort_keys=True, default=str)] += 1
    return stamps


def one_measurement(base_doc: dict[str, Any], new_doc: dict[str, Any]) -> str | None:
    """Why the speed rules cannot compare a re-score with the run it was graded from (or a re-score of it), or
    None: `rescore` sends no request, its records keep the timings of the run it graded, so the two runs' timings
    are one measurement and the speed rule read "ok" having measured nothing."""
    b_run, n_run = base_doc.get("run") or {}, new_doc.get("run") or {}
    rescores = [(which, _rescored_from(doc)) for which, doc in (("new run", new_doc), ("baseline", base_doc))]
    rescores = [(which, source) for which, source in rescores if source is not None]
    started = b_run.get("started_at")
    if not rescores or not started or started != n_run.get("started_at"):
        return None
    which, source = rescores[0]
    return (
        f"not comparable: the {which} is a re-score of {source}, started {started} like the "
        f"{'baseline' if which == 'new run' else 'new run'}: the timings of both are that one run's (a re-score "
        "sends no request), no speed was measured again"
    )


def _repeat(doc: dict[str, Any]) -> int:
    value = ((doc.get("run") or {}).get("settings") or {}).get("repeat")
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 1 else 1


def _same_repeats(
    base: dict[Key, list[dict[str, Any]]],
    new: dict[Key, list[dict[str, Any]]],
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
) -> str | None:
    """Runs with another --llm-repeat are compared over the samples both asked (the first `k` of each case, in place),
    with the note that says so; None when both asked as often. A per-case mean of 3 samples against one sample has
    the same expectation but skewed differences (many small falls, a few large rises), which raised a tight rule's
    false alarms (a review's throwaway simulation at n = 14, not in the repository)."""
    rep_b, rep_n = _repeat(base_doc), _repeat(new_doc)
    if rep_b == rep_n:
        return None
    k = min(rep_b, rep_n)
    for index in (base, new):
        for key, samples in index.items():
            first = [s for s in samples if int(s.get("sample") or 0) < k]
            if first:  # a case whose samples are numbered otherwise is kept whole
                index[key] = first
    more = "new run" if rep_n > rep_b else "baseline"
    return (
        f"the baseline asked each case {rep_b} time(s), the new run {rep_n} (--llm-repeat): quality is compared like "
        f"for like over the first {k} sample(s) of each case in both runs; the {more}'s other samples are not "
        "compared. Accept a baseline with the same --llm-repeat to compare them all"
    )


def lost_samples(
    index: Mapping[Key, Sequence[Mapping[str, Any]]],
    expected: int,
    which: str,
    other_repeat: bool,
    labels: Mapping[str, str] | None = None,
) -> str | None:
    """Which cases of a run (`index`, as compared) hold fewer samples than `expected` - its --llm-repeat, or the
    samples compared when the other run asked another number - in one sentence; None when none does. A run records
    every sample of a case, errored ones included: fewer records are records lost (a worker that crashed, a file
    edited by hand), and the case is then compared on the samples left. `labels`: the run's own model labels of the
    index's (the baseline's under --pair)."""
    short = sorted(
        (key, count)
        for key, samples in index.items()
        if (count := len({str(s.get("sample") or 0) for s in samples})) < expected
    )
    if not short:
        return None
    labels = labels or {}
    names = listed([f"{labels.get(m, m)}/{mode}/{i} ({count} of {expected})" for (m, mode, i), count in short], 5)
    than = f"the {expected} sample(s) of each case compared" if other_repeat else f"its --llm-repeat {expected}"
    return (
        f"{len(short)} of {len(index)} case(s) of {which} have fewer samples than {than} ({names}). Every sample "
        "is recorded, an errored one too: these records were lost (a worker that crashed, a file edited by hand), "
        "and those cases are compared on the samples left"
    )


def _index(doc: dict[str, Any], rename: Mapping[str, str] | None = None) -> dict[Key, list[dict[str, Any]]]:
    out: dict[Key, list[dict[str, Any]]] = defaultdict(list)
    rename = rename or {}
    for case in doc.get("cases", []):
        model = rename.get(case["model"], case["model"])
        out[(model, case.get("mode", "norag"), case["scenario_id"])].append(case)
    return dict(out)


def _flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(data, dict):
        flat: dict[str, Any] = {}
        for key, value in data.items():
            flat.update(_flatten(value, f"{prefix}{key}."))
        return flat
    return {prefix[:-1]: data}


def _model_servers(run: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """Each model's own server values (--llm-model-arg LABEL:KEY=VALUE, LABEL:vllm_arg=ARG), by label: its options
    and, with its own vLLM arguments, the extra arguments its server was started with (the run's, then its own)."""
    settings = run.get("settings") or {}
    server = settings.get("server") or {}
    own: dict[str, dict[str, Any]] = {}
    for model in settings.get("models") or []:
        if not isinstance(model, Mapping) or not model.get("label"):
            continue
        options = options if isinstance(options := model.get("options"), Mapping) else {}
        values = {str(k): v for k, v in options.items() if k != "gpus"}
        if model.get("vllm_args"):
            values["extra_args"] = [*(server.get("extra_args") or []), *model["vllm_args"]]
        own[str(model["label"])] = values
    return own


def model_settings_differences(
    base: Mapping[str, Any], new: Mapping[str, Any], pairs: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """The server values a model was served with that differ between the runs where a model's own values
    (--llm-model-arg) set them: `settings.models.LABEL.KEY`, with `model` (the new run's label) and `server_field`
    (the run-wide setting it stands for). A model quantized to fp8 in one run only, by its own option, read "no
    significant change" with no word of the quantization anywhere."""
    servers = [(run.get("settings") or {}).get("server") or {} for run in (base, new)]
    own_b, own_n = _model_servers(base), _model_servers(new)
    renamed = dict(pairs or {})
    diffs = []
    for b_label, b_values in own_b.items():
        label = renamed.get(b_label, b_label)
        if label not in own_n:
            continue
        n_values = own_n[label]
        for key in sorted(set(b_values) | set(n_values)):
            b_value = b_values.get(key, servers[0].get(key))
            n_value = n_values.get(key, servers[1].get(key))
            if b_value != n_value:
                diffs.append(
                    {
                        "field": f"settings.models.{label}.{key}",
                        "base": b_value,
                        "new": n_value,
                        "model": label,
                        "server_field": f"settings.server.{key}",
                    }
                )
    return diffs


def _setting_field(diff: Mapping[str, Any]) -> str:
    """The run-wide setting a difference stands for (a model's own server value: the server's setting)."""
    return str(diff.get("server_field") or diff["field"])


def settings_differences(
    base: dict[str, Any], new: dict[str, Any], pairs: Mapping[str, str] | None = None
) -> list[dict[str, Any]]:
    """Settings, model sources and hardware that differ between the two runs (a model's own server values:
    `model_settings_differences`). A baseline label paired with another (`pairs`, --pair) is another model on
    purpose: its source is not compared with that of the new run's model of its old label (with --pair m1=m2
    --pair m2=m1, each read "another model than in the baseline" where both were the same models)."""
    diffs = []
    b_set, n_set = base.get("settings", {}), new.get("settings", {})
    b_flat = _flatten({k: b_set.get(k) for k in SETTING_KEYS if k in b_set})
    n_flat = _flatten({k: n_set.get(k) for k in SETTING_KEYS if k in n_set})
    for key in sorted(set(b_flat) | set(n_flat)):
        if key in IGNORED_SETTINGS or any(key.startswith(i + ".") for i in IGNORED_SETTINGS):
            continue
        if b_flat.get(key) != n_flat.get(key):
            diffs.append({"field": f"settings.{key}", "base": b_flat.get(key), "new": n_flat.get(key)})
    b_src, n_src = base.get("model_sources", {}), new.get("model_sources", {})
    for label in sorted(set(b_src) & set(n_src)):
        if label in (pairs or {}):
            continue
        if b_src[label] != n_src[label]:
            diffs.append({"field": f"model_sources.{label}", "base": b_src[label], "new": n_src[label]})
    b_hw, n_hw = base.get("hardware", {}), new.get("hardware", {})
    for key in ("cpu", "cpu_count", "gpus"):
        if b_hw.get(key) != n_hw.get(key):
            diffs.append({"field": f"hardware.{key}", "base": b_hw.get(key), "new": n_hw.get(key)})
    return diffs


def load_differences(settings: list[dict[str, Any]], fields: Mapping[str, Any] = LOAD_SETTINGS) -> list[dict[str, Any]]:
    """The settings differences that change how many requests were in flight (a missing field is its default);
    with `fields` = GENERATION_SETTINGS, those that change how long a request generates."""
    out = []
    for diff in settings:
        if _setting_field(diff) not in fields:
            continue
        default = fields[_setting_field(diff)]
        base = default if diff["base"] is None else diff["base"]
        new = default if diff["new"] is None else diff["new"]
        if base is None or new is None:  # no default and not recorded in one run: nothing to say
            continue
        if base != new:
            out.append({**diff, "base": base, "new": new})
    return out


def answer_settings_note(settings: list[dict[str, Any]]) -> str | None:
    """The note that quality was compared between runs that answered under other settings - max tokens, temperature,
    thinking, retrieval (RAG), the server's dtype, quantization, chat template, reasoning parser, context length or
    extra arguments -, or None. Such a comparison is kept (the nightly job gates the configuration as run), but a
    difference, or its absence, measures the settings as well as the model: it read "no significant change" with the
    changed settings named only below the tables."""
    generation = {k: v for k, v in GENERATION_SETTINGS.items() if k != "settings.repeat"}
    changed = load_differences(settings, generation)
    changed += [
        d
        for d in settings
        if d["field"] not in NO_ANSWER_CHANGE
        and (d["field"].startswith(ANSWER_SETTINGS_RAG) or _setting_field(d) in ANSWER_SETTINGS_SERVER)
    ]
    if not changed:
        return None
    shown = "; ".join(f"{_setting_name(d)} {d['base']!r} in the baseline, {d['new']!r} now" for d in changed)
    return (
        f"the runs answered under other settings ({shown}): a difference in quality, or none, measures those settings "
        "as well as the model. Accept a baseline run with today's settings to compare the model alone"
    )


def _setting_name(diff: Mapping[str, Any]) -> str:
    """A setting as the notes name it: "server.quantization", "server.quantization of model m1" (its own value)."""
    name = _setting_field(diff).removeprefix("settings.")
    return f"{name} of model {diff['model']}" if diff.get("model") else name


def speed_not_comparable(settings: list[dict[str, Any]]) -> str | None:
    """Why the speed rules cannot compare these runs (another load, other generation settings), or None."""
    load = load_differences(settings)
    generation = load_differences(settings, GENERATION_SETTINGS)
    parts = []
    if load:
        parts.append(
            "measured with other requests in flight ("
            + "; ".join(f"{_load_name(d)} {d['base']} in the baseline, {d['new']} now" for d in load)
            + "); compare speed between runs at the same concurrency"
        )
    if generation:
        parts.append(
            "generated under other settings ("
            + "; ".join(f"{_load_name(d)} {d['base']!r} in the baseline, {d['new']!r} now" for d in generation)
            + "): answers of another length or sampling take another time; compare speed between runs with the same "
            + ", ".join(f.split(".")[-1] for f in GENERATION_SETTINGS)
        )
    return "not comparable: " + "; ".join(parts) if parts else None


def _load_name(diff: Mapping[str, Any]) -> str:
    """A load or generation setting as the speed notes name it: "concurrency", "data_parallel_size of model m1"."""
    name = _setting_field(diff).split(".")[-1]
    return f"{name} of model {diff['model']}" if diff.get("model") else name


def other_hardware(
    settings: list[dict[str, Any]], base_doc: Mapping[str, Any], new_doc: Mapping[str, Any]
) -> str | None:
    """Why the speed rules cannot compare runs that served a model on other hardware (CPU, CPU count, GPUs), or
    None: a run on a slower GPU read as a speed regression of the model (exit 6), a faster one hid one. Only when a
    run launched a server: `run.hardware` is the machine pytest ran on, which for a server it attached to
    (--llm-base-url) is not the one that answered."""
    hardware = [d for d in settings if d["field"].startswith("hardware.")]
    launched = any(
        isinstance(launch, Mapping) and not launch.get("attached")
        for doc in (base_doc, new_doc)
        for launch in (doc.get("run") or {}).get("launches") or []
    )
    if not hardware or not launched:
        return None
    shown = "; ".join(f"{d['field'].split('.')[-1]} {d['base']!r} in the baseline, {d['new']!r} now" for d in hardware)
    return (
        f"not comparable: the server ran on other hardware ({shown}): the speed of the machine, not of the model. "
        "Compare speed between runs on the same machine"
    )


def shards_at_other_loads(base_doc: dict[str, Any], new_doc: dict[str, Any]) -> str | None:
    """Why the speed rules cannot compare a merged run whose shards ran under different loads (another
    --llm-concurrency or -n): its settings are shard 1's, its speed figures pool every shard's requests. None when
    neither run is such a merge."""
    for which, doc in (("baseline", base_doc), ("new run", new_doc)):
        shards = (doc.get("run") or {}).get("merged_from") or []
        loads = {
            (entry.get("concurrency"), (entry.get("speed") or {}).get("xdist_workers"))
            for entry in shards
            if isinstance(entry, dict) and ("concurrency" in entry or "speed" in entry)
        }
        if len(loads) > 1:
            shown = "; ".join(f"concurrency {c}, xdist workers {w}" for c, w in sorted(loads, key=str))
            return (
                f"not comparable: the shards of the {which} ran under different loads ({shown}): its speed figures "
                "pool requests measured under each; run every shard with the same --llm-concurrency and -n"
            )
    return None


def _case_score(samples: list[dict[str, Any]]) -> float:
    """Mean score of a case's samples; an errored sample scores 0."""
    return sum(0.0 if errored(s) else float(s["score"]) for s in samples) / len(samples)


def _case_pass(samples: list[dict[str, Any]]) -> float:
    """Share of a case's samples that passed, in percent; an errored sample failed."""
    return 100.0 * sum(1 for s in samples if not errored(s) and s.get("passed")) / len(samples)


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(float(value), digits)


def _timing(value: Any) -> float | None:
    """A measured time or count: a finite, non-negative number (not a bool); None otherwise. NaN or inf from an
    older or foreign results.json is no measurement: as a value it made a percentile NaN, and the rule "ok"."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return None
    number = float(value)
    return number if math.isfinite(number) and number >= 0 else None


def _run_statistic(samples: list[dict[str, Any]], metric: str) -> tuple[float | None, int, str | None]:
    """The run-level statistic of a speed metric over its successful requests: (value, n, why not). Only finite,
    non-negative timings count; a statistic that cannot be computed is "why not" (the rule is not checked)."""
    field, stat, _, _ = METRICS[metric]
    # a cache hit sent no request: a timing it carries (a run written otherwise, a hand edit) measured nothing today
    ok = [s for s in samples if not errored(s) and not s.get("cached")]
    invalid = sum(1 for s in ok if s.get(field) is not None and _timing(s.get(field)) is None)
    left_out = f"; {invalid} timing(s) not a finite, non-negative number left out" if invalid else ""
    if metric == "decode_tok_s":  # the one definition (token-weighted, as vLLM's bench), from results.aggregate
        from ..results.aggregate import decode_rate

        # a request counts with its output tokens and both times valid (decode_rate takes e2e - ttft)
        timed = [
            s
            for s in ok
            if (_timing(s.get("output_tokens")) or 0) > 1
            and _timing(s.get("e2e_s")) is not None
            and (s.get("ttft_s") is None or _timing(s.get("ttft_s")) is not None)
        ]
        invalid = sum(
            1
            for s in ok
            if any(s.get(f) is not None and _timing(s.get(f)) is None for f in ("output_tokens", "e2e_s", "ttft_s"))
        )
        left_out = f"; {invalid} request(s) with a time or token count not a finite, non-negative number left out"
        left_out = left_out if invalid else ""
        if not timed:
            return None, 0, f"no timed request with more than one output token (n=0{left_out})"
        rate = decode_rate(timed)
        if rate is None or not math.isfinite(rate) or rate < 0:
            return (
                None,
                len(timed),
                (
                    f"no decode time measured (n={len(timed)}: end-to-end time equals TTFT{left_out})"
                    if rate is None
                    else f"cannot be computed (decode rate {rate}; n={len(timed)}{left_out})"
                ),
            )
        return rate, len(timed), None
    values = [v for v in (_timing(s.get(field)) for s in ok) if v is not None]
    q = 50.0 if stat == "p50" else 95.0
    need = min_count_for_quantile(q)
    if len(values) < need:
        return None, len(values), f"too few requests (n={len(values)}{left_out}) for a p{q:g}: needs {need}"
    value = float(np.percentile(values, q))
    if not math.isfinite(value):  # cannot happen with finite values; never a NaN that reads "ok"
        return None, len(values), f"cannot be computed (p{q:g} = {value}; n={len(values)})"
    return value, len(values), None


def _speed_metrics(b: list[list[dict[str, Any]]], n: list[list[dict[str, Any]]]) -> dict[str, Any]:
    """The speed metrics of one group, per case lists of samples of the baseline (`b`) and the new run (`n`)."""
    metrics: dict[str, Any] = {}
    b_in, n_in = b, n
    # speed over the cases timed in both runs: a case answered from the cache or errored in one run would make the
    # two statistics describe different cases (3 long answers against 6 mixed ones read as +90%)
    # the load each run was measured under: its most cases in flight (concurrency x replicas). A request timed under
    # another load is left out of that run's statistic: with --llm-cache a model's first miss is asked alone, in the
    # test's thread, before its scheduler starts; a run resumed (--llm-resume) at another --llm-concurrency reuses
    # the requests its first part timed at the old load - mixed in, they moved its p50 by a third
    flights = [max((_load(s) for samples in side for s in samples if _timed(s)), default=None) for side in (b, n)]

    def at_load(samples: list[dict[str, Any]], load: int | None) -> list[dict[str, Any]]:
        return [s for s in samples if not (_timed(s) and _load(s) != load)]

    b, n = [at_load(s, flights[0]) for s in b], [at_load(s, flights[1]) for s in n]
    other = {
        run: sum(1 for samples in side for s in samples if _timed(s) and _load(s) != load)
        for run, side, load in (("base", b_in, flights[0]), ("new", n_in, flights[1]))
    }
    both = [i for i in range(len(b)) if any(map(_timed, b[i])) and any(map(_timed, n[i]))]
    b_all = [s for i in both for s in b[i]]
    n_all = [s for i in both for s in n[i]]
    other_text = "".join(
        f"; {k} request(s) of the {label} timed under another load (in_flight) left out"
        for k, label in ((other["base"], "baseline"), (other["new"], "new run"))
        if k
    )
    other_load = (
        f"not comparable: measured with {flights[0]} request(s) in flight in the baseline, {flights[1]} now "
        "(concurrency x replicas); compare speed at the same load"
        if flights[0] is not None and flights[1] is not None and flights[0] != flights[1]
        else None
    )
    untimed = None
    if not both:  # say why nothing was timed in both runs, not "too few requests (n=0)"
        timed_b, timed_n = (sum(1 for samples in side if any(map(_timed, samples))) for side in (b, n))
        cached = sum(1 for samples in n for s in samples if s.get("cached"))
        untimed = (
            f"no case timed in both runs ({timed_b} of {len(b)} case(s) timed in the baseline, {timed_n} of {len(n)} "
            "in the new run"
            + (f"; {cached} answer(s) of the new run came from the answer cache, which has no timing" if cached else "")
            + "): speed not measured"
        )
    for metric in METRICS:
        if metric in QUALITY:
            continue
        base_value, n_base, why_b = _run_statistic(b_all, metric)
        new_value, n_new, why_n = _run_statistic(n_all, metric)
        why = other_load or untimed or why_b or why_n
        if other_load:
            base_value = new_value = None
        change = None if base_value is None or new_value is None else new_value - base_value
        metrics[metric] = {
            "base": _round(base_value, 4),
            "new": _round(new_value, 4),
            "estimate": _round(change, 4),
            # unrounded, for the rule and the relative change (popped with "_cases"): 4 decimals of a second are up
            # to 2.5% of a 2 ms TTFT, and a rise of 19.8% read as 20.2% - past `ttft_p50:20%`
            "_exact": (base_value, change),
            "n": min(n_base, n_new),
            "n_base": n_base,
            "n_new": n_new,
            "cases_timed_in_both": len(both),
            "other_load": other,
            "method": why
            or f"run statistic over the {len(both)} of {len(b)} cases timed in both runs{other_text}; {SPEED_NOTE}",
            "verdict": why or SPEED_NOTE,
        }
    return metrics


def compare_group(
    base: dict[Key, list[dict[str, Any]]],
    new: dict[Key, list[dict[str, Any]]],
    ids: list[str],
    model: str,
    mode: str,
    seed: int = 0,
    base_model: str | None = None,
) -> dict[str, Any]:
    b = [base[(model, mode, i)] for i in ids]
    n = [new[(model, mode, i)] for i in ids]
    metrics: dict[str, Any] = {}
    score_b, score_n = [_case_score(s) for s in b], [_case_score(s) for s in n]
    diff = paired_difference(score_b, score_n, seed=seed)
    metrics["score"] = {
        "base": _round(float(np.mean(score_b)), 4),
        "new": _round(float(np.mean(score_n)), 4),
        **diff.to_dict(),
        "verdict": verdict(diff, True),
    }
    pass_b, pass_n = [_case_pass(s) for s in b], [_case_pass(s) for s in n]
    entry = pass_rate_change([v / 100 for v in pass_b], [v / 100 for v in pass_n], 1 - ALPHA, seed)
    entry["verdict"] = (
        "no significant difference"
        if not entry["significant"] or not entry["estimate"]
        else ("better" if entry["estimate"] > 0 else "worse")
    )
    metrics["pass_rate"] = {
        "base": _round(float(np.mean(pass_b)), 4),
        "new": _round(float(np.mean(pass_n)), 4),
        **entry,
    }
    metrics.update(_speed_metrics(b, n))
    for entry in metrics.values():
        base_value, estimate = entry.get("_exact") or (entry.get("base"), entry.get("estimate"))
        entry["relative_pct"] = (
            round(100 * estimate / base_value, 2) if base_value not in (None, 0) and estimate is not None else None
        )
    flips = [
        {
            "scenario_id": i,
            "change": "pass -> fail" if bp >= 50 else "fail -> pass",
            # 4 decimals, as the metrics' means: at 2, a flip from 61.004 to 60.996 read "61.0 -> 61.0"
            "score_base": _round(sb, 4),
            "score_new": _round(sn, 4),
            "error_new": any(errored(s) for s in ns),
            **({"same_score": same_score_flip(bs, ns)} if _round(sb, 4) == _round(sn, 4) else {}),
        }
        for i, bp, np_, sb, sn, bs, ns in zip(ids, pass_b, pass_n, score_b, score_n, b, n)
        if (bp >= 50) != (np_ >= 50)
    ]
    deltas = sorted(
        (
            {"scenario_id": i, "base": _round(sb), "new": _round(sn), "delta": _round(sn - sb)}
            for i, sb, sn in zip(ids, score_b, score_n)
        ),
        key=lambda d: d["delta"] or 0,
    )
    repeats = max(len(s) for s in b + n)
    not_asked = {
        run: {flag: sum(1 for group in samples for s in group if s.get(flag)) for flag in ("cached", "reused")}
        for run, samples in (("base", b), ("new", n))
    }
    return {
        "model": model,
        "base_model": base_model or model,
        "mode": mode,
        "n": len(ids),
        "repeats": repeats,
        "samples_base": sum(len(s) for s in b),
        "samples_new": sum(len(s) for s in n),
        "metrics": metrics,
        "mcnemar": mcnemar_exact([v >= 50 for v in pass_b], [v >= 50 for v in pass_n]).to_dict(),
        "not_asked": not_asked,
        "flips": flips,
        "score_deltas": deltas,
        "_cases": (score_b, score_n, pass_b, pass_n, _within_variance(b, n)),
    }


def same_score_flip(base: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> str:
    """Why a case changed verdict with the same (mean) score in both runs, in a few words: shown bare, "61.0 -> 61.0
    pass -> fail" read as a verdict the numbers contradict. The score is not all that decides pass/fail: with
    --llm-repeat the share of samples that passed does, a judge's verdict under --llm-judge-assert, a forbidden claim
    found, or the case's threshold."""
    if len(base) > 1 or len(new) > 1:
        passes = [sum(1 for s in side if not errored(s) and s.get("passed")) for side in (base, new)]
        return (
            f"same mean score; {passes[0]} of {len(base)} sample(s) passed in the baseline, {passes[1]} of "
            f"{len(new)} now: more than half must pass"
        )
    judged = [which for which, side in (("baseline", base), ("new run", new)) if side[0].get("assert_with") == "judge"]
    if judged:
        return f"same score; pass/fail in the {' and '.join(judged)} is the judge's verdict (--llm-judge-assert)"
    forbidden = [which for which, side in (("baseline", base), ("new run", new)) if side[0].get("forbidden_found")]
    if forbidden:
        return f"same score; a forbidden claim was found in the {' and '.join(forbidden)}'s answer, which fails it"
    thresholds = [side[0].get("threshold") for side in (base, new)]
    if thresholds[0] != thresholds[1]:
        return f"same score; threshold {thresholds[0]} in the baseline, {thresholds[1]} now"
    return (
        "same score; the records' pass/fail is not their score against the threshold (a custom scorer or a hand edit)"
    )


def _holm_quality_verdicts(groups: list[dict[str, Any]], gated_worse: set[tuple[str, str, str]]) -> None:
    """'better' / 'worse' in the comparison table (and "significantly better/worse" in its summary) only where the
    two-sided test stays significant after Holm's correction over every quality metric x model x mode compared, as
    the report's model pairs are (results/aggregate.py): uncorrected, a rerun of one model under no change, 2 modes x
    score and pass rate, read "significantly better/worse" somewhere in up to 0.108 [0.090, 0.129] of comparisons
    of graded 14-case suites (benchmarks/null_verdicts.py, 1,000 draws). Each entry keeps its own p and gets its
    `p_holm`; the gate's rules are unchanged (their own family, Holm over Tarone's), and a row whose rule the gate
    failed (`gated_worse`: model, mode, metric) keeps "worse": the one-sided test of the regression found it, and a
    failed gate beside "no significant difference" would contradict itself."""
    keyed = [((g["model"], g["mode"], m), g["metrics"][m]) for g in groups for m in QUALITY if m in g["metrics"]]
    adjusted = holm([e.get("p_value") if e.get("estimate") is not None else None for _, e in keyed])
    for (key, entry), p_holm in zip(keyed, adjusted):
        entry["p_holm"] = p_holm
        entry["family"] = sum(1 for q in adjusted if q is not None)
        if key in gated_worse and entry.get("verdict") == "worse":
            continue
        if entry.get("verdict") in ("better", "worse") and (p_holm is None or p_holm > ALPHA):
            entry["verdict"] = "no significant difference"


def _load(sample: dict[str, Any]) -> int:
    """The requests in flight when the sample was timed (`in_flight`; a record without it was asked alone)."""
    value = sample.get("in_flight")
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value) or value < 1:
        return 1
    return int(float(value))


def _timed(sample: dict[str, Any]) -> bool:
    """A sample with a measured request: not from the answer cache, not errored, its end-to-end time a finite,
    non-negative number (one reused by --llm-resume keeps the timing of the run that asked it)."""
    return not sample.get("cached") and not errored(sample) and _timing(sample.get("e2e_s")) is not None


def answers_not_asked(groups: list[dict[str, Any]]) -> dict[str, Any] | None:
    """How many compared answers each run did not ask itself: from the answer cache (--llm-cache) or reused
    from an earlier run (--llm-resume), with the text that says so; None when every answer was asked. Such
    an answer is compared as it is (its quality is the model's, asked in an earlier run); it has no timing,
    so the speed rules see only the requests sent."""
    counts = {
        run: {
            flag: sum(g.get("not_asked", {}).get(run, {}).get(flag, 0) for g in groups) for flag in ("cached", "reused")
        }
        for run in ("base", "new")
    }
    samples = {"base": sum(g["samples_base"] for g in groups), "new": sum(g["samples_new"] for g in groups)}
    if not any(v for run in counts.values() for v in run.values()):
        return None
    parts = []
    for run, label in (("new", "this run"), ("base", "the baseline")):
        cached, reused = counts[run]["cached"], counts[run]["reused"]
        if cached or reused:
            how = " and ".join(
                text
                for text, k in (
                    (f"{cached} from the answer cache", cached),
                    (f"{reused} reused by --llm-resume", reused),
                )
                if k
            )
            parts.append(f"{label}: {cached + reused} of {samples[run]} compared answers were not asked in it ({how})")
    text = (
        "; ".join(parts) + ". Their quality is compared as it is - the answer of the same model (the cache key holds "
        "the model's files and launch options; for an attached server its URL, name, /v1/models - with the content of "
        "the folder it names, when that is a folder here - and vLLM version) asked "
        "in an earlier run; they have no timing, so the speed rules use only the requests sent."
    )
    if counts["new"]["cached"] + counts["new"]["reused"] == samples["new"]:
        text += " Every answer of this run is an earlier one: the verdict says nothing about today's server."
    return {**counts, "samples": samples, "text": text}


def _within_variance(b: list[list[dict[str, Any]]], n: list[list[dict[str, Any]]]) -> float | None:
    """Mean within-case variance of the score between samples, base plus new (None without repeats)."""
    parts = []
    for samples in (b, n):
        variances = [
            float(np.var([0.0 if errored(s) else float(s["score"]) for s in group], ddof=1))
            for group in samples
            if len(group) > 1
        ]
        if not variances:
            return None
        parts.append(float(np.mean(variances)))
    return sum(parts)


def evaluate_rule(rule: FailRule, group: dict[str, Any], seed: int = 0) -> dict[str, Any]:
    """One rule on one group, before the family correction (quality rules carry their one-sided p)."""
    entry = group["metrics"][rule.metric]
    base = entry.get("base")
    out: dict[str, Any] = {
        "rule": rule.text,
        "describe": rule.describe(),
        "model": group["model"],
        "base_model": group.get("base_model", group["model"]),
        "mode": group["mode"],
        "metric": rule.metric,
        "estimate": entry.get("estimate"),
        "n": entry.get("n"),
        "base": base,
        "new": entry.get("new"),
        "relative_pct": entry.get("relative_pct"),
        "failed": False,
        "p_value": None,
    }
    if rule.is_quality:
        return _quality_rule(rule, group, out, seed)
    if entry.get("estimate") is None:
        return {**out, "status": f"not checked: {entry.get('verdict')}", "kind": "speed"}
    base, estimate = entry.get("_exact") or (base, entry["estimate"])  # unrounded, when the group has them
    worse_by = -estimate if rule.higher_is_better else estimate
    if rule.relative:
        if base in (None, 0):
            return {**out, "status": "not checked (no baseline value)", "kind": "speed"}
        worse_by = 100 * worse_by / abs(base)
    out["worsening"] = round(worse_by, 4)
    # every statistic says its n: the requests each run's statistic came from (a review found "SLOWER" from 2)
    other = entry.get("other_load") or {}
    left_out = "".join(
        f", {k} of the {label} timed under another load left out"
        for k, label in ((other.get("base"), "baseline"), (other.get("new"), "new run"))
        if k
    )
    counts = (
        f"from {entry.get('n_base')} and {entry.get('n_new')} requests{left_out}; "
        if entry.get("n_new") is not None
        else ""
    )
    out.update(n_base=entry.get("n_base"), n_new=entry.get("n_new"), threshold=rule.threshold, unit=speed_unit(rule))
    if past_threshold(worse_by, rule.threshold):
        return {**out, "status": f"SLOWER, past the threshold ({counts}{SPEED_NOTE})", "failed": True, "kind": "speed"}
    return {**out, "status": f"ok ({counts}{SPEED_NOTE})", "kind": "speed"}


def speed_unit(rule: FailRule) -> str:
    """The unit a speed rule's worsening and threshold are in: % for a relative rule, else the metric's (s, tok/s)."""
    return "%" if rule.relative else f" {METRICS[rule.metric][3]}"


def speed_worsening_text(result: Mapping[str, Any]) -> str:
    """A speed rule's worsening in its own unit, 3 significant digits ("+0.03 s", "+25%"; + is worse whatever the
    metric): rounded to one decimal, a rise of 0.03 s read "+0.0" beside the SLOWER it had failed."""
    worsening = result.get("worsening")
    if worsening is None:
        return "-"
    threshold = result.get("threshold")
    digits = 3
    # more significant digits where 3 would show the threshold itself: a rise of 20.04% read "+20% (past 20%)"
    while isinstance(threshold, float | int) and digits < 6 and f"{worsening:.{digits}g}" == f"{threshold:.{digits}g}":
        digits += 1
    return f"{worsening:+.{digits}g}{result.get('unit') or ''}"


def speed_verdict_text(result: Mapping[str, Any]) -> str:
    """A failed speed rule in the summary: its worsening and threshold in the rule's unit, the relative change beside
    an absolute rule (where the baseline's value is not 0), and the requests each run's statistic came from. It had
    printed only the relative change - "+14.2%" for `ttft_p50:0.01` - and no n; against a baseline of 0 it raised,
    and the regression read as a failed comparison."""
    unit = result.get("unit") or ""
    parts = [f"past {result.get('threshold'):g}{unit}"]
    if unit != "%" and result.get("relative_pct") is not None:
        parts.append(f"{result['relative_pct']:+.1f}%")
    if result.get("n_base") is not None and result.get("n_new") is not None:
        parts.append(f"n={result['n_base']} and {result['n_new']} requests")
    return f"worse by {speed_worsening_text(result)} ({'; '.join(parts)}; {SPEED_NOTE})"


def past_threshold(worse_by: float, threshold: float) -> bool:
    """Worse by more than the threshold: exactly the threshold is not past it, also when floating point makes a rise
    from 0.7 s to 0.84 s 20.000000000000004% (`ttft_p50:20%` failed it)."""
    return worse_by > threshold and not math.isclose(worse_by, threshold, rel_tol=1e-9, abs_tol=1e-12)


def _quality_rule(rule: FailRule, group: dict[str, Any], out: dict[str, Any], seed: int) -> dict[str, Any]:
    score_b, score_n, pass_b, pass_n, within = group["_cases"]
    before, after = (score_b, score_n) if rule.metric == "score" else (pass_b, pass_n)
    base_mean = float(np.mean(before))
    margin = rule.threshold * abs(base_mean) / 100 if rule.relative else rule.threshold
    unit = "points" if rule.metric == "score" else "pp"
    binary = rule.metric == "pass_rate" and all(v in (0.0, 100.0) for v in pass_b + pass_n)
    changes = list(-differences(before, after))  # base - new per case
    # only the cases that can get worse by more than the margin count for the smallest p a rule can reach (and so
    # for Tarone's family), its power and what it can detect: the baseline's passing cases for pass/fail, those
    # above the margin for a mean (a new value is never below 0). The baseline is fixed before the new run.
    n = len(before)
    if binary:
        able = sum(1 for v in pass_b if v == 100.0)
        limit = f"only {able} of the {n} cases passed in the baseline, so at most {able} can go pass -> fail"
        test = noninferiority_pass([v == 100.0 for v in pass_b], [v == 100.0 for v in pass_n], margin, ALPHA)
    else:
        able = sum(1 for v in before if v > margin + 1e-9)
        what = (
            f"scored more than {margin:g} points"
            if rule.metric == "score"
            else f"passed more than {margin:g}% of their samples"
        )
        limit = f"only {able} of the {n} cases {what} in the baseline, so only they can fall by more than {margin:g}"
        test = noninferiority_mean(changes, margin, ALPHA, seed, ceiling=before)
    limited = able < n

    def minimum_detectable(alpha: float) -> Any:
        """What this rule catches 80% of the time at level alpha (alpha / K beside K - 1 other rules: `_decide`)."""
        if binary:  # exact binomial power, McNemar's discreteness included
            return detectable_pass(n, margin, rule.text, changes, alpha, able=able)
        return detectable(
            changes,
            margin,
            unit,
            rule.text,
            exact_floor=exact_floor_mean(able, margin, alpha),
            within_var=within if rule.metric == "score" else None,
            repeats=group.get("repeats", 1),
            alpha=alpha,
            min_cases=min_cases_mean(n, able, alpha) if limited else None,
            limit=limit if limited else None,
        )

    mde = minimum_detectable(ALPHA)
    return {
        **out,
        "kind": "quality",
        "margin": round(margin, 4),
        "worsening": None if test.estimate is None else round(test.estimate, 4),
        "bound": None if test.bound is None else round(test.bound, 4),
        "p_value": test.p_value,
        "min_p": test.min_p,
        "p_at_floor": test.p_at_floor,
        "able": able,  # the cases that can get worse by more than the margin
        "limit": limit if limited else None,
        "test": test.to_dict(),
        "detectable": mde.to_dict(),
        "_detectable_at": minimum_detectable,  # popped by _decide
    }


def _decide(results: list[dict[str, Any]]) -> None:
    """Holm over the quality rules of the whole comparison that Tarone's rule keeps (`tarone_family`); set status
    and failed."""
    quality = [i for i, r in enumerate(results) if r.get("kind") == "quality" and r["p_value"] is not None]
    chosen, k = tarone_family([results[i]["min_p"] for i in quality])
    members = [quality[j] for j in chosen]
    adjusted: list[float | None] = [None] * len(results)
    for index, p_holm in zip(members, holm([results[i]["p_value"] for i in members]), strict=True):
        adjusted[index] = p_holm
    family = len(members)
    family_ps = [results[i]["p_value"] for i in members]
    for index, (result, p_holm) in enumerate(zip(results, adjusted)):
        if result.get("kind") != "quality":
            continue
        result["p_holm"] = p_holm  # unrounded, as p_value: rounding made a Monte Carlo floor of 2e-05 read 0
        result["family"] = family
        left_out = index in quality and index not in members  # could reach p <= alpha, not alpha / k
        p, n, margin = result["p_value"], result["n"], result["margin"]
        worsening, bound, min_p = result["worsening"], result["bound"], result["min_p"]
        floor = bool(result.get("p_at_floor"))  # a Monte Carlo p at its floor: "<2e-05"
        why_limited = f" ({result['limit']})" if result.get("limit") else ""
        stats = f"n={n}, p={p_text(p, floor)}" if p is not None else f"n={n}"
        if p_holm is not None and family > 1:
            # "<" only where this p (at its floor: an upper bound) sets the adjusted one, not another rule's
            rank = sum(1 for q in family_ps if p is not None and q < p)
            holm_floor = floor and p is not None and abs(p_holm - (family - rank) * p) <= 1e-9 * p_holm
            stats += f", Holm p={p_text(p_holm, holm_floor)} over {family} rules"
        at_level = result.pop("_detectable_at", None)
        if at_level is not None and index in members and family > 1:
            _family_detectable(result, at_level(ALPHA / family), family)
        if p_holm is not None and p_holm <= ALPHA:
            result.update(failed=True, status=f"REGRESSION: worse by more than {margin:g} ({stats})")
        elif min_p is not None and min_p > ALPHA:
            result["status"] = (
                f"cannot be significant at n={n}{why_limited}: the smallest p any outcome could give is {min_p:.3g} "
                f"> {ALPHA:g} - not failed ({stats})"
            )
        elif left_out:
            result["status"] = (
                f"cannot be significant at n={n} beside the other rules{why_limited}: the smallest p any outcome "
                f"could give is {min_p:.3g} > {ALPHA:g}/{k} (Tarone's family of the {family} rules that can) - not "
                f"failed ({stats})"
            )
        elif worsening is not None and worsening > margin:
            why = (
                f"significant alone, not after Holm over {family} rules"
                if p is not None and p <= ALPHA
                else "not significant"
            )
            result["status"] = f"past threshold, within noise - not failed ({why}; {stats})"
        else:
            result["status"] = f"ok ({stats})"
        result["bound_text"] = "-inf" if bound is None else beside_margin(bound, margin)
        result["worsening_text"] = "-" if worsening is None else beside_margin(worsening, margin)
    for result in results:
        result.pop("_detectable_at", None)


def beside_margin(value: float, margin: float, least: int = 2, most: int = 4) -> str:
    """A quality rule's worsening or bound, signed, with the decimals (`least` to `most`) that tell it from the
    rule's margin: at 2, a bound of 5.004 read "+5.00" beside "> 5" and REGRESSION, and 4.996 read the same beside
    "ok"."""
    for digits in range(least, most + 1):
        if f"{value:.{digits}f}" != f"{margin:.{digits}f}":
            return f"{value:+.{digits}f}"
    return f"{value:+.{least}f}"


def _family_detectable(result: dict[str, Any], in_family: Any, family: int) -> None:
    """Add to a rule's minimum detectable effect what it catches beside the other rules of its Holm family: Holm
    fails it for sure only at p <= alpha / K (at alpha / (K - 1) ... alpha once other rules failed first), so the
    effect computed at alpha alone overstates the power when K > 1. At alpha / K it understates it a little."""
    unit = "points" if result["metric"] == "score" else "pp"
    level = ALPHA / family
    text = (
        f"; with Holm over the {family} rules of this comparison it needs p <= {level:.3g} (more only if another "
        "rule fails first): "
    )
    if in_family.worsening is None:
        text += f"no outcome at n={result['n']} reaches it"
    else:
        best = " at best" if "at best" in in_family.text else ""  # the exact pass-rate power: no fail -> pass
        text += f"then it catches {in_family.worsening:.3g} {unit} 80% of the time{best}"
    result["detectable"]["text"] += text
    result["detectable"]["in_family"] = {"rules": family, "alpha": level, "worsening": in_family.to_dict()["worsening"]}


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
    base_ungraded_keys = _stale_keys(base_doc, pairs)
    base_doc, base_stale = _graded_only(base_doc)
    new_doc, new_stale = _graded_only(new_doc)
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
    base, new = _index(base_doc, pairs), _index(new_doc)
    repeats_note = _same_repeats(base, new, base_doc, new_doc)
    renamed = {pairs.get(m, m): m for m in raw_b_models}
    compared_repeat, other_repeat = min(_repeat(base_doc), _repeat(new_doc)), _repeat(base_doc) != _repeat(new_doc)
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
            groups.append(compare_group(base, new, ids, model, mode, seed, base_model))
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
    problems += _problems(base_doc, new_doc, mismatches, groups, n_models, allow_missing, allow_errors, compared_new)
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
        if why or own:  # latency under another load or of other answers measures that: the rules are not checked
            for metric, entry in g["metrics"].items():
                if metric not in QUALITY:
                    entry.update(estimate=None, relative_pct=None, verdict=why or own, method=why or own)
    results = [evaluate_rule(rule, g, seed) for g in groups for rule in rules]
    _decide(results)
    _holm_quality_verdicts(groups, {(r["model"], r["mode"], r["metric"]) for r in results if r["failed"]})
    not_asked = answers_not_asked(groups)
    for g in groups:
        g.pop("_cases", None)
        for entry in g["metrics"].values():
            entry.pop("_exact", None)
    regressions = [r for r in results if r["failed"]]
    broken = [p for p in problems if not p["allowed"]]
    summary = _summary(groups, regressions, broken, results, [p for p in problems if p["allowed"]])
    only_new = _only_in_new(mismatches)
    if only_new:  # not a regression, but no verdict either: said in the summary, not only under the tables
        summary += f"; note: {only_new}"
    settings_note = answer_settings_note(mismatches["settings"])
    if settings_note:  # the settings are named under the tables too ("different settings.max_tokens: ...")
        summary += f"; note: {settings_note}"
    if not_asked and sum(not_asked["new"].values()) == not_asked["samples"]["new"]:
        summary += "; every answer of the new run was asked in an earlier run (answer cache or --llm-resume)"
    rescored_from = _rescored_from(new_doc)
    if rescored_from is not None:  # no request was sent: a verdict on the scorer's view of an earlier run's answers
        summary += (
            f"; the new run is a re-score of {rescored_from}: no answer was asked in it (its answers and timings are "
            "that run's)"
        )
    exit_code = EXIT_BROKEN if broken else EXIT_REGRESSION if regressions else EXIT_OK
    return {
        "base": _describe(base_doc, base_name),
        "new": _describe(new_doc, new_name),
        "pairs": pairs,
        "groups": groups,
        "rules": results,
        "regressions": regressions,
        "problems": problems,
        "broken": bool(broken),
        "mismatches": mismatches,
        "has_mismatches": any(mismatches[k] for k in mismatches),
        "baseline_rescored": rescored,
        "not_asked": not_asked,
        "decision_rule": (
            "quality rules: fail when the one-sided 95% lower bound of the worsening is above the threshold "
            "(exact sign-flip test for scores, McNemar's exact test for pass/fail), Holm-adjusted over the "
            "rules x models x modes Tarone's rule keeps (those that can be significant at their n); speed rules: "
            f"{SPEED_NOTE}"
        ),
        "summary": summary,
        "exit_code": exit_code,
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


def listed(names: Sequence[str], limit: int) -> str:
    """The first `limit` names joined by commas, `, ...` after them when there are more."""
    return ", ".join(names[:limit]) + (", ..." if len(names) > limit else "")


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


def _problems(
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
    cases = _index(new_doc)
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
            text += " (" + ", ".join(f"{m}/{mode}/{i}" for m, mode, i in failed[:10])
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


def _only_in_new(mismatches: Mapping[str, Any]) -> str | None:
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
    """What to add to "nothing comparable" when a run has no case record at all, with the fix; "" otherwise."""
    from ..results.runs import NO_CASE

    empty = [which for which, doc in (("baseline", base_doc), ("new run", new_doc)) if not doc.get("cases")]
    said = "".join(f"; the {which} has no case record ({NO_CASE})" for which in empty)
    fix = (
        ". Fix: compare runs that asked the suite's cases (accept one as the baseline: python -m pytest_llmeval accept)"
    )
    return said + fix if empty else ""


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


def _merged_without(merge_missing: Mapping[str, Any]) -> str:
    """What a merge left out (`run.merge_missing`): "without shard(s) 3/3", "without 2 case record(s) ..."."""
    shards, lost = merge_missing.get("shards") or [], merge_missing.get("cases") or []
    parts = [f"without shard(s) {', '.join(map(str, shards))}"] if shards else []
    parts += [f"without {len(lost)} case record(s) the shards were due"] if lost else []
    return " and ".join(parts) or "with records missing"


def _summary(
    groups: list[dict[str, Any]],
    regressions: list[dict[str, Any]],
    broken: list[dict[str, Any]],
    results: list[dict[str, Any]],
    allowed: Sequence[Mapping[str, Any]] = (),
) -> str:
    """The verdict in one line; it names every problem an allow switch let through (a gate that passed under
    --allow-missing says what it did not see)."""
    parts = []
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
            parts.append("significantly worse, but no gate threshold passed: " + ", ".join(worse))
        if better:
            parts.append("significantly better: " + ", ".join(better))
        if not worse and not better and groups:
            if not unchecked:
                parts.append("no significant change")
            elif len(unchecked) < len(results):
                parts.append("no significant change in the rules that could be checked")
        if unclear:
            parts.append(
                "not failed, but not shown fine either: "
                + "; ".join(f"{r['model']} {r['mode']} {r['rule']}: {r['status']}" for r in unclear)
            )
    for problem in allowed:
        if problem["kind"] == "note":  # never a reason to fail: said as it is, with its fix
            parts.append(f"note: {problem['text']}")
            continue
        text = str(problem["text"]).split(". Fix:")[0]  # the fix was to allow it, which was done
        parts.append(f"allowed ({ALLOWED_BY.get(problem['kind'], 'allowed')}): {text}")
    return "; ".join(parts)


def _describe(doc: dict[str, Any], name: str | None) -> dict[str, Any]:
    run = doc.get("run", {})
    return {
        "name": name,
        "started_at": run.get("started_at"),
        "git_commit": run.get("git_commit"),
        "status": run.get("status"),
        "models": run.get("models"),
    }
