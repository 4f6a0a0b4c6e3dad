"""The ``casualties`` extractor: how many were killed, injured, missing, kidnapped, arrested or displaced.

Every report of harm becomes a `CasualtyFinding` with an honest interval: "more than 30 Turkish
soldiers were killed" is killed, min 31, max None, qualifier ``more_than``; "dozens" is min 24,
qualifier ``vague``; "no one was hurt" is injured, 0, negated. Numbers come from the language
layer (`Document.numbers`); the report shapes and word lists are in
`newsparse.extractors.casualty_rules`; the article summary is `casualty_summary`.

How a sentence is read: sentences without a word of harm are skipped (one scan of the whole
text); in the others, number phrases are masked (``§``) and the report shapes are matched on
the lower-cased masked sentence. Each match becomes a report with a count; one report per
number and per trigger survives; then the clause around it gives modality, cumulative cues,
background, perpetrator, location and the date finding.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Literal

import attrs
import regex

from newsparse.extractors import casualty_rules as rules
from newsparse.extractors.casualty_summary import CATEGORIES, summarize_casualties
from newsparse.hookspecs import hookimpl
from newsparse.model import Article, Finding
from newsparse.text.document import Document, Sentence
from newsparse.text.lexicon import FUNCTION_WORDS
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
    """The number as written, when one is (30 for "more than 30"; None for "dozens" and for one
    victim named without a number, "a soldier was killed")."""

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
    """The report is about an earlier or another incident, given for context ("a previous
    shooting", "weeks earlier", a year before publication below the lede, crime statistics);
    summaries leave it out."""

    trigger: str = ""
    """The words that state the harm ("killed", "dead", "wounding", "death toll rose to")."""

    including: str | None = None
    """Who the count is said to include ("the gunman" in "three people are dead, including the
    gunman"; "a child" in "two people, including a child, were killed"): a total, not a part."""


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
        return summarize_casualties(
            (f for f in findings if isinstance(f, CasualtyFinding)),
            top_end=_top_of_story(article),
            lede_end=_lede_end(article),
        )


def _top_of_story(article: Article) -> int | None:
    """Where the top of the story ends: after the title, the lede and the first paragraphs."""
    body = [p for p in article.paragraphs if p.kind in ("paragraph", "lede")]
    return body[_TOP_PARAGRAPHS - 1].end if len(body) >= _TOP_PARAGRAPHS else None


def _lede_end(article: Article) -> int | None:
    """Where the lede ends: the first paragraph of the body."""
    body = [p for p in article.paragraphs if p.kind in ("paragraph", "lede")]
    return body[0].end if body else None


#: Paragraphs at the top of a story, where it introduces its own victims (the inverted pyramid).
_TOP_PARAGRAPHS = 3


# -- reading sentences ----------------------------------------------------------------------


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
_TWO = _Count(2, 2, "exact", None, 2)  # "both"
_QUALIFIER_OF_NUMBER = {"less_than": "up_to", "nearly": "about"}


@attrs.frozen
class _Masked:
    """One sentence with its number phrases overwritten by ``§``, in both letter cases."""

    text: str
    """The masked sentence as written (for names, places and the words reported)."""
    low: str
    """The same, lower-cased (same offsets): what the report patterns read."""
    offset: int
    """Where the sentence starts in the document's text."""
    numbers: Mapping[int, NumberPhrase]
    """The number phrases of the sentence, by their offset in the document."""

    def number_at(self, position: int) -> NumberPhrase | None:
        """The number phrase masked at a sentence-relative position."""
        return self.numbers.get(self.offset + position)


@attrs.frozen
class _Context:
    """What is worked out once per sentence with reports."""

    breaks: tuple[tuple[int, int], ...]
    """Clause boundaries (sentence-relative spans)."""
    reported: bool
    """The sentence attributes what it says ("police said", "according to")."""


@attrs.frozen
class _Report:
    """A match of one report shape (offsets in the document's text)."""

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


_REFLEXIVE = frozenset({"himself", "herself"})
# Priority when two reports claim the same number or trigger: earlier kinds win.
# A participle right after the victims ("the deaths of two people shot near the lake") modifies
# them, so a nominal report beats that reading ("bare").
_PRIORITY = (
    "negation",
    "toll",
    "multiple",
    "subject",
    "object",
    "nominal",
    "bare",
    "fatally",
    "single",
    "named",
    "counts",
)


def _find(doc: Document, date_findings: Sequence[Finding], single_victims: bool) -> Iterator[CasualtyFinding]:
    dates = _Dates(date_findings)
    low_text = _lower(doc.text)
    sentences = _reading_units(doc)
    starts = [s.start for s in sentences]
    # One pass over the words: which report shapes can start where, by sentence.
    hits: dict[int, list[tuple[int, tuple[str, ...]]]] = {}
    for key in rules.KEYS.finditer(low_text):
        word = rules.WORD.match(low_text, key.start())
        shapes = rules.shapes_at(word.group()) if word else ()
        if shapes:
            index = bisect.bisect_right(starts, key.start()) - 1
            if index >= 0 and key.start() < sentences[index].end:
                hits.setdefault(index, []).append((key.start(), shapes))
    numbers = doc.numbers
    number_starts = [n.start for n in numbers]
    previous: CasualtyFinding | None = None
    natural_paragraph = -1  # the paragraph of the last natural death
    for index in sorted(hits):
        if not _worth_reading(low_text, hits[index]):
            continue
        sentence = sentences[index]
        first = bisect.bisect_left(number_starts, sentence.start)
        last = bisect.bisect_left(number_starts, sentence.end)
        inside = [n for n in numbers[first:last] if n.end <= sentence.end]
        masked = _Masked(
            text=_mask(sentence.text, sentence.start, inside),
            low=_mask(low_text[sentence.start : sentence.end], sentence.start, inside),
            offset=sentence.start,
            numbers={n.start: n for n in inside},
        )
        matches = _dispatched(masked, hits[index])
        reports = _without_overlaps(_reports(masked, matches, single_victims))
        if not reports:
            continue
        natural = [match.span() for match in matches.get("natural", ())]
        context = _Context(
            breaks=tuple(b.span() for b in rules.CLAUSE_BREAK.finditer(masked.low)),
            reported=rules.REPORTED.search(masked.low) is not None,
        )
        other_incident = _in_other_incident(sentences, index, low_text)
        for report in reports:
            t_start = report.trigger_start - sentence.start
            if report.category == "killed" and any(s <= t_start < e for s, e in natural):
                natural_paragraph = sentence.paragraph
                continue  # "died of a heart attack" is not a casualty
            finding = _finding(doc, sentence, masked, context, report, dates)
            if natural_paragraph == sentence.paragraph and _one_death_told_again(finding):
                continue  # "... died of a heart attack. He was pronounced dead at the hospital."
            after_other = previous is not None and previous.background and _is_pronoun(finding.victims)
            if not finding.background and (other_incident or after_other):
                finding = attrs.evolve(finding, background=True)
            previous = finding
            yield finding


def _one_death_told_again(finding: CasualtyFinding) -> bool:
    """One death without a number or a word of violence ("he was pronounced dead", "she died"):
    after a natural death in the same paragraph, that death told again."""
    return (
        finding.category == "killed"
        and finding.value is None
        and finding.min == 1
        and _DEATH_ONLY.fullmatch(finding.trigger.lower()) is not None
    )


_DEATH_ONLY = re.compile(r"died|dies|(?:pronounced|declared|found)\s+dead|dead|succumbed")


def _is_pronoun(victims: str | None) -> bool:
    return victims is not None and victims.lower() in _PRONOUNS


_PRONOUNS = frozenset(("he", "she", "they", "him", "her", "them"))


def _in_other_incident(sentences: Sequence[Sentence], index: int, low_text: str) -> bool:
    """Whether the sentence is in a part of its paragraph about another incident: below the
    lede, it or an earlier sentence of its paragraph opens on another incident ("In a separate
    shooting, ...", "Earlier Thursday, ...", "Another fatal shooting happened
    ..."), so that "He was pronounced dead" after it is that incident's victim too."""
    paragraph = sentences[index].paragraph
    while index >= 0 and sentences[index].paragraph == paragraph:
        sentence = sentences[index]
        if sentence.index < _LEDE_SENTENCES:
            return False
        bare = _end(_QUOTES_OPENING.match(low_text, sentence.start), sentence.start)
        opening = _end(_OPENING.match(low_text, bare), bare)
        for at in (bare, opening):
            if _OTHER_INCIDENT.match(low_text, at) or rules.BACKGROUND.match(low_text, at):
                return True
        index -= 1
    return False


_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"


def _end(match: re.Match[str] | None, default: int) -> int:
    return match.end() if match is not None else default


_QUOTES_OPENING = re.compile(r"[\s\"“‘']*")
# Words before a sentence's cue: "In", "In an", "A", "The", "And".
_OPENING = re.compile(r"(?:(?:and|but|in|an?|the)\s+){0,2}")
# A sentence that opens on another incident of a roundup.
_OTHER_INCIDENT = re.compile(
    rf"earlier\s+(?:(?:on\s+)?{_WEEKDAYS}|that\s+(?:day|night|morning|evening)|in\s+the\s+(?:day|week|month)"
    rf"|this\s+(?:week|month)|(?:that|the\s+same)\s+(?:day|night))\b"
    r"|earlier\s*,|elsewhere\b|separately\b|other\s+shootings\b"
    r"|(?:last|the\s+previous|the\s+night\s+before)\s+(?:week|weekend|month|night)\b"
    r"|(?:a|one|two|three|several|a\s+few)\s+(?:hours?|days?|weeks?|months?)\s+(?:earlier|before)\b"
    r"|(?:hours|minutes)\s+earlier\b"
)


def _reading_units(doc: Document) -> Sequence[Sentence]:
    """The document's sentences, with hard-wrapped lines of text in capitals joined again.

    The sentence splitter starts a sentence at a line break before a capital, which is right
    for lists and headings but splits wire copy in capitals (every line starts with one) after
    each wrapped line. Lines are joined back when both are in capitals and the first does not
    end like a sentence. (Reported to the language layer; a no-op once it keeps such lines.)
    """
    sentences = doc.sentences
    units: list[Sentence] = []
    for sentence in sentences:
        previous = units[-1] if units else None
        if (
            previous is not None
            and previous.paragraph == sentence.paragraph
            and "\n" in doc.text[previous.end : sentence.start]
            and not previous.text.rstrip().endswith(_SENTENCE_ENDS)
            and _in_capitals(previous.text)
            and _in_capitals(sentence.text)
        ):
            units[-1] = attrs.evolve(previous, end=sentence.end, text=doc.text[previous.start : sentence.end])
        else:
            units.append(sentence)
    if len(units) == len(sentences):
        return sentences
    return [attrs.evolve(unit, index=index) for index, unit in enumerate(units)]


_SENTENCE_ENDS = (".", "!", "?", ":", ";", '"', "”", ")", "]")


def _in_capitals(text: str) -> bool:
    return text.upper() == text and text.lower() != text


def _worth_reading(low_text: str, hits: Sequence[tuple[int, tuple[str, ...]]]) -> bool:
    """Whether some shape's trigger really is at one of the sentence's words."""
    for position, shapes in hits:
        for name in shapes:
            pattern = rules.TRIGGER_ONLY.get(name)
            if pattern is not None and pattern.match(low_text, position):
                return True
    return False


def _dispatched(m: _Masked, hits: Sequence[tuple[int, tuple[str, ...]]]) -> dict[str, list[re.Match[str]]]:
    """The matches of each dispatched shape, left to right and without overlaps (like ``finditer``)."""
    matches: dict[str, list[re.Match[str]]] = {}
    ends: dict[str, int] = {}
    for position, shapes in hits:
        relative = position - m.offset
        for name in shapes:
            if relative < ends.get(name, 0):
                continue
            match = rules.DISPATCHED[name].match(m.low, relative)
            if match is not None:
                matches.setdefault(name, []).append(match)
                ends[name] = match.end()
    return matches


def _lower(text: str) -> str:
    """The text in lower case with exactly the same offsets (a few characters, like "İ", stay)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _mask(text: str, offset: int, numbers: Sequence[NumberPhrase]) -> str:
    """`text` with each number phrase overwritten by ``§`` (same length, so offsets hold)."""
    text = text.replace(rules.MASK, "?")
    parts = []
    position = 0
    for number in numbers:
        start, end = number.start - offset, number.end - offset
        parts.append(text[position:start])
        parts.append(rules.MASK * (end - start))
        position = end
    parts.append(text[position:])
    return "".join(parts)


def _category(match: re.Match[str]) -> tuple[str, int, int] | None:
    """The category group that matched, with its span."""
    groups = match.re.groupindex
    for name in rules.CATEGORY_GROUPS:
        if name in groups:
            start, end = match.span(name)
            if start >= 0:
                return name, start, end
    return None


def _reports(m: _Masked, matches: Mapping[str, list[re.Match[str]]], singles: bool) -> list[_Report]:
    reports: list[_Report] = list(_negations(m, matches))
    reports.extend(_tolls(m, matches))
    reports.extend(_multiples(m, matches.get("multiple", ())))
    triggers = [t for t in (_category(match) for match in matches.get("passive", ())) if t is not None]
    starts = [g.start() for g in rules.GROUP_START.finditer(m.low)] if triggers or rules.MASK in m.low else []
    previous_end = 0
    for index, found in enumerate(triggers):
        if index + 1 < len(triggers) and m.low[found[1] : found[2]] in _PEOPLE_NOUNS:
            continue  # "hundreds of refugees were killed": the refugees are the victims of the later trigger
        report = _subject_before(m, starts, previous_end, found)
        if report is not None:
            reports.append(report)
            previous_end = found[2]
        negation = _negated_before(m, found)
        if negation is not None:
            reports.extend(negation)
        if singles:
            single = _single_before(m, found)
            if single is not None:
                reports.append(single)
            named = _named_before(m, found)
            if named is not None:
                reports.append(named)
    for match in matches.get("active", ()):
        report = _object_report(m, match, match, "object")
        if report is not None:
            reports.append(report)
    for match in matches.get("active_named", ()):
        report = _named_after(m, match, "object")
        if report is not None:
            reports.append(report)
    for match in matches.get("nominal", ()):
        victims = rules.NOMINAL_GROUPS.match(m.low, match.end())
        report = _object_report(m, match, victims, "nominal") if victims else None
        if report is None and singles:
            report = _named_after(m, match, "nominal") or _single_nominal(m, match)
        if report is not None:
            reports.append(report)
    for position in starts:
        if m.low[position] != rules.MASK:
            continue
        for pattern, kind in ((rules.FATALLY, "fatally"), (rules.MURDER_COUNTS, "counts")):
            after = pattern.match(m.low, position)
            number = m.number_at(position) if after else None
            if after is not None and number is not None:
                reports.append(
                    _simple(m, kind, "killed", after, after.span("killed"), _count_of(number), number)
                )
    if not singles:
        reports = [r for r in reports if r.count is not _ONE]
    return _died_in_hospital(m, _with_others(m, [_name_and_others(m, _along_with(m, r)) for r in reports]))


_AND_BETWEEN = re.compile(r"\s*,?\s+and\s+")
_OTHERS_VICTIMS = re.compile(r"(?:others?|other\s)", re.IGNORECASE)


def _with_others(m: _Masked, reports: list[_Report]) -> list[_Report]:
    """ "Two men were in critical condition and two others injured": the others are added to the
    report they follow (one report of four), as coordinated victims are."""
    if len(reports) < 2:
        return reports
    ordered = sorted(reports, key=lambda r: r.start)
    merged: list[_Report] = []
    for report in ordered:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and previous.category == report.category
            and previous.kind in ("subject", "bare")
            and previous.numbers
            and not previous.negated
            and not report.negated
            and report.kind in ("subject", "bare")
            and report.victims is not None
            and _OTHERS_VICTIMS.match(report.victims)
            and previous.end <= report.start
            and _AND_BETWEEN.fullmatch(m.low, previous.end - m.offset, report.start - m.offset)
        ):
            merged[-1] = attrs.evolve(
                previous,
                end=report.end,
                count=_sum([previous.count, report.count]),
                numbers=(*previous.numbers, *report.numbers),
            )
            continue
        merged.append(report)
    return merged


#: "[Smith was shot] along with three others": the others share the report.
_ALONG_WITH = re.compile(
    r"\s+(?:along|together)\s+with\s+(§+)\s+(?:other\s+(?:people|men|women|victims)|others?)\b"
)


def _along_with(m: _Masked, report: _Report) -> _Report:
    """A report of one group extended to "along with three others"."""
    if report.negated or report.kind not in ("subject", "single", "named"):
        return report
    match = _ALONG_WITH.match(m.low, report.end - m.offset)
    number = m.number_at(match.start(1)) if match is not None else None
    if match is None or number is None:
        return report
    return attrs.evolve(
        report,
        count=_sum([report.count, _count_of(number)]),
        end=m.offset + match.end(),
        numbers=(*report.numbers, number.start),
    )


#: "Garcia and three other people were shot": a name opening the sentence (or a clause after a
#: comma) joined to the others is one more victim. A capitalised word after "on", "in", "at"...
#: ("killed on Sunday and three others were hurt") never opens a clause, so it is not read.
_NAME_AND = re.compile(
    r"(?:^|[,;:—–]\s+|--\s+|\b(?:said|says?|that)\s+)(?P<name>(?:[A-Z][\w'’.-]*\s+){1,3}?)and\s+$"
)
# Groups of unknown size and non-persons: "Police and two others", "They and three others" add no
# single victim ("He and three others" does: he is one person). Checked with `_NOT_NAMES`.
_NOT_ONE_PERSON = frozenset("police officers authorities officials investigators they it there".split())


def _name_and_others(m: _Masked, report: _Report) -> _Report:
    """A report of "three other people" extended to the name joined before it ("Garcia and
    three other people were shot": 4)."""
    if report.negated or report.kind != "subject" or report.victims is None:
        return report
    if not _OTHERS_VICTIMS.match(report.victims):
        return report
    start = report.start - m.offset
    match = _NAME_AND.search(m.text, max(0, start - 60), start)
    if match is None or match.end() != start:
        return report
    words = match["name"].split()
    first = words[0].lower()
    if first in _NOT_NAMES or first in _NOT_ONE_PERSON or rules.MASK in match["name"]:
        return report
    return attrs.evolve(
        report,
        start=m.offset + match.start("name"),
        count=_sum([_ONE, report.count]),
        victims=f"{match['name']}and {report.victims}",
    )


#: "... taken to a hospital, where they died", "... rushed to a hospital, but died the next day":
#: the people taken there are the dead.
_DIED_THERE = re.compile(
    r"(?:\s+and\s+(?:were\s+|was\s+)?(?:later\s+)?(?:taken|rushed|transported|airlifted|flown)\s+to\s+"
    r"[^.;,§]{0,60}?hospitals?)?"
    r"(?:\s+(?:in|at|near)\s+[^.;,§]{1,40}?)?"  # "... Hospital in Putnam", "... in serious condition"
    r",?\s+(?:where\s+(?:they|he|she|both(?:\s+of\s+them)?|all\s+\w+(?:\s+of\s+them)?)|but|and)\s+"
    r"(?:(?:later|were|was|had|have|has|then|eventually|subsequently|both|all)\s+)*"
    r"(?P<death>died|(?:pronounced|declared)\s+dead|succumbed)\b"
)


#: Victims described by a relative clause ("two teens who were shot", "a child who suffered critical
#: injuries"), the sentence's verb after it.
_RELATIVE_END = re.compile(
    r"\b(?:who|that)\s+(?:(?:were|was|had\s+been|have\s+been|has\s+been)\s+\w+"
    r"|(?:suffered|sustained|received)\s+(?:[\w-]+\s+){0,3}?(?:injuries|injury|wounds|wound))$"
)
_DIED_AFTER_CLAUSE = re.compile(
    r"(?:(?!\band\b)[^.;:,§]){0,80}?\s(?:(?:have|has|had)\s+)?(?:(?:since|later|both|all|also)\s+)*"
    r"(?P<death>died|been\s+pronounced\s+dead|succumbed)\b"
)


def _died_in_hospital(m: _Masked, reports: list[_Report]) -> list[_Report]:
    """People taken to hospital (or shot) "where they died" are killed, not injured, and so are
    "two teens who were shot [...] have died"; the pronoun's own report ("he was pronounced
    dead") is the same victim and is dropped."""
    deaths: list[tuple[int, int]] = []
    changed: list[_Report] = []
    for report in reports:
        if report.category in ("injured", "affected") and not report.negated:
            tail = _DIED_THERE.match(m.low, report.end - m.offset)
            if tail is None and _RELATIVE_END.search(m.low, report.start - m.offset, report.end - m.offset):
                tail = _DIED_AFTER_CLAUSE.match(m.low, report.end - m.offset)
            if tail is not None:
                deaths.append((m.offset + tail.start(), m.offset + tail.end()))
                report = attrs.evolve(
                    report,
                    category="killed",
                    end=m.offset + tail.end(),
                    trigger_start=m.offset + tail.start("death"),
                    trigger_end=m.offset + tail.end("death"),
                )
        changed.append(report)
    if not deaths:
        return reports
    return [
        r
        for r in changed
        if not (r.kind == "single" and r.category == "killed" and any(a <= r.start < b for a, b in deaths))
    ]


def _simple(
    m: _Masked,
    kind: str,
    category: str,
    match: re.Match[str],
    trigger: tuple[int, int],
    count: _Count,
    number: NumberPhrase | None = None,
    negated: bool = False,
) -> _Report:
    """A report whose span is the whole match."""
    return _Report(
        kind=kind,
        category=category,
        start=m.offset + match.start(),
        end=m.offset + match.end(),
        trigger_start=m.offset + trigger[0],
        trigger_end=m.offset + trigger[1],
        count=count,
        numbers=(number.start,) if number is not None else (),
        negated=negated,
    )


def _negations(m: _Masked, matches: Mapping[str, list[re.Match[str]]]) -> Iterator[_Report]:
    """ "no injuries were reported", "escaped unhurt" (denials before a trigger are `_negated_before`)."""
    for match in matches.get("unhurt", ()):
        yield _simple(m, "negation", "injured", match, match.span(), _ZERO, negated=True)
    for match in matches.get("negated_noun", ()):
        noun = match["noun"]
        if noun == "casualties":
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
            yield _simple(m, "negation", cat, match, match.span("noun"), _ZERO, negated=True)


def _tolls(m: _Masked, matches: Mapping[str, list[re.Match[str]]]) -> Iterator[_Report]:
    for match in [*matches.get("toll", ()), *matches.get("toll_bringing", ())]:
        number = m.number_at(match.start("groups"))
        if number is None or _looks_like_year(number):
            continue
        category = _toll_category(match["tollkind"], match["tollnoun"])
        yield _simple(
            m, "toll", category, match, (match.start(), match.start("groups")), _count_of(number), number
        )
    for match in matches.get("ordinal", ()):
        # "a third person has died": three dead so far
        dead = rules.ORDINALS[match["ordinal"]]
        count = _Count(dead, dead, "exact", float(dead), dead)
        yield _simple(m, "toll", "killed", match, match.span("killed"), count)


def _multiples(m: _Masked, matches: Sequence[re.Match[str]]) -> Iterator[_Report]:
    """ "a triple homicide" (killed 3), "a double shooting" (affected 2), "a double murder-suicide"
    (killed 3: the two murdered and the killer)."""
    for match in matches:
        noun, people = match["noun"], rules.MULTIPLES[match["mult"]]
        fatal = bool(match["fatal"]) or not noun.startswith(("shooting", "stabbing"))
        if match["suicide"] and fatal:
            people += 1
        count = _Count(people, people, "exact", float(people), people)
        trigger = (match.start("noun"), match.end())
        yield _simple(m, "multiple", "killed" if fatal else "affected", match, trigger, count)


def _toll_category(kind: str | None, noun: str | None) -> str:
    word = kind or noun or "death"
    if word in ("casualty", "casualties"):
        return "affected"
    if word.startswith(("injur", "wound")):
        return "injured"
    if word == "hostages":
        return "kidnapped"
    if word in ("missing", "displaced"):
        return word
    if word.startswith(("arrest", "detain")):
        return "arrested"
    return "killed"


_PASSIVE_AUX = re.compile(r"\b(?:were|was|are|is|am|been|be|being|got|get|gets|getting)\b")
_NEGATION = re.compile(r"\b(?:not|never)\b|n't\b")
_NEGATED_VERB = re.compile(r"\b(?:not|never)\s+(?:\w+\s+)?$|n't\s+(?:\w+\s+)?$")
_OBJECT_AFTER = re.compile(
    r"\s+(?:§|(?:the|a|an|his|her|their|its|him|them|us|me|himself|herself|themselves|another|several|dozens"
    r"|many|at\s+least|more\s+than|one|two|three|four|five|six)\b)"
)
_NAME_AFTER = regex.compile(r"\s+(?P<word>\p{Lu}\p{Ll}+)")
_VERB_TRIGGER = re.compile(
    r"(?:killed|murdered|executed|massacred|assassinated|beheaded|lynched|slain|wounded|injured|hurt|shot"
    r"|stabbed|struck|hit|kidnapped|abducted|arrested|detained|apprehended|displaced|evacuated|affected"
    r"|hospitali[sz]ed|gunned\s+down)$"
)
_PARTITIVE = re.compile(
    r"(?:§|\b(?:one|some|all|each|none|most|many|several|both|either|neither|any))"
    r"\s+of\s+(?:the\s+|those\s+|these\s+)?$"
)
_INNER_PARTITIVE = re.compile(r"\bof\s+(?:the\s+|those\s+|these\s+)?(?=§)")
#: A later group that is part of an earlier one: "and four of them".
_PARTITIVE_BACK = re.compile(r"§+\s+of\s+(?:them|those|these|whom)\b")


def _subject_before(
    m: _Masked, starts: Sequence[int], previous_end: int, trigger: tuple[str, int, int]
) -> _Report | None:
    """ "§ [victims] [were] killed": the leftmost victims phrase that reaches the trigger."""
    t_start = trigger[1]
    low_bound = max(previous_end, t_start - _SUBJECT_REACH)
    last = bisect.bisect_left(starts, t_start)
    if last == bisect.bisect_left(starts, low_bound, 0, last):
        return None  # no number or article close enough before the trigger
    for blocker in _SUBJECT_BLOCKER.finditer(m.low, low_bound, t_start):
        low_bound = blocker.end()  # no victims phrase reaches across "said", "when", a quotation mark...
    for start in starts[bisect.bisect_left(starts, low_bound, 0, last) : last]:
        if m.low.count(" ", start, t_start) > _SUBJECT_WORDS:
            continue  # too many words to be one victims phrase and its auxiliaries
        match = rules.SUBJECT.match(m.low, start, t_start)
        if match is not None:
            report = _subject_report(m, match, trigger)
            if report is not None:
                return report
    return None


_PEOPLE_NOUNS = frozenset({"refugees", "hostages", "captives", "detainees", "evacuees"})
# How far before its trigger a victims phrase can start (8 words, an aside and auxiliaries).
_SUBJECT_REACH = 220
_SUBJECT_WORDS = 24
# Words and marks that a victims phrase and its auxiliaries never contain.
_SUBJECT_BLOCKER = re.compile(
    r"[;:!?()\"“”]|\b(?:said|says|say|told|when|after|while|because|which|where|if|before|according)\b"
    # ("the others survived but were hit": the survivors are the victims of the harm after "but")
    r"|(?<!survived )(?<!survived, )(?<!lived )(?<!lived, )\bbut\b"
)


#: Wounds named by their kind: a number right before them counts one victim's wounds, not people.
_WOUND_NOUN = re.compile(
    r"(?:(?:multiple|gunshot|stab|bullet|knife|shrapnel|serious|critical|severe|minor|superficial"
    r"|non-?life[- ]threatening|life[- ]threatening)\s+){1,2}wounds?"
)


def _subject_report(m: _Masked, match: re.Match[str], trigger: tuple[str, int, int]) -> _Report | None:
    category, t_start, t_end = trigger
    aux = match["aux"] or ""
    if aux.strip() and rules.NOUN_TRIGGERS.fullmatch(m.low, t_start, t_end):
        return None  # "40 were deaths" is not English; nouns follow the number directly
    passive = bool(_PASSIVE_AUX.search(aux))
    if not passive and _VERB_TRIGGER.search(m.low, t_start, t_end) and _has_object(m, t_end):
        return None  # "two gunmen killed three people": the subject did the harm
    if passive and _PARTITIVE.search(m.low, max(0, match.start() - 20), match.start()):
        return None  # "four of the five victims were shot": the count is the "four" before it
    if not aux.strip() and _INNER_PARTITIVE.search(m.low, match.start("groups"), match.end("groups")):
        return None  # "one of the five people shot and killed": the participle belongs to "five people"
    groups_end = match.end("groups")
    if match["aside"] or match["comma"]:
        # "three others, an 18-year-old woman and two men, were treated": after a comma, the
        # rest of the list names the first group again (an apposition); only it is counted.
        comma = m.low.find(",", match.start("groups"), groups_end)
        groups_end = comma if comma >= 0 else groups_end
    counted = _count_groups(m, match.start("groups"), groups_end)
    if counted is None:
        return None
    count, used, victims, first, _ = counted
    if not aux.strip() and victims is None and _WOUND_NOUN.fullmatch(m.low, t_start, t_end):
        return None  # "two gunshot wounds", "multiple stab wounds": the number counts wounds, not people
    negated = bool(_NEGATION.search(aux))
    return _Report(
        kind="subject" if aux.strip() else "bare",
        category="affected" if category == "combined" else category,
        start=m.offset + first,
        end=m.offset + t_end,
        trigger_start=m.offset + t_start,
        trigger_end=m.offset + t_end,
        count=_ZERO if negated else count,
        numbers=used,
        victims=victims,
        negated=negated,
        hedge=aux,
    )


def _negated_before(m: _Masked, trigger: tuple[str, int, int]) -> list[_Report] | None:
    """ "no one was hurt", "nobody was killed or injured"."""
    category, t_start, t_end = trigger
    window = max(0, t_start - 100)
    if "no" not in m.low[window:t_start]:
        return None
    match = rules.NEGATED_SUBJECT.search(m.low, window, t_start)
    if match is None or rules.NOUN_TRIGGERS.fullmatch(m.low, t_start, t_end):
        return None  # "none of the injuries were life-threatening" denies nothing
    return [
        _Report(
            kind="negation",
            category=cat,
            start=m.offset + match.start(),
            end=m.offset + t_end,
            trigger_start=m.offset + t_start,
            trigger_end=m.offset + t_end,
            count=_ZERO,
            negated=True,
        )
        for cat in (("killed", "injured") if category == "combined" else (category,))
    ]


def _has_object(m: _Masked, position: int) -> bool:
    """Whether an object follows a verb of harm ("killed three people", "shot John Smith")."""
    if _OBJECT_AFTER.match(m.low, position):
        return True
    name = _NAME_AFTER.match(m.text, position)
    return name is not None and name["word"].lower() not in _NOT_NAMES


def _object_report(
    m: _Masked, trigger: re.Match[str], victims_match: re.Match[str], kind: str
) -> _Report | None:
    """ "killed § [victims]", "the murder of § [victims]"."""
    found = _category(trigger)
    if found is None:
        return None
    category, t_start, t_end = found
    g_start, g_end = victims_match.span("groups")
    pronoun = m.low[g_start:g_end] in ("him", "her", "himself", "herself")
    if pronoun or victims_match.groupdict().get("kin"):
        if kind != "object":
            return None
        count: _Count = _ONE
        used: tuple[int, ...] = ()
        victims: str | None = m.text[g_start:g_end]
    else:
        counted = _count_groups(m, g_start, g_end)
        if counted is None:
            return None
        count, used, victims, _, g_end = counted
        tail = rules.SUICIDE_TAIL.match(m.low, g_end) if category == "killed" else None
        if tail is not None:
            # "killed his wife and two children before turning the gun on himself"
            count = _sum([count, _ONE])
            g_end = tail.end()
    before = m.low[max(0, t_start - 24) : t_start]
    negated = bool(_NEGATED_VERB.search(before))
    return _Report(
        kind=kind,
        category="affected" if category == "combined" else category,
        start=m.offset + trigger.start(),
        end=m.offset + g_end,
        trigger_start=m.offset + t_start,
        trigger_end=m.offset + t_end,
        count=_ZERO if negated else count,
        numbers=used,
        victims=victims,
        negated=negated,
        hedge=before,
    )


# -- counting victims -----------------------------------------------------------------------

_SEPARATOR = re.compile(r"\s*,?\s+(?:and|&)\s+(?:then\s+|also\s+)?|\s*,\s*")
_GROUP_HEAD = re.compile(r"§+|(?:an?|another|both|his|her|their|himself|herself|he|she)\b")
_COUNT_HEAD = re.compile(r"§+|(?:an?|another|both)\b")
_WORDS = re.compile(r"[\w'’.&/-]+")
_YEAR_OLD = re.compile(r"year-old$|yr-old$")
_AFTER_NAME_COMMA = regex.compile(r"\p{Lu}[\p{L}'’.-]*,\s*$")
_AFTER_WORD_COMMA = re.compile(r"[a-z]\s*,\s*$")
_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "your"})
_PREPOSITIONS = frozenset(
    "in at on of for from near inside outside during with named called identified who whose after to".split()
)
_DATE_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$|\bmay\s+$")
_DATE_AFTER = re.compile(
    r"(?:st|nd|rd|th)?(?:,?\s+(?:19|20)\d\d\b|\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
)
_LOCATION_SPLIT = re.compile(r"\s+(?:in|at|near|on|inside|outside|from|during|across)\s+", re.IGNORECASE)
_AGES_APPOSITION = re.compile(rules.AGES_APPOSITION)
# Heads that an apposition can name one by one ("two people, a woman and a boy").
# Words after which a victims phrase goes on about something else (a time, a place, a cause).
_GROUP_ENDS = frozenset("in at on near inside outside during following after before from across".split())
_POSSESSIVES = ("his ", "her ", "their ")
_HYPERNYMS = frozenset(
    "people persons victims others individuals adults children kids teens teenagers juveniles minors".split()
)
_AGES_BEFORE = re.compile(r"\b(?:ages?|aged|than)\s+(?:§+(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)){0,6}$")


def _count_groups(
    m: _Masked, start: int, end: int
) -> tuple[_Count, tuple[int, ...], str | None, int, int] | None:
    """Add up coordinated groups ("two soldiers and a civilian" -> 3).

    Returns the count, the numbers used, the victims phrase, and where the counted groups start
    and end (before any place: "five others in Kabul"); None when no group counts people.
    """
    if _AGES_BEFORE.search(m.low, max(0, start - 60), start):
        return None  # "the other victims, ages 13, 17 and 19, were treated": ages, not counts
    ages = [span.span() for span in _AGES_APPOSITION.finditer(m.low, start, end)]
    pieces = []
    position = start
    for separator in _SEPARATOR.finditer(m.low, start, end):
        pieces.append((position, separator.start(), True))
        position = separator.end()
    pieces.append((position, end, False))
    counts: list[_Count] = []
    used: list[int] = []
    spans: list[tuple[int, int]] = []
    for piece_start, piece_end, separated in pieces:
        if any(age_start <= piece_start < age_end for age_start, age_end in ages):
            continue  # "two boys, ages 7 and 10, and two adults": the ages count nobody
        count = _count_group(m, piece_start, piece_end, separated)
        if count is None and spans and m.low.startswith(_POSSESSIVES, spans[-1][0]):
            # "his mom and younger brother": the brother is his too
            count = _ONE if _people_named(_WORDS.findall(m.low, piece_start, piece_end)) == 1 else None
        elif count is None and spans and m.low.startswith(("a ", "an "), spans[-1][0]):
            # "a male and female": two people
            pair = [*_WORDS.findall(m.low, spans[-1][0], spans[-1][1])[-1:], "and"]
            pair += _WORDS.findall(m.low, piece_start, piece_end)[:1]
            count = _ONE if _a_man_and_a_woman(pair) else None
        if count is None:
            continue
        if spans and _PARTITIVE_BACK.match(m.low, piece_start, piece_end):
            # "nearly 200 teens were there and four of them were shot": the part, not a sum
            counts, used, spans = [], [], []
        counts.append(count)
        number = m.number_at(piece_start)
        if number is not None:
            used.append(number.start)
        spans.append((piece_start, piece_end))
    if not counts:
        return None
    first_start, last_end = spans[0][0], spans[-1][1]
    place = _LOCATION_SPLIT.search(m.low, first_start, last_end)
    if place is not None:
        last_end = place.start()  # "five others in Kabul": the place is not part of the victims
    if m.text[last_end - 1] == "." and "." not in m.text[first_start : last_end - 1].rsplit(None, 1)[-1]:
        last_end -= 1  # the sentence's full stop, not an abbreviation's
    if _names_the_first(m, counts, spans):
        # "two people, a 21-year-old woman and a 16-year-old boy": the rest names the first group
        counts, used, last_end = counts[:1], used[:1], spans[0][1]
        spans = spans[:1]
    if len(spans) > 1:
        victims = m.text[first_start:last_end]
    else:
        head = _COUNT_HEAD.match(m.low, first_start, last_end)
        victims = m.text[head.end() if head else first_start : last_end]
    return _sum(counts), tuple(used), _clean_victims(victims), first_start, last_end


def _names_the_first(m: _Masked, counts: Sequence[_Count], spans: Sequence[tuple[int, int]]) -> bool:
    """Whether groups after a comma add up to the first group's number: an apposition naming them."""
    if len(counts) < 2 or counts[0].qualifier != "exact" or counts[0].value is None:
        return False
    if m.low[spans[0][1] : spans[1][0]].strip() != ",":
        return False  # "two men and a woman" adds up; only a comma introduces an apposition
    words = _WORDS.findall(m.low, spans[0][0], spans[0][1])
    if not words or words[-1] not in _HYPERNYMS:
        return False  # "two soldiers, a civilian and a policeman": a list of four
    rest = _sum(counts[1:])
    return rest.qualifier == "exact" and rest.min == counts[0].min


def _count_group(m: _Masked, start: int, end: int, separated: bool) -> _Count | None:
    """The count of one group ("two soldiers", "a civilian", "his wife"), None when it counts no people."""
    head = _GROUP_HEAD.match(m.low, start, end)
    if head is None:
        return None
    word = head.group()
    words = _WORDS.findall(m.low, head.end(), end)
    cut = next((i for i, w in enumerate(words) if w in _GROUP_ENDS), len(words))
    if cut > 0:
        words = words[:cut]  # "five of his companions in August following an argument"
    if "unborn" in words:
        return None  # "five adults and an unborn child": reports count the unborn apart
    if words and (words[-1] in _DETERMINERS or any(w in rules.ANIMALS for w in words)):
        return None  # "one in a dead man's phone", "108,780 deer"
    if word.startswith(rules.MASK):
        number = m.number_at(start)
        if number is None or (not words and (separated or _is_age(m, start, number))):
            return None  # "Nov. 15, 126 people", "Darrell Hawkins, 34 who were": a date or an age
        if _is_date_part(m.low, start, head.end()) or (_looks_like_year(number) and not _names_people(words)):
            return None
        if words and words[0] in rules.UNIT_NOUNS:
            return None  # "3 years", "5 percent"
        if words and (words[0].startswith("year-old") or words[:2] == ["year", "old"]):
            return None  # "his 15 year-old girlfriend": an age written apart from its number
        return _count_of(number)
    if word == "both":
        return _TWO
    if word in ("himself", "herself", "he", "she") or (word == "her" and not words):
        return _ONE
    if word in ("his", "her", "their"):
        # "his wife": one; "their children": how many is not said
        return _ONE if any(w in rules.PERSON_NOUNS for w in words[:3]) else None
    if word in ("a", "an") and "couple" in words[:3] and "of" not in words:
        return _TWO  # "a young couple"
    return _ONE if _names_people(words) else None


def _a_man_and_a_woman(words: Sequence[str]) -> bool:
    """ "male and female", "man and woman": two people (but "a husband and father" is one)."""
    return len(words) >= 3 and words[1] == "and" and {words[0], words[2]} in _PAIRS


_PAIRS = ({"male", "female"}, {"man", "woman"}, {"boy", "girl"})


def _people_named(words: Sequence[str]) -> int:
    """How many people "younger brother" or "mom and brother" names one by one (0: not only people)."""
    parts: list[list[str]] = [[]]
    for word in words[:9]:
        if word in ("and", "&"):
            parts.append([])
        elif word in _PREPOSITIONS:
            break
        else:
            parts[-1].append(word)
    if not all(part and part[-1] in rules.PERSON_NOUNS for part in parts):
        return 0
    return len(parts)


def _is_age(m: _Masked, start: int, number: NumberPhrase) -> bool:
    """ "Darrell Hawkins, 34 who ...", "a man, 25, is in critical condition": digits right after a
    name and a comma, or between commas after a word, are an age."""
    if not number.text.isdigit():
        return False
    if _AFTER_NAME_COMMA.search(m.text, max(0, start - 40), start) is not None:
        return True
    after = start + len(number.text)
    return (
        len(number.text) <= 3
        and m.low.startswith(",", after)
        and _AFTER_WORD_COMMA.search(m.low, max(0, start - 30), start) is not None
    )


def _is_date_part(low: str, start: int, end: int) -> bool:
    """ "Jan. 19, 2013", "5 March": a day of the month, not a count."""
    return bool(_DATE_BEFORE.search(low, max(0, start - 12), start) or _DATE_AFTER.match(low, end))


def _names_people(words: Sequence[str]) -> bool:
    """Whether a victims phrase (before any preposition) names people: "a 24-year-old man", not
    "a vigil for a man"."""
    for word in words[:6]:
        if word in _PREPOSITIONS:
            return False
        word = word.rstrip(".,")
        if word in rules.PERSON_NOUNS or word.rstrip("'’s") in rules.PERSON_NOUNS or _YEAR_OLD.search(word):
            return True
    return False


def _clean_victims(text: str) -> str | None:
    text = _LOCATION_SPLIT.split(text, maxsplit=1)[0].strip(" ,;:")
    text = _trim(text) if text else text
    if text[:3].lower() == "of ":
        text = text[3:]
    return text or None


def _looks_like_year(number: NumberPhrase) -> bool:
    return number.qualifier == "exact" and len(number.text) == 4 and number.text[:2] in ("19", "20")


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
    value = float(low) if qualifier == "exact" and low is not None and any(c.value for c in counts) else None
    return _Count(low, high, qualifier, value, point)


# -- single victims -------------------------------------------------------------------------

# Before a subject that is no report: "anyone who was hurt", "how the man died".
_NOBODY = re.compile(
    r"\b(?:anyone|anybody|someone|somebody|everyone|everybody|who|whoever|each|how|why|whether)\s*$"
)
_SUBJECT_BREAK = re.compile(
    r"[,;:(\[\"“”]|\b(?:and|but|that|after|when|while|as|said|says|say|told|because|before|since|if|where"
    r"|which|then|police|officials)\b"
)
# "Jose Vasquez, 72, was killed", "John Smith, 34, of Dayton, died", "Ann Lee, of Gary, was shot".
_AGE_APPOSITION = re.compile(
    r",\s*(?:\d{1,3}|§{1,3})\s*(?:,\s*of\s+[^,;§]{1,40}?)?\s*,?\s*$|,\s*of\s+[^,;§]{1,40}?\s*,\s*$"
)
_DETERMINER_WORD = re.compile(r"\b(?:the|a|an|his|her|their|its)\b")
_NOT_NAMES = frozenset(
    """the a an his her their its this that police officials authorities january february march april may june
    july august september october november december monday tuesday wednesday thursday friday saturday
    sunday christmas thanksgiving easter halloween""".split()
)
_PLURAL_HEAD = re.compile(r"(?:people|persons|men|women|children|police|\w+s)$")
_OBJECT_WORDS = re.compile(
    r"\s+of\s+(?P<obj>(?:(?:the|a|an|his|her|former|late|slain)\s+)?[^\W\d_][\w'’.-]*"
    r"(?:\s+(?!(?:in|on|at|by|and|or|was|is|last|this|near|during|after|who|which|that|as|for|from|with)\b)"
    r"[^\W\d_][\w'’.-]*){0,5})"
)
_NAME_PARTICLES = frozenset({"de", "del", "la", "al", "el", "of", "former", "late", "bin", "van", "von"})


#: Words that make a named person's death in the same sentence a casualty.
_VIOLENT_DEATH = re.compile(
    r"\b(?:shot|shooting|shootings|gunshot|gunfire|gunman|gun|stabbed|stabbing|wounds?|wounded|injur\w*"
    r"|attack\w*|bomb\w*|blast|explosion|killed|killing|murder\w*|homicide|massacre|ambush\w*|hospital)\b"
)
#: What may stand between a subject and "died": "Payne later died", "Payne has since died".
_BEFORE_DIED = re.compile(r"(?:\s+(?:later|subsequently|also|eventually|then|has|had|since|reportedly))*\s+$")


def _named_subject_of_died(m: _Masked, window: int, t_start: int) -> tuple[int, str] | None:
    """ "Ethan Payne, 13, died", "Payne later died": a capitalised name (with an age) as the
    subject of "died"; (start, name) or None."""
    gap = _BEFORE_DIED.search(m.low, window, t_start)
    end = gap.start() if gap is not None else t_start
    subject = _singular_subject(m, end)
    if subject is None or not subject[1]:
        return None
    start, name = subject
    words = name.split()
    if not all(word[:1].isupper() for word in words) or any(w.lower() in FUNCTION_WORDS for w in words):
        return None  # a name only ("the victim", "he" and "I" are not; DIED_SINGULAR reads the first two)
    if _VIOLENT_DEATH.search(m.low) is None:
        return None  # "Justice Scalia died", "Sarah Brady died": a named person's death is news of its own
    return start, name


def _single_before(m: _Masked, trigger: tuple[str, int, int]) -> _Report | None:
    """One victim without a number: "... was killed", "he died"."""
    category, t_start, t_end = trigger
    if category == "combined" or rules.NOUN_TRIGGERS.fullmatch(m.low, t_start, t_end):
        return None
    window = max(0, t_start - 80)
    if m.low.startswith(("died", "dies"), t_start):
        died = rules.DIED_SINGULAR.search(m.low, window, t_start)
        if died is not None and _NOBODY.search(m.low[max(0, died.start() - 20) : died.start()].rstrip()):
            died = None  # "how the man died"
        if died is not None:
            noun = died["noun"] or ""
            if died["subj"] in ("he", "she") or noun in rules.PERSON_NOUNS or _YEAR_OLD.search(noun):
                return _Report(
                    kind="single",
                    category="killed",
                    start=m.offset + died.start(),
                    end=m.offset + t_end,
                    trigger_start=m.offset + t_start,
                    trigger_end=m.offset + t_end,
                    count=_ONE,
                    victims=m.text[died.start("subj") : died.end("subj")],
                )
        else:
            named = _named_subject_of_died(m, window, t_start)
            if named is not None:
                return _Report(
                    kind="single",
                    category="killed",
                    start=m.offset + named[0],
                    end=m.offset + t_end,
                    trigger_start=m.offset + t_start,
                    trigger_end=m.offset + t_end,
                    count=_ONE,
                    victims=named[1],
                )
    before = m.low[window:t_start]
    if not any(aux in before for aux in _SINGULAR_AUX):
        return None
    match = rules.SINGULAR_PASSIVE.search(m.low, window, t_start)
    if match is None:
        return None
    subject = _singular_subject(m, match.start())
    if subject is None or _NOBODY.search(m.low[max(0, match.start() - 20) : match.start()].rstrip()):
        return None
    subject_start, victims = subject[0], subject[1] or None
    negated = bool(match["neg"])
    return _Report(
        kind="single",
        category=category,
        start=m.offset + subject_start,
        end=m.offset + t_end,
        trigger_start=m.offset + t_start,
        trigger_end=m.offset + t_end,
        count=_ZERO if negated else _ONE,
        victims=victims,
        negated=negated,
        hedge=(match["adv"] or "") + (match["adv2"] or ""),
    )


_SINGULAR_AUX = ("was ", "is ", "been ", "got ", "gets ")


def _named_before(m: _Masked, trigger: tuple[str, int, int]) -> _Report | None:
    """People named one by one before "were killed": "Tyler and Rita Langworthy were shot dead" (2)."""
    category, t_start, t_end = trigger
    if category == "combined" or rules.NOUN_TRIGGERS.fullmatch(m.low, t_start, t_end):
        return None
    window_start = max(0, t_start - 160)
    aux = rules.PLURAL_PASSIVE.search(m.low, window_start, t_start)
    if aux is not None:
        end = aux.start()
    elif m.low.startswith(_LEFT_STATES, t_start):
        # "left William Monroe, 21, and Meghan Kerrigan, 22, dead"
        lefts = list(_LEFT.finditer(m.low, window_start, t_start))
        if not lefts:
            return None
        window_start, end = lefts[-1].end(), t_start
    else:
        return None
    begin = window_start
    for brk in _NAMED_BREAK.finditer(m.low, window_start, end):
        begin = brk.end()
    people = _named_people(m.text[begin:end])
    if people < 2:
        return None
    start = begin + len(m.text[begin:end]) - len(m.text[begin:end].lstrip())
    return _Report(
        kind="named",
        category=category,
        start=m.offset + start,
        end=m.offset + t_end,
        trigger_start=m.offset + t_start,
        trigger_end=m.offset + t_end,
        count=_Count(people, people, "exact", None, people),
        victims=m.text[start:end].strip(" ,"),
    )


def _named_after(m: _Masked, trigger: re.Match[str], kind: str) -> _Report | None:
    """People named one by one after a verb or noun of harm: "killed Ann Lee, 21, and Bo Park,
    22", "the killings of Deputy Dan Oliver and Detective Mike Davis" (not in wire copy)."""
    found = _category(trigger)
    if found is None or m.text.isupper():
        return None
    category, t_start, t_end = found
    names = _NAMES_AFTER.match(m.text, trigger.end())
    if names is None:
        return None
    victims = _trim(names["names"])
    people = _named_people(victims)
    if people < 2:
        return None
    return _Report(
        kind="named",
        category="affected" if category == "combined" else category,
        start=m.offset + trigger.start(),
        end=m.offset + names.start("names") + len(victims),
        trigger_start=m.offset + t_start,
        trigger_end=m.offset + t_end,
        count=_Count(people, people, "exact", None, people),
        victims=victims,
    )


def _named_people(text: str) -> int:
    """How many people a list of names gives ("Ann Lee, 21, and 24-year-old Bo Park": 2); 0 when
    a part of it is not one person."""
    text = _LEADING_AGE.sub("", _NAMED_AGE.sub("", text)).strip(" ,")
    if not text or rules.MASK in text:
        return 0
    if not _LIST_AND.search(text):
        return 0  # "the death of Ann Lee, D.C. police said": names joined by commas alone are no list
    parts = [p.strip() for p in _NAMED_SEPARATOR.split(text)]
    if len(parts) < 2 or not all(part and _one_person(part) for part in parts):
        return 0
    return len(parts)


_LIST_AND = re.compile(r"\band\b", re.IGNORECASE)


_NAMED_BREAK = re.compile(
    r"[;:(\[\"“”]|\b(?:but|that|after|when|while|said|says|say|told|because|before|since|if|where|which|then)\b"
)
_LEFT = re.compile(r"\b(?:left|leaving|leaves)\s+")
_LEFT_STATES = ("dead", "wounded", "injured", "hurt", "hospitalized", "hospitalised")
# An age after a name (", 21") and before it ("24-year-old Bo Park", "24 year old Bo Park").
_NAMED_AGE = re.compile(r"\s*,\s*§{1,3}\s*(?=,|$|\s+and\b)")
_LEADING_AGE = re.compile(r"(?:(?<=^)|(?<=\s))(?:\d{1,3}|§{1,3})[- ]years?[- ]old\s+")
_NAME = (
    r"(?:(?:\d{1,3}|§{1,3})[- ]years?[- ]old\s+)?\p{Lu}[\p{L}'’.-]*"
    r"(?:\s+(?:\p{Lu}[\p{L}'’.-]*|de|del|la|van|von|bin|al)){0,4}(?:\s*,\s*§{1,3}(?!§))?"
)
_NAMES_AFTER = regex.compile(rf"\s+(?P<names>{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_NAME}){{1,7}})")
_NAMED_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+", re.IGNORECASE)


def _one_person(part: str) -> bool:
    """ "Rita Langworthy", "his wife", "a 19-year-old man": one person (not "soldiers", not "the two")."""
    words = part.split()
    if not 1 <= len(words) <= 5:
        return False
    first, last = words[0].lower(), words[-1].lower().strip(".,")
    if first in ("a", "an", "his", "her", "the", "their", "another"):
        return last in rules.PERSON_NOUNS or bool(_YEAR_OLD.search(last))
    if part.isupper():
        return not (last.endswith("s") and last[:-1] in rules.PERSON_NOUNS) and last not in _PLURALS
    return all(w[:1].isupper() for w in words) and words[0].lower() not in _NOT_NAMES


_PLURALS = frozenset({"people", "persons", "men", "women", "children", "police", "others"})


def _single_nominal(m: _Masked, trigger: re.Match[str]) -> _Report | None:
    """ "the assassination of <one person>"."""
    found = _category(trigger)
    if found is None:
        return None
    category, t_start, t_end = found
    if m.low[t_start:t_end] not in rules.SINGULAR_NOMINAL:
        return None
    victim = _one_named_object(m, t_end)
    if victim is None:
        return None
    return _Report(
        kind="single",
        category=category,
        start=m.offset + t_start,
        end=m.offset + victim[1],
        trigger_start=m.offset + t_start,
        trigger_end=m.offset + t_end,
        count=_ONE,
        victims=m.text[victim[0] : victim[1]],
    )


def _singular_subject(m: _Masked, aux_start: int) -> tuple[int, str] | None:
    """The one person of "... was killed": back from the auxiliary to the clause start, then from
    the last determiner ("could not confirm the dog" -> "the dog"). The victims text is empty
    for "<name>, who was kidnapped in January, was found dead" (named before the aside). None
    when the subject names no person."""
    window_start = max(0, aux_start - 90)
    window = m.low[window_start:aux_start]
    age = _AGE_APPOSITION.search(window)  # "Jose Vasquez, 72, was killed"
    if age:
        window = window[: age.start()]
    begin = _after_last_break(window)
    for determiner in _DETERMINER_WORD.finditer(window, begin):
        begin = determiner.start()
    while begin < len(window) and window[begin].isspace():
        begin += 1
    subject = m.text[window_start + begin : window_start + len(window)].rstrip()
    words = subject.split()
    if not words:
        return (aux_start, "") if window.rstrip().endswith(",") else None
    if rules.MASK in subject or len(words) > 8:
        return None
    if not subject.isupper() and not _is_person(words):
        return None
    return window_start + begin, subject


def _after_last_break(window: str) -> int:
    """Where the last clause of `window` starts (after its last comma, "and", "said", ...)."""
    begin = 0
    for brk in _SUBJECT_BREAK.finditer(window):
        begin = brk.end()
    return begin


def _is_person(words: Sequence[str]) -> bool:
    """A pronoun, a person noun, an age ("16-year-old") or a capitalised name."""
    for word in words:
        low = word.lower().strip(".,'’")
        if low in ("he", "she") or low in rules.PERSON_NOUNS or low.rstrip("s") in rules.PERSON_NOUNS:
            return True
        if _YEAR_OLD.search(low) or (
            word[:1].isupper() and low not in _NOT_NAMES and low not in rules.NOT_PLACES
        ):
            return True
    return False


def _one_named_object(m: _Masked, position: int) -> tuple[int, int] | None:
    """The span of the single person in "the murder of <X>"; None for groups ("of the Jesuits")."""
    match = _OBJECT_WORDS.match(m.low, position)
    if match is None:
        return None
    span = match.span("obj")
    obj = m.text[span[0] : span[1]]
    words = obj.split()
    first = words[0].lower()
    caps = obj.isupper()
    if first in ("the", "a", "an", "his", "her"):
        last = words[-1].lower()
        if _PLURAL_HEAD.search(last) and last not in rules.PERSON_NOUNS:
            return None
        if not caps and not any(w.lower() in rules.PERSON_NOUNS for w in words[1:]):
            return None
        return span
    if caps:
        # Wire copy in capitals: a title or a name ("FORMER MINISTER ENRIQUE LOPEZ"); plurals out.
        return (
            None if words[-1].lower() in ("people", "persons", "civilians", "peasants", "children") else span
        )
    if all(w[0].isupper() for w in words if w.lower() not in _NAME_PARTICLES):
        return span  # a name
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
        if report.victims in _REFLEXIVE and any(k.start <= report.trigger_start < k.end for k in kept):
            continue  # "before killing himself" already counted with the victims before it
        clash = [c for s, e, c in used_triggers if s < report.trigger_end and report.trigger_start < e]
        if clash and not (report.kind == "negation" and report.category not in clash):
            continue
        used_numbers.update(report.numbers)
        used_triggers.append((report.trigger_start, report.trigger_end, report.category))
        kept.append(report)
    kept.sort(key=lambda r: (r.start, r.end))
    return kept


# -- context --------------------------------------------------------------------------------

_QUOTES = re.compile(r"[\"“”«»]")
_EVENT_NOUN = re.compile(r"killings|homicides|murders")
#: Sentences at the top of an article that tell its own story (the inverted pyramid).
_LEDE_SENTENCES = 3
_NOT_PERIODS = frozenset({"toll", "total", "overall", "combined", "cumulative"})


def _clause(breaks: Sequence[tuple[int, int]], length: int, start: int, end: int) -> tuple[int, int]:
    """The clause around ``[start, end)`` (sentence-relative offsets)."""
    left = 0
    right = length
    for brk_start, brk_end in breaks:
        if brk_end <= start:
            left = brk_end
        elif brk_start >= end:
            right = brk_start
            break
    return left, right


def _finding(
    doc: Document,
    sentence: Sentence,
    m: _Masked,
    context: _Context,
    report: _Report,
    dates: _Dates,
) -> CasualtyFinding:
    base = sentence.start
    start, end = report.start - base, report.end - base
    t_start, t_end = report.trigger_start - base, report.trigger_end - base
    clause_start, clause_end = _clause(context.breaks, len(m.low), start, end)
    left_from = t_start if report.kind in ("object", "nominal") else start
    near_left = m.low[max(clause_start, left_from - 30) : left_from].rsplit(",", 1)[-1]
    hedge = f"{near_left} {report.hedge} {m.low[t_start:t_end]}"
    possible = rules.POSSIBLE.search(hedge) is not None or sentence.text.rstrip().endswith("?")
    quoted = len(_QUOTES.findall(sentence.text, 0, start)) % 2 == 1
    reported = quoted or context.reported
    modality = "possible" if possible else ("reported" if reported else "asserted")
    including = _including(sentence.text, start, end, t_start)
    count = report.count
    if including and "unborn" in including.lower() and count.qualifier == "exact" and count.min:
        # "six people, including an unborn child": the unborn are counted apart (five)
        count = attrs.evolve(count, min=count.min - 1, max=count.min - 1, point=count.min - 1)
    cue = rules.CUMULATIVE.search(m.low, clause_start, clause_end)
    if cue is None and (count.min or 0) > 1:
        # "24 have been shot dead in 2017": a year's tally (one victim "in 1984" is a date)
        cue = rules.YEAR_PERIOD.search(sentence.text, clause_start, clause_end)
    period = None
    cumulative = report.kind == "toll"
    if cue is not None:
        cumulative = True
        period = sentence.text[cue.start() : cue.end()]
        if period.lower() in _NOT_PERIODS:
            period = None
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
        victims=_unmask(report.victims, sentence.text, m.text),
        perpetrator=_perpetrator(m, sentence.text, report, (t_start, t_end), end, (clause_start, clause_end)),
        location=_location(m, sentence.text, start, end, clause_start, clause_end),
        date=dates.nearest(sentence, report),
        negated=report.negated,
        modality=modality,
        cumulative=cumulative,
        period=period,
        background=_is_background(doc, sentence, m, t_start, t_end, clause_start, clause_end)
        or _superseded(report.category, m, clause_start, clause_end),
        trigger=doc.text[report.trigger_start : report.trigger_end].strip(),
        including=including,
    )


_INCLUDING = regex.compile(r"\b(?:including|among\s+them|among\s+whom)\s+(?P<parts>[^,;:.()—–]{1,80})")
# Between a report and its "including": nothing, or a place or a time ("killed in the attack on
# Friday, including"), never another clause.
_INCLUDING_AFTER = regex.compile(
    r"(?:\s+(?!(?:and|but|or|while|when|after|as|who|which|that|before|because|since)\b)[^\s,;:.()\"“”]+){0,8}?"
    r"\s*(?:,|--|—|–)?\s*$",
    regex.IGNORECASE,
)


def _including(text: str, start: int, end: int, trigger: int) -> str | None:
    """The parts a report says its count includes: inside its span ("two people, including a
    child, were killed") or right after it ("three are dead, including the gunman")."""
    match = _INCLUDING.search(text, start, min(len(text), end + 120))
    if match is None:
        return None
    if match.start() >= end and not _INCLUDING_AFTER.match(text, end, match.start()):
        return None  # "..." another clause's "including"
    parts = match["parts"]
    if match.start() < trigger < match.end("parts"):
        parts = text[match.start("parts") : trigger]  # "four troops including the gunman dead"
    return parts.strip(" ,") or None


def _is_background(
    doc: Document,
    sentence: Sentence,
    m: _Masked,
    t_start: int,
    t_end: int,
    clause_start: int,
    clause_end: int,
) -> bool:
    """An earlier or other incident: a cue word ("a previous shooting", "weeks earlier", "in
    separate shootings"), a timeline entry ("1993: ..."); below the lede, where a follow-up story
    (a trial, an anniversary) no longer dates its own incident, also a year before publication,
    a sentence opening on another time, or crime statistics ("the city recorded 305 homicides")."""
    cue = rules.BACKGROUND.search(m.low, clause_start, clause_end)
    if (
        cue is not None
        and cue.start() >= t_end
        and _ABOUT_SUSPECT.search(m.low, max(t_end, cue.start() - 40), cue.start())
    ):
        # "a man charged in the slayings of three people has been accused in two other shootings":
        # the other cases are the suspect's, not the report's
        cue = rules.BACKGROUND.search(m.low, clause_start, cue.start())
    if cue is not None or _TIMELINE.match(m.low):
        return True
    if rules.MOURNED.search(m.low, max(clause_start, t_start - 80), t_start):
        return True
    if _PLAYLIST.match(sentence.text):
        return True
    if sentence.index < _LEDE_SENTENCES:
        return False
    if _on_another_weekday(doc, m):
        return True
    published = doc.published
    if published is not None:
        # a year before publication anywhere in the sentence ("memories from February 2005, when
        # her husband was murdered"), or a sentence opening on another time ("Last summer, ...",
        # "In December, ..." in a story of January)
        if any(int(year) < published.year for year in rules.YEAR.findall(sentence.text)):
            return True
        other_time = _OTHER_TIME.match(m.low)
        if other_time is not None and (
            other_time["month"] is None or _MONTHS.index(other_time["month"][:3]) + 1 != published.month
        ):
            return True
    return _EVENT_NOUN.search(m.low, t_start, t_end) is not None


def _superseded(category: str, m: _Masked, clause_start: int, clause_end: int) -> bool:
    """A count of wounded the story says was replaced ("police originally said eight people were
    wounded"). Not deaths: "he was initially taken to hospital, where he died" is still a death."""
    return (
        category in ("injured", "affected")
        and _SUPERSEDED.search(m.low, clause_start, clause_end) is not None
    )


def _on_another_weekday(doc: Document, m: _Masked) -> bool:
    """ "On Saturday, ten people were wounded ..." below a lede about Monday: another day's incident."""
    opening = _ON_WEEKDAY.match(m.low)
    if opening is None:
        return False
    lede = " ".join(s.text for s in doc.sentences[:_LEDE_SENTENCES]).lower()
    days = set(_WEEKDAY_WORD.findall(lede))
    return bool(days) and opening["day"] not in days


_ON_WEEKDAY = re.compile(rf"\s*on\s+(?P<day>{_WEEKDAYS})\s*,")
_WEEKDAY_WORD = re.compile(rf"\b({_WEEKDAYS})\b")


#: A figure the story itself says was replaced: "police originally said eight people were wounded".
_SUPERSEDED = re.compile(
    r"\b(?:originally|initially|at\s+first|first)\s+(?:said|told|reported|indicated|thought|believed)\b"
    r"|\binitial\s+reports?\s+(?:said|indicated|suggested|showed|had)\b"
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# A sentence that opens on another time: "Last summer, ...", "In December, ..."; "1993: ..." (a timeline).
_OTHER_TIME = re.compile(
    r"\s*(?:last\s+(?:year|summer|spring|fall|autumn|winter|month)\b"
    r"|(?:back\s+)?in\s+(?:early\s+|late\s+|mid-?)?(?P<month>january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\b(?!\s*§))"
)
_ABOUT_SUSPECT = re.compile(
    r"\b(?:arrested|accused|charged|convicted|sentenced|indicted|wanted|linked|tied|connected|suspected)\b"
)
_TIMELINE = re.compile(r"\s*§+\s*:")
# A video playlist copied with the page: each headline after its duration ("2:51 Grandmother says ...").
_PLAYLIST = re.compile(r"\s*\d{1,2}:\d\d\s+(?![ap]\.?m\b)[A-Z\"“‘']")


def _unmask(fragment: str | None, sentence_text: str, masked: str) -> str | None:
    """The original words of a masked fragment (numbers restored)."""
    if fragment is None:
        return None
    position = masked.find(fragment)
    if position < 0:
        return fragment
    return sentence_text[position : position + len(fragment)]


def _perpetrator(
    m: _Masked, text: str, report: _Report, trigger: tuple[int, int], end: int, clause: tuple[int, int]
) -> str | None:
    """Who did it: "a gunman" in "a gunman shot and killed two men", "the Syrian army" in "killed in
    attacks by the Syrian army"."""
    if report.negated:
        return None
    (t_start, t_end), (clause_start, clause_end) = trigger, clause
    if report.kind == "object":
        window_start = max(clause_start, t_start - 70)
        window = m.low[window_start:t_start]
        begin = _after_last_break(window)
        subject = window[begin:].strip()
        words = subject.split()
        if not words or len(words) > 6 or rules.MASK in subject:
            return None
        head = words[-1].strip(".,")
        if head in rules.NON_AGENTS or head in ("who", "which", "that"):
            return None
        position = m.low.find(subject, window_start + begin)
        return text[position : position + len(subject)]
    # After the trigger ("killed by"), or after the victims of "the murder of X by Y".
    search_from = end if report.kind == "nominal" else t_end
    match = rules.PERPETRATOR_AFTER.search(m.low, search_from, min(clause_end, search_from + 60))
    if match is None or rules.MASK in match["perp"]:
        return None
    if any(w in rules.INSTRUMENTS for w in match["perp"].split()):
        return None
    return _trim(text[match.start("perp") : match.end("perp")])


def _location(m: _Masked, text: str, start: int, end: int, clause_start: int, clause_end: int) -> str | None:
    """The nearest place phrase: inside the report, after it in the clause, before it, anywhere."""
    caps = text.upper() == text
    pattern = rules.LOCATION_CAPS if caps else rules.LOCATION
    candidates = [
        match for match in pattern.finditer(m.text) if _first_word(match["loc"]) not in rules.NOT_PLACES
    ]
    if not candidates:
        return None
    inside = [c for c in candidates if start <= c.start() < end]
    after = [c for c in candidates if end <= c.start() < clause_end]
    before = [c for c in candidates if clause_start <= c.start() < start]
    nearest = sorted(candidates, key=lambda c: abs(c.start() - start))
    for group in (inside, after, before[::-1], nearest):
        if group:
            return _trim(text[group[0].start("loc") : group[0].end("loc")])
    return None


def _first_word(phrase: str) -> str:
    word = phrase.split()[0].lower()
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _trim(phrase: str) -> str:
    """Without a sentence's full stop: "the Syrian army." -> "the Syrian army" (but "U.S." stays)."""
    last = phrase.rsplit(None, 1)[-1]
    if phrase.endswith(".") and "." not in last[:-1]:
        return phrase[:-1]
    return phrase


class _Dates:
    """The ``dates`` findings of one text, sorted, for the nearest date in a sentence."""

    def __init__(self, dates: Sequence[Finding]) -> None:
        self.dates = sorted(
            (d for d in dates if isinstance(getattr(d, "value", None), str)), key=lambda d: d.start
        )
        self.starts = [d.start for d in self.dates]

    def nearest(self, sentence: Sentence, report: _Report) -> str | None:
        """The value of the date finding in the sentence nearest the report."""
        first = bisect.bisect_left(self.starts, sentence.start)
        last = bisect.bisect_left(self.starts, sentence.end)
        best: tuple[int, str] | None = None
        for date in self.dates[first:last]:
            if date.end > sentence.end:
                continue
            distance = min(abs(date.start - report.trigger_end), abs(date.end - report.start))
            if best is None or distance < best[0]:
                best = (distance, getattr(date, "value"))  # noqa: B009 - a Finding subclass's field
        return best[1] if best else None


@hookimpl
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    register(CasualtiesExtractor())
