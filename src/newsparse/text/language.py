"""A cheap guess of a text's language from its most common function words.

Good enough to tell English from the other languages news arrives in, so that extractors with
English rules can say so and the dates extractor can hand dateparser the right language. It
looks at the first few thousand characters only; texts with too few function words get None.
"""

from __future__ import annotations

from collections import Counter

import regex

__all__ = ["guess_language"]

#: Function words that are frequent in one language and rare in the others.
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the and of to in is that was for with on as by at from has have are were it said".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit sich auf für dem den ein eine auch wird sagte von".split()
    ),
    "fr": frozenset("le la les et est des une dans pour que qui sur pas avec au du a été selon".split()),
    "es": frozenset("el la los las y es en que del una por con para se al fue según ha".split()),
    "it": frozenset("il la che di e è per una con del della sono non ha gli alla".split()),
    "pt": frozenset("o a os as e que do da em um uma para com não foi ao pelo segundo".split()),
    "nl": frozenset("de het een en van is dat op te niet met voor zijn werd ook".split()),
    "ru": frozenset("и в не на что с по это как из за его от был она".split()),
    "tr": frozenset("ve bir bu da de için ile olarak çok daha ama gibi dedi".split()),
}
_WORD = regex.compile(r"\p{L}+")
_SAMPLE_CHARS = 4000
_MIN_HITS = 5
# For ASCII text (most news), the same words listed in C: letters are [A-Za-z] there, so a byte
# table that lowers them and blanks every other byte, and a split, give the regex's words.
_ASCII_WORDS = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
_FUNCTION_WORDS_ASCII: dict[str, tuple[bytes, ...]] = {
    code: tuple(word.encode("ascii") for word in words if word.isascii())
    for code, words in _FUNCTION_WORDS.items()
}


def guess_language(text: str) -> str | None:
    """ISO 639-1 code of the most likely language, or None when the sample says too little."""
    # Counted once, then looked up per language: a few dozen lookups instead of a pass over
    # the sample for every language.
    sample = text[:_SAMPLE_CHARS]
    if sample.isascii():
        ascii_counts = Counter(sample.encode("ascii").translate(_ASCII_WORDS).split())
        if not ascii_counts:
            return None
        ascii_count = ascii_counts.get  # not Counter's lookup, which calls __missing__ when absent
        scores = {
            code: sum(ascii_count(word, 0) for word in vocabulary)
            for code, vocabulary in _FUNCTION_WORDS_ASCII.items()
        }
    else:
        counts = Counter(map(str.lower, _WORD.findall(sample)))
        if not counts:
            return None
        count = counts.get
        scores = {
            code: sum(count(word, 0) for word in vocabulary) for code, vocabulary in _FUNCTION_WORDS.items()
        }
    best = max(scores, key=lambda code: scores[code])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < _MIN_HITS or ranked[0] < 1.3 * ranked[1]:
        return None
    return best
