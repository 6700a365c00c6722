"""The transformer: every area's callbacks in one class that Lark calls inline."""

from __future__ import annotations

from typing import Any

from lark import Token, Transformer

from ..model import Block, Cable, CaptionLine, LooseLine, PageMarker
from .body import BodyCallbacks
from .header import HeaderCallbacks
from .lines import LinesCallbacks, cut_lines
from .preamble import PreambleCallbacks
from .publisher import PublisherCallbacks
from .tokens import Child


class ToModel(
    PublisherCallbacks,
    LinesCallbacks,
    HeaderCallbacks,
    PreambleCallbacks,
    BodyCallbacks,
    Transformer[Token, Any],
):
    """Turns reductions of grammar/cable.lark into model objects, one area per base class."""

    def start(self, children: list[Child]) -> Cable:
        """start: publisher telegram"""
        publisher, (lead, blocks) = children
        return Cable(publisher=publisher, blocks=blocks, lead=lead)

    def telegram(self, children: list[Child]) -> tuple[tuple[LooseLine, ...], tuple[Block, ...]]:
        """telegram: _tail _header_block* (paragraph (paragraph | section_banner)*)?
        signature?"""
        start = next(
            (
                i
                for i, c in enumerate(children)
                if not isinstance(c, (Token, CaptionLine, PageMarker))
            ),
            len(children),
        )
        return cut_lines(children[:start]), tuple(children[start:])
