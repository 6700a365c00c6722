"""Run the fuzz checks of tests/property/test_fuzz.py for as many inputs as asked.

    python fuzz/run_fuzz.py --target mutated --count 30000 [--corpus DIR]

Unlike the test, a failure does not stop the run: every unexpected exception and every
lossy parse is counted, and the shortest input seen for each kind is printed at the end.
Targets: grammar (text from the grammar), noise (random text), mutated (real cables
with lines deleted, duplicated, swapped, spliced in from another cable, joined, line
separators put in, truncated, characters inserted), json (JSON of the first 50
cables, mutated as text or with values of the wrong type), schema (JSON of the cables
with values changed as the JSON Schema allows: every document is schema-valid). A
JSON document must be refused or read as a cable whose text parses back to it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import cablemodel
from cablemodel import CableJSONError, CableSyntaxError
from cablemodel.strategies import (
    grammar_texts,
    mutated_json,
    mutated_texts,
    noise_texts,
    schema_valid_json,
)

ROOT = Path(__file__).resolve().parent.parent


def check_text(text: str) -> str | None:
    """None when the text is handled well, else a short name of what went wrong."""
    try:
        cable = cablemodel.parse(text)
    except CableSyntaxError:
        return None
    rendered = cablemodel.render(cable)
    if rendered != text:
        return "lossy: " + _first_difference(text, rendered)
    return None


def _first_difference(text: str, rendered: str) -> str:
    """The shape of the first line that changed: letters as A/a, digits as 9."""
    for before, after in zip(text.split("\n"), rendered.split("\n"), strict=False):
        if before != after:
            break
    else:
        return "line count changed"
    shape = re.sub(r"[A-Z]+", "A", re.sub(r"[a-z]+", "a", re.sub(r"[0-9]+", "9", before)))
    return f"{shape[:60]!r} became {after[:60]!r}"


def check_json(document: str) -> str | None:
    """None when the document is refused, or read as a cable whose text reads back."""
    try:
        cable = cablemodel.from_json(document)
    except CableJSONError:
        return None
    try:
        again = cablemodel.parse(cablemodel.render(cable))
    except CableSyntaxError:
        return "accepted, but its text does not parse"
    return None if again == cable else "accepted, but its text reads back differently"


def sources(corpus: Path | None) -> list[str]:
    folder = corpus or ROOT / "tests" / "data"
    return [path.read_text(encoding="utf-8") for path in sorted(folder.glob("*.txt"))]


def json_documents(texts: list[str]) -> st.SearchStrategy[str]:
    documents = [cablemodel.to_json(cablemodel.parse(text), indent=1) for text in texts[:50]]
    return st.one_of(mutated_texts(documents), mutated_json(documents))


def schema_documents(texts: list[str]) -> st.SearchStrategy[str]:
    """Documents of real cables edited as the schema allows (every one schema-valid)."""
    return schema_valid_json([cablemodel.to_json(cablemodel.parse(text)) for text in texts])


def run(
    strategy: st.SearchStrategy[str],
    check: Callable[[str], str | None],
    count: int,
    dump: Path | None = None,
) -> int:
    failures: dict[str, str] = {}
    every: list[tuple[str, str]] = []
    counts: dict[str, int] = {}
    seen = 0

    @settings(
        max_examples=count,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def one(text: str) -> None:
        nonlocal seen
        seen += 1
        try:
            kind = check(text)
        except Exception as error:  # every other exception is the finding
            frame = traceback.extract_tb(error.__traceback__)[-1]
            where = f"{Path(frame.filename).name}:{frame.lineno}"
            kind = f"{type(error).__name__} at {where}: {error}"[:300]
        if kind is not None:
            every.append((kind, text))
            counts[kind] = counts.get(kind, 0) + 1
            if kind not in failures or len(text) < len(failures[kind]):
                failures[kind] = text

    one()
    if dump is not None:
        dump.write_text(json.dumps(every, ensure_ascii=False, indent=1), encoding="utf-8")
    for kind, text in failures.items():
        print(f"\n{counts[kind]} x {kind}\n  shortest input ({len(text)} chars): {text[:600]!r}")
    return seen


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--target", choices=("grammar", "noise", "mutated", "json", "schema"), required=True
    )
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--corpus", type=Path, default=os.environ.get("CABLEMODEL_CORPUS"))
    parser.add_argument("--dump", type=Path, help="write every failing input to this JSON file")
    options = parser.parse_args()
    texts = sources(Path(options.corpus) if options.corpus else None)
    strategy, check = {
        "grammar": (grammar_texts(), check_text),
        "noise": (noise_texts(), check_text),
        "mutated": (mutated_texts(texts), check_text),
        "json": (json_documents(texts), check_json),
        "schema": (schema_documents(texts), check_json),
    }[options.target]
    started = time.perf_counter()
    seen = run(strategy, check, options.count, options.dump)
    print(f"\n{options.target}: {seen} inputs in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
