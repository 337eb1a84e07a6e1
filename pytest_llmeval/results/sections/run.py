"""The run's header lines (models, settings, status) and its server launches."""

from __future__ import annotations

from typing import Any

from .elements import Section, Table, fmt


def launches_section(doc: dict[str, Any]) -> Section | None:
    launches = doc["run"].get("launches") or []
    if not launches:
        return None
    rows = [
        [
            x.get("model"),
            x.get("pid"),
            x.get("port"),
            fmt(x.get("ready_s")),
            x.get("exit_code", "-"),
            x.get("error") or "-",
            x.get("log") or x.get("base_url") or "-",
        ]
        for x in launches
    ]
    return Section(
        "launches", "Server launches", [], Table(["model", "pid", "port", "ready s", "exit code", "error", "log"], rows)
    )


def merge_lines(run: dict[str, Any]) -> list[str]:
    """What a merged run (`python -m pytest_llmeval merge`) is made of: its shards, what is missing (the gate
    refuses it) and the attempts at a shard left out for a later one."""
    merged = [m for m in run.get("merged_from") or [] if isinstance(m, dict)]
    if not merged:
        return []
    count = merged[0].get("count")
    lines = [
        f"merged from {len(merged)} shard run(s): "
        + ", ".join(f"{m.get('index')}/{count} ({m.get('status')}, {m.get('cases')} record(s))" for m in merged)
    ]
    lacking = run.get("merge_missing") or {}
    if lacking.get("shards") or lacking.get("cases"):
        parts = [f"shard(s) {', '.join(lacking['shards'])} not given"] if lacking.get("shards") else []
        if lacking.get("cases"):
            parts.append(f"{len(lacking['cases'])} case record(s) of the given shards missing")
        lines.append(f"INCOMPLETE: {'; '.join(parts)} (merge --allow-missing): the gate refuses this run (exit 7)")
    for entry in run.get("merge_replaced") or []:
        if isinstance(entry, dict):
            lines.append(
                f"shard {entry.get('index')}/{count}: attempt {entry.get('results')} ({entry.get('status')}) left "
                f"out: {entry.get('why')}"
            )
    return lines


def run_header_lines(doc: dict[str, Any]) -> list[str]:
    run = doc["run"]
    settings = run.get("settings", {})
    hw = run.get("hardware", {})
    gpus = ", ".join(f"{g.get('name')} ({g.get('memory_gib')} GiB)" for g in hw.get("gpus") or []) or "no GPU"
    lines = [
        f"status: {run.get('status')}, started {run.get('started_at')}, finished {run.get('finished_at', '-')}",
        f"models: {', '.join(run.get('models', [])) or '-'}",
        f"plugin {run.get('plugin_version')}, git commit {run.get('git_commit') or '-'}",
        f"hardware: {hw.get('cpu', '?')} x{hw.get('cpu_count', '?')}, {hw.get('memory_gib', '?')} GiB RAM, {gpus}",
        f"settings: max_tokens {settings.get('max_tokens')}, temperature {settings.get('temperature')}, "
        f"thinking {settings.get('thinking')}",
    ]
    if hw.get("differs_between_shards"):
        lines.append(
            f"hardware differs between shards ({', '.join(hw['differs_between_shards'])}): the speed figures pool "
            "several machines; each shard's hardware is in run.merged_from"
        )
    speed = settings.get("speed")
    if speed:
        warmups = run.get("warmup") or []
        lines.append(
            f"speed settings: xdist workers {speed.get('xdist_workers')}, concurrency {settings.get('concurrency')}, "
            f"warm-up {speed.get('warmup')} per model and process ({len(warmups)} sent, excluded), "
            f"cache_salt {speed.get('cache_salt')}"
        )
    lines += merge_lines(run)
    for degraded in run.get("degraded") or []:
        lines.append(f"DEGRADED: the server of {degraded.get('model')} died (exit code {degraded.get('exit_code')})")
    cached = sum(1 for c in doc.get("cases") or [] if c.get("cached"))
    if cached:
        lines.append(
            f"cached: {cached} of {len(doc.get('cases') or [])} answers from --llm-cache (marked in the cases; no "
            "timing, left out of latency, throughput and cost)"
        )
    rescored = run.get("rescored")
    if rescored:
        counts = ", ".join(f"{n} {status}" for status, n in sorted((rescored.get("counts") or {}).items()))
        lines.append(f"RE-SCORED from {rescored.get('from')} at {rescored.get('at')} (no model asked): {counts}")
        if rescored.get("changed"):
            lines.append(
                f"not graded, asked differently now (run the model again): {', '.join(rescored['changed'])}; "
                "left out of the aggregates"
            )
        missing = [c for c in doc.get("cases") or [] if (c.get("rescore") or {}).get("status") == "missing"]
        if missing:
            named = rescored.get("missing") or []
            lines.append(
                f"not graded, no such case in the scenario files now: {len(missing)} record(s)"
                + (f" ({', '.join(named[:10])}{', ...' if len(named) > 10 else ''})" if named else "")
                + "; left out of the aggregates"
            )
        if rescored.get("not_in_run"):
            lines.append(f"cases not in the run (no answer to grade): {', '.join(rescored['not_in_run'])}")
        if rescored.get("context_changed"):
            lines.append(
                "RAG answers asked from a knowledge base that has changed since, or retrieved by an embedder or "
                "reranker that has (graded as answered; run the model again to measure today's context): "
                + ", ".join(rescored["context_changed"])
            )
        if rescored.get("template_changed"):
            lines.append(
                "RAG answers asked with a prompt template that has changed since (graded as answered; run the model "
                "again to measure today's prompt): " + ", ".join(rescored["template_changed"])
            )
        if rescored.get("stale_verdicts"):
            lines.append(
                "judge verdicts kept from the run although the case changed since (grade again with --llm-judge): "
                + ", ".join(rescored["stale_verdicts"])
            )
    return lines
