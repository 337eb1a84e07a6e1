"""`public_spec` with an '@' after the host (`openai:http://h/v1@m@n`): the text before the last '@' was hidden as a
possible password, so the refusal quoted `'openai:http://m@n'`, a host the user never wrote. An '@' after the path
is the model's; a userinfo before the host (with an '@' or a '/' in its password) is still hidden."""

from __future__ import annotations

import pytest

from pytest_llmeval.evaluation.judge import JudgeError, parse_judge_spec
from pytest_llmeval.rag.spec import parse_embedder_spec
from pytest_llmeval.serving.client import public_spec

CANARY = "PW4STRAY"


@pytest.mark.parametrize(
    ("spec", "shown"),
    [
        ("openai:http://h/v1@m@n", "openai:http://h/v1@m@n"),
        ("http://h:8000/v1@m@n", "http://h:8000/v1@m@n"),
        ("http://h/v1@a@b@c", "http://h/v1@a@b@c"),
        ("openai:http://h/v1@org/model", "openai:http://h/v1@org/model"),  # a model name with a '/'
        ("http://localhost:8000@judge", "http://localhost:8000@judge"),  # a bare host and port, then the model
        ("http://h/v1?e=a@b@judge", "http://h/v1@judge"),  # an '@' in the query (never shown)
    ],
)
def test_an_at_after_the_host_is_shown_where_it_stands(spec: str, shown: str) -> None:
    assert public_spec(spec) == shown


@pytest.mark.parametrize(
    ("spec", "shown"),
    [
        (f"http://u:{CANARY}@h/v1@m", "http://h/v1@m"),
        (f"openai:http://u:{CANARY}@h/v1@m@n", "openai:http://h/v1@m@n"),
        (f"http://u:{CANARY}@h/v1@org/model", "http://h/v1@org/model"),
        (f"http://u:p@{CANARY}@h/v1@m", "http://h/v1@m"),  # a password with an '@'
        (f"http://u:p/{CANARY}@h/v1@m", "http://h/v1@m"),  # a password with a '/'
        (f"http://u:p/{CANARY}@h/v1@org/m", "http://h/v1@org/m"),
        (f"http://{CANARY}@h/v1@m", "http://h/v1@m"),  # a token alone
        (f"http://u:{CANARY}@h", "http://h"),  # no path, no model: the ':' before the '@' is no port
        (f"ftp://j:{CANARY}@h/v1?k=1@judge", "ftp://h/v1@judge"),
    ],
)
def test_a_userinfo_before_the_host_is_still_hidden(spec: str, shown: str) -> None:
    assert public_spec(spec) == shown


def test_the_refusals_quote_the_url_the_user_wrote() -> None:
    with pytest.raises(ValueError) as caught:
        parse_embedder_spec("openai:http://h:8000/v1@m@n")
    assert "'openai:http://h:8000/v1@m@n'" in str(caught.value)
    with pytest.raises(JudgeError) as judged:
        parse_judge_spec(f"http://u:{CANARY}@h:8000/v1@m@n")
    assert "'http://h:8000/v1@m@n'" in str(judged.value) and CANARY not in str(judged.value)
