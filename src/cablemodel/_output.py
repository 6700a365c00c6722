"""Writing a file so that a failure never leaves half of it: a temporary file beside the
target, renamed over it once everything is written. The old file stays intact until then.

A target that exists and is not a regular file (``/dev/stdout``, ``/dev/null``, a named
pipe, a terminal) is written directly: renaming a file over a device would replace it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from typing import BinaryIO, TextIO, cast

__all__ = ["atomic_binary", "atomic_text", "same_file"]


@contextlib.contextmanager
def atomic_text(path: str) -> Iterator[TextIO]:
    """A UTF-8 text stream (line endings as written) that becomes ``path`` when the
    ``with`` block ends without an error. Raises ``OSError``."""
    with _atomic(path, "w") as stream:
        yield cast(TextIO, stream)


@contextlib.contextmanager
def atomic_binary(path: str) -> Iterator[BinaryIO]:
    """A binary stream that becomes ``path`` when the ``with`` block ends without an
    error. Raises ``OSError``."""
    with _atomic(path, "wb") as stream:
        yield cast(BinaryIO, stream)


@contextlib.contextmanager
def _atomic(path: str, mode: str) -> Iterator[object]:
    # through symbolic links: the link stays, the file it names is replaced
    target = os.path.realpath(path)
    text = "b" not in mode
    if os.path.isdir(target):
        raise IsADirectoryError(21, "Is a directory", path)
    if os.path.exists(target) and not os.path.isfile(target):
        with open(
            target, mode, encoding="utf-8" if text else None, newline="" if text else None
        ) as direct:
            yield direct
        return
    handle, temporary = tempfile.mkstemp(
        prefix="." + os.path.basename(target) + ".", suffix=".tmp", dir=os.path.dirname(target)
    )
    try:
        _apply_umask(handle)
        with os.fdopen(
            handle, mode, encoding="utf-8" if text else None, newline="" if text else None
        ) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _apply_umask(handle: int) -> None:
    # mkstemp makes the file 0600; a report or baseline is an ordinary file
    umask = os.umask(0)
    os.umask(umask)
    with contextlib.suppress(OSError):  # not every file system has modes
        os.fchmod(handle, 0o666 & ~umask)


def same_file(first: str, second: str) -> bool:
    """Whether two paths name one existing file (links and ``..`` included)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False
