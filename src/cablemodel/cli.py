"""The ``cablemodel`` command: check cables, convert them to and from JSON.

Heavy imports (serialization, report formats, XML) happen inside the subcommands, so that
checking one cable from a cold start stays fast.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import traceback
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from ._report import RuleInfo
    from .batch import Result

__all__ = ["main"]

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_FAILURE = 2

_EXIT_CODES = """\
exit codes:
  0  no error finding (warnings and infos do not fail, unless --strict)
  1  error findings, or warning findings with --strict; for parse/render: a cable or
     JSON document that is not valid
  2  usage error, missing or unreadable path, bad configuration or baseline, internal
     failure (a one-line message; the traceback only with --verbose)
"""

_STDIN = "-"


class UsageError(Exception):
    """The command cannot do its job: one line on stderr, exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    parser = _build_parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help(sys.stderr)
        return EXIT_FAILURE
    try:
        code: int = arguments.run(arguments)
    except KeyboardInterrupt:
        print("cablemodel: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # The reader (e.g. `| head`) went away: not a failure worth a message.
        sys.stderr.close()
        return EXIT_FAILURE
    except Exception as error:
        from ._baseline import BaselineError
        from ._config import ConfigError

        if arguments.verbose:
            traceback.print_exc()
        if isinstance(error, (UsageError, ConfigError, BaselineError)):
            message = str(error)
        else:
            message = f"internal error: {type(error).__name__}: {error}".splitlines()[0]
            if not arguments.verbose:
                message += " (run with --verbose for the traceback)"
        print(f"cablemodel: error: {message}", file=sys.stderr)
        return EXIT_FAILURE
    return code


# ----------------------------------------------------------------------- arguments


class _VersionAction(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"cablemodel {_version()}")
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

    _add_check_arguments(command("check", "Parse and validate cables.", _CHECK_EPILOG))

    parse = command("parse", "Print cables as JSON (JSON Lines for more than one).", _EXIT_CODES)
    parse.add_argument(
        "paths", nargs="+", metavar="PATH", help="cable files or directories; - for stdin"
    )
    parse.add_argument(
        "--glob", default="*.txt", help="file names to take from directories (default: *.txt)"
    )
    parse.add_argument(
        "--input-format",
        choices=("text", "auto", "html", "csv"),
        default="text",
        help="text (default: the cable text layout), html (cablegate pages), csv (the "
        "cables.csv dump, one cable per row), auto (by extension and content)",
    )
    parse.add_argument(
        "-o", "--output-file", metavar="FILE", help="write to FILE instead of stdout"
    )
    parse.set_defaults(run=_run_parse)

    render = command("render", "Print the cable text of a JSON document.", _EXIT_CODES)
    render.add_argument(
        "path", metavar="FILE.json", help="a JSON document of one cable; - for stdin"
    )
    render.add_argument(
        "-o", "--output-file", metavar="FILE", help="write to FILE instead of stdout"
    )
    render.set_defaults(run=_run_render)

    schema = command("schema", "Print the JSON Schema of the cable JSON.")
    schema.add_argument(
        "-o", "--output-file", metavar="FILE", help="write to FILE instead of stdout"
    )
    schema.set_defaults(run=_run_schema)

    rules = command("rules", "List every rule: code, name, default severity and summary.")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rules.set_defaults(run=_run_rules)
    return parser


_CHECK_EPILOG = (
    _EXIT_CODES
    + """
configuration:
  [tool.cablemodel] in the nearest pyproject.toml (searched upward from the current
  directory), or --config FILE. Keys: select, extend-select, ignore (codes or prefixes
  such as CM2, or ALL), per-file-ignores (glob = [codes]), severity (code = level).
  Command-line flags override the file.

output:
  The report goes to stdout (or -o FILE); progress goes to stderr, only on a terminal.
  For json, json-lines, sarif and junit the summary line goes to stderr, so the report
  stays pure data. Lines and columns are 1-based in every format.
"""
)


def _add_check_arguments(check: argparse.ArgumentParser) -> None:
    from ._report import FORMATS

    check.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="cable files or directories (searched recursively); - reads stdin",
    )
    check.add_argument(
        "--glob", default="*.txt", help="file names to take from directories (default: *.txt)"
    )
    check.add_argument(
        "--input-format",
        choices=("text", "auto", "html", "csv"),
        default="text",
        help="text (default: the cable text layout), html (cablegate pages), csv (the "
        "cables.csv dump, one cable per row), auto (by extension and content)",
    )
    check.add_argument(
        "--output-format",
        choices=FORMATS,
        default=None,
        help="report format (default: $CABLEMODEL_OUTPUT_FORMAT, else github when "
        "GITHUB_ACTIONS=true, else full)",
    )
    check.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE")
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
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: number of CPUs; small runs stay in one process)",
    )
    check.add_argument(
        "--statistics", action="store_true", help="print the number of findings per rule"
    )
    check.add_argument("-q", "--quiet", action="store_true", help="no summary line and no progress")
    check.add_argument("--stdin-filename", metavar="NAME", help="the name to report for - (stdin)")
    check.set_defaults(run=_run_check)


def _codes(value: str) -> tuple[str, ...]:
    return tuple(code.strip() for code in value.split(",") if code.strip())


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cablemodel")
    except PackageNotFoundError:
        return "unknown"


# -------------------------------------------------------------------------- check


def _run_check(arguments: argparse.Namespace) -> int:
    from ._baseline import Entry, entry_for, read_baseline, write_baseline
    from ._config import Layer, load_settings
    from ._report import MACHINE_FORMATS, Checked, make_formatter
    from .rules import Severity

    catalogue = rule_catalogue()
    settings = load_settings(
        arguments.config,
        cli=Layer(arguments.select, arguments.extend_select, arguments.ignore),
        cli_severity=arguments.severity,
        known_codes=[info.code for info in catalogue],
    )
    baseline = read_baseline(arguments.baseline) if arguments.baseline else None
    read_stdin = _STDIN in arguments.paths
    files = _inputs([path for path in arguments.paths if path != _STDIN], arguments)
    output_format = _output_format(arguments.output_format)
    writing_baseline = arguments.write_baseline is not None

    with _Output(arguments.output_file) as out:
        machine = output_format in MACHINE_FORMATS
        formatter = make_formatter(
            output_format, out, catalogue, _version() if output_format == "sarif" else ""
        )
        total = len(files) + read_stdin
        progress = _Progress(total, enabled=not arguments.quiet and sys.stderr.isatty())
        # Report lines written to the terminal that shows the progress must not mix with it.
        shares_terminal = out is sys.stdout and sys.stdout.isatty()
        counts: Counter[Severity] = Counter()
        per_rule: Counter[str] = Counter()
        new_entries: list[Entry] = []
        checked_paths: list[str] = []
        unreadable: list[str] = []
        suppressed = failed_files = 0
        for result in _results(files, read_stdin, arguments):
            progress.step()
            if result.read_error is not None:
                reason = result.read_error.strerror or str(result.read_error)
                unreadable.append(f"{result.path}: cannot read the file ({reason})")
                continue
            checked_paths.append(result.path)
            reported = []
            for finding in settings.apply(result.path, result.findings):
                entry = entry_for(result.path, finding, result.lines.get(finding.line, ""))
                if writing_baseline:
                    new_entries.append(entry)
                elif baseline is not None and baseline.take(entry):
                    suppressed += 1
                else:
                    reported.append(finding)
            if writing_baseline:
                continue
            failing = any(
                finding.severity is Severity.ERROR
                or (arguments.strict and finding.severity is Severity.WARNING)
                for finding in reported
            )
            failed_files += failing
            counts.update(finding.severity for finding in reported)
            per_rule.update(finding.code for finding in reported)
            if reported and shares_terminal:
                progress.clear()
            formatter.add(Checked(result.path, tuple(reported), result.lines, failing))
        progress.clear()

        if writing_baseline:
            write_baseline(arguments.write_baseline, new_entries)
            for message in unreadable:
                print(f"cablemodel: error: {message}", file=sys.stderr)
            print(
                f"Wrote {_plural(len(new_entries), 'finding')} of "
                f"{_plural(len(checked_paths), 'file')} to {arguments.write_baseline}.",
                file=sys.stderr,
            )
            return EXIT_FAILURE if unreadable else EXIT_OK

        formatter.finish()
        notes = sys.stderr if machine else out
        if arguments.statistics:
            names = {info.code: info.name for info in catalogue}
            for code, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
                notes.write(f"{count:6d}  {code}  {names.get(code, '')}\n")
        stale = baseline.unused(checked_paths) if baseline is not None else []
        if not arguments.quiet:
            notes.write(_summary(len(checked_paths), counts, failed_files, suppressed) + "\n")
            for entry in stale:
                notes.write(
                    f"{entry.path}: baseline entry {entry.code} ({entry.fingerprint}) "
                    "no longer occurs\n"
                )
            if stale:
                notes.write(
                    f"{_plural(len(stale), 'stale baseline entry', 'stale baseline entries')}; "
                    f"run with --write-baseline to refresh {arguments.baseline}.\n"
                )
    for message in unreadable:
        print(f"cablemodel: error: {message}", file=sys.stderr)
    if unreadable:
        return EXIT_FAILURE
    if arguments.exit_zero:
        return EXIT_OK
    return EXIT_FINDINGS if failed_files else EXIT_OK


def rule_catalogue() -> list[RuleInfo]:
    """CM001 and every registered rule, sorted by code."""
    from . import batch
    from ._report import RuleInfo
    from .rules import RULES, Severity, _families  # noqa: F401  (importing registers the rules)

    infos = {
        batch.UNPARSEABLE_CODE: RuleInfo(
            batch.UNPARSEABLE_CODE,
            batch.UNPARSEABLE_NAME,
            Severity.ERROR,
            batch.UNPARSEABLE_SUMMARY,
        )
    }
    for code, registered in RULES.items():
        infos.setdefault(
            code, RuleInfo(code, registered.name, registered.severity, registered.summary)
        )
    return [infos[code] for code in sorted(infos)]


def _results(
    files: Sequence[str], read_stdin: bool, arguments: argparse.Namespace
) -> Iterator[Result]:
    from .batch import check_bytes, iter_results

    if read_stdin:
        name = arguments.stdin_filename or _STDIN
        yield check_bytes(name, sys.stdin.buffer.read())
    if arguments.input_format == "text":
        yield from iter_results(files, jobs=arguments.jobs)
    else:
        yield from _source_results(files, arguments.input_format)


def _inputs(paths: Sequence[str], arguments: argparse.Namespace) -> list[str]:
    """The files to read: for text, directories expanded by --glob; for the other
    formats the paths as given (the readers walk directories by extension)."""
    if arguments.input_format == "text":
        return _expand(paths, arguments.glob)
    missing = [path for path in paths if not os.path.exists(path)]
    if missing:
        raise UsageError(f"no such file or directory: {missing[0]}")
    return list(paths)


def _source_results(paths: Sequence[str], input_format: str) -> Iterator[Result]:
    """Check cables read from HTML pages or CSV rows (or detected), one result each."""
    from .batch import Result, check_text, unparseable_finding
    from .errors import CableSyntaxError
    from .sources import iter_sources

    for item in iter_sources(paths, input_format, parse=False):  # type: ignore[arg-type]
        if item.text is not None:
            yield check_text(item.location, item.text)
        else:  # a page, row or file that gives no cable text
            error = CableSyntaxError(str(item.error), 1, 1, "")
            yield Result(item.location, (unparseable_finding(error),), error=error)


def _expand(paths: Sequence[str], glob: str) -> list[str]:
    from .batch import iter_files

    try:
        files = list(iter_files(paths, glob))
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    # Deterministic order by path; a file named twice is checked once.
    return sorted(set(files))


def _output_format(chosen: str | None) -> str:
    from ._report import FORMATS

    if chosen is not None:
        return chosen
    from_environment = os.environ.get("CABLEMODEL_OUTPUT_FORMAT")
    if from_environment:
        if from_environment not in FORMATS:
            raise UsageError(
                f"CABLEMODEL_OUTPUT_FORMAT={from_environment!r} is not one of {', '.join(FORMATS)}"
            )
        return from_environment
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "full"


def _summary(files: int, counts: Counter[Any], failed_files: int, suppressed: int) -> str:
    from .rules import Severity

    found = sum(counts.values())
    if found:
        parts = ", ".join(
            _plural(counts[severity], severity.value) for severity in Severity if counts[severity]
        )
        text = f"Checked {_plural(files, 'file')}: {parts}; {_plural(failed_files, 'file')} failed."
    else:
        text = f"Checked {_plural(files, 'file')}: no findings."
    if suppressed:
        text += f" {_plural(suppressed, 'finding')} in the baseline not shown."
    return text


def _plural(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


class _Progress:
    """``checked/total`` on stderr, drawn only after a second of work, at most 10 times
    a second; cleared before report lines reach the same terminal."""

    def __init__(self, total: int, *, enabled: bool) -> None:
        self.total = total
        self.enabled = enabled and total > 1
        self.done = 0
        self.started = time.monotonic()
        self.drawn_at = 0.0
        self.visible = False

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.started < 1.0 or now - self.drawn_at < 0.1:
            return
        self.drawn_at = now
        width = 30
        filled = width * self.done // self.total
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
        )
        sys.stderr.flush()
        self.visible = True

    def clear(self) -> None:
        if self.visible:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.visible = False


class _Output:
    """stdout, or FILE (UTF-8) opened for the duration of the command."""

    def __init__(self, path: str | None) -> None:
        self.path = path
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> TextIO:
        if self.path is not None:
            try:
                self.stream = open(self.path, "w", encoding="utf-8")
            except OSError as error:
                raise UsageError(f"{self.path}: cannot write ({error.strerror})") from None
        return self.stream

    def __exit__(self, *exc_info: object) -> None:
        if self.path is not None:
            self.stream.close()
        else:
            self.stream.flush()


# ------------------------------------------------------------- parse, render, ...


def _run_parse(arguments: argparse.Namespace) -> int:
    import json

    from .errors import CableSyntaxError
    from .model import Cable
    from .serialize import to_json

    read_stdin = _STDIN in arguments.paths
    files = _inputs([path for path in arguments.paths if path != _STDIN], arguments)
    many = len(files) + read_stdin > 1 or arguments.input_format != "text"
    status = EXIT_OK
    with _Output(arguments.output_file) as out:
        for name, cable_or_error in _parsed_inputs(files, read_stdin, arguments.input_format):
            if not isinstance(cable_or_error, Cable):
                error = cable_or_error
                where = (
                    f"{error.line}:{error.column}" if isinstance(error, CableSyntaxError) else "1:1"
                )
                reason = error.reason if isinstance(error, CableSyntaxError) else str(error)
                print(f"{name}:{where}: CM001 [error] {reason}", file=sys.stderr)
                status = EXIT_FINDINGS
                continue
            document = to_json(cable_or_error)
            if many:
                # JSON Lines: one compact document per line, whatever to_json's layout.
                document = json.dumps(
                    json.loads(document), ensure_ascii=False, separators=(",", ":")
                )
            out.write(document.rstrip("\n") + "\n")
    return status


def _parsed_inputs(
    files: Sequence[str], read_stdin: bool, input_format: str
) -> Iterator[tuple[str, Any]]:
    """(name, cable or the error that stopped it) for every input, in order."""
    from . import parse
    from .errors import CableSyntaxError

    names = ([_STDIN] if read_stdin else []) + (list(files) if input_format == "text" else [])
    for name in names:
        try:
            yield name, parse(_read_text(name))
        except CableSyntaxError as error:
            yield name, error
    if input_format != "text":
        from .sources import iter_sources

        for item in iter_sources(files, input_format):  # type: ignore[arg-type]
            if item.cable is not None:
                yield item.location, item.cable
            else:
                yield item.location, item.error or ValueError("no cable")


def _run_render(arguments: argparse.Namespace) -> int:
    from .errors import CableJSONError
    from .model import render
    from .serialize import from_json

    text = _read_text(arguments.path)
    try:
        cable = from_json(text)
    except CableJSONError as error:
        print(f"cablemodel: {arguments.path}: {error}", file=sys.stderr)
        return EXIT_FINDINGS
    data = render(cable).encode("utf-8")
    # Bytes, so that line endings and a missing final newline come out exactly.
    if arguments.output_file is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        try:
            with open(arguments.output_file, "wb") as stream:
                stream.write(data)
        except OSError as error:
            raise UsageError(f"{arguments.output_file}: cannot write ({error.strerror})") from None
    return EXIT_OK


def _run_schema(arguments: argparse.Namespace) -> int:
    import json

    from .serialize import json_schema

    with _Output(arguments.output_file) as out:
        out.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _run_rules(arguments: argparse.Namespace) -> int:
    catalogue = rule_catalogue()
    if arguments.output_format == "json":
        import json

        items = [
            {"code": i.code, "name": i.name, "severity": i.severity.value, "summary": i.summary}
            for i in catalogue
        ]
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return EXIT_OK
    name_width = max(len(info.name) for info in catalogue)
    for info in catalogue:
        print(f"{info.code}  {info.name:<{name_width}}  {info.severity.value:<7}  {info.summary}")
    return EXIT_OK


def _read_text(path: str) -> str:
    """The text of ``path`` (``-``: stdin), UTF-8, line endings kept."""
    try:
        if path == _STDIN:
            return sys.stdin.buffer.read().decode("utf-8")
        with open(path, encoding="utf-8", newline="") as stream:
            return stream.read()
    except FileNotFoundError:
        raise UsageError(f"no such file or directory: {path}") from None
    except OSError as error:
        raise UsageError(f"{path}: cannot read the file ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{path}: the file is not UTF-8 ({error.reason} at byte {error.start})"
        ) from None
