"""The whole cable: the publisher block, the lines before the first block, and the blocks."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar, Union

from attrs import frozen

from .body import Paragraph, Signature
from .header import AddressBlock, DeLine, DtgLine, PartialNotice, Precedence, Vzczc, ZnLine
from .lines import Caption, CaptionLine, LooseLine, PageMarker
from .preamble import Banner, ClassifiedBy, EoLine, Passing, Ref, Subject, TagsLine
from .publisher import Classification, Publisher

if TYPE_CHECKING:
    from ..facts import Addressee, Classifier, Reference, Tag

__all__ = ["Block", "Cable"]


Block = Union[
    PartialNotice,
    Vzczc,
    Precedence,
    DeLine,
    ZnLine,
    DtgLine,
    AddressBlock,
    Banner,
    Passing,
    EoLine,
    TagsLine,
    Subject,
    Ref,
    ClassifiedBy,
    Paragraph,
    Signature,
]

_B = TypeVar("_B")


@frozen
class Cable:
    """A whole cable: the publisher block, lines before the first block, and blocks.

    ``lead`` holds the loose lines before the first block (lines, unlike the ``*_lead``
    fields of the parts, which hold the blanks in front of a value; the name is that of
    the JSON document's key). ``final_newline`` says whether the text ends with a line
    ending (the published cables do not); ``newline`` is the line ending ("\n", or
    "\r\n" / "\r" for text that used those throughout); ``bom`` whether the text began
    with a byte-order mark.
    """

    publisher: Publisher
    blocks: tuple[Block, ...] = ()
    lead: tuple[LooseLine, ...] = ()
    final_newline: bool = False
    newline: str = "\n"
    bom: bool = False

    # --- the fields users ask for most
    @property
    def reference_id(self) -> str:
        return str(self.publisher.reference_id)

    @property
    def created(self) -> datetime:
        return self.publisher.created

    @property
    def classification(self) -> Classification:
        return self.publisher.classification

    @property
    def origin(self) -> str:
        return self.publisher.origin

    @property
    def title(self) -> str:
        return self.publisher.title

    @property
    def tags(self) -> tuple[str, ...]:
        return tuple(tag.text for tag in self.publisher.tags)

    @property
    def partial(self) -> bool:
        return any(isinstance(block, PartialNotice) for block in self.blocks)

    @property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Paragraph))

    @property
    def header_blocks(self) -> tuple[Block, ...]:
        """The blocks before the first numbered paragraph."""
        found: list[Block] = []
        for block in self.blocks:
            if isinstance(block, (Paragraph, Signature)):
                break
            found.append(block)
        return tuple(found)

    def _first(self, kind: type[_B]) -> _B | None:
        for block in self.blocks:
            if isinstance(block, kind):
                return block
        return None

    @property
    def banner(self) -> Banner | None:
        return self._first(Banner)

    @property
    def banners(self) -> tuple[Banner, ...]:
        return tuple(block for block in self.blocks if isinstance(block, Banner))

    @property
    def eo(self) -> EoLine | None:
        return self._first(EoLine)

    @property
    def tags_line(self) -> TagsLine | None:
        return self._first(TagsLine)

    @property
    def subject_block(self) -> Subject | None:
        """The telegram's SUBJECT: the first after the first banner, else the first.

        Lines above the banner can carry a forwarding e-mail with its own "Subject:".
        """
        seen_banner = False
        first: Subject | None = None
        for block in self.blocks:
            if isinstance(block, Banner):
                seen_banner = True
            elif isinstance(block, Subject):
                if seen_banner:
                    return block
                first = first or block
        return first

    @property
    def subject(self) -> str | None:
        block = self.subject_block
        return None if block is None else block.subject

    @property
    def ref(self) -> Ref | None:
        return self._first(Ref)

    @property
    def classified_by(self) -> ClassifiedBy | None:
        return self._first(ClassifiedBy)

    @property
    def signature(self) -> Signature | None:
        return self._first(Signature)

    @property
    def captions(self) -> tuple[Caption, ...]:
        """Captions on caption lines of the header area, in order."""
        found: list[Caption] = []
        for line in self.header_lines():
            if isinstance(line, CaptionLine):
                found.extend(line.captions)
        return tuple(found)

    @property
    def passing_lines(self) -> tuple[str, ...]:
        return tuple(block.text for block in self.header_blocks if isinstance(block, Passing))

    @property
    def page_markers(self) -> tuple[PageMarker, ...]:
        found = [line for line in self.lead if isinstance(line, PageMarker)]
        for block in self.blocks:
            found.extend(line for line in block.tail if isinstance(line, PageMarker))
        return tuple(found)

    # --- facts: what the cable says, in canonical form (cablemodel.facts, docs/facts.md).
    # The facts layer reads the model, so it is imported when a fact is asked for: the
    # one import from the model upwards, allowed by the layers contract.
    @property
    def references(self) -> tuple[Reference, ...]:
        """Every reference of every REF block, in document order."""
        from .. import facts

        return facts.references(self)

    @property
    def canonical_id(self) -> str:
        """The cable's own id, a malformed one corrected (``reference_id`` as published)."""
        from .. import facts

        return facts.canonical_id(self)

    @property
    def classifier(self) -> Classifier | None:
        """The classifying officer of the first Classified By block."""
        from .. import facts

        return facts.classifier(self)

    @property
    def signers(self) -> tuple[str, ...]:
        """The names of the signature, joint signers apart."""
        from .. import facts

        return facts.signers(self)

    @property
    def summary(self) -> str | None:
        """The text between the SUMMARY markers."""
        from .. import facts

        return facts.summary(self)

    @property
    def comment(self) -> str | None:
        """The first COMMENT outside the summary."""
        from .. import facts

        return facts.comment(self)

    @property
    def sender(self) -> Addressee | None:
        """The FM addressee."""
        from .. import facts

        return facts.sender(self)

    @property
    def recipients(self) -> tuple[Addressee, ...]:
        """The TO addressees."""
        from .. import facts

        return facts.recipients(self)

    @property
    def info_recipients(self) -> tuple[Addressee, ...]:
        """The INFO addressees."""
        from .. import facts

        return facts.info_recipients(self)

    @property
    def tag_entries(self) -> tuple[Tag, ...]:
        """The TAGS entries, normalised and with their kinds (``tags``: as published)."""
        from .. import facts

        return facts.tag_entries(self)

    def header_lines(self) -> Iterator[LooseLine]:
        """The loose lines of the header area."""
        yield from self.lead
        for block in self.header_blocks:
            yield from block.tail
