"""--llm-placement: the planner on a simulated inventory (8 x 80 GB; models of 16, 28 and 64 GB at TP 1/1/2), its
printed plan, and the server pool following it: a wave's servers start together on disjoint GPUs, the next
wave waits until the previous one has stopped. vLLM is replaced by a fake that logs its GPUs and times."""

from __future__ import annotations

import json
import os
import re
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


def plan_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "plan", *args],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(HERE.parents[1])},
    )


@pytest.mark.parametrize(
    ("inventory", "need", "message"),
    [
        (
            "8x80",
            ModelNeed("8b", 16.0, pinned=(9,)),
            "pinned GPU(s) 9 do not exist (the node has GPU(s) 0,1,2,3,4,5,6,7)",
        ),
        ("2x80", ModelNeed("8b", 500.0, pinned=(0,)), "more than its pinned GPU(s) hold at 90% (GPU 0: 72.0 GiB)"),
        ("80:10,80", ModelNeed("8b", 16.0, pinned=(0,)), "pinned GPU 0 is busy: 10.0 of 80.0 GiB free"),
        ("4x80", ModelNeed("8b", 16.0, 2, pinned=(0,)), "tensor_parallel_size 2 needs 2 GPUs but it is pinned to 1"),
    ],
)
def test_a_pin_that_cannot_work_is_refused_with_the_reason(inventory, need, message):
    with pytest.raises(PlacementError, match=re.escape(message)) as caught:
        plan_placement(simulated_inventory(inventory), [need])
    assert "Fix:" in str(caught.value)


def test_tp_is_one_vllm_accepts_and_never_more_than_the_node_has():
    for inventory, need in (("3x80", 200.0), ("6x80", 300.0)):  # TP 3 and 6 were chosen: vLLM refuses them
        with pytest.raises(PlacementError, match=r"needs \d+\.0 GiB .*TP (4|8)\): (4|8) GPUs, and the node has [36]"):
            plan_placement(simulated_inventory(inventory), [ModelNeed("big", need)])
    assert plan_placement(simulated_inventory("4x80"), [ModelNeed("big", 200.0)]).waves[0][0].tp == 4
    heads_24 = ModelNeed("big", 200.0, tp_problem=lambda tp: None if 24 % tp == 0 else "24 heads")  # config read
    assert plan_placement(simulated_inventory("3x80"), [heads_24]).waves[0][0].tp == 3
    with pytest.raises(PlacementError, match="tensor_parallel_size 16 needs 16 GPUs; the node has 8.*to 8 or less"):
        plan_placement(simulated_inventory("8x80"), [ModelNeed("a", 5.0, 16)])
    refused = ModelNeed("a", 5.0, 3, tp_problem=lambda tp: None if 32 % tp == 0 else f"32 heads, TP {tp}")
    with pytest.raises(PlacementError, match="tensor_parallel_size 3: 32 heads, TP 3, and vLLM refuses it"):
        plan_placement(simulated_inventory("8x80"), [refused])
    with pytest.raises(PlacementError, match="pinned to 3 GPUs .* would run TP 3"):
        plan_placement(simulated_inventory("8x80"), [ModelNeed("a", 5.0, pinned=(0, 1, 2))])
    assert plan_placement(simulated_inventory("8x80"), [ModelNeed("a", 5.0, 3, pinned=(0, 1, 2))]).waves[0][0].tp == 3


def test_the_heads_of_a_read_config_decide_the_tp_sizes(tmp_path):
    config = {
        "num_hidden_layers": 36,
        "num_key_value_heads": 6,
        "head_dim": 128,
        "hidden_size": 3072,
        "intermediate_size": 12288,
        "num_attention_heads": 24,
        "vocab_size": 151936,
        "max_position_embeddings": 8192,
        "torch_dtype": "bfloat16",
    }
    (tmp_path / "m24").mkdir()
    (tmp_path / "m24" / "config.json").write_text(json.dumps(config), encoding="utf-8")
    proc = plan_command("--gpus", "3x80", "--llm-model", f"m24={tmp_path / 'm24'}", "--need", "m24=200")
    assert proc.returncode == 0, proc.stderr
    assert "TP 3" in proc.stdout  # 24 heads and 6 KV heads divide by 3
    proc = plan_command(
        "--gpus", "8x80", "--llm-model", f"m24={tmp_path / 'm24'}", "--llm-model-arg", "m24:tensor_parallel_size=4"
    )
    assert proc.returncode == 2 and "6 KV heads are not divisible by TP 4" in proc.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--need", "a"], "--need 'a': write LABEL=GIB"),
        (["--need", "b=5"], "--need 'b=5': no model is labelled 'b'"),
        (["--need", "a=-5"], "must be a number of GiB above 0"),
        (["--need", "a=lots"], "'lots' is not a number of GiB"),
        (["--need", "a=5", "--gpus", "0x80"], "--gpus '0x80': no GPU in it"),
        (["--need", "a=5", "--gpus", "80:90"], "the free memory at most the total"),
        (["--need", "a=5", "--llm-gpu-memory-utilization", "0"], "--llm-gpu-memory-utilization 0: must be in (0, 1]"),
        (["--need", "a=5", "--llm-tensor-parallel-size", "0"], "--llm-tensor-parallel-size 0: must be at least 1"),
    ],
)
def test_plan_command_refuses_bad_input_with_the_option_named(args, message):
    proc = plan_command("--llm-model", "a=/m/a", *(["--gpus", "2x80"] if "--gpus" not in args else []), *args)
    assert proc.returncode == 2, proc.stdout
    assert message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
    assert "drop --llm-placement auto" not in proc.stderr
