"""Shared fixtures: the seed text, the optional corpus, the Hypothesis profiles."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.helpers import SEED, corpus_dir, read_text

# Hypothesis profiles: "ci" keeps property tests bounded; "long" for a thorough run
# (CABLEMODEL_HYPOTHESIS_PROFILE=long pytest tests/property).
settings.register_profile(
    "ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("CABLEMODEL_HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return read_text(SEED)


@pytest.fixture(scope="session")
def corpus() -> Path:
    folder = corpus_dir()
    if folder is None:
        pytest.skip("CABLEMODEL_CORPUS is not set")
    files = sorted(folder.glob("*.txt"))
    assert files, f"no *.txt cables in {folder}"
    return folder


@pytest.fixture
def public_tmp_path() -> Iterator[Path]:
    """A new folder that every user may enter (pytest's tmp_path is private to its owner),
    for tests that run the command as another user."""
    folder = Path(tempfile.mkdtemp(prefix="cablemodel-test-"))
    folder.chmod(0o755)
    yield folder
    for root, folders, _ in os.walk(folder):
        for name in folders:
            os.chmod(os.path.join(root, name), 0o755)
    shutil.rmtree(folder)
