"""pytester acceptance tests of options, ini keys and collection (no server needed)."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def project(llm_project, small_scenarios: Path) -> pytest.Pytester:
    llm_project.scenario("mini.yaml", small_scenarios.read_text(encoding="utf-8"))
    return llm_project.pytester


def test_ids_are_model_then_case_and_grouped_by_model(project):
    result = project.runpytest(
        "--collect-only", "-q", "--llm-model", "small=/models/a", "--llm-model", "/models/Qwen3-8B/"
    )
    result.assert_outcomes()
    assert result.ret == 0
    ids = [line for line in result.outlines if "::" in line]
    assert ids == [
        "test_scenarios.py::test_scenario[small-echo_me]",
        "test_scenarios.py::test_scenario[small-capital]",
        "test_scenarios.py::test_scenario[Qwen3-8B-echo_me]",
        "test_scenarios.py::test_scenario[Qwen3-8B-capital]",
    ]


def test_default_model_is_the_embedded_one(project):
    result = project.runpytest("--collect-only", "-q")
    assert "test_scenarios.py::test_scenario[gemma-3-270m-echo_me]" in result.outlines


def test_extra_scenarios_option_adds_cases(project, tmp_path):
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "more.yaml").write_text(
        "cases:\n  - id: extra_case\n    category: x\n    question: q\n    key_points: [a]\n", encoding="utf-8"
    )
    result = project.runpytest("--collect-only", "-q", f"--llm-scenarios={extra}")
    assert "test_scenarios.py::test_scenario[gemma-3-270m-extra_case]" in result.outlines
    assert "test_scenarios.py::test_scenario[gemma-3-270m-capital]" in result.outlines


def test_a_scenarios_folder_without_cases_is_a_usage_error(project, tmp_path):
    """A folder with no scenario file (or with them only under knowledge/, the RAG corpus) ran the default
    scenarios alone, as if the user's own cases had been asked and passed."""
    corpus_only = tmp_path / "suite" / "knowledge"
    corpus_only.mkdir(parents=True)
    (corpus_only / "doc.yaml").write_text("not: a scenario\n", encoding="utf-8")
    (tmp_path / "suite" / "notes.txt").write_text("cases live elsewhere\n", encoding="utf-8")
    for folder in (tmp_path / "suite", corpus_only.parent / "missing"):
        result = project.runpytest("--collect-only", "-q", f"--llm-scenarios={folder}")
        assert result.ret == pytest.ExitCode.USAGE_ERROR, folder
        assert "test_scenario[" not in result.stdout.str()
    result.stderr.fnmatch_lines(["*--llm-scenarios *missing: no such file or folder. Fix: pass an existing*"])
    empty = project.runpytest("--collect-only", "-q", f"--llm-scenarios={tmp_path / 'suite'}")
    empty.stderr.fnmatch_lines(["*--llm-scenarios *suite: no scenario files (*.yaml, *.yml) in this folder or below*"])


def test_ini_keys_set_every_option(pytester: pytest.Pytester):
    pytester.makeini("""
        [pytest]
        llm_model =
            a=m/a
            b=m/b
        llm_max_tokens = 33
        llm_temperature = 0.5
        llm_thinking = on
        llm_report_dir = out
        llm_tensor_parallel_size = 2
        llm_gpu_memory_utilization = 0.9
        llm_max_model_len = 32768
        llm_reasoning_parser = qwen3
        llm_gpus = 0,1
        llm_vllm_arg =
            --enforce-eager
            --seed 7
    """)
    pytester.makepyfile("""
        def test_settings(llmeval_session):
            s = llmeval_session.settings
            assert [m.label for m in s.models] == ["a", "b"]
            assert (s.max_tokens, s.temperature, s.thinking) == (33, 0.5, "on")
            assert s.report_dir.name == "out"
            assert s.server.cuda_visible_devices == "0,1"
            assert s.server.cli_args() == [
                "--tensor-parallel-size", "2", "--gpu-memory-utilization", "0.9", "--max-model-len", "32768",
                "--reasoning-parser", "qwen3", "--enforce-eager", "--seed", "7"]
    """)
    for label in ("a", "b"):  # launched models must be there (else a usage error at the start)
        (pytester.path / "m" / label).mkdir(parents=True)
        (pytester.path / "m" / label / "config.json").write_text("{}", encoding="utf-8")
        (pytester.path / "m" / label / "model.safetensors").write_bytes(b"w")
    pytester.runpytest().assert_outcomes(passed=1)


def test_command_line_overrides_ini(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\nllm_max_tokens = 33\nllm_temperature = 0.5\n")
    pytester.makepyfile("""
        def test_it(llmeval_session):
            s = llmeval_session.settings
            assert (s.max_tokens, s.temperature) == (7, 0.5)
    """)
    pytester.runpytest("--llm-max-tokens", "7").assert_outcomes(passed=1)  # CLI wins; ini fills the rest
    result = pytester.runpytest()  # without the option the ini value holds, so the assertion fails
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*(33, 0.5) == (7, 0.5)*"])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--llm-model", "a=/x", "--llm-model", "a=/y"], "--llm-model labels must be unique"),
        (["--llm-thinking", "maybe"], "invalid choice: 'maybe'"),
        (["--llm-max-tokens", "many"], "'many' is not a whole number. Fix: write a whole number"),
        (["--llm-max-tokens", "-5"], "--llm-max-tokens -5: must be at least 1"),
        (["--llm-temperature", "-1"], "--llm-temperature -1.0: must be at least 0"),
        (["--llm-gpu-memory-utilization", "1.5"], "--llm-gpu-memory-utilization 1.5: must be in (0, 1]"),
        (["--llm-request-timeout", "0"], "--llm-request-timeout 0.0: must be greater than 0"),
        (["--rag-top-k", "0"], "--rag-top-k 0: must be at least 1"),
        (["--llm-gpus", "a,b"], "--llm-gpus 'a,b': must be GPU indices or UUIDs, each once"),
        (["--llm-gpus", "0,0"], "--llm-gpus '0,0': must be GPU indices or UUIDs, each once"),
        (["--llm-limit-mm-per-prompt", "image"], "--llm-limit-mm-per-prompt 'image': must be a JSON object of counts"),
        # was a FileNotFoundError traceback in every test's setup, when the first server started
        (
            ["--llm-vllm-python=/nonexistent/bin/python"],
            "--llm-vllm-python /nonexistent/bin/python: no such file. Fix:",
        ),
        (["--llm-vllm-python=/"], "--llm-vllm-python /: is a folder. Fix: the python of the environment that has vLLM"),
        # vLLM started, loaded the model and then failed on it
        (["--llm-chat-template=/nonexistent/chat.jinja"], "--llm-chat-template /nonexistent/chat.jinja: no such file"),
        # vLLM refused it after the server had started (minutes on a GPU)
        (
            ["--llm-dtype", "bf16"],
            "--llm-dtype 'bf16': did you mean 'bfloat16'? vLLM's --dtype takes auto, half, float16",
        ),
        (
            ["--llm-dtype", "fp32"],
            "--llm-dtype 'fp32': *vLLM's --dtype takes auto, half, float16, bfloat16, float, float32",
        ),
        (["--llm-model", "a=/x", "--llm-model-arg", "a:dtype=fp16"], "--llm-model-arg 'a:dtype=fp16': *--dtype takes"),
        # were an INTERNALERROR naming RagConfig.embedder
        (["--rag-embedder", "bogus:x"], "invalid value 'bogus:x' for --rag-embedder: unknown embedder; accepted"),
        (["--rag-reranker", "vllm:ftp://h/v1@m"], "for --rag-reranker: the URL must start with http:// or https://"),
    ],
)
def test_bad_options_are_usage_errors(project, args, message):
    result = project.runpytest(*args)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines([f"*{message}*"])


def test_bad_ini_value_is_usage_error(pytester: pytest.Pytester):
    pytester.makeini("[pytest]\nllm_temperature = warm\n")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*ini key llm_temperature = 'warm' is not a valid float*"])


def test_scenario_with_missing_field_fails_collection_naming_file_case_field(project):
    bad = project.path / "scenarios" / "bad.yaml"
    bad.write_text("cases:\n  - id: no_question\n    category: x\n    key_points: [a]\n", encoding="utf-8")
    result = project.runpytest()
    assert result.ret == pytest.ExitCode.INTERRUPTED
    result.stdout.fnmatch_lines(
        [
            "*ERROR collecting test_scenarios.py*",
            f"*invalid scenario file: {bad}, case 'no_question', field 'question': missing required field. "
            "Fix: add 'question:' to the case*",
        ]
    )
    assert "Traceback" not in result.stdout.str()
    assert not (project.path / "llmeval-report").exists()


def test_plain_tests_start_no_server_and_write_no_report(pytester: pytest.Pytester):
    pytester.makepyfile("def test_plain():\n    assert True\n")
    result = pytester.runpytest()
    result.assert_outcomes(passed=1)
    assert "llmeval results" not in result.stdout.str()
    assert not (pytester.path / "llmeval-report").exists()


def test_missing_api_key_variable_is_named_in_the_error(project, monkeypatch):
    monkeypatch.delenv("LLMEVAL_TEST_KEY", raising=False)
    result = project.runpytest(
        "--llm-base-url",
        "http://127.0.0.1:9/v1",
        "--llm-model",
        "m",
        "--llm-api-key-env",
        "LLMEVAL_TEST_KEY",
        "-k",
        "capital",
    )
    # one usage error before any case (each case failed with it as a launch error, and the run was saved)
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*environment variable LLMEVAL_TEST_KEY (named by --llm-api-key-env) is not set*"])
    assert not (project.path / ".llmeval").exists()
    monkeypatch.setenv("LLMEVAL_TEST_KEY", "")
    empty = project.runpytest("--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--llm-api-key-env",
                              "LLMEVAL_TEST_KEY")  # fmt: skip
    assert empty.ret == pytest.ExitCode.USAGE_ERROR
    empty.stderr.fnmatch_lines(["*environment variable LLMEVAL_TEST_KEY (named by --llm-api-key-env) is empty*"])


def test_an_output_folder_that_cannot_be_made_is_a_usage_error(project, tmp_path):
    """It was a FileNotFoundError traceback in every test's setup."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    for flag in ("--llm-report-dir", "--llm-runs-dir"):
        result = project.runpytest(f"{flag}={blocker / 'sub'}", "--collect-only")
        assert result.ret == pytest.ExitCode.USAGE_ERROR, flag
        result.stderr.fnmatch_lines([f"*{flag} *sub: *a-file is a file, not a folder. Fix: choose a writable folder*"])
    result = project.runpytest(f"--llm-report-dir={blocker}", "--collect-only")
    result.stderr.fnmatch_lines(["*--llm-report-dir *a-file: is a file, not a folder. Fix: choose a folder*"])
    fine = project.runpytest(f"--llm-report-dir={tmp_path / 'new' / 'reports'}", "--collect-only")
    assert fine.ret == pytest.ExitCode.OK and not (tmp_path / "new").exists()  # checked, not created


def _root_may_write_where_nothing_can_be_made() -> bool:
    """/proc: os.access says root may write there, and no file can be made."""
    import os

    return os.access("/proc", os.W_OK) and not os.path.exists("/proc/llmeval-probe")


@pytest.mark.skipif(not _root_may_write_where_nothing_can_be_made(), reason="needs Linux /proc, run as root")
def test_a_folder_that_only_claims_to_be_writable_is_a_usage_error(project):
    """os.access trusts root, whom /proc (or /sys, an NFS export with root squash) refuses: the report folder
    failed every test with a FileNotFoundError, the saved run was lost at the end, and --llm-cache waited
    forever for a lock file it could not create. Now each is tried at the start, with a file removed again."""
    for args in (
        ["--llm-report-dir=/proc/llmeval/reports"],
        ["--llm-runs-dir=/proc/llmeval-runs"],
        ["--llm-cache", "--llm-cache-path=/proc/llmeval-cache.sqlite"],
    ):
        result = project.runpytest(*args, "--collect-only")
        assert result.ret == pytest.ExitCode.USAGE_ERROR, args
        result.stderr.fnmatch_lines(["*/proc* is not writable (*). Fix: choose a writable *"])
        assert "Traceback" not in result.stderr.str()
    fine = project.runpytest(f"--llm-report-dir={project.path / 'a' / 'b'}", "--collect-only")
    assert fine.ret == pytest.ExitCode.OK
    assert not (project.path / "a").exists()  # the try leaves nothing behind
