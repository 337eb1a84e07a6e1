"""Words are matched whole (scorer version 3): a key point that starts or ends with a letter is never credited
inside a longer word - the word-level twin of "120个月 is not 20个月" - and always credited as a word of its own,
in Chinese or English text. Examples, then properties over random words and every shipped key point (hypothesis)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pytest_llmeval.evaluation.keywords.normalisation import normalise
from pytest_llmeval.evaluation.numbers.edges import _letter
from pytest_llmeval.evaluation.scenarios import Case, KeyPoint, load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer

ROOT = Path(__file__).resolve().parents[2]


def covered(point: str, answer: str, synonyms: tuple[str, ...] = ()) -> bool:
    case = Case(
        id="w", category="c", question="问题", suite="t", source="t.yaml", key_points=(KeyPoint(point, synonyms),)
    )
    return score_answer(case, answer).covered == [point]


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("SQL", "我们用的是MySQL。"),
        ("SQL", "a NoSQL store"),
        ("IP", "a SHIP left"),
        ("cat", "this category"),
        ("A类", "属于AA类"),
        ("RAG", "fragment"),
        ("ROI", "ROIC是另一个指标"),
        ("GPU", "eGPU enclosure"),
        ("Python", "CPython"),
        ("API", "APIary"),  # a plural form followed by more letters is a longer word too
        ("Δ", "ΔΔ"),  # Greek
        ("ГОСТ", "ГОСТы"),  # Cyrillic: no English plural
    ],
)
def test_a_key_point_inside_a_longer_word_is_not_credited(point, answer):
    assert not covered(point, answer)


@pytest.mark.parametrize(
    ("point", "answer"),
    [
        ("SQL", "用SQL查询"),
        ("IP", "the IP address"),
        ("RAG", "use RAG."),
        ("ROI", "三年ROI为50%"),
        ("GPU", "two GPUs"),
        ("API", "these APIs"),
        ("class", "two classes"),
        ("Qwen", "Qwen3-8B"),
        ("Q3", "2024Q3营收"),
        ("VPN", "用VPN连接"),
        ("A类", "属于A类"),
        ("payback period", "the payback period is 20 months"),
        ("ROI", "ｒｏｉ为50%"),  # full width and case as before
    ],
)
def test_a_key_point_as_a_word_of_its_own_is_credited(point, answer):
    assert covered(point, answer)


def test_a_synonym_carries_another_word_form():
    assert not covered("index", "two indices") and covered("index", "two indices", ("indices",))


def test_forbidden_claims_follow_the_same_rule():
    from pytest_llmeval.evaluation.scenarios import ForbiddenClaim, Trap

    case = Case(
        id="t",
        category="c",
        question="问题",
        suite="t",
        source="t.yaml",
        key_points=(KeyPoint("答案"),),
        trap=Trap(expect=None, forbidden=(ForbiddenClaim("IP"),), penalty=50.0),
    )
    assert score_answer(case, "答案: a SHIP").forbidden_found == []
    assert score_answer(case, "答案: the IP").forbidden_found == ["IP"]


WORD = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=2, max_size=8)
LETTERS = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz"), min_size=1, max_size=4)
AROUND = st.sampled_from(["", " ", "。", "，", "的", "用", "(", ") ", "\n", "1", "2024"])
NO_DIGITS = st.sampled_from(["", " ", "。", "，", "的", "用", "(", ") ", "\n"])


@given(word=WORD, prefix=LETTERS, suffix=LETTERS, before=AROUND, after=AROUND)
def test_a_word_is_never_credited_inside_a_longer_word(word, prefix, suffix, before, after):
    # the word's only occurrence is the embedded one (prefix "s" + "ss" holds "ss" + plural "s" at its start)
    if (prefix + word).find(word) == len(prefix):
        assert not covered(word, f"{before}{prefix}{word}{after}")
    if suffix not in ("s", "es") and (word + suffix).find(word, 1) == -1:  # an English plural is the word
        assert not covered(word, f"{before}{word}{suffix}{after}")


@given(word=WORD, before=AROUND, after=AROUND, plural=st.sampled_from(["", "s", "es"]))
def test_a_word_standing_alone_is_always_credited(word, before, after, plural):
    assert covered(word, f"答：{before}{word}{plural}{after}")


def _shipped_letter_edged_forms() -> list[str]:
    forms = []
    for case in load_scenarios([ROOT / "scenarios"]):
        for kp in case.key_points:
            for form in (kp.point, *kp.synonyms):
                text = normalise(form)
                if text and (_letter(text[0]) or _letter(text[-1])) and not kp.regex:
                    forms.append(form)
    return sorted(set(forms))


SHIPPED = _shipped_letter_edged_forms()


def test_the_shipped_suite_has_letter_edged_key_points():
    assert len(SHIPPED) >= 5, SHIPPED


@pytest.mark.parametrize("form", SHIPPED)
@given(prefix=LETTERS, before=NO_DIGITS, after=NO_DIGITS)  # digits: the number rule (v3.2 is not in v3.21)
def test_every_shipped_word_is_credited_alone_and_not_inside_a_word(form, prefix, before, after):
    text = normalise(form)
    assert covered(form, f"答：{before}{form}{after}")
    if _letter(text[0]):
        assert not covered(form, f"答：{before}{prefix}{form}{after}")
