"""Cohen's kappa where one scorer gave every answer the same verdict: no agreement beyond chance can be measured.

Before, a keyword scorer failing both of 2 cases against a judge passing both read "kappa 0.00 [0.00, 0.78]" beside
"agree 0.0%" - chance-level agreement, where the data say nothing of it; both never varying already read
"undefined". Now both read "undefined: a scorer gave every answer the same verdict (see agree %)"."""

from __future__ import annotations

import pytest

from pytest_llmeval.stats import cohen_kappa


@pytest.mark.parametrize(
    ("keyword", "judge"),
    [
        ([False, False], [True, True]),
        ([True] * 6, [True, False, True, True, False, True]),
        ([False, True, False, True], [False] * 4),
    ],
)
def test_a_rater_who_never_varies_leaves_kappa_undefined(keyword, judge):
    kappa = cohen_kappa(keyword, judge)
    assert kappa.value is None and "undefined" in kappa.method
    assert kappa.pabak == pytest.approx(2 * sum(a == b for a, b in zip(keyword, judge)) / len(judge) - 1)


def test_raters_who_both_vary_keep_their_kappa():
    kappa = cohen_kappa([True, False, True, False, True, True], [True, False, True, True, True, False])
    assert kappa.value is not None and kappa.low is not None


def test_the_judge_table_says_why_there_is_no_kappa():
    from tests.results.test_small_n_round6 import judge_row, judged

    # keyword fails both cases, the judge passes both
    row = judge_row(judged([(10.0, 90.0, True), (20.0, 80.0, True)]))
    assert row["kappa [95% CI]"].startswith("undefined: a scorer gave every answer the same verdict"), row
