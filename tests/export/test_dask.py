"""cablemodel.dask on a real distributed.LocalCluster with two worker processes: the same
tables as the export in one process.

The cluster runs in a process of its own (the script below): importing distributed
changes how every exception pickles (tblib), which the rest of the suite need not see.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from cablemodel.export import MANIFEST, TABLES, export
from tests.helpers import DATA

CABLES = sorted(DATA.glob("*.txt"))
PAGES = sorted((DATA / "html").glob("*.html"))

if importlib.util.find_spec("distributed") is None or importlib.util.find_spec("dask") is None:
    pytest.skip("dask and distributed are not installed", allow_module_level=True)
duckdb = pytest.importorskip("duckdb")

# a cluster of worker processes takes a while to start
pytestmark = pytest.mark.slow

_CLUSTER_RUN = """
import json, sys
import distributed
from dask.base import compute
import cablemodel.dask

inputs, output = sys.argv[1], sys.argv[2]
with distributed.LocalCluster(
    n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
) as cluster, distributed.Client(cluster):
    workers = len(cluster.workers)
    cablemodel.dask.to_parquet(inputs, output, input_format="auto", files_per_partition=4)
    frames = cablemodel.dask.tables([inputs + "/*.html"], input_format="html",
                                    files_per_partition=2)
    cables, tags = compute(frames["cables"], frames["tags"])
print(json.dumps({
    "workers": workers,
    "tables": list(frames),
    "columns": list(frames["cables"].columns),
    "partitions": frames["cables"].npartitions,
    "ids": sorted(cables["id"]),
    "tag_rows": {key: int(value) for key, value in tags.groupby("cable_id").size().items()},
}))
"""


@pytest.fixture(scope="module")
def cluster_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The example cables and pages (one cable each) and a text that does not parse, exported
    on a LocalCluster and in this process."""
    folder = tmp_path_factory.mktemp("dask")
    inputs = folder / "inputs"
    inputs.mkdir()
    for path in (*DATA.glob("*.txt"), *(DATA / "html").glob("*.html")):
        shutil.copy(path, inputs / path.name)
    (inputs / "broken.txt").write_text("Identifier\nCreated\n", encoding="utf-8")
    inputs = inputs.resolve()
    export([inputs], folder / "local.parquet", input_format="auto", jobs=1)
    done = subprocess.run(
        [sys.executable, "-c", _CLUSTER_RUN, str(inputs), str(folder / "dask.parquet")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    result.update(folder=folder, inputs=inputs)
    return result


def _table(folder: Path, name: str) -> list[tuple[object, ...]]:
    key = ", ".join(TABLES[name].key)
    rows: list[tuple[object, ...]] = duckdb.sql(
        f"SELECT * FROM read_parquet('{folder}/{name}/*.parquet') ORDER BY {key}"
    ).fetchall()
    return rows


def test_the_cluster_export_equals_the_local_one(cluster_run: dict[str, Any]) -> None:
    local, on_cluster = (
        cluster_run["folder"] / "local.parquet",
        cluster_run["folder"] / "dask.parquet",
    )

    assert cluster_run["workers"] == 2
    for name in TABLES:
        assert _table(on_cluster, name) == _table(local, name), name
    assert len(_table(local, "cables")) == len(CABLES) + len(PAGES)
    assert [row[:2] for row in _table(local, "rejects")] == [
        (str(cluster_run["inputs"] / "broken.txt"), "syntax")
    ]
    # the files (and the broken one) in partitions of 4: one Parquet file each per table
    files = len(CABLES) + len(PAGES) + 1
    assert len(list((on_cluster / "paragraphs").glob("*.parquet"))) == -(-files // 4)
    assert (on_cluster / MANIFEST).is_file()


def test_tables_are_dask_frames_with_the_schema_columns(cluster_run: dict[str, Any]) -> None:
    assert cluster_run["tables"] == list(TABLES)
    assert tuple(cluster_run["columns"]) == TABLES["cables"].names
    assert cluster_run["partitions"] == 3  # 6 pages, 2 a partition
    assert cluster_run["ids"] == sorted(path.stem for path in (DATA / "html").glob("*.html"))
    # the frames computed together give the rows the local export gives for those pages
    local_tags = _table(cluster_run["folder"] / "local.parquet", "tags")
    expected = Counter(row[0] for row in local_tags if row[0] in set(cluster_run["ids"]))
    assert cluster_run["tag_rows"] == dict(expected)
    assert sum(expected.values()) > len(cluster_run["ids"])
