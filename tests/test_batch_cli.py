"""`newsparse parse --jsonl / --warc / DIR`: one output line per record, in order, errors as records."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsparse.cli import main

STORY = "Officials said on Thursday that talks between the two delegations would resume in Geneva next week."
HTML = (
    "<!DOCTYPE html><html><head><title>Talks | Planet</title></head><body><article>"
    "<h1>Talks to resume in Geneva</h1>"
    f"<p>{STORY} A spokesman added that a first exchange of detainees could follow within days.</p>"
    "</article></body></html>"
)


def write_jsonl(path: Path, count: int, *, broken_every: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            if broken_every and i % broken_every == broken_every - 1:
                out.write('{"id": "broken", "text": \n')
            elif i % 3 == 2:
                out.write(json.dumps({"id": str(i), "html": HTML, "url": f"https://example.org/{i}"}) + "\n")
            else:
                out.write(
                    json.dumps({"id": str(i), "text": f"{STORY} ({i})", "published": "2020-03-05"}) + "\n"
                )
    return path


def read_lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_gives_one_line_per_record_in_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workers: str
) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 40, broken_every=9)
    out = tmp_path / "out.jsonl"
    code = main(
        ["parse", "--jsonl", str(source), "--workers", workers, "--output", str(out), "--extractors", ""]
    )
    assert code == 0
    lines = read_lines(out)
    assert len(lines) == 40
    for i, line in enumerate(lines):
        if i % 9 == 8:
            assert line["error"].startswith("invalid JSON")
            assert line["where"] == f"in.jsonl line {i + 1}"
        else:
            assert line["id"] == str(i)
            assert "text" in line
    assert lines[2]["reader"] == "html"
    assert lines[2]["title"] == "Talks to resume in Geneva"
    assert lines[0]["published"] == "2020-03-05"


def test_jsonl_from_stdin_to_stdout(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 5)
    done = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", "--jsonl", "-", "--extractors", ""],
        input=source.read_bytes(),
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = [json.loads(line) for line in done.stdout.decode().splitlines()]
    assert [line["id"] for line in lines] == ["0", "1", "2", "3", "4"]


def test_directory_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "a.html").write_text(HTML, encoding="utf-8")
    (folder / "b.txt").write_text(STORY, encoding="utf-8")
    (folder / "c.txt").write_bytes(b"\x00\x01\x02")
    code = main(["parse", str(folder), "--extractors", ""])
    out, _ = capsys.readouterr()
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["a.html", "b.txt", "c.txt"]
    assert lines[0]["title"] == "Talks to resume in Geneva"
    assert "binary" in lines[2]["error"]


def test_warc_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("warcio")
    from tests.readers.test_records import write_warc

    path = write_warc(tmp_path / "crawl.warc.gz")
    code = main(["parse", "--warc", str(path), "--extractors", ""])
    out, _ = capsys.readouterr()
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["url"] for line in lines] == ["https://example.org/a", "https://example.org/ru"]


def test_progress_goes_to_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 3)
    code = main(
        ["parse", "--jsonl", str(source), "--progress", "-o", str(tmp_path / "o.jsonl"), "--extractors", ""]
    )
    out, err = capsys.readouterr()
    assert code == 0
    assert out == ""
    assert "3 records (0 errors)" in err


def test_batch_usage_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = write_jsonl(tmp_path / "in.jsonl", 2)
    assert main(["parse", "--jsonl", str(source), "--published", "2020-01-01"]) == 2
    assert main(["parse", "--jsonl", str(source), "--warc", str(source)]) == 2
    assert main(["parse"]) == 2
    assert main(["parse", "--jsonl", str(tmp_path / "missing.jsonl")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 4
    assert "Traceback" not in err


def test_ctrl_c_stops_cleanly_and_keeps_complete_lines(tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "big.jsonl", 200_000)
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "newsparse",
            "parse",
            "--jsonl",
            str(source),
            "--workers",
            "2",
            "-o",
            str(out),
        ],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and (not out.exists() or out.stat().st_size < 200_000):
            time.sleep(0.1)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr.decode()
    assert b"interrupted" in stderr
    assert b"Traceback" not in stderr
    lines = read_lines(out)  # every line is complete JSON
    assert 0 < len(lines) < 200_000
    assert [line["id"] for line in lines] == [str(i) for i in range(len(lines))]
