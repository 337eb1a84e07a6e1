"""Round 5: an adjusted p at a drawn test's floor is printed as "at most" (`<`), like the raw p beside it."""

from __future__ import annotations

import pytest

from pytest_llmeval.results.adjusted_floor import adjusted_at_floor
from pytest_llmeval.results.sections.models import _p_text


@pytest.mark.parametrize(
    ("pair", "expected"),
    [
        (
            {"p_value": 0.00025, "p_holm": 0.00025, "difference": {"p_value": 0.00025, "p_at_floor": True}},
            "<0.00025 (<0.00025)",
        ),
        (
            {"p_value": 0.00025, "p_holm": 0.0005, "difference": {"p_value": 0.00025, "p_at_floor": True}},
            "<0.00025 (0.0005)",
        ),
        ({"p_value": 0.03, "p_holm": 0.06, "difference": {"p_value": 0.03, "p_at_floor": False}}, "0.03 (0.06)"),
        ({"p_value": 0.03, "p_holm": 0.03, "difference": {"p_value": 0.03, "p_at_floor": False}}, "0.03 (0.03)"),
    ],
)
def test_adjusted_p_at_floor_printed_as_at_most(pair: dict, expected: str) -> None:
    assert _p_text(pair) == expected


@pytest.mark.parametrize(
    ("p", "adjusted", "floor", "expected"),
    [
        (0.00025, 0.00025, True, True),
        (0.00025, 0.001, True, False),
        (0.00025, 0.00025, False, False),
        (None, 0.00025, True, False),
        (0.00025, None, True, False),
        (True, 0.1, True, False),
    ],
)
def test_adjusted_at_floor_rule(p: object, adjusted: object, floor: bool, expected: bool) -> None:
    assert adjusted_at_floor(p, adjusted, floor) is expected
