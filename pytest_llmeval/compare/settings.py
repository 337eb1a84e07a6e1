"""The settings two runs differ in (server, generation, load, RAG, hardware, per model), and which of them
make answers or speed not comparable (`answer_settings_note`, `speed_not_comparable`, `other_hardware`).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

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
IGNORED_SETTINGS = {"server.python", "server.env", "server.startup_timeout_s", "rag.cache_dir", "rag.lock_timeout"}


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
    shown = _both_values(changed, _setting_name)
    return (
        f"the runs answered under other settings ({shown}): a difference in quality, or none, measures those settings "
        "as well as the model. Accept a baseline run with today's settings to compare the model alone"
    )


def speed_settings_note(settings: list[dict[str, Any]]) -> str | None:
    """The note that speed was compared between runs whose servers ran otherwise - tensor or pipeline parallel size,
    GPU memory share, batch limits, prefix caching, KV-cache dtype: every server setting but the load's (which leave
    a speed rule unchecked) and the answers' (`answer_settings_note` names them) -, or None. Such a comparison is
    kept (a nightly job may gate the deployment as configured), but "e2e_p50 worse by +100%" after
    tensor_parallel_size 1 -> 2 named the change only below the tables, not beside the verdict."""
    changed = [
        d
        for d in settings
        if _setting_field(d).startswith("settings.server.")
        and _setting_field(d) not in ANSWER_SETTINGS_SERVER
        and _setting_field(d) not in LOAD_SETTINGS
    ]
    if not changed:
        return None
    return (
        f"speed measured under other server settings ({_both_values(changed, _setting_name)}): a change in speed, or "
        "none, measures those settings as well as the model"
    )


def _both_values(diffs: list[dict[str, Any]], name: Callable[[Mapping[str, Any]], str]) -> str:
    """The settings that differ, each with both runs' values: "top_k 5 in the baseline, 8 now; ..."."""
    return "; ".join(f"{name(d)} {d['base']!r} in the baseline, {d['new']!r} now" for d in diffs)


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
            + _both_values(generation, _load_name)
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
    shown = _both_values(hardware, lambda d: d["field"].split(".")[-1])
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


def request_timeout(doc: Mapping[str, Any]) -> float | None:
    """The run's request timeout in seconds (--llm-request-timeout, settings.request_timeout_s): a request that timed
    out took at least this long. None where the run does not record a positive, finite number."""
    value = ((doc.get("run") or {}).get("settings") or {}).get("request_timeout_s")
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value <= 0:
        return None
    return float(value)


# what RAG settings do not change the context a RAG case is asked with: which modes run, where it computes, its cache
NO_CONTEXT_CHANGE = NO_ANSWER_CHANGE | {"settings.rag.mode"}


def retrieval_not_comparable(settings: list[dict[str, Any]]) -> str | None:
    """Why the speed rules cannot compare the RAG cases of runs that retrieved otherwise - another knowledge base,
    top_k, chunk size, embedder, reranker or template -, or None: the prompt then holds another context, of another
    length, and its TTFT and end-to-end time measure the retrieval, not the server (a bigger knowledge base read as
    a speed regression of the model). The cases without retrieval are compared as usual."""
    changed = [
        d for d in settings if d["field"].startswith(ANSWER_SETTINGS_RAG) and d["field"] not in NO_CONTEXT_CHANGE
    ]
    if not changed:
        return None
    shown = _both_values(changed, _setting_name)
    return (
        f"not comparable: the RAG cases were asked with context retrieved otherwise ({shown}): a prompt of another "
        "length takes another time; compare RAG speed between runs with the same retrieval settings"
    )
