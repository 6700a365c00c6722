"""Output formats of ``cablemodel check``. Lines and columns are 1-based in every format.

Text formats (full, concise, github) are written file by file as results arrive; the
document formats (json, sarif, junit) are written once at the end. json-lines streams.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TextIO

from attrs import frozen

from ..rules import Finding, Rule, Severity
from .escape import json_text, shown, stop_commands_token, uri_reference, xml_text

__all__ = [
    "FORMATS",
    "MACHINE_FORMATS",
    "Checked",
    "Formatter",
    "make_formatter",
    "wants_colour",
]

FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif", "junit")
MACHINE_FORMATS = frozenset({"json", "json-lines", "sarif", "junit"})

_SARIF_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_GITHUB_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@frozen
class Checked:
    """One checked input as reported: findings after configuration and baseline.

    ``path`` names the input as the check does (``cables.csv:6`` for a row); ``file`` is
    the file itself. The lines and columns of a page's or a row's findings are those of
    the text layout made from it, not of the file: ``input_format`` says which, and
    ``record_line`` is the line of the dump where a row's record starts.
    """

    path: str
    findings: tuple[Finding, ...]
    lines: dict[int, str]
    failed: bool
    file: str = ""
    row: int | None = None
    input_format: str = "text"
    record_line: int | None = None

    @property
    def artifact(self) -> str:
        """The file the findings belong to."""
        return self.file or self.path

    def place(self, finding: Finding) -> str:
        """Where a finding stands, for a reader: ``path:line:col``; for a row
        ``cables.csv row 6, 16:25``, for a page ``page.html, cable text 16:25`` (the
        position is in the cable's text, not in the file)."""
        note = self.position_note(finding)
        if note is None:
            return f"{self.path}:{finding.line}:{finding.column}"
        return f"{self.artifact}{' ' if self.row is not None else ', '}{note}"

    def position_note(self, finding: Finding) -> str | None:
        """``row 6, 16:25`` or ``cable text 16:25`` when the position is not the file's."""
        position = f"{finding.line}:{finding.column}"
        if self.row is not None:
            return f"row {self.row}, {position}"
        if self.input_format == "html":
            return f"cable text {position}"
        return None


# SGR colours of a terminal: bold for the place, a colour per severity.
_BOLD = "1"
_COLOUR = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}


def _paint(text: str, style: str, colour: bool) -> str:
    return f"\x1b[{style}m{text}\x1b[0m" if colour else text


def heading(
    path: str, finding: Finding, *, colour: bool = False, checked: Checked | None = None
) -> str:
    """``path:line:col: CODE [severity] message`` (the concise format), safe to print;
    with ``colour``, the place in bold and the code and severity in the severity's
    colour. With ``checked``, a row or page is named as :meth:`Checked.place` does."""
    where = f"{path}:{finding.line}:{finding.column}" if checked is None else (
        checked.place(finding)
    )
    place = _paint(f"{shown(where)}:", _BOLD, colour)
    tint = _COLOUR[finding.severity]
    code = _paint(f"{finding.code} [{finding.severity.value}]", f"{_BOLD};{tint}", colour)
    return f"{place} {code} {shown(finding.message)}"


def finding_json(path: str, finding: Finding) -> dict[str, Any]:
    return {
        "path": path,
        "code": finding.code,
        "name": finding.name,
        "severity": finding.severity.value,
        "message": finding.message,
        "line": finding.line,
        "column": finding.column,
        "end_line": finding.end_line,
        "end_column": finding.end_column,
        "model_path": finding.path,
    }


class Formatter:
    """Writes one report to ``out``; ``add`` per file in order, then ``finish``."""

    #: Whether the text formats colour their output (a terminal that wants it).
    colour = False

    def __init__(self, out: TextIO, rules: Sequence[Rule], version: str) -> None:
        self.out = out
        self.rules = rules
        self.version = version

    def add(self, checked: Checked) -> None:
        """Called for every checked file, in output order."""

    def finish(self) -> None:
        """Called once after the last file."""


class Concise(Formatter):
    def add(self, checked: Checked) -> None:
        for finding in checked.findings:
            self.out.write(
                heading(checked.path, finding, colour=self.colour, checked=checked) + "\n"
            )


class Full(Formatter):
    def add(self, checked: Checked) -> None:
        for finding in checked.findings:
            self.out.write(
                full_entry(checked.path, finding, checked.lines.get(finding.line),
                           colour=self.colour, checked=checked)
            )


#: Source lines longer than this are shown as a window around the finding's column.
SHOWN_WIDTH = 100


def full_entry(
    path: str,
    finding: Finding,
    source_line: str | None,
    *,
    colour: bool = False,
    checked: Checked | None = None,
) -> str:
    """The heading, then the source line and a caret under the span, then a blank line."""
    text = heading(path, finding, colour=colour, checked=checked) + "\n"
    if source_line is not None:
        gutter = " " * len(str(finding.line))
        same_line = finding.end_line == finding.line
        width = max(1, finding.end_column - finding.column) if same_line else 1
        width = min(width, max(1, len(source_line) - finding.column + 1))
        window, offset = _window(source_line, finding.column - 1)
        width = max(1, min(width, len(window) - offset))
        # control characters are shown as escapes: the caret moves with them
        before, under = shown(window[:offset]), shown(window[offset : offset + width])
        carets = _paint("^" * len(under), f"{_BOLD};{_COLOUR[finding.severity]}", colour)
        text += f" {finding.line} | {shown(window)}\n"
        text += f" {gutter} | {' ' * len(before)}{carets}\n"
    return text + "\n"


def _window(line: str, index: int) -> tuple[str, int]:
    """At most SHOWN_WIDTH characters of ``line`` around ``index`` ("…" marks a cut),
    and where ``index`` falls in what is shown."""
    if len(line) <= SHOWN_WIDTH:
        return line, index
    start = max(0, min(index - SHOWN_WIDTH // 4, len(line) - SHOWN_WIDTH))
    shown = line[start : start + SHOWN_WIDTH]
    if start > 0:
        shown = "…" + shown[1:]
    if start + SHOWN_WIDTH < len(line):
        shown = shown[:-1] + "…"
    return shown, index - start


class JsonLines(Formatter):
    def add(self, checked: Checked) -> None:
        for finding in checked.findings:
            self.out.write(json_text(finding_json(checked.path, finding)) + "\n")


class Json(Formatter):
    def __init__(self, out: TextIO, rules: Sequence[Rule], version: str) -> None:
        super().__init__(out, rules, version)
        self.items: list[dict[str, Any]] = []

    def add(self, checked: Checked) -> None:
        self.items.extend(finding_json(checked.path, finding) for finding in checked.findings)

    def finish(self) -> None:
        self.out.write(json_text(self.items, indent=2) + "\n")


def escape_data(text: str) -> str:
    """Escape a workflow-command message as @actions/core does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value as @actions/core does."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


class GitHub(Formatter):
    """Annotations, then the complete report in a log group (GitHub shows only ten
    annotations of each kind per step), and a Markdown table in $GITHUB_STEP_SUMMARY.

    Every value from the input is escaped for its place; the listing of the group is
    also fenced by ``::stop-commands::``, so no line of it is read as a command."""

    def __init__(self, out: TextIO, rules: Sequence[Rule], version: str) -> None:
        super().__init__(out, rules, version)
        self.entries: list[str] = []
        self.rows: list[str] = []

    def add(self, checked: Checked) -> None:
        for finding in checked.findings:
            title = f"{finding.code} {finding.name}"
            where: tuple[tuple[str, object], ...]
            if checked.row is not None or checked.input_format == "html":
                # The position is in the cable's text, not in the file: the annotation
                # marks the row's first line (or the page) and names the position.
                where = () if checked.record_line is None else (("line", checked.record_line),)
                title += f" ({checked.position_note(finding)})"
            else:
                where = (
                    ("line", finding.line),
                    ("endLine", finding.end_line),
                    ("col", finding.column),
                    ("endColumn", finding.end_column),
                )
            properties = ",".join(
                f"{key}={escape_property(shown(str(value)))}"
                for key, value in (("file", checked.artifact), *where, ("title", title))
            )
            command = _GITHUB_COMMAND[finding.severity]
            message = escape_data(shown(finding.message))
            self.out.write(f"::{command} {properties}::{message}\n")
            self.entries.append(
                full_entry(checked.path, finding, checked.lines.get(finding.line), checked=checked)
            )
            self.rows.append(
                f"| {_cell(shown(checked.place(finding)))} | {finding.code} "
                f"| {finding.severity.value} | {_cell(shown(finding.message))} |"
            )

    def finish(self) -> None:
        if self.entries:
            token = stop_commands_token()
            self.out.write("::group::cablemodel: all findings\n")
            self.out.write(f"::stop-commands::{token}\n")
            self.out.write("".join(self.entries))
            self.out.write(f"::{token}::\n")
            self.out.write("::endgroup::\n")
        summary_path = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary_path and self.rows:
            _append_summary(summary_path, self.rows)


#: GitHub keeps at most 1 MiB of job summary per step.
SUMMARY_LIMIT = 1024 * 1024


def _append_summary(path: str, rows: Sequence[str]) -> None:
    """The table of findings, appended to the step's summary and cut to fit its limit
    (with what is already there) with a note saying how many rows were left out."""
    head = "## cablemodel check\n\n| where | code | severity | message |\n|---|---|---|---|\n"
    try:
        used = os.path.getsize(path)
    except OSError:
        used = 0
    note_room = 200  # the note that says what was cut
    room = SUMMARY_LIMIT - used - len(head.encode("utf-8")) - note_room
    kept: list[str] = []
    for row in rows:
        size = len(row.encode("utf-8")) + 1
        if size > room:
            break
        kept.append(row)
        room -= size
    text = head + "".join(row + "\n" for row in kept)
    left_out = len(rows) - len(kept)
    if left_out:
        text += (
            f"\n{left_out} of {len(rows)} findings are not in this table: GitHub keeps 1 MiB "
            "of summary per step. The log group above lists them all.\n"
        )
    with open(path, "a", encoding="utf-8") as summary:
        summary.write(text)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class Sarif(Formatter):
    def __init__(self, out: TextIO, rules: Sequence[Rule], version: str) -> None:
        super().__init__(out, rules, version)
        self.results: list[dict[str, Any]] = []

    def add(self, checked: Checked) -> None:
        uri = uri_reference(checked.artifact)
        for finding in checked.findings:
            region = {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
            }
            location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": uri}}}
            if checked.row is None and checked.input_format != "html":
                location["physicalLocation"]["region"] = region
            else:
                # The position is in the cable's text made from the row or page, not in
                # the file: the row (or page) is the logical location, the file's region
                # is the row's first line, and the cable's region is a property.
                if checked.record_line is not None:
                    location["physicalLocation"]["region"] = {"startLine": checked.record_line}
                name = f"row {checked.row}" if checked.row is not None else "cable text"
                location["logicalLocations"] = [
                    {"name": name, "fullyQualifiedName": f"{checked.artifact}/{name}",
                     "kind": "element"}
                ]
                location["properties"] = {"cableRegion": region}
            self.results.append(
                {
                    "ruleId": finding.code,
                    "level": _SARIF_LEVEL[finding.severity],
                    "message": {"text": finding.message},
                    "locations": [location],
                }
            )

    def finish(self) -> None:
        from ..rules.explain import DOCS_URL, explain, rule_url

        rules = [
            {
                "id": info.code,
                "name": info.name,
                "shortDescription": {"text": info.summary},
                "fullDescription": {"text": info.checks or info.summary},
                "help": {"text": info.fix or info.summary, "markdown": explain(info)},
                "helpUri": rule_url(info.code),
                "defaultConfiguration": {"level": _SARIF_LEVEL[info.severity]},
            }
            for info in self.rules
        ]
        document = {
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [
                {
                    "tool": {
                        "driver": {
                            "name": "cablemodel",
                            "version": self.version,
                            "informationUri": DOCS_URL,
                            "rules": rules,
                        }
                    },
                    "columnKind": "unicodeCodePoints",
                    "results": self.results,
                }
            ],
        }
        self.out.write(json_text(document, indent=2) + "\n")


class JUnit(Formatter):
    """One test case per file; it fails when the file has a failing finding."""

    def __init__(self, out: TextIO, rules: Sequence[Rule], version: str) -> None:
        super().__init__(out, rules, version)
        from xml.etree import ElementTree  # only this format needs it

        self.tree = ElementTree
        self.suite = ElementTree.Element("testsuite", name="cablemodel")
        self.tests = 0
        self.failures = 0

    def add(self, checked: Checked) -> None:
        self.tests += 1
        case = self.tree.SubElement(
            self.suite, "testcase", name=xml_text(checked.path), classname="cablemodel.check"
        )
        # headings are shown(): no character XML cannot hold is left in them
        listing = "".join(
            heading(checked.path, finding, checked=checked) + "\n" for finding in checked.findings
        )
        if checked.failed:
            self.failures += 1
            count = len(checked.findings)
            failure = self.tree.SubElement(
                case, "failure", message=f"{count} finding{'' if count == 1 else 's'}"
            )
            failure.text = listing
        elif listing:
            self.tree.SubElement(case, "system-out").text = listing

    def finish(self) -> None:
        counts = {
            "tests": str(self.tests),
            "failures": str(self.failures),
            "errors": "0",
            "skipped": "0",
        }
        self.suite.attrib.update(counts)
        root = self.tree.Element("testsuites", {"name": "cablemodel", **counts})
        root.append(self.suite)
        self.tree.indent(root)
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(self.tree.tostring(root, encoding="unicode") + "\n")


class Statistics(Formatter):
    """Lists no finding: with --statistics the run writes only the counts per rule."""


_FORMATTERS: dict[str, Callable[[TextIO, Sequence[Rule], str], Formatter]] = {
    "statistics": Statistics,
    "full": Full,
    "concise": Concise,
    "json": Json,
    "json-lines": JsonLines,
    "github": GitHub,
    "sarif": Sarif,
    "junit": JUnit,
}


def make_formatter(
    name: str, out: TextIO, rules: Sequence[Rule], version: str, *, colour: bool = False
) -> Formatter:
    """The formatter of ``name``; ``colour`` applies to the text formats full and concise."""
    formatter = _FORMATTERS[name](out, rules, version)
    formatter.colour = colour and name in ("full", "concise")
    return formatter


def wants_colour(choice: str, stream: TextIO, environment: Mapping[str, str]) -> bool:
    """``--color``: always, never, or auto: FORCE_COLOR (set and not empty) turns colour
    on, NO_COLOR (set and not empty, no-color.org) off, else a terminal gets colour."""
    if choice != "auto":
        return choice == "always"
    if environment.get("FORCE_COLOR"):
        return True
    if environment.get("NO_COLOR") or environment.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())
