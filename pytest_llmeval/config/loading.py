"""`load_settings`: every option read, converted and validated into `Settings` at start-up, so a bad value
fails before any server starts, with the option's name and the fix.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ..bench.config import BenchConfig, BenchConfigError
from ..rag.config import RagConfig
from ..serving.embedded import EMBEDDED_MAX_TOKENS
from ..serving.models import ModelSpecError, apply_model_args, home_expanded, parse_model
from ..serving.placement import parallel_gpus_problem
from ..serving.server import ServerSettings
from ..sharding import ShardError, resolve_shard
from .checks import (
    check_baseline,
    check_chat_template,
    check_compare_with_shard,
    check_documents_readable,
    check_folder_can_be_made,
    check_ini_keys,
    check_interpreter,
    check_knowledge,
    check_local_models,
    check_model_options,
    check_model_source,
    check_path_texts,
    check_paths,
    check_price_labels,
    check_prompt_file,
    check_rag_files,
    check_scenario_paths,
    check_url_files,
    check_writable_folder,
    not_a,
    special_file,
)
from .options import (
    DEFAULT_CACHE,
    DEFAULT_DICTIONARY,
    DEFAULT_KNOWLEDGE_DIR,
    DEFAULT_MAX_TOKENS,
    DEFAULT_SCENARIO_DIRS,
    OPTIONS,
    PATH_OPTIONS,
    PATH_OPTIONS_WHEN_THEY_EXIST,
    option_value,
)
from .settings import JudgeSettings, RunsSettings, Settings


def split_vllm_args(flag: str, values: list[str]) -> list[str]:
    """Each value split as a shell would (`--llm-vllm-arg='--served-model-name "my model"'`); one with a quote
    left open is a usage error naming the option (it was an INTERNALERROR from shlex). The value is shown with
    the values of secret flags hidden, as everywhere else (`--api-key sk-...`)."""
    from ..serving.server import redact

    parts: list[str] = []
    for value in values:
        try:
            parts += shlex.split(value)
        except ValueError as exc:  # "No closing quotation", "No escaped character"
            shown = " ".join(redact(value.split()))
            raise pytest.UsageError(
                f"{flag} {shown!r}: cannot be split into arguments ({exc}). Fix: close the quote, or quote the "
                f"whole argument once, e.g. {flag}='--served-model-name \"my model\"'"
            ) from None
    return parts


def _path(text: str | Path) -> Path:
    """A path option's value as an absolute path, `~` expanded: no shell expands `--llm-report-dir=~/r` or an ini
    value, and a folder named `~` was made (or the file was "not there"). A `~user` of no user is left as it is:
    `check_path_texts` names it."""
    path = Path(home_expanded(str(text)))
    return path if path.is_absolute() else Path.cwd() / path


def _home_expanded(text: str | None) -> str | None:
    """A path option kept as text (vLLM or a subprocess reads it: neither expands `~`), `~` expanded."""
    return None if text is None else home_expanded(text)


# How a raw option value becomes the field's value (only where it is not the value itself).
_CONVERT: dict[str, Callable[[Any], Any]] = {
    "scenario_paths": lambda v: [_path(p) for p in v],
    "report_dir": _path,
    "server.extra_args": lambda v: split_vllm_args("--llm-vllm-arg", v),
    "bench_enabled": lambda v: v == "on",
    "bench.ignore_eos": lambda v: v == "on",
    "rag.knowledge": lambda v: [_path(p) for p in v],
    "rag.dictionaries": lambda v: [_path(p) for p in v],
    "rag.template": lambda v: _path(v) if v else None,
    "server.chat_template": _home_expanded,
    "server.python": _home_expanded,
    "bench.prompt_file": _home_expanded,
    "runs.runs_dir": _path,
    "judge.assertion": lambda v: v == "on",
    "runs.allow_missing": lambda v: v == "on",
    "runs.allow_errors": lambda v: v == "on",
    "prices": lambda v: _path(v) if v else None,
    "resume": lambda v: v == "on",
    "cache": lambda v: None if v in (None, "off") else _path(DEFAULT_CACHE if v == "on" else v),
}


def check_separate_path_values(args: list[str], root: Path, invoked_in: Path | None = None) -> None:
    """pytest picks its rootdir from path-like arguments before plugin options are known, so in
    `--llm-report-dir ../reports` the value is taken for a test path: the project's ini file is then not
    read and the wrong tests are collected. Refuse that form for a path outside the rootdir - and for a path that
    exists outside the folder pytest was started in (`--llm-model /models/Qwen3-14B`): pytest then moved the rootdir
    up to a folder above both, so the rootdir alone cannot tell."""
    invoked_in = (invoked_in or Path.cwd()).resolve()
    for flag, value in zip(args, args[1:]):
        if value.startswith("-") or flag not in PATH_OPTIONS + PATH_OPTIONS_WHEN_THEY_EXIST:
            continue
        try:
            path = Path(value).expanduser()
            resolved = (path if path.is_absolute() else invoked_in / path).resolve()
            exists = resolved.exists()
        except (OSError, RuntimeError, ValueError):  # ~nobody, a name too long: no path pytest could take either;
            continue  # the option's own check names it
        if flag in PATH_OPTIONS_WHEN_THEY_EXIST and not exists:
            continue  # a label or a hub id
        outside_root = not resolved.is_relative_to(root.resolve()) or resolved == root.resolve()
        if outside_root or (exists and not resolved.is_relative_to(invoked_in)):
            raise pytest.UsageError(
                f"{flag} {value}: pytest takes a separate path argument outside the project for a test path "
                f"and picks its root directory from it (here {root}). Fix: write {flag}={value}"
            )


def load_settings(config: pytest.Config) -> Settings:
    """The run's settings from the command line and the ini file, checked. A refusal of a value the ini file gave
    names the file and the key before the option's own message: "--llm-dtype 'fp8': ..." sent the reader to a
    command line that did not hold it."""
    try:
        return _load_settings(config)
    except pytest.UsageError as exc:
        raise pytest.UsageError(named_by_its_ini_key(config, str(exc))) from None


# the flag a refusal opens with: `--llm-dtype 'fp8': ...`, or `invalid value 'x' for --rag-embedder: ...` (a value
# quoted as its repr: in double quotes when it holds a single one); or the ini key an option's own check names
# (`ini key llm_max_tokens 0: ...`, `options.option_value`)
_OPENING_FLAG = re.compile(
    r"""(?:invalid value (?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*") for )?"""
    r"(--(?:llm-[a-z0-9-]+|rag(?:-[a-z0-9-]+)?))(?![a-z0-9-])"
)
# `rag` alone too: the switch's ini value was refused without the file ("ini key rag '1': ...")
_OPENING_KEY = re.compile(r"ini key ((?:llm_[a-z0-9_]+|rag(?:_[a-z0-9_]+)?))\b")


def named_by_its_ini_key(config: pytest.Config, message: str) -> str:
    """`message` with where its value came from put first when the value was not given on the command line: the
    ini file (`ini_source`) and the key, before a message that opens with an option's flag (`--llm-scenarios
    nowhere: ...`) or "invalid value 'x' for FLAG:" (the RAG component specs) - the reader was sent to a command line
    that did not hold it -, or the file alone before one that opens with the key (`ini key llm_max_tokens 0: ...`:
    which of the ini files pytest may read was not said). Else `message` as it is - also when it was named so
    already: the session's checks pass through here after `load_settings`."""
    flag, key = _OPENING_FLAG.match(message), _OPENING_KEY.match(message)
    opt = next(
        (o for o in OPTIONS if (flag is not None and o.flag == flag.group(1)) or (key is not None and o.ini == key[1])),
        None,
    )
    if opt is None or config.getoption(opt.dest) not in (None, []):
        return message
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if config.getini(opt.ini) in (None, "", []):
            return message  # the option's default, or a value derived from another one
    where = ini_source(config, opt.ini)
    return f"{where}, {message}" if key is not None else f"{where}, ini key {opt.ini}: {message}"


def ini_source(config: pytest.Config, key: str) -> str:
    """Where pytest read ini key `key` from: `-o` (`--override-ini`, which wins over the file), else the ini file
    (config.inipath) as a path from the folder pytest was started in - its name alone there -, or its full path when
    it lies elsewhere (a run started in a subfolder read `pytest.ini` as the subfolder's, which has none)."""
    overrides = getattr(getattr(config, "option", None), "override_ini", None) or []
    if any(str(item).partition("=")[0].strip() == key for item in overrides):
        return "-o (--override-ini)"
    ini = config.inipath
    if ini is None:
        return "the ini file"
    params = getattr(config, "invocation_params", None)
    start = Path(params.dir if params is not None else config.rootpath)
    try:
        return str(Path(ini).resolve().relative_to(start.resolve()))
    except (OSError, ValueError):  # another folder: its full path
        return str(ini)


def _load_settings(config: pytest.Config) -> Settings:
    root = Path(config.rootpath)
    check_ini_keys(config)
    check_separate_path_values([str(a) for a in config.invocation_params.args], root, config.invocation_params.dir)
    sections: dict[str, dict[str, Any]] = {"": {}, "server": {}, "rag": {}, "bench": {}, "runs": {}, "judge": {}}
    raw: dict[str, Any] = {}
    for opt in OPTIONS:
        value = option_value(config, opt)
        if value is None and opt.field in raw:  # a second option for the same field (--rag-mode), not given
            continue
        raw[opt.field] = value
        section, _, name = opt.field.rpartition(".")
        sections[section][name] = _CONVERT.get(opt.field, lambda v: v)(value)
    top, server, rag, bench = sections[""], sections["server"], sections["rag"], sections["bench"]
    check_path_texts(config, raw)
    try:
        top["shard"] = resolve_shard(top["shard"], top.pop("shard_count"), os.environ)
    except ShardError as exc:
        raise pytest.UsageError(str(exc)) from None
    runs, judge = sections["runs"], sections["judge"]
    if top["prices"] is not None:
        from ..cost import PricesError, load_prices

        try:
            load_prices(top["prices"])
        except PricesError as exc:
            raise pytest.UsageError(f"--llm-prices: {exc}") from None
    if judge["spec"]:
        from ..evaluation.judge import JudgeError, parse_judge_spec

        try:
            parse_judge_spec(judge["spec"])
        except JudgeError as exc:
            raise pytest.UsageError(str(exc)) from None
    if runs["save_name"] is not None:
        from ..results.runs import save_name_problem

        problem = save_name_problem("--llm-save", runs["save_name"])
        if problem is not None:
            raise pytest.UsageError(problem)
    if runs["fail"]:
        from ..compare.gate import GateError, parse_fail_expressions

        try:
            parse_fail_expressions(runs["fail"])
        except GateError as exc:
            raise pytest.UsageError(f"--llm-compare-fail: {exc}") from None
    if runs["pairs"]:
        from ..compare.gate import GateError, parse_pairs

        try:
            parse_pairs(runs["pairs"])
        except GateError as exc:
            raise pytest.UsageError(f"--llm-compare-pair: {exc}") from None
    check_baseline(runs["baseline"])
    check_compare_with_shard(runs["baseline"], top["shard"], runs["runs_dir"])

    from ..serving.fleet import FleetError, read_urls

    args = [str(a) for a in config.invocation_params.args]
    for flag, value in zip(args, args[1:]):
        if flag in ("--llm-base-url", "--llm-model-arg") and value.startswith("@"):
            raise pytest.UsageError(
                f"{flag} {value}: pytest reads a separate @FILE argument as a file of command-line arguments. "
                f"Fix: write {flag}={value}"
            )
    # an ini value is named by its key: "--llm-base-url" sent the reader to a command line that did not hold it
    base_url_name = "--llm-base-url" if config.getoption("llm_base_url") else "ini key llm_base_url"
    check_url_files(base_url_name, server["base_url"] or [])
    try:
        urls = read_urls(server["base_url"] or [])
    except FleetError as exc:
        raise pytest.UsageError(str(exc).replace("--llm-base-url", base_url_name, 1)) from None
    server["base_url"], server["base_urls"] = (urls[0] if urls else None), urls
    try:
        models = [parse_model(m) for m in raw["models"]] or [parse_model("embedded")]
        top["models"] = apply_model_args(models, top.pop("model_args") or [])
    except ModelSpecError as exc:
        raise pytest.UsageError(str(exc)) from None
    for spec in top["models"]:
        check_model_options(spec)
        # a per-model endpoint file that is a FIFO or a device (@/dev/zero): its read below waited forever
        check_url_files(f"--llm-model-arg {spec.label}:base_url", list(spec.base_urls))
    if top["max_tokens"] is None:  # not given: the embedded base model gets a budget a first run can afford
        embedded_only = all(m.embedded for m in top["models"])
        top["max_tokens"] = EMBEDDED_MAX_TOKENS if embedded_only else DEFAULT_MAX_TOKENS
    labels = [m.label for m in top["models"]]
    if len(set(labels)) != len(labels):
        raise pytest.UsageError(f"--llm-model labels must be unique, got {labels}. Fix: use LABEL=PATH")
    if top["prices"] is not None:
        check_price_labels(top["prices"], labels)
    defaults = [] if top["datasets"] else [root / d for d in DEFAULT_SCENARIO_DIRS if (root / d).is_dir()]
    if top["scenario_paths"]:
        check_scenario_paths(top["scenario_paths"])
    top["scenario_paths"] = defaults + top["scenario_paths"]
    for spec in top["datasets"]:
        from ..vision.datasets import DatasetError, parse_dataset_spec

        try:
            kind, dataset_path = parse_dataset_spec(spec)
        except DatasetError as exc:
            raise pytest.UsageError(str(exc)) from None
        # a FIFO or a device waited forever at collection; a missing path or one of the other kind was an error
        # collecting the suite, after the start
        problem = not_a(dataset_path, "file" if kind == "jsonl" else "folder")
        if problem is not None:
            raise pytest.UsageError(
                f"--llm-dataset {spec}: {problem}. Fix: pass the dataset's folder (ocrbench:, the one "
                "that holds OCRBench.json) or its .jsonl file (jsonl:)"
            )

    if server.get("dtype") is not None:
        from ..serving.models import dtype_problem

        if (problem := dtype_problem(server["dtype"])) is not None:
            raise pytest.UsageError(f"--llm-dtype {server['dtype']!r}: {problem}")
    if server["python"] is not None:
        check_interpreter("--llm-vllm-python", server["python"])
    if server.get("chat_template"):
        check_chat_template(server["chat_template"])
    server["python"] = server["python"] or sys.executable
    server["extra_args"] = server["extra_args"] or []
    # an output folder given explicitly that cannot be made fails now, once, not in every test's setup (the
    # defaults are left alone: a run without LLM cases never creates them, so an unwritable checkout is fine)
    for opt in OPTIONS:
        if opt.field in ("report_dir", "runs.runs_dir") and raw.get(opt.field) not in (None, opt.default):
            check_folder_can_be_made(opt.flag, _path(raw[opt.field]))
    if os.environ.get("LLMEVAL_CACHE_DIR", "").strip():  # the models and indexes built at run time go there: a file,
        # a device or a folder that cannot be written failed deep inside the first build, in every test's setup
        from ..serving.built_models import cache_root

        if str(cache_root()).startswith("~"):  # `~nobody/cache`: made a folder of that name in the project
            raise pytest.UsageError(
                f"environment variable LLMEVAL_CACHE_DIR={cache_root()}: no such user's home folder. Fix: write the "
                "folder's full path"
            )
        check_folder_can_be_made("environment variable LLMEVAL_CACHE_DIR", cache_root())
    if top["cache"] is not None:
        if special_file(top["cache"]):  # sqlite waited forever on a FIFO (a folder is refused below)
            raise pytest.UsageError(
                f"--llm-cache-path {top['cache']}: is not a regular file. Fix: name the cache's SQLite file, e.g. "
                "--llm-cache-path=.llmeval/cache.sqlite"
            )
        check_writable_folder("--llm-cache-path", top["cache"])
        from ..serving.cache import unreadable_cache

        problem = unreadable_cache(top["cache"])
        if problem is not None:
            raise pytest.UsageError(problem)
    check_paths(
        "--rag-knowledge", rag["knowledge"], "file or folder", "pass your documents (.md/.txt files or folders)"
    )
    if rag["template"] is not None or rag["dictionaries"]:
        check_rag_files(rag["template"], rag["dictionaries"])
    rag["knowledge"] = rag["knowledge"] or [root / DEFAULT_KNOWLEDGE_DIR]
    project_dict = root / DEFAULT_DICTIONARY
    rag["dictionaries"] = ([project_dict] if project_dict.is_file() else []) + rag["dictionaries"]
    if bench.get("prompt_file"):
        check_prompt_file(Path(bench["prompt_file"]))
    try:
        bench_config = BenchConfig(temperature=top["temperature"], **bench)
    except BenchConfigError as exc:  # named by its option (the checks above catch what a user can type)
        flags = {opt.field: opt.flag for opt in OPTIONS}
        flag = flags.get("temperature" if exc.field == "temperature" else f"bench.{exc.field}", "--llm-bench-*")
        raise pytest.UsageError(str(exc).replace(f"BenchConfig.{exc.field}", flag, 1)) from None
    server_settings = ServerSettings(**server)
    from ..serving.models import model_server_settings

    attached = False
    for spec in top["models"]:  # a per-model endpoint file that cannot be read fails now
        try:
            attached |= model_server_settings(spec, server_settings).base_url is not None
        except FleetError as exc:
            raise pytest.UsageError(str(exc)) from None
        problem = parallel_gpus_problem(
            spec, model_server_settings(spec, server_settings), top.get("placement") or "off"
        )
        if problem is not None:  # vLLM's data-parallel engines on fewer GPUs failed minutes into the start
            raise pytest.UsageError(problem)
    # listing the tests launches nothing (models elsewhere may be listed); an xdist worker launches nothing either -
    # its controller checked the same models before it started the workers (a hub probe once, not once a worker)
    if not config.option.collectonly and not hasattr(config, "workerinput"):
        for spec in top["models"]:
            check_model_source(spec, model_server_settings(spec, server_settings))
    from ..serving.credentials import env_name_problem

    for flag, name in (
        ("--llm-api-key-env", server["api_key_env"]),
        ("--llm-judge-api-key-env", judge["api_key_env"]),
        ("--rag-api-key-env", rag["api_key_env"]),
    ):
        problem = env_name_problem(flag, name)
        if problem is not None:
            raise pytest.UsageError(problem)
    if attached and server["api_key_env"]:  # an unset key failed every case (a degraded run saved as `last`)
        from ..serving.credentials import MissingAPIKey, api_key_from_env

        try:
            api_key_from_env(server["api_key_env"])
        except MissingAPIKey as exc:
            raise pytest.UsageError(str(exc)) from None
    from ..rag.spec import parse_embedder_spec, parse_reranker_spec

    try:  # a spec that cannot be read names the option (it was an INTERNALERROR naming RagConfig.embedder)
        embedder = parse_embedder_spec(rag["embedder"], option="--rag-embedder")
        reranker = parse_reranker_spec(rag["reranker"], option="--rag-reranker")
        rag_config = RagConfig(**rag)
    except ValueError as exc:
        raise pytest.UsageError(str(exc)) from None
    remote = embedder.kind == "openai" or reranker.kind == "vllm"
    if rag["api_key_env"] and remote and rag["mode"] != "off":  # an unset key errored every RAG case
        from ..serving.credentials import MissingAPIKey, api_key_from_env

        try:
            api_key_from_env(rag["api_key_env"], "--rag-api-key-env")
        except MissingAPIKey as exc:
            raise pytest.UsageError(str(exc)) from None
    if rag["mode"] != "off":
        check_local_models(("--rag-embedder", embedder), ("--rag-reranker", reranker))
        knowledge = [Path(p) for p in rag_config.knowledge]
        check_knowledge(knowledge, given=bool(raw["rag.knowledge"]))
        check_documents_readable(knowledge, rag_config.dictionaries, given=bool(raw["rag.knowledge"]))
    return Settings(
        server=server_settings,
        rag=rag_config,
        bench=bench_config,
        runs=RunsSettings(**runs),
        judge=JudgeSettings(**judge),
        **top,
    )
