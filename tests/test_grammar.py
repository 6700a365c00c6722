"""The grammar: LALR without conflicts (strict), shipped copy in sync, one pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from lark import Lark, Tree

from cablemodel import _parser

ROOT = Path(__file__).resolve().parents[1]
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


def test_no_earley_anywhere() -> None:
    source = (ROOT / "src" / "cablemodel" / "_parser.py").read_text(encoding="utf-8")

    assert "earley" not in source.lower()


def test_lark_is_imported_only_by_the_parser() -> None:
    offenders = [
        path.relative_to(ROOT).as_posix()
        for path in (ROOT / "src" / "cablemodel").rglob("*.py")
        if path.name != "_parser.py"
        and (
            "import lark" in path.read_text(encoding="utf-8")
            or "from lark" in path.read_text(encoding="utf-8")
        )
    ]

    assert offenders == []


def test_model_imports_neither_lark_nor_cattrs() -> None:
    source = (ROOT / "src" / "cablemodel" / "model.py").read_text(encoding="utf-8")

    assert "lark" not in source.replace("Lark", "").split('"""', 2)[2]
    assert "cattrs" not in source.split('"""', 2)[2]


def test_every_rule_is_documented() -> None:
    """docs/format.md names every rule of the grammar (its table is the reference)."""
    doc = (ROOT / "docs" / "format.md").read_text(encoding="utf-8")
    parser = _parser.build_parser()
    rules = {str(rule.origin.name) for rule in parser.rules}
    rules |= {rule.alias for rule in parser.rules if rule.alias}
    public = {
        name for name in rules if not name.startswith(("_", "__")) and name not in {"start", "body"}
    }
    missing = sorted(
        name
        for name in public
        if f"`{name}`" not in doc and f"`{name}," not in doc and f" {name}`" not in doc
    )

    assert missing == []


def test_no_parser_cache_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(_parser.CACHE_VARIABLE, raising=False)

    assert _parser._cache_file() is None


def test_parser_cache_in_a_private_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seed_text: str
) -> None:
    tmp_path.chmod(0o700)
    monkeypatch.setenv(_parser.CACHE_VARIABLE, str(tmp_path))
    name = _parser._cache_file()
    assert name is not None
    parser = Lark(_parser.grammar_text(), cache=name, **_parser._options(strict=False))
    again = Lark(_parser.grammar_text(), cache=name, **_parser._options(strict=False))

    assert Path(name).parent == tmp_path
    assert Path(name).stat().st_size > 0
    assert again.parse(seed_text) == parser.parse(seed_text)


def test_parser_cache_refuses_a_shared_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tmp_path.chmod(0o777)
    monkeypatch.setenv(_parser.CACHE_VARIABLE, str(tmp_path))

    with pytest.raises(OSError, match="must be a directory writable only by its owner"):
        _parser._cache_file()
