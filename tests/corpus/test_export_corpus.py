"""The export over the corpus in CABLEMODEL_CORPUS (skipped when unset): every cable in the
archive with the publisher's values, Parquet and SQLite agreeing, an update after edits."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

import cablemodel
from cablemodel.export import TABLES, export, search
from tests.export.test_engines import sqlite_rows
from tests.helpers import read_text

pytestmark = pytest.mark.corpus

duckdb = pytest.importorskip("duckdb")


@pytest.fixture(scope="module")
def copied(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus") / "cables"
    shutil.copytree(corpus, folder)
    return folder


@pytest.fixture(scope="module")
def archive(copied: Path) -> Path:
    database = copied.parent / "archive.sqlite"
    summary = export([copied], database)
    assert (summary.exported, summary.rejected) == (summary.cables, 0)
    return database


def test_every_cable_has_the_values_the_publisher_stated(
    archive: Path, corpus: Path
) -> None:
    metadata = json.loads((corpus.parent / "metadata.json").read_text(encoding="utf-8"))
    with contextlib.closing(sqlite3.connect(archive)) as db:
        found = {
            row[0]: row[1:]
            for row in db.execute("SELECT id, classification, origin, created, partial FROM cables")
        }
    assert len(found) == len(list(corpus.glob("*.txt"))) == len(metadata)
    differing = [
        reference_id
        for reference_id, stated in metadata.items()
        if found[reference_id][:2] != (stated["classification"], stated["origin"])
        or dt.datetime.fromisoformat(found[reference_id][2]).strftime("%Y-%m-%d %H:%M")
        != stated["created"]
        or bool(found[reference_id][3]) != stated["is_partial"]
    ]
    assert differing == []


def test_parquet_and_sqlite_agree_over_the_corpus(archive: Path, copied: Path) -> None:
    dataset = copied.parent / "archive.parquet"
    export([copied], dataset)
    for table in TABLES.values():
        from_duckdb = duckdb.sql(
            f"SELECT * FROM read_parquet('{dataset}/{table.name}/*.parquet') "
            f"ORDER BY {', '.join(table.key)}"
        ).fetchall()
        assert from_duckdb == sqlite_rows(archive, table.name), table.name


def test_the_citation_graph_is_the_cables_references(archive: Path, corpus: Path) -> None:
    """Every reference of every cable is a row; a citation is in the archive exactly when a
    cable of the corpus has the cited canonical id."""
    cables = [cablemodel.parse(read_text(path)) for path in sorted(corpus.glob("*.txt"))]
    own = {cable.canonical_id for cable in cables}
    expected = sorted(
        (cable.reference_id, str(ref.id or ""), ref.id is not None and str(ref.id) in own)
        for cable in cables
        for ref in cable.references
    )
    with contextlib.closing(sqlite3.connect(archive)) as db:
        found = sorted(
            (cable_id, cited_id or "", bool(in_archive))
            for cable_id, cited_id, in_archive in db.execute(
                "SELECT cable_id, cited_id, in_archive FROM citations"
            )
        )
        addressees = db.execute("SELECT count(*) FROM addressees").fetchone()[0]
    assert found == expected
    assert len(found) > len(cables) // 2  # most cables cite another
    assert sum(in_archive for _, _, in_archive in found) > 0
    assert addressees == sum(
        (cable.sender is not None) + len(cable.recipients) + len(cable.info_recipients)
        for cable in cables
    )


def test_an_update_after_editing_ten_cables(archive: Path, copied: Path) -> None:
    edited = sorted(copied.glob("*.txt"))[::200][:10]
    for path in edited:
        text = read_text(path) + "\nThe word zanzibarified ends this copy."
        path.write_text(text, encoding="utf-8", newline="")

    summary = export([copied], archive)

    assert (summary.exported, summary.unchanged, summary.removed) == (10, summary.cables - 10, 0)
    assert sorted(hit.id for hit in search(archive, "zanzibarified", limit=50)) == sorted(
        path.stem for path in edited
    )
