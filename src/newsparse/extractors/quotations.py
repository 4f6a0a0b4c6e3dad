"""Quotations: who said what — direct quotes, partial quotes and reported speech, with speakers.

The extractor works in four passes over the article text, all linear in its length:

1. **Quote marks** are paired by family (double ``" “ ” „``, guillemets ``« »``, single
   ``' ‘ ’ ‚``, CJK corner brackets) and by direction read from the characters around each mark,
   with a stack per paragraph so nested quotes pair inside out. A mark that cannot be paired is
   ignored; an opening double mark left unclosed at a paragraph end either continues in the next
   paragraph (when that paragraph opens with a mark, the news convention for long quotes) or, when
   it opened a sentence, is closed at its paragraph's end — never later.
2. **Direct quotes** (top-level quoted spans that are utterances) get their attribution from the
   text right after them (``"...," X said`` / ``"...," said X`` / ``"..." — X``), or right before
   them (``X said: "..."``, ``X told reporters, "..."``, ``According to X, "..."``, a colon line in
   the previous paragraph). An interrupted quote (``"A," she said, "B."``) is one finding with two
   `pieces`; a quote with no attribution of its own inherits the speaker of the attribution just
   before it (a follow-on quote).
3. **Reported speech**: every cue verb outside quotes ("said", "told ... that", "believes",
   "according to", ...) not used by a direct quote gives an ``indirect`` finding for its content
   (the clause after the cue, or before a post-posed ``, X said``), ``mixed`` when the content holds
   quoted words and ``partial`` when the content is essentially one quoted fragment.
4. **Speakers** resolve to the fullest name: the language layer's entities first, then rules kept
   here because they are about attribution — the speaker chain across consecutive quotes for
   pronouns, surname and transliteration aliases (Akhmetov ~ Achmetow), and nominal references
   ("the expert") matched to the person the article described that way.

Scare quotes, titles and nicknames (short quoted fragments outside any attribution) are not
quotations. See ``docs/quotations.md`` for the conventions and limits.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Literal, NamedTuple

import attrs
import regex

from newsparse.hookspecs import hookimpl
from newsparse.model import Finding
from newsparse.text import lexicon
from newsparse.text.sentences import ABBREVIATIONS

if TYPE_CHECKING:
    from newsparse.model import Article
    from newsparse.text.document import Document
    from newsparse.typing import ExtractorRegistrar

__all__ = [
    "QuotationFinding",
    "QuotationsConfig",
    "QuotationsExtractor",
    "find_quotes",
    "newsparse_register_extractors",
]

QuotationKind = Literal["direct", "partial", "indirect", "mixed"]


@attrs.frozen(kw_only=True)
class QuotationFinding(Finding):
    """One attribution: what was said (the span) and who said it.

    The span (``start``/``end``/``text``) runs from the first to the last piece of the content;
    for an interrupted quote (``"A," she said, "B."``) or a quote over several paragraphs it
    encloses the attribution or paragraph breaks between the pieces, and `pieces` gives the
    content alone.
    """

    kind: QuotationKind
    """``direct`` (a fully quoted utterance), ``partial`` (a quoted fragment used as the content:
    warn of "one of the greatest challenges"), ``indirect`` (reported speech or belief without quote
    marks) or ``mixed`` (reported speech holding quoted words)."""

    speaker: str | None = None
    """The speaker's fullest name in the article ("Recep Tayyip Erdogan" for "he"), the written
    description when it names nobody ("a police spokesman"), or None when unknown."""

    speaker_start: int | None = None
    """Offset of the speaker mention used (the pronoun, surname or name as written near the cue)."""

    speaker_end: int | None = None
    """Offset one past that mention."""

    speaker_text: str | None = None
    """The speaker mention as written ("he", "Achmetow", "the Russian expert")."""

    speaker_via: str | None = None
    """How the speaker was found: ``name``, ``pronoun``, ``nominal`` (a description such as "the
    expert"), ``follow-on`` (inherited from the attribution just before), or None."""

    cue: str | None = None
    """The cue as written: a verb ("said", "told", "believes"), ``according to``, or a colon or dash
    that introduces the quote."""

    cue_start: int | None = None
    """Offset of the cue."""

    cue_end: int | None = None
    """Offset one past the cue."""

    pieces: tuple[tuple[int, int], ...] = ()
    """The content as (start, end) pieces, quote marks included for quoted pieces; one piece for a
    plain quotation, several for interrupted quotes, quotes over paragraphs and content split by a
    parenthetical attribution ("A, he believes, B")."""


@attrs.frozen(kw_only=True)
class QuotationsConfig:
    """Options of the ``quotations`` extractor."""

    indirect: bool = True
    """Also report reported speech and beliefs (``indirect``/``mixed``/``partial``); False keeps
    direct quotes only."""

    follow_on: bool = True
    """Give a quote without an attribution of its own the speaker of the attribution just before it."""

    # Off by default: two apostrophes are ambiguous in web text, and corpora that use them (LDC
    # and news-archive exports) treat such spans as not directly quoted.
    typewriter_marks: bool = False
    """Read two apostrophes or backticks as one double mark (``''like this''``, common in text
    exported from news databases); turn on for such archives."""

    min_unattributed_words: int = 4
    """A quoted sentence with no attribution and no preceding speaker is reported (speaker None)
    only from this many words; shorter ones are taken for scare quotes or titles."""


# --------------------------------------------------------------------------------------------
# Lexicon: cue verbs. Kept here until the language layer's shared lexicon offers speech verbs.
# --------------------------------------------------------------------------------------------

# The shared lexicon (`newsparse.text.lexicon.ATTRIBUTION_VERBS`) gives the speech and belief
# verbs; these are the extra cues that matter for quotations: manners of speaking that introduce
# direct quotes, and evaluative verbs that PolNeAR-style attribution counts.
EXTRA_SPEECH_VERBS = frozenset(
    """
    advise attack blast brag chant condemn cry detail disagree exclaim hail hint interject laugh muse
    mutter praise recommend reject remind scream shout slam snap speculate voice welcome whisper
    wonder yell
    """.split()
)
EXTRA_BELIEF_VERBS = frozenset("intend realise realize recognise recognize".split())
#: What sources show or find ("the poll shows", "investigators found that"): attributions only
#: with "that" or an evidence noun as the subject.
EVIDENCE_VERBS = frozenset({"show", "find"})
_EVIDENCE_NOUNS = frozenset(
    """
    poll polls survey surveys study studies report reports data research analysis figures numbers
    records documents results evidence review investigation investigators audit census estimates
    statistics tally count models model projections filings emails
    """.split()
)
_THAT = regex.compile(r"(?:\s+\p{Ll}+ly)?\s+that\b")
# "pointed out", "points to": only with the particle (the bare forms are the noun "point").
_PARTICLE_ONLY_VERBS = frozenset({"point"})
#: Cues that only work next to a quote (``"...," he continued`` / ``The statement read: "..."``).
QUOTE_ONLY_VERBS = frozenset({"continue", "read", "begin", "go", "post"})
# Too often something else ("we will see", "speaking at a rally"): left out as cues.
_NOT_CUES = frozenset({"see", "speak", "brief", "point"})

_IRREGULAR = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "know": ("know", "knows", "knew", "known", "knowing"),
    "feel": ("feel", "feels", "felt", "feeling"),
    "swear": ("swear", "swears", "swore", "sworn", "swearing"),
    "read": ("read", "reads"),
    "begin": ("began",),
    "go": ("went on",),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "cry": ("cried", "cries"),
    "snap": ("snapped",),
    "point": ("pointed out", "points out", "pointing out", "point out"),
    "call": ("call", "calls", "called", "calling", "called for", "calls for", "called on", "calls on"),
}


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


def _forms(lemmas: Iterable[str]) -> dict[str, str]:
    return {form: lemma for lemma in lemmas for form in _inflect(lemma)}


def _cue_table() -> tuple[dict[str, str], frozenset[str]]:
    """Form → lemma for every cue, and the lemmas that report beliefs rather than speech."""
    lemmas: dict[str, str] = {}
    beliefs = set(EXTRA_BELIEF_VERBS)
    for form, verb in lexicon.ATTRIBUTION_VERBS.items():
        if verb.lemma in _NOT_CUES:
            continue
        lemmas[form] = verb.lemma
        if verb.kind == "belief":
            beliefs.add(verb.lemma)
    lemmas.update(_forms(EXTRA_SPEECH_VERBS | EXTRA_BELIEF_VERBS | _PARTICLE_ONLY_VERBS))
    lemmas.update({"show": "show", "shows": "show", "showed": "show", "shown": "show"})
    lemmas.update({"find": "find", "finds": "find", "found": "find"})
    lemmas.update(_forms(QUOTE_ONLY_VERBS))
    return lemmas, frozenset(beliefs)


_CUE_LEMMA, COGNITION_VERBS = _cue_table()
_CUE_STARTS = frozenset(form.split()[0] for form in _CUE_LEMMA)
# "continued" and "read" are common outside attributions; they only count beside a quote.


# A cue is a whole lower-case word: not part of a longer word, a hyphenated compound
# ("well-said") or a contraction's tail; "According" may also open a sentence.
_CUE_WORD_BEFORE = r"(?<![\p{L}\p{N}\-’'])"
_CUE_WORD_AFTER = r"(?![\p{L}\p{N}\-])"
_PARTICLE = regex.compile(r" (?:for|on|out|to)\b")
# Runs of a-z: a superset of the cue words (edges unchecked), listed fast by the stdlib engine.
# Runs shorter than the shortest cue word ("a", "of", "to"...) are not listed at all.
_SHORTEST_CUE_WORD = min(len(word) for word in _CUE_STARTS)
_LOWER_CASE_RUN = re.compile("[a-z]{" + str(_SHORTEST_CUE_WORD) + ",}")
# The words that can open a cue with a particle ("call for", "point out").
_PARTICLE_TAKERS = frozenset(form.split()[0] for form in _CUE_LEMMA if " " in form)


class _Cue(NamedTuple):
    """A cue word (or ``according to``) found in the text (a named tuple: cheap to make)."""

    start: int
    end: int
    word: str
    according: bool = False


def _find_cues(text: str) -> Iterator[_Cue]:
    """Cue words in `text`, in order. The lower-case words are listed in C and intersected with
    the cue table; only the cue words present are then located, each with its own small pattern
    (much faster than a Python loop over every word, or one alternation of every form)."""
    present = set(_LOWER_CASE_RUN.findall(text)) & _CUE_STARTS  # candidates; patterns check edges
    if "according" in text or "According" in text:
        present.add("according")
    spans = sorted(match.span() for word in present for match in _cue_word_pattern(word).finditer(text))
    for start, end in spans:
        word = text[start:end]
        if word in {"according", "According"}:
            if text.startswith(" to", end):
                yield _Cue(start, end + 3, text[start : end + 3], according=True)
            continue
        if word not in _CUE_STARTS:
            continue
        particle = _PARTICLE.match(text, end) if word in _PARTICLE_TAKERS else None
        if particle is not None:
            phrase = word + particle.group()
            if phrase in _CUE_LEMMA:
                yield _Cue(start, particle.end(), phrase)
                continue
        if word in _CUE_LEMMA and not _belief_participle(word) and not text.startswith(" tank", end):
            yield _Cue(start, end, word)


_CUE_WORD_PATTERNS: dict[str, regex.Pattern[str]] = {}


def _cue_word_pattern(word: str) -> regex.Pattern[str]:
    """Where `word` stands as a whole word (compiled on first use, once per process)."""
    pattern = _CUE_WORD_PATTERNS.get(word)
    if pattern is None:
        body = _CUE_WORD_BEFORE + word + _CUE_WORD_AFTER
        if word == "according":
            body += r"|\bAccording\b"
        pattern = _CUE_WORD_PATTERNS[word] = regex.compile(body)
    return pattern


def _belief_participle(word: str) -> bool:
    """ "considering", "knowing", "wanting": beliefs in -ing are adjuncts, not attributions."""
    return word.endswith("ing") and _CUE_LEMMA.get(word) in COGNITION_VERBS


# Forms that are as often nouns or adjectives ("the claims", "his report", "the stated aim"):
# they only count after something that can be a subject.
_NOUN_LIKE_FORMS = frozenset(
    """
    claims reports notes calls tweets posts states charges answers comments remarks fears hopes
    wants doubts questions demands promises pledges vows estimates counters cries jokes laughs quips
    details signals hints voices attacks orders blasts slams thought feeling reading call post
    report note comment remark question answer estimate promise pledge vow joke order attack
    blast slam hint signal detail counter voice tweet charge claim demand fear hope doubt state
    """.split()
)

# Words that sit between a subject and its verb without being either.
_SKIPPABLE = frozenset(
    """
    has have had is was were are will would could should may might must also later then again
    previously reportedly recently once repeatedly long not never did does do often always publicly
    privately separately earlier already still now today yesterday tonight further initially first
    finally just even only simply quickly flatly angrily bluntly has've 's been being be since
    however meanwhile though too
    """.split()
)
# Determiners that only ever precede a noun (not "that", "one", "some": "some argue").
_NOUN_DETERMINERS = frozenset("the a an his her their its our my your this these those".split())
# Words after which no finite verb comes ("the suspect", "The suspect", "his protest"); unlike
# "this" ("this shows") or "her" ("heard her say"), they never stand before a verb.
_ARTICLES_AND_POSSESSIVES = _NOUN_DETERMINERS - {"her", "this", "these", "those"}
_DETERMINERS = frozenset(
    """
    the a an this that these those his her their its our my your one another some many several two three
    """.split()
)
_PRONOUN_GENDER: dict[str, str | None] = {
    "he": "m",
    "she": "f",
    "they": None,
    "it": None,
    "we": None,
    "i": None,
    "you": None,
}
_SUBJECT_PRONOUNS = frozenset(_PRONOUN_GENDER)
_NAME_PARTICLES = frozenset(
    "al al- bin ibn de da di del della der den van von la le du dos das el ben abu st.".split()
)
_TITLES = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "lady": "f",
    "lord": "m",
    "dr": None,
    "prof": None,
    "sen": None,
    "rep": None,
    "gov": None,
    "gen": None,
    "president": None,
    "senator": None,
    "minister": None,
    "king": "m",
    "queen": "f",
    "prince": "m",
    "princess": "f",
    "pope": "m",
}
# First names the shared lexicon does not have yet (politicians and officials frequent in news).
_MORE_FIRST_NAMES: dict[str, str] = {
    **dict.fromkeys(
        """
        austin barack bryan corey elijah francois jair jean jeb jesse joko jordan kyle larry lawrence
        logan luigi mason mitt narendra newt noah rand randy raymond reince roy shinzo tyler wayne willie
        xi zachary
        """.split(),
        "m",
    ),
    **dict.fromkeys(
        """
        amber andrea betty beverly brittany chelsea cheryl condoleezza danielle debbie debra frances huma
        ivanka judy kayla kellyanne kimberly madeleine madison marilyn melissa nikki pamela patricia
        rose samantha sharon sheryl shirley tulsi
        """.split(),
        "f",
    ),
}


def _first_name_gender(word: str) -> str | None:
    return lexicon.first_name_gender(word) or _MORE_FIRST_NAMES.get(word.lower())


def _role_gender(word: str) -> str | None:
    return lexicon.PERSON_ROLES.get(word.lower()) or lexicon.HONORIFICS.get(word.lower().rstrip("."))


# --------------------------------------------------------------------------------------------
# Quote marks
# --------------------------------------------------------------------------------------------

_FAMILY = {
    '"': "d",
    "“": "d",
    "”": "d",
    "„": "d",
    "‟": "d",
    "«": "g",
    "»": "g",
    "‹": "s",
    "›": "s",
    "'": "s",
    "‘": "s",
    "’": "s",
    "‚": "s",
    "‛": "s",
    "「": "c",
    "」": "c",
    "『": "k",
    "』": "k",
}
_OPENING_BIAS = frozenset("“„‟«‘‚‛‹「『")
_CLOSING_BIAS = frozenset("”»’›」』")
# Two apostrophes (or backticks) are one double mark in typewriter-style text: ''like this''.
_MARK = regex.compile("''|``|[" + regex.escape("".join(_FAMILY)) + "]")
_SINGLE_MARK = regex.compile("[" + regex.escape("".join(_FAMILY)) + "]")
_BOUNDARY_BEFORE = frozenset("([{<—–―-/:;…" + "".join(_FAMILY))
_BOUNDARY_AFTER = frozenset(")]}>.,;:!?—–―-…" + "".join(_FAMILY))
# How far down the stack a closing mark looks for its opener, and how deep the stack may grow:
# both bounded so that 100,000 unpaired marks stay linear.
_STACK_LOOK = 6
_STACK_MAX = 32


@attrs.frozen
class Quote:
    """One quoted piece: from its opening mark to one past its closing mark (or its paragraph end)."""

    start: int
    end: int
    family: str
    closed: bool


@attrs.define
class QuoteGroup:
    """A top-level quotation: one piece, or several when it runs over paragraphs."""

    pieces: list[Quote]

    @property
    def start(self) -> int:
        return self.pieces[0].start

    @property
    def end(self) -> int:
        return self.pieces[-1].end


def _role(text: str, i: int, lo: int, hi: int, stack: list[tuple[int, str]], width: int = 1) -> int:
    """+1 when the mark at `i` opens a quote, -1 when it closes one, 0 when it is neither."""
    char = text[i] if width == 1 else ("“" if text[i] == "`" else '"')
    family = _FAMILY[char]
    before = text[i - 1] if i > lo else " "
    after = text[i + width] if i + width < hi else " "
    if family == "s" and before.isalnum() and after.isalnum():
        return 0  # an apostrophe: it's, Turkey’s (most single marks: decided first)
    boundary_before = before.isspace() or before in _BOUNDARY_BEFORE
    boundary_after = after.isspace() or after in _BOUNDARY_AFTER
    opens = boundary_before and not boundary_after
    closes = boundary_after and not boundary_before
    pending = any(f == family for _, f in stack[-_STACK_LOOK:])
    if family == "s":
        if opens:
            return 0 if after.isdigit() or char == "’" else 1  # '90s, ’em
        if closes or (boundary_before and boundary_after):
            return -1 if pending else 0  # players’ union: a possessive unless a quote is open
        return 0
    if char in _OPENING_BIAS:
        return -1 if closes and pending else 1  # „so“ (German) closes with “
    if char in _CLOSING_BIAS:
        return 1 if opens and not pending else -1  # ”so” (Swedish) opens with ”
    if opens:
        return 1
    if closes or (boundary_before and boundary_after) or (before.isalnum() and after.isalnum()):
        return -1 if pending else 0
    return 0


def _pair_block(
    text: str, lo: int, hi: int, marks: regex.Pattern[str] = _MARK
) -> tuple[list[Quote], list[tuple[int, str]]]:
    """Pairs of marks inside one paragraph, and the opening marks left unclosed at its end."""
    stack: list[tuple[int, str]] = []
    quotes: list[Quote] = []
    for match in marks.finditer(text, lo, hi):
        i = match.start()
        width = match.end() - i
        family = "d" if width == 2 else _FAMILY[text[i]]
        role = _role(text, i, lo, hi, stack, width)
        if role > 0:
            stack.append((i, family))
            if len(stack) > _STACK_MAX:
                del stack[0]
        elif role < 0:
            for k in range(len(stack) - 1, max(-1, len(stack) - 1 - _STACK_LOOK), -1):
                if stack[k][1] == family:
                    quotes.append(Quote(start=stack[k][0], end=i + width, family=family, closed=True))
                    del stack[k:]
                    break
    return quotes, stack


def _family_at(text: str, i: int) -> str | None:
    """The family of the quote mark at `i` ('' and `` count as double marks), or None."""
    if text.startswith(("''", "``"), i):
        return "d"
    return _FAMILY.get(text[i : i + 1])


_CLOSING_MARKS = frozenset("\"”’»'")


def _opens_sentence(text: str, lo: int, i: int) -> bool:
    """True when the mark at `i` stands where a sentence can start (paragraph start, after . : ...)."""
    j = i
    while j > lo and text[j - 1].isspace():
        if text[j - 1] == "\n":
            return True
        j -= 1
    if j > lo + 1 and text[j - 1] in _CLOSING_MARKS and text[j - 2] in ".!?…":
        return True  # 'called it "a turning point." "We will ...'
    return j == lo or text[j - 1] in ".!?:;—–―-…"


def find_quotes(
    text: str, blocks: Sequence[tuple[int, int]], *, typewriter_marks: bool = True
) -> list[QuoteGroup]:
    """Top-level quotations of `text`, paragraph by paragraph, in order.

    Args:
        text: the text.
        blocks: (start, end) of its paragraphs; a quote never crosses a paragraph unless the next
            paragraph opens with a mark of the same kind (a quote continued over paragraphs).
    """
    per_block: list[list[Quote]] = []
    continues: list[bool] = []
    for index, (lo, hi) in enumerate(blocks):
        quotes, unclosed = _pair_block(text, lo, hi, _MARK if typewriter_marks else _SINGLE_MARK)
        next_opens = False
        if index + 1 < len(blocks):
            next_opens = _family_at(text, blocks[index + 1][0]) in ("d", "g")
        carried = False
        for position, family in unclosed:
            if family not in "dg":
                continue
            follows = next_opens and _family_at(text, blocks[index + 1][0]) == family
            if follows or _opens_sentence(text, lo, position):
                end = hi
                while end > position and text[end - 1].isspace():
                    end -= 1
                quotes.append(Quote(start=position, end=end, family=family, closed=False))
                carried = follows
            break  # only the outermost unclosed mark can run to the paragraph end
        per_block.append(_top_level(quotes))
        continues.append(carried)

    groups: list[QuoteGroup] = []
    carry: QuoteGroup | None = None
    for index, quotes in enumerate(per_block):
        lo = blocks[index][0]
        for position, quote in enumerate(quotes):
            if carry is not None and position == 0 and quote.start == lo:
                carry.pieces.append(quote)
                continue
            carry = None
            groups.append(QuoteGroup(pieces=[quote]))
        carry = groups[-1] if quotes and continues[index] and not quotes[-1].closed else None
    return groups


def _top_level(quotes: list[Quote]) -> list[Quote]:
    """Quotes not inside another one, in order."""
    quotes.sort(key=lambda q: (q.start, -q.end))
    top: list[Quote] = []
    covered = -1
    for quote in quotes:
        if quote.start < covered:
            continue
        top.append(quote)
        covered = quote.end
    return top


# --------------------------------------------------------------------------------------------
# Words and phrases
# --------------------------------------------------------------------------------------------

_WORD = regex.compile(r"[\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]")
_TIME_WORDS = frozenset(
    """
    monday tuesday wednesday thursday friday saturday sunday week weekend month year morning
    afternoon evening night day today yesterday tonight
    """.split()
)
_TIME_LEAD = frozenset("on last this next early late earlier later in during".split())
_CLAUSE_STOPS = frozenset(
    """
    and but or because while when as after before since if although though that which who whom whose
    where to in on at by for from of with about into over under against than like during without
    so yet nor whether until unless despite amid among between through
    """.split()
)
_PP_INSIDE_NOMINAL = frozenset("for of at with from in".split())
_COMMA_LIKE = frozenset({",", "—", "–"})


class _Token:
    """A word or punctuation mark with its offsets (a plain slotted class: tokens are many)."""

    __slots__ = ("capital", "end", "is_word", "low", "start", "word")

    def __init__(self, start: int, end: int, word: str) -> None:
        self.start = start
        self.end = end
        self.word = word
        low = word.lower()
        self.low = low.rstrip(".") if low[-1] == "." else low
        first = word[0]  # tokens are never empty
        self.capital = first.isupper()
        self.is_word = first.isalnum()


def _tokens(text: str, lo: int, hi: int) -> list[_Token]:
    """The words and punctuation marks of ``text[lo:hi]``."""
    return list(_iter_tokens(text, lo, hi))


def _iter_tokens(text: str, lo: int, hi: int) -> Iterator[_Token]:
    """The tokens of ``text[lo:hi]``, made only as far as they are read (forward scans from a
    clause start stop after a few words; their window is a bound, rarely reached)."""
    for match in _WORD.finditer(text, lo, hi):
        word = match[0]
        start, end = match.span()
        # A word's final dot is a full stop unless the word is an abbreviation or an initial.
        if word[-1] == "." and end - start > 1 and not _keeps_dot(word):
            yield _Token(start, end - 1, word[:-1])
            yield _Token(end - 1, end, ".")
        else:
            yield _Token(start, end, word)


def _keeps_dot(word: str) -> bool:
    bare = word[:-1]
    return (
        (len(bare) == 1 and bare.isupper())
        or "." in bare
        or bare.lower() in _TITLES
        or bare.lower() in {"jr", "sr", "st"}
    )


_STATE_ABBREVIATIONS = frozenset(
    """
    ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn tex va vt wash wis wyo
    """.split()
)
_ABBREVIATED = regex.compile(
    r"(?:\b\p{Lu}|\b\p{L}+\.\p{L}+|\b(?:"
    + "|".join(sorted({*ABBREVIATIONS, *_STATE_ABBREVIATIONS, *_TITLES}, key=len, reverse=True))
    + r"))\.$",
    regex.IGNORECASE,
)
_FULL_STOP = regex.compile(r"[.!?](?=[\s\"'”’)]|$)")


def _ends_a_sentence(text: str, lo: int, hi: int) -> bool:
    """True when ``text[lo:hi]`` holds a full stop that ends a sentence (not "Mr." or "D-Mo.")."""
    for match in _FULL_STOP.finditer(text, lo, hi):
        if match.group() != ".":
            return True
        if not _ABBREVIATED.search(text[max(lo, match.start() - 12) : match.end()]):
            return True
    return False


_NEVER_NAMES = lexicon.FUNCTION_WORDS | {"hours", "days", "minutes", "weeks", "months", "years"}


def _is_name_token(token: _Token) -> bool:
    # Capitalised function words ("Why", "Maybe", "Hours later") start sentences, not names.
    return (
        token.capital
        and token.is_word
        and token.low not in _SUBJECT_PRONOUNS
        and token.low not in _NEVER_NAMES
    )


def _name_run_backward(tokens: Sequence[_Token], end: int) -> int:
    """Index of the first token of the capitalised name run ending at ``tokens[end - 1]``."""
    i = end
    while i > 0:
        token = tokens[i - 1]
        if _is_name_token(token) or (token.low in _NAME_PARTICLES and i < end):
            i -= 1
            continue
        break
    # A run does not start with a particle ("de", "van", "al"), but its last word always stays:
    # a particle's spelling can be a word of its own ("The DA said").
    while i < end - 1 and tokens[i].low in _NAME_PARTICLES:
        i += 1
    return i


def _subject_before(
    text: str, lo: int, hi: int, *, cue_is_participle: bool = False
) -> tuple[int, int] | None:
    """The subject noun phrase of a verb at `hi`, looking back no further than `lo`.

    Skips auxiliaries, adverbs and time phrases ("on Wednesday"), appositions ("Timur Akhmetov,
    an expert with ..., said") and relative pronouns ("Smith, who ..., said").
    """
    tokens = _tokens(text, max(lo, hi - 200), hi)
    i = len(tokens)
    while i > 0:
        low = tokens[i - 1].low
        if low in _SKIPPABLE or (low.endswith("ly") and not tokens[i - 1].capital and len(low) > 4):
            i -= 1
        elif low in _TIME_WORDS and i >= 2 and tokens[i - 2].low in _TIME_LEAD:
            i -= 2
        elif low in _TIME_WORDS and i >= 3 and tokens[i - 3].low in _TIME_LEAD and not tokens[i - 2].is_word:
            i -= 3
        elif (
            i >= 2
            and tokens[i - 2].low == "on"
            and tokens[i - 1].capital
            and tokens[i - 1].low in _TIME_WORDS
        ):
            i -= 2
        else:
            break
    # "Rep. Gwen Moore (D-Wis.) said": skip the bracket.
    if i > 0 and tokens[i - 1].word == ")":
        k = i - 1
        while k > 0 and tokens[k].word != "(" and i - k < 12:
            k -= 1
        if tokens[k].word == "(":
            i = k
    if i == 0:
        return None
    last = tokens[i - 1]
    if last.low in {"and", "but", "then"} or (last.word == "," and cue_is_participle):
        # "I laughed and said", "Trump attacked Clinton, saying": the clause's own subject.
        return _clause_subject(text, lo, tokens[i - 1].start)
    if last.low in {"who", "which", "that"}:
        i -= 1
        if i > 0 and tokens[i - 1].word == ",":
            i -= 1
        return _np_ending(tokens, i)
    if last.word in _COMMA_LIKE:
        # "X, an expert with Y, said": the subject is before the apposition.
        commas = [k for k in range(i - 1) if tokens[k].word in _COMMA_LIKE]
        if commas:
            k = commas[-1]
            apposition = tokens[k + 1 : i - 1]
            head_end = k
            if k > 0 and tokens[k - 1].word == ")":
                # "Rep. Dana Whitfield (D-Ohio), a superdelegate, said": skip the bracket.
                opening = next((j for j in range(k - 2, max(-1, k - 12), -1) if tokens[j].word == "("), None)
                head_end = opening if opening is not None else k
            head = _np_ending(tokens, head_end)
            if apposition and head is not None:
                first = apposition[0]
                if first.low in _DETERMINERS or first.low in {"who", "which", "whose"} or not first.capital:
                    return head
                if _PARTY_LABEL.fullmatch(text, first.start, apposition[-1].end):
                    return head  # "Sen. Mark Olsen, R-Idaho, said"
                # "His foreign minister, Sergei Lavrov, said": the name in the apposition.
                run = _name_run_backward(tokens, i - 1)
                if run < i - 1 and run == k + 1:
                    return tokens[run].start, tokens[i - 2].end
                return head
        return None
    span = _np_ending(tokens, i)
    if cue_is_participle and span is not None and tokens[i - 1].low in lexicon.SOURCE_NOUNS:
        words = text[span[0] : span[1]].split()
        if words[0].lower() in {"a", "an"}:
            # "she issued a statement saying ...": who issued it speaks.
            return _clause_subject(text, lo, span[0]) or span
    return span


_PARTY_LABEL = regex.compile(r"[RDI]\.?-\p{Lu}[\p{L}.]*")


def _clause_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The first noun phrase of a clause (its likely subject), after a leading adverbial
    ("During the debate, Trump ...", "In a statement, the ministry ...")."""
    window_end = min(hi, lo + 160)
    tokens = _iter_tokens(text, lo, window_end)
    token = next(tokens, None)
    if token is not None and (
        token.low in _CLAUSE_STOPS_OR_LEADS
        or (token.capital and token.low.endswith(("ing", "ed")) and token.low not in _NEVER_NAMES)
    ):
        # "During the summit, Okafor ...", "Noting that ..., Lindqvist ...", "Speaking in Lagos, Okafor ..."
        # A comma is always a token of its own: find the first, and tokenise on from there.
        comma = text.find(",", token.end, window_end)
        if comma < 0:
            return None
        tokens = _iter_tokens(text, comma + 1, window_end)
        token = next(tokens, None)
    while token is not None and (token.low in _LEADING_ADVERBS or not token.is_word):
        token = next(tokens, None)
    if token is None:
        return None
    span = _np_after(text, token.start, hi)
    if span is None:
        return None
    if text[span[0] : span[1]].lower() in {"here", "this", "that", "it", "there"}:
        return None
    # "His foreign minister, Sergei Lavrov, later spoke": the name in the apposition.
    apposition = _APPOSED_NAME.match(text, span[1], hi)
    if apposition is not None and not span_is_name(text, span):
        return apposition.start("name"), apposition.end("name")
    return span


_CLAUSE_STOPS_OR_LEADS = _CLAUSE_STOPS | {"during", "after", "before", "in", "on", "at"}
# Words that open a clause before its subject: "Meanwhile Adebayo ...", "And even the mayor ...".
_LEADING_ADVERBS = frozenset(
    "and but so then meanwhile still however instead also even now later earlier yet both".split()
)
_APPOSED_NAME = regex.compile(r",\s*(?P<name>\p{Lu}[\p{L}’'\-]+(?:\s+\p{Lu}[\p{L}’'.\-]+){1,3})\s*,")


def span_is_name(text: str, span: tuple[int, int]) -> bool:
    words = text[span[0] : span[1]].split()
    return bool(words) and all(w[:1].isupper() for w in words) and words[0].lower() not in _DETERMINERS


def _np_ending(tokens: Sequence[_Token], end: int) -> tuple[int, int] | None:
    """The noun phrase whose last token is ``tokens[end - 1]``: a pronoun, a name or a description."""
    if end <= 0:
        return None
    last = tokens[end - 1]
    if not last.is_word:
        return None
    if last.low in _SUBJECT_PRONOUNS:
        return last.start, last.end
    if last.low in _CLAUSE_STOPS or last.low in _SKIPPABLE:
        return None
    if _is_name_token(last):
        first = _name_run_backward(tokens, end)
        # "Putin and Erdogan want": both names.
        if first > 1 and tokens[first - 1].low == "and" and _is_name_token(tokens[first - 2]):
            first = _name_run_backward(tokens, first - 1)
        # "the Kremlin", "the New York Times": keep a determiner just before the name.
        if first > 0 and tokens[first - 1].low in {"the"}:
            first -= 1
        # "Mr. Morgan of the Sierra Club", "observers in Russia": the head comes first.
        if first > 1 and tokens[first - 1].low in {"of", "for", "at", "from", "with", "in"}:
            head = _np_ending(tokens, first - 1)
            if head is not None and tokens[first - 2].low not in _SUBJECT_PRONOUNS:
                return head[0], last.end
        # "the Russian expert": a capitalised adjective inside a description.
        return tokens[first].start, last.end
    # A description: lower-case words back to a determiner ("the Russian expert", "a spokesman").
    i = end - 1
    words = 0
    while i >= 0 and words < 6:
        token = tokens[i]
        if not token.is_word:
            return None
        if token.low in _DETERMINERS:
            return token.start, last.end
        if token.low in _CLAUSE_STOPS and token.low not in _PP_INSIDE_NOMINAL:
            break
        if token.low in _SKIPPABLE:
            break
        i -= 1
        words += 1
    if i < 0 and words <= 4:
        return tokens[0].start, last.end  # "Political observers" at the start of the clause
    # Bare plural or mass nouns ("officials said", "police say"): only the noun itself.
    if i + 1 == end - 1 or words == 1:
        return last.start, last.end
    return None


def _np_after(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The noun phrase starting at `lo` (after an inverted cue: ``said Timur Akhmetov, an expert``,
    ``said 9/11 widow Terry Strada``, ``said a spokesman for the ministry``)."""
    # The scan reads at most 13 tokens (12 words and the one after).
    tokens = list(itertools.islice(_iter_tokens(text, lo, min(hi, lo + 200)), 13))
    if not tokens or not tokens[0].is_word:
        return None
    first = tokens[0]
    if first.low in _SUBJECT_PRONOUNS:
        return first.start, first.end
    if first.low in _TIME_WORDS or first.low in _CLAUSE_STOPS or first.low in _SKIPPABLE:
        return None
    described = first.low in _DETERMINERS
    seen_name = False
    end = 0
    while end < len(tokens) and end < 12:
        token = tokens[end]
        if token.word == "." and end > 0 and _keeps_dot(tokens[end - 1].word + "."):
            end += 1
            continue
        if not token.is_word:
            break
        low = token.low
        if low in _PP_INSIDE_NOMINAL:
            following = tokens[end + 1] if end + 1 < len(tokens) else None
            if end == 0 or following is None or not (following.capital or following.low == "the"):
                break
            end += 1
            continue
        if low in _CLAUSE_STOPS or low in _CUE_LEMMA or (low in _SKIPPABLE and end > 0) or low in _TIME_WORDS:
            break
        following = tokens[end + 1] if end + 1 < len(tokens) else None
        if _is_name_token(token) and not (end == 0 and described):
            seen_name = True
        elif (
            seen_name and low in lexicon.PERSON_ROLES and following is not None and _is_name_token(following)
        ):
            pass  # "Former Ohio governor Janet Price", "Kremlin adviser Yuri Sokolov"
        elif seen_name and tokens[end - 1].low not in _PP_INSIDE_NOMINAL and low != "the":
            break  # "Obama ... " followed by a lower-case word: the name has ended
        elif not described and end >= 4:
            break
        end += 1
    while end > 0 and (tokens[end - 1].low in _PP_INSIDE_NOMINAL or tokens[end - 1].low == "the"):
        end -= 1
    if end == 0 or not (seen_name or described):
        return None
    return tokens[0].start, tokens[end - 1].end


# --------------------------------------------------------------------------------------------
# Speakers
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _skeleton(word: str) -> str:
    """A transliteration-tolerant key: Akhmetov, Achmetow and Ahmetov share one."""
    w = word.lower().replace("’", "").replace("'", "")
    for old, new in (
        ("kh", "h"),
        ("ch", "h"),
        ("sch", "sh"),
        ("w", "v"),
        ("ck", "k"),
        ("y", "i"),
        ("j", "i"),
    ):
        w = w.replace(old, new)
    out: list[str] = []
    for char in w:
        if not out or out[-1] != char:
            out.append(char)
    return "".join(out)


class _Speaker(NamedTuple):
    """A resolved speaker (a named tuple: many are made and copied with changes)."""

    name: str | None
    start: int
    end: int
    via: str | None
    gender: str | None = None
    person: bool = True
    # The language layer takes the mention for a person (a name, nominal or pronoun of a person,
    # or a lone unknown surname): only such speakers can be what "he"/"she" refers back to.
    known_person: bool = False
    # Where other people named can interrupt the chain from this speaker: after the sentence of
    # its attribution (an apposition, "Ivanova, Petrov's spokeswoman, said", does not).
    floor_end: int = 0
    # The attribution is a subordinate clause ("... when the host asked whether ...").
    subordinate: bool = False


_SUBORDINATORS = frozenset(
    "when as after before while because if until since though although whereas once unless".split()
)


class _Resolver:
    """Turns a speaker mention into the fullest name, with the attribution history for pronouns."""

    def __init__(self, text: str, document: Document, quoted: Callable[[int], bool]) -> None:
        self.text = text
        self.document = document
        self.history: list[_Speaker] = []
        # Names inside quotes are people addressed or talked about, rarely the speaker: they
        # take no part in resolving pronouns and descriptions.
        self.quoted = quoted
        # Reported-speech contents (set by the extraction before speakers are resolved): people
        # named there are talked about, they do not interrupt the speaker chain.
        self.reported: Callable[[int], bool] = lambda offset: False
        self.breaker: str | None = None  # who interrupted the speaker chain in the last lookup
        names: list[tuple[int, int, str]] = []
        for mention in document.mentions:
            if mention.kind == "name":
                names.append((mention.start, mention.end, mention.text))
        self.names = names
        self._name_starts = [n[0] for n in names]
        by_key: dict[str, str] = {}
        for _, _, name in names:
            words = name.split()
            key = _skeleton(words[-1].removesuffix("’s").removesuffix("'s"))
            if len(words) > len(by_key.get(key, "").split()):
                by_key[key] = " ".join(words)
        self._fullest = by_key
        self._fullest_of: dict[str, str] = {}
        self._subjects: dict[tuple[int, int], str | None] = {}
        self._sentence_starts = [sentence.start for sentence in document.sentences]

    # -- names ---------------------------------------------------------------------------------

    def fullest(self, phrase: str) -> str:
        """The fullest name in the article sharing the phrase's surname (Achmetow → Timur Akhmetov)."""
        # Asked again and again for the same few names: remembered per article.
        full = self._fullest_of.get(phrase)
        if full is None:
            full = self._fullest_of[phrase] = self._find_fullest(phrase)
        return full

    def _find_fullest(self, phrase: str) -> str:
        words = _name_words(phrase)
        if not words:
            return phrase
        surname = words[-1].removesuffix("’s").removesuffix("'s")
        candidates = [" ".join(words)]
        found = self._fullest.get(_skeleton(surname))
        if found:
            # "Maria Lopez" stays herself when the article also names Carlos Lopez.
            if len(words) == 1 or _first_names_agree(words[:-1], found.split()[:-1]):
                candidates.append(found)
        else:
            key = _skeleton(surname)
            if len(key) >= 6:
                for other_key, other in self._fullest.items():
                    if len(other_key) >= 6 and _one_edit(key, other_key):
                        candidates.append(other)
        best = max(candidates, key=lambda c: (len(_name_words(c)), len(c)))
        return " ".join(_name_words(best)) or best

    def _entity_name(self, start: int, end: int) -> str | None:
        entity = self.document.entity_at(start, end)
        return entity.name if entity is not None else None

    def gender_of(self, name: str | None, start: int | None = None) -> str | None:
        if not name:
            return None
        words = name.replace(".", "").split()
        for word in words[:2]:
            low = word.lower()
            gender = _role_gender(low) or (_TITLES.get(low) if low in _TITLES else None)
            if gender:
                return gender
        for word in words:
            gender = _first_name_gender(word)
            if gender:
                return gender
        if start is not None:
            # The role word before a mention: "Kremlin spokeswoman Maria Zakharova".
            window = self.text[max(0, start - 40) : start].lower().split()
            for word in reversed(window[-3:]):
                gender = _role_gender(word)
                if gender:
                    return gender
        return None

    # -- mentions ------------------------------------------------------------------------------

    def resolve(self, start: int, end: int) -> _Speaker:
        """Resolve the speaker phrase ``text[start:end]``."""
        phrase = self.text[start:end]
        head = _PP_TAIL.split(phrase, maxsplit=1)[0]
        if head.strip() and head != phrase:
            phrase = head  # "Mr. Morgan of the Sierra Club" → "Mr. Morgan"
        words = phrase.split()
        low = phrase.lower()
        if low in _PRONOUN_GENDER:
            return self._pronoun(start, end, _PRONOUN_GENDER[low])
        first = words[0].lower() if words else ""
        if first in _PRONOUN_GENDER and first not in {"i", "it"}:
            # "He said the vote ...", "She says Okafor": the phrase ran past the pronoun.
            return self._pronoun(start, start + len(words[0]), _PRONOUN_GENDER[first])
        name_words = [w for w in words if w[:1].isupper() and w.lower() not in _DETERMINERS]
        if words and words[0].lower() in _DETERMINERS and len(name_words) < len(words) - 1:
            # "the Russian expert", "a spokesman for the ministry"
            return self._nominal(start, end, words)
        if not name_words:
            return self._nominal(start, end, words)
        if " and " in phrase:
            # "Putin and Erdogan": each name in full.
            names = [self.fullest(part) for part in phrase.split(" and ") if part.strip()]
            return _Speaker(name=" and ".join(names), start=start, end=end, via="name", person=False)
        mention = self.document.mention_at(start, end)
        if (
            mention is not None
            and mention.kind == "name"
            and start <= mention.start
            and mention.end < end
            and self.text[mention.end : end].strip().islower()
        ):
            # "Okafor however", "Okafor won't": the name ends where the layer's mention does.
            phrase = self.text[start : mention.end]
        name = self.fullest(phrase.removeprefix("the ").removeprefix("The "))
        entity_name = self._entity_name(start, end)
        if entity_name:
            entity_name = " ".join(_name_words(entity_name))
            if len(entity_name.split()) > len(name.split()) and _same_surname(entity_name, name):
                name = entity_name
        return _Speaker(
            name=name,
            start=start,
            end=end,
            via="name",
            gender=self.gender_of(name, start),
            person=_looks_like_person(name),
            known_person=self.person_at(start, end),
        )

    def person_at(self, start: int, end: int) -> bool:
        """True when the language layer takes the mention at ``[start, end)`` for a person: the
        name, nominal or pronoun of a person, or a lone unknown word that names no group
        ("Banksy", not "Republicans"). Places, organisations, groups and capitalised words that
        are no name at all ("Stung by ...", "Viewers can ...") are not."""
        mention = self.document.mention_at(start, end)
        if mention is None:
            # The layer misses a lone surname opening a sentence before an adverb ("Okafor openly
            # admitted"): such a speaker counts unless it looks like a plural, a participle or
            # a function word ("Delegates asked", "Stung by ...", "Polls show").
            words = self.text[start:end].split()
            if len(words) != 1 or not words[0][:1].isupper() or not words[0].isalpha():
                return False
            low = words[0].lower()
            return not (
                low.endswith(("s", "ing", "ed"))
                or low in lexicon.FUNCTION_WORDS
                or low in lexicon.GROUP_NOUNS
                or len(low) < 3
            )
        entity = self.document.resolve(mention)
        kind = entity.kind if entity is not None else mention.category
        if kind == "person":
            return True
        return (
            kind == "unknown"
            and mention.kind == "name"
            and " " not in mention.text
            and lexicon.fold(mention.text) not in lexicon.GROUP_NOUNS
        )

    def _pronoun(self, start: int, end: int, gender: str | None) -> _Speaker:
        text = self.text[start:end]
        if text.lower() in {"i", "we", "you"}:
            return _Speaker(name=None, start=start, end=end, via="pronoun")
        organisation = text.lower() in {"it", "they"}
        # 1. The later of the speaker chain (the latest speaker of an attribution nearby whose
        #    gender agrees, unless another person was named since) and the latest sentence whose
        #    subject is a person of agreeing gender ("Obama also addressed ... "...," he said").
        self.breaker = None
        candidate = self._recent_speaker(start, gender, organisation)
        subject = None if organisation else self._recent_subject(start, gender)
        if subject is not None and (
            candidate is None
            or subject[1] > candidate.start
            or (candidate.subordinate and self._sentence_start(candidate.start) == subject[1])
        ):
            # ("The minister sounded wary when the host asked ...": the main clause's subject.)
            return _Speaker(
                name=subject[0], start=start, end=end, via="pronoun", gender=gender, known_person=True
            )
        if candidate is not None:
            return candidate._replace(start=start, end=end, via="pronoun")
        if self.breaker and self.is_person(self.breaker):
            # Karen Hollis, named since Baxter spoke: "..., said Baxter. ... with Senator Karen
            # Hollis attacking the plan. "...," she said."
            return _Speaker(
                name=self.breaker, start=start, end=end, via="pronoun", gender=gender, known_person=True
            )
        # 2. The language layer's resolution.
        entity = self.document.entity_at(start, end)
        if (
            entity is not None
            and entity.name.lower() != text.lower()
            and (
                organisation or (entity.kind == "person" and entity.named and _looks_like_person(entity.name))
            )
        ):
            name = self.fullest(entity.name)
            if gender is None or self.gender_of(name) in (None, gender):
                return _Speaker(
                    name=name, start=start, end=end, via="pronoun", gender=gender, known_person=True
                )
        # 3. The nearest earlier person name with an agreeing gender.
        nearest = self._nearest_name(start, gender)
        if nearest is not None:
            return _Speaker(
                name=nearest, start=start, end=end, via="pronoun", gender=gender, known_person=True
            )
        return _Speaker(name=None, start=start, end=end, via="pronoun", gender=gender)

    def _recent_speaker(self, start: int, gender: str | None, organisation: bool) -> _Speaker | None:
        limit = start - 1500
        for speaker in reversed(self.history):
            if speaker.start >= start:
                continue
            if speaker.start < limit:
                return None
            if speaker.name is None:
                continue
            if organisation:
                return None if speaker.person else speaker
            if not speaker.person or not speaker.known_person:
                continue
            if gender is not None and speaker.gender not in (None, gender):
                continue
            # Another person named between that attribution and this pronoun breaks the chain,
            # unless the pronoun's gender rules them out; the latest such person is remembered.
            refreshed = -1
            for other_start, other_end, other in self._names_between(
                max(speaker.end, speaker.floor_end), start
            ):
                if _same_surname(other, speaker.name):
                    # Named again: still the one talked about, also against the others named
                    # in that sentence ("Would Adeyemi vote for the mayor, Paul Okafor?").
                    self.breaker = None
                    refreshed = self._sentence_end(other_start)
                    continue
                if other_start < refreshed:
                    continue
                other = self.fullest(other)  # "Okafor" is Paul Okafor, a man named in full
                other_gender = self.gender_of(other)
                agrees = gender is None or other_gender in (None, gender)
                if agrees and (len(other.split()) >= 2 or other_gender is not None):
                    self.breaker = other if self.person_at(other_start, other_end) else self.breaker or ""
            return None if self.breaker is not None else speaker
        return None

    def _recent_subject(self, start: int, gender: str | None) -> tuple[str, int] | None:
        """The subject of the latest sentence (this or the two paragraphs before) that is a person
        whose gender agrees: "Okafor speaks at a rally in Kano ... He adds, ..." → Okafor."""
        here = self.document.sentence_at(start)
        sentences = self.document.sentences
        index = here.index if here is not None else bisect.bisect_right(self._sentence_starts, start) - 1
        first_paragraph = sentences[index].paragraph - 2 if 0 <= index < len(sentences) else 0
        for k in range(index, max(-1, index - 8), -1):
            sentence = sentences[k]
            if sentence.paragraph < first_paragraph or sentence.kind in ("title", "heading"):
                break
            subject = self._subject_of(sentence.start, min(sentence.end, start))
            if subject is None:
                continue
            if gender is None or self.gender_of(subject) in (None, gender):
                return subject, sentence.start
        return None

    def _subject_of(self, lo: int, hi: int) -> str | None:
        key = (lo, hi)
        if key in self._subjects:
            return self._subjects[key]
        self._subjects[key] = name = self._person_subject(lo, hi)
        return name

    def _person_subject(self, lo: int, hi: int) -> str | None:
        span = _clause_subject(self.text, lo, hi) if hi > lo else None
        if span is None or self.quoted(span[0]):
            return None
        phrase = _PP_TAIL.split(self.text[span[0] : span[1]], maxsplit=1)[0]
        if phrase.lower() in _PRONOUN_GENDER:
            return None
        # The head is the last name the layer finds in the phrase: "Kremlin adviser Yuri
        # Sokolov", "Former Ohio governor Janet Price".
        names = [
            m for m in self.document.mentions_between(span[0], span[0] + len(phrase)) if m.kind == "name"
        ]
        start, end = (names[-1].start, names[-1].end) if names else (span[0], span[0] + len(phrase))
        if not names and not all(w[:1].isupper() for w in phrase.split()):
            return None
        if not self.person_at(start, end):
            return None
        full = self.fullest(self.text[start:end])
        entity = self.document.entity_at(start, end)
        layer_person = entity is not None and entity.kind == "person"
        return full if (layer_person and _looks_like_person(full)) or self.is_person(full) else None

    def is_person(self, name: str) -> bool:
        """A name the article treats as a person: a known first name or title, or a surname the
        article gives with such a first name."""
        if not _looks_like_person(name):
            return False
        words = name.replace(".", "").split()
        if any(_first_name_gender(w) or w.lower() in _TITLES for w in words[:2]):
            return True
        return len(words) >= 2 and all(w[:1].isupper() for w in words) and len(words) <= 4

    def _names_between(self, lo: int, hi: int) -> Iterator[tuple[int, int, str]]:
        """People named in ``[lo, hi)`` outside quotes, reported content and brackets."""
        first = bisect.bisect_left(self._name_starts, lo)
        for index in range(first, len(self.names)):
            s, e, name = self.names[index]
            if s >= hi:
                break
            if (
                _looks_like_person(name)
                and not self.quoted(s)
                and not self.reported(s)
                and not self._parenthesised(s)
            ):
                yield s, e, name

    def _parenthesised(self, offset: int) -> bool:
        """Inside brackets: "(D-Mo.)", "(RSMD)" are never speakers."""
        opening = self.text.rfind("(", max(0, offset - 40), offset)
        return opening >= 0 and self.text.find(")", opening, offset) < 0

    def _nearest_name(self, start: int, gender: str | None) -> str | None:
        """The latest person named before `start` (outside quotes) whose gender agrees; a one-word
        name only when the article gives it in full somewhere."""
        index = bisect.bisect_left(self._name_starts, start)
        for k in range(index - 1, max(-1, index - 60), -1):
            s, _, name = self.names[k]
            if start - s > 2500:
                break
            if not _looks_like_person(name) or self.quoted(s) or self._parenthesised(s):
                continue
            full = self.fullest(name)
            if len(full.split()) < 2 or not self.is_person(full):
                continue
            if gender is None or self.gender_of(full, s) in (None, gender):
                return full
        return None

    def _nominal(self, start: int, end: int, words: Sequence[str]) -> _Speaker:
        """ "the expert", "the Russian expert": the person the article earlier described that way."""
        head = words[-1].lower().strip(",.")
        gender = _role_gender(head)
        if words and words[0].lower() in {"the", "this"} and head.isalpha() and len(head) > 2:
            found = self._described_as(head, start)
            if found is not None:
                name, gender2 = found
                return _Speaker(
                    name=name,
                    start=start,
                    end=end,
                    via="nominal",
                    gender=gender2 or gender,
                    known_person=True,
                )
        phrase = self.text[start:end]
        return _Speaker(name=phrase, start=start, end=end, via="nominal", gender=gender, person=False)

    def _described_as(self, head: str, before: int) -> tuple[str, str | None] | None:
        """The latest person the text calls a `head` (an apposition or a title) before `before`."""
        pattern = _word_pattern(head)
        lo = max(0, before - 4000)
        hits = list(pattern.finditer(self.text, lo, before))
        for hit in reversed(hits):
            # A name within the same sentence-sized window, nearest first.
            window_lo = max(0, hit.start() - 120)
            window_hi = min(before, hit.end() + 80)
            best: tuple[int, str] | None = None
            first = bisect.bisect_left(self._name_starts, window_lo)
            for s, e, name in self.names[first:]:
                if s >= window_hi:
                    break
                if e > window_hi or not _looks_like_person(name) or self.quoted(s):
                    continue
                before_hit = e <= hit.start()
                between = self.text[e : hit.start()] if before_hit else self.text[hit.end() : s]
                if "." in between or (before_hit and not between.strip()):
                    continue  # another sentence, or a modifier of the noun ("a Middle East expert")
                if not self.is_person(self.fullest(name)):
                    continue
                distance = min(abs(hit.start() - e), abs(s - hit.end()))
                if best is None or distance < best[0]:
                    best = (distance, name)
            if best is not None:
                full = self.fullest(best[1])
                return full, self.gender_of(full)
        return None

    def remember(self, speaker: _Speaker, cue: tuple[int, int]) -> None:
        sentence = self.document.sentence_at(cue[0])
        floor_end = max(cue[1], sentence.end if sentence is not None else cue[1])
        # "when Berg asked", "when host Anna Berg asked": a subordinator, then at most
        # lower-case words (a determiner, a role) before the speaker.
        before = self.text[max(0, speaker.start - 40) : speaker.start].split()[-3:]
        subordinate = False
        for index, word in enumerate(before):
            if word.lower() in _SUBORDINATORS and all(
                w.isalpha() and w.islower() for w in before[index + 1 :]
            ):
                subordinate = speaker.start < cue[0]
        self.history.append(speaker._replace(floor_end=floor_end, subordinate=subordinate))

    def _sentence_end(self, offset: int) -> int:
        sentence = self.document.sentence_at(offset)
        return sentence.end if sentence is not None else offset

    def _sentence_start(self, offset: int) -> int:
        sentence = self.document.sentence_at(offset)
        return sentence.start if sentence is not None else -1


@functools.lru_cache(maxsize=256)
def _word_pattern(word: str) -> regex.Pattern[str]:
    return regex.compile(r"(?<![\p{L}])" + regex.escape(word) + r"s?(?![\p{L}])", regex.IGNORECASE)


_PP_TAIL = regex.compile(r"\s+(?:of|for|at|from|with)\s+")


_ROLE_WORDS = frozenset(
    """
    president prime minister chancellor secretary spokesman spokeswoman spokesperson senator sen
    rep representative gov governor mayor king queen prince princess general gen chairman chairwoman
    chair leader director ambassador judge justice attorney congressman congresswoman commissioner
    officer sheriff pope mr mrs ms dr prof lt col capt sgt speaker candidate nominee whip envoy
    adviser advisor minister premier lord lady sir dame emir sheikh ayatollah chief deputy vice
    """.split()
)


# Party words and ages written before a name: "Republican Dan Okoro", "76-year-old Morton Blake".
_PARTY_WORDS = frozenset("republican democrat democratic gop conservative labour tory liberal".split())


@functools.lru_cache(maxsize=4096)
def _name_words(phrase: str) -> tuple[str, ...]:
    """The words of `phrase` without the roles before them (`_strip_titles`); the same few
    names are asked for again and again, so the answers are remembered."""
    return tuple(_strip_titles(phrase.split()))


def _strip_titles(words: Sequence[str]) -> list[str]:
    """A name without the roles before it: "Turkish President Recep Tayyip Erdogan" → "Recep
    Tayyip Erdogan", "Mr. Obama" → "Obama"."""
    out = [w.removesuffix("’s").removesuffix("'s") for w in words]
    while len(out) > 1 and (out[0].lower() in _DETERMINERS or out[0].lower() in _CLAUSE_STOPS):
        out = out[1:]
    last_role = -1
    for index, word in enumerate(out[:-1]):
        low = word.lower().rstrip(".,")
        rest = out[index + 1 :]
        party = (low in _PARTY_WORDS or low.endswith("-year-old")) and (
            len(rest) >= 2 and _looks_like_person(" ".join(rest))
        )
        if low in _ROLE_WORDS or low in lexicon.PERSON_ROLES or party:
            last_role = index  # "Kremlin adviser Yuri Sokolov" → "Yuri Sokolov"
        elif low in lexicon.ORGANISATION_HEADS and out[-1].lower() not in lexicon.ORGANISATION_HEADS:
            last_role = index  # "Media Research Center Bozell" → "Bozell", but "NY Daily News" stays
    return out[last_role + 1 :]


def _first_names_agree(given: Sequence[str], other: Sequence[str]) -> bool:
    """True when the first names (and initials) `given` all appear in `other`: "Tayyip" in
    "Recep Tayyip", "H." for "Helen"; titles and roles in `given` are ignored."""
    keys = [w.lower().rstrip(".") for w in other]
    for word in given:
        low = word.lower().rstrip(".")
        if low in _ROLE_WORDS or low in _TITLES or low in _DETERMINERS:
            continue
        if not any(k == low or (len(low) == 1 and k.startswith(low)) for k in keys):
            return False
    return True


def _same_surname(a: str, b: str) -> bool:
    return _skeleton(a.split()[-1]) == _skeleton(b.split()[-1])


def _one_edit(a: str, b: str) -> bool:
    """True when `a` and `b` differ by at most one substitution, insertion or deletion."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(a == b[:i] + b[i + 1 :] for i in range(len(b)))


_NOT_PERSON_WORDS = frozenset(
    """
    house party state states department ministry council committee office agency army forces union
    government court congress senate news times post journal press association campaign city county
    university school church bank company group center centre foundation institute organization
    organisation republic kingdom nations community league relations affairs east west north south
    """.split()
)


@functools.lru_cache(maxsize=4096)
def _looks_like_person(name: str) -> bool:
    """False for what is surely not a person: countries and their adjectives, organisations,
    places ("Middle East"), stray capitalised words ("For Mr", "Moscow-based")."""
    words = name.split()
    if not words or words[-1].lower().rstrip(".") in _ROLE_WORDS or words[0].lower() in _CLAUSE_STOPS:
        return False  # "For Mr", "In Moscow"
    lowered = [w.lower().strip(".,").removesuffix("’s").removesuffix("'s") for w in words]
    if any(
        w in _NOT_PERSON_WORDS or w in lexicon.ORGANISATION_HEADS or w in lexicon.ORGANISATION_NOUNS
        for w in lowered
    ):
        return False
    if name.endswith("-") or "-based" in name or lexicon.country_of(name) or lexicon.known_organisation(name):
        return False
    if len(words) > 1 and name.isupper():
        return False  # a dateline: "MIDWAY ATOLL"
    return not (len(words) == 1 and words[0].isupper())


# --------------------------------------------------------------------------------------------
# Attribution
# --------------------------------------------------------------------------------------------


def _nested(text: str, attributions: Sequence[_Attribution]) -> set[int]:
    """Ids of the attributions lying wholly inside another one's content, in the clause its cue
    opens ("X pointed out that Y had reported ..."): what the outer speaker says, not a turn of
    their own. (Not after a comma: "Asked about it, Ivanova suggested" is her own turn.)"""
    spans = sorted(
        (a.pieces[0][0], a.pieces[-1][1], index) for index, a in enumerate(attributions) if a.cue is not None
    )
    starts = [span[0] for span in spans]
    nested: set[int] = set()
    for a in attributions:
        if a.cue is None or a.speaker_span is None:
            continue
        lo = min(a.pieces[0][0], a.cue[0], a.speaker_span[0])
        hi = max(a.pieces[-1][1], a.cue[1], a.speaker_span[1])
        position = bisect.bisect_right(starts, lo)
        for start, end, index in spans[max(0, position - 8) : position]:
            outer = attributions[index]
            if outer is a or not (start <= lo and hi <= end) or outer.cue is None:
                continue
            if outer.cue[1] <= lo and not any(c in text[outer.cue[1] : lo] for c in ",;:—–"):
                nested.add(id(a))
                break
    return nested


class _Intervals:
    """A set of character ranges, merged, with a membership test by bisection."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [m[0] for m in merged]
        self._ends = [m[1] for m in merged]

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and offset < self._ends[index]


@attrs.define
class _Attribution:
    kind: str
    pieces: list[tuple[int, int]]
    speaker_span: tuple[int, int] | None
    cue: tuple[int, int] | None
    speaker: _Speaker | None = None


_POST_TAIL = regex.compile(
    r"\s*(?:[.;!?…,:]|$|—|–|\s(?:to|in|on|at|during|after|before|while|from|of|about|via|when|as|last|this|earlier|later|adding|saying|speaking|referring|according|told|and|but|with|without|by)\b)"
)
_PRE_TAIL = regex.compile(
    r"(?:[\s,]+(?:(?!that\b|said\b|says\b)[\p{L}\p{N}’'.\-]+)){0,6}?\s*(?:[:,—–]|\bthat)?\s*$"
)
_APPOSITION_START = regex.compile(
    r"(?:\p{Lu}[\p{L}.’'\-]*\s+){0,5}\p{Lu}[\p{L}.’'\-]*(?:\s*\([^()]{1,20}\))?,"
)
_DASH_LEAD = regex.compile(r"\s*[—–―]\s*|\s+-{1,2}\s+")
_COMMA_LEAD = regex.compile(r"[\s,]*")


class _Extraction:
    """The work for one document."""

    def __init__(self, text: str, document: Document, config: QuotationsConfig) -> None:
        self.text = text
        self.document = document
        self.config = config
        self.blocks = [(b.start, b.end) for b in document.blocks]
        self._block_starts = [b[0] for b in self.blocks]
        self.groups = find_quotes(text, self.blocks, typewriter_marks=config.typewriter_marks)
        self._group_starts = [g.start for g in self.groups]
        self.resolver = _Resolver(text, document, self._in_quote)
        self.used_cues: set[int] = set()
        self.direct_ends: set[int] = set()
        self.cues = [cue for cue in _find_cues(text) if not self._in_quote(cue.start)]
        self._cue_starts = [cue.start for cue in self.cues]

    # -- helpers -------------------------------------------------------------------------------

    def _block_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._block_starts, offset) - 1)

    def _in_quote(self, offset: int) -> bool:
        index = bisect.bisect_right(self._group_starts, offset) - 1
        if index < 0:
            return False
        return any(p.start < offset < p.end for p in self.groups[index].pieces)

    def _group_at_or_after(self, offset: int) -> int:
        return bisect.bisect_left(self._group_starts, offset)

    def _cue_at(self, lo: int, hi: int) -> list[_Cue]:
        first = bisect.bisect_left(self._cue_starts, lo)
        last = bisect.bisect_left(self._cue_starts, hi)
        return self.cues[first:last]

    def _cue_valid(self, match: _Cue, *, quote_beside: bool) -> bool:
        word = match.word
        if match.according:
            return True
        lemma = _CUE_LEMMA.get(word)
        if lemma is None:
            return False
        if lemma in QUOTE_ONLY_VERBS and not quote_beside:
            return False
        before = self.text[max(0, match.start - 20) : match.start].split()
        if word.endswith("ing") and before and before[-1].lower() in _NOUN_DETERMINERS:
            return False  # "the questioning", "his warning": nouns
        if before and before[-1].lower() in _ARTICLES_AND_POSSESSIVES:
            return False  # "the suspect", "a dispute", "the alleged", "its protest": never a verb
        # "the claims", "his report", "a stated aim": not verbs.
        return not (
            word in _NOUN_LIKE_FORMS
            and (
                not before
                or before[-1].lower().strip(",") in _DETERMINERS
                or before[-1].lower() in _CLAUSE_STOPS
            )
        )

    def _speaker(self, span: tuple[int, int] | None) -> _Speaker | None:
        if span is None:
            return None
        start, end = span
        text = self.text[start:end]
        if not text.strip() or text.lower() in {"it", "there", "this", "that", "which", "the", "a", "an"}:
            return None
        return self.resolver.resolve(start, end)

    # -- direct quotes -------------------------------------------------------------------------

    def direct(self) -> list[_Attribution]:
        found: list[_Attribution] = []
        index = 0
        while index < len(self.groups):
            group = self.groups[index]
            words = _word_count(self.text, group.start, group.end)
            attribution = self._post(group) or self._pre(group)
            pieces = [(q.start, q.end) for q in group.pieces]
            if attribution is not None and not self._set_off(group):
                # A quoted fragment inside the author's sentence: the reported-speech pass
                # reads the whole clause and calls it partial or mixed.
                attribution = None
                words = 0
            if attribution is not None:
                speaker_span, cue = attribution
                attr_end = max(speaker_span[1] if speaker_span else 0, cue[1])
                # "A," she said, "B.": the next quote continues this one.
                while index + 1 < len(self.groups):
                    following = self.groups[index + 1]
                    if not self._continues(attr_end, following):
                        break
                    pieces.extend((q.start, q.end) for q in following.pieces)
                    attr_end = following.end
                    index += 1
                self.used_cues.add(cue[0])
                found.append(_Attribution(kind="direct", pieces=pieces, speaker_span=speaker_span, cue=cue))
                self.direct_ends.add(group.end)
            elif self._utterance(group, words):
                found.append(_Attribution(kind="direct", pieces=pieces, speaker_span=None, cue=None))
                self.direct_ends.add(group.end)
            index += 1
        return found

    def _set_off(self, group: QuoteGroup) -> bool:
        """True when the quote is a whole utterance: it opens a sentence or follows the cue's
        punctuation or the cue itself (``said: "``, ``told reporters, "``, ``said "``)."""
        if self._stands_alone(group):
            return True
        tokens = _tokens(self.text, max(0, group.start - 40), group.start)
        if not tokens:
            return True
        last = tokens[-1]
        if last.word in {",", "—", "–"}:
            return True
        # 'said "we were floored"' is a fragment inside the author's sentence; 'said "We will
        # win."' quotes a whole utterance.
        first = _LETTER.search(self.text, group.start, group.start + 6)
        capital = first is not None and first.group().isupper()
        return capital and (last.low in _CUE_LEMMA or last.low == "that")

    def _stands_alone(self, group: QuoteGroup) -> bool:
        return _opens_sentence(self.text, self.blocks[self._block_of(group.start)][0], group.start)

    def _utterance(self, group: QuoteGroup, words: int) -> bool:
        """An unattributed quote worth reporting: a sentence, not a scare quote, title or nickname."""
        if not self._stands_alone(group):
            return False
        inner = self.text[group.start + 1 : group.end].strip("\"'“”„«»‘’ ")
        if _title_like(inner):
            return False
        return words >= 2

    def _post(self, group: QuoteGroup) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
        """``"...," X said`` / ``"...," said X`` / ``"..." — X``."""
        last = group.pieces[-1]
        if not last.closed:
            return None
        end = last.end
        block_end = self.blocks[self._block_of(end - 1)][1]
        inner_end = self.text[end - 2] if end - 2 > last.start else ""
        dash = _DASH_LEAD.match(self.text, end, block_end)
        if dash is not None:
            span = _np_after(self.text, dash.end(), block_end)
            if span is not None and self.text[span[0]].isupper():
                mark = dash.group().strip()
                mark_start = self.text.index(mark, dash.start())
                return span, (mark_start, mark_start + len(mark))
        lead = _COMMA_LEAD.match(self.text, end, block_end)
        position = lead.end() if lead else end
        ends_sentence = inner_end in ".!?…" and "," not in self.text[end:position]
        if position >= block_end:
            return None
        following = self.text[position]
        if ends_sentence and inner_end == "." and not following.islower():
            return None
        for cue in self._cue_at(position, min(block_end, position + 300)):
            between = self.text[position : cue.start]
            if any(c in between for c in ';"“”«»') or _ends_a_sentence(self.text, position, cue.start):
                break
            words = len(between.split())
            if words > 12 and not (words <= 30 and _APPOSITION_START.match(between)):
                break
            if not self._cue_valid(cue, quote_beside=True) or cue.start in self.used_cues:
                continue
            if cue.according:
                span = _np_after(self.text, cue.end, block_end)
                return span, (cue.start, cue.end)
            if not between.strip():
                span = _np_after(self.text, cue.end, block_end)
                if span is None:
                    return None
                return span, (cue.start, cue.end)
            span = _subject_before(self.text, position, cue.start)
            if span is None or span[0] < position:
                return None
            return span, (cue.start, cue.end)
        return None

    def _pre(self, group: QuoteGroup) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
        """``X said: "..."`` / ``X told reporters, "..."`` / a colon line in the previous paragraph."""
        start = group.start
        block = self._block_of(start)
        lo = self.blocks[block][0]
        previous = self._group_at_or_after(start) - 1
        if previous >= 0 and self.groups[previous].end > lo:
            lo = self.groups[previous].end
        if lo == start and block > 0 and start == self.blocks[block][0]:
            # The previous paragraph ends with a colon: "Caddell continued:" / "He said:".
            plo, phi = self.blocks[block - 1]
            if self.text[phi - 1] == ":":
                sentence = self.document.sentence_at(phi - 1)
                slo = max(plo, sentence.start if sentence else plo)
                if previous >= 0 and self.groups[previous].end > slo:
                    slo = self.groups[previous].end
                return self._pre_clause(slo, phi)
            return None
        sentence = self.document.sentence_at(max(lo, start - 1))
        if sentence is not None and sentence.start > lo:
            lo = sentence.start
        return self._pre_clause(lo, start)

    def _pre_clause(self, lo: int, hi: int) -> tuple[tuple[int, int] | None, tuple[int, int]] | None:
        before = self.text[lo:hi]
        if not before.strip():
            return None
        cues = [c for c in self._cue_at(lo, hi) if self._cue_valid(c, quote_beside=True)]
        if cues:
            cue = cues[-1]
            tail = self.text[cue.end : hi]
            if _PRE_TAIL.fullmatch(tail) is not None and not any(c in tail for c in '.!?;"“”'):
                if cue.according:
                    return _np_after(self.text, cue.end, hi), (cue.start, cue.end)
                if _CUE_LEMMA[cue.word] in COGNITION_VERBS:
                    return None
                sentence = self.document.sentence_at(cue.start)
                clause_lo = min(lo, sentence.start) if sentence is not None else lo
                participle = cue.word.endswith("ing")
                return _subject_before(
                    self.text, clause_lo if participle else lo, cue.start, cue_is_participle=participle
                ), (
                    cue.start,
                    cue.end,
                )
        stripped = before.rstrip()
        if stripped.endswith(":"):
            colon_at = lo + len(stripped) - 1
            clause = self.text[lo:colon_at].strip()
            words = clause.split()
            if 0 < len(words) <= 6 and all(w[:1].isupper() or w.lower() in _NAME_PARTICLES for w in words):
                # A headline or transcript label: "Merkel: 'We will manage'"
                span_start = lo + (len(self.text[lo:colon_at]) - len(self.text[lo:colon_at].lstrip()))
                return (span_start, colon_at), (colon_at, colon_at + 1)
            subject = self._clause_subject(lo, colon_at)
            if subject is not None:
                return subject, (colon_at, colon_at + 1)
        return None

    def _clause_subject(self, lo: int, hi: int) -> tuple[int, int] | None:
        return _clause_subject(self.text, lo, hi)

    def _continues(self, attr_end: int, following: QuoteGroup) -> bool:
        """True when `following` is the second half of an interrupted quote ending at `attr_end`."""
        if self._block_of(following.start) != self._block_of(attr_end):
            return False
        between = self.text[attr_end : following.start]
        if len(between) > 160 or any(c in between for c in '"“”«»'):
            return False
        if self._post(following) is not None:
            return False
        cues = [c for c in self._cue_at(attr_end, following.start) if self._cue_valid(c, quote_beside=True)]
        if cues:
            return False
        stripped = between.strip()
        if stripped.lower() in {"and", "but", ", and", ", but", "adding", ", adding"}:
            return True
        return stripped == "" or (stripped[-1] in ",.:;—–" and len(stripped.split()) <= 12)

    # -- speakers, in reading order ------------------------------------------------------------

    def resolve(self, attributions: list[_Attribution]) -> None:
        """Resolve speakers in text order, so pronouns see the attributions before them, and give
        unattributed direct quotes the speaker of the attribution just before them."""

        def position(a: _Attribution) -> int:
            return min(a.pieces[0][0], a.speaker_span[0] if a.speaker_span else a.pieces[0][0])

        contents = [a for a in attributions if a.kind != "direct" and a.cue is not None]
        reported = _Intervals(piece for a in contents for piece in a.pieces)
        self.resolver.reported = reported.covers
        nested = _nested(self.text, contents)
        last: _Speaker | None = None
        last_block = -10
        for attribution in sorted(attributions, key=position):
            start = attribution.pieces[0][0]
            block = self._block_of(start)
            if attribution.cue is None:
                near = block == last_block or (block == last_block + 1 and start == self.blocks[block][0])
                if self.config.follow_on and last is not None and near:
                    attribution.speaker = last._replace(via="follow-on")
                    last_block = self._block_of(attribution.pieces[-1][1] - 1)
                continue
            attribution.speaker = self._speaker(attribution.speaker_span)
            if attribution.speaker is not None and id(attribution) not in nested:
                self.resolver.remember(attribution.speaker, attribution.cue)
                if attribution.speaker.name:
                    last = attribution.speaker
                    last_block = self._block_of(max(attribution.pieces[-1][1], attribution.cue[1]) - 1)

    # -- reported speech -----------------------------------------------------------------------

    def reported(self) -> list[_Attribution]:
        found: list[_Attribution] = self._headline_labels()
        for cue in self.cues:
            if cue.start in self.used_cues or not self._cue_valid(cue, quote_beside=False):
                continue
            attribution = self._reported_at(cue)
            if attribution is not None:
                found.append(attribution)
        return found

    def _headline_labels(self) -> list[_Attribution]:
        """Headline style "Merkel: Europe must act" (the first block, titles and subheadings)."""
        found = []
        blocks = self.document.blocks
        for index, block in enumerate(blocks):
            if index > 0 and block.kind not in ("title", "heading"):
                continue
            match = _HEADLINE_LABEL.fullmatch(self.text, block.start, block.end)
            if match is None or match["label"].split()[0].lower() in lexicon.FUNCTION_WORDS:
                continue
            if self._in_quote(match.start("content")) or self.text[match.start("content")] in _FAMILY:
                continue  # a quoted headline is a direct quote, found with the colon rule
            content_end = _trim_end(self.text, match.start("content"), match.end("content"))
            found.append(
                _Attribution(
                    kind="indirect",
                    pieces=[(match.start("content"), content_end)],
                    speaker_span=match.span("label"),
                    cue=(match.end("label"), match.end("label") + 1),
                )
            )
        return found

    def _reported_at(self, cue: _Cue) -> _Attribution | None:
        sentence = self.document.sentence_at(cue.start)
        if sentence is None:
            return None
        lo, hi = sentence.start, sentence.end
        # A quote that runs past the sentence's end belongs to it.
        index = self._group_at_or_after(lo)
        while index < len(self.groups) and self.groups[index].start < hi:
            hi = max(
                hi, min(self.groups[index].end, self.blocks[self._block_of(self.groups[index].start)][1])
            )
            index += 1
        hi = _trim_end(self.text, lo, hi)
        cue_span = (cue.start, cue.end)
        if cue.according:
            return self._according_to(cue, lo, hi)
        lemma = _CUE_LEMMA[cue.word]
        if lemma in EVIDENCE_VERBS:
            return self._evidence(cue, lo, hi)
        # Where does the clause begin? After the last quote or semicolon before the cue.
        clause_lo = lo
        for g in self.groups[self._group_at_or_after(lo) : self._group_at_or_after(cue.start)]:
            # Only a direct quote ends a clause; a quoted fragment belongs to the sentence.
            if g.end <= cue.start and g.end in self.direct_ends:
                clause_lo = max(clause_lo, g.end)
        semi = self.text.rfind(";", clause_lo, cue.start)
        if semi >= 0:
            clause_lo = semi + 1
        before = self.text[clause_lo : cue.start]
        inverted = not before.strip() or (
            (before.rstrip().endswith((",", "—", "–")) or _COMMA_QUOTE_END.search(before))
            and not _RELATIVE.search(before)
        )
        speaker_span = _np_after(self.text, cue.end, hi) if inverted else None
        if speaker_span is not None and _INVERTED_TAIL.match(self.text, speaker_span[1], hi + 1):
            # ", said Achmetow to DW." : content before, speaker after. (Not "X, 21, a student,
            # said she ...": there the words after the cue go on as a clause.)
            content_end = _trim_end(
                self.text, lo, clause_lo + len(before.rstrip()) - (1 if before.strip() else 0)
            )
            if content_end - lo < 8:
                return None
            pieces = [(lo, content_end)]
            return self._make(pieces, speaker_span, cue_span)
        subject = _subject_before(self.text, clause_lo, cue.start, cue_is_participle=cue.word.endswith("ing"))
        if subject is not None:
            ahead = self.text[clause_lo : subject[0]].rstrip()
            rest = self.text[cue.end : hi]
            if (
                ahead.endswith((",", "—", "–"))
                and len(ahead.split()) >= 3
                and not _ADVERBIAL.fullmatch(ahead)
                and _PARENTHETICAL_END.match(rest)
            ):
                # "CONTENT, he added." or "A, he believes, B."
                after = _POST_TAIL.match(self.text, cue.end, hi)
                comma = rest.find(",")
                content_end = _trim_end(self.text, clause_lo, clause_lo + len(ahead) - 1)
                pieces = [(_skip_space(self.text, clause_lo, content_end), content_end)]
                if comma >= 0 and not any(c in rest[:comma] for c in ".;!?"):
                    second = _skip_space(self.text, cue.end + comma + 1, hi)
                    if hi - second > 8 and len(rest[:comma].split()) <= 5:
                        pieces.append((second, hi))
                elif after is None:
                    return self._forward(cue, subject, hi, lemma)
                if pieces[0][1] - pieces[0][0] < 8:
                    return None
                return self._make(pieces, subject, cue_span)
        if subject is None and lemma in COGNITION_VERBS:
            return None
        return self._forward(cue, subject, hi, lemma)

    def _evidence(self, cue: _Cue, lo: int, hi: int) -> _Attribution | None:
        """ "A new poll shows ...", "investigators found that ...": what a source shows or finds.
        Only with "that" or a subject that is evidence (a poll, a study, the data)."""
        subject = _subject_before(self.text, lo, cue.start)
        head = self.text[subject[0] : subject[1]].split()[-1].lower() if subject else ""
        if not (_THAT.match(self.text, cue.end, hi) or head in _EVIDENCE_NOUNS):
            return None
        return self._forward(cue, subject, hi, _CUE_LEMMA[cue.word])

    def _forward(
        self, cue: _Cue, subject: tuple[int, int] | None, hi: int, lemma: str
    ) -> _Attribution | None:
        """``X said (that) CONTENT`` / ``X told reporters that CONTENT`` / ``X warned of CONTENT``."""
        start = cue.end
        rest = self.text[start:hi]
        match = _CONTENT_LEAD.match(rest)
        if match is not None:
            start += match.end()
        if lemma == "tell" and (match is None or not match.group().strip()):
            # "told police he fled", "told Reuters on Sunday the talks failed": the one told is
            # not what was said.
            addressee = _ADDRESSEE.match(self.text, start, hi)
            if addressee is not None:
                start = addressee.end()
                lead = _CONTENT_LEAD.match(self.text, start, hi)
                if lead is not None:
                    start = lead.end()
        start = _skip_space(self.text, start, hi)
        # "demands the withdrawal ... and urges Russia to stay back": the second verb has its own content.
        for other in self._cue_at(start, hi):
            if self.text[max(start, other.start - 5) : other.start] == " and " and self._cue_valid(
                other, quote_beside=False
            ):
                hi = _trim_end(self.text, start, other.start - 5)
                break
        if hi - start < 6 or len(self.text[start:hi].split()) < 2:
            return None
        first = self.text[start : start + 12].split()[0].lower()
        if first in _NOT_CONTENT_START or (lemma in COGNITION_VERBS and self.text[hi : hi + 1] == "?"):
            return None  # "the line agreed in Sochi", "What do they want in Idlib?"
        return self._make([(start, hi)], subject, (cue.start, cue.end))

    def _according_to(self, cue: _Cue, lo: int, hi: int) -> _Attribution | None:
        speaker = _np_after(self.text, cue.end, hi)
        if speaker is None:
            return None
        before = self.text[lo : cue.start].strip()
        if len(before.split()) <= 1:
            comma = self.text.find(",", speaker[1], hi)
            if comma < 0:
                return None
            start = _skip_space(self.text, comma + 1, hi)
            pieces = [(start, hi)]
        else:
            end = _trim_end(self.text, lo, cue.start)
            pieces = [(lo, end)]
        if pieces[0][1] - pieces[0][0] < 8:
            return None
        return self._make(pieces, speaker, (cue.start, cue.end))

    def _make(
        self, pieces: list[tuple[int, int]], speaker: tuple[int, int] | None, cue: tuple[int, int]
    ) -> _Attribution | None:
        pieces = [(s, e) for s, e in pieces if e > s]
        if not pieces:
            return None
        quoted = [
            g
            for g in self.groups[
                self._group_at_or_after(pieces[0][0]) : self._group_at_or_after(pieces[-1][1])
            ]
            if g.end <= pieces[-1][1]
        ]
        kind = "indirect"
        if quoted and not all(_title_like(self.text[g.start + 1 : g.end - 1]) for g in quoted):
            kind = "mixed"
            if len(quoted) == 1:
                outside = sum(e - s for s, e in pieces) - (quoted[0].end - quoted[0].start)
                if outside <= 12:
                    kind = "partial"
                    pieces = [(quoted[0].start, quoted[0].end)]
        self.used_cues.add(cue[0])
        return _Attribution(kind=kind, pieces=pieces, speaker_span=speaker, cue=cue)


# An introductory adverbial is not content: "For the time being, Putin and Erdogan want ...".
_ADVERBIAL = regex.compile(
    r"\s*(?:For|In|On|At|After|Before|During|Since|Until|By|With|Without|Despite|Amid|Under|Over|From|As|Like|"
    r"Unlike|Meanwhile|However|Still|Yet|Now|Later|Earlier|Today|Then)\b[^,;]{0,60}[,—–]"
)
# After a post-posed attribution the sentence ends or goes on after a comma; "want to" does not.
_PARENTHETICAL_END = regex.compile(r"(?:\s+(?!to\b|that\b)[\p{L}\p{N}’'.\-]+){0,5}\s*(?:[,.;:!?…—–]|$)")
# A quoted fragment closing with its comma: 'They "had chemistry," said Rhodes'.
_COMMA_QUOTE_END = regex.compile(r"[,?!]\s*(?:''|[\"”’»])\s*$")
# What may follow the speaker of an inverted attribution: an apposition, or a short tail.
_INVERTED_TAIL = regex.compile(r"\s*(?:[,(—–]|(?:\s*[\p{L}\p{N}’'.\-]+){0,6}\s*(?:[.;!?…:]|$))")
# "Daily Herald Fact Check: The Mayor Says It Works": a capitalised label of up to six words.
_HEADLINE_LABEL = regex.compile(
    r"(?P<label>\p{Lu}[\p{L}.’'\-]*(?:\s+(?:\p{Lu}[\p{L}.’'\-]*|of|the|de|al-?|von|van)){0,5}):\s+"
    r"(?P<content>\S.{8,})"
)
_NOT_CONTENT_START = frozenset("in at by with during from after before into over under since".split())
_RELATIVE = regex.compile(r"[,—–]\s*(?:who|which|whose)\b")
_CONTENT_LEAD = regex.compile(
    r"(?:\s+(?:on|late|early|last|this|earlier)\s+(?:\p{Lu}\p{Ll}+day|week|month|year|night|morning|evening)\b"
    r"|\s+(?:\p{Lu}\p{Ll}+day|yesterday|today|tonight)\b)?"
    r"(?:\s+(?:that|of|about|on|for)\b"
    r"|\s+(?!that\b)(?:[\p{L}\p{N}’'.\-]+\s+){0,3}?(?:that)\b"
    r"|\s*[:,—–])?"
)


# Who is told, right after "told"/"tells": an object pronoun, people the news tells things to, or a
# capitalised name or outlet ("Reuters", "The New York Times", "CNN's Jake Tapper"); only taken
# when a word follows it (the content).
_ADDRESSEE = regex.compile(
    r"\s+(?:him|her|them|us|me|you"
    r"|(?:the\s+|local\s+|a\s+)*(?:reporters|journalists|police|officers|investigators|detectives|deputies"
    r"|lawmakers|supporters|students|voters|residents|jurors|parents|members|viewers|listeners|friends"
    r"|colleagues|officials|authorities|court|jury|crowd|audience|committee|judge|newspaper|paper|station)"
    r"|(?:(?:The|the)\s+)?\p{Lu}[\p{L}\p{N}.&’'\-]*+(?:\s+\p{Lu}[\p{L}\p{N}.&’'\-]*+){0,4})"
    r"(?=\s+[\p{Ll}\p{Lu}])"
)
_LETTER = regex.compile(r"\p{L}")
_PLAIN_WORD = regex.compile(r"[\p{L}\p{N}’'\-]+")


def _word_count(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _title_like(inner: str) -> bool:
    """Titles of works and nicknames: every longer word capitalised ("The Art of the Deal")."""
    words = [w for w in _PLAIN_WORD.findall(inner) if len(w) > 3]
    if not words:
        return len(inner.split()) <= 2
    return all(w[:1].isupper() or w[:1].isdigit() for w in words) and len(inner.split()) <= 8


def _trim_end(text: str, lo: int, hi: int) -> int:
    while hi > lo and (text[hi - 1].isspace() or text[hi - 1] in ".,;:—–-"):
        hi -= 1
    return hi


def _skip_space(text: str, lo: int, hi: int) -> int:
    while lo < hi and (text[lo].isspace() or text[lo] in ",:;—–"):
        lo += 1
    return lo


# --------------------------------------------------------------------------------------------
# The extractor
# --------------------------------------------------------------------------------------------


@attrs.frozen
class QuotationsExtractor:
    """Finds direct, partial, indirect and mixed quotations and resolves their speakers."""

    config: QuotationsConfig = attrs.field(factory=QuotationsConfig)
    name: str = attrs.field(default="quotations", init=False)
    requires: tuple[str, ...] = attrs.field(default=(), init=False)
    finding_type: type[Finding] = attrs.field(default=QuotationFinding, init=False)

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> Iterator[QuotationFinding]:
        text = document.text
        work = _Extraction(text, document, self.config)
        direct = work.direct()
        indirect = work.reported() if self.config.indirect else []
        work.resolve(direct + indirect)
        for attribution in sorted(direct + indirect, key=lambda a: (a.pieces[0][0], a.pieces[-1][1])):
            if attribution.kind == "direct" and attribution.speaker is None and attribution.cue is None:
                words = _word_count(text, attribution.pieces[0][0], attribution.pieces[-1][1])
                if words < self.config.min_unattributed_words:
                    continue
            yield _finding(self.name, text, attribution, document.field)


def _finding(name: str, text: str, attribution: _Attribution, field: str) -> QuotationFinding:
    start, end = attribution.pieces[0][0], attribution.pieces[-1][1]
    speaker = attribution.speaker
    cue = attribution.cue
    return QuotationFinding(
        extractor=name,
        start=start,
        end=end,
        text=text[start:end],
        field=field,
        kind=attribution.kind,  # type: ignore[arg-type]
        speaker=speaker.name if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
        speaker_text=text[speaker.start : speaker.end] if speaker else None,
        speaker_via=speaker.via if speaker else None,
        cue=text[cue[0] : cue[1]] if cue else None,
        cue_start=cue[0] if cue else None,
        cue_end=cue[1] if cue else None,
        pieces=tuple(attribution.pieces),
    )


@hookimpl
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    register(QuotationsExtractor())
