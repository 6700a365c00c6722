"""The publisher block: the labels and values the publisher put above the telegram."""

from __future__ import annotations

import enum
from datetime import datetime

from attrs import frozen

from ._base import NBSP, Span, _span, digits

__all__ = ["Classification", "Level", "Publisher", "PublisherTag", "ReferenceId"]


class Level(enum.Enum):
    """A classification level, with the publisher's spelling as its value."""

    UNCLASSIFIED = "UNCLASSIFIED"
    LIMITED_OFFICIAL_USE = "LIMITED OFFICIAL USE"
    CONFIDENTIAL = "CONFIDENTIAL"
    SECRET = "SECRET"
    TOP_SECRET = "TOP SECRET"

    @property
    def rank(self) -> int:
        """0 unclassified, 1 administratively controlled, 2 C, 3 S, 4 TS."""
        return _LEVEL_RANK[self]

    @property
    def is_classified(self) -> bool:
        return self.rank >= 2


_LEVEL_RANK = {
    Level.UNCLASSIFIED: 0,
    Level.LIMITED_OFFICIAL_USE: 1,
    Level.CONFIDENTIAL: 2,
    Level.SECRET: 3,
    Level.TOP_SECRET: 4,
}


@frozen(weakref_slot=False)
class ReferenceId:
    """The message reference number, e.g. ``05PARIS3759``.

    A well-formed id has ``year``, ``origin`` and ``serial``; any other id keeps its
    text in ``malformed`` and has the other three as None.
    """

    year: int | None = None
    origin: str | None = None
    serial: int | None = None
    malformed: str | None = None
    span: Span | None = _span()

    @property
    def is_well_formed(self) -> bool:
        return self.malformed is None

    def __str__(self) -> str:
        if self.malformed is not None:
            return self.malformed
        return f"{digits((self.year or 0) % 100, 2)}{self.origin}{self.serial}"


@frozen(weakref_slot=False)
class Classification:
    """The publisher's classification, e.g. ``SECRET//NOFORN``.

    ``level`` is None only for a value that names no known level; its text is then
    kept in ``unrecognized``.
    """

    level: Level | None
    caveats: tuple[str, ...] = ()
    unrecognized: str | None = None
    span: Span | None = _span()

    @property
    def noforn(self) -> bool:
        return "NOFORN" in self.caveats

    @property
    def for_official_use_only(self) -> bool:
        return "FOR OFFICIAL USE ONLY" in self.caveats

    def __str__(self) -> str:
        if self.unrecognized is not None:
            return self.unrecognized
        assert self.level is not None
        return "//".join((self.level.value, *self.caveats))


@frozen(weakref_slot=False)
class PublisherTag:
    """One tag of the publisher's ``Tags:`` line and the no-break space after it."""

    text: str
    gap: str = NBSP
    span: Span | None = _span()


@frozen(weakref_slot=False)
class Publisher:
    """The block the publisher put above the telegram."""

    reference_id: ReferenceId
    created: datetime
    classification: Classification
    origin: str
    title: str
    tags: tuple[PublisherTag, ...] = ()
    released: datetime | None = None
    id_label: str = "Identifier"
    created_label: str = "Created"
    released_label: str = "Released"
    classification_label: str = "Classification"
    origin_label: str = "Origin"
    created_seconds: bool = True
    released_seconds: bool = True
    title_gap: str = NBSP * 2
    tags_gap: str = NBSP * 2
    navigation: bool = True
    span: Span | None = _span()
