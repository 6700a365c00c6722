"""cablemodel.dask on a real distributed.LocalCluster with two worker processes: the same
tables as the export in one process."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from cablemodel.export import MANIFEST, TABLES, export
from tests.conftest import DATA

duckdb = pytest.importorskip("duckdb")

from cablemodel import dask as cablemodel_dask  # noqa: E402


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example cables and pages (19 cables), plus one text that does not parse."""
    folder = tmp_path_factory.mktemp("dask") / "inputs"
    folder.mkdir()
    for path in (*DATA.glob("*.txt"), *(DATA / "html").glob("*.html")):
        shutil.copy(path, folder / path.name)
    (folder / "broken.txt").write_text("Identifier\nCreated\n", encoding="utf-8")
    return folder.resolve()


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    # Imported here, not when tests are collected: importing distributed makes every
    # exception class pickle its context (tblib), which the other tests need not see.
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def _table(folder: Path, name: str) -> list[tuple[object, ...]]:
    key = ", ".join(TABLES[name].key)
    rows: list[tuple[object, ...]] = duckdb.sql(
        f"SELECT * FROM read_parquet('{folder}/{name}/*.parquet') ORDER BY {key}"
    ).fetchall()
    return rows


def test_the_cluster_export_equals_the_local_one(
    inputs: Path, client: object, tmp_path: Path
) -> None:
    local, distributed_out = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    export([inputs], local, jobs=1)

    cablemodel_dask.to_parquet(str(inputs), distributed_out, files_per_partition=4)

    for name in TABLES:
        assert _table(distributed_out, name) == _table(local, name), name
    assert len(_table(local, "cables")) == 19
    assert [row[:2] for row in _table(local, "rejects")] == [(str(inputs / "broken.txt"), "syntax")]
    # 20 files in partitions of 4: five files per table
    assert len(list((distributed_out / "paragraphs").glob("*.parquet"))) == 5
    assert (distributed_out / MANIFEST).is_file()


def test_tables_are_dask_frames_with_the_schema_columns(inputs: Path, client: object) -> None:
    from dask.base import compute

    frames = cablemodel_dask.tables([f"{inputs}/*.html"], files_per_partition=2)

    assert list(frames) == list(TABLES)
    assert tuple(frames["cables"].columns) == TABLES["cables"].names
    assert frames["cables"].npartitions == 3
    cables, tags = compute(frames["cables"], frames["tags"])
    assert sorted(cables["id"]) == sorted(path.stem for path in (DATA / "html").glob("*.html"))
    per_cable = tags.groupby("cable_id").size().to_dict()
    assert per_cable == {
        row_id: len(tag_list)
        for row_id, tag_list in zip(cables["id"], cables["tags"].map(json.loads), strict=True)
        if tag_list
    }
