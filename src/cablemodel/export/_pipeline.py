"""From inputs to rows: read every input format the checker reads, skip what the archive
already holds, build the rows of the rest in worker processes, in input order."""

from __future__ import annotations

import hashlib
import io
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Literal, TypeVar, Union

from attrs import frozen

from .._parser import parse_text
from ..errors import CableSyntaxError
from ..rules import validate
from ..sources import (
    CableRowError,
    CableSourceError,
    cable_text_from_html,
    detect_format,
    iter_sources,
)
from ._records import Records, records
from ._schema import RejectRow

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = [
    "Built",
    "Input",
    "InputFormatChoice",
    "build",
    "inputs_from_bytes",
    "iter_inputs",
    "ordered_map",
]

InputFormatChoice = Literal["auto", "text", "html", "csv"]

#: What one input gives: the rows of its cable, or the reason it gave none.
Built = Union[Records, RejectRow]

#: Below this many inputs a pool costs more to start than it saves.
SERIAL_THRESHOLD = 64
#: Inputs per task sent to a worker, and tasks in flight per worker.
_BATCH_SIZE = 8
_TASKS_PER_WORKER = 2

_T = TypeVar("_T")
_R = TypeVar("_R")


@frozen
class Input:
    """One cable text to export (``text`` and ``sha256``), or why there is none (``error``)."""

    source: str
    text: str | None = None
    sha256: str | None = None
    error: str | None = None


def _input(source: str, text: str) -> Input:
    return Input(source, text, hashlib.sha256(text.encode("utf-8")).hexdigest())


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]], input_format: InputFormatChoice = "auto"
) -> Iterator[Input]:
    """Every cable text in ``paths`` (files and directory trees of the text layout, HTML
    pages and ``cables.csv`` dumps), in order, unparsed."""
    for item in iter_sources(paths, input_format, parse=False):
        if item.text is None:
            yield Input(item.location, error=str(item.error))
        else:
            yield _input(item.location, item.text)


def inputs_from_bytes(
    name: str, data: bytes, input_format: InputFormatChoice = "auto"
) -> Iterator[Input]:
    """The cable texts of one file given as bytes (e.g. read through fsspec)."""
    fmt = detect_format(name, data[:4096]) if input_format == "auto" else input_format
    if fmt == "csv":
        from ..sources import _csv_items

        stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8", newline="")
        for item in _csv_items(stream, name):
            location = f"{name}:{item.row}"
            if isinstance(item, CableRowError):
                yield Input(location, error=str(item))
            else:
                yield _input(location, item.text)
        return
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        yield Input(name, error=str(CableSourceError(f"cannot read: {error}", name)))
        return
    if fmt == "html":
        try:
            text = cable_text_from_html(text)
        except CableSourceError as error:
            yield Input(name, error=str(CableSourceError(error.reason, name)))
            return
    yield _input(name, text)


def build(item: Input) -> Built:
    """Parse, validate and tabulate one input; never raises for bad input."""
    if item.text is None:
        return RejectRow(item.source, "source", item.error or "", None, None, None)
    try:
        cable = parse_text(item.text)
    except CableSyntaxError as error:
        return RejectRow(item.source, "syntax", error.reason, error.line, error.column, item.sha256)
    return records(cable, source=item.source, text=item.text, findings=validate(cable))


def ordered_map(
    function: Callable[[_T], _R], items: Iterable[_T], *, jobs: int | None = None
) -> Iterator[_R]:
    """``map(function, items)`` over worker processes, in order, with bounded work in flight
    (``jobs`` processes, default one per CPU; fewer than ``SERIAL_THRESHOLD`` items or
    ``jobs=1`` run in this process)."""
    from ..batch import _context, _cpu_count, _warm_up

    workers = _cpu_count() if jobs is None else max(1, jobs)
    iterator = iter(items)
    head = list(itertools.islice(iterator, SERIAL_THRESHOLD))
    if workers == 1 or len(head) < SERIAL_THRESHOLD:
        yield from map(function, itertools.chain(head, iterator))
        return

    from concurrent.futures import ProcessPoolExecutor

    _warm_up()
    batches = _batched(itertools.chain(head, iterator))
    pending: deque[Future[list[_R]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        for batch in itertools.islice(batches, workers * _TASKS_PER_WORKER):
            pending.append(pool.submit(_map_batch, function, batch))
        try:
            while pending:
                done = pending.popleft().result()
                for batch in itertools.islice(batches, 1):
                    pending.append(pool.submit(_map_batch, function, batch))
                yield from done
        finally:
            for future in pending:
                future.cancel()


def _map_batch(function: Callable[[_T], _R], batch: Sequence[_T]) -> list[_R]:
    return [function(item) for item in batch]


def _batched(items: Iterator[_T]) -> Iterator[list[_T]]:
    while batch := list(itertools.islice(items, _BATCH_SIZE)):
        yield batch
