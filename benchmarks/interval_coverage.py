"""Which 95% interval for a mean score covers the truth 93-97% of the time at n = 6, 8, 14, 30?

Score shapes this tool produces (mostly 0s and 100s): mixtures of 0, 100 and uniform scores in between, and
keyword coverage with 3 or 5 key points. For each shape and n, `--reps` simulated suites; the coverage of:

- quasi-binomial Wilson (the method stats/intervals.py uses for 0-100 values),
- Student's t,
- percentile bootstrap (999 resamples), BCa bootstrap (scipy.stats.bootstrap, 999 resamples),

and, for paired differences, the exact sign-flip interval (stats/paired.py) with a true change, and its coverage and
mean width on paired shapes: a few cases falling, every case moving a little either way, key points flipping.

    .venv/bin/python benchmarks/interval_coverage.py [--reps 2000] [--no-bootstrap]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
from scipy import stats

from pytest_llmeval.stats import bounded_mean_intervals, paired_difference
from pytest_llmeval.stats.shapes import key_points, mixture

SHAPES = {
    "60% 0 / 30% 100 / 10% between": mixture(0.6, 0.3),
    "30% 0 / 60% 100 / 10% between": mixture(0.3, 0.6),
    "10% 0 / 80% 100 / 10% between": mixture(0.1, 0.8),
    "85% 0 / 10% 100 / 5% between": mixture(0.85, 0.1),
    "5 key points": key_points([0.2, 0.1, 0.1, 0.15, 0.15, 0.3]),
    "3 key points, easy": key_points([0.1, 0.1, 0.2, 0.6]),
    "0/100 only, p = 0.5": mixture(0.5, 0.5),
    # 0/100-heavy with a few just off a bound (the eighth session's review: 0.88 at n = 8 before its fix)
    "5 kp: 20% 0, 10% 80, 70% 100": key_points([0.2, 0, 0, 0, 0.1, 0.7]),
    "5 kp: 15% 0, 5% 80, 80% 100": key_points([0.15, 0, 0, 0, 0.05, 0.8]),
    "5 kp: 75% 0, 10% 20, 15% 100": key_points([0.75, 0.1, 0, 0, 0, 0.15]),
}


def t_interval(x):
    n = x.shape[1]
    half = stats.t.ppf(0.975, n - 1) * x.std(axis=1, ddof=1) / np.sqrt(n)
    return x.mean(axis=1) - half, x.mean(axis=1) + half


def bootstrap(x, method, rng):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = stats.bootstrap(
            (x,), np.mean, axis=-1, vectorized=True, n_resamples=999, method=method, random_state=rng, batch=100
        )
    low, high = res.confidence_interval.low, res.confidence_interval.high
    m = x.mean(axis=1)
    return np.where(np.isnan(low), m, low), np.where(np.isnan(high), m, high)


def paired_coverage(n: int, reps: int, rng: np.random.Generator) -> float:
    """Exact sign-flip interval of a mean paired difference when the new run really is worse: each case
    keeps its score (70%) or drops from 100 to 0-60 (30% of the passing cases)."""
    hits = 0
    base_pass = 0.55
    truth = -base_pass * 0.3 * 70.0  # 30% of passing cases lose 70 points on average (100 -> 30)
    for _ in range(reps):
        base = np.where(rng.random(n) < base_pass, 100.0, 0.0)
        drop = (base == 100) & (rng.random(n) < 0.3)
        new = np.where(drop, rng.uniform(0, 60, n), base)
        d = paired_difference(list(base), list(new))
        low = -np.inf if d.low is None else d.low
        high = np.inf if d.high is None else d.high
        hits += low <= truth <= high
    return hits / reps


def _sparse(share: float, size: float):
    """A share of cases falls by `size` (not below 0), the rest do not move: 60% of cases at 100, 40% at 0-80."""

    def draw(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        base = np.where(rng.random(n) < 0.6, 100.0, rng.choice([0.0, 20.0, 40.0, 60.0, 80.0], n))
        return base, np.where(rng.random(n) < share, np.maximum(base - size, 0.0), base)

    truth = -share * (0.6 * size + 0.4 * np.mean([min(v, size) for v in (0, 20, 40, 60, 80)]))
    return draw, truth


def _both_ways(shift: float, sd: float = 15.0):
    """Every case moves a little, either way (averaged repeats of a noisy scorer): normal, mean `shift`."""

    def draw(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        base = np.full(n, 50.0)
        return base, base + np.clip(rng.normal(shift, sd, n).round(1), -50, 50)

    return draw, shift


def _flips(chance: float):
    """5 key points, each covered with chance 0.6 in the baseline; each flips with `chance` in the new run."""

    def draw(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        base = rng.random((n, 5)) < 0.6
        new = np.where(rng.random((n, 5)) < chance, ~base, base)
        return 20.0 * base.sum(axis=1), 20.0 * new.sum(axis=1)

    return draw, 100.0 * chance * (0.4 - 0.6)


def _repeats(broken: float, drop: float, repeats: int = 3, points: int = 4):
    """--llm-repeat 3 of a 4-key-point suite, each case's samples averaged (the case is the unit): each case has its
    own chance of covering a point (Beta(1.2, 0.8), drawn with the suite); a share of cases `broken` loses `drop` of
    that chance. The truth is the mean change over the population of such cases."""

    def draw(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
        chance = rng.beta(1.2, 0.8, size=n)
        new_chance = np.where(rng.random(n) < broken, np.clip(chance - drop, 0.0, 1.0), chance)
        base = (rng.random((n, repeats, points)) < chance[:, None, None]).mean(axis=(1, 2)) * 100
        new = (rng.random((n, repeats, points)) < new_chance[:, None, None]).mean(axis=(1, 2)) * 100
        return base, new

    population = np.random.default_rng(0).beta(1.2, 0.8, size=1_000_000)
    return draw, -broken * float(np.mean(np.minimum(population, drop))) * 100


PAIRED_SHAPES = {
    "10% of cases fall by 70": _sparse(0.10, 70.0),
    "5% of cases fall by 100": _sparse(0.05, 100.0),
    "all move a little (sd 15), no change": _both_ways(0.0),
    "all move a little (sd 15), -5": _both_ways(-5.0),
    "5 key points, each flips 10%": _flips(0.10),
    "3 repeats averaged, 20% of cases break": _repeats(0.2, 0.5),
    "3 repeats averaged, no change": _repeats(0.0, 0.0),
}


def paired_shape_coverage(draw, truth: float, n: int, reps: int, rng: np.random.Generator) -> tuple[float, float]:
    """Coverage and mean width of `paired_difference`'s 95% interval on one paired shape (no interval: infinite,
    counted as covering, width 200)."""
    hits, width = 0, 0.0
    for _ in range(reps):
        base, new = draw(rng, n)
        d = paired_difference(list(base), list(new))
        low = -np.inf if d.low is None else d.low
        high = np.inf if d.high is None else d.high
        hits += low <= truth <= high
        width += min(high - low, 200.0)
    return hits / reps, width / reps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reps", type=int, default=2000)
    parser.add_argument("--no-bootstrap", action="store_true", help="skip the (slower) bootstrap columns")
    args = parser.parse_args()
    started = time.time()
    methods = ["quasi-binomial Wilson", "t"] + ([] if args.no_bootstrap else ["percentile bootstrap", "BCa"])
    print(f"coverage of nominal 95% intervals, {args.reps} simulated suites per cell")
    print("shape | n | " + " | ".join(methods))
    print("---|---|" + "|".join("---" for _ in methods))
    for name, (draw, truth) in SHAPES.items():
        for n in (6, 8, 14, 30):
            rng = np.random.default_rng(n)
            x = draw(rng, (args.reps, n))
            intervals = [bounded_mean_intervals(x), t_interval(x)]
            if not args.no_bootstrap:
                intervals += [bootstrap(x, "percentile", rng), bootstrap(x, "BCa", rng)]
            cells = [f"{np.mean((lo <= truth) & (truth <= hi)):.3f}" for lo, hi in intervals]
            print(f"{name} | {n} | " + " | ".join(cells), flush=True)
    print()
    print("exact sign-flip interval of a paired mean difference (true change -11.55 points)")
    for n in (6, 8, 14, 30):
        reps = min(args.reps, 1000)
        print(f"n={n}: coverage {paired_coverage(n, reps, np.random.default_rng(100 + n)):.3f} ({reps} pairs)")
    reps = min(args.reps, 1000)
    print()
    print(f"paired shapes: coverage / mean width of the 95% interval ({reps} pairs per cell)")
    print("shape | " + " | ".join(f"n={n}" for n in (6, 8, 14, 30)))
    print("---|" + "|".join("---" for _ in range(4)))
    for name, (draw, truth) in PAIRED_SHAPES.items():
        cells = []
        for n in (6, 8, 14, 30):
            cover, width = paired_shape_coverage(draw, truth, n, reps, np.random.default_rng(200 + n))
            cells.append(f"{cover:.3f} / {width:.1f}")
        print(f"{name} (true {truth:+.2f}) | " + " | ".join(cells), flush=True)
    print(f"{time.time() - started:.0f} s")


if __name__ == "__main__":
    main()
