"""The archive as tables: records of parsed cables for SQLite, Parquet and CSV.

The home of the export layer (see docs/architecture.md): it reads the model and its
facts, never the text, and sits beside the checker, above the batch API.
"""

from __future__ import annotations

__all__: list[str] = []
