"""Gzip-compressed bytes (a saved ``page.html.gz``, a crawler's stored body) are read like the
bytes they hold, within a size bound."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsparse
from newsparse.errors import ParseError
from newsparse.readers.decode import decode_source, gunzip

PAGE = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Talks in Moscow | Example News</title>"
    "</head><body><article><h1>Talks in Moscow</h1>"
    "<p>Turkish President Recep Tayyip Erdogan met Vladimir Putin in Moscow on Thursday, March 5,"
    " 2020, to discuss the fighting in Idlib.</p>"
    "<p>“We hope for a ceasefire,” Erdogan told reporters after the talks, which lasted six hours.</p>"
    "</article></body></html>"
).encode()


def test_a_gzipped_page_reads_like_the_page() -> None:
    pytest.importorskip("trafilatura")
    plain = newsparse.parse(PAGE)
    zipped = newsparse.parse(gzip.compress(PAGE))
    assert zipped.text == plain.text
    assert zipped.title == plain.title
    assert zipped.to_dict()["extractions"] == plain.to_dict()["extractions"]


def test_gzipped_plain_text_in_a_legacy_encoding_is_decoded() -> None:
    text = "Café owners in Zürich said 12 people were hurt."
    assert decode_source(gzip.compress(text.encode("cp1252"))) == text


def test_every_member_of_a_concatenated_gzip_is_read() -> None:
    assert (
        gunzip(gzip.compress(b"first part, ") + gzip.compress(b"second part")) == b"first part, second part"
    )


def test_truncated_gzip_is_a_parse_error() -> None:
    data = gzip.compress(b"Some article text. " * 200)
    with pytest.raises(ParseError, match="truncated"):
        newsparse.parse(data[: len(data) // 2])


def test_corrupt_gzip_is_a_parse_error() -> None:
    data = bytearray(gzip.compress(b"Some article text. " * 200))
    data[20:40] = b"\xff" * 20
    with pytest.raises(ParseError, match="does not decompress"):
        newsparse.parse(bytes(data))


def test_a_gzip_bomb_stops_at_the_bound() -> None:
    bomb = gzip.compress(b"a" * 5_000_000)  # ~5 KB that inflate to 5 MB
    with pytest.raises(ParseError, match="decompresses to over 1,000 bytes"):
        gunzip(bomb, max_bytes=1000)
    # The pipeline's bound follows its max_chars.
    with pytest.raises(ParseError, match="over"):
        newsparse.Pipeline(max_chars=10_000).parse(bomb)


def test_the_command_line_reads_a_gzipped_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(b"Erdogan met Putin in Moscow on Thursday.\n"))
    result = subprocess.run(
        [sys.executable, "-m", "newsparse", "parse", str(path), "--format", "plain", "--extractors", "dates"],
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["text"] == "Erdogan met Putin in Moscow on Thursday.\n"
