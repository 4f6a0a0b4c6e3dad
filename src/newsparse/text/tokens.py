"""Words and punctuation with exact offsets: the units the name and tense rules look at.

A token is a word (letters, digits, inner hyphens and apostrophes: "al-Assad", "O'Brien",
"Jean-Claude"), a dotted abbreviation ("U.S.", "a.m."), a possessive ending ("'s"), a number ("1,200",
"3.5") or any other single non-space character. The possessive is its own token so that
"Erdogan's" yields the name "Erdogan". One compiled pattern, no backtracking between
alternatives, linear in the length of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["Token", "tokenize", "tokens_of"]

# The standard library's `re` is used here rather than `regex`: tokenising is the one pass over
# every character of every article, and `re` is faster at it. Every alternative starts with a
# different kind of character and no quantified group can match in two ways, so matching is
# linear without possessive quantifiers. `[^\W\d_]` is "a letter".
_TOKEN = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                                 # U.S., U.N., a.m.
    | [^\W\d_]\w*(?:(?:[-‐]|['’](?![sS]\b))\w+)*      # words: al-Assad, O'Brien, Jean-Claude
    | ['’][sS]\b                                       # possessive 's
    | \d+(?:[.,:]\d+)*                                 # numbers: 1,200 3.5 10:30
    | \S                                               # anything else, one character
    """,
    re.VERBOSE,
)


# building tuples is several times cheaper.
class Token(NamedTuple):
    """A word or punctuation mark of the text."""

    start: int
    """Offset of the first character."""

    end: int
    """Offset one past the last character."""

    text: str
    """The characters, as written."""

    @property
    def is_word(self) -> bool:
        """True for words and abbreviations (a letter first)."""
        return self.text[0].isalpha()

    @property
    def is_capitalised(self) -> bool:
        """True when the word starts with a capital letter."""
        return self.text[0].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """The tokens of ``text[start:end]``, with offsets into `text`."""
    for match in _TOKEN.finditer(text, start, len(text) if end is None else end):
        yield Token(match.start(), match.end(), match.group())


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """`tokenize` as a list."""
    stop = len(text) if end is None else end
    make = tuple.__new__  # skips the NamedTuple constructor's argument handling
    return [make(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text, start, stop)]
