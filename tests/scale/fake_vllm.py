"""A stand-in for `python -m vllm.entrypoints.openai.api_server` in placement tests: serves the fake
OpenAI-compatible server on --port and appends its start (with CUDA_VISIBLE_DEVICES) and stop to a log."""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from pytest_llmeval.testing.openai_fake import FakeServer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-m")
    parser.add_argument("--port", type=int)
    parser.add_argument("--served-model-name")
    parser.add_argument("--host", default="127.0.0.1")
    args, rest = parser.parse_known_args()
    log = Path(os.environ["FAKE_VLLM_LOG"])
    delay = float(os.environ.get("FAKE_VLLM_START_S", "0.5"))

    def note(event: str, **extra: object) -> None:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(
                json.dumps(
                    {
                        "model": args.served_model_name,
                        "event": event,
                        "at": time.time(),
                        "gpus": os.environ.get("CUDA_VISIBLE_DEVICES"),
                        "args": rest,
                        **extra,
                    }
                )
                + "\n"
            )

    note("start")
    time.sleep(delay)  # a server takes a while to load: starts that overlap show in the log
    stopped = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    answer = os.environ.get("FAKE_VLLM_ANSWER")  # set: every question is answered with it and logged

    def answers(request: dict) -> str | None:
        note("request", text=str(request["messages"][-1]["content"]))
        return answer

    with FakeServer(host=args.host, port=args.port, answers=answers if answer is not None else None):
        stopped.wait()
    note("stop")


if __name__ == "__main__":
    main()
