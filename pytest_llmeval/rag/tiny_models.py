"""Tiny, randomly initialised retrieval models that FlagEmbedding and vLLM's CPU build really load, for tests.

No model hub is reachable here and no cross-encoder or BGE-M3 ships on PyPI, so these are built locally, once,
into the cache (`$LLMEVAL_CACHE_DIR/models/<name>-vN`, else `~/.cache/pytest-llmeval/models/...`), under a file
lock with an atomic rename - like :mod:`pytest_llmeval.vision.tiny_model`. Their scores and vectors are noise;
the path they exercise (`flag:` through FlagEmbedding, `vllm:` through a pooling server's `/v1/rerank`) is the
real one, with the real stage timings.

- :func:`build_tiny_reranker`: shaped like bge-reranker-v2-m3 - ``XLMRobertaForSequenceClassification`` with
  ``num_labels=1`` (one relevance logit per (query, passage) pair). Loads in FlagEmbedding's ``FlagReranker``
  and in ``vllm serve DIR --runner pooling`` (``/v1/rerank``, ``/v1/score``).
- :func:`build_tiny_bge_m3`: shaped like BGE-M3 - an ``XLMRobertaModel`` plus the ``colbert_linear.pt`` and
  ``sparse_linear.pt`` heads ``BGEM3FlagModel`` loads beside it; dense vectors are the CLS state.

Both: 2 layers, hidden 64 (2 heads of 32, a head size vLLM's CPU attention supports), 8194 positions like the
real models, and a byte-level BPE tokenizer trained here on a few KB of text (any UTF-8 encodes, Chinese
included) with XLM-R's special tokens and pair layout (``<s> A </s></s> B </s>``). Weights ~1 MB each; a build
takes a few seconds.

    python -m pytest_llmeval.rag.tiny_models    # builds both if needed, prints the directories
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

VERSION = "1"  # bump to invalidate cached builds
RERANKER_LABEL = "tiny-xlmr-reranker"
BGE_M3_LABEL = "tiny-bge-m3"
HIDDEN = 64
LAYERS = 2
HEADS = 2  # head size 32
MAX_POSITIONS = 8194  # 8192 tokens + XLM-R's padding offset of 2, as in bge-m3 / bge-reranker-v2-m3
VOCAB = 1024

# XLM-R's special tokens at XLM-R's ids: <s>=0, <pad>=1, </s>=2, <unk>=3 (then <mask>).
SPECIAL_TOKENS = ["<s>", "<pad>", "</s>", "<unk>", "<mask>"]

# Text to train the byte-level BPE on: merges are irrelevant to a random model, any text still encodes.
_CORPUS = (
    "The quick brown fox jumps over the lazy dog. Which document answers the question? "
    "revenue profit growth contract price annual fee support deployment policy leave employee bank "
    "0123456789 .,:;!?-+/()%$ "
    "公司 银行 首席执行官 首席信息官 营业收入 同比增长 净利润 合同金额 年费 私有化部署 "
    "员工 带薪年休假 病假 风控平台 实时拦截 欺诈交易 总部 分公司 知识库 文档 问题 答案 "
) * 16


class TinyModelError(RuntimeError):
    """A tiny model cannot be built; the message says what to install."""


def build_tiny_reranker(cache_dir: Path | None = None) -> Path:
    """The tiny cross-encoder's directory (bge-reranker-v2-m3 shaped), built on first use; safe across processes."""
    return _cached(RERANKER_LABEL, _build_reranker, cache_dir)


def build_tiny_bge_m3(cache_dir: Path | None = None) -> Path:
    """The tiny BGE-M3-shaped embedder's directory, built on first use; safe across processes."""
    return _cached(BGE_M3_LABEL, _build_bge_m3, cache_dir)


def _cached(label: str, build: Callable[[Path], None], cache_dir: Path | None) -> Path:
    from ..serving.built_models import cached_build, models_dir

    return cached_build(models_dir(cache_dir), f"{label}-v{VERSION}", build)


def _imports() -> dict[str, Any]:
    try:
        import torch
        import transformers
        from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
    except ImportError as exc:
        raise TinyModelError(
            f"building a tiny retrieval model needs '{exc.name}'. Fix: pip install torch transformers "
            "(or run scripts/setup.sh)"
        ) from None
    return {
        "torch": torch,
        "transformers": transformers,
        "Tokenizer": Tokenizer,
        "decoders": decoders,
        "models": models,
        "pre_tokenizers": pre_tokenizers,
        "processors": processors,
        "trainers": trainers,
    }


def _save_tokenizer(out: Path) -> int:
    """Train and save the byte-level BPE tokenizer with XLM-R's specials and pair layout; its vocab size."""
    m = _imports()
    bpe = m["Tokenizer"](m["models"].BPE())
    bpe.pre_tokenizer = m["pre_tokenizers"].ByteLevel(add_prefix_space=False)
    bpe.decoder = m["decoders"].ByteLevel()
    trainer = m["trainers"].BpeTrainer(
        vocab_size=VOCAB,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=m["pre_tokenizers"].ByteLevel.alphabet(),
        show_progress=False,
    )
    bpe.train_from_iterator([_CORPUS], trainer)
    ids = {tok: bpe.token_to_id(tok) for tok in ("<s>", "</s>")}
    # XLM-R layout; every token has type 0 (the models have a single token type).
    bpe.post_processor = m["processors"].TemplateProcessing(
        single="<s> $A </s>",
        pair="<s> $A </s> </s> $B </s>",
        special_tokens=list(ids.items()),
    )
    tokenizer = m["transformers"].PreTrainedTokenizerFast(
        tokenizer_object=bpe,
        bos_token="<s>",
        eos_token="</s>",
        sep_token="</s>",
        cls_token="<s>",
        unk_token="<unk>",
        pad_token="<pad>",
        mask_token="<mask>",
        model_max_length=MAX_POSITIONS - 2,
        model_input_names=["input_ids", "attention_mask"],
    )
    tokenizer.save_pretrained(str(out))
    return int(len(tokenizer))


def _config(vocab_size: int, **extra: Any) -> Any:
    from transformers import XLMRobertaConfig

    return XLMRobertaConfig(
        vocab_size=vocab_size,
        hidden_size=HIDDEN,
        num_hidden_layers=LAYERS,
        num_attention_heads=HEADS,
        intermediate_size=4 * HIDDEN,
        max_position_embeddings=MAX_POSITIONS,
        type_vocab_size=1,
        # 10x the usual 0.02: relevance scores spread over ~0.1-0.4 instead of all being ~0.50, so two backends'
        # orders can be compared without near-ties.
        initializer_range=0.2,
        bos_token_id=0,
        pad_token_id=1,
        eos_token_id=2,
        **extra,
    )


def _build_reranker(out: Path) -> None:
    m = _imports()
    torch, transformers = m["torch"], m["transformers"]
    vocab_size = _save_tokenizer(out)
    config = _config(vocab_size, num_labels=1)
    config.architectures = ["XLMRobertaForSequenceClassification"]
    torch.manual_seed(0)
    model = transformers.XLMRobertaForSequenceClassification(config)
    model.save_pretrained(str(out))


def _build_bge_m3(out: Path) -> None:
    m = _imports()
    torch, transformers = m["torch"], m["transformers"]
    vocab_size = _save_tokenizer(out)
    config = _config(vocab_size)
    config.architectures = ["XLMRobertaModel"]
    torch.manual_seed(0)
    model = transformers.XLMRobertaModel(config)
    model.save_pretrained(str(out))
    # BGEM3FlagModel loads these two heads from the model directory (random heads if they are missing).
    torch.save(torch.nn.Linear(HIDDEN, HIDDEN).state_dict(), out / "colbert_linear.pt")
    torch.save(torch.nn.Linear(HIDDEN, 1).state_dict(), out / "sparse_linear.pt")


if __name__ == "__main__":
    print(build_tiny_reranker())
    print(build_tiny_bge_m3())
    sys.exit(0)
