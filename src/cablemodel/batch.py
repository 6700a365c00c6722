"""Check many cables: stream one result per input, in input order, serially or in a
process pool, with bounded work in flight so memory does not grow with the number of files.

``iter_results(paths, jobs=N)`` parses and validates each file. A cable that does not
parse yields its ``CableSyntaxError`` and the single finding ``CM001 unparseable-cable``
instead of raising; a file that cannot be read yields its ``OSError``.
"""

from __future__ import annotations

import contextlib
import fnmatch
import itertools
import os
import sys
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from attrs import field, frozen

from ._parser import decode
from .errors import CableSyntaxError
from .model import Cable
from .rules import Finding, Severity, validate

if TYPE_CHECKING:
    import multiprocessing.context
    from concurrent.futures import Future

__all__ = [
    "SERIAL_THRESHOLD",
    "UNPARSEABLE_CODE",
    "UNPARSEABLE_NAME",
    "UNPARSEABLE_SUMMARY",
    "Result",
    "check_bytes",
    "check_file",
    "check_text",
    "iter_files",
    "iter_results",
    "unparseable_finding",
]

UNPARSEABLE_CODE = "CM001"
UNPARSEABLE_NAME = "unparseable-cable"
UNPARSEABLE_SUMMARY = "The text does not parse as a cable (line and column of the first error)."

#: Below this many files a pool costs more to start than it saves (fork: ~10-30 ms,
#: spawn: ~0.1 s per worker plus grammar analysis), so the files are checked serially.
SERIAL_THRESHOLD = 64

#: Files per task sent to a worker: amortises inter-process traffic.
_BATCH_SIZE = 8

#: Tasks in flight per worker: keeps workers busy while bounding queued results.
_TASKS_PER_WORKER = 2


@frozen
class Result:
    """What checking one input gave.

    ``findings`` is empty when the file could not be read, and holds exactly the CM001
    finding when the cable does not parse. ``cable`` is kept only when asked for.
    ``lines`` maps the 1-based number of every line a finding points at to its text
    (without line ending), so reports can quote the source without reading it again.
    """

    path: str
    findings: tuple[Finding, ...]
    cable: Cable | None = None
    error: CableSyntaxError | None = None
    read_error: OSError | None = None
    lines: dict[int, str] = field(factory=dict)


def unparseable_finding(error: CableSyntaxError) -> Finding:
    """The CM001 finding for a cable that does not parse, at the error's position."""
    return Finding(
        code=UNPARSEABLE_CODE,
        name=UNPARSEABLE_NAME,
        severity=Severity.ERROR,
        message=error.reason,
        line=error.line,
        column=error.column,
        end_line=error.line,
        end_column=error.column + 1,
        path="$",
    )


def check_text(path: str, text: str, *, keep_cable: bool = False) -> Result:
    """Parse and validate the text of one cable; never raises for bad input."""
    from . import parse

    try:
        cable = parse(text)
    except CableSyntaxError as error:
        finding = unparseable_finding(error)
        return Result(path, (finding,), error=error, lines={error.line: error.source_line})
    findings = validate(cable)
    return Result(
        path,
        findings,
        cable=cable if keep_cable else None,
        lines=_quoted_lines(text, findings),
    )


def check_file(path: str, *, keep_cable: bool = False) -> Result:
    """Read (UTF-8) and check one file."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        return Result(path, (), read_error=error)
    return check_bytes(path, data, keep_cable=keep_cable)


def check_bytes(path: str, data: bytes, *, keep_cable: bool = False) -> Result:
    """Decode (UTF-8, line endings kept) and check one cable; bytes that are not UTF-8
    give CM001 at the first bad byte."""
    try:
        text = decode(data)
    except CableSyntaxError as syntax_error:
        return Result(
            path,
            (unparseable_finding(syntax_error),),
            error=syntax_error,
            lines={syntax_error.line: syntax_error.source_line},
        )
    return check_text(path, text, keep_cable=keep_cable)


def iter_results(
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    keep_cables: bool = False,
) -> Generator[Result, None, None]:
    """Check each file and yield its ``Result`` in the order of ``paths``.

    ``jobs``: worker processes (default: the number of CPUs; 1 = in this process).
    Fewer than ``SERIAL_THRESHOLD`` files are always checked in this process. At most
    ``jobs * 2`` small batches of files are in flight, so memory stays flat however many
    paths there are. With ``keep_cables=False`` (the default) workers send back only the
    findings and errors, not the parsed cables.
    """
    workers = _cpu_count() if jobs is None else max(1, jobs)
    names = (os.fspath(path) for path in paths)
    head = list(itertools.islice(names, SERIAL_THRESHOLD))
    if workers == 1 or len(head) < SERIAL_THRESHOLD:
        for name in itertools.chain(head, names):
            yield check_file(name, keep_cable=keep_cables)
        return
    yield from _iter_pooled(itertools.chain(head, names), workers, keep_cables)


def iter_files(paths: Iterable[str | os.PathLike[str]], glob: str = "*.txt") -> Iterator[str]:
    """Expand directories (recursively, sorted) to the files whose name matches ``glob``.

    Files named directly are yielded as given, whatever their name. Raises
    ``FileNotFoundError`` for a path that does not exist.
    """
    for path in paths:
        name = os.fspath(path)
        if os.path.isdir(name):
            yield from _walk(name, glob)
        elif os.path.exists(name):
            yield name
        else:
            raise FileNotFoundError(f"no such file or directory: {name}")


def _walk(directory: str, glob: str) -> Iterator[str]:
    found: list[str] = []
    for root, subdirectories, files in os.walk(directory):
        # Hidden directories (.git, .venv, ...) never hold cables to check.
        subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
        found.extend(os.path.join(root, name) for name in files if fnmatch.fnmatch(name, glob))
    yield from sorted(found)


def _iter_pooled(names: Iterator[str], workers: int, keep_cables: bool) -> Iterator[Result]:
    # Imported here: a one-file check should not pay for the pool machinery.
    from concurrent.futures import ProcessPoolExecutor

    _warm_up()
    batches = _batched(names, _BATCH_SIZE)
    pending: deque[Future[list[Result]]] = deque()
    with ProcessPoolExecutor(max_workers=workers, mp_context=_context()) as pool:
        for batch in itertools.islice(batches, workers * _TASKS_PER_WORKER):
            pending.append(pool.submit(_check_batch, batch, keep_cables))
        try:
            while pending:
                done = pending.popleft().result()
                for batch in itertools.islice(batches, 1):
                    pending.append(pool.submit(_check_batch, batch, keep_cables))
                yield from done
        finally:
            # A consumer that stops early should not wait for work it will never see.
            for future in pending:
                future.cancel()


def _check_batch(names: Sequence[str], keep_cables: bool) -> list[Result]:
    return [check_file(name, keep_cable=keep_cables) for name in names]


def _batched(names: Iterator[str], size: int) -> Iterator[list[str]]:
    while batch := list(itertools.islice(names, size)):
        yield batch


def _warm_up() -> None:
    """Build the parser and load the rules before forking, so workers inherit them."""
    from . import parse

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

