"""Property tests over the public strategies: round trips, validity, targeted mutations.

The number of examples comes from the Hypothesis profile chosen in conftest.py
(CABLEMODEL_HYPOTHESIS_PROFILE=ci by default, "long" for a thorough run).
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from attrs import evolve
from hypothesis import assume, given
from hypothesis import strategies as st

import cablemodel
from cablemodel.model import (
    Banner,
    Block,
    Cable,
    CableRef,
    Caption,
    CaptionEntry,
    CaptionLine,
    ClassifiedBy,
    ClassifiedWord,
    DeclassifyOn,
    EoLine,
    Level,
    Paragraph,
    Portion,
    PortionCaveat,
    PortionLevel,
    Ref,
)
from cablemodel.rules import (
    RULES,
    Severity,
    _families,  # noqa: F401  (registers every rule in RULES)
    validate,
)
from cablemodel.strategies import STATIONS, cable_texts, cables

CLASSIFIED = (Level.CONFIDENTIAL, Level.SECRET, Level.TOP_SECRET)


def codes(cable: Cable) -> set[str]:
    return {finding.code for finding in validate(cable)}


def code_of(name: str) -> str:
    """The code of the rule registered under ``name``; skip while it does not exist."""
    by_name = {registered.name: registered.code for registered in RULES.values()}
    if name not in by_name:
        pytest.skip(f"no rule named {name!r} is registered")
    return by_name[name]


def replace_block(cable: Cable, old: Block, new: Block) -> Cable:
    blocks = tuple(new if block is old else block for block in cable.blocks)
    return evolve(cable, blocks=blocks)


# ------------------------------------------------------------------- round trips


@given(cables())
def test_parse_of_render_gives_the_model_back(cable: Cable) -> None:
    assert cablemodel.parse(cablemodel.render(cable)) == cable


@given(cable_texts())
def test_generated_text_renders_back_byte_for_byte(text: str) -> None:
    assert cablemodel.render(cablemodel.parse(text)) == text


@given(cables())
def test_json_round_trip_gives_the_model_back(cable: Cable) -> None:
    to_json = getattr(cablemodel, "to_json", None)
    from_json = getattr(cablemodel, "from_json", None)
    if to_json is None or from_json is None:
        pytest.skip("cablemodel.to_json/from_json do not exist yet")
    assert from_json(to_json(cable)) == cable


# ----------------------------------------------------------------- consistency


@given(cables())
def test_a_consistent_cable_has_no_error_and_no_warning(cable: Cable) -> None:
    found = [f for f in validate(cable) if f.severity is not Severity.INFO]
    assert found == []


@given(cables(levels=CLASSIFIED), st.integers(1, 3650))
def test_a_decl_date_before_creation_is_declassify_before_created(cable: Cable, days: int) -> None:
    eo = next(block for block in cable.blocks if isinstance(block, EoLine))
    early = DeclassifyOn(cable.created.date() - timedelta(days=days))
    mutated = replace_block(cable, eo, evolve(eo, instruction=early, decl_label=" DECL:"))
    assert codes(mutated) == {code_of("declassify-before-created")}


@given(
    cables(
        levels=(Level.UNCLASSIFIED, Level.LIMITED_OFFICIAL_USE, Level.CONFIDENTIAL, Level.SECRET)
    ),
    st.data(),
)
def test_a_paragraph_marked_above_the_banner_is_portion_above_banner(
    cable: Cable, data: st.DataObject
) -> None:
    assume(cable.paragraphs)
    banner = cable.banner
    assert banner is not None
    # SBU and LOU portions are unclassified: only a classified portion can overreach.
    higher = [level for level in PortionLevel if level.rank > max(banner.level.rank, 1)]
    level = data.draw(st.sampled_from(higher))
    paragraph = data.draw(st.sampled_from(cable.paragraphs))
    mutated = replace_block(cable, paragraph, evolve(paragraph, marking=Portion(level)))
    assert codes(mutated) == {code_of("portion-above-banner")}


@given(cables(max_sections=4), st.integers(1, 5))
def test_a_section_number_beyond_the_total_is_section_out_of_range(
    cable: Cable, extra: int
) -> None:
    banner = cable.banner
    assert banner is not None
    assume(banner.section is not None)
    assert banner.section is not None
    section = evolve(banner.section, number=banner.section.total + extra)
    mutated = replace_block(cable, banner, evolve(banner, section=section))
    assert codes(mutated) == {code_of("section-out-of-range")}


@given(cables(levels=CLASSIFIED), st.data())
def test_a_noforn_portion_in_a_releasable_cable_is_noforn_portion_without_noforn(
    cable: Cable, data: st.DataObject
) -> None:
    assume(not cable.classification.noforn and cable.paragraphs)
    paragraph = data.draw(st.sampled_from(cable.paragraphs))
    assert paragraph.marking is not None
    caveat = data.draw(st.sampled_from((PortionCaveat.NF, PortionCaveat.NOFORN, PortionCaveat.N)))
    marking = evolve(paragraph.marking, caveats=(caveat,), separators=("//",))
    mutated = replace_block(cable, paragraph, evolve(paragraph, marking=marking))
    assert codes(mutated) == {code_of("noforn-portion-without-noforn")}


@given(cables(max_paragraphs=6))
def test_a_skipped_paragraph_number_is_paragraph_numbering(cable: Cable) -> None:
    assume(len(cable.paragraphs) >= 2)
    last = cable.paragraphs[-1]
    mutated = replace_block(cable, last, evolve(last, number=last.number + 1, number_digits=2))
    assert codes(mutated) == {code_of("paragraph-numbering")}


@given(cables())
def test_a_ref_to_the_cable_itself_is_self_reference(cable: Cable) -> None:
    reference = cable.publisher.reference_id
    station = next(s for s in STATIONS if s.code == reference.origin)
    assert reference.serial is not None
    assert reference.year is not None
    own = CableRef(station.banner_name, reference.serial, year=reference.year)
    ref = cable.ref
    mutated = (
        replace_block(cable, ref, evolve(ref, pieces=(*ref.pieces, own)))
        if ref is not None
        else _with_block_after_subject(cable, Ref((own,)))
    )
    assert codes(mutated) == {code_of("self-reference")}


@given(cables(levels=(Level.UNCLASSIFIED,)))
def test_classified_by_in_an_unclassified_cable_is_unclassified_with_classified_by(
    cable: Cable,
) -> None:
    block = ClassifiedBy((ClassifiedWord(" POLITICAL OFFICER"),))
    assert codes(_with_block_after_subject(cable, block)) == {
        code_of("unclassified-with-classified-by")
    }


@given(cables(), st.sampled_from((Caption.NODIS, Caption.EXDIS)))
def test_sipdis_with_nodis_is_sipdis_with_nodis_exdis(cable: Cable, caption: Caption) -> None:
    banner = cable.banner
    assert banner is not None
    assume(caption not in cable.captions and Caption.SIPDIS not in cable.captions)
    line = CaptionLine((CaptionEntry(caption), CaptionEntry(Caption.SIPDIS, " ")))
    mutated = replace_block(cable, banner, evolve(banner, tail=(*banner.tail, line)))
    assert codes(mutated) == {code_of("sipdis-with-nodis-exdis")}


def _with_block_after_subject(cable: Cable, block: Ref | ClassifiedBy) -> Cable:
    subject = cable.subject_block
    assert subject is not None
    index = cable.blocks.index(subject)
    return evolve(cable, blocks=(*cable.blocks[: index + 1], block, *cable.blocks[index + 1 :]))


# ---------------------------------------------------------------- the strategies


@given(cables(levels=(Level.SECRET,), header="routing", max_sections=1))
def test_cables_honours_its_arguments(cable: Cable) -> None:
    assert cable.classification.level is Level.SECRET
    assert isinstance(cable.banner, Banner)
    assert cable.banner.level is Level.SECRET
    assert not cable.partial
    assert cable.page_markers == ()
    assert any(type(block).__name__ == "DeLine" for block in cable.blocks)


@given(cables(header="partial", max_sections=3))
def test_page_markers_count_up_to_the_section_total(cable: Cable) -> None:
    assert cable.partial
    banner = cable.banner
    assert banner is not None
    total = banner.section.total if banner.section is not None else 1
    assert [marker.page for marker in cable.page_markers] == list(range(2, total + 1))
    assert all(marker.total == total for marker in cable.page_markers)


def test_cables_rejects_impossible_arguments() -> None:
    with pytest.raises(ValueError, match="levels must name at least one level"):
        cables(levels=())
    with pytest.raises(ValueError, match="a cable of several sections needs paragraphs"):
        cables(max_paragraphs=0, max_sections=2)


def test_every_classified_paragraph_is_marked() -> None:
    @given(cables(levels=CLASSIFIED))
    def check(cable: Cable) -> None:
        assert all(isinstance(p, Paragraph) and p.marking is not None for p in cable.paragraphs)

    check()
