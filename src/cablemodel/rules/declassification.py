"""CM3xx declassification: the E.O. line against the Executive Orders of the cable's date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..facts import is_classified
from ..model import Cable, DeclassifyOn, EoLine, Exemptions, Instruction, NotApplicable, Oadr
from . import Problem, Severity, rule
from . import _tokens as tokens
from ._common import created_date, first_of

# When each classification order was in force (the dates each order names). E.O. 12958 stays
# the order named in cables after its amendment by E.O. 13292 (25 Mar 2003); E.O. 13526 took
# effect 180 days after it was signed on 29 Dec 2009.
_ORDERS: tuple[tuple[int, date, date], ...] = (
    (10501, date(1953, 12, 15), date(1972, 5, 31)),
    (11652, date(1972, 6, 1), date(1978, 11, 30)),
    (12065, date(1978, 12, 1), date(1982, 7, 31)),
    (12356, date(1982, 8, 1), date(1995, 10, 13)),
    (12958, date(1995, 10, 14), date(2010, 6, 26)),
    (13526, date(2010, 6, 27), date.max),
)
ORIGINAL_12958 = (date(1995, 10, 14), date(2003, 3, 24))


def order_in_force(day: date) -> int | None:
    for order, start, end in _ORDERS:
        if start <= day <= end:
            return order
    return None


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _declassify_on(cable: Cable) -> tuple[str, EoLine, DeclassifyOn] | None:
    found = first_of(cable, EoLine)
    if found is None or not isinstance(found[1].instruction, DeclassifyOn):
        return None
    return found[0], found[1], found[1].instruction


def instruction_text(instruction: Instruction | None) -> str:
    if isinstance(instruction, DeclassifyOn):
        return f"DECL {instruction.date.isoformat()}"
    if isinstance(instruction, NotApplicable):
        return instruction.spelling
    if isinstance(instruction, Oadr):
        return "DECL OADR"
    if isinstance(instruction, Exemptions):
        return "DECL " + ", ".join(code.code for code in instruction.codes)
    return "no instruction"


@rule("CM301", "declassify-before-created", Severity.ERROR,
      "The DECL date lies before the date the cable was created.")
def _declassify_before_created(cable: Cable) -> Iterator[Problem]:
    found = _declassify_on(cable)
    created = created_date(cable)
    if found is not None and found[2].date < created:
        yield Problem(
            f"DECL date {found[2].date.isoformat()} is before the cable was created, "
            f"{created.isoformat()}",
            tokens.decl_date(found[1], found[2]), f"{found[0]}.instruction",
        )


@rule("CM302", "order-not-in-force", Severity.WARNING,
      "The E.O. line names an order that was not in force when the cable was created.")
def _order_not_in_force(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, EoLine)
    if found is None:
        return
    path, line = found
    created = created_date(cable)
    expected = order_in_force(created)
    if line.order == expected:
        return
    known = {order for order, _, _ in _ORDERS}
    what = (f"E.O. {line.order} was not in force on {created.isoformat()}" if line.order in known
            else f"E.O. {line.order} is not a classification order")
    then = "" if expected is None else f"; the order then was E.O. {expected}"
    yield Problem(what + then, tokens.eo_order(line), f"{path}.order")


@rule("CM303", "declassify-beyond-25-years", Severity.WARNING,
      "The DECL date lies more than 25 years after creation.")
def _declassify_beyond_25_years(cable: Cable) -> Iterator[Problem]:
    found = _declassify_on(cable)
    created = created_date(cable)
    if found is not None and found[2].date > _add_years(created, 25):
        yield Problem(
            f"DECL date {found[2].date.isoformat()} is more than 25 years after the cable was "
            f"created, {created.isoformat()}",
            tokens.decl_date(found[1], found[2]), f"{found[0]}.instruction",
        )


@rule("CM304", "declassify-beyond-10-years", Severity.WARNING,
      "Under the original E.O. 12958 (14 Oct 1995 to 24 Mar 2003) a DECL date more than 10 "
      "years after creation needs an X1-X8 exemption.")
def _declassify_beyond_10_years(cable: Cable) -> Iterator[Problem]:
    found = _declassify_on(cable)
    created = created_date(cable)
    if found is None or not ORIGINAL_12958[0] <= created <= ORIGINAL_12958[1]:
        return
    limit = _add_years(created, 10)
    # More than 25 years is CM303's finding already.
    if limit < found[2].date <= _add_years(created, 25):
        yield Problem(
            f"DECL date {found[2].date.isoformat()} is more than 10 years after the cable was "
            f"created, {created.isoformat()}, under the original E.O. 12958 and no exemption "
            f"is given",
            tokens.decl_date(found[1], found[2]), f"{found[0]}.instruction",
        )


@rule("CM305", "missing-declassification", Severity.WARNING,
      "A classified cable carries no declassification instruction.")
def _missing_declassification(cable: Cable) -> Iterator[Problem]:
    if not is_classified(cable):
        return
    level = cable.classification.level
    assert level is not None
    found = first_of(cable, EoLine)
    if found is None:
        yield Problem(
            f"The {level.value} cable has no E.O. line",
            cable.publisher.classification.span, "$.publisher.classification",
        )
        return
    path, line = found
    if isinstance(line.instruction, NotApplicable):
        yield Problem(
            f"The {level.value} cable's E.O. line says {line.instruction.spelling} instead of "
            f"giving a declassification instruction",
            tokens.eo_instruction(line), f"{path}.instruction",
        )
    # An event ("DECL: FIVE YEARS AFTER ICTY CLOSURE") or schedule (GDS) stays in ``rest``.
    elif line.instruction is None and not line.rest.strip():
        yield Problem(
            f"The {level.value} cable's E.O. line gives no declassification instruction",
            line.span, f"{path}.instruction",
        )


@rule("CM306", "unclassified-with-declassification", Severity.WARNING,
      "An unclassified cable's E.O. line gives a declassification instruction instead of N/A.")
def _unclassified_with_declassification(cable: Cable) -> Iterator[Problem]:
    level = cable.classification.level
    found = first_of(cable, EoLine)
    if level is None or level.is_classified or found is None:
        return
    path, line = found
    if isinstance(line.instruction, (DeclassifyOn, Exemptions, Oadr)):
        yield Problem(
            f"The {cable.classification} cable's E.O. line gives "
            f"{instruction_text(line.instruction)} instead of N/A",
            tokens.eo_instruction(line), f"{path}.instruction",
        )
