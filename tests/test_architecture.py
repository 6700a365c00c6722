"""The layers of docs/architecture.md, enforced by the import contracts in pyproject.toml."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

LINT_IMPORTS = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def lint_imports(source_root: Path, config: Path) -> subprocess.CompletedProcess[str]:
    assert LINT_IMPORTS is not None, "import-linter is a dev dependency"
    return subprocess.run(
        [LINT_IMPORTS, "--config", str(config), "--no-cache"],
        capture_output=True,
        text=True,
        cwd=source_root,
        env={"PYTHONPATH": str(source_root), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def package_copy(tmp_path: Path, module: str, line: str) -> Path:
    """A copy of the package with one import line added to ``module``."""
    shutil.copytree(ROOT / "src" / "cablemodel", tmp_path / "cablemodel")
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = tmp_path / "cablemodel" / module
    target.write_text(target.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return tmp_path


def test_the_package_keeps_every_contract() -> None:
    result = lint_imports(ROOT / "src", ROOT / "pyproject.toml")

    assert result.returncode == 0, result.stdout
    assert "Contracts: 4 kept, 0 broken." in result.stdout


def test_a_back_arrow_breaks_the_layers(tmp_path: Path) -> None:
    root = package_copy(tmp_path, "model/cable.py", "from ..check import run_check")
    result = lint_imports(root, root / "pyproject.toml")

    assert result.returncode == 1
    assert "Layers point one way BROKEN" in result.stdout
    assert "cablemodel.model.cable -> cablemodel.check" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "broken"),
    [
        ("rules/content.py", "import lark", "Only the parser imports lark BROKEN"),
        ("model/body.py", "import cattrs", "Only the JSON layer imports cattrs BROKEN"),
        (
            "batch.py",
            "from . import parse as _root_parse",
            "The layers never import the package root (it re-exports them) BROKEN",
        ),
    ],
)
def test_each_contract_fails_on_its_violation(
    tmp_path: Path, module: str, line: str, broken: str
) -> None:
    root = package_copy(tmp_path, module, line)
    result = lint_imports(root, root / "pyproject.toml")

    assert result.returncode == 1
    assert broken in result.stdout
    assert "Contracts: 3 kept, 1 broken." in result.stdout


def test_the_parser_is_lalr() -> None:
    from cablemodel._parser import build

    assert build.shared_parser().options.parser == "lalr"
    assert build.build_parser().options.parser == "lalr"
