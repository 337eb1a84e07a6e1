"""Cases in flight (--llm-concurrency): what they buy on a real server, and what a case costs the plugin.

`real`: the shipped suite (scenarios/test_scenarios.py, 14 cases) against ONE real vLLM CPU server with the
embedded model - started once here, or attached with --base-url - at each concurrency (default 1, 4, 8).
Prints wall time of each pytest run, mean score, pass count, and how many answers and scores differ from
the first concurrency's run (temperature 0: any difference is the server's nondeterminism under batching;
`--repeat-first` runs the first concurrency twice to show the server's run-to-run rate at that setting).

`overhead`: the plugin's cost per case against the instant fake server (attach mode, every case passing) at
concurrency 32 for 200 / 2,000 / 10,000 cases, each size side by side with bare pytest running as many
trivial parametrised tests, with pytest's floor for the plugin's fixture shape (the same fixtures doing
nothing), with a minimal plugin (the cases read from the same YAML, a result handed to each test, a line recorded
at its report, one results file at the end - nothing asked, scored or reported: what any such plugin costs), and
with the plugin answered from a full `--llm-cache` (no request at all: what the plugin costs without its client);
wall and CPU seconds, best of 3 interleaved runs after one untimed run of each (caches written, as on a second
run; goal: within 1.5x of bare pytest).

    .venv/bin/python benchmarks/concurrency.py real [--base-url URL --model LABEL] [--max-tokens 128]
    .venv/bin/python benchmarks/concurrency.py overhead [--sizes 200 2000 10000] [--concurrency 32] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


# -- real server ----------------------------------------------------------------------------------------
def run_suite(base_url: str, model: str, concurrency: int, max_tokens: int, out: Path) -> dict[str, Any]:
    """One pytest run of the shipped suite, attached; wall seconds and the cases of its results.json."""
    report = out / f"c{concurrency}-{time.time_ns()}"
    cmd = [
        sys.executable,
        "-m",
        "pytest",
        "scenarios/test_scenarios.py",
        "-q",
        "-p",
        "no:cacheprovider",
        "--llm-base-url",
        base_url,
        "--llm-model",
        model,
        f"--llm-concurrency={concurrency}",
        f"--llm-max-tokens={max_tokens}",
        f"--llm-report-dir={report}",
        f"--llm-runs-dir={out / 'runs'}",
    ]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"pytest exited {proc.returncode}:\n{proc.stdout[-3000:]}\n{proc.stderr[-3000:]}")
    doc = json.loads((report / "results.json").read_text(encoding="utf-8"))
    cases = {c["scenario_id"]: c for c in doc["cases"]}
    return {"wall_s": wall, "cases": cases, "load": load()}


def summarise(label: str, run: dict[str, Any], first: dict[str, Any] | None) -> str:
    cases = run["cases"].values()
    scores = [c["score"] or 0.0 for c in cases]
    passed = sum(1 for c in cases if c.get("passed"))
    errors = sum(1 for c in cases if c.get("error"))
    tokens = sum(c.get("output_tokens") or 0 for c in cases)
    stopped = sum(1 for c in cases if c.get("finish_reason") == "stop")
    differ = "-"
    if first is not None:
        answers = sum(1 for k, c in run["cases"].items() if c.get("answer") != first["cases"][k].get("answer"))
        score_diff = sum(1 for k, c in run["cases"].items() if c.get("score") != first["cases"][k].get("score"))
        differ = f"{answers}/{len(scores)} answers, {score_diff} scores"
    return (
        f"{label:>12} {run['wall_s']:>8.1f} {sum(scores) / len(scores):>10.1f} {passed:>4}/{len(scores):<3}"
        f" {errors:>6} {tokens:>7} {stopped:>8}  {differ:<26} load {run['load']}"
    )


def real(args: argparse.Namespace) -> int:
    from contextlib import ExitStack

    out = Path(tempfile.mkdtemp(prefix="llmeval-concurrency-"))
    with ExitStack() as stack:
        base_url, model = args.base_url, args.model
        if base_url is None:
            from pytest_llmeval.serving.models import parse_model
            from pytest_llmeval.serving.pool import server_settings_for
            from pytest_llmeval.serving.server import ServerSettings, VLLMServer

            spec = parse_model("embedded")
            path, settings = server_settings_for(spec, ServerSettings(startup_timeout_s=1200))
            server = VLLMServer(path, spec.label, settings, out / "vllm.log", progress=print)
            start = time.perf_counter()
            stack.enter_context(server)
            print(f"server ready in {time.perf_counter() - start:.0f} s (load {load()}); log {out / 'vllm.log'}")
            base_url, model = server.base_url, spec.label
        print(f"suite: scenarios/test_scenarios.py, max_tokens {args.max_tokens}, temperature 0, model {model}")
        print(
            f"{'concurrency':>12} {'wall s':>8} {'mean score':>10} {'pass':>8} {'errors':>6} {'tokens':>7} "
            f"{'stopped':>8}  {'differs from the first run':<26}"
        )
        first: dict[str, Any] | None = None
        plan = [args.concurrency[0], *args.concurrency] if args.repeat_first else list(args.concurrency)
        for i, c in enumerate(plan):
            run = run_suite(base_url, model, c, args.max_tokens, out)
            label = f"{c} (again)" if args.repeat_first and i == 1 else str(c)
            print(summarise(label, run, first), flush=True)
            first = first or run
    return 0


# -- overhead against the instant fake server --------------------------------------------------------------
# The plugin's fixture shape (a session-scoped model parameter, a case parameter, a mode), for the floor and the
# minimal plugin below; `cases` and `ids` are the expressions the cases are parametrised with.
FIXTURE_SHAPE = """
import pytest
{head}
def pytest_generate_tests(metafunc):
    if "llm_model" in metafunc.fixturenames:
        metafunc.parametrize("llm_model", ["fake"], indirect=True, scope="session", ids=["fake"])
    if "llm_case" in metafunc.fixturenames:
        metafunc.parametrize("llm_case", {cases}, ids={ids})

@pytest.fixture(scope="session")
def llm_model(request):
    return request.param

@pytest.fixture
def llm_case(request):
    return request.param

@pytest.fixture
def llm_rag_mode(request):
    return getattr(request, "param", "norag")
{rest}"""


def floor_conftest(n: int) -> str:
    """The plugin's fixture shape with a result fixture that reads `request` and records a property, doing nothing:
    pytest's own cost for such a test."""
    rest = """
@pytest.fixture
def llm_result(request, llm_case, llm_model, llm_rag_mode):
    request.node.user_properties.append(("llmeval_result", {"case": llm_case}))
    return llm_case
"""
    return FIXTURE_SHAPE.format(
        head="", cases=f"list(range({n}))", ids=f'[f"case_{{i:05d}}" for i in range({n})]', rest=rest
    )


FLOOR_TEST = "def test_scenario(llm_result):\n    assert llm_result >= 0\n"

# The least any plugin of this kind does, asking nothing and scoring nothing: read the cases from the same YAML file
# (libyaml), parametrise over them, hand each test a result object, record a line at its report and write one
# results file at the end. What it costs over bare pytest bounds what the 1.5x goal leaves for the asking, the
# scoring and the reports.
MINIMAL_CONFTEST = FIXTURE_SHAPE.format(
    head="""import json
import yaml

CASES = yaml.load(open("scenarios/gen.yaml", encoding="utf-8").read(), Loader=yaml.CSafeLoader)["cases"]
RECORDS = []
""",
    cases="CASES",
    ids='[case["id"] for case in CASES]',
    rest="""
class Result:
    def __init__(self, case):
        self.case, self.answer, self.score, self.passed = case, "答案", 100.0, True

    def failure_message(self):
        return ""

@pytest.fixture
def llm_result(request, llm_case, llm_model, llm_rag_mode):
    result = Result(llm_case)
    record = {"case": llm_case["id"], "answer": result.answer, "score": result.score, "nodeid": request.node.nodeid}
    request.node.user_properties.append(("llmeval_result", record))
    return result

@pytest.hookimpl(tryfirst=True)
def pytest_runtest_logreport(report):
    if report.when == "call":
        for key, record in report.user_properties:
            if key == "llmeval_result":
                RECORDS.append(json.dumps({**record, "passed": report.passed}, ensure_ascii=False))

def pytest_sessionfinish(session):
    with open("results.json", "w", encoding="utf-8") as handle:
        handle.write("[\\n" + ",\\n".join(RECORDS) + "\\n]\\n")
""",
)
MINIMAL_TEST = "def test_scenario(llm_result):\n    assert llm_result.passed, llm_result.failure_message()\n"


# Where a run's time goes: a plugin (loaded with -p from the project folder, which `python -m pytest` puts on
# sys.path) that notes the wall clock when pytest is configured, when collection ends and when the tests end.
PHASES_PLUGIN = """
import json, time
import pytest

_marks = {}

@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    _marks["configured"] = time.time()

@pytest.hookimpl(trylast=True)
def pytest_collection_finish(session):
    _marks["collected"] = time.time()

@pytest.hookimpl(tryfirst=True)
def pytest_sessionfinish(session):
    _marks["tested"] = time.time()
    with open("phases.json", "w") as handle:
        json.dump(_marks, handle)
"""
PHASES = ("start", "collect", "tests", "end")


def timed_pytest(project: Path, args: list[str]) -> tuple[float, float, float, str, dict[str, float]]:
    """Wall seconds, CPU seconds (user + system), peak RSS MiB, output and the wall seconds of each phase (start
    to plugins configured, collection, the tests, the end: reports and exit) of one pytest run in a fresh process."""
    from bench_overhead import run_pytest

    (project / "llmeval_phases.py").write_text(PHASES_PLUGIN, encoding="utf-8")
    (project / "phases.json").unlink(missing_ok=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.time()
    wall, peak, out = run_pytest(project, [*args, "-p", "llmeval_phases"])
    ended = time.time()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    marks = json.loads((project / "phases.json").read_text(encoding="utf-8"))
    points = [started, marks["configured"], marks["collected"], marks["tested"], ended]
    phases = {name: b - a for name, a, b in zip(PHASES, points, points[1:])}
    return wall, cpu, peak, out, phases


def overhead(args: argparse.Namespace) -> int:
    from bench_overhead import PLAIN_TEST, SUITE_TEST, write_cases

    from pytest_llmeval.testing.openai_fake import FakeServer

    print(f"machine: {os.cpu_count()} CPUs, load {load()}; python {sys.version.split()[0]}")
    print(
        "per size, side by side: bare pytest (N trivial parametrised tests), pytest's floor for the plugin's\n"
        "fixture shape (same fixtures, no work), a minimal plugin (the cases read from the same YAML, a result\n"
        "handed to each test, a line recorded at its report, one results file; nothing asked or scored), the\n"
        "plugin against the instant fake server, and the plugin with every answer from --llm-cache (no request);\n"
        f"best of {args.runs} runs each"
    )
    print(
        f"{'cases':>7} {'bare s':>7} {'floor s':>8} {'minimal s':>10} {'min x bare':>11} {'llmeval s':>10} "
        f"{'llm ms/case':>12} {'x bare':>7} {'x floor':>8} {'cpu x bare':>11} {'RSS MiB':>8} {'cached s':>9} "
        f"{'cached x bare':>14}"
    )
    extra = [a for arg in args.pytest_args for a in arg.split()]
    phases: dict[int, dict[str, dict[str, float]]] = {}
    with FakeServer(answers=lambda request: "答案") as fake:  # every case passes: no failure report to format
        for n in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                root = Path(tmp)
                plain_dir, floor_dir, project = root / "plain", root / "floor", root / "llmeval"
                minimal_dir = root / "minimal"
                for folder in (plain_dir, floor_dir, minimal_dir, project):
                    folder.mkdir()
                    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
                (plain_dir / "test_plain.py").write_text(PLAIN_TEST.format(n=n), encoding="utf-8")
                (floor_dir / "conftest.py").write_text(floor_conftest(n), encoding="utf-8")
                (floor_dir / "test_floor.py").write_text(FLOOR_TEST, encoding="utf-8")
                (project / "scenarios").mkdir()
                write_cases(project / "scenarios" / "gen.yaml", n)
                (minimal_dir / "scenarios").mkdir()
                write_cases(minimal_dir / "scenarios" / "gen.yaml", n)
                (minimal_dir / "conftest.py").write_text(MINIMAL_CONFTEST, encoding="utf-8")
                (minimal_dir / "test_minimal.py").write_text(MINIMAL_TEST, encoding="utf-8")
                (project / "test_scenarios.py").write_text(SUITE_TEST, encoding="utf-8")
                llm_args = [
                    "test_scenarios.py",
                    "--llm-base-url",
                    fake.base_url,
                    "--llm-model",
                    "fake",
                    f"--llm-concurrency={args.concurrency}",
                    "--llm-report-dir=out",
                    *extra,
                ]
                cached_args = [*llm_args, "--llm-cache", f"--llm-cache-path={root / 'answers.sqlite'}"]
                bare, floor, minimal, llm, cached = [], [], [], [], []
                tail = ""
                # one untimed run of each first: every later run finds the bytecode and assertion-rewrite caches
                # written (a user's second run), so no run pays the first start's compile; the cached kind's
                # first run fills the answer cache, so that every timed one is answered from it
                timed_pytest(plain_dir, ["test_plain.py", "-p", "no:llmeval"])
                timed_pytest(floor_dir, ["test_floor.py", "-p", "no:llmeval"])
                timed_pytest(minimal_dir, ["test_minimal.py", "-p", "no:llmeval"])
                timed_pytest(project, llm_args)
                timed_pytest(project, cached_args)
                for _ in range(args.runs):  # interleaved, so that a burst of other work hits all three alike
                    bare.append(timed_pytest(plain_dir, ["test_plain.py", "-p", "no:llmeval"]))
                    floor.append(timed_pytest(floor_dir, ["test_floor.py", "-p", "no:llmeval"]))
                    minimal.append(timed_pytest(minimal_dir, ["test_minimal.py", "-p", "no:llmeval"]))
                    shutil.rmtree(project / "out", ignore_errors=True)
                    shutil.rmtree(project / ".llmeval", ignore_errors=True)
                    llm.append(timed_pytest(project, llm_args))
                    tail = llm[-1][3].strip().splitlines()[-1] if llm[-1][3].strip() else ""
                    shutil.rmtree(project / "out", ignore_errors=True)
                    shutil.rmtree(project / ".llmeval", ignore_errors=True)
                    cached.append(timed_pytest(project, cached_args))
                    doc = json.loads((project / "out" / "results.json").read_text(encoding="utf-8"))
                    asked = sum(1 for case in doc["cases"] if not case.get("cached"))
                    if asked:  # the row is only what it claims when no case was asked
                        raise RuntimeError(f"{asked} of {n} cases were asked, not answered from the cache")
            b_wall, f_wall, m_wall, l_wall, c_wall = (
                min(r[0] for r in runs) for runs in (bare, floor, minimal, llm, cached)
            )
            b_cpu, l_cpu = min(r[1] for r in bare), min(r[1] for r in llm)
            peak = max(r[2] for r in llm)
            print(
                f"{n:>7} {b_wall:>7.2f} {f_wall:>8.2f} {m_wall:>10.2f} {m_wall / b_wall:>11.2f} {l_wall:>10.2f} "
                f"{1000 * l_wall / n:>12.2f} "
                f"{l_wall / b_wall:>7.2f} {l_wall / f_wall:>8.2f} {l_cpu / b_cpu:>11.2f} {peak:>8.0f}"
                f" {c_wall:>9.2f} {c_wall / b_wall:>14.2f}"
                f"   ({tail}; load {load()})",
                flush=True,
            )
            phases[n] = {
                label: {p: min(r[4][p] for r in runs) for p in PHASES}
                for label, runs in (
                    ("bare", bare),
                    ("floor", floor),
                    ("minimal", minimal),
                    ("llmeval", llm),
                    ("cached", cached),
                )
            }
    print("\nwhere the time goes, wall seconds (each phase's best of the runs): start = interpreter and plugins,")
    print("collect = collection (the plugin: reading the scenario files), tests = the test loop, end = reports + exit")
    print(f"{'cases':>7} {'run':>8} " + " ".join(f"{p:>8}" for p in PHASES) + f" {'tests ms/case':>14}")
    for n, runs_of in phases.items():
        for label, times in runs_of.items():
            cells = " ".join(f"{times[p]:>8.2f}" for p in PHASES)
            print(f"{n:>7} {label:>8} {cells} {1000 * times['tests'] / n:>14.3f}")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="what", required=True)
    r = sub.add_parser("real", help="the shipped suite on a real vLLM CPU server at several concurrencies")
    r.add_argument("--base-url", help="attach to this server (default: start the embedded model once)")
    r.add_argument("--model", default="gemma-3-270m", help="served model name when attaching")
    r.add_argument("--concurrency", type=int, nargs="+", default=[1, 4, 8])
    r.add_argument("--max-tokens", type=int, default=128, help="the embedded default budget")
    r.add_argument("--repeat-first", action="store_true", help="run the first concurrency twice")
    o = sub.add_parser("overhead", help="cost per case against the instant fake server")
    o.add_argument("--sizes", type=int, nargs="+", default=[200, 2000, 10000])
    o.add_argument("--concurrency", type=int, default=32)
    o.add_argument("--runs", type=int, default=3, help="runs of each, interleaved; the best is shown")
    o.add_argument("--pytest-args", action="append", default=[], help="extra pytest arguments for the llmeval runs")
    args = parser.parse_args()
    return real(args) if args.what == "real" else overhead(args)


if __name__ == "__main__":
    sys.exit(main())
