"""Fuzzing the scenario loader: whatever the file holds, the answer is a ScenarioError naming the file and
the fix - never another exception, never a traceback from deep inside."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from pytest_llmeval.evaluation.scenarios import _CASE_FIELDS, ScenarioError, load_scenarios

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=50),
    st.just(""),
    st.text(min_size=2000, max_size=3000),
)
values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)
FIELDS = sorted(_CASE_FIELDS)
cases = st.dictionaries(st.sampled_from(FIELDS) | st.text(max_size=8), values, max_size=8)
documents = st.one_of(
    values,
    st.fixed_dictionaries(
        {"cases": st.lists(cases | values, max_size=4)},
        optional={"suite": values, "defaults": values, "scorer": values},
    ),
)

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _load(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzz.yaml"
        path.write_bytes(data)
        try:
            load_scenarios([path])
        except ScenarioError as exc:
            text = str(exc)
            assert str(path) in text and "Fix:" in text, text


@FUZZ
@given(documents)
def test_random_yaml_documents_give_a_clear_error_or_cases(doc):
    _load(yaml.safe_dump(doc, allow_unicode=True).encode("utf-8"))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_give_a_clear_error(data):
    _load(data)


def test_non_utf8_and_duplicate_ids_across_files(tmp_path):
    bad = tmp_path / "latin.yaml"
    bad.write_bytes("cases:\n  - id: a\n    question: caf\xe9\n".encode("latin-1"))
    try:
        load_scenarios([bad])
        raise AssertionError("no error")
    except ScenarioError as exc:
        assert "UTF-8" in str(exc) and str(bad) in str(exc)
    one = "cases:\n  - id: same\n    category: c\n    question: q\n    key_points: [a]\n"
    (tmp_path / "d1").mkdir()
    (tmp_path / "d1" / "a.yaml").write_text(one, encoding="utf-8")
    (tmp_path / "d1" / "b.yaml").write_text(one, encoding="utf-8")
    try:
        load_scenarios([tmp_path / "d1"])
        raise AssertionError("no error")
    except ScenarioError as exc:
        assert "duplicate id" in str(exc) and "a.yaml" in str(exc)


NUMBERISH = st.text(alphabet="0123456789,. %-万亿千百十一二两三四五六七八九零点分之个月年元vINV", max_size=40)


@FUZZ
@given(point=NUMBERISH, answer=NUMBERISH)
def test_number_matching_never_raises_on_any_text(point, answer):
    from pytest_llmeval.evaluation.keywords.normalisation import normalise
    from pytest_llmeval.evaluation.numbers import NumberForms, find_numbers
    from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
    from pytest_llmeval.evaluation.scoring import score_answer

    for forms in (NumberForms(), NumberForms(chinese=True, tolerance="1%")):
        for mention in find_numbers(normalise(answer), forms):
            assert 0 <= mention.start < mention.end <= len(normalise(answer))
        if point.strip():
            case = Case("c", "c", "q", (KeyPoint(point.strip()),), "s", "s.yaml", numbers=forms)
            score = score_answer(case, answer, {})
            assert score.points[0].status in ("covered", "missing")


@FUZZ
@given(point=NUMBERISH, chinese=st.booleans())
def test_a_key_point_written_verbatim_is_always_credited(point, chinese):
    from pytest_llmeval.evaluation.numbers import NumberForms
    from pytest_llmeval.evaluation.scenarios import Case, KeyPoint
    from pytest_llmeval.evaluation.scoring import score_answer

    assume(point.strip())
    case = Case("c", "c", "q", (KeyPoint(point.strip()),), "s", "s.yaml", numbers=NumberForms(chinese=chinese))
    assert score_answer(case, f"答：{point.strip()}。", {}).covered == [point.strip()]
