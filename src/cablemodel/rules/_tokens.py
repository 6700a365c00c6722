"""Where a token stands on its line: a finding underlines the bad tag, date or serial, not
the whole line.

The model keeps every character, so the column of a part is the length of what its line
renders before it. Each function takes the span of the line (``None`` for a cable built in
code) and gives the span of one token on it.
"""

from __future__ import annotations

from .._render import date_text, instruction_text, portion_text, ref_piece_text
from ..model import (
    MONTH_NAMES,
    Banner,
    CableRef,
    CaptionLine,
    ClassifiedLine,
    ClassifiedPiece,
    DeclassifyOn,
    DeLine,
    DtgLine,
    EoLine,
    PageMarker,
    Paragraph,
    Publisher,
    Reason,
    RefLetter,
    RefLine,
    RefPiece,
    RefWord,
    Span,
    TagsContinuation,
    TagsLine,
    TextLine,
)
from ..model import ClassifiedBy as ClassifiedBlock
from ..model import Ref as RefBlock

__all__ = [
    "banner_level",
    "banner_origin",
    "banner_section",
    "banner_serial",
    "caption",
    "de_day",
    "de_serial",
    "decl_date",
    "dtg_group",
    "eo_instruction",
    "eo_order",
    "label",
    "marker",
    "page_marker_page",
    "page_marker_serial",
    "page_marker_total",
    "paragraph_marking",
    "paragraph_number",
    "piece",
    "publisher_line",
    "tag",
]


def _at(line: Span | None, before: str, token: str) -> Span | None:
    """``token`` after ``before`` on the first line of ``line``."""
    if line is None:
        return None
    column = line.column + len(before)
    return Span(line.line, column, line.line, column + max(1, len(token)))


def _digits(value: int, width: int) -> str:
    return str(value).zfill(width)


# ------------------------------------------------------------------------ publisher


def publisher_line(publisher: Publisher, offset: int, text: str) -> Span | None:
    """A value line of the publisher block, ``offset`` lines below the classification
    (1: origin, 4: title, 6: Tags), which has a span of its own."""
    line = publisher.classification.span
    if line is None:
        return publisher.span
    return Span(line.line + offset, 1, line.line + offset, 1 + max(1, len(text)))


# --------------------------------------------------------------------------- banner


def _banner_parts(banner: Banner) -> tuple[str, str, str, str]:
    """What the banner renders before its section clause, the clause, the origin, the
    serial."""
    before = banner.level_text + (banner.efto or "")
    clause = ""
    if banner.section is not None:
        section = banner.section
        lead = section.leads
        before += lead[0]
        clause = (
            f"{section.word}{lead[1]}{_digits(section.number, section.digits)}{lead[2]}"
            f"{section.of_word}{lead[3]}{_digits(section.total, section.total_digits)}"
        )
    serial = "" if banner.serial is None else _digits(banner.serial, banner.serial_digits)
    return before, clause, banner.origin or "", serial


def banner_level(banner: Banner) -> Span | None:
    return _at(banner.span, "", banner.level_text)


def banner_section(banner: Banner) -> Span | None:
    before, clause, _, _ = _banner_parts(banner)
    return _at(banner.span, before, clause) if clause else banner.span


def banner_origin(banner: Banner) -> Span | None:
    before, clause, origin, _ = _banner_parts(banner)
    return _at(banner.span, before + clause + banner.origin_lead, origin)


def banner_serial(banner: Banner) -> Span | None:
    before, clause, origin, serial = _banner_parts(banner)
    return _at(
        banner.span, before + clause + banner.origin_lead + origin + banner.serial_lead, serial
    )


# ------------------------------------------------------------------- routing header


def de_serial(line: DeLine) -> Span | None:
    before = f"DE{line.indicator.lead}{line.indicator.code}{line.serial_lead}"
    return _at(line.span, before, "#" + _digits(line.serial, line.serial_digits))


def de_day(line: DeLine) -> Span | None:
    before = (
        f"DE{line.indicator.lead}{line.indicator.code}{line.serial_lead}#"
        f"{_digits(line.serial, line.serial_digits)}"
    )
    if line.section is not None:
        before += "/" + _digits(line.section, line.section_digits)
    return _at(line.span, before + line.day_time_lead, line.day_time or "")


def dtg_group(line: DtgLine) -> Span | None:
    """``031019Z AUG 06``: the day, time, month and year."""
    second = "" if line.second_precedence is None else " " + line.second_precedence
    group = (
        f"{line.day:02d}{line.hour:02d}{line.minute:02d}Z {MONTH_NAMES[line.month - 1]} "
        f"{line.year % 100:02d}"
    )
    return _at(line.span, f"{line.precedence}{second} ", group)


# ----------------------------------------------------------------------- page marker


def _marker_serial(marker: PageMarker) -> str:
    return marker.origin + marker.serial_lead + _digits(marker.serial, marker.serial_digits)


def _marker_page(marker: PageMarker) -> str:
    subpage = "" if marker.subpage is None else f".{marker.subpage}"
    return _digits(marker.page, 3) + subpage


def page_marker_serial(marker: PageMarker) -> Span | None:
    """The post and serial: ``NAIROBI 00004428``."""
    return _at(marker.span, "", _marker_serial(marker))


def page_marker_page(marker: PageMarker) -> Span | None:
    """The page and total: ``001.2 OF 002``."""
    before = _marker_serial(marker) + marker.page_lead
    page = _marker_page(marker)
    return _at(
        marker.span, before,
        f"{page}{marker.of_lead}OF{marker.total_lead}{_digits(marker.total, 3)}",
    )


def page_marker_total(marker: PageMarker) -> Span | None:
    before = (
        _marker_serial(marker) + marker.page_lead + _marker_page(marker) + marker.of_lead + "OF"
        + marker.total_lead
    )
    return _at(marker.span, before, _digits(marker.total, 3))


# -------------------------------------------------------------------------- E.O. line


def _eo_head(line: EoLine) -> str:
    return f"{line.label}{line.order_lead}{line.order}{line.colon or ''}{line.decl_label or ''}"


def eo_order(line: EoLine) -> Span | None:
    return _at(line.span, line.label + line.order_lead, str(line.order))


def eo_instruction(line: EoLine) -> Span | None:
    """The instruction (``N/A``, ``X1, X5``) after its lead; the line when there is none."""
    text = instruction_text(line.instruction)
    if not text.strip():
        return line.span
    return _trimmed_at(line.span, _eo_head(line), text)


def decl_date(line: EoLine, instruction: DeclassifyOn) -> Span | None:
    written = date_text(instruction.date, instruction.style)
    return _at(line.span, _eo_head(line) + instruction.lead, written)


# ----------------------------------------------------------------- TAGS, REF, reasons


def tag(line: TagsLine | TagsContinuation, index: int | None) -> Span | None:
    """Entry ``index`` of a TAGS line or continuation (None: a continuation's first tag)."""
    if isinstance(line, TagsContinuation) and index is None:
        return _at(line.span, "", line.first)
    before = line.label if isinstance(line, TagsLine) else line.first
    assert index is not None
    for entry in line.entries[:index]:
        before += entry.separator + entry.tag
    entry = line.entries[index]
    return _at(line.span, before + entry.separator, entry.tag)


def piece(
    owner: RefBlock | RefLine | ClassifiedBlock | ClassifiedLine, target: CableRef | Reason
) -> Span | None:
    """A cable reference on a REF line or a reason on a Classified By line (the first line
    of a block or one continuation line), without the blanks before it."""
    if isinstance(owner, (RefBlock, ClassifiedBlock)):
        before = owner.label
    else:
        before = owner.indent if isinstance(owner, RefLine) else ""
    for item in owner.pieces:
        text = _piece_text(item)
        if item is target:
            return _trimmed_at(owner.span, before, text)
        before += text
    return owner.span


def _piece_text(item: RefPiece | ClassifiedPiece) -> str:
    if isinstance(item, (CableRef, RefWord, RefLetter)):
        return ref_piece_text(item)
    return item.text


def _trimmed_at(line: Span | None, before: str, text: str) -> Span | None:
    """``text`` after ``before``, without the blanks around it."""
    stripped = text.lstrip()
    return _at(line, before + text[: len(text) - len(stripped)], stripped.rstrip())


def label(block: ClassifiedBlock) -> Span | None:
    return _at(block.span, "", block.label)


# ---------------------------------------------------------------- paragraphs, prose


def _paragraph_head(paragraph: Paragraph) -> str:
    return f"{paragraph.prefix}{_digits(paragraph.number, paragraph.number_digits)}"


def paragraph_number(paragraph: Paragraph) -> Span | None:
    """``3.``: the number and its dot."""
    number = _digits(paragraph.number, paragraph.number_digits)
    return _at(paragraph.span, paragraph.prefix, number + paragraph.dot_gap + ".")


def paragraph_marking(paragraph: Paragraph) -> Span | None:
    """``(S//NF)``: the portion marking; the number when there is none."""
    if paragraph.marking is None:
        return paragraph_number(paragraph)
    before = _paragraph_head(paragraph) + paragraph.dot_gap + "."
    return _trimmed_at(paragraph.span, before, portion_text(paragraph.marking))


def marker(line: TextLine | Paragraph, index: int) -> Span | None:
    """Part ``index`` of a prose line or of a paragraph's first line (a SUMMARY or
    COMMENT marker), without the blanks around it."""
    before = ""
    if isinstance(line, Paragraph):
        marking = "" if line.marking is None else portion_text(line.marking)
        before = _paragraph_head(line) + line.dot_gap + "." + marking
    before += "".join(part.text for part in line.parts[:index])
    return _trimmed_at(line.span, before, line.parts[index].text)


def caption(line: CaptionLine, value: str) -> Span | None:
    """The first entry of ``value`` on a caption line."""
    before = ""
    for entry in line.entries:
        written = "E F T O" if entry.caption.value == "EFTO" and entry.spaced else (
            entry.caption.value
        )
        if entry.caption.value == value:
            return _at(line.span, before + entry.lead, written)
        before += entry.lead + written
    return line.span
