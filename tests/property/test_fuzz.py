"""Fuzzing: strange text gives a Cable or a CableSyntaxError, never another exception.

Whenever parse() returns a Cable, render() gives the input back (lossless). The same
for JSON: from_json() gives a Cable whose text parses back to it, or a
CableJSONError. The number of inputs comes
from the Hypothesis profile (conftest.py); fuzz/run_fuzz.py runs the same checks for
as many inputs as asked.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

import cablemodel
from cablemodel import CableJSONError, CableSyntaxError
from cablemodel.model import BlankLine
from cablemodel.strategies import (
    grammar_texts,
    mutated_json,
    mutated_texts,
    noise_texts,
    schema_valid_json,
)
from tests.helpers import DATA, read_text

SOURCES = tuple(read_text(path) for path in sorted(DATA.glob("*.txt")))
SEED_TEXT = read_text(DATA / "05PARIS3759.txt")


def fuzzed(text: str) -> None:
    parses_losslessly_or_is_rejected(text)


def parses_losslessly_or_is_rejected(text: str) -> None:
    try:
        cable = cablemodel.parse(text)
    except CableSyntaxError:
        return
    assert cablemodel.render(cable) == text


def reads_or_is_rejected(document: str) -> None:
    """A Cable whose text parses back to the same Cable, or a CableJSONError."""
    try:
        cable = cablemodel.from_json(document)
    except CableJSONError:
        return
    assert cablemodel.parse(cablemodel.render(cable)) == cable


# from_lark draws slowly and filters much: the health checks would stop it early.
GRAMMAR_SETTINGS = settings(
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ]
)


@GRAMMAR_SETTINGS
@given(grammar_texts())
def test_text_from_the_grammar(text: str) -> None:
    fuzzed(text)


@given(noise_texts())
def test_random_text(text: str) -> None:
    fuzzed(text)


@given(mutated_texts(SOURCES))
def test_mutated_real_cables(text: str) -> None:
    fuzzed(text)


# ------------------------------------------------------------------------- JSON

SEED_JSON = cablemodel.to_json(cablemodel.parse(SEED_TEXT))


@given(mutated_json((SEED_JSON,)))
def test_mutated_json(document: str) -> None:
    reads_or_is_rejected(document)


@given(mutated_texts((cablemodel.to_json(cablemodel.parse(SEED_TEXT), indent=1),)))
def test_mutated_json_text(document: str) -> None:
    reads_or_is_rejected(document)


SOURCE_JSON = tuple(cablemodel.to_json(cablemodel.parse(text)) for text in SOURCES)


@given(schema_valid_json(SOURCE_JSON))
def test_json_edited_as_the_schema_allows(document: str) -> None:
    reads_or_is_rejected(document)


# ------------------------------------------------- found by fuzzing


@pytest.mark.parametrize(
    ("ascii", "other"),
    [
        ("DECL: 05/31/2015", "DECL: \u06605/31/2015"),
        ("PARIS 003759 \n", "PARIS 00375\u0669 \n"),
        ("\n1. (C)", "\n\u0661. (C)"),
        ("05PARIS3759", "05PARIS375\uff19"),
    ],
)
def test_digits_other_than_ascii_are_kept(ascii: str, other: str) -> None:
    # Found by fuzzing: \d in the grammar matched any Unicode digit and the model keeps
    # numbers as ints, so render() wrote ASCII digits back.
    text = SEED_TEXT.replace(ascii, other, 1)
    assert text != SEED_TEXT
    parses_losslessly_or_is_rejected(text)


@pytest.mark.parametrize("section", ["SECTION 1 OF 02", "SECTION 01 OF 2", "SECTION 01 OF 002"])
def test_section_numbers_of_different_widths_are_kept(section: str) -> None:
    text = SEED_TEXT.replace("SECTION 01 OF 02 PARIS 003759 \n", section + " PARIS 003759 \n", 1)
    parses_losslessly_or_is_rejected(text)


def test_a_timestamp_before_the_year_1000_is_kept() -> None:
    text = SEED_TEXT.replace("2005-05-31 15:15:00", "0999-05-31 15:15:00", 1)
    assert text != SEED_TEXT
    parses_losslessly_or_is_rejected(text)


def test_a_last_line_of_blanks_is_a_blank_line() -> None:
    cable = cablemodel.parse(SEED_TEXT + "\n ")
    assert cable.signature is not None
    assert cable.signature.tail == (BlankLine(" "),)


@pytest.mark.parametrize("line", ["O  110944Z SEP 07", "O 110944Z  SEP 07", "P R 110944Z SEP  07"])
def test_blanks_in_a_date_time_group_are_kept(line: str) -> None:
    text = SEED_TEXT.replace("FOR NP/CBM\n", line + "\n", 1)
    parses_losslessly_or_is_rejected(text)


@pytest.mark.parametrize(
    ("line", "replacing"),
    [
        ("END SUMMARY 2. (C) The POC", "2. (C) The POC"),
        ("BEGIN TEXT 2. (C) The POC", "2. (C) The POC"),
        ("end OF Quote E.O. 12958: DECL: 05/31/2015", "E.O. 12958: DECL: 05/31/2015"),
    ],
)
def test_a_marker_in_front_of_a_structured_line_is_kept(line: str, replacing: str) -> None:
    text = SEED_TEXT.replace(replacing, line, 1)
    assert text != SEED_TEXT
    parses_losslessly_or_is_rejected(text)
