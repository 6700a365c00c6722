"""CM5xx content: TAGS, SUBJECT, paragraph numbers, summary/comment markers, references."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeGuard

from ..model import (
    Boundary,
    Cable,
    CableRef,
    Marker,
    Paragraph,
    Ref,
    Span,
    Subject,
    TagsLine,
    TextLine,
    Topic,
)
from ..vocab import (
    canonical_origin,
    geo_tags,
    organization_tags,
    program_tags,
    subject_tags,
    tag_fixes,
)
from . import Example, Problem, Severity, rule
from . import _tokens as tokens
from ._common import blocks_of, first_of, pieces_of

# The Cablegate pages link at most this many tags; longer TAGS lines were cut.
PUBLISHER_TAG_LIMIT = 9


def tag_kind(tag: str) -> str | None:
    """geographic, subject, program, organisation or person; None when unknown."""
    upper = tag.upper()
    if "," in upper:
        return "person"
    if upper in geo_tags():
        return "geographic"
    if upper in subject_tags():
        return "subject"
    if upper in program_tags() or (len(upper) == 4 and upper[0] == "K" and upper.isalpha()):
        return "program"
    if upper in organization_tags():
        return "organisation"
    return None


def _tags_with_paths(path: str, line: TagsLine) -> Iterator[tuple[str, str, Span | None]]:
    for index, entry in enumerate(line.entries):
        yield entry.tag, f"{path}.entries[{index}]", tokens.tag(line, index)
    for number, continuation in enumerate(line.continuation):
        base = f"{path}.continuation[{number}]"
        yield continuation.first, f"{base}.first", tokens.tag(continuation, None)
        for index, entry in enumerate(continuation.entries):
            yield entry.tag, f"{base}.entries[{index}]", tokens.tag(continuation, index)


@rule("CM501", "no-tags", Severity.WARNING, "Every cable needs at least one TAG.",
      checks="""Every cable has at least one tag, on its TAGS line or from the
      publisher.""",
      why="""TAGS (Traffic Analysis by Geography and Subject) route and file the cable;
      without a tag it reaches no subject file.""",
      sources=("5 FAH-1 H-240 (TAGS)", "docs/format.md: Preamble; the TAGS vocabularies (vocab/)"),
      fix="""Add a TAGS line with the country and subject tags of the cable.""",
      example=Example("09ROME1048", 13, "Tags:\xa0\xa0", "Tags:",
                      "Cable 09ROME1048 has no tags, neither on a TAGS line nor from the "
                      "publisher"),
)
def _no_tags(cable: Cable) -> Iterator[Problem]:
    line = cable.tags_line
    if (line is None or not line.tags) and not cable.tags:
        yield Problem(
            f"Cable {cable.reference_id} has no tags, neither on a TAGS line nor from the "
            f"publisher",
            tokens.publisher_line(cable.publisher, 6, "Tags:"), "$.publisher.tags",
        )


@rule("CM502", "unknown-tag", Severity.INFO,
      "A tag on the TAGS line is not a known geographic, subject, program, organisation or "
      "person tag.",
      checks="""A tag is geographic (a FIPS-based two-letter code), subject (96 codes),
      program (K + three letters), organisation (590 names) or a person (SURNAME, GIVEN).
      A known typo names its correction; a tag repeated on the line is reported once.""",
      why="""A tag outside the lists files the cable nowhere; the lists are not exhaustive,
      so an unknown tag is only worth knowing.""",
      sources=("TAGS handbook (5 FAH-3)", "the TAGS vocabularies (vocab/)"),
      fix="""Write the tag the message suggests, or ignore CM502 for tags you know.""",
      example=Example("05SANJOSE2199", 23, "TAGS: PREL SCUL ETRD CS UNDESCO", "UNDESCO",
                      "Tag UNDESCO is not a known geographic, subject, program, organisation "
                      "or person tag (probably UNESCO)"),
)
def _unknown_tag(cable: Cable) -> Iterator[Problem]:
    for path, line in blocks_of(cable, TagsLine):
        seen: set[str] = set()
        for tag, tag_path, span in _tags_with_paths(path, line):
            # A tag repeated on the line (page-break junk) is one problem, at its first place.
            if tag_kind(tag) is not None or tag.upper() in seen:
                continue
            seen.add(tag.upper())
            fix = tag_fixes().get(tag.upper())
            hint = "" if fix is None else f" (probably {' '.join(fix)})"
            yield Problem(
                f"Tag {tag} is not a known geographic, subject, program, organisation or "
                f"person tag{hint}",
                span, tag_path,
            )
        return  # a repeated preamble repeats the same tags


def _words(tags: tuple[str, ...]) -> set[str]:
    """Tags as single words: the TAGS line splits ``IRAQI FREEDOM`` that the publisher keeps."""
    return {word for tag in tags for word in tag.upper().split()}


@rule("CM503", "tags-mismatch", Severity.WARNING,
      "The TAGS line and the publisher's tags differ.",
      checks="""The publisher's tags are the TAGS line's. The site links at most nine
      tags, so longer TAGS lines are only checked in one direction; multi-word tags are
      compared word by word; pages without tag links are not checked.""",
      why="""The publisher took its tags from the TAGS line; a difference means a tag was
      lost or added on the way.""",
      sources=(
          "docs/format.md: Publisher, Exceptions found over the corpus: the publisher's tags",
      ),
      fix="""Make the publisher's Tags line and the TAGS line agree.""",
      example=Example("06PARTO9", 33, "TAGS: OVIP RICE CONDOLEEZZA KISL PGOV PHUM LE",
                      "TAGS: OVIP RICE CONDOLEEZZA KISL PGOV PHUM LE",
                      "The TAGS line tags IS, SY are not among the publisher's tags"),
)
def _tags_mismatch(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, TagsLine)
    # Early pages have no tag links at all: nothing to compare with.
    if found is None or not cable.tags:
        return
    path, line = found
    in_text, published = _words(line.tags), _words(cable.tags)
    only_published = sorted(published - in_text)
    only_text = sorted(in_text - published) if len(cable.tags) < PUBLISHER_TAG_LIMIT else []
    parts = []
    if only_published:
        parts.append(f"publisher's tags {', '.join(only_published)} are not on the TAGS line")
    if only_text:
        parts.append(f"TAGS line tags {', '.join(only_text)} are not among the publisher's tags")
    if parts:
        yield Problem("The " + "; the ".join(parts), line.span, path)


def _title_form(text: str) -> str:
    """Case and blanks ignored; the publisher drops a leading parenthesis or quote."""
    return " ".join(text.split()).lstrip("(\"'[ ").upper()


@rule("CM504", "title-mismatch", Severity.WARNING,
      "The publisher's title is not the first line of the SUBJECT.",
      checks="""The publisher's title is the first line of the SUBJECT (case and blanks
      ignored; the publisher drops a leading (, [ or quote). An empty title is not checked:
      the rows of the cables.csv dump have no title.""",
      why="""The publisher made the title from the SUBJECT line; a difference means one of
      them was edited.""",
      sources=("docs/format.md: Publisher: the title",),
      fix="""Make the title the first line of the SUBJECT.""",
      example=Example("08TRIPOLI540", 11, "CHEVRON MAY QUIT LIBYA", "CHEVRON MAY QUIT LIBYA",
                      "Title 'CHEVRON MAY QUIT LIBYA' differs from the first SUBJECT line "
                      "'TRIPOLI 00000540 P CO 08-JUL-08 CHEVRON MAY QUIT LIBYA [7759727]'"),
)
def _title_mismatch(cable: Cable) -> Iterator[Problem]:
    found = first_of(cable, Subject)
    # An empty title is no title: the cables.csv dump has none, by design.
    if found is None or not cable.title.strip():
        return
    subject = found[1]
    if _title_form(subject.text) != _title_form(cable.title):
        yield Problem(
            f"Title {cable.title!r} differs from the first SUBJECT line {subject.text.strip()!r}",
            tokens.publisher_line(cable.publisher, 4, cable.title), "$.publisher.title",
        )


@rule("CM505", "paragraph-numbering", Severity.WARNING,
      "Numbered paragraphs run 1, 2, 3 ...",
      checks="""Numbered paragraphs run 1, 2, 3 ... Quoted texts with their own numbering
      restart the count and are reported too.""",
      why="""The handbook numbers the paragraphs of a telegram consecutively, so that
      replies can cite them.""",
      sources=("5 FAH-1 H-246.2 (paragraph numbering)", "docs/format.md: Body"),
      fix="""Renumber the paragraphs; for a quoted cable, ignore the finding for the
      file.""",
      example=Example("06PARTO9", 136,
                      "7.  (C) As for replacing President Emile Lahoud, Berri", "7.",
                      "Paragraph 7 follows paragraph 7; expected 8"),
)
def _paragraph_numbering(cable: Cable) -> Iterator[Problem]:
    expected = 1
    for path, paragraph in blocks_of(cable, Paragraph):
        if paragraph.number != expected:
            message = (f"The first paragraph is numbered {paragraph.number}; expected 1"
                       if expected == 1 else
                       f"Paragraph {paragraph.number} follows paragraph {expected - 1}; "
                       f"expected {expected}")
            yield Problem(message, tokens.paragraph_number(paragraph), f"{path}.number")
        expected = paragraph.number + 1


MarkerAt = tuple[Marker, Span | None, str, bool]


def _line_markers(line: TextLine | Paragraph, path: str) -> Iterator[MarkerAt]:
    """Markers of one line; the flag says whether the marker's scope closes by itself: it
    opens the line (heading style) or follows a parenthesis ("(Comment: ...)")."""
    leading = True
    before = ""
    for index, piece in enumerate(line.parts):
        if isinstance(piece, Marker):
            yield (piece, tokens.marker(line, index), f"{path}.parts[{index}]",
                   leading or before.endswith("("))
        else:
            before = piece.text.rstrip()
            leading = leading and not before


def _markers(cable: Cable) -> Iterator[MarkerAt]:
    """Every SUMMARY/COMMENT/TEXT/QUOTE marker in text order, with span and path."""
    for index, line in enumerate(cable.lead):
        if _may_hold_markers(line):
            yield from _line_markers(line, f"$.lead[{index}]")
    for block_index, block in enumerate(cable.blocks):
        path = f"$.blocks[{block_index}]"
        if _may_hold_markers(block):
            yield from _line_markers(block, path)
        for index, line in enumerate(getattr(block, "tail", ())):
            if _may_hold_markers(line):
                yield from _line_markers(line, f"{path}.tail[{index}]")


def _may_hold_markers(line: object) -> TypeGuard[TextLine | Paragraph]:
    """A prose line or paragraph that may hold a marker. Most lines are one piece of
    prose: no path is made for them."""
    if not isinstance(line, (TextLine, Paragraph)):
        return False
    return len(line.parts) > 1 or (bool(line.parts) and isinstance(line.parts[0], Marker))


@rule("CM506", "unbalanced-markers", Severity.WARNING,
      "SUMMARY and END SUMMARY, COMMENT and END COMMENT come in pairs.",
      checks="""SUMMARY/END SUMMARY and COMMENT/END COMMENT come in pairs. A marker that
      opens a line (6. (C) COMMENT: ...) heads a paragraph whose end may close it, and
      (Comment: ...) closes with its parenthesis; only a summary or comment opened inside
      running text must be closed. An END without a beginning is reported as well.""",
      why="""Readers and tools take the text between the markers as the summary or the
      post's comment; an unclosed one runs to the end of the cable.""",
      sources=("5 FAH-1 H-240 (summary and comment)", "docs/format.md: Loose lines"),
      fix="""Add the missing END SUMMARY or END COMMENT (or the opening marker).""",
      example=Example("06BUENOSAIRES350", 85, "Jorge Sobisch.  End Comment.", "End Comment",
                      "'End Comment' closes a COMMENT that was never opened"),
)
def _unbalanced_markers(cable: Cable) -> Iterator[Problem]:
    # A marker that opens a line ("6. (C) COMMENT: ...") heads a paragraph, which its end
    # may close, and "(Comment: ...)" closes with its parenthesis; only a summary or comment
    # opened inside running text must be closed.
    opened: dict[Topic, MarkerAt] = {}
    for found in _markers(cable):
        marker, span, path, _ = found
        if marker.topic not in (Topic.SUMMARY, Topic.COMMENT):
            continue
        word = marker.topic.value.upper()
        if marker.boundary is Boundary.BEGIN:
            earlier = opened.get(marker.topic)
            if earlier is not None and not earlier[3]:
                yield Problem(f"{earlier[0].text.strip()!r} is not closed before the next {word}",
                              earlier[1], earlier[2])
            opened[marker.topic] = found
        elif opened.pop(marker.topic, None) is None:
            yield Problem(f"{marker.text.strip()!r} closes a {word} that was never opened",
                          span, path)
    for marker, span, path, heading in opened.values():
        if not heading:
            word = marker.topic.value.upper()
            yield Problem(f"{marker.text.strip()!r} opens a {word} that is never closed",
                          span, path)


def _cable_refs(cable: Cable) -> Iterator[tuple[CableRef, Span | None, str]]:
    for path, block in blocks_of(cable, Ref):
        yield from pieces_of(path, block, CableRef)


def _ref_text(ref: CableRef) -> str:
    year = "" if ref.year is None else f"{ref.year % 100:02d} "
    return f"{year}{ref.origin} {ref.serial}"


@rule("CM507", "unresolved-reference", Severity.INFO,
      "A REF item names an origin that is not a known station, so it resolves to no id.",
      checks="""A REF item resolves to a reference id when its origin is a station code or
      an alias (SECSTATE is STATE, USUN is USUNNEWYORK).""",
      why="""A reference that resolves to no id cannot be followed to the cable it
      cites.""",
      sources=("docs/format.md: Preamble; the origins vocabulary (vocab/origins.tsv): references",),
      fix="""Write the station code of the cited cable's post, or ignore CM507 for
      references to documents other than cables.""",
      example=Example("08REYKJAVIK116", 35, "REF:  SECTO 003 DTG 070102Z JUN 08",
                      "SECTO 003", "REF item SECTO 3 names no known origin"),
)
def _unresolved_reference(cable: Cable) -> Iterator[Problem]:
    for ref, span, path in _cable_refs(cable):
        if canonical_origin(ref.origin) is None:
            yield Problem(f"REF item {_ref_text(ref)} names no known origin", span, path)


def _resolved(cable: Cable) -> Iterator[tuple[CableRef, str, int, Span | None, str]]:
    """REF items with canonical origin and year (own year when omitted)."""
    own_year = cable.publisher.reference_id.year or cable.created.year
    for ref, span, path in _cable_refs(cable):
        origin = canonical_origin(ref.origin)
        if origin is not None:
            yield ref, origin, ref.year if ref.year is not None else own_year, span, path


@rule("CM508", "self-reference", Severity.WARNING, "A REF item refers to the cable itself.",
      checks="""No REF item names the cable itself (a REF without year has the cable's own
      year).""",
      why="""A cable cannot refer to itself; the reference is mistyped.""",
      sources=("docs/format.md: Preamble, Exceptions found over the corpus: references",),
      fix="""Correct the serial or origin of the REF item.""",
      example=Example("05PARIS3759", 27, "REF: PARIS 3759", "PARIS 3759",
                      "REF item PARIS 3759 is the cable itself, 05PARIS3759",
                      change=("REF: SECSTATE 96519", "REF: PARIS 3759")),
)
def _self_reference(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    for ref, origin, year, span, path in _resolved(cable):
        if (origin, ref.serial, year) == (reference.origin, reference.serial, reference.year):
            yield Problem(f"REF item {_ref_text(ref)} is the cable itself, {reference}", span, path)


@rule("CM509", "reference-to-later-cable", Severity.WARNING,
      "A REF item refers to a cable of a later year, or a later serial of the same post and year.",
      checks="""A cable refers only to earlier cables: not to a later year, nor (with an
      explicit year) to a higher serial of its own post in its own year. A REF without year
      may mean the previous year, so its serial is not compared.""",
      why="""A reference to a cable not yet sent is mistyped (year or serial).""",
      sources=("docs/format.md: Preamble: references",),
      fix="""Correct the year or serial of the REF item.""",
      example=Example("10LILONGWE59", 34, "REF: 10 LILONGWE 152", "10 LILONGWE 152",
                      "REF item 10 LILONGWE 152 has a later serial than this cable, "
                      "10LILONGWE59"),
)
def _reference_to_later_cable(cable: Cable) -> Iterator[Problem]:
    reference = cable.publisher.reference_id
    own_year = reference.year or cable.created.year
    for ref, origin, year, span, path in _resolved(cable):
        if year > own_year:
            yield Problem(
                f"REF item {_ref_text(ref)} is from {year}, after this cable's year {own_year}",
                span, path,
            )
        elif (ref.year is not None and year == own_year and origin == reference.origin
              and reference.serial is not None and ref.serial > reference.serial):
            yield Problem(
                f"REF item {_ref_text(ref)} has a later serial than this cable, {reference}",
                span, path,
            )
