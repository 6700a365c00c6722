"""JSON Lines of many cables, each line saying where its cable came from, and back.

``cablemodel parse DIR`` writes one record per line::

    {"source": "cables/05PARIS3759.txt", "input_format": "text", "cable": {...}}

``source`` is the input as the check reports it (a path, or ``cables.csv:ROW``) and
``cable`` the cable's JSON document (see docs/json.md). ``cablemodel render FILE.jsonl
--out-dir OUT`` writes every cable back: a text file to ``OUT/<source>``, byte for byte;
a page or a dump row, whose text is the text layout made from it, to
``OUT/<folder of source>/<reference id>.txt``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from .._output import atomic_binary
from .._render import render
from ..errors import CableJSONError
from ..model import Cable
from ..serialize import from_dict, to_dict
from .errors import CheckError
from .escape import json_text

__all__ = ["Record", "record_line", "records_of", "target_of", "write_records"]

Record = tuple[str, str, Cable]  # source, input format, cable


def record_line(source: str, input_format: str, cable: Cable) -> str:
    """One compact line: the source, its format and the cable's JSON document."""
    record = {"source": source, "input_format": input_format, "cable": to_dict(cable)}
    return json_text(record, compact=True)


def records_of(text: str) -> Iterator[Record]:
    """The records of a JSON Lines text; raises :class:`CableJSONError` naming the line
    and the JSON path of what is wrong."""
    for number, line in enumerate(_lines(text), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise CableJSONError((f"line {number}: not JSON ({error.msg})",)) from None
        if not isinstance(record, dict) or not {"source", "cable"} <= record.keys():
            raise CableJSONError((
                f"line {number}: not a record of cablemodel parse "
                '({"source": ..., "input_format": ..., "cable": ...})',
            ))
        source, input_format = record["source"], record.get("input_format", "text")
        if not isinstance(source, str) or input_format not in ("text", "html", "csv"):
            raise CableJSONError((f"line {number}: $.source or $.input_format is wrong",))
        try:
            cable = from_dict(record["cable"])
        except CableJSONError as error:
            raise CableJSONError(tuple(
                f"line {number}: {problem.replace('$', '$.cable', 1)}"
                for problem in error.problems
            )) from None
        yield source, input_format, cable


def _lines(text: str) -> list[str]:
    """The lines of JSON Lines: split at LF (CRLF too), never at the other characters
    ``str.splitlines`` splits at (\\x85, \\u2028 …), which JSON strings may hold raw."""
    return [line.removesuffix("\r") for line in text.split("\n")]


def target_of(out_dir: str, source: str, input_format: str, cable: Cable) -> str:
    """Where a record's cable is written below ``out_dir``; refuses a source that would
    leave it (``..``), since a JSON Lines file may come from anyone."""
    if input_format == "csv":
        source = source.rpartition(":")[0] or source
    path = PurePath(source)
    parts = [part for part in path.parts if part not in (path.anchor, ".")]
    if ".." in parts or not parts:
        raise CheckError(f"{source}: the source leaves the output folder; not written")
    if input_format != "text":
        parts = [*parts[:-1], f"{cable.reference_id}.txt"]
    return os.path.join(out_dir, *parts)


def write_records(text: str, out_dir: str) -> list[str]:
    """Write every cable of a JSON Lines text below ``out_dir``; the paths written."""
    # Every record is read and placed before the first file is written: a bad line
    # leaves nothing half done.
    targets: dict[str, tuple[str, Cable]] = {}
    for source, input_format, cable in records_of(text):
        target = target_of(out_dir, source, input_format, cable)
        if target in targets:
            raise CheckError(
                f"{source} and {targets[target][0]} would both be written to {target}"
            )
        targets[target] = (source, cable)
    written: list[str] = []
    for target, (_, cable) in targets.items():
        os.makedirs(os.path.dirname(target), exist_ok=True)
        # bytes: line endings, a byte-order mark and a missing final newline come back exactly
        with atomic_binary(target) as stream:
            stream.write(render(cable).encode("utf-8"))
        written.append(target)
    return written


def is_records(text: str) -> bool:
    """Whether a text is JSON Lines of records rather than one cable's document."""
    first = next((line for line in _lines(text) if line.strip()), "")
    try:
        value: Any = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(value, dict) and "source" in value and "cable" in value
