"""Check many cables: one input pipeline for every source, one result per cable, in input
order, serially or in a process pool, with bounded work in flight so memory does not grow
with the number of inputs.

``iter_results(paths, input_format=..., jobs=N)`` reads text files, cablegate HTML pages
and ``cables.csv`` rows alike (files found by :func:`cablemodel.sources.input_files`),
parses and validates each cable. A cable that does not parse yields its
``CableSyntaxError`` and the single finding ``CM001 unparseable-cable`` instead of
raising; a file that cannot be read yields its ``OSError``.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import os
import sys
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, TypeVar, Union

from attrs import evolve, field, frozen

from ._parser import decode, parse
from .errors import CableSyntaxError
from .model import Cable, Span
from .rules import UNPARSEABLE, Finding, Problem, validate
from .sources import FormatChoice, InputFile, InputFormat, SourceItem, input_files, read_items

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

__all__ = [
    "SERIAL_THRESHOLD",
    "Result",
    "check_bytes",
    "check_file",
    "check_item",
    "check_text",
    "iter_files",
    "iter_results",
    "map_ordered",
    "unparseable_finding",
]

#: Below this many inputs a pool costs more to start than it saves (fork: ~10-30 ms,
#: spawn: ~0.1 s per worker plus grammar analysis), so they are checked serially.
SERIAL_THRESHOLD = 64

#: Inputs per task sent to a worker: amortises inter-process traffic.
_BATCH_SIZE = 8

#: Tasks in flight per worker: keeps workers busy while bounding queued results.
_TASKS_PER_WORKER = 2

_T = TypeVar("_T")
_R = TypeVar("_R")


@frozen
class Result:
    """What checking one cable's input gave.

    ``path`` is the file and ``row`` the record of a ``cables.csv`` file (None for text
    files and pages); ``location`` names both. ``findings`` is empty when the file could
    not be read (``read_error``), and holds exactly the CM001 finding when the input is
    not a cable (``error``). ``cable`` is kept only when asked for. ``lines`` maps the
    1-based number of every line a finding points at to its text (without line ending),
    so reports can quote the source without reading it again.
    """

    path: str
    findings: tuple[Finding, ...]
    cable: Cable | None = None
    error: CableSyntaxError | None = None
    read_error: OSError | None = None
    lines: dict[int, str] = field(factory=dict)
    row: int | None = None
    input_format: InputFormat = "text"
    #: the line of the dump where the row's record starts (None for files and pages)
    record_line: int | None = None

    @property
    def location(self) -> str:
        """``path``, or ``path:row`` for a CSV row."""
        return self.path if self.row is None else f"{self.path}:{self.row}"


def unparseable_finding(error: CableSyntaxError) -> Finding:
    """The CM001 finding for a cable that does not parse, at the error's position."""
    span = Span(error.line, error.column, error.line, error.column + 1)
    return UNPARSEABLE.finding(Problem(error.reason, span, "$"))


def check_text(
    path: str,
    text: str,
    *,
    keep_cable: bool = False,
    validate_cable: bool = True,
    row: int | None = None,
    input_format: InputFormat = "text",
) -> Result:
    """Parse and validate the text of one cable; never raises for bad input."""
    try:
        cable = parse(text)
    except CableSyntaxError as error:
        return _unparseable(path, error, row, input_format)
    findings = validate(cable) if validate_cable else ()
    return Result(
        path,
        findings,
        cable=cable if keep_cable else None,
        lines=_quoted_lines(text, findings),
        row=row,
        input_format=input_format,
    )


def check_bytes(
    path: str, data: bytes, *, keep_cable: bool = False, validate_cable: bool = True
) -> Result:
    """Decode (UTF-8, line endings kept) and check one cable; bytes that are not UTF-8
    give CM001 at the first bad byte."""
    try:
        text = decode(data)
    except CableSyntaxError as error:
        return _unparseable(path, error, None, "text")
    return check_text(path, text, keep_cable=keep_cable, validate_cable=validate_cable)


def check_file(path: str, *, keep_cable: bool = False, validate_cable: bool = True) -> Result:
    """Read (UTF-8) and check one file of the text layout."""
    (item,) = read_items(InputFile(path, "text"))
    return check_item(item, keep_cable=keep_cable, validate_cable=validate_cable)


def check_item(
    item: SourceItem, *, keep_cable: bool = False, validate_cable: bool = True
) -> Result:
    """Check one input read by :func:`cablemodel.sources.read_items`."""
    if item.read_error is not None:
        return Result(
            item.path, (), read_error=item.read_error, row=item.row, input_format=item.input_format
        )
    if item.text is not None:
        result = check_text(
            item.path,
            item.text,
            keep_cable=keep_cable,
            validate_cable=validate_cable,
            row=item.row,
            input_format=item.input_format,
        )
    else:
        error = item.error
        if not isinstance(error, CableSyntaxError):  # a page or row that gives no cable text
            error = CableSyntaxError(str(error), 1, 1, "")
        result = _unparseable(item.path, error, item.row, item.input_format)
    return result if item.record_line is None else evolve(result, record_line=item.record_line)


def _unparseable(
    path: str, error: CableSyntaxError, row: int | None, input_format: InputFormat
) -> Result:
    return Result(
        path,
        (unparseable_finding(error),),
        error=error,
        lines={error.line: error.source_line},
        row=row,
        input_format=input_format,
    )


Paths = Union[Iterable[Union[str, "os.PathLike[str]", InputFile]], str, "os.PathLike[str]"]


def iter_results(
    paths: Paths,
    *,
    input_format: FormatChoice = "text",
    glob: str | Sequence[str] | None = None,
    jobs: int | None = None,
    keep_cables: bool = False,
    validate_cables: bool = True,
) -> Generator[Result, None, None]:
    """Check every cable in ``paths`` and yield its ``Result``, in input order.

    ``paths`` are files and folders (one path may be given alone), or the
    :class:`~cablemodel.sources.InputFile` objects of
    :func:`~cablemodel.sources.input_files`; folders are walked as it does, for
    ``glob`` or the format's default names. A ``cables.csv`` file gives one result per
    row. Raises ``FileNotFoundError`` for a path that does not exist and ``OSError``
    for a folder that cannot be read.

    ``jobs``: worker processes (default: the number of CPUs; 1 = in this process).
    Fewer than ``SERIAL_THRESHOLD`` inputs are always checked in this process. At most
    ``jobs * 2`` small batches are in flight, so memory stays flat however many inputs
    there are. With ``keep_cables=False`` (the default) workers send back only the
    findings and errors, not the parsed cables; ``validate_cables=False`` parses only.
    """
    files = _files(paths, input_format, glob)
    check = functools.partial(_check_unit, keep_cable=keep_cables, validate_cable=validate_cables)
    yield from map_ordered(check, _units(files), jobs=jobs)


def map_ordered(
    function: Callable[[_T], _R],
    items: Iterable[_T],
    *,
    jobs: int | None = None,
    warm_up: Callable[[], object] | None = None,
) -> Iterator[_R]:
    """``map(function, items)`` in worker processes, in the order of ``items``: the pool
    every batch run uses (``iter_results``, the export). ``function`` and the items must
    pickle (a module-level function; ``functools.partial`` of one).

    ``jobs``: worker processes (default: the number of CPUs; 1 = in this process).
    Fewer than ``SERIAL_THRESHOLD`` items always run in this process. At most
    ``jobs * 2`` small batches are in flight, so memory stays flat however many items
    there are, and ``items`` is read only as far as that. ``warm_up`` runs before the
    workers fork when there are workers (e.g. to read data that they then inherit).
    """
    workers = _cpu_count() if jobs is None else max(1, jobs)
    iterator = iter(items)
    head = list(itertools.islice(iterator, SERIAL_THRESHOLD))
    if workers == 1 or len(head) < SERIAL_THRESHOLD:
        yield from map(function, itertools.chain(head, iterator))
        return
    if warm_up is not None:
        warm_up()
    yield from _iter_pooled(function, itertools.chain(head, iterator), workers)


def iter_files(paths: Iterable[str | os.PathLike[str]], glob: str = "*.txt") -> Iterator[str]:
    """The text files of ``paths``: folders expanded to the files whose name matches
    ``glob`` (see :func:`cablemodel.sources.input_files`, the one walker)."""
    yield from (file.path for file in input_files(paths, "text", glob))


def _files(
    paths: Paths, input_format: FormatChoice, glob: str | Sequence[str] | None
) -> list[InputFile]:
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    given = list(paths)
    if all(isinstance(path, InputFile) for path in given):
        return given  # type: ignore[return-value]
    if any(isinstance(path, InputFile) for path in given):
        raise TypeError("iter_results takes paths or InputFile objects, not both")
    return input_files(given, input_format, glob)  # type: ignore[arg-type]


# A unit of work: a file a worker reads itself, or a dump row read here (a dump is read
# in order by one process; its rows are then checked in parallel).
_Unit = Union[InputFile, SourceItem]


def _units(files: Sequence[InputFile]) -> Iterator[_Unit]:
    for file in files:
        if file.input_format == "csv":
            yield from read_items(file)
        else:
            yield file


def _check_unit(unit: _Unit, keep_cable: bool, validate_cable: bool) -> Result:
    if isinstance(unit, InputFile):
        (unit,) = read_items(unit)
    return check_item(unit, keep_cable=keep_cable, validate_cable=validate_cable)


def _iter_pooled(function: Callable[[_T], _R], items: Iterator[_T], workers: int) -> Iterator[_R]:
    # Imported here: a one-file check should not pay for the pool machinery.
    from concurrent.futures import ProcessPoolExecutor

    _warm_up()
    batches = _batched(items, _BATCH_SIZE)
    pending: deque[Future[list[_R]]] = deque()
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=_context(), initializer=_leave_interrupts_to_the_parent
    ) as pool:
        for batch in itertools.islice(batches, workers * _TASKS_PER_WORKER):
            pending.append(pool.submit(_map_batch, function, batch))
        try:
            while pending:
                done = pending.popleft().result()
                for batch in itertools.islice(batches, 1):
                    pending.append(pool.submit(_map_batch, function, batch))
                yield from done
        finally:
            # A consumer that stops early should not wait for work it will never see.
            for future in pending:
                future.cancel()


def _leave_interrupts_to_the_parent() -> None:
    """Ctrl-C reaches every process of the terminal's group: the workers ignore it, the
    parent stops the run (and the pool) with one message instead of a traceback each."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _map_batch(function: Callable[[_T], _R], items: Sequence[_T]) -> list[_R]:
    return [function(item) for item in items]


def _batched(items: Iterator[_T], size: int) -> Iterator[list[_T]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _warm_up() -> None:
    """Build the parser and load the rules before forking, so workers inherit them."""
    with contextlib.suppress(CableSyntaxError):
        parse("")


def _context() -> multiprocessing.context.BaseContext:
    import multiprocessing

    # fork reuses the parser already built in this process. macOS (fork is unsafe with
    # its system libraries) and Windows (no fork) use the platform default.
    if sys.platform != "darwin" and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _quoted_lines(text: str, findings: Sequence[Finding]) -> dict[int, str]:
    wanted = {finding.line for finding in findings}
    if not wanted:
        return {}
    # Lines as the grammar counts them: split at LF only (not at form feeds and the like).
    lines = text.split("\n")
    return {number: lines[number - 1].rstrip("\r") for number in wanted if 0 < number <= len(lines)}
