"""Calendar arithmetic for TIMEX3 values: shifting dates by units, ISO weeks, and the interval a value names.

TIMEX3 (the TimeML standard used by TempEval) writes a date at the granularity it was stated:
``2020`` (a year), ``2020-03`` (a month), ``2020-03-05`` (a day), ``2020-W10`` (an ISO week),
``2020-Q1`` (a quarter), ``2020-H1`` (a half), ``2020-SU`` (a season), ``202`` (the 2020s),
``19`` (the 1900s), ``2020-03-05TAF`` (a part of a day),
``2020-03-05T14:02`` (a time). `interval_of` turns any of these into the first and last day it
covers, and `narrow` applies a ``mod`` (START/MID/END) to such an interval.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools

import regex

__all__ = [
    "Granularity",
    "add_months",
    "format_value",
    "granularity_of",
    "interval_of",
    "iso_week",
    "narrow",
    "shift",
]

Granularity = str
"""One of ``century``, ``decade``, ``year``, ``half``, ``quarter``, ``season``, ``month``, ``week``,
``day``, ``part_of_day``, ``time``."""

_VALUE = regex.compile(
    r"(?P<y>\d{4})(?:-(?:"
    r"(?P<m>\d\d)(?:-(?P<d>\d\d))?"
    r"|W(?P<w>\d\d?)(?:-(?P<wd>\d|WE))?"
    r"|Q(?P<q>\d)|H(?P<h>\d)|(?P<season>SP|SU|FA|WI)"
    r"))?(?:T(?P<time>[0-2]\d(?::[0-5]\d)?|MO|AF|EV|NI|DT))?"
)
_DECADE = regex.compile(r"\d{3}")
_CENTURY = regex.compile(r"\d{2}")

# Seasons as meteorological quarters of the northern hemisphere. TimeML leaves open which
# winter ``2020-WI`` is; we take the one that starts in December 2020 (docs/dates.md).
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` moved by whole months, the day of month clipped to the target month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def iso_week(day: dt.date) -> str:
    """The ISO week value of a day, ``2020-W10``."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def shift(day: dt.date, unit: str, amount: int) -> dt.date:
    """`day` moved by `amount` units (``day``, ``week``, ``weekend``, ``month``, ``quarter``, ``half``,
    ``year``, ``decade``, ``century``)."""
    if unit == "day":
        return day + dt.timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + dt.timedelta(weeks=amount)
    months = {"month": 1, "quarter": 3, "half": 6, "year": 12, "season": 3, "decade": 120, "century": 1200}
    return add_months(day, amount * months.get(unit, 12))


def format_value(day: dt.date, granularity: Granularity) -> str:
    """The TIMEX3 value of the period of `granularity` that contains `day`."""
    if granularity == "day":
        return day.isoformat()
    if granularity in ("week", "weekend"):
        value = iso_week(day)
        return value + "-WE" if granularity == "weekend" else value
    if granularity == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if granularity == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if granularity == "half":
        return f"{day.year:04d}-H{(day.month - 1) // 6 + 1}"
    if granularity == "decade":
        return f"{day.year:04d}"[:3]
    if granularity == "century":
        return f"{day.year:04d}"[:2]
    return f"{day.year:04d}"


@functools.lru_cache(maxsize=4096)
def granularity_of(value: str) -> Granularity | None:
    """The granularity a TIMEX3 value is written at, or None for values that name no period
    (``PRESENT_REF``, durations, sets, values with X digits)."""
    if "X" in value[:4]:
        return None
    match = _VALUE.fullmatch(value)
    if match is None:
        if _DECADE.fullmatch(value):
            return "decade"
        if _CENTURY.fullmatch(value):
            return "century"
        return None
    if match["time"]:
        return "time" if match["time"][0].isdigit() else "part_of_day"
    for group, name in (
        ("d", "day"),
        ("wd", "day"),
        ("w", "week"),
        ("m", "month"),
        ("q", "quarter"),
        ("h", "half"),
        ("season", "season"),
    ):
        if match[group]:
            if group == "wd" and match["wd"] == "WE":
                return "weekend"
            return name
    return "year"


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@functools.lru_cache(maxsize=4096)
def interval_of(value: str) -> tuple[dt.date, dt.date] | None:
    """The first and last day a TIMEX3 date value covers, or None when it names no fixed period."""
    granularity = granularity_of(value)
    if granularity is None:
        return None
    try:
        if granularity == "decade":
            start = int(value) * 10
            return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
        if granularity == "century":
            start = int(value) * 100
            return dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31)
        match = _VALUE.fullmatch(value)
        assert match is not None  # granularity_of matched it
        year = int(match["y"])
        if match["d"]:
            day = dt.date(year, int(match["m"]), int(match["d"]))
            return day, day
        if match["m"]:
            month = int(match["m"])
            return dt.date(year, month, 1), _month_end(year, month)
        if match["w"]:
            monday = dt.date.fromisocalendar(year, int(match["w"]), 1)
            if match["wd"] == "WE":
                return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
            if match["wd"]:
                day = monday + dt.timedelta(days=int(match["wd"]) - 1)
                return day, day
            return monday, monday + dt.timedelta(days=6)
        if match["q"]:
            first = 3 * (int(match["q"]) - 1) + 1
            return dt.date(year, first, 1), _month_end(year, first + 2)
        if match["h"]:
            first = 6 * (int(match["h"]) - 1) + 1
            return dt.date(year, first, 1), _month_end(year, first + 5)
        if match["season"]:
            first, last = _SEASON_MONTHS[match["season"]]
            if first > last:  # winter runs over the new year
                return dt.date(year, first, 1), _month_end(year + 1, last)
            return dt.date(year, first, 1), _month_end(year, last)
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:  # an impossible day such as 2019-02-30, or a week 53 that does not exist
        return None


def narrow(interval: tuple[dt.date, dt.date], mod: str | None) -> tuple[dt.date, dt.date]:
    """The part of an interval a ``mod`` names: START, MID and END are its first, middle and
    last third, counted in calendar units where the interval is one: a year's thirds are
    January-April, May-August and September-December; a month's are days 1-10, 11-20 and
    21 to the end. Other intervals are cut by day count. Other mods leave it whole."""
    start, end = interval
    if mod not in ("START", "MID", "END"):
        return interval
    index = ("START", "MID", "END").index(mod)
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31 and start.year == end.year:
        first = 4 * index + 1
        return dt.date(start.year, first, 1), _month_end(start.year, first + 3)
    if start.day == 1 and end == _month_end(start.year, start.month) and start.month == end.month:
        first_day = (1, 11, 21)[index]
        last_day = (10, 20, end.day)[index]
        return dt.date(start.year, start.month, first_day), dt.date(start.year, start.month, last_day)
    days = (end - start).days + 1
    if days < 3:
        return interval
    third = days // 3
    if mod == "START":
        return start, start + dt.timedelta(days=third - 1)
    if mod == "END":
        return end - dt.timedelta(days=third - 1), end
    return start + dt.timedelta(days=third), end - dt.timedelta(days=third)
