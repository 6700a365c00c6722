"""Inputs that once blew up the parser's memory, and a fresh process that measures one
parse of them (its resident-set high-water mark). Used by tests/parser/test_memory.py
and benchmarks/bench_memory.py.

Shapes: ``newlines`` (a text of line ends), ``section`` and ``end`` (one line of
``SECTION 01 OF `` or ``END `` repeated: dense in the letters where a marker may start),
``lines`` (lines of one letter), ``cable`` (the seed's paragraphs repeated).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

SEED = Path(__file__).resolve().parent / "data" / "05PARIS3759.txt"

SHAPES = ("newlines", "section", "end", "lines", "cable")
#: The budget for an input of N MB is BASE_MB + PER_MB x N MB (issue #13).
BASE_MB = 100
PER_MB = 30
#: What the model keeps for each line, beyond the budget, in shapes of short lines: one
#: part and its span per line (BlankLine or TextLine, Span, the line numbers as ints).
PER_LINE_BYTES = 300


def budget_mb(megabytes: float, lines: int = 0) -> float:
    """The peak allowed for an input of ``megabytes`` MB; ``lines`` for the shapes whose
    lines are shorter than the model's part for each of them."""
    return BASE_MB + PER_MB * megabytes + PER_LINE_BYTES * lines / 1e6


# The child: build the input of one shape, parse it, report the high-water marks (kB).
_CHILD = r"""
import json, resource, sys
from pathlib import Path
import cablemodel

def high_water():
    # this process's own peak: ru_maxrss starts from the parent's after fork and exec
    try:
        with open("/proc/self/status") as status:
            return next(int(l.split()[1]) for l in status if l.startswith("VmHWM:"))
    except OSError:
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

shape, size, seed = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3])
seed_text = seed.read_text(encoding="utf-8")
cablemodel.parse(seed_text)
head = seed_text[: seed_text.index("\n1. (C)") + 1]
publisher = seed_text[: seed_text.index("\n\n", seed_text.index("Tags:")) + 1]
start = high_water()
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
peak = high_water()
size = len(text.encode())
print(json.dumps([start, peak, size, text.count("\n"), outcome]))
"""


class Peak(NamedTuple):
    """One parse in a fresh process: high-water marks in MB, the input's size and lines."""

    start_mb: float  # after the imports and a first small parse, before the input is built
    peak_mb: float  # the text, the parser and the model at their largest
    megabytes: float
    lines: int
    outcome: str  # Cable or CableSyntaxError

    @property
    def budget_mb(self) -> float:
        return budget_mb(self.megabytes)


def measure(shape: str, size: int, python: str = sys.executable) -> Peak:
    """Parse the input of ``shape`` of about ``size`` bytes once, in a new process of
    ``python`` (another installation of cablemodel may be measured the same way)."""
    completed = subprocess.run(
        [python, "-c", _CHILD, shape, str(size), str(SEED)],
        capture_output=True,
        text=True,
        check=True,
    )
    start, peak, size_bytes, lines, outcome = json.loads(completed.stdout)
    return Peak(start / 1024, peak / 1024, size_bytes / 1e6, lines, outcome)
