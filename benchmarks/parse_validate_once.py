"""Parse and validate every Nth cable of a folder once, for an instruction count.

    valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
        python benchmarks/parse_validate_once.py FOLDER [--step 10] [--start-up-only] [--warm]

Run it under callgrind for the installation to measure, and for another one (another
checkout's ``src`` first on PYTHONPATH) in the same run; ``--start-up-only`` parses
the first cable alone, so that the difference of the two counts is the cost of the rest.
``--warm`` first parses and validates every cable once (each lexer state the cables meet
compiles its regular expression then): with and without ``--start-up-only``, the
difference is the steady cost of a pass.
The cable count and bytes go to stderr. docs/facts.md has the figures of the facts layer.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import cablemodel
from cablemodel.rules import validate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--step", type=int, default=10)
    parser.add_argument("--start-up-only", action="store_true")
    parser.add_argument("--warm", action="store_true")
    args = parser.parse_args()
    texts = [path.read_bytes() for path in sorted(args.folder.glob("*.txt"))[:: args.step]]
    cablemodel.parse(texts[0])  # the parser is made, the first states compiled
    for text in texts if args.warm else ():
        validate(cablemodel.parse(text))
    if not args.start_up_only:
        for text in texts:
            validate(cablemodel.parse(text))
    print(len(texts), "cables,", sum(map(len, texts)), "bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
