"""One run of ``cablemodel check``: settings, inputs, baseline, report, counts, exit status.

The command line only turns its flags into a :class:`CheckRequest` and calls
:func:`run_check`; everything a run decides is here, and testable without a process.
"""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import BinaryIO, Protocol, TextIO

from attrs import field, frozen

from .._output import atomic_text, same_file
from ..batch import Result, check_bytes, iter_results
from ..rules import Finding, Rule, Severity, catalogue
from ..sources import DEFAULT_GLOBS, FormatChoice, InputFile, input_files
from .baseline import Baseline, Entry, entry_for, read_baseline, write_baseline
from .errors import CheckError
from .escape import shown
from .report import FORMATS, MACHINE_FORMATS, Checked, make_formatter, wants_colour
from .settings import Layer, Settings, config_start, load_settings

__all__ = [
    "EXIT_FAILURE",
    "EXIT_FINDINGS",
    "EXIT_OK",
    "STDIN",
    "CheckRequest",
    "Progress",
    "Tally",
    "choose_output_format",
    "collect_inputs",
    "nothing_to_check",
    "output_stream",
    "package_version",
    "read_error_message",
    "refuse_overwriting_inputs",
    "run_check",
]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_FAILURE = 2

#: The path that means standard input.
STDIN = "-"


@frozen(kw_only=True)
class CheckRequest:
    """Everything one run of the checker is asked to do (the command line's flags)."""

    paths: tuple[str, ...]
    input_format: FormatChoice = "text"
    glob: str | None = None
    output_format: str | None = None  # None: $CABLEMODEL_OUTPUT_FORMAT, github, or full
    output_file: str | None = None
    config: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: tuple[str, ...] = ()  # CODE=LEVEL
    strict: bool = False
    exit_zero: bool = False
    baseline: str | None = None
    write_baseline: str | None = None
    jobs: int | None = None
    statistics: bool = False
    quiet: bool = False
    stdin_filename: str | None = None
    version: str = ""
    show_files: bool = False
    show_settings: bool = False
    color: str = "auto"  # auto | always | never


class Progress(Protocol):
    """Shows how far a run is; cleared before report lines reach the same terminal."""

    def start(self, total: int | None) -> None:
        """``total``: the inputs to check, or None when not known (dump rows)."""

    def step(self) -> None: ...

    def clear(self) -> None: ...


class _NoProgress:
    def start(self, total: int | None) -> None:
        pass

    def step(self) -> None:
        pass

    def clear(self) -> None:
        pass


@frozen
class Tally:
    """What a run found, counted as the report was written."""

    strict: bool = False
    severities: Counter[Severity] = field(factory=Counter)
    per_rule: Counter[str] = field(factory=Counter)
    checked: list[str] = field(factory=list)
    failed_files: list[str] = field(factory=list)
    suppressed: list[Entry] = field(factory=list)
    files: set[str] = field(factory=set)

    def failing(self, findings: Sequence[Finding]) -> bool:
        """Whether these findings fail the check: an error, or a warning when strict."""
        return any(
            finding.severity is Severity.ERROR
            or (self.strict and finding.severity is Severity.WARNING)
            for finding in findings
        )

    def add(self, location: str, findings: Sequence[Finding], file: str | None = None) -> bool:
        """Count one checked input's reported findings (``file``: the file it is in, for
        a dump row); say whether it failed."""
        self.checked.append(location)
        self.files.add(file or location)
        failed = self.failing(findings)
        if failed:
            self.failed_files.append(location)
        self.severities.update(finding.severity for finding in findings)
        self.per_rule.update(finding.code for finding in findings)
        return failed

    def summary(self) -> str:
        files = _plural(len(self.checked), "file")
        unit = "file"
        if self.files and len(self.files) != len(self.checked):  # rows of a dump
            files = f"{_plural(len(self.checked), 'cable')} in {_plural(len(self.files), 'file')}"
            unit = "cable"
        if sum(self.severities.values()):
            parts = ", ".join(
                _plural(self.severities[severity], severity.value)
                for severity in Severity
                if self.severities[severity]
            )
            failed = _plural(len(self.failed_files), unit)
            text = f"Checked {files}: {parts}; {failed} failed."
        else:
            text = f"Checked {files}: no findings."
        if self.suppressed:
            text += f" {_plural(len(self.suppressed), 'finding')} in the baseline not shown."
        return text

    def exit_status(self, exit_zero: bool) -> int:
        if exit_zero:
            return EXIT_OK
        return EXIT_FINDINGS if self.failed_files else EXIT_OK


def choose_output_format(chosen: str | None, environment: os._Environ[str] | dict[str, str]) -> str:
    """The report format: as chosen, else $CABLEMODEL_OUTPUT_FORMAT, else github on GitHub
    Actions, else full."""
    if chosen is not None:
        return chosen
    from_environment = environment.get("CABLEMODEL_OUTPUT_FORMAT")
    if from_environment:
        if from_environment not in FORMATS:
            raise CheckError(
                f"CABLEMODEL_OUTPUT_FORMAT={from_environment!r} is not one of {', '.join(FORMATS)}"
            )
        return from_environment
    return "github" if environment.get("GITHUB_ACTIONS") == "true" else "full"


def collect_inputs(
    paths: Sequence[str], input_format: FormatChoice, glob: str | None
) -> list[InputFile]:
    """The files the paths name (not ``-``), sorted by path, each once."""
    try:
        files = input_files([path for path in paths if path != STDIN], input_format, glob)
    except FileNotFoundError as error:
        raise CheckError(str(error)) from None
    except OSError as error:
        raise CheckError(f"{error.filename}: cannot read the folder ({error.strerror})") from None
    return sorted(files, key=lambda file: file.path)


def nothing_to_check(
    paths: Sequence[str], input_format: FormatChoice, glob: str | None
) -> str:
    """Why a run found no input, naming the paths, and the likely fix: a run that
    checks nothing must not pass."""
    patterns = f"--glob {glob}" if glob is not None else " ".join(DEFAULT_GLOBS[input_format])
    where = ", ".join(shown(path) for path in paths)
    message = f"no input file found in {where} (searched for {patterns})"
    suffixes: Counter[str] = Counter()
    for path in paths:
        for _root, folders, names in os.walk(path):
            folders[:] = [name for name in folders if not name.startswith(".")]
            suffixes.update(os.path.splitext(name)[1].lower() for name in names)
    kinds: Counter[str] = Counter()
    for suffix, count in suffixes.items():
        kind = {".txt": "text", ".html": "html", ".htm": "html", ".csv": "csv"}.get(suffix)
        if kind is not None:
            kinds[kind] += count
    if not suffixes:
        return f"{message}; the folder is empty: name the folder that holds the cables"
    if not kinds:
        return f"{message}; name the cable files with --glob (e.g. --glob '*.cable')"
    held = " and ".join(_plural(kinds[kind], f"{kind} file") for kind in sorted(kinds))
    if glob is not None:
        return f"{message}; the folder holds {held}: check --glob"
    choice = next(iter(kinds)) if len(kinds) == 1 else "auto"
    return f"{message}; the folder holds {held}: check them with --input-format {choice}"


def refuse_overwriting_inputs(outputs: Sequence[str | None], files: Sequence[InputFile]) -> None:
    """An output that is also an input would destroy what is being read: refuse it."""
    for output in outputs:
        if output is None or not os.path.exists(output):
            continue
        for file in files:
            if same_file(output, file.path):
                raise CheckError(f"{output}: the output file is also an input; choose another")


def run_check(
    request: CheckRequest,
    *,
    stdin: BinaryIO,
    stdout: TextIO,
    stderr: TextIO,
    progress: Progress | None = None,
    shares_terminal: bool = False,
    environment: os._Environ[str] | dict[str, str] | None = None,
) -> int:
    """Run the checker; write the report to ``stdout`` (or the output file) and notes to
    ``stderr``; return the exit status. ``shares_terminal``: ``stdout`` is the terminal
    the progress is drawn on. Raises :class:`CheckError` (and the settings' and
    baseline's errors, which are ones too) for what stops the run."""
    rules = catalogue()
    settings = load_settings(
        request.config,
        cli=Layer(request.select, request.extend_select, request.ignore),
        cli_severity=request.severity,
        known_codes=[registered.code for registered in rules],
        start=config_start(request.paths),
    )
    baseline = read_baseline(request.baseline) if request.baseline else None
    read_stdin = STDIN in request.paths
    files = collect_inputs(request.paths, request.input_format, request.glob)
    if not files and not read_stdin:
        raise CheckError(nothing_to_check(request.paths, request.input_format, request.glob))
    if request.show_files:
        stdout.writelines(f"{shown(file.path)}\n" for file in files)
        if read_stdin:
            stdout.write(f"{shown(request.stdin_filename or STDIN)} (standard input)\n")
        return EXIT_OK
    refuse_overwriting_inputs((request.output_file, request.write_baseline), files)
    output_format = choose_output_format(
        request.output_format, os.environ if environment is None else environment
    )
    if request.show_settings:
        patterns = request.glob or " ".join(DEFAULT_GLOBS[request.input_format])
        lines = [
            *settings.describe([registered.code for registered in rules]),
            f"input format: {request.input_format}; file names in folders: {patterns}",
            f"output format: {output_format}"
            + (f", to {request.output_file}" if request.output_file else ""),
            f"baseline: {request.baseline or 'none'}",
            f"files: {len(files) + read_stdin}",
        ]
        stdout.writelines(f"{shown(line)}\n" for line in lines)
        return EXIT_OK
    progress = progress or _NoProgress()
    has_rows = any(file.input_format == "csv" for file in files)
    progress.start(None if has_rows else len(files) + read_stdin)
    results = _results(files, read_stdin, request, stdin)
    if request.write_baseline is not None:
        return _write_baseline(request, settings, results, progress, stderr)

    tally = Tally(strict=request.strict)
    unreadable: list[str] = []
    with output_stream(request.output_file, stdout) as out:
        version = request.version or (package_version() if output_format == "sarif" else "")
        # --statistics reports the counts only, as ruff does: no finding is listed.
        colour = request.output_file is None and wants_colour(
            request.color, stdout, os.environ if environment is None else environment
        )
        formatter = make_formatter(
            "statistics" if request.statistics else output_format, out, rules, version,
            colour=colour,
        )
        for result in results:
            progress.step()
            if result.read_error is not None:
                unreadable.append(read_error_message(result))
                continue
            reported = _reported(result, settings, baseline, tally)
            failed = tally.add(result.location, reported, result.path)
            if reported and shares_terminal:
                progress.clear()
            formatter.add(
                Checked(
                    result.location, tuple(reported), result.lines, failed, file=result.path,
                    row=result.row, input_format=result.input_format,
                    record_line=result.record_line,
                )
            )
        progress.clear()
        formatter.finish()
        notes = stderr if output_format in MACHINE_FORMATS else out
        if request.statistics:
            _write_statistics(tally, rules, out, as_json=output_format in MACHINE_FORMATS)
        if not request.quiet:
            notes.write(tally.summary() + "\n")
            if baseline is not None:
                _write_stale(baseline, tally, request.baseline or "", notes)
    for message in unreadable:
        stderr.write(f"cablemodel: error: {message}\n")
    return EXIT_FAILURE if unreadable else tally.exit_status(request.exit_zero)


def _write_statistics(
    tally: Tally, rules: Sequence[Rule], out: TextIO, *, as_json: bool
) -> None:
    """The number of findings per rule, most first: a table, or JSON for the machine
    formats."""
    names = {registered.code: registered.name for registered in rules}
    ranked = sorted(tally.per_rule.items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        from .escape import json_text

        items = [{"code": code, "name": names.get(code, ""), "count": count}
                 for code, count in ranked]
        out.write(json_text(items, indent=2) + "\n")
        return
    for code, count in ranked:
        out.write(f"{count:6d}  {code}  {names.get(code, '')}\n")


def _reported(
    result: Result, settings: Settings, baseline: Baseline | None, tally: Tally
) -> list[Finding]:
    """The findings of one result that the settings keep and the baseline does not hold."""
    reported = []
    for finding in settings.apply(result.location, result.findings):
        if baseline is not None:
            entry = entry_for(result.location, finding, result.lines.get(finding.line, ""))
            if baseline.take(entry):
                tally.suppressed.append(entry)
                continue
        reported.append(finding)
    return reported


def _write_baseline(
    request: CheckRequest,
    settings: Settings,
    results: Iterator[Result],
    progress: Progress,
    stderr: TextIO,
) -> int:
    assert request.write_baseline is not None
    entries: list[Entry] = []
    checked = 0
    unreadable: list[str] = []
    for result in results:
        progress.step()
        if result.read_error is not None:
            unreadable.append(read_error_message(result))
            continue
        checked += 1
        for finding in settings.apply(result.location, result.findings):
            entries.append(entry_for(result.location, finding, result.lines.get(finding.line, "")))
    progress.clear()
    write_baseline(request.write_baseline, entries)
    for message in unreadable:
        stderr.write(f"cablemodel: error: {message}\n")
    stderr.write(
        f"Wrote {_plural(len(entries), 'finding')} of {_plural(checked, 'file')} "
        f"to {shown(request.write_baseline)}.\n"
    )
    return EXIT_FAILURE if unreadable else EXIT_OK


def _write_stale(baseline: Baseline, tally: Tally, path: str, notes: TextIO) -> None:
    stale = baseline.unused(tally.checked)
    for entry in stale:
        notes.write(
            f"{shown(entry.path)}: baseline entry {entry.code} ({entry.fingerprint}) "
            "no longer occurs\n"
        )
    if stale:
        notes.write(
            f"{_plural(len(stale), 'stale baseline entry', 'stale baseline entries')}; "
            f"run with --write-baseline to refresh {shown(path)}.\n"
        )


def _results(
    files: Sequence[InputFile], read_stdin: bool, request: CheckRequest, stdin: BinaryIO
) -> Iterator[Result]:
    if read_stdin:
        yield check_bytes(request.stdin_filename or STDIN, stdin.read())
    yield from iter_results(files, jobs=request.jobs)


def read_error_message(result: Result) -> str:
    """The one line that says a file could not be read, safe to print."""
    error = result.read_error
    assert error is not None
    return shown(f"{result.location}: cannot read the file ({error.strerror or error})")


@contextlib.contextmanager
def output_stream(path: str | None, stdout: TextIO) -> Iterator[TextIO]:
    """``stdout``, or FILE written whole or not at all; raises CheckError when FILE
    cannot be written."""
    if path is None:
        yield stdout
        stdout.flush()
        return
    try:
        with atomic_text(path) as stream:
            yield stream
    except OSError as error:
        raise CheckError(f"{path}: cannot write ({error.strerror or error})") from None


def package_version() -> str:
    """The installed version of cablemodel, or "unknown" when it is not installed."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cablemodel")
    except PackageNotFoundError:
        return "unknown"


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"
