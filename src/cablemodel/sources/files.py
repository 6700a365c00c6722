"""Files and folders of every format: finding the files, telling their format, reading them.

One walker serves every caller (the batch API, the command line, :func:`iter_sources`),
so a folder is read in the same order everywhere: its files sorted by path.
"""

from __future__ import annotations

import fnmatch
import io
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Literal

import attrs
from attrs import frozen

from .._parser import decode, parse_text
from ..errors import CableError, CableSyntaxError
from ..model import Cable
from .errors import CablePageError, CableRowError, CableSourceError

__all__ = [
    "DEFAULT_GLOBS",
    "FormatChoice",
    "InputFile",
    "InputFormat",
    "SourceItem",
    "data_items",
    "detect_format",
    "input_files",
    "iter_sources",
    "read_items",
]

InputFormat = Literal["text", "html", "csv"]
FormatChoice = Literal["auto", "text", "html", "csv"]

_EXTENSIONS: dict[str, InputFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
}

#: The file names taken from folders when no glob is given, by input format.
DEFAULT_GLOBS: dict[str, tuple[str, ...]] = {
    "text": ("*.txt",),
    "html": ("*.html", "*.htm"),
    "csv": ("*.csv",),
    "auto": ("*.txt", "*.html", "*.htm", "*.csv"),
}

_TEXT_START = re.compile(rb"(?:\xef\xbb\xbf)?(?:Identifier|Reference ID|Canonical ID)\r?\n")
_HTML_START = re.compile(rb"\s*(?:<\?xml|<!DOCTYPE html|<html|<head|<body)", re.IGNORECASE)
_CSV_START = re.compile(rb'(?:\xef\xbb\xbf)?(?:"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} |"?id"?,"?date"?,)')
_HEAD_SIZE = 4096


def detect_format(path: str | os.PathLike[str], head_bytes: bytes) -> InputFormat:
    """``"text"``, ``"html"`` or ``"csv"`` for a file, from its first bytes and name.

    Decisive content wins (the label block of the text layout, an HTML document start,
    a ``cables.csv`` row); otherwise the extension (``.txt``, ``.html``/``.htm``,
    ``.csv``); otherwise ``"text"``, so the parser's error says what is wrong.
    """
    if _TEXT_START.match(head_bytes):
        return "text"
    if _HTML_START.match(head_bytes):
        return "html"
    if _CSV_START.match(head_bytes):
        return "csv"
    return _EXTENSIONS.get(Path(path).suffix.lower(), "text")


@frozen
class InputFile:
    """A file to read and the format it is read in."""

    path: str
    input_format: InputFormat


def input_files(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    input_format: FormatChoice = "auto",
    glob: str | Sequence[str] | None = None,
) -> list[InputFile]:
    """The files to read for ``paths``, in the order of ``paths``, each once.

    A file named in ``paths`` is taken whatever its name. A folder is walked
    recursively, skipping names that start with a dot, for the files whose name matches
    ``glob`` (a pattern or several; by default those of ``DEFAULT_GLOBS`` for the
    format), sorted by path. With ``"auto"`` each file's format comes from
    :func:`detect_format`. Raises ``FileNotFoundError`` for a path that does not exist
    and ``OSError`` for a folder that cannot be read: work that would be skipped
    silently is an error.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    patterns = DEFAULT_GLOBS[input_format] if glob is None else _patterns(glob)
    found: dict[str, None] = {}  # ordered, each file once
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            found.update(dict.fromkeys(sorted(_walk(name, patterns))))
        elif os.path.lexists(name):
            found[name] = None
        else:
            raise FileNotFoundError(f"no such file or directory: {name}")
    return [InputFile(name, _format_of(name, input_format)) for name in found]


def _patterns(glob: str | Sequence[str]) -> tuple[str, ...]:
    return (glob,) if isinstance(glob, str) else tuple(glob)


def _walk(directory: str, patterns: tuple[str, ...]) -> Iterator[str]:
    def unreadable(error: OSError) -> None:
        raise error

    for root, subdirectories, files in os.walk(directory, onerror=unreadable):
        # Hidden folders (.git, .venv, ...) never hold cables to read.
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        for name in files:
            if not name.startswith(".") and any(fnmatch.fnmatch(name, p) for p in patterns):
                yield os.path.join(root, name)


def _format_of(path: str, input_format: FormatChoice) -> InputFormat:
    if input_format != "auto":
        return input_format
    try:
        with open(path, "rb") as handle:
            return detect_format(path, handle.read(_HEAD_SIZE))
    except OSError:  # reading it will say what is wrong; until then, its name decides
        return _EXTENSIONS.get(Path(path).suffix.lower(), "text")


@frozen
class SourceItem:
    """One cable's worth of input: a text file, a page, or a row of a dump.

    ``path`` is the file, ``row`` the CSV record number (None for page and text files),
    ``text`` the cable in the text layout (what the parser reads; None when the file,
    page or row could not be turned into it). ``cable`` is set when the text parsed
    (and parsing was asked for). ``error`` says why the input is not a cable (a
    :class:`~cablemodel.errors.CableSyntaxError` comes with ``text``, so a report can
    quote the line it names; bytes that are not UTF-8 are one too). ``read_error`` is
    set when the file could not be read at all.
    """

    path: str
    input_format: InputFormat
    text: str | None = None
    cable: Cable | None = None
    error: CableError | None = None
    row: int | None = None
    read_error: OSError | None = None
    #: the line of the dump where the row's record starts (None for files and pages)
    record_line: int | None = None

    @property
    def location(self) -> str:
        """``path``, or ``path:row`` for a CSV row."""
        return self.path if self.row is None else f"{self.path}:{self.row}"


def read_items(file: InputFile, encoding: str = "utf-8") -> Iterator[SourceItem]:
    """The unparsed items of one file: one for a text file or page, one per dump row.

    Nothing raises for bad input: a file that cannot be read gives one item with
    ``read_error``; a page or row that is not a cable an item with ``error`` (a CSV
    file whose quoting breaks ends at that row).
    """
    name, fmt = file.path, file.input_format
    try:
        if fmt == "csv":
            with open(name, encoding=encoding, newline="") as stream:
                yield from _row_items(name, stream)
            return
        with open(name, "rb") as handle:
            data = handle.read()
    except OSError as error:
        yield SourceItem(name, fmt, read_error=error)
        return
    yield from data_items(name, fmt, data, encoding)


def data_items(
    name: str, input_format: InputFormat, data: bytes, encoding: str = "utf-8"
) -> Iterator[SourceItem]:
    """The unparsed items of a file whose bytes were read elsewhere (e.g. through fsspec),
    as :func:`read_items` gives them; ``name`` names the file in the items."""
    if input_format == "csv":
        stream = io.TextIOWrapper(io.BytesIO(data), encoding=encoding, newline="")
        yield from _row_items(name, stream)
        return
    try:
        text = _decoded(data, encoding)
        if input_format == "html":
            from .html import cable_text_from_html  # the readers load when a file needs them

            text = cable_text_from_html(text)
    except CablePageError as error:
        yield SourceItem(name, input_format, error=CablePageError(error.reason, name))
        return
    except CableError as error:
        yield SourceItem(name, input_format, error=error)
        return
    yield SourceItem(name, input_format, text=text)


def _row_items(name: str, stream: IO[str]) -> Iterator[SourceItem]:
    from .dump import csv_rows  # the readers load when a file needs them

    for row in csv_rows(stream, name):
        if isinstance(row, CableRowError):
            yield SourceItem(name, "csv", error=row, row=row.row, record_line=row.line)
        else:
            yield SourceItem(name, "csv", text=row.text, row=row.row, record_line=row.line)


def _decoded(data: bytes, encoding: str) -> str:
    """The text of a file, line endings as stored; UTF-8 errors say where they are."""
    if encoding.lower().replace("_", "-") in ("utf-8", "utf8"):
        return decode(data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise CableSourceError(f"cannot read as {encoding}: {error.reason}") from None


def iter_sources(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    input_format: FormatChoice = "auto",
    *,
    parse: bool = True,
    encoding: str = "utf-8",
    glob: str | Sequence[str] | None = None,
) -> Iterator[SourceItem]:
    """Read every cable in ``paths`` (files and folder trees), lazily, in order.

    The files are those of :func:`input_files` (which raises for a path that does not
    exist or a folder that cannot be read); each gives its items (see
    :func:`read_items`). With ``parse=False`` the items carry only the text, for
    callers that parse elsewhere (e.g. in worker processes).
    """
    for file in input_files(paths, input_format, glob):
        for item in read_items(file, encoding):
            yield _parsed(item) if parse and item.text is not None else item


def _parsed(item: SourceItem) -> SourceItem:
    assert item.text is not None
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        return attrs.evolve(item, error=error)
    return attrs.evolve(item, cable=cable)
