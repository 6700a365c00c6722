"""Cable.sender, recipients and info_recipients on real routing headers."""

from __future__ import annotations

from cablemodel.facts import Addressee, addressees
from cablemodel.model import Span

from .snippets import snippet

Row = tuple[str, str | None, str | None, int | None]


def names(addressees: tuple[Addressee, ...]) -> list[Row]:
    return [(a.name, a.routing_indicator, a.precedence, a.sequence) for a in addressees]


def test_addressees_with_routing_indicators() -> None:
    cable = snippet("09BRASILIA1401")
    # the sender's routing indicator comes from the DE line (DE RUEHBR #1401/01 …)
    assert cable.sender == Addressee("AMEMBASSY BRASILIA", "RUEHBR", "AMEMBASSY BRASILIA")
    assert cable.sender.span == Span(20, 1, 20, 22)
    (to,) = cable.recipients
    assert to == Addressee("SECSTATE WASHDC", "RUEHC", "DEPT OF STATE WASHINGTON DC", None, 5)
    assert to.span == Span(21, 1, 21, 30)
    assert names(cable.info_recipients) == [
        ("AMEMBASSY BRASILIA", "RUEHBR", None, None),
        ("AMEMBASSY KABUL", "RUEHBUL", None, 1),
        ("AMEMBASSY ISLAMABAD", "RUEHIL", None, 1),
        ("AMCONSUL RECIFE", "RUEHRG", None, 3),
        ("AMCONSUL RIO DE JANEIRO", "RUEHRI", None, None),
        ("AMCONSUL SAO PAULO", "RUEHSO", None, None),
    ]
    # the INFO block's first line: its own span, not the block's
    assert cable.info_recipients[0].span == Span(22, 1, 22, 31)
    assert [a.routing_name for a in cable.info_recipients[:2]] == [
        "AMEMBASSY BRASILIA", "AMEMBASSY KABUL",
    ]


def test_addressees_gives_every_role_in_order_from_one_walk() -> None:
    cable = snippet("09BRASILIA1401")
    roles = [(kind.value, addressee.name) for kind, addressee in addressees(cable)]
    assert roles == [
        ("FM", "AMEMBASSY BRASILIA"),
        ("TO", "SECSTATE WASHDC"),
        ("INFO", "AMEMBASSY BRASILIA"),
        ("INFO", "AMEMBASSY KABUL"),
        ("INFO", "AMEMBASSY ISLAMABAD"),
        ("INFO", "AMCONSUL RECIFE"),
        ("INFO", "AMCONSUL RIO DE JANEIRO"),
        ("INFO", "AMCONSUL SAO PAULO"),
    ]
    # the same addressees, spans included, as the three properties give them
    assert [a for _, a in addressees(cable)] == [
        cable.sender, *cable.recipients, *cable.info_recipients
    ]
    assert [a.span for _, a in addressees(cable)][:2] == [Span(20, 1, 20, 22), Span(21, 1, 21, 30)]


def test_precedence_and_sequence() -> None:
    cable = snippet("08STOCKHOLM704")
    assert names(cable.recipients) == [("SECSTATE WASHDC", "RUEHC", "IMMEDIATE", 3821)]
    assert names(cable.info_recipients) == [("AMEMBASSY LJUBLJANA", "RUEHLJ", "IMMEDIATE", 199)]


def test_lines_without_a_routing_indicator_are_addressees() -> None:
    cable = snippet("09QUITO57")
    assert cable.sender == Addressee("AMEMBASSY QUITO")
    assert names(cable.recipients) == [("SECSTATE WASHDC", None, "IMMEDIATE", 9914)]
    info = names(cable.info_recipients)
    assert len(info) == 18
    assert info[:2] == [
        ("AMEMBASSY BOGOTA", None, None, None), ("AMEMBASSY BRASILIA", None, None, None),
    ]
    assert info[-1] == ("DIRJIATF SOUTH J2", None, None, None)


def test_a_page_header_is_no_addressee() -> None:
    # TO PAGE 02        STATE   015113  182333Z, then the real TO lines; the INFO line of
    # the receiving office's distribution before the FM line is no addressee either
    cable = snippet("09STATE15113")
    assert cable.sender == Addressee("SECSTATE WASHDC")
    assert names(cable.recipients) == [
        ("ALL DIPLOMATIC POSTS COLLECTIVE", None, "PRIORITY", None),
        ("AMEMBASSY TRIPOLI", None, "PRIORITY", None),
    ]
    assert cable.info_recipients == ()
