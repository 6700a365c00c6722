"""The full format shows a window of a long source line, caret under the column."""

from __future__ import annotations

from cablemodel.check.report import SHOWN_WIDTH, full_entry
from cablemodel.rules import Finding, Severity


def _finding(column: int, end_column: int) -> Finding:
    return Finding("CM404", "portion-above-banner", Severity.ERROR, "message", 3, column, 3,
                   end_column, "$.blocks[2]")


def test_short_line_is_shown_whole() -> None:
    entry = full_entry("a.txt", _finding(4, 7), "1. (C) text")

    assert entry.splitlines()[1:] == [" 3 | 1. (C) text", "   |    ^^^", ""]


def test_long_line_is_cut_around_the_column() -> None:
    line = "x" * 300 + "HERE" + "y" * 300
    entry = full_entry("a.txt", _finding(301, 305), line)
    shown, caret = entry.splitlines()[1:3]
    body = shown[len(" 3 | "):]

    assert len(body) == SHOWN_WIDTH
    assert body.startswith("…")
    assert body.endswith("…")
    assert body[caret.index("^") - len("   | ") :].startswith("HERE")
    assert caret.endswith("^^^^")
