"""What a case, benchmark or warm-up record may show when it is written or printed: the secrets in use hidden (a
server's error text may echo them) - never in the case's own content - and an endpoint's URL without userinfo or
query."""

from __future__ import annotations

from typing import Any

from .serving.client import hide_secrets_in, safe_public_url

# What a case record holds of the case and the model's answer: never rewritten by the redaction of secrets (which is
# for what a server or a tool says back: errors, the judge's reasons, log tails)
CASE_CONTENT_FIELDS = frozenset(
    {"model", "scenario_id", "suite", "category", "mode", "nodeid", "worker", "source", "question", "answer"}
    | {"points", "covered", "missing", "echoed", "forbidden_found", "case_hash", "prompt_hash", "retrieval"}
)


def public_record(value: Any) -> Any:
    """A case, benchmark or warm-up record as it may be written and shown: the secrets in use hidden (a server's
    error text may echo them) and a benchmark's endpoint URL without userinfo or query."""
    value = hide_secrets_in(value, keep=CASE_CONTENT_FIELDS)
    endpoint = value.get("endpoint") if isinstance(value, dict) else None
    if isinstance(endpoint, dict) and isinstance(endpoint.get("base_url"), str):
        value = {**value, "endpoint": {**endpoint, "base_url": safe_public_url(endpoint["base_url"])}}
    return value
