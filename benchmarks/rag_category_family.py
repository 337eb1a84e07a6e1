"""RAG uplift per category: Holm over every category, or over Tarone's family (the categories whose n can give a
significant p at all)? Family-wise false alarms under no uplift, and power where one category truly gains.

A model's categories hold few cases each. Per case, the score without RAG and with RAG are drawn from the same
0/50/100-heavy shape (no uplift), or, in the first category only, with RAG from a shape shifted up (a real uplift).
Each category gets the exact sign-flip test (`stats.paired_difference`); "Holm, all" adjusts over every category with
a test (n >= 2: what the report did before), "Tarone + Holm" over `results.aggregate.holm_verdicts`'s family now
(categories of 5 or fewer cases can never reach two-sided p <= 0.05 and are left out).

    .venv/bin/python benchmarks/rag_category_family.py [--reps 2000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.results.aggregate import holm_verdicts  # noqa: E402
from pytest_llmeval.stats import holm, paired_difference  # noqa: E402

LEVELS = np.array([0.0, 50.0, 100.0])
NULL = [0.45, 0.1, 0.45]
BETTER = [0.1, 0.1, 0.8]
LAYOUTS = ([8, 4, 3], [14, 5, 3, 2], [6, 6, 4], [8, 8, 5, 5, 3])


def run(rng: np.random.Generator, sizes: list[int], uplift: bool) -> tuple[bool, bool, bool, bool]:
    """(any false alarm Holm-all, any false alarm Tarone, first category found Holm-all, found Tarone)."""
    diffs = {}
    for i, n in enumerate(sizes):
        before = rng.choice(LEVELS, size=n, p=NULL)
        after = rng.choice(LEVELS, size=n, p=BETTER if uplift and i == 0 else NULL)
        diffs[f"c{i}"] = paired_difference(before.tolist(), after.tolist())
    old = dict(zip(diffs, holm([d.p_value for d in diffs.values()])))
    new = holm_verdicts(diffs)
    old_hit = {k for k, p in old.items() if p is not None and p <= 0.05}
    new_hit = {k for k, v in new.items() if v["significant_holm"]}
    null_names = set(diffs) - ({"c0"} if uplift else set())
    return bool(old_hit & null_names), bool(new_hit & null_names), "c0" in old_hit, "c0" in new_hit


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=2000)
    args = parser.parse_args()
    rng = np.random.default_rng(11)
    start = time.perf_counter()
    print(f"{args.reps} simulated models per row; shapes 0/50/100 with {NULL} (no uplift), {BETTER} (uplift)")
    print(
        f"{'cases per category':<20} {'FWER Holm-all':>13} {'FWER Tarone':>11} "
        f"{'power Holm-all':>14} {'power Tarone':>12}"
    )
    for sizes in LAYOUTS:
        null = np.array([run(rng, sizes, False) for _ in range(args.reps)])
        alt = np.array([run(rng, sizes, True) for _ in range(args.reps)])
        print(
            f"{str(sizes):<20} {null[:, 0].mean():>13.3f} {null[:, 1].mean():>11.3f} {alt[:, 2].mean():>14.3f} "
            f"{alt[:, 3].mean():>12.3f}",
            flush=True,
        )
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
