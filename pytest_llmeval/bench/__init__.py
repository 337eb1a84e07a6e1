"""Throughput benchmark: `vllm bench serve`-compatible numbers from a streaming load generator.

    from pytest_llmeval.bench import BenchConfig, run_benchmark
    result = run_benchmark(endpoint, BenchConfig(concurrency=16, num_requests=64, max_tokens=256))
    result["summary"]["output_throughput"], result["summary"]["p95_ttft_ms"]

`result` = {"config", "endpoint", "prompts", "summary", "requests", "warmup",
"started_at", "interrupted"}; "summary" uses vLLM's field names (see `stats`).
"""

from __future__ import annotations

from .._lazy import lazy_exports

# Public name -> submodule, imported on first use (PEP 562): the plugin imports `bench.config` at every
# pytest start and must not pay for httpx/aiohttp then.
_EXPORTS = {
    "BenchConfig": "config",
    "BenchConfigError": "config",
    "BenchmarkInterrupted": "runner",
    "LoadGenerator": "runner",
    "LoadResult": "runner",
    "Prompt": "prompts",
    "PromptFileError": "prompts",
    "RequestRecord": "runner",
    "build_prompts": "benchmark",
    "build_result": "benchmark",
    "run_benchmark": "benchmark",
    "summarize": "stats",
}


__getattr__ = lazy_exports(__name__, _EXPORTS, globals())

__all__ = [  # noqa: F822 - provided lazily by __getattr__
    "BenchConfig",
    "BenchConfigError",
    "BenchmarkInterrupted",
    "LoadGenerator",
    "LoadResult",
    "Prompt",
    "PromptFileError",
    "RequestRecord",
    "build_prompts",
    "build_result",
    "run_benchmark",
    "summarize",
]
