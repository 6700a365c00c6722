"""The lossless breaks the facts work found on real text: each reads back exactly."""

from __future__ import annotations

import pytest

import cablemodel
from cablemodel.model import Boundary, EoLine, Marker

from .snippets import changed

EO = "E.O. 12958: DECL: 05/31/2015"


@pytest.mark.parametrize(
    ("line", "order", "digits"),
    [("EO0295: DECL: 05/31/2015", 295, 4), ("E.O. 01295: DECL: 05/31/2015", 1295, 5)],
)
def test_an_order_with_a_leading_zero(line: str, order: int, digits: int) -> None:
    eo = changed("05PARIS3759", EO, line).eo
    assert isinstance(eo, EoLine)
    assert (eo.order, eo.order_digits) == (order, digits)


def test_a_date_with_two_separators() -> None:
    eo = changed("05PARIS3759", EO, "E.O. 12958: DECL: 05/31-2015").eo
    assert isinstance(eo, EoLine)
    style = eo.instruction.style  # type: ignore[union-attr]
    assert (style.separator, style.second_separator) == ("/", "-")


def test_a_marker_and_a_blank_at_a_paragraph_line_end() -> None:
    # 06TOKYO3567: "... End Summary " with a blank after the marker
    cable = changed("09BRASILIA1401", "End Summary.\n", "End Summary \n")
    (paragraph, *_) = cable.paragraphs
    assert [(m.text, m.boundary) for m in paragraph.markers] == [
        ("Summary", Boundary.BEGIN), ("End Summary", Boundary.END),
    ]
    assert isinstance(paragraph.markers[-1], Marker)
    assert cablemodel.render(cable).count("End Summary \n") == 1
