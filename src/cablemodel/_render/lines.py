"""Render loose lines: prose, blank lines, caption lines and page markers."""

from __future__ import annotations

from ..model import BlankLine, Caption, CaptionLine, LooseLine, PageMarker, TextLine, pieces_text

__all__ = ["emit_lines"]


def emit_lines(lines: tuple[LooseLine, ...], out: list[str]) -> None:
    for line in lines:
        if isinstance(line, TextLine):
            out.append(pieces_text(line.parts) + "\n")
        elif isinstance(line, BlankLine):
            out.append(line.whitespace + "\n")
        elif isinstance(line, CaptionLine):
            _emit_caption_line(line, out)
        else:
            _emit_page_marker(line, out)


def _emit_caption_line(line: CaptionLine, out: list[str]) -> None:
    for entry in line.entries:
        text = "E F T O" if entry.caption is Caption.EFTO and entry.spaced else entry.caption.value
        out.append(entry.lead + text)
    out.append(line.trailing + "\n")


def _emit_page_marker(marker: PageMarker, out: list[str]) -> None:
    out.append(marker.text + "\n")
