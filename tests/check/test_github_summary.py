"""The GitHub job summary stays within the 1 MiB GitHub keeps per step, and says what it
left out."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from cablemodel.check.report import SUMMARY_LIMIT, Checked, make_formatter
from cablemodel.rules import Finding, Severity, catalogue


def finding(number: int) -> Finding:
    message = f"Tag T{number} is not a known tag " + "x" * 200
    return Finding("CM502", "unknown-tag", Severity.INFO, message, 23, 7, 23, 11, "$")


def test_the_summary_is_cut_at_one_mebibyte(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier steps wrote this\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    formatter = make_formatter("github", io.StringIO(), catalogue(), "")
    count = 6000  # about 1.5 MiB of rows
    for number in range(count):
        formatter.add(Checked(f"cables/{number:05d}.txt", (finding(number),), {}, False))
    formatter.finish()

    text = summary.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| cables/")]
    assert summary.stat().st_size <= SUMMARY_LIMIT
    assert summary.stat().st_size > SUMMARY_LIMIT - 2000
    assert text.startswith("earlier steps wrote this\n## cablemodel check\n")
    assert 3000 < len(rows) < count
    assert text.endswith(
        f"\n{count - len(rows)} of {count} findings are not in this table: GitHub keeps "
        "1 MiB of summary per step. The log group above lists them all.\n"
    )


def test_a_small_summary_is_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    formatter = make_formatter("github", io.StringIO(), catalogue(), "")
    formatter.add(Checked("cables/a.txt", (finding(1),), {}, False))
    formatter.finish()

    assert summary.read_text(encoding="utf-8") == (
        "## cablemodel check\n\n| where | code | severity | message |\n|---|---|---|---|\n"
        f"| cables/a.txt:23:7 | CM502 | info | {finding(1).message} |\n"
    )
