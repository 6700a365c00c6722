"""One run of the checker in this process: counting, exit status, outputs, refused inputs."""

from __future__ import annotations

import io
import json
import os
import shutil
from pathlib import Path

import pytest

import cablemodel
from cablemodel.check import (
    EXIT_FINDINGS,
    EXIT_OK,
    CheckError,
    CheckRequest,
    Tally,
    choose_output_format,
    run_check,
)
from cablemodel.rules import Finding, Severity
from tests.helpers import HTML, SEED, csv_row, read_text


def finding(code: str, severity: Severity) -> Finding:
    return Finding(code, "name", severity, "m", 1, 1, 1, 2, "$")


def check(request: CheckRequest, cwd: Path) -> tuple[int, str, str]:
    """Run in ``cwd`` (settings are found from there); exit status, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    try:
        status = run_check(request, stdin=io.BytesIO(b""), stdout=out, stderr=err, environment={})
    finally:
        os.chdir(previous)
    return status, out.getvalue(), err.getvalue()


@pytest.fixture
def cables(tmp_path: Path) -> Path:
    folder = tmp_path / "cables"
    folder.mkdir()
    shutil.copyfile(SEED, folder / "05PARIS3759.txt")
    (folder / "broken.txt").write_text("Identifier\nnot a cable\n", encoding="utf-8")
    return folder


def test_the_tally_counts_fails_and_sums_up() -> None:
    tally = Tally(strict=False)
    assert tally.add("a.txt", [finding("CM204", Severity.INFO)]) is False
    assert tally.add("b.txt", [finding("CM001", Severity.ERROR)]) is True
    assert tally.add("c.txt", [finding("CM101", Severity.WARNING)]) is False
    assert tally.summary() == "Checked 3 files: 1 error, 1 warning, 1 info; 1 file failed."
    assert tally.exit_status(exit_zero=False) == EXIT_FINDINGS
    assert tally.exit_status(exit_zero=True) == EXIT_OK
    assert Tally(strict=True).failing([finding("CM101", Severity.WARNING)]) is True
    assert Tally().summary() == "Checked 0 files: no findings."


def test_a_run_reports_counts_and_exits_1_on_an_error(cables: Path) -> None:
    status, out, err = check(
        CheckRequest(paths=("cables",), output_format="concise"), cables.parent
    )

    assert status == EXIT_FINDINGS
    assert err == ""
    lines = out.splitlines()
    assert (
        lines[0] == "cables/05PARIS3759.txt:16:25: CM204 [info] Banner announces 2 sections, "
        "but the text holds only section 1"
    )
    assert lines[-1] == "Checked 2 files: 1 error, 2 infos; 1 file failed."


def test_machine_formats_put_the_summary_on_stderr(cables: Path) -> None:
    status, out, err = check(CheckRequest(paths=("cables",), output_format="json"), cables.parent)

    assert status == EXIT_FINDINGS
    assert [item["code"] for item in json.loads(out)] == ["CM204", "CM206", "CM001"]
    assert err.splitlines() == ["Checked 2 files: 1 error, 2 infos; 1 file failed."]


def test_statistics_count_only(cables: Path) -> None:
    # As ruff does: with --statistics no finding is listed, only the counts per rule.
    status, out, err = check(
        CheckRequest(paths=("cables",), output_format="full", statistics=True), cables.parent
    )
    assert status == EXIT_FINDINGS
    assert err == ""
    assert out.splitlines() == [
        "     1  CM001  unparseable-cable",
        "     1  CM204  missing-sections-in-extract",
        "     1  CM206  duplicated-preamble",
        "Checked 2 files: 1 error, 2 infos; 1 file failed.",
    ]

    status, out, err = check(
        CheckRequest(paths=("cables",), output_format="json", statistics=True), cables.parent
    )
    assert [(item["code"], item["count"]) for item in json.loads(out)] == [
        ("CM001", 1), ("CM204", 1), ("CM206", 1)
    ]
    assert err.splitlines() == ["Checked 2 files: 1 error, 2 infos; 1 file failed."]


def test_the_output_file_is_written_whole_and_the_old_one_survives_a_failure(
    cables: Path,
) -> None:
    report = cables.parent / "report.json"
    report.write_text("old report\n", encoding="utf-8")
    status, _, _ = check(
        CheckRequest(paths=("cables",), output_format="json", output_file="report.json"),
        cables.parent,
    )
    assert status == EXIT_FINDINGS
    assert len(json.loads(report.read_text(encoding="utf-8"))) == 3

    report.write_text("old report\n", encoding="utf-8")
    with pytest.raises(CheckError, match=r"^no such file or directory: missing$"):
        check(CheckRequest(paths=("cables", "missing"), output_file="report.json"), cables.parent)
    assert report.read_text(encoding="utf-8") == "old report\n"
    assert sorted(path.name for path in cables.parent.iterdir()) == ["cables", "report.json"]


def test_an_output_that_is_also_an_input_is_refused_before_anything_is_read(
    cables: Path,
) -> None:
    seed = cables / "05PARIS3759.txt"
    before = seed.read_bytes()
    for request in (
        CheckRequest(paths=("cables",), output_file="cables/05PARIS3759.txt"),
        CheckRequest(paths=("cables",), write_baseline="cables/../cables/05PARIS3759.txt"),
    ):
        with pytest.raises(CheckError) as raised:
            check(request, cables.parent)
        assert str(raised.value).endswith(
            "05PARIS3759.txt: the output file is also an input; choose another"
        )
    assert seed.read_bytes() == before


def test_every_input_format_goes_through_the_pool(tmp_path: Path) -> None:
    """--jobs works for pages and dump rows too: 70 rows of a dump, two workers."""
    text = read_text(SEED)
    body = text.partition("pdf\xa0how-to read a cable\n")[2]
    rows = [
        csv_row(
            [
                str(n),
                "5/31/2005 15:15",
                "05PARIS3759",
                "Embassy Paris",
                "CONFIDENTIAL",
                "",
                "",
                body,
            ]
        )
        for n in range(70)
    ]
    (tmp_path / "cables.csv").write_text("".join(rows), encoding="utf-8")
    shutil.copy(HTML / "09BERN351.html", tmp_path / "page.html")

    serial = list(cablemodel.iter_results([tmp_path], input_format="auto", jobs=1))
    pooled = list(cablemodel.iter_results([tmp_path], input_format="auto", jobs=2))

    assert [result.location for result in pooled] == [
        *(f"{tmp_path / 'cables.csv'}:{row}" for row in range(1, 71)),
        str(tmp_path / "page.html"),
    ]
    assert [(r.location, r.findings) for r in pooled] == [(r.location, r.findings) for r in serial]
    assert {r.input_format for r in pooled} == {"csv", "html"}
    assert all(r.error is None for r in pooled)


def test_the_output_format_comes_from_the_flag_the_environment_or_github() -> None:
    assert choose_output_format("sarif", {"CABLEMODEL_OUTPUT_FORMAT": "json"}) == "sarif"
    assert choose_output_format(None, {"CABLEMODEL_OUTPUT_FORMAT": "json"}) == "json"
    assert choose_output_format(None, {"GITHUB_ACTIONS": "true"}) == "github"
    assert choose_output_format(None, {}) == "full"
    with pytest.raises(CheckError, match=r"^CABLEMODEL_OUTPUT_FORMAT='xml' is not one of full, "):
        choose_output_format(None, {"CABLEMODEL_OUTPUT_FORMAT": "xml"})
