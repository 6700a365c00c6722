"""The installed ``cablemodel`` console script, run in a subprocess."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest

import cablemodel
from cablemodel.errors import CableSyntaxError
from cablemodel.rules import RULES, Finding, validate
from tests.helpers import SCRIPT, SEED, read_text, run, run_unprivileged

BROKEN_DATE = ("2005-05-31 15:15:00", "2005-05-31 15:15:0x")
SEED_TEXT = read_text(SEED)
BROKEN_TEXT = SEED_TEXT.replace(*BROKEN_DATE)


def seed_findings() -> tuple[Finding, ...]:
    return validate(cablemodel.parse(SEED_TEXT))


def broken_error() -> CableSyntaxError:
    with pytest.raises(CableSyntaxError) as caught:
        cablemodel.parse(BROKEN_TEXT)
    return caught.value


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """cables/05PARIS3759.txt (the seed) and cables/broken.txt (line 6 does not parse)."""
    cables = tmp_path / "cables"
    cables.mkdir()
    shutil.copyfile(SEED, cables / "05PARIS3759.txt")
    (cables / "broken.txt").write_bytes(BROKEN_TEXT.encode("utf-8"))
    (cables / "notes.md").write_text("not a cable\n", encoding="utf-8")
    return tmp_path


def concise(path: str, finding: Finding) -> str:
    return (f"{path}:{finding.line}:{finding.column}: {finding.code} "
            f"[{finding.severity.value}] {finding.message}")


def expected_summary(files: int, findings: list[Finding], failed: int) -> str:
    counts = Counter(finding.severity.value for finding in findings)
    parts = [f"{counts[level]} {level}" + ("" if counts[level] == 1 else "s")
             for level in ("error", "warning", "info") if counts[level]]
    failed_text = f"{failed} file" + ("" if failed == 1 else "s")
    return f"Checked {files} files: {', '.join(parts)}; {failed_text} failed."


def workspace_findings() -> list[tuple[str, Finding]]:
    from cablemodel.batch import unparseable_finding

    return [("cables/05PARIS3759.txt", finding) for finding in seed_findings()] + [
        ("cables/broken.txt", unparseable_finding(broken_error()))
    ]


def seed_code() -> str:
    findings = seed_findings()
    assert findings, "the seed cable should give at least one finding to test with"
    return findings[0].code


# ------------------------------------------------------------------ help and usage


def test_help_documents_the_exit_codes(tmp_path: Path) -> None:
    for args in (("--help",), ("check", "--help")):
        result = run(*args, cwd=tmp_path)
        assert result.returncode == 0
        assert "exit codes:\n  0  no error finding" in result.stdout
        assert "  2  usage error, missing or unreadable path" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run(cwd=tmp_path).returncode == 2
    unknown = run("check", "--no-such-option", "x.txt", cwd=tmp_path)
    assert unknown.returncode == 2
    assert "unrecognized arguments: --no-such-option" in unknown.stderr


def test_missing_path_exits_2_with_one_line(workspace: Path) -> None:
    result = run("check", "cables", "nope.txt", cwd=workspace)
    assert result.returncode == 2
    assert result.stderr == "cablemodel: error: no such file or directory: nope.txt\n"
    assert result.stdout == ""


def test_version_through_python_m(tmp_path: Path) -> None:
    result = run("-m", "cablemodel", "--version", cwd=tmp_path, script=sys.executable)
    assert result.returncode == 0
    assert result.stdout == f"cablemodel {cablemodel_version()}\n"


def cablemodel_version() -> str:
    from importlib.metadata import version

    return version("cablemodel")


# ------------------------------------------------------------------------- formats


def test_full_format_quotes_the_line_with_a_caret(workspace: Path) -> None:
    error = broken_error()
    result = run("check", "cables", cwd=workspace)
    assert result.returncode == 1
    heading = f"cables/broken.txt:{error.line}:{error.column}: CM001 [error] {error.reason}"
    gutter = " " * len(str(error.line))
    assert (
        f"{heading}\n {error.line} | {error.source_line}\n"
        f" {gutter} | {' ' * (error.column - 1)}^\n\n"
    ) in result.stdout
    findings = [finding for _, finding in workspace_findings()]
    assert result.stdout.endswith(expected_summary(2, findings, 1) + "\n")
    assert result.stderr == ""


def test_concise_format_and_statistics(workspace: Path) -> None:
    result = run("check", "cables", "--output-format", "concise", "--statistics", cwd=workspace)
    assert result.returncode == 1
    # the counts only, as ruff prints them: no finding is listed
    per_rule = Counter(finding.code for _, finding in workspace_findings())
    lines = result.stdout.splitlines()
    assert lines[:-1] == [
        f"{count:6d}  {code}  {RULES[code].name if code in RULES else 'unparseable-cable'}"
        for code, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))
    ]
    assert lines[-1].startswith("Checked 2 files: ")


def test_json_format_keeps_stdout_pure(workspace: Path) -> None:
    result = run("check", "cables", "--output-format", "json", cwd=workspace)
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert len(items) == len(workspace_findings())
    error = broken_error()
    assert items[-1] == {
        "path": "cables/broken.txt", "code": "CM001", "name": "unparseable-cable",
        "severity": "error", "message": error.reason, "line": error.line,
        "column": error.column, "end_line": error.line, "end_column": error.column + 1,
        "model_path": "$",
    }
    findings = [finding for _, finding in workspace_findings()]
    assert result.stderr == expected_summary(2, findings, 1) + "\n"


def test_json_lines_format(workspace: Path) -> None:
    result = run("check", "cables", "--output-format", "json-lines", cwd=workspace)
    assert result.returncode == 1
    items = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(item["path"], item["code"], item["line"], item["column"]) for item in items] == [
        (path, finding.code, finding.line, finding.column)
        for path, finding in workspace_findings()
    ]


def test_github_format_is_automatic_escaped_and_summarised(workspace: Path) -> None:
    odd = workspace / "cables" / "odd%name,v1:2.txt"
    odd.write_text("Identifier\n", encoding="utf-8")
    summary = workspace / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    result = run("check", "cables", cwd=workspace, env=env)
    assert result.returncode == 1
    error = broken_error()
    assert (
        f"::error file=cables/broken.txt,line={error.line},endLine={error.line},"
        f"col={error.column},endColumn={error.column + 1},title=CM001 unparseable-cable::"
        f"{error.reason.replace('%', '%25')}\n"
    ) in result.stdout
    assert "::error file=cables/odd%25name%2Cv1%3A2.txt,line=" in result.stdout
    # The whole report follows in a log group: annotations beyond ten are dropped.
    assert "::group::cablemodel: all findings\n" in result.stdout
    assert f"cables/broken.txt:{error.line}:{error.column}: CM001 [error]" in result.stdout
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("## cablemodel check\n\n| where | code | severity | message |")
    assert f"| cables/broken.txt:{error.line}:{error.column} | CM001 | error |" in table


def test_sarif_format_has_the_required_fields(workspace: Path) -> None:
    result = run("check", "cables", "--output-format", "sarif", cwd=workspace)
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document["version"] == "2.1.0"
    assert document["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    (sarif_run,) = document["runs"]
    driver = sarif_run["tool"]["driver"]
    assert driver["name"] == "cablemodel"
    rules = {rule["id"]: rule for rule in driver["rules"]}
    from cablemodel.rules import UNPARSEABLE
    from cablemodel.rules.explain import explain

    assert driver["informationUri"] == "https://cablemodel.github.io/cablemodel/"
    assert rules["CM001"] == {
        "id": "CM001", "name": "unparseable-cable",
        "shortDescription": {
            "text": "The text does not parse as a cable (line and column of the first error)."
        },
        "fullDescription": {"text": UNPARSEABLE.checks},
        "help": {"text": UNPARSEABLE.fix, "markdown": explain(UNPARSEABLE)},
        "helpUri": "https://cablemodel.github.io/cablemodel/rules/CM001/",
        "defaultConfiguration": {"level": "error"},
    }
    assert rules["CM301"]["help"]["markdown"].startswith("# CM301 declassify-before-created\n")
    assert len(sarif_run["results"]) == len(workspace_findings())
    for sarif_result in sarif_run["results"]:
        assert sarif_result["ruleId"] in rules
        assert sarif_result["message"]["text"]
        assert sarif_result["level"] in ("error", "warning", "note")
        region = sarif_result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
        assert region["startColumn"] >= 1
    error = broken_error()
    last = sarif_run["results"][-1]["locations"][0]["physicalLocation"]
    assert last == {
        "artifactLocation": {"uri": "cables/broken.txt"},
        "region": {"startLine": error.line, "startColumn": error.column,
                   "endLine": error.line, "endColumn": error.column + 1},
    }


def test_junit_format_has_one_test_case_per_file(workspace: Path) -> None:
    result = run("check", "cables", "--output-format", "junit", cwd=workspace)
    assert result.returncode == 1
    root = ElementTree.fromstring(result.stdout)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("2", "1")
    cases = root.findall("./testsuite/testcase")
    assert [case.get("name") for case in cases] == ["cables/05PARIS3759.txt", "cables/broken.txt"]
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == "1 finding"
    error = broken_error()
    assert failure.text == concise("cables/broken.txt", workspace_findings()[-1][1]) + "\n"
    assert error.reason in (failure.text or "")


def test_output_file(workspace: Path) -> None:
    result = run("check", "cables", "-o", "report.json", "--output-format", "json", cwd=workspace)
    assert result.returncode == 1
    assert result.stdout == ""
    assert len(json.loads((workspace / "report.json").read_text("utf-8"))) == len(
        workspace_findings()
    )


# -------------------------------------------------------------------- exit codes


def test_exit_codes_for_warnings_strict_and_exit_zero(workspace: Path) -> None:
    code = seed_code()
    seed = "cables/05PARIS3759.txt"
    clean = run("check", seed, "--select", "CM001", cwd=workspace)
    assert (clean.returncode, clean.stdout) == (0, "Checked 1 file: no findings.\n")
    as_warning = ("check", seed, "--select", code, "--severity", f"{code}=warning")
    assert run(*as_warning, cwd=workspace).returncode == 0
    assert run(*as_warning, "--strict", cwd=workspace).returncode == 1
    assert run("check", "cables", "--exit-zero", cwd=workspace).returncode == 0


def test_internal_failure_is_one_line_unless_verbose(workspace: Path) -> None:
    # The step summary is a directory: writing it fails inside the command.
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(workspace)}
    quiet = run("check", "cables/broken.txt", cwd=workspace, env=env)
    assert quiet.returncode == 2
    assert quiet.stderr == (
        f"cablemodel: error: internal error: IsADirectoryError: [Errno 21] Is a directory: "
        f"'{workspace}' (run with --verbose for the traceback)\n"
    )
    verbose = run("check", "cables/broken.txt", "--verbose", cwd=workspace, env=env)
    assert verbose.returncode == 2
    assert verbose.stderr.startswith("Traceback (most recent call last):\n")


def test_unparseable_and_non_utf8_cables_are_cm001(workspace: Path) -> None:
    (workspace / "cables" / "latin1.txt").write_bytes(b"Identifier\n05PARIS\xff1\n")
    result = run("check", "cables/latin1.txt", "--output-format", "concise", cwd=workspace)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        "cables/latin1.txt:2:8: CM001 [error] byte 0xff is not UTF-8"
    )


def test_stdin(workspace: Path) -> None:
    error = broken_error()
    data = BROKEN_TEXT.encode("utf-8")
    plain = run("check", "-", "--output-format", "concise", cwd=workspace, stdin=data)
    assert plain.returncode == 1
    assert plain.stdout.splitlines()[0] == (
        f"-:{error.line}:{error.column}: CM001 [error] {error.reason}"
    )
    named = run("check", "-", "--stdin-filename", "cables/x.txt", "--output-format", "concise",
                cwd=workspace, stdin=data)
    assert named.stdout.startswith(f"cables/x.txt:{error.line}:")


# ----------------------------------------------------------------- configuration


def test_pyproject_configuration_found_upward(workspace: Path) -> None:
    code = seed_code()
    (workspace / "pyproject.toml").write_text(
        f'[tool.cablemodel]\nignore = ["{code}"]\n', encoding="utf-8"
    )
    result = run("check", ".", "--output-format", "json", cwd=workspace / "cables")
    codes = {item["code"] for item in json.loads(result.stdout)}
    assert code not in codes
    assert "CM001" in codes
    # A command-line selection overrides the file's ignore.
    again = run("check", ".", "--output-format", "json", "--select", code, cwd=workspace / "cables")
    assert {item["code"] for item in json.loads(again.stdout)} == {code, "CM001"}


def test_config_file_per_file_ignores_and_severity(workspace: Path) -> None:
    code = seed_code()
    config = workspace / "cablemodel.toml"
    config.write_text(
        f'select = ["{code}"]\nseverity = {{ "{code}" = "error" }}\n'
        '[per-file-ignores]\n"cables/broken*" = ["CM"]\n',
        encoding="utf-8",
    )
    seed = "cables/05PARIS3759.txt"
    result = run("check", seed, "--config", str(config), "--output-format", "json",
                 cwd=workspace)
    assert result.returncode == 1
    items = json.loads(result.stdout)
    assert {(item["code"], item["severity"]) for item in items} == {(code, "error")}
    config.write_text(f'[per-file-ignores]\n"cables/05*.txt" = ["{code[:3]}"]\n', "utf-8")
    ignored = run("check", seed, "--config", str(config), "--output-format", "json",
                  cwd=workspace)
    assert code not in {item["code"] for item in json.loads(ignored.stdout)}


def test_bad_configuration_exits_2(workspace: Path) -> None:
    (workspace / "pyproject.toml").write_text('[tool.cablemodel]\nselct = ["CM1"]\n', "utf-8")
    result = run("check", "cables", cwd=workspace)
    assert result.returncode == 2
    assert result.stderr == (
        f"cablemodel: error: {workspace / 'pyproject.toml'}: unknown key 'selct' in "
        "[tool.cablemodel] (known: select, extend-select, ignore, per-file-ignores, severity)\n"
    )
    bad_code = run("check", "cables", "--config", "pyproject.toml", "--ignore", "CM999",
                   cwd=workspace)
    assert bad_code.returncode == 2


# ---------------------------------------------------------------------- baseline


def test_baseline_reports_only_new_findings_and_flags_stale_entries(workspace: Path) -> None:
    # Only CM001, so that fixing broken.txt (a copy of the seed) adds no other finding.
    written = run("check", "cables", "--select", "CM001", "--write-baseline", "baseline.json",
                  cwd=workspace)
    assert written.returncode == 0
    assert written.stderr == "Wrote 1 finding of 2 files to baseline.json.\n"
    entries = json.loads((workspace / "baseline.json").read_text("utf-8"))
    assert entries["version"] == 1
    assert len(entries["findings"]) == 1

    quiet = run("check", "cables", "--select", "CM001", "--baseline", "baseline.json",
                cwd=workspace)
    assert (quiet.returncode, quiet.stdout) == (
        0, "Checked 2 files: no findings. 1 finding in the baseline not shown.\n"
    )

    # broken.txt is fixed; another broken cable appears.
    shutil.copyfile(SEED, workspace / "cables" / "broken.txt")
    (workspace / "cables" / "new.txt").write_bytes(BROKEN_TEXT.encode("utf-8"))
    changed = run("check", "cables", "--select", "CM001", "--baseline", "baseline.json",
                  "--output-format", "concise", cwd=workspace)
    assert changed.returncode == 1
    lines = changed.stdout.splitlines()
    assert lines[0].startswith("cables/new.txt:")
    assert re.fullmatch(
        r"cables/broken\.txt: baseline entry CM001 \([0-9a-f]{16}\) no longer occurs",
        lines[-2],
    )
    assert lines[-1] == (
        "1 stale baseline entry; run with --write-baseline to refresh baseline.json."
    )


# -------------------------------------------------------------------- --jobs


def test_jobs_keep_the_order_of_paths(tmp_path: Path) -> None:
    from cablemodel.batch import SERIAL_THRESHOLD

    folder = tmp_path / "many"
    folder.mkdir()
    for index in range(SERIAL_THRESHOLD + 6):
        text = BROKEN_TEXT if index % 7 == 3 else "Identifier\n"
        (folder / f"{index:03d}.txt").write_text(text, encoding="utf-8")
    args = ("check", "many", "--output-format", "concise", "--select", "CM001")
    serial = run(*args, "--jobs", "1", cwd=tmp_path)
    pooled = run(*args, "--jobs", "2", cwd=tmp_path)
    assert pooled.stdout == serial.stdout
    paths = [line.split(":")[0] for line in pooled.stdout.splitlines()[:-1]]
    assert paths == sorted(paths)
    assert len(paths) == SERIAL_THRESHOLD + 6
    assert pooled.stdout.splitlines()[-1].startswith(f"Checked {SERIAL_THRESHOLD + 6} files: ")


# ------------------------------------------------- parse, render, schema, rules


def test_parse_render_round_trip(workspace: Path) -> None:
    from cablemodel import to_json

    one = run("parse", "cables/05PARIS3759.txt", cwd=workspace)
    assert one.returncode == 0
    assert json.loads(one.stdout) == json.loads(to_json(cablemodel.parse(SEED_TEXT)))
    (workspace / "seed.json").write_text(one.stdout, encoding="utf-8")
    rendered = subprocess.run(
        [SCRIPT, "render", "seed.json"], cwd=workspace, capture_output=True, check=False
    )
    assert rendered.returncode == 0
    assert rendered.stdout == SEED.read_bytes()


def test_parse_many_gives_json_lines(workspace: Path) -> None:
    shutil.copyfile(SEED, workspace / "cables" / "copy.txt")
    result = run("parse", "cables/05PARIS3759.txt", "cables/copy.txt", "-o", "out.jsonl",
                 cwd=workspace)
    assert result.returncode == 0
    lines = (workspace / "out.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [record["source"] for record in records] == ["cables/05PARIS3759.txt", "cables/copy.txt"]
    assert records[0]["cable"] == records[1]["cable"]


def test_parse_of_an_unparseable_cable_exits_1(workspace: Path) -> None:
    error = broken_error()
    result = run("parse", "cables/broken.txt", cwd=workspace)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"cables/broken.txt:{error.line}:{error.column}: CM001 [error] {error.reason}\n"
    )


def test_render_of_a_bad_document_exits_1(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text('{"publisher": 1}', encoding="utf-8")
    result = run("render", "bad.json", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("cablemodel: bad.json: ")


def test_schema(tmp_path: Path) -> None:
    from cablemodel import json_schema

    result = run("schema", cwd=tmp_path)
    assert result.returncode == 0
    assert json.loads(result.stdout) == json_schema()


def test_rules_lists_every_rule(tmp_path: Path) -> None:
    from cablemodel.rules import RULES, _families  # noqa: F401  (importing registers the rules)

    text = run("rules", cwd=tmp_path)
    assert text.returncode == 0
    assert re.match(r"CM001  unparseable-cable +error +The text does not parse", text.stdout)
    listed = json.loads(run("rules", "--output-format", "json", cwd=tmp_path).stdout)
    codes = [item["code"] for item in listed]
    assert codes == sorted({"CM001", *RULES})
    by_code = {item["code"]: item for item in listed}
    for code, registered in RULES.items():
        assert by_code[code] == {
            "code": code, "name": registered.name,
            "severity": registered.severity.value, "summary": registered.summary,
            "url": f"https://cablemodel.github.io/cablemodel/rules/{code}/",
        }


# ---------------------------------------------------------------------- corpus


@pytest.mark.corpus
def test_the_corpus_ends_with_a_summary_and_the_right_exit_code(
    corpus: Path, tmp_path: Path
) -> None:
    result = run("check", str(corpus), "--output-format", "json", cwd=tmp_path)
    items = json.loads(result.stdout)
    counts = Counter(item["severity"] for item in items)
    failed = len({item["path"] for item in items if item["severity"] == "error"})
    files = len(list(corpus.rglob("*.txt")))
    parts = ", ".join(f"{counts[level]} {level}" + ("" if counts[level] == 1 else "s")
                      for level in ("error", "warning", "info") if counts[level])
    expected = (
        f"Checked {files} files: {parts}; {failed} file" + ("" if failed == 1 else "s") + " failed."
        if items else f"Checked {files} files: no findings."
    )
    assert result.stderr == expected + "\n"
    assert result.returncode == (1 if counts["error"] else 0)


@pytest.mark.parametrize("input_format", ["text", "auto", "html", "csv"])
def test_an_unreadable_folder_is_an_error_in_every_input_format(
    public_tmp_path: Path, input_format: str
) -> None:
    cables = public_tmp_path / "cables"
    (cables / "private").mkdir(parents=True)
    shutil.copyfile(SEED, cables / "05PARIS3759.txt")
    (cables / "private").chmod(0o000)
    cables.chmod(0o755)

    for command in ("check", "parse"):
        result = run_unprivileged(
            command, "--input-format", input_format, "cables", cwd=public_tmp_path
        )
        assert result.returncode == 2, result.stderr
        assert result.stdout == ""
        assert result.stderr == (
            "cablemodel: error: cables/private: cannot read the folder (Permission denied)\n"
        )


def test_parse_of_a_folder_reports_a_bad_file_and_goes_on(workspace: Path) -> None:
    (workspace / "cables" / "latin.txt").write_bytes("Identifier\nÉté".encode("latin-1"))
    result = run("parse", "cables", cwd=workspace)

    assert result.returncode == 1
    (line,) = result.stdout.splitlines()  # the seed; the other two are not cables
    record = json.loads(line)
    assert record["source"] == "cables/05PARIS3759.txt"
    assert cablemodel.from_dict(record["cable"]) == cablemodel.parse(SEED_TEXT)
    assert result.stderr.splitlines() == [
        "cables/broken.txt:6:17: CM001 [error] unexpected ':0x': expected line end",
        "cables/latin.txt:2:1: CM001 [error] byte 0xc9 is not UTF-8",
    ]
