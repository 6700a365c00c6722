"""Paragraph.text: the words of the paragraph's lines, one blank between them."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cablemodel.model import BlankLine, Paragraph, Prose, TextLine

# prose with the blanks cables hold: spaces, tabs, no-break spaces, form feeds
_LINES = st.lists(st.text(alphabet=st.sampled_from("ab .\t\xa0\x0c,"), max_size=12), max_size=6)


@given(first=st.text(alphabet=st.sampled_from("ab \xa0"), max_size=12), lines=_LINES)
def test_text_is_the_words_of_each_line_joined_by_one_blank(first: str, lines: list[str]) -> None:
    tail = tuple(TextLine((Prose(line),)) if line else BlankLine() for line in lines)
    paragraph = Paragraph(1, parts=(Prose(first),), tail=tail)

    each_line = [first, *lines]
    expected = " ".join(" ".join(line.split()) for line in each_line if line.strip())
    assert paragraph.text == expected
