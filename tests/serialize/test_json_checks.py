"""A document of the right shape that says what no text says is refused, with its path.

Each case below was accepted before (issue #13) and rendered a text that parsed as
something else, crashed render or validate, or blew up in size.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest

import cablemodel
from cablemodel import model
from cablemodel.errors import CableJSONError
from cablemodel.model.checks import known_readable
from tests.helpers import DATA, read_text

Document = dict[str, Any]
Edit = Callable[[Document], None]

SEED = cablemodel.to_dict(cablemodel.parse(read_text(DATA / "05PARIS3759.txt")))
# a cable with a routing header: blocks 2 DE, 4 date-time group, 5 FM
ROUTED = cablemodel.to_dict(cablemodel.parse(read_text(DATA / "06ANKARA4456.txt")))
FIRST_PARAGRAPH = 15  # in the seed's blocks


def problems(document: Document, edit: Edit) -> tuple[str, ...]:
    edited = copy.deepcopy(document)
    edit(edited)
    with pytest.raises(CableJSONError) as raised:
        cablemodel.from_dict(edited)
    return raised.value.problems


def _set(*path: str | int, value: object) -> Edit:
    def edit(document: Document) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return edit


CASES: list[tuple[str, Document, Edit, str]] = [
    (
        "a REF joined to a subject followed by a blank line (ValueError in render)",
        SEED,
        _set("blocks", 6, "joined", value=True),
        "$.blocks[6].joined: joined to a line the block before it does not end with",
    ),
    (
        "a paragraph's text with a line end (read back as a new paragraph 2)",
        SEED,
        _set("blocks", FIRST_PARAGRAPH, "parts", 0, "text", value=" hello\n2. (S) INJECTED"),
        "$.blocks[15].parts[0].text: a line end inside a line",
    ),
    (
        "a subject with a line end (read back as a REF block)",
        SEED,
        _set("blocks", 5, "text", value="MTCR\nREF: STATE 1"),
        "$.blocks[5].text: a line end inside a line",
    ),
    (
        "an empty publisher tag",
        SEED,
        _set("publisher", "tags", 0, "text", value=""),
        "$.publisher.tags[0].text: an empty tag",
    ),
    (
        "a publisher tag with a no-break space",
        SEED,
        _set("publisher", "tags", 0, "text", value="FR\xa0PARM"),
        "$.publisher.tags[0].text: a no-break space inside a tag",
    ),
    (
        "a tag's gap that is not no-break spaces",
        SEED,
        _set("publisher", "tags", 0, "gap", value=" "),
        "$.publisher.tags[0].gap: ' ' is not a run of no-break spaces",
    ),
    (
        "an origin with a line end",
        SEED,
        _set("publisher", "origin", value="Embassy\nParis"),
        "$.publisher.origin: a line end inside a line",
    ),
    (
        "a title with a line end",
        SEED,
        _set("publisher", "title", value="MISSILE\nTECHNOLOGY"),
        "$.publisher.title: a line end inside a line",
    ),
    (
        "a line ending that is none",
        SEED,
        _set("newline", value="x"),
        "$.newline: 'x' is not a line ending: '\\n', '\\r\\n', '\\r'",
    ),
    (
        "a time with microseconds (dropped by render)",
        SEED,
        _set("publisher", "created", value="2005-05-31T15:15:00.250000"),
        "$.publisher.created: a fraction of a second, which the text cannot hold",
    ),
    (
        "a time with a UTC offset (dropped by render)",
        SEED,
        _set("publisher", "created", value="2005-05-31T15:15:00+02:00"),
        "$.publisher.created: a UTC offset, which the text cannot hold",
    ),
    (
        "level and unrecognized both null (AssertionError in render)",
        SEED,
        _set("publisher", "classification", "level", value=None),
        "$.publisher.classification: level and unrecognized are both null: one names the level",
    ),
    (
        "a date-time group in month 13 (IndexError in render)",
        ROUTED,
        _set("blocks", 4, "month", value=13),
        "$.blocks[4].month: 13 is out of range: 1 to 12",
    ),
    (
        "a DE serial of 10**11 digits (MemoryError in render)",
        ROUTED,
        _set("blocks", 2, "serial_digits", value=10**11),
        "$.blocks[2].serial_digits: 100000000000 is out of range: 1 to 6",
    ),
    (
        "a date-time group in the year 10**20 (OverflowError in validate)",
        ROUTED,
        _set("blocks", 4, "year", value=10**20),
        "$.blocks[4].year: a number of about 21 digits is out of range: 1966 to 2065",
    ),
    (
        "a paragraph number of 10**8 digits (26 KB of JSON, 100 MB of text)",
        SEED,
        _set("blocks", FIRST_PARAGRAPH, "number_digits", value=10**8),
        "$.blocks[15].number_digits: 100000000 is out of range: 1 to 3",
    ),
    (
        "a serial wider than its digits",
        ROUTED,
        _set("blocks", 2, "serial_digits", value=2),
        "$.blocks[2].serial_digits: 4456 has more digits than serial_digits (2)",
    ),
    (
        "prose that reads back as a paragraph",
        SEED,
        _set("blocks", FIRST_PARAGRAPH, "tail", 0, "parts", 0, "text", value="2. (S) INJECTED"),
        "$.blocks[15].tail[0]: does not read back as a text line: its text reads as part of"
        " what follows",
    ),
    (
        "prose that reads back as a caption line",
        SEED,
        _set("blocks", FIRST_PARAGRAPH, "tail", 0, "parts", 0, "text", value="SIPDIS"),
        "$.blocks[15].tail[0]: reads back as a caption line, not a text line",
    ),
    (
        "a joined Classified By after a block with loose lines (ValueError in render)",
        SEED,
        _set("blocks", 7, "joined", value=True),
        "$.blocks[7].joined: joined to a line the block before it does not end with",
    ),
    (
        "a joined REF with no block before it (ValueError in render)",
        SEED,
        lambda document: document.update(blocks=[{**document["blocks"][6], "joined": True}]),
        "$.blocks[0].joined: joined to a line the block before it does not end with",
    ),
    (
        "a classification text that names a level",
        SEED,
        _set("publisher", "classification", value={"level": None, "unrecognized": "SECRET"}),
        "$.publisher.classification.level: reads back as 'SECRET', not null",
    ),
]


@pytest.mark.parametrize(
    ("document", "edit", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_a_document_no_text_gives_is_refused_with_its_path(
    document: Document, edit: Edit, expected: str
) -> None:
    assert problems(document, edit) == (expected,)


def test_every_problem_of_the_document_is_listed() -> None:
    def edit(document: Document) -> None:
        document["publisher"]["title"] = "a\nb"
        document["blocks"][4]["month"] = 0
        document["blocks"][4]["day"] = 100

    assert problems(ROUTED, edit) == (
        "$.publisher.title: a line end inside a line",
        "$.blocks[4].day: 100 is out of range: 0 to 99",
        "$.blocks[4].month: 0 is out of range: 1 to 12",
    )


def test_an_integer_of_more_than_4300_digits_is_a_json_error() -> None:
    text = json.dumps(SEED).replace('"serial": 3759', '"serial": ' + "9" * 5000, 1)
    with pytest.raises(CableJSONError) as raised:
        cablemodel.from_json(text)
    assert raised.value.problems == ("$: a number of more than 4,300 digits",)


def test_a_document_that_reads_back_is_known_to_and_renders_its_text() -> None:
    cable = cablemodel.from_dict(SEED)
    assert known_readable(cable)
    assert cablemodel.render(cable) == read_text(DATA / "05PARIS3759.txt")


def test_an_edit_that_still_reads_back_is_accepted() -> None:
    edited = copy.deepcopy(SEED)
    edited["blocks"][-1]["name"] = "STAPLETON"  # the signature
    cable = cablemodel.from_dict(edited)
    signature = cable.blocks[-1]
    assert isinstance(signature, model.Signature)
    assert signature.name == "STAPLETON"
    assert cablemodel.render(cable).endswith("\n\n\nSTAPLETON")
