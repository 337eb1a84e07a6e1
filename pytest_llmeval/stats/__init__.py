"""Statistics for decisions, all in one place: intervals that say what n is, exact paired tests, the gate's
decision rule, agreement (no pytest here).

mean_ci(scores, clusters=case_ids)     quasi-binomial Wilson (0-100 values; all 0/100: mid-p, as wilson) or t;
                                       the case is the unit
wilson(passed, n)                      pass-rate interval (mid-p exact), in percent
quantile_ci(latencies, 95)             order-statistic interval; no estimate below 20 values (p95)
paired_difference(before, after)       mean per-case difference, exact sign-flip test and its interval
mcnemar_exact(a_pass, b_pass)          exact test on discordant pass/fail pairs, with an interval that agrees
pass_rate_change(a_share, b_share)     change of pass rate over paired cases: McNemar, or sign-flip with repeats
within_reach(entry, base_mean)         a change's interval cut to what the cases can show from a fixed baseline
noninferiority_mean / _pass            the gate's one-sided test of "worse by more than the margin"
holm(p_values)                         Holm's adjustment over a family of verdicts
joint_stepdown(p_values, flips)        the gate's family: sign-flip rules jointly (max-T), Holm across units
stepdown(p_values, flips, units)       the same over several units (a run's model pairs, its RAG uplifts)
closed_pair_p_values(modes)            3-4 models' pairs: a closed test over the groupings of the models
tarone_family(min_ps)                  Tarone's family of discrete tests that can be significant
detectable(...), detectable_pass(...)  minimum detectable worsening at 80% power (pass/fail: exact binomial power)
p_text(p, floor)                       a p-value in words: 3 significant digits, "<2e-05" at a Monte Carlo floor
cohen_kappa(a, b, clusters=case_ids)   agreement of two scorers (kappa with interval and PABAK; the case the unit)
spearman(x, y, clusters=case_ids)      rank agreement of scores (with repeats: over case means)
"""

from __future__ import annotations

from .agreement import Agreement, cohen_kappa, spearman
from .closed_pairs import closed_pair_p_values
from .decision import (
    Detectable,
    NonInferiority,
    detectable,
    detectable_pass,
    exact_floor_mean,
    exact_floor_pass,
    holm,
    joint_stepdown,
    min_cases_mean,
    min_cases_pass,
    noninferiority_mean,
    noninferiority_pass,
    p_text,
    pass_power,
    tarone_family,
)
from .intervals import Interval, bounded_mean_intervals, mean_ci, min_count_for_quantile, quantile_ci, wilson
from .paired import (
    McNemar,
    PairedDifference,
    differences,
    mcnemar_exact,
    newcombe_paired,
    paired_difference,
    pass_rate_change,
    verdict,
    within_reach,
)
from .permutation import SubsetMeans, subset_means
from .stepdown import stepdown

__all__ = [
    "Agreement",
    "closed_pair_p_values",
    "Detectable",
    "Interval",
    "McNemar",
    "NonInferiority",
    "PairedDifference",
    "SubsetMeans",
    "bounded_mean_intervals",
    "cohen_kappa",
    "detectable",
    "detectable_pass",
    "differences",
    "exact_floor_mean",
    "exact_floor_pass",
    "min_cases_mean",
    "min_cases_pass",
    "holm",
    "joint_stepdown",
    "tarone_family",
    "mcnemar_exact",
    "mean_ci",
    "newcombe_paired",
    "min_count_for_quantile",
    "noninferiority_mean",
    "noninferiority_pass",
    "p_text",
    "paired_difference",
    "pass_power",
    "pass_rate_change",
    "quantile_ci",
    "spearman",
    "stepdown",
    "subset_means",
    "verdict",
    "wilson",
    "within_reach",
]
