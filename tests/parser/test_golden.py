"""Real cables from tests/data against their golden summaries, and losslessness."""

from __future__ import annotations

import json

import pytest

import cablemodel
from tests.golden import GOLDEN, golden_ids, summarize
from tests.helpers import DATA, read_text

IDS = golden_ids()


def test_every_golden_file_has_its_cable() -> None:
    assert [rid for rid in IDS if not (DATA / f"{rid}.txt").exists()] == []
    assert len(IDS) >= 9


@pytest.mark.parametrize("reference_id", IDS)
def test_golden_summary(reference_id: str) -> None:
    cable = cablemodel.parse_file(DATA / f"{reference_id}.txt")
    expected = json.loads((GOLDEN / f"{reference_id}.json").read_text(encoding="utf-8"))

    assert summarize(cable) == expected


@pytest.mark.parametrize("reference_id", IDS)
def test_lossless(reference_id: str) -> None:
    text = read_text(DATA / f"{reference_id}.txt")

    assert cablemodel.render(cablemodel.parse(text)) == text
