"""The body of a drawn cable: paragraphs with their markings and markers, page markers,
the ending."""

from __future__ import annotations

from collections.abc import Sequence

from attrs import evolve
from hypothesis import strategies as st

from ..model import (
    BlankLine,
    Block,
    Boundary,
    Cable,
    Caption,
    Level,
    LooseLine,
    Marker,
    PageMarker,
    Paragraph,
    Portion,
    PortionCaveat,
    PortionLevel,
    Prose,
    Signature,
    TextLine,
    Topic,
)
from ._common import (
    _BEGIN_MARKERS,
    _END_MARKERS,
    _PROSE_LINE,
    _SBU_SINCE,
    _SENTENCE,
    _SIGNATURES,
    _TRAILERS,
    Draw,
    _caption_line,
    _choice,
    _digits_for,
    _Facts,
    _ints,
)


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
