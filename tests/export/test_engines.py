"""The exports read by the engines people use: Datasette over HTTP, DuckDB over the Parquet
dataset, the CSV files, pandas and polars."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import json
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cablemodel.export import MANIFEST, TABLES, ArchiveError, ColumnKind, export
from tests.helpers import DATA

duckdb = pytest.importorskip("duckdb")
pytest.importorskip("pyarrow")

CABLES = sorted(DATA.glob("*.txt"))
PAGES = sorted((DATA / "html").glob("*.html"))


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example cables and pages (20 inputs, one a duplicate id) in every format."""
    folder = tmp_path_factory.mktemp("exports")
    inputs = folder / "inputs"
    inputs.mkdir()
    for path in (*CABLES, *PAGES):
        shutil.copy(path, inputs / path.name)
    shutil.copy(CABLES[0], inputs / "zz-duplicate.txt")
    outputs = {
        "sqlite": folder / "archive.sqlite",
        "parquet": folder / "archive.parquet",
        "csv": folder / "tables",
    }
    for name, output in outputs.items():
        export([inputs], output, format=name, input_format="auto", jobs=1)  # type: ignore[arg-type]
    return outputs


def sqlite_rows(database: Path, table: str) -> list[tuple[Any, ...]]:
    """A table of the archive, values typed as the schema says, in key order."""
    key = ", ".join(TABLES[table].key)
    with contextlib.closing(sqlite3.connect(database)) as db:
        found = db.execute(f"SELECT * FROM {table} ORDER BY {key}").fetchall()
    kinds = [column.kind for column in TABLES[table].columns]
    return [tuple(_typed(kind, value) for kind, value in zip(kinds, row, strict=True))
            for row in found]


def _typed(kind: ColumnKind, value: Any) -> Any:
    if value is None:
        return None
    if kind is ColumnKind.DATETIME:
        return dt.datetime.fromisoformat(value)
    if kind is ColumnKind.DATE:
        return dt.date.fromisoformat(value)
    if kind is ColumnKind.BOOLEAN:
        return bool(value)
    return value


def test_duckdb_reads_the_parquet_dataset_row_for_row(exports: dict[str, Path]) -> None:
    for table in TABLES.values():
        key = ", ".join(table.key)
        from_duckdb = duckdb.sql(
            f"SELECT * FROM read_parquet('{exports['parquet']}/{table.name}/*.parquet') "
            f"ORDER BY {key}"
        ).fetchall()
        assert from_duckdb == sqlite_rows(exports["sqlite"], table.name), table.name
    assert len(sqlite_rows(exports["sqlite"], "cables")) == len(CABLES) + len(PAGES)
    assert len(sqlite_rows(exports["sqlite"], "rejects")) == 1


def test_duckdb_group_by_as_in_the_docs(exports: dict[str, Path]) -> None:
    duckdb_counts = duckdb.sql(
        f"SELECT origin, count(*) AS cables FROM '{exports['parquet']}/cables/*.parquet' "
        "GROUP BY origin ORDER BY cables DESC, origin"
    ).fetchall()
    with contextlib.closing(sqlite3.connect(exports["sqlite"])) as db:
        sqlite_counts = db.execute(
            "SELECT origin, count(*) AS cables FROM cables GROUP BY origin "
            "ORDER BY cables DESC, origin"
        ).fetchall()
    assert duckdb_counts == sqlite_counts
    assert sum(count for _, count in duckdb_counts) == len(CABLES) + len(PAGES)


def test_the_parquet_files_carry_the_schema(exports: dict[str, Path]) -> None:
    import pyarrow.parquet as pq

    schema = pq.read_schema(exports["parquet"] / "cables" / "part-0.parquet")
    assert schema.field("created").type == "timestamp[ms]"
    assert schema.field("declassify_on").type == "date32[day]"
    assert schema.field("partial").type == "bool"
    assert not schema.field("id").nullable
    assert schema.metadata[b"cablemodel.schema_version"] == b"2"
    manifest = json.loads((exports["parquet"] / MANIFEST).read_text(encoding="utf-8"))
    assert manifest["format"] == "parquet"
    assert manifest["tables"]["tags"] == [
        "cable_id", "position", "tag", "normalized", "kind", "listed_in"
    ]
    citations = pq.read_schema(exports["parquet"] / "citations" / "part-0.parquet")
    assert citations.field("in_archive").type == "bool"


def test_the_csv_files_hold_the_same_rows(exports: dict[str, Path]) -> None:
    for table in TABLES.values():
        with (exports["csv"] / f"{table.name}.csv").open(encoding="utf-8", newline="") as handle:
            header, *lines = list(csv.reader(handle))
        assert tuple(header) == table.names
        stored = sqlite_rows(exports["sqlite"], table.name)
        expected = [[_csv_field(value) for value in row] for row in stored]
        assert sorted(lines) == sorted(expected), table.name


def _csv_field(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def test_pandas_and_polars_read_the_dataset(exports: dict[str, Path]) -> None:
    import pandas as pd
    import polars as pl

    cables = pd.read_parquet(exports["parquet"] / "cables")
    paragraphs = pl.read_parquet(exports["parquet"] / "paragraphs" / "*.parquet")
    assert len(cables) == len(CABLES) + len(PAGES)
    assert cables.loc[cables["id"] == "05PARIS3759", "paragraph_count"].item() == 7
    per_cable = paragraphs.group_by("cable_id").len().sort("cable_id")
    with contextlib.closing(sqlite3.connect(exports["sqlite"])) as db:
        expected = db.execute(
            "SELECT cable_id, count(*) FROM paragraphs GROUP BY cable_id ORDER BY cable_id"
        ).fetchall()
    assert per_cable.rows() == expected


def test_a_folder_that_is_not_an_export_is_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "mine.parquet"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    with pytest.raises(ArchiveError, match=r"mine.parquet exists and is not an earlier export"):
        export(CABLES, mine, jobs=1)
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["mine.parquet"]


def test_an_earlier_export_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "tables"
    export(CABLES, out, format="csv", jobs=1)
    export(CABLES[:2], out, format="csv", jobs=1)
    with (out / "cables.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.reader(handle))) == 3
    assert sorted(path.name for path in tmp_path.iterdir()) == ["tables"]


# --------------------------------------------------------------------- Datasette


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def datasette(exports: dict[str, Path]) -> Iterator[str]:
    """Datasette serving the archive with its metadata on 127.0.0.1; its base URL."""
    pytest.importorskip("datasette")
    database = exports["sqlite"]
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(database),
         "--metadata", str(database.with_name("archive.metadata.json")),
         "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("datasette did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def test_datasette_answers_a_full_text_search(datasette: str) -> None:
    query = urllib.parse.urlencode({"_search": "Bertolotti", "_shape": "objects"})
    document = get_json(f"{datasette}/archive/paragraphs.json?{query}")
    assert {row["cable_id"] for row in document["rows"]} == {"05PARIS3759"}
    assert all("Bertolotti" in row["text"] for row in document["rows"])

    query = urllib.parse.urlencode({"_search": "MTCR", "_shape": "objects"})
    document = get_json(f"{datasette}/archive/cables.json?{query}")
    assert [row["id"] for row in document["rows"]] == ["05PARIS3759"]


def test_datasette_shows_the_configured_facets(datasette: str, exports: dict[str, Path]) -> None:
    document = get_json(f"{datasette}/archive/cables.json?_shape=objects&_size=0")
    facets = document["facet_results"]
    facets = facets.get("results", facets)  # Datasette 1.0 nests them
    with contextlib.closing(sqlite3.connect(exports["sqlite"])) as db:
        classifications = dict(
            db.execute("SELECT classification, count(*) FROM cables GROUP BY 1").fetchall()
        )
        tag_counts = dict(
            db.execute(
                "SELECT json_each.value, count(*) FROM cables, json_each(cables.tags) GROUP BY 1"
            ).fetchall()
        )
        kinds = dict(db.execute("SELECT kind, count(*) FROM tags GROUP BY 1").fetchall())
        cited = dict(db.execute("SELECT kind, count(*) FROM citations GROUP BY 1").fetchall())
    assert {r["value"]: r["count"] for r in facets["classification"]["results"]} == (
        classifications
    )
    assert {"classification", "origin", "year", "tags"} <= set(facets)
    # the most frequent tags (Datasette shows the first 30), each with its count
    shown = {r["value"]: r["count"] for r in facets["tags"]["results"]}
    assert len(shown) == min(30, len(tag_counts))
    assert shown == {tag: tag_counts[tag] for tag in shown}
    assert min(shown.values()) >= max(
        (count for tag, count in tag_counts.items() if tag not in shown), default=0
    )

    # the tables of the cable's meaning have theirs: tag kinds, citation kinds
    for table, expected in (("tags", kinds), ("citations", cited)):
        document = get_json(f"{datasette}/archive/{table}.json?_shape=objects&_size=0")
        facets = document["facet_results"]
        facets = facets.get("results", facets)
        assert {r["value"]: r["count"] for r in facets["kind"]["results"]} == expected
    assert kinds["geo"] > 0
    assert cited["cable"] > 0

    # a facet of the cables a full-text search finds
    query = urllib.parse.urlencode({"_search": "MTCR", "_facet": "year", "_shape": "objects"})
    searched = get_json(f"{datasette}/archive/cables.json?{query}")
    facets = searched["facet_results"]
    facets = facets.get("results", facets)
    assert [(r["value"], r["count"]) for r in facets["year"]["results"]] == [(2005, 1)]
