"""Shared fixtures for the project's tests.

`vllm_endpoint` starts ONE real vLLM CPU server with the embedded model for the
whole test session (the first start compiles, ~2 min; later starts reuse the
compile cache) and stops it at the end.
"""

from __future__ import annotations

import functools
import os
import stat
import sys
import sysconfig
from collections.abc import Callable, Iterator
from pathlib import Path

import _pytest.pytester as _pytester
import httpcore  # noqa: F401  (imported here, before any pytester run: see below)
import httpx  # noqa: F401
import numpy  # noqa: F401
import pandas  # noqa: F401
import pytest
import yaml  # noqa: F401  (its C loader, yaml._yaml: see below)
from hypothesis import HealthCheck, settings

from pytest_llmeval.serving.built_models import cache_root
from pytest_llmeval.serving.endpoint import Endpoint
from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.serving.pool import server_settings_for
from pytest_llmeval.serving.server import ServerSettings, VLLMServer

# The plugin imports numpy, pandas and PyYAML's C loader lazily. In-process pytester runs drop modules first
# imported inside them from sys.modules, and a C extension such as numpy cannot be imported
# twice in one process: import them here, in the outer test process, first. So too httpx and httpcore: a module
# kept from the outer process (imported at collection, e.g. pytest_llmeval.bench) catches httpcore's exception
# classes, and an inner run that imported httpcore anew raised other classes of the same name past its `except` -
# tests/scale/test_fleet.py failed after tests/bench/test_bench_urls.py was collected beside it.

# The same holds for any package that registers something once per process when imported: torch's operator
# libraries (torch.distributed._functional_collectives: "Only a single TORCH_LIBRARY can be used to register the
# namespace c10d_functional"), transformers and tokenizers that load them. A module of such a package first
# imported INSIDE an in-process run (a tokenizer the load test loads, the embedded model's converter) was dropped
# from sys.modules when the run ended, and the next import of it in this worker - tests/vision's tiny model build -
# failed (fresh-clone CI, 26th session: 2 errors, depending on which tests xdist gave the worker first). A list of
# such packages was not enough: openai 3 sends through httpx2 / httpcore2 / h11, which it did not name, and a judge
# whose server cut the body raised httpcore2.RemoteProtocolError past openai's `except` after an in-process run that
# had imported them anew (tests/faults/test_faults_round3.py, 27th session). So an in-process run keeps every module
# of the standard library and of an installed package it imported (`_installed`: by where the module, or its
# top-level package - for a submodule with no file of its own, torch._C._nn -, was loaded from); the project's and
# the test's own modules are still dropped, as pytester means them to be.
_INSTALLED_ROOTS = tuple(
    str(Path(path).resolve()) + os.sep
    for key in ("stdlib", "platstdlib", "purelib", "platlib")
    if (path := sysconfig.get_paths().get(key))
)


def _installed(name: str) -> bool:
    """Whether the module `name` (or, where it has no file, its top-level package) is the standard library's or an
    installed package's - not the project's own nor a test's, which pytester drops so the next run imports them."""
    module = sys.modules.get(name)
    file = getattr(module, "__file__", None) or getattr(sys.modules.get(name.partition(".")[0]), "__file__", None)
    return isinstance(file, str) and _installed_file(file)


@functools.cache
def _installed_file(file: str) -> bool:
    """Whether the module file `file` lies under the standard library or an installed package's folder. Cached: every
    in-process run's end asks it for each of the ~5,000 modules then imported, and resolving a path costs a system
    call per folder in it (the cache cut test_plugin_gate.py's 29 tests, 43 in-process runs, by a third)."""
    try:
        return str(Path(file).resolve()).startswith(_INSTALLED_ROOTS)
    except (OSError, RuntimeError, ValueError):
        return False


class _KeepInstalledModules(_pytester.SysModulesSnapshot):
    """pytester's sys.modules snapshot that also keeps every installed package's module imported since."""

    def __init__(self, preserve: Callable[[str], bool] | None = None) -> None:
        def keep(name: str) -> bool:
            return _installed(name) or (preserve is not None and preserve(name))

        super().__init__(preserve=keep)


_pytester.SysModulesSnapshot = _KeepInstalledModules  # type: ignore[misc]

# Property tests check what is true, not how fast: no per-example deadline (hypothesis' default, 200 ms, failed
# examples at random on a 2-core machine busy with vLLM servers, and hosts of this class differ 2.5x in speed).
settings.register_profile("llmeval", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("llmeval")

# pytester points HOME at a temporary folder; keep the converted embedded model and
# vLLM's compile cache where they are, so runs inside pytester reuse them.
os.environ.setdefault("LLMEVAL_CACHE_DIR", str(cache_root()))
os.environ.setdefault("VLLM_CACHE_ROOT", str(Path.home() / ".cache" / "vllm"))


# vLLM's CPU build runs the model in a third process (its multiprocessing executor) unless
# VLLM_ENABLE_V1_MULTIPROCESSING=0, which runs it inside the engine-core process: one vLLM import fewer, so a
# start takes ~44 s instead of ~64 s and ~45 CPU-s instead of ~65 on the 2-core machine (same answers). Tests
# whose cost is the start and whose subject is not the server's process tree use it (fixture `lean_vllm`). The
# shutdown and cleanup tests (Ctrl-C, SIGKILL of pytest) keep vLLM's default three processes, and so does the
# shared server: it decodes for many tests, and with the model in the engine process (pinned to one core
# with the engine's own loop) its answers came 2-4x slower while the other groups loaded the CPU.
LEAN_VLLM_ENV = {"VLLM_ENABLE_V1_MULTIPROCESSING": "0"}


@pytest.fixture
def lean_vllm(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vLLM servers this test starts, itself or in the runs it makes, run the model in the engine process."""
    for name, value in LEAN_VLLM_ENV.items():
        monkeypatch.setenv(name, value)


@pytest.fixture(scope="session")
def vllm_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    spec = parse_model("embedded")
    cpus = omp_binding(SHARED_SERVER_GROUP)  # the CPUs of the group whose tests use it (see below)
    env = {} if cpus is None else {"VLLM_CPU_OMP_THREADS_BIND": cpus}
    path, settings = server_settings_for(spec, ServerSettings(startup_timeout_s=600, env=env))
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
# `scripts/run-tests.sh` runs the tests with `-n 3 --dist loadgroup`. The real-server tests are the run's
# long poles: they go in three xdist groups of about equal time (measured on the 2-core machine), which
# start first, one per worker, so three of them run side by side; the ~850 other tests are handed out
# afterwards to whichever worker is free, evening out the end of the run.
# - "vllm-1": every test that uses the shared session server (so it starts once), and the tiny VLM;
# - "vllm-2": the fault tests that start and kill the embedded model's servers, and the rerank pooling server;
# - "vllm-3": the xdist run with two servers, and the launcher's own servers (Ctrl-C, error paths).
# A module with a costly module-scoped fixture is kept on one worker (a group of its own or a server group),
# so that fixture runs once. Each group's vLLM servers bind their OpenMP threads to one half of the CPUs
# (VLLM_CPU_OMP_THREADS_BIND), so the servers of groups 1 and 2 never decode on the same core.
SERVER_FIXTURES = {"vllm_endpoint", "vllm_server_log"}
SHARED_SERVER_GROUP = "vllm-1"
SERVER_MODULES = {
    "test_sizing_vllm.py": "vllm-1",
    "test_plugin_bench.py": "vllm-1",
    "test_vision_vllm.py": "vllm-1",
    "test_faults.py": "vllm-2",
    "test_bench_fault.py": "vllm-2",
    "test_rag_tiny_models.py": "vllm-2",  # module-scoped tiny models and pooling server: built once
    "test_xdist_vllm.py": "vllm-3",
    "test_launcher.py": "vllm-3",
}
# three pytest runs in a module-scoped fixture (test_merge); a whole sweep of the scorer in one (the two mutation
# sweeps: ~25 s each under load, which every worker that took one of their tests paid again); the shard runs of
# test_scale_round10 (11 s alone, 26-58 s under CI's load, paid by each of the 3 workers in the 30th and 31st
# sessions' clones) and test_scale_review (3 s)
MODULE_GROUPS = {
    "test_merge.py",
    "test_miss_mutations.py",
    "test_credit_mutations.py",
    "test_scale_round10.py",
    "test_scale_review.py",
    "test_claim_mutations.py",
    "test_mark_mutations.py",
}


def server_group(item: pytest.Item) -> str | None:
    """The xdist group of a test that starts or uses a real vLLM server, else None."""
    if item.path.name in SERVER_MODULES:
        return SERVER_MODULES[item.path.name]
    if item.get_closest_marker("vllm") or set(getattr(item, "fixturenames", ())) & SERVER_FIXTURES:
        return SHARED_SERVER_GROUP
    return None


def omp_binding(group: str | None) -> str | None:
    """The CPUs (VLLM_CPU_OMP_THREADS_BIND) for the vLLM servers of a server group: the first half of this
    process's CPUs for groups 1 and 3, the second half for group 2; None (vLLM's own choice) on one CPU,
    outside the server groups, or when the variable is already set."""
    cpus = sorted(os.sched_getaffinity(0))
    if group not in ("vllm-1", "vllm-2", "vllm-3") or len(cpus) < 2 or "VLLM_CPU_OMP_THREADS_BIND" in os.environ:
        return None
    half = len(cpus) // 2
    return ",".join(str(cpu) for cpu in (cpus[half:] if group == "vllm-2" else cpus[:half]))


@pytest.fixture(autouse=True)
def _charts_only_where_asked(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """report.html's charts (matplotlib, ~0.45 s for the three of a small run) are drawn only in a test marked
    `charts`: the test suite's in-process runs drew them for tests about something else (seven modules of such runs:
    130 -> 114 s of CPU). Where they are not drawn, report.html has no chart section (as a run with no data for one);
    runs in a child process (a subprocess, the chart process of a large run) still draw them."""
    if request.node.get_closest_marker("charts") is None:
        monkeypatch.setattr("pytest_llmeval.results.html.render_all", lambda _doc: [])


@pytest.fixture(autouse=True)
def _not_an_xdist_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    """The runs a test makes (pytester, subprocesses) are not workers of this test run's xdist: they must not
    inherit its worker variables (the plugin names a case's worker from PYTEST_XDIST_WORKER)."""
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _server_cpus(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The vLLM servers a test starts (itself, or in the runs it makes) use its server group's CPUs."""
    cpus = omp_binding(server_group(request.node))
    if cpus is not None:
        monkeypatch.setenv("VLLM_CPU_OMP_THREADS_BIND", cpus)


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Iterator[None]:
    for item in items:
        group = server_group(item) or (item.nodeid.split("::")[0] if item.path.name in MODULE_GROUPS else None)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
    yield
    _apply_xdist_groups(config, items)


def _apply_xdist_groups(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Work around pytest-xdist#1386: xdist (3.8) marks a grouped test by appending "@group" to `item._nodeid`,
    which pytest 9.2 no longer reads (node ids are structured, `item._id`), so --dist loadgroup silently
    grouped nothing. Where xdist's suffix did not take, set it on the structured id (on an xdist worker only)."""
    if not getattr(config.option, "loadgroup", False):
        return
    try:
        from _pytest.nodeid import NodeId
    except ImportError:  # pytest before 9.2: xdist's own suffix works
        return
    for item in items:
        names = {
            str(m.args[0] if m.args else m.kwargs.get("name", "default")) for m in item.iter_markers("xdist_group")
        }
        if names and "@" not in item.nodeid.rpartition("]")[2] and hasattr(item, "_id"):
            item._id = NodeId.parse(f"{item.nodeid}@{'_'.join(sorted(names))}")


# -- a fake vLLM for launch tests ------------------------------------------------------------------------
FAKE_VLLM = Path(__file__).resolve().parent / "scale" / "fake_vllm.py"


@pytest.fixture
def fake_vllm_python(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> tuple[str, Path]:
    """(python, log): the API server module runs tests/scale/fake_vllm.py, which appends its start (model, GPUs,
    arguments), stop and - with FAKE_VLLM_ANSWER - each question to the log; anything else (the launcher's
    probes of the environment) runs the real interpreter."""
    folder = tmp_path_factory.mktemp("fake-vllm")
    python = folder / "fake-python"
    python.write_text(
        "#!/bin/sh\n"
        'if [ "$1" = "-m" ] && [ "$2" = "vllm.entrypoints.openai.api_server" ]; then\n'
        f'  exec {sys.executable} {FAKE_VLLM} "$@"\n'
        "fi\n"
        f'exec {sys.executable} "$@"\n',
        encoding="utf-8",
    )
    python.chmod(python.stat().st_mode | stat.S_IEXEC)
    log = folder / "starts.jsonl"
    monkeypatch.setenv("FAKE_VLLM_LOG", str(log))
    monkeypatch.setenv("FAKE_VLLM_START_S", "1.0")
    return str(python), log
