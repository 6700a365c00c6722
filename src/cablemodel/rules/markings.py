"""CM4xx markings: banner, captions, portion markings and the Classified By line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from ..facts import is_classified
from ..model import (
    Banner,
    Cable,
    CaptionLine,
    ClassifiedBy,
    Level,
    Paragraph,
    PortionLevel,
    Reason,
    Ref,
    RefWord,
    Span,
)
from . import Example, Problem, Severity, rule
from . import _tokens as tokens
from ._common import (
    blocks_of,
    caption_names,
    created_date,
    first_of,
    loose_lines,
    pieces_of,
)
from .declassification import ORIGINAL_12958

_CLASSIFICATION_PATH = "$.publisher.classification"
# Reason letters of E.O. 12958 §1.5 (a-g) and of E.O. 12958 as amended / E.O. 13526 §1.4 (a-h).
REASON_LETTERS = {"1.5": "abcdefg", "1.4": "abcdefgh"}
AMENDMENT_13292 = date(2003, 3, 25)
SBU_REPLACED_LOU = date(1995, 10, 1)


@rule("CM401", "banner-level-mismatch", Severity.WARNING,
      "The first banner's level differs from the publisher's classification.",
      checks="""The first banner's level against the level of the publisher's
      classification.""",
      why="""The banner is the overall classification of the telegram, which the publisher
      copied; relayed cables carry another post's banner, hence a warning.""",
      sources=(
          "E.O. 12958 §1.7(a) (overall marking)",
          "docs/format.md: Preamble, Exceptions found over the corpus",
      ),
      fix="""Correct the publisher's classification or the banner; for a relayed cable
      check the relaying post's banner.""",
      example=Example("08LAPAZ751", 39, "S E C R E T BOGOTA 004036", "S E C R E T",
                      "Banner level SECRET differs from the publisher's classification "
                      "CONFIDENTIAL"),
)
def _banner_level_mismatch(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, Banner)
    level = cable.classification.level
    if found is None or level is None:
        return
    path, banner = found
    if banner.level is not level:
        yield Problem(
            f"Banner level {banner.level.value} differs from the publisher's classification "
            f"{cable.classification}",
            tokens.banner_level(banner), f"{path}.level",
        )


def _caption_consistency(cable: Cable, captions: tuple[str, ...], caveat: str,
                         has_caveat: bool) -> Iterator[Problem]:
    present = caption_names(cable)
    written = next((caption for caption in captions if caption in present), None)
    classification = cable.publisher.classification
    if written is not None and not has_caveat:
        yield Problem(
            f"The cable carries the caption {written}, but the publisher's classification "
            f"{classification} lacks //{caveat}",
            classification.span, _CLASSIFICATION_PATH,
        )
    elif written is None and has_caveat:
        yield Problem(
            f"The publisher's classification {classification} has //{caveat}, but the cable "
            f"carries no {captions[0]} caption",
            classification.span, _CLASSIFICATION_PATH,
        )


@rule("CM402", "noforn-caption-mismatch", Severity.WARNING,
      "A NOFORN caption if and only if the publisher's classification ends in //NOFORN.",
      checks="""The publisher adds //NOFORN exactly when the cable carries a NOFORN
      caption, on a caption line or after the banner's serial.""",
      why="""NOFORN (not releasable to foreign nationals) is a dissemination control that
      travels with the cable; the publisher's marking and the caption must agree.""",
      sources=("12 FAM 500 (dissemination controls)", "docs/format.md: Preamble, Loose lines"),
      fix="""Add //NOFORN to the classification, or the NOFORN caption to the cable.""",
      example=Example("10STATE369", 7, "SECRET", "SECRET",
                      "The cable carries the caption NOFORN, but the publisher's "
                      "classification SECRET lacks //NOFORN"),
)
def _noforn_caption_mismatch(cable: Cable) -> Iterator[Problem]:
    yield from _caption_consistency(cable, ("NOFORN",), "NOFORN", cable.classification.noforn)


@rule("CM403", "sensitive-caption-mismatch", Severity.WARNING,
      "An unclassified cable has a SENSITIVE caption if and only if the publisher's "
      "classification ends in //FOR OFFICIAL USE ONLY.",
      checks="""An unclassified cable with the SENSITIVE (SBU) caption is published as
      UNCLASSIFIED//FOR OFFICIAL USE ONLY, and only such a cable. Classified cables are
      not checked (the publisher gives them no such caveat).""",
      why="""Sensitive but unclassified information is marked by the SENSITIVE caption;
      the publisher's caveat says the same.""",
      sources=("5 FAH-1 H-240 (SBU telegrams)", "docs/format.md: Preamble, Loose lines"),
      fix="""Add the SENSITIVE caption after the other captions, or drop the caveat from the
      classification.""",
      example=Example("05LIMA3609", 7, "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
                      "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
                      "The publisher's classification UNCLASSIFIED//FOR OFFICIAL USE ONLY has "
                      "//FOR OFFICIAL USE ONLY, but the cable carries no SENSITIVE caption"),
)
def _sensitive_caption_mismatch(cable: Cable) -> Iterator[Problem]:
    level = cable.classification.level
    # SBU is a marking of unclassified cables; the publisher gives classified ones no caveat.
    if level is not None and not level.is_classified:
        yield from _caption_consistency(
            cable, ("SENSITIVE", "SENSITIVE BUT UNCLASSIFIED"), "FOR OFFICIAL USE ONLY",
            cable.classification.for_official_use_only,
        )


def _marked_paragraphs(cable: Cable) -> Iterator[tuple[str, Paragraph]]:
    for path, paragraph in blocks_of(cable, Paragraph):
        if paragraph.marking is not None:
            yield path, paragraph


@rule("CM404", "portion-above-banner", Severity.ERROR,
      "A paragraph is marked at a classified level higher than the cable's overall level.",
      checks="""No paragraph is marked at a classified level above the banner in force
      (the last banner before it; the publisher's level when there is none). SBU and LOU
      portions are unclassified and never overreach.""",
      why="""The overall marking is the highest level of any portion: a SECRET paragraph in
      a CONFIDENTIAL cable is under-classified.""",
      sources=("E.O. 12958 §1.7 (markings)", "32 CFR 2001.21 (portion marking)",
               "the orders' dates (docs/rules.md, Declassification)"),
      fix="""Raise the banner (and the publisher's classification) to the highest portion,
      or correct the portion marking.""",
      example=Example("09DAMASCUS179", 312,
                      "14. (S) Senator Tom Udall asked what message Asad wanted the", "(S)",
                      "Paragraph 14 is marked (S), above the banner level CONFIDENTIAL"),
)
def _portion_above_banner(cable: Cable) -> Iterator[Problem]:
    # The banner in force is the last one before the paragraph: texts may quote or carry
    # the record of another cable under its own banner.
    governing: Banner | None = None
    for index, block in enumerate(cable.blocks):
        if isinstance(block, Banner):
            governing = block
        if not isinstance(block, Paragraph) or block.marking is None:
            continue
        overall = governing.level if governing is not None else cable.classification.level
        if overall is None:
            continue
        source = "banner" if governing is not None else "publisher's classification"
        marking = block.marking
        # SBU and LOU portions are unclassified; only classified portions can overreach.
        if marking.level.rank >= Level.CONFIDENTIAL.rank and marking.level.rank > overall.rank:
            yield Problem(
                f"Paragraph {block.number} is marked {marking}, above the {source} level "
                f"{overall.value}",
                tokens.paragraph_marking(block), f"$.blocks[{index}].marking",
            )


@rule("CM405", "noforn-portion-without-noforn", Severity.WARNING,
      "A NOFORN portion in a cable that is not NOFORN.",
      checks="""A paragraph marked NOFORN (/NF, //NF, /N, /NOFORN) makes the cable NOFORN,
      by the publisher's classification or a caption. Reported once per cable.""",
      why="""A NOFORN portion cannot be released to foreign nationals, so neither can the
      cable that holds it.""",
      sources=("12 FAM 500 (dissemination controls)", "docs/format.md: Loose lines, Body"),
      fix="""Mark the cable NOFORN (caption and classification), or correct the portion
      marking.""",
      example=Example("09BUJUMBURA302", 40, "2.(S/NF) Details of the incident follow:",
                      "(S/NF)",
                      "Paragraph 2 is marked (S/NF), but the cable (SECRET) is not NOFORN"),
)
def _noforn_portion_without_noforn(cable: Cable) -> Iterator[Problem]:
    if cable.classification.noforn or "NOFORN" in caption_names(cable):
        return
    for path, paragraph in _marked_paragraphs(cable):
        marking = paragraph.marking
        assert marking is not None
        if marking.noforn:
            yield Problem(
                f"Paragraph {paragraph.number} is marked {marking}, but the cable "
                f"({cable.classification}) is not NOFORN",
                tokens.paragraph_marking(paragraph), f"{path}.marking",
            )
            return  # one is enough: the cable's marking is what is wrong


def _has_classified_by(cable: Cable) -> bool:
    """A Classified By block, or the words run into a REF line or paragraph 1 (1990s style:
    ``1. (U) CLASSIFIED BY ...``), where the grammar does not make a block of them."""
    if cable.classified_by is not None:
        return True
    texts = [piece.text for ref in blocks_of(cable, Ref) for piece in ref[1].all_pieces()
             if isinstance(piece, RefWord)]
    texts.extend(paragraph.text for paragraph in cable.paragraphs[:1])
    return any("CLASSIFIED BY" in " ".join(text.upper().split()) for text in texts)


@rule("CM406", "missing-classified-by", Severity.WARNING,
      "A classified cable has no Classified By line.",
      checks="""A classified telegram names its classifier and the reason. A CLASSIFIED BY
      run into a REF line or into paragraph 1 (1990s style) counts.""",
      why="""The classification authority and the reason must be stated on every
      classified document.""",
      sources=("E.O. 12958 §1.7(a)(2), (a)(4)", "5 FAH-1 H-240 (Classified By line)",
               "docs/format.md: Preamble; the orders' dates (docs/rules.md, Declassification)"),
      fix="""Add the line Classified By: <name, title> for reasons 1.4 (x).""",
      example=Example("7575LIBREVILLE1895", 7, "CONFIDENTIAL", "CONFIDENTIAL",
                      "The CONFIDENTIAL cable has no Classified By line"),
)
def _missing_classified_by(cable: Cable) -> Iterator[Problem]:
    if is_classified(cable) and not _has_classified_by(cable):
        yield Problem(
            f"The {cable.classification} cable has no Classified By line",
            cable.publisher.classification.span, _CLASSIFICATION_PATH,
        )


def _reasons(cable: Cable) -> Iterator[tuple[Reason, Span | None, str]]:
    """The reasons of the first Classified By block with their spans and model paths."""
    found = first_of(cable, ClassifiedBy)
    if found is None:
        return
    yield from pieces_of(found[0], found[1], Reason)


@rule("CM407", "invalid-reason", Severity.WARNING,
      "A classification reason names a section other than 1.4 or 1.5, or a letter outside "
      "1.4 (a)-(h) or 1.5 (a)-(g).",
      checks="""Reasons cite section 1.4 (a)-(h) (E.O. 12958 as amended, E.O. 13526) or
      1.5 (a)-(g) (original E.O. 12958); other sections or letters are wrong.""",
      why="""Information may be classified only for the categories the order lists; a
      reason outside them names no category.""",
      sources=("E.O. 12958 §1.5 (1995)", "E.O. 12958 as amended §1.4", "E.O. 13526 §1.4",
               "docs/format.md: Preamble; the orders' dates (docs/rules.md, Declassification)"),
      fix="""Cite the section and letters of the category, e.g. 1.4 (b) and (d).""",
      example=Example("09BAKU30", 45, "Classified By: CA Don Lu, Reasons 1.2 (b,d)",
                      "1.2 (b,d)", "Reason section 1.2 is neither 1.4 nor 1.5"),
)
def _invalid_reason(cable: Cable) -> Iterator[Problem]:
    for reason, span, path in _reasons(cable):
        valid = REASON_LETTERS.get(reason.section)
        if valid is None:
            yield Problem(f"Reason section {reason.section} is neither 1.4 nor 1.5", span, path)
            continue
        wrong = [letter for letter in reason.letters if letter not in valid]
        if wrong:
            yield Problem(
                f"Reason {reason.section} has letter{'s' if len(wrong) > 1 else ''} "
                f"{', '.join(f'({letter})' for letter in wrong)}; section {reason.section} has "
                f"only (a) to ({valid[-1]})",
                span, path,
            )


@rule("CM408", "reason-section-date-mismatch", Severity.WARNING,
      "Reasons are 1.5 under the original E.O. 12958 and 1.4 from its amendment on 25 Mar 2003.",
      checks="""Reasons are section 1.5 from 14 Oct 1995 to 24 Mar 2003 and 1.4 from the
      amendment of 25 Mar 2003. Cables before 14 Oct 1995 are not checked.""",
      why="""E.O. 13292 renumbered the categories from 1.5 to 1.4; drafters kept writing
      1.5 for years, hence a warning.""",
      sources=("E.O. 13292 (25 Mar 2003)", "the orders' dates (docs/rules.md, Declassification)"),
      fix="""Cite the section in force on the cable's date (1.4 from 25 Mar 2003).""",
      example=Example("03THEHAGUE2843", 27, "reasons 1.5 (B) (D)", "1.5 (B) (D)",
                      "Reason section 1.5 does not fit the creation date 2003-11-13; the "
                      "section then was 1.4"),
)
def _reason_section_date_mismatch(cable: Cable) -> Iterator[Problem]:
    created = created_date(cable)
    expected = "1.4" if created >= AMENDMENT_13292 else "1.5"
    if created < ORIGINAL_12958[0]:
        return  # E.O. 12356 reasons are §1.3; not checked
    for reason, span, path in _reasons(cable):
        if reason.section in REASON_LETTERS and reason.section != expected:
            yield Problem(
                f"Reason section {reason.section} does not fit the creation date "
                f"{created.isoformat()}; the section then was {expected}",
                span, path,
            )


@rule("CM409", "unclassified-with-classified-by", Severity.WARNING,
      "An unclassified cable carries a Classified By line.",
      checks="""An unclassified cable carries no Classified By line.""",
      why="""Unclassified telegrams have no classification authority; the line suggests
      that the classification was lost.""",
      sources=("5 FAH-1 H-240", "the orders' dates (docs/rules.md, Declassification)"),
      fix="""Remove the Classified By line, or restore the classification.""",
      example=Example("05LIMA3609", 18,
                      "Classified By: Ambassador J. Curtis Struble. Reason: 1.4 (b,d)",
                      "Classified By:",
                      "The UNCLASSIFIED//FOR OFFICIAL USE ONLY cable carries a Classified By "
                      "line"),
)
def _unclassified_with_classified_by(cable: Cable) -> Iterator[Problem]:
    level = cable.classification.level
    found = first_of(cable, ClassifiedBy)
    if level is None or level.is_classified or found is None:
        return
    yield Problem(
        f"The {cable.classification} cable carries a Classified By line",
        tokens.label(found[1]), found[0],
    )


@rule("CM410", "limited-official-use-after-1995", Severity.WARNING,
      "LIMITED OFFICIAL USE was replaced by SBU on 1 Oct 1995.",
      checks="""A LIMITED OFFICIAL USE banner or (LOU) portion on a cable created on or
      after 1 Oct 1995.""",
      why="""The Department replaced LIMITED OFFICIAL USE with SENSITIVE BUT UNCLASSIFIED
      on 1 Oct 1995.""",
      sources=("12 FAM 540 (SBU)", "the orders' dates (docs/rules.md, Declassification)"),
      fix="""Mark the cable SBU (UNCLAS with the SENSITIVE caption, (SBU) portions).""",
      example=Example("05PARIS3759", 16,
                      "LIMITED OFFICIAL USE SECTION 01 OF 02 PARIS 003759 ",
                      "LIMITED OFFICIAL USE",
                      "Banner is LIMITED OFFICIAL USE on 2005-05-31, after its replacement by "
                      "SBU on 1995-10-01",
                      change=("C O N F I D E N T I A L SECTION", "LIMITED OFFICIAL USE SECTION")),
)
def _limited_official_use_after_1995(cable: Cable) -> Iterator[Problem]:
    created = created_date(cable)
    if created < SBU_REPLACED_LOU:
        return
    for path, banner in blocks_of(cable, Banner):
        if banner.level is Level.LIMITED_OFFICIAL_USE:
            yield Problem(
                f"Banner is LIMITED OFFICIAL USE on {created.isoformat()}, after its "
                f"replacement by SBU on 1995-10-01",
                tokens.banner_level(banner), f"{path}.level",
            )
    for path, paragraph in _marked_paragraphs(cable):
        assert paragraph.marking is not None
        if paragraph.marking.level is PortionLevel.LOU:
            yield Problem(
                f"Paragraph {paragraph.number} is marked {paragraph.marking} on "
                f"{created.isoformat()}, after the replacement of LOU by SBU on 1995-10-01",
                tokens.paragraph_marking(paragraph), f"{path}.marking",
            )


@rule("CM411", "unmarked-paragraph", Severity.WARNING,
      "A numbered paragraph of a classified cable has no portion marking.",
      checks="""Every numbered paragraph of a classified telegram carries a portion
      marking: (U), (C), (S), (TS), (SBU) ...""",
      why="""Portion marking tells the reader which parts are classified and at what
      level; the handbook puts it right after the paragraph number.""",
      sources=(
          "E.O. 12958 §1.7(c)",
          "5 FAH-1 H-246.2",
          "docs/format.md: Body; the orders' dates (docs/rules.md, Declassification)",
      ),
      fix="""Add the marking after the number: 1. (C) ...""",
      example=Example("7575LIBREVILLE1895", 31,
                      "1. PRESIDENT BONGO HAS JUST PERSONALLY ASSURED ME THAT", "1.",
                      "Paragraph 1 of the CONFIDENTIAL cable has no portion marking"),
)
def _unmarked_paragraph(cable: Cable) -> Iterator[Problem]:
    if not is_classified(cable):
        return
    for path, paragraph in blocks_of(cable, Paragraph):
        if paragraph.marking is None:
            yield Problem(
                f"Paragraph {paragraph.number} of the {cable.classification} cable has no "
                f"portion marking",
                tokens.paragraph_number(paragraph), f"{path}.marking",
            )


@rule("CM412", "sipdis-with-nodis-exdis", Severity.WARNING,
      "SIPDIS must not be combined with NODIS or EXDIS.",
      checks="""SIPDIS is not combined with NODIS or EXDIS.""",
      why="""SIPDIS puts a cable on SIPRNet for wide distribution; NODIS and EXDIS restrict
      its distribution. The two cannot hold at once.""",
      sources=("5 FAH-1 H-240 (captions)", "docs/format.md: Loose lines"),
      fix="""Remove SIPDIS from a NODIS or EXDIS cable (or the restriction, if it was
      wrong).""",
      example=Example("05PARIS3759", 18, "NODIS", "NODIS",
                      "The cable carries both SIPDIS and NODIS",
                      change=("\nSIPDIS\n", "\nNODIS\nSIPDIS\n")),
)
def _sipdis_with_nodis_exdis(cable: Cable) -> Iterator[Problem]:
    captions = caption_names(cable)
    if "SIPDIS" not in captions:
        return
    for caption in ("NODIS", "EXDIS"):
        if caption in captions:
            span, path = _caption_place(cable, caption)
            yield Problem(f"The cable carries both SIPDIS and {caption}", span, path)


def _caption_place(cable: Cable, caption: str) -> tuple[Span | None, str]:
    """The caption line that carries ``caption``, else the first banner (``… NODIS SIPDIS``)."""
    for path, line in loose_lines(cable, CaptionLine):
        if any(written.value == caption for written in line.captions):
            return tokens.caption(line, caption), path
    found = first_of(cable, Banner)
    return (found[1].span, found[0]) if found else (cable.publisher.span, "$.publisher")
