"""The rows of one cable: ``records(cable)`` reads the model (and the rules' findings) into
the rows of every table. Pure and picklable: it maps over processes, clusters and engines."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from attrs import frozen

from .._render import render
from ..facts import Classifier, Reference, Tag, addressees, tags_of
from ..model import (
    AddressKind,
    Cable,
    DeclassifyOn,
    DtgLine,
    Exemptions,
    Instruction,
    NotApplicable,
    Oadr,
    Paragraph,
    TextLine,
)
from ..rules import Finding, Severity, validate
from ._schema import (
    AddresseeRow,
    CableRow,
    CitationRow,
    FindingRow,
    ParagraphRow,
    Row,
    TagRow,
)

__all__ = ["Records", "records"]


@frozen
class Records:
    """The rows of one cable, table by table."""

    cable: CableRow
    paragraphs: tuple[ParagraphRow, ...] = ()
    tags: tuple[TagRow, ...] = ()
    citations: tuple[CitationRow, ...] = ()
    addressees: tuple[AddresseeRow, ...] = ()
    findings: tuple[FindingRow, ...] = ()

    def rows(self, table: str) -> tuple[Row, ...]:
        """The rows of the table named ``table`` (``cables`` gives the one cable row)."""
        if table == "cables":
            return (self.cable,)
        if table in ("paragraphs", "tags", "citations", "addressees", "findings"):
            rows: tuple[Row, ...] = getattr(self, table)
            return rows
        return ()


def records(
    cable: Cable,
    *,
    source: str | None = None,
    text: str | None = None,
    findings: Sequence[Finding] | None = None,
) -> Records:
    """The rows of every table for ``cable``.

    ``source`` names where it was read (the file, or ``file:row``); ``text`` is the text it
    was parsed from (the size and SHA-256 are taken from it; without it, from
    ``render(cable)``, the same text); ``findings`` are its findings if already known
    (otherwise ``validate(cable)`` runs).
    """
    if text is None:
        text = render(cable)
    if findings is None:
        findings = validate(cable)
    data = text.encode("utf-8", "surrogatepass")
    cable_id = cable.reference_id
    addressees = _addressee_rows(cable, cable_id)
    sender = next((row.name for row in addressees if row.role == "from"), None)
    return Records(
        cable=_cable_row(cable, cable_id, data, findings, source, sender),
        paragraphs=_paragraph_rows(cable, cable_id),
        tags=_tag_rows(cable, cable_id),
        citations=tuple(
            _citation_row(cable_id, position, reference)
            for position, reference in enumerate(cable.references, start=1)
        ),
        addressees=addressees,
        findings=tuple(
            _finding_row(cable_id, position, finding)
            for position, finding in enumerate(findings, start=1)
        ),
    )


def _cable_row(
    cable: Cable,
    cable_id: str,
    data: bytes,
    findings: Sequence[Finding],
    source: str | None,
    sender: str | None,
) -> CableRow:
    publisher = cable.publisher
    classification = publisher.classification
    dtg = next((block for block in cable.blocks if isinstance(block, DtgLine)), None)
    eo = cable.eo
    instruction = None if eo is None else eo.instruction
    banner = cable.banner
    section = None if banner is None else banner.section
    severities = [finding.severity for finding in findings]
    classifier = cable.classifier
    return CableRow(
        id=cable_id,
        canonical_id=cable.canonical_id,
        created=publisher.created,
        year=publisher.created.year,
        released=publisher.released,
        classification=str(classification),
        classification_level=None if classification.level is None else classification.level.value,
        classification_caveats="//".join(classification.caveats),
        origin=publisher.origin,
        station=publisher.reference_id.origin,
        title=publisher.title,
        subject=cable.subject,
        partial=cable.partial,
        precedence=None if dtg is None else dtg.precedence,
        dtg=None if dtg is None else dtg.datetime,
        sender=sender,
        eo_order=None if eo is None else eo.order,
        declassification=_instruction_kind(instruction),
        declassify_on=instruction.date if isinstance(instruction, DeclassifyOn) else None,
        exemptions=(
            " ".join(code.code for code in instruction.codes)
            if isinstance(instruction, Exemptions)
            else None
        ),
        classified_by=None if classifier is None else classifier.name,
        classifier_title=None if classifier is None else classifier.title,
        classifier_office=None if classifier is None else classifier.office,
        classification_reasons=None if classifier is None else _reasons(classifier),
        signers=json.dumps(list(cable.signers), ensure_ascii=False),
        summary=cable.summary,
        sections=None if section is None else section.total,
        paragraph_count=len(cable.paragraphs),
        tags=json.dumps(list(cable.tags), ensure_ascii=False),
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        errors=severities.count(Severity.ERROR),
        warnings=severities.count(Severity.WARNING),
        infos=severities.count(Severity.INFO),
        source=source,
    )


def _reasons(classifier: Classifier) -> str | None:
    """``1.4(b) 1.4(d)``: each letter with its section; a section without letters alone."""
    cited = [
        f"{reason.section}({letter})" if letter else reason.section
        for reason in classifier.reasons
        for letter in reason.letters or ("",)
    ]
    return " ".join(cited) or None


def _tag_rows(cable: Cable, cable_id: str) -> tuple[TagRow, ...]:
    """The TAGS line's entries; the publisher's tags for a cable whose text has none."""
    entries: tuple[Tag, ...]
    if cable.tags_line is not None:
        entries, listed_in = cable.tag_entries, "tags-line"
    else:
        entries, listed_in = tags_of(cable.tags), "publisher"
    return tuple(
        TagRow(cable_id, position, tag.text, tag.normalized, tag.kind.value, listed_in)
        for position, tag in enumerate(entries, start=1)
    )


def _citation_row(cable_id: str, position: int, reference: Reference) -> CitationRow:
    cable = reference.id is not None
    return CitationRow(
        cable_id=cable_id,
        position=position,
        letter=reference.letter,
        kind=reference.kind.value,
        text=reference.text,
        cited_id=None if reference.id is None else str(reference.id),
        known_station=reference.known_station if cable else None,
        in_release=reference.in_release if cable else None,
        in_archive=None,  # known only to the archive: it sets it when written
        line=None if reference.span is None else reference.span.line,
    )


_ROLES = {AddressKind.FM: "from", AddressKind.TO: "to", AddressKind.INFO: "info"}


def _addressee_rows(cable: Cable, cable_id: str) -> tuple[AddresseeRow, ...]:
    return tuple(
        AddresseeRow(
            cable_id=cable_id,
            position=position,
            role=_ROLES[kind],
            name=addressee.name,
            routing_indicator=addressee.routing_indicator,
            routing_name=addressee.routing_name,
            precedence=addressee.precedence,
            sequence=addressee.sequence,
            line=None if addressee.span is None else addressee.span.line,
        )
        for position, (kind, addressee) in enumerate(addressees(cable), start=1)
    )


def _instruction_kind(instruction: Instruction | None) -> str | None:
    if isinstance(instruction, DeclassifyOn):
        return "date"
    if isinstance(instruction, NotApplicable):
        return "n/a"
    if isinstance(instruction, Oadr):
        return "oadr"
    if isinstance(instruction, Exemptions):
        return "exemptions"
    return None


def _paragraph_rows(cable: Cable, cable_id: str) -> tuple[ParagraphRow, ...]:
    rows: list[ParagraphRow] = []
    header_text = _prose(line.text for line in cable.header_lines() if isinstance(line, TextLine))
    if header_text:
        rows.append(ParagraphRow(cable_id, 0, None, None, "", None, header_text))
    paragraphs = (block for block in cable.blocks if isinstance(block, Paragraph))
    for position, paragraph in enumerate(paragraphs, start=1):
        marking = paragraph.marking
        rows.append(
            ParagraphRow(
                cable_id=cable_id,
                position=position,
                number=paragraph.number,
                portion_level=None if marking is None else marking.level.value,
                portion_caveats=""
                if marking is None
                else "/".join(caveat.value for caveat in marking.caveats),
                line=None if paragraph.span is None else paragraph.span.line,
                text=paragraph.text,
            )
        )
    return tuple(rows)


def _prose(lines: Iterable[str]) -> str:
    """Lines joined the way ``Paragraph.text`` joins them: their words, one blank between."""
    return " ".join(" ".join(lines).split())


def _finding_row(cable_id: str, position: int, finding: Finding) -> FindingRow:
    return FindingRow(
        cable_id=cable_id,
        position=position,
        code=finding.code,
        name=finding.name,
        severity=finding.severity.value,
        line=finding.line,
        column=finding.column,
        end_line=finding.end_line,
        end_column=finding.end_column,
        message=finding.message,
        path=finding.path,
    )
