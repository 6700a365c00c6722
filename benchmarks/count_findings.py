"""Count the findings of every rule over a folder of cables and print a Markdown table.

Usage: python benchmarks/count_findings.py CABLE_FOLDER [--show CODE] [--limit N]

``--show CODE`` also lists the findings of one rule (reference id, line, message), which is
how the errors on real cables are checked by hand.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import cablemodel
from cablemodel.rules import RULES, Finding, validate

Listed = dict[str, list[tuple[str, Finding]]]


def count(folder: Path) -> tuple[int, int, Counter[str], Counter[str], Listed]:
    """Cables read, cables that failed to parse, findings per rule, cables per rule, findings."""
    findings: Counter[str] = Counter()
    cables_hit: Counter[str] = Counter()
    listed: Listed = {}
    read = unparsed = 0
    for path in sorted(folder.glob("*.txt")):
        read += 1
        try:
            cable = cablemodel.parse_file(path)
        except cablemodel.CableSyntaxError:
            unparsed += 1
            continue
        result = validate(cable)
        findings.update(finding.code for finding in result)
        cables_hit.update({finding.code for finding in result})
        for finding in result:
            listed.setdefault(finding.code, []).append((path.stem, finding))
    return read, unparsed, findings, cables_hit, listed


def table(read: int, findings: Counter[str], cables_hit: Counter[str]) -> str:
    lines = [
        f"Over {read} cables:",
        "",
        "| code | name | severity | findings | cables |",
        "|---|---|---|---:|---:|",
    ]
    for code in sorted(RULES):
        registered = RULES[code]
        lines.append(
            f"| {code} | {registered.name} | {registered.severity.value} | {findings[code]} "
            f"| {cables_hit[code]} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--show", metavar="CODE", help="list the findings of this rule")
    parser.add_argument("--limit", type=int, default=20)
    args = parser.parse_args(argv)
    read, unparsed, findings, cables_hit, listed = count(args.folder)
    print(table(read, findings, cables_hit))
    if unparsed:
        print(f"\n{unparsed} cables did not parse.")
    if args.show:
        for stem, finding in listed.get(args.show, [])[: args.limit]:
            print(f"{stem}:{finding.line}:{finding.column} {finding.path} {finding.message}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
