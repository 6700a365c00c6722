"""Peak memory of one parse, for hostile and real inputs of 1 to 10 MB (a fresh process each).

    python benchmarks/bench_memory.py [--sizes 1e6,10e6] [--shapes newlines,section,...]
                                      [--python OTHER/bin/python]

Each row runs a new Python process that builds the input, parses it once and reports its
resident-set high-water mark (VmHWM): the text, the parser and the model at
their largest. The budget is 100 MB + 30 x N MB for an input of N MB; ``start`` is the
high-water mark after the imports and a first small parse, before the input is built.
``--python`` measures the cablemodel installed for another interpreter (an older
version, for a before/after table). The shapes are those of tests/memory_shapes.py.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.memory_shapes import SHAPES, measure


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1e6,10e6", help="comma-separated sizes in bytes")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    parser.add_argument("--python", default=sys.executable, help="the interpreter to measure")
    options = parser.parse_args(argv)
    print(f"{'shape':>9} {'MB':>6} {'lines':>9} {'start MB':>9} {'peak MB':>8} {'budget MB':>10}"
          "  outcome")
    for shape in options.shapes.split(","):
        for size in (int(float(value)) for value in options.sizes.split(",")):
            peak = measure(shape, size, options.python)
            print(
                f"{shape:>9} {peak.megabytes:>6.1f} {peak.lines:>9,} {peak.start_mb:>9.0f} "
                f"{peak.peak_mb:>8.0f} {peak.budget_mb:>10.0f}  {peak.outcome}"
                f"{'' if peak.peak_mb <= peak.budget_mb else '  OVER'}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
