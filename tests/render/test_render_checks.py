"""render() writes only what reads back: a model no text gives is a ValueError naming the part.

A cable the parser made renders without a check; any other is checked, and its text is
parsed back and compared (issue #13: ``attrs.evolve(cable.publisher, title="a\\nb")``
rendered a text that no longer parsed).
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

import attrs
import pytest

import cablemodel
from cablemodel.model import (
    Banner,
    Cable,
    Classification,
    DtgLine,
    Level,
    Paragraph,
    Prose,
    Publisher,
    ReferenceId,
    TextLine,
)
from cablemodel.model.checks import known_readable
from tests.helpers import DATA, read_text

SEED_TEXT = read_text(DATA / "05PARIS3759.txt")
ROUTED_TEXT = read_text(DATA / "06ANKARA4456.txt")


def refused(cable: Cable) -> str:
    with pytest.raises(ValueError, match=r"^cannot render ") as raised:
        cablemodel.render(cable)
    return str(raised.value)


def with_block(cable: Cable, index: int, **changes: Any) -> Cable:
    blocks = list(cable.blocks)
    blocks[index] = attrs.evolve(blocks[index], **changes)
    return attrs.evolve(cable, blocks=tuple(blocks))


def test_a_title_with_a_line_end() -> None:
    cable = cablemodel.parse(SEED_TEXT)
    edited = attrs.evolve(cable, publisher=attrs.evolve(cable.publisher, title="a\nb"))
    assert refused(edited) == "cannot render publisher.title: a line end inside a line"


def test_a_month_13() -> None:
    cable = cablemodel.parse(ROUTED_TEXT)
    assert isinstance(cable.blocks[4], DtgLine)
    assert refused(with_block(cable, 4, month=13)) == (
        "cannot render blocks[4].month: 13 is out of range: 1 to 12"
    )


def test_a_classification_with_neither_level_nor_text() -> None:
    cable = cablemodel.parse(SEED_TEXT)
    publisher = attrs.evolve(cable.publisher, classification=Classification(None))
    assert refused(attrs.evolve(cable, publisher=publisher)) == (
        "cannot render publisher.classification: level and unrecognized are both null:"
        " one names the level"
    )


def test_a_value_of_the_wrong_type_is_named() -> None:
    cable = cablemodel.parse(SEED_TEXT)
    assert isinstance(cable.blocks[1], Banner)
    assert refused(with_block(cable, 1, level="SECRET")) == (
        "cannot render blocks[1].level: expected a Level, got 'SECRET'"
    )


def test_several_problems_are_counted() -> None:
    cable = cablemodel.parse(ROUTED_TEXT)
    edited = with_block(cable, 4, month=13, day=-1, hour=100)
    assert refused(edited) == (
        "cannot render blocks[4].day: -1 is out of range: 0 to 99 (and 2 more)"
    )


def test_a_time_the_text_cannot_hold() -> None:
    cable = cablemodel.parse(SEED_TEXT)
    created = datetime(2005, 5, 31, 15, 15, tzinfo=timezone.utc)
    publisher = attrs.evolve(cable.publisher, created=created)
    assert refused(attrs.evolve(cable, publisher=publisher)) == (
        "cannot render publisher.created: a UTC offset, which the text cannot hold"
    )


def test_prose_that_would_read_back_as_a_paragraph() -> None:
    cable = cablemodel.parse(SEED_TEXT)
    paragraph = cable.blocks[15]
    assert isinstance(paragraph, Paragraph)
    tail = (TextLine((Prose("2. (S) INJECTED"),)), *paragraph.tail[1:])
    assert refused(with_block(cable, 15, tail=tail)) == (
        "cannot render blocks[15].tail[0]: does not read back as a text line: its text reads"
        " as part of what follows"
    )


def test_a_model_built_in_code_renders_once_checked() -> None:
    cable = Cable(
        Publisher(
            reference_id=ReferenceId(year=2005, origin="PARIS", serial=3759),
            created=datetime(2005, 5, 31, 15, 15),
            classification=Classification(Level.CONFIDENTIAL),
            origin="Embassy Paris",
            title="A TITLE",
        )
    )
    assert not known_readable(cable)
    text = cablemodel.render(cable)
    assert text.startswith("Identifier\nCreated\nClassification\nOrigin\n05PARIS3759\n")
    assert known_readable(cable)  # checked once: the next render is not checked again
    assert cablemodel.parse(text) == cable


def test_what_the_parser_made_is_known_to_read_back() -> None:
    cable = cablemodel.parse(SEED_TEXT)
    assert known_readable(cable)
    assert not known_readable(attrs.evolve(cable, bom=True))
    assert cablemodel.render(cable) == SEED_TEXT
