"""What every area of the model shares: positions, the no-break space, years and months."""

from __future__ import annotations

from attrs import field, frozen

NBSP = "\xa0"

MONTH_NAMES = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")


def _span() -> Span | None:
    # positions take no part in equality: a cable built in code equals the same cable parsed
    return field(default=None, eq=False, repr=False, kw_only=True)  # type: ignore[no-any-return]


@frozen(weakref_slot=False)
class Span:
    """Where a part stood in the parsed text: 1-based; the end is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


def full_year(two_digits: int) -> int:
    """Cablegate years run from 1966 to 2010: 66-99 are 19xx, the rest 20xx."""
    return 1900 + two_digits if two_digits >= 66 else 2000 + two_digits


def digits(value: int, width: int) -> str:
    """``value`` zero-padded to ``width`` digits, as cables write serials and numbers."""
    return str(value).zfill(width)
