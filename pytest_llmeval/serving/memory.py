"""Memory sampling while a model serves: GPU memory from NVML, else the server's RSS.

    with MemorySampler(pid=server.pid) as sampler:
        run_the_load()
    sampler.result  # {"source": "nvml"|"rss"|"none", "peak_mib", "steady_mib", "samples", ...}

- "nvml": NVML (`pip install nvidia-ml-py`, imported lazily) answers and sees
  a GPU: used memory per device (`nvmlDeviceGetMemoryInfo().used`, every
  process on the device, CUDA context included - what nvidia-smi shows),
  summed over the sampled devices. `devices` takes NVML indices (note that
  CUDA_VISIBLE_DEVICES numbering follows CUDA_DEVICE_ORDER and may differ).
- "rss": no GPU, a pid given: the resident set size summed over the process
  and all its children (psutil). Pages shared between processes are counted
  once per process, so this is an upper bound of the tree's footprint.
- "none": neither (an attached server with no pid and no GPU): no numbers,
  never invented ones.

peak = the largest sample; steady = the median of the last half of samples.
"""

from __future__ import annotations

import statistics
import threading
import time
from typing import Any

from .nvml import init_nvml

MIB = 1024 * 1024
DEFAULT_INTERVAL_S = 0.5


def tree_rss_bytes(pid: int) -> int | None:
    """RSS of a process and all its descendants; None once the root is gone."""

    import psutil

    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return None
    total = 0
    for proc in procs:
        try:
            total += proc.memory_info().rss
        except psutil.Error:  # a child that just exited
            continue
    return total


class MemorySampler:
    """Samples memory in a background thread between start() and stop() (or a `with` block)."""

    def __init__(
        self,
        pid: int | None = None,
        interval_s: float = DEFAULT_INTERVAL_S,
        devices: list[int] | None = None,
        use_nvml: bool = True,
    ) -> None:
        if interval_s <= 0:
            raise ValueError(f"MemorySampler interval_s must be > 0, not {interval_s!r}")
        self.pid = pid
        self.interval_s = interval_s
        self.devices = devices
        self.use_nvml = use_nvml
        self.source = "none"
        self._series: list[tuple[float, float]] = []  # (seconds since start, MiB)
        self._per_device: dict[int, list[float]] = {}
        self._device_info: dict[int, dict[str, Any]] = {}
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._nvml: Any | None = None
        self._handles: list[tuple[int, Any]] = []
        self._t0 = 0.0
        self.result: dict[str, Any] | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> MemorySampler:

        import psutil

        self._nvml = init_nvml() if self.use_nvml else None
        if self._nvml is not None:
            try:
                count = self._nvml.nvmlDeviceGetCount()
                indices = self.devices if self.devices is not None else list(range(count))
                for i in indices:
                    handle = self._nvml.nvmlDeviceGetHandleByIndex(i)
                    name = self._nvml.nvmlDeviceGetName(handle)
                    total = self._nvml.nvmlDeviceGetMemoryInfo(handle).total / MIB
                    self._handles.append((i, handle))
                    self._device_info[i] = {
                        "index": i,
                        "name": name if isinstance(name, str) else name.decode(),
                        "total_mib": round(total, 1),
                    }
                self.source = "nvml" if self._handles else "none"
            except Exception:
                self._handles = []
        if not self._handles:
            self._shutdown_nvml()
            self.source = "rss" if self.pid is not None and psutil.pid_exists(self.pid) else "none"
        self._t0 = time.perf_counter()
        if self.source != "none":
            self._sample()
            self._thread = threading.Thread(target=self._loop, name="llmeval-memory", daemon=True)
            self._thread.start()
        return self

    def stop(self) -> dict[str, Any]:
        if self._thread is not None:
            self._stop.set()
            self._thread.join(timeout=10 * self.interval_s + 5)
            self._thread = None
            self._sample()
        self._shutdown_nvml()
        self.result = self._summary()
        return self.result

    def __enter__(self) -> MemorySampler:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ------------------------------------------------------------------ sampling

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            self._sample()

    def _sample(self) -> None:
        now = time.perf_counter() - self._t0
        if self.source == "nvml":
            total = 0.0
            for i, handle in self._handles:
                try:
                    used = self._nvml.nvmlDeviceGetMemoryInfo(handle).used / MIB  # type: ignore[union-attr]
                except Exception:
                    return
                self._per_device.setdefault(i, []).append(used)
                total += used
            self._series.append((now, total))
        elif self.source == "rss" and self.pid is not None:
            rss = tree_rss_bytes(self.pid)
            if rss is not None:
                self._series.append((now, rss / MIB))

    def _shutdown_nvml(self) -> None:
        if self._nvml is not None:
            try:
                self._nvml.nvmlShutdown()
            except Exception:
                pass
            self._nvml = None

    # ------------------------------------------------------------------ results

    def _summary(self) -> dict[str, Any]:
        values = [mib for _t, mib in self._series]
        result: dict[str, Any] = {
            "source": self.source if values else "none",
            "peak_mib": _peak(values),
            "steady_mib": _steady(values),
            "samples": len(values),
            "interval_s": self.interval_s,
            "pid": self.pid,
            "series": [[round(t, 2), round(mib, 1)] for t, mib in self._series],
        }
        if self.source == "nvml":
            result["devices"] = [
                {**self._device_info[i], "peak_mib": _peak(v), "steady_mib": _steady(v)}
                for i, v in sorted(self._per_device.items())
            ]
        return result


def _peak(values: list[float]) -> float | None:
    return round(max(values), 1) if values else None


def _steady(values: list[float]) -> float | None:
    """Median of the last half of the samples (the plateau after loading/warm-up)."""
    if not values:
        return None
    return round(statistics.median(values[len(values) // 2 :]), 1)
