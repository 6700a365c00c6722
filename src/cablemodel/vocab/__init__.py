"""The reference vocabularies shipped in this package (TAB-separated data files, provenance in
README.md), each read once, on first use."""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources

__all__ = [
    "canonical_origin",
    "classifier_words",
    "geo_tags",
    "load_all",
    "malformed_ids",
    "organization_tags",
    "origin_names",
    "origins",
    "program_tags",
    "reference_kinds",
    "release_ids",
    "routing_name",
    "subject_tags",
    "tag_fixes",
]


def _rows(name: str) -> list[list[str]]:
    text = resources.files("cablemodel.vocab").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line]


def _codes(name: str) -> frozenset[str]:
    return frozenset(row[0] for row in _rows(name))


@cache
def geo_tags() -> frozenset[str]:
    return _codes("geo-tags.tsv")


@cache
def subject_tags() -> frozenset[str]:
    return _codes("subject-tags.tsv")


@cache
def program_tags() -> frozenset[str]:
    return _codes("program-tags.tsv")


@cache
def organization_tags() -> frozenset[str]:
    return _codes("organization-tags.tsv")


@cache
def tag_fixes() -> dict[str, tuple[str, ...]]:
    """Misspelt or run-together tag -> the tag(s) meant."""
    return {row[0]: tuple(row[1].split("|")) for row in _rows("tag-fixes.tsv")}


@cache
def origins() -> frozenset[str]:
    """Every origin code that occurs in a reference id (or a REF line)."""
    return _codes("origins.tsv")


@cache
def origin_names() -> dict[str, tuple[str, ...]]:
    """Origin code -> the publisher's Origin strings for it (empty when unknown)."""
    rows = _rows("origins.tsv")
    return {row[0]: tuple(name for name in row[1].split("|") if name) for row in rows}


@cache
def _aliases() -> dict[str, str]:
    return {row[0]: row[1] for row in _rows("origin-aliases.tsv")}


@cache
def malformed_ids() -> dict[str, str]:
    """Malformed reference id as published -> the id it should have been."""
    return {row[0]: row[1] for row in _rows("malformed-ids.tsv")}


def canonical_origin(written: str) -> str | None:
    """The origin code for an origin as written in a banner, marker or REF line, or None.

    Blanks are removed and aliases (SECSTATE, USUN, HAGUE …) resolved.
    """
    compact = "".join(written.upper().split())
    if compact in origins():
        return compact
    return _aliases().get(compact)


@cache
def release_ids() -> frozenset[str]:
    """The 251,287 reference ids of the Cablegate release, as published (read on first use:
    the file is shipped gzip-compressed, 0.6 MB for 3.4 MB of ids)."""
    data = resources.files("cablemodel.vocab").joinpath("release-ids.txt.gz").read_bytes()
    return frozenset(gzip.decompress(data).decode("ascii").split())


@cache
def _routing() -> tuple[dict[str, str], tuple[tuple[str, str, str], ...]]:
    """Routing indicator -> name, and the ranges written ``RHFJAAA THRU RHFJAAZ``."""
    exact: dict[str, str] = {}
    ranges: list[tuple[str, str, str]] = []
    for code, name in _rows("routing-indicators.tsv"):
        low, _, high = code.partition(" THRU ")
        if high:
            ranges.append((low, high, name))
        else:
            exact[code] = name
    return exact, tuple(ranges)


@lru_cache(maxsize=8192)  # the ranges are searched in order: remember what was found
def routing_name(indicator: str) -> str | None:
    """The plain-language name of a routing indicator (``RUEHC``: DEPT OF STATE
    WASHINGTON DC), or None when the table does not know it."""
    exact, ranges = _routing()
    if indicator in exact:
        return exact[indicator]
    for low, high, name in ranges:
        if len(low) == len(indicator) and low <= indicator <= high:
            return name
    return None


@cache
def classifier_words() -> dict[str, str]:
    """A word of a Classified By line (upper case) -> ``title`` (it names a role),
    ``office`` (an office or agency), ``suffix`` (JR, SR …) or ``label`` (a word that
    repeats the label or the level before the officer: CLASSIFIED CONFIDENTIAL BY)."""
    return {row[0]: row[1] for row in _rows("classifier-words.tsv")}


@cache
def reference_kinds() -> dict[str, str]:
    """A word of a REF item (upper case) -> the kind of document it names: ``email``,
    ``telcon``, ``memo`` or ``report``."""
    return {row[0]: row[1] for row in _rows("reference-kinds.tsv")}


def load_all() -> None:
    """Read every vocabulary now (each is otherwise read on first use): a process that
    forks workers reads them once, and the workers inherit them."""
    for load in (
        geo_tags,
        subject_tags,
        program_tags,
        organization_tags,
        tag_fixes,
        origins,
        origin_names,
        _aliases,
        malformed_ids,
        release_ids,
        _routing,
        classifier_words,
        reference_kinds,
    ):
        load()
