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
   (list items, headings, quotes printed one per line, "― Name" attribution lines) -- unless the
   break is a soft wrap of hard-wrapped text, where only rule 1 decides. A line starting in lower
   case always continues the sentence. A break is a soft wrap when

   - the text is hard-wrapped: the lines followed by a line break inside a block are mostly at
     most ``W`` characters long, ``W`` (their 90th percentile) between 40 and 100 -- wire copy
     and e-mail are wrapped at 60-80 columns, while text with a paragraph per line has longer lines;
   - the line before the break fills at least three quarters of ``W``: a short line is a heading,
     a list item or the end of a unit, whatever follows it;
   - the case confirms it: the block is in capitals (MUC-style wire copy, where every line starts
     with a capital), or at least a third of the text's line breaks continue in lower case (in
     mixed case, wrapped prose mostly breaks before lower-case words; a list never does);
   - the next line does not open with a list marker (a bullet or dash, "1.", "2)", "(a)").

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
# A line break and the indent after it, ending where the next line's text starts. It begins at the
# newline itself (the spaces before it are stripped with the line they end), so that the engine
# jumps from newline to newline instead of trying the pattern at every character.
_LINE_BREAK = regex.compile(r"\n[^\S\n]*+(?=\S)")
_WORD_BEFORE = regex.compile(r"(?:^|[\s\u200b\ufeff\"'“‘(\[—–/-])(?P<word>[\p{L}.]{1,12})$")
_NEXT_WORD = regex.compile(r"[\"'“‘«(\[]*+(?P<word>[\p{L}\p{N}][\p{L}\p{N}'’-]*+)")
_DOTTED = regex.compile(r"^(?:\p{L}\.)+\p{L}$")
_CLOSING = frozenset("\"'”’»)]")
_OPENING = frozenset("\"'“‘«([")
_DASHES = frozenset("―—–-")
_QUOTE_ATTRIBUTION_WINDOW = 4  # capitalised words allowed between the quote and its verb
# Soft wraps (rule 2).
_LIST_MARKER = regex.compile(r"(?:[•·▪‣◦*―—–-]|\(?\p{N}{1,3}[.)]|\(?\p{L}\))\s")
_WRAP_WIDTHS = (40, 100)  # the widths at which text is hard-wrapped, in characters
_WRAP_PERCENTILE = 0.9  # the share of wrapped lines at most as long as the width
_FILLED = 0.75  # a wrapped line fills at least this share of the width
_LOWER_CASE_WRAPS = 1 / 3  # the share of line breaks before lower case that shows mixed-case wrapping


def split_sentences(text: str, blocks: Iterable[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """Sentence spans of `text`, never crossing a block (paragraph) boundary.

    Args:
        text: the text.
        blocks: (start, end) spans of paragraphs; each is split on its own. Default: the whole text.

    Returns:
        (start, end) spans, whitespace-trimmed, in order.
    """
    spans: list[tuple[int, int]] = []
    spans_of_blocks = [(0, len(text))] if blocks is None else list(blocks)
    wrapping = _Wrapping.of(text, spans_of_blocks)
    for block_start, block_end in spans_of_blocks:
        position = block_start
        for boundary in _boundaries(text, block_start, block_end, wrapping):
            _append(text, spans, position, boundary)
            position = boundary
        _append(text, spans, position, block_end)
    return spans


def _boundaries(text: str, start: int, end: int, wrapping: _Wrapping | None) -> list[int]:
    """Offsets within ``[start, end)`` where a new sentence begins, in order."""
    found = [
        match.start("first")
        for match in _CANDIDATE.finditer(text, start, end)
        if _ends_sentence(text, match, end)
    ]
    if text.find("\n", start, end) >= 0:
        breaks = _line_breaks(text, start, end, wrapping)
        if breaks:
            found = sorted(set(found).union(breaks))
    return found


class _Wrapping:
    """How a text is hard-wrapped (rule 2): its width, and whether mixed case confirms it."""

    __slots__ = ("lower_case", "width")

    def __init__(self, width: int, lower_case: bool) -> None:
        self.width = width
        self.lower_case = lower_case

    @classmethod
    def of(cls, text: str, blocks: list[tuple[int, int]]) -> _Wrapping | None:
        """The wrapping of the lines inside `blocks`, or None when the text is not hard-wrapped."""
        lengths: list[int] = []
        lower = 0
        for start, end in blocks:
            if text.find("\n", start, end) < 0:
                continue
            line_start = start
            for match in _LINE_BREAK.finditer(text, start, end):
                lengths.append(len(text[line_start : match.start()].strip()))
                line_start = match.end()
                lower += text[line_start].islower()
        if not lengths:
            return None
        lengths.sort()
        width = lengths[int(_WRAP_PERCENTILE * (len(lengths) - 1))]
        if not _WRAP_WIDTHS[0] <= width <= _WRAP_WIDTHS[1]:
            return None
        return cls(width, lower >= _LOWER_CASE_WRAPS * len(lengths))


def _line_breaks(text: str, start: int, end: int, wrapping: _Wrapping | None) -> list[int]:
    """Starts of the lines of a block that begin a new sentence (rule 2)."""
    soft_wraps = wrapping is not None and (wrapping.lower_case or not _has_lower_case(text, start, end))
    filled = _FILLED * wrapping.width if wrapping is not None else 0.0
    found = []
    line_start = start
    for match in _LINE_BREAK.finditer(text, start, end):
        previous_start, line_start = line_start, match.end()
        if text[line_start].islower():
            continue
        if (
            soft_wraps
            and len(text[previous_start : match.start()].strip()) >= filled
            and not _LIST_MARKER.match(text, line_start, end)
        ):
            continue  # a wrapped line: the punctuation before the break decides
        found.append(line_start)
    return found


def _has_lower_case(text: str, start: int, end: int) -> bool:
    block = text[start:end]
    return block.upper() != block


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
