"""The ``cables.csv`` dump (8 columns, MySQL-style quoting) as cables."""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Union

from attrs import frozen

from .._parser import parse_text
from ..errors import CableSyntaxError
from ..model import Cable
from .errors import CableRowError
from .layout import cable_layout

__all__ = [
    "CSV_COLUMNS",
    "CsvRecord",
    "CsvSource",
    "RowText",
    "csv_rows",
    "iter_csv",
    "iter_csv_records",
]

CsvSource = Union[str, "os.PathLike[str]", IO[str], IO[bytes]]

CSV_COLUMNS = (
    "id",
    "date",
    "reference_id",
    "origin",
    "classification",
    "references",
    "header",
    "body",
)


@frozen
class CsvRecord:
    """One row of ``cables.csv``: the cable plus the two columns it has no place for.

    ``row`` is the 1-based record number in the file (a column-name row counts, blank
    lines do not), ``row_id`` the dump's own id column, ``references`` the referenced
    cable ids of the ``references`` column, split at commas.
    """

    row: int
    row_id: str
    references: tuple[str, ...]
    cable: Cable


def _csv_date(value: str) -> str | None:
    """``M/D/YYYY H:MM`` (the dump) or ``YYYY-MM-DD HH:MM[:SS]`` as layout text."""
    for pattern in ("%m/%d/%Y %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"):
        try:
            return datetime.strptime(value.strip(), pattern).strftime("%Y-%m-%d %H:%M:%S")
        except ValueError:
            continue
    return None


def _is_column_row(fields: list[str]) -> bool:
    return [field.strip().lower().replace(" ", "_") for field in fields] == list(CSV_COLUMNS)


@frozen
class RowText:
    """A CSV row turned into the text layout, before parsing."""

    row: int
    line: int
    row_id: str
    references: tuple[str, ...]
    reference_id: str
    text: str


def _row_text(row: int, line: int, fields: list[str], source: str | None) -> RowText:
    """The text layout of one CSV row; raises :class:`CableRowError`."""
    if len(fields) != len(CSV_COLUMNS):
        columns = ", ".join(CSV_COLUMNS)
        reason = f"expected {len(CSV_COLUMNS)} columns ({columns}), found {len(fields)}"
        raise CableRowError(row, line, reason, source)
    row_id, date_text, reference_id, origin, classification, references, header, body = fields
    created = _csv_date(date_text)
    if created is None:
        reason = f"date {date_text!r} is neither M/D/YYYY H:MM nor YYYY-MM-DD HH:MM"
        raise CableRowError(row, line, reason, source)
    try:
        text = cable_layout(
            reference_id=reference_id.strip(),
            created=created,
            classification=classification.strip(),
            origin=origin.strip(),
            title="",
            tags=(),
            header=header if header else None,
            body=body,
        )
    except ValueError as error:
        raise CableRowError(row, line, str(error), source) from None
    refs = tuple(ref.strip() for ref in references.split(",") if ref.strip())
    return RowText(row, line, row_id.strip(), refs, reference_id.strip(), text)


def _parse_row(item: RowText, source: str | None) -> CsvRecord:
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        reason = f"{item.reference_id} is not a cable: {error}"
        raise CableRowError(item.row, item.line, reason, source) from error
    return CsvRecord(row=item.row, row_id=item.row_id, references=item.references, cable=cable)


def csv_rows(stream: IO[str], source: str | None) -> Iterator[RowText | CableRowError]:
    """Each row's text layout, or its error; a failure of the CSV reader itself ends it."""
    # csv's default limit of 128 KiB per field is below the longest cable bodies.
    csv.field_size_limit(max(csv.field_size_limit(), _FIELD_LIMIT))
    # MySQL's dump escapes quotes, backslashes and newlines with a backslash.
    reader = csv.reader(stream, delimiter=",", quotechar='"', escapechar="\\", strict=True)
    row = 0
    end_line = 0
    while True:
        try:
            fields = next(reader)
        except StopIteration:
            return
        except (csv.Error, UnicodeDecodeError) as error:
            yield CableRowError(row + 1, end_line + 1, f"unreadable CSV: {error}", source)
            return
        line, end_line = end_line + 1, reader.line_num
        if not fields:  # a blank line
            continue
        row += 1
        if row == 1 and _is_column_row(fields):
            continue
        try:
            yield _row_text(row, line, fields, source)
        except CableRowError as error:
            yield error


_FIELD_LIMIT = 64 * 1024 * 1024


def _open_text(
    source: CsvSource, encoding: str
) -> tuple[IO[str], Callable[[], object], str | None]:
    """A text stream for ``source``, how to let go of it, and its name for errors."""
    if isinstance(source, (str, os.PathLike)):
        stream = open(source, encoding=encoding, newline="")  # noqa: SIM115 closed by caller
        return stream, stream.close, os.fspath(source)
    name = getattr(source, "name", None)
    label = name if isinstance(name, str) else None
    if isinstance(source, io.TextIOBase):
        return source, lambda: None, label
    binary: IO[bytes] = source  # type: ignore[assignment]
    wrapper = io.TextIOWrapper(binary, encoding=encoding, newline="")
    # detach, so the caller's binary file stays open when the wrapper goes away
    return wrapper, wrapper.detach, label


def iter_csv_records(source: CsvSource, *, encoding: str = "utf-8") -> Iterator[CsvRecord]:
    """Stream the rows of ``cables.csv`` as :class:`CsvRecord`, one at a time.

    ``source`` is a path or an open file (text opened with ``newline=""``, or binary).
    A first row that names the columns is skipped. One row is held at a time, so memory
    stays constant whatever the size of the file. Raises :class:`CableRowError` at the
    first bad row.
    """
    stream, release, name = _open_text(source, encoding)
    try:
        for item in csv_rows(stream, name):
            if isinstance(item, CableRowError):
                raise item
            yield _parse_row(item, name)
    finally:
        release()


def iter_csv(source: CsvSource, *, encoding: str = "utf-8") -> Iterator[Cable]:
    """Stream the cables of ``cables.csv`` one at a time (see :func:`iter_csv_records`).

    Each cable has the row's reference id, date (as Created, with ``:00`` seconds),
    classification, origin, header box and body; its title is empty and it has no
    tags, because a row has neither.
    """
    for record in iter_csv_records(source, encoding=encoding):
        yield record.cable
