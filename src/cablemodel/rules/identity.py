"""CM1xx identity: the reference id against the publisher fields and the telegram itself."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

from ..model import Banner, Cable, DeLine, DtgLine
from ..vocab import canonical_origin, malformed_ids, origin_names, origins
from . import Problem, Severity, rule
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
      "The reference id is not YY + origin + serial without leading zeros.")
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
      "The origin code of the reference id is not a known station.")
def _unknown_origin_code(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    known_malformed = str(reference) in malformed_ids()  # CM101's finding
    if reference.origin is not None and reference.origin not in origins() and not known_malformed:
        yield Problem(
            f"Origin code {reference.origin} of reference id {reference} is not a known station",
            reference.span, _ID_PATH,
        )


@rule("CM103", "reference-year-mismatch", Severity.WARNING,
      "The year of the reference id is not the year the cable was created.")
def _reference_year_mismatch(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    if reference.year is not None and reference.year != cable.created.year:
        yield Problem(
            f"Reference id {reference} has year {reference.year}, but the cable was created "
            f"in {cable.created.year}",
            reference.span, _ID_PATH,
        )


@rule("CM104", "origin-mismatch", Severity.WARNING,
      "The publisher's Origin is not the post named by the reference id's origin code.")
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
      "The first banner names the cable's own post but another serial than the reference id.")
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
      "The first banner names another post than the reference id (often a relayed cable).")
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
      "A page marker of the cable's own post carries a serial other than the reference id's.")
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
      "The DE line's serial is not the last four digits of the reference id's serial.")
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
      "The Julian day of the DE line is more than one day from the creation date.")
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
      "The date-time group is more than one day from the creation date.")
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
