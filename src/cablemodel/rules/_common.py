"""Small helpers shared by the rule families: finding parts of a cable with their paths."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import TypeVar

from ..facts import handling_captions
from ..model import (
    Cable,
    CableRef,
    ClassifiedBy,
    ClassifiedLine,
    LooseLine,
    PageMarker,
    Reason,
    Ref,
    RefLine,
    Span,
)
from . import _tokens as tokens

__all__ = [
    "blocks_of",
    "caption_names",
    "created_date",
    "first_of",
    "loose_lines",
    "page_markers",
    "pieces_of",
]

_B = TypeVar("_B")
_L = TypeVar("_L", bound=LooseLine)


def blocks_of(cable: Cable, kind: type[_B]) -> Iterator[tuple[str, _B]]:
    """Every block of ``kind`` with its model path, ``$.blocks[i]``."""
    for index, block in enumerate(cable.blocks):
        if isinstance(block, kind):
            yield f"$.blocks[{index}]", block


def first_of(cable: Cable, kind: type[_B]) -> tuple[str, _B] | None:
    return next(blocks_of(cable, kind), None)


def loose_lines(cable: Cable, kind: type[_L]) -> Iterator[tuple[str, _L]]:
    """The loose lines of ``kind`` before the first block and in every block's tail, with
    their paths (made only for those: most loose lines are prose)."""
    for index, line in enumerate(cable.lead):
        if isinstance(line, kind):
            yield f"$.lead[{index}]", line
    for block_index, block in enumerate(cable.blocks):
        for index, line in enumerate(getattr(block, "tail", ())):
            if isinstance(line, kind):
                yield f"$.blocks[{block_index}].tail[{index}]", line


def page_markers(cable: Cable) -> list[tuple[str, PageMarker]]:
    return list(loose_lines(cable, PageMarker))


def created_date(cable: Cable) -> date:
    return cable.created.date()


def caption_names(cable: Cable) -> frozenset[str]:
    """The names of the cable's handling captions (``SIPDIS``, ``NOFORN`` …)."""
    return frozenset(caption.value for caption in handling_captions(cable))


_P = TypeVar("_P", CableRef, Reason)


def pieces_of(path: str, block: Ref | ClassifiedBy, kind: type[_P],
              ) -> Iterator[tuple[_P, Span | None, str]]:
    """The cable references or reasons on a REF or Classified By block and its
    continuation lines, each with its own span and its model path."""
    for index, piece in enumerate(block.pieces):
        if isinstance(piece, kind):
            yield piece, tokens.piece(block, piece), f"{path}.pieces[{index}]"
    continuation: tuple[RefLine | ClassifiedLine, ...] = block.continuation
    for number, line in enumerate(continuation):
        for index, piece in enumerate(line.pieces):
            if isinstance(piece, kind):
                yield (piece, tokens.piece(line, piece),
                       f"{path}.continuation[{number}].pieces[{index}]")
