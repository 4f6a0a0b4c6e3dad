"""Tense cues for a clause: past, present, future or conditional.

Dates need them: "Erdogan meets Putin on Thursday" and "Erdogan will meet Putin on Thursday" name a
Thursday after the publication date, "Erdogan met Putin on Thursday" one before it.

`clause_tense` finds the clause around an offset: the sentence is cut into segments at commas,
semicolons, colons, dashes, brackets and quotation marks, and the segment holding the offset
decides when it has a verb group; otherwise the segment is read together with its neighbours.
`tense_of` reads the first verb group of a stretch of text, left to right:

- ``future``: will, shall, 'll, won't; be going/set/due/scheduled/expected/about to; plan(s) to;
- ``conditional``: would, could, might, should, may (the modal, lower case), 'd;
- ``past``: was, were, did, had, has/have + participle (the perfect reports the past), a past
  form of a common irregular verb (met, said, told, ...) or an -ed form after its subject;
- ``present``: is, are, am, do, does, has/have + "to", or an -s form after its subject ("Erdogan
  meets", "the expert says");
- ``unknown`` when no verb group is found (headings such as "Russian expert: compromise possible").
"""

from __future__ import annotations

import re
from typing import Literal

from newsparse.text.lexicon import FUNCTION_WORDS, ORGANISATION_NOUNS, PERSON_ROLES, country_of

__all__ = ["Tense", "clause_tense", "clauses", "tense_of"]

Tense = Literal["past", "present", "future", "conditional", "unknown"]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Segment boundaries inside a sentence: commas, semicolons, colons, dashes, brackets, quotes.
_SEGMENT_BREAK = re.compile(r"[,;:—–()\[\]\"“”]")

_FUTURE_AUXILIARIES = frozenset({"will", "shall", "'ll", "’ll", "won't", "won’t"})
_CONDITIONAL_AUXILIARIES = frozenset(
    {"would", "could", "might", "should", "may", "'d", "’d", "wouldn't", "couldn't"}
)
_BE_PRESENT = frozenset({"is", "are", "am", "isn't", "aren't", "’s", "'s", "'re", "’re"})
_BE_PAST = frozenset({"was", "were", "wasn't", "weren't"})
_HAVE_PRESENT = frozenset({"has", "have", "hasn't", "haven't", "'ve", "’ve"})
_DO = frozenset({"do", "does", "don't", "doesn't", "did", "didn't"})
# "is going to", "are set to", "is due to": the future told with a present form of "be".
_FUTURE_AFTER_BE = frozenset({"going", "set", "due", "scheduled", "expected", "about", "slated", "poised"})
_PLAN_VERBS = frozenset({"plans", "plan", "intends", "intend", "aims", "aim"})
_SUBJECT_WORDS = frozenset({"he", "she", "it", "who", "that", "which", "they", "we", "i", "you"})
_NOT_VERBS_S = _words(
    """this his its was has is us as thus yes news series species less unless always perhaps
    analysis crisis basis process business bus gas campus status various serious previous famous"""
)
# Past forms of common irregular verbs in news (participles that differ are listed too: "has
# been", "had taken").
_IRREGULAR_PAST = _words(
    """
    said told met went came took made gave held began left won lost saw knew thought brought bought
    fought caught taught sought found felt kept led meant paid put read ran sat sent set shot spent
    stood struck swore threw understood wore wrote broke chose drove fell flew forgot froze got grew
    hid hit hung hurt laid lay lit rode rose rang sang sank shook shone slid spoke stole stuck stung
    swept swam swung tore woke withdrew overran undertook became forbade arose
    been done gone taken given seen known shown begun written spoken broken chosen driven fallen
    flown forgotten frozen gotten grown hidden ridden risen sworn thrown torn woken withdrawn overrun
    """
)


def clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) spans of the segments of ``text[start:end]`` between commas, semicolons,
    colons, dashes, brackets and quotation marks."""
    stop = len(text) if end is None else end
    spans = []
    position = start
    for match in _SEGMENT_BREAK.finditer(text, start, stop):
        if match.start() > position:
            spans.append((position, match.start()))
        position = match.end()
    if position < stop:
        spans.append((position, stop))
    return spans or [(start, stop)]


def clause_tense(text: str, start: int, end: int, offset: int) -> Tense:
    """The tense of the clause around `offset` in the sentence ``text[start:end]``.

    The segment holding `offset` decides when it has a verb group ("Erdogan, who met Putin last
    year, will travel on Thursday": "will travel on Thursday" is future). A segment without one
    ("On Thursday, Erdogan will meet Putin") takes the tense of the text from it to the next
    segment, then from the previous segment to it, then of the whole sentence.
    """
    segments = clauses(text, start, end)
    index = next((i for i, (s, e) in enumerate(segments) if s <= offset < e), None)
    if index is None:
        return tense_of(text[start:end])
    segment_start, segment_end = segments[index]
    tries = [(segment_start, segment_end)]
    if index + 1 < len(segments):
        tries.append((segment_start, segments[index + 1][1]))
    if index > 0:
        tries.append((segments[index - 1][0], segment_end))
    tries.append((start, end))
    for try_start, try_end in tries:
        tense = tense_of(text[try_start:try_end])
        if tense != "unknown":
            return tense
    return "unknown"


# What a word can say about the tense, one code per word: the checks of `tense_of` in the order
# it makes them (a word in several tables gets the code of the first check), so that the scan
# makes one dictionary look-up per word.
_FUTURE, _CONDITIONAL, _BE_NOW, _PAST_AUXILIARY, _HAVE_NOW, _DO_SUPPORT, _PLAN, _IRREGULAR = range(8)


def _word_codes() -> dict[str, int]:
    codes: dict[str, int] = {}
    tables = (
        (_FUTURE, _FUTURE_AUXILIARIES),
        (_CONDITIONAL, _CONDITIONAL_AUXILIARIES),
        (_BE_NOW, _BE_PRESENT),
        (_PAST_AUXILIARY, _BE_PAST | {"had", "hadn't"}),
        (_HAVE_NOW, _HAVE_PRESENT),
        (_DO_SUPPORT, _DO),
        (_PLAN, _PLAN_VERBS),
        (_IRREGULAR, _IRREGULAR_PAST),
    )
    for code, words in tables:
        for word in words:
            codes.setdefault(word, code)
    return codes


_CODES = _word_codes()
# "the set", "to read": an irregular past form after these is a noun or an infinitive.
_NOT_AFTER_PAST = frozenset({"the", "a", "an", "to"})


def tense_of(clause: str) -> Tense:
    """The tense of a clause, from its first verb group (see the module docstring)."""
    originals = _WORD.findall(clause)
    words = list(map(str.lower, originals))
    last = len(words) - 1
    codes = _CODES
    for position, word in enumerate(words):
        code = codes.get(word)
        if code is not None:
            if code == _FUTURE:
                return "future"
            if code == _CONDITIONAL:
                return "conditional"
            following = words[position + 1] if position < last else ""
            if code == _BE_NOW:
                going_to = (
                    following in _FUTURE_AFTER_BE and position + 2 <= last and words[position + 2] == "to"
                )
                return "future" if going_to else "present"
            if code == _PAST_AUXILIARY:
                return "past"
            if code == _HAVE_NOW:
                return "present" if following in ("to", "got") else "past"
            if code == _DO_SUPPORT:
                return "past" if word.startswith("did") else "present"
            if code == _PLAN and following == "to":
                return "future"
            if code == _IRREGULAR and (position == 0 or words[position - 1] not in _NOT_AFTER_PAST):
                return "past"
        # An -ed or -s form right after its subject ("Erdogan meets"); the word's shape is
        # checked first, as it is cheaper than the subject.
        if position and word[-1] in "ds":
            past = len(word) > 4 and word.endswith("ed")
            if (past or _present_s_form(word)) and _is_subject(originals[position - 1]):
                return "past" if past else "present"
    return "unknown"


def _present_s_form(word: str) -> bool:
    return (
        len(word) >= 4
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and word not in _NOT_VERBS_S
    )


def _is_subject(word: str) -> bool:
    """A word that can be the subject right before a verb: a pronoun, a name (not a nationality
    word: "Turkish soldiers"), or a singular person or organisation noun ("the expert says")."""
    key = word.lower()
    if key in _SUBJECT_WORDS or key in PERSON_ROLES or key in ORGANISATION_NOUNS:
        return True
    if not word[:1].isupper() or key in FUNCTION_WORDS:
        return False
    found = country_of(word)
    return found is None or found[1] != "demonym"
