"""The samples another --llm-repeat leaves out of the gate, checked like for like.

Runs with another --llm-repeat are compared over k samples of each case, k the fewer of the two (`runs.same_repeats`):
a mean of 3 samples against one has skewed per-case changes, which raised a tight rule's false alarms. The other
samples were shown (their mean score), never tested, so a new run of --llm-repeat 3 whose samples 2 and 3 failed every
case (a server that broke after its first pass, sample 1 answered from the answer cache) against a baseline of one
sample read "no significant change" and exited 0. Each further block of k samples of the run that asked more is here
compared with the other run's k - one like-for-like comparison per block, with the gate's own rules and family
correction, Bonferroni over the blocks. A block worse past a rule exits EXIT_UNCHECKED (8), not EXIT_REGRESSION (6):
the gate's family (and its measured false-alarm rates) stays the first k samples', and the blocks are an extra check
at its own 5%, which can only turn a pass into "NOT CHECKED", never a failure into a pass.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..stats.decision import ALPHA
from .gate import FailRule
from .problems import blind_collapses
from .rules import compare_group, decide, evaluate_rule
from .runs import Key, repeat, samples_in_order
from .scorers import errored

Index = dict[Key, list[dict[str, Any]]]


def left_out_blocks(
    base_full: Mapping[Key, Sequence[dict[str, Any]]],
    new_full: Mapping[Key, Sequence[dict[str, Any]]],
    base: Index,
    new: Index,
    base_doc: dict[str, Any],
    new_doc: dict[str, Any],
) -> list[tuple[str, Index, Index]]:
    """Each further block of k samples of the run that asked more (`*_full`: its records before `same_repeats` kept
    k), beside the other run's k as compared (`base`, `new`): (which samples, baseline index, new index). A block
    past the last sample ends at it (5 against 3: samples 3-5). Ordered as `same_repeats` orders them: the baseline's
    answered samples first (an errored baseline sample is no measurement: left out), the new run's by number."""
    rep_b, rep_n = repeat(base_doc), repeat(new_doc)
    if rep_b == rep_n:
        return []
    k, more = min(rep_b, rep_n), max(rep_b, rep_n)
    base_more = rep_b > rep_n
    full = base_full if base_more else new_full
    blocks: list[tuple[str, Index, Index]] = []
    for start in range(k, more, k):
        first = min(start, more - k)
        block: Index = {}
        for key, samples in full.items():
            ordered = samples_in_order(samples, answered_first=base_more)
            if ordered is None:  # numbered otherwise: `same_repeats` kept it whole
                continue
            chosen = ordered[first : first + k]
            if base_more:
                chosen = [s for s in chosen if not errored(s)]
            if chosen:
                block[key] = sorted(chosen, key=lambda s: s.get("sample") or 0)
        numbers = f"sample {first + 1}" if k == 1 else f"samples {first + 1}-{first + k}"
        which = f"{'the baseline' if base_more else 'the new run'}'s {numbers} of {more}"
        blocks.append((which, block, new) if base_more else (which, base, block))
    return blocks


def left_out_regressions(
    blocks: Sequence[tuple[str, Index, Index]],
    groups: Sequence[Mapping[str, Any]],
    rules: Sequence[FailRule],
    seed: int,
) -> list[dict[str, Any]]:
    """The quality rules a left-out block fails, compared like for like on the cases each group compared (`_ids`):
    the gate's rules and family over the block, each block at 5% / the number of blocks, and - as the gate's own
    `blind_collapses` - a rule no outcome could fail at this n whose every case got worse past it. Each found rule
    carries `samples` (which block), its estimate, n and p."""
    quality = [rule for rule in rules if rule.is_quality]
    if not quality or not blocks:
        return []
    level = ALPHA / len(blocks)
    found: list[dict[str, Any]] = []
    for which, base, new in blocks:
        results = []
        for group in groups:
            model, mode = group["model"], group["mode"]
            ids = [i for i in group.get("_ids") or [] if (model, mode, i) in base and (model, mode, i) in new]
            if not ids:
                continue
            block = compare_group(base, new, ids, model, mode, seed, group.get("base_model"))
            results += [evaluate_rule(rule, block, seed) for rule in quality]
        decide(results)
        blind = [id(result) for result in blind_collapses(results)]  # as bad as the n allows, as for the gate's own
        found += [
            {**result, "samples": which, "kind": "left_out_samples"}
            for result in results
            if (result.get("p_holm") is not None and result["p_holm"] <= level) or id(result) in blind
        ]
    return found


def left_out_text(found: Sequence[Mapping[str, Any]]) -> str:
    """The summary's part for `left_out_regressions`: which rules, on which samples, by how much, and the fix."""
    names = "; ".join(
        f"{r['model']} {r['mode']} {r['rule']} on {r['samples']} (worse by {float(r['worsening']):.3g}, n={r['n']}, "
        f"p={float(r['p_holm'] if r.get('p_holm') is not None else r['p_value']):.3g})"
        for r in found
    )
    return (
        f"{len(found)} quality rule(s) NOT CHECKED on the samples another --llm-repeat leaves out of the gate - "
        "compared like for like with the other run's, they are worse past the threshold (exit 8 where nothing "
        f"failed or broke): {names}. Fix: look at those samples' answers, and accept a baseline with the same "
        "--llm-repeat to gate every sample"
    )
