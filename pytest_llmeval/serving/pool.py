"""The run's servers: one per model, launched on demand and stopped when released.

`ServerPool` turns a `ModelSpec` into a running endpoint - a `VLLMServer` it
owns, or an `AttachedServer` for `--llm-base-url` - and records every launch.
"""

from __future__ import annotations

import dataclasses
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .embedded import EMBEDDED_SERVER_DEFAULTS, embedded_vllm_args, prepare_embedded_model
from .endpoint import Endpoint, public_url
from .memory import MemorySampler
from .models import ModelSpec, model_server_settings
from .server import AttachedServer, ServerSettings, ServerStartError, VLLMServer, check_model_source, log_tail, redact

if TYPE_CHECKING:
    from .placement import Plan


def server_settings_for(spec: ModelSpec, settings: ServerSettings) -> tuple[str, ServerSettings]:
    """The model path and the server settings for one model (embedded defaults filled in)."""
    if not spec.embedded:
        return spec.source, settings
    model = prepare_embedded_model()
    defaults: dict[str, Any] = {**EMBEDDED_SERVER_DEFAULTS, "chat_template": str(model.chat_template)}
    filled = {k: v for k, v in defaults.items() if getattr(settings, k) is None}
    filled["extra_args"] = embedded_vllm_args(settings.extra_args)  # -O0 unless the user chose a compilation
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
        placement: Plan | None = None,
        wave_mates_on_demand: bool = False,
    ) -> None:
        self.settings = settings
        # --llm-cache: a placement wave's other models start on their own first uncached answer, not with the
        # first model of the wave (a model whose answers are all cached never starts)
        self.wave_mates_on_demand = wave_mates_on_demand
        self.log_dir = log_dir
        self.on_launch = on_launch
        self.on_release = on_release or (lambda _label, _info: None)
        self.progress = progress
        self._running: dict[str, VLLMServer | AttachedServer] = {}
        self._memory: dict[str, MemorySampler] = {}
        self._endpoints: dict[str, Endpoint] = {}
        self.placement = placement  # --llm-placement auto: which models start together, on which GPUs
        self._failed: dict[str, BaseException] = {}  # a wave-mate's failed start, raised when it is acquired
        self._released: set[str] = set()  # models whose server was stopped (not started again with their wave)
        self._report_lock = threading.RLock()

    def pid(self, label: str) -> int | None:
        """The server process of a model this pool launched (None when attached or not running)."""
        server = self._running.get(label)
        return server.pid if server is not None else None

    def model_path(self, label: str) -> str | None:
        """The model directory of a server this pool launched (None when attached or not running)."""
        server = self._running.get(label)
        return server.model_path if isinstance(server, VLLMServer) else None

    def acquire(self, spec: ModelSpec) -> Endpoint:
        endpoint = self._endpoints.get(spec.label)
        if endpoint is not None and spec.label in self._running:
            return endpoint
        failed = self._failed.pop(spec.label, None)
        if failed is not None:  # started ahead with its placement wave, and that start failed
            raise failed
        settings = model_server_settings(spec, self.settings)
        if settings.base_url:
            return self._attach(spec, settings)
        if self.placement is not None and self.placement.wave_of(spec.label) is not None:
            return self._acquire_wave(spec)
        return self._launch(spec, settings)

    def _attach(self, spec: ModelSpec, settings: ServerSettings) -> Endpoint:
        urls = list(settings.base_urls) or [settings.base_url or ""]
        server = AttachedServer(urls[0], spec.source if not spec.embedded else spec.label, settings.api_key_env)
        server.start()
        endpoint = dataclasses.replace(server.endpoint, urls=tuple(urls)) if len(urls) > 1 else server.endpoint
        self._running[spec.label] = server
        self._endpoints[spec.label] = endpoint
        launch: dict[str, Any] = {
            "model": spec.label,
            "attached": True,
            "base_url": public_url(urls[0]),
            "pid": None,
            "port": None,
        }
        if len(urls) > 1:
            launch["endpoints"] = [public_url(u) for u in urls]
        self._report(launch, endpoint)
        return endpoint

    def _acquire_wave(self, spec: ModelSpec) -> Endpoint:
        """--llm-placement auto: stop the servers of other waves (their models are done: waves run in model
        order), then start this model's whole wave at once - servers on disjoint GPUs, starting side by side."""
        assert self.placement is not None
        wave = self.placement.wave_of(spec.label)
        assert wave is not None
        for label in list(self._running):
            if self.placement.wave_of(label) not in (None, wave):
                self.release(label)
        mates = [
            m
            for m in self.placement.wave_specs(wave)
            if m.label != spec.label and m.label not in self._running and m.label not in self._released
        ]
        if mates and self.wave_mates_on_demand:
            self.progress(
                f"placement: wave {wave + 1}: starting {spec.label}; {', '.join(m.label for m in mates)} wait for a "
                "first uncached answer (--llm-cache)"
            )
            mates = []
        if mates:
            self.progress(f"placement: wave {wave + 1}: starting {', '.join(m.label for m in [spec, *mates])} together")
        # the processes are started here, in this thread (PR_SET_PDEATHSIG follows the forking thread); only the
        # waits for /health run side by side
        spec = self.placement.specs.get(spec.label, spec)
        spawned: list[tuple[ModelSpec, VLLMServer, ServerSettings, dict[str, Any]]] = []
        own_error: BaseException | None = None
        for model in [spec, *mates]:
            try:
                spawned.append((model, *self._spawn(model, model_server_settings(model, self.settings))))
            except ServerStartError as exc:
                if model is spec:
                    own_error = exc
                else:
                    self._failed[model.label] = exc
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=max(len(spawned), 1), thread_name_prefix="llmeval-wait") as executor:
            futures = {m.label: executor.submit(self._finish, m, srv, ss, info) for m, srv, ss, info in spawned}
        endpoint: Endpoint | None = None
        for label, future in futures.items():
            error = future.exception()
            if label == spec.label:
                own_error = own_error or error
                endpoint = None if error is not None else future.result()
            elif error is not None:
                self._failed[label] = error
        if own_error is not None:
            raise own_error
        assert endpoint is not None
        return endpoint

    def _report(self, launch: dict[str, Any], endpoint: Endpoint | None) -> None:
        with self._report_lock:  # a placement wave's servers become ready in several threads
            self.on_launch(launch, endpoint)

    def _launch(self, spec: ModelSpec, settings: ServerSettings) -> Endpoint:
        return self._finish(spec, *self._spawn(spec, settings))

    def _spawn(self, spec: ModelSpec, settings: ServerSettings) -> tuple[VLLMServer, ServerSettings, dict[str, Any]]:
        """Check the model and start its server process, without waiting for it."""
        path, server_settings = server_settings_for(spec, settings)
        if not spec.embedded:
            try:
                check_model_source(path, spec.label, server_settings.extra_args, server_settings.env)
            except ServerStartError as exc:
                self._report(
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
        gpus = server_settings.cuda_visible_devices
        self.progress(f"starting vLLM for {spec.label} ({path}){f' on GPUs {gpus}' if gpus else ''}; log: {log}")
        launch: dict[str, Any] = {
            "model": spec.label,
            "attached": False,
            "source": spec.source,
            "path": path,
            "log": str(log),
        }
        if gpus is not None:
            launch["gpus"] = gpus
        server.launch()
        return server, server_settings, launch

    def _finish(
        self, spec: ModelSpec, server: VLLMServer, server_settings: ServerSettings, launch: dict[str, Any]
    ) -> Endpoint:
        """Wait for a spawned server's /health; record the launch (a failed one too)."""
        try:
            server.wait_ready()
        except ServerStartError as exc:  # a failed launch is part of the record too
            self._report({**launch, "port": server.port, "error": str(exc).splitlines()[0]}, None)
            raise
        with self._report_lock:
            self._running[spec.label] = server
            self._endpoints[spec.label] = server.endpoint
            self._released.discard(spec.label)
        # GPU memory through NVML when there is a GPU, else the server tree's RSS, while the model serves.
        self._memory[spec.label] = MemorySampler(pid=server.pid, devices=visible_gpus(server_settings)).start()
        self.progress(f"vLLM for {spec.label} ready on port {server.port} after {server.ready_s:.0f} s")
        self._report(
            {
                **launch,
                "pid": server.pid,
                "port": server.port,
                "base_url": server.base_url,
                "ready_s": round(server.ready_s or 0, 1),
                "command": redact(server.command(), every_value=True),
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
        self._endpoints.pop(label, None)
        if server is None:
            return
        self._released.add(label)
        died = server.stop()
        if isinstance(server, VLLMServer):
            self.on_release(label, {"memory": memory, "stopped_at": time.time(), "died_with": died})

    def release_all(self) -> None:
        for label in list(self._running):
            self.release(label)
