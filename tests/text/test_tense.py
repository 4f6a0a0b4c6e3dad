"""Tense cues per clause, for the dates extractor's weekday resolution."""

from __future__ import annotations

import pytest

from newsparse.text import Document
from newsparse.text.tense import tense_of


@pytest.mark.parametrize(
    ("clause", "tense"),
    [
        ("Erdogan meets Putin on Thursday", "present"),
        ("Erdogan is meeting Putin on Thursday", "present"),
        ("Erdogan will meet Putin on Thursday", "future"),
        ("the summit is set to take place on Friday", "future"),
        ("the minister plans to travel on Monday", "future"),
        ("Erdogan met Putin on Thursday", "past"),
        ("more than 50 Turkish soldiers have been killed", "past"),
        ("the talks were held on Tuesday", "past"),
        ("Putin and Erdogan could first negotiate a truce", "conditional"),
        ("the expert says", "present"),
        ("Russian expert", "unknown"),
    ],
)
def test_tense_of(clause: str, tense: str) -> None:
    assert tense_of(clause) == tense


def test_tense_at_reads_the_clause_around_the_offset() -> None:
    text = (
        "Erdogan, who met Putin last year, will travel to Moscow on Thursday, his office said. "
        "On Friday, the two leaders will sign a deal. "
        "A spokesman on Wednesday told reporters that talks had stalled."
    )
    document = Document(text)

    def at(word: str) -> str:
        return document.tense_at(text.index(word))

    assert at("last year") == "past"
    assert at("Thursday") == "future"
    assert at("Friday") == "future"
    assert at("Wednesday") == "past"
    assert document.tense_at(len(text) + 5) == "unknown"
    assert [document.sentence_tense(s) for s in document.sentences] == ["past", "future", "past"]
