"""The publisher block of a drawn cable."""

from __future__ import annotations

from datetime import datetime

from hypothesis import strategies as st

from ..model import (
    Classification,
    Publisher,
    PublisherTag,
    ReferenceId,
)
from ._common import Draw, _choice, _Facts


def _publisher(draw: Draw, facts: _Facts) -> Publisher:
    created_seconds = facts.created.second != 0 or draw(st.booleans())
    released: datetime | None = None
    released_seconds = True
    if draw(st.booleans()):
        released = draw(st.datetimes(datetime(2010, 11, 28), datetime(2011, 9, 1)))
        released_seconds = draw(st.booleans())
        released = released.replace(
            microsecond=0, second=released.second if released_seconds else 0
        )
    caveats: tuple[str, ...] = ()
    if facts.noforn:
        caveats = ("NOFORN",)
    elif facts.fouo:
        caveats = ("FOR OFFICIAL USE ONLY",)
    return Publisher(
        reference_id=ReferenceId(facts.created.year, facts.station.code, facts.serial),
        created=facts.created,
        classification=Classification(facts.level, caveats),
        origin=facts.station.publisher_name,
        title=" ".join(facts.subject.split("\n")[0].split()),
        tags=tuple(PublisherTag(tag) for tag in facts.tags),
        released=released,
        id_label=draw(_choice(("Identifier", "Reference ID", "Canonical ID"))),
        created_label=draw(_choice(("Created", "Date"))),
        origin_label=draw(_choice(("Origin", "From"))),
        created_seconds=created_seconds,
        released_seconds=released_seconds,
        title_gap=draw(_choice(("\xa0\xa0", "\xa0"))),
        tags_gap=draw(_choice(("\xa0\xa0", "\xa0"))),
        navigation=draw(st.booleans()),
    )
