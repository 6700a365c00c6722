"""What the published distributions say and hold: the licence, the project's links, the
lowest dependency versions, an sdist that carries everything its tests read, and a README
whose links work where PyPI shows it."""

from __future__ import annotations

import re
import subprocess
import sys
import tarfile
from email.parser import Parser
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, before Python 3.11
    import tomli as tomllib

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))

from lowest_requirements import lowest_pins  # noqa: E402


@pytest.fixture(scope="module")
def sdist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("sdist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--sdist", "--outdir", str(out), str(ROOT)],
        capture_output=True, text=True, check=False,
    )
    if built.returncode != 0:
        pytest.fail(f"building the sdist failed:\n{built.stderr}")
    (found,) = out.glob("cablemodel-*.tar.gz")
    return found


def _members(sdist: Path) -> set[str]:
    with tarfile.open(sdist) as archive:
        return {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}


def _metadata(sdist: Path) -> tuple[dict[str, list[str]], str]:
    with tarfile.open(sdist) as archive:
        member = next(name for name in archive.getnames() if name.endswith("/PKG-INFO"))
        stream = archive.extractfile(member)
        assert stream is not None
        message = Parser().parsestr(stream.read().decode("utf-8"))
    fields: dict[str, list[str]] = {}
    for key, value in message.items():
        fields.setdefault(key, []).append(value)
    return fields, str(message.get_payload())


@pytest.mark.slow
def test_the_sdist_carries_what_its_tests_read(sdist: Path) -> None:
    members = _members(sdist)
    tested = {str(path.relative_to(ROOT)) for path in (ROOT / "tests").rglob("*")
              if path.is_file() and "__pycache__" not in path.parts}

    assert tested <= members
    assert {"LICENSE", ".pre-commit-hooks.yaml", "mkdocs.yml", "grammar/cable.lark",
            "docs/format.md", "docs/json.md", "docs/rules/CM301.md",
            "tools/generate_rule_docs.py", "tools/generate_schema.py",
            "tools/generate_parser_tables.py", "tools/lowest_requirements.py"} <= members


@pytest.mark.slow
def test_the_metadata_names_licence_links_and_authors(sdist: Path) -> None:
    fields, readme = _metadata(sdist)

    assert fields["License-Expression"] == ["MIT"]
    assert fields["License-File"] == ["LICENSE"]
    assert fields["Author"] == ["The cablemodel authors"]
    assert {url.split(",")[0] for url in fields["Project-URL"]} == {
        "Homepage", "Documentation", "Repository", "Issues", "Changelog"
    }
    assert "Requires-Dist" in fields
    assert "cattrs>=24.1" in fields["Requires-Dist"]
    assert "Programming Language :: Python :: 3.10" in fields["Classifier"]
    assert readme.startswith("# cablemodel")


def test_the_licence_is_mit() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Permission is hereby granted, free of charge" in text


def test_the_readme_links_are_absolute() -> None:
    # PyPI shows the README away from the repository: a relative link is a dead link there.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = re.findall(r"\]\(([^)]+)\)", readme)
    assert targets
    assert [target for target in targets if not target.startswith("https://")] == []


def test_the_lowest_pins_are_the_declared_minimums() -> None:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        dependencies = tomllib.load(stream)["project"]["dependencies"]

    assert lowest_pins(dependencies) == [
        "attrs==23.1", "cattrs==24.1", "lark==1.2.1", "tomli==1.1; python_version < '3.11'",
    ]
    with pytest.raises(ValueError, match="names no lowest version"):
        lowest_pins(["attrs"])
