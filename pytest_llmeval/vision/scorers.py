"""OCR-style scorers: OCRBench's containment rule and exact match, after normalisation. Pure functions.

OCRBench's own rule (the `OCRBench_eval` of VLMEvalKit / MultimodalOCR's scripts): an answer is correct when
ANY accepted answer is a substring of the prediction, after

- every type but one: both lower-cased, stripped, newlines turned into spaces (inner spaces are kept);
- type "Handwritten Mathematical Expression Recognition" (HME100k, LaTeX answers): both stripped and ALL
  spaces/newlines removed, case kept (``\\frac{a}{b}`` vs ``\\frac {a} {b}`` match; ``X`` vs ``x`` do not).

Here, for the ordinary types, whitespace is removed entirely and text is NFKC-normalised (full/half width,
e.g. "１２８０" == "1280") as well as lower-cased, so "1 280.00" matches "1280.00" and "abc 1234" matches
"ABC1234": Chinese OCR answers carry no meaningful spaces. This is slightly more lenient than OCRBench's
rule, never stricter. The HME type follows OCRBench exactly (pass `category=` the row's type or its slug).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

HME_TYPE = "Handwritten Mathematical Expression Recognition"
_HME_KEYS = {HME_TYPE.lower(), "handwritten_mathematical_expression_recognition", "hme100k", "hme"}


@dataclass(frozen=True)
class OCRScore:
    score: float  # 100 or 0
    passed: bool
    matched: str | None  # the accepted answer that matched
    scorer: str


def normalise(text: str) -> str:
    """NFKC (full/half width), lower case, no whitespace at all."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


def is_hme(category: str | None) -> bool:
    """True for OCRBench's handwritten-math type, given as the type string, its slug or the dataset name."""
    return category is not None and category.strip().lower() in _HME_KEYS


def _hme_normalise(text: str) -> str:
    # OCRBench: strip, newlines -> spaces, remove spaces; case kept, no width folding.
    return text.strip().replace("\n", " ").replace(" ", "")


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def ocrbench_contains(answer: str, accepted: Sequence[str], *, category: str | None = None) -> OCRScore:
    """100 if any accepted answer is contained in `answer` (OCRBench's rule; see the module docstring)."""
    norm = _hme_normalise if is_hme(category) else normalise
    prediction = norm(answer)
    for candidate in accepted:
        wanted = norm(candidate)
        if wanted and wanted in prediction:
            return OCRScore(100.0, True, candidate, "ocrbench")
    return OCRScore(0.0, False, None, "ocrbench")


def exact_match(answer: str, accepted: Sequence[str]) -> OCRScore:
    """The whole answer equals an accepted answer, ignoring case, full/half width (NFKC), whitespace and
    punctuation at either end ("INV-204817." == "inv-204817")."""
    prediction = _EDGE.sub("", normalise(answer))
    for candidate in accepted:
        wanted = _EDGE.sub("", normalise(candidate))
        if wanted and prediction == wanted:
            return OCRScore(100.0, True, candidate, "exact")
    return OCRScore(0.0, False, None, "exact")
