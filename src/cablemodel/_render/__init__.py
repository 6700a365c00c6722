"""Render a cable: the text of a model, built from its parts, area by area.

``render(parse(text)) == text`` for every text that parses. The texts of a few parts
(a date, an instruction, a REF item, a portion marking) are public too: the rules measure
where a token stands on its line with them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..model import (
    AddressBlock,
    Banner,
    Block,
    Cable,
    ClassifiedBy,
    DeLine,
    DtgLine,
    EoLine,
    Paragraph,
    PartialNotice,
    Passing,
    Precedence,
    Ref,
    Signature,
    Subject,
    TagsLine,
    Vzczc,
    ZnLine,
)
from .body import emit_paragraph, emit_signature, portion_text
from .header import (
    address_text,
    emit_address_block,
    emit_de,
    emit_dtg,
    emit_notice,
    emit_precedence,
    emit_vzczc,
    emit_zn,
)
from .lines import emit_lines
from .preamble import (
    date_text,
    emit_banner,
    emit_classified,
    emit_eo,
    emit_passing,
    emit_ref,
    emit_subject,
    emit_tags,
    instruction_text,
    ref_piece_text,
)
from .publisher import emit_publisher

__all__ = [
    "address_text",
    "date_text",
    "instruction_text",
    "portion_text",
    "ref_piece_text",
    "render",
]


def render(cable: Cable) -> str:
    """The text of ``cable``, built from its parts."""
    out: list[str] = []
    emit_publisher(cable.publisher, out)
    emit_lines(cable.lead, out)
    previous: Block | None = None
    for block in cable.blocks:
        if isinstance(block, (Ref, ClassifiedBy)) and block.joined:
            _join(block, previous, out)
        _EMITTERS[type(block)](block, out)
        previous = block
    text = "".join(out)
    if not cable.final_newline and text.endswith("\n"):
        text = text[:-1]
    if cable.newline != "\n":
        text = text.replace("\n", cable.newline)
    return "\ufeff" + text if cable.bom else text


def _join(block: Ref | ClassifiedBy, previous: Block | None, out: list[str]) -> None:
    """A joined block goes on the last line of the block before it: take that line end back."""
    if previous is None or previous.tail or not out[-1].endswith("\n"):
        raise ValueError(
            f"a joined {type(block).__name__} must follow a block that ends with its own line"
        )
    out[-1] = out[-1][:-1]


_EMITTERS: dict[type, Callable[[Any, list[str]], None]] = {
    PartialNotice: emit_notice,
    Vzczc: emit_vzczc,
    Precedence: emit_precedence,
    DeLine: emit_de,
    ZnLine: emit_zn,
    DtgLine: emit_dtg,
    AddressBlock: emit_address_block,
    Banner: emit_banner,
    Passing: emit_passing,
    EoLine: emit_eo,
    TagsLine: emit_tags,
    Subject: emit_subject,
    Ref: emit_ref,
    ClassifiedBy: emit_classified,
    Paragraph: emit_paragraph,
    Signature: emit_signature,
}
