"""Throughput benchmark: `vllm bench serve`-compatible numbers from a streaming load generator.

    from pytest_llmeval.bench import BenchConfig, run_benchmark
    result = run_benchmark(endpoint, BenchConfig(concurrency=16, num_requests=64, max_tokens=256))
    result["summary"]["output_throughput"], result["summary"]["p95_ttft_ms"]

`result` = {"config", "endpoint", "prompts", "summary", "requests", "warmup",
"started_at", "interrupted"}; "summary" uses vLLM's field names (see `stats`).
"""

from __future__ import annotations

from .benchmark import build_prompts, build_result, run_benchmark
from .config import BenchConfig, BenchConfigError
from .prompts import Prompt, PromptFileError
from .runner import BenchmarkInterrupted, LoadGenerator, LoadResult, RequestRecord
from .stats import summarize

__all__ = [
    "BenchConfig", "BenchConfigError", "BenchmarkInterrupted", "LoadGenerator", "LoadResult", "Prompt",
    "PromptFileError", "RequestRecord", "build_prompts", "build_result", "run_benchmark", "summarize",
]
