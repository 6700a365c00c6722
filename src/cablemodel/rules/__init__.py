"""Consistency rules: each a small function in a registry, with a stable code.

``validate(cable)`` runs every rule and returns the findings, sorted by position.
A rule never raises for a parsed cable.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

from attrs import frozen

from ..model import Cable, Span

__all__ = [
    "FAMILIES",
    "RULES",
    "UNPARSEABLE",
    "Example",
    "Finding",
    "Problem",
    "Rule",
    "Severity",
    "catalogue",
    "rule",
    "validate",
]


class Severity(enum.Enum):
    """error: impossible or self-contradictory; warning: breaks a rule but happens in
    real cables; info: worth knowing."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@frozen
class Finding:
    """One finding of one rule on one cable.

    Lines and columns are 1-based; the end is exclusive. ``path`` is the model path of
    the part concerned, e.g. ``$.blocks[12].marking``.
    """

    code: str
    name: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    path: str


class Problem(NamedTuple):
    """What a rule's check yields: the message, where, and the model path."""

    message: str
    span: Span | None
    path: str


Check = Callable[[Cable], Iterable[Problem]]


@frozen
class Example:
    """A finding of a rule on a real cable, as ``cablemodel rules CODE`` shows it.

    ``text`` is line ``line`` of the cable, ``token`` the part of it the finding
    underlines (its first occurrence on the line, or the one at ``column``), ``message``
    the finding's message. ``change`` is ``(old, new)`` when the example is a real cable
    with one edit (the first ``old`` replaced by ``new``), for rules that no cable known
    to the project breaks.
    """

    cable: str
    line: int
    text: str
    token: str
    message: str
    change: tuple[str, str] | None = None
    column: int | None = None

    @property
    def columns(self) -> tuple[int, int]:
        """1-based start and exclusive end of the token on the line."""
        start = self.column if self.column is not None else self.text.index(self.token) + 1
        return start, start + len(self.token)


@frozen
class Rule:
    """A rule: stable code and kebab-case name, default severity, one-line summary, and
    its documentation: what it checks, why (the order, handbook or format rule it stands
    on, named in ``sources``), how to fix a finding, and an example."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check
    checks: str = ""
    why: str = ""
    sources: tuple[str, ...] = ()
    fix: str = ""
    example: Example | None = None

    def run(self, cable: Cable) -> Iterator[Finding]:
        for problem in self.check(cable):
            yield self.finding(problem)

    def finding(self, problem: Problem) -> Finding:
        """The finding of this rule for ``problem`` (without a span: line 1, column 1)."""
        span = problem.span or Span(1, 1, 1, 1)
        return Finding(
            code=self.code,
            name=self.name,
            severity=self.severity,
            message=problem.message,
            line=span.line,
            column=span.column,
            end_line=span.end_line,
            end_column=span.end_column,
            path=problem.path,
        )


RULES: dict[str, Rule] = {}

#: The families of rules, by the hundreds digit of the code.
FAMILIES = {
    "0": "Reading",
    "1": "Identity",
    "2": "Sections",
    "3": "Declassification",
    "4": "Markings",
    "5": "Content",
}


def _no_check(cable: Cable) -> Iterator[Problem]:
    return iter(())


#: CM001 is reported where a text does not parse (the batch API and the command line), so
#: ``validate()``, which takes a parsed cable, never runs it.
UNPARSEABLE = Rule(
    "CM001", "unparseable-cable", Severity.ERROR,
    "The text does not parse as a cable (line and column of the first error).",
    _no_check,
    checks="The text parses as a cable: the publisher block, then the telegram. The finding "
    "stands at the line and column where parsing stopped; a file that is not UTF-8 stops "
    "at its first bad byte.",
    why="A text that does not parse was not checked at all: no other rule can run on it.",
    sources=("docs/format.md: the grammar",),
    fix="Repair the text at the position named (the message says what the grammar expected "
    "there), or convert the file to UTF-8.",
    example=Example("05PARIS3759", 6, "2005-05-31 15:15:0x", ":",
                    "unexpected ':0x': expected line end",
                    change=("2005-05-31 15:15:00", "2005-05-31 15:15:0x"), column=17),
)


def catalogue() -> list[Rule]:
    """CM001 and every registered rule, sorted by code."""
    return sorted([UNPARSEABLE, *RULES.values()], key=lambda item: item.code)


def rule(
    code: str, name: str, severity: Severity, summary: str, *, checks: str, why: str,
    sources: tuple[str, ...], fix: str, example: Example,
) -> Callable[[Check], Check]:
    """Register ``check`` as a rule under ``code``, with its documentation."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        RULES[code] = Rule(code, name, severity, summary, check, _text(checks), _text(why),
                           sources, _text(fix), example)
        return check

    return register


def _text(paragraph: str) -> str:
    """A paragraph written across source lines, as one line."""
    return " ".join(paragraph.split())


def validate(cable: Cable) -> tuple[Finding, ...]:
    """Run every registered rule over ``cable``; findings sorted by position, then code.

    Findings of one rule with the same message and span are one finding (the first
    model path is kept): a reader could not tell them apart.
    """
    findings: dict[tuple[object, ...], Finding] = {}
    for registered in RULES.values():
        for finding in registered.run(cable):
            key = (finding.code, finding.message, finding.line, finding.column,
                   finding.end_line, finding.end_column)
            findings.setdefault(key, finding)
    return tuple(sorted(findings.values(), key=lambda f: (f.line, f.column, f.code)))


# Register every rule on import, so that RULES is complete before the first validate().
from . import _families as _registered  # noqa: E402, F401
