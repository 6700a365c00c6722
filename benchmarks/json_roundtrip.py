"""Size and speed of the JSON document over a folder of cables.

    python benchmarks/json_roundtrip.py [FOLDER]   # default: $CABLEMODEL_CORPUS

Parses every cable once (not timed), then times ``to_json`` and ``from_json`` over
all of them, best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import cablemodel


def best_time(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("folder", nargs="?", default=os.environ.get("CABLEMODEL_CORPUS"))
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args(argv)
    if not arguments.folder:
        parser.error("give a folder of cables or set CABLEMODEL_CORPUS")
    paths = sorted(Path(arguments.folder).glob("*.txt"))
    texts = [path.read_bytes().decode("utf-8") for path in paths]
    cables = [cablemodel.parse(text) for text in texts]
    documents = [cablemodel.to_json(cable) for cable in cables]

    text_bytes = sum(len(text.encode("utf-8")) for text in texts)
    json_bytes = sum(len(document.encode("utf-8")) for document in documents)
    indented = sum(len(cablemodel.to_json(c, indent=2).encode("utf-8")) for c in cables)
    dump = best_time(lambda: [cablemodel.to_json(cable) for cable in cables], arguments.repeat)
    load = best_time(lambda: [cablemodel.from_json(doc) for doc in documents], arguments.repeat)

    count = len(cables)
    print(f"cables            {count}")
    print(f"text              {text_bytes / 1e6:8.2f} MB")
    ratio = json_bytes / text_bytes
    print(f"JSON (compact)    {json_bytes / 1e6:8.2f} MB  {ratio:5.2f} x the text")
    print(f"JSON (indent=2)   {indented / 1e6:8.2f} MB  {indented / text_bytes:5.2f} x the text")
    for name, seconds in (("to_json", dump), ("from_json", load)):
        print(
            f"{name:<17} {seconds:8.2f} s   {count / seconds:7.0f} cables/s"
            f"  {text_bytes / 1e6 / seconds:6.2f} MB/s of text"
            f"  {json_bytes / 1e6 / seconds:6.2f} MB/s of JSON"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
