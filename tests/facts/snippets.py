"""Real snippets for the facts tests: tests/data/facts/<reference id>.txt holds the
publisher block of that cable and the lines of its telegram a test needs, as written."""

from __future__ import annotations

import cablemodel
from tests.helpers import DATA, read_text

SNIPPETS = DATA / "facts"


def snippet(reference_id: str) -> cablemodel.Cable:
    """The snippet of a cable (or the whole cable where tests/data has it); it must read
    back to its text."""
    path = SNIPPETS / f"{reference_id}.txt"
    if not path.exists():
        path = DATA / f"{reference_id}.txt"
    text = read_text(path)
    cable = cablemodel.parse(text)
    assert cablemodel.render(cable) == text
    return cable


def changed(reference_id: str, old: str, new: str) -> cablemodel.Cable:
    """A cable of tests/data with a line changed, for a form the corpus lacks (the
    issue quotes it from a cable outside it); it must read back to its text."""
    text = read_text(DATA / f"{reference_id}.txt")
    assert old in text
    text = text.replace(old, new)  # every time: a partial record repeats its preamble
    cable = cablemodel.parse(text)
    assert cablemodel.render(cable) == text
    return cable
