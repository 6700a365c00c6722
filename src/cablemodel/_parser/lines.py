"""Callbacks for loose lines: prose cut at markers, blank lines, caption lines, page markers."""

from __future__ import annotations

from attrs import evolve

from ..model import (
    BlankLine,
    Boundary,
    Caption,
    CaptionEntry,
    CaptionLine,
    LooseLine,
    Marker,
    PageMarker,
    Prose,
    Span,
    TextLine,
    Topic,
)
from .tokens import TOKEN_TYPES, Child, Token, line_span, split_lead

LINE_ENDS = frozenset(("TEXT_LINE", "NL"))
_MARKERS = frozenset(("MARK_BEGIN", "MARK_END", "MARK_END_SUMMARY", "MARK_END_COMMENT"))


def cut_lines(items: list[Child]) -> tuple[LooseLine, ...]:
    """Cut a run of loose tokens and line objects into lines.

    A line ends with a TEXT_LINE token (prose with its line end) or an NL; a
    BLANK_LINES token is one or more blank lines. Prose tokens in a row (a line too
    long for one token) become one piece of prose.
    """
    lines: list[LooseLine] = []
    parts: list[Prose | Marker] = []
    prose: list[str] = []  # prose tokens since the last marker, joined once

    def close_prose() -> None:
        if prose:
            parts.append(Prose("".join(prose)))
            prose.clear()

    first: Token | None = None
    blank: str | None = None
    for item in items:
        if type(item) not in TOKEN_TYPES:
            lines.append(item)
            continue
        kind = item.type
        if first is None:
            if kind == "TEXT_LINE":  # the common case: a whole prose line, one token
                line, column = item.line or 0, item.column or 0
                span = Span(line, column, line, column + len(item) - 1)
                lines.append(TextLine((Prose(item[:-1]),), span=span))
                continue
            first = item
        if kind == "BLANK":
            blank = str(item)
            continue
        if kind == "BLANK_LINES":
            segments = str(item).split("\n")[:-1]
            line = item.line or 0
            if parts or prose:  # the first line end closes a line that ends in a marker
                trailing = segments.pop(0)
                if trailing:
                    prose.append(trailing)
                close_prose()
                span = Span(
                    first.line or 0, first.column or 0, line, (item.column or 0) + len(trailing)
                )
                lines.append(TextLine(tuple(parts), span=span))
                parts = []
                line += 1
            for offset, whitespace in enumerate(segments):
                number = line + offset  # one int for both ends of the span
                span = Span(number, 1, number, 1 + len(whitespace))
                lines.append(BlankLine(whitespace, span=span))
            first = None
            continue
        if kind == "TEXT_LINE":
            prose.append(item[:-1])
        elif kind == "TEXT":
            prose.append(str(item))
        elif kind in _MARKERS:
            close_prose()
            parts.append(marker(item))
        if kind in LINE_ENDS:
            close_prose()
            end_column = (item.column or 0) + (len(item) - 1 if kind == "TEXT_LINE" else 0)
            span = Span(first.line or 0, first.column or 0, item.line or 0, end_column)
            if parts:
                if blank:  # blanks after a marker at the end of a paragraph's first line
                    parts.append(Prose(blank))
                lines.append(TextLine(tuple(parts), span=span))
            else:
                lines.append(BlankLine(blank or "", span=span))
            parts, first, blank = [], None, None
    return tuple(lines)


def loose_lines(children: list[Child]) -> tuple[LooseLine, ...]:
    """The loose lines of a block: what follows its head line and continuation lines."""
    index = next(i for i, c in enumerate(children) if type(c) in TOKEN_TYPES and c.type == "NL")
    index += 1
    while index < len(children) and not (
        type(children[index]) in TOKEN_TYPES
        or isinstance(children[index], (CaptionLine, PageMarker))
    ):
        index += 1
    return cut_lines(children[index:])


_SPLIT_END_TOPIC = {"MARK_END_SUMMARY": Topic.SUMMARY, "MARK_END_COMMENT": Topic.COMMENT}
_TOPIC_WORDS = {topic.value.upper(): topic for topic in Topic}


def read_page_marker(tokens: list[Token], origin: str) -> PageMarker:
    """A page marker from its tokens; ``origin`` names the terminal of its origin, whose
    blanks become the marker's lead (inside a REF line)."""
    by_type = {t.type: str(t) for t in tokens}
    lead, origin_text = split_lead(by_type[origin])
    serial_lead, serial = split_lead(by_type["MARKER_SERIAL"])
    page_lead, page = split_lead(by_type["MARKER_PAGE"])
    of_lead, _ = split_lead(by_type["MARKER_OF"])
    total_lead, total = split_lead(by_type["MARKER_TOTAL"])
    subpage = by_type.get("MARKER_SUBPAGE")
    return PageMarker(
        origin=origin_text,
        serial=int(serial),
        page=int(page),
        total=int(total),
        subpage=None if subpage is None else int(subpage[1:]),
        serial_digits=len(serial),
        serial_lead=serial_lead,
        page_lead=page_lead,
        of_lead=of_lead,
        total_lead=total_lead,
        rest=by_type.get("REST", ""),
        lead=lead,
    )


def marker(token: Token) -> Marker:
    """MARK_BEGIN or MARK_END (``End Summary and Comment``: the first topic word is the
    topic), or the ``End`` of an end marker split over two lines, whose terminal names it."""
    text = str(token)
    if token.type in _SPLIT_END_TOPIC:
        return Marker(text, Boundary.END, _SPLIT_END_TOPIC[token.type])
    words = text.upper().replace("/", " ").split()
    topic = next(_TOPIC_WORDS[word] for word in words if word in _TOPIC_WORDS)
    return Marker(text, Boundary.BEGIN if token.type == "MARK_BEGIN" else Boundary.END, topic)


class LinesCallbacks:
    """Callbacks for loose lines (grammar section 'loose lines')."""

    def caption_line(self, children: list[Child]) -> CaptionLine:
        """caption_line: CAPTION (CAPTION_GAP NEXT_CAPTION)* CAPTION_GAP? NL"""
        entries: list[CaptionEntry] = []
        gap = ""
        for token in children[:-1]:
            if token.type == "CAPTION_GAP":
                gap = str(token)
                continue
            text = str(token)
            spaced = text == "E F T O"
            entries.append(
                CaptionEntry(Caption(text.replace(" ", "") if spaced else text), gap, spaced)
            )
            gap = ""
        return CaptionLine(tuple(entries), gap, span=line_span(children[0], children[-1]))

    paragraph_caption_line = caption_line

    def page_marker(self, children: list[Child]) -> PageMarker:
        """page_marker: MARKER_ORIGIN MARKER_SERIAL MARKER_PAGE MARKER_SUBPAGE? MARKER_OF
        MARKER_TOTAL REST? NL"""
        marker = read_page_marker(children, "MARKER_ORIGIN")
        return evolve(marker, span=line_span(children[0], children[-1]))

    paragraph_page_marker = page_marker
