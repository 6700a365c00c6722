"""Cables as JSON: one configured cattrs converter, and errors that name JSON paths.

The document is the model written out field by field (docs/json.md): attrs field
names as keys, dates and datetimes as ISO 8601 strings, enums as their values,
tuples as arrays, and members of unions as objects whose ``"type"`` key names the
class. ``span`` keys carry positions on output and may be left out on input.
Unknown keys are rejected.

This is the only module that imports cattrs.
"""

from __future__ import annotations

import enum
import functools
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.preconf.json import JsonConverter
from cattrs.preconf.json import make_converter as _make_json_converter

from .. import _roundtrip as roundtrip
from ..errors import CableJSONError
from ..model import Cable
from ._shape import (
    DATE_PATTERN,
    DATETIME_PATTERN,
    SCHEMA_VERSION,
    TAG_KEY,
    build_schema,
    is_union,
    shape,
    split_optional,
    spoken_name,
)

# orjson, from the optional extra cablemodel[fast]: the same text, several times faster.
# The tests run with it, and without it by setting this to None.
_orjson: types.ModuleType | None
try:
    import orjson
except ImportError:  # pragma: no cover
    _orjson = None
else:
    _orjson = orjson

__all__ = [
    "SCHEMA_VERSION",
    "from_dict",
    "from_json",
    "generate_schema",
    "json_schema",
    "make_converter",
    "schema_text",
    "to_dict",
    "to_json",
    "write_schema",
]

SCHEMA_RESOURCE = "schema/cable.schema.json"
VERSION_KEY = "schema_version"

_DATE = re.compile(DATE_PATTERN)
_DATETIME = re.compile(DATETIME_PATTERN)


class _BadValueError(ValueError):
    """A problem a hook found; ``message`` is the final text, ``key`` extends the path."""

    def __init__(self, message: str, key: str | None = None, expected: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.key = key
        self.expected = expected  # set for a value of the wrong JSON type


def _describe(value: object) -> str:
    """A JSON value as an error message shows it."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    return repr(value)


def _expected(what: str, value: object) -> _BadValueError:
    return _BadValueError(f"expected {what}, got {_describe(value)}", expected=what)


def _a(name: str) -> str:
    return ("an " if name[:1] in "aeiou" else "a ") + name


# ------------------------------------------------------------------ primitives


def _structure_str(value: object, _: object) -> str:
    if isinstance(value, str):
        return value
    raise _expected("a string", value)


def _structure_int(value: object, _: object) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise _expected("an integer", value)


def _structure_bool(value: object, _: object) -> bool:
    if isinstance(value, bool):
        return value
    raise _expected("true or false", value)


def _structure_date(value: object, _: object) -> date:
    if not isinstance(value, str):
        raise _expected("a date string", value)
    if not _DATE.fullmatch(value):
        raise _BadValueError(f"{_describe(value)} is not an ISO 8601 date (YYYY-MM-DD)")
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise _BadValueError(f"{_describe(value)} is not a valid date ({error})") from None


def _structure_datetime(value: object, _: object) -> datetime:
    if not isinstance(value, str):
        raise _expected("a date-time string", value)
    if not _DATETIME.fullmatch(value):
        raise _BadValueError(
            f"{_describe(value)} is not an ISO 8601 date-time (YYYY-MM-DDTHH:MM:SS)"
        )
    try:
        return datetime.fromisoformat(value)
    except ValueError as error:
        raise _BadValueError(f"{_describe(value)} is not a valid date-time ({error})") from None


def _structure_enum(value: object, kind: type[enum.Enum]) -> enum.Enum:
    return _enum_structure_factory(kind)(value, kind)


@functools.cache
def _enum_structure_factory(kind: type[enum.Enum]) -> Callable[[object, object], enum.Enum]:
    members = {member.value: member for member in kind}
    name = spoken_name(kind.__name__)

    def structure(value: object, _: object) -> enum.Enum:
        if isinstance(value, str) and value in members:
            return members[value]
        raise _BadValueError(f"{_describe(value)} is not {_a(name)}")

    return structure


# ------------------------------------------------------------------ converter


def make_converter() -> JsonConverter:
    """A new converter configured for the cable document (tests build fresh ones)."""
    converter = _make_json_converter(forbid_extra_keys=True, detailed_validation=True)
    _Hooks(converter).register()
    return converter


class _Hooks:
    """The hooks that make the converter strict and tag the unions."""

    def __init__(self, converter: JsonConverter) -> None:
        self.converter = converter
        self.shape = shape()

    def register(self) -> None:
        converter = self.converter
        for kind, structure in (
            (str, _structure_str),
            (int, _structure_int),
            (bool, _structure_bool),
            (date, _structure_date),
            (datetime, _structure_datetime),
        ):
            converter.register_structure_hook(kind, structure)
        converter.register_unstructure_hook(date, date.isoformat)
        converter.register_unstructure_hook(datetime, datetime.isoformat)
        # Factories registered later take precedence over the preconfigured ones.
        converter.register_structure_hook_factory(_is_enum, _enum_structure_factory)
        # cattrs before 26.1 dispatches enums by class ahead of every factory.
        converter.register_structure_hook(enum.Enum, _structure_enum)
        converter.register_unstructure_hook_factory(_is_enum, lambda _: _enum_value)
        converter.register_structure_hook_factory(_is_tuple, self.tuple_structure)
        converter.register_unstructure_hook_factory(_is_tuple, self.tuple_unstructure)
        converter.register_structure_hook_factory(is_union, self.union_structure)
        converter.register_unstructure_hook_factory(is_union, self.union_unstructure)
        converter.register_structure_hook_factory(attrs.has, self.class_structure)
        converter.register_unstructure_hook_factory(attrs.has, self.class_unstructure)

    # --- attrs classes
    def class_structure(self, cls: type) -> Callable[[object, object], object]:
        generated: Callable[[Any, Any], object] = make_dict_structure_fn(
            cls,
            self.converter,
            _cattrs_forbid_extra_keys=False,  # checked below, where "type" is allowed
            _cattrs_detailed_validation=True,
        )
        tag = self.shape.tags.get(cls)
        allowed = {attribute.name for attribute in attrs.fields(cls)}
        if tag is not None:
            allowed.add(TAG_KEY)

        def structure(value: object, _: object) -> object:
            if not isinstance(value, dict):
                raise _expected("an object", value)
            if tag is not None and value.get(TAG_KEY) != tag:
                raise _tag_problem(value, tag)
            if value.keys() <= allowed:  # the common case, without building a set
                return generated(value, cls)
            unknown = value.keys() - allowed
            errors: list[Exception] = []
            try:
                generated(value, cls)
            except ClassValidationError as error:
                errors.extend(error.exceptions)
            errors.append(ForbiddenExtraKeysError("", cls, unknown))
            raise ClassValidationError(f"While structuring {cls.__name__}", errors, cls)

        return structure

    def class_unstructure(self, cls: type) -> Callable[[Any], dict[str, Any]]:
        generated: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(cls, self.converter)
        tag = self.shape.tags.get(cls)
        if tag is None:
            return generated

        def unstructure(value: Any) -> dict[str, Any]:
            return {TAG_KEY: tag, **generated(value)}

        return unstructure

    # --- tuples (JSON arrays)
    def tuple_structure(self, hint: Any) -> Callable[[object, object], tuple[Any, ...]]:
        arguments = typing.get_args(hint)
        get_hook = self.converter.get_structure_hook
        length: int | None
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            item_type, length = arguments[0], None
            item_hook = get_hook(item_type)
            items: Callable[[int], tuple[Any, Any]] = lambda _: (item_type, item_hook)  # noqa: E731
        else:
            length = len(arguments)
            pairs = [(argument, get_hook(argument)) for argument in arguments]
            items = pairs.__getitem__

        def structure(value: object, _: object) -> tuple[Any, ...]:
            if not isinstance(value, list):
                raise _expected("an array", value)
            if length is not None and len(value) != length:
                raise _BadValueError(f"expected an array of {length} items, got {len(value)}")
            result: list[Any] = []
            errors: list[Exception] = []
            for index, item in enumerate(value):
                item_type, hook = items(index)
                try:
                    result.append(hook(item, item_type))
                except Exception as error:  # collected: every item is checked
                    note = IterableValidationNote(f"@ index {index}", index, item_type)
                    error.__notes__ = [*getattr(error, "__notes__", []), note]
                    errors.append(error)
            if errors:
                raise IterableValidationError(f"While structuring {hint!r}", errors, hint)
            return tuple(result)

        return structure

    def tuple_unstructure(self, hint: Any) -> Callable[[tuple[Any, ...]], list[Any]]:
        arguments = typing.get_args(hint)
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            item_hook = self.converter.get_unstructure_hook(arguments[0])
            return lambda value: [item_hook(item) for item in value]
        hooks = [self.converter.get_unstructure_hook(argument) for argument in arguments]
        return lambda value: [hook(item) for hook, item in zip(hooks, value, strict=True)]

    # --- unions: None, or one class chosen by the "type" key
    def union_structure(self, hint: Any) -> Callable[[object, object], object]:
        members, optional = split_optional(hint)
        if len(members) == 1:
            member = members[0]
            inner = self.converter.get_structure_hook(member)

            def structure_optional(value: object, _: object) -> object:
                if value is None and optional:
                    return None
                try:
                    return inner(value, member)
                except _BadValueError as error:
                    if error.expected is None or not optional:
                        raise
                    raise _expected(error.expected + " or null", value) from None

            return structure_optional
        by_tag = {
            self.shape.tags[member]: (member, self.converter.get_structure_hook(member))
            for member in members
        }
        name = spoken_name(self.shape.union_name(members))

        def structure_tagged(value: object, _: object) -> object:
            if value is None and optional:
                return None
            if not isinstance(value, dict):
                raise _expected("an object" + (" or null" if optional else ""), value)
            if TAG_KEY not in value:
                raise _BadValueError("missing required key", key=TAG_KEY)
            tag = value[TAG_KEY]
            found = by_tag.get(tag) if isinstance(tag, str) else None
            if found is None:
                raise _BadValueError(f"{_describe(tag)} is not {_a(name)} type", key=TAG_KEY)
            member, hook = found
            return hook(value, member)

        return structure_tagged

    def union_unstructure(self, hint: Any) -> Callable[[Any], Any]:
        members, _ = split_optional(hint)
        hooks = {member: self.converter.get_unstructure_hook(member) for member in members}

        def unstructure(value: Any) -> Any:
            return None if value is None else hooks[value.__class__](value)

        return unstructure


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, enum.Enum)


def _enum_value(value: enum.Enum) -> Any:
    return value.value


def _is_tuple(hint: Any) -> bool:
    return typing.get_origin(hint) is tuple and bool(typing.get_args(hint))


def _tag_problem(value: dict[Any, Any], tag: str) -> _BadValueError:
    if TAG_KEY not in value:
        return _BadValueError("missing required key", key=TAG_KEY)
    return _BadValueError(f"{_describe(value[TAG_KEY])} is not {tag!r}", key=TAG_KEY)


_CONVERTER = make_converter()


# ------------------------------------------------------------------ errors


def _member(path: str, key: str) -> str:
    return f"{path}.{key}" if key.isidentifier() else f"{path}[{json.dumps(key)}]"


def _problems(error: BaseException, path: str) -> Iterator[str]:
    """Flatten cattrs' tree of errors into ``"$.path: message"`` lines, in order."""
    if isinstance(error, ClassValidationError):
        with_notes, others = error.group_exceptions()
        for inner, attribute_note in with_notes:
            yield from _problems(inner, _member(path, attribute_note.name))
        for inner in others:
            yield from _problems(inner, path)
    elif isinstance(error, IterableValidationError):
        with_index, others = error.group_exceptions()
        for inner, index_note in with_index:
            yield from _problems(inner, f"{path}[{index_note.index}]")
        for inner in others:
            yield from _problems(inner, path)
    elif isinstance(error, _BadValueError):
        yield f"{path if error.key is None else _member(path, error.key)}: {error.message}"
    elif isinstance(error, KeyError):
        yield f"{path}: missing required key"
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields, key=str):
            yield f"{_member(path, str(key))}: unknown key"
    else:  # a check inside the model itself, say
        yield f"{path}: invalid value ({type(error).__name__}: {error})"


# ------------------------------------------------------------------ public API


def to_dict(cable: Cable) -> dict[str, Any]:
    """The cable as plain JSON values: dicts, lists, strings, ints, booleans, None."""
    return {VERSION_KEY: SCHEMA_VERSION, **_CONVERTER.unstructure(cable, Cable)}


def to_json(cable: Cable, *, indent: int | None = None) -> str:
    """The cable as a JSON document (compact unless ``indent`` is given)."""
    return _dumps(to_dict(cable), indent)


def _dumps(data: dict[str, Any], indent: int | None) -> str:
    """``json.dumps`` with these separators, not escaping what is not ASCII; through
    orjson when it is installed, which writes the same bytes for the values a document
    holds (strings, ints, booleans, null, lists, objects), compact or by two spaces."""
    if _orjson is not None and indent in (None, 2):
        try:
            written: bytes = _orjson.dumps(data, option=_orjson.OPT_INDENT_2 if indent else 0)
            return written.decode()
        except TypeError:  # what orjson does not write (a lone surrogate, a huge int)
            pass
    separators = (",", ":") if indent is None else (",", ": ")
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=separators)


def from_dict(data: object) -> Cable:
    """The cable a ``to_dict`` structure describes; raise ``CableJSONError``."""
    if not isinstance(data, dict):
        raise CableJSONError((f"$: expected an object, got {_describe(data)}",))
    problems: list[str] = []
    if VERSION_KEY not in data:
        problems.append(f"$.{VERSION_KEY}: missing required key")
    elif (version := data[VERSION_KEY]) != SCHEMA_VERSION or isinstance(version, bool):
        # Another version's keys mean other things: checking them would only mislead.
        raise CableJSONError(
            (
                f"$.{VERSION_KEY}: {_describe(version)} is not a supported schema version "
                f"(expected {SCHEMA_VERSION})",
            )
        )
    body = {key: value for key, value in data.items() if key != VERSION_KEY}
    try:
        cable: Cable = _CONVERTER.structure(body, Cable)
    except Exception as error:  # every failure becomes a listed problem
        problems.extend(_problems(error, "$"))
    if problems:
        raise CableJSONError(tuple(problems))
    # A document of the right shape can still say what no text says (a line end inside
    # a line, month 13) or what the text would say otherwise: what render could not
    # write, or would write as another cable, is refused here.
    found = roundtrip.problems(cable, types=False)
    if found:
        raise CableJSONError(tuple(f"{_json_path(p.path)}: {p.message}" for p in found))
    return cable


def _json_path(path: tuple[str | int, ...]) -> str:
    out = "$"
    for step in path:
        out = f"{out}[{step}]" if isinstance(step, int) else _member(out, step)
    return out


def from_json(text: str | bytes) -> Cable:
    """The cable a ``to_json`` document describes; raise ``CableJSONError``."""
    if _orjson is not None:
        # orjson reads what json reads, the same way, except an integer past 64 bits,
        # which it makes a float; a float is nowhere in a document, so such a document,
        # like every document that is not a cable's, fails here and is read again by
        # json below, which gives the result and the error messages.
        try:
            return from_dict(_orjson.loads(text))
        except (_orjson.JSONDecodeError, CableJSONError):
            pass
    return from_dict(_loads(text))


def _loads(text: str | bytes) -> Any:
    """``json.loads``; a document that is not JSON is a CableJSONError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise CableJSONError(
            (f"$: invalid JSON at line {error.lineno}, column {error.colno}: {error.msg}",)
        ) from None
    except UnicodeDecodeError as error:
        raise CableJSONError((f"$: the bytes are not UTF-8 ({error.reason})",)) from None
    except RecursionError:
        raise CableJSONError(("$: the JSON is nested too deeply",)) from None
    except ValueError:  # an integer longer than Python converts from text
        limit = getattr(sys, "get_int_max_str_digits", lambda: 4300)()
        raise CableJSONError((f"$: a number of more than {limit:,} digits",)) from None


# ------------------------------------------------------------------ JSON Schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document, as shipped with the package."""
    text = resources.files("cablemodel").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def generate_schema() -> dict[str, Any]:
    """The JSON Schema as the current model and converter define it."""
    return build_schema(lambda value, hint: _CONVERTER.unstructure(value, hint))


def schema_text() -> str:
    """``generate_schema()`` as the text of the committed file."""
    return json.dumps(generate_schema(), indent=2) + "\n"


def write_schema(path: str | Path | None = None) -> Path:
    """Write the generated schema (by default into the package); return the path."""
    target = Path(path) if path is not None else Path(__file__).parent / SCHEMA_RESOURCE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    return target
