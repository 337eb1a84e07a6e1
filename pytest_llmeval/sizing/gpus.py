"""Common GPUs: memory as the driver reports it (nvidia-smi's total, MiB), and vLLM's default batch size there.

A GPU sold as "80GB" has 80 GiB of HBM (nvidia-smi: 81920 MiB on an A100); the CUDA runtime's own
figure (what vLLM multiplies by gpu_memory_utilization) is a few hundred MiB lower - inside the estimate's
reserve. Any other GPU can be given by size: "48GiB" or "48GB" (both read as GiB, as the vendors mean it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .model_config import SizingError


@dataclass(frozen=True)
class GPU:
    name: str
    memory_mib: int  # nvidia-smi --query-gpu=memory.total
    max_num_batched_tokens: int = 2048  # vLLM's API-server default on this GPU (8192 on >= 70 GiB non-A100)
    aliases: tuple[str, ...] = ()

    @property
    def memory_gib(self) -> float:
        return self.memory_mib / 1024


CATALOGUE: tuple[GPU, ...] = (
    GPU("V100-32GB", 32768, aliases=("V100", "V10032G", "TeslaV100")),
    GPU("RTX4090-24GB", 24564, aliases=("4090", "RTX4090", "4090-24GB", "GeForceRTX4090")),
    GPU("A100-40GB", 40960, aliases=("A10040G",)),
    GPU("A100-80GB", 81920, aliases=("A100", "A10080G")),
    GPU("H100-80GB", 81559, 8192, aliases=("H100", "H10080G", "H100SXM")),
    GPU("H200-141GB", 143771, 8192, aliases=("H200", "H200141G")),
    GPU("RTXPro6000-96GB", 97887, 8192, aliases=("RTXPro6000", "RTXPRO6000Blackwell", "Pro6000")),
)
GPUS: dict[str, float] = {gpu.name: gpu.memory_gib for gpu in CATALOGUE}  # name -> GiB


def _key(name: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", name.upper())


_INDEX: dict[str, GPU] = {_key(alias): gpu for gpu in CATALOGUE for alias in (gpu.name, *gpu.aliases)}
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?(?:E[+-]?\d+)?)\s*(GIB|GB|G)?\s*$", re.IGNORECASE)
# the most memory a GPU given by size may have: the largest hold under 300 GiB (B300, MI355X: 288 GB). Above a TiB the
# size is a typo or nvidia-smi's MiB typed as GiB (`--gpu 81920`: an 80 TiB GPU fit every model)
MAX_GIB = 1024


def find_gpu(name: str, option: str = "GPU") -> GPU:
    """A catalogue GPU by name or alias (case, spaces and dashes ignored), or a custom one from a size. `option`
    names the value in an error: the command line's `--gpu` ("unknown GPU 'bogus'" did not say which was meant)."""
    gpu = _INDEX.get(_key(name))
    if gpu:
        return gpu
    size = _SIZE.match(name)
    if size:
        gib = float(size.group(1))
        if gib <= 0:
            raise SizingError(
                f"{option} size {name!r} must be above 0 and at most {MAX_GIB} GiB. Fix: the GPU's memory, e.g. 48GiB"
            )
        if gib > MAX_GIB:
            raise SizingError(_too_large(option, name, gib))
        return GPU(f"{gib:g}GiB", round(gib * 1024))
    raise SizingError(f"unknown {option} {name!r}. Fix: use one of {', '.join(GPUS)} or a memory size such as 48GiB")


def _too_large(option: str, name: str, gib: float) -> str:
    """The refusal of a GPU size past `MAX_GIB`, read as MiB when that makes a GPU's size (nvidia-smi's unit)."""
    tib = f"{gib / 1024:,.0f} TiB" if gib < 1e12 else "far more"
    mib = gib / 1024
    fix = f"write it in GiB: {option} {mib:g}GiB" if mib <= MAX_GIB else f"the GPU's memory in GiB, e.g. {option} 48GiB"
    looks = " - it looks like MiB, nvidia-smi's unit" if mib <= MAX_GIB else ""
    return f"{option} size {name!r} is {tib}, more than any GPU has (at most {MAX_GIB} GiB){looks}. Fix: {fix}"


def gpu_memory_gib(name: str) -> float:
    return find_gpu(name).memory_gib
