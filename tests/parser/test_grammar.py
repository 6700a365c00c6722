"""The grammar: LALR without conflicts (strict), shipped copy in sync, one pass."""

from __future__ import annotations

import hashlib
import json

import lark
import pytest
from lark import Lark, Tree

from cablemodel import _parser
from cablemodel._parser import build, engine, engine_tables
from cablemodel._parser.transformer import ToModel
from tests.helpers import DATA, ROOT, read_text

CANONICAL = ROOT / "grammar" / "cable.lark"
SHIPPED = ROOT / "src" / "cablemodel" / "grammar" / "cable.lark"


def test_shipped_grammar_is_the_canonical_one() -> None:
    """src/cablemodel/grammar/cable.lark must be a byte copy of grammar/cable.lark."""
    assert SHIPPED.read_bytes() == CANONICAL.read_bytes(), (
        "grammar/cable.lark changed: copy it to src/cablemodel/grammar/cable.lark"
    )


def test_package_loads_the_shipped_grammar() -> None:
    assert _parser.grammar_text() == CANONICAL.read_text(encoding="utf-8")


def test_strict_build_has_no_conflicts_or_collisions() -> None:
    """strict=True raises on shift/reduce conflicts and on colliding terminals."""
    pytest.importorskip("interegular")
    parser = _parser.build_parser(strict=True)

    assert isinstance(parser, Lark)
    assert parser.options.parser == "lalr"
    assert parser.options.lexer == "contextual"


def test_tree_parser_and_model_parser_agree(seed_text: str) -> None:
    # the grammar reads texts that end with a line end; parse() supplies a missing one
    tree = _parser.build_parser().parse(seed_text + "\n")
    body = tree.children[1]
    assert isinstance(body, Tree)
    kinds = [child.data for child in body.children if isinstance(child, Tree)]

    assert kinds.count("paragraph") == 7
    assert kinds[0] == "notice"
    assert kinds[-1] == "signature"


def test_every_rule_is_documented() -> None:
    """docs/format.md names every rule of the grammar (its table is the reference)."""
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    parser = _parser.build_parser()
    rules = {str(rule.origin.name) for rule in parser.rules}
    rules |= {rule.alias for rule in parser.rules if rule.alias}
    public = {
        name
        for name in rules
        if not name.startswith(("_", "__")) and name not in {"start", "telegram"}
    }
    missing = sorted(
        name
        for name in public
        if f"`{name}`" not in doc and f"`{name}," not in doc and f" {name}`" not in doc
    )

    assert missing == []


def test_shipped_tables_are_those_of_the_grammar() -> None:
    shipped = (ROOT / "src" / "cablemodel" / "grammar" / _parser.TABLES_FILE).read_text(
        encoding="utf-8"
    )
    recorded = json.loads(shipped)

    assert recorded["grammar_sha256"] == hashlib.sha256(
        (ROOT / "grammar" / "cable.lark").read_bytes()
    ).hexdigest()
    if recorded["lark_version"].split(".")[:2] == lark.__version__.split(".")[:2]:
        # the same Lark: regenerating gives the committed text byte for byte
        assert shipped == _parser.parser_tables_text()
        assert build._shipped_tables() is not None
    else:
        # another Lark: the tables are not used, the parser is built from the grammar
        assert build._shipped_tables() is None


def test_shipped_engine_tables_are_those_of_the_grammar() -> None:
    """Lark's analysis of the grammar, as the engine reads it, is what the installed Lark
    makes of the grammar now: after an edit of the grammar or an upgrade of Lark that
    changes the analysis, run `make grammar`. (The Lark version that wrote the file is
    recorded but not compared: Lark 1.2 and 1.3 make the same tables.)"""
    shipped = json.loads(
        (ROOT / "src" / "cablemodel" / "grammar" / engine.ENGINE_TABLES_FILE).read_text(
            encoding="utf-8"
        )
    )
    made = engine_tables.engine_tables(build.build_parser(), _parser.grammar_text())

    assert shipped["grammar_sha256"] == made["grammar_sha256"]
    assert {**shipped, "lark_version": None} == {**made, "lark_version": None}
    assert _parser.shared_engine() is not None


def test_engine_tables_that_do_not_fit_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(engine, "grammar_digest", lambda: "0" * 64)
        assert engine.load(ToModel()) is None
    with monkeypatch.context() as patch:
        patch.setattr(engine, "ENGINE_FORMAT", engine.ENGINE_FORMAT + 1)
        assert engine.load(ToModel()) is None


def test_without_engine_tables_lark_parses(
    monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    expected = _parser.parse_text(seed_text)
    monkeypatch.setattr(_parser, "shared_engine", lambda: None)

    assert _parser.parse_text(seed_text) == expected


def test_parser_from_tables_reads_like_parser_from_grammar() -> None:
    tables = build._shipped_tables()
    if tables is None:
        pytest.skip("the installed Lark is not the minor version the tables were made with")
    loaded = Lark._load_from_dict(  # type: ignore[no-untyped-call]
        tables["data"], tables["memo"], transformer=ToModel()
    )
    built = Lark(_parser.grammar_text(), transformer=ToModel(), **build._options(False))
    texts = [read_text(path) for path in sorted(DATA.glob("*.txt"))]

    assert len(texts) >= 13
    for text in texts:
        text = text if text.endswith("\n") else text + "\n"
        assert loaded.parse(text) == built.parse(text)


def test_tables_that_do_not_fit_are_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    if build._shipped_tables() is None:
        pytest.skip("the installed Lark is not the minor version the tables were made with")
    with monkeypatch.context() as patch:
        patch.setattr(build, "_grammar_digest", lambda: "0" * 64)
        assert build._shipped_tables() is None
    with monkeypatch.context() as patch:
        patch.setattr(lark, "__version__", "9.0.0")
        assert build._shipped_tables() is None


def test_tables_lark_cannot_read_give_way_to_the_grammar(
    monkeypatch: pytest.MonkeyPatch, seed_text: str
) -> None:
    monkeypatch.setattr(build, "_shipped_tables", lambda: {"data": {}, "memo": {}})
    parser = build.shared_parser.__wrapped__()

    assert parser.source_path != "<deserialized>"  # built from the grammar text
    assert parser.parse(seed_text + "\n") == build.shared_parser().parse(seed_text + "\n")
