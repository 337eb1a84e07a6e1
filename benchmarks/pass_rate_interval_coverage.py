"""How often does the 95% interval of a change of pass rate cover the true change, at n = 6, 8, 14, 30?

Exact, not simulated: for a true 2x2 distribution of paired verdicts (passed in both runs, in the baseline only,
in the new run only, in neither) every table of n cases is enumerated with its multinomial probability, and the
coverage is the probability of the tables whose interval holds the true change (new only - baseline only).
Two intervals:

- conditional: the exact interval of the share of discordant cases that went pass -> fail, scaled by the
  observed discordant share (what stats/paired.py gave before: [0, 0] whenever no case changed verdict);
- reported: what `mcnemar_exact` gives now, the hull of that and Newcombe's paired score interval.

    .venv/bin/python benchmarks/pass_rate_interval_coverage.py [--sizes 6 8 14 30]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scipy.stats import multinomial  # noqa: E402

from pytest_llmeval.stats.paired import discordant_share_bounds, mcnemar_exact  # noqa: E402

# (both, baseline only, new only, neither): true changes of -10 to -30 points and none
TRUTHS = {
    "-10: 10% fall, none rise": (0.80, 0.10, 0.00, 0.10),
    "-10: 15% fall, 5% rise": (0.70, 0.15, 0.05, 0.10),
    "0: 5% fall, 5% rise": (0.85, 0.05, 0.05, 0.05),
    "-10: 20% fall, 10% rise": (0.50, 0.20, 0.10, 0.20),
    "-30: 30% fall, none rise": (0.60, 0.30, 0.00, 0.10),
    "0: stable, half pass": (0.45, 0.05, 0.05, 0.45),
}


def tables(n: int) -> Iterator[tuple[int, int, int, int]]:
    for fall in range(n + 1):
        for rise in range(n + 1 - fall):
            for both in range(n + 1 - fall - rise):
                yield both, fall, rise, n - both - fall - rise


def conditional(both: int, fall: int, rise: int, neither: int) -> tuple[float, float]:
    n, m = both + fall + rise + neither, fall + rise
    if m == 0:
        return 0.0, 0.0
    low, high = discordant_share_bounds(fall, m, 0.025)
    return 100 * m / n * (1 - 2 * high), 100 * m / n * (1 - 2 * low)


def reported(both: int, fall: int, rise: int, neither: int) -> tuple[float, float]:
    base = [True] * (both + fall) + [False] * (rise + neither)
    new = [True] * both + [False] * fall + [True] * rise + [False] * neither
    result = mcnemar_exact(base, new)
    assert result.low is not None and result.high is not None
    return result.low, result.high


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[6, 8, 14, 30])
    args = parser.parse_args()
    start = time.perf_counter()
    print("coverage of nominal 95% intervals of the change of pass rate (exact enumeration)")
    print(f"{'true change and flips':<28} {'n':>3} {'conditional':>12} {'reported':>9}")
    for label, probs in TRUTHS.items():
        truth = 100 * (probs[2] - probs[1])
        for n in args.sizes:
            covered = {"conditional": 0.0, "reported": 0.0}
            for table in tables(n):
                p = float(multinomial.pmf(table, n, probs))
                for name, method in (("conditional", conditional), ("reported", reported)):
                    low, high = method(*table)
                    if low - 1e-9 <= truth <= high + 1e-9:
                        covered[name] += p
            print(f"{label:<28} {n:>3} {covered['conditional']:>12.3f} {covered['reported']:>9.3f}", flush=True)
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
