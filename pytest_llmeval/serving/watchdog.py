"""A watchdog that outlives pytest: `python -m pytest_llmeval.serving.watchdog PID [SCRATCH]`.

Started next to every launched server, in its own session, with the read end of a pipe on stdin whose
write end only the pytest process holds. When pytest ends in any way - a normal stop, Ctrl-C, or SIGKILL
from a CI time limit or the OOM killer - the pipe closes and the watchdog kills the server's process
group and every process it has seen in the server's tree (vLLM's EngineCore and workers included, which
Linux's parent-death signal does not reach), then exits. While it waits it refreshes that list every
second, so children re-parented to init after the API server died are still found. SCRATCH, the server's own
temp folder (serving/scratch.py), is removed after the kill.
"""

from __future__ import annotations

import os
import select
import signal
import sys


def tree(pid: int) -> set[int]:
    import psutil

    try:
        root = psutil.Process(pid)
        return {pid, *(p.pid for p in root.children(recursive=True))}
    except psutil.Error:
        return set()


def kill_all(pgid: int, pids: set[int]) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def main(argv: list[str]) -> int:
    pid = int(argv[0])
    seen = tree(pid)
    while True:
        ready, _, _ = select.select([sys.stdin], [], [], 1.0)
        if ready and not os.read(sys.stdin.fileno(), 4096):  # EOF: the pytest process is gone or done
            break
        seen |= tree(pid)
    kill_all(pid, seen)
    if len(argv) > 1:
        from .scratch import remove_scratch

        remove_scratch(argv[1])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
