"""OCR-style scorers: OCRBench's containment rule and exact match, after normalisation.

OCRBench (Liu et al., its `eval` script): an answer is correct when any accepted answer, lower-cased and
stripped, is contained in the lower-cased prediction; for the "Handwritten Mathematical Expression
Recognition" type all whitespace is removed from both first. Here whitespace is always removed and text is
NFKC-normalised (full/half width) as well, so "1 280.00" matches "1280.00" - Chinese OCR answers carry no
meaningful spaces.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class OCRScore:
    score: float  # 100 or 0
    passed: bool
    matched: str | None
    scorer: str


def normalise(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).lower()


_EDGE = re.compile(r"^[\W_]+|[\W_]+$")


def ocrbench_contains(answer: str, accepted: Sequence[str]) -> OCRScore:
    prediction = normalise(answer)
    for candidate in accepted:
        if normalise(candidate) and normalise(candidate) in prediction:
            return OCRScore(100.0, True, candidate, "ocrbench")
    return OCRScore(0.0, False, None, "ocrbench")


def exact_match(answer: str, accepted: Sequence[str]) -> OCRScore:
    """The whole answer equals an accepted answer, ignoring case, width, whitespace and edge punctuation."""
    prediction = _EDGE.sub("", normalise(answer))
    for candidate in accepted:
        if prediction == _EDGE.sub("", normalise(candidate)):
            return OCRScore(100.0, True, candidate, "exact")
    return OCRScore(0.0, False, None, "exact")
