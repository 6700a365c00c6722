"""Cable.summary and Cable.comment: the text between the markers, on real paragraphs."""

from __future__ import annotations

import pytest

from .snippets import changed, snippet

# reference id -> (length, first 50 characters, last 40 characters) of the summary
SUMMARIES: dict[str, tuple[int, str, str] | None] = {
    # Summary: … End Summary. — the portion marking and the markers stripped
    "09BRASILIA1401": (
        296, "The GOB's outlook on Afghanistan is pessimistic, a",
        'nistan\'s "civil reconstruction process."',
    ),
    # End / summary. split over two lines
    "02ANKARA8852": (
        544, "As Turkey's strongest politician Tayyip Erdogan is",
        "ession talks from the Copenhagen summit.",
    ),
    # SUMMARY AND ACTION REQUEST: … END SUMMARY
    "09SANJOSE257": (
        551, "The Costa Rican MFA issued a press release on Marc",
        " view and other P5 views. Please advise.",
    ),
    # Summary and Comment. … End Summary and Comment.
    "05SANAA1589": (
        781, "On June 8 the ROYG announced Dubai Ports Internati",
        "rests to tank Yemen's economicprospects.",
    ),
    "05PARIS3759": None,
}


@pytest.mark.parametrize("reference_id", sorted(SUMMARIES))
def test_summary(reference_id: str) -> None:
    summary = snippet(reference_id).summary
    expected = SUMMARIES[reference_id]
    assert (None if summary is None else (len(summary), summary[:50], summary[-40:])) == expected


def test_comment() -> None:
    # 9. (S) Comment and Action Request: … End Comment.
    comment = snippet("04BOGOTA2313").comment
    assert comment is not None
    assert comment.startswith("We are concerned by Osorio,s reluctance to empower a vetted ")
    assert comment.endswith("topic during the visit of DAAG Warren this week.")
    # a summary and comment in one is the summary
    assert snippet("05SANAA1589").comment is None



@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("(U) Summary:", "(U) Summary/Comment:"),  # the forms
        ("End Summary.", "End Summary/Comment"),
        ("End Summary.", "END\nSUMMARY."),
        ("End Summary.", "End Summary "),  # a blank after the marker (06TOKYO3567)
    ],
)
def test_summary_of_quoted_markers(old: str, new: str) -> None:
    summary = changed("09BRASILIA1401", old, new).summary
    assert summary is not None
    assert summary.startswith("The GOB's outlook on Afghanistan is pessimistic")
    assert summary.endswith('participate in Afghanistan\'s "civil reconstruction process."')


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("(U) Summary:", "(U)"),  # an end marker alone: the summary runs from paragraph 1
        ("End Summary.", ""),  # a begin marker alone: it runs to the next paragraph
    ],
)
def test_summary_with_one_marker(old: str, new: str) -> None:
    summary = changed("09BRASILIA1401", old, new).summary
    assert summary is not None
    assert (len(summary), summary[:50], summary[-40:]) == SUMMARIES["09BRASILIA1401"]


def test_summary_between_two_begin_markers_is_empty() -> None:
    # the second SUMMARY closes the first at once: nothing between them
    assert changed("09BRASILIA1401", "(U) Summary:", "(U) Summary: Summary:").summary is None
