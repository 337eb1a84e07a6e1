"""Review R: the RAG category note names the Holm family the document's p values were corrected over."""

from pytest_llmeval.results.sections import rag_category_section


def _category(p_holm, family):
    return {
        "norag": 50.0,
        "rag": 60.0,
        "uplift": 10.0,
        "n": 6,
        "p_holm": p_holm,
        "family": family,
        "significant_holm": False,
        "outside_family": False,
        "uplift_interval": {
            "estimate": 10.0,
            "low": -5.0,
            "high": 20.0,
            "n": 6,
            "p_value": 0.2,
            "significant": False,
            "method": "exact sign-flip",
            "confidence": 0.95,
        },
    }


def _doc(family):
    rag = [{"model": m, "categories": {"a": _category(0.4, family), "b": _category(0.8, family)}} for m in ("m1", "m2")]
    return {"aggregates": {"rag": rag}}


def _note(doc):
    return " ".join(rag_category_section(doc).paragraphs)


def test_a_run_wide_family_is_named_as_one():
    assert "every other model's (one family per run)" in _note(_doc(family=4))


def test_per_model_families_of_an_older_results_file_are_not_named_run_wide():
    note = _note(_doc(family=2))  # 2 models x 2 categories, each model its own family of 2: written before
    assert "one family per run" not in note.replace("written before one family per run", "")
    assert "the model's own categories" in note
