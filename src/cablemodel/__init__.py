"""cablemodel: the formal, typed, lossless model of Cablegate diplomatic cables."""

from __future__ import annotations

import os
from pathlib import Path

from . import model
from ._parser import parse_text as _parse_text
from .errors import CableError, CableJSONError, CableSyntaxError
from .model import Cable, render

__all__ = [
    "Cable",
    "CableError",
    "CableJSONError",
    "CableSyntaxError",
    "model",
    "parse",
    "parse_file",
    "render",
]


def parse(text: str) -> Cable:
    """Parse the text of one cable into a ``Cable``; raise ``CableSyntaxError``."""
    return _parse_text(text)


def parse_file(path: str | os.PathLike[str]) -> Cable:
    """Parse a cable file (UTF-8). Line endings are kept as they are."""
    return _parse_text(Path(path).read_text(encoding="utf-8"))
