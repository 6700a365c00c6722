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
    "RULES",
    "UNPARSEABLE",
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
class Rule:
    """A rule: stable code and kebab-case name, default severity, one-line summary."""

    code: str
    name: str
    severity: Severity
    summary: str
    check: Check

    def run(self, cable: Cable) -> Iterator[Finding]:
        for problem in self.check(cable):
            span = problem.span or Span(1, 1, 1, 1)
            yield Finding(
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


def _no_problems(cable: Cable) -> Iterable[Problem]:
    return ()


#: CM001: the one finding that is not about a parsed cable. The batch API and the
#: command line report it where the parser stops; it is never run on a Cable.
UNPARSEABLE = Rule(
    "CM001",
    "unparseable-cable",
    Severity.ERROR,
    "The text does not parse as a cable (line and column of the first error).",
    _no_problems,
)


def catalogue() -> list[Rule]:
    """CM001 and every registered rule, sorted by code."""
    return sorted((UNPARSEABLE, *RULES.values()), key=lambda registered: registered.code)


def rule(code: str, name: str, severity: Severity, summary: str) -> Callable[[Check], Check]:
    """Register ``check`` as a rule under ``code``."""

    def register(check: Check) -> Check:
        if code in RULES:
            raise ValueError(f"rule code {code} is registered twice")
        RULES[code] = Rule(code, name, severity, summary, check)
        return check

    return register


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
