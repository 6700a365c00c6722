"""The banner of a later section, between paragraphs, is a banner (grammar rule
``section_banner``); a level alone or section words in prose stay prose."""

from __future__ import annotations

import cablemodel
from cablemodel import model
from tests.helpers import DATA, SEED, read_text


def test_a_section_banner_between_paragraphs_is_a_banner() -> None:
    text = read_text(DATA / "02VATICAN3692.txt")
    cable = cablemodel.parse(text)
    kinds = [type(block).__name__ for block in cable.blocks]
    banner = cable.blocks[11]

    assert kinds[10:13] == ["Paragraph", "Banner", "Paragraph"]
    assert isinstance(banner, model.Banner)
    assert (banner.level, banner.section, banner.origin, banner.serial) == (
        model.Level.CONFIDENTIAL, model.Section(2, 2), "VATICAN", 3692
    )
    assert cablemodel.render(cable) == text


def test_a_level_and_section_words_in_prose_stay_prose() -> None:
    seed = read_text(SEED)
    # Neither a level alone (a printed page's heading) nor "SECTION 5 OF THE" is a banner.
    for line in ("CONFIDENTIAL", "SECRET SECTION 5 OF THE TREATY APPLIES"):
        text = seed.replace("3. (C) Korean", f"{line}\n3. (C) Korean", 1)
        cable = cablemodel.parse(text)
        assert len(cable.banners) == 2
        assert cablemodel.render(cable) == text
