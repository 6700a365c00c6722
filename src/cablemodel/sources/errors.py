"""Errors of the readers: a page or a dump row that is not a cable."""

from __future__ import annotations

from ..errors import CableError

__all__ = [
    "CablePageError",
    "CableRowError",
    "CableSourceError",
]


class CableSourceError(CableError, ValueError):
    """A page or a dump row cannot be read as a cable.

    ``source`` names the file (None for text handed over in memory); ``reason`` says
    what is missing or wrong.
    """

    def __init__(self, reason: str, source: str | None = None) -> None:
        self.reason = reason
        self.source = source
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.reason if self.source is None else f"{self.source}: {self.reason}"

    def __reduce__(self) -> tuple[type[CableSourceError], tuple[str, str | None]]:
        return (type(self), (self.reason, self.source))


class CablePageError(CableSourceError):
    """An HTML page lacks a part a cable needs (the metadata table, a box, …)."""


class CableRowError(CableSourceError):
    """A row of ``cables.csv`` is not a cable; ``row`` is its 1-based record number and
    ``line`` the file line where the record starts."""

    def __init__(self, row: int, line: int, reason: str, source: str | None = None) -> None:
        self.row = row
        self.line = line
        super().__init__(reason, source)

    def __str__(self) -> str:
        where = f"row {self.row} (line {self.line}): {self.reason}"
        return where if self.source is None else f"{self.source}: {where}"

    def __reduce__(  # type: ignore[override]
        self,
    ) -> tuple[type[CableRowError], tuple[int, int, str, str | None]]:
        return (type(self), (self.row, self.line, self.reason, self.source))
