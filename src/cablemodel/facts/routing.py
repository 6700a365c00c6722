"""The addressees of the routing header: sender, action and information recipients."""

from __future__ import annotations

from attrs import field, frozen

from .. import vocab
from .._render import address_text
from ..model import Address, AddressBlock, AddressKind, Cable, DeLine, Span

__all__ = ["Addressee", "info_recipients", "recipients", "sender"]


@frozen
class Addressee:
    """An addressee as written, with its routing indicator and that indicator's name."""

    name: str
    routing_indicator: str | None = None
    routing_name: str | None = None
    precedence: str | None = None
    sequence: int | None = None
    span: Span | None = field(default=None, eq=False)


def _header(cable: Cable) -> list[AddressBlock]:
    """The address blocks of the first routing header, from its FM line on: an INFO
    line before it is the receiving office's distribution (``INFO LOG-00 MFA-00 …``),
    and a second FM starts the repeated header of a partial record."""
    found: list[AddressBlock] = []
    for block in cable.blocks:
        if not isinstance(block, AddressBlock):
            continue
        if block.kind is AddressKind.FM:
            if found:
                break
        elif not found:
            continue
        found.append(block)
    return found


def _first_line(block: AddressBlock) -> Span | None:
    """The span of the block's own line (the block's span covers its continuation)."""
    span = block.span
    if span is None:
        return None
    width = len(block.kind.value) + len(address_text(block.address))
    return Span(span.line, span.column, span.line, span.column + width)


def _addressee(address: Address, span: Span | None, indicator: str | None = None) -> Addressee:
    code = address.indicator or indicator
    return Addressee(
        address.plad,
        code,
        None if code is None else vocab.routing_name(code),
        address.precedence,
        address.sequence,
        span,
    )


def _of(cable: Cable, kind: AddressKind) -> tuple[Addressee, ...]:
    found: list[Addressee] = []
    for block in _header(cable):
        if block.kind is not kind:
            continue
        lines = [(block.address, _first_line(block))]
        lines.extend((line.address, line.span) for line in block.continuation)
        # a page header that stands where an address should is no addressee
        found.extend(_addressee(address, span) for address, span in lines if address.plad)
    return tuple(found)


def sender(cable: Cable) -> Addressee | None:
    """The FM addressee; its routing indicator from the DE line when the FM line has none."""
    de = next((block for block in cable.blocks if isinstance(block, DeLine)), None)
    for block in _header(cable):
        if block.kind is AddressKind.FM and block.address.plad:
            indicator = None if de is None else de.indicator.code
            return _addressee(block.address, _first_line(block), indicator)
    return None


def recipients(cable: Cable) -> tuple[Addressee, ...]:
    """The TO addressees, in order."""
    return _of(cable, AddressKind.TO)


def info_recipients(cable: Cable) -> tuple[Addressee, ...]:
    """The INFO addressees, in order."""
    return _of(cable, AddressKind.INFO)
