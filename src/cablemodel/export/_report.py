"""What ``cablemodel export`` and ``cablemodel search`` print: the summary line, the hits
as text or JSON."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from ._search import Hit

if TYPE_CHECKING:
    from . import ExportSummary

__all__ = ["day_range", "hit_json", "hits_json", "summary_line", "write_hits"]


def summary_line(summary: ExportSummary, seconds: float) -> str:
    """The line ``cablemodel export`` prints on stderr when it is done (the output's name
    as given: the command line escapes it for the terminal)."""
    done = "Wrote" if summary.fresh else "Updated"
    parts = [f"{summary.exported} exported"]
    if not summary.fresh:
        parts += [f"{summary.unchanged} unchanged", f"{summary.removed} removed"]
    parts.append(f"{summary.rejected} rejected")
    return (
        f"{done} {summary.output} ({summary.format}): {summary.cables} cables; "
        f"{', '.join(parts)}; {seconds:.1f} s."
    )


# ------------------------------------------------------------------------- search


def day_range(value: str) -> tuple[dt.date, dt.date]:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``: its first and its last day (ValueError
    for anything else)."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if match is None:
        raise ValueError(f"{value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (None if part is None else int(part) for part in match.groups())
    assert year is not None
    try:
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            first = dt.date(year, month, 1)
            following = (first + dt.timedelta(days=32)).replace(day=1)
            return first, following - dt.timedelta(days=1)
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise ValueError(f"{value!r} is not a date") from None


def hits_json(query: str, hits: Sequence[Hit]) -> str:
    """``--output-format json``: one document with the query and every hit."""
    document = {"query": query, "hits": [hit_json(hit) for hit in hits]}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def hit_json(hit: Hit) -> dict[str, Any]:
    return {
        "id": hit.id,
        "created": hit.created.isoformat(sep=" "),
        "classification": hit.classification,
        "origin": hit.origin,
        "subject": hit.subject,
        "in_subject": hit.in_subject,
        "paragraph": hit.paragraph,
        "snippet": hit.snippet,
        "highlights": [list(span) for span in hit.highlights],
    }


def write_hits(
    hits: Sequence[Hit], out: TextIO, *, bold: bool, shown: Callable[[str], str]
) -> None:
    """The hits as text: id, date, classification, origin; subject; the snippet, its
    matched words in bold on a terminal (``bold``), else marked ``**…**``. Every piece of
    cable text goes through ``shown``, which makes it harmless for a terminal."""
    start, end = ("\x1b[1m", "\x1b[0m") if bold else ("**", "**")
    for hit in hits:
        where = "subject" if hit.in_subject else "text"
        if hit.paragraph is not None:
            where = f"¶{hit.paragraph}"
        out.write(
            shown(
                f"{hit.id}  {hit.created.date().isoformat()}  {hit.classification}  {hit.origin}"
            )
            + "\n"
        )
        if hit.subject:
            out.write(f"  {shown(hit.subject)}\n")
        pieces: list[str] = []
        last = 0
        for first, stop in hit.highlights:
            pieces += [shown(hit.snippet[last:first]), start]
            pieces += [shown(hit.snippet[first:stop]), end]
            last = stop
        pieces.append(shown(hit.snippet[last:]))
        out.write(f"  {where}: {''.join(pieces)}\n\n")
    out.write(f"{len(hits)} {'hit' if len(hits) == 1 else 'hits'}.\n")
