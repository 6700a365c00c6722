"""Render paragraphs with their portion markings, and the signature."""

from __future__ import annotations

from ..model import Paragraph, Portion, Signature, pieces_text
from ..model._base import digits
from .lines import emit_lines

__all__ = ["emit_paragraph", "emit_signature"]


def portion_text(portion: Portion) -> str:
    parts = [portion.lead, "(", portion.inner_left, portion.level.value]
    for index, caveat in enumerate(portion.caveats):
        parts.append(portion.separators[index] if index < len(portion.separators) else "/")
        parts.append(caveat.value)
    parts += [portion.inner_right, ")"]
    return "".join(parts)


def emit_paragraph(block: Paragraph, out: list[str]) -> None:
    marking = "" if block.marking is None else portion_text(block.marking)
    out.append(
        f"{block.prefix}{digits(block.number, block.number_digits)}{block.dot_gap}."
        f"{marking}{pieces_text(block.parts)}\n"
    )
    emit_lines(block.tail, out)


def emit_signature(block: Signature, out: list[str]) -> None:
    others = "".join(other.separator + other.name for other in block.others)
    out.append(block.name + others + block.trailing + "\n")
    emit_lines(block.tail, out)
