"""What the checks of render and from_json cost, and that parse pays nothing for them.

    python benchmarks/bench_checks.py [FOLDER] [--rounds 7] [--against OLD_SOURCE_ROOT]

FOLDER defaults to $CABLEMODEL_CORPUS (else tests/data). In one process, round after
round (so that a slower minute of the machine falls on every case alike), over all the
folder's cables, the CPU time of:

* parse as shipped, and parse with the record of cables known to read back turned off
  (the only work the checks add to parse);
* render of parsed cables (known to read back: no check) and the unchecked renderer;
* render of the same cables rebuilt by attrs.evolve (checked: the model's checks, the
  text parsed back and compared);
* from_json as shipped, and with its checks turned off.

The table gives the median seconds and the ratio of each case to its pair. With
``--against ROOT`` the parse of the folder is also timed in fresh processes running
the source tree at ROOT/src, alternating with this tree's, and the medians compared.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

import attrs

import cablemodel
from cablemodel import _parser, _render, _roundtrip, serialize
from cablemodel.model import Cable

ROOT = Path(__file__).resolve().parent.parent


def _timed(function: Callable[[], object]) -> float:
    started = time.process_time()
    function()
    return time.process_time() - started


def _parse_all(texts: list[str]) -> None:
    for text in texts:
        cablemodel.parse(text)


_CHILD = """
import sys, time
from pathlib import Path
import cablemodel
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for text in texts[:20]:
    cablemodel.parse(text)
started = time.process_time()
for text in texts:
    cablemodel.parse(text)
print(time.process_time() - started)
"""


def _parse_in_process(folder: Path, source: Path | None) -> float:
    env = dict(os.environ)
    if source is not None:
        env["PYTHONPATH"] = str(source)
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, str(folder)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return float(done.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("CABLEMODEL_CORPUS") or str(ROOT / "tests" / "data")
    parser.add_argument("folder", nargs="?", type=Path, default=Path(default))
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--against", type=Path, help="root of another source tree")
    options = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted(options.folder.glob("*.txt"))]
    cables = [cablemodel.parse(text) for text in texts]
    documents = [cablemodel.to_json(cable) for cable in cables]
    megabytes = sum(len(text.encode("utf-8")) for text in texts) / 1e6

    def rebuilt() -> list[Cable]:  # new objects: not known to read back
        return [attrs.evolve(cable) for cable in cables]

    def render_checked() -> None:
        for cable in rebuilt_now:
            cablemodel.render(cable)

    cases: dict[str, Callable[[], object]] = {
        "parse": lambda: _parse_all(texts),
        "parse, no record": lambda: _no_record(texts),
        "render (parsed)": lambda: [cablemodel.render(cable) for cable in cables],
        "render, unchecked": lambda: [_render.render(cable) for cable in cables],
        "render (rebuilt)": render_checked,
        "from_json": lambda: [serialize.from_json(document) for document in documents],
        "from_json, unchecked": lambda: _from_json_unchecked(documents),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(options.rounds):
        for name, case in cases.items():
            rebuilt_now = rebuilt()
            times[name].append(_timed(case))
    medians = {name: statistics.median(values) for name, values in times.items()}
    print(f"{len(texts)} cables, {megabytes:.2f} MB, median of {options.rounds} rounds, CPU s")
    pairs = [
        ("parse", "parse, no record"),
        ("render (parsed)", "render, unchecked"),
        ("render (rebuilt)", "render, unchecked"),
        ("from_json", "from_json, unchecked"),
    ]
    print("| case | median s | MB/s | against | ratio |\n|---|---:|---:|---|---:|")
    for name, other in pairs:
        ratio = medians[name] / medians[other]
        print(
            f"| {name} | {medians[name]:.3f} | {megabytes / medians[name]:.2f} | {other} "
            f"({medians[other]:.3f} s) | {ratio:.3f} |"
        )
    if options.against is not None:
        ours: list[float] = []
        theirs: list[float] = []
        for _ in range(options.rounds):
            ours.append(_parse_in_process(options.folder, ROOT / "src"))
            theirs.append(_parse_in_process(options.folder, options.against / "src"))
        mine, old = statistics.median(ours), statistics.median(theirs)
        print(
            f"\nparse in fresh processes, median of {options.rounds} alternating: this tree "
            f"{mine:.3f} s, {options.against} {old:.3f} s, ratio {mine / old:.3f}"
        )
    return 0


def _no_record(texts: list[str]) -> None:
    with mock.patch.object(_parser, "mark_readable", _record_nothing):
        _parse_all(texts)


def _record_nothing(cable: Cable) -> None:
    """Instead of the record of cables known to read back (a plain function: a mock
    would cost more to call than the record)."""


def _no_problems(cable: Cable, *, types: bool = True) -> list[object]:
    return []


def _from_json_unchecked(documents: list[str]) -> None:
    with mock.patch.object(_roundtrip, "problems", _no_problems):
        for document in documents:
            serialize.from_json(document)


if __name__ == "__main__":
    sys.exit(main())
