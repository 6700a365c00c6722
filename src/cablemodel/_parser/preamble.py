"""Callbacks for the preamble: banner, passing lines, E.O., TAGS, SUBJECT, REF, Classified By."""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple, TypeVar

from attrs import evolve

from ..model import (
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
    Level,
    NotApplicable,
    Oadr,
    PageMarker,
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
    Span,
    Subject,
    TagEntry,
    TagsContinuation,
    TagsLine,
)
from ..model._base import full_year
from .lines import cut_lines, loose_lines, read_page_marker
from .tokens import (
    TOKEN_TYPES,
    Child,
    Joined,
    Token,
    first_nl,
    line_span,
    span_of,
    split_lead,
    tokens_of,
)


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
            order_digits=len(order) if order.startswith("0") else 0,
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
        first, sep, second, sep2, third = (str(t) for t in children)
        lead, first = split_lead(first)
        if len(first) == 4:
            order, year, month, day = "YMD", first, second, third
        else:
            order, year, month, day = "MDY", third, first, second
        year_value = int(year) if len(year) == 4 else full_year(int(year)) if len(year) == 2 else -1
        try:
            value = date(year_value, int(month), int(day))
        except ValueError:  # not a real day: the EO line keeps it as text
            return lead + first + sep + second + sep2 + third
        second_separator = None if sep2 == sep else sep2
        style = DateStyle(order, sep, len(month), len(day), len(year), second_separator)
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

    def subject(self, children: list[Child]) -> Subject | Joined:
        """subject: SUBJECT_LABEL SUBJECT_TEXT* _subject_end"""
        joined = children[-1] if isinstance(children[-1], Joined) else None
        label = children[0]
        head = _texts(children, 1)
        lead, text = split_lead("".join(str(t) for t in head))
        continuation = [c for c in children if type(c) is str]
        nl = next((c for c in children if type(c) in TOKEN_TYPES and c.type == "NL"), None)
        if joined is not None and nl is not None:  # the last continuation line goes on
            last = len(children) - 1
            while _is_text(children[last - 1]):
                last -= 1
            continuation.append("".join(str(t) for t in children[last:-1]))
        end = head[-1] if head else label
        subject = Subject(
            text,
            str(label),
            lead,
            tuple(continuation),
            tail=() if joined is not None else loose_lines(children),
            span=line_span(label, nl) if nl is not None else span_of(label, end),
        )
        return subject if joined is None else Joined((subject, *joined.blocks))

    def subject_continuation(self, children: list[Child]) -> str:
        """subject_continuation: SUBJECT_TEXT+ NL"""
        return "".join(str(t) for t in children[:-1])

    def ref(self, children: list[Child]) -> Ref | Joined:
        """ref: REF_LABEL _ref_piece* _ref_end"""
        return _ref(children, joined=False)

    def joined_ref(self, children: list[Child]) -> Joined:
        """joined_ref: JOINED_REF_LABEL _ref_piece* _ref_end"""
        found = _ref(children, joined=True)
        return found if isinstance(found, Joined) else Joined((found,))

    def ref_continuation(self, children: list[Child]) -> RefLine:
        """ref_continuation: _ref_last NL"""
        return _ref_line(children[:-1], children[-1])

    def ref_letter(self, children: list[Child]) -> RefLetter:
        """ref_letter: REF_LETTER"""
        return _ref_letter(str(children[0]))

    def cable_ref(self, children: list[Child]) -> list[CableRef | RefSerial]:
        """cable_ref: (REF_YEAR? REF_ORIGIN REF_SERIAL | REF_ID) REF_YEAR_AFTER? ref_serial*"""
        by_type = {c.type: str(c) for c in children if type(c) in TOKEN_TYPES}
        fields: dict[str, Any] = {}
        if "REF_ID" in by_type:  # 09CAIRO0561
            lead, whole = split_lead(by_type["REF_ID"])
            at = next(i for i in range(2, len(whole)) if whole[i].isdigit())
            origin, serial = whole[2:at], whole[at:]
            fields.update(_ref_year(whole[:2]), year_lead=lead, origin_lead="", serial_lead="")
        else:
            fields["origin_lead"], origin = split_lead(by_type["REF_ORIGIN"])
            written = by_type["REF_SERIAL"]
            serial = written.lstrip(": \t")
            fields["serial_lead"] = written[: len(written) - len(serial)]
            if "REF_YEAR" in by_type:
                fields["year_lead"], year = split_lead(by_type["REF_YEAR"])
                fields.update(_ref_year(year))
        if "REF_YEAR_AFTER" in by_type:
            written = by_type["REF_YEAR_AFTER"]
            year = written.lstrip(" -")
            fields.update(_ref_year(year), year_lead=written[: len(written) - len(year)])
            fields["year_after"] = True
        cable = CableRef(
            origin=origin,
            serial=int(serial),
            serial_digits=len(serial) if serial.startswith("0") else 0,
            **fields,
        )
        return [cable, *(c for c in children if isinstance(c, RefSerial))]

    def ref_serial(self, children: list[Child]) -> RefSerial:
        """ref_serial: REF_MORE"""
        written = str(children[0])
        serial = written[len(written.rstrip("0123456789")) :]
        before = written[: len(written) - len(serial)]
        separator = before.rstrip(" \t")
        return RefSerial(
            int(serial),
            separator,
            before[len(separator) :],
            len(serial) if serial.startswith("0") else 0,
        )

    def ref_page_marker(self, children: list[Child]) -> PageMarker:
        """ref_page_marker: REF_MARKER_ORIGIN MARKER_SERIAL MARKER_PAGE MARKER_SUBPAGE?
        MARKER_OF MARKER_TOTAL"""
        return read_page_marker(children, "REF_MARKER_ORIGIN")

    def classified_by(self, children: list[Child]) -> ClassifiedBy:
        """classified_by: CLASSIFIED_LABEL _classified_piece* NL classified_continuation* _tail"""
        return _classified_by(children, joined=False)

    def joined_classified_by(self, children: list[Child]) -> Joined:
        """joined_classified_by: JOINED_CLASSIFIED_LABEL _classified_piece* NL
        classified_continuation* _tail"""
        return Joined((_classified_by(children, joined=True),))

    def paragraph_classified_by(self, children: list[Child]) -> Joined:
        """paragraph_classified_by: PARAGRAPH_CLASSIFIED_LABEL _classified_piece* NL
        paragraph_classified_continuation* _paragraph_tail"""
        return Joined((_classified_by(children, joined=True),))

    def classified_continuation(self, children: list[Child]) -> ClassifiedLine:
        """classified_continuation: _classified_piece+ NL"""
        nl = children[-1]
        return ClassifiedLine(
            _classified_pieces(children[:-1]),
            span=Span(nl.line or 0, 1, nl.line or 0, nl.column or 0),
        )

    def paragraph_classified_continuation(self, children: list[Child]) -> ClassifiedLine:
        """paragraph_classified_continuation: _classified_piece+ NL"""
        return self.classified_continuation(children)

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
        elif token.type in ("TAG", "TAG_PHRASE"):  # the separator in front comes with it
            value = str(token)
            tag = value.lstrip(" \t,;")
            entries.append(TagEntry(tag, separator + value[: len(value) - len(tag)]))
            separator = ""
        elif token.type == "REST":
            rest = str(token)
    return tuple(entries), separator + rest


def _ref(children: list[Child], joined: bool) -> Ref | Joined:
    """ref and joined_ref: the label, the head line's pieces, then after the line end the
    continuation lines (blank lines in front of some) and the loose lines; or a block
    joined to its last line."""
    label = children[0]
    after = children[-1] if isinstance(children[-1], Joined) else None
    nl_at = next(
        (i for i, c in enumerate(children) if type(c) in TOKEN_TYPES and c.type == "NL"), None
    )
    head_end = nl_at if nl_at is not None else len(children) - 1
    head = _ref_pieces(children[1:head_end])
    lines: list[RefLine] = []
    tail_at = head_end + 1
    if nl_at is not None:
        while tail_at < len(children) and isinstance(children[tail_at], RefLine):
            lines.append(children[tail_at])
            tail_at += 1
        if after is not None:  # the last line ends where the joined block starts
            lines.append(_ref_line(children[tail_at:-1], None))
    span = (
        line_span(label, children[nl_at])
        if nl_at is not None
        else _text_span(label, str(label) + RefLine(head).text)
    )
    ref = Ref(
        head,
        str(label),
        tuple(lines),
        tail=() if after is not None else loose_lines(children),
        joined=joined,
        span=span,
    )
    return ref if after is None else Joined((ref, *after.blocks))


def _is_text(child: Child) -> bool:
    return type(child) in TOKEN_TYPES and child.type == "SUBJECT_TEXT"


def _texts(children: list[Child], start: int) -> list[Token]:
    """The SUBJECT_TEXT tokens in a row from ``start`` (a long line comes in several)."""
    found = []
    for child in children[start:]:
        if not _is_text(child):
            break
        found.append(child)
    return found


def _text_span(first: Token, text: str) -> Span:
    """The span of a text on one line that starts at ``first``."""
    line, column = first.line or 0, first.column or 0
    return Span(line, column, line, column + len(text))


def _ref_line(children: list[Child], nl: Token | None) -> RefLine:
    """A REF line after the first (_ref_last) up to its line end ``nl``, or up to a block
    joined to it (None): REF_CONTINUATION_START? _ref_piece+, or the blank lines before a
    line that starts with a reference letter (REF_ITEM_START), that line's gap."""
    first = children[0]
    kind = first.type if type(first) in TOKEN_TYPES else None
    if kind == "BLANK_LINES":
        start, pieces = children[1], children[2:]
        line = RefLine(
            (_ref_letter(str(start)), *_ref_pieces(pieces)), gap=cut_lines([first])
        )
        return _spanned(line, start.line or 0, start.column or 0, nl)
    indent, pieces = ("", children)
    if kind == "REF_CONTINUATION_START":
        indent, pieces = str(first), children[1:]
    token = next((c for c in children if type(c) in TOKEN_TYPES), nl)
    number = 0 if token is None else token.line or 0
    return _spanned(RefLine(_ref_pieces(pieces), indent), number, 1, nl)


def _spanned(line: RefLine, number: int, column: int, nl: Token | None) -> RefLine:
    if nl is not None:
        return evolve(line, span=Span(number, column, nl.line or 0, nl.column or 0))
    width = len(line.text)
    return evolve(line, span=Span(number, column, number, column + width))


def _ref_letter(written: str) -> RefLetter:
    """REF_LETTER or the letter of REF_ITEM_START: ``¶B.``, ``(C )``, ``A.)``, ``REF B``."""
    lead, text = split_lead(written)
    pilcrow = text.startswith("¶")
    if pilcrow:
        text = text[1:]
    before = ""
    if text[:3] in ("REF", "Ref"):
        rest = text[3:].lstrip(" ")
        before, text = text[: len(text) - len(rest)], rest
    if text.startswith("("):
        return RefLetter(text[1], before + "(", text[2:], lead, pilcrow)
    return RefLetter(text[0], before, text[1:], lead, pilcrow)


def _ref_year(written: str) -> dict[str, Any]:
    """The CableRef fields of a year as written: ``05``, ``2005``, ``'08``, ``(08)``."""
    digits = written.strip("()'")
    return {
        "year": int(digits) if len(digits) == 4 else full_year(int(digits)),
        "year_digits": len(digits),
        "year_apostrophe": "'" in written,
        "year_brackets": written.startswith("("),
    }


def _classified_by(children: list[Child], joined: bool) -> ClassifiedBy:
    """classified_by, joined_classified_by and paragraph_classified_by."""
    nl = first_nl(children)
    head = children[1 : children.index(nl)]
    continuation = tuple(c for c in children if isinstance(c, ClassifiedLine))
    return ClassifiedBy(
        _classified_pieces(head),
        str(children[0]),
        continuation,
        tail=loose_lines(children),
        joined=joined,
        span=line_span(children[0], nl),
    )


def _ref_pieces(pieces: list[Child]) -> tuple[RefPiece, ...]:
    """The pieces of a REF line (see _merge_words); a cable reference comes as a list of
    itself and its further serials."""
    flat: list[Child] = []
    for piece in pieces:
        flat.extend(piece if isinstance(piece, list) else (piece,))
    return _merge_words(flat, RefWord)


_CLASSIFIED_TOKENS = {"REASON_WORD": ReasonWord, "CLASSIFIED_SEP": ClassifiedSeparator}


def _classified_pieces(pieces: list[Child]) -> tuple[ClassifiedPiece, ...]:
    """The pieces of a Classified By line (see _merge_words): reason words and separators
    stand apart."""
    return _merge_words(
        [
            _CLASSIFIED_TOKENS[p.type](str(p))
            if type(p) in TOKEN_TYPES and p.type in _CLASSIFIED_TOKENS
            else p
            for p in pieces
        ],
        ClassifiedWord,
    )


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
