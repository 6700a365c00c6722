"""Read cables where users have them: Cablegate HTML pages and the ``cables.csv`` dump.

Both sources are first turned into the text layout of the reference cable (labels, then
values, ``Cable title:``, ``Tags:``, the navigation line, the header box, a newline, the
body box, no final newline) and then parsed with :func:`cablemodel.parse`, so what comes
back is an ordinary :class:`~cablemodel.model.Cable` and ``render()`` gives that layout.

* HTML (the 2010-2011 cablegate page design): the metadata table gives the reference
  id, Created, Classification and Origin; the ``Viewing cable <ID>, <TITLE>`` heading
  gives the title; the texts of the tag links inside the cable boxes give the tags (each
  once, in page order); the two ``<pre>`` boxes give header and body. In the boxes only
  numeric character references are decoded (the site never escaped ``&`` or ``<``),
  links are unwrapped, the anchor ``¶`` before a numbered paragraph becomes a line
  break (the one the site put before lettered references stays), presentational
  tags (``<br>``, ``<strong>``, ``<em>``, stray table tags) are dropped and trailing
  blanks are stripped from every line. Backslashes at line ends are part of the page
  text and are kept.
* CSV (8 columns: id, date, reference id, origin, classification, references, header,
  body; ``"`` quotes, ``\\`` escapes): a row has no title and no tags, so the cable has an
  empty title and no tags. The row id and the references column have no place in the
  text layout; :func:`iter_csv_records` yields them next to the cable.
* :func:`iter_sources` reads files and directory trees of all three formats (the text
  layout, pages, dumps), for the command line; :func:`detect_format` tells them apart.

Only the standard library (``html.parser``, ``csv``) is used.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Literal, Union

import attrs
from attrs import frozen

from ._parser import parse_text
from .errors import CableError, CableSyntaxError
from .model import NBSP, Cable

__all__ = [
    "CSV_COLUMNS",
    "CablePageError",
    "CableRowError",
    "CableSourceError",
    "CsvRecord",
    "InputFormat",
    "SourceItem",
    "cable_text_from_html",
    "detect_format",
    "iter_csv",
    "iter_csv_records",
    "iter_sources",
    "parse_html_file",
    "read_html",
]

InputFormat = Literal["text", "html", "csv"]
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

_METADATA_COLUMNS = ("Reference ID", "Created", "Released", "Classification", "Origin")
_HEADING_PREFIX = "Viewing cable "
# HTML that hand-edited pages put into the boxes; it is dropped. Any other tag-like
# text in a box (<<Israel>>) is cable text and stays.
_PRESENTATIONAL_TAGS = frozenset({"br", "strong", "em", "td", "tr", "table"})
# Numbered paragraphs get an anchor that becomes a line break; the site's anchors
# before lettered references (#parB) are plain links whose pilcrow stays.
_PARAGRAPH_ANCHOR = re.compile(r"#par\d+")
_HTML_BLANKS = re.compile(r"[ \t\n\r\f]+")
_TIMESTAMP = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?")


# ------------------------------------------------------------------------ errors


class CableSourceError(CableError, ValueError):
    """A page or a dump row cannot be read as a cable.

    ``source`` names the file (None for text handed over in memory); ``reason`` says
    what is missing or wrong.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.reason if self.source is None else f"{self.source}: {self.reason}"

    def __reduce__(self) -> tuple[type[CableSourceError], tuple[str, str | None]]:
        return (type(self), (self.reason, self.source))


class CablePageError(CableSourceError):
    """An HTML page lacks a part a cable needs (the metadata table, a box, …)."""


class CableRowError(CableSourceError):
    """A row of ``cables.csv`` is not a cable; ``row`` is its 1-based record number and
    ``line`` the file line where the record starts."""

    def __init__(self, row: int, line: int, reason: str, source: str | None = None) -> None:
        self.row = row
        self.line = line
        super().__init__(reason, source)

    def __str__(self) -> str:
        where = f"row {self.row} (line {self.line}): {self.reason}"
        return where if self.source is None else f"{self.source}: {where}"

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[type[CableRowError], tuple[int, int, str, str | None]]:
        return (type(self), (self.row, self.line, self.reason, self.source))


# ------------------------------------------------------------------ text layout


def _layout(
    *,
    reference_id: str,
    created: str,
    classification: str,
    origin: str,
    title: str,
    tags: Iterable[str],
    header: str | None,
    body: str,
    released: str | None = None,
) -> str:
    """The text layout of the reference cable for these publisher values."""
    labels = ["Identifier", "Created"]
    values = [reference_id, created]
    if released is not None:
        labels.append("Released")
        values.append(released)
    labels += ["Classification", "Origin"]
    values += [classification, origin]
    for label, value in zip(labels, values, strict=True):
        if not value or "\n" in value:
            raise ValueError(f"{label} value {value!r} is empty or spans lines")
    if "\n" in title:
        raise ValueError(f"title {title!r} spans lines")
    tag_line = "".join(tag + NBSP for tag in tags)
    head = "".join(line + "\n" for line in (*labels, *values))
    telegram = body if header is None else header + "\n" + body
    return (
        f"{head}Cable title:{NBSP * 2}\n\n{title}\n\n"
        f"Tags:{NBSP * 2}{tag_line}\n"
        f"pdf{NBSP}how-to read a cable\n"
        f"{telegram}"
    )


# -------------------------------------------------------------------------- HTML


class _PageReader(HTMLParser):
    """Collects the parts of a cablegate page; the boxes are rebuilt from raw slices.

    Inside a ``<pre>`` box every parser event is remembered with its offset in the page,
    so what is kept is copied from the page as written (``&stick``, ``<Israel>``) rather
    than re-serialised from what the parser understood.
    """

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=False)
        self._page = page
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", page)]
        self.headings: list[str] = []
        self.header_cells: list[str] = []
        self.value_cells: list[str] = []
        self.boxes: list[str] = []
        self.tags: list[str] = []
        self._heading: list[str] | None = None
        self._cell: list[str] | None = None
        self._in_cable_table = False
        self._events: list[tuple[int, str, str | None]] | None = None
        self._tag_text: list[str] | None = None

    # --- positions
    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    # --- events
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._events is not None:
            href = dict(attrs).get("href") if tag == "a" else None
            self._events.append((self._offset(), "start:" + tag, href))
            if href is not None and href.startswith("/tag/"):
                self._tag_text = []
            return
        if tag == "pre":
            self._events = []
        elif tag == "h3":
            self._heading = []
        elif tag == "table" and ("class", "cable") in attrs:
            self._in_cable_table = True
        elif tag in ("th", "td") and self._in_cable_table:
            self._cell = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # one event, not a start and an end at the same offset
        if self._events is not None:
            self._events.append((self._offset(), "empty:" + tag, None))

    def handle_endtag(self, tag: str) -> None:
        if self._events is not None:
            if tag == "pre":
                self.boxes.append(self._box_text(self._offset()))
                self._events = None
                return
            self._events.append((self._offset(), "end:" + tag, None))
            if tag == "a" and self._tag_text is not None:
                self.tags.append("".join(self._tag_text))
                self._tag_text = None
            return
        if tag == "h3" and self._heading is not None:
            self.headings.append("".join(self._heading))
            self._heading = None
        elif tag == "table":
            self._in_cable_table = False
        elif tag in ("th", "td") and self._cell is not None:
            cells = self.header_cells if tag == "th" else self.value_cells
            cells.append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._events is not None:
            self._events.append((self._offset(), "data", None))
            if self._tag_text is not None:
                self._tag_text.append(data)
        elif self._heading is not None:
            self._heading.append(data)
        elif self._cell is not None:
            self._cell.append(data)

    def handle_charref(self, name: str) -> None:
        char = _numeric_char(name)
        if self._events is not None:
            self._events.append((self._offset(), "charref", char))
            if self._tag_text is not None and char is not None:
                self._tag_text.append(char)
        elif char is not None:
            self._text_outside(char)

    def handle_entityref(self, name: str) -> None:
        # named references stay as written: the site never escaped "&" (R&D;, &stick)
        if self._events is not None:
            self._events.append((self._offset(), "raw", None))
        else:
            start = self._offset()
            end = start + len(name) + 1
            self._text_outside(self._page[start : end + (self._page[end : end + 1] == ";")])

    def handle_comment(self, data: str) -> None:
        self._raw_event()

    def handle_decl(self, decl: str) -> None:
        self._raw_event()

    def handle_pi(self, data: str) -> None:
        self._raw_event()

    def unknown_decl(self, data: str) -> None:
        self._raw_event()

    def _raw_event(self) -> None:
        if self._events is not None:
            self._events.append((self._offset(), "raw", None))

    def _text_outside(self, text: str) -> None:
        if self._heading is not None:
            self._heading.append(text)
        elif self._cell is not None:
            self._cell.append(text)

    # --- the text of a box
    def _box_text(self, end: int) -> str:
        assert self._events is not None
        out: list[str] = []
        in_anchor = False
        events = self._events
        for index, (start, kind, value) in enumerate(events):
            stop = events[index + 1][0] if index + 1 < len(events) else end
            raw = self._page[start:stop]
            if kind == "start:a":
                if value is not None and _PARAGRAPH_ANCHOR.fullmatch(value):
                    out.append("\n")  # the paragraph anchor becomes a line break
                    in_anchor = True
                continue
            if kind == "end:a":
                in_anchor = False
                continue
            if in_anchor:
                continue
            if kind.partition(":")[2] in _PRESENTATIONAL_TAGS:
                continue
            out.append(value if kind == "charref" and value is not None else raw)
        return "".join(out)


def _numeric_char(name: str) -> str | None:
    """The character of ``&#NNN;`` / ``&#xHHH;``; None when it names no character."""
    try:
        code = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
        return chr(code) if code > 0 else None
    except (ValueError, OverflowError):
        return None


def _strip_line_ends(text: str) -> str:
    # blanks and tabs only: a no-break space at a line end is layout (the Tags line)
    return "\n".join(line.rstrip(" \t") for line in text.split("\n"))


def _read_page(page: str) -> _PageReader:
    # The site's side bars (thousands of links) come before the heading of the cable;
    # starting there is four times faster. A page of another design is read whole.
    start = page.find("<h3>" + _HEADING_PREFIX)
    parts = (page[start:], page) if start > 0 else (page,)
    for part in parts:
        reader = _PageReader(part)
        reader.feed(part)
        reader.close()
        if reader.header_cells and reader.boxes:
            break
    return reader


def cable_text_from_html(page: str, *, keep_released: bool = False) -> str:
    """The text layout of the cable on a cablegate HTML page (see the module doc).

    ``keep_released`` adds the page's ``Released`` label and value, which the layout of
    the reference cable does not have. Raises :class:`CablePageError`.
    """
    reader = _read_page(page)
    if not reader.header_cells:
        raise CablePageError(
            "no metadata table (<table class='cable'> with Reference ID, Created, "
            "Released, Classification, Origin)"
        )
    # a later row ("Appears in these articles") may add cells: the first five count
    metadata = dict(zip(reader.header_cells, reader.value_cells, strict=False))
    for column in _METADATA_COLUMNS:
        if column == "Released" and not keep_released:
            continue
        if not metadata.get(column):
            raise CablePageError(f"the metadata table has no {column} value")
    title = _title(reader.headings, metadata["Reference ID"])
    if not reader.boxes:
        raise CablePageError("no <pre> box with the cable text")
    if len(reader.boxes) > 2:
        raise CablePageError(f"{len(reader.boxes)} <pre> boxes; a cable page has one or two")
    header, body = (None, reader.boxes[0]) if len(reader.boxes) == 1 else reader.boxes
    created = _page_timestamp(metadata["Created"], "Created")
    released = _page_timestamp(metadata["Released"], "Released") if keep_released else None
    try:
        text = _layout(
            reference_id=metadata["Reference ID"],
            created=created,
            released=released,
            classification=metadata["Classification"],
            origin=metadata["Origin"],
            title=title,
            tags=dict.fromkeys(tag for tag in reader.tags if tag),
            header=header,
            body=body,
        )
    except ValueError as error:
        raise CablePageError(str(error)) from None
    return _strip_line_ends(text)


def _title(headings: list[str], reference_id: str) -> str:
    prefix = f"{_HEADING_PREFIX}{reference_id},"
    for heading in headings:
        if heading.startswith(prefix):
            # the heading is rendered HTML: runs of blanks show as one
            return _HTML_BLANKS.sub(" ", heading[len(prefix) :]).strip(" ")
    raise CablePageError(f"no heading 'Viewing cable {reference_id}, <title>'")


def _page_timestamp(value: str, label: str) -> str:
    if not _TIMESTAMP.fullmatch(value):
        raise CablePageError(f"{label} value {value!r} is not YYYY-MM-DD HH:MM")
    return value if len(value) == 19 else value + ":00"


def _read_exact(path: str | os.PathLike[str], encoding: str) -> str:
    """A file's text with its line endings as stored."""
    with open(path, encoding=encoding, newline="") as handle:
        return handle.read()


def read_html(page: str, *, keep_released: bool = False) -> Cable:
    """Parse a cablegate HTML page into a Cable.

    Raises :class:`CablePageError` when the page lacks a part, and
    :class:`~cablemodel.errors.CableSyntaxError` (positions in the text layout, see
    :func:`cable_text_from_html`) when the grammar rejects the text.
    """
    return parse_text(cable_text_from_html(page, keep_released=keep_released))


def parse_html_file(path: str | os.PathLike[str], *, keep_released: bool = False) -> Cable:
    """Parse a cablegate HTML page file (UTF-8); page errors name the file."""
    page = _read_exact(path, "utf-8")
    try:
        return read_html(page, keep_released=keep_released)
    except CablePageError as error:
        raise CablePageError(error.reason, os.fspath(path)) from None


# --------------------------------------------------------------------------- CSV


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
class _RowText:
    """A CSV row turned into the text layout, before parsing."""

    row: int
    line: int
    row_id: str
    references: tuple[str, ...]
    reference_id: str
    text: str


def _row_text(row: int, line: int, fields: list[str], source: str | None) -> _RowText:
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
        text = _layout(
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
    return _RowText(row, line, row_id.strip(), refs, reference_id.strip(), text)


def _parse_row(item: _RowText, source: str | None) -> CsvRecord:
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        reason = f"{item.reference_id} is not a cable: {error}"
        raise CableRowError(item.row, item.line, reason, source) from error
    return CsvRecord(row=item.row, row_id=item.row_id, references=item.references, cable=cable)


def _csv_items(stream: IO[str], source: str | None) -> Iterator[_RowText | CableRowError]:
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
        for item in _csv_items(stream, name):
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


# --------------------------------------------------------------- format, walking

_EXTENSIONS: dict[str, InputFormat] = {
    ".txt": "text",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
}
_TEXT_START = re.compile(rb"(?:\xef\xbb\xbf)?(?:Identifier|Reference ID|Canonical ID)\r?\n")
_HTML_START = re.compile(rb"\s*(?:<\?xml|<!DOCTYPE html|<html|<head|<body)", re.IGNORECASE)
_CSV_START = re.compile(rb'(?:\xef\xbb\xbf)?(?:"?\d+"?,"?\d{1,2}/\d{1,2}/\d{4} |"?id"?,"?date"?,)')


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
class SourceItem:
    """One input read by :func:`iter_sources`: a cable, its text, or what went wrong.

    ``path`` is the file, ``row`` the CSV record number (None for page and text files),
    ``text`` the cable in the text layout (what the parser reads; None when the page or
    row could not be turned into it). ``cable`` is set when the text parsed (and parsing
    was asked for); ``error`` is set when something failed - a
    :class:`~cablemodel.errors.CableSyntaxError` comes with ``text``, so a report can
    quote the line it names.
    """

    path: str
    input_format: InputFormat
    text: str | None = None
    cable: Cable | None = None
    error: CableError | None = None
    row: int | None = None

    @property
    def location(self) -> str:
        """``path``, or ``path:row`` for a CSV row."""
        return self.path if self.row is None else f"{self.path}:{self.row}"


_HEAD_SIZE = 4096


def iter_sources(
    paths: Iterable[str | os.PathLike[str]],
    input_format: Literal["auto", "text", "html", "csv"] = "auto",
    *,
    parse: bool = True,
    encoding: str = "utf-8",
) -> Iterator[SourceItem]:
    """Read every cable in ``paths`` (files and directory trees), lazily, in order.

    Directories are walked recursively in sorted order, skipping names that start with
    a dot; they contribute the files whose extension fits ``input_format`` (all of
    ``.txt``, ``.html``, ``.htm``, ``.csv`` for ``"auto"``). A file named explicitly is
    read whatever its extension. With ``"auto"`` each file's format comes from
    :func:`detect_format`. A CSV file gives one item per row. With ``parse=False`` the
    items carry only the text (for callers that parse elsewhere, e.g. in worker
    processes). Nothing raises for bad input: a file, page or row that cannot be read
    yields an item with ``error`` set and reading goes on (a CSV file whose quoting
    breaks ends at that row).
    """
    for path in paths:
        for file_path in _walk(Path(path), input_format):
            for item in _read_file(file_path, input_format, encoding):
                yield _parsed(item) if parse and item.text is not None else item


def _parsed(item: SourceItem) -> SourceItem:
    assert item.text is not None
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        return attrs.evolve(item, error=error)
    return attrs.evolve(item, cable=cable)


def _walk(path: Path, input_format: str) -> Iterator[Path]:
    if not path.is_dir():
        yield path
        return
    wanted = {ext for ext, fmt in _EXTENSIONS.items() if input_format in ("auto", fmt)}
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(name for name in dirs if not name.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in wanted:
                yield Path(root) / name


def _read_file(path: Path, input_format: str, encoding: str) -> Iterator[SourceItem]:
    """The unparsed items of one file."""
    name = os.fspath(path)
    # until the head is read, the extension is the best guess
    fmt: InputFormat = _EXTENSIONS.get(path.suffix.lower(), "text")
    if input_format != "auto":
        fmt = input_format  # type: ignore[assignment]
    try:
        if input_format == "auto":
            with open(path, "rb") as handle:
                fmt = detect_format(path, handle.read(_HEAD_SIZE))
        if fmt == "csv":
            with open(path, encoding=encoding, newline="") as stream:
                for item in _csv_items(stream, name):
                    if isinstance(item, CableRowError):
                        yield SourceItem(name, fmt, error=item, row=item.row)
                    else:
                        yield SourceItem(name, fmt, text=item.text, row=item.row)
            return
        text = _read_exact(path, encoding)
    except (OSError, UnicodeDecodeError) as error:
        reason = error.strerror if isinstance(error, OSError) else str(error)
        yield SourceItem(name, fmt, error=CableSourceError(f"cannot read: {reason}", name))
        return
    if fmt == "html":
        try:
            text = cable_text_from_html(text)
        except CablePageError as error:
            yield SourceItem(name, fmt, error=CablePageError(error.reason, name))
            return
    yield SourceItem(name, fmt, text=text)
