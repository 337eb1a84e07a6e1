"""Step-down adjusted p-values for families whose sign-flip tests share cases (no pytest here).

A suite's verdicts are not independent tests: the gate's score rules of every model, a run's pairs of models in
both modes, every model's RAG uplift - all are measured on the same 6-14 cases. Holm over them treats each as
unrelated and asks each for p <= alpha / m, below what the sign-flip test can reach at this n at all (its smallest
two-sided p at n = 6 is 2/64 = 0.031): a model that lost every case, in both modes, read "no significant difference"
beside another model (Holm 0.0625), and RAG raising every case of 3 models read "not significant" for each.

`stepdown` groups the family into units. The sign-flip hypotheses of one unit are tested jointly (Westfall and Young
1993, step-down max-T): flipping a case flips it in every hypothesis of the unit at once - the case is the unit of
the experiment - and a hypothesis' p is the share of joint sign patterns under which the largest statistic of the
unit's hypotheses not yet rejected reaches its observed one. Every other hypothesis (McNemar's, or one with no
per-case changes) is a unit of its own, and Bonferroni-Holm adjusts across the units. This is closed testing with a
valid local test of every intersection (Bonferroni over its units, max-T inside each; max-T's p only falls as
hypotheses leave the unit), so the family-wise error stays at alpha - provided the joint flip is the intersection's
null: the two sides of every hypothesis in a unit are exchangeable per case together (the gate: baseline and new run;
a pair of models: the two models, in every mode; the RAG uplift: no RAG and RAG, in every model). A pair A-B and a
pair A-C are not one unit: flipping both at once is no relabelling of the three models.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import Any

import numpy as np


def _flip_ratios(rows: np.ndarray, counts: np.ndarray, seed: int, draws: int) -> tuple[np.ndarray, bool]:
    """For each hypothesis (a row of per-case x - the gate: worsening - margin; elsewhere the paired difference - 0
    where it has no such case), r(g) = sum(g x) / sqrt(n_h sum x^2) under every joint sign pattern g of the shared
    cases (all 2^n up to `EXACT_MAX_N` cases, the identity first; else the identity and `draws` seeded ones). r is
    mean / root mean square: in [-1, 1] whatever the rule's unit or noise, and, the root mean square being the same
    under every flip, ordered as the rule's own sign-flip statistic - so one rule alone gets its own p. Returns (R:
    patterns x hypotheses, exact)."""
    from .permutation import EXACT_MAX_N

    norms = np.sqrt(counts * (rows**2).sum(axis=1))
    scaled = np.divide(rows, norms[:, None], out=np.zeros_like(rows), where=norms[:, None] > 0)
    n = rows.shape[1]
    if n <= EXACT_MAX_N:
        sums = np.zeros((1, len(rows)))
        for column in scaled.T:  # doubling, the identity (every sign +) staying first
            sums = np.concatenate((sums + column, sums - column))
        return sums, True
    rng = np.random.default_rng(seed)
    parts = [scaled.sum(axis=1)[None, :]]
    block = max(1, 2_000_000 // n)  # bounded memory at any suite size
    for start in range(0, draws, block):
        signs = np.where(rng.random((min(block, draws - start), n)) < 0.5, -1.0, 1.0)
        parts.append(signs @ scaled.T)
    return np.concatenate(parts), False


class _Unit:
    """The sign-flip hypotheses of one unit: their joint ratios (patterns x members) and observed ones."""

    def __init__(
        self,
        members: list[int],
        flips: Sequence[Mapping[Any, float] | None],
        two_sided: bool,
        seed: int,
        draws: int,
    ) -> None:
        self.members = members
        cases = sorted({case for i in members for case in flips[i] or {}}, key=str)
        rows = np.array([[float((flips[i] or {}).get(case, 0.0)) for case in cases] for i in members])
        counts = np.array([max(1, len(flips[i] or {})) for i in members], dtype=float)
        ratios, _ = _flip_ratios(rows, counts, seed, draws)
        self.ratios = np.abs(ratios) if two_sided else ratios
        self.observed = self.ratios[0]

    def p_values(self, active: list[int]) -> list[float]:
        """Each active member's max-T p over the members still active."""
        columns = [self.members.index(i) for i in active]
        top = self.ratios[:, columns].max(axis=1)
        return [float(np.count_nonzero(top >= self.observed[c] - 1e-9)) / len(top) for c in columns]


def stepdown(
    p_values: Sequence[float],
    flips: Sequence[Mapping[Any, float] | None],
    units: Sequence[Hashable | None] | None = None,
    two_sided: bool = False,
    seed: int = 0,
    draws: int = 50_000,
) -> list[float]:
    """Adjusted p-values of a family (see the module's docstring). `p_values[i]`: hypothesis i's own p (one-sided or
    two-sided as `two_sided`); `flips[i]`: per case id its per-case change (the gate: worsening - margin), or None for
    a test of its own (McNemar's); `units[i]`: the unit of a hypothesis with flips (None, or no `units`: all of them
    are one unit). `two_sided`: the statistic is |r|, as the own p is the two-sided sign-flip p.

    At each step m = the units with a hypothesis not yet rejected; within a unit of two or more active hypotheses a
    hypothesis' p is max(its max-T p, its own p) - never below what it reaches alone, so that Monte Carlo noise
    cannot make it smaller -, and one active alone keeps its own p; the hypothesis with the smallest m x p is rejected
    next, its adjusted p the running maximum."""
    count = len(p_values)
    if len(flips) != count or (units is not None and len(units) != count):
        raise ValueError(f"flips has {len(flips)} entries and units {len(units or flips)} for {count} p-values")
    unit_of: dict[int, tuple[str, Hashable]] = {}
    for i, f in enumerate(flips):
        unit_of[i] = ("own", i) if f is None else ("unit", None if units is None else units[i])
    groups: dict[tuple[str, Hashable], list[int]] = {}
    for i, unit in unit_of.items():
        groups.setdefault(unit, []).append(i)
    joint = {
        name: _Unit(members, flips, two_sided, seed, draws)
        for name, members in groups.items()
        if name[0] == "unit" and len(members) > 1
    }
    adjusted: list[float] = [1.0] * count
    active = set(range(count))
    running = 0.0
    while active:
        units_left = {unit_of[i] for i in active}
        m = len(units_left)
        candidates: list[tuple[float, int]] = []
        for name in units_left:
            mine = [i for i in groups[name] if i in active]
            if name in joint and len(mine) > 1:
                for i, p in zip(mine, joint[name].p_values(mine)):
                    candidates.append((m * max(p, float(p_values[i])), i))
            else:
                candidates += [(m * float(p_values[i]), i) for i in mine]
        q, chosen = min(candidates)
        running = max(running, min(1.0, q))
        adjusted[chosen] = running
        active.discard(chosen)
    return adjusted


def joint_stepdown(
    p_values: Sequence[float],
    flips: Sequence[Mapping[str, float] | None],
    seed: int = 0,
    draws: int = 50_000,
) -> list[float]:
    """The gate's family: every sign-flip rule in one unit, tested jointly on the cases they share (one-sided: x =
    worsening - margin), each McNemar rule a unit of its own, Holm across the units (`stepdown`).

    Why: the rules share the suite's cases, so at n cases no combination of them has more than 2^n sign patterns.
    Holm treated 4 score rules at n=6 as 4 unrelated tests that each need p <= 0.05/4, below the sign-flip test's
    smallest p (1/64): a model losing every case beside 3 others passed. Jointly, the collapse is the largest r
    under one pattern of the 64 (the healthy rules reach r = 1 only where every one of their cases changed by the
    same amount, all at the flip of every sign): p = 1/64 or 2/64."""
    return stepdown(p_values, flips, seed=seed, draws=draws)
