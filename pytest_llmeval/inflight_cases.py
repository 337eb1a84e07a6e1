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
    from .evaluation.case_model import Case
    from .evaluation.evaluate import CaseResult
    from .evaluation.inflight import InflightScheduler
    from .serving.client import ChatClient
    from .session import LLMEvalSession

Key = tuple[str, str, str, int]  # model, mode, case id, sample
CLOSE_WAIT_S = 30.0  # the most a closing scheduler waits for a job stuck outside the chat connection (a retrieval)


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
        self._retired: list[InflightScheduler[Any, Any]] = []  # replaced schedulers, their threads joined at close
        # per model, found at its first case: the settings do not change in a run (nor, here, a fleet's URL file)
        self._concurrency: dict[str, int] = {}
        self._listed: dict[str, set[pytest.Item]] = {}  # per model: the items its scheduler is done with (_upcoming)

    @property
    def active(self) -> bool:
        """Whether any model has a scheduler (something may be queued)."""
        return bool(self._schedulers)

    def concurrency(self, model: str) -> int:
        """Cases of the model in flight: --llm-concurrency per replica, times its replicas (vLLM data-parallel
        engines behind one endpoint, the endpoints of a fleet)."""
        known = self._concurrency.get(model)
        if known is not None:
            return known
        from .serving.models import replicas

        spec = next((m for m in self.session.settings.models if m.label == model), None)
        found = self.session.settings.concurrency * (
            replicas(spec, self.session.settings.server) if spec is not None else 1
        )
        self._concurrency[model] = found
        return found

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
                self._retire(entry[1])
            ask = functools.partial(self._ask, connected)
            entry = (connected, InflightScheduler(ask, self.concurrency(model), name=f"llmeval-{model}"))
            self._schedulers[model] = entry
            self._seeded.discard(model)
            self._listed[model] = set()
        scheduler = entry[1]
        self._work[key] = (case, mode)
        seeded = model in self._seeded and not self.session.is_worker  # serial: every item is known at once
        self._seeded.add(model)
        scheduler.submit([key, *self._upcoming(model, seeded)])
        try:
            result, failures = scheduler.result_for(key)
        except (NotScheduled, _Stolen):
            return None
        if any(isinstance(f, _NotConnected) for f in failures):  # --llm-cache: the first miss starts the server
            self._connected[model] = client()  # type: ignore[operator]  # here, in the test's thread
            self._retire(scheduler)
            del self._schedulers[model]
            self._seeded.discard(model)
            return None  # asked here; the next case builds a scheduler on the started server
        if failures:
            raise failures[0]
        return result

    def _worker_queue(self) -> WorkerQueue | None:
        """Under xdist: this worker's queue (None in a serial run, or where xdist's worker loop is not there)."""
        session = self.session.pytest_session
        if not self.session.is_worker or session is None:
            return None
        return worker_queue(self.session.config, session.items)

    def _retire(self, scheduler: InflightScheduler[Any, Any]) -> None:
        """A scheduler replaced by another: nothing more is started on it, its threads are joined at close."""
        scheduler.cancel()
        self._retired.append(scheduler)

    def _upcoming(self, model: str, seeded: bool) -> list[Key]:
        """This process's tests of the model still to run, as evaluation keys in test order: every collected
        item in a serial run (once per model), the items xdist has handed this worker so far under -n (each
        looked at once per scheduler: see `_listed`)."""
        session = self.session.pytest_session
        if session is None or seeded:
            return []
        queue = self._worker_queue()
        items = queue.pending() if queue is not None else [] if self.session.is_worker else session.items
        # Items the model's scheduler is done with: another model's or no case's, or each of whose keys it was given
        # (their node ids noted), is evaluated or is reused - what listing the item again would find, as an item's
        # case does not change, nor does a key's reuse, and an evaluated key stays evaluated. A test its marks skip
        # is looked at again (a skipif's condition may change).
        listed = self._listed[model]
        keys = []
        for item in items:
            if item in listed:
                continue
            asked_case = item_case(item)
            if asked_case is not None and asked_case[0] == model and skipped_by_mark(item):
                continue
            listed.add(item)
            if asked_case is None or asked_case[0] != model:
                continue
            _, mode, case = asked_case
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
        queue = self._worker_queue()
        if queue is not None and not queue.claim(key):
            raise _Stolen(key)  # --dist worksteal: the controller moved its test to another worker, which asks it
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
        result.extra["in_flight"] = self.concurrency(model)  # also on an answer recorded without its test (Ctrl-C)
        if not failures:  # under -n: on disk at once, as an interrupt ends the worker without a word
            self.session.keep_asked_ahead(result, self._nodeids.get(key))
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

    def stop(self) -> None:
        """The run stops (an interrupt): every model's cases not yet asked are dropped at once - nothing queued is
        sent while the run ends. The requests in flight go on until `close`; what was answered stays readable
        (`finished_unasked`)."""
        for _, scheduler in list(self._schedulers.values()):
            scheduler.cancel()
        for scheduler in self._retired:
            scheduler.cancel()

    def close(self, client: ChatClient | None = None) -> None:
        """Close the schedulers of one client's model (its tests have ended) or of all (the run stops): the cases
        not yet asked are dropped and the requests in flight ended - nobody waits for their answers any more (a
        closed scheduler is never asked again; a later test of the model asks on a new one) - and their threads
        joined, so that none outlives the run and no answer is read from a server that is being stopped."""
        closing = [
            (label, owner, scheduler)
            for label, (owner, scheduler) in self._schedulers.items()
            if client is None or owner is client
        ]
        for label, _, scheduler in closing:
            scheduler.cancel()
            del self._schedulers[label]
        for owner in {id(o): o for _, o, s in closing if o is not None and s.running}.values():
            owner.close()  # shuts its connections down: a read waiting on the server ends at once
        for _, _, scheduler in closing:
            scheduler.join(CLOSE_WAIT_S)
        if client is None:
            for scheduler in self._retired:
                scheduler.join(CLOSE_WAIT_S)
            self._retired.clear()
        for label, owner in list(self._connected.items()):
            if client is None or owner is client:
                del self._connected[label]


class _NotConnected(RuntimeError):
    """A scheduler thread needs the model's server, which only the test's thread may start (--llm-cache)."""


class _Stolen(RuntimeError):
    """Under xdist --dist worksteal: the case's test was moved to another worker before its request was sent."""


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

    @property
    def knowledge_digest(self) -> str | None:
        """The index's knowledge-base digest (read after a retrieval: the index is built by then)."""
        return getattr(self._retriever(), "knowledge_digest", None)


_QUEUE = pytest.StashKey["WorkerQueue | None"]()
CaseOfTest = tuple[str, str, str]  # model, mode, case id


def item_case(item: pytest.Item) -> tuple[str, str, Case] | None:
    """(model label, mode, case) of a test that asks for its case's result (`llm_result`), else None."""
    params = getattr(getattr(item, "callspec", None), "params", {})
    label, case = getattr(params.get("llm_model"), "label", None), params.get("llm_case")
    if case is None or label is None or "llm_result" not in getattr(item, "fixturenames", ()):
        return None
    return label, params.get("llm_rag_mode", "norag"), case


def skipped_by_mark(item: pytest.Item) -> bool:
    """Whether pytest will skip the test before it runs: a skip mark, a skipif whose condition holds, an
    xfail(run=False) (unless --runxfail). Its case is then not asked ahead (nor recorded on an interrupt).
    A condition that cannot be evaluated counts as a skip: the test errors at its setup, asking nothing."""
    from _pytest.outcomes import OutcomeException
    from _pytest.skipping import evaluate_skip_marks, evaluate_xfail_marks

    try:
        if evaluate_skip_marks(item) is not None:
            return True
        xfail = evaluate_xfail_marks(item)
    except (Exception, OutcomeException):  # noqa: BLE001 - pytest reports the bad mark when the test is set up
        return True
    return xfail is not None and not xfail.run and not item.config.option.runxfail


def worker_queue(config: pytest.Config, items: list[pytest.Item]) -> WorkerQueue | None:
    """Under xdist: this worker's queue, read from xdist's worker loop (found once); None when that is not there
    (then only the asking test is scheduled)."""
    if _QUEUE not in config.stash:
        plugins = config.pluginmanager.get_plugins()
        needs = ("torun", "nextitem_index", "steal")
        interactor = next((p for p in plugins if all(hasattr(p, name) for name in needs)), None)
        config.stash[_QUEUE] = WorkerQueue(interactor, items) if interactor is not None else None
    return config.stash[_QUEUE]


class WorkerQueue:
    """Under xdist: the items this worker has been handed and not started, and the cases its scheduler threads
    have started asking. Those stay here: xdist's work stealing (--dist worksteal) moves queued tests to an idle
    worker, which would ask such a case a second time, so the steal leaves them out (xdist's controller takes
    back any subset it is sent)."""

    def __init__(self, interactor: Any, items: list[pytest.Item]) -> None:
        self._interactor = interactor
        self._items = items
        self._asked: set[CaseOfTest] = set()  # changed and read under the queue's lock only
        # the case of the item at an index, found once: `items` is the session's collected list, which stays as it is
        self._cases: dict[int, CaseOfTest | None] = {}
        steal = interactor.steal

        def steal_unasked(indices: list[int]) -> None:
            with interactor.torun.lock():
                steal([i for i in indices if self._case_at(i) not in self._asked])

        interactor.steal = steal_unasked

    def pending(self) -> list[pytest.Item]:
        """This worker's next item, then its queue."""
        try:
            with self._interactor.torun.lock() as queue:
                indices = [self._interactor.nextitem_index, *queue]
        except (AttributeError, TypeError):
            return []
        return [self._items[i] for i in indices if isinstance(i, int) and 0 <= i < len(self._items)]

    def claim(self, key: Key) -> bool:
        """Whether the case is still this worker's (a test of it running, next or queued here); if so it is
        marked asked, and no steal takes its tests from now on."""
        case = key[:3]
        with self._interactor.torun.lock() as queue:
            here = [getattr(self._interactor, "item_index", None), self._interactor.nextitem_index, *queue]
            if case in self._asked or any(self._case_at(i) == case for i in here):
                self._asked.add(case)
                return True
        return False

    def _case_at(self, index: Any) -> CaseOfTest | None:
        if not isinstance(index, int) or not 0 <= index < len(self._items):
            return None
        if index not in self._cases:
            found = item_case(self._items[index])
            self._cases[index] = None if found is None else (found[0], found[1], found[2].id)
        return self._cases[index]
