"""The built-in scorers, chosen per case (`scorer:` in the YAML): key-point coverage with the echo guard
(default), OCRBench-style containment, and exact match after normalisation. Each returns a `Score` that
names its scorer, so results.json says which one graded every case."""

from __future__ import annotations

from collections.abc import Mapping

from .case_model import Case
from .keywords.normalisation import strip_thinking
from .scoring import Score, make_score, score_answer


def score_case(case: Case, answer: str, sources: Mapping[str, str]) -> Score:
    """Grade an answer with the case's own scorer."""
    if case.scorer == "keyword":
        return score_answer(case, answer, sources)
    from ..vision.scorers import exact_match, ocrbench_contains

    text = strip_thinking(answer)
    if case.scorer == "ocrbench":  # the category carries OCRBench's handwritten-math rule
        result = ocrbench_contains(text, list(case.accepted_answers), category=case.category)
    else:
        result = exact_match(text, list(case.accepted_answers))
    matched = getattr(result, "matched", None)
    return make_score(
        case,
        float(result.score),
        bool(result.passed),
        scorer=case.scorer,
        answer=answer,
        details={"matched": matched, "accepted_answers": list(case.accepted_answers)},
    )
