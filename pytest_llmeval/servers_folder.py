"""The controller's private temp folder (the servers' note its xdist workers read), and the folders of runs that died.

pytest removes the folder when it unconfigures. A run that is SIGKILLed (the OOM killer, a CI limit's `kill -9`)
cannot: its folder would stay in the temp dir for good, one per killed run. So the folder holds a lock for as long
as its run lives - an `flock`, which the kernel drops when the process ends, however it ends, and which holds across
PID namespaces (a container sharing /tmp: a PID says nothing there) - and every later run removes the folders whose
lock it can take. A folder without the lock file (made by a version before this one, or a moment old) is left
alone.

The lock file is locked under a private name and then renamed into place, so a folder's lock file is never seen
unlocked while its run lives. `fcntl.flock` directly, not `filelock`: filelock opens the path it locks itself, and
the rename that closes that window needs the descriptor. Where there is no `fcntl` (Windows, which vLLM does not
run on) the folder has no lock and nothing is swept.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX
    fcntl = None  # type: ignore[assignment]

PREFIX = "llmeval-servers-"
LOCK_FILE = ".owner.lock"  # locked by the run that made the folder, for as long as it lives


class ServersFolder:
    """A new private folder (mode 0700) under the temp dir, locked by this process until `remove`."""

    def __init__(self, temp_root: Path | None = None) -> None:
        self.path = Path(tempfile.mkdtemp(prefix=PREFIX, dir=temp_root))
        self._lock_fd: int | None = None
        if fcntl is not None:
            staging = self.path / f"{LOCK_FILE}.new"
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            os.rename(staging, self.path / LOCK_FILE)
            self._lock_fd = fd

    def remove(self) -> None:
        """Remove the folder and drop its lock (idempotent)."""
        shutil.rmtree(self.path, ignore_errors=True)
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def _own_folder(path: Path) -> bool:
    """A real folder (not a link) of this user: a shared temp dir holds other users' names too."""
    try:
        info = path.lstat()
    except OSError:
        return False
    return stat.S_ISDIR(info.st_mode) and info.st_uid == os.getuid()


def sweep_abandoned(temp_root: Path | None = None) -> list[Path]:
    """Remove the servers folders whose run has ended without removing them (its lock is free); the removed."""
    if fcntl is None:
        return []
    root = Path(temp_root or tempfile.gettempdir())
    removed = []
    try:
        candidates = [p for p in root.iterdir() if p.name.startswith(PREFIX)]
    except OSError:
        return []
    for folder in candidates:
        if not _own_folder(folder):
            continue
        try:
            fd = os.open(folder / LOCK_FILE, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:  # no lock file (an older version's folder, one being made), not ours to read, gone
            continue
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # its run still lives
            os.close(fd)
            continue
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            os.close(fd)
        removed.append(folder)
    return removed
