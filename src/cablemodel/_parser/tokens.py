"""Helpers every area's callbacks share: splitting blanks off a value, spans from tokens."""

from __future__ import annotations

from typing import Any

from lark import Token

from ..model import LooseLine, Span

Child = Any


def split_lead(value: str) -> tuple[str, str]:
    body = value.lstrip(" \t")
    return value[: len(value) - len(body)], body


def span_of(first: Token, last: Token) -> Span:
    return Span(first.line or 0, first.column or 0, last.end_line or 0, last.end_column or 0)


def line_span(first: Token, nl: Token) -> Span:
    return Span(first.line or 0, first.column or 0, nl.line or 0, nl.column or 0)


def tokens_of(children: list[Child]) -> list[Token]:
    return [child for child in children if isinstance(child, Token)]


def end_of(line: LooseLine) -> tuple[int, int]:
    assert line.span is not None
    return line.span.end_line, line.span.end_column


def first_nl(children: list[Child]) -> Token:
    for child in children:
        if isinstance(child, Token) and child.type == "NL":
            return child
    raise AssertionError("a line without NL")


def rest_of(children: list[Child]) -> str:
    for child in children:
        if isinstance(child, Token) and child.type == "REST":
            return str(child)
    return ""
