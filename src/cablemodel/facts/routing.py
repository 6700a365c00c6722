"""The addressees of the routing header: sender, action and information recipients."""

from __future__ import annotations

from attrs import field, frozen

from .. import vocab
from .._render import address_text
from ..model import Address, AddressBlock, AddressKind, Cable, DeLine, Span

__all__ = ["Addressee", "addressees", "info_recipients", "recipients", "sender"]


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


def addressees(cable: Cable) -> tuple[tuple[AddressKind, Addressee], ...]:
    """Every addressee of the routing header with its role (FM first, then TO and INFO,
    each in order), from one walk of the header: what ``sender``, ``recipients`` and
    ``info_recipients`` each take a part of."""
    header = _header(cable)
    found: list[tuple[AddressKind, Addressee]] = []
    first = next((b for b in header if b.kind is AddressKind.FM and b.address.plad), None)
    if first is not None:
        de = next((block for block in cable.blocks if isinstance(block, DeLine)), None)
        # the FM line's routing indicator; the DE line's when it has none
        indicator = None if de is None else de.indicator.code
        found.append((AddressKind.FM, _addressee(first.address, _first_line(first), indicator)))
    for kind in (AddressKind.TO, AddressKind.INFO):
        for block in header:
            if block.kind is not kind:
                continue
            lines = [(block.address, _first_line(block))]
            lines.extend((line.address, line.span) for line in block.continuation)
            # a page header that stands where an address should is no addressee
            found.extend((kind, _addressee(a, span)) for a, span in lines if a.plad)
    return tuple(found)


def sender(cable: Cable) -> Addressee | None:
    """The FM addressee; its routing indicator from the DE line when the FM line has none."""
    return next((a for kind, a in addressees(cable) if kind is AddressKind.FM), None)


def recipients(cable: Cable) -> tuple[Addressee, ...]:
    """The TO addressees, in order."""
    return tuple(a for kind, a in addressees(cable) if kind is AddressKind.TO)


def info_recipients(cable: Cable) -> tuple[Addressee, ...]:
    """The INFO addressees, in order."""
    return tuple(a for kind, a in addressees(cable) if kind is AddressKind.INFO)
