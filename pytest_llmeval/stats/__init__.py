"""Statistics for decisions: intervals that say what n is, paired differences, agreement (no pytest here).

mean_ci(scores, clusters=case_ids)     percentile bootstrap of a mean (two-stage when clustered)
wilson(passed, n)                      pass-rate interval, in percent
quantile_ci(latencies, 95)             bootstrap interval of a percentile
paired_difference(before, after)       mean of per-case differences with its interval; significant?
mcnemar_exact(a_pass, b_pass)          exact test on discordant pass/fail pairs
cohen_kappa(a, b), spearman(x, y)      agreement of two scorers
"""

from __future__ import annotations

from .agreement import Agreement, cohen_kappa, spearman
from .intervals import Interval, mean_ci, quantile_ci, wilson
from .paired import McNemar, PairedDifference, mcnemar_exact, paired_difference, verdict

__all__ = [
    "Agreement",
    "Interval",
    "McNemar",
    "PairedDifference",
    "cohen_kappa",
    "mcnemar_exact",
    "mean_ci",
    "paired_difference",
    "quantile_ci",
    "spearman",
    "verdict",
    "wilson",
]
