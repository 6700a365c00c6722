"""`cablemodel check` and `parse` read cablegate HTML pages and the cables.csv dump."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.helpers import HTML, csv_row, run


def test_check_reads_an_html_page(tmp_path: Path) -> None:
    shutil.copy(HTML / "09BERN351.html", tmp_path / "page.html")

    result = run(
        "check", "--input-format", "html", "--output-format", "json", "page.html", cwd=tmp_path
    )
    report = json.loads(result.stdout)

    assert result.returncode == 0
    assert [(f["path"], f["code"]) for f in report] == [("page.html", "CM402")]


def test_auto_takes_pages_and_texts_from_a_folder(tmp_path: Path) -> None:
    shutil.copytree(HTML, tmp_path / "pages")

    result = run(
        "check", "--input-format", "auto", "--output-format", "concise", "pages", cwd=tmp_path
    )

    assert result.returncode == 0
    assert result.stdout.splitlines()[-1].startswith("Checked 12 files:")


def test_parse_reads_csv_rows(tmp_path: Path) -> None:
    body = 'UNCLAS PARIS 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: A, "QUOTED" TEST\n\nWOLFF'
    fields = ["1", "5/31/2005 15:15", "05PARIS1", "Embassy Paris", "UNCLASSIFIED", "", "", body]
    (tmp_path / "cables.csv").write_text(csv_row(fields), encoding="utf-8")

    result = run("parse", "--input-format", "csv", "cables.csv", cwd=tmp_path)
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    document = record["cable"]

    assert result.returncode == 0
    assert (record["source"], record["input_format"]) == ("cables.csv:1", "csv")
    assert document["publisher"]["reference_id"]["origin"] == "PARIS"
    assert document["publisher"]["created"] == "2005-05-31T15:15:00"


def test_a_broken_page_is_cm001(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body>no cable here</body></html>", encoding="utf-8")

    result = run(
        "check", "--input-format", "html", "--output-format", "concise", "page.html", cwd=tmp_path
    )

    assert result.returncode == 1
    assert result.stdout.startswith("page.html, cable text 1:1: CM001 [error] ")


def test_csv_rows_have_no_title_to_compare(tmp_path: Path) -> None:
    # The dump has no titles: its rows are not CM504 findings (Title '' differs from ...).
    body = 'UNCLAS PARIS 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: A TEST\n\nWOLFF'
    fields = ["1", "5/31/2005 15:15", "05PARIS1", "Embassy Paris", "UNCLASSIFIED", "", "", body]
    (tmp_path / "cables.csv").write_text(csv_row(fields), encoding="utf-8")

    result = run(
        "check", "--input-format", "csv", "--output-format", "json", "--select", "CM5",
        "cables.csv", cwd=tmp_path,
    )

    assert result.returncode == 0
    assert json.loads(result.stdout) == []


def test_rows_and_pages_are_located_validly(tmp_path: Path) -> None:
    # A row's or page's positions are in the cable text made from it, not in the file:
    # SARIF names the file, the row's first line and the row as logical location; GitHub
    # annotates that line; the text formats say "row N".
    body = "UNCLAS PARIS 000001\n\nE.O. 12958: N/A\nTAGS: PREL POGOV\nSUBJECT: A TEST\n\nWOLFF"
    rows = [["1", "5/31/2005 15:15", "05PARIS1", "Embassy Paris", "UNCLASSIFIED", "", "", body],
            ["2", "5/31/2005 15:15", "05PARIS2", "Embassy Paris", "UNCLASSIFIED", "", "",
             body.replace("000001", "000002")]]
    (tmp_path / "with space ü.csv").write_text("".join(map(csv_row, rows)), encoding="utf-8")
    shutil.copy(HTML / "09BERN351.html", tmp_path / "page.html")
    common = ("check", "--input-format", "auto", "with space ü.csv", "page.html")

    concise = run(*common, "--output-format", "concise", cwd=tmp_path)
    github = run(*common, "--output-format", "github", cwd=tmp_path)
    sarif = json.loads(run(*common, "--output-format", "sarif", cwd=tmp_path).stdout)

    assert concise.stdout.splitlines() == [
        "page.html, cable text 7:1: CM402 [warning] The publisher's classification "
        "SECRET//NOFORN has //NOFORN, but the cable carries no NOFORN caption",
        "with space ü.csv row 1, 18:12: CM502 [info] Tag POGOV is not a known geographic, "
        "subject, program, organisation or person tag (probably PGOV)",
        "with space ü.csv row 2, 18:12: CM502 [info] Tag POGOV is not a known geographic, "
        "subject, program, organisation or person tag (probably PGOV)",
        "Checked 3 cables in 2 files: 1 warning, 2 infos; 0 cables failed.",
    ]
    annotations = [line for line in github.stdout.splitlines()
                   if line.startswith(("::notice", "::warning"))]
    assert annotations[0].startswith(
        "::warning file=page.html,title=CM402 noforn-caption-mismatch (cable text 7%3A1)::"
    )
    assert annotations[1].startswith(
        "::notice file=with space ü.csv,line=1,title=CM502 unknown-tag (row 1%2C 18%3A12)::"
    )
    assert annotations[2].startswith("::notice file=with space ü.csv,line=8,")
    results = sarif["runs"][0]["results"]
    assert [result["locations"][0] for result in results[1:]] == [
        {
            "physicalLocation": {
                "artifactLocation": {"uri": "with%20space%20%C3%BC.csv"},
                "region": {"startLine": line},
            },
            "logicalLocations": [{"name": f"row {row}",
                                  "fullyQualifiedName": f"with space ü.csv/row {row}",
                                  "kind": "element"}],
            "properties": {"cableRegion": {"startLine": 18, "startColumn": 12,
                                           "endLine": 18, "endColumn": 17}},
        }
        for row, line in ((1, 1), (2, 8))
    ]
    page = results[0]["locations"][0]
    assert page["physicalLocation"] == {"artifactLocation": {"uri": "page.html"}}
    assert page["logicalLocations"][0]["name"] == "cable text"
