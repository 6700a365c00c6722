"""Regenerate the JSON Schema of the cable document from the model.

python tools/generate_schema.py          # write src/cablemodel/schema/cable.schema.json
python tools/generate_schema.py --check  # exit 1 when the committed file is out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cablemodel import serialize

SCHEMA_FILE = Path(__file__).resolve().parent.parent / "src/cablemodel/schema/cable.schema.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, do not write")
    arguments = parser.parse_args(argv)
    if arguments.check:
        current = SCHEMA_FILE.read_text(encoding="utf-8") if SCHEMA_FILE.exists() else ""
        if current != serialize.schema_text():
            print(f"{SCHEMA_FILE.name} is out of date: run python tools/generate_schema.py")
            return 1
        print(f"{SCHEMA_FILE.name} is up to date")
        return 0
    serialize.write_schema(SCHEMA_FILE)
    print(f"wrote {SCHEMA_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
