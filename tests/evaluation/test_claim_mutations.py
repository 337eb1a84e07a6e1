"""A fixed, seeded sample of the forbidden-claim sweep (benchmarks/claim_mutations.py, v70): each covered row of the
scorer tests used as a forbidden claim, its meaning-kept rewrites (miss_mutations) charged, its wrong answers
(credit_mutations) and refusals that name it (我无法确认…, 未查到…, "There is no public information on ...") not
charged - so a later change that re-opens a class fails here. Kinds the claim path charges by a decision (`DECIDED`:
a relayed claim, v25/v58; a plan, v67) and the missed charges left in v70 (`LEFT`) are reported apart. The whole
sweep runs as the benchmark script."""

from __future__ import annotations

from types import ModuleType
from typing import Any

import pytest
from benchmark_scripts import load_benchmark

SAMPLED = 600  # probes beyond each kind's first, seeded: about 3 s
SEED = 70


@pytest.fixture(scope="module")
def sweep_module() -> ModuleType:
    return load_benchmark("claim_mutations")


@pytest.fixture(scope="module")
def sampled(sweep_module: ModuleType) -> Any:
    result, _ = sweep_module.sweep(SAMPLED, SEED)
    return result


def test_the_sample_is_a_real_sweep(sampled: Any) -> None:
    """n = every kind's first probe and a seeded sample: both directions, the key-point sweeps' kinds and the
    refusals, so an empty sweep cannot pass the next test."""
    made = sampled.made
    assert sum(made.values()) >= SAMPLED
    must_charge = {"row: figure", "row: text", "kept: copula", "kept: lead-in", "kept: text: question then offer"}
    must_not = {"figure", "unit", "negation", "condition", "question", "tag question", "offer", "rejected"}
    must_not |= {"strict bound", "range", "another holder", "superseded", "other row", "text: negated"}
    must_not |= {"text: another party", "text: question", "text: unchecked", "text: table", "text: under a heading"}
    refusals = {"refusal: cannot confirm", "refusal: not found", "refusal: no public information"}
    refusals.add("refusal: the shipped trap")
    assert must_charge | must_not | refusals <= set(made), sorted(must_charge | must_not | refusals - set(made))
    assert made["refusal: the shipped trap"] == 10


def test_no_claim_is_charged_wrongly_or_missed_outside_the_decided_and_the_left(
    sweep_module: ModuleType, sampled: Any
) -> None:
    errors = sweep_module.errors(sampled)
    assert errors == [], [(p.kind, p.row[0], p.answer) for p in errors[:20]]


def test_the_decided_kinds_are_charged(sweep_module: ModuleType, sampled: Any) -> None:
    """A relayed claim (v25/v58), a plan (v67) and a date offered among others (v15, v78) are charged on purpose: the
    sweep reports them apart."""
    assert set(sweep_module.DECIDED) == {
        "claimed",
        "text: claimed",
        "text: plan",
        "date: among",
        "text: guessed",
        "text: two names",
    }
    charged_claimed = [p for p in sampled.wrong if p.kind == "claimed"]
    assert charged_claimed, "the sample's relayed claims are charged (v25)"
