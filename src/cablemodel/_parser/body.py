"""Callbacks for paragraphs, portion markings and the signature."""

from __future__ import annotations

from ..model import (
    BlankLine,
    Cosigner,
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
from .tokens import (
    TOKEN_TYPES,
    Child,
    Joined,
    end_of,
    first_nl,
    line_span,
    span_of,
    split_lead,
    tokens_of,
)


class BodyCallbacks:
    """Callbacks for paragraphs, portion markings and the signature."""

    def paragraph(self, children: list[Child]) -> Paragraph | Joined:
        """paragraph: PARAGRAPH_NUMBER portion? (TEXT | MARK_BEGIN | MARK_END |
        MARK_END_SUMMARY | MARK_END_COMMENT)* BLANK? (TEXT_LINE | NL) _paragraph_tail
        | PARAGRAPH_NUMBER portion? paragraph_classified_by"""
        number_token = children[0]
        marking = children[1] if isinstance(children[1], Portion) else None
        first = 2 if marking is not None else 1
        if isinstance(children[-1], Joined):  # 1. (U) CLASSIFIED BY …: number and marking
            number, number_digits, prefix, dot_gap = _number(str(number_token))
            paragraph = Paragraph(
                number,
                marking,
                number_digits=number_digits,
                prefix=prefix,
                dot_gap=dot_gap,
                span=span_of(number_token, number_token),
            )
            return Joined((paragraph, *children[-1].blocks))
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
        number, number_digits, prefix, dot_gap = _number(str(number_token))
        return Paragraph(
            number=number,
            marking=marking,
            parts=parts,
            number_digits=number_digits,
            prefix=prefix,
            dot_gap=dot_gap,
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
        """signature: SIGNATURE COSIGNER* SIGNATURE_TRAIL? NL _paragraph_tail"""
        name = children[0]
        line = tokens_of(children[: children.index(first_nl(children))])
        trailing = next((str(t) for t in line if t.type == "SIGNATURE_TRAIL"), "")
        others = []
        last = name
        for token in line:
            if token.type == "COSIGNER":  # "/BRYS" or " PAAL": separator, then the name
                cosigner = str(token).lstrip(" /")
                others.append(Cosigner(cosigner, str(token)[: len(token) - len(cosigner)]))
                last = token
        return Signature(
            str(name),
            trailing,
            tail=loose_lines(children),
            others=tuple(others),
            span=span_of(name, last),
        )


def _number(text: str) -> tuple[int, int, str, str]:
    """A PARAGRAPH_NUMBER token: the number, its digits, the prefix (¶, blanks) and the
    blanks before its dot."""
    prefix_end = next(i for i, ch in enumerate(text) if ch.isdigit())
    digits_end = prefix_end
    while digits_end < len(text) and text[digits_end].isdigit():
        digits_end += 1
    return (
        int(text[prefix_end:digits_end]),
        digits_end - prefix_end,
        text[:prefix_end],
        (text[digits_end:-1]),
    )
