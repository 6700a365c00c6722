"""The parser's engine: Lark's LALR automaton and contextual lexer for grammar/cable.lark,
run as one loop from the tables shipped beside the grammar (engine_tables.py makes them).

The loop matches the next token with the regular expression of the current parser
state, then reduces and shifts as the parse table says, calling the transformer's
method for each rule with the children Lark's tree builder would give it. There are no
Lark tokens or lexer objects and no throwaway trees for inlined rules: an inlined rule's
children are a list that its parent splices in. Lark is not imported.

The engine reads only texts that the grammar accepts. Where Lark would stop with an
error (no terminal of the state matches, or the table has no action for a token), it
raises NotInGrammarError, and the caller runs Lark's own parser for the error and its
message. (Lark's contextual lexer then also tries all terminals, for a better message;
that only ever changes the error, never a parse.)
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import partial
from importlib import resources
from typing import Any

from .shipped import grammar_digest
from .tokens import Token

__all__ = ["ENGINE_FORMAT", "ENGINE_TABLES_FILE", "Engine", "NotInGrammarError", "load"]

ENGINE_TABLES_FILE = "cable.engine.json"

# the layout of the file; tables of another layout are not used
ENGINE_FORMAT = 1


def load(transformer: object) -> Engine | None:
    """The engine of the tables shipped beside the grammar, calling ``transformer``'s
    methods, if the tables were made from this very grammar in this layout; else None
    (the caller uses Lark's parser)."""
    source = resources.files("cablemodel.grammar").joinpath(ENGINE_TABLES_FILE)
    if not source.is_file():
        return None
    tables: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    if tables.get("format") != ENGINE_FORMAT or tables.get("grammar_sha256") != grammar_digest():
        return None
    return Engine(tables, transformer)


class NotInGrammarError(Exception):
    """The text is not in the grammar's language (Lark gives the message)."""



# The kinds of reduction, by how the rule's value is made from the values it pops.
# Inlined rules (``_name`` and repetitions) are lists their parent splices in, as
# Lark's tree builder splices the children of their throwaway trees; the common shapes
# have a kind of their own so that the loop does them in place.
_APPEND = 0  # X -> X a: the list grows by one value
_WRAP = 1  # X -> a: a new list of one value
_EXTEND = 2  # X -> X _y: the list grows by another list
_PASS = 3  # X -> _y: the list itself
_EMPTY = 4  # X -> (nothing): a new empty list
_INLINE = 5  # any other inlined rule: its kept and spliced values
_CALL = 6  # the rule's method, called with the values as they are
_CALL_KEPT = 7  # the rule's method, called with the kept and spliced values
_INLINE_SHAPES = {
    ((0, True), (1, False)): _APPEND,
    ((0, False),): _WRAP,
    ((0, True), (1, True)): _EXTEND,
    ((0, True),): _PASS,
}


class Engine:
    """The automaton of one set of engine tables, calling ``transformer``'s methods."""

    def __init__(self, tables: dict[str, Any], transformer: object) -> None:
        self._start: int = tables["start_state"]
        self._end_state: int = tables["end_state"]
        self._end: str = tables["end_terminal"]
        self._newline: frozenset[str] = frozenset(tables["newline_terminals"])
        nonterminals: dict[str, int] = {}
        rows = tables["states"]
        # per state: terminal -> action (>= 0 shift to that state, < 0 reduce by -1 - rule)
        self._actions: list[dict[str, int]] = [row[1] for row in rows]
        self._lexer_of: list[int] = [row[0] for row in rows]
        gotos: list[dict[str, int]] = [row[2] for row in rows]
        for state_gotos in gotos:
            for name in state_gotos:
                nonterminals.setdefault(name, len(nonterminals))
        # per state: nonterminal number -> state to go to
        self._gotos: list[list[int]] = []
        for state_gotos in gotos:
            row = [-1] * len(nonterminals)
            for name, target in state_gotos.items():
                row[nonterminals[name]] = target
            self._gotos.append(row)
        self._rules: list[tuple[int, int, int, Any, Any]] = []
        for origin, size, callback_name, keep, expand_single in tables["rules"]:
            self._rules.append(
                _plan(
                    nonterminals.get(origin, -1),
                    size,
                    callback_name,
                    keep,
                    expand_single,
                    transformer,
                )
            )
        self._lexer_tables: list[dict[str, Any]] = tables["lexers"]
        # per state: the match function of the state's lexer; each compiles its regular
        # expression on first use (a text meets few of the states)
        self._matchers: list[Callable[[str, int], Any]] = [
            partial(self._compile_and_match, state) for state in range(len(rows))
        ]

    def _compile_and_match(self, state: int, text: str, pos: int) -> Any:
        index = self._lexer_of[state]
        match = _matcher(self._lexer_tables[index])
        for other, lexer in enumerate(self._lexer_of):
            if lexer == index:
                self._matchers[other] = match
        return match(text, pos)

    def parse(self, text: str) -> Any:
        """Run the automaton over ``text``: the value of the start rule, or
        NotInGrammarError."""
        actions = self._actions
        gotos = self._gotos
        rules = self._rules
        matchers = self._matchers
        newline = self._newline
        token_class = Token

        state = self._start
        states = [state]
        values: list[Any] = []
        pos = 0
        size = len(text)
        line = 1
        line_start = 0
        while pos < size:
            found = matchers[state](text, pos)
            if found is None:
                raise NotInGrammarError
            name = found.lastgroup
            value = found[0]
            token = token_class(value)
            token.type = name
            token.line = line
            token.column = pos - line_start + 1
            pos += len(value)
            if name in newline:
                count = value.count("\n")
                if count:
                    line += count
                    line_start = pos - len(value) + value.rindex("\n") + 1
            try:
                action = actions[state][name]
                while action < 0:  # reduce by rule -1 - action, then look again
                    origin, count, kind, callback, keep = rules[-1 - action]
                    if kind == _APPEND:
                        item = values.pop()
                        values[-1].append(item)
                        states.pop()
                    elif kind == _WRAP:
                        values[-1] = [values[-1]]
                    elif kind == _EXTEND:
                        item = values.pop()
                        values[-1] += item
                        states.pop()
                    elif kind == _EMPTY:
                        values.append([])
                        states.append(state)  # popped below: nothing was popped
                    elif kind != _PASS:
                        values.append(_reduced(values, states, count, kind, callback, keep))
                        states.append(state)
                    states[-1] = state = gotos[states[-2]][origin]
                    action = actions[state][name]
            except KeyError:
                raise NotInGrammarError from None
            state = action
            states.append(state)
            values.append(token)
        return self._finish(states, values)

    def _finish(self, states: list[int], values: list[Any]) -> Any:
        """At the end of the text: reduce until the start rule is complete."""
        end_terminal = self._end
        while True:
            action = self._actions[states[-1]].get(end_terminal)
            if action is None or action >= 0:  # Lark never shifts the end either
                raise NotInGrammarError
            origin, count, kind, callback, keep = self._rules[-1 - action]
            values.append(_reduced(values, states, count, kind, callback, keep))
            state = self._gotos[states[-1]][origin]
            states.append(state)
            if state == self._end_state:
                return values[-1]


def _reduced(
    values: list[Any], states: list[int], count: int, kind: int, callback: Any, keep: Any
) -> Any:
    """Pop a rule's values (and states) and make the rule's value from them."""
    if count:
        children = values[-count:]
        del values[-count:]
        del states[-count:]
    else:
        children = []
    if kind == _CALL:
        return callback(children)
    if kind == _EMPTY:
        return []
    kept: list[Any] = []
    for index, splice in keep:
        if not splice:
            kept.append(children[index])
        elif kept:
            kept += children[index]
        else:
            kept = children[index]
    return kept if callback is None else callback(kept)


def _plan(
    origin: int,
    size: int,
    callback_name: str | None,
    keep: list[list[Any]] | None,
    expand_single: bool,
    transformer: object,
) -> tuple[int, int, int, Any, Any]:
    """How one rule's reduction makes its value: (origin, size, kind, method, kept)."""
    # Lark's tree builder keeps all values as they are unless it filters or splices
    kept = tuple(
        (index, bool(splice))
        for index, splice in (keep if keep is not None else ((i, False) for i in range(size)))
    )
    if callback_name is None:  # an inlined rule (or repetition)
        if size == 0:
            return origin, size, _EMPTY, None, kept
        return origin, size, _INLINE_SHAPES.get(kept, _INLINE), None, kept
    method = getattr(transformer, callback_name, None)
    if method is None:
        raise LookupError(f"the transformer has no method {callback_name}")
    if expand_single:
        method = _expand_single(method)
    if keep is None:
        return origin, size, _CALL, method, kept
    return origin, size, _CALL_KEPT, method, kept


def _expand_single(method: Callable[[list[Any]], Any]) -> Callable[[list[Any]], Any]:
    """A ?rule: one child stands for the rule itself, as in Lark's tree builder."""

    def expand(children: list[Any]) -> Any:
        return children[0] if len(children) == 1 else method(children)

    return expand


def _matcher(table: dict[str, Any]) -> Callable[[str, int], Any]:
    """The match function of one state's lexer: Lark's scanner for the state's terminals
    (one alternation of named groups, tried in order), then its re-typing of strings."""
    scanners = [re.compile(source).match for source in table["patterns"]]
    retype = {
        name: [re.compile(source).fullmatch for source in sources]
        for name, sources in table["unless"].items()
    }
    if len(scanners) == 1 and not retype:
        return scanners[0]

    def match(text: str, pos: int) -> Any:
        for scan in scanners:
            found = scan(text, pos)
            if found is not None:
                break
        else:
            return None
        for fullmatch in retype.get(found.lastgroup, ()):
            exact = fullmatch(found.group())
            if exact is not None and exact.lastgroup is not None:
                return _Retyped(found, exact.lastgroup)
        return found

    return match


class _Retyped:
    """A match whose terminal Lark changes: a string terminal that a regular terminal of
    the same priority matched (Lark's "unless" callback)."""

    __slots__ = ("_found", "lastgroup")

    def __init__(self, found: re.Match[str], name: str) -> None:
        self._found = found
        self.lastgroup = name

    def __getitem__(self, group: int) -> str:
        return self._found[group]
