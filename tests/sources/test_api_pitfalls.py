"""read_html takes what parse takes: text, or bytes read as UTF-8."""

from __future__ import annotations

import pytest

import cablemodel
from cablemodel.sources import CablePageError
from tests.helpers import DATA, read_text

HTML = DATA / "html"


def test_read_html_takes_bytes_as_parse_does() -> None:
    page = (HTML / "09BERN351.html").read_bytes()

    assert cablemodel.read_html(page) == cablemodel.read_html(page.decode("utf-8"))
    assert cablemodel.render(cablemodel.read_html(page)) == read_text(HTML / "09BERN351.txt")


def test_read_html_names_the_first_byte_that_is_not_utf8() -> None:
    page = (HTML / "09BERN351.html").read_bytes()
    broken = page[:100] + b"\xff" + page[100:]

    with pytest.raises(CablePageError) as raised:
        cablemodel.read_html(broken)
    assert str(raised.value) == "the page is not UTF-8 (invalid start byte at byte 100)"
