"""Render the preamble: banner, passing lines, E.O., TAGS, SUBJECT, REF, Classified By."""

from __future__ import annotations

from datetime import date

from ..model import (
    Banner,
    ClassifiedBy,
    DateStyle,
    DeclassifyOn,
    EoLine,
    Instruction,
    NotApplicable,
    Oadr,
    Passing,
    Ref,
    RefPiece,
    Subject,
    TagEntry,
    TagsLine,
)
from ..model._base import digits
from .lines import emit_lines

__all__ = [
    "emit_banner",
    "emit_classified",
    "emit_eo",
    "emit_passing",
    "emit_ref",
    "emit_subject",
    "emit_tags",
]


def emit_banner(block: Banner, out: list[str]) -> None:
    parts = [block.level_text, block.efto or ""]
    if block.section is not None:
        section = block.section
        lead = section.leads
        parts.append(
            f"{lead[0]}{section.word}{lead[1]}{digits(section.number, section.digits)}"
            f"{lead[2]}{section.of_word}{lead[3]}{digits(section.total, section.total_digits)}"
        )
    if block.origin is not None and block.serial is not None:
        parts.append(
            f"{block.origin_lead}{block.origin}{block.serial_lead}"
            f"{digits(block.serial, block.serial_digits)}"
        )
    parts.append(block.rest + "\n")
    out.append("".join(parts))
    emit_lines(block.tail, out)


def emit_passing(block: Passing, out: list[str]) -> None:
    out.append(block.text + "\n")
    emit_lines(block.tail, out)


def date_text(value: date, style: DateStyle) -> str:
    year = value.year % 100 if style.year_digits == 2 else value.year
    year_text = digits(year, style.year_digits)
    month = digits(value.month, style.month_digits)
    day = digits(value.day, style.day_digits)
    sep = style.separator
    second = sep if style.second_separator is None else style.second_separator
    if style.order == "YMD":
        return f"{year_text}{sep}{month}{second}{day}"
    return f"{month}{sep}{day}{second}{year_text}"


def instruction_text(instruction: Instruction | None) -> str:
    if instruction is None:
        return ""
    if isinstance(instruction, DeclassifyOn):
        return instruction.lead + date_text(instruction.date, instruction.style)
    if isinstance(instruction, NotApplicable):
        return instruction.lead + instruction.spelling
    if isinstance(instruction, Oadr):
        return instruction.lead + "OADR"
    return "".join(code.lead + code.code for code in instruction.codes)


def emit_eo(block: EoLine, out: list[str]) -> None:
    order = digits(block.order, block.order_digits) if block.order_digits else str(block.order)
    out.append(
        f"{block.label}{block.order_lead}{order}{block.colon or ''}{block.decl_label or ''}"
        f"{instruction_text(block.instruction)}{block.rest}\n"
    )
    emit_lines(block.tail, out)


def _tag_entries(entries: tuple[TagEntry, ...]) -> str:
    return "".join(entry.separator + entry.tag for entry in entries)


def emit_tags(block: TagsLine, out: list[str]) -> None:
    out.append(block.label + _tag_entries(block.entries) + block.rest + "\n")
    for line in block.continuation:
        out.append(line.first + _tag_entries(line.entries) + line.rest + "\n")
    emit_lines(block.tail, out)


def emit_subject(block: Subject, out: list[str]) -> None:
    out.append(block.label + block.lead + block.text + "\n")
    out.extend(line + "\n" for line in block.continuation)
    emit_lines(block.tail, out)


def ref_piece_text(piece: RefPiece) -> str:
    """A piece of a REF line as written, with the blanks in front of it."""
    return piece.text


def emit_ref(block: Ref, out: list[str]) -> None:
    out.append(block.label + "".join(piece.text for piece in block.pieces) + "\n")
    for line in block.continuation:
        emit_lines(line.gap, out)
        out.append(line.text + "\n")
    emit_lines(block.tail, out)


def emit_classified(block: ClassifiedBy, out: list[str]) -> None:
    out.append(block.label + "".join(piece.text for piece in block.pieces) + "\n")
    for line in block.continuation:
        out.append("".join(piece.text for piece in line.pieces) + "\n")
    emit_lines(block.tail, out)
