"""Run one benchmark: prompts, the load generator, and the result with `vllm bench serve` field names."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import Any

from ..serving.endpoint import Endpoint, public_url
from .config import BenchConfig
from .prompts import (
    CharTokenCounter,
    LocalTokenCounter,
    Prompt,
    ServerTokenCounter,
    file_prompts,
    pick_counter,
    synthetic_prompts,
)
from .runner import BenchmarkInterrupted, LoadGenerator, LoadResult
from .stats import summarize


def build_prompts(
    endpoint: Endpoint, config: BenchConfig, model_path_for_tokenizer: str | None = None, notes: list[str] | None = None
) -> tuple[list[Prompt], dict[str, Any]]:
    """Warm-up + measured prompts (warm-up first) and a description of how their length was set."""
    notes = notes if notes is not None else []
    counter = pick_counter(
        endpoint.base_url,
        endpoint.model,
        chat=config.endpoint == "chat",
        api_key=endpoint.api_key(),
        model_path_for_tokenizer=model_path_for_tokenizer,
        note=notes.append,
    )
    method = {
        ServerTokenCounter: "server /tokenize",
        LocalTokenCounter: "local tokenizer",
        CharTokenCounter: "characters per token (estimate)",
    }.get(type(counter), type(counter).__name__)
    if config.endpoint == "chat" and not isinstance(counter, ServerTokenCounter):
        notes.append("chat template tokens are not included in the calibrated prompt length")
    try:
        if config.prompt_file:
            prompts = file_prompts(config.prompt_file, config.total_requests, counter)
            source = config.prompt_file
        else:
            prompts = synthetic_prompts(config.total_requests, config.prompt_tokens, config.seed, counter)
            source = "synthetic"
    finally:
        counter.close()
    counted = [p.tokens for p in prompts if p.tokens is not None]
    info = {
        "source": source,
        "length_method": method,
        "mean_expected_tokens": sum(counted) / len(counted) if counted else None,
        "notes": notes,
    }
    return prompts, info


def build_result(
    config: BenchConfig, endpoint: Endpoint, load: LoadResult, prompt_info: dict[str, Any] | None = None
) -> dict[str, Any]:
    return {
        "config": config.to_dict(),
        "endpoint": {"base_url": public_url(endpoint.base_url), "model": endpoint.model},  # no userinfo, no query
        "prompts": prompt_info or {},
        "summary": summarize(load.records, load.duration_s),
        "requests": [r.to_dict() for r in load.records],
        "warmup": [r.to_dict() for r in load.warmup_records],
        "started_at": load.started_at,
        "interrupted": load.interrupted,
    }


def _run_coroutine(gen: LoadGenerator) -> LoadResult:
    """asyncio.run, or a private thread when this thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(gen.run())
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["result"] = asyncio.run(gen.run())
        except BaseException as exc:  # handed to the caller's thread
            box["error"] = exc

    thread = threading.Thread(target=target, name="llmeval-bench", daemon=True)
    thread.start()
    thread.join()
    if "error" in box:
        raise box["error"]
    return box["result"]


def run_benchmark(
    endpoint: Endpoint,
    config: BenchConfig,
    model_path_for_tokenizer: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Run one benchmark against a running OpenAI-compatible server and return
    {"config", "summary", "requests", ...}. Failed requests are counted, never raised;
    Ctrl-C raises `BenchmarkInterrupted` whose `.result` holds what had finished."""
    say = progress or (lambda _m: None)
    prompts, info = build_prompts(endpoint, config, model_path_for_tokenizer)
    for note in info["notes"]:
        say(f"bench: {note}")
    warm, measured = prompts[: config.warmup_requests], prompts[config.warmup_requests :]
    gen = LoadGenerator(endpoint, config, measured, warm)
    say(
        f"bench: {config.num_requests} requests (+{len(warm)} warm-up) at concurrency {config.concurrency} "
        f"against {public_url(endpoint.base_url)} ({endpoint.model})"
    )
    try:
        load = _run_coroutine(gen)
    except KeyboardInterrupt:
        raise BenchmarkInterrupted(build_result(config, endpoint, gen.partial(), info)) from None
    result = build_result(config, endpoint, load, info)
    s = result["summary"]
    say(f"bench: {s['completed']} ok, {s['failed']} failed in {s['duration']:.1f} s")
    return result
