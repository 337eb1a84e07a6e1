"""pytest-xdist support: the controller owns the servers, workers only attach.

The controller learns which models the run needs from the test ids the workers collected
(`pytest_xdist_node_collection_finished`, before any test is scheduled), starts one server per
model, and writes their endpoints to a state file whose path each worker got through
`workerinput`. Workers read it in `WorkerEndpoints.acquire`. Case results reach the controller on
the test reports (`user_properties`), so only the controller writes results.

This module does not import the session: the controller gets the pool and the models it serves.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from .results.recorder import atomic_write
from .serving.endpoint import Endpoint
from .serving.models import ModelSpec
from .serving.server import ServerStartError

STATE_KEY = "llmeval_servers_state"
STATE_FILE = ".servers.json"


class Acquirer(Protocol):
    def acquire(self, spec: ModelSpec) -> Endpoint: ...


def models_in_ids(ids: Sequence[str], models: Sequence[ModelSpec]) -> list[ModelSpec]:
    """Models whose label starts a parametrisation id (`[label-...]` or `[label]`); longest label wins."""
    labels = sorted((m.label for m in models), key=len, reverse=True)
    pattern = re.compile(r"\[(" + "|".join(re.escape(label) for label in labels) + r")(?:-|\])")
    needed = {match.group(1) for node_id in ids if (match := pattern.search(node_id))}
    return [m for m in models if m.label in needed]


class XdistController:
    """Registered on the controller only when pytest-xdist is installed."""

    def __init__(self, pool: Acquirer, models: Sequence[ModelSpec], report_dir: Path) -> None:
        self.pool = pool
        self.models = list(models)
        self.state_path = report_dir / STATE_FILE
        self.state_path.unlink(missing_ok=True)  # never hand workers a previous run's servers
        self._started = False

    def pytest_configure_node(self, node: Any) -> None:
        node.workerinput[STATE_KEY] = str(self.state_path)

    def pytest_xdist_node_collection_finished(self, node: Any, ids: Sequence[str]) -> None:
        if self._started:
            return
        self._started = True
        state: dict[str, Any] = {}
        for spec in models_in_ids(ids, self.models):
            try:
                endpoint = self.pool.acquire(spec)
                state[spec.label] = {
                    "base_url": endpoint.base_url,
                    "model": endpoint.model,
                    "api_key_env": endpoint.api_key_env,
                }
            except Exception as exc:  # reported to every worker that needs this model
                state[spec.label] = {"error": str(exc)}
        self.state_path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(self.state_path, json.dumps(state, ensure_ascii=False, indent=2))


class WorkerEndpoints:
    """A worker's stand-in for ServerPool: endpoints come from the controller's state file."""

    def __init__(self, state_path: Path, wait_s: float = 60.0) -> None:
        self.state_path = state_path
        self.wait_s = wait_s

    def acquire(self, spec: ModelSpec) -> Endpoint:
        deadline = time.time() + self.wait_s
        while not self.state_path.exists():
            if time.time() > deadline:
                raise ServerStartError(f"the xdist controller published no servers in {self.state_path}")
            time.sleep(0.2)
        state = json.loads(self.state_path.read_text(encoding="utf-8"))
        entry = state.get(spec.label)
        if entry is None:
            raise ServerStartError(f"the xdist controller started no server for model '{spec.label}'")
        if "error" in entry:
            raise ServerStartError(entry["error"])
        return Endpoint(entry["base_url"], entry["model"], entry.get("api_key_env"))

    def release(self, label: str) -> None:
        return None

    def release_all(self) -> None:
        return None

    def pid(self, label: str) -> int | None:
        return None

    def model_path(self, label: str) -> str | None:
        return None

    def exit_code(self, label: str) -> int | None:
        return None  # the controller owns the process; a worker sees a dead server as refused connections

    def log_tail(self, label: str, lines: int = 20) -> str | None:
        return None
