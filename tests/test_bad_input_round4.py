"""Bad input, round 4: every value a user can give is refused at the start with the option, the value and the fix -
never a traceback, a hang, a failure minutes later, or silently taken.

- `--llm-model`: a path that is not there, a file that is not a GGUF, a folder without config.json, a hub id not
  downloaded while vLLM runs offline (or the hub cannot be reached) failed when the model's turn came, as every
  case's launch error - after the models before it had run. Attached servers (a served name) and --collect-only
  (nothing launched) are left alone; `~` is expanded (vLLM took `~/m` for a hub id).
- a damaged answer-cache row (metrics of the wrong type) was served as a hit.
- `--llm-save .`, `..`, `a/b`, a NUL: a path or no name, taken silently.
- a path option whose value cannot be looked up at all (a name too long, `~nobody`): INTERNALERROR.
- option values fuzzed (hypothesis): exit 4 naming the option, or accepted; never a traceback.
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_input_fuzz import one_usage_error as usage_error

from pytest_llmeval.__main__ import main
from pytest_llmeval.config import OPTIONS, PATH_OPTIONS
from pytest_llmeval.serving.cache import AnswerCache
from pytest_llmeval.serving.client import Completion, RequestMetrics
from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.testing.openai_fake import FakeServer

CASE = """suite: s
cases:
  - id: c1
    category: demo
    question: 法国的首都是哪里？
    key_points: [巴黎]
"""
LONG = "b" * 300  # past NAME_MAX (255): os.stat raises ENAMETOOLONG
NO_USER = "~no-such-user-llmeval/x"  # Path.expanduser raises RuntimeError
FALSE_PYTHON = "--llm-vllm-python=/bin/false"  # a launch that is tried fails at once: never a real vLLM


@pytest.fixture
def project(llm_project, monkeypatch, tmp_path):
    llm_project.scenario("s.yaml", CASE)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))  # an empty Hugging Face cache
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    (llm_project.path / "weights.bin").write_bytes(b"\0")
    (llm_project.path / "empty-dir").mkdir()
    return llm_project


# ------------------------------------------------------------------------------------------------ model sources
MISSING = {
    "absolute path": ("/no/such/dir", ["--llm-model /no/such/dir: no such file or folder", "Fix:"]),
    "labelled path": ("x=/no/such/dir", ["--llm-model x=/no/such/dir: no such file or folder", "Fix:"]),
    "relative path": ("./not-here", ["--llm-model ./not-here: no such file or folder"]),
    "a file": ("x=./weights.bin", ["--llm-model x=./weights.bin: is a file, not a model folder", "GGUF", "Fix:"]),
    "a folder without config.json": ("x=./empty-dir", ["x=./empty-dir: the folder has no config.json", "Fix:"]),
    "a home of no user": (f"x={NO_USER}", ["no such user's home folder", "Fix:"]),
    "a name too long": (f"x=/{LONG}", ["File name too long", "Fix:"]),
    "no hub id": ("x=my model", ["--llm-model x=my model: not a file or folder here, and not a hub id", "Fix:"]),
    "a hub id not downloaded": (
        "org/not-downloaded",
        ["--llm-model org/not-downloaded: not a file or folder here", "not in the Hugging Face cache", "offline"],
    ),
}


@pytest.mark.parametrize(("model", "words"), MISSING.values(), ids=MISSING.keys())
def test_a_model_vllm_cannot_load_is_a_usage_error_at_the_start(project, model, words):
    start = time.monotonic()
    usage_error(project.run(f"--llm-model={model}", FALSE_PYTHON), *words)
    assert time.monotonic() - start < 30


def test_a_model_in_an_ini_file_or_behind_others_is_refused_before_any_runs(project, tmp_path):
    """The second model's path failed after the first model's cases had run."""
    good = tmp_path / "good"
    good.mkdir()
    (good / "config.json").write_text("{}", encoding="utf-8")
    (good / "model.safetensors").write_bytes(b"w")
    usage_error(project.run(f"--llm-model=a={good}", "--llm-model=b=/no/such/dir", FALSE_PYTHON), "b=/no/such/dir")
    project.pytester.makeini("[pytest]\nllm_model = /no/such/dir\n")
    usage_error(project.run(FALSE_PYTHON), "--llm-model /no/such/dir: no such file or folder")


def test_a_hub_id_not_downloaded_is_refused_when_the_hub_cannot_be_reached(project, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")  # vLLM may download: but nothing answers at HF_ENDPOINT
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    usage_error(
        project.run("--llm-model=org/not-downloaded", FALSE_PYTHON),
        "the hub cannot be reached (http://127.0.0.1:9",
        "Fix:",
    )


def hub_snapshot(home: Path, repo: str, revision: str = "main") -> Path:
    folder = home / "hub" / ("models--" + repo.replace("/", "--"))
    snapshot = folder / "snapshots" / "0123abc"
    snapshot.mkdir(parents=True)
    (snapshot / "config.json").write_text("{}", encoding="utf-8")
    (folder / "refs").mkdir()
    (folder / "refs" / revision).write_text("0123abc", encoding="utf-8")
    return snapshot


def launched(project) -> list[dict]:
    return project.results()["run"]["launches"]


def test_what_vllm_can_load_is_tried_and_a_home_path_is_expanded(project, tmp_path, monkeypatch):
    """Not refused: a model folder, Mistral's params.json, a .gguf file, a hub id in the cache, a folder whose config
    --hf-config-path names; the launch (a python that fails) is tried. `~/m` reaches vLLM as the full path: vLLM
    does not expand it and read it as a hub id."""
    home = tmp_path / "home"
    (home / "m").mkdir(parents=True)
    (home / "m" / "config.json").write_text("{}", encoding="utf-8")
    (home / "m" / "model.safetensors").write_bytes(b"w")
    monkeypatch.setenv("HOME", str(home))
    result = project.run("--llm-model=h=~/m", FALSE_PYTHON)
    assert result.ret == pytest.ExitCode.TESTS_FAILED, result.stdout.str()
    assert [launch["path"] for launch in launched(project)] == [str(home / "m")]
    mistral = tmp_path / "mistral"
    mistral.mkdir()
    (mistral / "params.json").write_text("{}", encoding="utf-8")
    (mistral / "consolidated.safetensors").write_bytes(b"w")
    (tmp_path / "model.gguf").write_bytes(b"GGUF")
    hub_snapshot(tmp_path / "hf", "org/downloaded")
    for args in (
        [f"--llm-model=p={mistral}"],
        [f"--llm-model=g={tmp_path / 'model.gguf'}"],
        ["--llm-model=org/downloaded"],
        ["--llm-model=e=./empty-dir", "--llm-vllm-arg=--hf-config-path=org/downloaded"],
    ):
        result = project.run(*args, FALSE_PYTHON)  # past the start: the launch (here /bin/false) is tried
        assert result.ret == pytest.ExitCode.TESTS_FAILED, (args, result.stdout.str() + result.stderr.str())
        assert len(launched(project)) == 1


def test_an_attached_server_or_collect_only_takes_any_model_name(project):
    """With --llm-base-url the model is the name the server serves; --collect-only launches nothing."""
    with FakeServer() as fake:
        for args in (
            ["--llm-model=/no/such/dir", "--llm-base-url", fake.base_url],
            ["--llm-model=x=/no/such/dir", f"--llm-model-arg=x:base_url={fake.base_url}"],
        ):
            result = project.run(*args)  # the fake's answer misses the key point: the case fails, answered
            result.assert_outcomes(failed=1)
            (case,) = project.results()["cases"]
            assert case["error"] is None and case["answer"], case
    assert project.run("--collect-only", "--llm-model=/no/such/dir").ret == 0
    usage_error(project.run("--llm-model=/no/such/dir", FALSE_PYTHON), "/no/such/dir")  # the same, launched


def test_parse_model_expands_the_home_folder_of_a_path_only(monkeypatch, tmp_path):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert parse_model("x=~/m@0").source == str(tmp_path / "m")
    assert parse_model("~/m").label == "m" and parse_model("~/m").source == str(tmp_path / "m")
    assert parse_model("org/name").source == "org/name"
    assert parse_model(f"x={NO_USER}").source == NO_USER  # left for the check to name


def test_a_per_model_chat_template_or_endpoint_file_is_checked_as_the_run_wide_one(project):
    """`LABEL:chat_template=/no/such` went to vLLM (it failed after the model had loaded); `LABEL:base_url=@/dev/zero`
    read the device forever."""
    model = ["--llm-model=x=/tmp", "--collect-only"]
    usage_error(
        project.run(*model, "--llm-model-arg=x:chat_template=/no/such.jinja"),
        "--llm-model-arg x:chat_template /no/such.jinja: no such file",
        "Fix:",
    )
    assert project.run(*model, "--llm-model-arg=x:chat_template={{ messages }}").ret == 0  # the template's text
    result = project.pytester.runpytest_subprocess(
        *model, "--llm-model-arg=x:base_url=@/dev/zero", "-p", "no:cacheprovider", timeout=60
    )
    usage_error(result, "--llm-model-arg x:base_url @/dev/zero: /dev/zero is not a regular file", "Fix:")


# ---------------------------------------------------------------------------------------------- answer cache
def completion() -> Completion:
    return Completion("巴黎", "", RequestMetrics(0.1, 0.5, 10, 4, 0.1, 10.0, finish_reason="stop"))


DAMAGED_METRICS = {
    "a time as text": ("ttft_s", "abc"),
    "a count as text": ("prompt_tokens", "12"),
    "a list": ("output_tokens", [4]),
    "a mapping": ("e2e_s", {"s": 1}),
    "a negative time": ("e2e_s", -0.5),
    "a negative count": ("output_tokens", -4),
    "a fractional count": ("prompt_tokens", 1.5),
    "true for a count": ("reasoning_tokens", True),
    "not a number": ("tpot_s", float("nan")),
    "infinite": ("decode_tok_s", float("inf")),
    "an endpoint that is a number": ("endpoint", 5),
    "a retry that is text": ("retry", "twice"),
}


@pytest.mark.parametrize(("field", "value"), DAMAGED_METRICS.values(), ids=DAMAGED_METRICS.keys())
def test_a_row_whose_metrics_hold_a_value_of_the_wrong_kind_is_a_miss_and_replaced(tmp_path, field, value):
    cache = AnswerCache(tmp_path / "c.sqlite")
    assert cache.put("k", completion(), "m", "id")
    db = sqlite3.connect(tmp_path / "c.sqlite")
    metrics = json.loads(db.execute("SELECT metrics FROM answers").fetchone()[0])
    metrics[field] = value
    db.execute("UPDATE answers SET metrics = ?", (json.dumps(metrics),))
    db.commit()
    assert cache.get("k") is None  # a miss: the model is asked again
    assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 0  # and the damaged row is gone
    assert cache.put("k", completion(), "m", "id")  # so this run's answer takes its place
    hit = cache.get("k")
    assert hit is not None and hit.metrics.prompt_tokens == 10


def test_a_row_whose_metrics_are_nested_past_the_parsers_limit_is_a_miss(tmp_path):
    cache = AnswerCache(tmp_path / "c.sqlite")
    assert cache.put("k", completion(), "m", "id")
    db = sqlite3.connect(tmp_path / "c.sqlite")
    db.execute("UPDATE answers SET metrics = ?", ("[" * 100_000 + "]" * 100_000,))
    db.commit()
    assert cache.get("k") is None and cache.failed is None  # a miss, not a RecursionError nor the cache given up


# ------------------------------------------------------------------------------------------------- save names
BAD_SAVE_NAMES = {
    "this folder": (".", "has no letter or digit"),
    "the folder above": ("..", "has no letter or digit"),
    "underscores": ("__", "has no letter or digit"),
    "a path": ("../outside/x", "a folder separator"),
    "a nested name": ("nightly/fp8", "a folder separator"),
    "a backslash": ("a\\b", "a folder separator"),
    "a NUL": ("a\0b", "control character"),
    "a newline": ("a\nb", "control character"),
}


@pytest.mark.parametrize(("name", "why"), BAD_SAVE_NAMES.values(), ids=BAD_SAVE_NAMES.keys())
def test_a_save_name_that_is_a_path_or_no_name_is_a_usage_error(project, name, why):
    usage_error(project.run("--collect-only", "--llm-save", name), "--llm-save", why, "Fix:")
    assert not (project.path / ".llmeval").exists() and not (project.path.parent / "outside").exists()


@pytest.mark.parametrize("name", [".", "../outside/x", "a\0b"])
def test_rescore_refuses_the_same_save_names(tmp_path, capsys, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    assert main(["rescore", "results.json", "--save", name, "--runs-dir", "runs"]) == 2
    assert "--save" in capsys.readouterr().err
    assert not (tmp_path / "runs").exists()


# --------------------------------------------------------------------------------------- paths that cannot be
PATH_FLAGS = sorted({*PATH_OPTIONS, "--llm-base-url", "--llm-dataset"} - {"--llm-vllm-python"})


def path_value(flag: str, text: str) -> str:
    return f"@{text}" if flag == "--llm-base-url" else f"jsonl:{text}" if flag == "--llm-dataset" else text


TEXTS = {"too long": LONG, "too long folder": f"{LONG}/x", "no user": NO_USER}
# these were usage errors already (their own check caught the OSError); every other pair was an INTERNALERROR
CAUGHT_BEFORE = {
    ("--llm-bench-prompt-file", "no user"), ("--llm-cache-path", "too long folder"), ("--llm-prices", "no user"),
    ("--llm-scenarios", "no user"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("flag", "text"),
    [
        pytest.param(flag, text, id=f"{flag}-{kind}")
        for flag in PATH_FLAGS
        for kind, text in TEXTS.items()
        if (flag, kind) not in CAUGHT_BEFORE
    ],
)
def test_a_path_that_cannot_be_looked_up_is_a_usage_error_naming_the_option(project, flag, text):
    value = path_value(flag, text)
    usage_error(project.run("--collect-only", f"{flag}={value}"), flag, "Fix:")


@pytest.mark.parametrize("text", [LONG, NO_USER])
@pytest.mark.parametrize("flag", ["--llm-model", "--llm-report-dir", "--llm-chat-template"])
def test_a_separate_path_argument_that_cannot_be_looked_up_is_no_internal_error(project, flag, text):
    result = project.run(flag, text, FALSE_PYTHON)
    usage_error(result, flag, "Fix:")


# ------------------------------------------------------------------------------------------- fuzzed options
NUMERIC = [opt for opt in OPTIONS if opt.type in (int, float)]
ODD = [
    "", " ", "0", "-1", "-0", "abc", "1.5", "1e400", "-1e400", "nan", "inf", "9" * 30, "9" * 5000, "0x10", "1_0",
    "１２", "²", "\t3", "1,2", "[1]", "{}", "None", "true",
]  # fmt: skip
MODEL_KEYS = [
    "gpus", "tensor_parallel_size", "data_parallel_size", "gpu_memory_utilization", "max_model_len", "dtype",
    "quantization", "reasoning_parser", "chat_template", "limit_mm_per_prompt", "vllm_arg", "base_url", "",
    "unknown", "GPUS", " gpus",
]  # fmt: skip
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def accepted_or_named(result: pytest.RunResult, *names: str) -> None:
    out = result.stdout.str() + result.stderr.str()
    assert "INTERNALERROR" not in out and "Traceback" not in out, out
    # refused at the start (4), or at collection (2) where the cases decide: a context too small for the answer
    # budget (`--llm-model-arg x:max_model_len=\t3` is 3 tokens) is found when the scenarios load (round 11)
    assert result.ret in (pytest.ExitCode.OK, pytest.ExitCode.USAGE_ERROR, pytest.ExitCode.INTERRUPTED), out
    if result.ret == pytest.ExitCode.INTERRUPTED:
        assert "answer budget larger than the model's context" in out, out
    if result.ret != pytest.ExitCode.OK:
        assert any(name in out for name in names), (names, out)


@FUZZ
@given(key=st.sampled_from(MODEL_KEYS), value=st.one_of(st.sampled_from(ODD), st.text(max_size=12)))
@example(key="chat_template", value="/no/such.jinja")  # went to vLLM, which failed after the model loaded
@example(key="chat_template", value=NO_USER)
@example(key="max_model_len", value="\t3")  # a collection error naming the option (found in a quick-suite run)
def test_a_per_model_setting_given_any_text_is_taken_or_refused_by_name(project, key, value):
    value = value.replace("\0", "")
    if key == "base_url" and value.startswith("@"):
        value = value[1:]  # a file of URLs: test_a_per_model_chat_template_or_endpoint_file_...
    result = project.run("--collect-only", "--llm-model=x=/tmp", f"--llm-model-arg=x:{key}={value}")
    accepted_or_named(result, "--llm-model-arg")
    if key == "chat_template" and value.strip() and "{{" not in value and "{%" not in value:
        assert result.ret == pytest.ExitCode.USAGE_ERROR  # no such file


FUZZED = [*NUMERIC, *(opt for opt in OPTIONS if opt.flag in ("--llm-report-dir", "--llm-cache-path", "--llm-prices"))]


@FUZZ
@given(
    opt=st.sampled_from(FUZZED),
    value=st.one_of(st.sampled_from([*ODD, LONG, NO_USER, f"{LONG}/x", "~", "."]), st.text(max_size=20)),
    ini=st.booleans(),
)
@example(opt=next(o for o in OPTIONS if o.flag == "--llm-report-dir"), value=LONG, ini=False)  # INTERNALERRORs
@example(opt=next(o for o in OPTIONS if o.flag == "--llm-cache-path"), value=NO_USER, ini=True)
def test_an_option_given_any_text_is_taken_or_refused_by_name(project, opt, value, ini):
    """Numbers (--llm-concurrency 0/-1/abc, --llm-repeat, --llm-max-tokens, --llm-request-timeout, ...) and paths,
    on the command line and as ini values (-o): exit 4 naming the option or its ini key, or taken."""
    value = value.replace("\0", "")  # no command line or ini file holds a NUL
    args = ["-o", f"{opt.ini}={value}"] if ini else [f"{opt.flag}={value}"]
    accepted_or_named(project.run("--collect-only", *args), opt.flag, opt.ini)
