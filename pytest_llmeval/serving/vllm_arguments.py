"""vLLM's command-line arguments read as vLLM reads them, and the part of them that changes answers.

`_` for `-`, an abbreviation (`--tokenizer-rev`: `is_flag`), and the settings of a `--config FILE.yaml`
(`vllm_arguments`: keyed by its settings, not its bytes) are read as vLLM 0.32's parser reads them. The flags that
change where the server listens, what it logs or how it spreads, batches and caches the work (`UNKEYED_FLAGS`), and
credentials (`--api-key`, `--hf-token`: never in the key material), are left out of the key (`keyed_arguments`);
the plugin's own launch options given as vLLM flags are read into one value each (`launch_options`).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .context import context_length_or_text

if TYPE_CHECKING:
    from .server import ServerSettings


# vLLM 0.32's flags whose name starts another flag's name: given whole, each is itself, never an abbreviation of the
# longer one (`--tokenizer` is not `--tokenizer-revision`)
_FLAGS_THAT_START_OTHERS = frozenset(
    {
        "--chat-template",
        "--config",
        "--data-parallel-size",
        "--grpc",
        "--kv-cache-dtype",
        "--kv-cache-metrics",
        "--long-prefill-token-threshold",
        "--model",
        "--numa-bind",
        "--quantization",
        "--reasoning-parser",
        "--tokenizer",
        "--watermark",
    }
)


def is_flag(name: str, flag: str) -> bool:
    """Whether an argument's flag name is `flag` as vLLM's parser reads it: the same with `_` for `-`, or an
    abbreviation of it that is no whole flag of its own (argparse takes any start of a flag's name that starts no
    other: `--tokenizer-rev` is --tokenizer-revision, `--revis` --revision; a start several flags share stops the
    server at its start, so reading it as `flag` never keys an answer)."""
    name = name.replace("_", "-")
    if name == flag:
        return True
    return name.startswith("--") and len(name) > 2 and flag.startswith(name) and name not in _FLAGS_THAT_START_OTHERS


def vllm_arguments(args: Sequence[str]) -> list[str]:
    """The arguments as vLLM's parser reads them: a `--config FILE` (YAML) given as its own flags (`revision: v2` as
    `--revision v2`, as vLLM's `load_config_file` writes them) in its place, before the others, so that a flag given
    on the command line wins over the file's - vLLM's order. Arguments without `--config`, or whose file cannot be
    read, as they are."""
    from_file, given = config_and_command_line(args)
    return [*from_file, *given]


def config_and_command_line(args: Sequence[str]) -> tuple[list[str], list[str]]:
    """A `--config FILE`'s settings as arguments (`config_arguments`), and the other arguments: vLLM reads the file's
    first, so a flag on the command line - the plugin's own options included - wins over the file's. ([], `args`)
    without `--config`, or when its file cannot be read."""
    if "--config" not in args:  # vLLM reads a config file only for `--config FILE` written so
        return [], list(args)
    index = list(args).index("--config")
    data = config_file_data(Path(args[index + 1])) if index + 1 < len(args) else None
    if not isinstance(data, dict):
        return [], list(args)
    return config_arguments(data), [*args[:index], *args[index + 2 :]]


def config_arguments(data: dict[Any, Any]) -> list[str]:
    """A vLLM config file's settings as the arguments vLLM 0.32 reads them as: `--key VALUE`, `--key` for true (false
    left out), `--key ITEM...` for a list, `--key JSON` for a mapping."""
    args: list[str] = []
    for key, value in data.items():
        flag = f"--{key}"
        if isinstance(value, bool):
            args += [flag] if value else []
        elif isinstance(value, list):
            # an empty list is left out, as vLLM leaves it out (`if value:`): a bare `--flag` took the next flag as
            # its value in `flag_value` and changed the key of a config file that vLLM reads as before
            items = [_json_text(item) if isinstance(item, dict | list) else str(item) for item in value]
            args += [flag, *items] if items else []
        elif isinstance(value, dict):
            args += [flag, _json_text(value)]
        else:
            args += [flag, str(value)]
    return args


MAX_EXPANDED_ITEMS = 100_000  # a config value holding more, written out, is a YAML anchor bomb, not a setting


def _json_text(value: dict[Any, Any] | list[Any]) -> str:
    """A config file's mapping (or a list's inner list) as the JSON vLLM is given; for one that holds itself (a YAML
    alias), nests past the JSON encoder's limit or written out holds more than `MAX_EXPANDED_ITEMS` (a few lines of
    anchors naming one list ten million times: writing it out took seconds a call), which vLLM could not take
    either, a mark of that."""
    if _expanded_items(value, {}, set()) > MAX_EXPANDED_ITEMS:
        return "<a value that holds itself, nests too deep or is too large>"
    try:
        return json.dumps(value, default=str)
    except (ValueError, RecursionError):
        return "<a value that holds itself, nests too deep or is too large>"


def _expanded_items(value: Any, sizes: dict[int, int], open_ids: set[int]) -> int:
    """How many items `value` holds written out (an alias counted as often as it is named), each object's count
    computed once (`sizes`); more than `MAX_EXPANDED_ITEMS` for one that holds itself (`open_ids`) or nests past
    Python's recursion limit."""
    if not isinstance(value, dict | list):
        return 1
    key = id(value)
    if key in sizes:
        return sizes[key]
    if key in open_ids or len(open_ids) > 200:
        return MAX_EXPANDED_ITEMS + 1
    open_ids.add(key)
    total = 1
    for item in value.values() if isinstance(value, dict) else value:
        total += _expanded_items(item, sizes, open_ids)
        if total > MAX_EXPANDED_ITEMS:
            break
    open_ids.discard(key)
    sizes[key] = total
    return total


def flag_value(args: Sequence[str], flag: str) -> str | None:
    """The value of a vLLM flag in its arguments (`--flag VALUE` or `--flag=VALUE`, `_` for `-` or an abbreviation
    allowed: `is_flag`), or in the `--config` file they name (`vllm_arguments`); the last one wins, as in vLLM's
    parser. None when it is not given."""
    found = None
    read = vllm_arguments(args)
    for index, arg in enumerate(read):
        name, equals, value = arg.partition("=")
        if not is_flag(name, flag):
            continue
        if equals:
            found = value
        elif index + 1 < len(read):
            found = read[index + 1]
    return found


# vLLM flags that change where the server listens, what it logs, its API key, over how many GPUs the model is spread
# and how many requests it batches - never what it answers (beyond the batching noise that tensor parallelism, left
# out of the key as --llm-tensor-parallel-size, brings too): left out of the key, so adding one asks nothing again.
_UNKEYED_VALUE_FLAGS = (
    "--host",
    "--port",
    "--uds",
    "--api-key",
    "--uvicorn-log-level",
    "--max-log-len",
    "--allowed-origins",
    "--allowed-methods",
    "--allowed-headers",
    "--root-path",
    "--ssl-keyfile",
    "--ssl-certfile",
    "--ssl-ca-certs",
    "--ssl-cert-reqs",
    "--otlp-traces-endpoint",
    "--collect-detailed-traces",
    "--api-server-count",
    "--tensor-parallel-size",
    "--pipeline-parallel-size",
    "--data-parallel-size",
    "--gpu-memory-utilization",
    "--device-memory-utilization",
    "--max-num-seqs",
    "--distributed-executor-backend",
    "--kv-cache-memory-bytes",
    # requests ask for the label (`--served-model-name` names what they may ask for, not what answers)
    "--served-model-name",
    # how many prompt tokens a batch prefills: batching, as --max-num-seqs
    "--max-num-batched-tokens",
    "--prefix-caching-hash-algo",
    # how many images a prompt may hold: whether a request is accepted, not what it answers (as
    # --llm-limit-mm-per-prompt, never keyed)
    "--limit-mm-per-prompt",
)
_UNKEYED_SWITCHES = (
    "--disable-uvicorn-access-log",
    "--enable-log-requests",
    "--disable-log-requests",  # the name of older vLLM builds
    "--enable-log-outputs",
    "--disable-log-stats",
    "--allow-credentials",
    "--enable-ssl-refresh",
    "--disable-fastapi-docs",
    "--enable-request-id-headers",
    "--enable-server-load-tracking",
    # reuses the KV cache of a prompt's prefix computed before: the same tokens, the same answer but for the batching
    # noise --max-num-seqs brings too (`cache_salt` is left out of the key for the same reason)
    "--enable-prefix-caching",
)
UNKEYED_FLAGS = (
    *_UNKEYED_VALUE_FLAGS,
    *_UNKEYED_SWITCHES,
    *(f"--no-{switch[2:]}" for switch in _UNKEYED_SWITCHES),
)
_UNKEYED_SHORT = ("-tp", "-pp", "-dp", "-asc")  # the short names of the parallelism flags and --api-server-count


def keyed_arguments(args: Sequence[str]) -> list[str]:
    """The extra vLLM arguments that may change answers, as vLLM reads them (a `--config FILE`'s settings in its
    place: `vllm_arguments` - a comment, a port or a key edited in the file changes no answer): all but the
    `UNKEYED_FLAGS` (named whole, `_` for `-` allowed: an abbreviation stays, as a flag a later vLLM adds with a name
    that starts one of them must) and the credentials (`--api-key`, `--hf-token` in any spelling vLLM reads,
    abbreviations included: `server.secret_flag` - never in the key material, and a rotated key asks nothing
    again), with their values - `--flag=VALUE`, or the words after `--flag` up to the next one that starts with `-`
    (`--api-key K1 K2`; a value that starts with `-` stays: a needless miss, never a wrong hit). Each flag is written
    one way (`spelled_out`), so `--max_model_len=4096` keys as `--max-model-len 4096`."""
    from .server import secret_flag

    kept: list[str] = []
    skipping = False
    for arg in vllm_arguments(args):
        if skipping and not arg.startswith("-"):
            continue
        flag, equals, _ = arg.partition("=")
        name = flag.replace("_", "-")
        unkeyed = name in _UNKEYED_SHORT or name in UNKEYED_FLAGS or secret_flag(flag) is not None
        skipping = unkeyed and not equals  # `--api-key=-k` is whole: no word after it is its value
        if not unkeyed:
            kept += spelled_out([arg])
    return kept


# The launch options the plugin sets itself (`ServerSettings` fields) and the vLLM flag each is: given either way
# (`--llm-max-model-len 4096`, `--llm-vllm-arg=--max-model-len=4096`, `max-model-len: 4096` in a `--config` file) the
# server starts the same, so the key holds the one value vLLM uses - spelt two ways, they asked every case again
PLUGIN_FLAGS = {
    "max_model_len": "--max-model-len",
    "dtype": "--dtype",
    "quantization": "--quantization",
    "reasoning_parser": "--reasoning-parser",
    "chat_template": "--chat-template",
}
_PLUGIN_SHORT_FLAGS = {"-q": "quantization"}  # vLLM's short name of --quantization
# vLLM's other names of a dtype (`_STR_DTYPE_TO_TORCH_DTYPE`: half is float16, float is float32); `auto` is its
# default, the same as the option left out
_DTYPE_NAMES: dict[str, str | None] = {"half": "float16", "float": "float32", "auto": None}


def launch_options(settings: ServerSettings) -> tuple[dict[str, Any], list[str]]:
    """The value vLLM uses of each `PLUGIN_FLAGS` option, and the extra arguments left. vLLM's parser takes the last
    value given: the plugin writes its options before the extra arguments (`ServerSettings.cli_args`), and a
    `--config` file's settings count before both. A flag without its value stays among the arguments (vLLM stops at
    start: nothing is answered)."""
    from_file, given = config_and_command_line(settings.extra_args)
    values: dict[str, Any] = dict.fromkeys(PLUGIN_FLAGS)
    left = _take_plugin_flags(from_file, values)
    values.update({name: getattr(settings, name) for name in PLUGIN_FLAGS if getattr(settings, name) is not None})
    left += _take_plugin_flags(given, values)
    # `4K` is 4096 to vLLM (`4k` 4000): keyed as the number; what vLLM would not read stays as written (a miss)
    values["max_model_len"] = context_length_or_text(values["max_model_len"])
    dtype = values["dtype"]
    if isinstance(dtype, str):
        values["dtype"] = _DTYPE_NAMES.get(dtype, dtype)
    return values, left


def _take_plugin_flags(args: Sequence[str], values: dict[str, Any]) -> list[str]:
    """`args` less the `PLUGIN_FLAGS` options (in any spelling vLLM reads: `is_flag`, `-q`) and their values, which
    are set in `values` (a later one over an earlier one)."""
    left: list[str] = []
    index = 0
    while index < len(args):
        name, equals, value = args[index].partition("=")
        field = _PLUGIN_SHORT_FLAGS.get(name) or next((f for f, fl in PLUGIN_FLAGS.items() if is_flag(name, fl)), None)
        if field is None or (not equals and index + 1 >= len(args)):
            left.append(args[index])
            index += 1
            continue
        values[field] = value if equals else args[index + 1]
        index += 1 if equals else 2
    return left


def spelled_out(args: Sequence[str]) -> list[str]:
    """The arguments with each long flag written one way, as vLLM's parser reads them alike: `-` for `_` in its name
    and `--flag=VALUE` as `--flag VALUE` - the same setting typed another way asked every case again."""
    written: list[str] = []
    for arg in args:
        if not arg.startswith("--") or len(arg) < 3:
            written.append(arg)
            continue
        name, equals, value = arg.partition("=")
        written += ["--" + name[2:].replace("_", "-"), *([value] if equals else [])]
    return written


MAX_CONFIG_BYTES = 1 << 20  # a larger file named by an argument is data (weights, a dataset), not a config to read
CONFIG_SUFFIXES = (".json", ".yaml", ".yml")


def config_file_data(path: Path) -> Any:
    """A JSON or YAML config file's data; None for another file or one that cannot be read as such (nested too
    deep for the parser too)."""
    if path.suffix.lower() not in CONFIG_SUFFIXES or not path.is_file():
        return None
    import yaml  # a superset of JSON

    try:
        if path.stat().st_size > MAX_CONFIG_BYTES:
            return None
        # libyaml where built (PyYAML's own scanner takes seconds for a file of 5,000 nested brackets: its time grows
        # with the square of the depth, where libyaml refuses past its nesting limit at once)
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - a safe loader
    except (OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        return None
