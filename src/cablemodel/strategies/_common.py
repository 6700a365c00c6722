"""What every area of a drawn cable shares: the stations, the word lists, the
E.O. eras, prose, small pieces, and the facts one cable agrees on."""

from __future__ import annotations

import functools
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Literal, TypeVar

from attrs import frozen

# the first module of the package to load: it says what is missing
try:
    from hypothesis import strategies as st
except ImportError as missing:
    raise ImportError(
        "cablemodel.strategies needs Hypothesis, which is not installed: "
        "pip install 'cablemodel[testing]'"
    ) from missing

from ..model import (
    Address,
    BlankLine,
    Caption,
    CaptionEntry,
    CaptionLine,
    Cosigner,
    Level,
    LooseLine,
    Prose,
    TextLine,
    Topic,
)

__all__ = ["STATIONS", "Header", "Station", "prose_lines"]

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
