"""`parse DIR` writes JSON Lines whose lines say where each cable came from, and `render
--out-dir` writes them back into the same files, byte for byte."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from cablemodel.check.records import record_line, records_of
from tests.helpers import DATA, HTML, SEED, csv_row, read_text, run


def test_parse_then_render_gives_back_every_file(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "cables", ignore=shutil.ignore_patterns("golden", "*.html"))
    originals = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*.txt"))

    parsed = run("parse", "cables", "-o", "all.jsonl", cwd=tmp_path)
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    rendered = run("render", "all.jsonl", "--out-dir", "out", cwd=tmp_path)

    assert (parsed.returncode, rendered.returncode) == (0, 0)
    assert [json.loads(line)["source"] for line in lines] == [str(p) for p in originals]
    assert rendered.stderr == f"Wrote {len(originals)} cables to out.\n"
    for original in originals:
        assert (tmp_path / "out" / original).read_bytes() == (tmp_path / original).read_bytes()


def test_pages_and_rows_are_written_under_their_reference_ids(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    shutil.copy(HTML / "09BERN351.html", tmp_path / "in" / "page.html")
    body = "UNCLAS PARIS 000001\n\nE.O. 12958: N/A\nTAGS: PREL\nSUBJECT: A TEST\n\nWOLFF"
    row = ["1", "5/31/2005 15:15", "05PARIS1", "Embassy Paris", "UNCLASSIFIED", "", "", body]
    (tmp_path / "in" / "cables.csv").write_text(csv_row(row), encoding="utf-8")

    run("parse", "in", "--input-format", "auto", "-o", "all.jsonl", cwd=tmp_path)
    records = [json.loads(line) for line in
               (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()]
    rendered = run("render", "all.jsonl", "--out-dir", "out", cwd=tmp_path)

    assert [(r["source"], r["input_format"]) for r in records] == [
        ("in/cables.csv:1", "csv"), ("in/page.html", "html")
    ]
    assert rendered.returncode == 0
    assert sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*")
                  if p.is_file()) == ["in/05PARIS1.txt", "in/09BERN351.txt"]
    assert (tmp_path / "out" / "in" / "09BERN351.txt").read_text(encoding="utf-8") == (
        read_text(HTML / "09BERN351.txt")
    )


def test_render_refuses_a_source_outside_the_folder(tmp_path: Path) -> None:
    from cablemodel import parse

    line = record_line("../../escaped.txt", "text", parse(read_text(SEED)))
    (tmp_path / "evil.jsonl").write_text(line + "\n", encoding="utf-8")

    result = run("render", "evil.jsonl", "--out-dir", "out", cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr == (
        "cablemodel: error: ../../escaped.txt: the source leaves the output folder; "
        "not written\n"
    )
    assert not (tmp_path / "out").exists()
    assert not (tmp_path.parent / "escaped.txt").exists()


def test_render_of_records_without_a_folder(tmp_path: Path) -> None:
    from cablemodel import parse

    cable = parse(read_text(SEED))
    (tmp_path / "one.jsonl").write_text(record_line("a.txt", "text", cable) + "\n",
                                        encoding="utf-8")
    (tmp_path / "two.jsonl").write_text(
        record_line("a.txt", "text", cable) + "\n" + record_line("b.txt", "text", cable) + "\n",
        encoding="utf-8",
    )

    one = run("render", "one.jsonl", cwd=tmp_path)
    two = run("render", "two.jsonl", cwd=tmp_path)

    assert (one.returncode, one.stdout) == (0, read_text(SEED))
    assert two.returncode == 2
    assert two.stderr == (
        "cablemodel: error: two.jsonl holds 2 cables: write them with --out-dir DIR\n"
    )


def test_a_bad_record_names_its_line_and_path(tmp_path: Path) -> None:
    from cablemodel import parse

    good = record_line("a.txt", "text", parse(read_text(SEED)))
    bad = good.replace('"level":"CONFIDENTIAL"', '"level":"SECRETISH"', 1)
    (tmp_path / "bad.jsonl").write_text(good + "\n" + bad + "\n", encoding="utf-8")

    result = run("render", "bad.jsonl", "--out-dir", "out", cwd=tmp_path)

    assert result.returncode == 1
    assert "line 2: $.cable.publisher.classification.level: 'SECRETISH' is not a level" in (
        result.stderr
    )
    assert not (tmp_path / "out").exists()  # nothing written: the whole file is read first
    assert next(iter(records_of(good)))[:2] == ("a.txt", "text")
