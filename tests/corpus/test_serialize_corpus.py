"""Every cable of the corpus named by CABLEMODEL_CORPUS goes through JSON and comes back
as the same Cable and the same text (skipped when unset)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

import cablemodel
from tests.helpers import read_text

pytestmark = pytest.mark.corpus

# Validating with jsonschema costs about 80 ms a cable: a fixed sample keeps the test short.
SCHEMA_SAMPLE_STEP = 40


def test_every_corpus_cable_round_trips_through_json(corpus: Path) -> None:
    paths = sorted(corpus.glob("*.txt"))
    validator = Draft202012Validator(cablemodel.json_schema())
    failures: list[str] = []
    for position, path in enumerate(paths):
        text = read_text(path)
        cable = cablemodel.parse(text)
        document = cablemodel.to_json(cable)
        back = cablemodel.from_json(document)
        if back != cable:
            failures.append(f"{path.name}: a different Cable")
        elif cablemodel.render(back) != text:
            failures.append(f"{path.name}: a different text")
        elif cablemodel.to_dict(back) != cablemodel.to_dict(cable):
            failures.append(f"{path.name}: different spans")
        if position % SCHEMA_SAMPLE_STEP == 0:
            failures.extend(
                f"{path.name}: {error.json_path}: {error.message}"
                for error in validator.iter_errors(json.loads(document))
            )
    assert failures == []
    assert len(paths) > 0
