"""Scenario files: the shipped suite is valid, and bad files name file, case, field and fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pytest_llmeval.evaluation.scenarios import ScenarioError, load_scenarios

ROOT = Path(__file__).resolve().parents[1]
GOOD_CASE = """\
cases:
  - id: c1
    category: demo
    question: 什么是ROI？
    key_points:
      - point: 投资回报率
        synonyms: [回报率]
        weight: 2
      - 收益
"""


def write(tmp_path: Path, text: str, name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_suite_has_fourteen_cases_whose_documents_exist():
    cases = load_scenarios([ROOT / "scenarios"])
    ids = {c.id for c in cases}
    assert {
        "multi_requirement_analysis",
        "technical_comparison",
        "roi_calculation",
        "trap_hallucination",
        "near_match_precision",
        "synonym_disambiguation",
    } <= ids
    kb = [c for c in cases if c.suite == "enterprise_kb"]
    assert len(kb) == 8 and len(cases) == 14
    for case in cases:
        for doc in case.documents:
            assert (ROOT / "scenarios" / "knowledge" / doc).is_file(), (case.id, doc)
    assert all(c.documents for c in kb)


def test_good_file_parses_with_defaults(tmp_path):
    (case,) = load_scenarios([write(tmp_path, GOOD_CASE)])
    assert case.threshold == 60.0 and case.suite == "s"
    assert case.key_points[0].variants == ("投资回报率", "回报率") and case.key_points[0].weight == 2.0
    assert case.key_points[1].point == "收益"


@pytest.mark.parametrize(
    ("text", "field", "fix"),
    [
        (GOOD_CASE.replace("    question: 什么是ROI？\n", ""), "question", "add 'question:'"),
        (GOOD_CASE.replace("    category: demo\n", ""), "category", "add 'category:'"),
        (GOOD_CASE.replace("weight: 2", "weight: -1"), "key_points[0].weight", "positive number"),
        (GOOD_CASE.replace("id: c1", "id: C 1"), "id", "lower-case letters"),
        (GOOD_CASE + "    threshold: 160\n", "threshold", "0 to 100"),
        (GOOD_CASE + "    trap: {expect: maybe}\n", "trap.expect", "refusal"),
        (GOOD_CASE + "    colour: red\n", "colour", "remove it"),
    ],
)
def test_bad_field_names_file_case_field_and_fix(tmp_path, text, field, fix):
    path = write(tmp_path, text)
    with pytest.raises(ScenarioError) as info:
        load_scenarios([path])
    message = str(info.value)
    assert str(path) in message
    assert "case 'c1'" in message or "case 'C 1'" in message
    assert f"field '{field}'" in message
    assert fix in message


def test_missing_key_points_allowed_only_for_trap_with_expectation(tmp_path):
    no_points = GOOD_CASE.split("    key_points:")[0]
    with pytest.raises(ScenarioError, match="field 'key_points'"):
        load_scenarios([write(tmp_path, no_points)])
    (case,) = load_scenarios([write(tmp_path, no_points + "    trap: {expect: refusal}\n")])
    assert case.trap is not None and case.trap.expect == "refusal"


def test_invalid_yaml_and_missing_cases_key(tmp_path):
    with pytest.raises(ScenarioError, match=r"invalid YAML at line \d+"):
        load_scenarios([write(tmp_path, "cases:\n  - id: [unclosed\n")])
    with pytest.raises(ScenarioError, match="field 'cases'"):
        load_scenarios([write(tmp_path, "suite: x\n")])


def test_duplicate_ids_across_files(tmp_path):
    write(tmp_path, GOOD_CASE, "a.yaml")
    write(tmp_path, GOOD_CASE, "b.yaml")
    with pytest.raises(ScenarioError, match="duplicate id, already defined in"):
        load_scenarios([tmp_path])


def test_knowledge_folder_is_not_scanned_and_missing_path_is_reported(tmp_path):
    write(tmp_path, GOOD_CASE)
    (tmp_path / "knowledge").mkdir()
    write(tmp_path / "knowledge", "not: a scenario\n", "meta.yaml")
    assert [c.id for c in load_scenarios([tmp_path])] == ["c1"]
    with pytest.raises(ScenarioError, match="no such file or folder"):
        load_scenarios([tmp_path / "nope"])


@pytest.mark.parametrize(
    ("key_point", "field", "problem"),
    [
        ("{point: 甲, weight: 1e400}", "key_points[0].weight", "'1e400' is not a finite number"),
        ("{point: 甲, weight: 0}", "key_points[0].weight", "0 is not a positive number"),
        ("NULL", "key_points[0]", "empty (YAML's null). Fix: write the key point or remove the entry; if you meant"),
        ("{point: Null}", "key_points[0].point", "empty (YAML's null). Fix: write the key point; if you meant the"),
        ("{point: 甲, synonyms: [~]}", "key_points[0].synonyms[0]", "empty (YAML's null)"),
    ],
)
def test_a_key_point_weight_that_overflows_or_a_null_word_is_an_error_naming_the_field(
    tmp_path, key_point, field, problem
):
    """`weight: 1e400` became inf and the case scored 0 with every point covered; `[NULL]` said "must be a string
    or a mapping" with no hint that a plain NULL is YAML's null."""
    path = write(
        tmp_path, f"cases:\n  - id: c1\n    category: d\n    question: q\n    key_points:\n      - {key_point}\n"
    )
    with pytest.raises(ScenarioError, match=re.escape(f"field '{field}': {problem}")):
        load_scenarios([path])


@pytest.mark.parametrize(
    ("lines", "field", "problem"),
    [
        ("question: NULL\n    key_points: [a]", "question", "empty (YAML's null). Fix: write the question; if you"),
        ("question: q\n    max_tokens: ²\n    key_points: [a]", "max_tokens", "'²' is not a positive integer"),
        ("question: q\n    trap: {expect: uncertainty, penalty: 1e400}", "trap.penalty", "'1e400' is not a finite"),
        ("question: q\n    trap: {forbidden: [Null]}\n    key_points: [a]", "trap.forbidden[0]", "empty (YAML's null)"),
        ("question: q\n    trap: {forbidden: [{claim: ~}]}", "trap.forbidden[0].claim", "empty (YAML's null)"),
    ],
)
def test_a_case_field_with_a_null_word_or_a_unicode_digit_is_an_error_naming_the_field(tmp_path, lines, field, problem):
    """`max_tokens: ²` was a ValueError traceback at collection (str.isdigit takes it, int() does not)."""
    path = write(tmp_path, f"cases:\n  - id: c1\n    category: d\n    {lines}\n")
    with pytest.raises(ScenarioError, match=re.escape(f"case 'c1', field '{field}': {problem}")):
        load_scenarios([path])
    if "NULL" in lines or "Null" in lines:
        path.write_text(path.read_text(encoding="utf-8").replace("NULL", "'NULL'").replace("Null", "'Null'"))
        assert load_scenarios([path])  # quoted, it is the text


@pytest.mark.parametrize(
    ("defaults", "field", "fix"),
    [
        ("  max_tokens: lots\n", "defaults.max_tokens", "max_tokens: 512"),
        ("  threshold: 160\n", "defaults.threshold", "0 to 100"),
        ("  chinese_numerals: maybe\n", "defaults.chinese_numerals", "true"),
    ],
)
def test_a_bad_default_is_named_as_the_defaults_field_not_the_first_case(tmp_path, defaults, field, fix):
    """A value every case takes from `defaults:` is wrong where it is written: the error names `defaults.<field>`
    and no case (it named the first case that used it, where the user would look in vain)."""
    case = "  - id: c1\n    category: demo\n    question: 问题\n    key_points: [答]\n"
    text = f"suite: s\ndefaults:\n{defaults}cases:\n{case}"
    with pytest.raises(ScenarioError) as info:
        load_scenarios([write(tmp_path, text)])
    message = str(info.value)
    assert f"field '{field}'" in message and fix in message
    assert "case 'c1'" not in message


def test_a_case_that_sets_the_field_itself_is_named_as_before(tmp_path):
    text = "suite: s\ndefaults:\n  threshold: 60\ncases:\n  - id: c1\n    category: demo\n    question: 问题\n"
    with pytest.raises(ScenarioError) as info:
        load_scenarios([write(tmp_path, text + "    key_points: [答]\n    threshold: 160\n")])
    assert "case 'c1', field 'threshold'" in str(info.value)
