"""The parser: grammar/cable.lark run straight into the model.

This package is the only place that imports lark, and only where Lark's own parser
runs. Both ways of running the grammar call the same transformer, whose callbacks are
grouped by the cable's areas, as the grammar's sections are: publisher.py, lines.py,
header.py, preamble.py, body.py. Positions come from the tokens.

* The engine (engine.py, the default) runs the LALR tables and the per-state regular
  expressions that Lark generates from the grammar, shipped beside it; it needs no Lark
  at run time.
* Lark's own LALR parser (build.py), made from the tables Lark serialized, or from the
  grammar when those do not fit the installed Lark. It gives the message of a syntax
  error, and the tests compare the engine with it.

Each transformer method names the grammar rule it handles.
"""

from __future__ import annotations

import functools
import gc
import os
from pathlib import Path
from typing import Any

from attrs import evolve

from ..errors import CableSyntaxError
from ..model import Cable
from ..model.checks import mark_readable
from .engine import Engine, NotInGrammarError
from .engine import load as _load_engine
from .shipped import grammar_text
from .transformer import ToModel

__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "TABLES_FILE",
    "build_parser",
    "decode",
    "grammar_text",
    "parse",
    "parse_file",
    "parse_text",
    "parser_tables_text",
]

# The ways to run the grammar: "tables", the engine (the default), and "lark", Lark's own
# parser. The environment variable CABLEMODEL_PARSER_ENGINE, read once, picks the
# default; the benchmarks and the tests that compare the two pass ``engine=``.
ENGINES = ("tables", "lark")
DEFAULT_ENGINE = os.environ.get("CABLEMODEL_PARSER_ENGINE", "tables")


def __getattr__(name: str) -> Any:
    # what only tools and tests use comes with Lark, on first use
    if name in ("TABLES_FILE", "build_parser", "parser_tables_text"):
        from . import build

        return getattr(build, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.lru_cache(maxsize=1)
def shared_engine() -> Engine | None:
    """The engine of the shipped tables, made on first use; None if they do not fit."""
    return _load_engine(ToModel())


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


def parse_text(text: str, *, engine: str | None = None) -> Cable:
    """Parse one cable; raise CableSyntaxError with line, column and caret.

    A byte-order mark and CRLF or CR line endings used throughout are taken off before
    parsing and recorded in the Cable, so that render() gives the text back. ``engine``
    is one of ENGINES (default DEFAULT_ENGINE).
    """
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    newline = _newline_of(text)
    if newline != "\n":
        text = text.replace(newline, "\n")
    final_newline = text.endswith("\n")
    # The grammar closes every line with NL: a last line without one is read as if it
    # had one, and the Cable records that it has none.
    source = text if final_newline else text + "\n"
    parsed = _run(source, engine or DEFAULT_ENGINE)
    if parsed is None:  # not a cable: Lark's parser raises the error, with its message
        from .build import lark_parse

        parsed = lark_parse(text, source)
    cable: Cable = evolve(parsed, final_newline=final_newline, newline=newline, bom=bom)
    mark_readable(cable)  # render() need not check what the parser made
    return cable


def _run(source: str, engine: str) -> Any:
    """The engine's value for ``source``, or None where it cannot give one (not a cable, or
    no engine tables for this grammar) or where Lark's own parser is asked for."""
    if engine not in ENGINES:
        raise ValueError(f"no parser engine {engine!r}: one of {', '.join(ENGINES)}")
    machine = shared_engine() if engine == "tables" else None
    if machine is None:
        return None
    # The cyclic collector is paused for one parse: the parse makes no reference cycles
    # (the model and the parser's stacks are trees, freed by reference counts), so a
    # collection could find nothing in them, yet each one would walk every object the
    # growing model holds, which made big cables quadratic. After the parse the next
    # collection looks at the new objects once.
    collecting = gc.isenabled()
    if collecting:
        gc.disable()
    try:
        return machine.parse(source)
    except NotInGrammarError:
        return None
    finally:
        if collecting:
            gc.enable()


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
