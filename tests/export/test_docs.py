"""docs/export.md documents every table and column of the schema, as the row classes say."""

from __future__ import annotations

import re

from cablemodel.export import SCHEMA_VERSION, TABLES, Table
from tests.helpers import ROOT

DOC = ROOT / "docs" / "export.md"


def schema_markdown(table: Table) -> str:
    """The Markdown table of ``table``'s columns, as docs/export.md shows it."""
    lines = [
        f"### `{table.name}`",
        "",
        f"{table.doc} Key: {', '.join(f'`{name}`' for name in table.key)}.",
        "",
        "| column | type | NULL | what it holds, where it comes from |",
        "|---|---|---|---|",
    ]
    for column in table.columns:
        null = "yes" if column.nullable else ""
        lines.append(f"| `{column.name}` | {column.kind.value} | {null} | {column.doc} |")
    return "\n".join(lines) + "\n"


def test_every_table_is_documented_as_the_schema_says() -> None:
    text = DOC.read_text(encoding="utf-8")
    for table in TABLES.values():
        assert schema_markdown(table) in text, f"docs/export.md: table {table.name} differs"
    documented = re.findall(r"^### `(\w+)`$", text, flags=re.MULTILINE)
    assert documented == list(TABLES)


def test_the_docs_name_the_schema_version() -> None:
    assert f"Schema version: **{SCHEMA_VERSION}**" in DOC.read_text(encoding="utf-8")
