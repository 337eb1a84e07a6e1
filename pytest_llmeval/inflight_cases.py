"""--llm-concurrency in one pytest process: a model's upcoming cases asked N at a time, ahead of their tests.

One job: when a test asks for its case's result, top up the model's in-flight scheduler
(`evaluation/inflight.py`) with this process's upcoming cases of that model - every collected item in a
serial run, the items xdist has handed this worker under -n - and hand back the case's result when it is
there. What a case is asked and how it is scored, cached and recorded stays the session's
(`LLMEvalSession`); this module decides what is asked ahead, on which client, and drops what is not yet
asked when the run stops or a model's client closes.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .evaluation.evaluate import CaseResult
    from .evaluation.inflight import InflightScheduler
    from .evaluation.scenarios import Case
    from .serving.client import ChatClient
    from .session import LLMEvalSession

Key = tuple[str, str, str, int]  # model, mode, case id, sample


class CasesInFlight:
    """The in-flight schedulers of one session, one per model, and what each scheduled key asks."""

    def __init__(self, session: LLMEvalSession) -> None:
        self.session = session
        self._schedulers: dict[str, tuple[ChatClient | None, InflightScheduler[Any, Any]]] = {}  # per model
        self._connected: dict[str, ChatClient] = {}  # the model's client, once its server is up
        self._work: dict[Key, tuple[Case, str]] = {}  # what a scheduled key asks
        self.lock = threading.Lock()  # retrieval and scorer hooks run one scheduler thread at a time
        self._seeded: set[str] = set()  # models whose upcoming cases were all submitted (serial run)
        self._nodeids: dict[Key, str] = {}  # the test that asks a scheduled key

    @property
    def active(self) -> bool:
        """Whether any model has a scheduler (something may be queued)."""
        return bool(self._schedulers)

    def concurrency(self, model: str) -> int:
        """Cases of the model in flight: --llm-concurrency per replica, times its replicas (vLLM data-parallel
        engines behind one endpoint, the endpoints of a fleet)."""
        from .serving.models import replicas

        spec = next((m for m in self.session.settings.models if m.label == model), None)
        return self.session.settings.concurrency * (
            replicas(spec, self.session.settings.server) if spec is not None else 1
        )

    def result(
        self, client: ChatClient | Callable[[], ChatClient], key: Key, case: Case, mode: str
    ) -> CaseResult | None:
        """The case's result from the model's in-flight scheduler, which this call first tops up with this
        process's upcoming cases of the model; None when concurrency is 1 or the case must be asked here."""
        if self.concurrency(key[0]) <= 1:
            return None
        from .evaluation.inflight import InflightScheduler, NotScheduled

        model = key[0]
        connected = client if not callable(client) else self._connected.get(model)
        if connected is None and self.session.settings.cache is None:
            connected = client()  # type: ignore[operator]  # starts the server; a failed start raises from here
        if connected is not None:
            self._connected[model] = connected
        if (
            self.session.settings.cache is not None
        ):  # opened and hashed once, here, not by several scheduler threads at once
            self.session.answer_cache()
            self.session.model_identity(model)
        entry = self._schedulers.get(model)
        if entry is None or entry[0] is not connected:  # the model's first case, or its client changed
            if entry is not None:
                entry[1].close(wait=False)
            ask = functools.partial(self._ask, connected)
            entry = (connected, InflightScheduler(ask, self.concurrency(model), name=f"llmeval-{model}"))
            self._schedulers[model] = entry
            self._seeded.discard(model)
        scheduler = entry[1]
        self._work[key] = (case, mode)
        seeded = model in self._seeded and not self.session.is_worker  # serial: every item is known at once
        self._seeded.add(model)
        scheduler.submit([key, *self._upcoming(model, seeded)])
        try:
            result, failures = scheduler.result_for(key)
        except NotScheduled:
            return None
        if any(isinstance(f, _NotConnected) for f in failures):  # --llm-cache: the first miss starts the server
            self._connected[model] = client()  # type: ignore[operator]  # here, in the test's thread
            scheduler.close(wait=False)
            del self._schedulers[model]
            self._seeded.discard(model)
            return None  # asked here; the next case builds a scheduler on the started server
        if failures:
            raise failures[0]
        result.extra["in_flight"] = scheduler.concurrency
        return result

    def _upcoming(self, model: str, seeded: bool) -> list[Key]:
        """This process's tests of the model still to run, as evaluation keys in test order: every collected
        item in a serial run (once per model), the items xdist has handed this worker so far under -n."""
        session = self.session.pytest_session
        if session is None or seeded:
            return []
        items = worker_pending_items(self.session.config, session.items) if self.session.is_worker else session.items
        keys = []
        for item in items:
            params = getattr(getattr(item, "callspec", None), "params", {})
            spec, case = params.get("llm_model"), params.get("llm_case")
            asks = "llm_result" in getattr(item, "fixturenames", ())
            if case is None or getattr(spec, "label", None) != model or not asks:
                continue
            mode = params.get("llm_rag_mode", "norag")
            for sample in range(self.session.settings.repeat):
                key = (model, mode, case.id, sample)
                if self.session.is_evaluated(key) or self.session.reused_record(model, mode, case, sample) is not None:
                    continue
                self._work[key] = (case, mode)
                self._nodeids.setdefault(key, item.nodeid)
                keys.append(key)
        if any(k[1] == "rag" for k in keys):  # the index is built here, in the test's thread, before any is asked
            try:
                self.session.retriever()
            except Exception:  # noqa: BLE001 - each rag case then records the failure when its test asks for it
                keys = [k for k in keys if k[1] != "rag"]
        return keys

    def _ask(self, connected: ChatClient | None, key: Key) -> tuple[CaseResult, list[BaseException]]:
        """One case asked and scored on a scheduler thread (retrieval and scorer hooks one thread at a time),
        and the failures of connecting (with --llm-cache and no server yet: _NotConnected on a miss)."""
        from .evaluation.evaluate import evaluate_case

        model, mode, _, sample = key
        case, _ = self._work[key]
        settings = self.session.settings
        scorer = self.session.scorer(model, mode)

        def connect() -> ChatClient:
            if connected is None:
                raise _NotConnected(model)
            return connected

        def score(c: Case, answer: str, sources: Any) -> Any:
            with self.lock:
                return scorer(c, answer, sources)

        asking, failures = self.session.asking_client(connect, model, sample)
        result = evaluate_case(
            asking,  # type: ignore[arg-type]
            model,
            case,
            settings.max_tokens,
            settings.temperature,
            retriever=_Serialised(self.session.retriever, self.lock) if mode == "rag" else None,  # type: ignore[arg-type]
            template=settings.rag.template,
            sample=sample,
            scorer=score,
            cache_salt=self.session.cache_salt(model, sample),
        )
        return result, failures

    def finished_unasked(self) -> list[tuple[Key, CaseResult, str | None]]:
        """The cases asked ahead and answered whose tests have not asked for them (the run was interrupted before
        it reached them): (key, result, the test's node id), in test order. Requests still running are left."""
        found = []
        for _, scheduler in list(self._schedulers.values()):
            for key, (result, failures) in scheduler.finished():
                if not failures and not self.session.is_evaluated(key):
                    found.append((key, result, self._nodeids.get(key)))
        return found

    def close(self, client: ChatClient | None = None) -> None:
        """Drop the cases not yet asked (of one client's model, or of all); requests in flight finish."""
        for label, (owner, scheduler) in list(self._schedulers.items()):
            if client is None or owner is client:
                scheduler.close(wait=client is not None)
                del self._schedulers[label]
        for label, owner in list(self._connected.items()):
            if client is None or owner is client:
                del self._connected[label]


class _NotConnected(RuntimeError):
    """A scheduler thread needs the model's server, which only the test's thread may start (--llm-cache)."""


class _Serialised:
    """A retriever whose `retrieve` runs one thread at a time (scheduler threads share the index). It takes the
    session's `retriever` getter: a RAG case asked ahead may be the process's first, before the index is built
    (a failed build then raises from `retrieve`, recorded as the case's retrieval error)."""

    def __init__(self, retriever: Callable[[], Any], lock: threading.Lock) -> None:
        self._retriever = retriever
        self._lock = lock

    def retrieve(self, question: str) -> Any:
        with self._lock:
            return self._retriever().retrieve(question)


_INTERACTOR = pytest.StashKey[Any]()


def worker_pending_items(config: pytest.Config, items: list[pytest.Item]) -> list[pytest.Item]:
    """Under xdist: the items this worker has been handed and not started (its next item, then its queue).
    Read from xdist's worker loop; empty when that is not there (then only the asking test is scheduled)."""
    interactor = config.stash.get(_INTERACTOR, None)
    if interactor is None:
        plugins = config.pluginmanager.get_plugins()
        interactor = next((p for p in plugins if hasattr(p, "torun") and hasattr(p, "nextitem_index")), None)
        config.stash[_INTERACTOR] = interactor
    if interactor is None:
        return []
    try:
        with interactor.torun.lock() as queue:
            indices = [interactor.nextitem_index, *queue]
    except (AttributeError, TypeError):
        return []
    return [items[i] for i in indices if isinstance(i, int) and 0 <= i < len(items)]
