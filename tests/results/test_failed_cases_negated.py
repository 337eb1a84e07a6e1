"""report.md's failed cases name a negated key point with the words that negated it, as the assertion message does
(44th session: a case whose answer said 看似20个月，实则26个月 was listed as "missing: 20个月" with nothing to say the
answer had named the figure only to take it back)."""

from __future__ import annotations

from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
from pytest_llmeval.evaluation.scoring import score_answer
from pytest_llmeval.results.render import render_markdown
from tests.results.test_report_n_sweep import answer, document


def _scored(answer_text: str, points: tuple[str, ...]) -> dict:
    case = Case(
        id="q0", category="c", question="回本周期是多久？", suite="s", source="s.yaml",
        key_points=tuple(KeyPoint(p) for p in points),
    )  # fmt: skip
    score = score_answer(case, answer_text).to_dict()
    return answer("m", "q0", score["score"], answer=answer_text) | {
        k: score[k] for k in ("covered", "missing", "echoed", "forbidden_found", "points")
    }


def _failed_paragraph(record: dict) -> str:
    markdown = render_markdown(document([record]))
    return markdown.split("## Failed cases\n", 1)[1].split("\n## ", 1)[0]


def test_a_negated_point_is_named_with_its_words() -> None:
    failed = _failed_paragraph(_scored("看似20个月，实则26个月。", ("20个月",)))
    assert "missing: 20个月; negated (not counted): 20个月 (as '20个月,实则26')" in failed, failed


def test_a_point_only_missing_has_no_negated_part() -> None:
    failed = _failed_paragraph(_scored("回本周期为26个月。", ("20个月",)))
    assert "missing: 20个月; echoed (not counted)" in failed, failed
    assert "negated" not in failed


def test_each_negated_point_of_several_is_named() -> None:
    record = _scored("总部在苏州附近的昆山，还以为是刘敏牵的线，其实是周晓峰。ROI为20%。", ("苏州", "刘敏", "20%"))
    failed = _failed_paragraph(record)
    assert "covered: 20%" in failed, failed
    assert "negated (not counted): 苏州 (as '苏州附近'), 刘敏 (as '以为是刘敏')" in failed, failed
