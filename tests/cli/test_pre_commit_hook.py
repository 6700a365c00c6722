"""The pre-commit hook of .pre-commit-hooks.yaml, adopted by a new repository: it checks
the cables (files named like a reference id) and leaves other .txt files alone."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT, SEED, read_text

HOOKS = ROOT / ".pre-commit-hooks.yaml"


def hook_files_pattern() -> str:
    (line,) = [line for line in HOOKS.read_text(encoding="utf-8").splitlines()
               if line.strip().startswith("files:")]
    return line.split(":", 1)[1].strip()


def test_the_hook_takes_files_named_like_reference_ids() -> None:
    pattern = re.compile(hook_files_pattern())
    names = {
        "05PARIS3759.txt": True,
        "cables/09STATE40423.txt": True,
        "release/2005/05/05PARIS3759.txt": True,
        "7575LIBREVILLE1895.txt": True,  # a malformed id is still a cable
        "06ASTANA.txt": True,
        "README.txt": False,
        "docs/notes.txt": False,
        "requirements.txt": False,
        "2024-report.txt": False,
        "05PARIS3759.html": False,
    }
    assert {name: bool(pattern.search(name)) for name in names} == names


def _git(repo: Path, *arguments: str) -> None:
    subprocess.run(["git", *arguments], cwd=repo, check=True, capture_output=True)


@pytest.mark.slow
def test_a_new_repository_adopts_the_hook(tmp_path: Path) -> None:
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent))
    if pre_commit is None:
        pytest.skip("pre-commit is not installed")
    if not (ROOT / ".git").exists():
        pytest.skip("pre-commit takes hooks from a git repository (not from an sdist)")
    repo = tmp_path / "archive"
    (repo / "cables").mkdir(parents=True)
    shutil.copyfile(SEED, repo / "cables" / "05PARIS3759.txt")
    (repo / "README.txt").write_text("Cables of 2005, as published.\n", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    environment = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path / "cache"),
        "GIT_AUTHOR_NAME": "a", "GIT_AUTHOR_EMAIL": "a@example.org",
        "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.org",
    }

    def try_repo() -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [pre_commit, "try-repo", str(ROOT), "cablemodel-check", "--all-files",
             "--verbose"],
            cwd=repo, capture_output=True, text=True, env=environment, timeout=600,
            check=False,
        )

    clean = try_repo()
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Checked 1 file: " in clean.stdout
    assert "README.txt" not in clean.stdout

    broken = read_text(SEED).replace("2005-05-31 15:15:00", "2005-05-31 15:15:0x")
    (repo / "cables" / "05PARIS3760.txt").write_text(broken, encoding="utf-8", newline="")
    _git(repo, "add", ".")
    failing = try_repo()
    assert failing.returncode == 1
    assert "cables/05PARIS3760.txt:6:17: CM001 [error]" in failing.stdout
