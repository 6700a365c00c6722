"""What every model the grammar produces has: the checks shared by ``from_json`` and ``render``.

A model built in code or read from JSON can say things no text says: a line end inside
a one-line field, month 13, a serial wider than its digits, a classification with
neither a level nor a text. ``problems(cable)`` finds them, each with the path of the
part (``("blocks", 3, "parts", 0, "text")``) and what is wrong; ``render`` and
``from_json`` refuse such a model with that path. The checks are the ones the text
cannot make by itself; whether the rest of a model reads back as itself is the
grammar's to say (``render`` and ``from_json`` parse the text back and compare).

A cable the parser made is valid by construction: ``mark_readable`` records it (by
identity, for as long as it lives) so that rendering it checks nothing, and parsing pays
for nothing but the record.
"""

from __future__ import annotations

import enum
import types
import typing
import weakref
from collections.abc import Callable
from datetime import date, datetime
from typing import Any, Union

import attrs

from . import body, header, lines, preamble, publisher
from ._base import NBSP, full_year
from .cable import Cable

__all__ = ["Path", "Problem", "known_readable", "mark_readable", "problems", "where"]

Path = tuple[Union[str, int], ...]


@attrs.frozen
class Problem:
    """A part of a model that no text gives: where it is, and what is wrong."""

    path: Path
    message: str


def where(path: Path) -> str:
    """A path as Python would reach the part: ``blocks[3].parts[0].text``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else ("." if out else "") + step
    return out


def problems(cable: Cable, *, types: bool = True, lines: bool = True) -> list[Problem]:
    """Every problem of ``cable`` in document order. ``types`` checks that each field
    holds a value of its declared type (a model read from JSON has been checked so);
    ``lines`` that no one-line field holds a line end. Without both, only the parts whose
    values render checks (ranges, counts, what goes together) are visited: what render
    needs to write a text at all, in a fraction of the time."""
    found: list[Problem] = []
    _Walk(found, types, lines, cable.newline).visit(cable, ())
    return found


# ------------------------------------------------------------------ cables known readable

_READABLE: dict[int, weakref.ref[Cable]] = {}


def mark_readable(cable: Cable) -> None:
    """Record that ``cable`` is what the parser reads from its rendered text."""
    key = id(cable)

    def forget(_: object) -> None:  # the cable is gone; its id may be given again
        _READABLE.pop(key, None)

    _READABLE[key] = weakref.ref(cable, forget)


def known_readable(cable: Cable) -> bool:
    """Whether ``cable`` (this very object) was recorded by ``mark_readable``."""
    known = _READABLE.get(id(cable))
    return known is not None and known() is cable


# ------------------------------------------------------------------ the walk

_Check = Callable[[Any, Path, list[Problem]], None]


class _Walk:
    """Visits every part of a model: its types, its one-line strings, and the checks of
    its class (``_CHECKS``)."""

    def __init__(self, found: list[Problem], types: bool, lines: bool, newline: object) -> None:
        self.found = found
        self.types = types
        self.lines = lines
        self.fields = _fields if types or lines else _checked_fields
        # in a text of CR LF or CR line endings a carriage return ends a line too
        self.breaks = "\n" if newline == "\n" else "\n\r"

    def visit(self, value: object, path: Path) -> None:
        cls = type(value)
        for name, hint in self.fields(cls):
            item = getattr(value, name)
            here = (*path, name)
            if self.types and not _is(item, hint):
                self.found.append(Problem(here, f"expected {_spoken(hint)}, got {_kind(item)}"))
                continue
            self.item(item, here, cls is not Cable or name != "newline")
        check = _CHECKS.get(cls)
        if check is not None:
            check(value, path, self.found)

    def item(self, item: object, path: Path, one_line: bool = True) -> None:
        if isinstance(item, str):
            if one_line and self.lines:
                self.line(item, path)
        elif isinstance(item, tuple):
            for index, member in enumerate(item):
                self.item(member, (*path, index))
        elif attrs.has(type(item)):
            self.visit(item, path)

    def line(self, text: str, path: Path) -> None:
        if "\n" in text:
            self.found.append(Problem(path, "a line end inside a line"))
        elif self.breaks != "\n" and "\r" in text:
            self.found.append(
                Problem(path, "a carriage return inside a line of a cable whose lines end in it")
            )


_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _fields(cls: type) -> tuple[tuple[str, Any], ...]:
    fields = _FIELDS.get(cls)
    if fields is None:
        hints = typing.get_type_hints(cls)
        fields = tuple((field.name, hints[field.name]) for field in attrs.fields(cls))
        _FIELDS[cls] = fields
    return fields


_CHECKED_FIELDS: dict[type, tuple[tuple[str, Any], ...]] = {}


def _checked_fields(cls: type) -> tuple[tuple[str, Any], ...]:
    """The fields of ``cls`` whose values may hold a part that has checks of its own."""
    fields = _CHECKED_FIELDS.get(cls)
    if fields is None:
        fields = tuple((name, hint) for name, hint in _fields(cls) if _reaches_checks(hint))
        _CHECKED_FIELDS[cls] = fields
    return fields


_REACHES: dict[type, bool] = {}


def _reaches_checks(hint: Any) -> bool:
    """Whether a value of type ``hint`` may hold a part of a class in ``_CHECKS``."""
    arguments = typing.get_args(hint)
    if arguments:
        return any(_reaches_checks(argument) for argument in arguments if argument is not ...)
    if not (isinstance(hint, type) and attrs.has(hint)):
        return False
    if hint not in _REACHES:  # (no class of the model holds itself)
        _REACHES[hint] = hint in _CHECKS or any(
            _reaches_checks(field_hint) for _, field_hint in _fields(hint)
        )
    return _REACHES[hint]


def _is(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the declared type ``hint`` (the model's kinds of hint)."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return any(_is(value, member) for member in typing.get_args(hint))
    if origin is tuple:
        arguments = typing.get_args(hint)
        if not isinstance(value, tuple):
            return False
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return all(_is(member, arguments[0]) for member in value)
        return len(value) == len(arguments) and all(map(_is, value, arguments))
    if hint is type(None):
        return value is None
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    return isinstance(value, hint)


def _spoken(hint: Any) -> str:
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        return " or ".join(_spoken(member) for member in typing.get_args(hint))
    if origin is tuple:
        return "a tuple"
    if hint is type(None):
        return "None"
    name = {str: "str", int: "int", bool: "bool"}.get(hint, getattr(hint, "__name__", "?"))
    return f"{'an' if name[0] in 'AEIOUaeiou' else 'a'} {name}"


def _kind(value: object) -> str:
    if isinstance(value, enum.Enum):
        return f"{type(value).__name__}.{value.name}"
    if isinstance(value, (str, bool)) or value is None:
        return repr(value)[:40]
    return _number(value) if isinstance(value, int) else type(value).__name__


def _number(value: int) -> str:
    """An int as a message shows it: a number of more digits than the text can hold
    (and than Python converts to text) is named by its size."""
    if abs(value) < 10**18:
        return str(value)
    return f"a number of about {int(abs(value).bit_length() * 0.30103) + 1:,} digits"


# ------------------------------------------------------------------ the checks of values


def _in_range(value: int | None, low: int, high: int, path: Path, found: list[Problem]) -> bool:
    if value is None or low <= value <= high:
        return True
    found.append(Problem(path, f"{_number(value)} is out of range: {low} to {high}"))
    return False


def _width(
    value: int | None, width: int, low: int, high: int, path: Path, found: list[Problem]
) -> None:
    """A count of digits that a number is written with: in range, and no fewer than the
    number has."""
    in_range = _in_range(width, low, high, path, found)
    if in_range and value is not None and value >= 10**width:
        found.append(Problem(path, f"{_number(value)} has more digits than {path[-1]} ({width})"))


def _year(value: int | None, path: Path, found: list[Problem]) -> None:
    """A year the text writes with two digits: 66 to 99 are 1966 to 1999, the rest
    2000 to 2065 (``full_year``)."""
    _in_range(value, full_year(66), full_year(65), path, found)


def _time(value: datetime | None, seconds: bool, path: Path, found: list[Problem]) -> None:
    if value is None:
        return
    if value.microsecond:
        found.append(Problem(path, "a fraction of a second, which the text cannot hold"))
    if value.tzinfo is not None:
        found.append(Problem(path, "a UTC offset, which the text cannot hold"))
    if value.second and not seconds:
        found.append(Problem(path, "seconds, which the text leaves out (its *_seconds is false)"))


def _gap(text: str, path: Path, found: list[Problem]) -> None:
    if not text or text.strip(NBSP):
        found.append(Problem(path, f"{text!r} is not a run of no-break spaces"))


def _one_of(
    text: str, allowed: tuple[str, ...], what: str, path: Path, found: list[Problem]
) -> None:
    if text not in allowed:
        choices = ", ".join(repr(choice) for choice in allowed)
        found.append(Problem(path, f"{text[:40]!r} is not {what}: {choices}"))


# --- the whole cable


def _cable(value: Cable, path: Path, found: list[Problem]) -> None:
    if isinstance(value.newline, str):
        _one_of(value.newline, ("\n", "\r\n", "\r"), "a line ending", ("newline",), found)
    ends_on_its_line = False  # whether the block before ends on a line of its own
    for index, block in enumerate(value.blocks):
        # a joined block is written on the last line of the block before it
        joined = isinstance(block, (preamble.Ref, preamble.ClassifiedBy)) and block.joined is True
        if joined and not ends_on_its_line:
            message = "joined to a line the block before it does not end with"
            found.append(Problem(("blocks", index, "joined"), message))
        ends_on_its_line = not getattr(block, "tail", ())


# --- publisher


def _reference_id(value: publisher.ReferenceId, path: Path, found: list[Problem]) -> None:
    parts = (value.year, value.origin, value.serial)
    if value.malformed is not None:
        if any(part is not None for part in parts):
            message = "a malformed id keeps only its text: year, origin and serial are null"
            found.append(Problem(path, message))
        elif not value.malformed:
            found.append(Problem((*path, "malformed"), "an empty reference id"))
    elif None in parts:
        found.append(Problem(path, "a well-formed id has a year, an origin and a serial"))
    else:
        _year(value.year, (*path, "year"), found)
        _in_range(value.serial, 1, 9_999_999, (*path, "serial"), found)


def _classification(value: publisher.Classification, path: Path, found: list[Problem]) -> None:
    if value.level is None and value.unrecognized is None:
        found.append(Problem(path, "level and unrecognized are both null: one names the level"))
    elif value.level is not None and value.unrecognized is not None:
        found.append(Problem(path, "level and unrecognized are both set: one names the level"))


def _publisher_tag(value: publisher.PublisherTag, path: Path, found: list[Problem]) -> None:
    if not value.text:
        found.append(Problem((*path, "text"), "an empty tag"))
    elif NBSP in value.text:
        found.append(Problem((*path, "text"), "a no-break space inside a tag"))
    _gap(value.gap, (*path, "gap"), found)


def _publisher(value: publisher.Publisher, path: Path, found: list[Problem]) -> None:
    _time(value.created, value.created_seconds, (*path, "created"), found)
    _time(value.released, value.released_seconds, (*path, "released"), found)
    _gap(value.title_gap, (*path, "title_gap"), found)
    _gap(value.tags_gap, (*path, "tags_gap"), found)


# --- loose lines


def _page_marker(value: lines.PageMarker, path: Path, found: list[Problem]) -> None:
    _width(value.serial, value.serial_digits, 5, 8, (*path, "serial_digits"), found)
    _in_range(value.serial, 0, 99_999_999, (*path, "serial"), found)
    _in_range(value.page, 0, 999, (*path, "page"), found)
    _in_range(value.total, 0, 999, (*path, "total"), found)
    _in_range(value.subpage, 0, 9, (*path, "subpage"), found)


# --- header


def _de_line(value: header.DeLine, path: Path, found: list[Problem]) -> None:
    _in_range(value.serial, 0, 999_999, (*path, "serial"), found)
    _width(value.serial, value.serial_digits, 1, 6, (*path, "serial_digits"), found)
    _in_range(value.section, 0, 999, (*path, "section"), found)
    _width(value.section, value.section_digits, 1, 3, (*path, "section_digits"), found)


def _zn_line(value: header.ZnLine, path: Path, found: list[Problem]) -> None:
    if value.signal_leads and len(value.signal_leads) != len(value.signals):
        found.append(
            Problem(
                (*path, "signal_leads"),
                f"{len(value.signal_leads)} leads for {len(value.signals)} signals",
            )
        )


def _dtg_line(value: header.DtgLine, path: Path, found: list[Problem]) -> None:
    for name in ("day", "hour", "minute"):
        _in_range(getattr(value, name), 0, 99, (*path, name), found)
    _in_range(value.month, 1, 12, (*path, "month"), found)
    _year(value.year, (*path, "year"), found)


def _address(value: header.Address, path: Path, found: list[Problem]) -> None:
    _in_range(value.sequence, 0, 9999, (*path, "sequence"), found)


# --- preamble


def _section(value: preamble.Section, path: Path, found: list[Problem]) -> None:
    _in_range(value.number, 0, 999, (*path, "number"), found)
    _width(value.number, value.digits, 1, 3, (*path, "digits"), found)
    _in_range(value.total, 0, 999, (*path, "total"), found)
    _width(value.total, value.total_digits, 1, 3, (*path, "total_digits"), found)


def _banner(value: preamble.Banner, path: Path, found: list[Problem]) -> None:
    if (value.origin is None) != (value.serial is None):
        found.append(Problem(path, "origin and serial go together: both or neither"))
    _in_range(value.serial, 0, 999_999, (*path, "serial"), found)
    _width(value.serial, value.serial_digits, 4, 6, (*path, "serial_digits"), found)


def _eo_line(value: preamble.EoLine, path: Path, found: list[Problem]) -> None:
    _in_range(value.order, 1000, 99_999, (*path, "order"), found)


def _date_style(value: preamble.DateStyle, path: Path, found: list[Problem]) -> None:
    _one_of(value.order, ("MDY", "YMD"), "a date order", (*path, "order"), found)
    _one_of(value.separator, ("/", "-", "."), "a date separator", (*path, "separator"), found)
    _in_range(value.month_digits, 1, 2, (*path, "month_digits"), found)
    _in_range(value.day_digits, 1, 2, (*path, "day_digits"), found)
    if value.year_digits not in (2, 4):
        found.append(Problem((*path, "year_digits"), f"{_number(value.year_digits)} is not 2 or 4"))


def _declassify_on(value: preamble.DeclassifyOn, path: Path, found: list[Problem]) -> None:
    year = value.date.year
    if value.style.year_digits == 2 and not full_year(66) <= year <= full_year(65):
        found.append(
            Problem((*path, "date"), f"the year {year} has no two digits of its own (1966 to 2065)")
        )


def _cable_ref(value: preamble.CableRef, path: Path, found: list[Problem]) -> None:
    _in_range(value.serial, 0, 9_999_999, (*path, "serial"), found)
    if value.serial_digits:
        _width(value.serial, value.serial_digits, 1, 7, (*path, "serial_digits"), found)
    if value.year is None:
        return
    if value.year_digits == 2:
        _year(value.year, (*path, "year"), found)
    elif value.year_digits == 4:
        _in_range(value.year, 1900, 2099, (*path, "year"), found)
        if value.year_apostrophe:
            found.append(
                Problem((*path, "year_apostrophe"), "an apostrophe goes with a two-digit year")
            )
    else:
        found.append(Problem((*path, "year_digits"), f"{_number(value.year_digits)} is not 2 or 4"))


# --- body


def _paragraph(value: body.Paragraph, path: Path, found: list[Problem]) -> None:
    _in_range(value.number, 0, 999, (*path, "number"), found)
    _width(value.number, value.number_digits, 1, 3, (*path, "number_digits"), found)


_CHECKS: dict[type, _Check] = {
    Cable: _cable,
    publisher.ReferenceId: _reference_id,
    publisher.Classification: _classification,
    publisher.PublisherTag: _publisher_tag,
    publisher.Publisher: _publisher,
    lines.PageMarker: _page_marker,
    header.DeLine: _de_line,
    header.ZnLine: _zn_line,
    header.DtgLine: _dtg_line,
    header.Address: _address,
    preamble.Section: _section,
    preamble.Banner: _banner,
    preamble.EoLine: _eo_line,
    preamble.DateStyle: _date_style,
    preamble.DeclassifyOn: _declassify_on,
    preamble.CableRef: _cable_ref,
    body.Paragraph: _paragraph,
}
