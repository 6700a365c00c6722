"""What several test modules share: where the test data is, exact file reading, running
the installed console script, and writing rows the way the ``cables.csv`` dump does."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEED = DATA / "05PARIS3759.txt"
HTML = DATA / "html"

#: The console script installed beside the running interpreter.
SCRIPT = shutil.which("cablemodel", path=str(Path(sys.executable).parent)) or "cablemodel"
# Variables of the CI the tests may run in, which would change the command's defaults.
_CI_VARIABLES = (
    "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "CABLEMODEL_OUTPUT_FORMAT", "NO_COLOR", "FORCE_COLOR",
)


def read_text(path: Path) -> str:
    """A file's text exactly as stored (no newline translation)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return handle.read()


def corpus_dir() -> Path | None:
    """The folder of real cables named by CABLEMODEL_CORPUS, if set."""
    value = os.environ.get("CABLEMODEL_CORPUS")
    return Path(value).resolve() if value else None


def run(
    *args: str,
    cwd: Path,
    stdin: bytes | None = None,
    env: Mapping[str, str] | None = None,
    script: str = SCRIPT,
) -> subprocess.CompletedProcess[str]:
    """Run the console script with ``args`` in ``cwd``; stdout and stderr as text."""
    environment = {key: value for key, value in os.environ.items() if key not in _CI_VARIABLES}
    environment.update(env or {})
    completed = subprocess.run(
        [script, *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=120,
        check=False,
    )
    return subprocess.CompletedProcess(
        completed.args,
        completed.returncode,
        completed.stdout.decode("utf-8"),
        completed.stderr.decode("utf-8"),
    )


def mysql_field(value: str) -> str:
    """A field as MySQL's dump writes it: quoted, with backslash escapes."""
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\\n")
    return f'"{escaped}"'


def csv_row(fields: list[str]) -> str:
    """One row of a ``cables.csv`` dump."""
    return ",".join(mysql_field(field) for field in fields) + "\n"


def run_unprivileged(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the console script as a user who cannot read what only its owner may read
    (root reads every file: as root, the command runs as "nobody")."""
    if os.geteuid() != 0:
        return run(*args, cwd=cwd)
    drop = ["--reuid=65534", "--regid=65534", "--clear-groups"]
    return run(*drop, SCRIPT, *args, cwd=cwd, script=shutil.which("setpriv") or "setpriv")


def model_difference(expected: object, found: object, path: str = "cable") -> str | None:
    """The first place where two models differ, or None: every attrs field compared,
    spans (which take no part in ``==``) and the exact types of values included."""
    import attrs

    if type(expected) is not type(found):
        return f"{path}: {type(expected).__name__} != {type(found).__name__}"
    if attrs.has(type(expected)):
        for field in attrs.fields(type(expected)):  # type: ignore[arg-type]
            inner = model_difference(
                getattr(expected, field.name), getattr(found, field.name), f"{path}.{field.name}"
            )
            if inner is not None:
                return inner
        return None
    if isinstance(expected, tuple) and isinstance(found, tuple):
        if len(expected) != len(found):
            return f"{path}: {len(expected)} items != {len(found)}"
        for index, (left, right) in enumerate(zip(expected, found, strict=True)):
            inner = model_difference(left, right, f"{path}[{index}]")
            if inner is not None:
                return inner
        return None
    return None if expected == found else f"{path}: {expected!r} != {found!r}"
