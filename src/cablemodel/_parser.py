"""The parser: grammar/cable.lark run by Lark (LALR), straight into the model.

This is the only module that imports lark. The parser is made lazily, once per
process, from LALR tables generated from the grammar and shipped beside it (nothing is
written at run time); when they do not fit the grammar or the installed Lark, it is
built from the grammar. The transformer runs inline (no parse tree is kept); positions
come from the tokens, which always carry them.

Each transformer method names the grammar rule it handles.
"""

from __future__ import annotations

import functools
import hashlib
import json
from datetime import date, datetime
from importlib import resources
from typing import Any, NamedTuple

import lark
from attrs import evolve
from lark import Lark, Token, Transformer
from lark.exceptions import (
    UnexpectedCharacters,
    UnexpectedEOF,
    UnexpectedInput,
    UnexpectedToken,
    VisitError,
)
from lark.grammar import Rule
from lark.lexer import TerminalDef

from .errors import CableSyntaxError
from .model import (
    MONTH_NAMES,
    Address,
    AddressBlock,
    AddressKind,
    AddressLine,
    Banner,
    BlankLine,
    Block,
    Boundary,
    Cable,
    CableRef,
    Caption,
    CaptionEntry,
    CaptionLine,
    Classification,
    ClassifiedBy,
    ClassifiedLine,
    ClassifiedWord,
    DateStyle,
    DeclassifyOn,
    DeLine,
    DtgLine,
    EoLine,
    Exemption,
    Exemptions,
    IndicatorLine,
    Level,
    LooseLine,
    Marker,
    NotApplicable,
    Oadr,
    PageMarker,
    Paragraph,
    PartialNotice,
    Passing,
    Portion,
    PortionCaveat,
    PortionLevel,
    Precedence,
    Prose,
    Publisher,
    PublisherTag,
    Reason,
    ReasonLetter,
    ReasonSeparator,
    Ref,
    ReferenceId,
    RefLetter,
    RefLine,
    RefWord,
    RoutingIndicator,
    Section,
    Signature,
    Span,
    Subject,
    TagEntry,
    TagsContinuation,
    TagsLine,
    TextLine,
    Topic,
    Vzczc,
    ZnLine,
    _full_year,
)

__all__ = ["decode", "grammar_text", "parse_text"]

_MONTHS = {name: index for index, name in enumerate(MONTH_NAMES, start=1)}


def grammar_text() -> str:
    """The grammar shipped in the package (a copy of grammar/cable.lark)."""
    return resources.files("cablemodel.grammar").joinpath("cable.lark").read_text(encoding="utf-8")


def _options(strict: bool) -> dict[str, Any]:
    return {
        "parser": "lalr",
        "lexer": "contextual",
        "strict": strict,
        "maybe_placeholders": False,
    }


@functools.lru_cache(maxsize=1)
def _lark() -> Lark:
    """The parser, made on first use: from the shipped tables when they fit, else built."""
    tables = _shipped_tables()
    parser: Lark | None = None
    if tables is not None:
        try:
            # Lark's loader for serialized parsers (the one its standalone generator uses)
            parser = Lark._load_from_dict(  # type: ignore[no-untyped-call]
                tables["data"], tables["memo"], transformer=_ToModel()
            )
        except Exception:  # tables this Lark cannot read: build from the grammar instead
            parser = None
    if parser is None:
        parser = Lark(grammar_text(), transformer=_ToModel(), **_options(strict=False))
    _share_lexers(parser)
    return parser


def _share_lexers(parser: Lark) -> None:
    """Let parser states that accept the same terminals share one lexer.

    Lark's contextual lexer makes a lexer per distinct set of parser actions, gotos
    included: 133 lexers for 87 sets of terminals here. Each compiles its regular
    expression on first use, which is most of the first parse (about 30 ms).
    """
    lexers: dict[int, Any] | None = getattr(parser.parser.lexer, "lexers", None)
    if not lexers:
        return
    shared: dict[frozenset[str], Any] = {}
    for state, lexer in lexers.items():
        terminals = frozenset(terminal.name for terminal in lexer.terminals)
        lexers[state] = shared.setdefault(terminals, lexer)


TABLES_FILE = "cable.tables.json"


def _grammar_digest() -> str:
    return hashlib.sha256(grammar_text().encode("utf-8")).hexdigest()


def _shipped_tables() -> dict[str, Any] | None:
    """The parser tables shipped beside the grammar, if they were made from this very
    grammar by this minor version of Lark (whose serial form may change between minor
    versions); else None, and the parser is built from the grammar (about 0.2 s)."""
    source = resources.files("cablemodel.grammar").joinpath(TABLES_FILE)
    if not source.is_file():
        return None
    tables: dict[str, Any] = json.loads(source.read_text(encoding="utf-8"))
    if tables.get("grammar_sha256") != _grammar_digest():
        return None
    if _minor_version(str(tables.get("lark_version", ""))) != _minor_version(lark.__version__):
        return None
    # JSON keys are strings; Lark numbers its memo, tokens and states with ints
    table = tables["data"]["parser"]["parser"]
    tables["memo"] = {int(key): value for key, value in tables["memo"].items()}
    table["tokens"] = {int(key): value for key, value in table["tokens"].items()}
    table["states"] = {
        int(state): {int(token): action for token, action in actions.items()}
        for state, actions in table["states"].items()
    }
    return tables


def _minor_version(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


_UNBOUNDED = 2**32 - 1


def parser_tables_text() -> str:
    """The LALR tables of the shipped grammar as JSON, for the file shipped beside it.

    Lark numbers states and tokens in an order that changes from run to run; here
    they are renumbered (states breadth first from the start, tokens by name), so the
    same grammar always gives the same text. tools/generate_parser_tables.py writes it.
    """
    data, memo = build_parser().memo_serialize([TerminalDef, Rule])
    table = data["parser"]["parser"]
    names: dict[int, str] = table["tokens"]
    states: dict[int, dict[int, tuple[int, Any]]] = table["states"]

    def by_name(item: tuple[int, tuple[int, Any]]) -> str:
        return names[item[0]]

    number: dict[int, int] = {}
    order: list[int] = []
    for state in [table["start_states"][name] for name in sorted(table["start_states"])]:
        number.setdefault(state, len(number))
        order.append(state)
    for state in order:  # grows while it is walked: breadth first
        for _, (action, target) in sorted(states[state].items(), key=by_name):
            if action == 0 and target not in number:  # 0 = shift (or go to)
                number[target] = len(number)
                order.append(target)
    token_names = sorted(set(names.values()))
    token_number = {name: index for index, name in enumerate(token_names)}
    table["tokens"] = dict(enumerate(token_names))
    table["states"] = {
        number[state]: {
            token_number[names[token]]: (action, number[target] if action == 0 else target)
            for token, (action, target) in sorted(states[state].items(), key=by_name)
        }
        for state in order
    }
    table["start_states"] = {name: number[state] for name, state in table["start_states"].items()}
    table["end_states"] = {name: number[state] for name, state in table["end_states"].items()}
    for item in memo.values():
        width = item.get("pattern", {}).get("_width")
        if width and width[1] >= _UNBOUNDED:
            # Python writes "no upper bound" as 2**32 - 1 before 3.11.7 and 2**64 after;
            # both sort the same, so the file is the same on every Python
            width[1] = _UNBOUNDED
    document = {
        "grammar_sha256": _grammar_digest(),
        "lark_version": lark.__version__,
        "data": data,
        "memo": memo,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":")) + "\n"


def build_parser(*, strict: bool = False) -> Lark:
    """A fresh Lark parser over the shipped grammar that builds a tree (tests, tools)."""
    return Lark(grammar_text(), **_options(strict=strict))


def decode(data: bytes) -> str:
    """UTF-8 bytes as text, line endings kept; a byte that is not UTF-8 is a
    CableSyntaxError at its line and column."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        good = data[: error.start].decode("utf-8")
        line = good.count("\n") + 1
        column = len(good) - (good.rfind("\n") + 1) + 1
        line_start = data.rfind(b"\n", 0, error.start) + 1
        line_end = data.find(b"\n", error.start)
        source = data[line_start : None if line_end < 0 else line_end]
        shown = source.decode("utf-8", errors="replace").rstrip("\r")
        reason = f"byte 0x{data[error.start]:02x} is not UTF-8"
        raise CableSyntaxError(reason, line, column, shown) from None


def parse_text(text: str) -> Cable:
    """Parse one cable; raise CableSyntaxError with line, column and caret.

    A byte-order mark and CRLF or CR line endings used throughout are taken off before
    parsing and recorded in the Cable, so that render() gives the text back.
    """
    bom = text.startswith("\ufeff")
    if bom:
        text = text[1:]
    newline = _newline_of(text)
    if newline != "\n":
        text = text.replace(newline, "\n")
    final_newline = text.endswith("\n")
    parser = _lark()
    try:
        # The grammar closes every line with NL: a last line without one is read as
        # if it had one, and the Cable records that it has none.
        parsed: Any = parser.parse(text if final_newline else text + "\n")
    except UnexpectedInput as error:
        raise _syntax_error(text, error) from None
    except VisitError as error:  # pragma: no cover - a transformer bug, not bad input
        raise error.orig_exc from error
    cable: Cable = parsed
    return evolve(cable, final_newline=final_newline, newline=newline, bom=bom)


def _newline_of(text: str) -> str:
    """The line ending of a text that uses CRLF or CR throughout; else LF."""
    if "\r" not in text:
        return "\n"
    crlf = text.count("\r\n")
    if crlf and crlf == text.count("\r") and crlf == text.count("\n"):
        return "\r\n"
    if "\n" not in text:
        return "\r"
    return "\n"  # mixed endings: a CR stays a character of its line


def _syntax_error(text: str, error: UnexpectedInput) -> CableSyntaxError:
    line = getattr(error, "line", 0) or 0
    column = getattr(error, "column", 0) or 0
    lines = text.split("\n")
    at_end = (
        isinstance(error, UnexpectedEOF)
        or line < 1
        or (isinstance(error, UnexpectedToken) and error.token.type == "$END")
        # the line end the parser supplied after a text without a final one
        or (error.pos_in_stream or 0) >= len(text)
    )
    if at_end:
        line = len(lines)
        column = len(lines[-1]) + 1
        reason = "the text ends too early: " + _expected(error)
    elif isinstance(error, UnexpectedCharacters):
        reason = f"unexpected character {text[error.pos_in_stream or 0]!r}: " + _expected(error)
    else:
        assert isinstance(error, UnexpectedToken)
        reason = f"unexpected {_found(error.token)}: " + _expected(error)
    source_line = lines[line - 1] if 0 < line <= len(lines) else ""
    return CableSyntaxError(reason, line, column, source_line)


_TERMINAL_NAMES = {
    "NL": "line end",
    "NBSP": "no-break space",
    "ID_LABEL": "'Identifier' label",
    "CREATED_LABEL": "'Created' label",
    "RELEASED_LABEL": "'Released' label",
    "CLASSIFICATION_LABEL": "'Classification' label",
    "ORIGIN_LABEL": "'Origin' label",
    "TIMESTAMP": "date and time (YYYY-MM-DD HH:MM:SS)",
    "CLASS_LEVEL": "classification (UNCLASSIFIED, CONFIDENTIAL, SECRET …)",
    "CLASSIFICATION_TEXT": "classification",
    "ID_YEAR": "reference id",
    "ID_RAW": "reference id",
    "ORIGIN_NAME": "origin",
    "TITLE_LABEL": "'Cable title:' line",
    "TITLE_TEXT": "title",
    "TAGS_LABEL": "'Tags:' line",
    "PUBLISHER_TAG": "tag",
}


def _found(token: Token) -> str:
    if token.type == "NL":
        return "line end"
    value = str(token)
    return repr(value if len(value) <= 30 else value[:29] + "…")


def _describe(terminal: str) -> str:
    return _TERMINAL_NAMES.get(terminal, terminal.lower().replace("_", " "))


def _expected(error: UnexpectedInput) -> str:
    expected = sorted(
        {_describe(name) for name in getattr(error, "expected", ()) or () if name != "$END"}
    )
    if not expected:
        return "nothing more was expected"
    if len(expected) > 4:
        return "expected " + ", ".join(expected[:4]) + " or another line"
    return "expected " + " or ".join(expected)


# ----------------------------------------------------------------- transformer

Child = Any


def _split_lead(value: str) -> tuple[str, str]:
    body = value.lstrip(" \t")
    return value[: len(value) - len(body)], body


def _span_of(first: Token, last: Token) -> Span:
    return Span(first.line or 0, first.column or 0, last.end_line or 0, last.end_column or 0)


def _line_span(first: Token, nl: Token) -> Span:
    return Span(first.line or 0, first.column or 0, nl.line or 0, nl.column or 0)


def _tokens(children: list[Child]) -> list[Token]:
    return [child for child in children if isinstance(child, Token)]


_LINE_ENDS = frozenset(("TEXT_LINE", "NL"))


def _lines(items: list[Child]) -> tuple[LooseLine, ...]:
    """Cut a run of loose tokens and line objects into lines.

    A line ends with a TEXT_LINE token (prose with its line end) or an NL; a
    BLANK_LINES token is one or more blank lines.
    """
    lines: list[LooseLine] = []
    parts: list[Prose | Marker] = []
    first: Token | None = None
    blank: str | None = None
    for item in items:
        if not isinstance(item, Token):
            lines.append(item)
            continue
        kind = item.type
        if first is None:
            if kind == "TEXT_LINE":  # the common case: a whole prose line, one token
                line, column = item.line or 0, item.column or 0
                span = Span(line, column, line, column + len(item) - 1)
                lines.append(TextLine((Prose(item[:-1]),), span=span))
                continue
            first = item
        if kind == "BLANK":
            blank = str(item)
            continue
        if kind == "BLANK_LINES":
            segments = str(item).split("\n")[:-1]
            line = item.line or 0
            if parts:  # the first line end closes a line that ends in a marker
                trailing = segments.pop(0)
                if trailing:
                    parts.append(Prose(trailing))
                span = Span(
                    first.line or 0, first.column or 0, line, (item.column or 0) + len(trailing)
                )
                lines.append(TextLine(tuple(parts), span=span))
                parts = []
                line += 1
            for offset, whitespace in enumerate(segments):
                end = 1 + len(whitespace)
                lines.append(BlankLine(whitespace, span=Span(line + offset, 1, line + offset, end)))
            first = None
            continue
        if kind == "TEXT_LINE":
            parts.append(Prose(str(item)[:-1]))
        elif kind == "TEXT":
            parts.append(Prose(str(item)))
        elif kind in ("MARK_BEGIN", "MARK_END"):
            parts.append(_marker(str(item), kind == "MARK_BEGIN"))
        if kind in _LINE_ENDS:
            end_column = (item.column or 0) + (len(item) - 1 if kind == "TEXT_LINE" else 0)
            span = Span(first.line or 0, first.column or 0, item.line or 0, end_column)
            if parts:
                lines.append(TextLine(tuple(parts), span=span))
            else:
                lines.append(BlankLine(blank or "", span=span))
            parts, first, blank = [], None, None
    return tuple(lines)


def _end_of(line: LooseLine) -> tuple[int, int]:
    assert line.span is not None
    return line.span.end_line, line.span.end_column


def _loose(children: list[Child]) -> tuple[LooseLine, ...]:
    """The loose lines of a block: what follows its head line and continuation lines."""
    index = next(
        i for i, c in enumerate(children) if isinstance(c, Token) and c.type == "NL"
    )
    index += 1
    while index < len(children) and not isinstance(
        children[index], (Token, CaptionLine, PageMarker)
    ):
        index += 1
    return _lines(children[index:])


def _first_nl(children: list[Child]) -> Token:
    for child in children:
        if isinstance(child, Token) and child.type == "NL":
            return child
    raise AssertionError("a line without NL")


def _rest(children: list[Child]) -> str:
    for child in children:
        if isinstance(child, Token) and child.type == "REST":
            return str(child)
    return ""


def _marker(text: str, begins: bool) -> Marker:
    words = text.upper().split()
    topic = Topic(words[-1].lower())
    return Marker(text, Boundary.BEGIN if begins else Boundary.END, topic)


class _PublisherTags(NamedTuple):
    gap: str
    tags: tuple[PublisherTag, ...]
    end: Token  # the NL of the Tags: line


class _ToModel(Transformer[Token, Any]):
    """Turns reductions of grammar/cable.lark into model objects."""

    # ------------------------------------------------------------ cable
    def start(self, children: list[Child]) -> Cable:
        """start: publisher body"""
        publisher, (lead, blocks) = children
        return Cable(publisher=publisher, blocks=blocks, lead=lead)

    def body(self, children: list[Child]) -> tuple[tuple[LooseLine, ...], tuple[Block, ...]]:
        """body: _tail _header_block* paragraph* signature?"""
        start = next(
            (
                i
                for i, c in enumerate(children)
                if not isinstance(c, (Token, CaptionLine, PageMarker))
            ),
            len(children),
        )
        return _lines(children[:start]), tuple(children[start:])

    # --------------------------------------------------------- publisher
    def publisher(self, children: list[Child]) -> Publisher:
        """publisher: labels, then values (no Released)"""
        return self._publisher(children)

    def publisher_released(self, children: list[Child]) -> Publisher:
        """publisher: labels, then values (with Released)"""
        return self._publisher(children)

    def _publisher(self, children: list[Child]) -> Publisher:
        labels = {t.type: str(t) for t in _tokens(children)}
        values = [c for c in children if not isinstance(c, Token)]
        reference_id = values[0]
        created, created_seconds = values[1]
        index = 2
        released: datetime | None = None
        released_seconds = True
        if "RELEASED_LABEL" in labels:
            released, released_seconds = values[2]
            index = 3
        classification, origin, (title_gap, title), publisher_tags = values[index : index + 4]
        tags_gap, tags = publisher_tags.gap, publisher_tags.tags
        navigation = isinstance(children[-1], Token)  # navigation() gives its line's NL
        first = _tokens(children)[0]
        last = children[-1] if navigation else publisher_tags.end
        return Publisher(
            reference_id=reference_id,
            created=created,
            classification=classification,
            origin=origin,
            title=title,
            tags=tags,
            released=released,
            id_label=labels["ID_LABEL"],
            created_label=labels["CREATED_LABEL"],
            released_label=labels.get("RELEASED_LABEL", "Released"),
            classification_label=labels["CLASSIFICATION_LABEL"],
            origin_label=labels["ORIGIN_LABEL"],
            created_seconds=created_seconds,
            released_seconds=released_seconds,
            title_gap=title_gap,
            tags_gap=tags_gap,
            navigation=navigation,
            # the whole block: from the first label to the end of its last line
            span=Span(first.line or 0, first.column or 0, last.line or 0, last.column or 0),
        )

    def well_formed_id(self, children: list[Child]) -> ReferenceId:
        """reference_id: ID_YEAR ID_ORIGIN ID_SERIAL NL"""
        year, origin, serial, nl = children
        return ReferenceId(
            year=_full_year(int(year)),
            origin=str(origin),
            serial=int(serial),
            span=_line_span(year, nl),
        )

    def malformed_id(self, children: list[Child]) -> ReferenceId:
        """reference_id: ID_RAW NL"""
        raw, nl = children
        return ReferenceId(malformed=str(raw), span=_line_span(raw, nl))

    def _timestamp(self, children: list[Child]) -> tuple[datetime, bool]:
        token = children[0]
        try:
            value = datetime.fromisoformat(str(token))
        except ValueError:
            raise CableSyntaxError(
                f"{str(token)!r} is not a real date and time",
                token.line or 0,
                token.column or 0,
                str(token),
            ) from None
        return value, len(str(token)) > 16

    def created(self, children: list[Child]) -> tuple[datetime, bool]:
        """created: TIMESTAMP NL"""
        return self._timestamp(children)

    def released(self, children: list[Child]) -> tuple[datetime, bool]:
        """released: TIMESTAMP NL"""
        return self._timestamp(children)

    def classification(self, children: list[Child]) -> Classification:
        """classification: CLASS_LEVEL (CAVEAT_SEP CAVEAT)* NL"""
        tokens = _tokens(children)
        caveats = tuple(str(t) for t in tokens if t.type == "CAVEAT")
        return Classification(
            Level(str(tokens[0])), caveats, span=_line_span(tokens[0], tokens[-1])
        )

    def unknown_classification(self, children: list[Child]) -> Classification:
        """classification: CLASSIFICATION_TEXT NL"""
        text, nl = children
        return Classification(None, (), unrecognized=str(text), span=_line_span(text, nl))

    def origin(self, children: list[Child]) -> str:
        """origin: ORIGIN_NAME NL"""
        return str(children[0])

    def title(self, children: list[Child]) -> tuple[str, str]:
        """title: TITLE_LABEL NBSP NL NL TITLE_TEXT? NL NL"""
        tokens = _tokens(children)
        gap = str(tokens[1])
        text = next((str(t) for t in tokens if t.type == "TITLE_TEXT"), "")
        return gap, text

    def tags(self, children: list[Child]) -> _PublisherTags:
        """tags: TAGS_LABEL NBSP PUBLISHER_TAG* NL"""
        gap = str(children[1])
        tags = []
        for token in children[2:-1]:
            value = str(token)
            text = value.rstrip("\xa0")
            span = Span(
                token.line or 0, token.column or 0, token.line or 0, (token.column or 0) + len(text)
            )
            tags.append(PublisherTag(text, value[len(text) :], span=span))
        return _PublisherTags(gap, tuple(tags), children[-1])

    def navigation(self, children: list[Child]) -> Token:
        """navigation: NAVIGATION NL"""
        return children[-1]  # type: ignore[no-any-return]

    # ------------------------------------------------------- loose lines
    def caption_line(self, children: list[Child]) -> CaptionLine:
        """caption_line: CAPTION (CAPTION_GAP CAPTION)* CAPTION_GAP? NL"""
        entries: list[CaptionEntry] = []
        gap = ""
        for token in children[:-1]:
            if token.type == "CAPTION_GAP":
                gap = str(token)
                continue
            text = str(token)
            spaced = text == "E F T O"
            entries.append(
                CaptionEntry(Caption(text.replace(" ", "") if spaced else text), gap, spaced)
            )
            gap = ""
        return CaptionLine(tuple(entries), gap, span=_line_span(children[0], children[-1]))

    paragraph_caption_line = caption_line

    def page_marker(self, children: list[Child]) -> PageMarker:
        """page_marker: MARKER_ORIGIN MARKER_SERIAL MARKER_PAGE MARKER_SUBPAGE? MARKER_OF
        MARKER_TOTAL REST? NL"""
        by_type = {t.type: str(t) for t in children}
        serial_lead, serial = _split_lead(by_type["MARKER_SERIAL"])
        page_lead, page = _split_lead(by_type["MARKER_PAGE"])
        of_lead, _ = _split_lead(by_type["MARKER_OF"])
        total_lead, total = _split_lead(by_type["MARKER_TOTAL"])
        subpage = by_type.get("MARKER_SUBPAGE")
        return PageMarker(
            origin=by_type["MARKER_ORIGIN"],
            serial=int(serial),
            page=int(page),
            total=int(total),
            subpage=None if subpage is None else int(subpage[1:]),
            serial_digits=len(serial),
            serial_lead=serial_lead,
            page_lead=page_lead,
            of_lead=of_lead,
            total_lead=total_lead,
            rest=by_type.get("REST", ""),
            span=_line_span(children[0], children[-1]),
        )

    paragraph_page_marker = page_marker

    # ------------------------------------------------ transmission header
    def notice(self, children: list[Child]) -> PartialNotice:
        """notice: NOTICE NL _tail"""
        return PartialNotice(tail=_loose(children), span=_line_span(children[0], children[1]))

    def vzczc(self, children: list[Child]) -> Vzczc:
        """vzczc: VZCZC VZCZC_CHANNEL VZCZC_NUMBER? REST? NL _tail"""
        by_type = {t.type: str(t) for t in _tokens(children)}
        return Vzczc(
            by_type["VZCZC_CHANNEL"],
            by_type.get("VZCZC_NUMBER"),
            by_type.get("REST", ""),
            tail=_loose(children),
            span=_line_span(children[0], _first_nl(children)),
        )

    def precedence(self, children: list[Child]) -> Precedence:
        """precedence: PROSIGN ROUTING_INDICATOR+ REST? NL indicator_line* _tail"""
        tokens = _tokens(children)
        indicators = tuple(_indicator(t) for t in tokens if t.type == "ROUTING_INDICATOR")
        continuation = tuple(c for c in children if isinstance(c, IndicatorLine))
        last = continuation[-1].span if continuation else None
        nl = _first_nl(children)
        span = _line_span(children[0], nl)
        if last is not None:
            span = Span(span.line, span.column, last.end_line, last.end_column)
        return Precedence(
            str(children[0]),
            indicators,
            _rest(children),
            continuation,
            tail=_loose(children),
            span=span,
        )

    def indicator_line(self, children: list[Child]) -> IndicatorLine:
        """indicator_line: INDICATOR_START ROUTING_INDICATOR* REST? NL"""
        indicators = tuple(_indicator(t) for t in children if t.type == "ROUTING_INDICATOR")
        return IndicatorLine(
            str(children[0]),
            indicators,
            _rest(children),
            span=_line_span(children[0], children[-1]),
        )

    def de(self, children: list[Child]) -> DeLine:
        """de: DE_LABEL ROUTING_INDICATOR DE_SERIAL DE_SECTION? DE_TIME? REST? NL _tail"""
        by_type = {t.type: t for t in _tokens(children)}
        serial_lead, serial = _split_lead(str(by_type["DE_SERIAL"]))
        section = by_type.get("DE_SECTION")
        day_time = by_type.get("DE_TIME")
        day_time_lead, day_time_digits = (
            _split_lead(str(day_time)) if day_time is not None else (" ", None)
        )
        return DeLine(
            indicator=_indicator(by_type["ROUTING_INDICATOR"]),
            serial=int(serial[1:]),
            serial_digits=len(serial) - 1,
            serial_lead=serial_lead,
            section=None if section is None else int(str(section)[1:]),
            section_digits=2 if section is None else len(section) - 1,
            day_time=day_time_digits,
            day_time_lead=day_time_lead,
            rest=_rest(children),
            tail=_loose(children),
            span=_line_span(children[0], _first_nl(children)),
        )

    def zn(self, children: list[Child]) -> ZnLine:
        """zn: ZN_LABEL ZN_CLASS ZN_SIGNAL* REST? NL _tail"""
        tokens = _tokens(children)
        letters_lead, letters = _split_lead(str(tokens[1]))
        signals = [_split_lead(str(t)) for t in tokens if t.type == "ZN_SIGNAL"]
        return ZnLine(
            kind=str(tokens[0]),
            letters=letters,
            signals=tuple(s for _, s in signals),
            letters_lead=letters_lead,
            signal_leads=tuple(lead for lead, _ in signals),
            rest=_rest(children),
            tail=_loose(children),
            span=_line_span(tokens[0], _first_nl(children)),
        )

    def dtg(self, children: list[Child]) -> DtgLine:
        """dtg: DTG_PRECEDENCE DTG_PRECEDENCE2? DTG_TIME DTG_MONTH DTG_YEAR REST? NL _tail"""
        by_type = {t.type: str(t) for t in _tokens(children)}
        time = by_type["DTG_TIME"].strip()
        second = by_type.get("DTG_PRECEDENCE2")
        return DtgLine(
            precedence=by_type["DTG_PRECEDENCE"],
            day=int(time[0:2]),
            hour=int(time[2:4]),
            minute=int(time[4:6]),
            month=_MONTHS[by_type["DTG_MONTH"].strip()],
            year=_full_year(int(by_type["DTG_YEAR"])),
            second_precedence=None if second is None else second.strip(),
            rest=by_type.get("REST", ""),
            tail=_loose(children),
            span=_line_span(children[0], _first_nl(children)),
        )

    def _address_block(self, kind: AddressKind, children: list[Child]) -> AddressBlock:
        address = next(c for c in children if isinstance(c, Address))
        continuation = tuple(c for c in children if isinstance(c, AddressLine))
        span = _line_span(children[0], _first_nl(children))
        if continuation and continuation[-1].span is not None:
            last = continuation[-1].span
            span = Span(span.line, span.column, last.end_line, last.end_column)
        return AddressBlock(kind, address, continuation, tail=_loose(children), span=span)

    def fm(self, children: list[Child]) -> AddressBlock:
        """fm: FM_LABEL address NL _tail"""
        return self._address_block(AddressKind.FM, children)

    def to(self, children: list[Child]) -> AddressBlock:
        """to: TO_LABEL address NL address_line* _tail"""
        return self._address_block(AddressKind.TO, children)

    def info(self, children: list[Child]) -> AddressBlock:
        """info: INFO_LABEL address NL address_line* _tail"""
        return self._address_block(AddressKind.INFO, children)

    def xmt(self, children: list[Child]) -> AddressBlock:
        """xmt: XMT_LABEL address NL address_line* _tail"""
        return self._address_block(AddressKind.XMT, children)

    def address(self, children: list[Child]) -> Address:
        """address: ADDRESS_INDICATOR? SLASH? PLAD PRECEDENCE? SEQUENCE? REST?"""
        return _address(children, None)

    def address_tail(self, children: list[Child]) -> Address:
        """address_tail: SLASH PLAD PRECEDENCE? SEQUENCE? REST?"""
        return _address(children, None)

    def address_line(self, children: list[Child]) -> AddressLine:
        """address_line: ADDRESS_START address_tail NL"""
        start, tail, nl = children
        address = Address(
            plad=tail.plad,
            indicator=str(start)[:-1],  # without "/"
            precedence=tail.precedence,
            sequence=tail.sequence,
            indicator_lead="",
            plad_lead=tail.plad_lead,
            precedence_lead=tail.precedence_lead,
            sequence_lead=tail.sequence_lead,
            rest=tail.rest,
        )
        return AddressLine(address, span=_line_span(start, nl))

    # ----------------------------------------------------- telegram text
    def banner(self, children: list[Child]) -> Banner:
        """banner: BANNER_LEVEL BANNER_EFTO? section? banner_origin? REST? NL _tail"""
        by_type = {t.type: str(t) for t in _tokens(children)}
        spelled = by_type["BANNER_LEVEL"]
        level = _level_of(spelled)
        canonical = Banner(level).level_text
        section = next((c for c in children if isinstance(c, Section)), None)
        origin = next((c for c in children if isinstance(c, tuple)), None)
        return Banner(
            level=level,
            spelling=None if spelled == canonical else spelled,
            efto=by_type.get("BANNER_EFTO"),
            section=section,
            origin=None if origin is None else origin[1],
            serial=None if origin is None else origin[3],
            serial_digits=6 if origin is None else origin[4],
            origin_lead=" " if origin is None else origin[0],
            serial_lead=" " if origin is None else origin[2],
            rest=by_type.get("REST", ""),
            tail=_loose(children),
            span=_line_span(children[0], _first_nl(children)),
        )

    def banner_origin(self, children: list[Child]) -> tuple[str, str, str, int, int]:
        """banner_origin: BANNER_ORIGIN BANNER_SERIAL"""
        origin_lead, origin = _split_lead(str(children[0]))
        serial_lead, serial = _split_lead(str(children[1]))
        return origin_lead, origin, serial_lead, int(serial), len(serial)

    def section(self, children: list[Child]) -> Section:
        """section: SECTION_WORD SECTION_NUMBER OF_WORD SECTION_NUMBER"""
        parts = [_split_lead(str(t)) for t in children]
        number, total = parts[1][1], parts[3][1]
        return Section(
            number=int(number),
            total=int(total),
            digits=len(number),
            total_digits=len(total),
            word=parts[0][1],
            of_word=parts[2][1],
            leads=(parts[0][0], parts[1][0], parts[2][0], parts[3][0]),
        )

    def passing(self, children: list[Child]) -> Passing:
        """passing: PASSING NL _tail"""
        return Passing(
            str(children[0]), tail=_loose(children), span=_line_span(children[0], children[1])
        )

    def eo(self, children: list[Child]) -> EoLine:
        """eo: EO_LABEL EO_ORDER EO_COLON? DECL_LABEL? declassification? REST? NL _tail"""
        by_type = {t.type: str(t) for t in _tokens(children)}
        order_lead, order = _split_lead(by_type["EO_ORDER"])
        instruction = next(
            (c for c in children if isinstance(c, (DeclassifyOn, NotApplicable, Exemptions, Oadr))),
            None,
        )
        # A DECL date that names no real day stays text, in front of the rest.
        unreadable = next((c for c in children if type(c) is str), "")
        return EoLine(
            order=int(order),
            instruction=instruction,
            label=by_type["EO_LABEL"],
            order_lead=order_lead,
            colon=by_type.get("EO_COLON"),
            decl_label=by_type.get("DECL_LABEL"),
            rest=unreadable + by_type.get("REST", ""),
            tail=_loose(children),
            span=_line_span(children[0], _first_nl(children)),
        )

    def declassify_on_date(self, children: list[Child]) -> DeclassifyOn | str:
        """declassification: date"""
        return children[0]  # type: ignore[no-any-return]

    def date(self, children: list[Child]) -> DeclassifyOn | str:
        """date: DATE_FIRST DATE_SEP DATE_NUMBER DATE_SEP DATE_NUMBER"""
        first, sep, second, _, third = (str(t) for t in children)
        lead, first = _split_lead(first)
        if len(first) == 4:
            order, year, month, day = "YMD", first, second, third
        else:
            order, year, month, day = "MDY", third, first, second
        year_value = (
            int(year) if len(year) == 4 else _full_year(int(year)) if len(year) == 2 else -1
        )
        try:
            value = date(year_value, int(month), int(day))
        except ValueError:  # not a real day: the EO line keeps it as text
            return lead + first + sep + second + sep + third
        style = DateStyle(order, sep, len(month), len(day), len(year))
        return DeclassifyOn(value, style, lead)

    def not_applicable(self, children: list[Child]) -> NotApplicable:
        """declassification: NOT_APPLICABLE"""
        lead, spelling = _split_lead(str(children[0]))
        return NotApplicable(spelling, lead)

    def exemptions(self, children: list[Child]) -> Exemptions:
        """declassification: EXEMPTION (EXEMPTION_SEP? EXEMPTION)*"""
        codes: list[Exemption] = []
        pending = ""
        for token in children:
            if token.type == "EXEMPTION_SEP":
                pending = str(token)
                continue
            lead, code = _split_lead(str(token))
            codes.append(Exemption(code, pending + lead))
            pending = ""
        return Exemptions(tuple(codes))

    def oadr(self, children: list[Child]) -> Oadr:
        """declassification: OADR"""
        lead, _ = _split_lead(str(children[0]))
        return Oadr(lead)

    def tags_line(self, children: list[Child]) -> TagsLine:
        """tags_line: TAGS_TEXT_LABEL _tag_piece* REST? NL tags_continuation* _tail"""
        nl = _first_nl(children)
        head = children[: children.index(nl)]
        entries, rest = _tag_entries(head[1:])
        continuation = tuple(c for c in children if isinstance(c, TagsContinuation))
        return TagsLine(
            entries,
            str(children[0]),
            rest,
            continuation,
            tail=_loose(children),
            span=_line_span(children[0], nl),
        )

    def tags_continuation(self, children: list[Child]) -> TagsContinuation:
        """tags_continuation: TAG_LINE_START _tag_piece* REST? NL"""
        entries, rest = _tag_entries(children[1:-1])
        return TagsContinuation(
            str(children[0]), entries, rest, span=_line_span(children[0], children[-1])
        )

    def subject(self, children: list[Child]) -> Subject:
        """subject: SUBJECT_LABEL SUBJECT_TEXT? NL subject_continuation* _tail"""
        tokens = _tokens(children)
        text = next((str(t) for t in tokens if t.type == "SUBJECT_TEXT"), "")
        lead, text = _split_lead(text)
        continuation = tuple(c for c in children if isinstance(c, str) and not isinstance(c, Token))
        return Subject(
            text,
            str(children[0]),
            lead,
            continuation,
            tail=_loose(children),
            span=_line_span(children[0], _first_nl(children)),
        )

    def subject_continuation(self, children: list[Child]) -> str:
        """subject_continuation: SUBJECT_TEXT NL"""
        return str(children[0])

    def ref(self, children: list[Child]) -> Ref:
        """ref: REF_LABEL _ref_piece* NL ref_continuation* _tail"""
        nl = _first_nl(children)
        head = children[1 : children.index(nl)]
        continuation = tuple(c for c in children if isinstance(c, RefLine))
        return Ref(
            _ref_pieces(head),
            str(children[0]),
            continuation,
            tail=_loose(children),
            span=_line_span(children[0], nl),
        )

    def ref_continuation(self, children: list[Child]) -> RefLine:
        """ref_continuation: REF_CONTINUATION_START? _ref_piece+ NL"""
        indent = ""
        pieces = children[:-1]
        if isinstance(pieces[0], Token) and pieces[0].type == "REF_CONTINUATION_START":
            indent = str(pieces[0])
            pieces = pieces[1:]
        first = children[0]
        line = first.line if isinstance(first, Token) else children[-1].line
        column = first.column if isinstance(first, Token) else 1
        span = Span(line or 0, column or 0, children[-1].line or 0, children[-1].column or 0)
        return RefLine(_ref_pieces(pieces), indent, span=span)

    def ref_letter(self, children: list[Child]) -> RefLetter:
        """ref_letter: REF_LETTER"""
        lead, text = _split_lead(str(children[0]))
        pilcrow = text.startswith("¶")
        if pilcrow:
            text = text[1:]
        if text.startswith("("):
            return RefLetter(text[1], "(", text[2:], lead, pilcrow)
        return RefLetter(text[0], "", text[1:], lead, pilcrow)

    def cable_ref(self, children: list[Child]) -> CableRef:
        """cable_ref: REF_YEAR? REF_ORIGIN REF_SERIAL"""
        year: int | None = None
        year_lead, year_digits, apostrophe = " ", 2, False
        if len(children) == 3:
            year_lead, year_text = _split_lead(str(children[0]))
            apostrophe = year_text.startswith("'")
            year_text = year_text.lstrip("'")
            year_digits = len(year_text)
            year = int(year_text) if year_digits == 4 else _full_year(int(year_text))
        origin_lead, origin = _split_lead(str(children[-2]))
        serial_lead, serial = _split_lead(str(children[-1]))
        return CableRef(
            origin=origin,
            serial=int(serial),
            year=year,
            year_digits=year_digits,
            year_apostrophe=apostrophe,
            serial_digits=len(serial) if serial.startswith("0") else 0,
            year_lead=year_lead,
            origin_lead=origin_lead,
            serial_lead=serial_lead,
        )

    def classified_by(self, children: list[Child]) -> ClassifiedBy:
        """classified_by: CLASSIFIED_LABEL _classified_piece* NL classified_continuation* _tail"""
        nl = _first_nl(children)
        head = children[1 : children.index(nl)]
        continuation = tuple(c for c in children if isinstance(c, ClassifiedLine))
        return ClassifiedBy(
            _classified_pieces(head),
            str(children[0]),
            continuation,
            tail=_loose(children),
            span=_line_span(children[0], nl),
        )

    def classified_continuation(self, children: list[Child]) -> ClassifiedLine:
        """classified_continuation: _classified_piece+ NL"""
        nl = children[-1]
        return ClassifiedLine(
            _classified_pieces(children[:-1]),
            span=Span(nl.line or 0, 1, nl.line or 0, nl.column or 0),
        )

    def reason(self, children: list[Child]) -> Reason:
        """reason: REASON_SECTION (REASON_SEP | REASON_LETTER)*"""
        lead, spelled = _split_lead(str(children[0]))
        section = spelled.replace(",", ".").replace(" ", "")
        items: list[ReasonLetter | ReasonSeparator] = []
        for token in children[1:]:
            if token.type == "REASON_SEP":
                items.append(ReasonSeparator(str(token)))
                continue
            letter_lead, text = _split_lead(str(token))
            opened, closed = text.startswith("("), text.endswith(")")
            items.append(ReasonLetter(text.strip("()"), letter_lead, opened, closed))
        return Reason(section, tuple(items), None if spelled == section else spelled, lead)

    # -------------------------------------------------------- paragraphs
    def paragraph(self, children: list[Child]) -> Paragraph:
        """paragraph: PARAGRAPH_NUMBER portion? (TEXT | MARK_BEGIN | MARK_END)* BLANK?
        (TEXT_LINE | NL) _paragraph_tail"""
        number_token = children[0]
        marking = children[1] if isinstance(children[1], Portion) else None
        first = 2 if marking is not None else 1
        end = next(
            i
            for i in range(first, len(children))
            if isinstance(children[i], Token) and children[i].type in _LINE_ENDS
        )
        (head,) = _lines(children[first : end + 1]) or (None,)
        parts = (
            head.parts
            if isinstance(head, TextLine)
            else (
                (Prose(head.whitespace),) if isinstance(head, BlankLine) and head.whitespace else ()
            )
        )
        text = str(number_token)
        prefix_end = next(i for i, ch in enumerate(text) if ch.isdigit())
        digits_end = prefix_end
        while digits_end < len(text) and text[digits_end].isdigit():
            digits_end += 1
        number = text[prefix_end:digits_end]
        return Paragraph(
            number=int(number),
            marking=marking,
            parts=parts,
            number_digits=len(number),
            prefix=text[:prefix_end],
            dot_gap=text[digits_end:-1],
            tail=_lines(children[end + 1 :]),
            span=_line_span(number_token, children[end])
            if head is None
            else Span(number_token.line or 0, number_token.column or 0, *_end_of(head)),
        )

    def portion(self, children: list[Child]) -> Portion:
        """portion: PORTION_OPEN PORTION_LEVEL (PORTION_SEP PORTION_CAVEAT)* PORTION_CLOSE"""
        lead = str(children[0])[:-1]
        inner_left, level = _split_lead(str(children[1]))
        separators = tuple(str(t) for t in children if t.type == "PORTION_SEP")
        caveats = tuple(PortionCaveat(str(t)) for t in children if t.type == "PORTION_CAVEAT")
        inner_right = str(children[-1])[:-1]
        return Portion(PortionLevel(level), caveats, separators, lead, inner_left, inner_right)

    def signature(self, children: list[Child]) -> Signature:
        """signature: SIGNATURE SIGNATURE_TRAIL? NL _paragraph_tail"""
        name = children[0]
        trailing = next((str(t) for t in _tokens(children) if t.type == "SIGNATURE_TRAIL"), "")
        return Signature(str(name), trailing, tail=_loose(children), span=_span_of(name, name))


def _indicator(token: Token) -> RoutingIndicator:
    lead, code = _split_lead(str(token))
    return RoutingIndicator(code, lead)


def _address(children: list[Child], indicator: str | None) -> Address:
    fields: dict[str, Any] = {}
    for token in children:
        lead, value = _split_lead(str(token))
        if token.type == "ADDRESS_INDICATOR":
            fields["indicator"], fields["indicator_lead"] = value[:-1], lead  # without "/"
        elif token.type == "PLAD":
            fields["plad"], fields["plad_lead"] = value, lead
        elif token.type == "PRECEDENCE":
            fields["precedence"], fields["precedence_lead"] = value, lead
        elif token.type == "SEQUENCE":
            fields["sequence"], fields["sequence_lead"] = int(value), lead
        elif token.type == "REST":
            fields["rest"] = str(token)
    if indicator is not None:
        fields["indicator"] = indicator
    return Address(**fields)


def _level_of(spelled: str) -> Level:
    squeezed = "".join(spelled.split()).upper()
    if squeezed.startswith("UNCLAS"):
        return Level.UNCLASSIFIED
    if squeezed == "LIMITEDOFFICIALUSE":
        return Level.LIMITED_OFFICIAL_USE
    if squeezed == "TOPSECRET":
        return Level.TOP_SECRET
    return Level(squeezed)


def _tag_entries(pieces: list[Child]) -> tuple[tuple[TagEntry, ...], str]:
    entries: list[TagEntry] = []
    separator = ""
    rest = ""
    for token in pieces:
        if token.type == "TAG_SEP":
            separator += str(token)
        elif token.type == "TAG":  # the separator in front of the tag comes with it
            value = str(token)
            tag = value.lstrip(" \t,;")
            entries.append(TagEntry(tag, separator + value[: len(value) - len(tag)]))
            separator = ""
        elif token.type == "REST":
            rest = str(token)
    return tuple(entries), separator + rest


def _ref_pieces(pieces: list[Child]) -> tuple[RefLetter | CableRef | RefWord, ...]:
    """Word tokens in a row become one RefWord, so a model has one way to say a text."""
    out: list[RefLetter | CableRef | RefWord] = []
    for piece in pieces:
        if not isinstance(piece, Token):
            out.append(piece)
        elif out and isinstance(out[-1], RefWord):
            out[-1] = RefWord(out[-1].text + str(piece))
        else:
            out.append(RefWord(str(piece)))
    return tuple(out)


def _classified_pieces(pieces: list[Child]) -> tuple[Reason | ClassifiedWord, ...]:
    """Word tokens in a row become one ClassifiedWord (see _ref_pieces)."""
    out: list[Reason | ClassifiedWord] = []
    for piece in pieces:
        if not isinstance(piece, Token):
            out.append(piece)
        elif out and isinstance(out[-1], ClassifiedWord):
            out[-1] = ClassifiedWord(out[-1].text + str(piece))
        else:
            out.append(ClassifiedWord(str(piece)))
    return tuple(out)
