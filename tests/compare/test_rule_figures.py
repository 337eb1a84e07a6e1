"""A quality rule's worsening and bound in the gate's rule table: no signed zero. A case whose score did not change
gave a worsening of -0.0, printed "-0.00 (bound -inf)" beside "score down by more than 5 points" (seen in a real
run against the embedded model, 26th session); a worsening of -0.001 printed "-0.00" too."""

from __future__ import annotations

import pytest

from pytest_llmeval.compare.rules import beside_margin


@pytest.mark.parametrize(
    ("value", "margin", "text"),
    [
        (-0.0, 5.0, "+0.00"),
        (-1e-12, 5.0, "+0.00"),
        (0.0, 10.0, "+0.00"),
        (-0.001, 5.0, "-0.001"),
        (0.003, 5.0, "+0.003"),
        (-0.004, 0.0, "-0.004"),
        (12.5, 5.0, "+12.50"),
        (5.004, 5.0, "+5.004"),  # the decimals that tell it from the margin, as before
        (4.996, 5.0, "+4.996"),
        (-3.25, 5.0, "-3.25"),
    ],
)
def test_a_rules_figure_has_no_signed_zero(value: float, margin: float, text: str) -> None:
    assert beside_margin(value, margin) == text


def test_a_figure_never_reads_as_zero_of_the_other_sign() -> None:
    for value in (-0.0049, -0.0001, 0.0001, 0.0049, -0.0, 0.0):
        text = beside_margin(value, 5.0)
        assert text[0] in "+-" and (float(text) == 0) == (value == 0), (value, text)
        assert not text.startswith("-") or value < 0, (value, text)
