"""A user's regex is refused at load on CPU time, not wall time (`evaluation/pattern_cost.py`): a CI with three xdist
workers and vLLM servers on 2 cores refused the shipped scenarios' harmless patterns when the loading thread waited
a quarter of a second for a core (a ScenarioError at collection, load average 10-15)."""

from __future__ import annotations

import time

from pytest_llmeval.evaluation import pattern_cost
from pytest_llmeval.evaluation.pattern_cost import PROBE_TIME_S, _search_cpu_s, backtracks_badly


class Starved:
    """A search that the host never lets run: its whole wall limit passes asleep."""

    def __init__(self) -> None:
        self.limits: list[float] = []

    def search(self, text: str, timeout: float) -> None:
        self.limits.append(timeout)
        time.sleep(timeout)
        raise TimeoutError


class Burning:
    """A catastrophic search: it spends its whole wall limit on the CPU."""

    def search(self, text: str, timeout: float) -> None:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            pass
        raise TimeoutError


def test_a_starved_search_is_tried_with_longer_limits_then_counts_as_fast(monkeypatch):
    monkeypatch.setattr(pattern_cost, "PROBE_WALL_S", 2 * PROBE_TIME_S)
    starved = Starved()
    assert _search_cpu_s(starved, "a" * 100) < PROBE_TIME_S
    assert starved.limits == [2 * PROBE_TIME_S]  # twice PROBE_TIME_S, doubled up to PROBE_WALL_S


def test_a_search_that_burns_the_cpu_counts_as_catastrophic():
    assert _search_cpu_s(Burning(), "a" * 100) > PROBE_TIME_S


def test_a_harmless_nested_pattern_is_kept_and_a_catastrophic_one_refused():
    assert not backtracks_badly(r"(\d+,)*\d+")
    assert not backtracks_badly(r"(\d{1,3},)*\d{3}")
    assert backtracks_badly(r"(a+)+$")
    assert backtracks_badly(r"(\w+\s?)+$")
