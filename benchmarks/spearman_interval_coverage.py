"""Coverage of Spearman's rho interval (`stats.agreement.spearman_interval`) at the n a suite has.

Pairs of scores are drawn from a bivariate normal with correlation r, used as they are ("continuous") or cut into
keyword-like scores in five tied steps (0, 25, 50, 75, 100 at the normal's quintiles). The true rho is the Spearman
of 200,000 such pairs. Each cell prints how often the 95% interval holds it over --reps suites of n cases (suites whose
scores do not vary, where rho is undefined, are left out and counted).

    .venv/bin/python benchmarks/spearman_interval_coverage.py --reps 1000
"""

from __future__ import annotations

import argparse

import numpy as np
from scipy.stats import norm, spearmanr

from pytest_llmeval.stats.agreement import spearman_interval

SIZES = (4, 6, 8, 10, 14, 20, 30)
CORRELATIONS = (0.0, 0.3, 0.6, 0.9)


def scores(draws: np.ndarray, kind: str) -> np.ndarray:
    return draws if kind == "continuous" else np.floor(norm.cdf(draws) * 5).clip(0, 4) * 25


def pairs(rng: np.random.Generator, r: float, n: int, kind: str) -> tuple[np.ndarray, np.ndarray]:
    draws = rng.multivariate_normal([0, 0], [[1, r], [r, 1]], n)
    return scores(draws[:, 0], kind), scores(draws[:, 1], kind)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    print(f"95% interval coverage of Spearman's rho ({args.reps} suites a cell; n = cases)")
    for kind in ("continuous", "keyword"):
        for r in CORRELATIONS:
            truth = float(spearmanr(*pairs(rng, r, 200_000, kind)).statistic)
            cells = []
            for n in SIZES:
                held = used = 0
                for _ in range(args.reps):
                    x, y = pairs(rng, r, n, kind)
                    if len(set(x)) < 2 or len(set(y)) < 2:
                        continue
                    low, high = spearman_interval(float(spearmanr(x, y).statistic), n)
                    used += 1
                    held += low is not None and high is not None and low <= truth <= high
                cells.append(f"n={n}: {held / used:.3f} ({args.reps - used} undefined)")
            print(f"{kind:10} r={r:.1f} true rho={truth:+.3f}  " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
