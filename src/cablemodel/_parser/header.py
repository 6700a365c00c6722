"""Callbacks for the transmission header."""

from __future__ import annotations

from typing import Any

from ..model import (
    MONTH_NAMES,
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
    Span,
    Vzczc,
    ZnLine,
)
from ..model._base import full_year
from .lines import loose_lines
from .tokens import Child, Token, first_nl, line_span, rest_of, split_lead, tokens_of

_MONTHS = {name: index for index, name in enumerate(MONTH_NAMES, start=1)}


class HeaderCallbacks:
    """Callbacks for the transmission header (grammar section 'transmission header')."""

    def notice(self, children: list[Child]) -> PartialNotice:
        """notice: NOTICE NL _tail"""
        return PartialNotice(tail=loose_lines(children), span=line_span(children[0], children[1]))

    def vzczc(self, children: list[Child]) -> Vzczc:
        """vzczc: VZCZC VZCZC_CHANNEL VZCZC_NUMBER? REST? NL _tail"""
        by_type = {t.type: str(t) for t in tokens_of(children)}
        return Vzczc(
            by_type["VZCZC_CHANNEL"],
            by_type.get("VZCZC_NUMBER"),
            by_type.get("REST", ""),
            tail=loose_lines(children),
            span=line_span(children[0], first_nl(children)),
        )

    def precedence(self, children: list[Child]) -> Precedence:
        """precedence: PROSIGN ROUTING_INDICATOR+ REST? NL indicator_line* _tail"""
        tokens = tokens_of(children)
        indicators = tuple(_indicator(t) for t in tokens if t.type == "ROUTING_INDICATOR")
        continuation = tuple(c for c in children if isinstance(c, IndicatorLine))
        last = continuation[-1].span if continuation else None
        nl = first_nl(children)
        span = line_span(children[0], nl)
        if last is not None:
            span = Span(span.line, span.column, last.end_line, last.end_column)
        return Precedence(
            str(children[0]),
            indicators,
            rest_of(children),
            continuation,
            tail=loose_lines(children),
            span=span,
        )

    def indicator_line(self, children: list[Child]) -> IndicatorLine:
        """indicator_line: INDICATOR_START ROUTING_INDICATOR* REST? NL"""
        indicators = tuple(_indicator(t) for t in children if t.type == "ROUTING_INDICATOR")
        return IndicatorLine(
            str(children[0]),
            indicators,
            rest_of(children),
            span=line_span(children[0], children[-1]),
        )

    def de(self, children: list[Child]) -> DeLine:
        """de: DE_LABEL ROUTING_INDICATOR DE_SERIAL DE_SECTION? DE_TIME? REST? NL _tail"""
        by_type = {t.type: t for t in tokens_of(children)}
        serial_lead, serial = split_lead(str(by_type["DE_SERIAL"]))
        section = by_type.get("DE_SECTION")
        day_time = by_type.get("DE_TIME")
        day_time_lead, day_time_digits = (
            split_lead(str(day_time)) if day_time is not None else (" ", None)
        )
        return DeLine(
            indicator=_indicator(by_type["ROUTING_INDICATOR"]),
            serial=int(serial[1:]),
            serial_digits=len(serial) - 1,
            serial_lead=serial_lead,
            section=None if section is None else int(str(section)[1:]),
            section_digits=2 if section is None else len(section) - 1,
            day_time=day_time_digits,
            day_time_lead=day_time_lead,
            rest=rest_of(children),
            tail=loose_lines(children),
            span=line_span(children[0], first_nl(children)),
        )

    def zn(self, children: list[Child]) -> ZnLine:
        """zn: ZN_LABEL ZN_CLASS ZN_SIGNAL* REST? NL _tail"""
        tokens = tokens_of(children)
        letters_lead, letters = split_lead(str(tokens[1]))
        signals = [split_lead(str(t)) for t in tokens if t.type == "ZN_SIGNAL"]
        return ZnLine(
            kind=str(tokens[0]),
            letters=letters,
            signals=tuple(s for _, s in signals),
            letters_lead=letters_lead,
            signal_leads=tuple(lead for lead, _ in signals),
            rest=rest_of(children),
            tail=loose_lines(children),
            span=line_span(tokens[0], first_nl(children)),
        )

    def dtg(self, children: list[Child]) -> DtgLine:
        """dtg: DTG_PRECEDENCE DTG_PRECEDENCE2? DTG_TIME DTG_MONTH DTG_YEAR REST? NL _tail"""
        by_type = {t.type: str(t) for t in tokens_of(children)}
        time = by_type["DTG_TIME"].strip()
        second = by_type.get("DTG_PRECEDENCE2")
        return DtgLine(
            precedence=by_type["DTG_PRECEDENCE"],
            day=int(time[0:2]),
            hour=int(time[2:4]),
            minute=int(time[4:6]),
            month=_MONTHS[by_type["DTG_MONTH"].strip()],
            year=full_year(int(by_type["DTG_YEAR"])),
            second_precedence=None if second is None else second.strip(),
            rest=by_type.get("REST", ""),
            tail=loose_lines(children),
            span=line_span(children[0], first_nl(children)),
        )

    def _address_block(self, kind: AddressKind, children: list[Child]) -> AddressBlock:
        address = next(c for c in children if isinstance(c, Address))
        continuation = tuple(c for c in children if isinstance(c, AddressLine))
        span = line_span(children[0], first_nl(children))
        if continuation and continuation[-1].span is not None:
            last = continuation[-1].span
            span = Span(span.line, span.column, last.end_line, last.end_column)
        return AddressBlock(kind, address, continuation, tail=loose_lines(children), span=span)

    def fm(self, children: list[Child]) -> AddressBlock:
        """fm: FM_LABEL address NL _tail"""
        return self._address_block(AddressKind.FM, children)

    def to(self, children: list[Child]) -> AddressBlock:
        """to: TO_LABEL address NL address_line* _tail"""
        return self._address_block(AddressKind.TO, children)

    def info(self, children: list[Child]) -> AddressBlock:
        """info: INFO_LABEL address NL address_line* _tail"""
        return self._address_block(AddressKind.INFO, children)

    def xmt(self, children: list[Child]) -> AddressBlock:
        """xmt: XMT_LABEL address NL address_line* _tail"""
        return self._address_block(AddressKind.XMT, children)

    def address(self, children: list[Child]) -> Address:
        """address: ADDRESS_INDICATOR? PLAD PRECEDENCE? SEQUENCE? REST? | ADDRESS_PAGE_HEADER"""
        return _address(children)

    def address_tail(self, children: list[Child]) -> Address:
        """address_tail: PLAD PRECEDENCE? SEQUENCE? REST?"""
        return _address(children)

    def address_line(self, children: list[Child]) -> AddressLine:
        """address_line: ADDRESS_START address_tail NL | ADDRESS_BARE address_tail? NL"""
        if children[0].type == "ADDRESS_BARE":  # no routing indicator: AMEMBASSY BRASILIA
            start, nl = children[0], children[-1]
            tail = children[1] if len(children) == 3 else Address(plad="", plad_lead="")
            bare = Address(
                plad=str(start) + tail.plad_lead + tail.plad,
                precedence=tail.precedence,
                sequence=tail.sequence,
                indicator_lead="",
                plad_lead="",
                precedence_lead=tail.precedence_lead,
                sequence_lead=tail.sequence_lead,
                rest=tail.rest,
            )
            return AddressLine(bare, span=line_span(start, nl))
        start, tail, nl = children
        address = Address(
            plad=tail.plad,
            indicator=str(start)[:-1],  # without "/"
            precedence=tail.precedence,
            sequence=tail.sequence,
            indicator_lead="",
            plad_lead=tail.plad_lead,
            precedence_lead=tail.precedence_lead,
            sequence_lead=tail.sequence_lead,
            rest=tail.rest,
        )
        return AddressLine(address, span=line_span(start, nl))


def _indicator(token: Token) -> RoutingIndicator:
    lead, code = split_lead(str(token))
    return RoutingIndicator(code, lead)


def _address(children: list[Child]) -> Address:
    fields: dict[str, Any] = {}
    for token in children:
        lead, value = split_lead(str(token))
        if token.type == "ADDRESS_INDICATOR":
            fields["indicator"], fields["indicator_lead"] = value[:-1], lead  # without "/"
        elif token.type == "PLAD":
            fields["plad"], fields["plad_lead"] = value, lead
        elif token.type == "PRECEDENCE":
            fields["precedence"], fields["precedence_lead"] = value, lead
        elif token.type == "SEQUENCE":
            fields["sequence"], fields["sequence_lead"] = int(value), lead
        elif token.type == "REST":
            fields["rest"] = str(token)
        elif token.type == "ADDRESS_PAGE_HEADER":  # no address: a page header stands there
            fields["plad"], fields["plad_lead"], fields["rest"] = "", "", str(token)
    return Address(**fields)
