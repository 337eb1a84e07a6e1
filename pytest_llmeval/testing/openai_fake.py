"""The project's one fake OpenAI-compatible server, for tests and client-overhead measurements.

Chat answers can be controlled: `answers` maps a substring of the last user message to the answer
text (the first match wins), or is a callable (request body -> answer); unmatched requests get
`chunks` filler tokens. `reply(path, body, status)` sets a canned JSON reply for any other POST path
(embeddings, rerank); `received` lists every POST (path, JSON body) in order, `queries` every request's query
string (requests are routed by their path alone).

Raw asyncio HTTP/1.1 with keep-alive and chunked SSE; no dependency. It answers
`POST /v1/completions` and `/v1/chat/completions` at once (`max_active`: the most answered at once) with `chunks` token
events (optionally `delay_s` apart), a usage event and `[DONE]`;
`POST /tokenize` with one token per whitespace-separated word plus one (BOS);
`GET /health` with 200; `GET /v1/models` (vLLM's model list: each served name with its `root` folder or hub id,
`parent` and `max_model_len`) only when `models` (served name -> root) is given, and `GET /version` only when
`version` is (both 404 otherwise, as a server without them). `flush_each` yields to the event loop after every
event, so the client sees one network read per token as from a real server.
Prompts containing `FAIL` get HTTP 500, prompts containing `DROP` get a connection closed in mid-stream.
`raw` (request body -> bytes or None) injects any other fault: the bytes it returns are written as the whole reply
(status line, headers, body: a 429, a 200 with an error body, a cut or garbled stream) and the connection is
closed; `HANG` holds the request unanswered (a server that never replies); None answers as usual.

    with FakeServer(chunks=8) as fake:
        Endpoint(fake.base_url, "fake")
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any

HANG = b""  # what `raw` returns for a request the server never answers
RawReply = Callable[[dict[str, Any]], bytes | None]


class FakeServer:
    def __init__(
        self,
        chunks: int = 8,
        delay_s: float = 0.0,
        host: str = "127.0.0.1",
        port: int = 0,
        flush_each: bool = False,
        answers: dict[str, str] | Callable[[dict[str, Any]], str | None] | None = None,
        models: dict[str, str] | None = None,
        parents: dict[str, str] | None = None,
        version: str | None = None,
        raw: RawReply | None = None,
    ) -> None:
        self.chunks = chunks
        self.delay_s = delay_s
        self.flush_each = (
            flush_each  # send every event in its own write (one client read per token, like a real server)
        )
        self.host = host
        self.port = port
        self.requests = 0
        self.active = 0  # completion requests being answered now
        self.max_active = 0  # the most answered at once (requests in flight, as the server saw them)
        self.answers = answers
        self.received: list[tuple[str, dict[str, Any]]] = []
        self.queries: list[str] = []  # the query string of every request, in order ("" for none)
        self.replies: dict[str, tuple[int, Any]] = {}
        self.models = models  # served name -> root (GET /v1/models), None: not served
        self.parents = parents or {}  # served name -> its base model's served name (a LoRA adapter's `parent`)
        self.version = version  # GET /version's vLLM version, None: not served
        self.raw = raw  # a completion request's fault: its whole reply as bytes, HANG, or None (answered as usual)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._server: asyncio.base_events.Server | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    @property
    def url(self) -> str:
        """The server's root URL (no /v1)."""
        return f"http://{self.host}:{self.port}"

    def reply(self, path: str, body: Any, status: int = 200) -> None:
        """Answer POST `path` with this JSON body and status."""
        self.replies[path] = (status, body)

    def answer_for(self, req: dict[str, Any]) -> str | None:
        """The controlled answer for a chat request, or None for filler tokens."""
        if self.answers is None:
            return None
        if callable(self.answers):
            return self.answers(req)
        text = _last_user_text(req)
        return next((answer for needle, answer in self.answers.items() if needle in text), None)

    def model_list(self) -> dict[str, Any]:
        """`GET /v1/models` as vLLM answers it for `models`."""
        entries = [
            {
                "id": name,
                "object": "model",
                "owned_by": "vllm",
                "root": root,
                "parent": self.parents.get(name),
                "max_model_len": 8192,
            }
            for name, root in (self.models or {}).items()
        ]
        return {"object": "list", "data": entries}

    # ------------------------------------------------------------------ running

    async def serve(self) -> None:
        """Serve in the current event loop until cancelled."""
        self._server = await asyncio.start_server(self._handle, self.host, self.port, backlog=1024)
        self.port = self._server.sockets[0].getsockname()[1]
        self._ready.set()
        async with self._server:
            await self._server.serve_forever()

    def start(self) -> FakeServer:
        """Serve from a background thread (own event loop)."""

        def target() -> None:
            self._loop = asyncio.new_event_loop()
            try:
                self._loop.run_until_complete(self.serve())
            except asyncio.CancelledError:
                pass
            finally:
                self._loop.close()

        self._thread = threading.Thread(target=target, name="fake-openai", daemon=True)
        self._thread.start()
        if not self._ready.wait(10):
            raise RuntimeError("fake server did not start")
        return self

    def stop(self) -> None:
        if self._loop is not None and self._server is not None:

            def shutdown() -> None:
                assert self._server is not None
                self._server.close()
                for task in asyncio.all_tasks(self._loop):
                    task.cancel()

            self._loop.call_soon_threadsafe(shutdown)
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ HTTP

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except (asyncio.IncompleteReadError, ConnectionError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                method, target, _ = lines[0].split(" ", 2)
                path, _, query = target.partition("?")  # routed by path; the query is noted (?api-version=...)
                self.queries.append(query)
                headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                if not await self._route(method, path, body, writer):
                    return
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            writer.close()

    async def _route(self, method: str, path: str, body: bytes, writer: asyncio.StreamWriter) -> bool:
        if method == "GET" and path == "/health":
            self._plain(writer, 200, b"")
            return True
        if method == "GET" and path == "/v1/models" and self.models is not None:
            self._plain(writer, 200, json.dumps(self.model_list()).encode(), "application/json")
            return True
        if method == "GET" and path == "/version" and self.version is not None:
            self._plain(writer, 200, json.dumps({"version": self.version}).encode(), "application/json")
            return True
        if method == "POST" and path == "/tokenize":
            data = json.loads(body or b"{}")
            text = data.get("prompt") or " ".join(m.get("content", "") for m in data.get("messages", []))
            count = len(text.split()) + 1
            self._plain(
                writer,
                200,
                json.dumps({"count": count, "max_model_len": 8192, "tokens": []}).encode(),
                "application/json",
            )
            return True
        if method == "POST":
            try:
                data = json.loads(body or b"{}")
            except json.JSONDecodeError:
                data = {}
            self.received.append((path, data))
            if path in self.replies:
                status, payload = self.replies[path]
                self._plain(writer, status, json.dumps(payload).encode(), "application/json")
                return True
            if path in ("/v1/completions", "/v1/chat/completions"):
                self.requests += 1
                self.active += 1
                self.max_active = max(self.max_active, self.active)
                try:
                    return await self._stream(data, chat=path.endswith("chat/completions"), writer=writer)
                finally:
                    self.active -= 1
        self._plain(writer, 404, b'{"error": {"message": "not found"}}', "application/json")
        return True

    @staticmethod
    def _plain(writer: asyncio.StreamWriter, status: int, payload: bytes, ctype: str = "text/plain") -> None:
        writer.write(
            f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\nContent-Length: {len(payload)}\r\n\r\n".encode() + payload
        )

    async def _stream(self, req: dict[str, Any], chat: bool, writer: asyncio.StreamWriter) -> bool:
        fault = self.raw(req) if self.raw is not None else None
        if fault is not None:
            if fault == HANG:
                await asyncio.sleep(3600)  # cancelled when the server stops
            writer.write(fault)
            await writer.drain()
            return False  # the reply is all there is: the connection closes
        prompt = req.get("prompt") or " ".join(_text(m.get("content")) for m in req.get("messages", []))
        if "FAIL" in prompt:
            self._plain(writer, 500, b'{"error": {"message": "injected failure"}}', "application/json")
            return True
        answer = self.answer_for(req) if chat else None
        if chat and not req.get("stream"):  # a plain (non-streamed) chat completion
            text = answer if answer is not None else " ".join(f"t{i}" for i in range(self.chunks))
            body = {
                "id": "x",
                "object": "chat.completion",
                "model": req.get("model"),
                "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
                "usage": {
                    "prompt_tokens": len(prompt.split()) + 1,
                    "completion_tokens": len(text),
                    "total_tokens": len(prompt.split()) + 1 + len(text),
                },
            }
            self._plain(writer, 200, json.dumps(body).encode(), "application/json")
            return True
        pieces = _split_answer(answer) if answer is not None else None
        n = len(pieces) if pieces is not None else min(self.chunks, int(req.get("max_tokens") or self.chunks))
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n")
        for i in range(n):
            if "DROP" in prompt and i == n // 2:
                await writer.drain()
                return False  # close mid-stream
            last = i == n - 1
            if chat:
                piece = pieces[i] if pieces is not None else f" t{i}"
                finish = ("stop" if pieces is not None else "length") if last else None
                choice = {"index": 0, "delta": {"content": piece}, "finish_reason": finish}
                event = {"id": "x", "object": "chat.completion.chunk", "model": req.get("model"), "choices": [choice]}
            else:
                choice = {"index": 0, "text": f" t{i}", "finish_reason": "length" if last else None}
                event = {"id": "x", "object": "text_completion", "model": req.get("model"), "choices": [choice]}
            _chunk(writer, b"data: " + json.dumps(event).encode() + b"\n\n")
            if self.delay_s or self.flush_each:
                await writer.drain()
                await asyncio.sleep(self.delay_s)
        usage = {
            "prompt_tokens": len(prompt.split()) + 1,
            "completion_tokens": n,
            "total_tokens": len(prompt.split()) + 1 + n,
        }
        _chunk(writer, b"data: " + json.dumps({"id": "x", "choices": [], "usage": usage}).encode() + b"\n\n")
        _chunk(writer, b"data: [DONE]\n\n")
        writer.write(b"0\r\n\r\n")
        await writer.drain()
        return True


def _text(content: Any) -> str:
    """The text of a message's content: a string, or the text parts of a content-part list."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return " ".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def _last_user_text(req: dict[str, Any]) -> str:
    users = [m for m in req.get("messages", []) if m.get("role") == "user"]
    return _text(users[-1].get("content")) if users else str(req.get("prompt", ""))


def _split_answer(answer: str, size: int = 4) -> list[str]:
    """An answer in stream pieces of a few characters (at least one piece)."""
    return [answer[i : i + size] for i in range(0, len(answer), size)] or [""]


def _chunk(writer: asyncio.StreamWriter, data: bytes) -> None:
    writer.write(b"%x\r\n%s\r\n" % (len(data), data))
