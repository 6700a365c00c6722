"""Peak memory of one parse, for hostile and real inputs of 1 to 10 MB (a fresh process each).

    python benchmarks/bench_memory.py [--sizes 1e6,10e6] [--shapes newlines,section,...]

Each row runs a new Python process that builds the input, parses it once and reports its
resident-set high-water mark (``ru_maxrss``): the text, the parser and the model at
their largest. The budget is 100 MB + 30 x N MB for an input of N MB; ``start`` is the
high-water mark after the imports and a first small parse, before the input is built.

Shapes: ``newlines`` (a text of line ends), ``section`` and ``end`` (one line of
``SECTION 01 OF `` or ``END `` repeated: dense in the letters where a marker may start),
``lines`` (lines of one letter), ``cable`` (the seed's paragraphs repeated).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "data" / "05PARIS3759.txt"

SHAPES = ("newlines", "section", "end", "lines", "cable")

# The child: build the input of one shape, parse it, report the high-water marks (kB).
_CHILD = r"""
import json, resource, sys
from pathlib import Path
import cablemodel

shape, size, seed = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
seed_text = seed.read_text(encoding="utf-8")
cablemodel.parse(seed_text)
head = seed_text[: seed_text.index("\n1. (C)") + 1]
publisher = seed_text[: seed_text.index("\n\n", seed_text.index("Tags:")) + 1]
start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
if shape == "newlines":
    text = publisher + "\n" * (size - len(publisher))
elif shape == "section":
    text = publisher + "SECTION 01 OF " * (size // 14) + "\n"
elif shape == "end":
    text = publisher + "END " * (size // 4) + "\n"
elif shape == "lines":
    text = publisher + "a\n" * (size // 2)
else:
    body = seed_text[len(head) : seed_text.rindex("\n\n\nWOLFF") + 1]
    text = head + body * max(1, (size - len(head)) // len(body)) + "\n\n\nWOLFF"
try:
    cablemodel.parse(text)
    outcome = "Cable"
except cablemodel.CableSyntaxError:
    outcome = "CableSyntaxError"
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"start": start, "peak": peak, "bytes": len(text.encode()), "outcome": outcome}))
"""


def measure(shape: str, size: int) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, shape, str(size), str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(completed.stdout)
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1e6,10e6", help="comma-separated sizes in bytes")
    parser.add_argument("--shapes", default=",".join(SHAPES))
    options = parser.parse_args(argv)
    print(f"{'shape':>9} {'MB':>6} {'start MB':>9} {'peak MB':>8} {'budget MB':>10}  outcome")
    for shape in options.shapes.split(","):
        for size in (int(float(value)) for value in options.sizes.split(",")):
            result = measure(shape, size)
            megabytes = int(str(result["bytes"])) / 1e6
            start = int(str(result["start"])) / 1024
            peak = int(str(result["peak"])) / 1024
            budget = 100 + 30 * megabytes
            print(
                f"{shape:>9} {megabytes:>6.1f} {start:>9.0f} {peak:>8.0f} {budget:>10.0f}  "
                f"{result['outcome']}{'' if peak <= budget else '  OVER'}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
