"""Calendar arithmetic for TIMEX3 values."""

from __future__ import annotations

import datetime as dt

import pytest

from newsparse.text.timex import (
    add_months,
    format_value,
    granularity_of,
    interval_of,
    iso_week,
    narrow,
    shift,
)

D = dt.date


@pytest.mark.parametrize(
    ("value", "granularity", "interval"),
    [
        ("2020-03-05", "day", (D(2020, 3, 5), D(2020, 3, 5))),
        ("2020-02", "month", (D(2020, 2, 1), D(2020, 2, 29))),
        ("2020", "year", (D(2020, 1, 1), D(2020, 12, 31))),
        ("2020-W10", "week", (D(2020, 3, 2), D(2020, 3, 8))),
        ("2020-W09-WE", "weekend", (D(2020, 2, 29), D(2020, 3, 1))),
        ("2020-Q1", "quarter", (D(2020, 1, 1), D(2020, 3, 31))),
        ("2020-H2", "half", (D(2020, 7, 1), D(2020, 12, 31))),
        ("2019-SU", "season", (D(2019, 6, 1), D(2019, 8, 31))),
        ("2019-WI", "season", (D(2019, 12, 1), D(2020, 2, 29))),
        ("199", "decade", (D(1990, 1, 1), D(1999, 12, 31))),
        ("19", "century", (D(1900, 1, 1), D(1999, 12, 31))),
        ("2020-03-05TAF", "part_of_day", None),
        ("2020-03-05T14:02", "time", None),
    ],
)
def test_values_name_periods(value: str, granularity: str, interval: tuple[dt.date, dt.date] | None) -> None:
    assert granularity_of(value) == granularity
    if interval is not None:
        assert interval_of(value) == interval


@pytest.mark.parametrize(
    "value", ["PRESENT_REF", "PAST_REF", "P3W", "PXY", "XXXX-WXX-4", "XXXX-03", "2019-02-30"]
)
def test_values_without_a_fixed_period(value: str) -> None:
    assert interval_of(value) is None


def test_parts_of_years_and_months_are_calendar_thirds() -> None:
    year = interval_of("2020")
    month = interval_of("2020-02")
    assert year is not None
    assert month is not None
    assert narrow(year, "START") == (D(2020, 1, 1), D(2020, 4, 30))
    assert narrow(year, "MID") == (D(2020, 5, 1), D(2020, 8, 31))
    assert narrow(year, "END") == (D(2020, 9, 1), D(2020, 12, 31))
    assert narrow(month, "END") == (D(2020, 2, 21), D(2020, 2, 29))
    assert narrow(month, "APPROX") == month


def test_shifting_and_formatting() -> None:
    assert add_months(D(2020, 1, 31), 1) == D(2020, 2, 29)
    assert shift(D(2020, 3, 5), "week", -3) == D(2020, 2, 13)
    assert shift(D(2020, 3, 5), "quarter", -1) == D(2019, 12, 5)
    assert shift(D(2020, 3, 5), "decade", -1) == D(2010, 3, 5)
    assert iso_week(D(2021, 1, 1)) == "2020-W53"
    assert format_value(D(2020, 3, 5), "quarter") == "2020-Q1"
    assert format_value(D(2020, 3, 5), "decade") == "202"
    assert format_value(D(2020, 2, 29), "weekend") == "2020-W09-WE"
