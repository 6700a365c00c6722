"""CableSyntaxError: where, why, and the source line with a caret."""

from __future__ import annotations

import pickle

import pytest

import cablemodel
from cablemodel import CableSyntaxError


def test_is_a_value_error() -> None:
    assert issubclass(CableSyntaxError, ValueError)


def test_bad_label_block() -> None:
    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse("Identifier\nCreated\nSecret\n")

    error = caught.value
    assert (error.line, error.column) == (3, 1)
    assert str(error) == (
        "line 3, column 1: unexpected 'Secret': expected 'Classification' label"
        " or 'Released' label\n"
        "    Secret\n"
        "    ^"
    )


def test_bad_timestamp(seed_text: str) -> None:
    text = seed_text.replace("2005-05-31 15:15:00", "2005-02-31 15:15:00")

    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse(text)

    assert str(caught.value) == (
        "line 6, column 1: '2005-02-31 15:15:00' is not a real date and time\n"
        "    2005-02-31 15:15:00\n"
        "    ^"
    )


def test_text_that_ends_too_early() -> None:
    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse("Identifier\nCreated")

    assert (caught.value.line, caught.value.column) == (2, 8)
    assert str(caught.value) == (
        "line 2, column 8: the text ends too early: "
        "expected 'Classification' label or 'Released' label\n"
        "    Created\n"
        "           ^"
    )


def test_empty_text() -> None:
    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse("")

    assert str(caught.value) == (
        "line 1, column 1: the text ends too early: expected 'Identifier' label\n    \n    ^"
    )


def test_column_points_into_the_line(seed_text: str) -> None:
    text = seed_text.replace("Cable title:\xa0\xa0\n", "Cable title:\n")

    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse(text)

    error = caught.value
    assert (error.line, error.column) == (9, 13)
    assert str(error).splitlines()[1:] == ["    Cable title:", "                ^"]


def test_pickles() -> None:
    error = CableSyntaxError("reason", 2, 3, "abc")

    assert str(pickle.loads(pickle.dumps(error))) == str(error)


def test_a_raised_error_carries_no_parser_internals() -> None:
    """Pickling an exception with its context and traceback (as Dask's workers do, with
    tblib) must not meet Lark's objects, which do not pickle."""
    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse("Identifier\n1\n")
    error = caught.value

    assert error.__context__ is None
    assert error.__cause__ is None
    assert str(pickle.loads(pickle.dumps(error))) == str(error)
