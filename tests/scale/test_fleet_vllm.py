"""Two real vLLM CPU servers (the embedded model) as a two-endpoint fleet for one label: the shared session
server plus one started here with -O0 (one extra server start, the cheapest the CPU build has)."""

from __future__ import annotations

import dataclasses

import pytest

from pytest_llmeval.serving.endpoint import public_url
from pytest_llmeval.serving.models import parse_model
from pytest_llmeval.serving.pool import server_settings_for
from pytest_llmeval.serving.server import ServerSettings, VLLMServer


@pytest.mark.vllm
def test_two_vllm_servers_share_one_label(llm_project, vllm_endpoint, small_scenarios, tmp_path, lean_vllm):
    path, settings = server_settings_for(parse_model("embedded"), ServerSettings(startup_timeout_s=600))
    settings = dataclasses.replace(settings, extra_args=[*settings.extra_args, "-O0"])
    with VLLMServer(path, vllm_endpoint.model, settings, tmp_path / "second.log") as second:
        urls = [vllm_endpoint.base_url, second.base_url]
        result = llm_project.run(
            f"--llm-scenarios={small_scenarios}", "--llm-model", vllm_endpoint.model,
            "--llm-base-url", urls[0], "--llm-base-url", urls[1], "--llm-concurrency", "1", "--llm-max-tokens", "8",
        )  # fmt: skip
    outcomes = result.parseoutcomes()
    assert outcomes.get("passed", 0) + outcomes.get("failed", 0) == 2, result.stdout.str()
    doc = llm_project.results()
    assert doc["run"]["launches"][0]["endpoints"] == [public_url(u) for u in urls]
    cases = doc["cases"]
    assert not any(c.get("error") for c in cases)
    # one case in flight per replica: the two cases go out together, one to each server
    assert {c["endpoint"] for c in cases} == {public_url(u) for u in urls}
    assert all(c["in_flight"] == 2 for c in cases)
