"""The controller's private temp folder (the servers' note for xdist workers) never outlives pytest: not after a
run, and not where pytest configured the plugin and ran no session (--help, a usage error); a SIGKILLed run's
folder goes at the next run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pytest_llmeval.servers_folder import LOCK_FILE, PREFIX, ServersFolder, sweep_abandoned


def run_pytest(tmp_path: Path, *args: str) -> tuple[int, list[str]]:
    """pytest in a child with its own TMPDIR; the llmeval temp folders left there when it ended."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, sorted(p.name for p in temp.iterdir() if p.name.startswith(PREFIX))


@pytest.mark.parametrize(
    ("args", "expected_rc"),
    [
        (("--help",), 0),
        (("--collect-only", "-q"), 5),
        (("--llm-compare", "no-such-run", "-q"), 4),
        (("-n", "1", "-q"), 5),
    ],
    ids=["help", "collect-only", "usage-error", "xdist-worker"],
)
def test_no_servers_folder_is_left_in_the_temp_dir(tmp_path, args, expected_rc):
    rc, left = run_pytest(tmp_path, *args)
    assert rc == expected_rc
    assert left == []


def test_a_sigkilled_runs_folder_goes_at_the_next_run(tmp_path):
    """pytest SIGKILLed (the OOM killer, a CI limit's kill -9) cannot remove its servers folder; the next run does."""
    temp = tmp_path / "tmp"
    temp.mkdir()
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_hang.py").write_text("import time\n\n\ndef test_hang():\n    time.sleep(600)\n")
    env = {**os.environ, "TMPDIR": str(temp)}
    killed = subprocess.Popen(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-q"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while not list(temp.glob(f"{PREFIX}*/{LOCK_FILE}")) and time.monotonic() < deadline:
            time.sleep(0.1)
        left = list(temp.glob(f"{PREFIX}*"))
        assert len(left) == 1, "the run made no servers folder"
        # while the run lives, another run with the same temp dir leaves its folder alone
        rc, _ = run_pytest_in(temp, project, "--collect-only", "-q", "-k", "nothing")
        assert rc == 5
        assert [p.name for p in temp.glob(f"{PREFIX}*")] == [left[0].name]
    finally:
        killed.send_signal(signal.SIGKILL)
        killed.wait(timeout=30)
    assert left[0].is_dir(), "SIGKILL removed nothing"
    rc, _ = run_pytest_in(temp, project, "--collect-only", "-q", "-k", "nothing")
    assert rc == 5
    assert list(temp.glob(f"{PREFIX}*")) == []


def run_pytest_in(temp: Path, project: Path, *args: str) -> tuple[int, str]:
    """pytest in a child whose TMPDIR is `temp` (shared with an earlier run)."""
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=project,
        env={**os.environ, "TMPDIR": str(temp)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return done.returncode, done.stdout + done.stderr


class TestSweep:
    """servers_folder's rules without pytest: which folders a run removes."""

    def test_a_live_folder_is_kept_and_its_own_remove_takes_it(self, tmp_path):
        folder = ServersFolder(tmp_path)
        assert (folder.path / LOCK_FILE).is_file()
        assert sweep_abandoned(tmp_path) == []  # the lock holds against another descriptor of this very process
        assert folder.path.is_dir()
        folder.remove()
        folder.remove()
        assert not folder.path.exists()

    def test_a_dead_owners_folder_is_removed(self, tmp_path):
        child = subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys, time\nfrom pytest_llmeval.servers_folder import ServersFolder\n"
                f"print(ServersFolder(__import__('pathlib').Path({str(tmp_path)!r})).path, flush=True)\n"
                "time.sleep(600)\n",
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        try:
            assert child.stdout is not None
            made = Path(child.stdout.readline().strip())
            assert made.is_dir()
            (made / ".servers.json").write_text("{}")
            assert sweep_abandoned(tmp_path) == []
        finally:
            child.kill()
            child.wait(timeout=30)
        assert sweep_abandoned(tmp_path) == [made]
        assert not made.exists()

    def test_folders_without_a_lock_links_and_other_names_are_left(self, tmp_path):
        older = tmp_path / f"{PREFIX}older"  # made by a version before the lock (or a moment old)
        older.mkdir()
        target = tmp_path / "target"
        target.mkdir()
        (target / LOCK_FILE).write_text("")
        link = tmp_path / f"{PREFIX}link"
        link.symlink_to(target)
        unrelated = tmp_path / "other-folder"
        unrelated.mkdir()
        (unrelated / LOCK_FILE).write_text("")
        assert sweep_abandoned(tmp_path) == []
        assert older.is_dir() and target.is_dir() and link.is_symlink() and unrelated.is_dir()

    def test_a_lock_file_that_is_a_link_is_not_followed(self, tmp_path):
        folder = tmp_path / f"{PREFIX}linked-lock"
        folder.mkdir()
        (tmp_path / "elsewhere").write_text("")
        (folder / LOCK_FILE).symlink_to(tmp_path / "elsewhere")
        assert sweep_abandoned(tmp_path) == []
        assert folder.is_dir()
