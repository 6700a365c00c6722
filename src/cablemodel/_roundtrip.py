"""Render only what reads back: the text of a model, checked against the grammar.

``render(cable)`` is the text of a cable that the parser reads back as the same cable;
for any other model it raises ``ValueError`` naming the part. A cable that ``parse`` or
``from_json`` made is known to read back (``model.checks.known_readable``) and renders
at once. Any other model is checked (``model.checks.problems``: types, one-line fields,
ranges) and then its text is parsed back and compared: what the grammar would read
differently (prose that reads as a paragraph, a caption line, a REF continuation …) is
named by the first part where the two models differ. ``problems(cable)`` gives the same
findings as a list, for ``from_json``.

The one place that runs both the renderer and the parser; it loads the parser on the
first check.
"""

from __future__ import annotations

import enum
from typing import Any

import attrs

from . import _render
from .errors import CableSyntaxError
from .model import Cable
from .model.checks import Path, Problem, known_readable, mark_readable, where
from .model.checks import problems as model_problems

__all__ = ["problems", "render"]


def render(cable: Cable) -> str:
    """The text of ``cable``; ``ValueError`` naming the part for a model that no text
    gives (a line end in a one-line field, month 13, prose that would read back as a
    paragraph, …)."""
    if known_readable(cable):
        return _render.render(cable)
    found, text = _check(cable, types=True)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise ValueError(f"cannot render {where(first.path) or 'the cable'}: {first.message}{more}")
    assert text is not None
    return text


def problems(cable: Cable, *, types: bool = True) -> list[Problem]:
    """What stops ``cable`` from reading back as itself: the model's own checks, then,
    if it passes them, the first part where its text reads back differently. An empty
    list marks the cable as known to read back. ``types=False`` leaves out the check of
    each field's type (for a model read from JSON, checked so already)."""
    return _check(cable, types=types)[0]


def _check(cable: Cable, *, types: bool) -> tuple[list[Problem], str | None]:
    """The problems of ``cable`` and, when there are none, its text.

    What render needs to write a text at all is checked first: types (unless known),
    ranges, counts. Then the text is parsed back: a model that reads back as itself is
    what the parser would make, so it has every property a parsed model has; for one
    that does not, the model's checks name what is wrong (a line end inside a line …),
    else the first part that reads back differently.
    """
    found = model_problems(cable, types=types, lines=types)
    if found:
        return (found if types else model_problems(cable, types=False)), None
    from ._parser import parse_text  # the parser loads on the first check

    text = _render.render(cable)
    try:
        again: Cable | None = parse_text(text)
        unreadable = None
    except CableSyntaxError as error:
        again = None
        unreadable = Problem((), f"its text does not parse: {error.reason} (line {error.line})")
    if again == cable:
        mark_readable(cable)
        return [], text
    found = [] if types else model_problems(cable, types=False)  # with the one-line checks
    if found:
        return found, None
    if unreadable is not None:
        return [unreadable], None
    return [first_difference(cable, again) or Problem((), "its text reads back differently")], None


def first_difference(written: object, read: object, path: Path = ()) -> Problem | None:
    """The first part (in document order) where ``read`` differs from ``written``,
    ignoring positions (``span``, which takes no part in equality)."""
    if type(written) is not type(read):
        return Problem(path, f"reads back as {_name(read)}, not {_name(written)}")
    if isinstance(written, tuple):
        assert isinstance(read, tuple)
        for index, (mine, theirs) in enumerate(zip(written, read, strict=False)):
            found = first_difference(mine, theirs, (*path, index))
            if found is not None:
                return found
        common = min(len(written), len(read))
        if len(written) > common:
            return Problem(
                (*path, common), f"does not read back as {_name(written[common])}: its text"
                " reads as part of what follows"
            )
        if len(read) > common:
            return Problem((*path, common), f"reads back as {_name(read[common])} more")
        return None
    if attrs.has(type(written)):
        for field in attrs.fields(type(written)):  # type: ignore[arg-type]
            if not field.eq:
                continue
            found = first_difference(
                getattr(written, field.name), getattr(read, field.name), (*path, field.name)
            )
            if found is not None:
                return found
        return None
    if written != read:
        return Problem(path, f"reads back as {_shown(read)}, not {_shown(written)}")
    return None


def _name(value: object) -> str:
    if value is None:
        return "null"
    if attrs.has(type(value)):
        name = type(value).__name__
        spoken = "".join(" " + ch.lower() if ch.isupper() else ch for ch in name).strip()
        return ("an " if spoken[0] in "aeiou" else "a ") + spoken
    return _shown(value)


def _shown(value: Any) -> str:
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:37] + "...")
    return repr(value)
