"""Shared fixtures: the test data folder, the seed, and the optional corpus."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# Hypothesis profiles: "ci" keeps property tests bounded; "long" for a thorough run
# (CABLEMODEL_HYPOTHESIS_PROFILE=long pytest tests/test_properties.py tests/test_fuzz.py).
settings.register_profile(
    "ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CABLEMODEL_HYPOTHESIS_PROFILE", "ci"))

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
    return Path(value).resolve() if value else None


@pytest.fixture(scope="session")
def corpus() -> Path:
    folder = corpus_dir()
    if folder is None:
        pytest.skip("CABLEMODEL_CORPUS is not set")
    files = sorted(folder.glob("*.txt"))
    assert files, f"no *.txt cables in {folder}"
    return folder
