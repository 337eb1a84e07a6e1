from __future__ import annotations

from collections.abc import Iterator

import pytest

from pytest_llmeval.testing.openai_fake import FakeServer


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    with FakeServer(chunks=6) as server:
        yield server
