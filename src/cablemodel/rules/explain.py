"""A rule explained: the text ``cablemodel rules CODE`` prints, the help of SARIF rules,
and the rule's page of the documentation, all made from the rule's own data.

The text is Markdown that reads as plain text in a terminal (as ``ruff rule`` prints).
"""

from __future__ import annotations

import textwrap
from typing import Any

from . import FAMILIES, Example, Rule

__all__ = ["DOCS_URL", "explain", "explanation", "rule_url", "suppression"]

#: Paragraphs are wrapped at this width, so that the text reads well in a terminal.
WIDTH = 88

#: Where the documentation site is published; each rule has a page below it.
DOCS_URL = "https://cablemodel.github.io/cablemodel/"


def rule_url(code: str) -> str:
    return f"{DOCS_URL}rules/{code}/"


def family(code: str) -> str:
    return f"{FAMILIES.get(code[2:3], 'Other')} ({code[:3]}xx)"


def suppression(rule: Rule) -> str:
    """How to keep a cable as it is and silence the rule's findings."""
    if rule.code == "CM001":
        return (
            "CM001 cannot be ignored: a cable that does not parse was not checked at all. "
            "To accept a known-bad file, record it in a baseline: `cablemodel check "
            "--write-baseline cablemodel-baseline.json`, then check with `--baseline "
            "cablemodel-baseline.json`."
        )
    code = rule.code
    return (
        "A cable is a historical record: when it is right as published, keep it and silence "
        f"the finding. For some files: `\"legacy/*.txt\" = [\"{code}\"]` under "
        "`[tool.cablemodel.per-file-ignores]` in pyproject.toml. Everywhere: "
        f"`ignore = [\"{code}\"]` under `[tool.cablemodel]`, or `--ignore {code}` on the "
        "command line. Only the findings of today: `cablemodel check --write-baseline "
        "cablemodel-baseline.json`, then `--baseline cablemodel-baseline.json` reports only "
        "new findings."
    )


def _where(example: Example) -> str:
    if example.change is None:
        return f"{example.cable}, line {example.line}:"
    old, new = (part.strip("\n").replace("\n", " / ") for part in example.change)
    return f"{example.cable} with `{old}` changed to `{new}`, line {example.line}:"


def _example_lines(rule: Rule, example: Example) -> list[str]:
    start, end = example.columns
    # The line as it stands; no-break spaces shown as blanks keep the caret aligned.
    shown = example.text.replace("\xa0", " ")
    return [
        _wrap(_where(example)),
        "",
        f"    {shown}",
        f"    {' ' * (start - 1)}{'^' * (end - start)}",
        f"    {example.cable}:{example.line}:{start}: {rule.code} [{rule.severity.value}] "
        f"{example.message}",
    ]


def explain(rule: Rule) -> str:
    """The rule explained in Markdown: what it checks, why, an example, how to fix or
    suppress a finding."""
    lines = [
        f"# {rule.code} {rule.name}",
        "",
        f"{family(rule.code)} · default severity **{rule.severity.value}**",
        "",
        _wrap(rule.summary),
        "",
        "## What it checks",
        "",
        _wrap(rule.checks),
        "",
        "## Why",
        "",
        _wrap(rule.why),
        "",
        _wrap("Sources: " + "; ".join(rule.sources) + "."),
    ]
    if rule.example is not None:
        lines += ["", "## Example", "", *_example_lines(rule, rule.example)]
    lines += [
        "", "## How to fix", "", _wrap(rule.fix),
        "", "## How to suppress", "", _wrap(suppression(rule)),
        "", f"Documentation: {rule_url(rule.code)}",
    ]
    return "\n".join(lines) + "\n"


def _wrap(paragraph: str) -> str:
    return textwrap.fill(paragraph, WIDTH, break_long_words=False, break_on_hyphens=False)


def explanation(rule: Rule) -> dict[str, Any]:
    """The rule as JSON data: the fields of :func:`explain`."""
    example: dict[str, Any] | None = None
    if rule.example is not None:
        start, end = rule.example.columns
        example = {
            "cable": rule.example.cable,
            "line": rule.example.line,
            "column": start,
            "end_column": end,
            "text": rule.example.text,
            "message": rule.example.message,
            "change": None if rule.example.change is None else list(rule.example.change),
        }
    return {
        "code": rule.code,
        "name": rule.name,
        "family": FAMILIES.get(rule.code[2:3], "Other"),
        "severity": rule.severity.value,
        "summary": rule.summary,
        "checks": rule.checks,
        "why": rule.why,
        "sources": list(rule.sources),
        "example": example,
        "fix": rule.fix,
        "suppress": suppression(rule),
        "url": rule_url(rule.code),
    }
