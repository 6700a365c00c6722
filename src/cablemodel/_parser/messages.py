"""The text of a CableSyntaxError: where the parser stopped, what it found, what it expected."""

from __future__ import annotations

from lark import Token
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from ..errors import CableSyntaxError


def syntax_error(text: str, error: UnexpectedInput) -> CableSyntaxError:
    line = getattr(error, "line", 0) or 0
    column = getattr(error, "column", 0) or 0
    lines = text.split("\n")
    at_end = (
        isinstance(error, UnexpectedEOF)
        or line < 1
        or (isinstance(error, UnexpectedToken) and error.token.type == "$END")
        # the line end the parser supplied after a text without a final one
        or (error.pos_in_stream or 0) >= len(text)
    )
    if at_end:
        line = len(lines)
        column = len(lines[-1]) + 1
        reason = "the text ends too early: " + _expected(error)
    elif isinstance(error, UnexpectedCharacters):
        reason = f"unexpected character {text[error.pos_in_stream or 0]!r}: " + _expected(error)
    else:
        assert isinstance(error, UnexpectedToken)
        reason = f"unexpected {_found(error.token)}: " + _expected(error)
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return CableSyntaxError(reason, line, column, source_line)


_TERMINAL_NAMES = {
    "NL": "line end",
    "NBSP": "no-break space",
    "ID_LABEL": "'Identifier' label",
    "CREATED_LABEL": "'Created' label",
    "RELEASED_LABEL": "'Released' label",
    "CLASSIFICATION_LABEL": "'Classification' label",
    "ORIGIN_LABEL": "'Origin' label",
    "TIMESTAMP": "date and time (YYYY-MM-DD HH:MM:SS)",
    "CLASS_LEVEL": "classification (UNCLASSIFIED, CONFIDENTIAL, SECRET …)",
    "CLASSIFICATION_TEXT": "classification",
    "ID_YEAR": "reference id",
    "ID_RAW": "reference id",
    "ORIGIN_NAME": "origin",
    "TITLE_LABEL": "'Cable title:' line",
    "TITLE_TEXT": "title",
    "TAGS_LABEL": "'Tags:' line",
    "PUBLISHER_TAG": "tag",
}


def _found(token: Token) -> str:
    if token.type == "NL":
        return "line end"
    value = str(token)
    return repr(value if len(value) <= 30 else value[:29] + "…")


def _describe(terminal: str) -> str:
    return _TERMINAL_NAMES.get(terminal, terminal.lower().replace("_", " "))


def _expected(error: UnexpectedInput) -> str:
    expected = sorted(
        {_describe(name) for name in getattr(error, "expected", ()) or () if name != "$END"}
    )
    if not expected:
        return "nothing more was expected"
    if len(expected) > 4:
        return "expected " + ", ".join(expected[:4]) + " or another line"
    return "expected " + " or ".join(expected)
