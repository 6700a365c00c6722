"""Callbacks for paragraphs, portion markings and the signature."""

from __future__ import annotations

from ..model import (
    BlankLine,
    Paragraph,
    Portion,
    PortionCaveat,
    PortionLevel,
    Prose,
    Signature,
    Span,
    TextLine,
)
from .lines import LINE_ENDS, cut_lines, loose_lines
from .tokens import TOKEN_TYPES, Child, end_of, line_span, span_of, split_lead, tokens_of


class BodyCallbacks:
    """Callbacks for paragraphs, portion markings and the signature."""

    def paragraph(self, children: list[Child]) -> Paragraph:
        """paragraph: PARAGRAPH_NUMBER portion? (TEXT | MARK_BEGIN | MARK_END)* BLANK?
        (TEXT_LINE | NL) _paragraph_tail"""
        number_token = children[0]
        marking = children[1] if isinstance(children[1], Portion) else None
        first = 2 if marking is not None else 1
        end = next(
            i
            for i in range(first, len(children))
            if type(children[i]) in TOKEN_TYPES and children[i].type in LINE_ENDS
        )
        (head,) = cut_lines(children[first : end + 1]) or (None,)
        parts = (
            head.parts
            if isinstance(head, TextLine)
            else (
                (Prose(head.whitespace),) if isinstance(head, BlankLine) and head.whitespace else ()
            )
        )
        text = str(number_token)
        prefix_end = next(i for i, ch in enumerate(text) if ch.isdigit())
        digits_end = prefix_end
        while digits_end < len(text) and text[digits_end].isdigit():
            digits_end += 1
        number = text[prefix_end:digits_end]
        return Paragraph(
            number=int(number),
            marking=marking,
            parts=parts,
            number_digits=len(number),
            prefix=text[:prefix_end],
            dot_gap=text[digits_end:-1],
            tail=cut_lines(children[end + 1 :]),
            span=line_span(number_token, children[end])
            if head is None
            else Span(number_token.line or 0, number_token.column or 0, *end_of(head)),
        )

    def portion(self, children: list[Child]) -> Portion:
        """portion: PORTION_OPEN PORTION_LEVEL (PORTION_SEP PORTION_CAVEAT)* PORTION_CLOSE"""
        lead = str(children[0])[:-1]
        inner_left, level = split_lead(str(children[1]))
        separators = tuple(str(t) for t in children if t.type == "PORTION_SEP")
        caveats = tuple(PortionCaveat(str(t)) for t in children if t.type == "PORTION_CAVEAT")
        inner_right = str(children[-1])[:-1]
        return Portion(PortionLevel(level), caveats, separators, lead, inner_left, inner_right)

    def signature(self, children: list[Child]) -> Signature:
        """signature: SIGNATURE SIGNATURE_TRAIL? NL _paragraph_tail"""
        name = children[0]
        trailing = next((str(t) for t in tokens_of(children) if t.type == "SIGNATURE_TRAIL"), "")
        return Signature(str(name), trailing, tail=loose_lines(children), span=span_of(name, name))
