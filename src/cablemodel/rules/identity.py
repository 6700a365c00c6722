"""CM1xx identity: the reference id against the publisher fields and the telegram itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..model import Banner, Cable, DeLine, DtgLine
from ..vocab import canonical_origin, malformed_ids, origin_names, origins
from . import Example, Problem, Severity, rule
from . import _tokens as tokens
from ._common import created_date, first_of, page_markers

_ID_PATH = "$.publisher.reference_id"


def _malformed_shape(text: str) -> str:
    """A name for the way a malformed id went wrong, for the message: the shapes seen in the
    release's malformed ids (a glued section clause or caption, a doubled year, ...)."""
    upper = text.upper()
    if "CTION" in upper or "OF0" in upper or upper[2:].startswith(("01OF", "02OF", "2OF")):
        return "a section clause is glued into it"
    if any(word in upper for word in ("EFTO", "NOFORN", "AMEMBASSY")):
        return "a caption or address word is glued into it"
    if len(upper) >= 4 and upper[:2].isdigit() and upper[:2] == upper[2:4]:
        return "the year is written twice"
    if not upper[-1:].isdigit():
        return "the serial is missing"
    body = upper[2:].rstrip("0123456789")
    if any(char.isdigit() for char in body):
        return "text follows the serial"
    return "the origin is misspelt"


@rule("CM101", "malformed-reference-id", Severity.WARNING,
      "The reference id is not YY + origin + serial without leading zeros.",
      checks="""The reference id (Identifier) of the publisher block: two year digits, the
      origin code and a serial without leading zeros. The message names the way the id went
      wrong, and for the 203 ids of the release known to be malformed the id the cable
      should have had.""",
      why="""The reference id names the cable everywhere (REF lines, the release's file
      names); a section clause, a caption or a second year glued into it, or a lost serial,
      breaks every link to the cable.""",
      sources=("docs/format.md: Publisher: the reference id and its malformed forms",),
      fix="""Correct the Identifier to the id named in the message (the known correction),
      or to YY + origin + serial of the banner.""",
      example=Example("7575LIBREVILLE1895", 5, "7575LIBREVILLE1895", "7575LIBREVILLE1895",
                      "Reference id 7575LIBREVILLE1895 is malformed: the year is written "
                      "twice; the known correction is 75LIBREVILLE1895"),
)
def _malformed_reference_id(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    text = str(reference)
    # Some malformed ids look well formed: 09EFTOLONDON2187 (caption glued to the origin).
    if reference.malformed is None and text not in malformed_ids():
        return
    message = f"Reference id {text} is malformed: {_malformed_shape(text)}"
    corrected = malformed_ids().get(text)
    if corrected is not None:
        message += f"; the known correction is {corrected}"
    yield Problem(message, reference.span, _ID_PATH)


@rule("CM102", "unknown-origin-code", Severity.WARNING,
      "The origin code of the reference id is not a known station.",
      checks="""The origin code of a well-formed reference id is one of the 293 station
      codes of the release (PARIS, STATE, USUNNEWYORK ...).""",
      why="""Any other code is a typo or a word glued to the origin (EFTO, AMEMBASSY): the id
      then names no post.""",
      sources=(
          "docs/format.md: Publisher; the origins vocabulary (vocab/origins.tsv): origin codes",
      ),
      fix="""Write the station code of the post that sent the cable (the post in the
      banner and the publisher's Origin).""",
      example=Example("05PARIS3759", 5, "05EFTOPARIS3759", "05EFTOPARIS3759",
                      "Origin code EFTOPARIS of reference id 05EFTOPARIS3759 is not a known "
                      "station", change=("05PARIS3759\n2005", "05EFTOPARIS3759\n2005")),
)
def _unknown_origin_code(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    known_malformed = str(reference) in malformed_ids()  # CM101's finding
    if reference.origin is not None and reference.origin not in origins() and not known_malformed:
        yield Problem(
            f"Origin code {reference.origin} of reference id {reference} is not a known station",
            reference.span, _ID_PATH,
        )


@rule("CM103", "reference-year-mismatch", Severity.WARNING,
      "The year of the reference id is not the year the cable was created.",
      checks="""The two year digits of the reference id against the year of the
      publisher's Created date.""",
      why="""The id's year is the year the cable was sent, so the two must agree.""",
      sources=("docs/format.md: Publisher: the year digits",),
      fix="""Correct the year digits of the Identifier or the Created date, whichever the
      telegram's date-time group contradicts.""",
      example=Example("05PARIS3759", 5, "05PARIS3759", "05PARIS3759",
                      "Reference id 05PARIS3759 has year 2005, but the cable was created in "
                      "2006", change=("2005-05-31 15:15:00", "2006-01-02 15:15:00")),
)
def _reference_year_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    if reference.year is not None and reference.year != cable.created.year:
        yield Problem(
            f"Reference id {reference} has year {reference.year}, but the cable was created "
            f"in {cable.created.year}",
            reference.span, _ID_PATH,
        )


@rule("CM104", "origin-mismatch", Severity.WARNING,
      "The publisher's Origin is not the post named by the reference id's origin code.",
      checks="""The publisher's Origin against the post named by the id's origin code
      (PARIS and Embassy Paris, STATE and Secretary of State). Codes whose publisher name is
      not known are not checked.""",
      why="""Both name the post that sent the cable; when they differ, one of them is
      wrong.""",
      sources=(
          "the origins vocabulary (vocab/origins.tsv): origin codes and the publisher's names",
      ),
      fix="""Correct the Origin line to the name given in the message.""",
      example=Example("05PARIS3759", 8, "Embassy Rome", "Embassy Rome",
                      "Origin 'Embassy Rome' does not match origin code PARIS of reference id "
                      "05PARIS3759 (expected 'Embassy Paris')",
                      change=("Embassy Paris", "Embassy Rome")),
)
def _origin_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    if reference.origin is None:
        return
    names = origin_names().get(reference.origin, ())
    if names and cable.origin not in names:
        expected = " or ".join(repr(name) for name in names)
        yield Problem(
            f"Origin {cable.origin!r} does not match origin code {reference.origin} of "
            f"reference id {reference} (expected {expected})",
            tokens.publisher_line(cable.publisher, 1, cable.origin), "$.publisher.origin",
        )


def _banner_origin_code(banner: Banner) -> str | None:
    return None if banner.origin is None else canonical_origin(banner.origin)


def _banner_text(banner: Banner) -> str:
    return f"{banner.origin} {str(banner.serial).zfill(banner.serial_digits)}"


@rule("CM105", "banner-serial-mismatch", Severity.ERROR,
      "The first banner names the cable's own post but another serial than the reference id.",
      checks="""The first banner's post and zero-padded serial (PARIS 003759) against the
      reference id. A first banner of the cable's own post with another serial contradicts
      the id; later banners are not checked, since they may head a cable quoted or dumped
      into the text.""",
      why="""The banner is written by the sending post; a serial that differs from the id
      means the text and the id belong to different cables.""",
      sources=("docs/format.md: Preamble: the banner",),
      fix="""Check which serial the DE line and the page markers give, and correct the
      banner or the Identifier.""",
      example=Example("07NAIROBI4427", 23,
                      "C O N F I D E N T I A L SECTION 01 OF 02 NAIROBI 004428", "004428",
                      "Banner NAIROBI 004428 has serial 4428, but the reference id "
                      "07NAIROBI4427 has serial 4427"),
)
def _banner_serial_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    found = first_of(cable, Banner)
    if reference.origin is None or found is None:
        return
    # Later banners may head another cable quoted or dumped into the text.
    path, banner = found
    if (banner.serial is not None and banner.serial != reference.serial
            and _banner_origin_code(banner) == reference.origin):
        yield Problem(
            f"Banner {_banner_text(banner)} has serial {banner.serial}, but the reference "
            f"id {reference} has serial {reference.serial}",
            tokens.banner_serial(banner), path,
        )


@rule("CM106", "banner-origin-mismatch", Severity.WARNING,
      "The first banner names another post than the reference id (often a relayed cable).",
      checks="""The first banner's post, blanks removed and aliases resolved, against the
      id's origin. Known malformed ids are left to CM101.""",
      why="""A relayed or quoted cable carries the banner of another post: worth a look,
      but often right, hence a warning.""",
      sources=(
          "docs/format.md: Preamble, Exceptions found over the corpus: banners of relayed cables",
      ),
      fix="""When the cable was relayed, nothing is wrong: ignore the finding for the file.
      Otherwise correct the banner's post.""",
      example=Example("08LAPAZ751", 39, "S E C R E T BOGOTA 004036", "BOGOTA",
                      "Banner BOGOTA 004036 names origin BOGOTA, but the reference id is "
                      "08LAPAZ751"),
)
def _banner_origin_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    found = first_of(cable, Banner)
    if reference.origin is None or found is None or str(reference) in malformed_ids():
        return  # a known malformed id is CM101's finding
    path, banner = found
    if banner.origin is None or banner.serial is None:
        return
    code = _banner_origin_code(banner)
    if code != reference.origin:
        yield Problem(
            f"Banner {_banner_text(banner)} names origin {banner.origin}, but the reference id "
            f"is {reference}",
            tokens.banner_origin(banner), path,
        )


def _marker_matches_origin(written: str, origin: str) -> bool:
    """Markers cut long post names (``PORT AU PR``): a prefix of the code counts."""
    compact = "".join(written.upper().split())
    return canonical_origin(written) == origin or (len(compact) >= 4 and origin.startswith(compact))


@rule("CM107", "page-marker-serial-mismatch", Severity.WARNING,
      "A page marker of the cable's own post carries a serial other than the reference id's.",
      checks="""Page markers (NAIROBI 00004428  001.2 OF 002) repeat the post and the
      serial. A marker of the cable's own post (the name may be cut: PORT AU PR) with another
      serial contradicts the id; markers of other posts belong to quoted cables.""",
      why="""The markers are printed by the same system as the banner; a different serial
      means the text and the id disagree.""",
      sources=("docs/format.md: Preamble: page markers",),
      fix="""Correct the marker's serial or the Identifier, as the banner and the DE line
      say.""",
      example=Example("07NAIROBI4427", 38, "NAIROBI 00004428  001.2 OF 002",
                      "NAIROBI 00004428",
                      "Page marker NAIROBI 00004428 has serial 4428, but the reference id "
                      "07NAIROBI4427 has serial 4427"),
)
def _page_marker_serial_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    if reference.origin is None:
        return
    for path, marker in page_markers(cable):
        if marker.serial != reference.serial and _marker_matches_origin(
            marker.origin, reference.origin
        ):
            yield Problem(
                f"Page marker {marker.origin} {str(marker.serial).zfill(marker.serial_digits)} "
                f"has serial {marker.serial}, but the reference id {reference} has serial "
                f"{reference.serial}",
                tokens.page_marker_serial(marker), path,
            )


@rule("CM108", "de-serial-mismatch", Severity.WARNING,
      "The DE line's serial is not the last four digits of the reference id's serial.",
      checks="""The DE line of the transmission header carries the last four digits of the
      serial (DE RUEHAK #4456/01).""",
      why="""The DE line is the transmitting station's record of the message number; it
      must be the cable's own.""",
      sources=("ACP-127 transmission header, docs/format.md: Preamble, Header",),
      fix="""Correct the serial on the DE line, or the Identifier.""",
      example=Example("06REYKJAVIK40", 17, "DE RUEHRK #0401/01 2991754", "#0401",
                      "DE line serial #0401 does not match reference id 06REYKJAVIK40 "
                      "(expected #0040)"),
)
def _de_serial_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    found = first_of(cable, DeLine)
    if reference.serial is None or found is None:
        return
    path, line = found
    if line.serial != reference.serial % 10000:
        yield Problem(
            f"DE line serial #{str(line.serial).zfill(line.serial_digits)} does not match "
            f"reference id {reference} (expected #{reference.serial % 10000:04d})",
            tokens.de_serial(line), path,
        )


def _julian_date(day: int, near: date) -> date:
    """The date of Julian day ``day`` in the year around ``near`` closest to it."""
    candidates = [date(year, 1, 1) + timedelta(days=day - 1) for year in
                  (near.year - 1, near.year, near.year + 1)]
    return min(candidates, key=lambda candidate: abs((candidate - near).days))


@rule("CM109", "de-day-mismatch", Severity.WARNING,
      "The Julian day of the DE line is more than one day from the creation date.",
      checks="""The Julian day and UTC time at the end of the DE line (2151019: day 215,
      10:19Z) lie within one day of the creation date. The year is the one that brings the
      day closest, so day 365 of a cable created on 1 January passes.""",
      why="""The DE line records when the message was transmitted, which is the day it was
      created or the next.""",
      sources=("ACP-127 transmission header, docs/format.md: Header",),
      fix="""Correct the day on the DE line or the Created date.""",
      example=Example("08CONAKRY184", 18, "DE RUEHRY #0184/01 1331241", "1331241",
                      "DE line day 133 (2008-05-12) is 67 days from the creation date, "
                      "2008-03-06"),
)
def _de_day_mismatch(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, DeLine)
    if found is None:
        return
    path, line = found
    digits = line.day_time
    if digits is None or len(digits) < 3 or not digits[:3].isdigit():
        return
    day = int(digits[:3])
    created = created_date(cable)
    if not 1 <= day <= 366:
        yield Problem(f"DE line day {day} is not a day of the year", tokens.de_day(line), path)
        return
    sent = _julian_date(day, created)
    distance = abs((sent - created).days)
    if distance > 1:
        yield Problem(
            f"DE line day {day:03d} ({sent.isoformat()}) is {distance} days from the creation "
            f"date, {created.isoformat()}",
            tokens.de_day(line), path,
        )


@rule("CM110", "dtg-created-mismatch", Severity.WARNING,
      "The date-time group is more than one day from the creation date.",
      checks="""The date-time group (P 031019Z AUG 06) is the same UTC day as the
      publisher's Created or the next. A group that names no real time (31 Feb) is
      reported too.""",
      why="""The date-time group is when the cable was released for transmission: the
      creation date the publisher gives.""",
      sources=("ACP-127 date-time group, docs/format.md: Header",),
      fix="""Correct the date-time group or the Created date.""",
      example=Example("08CONAKRY184", 20, "R 121241Z MAY 08", "121241Z MAY 08",
                      "Date-time group 2008-05-12 12:41Z is 67 days from the creation date, "
                      "2008-03-06"),
)
def _dtg_created_mismatch(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, DtgLine)
    if found is None:
        return
    path, line = found
    created = created_date(cable)
    moment = line.datetime
    if moment is None:
        yield Problem(
            f"Date-time group {line.day:02d}{line.hour:02d}{line.minute:02d}Z "
            f"{line.month:02d}/{line.year} names no real time",
            tokens.dtg_group(line), path,
        )
        return
    distance = abs((moment.date() - created).days)
    if distance > 1:
        yield Problem(
            f"Date-time group {moment:%Y-%m-%d %H:%M}Z is {distance} days from the creation "
            f"date, {created.isoformat()}",
            tokens.dtg_group(line), path,
        )
