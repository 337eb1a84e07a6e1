"""The run's servers: one per model, launched on demand and stopped when released.

`ServerPool` turns a `ModelSpec` into a running endpoint - a `VLLMServer` it
owns, or an `AttachedServer` for `--llm-base-url` - and records every launch.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .embedded import EMBEDDED_SERVER_DEFAULTS, prepare_embedded_model
from .endpoint import Endpoint
from .memory import MemorySampler
from .models import ModelSpec
from .server import AttachedServer, ServerSettings, ServerStartError, VLLMServer, check_model_source, log_tail, redact


def server_settings_for(spec: ModelSpec, settings: ServerSettings) -> tuple[str, ServerSettings]:
    """The model path and the server settings for one model (embedded defaults filled in)."""
    if not spec.embedded:
        return spec.source, settings
    model = prepare_embedded_model()
    defaults: dict[str, Any] = {**EMBEDDED_SERVER_DEFAULTS, "chat_template": str(model.chat_template)}
    filled = {k: v for k, v in defaults.items() if getattr(settings, k) is None}
    return str(model.path), dataclasses.replace(settings, **filled)


def visible_gpus(settings: ServerSettings) -> list[int] | None:
    """NVML indices of the GPUs given to the server (--llm-gpus), or None for all.

    Assumes CUDA_DEVICE_ORDER=PCI_BUS_ID-style numbering, which is what NVML uses.
    """
    devices = settings.cuda_visible_devices
    if not devices or not all(part.strip().isdigit() for part in devices.split(",")):
        return None
    return [int(part) for part in devices.split(",")]


def wait_until(condition: Callable[[], bool], wait_s: float, poll_s: float = 0.05) -> bool:
    """Whether `condition` holds now or within `wait_s` seconds."""
    deadline = time.monotonic() + wait_s
    while not condition():
        if time.monotonic() >= deadline:
            return False
        time.sleep(poll_s)
    return True


class ServerPool:
    def __init__(
        self,
        settings: ServerSettings,
        log_dir: Path,
        on_launch: Callable[[dict[str, Any], Endpoint | None], None],
        progress: Callable[[str], None],
        on_release: Callable[[str, dict[str, Any]], None] | None = None,
    ) -> None:
        self.settings = settings
        self.log_dir = log_dir
        self.on_launch = on_launch
        self.on_release = on_release or (lambda _label, _info: None)
        self.progress = progress
        self._running: dict[str, VLLMServer | AttachedServer] = {}
        self._memory: dict[str, MemorySampler] = {}

    def pid(self, label: str) -> int | None:
        """The server process of a model this pool launched (None when attached or not running)."""
        server = self._running.get(label)
        return server.pid if server is not None else None

    def model_path(self, label: str) -> str | None:
        """The model directory of a server this pool launched (None when attached or not running)."""
        server = self._running.get(label)
        return server.model_path if isinstance(server, VLLMServer) else None

    def acquire(self, spec: ModelSpec) -> Endpoint:
        server = self._running.get(spec.label)
        if server is not None:
            return server.endpoint
        if self.settings.base_url:
            server = AttachedServer(
                self.settings.base_url, spec.source if not spec.embedded else spec.label, self.settings.api_key_env
            )
            server.start()
            self._running[spec.label] = server
            self.on_launch(
                {"model": spec.label, "attached": True, "base_url": self.settings.base_url, "pid": None, "port": None},
                server.endpoint,
            )
            return server.endpoint
        path, server_settings = server_settings_for(spec, self.settings)
        if not spec.embedded:
            try:
                check_model_source(path, spec.label)
            except ServerStartError as exc:
                self.on_launch(
                    {
                        "model": spec.label,
                        "attached": False,
                        "source": spec.source,
                        "pid": None,
                        "port": None,
                        "error": str(exc),
                    },
                    None,
                )
                raise
        log = self.log_dir / f"vllm-{spec.label}-{time.strftime('%Y%m%d-%H%M%S')}.log"
        server = VLLMServer(path, spec.label, server_settings, log, progress=self.progress)
        self.progress(f"starting vLLM for {spec.label} ({path}); log: {log}")
        launch: dict[str, Any] = {
            "model": spec.label,
            "attached": False,
            "source": spec.source,
            "path": path,
            "log": str(log),
        }
        try:
            server.start()
        except ServerStartError as exc:  # a failed launch is part of the record too
            self.on_launch({**launch, "port": server.port, "error": str(exc).splitlines()[0]}, None)
            raise
        self._running[spec.label] = server
        # GPU memory through NVML when there is a GPU, else the server tree's RSS, while the model serves.
        self._memory[spec.label] = MemorySampler(pid=server.pid, devices=visible_gpus(server_settings)).start()
        self.progress(f"vLLM for {spec.label} ready on port {server.port} after {server.ready_s:.0f} s")
        self.on_launch(
            {
                **launch,
                "pid": server.pid,
                "port": server.port,
                "base_url": server.base_url,
                "ready_s": round(server.ready_s or 0, 1),
                "command": redact(server.command()),
                "started_at": server.started_at,
            },
            server.endpoint,
        )
        return server.endpoint

    def exit_code(self, label: str) -> int | None:
        """The exit code of a launched server that has died (None while it runs, or when attached)."""
        server = self._running.get(label)
        return server.exit_code() if isinstance(server, VLLMServer) else None

    def dead(self, label: str, wait_s: float = 0.0) -> bool:
        """Whether a server this pool launched has exited on its own; with `wait_s`, polls that long for it (a
        request can see the connection reset a moment before the killed process can be reaped)."""
        if not isinstance(self._running.get(label), VLLMServer):
            return False
        return wait_until(lambda: self.exit_code(label) is not None, wait_s)

    def log_tail(self, label: str, lines: int = 20) -> str | None:
        server = self._running.get(label)
        return log_tail(server.log_path, lines) if isinstance(server, VLLMServer) else None

    def log_path(self, label: str) -> str | None:
        server = self._running.get(label)
        return str(server.log_path) if isinstance(server, VLLMServer) else None

    def release(self, label: str) -> None:
        """Stop a model's server; `on_release` gets what its run left: memory samples, the stop time, and
        the exit code when the server had died on its own before the stop."""
        sampler = self._memory.pop(label, None)
        memory = sampler.stop() if sampler is not None else None
        server = self._running.pop(label, None)
        if server is None:
            return
        died = server.exit_code() if isinstance(server, VLLMServer) else None
        server.stop()
        if isinstance(server, VLLMServer):
            self.on_release(label, {"memory": memory, "stopped_at": time.time(), "died_with": died})

    def release_all(self) -> None:
        for label in list(self._running):
            self.release(label)
