"""The entries of the TAGS line, normalised and sorted by kind."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from functools import lru_cache

from attrs import frozen

from .. import vocab
from ..model import Cable

__all__ = ["Tag", "TagKind", "tag_entries", "tags_of"]


class TagKind(enum.Enum):
    """The TAGS system's families (5 FAH-3): geographic, subject, program, organization,
    person; ``unknown`` for a tag in no vocabulary."""

    GEO = "geo"
    SUBJECT = "subject"
    PROGRAM = "program"
    ORGANIZATION = "organization"
    PERSON = "person"
    UNKNOWN = "unknown"


@frozen
class Tag:
    """A TAGS entry: as written, normalised, and its kind."""

    text: str
    normalized: str
    kind: TagKind


def _kind(tag: str) -> TagKind:
    if tag in vocab.geo_tags():
        return TagKind.GEO
    if tag in vocab.subject_tags():
        return TagKind.SUBJECT
    if tag in vocab.program_tags():
        return TagKind.PROGRAM
    if tag in vocab.organization_tags():
        return TagKind.ORGANIZATION
    if "," in tag:  # CLINTON, HILLARY
        return TagKind.PERSON
    return TagKind.UNKNOWN


def _known(word: str) -> bool:
    return _kind(word) is not TagKind.UNKNOWN or word in vocab.tag_fixes()


@lru_cache(maxsize=4096)  # a few hundred entries (PREL, PGOV …) make most TAGS lines
def _normalized(text: str) -> tuple[tuple[str, TagKind], ...]:
    """One entry as the tag(s) it stands for."""
    upper = " ".join(text.upper().split())
    if upper.endswith(")") and "(" in upper:  # OVIP (STEINBERG, JAMES B.)
        person = upper[upper.index("(") + 1 : -1].strip()
        head = upper[: upper.index("(")].strip()
        found = tuple((tag, _kind(tag)) for tag in ([head] if head else []))
        return (*found, (person, TagKind.PERSON)) if person else found
    fixed = vocab.tag_fixes().get(upper)
    if fixed is not None:
        return tuple((tag, _kind(tag)) for tag in fixed)
    words = upper.split()
    if len(words) > 1 and all(_known(word) for word in words):  # PTER MARR: a comma missing
        return tuple(item for word in words for item in _normalized(word))
    return ((upper, _kind(upper)),)


def tag_entries(cable: Cable) -> tuple[Tag, ...]:
    """Each entry of the first TAGS line: SIPDIS and repeats dropped."""
    line = cable.tags_line
    return () if line is None else tags_of(line.tags)


def tags_of(texts: Iterable[str]) -> tuple[Tag, ...]:
    """Tags as written (a TAGS line's entries, or the publisher's tags) as normalised
    entries with their kinds: SIPDIS and repeats dropped."""
    seen: set[str] = set()
    found: list[Tag] = []
    for text in texts:
        for normalized, kind in _normalized(text):
            if normalized in ("SIPDIS", "") or normalized in seen:
                continue
            seen.add(normalized)
            found.append(Tag(text, normalized, kind))
    return tuple(found)
