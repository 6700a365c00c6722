"""The export against the check in instructions: steady where wall times on a shared
machine are not.

    python benchmarks/export_instructions.py [FOLDER]

Under ``valgrind --tool=callgrind`` (valgrind must be installed), in one process
(``--jobs 1``), ``cablemodel check`` and ``cablemodel export -o archive.sqlite`` run over
two sets of cables of FOLDER (default: $CABLEMODEL_CORPUS): every seventh file (set A),
and set A with every seventh file from the fourth on (set B, twice the size). The table
gives the instructions of each run, the export's ratio to the check, and the marginal
ratio: what the cables of B beyond A cost each command (start-up subtracted). Takes some
minutes. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def instructions(*arguments: str, cwd: Path) -> int:
    """The instructions callgrind counts for ``python -m cablemodel ARGUMENTS``."""
    done = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
         sys.executable, "-m", "cablemodel", *arguments],
        capture_output=True, text=True, cwd=cwd, check=False,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None or done.returncode not in (0, 1):
        raise SystemExit(f"{arguments}: exit {done.returncode}: {done.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("CABLEMODEL_CORPUS"))
    args = parser.parse_args()
    if not args.folder:
        parser.error("name a folder of cables or set CABLEMODEL_CORPUS")
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    files = sorted(Path(args.folder).glob("*.txt"))
    chosen = {
        "A": [f for n, f in enumerate(files, 1) if n % 7 == 0],
        "B": [f for n, f in enumerate(files, 1) if n % 7 in (0, 3)],
    }
    counts: dict[str, tuple[int, int]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name, subset in chosen.items():
            folder = Path(tmp, name)
            folder.mkdir()
            for file in subset:
                shutil.copy(file, folder)
            check = instructions("check", "--exit-zero", "-q", "--output-format", "concise",
                                 "-o", "report.txt", "--jobs", "1", name, cwd=Path(tmp))
            export = instructions("export", "-q", "--jobs", "1", name, "-o",
                                  f"{name}.sqlite", cwd=Path(tmp))
            counts[name] = (check, export)
    print("| cables | check (10⁹ instructions) | export | export / check |")
    print("|---|---|---|---|")
    for name, (check, export) in counts.items():
        print(f"| {len(chosen[name])} (set {name}) | {check / 1e9:.3f} | {export / 1e9:.3f} | "
              f"{export / check:.3f} |")
    more_check = counts["B"][0] - counts["A"][0]
    more_export = counts["B"][1] - counts["A"][1]
    extra = len(chosen["B"]) - len(chosen["A"])
    print(f"| the {extra} of B beyond A | {more_check / 1e9:.3f} | {more_export / 1e9:.3f} | "
          f"{more_export / more_check:.3f} |")


if __name__ == "__main__":
    main()
