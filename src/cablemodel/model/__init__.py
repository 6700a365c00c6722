"""The typed model of a cable: frozen attrs classes that keep every character.

Every part of the text has a class. Values are typed (ints, dates, enums); what is
only layout (the blanks in front of a value, the width of a zero-padded number) is
kept in small fields whose defaults are the canonical layout of the reference cable,
so a model built in code renders like the seed and ``parse(render(m)) == m``.

``span`` fields say where a part stood in the parsed text. They take no part in
equality: a cable built in code equals the same cable parsed back.

The package is split by the cable's areas, as the grammar and docs/format.md are:
publisher, lines (loose lines), header (transmission header), preamble (banner to
Classified By), body (paragraphs and signature) and cable (the whole). Every name is
re-exported here. The model imports neither lark nor cattrs.

The parts carry no weak-reference slot: a cable of a million lines has millions of
parts, and the slot costs 16 bytes on each. ``Cable`` has one (``checks`` records,
by identity, which cables are known to read back).
"""

from __future__ import annotations

from ._base import MONTH_NAMES, NBSP, Span
from .body import Cosigner, Paragraph, Portion, PortionCaveat, PortionLevel, Signature
from .cable import Block, Cable
from .header import (
    Address,
    AddressBlock,
    AddressKind,
    AddressLine,
    DeLine,
    DtgLine,
    IndicatorLine,
    PartialNotice,
    Precedence,
    RoutingIndicator,
    Vzczc,
    ZnLine,
)
from .lines import (
    BlankLine,
    Boundary,
    Caption,
    CaptionEntry,
    CaptionLine,
    LooseLine,
    Marker,
    PageMarker,
    Prose,
    TextLine,
    TextPiece,
    Topic,
    pieces_text,
)
from .preamble import (
    Banner,
    CableRef,
    ClassifiedBy,
    ClassifiedLine,
    ClassifiedPiece,
    ClassifiedSeparator,
    ClassifiedWord,
    DateStyle,
    DeclassifyOn,
    EoLine,
    Exemption,
    Exemptions,
    Instruction,
    NotApplicable,
    Oadr,
    Passing,
    Reason,
    ReasonLetter,
    ReasonSeparator,
    ReasonWord,
    Ref,
    RefLetter,
    RefLine,
    RefPiece,
    RefSerial,
    RefWord,
    Section,
    Subject,
    TagEntry,
    TagsContinuation,
    TagsLine,
)
from .publisher import Classification, Level, Publisher, PublisherTag, ReferenceId

__all__ = [
    "MONTH_NAMES",
    "NBSP",
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
    "ClassifiedPiece",
    "ClassifiedSeparator",
    "ClassifiedWord",
    "Cosigner",
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
    "ReasonWord",
    "Ref",
    "RefLetter",
    "RefLine",
    "RefPiece",
    "RefSerial",
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
    "TextPiece",
    "Topic",
    "Vzczc",
    "ZnLine",
    "pieces_text",
]
