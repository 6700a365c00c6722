"""References: every item of every REF block, with the canonical id of a cable."""

from __future__ import annotations

import enum
from collections.abc import Iterator

from attrs import field, frozen

from .. import vocab
from ..model import (
    Cable,
    CableRef,
    Ref,
    ReferenceId,
    RefLetter,
    RefPiece,
    RefSerial,
    RefWord,
    Span,
)
from ..model._base import full_year

__all__ = ["Reference", "ReferenceKind", "canonical_id", "references"]


class ReferenceKind(enum.Enum):
    """What a reference names."""

    CABLE = "cable"
    EMAIL = "email"
    TELCON = "telcon"
    MEMO = "memo"
    REPORT = "report"
    OTHER = "other"


@frozen
class Reference:
    """One reference of a REF block.

    ``id`` is the canonical id of a cable (None for any other kind); ``known_station``
    says whether its station is an origin of the vocab; ``text`` is the reference as
    written, its blanks squeezed.
    """

    kind: ReferenceKind
    text: str
    letter: str | None = None
    id: ReferenceId | None = None
    known_station: bool = False
    span: Span | None = field(default=None, eq=False)

    @property
    def in_release(self) -> bool:
        """The id is one of the release's 251,287 ids."""
        return self.id is not None and str(self.id) in vocab.release_ids()


def references(cable: Cable) -> tuple[Reference, ...]:
    """Every reference of every REF block of ``cable``, in document order; a REF block
    repeated word for word (a partial record repeats its preamble) counts once."""
    own = _own_id(cable)
    found: list[Reference] = []
    for block in cable.blocks:
        if isinstance(block, Ref):
            for item in _items(block):
                found.extend(r for r in item.references(cable, own) if r not in found)
    return tuple(found)


def canonical_id(cable: Cable) -> str:
    """The cable's own id; a malformed one as ``malformed-ids.tsv`` corrects it."""
    written = str(cable.publisher.reference_id)
    return vocab.malformed_ids().get(written, written)


# ------------------------------------------------------------------ the items
class _Item:
    """A lettered (or unlettered) item of a REF block: its cables and its words."""

    def __init__(self, letter: RefLetter | None) -> None:
        self.letter = letter
        self.cables: list[tuple[CableRef, RefSerial | None, Span | None]] = []
        self.words: list[str] = []
        self.span: Span | None = None

    @property
    def empty(self) -> bool:
        return not self.cables and not "".join(self.words).strip()

    def references(self, cable: Cable, own: ReferenceId) -> Iterator[Reference]:
        letter = None if self.letter is None else self.letter.letter.upper()
        for ref, more, span in self.cables:
            station, known = _station(ref.origin)
            serial = ref.serial if more is None else more.serial
            year = _year(ref, station, serial, cable, own)
            text = (ref if more is None else more).text
            yield Reference(
                ReferenceKind.CABLE,
                " ".join(text.split()),
                letter,
                ReferenceId(year, station, serial),
                known,
                span,
            )
        if self.cables or (letter is None and not self.words):
            return
        text = " ".join("".join(self.words).split()).strip(" ,;")
        if any(len(word) > 1 and word.isalnum() for word in _words(text)):
            yield Reference(_kind(text), text, letter, span=self.span)


def _items(block: Ref) -> Iterator[_Item]:
    """The items of a block: a letter starts one; ``A. A)`` is one letter."""
    current = _Item(None)
    for pieces, line, column in _lines(block):
        for index, piece in enumerate(pieces):
            text = piece.text
            width = len(text)
            lead = width - len(text.lstrip())  # a span starts at the piece's first letter
            span = None if line is None else Span(line, column + lead, line, column + width)
            column += width
            if _page_header(pieces, index):
                # the rest of the line is the page header: drop the PAGE word too
                current.words[-1:] = [current.words[-1].rpartition("PAGE")[0]]
                break
            if isinstance(piece, RefLetter):
                same = current.letter is not None and current.letter.letter == piece.letter
                if not (current.empty and (same or current.letter is None)):
                    yield current
                    current = _Item(piece)
                elif current.letter is None:
                    current.letter = piece
                current.span = current.span or span
            elif isinstance(piece, CableRef):
                current.cables.append((piece, None, span))
            elif isinstance(piece, RefSerial) and current.cables:
                current.cables.append((current.cables[-1][0], piece, span))
            elif isinstance(piece, RefWord):
                current.words.append(piece.text)
                current.span = current.span or span
            # a page marker inside the line is no part of an item
    yield current


def _page_header(pieces: tuple[RefPiece, ...], index: int) -> bool:
    """The piece starts the cable of a page header printed inside the block (``PAGE 02
    ROME 03067 211833Z``: page 2 of the citing cable), after the word PAGE."""
    previous = pieces[index - 1] if index else None
    return (
        isinstance(pieces[index], CableRef)
        and isinstance(previous, RefWord)
        and previous.text.split()[-1:] == ["PAGE"]
    )


def _lines(block: Ref) -> Iterator[tuple[tuple[RefPiece, ...], int | None, int]]:
    """Each line's pieces with the line number and column where the pieces start."""
    span = block.span
    yield (
        block.pieces,
        None if span is None else span.line,
        (0 if span is None else span.column + len(block.label)),
    )
    for line in block.continuation:
        if line.span is None:
            yield line.pieces, None, 0
        else:
            yield line.pieces, line.span.line, line.span.column + len(line.indent)


# ------------------------------------------------------------ canonical ids
def _station(origin: str) -> tuple[str, bool]:
    """The station code of an origin as written, and whether it is a known origin."""
    compact = "".join(origin.upper().split())
    for candidate in (compact, compact.replace("0", "O")):
        known = vocab.canonical_origin(candidate)
        if known is not None:
            return known, True
    return compact.replace("0", "O"), False


def _year(ref: CableRef, station: str, serial: int, cable: Cable, own: ReferenceId) -> int:
    """As written; else the citing cable's year, or the year before for a higher serial
    of the citing cable's own station (serials start again at 1 each year)."""
    if ref.year is not None:
        return ref.year
    year = cable.created.year
    if own.origin == station and own.serial is not None and serial > own.serial:
        return year - 1
    return year


def _own_id(cable: Cable) -> ReferenceId:
    written = cable.publisher.reference_id
    if written.is_well_formed:
        return written
    corrected = vocab.malformed_ids().get(str(written))
    if corrected is None or len(corrected) < 4 or not corrected[:2].isdigit():
        return ReferenceId(cable.created.year, None, None)
    digits = len(corrected) - len(corrected.rstrip("0123456789"))
    if not digits:
        return ReferenceId(cable.created.year, None, None)
    return ReferenceId(
        full_year(int(corrected[:2])), corrected[2:-digits], int(corrected[-digits:])
    )


def _kind(text: str) -> ReferenceKind:
    kinds = vocab.reference_kinds()
    for word in text.upper().split():
        kind = kinds.get(word.strip(".,;:()"))
        if kind is not None:
            return ReferenceKind(kind)
    return ReferenceKind.OTHER


def _words(text: str) -> list[str]:
    return [word.strip(".,;:()'\"-/") for word in text.split()]
