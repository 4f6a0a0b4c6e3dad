"""The ``casualties`` extractor: how many were killed, injured, missing, kidnapped, arrested or displaced.

Every report of harm becomes a `CasualtyFinding` with an honest interval: "more than 30 Turkish
soldiers were killed" is killed, min 31, max None, qualifier ``more_than``; "dozens" is min 24,
qualifier ``vague``; "no one was hurt" is injured, 0, negated. Numbers come from the language
layer (`Document.numbers`); the report shapes, trigger words and cue words are in
`newsparse.extractors.casualty_rules`. `CasualtiesExtractor.summarize` picks the article's best
figure per category without adding up repeats (see `summarize_casualties`).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs
import regex

from newsparse.extractors import casualty_rules as rules
from newsparse.hookspecs import hookimpl
from newsparse.model import Article, Finding
from newsparse.text.document import Document, Sentence
from newsparse.text.numbers import NumberPhrase
from newsparse.typing import ExtractorRegistrar

__all__ = [
    "CATEGORIES",
    "CasualtiesConfig",
    "CasualtiesExtractor",
    "CasualtyFinding",
    "summarize_casualties",
]

Category = Literal["killed", "injured", "missing", "kidnapped", "arrested", "displaced", "affected"]
CasualtyQualifier = Literal["exact", "more_than", "at_least", "up_to", "about", "range", "vague"]
Modality = Literal["asserted", "reported", "possible"]

#: Every category, in the order summaries list them.
CATEGORIES: tuple[str, ...] = ("killed", "injured", "missing", "kidnapped", "arrested", "displaced", "affected")


@attrs.frozen(kw_only=True)
class CasualtyFinding(Finding):
    """One report of people harmed: a category, an interval of counts and its context."""

    category: str
    """killed, injured, missing, kidnapped, arrested, displaced, or affected (harmed without a
    killed/injured split: "shot", "casualties", "killed or wounded")."""

    min: int | None
    """Fewest people the report allows, inclusive ("more than 30" -> 31, "dozens" -> 24); None: not stated."""

    max: int | None
    """Most people it allows, inclusive; None: no upper bound stated."""

    qualifier: str
    """exact, more_than, at_least, up_to, about, range or vague ("fewer than 10" is up_to 9;
    "nearly 50" is about, with max 49)."""

    value: float | None = None
    """The number as written, when one is (30 for "more than 30"; None for "dozens")."""

    point: int | None = None
    """A conservative single figure (ACLED's convention): 30 for "more than 30", 12 for "dozens",
    the lower end of a range; None when there is no convention ("several")."""

    victims: str | None = None
    """Who was harmed, as written, without the count ("Turkish soldiers", "people")."""

    perpetrator: str | None = None
    """Who did it, as written ("the Syrian army", "a gunman"), when the sentence says."""

    location: str | None = None
    """Where, as written ("Idlib"), when the sentence says."""

    date: str | None = None
    """The value of the ``dates`` finding in the same sentence (TIMEX3, e.g. ``2020-02``), if any."""

    negated: bool = False
    """The report denies harm: "no one was hurt", "the driver was not injured" (min = max = 0)."""

    modality: str = "asserted"
    """asserted, reported (attributed: "police said"), or possible ("could kill hundreds", "feared dead")."""

    cumulative: bool = False
    """A running total rather than one incident: "in recent weeks", "the death toll rose to", "so far"."""

    period: str | None = None
    """The words that make the figure cumulative ("in recent weeks", "since the war began", "this year")."""

    background: bool = False
    """The report is about an earlier or another incident, given for context ("a previous shooting",
    "weeks earlier", a year before the publication year); summaries leave it out."""

    trigger: str = ""
    """The words that state the harm ("were killed", "dead", "wounding", "death toll rose to")."""


@attrs.frozen(kw_only=True)
class CasualtiesConfig:
    """Options of the ``casualties`` extractor."""

    categories: tuple[str, ...] = attrs.field(default=CATEGORIES, converter=tuple)
    """The categories to report; the others are dropped."""

    single_victims: bool = True
    """Report one victim stated without a number ("a soldier was killed", "the murder of X") as 1."""

    side_text: bool = True
    """Also read captions and related-link titles (findings name their field)."""

    @categories.validator
    def _known(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        unknown = sorted(set(value) - set(CATEGORIES))
        if unknown:
            raise ValueError(f"unknown categories {unknown}; known: {list(CATEGORIES)}")


@attrs.frozen
class CasualtiesExtractor:
    """Finds reports of people killed, injured, missing, kidnapped, arrested or displaced."""

    config: CasualtiesConfig = attrs.field(factory=CasualtiesConfig)
    name: str = "casualties"
    requires: tuple[str, ...] = ("dates",)
    finding_type: type[Finding] = CasualtyFinding

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> Iterator[CasualtyFinding]:
        dates = tuple(found.get("dates", ()))
        documents = [document, *document.side_documents()] if self.config.side_text else [document]
        wanted = set(self.config.categories)
        for doc in documents:
            doc_dates = [d for d in dates if d.field == doc.field]
            for finding in _find(doc, doc_dates, self.config.single_victims):
                if finding.category in wanted:
                    yield finding

    def summarize(self, article: Article, findings: tuple[Finding, ...]) -> dict[str, dict[str, Any]]:
        """The article's best figure per category (see `summarize_casualties`)."""
        return summarize_casualties(f for f in findings if isinstance(f, CasualtyFinding))


# -- finding reports ------------------------------------------------------------------------


@attrs.frozen
class _Count:
    """The interval of one report, before it becomes a finding."""

    min: int | None
    max: int | None
    qualifier: str
    value: float | None = None
    point: int | None = None


_ZERO = _Count(0, 0, "exact", None, 0)
_ONE = _Count(1, 1, "exact", None, 1)  # one victim, no number written ("a soldier was killed")
_QUALIFIER_OF_NUMBER = {"less_than": "up_to", "nearly": "about"}


@attrs.frozen
class _Report:
    """A match of one report shape in a sentence (offsets in the document's text)."""

    kind: str
    category: str
    start: int
    end: int
    trigger_start: int
    trigger_end: int
    count: _Count
    numbers: tuple[int, ...] = ()
    victims: str | None = None
    negated: bool = False
    hedge: str = ""  # auxiliaries and adverbs between victims and trigger ("may have been")


# Priority when two reports claim the same number or trigger: earlier kinds win.
_PRIORITY = ("negation", "toll", "subject", "object", "nominal", "fatally", "single", "counts")
_PASSIVE_AUX = regex.compile(r"\b(?:were|was|are|is|am|been|be|being|got|get|gets|getting)\b", regex.IGNORECASE)
_NEGATION = regex.compile(r"\b(?:not|never|n't)\b|n't\b", regex.IGNORECASE)
_OBJECT_AFTER = regex.compile(
    r"\s+(?:§|(?:the|a|an|his|her|their|its|him|them|us|me|himself|herself|themselves|another|several|dozens"
    r"|many|at\s+least|more\s+than|one|two|three|four|five|six)\b)",
    regex.IGNORECASE,
)
_NAME_AFTER = regex.compile(r"\s+(?P<word>\p{Lu}\p{Ll}+)")
_VERB_TRIGGER = regex.compile(
    r"(?:killed|murdered|executed|massacred|assassinated|beheaded|lynched|slain|wounded|injured|hurt|shot"
    r"|stabbed|struck|kidnapped|abducted|arrested|detained|apprehended|displaced|evacuated|affected"
    r"|hospitali[sz]ed|gunned\s+down)$",
    regex.IGNORECASE,
)
_SEPARATOR = regex.compile(r"\s*,\s*|\s*,?\s+(?:and|&)\s+(?:then\s+|also\s+)?", regex.IGNORECASE)
_PARTITIVE = regex.compile(
    r"(?:§|\b(?:one|some|all|each|none|most|many|several|both|either|neither|any))\s+of\s+(?:the\s+|those\s+|these\s+)?$",
    regex.IGNORECASE,
)
_INNER_PARTITIVE = regex.compile(r"\bof\s+(?:the\s+|those\s+|these\s+)?§", regex.IGNORECASE)
_WORDS = regex.compile(r"[\p{L}\p{N}'’.&/-]+")
_YEAR_OLD = regex.compile(r"year-old$|yr-old$", regex.IGNORECASE)
_LOCATION_SPLIT = regex.compile(r"\s+(?:in|at|near|on|inside|outside|from|during|across)\s+", regex.IGNORECASE)
_QUOTES = regex.compile(r"[\"“”«»]")
_NOBODY = regex.compile(r"\b(?:anyone|anybody|someone|somebody|everyone|everybody|who|whoever|each)\s*$", regex.I)
_SUBJECT_BREAK = regex.compile(
    r"(?:[,;:(\[\"“”]|\b(?:and|but|that|after|when|while|as|said|says|say|told|because|before|since|if|where"
    r"|which|then|police|officials)\b)(?!.*(?:[,;:(\[\"“”]|\b(?:and|but|that|after|when|while|as|said|says|say"
    r"|told|because|before|since|if|where|which|then)\b))",
    regex.IGNORECASE | regex.DOTALL,
)
_AGE_APPOSITION = regex.compile(r",\s*\d{1,3}\s*,?\s*$")


def _find(doc: Document, dates: Sequence[Finding], single_victims: bool) -> Iterator[CasualtyFinding]:
    numbers = doc.numbers
    starts = [n.start for n in numbers]
    for sentence in doc.sentences:
        if not rules.PREFILTER.search(sentence.text):
            continue
        first = bisect.bisect_left(starts, sentence.start)
        last = bisect.bisect_left(starts, sentence.end)
        inside = [n for n in numbers[first:last] if n.end <= sentence.end]
        masked = _mask(sentence, inside)
        reports = _reports(masked, sentence.start, {n.start: n for n in inside}, single_victims)
        natural = [m.span() for m in rules.NATURAL_DEATH.finditer(masked)]
        for report in _without_overlaps(reports):
            t_start = report.trigger_start - sentence.start
            if report.category == "killed" and any(s <= t_start < e for s, e in natural):
                continue  # "died of a heart attack" is not a casualty
            yield _finding(doc, sentence, masked, report, dates)


def _mask(sentence: Sentence, numbers: Sequence[NumberPhrase]) -> str:
    """The sentence with each number phrase overwritten by ``§`` (same length, so offsets hold)."""
    text = sentence.text.replace(rules.MASK, "?")
    parts = []
    position = 0
    for number in numbers:
        start, end = number.start - sentence.start, number.end - sentence.start
        parts.append(text[position:start])
        parts.append(rules.MASK * (end - start))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _category(match: regex.Match[str]) -> tuple[str, int, int] | None:
    """The category group that matched, with its span."""
    for name in rules.CATEGORY_GROUPS:
        span = match.span(name) if name in match.re.groupindex else (-1, -1)
        if span[0] >= 0:
            return name, span[0], span[1]
    return None


def _reports(masked: str, offset: int, numbers: Mapping[int, NumberPhrase], singles: bool) -> list[_Report]:
    reports: list[_Report] = []
    reports.extend(_negations(masked, offset))
    for match in [*rules.TOLL.finditer(masked), *rules.TOLL_BRINGING.finditer(masked)]:
        category = _toll_category(match["tollkind"], match["tollnoun"])
        number = numbers.get(offset + match.start("groups"))
        if number is None or _looks_like_year(number):
            continue
        reports.append(
            _Report(
                kind="toll", category=category, start=offset + match.start(), end=offset + match.end(),
                trigger_start=offset + match.start(), trigger_end=offset + match.start("groups"),
                count=_count_of(number), numbers=(number.start,),
            )  # fmt: skip
        )
    # Overlapping, so that in "one of the five people shot and killed" the inner group is tried too.
    for match in rules.SUBJECT.finditer(masked, overlapped=True):
        report = _subject_report(masked, match, offset, numbers)
        if report is not None:
            reports.append(report)
    for match in rules.ACTIVE.finditer(masked):
        report = _object_report(masked, match, offset, numbers, "object")
        if report is not None:
            reports.append(report)
    for match in rules.NOMINAL.finditer(masked):
        report = _object_report(masked, match, offset, numbers, "nominal")
        if report is not None:
            reports.append(report)
    for match in rules.ORDINAL_DEATH.finditer(masked):
        number = rules.ORDINALS[match["ordinal"].lower()]
        reports.append(
            _Report(
                kind="toll", category="killed", start=offset + match.start(), end=offset + match.end(),
                trigger_start=offset + match.start("killed"), trigger_end=offset + match.end("killed"),
                count=_Count(number, number, "exact", float(number), number),
            )  # fmt: skip
        )
    for pattern, kind in ((rules.FATALLY, "fatally"), (rules.MURDER_COUNTS, "counts")):
        for match in pattern.finditer(masked):
            number = numbers.get(offset + match.start("groups"))
            if number is None:
                continue
            reports.append(
                _Report(
                    kind=kind, category="killed", start=offset + match.start(), end=offset + match.end(),
                    trigger_start=offset + match.start("killed"), trigger_end=offset + match.end("killed"),
                    count=_count_of(number), numbers=(number.start,),
                )  # fmt: skip
            )
    if singles:
        reports.extend(_single_reports(masked, offset))
    return reports


def _negations(masked: str, offset: int) -> Iterator[_Report]:
    for match in rules.NEGATED_SUBJECT.finditer(masked):
        found = _category(match)
        if found is None:
            continue
        category, t_start, t_end = found
        if rules.NOUN_TRIGGERS.fullmatch(masked[t_start:t_end]):
            continue  # "none of the injuries were life-threatening" denies nothing
        for cat in _split_combined(category, match.group(category)):
            yield _Report(
                kind="negation", category=cat, start=offset + match.start(), end=offset + match.end(),
                trigger_start=offset + t_start, trigger_end=offset + t_end, count=_ZERO, negated=True,
            )  # fmt: skip
    for match in rules.NEGATED_NOUN.finditer(masked):
        noun = match["noun"].lower()
        if noun in ("casualties",):
            categories = ["killed", "injured"]
        elif noun.startswith("one"):
            categories = ["killed" if ("killed" in noun or "dead" in noun) else "injured"]
        elif noun.startswith("arrest"):
            categories = ["arrested"]
        elif noun.startswith(("death", "fatal")):
            categories = ["killed"]
        else:
            categories = ["injured"]
        for cat in categories:
            yield _Report(
                kind="negation", category=cat, start=offset + match.start(), end=offset + match.end(),
                trigger_start=offset + match.start("noun"), trigger_end=offset + match.end("noun"),
                count=_ZERO, negated=True,
            )  # fmt: skip
    for match in rules.UNHURT.finditer(masked):
        yield _Report(
            kind="negation", category="injured", start=offset + match.start(), end=offset + match.end(),
            trigger_start=offset + match.start(), trigger_end=offset + match.end(), count=_ZERO, negated=True,
        )  # fmt: skip


def _split_combined(category: str, trigger: str) -> tuple[str, ...]:
    """ "no one was killed or injured" denies both; a positive "killed or wounded" stays combined."""
    if category == "combined":
        return ("killed", "injured")
    return (category,)


def _toll_category(kind: str | None, noun: str | None) -> str:
    word = (kind or noun or "death").lower()
    if word in ("casualty", "casualties"):
        return "affected"
    if word.startswith(("injur", "wound")):
        return "injured"
    if word in ("missing", "displaced", "hostages"):
        return {"hostages": "kidnapped"}.get(word, word)
    if word.startswith(("arrest", "detain")):
        return "arrested"
    return "killed"


def _subject_report(
    masked: str, match: regex.Match[str], offset: int, numbers: Mapping[int, NumberPhrase]
) -> _Report | None:
    found = _category(match)
    if found is None:
        return None
    category, t_start, t_end = found
    trigger = masked[t_start:t_end]
    aux = match["aux"] or ""
    if aux.strip() and rules.NOUN_TRIGGERS.fullmatch(trigger):
        return None  # "40 were deaths" is not English; nouns follow the number directly
    passive = bool(_PASSIVE_AUX.search(aux))
    if not passive and _VERB_TRIGGER.search(trigger) and _has_object(masked, t_end):
        return None  # "two gunmen killed three people": the subject did the harm
    if passive and _PARTITIVE.search(masked, max(0, match.start() - 20), match.start()):
        return None  # "four of the five victims were shot": the count is the "four" before it
    if not aux.strip() and _INNER_PARTITIVE.search(masked, match.start("groups"), match.end("groups")):
        return None  # "one of the five people shot and killed": the participle belongs to "five people"
    counted = _count_groups(masked, match.start("groups"), match.end("groups"), offset, numbers)
    if counted is None:
        return None
    count, used, victims, first = counted
    negated = bool(_NEGATION.search(aux))
    return _Report(
        kind="subject", category="affected" if category == "combined" else category,
        start=offset + first, end=offset + t_end, trigger_start=offset + t_start,
        trigger_end=offset + t_end, count=_ZERO if negated else count, numbers=used, victims=victims,
        negated=negated, hedge=aux,
    )  # fmt: skip


def _has_object(masked: str, position: int) -> bool:
    if _OBJECT_AFTER.match(masked, position):
        return True
    name = _NAME_AFTER.match(masked, position)
    return name is not None and name["word"].lower() not in _NOT_NAMES


def _object_report(
    masked: str, match: regex.Match[str], offset: int, numbers: Mapping[int, NumberPhrase], kind: str
) -> _Report | None:
    found = _category(match)
    if found is None:
        return None
    category, t_start, t_end = found
    g_start, g_end = match.span("groups")
    head = masked[g_start:g_end].lower()
    if head in ("him", "her", "himself", "herself") or match.groupdict().get("kin"):
        if kind != "object":
            return None
        count: _Count = _ONE
        used: tuple[int, ...] = ()
        victims: str | None = masked[g_start:g_end]
    else:
        counted = _count_groups(masked, g_start, g_end, offset, numbers)
        if counted is None:
            return None
        count, used, victims, _ = counted
    before = masked[max(0, t_start - 24) : t_start]
    negated = bool(regex.search(r"\b(?:not|never|n't)\s+(?:\w+\s+)?$|n't\s+$", before, regex.IGNORECASE))
    return _Report(
        kind=kind, category="affected" if category == "combined" else category, start=offset + match.start(),
        end=offset + match.end(), trigger_start=offset + t_start, trigger_end=offset + t_end,
        count=_ZERO if negated else count, numbers=used, victims=victims, negated=negated, hedge=before,
    )  # fmt: skip


def _count_groups(
    masked: str, start: int, end: int, offset: int, numbers: Mapping[int, NumberPhrase]
) -> tuple[_Count, tuple[int, ...], str | None, int] | None:
    """Add up coordinated groups ("two soldiers and a civilian" -> 3).

    Returns the count, the numbers used, the victims phrase and where the first counted group
    starts; None when no group counts people.
    """
    pieces = []
    position = start
    for separator in _SEPARATOR.finditer(masked, start, end):
        pieces.append((position, separator.start(), True))
        position = separator.end()
    pieces.append((position, end, False))
    counts: list[_Count] = []
    used: list[int] = []
    spans: list[tuple[int, int]] = []
    for piece_start, piece_end, separated in pieces:
        piece = masked[piece_start:piece_end]
        head = _GROUP_HEAD.match(piece)
        if head is None:
            continue
        rest = piece[head.end() :]
        words = _WORDS.findall(rest)
        if any(w.lower() == "unborn" for w in words):
            continue  # "five adults and an unborn child": reports count the unborn apart
        if not words and (separated or _is_age(masked, piece_start, numbers.get(offset + piece_start))):
            continue  # "Nov. 15, 126 people", "Darrell Hawkins, 34 who were": a bare number is a date or an age
        if words and (words[-1].lower() in _DETERMINERS or any(w.lower() in rules.ANIMALS for w in words)):
            continue  # "one in a dead man's phone", "108,780 deer"
        if head.group().startswith(rules.MASK):
            number = numbers.get(offset + piece_start)
            if number is None or _is_date_part(masked, piece_start, piece_start + len(head.group())):
                continue
            if _looks_like_year(number) and not _names_people(words):
                continue
            if words and words[0].lower() in rules.UNIT_NOUNS:
                continue
            counts.append(_count_of(number))
            used.append(number.start)
        elif head.group().lower() == "both":
            counts.append(_Count(2, 2, "exact", 2.0, 2))
        elif head.group().lower() in ("himself", "herself") or (head.group().lower() == "her" and not words):
            counts.append(_ONE)
        elif head.group().lower() in ("his", "her", "their"):
            if not any(w.lower() in rules.PERSON_NOUNS for w in words[:3]):
                continue  # "their children": how many is not said
            counts.append(_ONE)
        else:
            if not _names_people(words):
                continue
            counts.append(_ONE)
        spans.append((piece_start, piece_end))
    if not counts:
        return None
    first_start, last_end = spans[0][0], spans[-1][1]
    if len(spans) > 1:
        victims_text = masked[first_start:last_end]
    else:
        head_match = _COUNT_HEAD.match(masked[first_start:last_end])
        victims_text = masked[first_start + (head_match.end() if head_match else 0) : last_end]
    return _sum(counts), tuple(used), _clean_victims(victims_text), first_start


_GROUP_HEAD = regex.compile(r"§+|(?:an?|another|both|his|her|their|himself|herself)\b", regex.IGNORECASE)
_COUNT_HEAD = regex.compile(r"§+|(?:an?|another|both)\b", regex.IGNORECASE)
_AFTER_NAME_COMMA = regex.compile(r"\p{Lu}[\p{L}'’.-]*,\s*$")


def _is_age(masked: str, start: int, number: NumberPhrase | None) -> bool:
    """ "Darrell Hawkins, 34 who ...": digits right after a name and a comma are an age."""
    if number is None or not number.text.isdigit():
        return False
    return _AFTER_NAME_COMMA.search(masked, max(0, start - 40), start) is not None

_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your"})
_PREPOSITION = regex.compile(
    r"^(?:in|at|on|of|for|from|near|inside|outside|during|with|named|called|identified|who|whose|after|to)$",
    regex.IGNORECASE,
)
_DATE_BEFORE = regex.compile(
    r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$|\bmay\s+$", regex.IGNORECASE
)
_DATE_AFTER = regex.compile(
    r"(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    regex.IGNORECASE,
)


def _is_date_part(masked: str, start: int, end: int) -> bool:
    """ "Jan. 19, 2013", "5 March": a day of the month, not a count."""
    return bool(_DATE_BEFORE.search(masked, max(0, start - 12), start) or _DATE_AFTER.match(masked, end))


def _names_people(words: Sequence[str]) -> bool:
    """Whether a victims phrase (before any preposition) names people: "a 24-year-old man", not "a vigil for a man"."""
    for word in words[:6]:
        if _PREPOSITION.match(word):
            return False
        low = word.lower().rstrip(".,")
        if low.rstrip("'’s") in rules.PERSON_NOUNS or low in rules.PERSON_NOUNS or _YEAR_OLD.search(low):
            return True
    return False


def _clean_victims(text: str) -> str | None:
    text = _LOCATION_SPLIT.split(text, maxsplit=1)[0].strip(" ,")
    text = regex.sub(r"^of\s+", "", text, flags=regex.IGNORECASE)
    return text or None


def _looks_like_year(number: NumberPhrase) -> bool:
    return number.qualifier == "exact" and regex.fullmatch(r"(?:19|20)\d\d", number.text) is not None


def _count_of(number: NumberPhrase) -> _Count:
    qualifier = _QUALIFIER_OF_NUMBER.get(number.qualifier, number.qualifier)
    return _Count(number.min, number.max, qualifier, number.value, number.point)


def _sum(counts: Sequence[_Count]) -> _Count:
    if len(counts) == 1:
        return counts[0]
    lows = [c.min for c in counts]
    highs = [c.max for c in counts]
    points = [c.point for c in counts]
    low = None if None in lows else sum(x for x in lows if x is not None)
    high = None if None in highs else sum(x for x in highs if x is not None)
    point = None if None in points else sum(x for x in points if x is not None)
    qualifiers = {c.qualifier for c in counts}
    if qualifiers == {"exact"}:
        qualifier = "exact"
    elif "vague" in qualifiers:
        qualifier = "vague"
    elif low is not None and high is None:
        qualifier = "at_least"
    elif low is None:
        qualifier = "about"
    else:
        qualifier = "range"
    value = float(low) if qualifier == "exact" and low is not None else None
    return _Count(low, high, qualifier, value, point)


def _single_reports(masked: str, offset: int) -> Iterator[_Report]:
    """One victim without a number: "... was killed", "the assassination of <name>", "he died"."""
    for match in rules.SINGULAR_PASSIVE.finditer(masked):
        found = _category(match)
        if found is None:
            continue
        category, t_start, t_end = found
        trigger = masked[t_start:t_end]
        if rules.NOUN_TRIGGERS.fullmatch(trigger) or category == "combined":
            continue
        subject_start, victims = _subject_before(masked, match.start())
        if victims is None or _NOBODY.search(masked[:match.start()].rstrip()):
            continue
        negated = bool(match["neg"])
        yield _Report(
            kind="single", category=category, start=offset + subject_start, end=offset + t_end,
            trigger_start=offset + t_start, trigger_end=offset + t_end, count=_ZERO if negated else _ONE,
            victims=victims, negated=negated, hedge=(match["adv"] or "") + (match["adv2"] or ""),
        )  # fmt: skip
    for match in rules.SINGULAR_NOMINAL.finditer(masked):
        found = _category(match)
        if found is None:
            continue
        category, t_start, t_end = found
        victims = _one_named_object(masked, t_end)
        if victims is None:
            continue
        end = masked.find(victims, t_end) + len(victims)
        yield _Report(
            kind="single", category=category, start=offset + t_start, end=offset + end,
            trigger_start=offset + t_start, trigger_end=offset + t_end, count=_ONE, victims=victims,
        )  # fmt: skip
    for match in rules.DIED_SINGULAR.finditer(masked):
        noun = (match["noun"] or "").lower()
        if match["subj"].lower() not in ("he", "she") and noun not in rules.PERSON_NOUNS and not _YEAR_OLD.search(noun):
            continue
        yield _Report(
            kind="single", category="killed", start=offset + match.start(), end=offset + match.end(),
            trigger_start=offset + match.start("killed"), trigger_end=offset + match.end("killed"),
            count=_ONE, victims=match["subj"],
        )  # fmt: skip


def _subject_before(masked: str, aux_start: int) -> tuple[int, str | None]:
    """The one person of "... was killed": back from the auxiliary to the clause start, then from
    the last determiner ("could not confirm the dog" -> "the dog"); None when it names no person."""
    window_start = max(0, aux_start - 90)
    window = _AGE_APPOSITION.sub("", masked[window_start:aux_start])  # "Jose Vasquez, 72, was killed"
    cut = _SUBJECT_BREAK.search(window)
    begin = cut.end() if cut else 0
    last_determiner = None
    for match in _DETERMINER_WORD.finditer(window, begin):
        last_determiner = match.start()
    if last_determiner is not None:
        begin = last_determiner
    subject = window[begin:].strip()
    words = subject.split()
    if not words or rules.MASK in subject or len(words) > 8:
        return aux_start, None
    if not subject.isupper() and not _is_person(words):
        return aux_start, None
    return masked.find(subject, window_start), subject


_DETERMINER_WORD = regex.compile(r"\b(?:the|a|an|his|her|their|its)\b", regex.IGNORECASE)
_NOT_NAMES = frozenset(
    """the a an his her their its this that police officials authorities january february march april may june
    july august september october november december monday tuesday wednesday thursday friday saturday
    sunday christmas thanksgiving easter halloween""".split()
)


def _is_person(words: Sequence[str]) -> bool:
    """A pronoun, a person noun, an age ("16-year-old") or a capitalised name."""
    for word in words:
        low = word.lower().strip(".,'’")
        if low in ("he", "she") or low in rules.PERSON_NOUNS or low.rstrip("s") in rules.PERSON_NOUNS:
            return True
        if _YEAR_OLD.search(low) or (word[:1].isupper() and low not in _NOT_NAMES and low not in rules.NOT_PLACES):
            return True
    return False


_PLURAL_HEAD = regex.compile(r"(?:people|persons|men|women|children|police|\w+s)$", regex.IGNORECASE)
_OBJECT_WORDS = regex.compile(
    r"\s+of\s+(?P<obj>(?:(?:the|a|an|his|her|former|late|slain)\s+)?[\p{L}][\p{L}'’.-]*"
    r"(?:\s+(?!(?:in|on|at|by|and|or|was|is|last|this|on|near|during|after|who|which|that|as|for|from|with)\b)"
    r"[\p{L}][\p{L}'’.-]*){0,5})",
    regex.IGNORECASE,
)


def _one_named_object(masked: str, position: int) -> str | None:
    """The single person in "the murder of <X>"; None for groups ("of the Jesuits", "of civilians")."""
    match = _OBJECT_WORDS.match(masked, position)
    if match is None:
        return None
    obj = match["obj"]
    words = obj.split()
    first = words[0].lower()
    caps = obj.isupper()
    if first in ("the", "a", "an", "his", "her"):
        if _PLURAL_HEAD.search(words[-1]) and words[-1].lower() not in rules.PERSON_NOUNS:
            return None
        if not caps and not any(w.lower() in rules.PERSON_NOUNS for w in words[1:]):
            return None
        return obj
    if caps:
        # Wire copy in capitals: a title or a name ("FORMER MINISTER ENRIQUE LOPEZ"); plurals out.
        return None if words[-1].lower() in ("people", "persons", "civilians", "peasants", "children") else obj
    if all(w[0].isupper() for w in words if w.lower() not in ("de", "del", "la", "al", "el", "of", "former", "late")):
        return obj  # a name
    return None


def _without_overlaps(reports: Sequence[_Report]) -> list[_Report]:
    """One report per number and per trigger; the higher-priority shape wins."""
    ordered = sorted(reports, key=lambda r: (_PRIORITY.index(r.kind), r.start))
    used_numbers: set[int] = set()
    used_triggers: list[tuple[int, int, str]] = []
    kept: list[_Report] = []
    for report in ordered:
        if any(n in used_numbers for n in report.numbers):
            continue
        clash = [
            (s, e, c) for s, e, c in used_triggers if s < report.trigger_end and report.trigger_start < e
        ]
        if clash and not (report.kind == "negation" and all(c != report.category for _, _, c in clash)):
            continue
        used_numbers.update(report.numbers)
        used_triggers.append((report.trigger_start, report.trigger_end, report.category))
        kept.append(report)
    kept.sort(key=lambda r: (r.start, r.end))
    return kept


# -- context --------------------------------------------------------------------------------


def _clause(masked: str, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)`` (sentence-relative offsets)."""
    left = 0
    for brk in rules.CLAUSE_BREAK.finditer(masked, 0, start):
        left = brk.end()
    right_match = rules.CLAUSE_BREAK.search(masked, end)
    return left, right_match.start() if right_match else len(masked)


def _finding(
    doc: Document, sentence: Sentence, masked: str, report: _Report, dates: Sequence[Finding]
) -> CasualtyFinding:
    base = sentence.start
    start, end = report.start - base, report.end - base
    t_start, t_end = report.trigger_start - base, report.trigger_end - base
    clause_start, clause_end = _clause(masked, start, end)
    sentence_text = sentence.text
    near_left = masked[max(clause_start, start - 30) : start]
    if report.kind in ("object", "nominal"):
        near_left = masked[max(clause_start, t_start - 30) : t_start]
    hedge_text = near_left + " " + report.hedge + " " + masked[t_start:t_end]
    possible = bool(rules.POSSIBLE.search(hedge_text)) or sentence_text.rstrip().endswith("?")
    quoted = len(_QUOTES.findall(sentence_text[:start])) % 2 == 1
    reported = quoted or bool(rules.REPORTED.search(masked))
    modality = "possible" if possible else ("reported" if reported else "asserted")
    clause = masked[clause_start:clause_end]
    cue = rules.CUMULATIVE.search(clause)
    period = None
    cumulative = report.kind == "toll"
    if cue is not None:
        cumulative = True
        period = sentence_text[clause_start + cue.start() : clause_start + cue.end()]
        if period.lower() in ("toll", "total", "overall", "combined", "cumulative"):
            period = None
    published = doc.published
    years = [int(y) for y in rules.YEAR.findall(sentence_text[clause_start:clause_end])]
    # A year before publication marks an earlier incident, except near the top, where a
    # follow-up story (a trial, an anniversary) dates its own incident.
    below_lede = sentence.index >= _LEDE_SENTENCES
    background = (
        bool(rules.BACKGROUND.search(clause))
        or (published is not None and below_lede and any(year < published.year for year in years))
        # "the city recorded 305 homicides": counts of crimes further down are statistics
        or (below_lede and _EVENT_NOUN.search(masked, t_start, t_end) is not None)
    )
    count = report.count
    return CasualtyFinding(
        extractor="casualties",
        start=report.start,
        end=report.end,
        text=doc.text[report.start : report.end],
        field=doc.field,
        category=report.category,
        min=count.min,
        max=count.max,
        qualifier=count.qualifier,
        value=count.value,
        point=count.point,
        victims=_unmask(report.victims, sentence_text, masked),
        perpetrator=_perpetrator(masked, sentence_text, report, t_start, t_end, clause_start, clause_end),
        location=_location(report.victims, masked, sentence_text, start, end, clause_start, clause_end),
        date=_date_of(dates, sentence, report),
        negated=report.negated,
        modality=modality,
        cumulative=cumulative,
        period=period,
        background=background,
        trigger=doc.text[report.trigger_start : report.trigger_end].strip(),
    )


def _unmask(fragment: str | None, sentence_text: str, masked: str) -> str | None:
    """The original words of a masked fragment (numbers restored)."""
    if fragment is None:
        return None
    position = masked.find(fragment)
    if position < 0:
        return fragment
    return sentence_text[position : position + len(fragment)]


def _perpetrator(
    masked: str, text: str, report: _Report, t_start: int, t_end: int, clause_start: int, clause_end: int
) -> str | None:
    if report.negated:
        return None
    if report.kind == "object":
        window = masked[max(clause_start, t_start - 70) : t_start]
        cut = _SUBJECT_BREAK.search(window)
        subject = (window[cut.end() :] if cut else window).strip()
        words = subject.split()
        if not words or len(words) > 6 or rules.MASK in subject:
            return None
        head = words[-1].lower().strip(".,")
        if head in rules.NON_AGENTS or head in ("who", "which", "that", "police"):
            return None if head != "police" else subject
        position = masked.find(subject, max(0, t_start - 70))
        return text[position : position + len(subject)]
    search_from = report.end - (report.start - t_start) if report.kind == "nominal" else t_end
    search_from = max(search_from, t_end)
    match = rules.PERPETRATOR_AFTER.search(masked, search_from, min(clause_end, search_from + 60))
    if match is None:
        return None
    perp = match["perp"]
    if rules.MASK in perp:
        return None
    head_words = [w.lower() for w in perp.split()]
    if any(w in rules.INSTRUMENTS for w in head_words):
        return None
    return _trim(text[match.start("perp") : match.end("perp")])


def _location(
    victims: str | None, masked: str, text: str, start: int, end: int, clause_start: int, clause_end: int
) -> str | None:
    caps = not regex.search(r"\p{Ll}", text)
    pattern = rules.LOCATION_CAPS if caps else rules.LOCATION
    candidates = [
        m for m in pattern.finditer(masked) if m["loc"].split()[0].lower().strip("'’s") not in rules.NOT_PLACES
    ]
    if not candidates:
        return None
    inside = [m for m in candidates if start <= m.start() < end]
    after = [m for m in candidates if end <= m.start() < clause_end]
    before = [m for m in candidates if clause_start <= m.start() < start]
    anywhere = sorted(candidates, key=lambda m: abs(m.start() - start))
    for group in (inside, after, before[::-1], anywhere):
        if group:
            chosen = group[0]
            return _trim(text[chosen.start("loc") : chosen.end("loc")])
    return None


def _trim(phrase: str) -> str:
    """Without a sentence's full stop: "the Syrian army." -> "the Syrian army" (but "U.S." stays)."""
    last = phrase.rsplit(None, 1)[-1]
    if phrase.endswith(".") and "." not in last[:-1]:
        return phrase[:-1]
    return phrase


def _date_of(dates: Sequence[Finding], sentence: Sentence, report: _Report) -> str | None:
    """The value of the nearest date finding in the same sentence."""
    best: tuple[int, str] | None = None
    for date in dates:
        if date.start < sentence.start or date.end > sentence.end:
            continue
        value = getattr(date, "value", None)
        if not isinstance(value, str):
            continue
        distance = min(abs(date.start - report.trigger_end), abs(date.end - report.start))
        if best is None or distance < best[0]:
            best = (distance, value)
    return best[1] if best else None


# -- the article summary --------------------------------------------------------------------

# How much one report supports its figure: a report about part of the victims ("two of the
# victims are in critical condition", "one was taken to hospital") or an indirect count ("two
# counts of murder") supports less than a plain count.
_WEAK = 0.5
_EVENT_NOUN = regex.compile(r"killings|homicides|murders", regex.IGNORECASE)
#: Sentences at the top of an article that tell its own story (the inverted pyramid).
_LEDE_SENTENCES = 3
_SUBSET_TRIGGER = regex.compile(r"condition|hospital|treated|suffered", regex.IGNORECASE)
_PARTITIVE_TEXT = regex.compile(r"^\S+(?:\s+\S+)?\s+of\s+(?:the|them|those|these|whom)\b", regex.IGNORECASE)
_HARM_ONLY = regex.compile(r"shot|stabbed|struck|hit|gunned|shooting|stabbing|casualties|or", regex.IGNORECASE)
_OTHERS = regex.compile(r"\b(?:others?|more|additional)\b", regex.IGNORECASE)


def summarize_casualties(findings: Iterable[CasualtyFinding]) -> dict[str, dict[str, Any]]:
    """The article's best figure per category: ``{category: {min, max, qualifier, ...}}``.

    Per category, among the reports in the main text that are neither negated nor merely
    possible:

    1. figures are grouped, so a figure repeated in the title, lede and body counts once with
       more support (never added up); reports about part of the victims ("two of them are in
       critical condition") and indirect counts support less;
    2. the incident figure is the best-supported explicit count; single victims without a
       number ("a man was killed") only count when there is no explicit count; ties go to
       the report that comes first (the headline figure);
    3. a running total of the same victims ("the death toll rose to 40", "more than 50 ... in
       recent weeks") replaces it when it is at least as large; statistics over a calendar
       period ("this year", "in 2013") never do;
    4. a category with only denials ("no one was hurt") gets 0;
    5. injured with no plain report of injuries is derived from people shot or hurt without a
       split ("five people were shot" and two killed -> 3 injured), marked ``derived``.
    """
    by_category: dict[str, list[CasualtyFinding]] = {}
    for finding in findings:
        if finding.field == "text":
            by_category.setdefault(finding.category, []).append(finding)
    summary: dict[str, dict[str, Any]] = {}
    strength: dict[str, float] = {}
    for category in CATEGORIES:
        reports = sorted(by_category.get(category, ()), key=lambda f: f.start)
        if not reports:
            continue
        usable = [f for f in reports if _counts_for_summary(f)]
        if not usable:
            denials = [f for f in reports if f.negated]
            if denials:
                summary[category] = _entry(denials[0], len(reports), len(denials))
            continue
        chosen, support, weight = _choose(usable)
        summary[category] = _entry(chosen, len(usable), support)
        strength[category] = weight
    derived = _derived_injured(by_category.get("affected", ()), summary.get("killed"))
    if derived is not None:
        current = summary.get("injured")
        weak = current is None or current["negated"] or strength.get("injured", 0.0) < 1.0
        if weak and (current is None or current["negated"] or derived["min"] >= (current["min"] or 0)):
            summary["injured"] = derived
    return summary


def _derived_injured(affected: Sequence[CasualtyFinding], killed: dict[str, Any] | None) -> dict[str, Any] | None:
    """Injured = people shot (or hurt, split unknown) minus those killed; "three others were shot" as is."""
    usable = [
        f for f in affected
        if f.field == "text" and _counts_for_summary(f) and f.min is not None and f.max == f.min
        and _HARM_ONLY.search(f.trigger)
    ]  # fmt: skip
    if not usable:
        return None
    chosen, support, _ = _choose(usable)
    assert chosen.min is not None
    others = bool(chosen.victims and _OTHERS.search(chosen.victims))
    dead = 0 if killed is None or killed["negated"] or killed["min"] is None else int(killed["min"])
    if killed is not None and killed["start"] > chosen.start and not others and dead > chosen.min:
        return None
    figure = chosen.min if others else chosen.min - dead
    if figure < 0:
        return None
    entry = _entry(chosen, len(usable), support)
    entry.update(min=figure, max=figure, point=figure, derived="shot minus killed" if not others else "shot")
    return entry


def _counts_for_summary(finding: CasualtyFinding) -> bool:
    """Reports of this article's incidents: not denied, not hypothetical, not context or statistics."""
    return (
        not finding.negated
        and finding.modality != "possible"
        and not finding.background
        and not _is_statistic(finding)
        and _figure(finding) is not None
    )


def _figure(finding: CasualtyFinding) -> int | None:
    return finding.min if finding.min is not None else finding.point


def _key(finding: CasualtyFinding) -> tuple[int | None, int | None, int | None]:
    return finding.min, finding.max, finding.point


def _weight(finding: CasualtyFinding) -> float:
    if _SUBSET_TRIGGER.search(finding.trigger) or _PARTITIVE_TEXT.search(finding.text):
        return _WEAK
    if finding.trigger.lower().endswith(("murder", "homicide", "manslaughter")):
        return _WEAK
    return 1.0


def _is_single(finding: CasualtyFinding) -> bool:
    return finding.value is None and finding.min == 1 and finding.max == 1


def _choose(usable: Sequence[CasualtyFinding]) -> tuple[CasualtyFinding, int, float]:
    """The best figure among usable reports: (report, reports agreeing, their weight)."""
    incidents = [f for f in usable if not f.cumulative] or list(usable)
    pool = [f for f in incidents if not _is_single(f)] or incidents
    support: dict[tuple[int | None, int | None, int | None], float] = {}
    count: dict[tuple[int | None, int | None, int | None], int] = {}
    first: dict[tuple[int | None, int | None, int | None], CasualtyFinding] = {}
    for finding in pool:
        key = _key(finding)
        support[key] = support.get(key, 0.0) + _weight(finding)
        count[key] = count.get(key, 0) + 1
        first.setdefault(key, finding)
    best_key = max(first, key=lambda k: (support[k], -first[k].start))
    chosen = first[best_key]
    for update in usable:
        if not update.cumulative or update is chosen:
            continue
        if _updates(update, chosen) and (_figure(update) or 0) >= (_figure(chosen) or 0):
            chosen = update
    key = _key(chosen)
    return chosen, count.get(key, 1), support.get(key, _weight(chosen))


def _is_statistic(finding: CasualtyFinding) -> bool:
    return finding.period is not None and rules.STATISTIC.search(finding.period) is not None


_SINGULAR = {"men": "man", "women": "woman", "children": "child", "people": "person", "persons": "person"}
# Heads that say nothing about who the victims are, so they agree with any other.
_GENERIC_HEADS = frozenset({"person", "victim", "other", "individual", "them", "more", "resident", "civilian"})


def _head(victims: str | None) -> str | None:
    if not victims:
        return None
    words = _WORDS.findall(victims.lower())
    if not words:
        return None
    head = _SINGULAR.get(words[-1], words[-1])
    head = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    return None if head in _GENERIC_HEADS else head


def _updates(update: CasualtyFinding, chosen: CasualtyFinding) -> bool:
    """Whether a running total counts the same victims as the incident figure: a toll ("the death
    toll rose to 40") or the same named group ("Turkish soldiers"); a roundup of "people shot
    since Wednesday" does not replace one shooting's figure."""
    if _TOLL_TRIGGER.search(update.trigger):
        return True
    head_update, head_chosen = _head(update.victims), _head(chosen.victims)
    return head_update is not None and head_update == head_chosen


_TOLL_TRIGGER = regex.compile(r"\btoll\b|number\s+of|died|dies|succumbed", regex.IGNORECASE)


def _entry(finding: CasualtyFinding, reports: int, support: int) -> dict[str, Any]:
    low, high = finding.min, finding.max
    if finding.qualifier == "about" and low is None and finding.point is not None:
        # "about 19 wounded": the figure to count with is 19 ("nearly 50": 49), flagged approximate.
        low = high = finding.point if high is None else high
    return {
        "min": low,
        "max": high,
        "approximate": finding.qualifier in ("about", "vague"),
        "qualifier": finding.qualifier,
        "point": finding.point,
        "negated": finding.negated,
        "cumulative": finding.cumulative,
        "victims": finding.victims,
        "reports": reports,
        "support": support,
        "start": finding.start,
        "end": finding.end,
        "text": finding.text,
    }


@hookimpl
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    register(CasualtiesExtractor())
