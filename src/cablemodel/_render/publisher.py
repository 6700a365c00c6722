"""Render the publisher block."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from ..model import NBSP, Publisher

__all__ = ["emit_publisher", "publisher_text"]


def emit_publisher(pub: Publisher, out: list[str]) -> None:
    fields = [(pub.id_label, str(pub.reference_id))]
    fields.append((pub.created_label, _timestamp(pub.created, pub.created_seconds)))
    if pub.released is not None:
        fields.append((pub.released_label, _timestamp(pub.released, pub.released_seconds)))
    fields.append((pub.classification_label, str(pub.classification)))
    fields.append((pub.origin_label, pub.origin))
    out.append(
        publisher_text(
            fields,
            pub.title,
            "".join(tag.text + tag.gap for tag in pub.tags),
            title_gap=pub.title_gap,
            tags_gap=pub.tags_gap,
            navigation=pub.navigation,
        )
    )


def publisher_text(
    fields: Sequence[tuple[str, str]],
    title: str,
    tags: str,
    *,
    title_gap: str = NBSP * 2,
    tags_gap: str = NBSP * 2,
    navigation: bool = True,
) -> str:
    """The publisher block: the labels, then their values, the title and the tags.

    ``fields`` are (label, value) pairs as written; ``tags`` is the Tags line after its
    label and gap, each tag with the no-break space(s) after it.
    """
    labels = "".join(label + "\n" for label, _ in fields)
    values = "".join(value + "\n" for _, value in fields)
    navigation_line = f"pdf{NBSP}how-to read a cable\n" if navigation else ""
    return (
        f"{labels}{values}Cable title:{title_gap}\n\n{title}\n\n"
        f"Tags:{tags_gap}{tags}\n{navigation_line}"
    )


def _timestamp(value: datetime, seconds: bool) -> str:
    # not strftime: %Y does not pad years before 1000 on every platform
    text = f"{value.year:04d}-{value.month:02d}-{value.day:02d} {value.hour:02d}:{value.minute:02d}"
    return f"{text}:{value.second:02d}" if seconds else text
