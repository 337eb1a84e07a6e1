"""Red team of the gate, round 2: runs the gate passed although it could not vouch for them. Each test failed before
its fix. End to end where the hole is in what a run writes (pytest against the fake server, then `python -m
pytest_llmeval compare` on the same files); on documents where the hole is in the arithmetic.

- a model or mode of the new run with no usable answer (every request refused, timed out or dropped, every answer
  empty): broken whatever is allowed - under --allow-errors its zeros read as "no change" at a small n, against a
  baseline that scored low, or without a rule, and the gate passed;
- a baseline whose status is "degraded" with no errored record (a server that died after its last answer) passed in
  silence, where the same new run breaks; one whose errored samples were left out was never named in the summary;
- a speed rule decided on values rounded to 4 decimals of a second (a 19.8% rise of a 12 ms TTFT failed
  `ttft_p50:20%`, a 20.8% rise of a 2 ms one passed it) and failed a rise of exactly the threshold (0.7 -> 0.84 s).
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.compare import EXIT_BROKEN, EXIT_OK, EXIT_REGRESSION, compare_runs, parse_fail_expressions
from pytest_llmeval.testing.openai_fake import FakeServer, _chunk, _last_user_text

POINTS = ["甲项", "乙项", "丙项"]
GATE = "score:5,pass_rate:10"


def scenario_yaml(n: int) -> str:
    lines = ["suite: gate", "cases:"]
    for i in range(n):
        lines += [f"  - id: q{i:02d}", "    category: gate", f"    question: 第{i:02d}题：列出全部要点。"]
        lines += [f"    key_points: [{', '.join(POINTS)}]"]
    return "\n".join(lines) + "\n"


class Answers:
    """The fake model: every point (score 100) by default; `how` breaks every case's request or answer."""

    def __init__(self) -> None:
        self.how = "good"

    def __call__(self, request: dict[str, Any]) -> str | None:
        if not str(request["messages"][-1]["content"]).startswith("第"):
            return "ok"  # the warm-up request
        if self.how == "dropped":
            raise ConnectionResetError("the fake server closes the connection")
        if self.how == "salted" and request.get("cache_salt"):  # samples 1.. of --llm-repeat
            raise ConnectionResetError("the fake server closes the connection")
        return "" if self.how == "empty" else "答：" + "、".join(POINTS) + "。"


class StoppingServer(FakeServer):
    """The fake server, whose answers to the suite's questions stop after a few characters with finish_reason
    `finish` when it is set (vLLM's "abort" or "error", a provider's "content_filter")."""

    finish: str | None = None

    async def _stream(self, req: dict[str, Any], chat: bool, writer: Any) -> bool:
        if self.finish is None or not chat or not _last_user_text(req).startswith("第"):
            return await super()._stream(req, chat, writer)
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        for piece, finish in (("答：甲项", None), ("", self.finish)):
            choice = {"index": 0, "delta": {"content": piece}, "finish_reason": finish}
            event = {"id": "x", "object": "chat.completion.chunk", "model": req.get("model"), "choices": [choice]}
            _chunk(writer, b"data: " + json.dumps(event, ensure_ascii=False).encode() + b"\n\n")
        _chunk(writer, b"data: [DONE]\n\n")
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True


class Project:
    """A user's project with models m1 and m2, each served by its own fake server."""

    def __init__(self, llm_project: Any, servers: tuple[StoppingServer, ...], answers: tuple[Answers, Answers]):
        self.llm = llm_project
        self.path: Path = llm_project.path
        self.servers, self.answers = servers, answers

    def run(self, *args: str, models: tuple[str, ...] = ("m1", "m2")) -> pytest.RunResult:
        chosen = [arg for label in models for arg in ("--llm-model", label)]
        urls = [f"--llm-model-arg={label}:base_url={self.servers[int(label[1]) - 1].base_url}" for label in models]
        return self.llm.run(*chosen, *urls, "--llm-max-tokens", "64", *args)

    def compare(self, base: str, *args: str) -> subprocess.CompletedProcess[str]:
        new = str(self.path / "llmeval-report" / "results.json")
        runs = ["--runs-dir", str(self.path / ".llmeval" / "runs")]
        command = [sys.executable, "-m", "pytest_llmeval", "compare", base, new, *args, *runs]
        return subprocess.run(command, capture_output=True, text=True, cwd=self.path)

    def comparison(self) -> dict[str, Any]:
        return dict(self.llm.results()["comparison"])


@pytest.fixture
def project(llm_project: Any) -> Any:
    llm_project.scenario("gate.yaml", scenario_yaml(4))
    answers = (Answers(), Answers())
    with StoppingServer(answers=answers[0]) as first, StoppingServer(answers=answers[1]) as second:
        yield Project(llm_project, (first, second), answers)


def terminal_line(result: pytest.RunResult) -> str:
    (line,) = [line for line in result.stdout.lines if line.startswith("compare: ")]
    return line


# -- a model with no usable answer ---------------------------------------------------------------------------------


def break_m2(project: Project, how: str) -> tuple[str, ...]:
    """Make every request of m2 fail `how`; the extra pytest options that needs."""
    server = project.servers[1]
    server.replies.clear()
    server.delay_s = 0.0
    server.finish = None
    project.answers[1].how = "good"
    if how in ("http400", "http500"):
        server.reply("/v1/chat/completions", {"error": {"message": f"refused ({how})"}}, int(how[4:]))
    elif how in ("abort", "error", "content_filter"):
        server.finish = how
    elif how == "timeout":
        # between stream events: past the request timeout, which m1 (answering at once) stays well within even on a
        # loaded host (a CI run with 0.3 s timed m1 out too, and the run named two unmeasured models)
        server.delay_s = 5.0
        return ("--llm-request-timeout", "1.5", "--llm-warmup", "0")
    else:
        project.answers[1].how = how
    return ()


def test_a_model_whose_every_request_failed_breaks_the_gate_even_with_allow_errors(project):
    """m2's server refused, dropped or timed out every request, or answered nothing, while m1 answered: with
    --llm-compare-allow-errors the gate passed (exit 0 without a rule; with score:5,pass_rate:10 every rule "cannot be
    significant at n=4"), and the standalone compare of the same files too - nightly.sh exited 0. A server that
    stopped every answer after a few characters (finish_reason abort, error or content_filter) records no error at
    all: the run is "complete", and the gate passed without --allow-errors too."""
    assert project.run("--llm-save", "base").ret == 0
    for how in ("http400", "dropped", "timeout", "empty", "abort", "content_filter"):
        extra = break_m2(project, how)
        result = project.run("--llm-compare", "base", "--llm-compare-allow-errors", "--llm-compare-fail", GATE, *extra)
        cmp = project.comparison()
        assert (how, result.ret, cmp["exit_code"]) == (how, EXIT_BROKEN, EXIT_BROKEN)
        (problem,) = [p for p in cmp["problems"] if p["kind"] == "unmeasured"]
        assert not problem["allowed"] and "m2/norag" in problem["text"] and "m1/" not in problem["text"]
        if how == "empty":
            assert "every answer of m2/norag (4 of 4) in the new run is empty" in problem["text"]
        elif how == "content_filter":  # the provider's verdict on the answer: no error, status "complete"
            assert (
                f"none of its 4 sample(s) has a usable answer (4 stopped by the server (finish_reason {how}))"
                in problem["text"]
            )
        else:  # vLLM's abort is a failed request (serving/client.py refuse_stopped_answer)
            assert "every one of its 4 sample(s) errored (first: " in problem["text"]
        if how == "abort":  # no error recorded: broken without --allow-errors too
            alone = project.run("--llm-compare", "base", "--llm-compare-fail", GATE, *extra)
            assert alone.ret == EXIT_BROKEN and "no measurement of m2/norag" in terminal_line(alone)
        if how in ("http400", "empty"):
            outside = project.compare("base", "--fail", GATE, "--allow-errors")
            assert (how, outside.returncode) == (how, EXIT_BROKEN), outside.stdout + outside.stderr
    # m2 as it was: the gate passes again
    break_m2(project, "good")
    assert project.run("--llm-compare", "base", "--llm-compare-fail", GATE).ret == EXIT_OK


def test_the_exit_code_and_the_reason_agree_on_the_terminal_in_results_and_both_reports(project):
    """The broken gate says one thing everywhere: the session's exit status, the terminal's `compare:` line,
    results.json, report.md; and the standalone command on the same files (exit status, --json, --markdown). Here
    without a rule (only a broken run fails): m2's server answered HTTP 500 to everything, and both passed."""
    assert project.run("--llm-save", "base").ret == 0
    break_m2(project, "http500")
    result = project.run("--llm-compare", "base", "--llm-compare-allow-errors")  # no rule: only a broken run fails
    cmp = project.comparison()
    assert result.ret == cmp["exit_code"] == EXIT_BROKEN
    assert terminal_line(result) == f"compare: {cmp['summary']} (gate FAILED)"
    assert "no measurement of m2/norag in the new run" in cmp["summary"].split("run broken: ", 1)[1]
    report = project.llm.report()
    assert f"Gate: RUN BROKEN (exit 7). {cmp['summary']}." in " ".join(report.split())
    outside = project.compare("base", "--allow-errors", "--json", "cmp.json", "--markdown", "cmp.md")
    saved = json.loads((project.path / "cmp.json").read_text(encoding="utf-8"))
    assert outside.returncode == saved["exit_code"] == EXIT_BROKEN
    assert "no switch allows this" in outside.stdout and "Allow it explicitly" not in outside.stdout
    assert saved["summary"] == cmp["summary"]
    assert f"Gate: RUN BROKEN (exit 7). {cmp['summary']}." in " ".join(
        (project.path / "cmp.md").read_text(encoding="utf-8").split()
    )


# -- a degraded baseline -------------------------------------------------------------------------------------------


def test_a_degraded_baseline_with_no_errored_record_breaks_the_gate_unless_allowed(project):
    """A baseline whose status is "degraded" although every record answered (its server died after the last answer,
    or records were lost) passed in silence - exit 0 inside pytest and from the command line - where the same run as
    the new run breaks. Now an error problem, allowed by --allow-errors and then named in the summary."""
    assert project.run(models=("m1",)).ret == 0
    doc = project.llm.results()
    doc["run"] |= {"status": "degraded", "degraded": [{"model": "m1", "exit_code": -9}]}
    baseline = project.path / "degraded.json"
    baseline.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    inside = project.run("--llm-compare", str(baseline), "--llm-compare-fail", GATE, models=("m1",))
    assert inside.ret == EXIT_BROKEN, inside.stdout.str()
    assert "the baseline is degraded (server(s) died: m1) although none of its case records errored" in (
        terminal_line(inside)
    )
    assert project.compare(str(baseline), "--fail", GATE).returncode == EXIT_BROKEN
    allowed = project.compare(str(baseline), "--fail", GATE, "--allow-errors")
    assert allowed.returncode == EXIT_OK and "allowed (--allow-errors): the baseline is degraded" in allowed.stdout


def test_a_baseline_whose_samples_errored_names_them_in_the_summary(project):
    """--llm-repeat 3 with samples 1 and 2 of every case errored: the baseline is degraded, its errored samples are
    left out of their cases (right: no measurement), but the verdict's one line never said so."""
    project.answers[0].how = "salted"
    assert project.run("--llm-repeat", "3", "--llm-save", "base", models=("m1",)).ret != EXIT_OK
    project.answers[0].how = "good"
    result = project.run("--llm-repeat", "3", "--llm-compare", "base", models=("m1",))
    assert result.ret == EXIT_OK, result.stdout.str()
    line = terminal_line(result)
    assert "note: the baseline has 8 errored sample(s) in 4 case(s) that answered otherwise: left out" in line
    assert "m1/norag/q00 (2 of 3)" in line


# -- on documents ----------------------------------------------------------------------------------------------------


def doc(scores: list[float], mode: str = "norag", model: str = "m1", **run: Any) -> dict[str, Any]:
    cases = [
        {
            "model": model,
            "mode": mode,
            "scenario_id": f"c{i:02d}",
            "sample": 0,
            "case_hash": f"h{i}",
            "answer": "答",
            "score": score,
            "passed": score >= 60,
            "error": None,
            "ttft_s": 0.2,
            "e2e_s": 1.0,
            "output_tokens": 40,
            "in_flight": 1,
        }
        for i, score in enumerate(scores)
    ]
    info = {"models": [model], "status": "complete", "settings": {"max_tokens": 64}, "started_at": "t"}
    return {"schema_version": 2, "run": {**info, **run}, "cases": cases}


def both_modes(scores: list[float]) -> dict[str, Any]:
    out = doc(scores)
    out["cases"] += doc(scores, mode="rag")["cases"]
    return out


@pytest.mark.parametrize(
    "how",
    [
        {"error": {"stage": "request", "type": "timeout", "message": "read timed out"}, "score": None},
        {"error": None, "score": float("nan")},  # a scorer's 0/0: a scoring error on every case
        {"error": None, "score": 0.0, "finish_reason": "error"},  # vLLM stopped every answer: no error recorded
    ],
)
@pytest.mark.parametrize("scores", [[100.0] * 14, [0.0] * 14])
def test_a_mode_with_no_usable_answer_breaks_the_gate_whatever_the_baseline_scored(how, scores):
    """Every rag case errored, the norag cases answered: under --allow-errors the zeros against a baseline that
    scored 0 (the embedded model's usual score) read as no change, and the gate passed (exit 0)."""
    base, new = both_modes(scores), both_modes(scores)
    for case in new["cases"]:
        if case["mode"] == "rag":
            case.update(how, passed=False)
    new["run"]["status"] = "degraded"
    cmp = compare_runs(base, new, parse_fail_expressions(GATE), allow_errors=True, allow_missing=True)
    assert cmp["exit_code"] == EXIT_BROKEN
    assert "no measurement of m1/rag in the new run: " in cmp["summary"]
    assert "m1/norag" not in cmp["summary"].split("no measurement", 1)[1].split(". Fix:")[0]
    some = both_modes(scores)
    some["cases"][-1].update(how, passed=False)  # one case of the mode answered no: allowed, as before
    some["run"]["status"] = "degraded"
    allowed = compare_runs(base, some, parse_fail_expressions(GATE), allow_errors=True)
    assert allowed["exit_code"] == EXIT_OK and "allowed (--allow-errors): the new run is degraded" in allowed["summary"]


def speed_pair(metric: str, field: str, base_value: float, new_value: float) -> tuple[dict[str, Any], dict[str, Any]]:
    base, new = doc([100.0] * 14), doc([100.0] * 14)
    for run, value in ((base, base_value), (new, new_value)):
        for case in run["cases"]:
            case[field] = value
    return base, new


@pytest.mark.parametrize(
    ("rule", "base_value", "new_value", "expected"),
    [
        ("ttft_p50:20%", 0.7, 0.84, EXIT_OK),  # exactly 20%: 20.000000000000004 in floating point
        ("ttft_p50:20%", 0.01236, 0.01481, EXIT_OK),  # +19.8%; on values rounded to 0.1 ms +20.2%
        ("ttft_p50:20%", 0.00212, 0.00256, EXIT_REGRESSION),  # +20.8%; on rounded values +19.0%
        ("e2e_p50:10%", 0.00351, 0.00388, EXIT_REGRESSION),  # +10.5%; on rounded values +8.6%
    ],
)
def test_a_speed_rule_decides_on_the_measured_values_and_not_past_exactly_its_threshold(
    rule, base_value, new_value, expected
):
    metric = rule.split(":")[0]
    field = "ttft_s" if metric.startswith("ttft") else "e2e_s"
    base, new = speed_pair(metric, field, base_value, new_value)
    cmp = compare_runs(base, new, parse_fail_expressions(rule))
    (result,) = cmp["rules"]
    assert cmp["exit_code"] == expected, result["status"]
    true_change = round(100 * (new_value - base_value) / base_value, 2)
    assert result["relative_pct"] == true_change and result["worsening"] == pytest.approx(true_change, abs=0.01)
    assert "_exact" not in json.dumps(cmp)  # the unrounded values are the rule's, not the document's


def test_a_decode_rate_falling_by_exactly_its_threshold_is_not_past_it():
    """39 decode tokens in 1.1 s, then in 1.1 / 0.9 s: exactly 10% slower, which failed `decode_tok_s:10%`."""
    base, new = doc([100.0] * 14), doc([100.0] * 14)
    for run, e2e in ((base, 1.3), (new, 0.2 + 1.1 / 0.9)):
        for case in run["cases"]:
            case["e2e_s"] = e2e
    (result,) = compare_runs(base, new, parse_fail_expressions("decode_tok_s:10%"))["rules"]
    assert not result["failed"] and result["status"].startswith("ok"), result
    assert result["relative_pct"] == -10.0


def test_a_model_whose_compared_samples_all_errored_breaks_the_gate_when_the_repeats_differ():
    """The baseline asked each case once, the new run 3 times (--llm-repeat 3): they are compared over the first
    sample of each case. With every first sample errored (its later ones answered) the comparison held only zeros,
    which against a baseline at 0 passed under --allow-errors."""
    base, new = doc([0.0] * 6), doc([0.0] * 6, settings={"max_tokens": 64, "repeat": 3})
    first = copy.deepcopy(new["cases"])
    for case in first:
        case.update(error={"type": "timeout", "message": "read timed out"}, score=None)
    new["cases"] = first + [{**case, "sample": k} for k in (1, 2) for case in new["cases"]]
    new["run"]["status"] = "degraded"
    cmp = compare_runs(base, new, parse_fail_expressions(GATE), allow_errors=True)
    assert cmp["exit_code"] == EXIT_BROKEN, cmp["summary"]
    assert "no measurement of m1/norag in the new run: every one of its 6 sample(s) errored" in cmp["summary"]


def test_a_baseline_whose_every_answer_the_server_stopped_is_no_measurement():
    """A baseline model whose every answer vLLM stopped after a few characters (finish_reason abort) scored 0 with no
    error recorded: as the baseline it could never be failed (no score falls below 0), and the gate passed."""
    base, new = doc([0.0] * 14), doc([0.0] * 14)
    for case in base["cases"]:
        case["finish_reason"] = "abort"
    cmp = compare_runs(base, new, parse_fail_expressions(GATE))
    assert cmp["exit_code"] == EXIT_BROKEN
    text = "no measurement of m1/norag in the baseline: none of its 14 sample(s) has a usable answer (14 stopped by"
    assert text in cmp["summary"]
    allowed = compare_runs(base, new, parse_fail_expressions(GATE), allow_errors=True)
    assert allowed["exit_code"] == EXIT_OK and f"allowed (--allow-errors): {text}" in allowed["summary"]


def test_an_answer_the_server_stopped_is_a_failed_request_not_a_weak_answer(project):
    """vLLM ends a request it drops with finish_reason "abort" (and "error"): the half answer was scored as the
    model's, the case failed as a weak answer and the run stayed "complete". It is a failed request now - the case
    errors with the reason, the run is degraded - while a provider's "content_filter" stays the model's answer."""
    for how, errored in (("abort", True), ("error", True), ("content_filter", False)):
        break_m2(project, how)
        project.run()
        results = project.llm.results()
        m2 = [c for c in results["cases"] if c["model"] == "m2"]
        assert m2 and all(bool(c.get("error")) is errored for c in m2), how
        if errored:
            assert f"finish_reason '{how}'" in m2[0]["error"]["message"], m2[0]["error"]
            assert results["run"]["status"] == "degraded"
        else:
            assert results["run"]["status"] == "complete"
