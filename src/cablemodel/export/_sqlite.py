"""The SQLite archive: the tables with keys and indexes, FTS5 over subjects and paragraph
texts, and a Datasette metadata file beside it.

A new archive is built in a temporary file and renamed into place at the end. An existing
archive of the same schema version is updated in one transaction: only inputs whose text
changed (by SHA-256) are parsed again, and cables whose input is gone are removed. Either
way a run that fails leaves the previous archive as it was.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

from .._output import atomic_text
from ..sources import SourceItem
from ._atomic import new_temporary_file
from ._errors import ArchiveError
from ._pipeline import Tabulated, encoders, text_sha256
from ._schema import SCHEMA_VERSION, TABLES, ColumnKind, RejectRow, Table
from ._values import sqlite_value

__all__ = [
    "FTS_TABLES",
    "META_TABLE",
    "ArchiveError",
    "SqliteArchive",
    "datasette_metadata",
    "metadata_path",
]

#: The table that says what the file is: key/value pairs (schema_version, generator).
META_TABLE = "cablemodel"

#: The full-text indexes: name -> (table, indexed columns).
FTS_TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "cables_fts": ("cables", ("subject", "title")),
    "paragraphs_fts": ("paragraphs", ("text",)),
}
_TOKENIZER = "porter unicode61 remove_diacritics 2"

_SQL_TYPES = {
    ColumnKind.TEXT: "TEXT",
    ColumnKind.INTEGER: "INTEGER",
    ColumnKind.BOOLEAN: "INTEGER",
    ColumnKind.DATE: "TEXT",
    ColumnKind.DATETIME: "TEXT",
}

#: Secondary indexes, for the filters of `cablemodel search` and Datasette's facets.
_INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "cables": (
        ("source",),
        ("canonical_id",),
        ("created",),
        ("origin",),
        ("classification",),
        ("year",),
    ),
    "tags": (("tag",), ("normalized",)),
    "citations": (("cited_id",),),
    "findings": (("code",),),
}

_CHILD_TABLES = tuple(name for name in TABLES if name not in ("cables", "rejects"))


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _create_table(table: Table) -> str:
    columns = [
        f"{_quote(column.name)} {_SQL_TYPES[column.kind]}{'' if column.nullable else ' NOT NULL'}"
        for column in table.columns
    ]
    columns.append(f"PRIMARY KEY ({', '.join(map(_quote, table.key))})")
    if "cable_id" in table.names:
        columns.append('FOREIGN KEY ("cable_id") REFERENCES "cables" ("id")')
    return f"CREATE TABLE {_quote(table.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def _insert(table: Table) -> str:
    marks = ", ".join("?" for _ in table.columns)
    names = ", ".join(map(_quote, table.names))
    return f"INSERT INTO {_quote(table.name)} ({names}) VALUES ({marks})"


def schema_sql() -> list[str]:
    """The statements that create the tables (indexes and FTS come after the data)."""
    statements = [f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL)"]
    statements.extend(_create_table(table) for table in TABLES.values())
    return statements


def _index_sql() -> list[str]:
    statements = []
    for table, indexes in _INDEXES.items():
        for columns in indexes:
            name = f"{table}_{'_'.join(columns)}"
            unique = "UNIQUE " if (table, columns) == ("cables", ("source",)) else ""
            statements.append(
                f"CREATE {unique}INDEX {_quote(name)} ON {_quote(table)} "
                f"({', '.join(map(_quote, columns))})"
            )
    return statements


def _fts_tables_sql() -> list[str]:
    """FTS5 tables over the content of their tables (external content: the text is stored
    once), filled once, when the rows are all in. (An FTS5 table made at the start takes
    part in every later statement's savepoint: 1.24 x the SQLite instructions of a new
    archive of 582 cables, for no gain.)"""
    statements = []
    for fts, (table, columns) in FTS_TABLES.items():
        statements += [
            f'CREATE VIRTUAL TABLE {fts} USING fts5({", ".join(columns)}, content="{table}", '
            f"tokenize='{_TOKENIZER}')",
            f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
        ]
    return statements


def _fts_triggers_sql() -> list[str]:
    """Triggers that keep the FTS tables in step with later updates of the archive."""
    statements = []
    for fts, (table, columns) in FTS_TABLES.items():
        names = ", ".join(columns)
        new = ", ".join(f"new.{name}" for name in columns)
        old = ", ".join(f"old.{name}" for name in columns)
        statements += [
            f"CREATE TRIGGER {fts}_insert AFTER INSERT ON {table} BEGIN "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END",
            f"CREATE TRIGGER {fts}_delete AFTER DELETE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); END",
            f"CREATE TRIGGER {fts}_update AFTER UPDATE ON {table} BEGIN "
            f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.rowid, {old}); "
            f"INSERT INTO {fts}(rowid, {names}) VALUES (new.rowid, {new}); END",
        ]
    return statements


def metadata_path(database: Path) -> Path:
    """Where the Datasette metadata of ``database`` goes: ``archive.metadata.json``."""
    return database.with_name(database.stem + ".metadata.json")


def datasette_metadata(database_name: str) -> dict[str, Any]:
    """Datasette metadata: column descriptions, facets (classification, origin, year, tags)
    and the full-text search of the cables and paragraphs tables."""
    facets: dict[str, list[Any]] = {
        "cables": ["classification", "origin", "year", {"array": "tags"}, {"array": "signers"}],
        "paragraphs": ["portion_level"],
        "tags": ["normalized", "kind"],
        "citations": ["kind", "in_release", "in_archive"],
        "addressees": ["role", "routing_name"],
        "findings": ["severity", "code"],
        "rejects": ["reason"],
    }
    tables: dict[str, Any] = {}
    for table in TABLES.values():
        tables[table.name] = {
            "description": table.doc,
            "columns": {column.name: column.doc for column in table.columns},
            "facets": facets[table.name],
        }
    for fts, (table_name, _) in FTS_TABLES.items():
        tables[table_name].update(fts_table=fts, fts_pk="rowid")
    tables["cables"].update(sort_desc="created", label_column="subject")
    return {
        "title": "Cables",
        "description": "Diplomatic cables exported by cablemodel "
        f"(table schema version {SCHEMA_VERSION}).",
        "databases": {database_name: {"tables": tables}},
    }


class SqliteArchive:
    """Writes one run into an archive: ``known_sha256`` says what it holds, ``saw`` takes
    the sources of the run, ``unchanged`` skips what it holds already, ``write`` stores
    what an input gave (tabulated with ``sqlite_value``), ``finish`` commits (``abort``
    leaves the old archive)."""

    def __init__(self, path: str | os.PathLike[str], generator: str) -> None:
        self.path = Path(path)
        self.generator = generator
        self.counts = {"exported": 0, "unchanged": 0, "removed": 0, "rejected": 0}
        self._encoders = encoders(sqlite_value)
        self._inserts = {name: _insert(table) for name, table in TABLES.items()}
        self._temporary: Path | None = None
        self._seen: set[str] = set()
        #: source -> the SHA-256 of the text that gave its cable (or its syntax error)
        self.known_sha256: dict[str, str] = {}
        self.fresh = not self._can_update()
        if self.fresh:
            self._temporary = new_temporary_file(self.path)
            self.db = sqlite3.connect(self._temporary, isolation_level=None)
            # the file is thrown away if the run fails, so nothing needs a journal
            self.db.execute("PRAGMA journal_mode = OFF")
            self.db.execute("PRAGMA synchronous = OFF")
            self.db.execute("BEGIN")
            for statement in schema_sql():
                self.db.execute(statement)
        else:
            self.db = sqlite3.connect(self.path, isolation_level=None)
            self.db.execute("BEGIN IMMEDIATE")
            self.known_sha256 = dict(
                self.db.execute(
                    "SELECT source, sha256 FROM cables WHERE source IS NOT NULL "
                    "UNION ALL SELECT source, sha256 FROM rejects "
                    "WHERE reason != 'duplicate' AND sha256 IS NOT NULL"
                )
            )

    def _can_update(self) -> bool:
        """True for an archive of this schema version; False when there is none yet or it
        has another version (it is rebuilt); ArchiveError for any other file."""
        if not self.path.exists():
            return False
        try:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
                row = db.execute(
                    f"SELECT value FROM {META_TABLE} WHERE key = 'schema_version'"
                ).fetchone()
        except sqlite3.DatabaseError as error:
            raise ArchiveError(
                f"{self.path} exists and is not a cablemodel archive ({error}); "
                "choose another output or remove it"
            ) from None
        return row is not None and row[0] == str(SCHEMA_VERSION)

    # ------------------------------------------------------------------- a run

    def saw(self, source: str) -> None:
        """``source`` is among the inputs of this run (an update keeps what it gave)."""
        self._seen.add(source)

    def unchanged(self, item: SourceItem) -> bool:
        """Whether the archive holds what ``item`` gives (same source, same text); counted."""
        known = self.known_sha256.get(item.location)
        if known is None or item.text is None or text_sha256(item.text) != known:
            return False
        self.counts["unchanged"] += 1
        return True

    def write(self, built: Tabulated) -> None:
        """Store the rows of one input, replacing what its source gave before."""
        self._forget(built.source)
        if built.cable_id is None:
            self._insert_rejects(built.tables["rejects"])
            return
        tables = built.tables
        try:
            self.db.execute(self._inserts["cables"], tables["cables"][0])
        except sqlite3.IntegrityError:
            self._insert_rejects([self._duplicate(built)])
            return
        for name in _CHILD_TABLES:
            rows = tables.get(name)
            if rows:
                self.db.executemany(self._inserts[name], rows)
        self.counts["exported"] += 1

    def _duplicate(self, built: Tabulated) -> tuple[Any, ...]:
        (first,) = self.db.execute(
            "SELECT source FROM cables WHERE id = ?", (built.cable_id,)
        ).fetchone()
        message = f"reference id {built.cable_id} is already exported from {first}"
        row = RejectRow(built.source, "duplicate", message, None, None, built.sha256)
        return self._encoders["rejects"].values(row)

    def _insert_rejects(self, rows: list[tuple[Any, ...]]) -> None:
        self.db.executemany(self._inserts["rejects"], rows)
        self.counts["rejected"] += len(rows)

    def _forget(self, source: str) -> None:
        if self.fresh:
            return
        for (cable_id,) in self.db.execute(
            "SELECT id FROM cables WHERE source = ?", (source,)
        ).fetchall():
            self._delete_cable(cable_id)
        self.db.execute("DELETE FROM rejects WHERE source = ?", (source,))

    def _delete_cable(self, cable_id: str) -> None:
        for name in _CHILD_TABLES:
            self.db.execute(f"DELETE FROM {_quote(name)} WHERE cable_id = ?", (cable_id,))
        self.db.execute("DELETE FROM cables WHERE id = ?", (cable_id,))

    def finish(self) -> dict[str, int]:
        """Remove what vanished, index, commit and put the archive in place; the counts."""
        db = self.db
        if self.fresh:
            for statement in (*_index_sql(), *_fts_tables_sql(), *_fts_triggers_sql()):
                db.execute(statement)
        else:
            db.execute("CREATE TEMP TABLE seen (source TEXT PRIMARY KEY)")
            db.executemany("INSERT INTO seen VALUES (?)", ((source,) for source in self._seen))
            vanished = db.execute(
                "SELECT id FROM cables "
                "WHERE source IS NULL OR source NOT IN (SELECT source FROM seen)"
            ).fetchall()
            for (cable_id,) in vanished:
                self._delete_cable(cable_id)
            removed = db.execute(
                "DELETE FROM rejects WHERE source NOT IN (SELECT source FROM seen)"
            ).rowcount
            self.counts["removed"] = len(vanished) + removed
        # what a citation points to changes with every cable added or removed
        db.execute(
            "UPDATE citations SET in_archive = "
            "(cited_id IN (SELECT canonical_id FROM cables)) WHERE cited_id IS NOT NULL"
        )
        db.executemany(
            f"INSERT OR REPLACE INTO {META_TABLE} VALUES (?, ?)",
            [("schema_version", str(SCHEMA_VERSION)), ("generator", self.generator)],
        )
        (self.counts["cables"],) = db.execute("SELECT count(*) FROM cables").fetchone()
        db.execute("COMMIT")
        if self.fresh:
            db.execute("PRAGMA journal_mode = DELETE")
        db.close()
        metadata = datasette_metadata(self.path.stem)
        with atomic_text(os.fspath(metadata_path(self.path))) as stream:
            stream.write(json.dumps(metadata, indent=2) + "\n")
        if self._temporary is not None:
            os.replace(self._temporary, self.path)
            self._temporary = None
        return dict(self.counts)

    def abort(self) -> None:
        """Give up the run: the previous archive (if any) stays as it was."""
        with contextlib.suppress(sqlite3.Error):
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            self.db.close()
        if self._temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._temporary)
            self._temporary = None
