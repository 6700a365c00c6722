"""Golden summaries of real cables: the facts a reader checks by hand.

``summarize`` turns a Cable into plain data; tests compare it with
tests/data/golden/<ID>.json. After a deliberate change, regenerate with
``python tests/golden.py`` and review the diff before committing.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import cablemodel
from cablemodel import model

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden"


def summarize(cable: model.Cable) -> dict[str, Any]:
    banner = cable.banner
    eo = cable.eo
    instruction = eo.instruction if eo is not None else None
    routing = [
        type(block).__name__
        for block in cable.header_blocks
        if isinstance(
            block,
            (
                model.Vzczc,
                model.Precedence,
                model.DeLine,
                model.ZnLine,
                model.DtgLine,
                model.AddressBlock,
            ),
        )
    ]
    de = next((b for b in cable.blocks if isinstance(b, model.DeLine)), None)
    dtg = next((b for b in cable.blocks if isinstance(b, model.DtgLine)), None)
    addresses = [
        [block.kind.value, [address.plad for address in block.addresses]]
        for block in cable.blocks
        if isinstance(block, model.AddressBlock)
    ]
    return {
        "reference_id": cable.reference_id,
        "well_formed_id": cable.publisher.reference_id.is_well_formed,
        "created": cable.created.isoformat(),
        "classification": str(cable.classification),
        "origin": cable.origin,
        "title": cable.title,
        "tags": list(cable.tags),
        "partial": cable.partial,
        "routing": routing,
        "de": None if de is None else [de.indicator.code, de.serial, de.section, de.day_time],
        "dtg": None if dtg is None or dtg.datetime is None else dtg.datetime.isoformat(),
        "addresses": addresses,
        "banner": None
        if banner is None
        else {
            "level": banner.level.value,
            "section": None
            if banner.section is None
            else [banner.section.number, banner.section.total],
            "origin": banner.origin,
            "serial": banner.serial,
        },
        "captions": [caption.value for caption in cable.captions],
        "passing": list(cable.passing_lines),
        "eo": None
        if eo is None
        else {
            "order": eo.order,
            "instruction": type(instruction).__name__ if instruction is not None else None,
            "date": instruction.date.isoformat()
            if isinstance(instruction, model.DeclassifyOn)
            else None,
        },
        "text_tags": None if cable.tags_line is None else list(cable.tags_line.tags),
        "subject": cable.subject,
        "ref": None
        if cable.ref is None
        else {
            "letters": list(cable.ref.letters),
            "cables": [[c.year, c.origin, c.serial] for c in cable.ref.cables],
        },
        "classified_by": None
        if cable.classified_by is None
        else [[reason.section, list(reason.letters)] for reason in cable.classified_by.reasons],
        "paragraphs": [
            [p.number, None if p.marking is None else str(p.marking)] for p in cable.paragraphs
        ],
        "page_markers": [
            [m.origin, m.serial, m.page, m.subpage, m.total] for m in cable.page_markers
        ],
        "signature": None if cable.signature is None else cable.signature.name,
        "facts": _facts(cable),
    }


def _facts(cable: model.Cable) -> dict[str, Any]:
    """What the facts layer reads from the cable (docs/facts.md)."""
    classifier = cable.classifier
    summary = cable.summary
    sender = cable.sender
    return {
        "canonical_id": cable.canonical_id,
        "references": [
            [r.letter, r.kind.value, None if r.id is None else str(r.id), r.in_release, r.text]
            for r in cable.references
        ],
        "classifier": None
        if classifier is None
        else {
            "name": classifier.name,
            "title": classifier.title,
            "office": classifier.office,
            "reasons": [[r.section, list(r.letters)] for r in classifier.reasons],
        },
        "signers": list(cable.signers),
        "summary": None if summary is None else [len(summary), summary[:60], summary[-40:]],
        "sender": None if sender is None else [sender.name, sender.routing_indicator],
        "recipients": [[a.name, a.routing_indicator] for a in cable.recipients],
        "info_recipients": [[a.name, a.routing_indicator] for a in cable.info_recipients],
        "tag_entries": [[t.text, t.normalized, t.kind.value] for t in cable.tag_entries],
    }


def golden_ids() -> list[str]:
    return sorted(path.stem for path in GOLDEN.glob("*.json"))


def write_all() -> None:
    """Rewrite the golden files that exist (add a new one by creating it empty)."""
    for reference_id in golden_ids():
        summary = summarize(cablemodel.parse_file(DATA / f"{reference_id}.txt"))
        target = GOLDEN / f"{reference_id}.json"
        target.write_text(
            json.dumps(summary, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    write_all()
