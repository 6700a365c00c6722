"""How a cable is to be handled: its classification and its handling captions."""

from __future__ import annotations

from ..model import Cable, Caption

__all__ = ["handling_captions", "is_classified"]


def is_classified(cable: Cable) -> bool:
    """Classified according to the publisher (CONFIDENTIAL, SECRET, TOP SECRET)."""
    level = cable.classification.level
    return level is not None and level.is_classified


def handling_captions(cable: Cable) -> frozenset[Caption]:
    """The captions of the header area: those on caption lines, and those written after
    the first banner's serial (``… STATE 002634 NOFORN SIPDIS``)."""
    found = set(cable.captions)
    banner = cable.banner
    if banner is not None:
        by_name = {caption.value: caption for caption in Caption}
        found.update(by_name[word] for word in banner.rest.upper().split() if word in by_name)
    return frozenset(found)
