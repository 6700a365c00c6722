"""Strategies that build realistic, consistent cables (``cablemodel.strategies``).

Every drawn ``Cable`` is *consistent*: the banner level is the publisher's level, the
DECL date follows the creation date, page markers count up to the section total, portion
markings stay at or below the banner, the TAGS line repeats the publisher's tags, and so
on. Every drawn cable also reads back unchanged: ``parse(render(cable)) == cable``. To
keep that promise the prose is drawn from a small word list that can never be mistaken
for a header line, a marker, a caption or a signature.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from typing import Any, Literal, TypeVar

from attrs import evolve, frozen

try:
    from hypothesis import strategies as st
except ImportError as missing:
    raise ImportError(
        "cablemodel.strategies needs Hypothesis, which is not installed: "
        "pip install 'cablemodel[testing]'"
    ) from missing

from .._render import render
from ..model import (
    Address,
    AddressBlock,
    AddressKind,
    AddressLine,
    Banner,
    BlankLine,
    Block,
    Boundary,
    Cable,
    CableRef,
    Caption,
    CaptionEntry,
    CaptionLine,
    Classification,
    ClassifiedBy,
    ClassifiedLine,
    ClassifiedPiece,
    ClassifiedSeparator,
    ClassifiedWord,
    Cosigner,
    DateStyle,
    DeclassifyOn,
    DeLine,
    DtgLine,
    EoLine,
    Exemption,
    Exemptions,
    IndicatorLine,
    Instruction,
    Level,
    LooseLine,
    Marker,
    NotApplicable,
    Oadr,
    PageMarker,
    Paragraph,
    PartialNotice,
    Passing,
    Portion,
    PortionCaveat,
    PortionLevel,
    Precedence,
    Prose,
    Publisher,
    PublisherTag,
    Reason,
    ReasonLetter,
    ReasonSeparator,
    ReasonWord,
    Ref,
    ReferenceId,
    RefLetter,
    RefLine,
    RefWord,
    RoutingIndicator,
    Section,
    Signature,
    Subject,
    TagEntry,
    TagsContinuation,
    TagsLine,
    TextLine,
    Topic,
    Vzczc,
    ZnLine,
)

__all__ = [
    "STATIONS",
    "Header",
    "Station",
    "cable_texts",
    "cables",
    "prose_lines",
]

Header = Literal["routing", "partial", "none"]
Draw = Any  # hypothesis' draw function of a composite strategy


@frozen
class Station:
    """A sending post as it appears in the id, the publisher block, the banner and FM."""

    code: str  # in the reference id: PARIS
    publisher_name: str  # publisher's Origin: Embassy Paris
    banner_name: str  # banner and page markers: PARIS, ABU DHABI
    plad: str  # FM line: AMEMBASSY PARIS
    routing: str  # routing indicator of the DE line: RUEHFR


STATIONS: tuple[Station, ...] = (
    Station("PARIS", "Embassy Paris", "PARIS", "AMEMBASSY PARIS", "RUEHFR"),
    Station("BERN", "Embassy Bern", "BERN", "AMEMBASSY BERN", "RUEHSW"),
    Station("ABUDHABI", "Embassy Abu Dhabi", "ABU DHABI", "AMEMBASSY ABU DHABI", "RUEHAD"),
    Station("TOKYO", "Embassy Tokyo", "TOKYO", "AMEMBASSY TOKYO", "RUEHKO"),
    Station("OTTAWA", "Embassy Ottawa", "OTTAWA", "AMEMBASSY OTTAWA", "RUEHOT"),
    Station("FRANKFURT", "Consulate Frankfurt", "FRANKFURT", "AMCONSUL FRANKFURT", "RUEHFT"),
    Station("USUNNEWYORK", "USUN New York", "USUN NEW YORK", "USMISSION USUN NEW YORK", "RUCNDT"),
    Station("STATE", "Secretary of State", "STATE", "SECSTATE WASHDC", "RUEHC"),
)

_WASHINGTON = Address("SECSTATE WASHDC", indicator="RUEHC", plad_lead="")
_COLLECTIVES = (
    Address("EUROPEAN POLITICAL COLLECTIVE", indicator="RUEHZL", plad_lead=""),
    Address("NATO EU COLLECTIVE", indicator="RUCNMEM", plad_lead=""),
    Address("SECDEF WASHINGTON DC", indicator="RUEKJCS", plad_lead=""),
    Address("NSC WASHDC", indicator="RHEHNSC", plad_lead=""),
)

# Words that can never start a recognised line, a marker or a signature.
_LOWER_WORDS = (
    "the",
    "embassy",
    "minister",
    "said",
    "officials",
    "would",
    "meet",
    "on",
    "talks",
    "with",
    "and",
    "of",
    "in",
    "post",
    "noted",
    "that",
    "a",
    "new",
    "plan",
    "budget",
    "was",
    "agreed",
    "by",
    "partners",
    "visit",
    "government",
    "press",
    "trade",
    "energy",
    "reform",
    "its",
    "will",
    "review",
    "week",
    "local",
    "council",
    "party",
    "leaders",
    "had",
    "not",
    "yet",
    "to",
    "an",
    "issue",
    "further",
    "draft",
    "report",
    "regime",
    "session",
)
_CAPITAL_WORDS = (
    "Paris",
    "Embassy",
    "Minister",
    "French",
    "MTCR",
    "POC",
    "Korean",
    "Bertolotti",
    "Ambassador",
    "Chairman",
    "Madrid",
    "Motoc",
    "UNSC",
)
_NUMBERS = ("26", "2005", "1540", "86", "12")
_SUBJECT_WORDS = (
    "MISSILE",
    "TECHNOLOGY",
    "CONTROL",
    "REGIME",
    "(MTCR):",
    "MAY",
    "26,",
    "2005",
    "POC",
    "MEETING",
    "(C)",
    "ICELAND:",
    "CULTURAL",
    "PROGRAMS",
    "ENERGY",
    "TALKS",
    "TRADE",
    "MINISTER",
    "VISIT",
    "BUDGET",
    "REFORM",
    "ELECTIONS",
    "AND",
    "THE",
    "ON",
)
_NAME_WORDS = (
    "EST",
    "COUNSELOR",
    "ROBERT",
    "W.",
    "DRY",
    "POLITICAL",
    "OFFICER",
    "JOHN",
    "SMITH",
    "AMBASSADOR",
    "DCM",
    "ECONOFF",
    "Charge",
    "d'Affaires",
    "Mary",
    "Jones,",
)
_SIGNATURES: tuple[tuple[str, tuple[Cosigner, ...]], ...] = (
    ("WOLFF", ()),
    ("STAPLETON", ()),
    ("van Voorst", ()),
    ("BURNS", (Cosigner("BRYS"),)),  # joint signers: BURNS/BRYS
    ("KEEGAN", (Cosigner("PAAL", " "),)),
    ("O'NEILL", ()),
    ("McCARTHY", ()),
    ("de Ville", ()),
)
# lines that may follow the signature
_TRAILERS = ("NNNN", "CONFIDENTIAL", '"')

# Tags of every kind: geographic, subject, program, organisation, person.
_GEO_TAGS = ("FR", "IC", "JA", "KS", "SZ", "AE")
_SUBJECT_TAGS = ("PREL", "PGOV", "PARM", "MNUC", "ETTC", "ECON", "EFIN", "TSPA")
_PROGRAM_TAGS = ("KNNP", "KSCA", "KPAO", "KTFN")
_ORGANIZATION_TAGS = ("UNSC", "NATO", "IAEA", "EUN")
_PERSON_TAGS = ("OVIP (RICE, CONDOLEEZZA)", "OVIP (STEINBERG, JAMES B.)")

_ALL_TAGS = _GEO_TAGS + _SUBJECT_TAGS + _PROGRAM_TAGS + _ORGANIZATION_TAGS + _PERSON_TAGS
_SUBJECT_LINES = st.lists(
    st.lists(st.sampled_from(_SUBJECT_WORDS), min_size=1, max_size=7).map(" ".join),
    min_size=1,
    max_size=3,
)

_BANNER_SPELLINGS = {
    Level.UNCLASSIFIED: (None, "UNCLASSIFIED", "U N C L A S"),
    Level.LIMITED_OFFICIAL_USE: (None,),
    Level.CONFIDENTIAL: (None, "CONFIDENTIAL", "C o n f i d e n t i a l"),
    Level.SECRET: (None, "SECRET", "S e c r e t"),
    Level.TOP_SECRET: (None, "TOP SECRET"),
}
_ZN_LETTERS = {
    Level.UNCLASSIFIED: ("ZNR", "UUUUU"),
    Level.CONFIDENTIAL: ("ZNY", "CCCCC"),
    Level.SECRET: ("ZNY", "SSSSS"),
}


_SBU_SINCE = datetime(1995, 10, 1)


@frozen
class _Era:
    """An Executive Order period: its order, reason section and letters."""

    first: date
    last: date
    order: int
    reason_section: str | None
    reason_letters: str
    exemptions: tuple[str, ...]


_ERAS = (
    _Era(date(1990, 1, 1), date(1995, 9, 30), 12356, None, "", ()),
    _Era(
        date(1996, 1, 1),
        date(2003, 3, 1),
        12958,
        "1.5",
        "abcdefg",
        tuple(f"X{n}" for n in range(1, 9)),
    ),
    _Era(
        date(2003, 4, 1),
        date(2009, 12, 31),
        12958,
        "1.4",
        "abcdefgh",
        tuple(f"25X{n}" for n in range(1, 10)),
    ),
)


# ---------------------------------------------------------------------------- prose

_T = TypeVar("_T")


@functools.cache
def _choice(options: Sequence[_T]) -> st.SearchStrategy[_T]:
    """One strategy per option list: building strategies while drawing is slow."""
    return st.sampled_from(options)


@functools.cache
def _ints(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _some(
    options: Sequence[_T], low: int, high: int, unique: bool = False
) -> st.SearchStrategy[list[_T]]:
    """Lists of ``low`` to ``high`` of the options."""
    return st.lists(st.sampled_from(options), min_size=low, max_size=high, unique=unique)


@st.composite
def _sentence(draw: Draw) -> str:
    """Two to ten words ending with a full stop: no header line, marker, caption or
    signature can read it, and no digit starts it (a paragraph number would)."""
    words = [draw(_choice(_LOWER_WORDS + _CAPITAL_WORDS))]
    words += draw(_some(_LOWER_WORDS + _CAPITAL_WORDS + _NUMBERS, 1, 9))
    if len(words) > 2 and draw(st.booleans()):
        words[draw(_ints(0, len(words) - 2))] += ","
    return " ".join(words) + "."


_SENTENCE = _sentence()
_PROSE_LINE = _SENTENCE.map(lambda text: TextLine((Prose(text),)))


def prose_lines() -> st.SearchStrategy[TextLine]:
    """A line of prose that the grammar reads back as one text line."""
    return _PROSE_LINE


_BEGIN_MARKERS = {
    Topic.SUMMARY: ("SUMMARY", "Summary", "BEGIN SUMMARY"),
    Topic.COMMENT: ("COMMENT", "Comment", "BEGIN COMMENT"),
    Topic.TEXT: ("BEGIN TEXT", "Begin Text"),
    Topic.QUOTE: ("BEGIN QUOTE",),
}
_END_MARKERS = {
    Topic.SUMMARY: ("END SUMMARY", "End Summary", "END OF SUMMARY"),
    Topic.COMMENT: ("END COMMENT", "End Comment", "end comment"),
    Topic.TEXT: ("END TEXT", "END OF TEXT"),
    Topic.QUOTE: ("END QUOTE",),
}


# ---------------------------------------------------------------- small pieces


def _blanks(draw: Draw) -> BlankLine:
    return BlankLine(draw(_choice(("", "", "", " ", "  "))))


def _caption_line(draw: Draw, captions: Sequence[Caption]) -> CaptionLine:
    entries = []
    for index, caption in enumerate(captions):
        lead = "" if index == 0 else draw(_choice((" ", "  ")))
        spaced = caption is Caption.EFTO and draw(st.booleans())
        entries.append(CaptionEntry(caption, lead, spaced))
    return CaptionLine(tuple(entries), draw(_choice(("", "", " "))))


def _text_tail(draw: Draw, max_lines: int) -> tuple[LooseLine, ...]:
    """A tail for a header block: empty, or a blank line first (a prose line right
    after a SUBJECT, REF or Classified By line would continue it)."""
    if not draw(st.booleans()):
        return ()
    lines: list[LooseLine] = [_blanks(draw)]
    for _ in range(draw(_ints(0, max_lines))):
        lines.append(draw(_PROSE_LINE))
        lines.append(_blanks(draw))
    return tuple(lines)


def _digits_for(draw: Draw, value: int) -> int:
    return draw(_choice((1, 2))) if value < 10 else 2


# --------------------------------------------------------------------- the cable


@frozen
class _Facts:
    """What every part of one cable must agree on."""

    station: Station
    created: datetime
    serial: int
    level: Level
    noforn: bool
    fouo: bool
    era: _Era
    sections: int
    tags: tuple[str, ...]
    subject: str


def _publisher(draw: Draw, facts: _Facts) -> Publisher:
    created_seconds = facts.created.second != 0 or draw(st.booleans())
    released: datetime | None = None
    released_seconds = True
    if draw(st.booleans()):
        released = draw(st.datetimes(datetime(2010, 11, 28), datetime(2011, 9, 1)))
        released_seconds = draw(st.booleans())
        released = released.replace(
            microsecond=0, second=released.second if released_seconds else 0
        )
    caveats: tuple[str, ...] = ()
    if facts.noforn:
        caveats = ("NOFORN",)
    elif facts.fouo:
        caveats = ("FOR OFFICIAL USE ONLY",)
    return Publisher(
        reference_id=ReferenceId(facts.created.year, facts.station.code, facts.serial),
        created=facts.created,
        classification=Classification(facts.level, caveats),
        origin=facts.station.publisher_name,
        title=" ".join(facts.subject.split("\n")[0].split()),
        tags=tuple(PublisherTag(tag) for tag in facts.tags),
        released=released,
        id_label=draw(_choice(("Identifier", "Reference ID", "Canonical ID"))),
        created_label=draw(_choice(("Created", "Date"))),
        origin_label=draw(_choice(("Origin", "From"))),
        created_seconds=created_seconds,
        released_seconds=released_seconds,
        title_gap=draw(_choice(("\xa0\xa0", "\xa0"))),
        tags_gap=draw(_choice(("\xa0\xa0", "\xa0"))),
        navigation=draw(st.booleans()),
    )


def _routing_header(draw: Draw, facts: _Facts) -> list[Block]:
    blocks: list[Block] = []
    prosign = draw(_choice("OPRZ"))
    if draw(st.booleans()):
        number = draw(st.none() | _ints(1000, 9999).map(str))
        blocks.append(Vzczc(draw(_choice(("XRO", "XYZ", "ZRQ"))), number))
    indicators = draw(
        _some(("RUEHAO", "RUEHCD", "RUEHBS", "RUEHLO", "RUEHROV", "RUEKJCS"), 1, 5, unique=True)
    )
    continuation: tuple[IndicatorLine, ...] = ()
    if draw(st.booleans()):
        continuation = (IndicatorLine("RUEHVK", (RoutingIndicator("RUEHYG"),)),)
    blocks.append(
        Precedence(
            prosign * 2,
            tuple(RoutingIndicator(code) for code in indicators),
            continuation=continuation,
        )
    )
    sent = facts.created
    multi = facts.sections > 1
    blocks.append(
        DeLine(
            RoutingIndicator(facts.station.routing),
            serial=facts.serial % 10000,
            section=1 if multi else None,
            day_time=f"{sent.timetuple().tm_yday:03d}{sent.hour:02d}{sent.minute:02d}",
        )
    )
    if facts.level in _ZN_LETTERS:
        kind, letters = _ZN_LETTERS[facts.level]
        signals = draw(_choice(((), ("ZZH",), ("ZZH", "ZFR"))))
        blocks.append(ZnLine(kind, letters, signals, signal_leads=(" ",) * len(signals)))
    blocks.append(DtgLine(prosign, sent.day, sent.hour, sent.minute, sent.month, sent.year))
    blocks.append(AddressBlock(AddressKind.FM, Address(facts.station.plad, plad_lead=" ")))
    sequence = draw(st.none() | _ints(0, 9999))
    precedence = draw(_choice((None, "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT IMMEDIATE")))
    to_address = _WASHINGTON
    if facts.station.code == "STATE":
        to_address = Address("AMEMBASSY PARIS", indicator="RUEHFR", plad_lead="")
    to_address = evolve(to_address, precedence=precedence, sequence=sequence)
    extra = draw(_some(_COLLECTIVES, 0, 2, unique=True))
    blocks.append(
        AddressBlock(
            AddressKind.TO,
            to_address,
            tuple(AddressLine(evolve(a, indicator_lead="")) for a in extra),
        )
    )
    if draw(st.booleans()):
        blocks.append(AddressBlock(AddressKind.INFO, _COLLECTIVES[0]))
    if draw(_ints(0, 4)) == 0:
        blocks.append(AddressBlock(AddressKind.XMT, Address("AMCONSUL MARSEILLE", plad_lead=" ")))
    return blocks


def _banner_captions(draw: Draw, facts: _Facts) -> list[list[Caption]]:
    restrictive = draw(
        _choice((None, None, None, Caption.NODIS, Caption.EXDIS, Caption.LIMDIS, Caption.STADIS))
    )
    captions: list[Caption] = []
    if facts.noforn:
        captions.append(Caption.NOFORN)
    if facts.fouo:
        captions.append(Caption.SENSITIVE)
    if restrictive is not None:
        captions.append(restrictive)
    if restrictive not in (Caption.NODIS, Caption.EXDIS) and draw(st.booleans()):
        captions.append(Caption.SIPDIS)
    if not facts.level.is_classified and draw(_ints(0, 5)) == 0:
        captions.append(Caption.EFTO)
    if not captions:
        return []
    if len(captions) > 1 and draw(st.booleans()):
        return [captions]  # "NOFORN SIPDIS" on one line
    return [[caption] for caption in captions]


def _banner(draw: Draw, facts: _Facts) -> Banner:
    section = None
    if facts.sections > 1 or draw(_ints(0, 4)) == 0:
        section = Section(1, facts.sections)
    with_origin = section is not None or draw(st.booleans())
    efto = None
    if not facts.level.is_classified and with_origin and draw(_ints(0, 3)) == 0:
        efto = draw(_choice((" EFTO", " E F T O")))
    tail: list[LooseLine] = [BlankLine()]
    for line in _banner_captions(draw, facts):
        tail.append(_caption_line(draw, line))
        tail.append(BlankLine())
    return Banner(
        facts.level,
        spelling=draw(_choice(_BANNER_SPELLINGS[facts.level])),
        efto=efto,
        section=section,
        origin=facts.station.banner_name if with_origin else None,
        serial=facts.serial if with_origin else None,
        rest=draw(_choice(("", " "))),
        tail=tuple(tail),
    )


def _eo_line(draw: Draw, facts: _Facts) -> EoLine:
    era = facts.era
    label = draw(_choice(("E.O.", "E.O.", "EO", "E. O.")))
    if not facts.level.is_classified:
        return EoLine(
            era.order, NotApplicable(draw(_choice(("N/A", "NA")))), label=label, decl_label=None
        )
    instruction: Instruction
    if era.reason_section is None:
        instruction = Oadr()
    elif draw(_ints(0, 3)) == 0:
        codes = draw(_some(era.exemptions, 1, 3, unique=True))
        leads = [" "] + [draw(_choice((" ", ", "))) for _ in codes[1:]]
        instruction = Exemptions(
            tuple(Exemption(code, lead) for code, lead in zip(codes, leads, strict=True))
        )
    else:
        years = draw(_ints(1, 10))
        start = facts.created.date()
        decl = start.replace(year=start.year + years, day=min(start.day, 28))
        order = draw(_choice(("MDY", "MDY", "YMD")))
        separator = draw(_choice(("/", "/", "-", ".")))
        year_digits = 4 if order == "YMD" or decl.year < 2000 else draw(_choice((2, 4)))
        style = DateStyle(
            order,
            separator,
            _digits_for(draw, decl.month),
            _digits_for(draw, decl.day),
            year_digits,
        )
        instruction = DeclassifyOn(decl, style)
    return EoLine(era.order, instruction, label=label)


def _tags_line(draw: Draw, facts: _Facts) -> TagsLine:
    label = draw(_choice(("TAGS:", "TAGS:", "TAGS", "Tags:")))
    separator = draw(_choice((" ", ", ")))
    tags = facts.tags
    split = len(tags)
    simple = all("(" not in tag for tag in tags)
    if simple and len(tags) > 2 and draw(st.booleans()):
        split = draw(_ints(1, len(tags) - 1))
    entries = tuple(
        TagEntry(tag, " " if index == 0 else separator) for index, tag in enumerate(tags[:split])
    )
    continuation: tuple[TagsContinuation, ...] = ()
    if split < len(tags):
        continuation = (
            TagsContinuation(tags[split], tuple(TagEntry(tag) for tag in tags[split + 1 :])),
        )
    return TagsLine(entries, label, continuation=continuation, tail=_text_tail(draw, 1))


def _subject(draw: Draw, facts: _Facts) -> Subject:
    first, *more = facts.subject.split("\n")
    return Subject(
        first,
        label=draw(_choice(("SUBJECT:", "SUBJECT:", "Subject:", "SUBJ:"))),
        lead=draw(_choice((" ", "  "))),
        continuation=tuple(more),
        tail=(BlankLine(), *_text_tail(draw, 1)[1:]),
    )


def _ref(draw: Draw, facts: _Facts) -> Ref:
    count = draw(_ints(1, 4))
    lettered = count > 1 or draw(st.booleans())
    before, after = draw(_choice((("", "."), ("(", ")"), ("", ")"), ("", ":"))))
    items: list[tuple[RefLetter | None, CableRef]] = []
    for index in range(count):
        letter = None
        if lettered:
            letter = RefLetter("ABCDEFG"[index], before, after, pilcrow=draw(_ints(0, 5)) == 0)
        items.append((letter, _cable_ref(draw, facts)))
    on_first_line = draw(_ints(1, count)) if lettered else count
    pieces: list[RefLetter | CableRef | RefWord] = []
    for letter, cable_ref in items[:on_first_line]:
        pieces.extend(piece for piece in (letter, cable_ref) if piece is not None)
    if on_first_line == count and draw(_ints(0, 3)) == 0:
        pieces.append(RefWord(" (NOTAL)"))
    continuation = tuple(
        RefLine((evolve(letter, lead=draw(_choice(("", "     ")))), cable_ref))
        for letter, cable_ref in items[on_first_line:]
        if letter is not None
    )
    label = draw(_choice(("REF:", "REF:", "REFS:", "REFTEL:", "Ref:", "REF")))
    return Ref(tuple(pieces), label, continuation, tail=(BlankLine(), *_text_tail(draw, 1)[1:]))


def _cable_ref(draw: Draw, facts: _Facts) -> CableRef:
    station = draw(_choice(STATIONS))
    origin = "STATE" if station.code == "STATE" else station.banner_name
    serial = draw(_ints(1, 999999))
    if origin == facts.station.banner_name:
        # An earlier cable of the same post: a lower serial (a later one is a finding).
        if facts.serial == 1:
            origin = "STATE" if facts.station.code != "STATE" else "PARIS"
        else:
            serial = draw(_ints(1, facts.serial - 1))
    style = draw(_choice(("none", "none", "two", "four", "apostrophe")))
    if style == "none":
        return CableRef(origin, serial)
    year = draw(_ints(max(1990, facts.created.year - 5), facts.created.year))
    return CableRef(
        origin,
        serial,
        year=year,
        year_digits=4 if style == "four" else 2,
        year_apostrophe=style == "apostrophe",
    )


def _reason(draw: Draw, era: _Era) -> Reason:
    assert era.reason_section is not None
    letters = sorted(draw(_some(era.reason_letters, 1, 3, unique=True)))
    upper = draw(st.booleans())
    style = draw(_choice(("paren_and", "comma", "tight")))
    items: list[ReasonLetter | ReasonSeparator] = []
    for index, letter in enumerate(letters):
        text = letter.upper() if upper else letter
        if style == "comma":
            items += [ReasonSeparator(","), ReasonLetter(text)]
        elif style == "tight":
            items.append(ReasonLetter(text, " " if index == 0 else "", True, True))
        else:
            if index:
                items.append(ReasonSeparator(" and" if index == len(letters) - 1 else ","))
            items.append(ReasonLetter(text, " ", True, True))
    if draw(st.booleans()):
        items.append(ReasonSeparator("."))
    return Reason(era.reason_section, tuple(items))


def _classified_by(draw: Draw, facts: _Facts) -> ClassifiedBy:
    names = draw(_some(_NAME_WORDS, 1, 6))
    # Words in a row read back as one ClassifiedWord; a comma stands apart.
    found: list[ClassifiedPiece] = []
    words = ""
    for name in names:
        words += " " + name.rstrip(",")
        if name.endswith(","):
            found += [ClassifiedWord(words), ClassifiedSeparator(",")]
            words = ""
    if words:
        found.append(ClassifiedWord(words))
    pieces: tuple[ClassifiedPiece, ...] = tuple(found)
    continuation: tuple[ClassifiedLine, ...] = ()
    if facts.era.reason_section is not None:
        reason = _reason(draw, facts.era)
        if draw(st.booleans()):
            pieces = (*pieces, ReasonWord(" for reasons"), reason)
        else:
            continuation = (ClassifiedLine((ReasonWord("reasons"), reason)),)
    label = draw(_choice(("Classified By:", "Classified by:", "CLASSIFIED BY:")))
    return ClassifiedBy(pieces, label, continuation, tail=(BlankLine(), *_text_tail(draw, 1)[1:]))


def _portion(draw: Draw, facts: _Facts) -> Portion | None:
    # An unclassified cable's paragraphs are (U); SBU and LOU only under a banner of
    # rank 1 or more, and LOU only before SBU replaced it.
    allowed: tuple[PortionLevel, ...] = (PortionLevel.U,)
    if facts.level is not Level.UNCLASSIFIED:
        allowed = tuple(
            level
            for level in PortionLevel
            if level.rank <= facts.level.rank
            and (level is not PortionLevel.LOU or facts.created < _SBU_SINCE)
        )
    if not facts.level.is_classified and draw(st.booleans()):
        return None
    level = draw(_choice(allowed))
    caveats: tuple[PortionCaveat, ...] = ()
    if facts.noforn and level.rank >= 2 and draw(st.booleans()):
        caveats = (draw(_choice((PortionCaveat.NF, PortionCaveat.NOFORN, PortionCaveat.N))),)
    elif facts.fouo and draw(st.booleans()):
        caveats = (PortionCaveat.FOUO,)
    separators = tuple(draw(_choice(("/", "//"))) for _ in caveats)
    return Portion(level, caveats, separators, lead=draw(_choice((" ", " ", "", "  "))))


def _paragraph(
    draw: Draw, facts: _Facts, number: int, topic: Topic | None, pages: Sequence[int]
) -> Paragraph:
    marking = _portion(draw, facts)
    lead = " " if marking is not None or draw(st.booleans()) else "  "
    parts: tuple[Prose | Marker, ...] = (Prose(lead + draw(_SENTENCE)),)
    if topic is not None:
        begin = draw(_choice(_BEGIN_MARKERS[topic]))
        after = ":" if " " not in begin else draw(_choice((":", "", ".")))
        parts = (
            Prose(" "),
            Marker(begin, Boundary.BEGIN, topic),
            Prose(after + " " + draw(_SENTENCE)),
        )
    tail: list[LooseLine] = [draw(_PROSE_LINE) for _ in range(draw(_ints(0, 3)))]
    if draw(_ints(0, 4)) == 0:
        tail += [BlankLine(), _caption_line(draw, [Caption.SIPDIS])]
        tail.append(draw(_PROSE_LINE))
    if topic is not None:
        end = Marker(draw(_choice(_END_MARKERS[topic])), Boundary.END, topic)
        if draw(st.booleans()):
            tail.append(TextLine((Prose(draw(_SENTENCE) + " "), end, Prose("."))))
        else:
            tail.append(TextLine((end, Prose("."))))
    tail += [BlankLine() for _ in range(draw(_ints(0, 2)))]
    for page in pages:
        tail += [_page_marker(facts, page), BlankLine()]
    return Paragraph(
        number,
        marking,
        parts,
        number_digits=_digits_for(draw, number),
        prefix=draw(_choice(("", "", "", "¶", "  "))),
        dot_gap=draw(_choice(("", "", " "))),
        tail=tuple(tail),
    )


def _page_marker(facts: _Facts, page: int) -> PageMarker:
    return PageMarker(facts.station.banner_name, facts.serial, page, facts.sections)


@st.composite
def _facts(draw: Draw, levels: Sequence[Level], max_sections: int) -> _Facts:
    level = draw(_choice(tuple(levels)))
    # LIMITED OFFICIAL USE gave way to SBU on 1 October 1995.
    era = _ERAS[0] if level is Level.LIMITED_OFFICIAL_USE else draw(_choice(_ERAS))
    day = draw(st.dates(era.first, era.last))
    created = datetime.combine(day, datetime.min.time()) + timedelta(seconds=draw(_ints(0, 86399)))
    tags = draw(_some(_ALL_TAGS, 1, 7, unique=True))
    subject_lines = draw(_SUBJECT_LINES)
    return _Facts(
        station=draw(_choice(STATIONS)),
        created=created,
        serial=draw(_ints(1, 99999)),
        level=level,
        noforn=level.is_classified and draw(st.booleans()),
        fouo=level is Level.UNCLASSIFIED and draw(_ints(0, 3)) == 0,
        era=era,
        sections=draw(_ints(1, max_sections)),
        tags=tuple(tags),
        subject="\n".join(subject_lines),
    )


def _ending(draw: Draw, blocks: list[Block]) -> None:
    """Append a signature, or make sure that no signature can be read into the end:
    the last non-blank line of a text is a signature when it looks like a name."""
    if draw(_ints(0, 2)):
        tail: tuple[LooseLine, ...] = tuple(
            BlankLine(draw(_choice(("", " ")))) for _ in range(draw(_ints(0, 2)))
        )
        if draw(_ints(0, 3)) == 0:
            tail = (*tail, TextLine((Prose(draw(_choice(_TRAILERS))),)))
        name, others = draw(_choice(_SIGNATURES))
        trailing = draw(_choice(("", "", " ")))
        blocks.append(Signature(name, trailing, tail, others))
        return
    last = blocks[-1]
    assert not isinstance(last, Signature)
    written = [line for line in last.tail if not isinstance(line, BlankLine)]
    if written and isinstance(written[-1], (TextLine, PageMarker)):
        return
    if not written and isinstance(last, Paragraph):
        return
    blocks[-1] = evolve(last, tail=(*last.tail, BlankLine(), draw(_PROSE_LINE)))


def _last_line(cable: Cable) -> LooseLine | None:
    last = cable.blocks[-1] if cable.blocks else None
    if last is not None and last.tail:
        return last.tail[-1]
    return None


@st.composite
def _cable(
    draw: Draw,
    levels: Sequence[Level],
    header: Header | None,
    max_paragraphs: int,
    max_sections: int,
) -> Cable:
    facts = draw(_facts(levels, max_sections))
    kind = header if header is not None else draw(_choice(("routing", "partial", "none")))
    blocks: list[Block] = []
    if kind == "routing":
        blocks += _routing_header(draw, facts)
    elif kind == "partial":
        blocks.append(PartialNotice())
    blocks.append(_banner(draw, facts))
    if draw(_ints(0, 3)) == 0:
        blocks.append(
            Passing(
                draw(_choice(("FOR NP/CBM", "DEPT FOR EUR/WE", "STATE PASS TO USTR"))),
                tail=(BlankLine(),),
            )
        )
    blocks.append(_eo_line(draw, facts))
    blocks.append(_tags_line(draw, facts))
    blocks.append(_subject(draw, facts))
    if draw(st.booleans()):
        blocks.append(_ref(draw, facts))
    if facts.level.is_classified:
        blocks.append(_classified_by(draw, facts))
    count = draw(_ints(1 if facts.sections > 1 else 0, max_paragraphs))
    # Page markers count up through the cable: page 2 in the first chosen paragraph …
    places = sorted(
        draw(
            st.lists(
                _ints(0, max(count - 1, 0)),
                min_size=facts.sections - 1,
                max_size=facts.sections - 1,
            )
        )
    )
    pages: list[list[int]] = [[] for _ in range(count)]
    for page, place in enumerate(places, start=2):
        pages[place].append(page)
    topics: dict[int, Topic] = {}
    if count and draw(st.booleans()):
        topics[0] = Topic.SUMMARY
    if count > 1 and draw(st.booleans()):
        topics[count - 1] = draw(_choice((Topic.COMMENT, Topic.TEXT, Topic.QUOTE)))
    for index in range(count):
        blocks.append(_paragraph(draw, facts, index + 1, topics.get(index), pages[index]))
    _ending(draw, blocks)
    publisher = _publisher(draw, facts)
    lead: tuple[LooseLine, ...] = (BlankLine(),) if draw(_ints(0, 5)) == 0 else ()
    cable = Cable(
        publisher,
        tuple(blocks),
        lead,
        final_newline=draw(st.booleans()),
        newline=draw(_choice(("\n", "\n", "\n", "\r\n", "\r"))),
        bom=draw(_ints(0, 5)) == 0,
    )
    if not cable.final_newline and isinstance(_last_line(cable), BlankLine):
        # Without a final line ending an empty last line could not be told apart; a
        # last line of blanks reads back as text (a reported parser issue).
        cable = evolve(cable, final_newline=True)
    return cable


def cables(
    *,
    levels: Sequence[Level] = tuple(Level),
    header: Header | None = None,
    max_paragraphs: int = 6,
    max_sections: int = 3,
) -> st.SearchStrategy[Cable]:
    """Consistent cables that read back unchanged (``parse(render(c)) == c``).

    ``levels`` limits the classification levels drawn; ``header`` fixes the kind of
    transmission header ("routing", "partial" for the publisher's partial-extract
    notice, "none"); a cable of more than one section carries page markers whose total
    is its section count.
    """
    if not levels:
        raise ValueError("levels must name at least one level")
    if max_sections < 1 or max_paragraphs < 0:
        raise ValueError("max_sections must be at least 1 and max_paragraphs at least 0")
    if max_sections > 1 and max_paragraphs < 1:
        raise ValueError("a cable of several sections needs paragraphs for its page markers")
    return _cable(tuple(levels), header, max_paragraphs, max_sections)


def cable_texts(
    *,
    levels: Sequence[Level] = tuple(Level),
    header: Header | None = None,
    max_paragraphs: int = 6,
    max_sections: int = 3,
) -> st.SearchStrategy[str]:
    """The text of drawn cables, as ``render`` writes it: ready to feed a parser."""
    return cables(
        levels=levels, header=header, max_paragraphs=max_paragraphs, max_sections=max_sections
    ).map(render)
