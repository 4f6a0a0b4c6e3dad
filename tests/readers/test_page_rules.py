"""The page reader's cheap pre-tests must never change what its patterns find."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsparse.readers import page_rules as rules

# Pieces of the patterns' words and marks, so that generated lines often come close to a match.
_PIECES = st.sampled_from(
    [
        "We use cookies", "cookie policy", "© 2020", "(c) ", "Copyright 2019", "All rights reserved",
        "Trust Principles", "Sign up for our daily newsletter", "click here to read", "This article was amended",
        "Tags:", "Related topics :", "Image: Reuters/A. Zemlianichenko", "Photo:", "(AP Photo/Jane Doe)",
        "[Jane Doe/Reuters]", ". REUTERS/Samir Haddad/File Photo", "said", "the", ".", ",", ":", "(", ")",
        "[", "]", "/", " ", "  ", "Erdogan", "COOKIE", "İ", "ſ", "K",
    ]
)  # fmt: skip
_LINES = st.lists(_PIECES | st.text(max_size=6), max_size=12).map("".join)


def _span(match: object) -> tuple[int, int] | None:
    return None if match is None else match.span()  # type: ignore[attr-defined]


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_the_boilerplate_phrase_pre_test_agrees_with_the_pattern(line: str) -> None:
    assert rules.has_boilerplate_phrase(line) == (rules.BOILERPLATE_PHRASE.search(line) is not None)


@settings(max_examples=400, deadline=None)
@given(_LINES)
def test_the_trailing_credit_pre_test_agrees_with_the_pattern(line: str) -> None:
    assert _span(rules.trailing_credit(line)) == _span(rules.TRAILING_CREDIT.search(line))


@pytest.mark.parametrize(
    ("line", "phrase", "credit"),
    [
        ("We use cookies to improve your experience.", True, False),
        ("Copyright 2020 The Example Times", True, False),
        ("The talks in Moscow ended without an agreement.", False, False),
        ("Turkish soldiers near Idlib. Image: Reuters/A. Zemlianichenko", False, True),
        ("Erdogan and Putin met in 2018 (AP Photo/Jane Doe)", False, True),
    ],
)
def test_examples_of_each(line: str, phrase: bool, credit: bool) -> None:
    assert rules.has_boilerplate_phrase(line) is phrase
    assert (rules.trailing_credit(line) is not None) is credit
