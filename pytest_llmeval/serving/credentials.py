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
        problem = env_name_problem(option, env_name)  # the key itself given as the name: never shown
        raise MissingAPIKey(
            problem
            or f"environment variable {env_name} (named by {option}) is "
            f"{'empty' if env_name in os.environ else 'not set'}. Fix: export {env_name}=<your key>"
        )
    return key


_ENV_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def env_name_problem(flag: str, name: str | None) -> str | None:
    """Why `name` cannot be an environment variable's name, or None. The value is not shown: given in its place,
    the key itself was printed in 'environment variable sk-... is not set' and saved in results.json."""
    if not name or _ENV_NAME.fullmatch(name):
        return None
    return (
        f"{flag} takes the NAME of an environment variable that holds the key, and the value given is not a "
        "variable name (not shown: it may be the key itself). Fix: export MY_API_KEY=<the key> and pass "
        f"{flag}=MY_API_KEY"
    )


def bearer_headers(key: str | None) -> dict[str, str]:
    """`Authorization: Bearer ...` for a real key; no header for none or `NO_KEY`."""
    return {"Authorization": f"Bearer {key}"} if key and key != NO_KEY else {}
