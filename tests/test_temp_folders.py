"""The controller's private temp folder (the servers' note for xdist workers) never outlives pytest: not after a
run, and not where pytest configured the plugin and ran no session (--help, a usage error)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PREFIX = "llmeval-servers-"


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
