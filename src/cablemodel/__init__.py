"""cablemodel: the formal, typed, lossless model of Cablegate diplomatic cables.

The model and render load with the package; the parser, JSON (cattrs), the batch API, the
rules and the HTML/CSV readers load on first use (lark only where a text is not a cable),
so that ``import cablemodel.model`` loads neither lark nor cattrs and a command starts
fast.
See docs/architecture.md for the layers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import model
from ._lazy import lazy_exports
from ._roundtrip import render
from .errors import CableError, CableJSONError, CableSyntaxError
from .model import Cable

if TYPE_CHECKING:
    from ._parser import parse, parse_file
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
    "parse": "._parser",
    "parse_file": "._parser",
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


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__)
