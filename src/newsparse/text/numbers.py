"""Number phrases with honest intervals: "more than 30" -> [31, None], "dozens" -> [24, None].

A `NumberPhrase` gives the span of the whole phrase (bound words included), the interval
``[min, max]`` (``max`` None = open), the exact ``value`` when one number is stated, and a
``qualifier``: exact, more_than, at_least, up_to, less_than, about, range, vague.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import regex

__all__ = ["NumberPhrase", "find_numbers", "parse_number_words"]

Qualifier = str

_UNITS = {
    "zero": 0,
    "no": 0,
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

#: Vague quantities: (min, max). "dozens" is at least two dozen.
_VAGUE = {
    "dozens": (24, None),
    "scores": (40, None),
    "hundreds": (200, None),
    "thousands": (2_000, None),
    "tens of thousands": (20_000, None),
    "hundreds of thousands": (200_000, None),
    "millions": (2_000_000, None),
    "several": (3, None),
    "a handful": (3, 9),
    "a few": (2, 9),
    "few": (2, 9),
    "many": (2, None),
    "numerous": (3, None),
    "a dozen": (12, 12),
    "a couple": (2, 2),
    "a couple of": (2, 2),
}

_BOUNDS: dict[str, Qualifier] = {
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "a minimum of": "at_least",
    "up to": "up_to",
    "as many as": "up_to",
    "at most": "up_to",
    "no more than": "up_to",
    "a maximum of": "up_to",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "nearly": "less_than",
    "almost": "less_than",
    "just under": "less_than",
    "about": "about",
    "around": "about",
    "some": "about",
    "approximately": "about",
    "roughly": "about",
    "an estimated": "about",
    "estimated": "about",
    "close to": "about",
    "nearly all": "about",
}

_WORD_NUMBER = (
    r"(?:(?:"
    + "|".join(sorted(_TENS, key=len, reverse=True))
    + r")(?:[\s-](?:"
    + "|".join(k for k in _UNITS if k not in ("no", "a", "an", "zero"))
    + r"))?"
    r"|" + "|".join(sorted((k for k in _UNITS if k not in ("no", "a", "an")), key=len, reverse=True)) + r")"
)
_WORD_PHRASE = (
    rf"(?:(?:a|one|{_WORD_NUMBER})\s+(?:hundred|thousand|million|billion)"
    rf"(?:\s+(?:and\s+)?{_WORD_NUMBER})?|{_WORD_NUMBER})"
)
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:\s*(?:million|billion|thousand|m|bn|k)\b)?"
_ATOM = rf"(?:{_DIGITS}|{_WORD_PHRASE})"
_BOUND = "|".join(sorted((regex.escape(b) for b in _BOUNDS), key=len, reverse=True))
_VAGUE_RE = "|".join(sorted((regex.escape(v) for v in _VAGUE), key=len, reverse=True))

_NUMBER = regex.compile(
    rf"(?<![\w.,])(?:"
    rf"(?:between\s+)(?P<lo>{_ATOM})\s+and\s+(?P<hi>{_ATOM})"
    rf"|(?P<lo2>{_ATOM})\s*(?:-|–|—|to)\s*(?P<hi2>{_ATOM})"
    rf"|(?:(?P<bound>{_BOUND})\s+)?(?P<atom>{_ATOM})"
    rf"|(?P<vague>{_VAGUE_RE})"
    rf")(?![\w]|[.,]\d)",
    regex.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class NumberPhrase:
    """A number phrase in the text and the interval it states."""

    start: int
    """Offset of the phrase (bound words included)."""

    end: int
    """Offset one past the phrase."""

    text: str
    """The phrase as written."""

    min: int | None
    """Smallest count the phrase allows (None: unknown)."""

    max: int | None
    """Largest count it allows (None: no upper bound)."""

    qualifier: Qualifier
    """exact, more_than, at_least, up_to, less_than, about, range or vague."""

    value: float | None = None
    """The number stated, when a single one is (30 for "more than 30")."""


def parse_number_words(text: str) -> float | None:
    """The value of a number written in digits or words ("1,200", "1.2 million", "thirty-two")."""
    text = text.strip().lower().replace(",", "")
    match = regex.fullmatch(r"(\d+(?:\.\d+)?)\s*(million|billion|thousand|m|bn|k)?", text)
    if match:
        scale = {"million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "thousand": 1e3, "k": 1e3}
        return float(match[1]) * scale.get(match[2] or "", 1)
    total = 0
    current = 0
    seen = False
    for word in regex.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def _as_int(value: float | None) -> int | None:
    return None if value is None else round(value)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[NumberPhrase]:
    """Every number phrase in ``text[start:end]``, left to right."""
    for match in _NUMBER.finditer(text, start, len(text) if end is None else end):
        phrase = _interpret(match)
        if phrase is not None:
            yield phrase


def _interpret(match: regex.Match[str]) -> NumberPhrase | None:
    span = {"start": match.start(), "end": match.end(), "text": match.group()}
    lo_text = match["lo"] or match["lo2"]
    if lo_text:
        lo, hi = parse_number_words(lo_text), parse_number_words(match["hi"] or match["hi2"])
        if lo is None or hi is None or lo > hi:
            return None
        return NumberPhrase(**span, min=_as_int(lo), max=_as_int(hi), qualifier="range")
    if match["vague"]:
        low, high = _VAGUE[match["vague"].lower()]
        qualifier = "exact" if low == high else "vague"
        return NumberPhrase(
            **span, min=low, max=high, qualifier=qualifier, value=low if low == high else None
        )
    atom = match["atom"]
    if atom.lower() in ("a", "an", "one") and not match["bound"]:
        return None  # the article "a" is not a number on its own
    value = parse_number_words(atom)
    if value is None:
        return None
    number = _as_int(value)
    assert number is not None
    qualifier = _BOUNDS.get((match["bound"] or "").lower(), "exact")
    low: int | None
    high: int | None
    if qualifier == "more_than":
        low, high = number + 1, None
    elif qualifier == "at_least":
        low, high = number, None
    elif qualifier == "up_to":
        low, high = 0, number
    elif qualifier == "less_than":
        low, high = 0, number - 1
    elif qualifier == "about":
        low, high = None, None
    else:
        low, high = number, number
    return NumberPhrase(**span, min=low, max=high, qualifier=qualifier, value=value)
