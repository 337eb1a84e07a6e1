"""Cases in flight: ask one model's cases N at a time from one process, hand each result to whoever waits.

One job: given work items in test order, run `job(item)` on a thread pool with at most `concurrency`
running at once (FIFO, so the cases the next tests need are asked first) and keep one future per
key. `result_for(key)` blocks until that one is done. `cancel()` drops everything not yet started
(what `-x` needs: no request is sent after the run stops; the few in flight finish on their own).

Threads, not an event loop: the job is the whole evaluation of one case (retrieval, the streamed
request through the existing `ChatClient`, scoring), which is blocking code; the requests spend
their time waiting on the server, so N threads keep N requests in flight. Plain Python, no pytest.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable, Iterable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
R = TypeVar("R")


class NotScheduled(KeyError):
    """`result_for` was asked for a key that was never submitted (or the scheduler was cancelled first)."""


class InflightScheduler(Generic[K, R]):
    """At most `concurrency` jobs running; results by key, in submission order."""

    def __init__(self, job: Callable[[K], R], concurrency: int, name: str = "llmeval") -> None:
        if concurrency < 1:
            raise ValueError(f"concurrency must be at least 1, not {concurrency}")
        self.concurrency = concurrency
        self._job = job
        self._pool = ThreadPoolExecutor(max_workers=concurrency, thread_name_prefix=name)
        self._futures: dict[K, Future[R]] = {}
        self._lock = threading.Lock()
        self._running = 0
        self.max_running = 0  # the most jobs seen running at once (for tests and reports)
        self.cancelled = False

    def submit(self, keys: Iterable[K]) -> int:
        """Queue the keys not seen before, in the order given; returns how many were queued."""
        added = 0
        with self._lock:
            if self.cancelled:
                return 0
            for key in keys:
                if key not in self._futures:
                    self._futures[key] = self._pool.submit(self._run, key)
                    added += 1
        return added

    def _run(self, key: K) -> R:
        with self._lock:
            self._running += 1
            self.max_running = max(self.max_running, self._running)
        try:
            return self._job(key)
        finally:
            with self._lock:
                self._running -= 1

    def has(self, key: K) -> bool:
        """Whether the key was submitted and not cancelled before it started."""
        future = self._futures.get(key)
        return future is not None and not future.cancelled()

    def result_for(self, key: K) -> R:
        """The job's result for the key, waiting for it; its exception if the job raised."""
        future = self._futures.get(key)
        if future is None:
            raise NotScheduled(key)
        try:
            return future.result()
        except CancelledError:
            raise NotScheduled(key) from None

    def finished(self) -> list[tuple[K, R]]:
        """The jobs done with a result (not cancelled, not raised), as (key, result) in submission order."""
        done = []
        for key, future in list(self._futures.items()):
            if future.done() and not future.cancelled() and future.exception() is None:
                done.append((key, future.result()))
        return done

    @property
    def running(self) -> int:
        """Jobs running now."""
        with self._lock:
            return self._running

    @property
    def pending(self) -> int:
        """Jobs submitted and not finished (queued or running)."""
        return sum(1 for f in list(self._futures.values()) if not f.done())

    def cancel(self) -> int:
        """Drop every job not yet started and accept no more; returns how many were dropped."""
        with self._lock:
            self.cancelled = True
            dropped = sum(1 for f in self._futures.values() if f.cancel())
        self._pool.shutdown(wait=False, cancel_futures=True)
        return dropped

    def close(self, wait: bool = True, timeout_s: float | None = None) -> bool:
        """Cancel what has not started; with `wait`, wait (at most `timeout_s`) for the running jobs and their
        threads to end. Returns whether every thread has ended (False without `wait`)."""
        self.cancel()
        return self.join(timeout_s) if wait else False

    def join(self, timeout_s: float | None = None) -> bool:
        """Wait (at most `timeout_s`) for the pool's threads to end, once cancelled; whether they all did."""
        threads = list(getattr(self._pool, "_threads", ()))  # the executor's workers (CPython keeps them there)
        deadline = None if timeout_s is None else time.monotonic() + timeout_s
        for thread in threads:
            thread.join(None if deadline is None else max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in threads)
