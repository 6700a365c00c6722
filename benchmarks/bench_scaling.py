"""Parse time per MB from 10 KB to 10 MB: is parsing linear in size?

    python benchmarks/bench_scaling.py [--runs 5] [--sizes 10e3,1e5,1e6,1e7]

Each input is the seed cable (tests/data/05PARIS3759.txt) with its numbered paragraphs
repeated until the text reaches the size, then its signature. For each size the table
gives the median of ``--runs`` parses and the time per MB, for Lark's own parser (as
before the engine), for the engine with the cyclic collector left on, and for the
engine as parse() runs it (the collector paused for the parse); the sizes and the ways
take turns, so that a slower minute of the machine falls on all of them. Linear growth
means a column of s/MB stays flat. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from cablemodel import _parser

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


def _engine_collector_on(text: str) -> object:
    machine = _parser.shared_engine()
    assert machine is not None
    return machine.parse(text if text.endswith("\n") else text + "\n")


WAYS: dict[str, Callable[[str], object]] = {
    "Lark's parser": lambda text: _parser.parse_text(text, engine="lark"),
    "engine, GC on": _engine_collector_on,
    "engine (parse)": lambda text: _parser.parse_text(text, engine="tables"),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--sizes", default="10e3,1e5,1e6,1e7", help="comma-separated sizes in bytes"
    )
    options = parser.parse_args(argv)
    sizes = [int(float(value)) for value in options.sizes.split(",")]
    texts = {size: grown_cable(size) for size in sizes}
    for way in WAYS.values():  # the parsers made outside the timing
        way(texts[sizes[0]])
    times: dict[tuple[int, str], list[float]] = {}
    for _ in range(options.runs):
        for size in sizes:
            for name, way in WAYS.items():
                gc.collect()
                start = time.perf_counter()
                way(texts[size])
                times.setdefault((size, name), []).append(time.perf_counter() - start)
    print("| input | bytes | " + " | ".join(f"{name}: s/MB" for name in WAYS) + " |")
    print("|---" * (2 + len(WAYS)) + "|")
    for size in sizes:
        octets = len(texts[size].encode("utf-8"))
        cells = [
            f"{statistics.median(times[size, name]) / octets * 1e6:.3f}" for name in WAYS
        ]
        print(f"| {_label(size)} | {octets:,} | " + " | ".join(cells) + " |")
    return 0


def _label(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1e6 else f"{size / 1e3:g} KB"


if __name__ == "__main__":
    sys.exit(main())
