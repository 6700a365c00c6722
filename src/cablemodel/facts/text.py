"""The summary and the comment: the text between a cable's markers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from ..model import BlankLine, Boundary, Cable, Marker, Paragraph, Prose, TextLine, Topic

__all__ = ["comment", "summary"]


class _Piece(NamedTuple):
    """A piece of the cable's prose, with the paragraph it belongs to (-1: before the first).

    A named tuple, not an attrs class: a cable has hundreds of pieces, made on every call,
    and a tuple is made in a third of the time."""

    paragraph: int
    text: str
    marker: Marker | None = None
    line_start: bool = False  # the first piece of its line
    brk: bool = False  # a blank line or the start of a paragraph: no text


def _pieces(cable: Cable) -> list[_Piece]:
    """The cable's prose in order: the loose lines, then each paragraph (a break first)
    with the lines after it. One loop, no generators: it runs over every part of every
    paragraph."""
    pieces: list[_Piece] = []
    add = pieces.append
    paragraph = -1

    def add_parts(parts: Iterable[Prose | Marker]) -> None:
        first = True
        for part in parts:
            add(_Piece(paragraph, part.text, part if isinstance(part, Marker) else None, first))
            first = False

    def add_lines(lines: Iterable[object]) -> None:
        for line in lines:
            if isinstance(line, BlankLine):
                add(_Piece(paragraph, "", brk=True))
            elif isinstance(line, TextLine):
                add_parts(line.parts)

    add_lines(cable.lead)
    for block in cable.blocks:
        if isinstance(block, Paragraph):
            paragraph += 1
            add(_Piece(paragraph, "", brk=True))
            add_parts(block.parts)
        add_lines(block.tail)
    return pieces


def _section(pieces: list[_Piece], topic: Topic, start: int = 0) -> tuple[int, int] | None:
    """Where the first ``topic`` section from ``start`` runs: (first piece, end piece).

    It runs to its end marker; without one, to the first blank line or paragraph start
    after its text has begun. An end marker without a begin closes a section that runs
    from the first paragraph.
    """
    for index in range(start, len(pieces)):
        marker = pieces[index].marker
        if marker is None or marker.topic is not topic:
            continue
        if marker.boundary is Boundary.END:
            first = next((i for i, p in enumerate(pieces) if p.paragraph >= 0), index)
            return (first, index) if first < index else None
        for end in range(index + 1, len(pieces)):
            other = pieces[end].marker
            if other is not None and other.topic is topic:
                return index + 1, end
        end = index + 1
        begun = False
        while end < len(pieces):
            piece = pieces[end]
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
    pieces = _pieces(cable)
    found = _section(pieces, Topic.SUMMARY)
    return None if found is None else _text(pieces[found[0] : found[1]])


def comment(cable: Cable) -> str | None:
    """The first COMMENT outside the summary."""
    pieces = _pieces(cable)
    inside = _section(pieces, Topic.SUMMARY)
    start = 0
    while True:
        found = _section(pieces, Topic.COMMENT, start)
        if found is None:
            return None
        if inside is None or not inside[0] <= found[0] <= inside[1]:
            return _text(pieces[found[0] : found[1]])
        start = found[1] + 1
