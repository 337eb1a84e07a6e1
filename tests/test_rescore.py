"""`python -m pytest_llmeval rescore`: a saved run's answers graded again after a scenario edit, no model."""

from __future__ import annotations

import json
import subprocess
import sys

from pytest_llmeval.results import load
from pytest_llmeval.testing.openai_fake import FakeServer

SCENARIO = """\
suite: rescore
cases:
  - id: capital
    category: geo
    question: 法国的首都是哪里？
    key_points: [巴黎, 塞纳河]
  - id: river
    category: geo
    question: 流经巴黎的河叫什么？
    key_points: [塞纳河]
  - id: reworded
    category: geo
    question: 德国的首都是哪里？
    key_points: [柏林]
"""
ANSWERS = {"法国": "法国的首都是巴黎。", "流经": "是塞纳河。", "德国": "德国的首都是柏林。"}


def rescore(project, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pytest_llmeval", "rescore", *args],
        cwd=project.path,
        capture_output=True,
        text=True,
        timeout=120,
    )


def capital_case(tmp_path, scenario: str = SCENARIO):
    """The scenario file's "capital" case, as loaded from the file."""
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    path = tmp_path / "geo.yaml"
    path.write_text(scenario, encoding="utf-8")
    return next(c for c in load_scenarios([path]) if c.id == "capital")


def asked_as_now(case, **fields) -> dict:
    """A record of `case` asked as it is asked now, graded by the keywords; `fields` on top."""
    base = {"model": "m1", "mode": "norag", "scenario_id": case.id, "sample": 0, "question": case.question}
    return base | {"prompt_hash": case.prompt_hash, "scorer": {"name": "keyword_coverage"}} | fields


def run_of(*records: dict) -> dict:
    return {"schema_version": 2, "run": {"models": ["m1"], "settings": {}}, "cases": list(records), "benchmarks": []}


def test_rescore_changes_scores_after_a_key_point_edit_without_any_request(llm_project):
    scenario = llm_project.scenario("geo.yaml", SCENARIO)
    with FakeServer(answers=ANSWERS) as fake:
        run = llm_project.run("--llm-base-url", fake.base_url, "--llm-model", "m1", "--llm-save", "geo")
    assert run.ret == 1  # 'capital' misses 塞纳河
    before = {c["scenario_id"]: c for c in llm_project.results()["cases"]}
    assert before["capital"]["score"] == 50 and before["capital"]["passed"] is False

    # the key point is fixed, one question is reworded (its answer is for another question now), one case is new
    added = "  - id: added\n    category: geo\n    question: 西班牙的首都是哪里？\n    key_points: [马德里]\n"
    scenario.write_text(
        SCENARIO.replace("key_points: [巴黎, 塞纳河]", "key_points: [巴黎]").replace("德国的首都", "意大利的首都")
        + added,
        encoding="utf-8",
    )
    done = rescore(llm_project, "geo", "-o", "rescored")  # the fake server is gone: no request could be sent
    assert done.returncode == 0, done.stderr
    assert "asked differently now (run the model again): m1/norag/reworded" in done.stdout
    assert "1 case(s) not in the run, no answer to grade (run the model): added" in done.stdout

    doc = json.loads((llm_project.path / "rescored" / "results.json").read_text(encoding="utf-8"))
    after = {c["scenario_id"]: c for c in doc["cases"]}
    assert after["capital"]["score"] == 100 and after["capital"]["passed"] is True
    assert after["capital"]["rescore"] == {"status": "rescored", "previous_score": 50.0, "previous_passed": False}
    assert after["capital"]["missing"] == [] and after["capital"]["answer"] == "法国的首都是巴黎。"
    assert after["capital"]["ttft_s"] == before["capital"]["ttft_s"]  # what was measured stays
    assert after["river"]["rescore"]["status"] == "rescored" and after["river"]["score"] == 100
    assert after["reworded"]["rescore"]["status"] == "changed"  # kept, marked
    assert after["reworded"]["score"] == before["reworded"]["score"]
    assert doc["run"]["rescored"]["changed"] == ["m1/norag/reworded"]
    assert doc["run"]["rescored"]["not_in_run"] == ["added"] and "added" not in after  # nothing made up for it
    (row,) = doc["aggregates"]["models"]
    # the reworded case's old score says nothing about its current question: not in the aggregates
    assert row["cases"] == 2 and row["passed"] == 2 and row["mean_score"] == 100
    report = (llm_project.path / "rescored" / "report.md").read_text(encoding="utf-8")
    html = (llm_project.path / "rescored" / "report.html").read_text(encoding="utf-8")
    for text in (report, html):  # the reports say what the run is and what it could not grade
        assert "RE-SCORED from" in text and "NOT GRADED (asked differently now)" in text
        assert "cases not in the run (no answer to grade): added" in text
    assert doc["run"]["settings"]["scenario_paths"] == [str((llm_project.path / "scenarios").resolve())]
    # both documents - the plugin's and rescore's - fit the results schema
    assert len(load(llm_project.path / "llmeval-report").cases) == len(load(llm_project.path / "rescored").cases) == 3
    saved = sorted((llm_project.path / ".llmeval" / "runs").glob("*.json"))
    assert len(saved) == 2 and saved[-1].name.startswith("0002_geo-rescored_")
    empty = llm_project.path / "no-cases"  # e.g. the wrong folder: said, naming it, and nothing written
    empty.mkdir()
    nothing = rescore(llm_project, "geo", "--scenarios", str(empty), "-o", "none")
    assert nothing.returncode == 2 and f"no scenario cases found in {empty}. Fix: pass --scenarios" in nothing.stderr
    assert not (llm_project.path / "none").exists()
    other = llm_project.path / "other"  # cases, but none of the run's: nothing graded is an error, not a new run
    other.mkdir()
    (other / "x.yaml").write_text(
        "suite: x\ncases:\n  - id: x1\n    category: x\n    question: 问\n    key_points: [答]\n"
    )
    unrelated = rescore(llm_project, "geo", "--scenarios", str(other), "-o", "unrelated")
    assert unrelated.returncode == 1 and "no answer of" in unrelated.stderr and "could be graded" in unrelated.stderr
    assert not (llm_project.path / "unrelated").exists()


def test_rescore_of_an_unknown_run_says_what_there_is(llm_project):
    done = rescore(llm_project, "nope")
    assert done.returncode == 2
    assert "no saved run 'nope'" in done.stderr and "Traceback" not in done.stderr


def test_every_record_says_what_rescore_did_with_it(tmp_path):
    from pytest_llmeval.evaluation.scenarios import load_scenarios
    from pytest_llmeval.results.rescore import rescore_document

    path = tmp_path / "geo.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    cases = {c.id: c for c in load_scenarios([path])}

    def record(case_id: str, **fields) -> dict:
        case = cases.get(case_id)
        base = {"model": "m1", "mode": "norag", "scenario_id": case_id, "sample": 0, "score": 0.0, "passed": False}
        if case is not None:
            base.update(question=case.question, prompt_hash=case.prompt_hash, case_hash=case.content_hash)
        return base | fields

    doc = {
        "schema_version": 2,
        "run": {"models": ["m1"], "settings": {}},
        "cases": [
            record("capital", answer="巴黎和塞纳河。", scorer={"name": "keyword_coverage"}),
            record("river", answer=None, error={"stage": "request", "type": "timeout", "message": "x", "status": None}),
            record("reworded", answer="柏林", scorer={"name": "regex:.*"}),  # graded by a conftest hook
            record("gone", answer="?"),
            record(
                "river",
                sample=1,
                answer="塞纳河",  # the scorer raised in the run: the answer was kept, and is graded now
                error={"stage": "scoring", "type": "ValueError", "message": "x", "status": None},
            ),
        ],
        "aggregates": {"models": [], "rag": []},
        "benchmarks": [],
        "comparison": {"summary": "stale"},
    }
    out = rescore_document(doc, cases.values(), source="old.json")
    statuses = [(c["scenario_id"], c["sample"], c["rescore"]["status"]) for c in out.doc["cases"]]
    assert statuses == [
        ("capital", 0, "rescored"),
        ("river", 0, "no_answer"),
        ("reworded", 0, "custom_scorer"),
        ("gone", 0, "missing"),
        ("river", 1, "rescored"),
    ]
    capital, _, _, _, river = out.doc["cases"]
    assert capital["score"] == 100 and capital["passed"] is True and capital["rescore"]["previous_score"] == 0.0
    assert river["error"] is None and river["score"] == 100
    assert "comparison" not in out.doc and out.doc["run"]["rescored"]["from"] == "old.json"
    assert out.counts == {"rescored": 2, "no_answer": 1, "custom_scorer": 1, "missing": 1}
    assert out.score_changes == 2 and out.verdict_changes == 2 and out.changed == []


def test_a_threshold_edit_is_counted_as_changed_verdicts(tmp_path):
    """The summary said "0 score(s) changed" when a threshold edit turned failures into passes."""
    from pytest_llmeval.results.rescore import rescore_document

    case = capital_case(tmp_path)
    record = asked_as_now(case, answer="巴黎。", score=50.0, passed=False, threshold=60.0)
    lower = capital_case(
        tmp_path,
        SCENARIO.replace("    key_points: [巴黎, 塞纳河]", "    key_points: [巴黎, 塞纳河]\n    threshold: 50", 1),
    )
    out = rescore_document(run_of(record), [lower], source="old.json")
    assert out.doc["cases"][0]["passed"] is True and out.doc["cases"][0]["score"] == 50.0
    assert (out.score_changes, out.verdict_changes) == (0, 1)
    assert "0 score(s) and 1 verdict(s) changed" in out.summary()


def test_a_verdict_the_judge_gave_in_the_run_still_decides_after_rescore(tmp_path):
    from pytest_llmeval.results.rescore import rescore_document

    case = capital_case(tmp_path)
    record = asked_as_now(
        case,
        case_hash=case.content_hash,
        answer="不知道",  # the keywords fail it; the run's judge (--llm-judge-assert) passed it
        score=0.0,
        passed=True,
        assert_with="judge",
        judge={"model": "j", "score": 95.0, "passed": True},
    )
    (again,) = rescore_document(run_of(record), [case]).doc["cases"]
    assert again["assert_with"] == "judge" and again["passed"] is True and again["keyword_passed"] is False


def test_an_answer_whose_judge_failed_in_the_run_is_graded_by_the_judge_given_now(tmp_path):
    """The run's judge was unreachable (or none was set for a judge-asserted case): the answer is there, so
    `rescore --llm-judge` grades it; without a judge it stays no_answer."""
    from pytest_llmeval.evaluation.judge import Judge
    from pytest_llmeval.results.rescore import rescore_document

    case = capital_case(tmp_path)
    base = asked_as_now(
        case, answer="法国的首都是巴黎，塞纳河穿城而过。", score=100.0, passed=False, assert_with="judge"
    )
    failed = {**base, "error": {"stage": "judge", "type": "judge", "status": None, "message": "judge failed: 503"}}
    unset = {**base, "sample": 1, "error": {"type": "config", "status": None, "message": "no judge is set"}}
    doc = run_of(failed, unset)
    kept = rescore_document(doc, [case])
    assert kept.counts == {"no_answer": 2}
    with FakeServer(answers=lambda request: '{"score": 90, "reason": "correct"}') as judge_server:
        judge = Judge(judge_server.base_url, "judge")
        graded = rescore_document(doc, [case], judge=judge)
    assert graded.counts == {"rescored": 2}
    for record in graded.doc["cases"]:
        assert record["judge"]["score"] == 90 and record["passed"] is True and record.get("error") is None


def test_a_documents_fix_measures_the_recorded_retrieval_again(tmp_path):
    """A RAG case listed the wrong document: after the fix, rescore measures the ranking the run recorded against
    the right one (hit@k 0 -> 1) - the aggregates' RAG row too - without searching again."""
    from pytest_llmeval.results.rescore import rescore_document

    fixed = SCENARIO.replace("    key_points: [巴黎, 塞纳河]", "    key_points: [巴黎]\n    documents: [france.md]")
    case = capital_case(tmp_path, fixed)
    record = asked_as_now(case, mode="rag", answer="巴黎", score=100.0, passed=True)
    record["retrieval"] = {
        "k": 2,
        "doc_ids": ["france.md", "math.md"],
        "expected_docs": ["germany.md"],  # the run's wrong list
        "hit_at_k": 0.0,
        "bm25_doc_ids": ["math.md", "france.md"],
        "dense_doc_ids": ["germany.md"],
        "rerank": "off",
        "stages": {},
        "chunks": [],
    }
    out = rescore_document(run_of(record), [case])
    (again,) = out.doc["cases"]
    retrieval = again["retrieval"]
    assert retrieval["expected_docs"] == ["france.md"] and retrieval["hit_at_k"] == 1.0 and retrieval["mrr_at_k"] == 1.0
    assert retrieval["stages"]["bm25"]["mrr_at_k"] == 0.5 and retrieval["stages"]["dense"]["hit_at_k"] == 0.0
    assert out.doc["aggregates"]["rag"][0]["mean_hit_at_k"] == 1.0


def test_a_language_edit_changes_nothing_a_case_without_retrieval_was_asked(tmp_path):
    """`language:` picks the RAG template only: a run without --rag was refused as "asked differently" after it
    was added (and told to pass --scenarios), though the model would be sent the same bytes."""
    from pytest_llmeval.results.rescore import rescore_document

    before = capital_case(tmp_path)
    after = capital_case(tmp_path, "language: en\n" + SCENARIO)
    assert after.prompt_hash != before.prompt_hash
    norag = asked_as_now(before, answer="巴黎和塞纳河。")
    rag = asked_as_now(before, mode="rag", answer="巴黎和塞纳河。")
    out = rescore_document(run_of(norag, rag), [after], source="old.json")
    assert [c["rescore"]["status"] for c in out.doc["cases"]] == ["rescored", "changed"]
    assert out.doc["cases"][0]["score"] == 100


def test_a_changed_image_is_named_as_what_changed(tmp_path):
    """A record keeps the number of its images: reading it as a list raised TypeError, and nothing was written."""
    from PIL import Image

    from pytest_llmeval.results.rescore import rescore_document

    Image.new("RGB", (4, 4), "red").save(tmp_path / "a.png")
    with_image = SCENARIO.replace(
        "    key_points: [巴黎, 塞纳河]", "    key_points: [巴黎, 塞纳河]\n    images: [a.png]", 1
    )
    case = capital_case(tmp_path, with_image)
    record = asked_as_now(case, images=1, answer="巴黎和塞纳河。")
    Image.new("RGB", (4, 4), "blue").save(tmp_path / "a.png")  # new pixels under the same name
    changed = capital_case(tmp_path, with_image)
    out = rescore_document(run_of(record), [changed], source="old.json")
    assert out.doc["cases"][0]["rescore"]["status"] == "changed"
    assert "changed: ask the model again" in out.doc["cases"][0]["rescore"]["reason"]
    two = with_image.replace("images: [a.png]", "images: [a.png, a.png]")
    out = rescore_document(run_of(record), [capital_case(tmp_path, two)], source="old.json")
    assert out.doc["cases"][0]["rescore"]["reason"].startswith("the images changed")


def test_a_judge_that_fails_during_rescore_is_the_cases_error_as_in_a_run(tmp_path):
    """rescore --llm-judge kept the keyword verdict (passed, 100) when the judge failed, and said nothing; a run
    records such a case as a judge error, failed."""
    from pytest_llmeval.evaluation.judge import Judge
    from pytest_llmeval.results.rescore import rescore_document

    case = capital_case(tmp_path)
    record = asked_as_now(case, answer="法国的首都是巴黎，塞纳河穿城而过。", score=100.0, passed=True)
    with FakeServer(answers=lambda request: "I cannot grade this.") as judge_server:
        out = rescore_document(run_of(record), [case], judge=Judge(judge_server.base_url, "judge"))
    (again,) = out.doc["cases"]
    assert again["error"]["stage"] == "judge" and again["passed"] is False and again["score"] is None
    assert out.verdict_changes == 1 and "the judge failed on 1 answer(s)" in out.summary()
