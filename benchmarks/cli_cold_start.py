"""Cold-start wall time of `cablemodel check` on one cable, next to `check-jsonschema` on
one small JSON file (install check-jsonschema separately; it is not a dependency).

    python benchmarks/cli_cold_start.py [--runs 10]

Each run is a fresh process; the script prints the median and the best of the runs,
with the interpreter alone and the package's imports alone for scale.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CABLE = ROOT / "tests" / "data" / "05PARIS3759.txt"


def wall_times(command: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return times


def script(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} is not installed")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=10)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder:
        schema = Path(folder) / "schema.json"
        instance = Path(folder) / "instance.json"
        schema.write_text(json.dumps({
            "type": "object",
            "required": ["id", "tags"],
            "properties": {"id": {"type": "string"},
                           "tags": {"type": "array", "items": {"pattern": "^[A-Z]{2,6}$"}}},
        }))
        instance.write_text(json.dumps({"id": "05PARIS3759", "tags": ["PARM", "PREL"]}))
        cases = {
            "python -c pass (the interpreter alone)": [sys.executable, "-c", "pass"],
            "python -c 'import cablemodel.cli' (imports only)": [
                sys.executable, "-c", "import cablemodel.cli"
            ],
            "cablemodel check (one cable)": [script("cablemodel"), "check", str(CABLE)],
            "check-jsonschema (one small JSON file)": [
                script("check-jsonschema"), "--schemafile", str(schema), str(instance)
            ],
        }
        for name, command in cases.items():
            times = wall_times(command, runs)
            print(f"{name}: median {statistics.median(times):.3f} s, "
                  f"best {min(times):.3f} s over {runs} runs")


if __name__ == "__main__":
    main()
