"""Strict scenario files: unknown keys anywhere are errors with the nearest valid key; plain scalars stay
the text the user wrote; dataset ids are unique; documents must exist in the knowledge base."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pytest_llmeval.evaluation.scenarios import ScenarioError, check_documents, load_scenarios, load_yaml_text
from pytest_llmeval.vision.datasets import DatasetError, check_unique_ids, load_jsonl

ROOT = Path(__file__).resolve().parents[2]
CASE = """\
cases:
  - id: c1
    category: demo
    question: 什么是ROI？
    key_points:
      - point: 投资回报率
        synonyms: [回报率]
"""


def load(tmp_path: Path, text: str) -> list:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenarios([path])


def error(tmp_path: Path, text: str) -> str:
    with pytest.raises(ScenarioError) as info:
        load(tmp_path, text)
    message = str(info.value)
    assert str(tmp_path / "s.yaml") in message and "Fix:" in message
    return message


def test_a_typo_in_defaults_names_the_nearest_key(tmp_path):
    message = error(tmp_path, "defaults:\n  treshold: 95\n" + CASE)
    assert "field 'defaults.treshold'" in message and "unknown field" in message
    assert "did you mean `threshold`?" in message


@pytest.mark.parametrize(
    ("text", "field", "nearest"),
    [
        ("suite: x\nsuit: y\n" + CASE, "suit", "suite"),
        (CASE + "    thresold: 70\n", "thresold", "threshold"),
        (CASE.replace("synonyms:", "synonym:"), "key_points[0].synonym", "synonyms"),
        (CASE.replace("synonyms: [回报率]", "weigth: 2"), "key_points[0].weigth", "weight"),
        (CASE + "    trap: {expect: refusal, penalti: 10}\n", "trap.penalti", "penalty"),
        (
            CASE + "    trap:\n      forbidden:\n        - {claim: x, variant: [y]}\n",
            "trap.forbidden[0].variant",
            "variants",
        ),
    ],
)
def test_unknown_keys_anywhere(tmp_path, text, field, nearest):
    message = error(tmp_path, text)
    assert f"field '{field}'" in message and f"did you mean `{nearest}`?" in message


def test_plain_scalars_stay_as_written(tmp_path):
    text = CASE.replace("synonyms: [回报率]", "synonyms: [0012, '12:30', 1.50, yes, on, 1e3, 0x1F]")
    text += "      - 0012\n      - 12:30\n      - 1.50\n"
    text += "    trap:\n      forbidden: [no, 2019年上市]\n"
    (case,) = load(tmp_path, text)
    assert case.key_points[0].synonyms == ("0012", "12:30", "1.50", "yes", "on", "1e3", "0x1F")
    assert [kp.point for kp in case.key_points[1:]] == ["0012", "12:30", "1.50"]
    assert case.trap is not None and [c.claim for c in case.trap.forbidden] == ["no", "2019年上市"]
    assert load_yaml_text("a: 0012\nb: 12:30\nc: yes\nd: ~\ne:\n") == {
        "a": "0012",
        "b": "12:30",
        "c": "yes",
        "d": None,
        "e": None,
    }


def test_numeric_fields_are_converted_with_their_own_errors(tmp_path):
    (case,) = load(tmp_path, "defaults: {threshold: 75.5, max_tokens: 256}\n" + CASE)
    assert case.threshold == 75.5 and case.max_tokens == 256
    assert "is not a number" in error(tmp_path, CASE + "    threshold: high\n")
    assert "field 'max_tokens'" in error(tmp_path, CASE + "    max_tokens: 1.5\n")
    assert "is not true or false" in error(tmp_path, CASE + "    scale_words: yes\n")
    assert "not a tolerance" in error(tmp_path, CASE + "    tolerance: about 2\n")


def test_number_options_resolve_from_defaults_case_and_point(tmp_path):
    text = "defaults: {tolerance: 1%}\n" + CASE.replace(
        "        synonyms: [回报率]\n", "        synonyms: [回报率]\n      - {point: 1200万, chinese_numerals: true}\n"
    )
    (case,) = load(tmp_path, text)
    assert case.numbers.tolerance == "1%" and not case.numbers.chinese
    assert case.key_points[0].numbers is None
    assert case.key_points[1].numbers is not None and case.key_points[1].numbers.chinese
    assert case.key_points[1].numbers.tolerance == "1%"


def test_regex_key_points_and_invalid_regex(tmp_path):
    (case,) = load(tmp_path, CASE + "      - regex: 'INV-\\d{6}'\n      - {point: 日期, regex: ['\\d{4}-\\d{2}']}\n")
    assert case.key_points[1].point == "INV-\\d{6}" and case.key_points[1].regex == ("INV-\\d{6}",)
    assert case.key_points[2].point == "日期" and case.key_points[2].variants == ()
    message = error(tmp_path, CASE + "      - regex: 'INV-(\\d{6}'\n")
    assert "case 'c1'" in message and "field 'key_points[1].regex'" in message
    assert "not a valid regular expression" in message
    assert "no synonyms" in error(tmp_path, CASE + "      - {regex: a, synonyms: [b]}\n")


def test_language_is_declared_or_detected(tmp_path):
    (zh,) = load(tmp_path, CASE)
    assert zh.language is None and zh.prompt_language == "zh"
    (en,) = load(tmp_path, CASE.replace("什么是ROI？", "What is the payback period of the project?"))
    assert en.prompt_language == "en"
    (declared,) = load(tmp_path, "language: en\n" + CASE)
    assert declared.language == "en" and declared.prompt_language == "en"
    assert "supported language" in error(tmp_path, "language: fr\n" + CASE)


def test_shipped_case_hashes_do_not_depend_on_the_new_fields():
    from dataclasses import replace

    from pytest_llmeval.evaluation.numbers import NumberForms
    from pytest_llmeval.evaluation.scenarios import KeyPoint

    cases = load_scenarios([ROOT / "scenarios"])
    roi = next(c for c in cases if c.id == "roi_calculation")
    # the case as it was before scorer v7 made its 90万 point a regex (the net saving, not the maintenance cost)
    points = list(roi.key_points)
    assert points[1].point == "90万" and points[1].regex
    points[1] = KeyPoint("90万", ("90万元", "九十万"), 2.0)
    assert points[2].point == "20个月"  # and its synonyms as they were then (1年8个月 came in the 11th session)
    points[2] = replace(points[2], synonyms=("20 个月", "1.67年", "1.67 年", "1.7年", "一年零八个月", "一年八个月"))
    # and the default number forms (v74 review: the shipped files' defaults read Chinese numerals since)
    before_v7 = replace(roi, key_points=tuple(points), numbers=NumberForms())
    assert before_v7.content_hash == "a19552b808938f9a"  # the hash a run saved before this change recorded
    assert roi.content_hash != before_v7.content_hash  # a changed key point is another case


RICH_CASE = r"""suite: t
defaults: {tolerance: "1%", chinese_numerals: true}
cases:
  - id: a
    category: c
    question: 多少?
    system: 你是助手
    threshold: 70
    key_points:
      - point: 20个月
        synonyms: [二十个月]
        weight: 2
        scale_words: true
      - point: 增长
        regex: ["增长\\d+%"]
    trap:
      expect: refusal
      forbidden:
        - claim: 有
          variants: [存在]
      penalty: 30
    accepted_answers: [x]
"""


def test_a_case_using_every_field_keeps_its_hash(tmp_path):
    """Hashed without dataclasses.asdict since 2026-12-01: the same hash as the asdict version gave."""
    (case,) = load(tmp_path, RICH_CASE)
    assert case.key_points[0].numbers.scale_words and case.key_points[1].regex and case.trap.forbidden
    assert case.content_hash == "2bcc6255d452ae47"


def _png(path: Path) -> None:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (8, 8), "white").save(path)


def test_duplicate_dataset_ids_name_both_rows(tmp_path):
    _png(tmp_path / "x.png")
    rows = [{"id": "a1", "image": "x.png", "question": "q", "answers": "a"}] * 2
    (tmp_path / "d.jsonl").write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    from pytest_llmeval.vision.datasets import load_dataset

    with pytest.raises(DatasetError) as info:
        load_dataset(f"jsonl:{tmp_path / 'd.jsonl'}")
    message = str(info.value)
    assert "d.jsonl, line 2: id 'a1' is already the id of" in message and "d.jsonl, line 1" in message


def test_a_dataset_id_equal_to_a_scenario_id_names_both(tmp_path):
    _png(tmp_path / "x.png")
    (tmp_path / "d.jsonl").write_text(
        json.dumps({"id": "c1", "image": "x.png", "question": "q", "answers": "a"}), encoding="utf-8"
    )
    with pytest.raises(DatasetError) as info:
        check_unique_ids(load(tmp_path, CASE) + load_jsonl(tmp_path / "d.jsonl"))
    assert "d.jsonl, line 1: id 'c1' is already the id of" in str(info.value)
    assert str(tmp_path / "s.yaml") in str(info.value)


def test_documents_must_be_in_the_knowledge_base(tmp_path):
    kb = ROOT / "scenarios" / "knowledge"
    check_documents(load_scenarios([ROOT / "scenarios"]), [kb])  # the shipped suite is consistent
    cases = load(tmp_path, CASE + "    documents: [companies/huaxin_bnak.md]\n")
    with pytest.raises(ScenarioError) as info:
        check_documents(cases, [kb])
    message = str(info.value)
    assert "case 'c1'" in message and "field 'documents'" in message
    assert "'companies/huaxin_bnak.md' is not a document of the knowledge base" in message
    assert "did you mean `companies/huaxin_bank.md`?" in message


def test_a_key_given_twice_is_an_error_but_merge_keys_may_be_overridden(tmp_path):
    message = error(tmp_path, CASE + "    threshold: 50\n    threshold: 90\n")
    assert "invalid YAML at line 9: duplicate key 'threshold'" in message and "keep one of the two" in message
    anchors = """\
defaults: &d {threshold: 70}
cases:
  - <<: *d
    threshold: 80
    id: c1
    category: demo
    question: 什么是ROI？
    key_points: [投资回报率]
"""
    (case,) = load(tmp_path, anchors)
    assert case.threshold == 80.0


def test_a_forbidden_claim_may_be_a_regex(tmp_path):
    """A made-up certificate number is any code after 编号为 - a text claim could only list some of them."""
    base = "cases:\n  - id: t\n    category: c\n    question: 编号？\n    key_points: [核实]\n"
    base += "    trap:\n      forbidden:\n"
    (case,) = load(tmp_path, base + "        - claim: 编号\n          regex: ['编号为[a-z0-9]']\n")
    (claim,) = case.trap.forbidden
    assert claim.regex == ("编号为[a-z0-9]",) and claim.all_forms == ()
    message = error(
        tmp_path, base + "        - claim: 编号\n          regex: ['编号为x']\n          variants: [号码]\n"
    )
    assert "trap.forbidden[0].variants" in message and "a regex claim has no variants" in message
    assert "regex" in error(tmp_path, base + "        - claim: 编号\n          regex: ['(']\n")
