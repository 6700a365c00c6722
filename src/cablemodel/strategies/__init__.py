"""Hypothesis strategies that build realistic, consistent cables, and hostile inputs.

Install the extra ``cablemodel[testing]`` (it brings Hypothesis), then::

    from hypothesis import given
    from cablemodel.strategies import cables, cable_texts

    @given(cables())
    def test_my_indexer(cable): ...

``cables()`` and ``cable_texts()`` draw consistent cables that read back unchanged
(cables.py); ``noise_texts``, ``mutated_texts``, ``grammar_texts``, ``mutated_json``
and ``schema_valid_json`` draw what a parser and ``from_json`` must refuse cleanly
(hostile.py).
"""

from __future__ import annotations

from ._common import STATIONS, Header, Station, prose_lines
from .cables import cable_texts, cables
from .hostile import grammar_texts, mutated_json, mutated_texts, noise_texts, schema_valid_json

__all__ = [
    "STATIONS",
    "Header",
    "Station",
    "cable_texts",
    "cables",
    "grammar_texts",
    "mutated_json",
    "mutated_texts",
    "noise_texts",
    "prose_lines",
    "schema_valid_json",
]
