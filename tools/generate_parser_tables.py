"""Regenerate the parser tables shipped beside the grammar.

python tools/generate_parser_tables.py          # write both files in src/cablemodel/grammar/
python tools/generate_parser_tables.py --check  # exit 1 when a committed file is out of date

Both are Lark's LALR analysis of grammar/cable.lark, in a stable order:
cable.tables.json in Lark's own serial form, which Lark's parser loads in about 0.03 s
where building it from the grammar takes about 0.2 s; cable.engine.json, what the
parser's engine runs (parse table, the regular expression of each state's lexer, how
each rule's children are shaped), so that at run time it needs nothing from Lark.
Run this after every change to the grammar or to the installed Lark (a test fails
until you do).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cablemodel import _parser
from cablemodel._parser import build, engine, engine_tables

GRAMMAR = Path(__file__).resolve().parent.parent / "src/cablemodel/grammar"


def generated() -> dict[str, str]:
    """The text of each shipped file, by file name."""
    return {
        build.TABLES_FILE: build.parser_tables_text(),
        engine.ENGINE_TABLES_FILE: engine_tables.engine_tables_text(
            build.build_parser(), _parser.grammar_text()
        ),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only compare, do not write")
    arguments = parser.parse_args(argv)
    stale = 0
    for name, text in generated().items():
        path = GRAMMAR / name
        if arguments.check:
            current = path.read_text(encoding="utf-8") if path.exists() else ""
            if current != text:
                print(f"{name} is out of date: run python tools/generate_parser_tables.py")
                stale += 1
            else:
                print(f"{name} is up to date")
            continue
        path.write_text(text, encoding="utf-8")
        print(f"wrote {name} ({len(text):,} bytes)")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
