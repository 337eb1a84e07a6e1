"""Leftovers of the round-6 verdict and input red teams. Each test failed before its fix:

- results.json's `significant` on intervals the report judges only after Holm's correction (a RAG uplift, a RAG
  category, a pair of models) and on the pass change (no verdict at all) said nowhere that it is uncorrected;
- a NaN or an infinity counted as a measurement in Spearman's rho (n 4 of 3 scores, rho None), in Cohen's kappa
  (a NaN verdict read as a pass), in McNemar's test (None read as a fail, NaN as a pass) and in the pass change
  (one NaN share sent every case to the sign-flip test);
- a case renamed between baseline and new run (the same question, another id) was one missing and one new case,
  without a word that it looks renamed;
- `plan --llm-model m=/nonexist` printed a plan and exit 0 for a run that fails at its start;
- `openai:http://h/v1@m@n` (and the judge's `http://h/v1@m@n`) asked the model `n` at `http://h/v1@m`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.compare import EXIT_BROKEN, render_comparison_text
from pytest_llmeval.evaluation.judge import JudgeError, parse_judge_spec
from pytest_llmeval.rag.spec import parse_embedder_spec, parse_reranker_spec
from pytest_llmeval.results.aggregate import aggregate_document
from pytest_llmeval.results.schema import ResultsDocument, json_schema
from pytest_llmeval.serving import placement
from pytest_llmeval.stats.agreement import cohen_kappa, spearman
from pytest_llmeval.stats.paired import mcnemar_exact, pass_rate_change

sys.path.insert(0, str(Path(__file__).parent / "compare"))  # the gate's run builders live beside its tests
from test_gate_redteam import GOOD, gate, run  # noqa: E402

NAN, INF = float("nan"), float("inf")

# -- 1. every uncorrected `significant` in results.json says so in the schema --------------------------------------


def _record(model: str, mode: str, sid: str, category: str, score: float) -> dict[str, Any]:
    return {
        "model": model,
        "scenario_id": sid,
        "suite": "s",
        "category": category,
        "mode": mode,
        "sample": 0,
        "case_hash": f"h-{sid}",
        "score": score,
        "passed": score >= 60,
        "error": None,
    }


def _two_models_with_rag() -> list[dict[str, Any]]:
    """Two models, 8 cases each in two categories, without and with RAG (RAG lifts every case of m1)."""
    cases = []
    for model, lift in (("m1", 30.0), ("m2", 5.0)):
        for i in range(8):
            sid, category = f"q{i}", "a" if i < 4 else "b"
            base = 30.0 + 5 * i
            cases.append(_record(model, "norag", sid, category, base))
            cases.append(_record(model, "rag", sid, category, min(100.0, base + lift + (i % 3))))
    return cases


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """A schema node with its $ref followed and a nullable anyOf reduced to its non-null branch."""
    while True:
        if "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[1]]
        elif "anyOf" in node:
            node = next(n for n in node["anyOf"] if n.get("type") != "null")
        else:
            return node


def _schema_at(schema: dict[str, Any], path: list[Any]) -> dict[str, Any] | None:
    """The schema of the value at `path` in a document; None where the schema does not name it."""
    node = _resolve(schema, schema)
    for step in path:
        if isinstance(step, int):
            node = node.get("items") or {}
        elif step in (node.get("properties") or {}):
            node = node["properties"][step]
        elif isinstance(node.get("additionalProperties"), dict):
            node = node["additionalProperties"]
        else:
            return None
        node = _resolve(schema, node)
    return node


def _paths_to(value: Any, key: str, path: list[Any] | None = None) -> list[list[Any]]:
    """The paths of every `key` in a JSON value."""
    path = path or []
    if isinstance(value, dict):
        found = [[*path, key]] if key in value else []
        return found + [p for k, v in value.items() for p in _paths_to(v, key, [*path, k])]
    if isinstance(value, list):
        return [p for i, v in enumerate(value) for p in _paths_to(v, key, [*path, i])]
    return []


def _document() -> dict[str, Any]:
    """A results document as a run with two models, RAG and --llm-compare writes it (JSON as read back)."""
    cases = _two_models_with_rag()
    doc = {
        "schema_version": 2,
        "run": {
            "started_at": "t",
            "status": "complete",
            "plugin": "p",
            "plugin_version": "0",
            "git_commit": None,
            "hardware": {},
            "models": ["m1", "m2"],
            "model_sources": {},
            "server_args": [],
            "settings": {},
            "rag": {},
            "invocation": [],
            "launches": [],
        },
        "cases": cases,
        "aggregates": aggregate_document(cases),
        "benchmarks": [],
        "comparison": gate(run(GOOD), run([0.0] * 3 + GOOD[3:])),
    }
    return json.loads(json.dumps(doc))


def test_every_significant_in_results_json_is_documented_as_uncorrected_and_names_the_verdict():
    doc, schema = _document(), json_schema()
    paths = _paths_to(doc, "significant")
    seen = {tuple(step for step in path if isinstance(step, str)) for path in paths}
    # the uplift, a category's uplift, the pass change, a model pair's difference, the gate's score and pass rate
    assert any("uplift_interval" in p and "categories" not in p for p in seen), seen
    assert any("categories" in p for p in seen) and any("pass_change_interval" in p for p in seen), seen
    assert any("difference" in p for p in seen) and any("comparison" in p and "metrics" in p for p in seen), seen
    for path in paths:
        node = _schema_at(schema, path)
        assert node is not None, f"results.json field {path} is not in the schema"
        assert "NOT corrected" in node.get("description", ""), (path, node)
    rag_row = doc["aggregates"]["rag"][0]
    # the corrected verdicts the descriptions point at are there, beside the uncorrected flags
    assert "significant_holm" in rag_row["uplift_holm"] and "significant_holm" in rag_row["categories"]["a"]
    assert all("verdict" in pair and "p_holm" in pair for pair in doc["aggregates"]["comparison"]["pairs"])
    assert all(
        "p_holm" in g["metrics"]["score"] and "verdict" in g["metrics"]["score"] for g in doc["comparison"]["groups"]
    )


def test_a_document_with_rag_model_pairs_and_a_comparison_validates_against_the_typed_schema():
    from pydantic import TypeAdapter

    TypeAdapter(ResultsDocument).validate_python(_document())


# -- 2. NaN and infinities are no measurements in the agreement and paired statistics ---------------------------


@pytest.mark.parametrize("bad", [NAN, INF, -INF, None])
@pytest.mark.parametrize("side", ["x", "y"])
def test_spearman_drops_a_pair_with_no_score_on_either_side(bad, side):
    x, y = [10.0, 20.0, 30.0, 40.0, 50.0], [12.0, 35.0, 20.0, 45.0, 60.0]
    expected = spearman(x[:4], y[:4])
    (x if side == "x" else y)[4] = bad
    got = spearman(x, y)
    assert got.n == 4 and got.value == pytest.approx(expected.value) and got.p_value == pytest.approx(expected.p_value)


def test_spearman_over_case_means_leaves_out_a_nan_answer_not_the_whole_case():
    got = spearman([10.0, 20.0, 30.0, NAN, 40.0], [15.0, 25.0, 20.0, 99.0, 50.0], clusters=["a", "b", "c", "d", "d"])
    assert got.n == 4 and got.value == pytest.approx(spearman([10, 20, 30, 40], [15, 25, 20, 50]).value)


@pytest.mark.parametrize("bad", [NAN, INF])
def test_kappa_does_not_count_a_non_finite_verdict_as_a_pass(bad):
    a = [True, False, True, False, True, False]
    b = [True, False, False, False, True, True]
    expected = cohen_kappa(a, b)
    got = cohen_kappa([*a, bad], [*b, False])
    assert got.n == expected.n == 6 and got.value == pytest.approx(expected.value)
    assert got.pabak == pytest.approx(expected.pabak)


@pytest.mark.parametrize("bad", [NAN, None])
def test_mcnemar_drops_a_pair_with_no_verdict(bad):
    a = [True] * 6 + [False] * 2
    b = [False] * 6 + [False] * 2
    expected = mcnemar_exact(a, b)
    got = mcnemar_exact([*a, bad, True], [*b, True, bad])
    assert (got.n, got.b01, got.b10) == (expected.n, expected.b01, expected.b10) == (8, 0, 6)
    assert got.p_value == pytest.approx(expected.p_value) and got.low == pytest.approx(expected.low)


def test_a_nan_share_leaves_the_pass_change_on_mcnemars_test_over_the_other_cases():
    a, b = [1.0] * 8 + [0.0] * 2, [0.0] * 8 + [0.0] * 2
    expected = pass_rate_change(a, b)
    got = pass_rate_change([*a, NAN], [*b, 1.0])
    assert "McNemar" in got["method"] and got["n"] == 10 and got == expected


def test_the_pass_change_needs_pairs():
    with pytest.raises(ValueError, match="pass_rate_change needs pairs: 2 against 1"):
        pass_rate_change([1.0, 0.0], [1.0])


# -- 3. a case renamed between the runs is named as such ----------------------------------------------------------


def _asked(doc: dict[str, Any]) -> dict[str, Any]:
    """Each case's record carries the hash of its question, as pytest-llmeval writes it."""
    for case in doc["cases"]:
        case["prompt_hash"] = f"question-{case['scenario_id']}"
    return doc


def test_a_renamed_case_is_named_with_its_likely_new_id_and_the_fix():
    base, new = _asked(run(GOOD)), _asked(run(GOOD))
    new["cases"][3]["scenario_id"] = "c03-renamed"
    cmp = gate(base, new)
    assert cmp["exit_code"] == EXIT_BROKEN
    (missing,) = [p for p in cmp["problems"] if p["kind"] == "missing"]
    assert "1 of them looks renamed" in missing["text"] and "m1/norag/c03 -> c03-renamed" in missing["text"]
    assert "give the case its baseline id back" in missing["text"] and "--allow-missing" in missing["text"]
    assert cmp["mismatches"]["renamed_cases"] == [
        {"model": "m1", "mode": "norag", "base_id": "c03", "new_id": "c03-renamed"}
    ]
    note = "cases that look renamed (the same question under another id; not compared): m1/norag/c03 -> c03-renamed"
    assert note in render_comparison_text(cmp)


def test_a_removed_case_and_another_new_question_are_not_called_renamed():
    base, new = _asked(run(GOOD)), _asked(run(GOOD))
    new["cases"][3].update(scenario_id="c99", prompt_hash="another question")
    cmp = gate(base, new)
    (missing,) = [p for p in cmp["problems"] if p["kind"] == "missing"]
    assert "renamed" not in missing["text"] and cmp["mismatches"]["renamed_cases"] == []


def test_two_cases_asking_one_question_pair_none_of_them():
    base, new = _asked(run(GOOD)), _asked(run(GOOD))
    for case in base["cases"][3:5]:
        case["prompt_hash"] = "shared"
    for index in (3, 4):
        new["cases"][index].update(scenario_id=f"new{index}", prompt_hash="shared")
    cmp = gate(base, new)
    assert cmp["mismatches"]["renamed_cases"] == []


def test_runs_without_prompt_hashes_claim_no_rename():
    base, new = run(GOOD), run(GOOD)
    new["cases"][3]["scenario_id"] = "c03-renamed"
    assert gate(base, new)["mismatches"]["renamed_cases"] == []


# -- 4. plan refuses a model that cannot be loaded here -----------------------------------------------------------


def test_plan_refuses_a_model_path_that_does_not_exist(tmp_path, capsys):
    missing = tmp_path / "nonexist"
    assert placement.main(["--gpus", "1x80", "--llm-model", f"m={missing}"]) == 2
    err = capsys.readouterr().err
    assert f"--llm-model m={missing}: no such file or folder" in err and "Fix:" in err
    assert "--need m=GIB" in err and "Traceback" not in err


def test_plan_refuses_a_hub_id_not_downloaded_while_offline(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    assert placement.main(["--gpus", "1x80", "--llm-model", "org/not-downloaded"]) == 2
    err = capsys.readouterr().err
    assert "org/not-downloaded" in err and "not in the Hugging Face cache" in err and "HF_HUB_OFFLINE" in err


def test_plan_with_the_need_given_plans_a_model_of_another_machine_and_says_so(tmp_path, capsys):
    missing = tmp_path / "nonexist"
    assert placement.main(["--gpus", "1x80", "--llm-model", f"m={missing}", "--need", "m=10"]) == 0
    out, err = capsys.readouterr()
    assert "10.0 GiB" in out and err.startswith("note: ") and "a pytest run here refuses it" in err


# -- 5. an '@' in the model part is refused, not guessed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("parse", "value"),
    [
        (parse_embedder_spec, "openai:http://h:8000/v1@m@n"),
        (parse_reranker_spec, "vllm:http://h:8000/v1@m@n"),
        (parse_embedder_spec, "openai:http://h:8000/v1?x=1@y@m"),
    ],
)
def test_a_component_spec_with_an_at_in_the_model_part_is_refused(parse, value):
    with pytest.raises(ValueError, match="more than one '@' after the host") as caught:
        parse(value)
    assert "accepted forms" in str(caught.value)


def test_the_judge_spec_with_an_at_in_the_model_part_is_refused():
    with pytest.raises(JudgeError, match="more than one '@' after the host"):
        parse_judge_spec("http://h:8000/v1@m@n")


def test_a_userinfo_at_before_the_host_still_parses():
    assert parse_judge_spec("http://u:k@h:8000/v1@m") == ("http://u:k@h:8000/v1", "m")
    spec = parse_embedder_spec("openai:http://u:k@h:8000/v1@m")
    assert (spec.base_url, spec.model) == ("http://u:k@h:8000/v1", "m")
