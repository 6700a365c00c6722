"""Tokens, and helpers every area's callbacks share: splitting blanks off a value, spans
from tokens."""

from __future__ import annotations

from typing import Any, NamedTuple

from ..model import Block, LooseLine, Span

Child = Any


class Token(str):
    """A token as the callbacks read it: its text, ``type`` (the terminal's name), and
    ``line`` and ``column`` where it starts, counted as Lark counts them (from 1). The
    engine sets only these; the end is worked out when asked for, which is rare."""

    __slots__ = ("column", "line", "type")

    type: str
    line: int
    column: int

    @property
    def end_line(self) -> int:
        return self.line + self.count("\n")

    @property
    def end_column(self) -> int:
        """The column after the last character, as in Lark."""
        last = self.rfind("\n")
        return self.column + len(self) if last < 0 else len(self) - last


# The classes of tokens: the engine's, and Lark's, which build.py adds when Lark's own
# parser is made. A callback tells a token from a value with ``type(child) in
# TOKEN_TYPES``; both classes have the attributes above.
TOKEN_TYPES: set[type[str]] = {Token}


class Joined(NamedTuple):
    """Blocks that start on one line: a SUBJECT, the REF written after it on its line, the
    Classified By after that (or a paragraph number and the Classified By after it)."""

    blocks: tuple[Block, ...]


def split_lead(value: str) -> tuple[str, str]:
    body = value.lstrip(" \t")
    return value[: len(value) - len(body)], body


def span_of(first: Token, last: Token) -> Span:
    return Span(first.line or 0, first.column or 0, last.end_line or 0, last.end_column or 0)


def line_span(first: Token, nl: Token) -> Span:
    return Span(first.line or 0, first.column or 0, nl.line or 0, nl.column or 0)


def tokens_of(children: list[Child]) -> list[Token]:
    return [child for child in children if type(child) in TOKEN_TYPES]


def end_of(line: LooseLine) -> tuple[int, int]:
    assert line.span is not None
    return line.span.end_line, line.span.end_column


def first_nl(children: list[Child]) -> Token:
    for child in children:
        if type(child) in TOKEN_TYPES and child.type == "NL":
            return child  # type: ignore[no-any-return]
    raise AssertionError("a line without NL")


def rest_of(children: list[Child]) -> str:
    for child in children:
        if type(child) in TOKEN_TYPES and child.type == "REST":
            return str(child)
    return ""
