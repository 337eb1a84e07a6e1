"""pytest-xdist support: the controller owns the servers, workers only attach - one server at a time.

The controller learns which models the run needs, and in which order, from the test ids the workers
collected (`pytest_xdist_node_collection_finished`, before any test is scheduled). pytest groups the
tests of a session-scoped parametrised fixture, so each model's tests are contiguous in that order, and
xdist's ordered schedulers (load, loadscope, loadfile, loadgroup) hand every worker its tests in
ascending order. So the controller starts the first model's server, counts that model's tests as they
finish (`pytest_runtest_logfinish`, or xdist's report for a test whose worker crashed), and when the
last one has finished it stops that server and starts the next model's. A worker that reaches the
next model's tests early waits for its endpoint: no worker waiting there can hold an earlier model's
test, so the wait always ends. One GPU never holds two of the run's servers.

With `--llm-cache` (`on_demand`) no server starts up front: every model is published "on demand", and a
server starts only when a worker has a cache miss for that model - so a model whose answers are all
cached never starts one. The worker writes a request file (`.servers.requests/`, next to the state
file) and waits; a watcher thread in the controller sees it and wakes the controller's main thread
through xdist's event queue (no xdist hook fires while every worker waits), and the main thread starts
the server - the thread that forks every server and stops it, as without the cache. One at a time, a
requested model starts only when it is the first model in collection order with tests left (earlier
models are done and stopped), so the waits still always end.

Servers run side by side - all started before the tests - when the user asks for it
(`--llm-servers=together`), with `--dist each` or `worksteal` (whose order is not ascending per worker),
when a model's tests are not contiguous, and after a worker crashed (xdist reschedules its tests out of
order).

Endpoints reach the workers through a state file whose path each worker got through `workerinput`;
case results reach the controller on the test reports (`user_properties`), so only the controller
writes results. This module does not import the session: the controller gets the pool and the models.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import re
import shutil
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Protocol

from .results.recorder import atomic_write
from .serving.endpoint import Endpoint
from .serving.models import ModelSpec
from .serving.server import ServerStartError, log_tail

STATE_KEY = "llmeval_servers_state"
CONTROLLER_PID_KEY = "llmeval_controller_pid"
STATE_FILE = ".servers.json"
ORDERED_DISTS = ("load", "loadscope", "loadfile", "loadgroup")
RUN_KEY = "_run"
START_GRACE_S = 60.0  # beyond the start-up timeout, how long a worker waits for a server being started
REQUESTS_DIR = ".servers.requests"  # --llm-cache: a worker's request for a model's server, one file per model
WAKE_EVENT = "llmeval_server_request"  # the event the watcher puts on xdist's queue: dispatched as `worker_<name>`


def requests_dir(state_path: Path) -> Path:
    """Where workers ask for an on-demand model's server: a folder next to the controller's state file."""
    return state_path.parent / REQUESTS_DIR


def request_file(state_path: Path, label: str) -> Path:
    """A model's request file (named by a hash: a label may hold any character)."""
    return requests_dir(state_path) / f"{hashlib.sha256(label.encode('utf-8')).hexdigest()[:16]}.json"


class RunStopping(RuntimeError):
    """The run is stopping (-x / --maxfail reached): a worker waiting for a server gives up; the test is skipped."""


class Pool(Protocol):
    def acquire(self, spec: ModelSpec) -> Endpoint: ...

    def release(self, label: str) -> None: ...

    def pid(self, label: str) -> int | None: ...

    def log_path(self, label: str) -> str | None: ...


def id_form(label: str) -> str:
    """A label as pytest writes it in a test id: non-ASCII characters escaped (`千问` -> `\\u5343\\u95ee`),
    the way `_pytest.compat.ascii_escaped` does unless the user turned id escaping off."""
    return label.encode("unicode_escape").decode("ascii")


@functools.lru_cache(maxsize=8)
def _label_pattern(labels: tuple[str, ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    forms = {label: label for label in labels}
    forms.update({id_form(label): label for label in labels})  # escaped form -> label (same when ASCII)
    ordered = sorted(forms, key=len, reverse=True)
    pattern = re.compile(r"[\[-](" + "|".join(re.escape(form) for form in ordered) + r")(?=[-\]])")
    return pattern, forms


def model_of(node_id: str, labels: Sequence[str]) -> str | None:
    """The model label in a parametrisation id: the leftmost `-`-separated part that is a label (`[label-case]`,
    or `[x-label-case]` when the user's own parameters come first); at one position the longest label wins.
    A label in any script is found in its escaped id form too."""
    params = node_id[node_id.find("[") :] if "[" in node_id else ""
    pattern, forms = _label_pattern(tuple(labels))
    match = pattern.search(params)
    return forms[match.group(1)] if match else None


def group_by_model(ids: Sequence[str], models: Sequence[ModelSpec]) -> dict[str, list[str]]:
    """Each needed model's test ids, models in the order their first test comes."""
    labels = [m.label for m in models]
    grouped: dict[str, list[str]] = {}
    for node_id in ids:
        label = model_of(node_id, labels)
        if label is not None:
            grouped.setdefault(label, []).append(node_id)
    return grouped


def contiguous(ids: Sequence[str], labels: Sequence[str]) -> bool:
    """Whether each model's tests form one run in the collection order (tests of no model ignored)."""
    seen: list[str] = []
    for node_id in ids:
        label = model_of(node_id, labels)
        if label is None or (seen and seen[-1] == label):
            continue
        if label in seen:
            return False
        seen.append(label)
    return True


class RequestWatcher:
    """--llm-cache: a controller thread that notices workers' requests for on-demand servers and calls `wake`
    (which hands the work to the main thread). It never starts a server itself: a server dies with the thread
    that forked it (PR_SET_PDEATHSIG), and this thread ends with the session."""

    def __init__(self, folder: Path, wake: Callable[[], None], poll_s: float = 0.1) -> None:
        self.folder = folder
        self.wake = wake
        self.poll_s = poll_s
        self._seen: set[str] = set()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="llmeval-server-requests", daemon=True)

    def start(self) -> RequestWatcher:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(5)

    def _watch(self) -> None:
        while not self._stop.wait(self.poll_s):
            try:
                names = {name for name in os.listdir(self.folder) if name.endswith(".json")}
            except OSError:  # no request yet
                continue
            if names - self._seen:
                self._seen |= names
                self.wake()


def read_requests(folder: Path) -> list[str]:
    """The models the workers have asked a server for (request files that cannot be read are skipped)."""
    labels = []
    try:
        paths = sorted(folder.glob("*.json"))
    except OSError:
        return []
    for path in paths:
        try:
            labels.append(str(json.loads(path.read_text(encoding="utf-8"))["model"]))
        except (OSError, ValueError, KeyError, TypeError):
            continue
    return labels


class XdistController:
    """Registered on the controller only when pytest-xdist is installed; idle in a run without workers."""

    def __init__(
        self,
        pool: Pool,
        models: Sequence[ModelSpec],
        state_dir: Path,
        policy: str = "one-at-a-time",
        dist: str = "load",
        progress: Callable[[str], None] = lambda _message: None,
        maxfail: int = 0,
        on_demand: bool = False,
    ) -> None:
        self.pool = pool
        self.models = {m.label: m for m in models}
        self.state_path = state_dir / STATE_FILE  # the session gives a private temp folder: never an artifact
        self.state_path.unlink(missing_ok=True)  # never hand workers a previous run's servers
        self.requests_dir = requests_dir(self.state_path)
        shutil.rmtree(self.requests_dir, ignore_errors=True)  # nor serve a previous run's requests
        self.policy = policy
        self.dist = dist
        self.progress = progress
        self.together = policy == "together"
        self._collected = False
        self._remaining: dict[str, set[str]] = {}  # model -> its tests not finished yet, in collection order
        self._state: dict[str, dict[str, Any]] = {}
        self.maxfail = maxfail  # -x / --maxfail: when reached, workers waiting for a server stop waiting
        self._failures = 0
        self._stopping: str | None = None
        self.on_demand = on_demand  # --llm-cache: a model's server starts at a worker's first cache miss
        self._requested: list[str] = []  # on demand: models asked for and not started yet, in request order
        self._watcher: RequestWatcher | None = None

    # -- xdist hooks ------------------------------------------------------------------------
    def pytest_sessionstart(self, session: Any) -> None:
        if not self.on_demand:
            return
        dsession = session.config.pluginmanager.getplugin("dsession")  # None in a run without workers
        put = getattr(getattr(dsession, "queue", None), "put", None)
        if dsession is None or not callable(put):
            self.on_demand = False  # an xdist without the event queue: servers start up front, as without the cache
            if dsession is not None:
                self.progress("--llm-cache: this pytest-xdist cannot wake the controller; servers start up front")
            return
        # xdist's controller loop calls `worker_<event>` for each event on its queue, in the main thread
        setattr(dsession, f"worker_{WAKE_EVENT}", lambda **_kwargs: self.serve_requests())
        self._watcher = RequestWatcher(self.requests_dir, lambda: put((WAKE_EVENT, {}))).start()

    def pytest_sessionfinish(self, session: Any, exitstatus: int) -> None:
        if self._watcher is not None:
            self._watcher.stop()
            self._watcher = None
        shutil.rmtree(self.requests_dir, ignore_errors=True)  # served or not, nothing reads them after the run
        # the workers have ended: the servers' URLs (credentials written in one included) stay nowhere on disk
        self.state_path.unlink(missing_ok=True)  # its folder is the session's, removed when pytest unconfigures

    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput[STATE_KEY] = str(self.state_path)
        node.workerinput[CONTROLLER_PID_KEY] = os.getpid()

    def pytest_xdist_node_collection_finished(self, node: Any, ids: Sequence[str]) -> None:
        if self._collected:
            return
        self._collected = True
        grouped = group_by_model(ids, list(self.models.values()))
        self._remaining = {label: set(node_ids) for label, node_ids in grouped.items()}
        if not self.together and len(grouped) > 1:
            reason = self._side_by_side_reason(ids)
            if reason:
                self.together = True
                self.progress(f"servers side by side: {reason}")
        if self.on_demand:  # no server yet: each starts at its model's first cache miss
            self._state.update({label: {"on_demand": True} for label in grouped})
            self._publish()
            return
        self._publish()
        for label in grouped if self.together else list(grouped)[:1]:
            self._start(label)

    def pytest_runtest_logfinish(self, nodeid: str, location: Any) -> None:
        self._finished(nodeid)

    def pytest_runtest_logreport(self, report: Any) -> None:
        if report.when == "???":  # xdist's report for the test a crashed worker was running: no logfinish
            self._finished(report.nodeid)
        if getattr(report, "failed", False) and report.when in ("setup", "call", "???"):
            self._failures += 1
            if self.maxfail and self._failures >= self.maxfail and self._stopping is None:
                # xdist stops scheduling; a worker already waiting for the next model's server must not wait on
                self._stopping = f"stopping after {self._failures} failure(s) (-x/--maxfail)"
                self._publish()

    def pytest_testnodedown(self, node: Any, error: object) -> None:
        if error and not self.together and self._remaining:  # xdist puts the crashed worker's tests back
            self.together = True  # out of order: start every model that still has tests, so no worker waits
            if self.on_demand:  # ... that a worker asks for
                self.progress("a worker crashed: the remaining models' servers start side by side, on demand")
                self._start_requested()
                return
            self.progress("a worker crashed: the remaining models' servers start side by side")
            for label, remaining in self._remaining.items():
                if remaining and label not in self._state:
                    self._start(label)

    # -- on demand (--llm-cache) --------------------------------------------------------------
    def serve_requests(self) -> None:
        """In the main thread: take the workers' new requests and start the servers that may start now."""
        for label in read_requests(self.requests_dir):
            if label in self._state and self._state[label].get("on_demand") and label not in self._requested:
                self._requested.append(label)
        self._start_requested()

    def _current(self) -> str | None:
        """One at a time: the first model in collection order with tests left - the only one that may be up."""
        return next((label for label, remaining in self._remaining.items() if remaining), None)

    def _start_requested(self) -> None:
        if self._stopping is not None:  # -x / --maxfail: the waiting workers give up; nothing more starts
            return
        for label in list(self._requested):
            if self.together or label == self._current():
                self._requested.remove(label)
                self._start(label)

    # -- switching --------------------------------------------------------------------------
    def _side_by_side_reason(self, ids: Sequence[str]) -> str | None:
        if self.dist not in ORDERED_DISTS:
            return f"--dist {self.dist} does not run each worker's tests in collection order"
        if not contiguous(ids, list(self.models)):
            return "a model's tests are not contiguous in the collection order"
        return None

    def _finished(self, nodeid: str) -> None:
        for label, remaining in self._remaining.items():
            if nodeid in remaining:
                remaining.discard(nodeid)
                if not remaining:
                    self._model_done(label)
                return

    def _model_done(self, label: str) -> None:
        if self.together:  # side by side: every server stays up until the session ends
            return
        self.pool.release(label)  # nothing to stop for a model whose answers all came from the cache
        self._state[label] = {"stopped": True}
        self._publish()
        if self.on_demand:  # the next model's server starts if (when) a worker asks for it
            self._start_requested()
            return
        following = [m for m, remaining in self._remaining.items() if remaining and m not in self._state]
        if following:
            self._start(following[0])

    def _start(self, label: str) -> None:
        try:
            self._state[label] = {"starting_since": time.time()}
            self._publish()
            endpoint = self.pool.acquire(self.models[label])
            self._state[label] = {
                "base_url": endpoint.base_url,
                "model": endpoint.model,
                "api_key_env": endpoint.api_key_env,
                "urls": list(endpoint.urls),  # an endpoint fleet: every replica (each worker balances its own)
                "pid": self.pool.pid(label),
                "log": self.pool.log_path(label),
            }
        except Exception as exc:  # reported to every worker that needs this model
            self._state[label] = {"error": str(exc)}
        self._publish()  # a failed start: its tests still finish (each records the launch error), then the next

    def _publish(self) -> None:
        # "_run": what every worker may wait for (the models with tests, by their label) and whether the run stops
        run = {"planned": list(self._remaining), "stopping": self._stopping}
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.state_path, json.dumps({RUN_KEY: run, **self._state}, ensure_ascii=False, indent=2))
        self.state_path.chmod(0o600)  # the workers run as this user; a URL may carry credentials


class WorkerEndpoints:
    """A worker's stand-in for ServerPool: endpoints come from the controller's state file.

    A model whose server is not up yet (the previous model's tests are still running on other workers)
    is waited for as long as the controller lives; a server that has died is seen by its pid. A model the
    controller serves on demand (--llm-cache) is asked for first: `acquire` is only called on a cache miss."""

    def __init__(
        self,
        state_path: Path,
        controller_pid: int | None = None,
        poll_s: float = 0.2,
        startup_timeout_s: float = 900.0,
        unknown_wait_s: float = 30.0,
    ) -> None:
        self.state_path = state_path
        self.controller_pid = controller_pid
        self.poll_s = poll_s
        self.startup_timeout_s = startup_timeout_s
        self.unknown_wait_s = unknown_wait_s
        self._entries: dict[str, dict[str, Any]] = {}

    def _read(self) -> dict[str, Any]:
        try:
            return json.loads(self.state_path.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
        except FileNotFoundError:
            return {}

    def _controller_alive(self) -> bool:
        if self.controller_pid is None:
            return True
        try:
            os.kill(self.controller_pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True

    def acquire(self, spec: ModelSpec) -> Endpoint:
        """Wait for the controller to publish the model's endpoint, with deadlines: a model the controller
        does not plan to serve fails after `unknown_wait_s`, a server being started after the start-up
        timeout (+ grace), and the wait ends at once when the run stops (-x) or the controller is gone."""
        began = time.monotonic()
        asked = False
        while True:
            state = self._read()
            run = state.get(RUN_KEY) or {}
            entry = state.get(spec.label)
            if entry is not None and "starting_since" not in entry and not entry.get("on_demand"):
                break
            if entry is not None and entry.get("on_demand") and not asked:  # --llm-cache: this worker missed
                self._ask(spec.label)
                asked = True
            if run.get("stopping"):
                raise RunStopping(f"not waiting for the server of '{spec.label}': the run is {run['stopping']}")
            if not self._controller_alive():
                raise ServerStartError(f"the xdist controller (pid {self.controller_pid}) is gone")
            starting_since = (entry or {}).get("starting_since")
            if starting_since is not None and time.time() - starting_since > self.startup_timeout_s + START_GRACE_S:
                raise ServerStartError(
                    f"the server of model '{spec.label}' has been starting for more than "
                    f"{self.startup_timeout_s + START_GRACE_S:.0f} s (start-up timeout + grace); see its log"
                )
            planned = run.get("planned")
            if planned is not None and spec.label not in planned and time.monotonic() - began > self.unknown_wait_s:
                raise ServerStartError(
                    f"the xdist controller serves no model '{spec.label}' (it planned {planned}): its tests were "
                    "not recognised in the collected test ids. Fix: report this with the test ids; meanwhile run "
                    "with --llm-servers=together"
                )
            time.sleep(self.poll_s)
        if "error" in entry:
            raise ServerStartError(entry["error"])
        if entry.get("stopped"):
            raise ServerStartError(f"the server of model '{spec.label}' was already stopped by the xdist controller")
        self._entries[spec.label] = entry
        return Endpoint(entry["base_url"], entry["model"], entry.get("api_key_env"), tuple(entry.get("urls") or ()))

    def _ask(self, label: str) -> None:
        """Ask the controller to start an on-demand model's server (workers that ask too rewrite the same file)."""
        path = request_file(self.state_path, label)
        path.parent.mkdir(parents=True, exist_ok=True)
        worker = os.environ.get("PYTEST_XDIST_WORKER")
        atomic_write(path, json.dumps({"model": label, "worker": worker, "at": time.time()}, ensure_ascii=False))

    def release(self, label: str) -> None:
        self._entries.pop(label, None)

    def release_all(self) -> None:
        self._entries.clear()

    def pid(self, label: str) -> int | None:
        return None  # the controller owns the process (and samples its memory)

    def model_path(self, label: str) -> str | None:
        return None

    def exit_code(self, label: str) -> int | None:
        return None  # only the controller, the server's parent, can read it; it records it when it stops the server

    def dead(self, label: str, wait_s: float = 0.0) -> bool:
        """The server's process is gone or a zombie (exited, not yet reaped by the controller); with `wait_s`,
        polls that long for it."""
        import psutil

        from .serving.pool import wait_until

        pid = self._entries.get(label, {}).get("pid")
        if pid is None:
            return False

        def gone() -> bool:
            try:
                return bool(psutil.Process(pid).status() == psutil.STATUS_ZOMBIE)
            except psutil.NoSuchProcess:
                return True

        return wait_until(gone, wait_s)

    def log_tail(self, label: str, lines: int = 20) -> str | None:
        path = self._entries.get(label, {}).get("log")
        return log_tail(Path(path), lines) if path else None
