"""The run's settings as dataclasses (`Settings`, with `RunsSettings` and `JudgeSettings`; server, RAG and
bench settings are their concerns' own) and their description for results.json (secrets and credentials hidden).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..bench.config import BenchConfig
from ..rag.config import RagConfig
from ..serving.models import ModelSpec
from ..serving.server import ServerSettings
from ..sharding import Shard


@dataclass(frozen=True)
class RunsSettings:
    """Saved runs and the regression gate."""

    runs_dir: Path
    save_name: str | None = None
    baseline: str | None = None  # run number, name, "last", or a results.json path
    fail: list[str] = field(default_factory=list)  # gate expressions, e.g. ["score:5", "ttft_p50:20%"]
    pairs: list[str] = field(default_factory=list)  # BASE=NEW model labels compared with each other
    allow_missing: bool = False  # baseline cases/models missing from this run do not break the gate
    allow_errors: bool = False  # errored cases in this run do not break the gate


@dataclass(frozen=True)
class JudgeSettings:
    """The optional LLM judge."""

    spec: str | None = None  # URL@MODEL
    api_key_env: str | None = None
    assertion: bool = False  # the judge's grade decides pass/fail for every case


@dataclass
class Settings:
    """The whole run's settings; each concern's own dataclass is a field."""

    models: list[ModelSpec]
    max_tokens: int
    temperature: float
    thinking: str
    scenario_paths: list[Path]
    report_dir: Path
    request_timeout_s: float
    server: ServerSettings
    rag: RagConfig
    bench: BenchConfig
    runs: RunsSettings
    judge: JudgeSettings
    bench_enabled: bool = False
    repeat: int = 1
    warmup: int = 1  # warm-up requests per model and process before the first measured case
    prices: Path | None = None
    datasets: list[str] = field(default_factory=list)
    limit: int | None = None
    resume: bool = False
    servers: str = "one-at-a-time"
    shard: Shard | None = None  # --llm-shard, resolved (auto read from the job system's variables)
    placement: str = "off"  # --llm-placement
    cache: Path | None = None  # --llm-cache / --llm-cache-path: the answer cache's SQLite file
    concurrency: int = 4  # --llm-concurrency: a model's cases in flight per process

    def describe(self) -> dict[str, Any]:
        """The settings as JSON-ready data for results.json, with secret values removed."""
        from ..serving.server import redact

        data = _jsonable(dataclasses.asdict(self))
        data["models"] = [m.describe() for m in self.models]
        data["server"]["extra_args"] = redact(list(self.server.extra_args), every_value=True)  # `--api-key k1 k2`
        from ..serving.endpoint import public_url

        if data["server"].get("base_url"):
            data["server"]["base_url"] = public_url(data["server"]["base_url"])
        data["server"]["base_urls"] = [public_url(u) for u in self.server.base_urls]
        data["server"].pop("env", None)
        data["server"].pop("python", None)
        return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value
