"""Errors raised by cablemodel: part of the public API, with stable texts."""

from __future__ import annotations

__all__ = ["CableError", "CableJSONError", "CableSyntaxError"]


class CableError(Exception):
    """Base class of every error cablemodel raises on purpose."""


class CableSyntaxError(CableError, ValueError):
    """The text is not a cable: it says where, and shows the line with a caret.

    ``line`` and ``column`` are 1-based. ``source_line`` is the offending line without
    its line ending.
    """

    def __init__(self, reason: str, line: int, column: int, source_line: str) -> None:
        self.reason = reason
        self.line = line
        self.column = column
        self.source_line = source_line
        super().__init__(str(self))

    def __str__(self) -> str:
        caret = " " * (self.column - 1) + "^"
        where = f"line {self.line}, column {self.column}"
        return f"{where}: {self.reason}\n    {self.source_line}\n    {caret}"

    def __reduce__(self) -> tuple[type[CableSyntaxError], tuple[str, int, int, str]]:
        return (type(self), (self.reason, self.line, self.column, self.source_line))


class CableJSONError(CableError, ValueError):
    """A JSON document is not a cable: lists every problem with its JSON path."""

    def __init__(self, problems: tuple[str, ...]) -> None:
        self.problems = tuple(problems)
        super().__init__(str(self))

    def __str__(self) -> str:
        count = len(self.problems)
        head = f"{count} problem" + ("" if count == 1 else "s") + " in the cable JSON"
        return head + ":\n" + "\n".join(f"  {problem}" for problem in self.problems)

    def __reduce__(self) -> tuple[type[CableJSONError], tuple[tuple[str, ...]]]:
        return (type(self), (self.problems,))
