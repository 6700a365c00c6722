"""Strategies that build realistic, consistent cables (``cablemodel.strategies``).

Every drawn ``Cable`` is *consistent*: the banner level is the publisher's level, the
DECL date follows the creation date, page markers count up to the section total, portion
markings stay at or below the banner, the TAGS line repeats the publisher's tags, and so
on. Every drawn cable also reads back unchanged: ``parse(render(cable)) == cable``. To
keep that promise the prose is drawn from a small word list that can never be mistaken
for a header line, a marker, a caption or a signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from attrs import evolve
from hypothesis import strategies as st

from .._render import render
from ..model import (
    BlankLine,
    Block,
    Cable,
    Level,
    LooseLine,
    PartialNotice,
    Passing,
    Topic,
)
from ._body import _ending, _last_line, _paragraph
from ._common import (
    _ALL_TAGS,
    _ERAS,
    _SUBJECT_LINES,
    STATIONS,
    Draw,
    Header,
    _choice,
    _Facts,
    _ints,
    _some,
)
from ._header import _routing_header
from ._preamble import _banner, _classified_by, _eo_line, _ref, _subject, _tags_line
from ._publisher import _publisher

__all__ = ["cable_texts", "cables"]


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
