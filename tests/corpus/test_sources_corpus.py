"""Every cablegate page in CABLEMODEL_CORPUS_HTML read into the same cable as the text file
of the corpus in CABLEMODEL_CORPUS (those files were made from these pages); skipped when
either is unset."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

import cablemodel
from cablemodel.sources import detect_format, read_html
from tests.helpers import read_text

pytestmark = pytest.mark.corpus


@pytest.fixture(scope="module")
def pages() -> list[Path]:
    value = os.environ.get("CABLEMODEL_CORPUS_HTML")
    if not value:
        pytest.skip("CABLEMODEL_CORPUS_HTML is not set")
    found = sorted(Path(value).glob("*.html"))
    assert found, f"no *.html pages in {value}"
    return found


def test_every_page_is_the_cable_of_its_text_file(pages: list[Path], corpus: Path) -> None:
    # the expected publisher values of every cable sit next to the cables folder
    metadata = json.loads((corpus.parent / "metadata.json").read_text(encoding="utf-8"))
    failures: list[str] = []
    for page in pages:
        reference_id = page.stem
        text = read_text(corpus / f"{reference_id}.txt")
        html = read_text(page)
        plain = read_html(html)
        if cablemodel.render(plain) != text:
            failures.append(f"{reference_id}: the rendered page differs from the text file")
        if plain != cablemodel.parse(text):
            failures.append(f"{reference_id}: the cables differ")
        cable = read_html(html, keep_released=True)
        expected = metadata[reference_id]
        fields = {
            "reference_id": (cable.reference_id, expected["reference_id"]),
            "created": (cable.created.strftime("%Y-%m-%d %H:%M"), expected["created"]),
            "released": (
                cable.publisher.released and cable.publisher.released.strftime("%Y-%m-%d %H:%M"),
                expected["released"],
            ),
            "classification": (str(cable.classification), expected["classification"]),
            "origin": (cable.origin, expected["origin"]),
            "title": (cable.title, expected["title"]),
            "tags": (list(cable.tags), expected["tags"]),
            "partial": (cable.partial, expected["is_partial"]),
        }
        failures += [
            f"{reference_id}: {name} {got!r} != {want!r}"
            for name, (got, want) in fields.items()
            if got != want
        ]
    assert failures == []


def test_every_page_is_detected_as_html(pages: list[Path]) -> None:
    for page in pages:
        with page.open("rb") as handle:
            assert detect_format(page.with_suffix(".txt"), handle.read(4096)) == "html"
