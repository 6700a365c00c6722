"""A record line of `cablemodel parse` reads back as the same source and cable, and the
cable renders to the same text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import cablemodel
from cablemodel.check.records import record_line, records_of
from cablemodel.strategies import cable_texts

sources = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)


@given(cable_texts(), sources, st.sampled_from(["text", "html", "csv"]))
def test_a_record_reads_back(text: str, source: str, input_format: str) -> None:
    cable = cablemodel.parse(text)
    line = record_line(source, input_format, cable)

    assert "\n" not in line
    ((read_source, read_format, read_cable),) = list(records_of(line + "\n"))
    assert (read_source, read_format, read_cable) == (source, input_format, cable)
    assert cablemodel.render(read_cable) == text
