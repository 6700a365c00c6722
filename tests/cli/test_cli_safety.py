"""Hostile and careless input at the command line: nothing of it acts on a terminal or a
CI log, file names survive every format, every failure is one line and its exit status."""

from __future__ import annotations

import functools
import json
import os
import resource
import shutil
import signal
import subprocess
import time
import urllib.parse
from pathlib import Path
from xml.etree import ElementTree

import pytest

from tests.helpers import HTML, SCRIPT, SEED, read_text, run

SEED_TEXT = read_text(SEED)
# line 6 of the seed is its Created value: a carriage return and a workflow command after it
INJECTED = SEED_TEXT.replace(
    "2005-05-31 15:15:00", "2005-05-31 15:15:00\r::error file=a.yml,line=1::pwned\x1b[2J\x07"
)
# a file name that is not UTF-8 and holds an escape character
ODD_NAME = b"\xff\x1bodd.txt"


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    cables = tmp_path / "cables"
    cables.mkdir()
    (cables / "injected.txt").write_text(INJECTED, encoding="utf-8", newline="")
    shutil.copyfile(SEED, cables / "::notice::x.txt")
    shutil.copyfile(SEED, os.path.join(os.fsencode(cables), ODD_NAME))
    return tmp_path


def our_commands(stdout: str) -> list[str]:
    """The workflow commands in the output: lines GitHub reads as ``::command``."""
    return [line.split("::")[1].split(" ")[0] for line in stdout.splitlines() if line[:2] == "::"]


def test_the_github_format_issues_no_command_from_the_input(hostile: Path) -> None:
    result = run("check", "cables", cwd=hostile, env={"GITHUB_ACTIONS": "true"})

    assert result.returncode == 1
    commands = our_commands(result.stdout)
    assert "pwned" not in "".join(line for line in result.stdout.splitlines() if line[:2] == "::"
                                  and not line.startswith("::error file=cables/injected.txt"))
    assert set(commands) <= {"error", "warning", "notice", "group", "stop-commands", "endgroup"} | {
        commands[commands.index("stop-commands") + 1]
    }
    # the listing is fenced: between stop-commands and its token no line is a command
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("::stop-commands::"))
    token = lines[start].removeprefix("::stop-commands::")
    end = lines.index(f"::{token}::")
    assert len(token) == 32
    assert end > start + 1
    listing = lines[start + 1 : end]
    assert (
        "cables/injected.txt:6:20: CM001 [error] unexpected '\\r::error file=a.yml,line=1::p…': "
        "expected line end"
    ) in listing
    assert " 6 | 2005-05-31 15:15:00\\x0d::error file=a.yml,line=1::pwned\\x1b[2J\\x07" in listing
    assert "\x1b" not in result.stdout
    assert "\r" not in result.stdout
    # the file named like a command is an annotation property, escaped
    assert "::notice file=cables/%3A%3Anotice%3A%3Ax.txt,line=16," in result.stdout


def test_full_and_concise_formats_show_control_characters(hostile: Path) -> None:
    for output_format in ("full", "concise"):
        result = run("check", "--output-format", output_format, "cables", cwd=hostile)
        assert result.returncode == 1
        assert not any(ch in result.stdout + result.stderr for ch in "\x1b\x07\r")
        assert "cables/\\xff\\x1bodd.txt:16:25: CM204 [info]" in result.stdout


@pytest.mark.parametrize("output_format", ["json", "json-lines", "sarif", "junit"])
def test_file_names_are_valid_and_exact_in_every_document_format(
    hostile: Path, output_format: str
) -> None:
    result = run("check", "--output-format", output_format, "-o", "report", "cables",
                 cwd=hostile)
    assert result.returncode == 1, result.stderr
    data = (hostile / "report").read_bytes()
    text = data.decode("utf-8")  # valid UTF-8 whatever the names
    odd = os.fsencode(hostile / "cables")[len(os.fsencode(hostile)) + 1 :] + b"/" + ODD_NAME
    if output_format == "json":
        paths = {os.fsencode(item["path"]) for item in json.loads(text)}
    elif output_format == "json-lines":
        paths = {os.fsencode(json.loads(line)["path"]) for line in text.splitlines()}
    elif output_format == "sarif":
        results = json.loads(text)["runs"][0]["results"]
        uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
        assert all(uri == urllib.parse.quote(urllib.parse.unquote(uri, errors="surrogateescape"),
                                             safe="/", errors="surrogateescape") for uri in uris)
        paths = {urllib.parse.unquote_to_bytes(uri) for uri in uris}
    else:
        suite = ElementTree.fromstring(data).find("testsuite")
        assert suite is not None
        names = [case.get("name") or "" for case in suite.iter("testcase")]
        assert "cables/\\xff\\x1bodd.txt" in names
        paths = {_unescape_xml_name(name) for name in names}
    assert odd in paths
    assert b"cables/::notice::x.txt" in paths


def _unescape_xml_name(name: str) -> bytes:
    """The inverse of cablemodel.check.escape.xml_text, as a consumer would write it."""
    out = bytearray()
    index = 0
    while index < len(name):
        if name.startswith("\\\\", index):
            out += b"\\"
            index += 2
        elif name.startswith("\\x", index):
            out.append(int(name[index + 2 : index + 4], 16))
            index += 4
        else:
            out += name[index].encode("utf-8")
            index += 1
    return bytes(out)


def test_parse_writes_a_file_named_in_no_encoding(hostile: Path) -> None:
    odd = os.path.join(os.fsencode(hostile / "cables"), ODD_NAME)
    result = run("parse", os.fsdecode(odd), "-o", "seed.json", cwd=hostile)

    assert result.returncode == 0, result.stderr
    assert json.loads((hostile / "seed.json").read_text(encoding="utf-8"))["publisher"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_interrupt_ends_with_130_and_one_line(tmp_path: Path, jobs: str) -> None:
    # cables of many lines keep the parser (and the workers) busy for a while
    long_cable = SEED_TEXT + "\n" + ("prose line\n" * 20_000)
    for number in range(100):
        (tmp_path / f"{number:03d}.txt").write_text(long_cable, encoding="utf-8")
    process = subprocess.Popen(
        [SCRIPT, "check", "--jobs", jobs, "."],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )
    time.sleep(1.5)
    os.killpg(process.pid, signal.SIGINT)  # as Ctrl-C does: to every process of the group
    stdout, stderr = process.communicate(timeout=120)

    assert process.returncode == 130
    assert stderr == b"cablemodel: interrupted\n"  # no traceback, from no process
    assert b"Checked" not in stdout


def test_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    cables = tmp_path / "cables"
    cables.mkdir()
    for number in range(300):
        shutil.copyfile(SEED, cables / f"{number:03d}.txt")
    process = subprocess.Popen(
        [SCRIPT, "check", "--output-format", "concise", "--jobs", "1", "cables"],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    first = process.stdout.readline()
    process.stdout.close()  # the reader goes away, as `| head -1` does
    stderr = process.stderr.read()
    process.stderr.close()
    process.wait(timeout=60)

    assert first.startswith(b"cables/000.txt:16:25: CM204")
    assert process.returncode == 141
    assert stderr == b""


@pytest.mark.parametrize(
    ("files", "arguments", "message"),
    [
        (
            {"pyproject.toml": "[tool]\ncablemodel = 5\n"},
            ["check", "cables"],
            "{tmp}/pyproject.toml: [tool.cablemodel] must be a table of settings, not a int",
        ),
        (
            {"pyproject.toml": '[tool]\ncablemodel = "abc"\n'},
            ["check", "cables"],
            "{tmp}/pyproject.toml: [tool.cablemodel] must be a table of settings, not a str",
        ),
        (
            {"conf.toml": b"select = ['CM1'] # \xff\n"},
            ["check", "--config", "conf.toml", "cables"],
            "conf.toml: not UTF-8 (byte 19)",
        ),
        (
            {"base.json": '{"version": 1, "findings": [{"path": ["a"], "code": "CM204", '
             '"fingerprint": "x"}]}'},
            ["check", "--baseline", "base.json", "cables"],
            "base.json: findings[0] needs path, code and fingerprint, each a string",
        ),
        (
            {"base.json": "[" * 100_000 + "]" * 100_000},
            ["check", "--baseline", "base.json", "cables"],
            "base.json: the baseline is not JSON (nested too deeply)",
        ),
        (
            {"folder/keep": ""},
            ["check", "--write-baseline", "folder", "cables"],
            "folder: cannot write the baseline (Is a directory)",
        ),
        (
            {},
            ["check", "--write-baseline", "/dev/full", "cables"],
            "/dev/full: cannot write the baseline (No space left on device)",
        ),
        (
            {},
            ["check", "-o", "/dev/full", "cables"],
            "/dev/full: cannot write (No space left on device)",
        ),
        (
            {},
            ["parse", "-o", "/dev/full", "cables/05PARIS3759.txt"],
            "/dev/full: cannot write (No space left on device)",
        ),
    ],
)
def test_every_failure_is_one_line_and_exit_2(
    tmp_path: Path, files: dict[str, str | bytes], arguments: list[str], message: str
) -> None:
    (tmp_path / "cables").mkdir()
    shutil.copyfile(SEED, tmp_path / "cables" / "05PARIS3759.txt")
    for name, content in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")

    result = run(*arguments, cwd=tmp_path)

    assert result.returncode == 2
    assert result.stderr == f"cablemodel: error: {message.format(tmp=tmp_path)}\n"
    assert "internal error" not in result.stderr
    assert Path("/dev/full").is_char_device()  # written to, never replaced


def test_unreadable_pages_are_an_io_error_in_every_format(tmp_path: Path) -> None:
    (tmp_path / "gone.html").symlink_to(tmp_path / "missing.html")
    for input_format in ("auto", "html", "text"):
        result = run("check", "--input-format", input_format, "gone.html", cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr.endswith(
            "cablemodel: error: gone.html: cannot read the file (No such file or directory)\n"
        )


def test_an_output_that_is_also_an_input_is_refused_by_every_command(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "good.txt")
    for arguments in (
        ["parse", "good.txt", "-o", "good.txt"],
        ["check", "good.txt", "-o", "good.txt"],
        ["check", ".", "--write-baseline", "good.txt"],
    ):
        result = run(*arguments, cwd=tmp_path)
        assert result.returncode == 2
        assert result.stderr == (
            "cablemodel: error: good.txt: the output file is also an input; choose another\n"
        )
        assert read_text(tmp_path / "good.txt") == SEED_TEXT
    assert sorted(path.name for path in tmp_path.iterdir()) == ["good.txt"]


def test_parse_of_a_bad_file_among_good_ones_writes_the_good_ones_whole(tmp_path: Path) -> None:
    shutil.copyfile(SEED, tmp_path / "good.txt")
    (tmp_path / "bad.txt").write_text("Identifier\nx\n", encoding="utf-8")
    (tmp_path / "old.json").write_text("old\n", encoding="utf-8")

    result = run("parse", "good.txt", "bad.txt", "-o", "old.json", cwd=tmp_path)

    assert result.returncode == 1
    assert result.stderr == "bad.txt:2:1: CM001 [error] unexpected 'x': expected 'Created' label\n"
    (line,) = (tmp_path / "old.json").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["source"] == "good.txt"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.txt", "good.txt", "old.json"]


def _limited(limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


@pytest.mark.parametrize(
    ("arguments", "target", "message"),
    [
        (["check", "--output-format", "json", "-o", "report.json", "cables"], "report.json",
         "report.json: cannot write (File too large)"),
        (["check", "--write-baseline", "base.json", "cables"], "base.json",
         "base.json: cannot write the baseline (File too large)"),
        (["parse", "cables", "-o", "report.json"], "report.json",
         "report.json: cannot write (File too large)"),
    ],
)
def test_a_write_that_fails_half_way_leaves_the_old_file_intact(
    tmp_path: Path, arguments: list[str], target: str, message: str
) -> None:
    cables = tmp_path / "cables"
    cables.mkdir()
    for number in range(40):
        shutil.copyfile(SEED, cables / f"{number:02d}.txt")
    (tmp_path / target).write_text("old\n", encoding="utf-8")
    # the file size limit (as `ulimit -f` sets it) stops the write at 4 KiB, as a full disk would
    completed = subprocess.run(
        [SCRIPT, *arguments], cwd=tmp_path, capture_output=True, text=True, timeout=120,
        check=False, preexec_fn=functools.partial(_limited, 4096),
    )

    assert completed.returncode == 2
    assert completed.stderr == f"cablemodel: error: {message}\n"
    assert (tmp_path / target).read_text(encoding="utf-8") == "old\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(["cables", target])


def test_parse_of_a_page_with_a_reference_to_half_a_utf16_pair(tmp_path: Path) -> None:
    page = read_text(HTML / "09BERN351.html").replace("TAGS: ", "TAGS: &#xD800; ", 1)
    (tmp_path / "page.html").write_text(page, encoding="utf-8")

    result = run("parse", "--input-format", "html", "page.html", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    rests = [block.get("rest") for block in json.loads(result.stdout)["blocks"]]
    assert " &#xD800; PREL PHUM ETRD SZ" in rests  # the TAGS line's rest, as written
