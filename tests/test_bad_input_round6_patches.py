"""Bad input, round 6, the fixes outside helper D's files (recorder.py, resume.py, http_stream.py):

- a results.json nested past the JSON parser's stack (`[[[[...`) was a RecursionError traceback in every command
  that reads a run (report, compare, accept, rescore, merge) and an INTERNALERROR under --llm-compare and
  --llm-resume;
- a results.json saved again by an editor that writes a byte order mark was "not valid JSON: cut short";
- a run of a newer schema version said "re-run with this plugin version" (no Fix; running this version again never
  helps): it names the newer plugin and the upgrade;
- a server that redirects (http -> https, a path without /v1) was "malformed stream ... Expecting value": the
  redirect's body was read as the answer. It is the case's HTTP error naming the redirect, its target and the fix.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from test_input_fuzz import one_usage_error, project, saved_run  # noqa: F401 - fixtures

from pytest_llmeval.__main__ import main
from pytest_llmeval.serving.models import ModelSpecError, apply_model_args, parse_model

DEEP = "[" * 100_000 + "]" * 100_000


@pytest.mark.parametrize("command", ["report", "compare-base", "compare-new", "accept", "rescore", "merge"])
def test_a_results_json_nested_past_the_parsers_stack_is_one_error(saved_run, tmp_path, capsys, command):  # noqa: F811
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    argv = {
        "report": ["report", str(deep)],
        "compare-base": ["compare", str(deep), str(saved_run)],
        "compare-new": ["compare", str(saved_run), str(deep)],
        "accept": ["accept", str(deep), "--baseline", str(tmp_path / "baseline.json")],
        "rescore": ["rescore", str(deep), "-o", str(tmp_path / "out"), "--runs-dir", str(tmp_path / "runs")],
        "merge": ["merge", str(deep), str(saved_run), "-o", str(tmp_path / "merged")],
    }[command]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert f"{deep}: nested too deeply to be a results.json" in err and "Fix:" in err, err


def test_compare_and_resume_with_a_results_json_nested_too_deeply_are_no_internal_error(project, tmp_path):  # noqa: F811
    deep = tmp_path / "deep.json"
    deep.write_text(DEEP, encoding="utf-8")
    result = project.run("--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", f"--llm-compare={deep}")
    one_usage_error(result, "--llm-compare", "nested too deeply")
    (project.path / "llmeval-report").mkdir()
    (project.path / "llmeval-report" / "results.json").write_text(DEEP, encoding="utf-8")
    result = project.run(
        "--collect-only", "--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "--llm-resume"
    )
    assert "INTERNALERROR" not in result.stdout.str() + result.stderr.str()


def test_a_results_json_with_a_byte_order_mark_is_read(saved_run, capsys):  # noqa: F811
    marked = saved_run.parent / "marked.json"
    marked.write_text("\ufeff" + saved_run.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["report", str(marked)]) == 0
    assert "mean score" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("version", "words"),
    [
        (3, "schema_version 3 was written by a newer pytest-llmeval (this one reads 1 and 2). Fix: upgrade"),
        ("2", "schema_version '2' is no version pytest-llmeval writes (1 or 2)"),
        (0, "schema_version 0 is no version pytest-llmeval writes"),
    ],
)
def test_a_run_of_another_schema_version_names_why_and_the_fix(saved_run, capsys, version, words):  # noqa: F811
    doc = json.loads(saved_run.read_text(encoding="utf-8"))
    doc["schema_version"] = version
    other = saved_run.parent / "other.json"
    other.write_text(json.dumps(doc), encoding="utf-8")
    assert main(["report", str(other)]) == 2
    err = capsys.readouterr().err
    assert words in err and "Fix:" in err, err


class _Redirect(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b"<html>moved</html>"
        self.send_response(307)
        key = self.headers["Authorization"].split()[-1]  # the key, in the query of where it leads
        self.send_header("Location", f"https://other.example/v1/chat/completions?key={key}")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def redirecting() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()
    server.server_close()


def test_a_redirect_is_the_cases_http_error_naming_where_it_leads(project, redirecting, monkeypatch):  # noqa: F811
    monkeypatch.setenv("MODEL_KEY", "sk-REDIRECTKEY-123")
    result = project.run(
        "--llm-base-url", redirecting, "--llm-model", "m", "--llm-api-key-env", "MODEL_KEY", "--llm-warmup", "0"
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    doc = json.loads((Path(project.path) / "llmeval-report" / "results.json").read_text(encoding="utf-8"))
    (message,) = {case["error"]["message"] for case in doc["cases"]}
    assert "answered HTTP 307" in message and "the server redirects the request" in message, message
    assert message.endswith("Fix: pass the URL it redirects to instead: https://other.example/v1/chat/completions")
    assert "REDIRECTKEY" not in result.stdout.str() + result.stderr.str() + json.dumps(doc)


@pytest.mark.parametrize(
    ("arg", "words"),
    [
        ("m:tensor_parallel_size=2:x", "tensor_parallel_size must be a whole number, not '2:x'. Fix: e.g. m:tensor_"),
        ("m:gpu_memory_utilization=lots", "gpu_memory_utilization must be a number, not 'lots'. Fix: e.g. m:gpu_"),
    ],
)
def test_a_per_model_number_that_is_no_number_says_what_it_takes(arg, words):
    with pytest.raises(ModelSpecError, match=re.escape(words)):
        apply_model_args([parse_model("m=/models/m")], [arg])
