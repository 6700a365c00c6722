"""Facts: the canonical, typed meaning of a cable, read from its lossless model.

The model keeps every character as written; a fact says what the text means, in the
form a reader searches for. Facts are derived on demand and never stored in the model
or its JSON document. Canonical forms come from the vocabulary data in
``cablemodel.vocab``, not from code.
"""

from __future__ import annotations

from .handling import handling_captions, is_classified
from .people import ClassificationReason, Classifier, classifier, signers
from .references import Reference, ReferenceKind, canonical_id, references
from .routing import Addressee, addressees, info_recipients, recipients, sender
from .tags import Tag, TagKind, tag_entries, tags_of
from .text import comment, summary

__all__ = [
    "Addressee",
    "ClassificationReason",
    "Classifier",
    "Reference",
    "ReferenceKind",
    "Tag",
    "TagKind",
    "addressees",
    "canonical_id",
    "classifier",
    "comment",
    "handling_captions",
    "info_recipients",
    "is_classified",
    "recipients",
    "references",
    "sender",
    "signers",
    "summary",
    "tag_entries",
    "tags_of",
]
