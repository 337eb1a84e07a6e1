"""The start-up checks of what options name: folders writable, files readable and of the right kind,
scenario and knowledge-base paths, the RAG template and dictionaries, prices, prompt files, local models, ini keys -
each failure one line naming the flag, the file and the fix.
"""

from __future__ import annotations

import json
import os
import re
import shlex
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from ..rag.spec import ComponentSpec
from ..serving.models import ModelSpec, home_expanded, model_where
from ..serving.server import ServerSettings
from ..sharding import Shard
from ..textfiles import shown
from .options import DEFAULT_KNOWLEDGE_DIR, OPTIONS, PATH_OPTIONS, value_problem


def check_baseline(baseline: str | None) -> None:
    """--llm-compare naming a device or a FIFO: "no such file or folder" (it is there), or "no saved run" for a
    relative name; a usage error saying what it is."""
    if not baseline:
        return
    path = Path(home_expanded(baseline))
    if special_file(path):
        raise pytest.UsageError(
            f"--llm-compare {baseline}: {not_a(path, 'file or folder')}. Fix: pass a run's report dir "
            "(--llm-report-dir), its results.json, a saved run's number or name (--llm-save), or 'last'"
        )


def check_compare_with_shard(baseline: str | None, shard: Shard | None, runs_dir: Path | None = None) -> None:
    """--llm-compare in one shard of several: the shard runs part of the suite, so the gate would find every other
    shard's cases missing and fail (exit 7) after the whole shard ran. Refused at the start, with the fix. The fix
    names the baseline as the file it resolves to now: every shard run is saved, so after the shards `last` (or a
    name the shard runs share) would be one of them - a gate against a shard of the same run always passed."""
    if not (baseline and shard is not None and shard.count > 1):
        return
    from ..results.runs import RunNotFound, resolve_run

    runs_dir = runs_dir if runs_dir is not None else Path(".llmeval/runs")
    named, how = baseline, ""
    try:
        found = resolve_run(baseline, runs_dir)
    except (RunNotFound, OSError):
        found = None
    if found is not None:
        try:
            shown = str(found.resolve().relative_to(Path.cwd().resolve()))
        except ValueError:
            shown = str(found)
        named = shlex.quote(shown)
        if shown != baseline:
            how = f" ({baseline} is that file now)"
        if found.name == "results.json" and not found.resolve().is_relative_to(runs_dir.resolve()):
            # a report dir's results, not a saved run: a shard run writing the same report dir overwrites it
            how += (
                f"; if the shards write that file (a report dir), accept it first - python -m pytest_llmeval "
                f"accept {named} - and compare .llmeval/baseline.json"
            )
    raise pytest.UsageError(
        f"--llm-compare cannot gate one shard (--llm-shard {shard.label}): the other shards' cases would be "
        "missing from it. Fix: drop --llm-compare here, merge the shards (python -m pytest_llmeval merge "
        f"SHARD_DIRS -o merged), then gate the merged run: python -m pytest_llmeval compare {named} merged/{how}. "
        "Name the baseline's file there, not `last` or a run name: every shard run is saved, so after the shards "
        "`last` is a shard of this run"
    )


def check_writable_folder(flag: str, file: Path) -> None:
    """The folder of a file the run will write (created now): a usage error naming the fix, not a traceback later."""
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        blocker = next((parent for parent in file.parents if os.path.isfile(parent)), None)  # a file in the way
        why = f"{blocker} is a file, not a folder" if blocker is not None else exc.strerror
        raise pytest.UsageError(
            f"{flag} {file}: cannot create its folder ({why}). Fix: choose a writable path"
        ) from None
    refused = "not writable" if not os.access(file.parent, os.W_OK) else _cannot_write_in(file.parent)
    if refused is not None:
        raise pytest.UsageError(f"{flag} {file}: its folder is {refused}. Fix: choose a writable path")


def check_folder_can_be_made(flag: str, folder: Path) -> None:
    """A folder the run will write: not a file, its nearest existing folder writable, and a file can be written
    in it - tried, with every folder and file the try made removed again (the run makes the folder when it
    writes). A usage error naming the path and the fix, not a traceback in every test."""
    if folder.exists() and not folder.is_dir():
        raise pytest.UsageError(f"{flag} {folder}: {not_a(folder, 'folder')}. Fix: choose a folder")
    existing = folder
    while not existing.exists():
        existing = existing.parent
    if not existing.is_dir():
        raise pytest.UsageError(f"{flag} {folder}: {existing} is a file, not a folder. Fix: choose a writable folder")
    if not os.access(existing, os.W_OK):
        raise pytest.UsageError(f"{flag} {folder}: {existing} is not writable. Fix: choose a writable folder")
    if os.environ.get("PYTEST_XDIST_WORKER"):  # the controller tried before it started the workers
        return
    made = [p for p in (folder, *folder.parents) if not p.exists()]  # deepest first
    try:
        folder.mkdir(parents=True, exist_ok=True)
        refused = _cannot_write_in(folder)
    except OSError as exc:
        refused = f"not writable ({exc.strerror or exc})"
    finally:
        for path in made:  # what the try made is removed again: the run makes the folder when it writes
            try:
                path.rmdir()
            except OSError:
                break
    if refused is not None:
        raise pytest.UsageError(f"{flag} {folder}: {existing} is {refused}. Fix: choose a writable folder")


def _cannot_write_in(folder: Path) -> str | None:
    """Why no file can be written in the folder, tried with a file that is removed again; None when one can.
    os.access alone trusts root, whom /proc, /sys or an NFS export with root squash still refuse (the run then
    failed in every test, or waited forever for a lock file it could not create)."""
    import tempfile

    try:
        handle, name = tempfile.mkstemp(prefix=".llmeval-probe-", dir=folder)
    except OSError as exc:
        return f"not writable ({exc.strerror or exc})"
    os.close(handle)
    Path(name).unlink(missing_ok=True)
    return None


def check_rag_files(template: Path | None, dictionaries: list[Path]) -> None:
    """The RAG prompt template and jieba dictionaries given, read now: one that is not UTF-8 text, lacks a
    placeholder or has a malformed line is a usage error naming the file, not an error in every RAG case after
    the server has started (or a traceback while the index is built)."""
    from ..rag.prompt import MAX_TEMPLATE_BYTES, PLACEHOLDERS, missing_placeholders
    from ..rag.tokenize import MAX_DICTIONARY_BYTES, read_dictionary
    from ..textfiles import not_utf8, size_problem

    def reason(exc: Exception) -> str:
        if isinstance(exc, UnicodeDecodeError):
            return f"{not_utf8(exc)}. Fix: save it as UTF-8"
        return f"{exc.strerror or exc}. Fix: name a readable file" if isinstance(exc, OSError) else str(exc)

    if template is not None:
        problem = not_a(template, "file")
        if problem is not None:
            raise pytest.UsageError(
                f"--rag-template {template}: {problem}. Fix: name a UTF-8 text file with the "
                f"{' and '.join(PLACEHOLDERS)} placeholders"
            )
        too_large = size_problem(template, MAX_TEMPLATE_BYTES, "a prompt template")
        if too_large is not None:  # read whole: a data file named by mistake filled the memory first
            raise pytest.UsageError(f"--rag-template {template}: {too_large}. Fix: name the template file")
        try:
            text = template.read_text(encoding="utf-8")
        except (OSError, ValueError) as exc:
            raise pytest.UsageError(f"--rag-template {template}: {reason(exc)}") from None
        missing = missing_placeholders(text)
        if missing:
            raise pytest.UsageError(
                f"--rag-template {template}: no {' or '.join(missing)} placeholder. Fix: write "
                f"{' and '.join(PLACEHOLDERS)} where the retrieved context and the question go"
            )
    for path in dictionaries:
        problem = not_a(path, "file")
        if problem is not None:
            raise pytest.UsageError(
                f"--rag-dict {path}: {problem}. Fix: name the dictionary file (UTF-8 text, lines 'word [freq] [tag]')"
            )
        too_large = size_problem(path, MAX_DICTIONARY_BYTES, "a jieba dictionary")
        if too_large is not None:
            raise pytest.UsageError(f"--rag-dict {path}: {too_large}. Fix: name the dictionary file")
        try:
            read_dictionary(path)
        except (OSError, ValueError) as exc:
            raise pytest.UsageError(f"--rag-dict {path}: {reason(exc)}") from None


def check_chat_template(template: str, flag: str = "--llm-chat-template") -> None:
    """vLLM takes a file or the template's text: text without a Jinja tag is a path that is not there (vLLM
    started, loaded the model and then failed on it)."""
    try:
        path = Path(template).expanduser()
        is_file, is_dir = path.is_file(), path.is_dir()
        special = special_file(path)  # a device or a FIFO: vLLM's read of it never ends (or waits forever)
    except (OSError, RuntimeError, ValueError):  # a name too long, ~nobody, a NUL: no file by that name
        is_file = is_dir = special = False
    if special or (not is_file and not ("{{" in template or "{%" in template)):
        what = not_a(path, "file") if special else "is a folder" if is_dir else "no such file"
        raise pytest.UsageError(
            f"{flag} {template}: {what}. Fix: a Jinja chat template file (or its text, with its {{{{ }}}} / "
            "{% %} tags)"
        )
    if is_file:  # read whole (hashed for the answer cache, and by vLLM): another file named by mistake
        refuse_too_large(flag, path, MAX_SMALL_FILE_BYTES, "a chat template", "name the chat template's .jinja file")


def check_interpreter(flag: str, python: str) -> None:
    """A Python interpreter the run starts (a path, or a name on PATH): a usage error now, not a
    FileNotFoundError traceback in every test's setup when the first server starts."""
    import shutil

    found = shutil.which(python)
    if found is None:
        what = "is a folder" if Path(python).is_dir() else "not executable" if Path(python).exists() else "no such file"
        raise pytest.UsageError(
            f"{flag} {python}: {what}. Fix: the python of the environment that has vLLM installed, e.g. "
            f"{flag}=/opt/vllm/.venv/bin/python (default: this pytest's own python)"
        )


def check_scenario_paths(paths: list[Path]) -> None:
    """Each --llm-scenarios path exists and, a folder, holds scenario files: a folder without any ran the default
    scenarios alone, as if the user's cases had passed."""
    from ..evaluation.scenarios import KNOWLEDGE_DIR_NAME, SCENARIO_SUFFIXES, ScenarioError, discover_scenario_files

    for path in paths:
        problem = not_a(path, "file or folder")
        if problem is not None:
            raise pytest.UsageError(
                f"--llm-scenarios {path}: {problem}. Fix: pass an existing scenario file (*.yaml) or a folder of them"
            )
        try:
            found = discover_scenario_files([path])
        except ScenarioError as exc:
            raise pytest.UsageError(f"--llm-scenarios {exc}") from None
        if not found:
            suffixes = ", ".join(f"*{s}" for s in SCENARIO_SUFFIXES)
            raise pytest.UsageError(
                f"--llm-scenarios {path}: no scenario files ({suffixes}) in this folder or below (a folder named "
                f"'{KNOWLEDGE_DIR_NAME}' is the RAG corpus and skipped). Fix: name a folder or file that holds the "
                "cases"
            )


def check_paths(flag: str, paths: list[Path], want: str, fix: str) -> None:
    """Each path is the `want` ("file", "folder" or "file or folder") the option reads (`not_a`)."""
    for path in paths:
        problem = not_a(path, want)
        if problem is not None:
            raise pytest.UsageError(f"{flag} {path}: {problem}. Fix: {fix}")


def not_a(path: Path, want: str) -> str | None:
    """Why `path` is not the `want` ("file", "folder" or "file or folder") an option reads, in words - it is not
    there, it is a device or a FIFO (a read of /dev/zero never ends, of a FIFO waits for a writer), or it is the
    other kind; None when it is. Each was "no such file" (it is there), or an error after the start."""
    try:
        exists, is_file, is_dir = path.exists(), path.is_file(), path.is_dir()
    except (OSError, ValueError) as exc:
        return f"cannot be looked up ({exc.strerror if isinstance(exc, OSError) and exc.strerror else exc})"
    if not exists:
        return f"no such {want}"
    if not (is_file or is_dir):
        return "is not a regular file or folder (a device or a FIFO)"
    if is_dir and want == "file":
        return "is a folder"
    if is_file and want == "folder":
        return "is a file, not a folder"
    return None


def check_knowledge(paths: Sequence[Path], given: bool) -> None:
    """With RAG on, the knowledge base exists and holds a document (the default scenarios/knowledge too): every RAG
    case of the run errored in retrieval ("knowledge path does not exist"), after the model server had started."""
    from ..rag.documents import _iter_files, no_documents_problem  # the retriever's own rule of what a document is

    flag = "--rag-knowledge" if given else f"--rag (its default knowledge base, {DEFAULT_KNOWLEDGE_DIR})"
    for path in paths:
        problem = not_a(path, "file or folder")
        if problem is not None:
            raise pytest.UsageError(
                f"{flag} {path}: {problem}. Fix: pass your documents with --rag-knowledge=PATH (.md/.txt files or "
                "folders)"
            )
    if not any(next(iter(_iter_files(path)), None) is not None for path in paths):
        # the files there that are not read are named (a folder of .pdf/.docx was only "no documents")
        where = ", ".join(str(p) for p in paths)
        raise pytest.UsageError(f"{flag} {where}: no documents to retrieve from: {no_documents_problem(paths)}")


def check_price_labels(path: Path, labels: Sequence[str]) -> None:
    """A model whose label has no API price, where the prices file prices a label one typo away (`qwen3-8b` for the
    model `qwen3_8b`) and has no `default`: its cost was left out of the reports ("no API price") without a word
    of the misspelling."""
    import difflib

    from ..cost import load_prices

    prices = load_prices(path)  # read and checked above
    run_labels = {label.lower() for label in labels}
    for label in labels:
        if prices.api_price(label) is not None:
            continue
        # a key that is another model of the run, or names another size or version (qwen3-8b beside qwen3-4b,
        # llama3-70b beside llama3-8b), prices that model: a model left unpriced beside it is no misspelling
        keys = [key.lower() for key in prices.api if _same_numbers(key, label) and key.lower() not in run_labels]
        close = difflib.get_close_matches(label.lower(), keys, n=1, cutoff=0.8)
        if close:
            written = next(key for key in prices.api if key.lower() == close[0])
            raise pytest.UsageError(
                f"--llm-prices: {path}: api has no price for the model {label!r}: did you mean `{written}`? Fix: "
                f"write the model's label ({label}) as the key, or add a 'default:' price"
            )


def _same_numbers(first: str, second: str) -> bool:
    """Whether two labels hold the same numbers in the same order (qwen3-8b and qwen3_8b: yes; qwen3-4b: no)."""
    return re.findall(r"[0-9]+", first) == re.findall(r"[0-9]+", second)


def check_local_models(*specs: tuple[str, ComponentSpec]) -> None:
    """A `flag:PATH` embedder or reranker names a local model folder: one that is not there errored every RAG case
    when the retriever was first built, after the model server had started."""
    for flag, spec in specs:
        if spec.kind != "flag":
            continue
        problem = not_a(Path(spec.path).expanduser(), "folder")
        if problem is not None:
            raise pytest.UsageError(
                f"{flag} flag:{spec.path}: {problem} (flag: takes the local folder of the model). Fix: download the "
                f"model and pass its folder, e.g. {flag}=flag:/models/bge-m3"
            )


def check_documents_readable(paths: Sequence[Path], dictionaries: Sequence[str | Path], given: bool) -> None:
    """The knowledge base read now as the retriever reads it: a document that is not UTF-8 text (a GBK file, a
    binary file), cannot be opened (permissions), has the id of another, or a base whose every document is empty
    errored every RAG case in retrieval after the model server had started - a run saved with no RAG answer."""
    from ..rag.documents import load_documents

    flag = "--rag-knowledge" if given else f"--rag (its default knowledge base, {DEFAULT_KNOWLEDGE_DIR})"
    fix = "Fix: save each document as UTF-8 text that you can read, or move it out of the knowledge folder"
    try:
        documents = load_documents(paths, exclude=dictionaries)
    except OSError as exc:  # a file that cannot be opened: its path and why
        raise pytest.UsageError(f"{flag}: {exc.filename}: cannot be read ({exc.strerror}). {fix}") from None
    except ValueError as exc:  # not UTF-8 text, or two documents of one id (both named)
        if "Fix:" in str(exc):  # a DocumentError: the file, what it is, and its own fix
            raise pytest.UsageError(f"{flag}: {exc}") from None
        if not isinstance(exc.__cause__, UnicodeDecodeError):
            fix = "Fix: name each file or folder once, and give files passed directly different names (such a "
            fix += "file is known by its name)"
        raise pytest.UsageError(f"{flag}: {exc}. {fix}") from None
    for document in documents:
        if "\0" in document.text:  # valid UTF-8, yet no text: its NUL bytes and binary would be indexed as words
            raise pytest.UsageError(f"{flag}: {document.path}: is not text (it holds NUL bytes: a binary file). {fix}")
    if not any(document.text.strip() for document in documents):
        where = ", ".join(str(path) for path in paths)
        raise pytest.UsageError(
            f"{flag} {where}: every document is empty, or the only files there are the jieba dictionaries: nothing "
            "to retrieve from. Fix: put the knowledge documents (.md, .txt) there, or pass --rag-knowledge=PATH"
        )


def check_ini_keys(config: pytest.Config) -> None:
    """An ini key of this plugin's prefixes that no plugin declares (a misspelt `llm_compare_fial`) is a usage
    error naming the nearest key: pytest only warned at the end of the run, after the setting was ignored (a gate
    that never ran, a default model evaluated)."""
    unknown = getattr(config, "_get_unknown_ini_keys", None)  # pytest's own (it warns of them at the end)
    for key in sorted(unknown() if unknown is not None else ()):
        if not key.startswith(("llm_", "rag_")):
            continue
        from ..evaluation.scenario_keys import unknown_key_fix

        ours = sorted(opt.ini for opt in OPTIONS)
        where = config.inipath.name if config.inipath is not None else "the ini file"
        raise pytest.UsageError(f"{where}: unknown ini key {key}. Fix: {unknown_key_fix(key, ours)}")


def special_file(path: Path) -> bool:
    """Something that exists but is neither a regular file nor a folder (a FIFO, a device): reading it waits."""
    try:
        return path.exists() and not (path.is_file() or path.is_dir())
    except (OSError, ValueError):  # a name too long, a NUL: not there
        return False


def unusable_path(text: str) -> str | None:
    """Why `text` cannot be looked up as a path at all - a name too long, a NUL, `~user` of no user, a loop of
    links - in words; None for any path that can (whether or not it exists: the option's own check says that).
    Each was an INTERNALERROR from the first check that looked at the path."""
    import errno

    try:
        os.stat(Path(text).expanduser())
    except RuntimeError:  # Path.expanduser of ~nobody
        return f"{text.split('/')[0]}: no such user's home folder"
    except ValueError as exc:  # embedded null byte
        return str(exc)
    except OSError as exc:
        return exc.strerror if exc.errno in (errno.ENAMETOOLONG, errno.ELOOP) else None
    return None


def _path_texts(flag: str, value: Any) -> list[str]:
    """The path texts an option's value holds: the value (or each of a repeated option's), the FILE of an
    `@FILE` URL list, the PATH of a `KIND:PATH` dataset."""
    texts = [value] if isinstance(value, str) else [v for v in value or [] if isinstance(v, str)]
    if flag == "--llm-base-url":
        return [t.strip()[1:] for t in texts if t.strip().startswith("@")]
    if flag == "--llm-dataset":
        return [t.partition(":")[2] for t in texts]
    return texts


def check_path_texts(config: pytest.Config, raw: dict[str, Any]) -> None:
    """Every path an option names can be looked up (`unusable_path`), before any check looks at it."""
    for opt in OPTIONS:
        if opt.flag not in (*PATH_OPTIONS, "--llm-base-url", "--llm-dataset"):
            continue
        for text in _path_texts(opt.flag, config.getoption(opt.dest) or raw.get(opt.field)):
            problem = unusable_path(text)
            if problem is not None:
                raise pytest.UsageError(
                    f"{opt.flag} {shown(text, 80)}: cannot be used as a path ({problem}). Fix: write the path of an "
                    "existing folder or file, or one that can be made"
                )


# The largest file read whole of each kind: a chat template or a file of URLs is a page (1 MiB is a hundred times
# that), a benchmark's prompts a few MB. A larger file is another one named by mistake, or a sparse file, and it was
# read into memory before anything refused it.
MAX_SMALL_FILE_BYTES = 2**20
MAX_PROMPT_FILE_BYTES = 64 * 2**20


def refuse_too_large(flag: str, path: Path, limit: int, what: str, fix: str) -> None:
    """A usage error naming `flag`, the file and the limit when `path` holds more than `limit` bytes."""
    from ..textfiles import size_problem

    problem = size_problem(path, limit, what)
    if problem is not None:
        where = flag if flag.endswith(":") else f"{flag} {path}:"
        raise pytest.UsageError(f"{where} {problem}. Fix: {fix}")


def check_url_files(flag: str, values: list[str]) -> None:
    """`@FILE` of URLs that is a FIFO or a folder: a usage error, not a read that waits forever."""
    for value in values:
        value = value.strip()
        if not value.startswith("@"):
            continue
        path = Path(value[1:]).expanduser()
        if path.is_dir() or special_file(path):
            what = "a folder" if path.is_dir() else "not a regular file"
            raise pytest.UsageError(f"{flag} {value}: {path} is {what}. Fix: a text file of URLs, one a line")
        refuse_too_large(f"{flag} {value}:", path, MAX_SMALL_FILE_BYTES, "a file of URLs", "a text file of URLs")


def check_prompt_file(path: Path) -> None:
    """--llm-bench-prompt-file: an existing .txt or .jsonl file, named by the option."""
    flag = "--llm-bench-prompt-file"
    if not path.exists():
        raise pytest.UsageError(f"{flag} {path}: no such file. Fix: pass an existing .txt or .jsonl file")
    if not path.is_file():
        what = "a folder" if path.is_dir() else "not a regular file"
        raise pytest.UsageError(f"{flag} {path}: is {what}. Fix: pass a .txt (one prompt a line) or .jsonl file")
    refuse_too_large(flag, path, MAX_PROMPT_FILE_BYTES, "a prompt file", "a .txt (one prompt a line) or .jsonl file")
    from ..bench.prompts import PromptFileError, load_prompt_file

    try:  # read now: a malformed line failed the benchmark after the server had started
        load_prompt_file(path)
    except PromptFileError as exc:
        raise pytest.UsageError(f"{flag}: {exc}") from None
    except ValueError as exc:  # json's refusal of an integer of more than 4,300 digits
        raise pytest.UsageError(
            f"{flag}: prompt file {path}: a line cannot be read ({shown(str(exc), 120)[1:-1]}). Fix: one JSON object "
            'per line, e.g. {"prompt": "..."}'
        ) from None


def check_model_source(spec: ModelSpec, server: ServerSettings) -> None:
    """A launched model's path or hub id can be loaded (`model_source_problem`): a path that is not there, a file
    that is not a GGUF, a folder without config.json or a hub id that is not downloaded while vLLM runs offline
    failed when the model's turn came - after the models before it had run - as every case's launch error; so did a
    config.json vLLM cannot read and a folder without its weights."""
    if spec.embedded or server.base_url is not None:  # attached: the model is a served name, not a path
        return
    from ..serving.models import model_source_problem, model_weights_problem

    problem = model_source_problem(spec, server.extra_args, {**os.environ, **server.env})
    if problem is None:
        problem = model_config_problem(spec, server.extra_args)
    if problem is None:  # a folder with a config but no weights (or shards missing): vLLM failed after its start
        problem = model_weights_problem(spec, server.extra_args)
    if problem is None:  # a context past the model's: vLLM refused it a minute into its start
        problem = max_model_len_problem(spec, server)
    if problem is not None:
        raise pytest.UsageError(problem)


def model_config_problem(spec: ModelSpec, vllm_args: Sequence[str]) -> str | None:
    """Why a local model folder's config.json cannot be read as vLLM reads it first (not UTF-8, not JSON, not an
    object), with the fix; None when it can, or when vLLM reads another (`--hf-config-path`) or none (a GGUF, a
    hub id). A broken one failed as every case's launch error when the model's turn came, after the models before
    it had run. So did a config.json of no chat model (BERT, a classifier, Whisper: `chatless_architecture`): vLLM
    started and every case failed at /chat/completions."""
    from ..serving.vllm_arguments import flag_value

    try:
        config = Path(spec.source).expanduser() / "config.json"
        if not config.is_file() or flag_value(vllm_args, "--hf-config-path") is not None:
            return None
        text = config.read_text(encoding="utf-8")
        data = json.loads(text)
    except (OSError, RuntimeError, ValueError, RecursionError) as exc:
        why = _config_json_error(exc)
        if why is None:  # the path cannot be looked up at all: model_source_problem's to name
            return None
    else:
        if isinstance(data, dict):
            from ..serving.models import chatless_architecture

            chatless = chatless_architecture(data)
            return None if chatless is None else f"{model_where(spec)}: {chatless}"
        why = f"is a JSON {type(data).__name__}, not an object"
    return (
        f"{model_where(spec)}: {config} {why}, so vLLM cannot load the model. Fix: repair the file or download "
        "the model again (config.json is the model's own, saved as UTF-8 JSON)"
    )


def _config_json_error(exc: BaseException) -> str | None:
    """What reading config.json raised, as the words after its name; None for an error of the path itself."""
    from ..textfiles import not_utf8

    if isinstance(exc, UnicodeDecodeError):
        return f"is {not_utf8(exc)}"
    if isinstance(exc, json.JSONDecodeError):
        return f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
    if isinstance(exc, RecursionError):
        return "is nested too deeply to read"
    if isinstance(exc, OSError) and exc.filename is not None and Path(exc.filename).name == "config.json":
        return f"cannot be read ({exc.strerror or exc})"
    return None


def check_model_options(spec: ModelSpec) -> None:
    """A per-model setting (--llm-model-arg LABEL:KEY=VALUE) meets the rule of the option it overrides: a
    gpu_memory_utilization of 5 or nan went to vLLM, which refused it after the server had started."""
    by_field = {opt.field: opt for opt in OPTIONS}
    if spec.gpus is not None:  # LABEL=PATH@0,0: the --llm-gpus rule (a GPU twice hid every GPU from vLLM)
        problem = value_problem(by_field["server.cuda_visible_devices"], spec.gpus)
        if problem is not None:
            raise pytest.UsageError(
                f"the GPUs of model {spec.label}, {spec.gpus} (--llm-model LABEL=PATH@GPUS or --llm-model-arg "
                f"LABEL:gpus=GPUS, as --llm-gpus): {problem}"
            )
    for key, value in spec.options:
        opt = by_field.get(f"server.{key}")
        if opt is None:
            continue
        problem = value_problem(opt, value)
        if problem is not None:
            raise pytest.UsageError(f"--llm-model-arg {spec.label}:{key}={value} (as {opt.flag}): {problem}")
    template = dict(spec.options).get("chat_template")
    if template is not None:  # as --llm-chat-template: a file that is not there failed after the server started
        check_chat_template(str(template), f"--llm-model-arg {spec.label}:chat_template")


CONTEXT_CASES_SHOWN = 5  # the cases a context error names before "and N more"


def context_problem(cases: Sequence[Any], settings: Any) -> str | None:
    """The cases (or --llm-max-tokens) asking at least as many tokens as a launched model's server holds in all,
    with both numbers and the fix; None when none does or no length is known here. vLLM refuses such a request
    (the prompt and the answer share the context: `max_tokens` must leave room for one prompt token at least) with
    a 400 - each such case was an error of the run, found one after another once the server had started. An
    attached server's length is not known before it answers: left to it."""
    from ..serving.models import model_server_settings

    for spec in settings.models:
        server = model_server_settings(spec, settings.server)
        if server.base_url is not None:
            continue
        known = launched_context(spec, server)
        if known is None:
            continue
        length, where = known
        asked = [(case, case.max_tokens or settings.max_tokens) for case in cases]
        over = [(case, tokens) for case, tokens in asked if tokens >= length]
        if over:
            return _context_text(spec.label, length, where, over, settings.max_tokens)
    return None


def launched_context(spec: ModelSpec, server: ServerSettings) -> tuple[int, str] | None:
    """The context length the server of a launched model gets, and where it is set: --llm-max-model-len (or the
    model's own max_model_len, or --max-model-len among the vLLM arguments), else the embedded model's default, else
    what vLLM reads from the model's config.json (a local folder, or a hub id in the Hugging Face cache)."""
    from ..serving.context import config_context
    from ..serving.embedded import EMBEDDED_SERVER_DEFAULTS
    from ..serving.vllm_arguments import flag_value, launch_options

    length = launch_options(server)[0]["max_model_len"]
    if isinstance(length, int):
        if dict(spec.options).get("max_model_len") == length:
            return length, f"--llm-model-arg {spec.label}:max_model_len={length}"
        if server.max_model_len == length and flag_value(server.extra_args, "--max-model-len") is None:
            return length, f"--llm-max-model-len {length}"
        return length, f"--max-model-len {length} among its vLLM arguments (--llm-vllm-arg)"
    if length is not None:  # a length vLLM reads otherwise (`auto`): left to it
        return None
    if spec.embedded:
        default = EMBEDDED_SERVER_DEFAULTS["max_model_len"]
        if isinstance(default, int):
            return default, f"the embedded model's --max-model-len {default}"
        return None
    return config_context(folder) if (folder := model_config_folder(spec, server)) is not None else None


# vLLM arguments that change the config vLLM reads: the config.json on disk says nothing about the length then
CONFIG_OVERRIDES = ("--hf-config-path", "--hf-overrides", "--rope-scaling", "--rope-theta")


def model_config_folder(spec: ModelSpec, server: ServerSettings) -> Path | None:
    """The folder whose config.json vLLM reads for a launched model (a local folder, or a hub id's snapshot in the
    Hugging Face cache); None when there is none here, or when a vLLM argument overrides it (`--hf-overrides
    '{"max_position_embeddings": 131072}'` made the model longer than its file says: a case was refused in error)."""
    from ..serving.hub_files import default_hub_cache, download_dir, resolve_hub_snapshot
    from ..serving.vllm_arguments import flag_value

    if spec.embedded or any(flag_value(server.extra_args, flag) is not None for flag in CONFIG_OVERRIDES):
        return None
    if any(arg.replace("_", "-").startswith("--hf-overrides.") for arg in server.extra_args):  # vLLM's dotted form
        return None
    folder = Path(home_expanded(spec.source))
    try:
        if not folder.is_dir():
            hub = download_dir(server.extra_args) or default_hub_cache({**os.environ, **server.env})
            return resolve_hub_snapshot(spec.source, hub, flag_value(server.extra_args, "--revision"))
    except (OSError, ValueError):
        return None
    return folder


def max_model_len_problem(spec: ModelSpec, server: ServerSettings) -> str | None:
    """A context asked of a launched model's server (--llm-max-model-len, the model's max_model_len, or
    --max-model-len among its vLLM arguments) longer than the model's config.json allows, with both numbers and
    the fix; None when it is not, or cannot be told here, or VLLM_ALLOW_LONG_MAX_MODEL_LEN is set. vLLM refused
    it deep in its start, after a minute of loading, as every case's launch error."""
    from ..serving.context import folder_length, longer_than_the_model

    asked = launched_context(spec, server) if not spec.embedded else None
    if asked is None or asked[1].endswith("config.json"):
        return None
    folder = model_config_folder(spec, server)
    known = folder_length(folder) if folder is not None else None
    problem = longer_than_the_model(asked[0], asked[1], known, {**os.environ, **server.env})
    return None if problem is None else f"model {spec.label}: {problem}"


def _context_text(label: str, length: int, where: str, over: list[tuple[Any, int]], default: int) -> str:
    """The context error: which cases (or --llm-max-tokens), both numbers, where the length is set, the fix."""
    by_option = [case for case, tokens in over if not case.max_tokens]
    own = [(case, tokens) for case, tokens in over if case.max_tokens]
    if by_option:
        head = f"--llm-max-tokens {default} (the answer budget of {len(by_option)} case(s) without their own)"
        fix = f"lower --llm-max-tokens below {length}"
    else:
        names = ", ".join(
            f"'{case.id}' ({Path(case.source).name}: max_tokens {tokens})" for case, tokens in own[:CONTEXT_CASES_SHOWN]
        )
        more = f" and {len(own) - CONTEXT_CASES_SHOWN} more" if len(own) > CONTEXT_CASES_SHOWN else ""
        head = f"{len(own)} case(s) ask as many answer tokens as its server holds or more: {names}{more}"
        fix = f"lower the max_tokens of each below {length} (e.g. max_tokens: {max(1, length // 4)})"
    if where.endswith("config.json"):  # the model's own length: vLLM refuses a longer one
        grow = " (the model's config allows no longer context)"
    elif where.startswith("the embedded"):
        grow = ", or give it a longer context with --llm-max-model-len"
    else:
        grow = f", or raise the context the server is given ({where})"
    return (
        f"model {label}: {head}, but its server holds {length} tokens in all, prompt and answer ({where}): vLLM "
        f"refuses each such request. Fix: {fix}{grow}"
    )
