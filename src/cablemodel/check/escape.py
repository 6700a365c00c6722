"""What of a cable or a file name may reach a terminal, a CI log or a report document.

Input text is data: it must never act on the terminal (ESC and other control characters,
bidirectional overrides), never issue a GitHub workflow command, and never make a report
invalid or fail to be written (file names that are not UTF-8 arrive as surrogate
escapes, which no UTF-8 stream can write).

* :func:`shown`: for people (the full, concise and github formats, messages): control
  characters, bidirectional controls and undecodable bytes are shown as escapes.
* :func:`json_text`: JSON that keeps every character, file-name bytes included.
* :func:`uri_reference`: a path as a percent-encoded URI reference (SARIF).
* :func:`xml_text`: text for XML 1.0, reversibly escaped (JUnit).
"""

from __future__ import annotations

import functools
import json
import os
import re
from typing import Any

__all__ = [
    "json_text",
    "shown",
    "shown_lines",
    "stop_commands_token",
    "uri_reference",
    "xml_text",
]

# C0 controls but tab, DEL, C1 controls, the bidirectional controls, the line and
# paragraph separators (terminals and browsers act on them), surrogate escapes.
_UNSAFE = re.compile(
    r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
)
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _escape(character: str) -> str:
    code = ord(character)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's escape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}"


def shown(text: str) -> str:
    """``text`` safe to print: control characters (tab excepted), bidirectional
    controls and undecodable bytes become ``\\x1b``, ``\\u202e``, ``\\xff``."""
    return _UNSAFE.sub(lambda match: _escape(match.group()), text)


def shown_lines(text: str) -> str:
    """Lines of ``text`` each :func:`shown`, still one per line."""
    return "\n".join(shown(line) for line in text.split("\n"))


def json_text(value: Any, *, indent: int | None = None, compact: bool = False) -> str:
    """``value`` as JSON, non-ASCII characters as they are; a surrogate escape (a byte of
    a file name that is not UTF-8) is written ``\\udcff``, which JSON allows and
    ``os.fsencode(json.loads(...))`` turns back into the byte. ``compact``: no blanks."""
    separators = (",", ":") if compact else None
    text = json.dumps(value, indent=indent, ensure_ascii=False, separators=separators)
    # a lone surrogate can stand only inside a string literal: escape it in place
    return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def uri_reference(path: str) -> str:
    """A file path as a relative (or absolute ``file:``) URI reference, percent-encoded
    from the path's bytes, so every name is a valid and exact URI."""
    import urllib.parse  # only the SARIF format needs it

    posix = path.replace(os.sep, "/")
    quoted = urllib.parse.quote(os.fsencode(posix), safe="/")
    return "file://" + quoted if posix.startswith("/") else quoted


def xml_text(text: str) -> str:
    """Text XML 1.0 can hold, reversibly: a backslash is ``\\\\``, a character XML cannot
    hold ``\\x1b`` (an undecodable byte ``\\xff`` of its own)."""
    return _not_xml().sub(
        lambda match: "\\\\" if match.group() == "\\" else _escape(match.group()), text
    )


@functools.cache
def _not_xml() -> re.Pattern[str]:
    """Characters XML 1.0 cannot hold, and the backslash that introduces an escape.
    Compiled on first use: the class spans all of Unicode, and only JUnit needs it."""
    return re.compile(r"[^\t\n\r\x20-\x5b\x5d-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def stop_commands_token() -> str:
    """A token for GitHub's ``::stop-commands::`` that input text cannot guess."""
    import secrets  # only the github format needs it

    return secrets.token_hex(16)
