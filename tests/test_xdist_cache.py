"""`-n N` with `--llm-cache`: a model's server starts only when a worker misses the cache for it.

The controller's on-demand switching is driven through its hooks with a recording pool (no workers, no
servers); the runs use real xdist workers and a fake vLLM (a `python` whose API server module is the
project's fake OpenAI server, logging each start and each question), so a launch is a real process the
controller forks and stops."""

from __future__ import annotations

import json
import queue
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest

from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.serving.models import ModelSpec, parse_model
from pytest_llmeval.serving.server import ServerStartError
from pytest_llmeval.xdist import WAKE_EVENT, WorkerEndpoints, XdistController, request_file

MODELS = [parse_model("a=/m/a"), parse_model("b=/m/b"), parse_model("c=/m/c")]
IDS = [
    "t.py::test_scenario[a-one]",
    "t.py::test_scenario[a-two]",
    "t.py::test_plain",
    "t.py::test_scenario[b-one]",
    "t.py::test_scenario[b-two]",
    "t.py::test_scenario[c-one]",
]


class RecordingPool:
    """Starts nothing; records acquire and release and how many servers were up at once."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str]] = []
        self.up: set[str] = set()
        self.most_up = 0

    def acquire(self, spec: ModelSpec) -> Endpoint:
        self.events.append(("start", spec.label))
        self.up.add(spec.label)
        self.most_up = max(self.most_up, len(self.up))
        return Endpoint(f"http://127.0.0.1:1/{spec.label}/v1", spec.label)

    def release(self, label: str) -> None:
        self.up.discard(label)

    def pid(self, label: str) -> int | None:
        return None

    def log_path(self, label: str) -> str | None:
        return None

    def started(self) -> list[str]:
        return [label for event, label in self.events if event == "start"]


def on_demand(tmp_path: Path, pool: RecordingPool, **kwargs: object) -> XdistController:
    ctl = XdistController(pool, MODELS, tmp_path, on_demand=True, **kwargs)  # type: ignore[arg-type]
    ctl.pytest_xdist_node_collection_finished(node=None, ids=IDS)
    return ctl


def ask(tmp_path: Path, label: str) -> None:
    """What a worker's `acquire` writes on a cache miss."""
    WorkerEndpoints(tmp_path / ".servers.json")._ask(label)


def finish(ctl: XdistController, *ids: str) -> None:
    for node_id in ids:
        ctl.pytest_runtest_logfinish(nodeid=node_id, location=("t.py", 0, node_id))


def state(tmp_path: Path) -> dict:
    return json.loads((tmp_path / ".servers.json").read_text(encoding="utf-8"))


def test_no_server_starts_up_front_and_models_without_a_miss_never_start(tmp_path):
    pool = RecordingPool()
    ctl = on_demand(tmp_path, pool)
    assert pool.events == []
    assert all(state(tmp_path)[label] == {"on_demand": True} for label in "abc")
    finish(ctl, *IDS)  # every answer from the cache: no worker asked
    ctl.serve_requests()
    assert pool.events == []
    assert all(state(tmp_path)[label] == {"stopped": True} for label in "abc")


def test_a_requested_model_starts_in_its_turn_one_server_at_a_time(tmp_path):
    pool = RecordingPool()
    ctl = on_demand(tmp_path, pool)
    ask(tmp_path, "b")  # a worker that reached b early missed: b waits until a's tests are done
    ctl.serve_requests()
    assert pool.events == [] and state(tmp_path)["b"] == {"on_demand": True}
    ask(tmp_path, "a")
    ctl.serve_requests()
    ctl.serve_requests()  # a request already served is not served again
    assert pool.started() == ["a"] and state(tmp_path)["a"]["base_url"].endswith("/a/v1")
    finish(ctl, IDS[0], IDS[3])
    assert pool.started() == ["a"]
    finish(ctl, IDS[1])  # a done: its server stops, then the waiting request for b is served
    assert pool.started() == ["a", "b"] and state(tmp_path)["a"] == {"stopped": True}
    assert pool.up == {"b"}
    finish(ctl, IDS[4], IDS[5])  # c: all hits
    assert pool.started() == ["a", "b"] and pool.most_up == 1 and pool.up == set()


def test_a_model_whose_turn_has_come_starts_when_asked(tmp_path):
    pool = RecordingPool()
    ctl = on_demand(tmp_path, pool)
    finish(ctl, IDS[0], IDS[1])  # a: all hits; b is now the model whose server may run
    ask(tmp_path, "c")
    ask(tmp_path, "b")
    ctl.serve_requests()
    assert pool.started() == ["b"]
    finish(ctl, IDS[3], IDS[4])
    assert pool.started() == ["b", "c"] and pool.most_up == 1


def test_side_by_side_on_demand_starts_every_request_at_once(tmp_path):
    pool = RecordingPool()
    ctl = on_demand(tmp_path, pool, policy="together")
    ask(tmp_path, "c")
    ask(tmp_path, "b")
    ctl.serve_requests()
    assert sorted(pool.started()) == ["b", "c"]


def test_a_worker_crash_serves_waiting_requests_side_by_side(tmp_path):
    pool = RecordingPool()
    said: list[str] = []
    ctl = on_demand(tmp_path, pool, progress=said.append)
    ask(tmp_path, "c")
    ctl.serve_requests()
    assert pool.events == []
    ctl.pytest_testnodedown(node=None, error="worker gw1 crashed")
    assert pool.started() == ["c"] and "on demand" in said[0]


def test_nothing_starts_once_the_run_is_stopping(tmp_path):
    pool = RecordingPool()
    ctl = on_demand(tmp_path, pool, maxfail=1)
    ctl.pytest_runtest_logreport(report=SimpleNamespace(when="call", nodeid=IDS[0], failed=True))
    ask(tmp_path, "a")  # asked before the worker saw the run stop
    ctl.serve_requests()
    assert pool.events == [] and state(tmp_path)["_run"]["stopping"]


def test_the_controller_without_the_cache_still_starts_up_front(tmp_path):
    pool = RecordingPool()
    XdistController(pool, MODELS, tmp_path).pytest_xdist_node_collection_finished(node=None, ids=IDS)  # type: ignore[arg-type]
    assert pool.started() == ["a"]


def test_a_waiting_worker_wakes_the_controller_loop_and_gets_the_endpoint(tmp_path):
    """The whole path: a worker's acquire writes its request, the watcher thread puts the wake event on the
    (stand-in) xdist queue, the controller loop - here the test's main thread - dispatches it as xdist does
    (`worker_<event>`), and the server is started in that thread."""
    pool = RecordingPool()
    ctl = on_demand(tmp_path, pool)
    dsession = SimpleNamespace(queue=queue.Queue())
    session = SimpleNamespace(config=SimpleNamespace(pluginmanager=SimpleNamespace(getplugin=lambda _name: dsession)))
    ctl.pytest_sessionstart(session)
    got: list[Endpoint] = []
    worker = WorkerEndpoints(tmp_path / ".servers.json", controller_pid=None, poll_s=0.02)
    waiting = threading.Thread(target=lambda: got.append(worker.acquire(MODELS[0])))
    waiting.start()
    try:
        name, kwargs = dsession.queue.get(timeout=10)
        assert name == WAKE_EVENT
        assert request_file(tmp_path / ".servers.json", "a").exists() and pool.events == []
        forked_in: list[str] = []
        original = pool.acquire
        pool.acquire = lambda spec: forked_in.append(threading.current_thread().name) or original(spec)  # type: ignore[method-assign]
        getattr(dsession, f"worker_{name}")(**kwargs)
        waiting.join(10)
        assert got and got[0].base_url.endswith("/a/v1")
        assert forked_in == [threading.current_thread().name]  # the loop's thread, never the watcher's
    finally:
        ctl.pytest_sessionfinish(session, 0)
    assert pool.started() == ["a"]


def test_a_worker_waiting_for_an_on_demand_server_stops_when_the_controller_is_gone(tmp_path):
    path = tmp_path / ".servers.json"
    path.write_text(json.dumps({"_run": {"planned": ["a"]}, "a": {"on_demand": True}}), encoding="utf-8")
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    worker = WorkerEndpoints(path, controller_pid=gone.pid, poll_s=0.02)
    with pytest.raises(ServerStartError, match="controller"):
        worker.acquire(MODELS[0])
    assert request_file(path, "a").exists()  # it asked before it gave up


# -- runs: real workers, a fake vLLM ------------------------------------------------------------------

N_CASES = 4


def scenario_yaml() -> str:
    lines = ["suite: xdist-cache", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: c{i}",
            "    category: cache",
            f"    question: 第{i}题：法国的首都是？",
            "    key_points: [巴黎]",
        ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def fake_vllm(fake_vllm_python: tuple[str, Path], monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """(python, log): the project's fake vLLM (tests/conftest.py), answering every question with the key point."""
    monkeypatch.setenv("FAKE_VLLM_ANSWER", "答案：巴黎。")
    return fake_vllm_python


def events(log: Path) -> list[dict]:
    if not log.exists():
        return []
    return [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]


def model_dir(root: Path, name: str) -> Path:
    folder = root / name
    folder.mkdir()
    (folder / "config.json").write_text('{"architectures": ["X"]}', encoding="utf-8")
    (folder / "model.safetensors").write_bytes(name.encode() * 64)  # other weights: another identity
    return folder


def test_cached_models_start_no_server_under_xdist_and_a_miss_starts_only_its_own(llm_project, fake_vllm, tmp_path):
    python, log = fake_vllm
    llm_project.scenario("cache.yaml", scenario_yaml())
    db = tmp_path / "answers.sqlite"
    m1, m2 = model_dir(tmp_path, "m1"), model_dir(tmp_path, "m2")
    args = (
        "-n",
        "2",
        f"--llm-model=m1={m1}",
        f"--llm-model=m2={m2}",
        f"--llm-vllm-python={python}",
        f"--llm-cache-path={db}",
        "--llm-max-tokens=32",
        "-p",
        "no:cacheprovider",
    )

    def run() -> tuple[pytest.RunResult, dict, list[dict]]:
        before = len(events(log))
        result = llm_project.pytester.runpytest_subprocess(*args, timeout=300)
        assert result.ret == 0, result.stdout.str()
        return result, llm_project.results(), events(log)[before:]

    def questions(new: list[dict]) -> list[str]:
        return [e["model"] for e in new if e["event"] == "request" and "题" in e["text"]]

    # 1. fills the cache: both servers start (on the first miss), one after the other
    _, doc, new = run()
    assert [e["model"] for e in new if e["event"] == "start"] == ["m1", "m2"]
    assert sorted(questions(new)) == ["m1"] * N_CASES + ["m2"] * N_CASES
    assert [launch["model"] for launch in doc["run"]["launches"]] == ["m1", "m2"]
    m1_stop = next(e["at"] for e in new if e["event"] == "stop" and e["model"] == "m1")
    m2_start = next(e["at"] for e in new if e["event"] == "start" and e["model"] == "m2")
    assert m1_stop <= m2_start  # one server at a time
    assert not any(case.get("cached") for case in doc["cases"])

    # 2. the same run again: no server, no request, every case a hit
    second, doc, new = run()
    assert new == []  # not a start, not a request (warm-ups included)
    assert doc["run"]["launches"] == []
    assert len(doc["cases"]) == 2 * N_CASES and all(case["cached"] is True for case in doc["cases"])
    assert {case["worker"] for case in doc["cases"]} <= {"gw0", "gw1"}
    second.stdout.fnmatch_lines([f"cache:   {2 * N_CASES} of {2 * N_CASES} answer(s) from {db}*"])

    # 3. one answer of m2 is forgotten: m2's server starts once, for that one question; m1's does not
    with sqlite3.connect(db) as conn:
        (deleted,) = conn.execute("SELECT rowid FROM answers WHERE model = 'm2' ORDER BY rowid LIMIT 1").fetchone()
        conn.execute("DELETE FROM answers WHERE rowid = ?", (deleted,))
    _, doc, new = run()
    assert [e["model"] for e in new if e["event"] == "start"] == ["m2"]
    assert questions(new) == ["m2"]
    assert [launch["model"] for launch in doc["run"]["launches"]] == ["m2"]
    assert sum(not case.get("cached") for case in doc["cases"]) == 1
    assert not list(llm_project.pytester.path.rglob(".servers.requests"))  # the requests are gone with the run
