"""The report formats: the window of a long source line, the caret under the column, and
what of the input may reach a terminal, a CI log or a report document."""

from __future__ import annotations

import json
import os
import urllib.parse

from cablemodel.check.escape import json_text, shown, shown_lines, uri_reference, xml_text
from cablemodel.check.report import SHOWN_WIDTH, escape_data, escape_property, full_entry
from cablemodel.rules import Finding, Severity


def _finding(column: int, end_column: int) -> Finding:
    return Finding("CM404", "portion-above-banner", Severity.ERROR, "message", 3, column, 3,
                   end_column, "$.blocks[2]")


def test_short_line_is_shown_whole() -> None:
    entry = full_entry("a.txt", _finding(4, 7), "1. (C) text")

    assert entry.splitlines()[1:] == [" 3 | 1. (C) text", "   |    ^^^", ""]


def test_long_line_is_cut_around_the_column() -> None:
    line = "x" * 300 + "HERE" + "y" * 300
    entry = full_entry("a.txt", _finding(301, 305), line)
    shown, caret = entry.splitlines()[1:3]
    body = shown[len(" 3 | "):]

    assert len(body) == SHOWN_WIDTH
    assert body.startswith("…")
    assert body.endswith("…")
    assert body[caret.index("^") - len("   | ") :].startswith("HERE")
    assert caret.endswith("^^^^")


def test_github_escaping_of_data_and_properties() -> None:
    assert escape_data("100% done:\r\nnext, line") == "100%25 done:%0D%0Anext, line"
    assert escape_property("a%b:c,d\ne") == "a%25b%3Ac%2Cd%0Ae"


def test_text_for_people_shows_what_would_act_on_a_terminal() -> None:
    assert shown("a\x1b[31mred\x07\r::x\u202egnp.exe\udcff\tend") == (
        "a\\x1b[31mred\\x07\\x0d::x\\u202egnp.exe\\xff\tend"
    )
    assert shown("Paris ünd ¶ (C)") == "Paris ünd ¶ (C)"
    assert shown_lines("a\x1b\nb") == "a\\x1b\nb"


def test_the_caret_moves_with_the_escapes() -> None:
    entry = full_entry("a\x1b.txt", _finding(3, 5), "\x1b\x07AB rest")

    assert entry.splitlines()[:3] == [
        "a\\x1b.txt:3:3: CM404 [error] message",
        " 3 | \\x1b\\x07AB rest",
        "   |         ^^",
    ]


def test_json_keeps_every_byte_of_a_file_name() -> None:
    name = os.fsdecode(b"cables/\xff\x1b.txt")
    text = json_text({"path": name, "message": "caf\u00e9"})

    assert text == '{"path": "cables/\\udcff\\u001b.txt", "message": "café"}'
    assert text.encode("utf-8")  # a UTF-8 stream can write it
    assert os.fsencode(json.loads(text)["path"]) == b"cables/\xff\x1b.txt"


def test_uris_are_percent_encoded_from_the_bytes() -> None:
    assert uri_reference("./with space ü.txt") == "./with%20space%20%C3%BC.txt"
    assert uri_reference(os.fsdecode(b"/data/a\xff.txt")) == "file:///data/a%FF.txt"
    assert uri_reference("cables.csv:2") == "cables.csv%3A2"  # a path, never a URI scheme
    assert urllib.parse.unquote_to_bytes("./with%20space%20%C3%BC.txt") == (
        "./with space ü.txt".encode()
    )


def test_xml_text_is_reversible() -> None:
    assert xml_text("page\x0cbreak\x01\t\u00e9") == "page\\x0cbreak\\x01\t\u00e9"
    assert xml_text(os.fsdecode(b"a\\x\xff")) == "a\\\\x\\xff"


def test_records_keep_sources_json_lines_would_split_or_cannot_write() -> None:
    from cablemodel import parse
    from cablemodel.check.records import record_line, records_of
    from tests.helpers import SEED, read_text

    cable = parse(read_text(SEED))
    sources = ["a\x85b\u2028c.txt", os.fsdecode(b"cables/\xff.txt"), "plain.txt"]
    text = "\r\n".join(record_line(source, "text", cable) for source in sources) + "\r\n"

    assert text.encode("utf-8")  # written by a UTF-8 stream whatever the names
    assert [(source, back) for source, _, back in records_of(text)] == [
        (source, cable) for source in sources
    ]
