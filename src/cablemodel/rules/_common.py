"""Small helpers shared by the rule families: finding parts of a cable with their paths."""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any, NamedTuple, TypeVar

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
_T = TypeVar("_T")
_L = TypeVar("_L", bound=LooseLine)


def blocks_of(cable: Cable, kind: type[_B]) -> Iterator[tuple[str, _B]]:
    """Every block of ``kind`` with its model path, ``$.blocks[i]``."""
    for index, block in _parts_of(cable).blocks.get(kind, ()):
        yield f"$.blocks[{index}]", block


def first_of(cable: Cable, kind: type[_B]) -> tuple[str, _B] | None:
    return next(blocks_of(cable, kind), None)


def loose_lines(cable: Cable, kind: type[_L]) -> Iterator[tuple[str, _L]]:
    """The loose lines of ``kind`` before the first block and in every block's tail, with
    their paths (made only for those: most loose lines are prose)."""
    found = _parts_of(cable).lines.get(kind)
    if found is None:
        found = _parts_of(cable).lines[kind] = list(_loose_lines(cable, kind))
    return iter(found)


def _loose_lines(cable: Cable, kind: type[_L]) -> Iterator[tuple[str, _L]]:
    for index, line in enumerate(cable.lead):
        if isinstance(line, kind):
            yield f"$.lead[{index}]", line
    for block_index, block in enumerate(cable.blocks):
        for index, line in enumerate(getattr(block, "tail", ())):
            if isinstance(line, kind):
                yield f"$.blocks[{block_index}].tail[{index}]", line


class _Parts(NamedTuple):
    """A cable's blocks by class (each under every class it is an instance of) with
    their places, its loose lines of the classes asked for so far with their paths, and
    what ``remembered`` made for it."""

    blocks: dict[type, list[tuple[int, Any]]]
    lines: dict[type, list[tuple[str, Any]]]
    made: dict[Callable[[Cable], Any], Any]


# The parts of the cable last asked about. The rules ask for the blocks or lines of one
# class about ninety times per cable: one walk over the cable serves them all.
_last: tuple[weakref.ref[Cable], _Parts] | None = None


def _parts_of(cable: Cable) -> _Parts:
    global _last
    last = _last  # one read: another thread may set it meanwhile
    if last is not None and last[0]() is cable:
        return last[1]
    parts = _Parts({}, {}, {})
    for block_index, block in enumerate(cable.blocks):
        for kind in type(block).__mro__[:-1]:
            parts.blocks.setdefault(kind, []).append((block_index, block))
    _last = (weakref.ref(cable), parts)
    return parts


def remembered(cable: Cable, make: Callable[[Cable], _T]) -> _T:
    """``make(cable)``, made once for the cable the rules are looking at (``make`` is a
    function of the module, not a lambda: it is the key)."""
    made = _parts_of(cable).made
    if make in made:
        value: _T = made[make]
        return value
    value = made[make] = make(cable)
    return value


def page_markers(cable: Cable) -> list[tuple[str, PageMarker]]:
    return list(loose_lines(cable, PageMarker))


def created_date(cable: Cable) -> date:
    return cable.created.date()


def caption_names(cable: Cable) -> frozenset[str]:
    """The names of the cable's handling captions (``SIPDIS``, ``NOFORN`` …)."""
    return remembered(cable, _caption_names)


def _caption_names(cable: Cable) -> frozenset[str]:
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
