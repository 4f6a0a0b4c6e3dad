"""The command line: JSON on stdout, one-line errors with a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsparse.cli import main
from tests.conftest import SEED_NAME, SEEDS

SEED = SEEDS / f"{SEED_NAME}.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_prints_the_article_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(SEED))
    assert code == 0
    assert err == ""
    data = json.loads(out)
    assert data["title"] == "Idlib crisis: The high stakes for Turkey and Russia"
    assert data["authors"] == ["Roman Goncharenko"]
    assert data["published"] == "2020-03-05"
    for key in (
        "section",
        "url",
        "lede",
        "text",
        "paragraphs",
        "images",
        "related",
        "extractions",
        "summaries",
    ):
        assert key in data
    assert out.count("\n") == 1  # compact: one line


def test_pretty_format_and_published_options(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Talks resumed on Monday.", encoding="utf-8")
    code, out, _ = run(
        capsys, "parse", str(path), "--format", "plain", "--published", "2021-06-01", "--pretty"
    )
    assert code == 0
    data = json.loads(out)
    assert data["published"] == "2021-06-01"
    assert data["text"] == "Talks resumed on Monday."
    assert out.startswith("{\n  ")


def test_stdin_is_read_with_a_dash(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", "-", "--format", "plain"],
        input=b"Hello from stdin.",
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    assert json.loads(result.stdout)["text"] == "Hello from stdin."


@pytest.mark.parametrize(
    ("content", "args", "message", "code"),
    [
        (b"", (), "empty input", 1),
        (b"\x00\x01\x02\x03binary\xff\xfe" * 50, (), "binary", 1),
        (b"Some text.", ("--format", "xml"), "unknown format 'xml'", 2),
        (b"Some text.", ("--published", "not a date"), "is not a date", 2),
        (b"Some text.", ("--extractors", "nonsense"), "unknown extractor", 2),
    ],
)
def test_bad_input_is_one_line_and_a_nonzero_exit(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: bytes,
    args: tuple[str, ...],
    message: str,
    code: int,
) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(content)
    status, out, err = run(capsys, "parse", str(path), *args)
    assert status == code
    assert out == ""
    assert message in err
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_missing_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = run(capsys, "parse", str(tmp_path / "missing.txt"))
    assert status == 1
    assert "No such file" in err
    assert err.count("\n") == 1


def test_plugins_lists_builtins_with_all(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "plugins", "--all")
    assert status == 0
    names = {item["name"]: item for item in json.loads(out)}
    assert names["page"]["builtin"] is True
    assert names["page"]["readers"] == ["page"]
    status, out, _ = run(capsys, "plugins")
    assert all(not item["builtin"] for item in json.loads(out))
