"""A launched server's own temp folder, removed when the server stops.

vLLM leaves files in the temp dir at every start, also after a clean stop: the ZMQ sockets of its engine
(`<uuid>`, seven for the CPU build's three processes) and torch's FileStore of its distributed init
(`vllm_dist_<hex>`: vllm/utils/network_utils.py, `get_file_store_init_method`). A nightly job that starts a
few servers a night fills /tmp with thousands of them. Each server is given a folder of its own as TMPDIR
(Python's tempfile, which both use, reads TMPDIR first), removed by the launcher's stop - or by the watchdog
when pytest was killed.

Torch Inductor keeps its compile cache under the temp dir unless TORCHINDUCTOR_CACHE_DIR says otherwise
(torch/_inductor/runtime/cache_dir_utils.py, `default_cache_dir`: `<tempdir>/torchinductor_<user>`): that one
folder stays where it was, so a warm start stays warm. Copied here, not imported: importing torch to name a
folder would cost the plugin seconds at every launch.
"""

from __future__ import annotations

import getpass
import os
import re
import shutil
import tempfile
from collections.abc import Mapping
from pathlib import Path

PREFIX = "llmeval-vllm-"


def make_scratch() -> Path:
    """A new private folder (mode 0700) under the user's temp dir for one server's temp files."""
    return Path(tempfile.mkdtemp(prefix=PREFIX))


def inductor_cache_default() -> str:
    """Where torch Inductor puts its cache when TORCHINDUCTOR_CACHE_DIR is not set (torch's own rule)."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container's random uid): torch's fallback
        user = f"uid_{os.getuid()}"
    return os.path.join(tempfile.gettempdir(), "torchinductor_" + re.sub(r'[\\/:*?"<>|]', "_", user))


def scratch_environment(scratch: Path, env: Mapping[str, str]) -> dict[str, str]:
    """The variables that send the temp files of a server whose environment is `env` to `scratch`; Inductor's
    cache stays where it was."""
    return {
        "TMPDIR": str(scratch),
        "TORCHINDUCTOR_CACHE_DIR": env.get("TORCHINDUCTOR_CACHE_DIR") or inductor_cache_default(),
    }


def remove_scratch(scratch: Path | str | None) -> None:
    """Remove a server's temp folder; a folder that is not one of ours is never touched."""
    if scratch is None:
        return
    path = Path(scratch)
    if path.name.startswith(PREFIX) and path.parent == Path(tempfile.gettempdir()):
        shutil.rmtree(path, ignore_errors=True)
