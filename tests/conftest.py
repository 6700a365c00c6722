"""Shared fixtures: the test data folder, the seed, and the optional corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
SEED = DATA / "05PARIS3759.txt"


def read_text(path: Path) -> str:
    """A file's text exactly as stored (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_text(SEED)


def corpus_dir() -> Path | None:
    value = os.environ.get("CABLEMODEL_CORPUS")
    return Path(value) if value else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    folder = corpus_dir()
    if folder is None:
        pytest.skip("CABLEMODEL_CORPUS is not set")
    files = sorted(folder.glob("*.txt"))
    assert files, f"no *.txt cables in {folder}"
    return folder
