"""From inputs to rows: the items of every input format (read by the sources layer), built
into the rows of their cable in worker processes (the batch pool), in input order."""

from __future__ import annotations

import hashlib
from typing import Union

from .._parser import parse_text
from ..errors import CableSyntaxError
from ..rules import validate
from ..sources import SourceItem
from ._records import Records, records
from ._schema import RejectRow

__all__ = ["Built", "build", "text_sha256"]

#: What one input gives: the rows of its cable, or the reason it gave none.
Built = Union[Records, RejectRow]


def text_sha256(text: str) -> str:
    """The SHA-256 (hex) of a cable text in UTF-8: what ``cables.sha256`` holds."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build(item: SourceItem) -> Built:
    """Parse, validate and tabulate one input; never raises for bad input."""
    location = item.location
    if item.read_error is not None:
        reason = item.read_error.strerror or str(item.read_error)
        message = f"{item.path}: cannot read: {reason}"
        return RejectRow(location, "source", message, None, None, None)
    if item.text is None:
        error = item.error
        if isinstance(error, CableSyntaxError):  # bytes that are not UTF-8
            return RejectRow(location, "syntax", error.reason, error.line, error.column, None)
        return RejectRow(location, "source", str(error), None, None, None)
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        sha256 = text_sha256(item.text)
        return RejectRow(location, "syntax", error.reason, error.line, error.column, sha256)
    return records(cable, source=location, text=item.text, findings=validate(cable))
