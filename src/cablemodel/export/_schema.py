"""The table schema of the export: one frozen row class per table, each column documented.

The row classes are the single definition of the tables: the SQLite DDL, the Arrow schema,
the CSV headers and docs/export.md are all read from their fields. A column's value type is
one of five kinds (text, integer, boolean, date, datetime), possibly NULL; nothing nested, so
every engine reads every table the same way.

``SCHEMA_VERSION`` changes whenever a table or a column is added, removed or changes meaning.
"""

from __future__ import annotations

import datetime as dt
import enum
import types
import typing
from typing import Any, Union

import attrs
from attrs import field, frozen

__all__ = [
    "SCHEMA_VERSION",
    "TABLES",
    "AddresseeRow",
    "CableRow",
    "CitationRow",
    "Column",
    "ColumnKind",
    "FindingRow",
    "ParagraphRow",
    "RejectRow",
    "Row",
    "Table",
    "TagRow",
]

#: The version of the table schema (stored in every archive).
SCHEMA_VERSION = 2


def _doc(text: str) -> dict[str, str]:
    """A field's metadata: the column's documentation (what it holds, where it comes from)."""
    return {"doc": text}


@frozen
class CableRow:
    """One row per cable."""

    id: str = field(metadata=_doc("the reference id as published (the publisher's `Identifier`)"))
    canonical_id: str = field(
        metadata=_doc(
            "the id canonicalised (`Cable.canonical_id`: a malformed id corrected), the id "
            "`citations.cited_id` uses"
        )
    )
    created: dt.datetime = field(metadata=_doc("the publisher's `Created` date and time"))
    year: int = field(metadata=_doc("the year of `created` (for facets)"))
    released: dt.datetime | None = field(
        metadata=_doc("the publisher's `Released` date and time; NULL when the text has none")
    )
    classification: str = field(
        metadata=_doc("the publisher's `Classification` as written, e.g. `SECRET//NOFORN`")
    )
    classification_level: str | None = field(
        metadata=_doc(
            "its level: `UNCLASSIFIED`, `LIMITED OFFICIAL USE`, `CONFIDENTIAL`, `SECRET`, "
            "`TOP SECRET`; NULL for a value that names no known level"
        )
    )
    classification_caveats: str = field(
        metadata=_doc("its caveats joined by `//`, e.g. `NOFORN`; empty when none")
    )
    origin: str = field(metadata=_doc("the publisher's `Origin`, e.g. `Embassy Paris`"))
    station: str | None = field(
        metadata=_doc("the station part of the reference id, e.g. `PARIS`; NULL for a malformed id")
    )
    title: str = field(metadata=_doc("the publisher's `Cable title` (empty for `cables.csv` rows)"))
    subject: str | None = field(
        metadata=_doc("the telegram's `SUBJECT:`, continuation lines joined by single spaces")
    )
    partial: bool = field(
        metadata=_doc("whether the publisher marks the text as a partial extract")
    )
    precedence: str | None = field(
        metadata=_doc("the precedence prosign of the date-time group line (`O`, `P`, `R`, `Z`)")
    )
    dtg: dt.datetime | None = field(
        metadata=_doc(
            "the date-time group (UTC) of the telegram; NULL when absent or not a real time"
        )
    )
    sender: str | None = field(
        metadata=_doc(
            "the `FM` addressee as written, e.g. `AMEMBASSY PARIS` (`Cable.sender`; the "
            "`addressees` table has its routing indicator); NULL without a routing header"
        )
    )
    eo_order: int | None = field(
        metadata=_doc("the Executive Order of the `E.O.` line, e.g. `12958`")
    )
    declassification: str | None = field(
        metadata=_doc(
            "the kind of declassification instruction on the `E.O.` line: `date`, `n/a`, "
            "`oadr`, `exemptions`; NULL when the line gives none"
        )
    )
    declassify_on: dt.date | None = field(
        metadata=_doc("the declassification date (`DECL: 05/31/2015`)")
    )
    exemptions: str | None = field(
        metadata=_doc("the exemption codes of `DECL: X1, X5`, blank-separated (`X1 X5`)")
    )
    classified_by: str | None = field(
        metadata=_doc(
            "the classifying officer's name, e.g. `ROBERT W. DRY` (`Cable.classifier`); NULL "
            "when the `Classified By` line names none"
        )
    )
    classifier_title: str | None = field(
        metadata=_doc("the officer's title or role, e.g. `EST COUNSELOR`, `AMBASSADOR`")
    )
    classifier_office: str | None = field(
        metadata=_doc("the officer's office, e.g. `POL`, `EUR/WE`")
    )
    classification_reasons: str | None = field(
        metadata=_doc(
            "the reasons of the `Classified By` line, blank-separated, e.g. `1.4(b) 1.4(d)`; "
            "NULL when it gives none"
        )
    )
    signers: str = field(
        metadata=_doc(
            "the names of the signature as a JSON array (`Cable.signers`: joint signers apart, "
            'e.g. `["BURNS", "BRYS"]`); `[]` when there is none'
        )
    )
    summary: str | None = field(
        metadata=_doc(
            "the text between the summary markers (`Cable.summary`), portion markings "
            "left out; NULL when the cable has no summary"
        )
    )
    sections: int | None = field(
        metadata=_doc(
            "the total `m` of the first banner's `SECTION n OF m`; NULL when it names none"
        )
    )
    paragraph_count: int = field(metadata=_doc("the number of numbered paragraphs"))
    tags: str = field(
        metadata=_doc(
            "the publisher's tags as a JSON array, in order (for Datasette's array facet; the "
            "`tags` table has one row per tag)"
        )
    )
    size: int = field(metadata=_doc("the size of the cable text in UTF-8 bytes"))
    sha256: str = field(metadata=_doc("the SHA-256 of the cable text (UTF-8), in hex"))
    errors: int = field(metadata=_doc("the number of error findings"))
    warnings: int = field(metadata=_doc("the number of warning findings"))
    infos: int = field(metadata=_doc("the number of info findings"))
    source: str | None = field(
        metadata=_doc(
            "where the cable was read: the file as named, or `file:row` for a `cables.csv` row"
        )
    )


@frozen
class ParagraphRow:
    """One row per numbered paragraph, plus one for the prose of the header area."""

    cable_id: str = field(metadata=_doc("the cable's `id`"))
    position: int = field(
        metadata=_doc(
            "the order in the cable: 0 for the prose of the header area (text lines before the "
            "first numbered paragraph), 1, 2, ... for the numbered paragraphs"
        )
    )
    number: int | None = field(
        metadata=_doc("the paragraph number as written; NULL for position 0")
    )
    portion_level: str | None = field(
        metadata=_doc("the level of the portion marking, e.g. `C` for `(C)`; NULL when unmarked")
    )
    portion_caveats: str = field(
        metadata=_doc(
            "the caveats of the portion marking joined by `/`, e.g. `NF` for `(S//NF)`; empty "
            "when none"
        )
    )
    line: int | None = field(metadata=_doc("the line where the paragraph starts (1-based)"))
    text: str = field(
        metadata=_doc(
            "the paragraph's prose, its lines joined by single spaces (marking and number left out)"
        )
    )


@frozen
class TagRow:
    """One row per entry of the telegram's `TAGS` line (`Cable.tag_entries`), normalised
    and with its kind; a cable without a `TAGS` line: one row per publisher tag."""

    cable_id: str = field(metadata=_doc("the cable's `id`"))
    position: int = field(metadata=_doc("the entry's place among the cable's tags, from 1"))
    tag: str = field(metadata=_doc("the entry as written, e.g. `PREL` or `HUMAN RIGHTS`"))
    normalized: str = field(
        metadata=_doc(
            "the tag it stands for: upper case, `tag-fixes` applied (`HUMAN RIGHTS` -> `PHUM`), "
            "a person's name kept whole"
        )
    )
    kind: str = field(
        metadata=_doc(
            "`geo`, `subject`, `program`, `organization`, `person` or `unknown` (a tag in no "
            "vocabulary)"
        )
    )
    listed_in: str = field(
        metadata=_doc(
            "where the tag was read: `tags-line` (the telegram's `TAGS` line) or `publisher` "
            "(the publisher's `Tags`, for a cable whose text has no `TAGS` line)"
        )
    )


@frozen
class CitationRow:
    """One row per reference of the cable's `REF` blocks (`Cable.references`): the edges of
    the citation graph, from `cable_id` to `cited_id`."""

    cable_id: str = field(metadata=_doc("the citing cable's `id`"))
    position: int = field(metadata=_doc("the reference's place in the cable, from 1"))
    letter: str | None = field(
        metadata=_doc("the item's letter, e.g. `A` for `A. STATE 1234`; NULL when unlettered")
    )
    kind: str = field(
        metadata=_doc("what it names: `cable`, `email`, `telcon`, `memo`, `report` or `other`")
    )
    text: str = field(metadata=_doc("the reference as written, blanks squeezed"))
    cited_id: str | None = field(
        metadata=_doc(
            "the cited cable's canonical id, e.g. `05STATE96519` (year as written or inferred, "
            "station canonicalised; see docs/facts.md); NULL for a reference that is no cable"
        )
    )
    known_station: bool | None = field(
        metadata=_doc("whether the cited station is an origin of the vocabulary; NULL as above")
    )
    in_release: bool | None = field(
        metadata=_doc(
            "whether `cited_id` is one of the release's 251,287 ids; NULL for a reference that "
            "is no cable"
        )
    )
    in_archive: bool | None = field(
        metadata=_doc(
            "whether this archive holds the cited cable (a cable whose `canonical_id` is "
            "`cited_id`), set when the archive is written (`records()` alone leaves it NULL); "
            "NULL for a reference that is no cable"
        )
    )
    line: int | None = field(metadata=_doc("the line of the reference (1-based)"))


@frozen
class AddresseeRow:
    """One row per addressee of the routing header: `FM` (the sender), `TO` and `INFO`."""

    cable_id: str = field(metadata=_doc("the cable's `id`"))
    position: int = field(metadata=_doc("the addressee's place in the header, from 1"))
    role: str = field(metadata=_doc("`from`, `to` or `info`"))
    name: str = field(metadata=_doc("the addressee as written, e.g. `SECSTATE WASHDC`"))
    routing_indicator: str | None = field(
        metadata=_doc("its routing indicator, e.g. `RUEHC`; NULL when the line gives none")
    )
    routing_name: str | None = field(
        metadata=_doc(
            "the routing indicator's plain-language name from the vocabulary, e.g. "
            "`DEPT OF STATE WASHINGTON DC` for `RUEHC`; NULL when unknown"
        )
    )
    precedence: str | None = field(
        metadata=_doc("the precedence written before the addressee (`IMMEDIATE`, `PRIORITY` …)")
    )
    sequence: int | None = field(
        metadata=_doc(
            "the message continuity number written after it (`4460` in "
            "`RUEHC/SECSTATE WASHDC IMMEDIATE 4460`); NULL if none"
        )
    )
    line: int | None = field(metadata=_doc("the line of the addressee (1-based)"))


@frozen
class FindingRow:
    """One row per finding of the consistency rules on a cable."""

    cable_id: str = field(metadata=_doc("the cable's `id`"))
    position: int = field(
        metadata=_doc("the finding's place in the cable's findings (sorted by position)")
    )
    code: str = field(metadata=_doc("the rule code, e.g. `CM204`"))
    name: str = field(metadata=_doc("the rule name, e.g. `section-count`"))
    severity: str = field(metadata=_doc("`error`, `warning` or `info`"))
    line: int = field(metadata=_doc("where the finding starts: line (1-based)"))
    column: int = field(metadata=_doc("where the finding starts: column (1-based)"))
    end_line: int = field(metadata=_doc("where it ends (exclusive): line"))
    end_column: int = field(metadata=_doc("where it ends (exclusive): column"))
    message: str = field(metadata=_doc("what the rule found"))
    path: str = field(
        metadata=_doc("the model path of the part concerned, e.g. `$.blocks[12].marking`")
    )


@frozen
class RejectRow:
    """One row per input that gave no cable: it does not parse, or cannot be read."""

    source: str = field(metadata=_doc("the file as named, or `file:row` for a `cables.csv` row"))
    reason: str = field(
        metadata=_doc(
            "`syntax` (the text does not parse), `source` (the file, page or row cannot be read "
            "as a cable text) or `duplicate` (an earlier input has the same reference id)"
        )
    )
    message: str = field(metadata=_doc("what went wrong"))
    line: int | None = field(metadata=_doc("for `syntax`: the line where parsing stopped"))
    column: int | None = field(metadata=_doc("for `syntax`: the column where parsing stopped"))
    sha256: str | None = field(
        metadata=_doc("the SHA-256 of the cable text; NULL when there was none")
    )


Row = Union[CableRow, ParagraphRow, TagRow, CitationRow, AddresseeRow, FindingRow, RejectRow]


class ColumnKind(enum.Enum):
    """The five kinds of column value."""

    TEXT = "text"
    INTEGER = "integer"
    BOOLEAN = "boolean"
    DATE = "date"
    DATETIME = "datetime"


_KINDS: dict[type, ColumnKind] = {
    str: ColumnKind.TEXT,
    int: ColumnKind.INTEGER,
    bool: ColumnKind.BOOLEAN,
    dt.date: ColumnKind.DATE,
    dt.datetime: ColumnKind.DATETIME,
}


@frozen
class Column:
    """A column: its name, kind, whether it can be NULL, and its documentation."""

    name: str
    kind: ColumnKind
    nullable: bool
    doc: str


@frozen
class Table:
    """A table: name, row class, columns in order, and the key that identifies a row."""

    name: str
    row: type
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    doc: str

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)


def _columns(row: type) -> tuple[Column, ...]:
    hints = typing.get_type_hints(row)
    found = []
    for attribute in attrs.fields(row):
        kind, nullable = _kind(hints[attribute.name])
        found.append(Column(attribute.name, kind, nullable, attribute.metadata["doc"]))
    return tuple(found)


def _kind(hint: Any) -> tuple[ColumnKind, bool]:
    arguments = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is Union:
        (inner,) = (argument for argument in arguments if argument is not type(None))
        return _KINDS[inner], True
    return _KINDS[hint], False


def _table(name: str, row: type, key: tuple[str, ...]) -> Table:
    return Table(name, row, _columns(row), key, (row.__doc__ or "").strip())


#: Every table, in the order they are written; the cable's table first.
TABLES: dict[str, Table] = {
    table.name: table
    for table in (
        _table("cables", CableRow, ("id",)),
        _table("paragraphs", ParagraphRow, ("cable_id", "position")),
        _table("tags", TagRow, ("cable_id", "position")),
        _table("citations", CitationRow, ("cable_id", "position")),
        _table("addressees", AddresseeRow, ("cable_id", "position")),
        _table("findings", FindingRow, ("cable_id", "position")),
        _table("rejects", RejectRow, ("source",)),
    )
}
