"""Loose lines: prose (cut where a SUMMARY/COMMENT/TEXT/QUOTE marker stands), blank
lines, caption lines and page markers, wherever they stand in the telegram."""

from __future__ import annotations

import enum
from typing import Union

from attrs import frozen

from ._base import Span, _span, digits

__all__ = [
    "BlankLine",
    "Boundary",
    "Caption",
    "CaptionEntry",
    "CaptionLine",
    "LooseLine",
    "Marker",
    "PageMarker",
    "Prose",
    "TextLine",
    "TextPiece",
    "Topic",
    "pieces_text",
]


class Caption(enum.Enum):
    """A handling caption written on a line of its own."""

    SIPDIS = "SIPDIS"
    NOFORN = "NOFORN"
    SENSITIVE = "SENSITIVE"
    SENSITIVE_BUT_UNCLASSIFIED = "SENSITIVE BUT UNCLASSIFIED"
    NODIS = "NODIS"
    EXDIS = "EXDIS"
    LIMDIS = "LIMDIS"
    STADIS = "STADIS"
    ORCON = "ORCON"
    EFTO = "EFTO"
    NOTAL = "NOTAL"


class Boundary(enum.Enum):
    """Whether a marker opens or closes a summary, comment or quoted text."""

    BEGIN = "begin"
    END = "end"


class Topic(enum.Enum):
    """What a SUMMARY/COMMENT/TEXT/QUOTE marker delimits."""

    SUMMARY = "summary"
    COMMENT = "comment"
    TEXT = "text"
    QUOTE = "quote"


@frozen(weakref_slot=False)
class Prose:
    """A run of prose text within a line."""

    text: str


@frozen(weakref_slot=False)
class Marker:
    """``SUMMARY:``, ``END SUMMARY``, ``Comment:``, ``BEGIN TEXT`` … as written."""

    text: str
    boundary: Boundary
    topic: Topic


TextPiece = Union[Prose, Marker]


def pieces_text(pieces: tuple[TextPiece, ...]) -> str:
    if len(pieces) == 1:  # most lines: one run of prose, no marker
        return pieces[0].text
    return "".join([piece.text for piece in pieces])


@frozen(weakref_slot=False)
class TextLine:
    """A line the grammar reads as prose, cut where a marker stands."""

    parts: tuple[TextPiece, ...]
    span: Span | None = _span()

    @property
    def text(self) -> str:
        return pieces_text(self.parts)


@frozen(weakref_slot=False)
class BlankLine:
    """An empty line, or one of blanks only."""

    whitespace: str = ""
    span: Span | None = _span()


@frozen(weakref_slot=False)
class CaptionEntry:
    """One caption on a caption line, with the blanks in front of it."""

    caption: Caption
    lead: str = ""
    spaced: bool = False  # "E F T O" rather than "EFTO"


@frozen(weakref_slot=False)
class CaptionLine:
    """A line of handling captions: ``SIPDIS``, ``NOFORN SIPDIS``."""

    entries: tuple[CaptionEntry, ...]
    trailing: str = ""
    span: Span | None = _span()

    @property
    def captions(self) -> tuple[Caption, ...]:
        return tuple(entry.caption for entry in self.entries)


@frozen(weakref_slot=False)
class PageMarker:
    """Where a new section or page began: ``PARIS 00003759  002 OF 002``."""

    origin: str
    serial: int
    page: int
    total: int
    subpage: int | None = None
    serial_digits: int = 8
    serial_lead: str = " "
    page_lead: str = "  "
    of_lead: str = " "
    total_lead: str = " "
    rest: str = ""
    lead: str = ""  # the blanks before it where it stands inside a REF line
    span: Span | None = _span()

    @property
    def text(self) -> str:
        """The marker as written, its line end excluded."""
        subpage = "" if self.subpage is None else f".{self.subpage}"
        return (
            f"{self.lead}{self.origin}{self.serial_lead}{digits(self.serial, self.serial_digits)}"
            f"{self.page_lead}{digits(self.page, 3)}{subpage}{self.of_lead}OF"
            f"{self.total_lead}{digits(self.total, 3)}{self.rest}"
        )


LooseLine = Union[TextLine, BlankLine, CaptionLine, PageMarker]
