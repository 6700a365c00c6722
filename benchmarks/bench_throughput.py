"""Throughput over a folder of cables, with the regular-expression floor in the same run.

    python benchmarks/bench_throughput.py [FOLDER] [--runs 5] [--rss] [--jobs]

FOLDER defaults to $CABLEMODEL_CORPUS. Each case is timed --runs times over all files
(texts already in memory, parser already built); the table gives the median and the
best run, MB/s (10**6 bytes of UTF-8 text), cables/s, and the ratio to the floor:
reading the same files and classifying every line with one compiled regular
expression. A row times Lark alone on the same grammar (its parse tree, no model), the
ceiling for a model built with this grammar on pure-Python Lark. --rss measures peak RSS
of a batch run over 1 and 10,000 files (copies of the corpus) in a fresh process;
--jobs times the batch API with 1 and 2 worker processes. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import lark

import cablemodel
from cablemodel import _parser

# The Cablegate release: 251,287 cables, about 1.7 GB of text.
RELEASE_BYTES = 1.7e9

# The floor: what a hand-written scraper does, one match per line.
LINE_KINDS = re.compile(
    r"(?P<para>\d{1,3}\. )|(?P<banner>(?:C O N F|S E C R|UNCLAS))|(?P<eo>E\.O\. )"
    r"|(?P<tags>TAGS:)|(?P<subject>SUBJECT:)|(?P<ref>REF:)|(?P<blank>\s*$)"
)


def _read(paths: list[Path]) -> list[str]:
    texts = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    return texts


def floor(paths: list[Path]) -> None:
    for text in _read(paths):
        for line in text.split("\n"):
            LINE_KINDS.match(line)


def _timed(work: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return times


def throughput(folder: Path, runs: int) -> list[tuple[str, list[float]]]:
    paths = sorted(folder.glob("*.txt"))
    texts = _read(paths)
    cables = [cablemodel.parse(text) for text in texts]
    documents = [cablemodel.to_json(cable) for cable in cables]
    cablemodel.validate(cables[0])

    # Lark by itself over the same grammar, building its own parse tree and no model:
    # the ceiling for any model built with this grammar on pure-Python Lark.
    tree_parser = _parser.build_parser()
    lark_texts = [text if text.endswith("\n") else text + "\n" for text in texts]

    def lark_tree() -> None:
        for text in lark_texts:
            tree_parser.parse(text)

    def parse_all() -> None:
        for text in texts:
            cablemodel.parse(text)

    def parse_validate() -> None:
        for text in texts:
            cablemodel.validate(cablemodel.parse(text))

    def validate_only() -> None:
        for cable in cables:
            cablemodel.validate(cable)

    def to_json() -> None:
        for cable in cables:
            cablemodel.to_json(cable)

    def from_json() -> None:
        for document in documents:
            cablemodel.from_json(document)

    cases: list[tuple[str, Callable[[], object]]] = [
        ("floor: read + regex line classifier", lambda: floor(paths)),
        ("Lark alone: parse tree, no model", lark_tree),
        ("parse", parse_all),
        ("parse + validate", parse_validate),
        ("validate (parsed cables)", validate_only),
        ("to_json", to_json),
        ("from_json", from_json),
    ]
    return [(name, _timed(work, runs)) for name, work in cases]


def report(folder: Path, results: list[tuple[str, list[float]]]) -> None:
    paths = sorted(folder.glob("*.txt"))
    size = sum(len(text.encode("utf-8")) for text in _read(paths))
    floor_median = statistics.median(results[0][1])
    print(f"{len(paths)} cables, {size / 1e6:.2f} MB; Python {platform.python_version()}, "
          f"lark {lark.__version__}, {os.cpu_count()} CPUs, GC on, "
          f"load average {os.getloadavg()[0]:.1f}")
    print()
    print("| case | median s | best s | MB/s (median) | cables/s | case / floor |")
    print("|---|---|---|---|---|---|")
    for name, times in results:
        median = statistics.median(times)
        print(f"| {name} | {median:.3f} | {min(times):.3f} | {size / median / 1e6:.2f} | "
              f"{len(paths) / median:.0f} | {median / floor_median:.1f} |")


def _peak_rss_kib(folder: Path, jobs: int) -> int:
    # VmHWM (not ru_maxrss, which execve keeps from the parent) of this fresh process;
    # the largest worker's high-water mark comes from RUSAGE_CHILDREN.
    script = (
        "import resource, sys, cablemodel\n"
        "from pathlib import Path\n"
        "paths = sorted(Path(sys.argv[1]).glob('*.txt'))\n"
        "count = sum(1 for _ in cablemodel.iter_results(paths, jobs=int(sys.argv[2])))\n"
        "status = Path('/proc/self/status').read_text().splitlines()\n"
        "own = int(next(l for l in status if l.startswith('VmHWM')).split()[1])\n"
        "children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
        "print(count, max(own, children))\n"
    )
    out = subprocess.run([sys.executable, "-c", script, str(folder), str(jobs)],
                         capture_output=True, text=True, check=True).stdout.split()
    return int(out[1])


def rss(folder: Path) -> None:
    sources = sorted(folder.glob("*.txt"))
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp, "one")
        many = Path(tmp, "many")
        one.mkdir()
        many.mkdir()
        shutil.copy(sources[0], one / sources[0].name)
        for index in range(10_000):
            source = sources[index % len(sources)]
            shutil.copy(source, many / f"{index:05d}-{source.name}")
        print()
        print("| files | jobs | peak RSS MB |")
        print("|---|---|---|")
        for label, target in (("1", one), ("10,000", many)):
            for jobs in (1, 2):
                print(f"| {label} | {jobs} | {_peak_rss_kib(target, jobs) / 1024:.0f} |")


def jobs_speedup(folder: Path, runs: int) -> None:
    paths = sorted(folder.glob("*.txt"))

    def batch(jobs: int) -> Callable[[], object]:
        return lambda: sum(1 for _ in cablemodel.iter_results(paths, jobs=jobs))

    one = statistics.median(_timed(batch(1), runs))
    two = statistics.median(_timed(batch(2), runs))
    size = sum(path.stat().st_size for path in paths)
    print()
    print("| batch (read, parse, validate) | median s | speed-up |")
    print("|---|---|---|")
    print(f"| 1 job | {one:.2f} | 1.00 |")
    print(f"| 2 jobs (pool start included) | {two:.2f} | {one / two:.2f} |")
    print()
    print(f"The whole release ({RELEASE_BYTES / 1e9:.1f} GB) at {size / two / 1e6:.2f} MB/s "
          f"with 2 jobs: about {RELEASE_BYTES / (size / two) / 60:.1f} minutes.")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("CABLEMODEL_CORPUS"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rss", action="store_true")
    parser.add_argument("--jobs", action="store_true")
    args = parser.parse_args()
    if not args.folder:
        parser.error("name a folder of cables or set CABLEMODEL_CORPUS")
    folder = Path(args.folder)
    gc.collect()
    report(folder, throughput(folder, args.runs))
    if args.jobs:
        jobs_speedup(folder, max(1, args.runs // 2))
    if args.rss:
        rss(folder)


if __name__ == "__main__":
    main()
