"""Where the files vLLM reads are found - a local file or folder, a Hugging Face cache snapshot - and what they hold.

A hub id is looked up where vLLM loads it from (`--download-dir`, else the server's default cache, at `--revision`:
`weights_identity`), and a file or folder an extra vLLM argument names (`--tokenizer DIR`, `--lora-modules name=DIR`,
or a path inside its JSON value or the config file it names) is hashed too (`argument_contents`). What vLLM reads
from the hub beside the weights is hashed at the revision it reads it at (`hub_reads`): a hub tokenizer at
`--tokenizer-revision` (else `--revision`), a config repo (`--hf-config-path`) at `--revision`, remote code at
`--code-revision`. Where nothing can be found here, the result says `unresolved`.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from .file_hashes import HashMemo, directory_files, path_identity
from .vllm_arguments import config_file_data, flag_value


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


HUB_ID = re.compile(r"^[\w.-]+/[\w.-]+$")


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
        if candidate in read_at_revision or not HUB_ID.match(candidate):
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
        data = config_file_data(source)
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
