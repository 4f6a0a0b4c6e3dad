"""The ``dates`` extractor: temporal expressions as TIMEX3 (TempEval-3 conventions), resolved
against the publication date.

How it works, in two passes over the text:

1. **Detection.** Each rule below is one linear-time pattern. Every rule's matches are collected;
   where matches overlap, the longest wins (ties: the rule listed first). A rule's guard can
   refuse a match from its context ("may" as a verb, "March" as a name, "2000 people").
2. **Resolution**, in text order. Each kept match is turned into a type, a TIMEX3 value and a
   ``mod``: against the publication date (the DCT) for deictic expressions ("yesterday", "last
   week", "Thursday"), against the last date mentioned for anaphoric ones ("a year earlier",
   "that year", "at that time"), by the tense of the clause for weekdays and bare months.

The spans follow TimeML: no leading preposition ("on *Thursday*"), determiners and modifiers
included ("*the end of February*", "*early March*", "*more than four hours*"). The value
conventions and their limits are documented in ``docs/dates.md``.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Literal, NamedTuple

import attrs
import regex

from newsparse.hookspecs import hookimpl
from newsparse.model import Finding
from newsparse.text.datestrings import foreign_date
from newsparse.text.tense import tense_of
from newsparse.text.timex import format_value, granularity_of, interval_of, narrow, shift

if TYPE_CHECKING:
    from newsparse.model import Article
    from newsparse.text.document import Document
    from newsparse.typing import ExtractorRegistrar

__all__ = ["DateFinding", "DatesConfig", "DatesExtractor", "find_dates"]

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@attrs.frozen(kw_only=True)
class DateFinding(Finding):
    """A temporal expression with its TIMEX3 normalisation and the period it resolves to."""

    type: str
    """``DATE``, ``TIME``, ``DURATION`` or ``SET`` (TIMEX3 types)."""

    value: str
    """The TIMEX3 value: ``2020-03-05``, ``2020-02``, ``2020-W10``, ``2020-Q1``, ``199`` (the 1990s),
    ``2020-03-05TAF``, ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, durations ``P3W``/``PXY``,
    sets ``P1W``/``XXXX-WXX-1``. ``X`` stands for a digit the text leaves open."""

    mod: str | None = None
    """TIMEX3 ``mod``: START, MID, END (parts of a period), APPROX, LESS_THAN, MORE_THAN,
    EQUAL_OR_LESS, EQUAL_OR_MORE, BEFORE, AFTER, ON_OR_BEFORE, ON_OR_AFTER; None when absent."""

    start_date: str | None = None
    """First day of the period the expression refers to (ISO date), after applying ``mod``
    (START/MID/END are the first, middle and last third). None when it names no fixed period."""

    end_date: str | None = None
    """Last day of that period (ISO date, inclusive)."""

    granularity: str | None = None
    """The unit the value is stated in: ``century``, ``decade``, ``year``, ``half``, ``quarter``,
    ``season``, ``month``, ``week``, ``weekend``, ``day``, ``part_of_day``, ``time``; for
    durations the unit counted (``week`` for P3W); None for PRESENT_REF and the like."""

    anchor: str | None = None
    """What a relative expression was resolved against: ``published`` (the publication date),
    ``previous`` (the last date mentioned before it), or None for absolute expressions."""

    anchor_value: str | None = None
    """The TIMEX3 value of that anchor (``2020-03-05`` for the publication date)."""


@attrs.frozen(kw_only=True)
class DatesConfig:
    """Options of the dates extractor."""

    languages: tuple[str, ...] = ("de", "fr", "es", "it", "pt", "nl", "tr", "ru", "pl")
    """Languages whose month names are recognised in absolute dates such as "5. März 2020"
    (normalised by dateparser as isolated strings); the article's own language is added when
    the reader knows it. Codes dateparser does not know are ignored. Empty: English only."""

    side_fields: bool = True
    """Also look in captions and related-link titles (findings carry ``field``)."""

    former_as_past_ref: bool = False
    """Tag "former"/"formerly" as PAST_REF. TimeML does not mark "former", so off by default."""


# -- vocabulary -------------------------------------------------------------------------------

_MONTH_NUMBER = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_WEEKDAY_NUMBER = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
}  # fmt: skip
_SMALL_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12, "half": 0.5, "couple": 2,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11,
    "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
}  # fmt: skip
_DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}  # fmt: skip
# TIMEX3 duration letters; the time units take the "T" designator (PT5H).
_UNIT_CODE = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W", "weekend": "WE",
    "fortnight": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "Y", "century": "Y",
    "millennium": "Y",
}  # fmt: skip
_UNIT_FACTOR = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}
_TIME_UNITS = frozenset({"second", "minute", "hour"})
_PART_OF_DAY = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
    "tonight": "NI", "nights": "NI", "mornings": "MO", "evenings": "EV", "afternoons": "AF",
}  # fmt: skip
_SEASON = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
_SEASON_FIRST_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SET_ADVERBS = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "quarterly": "P1Q", "nightly": "XXXX-XX-XXTNI", "biweekly": "P2W",
    "bi-weekly": "P2W", "semiannually": "P6M", "semi-annually": "P6M",
}  # fmt: skip
_VAGUE_AMOUNT = {  # for "a few months later": (fewest, most) units meant
    "a few": (2, 5), "few": (2, 5), "several": (3, 9), "some": (2, 9), "many": (5, 20),
    "a couple of": (2, 3), "a couple": (2, 3), "a number of": (3, 9), "numerous": (5, 20),
}  # fmt: skip

_PART_MOD = {
    "early": "START", "earlier": "START", "beginning": "START", "start": "START", "dawn": "START",
    "mid": "MID", "middle": "MID", "late": "END", "later": "END", "end": "END", "close": "END",
    # "the first half of the 1980s" (years have their own halves: 1989-H1)
    "first": "START", "second": "END", "last": "END", "latter": "END",
}  # fmt: skip

# -- pattern building blocks (compiled case-insensitively; names are checked for capitals) --

_B: dict[str, str] = {}
_B["MONTHFULL"] = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_B["MONTHABBR"] = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_B["MONTH"] = r"(?P<month>{MONTHFULL}|{MONTHABBR})"
_B["WDNAME"] = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_B["WD"] = r"(?P<wd>{WDNAME})"
_B["WDABBR"] = r"(?P<wd>{WDNAME}|(?:Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.)"
_B["DAY"] = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d])"
_B["YEAR"] = r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d])"
_B["NUMWORD"] = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen"
    r"|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
)
_B["NUM"] = (
    r"(?P<num>\d{1,3}(?:\.\d+)?(?:\s+[1-3]/[2-4])?"
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight"
    r"|nine)|{NUMWORD}(?:[-\s]hundred)?"
    r"|an?(?:\s+(?:hundred|dozen|half))?|two\s+dozen|half\s+an?|a\s+couple(?:\s+of)?)"
)
_B["VAGUE"] = r"(?P<vague>a\s+few|few|several|some|many|numerous|a\s+number\s+of|a\s+couple\s+of)"
_B["UNIT"] = (
    r"(?P<unit>second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur|millenni)"
    r"(?:s|y|ies|um|a)?"
)
_B["UNITSING"] = r"(?P<unit>day|week|month|quarter|year|decade|century)"
_B["PART"] = (
    r"(?P<part>early|earlier|mid|middle|late|later"
    r"|the\s+(?:very\s+)?(?:beginning|start|middle|end|close|dawn)\s+of"
    r"|the\s+(?:first|second|last|latter)\s+half\s+of)"
)
# Longer phrases before the phrases they end with ("no more than" before "more than"): the
# reverse-matched rules take the first alternative that fits.
_B["APPROX"] = (
    r"(?P<approx>about|around|approximately|roughly|some|nearly|almost|no\s+more\s+than|more\s+than"
    r"|just\s+over|well\s+over|over|no\s+less\s+than|less\s+than|just\s+under|under|at\s+least|at\s+most"
    r"|up\s+to|fewer\s+than|barely|only|just)"
)
_B["POD"] = r"(?P<pod>morning|afternoon|evening|night|overnight)"
_B["TZ"] = r"(?:GMT|UTC|[ECMP][SD]T|BST|CET|CEST|EET|EEST|MSK|IST|JST)"
_B["AMPM"] = r"(?P<ampm>[ap]\.\s?m\.|[ap]\s?m\b)"


def _expand(template: str) -> str:
    # Blocks refer to other blocks; expand until nothing is left to replace.
    for _ in range(4):
        for key, value in _B.items():
            template = template.replace("{" + key + "}", value)
    return template


_ESCAPE_OR_CAPITAL = regex.compile(r"\\p\{\w+\}|\\.|\(\?P|[A-Z]")


def _lower_pattern(pattern: str) -> str:
    """The pattern with its literal capitals lowered (escapes such as ``\\D`` or ``\\p{L}`` kept)."""
    return _ESCAPE_OR_CAPITAL.sub(lambda m: m.group() if len(m.group()) > 1 else m.group().lower(), pattern)


def _compile(template: str, reverse: bool) -> regex.Pattern[str]:
    # Patterns run over the lower-cased text: case-insensitive matching costs the regex engine
    # three to five times more, and capitals are checked on the original text where they matter.
    pattern = r"(?<![\w'’-])(?:" + _expand(template) + r")(?![\w-]|['’][a-rt-z])"
    return regex.compile(_lower_pattern(pattern), regex.REVERSE if reverse else 0)


# -- resolution context --------------------------------------------------------------------

_FUTURE_CUE = regex.compile(
    r"\b(?:will|won['’]t|shall|['’]ll|going\s+to|due\s+to|set\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|planned|planning|is\s+to|are\s+to|next(?!\s+to\b)|upcoming|as\s+(?:soon|early)\s+as"
    # Timetables in the present: "the summit opens on Thursday", "the team travels Friday".
    r"|opens|begins|starts|resumes|travels|departs|arrives|visits|heads|kicks\s+off|takes\s+place|expires"
    r"|meets|hosts|convenes|flies|leaves\s+for"
    r"|is\s+due|are\s+due|is\s+scheduled|are\s+scheduled)\b",
    regex.IGNORECASE,
)
# Cues that count only before the expression: "said he would meet Putin on Thursday" (the future
# of reported speech) and commitments, which point past the time they were made ("agreed to buy
# the unit in February"); after it they tell when the saying or agreeing happened ("Erdogan said
# Friday he would ...", "In February it agreed to ...").
_FUTURE_CUE_BEFORE = regex.compile(
    r"\b(?:would|['’]d)\b(?!\s+have\b)"
    r"|\b(?:agreed|agreement|pledged|promised|vowed|intends?|aims?|hopes?|likely)\s+to\b",
    regex.IGNORECASE,
)
_ANY_FUTURE_CUE = regex.compile(
    f"(?P<anywhere>{_FUTURE_CUE.pattern})|(?P<before_only>{_FUTURE_CUE_BEFORE.pattern})", regex.IGNORECASE
)
# Scanning a clause with the cue pattern costs far more than asking whether any cue could be
# there at all: every cue contains one of these pieces (or is "is/are to").
_CUE_PIECES = tuple(
    "will won shall 'll ’ll going due set schedul expect plan next upcoming soon early opens begins starts"
    " resumes travels departs arrives visits heads kicks takes expires meets hosts convenes flies leaves"
    " would 'd ’d agree pledged promised vowed intend aim hope likely".split()
)
_IS_TO = regex.compile(r"\b(?:is|are)\s+to\b", regex.IGNORECASE)
_PLAN_OVERTAKEN = regex.compile(
    r"\s*(?:[\w'’]+\s+){0,3}?(?:was|were|had\s+been)\s+(?:\w+\s+)?(?:canceled|cancelled|postponed|called\s+off"
    r"|scrapped|delayed|held|moved)\b",
    regex.IGNORECASE,
)
# A past verb between an expression and a later future cue means the cue belongs to reported
# speech ("Erdogan on Wednesday said talks would ..."), not to the expression's own clause.
_PAST_VERB = regex.compile(
    r"\b(?:said|says|saying|told|telling|was|were|had|did|met|went|came|took|made|gave|announced|added|adding"
    r"|stating|claiming|warning|noting|(?-i:[a-z]{3,}ed))\b",  # lower case: not "United", "Ahmed"
    regex.IGNORECASE,
)
_SENTENCE_END = regex.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n")
# "had been due to expire Friday": a plan in the past, not a future event.
# A limit ahead: "until 9 a.m. Tuesday", "by February" (a month right after "by").
_DEADLINE = {
    "weekday": regex.compile(r"\b(?:until|till)\s+(?:[\w.:]+\s+){0,3}$", regex.IGNORECASE),
    "month": regex.compile(r"\b(?:until|till|by)\s+$", regex.IGNORECASE),
    "through": regex.compile(r"\bthrough\s+$", regex.IGNORECASE),
}
_WAS_DUE = regex.compile(r"\b(?:had|was|were)\s+(?:been\s+)?$", regex.IGNORECASE)
_CLAUSE_BREAK = regex.compile(
    r"[;:()\"“”—–]|''|``|,\s+(?=(?:and|but|while|which|who|although|though|whereas|said|says|according)\b)"
    r"|\band\s+(?=(?:will|would|is|are|was|were|has|have|had|\w+ed)\b)"
    r"|\b(?:that|which|because|although|though|whereas|but|while|after|before|since|when)\b",
    regex.IGNORECASE,
)


@attrs.frozen(kw_only=True)
class _Mention:
    """A resolved date, kept as a possible anchor for anaphoric expressions."""

    start: int
    value: str
    granularity: str
    derived: bool = False
    """True when the date was itself resolved against an earlier mention."""


@attrs.define
class _Context:
    text: str
    dct: dt.date | None
    config: DatesConfig
    mentions: list[_Mention] = attrs.Factory(list)
    """Every resolved date, sorted by offset."""
    primary: list[_Mention] = attrs.Factory(list)
    """The dates that were not themselves resolved against an earlier mention."""
    periods: list[_Mention] = attrs.Factory(list)
    """The primary quarters and halves (financial reporting periods)."""
    clauses: dict[tuple[int, int], tuple[int, int]] = attrs.Factory(dict)
    """Clauses already found, by expression span (several checks ask for the same one)."""

    def clause(self, start: int, end: int) -> tuple[int, int]:
        """The clause around ``[start, end)``, between clause breaks, within 300 characters.

        A local look for sentence ends, not the Document's sentences: splitting a whole article
        into sentences costs more than all the date rules, and only a few expressions (weekdays,
        months) need their clause. An abbreviation mistaken for a sentence end only narrows the
        window a little.
        """
        found = self.clauses.get((start, end))
        if found is not None:
            return found
        lo = max(0, start - 300)
        for stop in _SENTENCE_END.finditer(self.text, lo, start):
            lo = stop.end()
        hi = min(len(self.text), end + 300)
        next_stop = _SENTENCE_END.search(self.text, end, hi)
        if next_stop is not None:
            hi = next_stop.start() + 1
        clause_start, clause_end = lo, hi
        for pause in _CLAUSE_BREAK.finditer(self.text, lo, start):
            clause_start = pause.end()
        next_pause = _CLAUSE_BREAK.search(self.text, end, hi)
        if next_pause is not None:
            clause_end = next_pause.start()
        self.clauses[start, end] = (clause_start, clause_end)
        return clause_start, clause_end

    def future(self, start: int, end: int) -> bool:
        """Does the clause around the expression speak of the future?"""
        clause_start, clause_end = self.clause(start, end)
        text = self.text
        # A possessive names an event by its day ("ways to get around Wednesday's ruling"): the
        # weaker cues say nothing about it.
        possessive = text.startswith(("'s", "’s"), end)
        clause = text[clause_start:clause_end].lower()
        if not any(piece in clause for piece in _CUE_PIECES) and _IS_TO.search(clause) is None:
            return False
        last_before: regex.Match[str] | None = None
        first_after: regex.Match[str] | None = None
        # One scan of the clause finds the cues on both sides of the expression.
        for cue in _ANY_FUTURE_CUE.finditer(text, clause_start, clause_end):
            before_only = cue.lastgroup == "before_only"
            if cue.end() <= start:
                word = cue.group().lower()
                # "had been due to", "was to": a plan overtaken; "were planning to" is still one.
                if (before_only and possessive) or (
                    word != "planning" and _WAS_DUE.search(text, clause_start, cue.start())
                ):
                    continue
                last_before = cue
            elif cue.start() >= end and not before_only:
                first_after = cue
                break
        if last_before is not None and _PAST_VERB.search(text, last_before.end(), start) is None:
            # A plan reported as cancelled ("planned for Saturday was canceled") is past.
            weak = last_before.group().lower() in ("planned", "planning", "scheduled")
            return not (weak and _PLAN_OVERTAKEN.match(text, end, clause_end))
        if first_after is None or first_after.group().lower() in ("planned", "scheduled"):
            return False  # "On Friday, the government planned to pay": the planning was on Friday
        return _PAST_VERB.search(text, end, first_after.start()) is None

    def not_past(self, start: int, end: int) -> bool:
        """Is the clause's verb in the present, the future or the conditional? The first verb group
        before the expression decides, else the first one after it ("the case is heard in May",
        "the dividend would be paid in January"; "in May, the case was heard" is past). See
        `newsparse.text.tense.tense_of`. A present read from an "-s" form alone is not trusted:
        "Telerate shares fell" has a plural noun where an "-s" verb could be."""
        clause_start, clause_end = self.clause(start, end)
        for part in (self.text[clause_start:start], self.text[end:clause_end]):
            tense = tense_of(part)
            if tense == "present":
                return _re(r"(?i)\b(?:is|are|am)\b").search(part) is not None
            if tense != "unknown":
                return tense in ("future", "conditional")
        return False

    def remember(self, mention: _Mention) -> None:
        """Keep a resolved date as a possible anchor (lists stay sorted by offset)."""
        for group in (self.mentions, self.primary if not mention.derived else None, self.periods):
            if group is None or (
                group is self.periods and (mention.derived or mention.granularity not in ("quarter", "half"))
            ):
                continue
            position = bisect.bisect_right([m.start for m in group[-8:]], mention.start) + max(
                0, len(group) - 8
            )
            if position == len(group) or group[position].start >= mention.start:
                group.insert(position, mention)
            else:  # out of order beyond the last few (rare): fall back to a full sort
                group.append(mention)
                group.sort(key=lambda m: m.start)

    def topic_period(self, start: int) -> _Mention | None:
        """The reporting period (quarter or half) mentioned most often in the 3,000 characters
        before `start`, the latest of equals; None unless the last one is within 1,500."""
        index = _last_before(self.periods, start)
        if index < 0 or start - self.periods[index].start > 1500:
            return None
        window = [m for m in self.periods[max(0, index - 49) : index + 1] if start - m.start <= 3000]
        counts: dict[str, int] = {}
        for mention in window:
            counts[mention.value] = counts.get(mention.value, 0) + 1
        best = max(counts.values())
        tied = [m for m in window if counts[m.value] == best]
        # Among equals, the period that ended last before publication: the one being reported
        # ("third-quarter net rose ... after a flat second quarter").
        reported = _dct_value(self, "quarter", "quarter", -1) if self.dct is not None else None
        return next((m for m in tied if m.value == reported), tied[-1])

    def previous(self, start: int, within: int = 3000, *, primary: bool = False) -> _Mention | None:
        """The last date mentioned before `start` (not further back than `within` characters);
        with `primary`, the last one that was not itself resolved against an earlier mention."""
        group = self.primary if primary else self.mentions
        index = _last_before(group, start)
        if index >= 0 and start - group[index].start <= within:
            return group[index]
        return None


def _last_before(mentions: list[_Mention], start: int) -> int:
    """Index of the last mention that starts before `start` (-1 if none); `mentions` is sorted."""
    low, high = 0, len(mentions)
    while low < high:
        middle = (low + high) // 2
        if mentions[middle].start < start:
            low = middle + 1
        else:
            high = middle
    return low - 1


@attrs.frozen(kw_only=True)
class _Timex:
    """What a rule makes of a match, before spans and intervals are attached."""

    type: TimexType
    value: str
    mod: str | None = None
    anchor: str | None = None
    anchor_value: str | None = None
    interval: tuple[dt.date, dt.date] | None = None
    granularity: str | None = None


Handler = Callable[[regex.Match[str], _Context], "_Timex | None"]


@attrs.frozen
class _Rule:
    name: str
    pattern: regex.Pattern[str]
    handler: Handler


_RULES: list[_Rule] = []


def _rule(name: str, template: str, *, reverse: bool = False) -> Callable[[Handler], Handler]:
    """Register a rule. `reverse` matches the pattern right to left: much faster for patterns
    whose distinctive word comes last ("... two weeks"), after a run of optional modifiers.
    Alternatives must then list the longer of two words sharing an ending first."""

    def register(handler: Handler) -> Handler:
        _RULES.append(_Rule(name, _compile(template, reverse), handler))
        return handler

    return register


# -- small helpers ---------------------------------------------------------------------------


@functools.cache
def _re(pattern: str) -> regex.Pattern[str]:
    """A context pattern, compiled once (the guards below use many small ones)."""
    return regex.compile(pattern)


def _capitalised(ctx: _Context, match: regex.Match[str], group: str | int) -> bool:
    """Is the word a group matched capitalised in the original text? (Patterns see it lower-cased.)"""
    start = match.start(group)
    return start < 0 or ctx.text[start : start + 1].isupper()


def _original(ctx: _Context, match: regex.Match[str], group: str | int = 0) -> str:
    """What a group matched, as written in the original text."""
    start, end = match.span(group)
    return ctx.text[start:end] if start >= 0 else ""


def _number(text: str | None) -> float | None:
    """The value of a number phrase from the NUM block ("three", "twenty-five", "2 1/2", "a")."""
    if text is None:
        return None
    words = _re(r"[\s-]+").split(text.lower().strip())
    if not words or not words[0]:
        return None
    if words[0][0].isdigit():
        value = float(words[0])
        if len(words) > 1 and "/" in words[1]:
            top, bottom = words[1].split("/")
            value += int(top) / int(bottom)
        return value
    if words[:2] == ["half", "a"] or words[:2] == ["half", "an"]:
        return 0.5
    total = 0.0
    for word in words:
        if word in ("of",):
            continue
        amount = _SMALL_NUMBERS.get(word)
        if amount is None:
            return None
        if word in ("hundred", "dozen"):
            total = (total or 1) * amount
        elif word == "half" and total:
            total += 0.5
        elif word in ("a", "an") and total:
            continue
        else:
            total += amount
    return total or None


def _unit(match: regex.Match[str]) -> str:
    raw = match.group("unit").lower()
    return {"centur": "century", "millenni": "millennium"}.get(raw, raw)


def _mod_of_part(part: str | None) -> str | None:
    if part is None:
        return None
    for word in _re(r"[a-z]+").findall(part.lower()):
        if word in _PART_MOD:
            return _PART_MOD[word]
    return None


def _approx_mod(approx: str | None, kind: str = "duration") -> str | None:
    if approx is None:
        return None
    word = " ".join(approx.lower().split())
    if word in ("about", "around", "approximately", "roughly", "some", "nearly"):
        return "APPROX"
    if word in ("almost", "less than", "under", "just under", "fewer than", "barely"):
        return "LESS_THAN" if kind == "duration" else "AFTER"
    if word in ("more than", "over", "just over", "well over"):
        return "MORE_THAN" if kind == "duration" else "BEFORE"
    if word in ("at least", "no less than"):
        return "EQUAL_OR_MORE" if kind == "duration" else "ON_OR_BEFORE"
    if word in ("at most", "up to", "no more than"):
        return "EQUAL_OR_LESS" if kind == "duration" else "ON_OR_AFTER"
    return None


def _dct_value(ctx: _Context, granularity: str, unit: str = "day", amount: int = 0) -> str:
    if ctx.dct is None:
        return _unknown(granularity)
    return format_value(shift(ctx.dct, unit, amount), granularity)


def _shift_by(day: dt.date, unit: str, amount: int) -> dt.date | None:
    """`day` moved by `amount` of a unit as the text counts it ("two fortnights", "several
    centuries"); None when that leaves the calendar (year 1 to 9999)."""
    factor = _UNIT_FACTOR.get(unit, 1)
    base = {"fortnight": "week", "decade": "year", "century": "year", "millennium": "year"}.get(unit, unit)
    try:
        return shift(day, base, amount * factor)
    except (ValueError, OverflowError):
        return None


def _unknown(granularity: str) -> str:
    """An underspecified value of a granularity, for relative dates without a publication date."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "half": "XXXX-HX",
        "season": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(granularity, "XXXX")


def _deictic(ctx: _Context, value: str, mod: str | None = None, type_: TimexType = "DATE") -> _Timex:
    """A value computed from the publication date."""
    anchor = ctx.dct.isoformat() if ctx.dct is not None else None
    return _Timex(type=type_, value=value, mod=mod, anchor="published", anchor_value=anchor)


def _granularity_of_unit(unit: str) -> str:
    return {"fortnight": "week", "millennium": "century"}.get(unit, unit)


def _valid_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# -- resolution of underspecified names -----------------------------------------------------


def _resolve_month(ctx: _Context, month: int, day: int | None, start: int, end: int) -> _Timex:
    """A month (or month and day) without a year, resolved against the DCT.

    News speaks of the recent past and the near future. A day is read as the coming one when it
    falls within four months after the DCT (schedules: "payable Jan. 2", "expires Nov. 21"), and
    as the last one before the DCT otherwise (on TempEval-3's TimeBank and AQUAINT this is right
    for 144 of 148 month-day dates). A bare month is the DCT's own month, the next month when
    the clause is not in the past tense, and otherwise the last one before the DCT unless the
    clause speaks of the future.
    """
    suffix = f"-{month:02d}" + (f"-{day:02d}" if day is not None else "")
    if ctx.dct is None:
        return _Timex(type="DATE", value="XXXX" + suffix)
    dct = ctx.dct
    if day is not None:
        if not 1 <= day <= 31:
            return _Timex(type="DATE", value="XXXX" + suffix)
        candidates = [y for y in (dct.year - 1, dct.year, dct.year + 1) if _valid_day(y, month, day)]
        if not candidates:
            return _Timex(type="DATE", value="XXXX" + suffix)
        past = [y for y in candidates if dt.date(y, month, day) <= dct]
        future = [y for y in candidates if dt.date(y, month, day) > dct]
        year = past[-1] if past else candidates[0]
        ended = _re(r"(?i)\b(?:ended|expired|closed|began|started)\s+$").search(
            ctx.text, max(0, start - 12), start
        )
        if future and ended is None:
            ahead = (dt.date(future[0], month, day) - dct).days
            if ahead <= _FUTURE_DAY_WINDOW or (ahead <= 330 and ctx.future(start, end)):
                year = future[0]
        return _deictic(ctx, f"{year:04d}{suffix}")
    ahead = (month - dct.month) % 12
    year = dct.year
    if ahead == 0:
        return _deictic(ctx, f"{year:04d}{suffix}")
    next_year = dct.year + (1 if month < dct.month else 0)
    last_year = dct.year - (1 if month > dct.month else 0)
    # Within a few months ahead, a clause in the present is a timetable ("the case is heard in
    # May", "the deal closes in January").
    year = (
        next_year
        if ahead == 1
        or ctx.future(start, end)
        or _deadline(ctx, start, end, "month")
        # "through January" is a limit ahead too, but also a range's end ("this year through August").
        or (ahead <= _MONTHS_AHEAD_PRESENT and _deadline(ctx, start, end, "through"))
        or (ahead <= _MONTHS_AHEAD_PRESENT and ctx.not_past(start, end))
        else last_year
    )
    return _deictic(ctx, f"{year:04d}{suffix}")


def _deadline(ctx: _Context, start: int, end: int, kind: str) -> bool:
    """ "by February", "until Tuesday": a limit ahead, unless the clause is in the past perfect
    ("until Thursday they had not...")."""
    limit = _DEADLINE[kind].search(ctx.text, max(0, start - 30), start)
    if limit is None:
        return False
    # The verb governing the limit is near it: "they had until Tuesday", "until Thursday they
    # had not"; a "had" further back belongs to another verb ("the sale, which had been
    # expected, is part of a program to pay down debt by February").
    clause_start, clause_end = ctx.clause(start, end)
    return _re(r"(?i)\bhad\b").search(ctx.text, max(clause_start, limit.start() - 24), clause_end) is None


#: Months after the DCT within which a bare month in a present-tense clause is the coming one.
_MONTHS_AHEAD_PRESENT = 4
#: Days after the DCT within which a month-day date without a year is read as the coming one.
_FUTURE_DAY_WINDOW = 120


def _resolve_weekday(
    ctx: _Context, weekday: int, relation: str | None, start: int, end: int
) -> tuple[str, str]:
    """The day a weekday name refers to (value, anchor) — see DESIGN.md §6."""
    if ctx.dct is None:
        return f"XXXX-WXX-{weekday}", ""
    dct = ctx.dct
    today = dct.isoweekday()
    relation = (relation or "").lower().split()[-1] if relation else ""
    if relation in ("previous", "preceding"):
        # "the previous Friday": the one before the last day mentioned (or before publication).
        mention = ctx.previous(start, within=1500)
        base = (
            dt.date.fromisoformat(mention.value[:10])
            if mention is not None and mention.granularity == "day"
            else dct
        )
        back = (base.isoweekday() - weekday - 1) % 7 + 1
        day = base - dt.timedelta(days=back)
    elif relation in ("last", "past"):
        back = (today - weekday - 1) % 7 + 1
        day = dct - dt.timedelta(days=back)
    elif relation in ("next", "coming"):
        ahead = (weekday - today - 1) % 7 + 1
        day = dct + dt.timedelta(days=ahead)
    else:
        back = (today - weekday) % 7
        day = dct - dt.timedelta(days=back)
        if back and (_deadline(ctx, start, end, "weekday") or ctx.future(start, end)):
            day += dt.timedelta(days=7)
    return day.isoformat(), dct.isoformat()


# -- rules: absolute dates ------------------------------------------------------------------


def _month_of(match: regex.Match[str]) -> int:
    return _MONTH_NUMBER[match.group("month").lower().rstrip(".")]


def _names_capitalised(ctx: _Context, match: regex.Match[str]) -> bool:
    return all(_capitalised(ctx, match, group) for group in ("month", "wd") if group in match.groupdict())


@_rule("date_mdy", r"(?:{WDABBR}\s*,?\s+)?{MONTH}\s+{DAY}\s*,?\s+{YEAR}", reverse=True)
def _date_mdy(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _names_capitalised(ctx, match):
        return None
    year, month, day = int(match["year"]), _month_of(match), int(match["day"])
    if not _valid_day(year, month, day):
        return None
    return _Timex(type="DATE", value=f"{year:04d}-{month:02d}-{day:02d}")


@_rule("date_dmy", r"(?:{WDABBR}\s*,?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}\s*,?\s+{YEAR}", reverse=True)
def _date_dmy(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    return _date_mdy(match, ctx)


@_rule(
    "date_iso",
    r"{YEAR}-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)(?:[T\s](?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d)(?::[0-5]\d)?)?",
)
def _date_iso(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    year, month, day = int(match["year"]), int(match["mm"]), int(match["dd"])
    if not _valid_day(year, month, day):
        return None
    value = f"{year:04d}-{month:02d}-{day:02d}"
    if match["hh"]:
        return _Timex(type="TIME", value=f"{value}T{match['hh']}:{match['mi']}")
    return _Timex(type="DATE", value=value)


@_rule(
    "date_numeric", r"(?P<a>[0-3]?\d)(?P<sep>[/.])(?P<b>[0-3]?\d)(?P=sep)(?P<y>(?:19|20)\d\d|\d\d)(?![./]\d)"
)
def _date_numeric(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    first, second = int(match["a"]), int(match["b"])
    year = int(match["y"])
    if year < 100:
        if match["sep"] == ".":
            return None  # "1.2.3" is a version number, not a date
        pivot = (ctx.dct.year % 100 + 10) if ctx.dct else 30
        year += 2000 if year <= pivot else 1900
    # Dots are day-first (European); slashes are month-first (US) unless that is impossible.
    if match["sep"] == "." or first > 12:
        day, month = first, second
    else:
        month, day = first, second
    if not _valid_day(year, month, day):
        return None
    return _Timex(type="DATE", value=f"{year:04d}-{month:02d}-{day:02d}")


@_rule(
    "month_day", r"(?:{WDABBR}\s*,?\s+)?{MONTH}\s+{DAY}(?!\s*(?:%|percent|per\s*cent|[.,:]\d))", reverse=True
)
def _month_day(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _names_capitalised(ctx, match):
        return None
    day = int(match["day"])
    if not 1 <= day <= 31:
        return None
    month = _month_of(match)
    if match["month"].lower() == "may" and not match["wd"] and _modal_may(match, ctx):
        return None
    return _resolve_month(ctx, month, day, match.start(), match.end())


@_rule("day_month", r"(?:{WDABBR}\s*,?\s+)?(?:the\s+)?{DAY}\s+(?:of\s+)?{MONTH}", reverse=True)
def _day_month(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _names_capitalised(ctx, match):
        return None
    day = int(match["day"])
    if not 1 <= day <= 31:
        return None
    if match["month"].lower().rstrip(".") == "may" and not match.group(0).lower().startswith("the"):
        # "the 10 May" is rare; "10 May be" is an error — keep May only when clearly a date
        following = ctx.text[match.end() : match.end() + 12]
        if _re(r"\s+(?:be|have|not|also|well|still|never|soon)\b").match(following):
            return None
    return _resolve_month(ctx, _month_of(match), day, match.start(), match.end())


@_rule("month_year", r"(?:{PART}[\s-]*)?{MONTH}\s*,?\s+(?:of\s+)?{YEAR}", reverse=True)
def _month_year(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _names_capitalised(ctx, match):
        return None
    return _Timex(
        type="DATE", value=f"{int(match['year']):04d}-{_month_of(match):02d}", mod=_mod_of_part(match["part"])
    )


@_rule("week_of", r"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:\s*,?\s+{YEAR})?", reverse=True)
def _week_of(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """ "the week of March 6": the week holding that day, one expression (TimeML)."""
    if not _names_capitalised(ctx, match):
        return None
    month, day = _month_of(match), int(match["day"])
    if match["year"]:
        year = int(match["year"])
        if not _valid_day(year, month, day):
            return None
        return _Timex(type="DATE", value=format_value(dt.date(year, month, day), "week"))
    timex = _resolve_month(ctx, month, day, match.start(), match.end())
    if "X" in timex.value:
        return attrs.evolve(timex, value=timex.value[:4] + "-WXX")
    return attrs.evolve(timex, value=format_value(dt.date.fromisoformat(timex.value), "week"))


# A second day of the same month: "on April 24 and 25" (TimeML marks "25" on its own). The
# finding is the group "core" only; the rest of the match is its context.
@_rule(
    "second_day",
    r"(?P<month>{MONTHFULL}|{MONTHABBR})\s+(?P<day1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:and|or|to)\s+"
    r"(?P<core>(?P<day>[0-3]?\d)(?:st|nd|rd|th)?)(?!\d|\s*(?:%|percent|per\s*cent|[.,:]\d))(?!\s+{MONTH})",
    reverse=True,
)
def _second_day(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _capitalised(ctx, match, "month"):
        return None
    day = int(match["day"])
    if not int(match["day1"]) < day <= 31:
        return None
    return _resolve_month(ctx, _month_of(match), day, match.start("core"), match.end("core"))


# A bare month name is a date only in a temporal frame: a preposition before it, a part word,
# or a capital that is not the first word of a sentence followed by another capitalised name.
# A bare month name is a date in a temporal frame: a preposition or part word before it.
# Strong frames settle it ("in May", "since March"); weak ones ("and May", "to March") leave
# the modal and the verb readings open.
_MONTH_FRAME = regex.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|through|during|before|after|early|late|mid|last|this|next"
    r"|between|throughout|past|each|every|end|beginning|middle|start|late|early|around)\s+|mid-)$",
    regex.IGNORECASE,
)
_WEAK_MONTH_FRAME = regex.compile(r"(?:\b(?:and|or|to|about|than|on)\s+|,\s*)$", regex.IGNORECASE)


def _modal_may(match: regex.Match[str], ctx: _Context) -> bool:
    """Is this "May" the modal verb? ("Talks May Resume", "It may be")."""
    following = ctx.text[match.end("month") : match.end("month") + 16]
    return bool(_re(r"\s+(?:be|have|not|also|well|still|never|soon|yet|[a-z]+)\b").match(following)) and not (
        _re(r"\s+(?:\d|of\b|and\b|or\b|to\b|through\b|when\b)").match(following)
    )


@_rule(
    "month",
    r"(?:{PART}[\s-]*|(?P<rel>last|this|next|this\s+past|this\s+coming|past|coming)\s+)?(?P<month>{MONTHFULL})"
    r"(?:\s+(?P<yrel>this|last|next)\s+year)?",
    reverse=True,
)
def _month(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _capitalised(ctx, match, "month"):
        return None
    name = match["month"].lower()
    before = ctx.text[max(0, match.start() - 20) : match.start()]
    following = ctx.text[match.end() : match.end() + 30]
    strong = bool(match["part"] or match["rel"] or match["yrel"] or _MONTH_FRAME.search(before))
    # "the March accession", "the May elections": a month as a modifier of a noun.
    if not strong and _re(r"(?i)\bthe\s+$").search(before):
        strong = bool(
            _re(r"\s+[a-z]+\b(?<!\bon|\bto|\bof|\bfor|\bin|\bat|\band|\bor|\bwas|\bis)").match(following)
        )
    if not strong:
        weak = bool(_WEAK_MONTH_FRAME.search(before))
        if name == "march" or (name == "may" and (not weak or _modal_may(match, ctx))):
            return None  # the verb "march", the modal "may"
        # "April Smith", "the June Bug": a following capitalised word makes it a name.
        if _re(r"\s+[A-Z][a-z]").match(following):
            return None
    month = _month_of(match)
    mod = _mod_of_part(match["part"])
    if match["yrel"] or match["rel"]:
        if ctx.dct is None:
            return _Timex(type="DATE", value=f"XXXX-{month:02d}", mod=mod)
        relation = (match["yrel"] or match["rel"]).lower().split()[-1]
        year = ctx.dct.year
        if match["yrel"]:
            year += {"this": 0, "last": -1, "next": 1}[relation]
        elif relation in ("last", "past"):
            year -= 1 if month >= ctx.dct.month else 0
        elif relation in ("next", "coming"):
            year += 1 if month <= ctx.dct.month else 0
        return _deictic(ctx, f"{year:04d}-{month:02d}", mod)
    timex = _resolve_month(ctx, month, None, match.start(), match.end())
    return attrs.evolve(timex, mod=mod)


# Years: a four-digit number is a year unless its context makes it a quantity.
_YEAR_NOT_AFTER = regex.compile(
    r"(?:[$£€¥#№]|\bNo\.?|\bnumber|\bflight|\broute|\broom|\bpage|\bp\.|\bmodel|\bBoeing|\bAirbus|\bcode"
    r"|\bcall|\bextension|\bext\.|\bchapter|\bsection|\bline|\bunit|\bbus|\btrain|\bversion|\bwindows"
    r"|\bat\s+least|\bmore\s+than|\bnearly|\babout|\babove|\bbelow|\bover|\bunder|\bsome|\bup\s+to)\s*$",
    regex.IGNORECASE,
)
# A model year names a vehicle, not a time: a determiner or possessive, the year, then the make.
_VEHICLE_MAKE_AFTER = regex.compile(
    r"\s+(?:Toyota|Honda|Ford|Chevrolet|Chevy|Nissan|Dodge|Jeep|Buick|Cadillac|Lincoln|Chrysler|GMC|Pontiac"
    r"|Mercury|Hyundai|Kia|BMW|Mercedes(?:-Benz)?|Audi|Volkswagen|VW|Subaru|Mazda|Mitsubishi|Lexus|Acura"
    r"|Infiniti|Volvo|Saturn|Oldsmobile|Plymouth|Tesla|Ram|Harley-Davidson|Harley|Yamaha|Suzuki|Kawasaki"
    r"|Land\s+Rover|Range\s+Rover|Jaguar|Porsche|Mini|Fiat|Scion|Isuzu|Peugeot|Renault|Citroen|Opel|Skoda)\b"
)
_OWNER_BEFORE = regex.compile(
    r"\b(?:a|an|the|his|her|their|its|my|our|your|[\w’']+['’]s)\s+$", regex.IGNORECASE
)
_YEAR_NOT_BEFORE = regex.compile(
    r"\s*(?:%|percent|per\s*cent|(?:km|mi|kg|lb|ft|m|cm|mm|mph|hp|cc|kW|MW|GW|b/d)\b|[-–]\s*(?:\d|[a-z]))"
    r"|\s+(?:people|persons|men|women|children|troops|soldiers|civilians|refugees|migrants|residents"
    r"|dollars|euros|pounds|yen|shares|barrels|tons|tonnes|miles|kilometers|kilometres|meters|metres|feet"
    r"|points|votes|jobs|workers|employees|members|students|cases|deaths|units|cars|homes|houses|acres"
    r"|hectares|calories|words|pages|times|copies|seats|rounds|rockets|missiles|vehicles|cattle|sheep"
    r"|and\s+\d{2,}\s+(?:people|troops|soldiers))\b",
    regex.IGNORECASE,
)


@_rule(
    "year",
    r"(?:(?P<fiscal>fiscal(?:\s+year)?|FY|the\s+(?:calendar\s+|fiscal\s+)?year|calendar(?:\s+year)?)\s*"
    r"|{PART}[\s-]*|(?P<prepost>pre|post)-)?(?<![$£€¥#.,/])(?P<year>(?:1[0-9]|20)\d\d)(?!\d|[.,/]\d)",
    reverse=True,
)
def _year(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    year = int(match["year"])
    before = ctx.text[max(0, match.start() - 24) : match.start()]
    after = ctx.text[match.end() : match.end() + 24]
    if _YEAR_NOT_BEFORE.match(after) or _YEAR_NOT_AFTER.search(before):
        return None
    if _VEHICLE_MAKE_AFTER.match(after) and _OWNER_BEFORE.search(before):
        return None  # "his 1995 Lincoln Continental", "a 2004 Buick": a model year (not "in 1974 Ford ...")
    if not (1900 <= year <= 2099) and not (match["fiscal"] or match["part"] or _MONTH_FRAME.search(before)):
        return None
    if match["part"] and "half" in match["part"].lower():
        return None  # "the first half of 1989" is a half-year (1989-H1), the quarter rule's
    mod = _mod_of_part(match["part"])
    if match["prepost"]:
        mod = "BEFORE" if match["prepost"].lower() == "pre" else "AFTER"
    return _Timex(type="DATE", value=f"{year:04d}", mod=mod)


@_rule(
    "decade",
    r"(?:the\s+)?(?:{PART}[\s-]*(?:the\s+)?)?(?:(?P<dec>(?:1[0-9]|20)\d)0['’]?s|['’](?P<dec2>\d)0['’]?s"
    r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
)
def _decade(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if match["decw"]:
        # "in his forties" is an age: a word decade needs "the" and no possessive before it.
        if not match.group(0).lower().startswith("the"):
            return None
        value = "19" + str(_DECADE_WORDS[match["decw"].lower()])
    elif match["dec2"]:
        digit = int(match["dec2"])
        current = (ctx.dct.year if ctx.dct else 2000) % 100 // 10
        value = ("20" if digit <= current and digit < 3 else "19") + str(digit)
    else:
        value = match["dec"]
    return _Timex(type="DATE", value=value, mod=_mod_of_part(match["part"]))


@_rule(
    "century",
    r"(?:the\s+)?(?:{PART}[\s-]*(?:the\s+)?)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth"
    r"|nineteenth|twentieth|twenty-first|twenty\s+first)[\s-]+century",
)
def _century(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    word = match["ord"].lower().replace(" ", "-")
    number = 21 if word == "twenty-first" else _ORDINALS.get(word)
    if number is None:
        digits = _re(r"\d+").match(word)
        number = int(digits.group()) if digits else None
    if not number:
        return None
    return _Timex(type="DATE", value=f"{number - 1:02d}", mod=_mod_of_part(match["part"]))


# -- rules: weekdays, named days, parts of days ------------------------------------------------


@_rule(
    "weekday",
    r"(?:(?:the\s+)?(?P<rel>last|this|next|this\s+past|this\s+coming|coming|past|previous|preceding)\s+"
    r"|{PART}\s+)?{WD}(?:\s+(?:{POD}|(?P<noon>noon|midnight)))?",
    reverse=True,
)
def _weekday(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _capitalised(ctx, match, "wd"):
        return None
    weekday = _WEEKDAY_NUMBER[match["wd"].lower()]
    value, anchor = _resolve_weekday(ctx, weekday, match["rel"], match.start(), match.end())
    mod = _mod_of_part(match["part"])
    timex_type: TimexType = "DATE"
    if match["pod"]:
        value += "T" + _PART_OF_DAY[match["pod"].lower()]
        timex_type = "TIME"
    elif match["noon"]:
        value += "T12:00" if match["noon"].lower() == "noon" else "T24:00"
        timex_type = "TIME"
    if not anchor:
        return _Timex(type=timex_type, value=value, mod=mod)
    return _Timex(type=timex_type, value=value, mod=mod, anchor="published", anchor_value=anchor)


@_rule("weekday_plural", r"(?:(?:every|each)\s+)?(?P<wd>{WDNAME})s(?:\s+{POD}s?)?", reverse=True)
def _weekday_plural(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _capitalised(ctx, match, "wd"):
        return None
    value = f"XXXX-WXX-{_WEEKDAY_NUMBER[match['wd'].lower()]}"
    if match["pod"]:
        value += "T" + _PART_OF_DAY[match["pod"].lower()]
    return _Timex(type="SET", value=value)


# "today's" before a noun that no single day has: the present in general (TimeML: PRESENT_REF).
_TODAY_GENERIC = regex.compile(
    r"['’]s\s+(?:[a-z]+\s+)?(?:world|youth|society|generations?|young|children|kids|teenagers|students"
    r"|standards|technology|technologies|computers|consumers|families|politics|culture|economy)\b",
    regex.IGNORECASE,
)
_NAMED_DAY_OFFSET = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0}


@_rule(
    "named_day",
    r"(?:{PART}\s+)?(?:the\s+day\s+(?P<rel>before|after)\s+)?(?P<nd>yesterday|today|tomorrow|tonight)"
    r"(?:\s+{POD})?",
)
def _named_day(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    name = match["nd"].lower()
    if _capitalised(ctx, match, "nd") and _re(r"[A-Z]\w*\s+$").search(
        ctx.text[max(0, match.start() - 20) : match.start()]
    ):
        return None  # a name: "VOA Today", "USA Today"
    if name == "today" and not match["pod"] and _TODAY_GENERIC.match(ctx.text, match.end()):
        return _deictic(ctx, "PRESENT_REF")  # "today's youth": nowadays, not the publication day
    offset = _NAMED_DAY_OFFSET[name]
    if match["rel"]:
        offset += -1 if match["rel"].lower() == "before" else 1
    mod = _mod_of_part(match["part"])
    pod = match["pod"] or ("night" if name == "tonight" else None)
    value = _dct_value(ctx, "day", "day", offset)
    if pod:
        return _deictic(ctx, value + "T" + _PART_OF_DAY[pod.lower()], mod, "TIME")
    return _deictic(ctx, value, mod)


@_rule("part_of_day", r"(?:{PART}[\s-]*)?(?P<rel>this|last|the)\s+{POD}")
def _part_of_day(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    relation = match["rel"].lower()
    pod = match["pod"].lower()
    if relation == "the":
        # "placed orders in the morning": the morning of the day just mentioned, if any.
        before = ctx.text[max(0, match.start() - 16) : match.start()]
        previous = ctx.previous(match.start(), within=300)
        if (
            match["part"]
            or pod in ("night", "overnight")
            or not _re(r"(?i)\b(?:in|during)\s+$").search(before)
            or previous is None
            or previous.granularity != "day"
        ):
            return None
        value = previous.value[:10] + "T" + _PART_OF_DAY[pod]
        return _Timex(type="TIME", value=value, anchor="previous", anchor_value=previous.value)
    offset = -1 if relation == "last" and pod in ("night", "overnight") else 0
    if relation == "last" and pod != "night":
        return None
    value = _dct_value(ctx, "day", "day", offset) + "T" + _PART_OF_DAY[pod]
    return _deictic(ctx, value, _mod_of_part(match["part"]), "TIME")


@_rule(
    "clock",
    r"(?:{APPROX}\s+)?(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*{AMPM}|(?P<h24>[01]?\d|2[0-3])"
    r"(?P<sep>:)(?P<mi24>[0-5]\d)(?![\d:]|\.\d)|(?P<hdot>[01]?\d|2[0-3])\.(?P<midot>[0-5]\d)(?=\s*{TZ})"
    r"|(?P<noon>noon|midnight|midday))(?:\s*\(?{TZ}\)?)?"
    r"(?:\s*,?\s+(?:on\s+)?(?:{WD}|(?P<nd>yesterday|today|tomorrow)|{MONTH}\s+{DAY}))?",
)
def _clock(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if match["wd"] and not _capitalised(ctx, match, "wd"):
        return None
    if match["month"] and not _capitalised(ctx, match, "month"):
        return None
    if match["noon"]:
        if (
            _capitalised(ctx, match, "noon")
            or ctx.text[max(0, match.start() - 5) : match.start()].lower() == "high "
        ):
            return None  # "High Noon", "high noon": a film and an idiom
        clock = "12:00" if match["noon"].lower() in ("noon", "midday") else "24:00"
    elif match["h24"] is not None:
        clock = f"{int(match['h24']):02d}:{match['mi24']}"
    elif match["hdot"] is not None:
        clock = f"{int(match['hdot']):02d}:{match['midot']}"
    else:
        hour = int(match["h"])
        if not 1 <= hour <= 12:
            return None
        if match["ampm"].lower().startswith("p") and hour != 12:
            hour += 12
        elif match["ampm"].lower().startswith("a") and hour == 12:
            hour = 0
        clock = f"{hour:02d}:{match['mi'] or '00'}"
    return _clock_time(match, ctx, clock)


def _clock_time(match: regex.Match[str], ctx: _Context, clock: str) -> _Timex:
    """A clock time on the day the match names, else on the last day mentioned (within 400
    characters), else on the publication date."""
    groups = match.groupdict()
    if groups.get("wd"):
        day, _ = _resolve_weekday(ctx, _WEEKDAY_NUMBER[match["wd"].lower()], None, match.start(), match.end())
    elif groups.get("nd"):
        day = _dct_value(ctx, "day", "day", _NAMED_DAY_OFFSET[match["nd"].lower()])
    elif groups.get("month"):
        day = _resolve_month(ctx, _month_of(match), int(match["day"]), match.start(), match.end()).value
    else:
        previous = ctx.previous(match.start(), within=400)
        if previous is not None and previous.granularity == "day":
            day = previous.value[:10]
        else:
            day = _dct_value(ctx, "day")
    return _Timex(
        type="TIME",
        value=f"{day}T{clock}",
        mod=_approx_mod(match["approx"], "point"),
        anchor="published" if ctx.dct is not None else None,
        anchor_value=ctx.dct.isoformat() if ctx.dct else None,
    )


@_rule(
    "clock_words",
    r"(?:{APPROX}\s+)?(?P<h>[1-9]|1[0-2])(?:\s+o['’]clock)?\s+in\s+the\s+(?P<when>morning|afternoon|evening)"
    r"(?:\s*,?\s+(?:on\s+)?(?:{WD}|(?P<nd>yesterday|today|tomorrow)))?",
)
def _clock_words(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """ "4 in the morning", "six o'clock in the evening" (digits only: "one in the morning" is
    too often a count)."""
    if match["wd"] and not _capitalised(ctx, match, "wd"):
        return None
    hour = int(match["h"])
    if match["when"].lower() != "morning" and hour < 12:
        hour += 12
    elif match["when"].lower() == "morning" and hour == 12:
        hour = 0
    return _clock_time(match, ctx, f"{hour:02d}:00")


# -- rules: relative to the publication date ------------------------------------------------


_RELATION_OFFSET = {
    "last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "present": 0,
    "next": 1, "coming": 1, "following": 1, "same": 0, "this past": -1, "this coming": 1,
}  # fmt: skip


@_rule(
    "relative_unit",
    r"(?:{PART}[\s-]*)?(?:the\s+)?(?P<rel>last|past|previous|prior|this\s+past|this\s+coming|this|current"
    r"|present|next|coming|following|same)\s+(?:fiscal\s+|calendar\s+)?"
    r"(?P<unit>week|weekend|month|quarter|year|decade|century|half)(?:\s+or\s+so)?",
    reverse=True,
)
def _relative_unit(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    unit = match["unit"].lower()
    relation = " ".join(match["rel"].lower().split())
    if match["part"] and "half" in match["part"].lower() and unit == "year":
        return None  # "the second half of this year" is a half-year, the quarter rule's
    if _capitalised(ctx, match, "unit") and _capitalised(ctx, match, "rel"):
        before = ctx.text[max(0, match.start() - 3) : match.start()]
        if before.strip() not in ("", ".", "?", "!", '"', "“"):
            return None  # a title: ABC's "This Week"
    offset = _RELATION_OFFSET[relation]
    mod = _mod_of_part(match["part"])
    if match.group(0).lower().endswith("or so"):
        mod = "APPROX"
    granularity = unit
    if relation in ("following", "same"):
        # Anaphoric: one unit after (or the same unit as) the last date mentioned.
        previous = ctx.previous(match.start())
        if previous is not None:
            interval = interval_of(previous.value)
            if interval is not None:
                value = format_value(shift(interval[0], unit, offset), granularity)
                return _Timex(
                    type="DATE", value=value, mod=mod, anchor="previous", anchor_value=previous.value
                )
    if (
        relation in ("past", "last")
        and unit in ("decade", "century")
        and match.group(0).lower().startswith("the")
    ):
        return _Timex(
            type="DURATION", value="P10Y" if unit == "decade" else "P100Y", mod=mod, granularity=unit
        )
    if unit == "quarter" and relation in ("last", "past", "previous", "prior"):
        return _deictic(ctx, _dct_value(ctx, "quarter", "quarter", -1), mod)
    return _deictic(ctx, _dct_value(ctx, granularity, unit, offset), mod)


@_rule(
    "part_of_relative",
    r"(?P<part>early|earlier|mid|middle|late|later)[\s-]+(?:in\s+)?(?P<rel>this|last|next|the)\s+"
    r"(?P<unit>week|month|year|quarter|decade|century)",
)
def _part_of_relative(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    relation = match["rel"].lower()
    unit = match["unit"].lower()
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}[relation]
    return _deictic(ctx, _dct_value(ctx, unit, unit, offset), _mod_of_part(match["part"]))


@_rule(
    "period_edge",
    r"(?:the\s+)?(?:(?P<part>beginning|start|middle|end|close|turn)\s+of\s+(?P<rel>the|this|last|next)\s+"
    r"(?P<unit>week|month|year|quarter|decade|century)|(?P<unit2>year|month|quarter)(?:['’]s)?[\s-]end)",
    reverse=True,
)
def _period_edge(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if match["unit2"]:
        unit = match["unit2"].lower()
        return _deictic(ctx, _dct_value(ctx, unit, unit, 0), "END")
    relation = match["rel"].lower()
    unit = match["unit"].lower()
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}[relation]
    part = match["part"].lower()
    mod = "START" if part == "turn" else _mod_of_part(part)
    return _deictic(ctx, _dct_value(ctx, unit, unit, offset), mod)


@_rule(
    "ago",
    r"(?:(?:{APPROX}\s+)?(?:{VAGUE}|{NUM})[\s-]+(?:more\s+|full\s+|long\s+)?{UNIT}(?:\s+or\s+so)?"
    r"|(?P<bare>(?:just\s+)?(?:minute|hour|day|week|month|year|decade)s))\s+"
    r"(?:(?P<dir>ago|earlier|later|previously|from\s+now|hence|back)|(?P<dir2>before|after)(?=\s*[,.;:!?)]|\s*$))"
    r"(?![\w-])",
    reverse=True,
)
def _ago(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    unit = match["bare"].split()[-1][:-1] if match["bare"] else _unit(match)
    if unit in _TIME_UNITS:
        return None  # "two hours later": the clock time is rarely recoverable
    direction = (match["dir"] or match["dir2"]).lower()
    sign = -1 if direction in ("ago", "earlier", "previously", "before", "back") else 1
    mod = _approx_mod(match["approx"], "point")
    if match.group(0).lower().split()[-2:-1] == ["so"]:
        mod = "APPROX"
    granularity = _granularity_of_unit(unit)
    if granularity == "millennium":
        granularity = "century"
    if match["vague"] or match["bare"]:
        vague = " ".join((match["vague"] or "several").lower().split())
        low, high = _VAGUE_AMOUNT.get(vague, (2, 9))
        previous = ctx.previous(match.start()) if direction not in ("ago", "from now", "hence") else None
        if previous is not None:
            interval = interval_of(previous.value)
            if interval is not None:
                near, far = (low, high) if sign > 0 else (-high, -low)
                first, last = _shift_by(interval[0], unit, near), _shift_by(interval[1], unit, far)
                if first is not None and last is not None:
                    return _Timex(
                        type="DATE",
                        value=previous.value,
                        mod="AFTER" if sign > 0 else "BEFORE",
                        anchor="previous",
                        anchor_value=previous.value,
                        interval=(first, last),
                        granularity=previous.granularity,
                    )
        return _deictic(ctx, "PAST_REF" if sign < 0 else "FUTURE_REF")
    amount = _number(match["num"])
    if amount is None or amount != int(amount):
        return None
    count = int(amount)
    if unit in ("decade", "century", "millennium"):
        # "a decade ago" is a year (1989 from 1999), counted in years.
        granularity = "year"
    # Financial news compares quarters: "$10 million a year ago" after "the third quarter" is
    # the third quarter of the year before.
    if unit == "year" and count == 1 and sign < 0 and not mod and ctx.topic_period(match.start()) is not None:
        return _quarter_relative(ctx, match.start(), -1)
    base = ctx.dct
    previous = None
    if direction not in ("ago", "from now", "hence", "back"):
        previous = ctx.previous(match.start(), primary=True)
        interval = interval_of(previous.value) if previous is not None else None
        if previous is not None and interval is not None:
            base = interval[0]
            # Financial news compares quarters: "a year earlier" after "the third quarter" is
            # the same quarter a year before.
            if (
                previous.granularity in ("quarter", "half", "month")
                and granularity not in ("day", "week")
                and not (granularity == "month" and previous.granularity != "month")
            ):
                granularity = previous.granularity
        else:
            previous = None
    if base is None:
        return _deictic(ctx, _unknown(granularity), mod)
    day = _shift_by(base, unit, sign * count)
    if day is None:  # "900 centuries ago": before year 1
        return _deictic(ctx, "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if previous is not None:
        value = format_value(day, granularity)
        return _Timex(type="DATE", value=value, mod=mod, anchor="previous", anchor_value=previous.value)
    return _deictic(ctx, format_value(day, granularity), mod)


@_rule(
    "year_ago_adjective",
    r"(?:the\s+)?(?:comparable\s+)?(?P<adj>year-earlier|year-ago|year-before|prior-year)",
)
def _year_ago_adjective(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    return _quarter_relative(ctx, match.start(), -1)


def _quarter_relative(ctx: _Context, start: int, years: int) -> _Timex:
    """The reporting period `years` before the one the text is about ("the year-ago quarter")."""
    previous = ctx.topic_period(start)
    if previous is not None:
        interval = interval_of(previous.value)
        if interval is not None:
            value = format_value(shift(interval[0], "year", years), previous.granularity)
            return _Timex(type="DATE", value=value, anchor="previous", anchor_value=previous.value)
    return _deictic(ctx, _dct_value(ctx, "year", "year", years))


# -- rules: quarters, halves, seasons, fiscal years -------------------------------------------


@_rule(
    "quarter",
    r"(?:(?P<poss>this|last|next)\s+year['’]s\s+|the\s+)?(?:(?P<adj>year-earlier|year-ago|comparable|same|latest"
    r"|current|fiscal|calendar|previous|prior|recent|just-ended|just\s+ended|year-before)[\s-]+){0,2}"
    r"(?:{YEAR}\s+)?(?:fiscal\s+)?"
    r"(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last|latter)[\s-]+(?:fiscal[\s-]+)?"
    r"(?P<q>quarter|half)(?P<plural>s)?"
    r"(?:\s+of\s+(?:fiscal\s+|calendar\s+)?(?:(?P<year2>(?:1[0-9]|20)\d\d)(?!\d)|(?P<yrel>this|last|next)\s+year"
    r"|the\s+(?P<yrel2>current|previous|same|next)\s+(?:fiscal\s+)?year|the\s+(?:fiscal\s+)?year))?",
    reverse=True,
)
def _quarter(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    kind = "Q" if match["q"].lower() == "quarter" else "H"
    ordinal = match["ord"].lower()
    count = 4 if kind == "Q" else 2
    number = count if ordinal in ("final", "last", "latter") else _ORDINALS.get(ordinal)
    if number is None or number > count:
        return None
    adjectives = {a.lower() for a in match.captures("adj")}
    year_text = match["year"] or match["year2"]
    if ordinal in ("last", "latter") and not (year_text or match["yrel"] or match["yrel2"] or match["poss"]):
        return None  # "the last quarter" alone is the one before this one
    if match["plural"]:
        if year_text:
            return None
        return _Timex(type="SET", value=f"XXXX-{kind}{number}")
    if year_text:
        return _Timex(type="DATE", value=f"{year_text}-{kind}{number}")
    relation = (match["yrel"] or match["yrel2"] or match["poss"] or "").lower()
    if ctx.dct is None:
        return _Timex(type="DATE", value=f"XXXX-{kind}{number}")
    year = ctx.dct.year + {"last": -1, "previous": -1, "next": 1}.get(relation, 0)
    first_month = (number - 1) * (12 // count) + 1
    if not relation and first_month > ctx.dct.month and not ctx.future(match.start(), match.end()):
        year -= 1  # a quarter that has not begun yet is last year's, unless the clause looks ahead
    if adjectives & {"year-earlier", "year-ago", "year-before"}:
        year -= 1
    return _deictic(ctx, f"{year:04d}-{kind}{number}")


@_rule(
    "quarter_anaphoric",
    r"(?:(?P<poss>this|last|next)\s+year['’]s\s+|the\s+)(?:(?P<adj>latest|current|previous|prior|same|comparable"
    r"|corresponding|year-earlier|year-ago|just-ended|just\s+ended|recent|most\s+recent|fiscal)\s+){0,2}"
    r"(?P<q>quarter|period)(?:\s+(?P<trail>a\s+year\s+(?:ago|earlier|before)|(?:of\s+)?last\s+year))?",
)
def _quarter_anaphoric(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    adjectives = {" ".join(a.lower().split()) for a in match.captures("adj")}
    possessive = (match["poss"] or "").lower()
    if (
        match["q"].lower() == "period"
        and not match["trail"]
        and not possessive
        and not adjectives & {"latest", "year-earlier", "year-ago", "comparable", "corresponding", "same"}
    ):
        return None
    if adjectives & {"year-earlier", "year-ago"} or match["trail"] or possessive == "last":
        return _quarter_relative(ctx, match.start(), -1)
    if "current" in adjectives or possessive == "this":
        return _deictic(ctx, _dct_value(ctx, "quarter", "quarter", 0))
    if possessive == "next":
        return _deictic(ctx, _dct_value(ctx, "quarter", "quarter", 1))
    if adjectives & {"latest", "most recent", "just-ended", "just ended"}:
        # The quarter a company reports on is the last one that ended before publication.
        return _deictic(ctx, _dct_value(ctx, "quarter", "quarter", -1))
    if adjectives & {"previous", "prior"}:
        previous = ctx.previous(match.start())
        if previous is not None and previous.granularity == "quarter":
            interval = interval_of(previous.value)
            if interval is not None:
                value = format_value(shift(interval[0], "quarter", -1), "quarter")
                return _Timex(type="DATE", value=value, anchor="previous", anchor_value=previous.value)
        return _deictic(ctx, _dct_value(ctx, "quarter", "quarter", -1))
    previous = ctx.previous(match.start(), primary=True)
    if previous is not None and previous.granularity == "quarter":
        return _Timex(type="DATE", value=previous.value, anchor="previous", anchor_value=previous.value)
    # The quarter a company reports on is the last one that ended before publication.
    return _deictic(ctx, _dct_value(ctx, "quarter", "quarter", -1))


@_rule("year_period", r"the\s+{YEAR}\s+(?P<q>period|quarter)", reverse=True)
def _year_period(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """ "the 1988 period" in a quarterly report: that year's edition of the quarter reported on."""
    topic = ctx.topic_period(match.start())
    if topic is None:
        return _Timex(type="DATE", value=match["year"]) if match["q"].lower() == "period" else None
    return _Timex(
        type="DATE", value=match["year"] + topic.value[4:], anchor="previous", anchor_value=topic.value
    )


@_rule(
    "quarter_code",
    r"(?:(?P<fy>FY|fiscal)\s*)?(?:Q(?P<qn>[1-4])|(?P<qn2>[1-4])Q|H(?P<hn>[12]))(?:\s*['’]?(?P<yy>\d\d)(?!\d)|\s+{YEAR}"
    r"|\s+of\s+{YEAR})?",
)
def _quarter_code(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if _original(ctx, match)[0] in "qh":
        return None  # lower-case q1/h1 are rarely periods
    kind, number = ("H", match["hn"]) if match["hn"] else ("Q", match["qn"] or match["qn2"])
    if match["year"]:
        return _Timex(type="DATE", value=f"{match['year']}-{kind}{number}")
    if match["yy"]:
        return _Timex(type="DATE", value=f"20{match['yy']}-{kind}{number}")
    if kind == "H" and not match["fy"]:
        return None  # "H1" alone is as often a virus or a road as a half-year
    if ctx.dct is None:
        return _Timex(type="DATE", value=f"XXXX-{kind}{number}")
    return _deictic(ctx, f"{ctx.dct.year:04d}-{kind}{number}")


@_rule(
    "season",
    r"(?:{PART}[\s-]*)?(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+|(?P<the>the)\s+)?"
    r"(?P<season>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<year>(?:1[0-9]|20)\d\d)(?!\d))?",
)
def _season(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    code = _SEASON[match["season"].lower()]
    mod = _mod_of_part(match["part"])
    if match["year"]:
        return _Timex(type="DATE", value=f"{match['year']}-{code}", mod=mod)
    before = ctx.text[max(0, match.start() - 20) : match.start()]
    after = ctx.text[match.end() : match.end() + 12]
    if not match["rel"]:
        framed = bool(match["part"]) or bool(
            _re(r"(?i)\b(?:in|during|by|since|until|over|through|for|this|last|next)\s+$").search(before)
        )
        if not framed or _re(r"\s+of\b").match(after):
            return None  # "the fall of Kabul", "a spring of water"
        if not match["the"] and not match["part"] and code in ("FA", "SP"):
            return None  # "in fall" is rare in news; "in spring" too often a noun
    if ctx.dct is None:
        return _Timex(type="DATE", value=f"XXXX-{code}", mod=mod)
    year = ctx.dct.year
    first = _SEASON_FIRST_MONTH[code]
    relation = (match["rel"] or "").lower().split()[-1] if match["rel"] else ""
    started = first <= ctx.dct.month or (code == "WI" and ctx.dct.month <= 2)
    season_year = year if not (code == "WI" and ctx.dct.month <= 2) else year - 1
    if relation in ("last", "past"):
        ended = (first + 3) <= ctx.dct.month if code != "WI" else ctx.dct.month >= 3 and ctx.dct.month < 12
        season_year = season_year if ended and relation else season_year - 1
    elif relation in ("next", "coming"):
        season_year = season_year + (1 if started else 0)
    elif not relation and not started and not ctx.future(match.start(), match.end()):
        season_year -= 1
    return _deictic(ctx, f"{season_year:04d}-{code}", mod)


@_rule(
    "fiscal_year",
    r"(?:the\s+)?(?:(?P<rel>current|last|next|previous|latest|coming|new|same|prior)\s+)?fiscal\s+year",
)
def _fiscal_year(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    relation = (match["rel"] or "current").lower()
    offset = {"last": -1, "previous": -1, "prior": -1, "next": 1, "coming": 1, "new": 1}.get(relation, 0)
    if relation == "latest":
        offset = -1
    return _deictic(ctx, _dct_value(ctx, "year", "year", offset))


@_rule("weekend", r"(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+|the\s+)weekend")
def _weekend(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if ctx.dct is None:
        return _Timex(type="DATE", value="XXXX-WXX-WE")
    relation = (match["rel"] or "").lower().split()[-1] if match["rel"] else ""
    dct = ctx.dct
    saturday_back = dct - dt.timedelta(days=(dct.isoweekday() - 6) % 7)
    if relation in ("last", "past"):
        day = saturday_back if saturday_back < dct else saturday_back - dt.timedelta(days=7)
    elif relation in ("next", "coming") or (not relation and ctx.future(match.start(), match.end())):
        day = (
            saturday_back + dt.timedelta(days=7)
            if saturday_back < dct - dt.timedelta(days=1)
            else saturday_back
        )
    elif relation == "this":
        day = saturday_back if dct.isoweekday() >= 6 else saturday_back + dt.timedelta(days=7)
    else:
        day = saturday_back
    return _deictic(ctx, format_value(day, "weekend"))


_HOLIDAYS = {
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25), "new year's eve": (12, 31),
    "new year's day": (1, 1), "new year": (1, 1), "halloween": (10, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "bastille day": (7, 14), "boxing day": (12, 26), "may day": (5, 1),
}  # fmt: skip


@_rule(
    "holiday",
    r"(?P<name>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]?s?(?:\s+(?:Eve|Day))?|Halloween|Valentine['’]?s\s+Day"
    r"|Independence\s+Day|Bastille\s+Day|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Labor\s+Day|Memorial\s+Day|Election\s+Day"
    r"|Easter(?:\s+Sunday|\s+Monday)?)(?:\s+{YEAR})?(?P<week>\s+week)?",
)
def _holiday(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if not _capitalised(ctx, match, "name"):
        return None
    name = " ".join(match["name"].lower().replace("’", "'").split())
    if name.startswith("new year") and not name.endswith(("day", "eve")):
        name = "new year"
    year_text = match["year"]
    after = ctx.text[match.end() : match.end() + 16]
    if name in ("christmas", "easter", "new year", "thanksgiving") and _re(
        r"\s+(?:tree|card|present|gift|shopping|party|message|address|Island|Islands|bonus|market|rising|offensive)"
    ).match(
        after,
    ):
        return None
    if year_text:
        year = int(year_text)
    elif ctx.dct is None:
        year = 0
    else:
        year = ctx.dct.year
    day = _holiday_day(name, year or 2000)
    if day is None:
        return None
    if (
        not year_text
        and ctx.dct is not None
        and (day - ctx.dct).days > 14
        and not ctx.future(match.start(), match.end())
    ):
        day = _holiday_day(name, year - 1) or day
    if not year_text and ctx.dct is None:
        return _Timex(
            type="DATE", value="XXXX-WXX" if match["week"] else f"XXXX-{day.month:02d}-{day.day:02d}"
        )
    value = format_value(day, "week") if match["week"] else day.isoformat()  # "Easter week"
    return _Timex(type="DATE", value=value, anchor=None if year_text else "published")


def _holiday_day(name: str, year: int) -> dt.date | None:
    if name in _HOLIDAYS:
        month, day = _HOLIDAYS[name]
        return dt.date(year, month, day)
    if name.startswith("thanksgiving"):
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if name == "labor day":
        first = dt.date(year, 9, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7)
    if name == "election day":  # US federal elections: the Tuesday after the first Monday of November
        first = dt.date(year, 11, 2)
        return first + dt.timedelta(days=(1 - first.weekday()) % 7)
    if name == "memorial day":
        last = dt.date(year, 5, 31)
        return last - dt.timedelta(days=last.weekday())
    if name.startswith("easter"):
        easter = _easter(year)
        return easter + dt.timedelta(days=1) if name.endswith("monday") else easter
    return None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


# -- rules: references to the present, past and future --------------------------------------


_REFERENCES = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "current": "PRESENT_REF", "nowadays": "PRESENT_REF", "these days": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "lately": "PAST_REF", "until recently": "PAST_REF",
    "the past": "PAST_REF", "the future": "FUTURE_REF", "soon": "FUTURE_REF", "former": "PAST_REF",
    "formerly": "PAST_REF", "the time being": "PRESENT_REF", "the moment": "PRESENT_REF",
    "present": "PRESENT_REF", "the present": "PRESENT_REF", "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the immediate future": "FUTURE_REF", "the near term": "FUTURE_REF", "the short term": "FUTURE_REF",
    "the long term": "FUTURE_REF", "the medium term": "FUTURE_REF",
}  # fmt: skip


@_rule(
    "reference",
    r"(?P<ref>(?:right\s+|just\s+)?now|currently|current|nowadays|these\s+days|presently|(?:more\s+)?recently"
    r"|lately|the\s+past|the\s+(?:(?:near|distant|immediate)\s+)?future|soon|former|formerly"
    r"|the\s+time\s+being|the\s+moment|the\s+present|present|the\s+(?:near|short|long|medium)\s+term)",
)
def _reference(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    ref = " ".join(match["ref"].lower().split())
    before = ctx.text[max(0, match.start() - 24) : match.start()].lower()
    after = ctx.text[match.end() : match.end() + 24].lower()
    if ref in ("former", "formerly") and not ctx.config.former_as_past_ref:
        return None
    if ref == "now" and _re(r"\s*(?:that|defunct|-defunct)\b").match(after):
        return None if "defunct" in after[:12] else _deictic(ctx, "PRESENT_REF")
    if ref == "current" and before.endswith("then "):
        return _deictic(ctx, "PAST_REF")  # "the then current price": current back then
    if ref == "current" and _re(
        r"\s+(?:account|accounts|affairs|events|flow|flows|density|source|sources|generation|draws?|sea)\b|-account"
    ).match(
        after,
    ):
        return None
    if ref == "current" and _re(r"\b(?:the|a|an)\s+(?:ocean|electric|strong|direct|alternating)\s+$").search(
        before
    ):
        return None
    if ref in ("present", "the present") and (
        not _re(r"\b(?:at|until|till|to|for|up\s+to)\s+(?:the\s+)?$").search(before)
        or (ref == "present" and not before.endswith("at "))
    ):
        return None
    if ref == "the moment" and not _re(r"\b(?:at|for)\s+$").search(before):
        return None
    if ref == "the time being" and not _re(r"\bfor\s+$").search(before):
        return None
    if ref == "soon" and (
        _re(r"\s+(?:as|after|afterwards|thereafter)\b").match(after) or before.endswith("as ")
    ):
        return None
    if ref == "the past" and _re(
        r"\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten)"
    ).match(after):
        return None
    if ref in ("the future", "the near future") and _re(r"\s+of\b").match(after):
        return None
    if ref.endswith(" term") and not _re(r"\b(?:in|over|for)\s+$").search(before):
        return None
    return _deictic(ctx, _REFERENCES[ref])


@_rule("that_time", r"(?P<det>that|the\s+same)\s+(?P<what>time|year|month|week|day|period)")
def _that_time(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    what = match["what"].lower()
    if what in ("time", "period") and match["det"].lower() != "that":
        return None  # "at the same time" is a conjunction, not a date
    before = ctx.text[max(0, match.start() - 12) : match.start()].lower()
    if what in ("time", "period") and not _re(r"\b(?:at|by|since|until|from|during|in)\s+$").search(before):
        return None
    previous = ctx.previous(match.start())
    granularity = {"time": None, "period": None}.get(what, what)
    if previous is not None:
        value = previous.value
        interval = interval_of(value)
        if granularity is not None and interval is not None:
            if _coarser_or_equal(granularity, previous.granularity):
                value = format_value(interval[0], granularity)
            else:
                # "that day" after "in 1987": a day of 1987, which one the text does not say.
                value = _pad_unknown(value, granularity)
        return _Timex(type="DATE", value=value, anchor="previous", anchor_value=previous.value)
    if what in ("time", "period"):
        return _Timex(type="DATE", value="PAST_REF")
    return None


def _pad_unknown(value: str, granularity: str) -> str:
    """A value made finer with unknown digits: ``1987`` at day granularity is ``1987-XX-XX``."""
    base = value.split("T")[0]
    if granularity == "day":
        return base + "-XX-XX"[len(base) - 4 :] if len(base) in (4, 7) else base
    if granularity == "month" and len(base) == 4:
        return base + "-XX"
    if granularity == "week" and len(base) == 4:
        return base + "-WXX"
    return base


_ORDER = [
    "time",
    "part_of_day",
    "day",
    "week",
    "weekend",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
]


def _coarser_or_equal(granularity: str, other: str) -> bool:
    if granularity not in _ORDER or other not in _ORDER:
        return False
    return _ORDER.index(granularity) >= _ORDER.index(other)


@_rule(
    "the_year",
    r"the\s+(?P<adj>full\s+|whole\s+|entire\s+|calendar\s+)?year(?P<ended>\s+(?:ended|ending|to\s+date))?",
)
def _the_year(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """ "for the year", "the full year": the year under report (the DCT's); "the year ended
    March 31" is a twelve-month period."""
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    after = ctx.text[match.end() : match.end() + 12]
    if match["ended"] and "date" not in match["ended"].lower():
        return _Timex(type="DURATION", value="P1Y", granularity="year")
    if not _re(r"(?i)\b(?:for|of|in|during|through|over|throughout)\s+$").search(before):
        return None
    if _re(r"\s*(?:['’]s|before|after|earlier|ago|later|in\s+which|when|that)\b").match(after):
        return None
    return _deictic(ctx, _dct_value(ctx, "year", "year", 0))


_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


@_rule(
    "spoken_year",
    r"(?:the\s+year\s+|(?:the\s+)?(?P<season>spring|summer|fall|autumn|winter)\s+of\s+|(?P<month>{MONTHFULL})\s+)?"
    r"(?:(?P<century>nineteen|eighteen|twenty)\s+(?P<tens>twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety)(?:[-\s](?P<units>one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?P<thousand>two\s+thousand)(?:\s+(?:and\s+)?(?P<units2>one|two|three|four|five|six|seven|eight|nine))?)",
)
def _spoken_year(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """Years as broadcast transcripts write them: "nineteen ninety-six", "the year two thousand"."""
    if match["thousand"]:
        if not match.group(0).lower().startswith("the") and not match["units2"]:
            return None  # "two thousand" alone is a number
        year = 2000 + (_UNITS[match["units2"].lower()] if match["units2"] else 0)
    else:
        century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}[match["century"].lower()]
        year = (
            century
            + 10 * _TENS[match["tens"].lower()]
            + (_UNITS[match["units"].lower()] if match["units"] else 0)
        )
    if match["month"] and _capitalised(ctx, match, "month"):
        return _Timex(type="DATE", value=f"{year:04d}-{_month_of(match):02d}")
    if match["season"]:
        return _Timex(type="DATE", value=f"{year:04d}-{_SEASON[match['season'].lower()]}")
    return _Timex(type="DATE", value=f"{year:04d}")


@_rule(
    "part_of_day_with_day",
    r"(?:{PART}[\s-]*)?(?P<pod2>morning|afternoon|evening|night)\s+(?:of\s+)?(?:(?P<nd>yesterday|today|tomorrow)"
    r"|{WD})",
)
def _part_of_day_with_day(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """ "mid-afternoon yesterday", "early morning Monday"."""
    if match["wd"]:
        if not _capitalised(ctx, match, "wd"):
            return None
        day, _ = _resolve_weekday(ctx, _WEEKDAY_NUMBER[match["wd"].lower()], None, match.start(), match.end())
    else:
        day = _dct_value(ctx, "day", "day", _NAMED_DAY_OFFSET[match["nd"].lower()])
    value = f"{day}T{_PART_OF_DAY[match['pod2'].lower()]}"
    return _deictic(ctx, value, _mod_of_part(match["part"]), "TIME")


# -- rules: durations and sets -----------------------------------------------------------------


def _duration_value(amount: float, unit: str) -> str | None:
    code = _UNIT_CODE[unit]
    factor = _UNIT_FACTOR.get(unit, 1)
    total = amount * factor
    prefix = "PT" if unit in _TIME_UNITS else "P"
    if unit == "weekend":
        return f"P{int(total * 2)}D" if total == int(total) else None
    if total != int(total):
        # Halves: "2 1/2 years" is P2Y6M, "5 1/2 hours" PT5H30M, "a minute and a half" PT1M30S.
        whole = int(total)
        smaller = {
            "year": ("M", 12, "P"), "decade": ("M", 12, "P"), "month": ("D", 30, "P"), "week": ("D", 7, "P"),
            "day": ("H", 24, "T"), "hour": ("M", 60, "P"), "minute": ("S", 60, "P"),
        }.get(unit)  # fmt: skip
        if smaller is None:
            return None
        letter, per, separator = smaller
        rest = round((total - whole) * per)
        if separator == "T":  # days then hours: P1DT12H
            return f"P{whole}DT{rest}{letter}" if whole else f"PT{rest}{letter}"
        return f"{prefix}{whole}{code}{rest}{letter}" if whole else f"{prefix}{rest}{letter}"
    return f"{prefix}{int(total)}{code}"


@_rule(
    "duration",
    # "last" and "first" only after "the": "to last four days" is a verb.
    r"(?:{APPROX}\s+(?!the\b))?(?:the\s+(?P<rel>past|last|next|first|previous|coming|final|remaining|latest"
    r"|initial|same|additional|further|following|preceding|ensuing|recent)\s+|(?P<rel>past|next|previous|coming"
    r"|final|remaining|additional|further|following|preceding|ensuing|recent)\s+|the\s+)?"
    r"(?:{VAGUE}|{NUM})(?P<half>\s+and\s+a\s+half)?"
    r"(?:\s+or\s+so)?[\s-]+(?:(?:more|additional|full|straight|consecutive|trading|business|working|calendar"
    r"|long|odd|whole|extra|further)[\s-]+)?{UNIT}(?P<half2>\s+and\s+a\s+half)?(?:\s+or\s+so)?(?:-(?P<old>old|long))?",
    reverse=True,
)
def _duration(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    unit = _unit(match)
    text = match.group(0).lower()
    mod = _approx_mod(match["approx"])
    if "or so" in text or (match["vague"] and "couple" in match["vague"].lower()):
        mod = mod or "APPROX"
    relation = (match["rel"] or "").lower()
    before = ctx.text[max(0, match.start() - 40) : match.start()]
    after = ctx.text[match.end() : match.end() + 24]
    if match["old"] == "old" or _re(r"(?i)\s+old\b|\s+of\s+age\b").match(after):
        return None  # an age ("a 6-year-old", "52 years old"), not a period
    if unit == "quarter" and _re(r"(?i)\s+of\b(?!\s+(?:fiscal\s+)?(?:\d{4}|this|last|next)\b)").match(after):
        return None  # a fraction: "three-quarters of its food"
    # "$5 a year", "700 seats a week", "three times a day": a rate, not a duration.
    rate = _re(
        r"(?i)(?:\d|%|\b(?:once|twice|times|millions?|billions?|thousands?|hundreds|dozens|percent|cents?|dollars?"
        r"|euros?|pounds?))"
        r"(?:\s+[a-z]+){0,2}\s*$"
    )
    if (
        match["num"]
        and match["num"].lower() in ("a", "an")
        and not match["approx"]
        and not relation
        and rate.search(before)
    ):
        code = _UNIT_CODE[unit]
        return _Timex(type="SET", value=f"PT1{code}" if unit in _TIME_UNITS else f"P1{code}")
    if text in ("a second", "a minute") and not _re(
        r"(?i)\b(?:for|in|within|than|about|only|just|half|wait|took)\s+$"
    ).search(before):
        return None  # "a second group", "a minute's silence" is too rare to risk
    if text == "one day" and _re(
        r"\s+(?:be|become|have|see|return|follow|make|get|come|go|take|win|[a-z]+ed)\b"
    ).match(after):
        return _deictic(ctx, "FUTURE_REF")  # "will one day be", "hopes he one day follows"
    if match["vague"]:
        vague = " ".join(match["vague"].lower().split())
        if vague == "some" and unit not in (
            "year",
            "decade",
            "century",
            "month",
            "week",
            "day",
            "hour",
            "minute",
        ):
            return None
        if vague == "a couple of":
            value = _duration_value(2, unit)
        else:
            value = ("PT" if unit in _TIME_UNITS else "P") + "X" + _UNIT_CODE[unit]
            if unit in ("decade", "century", "millennium"):
                value = "PXY" if unit != "decade" else "PXDE"
    else:
        amount = _number(match["num"])
        if amount is None or amount <= 0 or amount > 5000:
            return None
        if match["half"] or match["half2"]:
            amount += 0.5  # "two and a half years", "a minute and a half"
        value = _duration_value(amount, unit)
    if value is None:
        return None
    timex = _Timex(type="DURATION", value=value, mod=mod, granularity=_granularity_of_unit(unit))
    if (
        relation in ("past", "last", "previous", "recent", "preceding")
        and ctx.dct is not None
        and not match["vague"]
    ):
        amount = _number(match["num"]) or 0
        if amount == int(amount) and unit not in _TIME_UNITS:
            back = _shift_by(ctx.dct, unit, -int(amount))
            if back is not None:
                return attrs.evolve(
                    timex, anchor="published", anchor_value=ctx.dct.isoformat(), interval=(back, ctx.dct)
                )
    if relation in ("next", "coming") and ctx.dct is not None and not match["vague"]:
        amount = _number(match["num"]) or 0
        if amount == int(amount) and unit not in _TIME_UNITS:
            ahead = _shift_by(ctx.dct, unit, int(amount))
            if ahead is not None:
                return attrs.evolve(
                    timex, anchor="published", anchor_value=ctx.dct.isoformat(), interval=(ctx.dct, ahead)
                )
    return timex


@_rule(
    "vague_period",
    r"(?:the\s+)?(?P<rel>recent|past|last|coming|next|previous|following|ensuing|early|later)\s+"
    r"(?:(?:few|several|couple\s+of|many)\s+)?(?P<unit>second|minute|hour|day|week|month|quarter|year|decade)s",
    reverse=True,
)
def _vague_period(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    unit = match["unit"].lower()
    relation = match["rel"].lower()
    if relation in ("early", "later"):
        return None
    code = _UNIT_CODE[unit] if unit != "decade" else "DE"
    value = ("PT" if unit in _TIME_UNITS else "P") + "X" + code
    interval = None
    anchor = None
    if ctx.dct is not None and relation in ("recent", "past", "last", "previous"):
        # The period ends at publication; how far back it reaches is left open.
        interval = (dt.date.min, ctx.dct)
        anchor = "published"
    elif ctx.dct is not None and relation in ("coming", "next"):
        interval = (ctx.dct, dt.date.max)
        anchor = "published"
    if relation in ("coming",) and unit in ("months", "years", "month", "year"):
        return _Timex(type="DATE", value="FUTURE_REF", anchor=anchor)
    return _Timex(
        type="DURATION",
        value=value,
        granularity=unit,
        interval=interval,
        anchor=anchor,
        anchor_value=ctx.dct.isoformat() if anchor and ctx.dct else None,
    )


@_rule("the_plural_units", r"the\s+(?P<unit>day|week|month|year|decade)s(?P<ahead>\s+ahead)?")
def _the_plural_units(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    """ "over the years" (a vague duration back from publication) and "the weeks ahead"."""
    unit = match["unit"].lower()
    code = "DE" if unit == "decade" else _UNIT_CODE[unit]
    if match["ahead"]:
        interval = (ctx.dct, dt.date.max) if ctx.dct is not None else None
    else:
        before = ctx.text[max(0, match.start() - 12) : match.start()]
        after = ctx.text[match.end() : match.end() + 12]
        if not _re(r"(?i)\b(?:over|through|throughout)\s+$").search(before) or _re(
            r"(?i)\s*(?:of|before|after|since|following|that|when|to|['’])"
        ).match(after):
            return None  # "in the weeks before the vote" is anchored on the vote, not on publication
        interval = (dt.date.min, ctx.dct) if ctx.dct is not None else None
    return _Timex(
        type="DURATION",
        value="PX" + code,
        granularity=unit,
        interval=interval,
        anchor="published" if ctx.dct is not None else None,
        anchor_value=ctx.dct.isoformat() if ctx.dct is not None else None,
    )


_BARE_PLURAL_FRAME = regex.compile(
    r"\b(?:for|in|over|within|after|took|take|takes|lasted|last)\s+$", regex.IGNORECASE
)


@_rule("bare_plural_unit", r"(?P<unit>minute|hour|day|week|month|year|decade|centur)(?:s|ies)")
def _bare_plural_unit(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    before = ctx.text[max(0, match.start() - 12) : match.start()]
    after = ctx.text[match.end() : match.end() + 12]
    if not _BARE_PLURAL_FRAME.search(before) or _re(r"\s+(?:of|ago|later|earlier|before|after)\b|['’]").match(
        after
    ):
        return None
    if _capitalised(ctx, match, 0):
        return None
    unit = _unit(match)
    if unit == "century":
        return _Timex(type="DURATION", value="PXCE", granularity="century")
    code = "DE" if unit == "decade" else _UNIT_CODE[unit]
    return _Timex(
        type="DURATION", value=("PT" if unit in _TIME_UNITS else "P") + "X" + code, granularity=unit
    )


@_rule(
    "set",
    r"(?:(?P<every>every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<num>{NUMWORD}|\d{1,3})\s+)?{UNIT}"
    r"|(?P<every2>every|each)\s+(?:{WD}|(?P<month>{MONTHFULL})|{POD})"
    r"|(?P<adverb>daily|weekly|monthly|yearly|hourly|nightly|bi-?weekly)"
    r"|(?P<per>per)\s+(?P<unit2>second|minute|hour|day|week|month|quarter|year|annum))",
)
def _set(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    if match["adverb"]:
        if _re(r"\s+[A-Z]").match(ctx.text, match.end()):
            return None  # "the Communist Party daily Granma": a newspaper
        return _Timex(type="SET", value=_SET_ADVERBS[match["adverb"].lower()])
    if match["every2"]:
        if match["wd"]:
            if not _capitalised(ctx, match, "wd"):
                return None
            return _Timex(type="SET", value=f"XXXX-WXX-{_WEEKDAY_NUMBER[match['wd'].lower()]}")
        if match["month"]:
            if not _capitalised(ctx, match, "month"):
                return None
            return _Timex(type="SET", value=f"XXXX-{_month_of(match):02d}")
        return _Timex(type="SET", value="XXXX-XX-XXT" + _PART_OF_DAY[match["pod"].lower()])
    if match["per"]:
        unit = match["unit2"].lower()
        unit = "year" if unit == "annum" else unit
        return _Timex(type="SET", value=("PT1" if unit in _TIME_UNITS else "P1") + _UNIT_CODE[unit])
    unit = _unit(match)
    amount = 2 if match["other"] else (_number(match["num"]) if match["num"] else 1)
    if not amount:
        return None
    value = _duration_value(amount, unit)
    if value is None:
        return None
    return _Timex(type="SET", value=value)


# -- rules: absolute dates in other languages --------------------------------------------------


@_rule(
    "foreign_date",
    r"(?P<d>[0-3]?\d)\.?\s+(?:de\s+)?(?P<w>\p{L}{3,12}\.?)\s+(?:de\s+)?(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|(?P<w2>\p{L}{3,12}\.?)\s+(?P<d2>[0-3]?\d),?\s+(?P<y2>(?:19|20)\d\d)(?!\d)",
    reverse=True,
)
def _foreign_date(match: regex.Match[str], ctx: _Context) -> _Timex | None:
    word = (match["w"] or match["w2"]).lower().rstrip(".")
    if word in _MONTH_NUMBER or not ctx.config.languages:
        return None
    day = foreign_date(_original(ctx, match), ctx.config.languages)
    if day is None:
        return None
    return _Timex(type="DATE", value=day.isoformat())


# -- the two passes --------------------------------------------------------------------------

_RULE_INDEX = {rule.name: index for index, rule in enumerate(_RULES)}
#: Seconds a single pattern may take on one text before the regex module gives up (never seen
#: in practice: the patterns are linear; this bounds the damage of a mistake).
_TIMEOUT = 2.0


class _Candidate(NamedTuple):
    start: int
    end: int
    rule: _Rule
    match: regex.Match[str]


# Scanning every rule over the whole text is what makes a tagger slow. Each rule has a few
# trigger words it cannot match without (a month name, a unit, a four-digit number...); one
# scan finds all triggers, and each rule then runs only in windows around its own triggers.
_TRIGGER_WORDS: dict[str, str] = {}
for _kind, _words in {
    "month": "january february march april may june july august september october november december"
    " jan feb mar apr jun jul aug sept sep oct nov dec",
    "weekday": "monday tuesday wednesday thursday friday saturday sunday mondays tuesdays wednesdays"
    " thursdays fridays saturdays sundays",
    "year": "year",
    "years": "years",
    "unit": "second minute hour day week fortnight month decade century millennium",
    "units": "seconds minutes hours days weeks fortnights months decades centuries millennia",
    "weekend": "weekend weekends",
    "fiscal": "fiscal",
    "quarter": "quarter quarters half",
    "vague": "time period term",
    "ref": "now current currently recent recently lately past future soon moment present presently"
    " nowadays former formerly these",
    "named": "yesterday today tomorrow tonight morning afternoon evening night overnight",
    "noon": "noon midnight midday",
    "season": "spring summer fall autumn winter",
    "decade": "twenties thirties forties fifties sixties seventies eighties nineties century",
    "holiday": "christmas halloween valentine independence bastille boxing thanksgiving labor memorial"
    " easter election",
    "qcode": "q1 q2 q3 q4 1q 2q 3q 4q h1 h2 fy",
    "spoken": "nineteen eighteen thousand",
    "setadverb": "daily weekly monthly yearly hourly nightly biweekly per every each",
}.items():
    for _word in _words.split():
        _TRIGGER_WORDS.setdefault(_word, _kind)
# The distinct words of a text ([a-z0-9] runs), listed in C: every other byte of the ASCII
# encoding (non-ASCII characters become "?") is turned into a space and the result split.
# Cheaper than a regex findall; str.translate would fall back to a slow path on non-ASCII text.
_WORD_BYTES = bytes(c if 48 <= c <= 57 or 97 <= c <= 122 else 32 for c in range(256))
_TRIGGER_BYTES = {word.encode("ascii"): word for word in _TRIGGER_WORDS}
_DIGIT_TRIGGER = regex.compile(
    r"(?P<decade>\b(?:\d\d)?\d0s\b)|(?P<year>(?<![\d,.])\d{4}(?!\d))|(?P<qcode>\bfy\d\d)"
    r"|(?P<numeric>\d[/.]\d\d?[/.]\d\d)|(?P<clock>\d:\d\d|\d\s?[ap]\.?\s?m\b|\d\.\d\d(?=\s*[a-z]{3}))"
)


def _trigger_spans(lower: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of trigger word occurs in the lower-cased text.

    A Python loop over every token would cost more than all the patterns together; instead the
    set of distinct tokens is intersected with the trigger words (both in C), and only the
    words that occur are located, with ``str.find``.
    """
    spans: dict[str, list[tuple[int, int]]] = {}
    length = len(lower)
    words = lower.encode("ascii", "replace").translate(_WORD_BYTES).split()
    for word in map(_TRIGGER_BYTES.__getitem__, _TRIGGER_BYTES.keys() & words):
        kind = _TRIGGER_WORDS[word]
        size = len(word)
        found = spans.setdefault(kind, [])
        position = lower.find(word)
        while position >= 0:
            end = position + size
            if (position == 0 or not lower[position - 1].isalnum()) and (
                end == length or not lower[end].isalnum()
            ):
                found.append((position, end))
                if kind == "year" and lower.endswith("new ", 0, position):
                    spans.setdefault("holiday", []).append((position, end))
            position = lower.find(word, end)
    for match in _DIGIT_TRIGGER.finditer(lower):
        spans.setdefault(match.lastgroup or "numeric", []).append(match.span())
    return spans


_RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "date_mdy": ("month",),
    "date_dmy": ("month",),
    "date_iso": ("year",),
    "date_numeric": ("numeric",),
    "month_day": ("month",),
    "day_month": ("month",),
    "month_year": ("month",),
    "week_of": ("month",),
    "second_day": ("month",),
    "month": ("month",),
    "year": ("year",),
    "decade": ("decade",),
    "century": ("decade", "unit"),
    "weekday": ("weekday",),
    "weekday_plural": ("weekday",),
    "named_day": ("named",),
    "part_of_day": ("named",),
    "clock": ("clock", "noon"),
    "clock_words": ("named",),
    "relative_unit": ("year", "unit", "weekend", "quarter"),
    "part_of_relative": ("year", "unit", "quarter"),
    "period_edge": ("year", "unit", "quarter"),
    "ago": ("year", "years", "unit", "units", "quarter"),
    "year_ago_adjective": ("year",),
    "quarter": ("quarter",),
    "quarter_anaphoric": ("quarter", "vague"),
    "quarter_code": ("qcode",),
    "year_period": ("quarter", "vague"),
    "season": ("season",),
    "fiscal_year": ("fiscal",),
    "weekend": ("weekend",),
    "the_year": ("year",),
    "spoken_year": ("spoken",),
    "part_of_day_with_day": ("named",),
    "holiday": ("holiday",),
    "reference": ("ref", "vague"),
    "that_time": ("vague", "year", "unit"),
    "duration": ("year", "years", "unit", "units", "quarter", "weekend"),
    "vague_period": ("years", "units", "quarter"),
    "bare_plural_unit": ("years", "units"),
    "the_plural_units": ("years", "units"),
    "set": ("setadverb",),
    "foreign_date": ("year",),
}
# How far a match may reach from its trigger: "at least the past 18 months" starts 24 characters
# before "months"; "Monday, March 5, 2020" ends 21 characters after "monday". The margin also
# leaves room for the lookarounds at a match's edges. Rules whose trigger word ends the match
# ("... two weeks", "... ago") need little room after it.
_MARGINS = (48, 40)
_TRIGGER_LAST_MARGINS = (44, 24)
_TRIGGER_LAST = frozenset(
    {
        "ago", "duration", "relative_unit", "part_of_relative", "period_edge", "vague_period",
        "bare_plural_unit", "fiscal_year", "weekend", "that_time", "the_year", "reference",
        "quarter_anaphoric", "year_ago_adjective", "month", "weekday", "year", "decade", "century",
    }
)  # fmt: skip


# What must stand right before (matched right to left, ending at the trigger) or right after a
# trigger word for some rules to match around it: a duration's unit follows a number ("two
# years", "a few months"), "ago" follows its unit, a day comes before "5 March". A trigger
# without that context cannot anchor a match of the rule, so its window is not scanned at all
# (checking a few characters costs far less than scanning a window). Each is a necessary
# condition read off the rule's pattern; a rule without an entry scans every trigger's window.
_NUMBER_END = (
    r"(?:\d|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
    r"|hundred|dozen|half|couple|of|few|several|some|many|numerous|so))"
)
_DAY_BEFORE = r"[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?"
_TRIGGER_CONTEXT: dict[str, tuple[str | None, str | None]] = {
    "duration": (
        _NUMBER_END
        + r"[\s-]+(?:(?:more|additional|full|straight|consecutive|trading|business|working|calendar"
        r"|long|odd|whole|extra|further)[\s-]+)?",
        None,
    ),
    "ago": (None, r"(?:\s+or\s+so)?\s+(?:ago|earlier|later|previously|from\s+now|hence|back|before|after)\b"),
    "relative_unit": (
        r"\b(?:last|past|previous|prior|this|current|present|next|coming|following|same|fiscal|calendar)\s+",
        None,
    ),
    "period_edge": (r"\b(?:the|this|last|next)\s+", r"(?:['’]s)?[\s-]end"),
    "part_of_relative": (r"\b(?:this|last|next|the)\s+", None),
    "vague_period": (
        r"\b(?:recent|past|last|coming|next|previous|following|ensuing|early|later|few|several|of|many)\s+",
        None,
    ),
    "day_month": (_DAY_BEFORE, None),
    "date_dmy": (_DAY_BEFORE, None),
    "month_day": (None, r"\.?\s+[0-3]?\d"),
    "date_mdy": (None, r"\.?\s+[0-3]?\d"),
    "second_day": (None, r"\.?\s+[0-3]?\d(?:st|nd|rd|th)?\s+(?:and|or|to)\s+[0-3]?\d"),
    "week_of": (r"\bweek\s+of\s+", None),
    "weekday_plural": (None, r"(?<=s)"),
    "clock_words": (r"\d(?:\s+o['’]clock)?\s+in\s+the\s+", None),
}
#: How far the context checks look from the trigger.
_CONTEXT_REACH = 40


def _context_filter(before: str | None, after: str | None) -> Callable[[str, tuple[int, int]], bool] | None:
    if before is None and after is None:
        return None
    before_pattern = regex.compile(before, regex.REVERSE) if before is not None else None
    after_pattern = regex.compile(after) if after is not None else None

    def allowed(lower: str, span: tuple[int, int]) -> bool:
        start, end = span
        if before_pattern is not None and before_pattern.match(lower, max(0, start - _CONTEXT_REACH), start):
            return True
        return after_pattern is not None and after_pattern.match(lower, end, end + _CONTEXT_REACH) is not None

    return allowed


#: Each rule with its trigger kinds and window margins, in rule order; whether a group "core"
#: holds its span (the rest of the match being context, as for a second day); and the check a
#: trigger's context must pass for the rule to scan around it (None: every trigger).
_RULE_PLAN = [
    (
        rule,
        _RULE_TRIGGERS[rule.name],
        _TRIGGER_LAST_MARGINS if rule.name in _TRIGGER_LAST else _MARGINS,
        "core" in rule.pattern.groupindex,
        _context_filter(*_TRIGGER_CONTEXT.get(rule.name, (None, None))),
    )
    for rule in _RULES
]


def _windows(spans: list[tuple[int, int]], lower: str, margins: tuple[int, int]) -> list[tuple[int, int]]:
    before, after = margins
    length = len(lower)
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        low, high = max(0, start - before), min(length, end + after)
        if merged and low <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], high))
        else:
            merged.append((low, high))
    # A window must not end inside a word: a pattern would take "this month" from "this months"
    # cut after "month" (the end of the window looks like the end of the text).
    for index, (low, high) in enumerate(merged):
        if high < length and lower[high].isalnum():
            word_end = _WORD_END.search(lower, high)
            merged[index] = (low, word_end.start() if word_end is not None else length)
    return merged


_WORD_END = regex.compile(r"[^\w]")


def _lowered(text: str) -> str:
    lower = text.lower()
    if len(lower) != len(text):  # a few characters ("İ") lower to two; keep offsets aligned
        lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lower


def _candidates(text: str) -> list[_Candidate]:
    lower = _lowered(text)
    spans = _trigger_spans(lower)
    found: list[_Candidate] = []
    if not spans:
        return found
    windows: dict[tuple[tuple[str, ...], tuple[int, int]], list[tuple[int, int]]] = {}
    present = spans.keys()
    for rule, kinds, margins, core, allowed in _RULE_PLAN:
        if present.isdisjoint(kinds):
            continue
        found_windows: list[tuple[int, int]]
        if allowed is not None:
            triggers = [span for kind in kinds for span in spans.get(kind, ()) if allowed(lower, span)]
            if not triggers:
                continue
            found_windows = _windows(triggers, lower, margins)
        elif (kinds, margins) in windows:
            found_windows = windows[kinds, margins]
        else:
            found_windows = windows[kinds, margins] = _windows(
                [span for kind in kinds for span in spans.get(kind, ())], lower, margins
            )
        for window_start, window_end in found_windows:
            # The patterns are linear; a timeout only guards long windows (it costs a few
            # microseconds per call, more than scanning a short window).
            if window_end - window_start > 4096:
                matches = rule.pattern.finditer(lower, window_start, window_end, timeout=_TIMEOUT)
            else:
                matches = rule.pattern.finditer(lower, window_start, window_end)
            for match in matches:
                start, end = match.span("core" if core else 0)
                # Trailing whitespace can sneak in through optional groups; never count it.
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    found.append(_Candidate(start, end, rule, match))
    return found


def _timex_findings(text: str, ctx: _Context, field: str) -> Iterator[DateFinding]:
    candidates = _candidates(text)
    # Longest first; among equals, the rule listed first.
    candidates.sort(key=lambda c: (-(c.end - c.start), _RULE_INDEX[c.rule.name], c.start))
    # Choose non-overlapping spans, but resolve them in text order: anaphora needs the
    # dates before it. A candidate whose handler refuses it frees its span for shorter ones.
    occupied = bytearray(len(text))  # 1 where a kept candidate lies: overlap tests in C, not O(n^2)
    tried: set[int] = set()
    pending = candidates
    while pending:
        kept = []
        for candidate in pending:
            if occupied.find(1, candidate.start, candidate.end) >= 0:
                continue
            kept.append(candidate)
            occupied[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        kept.sort(key=lambda c: c.start)
        refused: list[_Candidate] = []
        for candidate in kept:
            tried.add(id(candidate))
            timex = candidate.rule.handler(candidate.match, ctx)
            if timex is None:
                refused.append(candidate)
                occupied[candidate.start : candidate.end] = bytes(candidate.end - candidate.start)
                continue
            finding = _finding(text, candidate, timex, ctx, field)
            if (
                finding.type in ("DATE", "TIME")
                and finding.granularity is not None
                and "X" not in finding.value
            ):
                ctx.remember(
                    _Mention(
                        start=candidate.start,
                        value=finding.value,
                        granularity=finding.granularity,
                        derived=finding.anchor == "previous",
                    )
                )
            yield finding
        if not refused:
            break
        # Give the shorter candidates that lost only to a refused one their chance.
        freed = bytearray(len(text))
        for candidate in refused:
            freed[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
        pending = [c for c in candidates if id(c) not in tried and freed.find(1, c.start, c.end) >= 0]


def _finding(text: str, candidate: _Candidate, timex: _Timex, ctx: _Context, field: str) -> DateFinding:
    interval = timex.interval
    granularity = timex.granularity
    if timex.type in ("DATE", "TIME") and interval is None:
        base = timex.value.split("T")[0] if "T" in timex.value else timex.value
        granularity = granularity_of(timex.value)
        found = interval_of(base)
        if found is not None:
            interval = narrow(found, timex.mod)
    start_date = end_date = None
    if interval is not None:
        start_date = None if interval[0] == dt.date.min else interval[0].isoformat()
        end_date = None if interval[1] == dt.date.max else interval[1].isoformat()
    return DateFinding(
        extractor="dates",
        start=candidate.start,
        end=candidate.end,
        text=text[candidate.start : candidate.end],
        field=field,
        type=timex.type,
        value=timex.value,
        mod=timex.mod,
        start_date=start_date,
        end_date=end_date,
        granularity=granularity,
        anchor=timex.anchor,
        anchor_value=timex.anchor_value,
    )


def find_dates(
    text: str,
    published: dt.date | dt.datetime | None = None,
    *,
    config: DatesConfig | None = None,
    field: str = "text",
) -> list[DateFinding]:
    """Every temporal expression in `text`, normalised against `published`, in text order.

    Args:
        text: the text to search.
        published: the publication date; without it relative expressions get ``X`` digits.
        config: options (default `DatesConfig()`).
        field: the article field `text` is, recorded on each finding.
    """
    dct = published.date() if isinstance(published, dt.datetime) else published
    if dct is not None and not 1 < dct.year < 9999:
        dct = None  # at the calendar's edges no year before or after it exists to resolve against
    ctx = _Context(text=text, dct=dct, config=config or DatesConfig())
    findings = list(_timex_findings(text, ctx, field))
    findings.sort(key=lambda f: f.start)
    return findings


@attrs.frozen(kw_only=True)
class DatesExtractor:
    """Finds dates, times, durations and sets and normalises them as TIMEX3 values."""

    name: str = "dates"
    requires: tuple[str, ...] = ()
    finding_type: type[Finding] = DateFinding
    config: DatesConfig = attrs.field(factory=DatesConfig)

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> Iterable[Finding]:
        published = document.published
        config = self.config
        language = (article.language or "").lower()
        if config.languages and language and language != "en" and language not in config.languages:
            # The article's own language (as the reader guessed it) is always worth asking for.
            config = attrs.evolve(config, languages=(*config.languages, language))
        findings: list[Finding] = list(find_dates(article.text, published, config=config))
        # Asking for side documents runs the Document's name analysis (captions inherit the
        # article's names), which costs more than all the date rules: only ask when there are any.
        has_sides = any(link.title for link in article.related) or any(i.caption for i in article.images)
        if config.side_fields and has_sides:
            for side in document.side_documents():
                findings.extend(find_dates(side.text, published, config=config, field=side.field))
        return findings


@hookimpl
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    register(DatesExtractor())
