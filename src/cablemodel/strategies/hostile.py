"""Strategies for fuzzing: text and JSON that is often not a cable at all.

A parser must give a Cable that renders back to the same text, or a CableSyntaxError,
for every text; ``from_json`` a Cable whose text parses back to it, or a
CableJSONError, for every document.
"""

from __future__ import annotations

import enum
import json
import re
import typing
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Union

import attrs
from hypothesis import strategies as st

from .._render import render
from ..model import Cable, Classification, Level, Publisher, PublisherTag, ReferenceId
from ._common import Draw, _choice, _ints

__all__ = [
    "grammar_texts",
    "mutated_json",
    "mutated_texts",
    "noise_texts",
    "schema_valid_json",
]

# Characters that are known troublemakers: line breaks str.splitlines() sees but the
# grammar does not, a byte-order mark, NUL, no-break space, a lone surrogate (what
# undecodable bytes become under "surrogateescape").
_AWKWARD = (
    "\x00",
    "\r",
    "\n",
    "\t",
    "\ufeff",
    "\xa0",
    "\udc80",
    "\udcff",
    "\u2028",
    "\u2029",
    "\x85",
    "\x0b",
    "\x0c",
    "\x1c",
    "\x1e",
    "¶",
    "é",
    "\U0001f600",
    " ",
)
_NOISE = st.one_of(_choice(_AWKWARD), st.characters(), st.characters(max_codepoint=127))
_NOISE_TEXT = st.text(_NOISE, min_size=1, max_size=12)


def noise_texts() -> st.SearchStrategy[str]:
    """Random text: arbitrary characters, with or without a publisher block in front."""
    head = render(
        Cable(
            Publisher(
                ReferenceId(2005, "PARIS", 3759),
                datetime(2005, 5, 31, 15, 15),
                Classification(Level.CONFIDENTIAL),
                "Embassy Paris",
                "MISSILE",
                (PublisherTag("FR"),),
            ),
            final_newline=True,
        )
    )
    body = st.text(_NOISE, max_size=200)
    return st.one_of(body, body.map(lambda text: head + text))


class _Many(tuple):  # type: ignore[type-arg]
    """Source texts or documents, with a short repr: Hypothesis prints strategy
    arguments in failure reports, and whole cables would drown them."""

    def __repr__(self) -> str:
        return f"<{len(self)} sources>"


# What other software takes for the end of a line (str.splitlines, Unicode): to the
# grammar, only "\n" ends one.
_LINE_SEPARATORS = ("\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\r")
_TEXT_OPERATIONS = (
    "delete",
    "duplicate",
    "swap",
    "truncate",
    "insert",
    "insert",
    "splice",
    "splice",
    "separator",
    "join",
)


@st.composite
def _mutated(draw: Draw, sources: _Many) -> str:
    text: str = draw(st.sampled_from(sources))
    for _ in range(draw(_ints(1, 4))):
        lines = text.split("\n")
        operation = draw(_choice(_TEXT_OPERATIONS))
        i = draw(_ints(0, len(lines) - 1))
        j = draw(_ints(0, len(lines) - 1))
        if operation == "delete" and len(lines) > 1:
            del lines[i]
        elif operation == "duplicate":
            lines.insert(i, lines[i])
        elif operation == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif operation == "splice":  # lines of another cable, where this one has others
            other = draw(st.sampled_from(sources)).split("\n")
            start = draw(_ints(0, len(other) - 1))
            lines[i:i] = other[start : start + draw(_ints(1, 6))]
        elif operation == "separator":
            at = draw(_ints(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(_choice(_LINE_SEPARATORS)) + lines[i][at:]
        elif operation == "join" and i + 1 < len(lines):
            lines[i : i + 2] = [lines[i] + draw(_choice(("", " ", "\t"))) + lines[i + 1]]
        text = "\n".join(lines)
        if operation == "truncate":
            text = text[: draw(_ints(0, len(text)))]
        elif operation == "insert":
            at = draw(_ints(0, len(text)))
            text = text[:at] + draw(_NOISE_TEXT) + text[at:]
    return text


def mutated_texts(sources: Sequence[str]) -> st.SearchStrategy[str]:
    """Real cable texts with lines deleted, duplicated or swapped, lines of another of
    the sources spliced in, two lines joined, a line separator that is not a line end
    to the grammar (U+2028, U+0085, a lone CR …) put into a line, truncated, or random
    characters inserted (one to four of these in a row)."""
    if not sources:
        raise ValueError("mutated_texts needs at least one source text")
    return _mutated(_Many(sources))


# Values of every JSON type; each draw is a fresh copy, as the document is edited in place.
_ODD_VALUES = st.sampled_from(
    (None, True, 0, -1, 2**70, 1.5, "", "x", "2005-13-45", "NOFORN", [], {}, [None], {"": None})
).map(lambda value: json.loads(json.dumps(value)))


@st.composite
def _mutated_json(draw: Draw, documents: _Many) -> str:
    document = json.loads(draw(st.sampled_from(documents)))  # a fresh copy
    for _ in range(draw(_ints(1, 3))):
        parent, key = _pick_member(draw, document)
        if parent is None:
            document = draw(_ODD_VALUES)
            continue
        action = draw(_choice(("replace", "drop", "add")))
        if action == "replace" or not isinstance(parent, dict):
            parent[key] = draw(_ODD_VALUES)
        elif action == "drop":
            del parent[key]
        else:
            parent[draw(_choice(("extra", "span", "kind", "")))] = draw(_ODD_VALUES)
    text = json.dumps(document, ensure_ascii=False)
    if draw(_ints(0, 3)) == 0:
        text = text[: draw(_ints(0, len(text)))]
    return text


def _pick_member(draw: Draw, document: Any) -> tuple[Any, Any]:
    """A random member of the document, as its parent and key (None, None: the root)."""
    parent: Any = None
    key: Any = None
    node = document
    while isinstance(node, (dict, list)) and node:
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        parent, key = node, draw(st.sampled_from(keys))
        node = node[key]
        if draw(_ints(0, 3)) == 0:
            break
    return parent, key


def mutated_json(documents: Sequence[str]) -> st.SearchStrategy[str]:
    """JSON documents (e.g. from ``cablemodel.to_json``) with one to three members
    replaced by values of the wrong type, dropped, or joined by unknown keys; sometimes
    cut short. ``from_json`` must give a Cable or a CableJSONError for each."""
    if not documents:
        raise ValueError("mutated_json needs at least one document")
    return _mutated_json(_Many(documents))


def grammar_texts() -> st.SearchStrategy[str]:
    """Text drawn from the grammar itself (Hypothesis' ``from_lark``).

    Terminals whose patterns look ahead or behind are drawn from their pattern with
    the lookarounds taken out, so a drawn token may well break the condition the
    lookaround states: exactly the text a parser has to reject cleanly.
    """
    from hypothesis.extra.lark import from_lark

    from .._parser.build import build_parser

    parser = build_parser()
    explicit: dict[str, st.SearchStrategy[str]] = {}
    for terminal in parser.terminals:
        pattern = terminal.pattern
        regex = pattern.to_regexp()
        if pattern.type == "re" and any(mark in regex for mark in ("(?=", "(?!", "(?<")):
            explicit[terminal.name] = st.from_regex(_without_lookarounds(regex), fullmatch=True)
    return from_lark(parser, explicit=explicit)


def _without_lookarounds(regex: str) -> str:
    """``regex`` with every (?=…), (?!…), (?<=…) and (?<!…) group removed."""
    out: list[str] = []
    index = 0
    while index < len(regex):
        if regex.startswith(("(?=", "(?!", "(?<=", "(?<!"), index):
            index = _group_end(regex, index)
            continue
        end = _atom_end(regex, index)
        out.append(regex[index:end])
        index = end
    return "".join(out)


def _atom_end(regex: str, index: int) -> int:
    """The end of the escape, character class or single character at ``index``."""
    if regex[index] == "\\":
        return index + 2
    if regex[index] != "[":
        return index + 1
    end = index + 1
    if end < len(regex) and regex[end] == "^":
        end += 1
    if end < len(regex) and regex[end] == "]":  # a leading ] is a literal
        end += 1
    while regex[end] != "]":
        end += 2 if regex[end] == "\\" else 1
    return end + 1


def _group_end(regex: str, index: int) -> int:
    """The end of the parenthesised group that opens at ``index``."""
    depth = 0
    while True:
        char = regex[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index = _atom_end(regex, index)


# ------------------------------------------------------------------ edits the schema allows

# Strings put into a string field or spliced into its value: line ends of every kind,
# blanks, and the starts of structured lines (a prose line that would read as a
# paragraph, a caption, a REF line ...).
_ODD_STRINGS = (
    "",
    " ",
    "\t",
    "\xa0",
    "\n",
    "\r",
    "\r\n",
    "\u2028",
    "\x85",
    "\ufeff",
    "2. (S) X",
    "SIPDIS",
    "REF: A. STATE 1",
    "E.O. 12958: N/A",
    "SUBJECT: X",
    "BEGIN SUMMARY",
    "WOLFF",
    "FM AMEMBASSY PARIS",
    "PARIS 00003759  002 OF 002",
)
_ODD_INTEGERS: tuple[int, ...] = (0, 1, -1, 9, 10, 12, 13, 31, 32, 59, 60, 99, 100, 999)
_ODD_INTEGERS += (1000, 1965, 1966, 2065, 2066, 9999, 10**4, 10**6, 10**7, 10**8, 10**11)
_ODD_INTEGERS += (10**20, 2**63, 2**64)
_DATETIMES = (
    "2005-05-31T15:15:00",
    "2005-05-31T15:15:07",
    "1999-12-31T23:59:59.500000",
    "2005-05-31T15:15:00+01:00",
    "0999-01-01T00:00:00",
    "2016-02-29T00:00:00",
)
_DATES = ("2015-05-31", "1966-01-01", "2065-12-31", "2066-01-01", "0001-01-01", "2016-02-29")
_KEEP = ("type", "span")  # the union tag stays; positions take no part in a reading


def _tag(cls: type) -> str:
    """The ``type`` key of a class in the document (its name in snake case, docs/json.md)."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", cls.__name__).lower()


def _class_of(hint: Any, value: Any) -> type | None:
    """The attrs class a JSON object of the field ``hint`` describes."""
    members = typing.get_args(hint) if typing.get_origin(hint) is Union else (hint,)
    classes = [m for m in members if isinstance(m, type) and attrs.has(m)]
    if len(classes) == 1:
        return classes[0]
    tag = value.get("type") if isinstance(value, dict) else None
    return next((cls for cls in classes if _tag(cls) == tag), None)


def _strings(document: Any) -> list[str]:
    """Every string value in a document (what another cable writes)."""
    if isinstance(document, dict):
        return [s for key, value in document.items() if key != "type" for s in _strings(value)]
    if isinstance(document, list):
        return [s for value in document for s in _strings(value)]
    return [document] if isinstance(document, str) else []


def _lists(document: Any, name: str) -> list[list[Any]]:
    """The arrays of field ``name`` anywhere in a document (parts of the same kind)."""
    found: list[list[Any]] = []
    if isinstance(document, dict):
        for key, value in document.items():
            if key == name and isinstance(value, list) and value:
                found.append(value)
            found.extend(_lists(value, name))
    elif isinstance(document, list):
        for value in document:
            found.extend(_lists(value, name))
    return found


class _Editor:
    """Edits a document the way the schema allows: each value becomes another of its
    field's type (another member of an enum, a string of another cable, an integer at a
    boundary, null where null may stand), arrays lose, repeat or swap items or take one
    of another cable's. The document stays valid against the JSON Schema; the cable it
    describes may be one no text gives."""

    def __init__(self, draw: Draw, donor: Any) -> None:
        self.draw = draw
        self.donor = donor
        self.donor_strings = _strings(donor) or [""]

    def edit_object(self, value: dict[str, Any], cls: type) -> None:
        hints = typing.get_type_hints(cls)
        names = [field.name for field in attrs.fields(cls) if field.name not in _KEEP]
        if not names:
            return
        name = self.draw(st.sampled_from(names))
        if name in value:
            value[name] = self.edit(value[name], hints[name], name)

    def edit(self, value: Any, hint: Any, name: str) -> Any:
        draw = self.draw
        origin = typing.get_origin(hint)
        arguments = typing.get_args(hint)
        optional = origin is Union and type(None) in arguments
        if optional and draw(_ints(0, 5)) == 0:
            return None if value is not None else value
        if optional and value is None:
            return value  # a value of the other type would need a whole new part
        if optional:
            members = tuple(a for a in arguments if a is not type(None))
            hint = members[0] if len(members) == 1 else Union[members]
            origin, arguments = typing.get_origin(hint), typing.get_args(hint)
        if origin is tuple:
            return self.edit_array(value, arguments, name)
        cls = _class_of(hint, value)
        if cls is not None:
            if draw(_ints(0, 4)) == 0:  # the same part of another cable
                others = [item for items in _lists(self.donor, name) for item in items]
                fitting = [item for item in others if _class_of(hint, item) is not None]
                if fitting:
                    return json.loads(json.dumps(draw(st.sampled_from(fitting))))
            self.edit_object(value, cls)
            return value
        return self.edit_scalar(value, hint)

    def edit_array(self, value: list[Any], arguments: tuple[Any, ...], name: str) -> list[Any]:
        draw = self.draw
        if not (len(arguments) == 2 and arguments[1] is Ellipsis):  # fixed length: an item
            if value:
                index = draw(_ints(0, len(value) - 1))
                value[index] = self.edit(value[index], arguments[index], name)
            return value
        item_hint = arguments[0]
        operation = draw(_choice(("edit", "edit", "delete", "repeat", "swap", "borrow")))
        if operation == "borrow":
            others = [item for items in _lists(self.donor, name) for item in items]
            if others:
                borrowed = json.loads(json.dumps(draw(st.sampled_from(others))))
                value.insert(draw(_ints(0, len(value))), borrowed)
            return value
        if not value:
            return value
        i = draw(_ints(0, len(value) - 1))
        j = draw(_ints(0, len(value) - 1))
        if operation == "edit":
            value[i] = self.edit(value[i], item_hint, name)
        elif operation == "delete":
            del value[i]
        elif operation == "repeat":
            value.insert(i, json.loads(json.dumps(value[i])))
        else:
            value[i], value[j] = value[j], value[i]
        return value

    def edit_scalar(self, value: Any, hint: Any) -> Any:
        draw = self.draw
        if hint is bool:
            return not value
        if hint is int:
            number = int(value) if isinstance(value, int) else 0
            return draw(_choice((*_ODD_INTEGERS, number + 1, number - 1, number * 10, -number)))
        if hint is datetime:
            return draw(_choice(_DATETIMES))
        if hint is date:
            return draw(_choice(_DATES))
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            return draw(st.sampled_from([member.value for member in hint]))
        if hint is str:
            text = value if isinstance(value, str) else ""
            how = draw(_choice(("splice", "splice", "replace", "borrow")))
            odd = draw(_choice(_ODD_STRINGS))
            if how == "replace":
                return odd
            if how == "borrow":
                return draw(st.sampled_from(self.donor_strings))
            at = draw(_ints(0, len(text)))
            return text[:at] + odd + text[at:]
        return value


@st.composite
def _edited_json(draw: Draw, documents: _Many) -> str:
    document = json.loads(draw(st.sampled_from(documents)))  # fresh copies
    donor = json.loads(draw(st.sampled_from(documents)))
    editor = _Editor(draw, donor)
    body = {key: value for key, value in document.items() if key != "schema_version"}
    for _ in range(draw(_ints(1, 3))):
        editor.edit_object(body, Cable)
    return json.dumps({"schema_version": document["schema_version"], **body}, ensure_ascii=False)


def schema_valid_json(documents: Sequence[str]) -> st.SearchStrategy[str]:
    """Documents (from ``cablemodel.to_json``) with one to three values changed as the
    JSON Schema allows: another enum member, a string with a line end or the start of
    a structured line in it or taken from another of the documents, an integer at a
    boundary (13, 10**11, 2**64), null, an array item dropped, repeated, swapped or
    taken from another document. Every one is valid against the schema; ``from_json``
    must give a Cable whose text parses back to it, or a CableJSONError."""
    if not documents:
        raise ValueError("schema_valid_json needs at least one document")
    return _edited_json(_Many(documents))
