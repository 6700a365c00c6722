"""Bad input: each kind has a defined answer (docs/testing.md, "Bad input").

The answer is always a Cable that renders back to the same text, or a CableSyntaxError
that names the line; never a hang, another exception, or silently lost text. The big
inputs (50 MB, one 10 MB line) run only with CABLEMODEL_BIG_INPUTS=1; smaller versions
of the same shapes run always.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from attrs import evolve

import cablemodel
from cablemodel import CableSyntaxError
from cablemodel.model import AddressBlock, BlankLine, Prose, Span, TextLine
from tests.helpers import read_text

BIG = pytest.mark.skipif(
    not os.environ.get("CABLEMODEL_BIG_INPUTS"),
    reason="set CABLEMODEL_BIG_INPUTS=1 to parse inputs of 10 to 50 MB",
)


def grown(seed_text: str, size: int) -> str:
    """The seed with its numbered paragraphs repeated until the text has ``size`` characters."""
    body_start = seed_text.index("\n1. (C)") + 1
    signature_start = seed_text.rindex("\n\n\nWOLFF") + 1
    head, body, signature = (
        seed_text[:body_start],
        seed_text[body_start:signature_start],
        seed_text[signature_start:],
    )
    return head + body * max(1, (size - len(head) - len(signature)) // len(body)) + signature


def assert_lossless(text: str) -> cablemodel.Cable:
    cable = cablemodel.parse(text)
    assert cablemodel.render(cable) == text
    return cable


def test_an_empty_text_is_a_syntax_error_on_line_1() -> None:
    with pytest.raises(CableSyntaxError) as raised:
        cablemodel.parse("")
    assert str(raised.value) == (
        "line 1, column 1: the text ends too early: expected 'Identifier' label\n    \n    ^"
    )


def test_an_empty_file_is_a_syntax_error_on_line_1(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CableSyntaxError) as raised:
        cablemodel.parse_file(path)
    assert (raised.value.line, raised.value.column) == (1, 1)


def test_a_byte_order_mark_is_kept(seed_text: str) -> None:
    cable = assert_lossless("\ufeff" + seed_text)
    assert cable == evolve(cablemodel.parse(seed_text), bom=True)


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_line_endings_are_kept(seed_text: str, newline: str) -> None:
    cable = assert_lossless(seed_text.replace("\n", newline))
    assert cable.newline == newline
    assert cable.paragraphs == cablemodel.parse(seed_text).paragraphs


def test_mixed_line_endings_keep_the_stray_cr_as_text(seed_text: str) -> None:
    text = seed_text.replace("Embassy in Paris and", "Embassy in Paris and\r", 1)
    cable = assert_lossless(text)
    assert cable.newline == "\n"
    line = "Embassy in Paris and\r delivered the substance of points"
    assert cable.paragraphs[0].tail[1] == TextLine((Prose(line),))


def test_mixed_line_endings_in_the_publisher_block_name_the_line(seed_text: str) -> None:
    with pytest.raises(CableSyntaxError) as raised:
        cablemodel.parse(seed_text.replace("\n", "\r\n", 1))
    assert (raised.value.line, raised.value.column) == (1, 11)
    assert raised.value.reason == "unexpected '\\r': expected line end"


@pytest.mark.parametrize("where", ["EST Counselor", "SUBJECT: MISSILE", "WOLFF"])
def test_nul_characters_are_text(seed_text: str, where: str) -> None:
    text = seed_text.replace(where, where[:3] + "\x00" + where[3:], 1)
    assert_lossless(text)


def test_tabs_are_kept(seed_text: str) -> None:
    text = seed_text.replace("1. (C) EST", "1.\t(C)\tEST", 1).replace("SUBJECT:", "SUBJECT:\t", 1)
    cable = assert_lossless(text)
    assert cable.paragraphs[0].number == 1
    assert cable.subject_block is not None
    assert cable.subject_block.lead == "\t "


def test_a_tab_before_the_portion_marking(seed_text: str) -> None:
    cable = assert_lossless(seed_text.replace("1. (C) EST", "1.\t(C) EST", 1))
    assert cable.paragraphs[0].marking is not None
    assert cable.paragraphs[0].marking.lead == "\t"


def test_ten_thousand_paragraphs(seed_text: str) -> None:
    body_start = seed_text.index("\n1. (C)") + 1
    head = seed_text[:body_start]
    numbers = [1 + index % 999 for index in range(10_000)]  # paragraph numbers have 1-3 digits
    text = head + "".join(f"{n}. (C) The POC session began.\n\n" for n in numbers) + "WOLFF"
    cable = assert_lossless(text)
    assert len(cable.paragraphs) == 10_000
    assert cable.signature is not None
    assert cable.signature.name == "WOLFF"


def test_paragraph_numbers_of_four_digits_stay_text_of_the_paragraph_above(seed_text: str) -> None:
    body_start = seed_text.index("\n1. (C)") + 1
    text = seed_text[:body_start] + "999. (C) Last.\n1000. (C) Not a paragraph.\n"
    cable = assert_lossless(text)
    assert [p.number for p in cable.paragraphs] == [999]
    assert cable.paragraphs[0].text == "Last. 1000. (C) Not a paragraph."


def test_a_one_megabyte_cable(seed_text: str) -> None:
    cable = assert_lossless(grown(seed_text, 1_000_000))
    assert len(cable.paragraphs) > 1000


def test_a_one_megabyte_line(seed_text: str) -> None:
    line = "The POC session began. " * (1_000_000 // 23)
    text = seed_text.replace("1. (C) EST Counselor", "1. (C) " + line + "EST Counselor", 1)
    cable = assert_lossless(text)
    assert len(cable.paragraphs[0].parts[0].text) > 1_000_000


def test_a_prose_line_too_long_for_one_token_is_one_piece_of_prose(seed_text: str) -> None:
    """A token of prose holds at most 1,000 letters where a marker may start (B, E, S,
    C, e); a longer line is several tokens, joined again into one piece."""
    line = "Embassy Essex " * 800  # 2,400 such letters
    cable = assert_lossless(seed_text.replace("1. (C) EST", "1. (C) " + line + "EST", 1))
    first_line = " " + line + "EST Counselor participated in the May 26 MTCR"
    assert cable.paragraphs[0].parts == (Prose(first_line),)
    assert cable.paragraphs[0].tail[0] == TextLine(
        (Prose("Points-of-Contact (POC) meeting held at the South Korean"),)
    )


def test_a_long_prose_line_keeps_its_markers_and_its_caption_words(seed_text: str) -> None:
    head = seed_text[: seed_text.index("\n1. (C)") + 1]
    line = "BEGIN SUMMARY " + "Embassy Essex " * 800 + "END SUMMARY and SIPDIS"
    cable = assert_lossless(head + line + "\n\nWOLFF")
    last = cable.blocks[-2].tail[-2]  # the line before the blank line and the signature
    assert isinstance(last, TextLine)
    assert [type(piece).__name__ for piece in last.parts] == ["Marker", "Prose", "Marker", "Prose"]
    assert last.parts[1] == Prose(" " + "Embassy Essex " * 800)
    assert last.parts[3] == Prose(" and SIPDIS")


def test_an_addressee_of_more_than_127_chunks_ends_there_and_the_rest_is_kept(
    seed_text: str,
) -> None:
    head = seed_text[: seed_text.index("\n1. (C)") + 1]
    line = "FM AMEMBASSY" + " PARIS" * 200 + " IMMEDIATE 4460"
    cable = assert_lossless(head + line + "\n\nWOLFF")
    block = next(b for b in cable.blocks if isinstance(b, AddressBlock))
    # the first word is a chunk, each of the next 126 a chunk with its blank
    assert block.address.plad == "AMEMBASSY" + " PARIS" * 126
    assert block.address.precedence is None
    assert block.address.rest == " PARIS" * 74 + " IMMEDIATE 4460"


def test_a_million_line_ends_are_a_million_blank_lines(seed_text: str) -> None:
    head = seed_text[: seed_text.index("\n1. (C)") + 1]
    cable = assert_lossless(head + "\n" * 1_000_000 + "WOLFF")
    lines = cable.blocks[-2].tail  # the Classified By block's: two blank lines, then these
    assert len(lines) == 2 + 1_000_000
    assert set(lines) == {BlankLine("")}
    assert lines[-1].span == Span(1_000_046, 1, 1_000_046, 1)


@BIG
def test_a_fifty_megabyte_cable(seed_text: str) -> None:
    cable = assert_lossless(grown(seed_text, 50_000_000))
    assert len(cable.paragraphs) > 50_000


@BIG
def test_a_cable_that_is_one_ten_megabyte_line() -> None:
    with pytest.raises(CableSyntaxError) as raised:
        cablemodel.parse("x" * 10_000_000)
    assert raised.value.line == 1


@BIG
def test_a_ten_megabyte_line_in_a_paragraph(seed_text: str) -> None:
    line = "The POC session began. " * (10_000_000 // 23)
    assert_lossless(seed_text.replace("1. (C) EST", "1. (C) " + line + "EST", 1))


# ------------------------------------------------------------- bytes and files


def test_bytes_are_read_as_utf8(seed_text: str) -> None:
    assert cablemodel.parse(seed_text.encode("utf-8")) == cablemodel.parse(seed_text)


def test_invalid_utf8_is_a_syntax_error_naming_the_line(tmp_path: Path, seed_text: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(seed_text.encode("utf-8").replace(b"EST Counselor", b"EST \xff Counselor", 1))
    with pytest.raises(CableSyntaxError) as raised:
        cablemodel.parse_file(path)
    error = raised.value
    assert (error.line, error.column) == (47, 12)
    assert error.reason == "byte 0xff is not UTF-8"
    assert error.source_line.startswith("1. (C) EST \ufffd Counselor participated")


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_parse_file_keeps_crlf_and_cr(tmp_path: Path, seed_text: str, newline: str) -> None:
    path = tmp_path / "cable.txt"
    path.write_bytes(seed_text.replace("\n", newline).encode("utf-8"))
    cable = cablemodel.parse_file(path)
    assert cablemodel.render(cable) == read_text(path)
