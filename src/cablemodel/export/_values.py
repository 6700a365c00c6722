"""Rows as plain tuples of column values, the way each kind of output stores them."""

from __future__ import annotations

import datetime as dt
import operator
from collections.abc import Callable, Sequence
from typing import Any, Union

from ._schema import Column, ColumnKind, Row, Table

__all__ = ["Conversion", "Encoder", "as_is", "csv_text", "sqlite_value"]

#: How an output stores a value of each kind: a function of the value, or None to store
#: the value as it is.
Conversion = Callable[[ColumnKind], Union[Callable[[Any], Any], None]]


def as_is(kind: ColumnKind) -> None:
    """Every value as the row classes hold it (Arrow takes dates and booleans as they are)."""


def sqlite_value(kind: ColumnKind) -> Callable[[Any], Any] | None:
    """How a value of ``kind`` is stored in SQLite (None: as it is)."""
    if kind is ColumnKind.DATETIME:
        return _datetime_text
    if kind is ColumnKind.DATE:
        return _date_text
    if kind is ColumnKind.BOOLEAN:
        return _boolean_integer
    return None


def csv_text(kind: ColumnKind) -> Callable[[Any], Any] | None:
    """How a value of ``kind`` is written to CSV (None: as it is; NULL is an empty field)."""
    if kind is ColumnKind.BOOLEAN:
        return _boolean_word
    return sqlite_value(kind)


def _datetime_text(value: dt.datetime | None) -> str | None:
    # SQLite's own date functions read "YYYY-MM-DD HH:MM:SS"
    return None if value is None else value.isoformat(sep=" ")


def _date_text(value: dt.date | None) -> str | None:
    return None if value is None else value.isoformat()


def _boolean_integer(value: bool | None) -> int | None:
    return None if value is None else int(value)


def _boolean_word(value: bool | None) -> str | None:
    return None if value is None else ("true" if value else "false")


class Encoder:
    """Turns rows of one table into tuples of stored values, column by column."""

    def __init__(self, table: Table, convert: Conversion):
        self.table = table
        self._get = operator.attrgetter(*table.names)
        self._conversions = [
            (index, function)
            for index, column in enumerate(table.columns)
            if (function := convert(column.kind)) is not None
        ]

    def values(self, row: Row) -> tuple[Any, ...]:
        values: tuple[Any, ...] = self._get(row)
        if not self._conversions:
            return values
        converted = list(values)
        for index, function in self._conversions:
            converted[index] = function(converted[index])
        return tuple(converted)

    def many(self, rows: Sequence[Row]) -> list[tuple[Any, ...]]:
        return [self.values(row) for row in rows]

    def value(self, column: str, value: Any) -> Any:
        """``value`` of ``column`` as stored."""
        index = self.table.names.index(column)
        function = next((f for i, f in self._conversions if i == index), None)
        return value if function is None else function(value)

    @property
    def columns(self) -> tuple[Column, ...]:
        return self.table.columns
