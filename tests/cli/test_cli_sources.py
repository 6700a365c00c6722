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
    (document,) = [json.loads(line) for line in result.stdout.splitlines()]

    assert result.returncode == 0
    assert document["publisher"]["reference_id"]["origin"] == "PARIS"
    assert document["publisher"]["created"] == "2005-05-31T15:15:00"


def test_a_broken_page_is_cm001(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><body>no cable here</body></html>", encoding="utf-8")

    result = run(
        "check", "--input-format", "html", "--output-format", "concise", "page.html", cwd=tmp_path
    )

    assert result.returncode == 1
    assert result.stdout.startswith("page.html:1:1: CM001 [error] ")


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
