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


def test_the_merged_run_is_not_taken_for_part_of_the_suite(runs, tmp_path):
    merged = runs["merged"]
    assert "--llm-shard" not in merged["run"]["invocation"]  # the single run the merge stands for
    assert "1/2" not in merged["run"]["invocation"]
    old = copy.deepcopy(merged)  # merged before the invocation was cleaned: accept still reads it whole
    old["run"]["invocation"] = [*merged["run"]["invocation"], "--llm-shard", "1/2"]
    (tmp_path / "old.json").write_text(json.dumps(old), encoding="utf-8")
    for source in (runs["dir"] / "merged" / "results.json", tmp_path / "old.json"):
        proc = subprocess.run(
            [sys.executable, "-m", "pytest_llmeval", "accept", str(source), "--baseline", str(tmp_path / "b.json")],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 0, proc.stderr
        assert "part of the suite" not in proc.stderr, proc.stderr
    cut = copy.deepcopy(old)  # a merge without every shard is still named as such
    cut["run"]["merge_missing"] = {"shards": ["2/2"], "cases": []}
    (tmp_path / "cut.json").write_text(json.dumps(cut), encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "accept", str(tmp_path / "cut.json"), "--baseline", "b2.json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2 and "merged without shard(s) 2/2" in proc.stderr, proc.stderr  # not a baseline


def test_merge_refuses_an_output_folder_that_is_a_shards_own(runs):
    before = (runs["dir"] / "s1" / "results.json").read_bytes()
    for given in (["s1", "s2"], ["s1/results.json", "s2"], ["s2", "s1"]):
        proc = subprocess.run(
            [sys.executable, "-m", "pytest_llmeval", "merge", *given, "-o", "./s1/"],
            cwd=runs["dir"],
            capture_output=True,
            text=True,
        )
        assert proc.returncode == 2, proc.stdout
        assert "would overwrite that shard's results.json" in proc.stderr and "Fix: name a new folder" in proc.stderr
    assert (runs["dir"] / "s1" / "results.json").read_bytes() == before  # shard 1's own record is intact


def test_merge_takes_shards_that_differ_only_in_speed_reuse_and_checkout_path(runs):
    """--llm-resume (what a cut shard is completed with), concurrency, xdist, warm-up, the cache, the GPUs, the
    server start-up timeout and a checkout at another path decide no answer: they do not block a merge."""
    s1, s2 = copy.deepcopy(runs["s1"]), copy.deepcopy(runs["s2"])
    root1, root2 = "/builds/runner-a/0/proj", "/builds/runner-b/3/proj"
    s1["run"]["shard"]["root"], s2["run"]["shard"]["root"] = root1, root2
    for doc, root in ((s1, root1), (s2, root2)):
        settings = doc["run"]["settings"]
        settings["rag"]["knowledge"] = [f"{root}/scenarios/knowledge"]
        settings["rag"]["template"] = f"{root}/rag.txt"
        settings["scenario_paths"] = [f"{root}/scenarios"]  # compared by the cases' content hashes instead
    settings = s2["run"]["settings"]
    settings.update(resume=True, concurrency=8, warmup=3, servers="together", cache="/tmp/other/cache.sqlite")
    settings["speed"] = {**settings["speed"], "xdist_workers": 2, "dist": "load"}
    settings["server"].update(cuda_visible_devices="1", startup_timeout_s=1800.0)
    merged = merge_documents([("a", s1), ("b", s2)])
    assert merged["run"]["status"] == runs["merged"]["run"]["status"]
    other = copy.deepcopy(s2)  # another knowledge folder under its root is another corpus
    other["run"]["settings"]["rag"]["knowledge"] = [f"{root2}/other-knowledge"]
    with pytest.raises(MergeError, match=r"rag\.knowledge is \['<root>/other-knowledge'\] against"):
        merge_documents([("a", s1), ("b", other)])
    other = copy.deepcopy(s2)  # a path outside the root is compared as it is
    other["run"]["settings"]["rag"]["template"] = "/shared/rag.txt"
    with pytest.raises(MergeError, match=r"rag\.template is '/shared/rag\.txt'"):
        merge_documents([("a", s1), ("b", other)])


def test_merge_refuses_shards_that_graded_the_same_ids_with_different_content(runs):
    s1, s2 = runs["s1"], runs["s2"]
    assert len(s1["run"]["shard"]["suite_hashes"]) == N_CASES
    assert s1["run"]["shard"]["suite_content_fingerprint"] == s2["run"]["shard"]["suite_content_fingerprint"]
    changed = copy.deepcopy(s2)  # shard 2 ran a later commit's scenario file: q05's key points changed
    changed["run"]["shard"]["suite_hashes"][5] = "0123456789abcdef"
    changed["run"]["shard"]["suite_content_fingerprint"] = "ffffffffffffffff"
    with pytest.raises(MergeError, match=r"shard 2/2 \(b\) .*different scenario content.*case 'q05'.*same checkout"):
        merge_documents([("a", s1), ("b", changed)])
    old = copy.deepcopy(s2)  # a shard that recorded no suite hashes: its case records are checked
    del old["run"]["shard"]["suite_hashes"]
    record = old["cases"][0]
    record["case_hash"] = "fedcba9876543210"
    with pytest.raises(MergeError, match=f"case '{record['scenario_id']}' has content hash 'fedcba9876543210'"):
        merge_documents([("a", s1), ("b", old)])


def test_an_empty_shard_writes_its_results_exits_0_and_merges(llm_project):
    """12 case ids never hash to shard 4 of 4: that shard is complete without a case (it wrote nothing and
    exited 5, so the merge could never complete)."""
    from pytest_llmeval.sharding import shard_of

    assert 4 not in {shard_of(f"q{i:02d}", 4) for i in range(N_CASES)}
    llm_project.scenario("shard.yaml", scenario_yaml())
    with FakeServer(answers=answer) as fake:
        base = ("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-max-tokens", "16")
        for k in (1, 2, 3, 4):
            result = llm_project.run(*base, "--llm-shard", f"{k}/4", f"--llm-report-dir=shard-{k}")
            assert result.ret in (0, 1), result.stdout.str()  # 1: a case failed its threshold
        assert result.ret == 0
        assert "shard 4/4 owns none of the suite's 12 case(s)" in result.stdout.str()
        empty = llm_project.results("shard-4")
        assert empty["cases"] == [] and empty["run"]["status"] == "complete"
        assert empty["run"]["shard"]["index"] == 4 and empty["run"]["shard"]["selected_cases"] == 0
        # a selection that leaves nothing, or a wrong path, is still pytest's "no tests ran"
        nothing = llm_project.run(*base, "--llm-shard", "4/4", "-k", "nomatch", "--llm-report-dir=none")
        assert nothing.ret == pytest.ExitCode.NO_TESTS_COLLECTED
        wrong = llm_project.run(*base, "--llm-shard", "4/4", "--llm-report-dir=wrong", "no_such_tests.py")
        assert wrong.ret not in (0, 1)
        assert not (llm_project.path / "none").exists() and not (llm_project.path / "wrong").exists()
        plain = llm_project.run(*base, "--llm-report-dir=plain", "-k", "nomatch")  # without --llm-shard: as before
        assert plain.ret == pytest.ExitCode.NO_TESTS_COLLECTED
        xdist = llm_project.run(*base, "--llm-shard", "4/4", "-n", "2", "--llm-report-dir=shard-4x")
        assert xdist.ret == 0, xdist.stdout.str()
        assert llm_project.results("shard-4x")["run"]["shard"]["selected_cases"] == 0
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "merge", "shard-1", "shard-2", "shard-3", "shard-4", "-o", "merged"],
        cwd=llm_project.path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    merged = json.loads((llm_project.path / "merged" / "results.json").read_text(encoding="utf-8"))
    assert merged["run"]["status"] != "degraded" and "merge_missing" not in merged["run"]
    assert len(merged["cases"]) == N_CASES
    shards = [(f"shard-{k}", llm_project.results(f"shard-{k}")) for k in (1, 2, 3)]
    assert "merge_missing" not in merge_documents(shards)["run"]  # one that owns no case may be left out
    with pytest.raises(MergeError, match=r"shard\(s\) 1/4 not given"):  # one that owns cases is still needed
        merge_documents(shards[1:] + [("shard-4", llm_project.results("shard-4"))])
