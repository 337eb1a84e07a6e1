"""Red team of "use the whole server" (issue 17): the answer cache's key, the cache file's integrity and a run as
data, tried as an outside reviewer would. Each test is a way the plugin served a stale answer, gave a wrong fix or
read a run wrongly, and failed before its fix."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cache_models import hub_snapshot, write_model

from pytest_llmeval.results import load
from pytest_llmeval.results.recorder import ResultsFileError
from pytest_llmeval.serving import cache as cache_module
from pytest_llmeval.serving.cache import AnswerCache, CachingClient, request_key, unreadable_cache
from pytest_llmeval.serving.client import Completion, RequestMetrics, thinking_body
from pytest_llmeval.serving.identity import NoMemo, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings
from pytest_llmeval.testing.openai_fake import FakeServer

MESSAGES = [{"role": "user", "content": "法国的首都是哪里？"}]


def key_for(model: Path, extra_args: list[str]) -> str:
    identity = model_identity(ModelSpec("m", str(model)), ServerSettings(extra_args=extra_args), NoMemo())
    return request_key(identity, MESSAGES, 64, 0.0, 0)


# -- the key: paths named inside an extra vLLM argument's JSON value or config file --------------------------------


def _json(data: dict[str, Any]) -> str:
    return json.dumps(data)


NAMED_INSIDE: dict[str, Callable[[Path, Path], list[str]]] = {
    "speculative-config": lambda draft, _: ["--speculative-config", _json({"model": str(draft), "num_tokens": 3})],
    "speculative-config=": lambda draft, _: ["--speculative-config=" + _json({"model": str(draft)})],
    "lora-modules-json": lambda draft, _: ["--lora-modules", _json({"name": "sql", "path": str(draft)})],
    "list-of-name=path": lambda draft, _: ["--x-adapters", _json([f"sql={draft}"])],
    "config-yaml": lambda draft, tmp: [
        "--config",
        str(_write(tmp / "serve.yaml", f"speculative_config:\n  model: {draft}\n")),
    ],
    "config-yaml-json-string": lambda draft, tmp: [
        "--config",
        str(_write(tmp / "serve.yaml", f"speculative_config: '{_json({'model': str(draft)})}'\n")),
    ],
}


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("args", NAMED_INSIDE.values(), ids=NAMED_INSIDE.keys())
def test_a_draft_model_or_adapter_named_inside_an_arguments_json_or_config_file_is_keyed_by_content(tmp_path, args):
    """`--llm-vllm-arg=--speculative-config={"model": DIR}` (or a LoRA module's JSON, or a `--config` YAML naming the
    draft model): the key held the text alone, so after the draft model in DIR was replaced - speculative decoding
    with another draft, an adapter retrained in place - the old answers were hits."""
    model = write_model(tmp_path / "model", b"\x00" * 64)
    draft = write_model(tmp_path / "draft", b"draft-1")
    before = key_for(model, args(draft, tmp_path))
    assert key_for(model, args(draft, tmp_path)) == before  # stable while nothing changes
    write_model(draft, b"draft-2")
    assert key_for(model, args(draft, tmp_path)) != before


def test_a_hub_draft_model_named_inside_json_is_keyed_by_its_cached_snapshot(tmp_path, monkeypatch):
    """`--speculative-config={"model": "org/draft"}`: when refs/main of the cached hub draft moves to other
    weights, the key changes as for a hub model named directly."""
    hub = tmp_path / "hub"
    monkeypatch.setenv("HF_HUB_CACHE", str(hub))
    model = write_model(tmp_path / "model", b"\x00" * 64)
    args = ["--speculative-config", _json({"model": "org/draft"})]
    hub_snapshot(hub, "org/draft", "a" * 40, b"one")
    before = key_for(model, args)
    hub_snapshot(hub, "org/draft", "b" * 40, b"two")
    assert key_for(model, args) != before


def test_a_json_argument_naming_no_path_keeps_the_key_of_its_text(tmp_path):
    """A JSON value without paths (`--override-generation-config`) adds nothing beside its text: changing the value
    changes the key, repeating it does not."""
    model = write_model(tmp_path / "model", b"\x00" * 64)
    low = key_for(model, ["--override-generation-config", _json({"top_p": 0.5})])
    assert key_for(model, ["--override-generation-config", _json({"top_p": 0.5})]) == low
    assert key_for(model, ["--override-generation-config", _json({"top_p": 0.9})]) != low


# -- the cache file: rows that are no complete answer, a lock held by another program ------------------------------


def _answer(text: str, finish: str | None = "stop") -> Completion:
    return Completion(text, "", RequestMetrics(0.1, 0.5, 10, 4, 0.1, 10.0, finish_reason=finish))


class Model:
    def __init__(self) -> None:
        self.asked = 0

    def complete(self, messages: Any, max_tokens: int, temperature: float = 0.0, extra_body: Any = None, **_: Any):
        self.asked += 1
        return _answer("巴黎")


BAD_ROWS = {
    "empty": ("", {"finish_reason": "stop"}),
    "blank": ("  \n", {"finish_reason": "stop"}),
    "abort": ("巴", {"finish_reason": "abort"}),
    "error": ("巴", {"finish_reason": "error"}),
    "no finish reason": ("巴", {"e2e_s": 0.2}),
    "metrics not json": ("巴", "not json"),
    "metrics not an object": ("巴", [1, 2]),
}


@pytest.mark.parametrize("text, metrics", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_a_stored_row_that_is_no_complete_answer_is_asked_again_and_replaced(tmp_path, text, metrics):
    """A row an older version stored (or another program wrote) under a key - an empty answer, one vLLM aborted, one
    without a finish reason, metrics that cannot be read - was served as the answer (or raised from the case), and
    `INSERT OR IGNORE` kept it there for good. It is a miss now, and the answer asked in its place is stored."""
    cache = AnswerCache(tmp_path / "cache.sqlite")
    identity = {"strength": "content", "weights": {"file": "x"}}
    model = Model()
    client = CachingClient(cache, "m", identity, "off", 0, lambda: model)
    key = request_key(identity, MESSAGES, 64, 0.0, 0, thinking_body("off"))
    stored = metrics if isinstance(metrics, str) else json.dumps(metrics)
    cache._db().execute(
        "INSERT INTO answers VALUES (?, 'm', 'h', ?, '', ?, ?)", (key, text, stored, time.time())
    )  # under the key CachingClient asks (its body holds the thinking switch)
    first = client.complete(MESSAGES, 64)
    assert (first.text, first.cached, model.asked) == ("巴黎", False, 1)
    again = client.complete(MESSAGES, 64)
    assert (again.text, again.cached, model.asked) == ("巴黎", True, 1)
    cache.close()


def test_a_cache_locked_by_another_program_is_named_locked_not_damaged(tmp_path, monkeypatch):
    """An `sqlite3` shell (or another run) holding an exclusive lock on a cache in rollback-journal mode: the check
    before the run said the file "cannot be read as the answer cache" and told the user to delete it - a healthy
    cache, lost for a lock. It names the lock and says to close the program."""
    monkeypatch.setattr(cache_module, "START_CHECK_TIMEOUT_S", 0.2)
    path = tmp_path / "cache.sqlite"
    cache = AnswerCache(path)
    cache.put("k", _answer("巴黎"), "m", "h")
    cache.close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("PRAGMA journal_mode = DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        problem = unreadable_cache(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert problem is not None and "delete" not in problem, problem
    assert "another program may hold it" in problem and "close that program" in problem


# -- cases in flight -------------------------------------------------------------------------------------------------


def _scenarios(n: int) -> str:
    lines = ["suite: redteam", "cases:"]
    for i in range(n):
        question = f"第{i:02d}题：请回答。" + (" FAIL" if i == 1 else "")
        lines += [f"  - id: q{i:02d}", "    category: r", f"    question: {question}", "    key_points: [答案]"]
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_run(llm_project):
    """A run of 4 cases at concurrency 4, with --llm-repeat 2, of which q01's requests fail (HTTP 500): its records
    have no token counts, no answer, an error with a status."""
    llm_project.scenario("r.yaml", _scenarios(4))
    with FakeServer(answers=lambda r: "答案", delay_s=0.01) as fake:
        llm_project.run(
            "--llm-base-url", fake.base_url, "--llm-model=m1", "--llm-warmup=0", "--llm-concurrency=4", "--llm-repeat=2"
        )
    return llm_project.path / "llmeval-report" / "results.json"


def test_to_pandas_keeps_whole_numbers_whole_beside_an_errored_case(small_run):
    """Token counts, the sample and the HTTP status were float64 columns as soon as one case had none (12.0 beside
    NaN; `df.output_tokens == 12` still held, but a count written out read 12.0): the schema's whole numbers are
    pandas' nullable Int64, <NA> where a case has none."""
    df = load(small_run).to_pandas()
    for column in ("output_tokens", "prompt_tokens", "sample", "in_flight", "error.status"):
        assert str(df[column].dtype) == "Int64", (column, df[column].dtype)
    errored = df[df.errored]
    assert len(errored) == 2 and errored["output_tokens"].isna().all() and (errored["error.status"] == 500).all()
    assert (df[~df.errored]["output_tokens"] > 0).all()


def test_a_run_of_the_older_schema_loads_as_every_command_reads_it(small_run, tmp_path):
    """A schema_version 1 run - which `report`, `compare` and `rescore` read - lacks fields added since (case_hash,
    prompt_hash, in_flight; aggregates in a hand-kept one): `load` refused it ("case_hash: Field required"), and so
    the re-score of it that `rescore` had just written. It loads, typed, its missing aggregates worked out."""
    doc = json.loads(small_run.read_text(encoding="utf-8"))
    doc["schema_version"] = 1
    for record in doc["cases"]:
        for field in ("case_hash", "prompt_hash", "in_flight", "nodeid", "worker", "finished_at"):
            record.pop(field, None)
    del doc["aggregates"], doc["benchmarks"]
    old = tmp_path / "old.json"
    old.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    run = load(old, runs_dir=tmp_path / "runs")
    assert run.schema_version == 1 and len(run.cases) == 8 and run.benchmarks == []
    assert [row["model"] for row in run.aggregates["models"]] == ["m1"]
    assert len(run.to_pandas()) == 8
    wrong = dict(doc, cases=[{**doc["cases"][0], "score": "high"}, *doc["cases"][1:]])
    old.write_text(json.dumps(wrong, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ResultsFileError, match=r"cases\[0\] \(model m1, case q00\)\.score"):
        load(old, runs_dir=tmp_path / "runs")  # a field of the wrong type is still named
    # a count as text passes the lax check of an older run, then broke working out its aggregates (a raw
    # TypeError); the aggregates read every timing and count as a measured number or none since (`aggregate._num`)
    texts = dict(doc, cases=[{**doc["cases"][0], "output_tokens": "12"}, *doc["cases"][1:]])
    old.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    assert [row["model"] for row in load(old, runs_dir=tmp_path / "runs").aggregates["models"]] == ["m1"]
