"""Callbacks for the preamble: banner, passing lines, E.O., TAGS, SUBJECT, REF, Classified By."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple, TypeVar

from ..model import (
    Banner,
    CableRef,
    ClassifiedBy,
    ClassifiedLine,
    ClassifiedPiece,
    ClassifiedWord,
    DateStyle,
    DeclassifyOn,
    EoLine,
    Exemption,
    Exemptions,
    Level,
    NotApplicable,
    Oadr,
    Passing,
    Reason,
    ReasonLetter,
    ReasonSeparator,
    Ref,
    RefLetter,
    RefLine,
    RefPiece,
    RefWord,
    Section,
    Span,
    Subject,
    TagEntry,
    TagsContinuation,
    TagsLine,
)
from ..model._base import full_year
from .lines import loose_lines
from .tokens import TOKEN_TYPES, Child, first_nl, line_span, split_lead, tokens_of


class _BannerOrigin(NamedTuple):
    """The origin and serial at the end of a banner, with their blanks."""

    origin: str
    serial: int
    serial_digits: int
    origin_lead: str
    serial_lead: str


class PreambleCallbacks:
    """Callbacks for the preamble (grammar section 'preamble')."""

    def banner(self, children: list[Child]) -> Banner:
        """banner: BANNER_LEVEL BANNER_EFTO? section? banner_origin? REST? NL _tail"""
        by_type = {t.type: str(t) for t in tokens_of(children)}
        spelled = str(children[0])  # BANNER_LEVEL or SECTION_BANNER_LEVEL
        level = _level_of(spelled)
        canonical = Banner(level).level_text
        section = next((c for c in children if isinstance(c, Section)), None)
        origin = next((c for c in children if isinstance(c, _BannerOrigin)), None)
        return Banner(
            level=level,
            spelling=None if spelled == canonical else spelled,
            efto=by_type.get("BANNER_EFTO"),
            section=section,
            origin=None if origin is None else origin.origin,
            serial=None if origin is None else origin.serial,
            serial_digits=6 if origin is None else origin.serial_digits,
            origin_lead=" " if origin is None else origin.origin_lead,
            serial_lead=" " if origin is None else origin.serial_lead,
            rest=by_type.get("REST", ""),
            tail=loose_lines(children),
            span=line_span(children[0], first_nl(children)),
        )

    def section_banner(self, children: list[Child]) -> Banner:
        """section_banner: SECTION_BANNER_LEVEL BANNER_EFTO? section banner_origin? REST? NL
        _paragraph_tail"""
        return self.banner(children)

    def banner_origin(self, children: list[Child]) -> _BannerOrigin:
        """banner_origin: BANNER_ORIGIN BANNER_SERIAL"""
        origin_lead, origin = split_lead(str(children[0]))
        serial_lead, serial = split_lead(str(children[1]))
        return _BannerOrigin(origin, int(serial), len(serial), origin_lead, serial_lead)

    def section(self, children: list[Child]) -> Section:
        """section: SECTION_WORD SECTION_NUMBER OF_WORD SECTION_NUMBER"""
        parts = [split_lead(str(t)) for t in children]
        number, total = parts[1][1], parts[3][1]
        return Section(
            number=int(number),
            total=int(total),
            digits=len(number),
            total_digits=len(total),
            word=parts[0][1],
            of_word=parts[2][1],
            leads=(parts[0][0], parts[1][0], parts[2][0], parts[3][0]),
        )

    def passing(self, children: list[Child]) -> Passing:
        """passing: PASSING NL _tail"""
        return Passing(
            str(children[0]), tail=loose_lines(children), span=line_span(children[0], children[1])
        )

    def eo(self, children: list[Child]) -> EoLine:
        """eo: EO_LABEL EO_ORDER EO_COLON? DECL_LABEL? declassification? REST? NL _tail"""
        by_type = {t.type: str(t) for t in tokens_of(children)}
        order_lead, order = split_lead(by_type["EO_ORDER"])
        instruction = next(
            (c for c in children if isinstance(c, (DeclassifyOn, NotApplicable, Exemptions, Oadr))),
            None,
        )
        # A DECL date that names no real day stays text, in front of the rest.
        unreadable = next((c for c in children if type(c) is str), "")
        return EoLine(
            order=int(order),
            instruction=instruction,
            label=by_type["EO_LABEL"],
            order_lead=order_lead,
            colon=by_type.get("EO_COLON"),
            decl_label=by_type.get("DECL_LABEL"),
            rest=unreadable + by_type.get("REST", ""),
            tail=loose_lines(children),
            span=line_span(children[0], first_nl(children)),
        )

    def declassify_on_date(self, children: list[Child]) -> DeclassifyOn | str:
        """declassification: date"""
        return children[0]  # type: ignore[no-any-return]

    def date(self, children: list[Child]) -> DeclassifyOn | str:
        """date: DATE_FIRST DATE_SEP DATE_NUMBER DATE_SEP DATE_NUMBER"""
        first, sep, second, _, third = (str(t) for t in children)
        lead, first = split_lead(first)
        if len(first) == 4:
            order, year, month, day = "YMD", first, second, third
        else:
            order, year, month, day = "MDY", third, first, second
        year_value = int(year) if len(year) == 4 else full_year(int(year)) if len(year) == 2 else -1
        try:
            value = date(year_value, int(month), int(day))
        except ValueError:  # not a real day: the EO line keeps it as text
            return lead + first + sep + second + sep + third
        style = DateStyle(order, sep, len(month), len(day), len(year))
        return DeclassifyOn(value, style, lead)

    def not_applicable(self, children: list[Child]) -> NotApplicable:
        """declassification: NOT_APPLICABLE"""
        lead, spelling = split_lead(str(children[0]))
        return NotApplicable(spelling, lead)

    def exemptions(self, children: list[Child]) -> Exemptions:
        """declassification: EXEMPTION (EXEMPTION_SEP? EXEMPTION)*"""
        codes: list[Exemption] = []
        pending = ""
        for token in children:
            if token.type == "EXEMPTION_SEP":
                pending = str(token)
                continue
            lead, code = split_lead(str(token))
            codes.append(Exemption(code, pending + lead))
            pending = ""
        return Exemptions(tuple(codes))

    def oadr(self, children: list[Child]) -> Oadr:
        """declassification: OADR"""
        lead, _ = split_lead(str(children[0]))
        return Oadr(lead)

    def tags_line(self, children: list[Child]) -> TagsLine:
        """tags_line: TAGS_TEXT_LABEL _tag_piece* REST? NL tags_continuation* _tail"""
        nl = first_nl(children)
        head = children[: children.index(nl)]
        entries, rest = _tag_entries(head[1:])
        continuation = tuple(c for c in children if isinstance(c, TagsContinuation))
        return TagsLine(
            entries,
            str(children[0]),
            rest,
            continuation,
            tail=loose_lines(children),
            span=line_span(children[0], nl),
        )

    def tags_continuation(self, children: list[Child]) -> TagsContinuation:
        """tags_continuation: TAG_LINE_START _tag_piece* REST? NL"""
        entries, rest = _tag_entries(children[1:-1])
        return TagsContinuation(
            str(children[0]), entries, rest, span=line_span(children[0], children[-1])
        )

    def subject(self, children: list[Child]) -> Subject:
        """subject: SUBJECT_LABEL SUBJECT_TEXT? NL subject_continuation* _tail"""
        tokens = tokens_of(children)
        text = next((str(t) for t in tokens if t.type == "SUBJECT_TEXT"), "")
        lead, text = split_lead(text)
        continuation = tuple(c for c in children if type(c) is str)
        return Subject(
            text,
            str(children[0]),
            lead,
            continuation,
            tail=loose_lines(children),
            span=line_span(children[0], first_nl(children)),
        )

    def subject_continuation(self, children: list[Child]) -> str:
        """subject_continuation: SUBJECT_TEXT NL"""
        return str(children[0])

    def ref(self, children: list[Child]) -> Ref:
        """ref: REF_LABEL _ref_piece* NL ref_continuation* _tail"""
        nl = first_nl(children)
        head = children[1 : children.index(nl)]
        continuation = tuple(c for c in children if isinstance(c, RefLine))
        return Ref(
            _ref_pieces(head),
            str(children[0]),
            continuation,
            tail=loose_lines(children),
            span=line_span(children[0], nl),
        )

    def ref_continuation(self, children: list[Child]) -> RefLine:
        """ref_continuation: REF_CONTINUATION_START? _ref_piece+ NL"""
        indent = ""
        pieces = children[:-1]
        if type(pieces[0]) in TOKEN_TYPES and pieces[0].type == "REF_CONTINUATION_START":
            indent = str(pieces[0])
            pieces = pieces[1:]
        first = children[0]
        line = first.line if type(first) in TOKEN_TYPES else children[-1].line
        column = first.column if type(first) in TOKEN_TYPES else 1
        span = Span(line or 0, column or 0, children[-1].line or 0, children[-1].column or 0)
        return RefLine(_ref_pieces(pieces), indent, span=span)

    def ref_letter(self, children: list[Child]) -> RefLetter:
        """ref_letter: REF_LETTER"""
        lead, text = split_lead(str(children[0]))
        pilcrow = text.startswith("¶")
        if pilcrow:
            text = text[1:]
        if text.startswith("("):
            return RefLetter(text[1], "(", text[2:], lead, pilcrow)
        return RefLetter(text[0], "", text[1:], lead, pilcrow)

    def cable_ref(self, children: list[Child]) -> CableRef:
        """cable_ref: REF_YEAR? REF_ORIGIN REF_SERIAL"""
        year: int | None = None
        year_lead, year_digits, apostrophe = " ", 2, False
        if len(children) == 3:
            year_lead, year_text = split_lead(str(children[0]))
            apostrophe = year_text.startswith("'")
            year_text = year_text.lstrip("'")
            year_digits = len(year_text)
            year = int(year_text) if year_digits == 4 else full_year(int(year_text))
        origin_lead, origin = split_lead(str(children[-2]))
        serial_lead, serial = split_lead(str(children[-1]))
        return CableRef(
            origin=origin,
            serial=int(serial),
            year=year,
            year_digits=year_digits,
            year_apostrophe=apostrophe,
            serial_digits=len(serial) if serial.startswith("0") else 0,
            year_lead=year_lead,
            origin_lead=origin_lead,
            serial_lead=serial_lead,
        )

    def classified_by(self, children: list[Child]) -> ClassifiedBy:
        """classified_by: CLASSIFIED_LABEL _classified_piece* NL classified_continuation* _tail"""
        nl = first_nl(children)
        head = children[1 : children.index(nl)]
        continuation = tuple(c for c in children if isinstance(c, ClassifiedLine))
        return ClassifiedBy(
            _classified_pieces(head),
            str(children[0]),
            continuation,
            tail=loose_lines(children),
            span=line_span(children[0], nl),
        )

    def classified_continuation(self, children: list[Child]) -> ClassifiedLine:
        """classified_continuation: _classified_piece+ NL"""
        nl = children[-1]
        return ClassifiedLine(
            _classified_pieces(children[:-1]),
            span=Span(nl.line or 0, 1, nl.line or 0, nl.column or 0),
        )

    def reason(self, children: list[Child]) -> Reason:
        """reason: REASON_SECTION (REASON_SEP | REASON_LETTER)*"""
        lead, spelled = split_lead(str(children[0]))
        section = spelled.replace(",", ".").replace(" ", "")
        items: list[ReasonLetter | ReasonSeparator] = []
        for token in children[1:]:
            if token.type == "REASON_SEP":
                items.append(ReasonSeparator(str(token)))
                continue
            letter_lead, text = split_lead(str(token))
            opened, closed = text.startswith("("), text.endswith(")")
            items.append(ReasonLetter(text.strip("()"), letter_lead, opened, closed))
        return Reason(section, tuple(items), None if spelled == section else spelled, lead)


def _level_of(spelled: str) -> Level:
    squeezed = "".join(spelled.split()).upper()
    if squeezed.startswith("UNCLAS"):
        return Level.UNCLASSIFIED
    if squeezed == "LIMITEDOFFICIALUSE":
        return Level.LIMITED_OFFICIAL_USE
    if squeezed == "TOPSECRET":
        return Level.TOP_SECRET
    return Level(squeezed)


def _tag_entries(pieces: list[Child]) -> tuple[tuple[TagEntry, ...], str]:
    entries: list[TagEntry] = []
    separator = ""
    rest = ""
    for token in pieces:
        if token.type == "TAG_SEP":
            separator += str(token)
        elif token.type == "TAG":  # the separator in front of the tag comes with it
            value = str(token)
            tag = value.lstrip(" \t,;")
            entries.append(TagEntry(tag, separator + value[: len(value) - len(tag)]))
            separator = ""
        elif token.type == "REST":
            rest = str(token)
    return tuple(entries), separator + rest


def _ref_pieces(pieces: list[Child]) -> tuple[RefPiece, ...]:
    """The pieces of a REF line (see _merge_words)."""
    return _merge_words(pieces, RefWord)


def _classified_pieces(pieces: list[Child]) -> tuple[ClassifiedPiece, ...]:
    """The pieces of a Classified By line (see _merge_words)."""
    return _merge_words(pieces, ClassifiedWord)


_Word = TypeVar("_Word", RefWord, ClassifiedWord)


def _merge_words(pieces: list[Child], word: type[_Word]) -> tuple[Any, ...]:
    """Word tokens in a row become one word piece, so a model has one way to say a text;
    the other pieces (references, letters, reasons) stay as the callbacks made them."""
    out: list[Any] = []
    run: list[str] = []  # word tokens since the last other piece, joined once

    for piece in pieces:
        if type(piece) in TOKEN_TYPES:
            run.append(piece)
            continue
        if run:
            out.append(word("".join(run)))
            run.clear()
        out.append(piece)
    if run:
        out.append(word("".join(run)))
    return tuple(out)
