"""A scenario's regex names marks as the answer is read (v71 review): since v71 every tick in an answer reads as ✅ and
every cross as ❌ (`one_mark_each`), and a regex written with ✓, ✔, ✖ or ✗ no longer matched the answer it was written
for - a key point's regex missed `私有化部署：✓`, a forbidden claim's regex let `认证：✔` pass. The regex's marks are
now read the same way (`marks_in_a_regex`), with × matching where the answer keeps it as a product."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from scorer_rows import check_status

from pytest_llmeval.evaluation.keywords.normalisation import marks_in_a_regex
from pytest_llmeval.evaluation.scenarios import load_scenarios
from pytest_llmeval.evaluation.scoring import score_answer

SCENARIO = """suite: s
cases:
  - id: c1
    category: t
    question: 功能清单？
    key_points:
      - point: 私有化部署支持
        regex: ['私有化部署[：:]\\s*✓']
      - point: 一年的小时数
        regex: ['365\\s*[×x]\\s*24']
    trap:
      expect: uncertainty
      forbidden:
        - claim: 认证通过
          regex: ['认证[：:]\\s*✔']
        - claim: 不支持迁移
          regex: ['迁移[：:]\\s*[✗✖]']
"""


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory):
    folder: Path = tmp_path_factory.mktemp("regex_marks")
    (folder / "s.yaml").write_text(SCENARIO, encoding="utf-8")
    (loaded,) = load_scenarios([folder])
    return loaded


@pytest.mark.parametrize("tick", ["✓", "✔", "✅", "☑", "✔\ufe0f", "✅\ufe0f"])
def test_a_key_points_regex_with_a_tick_matches_every_tick(case, tick):
    assert "私有化部署支持" in score_answer(case, f"私有化部署：{tick}").covered
    assert "私有化部署支持" not in score_answer(case, "私有化部署：❌").covered


@pytest.mark.parametrize("tick", ["✔", "✓", "✅", "✔\ufe0f"])
def test_a_forbidden_claims_regex_with_a_tick_is_charged_for_every_tick(case, tick):
    assert "认证通过" in score_answer(case, f"认证：{tick}").forbidden_found
    assert "认证通过" not in score_answer(case, "认证：❌").forbidden_found


@pytest.mark.parametrize("cross", ["✗", "✖", "❌", "✘", "🚫", "✖\ufe0f"])
def test_a_regex_with_a_cross_matches_every_cross(case, cross):
    assert "不支持迁移" in score_answer(case, f"迁移：{cross}").forbidden_found
    assert "不支持迁移" not in score_answer(case, "迁移：✅").forbidden_found


@pytest.mark.parametrize("product", ["365×24", "365 × 24", "365✕24", "365 x 24"])
def test_a_regex_with_a_times_sign_still_matches_a_product(case, product):
    assert "一年的小时数" in score_answer(case, f"一年共{product}=8760小时。").covered


@pytest.mark.parametrize(
    ("regex", "read"),
    [
        ("私有化部署[：:]\\s*✓", "私有化部署[：:]\\s*✅"),
        ("[✅✔☑✓]\\ufe0f?", "[✅✅✅✅]\\ufe0f?"),
        ("支持\\s*✖", "支持\\s*(?:×|❌)"),
        ("a[✖✕]b", "a[×❌×❌]b"),
        ("[^✗]+", "[^❌]+"),
        ("\\✓", "✅"),
        ("\\[✓\\]", "\\[✅\\]"),
        ("[]×]", "[]×❌]"),
        ("❌\ufe0f", "❌"),
        ("v5\\.0", "v5\\.0"),
    ],
)
def test_the_regexs_marks_are_read_and_its_syntax_kept(regex, read):
    assert marks_in_a_regex(regex) == read
    re.compile(read)


@pytest.mark.parametrize(
    ("point", "answer", "expected"),
    [
        # a factor written on its figure multiplies: the point "3×" read as "3❌" missed "3× faster" (v71 review)
        ("3×", "The new version is 3× faster.", "covered"),
        ("3×", "吞吐量提升3×，延迟降低一半。", "covered"),
        ("3×", "Speedup: 3×", "covered"),
        # a cross a space after the figure, ending its line, is the figure's verdict
        ("120万", "The contract is worth 120万 ×", "negated"),
        ("20%", "ROI: 20% ×", "negated"),
    ],
)
def test_a_factor_on_its_figure_multiplies_and_a_spaced_cross_after_it_judges(point, answer, expected):
    check_status(point, answer, expected)
