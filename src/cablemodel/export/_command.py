"""The ``export`` and ``search`` subcommands: their arguments and what they run."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ._errors import ExportError
from ._search import Hit

__all__ = ["add_export_arguments", "add_search_arguments", "printable", "run_export", "run_search"]

EXPORT_EPILOG = """\
examples:
  cablemodel export cables/ -o archive.sqlite         SQLite with full-text search
                                                      (run it again to update)
  datasette archive.sqlite -m archive.metadata.json   browse, facet and search it
  cablemodel search archive.sqlite 'NEAR(nuclear program, 5)' --since 2008 --tag IR
  cablemodel export cables/ -o archive.parquet        a Parquet dataset
                                                      (pip install 'cablemodel[arrow]')
  cablemodel export cables/ --format csv -o tables/   one CSV file per table

exit codes: 0 done (inputs that gave no cable are listed in the rejects table);
            2 usage error, or the output cannot be written (the previous one is kept)
"""


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return number


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths",
        nargs="+",
        metavar="INPUT",
        help="cable files, HTML pages, cables.csv dumps, or directories of them",
    )
    parser.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help="archive.sqlite (SQLite), archive.parquet/ (a Parquet dataset) or, with "
        "--format csv, a folder",
    )
    parser.add_argument(
        "--format",
        choices=("sqlite", "parquet", "csv"),
        default=None,
        help="the output format (default: from the name of OUT)",
    )
    parser.add_argument(
        "--input-format",
        choices=("auto", "text", "html", "csv"),
        default="auto",
        help="auto (default: by extension and content), text, html (cablegate pages), csv",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: number of CPUs; small runs stay in one process)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no summary line")


def run_export(arguments: argparse.Namespace) -> int:
    from . import export

    missing = [path for path in arguments.paths if not Path(path).exists()]
    if missing:
        raise ExportError(f"no such file or directory: {missing[0]}")
    started = time.monotonic()
    summary = export(
        arguments.paths,
        arguments.output,
        format=arguments.format,
        input_format=arguments.input_format,
        jobs=arguments.jobs,
    )
    if not arguments.quiet:
        seconds = time.monotonic() - started
        done = "Wrote" if summary.fresh else "Updated"
        parts = [f"{summary.exported} exported"]
        if not summary.fresh:
            parts += [f"{summary.unchanged} unchanged", f"{summary.removed} removed"]
        parts.append(f"{summary.rejected} rejected")
        print(
            printable(
                f"{done} {summary.output} ({summary.format}): {summary.cables} cables; "
                f"{', '.join(parts)}; {seconds:.1f} s."
            ),
            file=sys.stderr,
        )
    return 0


# ------------------------------------------------------------------------- search


def _day(value: str) -> tuple[dt.date, dt.date]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: its first and its last day."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    try:
        if match is None:
            raise ValueError(value)
        year, month, day = (None if part is None else int(part) for part in match.groups())
        assert year is not None
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            first = dt.date(year, month, 1)
            following = (first + dt.timedelta(days=32)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD") from None


def add_search_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("archive", metavar="ARCHIVE", help="a SQLite archive made by export")
    parser.add_argument(
        "query",
        metavar="QUERY",
        help='words to find (SQLite FTS5 syntax: AND, OR, NOT, "a phrase", prefix*, NEAR)',
    )
    parser.add_argument(
        "--since", type=_day, metavar="DATE", help="created on or after (YYYY[-MM[-DD]])"
    )
    parser.add_argument(
        "--until", type=_day, metavar="DATE", help="created on or before (YYYY[-MM[-DD]])"
    )
    parser.add_argument(
        "--classification", metavar="TEXT", help="e.g. SECRET or SECRET//NOFORN (any case)"
    )
    parser.add_argument(
        "--origin", metavar="TEXT", help="e.g. 'Embassy Paris' or the station PARIS (any case)"
    )
    parser.add_argument(
        "--tag", action="append", default=[], metavar="TAG", help="a tag the cable has; repeatable"
    )
    parser.add_argument(
        "-n", "--limit", type=_positive, default=20, metavar="N", help="at most N hits (20)"
    )
    parser.add_argument(
        "--output-format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json (one document with every hit)",
    )


def run_search(arguments: argparse.Namespace) -> int:
    """Exit 0 with hits, 1 without."""
    from ._search import search

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
    out = sys.stdout
    if arguments.output_format == "json":
        document = {"query": arguments.query, "hits": [hit_json(hit) for hit in hits]}
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        _write_hits(hits, out, bold=out.isatty())
    return 0 if hits else 1


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "created": hit.created.isoformat(sep=" "),
        "classification": hit.classification,
        "origin": hit.origin,
        "subject": hit.subject,
        "in_subject": hit.in_subject,
        "paragraph": hit.paragraph,
        "snippet": hit.snippet,
        "highlights": [list(span) for span in hit.highlights],
    }


def _write_hits(hits: Sequence[Hit], out: TextIO, *, bold: bool) -> None:
    start, end = ("\x1b[1m", "\x1b[0m") if bold else ("**", "**")
    for hit in hits:
        where = "subject" if hit.in_subject else "text"
        if hit.paragraph is not None:
            where = f"¶{hit.paragraph}"
        out.write(
            printable(
                f"{hit.id}  {hit.created.date().isoformat()}  {hit.classification}  {hit.origin}"
            )
            + "\n"
        )
        if hit.subject:
            out.write(f"  {printable(hit.subject)}\n")
        pieces: list[str] = []
        last = 0
        for first, stop in hit.highlights:
            pieces += [printable(hit.snippet[last:first]), start]
            pieces += [printable(hit.snippet[first:stop]), end]
            last = stop
        pieces.append(printable(hit.snippet[last:]))
        out.write(f"  {where}: {''.join(pieces)}\n\n")
    out.write(f"{len(hits)} {'hit' if len(hits) == 1 else 'hits'}.\n")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """``text`` with control characters (terminal escapes, bidirectional overrides) shown
    as ``\\xNN``/``\\uNNNN``, so cable text cannot act on the terminal."""
    return _CONTROL.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
