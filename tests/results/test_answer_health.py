"""Empty answers and answers cut at the token limit, counted per model and mode, and said in the reports."""

from __future__ import annotations

from pytest_llmeval.results.answer_health import all_empty, answer_health, cut_at_limit, empty_answer
from pytest_llmeval.results.sections import answer_health_section


def record(answer: object = "答", model: str = "m1", mode: str = "norag", **extra: object) -> dict:
    return {"model": model, "mode": mode, "answer": answer, "error": None, "finish_reason": "stop", **extra}


def test_an_empty_answer_is_nothing_whitespace_or_none_but_not_an_error_nor_an_unknown_one() -> None:
    assert empty_answer(record("")) and empty_answer(record(" \n\t")) and empty_answer(record(None))
    assert not empty_answer(record("0"))  # a short answer is an answer
    assert not empty_answer(record("", error={"stage": "request"}))  # an error is counted as an error
    assert not empty_answer({"model": "m1", "error": None})  # no answer field: not known to be empty
    assert cut_at_limit(record(finish_reason="length")) and not cut_at_limit(record())
    assert not cut_at_limit(record(finish_reason="length", error={"stage": "request"}))


def test_counts_per_model_and_mode_and_the_groups_with_every_answer_empty() -> None:
    cases = [
        *(record("") for _ in range(3)),
        record("", error={"stage": "request"}),  # not answered: left out of both counts
        record("答", model="m2", finish_reason="length"),
        record("", model="m2"),
        record("", mode="rag"),
    ]
    health = {h.label: (h.answered, h.empty, h.cut) for h in answer_health(cases)}
    assert health == {"m1/norag": (3, 3, 0), "m2/norag": (2, 1, 1), "m1/rag": (1, 1, 0)}
    assert [h.label for h in all_empty(cases)] == ["m1/norag", "m1/rag"]


def test_the_report_says_how_many_answers_are_empty_or_cut_and_what_to_check() -> None:
    doc = {"run": {"settings": {"max_tokens": 64}}, "cases": [record(""), record("答", finish_reason="length")]}
    section = answer_health_section(doc)
    assert section is not None and section.terminal
    text = "\n".join(section.paragraphs)
    assert "m1/norag: 1 of 2 answers empty - the server answered nothing the scorer could read" in text
    assert "chat template" in text
    assert "m1/norag: 1 of 2 answers cut at the token limit (finish_reason length; max_tokens 64)" in text
    doc["cases"].append(record("答", finish_reason="length", max_tokens=16))  # a case with its own budget
    text = "\n".join(answer_health_section(doc).paragraphs)  # type: ignore[union-attr]
    assert "2 of 3 answers cut at the token limit (finish_reason length; max_tokens 16, 64)" in text
    assert answer_health_section({"run": {}, "cases": [record()]}) is None  # nothing to say: no section


def test_many_cases_with_one_identical_answer_are_said_samples_of_one_case_count_once() -> None:
    same = [record("答：甲、乙、丙", scenario_id=f"c{i}") for i in range(4)]
    doc = {"run": {"settings": {}}, "cases": [*same, record("不同", scenario_id="c4")]}
    section = answer_health_section(doc)
    assert section is not None
    assert "m1/norag: 4 different cases got one identical answer" in "\n".join(section.paragraphs)
    repeats = [record("答", scenario_id="c0", sample=s) for s in range(3)]  # --llm-repeat 3 of one case
    two = [record("不知道", scenario_id=f"c{i}") for i in range(2)]  # two alike among many: no pattern
    others = [record(f"答{i}", scenario_id=f"d{i}") for i in range(4)]
    assert answer_health_section({"run": {}, "cases": [*repeats, *two, *others]}) is None
