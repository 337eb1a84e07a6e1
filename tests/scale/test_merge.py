"""Two shards plus `merge` equal a single run case for case and in every aggregate; merge refuses what does
not belong together and names it; --llm-shard auto inside pytest reads the job-array variables."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.results.merge import MergeError, merge_documents
from pytest_llmeval.results.recorder import case_key
from pytest_llmeval.results.render import render_markdown
from pytest_llmeval.testing.openai_fake import FakeServer

N_CASES = 12
POINTS = ["甲项", "乙项", "丙项", "丁项", "戊项"]
# what a second run of the same answers measures differently
MEASURED = {"ttft_s", "ttfat_s", "e2e_s", "tpot_s", "decode_tok_s", "finished_at", "generation_ms", "retrieval_ms"}


def scenario_yaml() -> str:
    lines = ["suite: shard", "cases:"]
    for i in range(N_CASES):
        lines += [f"  - id: q{i:02d}", "    category: c" + str(i % 3), f"    question: 第{i:02d}题：列出全部要点。"]
        lines += [f"    key_points: [{', '.join(POINTS)}]"]
    return "\n".join(lines) + "\n"


def answer(request: dict) -> str:
    """Case i, model m: a fixed share of the points, so scores and pass rates vary by case and model."""
    case = int(request["messages"][-1]["content"][1:3])
    shift = 1 if request["model"] == "m2" else 0
    return "答：" + "、".join(POINTS[: (case + shift) % 6]) + "。"


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """A single run and shards 1/2 and 2/2 of the same suite (two models, two samples), then the merge."""
    pytester_dir = tmp_path_factory.mktemp("shards")
    (pytester_dir / "scenarios").mkdir()
    (pytester_dir / "scenarios" / "shard.yaml").write_text(scenario_yaml(), encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    (pytester_dir / "test_scenarios.py").write_text(
        (root / "scenarios" / "test_scenarios.py").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (pytester_dir / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    out: dict[str, object] = {"dir": pytester_dir}
    with FakeServer(answers=answer) as fake:
        base = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--llm-base-url", fake.base_url]
        base += ["--llm-model", "m1", "--llm-model", "m2", "--llm-repeat", "2", "--llm-max-tokens", "64"]
        for name, extra in (("single", []), ("s1", ["--llm-shard", "1/2"]), ("s2", ["--llm-shard", "2/2"])):
            proc = subprocess.run(
                [*base, *extra, f"--llm-report-dir={name}", f"--llm-runs-dir={name}-runs"],
                cwd=pytester_dir,
                capture_output=True,
                text=True,
            )
            out[name + "_stdout"] = proc.stdout
            out[name] = json.loads((pytester_dir / name / "results.json").read_text(encoding="utf-8"))
    merge = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "merge", "s1", "s2/results.json", "-o", "merged"],
        cwd=pytester_dir,
        capture_output=True,
        text=True,
    )
    assert merge.returncode == 0, merge.stderr
    out["merge_stdout"] = merge.stdout
    out["merged"] = json.loads((pytester_dir / "merged" / "results.json").read_text(encoding="utf-8"))
    return out


def without(record: dict, fields: set[str]) -> dict:
    return {k: v for k, v in record.items() if k not in fields}


def test_shards_split_the_cases_whole_and_report_the_rest_deselected(runs):
    single, s1, s2 = runs["single"], runs["s1"], runs["s2"]
    ids1 = {c["scenario_id"] for c in s1["cases"]}
    ids2 = {c["scenario_id"] for c in s2["cases"]}
    assert ids1 and ids2 and not ids1 & ids2
    assert ids1 | ids2 == {c["scenario_id"] for c in single["cases"]}
    for doc in (s1, s2):  # every model and sample of a shard's case is in that shard
        assert len(doc["cases"]) == 2 * 2 * len({c["scenario_id"] for c in doc["cases"]})
    assert s1["run"]["shard"]["index"] == 1 and s2["run"]["shard"]["count"] == 2
    assert s1["run"]["shard"]["suite_cases"] == [f"q{i:02d}" for i in range(N_CASES)]
    tests_in_s2 = 2 * len(ids2)  # one test per (model, case); samples run inside it
    assert f"{tests_in_s2} deselected" in runs["s1_stdout"]


def test_merge_equals_the_single_run_case_for_case(runs):
    single, merged = runs["single"], runs["merged"]
    assert [case_key(c) for c in merged["cases"]] == [case_key(c) for c in single["cases"]]
    for ours, theirs in zip(merged["cases"], single["cases"]):
        assert without(ours, MEASURED) == without(theirs, MEASURED)
    assert merged["run"]["status"] == single["run"]["status"]
    assert [m["index"] for m in merged["run"]["merged_from"]] == [1, 2]
    assert "shard" not in merged["run"]
    assert "merged 48 case record(s) of shards 1/2, 2/2" in runs["merge_stdout"]


def test_merge_of_the_same_answers_equals_the_single_run_in_every_aggregate_and_report(runs, tmp_path):
    """Speed is measured anew by every run; given the single run's measurements for the same answers, the
    merged aggregates (intervals included) and the report tables are the single run's exactly."""
    single = runs["single"]
    by_key = {case_key(c): c for c in single["cases"]}
    shards = []
    for name in ("s1", "s2"):
        doc = copy.deepcopy(runs[name])
        doc["cases"] = [{**c, **{f: by_key[case_key(c)].get(f) for f in MEASURED}} for c in doc["cases"]]
        shards.append((name, doc))
    merged = merge_documents(shards)
    assert merged["aggregates"] == single["aggregates"]
    assert merged["aggregates"]["models"][0]["intervals"]["mean_score"]["low"] is not None

    def sections(doc: dict) -> dict[str, str]:  # the report's sections but the run's own launches
        parts = render_markdown(doc).split("\n## ")[1:]
        return {p.split("\n", 1)[0]: p for p in parts if not p.startswith("Server launches")}

    assert sections(merged) == sections(single)
    assert "Models compared" in sections(merged)


def test_the_gate_runs_on_the_merged_run(runs):
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "compare", "single/results.json", "merged/results.json"]
        + ["--fail", "score:5,pass_rate:10"],
        cwd=runs["dir"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (runs["dir"] / "merged" / "report.md").is_file()


def test_merge_refuses_different_settings_suites_sources_and_names_the_field(runs):
    s1, s2 = runs["s1"], runs["s2"]
    other = copy.deepcopy(s2)
    other["run"]["settings"]["max_tokens"] = 999
    with pytest.raises(MergeError, match=r"run\.settings\.max_tokens is 999 against 64"):
        merge_documents([("a", s1), ("b", other)])
    other = copy.deepcopy(s2)
    other["run"]["model_sources"]["m2"] = "/models/other"
    with pytest.raises(MergeError, match=r"run\.model_sources"):
        merge_documents([("a", s1), ("b", other)])
    other = copy.deepcopy(s2)
    other["run"]["shard"]["suite_fingerprint"] = "0" * 16
    with pytest.raises(MergeError, match="different suite"):
        merge_documents([("a", s1), ("b", other)])
    with pytest.raises(MergeError, match="not a shard run"):
        merge_documents([("a", s1), ("single", runs["single"])])


def test_merge_names_missing_and_duplicated_cases(runs):
    s1, s2 = runs["s1"], runs["s2"]
    with pytest.raises(MergeError, match=r"shard\(s\) 2/2 not given"):
        merge_documents([("a", s1)])
    with pytest.raises(MergeError, match="both shard 1/2"):
        merge_documents([("a", s1), ("b", copy.deepcopy(s1))])
    cut = copy.deepcopy(s2)
    lost = cut["cases"].pop()
    with pytest.raises(MergeError, match=f"1 case\\(s\\) .* no record: {lost['model']}/norag/{lost['scenario_id']}#"):
        merge_documents([("a", s1), ("b", cut)])
    merged = merge_documents([("a", s1), ("b", cut)], allow_missing=True)
    assert merged["run"]["status"] == "degraded"
    assert merged["run"]["merge_missing"]["cases"] == [list(case_key(lost))]
    twice = copy.deepcopy(s2)
    twice["cases"].append(copy.deepcopy(s1["cases"][0]))
    with pytest.raises(MergeError, match=f"more than one shard: m1/norag/{s1['cases'][0]['scenario_id']}"):
        merge_documents([("a", s1), ("b", twice)])


def test_merge_command_names_the_problem_without_a_traceback(runs):
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "merge", "s1", "-o", "m1only"],
        cwd=runs["dir"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert "shard(s) 2/2 not given" in proc.stderr and "Traceback" not in proc.stderr


def test_shard_auto_inside_pytest_reads_slurm_and_kubernetes_variables(llm_project, monkeypatch):
    llm_project.scenario("shard.yaml", scenario_yaml())
    with FakeServer(answers=answer) as fake:
        args = ("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "16", "--llm-shard", "auto")
        monkeypatch.setenv("SLURM_ARRAY_TASK_ID", "5")
        monkeypatch.setenv("SLURM_ARRAY_TASK_MIN", "4")
        monkeypatch.setenv("SLURM_ARRAY_TASK_COUNT", "3")
        result = llm_project.run(*args)
        shard = llm_project.results()["run"]["shard"]
        assert (shard["index"], shard["count"], shard["source"]) == (2, 3, "SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT")
        ran = {c["scenario_id"] for c in llm_project.results()["cases"]}
        assert ran and all(Shard_owns(c, 2, 3) for c in ran)
        assert result.parseoutcomes().get("deselected") == N_CASES - len(ran)
        for name in ("SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_MIN", "SLURM_ARRAY_TASK_COUNT"):
            monkeypatch.delenv(name)
        monkeypatch.setenv("JOB_COMPLETION_INDEX", "0")
        result = llm_project.run(*args)
        assert result.ret != 0
        assert "--llm-shard-count" in result.stderr.str()
        llm_project.run(*args, "--llm-shard-count", "3")
        assert llm_project.results()["run"]["shard"]["index"] == 1


def Shard_owns(case_id: str, index: int, count: int) -> bool:  # noqa: N802
    from pytest_llmeval.sharding import Shard

    return Shard(index, count).owns(case_id)
