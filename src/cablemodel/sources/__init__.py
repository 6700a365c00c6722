"""Read cables where users have them: Cablegate HTML pages and the ``cables.csv`` dump.

Both sources are first turned into the text layout of the reference cable (labels, then
values, ``Cable title:``, ``Tags:``, the navigation line, the header box, a newline, the
body box, no final newline) and then parsed with :func:`cablemodel.parse`, so what comes
back is an ordinary :class:`~cablemodel.model.Cable` and ``render()`` gives that layout.

* HTML (the 2010-2011 cablegate page design): the metadata table gives the reference
  id, Created, Classification and Origin; the ``Viewing cable <ID>, <TITLE>`` heading
  gives the title; the texts of the tag links inside the cable boxes give the tags (each
  once, in page order); the two ``<pre>`` boxes give header and body. In the boxes only
  numeric character references are decoded (the site never escaped ``&`` or ``<``),
  links are unwrapped, the anchor ``¶`` before a numbered paragraph becomes a line
  break (the one the site put before lettered references stays), presentational
  tags (``<br>``, ``<strong>``, ``<em>``, stray table tags) are dropped and trailing
  blanks are stripped from every line. Backslashes at line ends are part of the page
  text and are kept.
* CSV (8 columns: id, date, reference id, origin, classification, references, header,
  body; ``"`` quotes, ``\\`` escapes): a row has no title and no tags, so the cable has an
  empty title and no tags. The row id and the references column have no place in the
  text layout; :func:`iter_csv_records` yields them next to the cable.
* :func:`iter_sources` reads files and folder trees of all three formats (the text
  layout, pages, dumps); :func:`input_files` is the one walker every caller uses,
  :func:`read_items` reads one file (:func:`data_items` the bytes of one read elsewhere)
  and :func:`detect_format` tells the formats apart.

Only the standard library (``html.parser``, ``csv``) is used. The modules follow the
sources: html.py, dump.py (``cables.csv``), layout.py (the text layout they are turned
into) and files.py (finding and reading files of every format).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports
from .errors import CablePageError, CableRowError, CableSourceError
from .files import (
    DEFAULT_GLOBS,
    FormatChoice,
    InputFile,
    InputFormat,
    SourceItem,
    data_items,
    detect_format,
    input_files,
    iter_sources,
    read_items,
)

if TYPE_CHECKING:
    from .dump import CSV_COLUMNS, CsvRecord, iter_csv, iter_csv_records
    from .html import cable_text_from_html, parse_html_file, read_html

# The readers of pages and dumps load when first used: checking text files needs neither.
_LAZY = {
    "CSV_COLUMNS": ".dump",
    "CsvRecord": ".dump",
    "iter_csv": ".dump",
    "iter_csv_records": ".dump",
    "cable_text_from_html": ".html",
    "parse_html_file": ".html",
    "read_html": ".html",
}

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_GLOBS",
    "CablePageError",
    "CableRowError",
    "CableSourceError",
    "CsvRecord",
    "FormatChoice",
    "InputFile",
    "InputFormat",
    "SourceItem",
    "cable_text_from_html",
    "data_items",
    "detect_format",
    "input_files",
    "iter_csv",
    "iter_csv_records",
    "iter_sources",
    "parse_html_file",
    "read_html",
    "read_items",
]


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, __all__)
