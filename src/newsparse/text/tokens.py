"""Words and punctuation with exact offsets: the units the name and tense rules look at.

A token is a word (letters, digits, inner hyphens and apostrophes: "al-Assad", "O'Brien",
"Jean-Claude"), a dotted abbreviation ("U.S.", "a.m."), a possessive ending ("'s"), a number ("1,200",
"3.5") or any other single non-space character. The possessive is its own token so that
"Erdogan's" yields the name "Erdogan". One compiled pattern, no backtracking between
alternatives, linear in the length of the text.

Web text carries invisible characters: a soft hyphen, a zero-width (non-)joiner or a word joiner
inside a word ("Mc\u00adCaskill", hyphenation hints) is part of the word, so that the name is not
cut in two; a zero-width space or byte-order mark between words separates them like a space
and is no token.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import accumulate, repeat
from operator import sub
from typing import NamedTuple, overload

__all__ = ["Token", "TokenSequence", "token_columns", "tokenize", "tokens_of"]

# The standard library's `re` is used here rather than `regex`: tokenising is the one pass over
# every character of every article, and `re` is faster at it. Every alternative starts with a
# different kind of character and no quantified group can match in two ways, so matching is
# linear without possessive quantifiers. `[^\W\d_]` is "a letter".
_TOKEN = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                                 # U.S., U.N., a.m.
    | [^\W\d_]\w*(?:(?:[-‐\u00ad\u200c\u200d\u2060]|['’](?![sS]\b))\w+)*  # al-Assad, O'Brien, Jean-Claude
    | ['’][sS]\b                                       # possessive 's
    | \d+(?:[.,:]\d+)*                                 # numbers: 1,200 3.5 10:30
    | \S                                               # anything else, one character
    """,
    re.VERBOSE,
)
# The same tokens with the whitespace before each: the pieces then cover the text without gaps,
# so that offsets are running sums of lengths, computed by C-level `accumulate` rather than by a
# Python call per match. `\s*` cannot backtrack into a token (no token starts with a space); the
# text is right-stripped first so that it never meets trailing whitespace with nothing after it.
_PIECE = re.compile(r"[\s\u200b\ufeff]*(?:" + _TOKEN.pattern + ")", re.VERBOSE)
# What `_PIECE` skips before a token: whitespace, zero-width spaces and byte-order marks.
_SPACES = "".join(c for c in map(chr, range(0x110000)) if c.isspace()) + "\u200b\ufeff"


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


def token_columns(
    text: str, start: int = 0, end: int | None = None
) -> tuple[list[int], list[int], list[str]]:
    """The tokens of ``text[start:end]`` as three parallel lists: starts, ends and texts.

    This is the form the name rules read; every step is one C-level pass over the matches.
    """
    stop = len(text) if end is None else min(end, len(text))
    stop = start + len(text[start:stop].rstrip(_SPACES))
    pieces = _PIECE.findall(text, start, stop)
    words = list(map(str.lstrip, pieces, repeat(_SPACES)))
    ends = list(accumulate(map(len, pieces), initial=start))
    del ends[0]
    starts = list(map(sub, ends, map(len, words)))
    return starts, ends, words


def tokens_of(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """`tokenize` as a list."""
    starts, ends, words = token_columns(text, start, end)
    # `tuple.__new__` skips the NamedTuple constructor's argument handling.
    return list(map(tuple.__new__, repeat(Token), zip(starts, ends, words, strict=True)))


class TokenSequence(Sequence[Token]):
    """The tokens of a text as a read-only sequence of `Token`, each made when it is read.

    The language layer works on the three columns of `token_columns`; this view gives them the
    `Token` shape without building a tuple for every token up front.
    """

    __slots__ = ("_ends", "_starts", "_words")

    def __init__(self, starts: list[int], ends: list[int], words: list[str]) -> None:
        self._starts, self._ends, self._words = starts, ends, words

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> Token: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Token, ...]: ...

    def __getitem__(self, index: int | slice) -> Token | tuple[Token, ...]:
        if isinstance(index, slice):
            return tuple(
                self._make(zip(self._starts[index], self._ends[index], self._words[index], strict=True))
            )
        return Token(self._starts[index], self._ends[index], self._words[index])

    def __iter__(self) -> Iterator[Token]:
        return self._make(zip(self._starts, self._ends, self._words, strict=True))

    def __eq__(self, other: object) -> bool:
        """Equal to another token sequence or to a tuple of the same tokens."""
        if isinstance(other, TokenSequence):
            return (self._starts, self._ends, self._words) == (other._starts, other._ends, other._words)
        return isinstance(other, tuple) and tuple(self) == other

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"TokenSequence({len(self)} tokens)"

    @staticmethod
    def _make(rows: Iterator[tuple[int, int, str]]) -> Iterator[Token]:
        # `tuple.__new__` skips the NamedTuple constructor's argument handling.
        return map(tuple.__new__, repeat(Token), rows)
