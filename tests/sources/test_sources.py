"""Reading cables from cablegate HTML pages, cables.csv and directory trees."""

from __future__ import annotations

import io
import itertools
import pickle
import tracemalloc
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cablemodel
from cablemodel.model import Cable
from cablemodel.sources import (
    CablePageError,
    CableRowError,
    CableSourceError,
    SourceItem,
    cable_text_from_html,
    detect_format,
    iter_csv,
    iter_csv_records,
    iter_sources,
    parse_html_file,
    read_html,
)
from tests.helpers import DATA, SEED, csv_row, read_text

HTML = DATA / "html"
PAGE_IDS = sorted(path.stem for path in HTML.glob("*.html"))
NBSP = "\xa0"


def _page(reference_id: str) -> str:
    return read_text(HTML / f"{reference_id}.html")


def _expected(reference_id: str) -> str:
    return read_text(HTML / f"{reference_id}.txt")


# ------------------------------------------------------------------- HTML pages


def test_the_test_pages_are_there() -> None:
    assert PAGE_IDS == [
        "01VATICAN3507",
        "05MADRID4054",
        "06TOKYO5805",
        "08BERLIN1068",
        "09BERN351",
        "09SANTIAGO612",
    ]


@pytest.mark.parametrize("reference_id", PAGE_IDS)
def test_a_page_renders_as_the_text_layout_byte_for_byte(reference_id: str) -> None:
    cable = read_html(_page(reference_id))
    assert cablemodel.render(cable) == _expected(reference_id)
    assert cable == cablemodel.parse(_expected(reference_id))


def test_the_fields_of_a_partial_page() -> None:
    cable = parse_html_file(HTML / "01VATICAN3507.html")
    assert cable.reference_id == "01VATICAN3507"
    assert cable.created == datetime(2001, 7, 3, 12, 12)
    assert str(cable.classification) == "CONFIDENTIAL"
    assert cable.origin == "Embassy Vatican"
    assert cable.title == "THE VATICAN-- THE SUPRANATIONAL POWER"
    # the page links PREL four times (once per section); the tags list it once
    assert cable.tags == ("PREL", "PHUM", "IS", "EG", "CH", "ID", "VT", "VTPREL")
    assert cable.partial
    assert cable.publisher.released is None


def test_released_is_kept_on_request_and_round_trips() -> None:
    cable = read_html(_page("01VATICAN3507"), keep_released=True)
    assert cable.publisher.released == datetime(2010, 12, 10, 21, 9)
    text = cablemodel.render(cable)
    assert text.startswith(
        "Identifier\nCreated\nReleased\nClassification\nOrigin\n01VATICAN3507\n"
        "2001-07-03 12:12:00\n2010-12-10 21:09:00\nCONFIDENTIAL\n"
    )
    assert cablemodel.parse(text) == cable


def test_numbered_anchors_become_line_breaks_lettered_ones_keep_the_pilcrow() -> None:
    text = cable_text_from_html(_page("05MADRID4054"))
    assert "REF: A. STATE 207359\n¶B. MADRID 2131\n" in text
    assert "<a" not in text
    assert "\n\n\n1. " in text or "\n\n1. " in text


def test_the_title_collapses_blank_runs_and_entity_like_text_stays() -> None:
    cable = read_html(_page("06TOKYO5805"))
    assert cable.title.startswith('JAPANESE IPR OFFICIALS POSITIVE ON ""GOLD STANDARD"" AGREEMENT;')
    assert "CHINA REF: A) TOKYO 3873" in cable.title  # two blanks on the page
    assert "&Gold Standard8" in cablemodel.render(cable)


def test_a_page_without_tag_links_has_no_tags() -> None:
    cable = read_html(_page("08BERLIN1068"))
    assert cable.tags == ()
    assert f"\nTags:{NBSP}{NBSP}\npdf{NBSP}how-to read a cable\nVZCZCXRO4409\n" in (
        cablemodel.render(cable)
    )


def test_backslashes_stay_and_trailing_tabs_go() -> None:
    bern = cablemodel.render(read_html(_page("09BERN351")))
    assert "\nPP RUEHTRO\\\nDE RUEHSW #0351/01 2360553\\\n" in bern
    santiago = cable_text_from_html(_page("09SANTIAGO612"))
    assert "\t&#x000A;" in _page("09SANTIAGO612")
    assert not any(line.endswith(("\t", " ")) for line in santiago.split("\n"))


# A small page in the site's design, for the conversions the real pages lack.
META = (
    "<table class='cable'>\n<tr>\n<th>Reference ID</th>\n<th>Created</th>\n<th>Released</th>"
    "\n<th>Classification</th>\n<th>Origin</th>\n</tr>\n<tr>\n"
    "<td>\n<a href='/cable/2005/05/05PARIS3759.html'>05PARIS3759</a>\n</td>\n"
    "<td>\n<a href='/date/2005-05_0.html'>2005-05-31 15:15</a>\n</td>\n"
    "<td>\n<a href='/reldate/2011-01-01_0.html'>2011-01-01 10:00</a>\n</td>\n"
    "<td>\n<a href='/classification/1_0.html'>CONFIDENTIAL</a>\n</td>\n"
    "<td>\n<a href='/origin/1_0.html'>Embassy Paris</a>\n</td>\n</tr>\n</table>\n"
)
HEADING = "<h3>Viewing cable 05PARIS3759, MTCR: MAY 26,</h3>\n"


def _small_page(*boxes: str, meta: str = META, heading: str = HEADING) -> str:
    pres = "".join(f"<code><pre>{box}</pre></code>\n" for box in boxes)
    sidebar = "<div><a href='/tag/ZZZZ_0.html'>ZZZZ</a></div>\n"
    main = f"<div class='pane big'>\n{heading}{meta}{pres}</div>"
    return f"<html><body>\n{sidebar}{main}</body></html>"


def test_a_small_page_in_full() -> None:
    page = _small_page(
        "VZCZCXYZ0001 ",
        "TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/FR_0.html'>FR</a>&#x000A;"
        "SUBJECT: MTCR: MAY 26,&#x000A;<a id='par1' href='#par1'>¶</a>1. (C) R&D; &amp; "
        "<<Israel>> caf&#233; a<br>b<br/>c <strong>d</strong> <Em>e</EM>&#x000A;WOLFF",
    )
    assert cable_text_from_html(page) == (
        "Identifier\nCreated\nClassification\nOrigin\n05PARIS3759\n2005-05-31 15:15:00\n"
        f"CONFIDENTIAL\nEmbassy Paris\nCable title:{NBSP}{NBSP}\n\nMTCR: MAY 26,\n\n"
        f"Tags:{NBSP}{NBSP}PREL{NBSP}FR{NBSP}\npdf{NBSP}how-to read a cable\n"
        "VZCZCXYZ0001\nTAGS: PREL FR\nSUBJECT: MTCR: MAY 26,\n\n"
        "1. (C) R&D; &amp; <<Israel>> café abc d e\nWOLFF"
    )
    cable = read_html(page)
    assert cable.tags == ("PREL", "FR")
    assert cable.signature is not None


def test_a_page_with_one_box_has_no_header_box() -> None:
    text = cable_text_from_html(_small_page("UNCLAS PARIS 000001&#x000A;TEXT"))
    assert text.endswith("how-to read a cable\nUNCLAS PARIS 000001\nTEXT")


def test_a_reference_to_half_a_utf16_pair_stays_as_written() -> None:
    # a lone surrogate cannot be written as UTF-8 (`parse` of such a page said "internal error")
    box = "UNCLAS PARIS 000001&#x000A;TEXT &#xD800; &#57343; &#x1F600;"
    text = cable_text_from_html(_small_page(box))
    assert text.endswith("\nUNCLAS PARIS 000001\nTEXT &#xD800; &#57343; \U0001f600")
    text.encode("utf-8")


def test_a_page_whose_heading_follows_the_boxes() -> None:
    page = _small_page("UNCLAS PARIS 000001", heading="")
    page = page.replace("</body>", HEADING + "</body>")
    assert page.index("<h3>") > page.index("<pre>")
    assert read_html(page).title == "MTCR: MAY 26,"


def test_the_title_decodes_only_numeric_references() -> None:
    heading = "<h3>Viewing cable 05PARIS3759, R&D; &amp; US&EU caf&#233;  (C)</h3>"
    assert read_html(_small_page("x", heading=heading)).title == "R&D; &amp; US&EU café (C)"


def test_an_empty_title() -> None:
    page = _small_page("x", heading="<h3>Viewing cable 05PARIS3759,</h3>")
    assert read_html(page).title == ""


@pytest.mark.parametrize(
    ("page", "message"),
    [
        (
            _small_page("x", meta=""),
            "no metadata table (<table class='cable'> with Reference ID, Created, "
            "Released, Classification, Origin)",
        ),
        (
            _small_page("x", meta=META.replace("Embassy Paris", "")),
            "the metadata table has no Origin value",
        ),
        (
            _small_page("x", meta=META.replace("2005-05-31 15:15", "31 May 2005")),
            "Created value '31 May 2005' is not YYYY-MM-DD HH:MM",
        ),
        (
            _small_page("x", heading="<h3>Viewing cable 05PARIS9999, X</h3>"),
            "no heading 'Viewing cable 05PARIS3759, <title>'",
        ),
        (_small_page(), "no <pre> box with the cable text"),
        (_small_page("a", "b", "c"), "3 <pre> boxes; a cable page has one or two"),
    ],
)
def test_broken_pages_say_what_is_missing(page: str, message: str) -> None:
    with pytest.raises(CablePageError) as caught:
        read_html(page)
    assert str(caught.value) == message
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, cablemodel.CableError)


def test_a_released_value_is_checked_only_when_kept() -> None:
    page = _small_page("x", meta=META.replace("2011-01-01 10:00", ""))
    assert read_html(page).publisher.released is None
    with pytest.raises(CablePageError) as caught:
        read_html(page, keep_released=True)
    assert str(caught.value) == "the metadata table has no Released value"


def test_a_broken_page_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text(_small_page(), encoding="utf-8")
    with pytest.raises(CablePageError) as caught:
        parse_html_file(path)
    assert str(caught.value) == f"{path}: no <pre> box with the cable text"
    assert caught.value.source == str(path)
    assert pickle.loads(pickle.dumps(caught.value)).args == caught.value.args


# --------------------------------------------------------------------------- CSV


def _row_of(text: str, row_id: int, references: str = "") -> list[str]:
    """The cables.csv row of a cable in the text layout (header box = first line)."""
    lines = text.split("\n")
    reference_id, created, classification, origin = lines[4:8]
    nav = lines.index(f"pdf{NBSP}how-to read a cable")
    header, body = lines[nav + 1], "\n".join(lines[nav + 2 :])
    stamp = datetime.strptime(created, "%Y-%m-%d %H:%M:%S")
    date = f"{stamp.month}/{stamp.day}/{stamp.year} {stamp.hour}:{stamp.minute:02d}"
    return [str(row_id), date, reference_id, origin, classification, references, header, body]


def _without_title_and_tags(cable: Cable) -> Cable:
    return attrs.evolve(cable, publisher=attrs.evolve(cable.publisher, title="", tags=()))


CSV_SOURCES = [SEED, *(HTML / f"{reference_id}.txt" for reference_id in PAGE_IDS)]


@pytest.fixture
def cables_csv(tmp_path: Path) -> Path:
    rows = [
        _row_of(read_text(path), index, references="05STATE96519,05PARIS1234" * (index % 2))
        for index, path in enumerate(CSV_SOURCES, start=1)
    ]
    path = tmp_path / "cables.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.writelines(csv_row(row) for row in rows)
    return path


def test_the_built_csv_has_every_hard_character(cables_csv: Path) -> None:
    raw = cables_csv.read_text(encoding="utf-8")
    assert '\\"' in raw  # quotes (06TOKYO5805)
    assert "\\\\\\\n" in raw  # a backslash at a line end (09BERN351)
    assert "\\\n" in raw  # newlines
    assert ", " in raw  # commas


def test_csv_rows_give_the_cables_of_the_text_layout(cables_csv: Path) -> None:
    cables = list(iter_csv(cables_csv))
    assert len(cables) == len(CSV_SOURCES)
    for cable, path in zip(cables, CSV_SOURCES, strict=True):
        expected = _without_title_and_tags(cablemodel.parse(read_text(path)))
        assert cable == expected
        assert cablemodel.render(cable) == cablemodel.render(expected)


def test_a_csv_cable_has_an_empty_title_and_no_tags(cables_csv: Path) -> None:
    seed = next(iter_csv(cables_csv))
    assert seed.reference_id == "05PARIS3759"
    assert seed.created == datetime(2005, 5, 31, 15, 15)
    assert seed.origin == "Embassy Paris"
    assert str(seed.classification) == "CONFIDENTIAL"
    assert seed.title == ""
    assert seed.tags == ()
    assert seed.partial
    text = cablemodel.render(seed)
    publisher = f"Cable title:{NBSP}{NBSP}\n\n\n\nTags:{NBSP}{NBSP}\npdf{NBSP}how-to read a cable\n"
    assert publisher in text


def test_records_keep_the_row_id_and_the_references(cables_csv: Path) -> None:
    records = list(iter_csv_records(cables_csv))
    assert [record.row for record in records] == [1, 2, 3, 4, 5, 6, 7]
    assert [record.row_id for record in records[:3]] == ["1", "2", "3"]
    assert records[0].references == ("05STATE96519", "05PARIS1234")
    assert records[1].references == ()
    assert records[1].cable.reference_id == "01VATICAN3507"


def test_csv_from_open_text_and_binary_files(cables_csv: Path) -> None:
    from_path = [cable.reference_id for cable in iter_csv(cables_csv)]
    with cables_csv.open(encoding="utf-8", newline="") as text_file:
        assert [cable.reference_id for cable in iter_csv(text_file)] == from_path
    with cables_csv.open("rb") as binary_file:
        assert [cable.reference_id for cable in iter_csv(binary_file)] == from_path


def _minimal_row(row_id: str = "1", date: str = "5/31/2005 15:15", body: str = "TEXT") -> str:
    return csv_row([row_id, date, "05PARIS3759", "Embassy Paris", "CONFIDENTIAL", "", "", body])


def test_a_column_row_and_blank_lines_are_skipped() -> None:
    text = "id,date,reference_id,origin,classification,references,header,body\n\n"
    text += _minimal_row() + "\n" + _minimal_row("2", "2005-06-01 09:05:00")
    records = list(iter_csv_records(io.StringIO(text)))
    assert [record.row for record in records] == [2, 3]
    assert records[1].cable.created == datetime(2005, 6, 1, 9, 5)
    # an empty header column: the body follows the navigation line directly
    assert cablemodel.render(records[0].cable).endswith("how-to read a cable\nTEXT")


def test_csv_dates_without_leading_zeros() -> None:
    cable = next(iter_csv(io.StringIO(_minimal_row(date="1/2/2009 3:04"))))
    assert cable.created == datetime(2009, 1, 2, 3, 4)
    assert "\n2009-01-02 03:04:00\n" in cablemodel.render(cable)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _minimal_row() + '"2","5/31/2005 15:15","x"\n',
            "row 2 (line 2): expected 8 columns (id, date, reference_id, origin, "
            "classification, references, header, body), found 3",
        ),
        (
            _minimal_row() + _minimal_row(body="A\nB\nC") + _minimal_row("3", "31.05.2005"),
            "row 3 (line 5): date '31.05.2005' is neither M/D/YYYY H:MM nor YYYY-MM-DD HH:MM",
        ),
        (
            _minimal_row() + '"2","5/31/2005 15:15","","o","C","","","b"\n',
            "row 2 (line 2): Identifier value '' is empty or spans lines",
        ),
        (
            _minimal_row() + '"2","5/31/2005 15:15","05X1","o","C","","","never closed\n',
            "row 2 (line 2): unreadable CSV: unexpected end of data",
        ),
    ],
)
def test_broken_rows_name_the_row_and_the_line(text: str, message: str) -> None:
    read: list[str] = []
    with pytest.raises(CableRowError) as caught:
        read.extend(cable.reference_id for cable in iter_csv(io.StringIO(text)))
    assert read == ["05PARIS3759"] * (message.startswith("row 3") + 1)
    assert str(caught.value) == message
    assert isinstance(caught.value, CableSourceError)
    assert isinstance(caught.value, ValueError)


def test_a_broken_row_of_a_file_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cables.csv"
    path.write_text('"1","x"\n', encoding="utf-8")
    with pytest.raises(CableRowError) as caught:
        list(iter_csv_records(path))
    assert str(caught.value) == (
        f"{path}: row 1 (line 1): expected 8 columns (id, date, reference_id, origin, "
        "classification, references, header, body), found 2"
    )
    assert (caught.value.row, caught.value.line) == (1, 1)
    assert pickle.loads(pickle.dumps(caught.value)).args == caught.value.args


class _EndlessDump(io.RawIOBase):
    """A cables.csv of ``rows`` rows made up while it is read; counts what was read."""

    def __init__(self, rows: int) -> None:
        self._rows = iter(range(1, rows + 1))
        self._pending = b""
        self.bytes_read = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self._pending) < len(buffer):
            number = next(self._rows, None)
            if number is None:
                break
            body = f'UNCLAS PARIS {number:06d}\nSUBJECT: ROW {number}\n\n1. TEXT, "QUOTED" \\ '
            self._pending += _minimal_row(str(number), body=body + "LONG TEXT " * 200).encode()
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        self.bytes_read += size
        return size


def test_csv_is_read_lazily() -> None:
    dump = _EndlessDump(rows=10_000_000)  # about 20 GB if it were read whole
    first = list(itertools.islice(iter_csv(io.BufferedReader(dump)), 3))
    assert [cable.reference_id for cable in first] == ["05PARIS3759"] * 3
    assert dump.bytes_read < 256 * 1024


def test_csv_memory_stays_flat_while_rows_stream() -> None:
    dump = _EndlessDump(rows=340)
    cables: Iterator[Cable] = iter_csv(io.BufferedReader(dump))
    for _ in itertools.islice(cables, 20):  # warm up caches and the parser
        pass
    tracemalloc.start()
    try:
        assert sum(1 for _ in itertools.islice(cables, 20)) == 20
        _, peak_of_20 = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        read_before = dump.bytes_read
        assert sum(1 for _ in cables) == 300
        current, peak_of_300 = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert dump.bytes_read - read_before > 600_000
    # fifteen times the rows, the same peak: one row is held at a time
    assert peak_of_300 < peak_of_20 * 1.2 + 50_000
    assert current < 20_000


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.text(alphabet="ab ,\"\\\n\t'", max_size=30).filter(lambda text: text.strip()),
        min_size=1,
        max_size=4,
    )
)
def test_any_body_survives_the_dump_escaping(lines: list[str]) -> None:
    body = "\n".join(lines)
    record = next(iter_csv_records(io.StringIO(_minimal_row(body=body))))
    assert cablemodel.render(record.cable).endswith("how-to read a cable\n" + body)


# ---------------------------------------------------------- formats and walking


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Identifier\nCreated\n", "text"),
        ("a.html", b"Identifier\r\nCreated\r\n", "text"),
        ("a", b"<?xml version='1.0' encoding='utf-8' ?>\n<!DOCTYPE html", "html"),
        ("a.txt", b"  <!DOCTYPE html PUBLIC", "html"),
        ("a", b'"1","12/28/1966 18:48","66BUENOSAIRES2481"', "csv"),
        ("a.dat", b"1,12/28/1966 18:48,66BUENOSAIRES2481", "csv"),
        ("a.bin", b"id,date,reference_id,origin", "csv"),
        ("a.CSV", b"garbage", "csv"),
        ("a.htm", b"garbage", "html"),
        ("a.dat", b"garbage", "text"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(name, head) == expected


@pytest.fixture
def tree(tmp_path: Path, cables_csv: Path) -> Path:
    root = tmp_path / "tree"
    (root / "b" / "c").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "a.txt").write_text(read_text(SEED), encoding="utf-8", newline="")
    (root / "b" / "08BERLIN1068.html").write_text(_page("08BERLIN1068"), encoding="utf-8")
    (root / "b" / "broken.htm").write_text(_small_page(), encoding="utf-8")
    (root / "b" / "notes.md").write_text("not a cable", encoding="utf-8")
    (root / "b" / "c" / "dump.csv").write_text(
        _minimal_row() + '"2","x"\n' + _minimal_row("3"), encoding="utf-8"
    )
    (root / ".hidden" / "x.txt").write_text("x", encoding="utf-8")
    (root / ".skip.txt").write_text("x", encoding="utf-8")
    return root


def _summary(items: list[SourceItem], root: Path) -> list[tuple[str, str, str]]:
    return [
        (
            str(Path(item.location).relative_to(root)),
            item.input_format,
            item.cable.reference_id if item.cable else str(item.error).replace(f"{root}/", ""),
        )
        for item in items
    ]


def test_iter_sources_walks_a_tree_in_order_and_goes_on_after_errors(tree: Path) -> None:
    items = list(iter_sources([tree]))
    assert _summary(items, tree) == [
        ("a.txt", "text", "05PARIS3759"),
        ("b/08BERLIN1068.html", "html", "08BERLIN1068"),
        ("b/broken.htm", "html", "b/broken.htm: no <pre> box with the cable text"),
        ("b/c/dump.csv:1", "csv", "05PARIS3759"),
        (
            "b/c/dump.csv:2",
            "csv",
            "b/c/dump.csv: row 2 (line 2): expected 8 columns (id, date, reference_id, "
            "origin, classification, references, header, body), found 2",
        ),
        ("b/c/dump.csv:3", "csv", "05PARIS3759"),
    ]
    assert all((item.cable is None) != (item.error is None) for item in items)


def test_iter_sources_with_a_fixed_format(tree: Path) -> None:
    items = list(iter_sources([tree / "b", tree / "b" / "notes.md"], "html"))
    assert _summary(items, tree) == [
        ("b/08BERLIN1068.html", "html", "08BERLIN1068"),
        ("b/broken.htm", "html", "b/broken.htm: no <pre> box with the cable text"),
        (
            "b/notes.md",
            "html",
            "b/notes.md: no metadata table (<table class='cable'> with "
            "Reference ID, Created, Released, Classification, Origin)",
        ),
    ]


def test_iter_sources_refuses_a_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "missing.html"
    with pytest.raises(FileNotFoundError, match=r"^no such file or directory: .*missing.html$"):
        list(iter_sources([missing]))


def test_iter_sources_reports_a_file_it_cannot_read(tmp_path: Path) -> None:
    dangling = tmp_path / "gone.html"
    dangling.symlink_to(tmp_path / "missing.html")
    (item,) = iter_sources([dangling])
    assert isinstance(item.read_error, FileNotFoundError)
    assert (item.input_format, item.text, item.cable, item.error) == ("html", None, None, None)


def test_iter_sources_can_leave_the_parsing_to_the_caller(tree: Path) -> None:
    items = list(iter_sources([tree / "a.txt", tree / "b"], parse=False))
    assert [item.location.replace(f"{tree}/", "") for item in items] == [
        "a.txt",
        "b/08BERLIN1068.html",
        "b/broken.htm",
        "b/c/dump.csv:1",
        "b/c/dump.csv:2",
        "b/c/dump.csv:3",
    ]
    assert all(item.cable is None for item in items)
    assert items[0].text == read_text(SEED)
    assert items[1].text == _expected("08BERLIN1068")
    assert [item.text is None for item in items] == [False, False, True, False, True, False]
    assert items[3].text is not None
    assert items[3].text.endswith(f"pdf{NBSP}how-to read a cable\nTEXT")


def test_a_syntax_error_comes_with_the_text(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("Identifier\nnot a cable", encoding="utf-8")
    (item,) = iter_sources([bad])
    assert isinstance(item.error, cablemodel.CableSyntaxError)
    assert item.text == "Identifier\nnot a cable"
    assert item.cable is None
