"""report.html from a real run, opened in headless Chromium: no console error, filters work, a screenshot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pytest_llmeval.testing.browser import Browser, BrowserUnavailable, find_chromium

pytestmark = [pytest.mark.charts, pytest.mark.vllm]


@pytest.fixture(scope="module")
def chromium() -> str:
    try:
        return find_chromium()
    except BrowserUnavailable as exc:
        pytest.skip(f"no browser for the report test: {exc}")


def test_report_html_opens_without_errors_and_filters_rows(
    chromium, llm_project, vllm_endpoint, small_scenarios, tmp_path_factory
):
    result = llm_project.run(
        f"--llm-scenarios={small_scenarios}",
        "--llm-base-url",
        vllm_endpoint.base_url,
        "--llm-model",
        vllm_endpoint.model,
        "--llm-repeat",
        "2",
    )
    assert result.ret in (0, 1), result.stdout.str()
    report = llm_project.path / "llmeval-report" / "report.html"
    text = report.read_text(encoding="utf-8")
    assert "<script src" not in text and "<link " not in text  # nothing is fetched at view time
    assert "<svg" in text and "Accuracy against speed" in text
    with Browser(chromium) as browser:
        page = browser.open(report)
        assert page.errors == []
        assert page.evaluate("document.getElementById('rowcount').textContent") == "4 of 4 rows shown"
        page.evaluate(
            "const s = document.getElementById('filter-category'); s.value = 'echo';"
            "s.dispatchEvent(new Event('change'))"
        )
        assert page.evaluate("document.getElementById('rowcount').textContent") == "2 of 4 rows shown"
        visible = page.evaluate(
            "Array.from(document.querySelectorAll('tr.case')).filter(r => r.style.display !== "
            "'none').map(r => r.dataset.category)"
        )
        assert visible == ["echo", "echo"]
        page.evaluate("document.querySelector('tr.case').click()")
        assert page.evaluate("document.getElementById('d0').style.display") == ""
        assert page.evaluate("document.querySelectorAll('.chart svg').length") >= 2
        shots = tmp_path_factory.mktemp("screenshots")
        shot = page.screenshot(shots / "report.png")
        assert shot.stat().st_size > 10_000 and page.errors == []
        # Chromium's own temp folder is inside the profile the exit removes, not left in /tmp
        profile = browser.profile
        assert [p.name for p in profile.iterdir() if p.name.startswith("org.chromium.")]
    assert not profile.exists()
    keep = Path("llmeval-report")  # leave the screenshot where a CI job keeps artifacts, when it has that folder
    if keep.is_dir():
        shutil.copy(shot, keep / "report-screenshot.png")
