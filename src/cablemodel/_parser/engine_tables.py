"""What the parser's engine reads, taken from Lark's analysis of the grammar.

The engine (engine.py) runs the LALR automaton and the contextual lexer that Lark
makes from grammar/cable.lark, without Lark at run time. This module asks Lark once,
when the tables are regenerated (tools/generate_parser_tables.py), and writes down what
Lark would do, in a plain JSON file shipped beside the grammar:

* the parse table: per state, the action for each terminal (shift to a state, or
  reduce by a rule) and the state to go to after each rule;
* per state, the regular expression of Lark's contextual lexer for that state: the
  state's terminals, ordered as Lark orders them (priority, then longest possible
  match, then name), each a named group of one alternation, and the exact strings
  Lark re-types when a regular terminal matched them (its "unless" callbacks);
* per rule, how Lark's parse-tree builder shapes the children that the transformer's
  method receives: which children are kept and which come from inlined rules
  (``_name`` rules and repetitions) whose children are spliced in.

So a Lark upgrade is a regeneration and a drift test, never a silent change.
"""

from __future__ import annotations

import hashlib
import json
from copy import copy
from functools import partial
from typing import Any

import lark
from lark import Lark
from lark.grammar import Rule
from lark.lexer import BasicLexer, ContextualLexer, UnlessCallback
from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild
from lark.parsers.lalr_analysis import Shift

from .engine import ENGINE_FORMAT


def engine_tables(parser: Lark, grammar: str) -> dict[str, Any]:
    """The engine's tables for a Lark LALR parser built (without a transformer) from
    ``grammar``, the text it was built from."""
    options = parser.options
    if options.parser != "lalr" or options.lexer != "contextual":
        raise ValueError("the engine runs LALR with the contextual lexer only")
    if options.maybe_placeholders or options.propagate_positions or options.postlex:
        raise ValueError("the engine does not support placeholders, positions or a post-lexer")
    lexer_conf = parser.lexer_conf
    if lexer_conf.ignore or lexer_conf.callbacks or lexer_conf.g_regex_flags or options.regex:
        raise ValueError("the engine does not support ignored terminals, lexer callbacks or flags")

    table = parser.parser.parser._parse_table
    states: dict[int, dict[str, tuple[Any, Any]]] = table.states
    (start,) = table.start_states.values()
    (end,) = table.end_states.values()
    number = _breadth_first(states, start)
    rules: list[Rule] = list(parser.rules)
    builders = dict(parser._parse_tree_builder.rule_builders)
    rule_number = {id(rule): index for index, rule in enumerate(rules)}
    terminal_names = {terminal.name for terminal in lexer_conf.terminals}

    # Lark's contextual lexer, made for the renumbered states as Lark makes it
    conf = copy(lexer_conf)
    conf.skip_validation = True
    contextual = ContextualLexer(
        conf, {number[state]: list(actions) for state, actions in states.items()}
    )
    lexers: list[dict[str, Any]] = []
    lexer_number: dict[str, int] = {}
    newline_terminals: set[str] = set()

    def lexer_of(state: int) -> int:
        lexer = contextual.lexers[state]
        if not isinstance(lexer, BasicLexer):
            raise TypeError(f"unexpected lexer {type(lexer).__name__}")
        described = _describe_lexer(lexer)
        newline_terminals.update(lexer.newline_types)
        key = json.dumps(described, sort_keys=True)
        if key not in lexer_number:
            lexer_number[key] = len(lexers)
            lexers.append(described)
        return lexer_number[key]

    state_rows: list[list[Any]] = []
    for state in sorted(states, key=number.__getitem__):
        actions: dict[str, int] = {}
        gotos: dict[str, int] = {}
        for name, (action, argument) in sorted(states[state].items()):
            if name in terminal_names or name == "$END":
                # a shift is the state shifted to; a reduction is -1 - the rule's number
                actions[name] = (
                    number[argument] if action is Shift else -1 - rule_number[id(argument)]
                )
            else:
                if action is not Shift:
                    raise ValueError(f"a reduction on the nonterminal {name}")
                gotos[name] = number[argument]
        state_rows.append([lexer_of(number[state]), actions, gotos])

    return {
        "format": ENGINE_FORMAT,
        "grammar_sha256": hashlib.sha256(grammar.encode("utf-8")).hexdigest(),
        "lark_version": lark.__version__,
        "start_state": number[start],
        "end_state": number[end],
        "end_terminal": "$END",
        "newline_terminals": sorted(newline_terminals),
        "rules": [_describe_rule(builders[rule], rule) for rule in rules],
        "lexers": lexers,
        "states": state_rows,
    }


def engine_tables_text(parser: Lark, grammar: str) -> str:
    """The engine's tables as the JSON text of the shipped file (the same grammar and
    Lark always give the same text)."""
    return json.dumps(engine_tables(parser, grammar), sort_keys=True, separators=(",", ":")) + "\n"


def _breadth_first(states: dict[int, dict[str, tuple[Any, Any]]], start: int) -> dict[int, int]:
    """Lark numbers states differently from run to run: number them breadth first from
    the start state, following actions and gotos by name, so the file is stable."""
    number = {start: 0}
    order = [start]
    for state in order:  # grows while it is walked
        for _, (action, target) in sorted(states[state].items()):
            if action is Shift and target not in number:
                number[target] = len(number)
                order.append(target)
    if len(number) != len(states):
        raise ValueError("states that cannot be reached from the start")
    return number


def _describe_lexer(lexer: BasicLexer) -> dict[str, Any]:
    """One state's lexer: the patterns Lark's scanner matches, in order, and for each
    regular terminal the patterns of the strings that re-type it."""
    scanner = lexer.scanner  # built on first use, as Lark does
    unless: dict[str, list[str]] = {}
    for name, callback in sorted(lexer.callback.items()):
        if not isinstance(callback, UnlessCallback):
            raise TypeError(f"unexpected lexer callback for {name}")
        unless[name] = [compiled.pattern for compiled in callback.scanner._mres]
    return {"patterns": [compiled.pattern for compiled in scanner._mres], "unless": unless}


def _describe_rule(chain: list[Any], rule: Rule) -> list[Any]:
    """[origin, size, callback name or None for an inlined rule, children kept or None
    when all are kept as they are, expand a single child]."""
    keep: list[list[Any]] | None = None
    expand_single = False
    for wrapper in chain:
        if wrapper is ExpandSingleChild:
            expand_single = True
        elif isinstance(wrapper, partial) and wrapper.func is ChildFilterLALR_NoPlaceholders:
            keep = [[index, bool(splice)] for index, splice in wrapper.args[0]]
        else:
            raise TypeError(f"unexpected tree builder step {wrapper!r} for {rule}")
    origin = rule.origin.name
    inlined = origin.startswith("_")
    if inlined and expand_single:
        raise ValueError(f"an inlined rule that expands a single child: {rule}")
    callback = None if inlined else rule.alias or rule.options.template_source or origin
    return [origin, len(rule.expansion), callback, keep, expand_single]
