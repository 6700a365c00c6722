"""Coverage-guided fuzzing of cablemodel.parse with atheris, for long runs outside CI.

    pip install atheris
    mkdir -p fuzz/corpus
    python fuzz/fuzz_parse.py -max_total_time=3600 -dict=fuzz/cable.dict fuzz/corpus tests/data

The input bytes are read as UTF-8 with "surrogateescape", so bytes that are not UTF-8
reach the parser as lone surrogates instead of being dropped. parse() must return a
Cable that renders back to the same text, or raise CableSyntaxError; anything else
stops the run with the input saved by libFuzzer. New inputs go to the first folder
(fuzz/corpus, not kept in the repository); tests/data seeds the run with real cables.
"""

from __future__ import annotations

import sys

import atheris  # type: ignore[import-untyped]  # optional, not a dependency

with atheris.instrument_imports():
    import cablemodel
    from cablemodel import CableSyntaxError


def test_one_input(data: bytes) -> None:
    text = data.decode("utf-8", "surrogateescape")
    try:
        cable = cablemodel.parse(text)
    except CableSyntaxError:
        return
    if cablemodel.render(cable) != text:
        raise AssertionError("render(parse(text)) != text")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
