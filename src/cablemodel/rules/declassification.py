"""CM3xx declassification: the E.O. line against the Executive Orders of the cable's date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..facts import is_classified
from ..model import Cable, DeclassifyOn, EoLine, Exemptions, Instruction, NotApplicable, Oadr
from . import Example, Problem, Severity, rule
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
      "The DECL date lies before the date the cable was created.",
      checks="""The DECL date of the E.O. line against the date the cable was
      created.""",
      why="""A cable is classified when it is written and declassified later; a
      declassification date before the cable existed makes the classification void at
      birth.""",
      sources=("E.O. 12958 §1.6 (duration of classification)", "E.O. 13526 §1.5",
               "docs/format.md: Preamble; the orders' dates (docs/rules.md, Declassification)"),
      fix="""Give the date on which the information may be declassified: after the creation
      date, at most 10 years later by default (25 at most). Drafters sometimes wrote the date
      of the event reported.""",
      example=Example("06PARTO9", 32, "E.O. 12958: DECL: 02/23/2006", "02/23/2006",
                      "DECL date 2006-02-23 is before the cable was created, 2006-03-02"),
)
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
      "The E.O. line names an order that was not in force when the cable was created.",
      checks="""The order named on the E.O. line against the order in force on the
      cable's date: E.O. 10501 until 31 May 1972, 11652 until 30 Nov 1978, 12065 until
      31 Jul 1982, 12356 until 13 Oct 1995, 12958 (amended by E.O. 13292 from 25 Mar 2003,
      still written 12958) until 26 Jun 2010, 13526 from 27 Jun 2010. Numbers that are no
      classification order (12598, 19523) are typos.""",
      why="""The E.O. line names the authority under which the cable is classified; only
      the order in force can be that authority. Real cables lag behind new orders, hence a
      warning.""",
      sources=(
          "E.O. 12958 (1995), E.O. 13292 (2003), E.O. 13526 (2009, effective 27 Jun 2010)",
          "docs/format.md: Preamble; the orders' dates (docs/rules.md, Declassification)",
      ),
      fix="""Write the number of the order in force on the cable's date.""",
      example=Example("09PARIS559", 32, "E.O. 19523: N/A", "19523",
                      "E.O. 19523 is not a classification order; the order then was "
                      "E.O. 12958"),
)
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
      "The DECL date lies more than 25 years after creation.",
      checks="""The DECL date lies no more than 25 years after the creation date.""",
      why="""Classified records are declassified automatically at 25 years unless exempted;
      a later date can only be given with an exemption (25X1 ...), not as a date.""",
      sources=("E.O. 12958 as amended §1.5(b), §3.3", "E.O. 13526 §1.5, §3.3",
               "the orders' dates (docs/rules.md, Declassification)"),
      fix="""Give a date at most 25 years after creation, or an exemption instead of the
      date.""",
      example=Example("06LAPAZ3400", 51, "E.O. 12958: DECL: 08/18/2036", "08/18/2036",
                      "DECL date 2036-08-18 is more than 25 years after the cable was "
                      "created, 2006-12-18"),
)
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
      "years after creation needs an X1-X8 exemption.",
      checks="""Under the original E.O. 12958 (14 Oct 1995 to 24 Mar 2003) a DECL date
      more than 10 years after creation. An exemption X1-X8 replaces the date, so any date
      beyond 10 years is flagged; dates beyond 25 years are CM303's.""",
      why="""The original order set 10 years as the limit unless an exemption from the
      10-year rule was given.""",
      sources=(
          "E.O. 12958 (1995) §1.6(b), (d)",
          "the orders' dates (docs/rules.md, Declassification)",
      ),
      fix="""Give a date within 10 years, or the exemption (X1-X8) that justifies a longer
      classification.""",
      example=Example("05PARIS3759", 22, "E.O. 12958: DECL: 05/31/2015", "05/31/2015",
                      "DECL date 2015-05-31 is more than 10 years after the cable was created, "
                      "2001-05-31, under the original E.O. 12958 and no exemption is given",
                      change=("2005-05-31 15:15:00", "2001-05-31 15:15:00")),
)
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
      "A classified cable carries no declassification instruction.",
      checks="""A classified cable says when it will be declassified: a date, an event, an
      exemption or OADR. No E.O. line, an E.O. line without instruction, or N/A is flagged;
      an event or an old schedule (DECL: FIVE YEARS AFTER ICTY CLOSURE, GDS 8/12/85) counts
      as an instruction.""",
      why="""Every classified document must carry declassification instructions.""",
      sources=("E.O. 12958 §1.6, §1.7 (identification and markings)", "E.O. 13526 §1.6",
               "docs/format.md: Preamble; the orders' dates (docs/rules.md, Declassification)"),
      fix="""Give the declassification date, event or exemption on the E.O. line.""",
      example=Example("09BRASILIA1321", 37, "E.O. 12958: N/A", "N/A",
                      "The CONFIDENTIAL cable's E.O. line says N/A instead of giving a "
                      "declassification instruction"),
)
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
      "An unclassified cable's E.O. line gives a declassification instruction instead of N/A.",
      checks="""An unclassified cable's E.O. line says N/A rather than giving a DECL date,
      an exemption or OADR.""",
      why="""An unclassified cable has nothing to declassify; a declassification
      instruction on it suggests that the classification was lost.""",
      sources=(
          "the orders' dates (docs/rules.md, Declassification)",
          "5 FAH-1 H-240 (telegram classification)",
      ),
      fix="""Write N/A on the E.O. line, or restore the classification if the cable is
      classified.""",
      example=Example("08EFTOLONDON2883", 33, "E.O. 12958: DECL: 11/17/2018", "11/17/2018",
                      "The UNCLASSIFIED//FOR OFFICIAL USE ONLY cable's E.O. line gives DECL "
                      "2018-11-17 instead of N/A"),
)
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
