"""The parser: grammar/cable.lark run by Lark (LALR), straight into the model.

This package is the only place that imports lark. The parser is made lazily, once per
process, from LALR tables generated from the grammar and shipped beside it (nothing is
written at run time); when they do not fit the grammar or the installed Lark, it is
built from the grammar (build.py). The transformer runs inline (no parse tree is kept);
its callbacks are grouped by the cable's areas, as the grammar's sections are:
publisher.py, lines.py, header.py, preamble.py, body.py. Positions come from the tokens.

Each transformer method names the grammar rule it handles.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from attrs import evolve
from lark.exceptions import UnexpectedInput, VisitError

from ..errors import CableSyntaxError
from ..model import Cable
from .build import TABLES_FILE, build_parser, grammar_text, parser_tables_text, shared_parser
from .messages import syntax_error

__all__ = [
    "TABLES_FILE",
    "build_parser",
    "decode",
    "grammar_text",
    "parse",
    "parse_file",
    "parse_text",
    "parser_tables_text",
]


def parse(text: str | bytes) -> Cable:
    """Parse the text of one cable into a ``Cable``; raise ``CableSyntaxError``.

    Bytes are read as UTF-8; a byte that is not UTF-8 is a ``CableSyntaxError`` at its
    line and column.
    """
    if isinstance(text, (bytes, bytearray)):
        text = decode(bytes(text))
    return parse_text(text)


def parse_file(path: str | os.PathLike[str]) -> Cable:
    """Parse a cable file (UTF-8). Line endings are kept as they are."""
    return parse(Path(path).read_bytes())


def decode(data: bytes) -> str:
    """UTF-8 bytes as text, line endings kept; a byte that is not UTF-8 is a
    CableSyntaxError at its line and column."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line_end = data.find(b"\n", error.start)
        source = data[line_start : None if line_end < 0 else line_end]
        shown = source.decode("utf-8", errors="replace").rstrip("\r")
        reason = f"byte 0x{data[error.start]:02x} is not UTF-8"
        raise CableSyntaxError(reason, line, column, shown) from None


def parse_text(text: str) -> Cable:
    """Parse one cable; raise CableSyntaxError with line, column and caret.

    A byte-order mark and CRLF or CR line endings used throughout are taken off before
    parsing and recorded in the Cable, so that render() gives the text back.
    """
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    newline = _newline_of(text)
    if newline != "\n":
        text = text.replace(newline, "\n")
    final_newline = text.endswith("\n")
    parser = shared_parser()
    failure: CableSyntaxError | None = None
    try:
        # The grammar closes every line with NL: a last line without one is read as
        # if it had one, and the Cable records that it has none.
        parsed: Any = parser.parse(text if final_newline else text + "\n")
    except UnexpectedInput as error:
        failure = syntax_error(text, error)
    except VisitError as error:  # pragma: no cover - a transformer bug, not bad input
        raise error.orig_exc from error
    if failure is not None:
        # raised here, not in the except block: the error carries no Lark exception as its
        # context, so it pickles wherever tracebacks and contexts are pickled (Dask)
        raise failure
    cable: Cable = parsed
    return evolve(cable, final_newline=final_newline, newline=newline, bom=bom)


def _newline_of(text: str) -> str:
    """The line ending of a text that uses CRLF or CR throughout; else LF."""
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\r") and crlf == text.count("\n"):
        return "\r\n"
    if "\n" not in text:
        return "\r"
    return "\n"  # mixed endings: a CR stays a character of its line
