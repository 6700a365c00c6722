"""render(): built from the parts; a model made in code takes the seed's layout."""

from __future__ import annotations

from datetime import date, datetime

import attrs

import cablemodel
from cablemodel.model import (
    Banner,
    BlankLine,
    Cable,
    CableRef,
    Caption,
    CaptionEntry,
    CaptionLine,
    Classification,
    ClassifiedBy,
    ClassifiedWord,
    DeclassifyOn,
    EoLine,
    Level,
    Paragraph,
    PartialNotice,
    Portion,
    PortionLevel,
    Prose,
    Publisher,
    PublisherTag,
    Reason,
    ReasonLetter,
    ReasonSeparator,
    ReasonWord,
    Ref,
    ReferenceId,
    Section,
    Signature,
    Subject,
    TagEntry,
    TagsLine,
    TextLine,
)

NBSP = "\xa0"


def _built_in_code() -> Cable:
    blank = BlankLine()
    publisher = Publisher(
        reference_id=ReferenceId(year=2005, origin="PARIS", serial=3759),
        created=datetime(2005, 5, 31, 15, 15),
        classification=Classification(Level.CONFIDENTIAL),
        origin="Embassy Paris",
        title="MTCR POC MEETING",
        tags=(PublisherTag("FR"), PublisherTag("PARM")),
    )
    blocks = (
        PartialNotice(),
        Banner(
            Level.CONFIDENTIAL,
            section=Section(1, 2),
            origin="PARIS",
            serial=3759,
            tail=(blank, CaptionLine((CaptionEntry(Caption.SIPDIS),)), blank),
        ),
        EoLine(12958, DeclassifyOn(date(2015, 5, 31))),
        TagsLine((TagEntry("FR"), TagEntry("PARM"))),
        Subject("MTCR POC MEETING (C)", tail=(blank,)),
        Ref((CableRef("SECSTATE", 96519),), tail=(blank,)),
        ClassifiedBy(
            (
                ClassifiedWord(" EST COUNSELOR DRY"),
                ReasonWord(" FOR REASONS"),
                Reason(
                    "1.4",
                    (
                        ReasonSeparator(","),
                        ReasonLetter("B"),
                        ReasonSeparator(","),
                        ReasonLetter("D"),
                    ),
                ),
            ),
            tail=(blank, blank),
        ),
        Paragraph(
            1,
            Portion(PortionLevel.C),
            (Prose(" EST Counselor participated."),),
            tail=(blank, blank),
        ),
        Signature("WOLFF"),
    )
    return Cable(publisher, blocks)


EXPECTED = (
    "Identifier\nCreated\nClassification\nOrigin\n05PARIS3759\n2005-05-31 15:15:00\n"
    "CONFIDENTIAL\nEmbassy Paris\n"
    f"Cable title:{NBSP}{NBSP}\n\nMTCR POC MEETING\n\n"
    f"Tags:{NBSP}{NBSP}FR{NBSP}PARM{NBSP}\npdf{NBSP}how-to read a cable\n"
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available.\n"
    "C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759\n\nSIPDIS\n\n"
    "E.O. 12958: DECL: 05/31/2015\n"
    "TAGS: FR PARM\n"
    "SUBJECT: MTCR POC MEETING (C)\n\n"
    "REF: SECSTATE 96519\n\n"
    "Classified By: EST COUNSELOR DRY FOR REASONS 1.4, B, D\n\n\n"
    "1. (C) EST Counselor participated.\n\n\n"
    "WOLFF"
)


def test_model_built_in_code_takes_the_seed_layout() -> None:
    assert cablemodel.render(_built_in_code()) == EXPECTED


def test_model_built_in_code_parses_back_equal() -> None:
    cable = _built_in_code()

    assert cablemodel.parse(cablemodel.render(cable)) == cable


def test_editing_one_field_changes_exactly_that_part(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)
    eo = cable.eo
    assert eo is not None
    index = cable.blocks.index(eo)
    later = attrs.evolve(eo, instruction=DeclassifyOn(date(2016, 6, 30)))
    edited = attrs.evolve(cable, blocks=(*cable.blocks[:index], later, *cable.blocks[index + 1 :]))

    text = cablemodel.render(edited)

    assert text == seed_text.replace("DECL: 05/31/2015", "DECL: 06/30/2016", 1)


def test_editing_the_signature(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)
    signature = cable.blocks[-1]
    assert isinstance(signature, Signature)
    edited = attrs.evolve(
        cable, blocks=(*cable.blocks[:-1], attrs.evolve(signature, name="STAPLETON"))
    )

    assert cablemodel.render(edited) == seed_text[: -len("WOLFF")] + "STAPLETON"


def test_positions_take_no_part_in_equality(seed_text: str) -> None:
    cable = cablemodel.parse(seed_text)
    moved = cablemodel.parse(seed_text.replace("SIPDIS\n\nFOR NP", "SIPDIS\n\n\nFOR NP", 1))

    assert moved.paragraphs == cable.paragraphs
    assert moved.paragraphs[0].span != cable.paragraphs[0].span


def test_line_endings_and_byte_order_mark_are_kept(seed_text: str) -> None:
    for text in (
        seed_text.replace("\n", "\r\n"),
        seed_text.replace("\n", "\r"),
        "\ufeff" + seed_text,
        seed_text + "\n",
    ):
        cable = cablemodel.parse(text)

        assert cablemodel.render(cable) == text
        assert cable.paragraphs == cablemodel.parse(seed_text).paragraphs


def test_text_lines_keep_their_markers(seed_text: str) -> None:
    cable = cablemodel.parse(
        seed_text.replace("contained in reftel.", "contained in reftel. End Summary.")
    )
    first = cable.paragraphs[0]
    line = first.tail[2]

    assert isinstance(line, TextLine)
    assert [type(part).__name__ for part in line.parts] == ["Prose", "Marker", "Prose"]
    assert [(m.boundary.value, m.topic.value) for m in first.markers] == [("end", "summary")]
