"""The reference cable 05PARIS3759, field by field."""

from __future__ import annotations

from datetime import date, datetime

import cablemodel
from cablemodel.model import (
    Caption,
    DeclassifyOn,
    Level,
    PortionLevel,
)


def test_publisher_fields(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)

    assert cable.reference_id == "05PARIS3759"
    assert cable.publisher.reference_id.year == 2005
    assert cable.publisher.reference_id.origin == "PARIS"
    assert cable.publisher.reference_id.serial == 3759
    assert cable.created == datetime(2005, 5, 31, 15, 15)
    assert str(cable.classification) == "CONFIDENTIAL"
    assert cable.classification.level is Level.CONFIDENTIAL
    assert cable.origin == "Embassy Paris"
    assert cable.title == "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): MAY 26,"
    assert cable.tags == ("FR", "KSCA", "PARM", "PREL", "MNUC", "TSPA", "ETTC")
    assert cable.partial is True


def test_banner_captions_and_passing_line(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)
    banner = cable.banner
    assert banner is not None

    assert banner.level is Level.CONFIDENTIAL
    assert banner.spelling is None  # the canonical spaced spelling
    assert banner.section is not None
    assert (banner.section.number, banner.section.total) == (1, 2)
    assert (banner.origin, banner.serial) == ("PARIS", 3759)
    assert banner.rest == " "  # the first banner line ends with a blank
    assert cable.captions == (Caption.SIPDIS, Caption.SIPDIS)  # the preamble is there twice
    assert cable.passing_lines == ("FOR NP/CBM", "FOR NP/CBM")
    assert len(cable.banners) == 2


def test_eo_tags_subject_ref_classified_by(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)
    eo = cable.eo
    assert eo is not None
    classified = cable.classified_by
    assert classified is not None
    ref = cable.ref
    assert ref is not None
    assert cable.tags_line is not None

    assert eo.order == 12958
    assert eo.instruction == DeclassifyOn(date(2015, 5, 31))
    assert cable.tags_line.tags == ("FR", "KSCA", "PARM", "PREL", "MNUC", "TSPA", "ETTC")
    assert (
        cable.subject
        == "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): MAY 26, 2005 PARIS POC MEETING (C)"
    )
    assert [(c.year, c.origin, c.serial) for c in ref.cables] == [(None, "SECSTATE", 96519)]
    assert ref.letters == ()
    assert [(r.section, r.letters) for r in classified.reasons] == [("1.4", ("b", "d"))]
    assert classified.text == "EST COUNSELOR ROBERT W. DRY FOR REASONS 1.4, B, D"


def test_paragraphs_and_signature(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)

    assert [p.number for p in cable.paragraphs] == [1, 2, 3, 4, 5, 6, 7]
    assert all(
        p.marking is not None and p.marking.level is PortionLevel.C for p in cable.paragraphs
    )
    assert {str(p.marking) for p in cable.paragraphs} == {"(C)"}
    assert cable.paragraphs[0].text == (
        "EST Counselor participated in the May 26 MTCR Points-of-Contact (POC) meeting held "
        "at the South Korean Embassy in Paris and delivered the substance of points contained "
        "in reftel."
    )
    # The stray SIPDIS line inside paragraph 2 stays in its place.
    second = cable.paragraphs[1]
    kinds = [type(line).__name__ for line in second.tail[:5]]
    assert kinds == ["TextLine", "TextLine", "BlankLine", "CaptionLine", "TextLine"]
    assert "of the Reinforced Points-of-Contact meeting held in Paris" in second.text
    assert cable.signature is not None
    assert cable.signature.name == "WOLFF"
    assert cable.final_newline is False


def test_positions(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)
    banner = cable.banner
    assert banner is not None
    assert banner.span is not None
    first = cable.paragraphs[0]
    assert first.span is not None

    assert (banner.span.line, banner.span.column) == (16, 1)
    assert (first.span.line, first.span.column) == (47, 1)
    assert cable.signature is not None
    assert cable.signature.span is not None
    assert cable.signature.span.line == seed_text.count("\n") + 1


def test_lossless(seed_text: str) -> None:
    assert cablemodel.render(cablemodel.parse(seed_text)) == seed_text
