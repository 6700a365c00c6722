"""The summary and the comment: the text between a cable's markers."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..model import BlankLine, Boundary, Cable, Marker, Paragraph, Prose, TextLine, Topic

__all__ = ["comment", "summary"]


class _Piece(NamedTuple):
    """A piece of the cable's prose, with the paragraph it belongs to (-1: before the first).

    A named tuple, not an attrs class: a cable has hundreds of pieces, and a tuple is made
    in a third of the time."""

    paragraph: int
    text: str
    marker: Marker | None = None
    line_start: bool = False  # the first piece of its line
    brk: bool = False  # a blank line or the start of a paragraph: no text


def _iter_pieces(cable: Cable) -> Iterator[_Piece]:
    """The cable's prose in order: the loose lines, then each paragraph (a break first)
    with the lines after it."""
    paragraph = -1

    def line_pieces(lines: Iterable[object]) -> Iterator[_Piece]:
        for line in lines:
            if isinstance(line, BlankLine):
                yield _Piece(paragraph, "", brk=True)
            elif isinstance(line, TextLine):
                yield from part_pieces(line.parts)

    def part_pieces(parts: Iterable[Prose | Marker]) -> Iterator[_Piece]:
        first = True
        for part in parts:
            yield _Piece(paragraph, part.text, part if isinstance(part, Marker) else None, first)
            first = False

    yield from line_pieces(cable.lead)
    for block in cable.blocks:
        if isinstance(block, Paragraph):
            paragraph += 1
            yield _Piece(paragraph, "", brk=True)
            yield from part_pieces(block.parts)
        yield from line_pieces(block.tail)


class _Pieces:
    """The pieces, made as far as they are read: a summary ends near the top of a cable,
    and most of a long cable's pieces are never made."""

    def __init__(self, cable: Cable) -> None:
        self._source = _iter_pieces(cable)
        self._made: list[_Piece] = []

    def at(self, index: int) -> _Piece | None:
        """The piece at ``index``; None past the last."""
        made = self._made
        while len(made) <= index:
            piece = next(self._source, None)
            if piece is None:
                return None
            made.append(piece)
        return made[index]

    def first_of_paragraphs(self, before: int) -> int:
        """The index of the first piece of a paragraph among those before ``before`` (all
        made); ``before`` when there is none."""
        made = self._made
        return next((i for i in range(before) if made[i].paragraph >= 0), before)

    def between(self, start: int, end: int) -> list[_Piece]:
        """The pieces from ``start`` up to ``end`` (made already: ``_section`` read them)."""
        return self._made[start:end]


def _mentions(cable: Cable, topic: Topic) -> bool:
    """Whether any marker of ``topic`` stands in the cable's prose (what ``_iter_pieces``
    walks): a scan that makes nothing, for the many cables without one."""

    def in_parts(parts: tuple[Prose | Marker, ...]) -> bool:
        if len(parts) == 1 and not isinstance(parts[0], Marker):  # most lines: prose only
            return False
        return any(isinstance(part, Marker) and part.topic is topic for part in parts)

    def in_lines(lines: Iterable[object]) -> bool:
        return any(isinstance(line, TextLine) and in_parts(line.parts) for line in lines)

    if in_lines(cable.lead):
        return True
    for block in cable.blocks:
        if isinstance(block, Paragraph) and in_parts(block.parts):
            return True
        if in_lines(block.tail):
            return True
    return False


def _section(pieces: _Pieces, topic: Topic, start: int = 0) -> tuple[int, int] | None:
    """Where the first ``topic`` section from ``start`` runs: (first piece, end piece).

    It runs to its end marker; without one, to the first blank line or paragraph start
    after its text has begun. An end marker without a begin closes a section that runs
    from the first paragraph.
    """
    index = start
    while (piece := pieces.at(index)) is not None:
        marker = piece.marker
        if marker is None or marker.topic is not topic:
            index += 1
            continue
        if marker.boundary is Boundary.END:
            # the pieces before this one are made: the first paragraph is among them or
            # comes after the marker (and then there is no section)
            first = pieces.first_of_paragraphs(index)
            return (first, index) if first < index else None
        end = index + 1
        while (other := pieces.at(end)) is not None:
            if other.marker is not None and other.marker.topic is topic:
                return index + 1, end
            end += 1
        end = index + 1
        begun = False
        while (piece := pieces.at(end)) is not None:
            if piece.brk and begun:
                break
            begun = begun or (piece.marker is None and bool(piece.text.strip(" -=_*.:")))
            end += 1
        return index + 1, end
    return None


def _text(pieces: list[_Piece]) -> str | None:
    words: list[str] = []
    for piece in pieces:
        if piece.marker is not None or piece.brk:
            continue
        text = piece.text
        if not text.strip(" -=_*.:"):  # dash rules and stray punctuation
            continue
        words.extend(text.split())
    text = " ".join(words).lstrip(":.-– ").strip()
    return text or None


def summary(cable: Cable) -> str | None:
    """The text between the SUMMARY markers (see docs/facts.md)."""
    if not _mentions(cable, Topic.SUMMARY):
        return None
    pieces = _Pieces(cable)
    found = _section(pieces, Topic.SUMMARY)
    return None if found is None else _text(pieces.between(*found))


def comment(cable: Cable) -> str | None:
    """The first COMMENT outside the summary."""
    if not _mentions(cable, Topic.COMMENT):
        return None
    pieces = _Pieces(cable)
    inside = _section(pieces, Topic.SUMMARY)
    start = 0
    while True:
        found = _section(pieces, Topic.COMMENT, start)
        if found is None:
            return None
        if inside is None or not inside[0] <= found[0] <= inside[1]:
            return _text(pieces.between(*found))
        start = found[1] + 1
