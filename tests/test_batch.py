"""The streaming batch API: cablemodel.batch.iter_results and iter_files."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

import cablemodel
from cablemodel.batch import (
    SERIAL_THRESHOLD,
    Result,
    iter_files,
    iter_results,
    unparseable_finding,
)
from cablemodel.errors import CableSyntaxError
from cablemodel.rules import Severity, validate
from tests.helpers import SEED


def seed_text() -> str:
    with SEED.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def test_a_parsed_cable_gives_its_findings_and_quoted_lines(tmp_path: Path) -> None:
    (result,) = iter_results([SEED], jobs=1, keep_cables=True)
    cable = cablemodel.parse(seed_text())
    assert result.path == str(SEED)
    assert result.cable == cable
    assert (result.error, result.read_error) == (None, None)
    assert result.findings == validate(cable)
    lines = seed_text().splitlines()
    assert result.lines == {finding.line: lines[finding.line - 1] for finding in result.findings}


def test_cables_are_dropped_unless_asked(tmp_path: Path) -> None:
    (result,) = iter_results([SEED], jobs=1)
    assert result.cable is None


def test_an_unparseable_cable_gives_its_error_as_cm001(tmp_path: Path) -> None:
    broken = tmp_path / "broken.txt"
    broken.write_text("Identifier\nCreated\n", encoding="utf-8")
    (result,) = iter_results([broken], jobs=1, keep_cables=True)
    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse("Identifier\nCreated\n")
    error = caught.value
    assert isinstance(result.error, CableSyntaxError)
    assert (result.error.line, result.error.column) == (error.line, error.column)
    assert result.cable is None
    (finding,) = result.findings
    assert finding == unparseable_finding(error)
    assert (finding.code, finding.name, finding.severity) == (
        "CM001", "unparseable-cable", Severity.ERROR
    )
    assert (finding.end_line, finding.end_column) == (error.line, error.column + 1)


def test_bytes_that_are_not_utf8_point_at_the_first_bad_byte(tmp_path: Path) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Identifier\nÉté \xff".encode("latin-1"))
    (result,) = iter_results([latin], jobs=1)
    assert result.error is not None
    assert (result.error.line, result.error.column) == (2, 1)
    assert result.error.reason == "byte 0xc9 is not UTF-8"
    assert result.findings[0].code == "CM001"


def test_a_file_that_cannot_be_read_gives_its_os_error(tmp_path: Path) -> None:
    dangling = tmp_path / "gone.txt"
    dangling.symlink_to(tmp_path / "missing.txt")
    (result,) = iter_results([dangling], jobs=1)
    assert isinstance(result.read_error, FileNotFoundError)
    assert result.findings == ()


def test_a_path_that_does_not_exist_is_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"^no such file or directory: .*missing.txt$"):
        list(iter_results([SEED, tmp_path / "missing.txt"], jobs=1))


def make_files(folder: Path, count: int) -> list[Path]:
    paths = []
    for index in range(count):
        path = folder / f"{index:03d}.txt"
        if index % 5 == 0:
            shutil.copyfile(SEED, path)
        else:
            path.write_text(f"Identifier\n{index}\n", encoding="utf-8")
        paths.append(path)
    return paths


def summary(results: list[Result]) -> list[tuple[str, tuple[str, ...], int | None]]:
    return [
        (
            result.path,
            tuple(f.code for f in result.findings),
            result.error.line if result.error else None,
        )
        for result in results
    ]


def test_a_pool_keeps_the_input_order(tmp_path: Path) -> None:
    paths = make_files(tmp_path, SERIAL_THRESHOLD + 9)
    paths.reverse()
    pooled = list(iter_results(paths, jobs=2))
    serial = list(iter_results(paths, jobs=1))
    assert [result.path for result in pooled] == [str(path) for path in paths]
    assert summary(pooled) == summary(serial)


def test_a_pool_can_send_cables_back(tmp_path: Path) -> None:
    paths = make_files(tmp_path, SERIAL_THRESHOLD)
    cables = [result.cable for result in iter_results(paths, jobs=2, keep_cables=True)]
    assert cables[0] == cablemodel.parse(seed_text())


def test_stopping_early_leaves_no_work_behind(tmp_path: Path) -> None:
    paths = make_files(tmp_path, SERIAL_THRESHOLD * 2)
    stream = iter_results(paths, jobs=2)
    first = next(stream)
    stream.close()
    assert first.path == str(paths[0])


def test_iter_files_walks_directories_sorted_with_a_glob(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    for name in ("b/2.txt", "a/deep/1.txt", "a/0.txt", "a/x.cable", ".git/h.txt"):
        (tmp_path / name).write_text("", encoding="utf-8")
    found = list(iter_files([tmp_path]))
    assert found == [str(tmp_path / name) for name in ("a/0.txt", "a/deep/1.txt", "b/2.txt")]
    assert list(iter_files([tmp_path / "a"], "*.cable")) == [str(tmp_path / "a" / "x.cable")]
    # A file named directly is taken whatever its name.
    assert list(iter_files([tmp_path / "a" / "x.cable"])) == [str(tmp_path / "a" / "x.cable")]


def test_iter_files_refuses_a_missing_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"^no such file or directory: .*nope$"):
        list(iter_files([tmp_path / "nope"]))


_WARMED: dict[str, bool] = {}  # what the warm-up did, in this process and its forks


def _warm() -> None:
    _WARMED["done"] = True


def _pid_and_warmed(item: int) -> tuple[int, bool]:
    import os

    return os.getpid(), _WARMED.get("done", False)


def test_map_ordered_warms_up_before_the_workers_fork_and_only_for_them() -> None:
    import os

    from cablemodel.batch import map_ordered

    _WARMED.clear()
    few = list(map_ordered(_pid_and_warmed, range(SERIAL_THRESHOLD - 1), jobs=2, warm_up=_warm))
    # in this process: nothing to fork, nothing warmed
    assert {pid for pid, _ in few} == {os.getpid()}
    assert _WARMED == {}
    many = list(map_ordered(_pid_and_warmed, range(SERIAL_THRESHOLD * 2), jobs=2, warm_up=_warm))
    assert os.getpid() not in {pid for pid, _ in many}
    assert _WARMED == {"done": True}
    # with fork, every worker inherits what the warm-up did
    if sys.platform == "linux":
        assert all(warmed for _, warmed in many)
