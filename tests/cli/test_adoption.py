"""What a new user of the checker meets first: rules explained where a finding names them,
a run that checks nothing failing, CM001 that cannot be ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cablemodel.rules import RULES
from cablemodel.rules.explain import explain, explanation
from tests.helpers import HTML, SEED, run


def test_rules_code_explains_the_rule(tmp_path: Path) -> None:
    result = run("rules", "CM301", cwd=tmp_path)

    assert result.returncode == 0
    assert result.stdout == explain(RULES["CM301"])
    lines = result.stdout.splitlines()
    assert lines[0] == "# CM301 declassify-before-created"
    assert "## Why" in lines
    assert "    E.O. 12958: DECL: 02/23/2006" in lines
    assert "                      ^^^^^^^^^^" in lines
    assert "`--ignore CM301` on the" in result.stdout


def test_rules_takes_the_name_and_json(tmp_path: Path) -> None:
    by_name = run("rules", "declassify-before-created", cwd=tmp_path)
    as_json = run("rules", "cm301", "--output-format", "json", cwd=tmp_path)

    assert by_name.stdout == explain(RULES["CM301"])
    document = json.loads(as_json.stdout)
    assert document == explanation(RULES["CM301"])
    assert document["example"] == {
        "cable": "06PARTO9", "line": 32, "column": 19, "end_column": 29,
        "text": "E.O. 12958: DECL: 02/23/2006",
        "message": "DECL date 2006-02-23 is before the cable was created, 2006-03-02",
        "change": None,
    }
    assert document["url"] == "https://cablemodel.github.io/cablemodel/rules/CM301/"


def test_an_unknown_rule_is_a_usage_error(tmp_path: Path) -> None:
    result = run("rules", "CM999", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr == (
        "cablemodel: error: unknown rule CM999: run `cablemodel rules` for the list\n"
    )


def test_a_run_that_finds_no_file_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "pages").mkdir()
    shutil.copy(HTML / "09BERN351.html", tmp_path / "pages" / "09BERN351.html")

    empty = run("check", "empty", cwd=tmp_path)
    pages = run("check", "pages", cwd=tmp_path)
    globbed = run("check", "pages", "--input-format", "html", "--glob", "*.txt", cwd=tmp_path)

    assert (empty.returncode, empty.stdout) == (2, "")
    assert empty.stderr == (
        "cablemodel: error: no input file found in empty (searched for *.txt); the folder "
        "is empty: name the folder that holds the cables\n"
    )
    assert (pages.returncode, pages.stdout) == (2, "")
    assert pages.stderr == (
        "cablemodel: error: no input file found in pages (searched for *.txt); the folder "
        "holds 1 html file: check them with --input-format html\n"
    )
    assert globbed.returncode == 2
    assert globbed.stderr == (
        "cablemodel: error: no input file found in pages (searched for --glob *.txt); the "
        "folder holds 1 html file: check --glob\n"
    )
    # --glob applies to pages too: the page is found by its own pattern
    found = run("check", "pages", "--input-format", "html", "--glob", "09*", cwd=tmp_path)
    assert found.stdout.splitlines()[-1].startswith("Checked 1 file:")


def test_cm001_cannot_be_ignored(tmp_path: Path) -> None:
    shutil.copy(SEED, tmp_path / "05PARIS3759.txt")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.cablemodel]\nignore = ["CM0"]\n', encoding="utf-8"
    )

    (tmp_path / "empty.toml").write_text("", encoding="utf-8")

    flag = run("check", "05PARIS3759.txt", "--config", "empty.toml", "--ignore", "CM001",
               cwd=tmp_path)
    configured = run("check", "05PARIS3759.txt", cwd=tmp_path)

    reason = ("cannot be ignored: a cable that does not parse was not checked at all. To "
              "accept a known-bad file, record it in a baseline (--write-baseline)")
    assert (flag.returncode, flag.stderr) == (
        2, f"cablemodel: error: --ignore: CM001 {reason}\n"
    )
    assert configured.returncode == 2
    assert configured.stderr == (
        f"cablemodel: error: {tmp_path / 'pyproject.toml'}: ignore: CM0 {reason}\n"
    )


def test_the_configuration_is_found_from_the_checked_paths(tmp_path: Path) -> None:
    # As ruff does: `cd / && cablemodel check /proj/cables` reads /proj/pyproject.toml.
    project = tmp_path / "proj"
    (project / "cables").mkdir(parents=True)
    shutil.copy(SEED, project / "cables" / "05PARIS3759.txt")
    (project / "pyproject.toml").write_text('[tool.cablemodel]\nignore = ["CM2"]\n',
                                            encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    from_outside = run("check", str(project / "cables"), cwd=elsewhere)
    settings = run("check", str(project / "cables"), "--show-settings", cwd=elsewhere)

    assert from_outside.returncode == 0
    assert from_outside.stdout == "Checked 1 file: no findings.\n"  # CM204, CM206 ignored
    lines = settings.stdout.splitlines()
    assert settings.returncode == 0
    assert lines[0] == f"configuration: {project / 'pyproject.toml'}"
    assert lines[1].startswith("rules: 38 of 44: CM001 CM101 ")
    assert " CM2" not in lines[1]
    assert lines[2:] == [
        "input format: text; file names in folders: *.txt",
        "output format: full",
        "baseline: none",
        "files: 1",
    ]


def test_show_files_lists_what_would_be_checked(tmp_path: Path) -> None:
    (tmp_path / "cables" / "2005").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "cables" / "2005" / "05PARIS3759.txt")
    shutil.copy(SEED, tmp_path / "cables" / "05PARIS3760.txt")
    (tmp_path / "cables" / "notes.md").write_text("notes\n", encoding="utf-8")

    result = run("check", "cables", "--show-files", cwd=tmp_path)

    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "cables/05PARIS3760.txt", "cables/2005/05PARIS3759.txt"
    ]
