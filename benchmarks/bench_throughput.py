"""Throughput over a folder of cables: the floor, Lark alone, Lark's parser and the engine,
all in one run.

    python benchmarks/bench_throughput.py [FOLDER] [--runs 5] [--rss] [--jobs]

FOLDER defaults to $CABLEMODEL_CORPUS. The texts are read and the parsers made first;
then every case is timed over all files, one case after the other, --runs times round
(so that a slower minute of the machine falls on all cases alike). The table gives the
median and the best run, MB/s (10**6 bytes of UTF-8 text), cables/s, the ratio to the
floor (reading the same files and classifying every line with one compiled regular
expression), and for each new way the speed-up over the old one in the row above it:

* parse, parse + validate: Lark's own LALR parser (CABLEMODEL_PARSER_ENGINE=lark, as
  before the engine) and the engine that runs the same grammar's tables (the default;
  it pauses the cyclic collector for each parse);
* to_json, from_json: the standard library's json and orjson (cablemodel[fast]).

"Lark alone" is Lark parsing the same texts with the same grammar into its own parse
tree, with no model. The parse cases run with nothing else in memory; validate and the
JSON cases hold the parsed cables (and their documents). The cyclic collector is on.
--rss measures peak RSS of a batch run over 1 and 10,000 files (copies of the corpus) in
a fresh process; --jobs times the batch API with 1 and 2 worker processes. Not part of
the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
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
from collections.abc import Callable, Iterator
from pathlib import Path

import lark

import cablemodel
from cablemodel import _parser, serialize

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


Case = tuple[str, Callable[[], object]]
Results = list[tuple[str, list[float]]]


def _rounds(cases: list[Case], runs: int) -> Results:
    """Each case timed ``runs`` times, one round over all cases after the other."""
    times: dict[str, list[float]] = {name: [] for name, _ in cases}
    for _ in range(runs):
        for name, work in cases:
            gc.collect()
            start = time.perf_counter()
            work()
            times[name].append(time.perf_counter() - start)
    return [(name, times[name]) for name, _ in cases]


@contextlib.contextmanager
def _stdlib_json() -> Iterator[None]:
    """JSON through the standard library only, as without cablemodel[fast]."""
    saved = serialize._orjson
    serialize._orjson = None
    try:
        yield
    finally:
        serialize._orjson = saved


def throughput(paths: list[Path], runs: int) -> Results:
    texts = _read(paths)
    for engine in _parser.ENGINES:  # the parsers made and their first states compiled
        for text in texts[:20]:
            _parser.parse_text(text, engine=engine)
    # Lark by itself over the same grammar, building its own parse tree and no model
    tree_parser = _parser.build_parser()
    lark_texts = [text if text.endswith("\n") else text + "\n" for text in texts]

    def lark_tree() -> None:
        for text in lark_texts:
            tree_parser.parse(text)

    def parse_all(engine: str) -> Callable[[], object]:
        def work() -> None:
            for text in texts:
                _parser.parse_text(text, engine=engine)

        return work

    def parse_validate(engine: str) -> Callable[[], object]:
        def work() -> None:
            for text in texts:
                cablemodel.validate(_parser.parse_text(text, engine=engine))

        return work

    results = _rounds(
        [
            ("floor: read + regex line classifier", lambda: floor(paths)),
            ("Lark alone: parse tree, no model", lark_tree),
            ("parse: Lark's parser (old)", parse_all("lark")),
            ("parse: engine (new)", parse_all("tables")),
            ("parse + validate: Lark's parser (old)", parse_validate("lark")),
            ("parse + validate: engine (new)", parse_validate("tables")),
        ],
        runs,
    )

    cables = [cablemodel.parse(text) for text in texts]
    documents = [cablemodel.to_json(cable) for cable in cables]

    def validate_only() -> None:
        for cable in cables:
            cablemodel.validate(cable)

    def to_json_all(fast: bool) -> Callable[[], object]:
        def work() -> None:
            with contextlib.nullcontext() if fast else _stdlib_json():
                for cable in cables:
                    cablemodel.to_json(cable)

        return work

    def from_json_all(fast: bool) -> Callable[[], object]:
        def work() -> None:
            with contextlib.nullcontext() if fast else _stdlib_json():
                for document in documents:
                    cablemodel.from_json(document)

        return work

    cases: list[Case] = [("validate (parsed cables)", validate_only)]
    cases.append(("to_json: json (old)", to_json_all(False)))
    if serialize._orjson is not None:
        cases.append(("to_json: orjson (new)", to_json_all(True)))
    cases.append(("from_json: json (old)", from_json_all(False)))
    if serialize._orjson is not None:
        cases.append(("from_json: orjson (new)", from_json_all(True)))
    return results + _rounds(cases, runs)


def report(paths: list[Path], results: Results) -> None:
    size = sum(len(text.encode("utf-8")) for text in _read(paths))
    floor_median = statistics.median(results[0][1])
    print(f"{len(paths)} cables, {size / 1e6:.2f} MB; Python {platform.python_version()}, "
          f"lark {lark.__version__}, {os.cpu_count()} CPUs, GC on, "
          f"load average {os.getloadavg()[0]:.1f}")
    print()
    print("| case | median s | best s | MB/s (median) | cables/s | case / floor | speed-up |")
    print("|---|---|---|---|---|---|---|")
    medians = {name: statistics.median(times) for name, times in results}
    previous = ""
    for name, times in results:
        median = medians[name]
        speed_up = ""
        if name.endswith("(new)") and previous.endswith("(old)"):
            speed_up = f"{medians[previous] / median:.2f} ×"
        print(f"| {name} | {median:.3f} | {min(times):.3f} | {size / median / 1e6:.2f} | "
              f"{len(paths) / median:.0f} | {median / floor_median:.1f} | {speed_up} |")
        previous = name
    print()
    for name in ("parse + validate: Lark's parser (old)", "parse + validate: engine (new)"):
        if name in medians:
            minutes = RELEASE_BYTES / (size / medians[name]) / 60
            print(f"The whole release ({RELEASE_BYTES / 1e9:.1f} GB) at the speed of "
                  f"'{name}' on one core: about {minutes:.1f} minutes.")


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

    (_, one_times), (_, two_times) = _rounds([("1", batch(1)), ("2", batch(2))], runs)
    one, two = statistics.median(one_times), statistics.median(two_times)
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
    paths = sorted(folder.glob("*.txt"))
    report(paths, throughput(paths, args.runs))
    if args.jobs:
        jobs_speedup(folder, max(1, args.runs // 2))
    if args.rss:
        rss(folder)


if __name__ == "__main__":
    main()
