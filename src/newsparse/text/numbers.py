"""Number phrases with honest intervals: "more than 30" -> [31, None], "dozens" -> [24, None].

A `NumberPhrase` gives the span of the whole phrase (bound words included), the interval
``[min, max]`` of counts it allows (inclusive integers; None = not stated / open), the number
as written (``value``), a conservative single figure (``point``, ACLED's convention: the bound's
number, a range's lower end, "dozens" -> 12) and a ``qualifier``:

=============  ==========================================  ===============
qualifier      examples                                    [min, max]
=============  ==========================================  ===============
exact          "30", "thirty-two", "1.2 million", "a dozen" [30, 30]
more_than      "more than 30", "over 100", "upwards of 5"  [31, None]
at_least       "at least 12", "no fewer than 8", "30 or     [12, None]
               more", "30-plus"
up_to          "up to 20", "as many as 40", "at most 5"    [None, 20]
less_than      "fewer than 10", "under 10"                 [None, 9]
nearly         "nearly 50", "almost 200", "close to 50"    [None, 49]
about          "about 20", "some 500,000", "30 or so"      [None, None]
range          "20 to 30", "20-30", "between 20 and 30",   [20, 30]
               "two or three"
vague          "dozens", "scores of", "hundreds", "tens of  "dozens": [24, None],
               thousands", "several", "a few", "many"      "hundreds": [200, 999]
=============  ==========================================  ===============

"about 20" states no bound (it may be 18 or 22), so its interval is open on both sides and the
number lives in ``value`` and ``point``. ``approximate`` is true for hedged phrases ("about",
"nearly", "a dozen", "dozens"). The grammar is one compiled pattern of fixed word lists and
bounded repetitions, so it runs in linear time on any input.

Speed: the text is lower-cased once and scanned for *anchors* (digits and number words, a cheap
pattern); the full grammar is only tried where an anchor is, starting at a bound word ("more
than") or an article ("a dozen") right before it. The grammar uses the standard `re` module,
which is several times faster than `regex` for this kind of pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Literal

import attrs

__all__ = ["NumberPhrase", "Qualifier", "find_numbers", "parse_number_words"]

Qualifier = Literal[
    "exact", "more_than", "at_least", "up_to", "less_than", "nearly", "about", "range", "vague"
]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_SHORT_SCALES = {"m": 1_000_000, "bn": 1_000_000_000, "k": 1_000}

#: Bound words and the qualifier they give. Longer phrases are tried first.
_BOUNDS: dict[str, Qualifier] = {
    "more than": "more_than", "over": "more_than", "upwards of": "more_than", "in excess of": "more_than",
    "greater than": "more_than", "well over": "more_than", "just over": "more_than", "above": "more_than",
    "slightly more than": "more_than", "well above": "more_than",
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "up to": "up_to", "as many as": "up_to", "at most": "up_to", "no more than": "up_to",
    "not more than": "up_to", "a maximum of": "up_to",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than", "below": "less_than",
    "nearly": "nearly", "almost": "nearly", "just under": "nearly", "close to": "nearly",
    "just shy of": "nearly", "not quite": "nearly",
    "about": "about", "around": "about", "some": "about", "approximately": "about", "roughly": "about",
    "an estimated": "about", "estimated": "about", "approx.": "about", "circa": "about",
    "an approximate": "about", "in the region of": "about", "give or take": "about",
}  # fmt: skip

#: Suffixes that bound the number before them: "30 or more", "30-plus", "30 or so".
_SUFFIXES: dict[str, Qualifier] = {
    "or more": "at_least",
    "plus": "at_least",
    "+": "at_least",
    "or so": "about",
    "or fewer": "up_to",
    "or less": "up_to",
}

# Vague quantities: (min, max, ACLED-style point). "dozens" is at least two dozen, "hundreds" at
# least two hundred and below a thousand; ACLED codes tens 10, dozens 12, hundreds 100.
_VAGUE: dict[str, tuple[int | None, int | None, int | None]] = {
    "dozens": (24, None, 12), "scores": (40, None, 20), "tens": (20, 99, 10), "hundreds": (200, 999, 100),
    "thousands": (2_000, 9_999, 1_000), "millions": (2_000_000, 999_999_999, 1_000_000),
    "tens of thousands": (20_000, 99_999, 10_000), "hundreds of thousands": (200_000, 999_999, 100_000),
    "tens of millions": (20_000_000, 99_999_999, 10_000_000),
    "hundreds of millions": (200_000_000, 999_999_999, 100_000_000),
    "several": (3, 9, None), "a few": (2, 5, None), "a handful": (2, 5, None), "many": (2, None, None),
    "numerous": (2, None, None), "multiple": (2, None, None), "a number": (2, None, None),
    "a couple": (2, 2, 2), "a pair": (2, 2, 2),
}  # fmt: skip
# Vague multipliers of a scale: "several hundred" = 3..9 hundreds, "a few thousand" = 2..5 thousands.
_VAGUE_FACTORS = {
    "several": (3, 9),
    "a few": (2, 5),
    "a couple": (2, 2),
    "a couple of": (2, 2),
    "few": (2, 5),
}


def _alternatives(words: object) -> str:
    """A regex alternation of `words`, longest first, so "more than" wins over "more"."""
    assert isinstance(words, (dict, list, tuple, set, frozenset))
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


_UNIT_WORD = _alternatives([w for w in _UNITS if w != "zero"])
_DIGIT_UNIT = _alternatives([w for w in _UNITS if 0 < _UNITS[w] < 10])
_W99 = rf"(?:(?:{_alternatives(_TENS)})(?:[\s-]+(?:{_DIGIT_UNIT}))?|zero|{_UNIT_WORD})"
_W999 = rf"(?:(?:a|one|{_UNIT_WORD})(?:\s+|-)hundred(?:\s+(?:and\s+)?{_W99})?|{_W99})"
_SCALE_WORD = r"(?:thousand|million|billion)"
_WORDNUM = rf"(?:(?:{_W999}|a)\s+{_SCALE_WORD}(?:\s+(?:and\s+)?{_W999}(?!\s+{_SCALE_WORD}))?|{_W999})"
_DIGITNUM = (
    r"(?:\d{1,3}(?:[,\u00a0\u202f]\d{3})+|\d+)(?:\.\d+)?"
    r"(?:\s+(?:hundred|thousand|million|billion)\b|(?:m|bn|k)\b)?"
)
_DOZEN = rf"(?:(?:half\s+a|a\s+half|a|one|{_UNIT_WORD}|\d{{1,3}})\s+dozen)"
_VAGUE_SCALED = (
    rf"(?:(?:{_alternatives(_VAGUE_FACTORS)})\s+(?:hundred|thousand|million|dozen)"
    r"|(?:tens|hundreds)\s+of\s+(?:thousands|millions))"
)
# "scores" and "tens" are only quantities before "of" (match scores, tens of people).
_VAGUE_WORD = (
    r"(?:dozens|hundreds|thousands|millions|(?:scores|tens)(?=\s+of\b)|several|a\s+few|a\s+handful"
    r"|many|numerous|multiple|a\s+number(?=\s+of\b)|a\s+couple(?=\s+of\b)|a\s+pair(?=\s+of\b))"
)
_QUANTITY = rf"(?:{_VAGUE_SCALED}|{_DOZEN}|{_DIGITNUM}|{_WORDNUM}|{_VAGUE_WORD})"
_EXACT_QUANTITY = rf"(?:{_DOZEN}|{_DIGITNUM}|{_WORDNUM})"
_RANGE_SEP = r"(?:\s*[-–—]\s*|\s+(?:to|or)\s+)"
_START = r"(?<![\w$£€¥#@/.,:'’-])"
# Not part of a longer token: "25-year-old", "9:30", "5%", "1,2", "111th", "COVID-19".
_END = r"(?![\w%$€£]|[.,:/]\d|-[^\W_]|\s*%)"
_BOUND = _alternatives(_BOUNDS)
_SUFFIX = r"(?:\s+or\s+(?:more|so|fewer|less)\b|-plus\b|\s*\+(?![\d+]))"

# Patterns run on lower-cased text (same length as the original, see `_lower`), so no IGNORECASE.
_NUMBER = re.compile(
    rf"{_START}(?:(?P<bound>{_BOUND})\s+)?(?:"
    rf"between\s+(?P<lo>{_EXACT_QUANTITY})\s+and\s+(?P<hi>{_EXACT_QUANTITY}){_END}"
    rf"|(?P<lo2>{_EXACT_QUANTITY}){_RANGE_SEP}(?P<hi2>{_EXACT_QUANTITY}){_END}(?!{_SUFFIX})"
    rf"|(?P<atom>{_QUANTITY})(?P<suffix>{_SUFFIX})?{_END}"
    rf")"
)
# The same without ranges: a retry when "2013-14" or "3-2" turns out not to be a range.
_SINGLE = re.compile(rf"{_START}(?:(?P<bound>{_BOUND})\s+)?(?P<atom>{_QUANTITY})(?P<suffix>{_SUFFIX})?{_END}")
# Where a number phrase can be: digits and the words every quantity contains.
_ANCHOR = re.compile(
    # The look-ahead on the first letter is only for speed: most positions fail there.
    rf"\b(?=[0-9b-fhmnopstz])(?:[0-9]+|(?:{_alternatives(list(_UNITS))}|{_alternatives(_TENS)}|dozens?|hundreds?"
    r"|thousands?"
    r"|millions?|billions?|scores|tens|several|(?:many|multiple)(?!\s+as\b)|numerous|few|handful|couple|pair|number)\b)"
)
# What may come right before an anchor and belong to the phrase: a bound, "between", "a", "half a".
_PREFIX = re.compile(rf"(?:(?:{_BOUND}|between)\s+)?(?:(?:half\s+)?an?\s+(?:half\s+)?)?$")
_PREFIX_WINDOW = 28
_NOT_A_COUNT_BEFORE = re.compile(r"\b(?:no|how)\s+$")
_LARGEST = 1e15
_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f")
# Last words of the bounds, "between" and articles: only after one of these can a phrase start
# before its anchor, so other anchors skip the look-back.
_PREFIX_ENDS = frozenset({w.split()[-1] for w in _BOUNDS} | {"between", "a", "an", "half"})
_DIGIT_FORM = re.compile(r"(\d+(?:\.\d+)?)\s*(hundred|thousand|million|billion|m|bn|k)?")


@attrs.frozen(kw_only=True)
class NumberPhrase:
    """A number phrase in the text and the interval of counts it states."""

    start: int
    """Offset of the phrase (bound words included)."""

    end: int
    """Offset one past the phrase."""

    text: str
    """The phrase as written."""

    min: int | None
    """Smallest count the phrase allows, inclusive ("more than 30" -> 31); None: not stated."""

    max: int | None
    """Largest count it allows, inclusive ("fewer than 10" -> 9); None: no upper bound stated."""

    qualifier: Qualifier
    """exact, more_than, at_least, up_to, less_than, nearly, about, range or vague."""

    value: float | None = None
    """The number written, when a single one is (30 for "more than 30", 12 for "a dozen")."""

    point: int | None = None
    """A conservative single figure (ACLED's convention): the number of a bound, the lower end of a
    range, 12 for "dozens", 100 for "hundreds"; None when no convention exists ("several")."""

    approximate: bool = False
    """The phrase hedges: "about 20", "nearly 50", "a dozen", "dozens"."""


def parse_number_words(text: str) -> float | None:
    """The value of a number written in digits or words ("1,200", "1.2 million", "thirty-two",
    "one hundred and five", "a thousand"); None when `text` is not a number."""
    text = text.strip().lower().translate(_SEPARATORS)
    match = _DIGIT_FORM.fullmatch(text)
    if match:
        scale = _SCALES.get(match[2] or "") or _SHORT_SCALES.get(match[2] or "", 1)
        return float(match[1]) * scale
    total = 0
    current = 0
    seen = False
    for word in re.split(r"[\s-]+", text):
        if word == "and":
            continue
        if word in _UNITS:
            current += _UNITS[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "a" and not seen:
            current = 1
        elif word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total += current
                current = 0
        else:
            return None
        seen = True
    return float(total + current) if seen else None


def find_numbers(text: str, start: int = 0, end: int | None = None) -> Iterator[NumberPhrase]:
    """Every number phrase in ``text[start:end]``, left to right, without overlaps."""
    stop = len(text) if end is None else end
    low = _lower(text)
    position = start
    for anchor in _ANCHOR.finditer(low, start, stop):
        if anchor.start() < position:
            continue
        found = _phrase_at(text, low, max(position, anchor.start() - _PREFIX_WINDOW), anchor.start(), stop)
        if found is None:
            continue
        phrase = found
        if not _not_a_count(low, phrase):
            yield phrase
        position = phrase.end


def _phrase_at(text: str, low: str, window: int, anchor: int, stop: int) -> NumberPhrase | None:
    """The phrase covering the anchor, starting at a bound or article before it if there is one."""
    before = low[window:anchor].rsplit(None, 1)
    prefix = _PREFIX.search(low, window, anchor) if before and before[-1] in _PREFIX_ENDS else None
    starts = [prefix.start(), anchor] if prefix is not None and prefix.start() < anchor else [anchor]
    for begin in starts:
        match = _NUMBER.match(low, begin, stop)
        if match is None:
            continue
        phrase = _interpret(text, match, ranged=True)
        if phrase is None and (match["lo"] or match["lo2"]):
            match = _SINGLE.match(low, begin, stop)  # not a range after all: "2013-14", "3-2"
            phrase = _interpret(text, match, ranged=False) if match is not None else None
        if phrase is not None and phrase.end > anchor:
            return phrase
    return None


def _lower(text: str) -> str:
    """The text in lower case, with exactly the same offsets."""
    low = text.lower()
    if len(low) == len(text):
        return low
    # A few characters lower-case to two ("İ"); keep those as they are so offsets hold.
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _not_a_count(low: str, phrase: NumberPhrase) -> bool:
    """ "no one", "how many": words of the grammar that do not state a count here."""
    word = phrase.text.lower()
    return (
        word in ("one", "many")
        and _NOT_A_COUNT_BEFORE.search(low, max(0, phrase.start - 6), phrase.start) is not None
    )


@lru_cache(maxsize=4096)
def _quantity(text: str) -> tuple[int | None, int | None, float | None, int | None, bool] | None:
    """(min, max, value, point, approximate) of one quantity: "30", "a dozen", "dozens", "several hundred"."""
    low = " ".join(text.lower().split())
    if low in _VAGUE:
        lo, hi, point = _VAGUE[low]
        exactish = lo is not None and lo == hi
        return lo, hi, (float(lo) if exactish and lo is not None else None), point, True
    if low.endswith("dozen"):
        head = low[: -len("dozen")].strip()
        count = 0.5 if head in ("half a", "a half") else parse_number_words(head)
        if count is None:
            return None
        number = round(count * 12)
        return number, number, float(number), number, True
    for vague in ("tens of ", "hundreds of "):
        if low.startswith(vague):
            return _VAGUE[low][0], _VAGUE[low][1], None, _VAGUE[low][2], True
    head, _, scale = low.rpartition(" ")
    if head in _VAGUE_FACTORS:
        factor = 12 if scale == "dozen" else _SCALES[scale]
        lo_factor, hi_factor = _VAGUE_FACTORS[head]
        return lo_factor * factor, hi_factor * factor + factor - 1, None, lo_factor * factor, True
    value = parse_number_words(low)
    if value is None or not value < _LARGEST:
        return None  # a 1,000-digit run is not a count (and would not fit a float)
    number = round(value)
    return number, number, value, number, False


@attrs.frozen
class _Span:
    start: int
    end: int
    text: str

    def phrase(self, **interval: Any) -> NumberPhrase:
        return NumberPhrase(start=self.start, end=self.end, text=self.text, **interval)


def _interpret(text: str, match: re.Match[str], ranged: bool) -> NumberPhrase | None:
    """The phrase a grammar match (on the lower-cased text) states; `text` gives the original spelling."""
    start, end = match.span()
    span = _Span(start, end, text[start:end])
    bound = match["bound"]
    qualifier = _BOUNDS.get(" ".join(bound.split())) if bound else None
    lo_text = (match["lo"] or match["lo2"]) if ranged else None
    if lo_text:
        hi_text = match["hi"] or match["hi2"]
        lo, hi = _quantity(lo_text), _quantity(hi_text)
        if lo is None or hi is None or lo[0] is None or hi[1] is None:
            return None
        lo_value, hi_value = lo[0], hi[1]
        scale = re.search(r"\s(thousand|million|billion)$", hi_text.lower())
        if scale and not re.search(r"(thousand|million|billion)$", lo_text.lower()):
            lo_value *= _SCALES[scale[1]]  # "20 to 30 million": the scale belongs to both ends
        if lo_value >= hi_value or (qualifier is not None and qualifier not in ("about", "nearly")):
            return None
        approximate = qualifier is not None or lo[4] or hi[4]
        return span.phrase(
            min=lo_value, max=hi_value, qualifier="range", point=lo_value, approximate=approximate
        )
    parsed = _quantity(match["atom"])
    if parsed is None:
        return None
    low, high, value, point, approximate = parsed
    suffix = match["suffix"]
    suffix = suffix.strip().replace("-", "") if suffix else ""
    if suffix:
        if qualifier is not None:
            return None
        qualifier = _SUFFIXES[" ".join(suffix.split())]
    if qualifier is None:
        qualifier = "vague" if value is None else "exact"
        return span.phrase(
            min=low, max=high, qualifier=qualifier, value=value, point=point, approximate=approximate
        )
    stated = value
    if qualifier == "more_than":
        number = low if value is None else round(value)
        low, high = (None if number is None else number + (1 if value is not None else 0)), None
    elif qualifier == "at_least":
        high = None
    elif qualifier == "up_to":
        low = None
        high = high if value is None else round(value)
    elif qualifier == "less_than":
        low = None
        if value is None:
            return None  # "fewer than dozens" is not a usable bound
        high, point = round(value) - 1, None
    elif qualifier == "nearly":
        if value is None:
            return None
        low, high, approximate = None, round(value) - 1, True
    else:  # about
        if value is None:
            return None
        low, high, approximate = None, None, True
    return span.phrase(
        min=low, max=high, qualifier=qualifier, value=stated, point=point, approximate=approximate
    )
