"""Second review of the gate: a fix hint that did not fix, and `last` meaning a run without a case. Each test
failed before its fix."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.compare import EXIT_BROKEN
from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 4
POINTS = ["甲项", "乙项", "丙项"]
VERDICT = '{"score": 90, "reason": "covers the points"}'


def scenario_yaml() -> str:
    lines = ["suite: review2", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: q{i:02d}",
            "    category: gate",
            f"    question: 第{i:02d}题：列出全部要点。",
            f"    key_points: [{', '.join(POINTS)}]",
        ]
    return "\n".join(lines) + "\n"


def answer(request: dict) -> str:
    """Every case answered in full; the judge's requests (a fenced answer) get a passing verdict."""
    text = str(request["messages"][-1]["content"])
    if "<<<ANSWER" in text:
        return VERDICT
    return "答：" + "、".join(POINTS) + "。" if text.startswith("第") else "ok"


class Project:
    """A user's project against the fake server: pytest runs, and the package's commands in its folder."""

    def __init__(self, llm_project, fake: FakeServer) -> None:
        self.llm = llm_project
        self.path: Path = llm_project.path
        self.fake = fake
        self.judge = f"{fake.base_url}@judge-model"

    def run(self, *args: str) -> pytest.RunResult:
        return self.llm.run("--llm-base-url", self.fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "64", *args)

    def command(self, *args: str) -> subprocess.CompletedProcess[str]:
        runs = ["--runs-dir", str(self.path / ".llmeval" / "runs")]
        return subprocess.run(
            [sys.executable, "-m", "pytest_llmeval", *args, *runs], capture_output=True, text=True, cwd=self.path
        )


@pytest.fixture
def project(llm_project):
    llm_project.scenario("gate.yaml", scenario_yaml())
    with FakeServer(answers=answer) as fake:
        yield Project(llm_project, fake)


def scorer_problem(comparison: dict) -> str:
    (problem,) = [p for p in comparison["problems"] if p["kind"] == "scorer"]
    return str(problem["text"])


# -- 1. the fix hint for a baseline whose pass/fail a judge decided ------------------------------------------


def test_a_judge_asserted_baseline_names_the_fix_that_makes_the_runs_comparable(project):
    """A baseline run with --llm-judge-assert, a new run without a judge: the gate breaks (right), but the hint was
    `rescore BASELINE`, which keeps the baseline's judge assertion - followed, the gate broke again the same way.
    The hint now names what gives the new run the baseline's judge; following it gives a comparable pair."""
    judged = ("--llm-judge", project.judge, "--llm-judge-assert")
    assert project.run(*judged, "--llm-save", "base").ret == 0
    new = project.run("--llm-compare", "base", "--llm-save", "new")
    assert new.ret == EXIT_BROKEN, new.stdout.str()
    text = scorer_problem(project.llm.results()["comparison"])
    assert "pass/fail by judge judge-model" in text
    fix = f"python -m pytest_llmeval rescore NEW --llm-judge {project.judge} --llm-judge-assert"
    assert fix in text and "rescore BASELINE" not in text
    assert f"--llm-judge {project.judge} --llm-judge-assert" in text.split("Fix:")[1]  # or run it with the judge
    # following it: the new run graded by the baseline's judge is comparable with the baseline
    rescored = project.command("rescore", "new", *judged, "--save", "new-judged", "-o", "rescored")
    assert rescored.returncode == 0, rescored.stderr
    compared = project.command("compare", "base", "new-judged", "--fail", "score:5", "--json", "cmp.json")
    assert compared.returncode == 0, compared.stdout + compared.stderr
    assert not json.loads((project.path / "cmp.json").read_text(encoding="utf-8"))["mismatches"]["scorer_changed"]
    # and so is a new run asked with the baseline's judge
    assert project.run(*judged, "--llm-compare", "base").ret == 0


def test_a_judge_asserted_new_run_names_the_baseline_rescore_with_that_judge(project):
    """The other way round: the baseline graded by the keywords, the new run with --llm-judge-assert. `rescore
    BASELINE` without a judge grades it by the keywords again; the fix needs the judge and --llm-judge-assert."""
    assert project.run("--llm-save", "base").ret == 0
    judged = ("--llm-judge", project.judge, "--llm-judge-assert")
    new = project.run(*judged, "--llm-compare", "base", "--llm-save", "new")
    assert new.ret == EXIT_BROKEN, new.stdout.str()
    text = scorer_problem(project.llm.results()["comparison"])
    fix = f"python -m pytest_llmeval rescore BASELINE --llm-judge {project.judge} --llm-judge-assert"
    assert fix in text
    rescored = project.command("rescore", "base", *judged, "--save", "base-judged", "-o", "rescored")
    assert rescored.returncode == 0, rescored.stderr
    compared = project.command("compare", "base-judged", "new", "--fail", "score:5")
    assert compared.returncode == 0, compared.stdout + compared.stderr


def judged_doc(judge: str | None, spec: str | None = None) -> dict:
    """A run of one case whose pass/fail `judge` decided (None: the keywords), with the run's --llm-judge `spec`."""
    record = {
        "model": "m1",
        "mode": "norag",
        "scenario_id": "q00",
        "sample": 0,
        "answer": "答",
        "score": 100.0,
        "passed": True,
        "scorer": {"name": "keyword_coverage", "version": 13},
        "error": None,
    }
    if judge is not None:
        record |= {"assert_with": "judge", "judge": {"model": judge, "score": 90.0}}
    settings = {"judge": {"spec": spec, "api_key_env": "JUDGE_KEY", "assertion": True}} if spec else {}
    run = {"models": ["m1"], "status": "complete", "settings": settings}
    return {"schema_version": 2, "run": run, "cases": [record]}


def test_another_judge_in_the_new_run_names_the_baseline_rescore_with_the_new_runs_judge_and_no_secret():
    from pytest_llmeval.compare import compare_runs

    base = judged_doc("judge-a", "http://127.0.0.1:1/v1@judge-a")
    new = judged_doc("judge-b", "http://user:s3cret@judge.example/v1?key=s3cret@judge-b")
    text = scorer_problem(compare_runs(base, new))
    fix = (
        "`python -m pytest_llmeval rescore BASELINE --llm-judge http://judge.example/v1@judge-b "
        "--llm-judge-api-key-env JUDGE_KEY --llm-judge-assert`"
    )
    assert fix in text and "s3cret" not in text
    # a judge the run's settings do not name (an older run): its model, with the URL to fill in
    assert "rescore NEW --llm-judge URL@judge-a --llm-judge-assert" in scorer_problem(
        compare_runs(judged_doc("judge-a"), judged_doc(None))
    )


# -- 2. `last` and a saved run without a case (the load benchmark alone) ----------------------------------------

ROOT = Path(__file__).resolve().parents[1]
BENCH = ("--llm-bench", "--llm-bench-requests", "4", "--llm-bench-concurrency", "2", "--llm-bench-warmup", "0")
BENCH += ("--llm-bench-max-tokens", "4")


def bench_only(project: Project) -> Path:
    """A run of the load benchmark alone (no case), saved as the newest run; its saved file."""
    test = (ROOT / "scenarios" / "test_throughput.py").read_text(encoding="utf-8")
    project.llm.pytester.makepyfile(test_throughput=test)
    result = project.run("test_throughput.py", *BENCH, "--llm-save", "bench")
    assert result.ret == 0, result.stdout.str()
    (saved,) = sorted((project.path / ".llmeval" / "runs").glob("*_bench_*.json"))
    assert not json.loads(saved.read_text(encoding="utf-8"))["cases"]
    return saved


def test_compare_last_passes_over_a_newer_run_of_the_benchmark_alone(project):
    """`--llm-compare last` after a benchmark-only run compared the suite with a run without a case: "nothing
    comparable", exit 7, on every nightly until someone ran the suite again. `last` for a comparison is the newest
    run with a case; the run it passed over is named."""
    assert project.run("--llm-save", "suite").ret == 0
    bench_only(project)
    # the standalone commands read `last` alike: accept takes the suite run, not the benchmark
    accepted = project.command("accept", "last")
    assert accepted.returncode == 0, accepted.stderr
    assert "_suite_" in accepted.stdout
    gated = project.run("--llm-compare", "last", "--llm-compare-fail", "score:5")
    assert gated.ret == 0, gated.stdout.str()
    comparison = project.llm.results()["comparison"]
    assert "_suite_" in comparison["base"]["name"] and comparison["groups"][0]["n"] == N_CASES


def test_last_is_still_the_benchmark_run_where_a_run_without_a_case_is_read(project):
    """What shows a run (a report, `load("last")` in a notebook) reads the benchmark it just ran."""
    from pytest_llmeval.results.runs import find_run

    assert project.run("--llm-save", "suite").ret == 0
    saved = bench_only(project)
    runs = project.path / ".llmeval" / "runs"
    assert find_run("last", runs, with_cases=False).path == saved
    found = find_run("last", runs)
    assert "_suite_" in found.path.name
    assert found.note("last") == (
        "'last' is run 0001 (suite): the newer run 0002 (bench) has no case (the load benchmark alone, or a run "
        "stopped before its first case) and holds nothing to compare or grade; name a run by its number to read it "
        "anyway"
    )


def test_compare_last_with_only_runs_without_a_case_names_the_run_and_the_fix(project):
    """Only the benchmark was ever saved: the gate broke with "nothing comparable: no case ran in both runs", as if
    the cases had differed. It says the baseline has no case, which run that is, and the fix."""
    saved = bench_only(project)
    gated = project.run("--llm-compare", "last")
    assert gated.ret == EXIT_BROKEN, gated.stdout.str()
    comparison = project.llm.results()["comparison"]
    assert comparison["base"]["name"] == str(saved)
    (nothing,) = [p for p in comparison["problems"] if p["kind"] == "nothing"]
    assert "the baseline has no case record (the load benchmark alone" in nothing["text"]
    assert "Fix: compare runs that asked the suite's cases" in nothing["text"]


def test_a_comparison_with_a_baseline_without_a_case_says_so():
    """Named by its number (or an accepted baseline.json), a run without a case was "nothing comparable: no case ran
    in both runs" - as if the cases had differed."""
    from pytest_llmeval.compare import compare_runs

    empty = {"schema_version": 2, "run": {"models": ["m1"], "status": "complete", "settings": {}}, "cases": []}
    problems = compare_runs(empty, judged_doc(None))["problems"]
    (nothing,) = [p for p in problems if p["kind"] == "nothing"]
    assert "the baseline has no case record" in nothing["text"]


def test_a_name_shared_by_a_benchmark_run_is_read_like_last_and_a_number_as_named(tmp_path):
    """Without --llm-save a run is saved under its model labels: the suite's run and the benchmark's share the
    name, and `--llm-compare m1` read the benchmark. A number names one run, read as it is."""
    from pytest_llmeval.results.runs import find_run, resolve_run

    runs = tmp_path / "runs"
    runs.mkdir()
    suite, bench = runs / "0001_m1_20260101-000000.json", runs / "0002_m1_20260102-000000.json"
    suite.write_text(json.dumps(judged_doc(None)), encoding="utf-8")
    bench.write_text(json.dumps({**judged_doc(None), "cases": []}), encoding="utf-8")
    found = find_run("m1", runs)
    assert found.path == suite and "'m1' is run 0001 (m1): the newer run 0002 (m1) has no case" in str(found.note("m1"))
    assert find_run("2", runs).path == bench and find_run("2", runs).note("2") is None
    said: list[str] = []
    assert resolve_run("m1", runs, say=said.append) == suite and said == [found.note("m1")]
    suite.unlink()  # none has a case: the newest, whose reader says it has none
    assert find_run("m1", runs).path == bench and find_run("last", runs).note("last") is None
