"""Every cable of the corpus named by CABLEMODEL_CORPUS: parsed, lossless, and the
publisher's fields equal to what metadata.json states (skipped when unset)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

import cablemodel
from cablemodel._parser import build, shared_engine
from cablemodel.model import ClassifiedBy, Ref
from tests.helpers import DATA, model_difference, read_text

pytestmark = pytest.mark.corpus

# The publisher's title drops a leading "(", "[" or '"' of the subject's first line.
TITLE_ARTEFACT = ("(", "[", '"')
# Cables whose publisher title is not the first SUBJECT line at all.
TITLE_IS_NOT_THE_SUBJECT = {
    "08REYKJAVIK37": "the site's title is a sentence from paragraph 1",
}
# Cables with a banner-like line that is not a banner.
NO_BANNER = {
    "09TRIPOLI417": "'SECRET' is followed by tabs and the VZCZC line on the same line",
    "7575LIBREVILLE1895": "'C O N F I D E N T I A L 75 LIBREVILLE 1895': a year before the origin",
}
NO_SECTION = {"09BAKU687": "'SECTION 01 OF 02 BAKU 000687' has no classification in front"}

SUBJECT_LINE = re.compile(r"^[ \t]*(SUBJECT|Subject|SUBJ|UBJECT|subject)\b", re.MULTILINE)
BANNER_LINE = re.compile(r"^(UNCLAS|C O N F|S E C R|CONFIDENTIAL|SECRET|LIMITED)", re.MULTILINE)
SECTION_LINE = re.compile(r"^[^\n]*SECTION \d+ OF \d+", re.MULTILINE)


def _metadata(corpus: Path) -> dict[str, Any]:
    path = corpus.parent / "metadata.json"
    if not path.exists():
        pytest.skip(f"no metadata.json next to {corpus}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _telegram(text: str) -> str:
    """The text after the eight label and value lines of the publisher block."""
    return text.split("\n", 8)[8]


Parsed = list[tuple[str, str, "cablemodel.Cable | None"]]


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> Parsed:
    """(reference id, text, cable or None when it did not parse) for every file, once."""
    found: Parsed = []
    for path in sorted(corpus.glob("*.txt")):
        text = read_text(path)
        try:
            cable: cablemodel.Cable | None = cablemodel.parse(text)
        except cablemodel.CableSyntaxError:
            cable = None
        found.append((path.stem, text, cable))
    return found


def test_every_cable_parses_and_renders_back(parsed: Parsed) -> None:
    unparsed = [rid for rid, _, cable in parsed if cable is None]
    lossy = [rid for rid, text, cable in parsed if cable and cablemodel.render(cable) != text]

    assert unparsed == []
    assert lossy == []
    assert len(parsed) > 0


def test_the_engine_makes_the_models_lark_makes(corpus: Path) -> None:
    """The engine and Lark's own parser, each run directly (so that neither stands in
    for the other), give the same model for every cable: spans and exact types too."""
    machine = shared_engine()
    assert machine is not None
    lark_parser = build.shared_parser()
    differences: list[str] = []
    paths = sorted(corpus.glob("*.txt")) + sorted(DATA.glob("*.txt"))
    for path in paths:
        text = read_text(path)
        source = text if text.endswith("\n") else text + "\n"
        difference = model_difference(lark_parser.parse(source), machine.parse(source))
        if difference is not None:
            differences.append(f"{path.name}: {difference}")

    assert differences == []
    assert len(paths) > len(list(DATA.glob("*.txt")))


def test_publisher_fields_equal_metadata(corpus: Path, parsed: Parsed) -> None:
    metadata = _metadata(corpus)
    mismatches: list[str] = []
    checked = 0
    for rid, _, cable in parsed:
        expected = metadata.get(rid)
        if expected is None or cable is None:
            continue
        checked += 1
        actual = {
            "reference_id": cable.reference_id,
            "created": cable.created.strftime("%Y-%m-%d %H:%M"),
            "classification": str(cable.classification),
            "origin": cable.origin,
            "title": cable.title,
            "is_partial": cable.partial,
        }
        if expected.get("tags_from_site_links", True):
            actual["tags"] = list(cable.tags)
        for key, value in actual.items():
            if value != expected[key]:
                mismatches.append(f"{rid} {key}: {value!r} != {expected[key]!r}")

    assert mismatches == []
    assert checked > 0


def _is_title(title: str, first: str, cable: cablemodel.Cable) -> bool:
    """The publisher's title is the subject's first line; where a REF or Classified By
    starts on that line the subject ends there, and the title runs on with the block."""
    subjects = (first, first[1:] if first.startswith(TITLE_ARTEFACT) else first)
    if title in subjects:
        return True
    blocks = (block for block in cable.blocks if isinstance(block, (Ref, ClassifiedBy)))
    joined = next((block for block in blocks if block.joined), None)
    label = "" if joined is None else " ".join(joined.label.split())
    return bool(label) and any(
        title.startswith(subject) and title[len(subject) :].lstrip().startswith(label)
        for subject in subjects
    )


def test_subject_banner_and_section_are_found(corpus: Path, parsed: Parsed) -> None:
    metadata = _metadata(corpus)
    problems: list[str] = []
    for rid, text, cable in parsed:
        if cable is None:
            continue
        telegram = _telegram(text)
        if SUBJECT_LINE.search(telegram):
            block = cable.subject_block
            if block is None:
                problems.append(f"{rid}: no SUBJECT found")
            else:
                title = metadata.get(rid, {}).get("title", "")
                first = " ".join(block.text.split())
                if (
                    title
                    and rid not in TITLE_IS_NOT_THE_SUBJECT
                    and not _is_title(" ".join(title.split()), first, cable)
                ):
                    problems.append(f"{rid}: subject {first!r} != title {title!r}")
        if BANNER_LINE.search(telegram) and rid not in NO_BANNER:
            if not cable.banners:
                problems.append(f"{rid}: no banner found")
            elif (
                SECTION_LINE.search(telegram)
                and rid not in NO_SECTION
                and not any(banner.section is not None for banner in cable.banners)
            ):
                problems.append(f"{rid}: no SECTION found")

    assert problems == []
