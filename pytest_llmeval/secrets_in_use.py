"""The secrets a run holds, gathered in one place: `pytest --debug`'s log (before the settings are read) and the
session (which hides them in every error text, record and log record) both ask `secrets_in_use`.

Gathered twice before, the two lists drifted: the debug log's rewrite of the command line missed a key given to
vLLM (`--llm-vllm-arg=--api-key=X`), which the session knew.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .serving.credentials import env_name_problem, redacted_values
from .serving.server import launch_secrets, redact

if TYPE_CHECKING:
    import pytest

    from .config import Settings


@dataclass
class SecretsInUse:
    """`values`: keys as sent (hidden in every form a server echoes them); `urls`: the URL texts whose userinfo and
    credential-named query values are secrets (`remember_url_secrets`)."""

    values: list[str] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)


def secrets_in_use(config: pytest.Config, settings: Settings | None = None) -> SecretsInUse:
    """The keys the key options name (their variables' values), a key given where a variable's name goes, the keys
    given to vLLM on the command line; and with `settings` (once read) every endpoint's key (model endpoint files
    included), its URLs and the component specs' URLs, and the keys each launched server is given."""
    found = SecretsInUse()
    found.values += [key for key in named_keys(config) if key]
    found.values += keys_given_as_names(config)
    found.values += command_line_secrets([str(arg) for arg in config.invocation_params.args])
    if settings is not None:
        _add_settings_secrets(found, settings)
    return found


def _add_settings_secrets(found: SecretsInUse, settings: Settings) -> None:
    from .serving.models import model_server_settings

    servers = [settings.server]
    for spec in settings.models:
        try:
            servers.append(model_server_settings(spec, settings.server))
        except Exception:  # noqa: BLE001 - an endpoint file that cannot be read: load_settings reported it
            continue
    names = {s.api_key_env for s in servers} | {settings.rag.api_key_env, settings.judge.api_key_env}
    found.values += [value for value in (os.environ.get(name) for name in names if name) if value]
    found.urls += [url for s in servers for url in (s.base_url, *s.base_urls) if url]
    specs = (settings.judge.spec, settings.rag.embedder, settings.rag.reranker)
    found.urls += [spec.rpartition("@")[0] for spec in specs if spec and "://" in spec]
    for server in servers:  # `--llm-vllm-arg=--api-key=X`, VLLM_API_KEY: vLLM prints its arguments (a log tail)
        found.values += launch_secrets(list(server.extra_args), server.env)


def named_keys(config: pytest.Config) -> list[str | None]:
    """The values of the environment variables that the key options (--llm-api-key-env, ...) name."""
    from .config import OPTIONS

    names = [config.getoption(opt.dest) or config.getini(opt.ini) for opt in OPTIONS if opt.field.endswith("key_env")]
    return [os.environ.get(name) for name in names if isinstance(name, str) and name]


def keys_given_as_names(config: pytest.Config) -> list[str]:
    """A key option's value that is no variable name: perhaps the key itself (`--llm-api-key-env sk-...`)."""
    from .config import OPTIONS

    named = [config.getoption(opt.dest) for opt in OPTIONS if opt.field.endswith("key_env")]
    return [value for value in named if isinstance(value, str) and env_name_problem("", value)]


def ini_texts(config: pytest.Config) -> list[str]:
    """The plugin's ini values as text (a URL with credentials may be written there)."""
    from .config import OPTIONS

    texts = []
    for opt in OPTIONS:
        try:
            texts.append(str(config.getini(opt.ini)))
        except (ValueError, TypeError):  # a value of another shape: load_settings names it
            continue
    return texts


def command_line_secrets(args: list[str]) -> list[str]:
    """The values the recorded command line hides (`redact`): a key given to vLLM however it was typed - in one
    argument (`--llm-vllm-arg=--api-key=X`) or split over two (`--llm-vllm-arg=--api-key --llm-vllm-arg=X`, which
    vLLM reads as one flag and its value)."""
    return redacted_values(args, redact(args))
