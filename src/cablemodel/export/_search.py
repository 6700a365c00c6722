"""Full-text search over an exported SQLite archive: FTS5 over subjects, titles and
paragraph texts, one hit per cable (its best-ranked match), with date, classification,
origin and tag filters."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from attrs import frozen

from ._errors import SearchError

__all__ = ["HIGHLIGHT_END", "HIGHLIGHT_START", "Hit", "search"]

#: What stands around a matched word in a snippet before it is split into highlights
#: (private-use characters, which cable texts do not contain).
HIGHLIGHT_START = "\ue000"
HIGHLIGHT_END = "\ue001"

_SNIPPET_WORDS = 24


@frozen
class Hit:
    """One cable that matches: where the best match is and a snippet around it.

    ``in_subject`` says whether the match is in the subject or title rather than the text;
    ``paragraph`` is the number of the matching paragraph (None for a match in the subject
    or title, or in the prose before the first numbered paragraph).
    ``highlights`` are the (start, end) offsets of the matched words in ``snippet``.
    """

    id: str
    created: dt.datetime
    classification: str
    origin: str
    subject: str | None
    in_subject: bool
    paragraph: int | None
    snippet: str
    highlights: tuple[tuple[int, int], ...]
    score: float


def search(
    archive: str | Path,
    query: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    classification: str | None = None,
    origin: str | None = None,
    tags: Sequence[str] = (),
    limit: int = 20,
) -> list[Hit]:
    """The cables of ``archive`` that match the FTS5 ``query``, best first.

    ``since``/``until``: created on or after / on or before these days. ``classification``
    matches the publisher's text or its level (``SECRET`` matches ``SECRET//NOFORN``),
    ``origin`` the publisher's origin or the station of the id (``Embassy Paris``,
    ``PARIS``), both without regard to case; every tag of ``tags`` must be on the cable.
    """
    path = Path(archive)
    if not path.is_file():
        raise SearchError(f"{archive}: no such archive")
    conditions: list[str] = []
    parameters: dict[str, object] = {"query": query}
    if since is not None:
        conditions.append("c.created >= :since")
        parameters["since"] = since.isoformat()
    if until is not None:
        conditions.append("c.created < :until")
        parameters["until"] = (until + dt.timedelta(days=1)).isoformat()
    if classification is not None:
        conditions.append(
            "(c.classification = :classification COLLATE NOCASE "
            "OR c.classification_level = :classification COLLATE NOCASE)"
        )
        parameters["classification"] = classification
    if origin is not None:
        conditions.append(
            "(c.origin = :origin COLLATE NOCASE OR c.station = :origin COLLATE NOCASE)"
        )
        parameters["origin"] = origin
    for index, tag in enumerate(tags):
        conditions.append(
            f"EXISTS (SELECT 1 FROM tags t WHERE t.cable_id = c.id "
            f"AND t.tag = :tag{index} COLLATE NOCASE)"
        )
        parameters[f"tag{index}"] = tag
    where = " AND ".join(conditions) or "1"
    try:
        db = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error as error:  # pragma: no cover - the file was there a moment ago
        raise SearchError(f"{archive}: {error}") from None
    try:
        return _search(db, where, parameters, limit)
    except sqlite3.DatabaseError as error:
        message = str(error)
        if "fts5" in message or "syntax" in message or "no such column" in message:
            raise SearchError(
                f"not a valid search query ({message}); put words with punctuation in "
                'double quotes, e.g. "U.S."'
            ) from None
        raise SearchError(f"{archive} is not a searchable cablemodel archive ({message})") from None
    finally:
        db.close()


#: Each full-text index, how its rows join the cables, and what it says of the match:
#: in the subject or not, the paragraph number.
_INDEXES = {
    "paragraphs_fts": (
        "JOIN paragraphs p ON p.rowid = f.rowid JOIN cables c ON c.id = p.cable_id",
        "0, p.number",
    ),
    "cables_fts": ("JOIN cables c ON c.rowid = f.rowid", "1, NULL"),
}
_MARKS = f"'{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', {_SNIPPET_WORDS}"


def _search(
    db: sqlite3.Connection,
    where: str,
    parameters: dict[str, object],
    limit: int,
) -> list[Hit]:
    """The best match of each cable in either index, ranked by bm25; snippets are made
    only for the matches shown."""
    matches: list[tuple[float, str, str, int]] = []  # score, cable id, index, FTS rowid
    skipped: list[str] = []
    for fts, (join, _) in _INDEXES.items():
        sql = (
            f"SELECT bm25({fts}) AS score, c.id, f.rowid FROM {fts} f {join} "
            f"WHERE {fts} MATCH :query AND {where} ORDER BY score, c.id"
        )
        try:
            cursor = db.execute(sql, parameters)
        except sqlite3.OperationalError as error:
            if not str(error).startswith("no such column"):
                raise
            skipped.append(str(error))  # a column filter of the other index: no match here
            continue
        seen: set[str] = set()
        for score, cable_id, rowid in cursor:
            if cable_id not in seen:
                seen.add(cable_id)
                matches.append((score, cable_id, fts, rowid))
                if len(seen) == limit:
                    break
    if len(skipped) == len(_INDEXES):
        raise sqlite3.OperationalError(skipped[0])
    shown: dict[str, tuple[str, int]] = {}
    for _, cable_id, fts, rowid in sorted(matches):
        if cable_id not in shown and len(shown) < limit:
            shown[cable_id] = (fts, rowid)
    hits = []
    for fts, rowid in shown.values():
        join, paragraph = _INDEXES[fts]
        row = db.execute(
            f"SELECT c.id, c.created, c.classification, c.origin, c.subject, {paragraph}, "
            f"snippet({fts}, -1, {_MARKS}), bm25({fts}) FROM {fts} f {join} "
            f"WHERE {fts} MATCH :query AND f.rowid = :rowid",
            {"query": parameters["query"], "rowid": rowid},
        ).fetchone()
        hits.append(_hit(*row))
    return hits


def _hit(
    cable_id: str,
    created: str,
    classification: str,
    origin: str,
    subject: str | None,
    in_subject: int,
    paragraph: int | None,
    marked: str,
    score: float,
) -> Hit:
    snippet, highlights = _split_highlights(marked)
    return Hit(
        id=cable_id,
        created=dt.datetime.fromisoformat(created),
        classification=classification,
        origin=origin,
        subject=subject,
        in_subject=bool(in_subject),
        paragraph=paragraph,
        snippet=snippet,
        highlights=highlights,
        score=score,
    )


def _split_highlights(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet without its markers, and where the marked words stand in it."""
    text: list[str] = []
    highlights: list[tuple[int, int]] = []
    length = 0
    start: int | None = None
    for character in marked:
        if character == HIGHLIGHT_START:
            start = length
        elif character == HIGHLIGHT_END and start is not None:
            highlights.append((start, length))
            start = None
        else:
            text.append(character)
            length += 1
    return "".join(text), tuple(highlights)
