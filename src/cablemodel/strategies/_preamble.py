"""The preamble of a drawn cable: banner, E.O. line, TAGS, SUBJECT, REF, Classified By."""

from __future__ import annotations

from attrs import evolve
from hypothesis import strategies as st

from ..model import (
    Banner,
    BlankLine,
    CableRef,
    Caption,
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
    LooseLine,
    NotApplicable,
    Oadr,
    Reason,
    ReasonLetter,
    ReasonSeparator,
    ReasonWord,
    Ref,
    RefLetter,
    RefLine,
    RefWord,
    Section,
    Subject,
    TagEntry,
    TagsContinuation,
    TagsLine,
)
from ._common import (
    _BANNER_SPELLINGS,
    _NAME_WORDS,
    STATIONS,
    Draw,
    _caption_line,
    _choice,
    _digits_for,
    _Era,
    _Facts,
    _ints,
    _some,
    _text_tail,
)


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
