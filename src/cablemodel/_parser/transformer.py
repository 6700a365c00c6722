"""The transformer: every area's callbacks in one class that Lark calls inline."""

from __future__ import annotations

from ..model import Block, Cable, CaptionLine, LooseLine, PageMarker
from .body import BodyCallbacks
from .header import HeaderCallbacks
from .lines import LinesCallbacks, cut_lines
from .preamble import PreambleCallbacks
from .publisher import PublisherCallbacks
from .tokens import TOKEN_TYPES, Child, Joined


class ToModel(
    PublisherCallbacks,
    LinesCallbacks,
    HeaderCallbacks,
    PreambleCallbacks,
    BodyCallbacks,
):
    """Turns reductions of grammar/cable.lark into model objects, one area per base class.

    Lark's parser (build.py) and the engine (engine.py) both call its methods by rule
    name, with the children Lark's tree builder gives them."""

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
                if not (type(c) in TOKEN_TYPES or isinstance(c, (CaptionLine, PageMarker)))
            ),
            len(children),
        )
        blocks: list[Block] = []
        for child in children[start:]:
            blocks.extend(child.blocks if isinstance(child, Joined) else (child,))
        return cut_lines(children[:start]), tuple(blocks)
