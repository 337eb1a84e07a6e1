"""`rescore` read adversarially: verdicts, statuses and names it got wrong or misleading (each test failed before)."""

from __future__ import annotations

import json
import subprocess
import sys

from pytest_llmeval.evaluation.scenarios import Case
from pytest_llmeval.results.rescore import rescore_document
from pytest_llmeval.testing.openai_fake import FakeServer

SCENARIO = """\
suite: review
cases:
  - id: capital
    category: geo
    question: 法国的首都是哪里？
    key_points: [巴黎, 塞纳河]
  - id: river
    category: geo
    question: 流经巴黎的河叫什么？
    key_points: [塞纳河]
"""
FULL_ANSWER = "法国的首都是巴黎，塞纳河穿城而过。"


def cases_of(tmp_path, text: str = SCENARIO, name: str = "geo.yaml") -> dict:
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return {case.id: case for case in load_scenarios([path])}


def answered(case, **fields) -> dict:
    """A record of `case` as a run wrote it: asked as the case is asked now, answered in full, scored 100."""
    record = {
        "model": "m1",
        "mode": "norag",
        "scenario_id": case.id,
        "sample": 0,
        "question": case.question,
        "prompt_hash": case.prompt_hash,
        "case_hash": case.content_hash,
        "answer": FULL_ANSWER,
        "score": 100.0,
        "passed": True,
        "threshold": case.threshold,
        "scorer": {"name": "keyword_coverage"},
        "error": None,
    }
    return record | fields


def run_of(*records: dict, status: str = "complete", **settings) -> dict:
    run = {"models": ["m1"], "settings": settings, "status": status}
    return {"schema_version": 2, "run": run, "cases": list(records), "benchmarks": []}


def test_a_run_degraded_by_scoring_errors_alone_is_complete_once_they_are_graded(tmp_path):
    """`accept` told the user to rescore a run whose scorer had raised and accept the run it saves; that run stayed
    "degraded" with no error left in it, and `accept` refused it again."""
    from pytest_llmeval.__main__ import incomplete_baseline
    from pytest_llmeval.results.rescore import rescore_document

    case = cases_of(tmp_path)["capital"]
    raised = {"stage": "scoring", "type": "ValueError", "message": "scoring failed: x", "status": None}
    doc = run_of(answered(case, score=None, passed=False, error=raised), status="degraded")
    out = rescore_document(doc, [case])
    assert out.doc["cases"][0]["error"] is None and out.doc["cases"][0]["passed"] is True
    assert out.doc["run"]["status"] == "complete" and incomplete_baseline(out.doc) is None

    timeout = {"stage": "request", "type": "timeout", "message": "timed out", "status": None}
    unanswered = answered(case, sample=1, answer=None, score=None, passed=False, error=timeout)
    doc["cases"].append(unanswered)  # an error the re-score cannot grade: still degraded
    assert rescore_document(doc, [case]).doc["run"]["status"] == "degraded"
    died = run_of(*doc["cases"][:1], status="degraded")
    died["run"]["degraded"] = [{"label": "m1", "exit_code": -9}]  # a server died in the run: not graded away
    assert rescore_document(died, [case]).doc["run"]["status"] == "degraded"
    assert rescore_document(run_of(*doc["cases"][:1], status="interrupted"), [case]).doc["run"]["status"] == (
        "interrupted"
    )


def test_a_case_now_asserted_by_the_judge_without_a_verdict_is_an_error_not_a_failure(tmp_path):
    """`assert_with: judge` added to a case, rescored without --llm-judge: the record read FAILED with a keyword
    score of 100 and no error - a verdict nobody gave. The run records such a case as a judge config error."""
    from pytest_llmeval.results.rescore import rescore_document

    before = cases_of(tmp_path)["capital"]
    judged = cases_of(
        tmp_path,
        SCENARIO.replace("    key_points: [巴黎, 塞纳河]", "    key_points: [巴黎, 塞纳河]\n    assert_with: judge"),
    )
    out = rescore_document(run_of(answered(before)), [judged["capital"]])
    (record,) = out.doc["cases"]
    assert record["error"]["stage"] == "judge" and record["error"]["type"] == "config"
    assert "no judge is set" in record["error"]["message"] and record["passed"] is False
    assert out.doc["run"]["status"] == "degraded"


def test_a_judge_verdict_kept_after_a_key_point_edit_is_named_as_from_the_old_rubric(tmp_path):
    """Without --llm-judge the run's judge verdict was kept silently: after a key point edit (the judge's rubric)
    a judge-asserted case kept its old pass beside a new keyword score, and nothing said the verdict was stale."""
    from pytest_llmeval.results.rescore import STALE_VERDICT, rescore_document

    before = cases_of(tmp_path)["capital"]
    verdict = {"model": "j", "score": 90.0, "passed": True, "reason": "correct", "error": None}
    record = answered(before, judge=verdict, assert_with="judge", keyword_passed=True)
    edited = cases_of(tmp_path, SCENARIO.replace("[巴黎, 塞纳河]", "[巴黎, 卢浮宫]"))["capital"]
    out = rescore_document(run_of(record, judge={"assertion": True}), [edited])
    (again,) = out.doc["cases"]
    assert again["judge"]["score"] == 90.0 and again["rescore"]["judge"] == STALE_VERDICT
    assert out.stale_verdicts == ["m1/norag/capital"] == out.doc["run"]["rescored"]["stale_verdicts"]
    assert "1 judge verdict(s) kept from the run although the case changed since" in out.summary()

    stricter = cases_of(tmp_path, SCENARIO.replace("[巴黎, 塞纳河]", "[巴黎, 塞纳河]\n    threshold: 95"))
    out = rescore_document(run_of(record, judge={"assertion": True}), [stricter["capital"]])
    (again,) = out.doc["cases"]  # a threshold edit leaves the rubric as it was: the verdict is judged anew
    assert again["rescore"]["judge"] == "kept from the run" and again["passed"] is False and not out.stale_verdicts


def test_a_case_no_longer_asserted_by_the_judge_is_decided_by_its_keywords(tmp_path):
    """`assert_with: judge` removed from a case: the record's old `assert_with` still let the judge decide."""
    from pytest_llmeval.results.rescore import rescore_document

    judged = cases_of(tmp_path, SCENARIO.replace("[巴黎, 塞纳河]", "[巴黎, 塞纳河]\n    assert_with: judge"))
    verdict = {"model": "j", "score": 10.0, "passed": False, "reason": "wrong", "error": None}
    record = answered(judged["capital"], judge=verdict, assert_with="judge", keyword_passed=True, passed=False)
    plain = cases_of(tmp_path)["capital"]
    (again,) = rescore_document(run_of(record, judge={"assertion": False}), [plain]).doc["cases"]
    assert again["passed"] is True and "assert_with" not in again
    # --llm-judge-assert in the run: the judge still decides every case
    (again,) = rescore_document(run_of(record, judge={"assertion": True}), [plain]).doc["cases"]
    assert again["passed"] is False and again["assert_with"] == "judge"


def test_a_scorer_that_raises_on_an_answer_is_that_cases_scoring_error(tmp_path, monkeypatch):
    """A scorer raising on one answer was a traceback, and nothing was written; a run records it as the case's
    scoring error and keeps the answer."""
    from pytest_llmeval.evaluation import scorers
    from pytest_llmeval.results.rescore import rescore_document

    cases = cases_of(tmp_path)
    real = scorers.score_case

    def fragile(case, answer, sources):
        if case.id == "river":
            raise ZeroDivisionError("division by zero")
        return real(case, answer, sources)

    monkeypatch.setattr(scorers, "score_case", fragile)
    out = rescore_document(run_of(answered(cases["capital"]), answered(cases["river"])), cases.values())
    capital, river = out.doc["cases"]
    assert capital["score"] == 100 and capital["error"] is None
    assert river["error"]["stage"] == "scoring" and "division by zero" in river["error"]["message"]
    assert river["score"] is None and river["passed"] is False and river["answer"] == FULL_ANSWER
    assert out.doc["run"]["status"] == "degraded"


def test_the_judges_reply_never_carries_its_api_key_into_the_new_run(tmp_path, monkeypatch):
    """The run hides every remembered secret in the judge's verdict; rescore --llm-judge recorded it as given."""
    from pytest_llmeval.evaluation.judge import Judge
    from pytest_llmeval.results.rescore import rescore_document

    key = "sk-review-0123456789abcdef"
    monkeypatch.setenv("REVIEW_JUDGE_KEY", key)
    case = cases_of(tmp_path)["capital"]
    reply = json.dumps({"score": 90, "reason": f"graded with {key}"})
    with FakeServer(answers=lambda request: reply) as server:
        out = rescore_document(run_of(answered(case)), [case], judge=Judge(server.base_url, "j", "REVIEW_JUDGE_KEY"))
    assert out.doc["cases"][0]["judge"]["score"] == 90
    assert key not in json.dumps(out.doc, ensure_ascii=False)


def test_rescore_refuses_a_save_name_the_run_could_never_be_found_by(tmp_path):
    """`--save 7` or `--save last` saved a run that `7` or `last` never finds (pytest's --llm-save refuses them)."""
    case = cases_of(tmp_path)["capital"]
    (tmp_path / "results.json").write_text(json.dumps(run_of(answered(case))), encoding="utf-8")
    for name in ("7", "last"):
        done = subprocess.run(
            [sys.executable, "-m", "pytest_llmeval", "rescore", "results.json", "--scenarios", "geo.yaml"]
            + ["--save", name, "--runs-dir", "runs", "-o", "out"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 2 and f"--save {name}: a run saved by this name could never be found" in done.stderr
    assert not (tmp_path / "runs").exists() and not (tmp_path / "out").exists()


def test_scenarios_given_to_rescore_keep_the_runs_dataset_cases(tmp_path):
    """`rescore --scenarios FILE` of a run with --llm-dataset made every dataset record "missing" (no case of that
    id in the current scenario files): out of the aggregates, though only the YAML was pointed elsewhere."""
    from PIL import Image

    from pytest_llmeval.results.rescore import rescore_document, scenario_cases
    from pytest_llmeval.vision.datasets import load_dataset

    Image.new("RGB", (8, 8), "white").save(tmp_path / "sign.png")
    row = {"id": "sign", "image": "sign.png", "question": "What does the sign say?", "answers": ["STOP"]}
    (tmp_path / "signs.jsonl").write_text(json.dumps(row) + "\n", encoding="utf-8")
    spec = f"jsonl:{tmp_path / 'signs.jsonl'}"
    (sign,) = load_dataset(spec)
    capital = cases_of(tmp_path)["capital"]
    vision = answered(sign, answer="STOP", images=1, scorer={"name": "exact"})
    doc = run_of(answered(capital), vision, datasets=[spec])
    cases = scenario_cases(doc, [tmp_path / "geo.yaml"], run_datasets=True)
    assert sorted(case.id for case in cases) == ["capital", "river", sign.id]
    out = rescore_document(doc, cases)
    assert out.counts == {"rescored": 2} and out.doc["cases"][1]["score"] == 100
    assert [case.id for case in scenario_cases(doc, [tmp_path / "geo.yaml"])] == ["capital", "river"]  # compare's


def test_to_pandas_leaves_no_null_column_beside_a_flattened_judge(tmp_path):
    """A record with `judge: null` beside judged ones left a `judge` column of NaN next to judge.score."""
    from pytest_llmeval.results import load

    cases = cases_of(tmp_path)
    verdict = {"model": "j", "score": 80.0, "passed": True, "reason": "ok", "error": None}
    doc = run_of(answered(cases["capital"], judge=verdict), answered(cases["river"], judge=None))
    doc["run"] |= {"started_at": "x", "plugin": "p", "plugin_version": "0", "git_commit": None, "hardware": {}}
    doc["run"] |= {"model_sources": {}, "server_args": [], "rag": {}, "invocation": [], "launches": []}
    for record in doc["cases"]:
        record |= {"suite": "review", "category": "geo"}
    doc["aggregates"] = {"models": [], "rag": []}
    (tmp_path / "results.json").write_text(json.dumps(doc), encoding="utf-8")
    df = load(tmp_path / "results.json").to_pandas()
    assert "judge" not in df.columns and df["judge.score"].tolist()[0] == 80.0
    assert df["judge.passed"].tolist()[0] is True and df["errored"].tolist() == [False, False]


def test_rag_answers_asked_from_a_knowledge_base_that_changed_since_are_named(tmp_path):
    """The issue asks rescore to name the cases whose question or context changed (those need the model again): a
    knowledge-base edit changes what retrieval gives today, and the RAG answers were re-graded without a word."""
    from pytest_llmeval.rag.pipeline import knowledge_digest_at
    from pytest_llmeval.results.rescore import rescore_document

    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "geo.md").write_text("# 法国\n\n法国的首都是巴黎。\n", encoding="utf-8")
    rag = {"knowledge": [str(kb)], "dictionaries": [], "chunk_chars": 400, "chunk_overlap": 50}
    digest = knowledge_digest_at([kb], [], 400, 50)
    case = cases_of(tmp_path)["capital"]
    retrieval = {"k": 1, "doc_ids": ["geo"], "expected_docs": [], "knowledge": digest}
    records = [answered(case), answered(case, mode="rag", retrieval=retrieval)]
    doc = run_of(*records)
    doc["run"]["rag"] = rag
    assert rescore_document(doc, [case]).context_changed == []  # the same knowledge base: nothing to say
    (kb / "geo.md").write_text("# 法国\n\n法国的首都是巴黎，人口约两百万。\n", encoding="utf-8")
    out = rescore_document(doc, [case])
    assert out.context_changed == ["m1/rag/capital"] == out.doc["run"]["rescored"]["context_changed"]
    assert "1 RAG answer(s) were asked with context from a knowledge base that has changed since" in out.summary()
    (kb / "geo.md").unlink()  # gone: today's context cannot be what it was either
    assert rescore_document(doc, [case]).context_changed == ["m1/rag/capital"]


def _case(case_id: str) -> Case:
    return Case(
        id=case_id,
        suite="s",
        source="s.yaml",
        category="c",
        question="法国的首都是哪里？",
        key_points=["巴黎"],
    )


def test_a_case_renamed_since_the_run_names_its_old_records_as_missing():
    """`id: capital` renamed `capital2`: the summary named capital2 (not in the run) but said only "2 missing" of
    the old id's records - which answers went ungraded was not said anywhere, in the summary or the report."""
    record = {
        "model": "m1",
        "mode": "norag",
        "scenario_id": "capital",
        "sample": 0,
        "answer": "巴黎",
        "score": 100.0,
        "passed": True,
        "question": "法国的首都是哪里？",
    }
    doc = {
        "schema_version": 2,
        "run": {"status": "complete", "models": ["m1"]},
        "cases": [record, {**record, "sample": 1}],
    }
    out = rescore_document(doc, [_case("capital2")])
    assert out.missing == ["m1/norag/capital", "m1/norag/capital#1"]
    assert "m1/norag/capital, m1/norag/capital#1" in out.summary()
    assert out.doc["run"]["rescored"]["missing"] == out.missing
