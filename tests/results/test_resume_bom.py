"""Review R: --llm-resume reads a results.json with a byte order mark, as every other reader of a run does."""

import json

from pytest_llmeval.results.recorder import load_results
from pytest_llmeval.results.resume import _previous_cases

RECORD = {"model": "m1", "scenario_id": "c1", "mode": "norag", "sample": 0, "score": 80.0, "passed": True}


def test_a_results_file_with_a_byte_order_mark_is_resumed_from(tmp_path):
    doc = {"schema_version": 2, "run": {"models": ["m1"]}, "cases": [RECORD], "aggregates": {"models": [], "rag": []}}
    results = tmp_path / "results.json"
    results.write_text("\ufeff" + json.dumps(doc), encoding="utf-8")
    load_results(results, check_types=False)  # the other readers take it
    previous, cases = _previous_cases(tmp_path)
    assert previous is not None
    assert [c["scenario_id"] for c in cases] == ["c1"]
