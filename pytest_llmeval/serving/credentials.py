"""API keys: looked up by the *name* of an environment variable, never passed or stored themselves.

One place for the lookup and the Authorization header, used by the chat client, the
benchmark, the RAG embedder/reranker and the judge.
"""

from __future__ import annotations

import os
import re

NO_KEY = "EMPTY"  # what OpenAI-compatible local servers accept when they need no key


class MissingAPIKey(ValueError):
    """The environment variable named for a key is not set; the message says which and how to fix it."""


def api_key_from_env(env_name: str | None, option: str = "--llm-api-key-env") -> str:
    """The key held by `env_name`; `NO_KEY` when no variable is named (local servers)."""
    if not env_name:
        return NO_KEY
    key = os.environ.get(env_name)
    if not key:
        if not _ENV_NAME.fullmatch(env_name):  # the key itself given as the name: never shown
            raise MissingAPIKey(
                f"{option} takes the name of an environment variable that holds the key, not the key (its value "
                "is not shown). Fix: export MY_KEY=<your key> and pass " + f"{option}=MY_KEY"
            )
        raise MissingAPIKey(
            f"environment variable {env_name} (named by {option}) is "
            f"{'empty' if env_name in os.environ else 'not set'}. Fix: export {env_name}=<your key>"
        )
    return key


_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def bearer_headers(key: str | None) -> dict[str, str]:
    """`Authorization: Bearer ...` for a real key; no header for none or `NO_KEY`."""
    return {"Authorization": f"Bearer {key}"} if key and key != NO_KEY else {}
