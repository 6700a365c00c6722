"""Case is folded in ASCII only: a level, ``SECTION`` or ``Classified By`` spelled with a
letter that Python's Unicode case folding takes for an ASCII one (the dotless i U+0131,
the dotted I U+0130, the long s U+017F, the Kelvin sign U+212A) is prose, not a banner,
section or label. Both engines read it alike and the text renders back unchanged."""

from __future__ import annotations

import re

import pytest

import cablemodel
from cablemodel import model
from cablemodel._parser import parse_text
from cablemodel._parser.build import shared_parser
from tests.helpers import DATA, SEED, read_text

SEED_BANNER = "C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759"
# The letters Python's re folds to ASCII under (?i) (all of them: checked below).
FOLDING = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}


def parsed(text: str) -> cablemodel.Cable:
    cable = cablemodel.parse(text)
    assert cablemodel.render(cable) == text
    assert parse_text(text, engine="lark") == cable
    return cable


def test_these_are_all_the_letters_unicode_folding_takes_for_ascii_ones() -> None:
    ascii_letter = re.compile("(?i:[a-z])").fullmatch
    folding = [chr(code) for code in range(128, 0x110000) if ascii_letter(chr(code))]
    assert {
        character: next(
            letter for letter in "abcdefghijklmnopqrstuvwxyz"
            if re.fullmatch(f"(?i:{letter})", character)
        )
        for character in folding
    } == FOLDING


def test_every_case_insensitive_terminal_folds_ascii_only() -> None:
    inline_flags = re.compile(r"\(\?([aiLmsux]+)(?:-[imsx]+)?[:)]")
    for terminal in shared_parser().terminals:
        pattern = terminal.pattern
        assert "i" not in pattern.flags, terminal.name  # no "..."i literal
        for flags in inline_flags.findall(pattern.value):
            assert "i" not in flags or "a" in flags, (terminal.name, flags)


@pytest.mark.parametrize(
    "spelled",
    [
        "C O N F \u0131 D E N T I A L",
        "C O N F \u0130 D E N T I A L",
        "\u017fECRET",
        "TOP \u017fECRET",
        "UNCLA\u017f",
        "UNCLA\u017fSIFIED",
        "LIMITED OFF\u0131CIAL USE",
    ],
)
def test_a_level_with_a_folding_letter_is_prose_not_a_banner(spelled: str) -> None:
    seed = read_text(SEED)
    line = f"{spelled} SECTION 01 OF 02 PARIS 003759 "
    cable = parsed(seed.replace(SEED_BANNER + " ", line, 1))

    first = cable.blocks[0]
    assert isinstance(first, model.PartialNotice)
    assert first.tail[0] == model.TextLine((model.Prose(line),))
    # only the second, untouched banner is left
    assert len(cable.banners) == 1
    assert cable.banners[0].level is model.Level.CONFIDENTIAL


def test_section_with_a_long_s_is_no_section_clause() -> None:
    seed = read_text(SEED)
    line = "C O N F I D E N T I A L \u017fECTION 01 OF 02 PARIS 003759 "
    cable = parsed(seed.replace(SEED_BANNER + " ", line, 1))

    first = cable.blocks[0]
    assert isinstance(first, model.PartialNotice)
    assert first.tail[0] == model.TextLine((model.Prose(line),))
    assert len(cable.banners) == 1


def test_a_section_banner_with_a_dotless_i_stays_in_its_paragraph() -> None:
    text = read_text(DATA / "02VATICAN3692.txt")
    banner = "C O N F I D E N T I A L SECTION 02 OF 02 VATICAN 003692"
    hostile = "C O N F \u0131 D E N T I A L SECTION 02 OF 02 VATICAN 003692"
    assert text.count(banner) == 1
    cable = parsed(text.replace(banner, hostile))

    assert [banner.section for banner in cable.banners] == [model.Section(1, 2)]
    lines = [
        line
        for paragraph in cable.paragraphs
        for line in paragraph.tail
        if isinstance(line, model.TextLine)
    ]
    assert model.TextLine((model.Prose(hostile),)) in lines


@pytest.mark.parametrize("label", ["Cla\u017f\u017fified By:", "Class\u0131fied By:"])
def test_classified_by_with_a_folding_letter_is_prose(label: str) -> None:
    seed = read_text(SEED)
    line = f"{label} EST COUNSELOR ROBERT W. DRY FOR REASONS 1.4, B, D"
    cable = parsed(seed.replace("Classified By:", label, 1))

    assert [type(block).__name__ for block in cable.blocks[:8]] == [
        "PartialNotice", "Banner", "Passing", "EoLine", "TagsLine", "Subject", "Ref", "Banner",
    ]
    ref = cable.blocks[6]
    assert isinstance(ref, model.Ref)
    assert ref.tail[1] == model.TextLine((model.Prose(line),))
    # the second preamble's label is still read
    assert isinstance(cable.classified_by, model.ClassifiedBy)
