"""Who classified a cable and who signed it."""

from __future__ import annotations

from attrs import frozen

from .. import vocab
from ..model import Cable, ClassifiedSeparator, ClassifiedWord, Reason, ReasonWord

__all__ = ["ClassificationReason", "Classifier", "classifier", "signers"]


@frozen
class ClassificationReason:
    """A reason for classifying: the order's section and its letters, ``1.4 (b) (d)``."""

    section: str
    letters: tuple[str, ...] = ()


@frozen
class Classifier:
    """The classifying officer of a Classified By line."""

    name: str | None
    title: str | None = None
    office: str | None = None
    reasons: tuple[ClassificationReason, ...] = ()


def classifier(cable: Cable) -> Classifier | None:
    """The officer, role, office and reasons of the first Classified By block."""
    block = cable.classified_by
    if block is None:
        return None
    parts: list[list[str]] = [[]]
    reasons: list[ClassificationReason] = []
    officer = True  # the officer part ends where the reasons are introduced
    for piece in block.all_pieces():
        if isinstance(piece, Reason):
            reasons.append(ClassificationReason(piece.section, piece.letters))
            officer = False
        elif isinstance(piece, ReasonWord):
            officer = False
        elif not officer:
            continue
        elif isinstance(piece, ClassifiedSeparator):
            parts.append([])
        elif isinstance(piece, ClassifiedWord):
            parts[-1].extend(piece.text.split())
    name, title, office = _officer(parts)
    return Classifier(name, title, office, tuple(reasons))


def _officer(parts: list[list[str]]) -> tuple[str | None, str | None, str | None]:
    """Name, title and office from the comma-separated parts of the officer.

    In each part the leading words that are role or office words (vocab) are read off;
    a part of role words only is the title, one that starts with an office word the
    office, and in a part that goes on after role words the rest is the name.
    """
    kinds = vocab.classifier_words()
    name: str | None = None
    title: str | None = None
    office: str | None = None
    for index, words in enumerate(parts):
        words = [word for word in words if word.strip(".,:;-")]
        if index == 0:  # the label repeated in the officer's words: CLASSIFIED CONFIDENTIAL BY
            while words and kinds.get(_key(words[0])) == "label":
                words = words[1:]
        if not words:
            continue
        lead = 0
        while lead < len(words) and _key(words[lead]) in kinds:
            lead += 1
        head, rest = words[:lead], words[lead:]
        head_kinds = {kinds[_key(word)] for word in head}
        if head_kinds == {"suffix"} and not rest:  # Robert O. Blake, Jr.
            name = f"{name}, {_text(head)}" if name else name
            continue
        if not rest:
            if "title" in head_kinds:
                title = title or _text(head)
            else:
                office = office or _text(head)
        elif "title" in head_kinds and head_kinds != {"office"}:
            title = title or _text(head)
            name = name or _text(rest)
        elif "office" in head_kinds or name is not None:
            office = office or _text(words)
        else:
            name = _text(words)
    return name, title, office


def _key(word: str) -> str:
    return word.upper().strip(",;:.")


def _text(words: list[str]) -> str:
    return " ".join(words).rstrip(".,:; ")


def signers(cable: Cable) -> tuple[str, ...]:
    """The signature's names: joint signers apart, a repeated name once, roles dropped."""
    signature = cable.signature
    if signature is None:
        return ()
    kinds = vocab.classifier_words()
    found: list[str] = []
    for name in (signature.name, *(other.name for other in signature.others)):
        if kinds.get(name.upper()) == "title" or name in found:
            continue
        found.append(name)
    return tuple(found)
