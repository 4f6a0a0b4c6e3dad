"""`WordTable`: a bounded per-process memo of a function of one word, read a column at a time.

The name rules ask the same questions of every token (its folded key, whether it is a name
word, whether it is an attribution verb). `functools.lru_cache` answers one word per call;
`WordTable.column` answers a whole column of tokens with C-level passes over a plain dict (a set
difference to find the new words, then `map` over the dict), which is several times cheaper on
a 1,000-token article. The bound keeps a long batch's memory flat: when the table would
outgrow it, it is emptied and refilled with the words of the articles that follow (word
frequencies are Zipfian, so the common words come back at once).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from typing import Generic, NamedTuple, TypeVar

__all__ = ["TableInfo", "WordTable"]

V = TypeVar("V")


class TableInfo(NamedTuple):
    """What `WordTable.cache_info` reports (named like `functools.lru_cache`'s figures)."""

    misses: int
    """Words computed so far (each new word once per filling)."""

    maxsize: int
    """Most words held at once."""

    currsize: int
    """Words held now."""


class WordTable(Generic[V]):
    """Memoises `function` (one word in, one value out) for at most `maxsize` words."""

    def __init__(self, function: Callable[[str], V], maxsize: int) -> None:
        functools.update_wrapper(self, function)
        self._function = function
        self._table: dict[str, V] = {}
        self._misses = 0
        self.maxsize = maxsize

    def __call__(self, word: str) -> V:
        try:
            return self._table[word]
        except KeyError:
            return self.column((word,))[0]

    def column(self, words: Sequence[str]) -> list[V]:
        """``[function(word) for word in words]``, each distinct new word computed once."""
        table = self._table
        new_words = set(words).difference(table)
        if new_words:
            self._misses += len(new_words)
            if len(new_words) > self.maxsize:  # one huge text: answer it without keeping it
                local = {word: self._function(word) for word in new_words}
                return [table[word] if word in table else local[word] for word in words]
            if len(table) + len(new_words) > self.maxsize:
                table.clear()
                new_words = set(words)
            function = self._function
            for word in new_words:
                table[word] = function(word)
        return list(map(table.__getitem__, words))

    def cache_info(self) -> TableInfo:
        """Misses, bound and size, for tests and tuning."""
        return TableInfo(self._misses, self.maxsize, len(self._table))

    def cache_clear(self) -> None:
        """Forget every word."""
        self._table.clear()
        self._misses = 0
