"""`--llm-placement auto`: which models' servers run side by side on a node's GPUs, and which wait.

The planner is pure: a GPU inventory (index, total and free memory) and the models (label, memory
need from the project's sizing model, tensor-parallel size, GPUs pinned by the user) in, waves of
assignments out. Rules:

- a server gets whole GPUs: never two of the run's servers on one GPU (vLLM claims
  `gpu_memory_utilization` of each GPU it is given); a GPU is usable when its free memory covers
  that share (another process holding it makes it unusable);
- a model needs TP GPUs each holding need / TP; without a TP the smallest size vLLM accepts for the model
  that fits: 1, 2, 4 or 8 - or, where the model's config.json was read, any size up to 8 that divides its
  attention heads (and fits its KV heads: `ModelShape.tp_problem`, vLLM's own rule); a TP the user gave must
  fit the node (and, config read, the heads);
- waves follow the models' order (the order the tests run in): a model joins the current wave when
  GPUs are left for it, else a new wave starts - so while one wave's tests run, every server of that
  wave is up, and a wave's servers start together (their start-up overlaps);
- pinned GPUs (`LABEL=PATH@1,2` or `gpus=`) are kept; a pin that overlaps a server of the current
  wave starts a new wave. A pin is checked first: the GPUs exist, another process does not hold them, the
  model fits them at its TP - else the plan stops with the reason and the fix, not vLLM minutes later.

In a serial run the saving is the overlapped start-up (the tests of a wave's models still run one
model after another); under `-n N --llm-servers together` the wave's models are tested in parallel.
`python -m pytest_llmeval plan` prints the plan without starting anything (`main` below).
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .models import ModelSpec
    from .server import ServerSettings

TP_CHOICES = (1, 2, 4, 8)
DEFAULT_UTILIZATION = 0.9


class PlacementError(ValueError):
    """A model cannot be placed on these GPUs; the message names the model, its need and the fix."""


@dataclass(frozen=True)
class GPU:
    index: int
    total_gib: float
    free_gib: float
    name: str = ""


@dataclass(frozen=True)
class ModelNeed:
    label: str
    need_gib: float | None  # weights + KV for one sequence + reserve, whole model; None: unknown (1 GPU)
    tp: int | None = None  # tensor-parallel size given by the user; None: chosen here
    pinned: tuple[int, ...] | None = None  # GPUs the user named
    basis: str = ""  # where the need comes from (sizing estimate, given)
    # why vLLM would refuse a TP for this model (its config.json: attention and KV heads); None: not known
    tp_problem: Callable[[int], str | None] | None = field(default=None, compare=False, repr=False)


@dataclass
class Assignment:
    label: str
    gpus: tuple[int, ...]
    tp: int
    need_gib: float | None
    per_gpu_gib: float | None
    wave: int
    basis: str = ""

    @property
    def cuda_visible_devices(self) -> str:
        return ",".join(str(g) for g in self.gpus)


@dataclass
class Plan:
    gpus: list[GPU]
    utilization: float
    waves: list[list[Assignment]] = field(default_factory=list)
    specs: dict[str, Any] = field(default_factory=dict)  # label -> ModelSpec (with its GPUs), for the pool

    def assignment(self, label: str) -> Assignment | None:
        return next((a for wave in self.waves for a in wave if a.label == label), None)

    def wave_of(self, label: str) -> int | None:
        found = self.assignment(label)
        return found.wave if found is not None else None

    def wave_specs(self, wave: int | None) -> list[Any]:
        if wave is None:
            return []
        return [self.specs[a.label] for a in self.waves[wave] if a.label in self.specs]

    def to_dict(self) -> dict[str, Any]:
        return {
            "gpus": [asdict(g) for g in self.gpus],
            "utilization": self.utilization,
            "waves": [[{**asdict(a), "gpus": list(a.gpus)} for a in wave] for wave in self.waves],
        }

    def render(self) -> str:
        """The plan as the lines printed before anything starts."""
        usable = [g for g in self.gpus if _usable(g, self.utilization)]
        lines = [
            f"placement: {len(self.gpus)} GPU(s) ({len(usable)} free enough for a server at "
            f"{self.utilization:.0%} memory), {sum(len(w) for w in self.waves)} model(s) in {len(self.waves)} wave(s)"
        ]
        for number, wave in enumerate(self.waves, 1):
            when = "starts first" if number == 1 else f"waits for wave {number - 1} to finish"
            lines.append(f"  wave {number} ({when}):")
            for a in wave:
                need = f"{a.need_gib:.1f} GiB" if a.need_gib is not None else "need unknown"
                per = f", {a.per_gpu_gib:.1f} GiB per GPU" if a.per_gpu_gib is not None else ""
                basis = f" [{a.basis}]" if a.basis else ""
                lines.append(f"    {a.label:<16} GPUs {a.cuda_visible_devices:<10} TP {a.tp}  {need}{per}{basis}")
        return "\n".join(lines)


def _usable(gpu: GPU, utilization: float) -> bool:
    return gpu.free_gib + 1e-9 >= utilization * gpu.total_gib


def _capacity(gpu: GPU, utilization: float) -> float:
    return utilization * gpu.total_gib


def plan_placement(gpus: Sequence[GPU], models: Sequence[ModelNeed], utilization: float = DEFAULT_UTILIZATION) -> Plan:
    """The waves (see the module). PlacementError when a model cannot run even alone."""
    if not gpus:
        raise PlacementError("no GPU found (NVML sees none). Fix: run on a GPU machine, or drop --llm-placement auto")
    usable = [g for g in gpus if _usable(g, utilization)]
    by_index = {g.index: g for g in gpus}
    plan = Plan(list(gpus), utilization)
    taken: set[int] = set()
    wave: list[Assignment] = []
    for model in models:
        tp = _tensor_parallel(model, gpus, usable, utilization)
        if model.pinned:
            problem = _pin_problem(model, tp, by_index, utilization)
            if problem is not None:
                raise PlacementError(problem)
        for attempt in (0, 1):
            gpus_for = _choose(model, tp, usable, taken, by_index, utilization)
            if gpus_for is not None:
                break
            if attempt == 0 and wave:  # no room left in this wave: queue it for the next
                plan.waves.append(wave)
                wave, taken = [], set()
                continue
            raise PlacementError(_why_not(model, tp, usable, by_index, utilization))
        assert gpus_for is not None
        per_gpu = model.need_gib / tp if model.need_gib is not None else None
        wave.append(Assignment(model.label, gpus_for, tp, model.need_gib, per_gpu, len(plan.waves), model.basis))
        taken |= set(gpus_for)
    if wave:
        plan.waves.append(wave)
    return plan


def _tp_refused(model: ModelNeed, tp: int) -> str | None:
    """Why vLLM would refuse TP `tp` for the model: its own rule where the config was read, else any size but
    1, 2, 4 and 8 (the sizes every common model's head counts divide by)."""
    if model.tp_problem is not None:
        return model.tp_problem(tp)
    if tp in TP_CHOICES:
        return None
    return (
        f"TP {tp} is none of {', '.join(map(str, TP_CHOICES))}, and the model's attention-head count (which vLLM "
        "needs divisible by the TP) is not known here"
    )


def _tp_sizes(model: ModelNeed) -> list[int]:
    """The TP sizes the planner may choose for the model, smallest first."""
    sizes = [tp for tp in range(1, max(TP_CHOICES) + 1) if _tp_refused(model, tp) is None]
    return sizes or [1]


def _tensor_parallel(model: ModelNeed, gpus: Sequence[GPU], usable: list[GPU], utilization: float) -> int:
    """The model's TP: the user's (checked against the node and, config read, the heads), the number of GPUs
    pinned, or the smallest size vLLM accepts that fits the free GPUs (else the smallest that fits GPUs of this
    size: the plan then says how many GPUs it needs)."""
    label = model.label
    if model.tp is not None:
        if model.tp > len(gpus):
            most = max((tp for tp in _tp_sizes(model) if tp <= len(gpus)), default=1)
            raise PlacementError(
                f"model {label}: tensor_parallel_size {model.tp} needs {model.tp} GPUs; the node has {len(gpus)}. "
                f"Fix: lower its tensor_parallel_size to {most} or less "
                f"(--llm-model-arg {label}:tensor_parallel_size=N)"
            )
        why = model.tp_problem(model.tp) if model.tp_problem is not None else None
        if why is not None:
            raise PlacementError(
                f"model {label}: tensor_parallel_size {model.tp}: {why}, and vLLM refuses it. Fix: use one of "
                f"{', '.join(map(str, _tp_sizes(model)))} (--llm-model-arg {label}:tensor_parallel_size=N)"
            )
        return model.tp
    if model.pinned:
        tp = len(model.pinned)
        why = _tp_refused(model, tp)
        if why is not None:
            raise PlacementError(
                f"model {label} is pinned to {tp} GPUs ({','.join(map(str, model.pinned))}) without a "
                f"tensor_parallel_size, so its server would run TP {tp}: {why}. Fix: pin 1, 2, 4 or 8 GPUs, or set "
                f"the TP the model takes (--llm-model-arg {label}:tensor_parallel_size=N)"
            )
        return tp
    sizes = _tp_sizes(model)
    if model.need_gib is None or not usable:
        return sizes[0]
    biggest = max(_capacity(g, utilization) for g in usable)
    for tp in sizes:
        if tp <= len(usable) and model.need_gib / tp <= biggest:
            return tp
    return next((tp for tp in sizes if model.need_gib / tp <= biggest), sizes[-1])


def _pin_problem(model: ModelNeed, tp: int, by_index: dict[int, GPU], utilization: float) -> str | None:
    """Why the GPUs the user pinned cannot run the model: one that does not exist, fewer than its TP, one
    another process holds, one too small for its share; None when they can."""
    assert model.pinned is not None
    label, pins = model.label, ",".join(map(str, model.pinned))
    missing = [g for g in model.pinned if g not in by_index]
    if missing:
        return (
            f"model {label}: pinned GPU(s) {','.join(map(str, missing))} do not exist (the node has GPU(s) "
            f"{','.join(map(str, sorted(by_index)))}). Fix: pin existing GPUs (LABEL=PATH@0 or "
            f"--llm-model-arg {label}:gpus=0,1)"
        )
    if tp > len(model.pinned):
        return (
            f"model {label}: tensor_parallel_size {tp} needs {tp} GPUs but it is pinned to {len(model.pinned)} "
            f"({pins}). Fix: pin {tp} GPUs, or lower its tensor_parallel_size"
        )
    for index in model.pinned:
        gpu = by_index[index]
        if not _usable(gpu, utilization):
            return (
                f"model {label}: pinned GPU {index} is busy: {gpu.free_gib:.1f} of {gpu.total_gib:.1f} GiB free "
                f"(another process holds the rest), and a server at {utilization:.0%} claims "
                f"{_capacity(gpu, utilization):.1f} GiB of it. Fix: free GPU {index}, pin another GPU, or lower "
                "--llm-gpu-memory-utilization"
            )
    if model.need_gib is not None:
        per_gpu = model.need_gib / tp
        small = [by_index[g] for g in model.pinned if _capacity(by_index[g], utilization) + 1e-9 < per_gpu]
        if small:
            room = ", ".join(f"GPU {g.index}: {_capacity(g, utilization):.1f} GiB" for g in small)
            return (
                f"model {label} needs {model.need_gib:.1f} GiB ({per_gpu:.1f} GiB on each of {tp} GPU(s)), more "
                f"than its pinned GPU(s) hold at {utilization:.0%} ({room}). Fix: pin more GPUs with a "
                "tensor_parallel_size to match, use a quantised model, or raise --llm-gpu-memory-utilization"
            )
    return None


def _choose(
    model: ModelNeed,
    tp: int,
    usable: list[GPU],
    taken: set[int],
    by_index: dict[int, GPU],
    utilization: float,
) -> tuple[int, ...] | None:
    """The GPUs for the model in the current wave (None: not in this wave). Pins were checked by `_pin_problem`."""
    per_gpu = model.need_gib / tp if model.need_gib is not None else 0.0
    if model.pinned:
        if set(model.pinned) & taken:
            return None
        return model.pinned
    fitting = [g for g in usable if g.index not in taken and _capacity(g, utilization) + 1e-9 >= per_gpu]
    if len(fitting) < tp:
        return None
    return tuple(sorted(g.index for g in fitting[:tp]))


def _why_not(model: ModelNeed, tp: int, usable: list[GPU], by_index: dict[int, GPU], utilization: float) -> str:
    """Why the model cannot run even alone on the node: more GPUs than it has (free), or too little memory."""
    need = f"{model.need_gib:.1f} GiB" if model.need_gib is not None else "an unknown amount"
    if model.pinned:
        return _pin_problem(model, tp, by_index, utilization) or f"model {model.label}: pinned GPUs cannot hold it"
    per_gpu = f"{model.need_gib / tp:.1f} GiB on each of {tp} GPU(s)" if model.need_gib is not None else f"{tp} GPU(s)"
    if tp > len(usable):
        free = "" if len(usable) == len(by_index) else f", {len(usable)} of them free enough at {utilization:.0%}"
        if model.tp is not None:
            fix = "free the GPUs other processes hold, or lower its tensor_parallel_size"
        else:
            sizes = ", ".join(map(str, _tp_sizes(model)))
            fix = (
                f"use a quantised model or a lower --llm-max-model-len (tensor-parallel sizes vLLM takes for it: "
                f"{sizes}), a node with more or larger GPUs, or free the GPUs other processes hold"
            )
        return (
            f"model {model.label} needs {need} ({per_gpu}, TP {tp}): {tp} GPUs, and the node has "
            f"{len(by_index)}{free}. Fix: {fix}"
        )
    room = ", ".join(f"GPU {g.index}: {_capacity(g, utilization):.1f} GiB" for g in usable) or "none is free"
    larger = [t for t in _tp_sizes(model) if tp < t <= len(usable)]
    raise_tp = (
        f"raise its tensor_parallel_size to {larger[0]} (--llm-model-arg {model.label}:tensor_parallel_size=N), "
        if larger
        else ""
    )
    return (
        f"model {model.label} needs {need} ({per_gpu}); usable at {utilization:.0%}: {room}. "
        f"Fix: {raise_tp}use a quantised model, or free the GPUs"
    )


# -- the inputs: NVML, the sizing model ---------------------------------------------------------------
def nvml_inventory() -> list[GPU]:
    """The GPUs NVML sees, with total and free memory (empty without a driver or nvidia-ml-py)."""
    from .nvml import nvml_gpus

    return [GPU(g["index"], round(g["total_gib"], 2), round(g["free_gib"], 2), g["name"]) for g in nvml_gpus()]


MAX_SIMULATED_GPUS = 1024


def simulated_inventory(text: str) -> list[GPU]:
    """`8x80` (eight idle 80 GiB GPUs) or `80,80,40:10` (per GPU: total[:free]); at least one GPU, sizes above
    0, free memory at most the total."""
    text = text.strip().lower()
    how = "write COUNTxGIB (8x80) or TOTAL[:FREE],... (80,80:10)"
    try:
        if "x" in text:
            count, _, size = text.partition("x")
            # a typo's billion GPUs took the machine's memory and never ended: refused below, before the list
            gpus = [
                GPU(i, float(size), float(size), "simulated") for i in range(min(int(count), MAX_SIMULATED_GPUS + 1))
            ]
        else:
            gpus = []
            for i, part in enumerate(text.split(",")):
                total, _, free = part.partition(":")
                gpus.append(GPU(i, float(total), float(free or total), "simulated"))
    except ValueError:
        raise PlacementError(f"--gpus {text!r}: {how}") from None
    if not gpus:
        raise PlacementError(f"--gpus {text!r}: no GPU in it. Fix: {how}, with a count of 1 or more")
    if len(gpus) > MAX_SIMULATED_GPUS:
        raise PlacementError(f"--gpus {text!r}: more than {MAX_SIMULATED_GPUS} GPUs. Fix: {how}, with a real count")
    for gpu in gpus:
        if not (math.isfinite(gpu.total_gib) and gpu.total_gib > 0 and 0 <= gpu.free_gib <= gpu.total_gib):
            raise PlacementError(
                f"--gpus {text!r}: GPU {gpu.index} has {gpu.total_gib:g} GiB with {gpu.free_gib:g} free. Fix: {how}, "
                "with sizes above 0 and the free memory at most the total"
            )
    return gpus


def sizing_need(source: str, server: Any) -> tuple[float | None, str]:
    """A model's memory need from the project's sizing model: weights + KV for one max_model_len sequence
    + the reserve (per GPU at TP 1); (None, why) when its config cannot be read (a hub id, the embedded model)."""
    need, basis, _ = _sizing(source, server)
    return need, basis


def _sizing(source: str, server: Any) -> tuple[float | None, str, Callable[[int], str | None] | None]:
    """`sizing_need`, and why vLLM would refuse a TP for the model (its heads; None when the config is unread)."""
    from ..sizing.estimate import GIB, RESERVE_GIB, kv_dtype_bytes
    from ..sizing.model_config import SizingError, read_model

    try:
        shape = read_model(source, getattr(server, "dtype", None), getattr(server, "quantization", None))
    except (SizingError, OSError) as exc:
        return None, f"sizing: {str(exc).splitlines()[0]}", None  # whole: its Fix is the point
    length = getattr(server, "max_model_len", None) or shape.max_position_embeddings or 0
    kv = shape.kv_bytes_per_token(kv_dtype_bytes(shape)) * length / GIB
    weights = shape.weight_bytes / GIB
    return (
        weights + kv + RESERVE_GIB,
        f"sizing: weights {weights:.1f} + KV {kv:.1f} ({length} tokens) + {RESERVE_GIB:g}",
        shape.tp_problem,
    )


MULTI_NODE_DP_FLAGS = ("--data-parallel-size-local", "--data-parallel-backend", "--headless", "--data-parallel-address")


def parallel_gpus_problem(spec: ModelSpec, server: ServerSettings, placement: str = "off") -> str | None:
    """Why a launched model's GPUs cannot hold its vLLM engines, with the fix; None when they can or cannot be told.
    vLLM starts data_parallel_size engines of tensor_parallel_size GPUs each on this node: given fewer GPUs
    (`LABEL=PATH@0`, `gpus=`, `--llm-gpus`), its start failed minutes in. `--llm-placement auto` gives a server as
    many GPUs as its TP (a pinned one without a TP: TP = its GPU count) and does not count the engines, so a
    data-parallel model there must be pinned and given its TP. A multi-node data-parallel deployment
    (`--data-parallel-size-local`, Ray, `--headless`) places its own engines: not checked."""
    if spec.embedded or server.base_url is not None:  # attached: the deployment is someone else's
        return None
    if any(arg.split("=", 1)[0] in MULTI_NODE_DP_FLAGS for arg in server.extra_args):
        return None
    tp, dp = server.tensor_parallel_size or 1, server.data_parallel_size or 1
    devices = [d for d in (server.cuda_visible_devices or "").split(",") if d.strip()]
    engines = f"data_parallel_size {dp} x tensor_parallel_size {tp} = {tp * dp} GPU(s)"
    pin = f"--llm-model {spec.label}=PATH@" + ",".join(str(i) for i in range(tp * dp))
    if devices and len(devices) < tp * dp:
        return (
            f"model {spec.label}: vLLM starts {engines} on this node, and the model is given {len(devices)} "
            f"(GPUs {','.join(devices)}). Fix: give it {tp * dp} GPUs ({pin}, --llm-model-arg {spec.label}:gpus=... "
            f"or --llm-gpus), or lower its data_parallel_size or tensor_parallel_size"
        )
    if dp > 1 and placement == "auto" and (not devices or server.tensor_parallel_size is None):
        return (
            f"model {spec.label}: --llm-placement auto gives a server as many GPUs as its tensor_parallel_size (a "
            f"pinned one without a TP runs at TP = its GPU count) and does not count vLLM's data-parallel engines, so "
            f"its data_parallel_size {dp} would not get the GPUs it needs. Fix: pin its {tp * dp} GPUs and give its "
            f"TP ({pin} --llm-model-arg {spec.label}:tensor_parallel_size={tp}), which placement keeps, or leave "
            "placement off"
        )
    return None


def needs_for(models: Sequence[Any], settings: Any) -> list[ModelNeed]:
    """ModelNeeds of ModelSpecs under the run's ServerSettings (per-model values applied)."""
    from .models import model_server_settings

    needs = []
    for spec in models:
        server = model_server_settings(spec, settings)
        problem = parallel_gpus_problem(spec, server, "auto")  # vLLM's data-parallel engines: TP GPUs each
        if problem is not None:
            raise PlacementError(problem)
        need, basis, tp_problem = (
            (None, "embedded model: 1 GPU", None) if spec.embedded else _sizing(spec.source, server)
        )
        pinned = tuple(int(g) for g in spec.gpus.split(",")) if spec.gpus else None
        needs.append(ModelNeed(spec.label, need, server.tensor_parallel_size, pinned, basis, tp_problem))
    return needs


def plan_for_specs(
    models: Sequence[Any], settings: Any, gpus: Sequence[GPU], needs: Sequence[ModelNeed] | None = None
) -> Plan:
    """The plan for a run's ModelSpecs (needs from the sizing model unless given), with each spec given its
    GPUs (and the TP the planner chose where the user set none)."""
    utilization = getattr(settings, "gpu_memory_utilization", None) or DEFAULT_UTILIZATION
    plan = plan_placement(gpus, list(needs) if needs is not None else needs_for(models, settings), utilization)
    for spec in models:
        found = plan.assignment(spec.label)
        assert found is not None
        options = dict(spec.options)
        user_tp = "tensor_parallel_size" in options or getattr(settings, "tensor_parallel_size", None)
        if found.tp > 1 and not user_tp:
            options["tensor_parallel_size"] = found.tp
        plan.specs[spec.label] = dataclasses.replace(
            spec, gpus=found.cuda_visible_devices, options=tuple(options.items())
        )
    return plan


# -- python -m pytest_llmeval plan -----------------------------------------------------------------------
def main(argv: list[str]) -> int:
    from ..number_args import number_type
    from .context import context_length

    parser = argparse.ArgumentParser(
        prog="python -m pytest_llmeval plan",
        description="Print the GPU placement plan of --llm-placement auto for these models; start nothing.",
    )
    parser.add_argument(
        "--llm-model", dest="models", action="append", default=[], help="as in pytest (LABEL=PATH[@GPUS])"
    )
    parser.add_argument("--llm-model-arg", dest="model_args", action="append", default=[], help="LABEL:KEY=VALUE")
    parser.add_argument("--llm-tensor-parallel-size", dest="tp", type=number_type(int, "--llm-tensor-parallel-size", 2))
    parser.add_argument(
        "--llm-gpu-memory-utilization", dest="utilization", type=number_type(float, "--llm-gpu-memory-utilization", 0.9)
    )
    parser.add_argument(
        "--llm-max-model-len", dest="max_model_len", type=context_length
    )  # 32768, 32K, 32k as in pytest
    parser.add_argument(
        "--need",
        action="append",
        default=[],
        metavar="LABEL=GIB",
        help="a model's memory need in GiB instead of the sizing estimate (e.g. for a hub id)",
    )
    parser.add_argument(
        "--gpus", help="simulate the GPUs instead of reading NVML: 8x80, or 80,80:10,... (total[:free])"
    )
    args = parser.parse_args(argv)
    from .models import ModelSpecError, apply_model_args, parse_model
    from .server import ServerSettings

    try:
        _check_numbers(args)
        specs = apply_model_args([parse_model(m) for m in args.models] or [parse_model("embedded")], args.model_args)
        _refuse_chatless(specs)
        given = _given_needs(args.need, [s.label for s in specs])
        settings = ServerSettings(
            tensor_parallel_size=args.tp, gpu_memory_utilization=args.utilization, max_model_len=args.max_model_len
        )
        for note in _source_notes(specs, settings, given):
            print(f"note: {note}", file=sys.stderr)
        gpus = simulated_inventory(args.gpus) if args.gpus else nvml_inventory()
        if not gpus:
            raise PlacementError(
                "no GPU found (NVML sees none). Fix: run on a GPU machine, or simulate one: --gpus 8x80"
            )
        needs = [
            dataclasses.replace(n, need_gib=given[n.label], basis="given") if n.label in given else n
            for n in needs_for(specs, settings)
        ]
        plan = plan_placement(gpus, needs, args.utilization or DEFAULT_UTILIZATION)
    except (ModelSpecError, PlacementError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(plan.render())
    return 0


def _refuse_chatless(specs: Sequence[Any]) -> None:
    """A launched model a run refuses as no chat model (BERT, a reranker: `models.chat_model_problem`) is refused
    here in the run's words, `--need` or not: the plan sized it in silence. (`size` still sizes an encoder.)"""
    from .models import chat_model_problem

    for spec in specs:
        problem = None if spec.base_urls else chat_model_problem(spec, spec.vllm_args)
        if problem is not None:
            raise PlacementError(problem)


def _source_notes(specs: Sequence[Any], settings: Any, given: Mapping[str, float]) -> list[str]:
    """Each launched model's path or hub id can be loaded here, as the pytest run checks at its start
    (`models.model_source_problem`): a plan for a path that does not exist, or a hub id not downloaded while vLLM
    runs offline, printed "need unknown" and exit 0 for a run that fails before it asks anything. A model with its
    need given (`--need`, e.g. planning for another machine with --gpus) is planned anyway, its problem returned
    as a note; one without is refused (PlacementError), with the fixes."""
    import os

    from .models import model_server_settings, model_source_problem

    notes = []
    for spec in specs:
        if spec.embedded:
            continue
        server = model_server_settings(spec, settings)
        problem = model_source_problem(spec, server.extra_args, {**os.environ, **server.env})
        if problem is None:
            continue
        if spec.label not in given:
            raise PlacementError(
                f"{problem}. To plan for a model that is not on this machine, give its need: --need {spec.label}=GIB"
            )
        notes.append(f"{problem}. Planned with the need given (--need {spec.label}); a pytest run here refuses it")
    return notes


def _check_numbers(args: argparse.Namespace) -> None:
    """The plan command's numeric options, checked as pytest checks them (a 0 is an error, not the default)."""
    if args.utilization is not None and not 0 < args.utilization <= 1:
        raise PlacementError(f"--llm-gpu-memory-utilization {args.utilization:g}: must be in (0, 1], e.g. 0.9")
    for flag, value in (("--llm-tensor-parallel-size", args.tp), ("--llm-max-model-len", args.max_model_len)):
        if value is not None and value < 1:
            raise PlacementError(f"{flag} {value}: must be at least 1")


def _given_needs(items: list[str], labels: list[str]) -> dict[str, float]:
    """`--need LABEL=GIB` values: each a known label and a number of GiB above 0."""
    given: dict[str, float] = {}
    for item in items:
        label, equals, gib = item.partition("=")
        label = label.strip()
        if not equals or not label or not gib.strip():
            raise PlacementError(f"--need {item!r}: write LABEL=GIB, e.g. --need 8b=16")
        try:
            value = float(gib)
        except ValueError:
            raise PlacementError(
                f"--need {item!r}: {gib.strip()!r} is not a number of GiB. Fix: e.g. --need 8b=16"
            ) from None
        if not (math.isfinite(value) and value > 0):
            raise PlacementError(f"--need {item!r}: the need must be a number of GiB above 0")
        if label not in labels:
            raise PlacementError(f"--need {item!r}: no model is labelled {label!r}. Labels: {labels}")
        given[label] = value
    return given
