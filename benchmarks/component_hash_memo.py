"""What the RAG embedder's and reranker's identity costs at a retriever start, without and with the file-hash memo.

A RAG run records the digest of the embedder and reranker it retrieved with (`retrieval.components`, so that
`rescore` can name answers retrieved by another model); a `flag:` model folder is known by its files' content.
Without a memo every retriever start - every run, every xdist worker - hashed the whole folder again (BGE-M3 is
2.2 GB). This builds a model folder of `--mib` MiB of random weights in a temporary folder and times
`retrieval_components_digest` cold (no memo, and a first start: hashed and remembered) and warm (a second start,
a new memo object as a new process has: its hashes read from the memo file).

    .venv/bin/python benchmarks/component_hash_memo.py [--mib 1024] [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from pytest_llmeval.serving.hash_memo import JsonHashMemo
from pytest_llmeval.serving.identity import retrieval_components_digest


def timed(action: object) -> float:
    start = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=1024, help="size of the model's weights file (MiB)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each (best and worst shown)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "bge"
        folder.mkdir()
        (folder / "config.json").write_text("{}", encoding="utf-8")
        with (folder / "model.safetensors").open("wb") as out:
            for _ in range(args.mib):
                out.write(os.urandom(1 << 20))
        spec = f"flag:{folder}"
        memo_file = Path(tmp) / "file-hashes.json"
        rows = {"no memo": [], "first start (memo empty)": [], "next start (memo read)": []}
        for _ in range(args.runs):
            rows["no memo"].append(timed(lambda: retrieval_components_digest(spec, "none")))
            memo_file.unlink(missing_ok=True)
            rows["first start (memo empty)"].append(
                timed(lambda: retrieval_components_digest(spec, "none", JsonHashMemo(memo_file)))
            )
            rows["next start (memo read)"].append(
                timed(lambda: retrieval_components_digest(spec, "none", JsonHashMemo(memo_file)))
            )
    print(f"embedder folder: {args.mib} MiB of weights; {args.runs} runs each; seconds (best / worst)")
    for name, seconds in rows.items():
        print(f"  {name:28s} {min(seconds):8.3f} / {max(seconds):.3f}")


if __name__ == "__main__":
    main()
