"""When two written names are the same name: surnames and transliteration variants.

News in English copies names from other scripts through different conventions: the same Russian
expert is "Akhmetov" in an English sentence and "Achmetow" in a German-sourced one, the Turkish
president "Erdogan" or "Erdoğan". `skeleton` folds exactly those conventions, one rule each, so
two spellings match only when a listed rule explains the difference:

- accents and dotless i are dropped (Erdoğan -> erdogan);
- German "tsch"/"sch" are English "ch"/"sh" (Tschernenko -> chernenko);
- the letters for the Russian "х" -- English "kh", German "ch" -- and h are one letter (Akhmetov,
  Achmetow -> ahmetov);
- German "w" is English "v" (Achmetow -> achmetov), German "j" English "y" (Jelzin -> yelzin);
- French "ou" is English "u" (Poutine -> putine); a final silent "e" after a consonant is dropped;
- "ij", "iy", "yj", "yy", "y" at the end are one ending (Selenskyj, Zelenskyy);
- "ts", "tz", "z" and "s" are one sound's spellings (Jelzin, Yeltsin; Selenskyj, Zelensky); "ph" is "f";
- the Russian surname endings "-ev"/"-ov" ("-eva"/"-ova") are one ending, because "ё" is written
  "e" in English and "o" in German (Gorbachev, Gorbatschow);
- doubled letters are single (Assad, Asad).

This is not a fuzzy match: "Putin" and "Pulin" stay different, and nothing joins names whose
skeletons differ. Only names of four letters or more are compared by skeleton.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from newsparse.text.lexicon import WORD_CACHE_SIZE, fold

__all__ = ["alias_key", "name_key", "same_name", "skeleton", "surname"]

# Ordered rewrites; each line is one transliteration convention (see the module docstring).
_REWRITES: tuple[tuple[regex.Pattern[str], str], ...] = tuple(
    (regex.compile(pattern), replacement)
    for pattern, replacement in (
        (r"tsch", "ch"),
        (r"sch", "sh"),
        (r"kh|ch(?!$)", "h"),
        (r"w", "v"),
        (r"j", "y"),
        (r"ou", "u"),
        (r"ph", "f"),
        (r"ts|tz", "z"),
        (r"z", "s"),
        (r"e(va?)$", r"o\1"),
        (r"(?:ij|iy|yj|yy|yi)$", "y"),
        (r"(?<=[^aeiouy])e$", ""),
        (r"(\p{L})\1+", r"\1"),
    )
)
# Arabic article prefixes: "al-Assad" and "Assad" are the same surname.
_ARTICLE = regex.compile(r"^(?:al|el|ad|ar|as|ash|at|an|az|ud)[-‐]", regex.IGNORECASE)
_POSSESSIVE = regex.compile(r"['’]s?$")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def name_key(word: str) -> str:
    """A name word as compared: folded, without possessive or Arabic article ("al-Assad's" -> "assad")."""
    word = _POSSESSIVE.sub("", fold(word))
    return _ARTICLE.sub("", word)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def skeleton(word: str) -> str:
    """The name with transliteration conventions folded (see the module docstring)."""
    key = name_key(word)
    for pattern, replacement in _REWRITES:
        key = pattern.sub(replacement, key)
    return key


def alias_key(word: str) -> str:
    """A key such that ``same_name(a, b) == (alias_key(a) == alias_key(b))``, for indexing."""
    key = name_key(word)
    return skeleton(key) if len(key) >= 4 else "=" + key


def same_name(a: str, b: str) -> bool:
    """True when two name words are the same name, exactly or by a transliteration rule."""
    return alias_key(a) == alias_key(b)


def surname(name: str) -> str:
    """The last word of a person's name, as compared ("Bashar al-Assad" -> "assad")."""
    words = name.split()
    return name_key(words[-1]) if words else ""
