"""Round 10: shards, job arrays and merge as a cluster user meets them. What this round fixed:

- a Slurm array given as a list (`--array=3,7,9`: Slurm sets SLURM_ARRAY_TASK_MIN=3, MAX=9, COUNT=3) ran task 3
  as shard 1/3 while tasks 7 and 9 stopped "out of range": every task now refuses the list (MAX is not where
  the grid of COUNT tasks from MIN in steps of STEP ends), naming the variables, their values and the fix;
- `CI_NODE_INDEX` without `CI_NODE_TOTAL` said "no job-array variable is set" although it named CI_NODE_INDEX
  among those it looked for; it now says the total is missing and how to give it;
- a retried array task (two results of one shard) stopped the merge ("both shard 2/3"), so a glob over the
  job's folders could not merge at all: the merge keeps the attempt that ran to its end, and of those the one
  started later, says so (`note:`) and records the other in `run.merge_replaced`; the same run given twice is
  still refused;
- a Slurm task submitted again on its own (`sbatch --array=2`) with `--llm-shard-count 4` was told to set
  SLURM_ARRAY_TASK_COUNT; it is now told why its id says nothing and to pass `--llm-shard K/4`, and a merge that
  meets such a 1/1 shard says so;
- a missing shard was named without its cases: the error (and `--allow-missing`'s warnings) now name them; missing
  cases of a shard killed mid-run (status 'running') now name that shard and its status;
- a fleet lost the case in flight on a replica that was killed (SIGTERM or SIGKILL; 1 of the 3 cases in flight
  per kill with two fake replicas): the kernel still took the probe's connection on the dying process's listening
  socket, so the replica was kept and the cut stream was the case's error. An endpoint that still accepts a
  connection after a failed request is now probed again after short pauses before it is kept;
- a merge run again into its own folder (`merge shards/* -o shards/merged`, after a retried shard finished) met
  its earlier output among the shards and stopped ("not a shard run"): that earlier merge is left out with a note;
- `--llm-data-parallel-size N` (or `data_parallel_size=N`) on a model given fewer than N x TP GPUs (`@0`, `gpus=`,
  `--llm-gpus`), or under `--llm-placement auto` (which gives a server TP GPUs, sets a pinned server's TP to its
  GPU count, and does not count vLLM's engines),
  was accepted and vLLM failed minutes into its start: it is now a usage error naming the model, the GPUs it needs
  and has, and the fix (attached deployments and multi-node data parallelism are not checked);
- a fleet whose endpoints serve different models under one label was refused from the session's client fixture:
  every test errored with a full traceback and results.json said `complete` with no case; the refusal is now each
  case's launch error (the run degraded, every case naming the endpoints and the fix), as a server that does not
  start;
- `merge 'shard-*'` (a pattern the shell did not expand: quoted, or from a job script) said "shard-* does not
  exist": a pattern is expanded, and one that matches nothing is named.

It also checks what was already right, end to end against the fake server: 3 shards (fed by the Slurm variables
of `--array=0-8:4`) plus `merge`, given in any order, equal the same cases run unsharded in every score,
aggregate and comparison verdict against a baseline, with two models and `--llm-repeat 2`.
"""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.results.merge import MergeError, expand_patterns, latest_attempts, merge_documents
from pytest_llmeval.serving.client import ChatClient, LLMRequestError
from pytest_llmeval.serving.endpoint import Endpoint, public_url
from pytest_llmeval.serving.fleet import FleetClient
from pytest_llmeval.serving.models import model_server_settings, parse_model
from pytest_llmeval.serving.placement import parallel_gpus_problem
from pytest_llmeval.serving.server import ServerSettings
from pytest_llmeval.sharding import ShardError, shard_from_env, shard_of
from pytest_llmeval.testing.openai_fake import FakeServer

ROOT = Path(__file__).resolve().parents[2]
POINTS = ["alpha", "beta", "gamma", "delta"]
N_CASES = 9
# what a second run of the same answers measures differently
MEASURED = {"ttft_s", "ttfat_s", "e2e_s", "tpot_s", "decode_tok_s", "finished_at", "generation_ms", "in_flight"}


def slurm(task: int, first: int, last: int, count: int, step: int = 1) -> dict[str, str]:
    """The array variables Slurm sets in one task."""
    return {
        "SLURM_ARRAY_TASK_ID": str(task),
        "SLURM_ARRAY_TASK_MIN": str(first),
        "SLURM_ARRAY_TASK_MAX": str(last),
        "SLURM_ARRAY_TASK_COUNT": str(count),
        "SLURM_ARRAY_TASK_STEP": str(step),
    }


def test_a_stepped_slurm_array_numbers_its_tasks_as_shards():
    shards = [shard_from_env(slurm(task, 0, 12, 4, 4)) for task in (0, 4, 8, 12)]  # --array=0-15:4
    assert [(s.index, s.count) for s in shards] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    assert shard_from_env(slurm(5, 1, 8, 8)).label == "5/8"  # --array=1-8


@pytest.mark.parametrize("task", [3, 7, 9])
def test_a_slurm_array_given_as_a_list_is_refused_in_every_task(task):
    """Before: task 3 ran as shard 1/3 while 7 and 9 stopped, so one third of the suite ran and the rest did not."""
    with pytest.raises(ShardError) as caught:
        shard_from_env(slurm(task, 3, 9, 3))
    message = str(caught.value)
    assert "SLURM_ARRAY_TASK_MAX=9" in message and "--array=3,7,9" in message
    assert "Fix: submit --array=3-5" in message


def test_a_slurm_task_submitted_again_on_its_own_is_told_to_name_its_shard():
    """`sbatch --array=2` (retrying one task of --array=0-3) is an array of 1 task: with --llm-shard-count 4 the
    message said to set SLURM_ARRAY_TASK_COUNT; it now says why and to pass --llm-shard K/4."""
    with pytest.raises(ShardError, match=r"SLURM_ARRAY_TASK_COUNT=1 disagree.*--array=2.*--llm-shard K/4"):
        shard_from_env(slurm(2, 2, 2, 1), count=4)


def test_gitlab_index_without_its_total_names_the_missing_variable():
    with pytest.raises(ShardError, match="CI_NODE_INDEX is set without CI_NODE_TOTAL.*--llm-shard-count"):
        shard_from_env({"CI_NODE_INDEX": "2"})
    assert shard_from_env({"CI_NODE_INDEX": "2"}, count=3).label == "2/3"
    with pytest.raises(ShardError, match="CI_NODE_INDEX=0 .*1-based"):
        shard_from_env({"CI_NODE_INDEX": "0", "CI_NODE_TOTAL": "3"})


def answer_for(version: str):
    """Case i of model m: a fixed share of the points, another share in the `new` version (some cases better, some
    worse), so scores, pass rates and verdicts vary."""

    def answer(request: dict[str, Any]) -> str:
        found = re.search(r"question (\d\d)", json.dumps(request["messages"]))
        if found is None:  # not a case's question (a warm-up)
            return "none"
        case = int(found.group(1))
        shift = (1 if request["model"] == "m2" else 0) + (case % 3 - 1 if version == "new" else 0)
        return " ".join(POINTS[: max(0, (case + shift) % 5)]) or "none"

    return answer


def write_project(folder: Path) -> None:
    (folder / "scenarios").mkdir(parents=True)
    lines = ["suite: round10", "cases:"]
    for i in range(N_CASES):
        lines += [f"  - id: k{i:02d}", f"    category: c{i % 2}", f"    question: question {i:02d}?"]
        lines += [f"    key_points: [{', '.join(POINTS)}]"]
    (folder / "scenarios" / "r10.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    test_file = (ROOT / "scenarios" / "test_scenarios.py").read_text(encoding="utf-8")
    (folder / "test_scenarios.py").write_text(test_file, encoding="utf-8")
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")


def run_pytest(folder: Path, base_url: str, name: str, env: dict[str, str] | None = None, *extra: str) -> None:
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--llm-base-url", base_url]
    command += ["--llm-model", "m1", "--llm-model", "m2", "--llm-repeat", "2", "--llm-max-tokens", "16"]
    command += [*extra, f"--llm-report-dir={name}", f"--llm-runs-dir={name}-runs"]
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLURM_", "LLMEVAL_", "CI_NODE", "JOB_COMP"))}
    proc = subprocess.run(command, cwd=folder, env={**clean, **(env or {})}, capture_output=True, text=True)
    assert (folder / name / "results.json").is_file(), proc.stdout + proc.stderr


def llmeval(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pytest_llmeval", *args], cwd=folder, capture_output=True, text=True)


def load(folder: Path, name: str) -> dict[str, Any]:
    return json.loads((folder / name / "results.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A baseline run (old answers); the new answers run unsharded and as the 3 tasks of `--array=0-8:4` (ids 0, 4
    and 8), plus a retry of task 4 that started later."""
    folder = tmp_path_factory.mktemp("round10")
    write_project(folder)
    with FakeServer(answers=answer_for("old")) as old:
        run_pytest(folder, old.base_url, "baseline")
    with FakeServer(answers=answer_for("new")) as new:
        run_pytest(folder, new.base_url, "single")
        for task in (0, 4, 8):
            run_pytest(folder, new.base_url, f"task-{task}", slurm(task, 0, 8, 3, 4), "--llm-shard", "auto")
        run_pytest(folder, new.base_url, "task-4-retry", slurm(4, 0, 8, 3, 4), "--llm-shard", "auto")
    return folder


def without(record: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in record.items() if k not in MEASURED}


QUALITY = ("score", "pass_rate")  # what the cases decide; speed is measured anew by every run


def verdicts(folder: Path, new: str, out: str) -> dict[str, Any]:
    """The gate's decision and every group's quality rows (n, estimate, interval, p, verdict) of `compare`."""
    proc = llmeval(
        folder, "compare", "baseline/results.json", f"{new}/results.json", "--fail", "score:5", "--json", out
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr
    doc = json.loads((folder / out).read_text(encoding="utf-8"))
    groups = [
        {**{k: v for k, v in g.items() if k != "metrics"}, **{m: g["metrics"][m] for m in QUALITY}}
        for g in doc["groups"]
    ]
    assert groups and all(g["score"]["verdict"] for g in groups)
    return {"groups": groups, "rules": doc["rules"], "exit_code": doc["exit_code"], "regressions": doc["regressions"]}


def test_three_slurm_shards_merged_from_a_glob_equal_the_unsharded_run(project):
    """The shards given as a pattern (the shell did not expand it), a retried task among them: the merge holds every
    case once, keeps the later attempt and says so; scores, aggregates and the gate's verdicts are the single run's."""
    sources = {load(project, f"task-{t}")["run"]["shard"]["source"] for t in (0, 4, 8)}
    assert sources == {"SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT"}
    proc = llmeval(project, "merge", "task-*", "-o", "merged")
    assert proc.returncode == 0, proc.stderr
    assert "task-4/results.json (complete" in proc.stderr and "another attempt at shard 2/3" in proc.stderr
    merged, single = load(project, "merged"), load(project, "single")
    assert merged["run"]["merge_replaced"][0]["results"] == "task-4/results.json"
    assert [m["results"] for m in merged["run"]["merged_from"]] == [
        "task-0/results.json",
        "task-4-retry/results.json",
        "task-8/results.json",
    ]
    assert len(merged["cases"]) == len(single["cases"]) == N_CASES * 2 * 2
    assert [without(c) for c in merged["cases"]] == [without(c) for c in single["cases"]]
    scores = [(m["model"], m["mode"], m["mean_score"], m["pass_rate"]) for m in merged["aggregates"]["models"]]
    assert scores == [(m["model"], m["mode"], m["mean_score"], m["pass_rate"]) for m in single["aggregates"]["models"]]
    assert verdicts(project, "merged", "merged.json") == verdicts(project, "single", "single.json")


def test_shards_in_any_order_merge_to_the_same_cases(project):
    shards = [(f"task-{t}", load(project, f"task-{t}")) for t in (8, 0, 4)]
    again = merge_documents(list(reversed(shards)))
    merged = merge_documents(shards)
    assert [without(c) for c in merged["cases"]] == [without(c) for c in again["cases"]]
    assert [m["index"] for m in merged["run"]["merged_from"]] == [1, 2, 3]


def test_a_merged_runs_report_names_the_attempt_left_out(project):
    proc = llmeval(project, "merge", "task-0", "task-4", "task-4-retry", "task-8", "-o", "with-retry")
    assert proc.returncode == 0, proc.stderr
    text = (project / "with-retry" / "report.md").read_text(encoding="utf-8")
    assert "merged from 3 shard run(s)" in text and "INCOMPLETE" not in text
    assert "shard 2/3: attempt task-4" in text and "left out" in text and "task-4-retry" in text


def test_a_retry_replaces_the_attempt_it_retried_unless_it_was_cut_short(project):
    first, retry = load(project, "task-4"), load(project, "task-4-retry")
    kept, replaced = latest_attempts([("retry", retry), ("first", first)])
    assert [name for name, _ in kept] == ["retry"] and replaced[0]["results"] == "first"
    killed = copy.deepcopy(retry)  # the retry was killed: the first attempt, which ran to its end, counts
    killed["run"]["status"] = "running"
    kept, replaced = latest_attempts([("first", first), ("killed", killed)])
    assert [name for name, _ in kept] == ["first"]
    assert replaced[0]["results"] == "killed" and "ran to its end" in replaced[0]["why"]
    with pytest.raises(MergeError, match="both shard 2/3 of one run"):
        latest_attempts([("a", first), ("b", copy.deepcopy(first))])


def test_a_retry_of_another_suite_is_refused_not_picked(project):
    """Every file given must be a shard of the one run, a replaced attempt too: a retry with other settings is named."""
    other = copy.deepcopy(load(project, "task-4-retry"))
    other["run"]["settings"]["max_tokens"] = 99
    shards = [("t0", load(project, "task-0")), ("t4", load(project, "task-4")), ("t8", load(project, "task-8"))]
    with pytest.raises(MergeError, match="max_tokens"):
        merge_documents([*shards, ("other", other)])


def test_a_missing_shard_names_its_cases_and_the_gate_refuses_the_partial_merge(project):
    proc = llmeval(project, "merge", "task-0", "task-8", "-o", "partial")
    due = [f"k{i:02d}" for i in range(N_CASES) if shard_of(f"k{i:02d}", 3) == 2]
    assert proc.returncode == 2
    assert f"shard(s) 2/3 not given: their {len(due)} case(s) {', '.join(due)} have no record" in proc.stderr
    proc = llmeval(project, "merge", "task-0", "task-8", "--allow-missing", "-o", "partial")
    assert proc.returncode == 0 and "shard(s) 2/3 not given" in proc.stderr and "exit 7" in proc.stderr
    gate = llmeval(project, "compare", "baseline/results.json", "partial/results.json")
    assert gate.returncode == 7, gate.stdout
    # the merged run's reports say what it is made of and what it lacks (results/sections/run.py, merge_lines)
    for report in ("report.md", "report.html"):
        text = (project / "partial" / report).read_text(encoding="utf-8")
        assert "merged from 2 shard run(s): 1/3 (complete" in text, report
        assert "INCOMPLETE: shard(s) 2/3 not given" in text and "exit 7" in text, report


def test_a_pattern_that_matches_nothing_is_named(tmp_path):
    with pytest.raises(MergeError, match=r"shard-\* matches no results.json"):
        expand_patterns([tmp_path / "shard-*"])
    for name in ("shard-2", "shard-1", "shard-logs"):
        (tmp_path / name).mkdir()
    for name in ("shard-2", "shard-1"):
        (tmp_path / name / "results.json").write_text("{}", encoding="utf-8")
    assert expand_patterns([tmp_path / "shard-*"]) == [tmp_path / "shard-1", tmp_path / "shard-2"]
    assert expand_patterns([tmp_path / "shard-*/results.json"]) == [
        tmp_path / "shard-1" / "results.json",
        tmp_path / "shard-2" / "results.json",
    ]


class CutStream:
    """A replica's client whose stream is cut as the replica dies."""

    def __init__(self, url: str) -> None:
        self.url = url

    def complete(self, messages: list[dict[str, Any]], **kwargs: Any) -> Any:
        raise LLMRequestError(f"stream from {self.url} (model 'm') broke: the connection closed", "stream")


def dying_replica(
    answers: list[bool], settle_s: tuple[float, ...]
) -> tuple[list[str], Callable[[Endpoint], Any], Callable[[str], bool], tuple[float, ...]]:
    """What a fleet needs to hold a replica whose streams are cut: the probes made, a client factory, a probe that
    answers `answers` in turn, and the settle pauses."""
    probed: list[str] = []

    def probe(url: str) -> bool:
        probed.append(url)
        return answers[min(len(probed), len(answers)) - 1]

    def factory(endpoint: Endpoint) -> Any:
        return CutStream(endpoint.base_url) if "dying" in endpoint.base_url else ChatClient(endpoint)

    return probed, factory, probe, settle_s


def test_a_replica_that_still_accepts_a_connection_as_it_dies_is_taken_out_and_the_case_retried():
    """Before: a SIGKILLed replica's listening socket still took the probe's connection for a moment after its
    streams were cut, so the fleet kept it and the case in flight there was lost (1 in 3 in flight per kill with
    two fake replicas killed by SIGTERM or SIGKILL). The endpoint is now probed again after a short pause."""
    with FakeServer(chunks=4) as live:
        probed, factory, probe, settle = dying_replica([True, False], (0.01, 0.01))
        urls = ["http://dying:8000/v1", live.base_url]
        fleet = FleetClient(Endpoint(urls[0], "m"), urls, client_factory=factory, probe=probe, settle_s=settle)
        completion = fleet.complete([{"role": "user", "content": "hello"}], max_tokens=4)
        assert completion.text and completion.metrics.endpoint == public_url(live.base_url)
        assert completion.metrics.retry["from"] == "http://dying:8000/v1"
        assert probed == ["http://dying:8000/v1"] * 2
        assert [m["alive"] for m in fleet.status()] == [False, True]
        # a replica that stays up through the pauses keeps its place: the cut stream is the case's error
        probed, factory, probe, settle = dying_replica([True], (0.01, 0.01))
        fleet = FleetClient(Endpoint(urls[0], "m"), urls, client_factory=factory, probe=probe, settle_s=settle)
        with pytest.raises(LLMRequestError, match="broke"):
            fleet.complete([{"role": "user", "content": "hello"}], max_tokens=4)
        assert len(probed) == 3 and all(m["alive"] for m in fleet.status())


def test_a_merge_run_again_into_its_own_folder_leaves_its_earlier_output_out(project, tmp_path):
    """`merge shards/* -o shards/merged` run again after a retried shard finished: the glob meets the earlier merge,
    which stopped it ("run.shard is missing: not a shard run"); it is left out with a note. A shard's own folder as
    the output is still refused."""
    for task in (0, 4, 8):
        shutil.copytree(project / f"task-{task}", tmp_path / "shards" / f"task-{task}")
    first = llmeval(tmp_path, "merge", "shards/*", "-o", "shards/merged")
    assert first.returncode == 0, first.stderr
    again = llmeval(tmp_path, "merge", "shards/*", "-o", "shards/merged")
    assert again.returncode == 0, again.stderr
    assert "shards/merged is this merge's earlier output" in again.stderr
    assert len(load(tmp_path / "shards", "merged")["cases"]) == N_CASES * 2 * 2
    onto_a_shard = llmeval(tmp_path, "merge", "shards/*", "-o", "shards/task-0")
    assert onto_a_shard.returncode == 2 and "is the folder of the shard results" in onto_a_shard.stderr


def test_a_killed_shard_is_named_with_its_status_beside_its_missing_cases(project):
    """A task killed mid-run leaves results.json with status 'running' and part of its records: the merge named
    the missing cases but not why; it now names the shard that did not run to its end."""
    killed = copy.deepcopy(load(project, "task-4"))
    killed["run"]["status"] = "running"
    killed["cases"] = killed["cases"][:3]
    shards = [("t0", load(project, "task-0")), ("killed", killed), ("t8", load(project, "task-8"))]
    with pytest.raises(MergeError, match=r"shard 2/3 \(killed\) has status 'running': it did not run to its end"):
        merge_documents(shards)
    merged = merge_documents(shards, allow_missing=True)
    assert merged["run"]["status"] == "running" and merged["run"]["merge_missing"]["cases"]


def server_for(model: str, **settings: Any) -> tuple[Any, ServerSettings]:
    spec = parse_model(model)
    return spec, model_server_settings(spec, ServerSettings(**settings))


def test_data_parallel_engines_on_fewer_gpus_than_they_need_are_refused_at_start():
    """`--llm-data-parallel-size 2` on a model pinned to one GPU (or under placement, which gave it TP GPUs) was
    accepted and vLLM failed minutes into its start; it is now a usage error with the GPU count and the fix."""
    problem = parallel_gpus_problem(*server_for("a=/m/a@0", data_parallel_size=2))
    assert problem is not None
    assert "data_parallel_size 2 x tensor_parallel_size 1 = 2 GPU(s)" in problem and "given 1 (GPUs 0)" in problem
    assert "--llm-model a=PATH@0,1" in problem
    problem = parallel_gpus_problem(
        *server_for("a=/m/a", cuda_visible_devices="0,1", data_parallel_size=2, tensor_parallel_size=2)
    )
    assert problem is not None and "= 4 GPU(s)" in problem and "given 2" in problem
    assert parallel_gpus_problem(*server_for("a=/m/a@0,1", data_parallel_size=2)) is None
    placed = parallel_gpus_problem(*server_for("a=/m/a", data_parallel_size=2), placement="auto")
    assert placed is not None and "--llm-placement auto" in placed
    assert "pin its 2 GPUs and give its TP (--llm-model a=PATH@0,1 --llm-model-arg a:tensor_parallel_size=1)" in placed
    # pinned without a TP, placement would run it at TP 2 on its 2 GPUs: 2 engines of 2 GPUs each
    assert parallel_gpus_problem(*server_for("a=/m/a@0,1", data_parallel_size=2), placement="auto") is not None
    pinned = server_for("a=/m/a@0,1", data_parallel_size=2, tensor_parallel_size=1)
    assert parallel_gpus_problem(*pinned, placement="auto") is None
    # attached deployments and multi-node data parallelism place their own engines
    assert parallel_gpus_problem(*server_for("a=/m/a@0", data_parallel_size=4, base_url="http://h:8000/v1")) is None
    multi = server_for("a=/m/a@0", data_parallel_size=16, extra_args=["--data-parallel-size-local=1"])
    assert parallel_gpus_problem(*multi) is None


def test_a_data_parallel_model_on_too_few_gpus_stops_pytest_before_anything_starts(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--llm-model", "a=/nowhere/a@0"]
        + ["--llm-data-parallel-size", "2", f"--llm-runs-dir={tmp_path / 'runs'}"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 4, proc.stdout + proc.stderr
    assert "given 1 (GPUs 0)" in proc.stderr and "Traceback" not in proc.stderr


def test_a_fleet_of_two_models_under_one_label_fails_each_case_with_the_reason_not_a_traceback(tmp_path):
    """Before: the check raised from the session's client fixture, so every test errored with a traceback (1,258
    lines for 12 cases) and results.json said `complete` with no case. Now every case records the reason as its
    launch error and the run is degraded, as when a server does not start."""
    write_project(tmp_path)
    with FakeServer(models={"m1": "/models/Qwen3-8B"}) as one, FakeServer(models={"m1": "/models/Qwen3-8B-AWQ"}) as two:
        secret = two.base_url.replace("http://", "http://user:pw-secret@")
        command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q", "--llm-model", "m1"]
        command += ["--llm-base-url", one.base_url, "--llm-base-url", secret, "--llm-report-dir=out"]
        proc = subprocess.run(command + ["--llm-runs-dir=runs"], cwd=tmp_path, capture_output=True, text=True)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout and "MixedFleet" not in proc.stdout and "pw-secret" not in proc.stdout
    doc = load(tmp_path, "out")
    assert doc["run"]["status"] == "degraded" and len(doc["cases"]) == N_CASES
    assert all("serves different models" in case["error"]["message"] for case in doc["cases"])
    assert all(case["error"]["stage"] == "launch" for case in doc["cases"])
    assert "pw-secret" not in (tmp_path / "out" / "results.json").read_text(encoding="utf-8")
