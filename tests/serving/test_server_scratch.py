"""A launched server's temp files (vLLM's engine sockets and `vllm_dist_*` FileStore, left in /tmp at every start
even after a clean stop) live in a folder of its own that goes with the server: at its stop, and through the
watchdog when pytest itself is killed. Inductor's compile cache stays where torch puts it, so a warm start stays
warm."""

from __future__ import annotations

import getpass
import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from pytest_llmeval.serving.scratch import PREFIX, inductor_cache_default, remove_scratch
from pytest_llmeval.serving.server import ServerSettings, VLLMServer
from pytest_llmeval.testing.faults import fake_vllm_python

# the stand-in server writes what vLLM writes (a file in the temp dir), says where, and waits to be stopped
FAKE_SERVER = textwrap.dedent("""
    import json, os, sys, tempfile, time
    folder = tempfile.gettempdir()
    open(os.path.join(folder, "vllm_dist_0123"), "w").close()
    report = {"tempdir": folder, "inductor": os.environ.get("TORCHINDUCTOR_CACHE_DIR")}
    with open(os.environ["SCRATCH_REPORT"], "w") as out:
        json.dump(report, out)
    time.sleep(600)
""")


@pytest.fixture
def temp_root(tmp_path, monkeypatch) -> Path:
    """This test's own temp dir, as the user's TMPDIR (so the folders it finds are this test's)."""
    root = tmp_path / "tmp"
    root.mkdir()
    monkeypatch.setenv("TMPDIR", str(root))
    monkeypatch.setattr(tempfile, "tempdir", None)  # tempfile caches the dir it chose: choose again
    monkeypatch.delenv("TORCHINDUCTOR_CACHE_DIR", raising=False)
    # a GPU machine's vLLM (the CPU build's launch sets its own Inductor cache folder: serving/embedded.py)
    monkeypatch.setattr("pytest_llmeval.serving.server.cpu_build", lambda _python: False)
    return root


def wait_for(path: Path, timeout_s: float = 30.0) -> dict[str, str]:
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if path.exists() and path.stat().st_size:
            return json.loads(path.read_text(encoding="utf-8"))
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")


def launched(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[VLLMServer, Path]:
    report = tmp_path / "report.json"
    settings = ServerSettings(
        python=fake_vllm_python(tmp_path, FAKE_SERVER), env={"SCRATCH_REPORT": str(report), **(env or {})}
    )
    server = VLLMServer("/models/m", "m", settings, tmp_path / "server.log")
    server.launch()
    return server, report


def test_the_servers_temp_files_go_with_its_stop_and_inductors_cache_stays_put(tmp_path, temp_root):
    server, report = launched(tmp_path)
    seen = wait_for(report)
    scratch = Path(seen["tempdir"])
    assert scratch.parent == temp_root and scratch.name.startswith(PREFIX)
    assert (scratch / "vllm_dist_0123").exists()
    assert seen["inductor"] == str(temp_root / f"torchinductor_{getpass.getuser()}")  # torch's own default
    server.stop()
    assert not scratch.exists()
    assert [p.name for p in temp_root.iterdir()] == []


def test_an_inductor_cache_the_user_chose_is_kept(tmp_path, temp_root, monkeypatch):
    monkeypatch.setenv("TORCHINDUCTOR_CACHE_DIR", str(tmp_path / "mine"))
    server, report = launched(tmp_path)
    try:
        assert wait_for(report)["inductor"] == str(tmp_path / "mine")
    finally:
        server.stop()


def test_a_tmpdir_set_for_the_server_itself_is_the_users(tmp_path, temp_root):
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    server, report = launched(tmp_path, env={"TMPDIR": str(theirs)})
    try:
        assert wait_for(report)["tempdir"] == str(theirs)
    finally:
        server.stop()
    assert (theirs / "vllm_dist_0123").exists()  # not ours to remove
    assert [p.name for p in temp_root.iterdir()] == []  # and no folder of ours was made


def test_the_watchdog_removes_the_folder_when_pytest_is_killed(tmp_path, temp_root):
    """A process that launched a server is SIGKILLed (a CI time limit): the watchdog kills the server and
    removes its temp folder."""
    report = tmp_path / "report.json"
    python = fake_vllm_python(tmp_path, FAKE_SERVER)
    launcher = tmp_path / "launcher.py"
    launcher.write_text(
        textwrap.dedent(f"""
        import time
        from pathlib import Path
        from pytest_llmeval.serving.server import ServerSettings, VLLMServer
        settings = ServerSettings(python={python!r}, env={{"SCRATCH_REPORT": {str(report)!r}}})
        server = VLLMServer("/models/m", "m", settings, Path({str(tmp_path / "server.log")!r}))
        server.launch()
        time.sleep(600)
        """),
        encoding="utf-8",
    )
    proc = subprocess.Popen([sys.executable, str(launcher)], env=dict(os.environ))
    try:
        scratch = Path(wait_for(report)["tempdir"])
        assert scratch.parent == temp_root and scratch.exists()
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
        deadline = time.time() + 20
        while scratch.exists() and time.time() < deadline:
            time.sleep(0.1)
        assert not scratch.exists()
    finally:
        if proc.poll() is None:
            proc.kill()


def test_remove_scratch_touches_only_its_own_folders(tmp_path, temp_root):
    other = temp_root / "somebody-elses"
    other.mkdir()
    outside = tmp_path / f"{PREFIX}outside"
    outside.mkdir()
    remove_scratch(other)
    remove_scratch(outside)
    remove_scratch(None)
    assert other.exists() and outside.exists()


def test_the_inductor_default_follows_torchs_rule(temp_root):
    torch_rule = pytest.importorskip("torch._inductor.runtime.cache_dir_utils")
    assert inductor_cache_default() == torch_rule.default_cache_dir()
