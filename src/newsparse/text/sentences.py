"""Sentence boundaries: abbreviation-aware and quote-aware, with exact offsets.

Inside a block (paragraph) a new sentence starts

1. after sentence-final punctuation (``.``, ``!``, ``?``, ``…``), any closing quotes or brackets
   and whitespace, when what follows is a capital, a digit or an opening quote or bracket --
   unless one of these says otherwise:

   - a lower-case word follows: `"Stop!" he said.`, `"... established," he told reporters.`;
   - a dash follows a closing quote: `"... our greatest shame." ― Sonya Herridge`;
   - a quotation ending in ``?`` or ``!`` is followed by its attribution:
     `"Why now?" Trump asked.`;
   - the full stop ends an initial ("Mary J. Blige", "A. Zemlianichenko") or a title that comes
     before names ("Mr.", "Gen.", "Sen.", "St."); a month abbreviation or "No." before a number
     ("Sept. 11", "No. 2"); "v."/"vs.";
   - the full stop ends a dotted abbreviation ("U.S.", "a.m.", "Calif.", "Inc.") and the next word
     is not one that starts sentences ("U.S. Supreme Court" continues; "in the U.S. The" splits);

2. at a line break inside a block when the next line does not start with a lower-case letter
   (list items, quotes printed one per line, "― Name" attribution lines); a line starting in
   lower case continues a hard-wrapped sentence.

The patterns are possessive and anchored so that each character is looked at a bounded number
of times: hostile input (a megabyte without spaces, 100,000 quote marks) splits in linear time.
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from newsparse.text.lexicon import FUNCTION_WORDS, MONTHS, attribution_verb

__all__ = ["ABBREVIATIONS", "split_sentences"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Titles and words abbreviated before a name or number: a full stop after them never ends a
#: sentence when a capital or digit follows (lower case, without the dot).
TITLE_ABBREVIATIONS = _words("""
    mr mrs ms messrs mmes dr prof sr st mt ft gen lt col maj capt cmdr adm sgt cpl pvt rev fr gov govs
    sen sens rep reps pres amb atty supt insp det hon del assn dept univ
    """)
#: Abbreviations that may also end a sentence: they end one only when a sentence-starting word
#: follows ("Apple Inc. The company" splits, "Apple Inc. Chief Executive" does not).
SENTENCE_FINAL_ABBREVIATIONS = _words("""
    inc corp co ltd llc plc bros jr etc al approx est ave blvd rd
    ala ariz ark calif colo conn fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev okla
    ore pa tenn tex vt va wash wis wyo
    """)
#: Every abbreviation the splitter knows, for other modules (lower case, without the dot).
ABBREVIATIONS = TITLE_ABBREVIATIONS | SENTENCE_FINAL_ABBREVIATIONS | MONTHS | {"no", "nos", "v", "vs"}

# Punctuation that may end a sentence: a run not preceded by another such mark (so that a long
# run of dots is tried once, not once per dot), then closing quotes and brackets; then, looked at
# but not consumed, whitespace and the first character of the next sentence (`first`).
_CANDIDATE = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”’»)\]]*+(?=\s++(?P<first>\S))")
_LINE_BREAK = regex.compile(r"[^\S\n]*+\n[^\S\n]*+(?=\S)")
_WORD_BEFORE = regex.compile(r"(?:^|[\s\"'“‘(\[—–/-])(?P<word>[\p{L}.]{1,12})$")
_NEXT_WORD = regex.compile(r"[\"'“‘«(\[]*+(?P<word>[\p{L}\p{N}][\p{L}\p{N}'’-]*+)")
_DOTTED = regex.compile(r"^(?:\p{L}\.)+\p{L}$")
_CLOSING = frozenset("\"'”’»)]")
_OPENING = frozenset("\"'“‘«([")
_DASHES = frozenset("―—–-")
_QUOTE_ATTRIBUTION_WINDOW = 4  # capitalised words allowed between the quote and its verb


def split_sentences(text: str, blocks: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of `text`, never crossing a block (paragraph) boundary.

    Args:
        text: the text.
        blocks: (start, end) spans of paragraphs; each is split on its own. Default: the whole text.

    Returns:
        (start, end) spans, whitespace-trimmed, in order.
    """
    spans: list[tuple[int, int]] = []
    for block_start, block_end in blocks if blocks is not None else [(0, len(text))]:
        position = block_start
        for boundary in _boundaries(text, block_start, block_end):
            _append(text, spans, position, boundary)
            position = boundary
        _append(text, spans, position, block_end)
    return spans


def _boundaries(text: str, start: int, end: int) -> list[int]:
    """Offsets within ``[start, end)`` where a new sentence begins, in order."""
    found = [
        match.start("first")
        for match in _CANDIDATE.finditer(text, start, end)
        if _ends_sentence(text, match, end)
    ]
    breaks = [
        match.end() for match in _LINE_BREAK.finditer(text, start, end) if not text[match.end()].islower()
    ]
    if breaks:
        found = sorted(set(found).union(breaks))
    return found


def _ends_sentence(text: str, candidate: regex.Match[str], end: int) -> bool:
    """Whether the punctuation in `candidate` ends the sentence (rule 1 of the module docstring)."""
    next_start = candidate.start("first")
    first = text[next_start]
    if first.islower() or first in _DASHES or not (first.isalnum() or first in _OPENING):
        return False  # an ellipsis or symbol: the sentence goes on, or the next mark decides
    mark = candidate.group()
    if mark == ".":
        return not _abbreviation_before(text, candidate.start(), next_start, end)
    if mark[-1] in _CLOSING and mark.rstrip("\"'”’»)]")[-1:] in "?!":
        return not _attribution_follows(text, next_start, end)
    return True


def _abbreviation_before(text: str, dot: int, next_start: int, end: int) -> bool:
    """True when the full stop at `dot` belongs to an initial or an abbreviation."""
    if dot == 0 or not (text[dot - 1].isalpha() or text[dot - 1] == "."):
        return False  # "in 2020.", "(...).": no word ends at the full stop
    found = _WORD_BEFORE.search(text, max(0, dot - 13), dot)
    if found is None:
        return False
    word = found["word"]
    key = word.lower().rstrip(".")
    if len(word) == 1 and word.isupper():
        return True  # an initial: "Mary J. Blige"
    if key in TITLE_ABBREVIATIONS:
        return True
    if key in MONTHS or key in ("no", "nos"):
        return _word_after(text, next_start, end)[:1].isdigit()
    if key in ("v", "vs"):
        return True
    if key in SENTENCE_FINAL_ABBREVIATIONS or _DOTTED.match(word):
        return _word_after(text, next_start, end).lower() not in FUNCTION_WORDS
    return False


def _word_after(text: str, start: int, end: int) -> str:
    """The word starting at `start`, after any opening quotes or brackets ("" when none)."""
    next_word = _NEXT_WORD.match(text, start, min(end, start + 40))
    return next_word["word"] if next_word else ""


def _attribution_follows(text: str, start: int, end: int) -> bool:
    """`"Why now?" Trump asked`: a few capitalised words, then an attribution verb."""
    position = start
    for _ in range(_QUOTE_ATTRIBUTION_WINDOW):
        word = _NEXT_WORD.match(text, position, min(end, position + 40))
        if word is None:
            return False
        verb = attribution_verb(word["word"])
        if verb is not None and verb.kind == "speech":
            return True
        if not word["word"][0].isupper():
            return False
        position = word.end()
        while position < end and text[position] == " ":
            position += 1
    return False


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
