"""benchmarks/rescore_compare.py: old vs new score of a run's recorded answers, with the points that changed."""

from __future__ import annotations

from pathlib import Path

from benchmark_scripts import load_benchmark

ROOT = Path(__file__).resolve().parents[2]


def _old_record(case_id: str, question: str, answer: str, score: float, passed: bool, points: list) -> dict:
    """A record as the version-1 scorer wrote it (substring matching)."""
    return {
        "model": "m",
        "mode": "norag",
        "sample": 0,
        "scenario_id": case_id,
        "question": question,
        "answer": answer,
        "score": score,
        "passed": passed,
        "points": [
            {"point": p, "weight": w, "status": s, "matched": p if s == "covered" else None} for p, w, s in points
        ],
        "scorer": {"name": "keyword_coverage", "version": 1},
        "error": None,
    }


def test_rescore_compare_names_the_points_that_changed(capsys):
    from pytest_llmeval.evaluation.scenarios import load_scenarios

    roi = next(c for c in load_scenarios([ROOT / "scenarios"]) if c.id == "roi_calculation")
    answer = "年净节省额为90万元，回收期为120个月，三年ROI为150%"
    points = [("120万", 1, "missing"), ("90万", 2, "covered"), ("20个月", 2, "covered")]
    points += [("360万", 1, "missing"), ("240万", 1, "missing"), ("50%", 2, "covered")]
    doc = {
        "schema_version": 2,
        "run": {"settings": {}},
        "cases": [_old_record(roi.id, roi.question, answer, 66.7, True, points)],
    }
    lines, counts = load_benchmark("rescore_compare").compare(doc, [ROOT / "scenarios"])
    assert counts == {"records": 1, "rescored": 1, "score_changed": 1, "verdict_flipped": 1}
    assert lines[0].startswith("m/norag/roi_calculation: 66.7 (pass) -> 22.2 (FAIL)")
    assert "20个月: covered ('20个月') -> missing" in lines[0] and "50%: covered ('50%') -> missing" in lines[0]
    assert "90万" not in lines[0].split("\n", 1)[1]  # unchanged points are not listed
