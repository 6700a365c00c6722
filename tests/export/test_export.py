"""The export: rows of a cable, the SQLite archive (SQL, FTS5, updates, failures, rejects)
and the full-text search over it."""

from __future__ import annotations

import csv
import datetime as dt
import json
import pickle
import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given

import cablemodel
from cablemodel import strategies
from cablemodel.export import (
    SCHEMA_VERSION,
    TABLES,
    ArchiveError,
    CableRow,
    CitationRow,
    ColumnKind,
    ExportError,
    ParagraphRow,
    Records,
    RejectRow,
    SearchError,
    TagRow,
    datasette_metadata,
    export,
    metadata_path,
    output_format,
    records,
    search,
)
from cablemodel.sources import CableSourceError
from tests.helpers import DATA, SEED, csv_row, read_text
from tests.sources.test_sources import _row_of

CABLES = sorted(DATA.glob("*.txt"))
N = len(CABLES)  # the example cables of tests/data


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    """A folder with the example cables of tests/data (their texts)."""
    folder = tmp_path / "cables"
    folder.mkdir()
    for path in CABLES:
        shutil.copy(path, folder / path.name)
    return folder


def rows(database: Path, sql: str, *parameters: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(database) as db:
        return db.execute(sql, parameters).fetchall()


# ----------------------------------------------------------------------- records


def test_the_rows_of_the_seed() -> None:
    cable = cablemodel.parse(read_text(SEED))
    found = records(cable, source="05PARIS3759.txt")

    row = found.cable
    assert (row.id, row.created, row.year, row.released) == (
        "05PARIS3759", dt.datetime(2005, 5, 31, 15, 15), 2005, None
    )
    assert (row.classification, row.classification_level, row.classification_caveats) == (
        "CONFIDENTIAL", "CONFIDENTIAL", ""
    )
    assert (row.origin, row.station, row.partial) == ("Embassy Paris", "PARIS", True)
    assert row.subject == (
        "MISSILE TECHNOLOGY CONTROL REGIME (MTCR): MAY 26, 2005 PARIS POC MEETING (C)"
    )
    assert (row.eo_order, row.declassification, row.declassify_on, row.exemptions) == (
        12958, "date", dt.date(2015, 5, 31), None
    )
    assert (row.sections, row.paragraph_count) == (2, 7)
    assert json.loads(row.tags) == ["FR", "KSCA", "PARM", "PREL", "MNUC", "TSPA", "ETTC"]
    assert (row.size, row.errors, row.warnings, row.infos) == (5379, 0, 0, 2)
    assert row.sha256 == "4decaf1dbf829898cadcc488698c2698fdc905f7fc2862179c762cd342cd0219"
    assert row.source == "05PARIS3759.txt"

    assert [(p.position, p.number, p.portion_level, p.line) for p in found.paragraphs] == [
        (1, 1, "C", 47), (2, 2, "C", 53), (3, 3, "C", 68), (4, 4, "C", 85),
        (5, 5, "C", 106), (6, 6, "C", 117), (7, 7, "C", 131),
    ]
    assert found.paragraphs[0].text.startswith("EST Counselor participated in the May 26 MTCR")
    assert found.tags[:2] == (
        TagRow("05PARIS3759", 1, "FR", "FR", "geo", "tags-line"),
        TagRow("05PARIS3759", 2, "KSCA", "KSCA", "program", "tags-line"),
    )
    assert [t.kind for t in found.tags] == [
        "geo", "program", "subject", "subject", "subject", "subject", "subject"
    ]
    # the facts of the cable
    assert row.canonical_id == "05PARIS3759"
    assert (row.classified_by, row.classifier_title, row.classifier_office) == (
        "ROBERT W. DRY", "EST COUNSELOR", None
    )
    assert row.classification_reasons == "1.4(b) 1.4(d)"
    assert (json.loads(row.signers), row.summary, row.sender) == (["WOLFF"], None, None)
    assert found.citations == (
        CitationRow(
            "05PARIS3759", 1, None, "cable", "SECSTATE 96519", "05STATE96519",
            known_station=True, in_release=False, in_archive=None, line=27,
        ),
    )
    assert found.addressees == ()  # a partial extract: no routing header
    assert [(f.position, f.code, f.severity, f.line) for f in found.findings] == [
        (1, "CM204", "info", 16), (2, "CM206", "info", 31)
    ]


def test_addressees_of_a_routing_header() -> None:
    # 09BRASILIA1401: FM with the DE line's routing indicator, TO with a sequence number
    found = records(cablemodel.parse(read_text(DATA / "09BRASILIA1401.txt")))
    assert [(a.position, a.role, a.name, a.routing_indicator, a.sequence, a.line)
            for a in found.addressees[:3]] == [
        (1, "from", "AMEMBASSY BRASILIA", "RUEHBR", None, 20),
        (2, "to", "SECSTATE WASHDC", "RUEHC", 5, 21),
        (3, "info", "AMEMBASSY BRASILIA", "RUEHBR", None, 22),
    ]
    assert found.addressees[1].routing_name == "DEPT OF STATE WASHINGTON DC"
    assert found.cable.sender == "AMEMBASSY BRASILIA"
    assert {a.role for a in found.addressees} == {"from", "to", "info"}
    assert [c.cited_id for c in found.citations] == ["09STATE122731"]


def test_a_cable_without_a_tags_line_has_the_publishers_tags() -> None:
    lines = read_text(SEED).splitlines(keepends=True)
    cable = cablemodel.parse("".join(line for line in lines if not line.startswith("TAGS:")))
    assert cable.tags_line is None
    tags = records(cable).tags
    assert [(t.tag, t.normalized, t.kind, t.listed_in) for t in tags[:2]] == [
        ("FR", "FR", "geo", "publisher"), ("KSCA", "KSCA", "program", "publisher"),
    ]
    assert len(tags) == len(cable.tags) == 7


def test_without_the_text_size_and_hash_come_from_the_rendered_cable() -> None:
    text = read_text(SEED)
    cable = cablemodel.parse(text)
    assert records(cable) == records(cable, text=text, findings=cablemodel.validate(cable))


def test_records_pickle() -> None:
    found = records(cablemodel.parse(read_text(SEED)))
    assert pickle.loads(pickle.dumps(found)) == found
    assert pickle.loads(pickle.dumps(records)) is records


def test_the_prose_before_the_first_numbered_paragraph_is_position_0() -> None:
    # 07YEREVAN688 has no numbered paragraph: its text stands in the header area
    cable = cablemodel.parse(read_text(DATA / "07YEREVAN688.txt"))
    assert cable.paragraphs == ()
    (row,) = records(cable).paragraphs
    assert (row.position, row.number, row.portion_level, row.portion_caveats) == (0, None, None, "")
    assert row.text.startswith("Post delivered reftel information to Arshak Manukyan")


def test_portion_caveats_are_joined() -> None:
    text = read_text(SEED).replace("1. (C) EST Counselor", "1. (S//NF) EST Counselor")
    first = records(cablemodel.parse(text)).paragraphs[0]
    assert (first.portion_level, first.portion_caveats) == ("S", "NF")


def test_the_schema_is_read_from_the_row_classes() -> None:
    assert list(TABLES) == [
        "cables", "paragraphs", "tags", "citations", "addressees", "findings", "rejects"
    ]
    cables = TABLES["cables"]
    assert cables.row is CableRow
    assert cables.key == ("id",)
    kinds = {column.name: (column.kind, column.nullable) for column in cables.columns}
    assert kinds["created"] == (ColumnKind.DATETIME, False)
    assert kinds["released"] == (ColumnKind.DATETIME, True)
    assert kinds["declassify_on"] == (ColumnKind.DATE, True)
    assert kinds["partial"] == (ColumnKind.BOOLEAN, False)
    assert kinds["paragraph_count"] == (ColumnKind.INTEGER, False)
    assert TABLES["paragraphs"].key == ("cable_id", "position")
    assert all(column.doc for table in TABLES.values() for column in table.columns)


def test_records_of_generated_cables_survive_sqlite(tmp_path: Path) -> None:
    """Property: the rows of any cable the strategies make come back from SQLite equal."""

    @given(cable=strategies.cables())
    def check(cable: cablemodel.Cable) -> None:
        database = tmp_path / "one.sqlite"
        database.unlink(missing_ok=True)
        text = cablemodel.render(cable)
        cable_file = tmp_path / "one.txt"
        cable_file.write_text(text, encoding="utf-8", newline="")
        found = records(cablemodel.parse(text), source=str(cable_file))
        export([cable_file], database, jobs=1)
        # the archive of one cable holds a cited cable only if the cable cites itself
        own = found.cable.canonical_id
        citations = tuple(
            attrs.evolve(c, in_archive=None if c.cited_id is None else c.cited_id == own)
            for c in found.citations
        )
        assert read_back(database) == attrs.evolve(found, citations=citations)

    check()


def read_back(database: Path) -> Records:
    """The one cable of an archive as typed rows again."""
    with sqlite3.connect(database) as db:
        db.row_factory = sqlite3.Row
        tables = {
            name: [_typed(name, dict(row)) for row in db.execute(f"SELECT * FROM {name}")]
            for name in TABLES
        }
    (cable,) = tables["cables"]
    order = lambda row: row.position  # noqa: E731
    return Records(
        cable=cable,
        paragraphs=tuple(sorted(tables["paragraphs"], key=order)),
        tags=tuple(sorted(tables["tags"], key=order)),
        citations=tuple(sorted(tables["citations"], key=order)),
        addressees=tuple(sorted(tables["addressees"], key=order)),
        findings=tuple(sorted(tables["findings"], key=order)),
    )


def _typed(table: str, values: dict[str, Any]) -> Any:
    for column in TABLES[table].columns:
        value = values[column.name]
        if value is None:
            continue
        if column.kind is ColumnKind.DATETIME:
            values[column.name] = dt.datetime.fromisoformat(value)
        elif column.kind is ColumnKind.DATE:
            values[column.name] = dt.date.fromisoformat(value)
        elif column.kind is ColumnKind.BOOLEAN:
            values[column.name] = bool(value)
    return TABLES[table].row(**values)


# ------------------------------------------------------------------------ SQLite


def test_the_archive_answers_sql(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    summary = export([inputs], database, jobs=1)

    assert (summary.format, summary.fresh, summary.exported, summary.rejected) == (
        "sqlite", True, N, 0
    )
    assert summary.cables == N
    assert rows(database, "SELECT count(*) FROM cables") == [(N,)]
    parsed = [cablemodel.parse_file(path) for path in CABLES]
    assert rows(
        database,
        "SELECT classification, count(*) FROM cables GROUP BY classification ORDER BY 1",
    ) == sorted(Counter(str(cable.classification) for cable in parsed).items())
    assert rows(
        database,
        "SELECT c.id, count(*) FROM paragraphs p JOIN cables c ON c.id = p.cable_id "
        "WHERE c.id = '05PARIS3759' GROUP BY c.id",
    ) == [("05PARIS3759", 7)]
    assert rows(database, "SELECT created, partial, declassify_on FROM cables WHERE id = ?",
                "05PARIS3759") == [("2005-05-31 15:15:00", 1, "2015-05-31")]
    assert rows(database, "SELECT value FROM cablemodel WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    # every cable's paragraphs, tags and findings
    expected = {
        path.stem: records(cablemodel.parse_file(path), source=str(path)) for path in CABLES
    }
    assert sum(len(r.paragraphs) for r in expected.values()) == rows(
        database, "SELECT count(*) FROM paragraphs"
    )[0][0]
    assert rows(database, "SELECT cable_id, tag FROM tags WHERE cable_id = '09CAIRO1639' "
                "ORDER BY position") == [
        ("09CAIRO1639", row.tag) for row in expected["09CAIRO1639"].tags
    ]
    assert rows(database, "SELECT count(*) FROM findings")[0][0] == sum(
        len(r.findings) for r in expected.values()
    )


def test_keys_indexes_and_foreign_keys(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)

    indexes = {name for (name,) in rows(database, "SELECT name FROM sqlite_master "
                                        "WHERE type = 'index' AND name NOT LIKE 'sqlite_%'")}
    assert {"cables_source", "cables_created", "cables_origin", "tags_tag"} <= indexes
    assert rows(database, "PRAGMA foreign_key_list(paragraphs)")[0][2:5] == (
        "cables", "cable_id", "id"
    )
    assert rows(database, "PRAGMA foreign_key_check") == []
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        rows(database, "INSERT INTO tags SELECT * FROM tags LIMIT 1")


def test_fts5_finds_paragraphs_and_subjects(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)

    seed = cablemodel.parse(read_text(SEED))
    assert rows(
        database,
        "SELECT p.cable_id, p.number FROM paragraphs_fts f JOIN paragraphs p ON p.rowid = f.rowid "
        "WHERE paragraphs_fts MATCH 'Bertolotti' ORDER BY 1, 2",
    ) == [("05PARIS3759", p.number) for p in seed.paragraphs if "Bertolotti" in p.text]
    matching = "SELECT * FROM paragraphs_fts WHERE paragraphs_fts MATCH 'Bertolotti'"
    assert len(rows(database, matching)) >= 2
    assert rows(
        database,
        "SELECT c.id FROM cables_fts f JOIN cables c ON c.rowid = f.rowid "
        "WHERE cables_fts MATCH 'subject:MTCR'",
    ) == [("05PARIS3759",)]
    # the porter stemmer: "meetings" finds "meeting"
    assert ("05PARIS3759",) in rows(
        database,
        "SELECT c.id FROM cables_fts f JOIN cables c ON c.rowid = f.rowid "
        "WHERE cables_fts MATCH 'meetings'",
    )


def test_the_datasette_metadata_configures_facets_and_search(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)

    metadata = json.loads(metadata_path(database).read_text(encoding="utf-8"))
    assert metadata_path(database).name == "archive.metadata.json"
    assert metadata == datasette_metadata("archive")
    cables = metadata["databases"]["archive"]["tables"]["cables"]
    assert cables["facets"] == [
        "classification", "origin", "year", {"array": "tags"}, {"array": "signers"}
    ]
    assert (cables["fts_table"], cables["fts_pk"]) == ("cables_fts", "rowid")
    assert cables["columns"]["sha256"] == "the SHA-256 of the cable text (UTF-8), in hex"
    paragraphs = metadata["databases"]["archive"]["tables"]["paragraphs"]
    assert paragraphs["fts_table"] == "paragraphs_fts"


def _citing_pair(folder: Path) -> tuple[Path, Path]:
    """Two cables made from the reference cable: 05PARIS3800 cites 05PARIS3700 (``REF:
    PARIS 3700``), which cites 05STATE96519 as the reference cable does."""
    text = read_text(SEED)
    cited, citing = folder / "cited.txt", folder / "citing.txt"
    cited.write_text(
        text.replace("05PARIS3759", "05PARIS3700").replace("PARIS 003759", "PARIS 003700"),
        encoding="utf-8",
        newline="",
    )
    citing.write_text(
        text.replace("05PARIS3759", "05PARIS3800")
        .replace("PARIS 003759", "PARIS 003800")
        .replace("REF: SECSTATE 96519", "REF: PARIS 3700"),
        encoding="utf-8",
        newline="",
    )
    return cited, citing


def test_citations_say_whether_the_archive_holds_the_cited_cable(tmp_path: Path) -> None:
    folder = tmp_path / "cables"
    folder.mkdir()
    cited, _ = _citing_pair(folder)
    database = tmp_path / "archive.sqlite"
    export([folder], database, jobs=1)
    query = "SELECT cable_id, cited_id, in_release, in_archive FROM citations ORDER BY 1"
    assert rows(database, query) == [
        ("05PARIS3700", "05STATE96519", 0, 0),
        ("05PARIS3800", "05PARIS3700", 0, 1),
    ]
    # the graph's edges join the cables they point to
    assert rows(
        database,
        "SELECT c.cable_id, d.id FROM citations c JOIN cables d ON d.canonical_id = c.cited_id",
    ) == [("05PARIS3800", "05PARIS3700")]

    # an update recomputes it: the cited cable gone, the citing one unchanged
    cited.unlink()
    summary = export([folder], database, jobs=1)
    assert (summary.exported, summary.unchanged, summary.removed) == (0, 1, 1)
    assert rows(database, query) == [("05PARIS3800", "05PARIS3700", 0, 0)]


def test_folder_exports_set_in_archive_at_the_end(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    folder = tmp_path / "cables"
    folder.mkdir()
    _citing_pair(folder)
    export([folder], tmp_path / "tables", format="csv", jobs=1)
    export([folder], tmp_path / "archive.parquet", jobs=1)

    with (tmp_path / "tables" / "citations.csv").open(encoding="utf-8", newline="") as stream:
        found = [(r["cable_id"], r["cited_id"], r["in_archive"]) for r in csv.DictReader(stream)]
    assert found == [
        ("05PARIS3700", "05STATE96519", "false"), ("05PARIS3800", "05PARIS3700", "true")
    ]
    table = pq.read_table(tmp_path / "archive.parquet" / "citations").to_pylist()
    assert [(r["cable_id"], r["in_archive"]) for r in table] == [
        ("05PARIS3700", False), ("05PARIS3800", True)
    ]
    assert sorted(p.name for p in (tmp_path / "tables").iterdir())[:3] == [
        "addressees.csv", "cablemodel.json", "cables.csv"
    ]


def _state(database: Path) -> list[list[tuple[Any, ...]]]:
    return [rows(database, f"SELECT * FROM {name} ORDER BY 1, 2") for name in TABLES]


def test_a_second_run_parses_only_what_changed(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)
    before = _state(database)

    again = export([inputs], database, jobs=1)
    assert (again.fresh, again.exported, again.unchanged, again.removed) == (False, 0, N, 0)
    assert _state(database) == before

    seed = inputs / "05PARIS3759.txt"
    seed.write_text(read_text(seed).replace("Bertolotti", "Lafayette"), encoding="utf-8",
                    newline="")
    (inputs / "09CAIRO1639.txt").unlink()
    changed = export([inputs], database, jobs=1)

    counts = (changed.exported, changed.unchanged, changed.removed, changed.cables)
    assert counts == (1, N - 2, 1, N - 1)
    assert rows(database, "SELECT count(*) FROM cables WHERE id = '09CAIRO1639'") == [(0,)]
    assert rows(database, "SELECT count(*) FROM paragraphs WHERE cable_id = '09CAIRO1639'") == [
        (0,)
    ]
    # the full-text index follows: the old word is gone, the new one found
    assert search(database, "Bertolotti") == []
    assert [hit.id for hit in search(database, "Lafayette")] == ["05PARIS3759"]
    # and the archive equals one built from scratch
    fresh = tmp_path / "fresh.sqlite"
    export([inputs], fresh, jobs=1)
    assert _state(database) == _state(fresh)


def test_a_failed_update_leaves_the_archive_as_it_was(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)
    before = _state(database)
    seed = inputs / "05PARIS3759.txt"
    seed.write_text(read_text(seed).replace("Bertolotti", "Lafayette"), encoding="utf-8",
                    newline="")

    def paths() -> Iterator[Path]:
        yield seed  # changed: its rows are replaced in the transaction...
        raise OSError("the disk went away")  # ...which this failure rolls back

    with pytest.raises(OSError, match="the disk went away"):
        export(paths(), database, jobs=1)

    assert _state(database) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "archive.metadata.json", "archive.sqlite", "cables"
    ]


def test_a_failed_first_run_writes_nothing(inputs: Path, tmp_path: Path) -> None:
    def paths() -> Iterator[Path]:
        yield from sorted(inputs.iterdir())[:3]
        raise OSError("the disk went away")

    with pytest.raises(OSError, match="the disk went away"):
        export(paths(), tmp_path / "archive.sqlite", jobs=1)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["cables"]


def test_another_schema_version_is_rebuilt(inputs: Path, tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)
    with sqlite3.connect(database) as db:
        db.execute("UPDATE cablemodel SET value = '0' WHERE key = 'schema_version'")
        db.execute("DELETE FROM cables")

    summary = export([inputs], database, jobs=1)
    assert (summary.fresh, summary.exported, summary.cables) == (True, N, N)


def test_a_file_that_is_not_an_archive_is_left_alone(inputs: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.sqlite"
    with sqlite3.connect(notes) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    (tmp_path / "text.db").write_text("my notes", encoding="utf-8")

    with pytest.raises(ArchiveError, match=r"notes.sqlite exists and is not a cablemodel archive"):
        export([inputs], notes, jobs=1)
    with pytest.raises(ArchiveError, match=r"text.db exists and is not a cablemodel archive"):
        export([inputs], tmp_path / "text.db", jobs=1)
    assert rows(notes, "SELECT name FROM sqlite_master") == [("notes",)]
    assert (tmp_path / "text.db").read_text(encoding="utf-8") == "my notes"


def test_inputs_that_give_no_cable_are_rejects(inputs: Path, tmp_path: Path) -> None:
    (inputs / "broken.txt").write_text("Identifier\nCreated\n", encoding="utf-8")
    shutil.copy(SEED, inputs / "zz-copy-of-the-seed.txt")
    (inputs / "page.html").write_text("<html><body>no cable</body></html>", encoding="utf-8")
    database = tmp_path / "archive.sqlite"

    summary = export([inputs], database, input_format="auto", jobs=1)

    assert (summary.exported, summary.rejected) == (N, 3)
    with pytest.raises(cablemodel.CableSyntaxError) as caught:
        cablemodel.parse("Identifier\nCreated\n")
    with pytest.raises(CableSourceError) as unreadable:
        cablemodel.parse_html_file(inputs / "page.html")
    assert rows(database, "SELECT source, reason, line, column, message FROM rejects "
                "ORDER BY source") == [
        (str(inputs / "broken.txt"), "syntax", caught.value.line, caught.value.column,
         caught.value.reason),
        (str(inputs / "page.html"), "source", None, None, str(unreadable.value)),
        (str(inputs / "zz-copy-of-the-seed.txt"), "duplicate", None, None,
         f"reference id 05PARIS3759 is already exported from {inputs / '05PARIS3759.txt'}"),
    ]
    # a duplicate is looked at again on every run; the others only when they change
    # (a page that cannot be read has no text to compare: it is read again, cheaply)
    again = export([inputs], database, input_format="auto", jobs=1)
    assert (again.exported, again.unchanged, again.rejected) == (0, N + 1, 2)


def test_pages_and_csv_rows_are_read_too(tmp_path: Path) -> None:
    html = DATA / "html"
    dump = tmp_path / "cables.csv"
    dump.write_text(csv_row(_row_of(read_text(SEED), 1)), encoding="utf-8")
    database = tmp_path / "archive.sqlite"

    summary = export([*sorted(html.glob("*.html")), dump], database, input_format="auto", jobs=1)

    assert (summary.exported, summary.rejected) == (7, 0)
    assert rows(database, "SELECT id, source, title FROM cables WHERE id = '05PARIS3759'") == [
        ("05PARIS3759", f"{dump}:1", "")
    ]
    from_page = cablemodel.parse_html_file(html / "09BERN351.html")
    assert rows(database, "SELECT subject, sha256 FROM cables WHERE id = '09BERN351'") == [
        (from_page.subject, records(from_page).cable.sha256)
    ]


def test_many_inputs_go_through_worker_processes(inputs: Path, tmp_path: Path) -> None:
    many = tmp_path / "many"
    many.mkdir()
    text = read_text(SEED)
    for serial in range(1, 81):  # more than the serial threshold
        reference_id = f"05PARIS{serial}"
        (many / f"{reference_id}.txt").write_text(
            text.replace("05PARIS3759", reference_id, 1), encoding="utf-8", newline=""
        )
    # the workers read the files: one that is no cable, and one that cannot be read
    (many / "broken.txt").write_text("Identifier\nCreated\n", encoding="utf-8")
    (many / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    pooled, serial_db = tmp_path / "pooled.sqlite", tmp_path / "serial.sqlite"

    summary = export([many], pooled, jobs=2)
    assert (summary.exported, summary.rejected) == (80, 2)
    export([many], serial_db, jobs=1)
    assert _state(pooled) == _state(serial_db)
    gone = many / "gone.txt"
    assert rows(pooled, "SELECT source, reason, message FROM rejects ORDER BY source")[1] == (
        str(gone), "source", f"{gone}: cannot read: No such file or directory"
    )

    # an update with many changes: the main process compares, the workers parse the changed
    for path in sorted(many.glob("05PARIS*.txt"))[:70]:
        with path.open("a", encoding="utf-8", newline="") as stream:
            stream.write("\nOne more line.")
    update = export([many], pooled, jobs=2)
    # broken.txt is unchanged too; gone.txt, with no text to compare, is read again
    assert (update.fresh, update.exported, update.unchanged, update.rejected) == (False, 70, 11, 1)
    fresh = tmp_path / "fresh.sqlite"
    export([many], fresh, jobs=1)
    assert _state(pooled) == _state(fresh)


def test_the_output_format_comes_from_the_name() -> None:
    assert output_format("a.sqlite") == output_format("a.db") == "sqlite"
    assert output_format("a.parquet") == output_format("out/a.parquet/") == "parquet"
    assert output_format("tables", "csv") == "csv"
    with pytest.raises(ExportError, match=r"cannot tell the format from the name 'tables'"):
        output_format("tables")


# ------------------------------------------------------------------------ search


@pytest.fixture
def archive(inputs: Path, tmp_path: Path) -> Path:
    database = tmp_path / "archive.sqlite"
    export([inputs], database, jobs=1)
    return database


def test_search_gives_one_hit_per_cable_with_a_highlighted_snippet(archive: Path) -> None:
    (hit,) = search(archive, "Bertolotti")
    assert (hit.id, hit.created, hit.classification, hit.origin) == (
        "05PARIS3759", dt.datetime(2005, 5, 31, 15, 15), "CONFIDENTIAL", "Embassy Paris"
    )
    assert (hit.in_subject, hit.paragraph) == (False, 2)
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["Bertolotti"]
    assert hit.subject is not None
    assert hit.subject.startswith("MISSILE TECHNOLOGY")


def test_a_subject_hit_has_no_paragraph(archive: Path) -> None:
    hits = search(archive, "subject:MTCR")
    assert [(hit.id, hit.in_subject, hit.paragraph) for hit in hits] == [
        ("05PARIS3759", True, None)
    ]
    assert "MTCR" in [hit.snippet[a:b] for hit in hits for a, b in hit.highlights]


def test_search_filters(archive: Path) -> None:
    everything = {hit.id for hit in search(archive, "the", limit=100)}
    with_the = set()
    for path in CABLES:
        found = records(cablemodel.parse_file(path))
        texts = [p.text for p in found.paragraphs] + [found.cable.subject or "", found.cable.title]
        if any(re.search(r"\bthe\b", text, re.IGNORECASE) for text in texts):
            with_the.add(found.cable.id)
    assert everything == with_the
    assert len(everything) >= 10
    secret = {hit.id for hit in search(archive, "the", classification="secret", limit=100)}
    assert secret == {
        cable_id
        for (cable_id,) in rows(archive, "SELECT id FROM cables WHERE classification_level = "
                                "'SECRET'")
    }
    assert len(secret) >= 2
    assert {h.id for h in search(archive, "the", classification="SECRET//NOFORN")} < secret
    assert {h.id for h in search(archive, "the", origin="paris")} == {"05PARIS3759"}
    assert {h.id for h in search(archive, "the", origin="Embassy Paris")} == {"05PARIS3759"}
    in_2009 = search(archive, "the", since=dt.date(2009, 1, 1), until=dt.date(2009, 12, 31),
                     limit=100)
    created = {cable_id: dt.datetime.fromisoformat(value)
               for cable_id, value in rows(archive, "SELECT id, created FROM cables")}
    assert {hit.id for hit in in_2009} == {i for i in everything if created[i].year == 2009}
    assert len(in_2009) >= 3
    assert {h.id for h in search(archive, "the", tags=["KSCA", "fr"])} == {"05PARIS3759"}
    assert search(archive, "the", tags=["KSCA", "EG"]) == []
    assert len(search(archive, "the", limit=2)) == 2


def test_bad_queries_and_archives_say_what_is_wrong(archive: Path, tmp_path: Path) -> None:
    with pytest.raises(SearchError, match=r'^not a valid search query \(fts5: syntax error near'):
        search(archive, "U.S.")
    assert search(archive, '"U.S."') != []
    with pytest.raises(SearchError, match=r"nothing.sqlite: no such archive"):
        search(tmp_path / "nothing.sqlite", "x")
    other = tmp_path / "other.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE t (x)")
    with pytest.raises(SearchError, match=r"other.sqlite is not a searchable cablemodel archive"):
        search(other, "x")


def test_rows_name_their_table() -> None:
    found = records(cablemodel.parse(read_text(SEED)))
    assert found.rows("cables") == (found.cable,)
    assert found.rows("paragraphs") == found.paragraphs
    assert found.rows("rejects") == ()
    assert isinstance(found.paragraphs[0], ParagraphRow)
    assert RejectRow("a.txt", "syntax", "m", 1, 2, None).reason == "syntax"

