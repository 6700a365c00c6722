"""The preamble of the telegram text: the classification banner, passing lines, the E.O.
line with its declassification instruction, TAGS, SUBJECT, REF and Classified By."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Union

from attrs import frozen

from ._base import Span, _span, digits
from .lines import LooseLine, PageMarker
from .publisher import Level

__all__ = [
    "Banner",
    "CableRef",
    "ClassifiedBy",
    "ClassifiedLine",
    "ClassifiedPiece",
    "ClassifiedSeparator",
    "ClassifiedWord",
    "DateStyle",
    "DeclassifyOn",
    "EoLine",
    "Exemption",
    "Exemptions",
    "Instruction",
    "NotApplicable",
    "Oadr",
    "Passing",
    "Reason",
    "ReasonLetter",
    "ReasonSeparator",
    "ReasonWord",
    "Ref",
    "RefLetter",
    "RefLine",
    "RefPiece",
    "RefSerial",
    "RefWord",
    "Section",
    "Subject",
    "TagEntry",
    "TagsContinuation",
    "TagsLine",
]


_CANONICAL_LEVEL_SPELLING = {
    Level.UNCLASSIFIED: "UNCLAS",
    Level.LIMITED_OFFICIAL_USE: "LIMITED OFFICIAL USE",
    Level.CONFIDENTIAL: "C O N F I D E N T I A L",
    Level.SECRET: "S E C R E T",
    Level.TOP_SECRET: "T O P S E C R E T",
}


@frozen(weakref_slot=False)
class Section:
    """``SECTION 01 OF 02``."""

    number: int
    total: int
    digits: int = 2
    total_digits: int = 2
    word: str = "SECTION"
    of_word: str = "OF"
    leads: tuple[str, str, str, str] = (" ", " ", " ", " ")


@frozen(weakref_slot=False)
class Banner:
    """The classification line: ``C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759``.

    ``spelling`` keeps a non-canonical way of writing the level (``CONFIDENTIAL``,
    ``UNCLASSIFIED``, ``S e c r e t``); None means the canonical one.
    """

    level: Level
    spelling: str | None = None
    efto: str | None = None  # " EFTO" or " E F T O" as written, blanks included
    section: Section | None = None
    origin: str | None = None
    serial: int | None = None
    serial_digits: int = 6
    origin_lead: str = " "
    serial_lead: str = " "
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def level_text(self) -> str:
        return self.spelling if self.spelling is not None else _CANONICAL_LEVEL_SPELLING[self.level]


@frozen(weakref_slot=False)
class Passing:
    """A passing line: ``FOR NP/CBM``, ``DEPT FOR EUR/WE``."""

    text: str
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class DateStyle:
    """How a date was written: field order, separator, and widths."""

    order: str = "MDY"  # MDY or YMD
    separator: str = "/"
    month_digits: int = 2
    day_digits: int = 2
    year_digits: int = 4
    second_separator: str | None = None  # when the second differs: 05/31-2015


@frozen(weakref_slot=False)
class DeclassifyOn:
    """``DECL: 05/31/2015``: declassify on this date."""

    date: date
    style: DateStyle = DateStyle()
    lead: str = " "


@frozen(weakref_slot=False)
class NotApplicable:
    """``N/A``: no declassification instruction (unclassified cables)."""

    spelling: str = "N/A"
    lead: str = " "


@frozen(weakref_slot=False)
class Exemption:
    """An exemption code ``X1`` … ``X8`` or ``25X1`` … ``25X9``, with what precedes it."""

    code: str
    lead: str = " "


@frozen(weakref_slot=False)
class Exemptions:
    """``DECL: X1, X5``: exemptions from automatic declassification."""

    codes: tuple[Exemption, ...]


@frozen(weakref_slot=False)
class Oadr:
    """``DECL: OADR``: originating agency's determination required."""

    lead: str = " "


Instruction = Union[DeclassifyOn, NotApplicable, Exemptions, Oadr]


@frozen(weakref_slot=False)
class EoLine:
    """``E.O. 12958: DECL: 05/31/2015``."""

    order: int
    instruction: Instruction | None = None
    order_digits: int = 0  # 0: as many digits as the number has; else zero-padded (01295)
    label: str = "E.O."
    order_lead: str = " "
    colon: str | None = ":"
    decl_label: str | None = " DECL:"
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class TagEntry:
    """A tag on the TAGS line with the separator written before it."""

    tag: str
    separator: str = " "


@frozen(weakref_slot=False)
class TagsContinuation:
    """A continuation line of the TAGS line."""

    first: str
    entries: tuple[TagEntry, ...] = ()
    rest: str = ""
    span: Span | None = _span()


@frozen(weakref_slot=False)
class TagsLine:
    """``TAGS: FR KSCA PARM PREL``."""

    entries: tuple[TagEntry, ...]
    label: str = "TAGS:"
    rest: str = ""
    continuation: tuple[TagsContinuation, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def tags(self) -> tuple[str, ...]:
        found = [entry.tag for entry in self.entries]
        for line in self.continuation:
            found.append(line.first)
            found.extend(entry.tag for entry in line.entries)
        return tuple(found)


@frozen(weakref_slot=False)
class Subject:
    """``SUBJECT:`` and its continuation lines, up to a blank or recognised line, or up to
    a REF or Classified By written on its last line (a block joined to it)."""

    text: str
    label: str = "SUBJECT:"
    lead: str = " "
    continuation: tuple[str, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def subject(self) -> str:
        """The whole subject, its lines joined by single spaces."""
        return " ".join(
            " ".join(line.split()) for line in (self.text, *self.continuation) if line.strip()
        )


@frozen(weakref_slot=False)
class RefLetter:
    """The letter of a lettered reference: ``A.``, ``B)``, ``(C)``."""

    letter: str
    before: str = ""
    after: str = "."
    lead: str = " "
    pilcrow: bool = False

    @property
    def text(self) -> str:
        """The letter as written, with its blanks."""
        pilcrow = "¶" if self.pilcrow else ""
        return f"{self.lead}{pilcrow}{self.before}{self.letter}{self.after}"


@frozen(weakref_slot=False)
class CableRef:
    """A reference to a cable: ``SECSTATE 96519``, ``05 PARIS 5459``."""

    origin: str
    serial: int
    year: int | None = None
    year_digits: int = 2
    year_apostrophe: bool = False
    serial_digits: int = 0  # 0: as many digits as the number has
    year_lead: str = " "
    origin_lead: str = " "
    serial_lead: str = " "  # the blanks before the serial, and a colon: STATE: 73097
    year_after: bool = False  # the year follows the serial: QUITO 4525-91, LIMA 701 (08)
    year_brackets: bool = False  # the year in parentheses: (08)

    @property
    def text(self) -> str:
        """The reference as written, with its blanks."""
        year = ""
        if self.year is not None:
            written = self.year % 100 if self.year_digits == 2 else self.year
            year = ("'" if self.year_apostrophe else "") + digits(written, self.year_digits)
            year = self.year_lead + (f"({year})" if self.year_brackets else year)
        cable = (
            f"{self.origin_lead}{self.origin}{self.serial_lead}"
            f"{digits(self.serial, self.serial_digits)}"
        )
        return cable + year if self.year_after else year + cable


@frozen(weakref_slot=False)
class RefSerial:
    """A further serial of the cable reference before it: `` AND 2764``, ``/935``."""

    serial: int
    separator: str = " AND"
    serial_lead: str = " "
    serial_digits: int = 0  # 0: as many digits as the number has

    @property
    def text(self) -> str:
        """The serial as written, with what precedes it."""
        return f"{self.separator}{self.serial_lead}{digits(self.serial, self.serial_digits)}"


@frozen(weakref_slot=False)
class RefWord:
    """Any other text on a REF line, with its blanks."""

    text: str


# a page marker may stand inside a REF line: … B) 08 TRIPOLI 227 TRIPOLI 00000191 001.2 OF 002
RefPiece = Union[RefLetter, CableRef, RefSerial, RefWord, PageMarker]


@frozen(weakref_slot=False)
class RefLine:
    """A continuation line of a REF block; ``gap`` holds the blank lines before it (a
    line that starts with a reference letter after blank lines still belongs to it)."""

    pieces: tuple[RefPiece, ...]
    indent: str = ""
    gap: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def text(self) -> str:
        """The line as written, its gap and line end excluded."""
        return self.indent + "".join(piece.text for piece in self.pieces)


@frozen(weakref_slot=False)
class Ref:
    """``REF: A. STATE 12345 B. PARIS 678`` and its continuation lines."""

    pieces: tuple[RefPiece, ...]
    label: str = "REF:"
    continuation: tuple[RefLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    joined: bool = False  # it starts on the line of the block before it: SUBJECT: … REF:
    span: Span | None = _span()

    def all_pieces(self) -> Iterator[RefPiece]:
        yield from self.pieces
        for line in self.continuation:
            yield from line.pieces

    @property
    def cables(self) -> tuple[CableRef, ...]:
        return tuple(piece for piece in self.all_pieces() if isinstance(piece, CableRef))

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(piece.letter for piece in self.all_pieces() if isinstance(piece, RefLetter))


@frozen(weakref_slot=False)
class ReasonLetter:
    """A reason letter such as ``(b)`` or ``D``, as written."""

    letter: str
    lead: str = " "
    open_paren: bool = False
    close_paren: bool = False

    @property
    def text(self) -> str:
        """The letter as written, with its blanks and parentheses."""
        opened = "(" if self.open_paren else ""
        return f"{self.lead}{opened}{self.letter}{')' if self.close_paren else ''}"


@frozen(weakref_slot=False)
class ReasonSeparator:
    """What stands between reason letters: ``,``, `` and``, ``/``."""

    text: str


@frozen(weakref_slot=False)
class Reason:
    """``1.4 (b) and (d)``: the section of the order and its letters."""

    section: str  # "1.4", "1.5" (also the rare "1.2" … "1.9")
    items: tuple[ReasonLetter | ReasonSeparator, ...] = ()
    spelling: str | None = None  # "1,4" or "1. 4" when not written as ``section``
    lead: str = " "

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(item.letter.lower() for item in self.items if isinstance(item, ReasonLetter))

    @property
    def text(self) -> str:
        """The reason as written, with its blanks."""
        written = self.spelling if self.spelling is not None else self.section
        return self.lead + written + "".join(item.text for item in self.items)


@frozen(weakref_slot=False)
class ClassifiedWord:
    """Text of a Classified By line that is not a reason, with its blanks."""

    text: str


@frozen(weakref_slot=False)
class ClassifiedSeparator:
    """A comma or semicolon between the parts of the officer: ``Name, Title; Office``."""

    text: str


@frozen(weakref_slot=False)
class ReasonWord:
    """The words that introduce the reasons: `` for reasons``, `` Reason:``, `` per``."""

    text: str


ClassifiedPiece = Union[Reason, ReasonWord, ClassifiedSeparator, ClassifiedWord]


@frozen(weakref_slot=False)
class ClassifiedLine:
    """A continuation line of the Classified By block."""

    pieces: tuple[ClassifiedPiece, ...]
    span: Span | None = _span()


@frozen(weakref_slot=False)
class ClassifiedBy:
    """``Classified By: … for reasons 1.4 (b) and (d)`` and its continuation lines."""

    pieces: tuple[ClassifiedPiece, ...]
    label: str = "Classified By:"
    continuation: tuple[ClassifiedLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    joined: bool = False  # it starts on the line of the block before it: … REF: X 1 Classified By:
    span: Span | None = _span()

    def all_pieces(self) -> Iterator[ClassifiedPiece]:
        yield from self.pieces
        for line in self.continuation:
            yield from line.pieces

    @property
    def reasons(self) -> tuple[Reason, ...]:
        return tuple(piece for piece in self.all_pieces() if isinstance(piece, Reason))

    @property
    def text(self) -> str:
        """The whole block as one line of text (label excluded)."""
        lines = [self.pieces, *(line.pieces for line in self.continuation)]
        written = " ".join("".join(piece.text for piece in pieces) for pieces in lines)
        return " ".join(written.split())
