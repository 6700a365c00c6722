"""Cable.references on real REF blocks: every form of the issue (#12), its canonical id
and what is no reference at all."""

from __future__ import annotations

import pytest

from cablemodel.facts import Reference, ReferenceKind
from cablemodel.model import ReferenceId, Span

from .snippets import changed, snippet

CABLE = ReferenceKind.CABLE

Row = tuple[str | None, str, str | None, str]


def rows(references: tuple[Reference, ...]) -> list[Row]:
    """(letter, kind, canonical id, text as written) of each reference."""
    return [
        (r.letter, r.kind.value, None if r.id is None else str(r.id), r.text) for r in references
    ]


# reference id of the snippet -> what its REF blocks cite
REAL: dict[str, list[Row]] = {
    # SECSTATE is STATE; no year: the citing cable's
    "05PARIS3759": [(None, "cable", "05STATE96519", "SECSTATE 96519")],
    # mixed case, a letter in parentheses, a continuation line that starts with a dash;
    # "and previous" names no cable
    "03COLOMBO2183": [
        ("A", "cable", "03STATE348254", "State 348254"),
        ("B", "cable", "03STATE348253", "State 348253"),
        ("C", "cable", "03COLOMBO2179", "Colombo 2179"),
    ],
    # Refs:, a four-digit year before a two-word origin
    "04BRASILIA222": [
        ("A", "cable", "03SAOPAULO2199", "2003 Sao Paulo 2199"),
        ("B", "cable", "03BRASILIA3868", "2003 Brasilia 3868"),
    ],
    "09THEHAGUE271": [(None, "cable", "09THEHAGUE264", "HAGUE 264")],  # HAGUE is THEHAGUE
    # USUN is USUNNEWYORK; the REF is on the SUBJECT's last line
    "08LONDON1841": [(None, "cable", "08USUNNEWYORK617", "USUN 617")],
    # RIO is RIODEJANEIRO; "A. (A)" is one letter
    "09RIODEJANEIRO357": [
        ("A", "cable", "09RIODEJANEIRO329", "RIO 329"),
        ("B", "cable", "09RIODEJANEIRO346", "RIO 346"),
    ],
    # the year after the serial, in parentheses; lettered lines after a blank line; the
    # last without year (cut off in the release): a higher serial of the citing station
    # is of the year before
    "07LIMA1862": [
        ("A", "cable", "06LIMA4516", "LIMA 4516 (06)"),
        ("B", "cable", "06LIMA248", "LIMA 248 (06)"),
        ("C", "cable", "05LIMA37", "LIMA 37 (05)"),
        ("D", "cable", "06LIMA4968", "LIMA 4968"),
    ],
    # a letter glued to the origin (A.BOGOTA), after a blank line
    "06BOGOTA9120": [
        ("A", "cable", "06BOGOTA5486", "BOGOTA 5486"),
        ("B", "cable", "06BOGOTA7731", "BOGOTA 7731"),
    ],
    # (C )SAN JOSE: a blank inside the letter, the origin glued to it; leading zeros
    "05SANJOSE1713": [
        ("A", "cable", "05SANJOSE1587", "SAN JOSE 01587"),
        ("B", "cable", "05SANJOSE1636", "SAN JOSE 01636"),
        ("C", "cable", "05SANJOSE1693", "SAN JOSE 01693"),
        ("D", "cable", "05SANJOSE1455", "SAN JOSE 01455"),
    ],
    "06REYKJAVIK431": [(None, "cable", "06REYKJAVIK294", "REYKJAVIK 294")],  # REFTEL:
    # REFTELS:, mixed case, B)Sao Paulo glued
    "08BRASILIA1215": [
        ("A", "cable", "08SAOPAULO260", "Sao Paulo 0260"),
        ("B", "cable", "08SAOPAULO31", "Sao Paulo 0031"),
        ("C", "cable", "08LAPAZ462", "La Paz 0462"),
        ("D", "cable", "08BRASILIA593", "Brasilia 0593"),
        ("E", "cable", "08BRASILIA672", "Brasilia 0672"),
        ("F", "cable", "08LAPAZ1905", "La Paz 1905"),
        ("G", "cable", "08SAOPAULO392", "Sao Paulo 0392"),
        ("H", "cable", "08LAPAZ1941", "La Paz 1941"),
    ],
    # REFS without colon
    "08REYKJAVIK10": [
        ("A", "cable", "07REYKJAVIK308", "07 REYKJAVIK 308"),
        ("B", "cable", "08STATE563", "STATE 563"),
    ],
    # REF A: … REF B: — the letters are no part of the origin
    "01VATICAN5960": [
        ("A", "cable", "01VATICAN5286", "VATICAN 05286"),
        ("B", "cable", "01VATICAN5546", "VATICAN 05546"),
    ],
    # REF: REF A) … REF D) on the next line
    "10QUITO101": [
        ("A", "cable", "10QUITO83", "QUITO 83"),
        ("B", "cable", "10QUITO91", "QUITO 91"),
        ("C", "cable", "09QUITO885", "09 QUITO 885"),
        ("D", "cable", "10QUITO79", "QUITO 79"),
    ],
    # a page marker inside the REF line ("001.2 OF 002" is no reference)
    "06BRASILIA888": [(None, "cable", "06BRASILIA882", "BRASILIA 882")],
    # a REF on the SUBJECT line
    "03BRASILIA3122": [(None, "cable", "03SAOPAULO1467", "SAO PAULO 1467")],
    # a Classified By on the REF line
    "04BRASILIA1503": [
        ("A", "cable", "04BEIJING9600", "BEIJING 9600"),
        ("B", "cable", "04BEIJING9152", "BEIJING 9152"),
    ],
    # documents that are no cables, and dates that are no references
    "05PARIS1699": [
        ("A", "cable", "05PARIS1610", "PARIS 1610"),
        ("B", "email", None, "KUJAWINSKI-FRANCE DESK 3/11 E-MAIL"),
    ],
    "05BRASILIA715": [
        ("A", "telcon", None, "DANILOVICH-NORIEGA TELCON 14 MARCH 05"),
        ("B", "email", None, "DEPARTMENT WHA/BSC -- EMBASSY E-MAILS 14 MARCH 05"),
        ("C", "cable", "05STATE43965", "STATE 43965"),
        ("D", "cable", "05BRASILIA574", "BRASILIA 574"),
        ("E", "cable", "05BRASILIA660", "BRASILIA 660"),
    ],
    "05SANAA923": [(None, "report", None, "IIR 6906012405")],
    "06DUBLIN1020": [
        ("A", "cable", "06DUBLIN891", "DUBLIN 891"),
        ("B", "cable", "06DUBLIN709", "DUBLIN 709"),
        ("C", "other", None, "USDAO DUBLIN EI U-0011-06"),
    ],
    # the date after a reference is no reference (A. 06 STATE 92781 07 JUN 2006); IIR
    # numbers are reports, a timestamp is another document
    "10STATE369": [
        ("A", "cable", "06STATE92781", "06 STATE 92781"),
        ("B", "cable", "06BOGOTA7094", "06 BOGOTA 7094"),
        ("C", "cable", "09STATE99488", "STATE 99488"),
        ("D", "cable", "10BOGOTA3361", "BOGOTA 3361"),
        ("E", "cable", "90BOGOTA7550", "90 BOGOTA 7550"),
        ("F", "report", None, "IIR 6 819 0285 92 18 DEC 1991"),
        ("G", "report", None, "IIR 6 022 0061 93 23 OCT 1992"),
        ("H", "report", None, "IIR 6 819 0486 93 03 MAR 1993"),
        ("I", "report", None, "IIR 6 022 0380 93 23 MAR 1993"),
        ("J", "report", None, "IIR 6 022 0410 93 25 MAR 1993"),
        ("K", "report", None, "IIR 6 022 0452 93 09 APR 1993"),
        ("L", "other", None, "1993-08-20-18.19.33 20 AUG 1993"),
        ("M", "report", None, "IIR 6 022 0326 94 17 JUN 1994"),
        ("N", "cable", "96BOGOTA5708", "96 BOGOTA 5708"),
        ("O", "report", None, "IIR 7 500 0135 04 23 MAR 2004"),
        ("P", "report", None, "IIR 7 111 0669 04 04 MAY 2004"),
    ],
}


@pytest.mark.parametrize("reference_id", sorted(REAL))
def test_references_of_real_ref_blocks(reference_id: str) -> None:
    assert rows(snippet(reference_id).references) == REAL[reference_id]


# Forms the issue quotes from cables outside the corpus: 05PARIS3759 with its REF line
# changed to the form (the year of its references is then 2005 unless written).
QUOTED: list[tuple[str, list[Row]]] = [
    # 04BRASILIA2863: more serials of one origin, a pilcrow letter on the same line
    ("REF: A. BRASILIA 2799 AND 2764 ¶B. PORT AU PRINCE 2325", [
        ("A", "cable", "05BRASILIA2799", "BRASILIA 2799"),
        ("A", "cable", "05BRASILIA2764", "AND 2764"),
        ("B", "cable", "05PORTAUPRINCE2325", "PORT AU PRINCE 2325"),
    ]),
    ("REF: PARIS 936/935", [
        (None, "cable", "05PARIS936", "PARIS 936"), (None, "cable", "05PARIS935", "/935"),
    ]),
    ("REF: State 188314", [(None, "cable", "05STATE188314", "State 188314")]),
    ("REF: Sao Paulo 526", [(None, "cable", "05SAOPAULO526", "Sao Paulo 526")]),
    ("REF: (A)STATE 071143 B) STATE 285773", [
        ("A", "cable", "05STATE71143", "STATE 071143"),
        ("B", "cable", "05STATE285773", "STATE 285773"),
    ]),
    ("REF: STATE: 73097", [(None, "cable", "05STATE73097", "STATE: 73097")]),
    ("REF: 09CAIRO0561", [(None, "cable", "09CAIRO561", "09CAIRO0561")]),
    ("REF: QUITO 4525-91", [(None, "cable", "91QUITO4525", "QUITO 4525-91")]),
    ("REF: SANTIAG0 465", [(None, "cable", "05SANTIAGO465", "SANTIAG0 465")]),
    # 09LONDON…: the letters written again are no part of the origin
    ("REF: A. REF A STATE 122214 B. REF B LONDON 2649 C. REF C LONDON 2638", [
        ("A", "cable", "05STATE122214", "STATE 122214"),
        ("B", "cable", "05LONDON2649", "LONDON 2649"),
        ("C", "cable", "05LONDON2638", "LONDON 2638"),
    ]),
    # dates, section counts, a page header, a report number: no cables
    ("REF: A. PARIS 3001 OF 11 APRIL 2005", [("A", "cable", "05PARIS3001", "PARIS 3001")]),
    ("REF: A. STATE 1 B. EMAIL OF NOV 2", [
        ("A", "cable", "05STATE1", "STATE 1"), ("B", "email", None, "EMAIL OF NOV 2"),
    ]),
    ("REF: A. ROME 1 B. USDAO BRASILIA IIR 6 C. EMAIL OF OCTOBER 14", [
        ("A", "cable", "05ROME1", "ROME 1"),
        ("B", "report", None, "USDAO BRASILIA IIR 6"),
        ("C", "email", None, "EMAIL OF OCTOBER 14"),
    ]),
    ("REF: SECSTATE 96519\nPAGE 02 ROME 03067 211833Z", [
        (None, "cable", "05STATE96519", "SECSTATE 96519"),
    ]),
    ("REF: A. ROME 1\nSECRET PAGE 02 ROME 03067 211833Z\n     ¶B. ROME 2", [
        ("A", "cable", "05ROME1", "ROME 1"), ("B", "cable", "05ROME2", "ROME 2"),
    ]),
    # the labels
    ("REFS: STATE 1", [(None, "cable", "05STATE1", "STATE 1")]),
    ("REF(S): STATE 1", [(None, "cable", "05STATE1", "STATE 1")]),
    ("Reftel: STATE 1", [(None, "cable", "05STATE1", "STATE 1")]),
]


@pytest.mark.parametrize(("line", "expected"), QUOTED, ids=[line for line, _ in QUOTED])
def test_references_of_quoted_forms(line: str, expected: list[Row]) -> None:
    cable = changed("05PARIS3759", "REF: SECSTATE 96519", line)
    assert rows(cable.references) == expected


def test_a_reference_carries_its_span_release_and_station() -> None:
    (reference,) = snippet("09BRASILIA1401").references
    assert reference == Reference(
        CABLE, "09 SECSTATE 122731", None, ReferenceId(2009, "STATE", 122731), True
    )
    assert reference.in_release  # 09STATE122731 is a cable of the release
    assert reference.span == Span(36, 6, 36, 24)  # REF: 09 SECSTATE 122731
    (unpublished,) = snippet("05PARIS3759").references
    assert unpublished.known_station
    assert not unpublished.in_release
    # an origin that is no station: a reference with its compacted origin
    (secto,) = snippet("08REYKJAVIK116").references
    assert (str(secto.id), secto.known_station, secto.in_release) == ("08SECTO3", False, False)


def test_a_repeated_ref_block_counts_once() -> None:
    # 09THEHAGUE271 is a partial record: its preamble, REF included, is printed twice
    assert len(snippet("09THEHAGUE271").references) == 1


def test_canonical_id() -> None:
    assert snippet("05PARIS3759").canonical_id == "05PARIS3759"
    cable = changed(
        "05PARIS3759", "05PARIS3759\n2005-05-31", "08SECTION01OF03CAIRO1416\n2005-05-31"
    )
    assert (cable.reference_id, cable.canonical_id) == (
        "08SECTION01OF03CAIRO1416", "08CAIRO1416",
    )
