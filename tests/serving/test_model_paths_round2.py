"""`--llm-model PATH` given odd paths, round 2, and `plan` refusing what a run refuses.

- a symbolic link that loops said "no such file or folder. Did you mean <the same path>?"; a link whose target is
  gone the same: each is now named a link that loops / leads nowhere, with the fix (point it at the model folder),
  also when the link is a folder above the path;
- a file, a FIFO (never opened), a folder that cannot be read, an empty folder: one line each naming the path and
  the fix, no traceback, no hang;
- a folder above models is searched as `size` searches it (`serving.model_folders`): a few levels down, link-loop
  safe, bounded - it looked one level down only;
- `python -m pytest_llmeval plan --llm-model BERT` sized an encoder in silence while a run refuses it: the plan now
  refuses it with the run's own message; `size` still sizes it (sizing a reranker is its job).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
from test_bad_input_round5 import no_wait  # noqa: F401 - autouse: a FIFO read fails the test instead of hanging it

sys.path.insert(0, str(Path(__file__).parents[1] / "sizing"))
from sizing_configs import BERT_BASE, QWEN3_8B, write_model  # noqa: E402

from pytest_llmeval.__main__ import main as cli_main  # noqa: E402
from pytest_llmeval.serving.models import chat_model_problem, model_source_problem, parse_model  # noqa: E402

OFFLINE = {"HF_HUB_OFFLINE": "1"}


def problem_of(source: str | Path) -> str:
    problem = model_source_problem(parse_model(str(source)), [], OFFLINE)
    assert problem is not None
    assert "Traceback" not in problem and problem.count("Fix:") == 1, problem
    return problem


# --------------------------------------------------------------------------------------------------- odd paths
def test_a_link_loop_is_named_a_loop_not_a_did_you_mean_of_itself(tmp_path):
    loop = tmp_path / "Qwen3-8B"
    loop.symlink_to(loop)
    problem = problem_of(loop)
    assert problem.startswith(f"--llm-model {loop}: a symbolic link that loops"), problem
    assert "Did you mean" not in problem and f"Fix: point it at the model folder (ln -sfn /path/to/MODEL {loop})" in (
        problem
    )


def test_two_links_pointing_at_each_other_are_a_loop(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    assert "a symbolic link that loops" in problem_of(tmp_path / "a")


def test_a_loop_in_a_folder_above_names_that_folder(tmp_path):
    (tmp_path / "models").symlink_to(tmp_path / "models")
    problem = problem_of(tmp_path / "models" / "Qwen3-8B")
    assert f": {tmp_path / 'models'}: a symbolic link that loops" in problem and "Did you mean" not in problem, problem


def test_a_dangling_link_names_its_missing_target(tmp_path):
    link = tmp_path / "current"
    link.symlink_to(tmp_path / "Qwen3-8B-deleted")
    problem = problem_of(link)
    assert problem.startswith(f"--llm-model {link}: a symbolic link to {tmp_path / 'Qwen3-8B-deleted'}, which does")
    assert "Did you mean" not in problem and "point it at the model folder" in problem, problem


def test_a_file_names_its_folder(tmp_path):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    problem = problem_of(folder / "config.json")
    assert "is a file, not a model folder" in problem and f"--llm-model={folder}" in problem, problem


def test_a_fifo_is_named_and_never_opened(tmp_path):
    fifo = tmp_path / "model"
    os.mkfifo(fifo)
    problem = problem_of(fifo)
    assert problem == (
        f"--llm-model {fifo}: is a FIFO (named pipe), not a model folder. Fix: name the model's folder (config.json, "
        "tokenizer, *.safetensors)"
    )


def test_a_fifo_named_config_json_in_a_folder_above_is_not_opened(tmp_path):
    (tmp_path / "odd").mkdir()
    os.mkfifo(tmp_path / "odd" / "config.json")
    write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    assert "a folder of model folders (Qwen3-8B)" in problem_of(tmp_path)


def test_an_empty_folder_says_it_is_empty(tmp_path):
    empty = tmp_path / "Qwen3-8B"
    empty.mkdir()
    problem = problem_of(empty)
    assert problem.startswith(
        f"--llm-model {empty}: the folder has no config.json: it is empty. Fix: download the model"
    ), problem
    assert f"--local-dir {empty}" in problem


def test_an_unreadable_folder_is_named_simulated(tmp_path, monkeypatch):
    """Root reads any folder: the refusal the kernel gives a user is given here."""
    folder = tmp_path / "Qwen3-8B"
    folder.mkdir()
    (folder / "model.safetensors").touch()
    real_scandir = os.scandir

    def refuse(path: Any) -> Any:
        if Path(str(path)) == folder:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    problem = problem_of(folder)
    assert problem.startswith(f"--llm-model {folder}: the folder cannot be read (permission denied)"), problem
    assert f"chmod -R a+rX {folder}" in problem


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a folder whatever its mode; simulated in the test above")
def test_an_unreadable_folder_is_named(tmp_path):
    folder = tmp_path / "Qwen3-8B"
    folder.mkdir()
    folder.chmod(0)
    try:
        problem = problem_of(folder)
    finally:
        folder.chmod(0o755)
    assert "cannot be read (permission denied)" in problem and "chmod" in problem, problem


@pytest.mark.skipif(os.geteuid() == 0, reason="root enters a folder whatever its mode")
def test_a_path_below_a_folder_that_may_not_be_entered_says_so(tmp_path):
    locked = tmp_path / "locked"
    write_model(locked, "Qwen3-8B", QWEN3_8B)
    locked.chmod(0)
    try:
        problem = problem_of(locked / "Qwen3-8B")
    finally:
        locked.chmod(0o755)
    assert "cannot be reached: a folder on the way may not be entered (permission denied)" in problem, problem


def test_a_path_below_a_folder_that_may_not_be_entered_says_so_simulated(tmp_path, monkeypatch):
    """Root enters any folder: the kernel's refusal to a user (stat: EACCES) is given here."""
    locked = tmp_path / "locked"
    write_model(locked, "Qwen3-8B", QWEN3_8B)
    real_stat = os.stat

    def refuse(path: Any, *args: Any, **kwargs: Any) -> Any:
        if str(path).startswith(f"{locked}/"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", refuse)
    problem = problem_of(locked / "Qwen3-8B")
    assert problem == (
        f"--llm-model {locked / 'Qwen3-8B'}: cannot be reached: a folder on the way may not be entered (permission "
        "denied). Fix: make it readable (chmod a+rX on each folder of the path) or run as a user who can read it"
    )


def test_a_model_folder_and_a_link_to_it_are_still_taken(tmp_path):
    folder = write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    (tmp_path / "latest").symlink_to(folder)
    assert model_source_problem(parse_model(str(folder)), [], OFFLINE) is None
    assert model_source_problem(parse_model(str(tmp_path / "latest")), [], OFFLINE) is None


# ------------------------------------------------------------------------------ folders above models (the search)
def test_models_two_levels_down_are_found_now(tmp_path):
    """A ModelScope cache (ORG/NAME): one level down found nothing, and the fix named no folder."""
    write_model(tmp_path, "Qwen/Qwen3-8B", QWEN3_8B)
    write_model(tmp_path, "deepseek-ai/DeepSeek-R1", QWEN3_8B)
    problem = problem_of(tmp_path)
    assert "a folder of model folders (Qwen/Qwen3-8B, deepseek-ai/DeepSeek-R1)" in problem, problem
    assert f"--llm-model={tmp_path / 'Qwen' / 'Qwen3-8B'}" in problem


def test_a_hugging_face_cache_found_below_names_the_cache_folder_to_set(tmp_path):
    hub = tmp_path / "huggingface" / "hub"
    write_model(hub / "models--Org--Qwen3-8B" / "snapshots", "abc123", QWEN3_8B)
    problem = problem_of(tmp_path / "huggingface")
    assert "a Hugging Face cache (it holds Org/Qwen3-8B)" in problem and f"HF_HUB_CACHE={hub}" in problem, problem


def test_a_cache_entry_names_the_snapshot_refs_main_points_at(tmp_path):
    entry = tmp_path / "models--Org--Qwen3-8B"
    for revision in ("aaa", "zzz"):
        write_model(entry / "snapshots", revision, QWEN3_8B)
    (entry / "refs").mkdir()
    (entry / "refs" / "main").write_text("aaa", encoding="utf-8")
    problem = problem_of(entry)
    assert f"Fix: --llm-model={entry / 'snapshots' / 'aaa'}," in problem, problem


def test_a_folder_with_a_link_loop_and_a_link_back_up_is_searched_once(tmp_path):
    root = tmp_path / "models"
    real = write_model(root, "Qwen3-8B", QWEN3_8B)
    (root / "latest").symlink_to(real)
    (root / "up").symlink_to(root)
    (root / "loop").symlink_to(root / "loop")
    problem = problem_of(root)
    assert "a folder of model folders (Qwen3-8B), not a model" in problem, problem


def test_a_mistral_params_json_model_is_listed(tmp_path):
    mistral = tmp_path / "Mistral-Small"
    mistral.mkdir()
    (mistral / "params.json").write_text("{}", encoding="utf-8")
    assert "a folder of model folders (Mistral-Small)" in problem_of(tmp_path)


def test_the_root_folder_answers_at_once():
    import time

    start = time.perf_counter()
    problem = model_source_problem(parse_model("/"), [], OFFLINE)
    assert problem is not None and problem.startswith("--llm-model /: ") and "Fix:" in problem, problem
    assert time.perf_counter() - start < 10  # not a walk of the whole file system


# ------------------------------------------------------------------------------------------------ plan refuses
def plan(*argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli_main(["plan", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_refusal(source: str) -> str:
    """The message a pytest run refuses the model with (config.checks.check_model_source)."""
    from pytest_llmeval.config.checks import check_model_source
    from pytest_llmeval.serving.server import ServerSettings

    with pytest.raises(pytest.UsageError) as info:
        check_model_source(parse_model(source), ServerSettings())
    return str(info.value)


@pytest.mark.parametrize("label", ["", "bert="])
def test_plan_refuses_an_encoder_with_the_runs_message(tmp_path, capsys, label):
    folder = write_model(tmp_path, "bert-base", BERT_BASE)
    (folder / "model.safetensors").touch()
    code, out, err = plan(f"--llm-model={label}{folder}", "--gpus", "1x80", capsys=capsys)
    assert code == 2 and out == "", out
    assert err == f"error: {run_refusal(f'{label}{folder}')}\n", err
    assert "an encoder or classifier" in err and "Fix: name a chat (text-generation) model" in err


def test_plan_refuses_an_encoder_even_with_its_need_given(tmp_path, capsys):
    folder = write_model(tmp_path, "reranker", {**BERT_BASE, "architectures": ["XLMRobertaForSequenceClassification"]})
    code, _, err = plan(f"--llm-model=rr={folder}", "--need", "rr=2", "--gpus", "1x80", capsys=capsys)
    assert code == 2 and "an encoder or classifier" in err, err


def test_plan_still_places_a_chat_model_and_size_still_sizes_an_encoder(tmp_path, capsys):
    chat = write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    code, out, err = plan(f"--llm-model={chat}", "--gpus", "1x80", capsys=capsys)
    assert code == 0 and "Qwen3-8B" in out, err
    bert = write_model(tmp_path, "bert-base", BERT_BASE)
    code = cli_main(["size", str(bert)])
    out = capsys.readouterr().out
    assert code == 0 and "no KV cache" in out, out


def test_chat_model_problem_leaves_other_models_and_unreadable_configs_alone(tmp_path):
    assert chat_model_problem(parse_model(str(write_model(tmp_path, "Qwen3-8B", QWEN3_8B)))) is None
    assert chat_model_problem(parse_model(str(tmp_path / "nothing"))) is None
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "config.json").write_text("{", encoding="utf-8")
    assert chat_model_problem(parse_model(str(broken))) is None  # the run's other check names it
    bert = write_model(tmp_path, "bert", BERT_BASE)
    assert chat_model_problem(parse_model(str(bert)), ["--hf-config-path", "/elsewhere"]) is None


def test_a_folder_of_models_with_a_cache_deeper_down_names_the_models(tmp_path):
    write_model(tmp_path, "Qwen3-8B", QWEN3_8B)
    write_model(tmp_path / "hf" / "models--Org--Other" / "snapshots", "abc123", QWEN3_8B)
    problem = problem_of(tmp_path)
    assert "a folder of model folders (Qwen3-8B, hf/models--Org--Other/snapshots/abc123)" in problem, problem
    assert f"--llm-model={tmp_path / 'Qwen3-8B'}" in problem


@pytest.mark.parametrize(
    ("value", "length"),
    [(4096.0, 4096), (4096, 4096), (4096.5, None), (0.0, None), (-4096.0, None), (float("nan"), None), (True, None)],
)
def test_context_length_reads_an_integral_float(value: object, length: int | None) -> None:
    """A run's context check reads config.json's 4096.0 as 4096, as sizing does (it read no length at all, so a
    --llm-max-model-len past the model's went unchecked); no whole number above 0 stays no length."""
    from pytest_llmeval.serving.context import config_length

    found = config_length({"max_position_embeddings": value}, "config.json")
    assert (None if found is None else found.length) == length
