"""Cable.classifier and Cable.signers on real Classified By lines and signature blocks."""

from __future__ import annotations

import pytest

from cablemodel.facts import ClassificationReason, Classifier

from .snippets import snippet

B_D = (ClassificationReason("1.4", ("b", "d")),)

CLASSIFIERS: dict[str, Classifier | None] = {
    # title words before the name move to the title
    "05PARIS3759": Classifier("ROBERT W. DRY", "EST COUNSELOR", None, B_D),
    "04BRASILIA776": Classifier(  # POLOFF; "FOR 1.5B AND D" without the word reasons
        "RICHARD REITER", "POLOFF", None, (ClassificationReason("1.5", ("b", "d")),)
    ),
    # name, title and office apart at commas and semicolons
    "06PARTO9": Classifier(
        "Arnold Chacon",
        "Deputy Executive Secretary",
        "S/ES",
        (ClassificationReason("1.4", ("d",)),),
    ),
    "06DUBLIN1020": Classifier("James C. Kenny", "Ambassador", None, B_D),
    # the older form inside paragraph 1 (CDA); after a portion marking; over two lines
    "01VATICAN5960": Classifier(
        "JIM NICHOLSON", "AMBASSADOR", None, (ClassificationReason("1.5", ("a",)),)
    ),
    "08STATE100219": Classifier("Daniel Fried", "EUR A/S", None, B_D),
    "09STATE129362": Classifier(
        "Philip H. Gordon", "EUR A/S", None, (ClassificationReason("1.4", ("d",)),)
    ),
    "97WELLINGTON1656": Classifier(
        "JOSIAH H. BEEMAN", "AMBASSADOR", None, (ClassificationReason("1.5", ("b", "d")),)
    ),
    "02ANKARA8852": Classifier(  # (U) Classified by …; reasons: 1.5 (b,d)
        "W.R. Pearson", "Ambassador", None, (ClassificationReason("1.5", ("b", "d")),)
    ),
    # a continuation line with FOR REASON is no passing line; the label repeated with the
    # level (CLASSIFIED CONFIDENTIAL BY) is no part of the officer
    "08CARACAS420": Classifier(
        "ROBERT RICHARD DOWNES", "ACTING DCM", None, (ClassificationReason("1.4", ("d",)),)
    ),
    # "FOR REAS" / "ONS 1.4 B/D": the word cut over two lines
    "05PARIS1699": Classifier("JOSIAH ROSENBLATT", "POLITICAL MINISTER-COUNSELOR", None, B_D),
    # on the REF line, on the SUBJECT line
    "04BRASILIA1503": Classifier("Daniel Rubinstein", "SCI/C", None, B_D),
    "08LONDON1841": Classifier("RICHARD MILLS", "POLITICAL COUNSELOR", None, B_D),
    # no name: the role alone, or no officer at all
    "08LONDON1972": Classifier(None, "Political Counselor"),
    "08STATE116943": Classifier(None, None, "Derived from Multiple Sources"),
    "09STATE15113": None,
}


@pytest.mark.parametrize("reference_id", sorted(CLASSIFIERS))
def test_classifier(reference_id: str) -> None:
    assert snippet(reference_id).classifier == CLASSIFIERS[reference_id]


def test_classifier_of_the_older_form_inside_paragraph_1() -> None:
    import cablemodel
    from tests.helpers import HTML, read_text

    # 01VATICAN3507: 1. (U) CLASSIFIED BY CDA JOSEPH MERANTE FOR REASONS 1.5 (B) AND (D).
    cable = cablemodel.parse(read_text(HTML / "01VATICAN3507.txt"))
    assert cable.classifier == Classifier(
        "JOSEPH MERANTE", "CDA", None, (ClassificationReason("1.5", ("b", "d")),)
    )


SIGNERS: dict[str, tuple[str, ...]] = {
    "05PARIS3759": ("WOLFF",),
    "04CAIRO8456": ("WELCH",),  # NNNN after the name
    "08STATE43817": ("Rice",),  # Nnnn
    "04BOGOTA2313": ("WOOD",),  # =====CABLE ENDS=====
    "79TEHRAN8980": ("LAINGEN",),  # CONFIDENTIAL after the name
    "73TEHRAN7005": ("HELMS",),  # the declassification note, then NNN
    "09MONTREAL80": ("FAUX-GABLE", "MCCLENNY"),  # two signers on one line
    "06PARTO9": ("RICE",),
    "09STATE15113": (),  # a snippet without its end: no signature
}


@pytest.mark.parametrize("reference_id", sorted(SIGNERS))
def test_signers(reference_id: str) -> None:
    assert snippet(reference_id).signers == SIGNERS[reference_id]


@pytest.mark.parametrize(
    ("end", "expected"),
    [
        ("BURNS/BRYS", ("BURNS", "BRYS")),  # 06DUBAI5421's joint signers
        ("WOLFF\nSIPDIS", ("WOLFF",)),
        ("WOLFF\n\nUNCLASSIFIED", ("WOLFF",)),
        ("WOLFF\nNNNN", ("WOLFF",)),
        ("CONFIDENTIAL", ()),  # a classification word is never a signer
        ("NNNN", ()),
    ],
)
def test_signers_of_quoted_endings(end: str, expected: tuple[str, ...]) -> None:
    from .snippets import changed

    assert changed("05PARIS3759", "\nWOLFF", "\n" + end).signers == expected
