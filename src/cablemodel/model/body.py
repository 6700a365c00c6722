"""The body: numbered paragraphs with their portion markings, and the signature."""

from __future__ import annotations

import enum

from attrs import frozen

from ._base import Span, _span
from .lines import LooseLine, Marker, TextLine, TextPiece, pieces_text

__all__ = ["Cosigner", "Paragraph", "Portion", "PortionCaveat", "PortionLevel", "Signature"]


class PortionLevel(enum.Enum):
    """The level letters of a portion marking such as ``(C)`` or ``(SBU)``."""

    U = "U"
    SBU = "SBU"
    LOU = "LOU"
    C = "C"
    S = "S"
    TS = "TS"

    @property
    def rank(self) -> int:
        """Comparable with ``Level.rank``."""
        return _PORTION_RANK[self]


_PORTION_RANK = {
    PortionLevel.U: 0,
    PortionLevel.SBU: 1,
    PortionLevel.LOU: 1,
    PortionLevel.C: 2,
    PortionLevel.S: 3,
    PortionLevel.TS: 4,
}


class PortionCaveat(enum.Enum):
    """A caveat after the level of a portion marking: ``(S//NF)``."""

    NF = "NF"
    N = "N"
    NOFORN = "NOFORN"
    FOUO = "FOUO"
    FGI = "FGI"
    ORCON = "ORCON"
    OC = "OC"
    REL = "REL"

    @property
    def is_noforn(self) -> bool:
        return self in (PortionCaveat.NF, PortionCaveat.N, PortionCaveat.NOFORN)


@frozen(weakref_slot=False)
class Portion:
    """A portion marking: ``(C)``, ``(S//NF)``, ``(SBU)``."""

    level: PortionLevel
    caveats: tuple[PortionCaveat, ...] = ()
    separators: tuple[str, ...] = ()  # one per caveat; "/" when missing
    lead: str = " "
    inner_left: str = ""
    inner_right: str = ""

    @property
    def noforn(self) -> bool:
        return any(caveat.is_noforn for caveat in self.caveats)

    def __str__(self) -> str:
        parts = [f"({self.level.value}"]
        for index, caveat in enumerate(self.caveats):
            parts.append(self.separators[index] if index < len(self.separators) else "/")
            parts.append(caveat.value)
        return "".join(parts) + ")"


@frozen(weakref_slot=False)
class Paragraph:
    """A numbered paragraph: ``1. (C) EST Counselor participated …`` and its lines."""

    number: int
    marking: Portion | None = None
    parts: tuple[TextPiece, ...] = ()
    number_digits: int = 1
    prefix: str = ""  # a pilcrow or indentation before the number
    dot_gap: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def text(self) -> str:
        """The paragraph's prose: its first line and its text lines, blank-joined."""
        lines = [pieces_text(self.parts)]
        lines += [pieces_text(line.parts) for line in self.tail if isinstance(line, TextLine)]
        # the words of every line, one blank between them (one split of the joined lines)
        return " ".join(" ".join(lines).split())

    @property
    def markers(self) -> tuple[Marker, ...]:
        found = [piece for piece in self.parts if isinstance(piece, Marker)]
        for line in self.tail:
            if isinstance(line, TextLine):
                found.extend(piece for piece in line.parts if isinstance(piece, Marker))
        return tuple(found)


@frozen(weakref_slot=False)
class Cosigner:
    """A further signer on the signature line: ``/BRYS`` in ``BURNS/BRYS``."""

    name: str
    separator: str = "/"


@frozen(weakref_slot=False)
class Signature:
    """The last line that is a name, before trailer lines (``NNNN``, a classification
    word …): the approving officer, e.g. ``WOLFF``; joint signers in ``others``."""

    name: str
    trailing: str = ""  # blanks (or a stray backslash or quote) after the names
    tail: tuple[LooseLine, ...] = ()
    others: tuple[Cosigner, ...] = ()
    span: Span | None = _span()
