"""Shared fixtures for the project's tests.

`vllm_endpoint` starts ONE real vLLM CPU server with the embedded model for the
whole test session (the first start compiles, ~2 min; later starts reuse the
compile cache) and stops it at the end.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import numpy  # noqa: F401
import pandas  # noqa: F401
import pytest

from pytest_llmeval.serving.built_models import cache_root
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.serving.pool import server_settings_for
from pytest_llmeval.serving.server import ServerSettings, VLLMServer

# The plugin imports numpy and pandas lazily. In-process pytester runs drop modules first
# imported inside them from sys.modules, and a C extension such as numpy cannot be imported
# twice in one process: import them here, in the outer test process, first.

# pytester points HOME at a temporary folder; keep the converted embedded model and
# vLLM's compile cache where they are, so runs inside pytester reuse them.
os.environ.setdefault("LLMEVAL_CACHE_DIR", str(cache_root()))
os.environ.setdefault("VLLM_CACHE_ROOT", str(Path.home() / ".cache" / "vllm"))


@pytest.fixture(scope="session")
def vllm_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    spec = parse_model("embedded")
    path, settings = server_settings_for(spec, ServerSettings(startup_timeout_s=600))
    log = tmp_path_factory.mktemp("vllm") / "server.log"
    SHARED_SERVER["log"] = log
    SHARED_SERVER["model_path"] = path
    with VLLMServer(path, spec.label, settings, log) as server:
        yield server.endpoint


SHARED_SERVER: dict[str, object] = {}


@pytest.fixture(scope="session")
def vllm_server_log(vllm_endpoint: Endpoint) -> tuple[Path, str]:
    """The shared server's log file and model directory."""
    return SHARED_SERVER["log"], SHARED_SERVER["model_path"]  # type: ignore[return-value]


SMALL_SCENARIO = """\
suite: mini
cases:
  - id: echo_me
    category: echo
    question: 请重复：投资回收期为二十个月。
    key_points: [投资回收期, 二十个月]
    max_tokens: {short}
  - id: capital
    category: geography
    question: 法国的首都是哪里？请只回答城市名。
    key_points:
      - point: 巴黎
        synonyms: [Paris]
    max_tokens: {long}
"""


ROOT = Path(__file__).resolve().parents[1]
SUITE_TEST = (ROOT / "scenarios" / "test_scenarios.py").read_text(encoding="utf-8")


class LLMProject:
    """A pytester project set up like a user's: an ini file (pins the rootdir), the suite's test file,
    optional scenario files, and a reader for the results the run wrote."""

    def __init__(self, pytester: pytest.Pytester) -> None:
        self.pytester = pytester
        self.path = pytester.path
        pytester.makeini("[pytest]\n")
        pytester.makepyfile(test_scenarios=SUITE_TEST)

    def scenario(self, name: str, text: str, folder: str = "scenarios") -> Path:
        path = self.path / folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def run(self, *args: str) -> pytest.RunResult:
        return self.pytester.runpytest(*args, "-p", "no:cacheprovider")

    def results(self, report_dir: str | Path = "llmeval-report") -> dict:
        import json

        return json.loads((self.path / report_dir / "results.json").read_text(encoding="utf-8"))

    def report(self, report_dir: str | Path = "llmeval-report", name: str = "report.md") -> str:
        return (self.path / report_dir / name).read_text(encoding="utf-8")


@pytest.fixture
def llm_project(pytester: pytest.Pytester) -> LLMProject:
    """A user's project in pytester: ini, the suite test file; add scenarios with `.scenario()`."""
    return LLMProject(pytester)


@pytest.fixture
def small_scenarios(tmp_path: Path) -> Path:
    """Two tiny cases; the first is an echo trap, the second a factual question."""
    path = tmp_path / "mini.yaml"
    path.write_text(SMALL_SCENARIO.format(short=16, long=16), encoding="utf-8")
    return path


# -- parallel test run ------------------------------------------------------------------------------
# `scripts/run-tests.sh` runs the tests with `-n 2 --dist loadgroup`: every test that starts or uses a
# real vLLM server goes to ONE worker (group "vllm"), in the order pytest collected them, so the shared
# server is started once and no two CPU servers compete; every other test runs on the other worker
# meanwhile. A test is in the group when it is marked `vllm`, asks for a real-server fixture, or lives in
# a module that starts servers of its own.
SERVER_FIXTURES = {"vllm_endpoint", "vllm_server_log"}
SERVER_MODULES = {
    "test_launcher.py",
    "test_xdist_vllm.py",
    "test_faults.py",
    "test_bench_fault.py",
    "test_sizing_vllm.py",
    "test_plugin_bench.py",
}


@pytest.fixture(autouse=True)
def _not_an_xdist_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runs a test makes (pytester, subprocesses) are not workers of this test run's xdist: they must not
    inherit its worker variables (the plugin names a case's worker from PYTEST_XDIST_WORKER)."""
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.get_closest_marker("vllm") or fixtures & SERVER_FIXTURES or item.path.name in SERVER_MODULES:
            item.add_marker(pytest.mark.xdist_group("vllm"))
