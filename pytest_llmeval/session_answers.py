"""Where a run's answers come from, as a part of the run's state (`session.LLMEvalSession`): the model's client, or
with --llm-cache the answer cache in front of a client connected on the first miss only; the model identity the
cache knows a model by; the warm-up requests; vLLM's per-sample `cache_salt` with --llm-repeat.
"""

from __future__ import annotations

import copy
import logging
import os
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .serving.client import hide_secrets_in

if TYPE_CHECKING:
    from .config import Settings
    from .serving.cache import AnswerCache, CachingClient
    from .serving.client import ChatClient
    from .serving.run_faults import EndpointFaults

log = logging.getLogger("pytest_llmeval")
CACHE_SALT_PREFIX = "llmeval-sample-"


class AnswerSources:
    """The answer-source part of the run's state; the state (`LLMEvalSession`) sets these attributes."""

    settings: Settings
    _answer_cache: AnswerCache | None
    _identities: dict[str, dict[str, Any]]
    _caching_clients: dict[tuple[str, int], CachingClient]  # (model, sample) -> the one copied per case
    _warmups: list[dict[str, Any]]  # warm-up records not yet handed to the recorder
    _salt_accepted: dict[str, bool | None]  # model -> did its warm-up take a cache_salt
    endpoint_faults: EndpointFaults  # per model: the 404/401 that stops its remaining requests

    if TYPE_CHECKING:

        def progress(self, message: str) -> None: ...

    def asking_client(
        self, client: ChatClient | Callable[[], ChatClient], model: str, sample: int
    ) -> tuple[Any, list[BaseException]]:
        """The client a case is asked through, and the list that collects a failed connect. Without
        --llm-cache: the model's client, connected now. With it: the answer cache in front of a client that
        is connected (its server started) on the first miss only. Either asks nothing once the model's endpoint
        answered a run-level failure (`serving/run_faults.py`)."""
        connect: Callable[[], ChatClient] = self.endpoint_faults.guard(
            client if callable(client) else (lambda: client), model
        )
        if self.settings.cache is None:
            return connect(), []
        failures: list[BaseException] = []

        def connect_on_miss() -> ChatClient:
            try:
                return connect()
            except BaseException as exc:  # evaluate_case records request errors; a failed start is not one
                failures.append(exc)
                raise

        return self._caching_client(model, sample, connect_on_miss), failures

    def _caching_client(self, model: str, sample: int, connect: Callable[[], ChatClient]) -> CachingClient:
        """The answer cache's client of (model, sample) that connects through `connect`. The first one is made (which
        hashes the model's identity) and kept; every later one is a copy of it with its own `connect`: what else it
        holds - the cache, the model's identity and its hash, --llm-thinking, the sample - is the same for every case
        of the model (the identity is computed once per process, `model_identity`), and is only read."""
        kept = self._caching_clients.get((model, sample))
        if kept is None:
            from .serving.cache import CachingClient

            identity = self.model_identity(model)
            kept = CachingClient(self.answer_cache(), model, identity, self.settings.thinking, sample, connect)
            self._caching_clients[(model, sample)] = kept
            return kept
        client = copy.copy(kept)
        client.connect = connect
        return client

    def answer_cache(self) -> AnswerCache:
        """This process's connection to the --llm-cache file (xdist workers each open their own)."""
        if self._answer_cache is None:
            from .serving.cache import AnswerCache

            assert self.settings.cache is not None
            self._answer_cache = AnswerCache(self.settings.cache)
        return self._answer_cache

    def model_identity(self, label: str) -> dict[str, Any]:
        """What the answer cache knows a model by: its files' content and answer-changing launch options (a
        launched model), or URL, name and /v1/models (an attached one); computed once per process."""
        if label not in self._identities:
            from .serving.endpoint_identity import endpoint_models
            from .serving.identity import model_identity
            from .serving.models import model_server_settings

            spec = next(m for m in self.settings.models if m.label == label)
            server = model_server_settings(spec, self.settings.server)  # its own --llm-model-arg values, as launched

            def fetch() -> list[dict[str, Any]] | None:
                assert server.base_url is not None
                return endpoint_models(server.base_url, label, server.api_key_env)

            from filelock import FileLock

            assert self.settings.cache is not None
            with FileLock(f"{self.settings.cache}.lock"):  # xdist workers: one hashes new weights, the others wait
                self._identities[label] = model_identity(spec, server, self.answer_cache(), fetch)
            from .serving.identity import identified

            if not identified(self._identities[label]):
                self.progress(
                    f"--llm-cache: {label} ({spec.source}) has no local files to be known by, only its name: its "
                    "answers are neither read from nor stored in the answer cache"
                )
        return self._identities[label]

    def warm_up(self, client: ChatClient, model: str) -> None:
        """--llm-warmup requests to a model's new client, before its first measured case (once per model in each
        process: xdist workers warm their own connection). Excluded from every figure; recorded in run.warmup.
        With --llm-repeat > 1 the first one also asks whether the server takes vLLM's cache_salt."""
        salted = self.settings.repeat > 1
        for index in range(self.settings.warmup):
            record = client.warm_up(cache_salt=CACHE_SALT_PREFIX + "warmup" if salted and index == 0 else None)
            if salted and index == 0:
                self._salt_accepted[model] = record.get("cache_salt")
            record.update(model=model, index=index, worker=os.environ.get("PYTEST_XDIST_WORKER", "main"))
            record = hide_secrets_in(record)
            self._warmups.append(record)
            log.info("warm-up of %s: TTFT %s s, error %s (excluded)", model, record.get("ttft_s"), record.get("error"))

    def take_warmups(self) -> list[dict[str, Any]]:
        """The warm-up records not yet recorded (the fixture attaches them to the next test's report)."""
        taken, self._warmups = self._warmups, []
        return taken

    def cache_salt(self, model: str, sample: int) -> str | None:
        """vLLM's per-request `cache_salt` for sample `sample` with --llm-repeat > 1, so that a repeat at
        temperature 0 never reuses the prefix cache of an earlier sample of the same case: samples 1, 2, ...
        each get their own salt (stable across runs, so --llm-cache keys stay stable); sample 0 none, as in a
        run without repeats. Not sent to a server that refused it in the warm-up (an API that rejects
        unknown fields), nor, without a warm-up, to an attached server (--llm-base-url)."""
        if self.settings.repeat <= 1 or sample == 0:
            return None
        accepted = self._salt_accepted.get(model)
        if accepted is False or (accepted is None and self.settings.server.base_url):
            return None
        return f"{CACHE_SALT_PREFIX}{sample}"
