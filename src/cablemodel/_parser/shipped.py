"""The grammar shipped in the package, read without Lark."""

from __future__ import annotations

import hashlib
from importlib import resources


def grammar_text() -> str:
    """The grammar shipped in the package (a copy of grammar/cable.lark)."""
    return resources.files("cablemodel.grammar").joinpath("cable.lark").read_text(encoding="utf-8")


def grammar_digest() -> str:
    """The SHA-256 of the shipped grammar, which the shipped tables record."""
    return hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()
