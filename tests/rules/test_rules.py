"""The consistency rules: for every rule a cable that passes and one that fails, with the
exact code, severity, message, span and model path of each finding."""

from __future__ import annotations

from typing import NamedTuple

import pytest

import cablemodel
from cablemodel import RULES, Finding, Severity, validate
from tests.helpers import DATA, read_text

NBSP = "\xa0"
NOTICE = (
    "This record is a partial extract of the original cable. "
    "The full text of the original cable is not available.\n"
)
CLASSIFIED_BY = "Classified By: EST COUNSELOR ROBERT W. DRY FOR REASONS 1.4, B, D\n"
TAGS_LINE = "TAGS: FR KSCA PARM PREL MNUC TSPA ETTC\n"
PUBLISHER_TAGS = "Tags:" + NBSP * 2 + "".join(
    tag + NBSP for tag in ("FR", "KSCA", "PARM", "PREL", "MNUC", "TSPA", "ETTC")
)
PUBLISHER_CONFIDENTIAL = "CONFIDENTIAL\nEmbassy"


def marker_before(paragraph: str, marker: str) -> tuple[str, str]:
    """An edit that puts a page marker line in front of a paragraph of the seed."""
    return paragraph, f"{marker}\n{paragraph}"


class Expected(NamedTuple):
    severity: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str


def cable_from(name: str, edits: tuple[tuple[str, str], ...] = ()) -> cablemodel.Cable:
    """A cable of tests/data, each edit replacing the first occurrence of its text."""
    text = read_text(DATA / f"{name}.txt")
    for old, new in edits:
        assert old in text, old
        text = text.replace(old, new, 1)
    return cablemodel.parse(text)


def findings_of(cable: cablemodel.Cable, code: str) -> list[Expected]:
    return [
        Expected(f.severity.value, f.message, f.line, f.column, f.end_line, f.end_column, f.path)
        for f in validate(cable)
        if f.code == code
    ]


SEED = "05PARIS3759"
ANKARA = "06ANKARA4456"  # a whole cable with transmission header and page markers, no findings

# code -> (cable, edits, the findings expected)
FAILING: dict[str, tuple[str, tuple[tuple[str, str], ...], list[Expected]]] = {
    "CM101": (SEED, (("05PARIS3759\n2005", "0505PARIS3759\n2005"),), [Expected(
        "warning", "Reference id 0505PARIS3759 is malformed: the year is written twice",
        5, 1, 5, 14, "$.publisher.reference_id")]),
    "CM102": (SEED, (("05PARIS3759\n2005", "05EFTOPARIS3759\n2005"),), [Expected(
        "warning", "Origin code EFTOPARIS of reference id 05EFTOPARIS3759 is not a known station",
        5, 1, 5, 16, "$.publisher.reference_id")]),
    "CM103": (SEED, (("2005-05-31 15:15:00", "2006-01-02 15:15:00"),), [Expected(
        "warning", "Reference id 05PARIS3759 has year 2005, but the cable was created in 2006",
        5, 1, 5, 12, "$.publisher.reference_id")]),
    "CM104": (SEED, (("Embassy Paris", "Embassy Rome"),), [Expected(
        "warning", "Origin 'Embassy Rome' does not match origin code PARIS of reference id "
        "05PARIS3759 (expected 'Embassy Paris')", 8, 1, 8, 13, "$.publisher.origin")]),
    "CM105": ("07NAIROBI4427", (), [Expected(
        "error", "Banner NAIROBI 004428 has serial 4428, but the reference id 07NAIROBI4427 "
        "has serial 4427", 23, 50, 23, 56, "$.blocks[8]")]),
    "CM106": (SEED, (("PARIS 003759 \n", "MOSCOW 003759 \n"),), [Expected(
        "warning", "Banner MOSCOW 003759 names origin MOSCOW, but the reference id is "
        "05PARIS3759", 16, 42, 16, 48, "$.blocks[1]")]),
    "CM107": ("07NAIROBI4427", (), [Expected(
        "warning", "Page marker NAIROBI 00004428 has serial 4428, but the reference id "
        "07NAIROBI4427 has serial 4427", line, 1, line, 17, path)
        for line, path in ((38, "$.blocks[12].tail[1]"), (138, "$.blocks[19].tail[14]"))]),
    "CM108": (ANKARA, (("#4456/01", "#4457/01"),), [Expected(
        "warning", "DE line serial #4457 does not match reference id 06ANKARA4456 "
        "(expected #4456)", 17, 11, 17, 16, "$.blocks[2]")]),
    "CM109": (ANKARA, (("2151019", "2201019"),), [Expected(
        "warning", "DE line day 220 (2006-08-08) is 5 days from the creation date, 2006-08-03",
        17, 20, 17, 27, "$.blocks[2]")]),
    "CM110": (ANKARA, (("P 031019Z AUG 06", "P 061019Z AUG 06"),), [Expected(
        "warning", "Date-time group 2006-08-06 10:19Z is 3 days from the creation date, "
        "2006-08-03", 19, 3, 19, 17, "$.blocks[4]")]),
    "CM201": (SEED, (("SECTION 01 OF 02", "SECTION 03 OF 02"),), [Expected(
        "error", "Banner says SECTION 03 OF 02; the section number must lie between 1 and 2",
        16, 25, 16, 41, "$.blocks[1].section")]),
    "CM202": (SEED, (marker_before("3. (C) Korean", "PARIS 00003759  002 OF 003"),), [Expected(
        "warning", "Page marker 002 OF 003 gives 3 sections, but the banner says 2",
        68, 24, 68, 27, "$.blocks[16].tail[14]")]),
    "CM203": (SEED, (marker_before("3. (C) Korean", "PARIS 00003759  002 OF 002"),
                     marker_before("5. (C) The German", "PARIS 00003759  001.2 OF 002")),
              [Expected("warning", "Page marker 001.2 OF 002 follows 002 OF 002",
                        107, 17, 107, 29, "$.blocks[18].tail[20]")]),
    "CM204": (SEED, (), [Expected(
        "info", "Banner announces 2 sections, but the text holds only section 1",
        16, 25, 16, 41, "$.blocks[1].section")]),
    "CM205": (SEED, ((NOTICE, ""), marker_before("3. (C) Korean", "PARIS 00003759  001.2 OF 002")),
              [Expected("warning", "Banner announces 2 sections, but the text holds only "
                        "section 1", 15, 25, 15, 41, "$.blocks[0].section")]),
    "CM206": (SEED, (), [Expected(
        "info", "The preamble of banner PARIS 003759 is repeated", 31, 1, 31, 54, "$.blocks[8]")]),
    "CM301": (SEED, (("DECL: 05/31/2015", "DECL: 05/31/2004"),), [Expected(
        "error", "DECL date 2004-05-31 is before the cable was created, 2005-05-31",
        22, 19, 22, 29, "$.blocks[3].instruction")]),
    "CM302": (SEED, (("E.O. 12958", "E.O. 12356"),), [Expected(
        "warning", "E.O. 12356 was not in force on 2005-05-31; the order then was E.O. 12958",
        22, 6, 22, 11, "$.blocks[3].order")]),
    "CM303": (SEED, (("DECL: 05/31/2015", "DECL: 06/01/2030"),), [Expected(
        "warning", "DECL date 2030-06-01 is more than 25 years after the cable was created, "
        "2005-05-31", 22, 19, 22, 29, "$.blocks[3].instruction")]),
    "CM304": (SEED, (("2005-05-31 15:15:00", "2001-05-31 15:15:00"),), [Expected(
        "warning", "DECL date 2015-05-31 is more than 10 years after the cable was created, "
        "2001-05-31, under the original E.O. 12958 and no exemption is given",
        22, 19, 22, 29, "$.blocks[3].instruction")]),
    "CM305": (SEED, (("E.O. 12958: DECL: 05/31/2015", "E.O. 12958: N/A"),), [Expected(
        "warning", "The CONFIDENTIAL cable's E.O. line says N/A instead of giving a "
        "declassification instruction", 22, 13, 22, 16, "$.blocks[3].instruction")]),
    "CM306": (SEED, ((PUBLISHER_CONFIDENTIAL, "UNCLASSIFIED\nEmbassy"),), [Expected(
        "warning", "The UNCLASSIFIED cable's E.O. line gives DECL 2015-05-31 instead of N/A",
        22, 19, 22, 29, "$.blocks[3].instruction")]),
    "CM401": (SEED, ((PUBLISHER_CONFIDENTIAL, "SECRET\nEmbassy"),), [Expected(
        "warning", "Banner level CONFIDENTIAL differs from the publisher's classification SECRET",
        16, 1, 16, 24, "$.blocks[1].level")]),
    "CM402": (SEED, ((PUBLISHER_CONFIDENTIAL, "CONFIDENTIAL//NOFORN\nEmbassy"),), [Expected(
        "warning", "The publisher's classification CONFIDENTIAL//NOFORN has //NOFORN, but the "
        "cable carries no NOFORN caption", 7, 1, 7, 21, "$.publisher.classification")]),
    "CM403": (SEED, ((PUBLISHER_CONFIDENTIAL, "UNCLASSIFIED//FOR OFFICIAL USE ONLY\nEmbassy"),),
              [Expected("warning", "The publisher's classification UNCLASSIFIED//FOR OFFICIAL "
                        "USE ONLY has //FOR OFFICIAL USE ONLY, but the cable carries no "
                        "SENSITIVE caption", 7, 1, 7, 36, "$.publisher.classification")]),
    "CM404": ("09TRIPOLI139", (), [Expected(
        "error", f"Paragraph {number} is marked (C), above the banner level UNCLASSIFIED",
        line, 4, line, 7, f"$.blocks[{12 + number}].marking")
        for number, line in ((1, 36), (2, 39), (3, 42), (4, 45), (5, 48))]),
    "CM405": (SEED, (("3. (C) Korean", "3. (C//NF) Korean"),), [Expected(
        "warning", "Paragraph 3 is marked (C//NF), but the cable (CONFIDENTIAL) is not NOFORN",
        68, 4, 68, 11, "$.blocks[17].marking")]),
    "CM406": (SEED, ((CLASSIFIED_BY, ""), (CLASSIFIED_BY, "")), [Expected(
        "warning", "The CONFIDENTIAL cable has no Classified By line",
        7, 1, 7, 13, "$.publisher.classification")]),
    "CM407": (SEED, (("1.4, B, D", "1.5, B, H"),), [Expected(
        "warning", "Reason 1.5 has letter (h); section 1.5 has only (a) to (g)",
        29, 56, 29, 65, "$.blocks[7].pieces[2]")]),
    "CM408": (SEED, (("1.4, B, D", "1.5, B, D"),), [Expected(
        "warning", "Reason section 1.5 does not fit the creation date 2005-05-31; the section "
        "then was 1.4", 29, 56, 29, 65, "$.blocks[7].pieces[2]")]),
    "CM409": (SEED, ((PUBLISHER_CONFIDENTIAL, "UNCLASSIFIED\nEmbassy"),), [Expected(
        "warning", "The UNCLASSIFIED cable carries a Classified By line",
        29, 1, 29, 15, "$.blocks[7]")]),
    "CM410": (SEED, (("C O N F I D E N T I A L SECTION", "LIMITED OFFICIAL USE SECTION"),),
              [Expected("warning", "Banner is LIMITED OFFICIAL USE on 2005-05-31, after its "
                        "replacement by SBU on 1995-10-01", 16, 1, 16, 21, "$.blocks[1].level")]),
    "CM411": (SEED, (("3. (C) Korean", "3. Korean"),), [Expected(
        "warning", "Paragraph 3 of the CONFIDENTIAL cable has no portion marking",
        68, 1, 68, 3, "$.blocks[17].marking")]),
    "CM412": (SEED, (("\nSIPDIS\n", "\nNODIS\nSIPDIS\n"),), [Expected(
        "warning", "The cable carries both SIPDIS and NODIS",
        18, 1, 18, 6, "$.blocks[1].tail[1]")]),
    "CM501": (SEED, ((PUBLISHER_TAGS, "Tags:" + NBSP * 2), (TAGS_LINE, ""), (TAGS_LINE, "")),
              [Expected("warning", "Cable 05PARIS3759 has no tags, neither on a TAGS line nor "
                        "from the publisher", 13, 1, 13, 6, "$.publisher.tags")]),
    "CM502": (SEED, ((TAGS_LINE, TAGS_LINE.replace("ETTC", "ETTC POGOV")),), [Expected(
        "info", "Tag POGOV is not a known geographic, subject, program, organisation or person "
        "tag (probably PGOV)", 23, 40, 23, 45, "$.blocks[4].entries[7]")]),
    "CM503": (SEED, (("TSPA" + NBSP + "ETTC" + NBSP, "TSPA" + NBSP),), [Expected(
        "warning", "The TAGS line tags ETTC are not among the publisher's tags",
        23, 1, 23, 39, "$.blocks[4]")]),
    "CM504": (SEED, (("\nMISSILE TECHNOLOGY CONTROL REGIME (MTCR): MAY 26,\n",
                      "\nMISSILE TECHNOLOGY CONTROL REGIME\n"),), [Expected(
        "warning", "Title 'MISSILE TECHNOLOGY CONTROL REGIME' differs from the first SUBJECT "
        "line 'MISSILE TECHNOLOGY CONTROL REGIME (MTCR): MAY 26,'",
        11, 1, 11, 34, "$.publisher.title")]),
    "CM505": (SEED, (("3. (C) Korean", "4. (C) Korean"),), [
        Expected("warning", "Paragraph 4 follows paragraph 2; expected 3",
                 68, 1, 68, 3, "$.blocks[17].number"),
        Expected("warning", "Paragraph 4 follows paragraph 4; expected 5",
                 85, 1, 85, 3, "$.blocks[18].number"),
    ]),
    "CM506": (SEED, (("contained in reftel.\n", "contained in reftel. Comment: none.\n"),), [
        Expected("warning", "'Comment' opens a COMMENT that is never closed",
                 50, 22, 50, 29, "$.blocks[15].tail[2].parts[1]")]),
    "CM507": (SEED, (("REF: SECSTATE 96519", "REF: NOWHERE 96519"),), [Expected(
        "info", "REF item NOWHERE 96519 names no known origin", 27, 6, 27, 19,
        "$.blocks[6].pieces[0]")]),
    "CM508": (SEED, (("REF: SECSTATE 96519", "REF: PARIS 3759"),), [Expected(
        "warning", "REF item PARIS 3759 is the cable itself, 05PARIS3759", 27, 6, 27, 16,
        "$.blocks[6].pieces[0]")]),
    "CM509": (SEED, (("REF: SECSTATE 96519", "REF: 06 SECSTATE 96519"),), [Expected(
        "warning", "REF item 06 SECSTATE 96519 is from 2006, after this cable's year 2005",
        27, 6, 27, 23, "$.blocks[6].pieces[0]")]),
}

# code -> (cable, edits) that the rule passes; the edits make the rule's subject present.
PASSING: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "CM101": (SEED, ()),
    "CM102": (SEED, ()),
    "CM103": (SEED, ()),
    "CM104": (SEED, ()),
    "CM105": (SEED, ()),
    "CM106": (SEED, ()),
    "CM107": (SEED, (marker_before("3. (C) Korean", "PARIS 00003759  002 OF 002"),)),
    "CM108": (ANKARA, ()),
    "CM109": (ANKARA, ()),
    "CM110": (ANKARA, ()),
    "CM201": (SEED, ()),
    "CM202": (ANKARA, ()),
    "CM203": (SEED, (marker_before("3. (C) Korean", "PARIS 00003759  001.2 OF 002"),
                     marker_before("5. (C) The German", "PARIS 00003759  002 OF 002"))),
    "CM204": (SEED, (marker_before("3. (C) Korean", "PARIS 00003759  002 OF 002"),)),
    "CM205": (SEED, ((NOTICE, ""), marker_before("3. (C) Korean", "PARIS 00003759  002 OF 002"))),
    "CM206": (ANKARA, ()),
    "CM301": (SEED, ()),
    "CM302": (SEED, ()),
    "CM303": (SEED, (("DECL: 05/31/2015", "DECL: 05/31/2030"),)),
    "CM304": (SEED, (("2005-05-31 15:15:00", "2001-05-31 15:15:00"),
                     ("DECL: 05/31/2015", "DECL: 05/31/2011"))),
    "CM305": (SEED, ()),
    "CM306": (SEED, ((PUBLISHER_CONFIDENTIAL, "UNCLASSIFIED\nEmbassy"),
                     ("DECL: 05/31/2015", "N/A"))),
    "CM401": (SEED, ()),
    "CM402": (SEED, ((PUBLISHER_CONFIDENTIAL, "CONFIDENTIAL//NOFORN\nEmbassy"),
                     ("\nSIPDIS\n", "\nNOFORN\nSIPDIS\n"))),
    "CM403": (SEED, ((PUBLISHER_CONFIDENTIAL, "UNCLASSIFIED//FOR OFFICIAL USE ONLY\nEmbassy"),
                     ("\nSIPDIS\n", "\nSENSITIVE\nSIPDIS\n"))),
    "CM404": (SEED, ()),
    "CM405": (SEED, ((PUBLISHER_CONFIDENTIAL, "CONFIDENTIAL//NOFORN\nEmbassy"),
                     ("3. (C) Korean", "3. (C//NF) Korean"))),
    "CM406": (SEED, ()),
    "CM407": (SEED, ()),
    "CM408": (SEED, ()),
    "CM409": (SEED, ((PUBLISHER_CONFIDENTIAL, "UNCLASSIFIED\nEmbassy"), (CLASSIFIED_BY, ""),
                     (CLASSIFIED_BY, ""))),
    "CM410": (SEED, (("C O N F I D E N T I A L SECTION", "LIMITED OFFICIAL USE SECTION"),
                     ("2005-05-31 15:15:00", "1995-05-31 15:15:00"))),
    "CM411": (SEED, ()),
    "CM412": (SEED, ()),
    "CM501": (SEED, ()),
    "CM502": (SEED, ()),
    "CM503": (SEED, ()),
    "CM504": (SEED, ()),
    "CM505": (SEED, ()),
    "CM506": (SEED, (("contained in reftel.\n",
                      "contained in reftel. Comment: none. End comment.\n"),)),
    "CM507": (SEED, ()),
    "CM508": (SEED, ()),
    "CM509": (SEED, (("REF: SECSTATE 96519", "REF: 04 SECSTATE 96519"),)),
}


def test_every_rule_has_a_failing_and_a_passing_case() -> None:
    assert set(FAILING) == set(RULES) == set(PASSING)


@pytest.mark.parametrize("code", sorted(FAILING))
def test_rule_fails(code: str) -> None:
    name, edits, expected = FAILING[code]
    assert findings_of(cable_from(name, edits), code) == expected
    assert {item.severity for item in expected} == {RULES[code].severity.value}


@pytest.mark.parametrize("code", sorted(PASSING))
def test_rule_passes(code: str) -> None:
    name, edits = PASSING[code]
    assert findings_of(cable_from(name, edits), code) == []


def test_seed_gives_only_two_infos() -> None:
    # The seed is a partial extract: it announces 2 sections and holds the first (CM204),
    # and the publisher repeated its section-1 preamble (CM206).
    findings = validate(cable_from(SEED))
    assert [(f.code, f.severity) for f in findings] == [
        ("CM204", Severity.INFO),
        ("CM206", Severity.INFO),
    ]
    assert findings[0] == Finding(
        "CM204", "missing-sections-in-extract", Severity.INFO,
        "Banner announces 2 sections, but the text holds only section 1",
        16, 25, 16, 41, "$.blocks[1].section",
    )


def test_declassify_before_created_on_a_real_cable() -> None:
    # 06PARTO9 (2 Mar 2006) gives the date of the meeting it reports as its DECL date.
    assert findings_of(cable_from("06PARTO9"), "CM301") == [Expected(
        "error", "DECL date 2006-02-23 is before the cable was created, 2006-03-02",
        32, 19, 32, 29, "$.blocks[9].instruction")]


def test_known_malformed_id_is_named_with_its_correction() -> None:
    cable = cable_from(SEED, (("05PARIS3759\n2005", "06ASTANA\n2005"),))
    assert findings_of(cable, "CM101") == [Expected(
        "warning", "Reference id 06ASTANA is malformed: the serial is missing; the known "
        "correction is 06ASTANA204", 5, 1, 5, 9, "$.publisher.reference_id")]


def test_later_serial_of_the_same_post_and_year() -> None:
    cable = cable_from(SEED, (("REF: SECSTATE 96519", "REF: 05 PARIS 3760"),))
    assert findings_of(cable, "CM509") == [Expected(
        "warning", "REF item 05 PARIS 3760 has a later serial than this cable, 05PARIS3759",
        27, 6, 27, 19, "$.blocks[6].pieces[0]")]


def test_rule_names_are_kebab_case_and_codes_stable() -> None:
    for code, registered in RULES.items():
        assert code == registered.code
        assert code.startswith("CM")
        assert len(code) == 5
        assert code[2:].isdigit()
        assert registered.name == registered.name.lower()
        assert " " not in registered.name
        assert "_" not in registered.name
        assert registered.summary.endswith(".")


def test_findings_are_sorted_by_position() -> None:
    edits = (("3. (C) Korean", "3. (S) Korean"), ("Embassy Paris", "Embassy Rome"))
    cable = cable_from(SEED, edits)
    findings = validate(cable)
    assert [(f.line, f.code) for f in findings] == [
        (8, "CM104"), (16, "CM204"), (31, "CM206"), (68, "CM404")
    ]


def test_later_sections_are_counted_from_their_banners() -> None:
    # 02VATICAN3692, a partial extract, holds both sections: the banner of section 2
    # (line 53) stands between paragraphs 4 and 5.
    cable = cable_from("02VATICAN3692")
    assert findings_of(cable, "CM204") == []
    assert [(banner.span.line, banner.section) for banner in cable.banners
            if banner.span is not None] == [
        (16, cablemodel.model.Section(1, 2)), (53, cablemodel.model.Section(2, 2))
    ]


def test_findings_do_not_depend_on_the_cable_validated_before() -> None:
    # the rules share one walk over the cable they look at; another cable is walked anew
    cables = [cablemodel.parse(read_text(path)) for path in sorted(DATA.glob("*.txt"))]
    alone = [validate(cablemodel.parse(cablemodel.render(cable))) for cable in cables]
    in_turn = [validate(cable) for cable in cables + cables[::-1]]

    assert in_turn == alone + alone[::-1]
    assert any(alone)
