"""Callbacks for the publisher block."""

from __future__ import annotations

from datetime import datetime
from typing import NamedTuple

from ..errors import CableSyntaxError
from ..model import Classification, Level, Publisher, PublisherTag, ReferenceId, Span
from ..model._base import full_year
from .tokens import TOKEN_TYPES, Child, Token, line_span, tokens_of


class _PublisherTags(NamedTuple):
    gap: str
    tags: tuple[PublisherTag, ...]
    end: Token  # the NL of the Tags: line


class PublisherCallbacks:
    """Callbacks for the publisher block (grammar section 'publisher')."""

    def publisher(self, children: list[Child]) -> Publisher:
        """publisher: labels, then values (no Released)"""
        return self._publisher(children)

    def publisher_released(self, children: list[Child]) -> Publisher:
        """publisher: labels, then values (with Released)"""
        return self._publisher(children)

    def _publisher(self, children: list[Child]) -> Publisher:
        labels = {t.type: str(t) for t in tokens_of(children)}
        values = [c for c in children if type(c) not in TOKEN_TYPES]
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
        navigation = type(children[-1]) in TOKEN_TYPES  # navigation() gives its line's NL
        first = tokens_of(children)[0]
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
            year=full_year(int(year)),
            origin=str(origin),
            serial=int(serial),
            span=line_span(year, nl),
        )

    def malformed_id(self, children: list[Child]) -> ReferenceId:
        """reference_id: ID_RAW NL"""
        raw, nl = children
        return ReferenceId(malformed=str(raw), span=line_span(raw, nl))

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
        tokens = tokens_of(children)
        caveats = tuple(str(t) for t in tokens if t.type == "CAVEAT")
        return Classification(Level(str(tokens[0])), caveats, span=line_span(tokens[0], tokens[-1]))

    def unknown_classification(self, children: list[Child]) -> Classification:
        """classification: CLASSIFICATION_TEXT NL"""
        text, nl = children
        return Classification(None, (), unrecognized=str(text), span=line_span(text, nl))

    def origin(self, children: list[Child]) -> str:
        """origin: ORIGIN_NAME NL"""
        return str(children[0])

    def title(self, children: list[Child]) -> tuple[str, str]:
        """title: TITLE_LABEL NBSP NL NL TITLE_TEXT? NL NL"""
        tokens = tokens_of(children)
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
