"""Bad input, round 13: a `regex:` key point or forbidden claim that backtracks catastrophically is refused when the
scenario file loads (naming the file, case and field), not found as a scoring error after the model answered.

Decision: refused only on evidence (a search over `PROBE_TIME_S` in an adversarial text of `PROBE_LENGTH` characters
built from the pattern's own characters), so a pattern that nests quantifiers harmlessly (`(\\d+,)*\\d+`) is kept;
quadratic patterns are kept too (a long answer is still held to the scorer's time limit).
"""

from __future__ import annotations

import pytest
from test_bad_input_round12 import HEAD, scenario

from pytest_llmeval.evaluation.scenarios import ScenarioError

CATASTROPHIC = [r"(a+)+$", r"(a|aa)+$", r"(\w+\s?)+$", r"(x+x+)+y", r"(.*a){3}z", r"(a+)+b", r"(\d+,?)+元$"]
HARMLESS = [
    r"INV-\d{6}",
    r"(\d{1,3},)*\d{1,3}",
    r"(\d+,)*\d+",
    r"(?:\d|,)+",
    r"净利润.{0,20}\d+",
    r"\d+(\.\d+)?%",
    r"(\d+\.)+\d+",
    r"(?:[A-Z]{2,}-)+\d+",
    r"(ab|cd)+",
    r"(营收|收入)+",
    r"(?:\w+ ){0,3}profit",
    r"([^,]+,)+",
]


@pytest.mark.parametrize("pattern", CATASTROPHIC)
@pytest.mark.parametrize("where", ["key_points", "forbidden"])
def test_a_catastrophic_regex_is_refused_at_load(tmp_path, pattern, where):
    body = (
        HEAD + f"    key_points: [{{regex: '{pattern}', point: p}}]\n"
        if where == "key_points"
        else HEAD + f"    key_points: [利润]\n    trap: {{forbidden: [{{regex: '{pattern}', claim: c}}]}}\n"
    )
    with pytest.raises(ScenarioError) as err:
        scenario(tmp_path, body)
    message = str(err.value)
    assert "backtracks catastrophically" in message and "s.yaml" in message and "regex" in message


@pytest.mark.parametrize("pattern", HARMLESS)
def test_a_regex_that_nests_quantifiers_harmlessly_is_kept(tmp_path, pattern):
    (case,) = scenario(tmp_path, HEAD + f"    key_points: [{{regex: '{pattern}', point: p}}]\n")
    assert case.key_points[0].regex == (pattern,)
