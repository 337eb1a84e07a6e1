"""The launched server's environment as its identity knows it: the VLLM_* variables that may change its answers.

The server's VLLM_* variables are kept (`environment_identity`: by their values' hashes, and the content of a file
or folder a value names), but those of ports, logs, timeouts, cache folders and memory (`UNKEYED_ENV`) and
credentials (`secret_variable`); with VLLM_USE_MODELSCOPE a hub id is loaded from ModelScope, whose files are not
here (`modelscope`).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .file_hashes import HashMemo, path_identity
from .hub_files import MAX_NESTING, local_path, nested_path_contents

if TYPE_CHECKING:
    from .server import ServerSettings


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
