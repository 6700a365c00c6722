"""Exports into a folder: a Parquet dataset (one folder of ``part-*.parquet`` files per
table) or one CSV file per table, with a ``cablemodel.json`` manifest.

The folder is written under a temporary name beside the output and put in place at the end,
so a failed run leaves the previous export as it was. An existing output is replaced only if
it is empty or an earlier export (it has the manifest).
"""

from __future__ import annotations

import contextlib
import csv
import json
import os
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from ..sources import SourceItem
from ._atomic import new_temporary_folder, replace_folder
from ._errors import ArchiveError
from ._pipeline import Tabulated, encoders
from ._schema import SCHEMA_VERSION, TABLES, ColumnKind, RejectRow, Table
from ._values import Conversion, as_is, csv_text

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

__all__ = [
    "MANIFEST",
    "CsvTables",
    "FolderOutput",
    "ParquetDataset",
    "arrow_schema",
    "arrow_table",
    "check_replaceable",
    "manifest",
]

MANIFEST = "cablemodel.json"

#: Rows of one table held before they are written out (one Parquet row group).
ROW_GROUP_SIZE = 16_384


def check_replaceable(path: Path) -> None:
    """ArchiveError unless ``path`` is free, an empty folder or an earlier export."""
    if not path.exists():
        return
    if not path.is_dir() or (any(path.iterdir()) and not (path / MANIFEST).is_file()):
        raise ArchiveError(
            f"{path} exists and is not an earlier export (no {MANIFEST}); "
            "choose another output or remove it"
        )


def manifest(format_name: str, generator: str) -> str:
    """The text of ``cablemodel.json``: format, schema version, generator, tables and columns."""
    document = {
        "format": format_name,
        "schema_version": SCHEMA_VERSION,
        "generator": generator,
        "tables": {table.name: list(table.names) for table in TABLES.values()},
    }
    return json.dumps(document, indent=2) + "\n"


#: Where citations wait, in the temporary folder, until every cable id is known.
_CITATIONS_SPILL = "citations.pending.jsonl"


class FolderOutput:
    """What the folder formats share: the temporary folder, duplicate ids, the counts, and
    the citations, held back in a file until the end (whether the archive holds the cited
    cable is known only then)."""

    format_name = ""

    def __init__(self, path: str | os.PathLike[str], generator: str, stored: Conversion) -> None:
        self.path = Path(path)
        self.generator = generator
        self._encoders = encoders(stored)
        self.fresh = True
        self.counts = {"exported": 0, "unchanged": 0, "removed": 0, "rejected": 0}
        check_replaceable(self.path)
        self.folder = new_temporary_folder(self.path)
        self._first: dict[str, str] = {}  # reference id -> the source it was exported from
        self._canonical: set[str] = set()  # the canonical ids of the exported cables
        self._spill = open(self.folder / _CITATIONS_SPILL, "w+", encoding="utf-8")  # noqa: SIM115

    @property
    def known_sha256(self) -> dict[str, str]:
        """Nothing is known: a folder is written anew."""
        return {}

    def saw(self, source: str) -> None:
        """Nothing to keep: a folder is written anew."""

    def unchanged(self, item: SourceItem) -> bool:
        """Never: a folder is written anew."""
        return False

    def write(self, built: Tabulated) -> None:
        if built.cable_id is None:
            self._add("rejects", built.tables["rejects"])
            self.counts["rejected"] += 1
            return
        cable_id = built.cable_id
        if cable_id in self._first:
            message = f"reference id {cable_id} is already exported from {self._first[cable_id]}"
            reject = RejectRow(built.source, "duplicate", message, None, None, built.sha256)
            self._add("rejects", [self._encoders["rejects"].values(reject)])
            self.counts["rejected"] += 1
            return
        self._first[cable_id] = built.source
        self._canonical.add(built.canonical_id or cable_id)
        for name, rows in built.tables.items():
            if name == "citations":
                self._spill.writelines(json.dumps(row) + "\n" for row in rows)
            else:
                self._add(name, rows)
        self.counts["exported"] += 1

    def _citations(self) -> Iterator[list[tuple[Any, ...]]]:
        """The held-back citations, ``in_archive`` set, a row group at a time."""
        self._spill.seek(0)
        names = TABLES["citations"].names
        cited, in_archive = names.index("cited_id"), names.index("in_archive")
        stored = {
            known: self._encoders["citations"].value("in_archive", known) for known in (True, False)
        }
        group: list[tuple[Any, ...]] = []
        for line in self._spill:
            row = json.loads(line)
            if row[cited] is not None:
                row[in_archive] = stored[row[cited] in self._canonical]
            group.append(tuple(row))
            if len(group) == ROW_GROUP_SIZE:
                yield group
                group = []
        if group:
            yield group

    def _add(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        raise NotImplementedError

    def _close(self) -> None:
        raise NotImplementedError

    def finish(self) -> dict[str, int]:
        for group in self._citations():
            self._add("citations", group)
        self._spill.close()
        os.unlink(self._spill.name)
        self._close()
        (self.folder / MANIFEST).write_text(manifest(self.format_name, self.generator), "utf-8")
        self.counts["cables"] = len(self._first)
        replace_folder(self.folder, self.path)
        return dict(self.counts)

    def abort(self) -> None:
        self._spill.close()
        with contextlib.suppress(Exception):
            self._close()
        shutil.rmtree(self.folder, ignore_errors=True)


# ----------------------------------------------------------------------- Parquet


def arrow_schema(table: Table) -> pa.Schema:
    """The Arrow schema of ``table`` (text: string, integer: int64, boolean: bool, date:
    date32, datetime: timestamp in milliseconds), with the schema version in its metadata."""
    import pyarrow as pa

    types = {
        ColumnKind.TEXT: pa.string(),
        ColumnKind.INTEGER: pa.int64(),
        ColumnKind.BOOLEAN: pa.bool_(),
        ColumnKind.DATE: pa.date32(),
        ColumnKind.DATETIME: pa.timestamp("ms"),  # the coarsest unit Parquet stores
    }
    fields = [pa.field(c.name, types[c.kind], nullable=c.nullable) for c in table.columns]
    metadata = {"cablemodel.schema_version": str(SCHEMA_VERSION), "cablemodel.table": table.name}
    return pa.schema(fields, metadata=metadata)


def arrow_table(table: Table, rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """Rows (column values as the row classes hold them) as an Arrow table."""
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in table.columns]
    arrays = [
        pa.array(values, type=field.type) for values, field in zip(columns, schema, strict=True)
    ]
    return pa.Table.from_arrays(arrays, schema=schema)


class ParquetDataset(FolderOutput):
    """``out/<table>/part-0.parquet`` for every table, written a row group at a time."""

    format_name = "parquet"

    def __init__(self, path: str | os.PathLike[str], generator: str) -> None:
        import pyarrow.parquet as pq

        super().__init__(path, generator, as_is)
        self._buffers: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
        self._writers: dict[str, pq.ParquetWriter] = {}
        for name, table in TABLES.items():
            folder = self.folder / name
            folder.mkdir()
            self._writers[name] = pq.ParquetWriter(
                folder / "part-0.parquet", arrow_schema(table), compression="zstd"
            )

    def _add(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        buffer = self._buffers[table]
        buffer.extend(rows)
        if len(buffer) >= ROW_GROUP_SIZE:
            self._flush(table)

    def _flush(self, table: str) -> None:
        buffer = self._buffers[table]
        if buffer:
            self._writers[table].write_table(arrow_table(TABLES[table], buffer))
            buffer.clear()

    def _close(self) -> None:
        for name in list(self._writers):
            self._flush(name)
            self._writers.pop(name).close()


# --------------------------------------------------------------------------- CSV


class CsvTables(FolderOutput):
    """``out/<table>.csv`` for every table: a header row, then one line per row (RFC 4180
    quoting; NULL is an empty field, booleans are ``true``/``false``)."""

    format_name = "csv"

    def __init__(self, path: str | os.PathLike[str], generator: str) -> None:
        super().__init__(path, generator, csv_text)
        self._streams: dict[str, IO[str]] = {}
        self._writers: dict[str, Any] = {}
        for name, table in TABLES.items():
            stream = open(self.folder / f"{name}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115
            self._streams[name] = stream
            self._writers[name] = csv.writer(stream)
            self._writers[name].writerow(table.names)

    def _add(self, table: str, rows: Sequence[tuple[Any, ...]]) -> None:
        self._writers[table].writerows(rows)

    def _close(self) -> None:
        for name in list(self._streams):
            self._streams.pop(name).close()
