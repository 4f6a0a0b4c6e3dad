"""Sentence boundaries: abbreviation-aware and quote-aware, with exact offsets.

A boundary candidate is sentence-final punctuation (. ! ? …) plus any closing quotes or
brackets, followed by whitespace and something that can start a sentence. Candidates are
rejected after abbreviations ("Dr.", "U.S.", "Jan."), initials ("A. Zemlianichenko"), and
inside a quotation that its attribution continues (`"... established," he told reporters.`
never splits because the comma, not a full stop, ends the quote; `"Stop!" he said.` does not
split because a lower-case attribution follows).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

__all__ = ["ABBREVIATIONS", "split_sentences"]

#: Abbreviations after which a full stop does not end a sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "ft",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "cmdr",
        "adm",
        "sgt",
        "cpl",
        "pvt",
        "rev",
        "fr",
        "gov",
        "sen",
        "rep",
        "rep",
        "pres",
        "vs",
        "v",
        "etc",
        "e.g",
        "i.e",
        "al",
        "approx",
        "dept",
        "est",
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "bros",
        "no",
        "nos",
        "vol",
        "fig",
        "op",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "ave",
        "blvd",
        "rd",
        "hon",
        "amb",
        "atty",
        "supt",
        "insp",
        "det",
    ]
)
# Short abbreviations that end sentences often enough to need a look at the next word.
_SENTENCE_SAFE_ABBREVIATIONS = frozenset({"etc", "inc", "corp", "co", "ltd", "llc", "plc", "al", "no"})

_CANDIDATE = regex.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s)")
_NEXT_START = regex.compile(r"\s+(?P<next>[\"'“‘«(\[]*[\p{Lu}\p{N}¿¡]|[\"“«]|-\s)")
_WORD_BEFORE = regex.compile(r"(?:^|[\s(\[\"'“‘])(?P<word>[\p{L}.]{1,12})$")
_INITIAL = regex.compile(r"(?:^|\s)\p{Lu}$")
_ACRONYM = regex.compile(r"(?:\p{L}\.){2,}$")


def _is_abbreviation(text: str, dot: int, next_word: str) -> bool:
    """True when the full stop at `dot` belongs to an abbreviation or an initial."""
    before = text[max(0, dot - 13) : dot]
    if _INITIAL.search(before):
        return True  # "A. Zemlianichenko", "George W. Bush"
    match = _WORD_BEFORE.search(before)
    if not match:
        return False
    word = match["word"]
    low = word.lower().rstrip(".")
    if _ACRONYM.search(word + "."):
        # "U.S." ends a sentence when a new sentence clearly starts: a pronoun or article.
        return next_word.lower() not in {
            "the",
            "he",
            "she",
            "it",
            "they",
            "we",
            "i",
            "but",
            "this",
            "in",
            "a",
        }
    if low in ABBREVIATIONS:
        if low in _SENTENCE_SAFE_ABBREVIATIONS:
            return next_word.lower() not in {"the", "he", "she", "it", "they", "we", "but", "this", "in", "a"}
        return True
    return False


def _boundaries(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets (within [start, end)) where a new sentence begins."""
    for match in _CANDIDATE.finditer(text, start, end):
        punct_end = match.end()
        following = _NEXT_START.match(text, punct_end, end)
        if following is None:
            continue
        mark = match.group()
        next_word_match = regex.match(
            r"[\"'“‘«(\[]*(\w+)", text[following.start("next") : following.start("next") + 30]
        )
        next_word = next_word_match.group(1) if next_word_match else ""
        if (
            mark[0] == "."
            and len(mark.rstrip("\"'”’»)]")) == 1
            and _is_abbreviation(text, match.start(), next_word)
        ):
            continue
        yield following.start("next")


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
        # Line breaks inside a block also end a sentence when the line has no final punctuation
        # (headings and lists pasted as one block).
        position = block_start
        for boundary in _boundaries(text, block_start, block_end):
            _append(text, spans, position, boundary)
            position = boundary
        _append(text, spans, position, block_end)
    return spans


def _append(text: str, spans: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
