"""The built wheel carries the grammar, its parser tables and py.typed, and parses the seed
by itself, from the shipped tables."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cablemodel._parser import build
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        check=False,
    )
    if built.returncode != 0:
        pytest.fail(f"building the wheel failed:\n{built.stderr}")
    (found,) = out.glob("cablemodel-*.whl")
    return found


@pytest.mark.slow
def test_wheel_contents(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())

    assert "cablemodel/grammar/cable.lark" in names
    assert "cablemodel/grammar/cable.tables.json" in names
    assert "cablemodel/grammar/cable.engine.json" in names
    assert "cablemodel/py.typed" in names
    assert {name.split("/")[0] for name in names} == {
        "cablemodel",
        wheel.name.split("-")[0] + "-" + wheel.name.split("-")[1] + ".dist-info",
    }


@pytest.mark.slow
def test_wheel_parses_the_seed(wheel: Path, tmp_path: Path) -> None:
    zipfile.ZipFile(wheel).extractall(tmp_path)
    script = (
        "import cablemodel, sys;"
        "c = cablemodel.parse_file(sys.argv[1]);"
        "from cablemodel._parser import build;"
        "print(cablemodel.__file__); print(c.reference_id, len(c.paragraphs));"
        "print(build._shipped_tables() is not None)"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script, str(ROOT / "tests" / "data" / "05PARIS3759.txt")],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=tmp_path,
    )
    location, summary, from_tables = result.stdout.splitlines()

    assert Path(location).is_relative_to(tmp_path)
    assert summary == "05PARIS3759 7"
    assert from_tables == str(build._shipped_tables() is not None)
