"""The nightly gate inside pytest: saved runs, --llm-compare, --llm-compare-fail, and the standalone
`python -m pytest_llmeval compare`, against the fake OpenAI-compatible server whose answers we control.

Exit codes (docs/nightly.md): 6 = a gate rule failed (regression), 7 = the new run is broken or incomplete;
7 > 6 > 1 (a case failed) > 0, pytest's own 2-5 kept."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_REGRESSION
from pytest_llmeval.evaluation.scoring import SCORER_VERSION
from pytest_llmeval.results.schema import SCHEMA_VERSION
from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 14
POINTS = ["甲项", "乙项", "丙项", "丁项", "戊项"]


def scenario_yaml() -> str:
    lines = ["suite: gate", "cases:"]
    for i in range(N_CASES):
        lines += [
            f"  - id: q{i:02d}",
            "    category: gate",
            f"    question: 第{i:02d}题：列出全部要点。",
            f"    key_points: [{', '.join(POINTS)}]",
        ]
    return "\n".join(lines) + "\n"


class Answers:
    """Per-case answers: all five points (score 100) unless told otherwise."""

    def __init__(self) -> None:
        self.points = {i: len(POINTS) for i in range(N_CASES)}

    def __call__(self, request: dict) -> str:
        text = request["messages"][-1]["content"]
        if not text.startswith("第"):  # the warm-up request before the first case
            return "ok"
        case = int(text[1:3])
        return "答：" + "、".join(POINTS[: self.points[case]]) + "。"


@pytest.fixture
def gate_project(llm_project):
    llm_project.scenario("gate.yaml", scenario_yaml())
    answers = Answers()
    with FakeServer(answers=answers) as fake:

        def run(*args: str) -> pytest.RunResult:
            return llm_project.run(
                "--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "64", *args
            )

        llm_project.answers = answers
        llm_project.run_llm = run
        llm_project.fake = fake
        yield llm_project


def cli(project, *args: str) -> subprocess.CompletedProcess[str]:
    runs = project.path / ".llmeval" / "runs"
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", *args, "--runs-dir", str(runs)],
        capture_output=True,
        text=True,
    )


def test_saved_baseline_then_identical_run_passes_the_gate(gate_project):
    first = gate_project.run_llm("--llm-save", "baseline")
    assert first.ret == 0, first.stdout.str()
    saved = sorted((gate_project.path / ".llmeval" / "runs").glob("*.json"))
    assert [p.name.split("_")[0] for p in saved] == ["0001"] and "_baseline_" in saved[0].name
    again = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5,pass_rate:10")
    assert again.ret == 0, again.stdout.str()
    again.stdout.fnmatch_lines(["*compare: no significant change*(gate passed)*"])
    doc = gate_project.results()
    assert doc["comparison"]["exit_code"] == 0 and doc["comparison"]["groups"][0]["n"] == N_CASES
    assert "## Comparison with the baseline" in gate_project.report()


def test_worse_answers_fail_the_gate_and_name_the_cases(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    for i in range(6, 12):
        gate_project.answers.points[i] = 1  # score 20: fails
    worse = gate_project.run_llm("--llm-compare", "last", "--llm-compare-fail", "score:5")
    # 6 cases fail (pytest's 1) and the model got worse: the gate's own status 6 wins over 1
    assert worse.ret == EXIT_REGRESSION == 6
    out = worse.stdout.str()
    assert "gate FAILED" in out and "REGRESSION" in out and "pass -> fail" in out and "q11" in out
    cmp = gate_project.results()["comparison"]
    assert cmp["exit_code"] == EXIT_REGRESSION and cmp["regressions"][0]["metric"] == "score"
    # the same comparison from the command line, same exit code
    result = cli(gate_project, "1", "2", "--fail", "score:5")
    assert result.returncode == EXIT_REGRESSION and "REGRESSION" in result.stdout
    # a run against itself shows no change whatever the model does: refused, not passed
    same = cli(gate_project, "1", "1", "--fail", "score:5")
    assert same.returncode == EXIT_BROKEN and "are one run (run id" in same.stdout
    runs = gate_project.path / ".llmeval" / "runs"
    listing = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "runs", "--runs-dir", str(runs)], capture_output=True, text=True
    )
    assert listing.returncode == 0 and "0001" in listing.stdout and "0002" in listing.stdout


def test_the_runs_own_report_dir_as_baseline_is_the_previous_run_not_this_one(gate_project):
    """--llm-compare=llmeval-report (the default report dir, which this run writes too): the baseline is what the
    folder held when the run started. It used to be read at the end, after this run had overwritten it: the run
    was compared with itself and a regression passed."""
    assert gate_project.run_llm().ret == 0
    for i in range(6, 12):
        gate_project.answers.points[i] = 1
    worse = gate_project.run_llm("--llm-compare", "llmeval-report", "--llm-compare-fail", "score:5")
    assert worse.ret == EXIT_REGRESSION, worse.stdout.str()
    cmp = gate_project.results()["comparison"]
    assert cmp["regressions"][0]["base"] == 100.0 and cmp["regressions"][0]["new"] < 100.0


def test_one_case_wobble_is_reported_and_passes(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    gate_project.answers.points[3] = 4  # 80: still passes, -20 on one case
    wobble = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:1")
    assert wobble.ret == 0, wobble.stdout.str()
    assert "within noise - not failed" in wobble.stdout.str()


def test_an_all_errored_run_is_broken_inside_pytest_and_from_the_command_line(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    gate_project.fake.reply("/v1/chat/completions", {"error": {"message": "server down"}}, 500)
    broken = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    assert broken.ret == EXIT_BROKEN == 7, broken.stdout.str()
    out = broken.stdout.str()
    assert f"the new run is degraded: {N_CASES} of {N_CASES} case(s) errored" in out
    assert "gate FAILED" in out
    result = cli(gate_project, "1", "2", "--fail", "score:5")
    assert result.returncode == EXIT_BROKEN and "BROKEN: the new run is degraded" in result.stdout
    # --allow-errors lets errors through as failures with score 0, never a model with no answer at all: still broken
    allowed = cli(gate_project, "1", "2", "--fail", "score:5", "--allow-errors")
    assert allowed.returncode == EXIT_BROKEN and "allowed: the new run is degraded" in allowed.stdout
    assert "BROKEN: no measurement of m1/norag in the new run: every one of its 14 sample(s) errored" in allowed.stdout


def test_a_half_missing_run_is_broken_and_names_the_missing_cases(gate_project):
    HALF = " or ".join(f"q{i:02d}" for i in range(7))  # noqa: N806 - 7 of the 14 cases run
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    half = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5", "-k", HALF)
    assert half.ret == EXIT_BROKEN, half.stdout.str()
    assert "7 of 14 baseline case(s) missing from the new run: m1/norag/q07" in half.stdout.str()
    allowed = gate_project.run_llm(
        "--llm-compare",
        "baseline",
        "--llm-compare-fail",
        "score:5",
        "--llm-compare-allow-missing",
        "-k",
        HALF,
    )
    assert allowed.ret == 0, allowed.stdout.str()
    assert cli(gate_project, "1", "2").returncode == EXIT_BROKEN
    assert cli(gate_project, "1", "2", "--allow-missing").returncode == 0


def test_a_relabelled_run_is_broken_until_the_labels_are_paired(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    relabelled = gate_project.pytester.runpytest(
        "--llm-base-url",
        gate_project.fake.base_url,
        "--llm-model",
        "m1-fp8",
        "--llm-max-tokens",
        "64",
        "--llm-compare",
        "baseline",
        "--llm-compare-fail",
        "score:5",
        "-p",
        "no:cacheprovider",
    )
    assert relabelled.ret == EXIT_BROKEN
    relabelled.stdout.fnmatch_lines(["*model(s) of the baseline missing from the new run: m1*--pair m1=m1-fp8*"])
    paired = gate_project.pytester.runpytest(
        "--llm-base-url",
        gate_project.fake.base_url,
        "--llm-model",
        "m1-fp8",
        "--llm-max-tokens",
        "64",
        "--llm-compare",
        "baseline",
        "--llm-compare-fail",
        "score:5",
        "--llm-compare-pair",
        "m1=m1-fp8",
        "-p",
        "no:cacheprovider",
    )
    assert paired.ret == 0, paired.stdout.str()
    assert "m1 -> m1-fp8" in paired.stdout.str()
    assert cli(gate_project, "1", "2", "--fail", "score:5").returncode == EXIT_BROKEN
    result = cli(gate_project, "1", "2", "--fail", "score:5", "--pair", "m1=m1-fp8")
    assert result.returncode == 0 and "no significant change" in result.stdout


def test_seven_of_fourteen_flips_fail_pass_rate_10_four_do_not(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    for i in range(4):
        gate_project.answers.points[i] = 1  # score 20: pass -> fail
    four = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "pass_rate:10")
    assert four.ret == 1, four.stdout.str()  # 4 cases failed (pytest's 1); the gate passed
    # McNemar, conditional on the 4 discordant pairs: p = 0.675^4 = 0.208
    assert "within noise - not failed (not significant; n=14, p=0.208)" in four.stdout.str()
    for i in range(4, 7):
        gate_project.answers.points[i] = 1
    seven = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "pass_rate:10")
    assert seven.ret == EXIT_REGRESSION, seven.stdout.str()  # p = 0.6^7 = 0.028
    assert "REGRESSION: worse by more than 10 (n=14, p=0.028)" in seven.stdout.str()
    assert cli(gate_project, "1", "2", "--fail", "pass_rate:10").returncode == 0
    assert cli(gate_project, "1", "3", "--fail", "pass_rate:10").returncode == EXIT_REGRESSION


def test_two_cases_can_never_be_significant(tmp_path):
    """The n = 2 example: 50 -> 45 and 60 -> 50 with score:5, from the standalone command."""

    def results(scores):
        cases = [
            {"model": "m", "scenario_id": f"c{i}", "mode": "norag", "sample": 0, "score": s, "passed": s >= 60}
            for i, s in enumerate(scores)
        ]
        return {"schema_version": SCHEMA_VERSION, "cases": cases, "run": {"status": "complete", "models": ["m"]}}

    (tmp_path / "base.json").write_text(json.dumps(results([50.0, 60.0])), encoding="utf-8")
    (tmp_path / "new.json").write_text(json.dumps(results([45.0, 50.0])), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", "base.json", "new.json", "--fail", "score:5"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert out.returncode == 0, out.stdout + out.stderr
    assert "cannot be significant at n=2: the smallest p any outcome could give is 0.25" in out.stdout


def test_unknown_baseline_and_bad_gate_fail_at_once(gate_project):
    missing = gate_project.run_llm("--llm-compare", "nope")
    assert missing.ret == pytest.ExitCode.USAGE_ERROR
    missing.stderr.fnmatch_lines(["*--llm-compare: no saved run 'nope'*Fix:*"])
    bad = gate_project.run_llm("--llm-compare-fail", "speed:5")
    assert bad.ret == pytest.ExitCode.USAGE_ERROR
    bad.stderr.fnmatch_lines(["*--llm-compare-fail: 'speed:5': unknown metric*"])
    pair = gate_project.run_llm("--llm-compare-pair", "qwen")
    assert pair.ret == pytest.ExitCode.USAGE_ERROR
    pair.stderr.fnmatch_lines(["*--llm-compare-pair: 'qwen': use BASE_LABEL=NEW_LABEL*"])
    cli = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", "a.json", "b.json"],
        capture_output=True,
        text=True,
        cwd=gate_project.path,
    )
    assert cli.returncode == 2 and "error:" in cli.stderr and "Traceback" not in cli.stderr


def test_two_tests_reading_one_case_evaluate_and_record_it_once(gate_project):
    gate_project.pytester.makepyfile(
        test_latency="""
        def test_latency(llm_result):
            assert llm_result.e2e_s < 60
    """
    )
    result = gate_project.run_llm("-p", "no:randomly")
    result.assert_outcomes(passed=2 * N_CASES)
    doc = gate_project.results()
    assert len(doc["cases"]) == N_CASES
    (row,) = doc["aggregates"]["models"]
    assert row["cases"] == N_CASES and row["samples"] == N_CASES


def test_repeats_record_every_sample_and_cluster_the_interval(gate_project):
    result = gate_project.run_llm("--llm-repeat", "3", "-k", "q00 or q01 or q02")
    result.assert_outcomes(passed=3)
    doc = gate_project.results()
    assert sorted((c["scenario_id"], c["sample"]) for c in doc["cases"]) == [
        (f"q0{i}", s) for i in range(3) for s in range(3)
    ]
    (row,) = doc["aggregates"]["models"]
    assert (row["cases"], row["samples"]) == (3, 9)
    interval = row["intervals"]["mean_score"]
    assert interval["n"] == 3 and interval["n_samples"] == 9
    assert json.dumps(doc)  # the document stays plain JSON


def test_a_baseline_graded_by_an_older_scorer_is_graded_again_not_called_a_regression(gate_project):
    for i in range(6, 12):
        gate_project.answers.points[i] = 1  # the same answers in both runs: one point of five, score 20
    assert gate_project.run_llm("--llm-save", "baseline").ret == 1
    (saved,) = (gate_project.path / ".llmeval" / "runs").glob("*.json")
    doc = json.loads(saved.read_text(encoding="utf-8"))
    for case in doc["cases"]:  # as an older scorer would have graded them: full marks
        if 6 <= int(case["scenario_id"][1:]) < 12:
            case.update(score=100.0, passed=True, scorer={"name": "keyword_coverage", "version": 1})
    saved.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")

    again = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5,pass_rate:10")

    assert again.ret == 1, again.stdout.str()  # its cases fail as they did; no regression (6), not broken (7)
    cmp = gate_project.results()["comparison"]
    assert cmp["exit_code"] == 0 and not cmp["regressions"] and cmp["baseline_rescored"]["cases"] == 6
    assert cmp["groups"][0]["n"] == N_CASES and cmp["groups"][0]["metrics"]["score"]["estimate"] == 0.0
    assert f"keyword_coverage v1 -> keyword_coverage v{SCORER_VERSION}" in gate_project.report()
    # the command line without the scenario files cannot grade them again: left out, and the run is broken
    result = cli(gate_project, str(saved), "2", "--fail", "score:5", "--scenarios", str(gate_project.path / "none"))
    assert result.returncode == EXIT_BROKEN and "graded by another scorer in the baseline" in result.stdout


def test_key_points_edited_since_the_baseline_are_graded_on_both_sides_not_dropped(gate_project):
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    # every case now asks for a sixth point the answers never give: the same questions, other case hashes
    gate_project.scenario("gate.yaml", scenario_yaml().replace("戊项]", "戊项, 己项]"))
    again = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    cmp = gate_project.results()["comparison"]
    # both runs graded against today's six points (5 of 6 covered: 83.3): compared, no change - not "nothing
    # comparable" (exit 7), and not a fall from 100 to 83
    assert cmp["exit_code"] == 0 and cmp["groups"][0]["n"] == N_CASES, again.stdout.str()
    assert cmp["groups"][0]["metrics"]["score"]["estimate"] == 0.0
    assert cmp["baseline_rescored"]["edited_cases"] == N_CASES and not cmp["mismatches"]["changed_cases"]


def test_a_run_without_the_baselines_rag_cases_is_broken(gate_project):
    """The baseline ran --rag (both modes); a nightly run that lost --rag compared its norag cases and passed the
    gate (exit 0), without a word about the 14 RAG cases it no longer ran."""
    (gate_project.path / "kb").mkdir()
    (gate_project.path / "kb" / "a.md").write_text("甲项、乙项、丙项、丁项、戊项。\n", encoding="utf-8")
    gate_project.run_llm("--llm-save", "baseline", "--rag", "--rag-knowledge", "kb")
    norag = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5,pass_rate:10")
    assert norag.ret == EXIT_BROKEN, norag.stdout.str()
    out = norag.stdout.str()
    assert "14 of 28 baseline case(s) missing from the new run: m1/rag/q00" in out
    assert "every rag case of m1 (14): the new run has none - did it run without --rag?" in out


def test_a_score_that_is_not_a_number_breaks_the_gate_and_the_run_is_kept(gate_project, monkeypatch):
    """A custom scorer's 0/0 (NaN): the comparison dropped those cases (NaN) or crashed at the end of the session
    (inf), before the run was saved - results.json stayed the empty start-of-run file. Now the cases are scoring
    errors (exit 7), the run is saved and reported, and results.json is strict JSON (null, not NaN)."""
    gate_project.pytester.makeconftest(
        """
        import os

        def pytest_llmeval_score(case, answer, sources, mode, model):
            if not os.environ.get("EMPTY") or case.id not in ("q00", "q01", "q02"):
                return None
            from pytest_llmeval.evaluation.scoring import make_score

            return make_score(case, float(os.environ["EMPTY"]), scorer="precision", answer=answer)
        """
    )
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    for value in ("nan", "inf"):
        monkeypatch.setenv("EMPTY", value)
        result = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5")
        assert result.ret == EXIT_BROKEN, result.stdout.str()
        text = (gate_project.path / "llmeval-report" / "results.json").read_text(encoding="utf-8")
        doc = json.loads(text, parse_constant=lambda name: pytest.fail(f"bare {name} in results.json"))
        assert doc["run"]["status"] != "running" and len(doc["cases"]) == N_CASES
        cmp = doc["comparison"]
        assert cmp["exit_code"] == EXIT_BROKEN and cmp["groups"][0]["n"] == N_CASES  # none dropped
        assert "3 of 14 case(s) errored" in cmp["summary"], cmp["summary"]
    assert len(list((gate_project.path / ".llmeval" / "runs").glob("*.json"))) == 3


def test_a_comparison_that_fails_is_a_broken_gate_and_the_run_is_still_saved(gate_project, monkeypatch):
    """Any failure inside the comparison was a traceback at the end of the session (exit 1, which nightly.sh reads
    as "cases failed") and the run was neither saved nor reported. Now: exit 7 with a one-line reason."""
    import pytest_llmeval.compare

    assert gate_project.run_llm("--llm-save", "baseline").ret == 0

    def broken(*args, **kwargs):
        raise ValueError("cannot convert float NaN to integer")

    monkeypatch.setattr(pytest_llmeval.compare, "compare_runs", broken)
    result = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    assert result.ret == EXIT_BROKEN, result.stdout.str()
    result.stdout.fnmatch_lines(
        [
            "*compare: no comparison: the comparison with the baseline failed (ValueError: cannot convert float NaN "
            "to integer at *test_plugin_gate.py:*); this run is saved and reported - compare it again: python -m "
            "pytest_llmeval compare BASELINE *results.json (gate FAILED)"
        ]
    )
    assert "Traceback" not in result.stdout.str()
    doc = gate_project.results()
    assert doc["run"]["status"] == "complete" and len(doc["cases"]) == N_CASES
    assert doc["comparison"]["exit_code"] == EXIT_BROKEN and doc["comparison"]["broken"]
    assert len(list((gate_project.path / ".llmeval" / "runs").glob("*.json"))) == 2
    assert "BROKEN: the comparison with the baseline failed (ValueError" in gate_project.report()  # this run's


def test_compare_inside_one_shard_is_refused_at_the_start(gate_project):
    """--llm-compare in a shard job ran the whole shard, then failed the gate (exit 7): the other shards' cases
    were missing from it. Refused at once, with the fix: merge, then compare the merged run."""
    result = gate_project.run_llm("--llm-compare", "baseline", "--llm-shard", "2/3")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        [
            "*--llm-compare cannot gate one shard (--llm-shard 2/3)*Fix: drop --llm-compare here, merge the shards*"
            "then gate the merged run: python -m pytest_llmeval compare baseline merged/*"
        ]
    )
    assert not (gate_project.path / "llmeval-report" / "results.json").exists()


def test_the_shard_refusal_names_the_baselines_file_not_last(gate_project):
    """The fix printed `python -m pytest_llmeval compare last merged/`: every shard run is saved, so after the shards
    `last` was one of them, and the merged run against its own shard passed the gate whatever it did. The fix names
    the file the baseline resolves to now, and says not to use `last` there."""
    assert gate_project.run_llm("--llm-save", "good").ret == 0
    (saved,) = (gate_project.path / ".llmeval" / "runs").glob("*.json")
    result = gate_project.run_llm("--llm-compare", "last", "--llm-shard", "2/3")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    err = " ".join(result.stderr.lines)
    assert (
        f"then gate the merged run: python -m pytest_llmeval compare .llmeval/runs/{saved.name} merged/ (last is" in err
    )
    assert "Name the baseline's file there, not `last` or a run name: every shard run is saved" in err
    assert "compare last merged/" not in err
    assert len(list((gate_project.path / ".llmeval" / "runs").glob("*.json"))) == 1  # the shard did not run


def test_a_hook_that_raises_on_one_baseline_answer_leaves_that_case_out_and_compares_the_rest(
    gate_project, monkeypatch
):
    """The baseline is graded again with the run's pytest_llmeval_score hook: a hook that raised on one old answer
    made the whole comparison fail ("compare it again: python -m pytest_llmeval compare ...", which cannot run the
    hook). Now that case is left out, named with the exception, and the other 13 are compared."""
    gate_project.pytester.makeconftest(
        """
        import os

        POINTS = ["甲项", "乙项", "丙项", "丁项", "戊项"]

        def pytest_llmeval_score(case, answer, sources, mode, model):
            if not os.environ.get("PREC"):
                return None
            from pytest_llmeval.evaluation.scoring import make_score

            claimed = [p for p in POINTS if p in answer]
            return make_score(case, 100.0 * len(claimed) / len(claimed), scorer="precision", answer=answer)
        """
    )
    gate_project.answers.points[0] = 0  # the baseline's q00 claims nothing: the hook's 0/0
    assert gate_project.run_llm("--llm-save", "baseline").ret == 1
    gate_project.answers.points[0] = len(POINTS)
    monkeypatch.setenv("PREC", "1")
    result = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    assert result.ret == EXIT_BROKEN, result.stdout.str()
    cmp = gate_project.results()["comparison"]
    assert "error" not in cmp and cmp["groups"][0]["n"] == N_CASES - 1
    (problem,) = cmp["problems"]
    assert (
        problem["kind"] == "scorer" and "m1/norag/q00 (ZeroDivisionError: float division by zero at " in problem["text"]
    )
    assert "the comparison with the baseline failed" not in result.stdout.str()


def test_a_gated_run_that_asked_no_case_is_broken_not_passed(gate_project):
    """-x stops the run at a failing test before the first LLM case: the gate had given no verdict at all (pytest's
    exit 1, as if only that test had failed, and no results). Now every baseline case is missing: exit 7."""
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    gate_project.pytester.makepyfile(test_aaa_first="def test_first():\n    assert False\n")
    stopped = gate_project.run_llm("-x", "--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    assert stopped.ret == EXIT_BROKEN, stopped.stdout.str()
    cmp = gate_project.results()["comparison"]
    assert cmp["exit_code"] == EXIT_BROKEN and gate_project.results()["cases"] == []
    # the run is "interrupted" (a serial run pytest stopped before its selected case tests ran), as under -n
    stopped.stdout.fnmatch_lines(
        ["*compare: run broken: the new run was interrupted; model(s) of the baseline missing from the new run: m1*"]
    )
    # a run without a case is not saved: `--llm-compare last` and `accept last` still find the baseline run
    assert len(list((gate_project.path / ".llmeval" / "runs").glob("*.json"))) == 1


def test_a_night_of_empty_answers_is_said_and_breaks_the_gate(gate_project):
    """A server that answers nothing (a broken chat template): the run had read as a weak model - every case 0, status
    complete, a plain regression. Now the terminal says every answer is empty and what to check, and the gate calls
    the run broken."""
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    gate_project.fake.answers = lambda request: "   "
    empty = gate_project.run_llm("--llm-compare", "baseline", "--llm-compare-fail", "score:5")
    assert empty.ret == EXIT_BROKEN, empty.stdout.str()
    empty.stdout.fnmatch_lines(
        [f"*m1/norag: {N_CASES} of {N_CASES} answers empty - the server answered nothing the scorer could read*"]
    )
    assert f"every answer of m1/norag ({N_CASES} of {N_CASES}) in the new run is empty" in gate_project.report()


def test_a_comparison_without_rules_never_says_the_gate_passed(gate_project):
    """--llm-compare alone (no --llm-compare-fail): every case fell from 100 to 20 and the line read "(gate
    passed)". No rule looked at the differences; only a broken run can fail such a comparison, and it says so."""
    assert gate_project.run_llm("--llm-save", "baseline").ret == 0
    for i in range(N_CASES):
        gate_project.answers.points[i] = 1
    worse = gate_project.run_llm("--llm-compare", "baseline")
    assert worse.ret == 1  # the cases failed; no rule, so no gate status of its own
    out = worse.stdout.str()
    assert "gate passed" not in out and "Gate: passed" not in out
    worse.stdout.fnmatch_lines(
        ["*significantly worse, but no gate threshold passed*(gate: no rule set*only a broken run fails)"]
    )
    assert "Gate: no rule set (--llm-compare-fail; compare: --fail), only a broken run fails" in gate_project.report()


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("last", "always means the newest saved run"),
        ("1", "read as a run number"),
        ("", "has no letter or digit to name a file by"),  # had been saved as "run"
        ("__", "has no letter or digit to name a file by"),
        ("..", "has no letter or digit to name a file by"),
    ],
)
def test_a_save_name_no_comparison_could_find_is_refused(gate_project, name, why):
    """--llm-save last (or 1) was accepted and saved, but `--llm-compare last` then meant the newest run and `1` run
    number 1: the run by that name could never be compared with."""
    refused = gate_project.run_llm("--llm-save", name)
    assert refused.ret == pytest.ExitCode.USAGE_ERROR
    refused.stderr.fnmatch_lines([f"*--llm-save {name}: a run saved by this name could never be found by it*{why}*"])
    assert not (gate_project.path / ".llmeval" / "runs").exists()


def test_names_in_any_script_are_saved_and_found_by_themselves(gate_project):
    """Every name without an ASCII letter was saved as "run": `--llm-compare 白天` found the run saved as 夜间."""
    assert gate_project.run_llm("--llm-save", "夜间").ret == 0
    runs = gate_project.path / ".llmeval" / "runs"
    assert [p.name.split("_")[1] for p in runs.glob("*.json")] == ["夜间"]
    other = gate_project.run_llm("--llm-compare", "白天")
    assert other.ret == pytest.ExitCode.USAGE_ERROR and "no saved run '白天'" in other.stderr.str()
    assert gate_project.run_llm("--llm-compare", "夜间", "--llm-compare-fail", "score:5").ret == 0
