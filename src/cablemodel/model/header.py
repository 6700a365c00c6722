"""The transmission header: the partial-extract notice, the VZCZC line, precedence and
routing indicators, the DE, ZN and date-time group lines, and the FM/TO/INFO/XMT addresses."""

from __future__ import annotations

import enum
from datetime import datetime

from attrs import frozen

from ._base import Span, _span
from .lines import LooseLine

__all__ = [
    "Address",
    "AddressBlock",
    "AddressKind",
    "AddressLine",
    "DeLine",
    "DtgLine",
    "IndicatorLine",
    "PartialNotice",
    "Precedence",
    "RoutingIndicator",
    "Vzczc",
    "ZnLine",
]


class AddressKind(enum.Enum):
    """The label of an address line in the transmission header."""

    FM = "FM"
    TO = "TO"
    INFO = "INFO"
    XMT = "XMT"


@frozen(weakref_slot=False)
class PartialNotice:
    """The publisher's notice that only an extract of the cable is available."""

    TEXT = (
        "This record is a partial extract of the original cable. "
        "The full text of the original cable is not available."
    )
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class Vzczc:
    """The start-of-message line ``VZCZCXRO3173``."""

    channel: str
    number: str | None = None
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class RoutingIndicator:
    """A routing indicator such as ``RUEHBR`` with the blanks before it."""

    code: str
    lead: str = " "


@frozen(weakref_slot=False)
class IndicatorLine:
    """A continuation line of routing indicators."""

    first: str
    indicators: tuple[RoutingIndicator, ...] = ()
    rest: str = ""
    span: Span | None = _span()


@frozen(weakref_slot=False)
class Precedence:
    """``PP RUEHAO RUEHCD …``: precedence prosigns and the routing indicators."""

    prosign: str
    indicators: tuple[RoutingIndicator, ...]
    rest: str = ""
    continuation: tuple[IndicatorLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class DeLine:
    """``DE RUEHBR #0861/01 1231903``: station, serial, section, day and time."""

    indicator: RoutingIndicator
    serial: int
    serial_digits: int = 4
    serial_lead: str = " "
    section: int | None = None
    section_digits: int = 2
    day_time: str | None = None  # DDDHHMM: Julian day and UTC time, as digits
    day_time_lead: str = " "
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class ZnLine:
    """``ZNY CCCCC ZZH``: security letters and operating signals."""

    kind: str  # ZNY or ZNR
    letters: str
    signals: tuple[str, ...] = ()
    letters_lead: str = " "
    signal_leads: tuple[str, ...] = ()
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()


@frozen(weakref_slot=False)
class DtgLine:
    """``O 110944Z SEP 07``: precedence and date-time group (UTC)."""

    precedence: str
    day: int
    hour: int
    minute: int
    month: int
    year: int
    second_precedence: str | None = None
    rest: str = ""
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def datetime(self) -> datetime | None:
        """The date-time group as a datetime, or None when it names no real time."""
        try:
            return datetime(self.year, self.month, self.day, self.hour, self.minute)
        except ValueError:
            return None


@frozen(weakref_slot=False)
class Address:
    """An addressee: ``RUEHC/SECSTATE WASHDC IMMEDIATE 4460``."""

    plad: str
    indicator: str | None = None
    precedence: str | None = None
    sequence: int | None = None
    indicator_lead: str = " "
    plad_lead: str = ""
    precedence_lead: str = " "
    sequence_lead: str = " "
    rest: str = ""


@frozen(weakref_slot=False)
class AddressLine:
    """A continuation line of further addressees."""

    address: Address
    span: Span | None = _span()


@frozen(weakref_slot=False)
class AddressBlock:
    """An FM, TO, INFO or XMT line and its continuation lines."""

    kind: AddressKind
    address: Address
    continuation: tuple[AddressLine, ...] = ()
    tail: tuple[LooseLine, ...] = ()
    span: Span | None = _span()

    @property
    def addresses(self) -> tuple[Address, ...]:
        return (self.address, *(line.address for line in self.continuation))
