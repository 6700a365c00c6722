"""`cablemodel export` and `cablemodel search` as a user runs them."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.helpers import DATA, SEED, read_text, run

CABLES = sorted(DATA.glob("*.txt"))
N = len(CABLES)


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "cables").mkdir()
    for path in CABLES:
        shutil.copy(path, tmp_path / "cables" / path.name)
    return tmp_path


def test_export_writes_an_archive_and_says_so(workspace: Path) -> None:
    result = run("export", "cables", "-o", "archive.sqlite", cwd=workspace)

    assert (result.returncode, result.stdout) == (0, "")
    assert re.fullmatch(
        rf"Wrote archive\.sqlite \(sqlite\): {N} cables; {N} exported, 0 rejected; \d+\.\d s\.\n",
        result.stderr,
    )
    with sqlite3.connect(workspace / "archive.sqlite") as db:
        assert db.execute("SELECT count(*) FROM cables").fetchone() == (N,)
    assert (workspace / "archive.metadata.json").is_file()

    again = run("export", "cables", "-o", "archive.sqlite", cwd=workspace)
    assert re.fullmatch(
        rf"Updated archive\.sqlite \(sqlite\): {N} cables; 0 exported, {N} unchanged, "
        r"0 removed, 0 rejected; \d+\.\d s\.\n",
        again.stderr,
    )
    assert run("export", "-q", "cables", "-o", "archive.sqlite", cwd=workspace).stderr == ""


def test_export_reads_pages_with_the_input_format(workspace: Path) -> None:
    shutil.copytree(DATA / "html", workspace / "pages")
    for text in (workspace / "pages").glob("*.txt"):
        text.unlink()

    result = run(
        "export", "--input-format", "html", "pages", "-o", "pages.sqlite", cwd=workspace
    )

    assert result.returncode == 0
    assert "6 cables; 6 exported, 0 rejected" in result.stderr


def test_export_to_parquet_and_csv(workspace: Path) -> None:
    pytest.importorskip("pyarrow")
    parquet = run("export", "cables", "-o", "archive.parquet", cwd=workspace)
    csv = run("export", "cables", "--format", "csv", "-o", "tables", cwd=workspace)

    assert (parquet.returncode, csv.returncode) == (0, 0)
    assert sorted(p.name for p in (workspace / "archive.parquet").iterdir()) == [
        "addressees", "cablemodel.json", "cables", "citations", "findings", "paragraphs",
        "rejects", "tags",
    ]
    # the citations wait in a file of their own until the end; it is gone
    assert not list((workspace / "archive.parquet").glob("*.jsonl"))
    assert not list((workspace / "tables").glob("*.jsonl"))
    assert (workspace / "tables" / "paragraphs.csv").read_bytes().startswith(
        b"cable_id,position,number,portion_level,portion_caveats,line,text\r\n"
    )


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("nope", "-o", "a.sqlite"), "no such file or directory: nope"),
        (("cables", "-o", "tables"), "cannot tell the format from the name 'tables'"),
        (("cables", "-o", "notes.sqlite"), "notes.sqlite exists and is not a cablemodel archive"),
    ],
)
def test_export_failures_are_one_line_and_exit_2(
    workspace: Path, arguments: tuple[str, ...], message: str
) -> None:
    (workspace / "notes.sqlite").write_text("my notes", encoding="utf-8")

    result = run("export", *arguments, cwd=workspace)

    assert result.returncode == 2
    assert result.stderr.startswith(f"cablemodel: error: {message}")
    assert result.stderr.count("\n") == 1
    assert (workspace / "notes.sqlite").read_text(encoding="utf-8") == "my notes"
    assert not (workspace / "a.sqlite").exists()


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One archive for the search tests: the example cables and a copy of the seed whose
    paragraph 2 holds a terminal escape and a direction override."""
    workspace = tmp_path_factory.mktemp("search")
    (workspace / "cables").mkdir()
    for path in CABLES:
        shutil.copy(path, workspace / "cables" / path.name)
    text = read_text(SEED).replace("05PARIS3759", "05PARIS9999", 1)
    text = text.replace("by French MFA POC", "by French \x1b[31m MFA \u202e POC")
    (workspace / "cables" / "05PARIS9999.txt").write_text(text, encoding="utf-8", newline="")
    assert run("export", "cables", "-o", "archive.sqlite", cwd=workspace).returncode == 0
    return workspace / "archive.sqlite"


def test_search_prints_hits_with_marked_words(archive: Path) -> None:
    result = run("search", archive.name, "Bertolotti", "--origin", "paris", cwd=archive.parent)

    assert result.returncode == 0
    blocks = result.stdout.split("\n\n")
    assert blocks[0].splitlines()[0] == "05PARIS3759  2005-05-31  CONFIDENTIAL  Embassy Paris"
    assert blocks[0].splitlines()[1] == (
        "  MISSILE TECHNOLOGY CONTROL REGIME (MTCR): MAY 26, 2005 PARIS POC MEETING (C)"
    )
    assert re.match(r"  ¶\d+: .*\*\*Bertolotti\*\*", blocks[0].splitlines()[2])
    assert result.stdout.endswith("\n2 hits.\n")


def test_search_shows_control_characters_instead_of_sending_them(archive: Path) -> None:
    result = run("search", archive.name, "MFA", "--since", "2005", "--until", "2005-05",
                 cwd=archive.parent)

    assert "\x1b" not in result.stdout
    assert "\u202e" not in result.stdout
    assert "French \\x1b[31m **MFA** \\u202e POC" in result.stdout


def test_search_as_json(archive: Path) -> None:
    result = run("search", archive.name, "Bertolotti", "--output-format", "json", "-n", "1",
                 cwd=archive.parent)
    document = json.loads(result.stdout)

    assert document["query"] == "Bertolotti"
    (hit,) = document["hits"]
    assert hit["id"] in ("05PARIS3759", "05PARIS9999")
    assert (hit["created"], hit["classification"], hit["in_subject"]) == (
        "2005-05-31 15:15:00", "CONFIDENTIAL", False
    )
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["Bertolotti"]


def test_search_without_hits_exits_1(archive: Path) -> None:
    result = run("search", archive.name, "Bertolotti", "--tag", "EG", cwd=archive.parent)
    assert (result.returncode, result.stdout) == (1, "0 hits.\n")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("archive.sqlite", "U.S."), "cablemodel: error: not a valid search query (fts5: syntax"),
        (("missing.sqlite", "x"), "cablemodel: error: missing.sqlite: no such archive"),
        (("archive.sqlite", "x", "--since", "May 2009"), "usage: cablemodel search"),
    ],
)
def test_search_failures_exit_2(archive: Path, arguments: tuple[str, ...], message: str) -> None:
    result = run("search", *arguments, cwd=archive.parent)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
