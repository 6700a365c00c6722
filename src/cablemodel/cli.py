"""The ``cablemodel`` command: check cables, convert them to and from JSON, export and
search them.

A thin layer: the flags become a request to :mod:`cablemodel.check` (to the batch API
for ``parse``, to :mod:`cablemodel.export` for ``export`` and ``search``). Heavy imports
happen inside the subcommands, so that checking one cable from a cold start stays fast.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .batch import Result
    from .sources import InputFile

__all__ = ["main"]

_EXIT_CODES = """\
exit codes:
  0  no error finding (warnings and infos do not fail, unless --strict)
  1  error findings, or warning findings with --strict; for parse/render: a cable or
     JSON document that is not valid
  2  usage error, missing or unreadable path, bad configuration or baseline, an
     output it cannot write, internal failure (a one-line message; the traceback only
     with --verbose)
  130  interrupted; 141  the reader of the output went away
"""

# The exit statuses (cablemodel.check has the same names; not imported at start-up).
_EXIT_OK = 0
_EXIT_FINDINGS = 1
_EXIT_FAILURE = 2
# A shell reports a process that a signal ended as 128 + the signal's number.
_EXIT_INTERRUPTED = 130  # SIGINT
_EXIT_CLOSED_PIPE = 141  # SIGPIPE
_STDIN = "-"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return _EXIT_FAILURE
    try:
        code: int = arguments.run(arguments)
        sys.stdout.flush()
    except KeyboardInterrupt:
        print("cablemodel: interrupted", file=sys.stderr)
        return _EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not a failure worth a message. Output
        # still buffered would fail again at exit: it goes nowhere instead.
        _discard_stdout()
        return _EXIT_CLOSED_PIPE
    except Exception as error:
        from .check import CheckError
        from .check.escape import shown
        from .export import ExportError

        if arguments.verbose:
            traceback.print_exc()
        if isinstance(error, (CheckError, ExportError)):
            message = str(error)
        else:
            message = f"internal error: {type(error).__name__}: {error}".splitlines()[0]
            if not arguments.verbose:
                message += " (run with --verbose for the traceback)"
        print(f"cablemodel: error: {shown(message)}", file=sys.stderr)
        return _EXIT_FAILURE
    return code


def _discard_stdout() -> None:
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


# ----------------------------------------------------------------------- arguments


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        from .check import package_version

        print(f"cablemodel {package_version()}")
        parser.exit()


def _build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "-v", "--verbose", action="store_true", help="show the traceback of an internal failure"
    )
    parser = argparse.ArgumentParser(
        prog="cablemodel",
        description="Check US diplomatic cables (Cablegate format); convert them to and from JSON.",
        epilog=_EXIT_CODES + "\nRun `cablemodel COMMAND --help` for the options of a command.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[common],
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.set_defaults(command=None)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")

    def command(name: str, help_text: str, epilog: str | None = None) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=help_text,
            description=help_text,
            parents=[common],
            epilog=epilog,
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(command=name)
        return sub

    check = command("check", "Parse and validate cables.", _CHECK_EPILOG)
    _add_inputs(check, "cable files or directories (searched recursively); - reads stdin")
    _add_check_arguments(check)

    parse = command("parse", "Print cables as JSON (JSON Lines for more than one).", _EXIT_CODES)
    _add_inputs(parse, "cable files or directories; - for stdin")
    _add_output_file(parse)
    parse.set_defaults(run=_run_parse)

    render = command(
        "render",
        "Print the cable text of a JSON document, or write the cables of the JSON Lines "
        "that parse wrote back into their files.",
        _EXIT_CODES,
    )
    render.add_argument(
        "path",
        metavar="FILE.json",
        help="a JSON document of one cable, or JSON Lines from parse; - for stdin",
    )
    _add_output_file(render)
    render.add_argument(
        "--out-dir",
        metavar="DIR",
        help="write each cable of JSON Lines to DIR/<its source path>, byte for byte",
    )
    render.set_defaults(run=_run_render)

    schema = command("schema", "Print the JSON Schema of the cable JSON.")
    _add_output_file(schema)
    schema.set_defaults(run=_run_schema)

    rules = command(
        "rules",
        "List every rule (code, name, default severity, summary), or explain one: what it "
        "checks, why, an example from a real cable, how to fix or suppress a finding.",
    )
    rules.add_argument(
        "rule", nargs="?", metavar="CODE", help="a rule's code or name, e.g. CM301"
    )
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rules.set_defaults(run=_run_rules)

    export = command(
        "export",
        "Write cables as tables: SQLite with full-text search, a Parquet dataset, or CSV.",
        _EXPORT_EPILOG,
    )
    _add_inputs(export, "cable files, pages, cables.csv dumps, or directories of them")
    _add_export_arguments(export)

    search = command(
        "search", "Search the cables of a SQLite archive made by export.", _SEARCH_EPILOG
    )
    _add_search_arguments(search)
    return parser


def _add_inputs(command: argparse.ArgumentParser, paths_help: str) -> None:
    """The input paths and how to read them: the same for every command that reads cables."""
    command.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    command.add_argument(
        "--glob",
        default=None,
        help="file names to take from directories (default: *.txt for text, *.html and "
        "*.htm for html, *.csv for csv, all of them for auto)",
    )
    command.add_argument(
        "--input-format",
        choices=("text", "auto", "html", "csv"),
        default="text",
        help="text (default: the cable text layout), html (cablegate pages), csv (the "
        "cables.csv dump, one cable per row), auto (by extension and content)",
    )
    command.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: number of CPUs; small runs stay in one process)",
    )


def _add_output_file(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "-o",
        "--output-file",
        metavar="FILE",
        help="write to FILE (whole, or not at all) instead of stdout",
    )


_CHECK_EPILOG = (
    _EXIT_CODES
    + """
configuration:
  [tool.cablemodel] in the nearest pyproject.toml (searched upward from the folder that
  holds the checked paths), or --config FILE. Keys: select, extend-select, ignore (codes or prefixes
  such as CM2, or ALL), per-file-ignores (glob = [codes]), severity (code = level).
  Command-line flags override the file.

output:
  The report goes to stdout (or -o FILE); progress goes to stderr, only on a terminal.
  For json, json-lines, sarif and junit the summary line goes to stderr, so the report
  stays pure data. Lines and columns are 1-based in every format.
"""
)

# The report formats (cablemodel.check.report.FORMATS; not imported at start-up).
_FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif", "junit")


def _add_check_arguments(check: argparse.ArgumentParser) -> None:
    check.add_argument(
        "--output-format",
        choices=_FORMATS,
        default=None,
        help="report format (default: $CABLEMODEL_OUTPUT_FORMAT, else github when "
        "GITHUB_ACTIONS=true, else full)",
    )
    _add_output_file(check)
    check.add_argument(
        "--config", metavar="FILE", help="read settings from FILE instead of pyproject.toml"
    )
    check.add_argument(
        "--select",
        type=_codes,
        metavar="CODES",
        help="only these rules (comma-separated codes or prefixes)",
    )
    check.add_argument(
        "--extend-select", type=_codes, default=(), metavar="CODES", help="rules to add"
    )
    check.add_argument(
        "--ignore", type=_codes, default=(), metavar="CODES", help="rules to leave out"
    )
    check.add_argument(
        "--severity",
        action="append",
        default=[],
        metavar="CODE=LEVEL",
        help="report CODE (or a prefix) as error, warning or info; repeatable",
    )
    check.add_argument("--strict", action="store_true", help="warnings fail the check too (exit 1)")
    check.add_argument(
        "--exit-zero", action="store_true", help="exit 0 even with findings (2 still means failure)"
    )
    check.add_argument(
        "--baseline", metavar="FILE", help="report only findings not recorded in FILE"
    )
    check.add_argument(
        "--write-baseline", metavar="FILE", help="record every current finding in FILE and exit 0"
    )
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule"
    )
    check.add_argument("-q", "--quiet", action="store_true", help="no summary line and no progress")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (stdin)")
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the full and concise formats: auto (default) on a terminal, unless "
        "NO_COLOR is set (FORCE_COLOR forces it)",
    )
    check.add_argument(
        "--show-files", action="store_true", help="list the files that would be checked and exit"
    )
    check.add_argument(
        "--show-settings",
        action="store_true",
        help="print the settings in force (configuration file, rules, severities, inputs) "
        "and exit",
    )
    check.set_defaults(run=_run_check)


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in value.split(",") if code.strip())


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


# -------------------------------------------------------------------------- check


def _run_check(arguments: argparse.Namespace) -> int:
    from .check import CheckRequest, run_check

    request = CheckRequest(
        paths=tuple(arguments.paths),
        input_format=arguments.input_format,
        glob=arguments.glob,
        output_format=arguments.output_format,
        output_file=arguments.output_file,
        config=arguments.config,
        select=arguments.select,
        extend_select=arguments.extend_select,
        ignore=arguments.ignore,
        severity=tuple(arguments.severity),
        strict=arguments.strict,
        exit_zero=arguments.exit_zero,
        baseline=arguments.baseline,
        write_baseline=arguments.write_baseline,
        jobs=arguments.jobs,
        statistics=arguments.statistics,
        quiet=arguments.quiet,
        stdin_filename=arguments.stdin_filename,
        show_files=arguments.show_files,
        show_settings=arguments.show_settings,
        color=arguments.color,
    )
    progress = _Progress(enabled=not arguments.quiet and sys.stderr.isatty())
    return run_check(
        request,
        stdin=sys.stdin.buffer,
        stdout=sys.stdout,
        stderr=sys.stderr,
        progress=progress,
        # report lines written to the terminal that shows the progress must not mix with it
        shares_terminal=arguments.output_file is None and sys.stdout.isatty(),
    )


class _Progress:
    """``checked/total`` on stderr, drawn only after a second of work, at most 10 times
    a second; cleared before report lines reach the same terminal."""

    def __init__(self, *, enabled: bool) -> None:
        self.enabled = enabled
        self.total: int | None = None
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.visible = False

    def start(self, total: int | None) -> None:
        self.total = total
        self.enabled = self.enabled and total != 1

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < 1.0 or now - self.drawn_at < 0.1:
            return
        self.drawn_at = now
        if self.total:
            width = 30
            filled = width * min(self.done, self.total) // self.total
            bar = f"[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
        else:
            bar = f"{self.done} checked"
        sys.stderr.write("\r" + bar)
        sys.stderr.flush()
        self.visible = True

    def clear(self) -> None:
        if self.visible:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.visible = False


# ------------------------------------------------------------- parse, render, ...


def _run_parse(arguments: argparse.Namespace) -> int:
    from .check import (
        CheckError,
        collect_inputs,
        nothing_to_check,
        read_error_message,
        refuse_overwriting_inputs,
    )
    from .check.records import record_line
    from .check.report import heading
    from .serialize import to_json

    files = collect_inputs(arguments.paths, arguments.input_format, arguments.glob)
    read_stdin = _STDIN in arguments.paths
    if not files and not read_stdin:
        raise CheckError(nothing_to_check(arguments.paths, arguments.input_format, arguments.glob))
    refuse_overwriting_inputs((arguments.output_file,), files)
    many = len(files) + read_stdin > 1 or arguments.input_format == "csv"
    status = _EXIT_OK
    with _output(arguments.output_file) as out:
        for result in _parsed(files, read_stdin, arguments.jobs):
            if result.read_error is not None:
                print(f"cablemodel: error: {read_error_message(result)}", file=sys.stderr)
                status = _EXIT_FAILURE
            elif result.cable is None:  # the CM001 finding, as check reports it
                print(heading(result.location, result.findings[0]), file=sys.stderr)
                status = max(status, _EXIT_FINDINGS)
            elif many:
                # JSON Lines: one record per line that says where its cable came from,
                # which `render --out-dir` writes back
                out.write(record_line(result.location, result.input_format, result.cable) + "\n")
            else:
                out.write(to_json(result.cable).rstrip("\n") + "\n")
    return status


def _parsed(files: Sequence[InputFile], read_stdin: bool, jobs: int | None) -> Iterator[Result]:
    """Every input parsed, not validated: the same pipeline as check's."""
    from .batch import check_bytes, iter_results

    if read_stdin:
        yield check_bytes(_STDIN, sys.stdin.buffer.read(), keep_cable=True, validate_cable=False)
    yield from iter_results(files, jobs=jobs, keep_cables=True, validate_cables=False)


def _run_render(arguments: argparse.Namespace) -> int:
    from ._render import render
    from .errors import CableJSONError
    from .serialize import from_json

    text = _read_text(arguments.path)
    try:
        from .check import CheckError
        from .check.records import is_records, records_of, write_records

        if is_records(text):
            if arguments.out_dir is not None:
                written = write_records(text, arguments.out_dir)
                print(f"Wrote {len(written)} cable{'' if len(written) == 1 else 's'} to "
                      f"{arguments.out_dir}.", file=sys.stderr)
                return _EXIT_OK
            records = list(records_of(text))
            if len(records) != 1:
                raise CheckError(
                    f"{arguments.path} holds {len(records)} cables: write them with "
                    "--out-dir DIR"
                )
            cable = records[0][2]
        elif arguments.out_dir is not None:
            raise CheckError(
                f"{arguments.path} is one cable's document, which names no source: "
                "use -o FILE"
            )
        else:
            cable = from_json(text)
    except CableJSONError as error:
        from .check.escape import shown, shown_lines

        print(f"cablemodel: {shown(arguments.path)}: {shown_lines(str(error))}", file=sys.stderr)
        return _EXIT_FINDINGS
    data = render(cable).encode("utf-8")
    # Bytes, so that line endings and a missing final newline come out exactly.
    if arguments.output_file is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return _EXIT_OK
    from ._output import atomic_binary
    from .check import CheckError

    try:
        with atomic_binary(arguments.output_file) as stream:
            stream.write(data)
    except OSError as error:
        raise CheckError(f"{arguments.output_file}: cannot write ({error.strerror})") from None
    return _EXIT_OK


def _run_schema(arguments: argparse.Namespace) -> int:
    import json

    from .serialize import json_schema

    with _output(arguments.output_file) as out:
        out.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return _EXIT_OK


def _run_rules(arguments: argparse.Namespace) -> int:
    import json

    from .rules import catalogue

    rules = catalogue()
    if arguments.rule is not None:
        from .check import CheckError
        from .rules.explain import explain, explanation

        wanted = arguments.rule.strip()
        found = [r for r in rules if wanted.upper() == r.code or wanted.lower() == r.name]
        if not found:
            from .check.escape import shown

            raise CheckError(
                f"unknown rule {shown(wanted)}: run `cablemodel rules` for the list"
            )
        if arguments.output_format == "json":
            print(json.dumps(explanation(found[0]), indent=2, ensure_ascii=False))
        else:
            print(explain(found[0]), end="")
        return _EXIT_OK
    if arguments.output_format == "json":
        from .rules.explain import rule_url

        items = [
            {"code": r.code, "name": r.name, "severity": r.severity.value, "summary": r.summary,
             "url": rule_url(r.code)}
            for r in rules
        ]
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return _EXIT_OK
    name_width = max(len(registered.name) for registered in rules)
    for r in rules:
        print(f"{r.code}  {r.name:<{name_width}}  {r.severity.value:<7}  {r.summary}")
    return _EXIT_OK


# ------------------------------------------------------------------ export, search

_EXPORT_EPILOG = """\
examples:
  cablemodel export cables/ -o archive.sqlite        SQLite with full-text search; run it
                                                     again to take in what changed
  datasette archive.sqlite -m archive.metadata.json  browse, facet and search it
  cablemodel export cables/ -o archive.parquet       a Parquet dataset ('cablemodel[arrow]')
  cablemodel export cables/ --format csv -o tables/  one CSV file per table

exit codes:
  0  the output was written (inputs that give no cable are rows of its rejects table)
  2  usage error, missing input, or an output that cannot be written (the previous
     output is kept)
"""

_SEARCH_EPILOG = """\
QUERY is SQLite FTS5 syntax: words (all must occur), OR, NOT, "a phrase", prefix*,
NEAR(a b, 10), subject:word. Words with punctuation go in double quotes: '"U.S."'.

examples:
  cablemodel search archive.sqlite '"arms deal"'
  cablemodel search archive.sqlite uranium --since 2009 --tag IR --classification secret

exit codes: 0 hits found, 1 no hit, 2 usage error, bad query or archive
"""


def _add_export_arguments(export: argparse.ArgumentParser) -> None:
    export.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="archive.sqlite (SQLite), archive.parquet (a Parquet dataset), or a folder "
        "with --format csv",
    )
    export.add_argument(
        "--format",
        choices=("sqlite", "parquet", "csv"),
        default=None,
        help="the output format (default: from the name of OUT)",
    )
    export.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    export.set_defaults(run=_run_export)


def _add_search_arguments(search: argparse.ArgumentParser) -> None:
    search.add_argument("archive", metavar="ARCHIVE", help="a SQLite archive made by export")
    search.add_argument("query", metavar="QUERY", help="what to find (FTS5 syntax, see below)")
    search.add_argument(
        "--since", type=_days, metavar="DATE", help="created on or after (YYYY[-MM[-DD]])"
    )
    search.add_argument(
        "--until", type=_days, metavar="DATE", help="created on or before (YYYY[-MM[-DD]])"
    )
    search.add_argument(
        "--classification", metavar="TEXT", help="e.g. SECRET or SECRET//NOFORN (any case)"
    )
    search.add_argument(
        "--origin", metavar="TEXT", help="e.g. 'Embassy Paris', or the station PARIS (any case)"
    )
    search.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="a tag the cable has; repeatable"
    )
    search.add_argument(
        "-n", "--limit", type=_positive, default=20, metavar="N", help="at most N hits (20)"
    )
    search.add_argument(
        "--output-format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json (one document with every hit)",
    )
    search.set_defaults(run=_run_search)


def _days(value: str) -> tuple[Any, Any]:
    from .export import day_range

    try:
        return day_range(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _run_export(arguments: argparse.Namespace) -> int:
    from .export import ExportError, export, summary_line

    started = time.monotonic()
    try:
        summary = export(
            arguments.paths,
            arguments.output,
            format=arguments.format,
            input_format=arguments.input_format,
            glob=arguments.glob,
            jobs=arguments.jobs,
        )
    except FileNotFoundError as error:
        raise ExportError(str(error)) from None
    if not arguments.quiet:
        from .check.escape import shown

        print(shown(summary_line(summary, time.monotonic() - started)), file=sys.stderr)
    return _EXIT_OK


def _run_search(arguments: argparse.Namespace) -> int:
    from .check.escape import shown
    from .export import hits_json, search, write_hits

    hits = search(
        arguments.archive,
        arguments.query,
        since=None if arguments.since is None else arguments.since[0],
        until=None if arguments.until is None else arguments.until[1],
        classification=arguments.classification,
        origin=arguments.origin,
        tags=arguments.tag,
        limit=arguments.limit,
    )
    if arguments.output_format == "json":
        sys.stdout.write(hits_json(arguments.query, hits))
    else:
        write_hits(hits, sys.stdout, bold=sys.stdout.isatty(), shown=shown)
    return _EXIT_OK if hits else _EXIT_FINDINGS


def _output(path: str | None) -> Any:
    """stdout, or FILE written whole or not at all (a context manager either way)."""
    from .check import output_stream

    return output_stream(path, sys.stdout)


def _read_text(path: str) -> str:
    """The text of ``path`` (``-``: stdin), UTF-8, line endings kept."""
    from .check import CheckError

    try:
        if path == _STDIN:
            return sys.stdin.buffer.read().decode("utf-8")
        with open(path, encoding="utf-8", newline="") as stream:
            return stream.read()
    except FileNotFoundError:
        raise CheckError(f"no such file or directory: {path}") from None
    except OSError as error:
        raise CheckError(f"{path}: cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise CheckError(
            f"{path}: the file is not UTF-8 ({error.reason} at byte {error.start})"
        ) from None
