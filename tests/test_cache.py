"""The answer cache (--llm-cache): keys, the SQLite store, and runs that send no request and start no server."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from pytest_llmeval.evaluation.evaluate import build_messages
from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.results import load
from pytest_llmeval.serving.cache import AnswerCache, request_key
from pytest_llmeval.serving.client import Completion, RequestMetrics, thinking_body
from pytest_llmeval.serving.identity import NoMemo, file_sha256, model_identity
from pytest_llmeval.serving.models import ModelSpec
from pytest_llmeval.serving.server import ServerSettings
from pytest_llmeval.testing.openai_fake import FakeServer

MESSAGES = [{"role": "user", "content": "法国的首都是哪里？"}]


@pytest.fixture
def model_dir(tmp_path: Path) -> Path:
    d = tmp_path / "tiny-model"
    d.mkdir()
    (d / "config.json").write_text('{"architectures": ["X"]}', encoding="utf-8")
    (d / "tokenizer_config.json").write_text("{}", encoding="utf-8")
    (d / "model.safetensors").write_bytes(b"\x00weights" * 1000)
    (d / ".complete").write_text("ok", encoding="utf-8")  # hidden: not part of the identity
    (d / "template.jinja").write_text("{{ messages }}", encoding="utf-8")
    return d


def key_of(model_dir: Path, settings: ServerSettings | None = None, label: str = "m", **request) -> str:
    settings = settings or ServerSettings(chat_template=str(model_dir / "template.jinja"))
    identity = model_identity(ModelSpec(label, str(model_dir)), settings, NoMemo())
    args = {"messages": MESSAGES, "max_tokens": 64, "temperature": 0.0, "sample": 0, "body": None} | request
    return request_key(identity, **args)


def test_key_matches_for_the_same_model_and_request_whatever_the_label(model_dir):
    assert key_of(model_dir) == key_of(model_dir)
    assert key_of(model_dir, label="other-label") == key_of(model_dir)  # the label is not the model
    base = ServerSettings(chat_template=str(model_dir / "template.jinja"))
    # where and how fast it runs does not change the answer: same key
    assert key_of(model_dir, dataclasses.replace(base, tensor_parallel_size=2, gpu_memory_utilization=0.5)) == key_of(
        model_dir
    )


def test_key_differs_when_the_weights_change(model_dir):
    before = key_of(model_dir)
    (model_dir / "model.safetensors").write_bytes(b"\x01weights" * 1000)  # same size, other content
    assert key_of(model_dir) != before


def test_key_differs_with_dtype_quantization_max_len_and_extra_args(model_dir):
    base = ServerSettings(chat_template=str(model_dir / "template.jinja"))
    keys = {
        key_of(model_dir, base),
        key_of(model_dir, dataclasses.replace(base, dtype="float16")),
        key_of(model_dir, dataclasses.replace(base, quantization="fp8")),
        key_of(model_dir, dataclasses.replace(base, max_model_len=4096)),
        key_of(model_dir, dataclasses.replace(base, extra_args=["--generation-config", "vllm"])),
    }
    assert len(keys) == 5


def test_key_differs_when_the_chat_template_content_changes(model_dir):
    before = key_of(model_dir)
    (model_dir / "template.jinja").write_text("{{ messages | reverse }}", encoding="utf-8")  # same path
    assert key_of(model_dir) != before


def test_key_differs_with_messages_sampling_thinking_and_sample(model_dir):
    base = key_of(model_dir)
    image = [{"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAA"}}]}]
    other_image = [
        {"role": "user", "content": [{"type": "image_url", "image_url": {"url": "data:image/png;base64,AAAB"}}]}
    ]
    variants = [
        key_of(model_dir, messages=[{"role": "user", "content": "德国的首都是哪里？"}]),
        key_of(model_dir, messages=[{"role": "system", "content": "简短回答"}, *MESSAGES]),  # e.g. retrieved context
        key_of(model_dir, messages=image),
        key_of(model_dir, messages=other_image),  # image bytes travel in the data URL
        key_of(model_dir, temperature=0.7),
        key_of(model_dir, max_tokens=128),
        key_of(model_dir, body={"chat_template_kwargs": {"enable_thinking": True}}),
        key_of(model_dir, sample=1),
    ]
    assert base not in variants
    assert len(set(variants)) == len(variants)


def test_weight_hashes_are_remembered_by_path_and_stamp(model_dir, tmp_path):
    cache = AnswerCache(tmp_path / "c.sqlite")
    weights = model_dir / "model.safetensors"
    first = file_sha256(weights, cache)
    remembered = "f" * 64  # what the memo holds is answered, unread, while the file's stamp is unchanged
    sqlite3.connect(tmp_path / "c.sqlite").execute(
        "UPDATE file_stamps SET sha256 = ?", (remembered,)
    ).connection.commit()
    assert file_sha256(weights, cache) == remembered
    stat = weights.stat()
    os.utime(weights, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # touched: hashed again
    assert file_sha256(weights, cache) == first


def test_a_hugging_face_blob_is_known_by_its_name(tmp_path):
    digest = "ab" * 32
    blob = tmp_path / "blobs" / digest
    blob.parent.mkdir()
    blob.write_bytes(b"x")
    link = tmp_path / "model.safetensors"
    link.symlink_to(blob)
    assert file_sha256(link, NoMemo()) == digest


def completion(text: str, finish: str | None = "stop") -> Completion:
    return Completion(text, "", RequestMetrics(0.1, 0.5, 10, 4, 0.1, 10.0, finish_reason=finish))


def test_store_keeps_complete_answers_only_and_the_first_one(tmp_path):
    cache = AnswerCache(tmp_path / "c.sqlite")
    assert cache.put("k1", completion("巴黎"), "m", "id") is True
    assert cache.put("k1", completion("柏林"), "m", "id") is False  # the first answer under a key stays
    assert cache.put("k2", completion("半句", finish=None), "m", "id") is False  # cut short: never stored
    assert cache.put("k4", completion("半句", finish="abort"), "m", "id") is False  # vLLM aborted it
    assert cache.put("k5", completion("", finish="error"), "m", "id") is False
    assert cache.put("k6", completion("到上限"), "m", "id") is True  # length: max_tokens is in the key
    hit = cache.get("k1")
    assert hit is not None and hit.cached and hit.text == "巴黎" and hit.metrics.finish_reason == "stop"
    assert cache.put("k3", hit, "m", "id") is False  # a hit is not stored again
    assert cache.get("k2") is None
    assert cache.stats.to_dict() == {"hits": 1, "misses": 1, "stored": 2}
    mode = sqlite3.connect(tmp_path / "c.sqlite").execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


# -- runs ------------------------------------------------------------------------------------------

N_CASES = 9


def scenario_yaml() -> str:
    lines = ["suite: cache", "cases:"]
    for i in range(N_CASES):
        lines += [f"  - id: c{i}", "    category: cache", f"    question: 第{i}题：城市是？", "    key_points: [巴黎]"]
    return "\n".join(lines) + "\n"


def answer(request: dict) -> str:
    text = request["messages"][-1]["content"]
    return f"第{text[1]}题的答案：巴黎。"


@pytest.fixture
def cache_project(llm_project):
    llm_project.scenario("cache.yaml", scenario_yaml())
    return llm_project


def test_second_run_sends_no_request_and_records_hits_without_timings(cache_project, tmp_path):
    db = tmp_path / "answers.sqlite"
    with FakeServer(answers=answer) as fake:
        args = ("--llm-base-url", fake.base_url, "--llm-model", "m1", f"--llm-cache-path={db}")
        first = cache_project.run(*args)
        assert first.ret == 0, first.stdout.str()
        asked = fake.requests
        assert asked >= N_CASES  # every case (and a warm-up request, when the client warms up)
        doc1 = cache_project.results()
        second = cache_project.run(*args)
        assert second.ret == 0, second.stdout.str()
        assert fake.requests == asked  # not one request more
        second.stdout.fnmatch_lines([f"cache:   {N_CASES} of {N_CASES} answer(s) from {db}*"])
    doc2 = cache_project.results()
    assert not any(c.get("cached") for c in doc1["cases"])
    assert all(c["cached"] is True for c in doc2["cases"])
    assert {c["scenario_id"]: c["answer"] for c in doc2["cases"]} == {
        c["scenario_id"]: c["answer"] for c in doc1["cases"]
    }
    for case in doc2["cases"]:
        assert case["ttft_s"] is None and case["e2e_s"] is None and case["output_tokens"] is None
        assert case["finish_reason"] == "stop"
    (row,) = doc2["aggregates"]["models"]
    assert row["mean_score"] == 100 and row["mean_ttft_s"] is None and row["total_output_tokens"] == 0
    assert doc2["run"]["launches"] == []  # the attached server was not even acquired
    assert load(cache_project.path / "llmeval-report").to_pandas()["cached"].all()  # fits the results schema


def cached_model(project, tmp_path, label: str, skip_last: bool = False):
    """A tiny model directory whose server cannot start ('python' /bin/false) and an answer cache holding its
    answer to every case of the project (all but the last with `skip_last`), as `label` asked them with the
    defaults (64 tokens, temperature 0, thinking off): (the model's directory, the cache file)."""
    model = tmp_path / "tiny-model"
    model.mkdir()
    (model / "config.json").write_text("{}", encoding="utf-8")
    (model / "model.safetensors").write_bytes(b"w" * 64)
    db = tmp_path / "answers.sqlite"
    cache = AnswerCache(db)
    identity = model_identity(ModelSpec(label, str(model)), ServerSettings(python="/bin/false"), cache)
    cases = load_scenarios([project.path / "scenarios"])
    for case in cases[:-1] if skip_last else cases:
        key = request_key(identity, build_messages(case), 64, 0.0, 0, thinking_body("off"))
        cache.put(key, completion(f"答案：巴黎（{case.id}）"), label, "x")
    cache.close()
    return model, db


def test_a_model_whose_answers_are_all_cached_starts_no_server(cache_project, tmp_path):
    """The model's launch would fail (its 'python' is /bin/false); with every answer in the cache, the run
    passes and records no launch. The one case left out of the cache shows the launch was never going to work."""
    model, db = cached_model(cache_project, tmp_path, "tiny", skip_last=True)
    args = (
        f"--llm-model=tiny={model}",
        "--llm-vllm-python=/bin/false",
        f"--llm-cache-path={db}",
        "--llm-max-tokens=64",
    )
    hits = cache_project.run(*args, "-k", "not c8")
    assert hits.ret == 0, hits.stdout.str()
    hits.assert_outcomes(passed=N_CASES - 1, deselected=1)
    doc = cache_project.results()
    assert doc["run"]["launches"] == [] and all(c["cached"] for c in doc["cases"])
    miss = cache_project.run(*args)  # the last case is not cached: the server must start, and cannot
    miss.assert_outcomes(passed=N_CASES - 1, failed=1)
    (launch,) = cache_project.results()["run"]["launches"]
    assert "exited with code 1" in launch["error"]


def test_a_cache_shared_by_three_workers_is_consistent(cache_project, tmp_path):
    db = tmp_path / "answers.sqlite"
    with FakeServer(answers=answer) as fake:
        args = ("-n", "3", "--llm-base-url", fake.base_url, "--llm-model", "m1", f"--llm-cache-path={db}")
        first = cache_project.pytester.runpytest_subprocess(*args, "-p", "no:cacheprovider", timeout=300)
        assert first.ret == 0, first.stdout.str()
        asked = fake.requests
        assert sum(path.endswith("chat/completions") and "第" in str(body) for path, body in fake.received) == N_CASES
        workers = {c["worker"] for c in cache_project.results()["cases"]}
        second = cache_project.run(*args[2:])  # serial this time: every answer is read from what the workers wrote
        assert second.ret == 0, second.stdout.str()
        assert fake.requests == asked
    assert len(workers) > 1  # the answers were written by more than one process
    rows = sqlite3.connect(db).execute("SELECT key, text FROM answers").fetchall()
    assert len(rows) == N_CASES and len({k for k, _ in rows}) == N_CASES
    assert sorted(t for _, t in rows) == sorted(f"第{i}题的答案：巴黎。" for i in range(N_CASES))
    doc = cache_project.results()
    assert all(c["cached"] for c in doc["cases"]) and len(doc["cases"]) == N_CASES


def test_cache_option_is_off_by_default_and_refuses_a_bad_value(cache_project):
    result = cache_project.run("--llm-base-url", "http://127.0.0.1:9/v1", "--llm-model", "m", "-o", "llm_cache=maybe")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert "llm_cache" in result.stderr.str() and "'on'" in result.stderr.str()


def test_an_answer_stored_by_another_version_still_loads(tmp_path):
    """Stored metrics with a field this version lacks (and without one it has) still give a Completion."""
    cache = AnswerCache(tmp_path / "c.sqlite")
    cache.put("k", completion("巴黎"), "m", "id")
    db = sqlite3.connect(tmp_path / "c.sqlite")
    db.execute("""UPDATE answers SET metrics = '{"e2e_s": 0.5, "finish_reason": "stop", "future_field": 1}'""")
    db.commit()
    hit = cache.get("k")
    assert hit is not None and hit.text == "巴黎" and hit.metrics.finish_reason == "stop" and hit.metrics.ttft_s is None


def test_a_cache_path_whose_folder_cannot_be_made_is_a_usage_error(cache_project, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = cache_project.run("--collect-only", f"--llm-cache-path={blocker / 'sub' / 'cache.sqlite'}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*--llm-cache-path *cache.sqlite: cannot create its folder (*a-file is a file, not a folder). Fix: choose*"]
    )
    assert "Traceback" not in result.stderr.str()


def test_a_damaged_cache_file_is_a_usage_error_before_any_case(cache_project, tmp_path):
    """A file that is not a SQLite database used to fail every case's request, one by one."""
    damaged = tmp_path / "damaged.sqlite"
    damaged.write_text("not a database, e.g. a half-copied file", encoding="utf-8")
    result = cache_project.run("--collect-only", f"--llm-cache-path={damaged}")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(
        ["*--llm-cache-path *damaged.sqlite: cannot be read as the answer cache (file is not a database). Fix: delete*"]
    )
    foreign = tmp_path / "other.sqlite"  # a valid SQLite file of another program: refused, and left untouched
    sqlite3.connect(foreign).execute("CREATE TABLE answers (key TEXT PRIMARY KEY, value TEXT)").connection.commit()
    before = foreign.read_bytes()
    other = cache_project.run("--collect-only", f"--llm-cache-path={foreign}")
    assert other.ret == pytest.ExitCode.USAGE_ERROR
    other.stderr.fnmatch_lines(
        ["*other.sqlite: is a SQLite database but not an answer cache (its table answers lacks*"]
    )
    assert foreign.read_bytes() == before
    folder = cache_project.run("--collect-only", f"--llm-cache-path={tmp_path}")
    assert folder.ret == pytest.ExitCode.USAGE_ERROR and "is a folder. Fix: name a file" in folder.stderr.str()
    assert "Traceback" not in result.stderr.str() + folder.stderr.str()


def test_each_model_is_cached_under_its_own_settings_even_with_the_same_served_name(cache_project, tmp_path):
    """Two models in one run, the same served name on two servers (--llm-model-arg X:base_url): each model's
    answers come from its own server, on the first run and from the cache on the second. The key used to be built
    from the run-wide settings, so b was served a's answers as cache hits and its server was never asked."""
    db = tmp_path / "answers.sqlite"
    with (
        FakeServer(answers=lambda request: "服务器A：巴黎。") as first,
        FakeServer(answers=lambda request: "服务器B：巴黎。") as second,
    ):
        args = (
            "--llm-model=a=served-name",
            "--llm-model=b=served-name",
            f"--llm-model-arg=a:base_url={first.base_url}",
            f"--llm-model-arg=b:base_url={second.base_url}",
            f"--llm-cache-path={db}",
            "--llm-warmup=0",
        )
        for _ in range(2):
            result = cache_project.run(*args)
            assert result.ret == 0, result.stdout.str()
            answers = {(c["model"], c["answer"]) for c in cache_project.results()["cases"]}
            assert answers == {("a", "服务器A：巴黎。"), ("b", "服务器B：巴黎。")}
        assert (first.requests, second.requests) == (N_CASES, N_CASES)  # each asked once, the second run cached


def test_a_models_own_launch_options_are_in_its_key(cache_project, tmp_path):
    """bf16 against fp8 of the same weights in one run (--llm-model-arg fp8:quantization=fp8): with bf16's answers
    in the cache, bf16 is answered from it and fp8 is not - its server must start (and cannot: 'python' is
    /bin/false), where fp8 used to be handed bf16's answers as hits."""
    model, db = cached_model(cache_project, tmp_path, "bf16")
    result = cache_project.run(
        f"--llm-model=bf16={model}",
        f"--llm-model=fp8={model}",
        "--llm-model-arg=fp8:quantization=fp8",
        "--llm-vllm-python=/bin/false",
        f"--llm-cache-path={db}",
        "--llm-max-tokens=64",
    )
    result.assert_outcomes(passed=N_CASES, failed=N_CASES)
    doc = cache_project.results()
    assert {c["model"] for c in doc["cases"] if c.get("cached")} == {"bf16"}
    assert all(c["error"]["stage"] == "launch" for c in doc["cases"] if c["model"] == "fp8")


# -- a cache that fails: refused before the run, or left alone during it ------------------------------------


def filled_cache(path: Path, rows: int) -> None:
    cache = AnswerCache(path)
    for i in range(rows):
        cache.put(f"k{i}", completion("答案" * 200 + str(i)), "m", "id")
    cache.close()


def test_a_cache_damaged_past_its_first_pages_is_refused_before_the_run(tmp_path):
    """The header check alone passed a half-copied file; every case then failed with "disk image is malformed"."""
    from pytest_llmeval.serving.cache import unreadable_cache

    path = tmp_path / "c.sqlite"
    filled_cache(path, 300)
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").connection.close()
    assert unreadable_cache(path) is None
    data = bytearray(path.read_bytes())
    page = 4096
    data[2 * page :] = b"\xff" * (len(data) - 2 * page)
    path.write_bytes(bytes(data))
    problem = unreadable_cache(path)
    assert problem is not None and f"--llm-cache-path {path}:" in problem and "Fix: delete it" in problem


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes read-only files")
def test_a_read_only_cache_file_is_refused_before_the_run(tmp_path):
    from pytest_llmeval.serving.cache import unreadable_cache

    path = tmp_path / "c.sqlite"
    filled_cache(path, 3)
    path.chmod(0o444)
    problem = unreadable_cache(path)
    assert problem is not None and "read-only" in problem and "chmod u+w" in problem


def test_a_cache_another_program_holds_for_writing_is_refused_before_the_run(tmp_path):
    """An open `sqlite3` shell in a write transaction stalled each miss 60 s, then failed the case."""
    from pytest_llmeval.serving.cache import unreadable_cache

    path = tmp_path / "c.sqlite"
    filled_cache(path, 3)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        problem = unreadable_cache(path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert problem is not None and "cannot be written" in problem and "another program" in problem
    assert unreadable_cache(path) is None


def test_a_cache_that_fails_during_the_run_loses_no_answer(tmp_path):
    """Storing failed after the server had answered: the answer was dropped and the case failed as a request
    error. Now the cache is left alone for the rest of the run, with one warning naming the file."""
    from pytest_llmeval.serving.cache import CacheWarning, CachingClient

    path = tmp_path / "c.sqlite"
    cache = AnswerCache(path, busy_timeout_s=0.2)
    asked: list[str] = []

    class Model:
        def complete(self, messages, max_tokens, temperature=0.0, extra_body=None, **_):
            asked.append(messages[-1]["content"])
            return completion("巴黎")

    client = CachingClient(cache, "m", {"files": "x"}, "off", 0, lambda: Model())
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program takes the write lock mid-run
    try:
        with pytest.warns(CacheWarning, match=r"--llm-cache .*c\.sqlite: .*failed.*no answer is lost") as caught:
            first = client.complete(MESSAGES, 64)
            second = client.complete([{"role": "user", "content": "第二题"}], 64)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert first.text == "巴黎" and second.text == "巴黎" and not first.cached
    assert asked == [MESSAGES[-1]["content"], "第二题"]
    assert len(caught) == 1 and cache.failed is not None  # said once; the cache is left alone afterwards


def test_key_differs_when_vllm_is_upgraded_in_another_environment(tmp_path):
    """--llm-vllm-python: the key held only the interpreter's path, so answers of the old build were hits after
    `pip install -U vllm` there."""
    from pytest_llmeval.serving.identity import launch_identity, vllm_version

    site = tmp_path / "env" / "site"
    info = site / "vllm-0.9.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: vllm\nVersion: 0.9.0\n", encoding="utf-8")
    python = tmp_path / "env" / "python"
    python.write_text(f'#!/bin/sh\nPYTHONPATH={site} exec {os.path.realpath(sys.executable)} "$@"\n')
    python.chmod(0o755)
    before = launch_identity(ServerSettings(python=str(python)))
    assert before["vllm"].startswith("vllm 0.9.0 at ")
    info.rename(site / "vllm-0.10.1.dist-info")
    (site / "vllm-0.10.1.dist-info" / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: vllm\nVersion: 0.10.1\n", encoding="utf-8"
    )
    vllm_version.cache_clear()  # asked once per run; the next run asks again
    after = launch_identity(ServerSettings(python=str(python)))
    assert after["vllm"].startswith("vllm 0.10.1 at ") and after != before
