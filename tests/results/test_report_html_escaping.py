"""report.html writes every value of a results document as text: a hand-edited or foreign results.json whose
numeric fields hold markup (a score of "<script>...") must not inject it into the page - the cases table and the
case details (metrics, retrieval) escape what they format, as they escape names and answers."""

from __future__ import annotations

import pytest

from pytest_llmeval.results.html import cases_html

pytestmark = pytest.mark.charts  # the report's charts are drawn here (tests/conftest.py)

MARKUP = {
    "score": "<script>alert(1)</script>",
    "ttft_s": "<b>ttft</b>",
    "decode_tok_s": "<img src=x onerror=alert(2)>",
    "prompt_tokens": "<marquee>p</marquee>",
    "output_tokens": "<u>o</u>",
    "judge": {"score": "<iframe src=j>"},
    "retrieval": {"hit_at_k": "<svg onload=alert(3)>", "chunks": [{"doc_id": "d", "score": "<embed src=e>"}]},
}


@pytest.mark.parametrize("field", sorted(MARKUP))
def test_markup_in_a_numeric_field_is_escaped(field: str) -> None:
    case = {"model": "m", "mode": "norag", "scenario_id": "s", "category": "c", "passed": False, field: MARKUP[field]}
    html = cases_html({"cases": [case]})
    raw = str(MARKUP[field]) if not isinstance(MARKUP[field], dict) else str(next(iter(MARKUP[field].values())))
    tags = [t for t in ("<script", "<img", "<marquee", "<iframe", "<svg", "<embed", "<b>ttft", "<u>o") if t in raw]
    assert tags and not any(tag in html for tag in tags), html
    assert "&lt;" in html or field == "ttft_s"  # written as text (a TTFT that is no number is left out)
