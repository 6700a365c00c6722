"""The routing header of a drawn cable: VZCZC, precedence, DE, ZN, date-time group, FM,
TO, INFO."""

from __future__ import annotations

from attrs import evolve
from hypothesis import strategies as st

from ..model import (
    Address,
    AddressBlock,
    AddressKind,
    AddressLine,
    Block,
    DeLine,
    DtgLine,
    IndicatorLine,
    Precedence,
    RoutingIndicator,
    Vzczc,
    ZnLine,
)
from ._common import _COLLECTIVES, _WASHINGTON, _ZN_LETTERS, Draw, _choice, _Facts, _ints, _some


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
