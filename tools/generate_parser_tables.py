"""Regenerate the parser tables shipped beside the grammar.

python tools/generate_parser_tables.py          # write src/cablemodel/grammar/cable.tables.json
python tools/generate_parser_tables.py --check  # exit 1 when the committed file is out of date

The tables are Lark's LALR analysis of grammar/cable.lark, in a stable order. Loading
them takes about 0.03 s where building the parser from the grammar takes about 0.2 s.
Run this after every change to the grammar (a test fails until you do).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cablemodel import _parser

TABLES = Path(__file__).resolve().parent.parent / "src/cablemodel/grammar" / _parser.TABLES_FILE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, do not write")
    arguments = parser.parse_args(argv)
    text = _parser.parser_tables_text()
    if arguments.check:
        current = TABLES.read_text(encoding="utf-8") if TABLES.exists() else ""
        if current != text:
            print(f"{TABLES.name} is out of date: run python tools/generate_parser_tables.py")
            return 1
        print(f"{TABLES.name} is up to date")
        return 0
    TABLES.write_text(text, encoding="utf-8")
    print(f"wrote {TABLES.name} ({len(text):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
