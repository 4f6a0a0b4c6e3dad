"""Parse an isolated date string ("March 5, 2020", "Updated 5 March 2020, 14:02 GMT") to a date.

This is for strings already known to be a date (a page's dateline, a record's ``published``
field), never for searching running text. Common numeric forms are read by our own patterns;
the rest goes to dateparser, which knows month names in many languages. dateparser is slow
when it fails (a second and more on some strings), so a cheap pre-check keeps it away from
strings that cannot hold a full date.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

import regex

__all__ = ["foreign_date", "looks_like_full_date", "month_names", "parse_date_string"]

_ISO = regex.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]?\d)-(?P<d>[0-3]?\d)"
    r"(?:[T ](?P<H>[0-2]?\d):(?P<M>[0-5]\d)(?::(?P<S>[0-5]\d)(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-][01]\d:?[0-5]\d)?)?(?!\d)"
)
# Day-first numeric dates with dots ("05.03.2020"): the European convention, never US.
_DOTTED = regex.compile(r"(?<![\d.])(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)\d\d)(?![\d.])")
_YEAR = regex.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_TWO_NUMBERS = regex.compile(r"\d{1,4}\D+\d{1,4}")
_PREFIX = regex.compile(
    r"^\s*(?:(?:first\s+|last\s+)?(?:published|updated|modified|posted|created|released|date(?:d)?)"
    r"(?:\s+(?:on|at))?\s*[:|\-–—]?\s*)+",
    regex.IGNORECASE,
)
_GMT_DOT_TIME = regex.compile(r"\b([0-2]?\d)\.([0-5]\d)(?=\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT)\b)")


def looks_like_full_date(text: str) -> bool:
    """Cheap test: could `text` hold a day, a month and a year (a four-digit year plus another number)?"""
    return bool(_YEAR.search(text)) and bool(_TWO_NUMBERS.search(text))


@functools.lru_cache(maxsize=1)
def _parser() -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            # No relative parser: "5 hours ago" has no meaning without the crawl time.
            "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
        }
    )


def _numeric(text: str) -> dt.date | dt.datetime | None:
    match = _ISO.search(text)
    if match:
        try:
            day = dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
        if match["H"] is None:
            return day
        tz: dt.tzinfo | None = None
        if match["tz"] == "Z":
            tz = dt.timezone.utc
        elif match["tz"]:
            sign = 1 if match["tz"][0] == "+" else -1
            digits = match["tz"][1:].replace(":", "")
            tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
        try:
            return dt.datetime(
                day.year,
                day.month,
                day.day,
                int(match["H"]),
                int(match["M"]),
                int(match["S"] or 0),
                tzinfo=tz,
            )
        except ValueError:
            return day
    match = _DOTTED.search(text)
    if match:
        try:
            return dt.date(int(match["y"]), int(match["m"]), int(match["d"]))
        except ValueError:
            return None
    return None


@functools.lru_cache(maxsize=4096)
def parse_date_string(text: str) -> dt.date | dt.datetime | None:
    """The date (or date and time) an isolated string states, or None.

    Returns a `datetime` only when the string gives a time of day; a bare day stays a `date`
    (dateparser would otherwise invent midnight). Labels such as "Published on" and "Updated"
    are ignored. Strings without a full day, month and year give None.
    """
    text = _PREFIX.sub("", text.strip())
    if not text or len(text) > 80 or not looks_like_full_date(text):
        return None
    numeric = _numeric(text)
    if numeric is not None:
        return numeric
    text = _GMT_DOT_TIME.sub(r"\1:\2", text)
    try:
        data = _parser().get_date_data(text)
    except (ValueError, OverflowError, TypeError):  # dateparser raises these on odd strings
        return None
    value: dt.datetime | None = data.date_obj
    if value is None:
        return None
    has_time = bool(regex.search(r"\d:\d\d|\d\s*[ap]\.?m\.?\b", text, regex.IGNORECASE))
    return value if has_time else value.date()


_MONTH_KEYS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip


@functools.lru_cache(maxsize=64)
def _known_languages(languages: tuple[str, ...]) -> tuple[str, ...]:
    """The codes dateparser knows, in order; unknown codes are left out."""
    from dateparser.languages.loader import default_loader

    known = []
    for language in languages:
        try:
            default_loader.get_locale(language)
        except (KeyError, ValueError):  # dateparser's answer to a code it does not know
            continue
        known.append(language)
    return tuple(known)


@functools.lru_cache(maxsize=64)
def month_names(languages: tuple[str, ...]) -> frozenset[str]:
    """Lower-case month names and abbreviations of `languages` (dateparser's locale data);
    codes dateparser does not know are ignored."""
    from dateparser.languages.loader import default_loader

    names: set[str] = set()
    for language in _known_languages(languages):
        locale = default_loader.get_locale(language)
        for key in _MONTH_KEYS:
            names.update(name.lower().rstrip(".") for name in locale.info.get(key, ()))
    return frozenset(names)


@functools.lru_cache(maxsize=16)
def _language_parser(languages: tuple[str, ...]) -> Any:
    from dateparser.date import DateDataParser

    return DateDataParser(
        languages=list(languages),
        settings={
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PARSERS": ["custom-formats", "absolute-time"],
            "RETURN_AS_TIMEZONE_AWARE": False,
            "PREFER_DAY_OF_MONTH": "first",
        },
    )


@functools.lru_cache(maxsize=4096)
def foreign_date(text: str, languages: tuple[str, ...]) -> dt.date | None:
    """The day an isolated date string in one of `languages` states ("5. März 2020", "5 de marzo de 2020").

    dateparser is asked only when a word of `text` is a month name of those languages, so
    ordinary words never reach it (it is slow on strings it cannot parse).
    """
    languages = _known_languages(languages)
    names = month_names(languages)
    words = regex.findall(r"\p{L}+", text.lower())
    if not any(word in names for word in words):
        return None
    try:
        data = _language_parser(languages).get_date_data(text)
    except (ValueError, OverflowError, TypeError):  # dateparser raises these on odd strings
        return None
    if data.date_obj is None:
        return None
    value: dt.date = data.date_obj.date()
    return value
