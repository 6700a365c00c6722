"""The typed model of a cable: frozen attrs classes that keep every character.

Every part of the text has a class. Values are typed (ints, dates, enums); what is
only layout (the blanks in front of a value, the width of a zero-padded number) is
kept in small fields whose defaults are the canonical layout of the reference cable,
so a model built in code renders like the seed and ``parse(render(m)) == m``.

``span`` fields say where a part stood in the parsed text. They take no part in
equality: a cable built in code equals the same cable parsed back.

This module imports neither lark nor cattrs.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, TypeVar, Union

from attrs import field, frozen

__all__ = [
    "Address",
    "AddressBlock",
    "AddressKind",
    "AddressLine",
    "Banner",
    "BlankLine",
    "Block",
    "Boundary",
    "Cable",
    "CableRef",
    "Caption",
    "CaptionEntry",
    "CaptionLine",
    "Classification",
    "ClassifiedBy",
    "ClassifiedLine",
    "ClassifiedWord",
    "DateStyle",
    "DeLine",
    "DeclassifyOn",
    "DtgLine",
    "EoLine",
    "Exemption",
    "Exemptions",
    "IndicatorLine",
    "Instruction",
    "Level",
    "LooseLine",
    "Marker",
    "NotApplicable",
    "Oadr",
    "PageMarker",
    "Paragraph",
    "PartialNotice",
    "Passing",
    "Portion",
    "PortionCaveat",
    "PortionLevel",
    "Precedence",
    "Prose",
    "Publisher",
    "PublisherTag",
    "Reason",
    "ReasonLetter",
    "ReasonSeparator",
    "Ref",
    "RefLetter",
    "RefLine",
    "RefWord",
    "ReferenceId",
    "RoutingIndicator",
    "Section",
    "Signature",
    "Span",
    "Subject",
    "TagEntry",
    "TagsContinuation",
    "TagsLine",
    "TextLine",
    "Topic",
    "Vzczc",
    "ZnLine",
]

NBSP = "\xa0"


def _span() -> Span | None:
    return field(default=None, eq=False, repr=False, kw_only=True)  # type: ignore[no-any-return]


@frozen
class Span:
    """Where a part stood in the parsed text: 1-based; the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


# ------------------------------------------------------------------------- enums


class Level(enum.Enum):
    """A classification level, with the publisher's spelling as its value."""

    UNCLASSIFIED = "UNCLASSIFIED"
    LIMITED_OFFICIAL_USE = "LIMITED OFFICIAL USE"
    CONFIDENTIAL = "CONFIDENTIAL"
    SECRET = "SECRET"
    TOP_SECRET = "TOP SECRET"

    @property
    def rank(self) -> int:
        """0 unclassified, 1 administratively controlled, 2 C, 3 S, 4 TS."""
        return _LEVEL_RANK[self]

    @property
    def is_classified(self) -> bool:
        return self.rank >= 2


_LEVEL_RANK = {
    Level.UNCLASSIFIED: 0,
    Level.LIMITED_OFFICIAL_USE: 1,
    Level.CONFIDENTIAL: 2,
    Level.SECRET: 3,
    Level.TOP_SECRET: 4,
}


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


class AddressKind(enum.Enum):
    """The label of an address line in the transmission header."""

    FM = "FM"
    TO = "TO"
    INFO = "INFO"
    XMT = "XMT"


# ------------------------------------------------------------------------ helpers


def _digits(value: int, width: int) -> str:
    return str(value).zfill(width)


# ---------------------------------------------------------------- publisher block


@frozen
class ReferenceId:
    """The message reference number, e.g. ``05PARIS3759``.

    A well-formed id has ``year``, ``origin`` and ``serial``; any other id keeps its
    text in ``malformed`` and has the other three as None.
    """

    year: int | None = None
    origin: str | None = None
    serial: int | None = None
    malformed: str | None = None
    span: Span | None = _span()

    @property
    def is_well_formed(self) -> bool:
        return self.malformed is None

    def __str__(self) -> str:
        if self.malformed is not None:
            return self.malformed
        return f"{_digits((self.year or 0) % 100, 2)}{self.origin}{self.serial}"


def _full_year(two_digits: int) -> int:
    """Cablegate years run from 1966 to 2010: 66-99 are 19xx, the rest 20xx."""
    return 1900 + two_digits if two_digits >= 66 else 2000 + two_digits


@frozen
class Classification:
    """The publisher's classification, e.g. ``SECRET//NOFORN``.

    ``level`` is None only for a value that names no known level; its text is then
    kept in ``unrecognized``.
    """

    level: Level | None
    caveats: tuple[str, ...] = ()
    unrecognized: str | None = None
    span: Span | None = _span()

    @property
    def noforn(self) -> bool:
        return "NOFORN" in self.caveats

    @property
    def for_official_use_only(self) -> bool:
        return "FOR OFFICIAL USE ONLY" in self.caveats

    def __str__(self) -> str:
        if self.unrecognized is not None:
            return self.unrecognized
        assert self.level is not None
        return "//".join((self.level.value, *self.caveats))


@frozen
class PublisherTag:
    """One tag of the publisher's ``Tags:`` line and the no-break space after it."""

    text: str
    gap: str = NBSP
    span: Span | None = _span()


@frozen
class Publisher:
    """The block the publisher put above the telegram."""

    reference_id: ReferenceId
    created: datetime
    classification: Classification
    origin: str
    title: str
    tags: tuple[PublisherTag, ...] = ()
    released: datetime | None = None
    id_label: str = "Identifier"
    created_label: str = "Created"
    released_label: str = "Released"
    classification_label: str = "Classification"
    origin_label: str = "Origin"
    created_seconds: bool = True
    released_seconds: bool = True
    title_gap: str = NBSP * 2
    tags_gap: str = NBSP * 2
    navigation: bool = True
    span: Span | None = _span()


# ------------------------------------------------------------------- loose lines


@frozen
class Prose:
    """A run of prose text within a line."""

    text: str


@frozen
class Marker:
    """``SUMMARY:``, ``END SUMMARY``, ``Comment:``, ``BEGIN TEXT`` … as written."""

    text: str
    boundary: Boundary
    topic: Topic


TextPiece = Union[Prose, Marker]


def _pieces_text(pieces: tuple[TextPiece, ...]) -> str:
    return "".join(piece.text for piece in pieces)


@frozen
class TextLine:
    """A line the grammar reads as prose, cut where a marker stands."""

    parts: tuple[TextPiece, ...]
    span: Span | None = _span()

    @property
    def text(self) -> str:
        return _pieces_text(self.parts)


@frozen
class BlankLine:
    """An empty line, or one of blanks only."""

    whitespace: str = ""
    span: Span | None = _span()


@frozen
class CaptionEntry:
    """One caption on a caption line, with the blanks in front of it."""

    caption: Caption
    lead: str = ""
    spaced: bool = False  # "E F T O" rather than "EFTO"


@frozen
class CaptionLine:
    """A line of handling captions: ``SIPDIS``, ``NOFORN SIPDIS``."""

    entries: tuple[CaptionEntry, ...]
    trailing: str = ""
    span: Span | None = _span()

    @property
    def captions(self) -> tuple[Caption, ...]:
        return tuple(entry.caption for entry in self.entries)


@frozen
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
    span: Span | None = _span()


LooseLine = Union[TextLine, BlankLine, CaptionLine, PageMarker]


# ------------------------------------------------------------ transmission header


@frozen
class PartialNotice:
    """The publisher's notice that only an extract of the cable is available."""

    TEXT = (
        "This record is a partial extract of the original cable. "
        "The full text of the original cable is not available."
    )
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen
class Vzczc:
    """The start-of-message line ``VZCZCXRO3173``."""

    channel: str
    number: str | None = None
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen
class RoutingIndicator:
    """A routing indicator such as ``RUEHBR`` with the blanks before it."""

    code: str
    lead: str = " "


@frozen
class IndicatorLine:
    """A continuation line of routing indicators."""

    first: str
    indicators: tuple[RoutingIndicator, ...] = ()
    rest: str = ""
    span: Span | None = _span()


@frozen
class Precedence:
    """``PP RUEHAO RUEHCD …``: precedence prosigns and the routing indicators."""

    prosign: str
    indicators: tuple[RoutingIndicator, ...]
    rest: str = ""
    continuation: tuple[IndicatorLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen
class DeLine:
    """``DE RUEHBR #0861/01 1231903``: station, serial, section, day and time."""

    indicator: RoutingIndicator
    serial: int
    serial_digits: int = 4
    serial_lead: str = " "
    section: int | None = None
    section_digits: int = 2
    day_time: str | None = None  # DDDHHMM: Julian day and UTC time, as digits
    day_time_lead: str = " "
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen
class ZnLine:
    """``ZNY CCCCC ZZH``: security letters and operating signals."""

    kind: str  # ZNY or ZNR
    letters: str
    signals: tuple[str, ...] = ()
    letters_lead: str = " "
    signal_leads: tuple[str, ...] = ()
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


@frozen
class DtgLine:
    """``O 110944Z SEP 07``: precedence and date-time group (UTC)."""

    precedence: str
    day: int
    hour: int
    minute: int
    month: int
    year: int
    second_precedence: str | None = None
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def datetime(self) -> datetime | None:
        """The date-time group as a datetime, or None when it names no real time."""
        try:
            return datetime(self.year, self.month, self.day, self.hour, self.minute)
        except ValueError:
            return None


@frozen
class Address:
    """An addressee: ``RUEHC/SECSTATE WASHDC IMMEDIATE 4460``."""

    plad: str
    indicator: str | None = None
    precedence: str | None = None
    sequence: int | None = None
    indicator_lead: str = " "
    plad_lead: str = ""
    precedence_lead: str = " "
    sequence_lead: str = " "
    rest: str = ""


@frozen
class AddressLine:
    """A continuation line of further addressees."""

    address: Address
    span: Span | None = _span()


@frozen
class AddressBlock:
    """An FM, TO, INFO or XMT line and its continuation lines."""

    kind: AddressKind
    address: Address
    continuation: tuple[AddressLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def addresses(self) -> tuple[Address, ...]:
        return (self.address, *(line.address for line in self.continuation))


# ------------------------------------------------------------------ telegram text


_CANONICAL_LEVEL_SPELLING = {
    Level.UNCLASSIFIED: "UNCLAS",
    Level.LIMITED_OFFICIAL_USE: "LIMITED OFFICIAL USE",
    Level.CONFIDENTIAL: "C O N F I D E N T I A L",
    Level.SECRET: "S E C R E T",
    Level.TOP_SECRET: "T O P S E C R E T",
}


@frozen
class Section:
    """``SECTION 01 OF 02``."""

    number: int
    total: int
    digits: int = 2
    total_digits: int = 2
    word: str = "SECTION"
    of_word: str = "OF"
    leads: tuple[str, str, str, str] = (" ", " ", " ", " ")


@frozen
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


@frozen
class Passing:
    """A passing line: ``FOR NP/CBM``, ``DEPT FOR EUR/WE``."""

    text: str
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen
class DateStyle:
    """How a date was written: field order, separator, and widths."""

    order: str = "MDY"  # MDY or YMD
    separator: str = "/"
    month_digits: int = 2
    day_digits: int = 2
    year_digits: int = 4


@frozen
class DeclassifyOn:
    """``DECL: 05/31/2015``: declassify on this date."""

    date: date
    style: DateStyle = DateStyle()
    lead: str = " "


@frozen
class NotApplicable:
    """``N/A``: no declassification instruction (unclassified cables)."""

    spelling: str = "N/A"
    lead: str = " "


@frozen
class Exemption:
    """An exemption code ``X1`` … ``X8`` or ``25X1`` … ``25X9``, with what precedes it."""

    code: str
    lead: str = " "


@frozen
class Exemptions:
    """``DECL: X1, X5``: exemptions from automatic declassification."""

    codes: tuple[Exemption, ...]


@frozen
class Oadr:
    """``DECL: OADR``: originating agency's determination required."""

    lead: str = " "


Instruction = Union[DeclassifyOn, NotApplicable, Exemptions, Oadr]


@frozen
class EoLine:
    """``E.O. 12958: DECL: 05/31/2015``."""

    order: int
    instruction: Instruction | None = None
    label: str = "E.O."
    order_lead: str = " "
    colon: str | None = ":"
    decl_label: str | None = " DECL:"
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen
class TagEntry:
    """A tag on the TAGS line with the separator written before it."""

    tag: str
    separator: str = " "


@frozen
class TagsContinuation:
    """A continuation line of the TAGS line."""

    first: str
    entries: tuple[TagEntry, ...] = ()
    rest: str = ""
    span: Span | None = _span()


@frozen
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


@frozen
class Subject:
    """``SUBJECT:`` and its continuation lines, up to a blank or recognised line."""

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


@frozen
class RefLetter:
    """The letter of a lettered reference: ``A.``, ``B)``, ``(C)``."""

    letter: str
    before: str = ""
    after: str = "."
    lead: str = " "
    pilcrow: bool = False


@frozen
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
    serial_lead: str = " "


@frozen
class RefWord:
    """Any other text on a REF line, with its blanks."""

    text: str


RefPiece = Union[RefLetter, CableRef, RefWord]


@frozen
class RefLine:
    """A continuation line of a REF block."""

    pieces: tuple[RefPiece, ...]
    indent: str = ""
    span: Span | None = _span()


@frozen
class Ref:
    """``REF: A. STATE 12345 B. PARIS 678`` and its continuation lines."""

    pieces: tuple[RefPiece, ...]
    label: str = "REF:"
    continuation: tuple[RefLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
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


@frozen
class ReasonLetter:
    """A reason letter such as ``(b)`` or ``D``, as written."""

    letter: str
    lead: str = " "
    open_paren: bool = False
    close_paren: bool = False


@frozen
class ReasonSeparator:
    """What stands between reason letters: ``,``, `` and``, ``/``."""

    text: str


@frozen
class Reason:
    """``1.4 (b) and (d)``: the section of the order and its letters."""

    section: str  # "1.4", "1.5" (also the rare "1.2" … "1.9")
    items: tuple[ReasonLetter | ReasonSeparator, ...] = ()
    spelling: str | None = None  # "1,4" or "1. 4" when not written as ``section``
    lead: str = " "

    @property
    def letters(self) -> tuple[str, ...]:
        return tuple(item.letter.lower() for item in self.items if isinstance(item, ReasonLetter))


@frozen
class ClassifiedWord:
    """Text of a Classified By line that is not a reason, with its blanks."""

    text: str


ClassifiedPiece = Union[Reason, ClassifiedWord]


@frozen
class ClassifiedLine:
    """A continuation line of the Classified By block."""

    pieces: tuple[ClassifiedPiece, ...]
    span: Span | None = _span()


@frozen
class ClassifiedBy:
    """``Classified By: … for reasons 1.4 (b) and (d)`` and its continuation lines."""

    pieces: tuple[ClassifiedPiece, ...]
    label: str = "Classified By:"
    continuation: tuple[ClassifiedLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
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
        parts: list[str] = []
        _emit_classified_pieces(self.pieces, parts)
        for line in self.continuation:
            parts.append(" ")
            _emit_classified_pieces(line.pieces, parts)
        return " ".join("".join(parts).split())


@frozen
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


@frozen
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
        lines = [_pieces_text(self.parts)]
        lines.extend(line.text for line in self.tail if isinstance(line, TextLine))
        return " ".join(" ".join(line.split()) for line in lines if line.strip())

    @property
    def markers(self) -> tuple[Marker, ...]:
        found = [piece for piece in self.parts if isinstance(piece, Marker)]
        for line in self.tail:
            if isinstance(line, TextLine):
                found.extend(piece for piece in line.parts if isinstance(piece, Marker))
        return tuple(found)


@frozen
class Signature:
    """The last non-blank line when it is a name: the approving officer, e.g. ``WOLFF``."""

    name: str
    trailing: str = ""  # blanks after the name on its line
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


Block = Union[
    PartialNotice,
    Vzczc,
    Precedence,
    DeLine,
    ZnLine,
    DtgLine,
    AddressBlock,
    Banner,
    Passing,
    EoLine,
    TagsLine,
    Subject,
    Ref,
    ClassifiedBy,
    Paragraph,
    Signature,
]

_B = TypeVar("_B")


@frozen
class Cable:
    """A whole cable: the publisher block, lines before the first block, and blocks.

    ``final_newline`` says whether the text ends with a line ending (the published
    cables do not); ``newline`` is the line ending ("\n", or "\r\n" / "\r" for text
    that used those throughout); ``bom`` whether the text began with a byte-order mark.
    """

    publisher: Publisher
    blocks: tuple[Block, ...] = ()
    lead: tuple[LooseLine, ...] = ()
    final_newline: bool = False
    newline: str = "\n"
    bom: bool = False

    # --- the fields users ask for most
    @property
    def reference_id(self) -> str:
        return str(self.publisher.reference_id)

    @property
    def created(self) -> datetime:
        return self.publisher.created

    @property
    def classification(self) -> Classification:
        return self.publisher.classification

    @property
    def origin(self) -> str:
        return self.publisher.origin

    @property
    def title(self) -> str:
        return self.publisher.title

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(tag.text for tag in self.publisher.tags)

    @property
    def partial(self) -> bool:
        return any(isinstance(block, PartialNotice) for block in self.blocks)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))

    @property
    def header_blocks(self) -> tuple[Block, ...]:
        """The blocks before the first numbered paragraph."""
        found: list[Block] = []
        for block in self.blocks:
            if isinstance(block, (Paragraph, Signature)):
                break
            found.append(block)
        return tuple(found)

    def _first(self, kind: type[_B]) -> _B | None:
        for block in self.blocks:
            if isinstance(block, kind):
                return block
        return None

    @property
    def banner(self) -> Banner | None:
        return self._first(Banner)

    @property
    def banners(self) -> tuple[Banner, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Banner))

    @property
    def eo(self) -> EoLine | None:
        return self._first(EoLine)

    @property
    def tags_line(self) -> TagsLine | None:
        return self._first(TagsLine)

    @property
    def subject_block(self) -> Subject | None:
        """The telegram's SUBJECT: the first after the first banner, else the first.

        Lines above the banner can carry a forwarding e-mail with its own "Subject:".
        """
        seen_banner = False
        first: Subject | None = None
        for block in self.blocks:
            if isinstance(block, Banner):
                seen_banner = True
            elif isinstance(block, Subject):
                if seen_banner:
                    return block
                first = first or block
        return first

    @property
    def subject(self) -> str | None:
        block = self.subject_block
        return None if block is None else block.subject

    @property
    def ref(self) -> Ref | None:
        return self._first(Ref)

    @property
    def classified_by(self) -> ClassifiedBy | None:
        return self._first(ClassifiedBy)

    @property
    def signature(self) -> Signature | None:
        return self._first(Signature)

    @property
    def captions(self) -> tuple[Caption, ...]:
        """Captions on caption lines of the header area, in order."""
        found: list[Caption] = []
        for line in self.header_lines():
            if isinstance(line, CaptionLine):
                found.extend(line.captions)
        return tuple(found)

    @property
    def passing_lines(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.header_blocks if isinstance(block, Passing))

    @property
    def page_markers(self) -> tuple[PageMarker, ...]:
        found = [line for line in self.lead if isinstance(line, PageMarker)]
        for block in self.blocks:
            found.extend(line for line in _tail_of(block) if isinstance(line, PageMarker))
        return tuple(found)

    def header_lines(self) -> Iterator[LooseLine]:
        """The loose lines of the header area."""
        yield from self.lead
        for block in self.header_blocks:
            yield from _tail_of(block)


def _tail_of(block: Block) -> tuple[LooseLine, ...]:
    return block.tail


# ------------------------------------------------------------------------ render


def render(cable: Cable) -> str:
    """The text of ``cable``, built from its parts."""
    out: list[str] = []
    _emit_publisher(cable.publisher, out)
    _emit_lines(cable.lead, out)
    for block in cable.blocks:
        _EMITTERS[type(block)](block, out)
    text = "".join(out)
    if not cable.final_newline and text.endswith("\n"):
        text = text[:-1]
    if cable.newline != "\n":
        text = text.replace("\n", cable.newline)
    return "\ufeff" + text if cable.bom else text


def _emit_publisher(pub: Publisher, out: list[str]) -> None:
    released = pub.released is not None
    labels = [pub.id_label, pub.created_label]
    if released:
        labels.append(pub.released_label)
    labels += [pub.classification_label, pub.origin_label]
    out.extend(label + "\n" for label in labels)
    out.append(str(pub.reference_id) + "\n")
    out.append(_timestamp(pub.created, pub.created_seconds) + "\n")
    if pub.released is not None:
        out.append(_timestamp(pub.released, pub.released_seconds) + "\n")
    out.append(str(pub.classification) + "\n")
    out.append(pub.origin + "\n")
    out.append(f"Cable title:{pub.title_gap}\n\n{pub.title}\n\n")
    out.append("Tags:" + pub.tags_gap + "".join(tag.text + tag.gap for tag in pub.tags) + "\n")
    if pub.navigation:
        out.append(f"pdf{NBSP}how-to read a cable\n")


def _timestamp(value: datetime, seconds: bool) -> str:
    # not strftime: %Y does not pad years before 1000 on every platform
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}"
    return f"{text}:{value.second:02d}" if seconds else text


def _emit_lines(lines: tuple[LooseLine, ...], out: list[str]) -> None:
    for line in lines:
        if isinstance(line, TextLine):
            out.append(_pieces_text(line.parts) + "\n")
        elif isinstance(line, BlankLine):
            out.append(line.whitespace + "\n")
        elif isinstance(line, CaptionLine):
            _emit_caption_line(line, out)
        else:
            _emit_page_marker(line, out)


def _emit_caption_line(line: CaptionLine, out: list[str]) -> None:
    for entry in line.entries:
        text = "E F T O" if entry.caption is Caption.EFTO and entry.spaced else entry.caption.value
        out.append(entry.lead + text)
    out.append(line.trailing + "\n")


def _emit_page_marker(marker: PageMarker, out: list[str]) -> None:
    subpage = "" if marker.subpage is None else f".{marker.subpage}"
    out.append(
        f"{marker.origin}{marker.serial_lead}{_digits(marker.serial, marker.serial_digits)}"
        f"{marker.page_lead}{_digits(marker.page, 3)}{subpage}{marker.of_lead}OF"
        f"{marker.total_lead}{_digits(marker.total, 3)}{marker.rest}\n"
    )


def _emit_notice(block: PartialNotice, out: list[str]) -> None:
    out.append(PartialNotice.TEXT + "\n")
    _emit_lines(block.tail, out)


def _emit_vzczc(block: Vzczc, out: list[str]) -> None:
    out.append(f"VZCZC{block.channel}{block.number or ''}{block.rest}\n")
    _emit_lines(block.tail, out)


def _indicators(indicators: tuple[RoutingIndicator, ...]) -> str:
    return "".join(ri.lead + ri.code for ri in indicators)


def _emit_precedence(block: Precedence, out: list[str]) -> None:
    out.append(block.prosign + _indicators(block.indicators) + block.rest + "\n")
    for line in block.continuation:
        out.append(line.first + _indicators(line.indicators) + line.rest + "\n")
    _emit_lines(block.tail, out)


def _emit_de(block: DeLine, out: list[str]) -> None:
    section = "" if block.section is None else "/" + _digits(block.section, block.section_digits)
    day_time = "" if block.day_time is None else block.day_time_lead + block.day_time
    out.append(
        f"DE{block.indicator.lead}{block.indicator.code}{block.serial_lead}#"
        f"{_digits(block.serial, block.serial_digits)}{section}{day_time}{block.rest}\n"
    )
    _emit_lines(block.tail, out)


def _emit_zn(block: ZnLine, out: list[str]) -> None:
    leads = block.signal_leads or (" ",) * len(block.signals)
    signals = "".join(lead + signal for lead, signal in zip(leads, block.signals, strict=False))
    out.append(f"{block.kind}{block.letters_lead}{block.letters}{signals}{block.rest}\n")
    _emit_lines(block.tail, out)


def _emit_dtg(block: DtgLine, out: list[str]) -> None:
    second = "" if block.second_precedence is None else " " + block.second_precedence
    out.append(
        f"{block.precedence}{second} {block.day:02d}{block.hour:02d}{block.minute:02d}Z "
        f"{MONTH_NAMES[block.month - 1]} {block.year % 100:02d}{block.rest}\n"
    )
    _emit_lines(block.tail, out)


def _address_text(address: Address) -> str:
    parts = []
    if address.indicator is not None:
        parts.append(address.indicator_lead + address.indicator + "/")
    parts.append(address.plad_lead + address.plad)
    if address.precedence is not None:
        parts.append(address.precedence_lead + address.precedence)
    if address.sequence is not None:
        parts.append(address.sequence_lead + _digits(address.sequence, 4))
    parts.append(address.rest)
    return "".join(parts)


def _emit_address_block(block: AddressBlock, out: list[str]) -> None:
    out.append(block.kind.value + _address_text(block.address) + "\n")
    for line in block.continuation:
        out.append(_address_text(line.address) + "\n")
    _emit_lines(block.tail, out)


def _emit_banner(block: Banner, out: list[str]) -> None:
    parts = [block.level_text, block.efto or ""]
    if block.section is not None:
        section = block.section
        lead = section.leads
        parts.append(
            f"{lead[0]}{section.word}{lead[1]}{_digits(section.number, section.digits)}"
            f"{lead[2]}{section.of_word}{lead[3]}{_digits(section.total, section.total_digits)}"
        )
    if block.origin is not None and block.serial is not None:
        parts.append(
            f"{block.origin_lead}{block.origin}{block.serial_lead}"
            f"{_digits(block.serial, block.serial_digits)}"
        )
    parts.append(block.rest + "\n")
    out.append("".join(parts))
    _emit_lines(block.tail, out)


def _emit_passing(block: Passing, out: list[str]) -> None:
    out.append(block.text + "\n")
    _emit_lines(block.tail, out)


def _date_text(value: date, style: DateStyle) -> str:
    year = value.year % 100 if style.year_digits == 2 else value.year
    year_text = _digits(year, style.year_digits)
    month = _digits(value.month, style.month_digits)
    day = _digits(value.day, style.day_digits)
    sep = style.separator
    if style.order == "YMD":
        return f"{year_text}{sep}{month}{sep}{day}"
    return f"{month}{sep}{day}{sep}{year_text}"


def _instruction_text(instruction: Instruction | None) -> str:
    if instruction is None:
        return ""
    if isinstance(instruction, DeclassifyOn):
        return instruction.lead + _date_text(instruction.date, instruction.style)
    if isinstance(instruction, NotApplicable):
        return instruction.lead + instruction.spelling
    if isinstance(instruction, Oadr):
        return instruction.lead + "OADR"
    return "".join(code.lead + code.code for code in instruction.codes)


def _emit_eo(block: EoLine, out: list[str]) -> None:
    out.append(
        f"{block.label}{block.order_lead}{block.order}{block.colon or ''}{block.decl_label or ''}"
        f"{_instruction_text(block.instruction)}{block.rest}\n"
    )
    _emit_lines(block.tail, out)


def _tag_entries(entries: tuple[TagEntry, ...]) -> str:
    return "".join(entry.separator + entry.tag for entry in entries)


def _emit_tags(block: TagsLine, out: list[str]) -> None:
    out.append(block.label + _tag_entries(block.entries) + block.rest + "\n")
    for line in block.continuation:
        out.append(line.first + _tag_entries(line.entries) + line.rest + "\n")
    _emit_lines(block.tail, out)


def _emit_subject(block: Subject, out: list[str]) -> None:
    out.append(block.label + block.lead + block.text + "\n")
    out.extend(line + "\n" for line in block.continuation)
    _emit_lines(block.tail, out)


def _ref_piece_text(piece: RefPiece) -> str:
    if isinstance(piece, RefWord):
        return piece.text
    if isinstance(piece, RefLetter):
        pilcrow = "¶" if piece.pilcrow else ""
        return f"{piece.lead}{pilcrow}{piece.before}{piece.letter}{piece.after}"
    year = ""
    if piece.year is not None:
        digits = piece.year % 100 if piece.year_digits == 2 else piece.year
        apostrophe = "'" if piece.year_apostrophe else ""
        year = piece.year_lead + apostrophe + _digits(digits, piece.year_digits)
    return (
        f"{year}{piece.origin_lead}{piece.origin}{piece.serial_lead}"
        f"{_digits(piece.serial, piece.serial_digits)}"
    )


def _emit_ref(block: Ref, out: list[str]) -> None:
    out.append(block.label + "".join(_ref_piece_text(piece) for piece in block.pieces) + "\n")
    for line in block.continuation:
        out.append(line.indent + "".join(_ref_piece_text(piece) for piece in line.pieces) + "\n")
    _emit_lines(block.tail, out)


def _emit_classified_pieces(pieces: tuple[ClassifiedPiece, ...], out: list[str]) -> None:
    for piece in pieces:
        if isinstance(piece, ClassifiedWord):
            out.append(piece.text)
            continue
        out.append(piece.lead + (piece.spelling if piece.spelling is not None else piece.section))
        for item in piece.items:
            if isinstance(item, ReasonSeparator):
                out.append(item.text)
            else:
                out.append(
                    item.lead
                    + ("(" if item.open_paren else "")
                    + item.letter
                    + (")" if item.close_paren else "")
                )


def _emit_classified(block: ClassifiedBy, out: list[str]) -> None:
    out.append(block.label)
    _emit_classified_pieces(block.pieces, out)
    out.append("\n")
    for line in block.continuation:
        _emit_classified_pieces(line.pieces, out)
        out.append("\n")
    _emit_lines(block.tail, out)


def _portion_text(portion: Portion) -> str:
    parts = [portion.lead, "(", portion.inner_left, portion.level.value]
    for index, caveat in enumerate(portion.caveats):
        parts.append(portion.separators[index] if index < len(portion.separators) else "/")
        parts.append(caveat.value)
    parts += [portion.inner_right, ")"]
    return "".join(parts)


def _emit_paragraph(block: Paragraph, out: list[str]) -> None:
    marking = "" if block.marking is None else _portion_text(block.marking)
    out.append(
        f"{block.prefix}{_digits(block.number, block.number_digits)}{block.dot_gap}."
        f"{marking}{_pieces_text(block.parts)}\n"
    )
    _emit_lines(block.tail, out)


def _emit_signature(block: Signature, out: list[str]) -> None:
    out.append(block.name + block.trailing + "\n")
    _emit_lines(block.tail, out)


_EMITTERS: dict[type, Callable[[Any, list[str]], None]] = {
    PartialNotice: _emit_notice,
    Vzczc: _emit_vzczc,
    Precedence: _emit_precedence,
    DeLine: _emit_de,
    ZnLine: _emit_zn,
    DtgLine: _emit_dtg,
    AddressBlock: _emit_address_block,
    Banner: _emit_banner,
    Passing: _emit_passing,
    EoLine: _emit_eo,
    TagsLine: _emit_tags,
    Subject: _emit_subject,
    Ref: _emit_ref,
    ClassifiedBy: _emit_classified,
    Paragraph: _emit_paragraph,
    Signature: _emit_signature,
}
