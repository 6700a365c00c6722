"""Cablegate HTML pages (the 2010-2011 page design) as cables."""

from __future__ import annotations

import os
import re
from html.parser import HTMLParser

from .._parser import parse_text
from ..model import Cable
from .errors import CablePageError
from .layout import cable_layout

__all__ = [
    "cable_text_from_html",
    "parse_html_file",
    "read_html",
]

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
    """The character of ``&#NNN;`` / ``&#xHHH;``; None when it names no character (nor
    a half of a UTF-16 pair, U+D800 to U+DFFF, which no UTF-8 text can hold)."""
    try:
        code = int(name[1:], 16) if name[:1] in ("x", "X") else int(name)
        return chr(code) if code > 0 and not 0xD800 <= code <= 0xDFFF else None
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
        text = cable_layout(
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


def read_html(page: str | bytes, *, keep_released: bool = False) -> Cable:
    """Parse a cablegate HTML page into a Cable. Bytes are read as UTF-8, as
    :func:`cablemodel.parse` reads them.

    Raises :class:`CablePageError` when the page lacks a part or its bytes are not UTF-8,
    and :class:`~cablemodel.errors.CableSyntaxError` (positions in the text layout, see
    :func:`cable_text_from_html`) when the grammar rejects the text.
    """
    if isinstance(page, (bytes, bytearray)):
        try:
            page = bytes(page).decode("utf-8")
        except UnicodeDecodeError as error:
            raise CablePageError(
                f"the page is not UTF-8 ({error.reason} at byte {error.start})"
            ) from None
    return parse_text(cable_text_from_html(page, keep_released=keep_released))


def parse_html_file(path: str | os.PathLike[str], *, keep_released: bool = False) -> Cable:
    """Parse a cablegate HTML page file (UTF-8); page errors name the file."""
    page = _read_exact(path, "utf-8")
    try:
        return read_html(page, keep_released=keep_released)
    except CablePageError as error:
        raise CablePageError(error.reason, os.fspath(path)) from None
