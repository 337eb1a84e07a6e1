"""Every pair of a run's models, in every mode, as one closed test over the groupings of the models (no pytest here).

Pairs that share a model are not unrelated tests: with three models, "a equals b" and "a equals c" together say "all
three are equal", and that can be tested with every case's three answers at once - the case's answers permuted among
the three models. Holm across the pairs instead asked each pair for p <= 0.05 / 3, below what 6 cases can give alone
(2/64 = 0.031): one model of three losing every case read "no significant difference" against both others.

Closed testing (Marcus, Peritz and Gabriel 1976) rejects a pair in a mode only if every intersection hypothesis
that contains it is rejected by a valid test of its own. An intersection of "x equals y in mode m" hypotheses is,
per mode, a grouping of the models (a set partition: models joined by an equality are in one group); it is tested
by permuting each case's answers among the models of each group (a group that is the same in both modes with the
same cases: the same permutation in both modes, as a pair's two modes are tested jointly in `stepdown`). Two
statistics over the pairs inside the groups, r^2 each (r = mean / root mean square of the pair's per-case
differences - each pair on its own scale, as the sign-flip test): the largest and the sum, combined by the smaller of
their two p-values, calibrated over the same permutations (min-p). The largest alone is the stronger where one pair
differs (3 models, two modes, 8 cases, `benchmarks/pair_closure.py`: power 0.37 against the sum's 0.16), the sum
where a model stands apart in both modes: with the largest alone, one model of three losing every case of 6 in both
modes needed p 0.0615 (a grouping joining a-b in one mode and a-c in the other permutes the modes apart: each at its
best is 2/64, both at once (2/64)^2). Permutations are enumerated where there are at most `EXACT_MAX` patterns, else
drawn (seeded; the observed one counted, so a drawn p is never below 1 / draws).

The assumption is the sign-flip test's, extended by transitivity: a model's answer to a case depends on the case
and the model, independently of the other models' answers (and of its own answer in the other mode), so models equal
in a mode are exchangeable per case as a group. One grouping has just one pair in one mode - that pair's own
sign-flip test -, so a pair's adjusted p is never below its own. The adjusted p of a pair in a mode is the largest
p of the groupings that join it (`closed_pair_p_values`): the family-wise error stays at alpha whatever the truth.

There are Bell(k)^modes groupings (k=3: 24 tests with two modes, k=4: 224), each with up to `DRAWS` relabellings of
every case; where that is too much work (`within_budget`: more than `MAX_MODELS` models, more than `MAX_CASES`
cases, or more than `MAX_WORK` groupings x cases) the caller stays with Holm across the pairs (`stepdown`): the gain
is at the n a suite has, and Holm across the pairs loses little where n is large.
"""

from __future__ import annotations

import functools
import itertools
import math
from collections.abc import Hashable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

MAX_MODELS = 4  # Bell(4)^2 = 225 groupings of two modes; Bell(5)^2 = 2,704 would take too long
MAX_WORK = 3_500  # groupings x cases: 4 models x 2 modes up to 15 cases, 3 x 2 up to 30 (`MAX_CASES`): a few seconds
MAX_CASES = 30  # the closed test's gain is at the 6-14 cases of a suite; 3 models x 2 modes at 100 cases took 13 s
EXACT_MAX = 1 << 14  # enumerate every permutation pattern up to this many (2 models in both modes: up to n = 14)
DRAWS = 4_000


def set_partitions(items: Sequence[int]) -> Iterator[list[list[int]]]:
    """Every grouping of `items` into non-empty groups (Bell(k) of them), each group in the items' order.
    (Written here: `more_itertools.set_partitions` does this, but the project does not depend on it for ten lines.)"""
    if not items:
        yield []
        return
    first, rest = items[0], items[1:]
    for partition in set_partitions(rest):
        yield [[first], *partition]
        for i in range(len(partition)):
            yield [*partition[:i], [first, *partition[i]], *partition[i + 1 :]]


@dataclass(frozen=True)
class ModeScores:
    """One mode's scores: model names, case ids, and per model its per-case score (or score relative to a
    reference model: only differences enter) - models x cases, every model on every case."""

    models: tuple[str, ...]
    cases: tuple[Hashable, ...]
    values: np.ndarray


@functools.cache
def _orders(size: int) -> np.ndarray:
    """Every permutation of `size` places, one a row, the identity first."""
    return np.array(list(itertools.permutations(range(size))), dtype=np.intp)


def _ratios(values: np.ndarray, pairs: list[tuple[int, int]]) -> np.ndarray:
    """|r| of each pair (columns) under each pattern (rows): values is patterns x models x cases."""
    d = np.stack([values[:, y, :] - values[:, x, :] for x, y in pairs], axis=1)  # patterns x pairs x cases
    n = d.shape[-1]
    total = d.sum(axis=-1)
    norm = np.sqrt(n * (d**2).sum(axis=-1))
    return np.abs(np.divide(total, norm, out=np.zeros_like(total), where=norm > 1e-12))


class _Grouping:
    """One intersection hypothesis: per mode a grouping of its models; the permutation test of it."""

    def __init__(self, modes: Sequence[ModeScores], groupings: Sequence[list[list[int]]]) -> None:
        self.modes = modes
        self.pairs = [
            [(x, y) for group in grouping for x, y in itertools.combinations(group, 2)] for grouping in groupings
        ]
        # the permuted units: a group permuted in one mode, or jointly in every mode where it is the same group
        # (same models, same cases)
        units: list[tuple[list[int], tuple[int, ...]]] = []  # (group, modes it applies to)
        for m, grouping in enumerate(groupings):
            for group in grouping:
                if len(group) < 2:
                    continue
                names = [modes[m].models[i] for i in group]
                shared = tuple(
                    o
                    for o in range(len(modes))
                    if modes[o].cases == modes[m].cases
                    and any([modes[o].models[i] for i in other] == names for other in groupings[o])
                )
                if shared[0] == m:  # the first mode holding it owns the unit
                    units.append((group, shared))
        self.units = units

    def _permuted(self, choices: list[np.ndarray]) -> list[np.ndarray]:
        """Each mode's values under the patterns: choices[u] is patterns x cases x |group| (a permutation per case)
        for unit u. A group of one mode is addressed by its models' names in the other modes that share it."""
        out = []
        for m, mode in enumerate(self.modes):
            patterns = choices[0].shape[0] if choices else 1
            values = np.broadcast_to(mode.values, (patterns, *mode.values.shape)).copy()
            cases = np.arange(len(mode.cases))
            for (group, shared), choice in zip(self.units, choices):
                if m not in shared:
                    continue
                owner = self.modes[shared[0]]
                here = [mode.models.index(owner.models[i]) for i in group]
                source = np.asarray(here)[choice]  # patterns x cases x |group|: whose answer lands where
                for slot, target in enumerate(here):
                    values[:, target, :] = mode.values[source[:, :, slot], cases[None, :]]
            out.append(values)
        return out

    def _statistics(self, permuted: list[np.ndarray]) -> np.ndarray:
        """Per pattern (rows): the largest r^2 of the pairs inside the groups, and the sum of them."""
        parts = np.concatenate([_ratios(v, pairs) for v, pairs in zip(permuted, self.pairs) if pairs], axis=1) ** 2
        return np.stack([parts.max(axis=1), parts.sum(axis=1)], axis=1)

    def _patterns(self, seed: int, draws: int) -> np.ndarray:
        """The statistics (patterns x 2) under every permutation pattern, or under `draws` drawn ones where there are
        more than `EXACT_MAX`; the identity - the data as observed - is the first row either way."""
        orders = [_orders(len(group)) for group, _ in self.units]
        cases = [len(self.modes[shared[0]].cases) for _, shared in self.units]
        total = math.prod(len(order) ** n for order, n in zip(orders, cases))
        if total <= EXACT_MAX:
            index = np.arange(total)
            choices = []
            for order, n in zip(orders, cases):  # mixed-radix digits (index 0: every digit 0, the identity)
                digits = np.stack([(index // len(order) ** c) % len(order) for c in range(n)], axis=1)
                index = index // len(order) ** n
                choices.append(order[digits])
            return self._statistics(self._permuted(choices))
        rng = np.random.default_rng(seed)
        parts = [self._statistics([mode.values[None] for mode in self.modes])]
        for start in range(0, draws, 1000):
            size = min(1000, draws - start)
            # a uniform permutation per case: one of the |group|! by index (argsort of uniforms took half the time)
            choices = [order[rng.integers(0, len(order), size=(size, n))] for order, n in zip(orders, cases)]
            parts.append(self._statistics(self._permuted(choices)))
        return np.concatenate(parts)

    def p_value(self, seed: int, draws: int) -> float:
        """The grouping's p: the smaller of the max-type and the sum-type p, calibrated over the same patterns
        (a min-p combination: valid as each, never worse than twice the better one's)."""
        stats = self._patterns(seed, draws)
        observed = stats[0]
        count = len(stats)
        smallest = np.ones(count)
        observed_p = 1.0
        for column in range(2):
            ordered = np.sort(stats[:, column])
            # per pattern: the share of patterns whose statistic reaches its own (its p under the permutations)
            reach = (count - np.searchsorted(ordered, stats[:, column] - 1e-9, side="left")) / count
            smallest = np.minimum(smallest, reach)
            own = (count - np.searchsorted(ordered, observed[column] - 1e-9, side="left")) / count
            observed_p = min(observed_p, own)
        return float(np.count_nonzero(smallest <= observed_p + 1e-12)) / count


def within_budget(models: Sequence[int], cases: Sequence[int]) -> bool:
    """Whether the closed test over modes of `models[i]` models on `cases[i]` cases is cheap enough (module docstring):
    at most `MAX_MODELS` models and `MAX_CASES` cases in a mode and `MAX_WORK` groupings x cases."""
    if not models or max(models) > MAX_MODELS or max(cases) > MAX_CASES:
        return False
    groupings = math.prod(_bell(k) for k in models) - 1
    return groupings * max(cases) <= MAX_WORK


def _bell(k: int) -> int:
    return sum(1 for _ in set_partitions(list(range(k))))


def closed_pair_p_values(
    modes: Mapping[str, ModeScores], seed: int = 0, draws: int = DRAWS
) -> dict[tuple[str, str, str], float]:
    """Adjusted p per (model a, model b, mode) - a before b in the mode's model order - from the closed test over
    every grouping of the models in every mode (see the module's docstring). Each mode's models must have run the
    same cases (the caller checks; a missing answer has no permutation)."""
    names = list(modes)
    scores = [modes[name] for name in names]
    if any(len(s.models) > MAX_MODELS for s in scores):
        raise ValueError(f"more than {MAX_MODELS} models: Bell(k) groupings per mode are too many to test each")
    choices = [list(set_partitions(list(range(len(s.models))))) for s in scores]
    adjusted: dict[tuple[str, str, str], float] = {}
    for s, name in zip(scores, names):
        for x, y in itertools.combinations(range(len(s.models)), 2):
            adjusted[(s.models[x], s.models[y], name)] = 0.0
    for index, groupings in enumerate(itertools.product(*choices)):
        if all(len(group) == 1 for grouping in groupings for group in grouping):
            continue  # no equality at all: nothing to test
        p = _Grouping(scores, groupings).p_value(seed + index, draws)
        for s, name, grouping in zip(scores, names, groupings):
            for group in grouping:
                for x, y in itertools.combinations(group, 2):
                    key = (s.models[x], s.models[y], name)
                    adjusted[key] = max(adjusted[key], p)
    return adjusted
