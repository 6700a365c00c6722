"""The export against the check, over one folder of cables, in the same run.

    python benchmarks/bench_export.py [FOLDER] [--runs 3] [--jobs 2]

FOLDER defaults to $CABLEMODEL_CORPUS; it is copied to a temporary folder first. Each
round runs, one after the other, ``cablemodel check`` and ``cablemodel export -o
archive.sqlite`` (a new archive) over the copy, each in a fresh process, and the table
gives the medians of the wall time and of the CPU time (the process and its workers) and
their ratios (the goal: the export costs at most 1.3 x the check).
Then: the archive's size (and that of the Parquet dataset), the peak RSS of each command
(the process itself and its largest worker), and the update runs: unchanged inputs, 10
files touched (their time stamp only) and 10 files edited. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Runs one command in this fresh process and prints its wall time, the CPU time of the
# process and its workers (user + system), and peak RSS (KiB): VmHWM of the process itself
# and ru_maxrss of its largest worker.
_RUNNER = """
import json, resource, sys, time
from pathlib import Path
from cablemodel.cli import main
start = time.perf_counter()
code = main(sys.argv[1:])
seconds = time.perf_counter() - start
status = Path("/proc/self/status").read_text().splitlines()
own = int(next(line for line in status if line.startswith("VmHWM")).split()[1])
used = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
cpu = sum(usage.ru_utime + usage.ru_stime for usage in used)
print(json.dumps({"code": code, "seconds": seconds, "cpu": cpu, "rss": own,
                  "worker_rss": used[1].ru_maxrss}))
"""


def run(*arguments: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, *arguments],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    if result["code"] not in (0, 1):
        raise SystemExit(f"{arguments}: exit {result['code']}: {done.stderr}")
    return result


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(file.stat().st_size for file in path.rglob("*") if file.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("CABLEMODEL_CORPUS"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", default="2")
    args = parser.parse_args()
    if not args.folder:
        parser.error("name a folder of cables or set CABLEMODEL_CORPUS")

    with tempfile.TemporaryDirectory() as tmp:
        cables = Path(tmp, "cables")
        shutil.copytree(args.folder, cables)
        files = sorted(cables.glob("*.txt"))
        megabytes = sum(path.stat().st_size for path in files) / 1e6
        archive = Path(tmp, "archive.sqlite")
        jobs = ("--jobs", args.jobs)
        check = ("check", "--exit-zero", "-q", "--output-format", "concise", "-o",
                 str(Path(tmp, "report.txt")), *jobs, str(cables))

        checks, exports = [], []
        for _ in range(args.runs):
            checks.append(run(*check))
            for leftover in (archive, Path(tmp, "archive.metadata.json")):
                leftover.unlink(missing_ok=True)
            exports.append(run("export", "-q", *jobs, str(cables), "-o", str(archive)))
        check_s = statistics.median(r["seconds"] for r in checks)
        export_s = statistics.median(r["seconds"] for r in exports)

        unchanged = run("export", "-q", *jobs, str(cables), "-o", str(archive))
        now = time.time()
        for path in files[::200][:10]:
            os.utime(path, (now, now))
        touched = run("export", "-q", *jobs, str(cables), "-o", str(archive))
        for path in files[::200][:10]:
            with path.open("a", encoding="utf-8", newline="") as handle:
                handle.write("\nOne more line.")
        edited = run("export", "-q", *jobs, str(cables), "-o", str(archive))

        parquet = Path(tmp, "archive.parquet")
        parquet_run = run("export", "-q", *jobs, str(cables), "-o", str(parquet))

        print(f"{len(files)} cables, {megabytes:.1f} MB; Python {platform.python_version()}, "
              f"{os.cpu_count()} CPUs, --jobs {args.jobs}, {args.runs} rounds, "
              f"load average {os.getloadavg()[0]:.1f}")
        print()
        print("| run | median s | x check | CPU s | x check | "
              "peak RSS MB (process / largest worker) |")
        print("|---|---|---|---|---|---|")
        check_cpu = statistics.median(r["cpu"] for r in checks)

        def row(name: str, results: list[dict[str, float]]) -> None:
            seconds = statistics.median(r["seconds"] for r in results)
            cpu = statistics.median(r["cpu"] for r in results)
            rss = max(r["rss"] for r in results) / 1024
            worker = max(r["worker_rss"] for r in results) / 1024
            print(f"| {name} | {seconds:.2f} | {seconds / check_s:.2f} | {cpu:.2f} | "
                  f"{cpu / check_cpu:.2f} | {rss:.0f} / {worker:.0f} |")

        row("check", checks)
        row("export -o archive.sqlite (new)", exports)
        row("export again, nothing changed", [unchanged])
        row("export again, 10 files touched", [touched])
        row("export again, 10 files edited", [edited])
        row("export -o archive.parquet", [parquet_run])
        print()
        export_cpu = statistics.median(r["cpu"] for r in exports)
        print(f"export / check: {export_s / check_s:.2f} in wall time, "
              f"{export_cpu / check_cpu:.2f} in CPU time (goal: at most 1.30)")
        print(f"archive.sqlite: {_size(archive) / 1e6:.1f} MB "
              f"({_size(archive) / (megabytes * 1e6):.2f} x the text); "
              f"archive.parquet/: {_size(parquet) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
