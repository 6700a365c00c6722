"""The export beyond one machine: the same tables as ``cablemodel export``, built over Dask.

``tables(urls)`` turns files, directories and glob patterns (local paths or any fsspec URL:
``s3://bucket/cables/*.txt``, ``https://…``) into one dask DataFrame per table, each
partition parsing a group of files where it runs; ``to_parquet(urls, output)`` writes them
as a partitioned Parquet dataset laid out like ``cablemodel export -o archive.parquet``
(``<output>/<table>/part.N.parquet``). Computations run on the active scheduler, e.g. a
``distributed.Client``.

Needs the extra ``cablemodel[dask]`` (dask, distributed, fsspec, pyarrow). Duplicate
reference ids are not looked for across partitions (the local export rejects them).
"""

from __future__ import annotations

import fnmatch
import os
import shutil
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .export._atomic import new_temporary_folder, replace_folder
from .export._files import MANIFEST, arrow_schema, arrow_table, check_replaceable, manifest
from .export._pipeline import tabulate
from .export._schema import TABLES
from .export._values import as_is
from .sources import DEFAULT_GLOBS, FormatChoice, data_items, detect_format

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd
    from fsspec.core import OpenFile

__all__ = ["FILES_PER_PARTITION", "tables", "to_parquet"]

#: Files parsed by one partition (one task); a ``cables.csv`` dump is one file.
FILES_PER_PARTITION = 64


def _open_files(
    urls: str | Sequence[str], input_format: FormatChoice, storage_options: dict[str, Any]
) -> list[OpenFile]:
    """Every file the URLs name: globs expanded; folders searched, as the local walker
    does, for the format's file names (hidden names skipped)."""
    import fsspec
    from fsspec.core import url_to_fs

    patterns = DEFAULT_GLOBS[input_format]
    found: list[OpenFile] = []
    for url in [urls] if isinstance(urls, str) else urls:
        fs, path = url_to_fs(url, **storage_options)
        if fs.isdir(path):
            names = sorted(
                name
                for name in fs.find(path)
                if any(fnmatch.fnmatch(name.rsplit("/", 1)[-1], p) for p in patterns)
                and not any(part.startswith(".") for part in name[len(path) :].split("/"))
            )
            found += [fsspec.core.OpenFile(fs, name, mode="rb") for name in names]
        else:
            found += fsspec.open_files(url, mode="rb", **storage_options)
    return found


def _partition(
    files: Sequence[OpenFile], input_format: FormatChoice
) -> dict[str, pd.DataFrame]:
    """The rows of every table for a group of files, as pandas frames with Arrow dtypes."""
    rows: dict[str, list[tuple[Any, ...]]] = {name: [] for name in TABLES}
    for file in files:
        with file as stream:
            data = stream.read()
        fmt = detect_format(file.path, data[:4096]) if input_format == "auto" else input_format
        for item in data_items(file.path, fmt, data):
            for name, table_rows in tabulate(item, as_is).tables.items():
                rows[name].extend(table_rows)
    return {name: _frame(name, table_rows) for name, table_rows in rows.items()}


def _frame(name: str, rows: Sequence[tuple[Any, ...]]) -> pd.DataFrame:
    import pandas as pd

    frame: pd.DataFrame = arrow_table(TABLES[name], rows).to_pandas(types_mapper=pd.ArrowDtype)
    return frame


def tables(
    urls: str | Sequence[str],
    *,
    input_format: FormatChoice = "text",
    files_per_partition: int = FILES_PER_PARTITION,
    storage_options: dict[str, Any] | None = None,
) -> dict[str, dd.DataFrame]:
    """One dask DataFrame per table (``cables``, ``paragraphs``, …) over the cables that
    ``urls`` name; columns and Arrow types as in docs/export.md. The frames share their
    partitions: compute them together (``compute(*frames.values())``) so that every
    file is parsed once."""
    import dask.dataframe as dd
    from dask.delayed import delayed

    files = _open_files(urls, input_format, storage_options or {})
    groups = [files[i : i + files_per_partition] for i in range(0, len(files), files_per_partition)]
    parts = [delayed(_partition)(group, input_format) for group in groups]
    frames = {
        name: dd.from_delayed(
            [part[name] for part in parts], meta=_frame(name, []), verify_meta=False
        )
        for name in TABLES
    }
    # whether the archive holds a cited cable is known once every partition is parsed
    known = delayed(_canonical_ids)([part["cables"] for part in parts])
    citations = frames["citations"]
    frames["citations"] = citations.map_partitions(_mark_in_archive, known, meta=citations._meta)
    return frames


def _canonical_ids(cables: Sequence[pd.DataFrame]) -> frozenset[str]:
    return frozenset(cable_id for frame in cables for cable_id in frame["canonical_id"])


def _mark_in_archive(citations: pd.DataFrame, known: frozenset[str]) -> pd.DataFrame:
    """``in_archive`` of every citation of a cable: whether ``known`` holds its cited id."""
    import pandas as pd

    cited = citations["cited_id"]
    marked = [None if cable_id is pd.NA else cable_id in known for cable_id in cited]
    return citations.assign(
        in_archive=pd.Series(marked, index=citations.index, dtype=citations["in_archive"].dtype)
    )


def to_parquet(
    urls: str | Sequence[str],
    output: str | os.PathLike[str],
    *,
    input_format: FormatChoice = "text",
    files_per_partition: int = FILES_PER_PARTITION,
    storage_options: dict[str, Any] | None = None,
) -> None:
    """Write the tables of the cables ``urls`` name as a Parquet dataset at ``output``
    (a local folder, put in place when complete, or an fsspec URL)."""
    from dask.base import compute

    frames = tables(
        urls,
        input_format=input_format,
        files_per_partition=files_per_partition,
        storage_options=storage_options,
    )
    from .export import _version

    text = manifest("parquet", f"cablemodel {_version()}")
    if "://" in os.fspath(output):
        compute(*_writes(frames, os.fspath(output)))
        import fsspec

        with fsspec.open(f"{output}/{MANIFEST}", "w", **(storage_options or {})) as stream:
            stream.write(text)
        return
    target = Path(output)
    check_replaceable(target)
    folder = new_temporary_folder(target)
    try:
        compute(*_writes(frames, os.fspath(folder)))
        (folder / MANIFEST).write_text(text, encoding="utf-8")
        replace_folder(folder, target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise


def _writes(frames: dict[str, dd.DataFrame], folder: str) -> list[Any]:
    """The delayed writes of every table into ``folder``/<table>/."""
    return [
        frame.to_parquet(
            f"{folder}/{name}",
            schema=arrow_schema(TABLES[name]),
            write_index=False,
            compression="zstd",
            compute=False,
        )
        for name, frame in frames.items()
    ]
