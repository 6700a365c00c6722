"""The text layout of the reference cable, for values read from a page or a dump row."""

from __future__ import annotations

from collections.abc import Iterable

from .._render.publisher import publisher_text
from ..model import NBSP

__all__ = ["cable_layout"]


def cable_layout(
    *,
    reference_id: str,
    created: str,
    classification: str,
    origin: str,
    title: str,
    tags: Iterable[str],
    header: str | None,
    body: str,
    released: str | None = None,
) -> str:
    """The text layout of the reference cable for these publisher values and boxes.

    Raises ValueError for a value that is empty or spans lines: the layout holds one
    value per line.
    """
    fields = [("Identifier", reference_id), ("Created", created)]
    if released is not None:
        fields.append(("Released", released))
    fields += [("Classification", classification), ("Origin", origin)]
    for label, value in fields:
        if not value or "\n" in value:
            raise ValueError(f"{label} value {value!r} is empty or spans lines")
    if "\n" in title:
        raise ValueError(f"title {title!r} spans lines")
    telegram = body if header is None else header + "\n" + body
    return publisher_text(fields, title, "".join(tag + NBSP for tag in tags)) + telegram
