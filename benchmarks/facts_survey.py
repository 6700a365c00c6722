"""What the facts of a folder of cables come to: the before/after tables of issue #12.

    python benchmarks/facts_survey.py [FOLDER] [--release-ids FILE] [--examples N]

FOLDER defaults to $CABLEMODEL_CORPUS. The same tables are printed whether or not the
installed cablemodel has the facts layer (``Cable.references`` …): without it, every
figure is read from the syntax alone (the ``Ref``, ``ClassifiedBy``, ``Signature`` …
blocks and markers), and a row that only the facts layer can fill shows ``-``.

Where the syntax gives no canonical id, a cable reference is made one by the rule the
facts layer documents (docs/facts.md): the year as written, else the citing cable's
year, or the year before when the reference is to the citing station with a higher
serial; the origin with its blanks removed and vocab aliases applied; the serial
without leading zeros. ``--release-ids`` (one id a line) is needed only without the
facts layer, which ships the release's ids itself.

"Junk" is a reading that is no reference at all. It is told by the words of the
reference as written (a page header, a section count, a date, a conjunction, a
non-cable document, letters or prose read into the origin); every such reference is
listed with its cable so that the figure can be checked by eye. A measurement tool,
not part of the library: the word lists below are what the survey looks for, not how
the library reads a cable.
"""

from __future__ import annotations

import argparse
import collections
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cablemodel
from cablemodel import model as m


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MONTHS = _words(
    "JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC JANUARY FEBRUARY MARCH APRIL "
    "JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER"
)
NON_CABLE_WORDS = _words(
    "IIR DTG EMAIL E-MAIL EMAILS E-MAILS TELCON TELCONS MEMO MEMCON LETTER DAILY REPORT "
    "POINTS POINT UNSCR RESOLUTION NOTE FAX MSG MESSAGE NOTICE READOUT TD WEBSITE"
)
PROSE_WORDS = _words(
    "SIPDIS E.O. CONFIDENTIAL SECRET UNCLASSIFIED UNCLAS CLASSIFIED REASONS REASON FOR "
    "WITH TO ON IN AT BY FROM OF"
)
SEASONS = _words("SPRING SUMMER FALL AUTUMN WINTER")
NOT_A_NAME = _words(
    "CONFIDENTIAL SECRET UNCLASSIFIED UNCLAS LIMITED OFFICIAL USE SIPDIS NOFORN NODIS "
    "EXDIS LIMDIS SENSITIVE NNNN END TEXT QUOTE UNQUOTE CABLE DECLASSIFIED RELEASED "
    "DECLASSIFIED/RELEASED SUMMARY COMMENT"
)


def junk_kind(text: str) -> str | None:
    """Why the words of a cable reference as written are no reference, or None."""
    words = text.replace("(", " ").replace(")", " ").upper().split()
    origin = [w for w in words if not any(ch.isdigit() for ch in w)]
    if not origin:
        return None
    found = set(origin)
    if "PAGE" in found:
        return "page header"
    if NON_CABLE_WORDS & found:
        return "non-cable document"
    if origin[-1].rstrip(".") in MONTHS or origin[-1] in SEASONS:
        return "date"
    if {"AND", "OR", "PREVIOUS"} & found:
        return "conjunction"
    if origin == ["OF"]:
        return "section count"
    if len(origin[0].rstrip(".")) == 1 or "REF" in found or "." in origin[0][:2]:
        return "letter in origin"
    if len(origin) > 4 or PROSE_WORDS & found:
        return "prose"
    return None


@dataclass
class Tally:
    """Counts and examples, kept per row of a table."""

    counts: collections.Counter[str] = field(default_factory=collections.Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def add(self, row: str, example: str | None = None, n: int = 1) -> None:
        self.counts[row] += n
        if example is not None:
            self.examples.setdefault(row, []).append(example)


def _vocab() -> Any:
    """The vocab loader (before the layers were packages it was cablemodel.rules._vocab)."""
    import importlib

    for name in ("cablemodel.vocab", "cablemodel.rules._vocab"):
        module = importlib.import_module(name)
        if hasattr(module, "canonical_origin"):
            return module
    raise ImportError("no vocab loader with canonical_origin")


HAS_FACTS = hasattr(m.Cable, "references")


# ------------------------------------------------------------------ references
def candidate_id(ref: m.CableRef, cable: m.Cable, vocab: Any) -> tuple[str | None, str]:
    """(station or None, id) for a reference read from the syntax alone."""
    station = vocab.canonical_origin(ref.origin)
    compact = station or "".join(ref.origin.split())
    own = cable.publisher.reference_id
    year = ref.year
    if year is None:
        year = cable.created.year
        if station is not None and own.origin == station and (own.serial or 0) < ref.serial:
            year -= 1
    return station, f"{year % 100:02d}{compact}{ref.serial}"


def _cable_ref_text(ref: m.CableRef) -> str:
    year = "" if ref.year is None else f"{ref.year % 100:02d} "
    return f"{year}{ref.origin} {ref.serial}"


def survey_references(cables: Iterable[m.Cable], release: frozenset[str], out: Tally) -> None:
    vocab = _vocab()
    for cable in cables:
        rid = cable.reference_id
        blocks = [b for b in cable.blocks if isinstance(b, m.Ref)]
        out.add("REF blocks", n=len(blocks))
        if HAS_FACTS:
            references = cable.references
            out.add("cables with a reference", n=1 if references else 0)
            out.add("references (all kinds)", n=len(references))
            for reference in references:
                out.add(f"  kind {reference.kind.value}")
                if reference.id is None:
                    continue
                out.add("cable references found")
                text = reference.text
                station_known = reference.known_station
                resolved = reference.in_release
                _classify(out, rid, text, str(reference.id), station_known, resolved)
            continue
        refs = [piece for block in blocks for piece in block.cables]
        out.add("cables with a reference", n=1 if refs else 0)
        for ref in refs:
            out.add("cable references found")
            station, cid = candidate_id(ref, cable, vocab)
            text = _cable_ref_text(ref)
            _classify(out, rid, text, cid, station is not None, cid in release)


def _classify(
    out: Tally, rid: str, text: str, cid: str, station_known: bool, resolved: bool
) -> None:
    if resolved:
        out.add("  resolve to a release id")
    elif station_known:
        out.add("  known station, not in the release")
    else:
        out.add("  station is no known origin", f"{rid}: {text!r} -> {cid}")
    kind = junk_kind(text)
    if kind is not None:
        out.add("  junk", f"{rid}: {text!r} ({kind})")
        out.add(f"    junk: {kind}")


# ------------------------------------------------------------------ classifier
def survey_classifier(cables: Iterable[m.Cable], out: Tally) -> None:
    for cable in cables:
        rid = cable.reference_id
        level = cable.classification.level
        if level is not None and level.is_classified:
            out.add("classified cables (C, S, TS)")
        block = cable.classified_by
        if block is not None:
            out.add("cables with a Classified By block")
            if block.reasons:
                out.add("  with a reason section (1.4 …)")
        first = cable.paragraphs[0].text.upper() if cable.paragraphs else ""
        if "CLASSIFIED BY" in first[:40]:
            out.add("classified by inside paragraph 1", rid)
        if HAS_FACTS:
            classifier = cable.classifier
            if classifier is not None:
                out.add("classifier found")
                if classifier.name:
                    out.add("  classifier names found", f"{rid}: {classifier.name}")
                else:
                    out.add("  no name (reasons only)", rid)
                if classifier.title:
                    out.add("  with a title")
                if classifier.reasons:
                    out.add("  with reasons")


# ------------------------------------------------------------------- signers
def not_a_name(signer: str) -> bool:
    words = signer.replace("/", " ").upper().split()
    return not words or any(word.strip(".,") in NOT_A_NAME for word in words)


def survey_signers(cables: Iterable[m.Cable], out: Tally) -> None:
    for cable in cables:
        rid = cable.reference_id
        if HAS_FACTS:
            signers: tuple[str, ...] = cable.signers
        else:
            signature = cable.signature
            signers = () if signature is None else (signature.name,)
        if signers:
            out.add("cables with a signer")
            out.add("signers", n=len(signers))
        for signer in signers:
            if not_a_name(signer):
                out.add("  signers that are not a name", f"{rid}: {signer!r}")
        if len(signers) > 1:
            out.add("  cables with joint signers", f"{rid}: {'/'.join(signers)}")


# ------------------------------------------------------------------ summaries
def _markers(cable: m.Cable) -> Iterator[m.Marker]:
    for line in cable.lead:
        if isinstance(line, m.TextLine):
            yield from (p for p in line.parts if isinstance(p, m.Marker))
    for block in cable.blocks:
        if isinstance(block, m.Paragraph):
            yield from (p for p in block.parts if isinstance(p, m.Marker))
        for line in block.tail:
            if isinstance(line, m.TextLine):
                yield from (p for p in line.parts if isinstance(p, m.Marker))


def survey_summaries(cables: Iterable[m.Cable], out: Tally) -> None:
    for cable in cables:
        markers = list(_markers(cable))
        summary = [mk for mk in markers if mk.topic is m.Topic.SUMMARY]
        if any(mk.boundary is m.Boundary.BEGIN for mk in summary):
            out.add("cables with a SUMMARY begin marker")
        if any(mk.boundary is m.Boundary.END for mk in summary):
            out.add("cables with an END SUMMARY marker")
        if any(mk.topic is m.Topic.COMMENT for mk in markers):
            out.add("cables with a COMMENT marker")
        if HAS_FACTS:
            if cable.summary is not None:
                out.add("summaries found")
            if cable.comment is not None:
                out.add("comments found")


# ------------------------------------------------------------------ addressees
def survey_addressees(cables: Iterable[m.Cable], out: Tally) -> None:
    for cable in cables:
        rid = cable.reference_id
        if HAS_FACTS:
            sender = cable.sender
            found = [
                *([sender] if sender is not None else []),
                *cable.recipients,
                *cable.info_recipients,
            ]
            for addressee in found:
                out.add("addressees")
                if addressee.routing_indicator is not None:
                    out.add("  with a routing indicator")
                if addressee.routing_name is not None:
                    out.add("  routing indicator named")
                if addressee.name.upper().startswith("PAGE "):
                    out.add("  page headers read as addressees", f"{rid}: {addressee.name}")
            continue
        for block in cable.blocks:
            if not isinstance(block, m.AddressBlock):
                continue
            for address in block.addresses:
                out.add("addressees")
                if address.indicator is not None:
                    out.add("  with a routing indicator")
                if address.plad.upper().startswith("PAGE "):
                    out.add("  page headers read as addressees", f"{rid}: {address.plad}")


# ------------------------------------------------------------------------ tags
def survey_tags(cables: Iterable[m.Cable], out: Tally) -> None:
    for cable in cables:
        block = cable.tags_line
        if block is None:
            continue
        out.add("cables with a TAGS line")
        if HAS_FACTS:
            entries = cable.tag_entries
            out.add("tag entries", n=len(entries))
            for entry in entries:
                out.add(f"  kind {entry.kind.value}")
            continue
        out.add("tag entries", n=len(block.tags))


# ------------------------------------------------------------------- lossless
def survey_lossless(paths: list[Path], texts: list[str], out: Tally) -> None:
    for path, text in zip(paths, texts, strict=True):
        out.add("texts")
        if cablemodel.render(cablemodel.parse(text)) != text:
            out.add("  render(parse(t)) != t", path.stem)


# ---------------------------------------------------------------------- report
def print_table(title: str, tally: Tally, rows: list[str], examples: int) -> None:
    print(f"\n## {title}\n")
    print("| measure | count |\n|---|---:|")
    extra = sorted(r for r in tally.counts if r not in rows)
    for row in [*rows, *extra]:
        value = "-" if _facts_only(row) else str(tally.counts[row])
        print(f"| {_label(row)} | {value} |")
    if examples:
        for row, found in tally.examples.items():
            print(f"\n{row.strip()} ({len(found)}):")
            for example in found[:examples]:
                print(f"    {example}")


def _label(row: str) -> str:
    depth = (len(row) - len(row.lstrip())) // 2
    return "→ " * depth + row.strip()


FACTS_ONLY = (
    "classifier",
    "summaries found",
    "comments found",
    "routing indicator named",
    "no name",
    "with a title",
    "with reasons",
    "references (all kinds)",
)


def _facts_only(row: str) -> bool:
    return not HAS_FACTS and any(key in row for key in FACTS_ONLY)


def _read(paths: list[Path]) -> list[str]:
    texts = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            texts.append(handle.read())
    return texts


def _release_ids(path: str | None) -> frozenset[str]:
    if HAS_FACTS:
        return frozenset()
    if path is None:
        sys.exit("--release-ids FILE is needed without the facts layer")
    return frozenset(Path(path).read_text(encoding="utf-8").split())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=os.environ.get("CABLEMODEL_CORPUS"))
    parser.add_argument("--release-ids", help="release ids, one a line (without facts)")
    parser.add_argument("--examples", type=int, default=0, help="examples shown per row")
    args = parser.parse_args(argv)
    if not args.folder:
        parser.error("no FOLDER and CABLEMODEL_CORPUS is not set")
    paths = sorted(Path(args.folder).glob("*.txt"))
    texts = _read(paths)
    cables = [cablemodel.parse(text) for text in texts]
    release = _release_ids(args.release_ids)
    print(f"{len(cables)} cables; facts layer: {'yes' if HAS_FACTS else 'no'}")

    sections: list[tuple[str, Callable[[Tally], None], list[str]]] = [
        (
            "References",
            lambda t: survey_references(cables, release, t),
            [
                "cables with a reference",
                "REF blocks",
                "references (all kinds)",
                "cable references found",
                "  resolve to a release id",
                "  known station, not in the release",
                "  station is no known origin",
                "  junk",
            ],
        ),
        (
            "Classifier",
            lambda t: survey_classifier(cables, t),
            [
                "classified cables (C, S, TS)",
                "cables with a Classified By block",
                "  with a reason section (1.4 …)",
                "classified by inside paragraph 1",
                "classifier found",
                "  classifier names found",
                "  with a title",
                "  with reasons",
                "  no name (reasons only)",
            ],
        ),
        (
            "Signers",
            lambda t: survey_signers(cables, t),
            ["cables with a signer", "signers", "  signers that are not a name"],
        ),
        (
            "Summaries",
            lambda t: survey_summaries(cables, t),
            [
                "cables with a SUMMARY begin marker",
                "cables with an END SUMMARY marker",
                "summaries found",
                "cables with a COMMENT marker",
                "comments found",
            ],
        ),
        (
            "Addressees",
            lambda t: survey_addressees(cables, t),
            [
                "addressees",
                "  with a routing indicator",
                "  routing indicator named",
                "  page headers read as addressees",
            ],
        ),
        ("Tags", lambda t: survey_tags(cables, t), ["cables with a TAGS line", "tag entries"]),
        ("Lossless", lambda t: survey_lossless(paths, texts, t), ["texts"]),
    ]
    for title, run, rows in sections:
        tally = Tally()
        run(tally)
        print_table(title, tally, rows, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
