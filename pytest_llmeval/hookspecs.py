"""Hooks a conftest.py (or another plugin) can implement to extend pytest-llmeval.

Registered with `config.pluginmanager.add_hookspecs` in `pytest_addhooks`, as pytest-xdist does
with its `newhooks.py`. Examples are in docs/architecture.md ("Extending").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .evaluation.case_model import Case
    from .evaluation.scoring import Score
    from .serving.endpoint import Endpoint


@pytest.hookspec(firstresult=True)
def pytest_llmeval_score(case: Case, answer: str, sources: Mapping[str, str], mode: str, model: str) -> Score | None:
    """Score one answer: return a `Score` to replace the scorer of this case, or None to keep the default
    (key-point coverage with the echo guard). `sources` maps "question", "system", "context", "template"
    to the prompt text an answer may copy. The first non-None result wins. Use
    `pytest_llmeval.evaluation.scoring.make_score(case, score, passed, scorer=..., answer=...)` to
    build one for an exact-match, regex or judge scorer.
    """


@pytest.hookspec
def pytest_llmeval_run_info(info: dict[str, Any]) -> None:
    """Add fields to results.json's `run.extra` (e.g. a build number, a GPU driver version): mutate `info`.
    Called once, on the process that writes the results."""


@pytest.hookspec
def pytest_llmeval_server_launched(model: str, launch: Mapping[str, Any], endpoint: Endpoint | None) -> None:
    """Called after a model's server is up (or attached), with its launch record (pid, port, log, command)
    and endpoint; endpoint is None when the launch failed (launch["error"] says why)."""
