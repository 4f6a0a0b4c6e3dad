"""Sentence boundaries on news-shaped sentences written for these tests."""

from __future__ import annotations

import pytest

from newsparse.text.sentences import split_sentences


def _split(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '"(I hope) there will be a truce soon," he told reporters. More than 50 soldiers died.',
            ['"(I hope) there will be a truce soon," he told reporters.', "More than 50 soldiers died."],
        ),
        ('"Stop!" he shouted. Nobody did.', ['"Stop!" he shouted.', "Nobody did."]),
        (
            '"Why now?" Smith asked. The room fell silent.',
            ['"Why now?" Smith asked.', "The room fell silent."],
        ),
        ("Mr. Smith met Gen. Jones and Sen. Lee.", ["Mr. Smith met Gen. Jones and Sen. Lee."]),
        (
            "The photo is by A. Zemlianichenko. It ran on page one.",
            ["The photo is by A. Zemlianichenko.", "It ran on page one."],
        ),
        ("He visited the U.S. Capitol on Monday.", ["He visited the U.S. Capitol on Monday."]),
        (
            "He lives in the U.S. The rest of his family does not.",
            ["He lives in the U.S.", "The rest of his family does not."],
        ),
        ("The attacks of Sept. 11 changed everything.", ["The attacks of Sept. 11 changed everything."]),
        ("Plessy v. Ferguson was overturned.", ["Plessy v. Ferguson was overturned."]),
        ("Apple Inc. The company said sales rose.", ["Apple Inc.", "The company said sales rose."]),
        (
            "She was born in Selma, Ala. But she grew up elsewhere.",
            ["She was born in Selma, Ala.", "But she grew up elsewhere."],
        ),
        ("It was 9 a.m. Friday in Kabul.", ["It was 9 a.m. Friday in Kabul."]),
        (
            'He said: "We will fight. We will win." Then he left.',
            ['He said: "We will fight.', 'We will win."', "Then he left."],
        ),
        ("Wait... Really? Yes!", ["Wait...", "Really?", "Yes!"]),
        ('"This is a disgrace." ― Jane Doe', ['"This is a disgrace." ― Jane Doe']),
        (
            "Stop lying\nShow humility\nand tell the truth.",
            ["Stop lying", "Show humility\nand tell the truth."],
        ),
    ],
)
def test_boundaries(text: str, expected: list[str]) -> None:
    assert _split(text) == expected


def test_offsets_are_exact_and_blocks_are_respected() -> None:
    text = "Title line\n\nFirst sentence. Second one.\n\nThird."
    spans = split_sentences(text, [(0, 10), (12, 39), (41, 47)])
    assert [text[s:e] for s, e in spans] == ["Title line", "First sentence.", "Second one.", "Third."]
