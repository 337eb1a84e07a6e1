"""The scale-out recipes in examples/scale-out/ are checked as far as this machine allows: the shell scripts
parse (`bash -n`), the YAML files parse, and every pytest-llmeval flag they use exists. (Their schemas were
checked with check-jsonschema's GitHub workflow schema and kubernetes-validate; see docs/scale-out.md.)"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import yaml

from pytest_llmeval.config import OPTIONS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "scale-out"
FLAGS = {opt.flag for opt in OPTIONS}


@pytest.mark.parametrize("script", sorted(EXAMPLES.glob("*.sbatch")), ids=lambda p: p.name)
def test_shell_scripts_parse(script: Path):
    assert subprocess.run(["bash", "-n", str(script)], capture_output=True).returncode == 0


@pytest.mark.parametrize("path", sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*.yml")]), ids=lambda p: p.name)
def test_yaml_files_parse(path: Path):
    documents = [d for d in yaml.safe_load_all(path.read_text(encoding="utf-8")) if d is not None]
    assert documents


def test_every_flag_the_recipes_use_exists():
    used = set()
    for path in EXAMPLES.iterdir():
        used |= set(re.findall(r"(--(?:llm|rag)-[a-z-]+)", path.read_text(encoding="utf-8")))
    assert used and used <= FLAGS, used - FLAGS
