"""--llm-placement: the planner on a simulated inventory (8 x 80 GB; models of 16, 28 and 64 GB at TP 1/1/2), its
printed plan, and the server pool following it: a wave's servers start together on disjoint GPUs, the next
wave waits until the previous one has stopped. vLLM is replaced by a fake that logs its GPUs and times."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pytest_llmeval.serving.models import apply_model_args, parse_model
from pytest_llmeval.serving.placement import (
    GPU,
    ModelNeed,
    PlacementError,
    plan_for_specs,
    plan_placement,
    simulated_inventory,
)
from pytest_llmeval.serving.pool import ServerPool
from pytest_llmeval.serving.server import ServerSettings

HERE = Path(__file__).resolve().parent
NEEDS = [ModelNeed("8b", 16.0, 1), ModelNeed("14b", 28.0, 1), ModelNeed("32b", 64.0, 2)]


def test_eight_80gb_gpus_run_all_three_side_by_side_on_disjoint_gpus():
    plan = plan_placement(simulated_inventory("8x80"), NEEDS)
    assert len(plan.waves) == 1
    assert {a.label: a.gpus for a in plan.waves[0]} == {"8b": (0,), "14b": (1,), "32b": (2, 3)}
    text = plan.render()
    print(text)
    assert "8 GPU(s)" in text and "1 wave(s)" in text
    assert "32b" in text and "GPUs 2,3" in text and "TP 2" in text


def test_what_does_not_fit_beside_the_others_waits_for_the_next_wave():
    plan = plan_placement(simulated_inventory("2x80"), NEEDS)
    assert [[(a.label, a.gpus) for a in wave] for wave in plan.waves] == [
        [("8b", (0,)), ("14b", (1,))],
        [("32b", (0, 1))],
    ]
    assert "waits for wave 1 to finish" in plan.render()


def test_busy_gpus_are_skipped_and_tp_is_chosen_when_not_given():
    gpus = [GPU(0, 80, 5), GPU(1, 80, 80), GPU(2, 80, 80), GPU(3, 40, 40)]  # GPU 0 held by another process
    plan = plan_placement(gpus, [ModelNeed("big", 120.0), ModelNeed("small", 20.0)])
    big, small = plan.waves[0]
    assert (big.gpus, big.tp) == ((1, 2), 2)  # 60 GiB each on two 80 GiB GPUs
    assert small.gpus == (3,)
    with pytest.raises(PlacementError, match="needs 900.0 GiB"):
        plan_placement(gpus, [ModelNeed("huge", 900.0, 2)])


def test_pinned_gpus_are_kept_and_an_overlapping_pin_queues():
    needs = [ModelNeed("a", 10.0, pinned=(0,)), ModelNeed("b", 10.0, pinned=(0, 1))]
    plan = plan_placement(simulated_inventory("4x80"), needs)
    assert [[a.gpus for a in wave] for wave in plan.waves] == [[(0,)], [(0, 1)]]


def test_one_syntax_for_per_model_settings():
    specs = [parse_model("8b=/models/Qwen3-8B@0"), parse_model("14b=/models/Qwen3-14B")]
    specs = apply_model_args(
        specs, ["14b:gpus=1,2", "14b:tensor_parallel_size=2", "14b:vllm_arg=--enforce-eager", "8b:dtype=bfloat16"]
    )
    assert specs[0].gpus == "0" and dict(specs[0].options) == {"dtype": "bfloat16"}
    assert specs[1].gpus == "1,2" and specs[1].vllm_args == ("--enforce-eager",)
    from pytest_llmeval.serving.models import ModelSpecError, model_server_settings

    server = model_server_settings(specs[1], ServerSettings(extra_args=["--seed", "1"]))
    assert server.cuda_visible_devices == "1,2" and server.tensor_parallel_size == 2
    assert server.cli_args()[-3:] == ["--seed", "1", "--enforce-eager"]
    for bad, message in (
        ("14b:tp=2", "unknown key 'tp'"),
        ("9b:dtype=fp8", "no model is labelled"),
        ("14b", "LABEL:KEY"),
    ):
        with pytest.raises(ModelSpecError, match=message):
            apply_model_args(specs, [bad])


@pytest.fixture
def fake_vllm(fake_vllm_python: tuple[str, Path]) -> tuple[str, Path]:
    return fake_vllm_python


ALL = ("8b", "14b", "32b")


def events(log: Path) -> dict[tuple[str, str], dict]:
    return {(e["model"], e["event"]): e for e in map(json.loads, log.read_text(encoding="utf-8").splitlines())}


def run_plan(
    tmp_path: Path, python: str, inventory: str, asked: tuple[str, ...] = ALL, **pool_options
) -> tuple[list, list[dict]]:
    specs = []
    for label in ("8b", "14b", "32b"):
        folder = tmp_path / label
        folder.mkdir()
        (folder / "config.json").write_text("{}", encoding="utf-8")
        specs.append(parse_model(f"{label}={folder}"))
    settings = ServerSettings(python=python, startup_timeout_s=60)
    plan = plan_for_specs(specs, settings, simulated_inventory(inventory), NEEDS)
    print(plan.render())
    launches: list[dict] = []
    pool = ServerPool(
        settings, tmp_path / "logs", lambda launch, _ep: launches.append(launch), print, placement=plan, **pool_options
    )
    try:
        for spec in specs:  # as a serial run's tests do: one model after another (those that need their server)
            if spec.label not in asked:
                continue
            pool.acquire(plan.specs[spec.label])
            pool.release(spec.label)
    finally:
        pool.release_all()
    return plan.waves, launches


def test_the_pool_starts_a_wave_together_on_its_gpus(tmp_path, fake_vllm, capsys):
    python, log = fake_vllm
    waves, launches = run_plan(tmp_path, python, "8x80")
    assert "wave 1 (starts first)" in capsys.readouterr().out
    seen = events(log)
    assert {m: seen[(m, "start")]["gpus"] for m in ("8b", "14b", "32b")} == {"8b": "0", "14b": "1", "32b": "2,3"}
    assert seen[("32b", "start")]["args"][-2:] == ["--tensor-parallel-size", "2"]
    latest_start = max(seen[(m, "start")]["at"] for m in ("8b", "14b", "32b"))
    first_stop = min(seen[(m, "stop")]["at"] for m in ("8b", "14b", "32b"))
    assert latest_start < first_stop  # all three were up at once
    assert latest_start - min(seen[(m, "start")]["at"] for m in ("8b", "14b", "32b")) < 1.0  # started together
    assert {entry["model"]: entry["gpus"] for entry in launches} == {"8b": "0", "14b": "1", "32b": "2,3"}


def test_with_the_answer_cache_a_wave_mate_starts_only_when_it_is_asked(tmp_path, fake_vllm, capsys):
    """--llm-cache: 14b's answers are all cached (its server is never asked for), so it never starts with its
    wave; 32b starts when it is asked, on its own GPUs."""
    python, log = fake_vllm
    _, launches = run_plan(tmp_path, python, "8x80", asked=("8b", "32b"), wave_mates_on_demand=True)
    seen = events(log)
    assert [entry["model"] for entry in launches] == ["8b", "32b"]
    assert ("14b", "start") not in seen
    assert seen[("32b", "start")]["gpus"] == "2,3"
    out = capsys.readouterr().out
    assert "wave 1: starting 8b; 14b, 32b wait for a first uncached answer (--llm-cache)" in out


def test_the_pool_queues_the_next_wave_until_the_gpus_are_free(tmp_path, fake_vllm):
    python, log = fake_vllm
    waves, launches = run_plan(tmp_path, python, "2x80")
    seen = events(log)
    assert seen[("32b", "start")]["gpus"] == "0,1"
    assert seen[("8b", "start")]["at"] < seen[("14b", "stop")]["at"]  # wave 1 side by side
    assert seen[("14b", "start")]["at"] < seen[("8b", "stop")]["at"]
    assert seen[("32b", "start")]["at"] > max(seen[("8b", "stop")]["at"], seen[("14b", "stop")]["at"])


def test_plan_command_prints_the_plan_and_starts_nothing(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "plan", "--gpus", "2x80"]
        + ["--llm-model", "8b=/m/8b", "--llm-model", "14b=/m/14b", "--llm-model", "32b=/m/32b"]
        + ["--llm-model-arg", "32b:tensor_parallel_size=2", "--need", "8b=16", "--need", "14b=28", "--need", "32b=64"],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parents[1])},
    )
    assert proc.returncode == 0, proc.stderr
    assert "2 wave(s)" in proc.stdout and "waits for wave 1" in proc.stdout
    bad = subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "plan", "--gpus", "1x24", "--llm-model", "x=/m/x", "--need", "x=100"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "needs 100.0 GiB" in bad.stderr and "Traceback" not in bad.stderr
