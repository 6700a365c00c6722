"""CM2xx sections: SECTION NN OF MM in the banner, page markers, duplicated preambles."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Banner, Cable, PageMarker
from . import Problem, Severity, rule
from . import _tokens as tokens
from ._common import blocks_of, first_of, page_markers


def _own_markers(cable: Cable) -> list[tuple[str, PageMarker]]:
    """Page markers of this cable (not of a cable quoted in it): same serial as the id."""
    serial = cable.publisher.reference_id.serial
    return [(path, marker) for path, marker in page_markers(cable) if marker.serial == serial]


def _page_text(marker: PageMarker) -> str:
    subpage = "" if marker.subpage is None else f".{marker.subpage}"
    return f"{marker.page:03d}{subpage} OF {marker.total:03d}"


@rule("CM201", "section-out-of-range", Severity.ERROR,
      "SECTION NN OF MM needs 1 <= NN <= MM.")
def _section_out_of_range(cable: Cable) -> Iterator[Problem]:
    for path, banner in blocks_of(cable, Banner):
        section = banner.section
        if section is not None and not 1 <= section.number <= section.total:
            yield Problem(
                f"Banner says SECTION {section.number:02d} OF {section.total:02d}; the section "
                f"number must lie between 1 and {section.total}",
                tokens.banner_section(banner), f"{path}.section",
            )


@rule("CM202", "page-marker-total-mismatch", Severity.WARNING,
      "A page marker's total differs from the MM of the banner's SECTION NN OF MM.")
def _page_marker_total_mismatch(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, Banner)
    if found is None or found[1].section is None:
        return
    total = found[1].section.total
    for path, marker in _own_markers(cable):
        if marker.total != total:
            yield Problem(
                f"Page marker {_page_text(marker)} gives {marker.total} sections, but the "
                f"banner says {total}",
                tokens.page_marker_total(marker), path,
            )


@rule("CM203", "page-markers-out-of-order", Severity.WARNING,
      "Page markers go backwards or name a page beyond their total.")
def _page_markers_out_of_order(cable: Cable) -> Iterator[Problem]:
    previous: PageMarker | None = None
    for path, marker in _own_markers(cable):
        if marker.page > marker.total:
            yield Problem(
                f"Page marker {_page_text(marker)} names a page beyond its total",
                tokens.page_marker_page(marker), path,
            )
        elif previous is not None and (marker.page, marker.subpage or 0) < (
            previous.page, previous.subpage or 0
        ):
            yield Problem(
                f"Page marker {_page_text(marker)} follows {_page_text(previous)}",
                tokens.page_marker_page(marker), path,
            )
        previous = marker


def _same_cable(banner: Banner, first: Banner) -> bool:
    return (banner.origin, banner.serial) == (first.origin, first.serial) and (
        banner.section is not None and first.section is not None
        and banner.section.total == first.section.total
    )


def _missing_sections(cable: Cable) -> Iterator[Problem]:
    """Sections announced by the first banner that the text does not hold.

    Without page markers the sections of a whole cable run together invisibly, so only a
    cable with markers, or a partial extract, can be said to lack sections.
    """
    found = first_of(cable, Banner)
    if found is None or found[1].section is None:
        return
    path, banner = found
    assert banner.section is not None
    total = banner.section.total
    markers = _own_markers(cable)
    if not markers and not cable.partial:
        return
    # Later sections of the same cable repeat its banner (``SECTION 02 OF 02 VATICAN
    # 003692``); a banner of another post or serial heads a quoted cable.
    sections = [later.section.number for _, later in blocks_of(cable, Banner)
                if later.section is not None and _same_cable(later, banner)]
    held = max([*sections, *(marker.page for _, marker in markers)])
    if held < total:
        yield Problem(
            f"Banner announces {total} sections, but the text holds only "
            f"{'section 1' if held == 1 else f'sections 1 to {held}'}",
            tokens.banner_section(banner), f"{path}.section",
        )


@rule("CM204", "missing-sections-in-extract", Severity.INFO,
      "A partial extract holds fewer sections than its banner announces.")
def _missing_sections_in_extract(cable: Cable) -> Iterator[Problem]:
    if cable.partial:
        yield from _missing_sections(cable)


@rule("CM205", "missing-sections", Severity.WARNING,
      "A cable (not a partial extract) holds fewer sections than its banner announces.")
def _missing_sections_in_cable(cable: Cable) -> Iterator[Problem]:
    if not cable.partial:
        yield from _missing_sections(cable)


def _banner_key(banner: Banner) -> tuple[object, ...]:
    return (banner.level, banner.section, banner.origin, banner.serial)


@rule("CM206", "duplicated-preamble", Severity.INFO,
      "The banner and header lines of the first section occur twice.")
def _duplicated_preamble(cable: Cable) -> Iterator[Problem]:
    banners = list(blocks_of(cable, Banner))
    seen: set[tuple[object, ...]] = set()
    for path, banner in banners:
        key = _banner_key(banner)
        if key in seen and banner.serial is not None:
            yield Problem(
                f"The preamble of banner {banner.origin} "
                f"{str(banner.serial).zfill(banner.serial_digits)} is repeated",
                banner.span, path,
            )
        seen.add(key)
