"""Parse time per MB for 10 KB, 1 MB and 10 MB inputs: is parsing linear in size?

    python benchmarks/bench_scaling.py [--runs 5] [--sizes 10e3,1e6,10e6]

Each input is the seed cable (tests/data/05PARIS3759.txt) with its numbered paragraphs
repeated until the text reaches the size, then its signature. Prints the median of
``--runs`` parses per size and the time per MB; linear growth means the s/MB column
stays within a factor of 2. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import cablemodel

SEED = Path(__file__).resolve().parent.parent / "tests" / "data" / "05PARIS3759.txt"


def grown_cable(size: int) -> str:
    """The seed with its paragraphs repeated until the text has ``size`` characters."""
    text = SEED.read_text(encoding="utf-8")
    body_start = text.index("\n1. (C)") + 1
    signature_start = text.rindex("\n\n\nWOLFF") + 1
    head, paragraphs, signature = (
        text[:body_start],
        text[body_start:signature_start],
        text[signature_start:],
    )
    copies = max(1, (size - len(head) - len(signature)) // len(paragraphs))
    return head + paragraphs * copies + signature


def median_parse_seconds(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        cablemodel.parse(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="10e3,1e6,10e6", help="comma-separated sizes in bytes")
    options = parser.parse_args(argv)
    cablemodel.parse(SEED.read_text(encoding="utf-8"))  # build the parser outside the timing
    print(f"{'input':>10} {'bytes':>11} {'median s':>9} {'s/MB':>7}")
    for size in (int(float(value)) for value in options.sizes.split(",")):
        text = grown_cable(size)
        octets = len(text.encode("utf-8"))
        seconds = median_parse_seconds(text, options.runs)
        print(f"{_label(size):>10} {octets:>11,} {seconds:>9.3f} {seconds / octets * 1e6:>7.2f}")
    return 0


def _label(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1e6 else f"{size / 1e3:g} KB"


if __name__ == "__main__":
    sys.exit(main())
