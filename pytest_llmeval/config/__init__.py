"""Every setting is a CLI option and an ini key; this package declares each once (`options.py`) and fills the
dataclass of its concern directly (`settings.py`, by `loading.py`): `Option.field` names the field
(`server.max_model_len`, `rag.top_k`, `bench.concurrency`, or a top-level `Settings` field). No translation layer in
between.

Precedence: command line, then ini file, then the default. Values are validated here (`loading.py`, and the files
and folders they name by `checks.py`), so a bad value fails at start-up with the option's name and the fix.
"""

from __future__ import annotations

from .loading import load_settings
from .options import (
    DEFAULT_CACHE,
    DEFAULT_KNOWLEDGE_DIR,
    DEFAULT_MAX_TOKENS,
    OPTIONS,
    PATH_OPTIONS,
    Option,
    add_options,
)
from .settings import Settings

__all__ = [
    "DEFAULT_CACHE",
    "DEFAULT_KNOWLEDGE_DIR",
    "DEFAULT_MAX_TOKENS",
    "OPTIONS",
    "Option",
    "PATH_OPTIONS",
    "Settings",
    "add_options",
    "load_settings",
]
