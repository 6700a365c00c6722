"""The shape of the cable JSON document, read off the model, and its JSON Schema.

Both the converter in ``serialize`` and the schema generator here take the names
from this module (type tags, union names, date patterns), so the two cannot
disagree. This module imports neither cattrs nor lark.
"""

from __future__ import annotations

import enum
import re
import types
import typing
from collections.abc import Callable, Iterator
from datetime import date, datetime
from typing import Any, Union

import attrs

from .. import model

__all__ = [
    "DATETIME_PATTERN",
    "DATE_PATTERN",
    "SCHEMA_VERSION",
    "JsonShape",
    "build_schema",
    "shape",
]

# Bump when a document written by an older version no longer reads, or reads differently.
SCHEMA_VERSION = 1

DATE_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Cable times are naive (the publisher gives no zone); fractions and offsets are
# accepted so that any datetime a program puts into a model survives the trip.
DATETIME_PATTERN = (
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}"
    r"(\.[0-9]{1,6})?([+-][0-9]{2}:[0-9]{2})?$"
)

TAG_KEY = "type"
SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Names of the unions of the model. A union the table does not know is named by its
# members ("PortionOrProse"), so a new union never breaks the generator.
_UNION_NAMES: dict[frozenset[type], str] = {
    frozenset(typing.get_args(model.Block)): "Block",
    frozenset(typing.get_args(model.LooseLine)): "LooseLine",
    frozenset(typing.get_args(model.TextPiece)): "TextPiece",
    frozenset(typing.get_args(model.Instruction)): "Instruction",
    frozenset(typing.get_args(model.RefPiece)): "RefPiece",
    frozenset(typing.get_args(model.ClassifiedPiece)): "ClassifiedPiece",
    frozenset((model.ReasonLetter, model.ReasonSeparator)): "ReasonItem",
}


def is_union(hint: object) -> bool:
    return typing.get_origin(hint) in (Union, types.UnionType)


def split_optional(hint: object) -> tuple[tuple[Any, ...], bool]:
    """The members of a union other than None, and whether None was one of them."""
    members = typing.get_args(hint)
    rest = tuple(member for member in members if member is not type(None))
    return rest, len(rest) != len(members)


def snake_case(name: str) -> str:
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def spoken_name(name: str) -> str:
    """``PortionLevel`` -> ``portion level``: for error messages."""
    return snake_case(name).replace("_", " ")


@attrs.frozen
class JsonShape:
    """Every class, enum and tagged union reachable from ``Cable``, in field order."""

    classes: tuple[type, ...]
    enums: tuple[type[enum.Enum], ...]
    unions: dict[frozenset[type], str]  # members -> union name
    tags: dict[type, str]  # class -> its "type" value; only members of unions
    hints: dict[type, dict[str, Any]]  # class -> resolved field types

    def union_name(self, members: tuple[type, ...]) -> str:
        return self.unions[frozenset(members)]


_SHAPE: JsonShape | None = None


def shape() -> JsonShape:
    """The shape of the current model, computed once."""
    global _SHAPE
    if _SHAPE is None:
        _SHAPE = _discover(model.Cable)
    return _SHAPE


def _discover(root: type) -> JsonShape:
    classes: list[type] = []
    enums: list[type[enum.Enum]] = []
    unions: dict[frozenset[type], str] = {}
    hints: dict[type, dict[str, Any]] = {}

    def visit(hint: Any) -> None:
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            if hint not in enums:
                enums.append(hint)
        elif isinstance(hint, type) and attrs.has(hint):
            if hint in hints:
                return
            classes.append(hint)
            hints[hint] = typing.get_type_hints(hint)
            for attribute in attrs.fields(hint):
                visit(hints[hint][attribute.name])
        elif is_union(hint):
            members, _ = split_optional(hint)
            if len(members) > 1:
                key = frozenset(members)
                if key not in unions:
                    unions[key] = _UNION_NAMES.get(key) or "Or".join(m.__name__ for m in members)
            for member in members:
                visit(member)
        else:
            for argument in typing.get_args(hint):
                if argument is not Ellipsis:
                    visit(argument)

    visit(root)
    tags = {member: snake_case(member.__name__) for key in unions for member in key}
    for key in unions:
        strays = [member for member in key if not attrs.has(member)]
        if strays:
            raise TypeError(f"union {unions[key]} mixes attrs classes with {strays}")
    return JsonShape(tuple(classes), tuple(enums), unions, tags, hints)


# ------------------------------------------------------------------ JSON Schema


def build_schema(dump_default: Callable[[object, Any], object]) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the cable document.

    ``dump_default(value, type)`` turns a field's default into JSON, the way the
    converter writes it.
    """
    current = shape()
    generator = _SchemaGenerator(current, dump_default)
    defs: dict[str, Any] = {}
    for cls in current.classes:
        if cls is not model.Cable:
            defs[cls.__name__] = generator.class_schema(cls)
    for members, name in sorted(current.unions.items(), key=lambda item: item[1]):
        ordered = [cls for cls in current.classes if cls in members]
        # if/then on the tag rather than oneOf: a validator checks one branch, not all
        # of them, and reports the errors of the branch the tag names.
        defs[name] = {
            "description": f"One of: {', '.join(repr(current.tags[cls]) for cls in ordered)}"
            f" (the {TAG_KEY!r} key says which).",
            "type": "object",
            "properties": {TAG_KEY: {"enum": [current.tags[cls] for cls in ordered]}},
            "required": [TAG_KEY],
            "allOf": [
                {
                    "if": {"properties": {TAG_KEY: {"const": current.tags[cls]}}},
                    "then": {"$ref": f"#/$defs/{cls.__name__}"},
                }
                for cls in ordered
            ],
        }
    for kind in current.enums:
        defs[kind.__name__] = {
            "description": _summary(kind),
            "enum": [member.value for member in kind],
        }
    document = generator.class_schema(model.Cable)
    document["properties"] = {
        "schema_version": {"const": SCHEMA_VERSION},
        **document["properties"],
    }
    document["required"] = ["schema_version", *document["required"]]
    return {
        "$schema": SCHEMA_DIALECT,
        "$comment": "Generated from cablemodel.model by "
        "`python -m cablemodel.serialize --write-schema`; do not edit by hand.",
        "title": "Cable",
        **document,
        "$defs": dict(sorted(defs.items())),
    }


def _summary(obj: type) -> str:
    doc = obj.__doc__ or obj.__name__
    return " ".join(doc.strip().split("\n\n")[0].split()).replace("``", "`")


class _SchemaGenerator:
    def __init__(self, current: JsonShape, dump_default: Callable[[object, Any], object]) -> None:
        self.shape = current
        self.dump_default = dump_default

    def class_schema(self, cls: type) -> dict[str, Any]:
        properties: dict[str, Any] = {}
        required: list[str] = []
        tag = self.shape.tags.get(cls)
        if tag is not None:
            properties[TAG_KEY] = {"const": tag}
            required.append(TAG_KEY)
        hints = self.shape.hints[cls]
        for attribute in attrs.fields(cls):
            hint = hints[attribute.name]
            schema = self.type_schema(hint)
            if attribute.default is attrs.NOTHING:
                required.append(attribute.name)
            else:
                default = attribute.default
                if isinstance(default, attrs.Factory):  # type: ignore[arg-type]
                    default = default.factory()
                schema = {**schema, "default": self.dump_default(default, hint)}
            properties[attribute.name] = schema
        return {
            "description": _summary(cls),
            "type": "object",
            "properties": properties,
            "required": required,
            "additionalProperties": False,
        }

    def type_schema(self, hint: Any) -> dict[str, Any]:
        if hint is str:
            return {"type": "string"}
        if hint is bool:
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
        if hint is datetime:  # before date: a datetime is a date
            return {"type": "string", "pattern": DATETIME_PATTERN}
        if hint is date:
            return {"type": "string", "format": "date", "pattern": DATE_PATTERN}
        if isinstance(hint, type) and (issubclass(hint, enum.Enum) or attrs.has(hint)):
            return {"$ref": f"#/$defs/{hint.__name__}"}
        if is_union(hint):
            members, optional = split_optional(hint)
            inner = (
                self.type_schema(members[0])
                if len(members) == 1
                else {"$ref": f"#/$defs/{self.shape.union_name(members)}"}
            )
            return {"anyOf": [inner, {"type": "null"}]} if optional else inner
        if typing.get_origin(hint) is tuple:
            arguments = typing.get_args(hint)
            if len(arguments) == 2 and arguments[1] is Ellipsis:
                return {"type": "array", "items": self.type_schema(arguments[0])}
            return {
                "type": "array",
                "prefixItems": [self.type_schema(argument) for argument in arguments],
                "items": False,
                "minItems": len(arguments),
            }
        raise TypeError(f"no JSON Schema for {hint!r}")


def iter_tagged(current: JsonShape) -> Iterator[tuple[str, type]]:
    """Every (tag, class) pair, in model order."""
    for cls in current.classes:
        if cls in current.tags:
            yield current.tags[cls], cls
