"""The archive as data: every cable as rows of a few flat tables, written to SQLite (with
full-text search and a Datasette metadata file), a Parquet dataset or CSV files.

* ``records(cable)`` gives the rows of one cable (pure and picklable);
  ``TABLES``/``SCHEMA_VERSION`` describe the tables (docs/export.md lists every column).
* ``export(paths, output)`` reads every input format the checker reads, in worker
  processes, streaming; a SQLite archive is updated in place on a later run (only changed
  cables, by SHA-256; vanished ones removed).
* ``search(archive, query)`` runs a full-text search over an exported SQLite archive.
* ``summary_line``, ``write_hits``, ``hits_json``, ``day_range``: what the ``export`` and
  ``search`` commands print and read.

pyarrow (``cablemodel[arrow]``) is needed for Parquet only; it is imported on first use.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Sequence
from typing import Literal

from attrs import frozen

from .. import vocab
from ..batch import map_ordered
from ..sources import FormatChoice, InputFile, input_files, read_items
from ._errors import ArchiveError, ExportError, SearchError
from ._files import MANIFEST, CsvTables, FolderOutput, ParquetDataset
from ._pipeline import Unit, run_job
from ._records import Records, records
from ._report import day_range, hits_json, summary_line, write_hits
from ._schema import (
    SCHEMA_VERSION,
    TABLES,
    AddresseeRow,
    CableRow,
    CitationRow,
    Column,
    ColumnKind,
    FindingRow,
    ParagraphRow,
    RejectRow,
    Row,
    Table,
    TagRow,
)
from ._search import Hit, search
from ._sqlite import SqliteArchive, datasette_metadata, metadata_path
from ._values import Conversion, as_is, csv_text, sqlite_value

__all__ = [
    "MANIFEST",
    "SCHEMA_VERSION",
    "TABLES",
    "AddresseeRow",
    "ArchiveError",
    "CableRow",
    "CitationRow",
    "Column",
    "ColumnKind",
    "ExportError",
    "ExportSummary",
    "FindingRow",
    "Hit",
    "OutputFormat",
    "ParagraphRow",
    "Records",
    "RejectRow",
    "Row",
    "SearchError",
    "Table",
    "TagRow",
    "datasette_metadata",
    "day_range",
    "export",
    "hits_json",
    "metadata_path",
    "output_format",
    "records",
    "search",
    "summary_line",
    "write_hits",
]

OutputFormat = Literal["sqlite", "parquet", "csv"]

_SQLITE_SUFFIXES = (".sqlite", ".sqlite3", ".db")

#: How each output stores a value (the workers tabulate the rows that way).
_STORED: dict[OutputFormat, Conversion] = {
    "sqlite": sqlite_value,
    "parquet": as_is,
    "csv": csv_text,
}


@frozen
class ExportSummary:
    """What a run did: inputs exported (new or changed), skipped as unchanged, rejected
    (no cable: see the ``rejects`` table), cables removed because their input is gone, and
    the cables the output holds afterwards."""

    output: str
    format: OutputFormat
    fresh: bool
    exported: int
    unchanged: int
    rejected: int
    removed: int
    cables: int


def output_format(output: str | os.PathLike[str], chosen: str | None = None) -> OutputFormat:
    """The format for ``output``: ``chosen`` if given, else from the name (``.sqlite``,
    ``.sqlite3``, ``.db``: SQLite; ``.parquet`` or ``.parquet/``: Parquet); ExportError when
    neither tells."""
    if chosen is not None:
        if chosen not in ("sqlite", "parquet", "csv"):
            raise ExportError(f"unknown output format {chosen!r}")
        return chosen  # type: ignore[return-value]
    name = os.fspath(output).rstrip("/\\").lower()
    if name.endswith(_SQLITE_SUFFIXES):
        return "sqlite"
    if name.endswith(".parquet"):
        return "parquet"
    raise ExportError(
        f"cannot tell the format from the name {os.fspath(output)!r}: end it in .sqlite or "
        ".parquet, or choose --format sqlite, parquet or csv"
    )


def export(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    output: str | os.PathLike[str],
    *,
    format: OutputFormat | None = None,
    input_format: FormatChoice = "text",
    glob: str | Sequence[str] | None = None,
    jobs: int | None = None,
) -> ExportSummary:
    """Export every cable in ``paths`` to ``output``.

    ``paths``, ``input_format`` and ``glob`` name the inputs as for ``cablemodel check``:
    files and folder trees of cable texts (``"text"``), cablegate pages (``"html"``),
    ``cables.csv`` dumps (``"csv"``), or all of them told apart by content (``"auto"``);
    a path that does not exist raises ``FileNotFoundError`` before anything is written.

    SQLite: an existing archive of the same schema version is updated (only inputs whose
    text changed are parsed again; cables whose input is gone are removed); another version
    is rebuilt. Parquet and CSV: the folder is written anew. Either way, a run that fails
    leaves the previous output as it was. ``jobs``: worker processes (default: one per CPU).
    """
    chosen = output_format(output, format)
    files = input_files(paths, input_format, glob)
    generator = f"cablemodel {_version()}"
    writer: SqliteArchive | FolderOutput
    if chosen == "sqlite":
        writer = SqliteArchive(output, generator)
    elif chosen == "parquet":
        writer = ParquetDataset(output, generator)
    else:
        writer = CsvTables(output, generator)
    try:
        work = functools.partial(run_job, convert=_STORED[chosen])
        # the vocabularies are read before the workers fork: once, not once per worker
        units = _units(files, writer)
        for built in map_ordered(work, units, jobs=jobs, warm_up=vocab.load_all):
            writer.write(built)
        counts = writer.finish()
    except BaseException:
        writer.abort()
        raise
    return ExportSummary(
        output=os.fspath(output),
        format=chosen,
        fresh=writer.fresh,
        exported=counts["exported"],
        unchanged=counts["unchanged"],
        rejected=counts["rejected"],
        removed=counts["removed"],
        cables=counts["cables"],
    )


def _units(files: Sequence[InputFile], writer: SqliteArchive | FolderOutput) -> Iterator[Unit]:
    """The inputs to export. A text file or page goes to a worker whole, unless the
    archive holds a cable from it: then it is read here and skipped if its text is
    unchanged (an update sends only what changed to the workers). A dump is read here, in
    order. Each source is told to the writer (an update removes the cables of the sources
    it does not see)."""
    known = writer.known_sha256
    for file in files:
        if file.input_format != "csv" and file.path not in known:
            writer.saw(file.path)
            yield file
            continue
        for item in read_items(file):
            writer.saw(item.location)
            if not writer.unchanged(item):
                yield item


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("cablemodel")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"
