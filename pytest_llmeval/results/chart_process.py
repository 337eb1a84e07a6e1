"""The report's charts drawn in a child process, so that importing matplotlib (~0.3 s) and drawing happen on
another core: the session starts the child when it starts (it imports matplotlib while the tests run) and
sends it the charts' data at the end: `send` as soon as that data is final (the child draws while this process
writes the other reports), and `render` collects the charts (sending first when `send` was not called).
Anything wrong with the child (it died, hung, answered nonsense, was sent other data) only makes `render` draw
the charts in this process, as without a child: the report keeps its charts and never waits more than about
`timeout_s` for them.

The child reads one line, the JSON of `charts.chart_input(doc)`, writes the JSON list of [title, svg] and
exits. It exits at once, drawing nothing, when its stdin ends without a line (the parent closed it or died),
and when its parent dies while a forked process of the parent still holds that stdin open.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from types import TracebackType
from typing import IO, Any

from .charts import chart_input, render_all

log = logging.getLogger(__name__)

MODULE = "pytest_llmeval.results.chart_process"
DEFAULT_TIMEOUT_S = 60.0
PARENT_POLL_S = 1.0


class ChartProcessError(RuntimeError):
    """The child gave no usable charts: render draws them in this process."""


class ChartProcess:
    """One child, used once: `start()` early, `render(doc)` at the end (or `send(doc)` as soon as the charts'
    data is final and `render(doc)` later, so that the child draws while this process does other work), and
    `close()` in a finally."""

    def __init__(self, proc: subprocess.Popen[bytes] | None, stderr: IO[bytes] | None = None) -> None:
        self.proc = proc
        self._stderr = stderr  # a temporary file: nothing to drain while the tests run, read when the child fails
        self._sent: bytes | None = None  # the line sent to the child
        self._exchange: threading.Thread | None = None  # sends the line and reads the answer
        self._answer: bytes | None = None
        self._deadline = 0.0  # time.monotonic() after which render stops waiting for the answer
        self._failure: BaseException | None = None  # what the exchange raised
        self.last_source: str | None = None  # after render: "child", or "in-process" when the child gave nothing
        self.last_error: str | None = None  # why the child gave nothing, when it did not

    @classmethod
    def start(cls) -> ChartProcess:
        """Start the child; never raises (a child that cannot start leaves render to draw in this process)."""
        stderr: IO[bytes] | None = None
        try:
            stderr = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close() or render()
            proc = subprocess.Popen(
                [sys.executable, "-m", MODULE, str(os.getpid())],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
            )
        except (OSError, ValueError) as exc:
            log.debug("cannot start the chart process (%s): the charts are drawn in this process", exc)
            if stderr is not None:
                stderr.close()
            process = cls(None)
            process.last_error = f"cannot start: {exc}"
            return process
        return cls(proc, stderr)

    def send(self, doc: dict[str, Any], timeout_s: float = DEFAULT_TIMEOUT_S) -> None:
        """Have the child draw the charts of `doc` (its chart data as it is now) while this process goes on;
        `render` collects them. Returns at once and never raises; a second send is ignored."""
        proc = self.proc
        if proc is None or self._exchange is not None:
            return
        try:
            self._sent = _line(doc)
        except Exception as exc:  # render draws here, and fails there the same way if the document is broken
            self.last_error = f"{type(exc).__name__}: {exc}"
            self.close()
            return
        self._deadline = time.monotonic() + timeout_s
        self._exchange = threading.Thread(target=self._talk, args=(proc, self._sent), name="chart-process", daemon=True)
        self._exchange.start()

    def _talk(self, proc: subprocess.Popen[bytes], line: bytes) -> None:
        """Blocking writes and reads, which let go of the GIL once each (communicate with a timeout writes
        512 bytes at a time, each waiting for the GIL: the main thread's work slowed it down by half). The
        timeout is render's: it kills the child, which ends both."""
        assert proc.stdin is not None and proc.stdout is not None
        try:
            try:
                proc.stdin.write(line)
            finally:
                with contextlib.suppress(OSError):
                    proc.stdin.close()
            self._answer = proc.stdout.read()
            proc.wait()
        except BaseException as exc:  # noqa: BLE001 - handed to render, which draws the charts here
            self._failure = exc

    def render(self, doc: dict[str, Any], timeout_s: float = DEFAULT_TIMEOUT_S) -> list[tuple[str, str]]:
        """(title, SVG) of every chart, as `charts.render_all(doc)` gives them: from the child, or drawn here
        when the child fails, was already used, or was sent other chart data than `doc` has. Waits at most
        about `timeout_s` for the child (counted from `send` when that came first)."""
        self.send(doc, timeout_s)
        proc, exchange, sent = self.proc, self._exchange, self._sent
        self.proc, self._exchange, self._sent = None, None, None
        if proc is not None and exchange is not None:
            try:
                charts = self._collect(proc, exchange, sent, doc)
            except Exception as exc:  # whatever went wrong, the charts are drawn here
                self.last_error = f"{type(exc).__name__}: {exc}"
                log.debug(
                    "the chart process gave no charts (%s); drawing them in this process%s",
                    self.last_error,
                    self._stderr_tail(),
                )
            else:
                self.last_error = None
                self.last_source = "child"
                return charts
            finally:
                _reap(proc, exchange)
                self._close_stderr()
        elif self.last_source is not None or self.last_error is None:
            self.last_error = "no chart process: already used or closed"
        self.last_source = "in-process"
        return render_all(doc)

    def _collect(
        self,
        proc: subprocess.Popen[bytes],
        exchange: threading.Thread,
        sent: bytes | None,
        doc: dict[str, Any],
    ) -> list[tuple[str, str]]:
        if _line(doc) != sent:  # checked while the child draws
            raise ChartProcessError("the document's chart data changed since it was sent")
        exchange.join(max(0.0, self._deadline - time.monotonic()))
        if exchange.is_alive():
            raise ChartProcessError("timeout: no answer")
        if self._failure is not None:
            raise ChartProcessError(f"{type(self._failure).__name__}: {self._failure}") from self._failure
        if proc.returncode != 0:
            raise ChartProcessError(f"exit status {proc.returncode}")
        out = self._answer or b""
        answer = json.loads(out)
        if not isinstance(answer, list) or not all(
            isinstance(item, list) and len(item) == 2 and all(isinstance(s, str) for s in item) for item in answer
        ):
            raise ChartProcessError(f"unexpected answer: {out[:200]!r}")
        return [(title, svg) for title, svg in answer]

    def _stderr_tail(self) -> str:
        if self._stderr is None:
            return ""
        try:
            self._stderr.seek(0, os.SEEK_END)
            self._stderr.seek(max(0, self._stderr.tell() - 2000))
            tail = self._stderr.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return f"; its stderr ends with:\n{tail}" if tail else ""

    def _close_stderr(self) -> None:
        if self._stderr is not None:
            with contextlib.suppress(OSError):
                self._stderr.close()
            self._stderr = None

    def close(self) -> None:
        """Kill and reap the child if it still runs (a render that was never asked for); idempotent."""
        proc, exchange = self.proc, self._exchange
        self.proc, self._exchange, self._sent = None, None, None
        if proc is not None:
            _reap(proc, exchange)
        self._close_stderr()

    def __enter__(self) -> ChartProcess:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def _line(doc: dict[str, Any]) -> bytes:
    """What the child is sent: the chart data of `doc` as one line (JSON escapes the newlines in strings)."""
    return (json.dumps(chart_input(doc), separators=(",", ":")) + "\n").encode("ascii")


def _reap(proc: subprocess.Popen[bytes], exchange: threading.Thread | None = None) -> None:
    if proc.poll() is None:
        with contextlib.suppress(OSError):
            proc.kill()
    if exchange is not None:
        exchange.join(5)  # it reads the end of the killed child's output: done before its pipes are closed
    for stream in (proc.stdin, proc.stdout):
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=5)


def _exit_with_parent(parent: int) -> None:
    """Exit when the parent dies, even if its stdin never ends (a forked child of the parent holds it open).
    The parent's pid comes from the command line: a parent that dies while this starts is already gone here."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_POLL_S)
        os._exit(0)

    threading.Thread(target=watch, name="chart-process-parent", daemon=True).start()


def main(argv: list[str]) -> int:
    with contextlib.suppress(ValueError, OSError):  # a Ctrl-C of the run is for the parent, which still wants charts
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    if argv:
        _exit_with_parent(int(argv[0]))
    import matplotlib.backends.backend_svg  # noqa: F401 - imported now, while the parent's tests run
    import matplotlib.figure  # noqa: F401

    line = sys.stdin.buffer.readline()
    if not line.strip():
        return 0  # the parent is done without charts, or died
    charts = render_all(json.loads(line))
    sys.stdout.write(json.dumps(charts))
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    status = main(sys.argv[1:])
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)  # no interpreter teardown (~70 ms with matplotlib loaded): the parent is waiting
