"""The rules over the corpus named by CABLEMODEL_CORPUS (skipped when unset): no rule raises,
every finding points into the cable, and errors occur only where they were checked by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablemodel
from cablemodel import Severity, validate

pytestmark = pytest.mark.corpus

# Cables on which a rule reports an error, each checked by hand (docs/rules.md).
CHECKED_ERRORS = {
    "05LIMA3609": {"CM404"},  # publisher UNCLASSIFIED, paragraphs marked (C)
    "06PARTO9": {"CM301"},  # DECL 02/23/2006 is the meeting date, before the cable's date
    "07NAIROBI4427": {"CM105"},  # DE line #4427, banner and markers 004428
    "09DAMASCUS179": {"CM404"},  # one (S) paragraph under a CONFIDENTIAL banner
    "09TRIPOLI139": {"CM404"},  # UNCLAS banner, every paragraph (C)
    "09VILNIUS84": {"CM404"},  # (S) and (S//NF) paragraphs under a CONFIDENTIAL banner
}


def test_rules_never_raise_and_point_into_the_cable(corpus: Path) -> None:
    errors: dict[str, set[str]] = {}
    for path in sorted(corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        cable = cablemodel.parse(text)
        lines = text.count("\n") + 1
        for finding in validate(cable):
            assert 1 <= finding.line <= finding.end_line <= lines, (path.name, finding)
            assert finding.path.startswith("$"), (path.name, finding)
            if finding.severity is Severity.ERROR:
                errors.setdefault(path.stem, set()).add(finding.code)
    assert errors == CHECKED_ERRORS
