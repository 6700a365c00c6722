"""Settings of `cablemodel check` (selection, per-file ignores, severity) and the baseline."""

from __future__ import annotations

from pathlib import Path

import pytest

from cablemodel.check.baseline import Baseline, entry_for, read_baseline, write_baseline
from cablemodel.check.settings import ConfigError, Layer, Settings, load_settings
from cablemodel.rules import Finding, Severity

KNOWN = ("CM001", "CM101", "CM102", "CM201", "CM202", "CM301")


def finding(code: str, severity: Severity = Severity.WARNING, message: str = "m") -> Finding:
    return Finding(code, "name", severity, message, 3, 2, 3, 5, "$")


def enabled(*layers: Layer) -> list[str]:
    settings = Settings(layers=layers)
    return [code for code in KNOWN if settings.enabled(code)]


def test_selection_layers_and_specificity() -> None:
    assert enabled() == list(KNOWN)
    assert enabled(Layer(select=("CM2",))) == ["CM001", "CM201", "CM202"]
    assert enabled(Layer(select=("CM2",), ignore=("CM201",))) == ["CM001", "CM202"]
    # The most specific selector wins; on a tie, ignore wins.
    assert enabled(Layer(select=("CM201",), ignore=("CM2",))) == ["CM001", "CM201"]
    assert enabled(Layer(extend_select=("CM1",), ignore=("CM1",))) == [
        "CM001", "CM201", "CM202", "CM301"
    ]
    # The command line (second layer) overrides the file.
    file_layer = Layer(ignore=("CM1",))
    assert enabled(file_layer, Layer(extend_select=("CM101",))) == [
        "CM001", "CM101", "CM201", "CM202", "CM301"
    ]
    assert enabled(file_layer, Layer(select=("ALL",))) == list(KNOWN)
    # CM001 is always reported: a cable that does not parse was not checked.
    assert enabled(Layer(select=("CM3",), ignore=("ALL",))) == ["CM001"]


def test_per_file_ignores_and_severity(tmp_path: Path) -> None:
    settings = Settings(
        per_file_ignores=(("legacy/*.txt", ("CM2",)), ("08X.txt", ("CM101",))),
        severity=((0, "CM", Severity.INFO), (0, "CM2", Severity.ERROR)),
        root=tmp_path,
    )
    found = [finding("CM101"), finding("CM201"), finding("CM001", Severity.ERROR)]
    assert [(f.code, f.severity) for f in settings.apply("legacy/a/08X.txt", found)] == [
        ("CM001", Severity.ERROR)
    ]
    assert [(f.code, f.severity) for f in settings.apply(str(tmp_path / "new.txt"), found)] == [
        ("CM101", Severity.INFO), ("CM201", Severity.ERROR), ("CM001", Severity.ERROR)
    ]
    # Patterns match the path relative to the configuration's folder too.
    assert settings.ignored_in(str(tmp_path / "legacy" / "b.txt"), "CM202")


def test_load_settings_from_pyproject_and_flags(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(
        '[tool.cablemodel]\nselect = ["CM1"]\nextend-select = ["CM301"]\nignore = ["CM102"]\n'
        'severity = { CM101 = "error" }\n[tool.cablemodel.per-file-ignores]\n"a/*" = ["CM3"]\n',
        encoding="utf-8",
    )
    settings = load_settings(
        str(pyproject), cli=Layer(ignore=("CM301",)), cli_severity=["CM1=info"], known_codes=KNOWN
    )
    assert [code for code in KNOWN if settings.enabled(code)] == ["CM001", "CM101"]
    assert settings.per_file_ignores == (("a/*", ("CM3",)),)
    # The flag comes after the file, so it wins for CM101.
    assert settings.severity_of(finding("CM101")) is Severity.INFO
    assert settings.source == str(pyproject)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('select = "CM1"', "select must be a list of rule codes"),
        ('ignore = ["F401"]', "'F401' is not a rule code or prefix (like CM201 or CM2)"),
        ('ignore = ["CM999"]', "unknown rule code CM999"),
        ('severity = { CM101 = "fatal" }', "severity 'fatal' is not one of error, warning, info"),
        ("select = [", "Invalid value (at end of document)"),
    ],
)
def test_bad_configuration(tmp_path: Path, toml: str, message: str) -> None:
    config = tmp_path / "cablemodel.toml"
    config.write_text(toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="^" + str(config).replace("\\", "\\\\") + ": "):
        load_settings(str(config), cli=Layer(), known_codes=KNOWN)
    with pytest.raises(ConfigError) as caught:
        load_settings(str(config), cli=Layer(), known_codes=KNOWN)
    assert message in str(caught.value)


def test_bad_severity_flag() -> None:
    expected = r"^--severity 'CM101': expected CODE=error\|warning\|info$"
    with pytest.raises(ConfigError, match=expected):
        load_settings(None, cli=Layer(), cli_severity=["CM101"], known_codes=KNOWN)


def test_baseline_matches_by_content_not_line_and_counts_duplicates(tmp_path: Path) -> None:
    first = finding("CM201", message="DECL before origin")
    moved = Finding("CM201", "name", Severity.WARNING, "DECL before origin", 9, 2, 9, 5, "$")
    entry = entry_for("a.txt", first, "E.O. 12958: DECL: 01/01/2005")
    path = tmp_path / "baseline.json"
    write_baseline(str(path), [entry])
    baseline = read_baseline(str(path))
    assert baseline.take(entry_for("a.txt", moved, "  E.O. 12958: DECL: 01/01/2005 "))
    assert not baseline.take(entry_for("a.txt", moved, "E.O. 12958: DECL: 01/01/2005"))
    assert baseline.unused(["a.txt"]) == []


def test_unused_baseline_entries_only_for_checked_files() -> None:
    a = entry_for("a.txt", finding("CM101"), "x")
    b = entry_for("b.txt", finding("CM101"), "x")
    baseline = Baseline([a, a, b])
    assert baseline.take(a)
    assert baseline.unused(["a.txt"]) == [a]
    assert baseline.unused(["a.txt", "b.txt"]) == [a, b]
