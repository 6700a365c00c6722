"""From inputs to rows: the items of every input format (read by the sources layer), built
into the rows of their cable in worker processes (the batch pool), in input order."""

from __future__ import annotations

import functools
import hashlib
from typing import Any, NamedTuple, Union

from .._parser import parse_text
from ..errors import CableSyntaxError
from ..rules import validate
from ..sources import InputFile, SourceItem, read_items
from ._records import Records, records
from ._schema import TABLES, RejectRow
from ._values import Conversion, Encoder

__all__ = [
    "Tabulated",
    "Unit",
    "build",
    "encoders",
    "run_job",
    "tabulate",
    "text_sha256",
]


class Tabulated(NamedTuple):
    """What one input gives, as a writer stores it: the rows of every table as tuples of
    stored values, made in the worker. Plain tuples cross from a worker to the writer in a
    seventh of the time that row objects take, and the writer only inserts them.

    A rejected input (no cable) has no ``cable_id`` and one row, in ``rejects``."""

    source: str
    cable_id: str | None
    canonical_id: str | None
    sha256: str | None
    tables: dict[str, list[tuple[Any, ...]]]  # table name -> rows (tables with none left out)


#: One input to export: a text file or page, read by the worker (as the checker's workers
#: read theirs), or an item read by the main process (a row of a dump, read in order; a
#: file an update compares with what the archive holds).
Unit = Union[InputFile, SourceItem]


def run_job(unit: Unit, convert: Conversion) -> Tabulated:
    """Read the input if it is a file, then ``tabulate`` it."""
    if isinstance(unit, InputFile):
        (unit,) = read_items(unit)  # a text file or a page: one item
    return tabulate(unit, convert)


def text_sha256(text: str) -> str:
    """The SHA-256 (hex) of a cable text in UTF-8: what ``cables.sha256`` holds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.cache
def encoders(convert: Conversion) -> dict[str, Encoder]:
    """An encoder for every table, storing values the way ``convert`` says."""
    return {name: Encoder(table, convert) for name, table in TABLES.items()}


def build(item: SourceItem) -> Records | RejectRow:
    """Parse, validate and tabulate one input; never raises for bad input."""
    location = item.location
    if item.read_error is not None:
        reason = item.read_error.strerror or str(item.read_error)
        message = f"{item.path}: cannot read: {reason}"
        return RejectRow(location, "source", message, None, None, None)
    if item.text is None:
        error = item.error
        if isinstance(error, CableSyntaxError):  # bytes that are not UTF-8
            return RejectRow(location, "syntax", error.reason, error.line, error.column, None)
        return RejectRow(location, "source", str(error), None, None, None)
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        sha256 = text_sha256(item.text)
        return RejectRow(location, "syntax", error.reason, error.line, error.column, sha256)
    return records(cable, source=location, text=item.text, findings=validate(cable))


def tabulate(item: SourceItem, convert: Conversion) -> Tabulated:
    """``build(item)`` as the values an output stores (``convert``: ``sqlite_value``,
    ``csv_text`` or ``as_is``)."""
    built = build(item)
    encoding = encoders(convert)
    if isinstance(built, RejectRow):
        rejected = [encoding["rejects"].values(built)]
        return Tabulated(built.source, None, None, built.sha256, {"rejects": rejected})
    cable = built.cable
    tables = {name: encoding[name].many(rows) for name in TABLES if (rows := built.rows(name))}
    return Tabulated(cable.source or "", cable.id, cable.canonical_id, cable.sha256, tables)
