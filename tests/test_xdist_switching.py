"""The xdist controller's server switching, driven through its hooks with a recording pool (plain Python,
no workers, no servers): one model's server at a time, side by side where order cannot be trusted.
`tests/test_xdist_vllm.py` runs the same switching with real workers and real vLLM servers."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import SimpleNamespace

import pytest

from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.serving.models import ModelSpec, parse_model
from pytest_llmeval.serving.server import ServerStartError
from pytest_llmeval.xdist import WorkerEndpoints, XdistController, contiguous

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
    """Starts nothing; records the order of acquire and release and how many servers were up at once."""

    def __init__(self, failing: tuple[str, ...] = ()) -> None:
        self.events: list[tuple[str, str]] = []
        self.up: set[str] = set()
        self.most_up = 0
        self.failing = failing

    def acquire(self, spec: ModelSpec) -> Endpoint:
        self.events.append(("start", spec.label))
        if spec.label in self.failing:
            raise ServerStartError(f"{spec.label}: vLLM exited with code 1")
        self.up.add(spec.label)
        self.most_up = max(self.most_up, len(self.up))
        return Endpoint(f"http://127.0.0.1:1/{spec.label}/v1", spec.label)

    def release(self, label: str) -> None:
        self.events.append(("stop", label))
        self.up.discard(label)

    def pid(self, label: str) -> int | None:
        return 4242

    def log_path(self, label: str) -> str | None:
        return f"/logs/{label}.log"


def controller(tmp_path: Path, pool: RecordingPool, **kwargs: object) -> XdistController:
    return XdistController(pool, MODELS, tmp_path, **kwargs)  # type: ignore[arg-type]


def finish(ctl: XdistController, *ids: str) -> None:
    for node_id in ids:
        ctl.pytest_runtest_logfinish(nodeid=node_id, location=("t.py", 0, node_id))


def state(tmp_path: Path) -> dict:
    return json.loads((tmp_path / ".servers.json").read_text(encoding="utf-8"))


def test_one_server_at_a_time_in_collection_order(tmp_path):
    pool = RecordingPool()
    ctl = controller(tmp_path, pool)
    ctl.pytest_xdist_node_collection_finished(node=None, ids=IDS)
    ctl.pytest_xdist_node_collection_finished(node=None, ids=IDS)  # the second worker's collection
    assert pool.events == [("start", "a")]
    assert state(tmp_path)["a"]["base_url"].endswith("/a/v1") and "b" not in state(tmp_path)
    finish(ctl, IDS[0], IDS[2], IDS[3])  # b's first test finishing early does not stop a
    assert pool.events == [("start", "a")]
    finish(ctl, IDS[1])
    assert pool.events == [("start", "a"), ("stop", "a"), ("start", "b")]
    assert state(tmp_path)["a"] == {"stopped": True} and state(tmp_path)["b"]["pid"] == 4242
    finish(ctl, IDS[4])
    finish(ctl, IDS[5])
    assert pool.events[3:] == [("stop", "b"), ("start", "c"), ("stop", "c")]
    assert pool.most_up == 1


def test_a_failed_start_moves_on_when_its_tests_have_recorded_the_error(tmp_path):
    pool = RecordingPool(failing=("a",))
    ctl = controller(tmp_path, pool)
    ctl.pytest_xdist_node_collection_finished(node=None, ids=IDS)
    assert "vLLM exited with code 1" in state(tmp_path)["a"]["error"]
    finish(ctl, IDS[0], IDS[1])
    assert ("start", "b") in pool.events


def test_a_crashed_test_counts_as_finished(tmp_path):
    pool = RecordingPool()
    ctl = controller(tmp_path, pool)
    ctl.pytest_xdist_node_collection_finished(node=None, ids=IDS)
    finish(ctl, IDS[0])
    ctl.pytest_runtest_logreport(report=SimpleNamespace(when="???", nodeid=IDS[1]))
    assert pool.events[-1] == ("start", "b")


@pytest.mark.parametrize(
    ("kwargs", "ids", "why"),
    [
        ({"policy": "together"}, IDS, None),
        ({"dist": "worksteal"}, IDS, "--dist worksteal"),
        ({"dist": "each"}, IDS, "--dist each"),
        ({}, [IDS[0], IDS[3], IDS[1]], "not contiguous"),
    ],
)
def test_side_by_side_when_asked_or_when_order_cannot_be_trusted(tmp_path, kwargs, ids, why):
    pool = RecordingPool()
    said: list[str] = []
    ctl = controller(tmp_path, pool, progress=said.append, **kwargs)
    ctl.pytest_xdist_node_collection_finished(node=None, ids=ids)
    started = {label for event, label in pool.events if event == "start"}
    assert started == {label for label in "abc" if any(f"[{label}-" in i for i in ids)}
    finish(ctl, *ids)
    assert not any(event == "stop" for event, _ in pool.events)  # stopped with the session, not before
    assert (why is None and not said) or (why is not None and why in said[0])


def test_a_worker_crash_starts_the_remaining_models(tmp_path):
    pool = RecordingPool()
    ctl = controller(tmp_path, pool)
    ctl.pytest_xdist_node_collection_finished(node=None, ids=IDS)
    ctl.pytest_testnodedown(node=None, error="worker gw1 crashed")
    assert [label for event, label in pool.events if event == "start"] == ["a", "b", "c"]


def test_model_of_finds_the_label_behind_the_users_own_parameters():
    from pytest_llmeval.xdist import model_of

    labels = ["8b", "8b-fp8", "14b"]
    assert model_of("t.py::test_scenario[8b-fp8-roi]", labels) == "8b-fp8"
    assert model_of("t.py::test_x[3-14b-roi]", labels) == "14b"
    assert model_of("t.py::test_x[14b]", labels) == "14b"
    assert model_of("t.py::test_plain", labels) is None
    assert model_of("t.py::test_x[18b-roi]", labels) is None


def test_contiguous_ignores_tests_of_no_model():
    labels = ["a", "b"]
    assert contiguous(IDS, labels)
    assert not contiguous([IDS[0], IDS[3], IDS[1]], labels)


def test_worker_waits_for_the_next_model_and_sees_its_server_die(tmp_path):
    path = tmp_path / ".servers.json"
    path.write_text(json.dumps({"a": {"base_url": "http://x/a/v1", "model": "a", "pid": None}}), encoding="utf-8")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    log = tmp_path / "b.log"
    log.write_text("INFO ready\nKilled\n", encoding="utf-8")

    def publish_b() -> None:
        time.sleep(0.5)
        entry = {"base_url": "http://x/b/v1", "model": "b", "pid": sleeper.pid, "log": str(log)}
        path.write_text(json.dumps({"a": {"stopped": True}, "b": entry}), encoding="utf-8")

    threading.Thread(target=publish_b).start()
    worker = WorkerEndpoints(path, controller_pid=None, poll_s=0.05)
    started = time.monotonic()
    endpoint = worker.acquire(MODELS[1])
    assert endpoint.base_url == "http://x/b/v1" and time.monotonic() - started >= 0.4
    assert not worker.dead("b")
    sleeper.kill()
    sleeper.wait()
    assert worker.dead("b") and "Killed" in (worker.log_tail("b") or "")
    with pytest.raises(ServerStartError, match="already stopped"):
        worker.acquire(MODELS[0])


def test_worker_stops_waiting_when_the_controller_is_gone(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    worker = WorkerEndpoints(tmp_path / ".servers.json", controller_pid=gone.pid, poll_s=0.05)
    with pytest.raises(ServerStartError, match="controller"):
        worker.acquire(MODELS[0])
