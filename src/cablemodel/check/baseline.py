"""The baseline: findings accepted as they are, so that only new ones are reported.

Cables have no comment syntax for inline suppressions. A baseline file records each
finding as (path, code, fingerprint); the fingerprint hashes the code, the message and the
text of the line it points at, not the line number, so that lines added above a finding
do not make it new. Identical entries are counted, so a second identical finding is new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

from attrs import frozen

from .._output import atomic_text
from ..rules import Finding
from .errors import CheckError

__all__ = ["Baseline", "BaselineError", "Entry", "entry_for", "read_baseline", "write_baseline"]

_VERSION = 1


class BaselineError(CheckError):
    """The baseline file cannot be read or is not a baseline."""


@frozen(order=True)
class Entry:
    path: str
    code: str
    fingerprint: str


def entry_for(path: str, finding: Finding, source_line: str) -> Entry:
    digest = hashlib.sha256(
        "\x00".join((finding.code, finding.message, source_line.strip())).encode("utf-8")
    ).hexdigest()
    return Entry(path, finding.code, digest[:16])


class Baseline:
    """The entries of a baseline file; ``take`` consumes one matching entry."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        self._remaining = Counter(entries)

    def take(self, entry: Entry) -> bool:
        """True (and the entry is used up) when ``entry`` is in the baseline."""
        if self._remaining[entry] > 0:
            self._remaining[entry] -= 1
            return True
        return False

    def unused(self, checked_paths: Iterable[str]) -> list[Entry]:
        """Entries of the files checked in this run that matched no finding."""
        checked = set(checked_paths)
        return sorted(
            entry
            for entry, count in self._remaining.items()
            if entry.path in checked
            for _ in range(count)
        )


def read_baseline(path: str) -> Baseline:
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"{path}: cannot read the baseline ({error.strerror})") from None
    except UnicodeDecodeError as error:
        raise BaselineError(f"{path}: the baseline is not UTF-8 (byte {error.start})") from None
    except ValueError as error:
        raise BaselineError(f"{path}: the baseline is not JSON ({error})") from None
    except RecursionError:
        raise BaselineError(f"{path}: the baseline is not JSON (nested too deeply)") from None
    if not isinstance(document, dict) or document.get("version") != _VERSION:
        raise BaselineError(f"{path}: not a cablemodel baseline (version {_VERSION} expected)")
    findings = document.get("findings")
    if not isinstance(findings, list):
        raise BaselineError(f"{path}: the baseline has no list of findings")
    entries = []
    for index, item in enumerate(findings):
        fields = [item.get(key) if isinstance(item, dict) else None for key in _ENTRY_KEYS]
        texts = [value for value in fields if isinstance(value, str)]
        if len(texts) != len(_ENTRY_KEYS):
            raise BaselineError(
                f"{path}: findings[{index}] needs path, code and fingerprint, each a string"
            )
        entries.append(Entry(*texts))
    return Baseline(entries)


_ENTRY_KEYS = ("path", "code", "fingerprint")


def write_baseline(path: str, entries: Sequence[Entry]) -> None:
    document = {
        "version": _VERSION,
        "findings": [
            {"path": entry.path, "code": entry.code, "fingerprint": entry.fingerprint}
            for entry in sorted(entries)
        ],
    }
    try:
        with atomic_text(path) as stream:
            stream.write(json.dumps(document, indent=2) + "\n")
    except OSError as error:
        raise BaselineError(
            f"{path}: cannot write the baseline ({error.strerror or error})"
        ) from None
