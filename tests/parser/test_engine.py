"""The parser's engine does what Lark does: the same values from the same callbacks,
tokens with the same types and positions, and an error where Lark has one.

A small grammar exercises what the cable grammar does not use (yet): a string terminal
that a regular terminal of the same priority re-types, ?rules, !rules, anonymous
tokens that are filtered out, a state that accepts no terminal. The cable grammar is
compared on fuzzed texts here and on the corpus in test_corpus.py.
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from lark import Lark, Token
from lark.exceptions import UnexpectedInput

import cablemodel
from cablemodel._parser import build, engine, engine_tables, shared_engine
from cablemodel._parser.tokens import TOKEN_TYPES
from cablemodel._parser.tokens import Token as EngineToken
from cablemodel.strategies import grammar_texts, mutated_texts, noise_texts
from tests.helpers import DATA, SEED, model_difference, read_text
from tests.property.test_fuzz import GRAMMAR_SETTINGS

SMALL = r"""
start: _items
_items: item (SP item)*
?item: pair | word | cond | bang | group | "#" NUMBER -> hashed
pair: NAME "=" value -> assignment
value: NUMBER | NAME
word: NAME | KEYWORD
cond: IF SP NAME (SP ELSE SP NAME)?
!bang: "!" NAME
group: "(" _items? ")"
IF: "if"
ELSE: "else"
KEYWORD: /when|unless/
NAME: /[a-z]+/
NUMBER.2: /[0-9]+(\n[0-9]+)*/
SP: / +/
"""


class Shapes:
    """Names every rule's children, tokens with their type and position."""

    def __getattr__(self, name: str) -> Any:
        if not name.islower() or name.startswith("_"):
            raise AttributeError(name)
        return lambda children: (name, [_shown(child) for child in children])


def _shown(child: object) -> object:
    if type(child) in TOKEN_TYPES:
        assert isinstance(child, (Token, EngineToken))
        return (child.type, str(child), child.line, child.column, child.end_line, child.end_column)
    return child


def _small() -> tuple[Lark, engine.Engine]:
    options: dict[str, Any] = {
        "parser": "lalr",
        "lexer": "contextual",
        "maybe_placeholders": False,
    }
    tables = engine_tables.engine_tables(Lark(SMALL, **options), SMALL)
    return (
        Lark(SMALL, transformer=Shapes(), **options),
        engine.Engine(json.loads(json.dumps(tables)), Shapes()),
    )


LARK, ENGINE = _small()


def _both(text: str) -> tuple[object, object]:
    try:
        expected: object = LARK.parse(text)
    except UnexpectedInput:
        expected = "error"
    try:
        found: object = ENGINE.parse(text)
    except engine.NotInGrammarError:
        found = "error"
    return expected, found


@pytest.mark.parametrize(
    "text",
    [
        "if",  # re-typed from NAME to IF, then not a whole cond: an error
        "if x",
        "iffy",
        "if x else y",
        "elsewhere",
        "when",
        "a=1 b=c",
        "!bang",
        "(a (b) ())",
        "#12\n34",
        "12",
        "a  b",
        "",
        "a=",
        "(a",
        "a)",
        "A",
    ],
)
def test_small_grammar_reads_as_lark_reads_it(text: str) -> None:
    expected, found = _both(text)

    assert found == expected


def test_small_grammar_has_a_re_typed_string() -> None:
    tables = engine_tables.engine_tables(
        Lark(SMALL, parser="lalr", lexer="contextual", maybe_placeholders=False), SMALL
    )

    assert any(lexer["unless"] for lexer in tables["lexers"])
    assert ENGINE.parse("if x") == (
        "start",
        [("cond", [("IF", "if", 1, 1, 1, 3), ("SP", " ", 1, 3, 1, 4), ("NAME", "x", 1, 4, 1, 5)])],
    )


@given(st.text(alphabet="abifelsw=!()# 12\n", max_size=30))
def test_small_grammar_on_random_text(text: str) -> None:
    expected, found = _both(text)

    assert found == expected


# ------------------------------------------------------------ the cable grammar


def _cable_both(text: str) -> tuple[object, object]:
    text = text if text.endswith("\n") else text + "\n"
    try:
        expected: object = build.shared_parser().parse(text)
    except UnexpectedInput:
        expected = "error"
    except cablemodel.CableSyntaxError as error:
        expected = str(error)
    machine = shared_engine()
    assert machine is not None
    try:
        found: object = machine.parse(text)
    except engine.NotInGrammarError:
        found = "error"
    except cablemodel.CableSyntaxError as error:
        found = str(error)
    return expected, found


def _agree(text: str) -> None:
    expected, found = _cable_both(text)
    if isinstance(expected, cablemodel.Cable):
        assert model_difference(expected, found) is None
    else:
        assert found == expected


def test_cable_grammar_examples_read_as_lark_reads_them() -> None:
    texts = [read_text(path) for path in sorted(DATA.glob("*.txt"))]

    assert len(texts) >= 13
    for text in texts:
        _agree(text)


@GRAMMAR_SETTINGS
@given(grammar_texts())
def test_cable_grammar_on_texts_from_the_grammar(text: str) -> None:
    _agree(text)


@given(mutated_texts(tuple(read_text(path) for path in sorted(DATA.glob("*.txt")))))
def test_cable_grammar_on_mutated_cables(text: str) -> None:
    _agree(text)


@given(noise_texts())
def test_cable_grammar_on_noise(text: str) -> None:
    _agree(text)


def test_parsing_a_cable_does_not_import_lark() -> None:
    script = (
        "import sys, cablemodel\n"
        "cable = cablemodel.parse_file(sys.argv[1])\n"
        "print(cable.reference_id, 'lark' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script, str(SEED)], capture_output=True, text=True, check=True
    ).stdout.split()

    assert shown == ["05PARIS3759", "False"]


def test_a_syntax_error_is_lark_s() -> None:
    script = (
        "import sys, cablemodel\n"
        "try:\n"
        "    cablemodel.parse('Identifier\\nCreated\\nnot a cable\\n')\n"
        "except cablemodel.CableSyntaxError as error:\n"
        "    print(error.line, error.column, 'lark' in sys.modules)\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()

    assert shown == ["3", "1", "True"]
