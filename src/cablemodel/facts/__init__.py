"""Facts: the canonical, typed meaning of a cable, read from its lossless model.

The model keeps every character as written; a fact says what the text means, in the
form a reader searches for. Facts are derived on demand and never stored in the model
or its JSON document. Canonical forms come from the vocabulary data in
``cablemodel.vocab``, not from code.
"""

from __future__ import annotations

from .handling import handling_captions, is_classified

__all__ = ["handling_captions", "is_classified"]
