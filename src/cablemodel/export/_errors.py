"""What the export and search raise on purpose: an output that cannot be written, an
archive that cannot be searched, a query that is not valid."""

from __future__ import annotations

from ..errors import CableError

__all__ = ["ArchiveError", "ExportError", "SearchError"]


class ExportError(CableError, ValueError):
    """The export or search cannot do its job; the message says why."""


class ArchiveError(ExportError):
    """The output exists but is not an archive this version can write."""


class SearchError(ExportError):
    """The archive cannot be searched, or the query is not valid FTS5 syntax."""
