"""Bad input, round 5: paths and devices, free-text per-model values.

- `~` in a path option (`--llm-report-dir=~/x`, an ini value: no shell expands it) made a folder literally named `~`
  or was "no such file"; it is expanded wherever a path option is read, as `--llm-model` does.
- a device, a FIFO, a folder where a file is read or a file where a folder is: "no such file" (it is there), with no
  Fix, or a collection error after the start - now one usage error naming what it is and the fix, never a wait.
- `--llm-quantization` / `--llm-reasoning-parser` and their per-model keys took any text (`fp8 awq`, `awq,fp8`, ``):
  vLLM refused it after the server had started. One rule for both: a single name.
"""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_input_fuzz import one_usage_error as usage_error

from pytest_llmeval.plugin import get_session

PRICES = "api:\n  default: {input_per_million: 0.3, output_per_million: 0.6}\ngpu:\n  hourly_price: 2\n"
CASE = "suite: s\ncases:\n  - id: c1\n    category: demo\n    question: q\n    key_points: [a]\n"


@pytest.fixture
def project(llm_project):
    llm_project.scenario("s.yaml", CASE)
    return llm_project


@pytest.fixture(autouse=True)
def no_wait() -> Iterator[None]:
    """A check that opens a FIFO or reads /dev/zero waits forever, a YAML alias bomb quoted in an error never ends
    (round 7): fail the test instead (SIGALRM interrupts the blocking call or the loader's Python code)."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError("waited more than 60 s: a device or a FIFO was read, or a value expanded")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(60)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------------------------------------ ~ in path options
@pytest.fixture
def home(project, monkeypatch, tmp_path) -> Path:
    """A home folder holding what every path option names."""
    home = tmp_path / "home"
    (home / "kb").mkdir(parents=True)
    (home / "kb" / "doc.md").write_text("# 标题\n\n正文。\n", encoding="utf-8")
    (home / "s.yaml").write_text(CASE.replace("c1", "c2"), encoding="utf-8")
    (home / "words.txt").write_text("词 3\n", encoding="utf-8")
    (home / "rag.txt").write_text("{context}\n{question}\n", encoding="utf-8")
    (home / "prompts.txt").write_text("a prompt\n", encoding="utf-8")
    (home / "chat.jinja").write_text("{{ messages }}", encoding="utf-8")
    (home / "prices.yaml").write_text(PRICES, encoding="utf-8")
    (home / "python").symlink_to(sys.executable)
    monkeypatch.setenv("HOME", str(home))
    return home


PATH_VALUES = {
    "llm_report_dir": "~/reports",
    "llm_runs_dir": "~/runs",
    "llm_cache_path": "~/cache/answers.sqlite",
    "llm_scenarios": "~/s.yaml",
    "rag_knowledge": "~/kb",
    "rag_dict": "~/words.txt",
    "rag_template": "~/rag.txt",
    "llm_bench_prompt_file": "~/prompts.txt",
    "llm_chat_template": "~/chat.jinja",
    "llm_prices": "~/prices.yaml",
    "llm_vllm_python": "~/python",
}


@pytest.mark.parametrize("given_in", ["command line", "ini file"])
def test_a_home_path_is_expanded_in_every_path_option(project, home, given_in):
    if given_in == "ini file":
        project.pytester.makeini("[pytest]\n" + "".join(f"{key} = {value}\n" for key, value in PATH_VALUES.items()))
        args: list[str] = []
    else:
        args = [f"--{key.replace('_', '-')}={value}" for key, value in PATH_VALUES.items()]
    config = project.pytester.parseconfigure(*args, "--rag", "--collect-only")
    settings = get_session(config).settings
    assert settings.report_dir == home / "reports"
    assert settings.runs.runs_dir == home / "runs"
    assert settings.cache == home / "cache" / "answers.sqlite"
    assert settings.scenario_paths[-1] == home / "s.yaml"
    assert [Path(p) for p in settings.rag.knowledge] == [home / "kb"]
    assert Path(settings.rag.dictionaries[-1]) == home / "words.txt"
    assert settings.rag.template is not None and Path(settings.rag.template) == home / "rag.txt"
    assert Path(str(settings.bench.prompt_file)) == home / "prompts.txt"
    assert settings.server.chat_template == str(home / "chat.jinja")  # vLLM does not expand it: it took it as text
    assert settings.prices == home / "prices.yaml"
    assert settings.server.python == str(home / "python")
    assert not (project.path / "~").exists()


def test_a_per_model_chat_template_in_the_home_folder_reaches_vllm_expanded(project, home):
    config = project.pytester.parseconfigure(
        "--collect-only", "--llm-model=x=/tmp", "--llm-model-arg=x:chat_template=~/chat.jinja"
    )
    (spec,) = get_session(config).settings.models
    assert dict(spec.options)["chat_template"] == str(home / "chat.jinja")


def test_a_home_of_no_user_is_still_named(project):
    usage_error(project.run("--collect-only", "--llm-report-dir=~no-such-user-llmeval/r"), "no such user's home")


# ------------------------------------------------------------------------------------ devices, FIFOs, wrong kinds
@pytest.fixture
def odd_paths(project) -> dict[str, str]:
    os.mkfifo(project.path / "fifo")
    (project.path / "folder").mkdir()
    (project.path / "file.txt").write_text("x\n", encoding="utf-8")
    return {"/dev/zero": "/dev/zero", "/dev/null": "/dev/null", "a FIFO": "fifo", "a folder": "folder"}


FILE_OPTIONS = {  # option -> (extra arguments, the fix's words)
    "--llm-scenarios": ([], "scenario"),
    "--llm-chat-template": ([], "Jinja chat template file"),
    "--rag-template": ([], "{context} and {question}"),
    "--rag-dict": ([], "dictionary file"),
    "--llm-bench-prompt-file": ([], ".jsonl"),
    "--llm-prices": ([], "prices YAML"),
    "--llm-cache-path": ([], "cache"),
    "--llm-compare": ([], "results.json"),
}


FOLDER_TOO = ("--llm-scenarios", "--llm-compare")  # a folder is what these options also take


@pytest.mark.parametrize(
    ("option", "kind"),
    [
        (option, kind)
        for kind in ("/dev/zero", "/dev/null", "a FIFO", "a folder")
        for option in FILE_OPTIONS
        if not (kind == "a folder" and option in FOLDER_TOO)
    ],
)
def test_a_device_a_fifo_or_a_folder_for_a_file_is_named(project, odd_paths, option, kind):
    extra, fix = FILE_OPTIONS[option]
    value = odd_paths[kind]
    out = usage_error(project.run("--collect-only", *extra, f"{option}={value}"), option, value, "Fix:", fix)
    assert "no such file" not in out, out  # it is there
    assert ("is a folder" if kind == "a folder" else "not a regular file") in out, out


@pytest.mark.parametrize("kind", ["/dev/zero", "/dev/null", "a FIFO"])
def test_a_device_or_a_fifo_for_a_file_or_folder_is_named(project, odd_paths, kind):
    value = odd_paths[kind]
    for args in (
        ["--rag", f"--rag-knowledge={value}"],
        [f"--llm-scenarios={value}"],
        ["--llm-model=x=/tmp", f"--llm-model-arg=x:chat_template={value}"],
        [f"--llm-report-dir={value}"],
        [f"--llm-runs-dir={value}"],
    ):
        out = usage_error(project.run("--collect-only", *args), value, "not a regular file", "Fix:")
        assert "no such file" not in out and "no documents" not in out, (args, out)


@pytest.mark.parametrize(
    ("spec", "words"),
    [
        ("jsonl:folder", ["--llm-dataset jsonl:folder", "is a folder", "Fix:", ".jsonl"]),
        ("ocrbench:file.txt", ["--llm-dataset ocrbench:file.txt", "is a file, not a folder", "Fix:", "OCRBench"]),
        ("jsonl:not-here.jsonl", ["--llm-dataset jsonl:not-here.jsonl", "no such file", "Fix:"]),
        ("ocrbench:not-here", ["--llm-dataset ocrbench:not-here", "no such folder", "Fix:"]),
    ],
)
def test_a_dataset_of_the_wrong_kind_is_a_usage_error_at_the_start(project, odd_paths, spec, words):
    """It was a collection error (exit 2) after the start."""
    usage_error(project.run("--collect-only", f"--llm-dataset={spec}"), *words)


def test_a_file_given_for_an_output_folder_is_named(project, odd_paths):
    for flag in ("--llm-report-dir", "--llm-runs-dir"):
        usage_error(project.run("--collect-only", f"{flag}=file.txt"), flag, "is a file, not a folder", "Fix:")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a file of mode 000")
def test_an_unreadable_file_is_named(project, odd_paths):
    for name, option in (("t.txt", "--rag-template"), ("d.txt", "--rag-dict"), ("p.txt", "--llm-bench-prompt-file")):
        path = project.path / name
        path.write_text("{context} {question}\n", encoding="utf-8")
        path.chmod(0)
        usage_error(project.run("--collect-only", f"{option}={name}"), option, "Fix:")


# ---------------------------------------------------------------------------- per-model free-text vLLM names
BAD_NAMES = ["fp8 awq", "awq,fp8", "-q", "fp8;rm", "日本"]


@pytest.mark.parametrize("key", ["quantization", "reasoning_parser"])
@pytest.mark.parametrize("value", BAD_NAMES)
def test_a_vllm_name_that_is_no_name_is_refused_run_wide_and_per_model(project, key, value):
    flag = f"--llm-{key.replace('_', '-')}"
    usage_error(project.run("--collect-only", f"{flag}={value}"), flag, "Fix:", "one name")
    usage_error(
        project.run("--collect-only", "--llm-model=x=/tmp", f"--llm-model-arg=x:{key}={value}"),
        f"--llm-model-arg x:{key}",
        f"(as {flag})",
        "one name",
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [("quantization", "fp8"), ("quantization", "compressed-tensors"), ("reasoning_parser", "deepseek_r1"),
     ("reasoning_parser", "my.plugin_parser")],
)  # fmt: skip
def test_a_vllm_name_or_a_plugins_name_is_taken(project, key, value):
    """vLLM takes names its plugins register (a quantization method, --reasoning-parser-plugin): no fixed list."""
    flag = f"--llm-{key.replace('_', '-')}"
    assert project.run("--collect-only", f"{flag}={value}").ret == 0
    assert project.run("--collect-only", "--llm-model=x=/tmp", f"--llm-model-arg=x:{key}={value}").ret == 0
