"""Drive headless Chromium over the DevTools protocol (aiohttp websocket; no extra dependency): open a page,
collect console errors and uncaught exceptions, evaluate script, take a screenshot. Used by the browser
test of report.html and by benchmarks/bench_report.py.

    with Browser() as browser:
        page = browser.open(Path("report.html"))
        page.evaluate("document.title"); page.errors; page.screenshot(Path("shot.png"))
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-port=0",
    "--window-size=1400,1000",
]


class BrowserUnavailable(RuntimeError):
    """No Chromium on this machine; the message says how to install it."""


def find_chromium() -> str:
    for name in CHROMIUM_NAMES:
        path = shutil.which(name)
        if path:
            return path
    raise BrowserUnavailable(
        "no chromium on PATH. Fix: apt-get install -y chromium (Debian), which the "
        "README's test command does where it can"
    )


class Page:
    def __init__(self, browser: Browser, ws_url: str) -> None:
        self.browser = browser
        self.ws_url = ws_url
        self.errors: list[str] = []
        self.load_s: float | None = None
        self._id = 0
        self._ws: Any = None
        self._pending: dict[int, asyncio.Future[Any]] = {}
        self._events: list[dict[str, Any]] = []

    async def _connect(self) -> None:
        import aiohttp

        self._session = aiohttp.ClientSession()
        self._ws = await self._session.ws_connect(self.ws_url, max_msg_size=0)
        self._reader = asyncio.ensure_future(self._read())
        for domain in ("Runtime.enable", "Log.enable", "Page.enable"):
            await self.send(domain)

    async def _read(self) -> None:
        async for message in self._ws:
            data = json.loads(message.data)
            if "id" in data and data["id"] in self._pending:
                self._pending.pop(data["id"]).set_result(data)
                continue
            method = data.get("method")
            params = data.get("params", {})
            self._events.append(data)
            if method == "Runtime.exceptionThrown":
                details = params.get("exceptionDetails", {})
                self.errors.append(
                    "exception: " + str(details.get("exception", {}).get("description") or details.get("text"))
                )
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                self.errors.append(
                    "console: " + " ".join(str(a.get("value", a.get("description"))) for a in params.get("args", []))
                )
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                self.errors.append("log: " + str(params["entry"].get("text")) + " " + str(params["entry"].get("url")))

    async def send(self, method: str, **params: Any) -> Any:
        self._id += 1
        future: asyncio.Future[Any] = asyncio.get_running_loop().create_future()
        self._pending[self._id] = future
        await self._ws.send_str(json.dumps({"id": self._id, "method": method, "params": params}))
        reply = await asyncio.wait_for(future, 60)
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    async def _navigate(self, url: str) -> float:
        start = time.perf_counter()
        self._events.clear()
        await self.send("Page.navigate", url=url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if any(e.get("method") == "Page.loadEventFired" for e in self._events):
                return time.perf_counter() - start
            await asyncio.sleep(0.02)
        raise TimeoutError(f"{url} did not finish loading in 60 s")

    def navigate(self, path: Path) -> float:
        """Open a file; returns seconds until the load event."""
        return self.browser.run(self._navigate(path.resolve().as_uri()))

    def evaluate(self, expression: str) -> Any:
        result = self.browser.run(
            self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        )
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails'].get('text')}")
        return result.get("result", {}).get("value")

    def screenshot(self, path: Path, full_page: bool = True) -> Path:
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            metrics = self.browser.run(self.send("Page.getLayoutMetrics"))
            size = metrics.get("cssContentSize") or metrics.get("contentSize")
            params.update(
                captureBeyondViewport=True,
                clip={"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1},
            )
        data = self.browser.run(self.send("Page.captureScreenshot", **params))["data"]
        path.write_bytes(base64.b64decode(data))
        return path

    async def _close(self) -> None:
        if self._ws is not None:
            await self._ws.close()
            await self._session.close()


class Browser:
    """A headless Chromium with its own profile, stopped on exit."""

    def __init__(self, executable: str | None = None) -> None:
        self.executable = executable or find_chromium()
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._profile = tempfile.mkdtemp(prefix="llmeval-chromium-")
        self._proc: subprocess.Popen[bytes] | None = None
        self._pages: list[Page] = []

    @property
    def profile(self) -> Path:
        """The browser's own folder (its profile and its temp files), removed on exit."""
        return Path(self._profile)

    def run(self, coroutine: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(120)

    def __enter__(self) -> Browser:
        self._thread.start()
        self._proc = subprocess.Popen(
            [self.executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
            # Chromium's own temp folder (org.chromium.Chromium.XXXXXX, left in /tmp at each run) inside the profile
            env={**os.environ, "TMPDIR": self._profile},
        )
        port_file = Path(self._profile) / "DevToolsActivePort"
        deadline = time.monotonic() + 30
        while not port_file.is_file() or not port_file.read_text().strip():
            if time.monotonic() > deadline or self._proc.poll() is not None:
                self.__exit__()
                raise BrowserUnavailable(f"{self.executable} did not start (exit code {self._proc.poll()})")
            time.sleep(0.1)
        self.port = int(port_file.read_text().split()[0])
        return self

    def open(self, path: Path | None = None) -> Page:
        import urllib.request

        with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list") as response:
            targets = json.load(response)
        page_target = next(t for t in targets if t.get("type") == "page")
        page = Page(self, page_target["webSocketDebuggerUrl"])
        self.run(page._connect())
        self._pages.append(page)
        if path is not None:
            page.load_s = page.navigate(path)
        return page

    def __exit__(self, *exc: object) -> None:
        for page in self._pages:
            try:
                self.run(page._close())
            except Exception:  # closing is best effort; the process is killed below
                pass
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)
        shutil.rmtree(self._profile, ignore_errors=True)
