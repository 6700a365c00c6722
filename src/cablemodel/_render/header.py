"""Render the transmission header: notice, VZCZC, precedence, DE, ZN, DTG, addresses."""

from __future__ import annotations

from ..model import (
    MONTH_NAMES,
    Address,
    AddressBlock,
    DeLine,
    DtgLine,
    PartialNotice,
    Precedence,
    RoutingIndicator,
    Vzczc,
    ZnLine,
)
from ..model._base import digits
from .lines import emit_lines

__all__ = [
    "emit_address_block",
    "emit_de",
    "emit_dtg",
    "emit_notice",
    "emit_precedence",
    "emit_vzczc",
    "emit_zn",
]


def emit_notice(block: PartialNotice, out: list[str]) -> None:
    out.append(PartialNotice.TEXT + "\n")
    emit_lines(block.tail, out)


def emit_vzczc(block: Vzczc, out: list[str]) -> None:
    out.append(f"VZCZC{block.channel}{block.number or ''}{block.rest}\n")
    emit_lines(block.tail, out)


def _indicators(indicators: tuple[RoutingIndicator, ...]) -> str:
    return "".join(ri.lead + ri.code for ri in indicators)


def emit_precedence(block: Precedence, out: list[str]) -> None:
    out.append(block.prosign + _indicators(block.indicators) + block.rest + "\n")
    for line in block.continuation:
        out.append(line.first + _indicators(line.indicators) + line.rest + "\n")
    emit_lines(block.tail, out)


def emit_de(block: DeLine, out: list[str]) -> None:
    section = "" if block.section is None else "/" + digits(block.section, block.section_digits)
    day_time = "" if block.day_time is None else block.day_time_lead + block.day_time
    out.append(
        f"DE{block.indicator.lead}{block.indicator.code}{block.serial_lead}#"
        f"{digits(block.serial, block.serial_digits)}{section}{day_time}{block.rest}\n"
    )
    emit_lines(block.tail, out)


def emit_zn(block: ZnLine, out: list[str]) -> None:
    leads = block.signal_leads or (" ",) * len(block.signals)
    signals = "".join(lead + signal for lead, signal in zip(leads, block.signals, strict=False))
    out.append(f"{block.kind}{block.letters_lead}{block.letters}{signals}{block.rest}\n")
    emit_lines(block.tail, out)


def emit_dtg(block: DtgLine, out: list[str]) -> None:
    second = "" if block.second_precedence is None else " " + block.second_precedence
    out.append(
        f"{block.precedence}{second} {block.day:02d}{block.hour:02d}{block.minute:02d}Z "
        f"{MONTH_NAMES[block.month - 1]} {block.year % 100:02d}{block.rest}\n"
    )
    emit_lines(block.tail, out)


def address_text(address: Address) -> str:
    """An address as written, without the FM/TO/INFO label and the line end."""
    parts = []
    if address.indicator is not None:
        parts.append(address.indicator_lead + address.indicator + "/")
    parts.append(address.plad_lead + address.plad)
    if address.precedence is not None:
        parts.append(address.precedence_lead + address.precedence)
    if address.sequence is not None:
        parts.append(address.sequence_lead + digits(address.sequence, 4))
    parts.append(address.rest)
    return "".join(parts)


def emit_address_block(block: AddressBlock, out: list[str]) -> None:
    out.append(block.kind.value + address_text(block.address) + "\n")
    for line in block.continuation:
        out.append(address_text(line.address) + "\n")
    emit_lines(block.tail, out)
