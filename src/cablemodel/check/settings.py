"""Settings of ``cablemodel check``: ``[tool.cablemodel]`` in pyproject.toml, then flags.

Rule selectors are ``ALL``, a code (``CM201``) or a code prefix (``CM2``). Selection runs
in layers (the file, then the command line). In each layer ``select`` (when given)
starts from nothing, and the most specific selector among ``select``, ``extend-select``
and ``ignore`` decides a code; on a tie, ``ignore`` wins. CM001 (unparseable cable) is
always reported at error severity: a cable that does not parse was not checked, so an
``ignore`` that names it (CM001, CM00, CM0) is refused.
"""

from __future__ import annotations

import contextlib
import fnmatch
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePath
from typing import Any

from attrs import evolve, field, frozen

from ..rules import UNPARSEABLE, Finding, Severity
from .errors import CheckError

__all__ = [
    "ConfigError",
    "Layer",
    "Settings",
    "config_start",
    "find_pyproject",
    "load_settings",
]

_SELECTOR = re.compile(r"ALL|CM\d{0,3}")
_KEYS = ("select", "extend-select", "ignore", "per-file-ignores", "severity")


class ConfigError(CheckError):
    """The configuration is not valid: the message says which file and key."""


@frozen
class Layer:
    """Selectors from one source; ``select`` is None when the source does not set it."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


@frozen
class Settings:
    """Everything that decides which findings are reported, and at what severity."""

    layers: tuple[Layer, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: (layer, selector, severity); layer 0 is the file, 1 the command line.
    severity: tuple[tuple[int, str, Severity], ...] = ()
    root: Path = field(factory=Path.cwd)
    source: str | None = None

    def enabled(self, code: str) -> bool:
        if code == UNPARSEABLE.code:
            return True
        state = True
        for layer in self.layers:
            if layer.select is not None:
                state = False
            choices = [(len(s), False, True) for s in (layer.select or ()) if _matches(s, code)]
            choices += [(len(s), False, True) for s in layer.extend_select if _matches(s, code)]
            choices += [(len(s), True, False) for s in layer.ignore if _matches(s, code)]
            if choices:
                state = max(choices)[2]
        return state

    def ignored_in(self, path: str, code: str) -> bool:
        if code == UNPARSEABLE.code:
            return False
        candidates = _path_forms(path, self.root)
        return any(
            any(fnmatch.fnmatchcase(candidate, pattern) for candidate in candidates)
            and any(_matches(selector, code) for selector in selectors)
            for pattern, selectors in self.per_file_ignores
        )

    def severity_of(self, finding: Finding) -> Severity:
        """The configured severity: the last source that sets one for the code wins, and
        within a source the most specific selector."""
        if finding.code == UNPARSEABLE.code:
            return finding.severity
        matching = [
            (layer, len(selector), severity)
            for layer, selector, severity in self.severity
            if _matches(selector, finding.code)
        ]
        return max(matching, key=lambda item: item[:2])[2] if matching else finding.severity

    def describe(self, known_codes: Sequence[str]) -> list[str]:
        """The settings in force, one line each (``--show-settings``)."""
        enabled = [code for code in known_codes if self.enabled(code)]
        lines = [
            f"configuration: {self.source or 'none (defaults and flags)'}",
            f"rules: {len(enabled)} of {len(known_codes)}: {' '.join(enabled)}",
        ]
        if self.severity:
            levels = ", ".join(f"{code}={level.value}" for _, code, level in self.severity)
            lines.append(f"severity: {levels}")
        for pattern, selectors in self.per_file_ignores:
            lines.append(f"per-file-ignores: {pattern} = {', '.join(selectors)}")
        return lines

    def apply(self, path: str, findings: Sequence[Finding]) -> list[Finding]:
        """The findings of ``path`` that are reported, with their configured severity."""
        kept = []
        for finding in findings:
            if not self.enabled(finding.code) or self.ignored_in(path, finding.code):
                continue
            severity = self.severity_of(finding)
            kept.append(
                finding if severity is finding.severity else evolve(finding, severity=severity)
            )
        return kept


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml with a [tool.cablemodel] table, from ``start`` upward."""
    for directory in (start, *start.parents):
        candidate = directory / "pyproject.toml"
        if not candidate.is_file():
            continue
        tool = _read_toml(candidate).get("tool")
        if isinstance(tool, dict) and "cablemodel" in tool:
            return candidate
    return None


def config_start(paths: Sequence[str]) -> Path:
    """Where the search for pyproject.toml starts: the deepest folder that holds every
    checked path (a file's folder), as ruff searches from the files it checks; the
    current directory when only standard input is read."""
    folders = [
        os.path.abspath(path if os.path.isdir(path) else os.path.dirname(path) or ".")
        for path in paths
        if path != "-"
    ]
    if not folders:
        return Path.cwd()
    try:
        return Path(os.path.commonpath(folders))
    except ValueError:  # paths on different drives
        return Path(folders[0])


def load_settings(
    config: str | None,
    *,
    cli: Layer,
    cli_severity: Sequence[str] = (),
    known_codes: Sequence[str],
    start: Path | None = None,
) -> Settings:
    """Settings from ``config`` (or the pyproject.toml found upward from ``start``, by
    default the current directory), overridden by flags."""
    path = Path(config) if config is not None else find_pyproject(start or Path.cwd())
    if path is None:
        table: Mapping[str, Any] = {}
        root = Path.cwd()
    else:
        if not path.is_file():
            raise ConfigError(f"{path}: configuration file not found")
        document = _read_toml(path)
        root = path.resolve().parent
        if path.name == "pyproject.toml" or "tool" in document:
            tool = document.get("tool", {})
            table = tool.get("cablemodel", {}) if isinstance(tool, dict) else {}
        else:
            table = document
    where = str(path) if path is not None else "command line"
    if not isinstance(table, dict):
        kind = type(table).__name__
        raise ConfigError(f"{where}: [tool.cablemodel] must be a table of settings, not a {kind}")
    _check_keys(table, where)
    file_layer = Layer(
        select=_selectors(table, "select", where, known_codes) if "select" in table else None,
        extend_select=_selectors(table, "extend-select", where, known_codes),
        ignore=_never_cm001(_selectors(table, "ignore", where, known_codes), f"{where}: ignore"),
    )
    for selectors in (cli.select or (), cli.extend_select, cli.ignore):
        for selector in selectors:
            _check_selector(selector, "command line", known_codes)
    _never_cm001(cli.ignore, "--ignore")
    severity = [
        (0, code, level)
        for code, level in _severity_table(table.get("severity", {}), where, known_codes)
    ]
    severity += [(1, code, level) for code, level in _severity_flags(cli_severity, known_codes)]
    return Settings(
        layers=(file_layer, cli),
        per_file_ignores=_per_file_ignores(table.get("per-file-ignores", {}), where, known_codes),
        severity=tuple(severity),
        root=root,
        source=None if path is None else str(path),
    )


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on Python 3.10 only
        import tomli as tomllib
    try:
        with path.open("rb") as stream:
            return tomllib.load(stream)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read the file ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not UTF-8 (byte {error.start})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: {error}") from None


def _check_keys(table: Mapping[str, Any], where: str) -> None:
    for key in table:
        if key not in _KEYS:
            raise ConfigError(
                f"{where}: unknown key {key!r} in [tool.cablemodel] (known: {', '.join(_KEYS)})"
            )


def _matches(selector: str, code: str) -> bool:
    return selector == "ALL" or code.startswith(selector)


def _check_selector(selector: object, where: str, known_codes: Sequence[str]) -> str:
    if not isinstance(selector, str) or not _SELECTOR.fullmatch(selector):
        raise ConfigError(f"{where}: {selector!r} is not a rule code or prefix (like CM201 or CM2)")
    if len(selector) == 5 and selector not in known_codes:
        raise ConfigError(f"{where}: unknown rule code {selector}")
    return selector


def _never_cm001(selectors: tuple[str, ...], where: str) -> tuple[str, ...]:
    """Refuse a selector that names CM001 alone: it cannot be ignored."""
    for selector in selectors:
        if selector != "CM" and UNPARSEABLE.code.startswith(selector):
            raise ConfigError(
                f"{where}: {selector} cannot be ignored: a cable that does not parse was not "
                "checked at all. To accept a known-bad file, record it in a baseline "
                "(--write-baseline)"
            )
    return selectors


def _selectors(
    table: Mapping[str, Any], key: str, where: str, known_codes: Sequence[str]
) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {key} must be a list of rule codes")
    return tuple(_check_selector(item, f"{where}: {key}", known_codes) for item in value)


def _per_file_ignores(
    value: object, where: str, known_codes: Sequence[str]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: per-file-ignores must be a table of glob = [codes]")
    pairs = []
    for pattern, codes in value.items():
        if not isinstance(codes, list):
            raise ConfigError(f"{where}: per-file-ignores.{pattern!r} must be a list of codes")
        key = f"{where}: per-file-ignores"
        selectors = tuple(_check_selector(c, key, known_codes) for c in codes)
        pairs.append((pattern, _never_cm001(selectors, f"{key}.{pattern!r}")))
    return tuple(pairs)


def _severity_table(
    value: object, where: str, known_codes: Sequence[str]
) -> list[tuple[str, Severity]]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: severity must be a table of code = "error|warning|info"')
    return [
        (_check_selector(code, f"{where}: severity", known_codes), _severity(level, where))
        for code, level in value.items()
    ]


def _severity_flags(
    values: Sequence[str], known_codes: Sequence[str]
) -> list[tuple[str, Severity]]:
    pairs = []
    for value in values:
        code, equals, level = value.partition("=")
        if not equals:
            raise ConfigError(f"--severity {value!r}: expected CODE=error|warning|info")
        pairs.append(
            (
                _check_selector(code.strip(), "--severity", known_codes),
                _severity(level.strip(), "--severity"),
            )
        )
    return pairs


def _severity(level: object, where: str) -> Severity:
    try:
        return Severity(level)
    except ValueError:
        raise ConfigError(
            f"{where}: severity {level!r} is not one of error, warning, info"
        ) from None


def _path_forms(path: str, root: Path) -> tuple[str, ...]:
    """The path as given, relative to the configuration's directory, and its file name."""
    forms = [PurePath(path).as_posix(), PurePath(path).name]
    with contextlib.suppress(ValueError):
        forms.append(Path(os.path.abspath(path)).relative_to(root).as_posix())
    return tuple(forms)
