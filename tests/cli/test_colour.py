"""Colour on a terminal, as ruff and yamllint do: --color auto|always|never, NO_COLOR and
FORCE_COLOR; never in a file or a pipe unless asked."""

from __future__ import annotations

import os
import pty
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.helpers import SCRIPT, SEED, run

BOLD_INFO = "\x1b[1;36mCM204 [info]\x1b[0m"


@pytest.fixture
def cables(tmp_path: Path) -> Path:
    (tmp_path / "cables").mkdir()
    shutil.copy(SEED, tmp_path / "cables" / "05PARIS3759.txt")
    return tmp_path


def on_a_terminal(*args: str, cwd: Path, env: dict[str, str]) -> str:
    """The output of the console script written to a pseudo-terminal."""
    leader, follower = pty.openpty()
    environment = {key: value for key, value in os.environ.items()
                   if key not in ("NO_COLOR", "FORCE_COLOR", "GITHUB_ACTIONS")}
    environment.update(env)
    with subprocess.Popen([SCRIPT, *args], cwd=cwd, stdout=follower, stderr=follower,
                          env=environment) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=120)
    os.close(leader)
    return b"".join(chunks).decode("utf-8")


def test_a_pipe_gets_no_colour_unless_asked(cables: Path) -> None:
    plain = run("check", "cables", cwd=cables)
    always = run("check", "cables", "--color", "always", cwd=cables)
    forced = run("check", "cables", env={"FORCE_COLOR": "1"}, cwd=cables)
    never = run("check", "cables", "--color", "never", env={"FORCE_COLOR": "1"}, cwd=cables)

    assert "\x1b[" not in plain.stdout
    assert always.stdout.startswith(
        f"\x1b[1mcables/05PARIS3759.txt:16:25:\x1b[0m {BOLD_INFO} Banner announces"
    )
    assert "    |                         \x1b[1;36m^^^^^^^^^^^^^^^^\x1b[0m\n" in always.stdout
    assert forced.stdout == always.stdout
    assert never.stdout == plain.stdout


def test_a_terminal_gets_colour_unless_no_color(cables: Path) -> None:
    coloured = on_a_terminal("check", "cables", "--output-format", "concise", cwd=cables,
                             env={})
    no_color = on_a_terminal("check", "cables", "--output-format", "concise", cwd=cables,
                             env={"NO_COLOR": "1"})

    assert BOLD_INFO in coloured
    assert "\x1b[" not in no_color
    assert "cables/05PARIS3759.txt:16:25: CM204 [info] Banner announces" in no_color


def test_machine_formats_and_files_are_never_coloured(cables: Path) -> None:
    json_report = run("check", "cables", "--output-format", "json", "--color", "always",
                      cwd=cables)
    run("check", "cables", "--color", "always", "-o", "report.txt", cwd=cables)

    assert "\x1b[" not in json_report.stdout
    assert "\x1b[" not in (cables / "report.txt").read_text(encoding="utf-8")
