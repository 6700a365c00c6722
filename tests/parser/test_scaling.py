"""Parse time grows linearly with the length of a line, whatever the line holds.

The hostile lines come from the grammar (tests/adversarial.py): for every terminal of
grammar/cable.lark, lines made of its own prefixes and near-misses, in each parser state
that tries it. Every growth is a ratio of two sizes measured in the same run, never an
absolute time. benchmarks/bench_terminals.py runs the same shapes from 10 KB to 10 MB.
"""

from __future__ import annotations

import re

import pytest

from tests import adversarial
from tests.adversarial import REGRESSIONS


@pytest.mark.parametrize(("terminal", "head", "unit", "ending"), REGRESSIONS)
def test_lines_that_stalled_the_parser_now_grow_linearly(
    terminal: str, head: str, unit: str, ending: str
) -> None:
    shape = adversarial.regression_shape(terminal, head, unit, ending)
    assert adversarial.growth(shape, 4000, runs=3) < adversarial.SUPER_LINEAR


def test_every_terminal_is_tried_in_some_context() -> None:
    assert adversarial.terminals_without_context() == []


def test_no_terminal_makes_a_parse_grow_faster_than_its_input() -> None:
    """Every shape of every terminal whose one try scans further on a longer line is
    parsed at two sizes; none may grow faster than linearly."""
    candidates = adversarial.suspects()
    assert candidates, "the screen found no shape that scans: it measures nothing"
    slow = adversarial.super_linear(candidates)
    assert [(shape.describe(), round(ratio, 1)) for shape, ratio in slow] == []


def test_no_terminal_repeats_a_group_without_bound() -> None:
    """The regular expression engine keeps a record of each turn of a repeated group
    while it matches (BLANK_LINES over 1 MB of line ends took 115 MB): every repeat of
    more than one character has an upper bound."""
    found = {name: adversarial.unbounded_group_repeats(name) for name in adversarial.terminals()}
    assert {name: repeats for name, repeats in found.items() if repeats} == {}


def test_the_repeat_check_sees_an_unbounded_group() -> None:
    adversarial.terminals.cache_clear()
    try:
        patterns = adversarial.terminals()
        patterns["BLANK_LINES"] = re.compile(r"(?:[ \t\xa0]*\n)+")
        assert adversarial.unbounded_group_repeats("BLANK_LINES") != []
        patterns["BLANK_LINES"] = re.compile(r"[ \t\xa0\n]*\n")
        assert adversarial.unbounded_group_repeats("BLANK_LINES") == []
    finally:
        adversarial.terminals.cache_clear()


@pytest.mark.parametrize("head", ["REF: ", "Classified By: x\n"])
def test_a_long_run_of_words_is_joined_in_linear_time(head: str) -> None:
    """The word tokens of a REF or Classified By line in a row become one piece: they
    were joined two at a time, quadratic in the copying (24 s/MB at 10 MB), which only
    shows on lines of a megabyte."""
    shape = adversarial.regression_shape("CLASSIFIED_WORD", head, "END\t  OF  \tSummary", "")
    assert adversarial.growth(shape, 400_000, runs=1) < adversarial.SUPER_LINEAR
