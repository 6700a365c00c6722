"""cablemodel: the formal, typed, lossless model of Cablegate diplomatic cables.

The parser and the model load with the package; JSON (cattrs), the batch API, the
rules and the HTML/CSV readers load on first use, so that a command that only parses
starts fast.
"""

from __future__ import annotations

import importlib
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import model
from ._parser import decode as _decode
from ._parser import parse_text as _parse_text
from .errors import CableError, CableJSONError, CableSyntaxError
from .model import Cable, render

if TYPE_CHECKING:
    from .batch import Result, iter_files, iter_results
    from .rules import RULES, Finding, Severity, validate
    from .serialize import from_dict, from_json, json_schema, to_dict, to_json
    from .sources import CableSourceError, iter_csv, iter_sources, parse_html_file, read_html

__all__ = [
    "RULES",
    "Cable",
    "CableError",
    "CableJSONError",
    "CableSourceError",
    "CableSyntaxError",
    "Finding",
    "Result",
    "Severity",
    "from_dict",
    "from_json",
    "iter_csv",
    "iter_files",
    "iter_results",
    "iter_sources",
    "json_schema",
    "model",
    "parse",
    "parse_file",
    "parse_html_file",
    "read_html",
    "render",
    "to_dict",
    "to_json",
    "validate",
]

_LAZY = {
    "Result": ".batch",
    "iter_files": ".batch",
    "iter_results": ".batch",
    "RULES": ".rules",
    "Finding": ".rules",
    "Severity": ".rules",
    "validate": ".rules",
    "from_dict": ".serialize",
    "from_json": ".serialize",
    "json_schema": ".serialize",
    "to_dict": ".serialize",
    "to_json": ".serialize",
    "CableSourceError": ".sources",
    "iter_csv": ".sources",
    "iter_sources": ".sources",
    "parse_html_file": ".sources",
    "read_html": ".sources",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'cablemodel' has no attribute {name!r}")
    value = getattr(importlib.import_module(module, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


def parse(text: str | bytes) -> Cable:
    """Parse the text of one cable into a ``Cable``; raise ``CableSyntaxError``.

    Bytes are read as UTF-8; a byte that is not UTF-8 is a ``CableSyntaxError`` at its
    line and column.
    """
    if isinstance(text, (bytes, bytearray)):
        text = _decode(bytes(text))
    return _parse_text(text)


def parse_file(path: str | os.PathLike[str]) -> Cable:
    """Parse a cable file (UTF-8). Line endings are kept as they are."""
    return parse(Path(path).read_bytes())

