"""Findings point at the offending token (the tag, the date, the marking, the serial), not
at the whole line; findings a reader could not tell apart are one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given

import cablemodel
from cablemodel import model, validate
from cablemodel.strategies import cable_texts
from tests.helpers import DATA, read_text, run
from tests.rules.test_rules import FAILING, TAGS_LINE

# code -> the text under the span of each finding of the rule's failing case in test_rules
UNDERLINED = {
    "CM101": ["0505PARIS3759"],
    "CM102": ["05EFTOPARIS3759"],
    "CM103": ["05PARIS3759"],
    "CM104": ["Embassy Rome"],
    "CM105": ["004428"],
    "CM106": ["MOSCOW"],
    "CM107": ["NAIROBI 00004428", "NAIROBI 00004428"],
    "CM108": ["#4457"],
    "CM109": ["2201019"],
    "CM110": ["061019Z AUG 06"],
    "CM201": ["SECTION 03 OF 02"],
    "CM202": ["003"],
    "CM203": ["001.2 OF 002"],
    "CM204": ["SECTION 01 OF 02"],
    "CM205": ["SECTION 01 OF 02"],
    "CM206": ["C O N F I D E N T I A L SECTION 01 OF 02 PARIS 003759"],
    "CM301": ["05/31/2004"],
    "CM302": ["12356"],
    "CM303": ["06/01/2030"],
    "CM304": ["05/31/2015"],
    "CM305": ["N/A"],
    "CM306": ["05/31/2015"],
    "CM401": ["C O N F I D E N T I A L"],
    "CM402": ["CONFIDENTIAL//NOFORN"],
    "CM403": ["UNCLASSIFIED//FOR OFFICIAL USE ONLY"],
    "CM404": ["(C)"] * 5,
    "CM405": ["(C//NF)"],
    "CM406": ["CONFIDENTIAL"],
    "CM407": ["1.5, B, H"],
    "CM408": ["1.5, B, D"],
    "CM409": ["Classified By:"],
    "CM410": ["LIMITED OFFICIAL USE"],
    "CM411": ["3."],
    "CM412": ["NODIS"],
    "CM501": ["Tags:"],
    "CM502": ["POGOV"],
    "CM503": ["TAGS: FR KSCA PARM PREL MNUC TSPA ETTC"],
    "CM504": ["MISSILE TECHNOLOGY CONTROL REGIME"],
    "CM505": ["4.", "4."],
    "CM506": ["Comment"],
    "CM507": ["NOWHERE 96519"],
    "CM508": ["PARIS 3759"],
    "CM509": ["06 SECSTATE 96519"],
}


def edited(name: str, edits: tuple[tuple[str, str], ...]) -> str:
    text = read_text(DATA / f"{name}.txt")
    for old, new in edits:
        text = text.replace(old, new, 1)
    return text


def underlined(text: str, finding: cablemodel.Finding) -> str:
    assert finding.end_line == finding.line
    return text.split("\n")[finding.line - 1][finding.column - 1 : finding.end_column - 1]


def test_every_rule_is_covered() -> None:
    assert set(UNDERLINED) == set(FAILING)


@pytest.mark.parametrize("code", sorted(FAILING))
def test_a_finding_spans_its_token(code: str) -> None:
    name, edits, _ = FAILING[code]
    text = edited(name, edits)
    findings = [f for f in validate(cablemodel.parse(text)) if f.code == code]

    assert [underlined(text, finding) for finding in findings] == UNDERLINED[code]


def test_the_full_report_underlines_the_bad_date(tmp_path: Path) -> None:
    folder = tmp_path
    text = edited("05PARIS3759", (("DECL: 05/31/2015", "DECL: 05/31/2004"),))
    (folder / "05PARIS3759.txt").write_text(text, encoding="utf-8", newline="")

    result = run("check", "--select", "CM301", "05PARIS3759.txt", cwd=folder)

    assert result.returncode == 1
    assert result.stdout.splitlines()[:3] == [
        "05PARIS3759.txt:22:19: CM301 [error] DECL date 2004-05-31 is before the cable was "
        "created, 2005-05-31",
        " 22 | E.O. 12958: DECL: 05/31/2004",
        "    |                   ^^^^^^^^^^",
    ]


def test_a_repeated_unknown_tag_is_one_finding() -> None:
    # As on 03ROME2045's TAGS line: IZPREL IZPREL IZPREL IZPREL IZPREL.
    line = TAGS_LINE.replace("ETTC", "ETTC POGOV ETTC POGOV POGOV")
    text = edited("05PARIS3759", ((TAGS_LINE, line),))
    findings = [f for f in validate(cablemodel.parse(text)) if f.code == "CM502"]

    assert [(f.line, f.column, f.path) for f in findings] == [(23, 40, "$.blocks[4].entries[7]")]


def test_findings_that_cannot_be_told_apart_are_one() -> None:
    # Built in code, a cable has no spans: two REF items NOWHERE 1 both stand at 1:1 with
    # the same message.
    cable = cablemodel.parse(read_text(DATA / "05PARIS3759.txt"))
    ref = model.Ref(pieces=(
        model.CableRef("NOWHERE", 1), model.RefWord(","), model.CableRef("NOWHERE", 1),
    ))
    blocks = tuple(ref if isinstance(block, model.Ref) else block for block in cable.blocks)
    built = model.Cable(publisher=cable.publisher, blocks=blocks)

    findings = [f for f in validate(built) if f.code == "CM507"]
    assert [(f.line, f.column, f.message, f.path) for f in findings] == [
        (1, 1, "REF item NOWHERE 1 names no known origin", "$.blocks[6].pieces[0]")
    ]
    # Rendered and parsed, the items of both REF lines (the preamble is repeated) stand
    # apart: four findings.
    reparsed = cablemodel.parse(cablemodel.render(built))
    assert [(f.line, f.column) for f in validate(reparsed) if f.code == "CM507"] == [
        (27, 6), (27, 17), (41, 6), (41, 17)
    ]


@given(cable_texts())
def test_spans_lie_on_their_line(text: str) -> None:
    lines = text.split("\n")
    for finding in validate(cablemodel.parse(text)):
        assert finding.line == finding.end_line
        line = lines[finding.line - 1]
        assert 1 <= finding.column < finding.end_column <= len(line) + 1, finding
        assert line[finding.column - 1 : finding.end_column - 1].strip(), finding
