"""One SHA-256 over the JSON of every cable in some folders: did a grammar change move a model?

    python tools/model_digest.py tests/data "$CABLEMODEL_CORPUS"

Reads every ``*.txt`` in each folder (sorted), parses it and hashes ``to_json`` of the
Cable (spans included, so a moved position counts too); a text that does not parse
hashes its error instead. Prints the count and the digest; with ``--list`` also one
digest per file, to find which cable changed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import cablemodel


def file_digest(path: Path) -> str:
    try:
        document = cablemodel.to_json(cablemodel.parse_file(path))
    except cablemodel.CableSyntaxError as error:
        document = "error: " + str(error)
    return hashlib.sha256(document.encode("utf-8")).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="print one digest per file too")
    options = parser.parse_args(argv)
    whole = hashlib.sha256()
    count = 0
    for folder in options.folders:
        for path in sorted(folder.glob("*.txt")):
            digest = file_digest(path)
            whole.update(f"{path.name} {digest}\n".encode())
            count += 1
            if options.list:
                print(f"{digest}  {path.name}")
    print(f"{count} cables  {whole.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
