"""A model's chat endpoint that answers as no request could succeed: a run-level fault, not a case's.

A base URL without /v1 or with another path, a model name the server does not serve (HTTP 404), a key the server
refuses (HTTP 401) answer every case alike. Each case was asked anyway and its failure worded again: a nightly run of
three models at 14 cases and --llm-repeat 5 printed 210 copies of one fault. As a dead server's remaining cases error
at once (`LLMEvalSession._server_died`), the first such answer now stops the model's remaining requests: each later
case errors without being asked, naming the first failure and its fix. Keyed by the model's label, so one model's
wrong endpoint never stops another's; answers the answer cache already holds are still read (only a request is
stopped). Other statuses stay the case's: a 400 or a 403 may be the case's own (a question a gateway's filter
refuses), a 429 or a 5xx may pass.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from .client import Completion, LLMRequestError

RUN_LEVEL_STATUSES = frozenset({401, 404})  # the answer of every request to this endpoint, this key, this name


class EndpointFaults:
    """Per model label: the first run-level HTTP failure of its chat endpoint, once seen. Thread-safe (the
    in-flight scheduler's threads share it)."""

    def __init__(self) -> None:
        self._first: dict[str, LLMRequestError] = {}
        self._announced: set[str] = set()
        self._lock = threading.Lock()

    def first(self, model: str) -> LLMRequestError | None:
        """The failure that stopped `model`'s requests, or None."""
        return self._first.get(model)

    def note(self, model: str, error: LLMRequestError) -> None:
        """Keep `error` when it is the model's first run-level failure."""
        if error.kind == "http" and error.status in RUN_LEVEL_STATUSES:
            with self._lock:
                self._first.setdefault(model, error)

    def announce(self, model: str) -> str | None:
        """The line that says `model`'s remaining cases stop, once (printed by the test's thread, not by a scheduler
        thread that asked ahead); None before it stopped and after it was said."""
        with self._lock:
            stop = self._first.get(model)
            if stop is None or model in self._announced:
                return None
            self._announced.add(model)
        return (
            f"{model}: its endpoint answered HTTP {stop.status}, as it will every request; its remaining cases "
            f"error at once, not asked: {stop}"
        )

    def guard(self, connect: Callable[[], Any], model: str) -> Callable[[], Any]:
        """`connect` (which returns the model's client, starting its server if need be - a failed start raises
        from it, as before) whose client asks nothing once the model is stopped, and notes the failure that stops
        it."""

        def guarded() -> Any:
            return _Guarded(connect(), model, self)

        return guarded


class _Guarded:
    """A model's client that raises the stopping failure instead of asking, once there is one."""

    def __init__(self, client: Any, model: str, faults: EndpointFaults) -> None:
        self._client = client
        self._model = model
        self._faults = faults

    def complete(self, *args: Any, **kwargs: Any) -> Completion:
        stop = self._faults.first(self._model)
        if stop is not None:
            raise LLMRequestError(not_asked(stop), stop.kind, stop.status)
        try:
            completion: Completion = self._client.complete(*args, **kwargs)
        except LLMRequestError as exc:
            self._faults.note(self._model, exc)
            raise
        return completion


def not_asked(stop: LLMRequestError) -> str:
    """The error of a case not asked because the model's endpoint answered `stop` before."""
    return f"not asked (an earlier case got this answer, and every request to this endpoint would): {stop}"
