"""Time per MB of hostile lines, for every terminal of the grammar, from 10 KB to 10 MB.

    python benchmarks/bench_terminals.py [--sizes 10e3,100e3,1e6,10e6] [--save shapes.json]
    python benchmarks/bench_terminals.py --load shapes.json      # measure saved shapes only

The shapes come from the grammar (tests/adversarial.py): for each terminal, lines made
of its own samples, prefixes and near-misses, in each parser state that tries it. For
each terminal the benchmark picks its worst shape: the one whose parse grows most from
1 KB to 4 KB among the shapes whose single try scans further on a longer line (and a
sample of the others). It then parses that shape at each size and prints seconds per
MB (CPU time, the fastest of ``--runs``; one run at 10 MB). Linear growth keeps the
columns level; a shape whose parse passes ``--budget`` seconds is not grown further.

``--regressions`` measures the lines of issue #13 (tests/adversarial.py, REGRESSIONS)
instead. ``--save`` writes the chosen shapes as JSON; ``--load`` measures saved shapes instead of
choosing, so that two versions of the parser can be measured on the same texts
(``PYTHONPATH=old/src python benchmarks/bench_terminals.py --load shapes.json``).
Several ``--load`` files are measured together.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests import adversarial
from tests.adversarial import Context, Shape

_OTHERS_PER_TERMINAL = 24  # shapes that do not scan, tried per terminal besides suspects


def worst_shapes() -> dict[str, Shape]:
    """For each terminal, the shape whose parse grows most from 1 KB to 4 KB."""
    suspects: dict[str, list[Shape]] = {}
    for shape in adversarial.suspects():
        suspects.setdefault(shape.terminal, []).append(shape)
    chosen: dict[str, Shape] = {}
    for name in adversarial.terminals():
        every = list(adversarial.shapes(name))
        step = max(1, len(every) // _OTHERS_PER_TERMINAL)
        candidates = suspects.get(name, []) + every[::step]
        best: tuple[float, Shape] | None = None
        for shape in candidates:
            growth = adversarial.growth(shape, 1000, runs=1)
            if best is None or growth > best[0]:
                best = (growth, shape)
        if best is not None:
            chosen[name] = best[1]
    return chosen


def shape_record(shape: Shape) -> dict[str, Any]:
    context = shape.context
    return {
        "terminal": shape.terminal,
        "context": context.name,
        "before": context.before,
        "head": context.head,
        "after": context.after,
        "lead": shape.lead,
        "unit": shape.unit,
        "ending": shape.ending,
    }


def shape_of(record: dict[str, Any]) -> Shape:
    context = Context(
        record["context"], record["before"], record["head"], "", record["after"], frozenset()
    )
    return Shape(record["terminal"], context, record["lead"], record["unit"], record["ending"])


def seconds_per_megabyte(shape: Shape, size: int, runs: int) -> float:
    text = adversarial.shape_text(shape, size)
    return adversarial.parse_seconds(text, runs) / len(text.encode("utf-8")) * 1e6


def _label(size: int) -> str:
    return f"{size / 1e6:g} MB" if size >= 1e6 else f"{size / 1e3:g} KB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10e3,100e3,1e6,10e6")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per parse")
    parser.add_argument("--save", type=Path)
    parser.add_argument("--load", type=Path, action="append")
    parser.add_argument("--terminals", help="comma-separated names (default: all)")
    parser.add_argument(
        "--regressions", action="store_true", help="the lines of issue #13 only (no choosing)"
    )
    options = parser.parse_args(argv)
    adversarial.parse_seconds(adversarial.PUBLISHER)  # build the parser outside the timing
    started = time.process_time()
    if options.regressions:
        shapes = [adversarial.regression_shape(*line) for line in adversarial.REGRESSIONS]
    elif options.load:
        records = [r for path in options.load for r in json.loads(path.read_text("utf-8"))]
        shapes = [shape_of(record) for record in records]
    else:
        shapes = list(worst_shapes().values())
    if options.terminals:
        wanted = set(options.terminals.split(","))
        shapes = [shape for shape in shapes if shape.terminal in wanted]
    if options.save:
        options.save.write_text(
            json.dumps([shape_record(s) for s in shapes], indent=1, ensure_ascii=False) + "\n",
            encoding="utf-8",
        )
    sizes = [int(float(value)) for value in options.sizes.split(",")]
    print(f"# shapes chosen in {time.process_time() - started:.0f} s CPU; s/MB, CPU time")
    print("| terminal | shape | " + " | ".join(_label(size) for size in sizes) + " |")
    print("|---|---|" + "---:|" * len(sizes))
    for shape in shapes:
        cells = []
        over = False
        for size in sizes:
            if over:
                cells.append("—")
                continue
            runs = 1 if size >= 5_000_000 else options.runs
            per_megabyte = seconds_per_megabyte(shape, size, runs)
            cells.append(f"{per_megabyte:.3f}")
            over = per_megabyte * size / 1e6 > options.budget
        line = shape.context.head + shape.lead
        described = f"`{line[-24:]!r} + {shape.unit!r} x N + {shape.ending!r}`"
        print(f"| {shape.terminal} | {described} | " + " | ".join(cells) + " |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
