"""Cable.tag_entries on real TAGS lines: kinds, normalised forms, what is no tag."""

from __future__ import annotations

import pytest

from .snippets import changed, snippet

Entry = tuple[str, str, str]


def entries(reference_id: str) -> list[Entry]:
    return [(t.text, t.normalized, t.kind.value) for t in snippet(reference_id).tag_entries]


def test_kinds() -> None:
    assert entries("05PARIS3759") == [
        ("FR", "FR", "geo"), ("KSCA", "KSCA", "program"), ("PARM", "PARM", "subject"),
        ("PREL", "PREL", "subject"), ("MNUC", "MNUC", "subject"), ("TSPA", "TSPA", "subject"),
        ("ETTC", "ETTC", "subject"),
    ]


def test_a_multi_word_tag_is_kept_whole() -> None:
    # 05ROME1506: TAGS PREL, MOPS, KJUS, IT, IZ, IRAQI FREEDOM
    assert entries("05ROME1506")[-2:] == [
        ("IZ", "IZ", "geo"), ("IRAQI FREEDOM", "IRAQI FREEDOM", "unknown"),
    ]


def test_a_person_tag() -> None:
    # 09BEIJING2965: TAGS OVIP (STEINBERG, JAMES B.), PREL, … over two lines
    assert entries("09BEIJING2965")[:3] == [
        ("OVIP (STEINBERG, JAMES B.)", "OVIP", "subject"),
        ("OVIP (STEINBERG, JAMES B.)", "STEINBERG, JAMES B.", "person"),
        ("PREL", "PREL", "subject"),
    ]
    assert [e[1] for e in entries("09BEIJING2965")[-3:]] == ["CH", "KN", "KS"]


def test_lower_case_tags_are_normalised() -> None:
    # 08BERLIN1068: Tags: parm, prel, ettc, mtcre, ksca, ir, aec, gm
    assert entries("08BERLIN1068") == [
        ("parm", "PARM", "subject"), ("prel", "PREL", "subject"), ("ettc", "ETTC", "subject"),
        ("mtcre", "MTCRE", "organization"), ("ksca", "KSCA", "program"), ("ir", "IR", "geo"),
        ("aec", "AEC", "organization"), ("gm", "GM", "geo"),
    ]


def test_repeats_are_dropped() -> None:
    # 01VATICAN3507's TAGS line repeats its tags four times; VTPREL is VT and PREL
    # (tag-fixes.tsv), both there already
    import cablemodel
    from tests.helpers import HTML, read_text

    cable = cablemodel.parse(read_text(HTML / "01VATICAN3507.txt"))
    assert [t.normalized for t in cable.tag_entries] == [
        "PREL", "PHUM", "IS", "EG", "CH", "ID", "VT",
    ]


TAGS = "TAGS: FR KSCA PARM PREL MNUC TSPA ETTC"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("tAgs: FR KSCA", ["FR", "KSCA"]),  # the label in any case
        ("TAGS: FR, KSCA, HUMAN RIGHTS", ["FR", "KSCA", "HUMAN RIGHTS"]),
        ("TAGS: FR, KSCA,\nprel, parm", ["FR", "KSCA", "PREL", "PARM"]),  # a lower-case line
        ("TAGS: FR KSCA\nSECRET PAGE 02 ROME 03067 211833Z", ["FR", "KSCA"]),  # a page header
        ("TAGS: PTER MARR, SIPDIS, FR, FR", ["PTER", "MARR", "FR"]),  # a comma missing
    ],
)
def test_tags_of_quoted_lines(line: str, expected: list[str]) -> None:
    cable = changed("05PARIS3759", TAGS, line)
    assert [t.normalized for t in cable.tag_entries] == expected
