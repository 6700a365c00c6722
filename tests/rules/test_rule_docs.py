"""Every rule documents what it checks, why, how to fix a finding, and an example from a
real cable; each example is what the rule reports on that cable."""

from __future__ import annotations

from pathlib import Path

import pytest

import cablemodel
from cablemodel import RULES, validate
from cablemodel.rules import UNPARSEABLE, Example
from tests.helpers import DATA, ROOT, read_text

IN_DATA = sorted(code for code, rule in RULES.items()
                 if rule.example and (DATA / f"{rule.example.cable}.txt").exists())
IN_CORPUS = sorted(set(RULES) - set(IN_DATA))


def check_example(code: str, example: Example, text: str) -> None:
    if example.change is not None:
        old, new = example.change
        assert old in text, old
        text = text.replace(old, new, 1)
    line = text.split("\n")[example.line - 1]
    findings = [f for f in validate(cablemodel.parse(text))
                if f.code == code and f.line == example.line]

    assert line == example.text
    assert [(f.message, f.column, f.end_column) for f in findings] == [
        (example.message, *example.columns)
    ]
    assert line[example.columns[0] - 1 : example.columns[1] - 1] == example.token


def test_every_rule_is_documented() -> None:
    for code, rule in [*RULES.items(), ("CM001", UNPARSEABLE)]:
        assert rule.example is not None, code
        for text in (rule.checks, rule.why, rule.fix, *rule.sources):
            assert text, code
            assert text == " ".join(text.split()), (code, text)
        assert rule.checks.endswith("."), code
        assert rule.fix.endswith("."), code


def test_most_examples_are_cables_unchanged() -> None:
    changed = sorted(code for code, rule in RULES.items() if rule.example and rule.example.change)
    # The rules that no cable known to the project breaks show the reference cable (or
    # 06ANKARA4456) with one edit.
    assert changed == ["CM102", "CM103", "CM104", "CM201", "CM202", "CM203", "CM304",
                       "CM410", "CM412", "CM508"]


def test_the_unparseable_example() -> None:
    from cablemodel.batch import check_text

    example = UNPARSEABLE.example
    assert example is not None
    assert example.change is not None
    text = read_text(DATA / f"{example.cable}.txt").replace(*example.change, 1)
    (finding,) = check_text("x.txt", text).findings
    line = text.split("\n")[finding.line - 1]

    assert (finding.code, finding.line, finding.message) == ("CM001", 6, example.message)
    assert (finding.column, finding.end_column) == example.columns
    assert (line, line[finding.column - 1 : finding.end_column - 1]) == (
        example.text, example.token
    )


@pytest.mark.parametrize("code", IN_DATA)
def test_example(code: str) -> None:
    example = RULES[code].example
    assert example is not None
    check_example(code, example, read_text(DATA / f"{example.cable}.txt"))


@pytest.mark.corpus
@pytest.mark.parametrize("code", IN_CORPUS)
def test_example_from_the_corpus(code: str, corpus: Path) -> None:
    example = RULES[code].example
    assert example is not None
    check_example(code, example, read_text(corpus / f"{example.cable}.txt"))


def test_rule_pages_are_those_of_the_registry() -> None:
    import subprocess
    import sys

    tool = ROOT / "tools" / "generate_rule_docs.py"
    checked = subprocess.run(
        [sys.executable, str(tool), "--check"], capture_output=True, text=True, check=False
    )
    assert (checked.returncode, checked.stdout) == (0, "44 rule pages are up to date\n")
