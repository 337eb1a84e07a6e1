"""How often does kappa's 95% interval (judge agreement) hold the true kappa, at n = 14 and 30?

Simulated suites: two raters (keyword scorer and judge) with the same pass rate and a true Cohen's kappa; for
each suite, the percentile bootstrap over cases alone (what stats/agreement.py gave before) and `cohen_kappa`'s
interval now (that bootstrap joined with the rate interval - mid-p exact - of the observed agreement).

    .venv/bin/python benchmarks/kappa_interval_coverage.py [--reps 400] [--resamples 400]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pytest_llmeval.stats import cohen_kappa  # noqa: E402
from pytest_llmeval.stats.agreement import _kappa  # noqa: E402
from pytest_llmeval.stats.intervals import resample_cases  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=400)
    parser.add_argument("--resamples", type=int, default=400)
    parser.add_argument("--pass-rate", type=float, default=0.7)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    start = time.perf_counter()
    print(f"pass rate {args.pass_rate} for both raters; {args.reps} suites per row")
    print(f"{'true kappa':>10} {'n':>4} {'bootstrap alone':>16} {'now':>6}")
    p = args.pass_rate
    for n in (14, 30):
        for kappa in (0.9, 0.7, 0.5):
            both = p * p + kappa * p * (1 - p)
            probs = [both, p - both, p - both, 1 - 2 * p + both]
            old = new = total = 0
            for _ in range(args.reps):
                cells = rng.choice(4, size=n, p=probs)
                x, y = [c in (0, 1) for c in cells], [c in (0, 2) for c in cells]
                seed = int(rng.integers(1 << 30))
                result = cohen_kappa(x, y, resamples=args.resamples, seed=seed)
                if result.low is None or result.high is None:
                    continue  # no interval (too little variation): not counted for either
                xs, ys = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
                boot = resample_cases(n, lambda idx, xs=xs, ys=ys: _kappa(xs[idx], ys[idx]), args.resamples, seed)
                low, high = np.quantile(boot, [0.025, 0.975])
                total += 1
                old += low <= kappa <= high
                new += result.low <= kappa <= result.high
            print(f"{kappa:>10} {n:>4} {old / total:>16.3f} {new / total:>6.3f}", flush=True)
    print(f"({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
