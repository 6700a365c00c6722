"""How much validate() adds to parse() over a folder of cables.

Usage: python benchmarks/validate_vs_parse.py CABLE_FOLDER [--repeat N]

Parses every cable, then validates every parsed cable, and prints both total times and
their ratio (the goal is at most 25 %). The best of N rounds is reported for each.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import cablemodel
from cablemodel.model import Cable
from cablemodel.rules import validate


def _parse_all(texts: list[str]) -> tuple[float, list[Cable]]:
    start = time.perf_counter()
    cables = [cablemodel.parse(text) for text in texts]
    return time.perf_counter() - start, cables


def _validate_all(cables: list[Cable]) -> float:
    start = time.perf_counter()
    for cable in cables:
        validate(cable)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    texts = [path.read_text(encoding="utf-8") for path in sorted(args.folder.glob("*.txt"))]
    validate(cablemodel.parse(texts[0]))  # load rule modules and vocabularies first
    parse_times, validate_times = [], []
    for _ in range(args.repeat):
        parse_time, cables = _parse_all(texts)
        parse_times.append(parse_time)
        validate_times.append(_validate_all(cables))
    parse_best, validate_best = min(parse_times), min(validate_times)
    print(f"cables:   {len(texts)}")
    print(f"parse:    {parse_best:.2f} s ({parse_best / len(texts) * 1000:.2f} ms per cable)")
    print(f"validate: {validate_best:.2f} s ({validate_best / len(texts) * 1000:.2f} ms per cable)")
    print(f"validate / parse: {validate_best / parse_best:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
