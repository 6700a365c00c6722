"""Build the Lark parser: from the LALR tables shipped beside the grammar when they fit the
grammar and the installed Lark, else from the grammar itself."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

import lark
from lark import Lark
from lark.exceptions import UnexpectedInput, VisitError
from lark.grammar import Rule
from lark.lexer import TerminalDef

from ..errors import CableSyntaxError
from .shipped import grammar_digest, grammar_text
from .tokens import TOKEN_TYPES
from .transformer import ToModel

# the callbacks take Lark's tokens as tokens too (they have the same attributes)
TOKEN_TYPES.add(lark.Token)


def lark_parse(text: str, source: str) -> Any:
    """Parse ``source`` (``text`` with its final line end) with Lark's own parser; raise a
    CableSyntaxError with Lark's view of where and why the text is not a cable."""
    from .messages import syntax_error

    failure: CableSyntaxError | None = None
    try:
        return shared_parser().parse(source)
    except UnexpectedInput as error:
        failure = syntax_error(text, error)
    except VisitError as error:  # pragma: no cover - a transformer bug, not bad input
        raise error.orig_exc from error
    # raised here, not in the except block: the error carries no Lark exception as its
    # context, so it pickles wherever tracebacks and contexts are pickled (Dask)
    raise failure


def _options(strict: bool) -> dict[str, Any]:
    return {"parser": "lalr", "lexer": "contextual", "strict": strict, "maybe_placeholders": False}


@functools.lru_cache(maxsize=1)
def shared_parser() -> Lark:
    """The parser, made on first use: from the shipped tables when they fit, else built."""
    tables = _shipped_tables()
    parser: Lark | None = None
    if tables is not None:
        try:
            # Lark's loader for serialized parsers (the one its standalone generator uses)
            parser = Lark._load_from_dict(  # type: ignore[no-untyped-call]
                tables["data"], tables["memo"], transformer=ToModel()
            )
        except Exception:  # tables this Lark cannot read: build from the grammar instead
            parser = None
    if parser is None:
        parser = Lark(grammar_text(), transformer=ToModel(), **_options(strict=False))
    _share_lexers(parser)
    return parser


def _share_lexers(parser: Lark) -> None:
    """Let parser states that accept the same terminals share one lexer.

    Lark's contextual lexer makes a lexer per distinct set of parser actions, gotos
    included: 133 lexers for 87 sets of terminals here. Each compiles its regular
    expression on first use, which is most of the first parse (about 30 ms).
    """
    lexers: dict[int, Any] | None = getattr(parser.parser.lexer, "lexers", None)
    if not lexers:
        return
    shared: dict[frozenset[str], Any] = {}
    for state, lexer in lexers.items():
        terminals = frozenset(terminal.name for terminal in lexer.terminals)
        lexers[state] = shared.setdefault(terminals, lexer)


TABLES_FILE = "cable.tables.json"


def _grammar_digest() -> str:
    return grammar_digest()


def _shipped_tables() -> dict[str, Any] | None:
    """The parser tables shipped beside the grammar, if they were made from this very
    grammar by this minor version of Lark (whose serial form may change between minor
    versions); else None, and the parser is built from the grammar (about 0.2 s)."""
    source = resources.files("cablemodel.grammar").joinpath(TABLES_FILE)
    if not source.is_file():
        return None
    tables: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    if tables.get("grammar_sha256") != _grammar_digest():
        return None
    if _minor_version(str(tables.get("lark_version", ""))) != _minor_version(lark.__version__):
        return None
    # JSON keys are strings; Lark numbers its memo, tokens and states with ints
    table = tables["data"]["parser"]["parser"]
    tables["memo"] = {int(key): value for key, value in tables["memo"].items()}
    table["tokens"] = {int(key): value for key, value in table["tokens"].items()}
    table["states"] = {
        int(state): {int(token): action for token, action in actions.items()}
        for state, actions in table["states"].items()
    }
    return tables


def _minor_version(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


_UNBOUNDED = 2**32 - 1


def parser_tables_text() -> str:
    """The LALR tables of the shipped grammar as JSON, for the file shipped beside it.

    Lark numbers states and tokens in an order that changes from run to run; here
    they are renumbered (states breadth first from the start, tokens by name), so the
    same grammar always gives the same text. tools/generate_parser_tables.py writes it.
    """
    data, memo = build_parser().memo_serialize([TerminalDef, Rule])
    table = data["parser"]["parser"]
    names: dict[int, str] = table["tokens"]
    states: dict[int, dict[int, tuple[int, Any]]] = table["states"]

    def by_name(item: tuple[int, tuple[int, Any]]) -> str:
        return names[item[0]]

    number: dict[int, int] = {}
    order: list[int] = []
    for state in [table["start_states"][name] for name in sorted(table["start_states"])]:
        number.setdefault(state, len(number))
        order.append(state)
    for state in order:  # grows while it is walked: breadth first
        for _, (action, target) in sorted(states[state].items(), key=by_name):
            if action == 0 and target not in number:  # 0 = shift (or go to)
                number[target] = len(number)
                order.append(target)
    token_names = sorted(set(names.values()))
    token_number = {name: index for index, name in enumerate(token_names)}
    table["tokens"] = dict(enumerate(token_names))
    table["states"] = {
        number[state]: {
            token_number[names[token]]: (action, number[target] if action == 0 else target)
            for token, (action, target) in sorted(states[state].items(), key=by_name)
        }
        for state in order
    }
    table["start_states"] = {name: number[state] for name, state in table["start_states"].items()}
    table["end_states"] = {name: number[state] for name, state in table["end_states"].items()}
    for item in memo.values():
        width = item.get("pattern", {}).get("_width")
        if width and width[1] >= _UNBOUNDED:
            # Python writes "no upper bound" as 2**32 - 1 before 3.11.7 and 2**64 after;
            # both sort the same, so the file is the same on every Python
            width[1] = _UNBOUNDED
    document = {
        "grammar_sha256": _grammar_digest(),
        "lark_version": lark.__version__,
        "data": data,
        "memo": memo,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n"


def build_parser(*, strict: bool = False) -> Lark:
    """A fresh Lark parser over the shipped grammar that builds a tree (tests, tools)."""
    return Lark(grammar_text(), **_options(strict=strict))
