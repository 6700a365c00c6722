"""CM2xx sections: SECTION NN OF MM in the banner, page markers, duplicated preambles."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Banner, Cable, PageMarker
from . import Example, Problem, Severity, rule
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
      "SECTION NN OF MM needs 1 <= NN <= MM.",
      checks="""SECTION NN OF MM on every banner numbers the sections of one cable:
      1 <= NN <= MM.""",
      why="""A section beyond the total, or section 0, cannot exist: the clause is
      mistyped.""",
      sources=("docs/format.md: Preamble: SECTION NN OF MM",),
      fix="""Correct the section number or the total on the banner.""",
      example=Example("05PARIS3759", 16,
                      "C O N F I D E N T I A L SECTION 03 OF 02 PARIS 003759 ",
                      "SECTION 03 OF 02",
                      "Banner says SECTION 03 OF 02; the section number must lie between 1 "
                      "and 2", change=("SECTION 01 OF 02", "SECTION 03 OF 02")),
)
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
      "A page marker's total differs from the MM of the banner's SECTION NN OF MM.",
      checks="""A page marker's total (002 OF 002) equals the MM of the first banner's
      SECTION NN OF MM. Only markers with the cable's own serial are compared.""",
      why="""Banner and markers count the same sections; a different total means one of
      them is wrong, or pages of another cable were mixed in.""",
      sources=("docs/format.md: Preamble: page markers",),
      fix="""Correct the total of the marker or of the banner.""",
      example=Example("06ANKARA4456", 130, "ANKARA 00004456  002 OF 003", "003",
                      "Page marker 002 OF 003 gives 3 sections, but the banner says 2",
                      change=("ANKARA 00004456  002 OF 002", "ANKARA 00004456  002 OF 003")),
)
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
      "Page markers go backwards or name a page beyond their total.",
      checks="""Page markers (and their .d sub-pages) do not go backwards, and no page
      lies beyond its total.""",
      why="""The markers number the pages in the order they were printed; a page that goes
      backwards means pages were moved or mistyped.""",
      sources=("docs/format.md: Preamble: page markers",),
      fix="""Correct the page number of the marker, or restore the order of the pages.""",
      example=Example("06ANKARA4456", 130, "ANKARA 00004456  003 OF 002", "003 OF 002",
                      "Page marker 003 OF 002 names a page beyond its total",
                      change=("ANKARA 00004456  002 OF 002", "ANKARA 00004456  003 OF 002")),
)
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
      "A partial extract holds fewer sections than its banner announces.",
      checks="""A partial extract holds fewer sections than its banner announces: the
      highest NN of the cable's own banners (the first, and those that head later sections
      between paragraphs) and of its page markers is below MM.""",
      why="""The publisher released only part of these cables; the finding says how much is
      missing. Expected for extracts, so only worth knowing.""",
      sources=("docs/format.md: Publisher, Preamble: partial extracts",),
      fix="""Nothing to fix in an extract. When the missing sections are found, add them;
      otherwise ignore CM204 (it is information).""",
      example=Example("05PARIS3759", 16,
                      "C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759 ",
                      "SECTION 01 OF 02",
                      "Banner announces 2 sections, but the text holds only section 1"),
)
def _missing_sections_in_extract(cable: Cable) -> Iterator[Problem]:
    if cable.partial:
        yield from _missing_sections(cable)


@rule("CM205", "missing-sections", Severity.WARNING,
      "A cable (not a partial extract) holds fewer sections than its banner announces.",
      checks="""The same as CM204 for a whole cable (not a partial extract). Without page
      markers the sections of a whole cable run together invisibly, so a whole cable is
      only checked when it has markers.""",
      why="""A whole cable that lacks announced sections lost text when it was published or
      copied.""",
      sources=(
          "docs/format.md: Preamble, Exceptions found over the corpus: sections and page markers",
      ),
      fix="""Restore the missing sections from another copy of the cable, or correct the
      banner's total.""",
      example=Example("06TOKYO1363", 43, "UNCLAS SECTION 01 OF 09 TOKYO 001363",
                      "SECTION 01 OF 09",
                      "Banner announces 9 sections, but the text holds only sections 1 to 6"),
)
def _missing_sections_in_cable(cable: Cable) -> Iterator[Problem]:
    if not cable.partial:
        yield from _missing_sections(cable)


def _banner_key(banner: Banner) -> tuple[object, ...]:
    return (banner.level, banner.section, banner.origin, banner.serial)


@rule("CM206", "duplicated-preamble", Severity.INFO,
      "The banner and header lines of the first section occur twice.",
      checks="""Banners with the same level, section, post and serial: the banner and the
      header lines of a section occur twice.""",
      why="""Partial extracts often repeat the preamble of section 1; worth knowing when
      counting or quoting header lines.""",
      sources=("docs/format.md: Publisher, Preamble: the repeated preamble",),
      fix="""Nothing to fix in a published extract. In a copy of your own, delete the
      repeated preamble.""",
      example=Example("05PARIS3759", 31,
                      "C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759",
                      "C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759",
                      "The preamble of banner PARIS 003759 is repeated"),
)
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
