"""Mentions of people, organisations and places: names with their titles and appositions,
nominal references ("the Russian expert", "the Syrian army") and personal pronouns.

`find_mentions` reads the text sentence by sentence and returns mention drafts in text order;
`newsparse.text.coref` then groups them into entities and turns them into `Mention` objects.
The rules, in order:

1. **Name runs**: capitalised words in a row, joined across name particles ("Bashar al-Assad",
   "Ursula von der Leyen"), initials and abbreviated titles ("George W. Bush", "Gen. Smith"),
   and, inside organisation names, across "of"/"for"/"on" ("Russian Council for Foreign
   Relations"). A run ends at a possessive ("Russia's").
2. **Words that are not names** are dropped from a run: capitalised function words ("The",
   "But"), weekdays and months ("Thursday", "March"; "May" stays after a first name), and the
   first word of a sentence unless the text also capitalises it mid-sentence, a table knows it,
   or an attribution verb follows it ("Details on ...", "Tension has ..." are not names;
   "Erdogan said" is). In headline-case lines (titles, headings, "Only 30 Percent of ...") only
   words known from the body or the tables count. A US party-and-state tag after a name
   ("Claire McCaskill (D-Mo.)", "Roy Blunt, R-Mo.,", "Lindsey Graham, R-S.C.,") is not a name:
   it marks the name before it as a person's, and rule 6 reads past it to the verb.
3. **Titles and roles** before a name become the mention's role: titles and nationality words
   inside the run ("Turkish President Recep Tayyip Erdogan") and role words before it ("Kremlin
   spokesman Dmitry Peskov", "his Russian counterpart Vladimir Putin"). **Appositions** after the
   name ("Timur Akhmetov, an expert with the Russian Council for Foreign Relations (RSMD)") or
   before it ("His foreign minister, Sergei Lavrov, ...") do too, when their head is a person
   role noun. Nationality words and countries in the role give the mention's country.
4. **Category**: place (a country or capital, a place word such as "East" or "Province", or a
   single word after "in"/"near"... or before "province"/"city"...), organisation (a known
   organisation, an organisation word such as "Council" or "Army", an acronym), person (a title,
   role, apposition, honorific, known first name, or any other name of two words or more). A
   single unknown word stays ``unknown`` until coreference finds it is a surname.
5. **Nominals**: "the" or a possessive, up to three modifiers, and a singular person role noun
   ("the Russian expert", "the Kremlin spokesman", "his foreign minister") or an organisation
   noun ("the Syrian army", "the government"), unless a name follows (then it is a title).
6. **Attribution subjects**: a mention followed (after at most four adverbs, auxiliaries or
   time words) by an attribution verb ("Peskov on Wednesday told", "he told"), preceded by one in
   inversion after a quote or comma ('..., said Timur Akhmetov'), or after "according to", gets
   the verb's lemma as `speech_verb`. So does a possessive pronoun whose noun is the subject
   ("his office said").
7. **Other attribution subjects** become mentions too, so that every speaker has one: groups of
   people ("experts say", "two Western diplomats said", "Police said"; category ``group``),
   documents ("the report said"; ``unknown``), people introduced with "a"/"an" ("a senior Kremlin
   source told"), and "who"/"which" right after a mention ("Maria Lopez, who said ...").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from functools import lru_cache
from itertools import chain, compress, islice
from operator import or_

import attrs
import regex

from newsparse.text.lexicon import (
    FIRST_NAMES,
    FUNCTION_WORDS,
    GROUP_NOUNS,
    HONORIFICS,
    MONTHS,
    ORGANISATION_HEADS,
    ORGANISATION_NOUNS,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_MODIFIERS,
    SOURCE_NOUNS,
    TITLES,
    WEEKDAYS,
    WORD_CACHE_SIZE,
    Gender,
    attribution_verb,
    country_of,
    fold,
    known_organisation,
    place_country,
    role_gender,
)
from newsparse.text.tokens import token_columns
from newsparse.text.wordtable import WordTable

__all__ = ["Draft", "Entity", "Mention", "find_mentions"]


@attrs.frozen(kw_only=True)
class Mention:
    """A reference to a person, organisation or place in the text.

    ``start``/``end``/``text`` cover the name itself ("Recep Tayyip Erdogan"), the pronoun, or the
    whole nominal phrase ("the Russian expert"). A title or apposition given with a name is in
    `role`, with its own span, before or after the name.
    """

    start: int
    """Offset of the mention."""

    end: int
    """Offset one past the mention."""

    text: str
    """The mention as written."""

    kind: str
    """``name`` (a proper name), ``pronoun`` or ``nominal`` ("the expert", "the Syrian army")."""

    entity: int | None = None
    """Index into `Document.entities` of the entity it refers to, when resolved."""

    gender: Gender | None = None
    """``m``, ``f`` or None, from the pronoun, title, role noun or first name of this mention."""

    role: str | None = None
    """A title or role given with the mention: "Turkish President", "Kremlin spokesman",
    "an expert with the Russian Council for Foreign Relations (RSMD)"."""

    role_start: int | None = None
    """Offset of `role` in the text (before or after the name), or None."""

    role_end: int | None = None
    """Offset one past `role`, or None."""

    role_noun: str | None = None
    """The head noun of the role or nominal, lower case: "president", "spokesman", "expert",
    "foreign minister", "army"."""

    category: str = "unknown"
    """What is referred to: ``person``, ``organisation``, ``place`` or ``unknown``. For a
    resolved mention this is its entity's kind."""

    country: str | None = None
    """The country the mention names or is tied to: "Turkey" for "Ankara", "Turkish President
    ...", "the Turkish army" or "Turkey"; "Russia" for "Kremlin"."""

    speech_verb: str | None = None
    """Lemma of the attribution verb this mention is the subject of ("say" in "..., said
    Akhmetov", "tell" in "he told reporters", "believe", "according to"), or None."""

    sentence: int = -1
    """Index of the sentence (`Document.sentences`) the mention is in."""

    antecedent: int | None = None
    """For pronouns and nominals: index into `Document.mentions` of the mention it was resolved
    through (an earlier mention of the same entity), or None."""

    quoted: bool = False
    """True inside a quotation (between double quote marks, “...”, «...» or ''...''): a name a
    speaker mentions, not the speaker."""

    @property
    def outer_start(self) -> int:
        """Start of the mention together with its role or apposition."""
        return self.start if self.role_start is None else min(self.start, self.role_start)

    @property
    def outer_end(self) -> int:
        """End of the mention together with its role or apposition."""
        return self.end if self.role_end is None else max(self.end, self.role_end)


@attrs.frozen(kw_only=True)
class Entity:
    """One person, organisation or place: every mention that refers to it, and its fullest name."""

    id: int
    """Index of the entity in `Document.entities`."""

    name: str
    """The fullest name the text gives ("Recep Tayyip Erdogan"); for an entity only ever
    described, the first description ("the expert")."""

    kind: str = "person"
    """``person``, ``organisation``, ``place`` or ``unknown``. Countries and cities are places;
    `country` says which country."""

    gender: Gender | None = None
    """``m``, ``f`` or None (from first names, titles and role nouns; never from pronouns)."""

    mentions: tuple[int, ...] = ()
    """Indices into `Document.mentions`, in text order."""

    aliases: tuple[str, ...] = ()
    """Every distinct way the text names it, fullest first: ("Timur Akhmetov", "Achmetow",
    "Akhmetov"), ("Russian Council for Foreign Relations", "RSMD")."""

    roles: tuple[str, ...] = ()
    """Titles, roles and appositions given with its names, in text order, without repeats."""

    role_nouns: tuple[str, ...] = ()
    """The head nouns of its roles and nominals ("president", "expert")."""

    country: str | None = None
    """The country it is tied to: the country itself, a capital's or institution's country, or
    the nationality a role gives ("Turkish President" -> "Turkey")."""

    canonical: str | None = None
    """The tables' standard name, when known: "European Union" for "EU", "United States" for
    "U.S.", "Turkey" for "Türkiye"."""

    named: bool = True
    """False when no mention names it, only descriptions ("the expert") and pronouns."""

    @property
    def is_country(self) -> bool:
        """True when the entity is a country ("Turkey", "the U.S.")."""
        return self.kind == "place" and self.canonical is not None and self.canonical == self.country


@attrs.define
class Draft:
    """A mention while the rules still work on it (internal to `names` and `coref`)."""

    start: int
    end: int
    kind: str
    category: str = "unknown"
    role: tuple[int, int] | None = None
    role_noun: str | None = None
    gender: Gender | None = None
    country: str | None = None
    speech_verb: str | None = None
    sentence: int = -1
    same_as: Draft | None = None  # the organisation a bracketed acronym stands for
    first_name: bool = False  # the name starts with a known first name
    quoted: bool = False  # inside a quotation

    @property
    def outer(self) -> tuple[int, int]:
        if self.role is None:
            return self.start, self.end
        return min(self.start, self.role[0]), max(self.end, self.role[1])


# ---------------------------------------------------------------------------------------------
# Word classes used by the rules
# ---------------------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Particles inside personal names: "bin Salman", "von der Leyen" ("al-Assad" is one token).
_NAME_PARTICLES = _words("bin ibn von van der den de da di du del della le la dos das al el ter ben abu")
# Lower-case words an organisation's name continues across: "Council for Foreign Relations".
_ORGANISATION_CONNECTORS = _words("of for on de")
# Words after which such connectors may follow: organisation heads, state names, titles.
_CONNECTOR_HEADS = ORGANISATION_HEADS | _words(
    "republic kingdom states emirates secretary minister house chamber"
)
# Capitalised words that make a name of several words a place ("Middle East", "Gaza Strip").
_PLACE_WORDS = _words(
    """
    east west north south middle northern southern eastern western central upper lower strip bank
    fort port park bridge beach springs falls harbor harbour
    province region district county state city island islands sea ocean gulf river valley mountains
    mount heights peninsula desert lake bay coast square street avenue airport port border
    """
)
# "in Idlib", "near Sochi", "Idlib province": an unknown single word in these places is a place.
_LOCATIVES = _words("in at near from into outside inside across around towards toward via")
_PLACE_NOUNS = _words(
    "province region city town village district governorate county border area enclave capital"
)
# Adjectives and nouns of region, religion or ethnicity that end a capitalised run without
# making it a name ("Southeast Asian", "Rohingya Muslim", "Sunni Arab").
_BELONGING_WORDS = _words(
    """
    asian african european arab arabs muslim muslims christian christians jewish jew jews hindu
    buddhist sunni sunnis shiite shiites shia catholic catholics protestant evangelical evangelicals
    kurd kurds latino latinos latina hispanic hispanics caucasian westerner westerners
    """
)
# Last words of names of events, laws and the like: such names are not people.
_EVENT_WORDS = _words(
    """
    day days week convention conference summit symposium forum festival games olympics cup medal
    championship war act law bill plan program programme treaty accord accords agreement deal
    prize award awards election elections campaign protocol doctrine initiative show series
    """
)
_SHOUTED = regex.compile(r"^\p{Lu}[\p{Lu}\p{N}'’.-]+$")
# Nouns that a role noun can modify ("the refugee deal", "the witness statement"): after one, the
# role noun is not the head of a nominal.
_COMPOUND_HEADS = (
    _EVENT_WORDS
    | SOURCE_NOUNS
    | ORGANISATION_NOUNS
    | _words(
        """
        crisis camp camps policy talks flows flow issue question status rights office team family
        visa quota numbers influx centre center shelter shelters route routes protection assistance
        salary pay pension killing killings death deaths attack attacks case cases
        """
    )
)
_DETERMINERS = _words("the")
_POSSESSIVE_PRONOUNS = _words("his her their its")
_INDEFINITES = _words("a an")
_RELATIVE_WORDS = _words("who whom whose which that where when while")
_NOMINAL_OPENERS = _DETERMINERS | _POSSESSIVE_PRONOUNS
_POSSESSIVE_ENDINGS = frozenset({"'s", "’s", "'S", "’S"})
# Words that may stand between a subject and its attribution verb: "Peskov on Wednesday told",
# "Erdogan has repeatedly said", "the ministry also said".
_BETWEEN_SUBJECT_AND_VERB = _words(
    """
    on in at last this late early later also then has had have was is were are did does will would
    could may might reportedly previously earlier again recently initially repeatedly publicly
    privately openly already once separately subsequently immediately firmly simply not never only
    just further still
    """
)
_INVERSION_OPENERS = frozenset({",", '"', "”", "’", "'", "—", "–"})
_APPOSITION_END = frozenset({",", ";", ".", ")", "—", "–", ":", '"', "“", "”", "!", "?"})
_OPENERS = frozenset({'"', "“", "‘", "'", "«", "(", "[", "—", "–", "-"})
# After these a capital may just start a clause or a quotation: '... said: "Ninety percent ...'.
_CLAUSE_OPENERS = _OPENERS | {":"}
_MAX_ROLE_PREFIX = 6
_MAX_APPOSITION = 25
_MAX_NOMINAL_MODIFIERS = 3
_ACRONYM = regex.compile(r"^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,})$")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _is_acronym(word: str) -> bool:
    """ "RSMD", "U.N.": capitals only (cached: asked of most names, and `regex` matching costs
    more than the look-up)."""
    return _ACRONYM.match(word) is not None


_ARTICLE_PREFIXED = regex.compile(r"^(?:al|el|ad|as|ash|at|an|ar|az)-\p{Lu}")
# "then-Secretary of State", "ex-President": a title with a time prefix.
_TIME_PREFIXED = regex.compile(r"^(?:then|ex|former|acting)-\p{Lu}")
_YEAR_OLD = regex.compile(r"^\p{N}+-year-old$")
# US style party-and-state tags after a politician's name: "(D-Mo.)", ", R-Texas,", "(I-Vt.)",
# "(D-Newport News)", "DFL-Minn.": the party letter(s), a hyphen and a capitalised place.
_PARTY_TAG = regex.compile(r"^(?:[DRI]|DFL|Ind)-\p{Lu}")
_PARTY_TAG_OPENERS = frozenset({"(", ","})
# The token before a party tag or before its state's second letter ("C" of "R-S.C.").
_PARTY_TAG_BEFORE = _PARTY_TAG_OPENERS | {"."}
_MAX_PARTY_TAG = 8  # tokens from the opening comma or bracket to the closing one
_FEMALE_SURNAME = regex.compile(r"(?:ova|eva|skaya|aya|kaja|aja)$")
_MALE_SURNAME = regex.compile(r"(?:ov|ev|sky|skiy|skij|ovich|evich|ow|ew)$")


def _key(word: str) -> str:
    """A token as looked up in the tables: folded, without a final dot ("Gen." -> "gen") or a
    "then-"/"ex-" prefix ("then-Secretary" -> "secretary")."""
    prefixed = _TIME_PREFIXED.match(word) if "-" in word else None  # the cheap test first
    return fold(word[prefixed.end() - 1 :] if prefixed else word).rstrip(".")


@lru_cache(maxsize=WORD_CACHE_SIZE)
def _shouted(word: str) -> bool:
    """A word in capitals ("FULL", "U.S.")."""
    return _SHOUTED.match(word) is not None


def _word_facts(word: str) -> tuple[str, bool, bool, str | None]:
    """What the rules ask of every token: its key, whether it is a name word, whether it starts
    in lower case, and the lemma of the attribution verb it is a finite form of ("said" -> "say";
    not "saying")."""
    verb = attribution_verb(word)
    lemma = verb.lemma if verb is not None and not word.endswith("ing") else None
    return _key(word), _is_name_word(word), word[0].islower(), lemma


# Computed once per distinct word and read a column at a time (`_Columns`).
_word_info = WordTable(_word_facts, maxsize=2 * WORD_CACHE_SIZE)


def _is_name_word(word: str) -> bool:
    """A capitalised word, or an Arabic article joined to one ("al-Assad")."""
    first = word[0]
    if first.isupper():
        return first.isalpha()
    if "-" not in word[:8]:
        return False
    return bool(_ARTICLE_PREFIXED.match(word) or _TIME_PREFIXED.match(word))


# First and last words of every multi-word role or title, so that most tokens are rejected with
# one set look-up instead of three joins.
_ROLE_FIRST_WORDS = frozenset(role.split()[0] for role in TITLES)
_ROLE_LAST_WORDS = frozenset(role.split()[-1] for role in PERSON_ROLES)


def _role_ending_at(keys: Sequence[str], end: int) -> int:
    """Words (1-3) of the longest person role ending just before ``keys[end]``, or 0."""
    if end < 1 or keys[end - 1] not in _ROLE_LAST_WORDS:
        return 0
    for size in (3, 2, 1):
        if end - size >= 0 and " ".join(keys[end - size : end]) in PERSON_ROLES:
            return size
    return 0


def _role_starting_at(
    keys: Sequence[str], start: int, table: dict[str, Gender | None], end: int | None = None
) -> int:
    """Words (1-3) of the longest entry of `table` (`PERSON_ROLES` or `TITLES`) starting at
    ``keys[start]`` and ending by ``keys[end - 1]`` (default: the end of `keys`), or 0."""
    stop = len(keys) if end is None else end
    if start >= stop or keys[start] not in _ROLE_FIRST_WORDS:
        return 0
    for size in (3, 2, 1):
        if start + size <= stop and " ".join(keys[start : start + size]) in table:
            return size
    return 0


class _Sentence:
    """The tokens of one sentence with what the rules look up: parallel lists, one entry per
    token (slices of the document-wide columns, so that nothing is computed per sentence)."""

    __slots__ = (
        "ends",
        "first_word",
        "headline",
        "index",
        "keys",
        "lower",
        "names",
        "starts",
        "verbs",
        "words",
    )

    def __init__(self, columns: _Columns, first: int, last: int, index: int, headline: bool) -> None:
        self.index = index
        self.headline = headline
        self.words = columns.words[first:last]
        self.starts = columns.starts[first:last]
        self.ends = columns.ends[first:last]
        self.keys = columns.keys[first:last]
        # Computed once per distinct word: every rule asks whether a token is a name word,
        # often several times.
        self.names = columns.names[first:last]
        self.lower = columns.lower[first:last]
        self.verbs = columns.verbs[first:last]
        position = 0
        while position < len(self.words) and self.words[position] in _OPENERS:
            position += 1
        self.first_word = position

    def position_at(self, offset: int) -> int:
        """Position of the first token starting at or after `offset`."""
        return bisect.bisect_left(self.starts, offset)


class _Columns:
    """The tokens of the whole text as parallel lists, with each word's table look-ups."""

    __slots__ = ("ends", "keys", "lower", "names", "starts", "verbs", "words")

    def __init__(self, starts: list[int], ends: list[int], words: list[str]) -> None:
        self.starts, self.ends, self.words = starts, ends, words
        self.keys: Sequence[str] = ()
        self.names: Sequence[bool] = ()
        self.lower: Sequence[bool] = ()
        self.verbs: Sequence[str | None] = ()
        if words:
            self.keys, self.names, self.lower, self.verbs = zip(*_word_info.column(words), strict=True)


# ---------------------------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------------------------


def find_mentions(
    text: str,
    sentences: Sequence[tuple[int, int, str]],
    known_names: frozenset[str] = frozenset(),
    tokens: tuple[list[int], list[int], list[str]] | None = None,
) -> list[Draft]:
    """Mention drafts of `text` in text order.

    Args:
        text: the text.
        sentences: (start, end, kind) of each sentence, kind as in `Document.sentences`.
        known_names: folded words known to be names from elsewhere (a caption's article).
        tokens: the text's `token_columns`, when the caller has them already.
    """
    columns = _Columns(*(tokens if tokens is not None else token_columns(text)))
    views = _sentences(columns, sentences)
    lower_words, known_words = _vocabulary(views)
    known_words |= known_names
    drafts: list[Draft] = []
    for view in views:
        for run_start, run_end in _runs(view):
            for start, end in _name_parts(view, run_start, run_end, lower_words, known_words):
                _name(text, view, start, end, drafts)
        _nominals(view, drafts)
        _pronouns(view, drafts)
    drafts.sort(key=lambda d: (d.start, -d.end))
    drafts = _deduplicated(drafts)
    _attribution_subjects(views, drafts)
    quoted = _quoted_spans(text)
    starts = [span[0] for span in quoted]
    for draft in drafts:
        if (draft.same_as is None or draft.kind == "pronoun") and 0 <= draft.sentence < len(views):
            draft.speech_verb = _attribution(views[draft.sentence], draft)
        index = bisect.bisect_right(starts, draft.start) - 1
        draft.quoted = index >= 0 and draft.end <= quoted[index][1]
    return drafts


# Quotation marks: “ opens, ” closes; " and '' (two apostrophes, some US papers) open or close
# by turns; a blank line ends an unclosed quotation (the next paragraph reopens it).
_QUOTE_MARK = regex.compile(r"[“”\"«»]|''|\n[^\S\n]*\n")


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the quotations of `text`, in order (one linear scan)."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    for match in _QUOTE_MARK.finditer(text):
        mark = match.group()
        if mark[0] == "\n" or (opened is not None and mark in ("”", "»", '"', "''")):
            if opened is not None:
                spans.append((opened, match.start()))
            opened = None
        elif mark in ("“", "«", '"', "''"):
            opened = match.end()
    if opened is not None:
        spans.append((opened, len(text)))
    return spans


def _sentences(columns: _Columns, sentences: Sequence[tuple[int, int, str]]) -> list[_Sentence]:
    """One view per sentence: the tokens lying inside it (sentences are in order, disjoint)."""
    views = []
    position = 0
    starts, ends = columns.starts, columns.ends
    for index, (start, end, kind) in enumerate(sentences):
        first = bisect.bisect_left(starts, start, position)
        position = bisect.bisect_right(ends, end, first)
        views.append(_Sentence(columns, first, position, index, kind in ("title", "heading")))
    return views


def _headline_case(view: _Sentence, lower_words: set[str]) -> bool:
    """True for a line in title case ("Only 30 Percent of the Mayor's Donors Live in the City"):
    no lower-case word of four letters or more but function words, and at least two capitalised
    words after the first that are common words -- function words or words the text also writes
    in lower case ("Are", "Percent", "Donors"). A sentence full of names ("Russian President
    Vladimir Putin met Erdogan on Thursday") capitalises names only."""
    common = 0
    for position, word in enumerate(view.words):
        if not word[0].isalpha():
            continue
        if word[0].islower():
            if len(word) >= 4 and view.keys[position] not in FUNCTION_WORDS:
                return False
        elif position > view.first_word and (
            view.keys[position] in FUNCTION_WORDS or view.keys[position] in lower_words
        ):
            common += 1
    return common >= 2


def _vocabulary(views: Sequence[_Sentence]) -> tuple[set[str], set[str]]:
    """Words written in lower case somewhere, and words capitalised mid-sentence in body text.
    Marks headline-case lines on the way (`_headline_case`)."""
    lower: set[str] = set()
    known: set[str] = set()
    after_clause_start = _OPENERS | {":"}  # after a colon or an opening quote a capital starts a clause
    for view in views:
        lower.update(compress(view.keys, view.lower))
    for view in views:
        view.headline = view.headline or _headline_case(view, lower)
        if view.headline:
            continue
        keys, words, names = view.keys, view.words, view.names
        first = view.first_word + 1
        for position in compress(range(first, len(words)), names[first:]):
            if words[position - 1] not in after_clause_start:
                known.add(keys[position])
    return lower, known


# ---------------------------------------------------------------------------------------------
# Names (rules 1-4)
# ---------------------------------------------------------------------------------------------


def _runs(view: _Sentence) -> list[tuple[int, int]]:
    """(first, last + 1) token positions of the capitalised runs of a sentence (rule 1)."""
    words, keys, names = view.words, view.keys, view.names
    count = len(words)
    runs = []
    position = 0  # one past the last run
    # Only capitalised words can start a run: `compress` skips the others in C.
    for start in compress(range(count), names):
        if start < position:
            continue
        position = start + 1
        while position < count:
            word = words[position]
            if names[position]:
                position += 1
                continue
            following = position + 1 < count and names[position + 1]
            key = keys[position]
            # "George W. Bush", "Gen. Smith": the dot of an initial or an abbreviated title.
            if word == "." and following and (len(keys[position - 1]) == 1 or keys[position - 1] in TITLES):
                position += 1
                continue
            if key in _NAME_PARTICLES and word.islower() and following:
                position += 1
                continue
            if key in _ORGANISATION_CONNECTORS and word.islower():
                after_the = position + 2 < count and keys[position + 1] == "the" and names[position + 2]
                if (following or after_the) and any(k in _CONNECTOR_HEADS for k in keys[start:position]):
                    position += 2 if after_the else 1
                    continue
            if key == "and" and following:
                joined = " ".join(words[start : position + 2])
                if country_of(joined) or known_organisation(joined):  # "Bosnia and Herzegovina"
                    position += 1
                    continue
            break
        runs.append((start, position))
    return runs


def _known(key: str, word: str, known_words: set[str]) -> bool:
    """A word the body capitalises mid-sentence, or one the tables know as a name."""
    return (
        key in known_words
        or key in FIRST_NAMES
        or country_of(word) is not None
        or place_country(word) is not None
        or known_organisation(word) is not None
        or _is_acronym(word)
    )


def _is_common_noun(key: str) -> bool:
    """A role or organisation noun, or its plural: "Officials", "Police", "Witnesses"."""
    for form in (key, key[:-1] if key.endswith("s") else "", key[:-2] if key.endswith("es") else ""):
        if form and (form in PERSON_ROLES or form in ORGANISATION_NOUNS):
            return True
    return False


def _is_calendar_word(view: _Sentence, position: int, part_start: int) -> bool:
    key = view.keys[position]
    if key in WEEKDAYS:
        return True
    if key not in MONTHS:
        return False
    if position > part_start and view.keys[position - 1] in FIRST_NAMES:
        return False  # "Theresa May"
    if len(key) <= 4 and key not in ("may", "june", "july"):
        # "Mar", "Jan" are months only with their dot or a day: "Jan Egeland" is a name.
        following = view.words[position + 1] if position + 1 < len(view.words) else ""
        return following == "." or following[:1].isdigit()
    return True


def _after_party_tag(words: Sequence[str], position: int) -> int:
    """Where the text goes on after a party tag opening at ``words[position]`` (", R-Mo.," or
    "(D-Mo.)": the position after its closing comma or bracket), or `position` when there is none."""
    if position + 1 >= len(words) or words[position] not in _PARTY_TAG_BEFORE:
        return position  # the cheap test first: most names are followed by no party tag
    if not _party_tag(words, position + 1):
        return position
    closer = ")" if words[position] == "(" else ","
    for candidate in range(position + 2, min(position + _MAX_PARTY_TAG, len(words))):
        if words[candidate] == closer:
            return candidate + 1
    return position


def _party_tag(words: Sequence[str], start: int) -> bool:
    """True when ``words[start]`` is a party-and-state tag after a name ("(D-Mo.)", ", R-Texas,"),
    or the second letter of its dotted state ("C" of ", R-S.C.,")."""
    if start >= 2 and words[start - 1] == "." and len(words[start]) == 1:
        start -= 2
    return start > 0 and words[start - 1] in _PARTY_TAG_OPENERS and _PARTY_TAG.match(words[start]) is not None


def _name_parts(
    view: _Sentence, start: int, end: int, lower_words: set[str], known_words: set[str]
) -> list[tuple[int, int]]:
    """The parts of a capitalised run that can be names (rule 2)."""
    words, keys = view.words, view.keys
    if start > 0 and words[start - 1] in _PARTY_TAG_BEFORE and _party_tag(words, start):
        return []  # "Claire McCaskill (D-Mo.)", "Roy Blunt, R-Mo.,": a party and a state
    whole = " ".join(words[start:end])
    if country_of(whole) or place_country(whole) or (keys[start] != "the" and known_organisation(whole)):
        return [(start, end)]
    parts: list[tuple[int, int]] = []
    part_start = start
    for position in range(start, end):
        word, key = words[position], keys[position]
        # Lower-case words inside a run are connectors `_runs` allowed ("Council for ...").
        function = key in FUNCTION_WORDS and word[0].isupper() and key not in MONTHS and word != "US"
        calendar = (key in WEEKDAYS or key in MONTHS) and _is_calendar_word(view, position, part_start)
        if function or calendar:
            if position > part_start:
                parts.append((part_start, position))
            part_start = position + 1
    if part_start < end:
        parts.append((part_start, end))

    kept = []
    for part_start, part_end in parts:
        if view.headline:
            # Headline case: keep only the stretches of words known from the body or the tables.
            stretch_start = None
            for position in range(part_start, part_end + 1):
                # A word after a known first name or a title is a surname: "Vladimir Putin".
                known = position < part_end and (
                    _known(keys[position], words[position], known_words)
                    or keys[position] in TITLES
                    or (
                        stretch_start is not None
                        and (keys[position - 1] in FIRST_NAMES or keys[position - 1] in TITLES)
                    )
                )
                if known and stretch_start is None:
                    stretch_start = position
                elif not known and stretch_start is not None:
                    kept.append((stretch_start, position))
                    stretch_start = None
            continue
        while part_end > part_start and words[part_end - 1][0].islower() and not view.names[part_end - 1]:
            part_end -= 1  # "White House on (Thursday)": a connector left at the end
        first = part_start
        clause_start = first == view.first_word or (first > 0 and words[first - 1] in _CLAUSE_OPENERS)
        if clause_start and words[first] != ".":
            key, word = keys[first], words[first]
            known = _known(key, word, known_words) or key in TITLES
            after = _after_party_tag(words, part_end)  # "McCaskill, D-Mo., said"
            verb_follows = after < len(words) and view.verbs[after] is not None
            common = key in lower_words or _is_common_noun(key)
            if not known and (common or (part_end - first == 1 and not verb_follows)):
                first += 1
        if first < part_end:
            kept.append((first, part_end))
    return kept


def _name(text: str, view: _Sentence, start: int, end: int, drafts: list[Draft]) -> None:
    """Turn one part of a run into a name mention with its role, category and country (rules 3-4)."""
    words, starts, ends, keys = view.words, view.starts, view.ends, view.keys
    run_text = text[starts[start] : ends[end - 1]]

    hyphenated = end - start == 1 and "-" in run_text and not _ARTICLE_PREFIXED.match(run_text)
    if hyphenated and _hyphenated(view, start, run_text, drafts):
        return

    whole_place = place_country(run_text)
    whole_country = country_of(run_text)
    if whole_place is not None and whole_country is None:
        drafts.append(
            Draft(
                starts[start],
                ends[end - 1],
                "name",
                "place",
                country=whole_place,
                sentence=view.index,
            )
        )
        return
    whole_organisation = known_organisation(run_text)
    if (whole_country is not None and whole_country[1] == "demonym") or keys[end - 1] in _BELONGING_WORDS:
        return  # "Turkish", "Russians", "Southeast Asian", "Rohingya Muslim": who people are, not actors
    if whole_country is not None or whole_organisation is not None:
        category: str
        country: str | None
        if whole_country is not None:
            category, country = "place", whole_country[0]
        else:
            category, country = "organisation", whole_organisation.country if whole_organisation else None
        drafts.append(
            Draft(
                starts[start],
                ends[end - 1],
                "name",
                category,
                country=country,
                sentence=view.index,
            )
        )
        _acronym_after(view, end, drafts)
        return

    if not ORGANISATION_HEADS.isdisjoint(keys[start:end]) and not _person_titled(keys, start, end):
        drafts.append(
            Draft(
                starts[start],
                ends[end - 1],
                "name",
                "organisation",
                country=_country_in(words[start:end]),
                sentence=view.index,
            )
        )
        _acronym_after(view, end, drafts)
        return

    core, role_noun, country = _titles_in_run(view, start, end)
    while core < end and words[core] == ".":
        core += 1
    if core >= end:
        return
    core_keys = keys[core:end]
    core_text = text[starts[core] : ends[end - 1]]
    first_name = len(core_keys) > 1 and core_keys[0] in FIRST_NAMES

    draft = Draft(starts[core], ends[end - 1], "name", sentence=view.index, first_name=first_name)
    if role_noun is not None:
        draft.role = (starts[start], ends[core - 1])
        draft.role_noun = role_noun
        draft.country = country
    core_organisation = known_organisation(core_text)
    core_country = country_of(core_text) if core_organisation is None else None
    if core_organisation is not None or _is_acronym(core_text):
        draft.category = "organisation"
        draft.country = core_organisation.country if core_organisation is not None else None
    elif core_country is not None:
        draft.category = "place"
        draft.country = core_country[0]
    elif not _PLACE_WORDS.isdisjoint(core_keys) and not (
        len(core_keys) == 1 and core_keys[0].endswith("ern")
    ):
        draft.category = "place"  # "Middle East", "Gaza Strip", "the West" -- not a lone "Western"
    elif core_keys[-1] in _EVENT_WORDS or all(map(_shouted, words[core:end])):
        draft.category = "unknown"  # "Labor Day", "Democratic National Convention", "FULL TEXT"
    else:
        title_gender = role_gender(role_noun) if role_noun is not None else None  # "Mr." may be replaced
        _role_before(view, start, draft)
        _apposition(view, end, draft)
        # A party tag after the name ("McCaskill, D-Mo.,") marks a politician.
        politician = _after_party_tag(words, end) > end
        if (
            draft.role_noun is not None
            or first_name
            or len(core_keys) > 1
            or core_keys[0] in HONORIFICS
            or politician
        ):
            draft.category = "person"
        elif _place_context(view, core, end):
            draft.category = "place"
        if draft.category == "person":
            draft.gender = _gender_of(draft, core_keys) or title_gender
    drafts.append(draft)
    if draft.category == "organisation":
        _acronym_after(view, end, drafts)


def _hyphenated(view: _Sentence, position: int, word: str, drafts: list[Draft]) -> bool:
    """Hyphenated compounds: "EU-Turkey" names two actors (one mention each); "Moscow-based" and
    "Russian-Turkish" are adjectives (no mention). True when the word is handled; False for a
    hyphenated name such as "Jean-Claude"."""
    pieces = word.split("-")
    if not all(piece[:1].isupper() for piece in pieces):
        return True
    found = [country_of(piece) for piece in pieces]
    if found[-1] is not None and found[-1][1] == "demonym":
        return True  # "Russian-Turkish", "African-American": adjectives or nationalities
    if not all(
        (f is not None and f[1] != "demonym") or known_organisation(piece)
        for f, piece in zip(found, pieces, strict=True)
    ):
        return False
    offset = view.starts[position]
    for piece, piece_country in zip(pieces, found, strict=True):
        organisation = known_organisation(piece)
        draft = Draft(
            offset,
            offset + len(piece),
            "name",
            "place" if piece_country else "organisation",
            sentence=view.index,
        )
        draft.country = piece_country[0] if piece_country else organisation.country if organisation else None
        drafts.append(draft)
        offset += len(piece) + 1
    return True


def _last_title(keys: Sequence[str], start: int, end: int) -> tuple[int, int]:
    """(position, length) of the last title in ``keys[start:end]`` that a name word follows
    (after the title's dot, if any), or (-1, 0)."""
    found = (-1, 0)
    position = start
    while position < end - 1:
        size = _role_starting_at(keys, position, TITLES, end)
        if not size:
            position += 1
            continue
        following = position + size
        if following < end and keys[following] == "":  # the dot of "Gen."
            following += 1
        if following < end:
            found = (position, size)
        position += size
    return found


def _person_titled(keys: Sequence[str], start: int, end: int) -> bool:
    """ "Retired U.S. Air Force Gen. Norman Ham": a title followed by a name, so the organisation
    words before it are the person's affiliation, not an organisation's name."""
    position, size = _last_title(keys, start, end)
    rest = [k for k in keys[position + size : end] if k]
    return position >= 0 and bool(rest) and not any(k in ORGANISATION_HEADS for k in rest)


def _titles_in_run(view: _Sentence, start: int, end: int) -> tuple[int, str | None, str | None]:
    """The title part opening a run ("Turkish President", "Prime Minister", "Retired U.S. Air
    Force Gen."): everything up to the last title followed by a name. Returns the position where
    the name proper starts, the title, and the country the title part names."""
    words, keys = view.words, view.keys
    if _ROLE_FIRST_WORDS.isdisjoint(keys[start : end - 1]):
        return start, None, None  # no title can open the run: most names ("Erdogan", "Vladimir Putin")
    position, size = _last_title(keys, start, end)
    if position < 0:
        return start, None, None
    role_noun = " ".join(keys[position : position + size])
    core = position + size
    if core < end and words[core] == ".":
        core += 1
    if core >= end:
        return start, None, None
    prefix = words[start:core]
    return core, role_noun, _country_in(prefix) or _institution_country(prefix)


def _gender_of(draft: Draft, core_keys: Sequence[str]) -> Gender | None:
    """Gender from a title or role noun, an honorific, a first name, or a Slavic surname ending."""
    if draft.role_noun is not None and role_gender(draft.role_noun) is not None:
        return role_gender(draft.role_noun)
    if core_keys[0] in HONORIFICS and HONORIFICS[core_keys[0]] is not None:
        return HONORIFICS[core_keys[0]]
    if len(core_keys) > 1 and core_keys[0] in FIRST_NAMES:
        return FIRST_NAMES[core_keys[0]]
    surname = core_keys[-1]
    if len(surname) >= 5 and _FEMALE_SURNAME.search(surname):
        return "f"
    if len(surname) >= 5 and _MALE_SURNAME.search(surname):
        return "m"
    return None


def _place_context(view: _Sentence, start: int, end: int) -> bool:
    before = view.keys[start - 1] if start > 0 else ""
    after = view.words[end] if end < len(view.words) else ""
    return before in _LOCATIVES or after in _PLACE_NOUNS


def _country_in(words: Sequence[str], *, capitals: bool = False) -> str | None:
    """The first country named or implied by a nationality word (or a capital) among `words`."""
    for word in words:
        found = country_of(word)
        if found is not None and (capitals or found[1] != "capital"):
            return found[0]
    return None


def _institution_country(words: Sequence[str]) -> str | None:
    """The country of the first state institution among `words` ("Kremlin" -> Russia)."""
    for word in words:
        organisation = known_organisation(word)
        if organisation is not None and organisation.country:
            return organisation.country
    return None


def _acronym_after(view: _Sentence, end: int, drafts: list[Draft]) -> None:
    """ "... Foreign Relations (RSMD)": the bracketed acronym names the organisation just found."""
    words, starts, ends = view.words, view.starts, view.ends
    if end + 2 < len(words) and words[end] == "(" and words[end + 2] == ")" and _is_acronym(words[end + 1]):
        owner = drafts[-1]
        alias = Draft(
            starts[end + 1], ends[end + 1], "name", "organisation", sentence=view.index, same_as=owner
        )
        alias.country = owner.country
        drafts.append(alias)


def _role_before(view: _Sentence, start: int, draft: Draft) -> None:
    """Role words before the name: "Kremlin spokesman Dmitry Peskov", "former US President ...",
    and a role in apposition before it: "His foreign minister, Sergei Lavrov, ..." (rule 3)."""
    words, starts, ends, keys = view.words, view.starts, view.ends, view.keys
    apposition = (
        start >= 2
        and words[start - 1] == ","
        and (draft.role is None or draft.role_noun in HONORIFICS)
        and _token_after(view, draft.end) == ","
    )
    if apposition and draft.role is not None:
        # "The minister of the economy, Mr. Guajardo,": the apposition says more than "Mr.".
        saved = (draft.role, draft.role_noun)
        draft.role, draft.role_noun = None, None
        _role_before(view, start, draft)
        if draft.role is None:
            draft.role, draft.role_noun = saved
        return
    position = start - 1 if apposition else start
    first = position
    role_noun = draft.role_noun
    if role_noun is None:
        size = _role_ending_at(keys, position)
        end = position
        if not size and apposition:
            # "The minister of the economy, Mr. Guajardo, ...": a role with an "of" complement.
            end = position - _of_complement(keys, position)
            size = _role_ending_at(keys, end) if end < position else 0
        if not size:
            return
        role_noun = " ".join(keys[end - size : end])
        first = end - size
    # Extend leftwards over modifiers, nationality words, institutions and possessives.
    for _ in range(_MAX_ROLE_PREFIX):
        if first == 0:
            break
        word = words[first - 1]
        size = _role_ending_at(keys, first)
        if keys[first - 1] in ROLE_MODIFIERS or size:
            first -= max(size, 1)
        elif view.names[first - 1] and keys[first - 1] not in FUNCTION_WORDS:
            first -= 1
        elif word in _POSSESSIVE_ENDINGS and first >= 2 and view.names[first - 2]:
            first -= 2  # "Russia's foreign minister"
        else:
            break
    if apposition:
        # The role must open its clause: "His foreign minister, Sergei Lavrov," - not "met the
        # minister, Lavrov said".
        before = keys[first - 1] if first > 0 else ""
        if before in _POSSESSIVE_PRONOUNS | _DETERMINERS:
            first -= 1
        elif first > view.first_word and words[first - 1] not in {",", ";", ":", "—", "–"}:
            return
    role_end = draft.role[1] if draft.role is not None else ends[position - 1]
    draft.role = (starts[first], role_end)
    draft.role_noun = role_noun
    if draft.country is None:
        span = words[first:position]
        draft.country = _country_in(span) or _institution_country(span)


def _token_after(view: _Sentence, offset: int) -> str:
    """The first token of the sentence starting at or after `offset` ("" at its end)."""
    position = view.position_at(offset)
    return view.words[position] if position < len(view.words) else ""


def _of_complement(keys: Sequence[str], end: int) -> int:
    """Length of an "of [the] X [Y [Z]]" complement ending just before ``keys[end]``, or 0."""
    for length in range(2, 6):
        start = end - length
        if start < 1:
            break
        if keys[start] == "of":
            return length if all(key.isalpha() for key in keys[start + 1 : end]) else 0
    return 0


def _apposition(view: _Sentence, end: int, draft: Draft) -> None:
    """ "Timur Akhmetov, an expert with the ... (RSMD)," -> role, role noun, country (rule 3)."""
    words, starts, ends, keys = view.words, view.starts, view.ends, view.keys
    count = len(words)
    if draft.role is not None or end >= count or words[end] != ",":
        return
    position = end + 1
    if position + 1 < count and words[position].isdigit() and words[position + 1] == ",":
        position += 2  # "Jane Doe, 45, a teacher"
    if position >= count:
        return
    first = position
    if keys[position] in _RELATIVE_WORDS:
        return  # "Aung San Suu Kyi, who had breakfast with ...": a clause, not a description
    if keys[position] in _INDEFINITES | _DETERMINERS | _POSSESSIVE_PRONOUNS:
        position += 1
    elif position + 1 < count and words[position + 1] in _POSSESSIVE_ENDINGS:
        position += 2  # "Sergei Lavrov, Russia's foreign minister"
    head_end = None
    for candidate in range(position, min(position + 6, count)):
        word = words[candidate]
        if word in _APPOSITION_END or attribution_verb(word) is not None:
            return
        size = _role_starting_at(keys, candidate, PERSON_ROLES)
        if size:
            head_end = candidate + size
            break
        if keys[candidate] in ORGANISATION_NOUNS and word.islower():
            return  # "Moscow, the government ..." is not a person's description
    if head_end is None or (head_end < count and words[head_end] in _POSSESSIVE_ENDINGS):
        return
    last = head_end
    depth = 0
    while last < count and last - first < _MAX_APPOSITION:
        word = words[last]
        if word == "(":
            depth += 1
        elif word == ")" and depth:
            depth -= 1
        elif depth == 0 and (word in _APPOSITION_END or attribution_verb(word) is not None):
            break
        last += 1
    if last - first >= _MAX_APPOSITION:
        last = head_end
    draft.role = (starts[first], ends[last - 1])
    draft.role_noun = " ".join(keys[head_end - _role_ending_at(keys, head_end) : head_end])
    if draft.country is None:
        # "an analyst with the Kyiv Institute ...": a capital in a description gives a country.
        span = words[first:last]
        draft.country = _country_in(span) or _institution_country(span) or _country_in(span, capitals=True)


# ---------------------------------------------------------------------------------------------
# Nominals and pronouns (rule 5)
# ---------------------------------------------------------------------------------------------


# The words a nominal's head can start with (see `_nominals`).
_NOMINAL_HEADS = _ROLE_FIRST_WORDS | ORGANISATION_NOUNS


def _nominals(view: _Sentence, drafts: list[Draft]) -> None:
    """ "the Russian expert", "the Kremlin spokesman", "his foreign minister", "the Syrian army"."""
    words, starts, ends, keys = view.words, view.starts, view.ends, view.keys
    count = len(words)
    # "the"/"his" ..., or a word before a possessive ending ("Syria's"): flags computed in C.
    opens = map(_NOMINAL_OPENERS.__contains__, keys)
    before_possessive = map(_POSSESSIVE_ENDINGS.__contains__, islice(words, 1, None))
    openers = list(compress(range(count), map(or_, opens, chain(before_possessive, (False,)))))
    for position in openers:
        key = keys[position]
        country: str | None = None
        if key in _DETERMINERS or key in _POSSESSIVE_PRONOUNS:
            head = position + 1
        elif position + 1 < count and words[position + 1] in _POSSESSIVE_ENDINGS:
            found_country = country_of(words[position])
            if found_country is None:
                continue
            country, head = found_country[0], position + 2  # "Syria's army"
        else:
            continue
        if _NOMINAL_HEADS.isdisjoint(keys[head : head + _MAX_NOMINAL_MODIFIERS + 1]):
            continue  # no role or organisation noun within reach: nothing to find
        found: tuple[int, str, str] | None = None  # (end position, noun, category)
        for _ in range(_MAX_NOMINAL_MODIFIERS + 1):
            if head >= count:
                break
            word = words[head]
            size = _role_starting_at(keys, head, PERSON_ROLES)
            if size:
                found = (head + size, " ".join(keys[head : head + size]), "person")
                break
            if keys[head] in ORGANISATION_NOUNS and word.islower():
                found = (head + 1, keys[head], "organisation")
                break
            word_country = country_of(word)
            if word_country is not None and word_country[1] != "capital":
                country = country or word_country[0]
            elif view.names[head]:
                country = country or _institution_country([words[head]])
            elif keys[head] not in ROLE_MODIFIERS and not _YEAR_OLD.match(word):
                break
            head += 1
        if found is None:
            continue
        end, noun, category = found
        if category == "person" and end < count:
            # "the Kremlin spokesman Dmitry Peskov", "his foreign minister, Sergei Lavrov": a title.
            after = words[end]
            if view.names[end] or (after == "," and end + 1 < count and view.names[end + 1]):
                continue
            if after in _POSSESSIVE_ENDINGS or keys[end] in PERSON_ROLES or keys[end] in _COMPOUND_HEADS:
                continue  # "the refugee deal", "the president's office": the role noun modifies
            if keys[end] == "of" and _apposed_name_follows(view, end):
                continue  # "The minister of the economy, Mr. Guajardo, ...": the name's role
        if category == "organisation" and key in _POSSESSIVE_PRONOUNS:
            continue  # "its army": the owner is the entity, not a new one
        drafts.append(
            Draft(
                starts[position],
                ends[end - 1],
                "nominal",
                category,
                role_noun=noun,
                gender=role_gender(noun) if category == "person" else None,
                country=country,
                sentence=view.index,
            )
        )


def _apposed_name_follows(view: _Sentence, position: int) -> bool:
    """An "of ..." complement of at most five words, then a comma and a name."""
    words = view.words
    for offset in range(position + 1, min(position + 7, len(words) - 1)):
        if words[offset] == ",":
            return view.names[offset + 1]
    return False


def _pronouns(view: _Sentence, drafts: list[Draft]) -> None:
    for position in compress(range(len(view.keys)), map(PRONOUNS.__contains__, view.keys)):
        pronoun = PRONOUNS[view.keys[position]]
        category = "person" if pronoun.person else "unknown"
        start, end = view.starts[position], view.ends[position]
        drafts.append(Draft(start, end, "pronoun", category, gender=pronoun.gender, sentence=view.index))


def _deduplicated(drafts: list[Draft]) -> list[Draft]:
    """Drop nominals inside a name's role ("Kremlin spokesman" of Peskov) and repeated spans (a
    bracketed acronym is found both as a name and as an alias; the alias is kept)."""
    role_spans = sorted(d.role for d in drafts if d.kind == "name" and d.role is not None)
    role_starts = [span[0] for span in role_spans]
    by_span: dict[tuple[int, int], Draft] = {}
    for draft in drafts:
        if draft.kind == "nominal":
            index = bisect.bisect_right(role_starts, draft.start) - 1
            if index >= 0 and role_spans[index][1] >= draft.end:
                continue
        span = (draft.start, draft.end)
        if span not in by_span or draft.same_as is not None:
            by_span[span] = draft
    return list(by_span.values())


# ---------------------------------------------------------------------------------------------
# Attribution subjects (rules 6 and 7)
# ---------------------------------------------------------------------------------------------

# Words that may open a group or document subject: "the", "some", "many", "two", "his" ...
_SUBJECT_DETERMINERS = (
    _NOMINAL_OPENERS | _INDEFINITES | _words("some many several most other few both all these those")
)
_MAX_SUBJECT_MODIFIERS = 3


def _attribution_subjects(views: Sequence[_Sentence], drafts: list[Draft]) -> None:
    """Rule 7: subjects of attribution verbs that are not names -- groups ("experts say", "police
    said"), documents ("the report said"), people introduced indefinitely ("a friend said") and
    the relative "who"/"which" after a mention ("Smith, who said ...") -- become mentions."""
    by_sentence: dict[int, list[Draft]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence, []).append(draft)
    added: list[Draft] = []
    for view in views:
        verbs = list(compress(range(len(view.verbs)), view.verbs))
        if not verbs:
            continue
        own = by_sentence.get(view.index, [])
        # Which token ends each mention, and which tokens some mention covers (head nouns
        # already covered need nothing new).
        ending = {draft.outer[1]: draft for draft in own}
        covered = [False] * len(view.words)
        for draft in own:
            first, last = draft.outer
            for position in range(view.position_at(first), view.position_at(last)):
                covered[position] = True
        words, keys = view.words, view.keys
        for position in verbs:
            subject = position - 1
            while subject >= 0 and position - subject <= 4 and keys[subject] in _BETWEEN_SUBJECT_AND_VERB:
                subject -= 1
            found = _subject_before(view, subject, ending, added) if subject >= 0 else None
            if found is None and position >= 1 and words[position - 1] in _INVERSION_OPENERS:
                found = _subject_after(view, position + 1)
            if found is None:
                continue
            # A name inside the subject ("two Western diplomats") stays a mention of its own.
            head = view.position_at(found.end) - 1
            if covered[head]:
                continue
            for covered_position in range(view.position_at(found.start), head + 1):
                covered[covered_position] = True
            ending[found.end] = found
            added.append(found)
    if added:
        drafts.extend(added)
        drafts.sort(key=lambda d: (d.start, -d.end))


def _subject_before(view: _Sentence, head: int, ending: dict[int, Draft], added: list[Draft]) -> Draft | None:
    words, starts, ends, keys = view.words, view.starts, view.ends, view.keys
    if keys[head] in ("who", "which") and head >= 1:
        # "Maria Lopez, who said", "voters who say": the relative stands for the mention before it.
        before = head - 1 if words[head - 1] != "," else head - 2
        if before < 0:
            return None
        owner = ending.get(ends[before])
        if owner is None:
            owner = _group_or_document(view, before)
            if owner is None:
                return None
            ending[owner.end] = owner
            added.append(owner)
        return Draft(
            starts[head],
            ends[head],
            "pronoun",
            owner.category,
            sentence=view.index,
            same_as=owner,
        )
    return _group_or_document(view, head)


def _subject_after(view: _Sentence, start: int) -> Draft | None:
    """'..., said the report', '"...," said two witnesses': the subject after an inverted verb."""
    words, keys = view.words, view.keys
    position = start
    while position < len(words) and position - start <= _MAX_SUBJECT_MODIFIERS + 1:
        key = keys[position]
        if key in GROUP_NOUNS or key in SOURCE_NOUNS or key in PERSON_ROLES:
            return _group_or_document(view, position, floor=start)
        if not (key in _SUBJECT_DETERMINERS or key in ROLE_MODIFIERS or words[position][0].isalnum()):
            return None
        position += 1
    return None


def _group_or_document(view: _Sentence, head: int, *, floor: int = 0) -> Draft | None:
    """A nominal subject whose head noun is at `head`, extended left over modifiers and one
    determiner; None unless the head is a group noun, a document noun, or a person role after
    "a"/"an"."""
    words, starts, ends, keys = view.words, view.starts, view.ends, view.keys
    key = keys[head]
    if words[head][0].isupper() and key not in GROUP_NOUNS:
        return None  # a capitalised word is a name, handled by the name rules
    first = head
    modifiers = 0
    while first - 1 >= floor and modifiers < _MAX_SUBJECT_MODIFIERS:
        previous = keys[first - 1]
        word = words[first - 1]
        if previous in _SUBJECT_DETERMINERS:
            first -= 1
            break
        if previous in FUNCTION_WORDS or not (word[0].isalnum()):
            break
        first -= 1
        modifiers += 1
    opener = keys[first] if first < head else ""
    if key in GROUP_NOUNS:
        category = "group"
    elif key in SOURCE_NOUNS:
        category = "unknown"
    elif key in PERSON_ROLES and opener in _INDEFINITES:
        category = "person"
    else:
        return None
    draft = Draft(starts[first], ends[head], "nominal", category, role_noun=key, sentence=view.index)
    if category == "person":
        draft.gender = role_gender(key)
    draft.country = _country_in(words[first:head]) or _institution_country(words[first:head])
    return draft


def _attribution(view: _Sentence, draft: Draft) -> str | None:
    """Lemma of the attribution verb `draft` is the subject of, or None."""
    words, keys = view.words, view.keys
    outer_start, outer_end = draft.outer
    position = view.position_at(outer_end)
    if draft.kind == "pronoun" and keys[position - 1] in _POSSESSIVE_PRONOUNS:
        position += 1  # "his office said", "her lawyer told": the possessor speaks through them
    # Skip the comma closing an apposition: "Timur Akhmetov, an expert ..., said", "The minister
    # of the economy, Mr. Guajardo, argues".
    before = view.position_at(outer_start) - 1
    closing = (draft.role is not None and draft.role[0] > draft.start) or (
        before >= 0 and words[before] == ","
    )
    if position < len(words) and words[position] == "," and closing:
        position += 1
    position = _after_party_tag(words, position)  # "Roy Blunt, R-Mo., said", "Blunt (R-Mo.) said"
    for _ in range(5):
        if position >= len(words):
            break
        if view.verbs[position] is not None:
            return view.verbs[position]
        key = keys[position]
        if key not in _BETWEEN_SUBJECT_AND_VERB and key not in WEEKDAYS and key not in MONTHS:
            break
        position += 1
    if before >= 0:
        lemma = view.verbs[before]
        if lemma is not None and (before == 0 or words[before - 1] in _INVERSION_OPENERS):
            return lemma
        if keys[before] == "to" and before >= 1 and keys[before - 1] == "according":
            return "according to"
    return None
