"""The dates extractor, one expression family at a time, on sentences written for these tests.

Unless a test says otherwise the publication date is Thursday 5 March 2020.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.extractors.dates import DateFinding, DatesConfig, DatesExtractor, find_dates
from newsparse.plugins import PluginManager
from tests.conftest import SEED_NAME, SEEDS

THURSDAY = dt.date(2020, 3, 5)


def found(
    text: str, published: dt.date | None = THURSDAY, **config: object
) -> list[tuple[str, str, str, str | None]]:
    """(text, type, value, mod) of every expression, in order."""
    options = DatesConfig(**config) if config else None  # type: ignore[arg-type]
    return [(f.text, f.type, f.value, f.mod) for f in find_dates(text, published, config=options)]


def values(text: str, published: dt.date | None = THURSDAY) -> dict[str, str]:
    return {f.text: f.value for f in find_dates(text, published)}


# -- absolute dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The ceasefire was agreed on 5 March 2020 in Moscow.", "5 March 2020", "2020-03-05"),
        ("The ceasefire was agreed on March 5, 2020, in Moscow.", "March 5, 2020", "2020-03-05"),
        ("It took effect on Thursday, March 5, 2020.", "Thursday, March 5, 2020", "2020-03-05"),
        ("Polls closed on Sept. 30, 1989, officials said.", "Sept. 30, 1989", "1989-09-30"),
        ("The order is dated 2020-03-05.", "2020-03-05", "2020-03-05"),
        ("The US filing is dated 3/5/2020.", "3/5/2020", "2020-03-05"),
        ("Das Abkommen vom 05.03.2020 gilt weiter.", "05.03.2020", "2020-03-05"),
        ("Fighting resumed in March 2019.", "March 2019", "2019-03"),
        ("Inflation peaked in mid-2019, the bank said.", "mid-2019", "2019"),
        ("The party ruled through the 1990s.", "the 1990s", "199"),
        ("The war shaped the 20th century.", "the 20th century", "19"),
        ("Profit rose in fiscal 2019.", "fiscal 2019", "2019"),
        ("Sales fell in Q3 2019.", "Q3 2019", "2019-Q3"),
        ("The treaty was signed in 1998.", "1998", "1998"),
    ],
)
def test_absolute_dates(sentence: str, expression: str, value: str) -> None:
    assert values(sentence)[expression] == value


def test_a_year_keeps_its_granularity_and_the_span_leaves_out_the_preposition() -> None:
    (finding,) = find_dates("The accords of 2018 were only partly implemented.", THURSDAY)
    assert (finding.text, finding.value, finding.granularity) == ("2018", "2018", "year")
    assert (finding.start_date, finding.end_date) == ("2018-01-01", "2018-12-31")
    assert finding.anchor is None


def test_a_model_year_names_a_vehicle_not_a_time() -> None:
    assert found("Police found him beside his 1995 Lincoln Continental.") == []
    assert found("A witness saw a 2004 Buick speed away.") == []
    # the same words after a preposition are a year and a person
    assert values("In 1974 Ford pardoned Nixon.") == {"1974": "1974"}


def test_a_day_without_a_year_is_the_nearest_plausible_one() -> None:
    # Within four months after publication: the coming one; otherwise the last one.
    assert values("The offer expires March 20.")["March 20"] == "2020-03-20"
    assert values("The dividend is payable June 1.")["June 1"] == "2020-06-01"
    assert values("The talks collapsed on Dec. 15.")["Dec. 15"] == "2019-12-15"
    assert values("The fiscal year ended Jan. 31.")["Jan. 31"] == "2020-01-31"


# -- weekdays --------------------------------------------------------------------------------


def test_weekdays_resolve_to_the_latest_one_unless_the_clause_looks_ahead() -> None:
    text = "Officials met on Wednesday and on Thursday, and will meet again on Friday."
    assert found(text) == [
        ("Wednesday", "DATE", "2020-03-04", None),
        ("Thursday", "DATE", "2020-03-05", None),
        ("Friday", "DATE", "2020-03-06", None),
    ]
    assert values("The envoy arrived in Kabul on Friday.")["Friday"] == "2020-02-28"


def test_future_in_reported_speech_does_not_move_the_reporting_day() -> None:
    text = "The president on Wednesday said he hoped the talks would bring a ceasefire."
    assert values(text)["Wednesday"] == "2020-03-04"
    quoted = '"We will not give up," the minister said Monday.'
    assert values(quoted)["Monday"] == "2020-03-02"


def test_timetables_deadlines_and_cancelled_plans() -> None:
    assert values("A two-day summit opens in Brussels on Tuesday.")["Tuesday"] == "2020-03-10"
    assert values("The ultimatum runs until 9 a.m. Monday.")["9 a.m. Monday"] == "2020-03-09T09:00"
    assert values("Until Monday, police had not named a suspect.")["Monday"] == "2020-03-02"
    assert values("A rally planned for Saturday was cancelled.")["Saturday"] == "2020-02-29"
    assert values("The loan must be repaid by February.")["February"] == "2021-02"
    # The Friday before the last day mentioned.
    text = "Shares closed at 2,082 on Friday, down 4.5% from the previous Friday."
    assert values(text, dt.date(1989, 10, 30))["the previous Friday"] == "1989-10-20"


TUESDAY = dt.date(2020, 3, 3)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # A timetable in the present, the future, and the future of reported speech look ahead.
        ("Erdogan meets Putin in Moscow on Thursday.", "2020-03-05"),
        ("Erdogan will meet Putin in Moscow on Thursday.", "2020-03-05"),
        ("Erdogan said he would meet Putin in Moscow on Thursday.", "2020-03-05"),
        # The past, and "would" after the weekday (the day he said it), do not.
        ("Erdogan met Putin in Moscow on Thursday.", "2020-02-27"),
        ("Erdogan said Thursday he would meet Putin in Moscow.", "2020-02-27"),
        ("Erdogan would have met Putin in Moscow on Thursday.", "2020-02-27"),
        # "United" is no past verb between the cue and the weekday.
        ("The envoy will fly to the United States on Thursday.", "2020-03-05"),
        # A plan still current in the past progressive; a commitment points past its own day.
        ("Protesters were planning to march on Thursday.", "2020-03-05"),
        ("The rebels agreed to withdraw on Thursday.", "2020-03-05"),
        ("On Thursday the rebels agreed to withdraw.", "2020-02-27"),
        # A possessive names an event by its day: "would" says nothing about it.
        ("Lawyers said they would appeal against Thursday's ruling.", "2020-02-27"),
    ],
)
def test_the_tense_of_the_clause_decides_the_week(sentence: str, value: str) -> None:
    assert values(sentence, TUESDAY)["Thursday"] == value


def test_possessive_weekday_and_last_next() -> None:
    assert found("Thursday's meeting may be the first step.") == [("Thursday", "DATE", "2020-03-05", None)]
    assert values("He resigned last Monday.")["last Monday"] == "2020-03-02"
    assert values("Voting starts next Tuesday.")["next Tuesday"] == "2020-03-10"
    assert values("The embargo runs until Tuesday.")["Tuesday"] == "2020-03-10"


def test_weekday_with_part_of_day_or_clock_time() -> None:
    assert found("Shelling resumed late Tuesday night.") == [
        ("late Tuesday night", "TIME", "2020-03-03TNI", "END")
    ]
    assert found("The vote closed at 10 p.m. Wednesday.") == [
        ("10 p.m. Wednesday", "TIME", "2020-03-04T22:00", None)
    ]
    assert found("Talks began Friday morning.")[0][2] == "2020-02-28TMO"


# -- months, seasons and parts of periods ----------------------------------------------------


def test_bare_months_a_few_months_ahead_follow_the_clause() -> None:
    # Published 5 March 2020: June is three months ahead.
    assert values("The company agreed to sell the unit in June.")["June"] == "2020-06"
    assert values("In June, the company agreed to sell the unit.")["June"] == "2019-06"
    assert values("The appeal is heard in June.")["June"] == "2020-06"
    assert values("The bonus would be paid in June.")["June"] == "2020-06"
    assert values("Telecom shares fell in June.")["June"] == "2019-06"
    assert values("The credit line runs through June.")["June"] == "2020-06"
    october = dt.date(1989, 10, 30)
    assert values("Sales were flat this year through August.", october)["August"] == "1989-08"
    text = "The sale, which had been expected, is part of a plan to repay the loan by February."
    assert values(text, october)["February"] == "1990-02"


def test_bare_months_by_tense() -> None:
    assert values("The deal was signed in June.")["June"] == "2019-06"
    assert values("The vote will be held in June.")["June"] == "2020-06"
    assert values("Tensions have escalated since February.")["February"] == "2020-02"
    assert values("Troops arrived in January.")["January"] == "2020-01"
    assert values("The March accession will enable the three to vote.")["March"] == "2020-03"
    # The month after publication is the coming one.
    assert values("The summit takes place in April.")["April"] == "2020-04"


def test_parts_of_periods_carry_a_mod_and_a_narrowed_interval() -> None:
    text = (
        "Since the beginning of the year the sides have met twice. Violence has grown since the end of "
        "February, and a summit was planned for early March."
    )
    findings = {f.text: f for f in find_dates(text, THURSDAY)}
    start = findings["the beginning of the year"]
    assert (start.value, start.mod, start.start_date, start.end_date) == (
        "2020",
        "START",
        "2020-01-01",
        "2020-04-30",
    )
    end = findings["the end of February"]
    assert (end.value, end.mod, end.start_date, end.end_date) == (
        "2020-02",
        "END",
        "2020-02-21",
        "2020-02-29",
    )
    early = findings["early March"]
    assert (early.value, early.mod, early.start_date, early.end_date) == (
        "2020-03",
        "START",
        "2020-03-01",
        "2020-03-10",
    )


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("Output slumped late last year.", "late last year", "2019", "END"),
        ("Prices rose earlier this month.", "earlier this month", "2020-03", "START"),
        ("A deal is expected early next year.", "early next year", "2021", "START"),
        ("The company will report by the end of the year.", "the end of the year", "2020", "END"),
        ("Prices rose in mid-November.", "mid-November", "2019-11", "MID"),
        ("Rebels advanced last summer.", "last summer", "2019-SU", None),
        ("The offensive began in the spring of 2019.", "the spring of 2019", "2019-SP", None),
    ],
)
def test_parts_of_relative_periods_and_seasons(
    sentence: str, expression: str, value: str, mod: str | None
) -> None:
    finding = {f.text: f for f in find_dates(sentence, THURSDAY)}[expression]
    assert (finding.value, finding.mod) == (value, mod)


# -- relative to the publication date -------------------------------------------------------


@pytest.mark.parametrize(
    ("expression", "type_", "value"),
    [
        ("yesterday", "DATE", "2020-03-04"),
        ("today", "DATE", "2020-03-05"),
        ("tomorrow", "DATE", "2020-03-06"),
        ("tonight", "TIME", "2020-03-05TNI"),
        ("last night", "TIME", "2020-03-04TNI"),
        ("this morning", "TIME", "2020-03-05TMO"),
        ("last week", "DATE", "2020-W09"),
        ("this year", "DATE", "2020"),
        ("next month", "DATE", "2020-04"),
        ("last year", "DATE", "2019"),
        ("two years ago", "DATE", "2018"),
        ("three weeks ago", "DATE", "2020-W07"),
        ("five days ago", "DATE", "2020-02-29"),
        ("a decade ago", "DATE", "2010"),
        ("the weekend", "DATE", "2020-W09-WE"),
    ],
)
def test_deictic_expressions(expression: str, type_: str, value: str) -> None:
    (finding,) = find_dates(f"Officials spoke about it {expression}.", THURSDAY)
    assert (finding.text, finding.type, finding.value) == (expression, type_, value)
    assert (finding.anchor, finding.anchor_value) == ("published", "2020-03-05")


def test_quarters_in_financial_news() -> None:
    text = (
        "Third-quarter profit rose 12% to $40 million from $35 million a year earlier. "
        "Sales in the latest quarter were flat, and the year-ago quarter included a charge."
    )
    assert found(text, dt.date(1989, 10, 26)) == [
        ("Third-quarter", "DATE", "1989-Q3", None),
        ("a year earlier", "DATE", "1988-Q3", None),
        ("the latest quarter", "DATE", "1989-Q3", None),
        ("the year-ago quarter", "DATE", "1988-Q3", None),
    ]


def test_the_reported_quarter_wins_a_tie_with_a_quarter_mentioned_for_comparison() -> None:
    text = (
        "Acme posted a 20% gain in third-quarter net income, to $10 million from $9 million a year "
        "ago. After a flat second quarter, Acme credited its consumer business. Charges were "
        "taken in the year-earlier period."
    )
    assert values(text, dt.date(2019, 11, 1))["the year-earlier period"] == "2018-Q3"


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("Earnings will fall in the last half of 2019.", "the last half of 2019", "2019-H2", None),
        ("Sales rose in the first half of the year.", "the first half of the year", "2020-H1", None),
        (
            "Orders will pick up in the second half of this year.",
            "the second half of this year",
            "2020-H2",
            None,
        ),
        ("Volume was flat in the last half of the 1980s.", "the last half of the 1980s", "198", "END"),
        ("The deal closed in the first half of March.", "the first half of March", "2020-03", "START"),
        ("Profit rose in the last quarter.", "the last quarter", "2019-Q4", None),
        ("Growth slowed at the end of the 1990s.", "the end of the 1990s", "199", "END"),
    ],
)
def test_halves_and_parts_of_decades(sentence: str, expression: str, value: str, mod: str | None) -> None:
    assert [(f.text, f.value, f.mod) for f in find_dates(sentence, THURSDAY)] == [(expression, value, mod)]


def test_weeks_days_and_clock_times_named_around_a_date() -> None:
    assert found("A hearing is set for the week of March 16.") == [
        ("the week of March 16", "DATE", "2020-W12", None)
    ]
    assert found("Leaders meet on April 24 and 25 in Brussels.") == [
        ("April 24", "DATE", "2020-04-24", None),
        ("25", "DATE", "2020-04-25", None),
    ]
    assert [f[0] for f in found("Turnout was 61% on May 3 and 4 percent lower later.")] == ["May 3"]
    assert found("The convoy will leave at 4 in the morning on Friday.") == [
        ("4 in the morning on Friday", "TIME", "2020-03-06T04:00", None)
    ]
    assert found("Shops closed for Easter week.", dt.date(2020, 4, 17)) == [
        ("Easter week", "DATE", "2020-W15", None)
    ]
    assert (
        values("It is a long way from now to Election Day.", dt.date(2020, 10, 26))["Election Day"]
        == "2020-11-03"
    )


def test_a_part_of_day_after_a_day_just_mentioned() -> None:
    text = "Shares closed lower on Friday. Dealers placed heavy buy orders in the morning."
    assert found(text)[-1] == ("the morning", "TIME", "2020-02-28TMO", None)
    assert found("Dealers placed heavy buy orders in the morning.") == []


def test_broadcast_years_with_a_month_or_season() -> None:
    assert found("Oil fell to that level in the winter of nineteen ninety-four.") == [
        ("the winter of nineteen ninety-four", "DATE", "1994-WI", None)
    ]
    assert found("January nineteen ninety-seven. A bomb went off.") == [
        ("January nineteen ninety-seven", "DATE", "1997-01", None)
    ]


# -- anaphora ---------------------------------------------------------------------------------


def test_anaphoric_expressions_anchor_on_the_last_date_mentioned() -> None:
    text = (
        "Tensions flared in 2015. At that time jets clashed over the border. "
        "A few months later the tensions eased. Two years later trade recovered."
    )
    findings = {f.text: f for f in find_dates(text, THURSDAY)}
    assert (findings["that time"].value, findings["that time"].anchor) == ("2015", "previous")
    later = findings["A few months later"]
    assert (later.value, later.mod, later.anchor_value) == ("2015", "AFTER", "2015")
    assert (later.start_date, later.end_date) == ("2015-03-01", "2016-05-31")
    assert findings["Two years later"].value == "2017"


def test_vague_distances_from_an_earlier_date() -> None:
    text = "The city was destroyed in 1945. Decades later it was rebuilt."
    later = {f.text: f for f in find_dates(text, THURSDAY)}["Decades later"]
    assert (later.value, later.mod, later.anchor) == ("1945", "AFTER", "previous")
    # Counted in decades, not in decades of decades: "several" is three to nine of them.
    assert (later.start_date, later.end_date) == ("1975-01-01", "2035-12-31")


@pytest.mark.parametrize(
    "cue",
    [
        "will", "won't", "shall", "he'll", "going to", "due to", "set to", "scheduled", "expected to",
        "plans to", "planned", "planning", "is to", "are  to", "next", "upcoming", "as soon as",
        "as early as", "opens", "begins", "starts", "resumes", "travels", "departs", "arrives", "visits",
        "heads", "kicks off", "takes place", "expires", "meets", "hosts", "convenes", "flies",
        "leaves for", "is due", "are scheduled", "would", "he'd", "agreed to", "agreement to",
        "pledged to", "promised to", "vowed to", "intends to", "aims to", "hopes to", "likely to",
    ],
)  # fmt: skip
def test_the_quick_look_for_future_cues_misses_none(cue: str) -> None:
    # The clause is only scanned for cues when one of these pieces is in it.
    from newsparse.extractors.dates import _ANY_FUTURE_CUE, _CUE_PIECES, _IS_TO

    assert _ANY_FUTURE_CUE.search(cue)
    assert any(piece in cue for piece in _CUE_PIECES) or _IS_TO.search(cue)


def test_a_search_window_never_ends_inside_a_word() -> None:
    from newsparse.extractors.dates import _windows

    # A window cut after "month" of "months" would let a pattern read "this month" there.
    assert _windows([(0, 4)], "week this months later", (0, 11)) == [(0, 16)]
    assert _windows([(0, 4)], "week this months later", (0, 12)) == [(0, 16)]


def test_distances_in_fortnights_decades_and_beyond_the_calendar() -> None:
    assert (
        values("The talks began in 2015. A fortnight later they stalled.")["A fortnight later"] == "2015-W03"
    )
    (_, later) = find_dates("The talks began in 2015. A few decades later they resumed.", THURSDAY)
    assert (later.start_date, later.end_date) == ("2035-01-01", "2065-12-31")
    assert found("Prices doubled over the past two decades.")[0][2] == "P20Y"
    assert find_dates("Prices doubled over the past two decades.", THURSDAY)[0].start_date == "2000-03-05"
    # Out of the calendar's range: vague, never an error.
    assert found("The rocks formed 900 centuries ago.") == [("900 centuries ago", "DATE", "PAST_REF", None)]
    assert found("In 2015 the siege began; several millennia later it was a legend.")[1][2] == "FUTURE_REF"
    # A publication date at the calendar's edge resolves nothing (it is no real one).
    assert [f.value for f in find_dates("It ended last year, 999 millennia ago.", dt.date(1, 1, 5))] == [
        "XXXX",
        "XXXX",
    ]


def test_without_an_anchor_anaphora_falls_back() -> None:
    assert found("At that time nobody knew.") == [("that time", "DATE", "PAST_REF", None)]
    assert found("A few months later the talks resumed.") == [
        ("A few months later", "DATE", "FUTURE_REF", None)
    ]


# -- references, durations, sets, times -------------------------------------------------------


def test_present_past_and_future_references() -> None:
    text = "Now both sides are ready. The current crisis is recent news; it was recently worse and will soon ease."
    assert [(t, v) for t, _, v, _ in found(text)] == [
        ("Now", "PRESENT_REF"),
        ("current", "PRESENT_REF"),
        ("recently", "PAST_REF"),
        ("soon", "FUTURE_REF"),
    ]
    assert found("Rates will stay low for the foreseeable future and in the near future.") == [
        ("the near future", "DATE", "FUTURE_REF", None)
    ]


def test_present_and_vague_periods_in_general_terms() -> None:
    assert found("The shares trade at 50% of the then current price.") == [
        ("current", "DATE", "PAST_REF", None)
    ]
    assert found("Markets are calmer these days.") == [("these days", "DATE", "PRESENT_REF", None)]
    assert found("The case is a symbol for today's youth.") == [("today", "DATE", "PRESENT_REF", None)]
    assert found("Today's meeting was cancelled.") == [("Today", "DATE", "2020-03-05", None)]
    assert found("Prices have risen over the years.") == [("the years", "DURATION", "PXY", None)]
    assert found("Talks will go on in the weeks ahead.") == [("the weeks ahead", "DURATION", "PXW", None)]
    assert found("In the weeks before the vote, tension rose.") == []
    assert found("We are doing hundreds of interviews a day.") == [("a day", "SET", "P1D", None)]


def test_former_is_only_tagged_when_asked() -> None:
    assert found("The former minister spoke.") == []
    assert found("The former minister spoke.", former_as_past_ref=True) == [
        ("former", "DATE", "PAST_REF", None)
    ]


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("The siege lasted three weeks.", "three weeks", "P3W", None),
        ("The region has been unstable for years.", "years", "PXY", None),
        ("He was jailed for a decade.", "a decade", "P10Y", None),
        ("They signed a two-year contract.", "two-year", "P2Y", None),
        ("The talks lasted more than four hours.", "more than four hours", "PT4H", "MORE_THAN"),
        ("The fighting went on for two and a half years.", "two and a half years", "P2Y6M", None),
        ("He spoke for about 90 minutes.", "about 90 minutes", "PT90M", "APPROX"),
        ("Fifty soldiers have been killed in recent weeks.", "recent weeks", "PXW", None),
        ("Few have left in the past few months.", "the past few months", "PXM", None),
    ],
)
def test_durations(sentence: str, expression: str, value: str, mod: str | None) -> None:
    finding = {f.text: f for f in find_dates(sentence, THURSDAY)}[expression]
    assert (finding.type, finding.value, finding.mod) == ("DURATION", value, mod)


def test_a_counted_period_back_from_publication_has_an_interval() -> None:
    (finding,) = find_dates("Prices doubled over the past two months.", THURSDAY)
    assert (finding.value, finding.start_date, finding.end_date) == ("P2M", "2020-01-05", "2020-03-05")
    (recent,) = find_dates("More than 50 soldiers have been killed in recent weeks.", THURSDAY)
    assert (recent.start_date, recent.end_date) == (None, "2020-03-05")


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The council meets every year.", "every year", "P1Y"),
        ("The paper appears weekly.", "weekly", "P1W"),
        ("Rations are handed out daily.", "daily", "P1D"),
        ("Tickets cost $5 a month.", "a month", "P1M"),
        ("Markets open each Thursday.", "each Thursday", "XXXX-WXX-4"),
        ("The bazaar is held on Mondays.", "Mondays", "XXXX-WXX-1"),
        ("Inspectors come every two weeks.", "every two weeks", "P2W"),
    ],
)
def test_sets(sentence: str, expression: str, value: str) -> None:
    finding = {f.text: f for f in find_dates(sentence, THURSDAY)}[expression]
    assert (finding.type, finding.value) == ("SET", value)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The first blast was heard at 14:02 GMT.", "14:02 GMT", "2020-03-05T14:02"),
        ("The curfew starts at 6 p.m.", "6 p.m.", "2020-03-05T18:00"),
        ("The deadline passed at noon Saturday.", "noon Saturday", "2020-02-29T12:00"),
        ("Markets fell sharply in mid-afternoon yesterday.", "mid-afternoon yesterday", "2020-03-04TAF"),
    ],
)
def test_times(sentence: str, expression: str, value: str) -> None:
    finding = {f.text: f for f in find_dates(sentence, THURSDAY)}[expression]
    assert (finding.type, finding.value) == ("TIME", value)


# -- what is not a date ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Talks may resume if both sides agree.",
        "May I ask one more question, minister?",
        "Thousands march to the presidential palace.",
        "Veterans will march on the capital.",
        "The film starred Fredric March and Janet Gaynor.",
        "The Sun reported that the minister had resigned.",
        "We are not afraid, we said, and we meant it.",
        "He told Fox 5 that the count was wrong.",
        "Call 555-1234 or +44 20 7946 0958 for details.",
        "United won 3-1 and City drew 2-2 on aggregate.",
        "About 2000 people gathered, and 1,999 votes were cast.",
        "The bill was $2015 and the ferry carried 1500 passengers.",
        "He upgraded to version 1.2.3 and then 10.12.13.",
        "A second group of inspectors arrived.",
        "The 37-year-old driver and a woman, 52 years old, were hurt.",
        "Iraq imports about three-quarters of its food.",
        "Current accounts and the current account deficit widened.",
        "The fall of the city shocked the region.",
    ],
)
def test_non_dates(sentence: str) -> None:
    assert found(sentence) == []


# -- other languages and missing publication dates --------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression"),
    [
        ("Die Gespräche begannen am 5. März 2020 in Genf.", "5. März 2020"),
        ("El acuerdo se firmó el 5 de marzo de 2020 en Moscú.", "5 de marzo de 2020"),
        ("Le sommet a eu lieu le 5 mars 2020 à Paris.", "5 mars 2020"),
    ],
)
def test_absolute_dates_in_other_languages_via_dateparser(sentence: str, expression: str) -> None:
    assert found(sentence) == [(expression, "DATE", "2020-03-05", None)]


def test_other_languages_can_be_switched_off() -> None:
    # Without German month names only the year is recognised.
    assert found("Die Gespräche begannen am 5. März 2020.", languages=()) == [("2020", "DATE", "2020", None)]


def test_the_articles_own_language_is_added() -> None:
    article = newsparse.Article(text="Il vertice si è tenuto il 5 marzo 2020 a Roma.", language="it")
    pipeline = newsparse.Pipeline(extractors=["dates"], config={"dates": {"languages": ("de",)}}, strict=True)
    assert [(f.text, f.value) for f in pipeline.extract(article).extractions["dates"]] == [
        ("5 marzo 2020", "2020-03-05")
    ]


def test_without_a_publication_date_relative_values_are_underspecified() -> None:
    text = "He left on Thursday, came back yesterday, moved last year, signed on March 5 and retired in 2015."
    assert [(t, v) for t, _, v, _ in found(text, None)] == [
        ("Thursday", "XXXX-WXX-4"),
        ("yesterday", "XXXX-XX-XX"),
        ("last year", "XXXX"),
        ("March 5", "XXXX-03-05"),
        ("2015", "2015"),
    ]
    assert all(f.start_date is None for f in find_dates("on Thursday and last year", None))


# -- the extractor in the pipeline -------------------------------------------------------------


def test_registered_as_a_built_in_with_its_finding_type() -> None:
    manager = PluginManager(entry_points=False)
    entry = manager.extractors()["dates"]
    assert entry.plugin == "dates"
    assert manager.finding_types()["dates"] is DateFinding
    assert isinstance(entry.obj, DatesExtractor)


def test_findings_round_trip_through_json() -> None:
    article = newsparse.parse(
        "Talks resumed on Thursday, three weeks after the truce.", published=THURSDAY, format="plain"
    )
    again = newsparse.Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again.extractions["dates"] == article.extractions["dates"]
    assert all(isinstance(f, DateFinding) for f in again.extractions["dates"])


def test_captions_and_related_titles_are_searched_with_their_field() -> None:
    article = newsparse.Article(
        text="Leaders met on Thursday.",
        published=THURSDAY,
        images=(newsparse.Image(caption="The two leaders in Sochi in 2018."),),
        related=(newsparse.RelatedLink(title="What happened last week"),),
    )
    findings = newsparse.Pipeline(extractors=["dates"], strict=True).extract(article).extractions["dates"]
    assert {(f.field, f.text) for f in findings} == {
        ("text", "Thursday"),
        ("images[0].caption", "2018"),
        ("related[0].title", "last week"),
    }


def test_seed_article_dates(seed_text: str) -> None:
    expected = json.loads((SEEDS / f"{SEED_NAME}.expected.json").read_text(encoding="utf-8"))
    article = newsparse.parse(seed_text, extractors=["dates"], strict=True)
    assert [f.to_dict() for f in article.extractions["dates"]] == expected["extractions"]["dates"]


def test_seed_article_key_expressions(seed_text: str) -> None:
    article = newsparse.parse(seed_text, extractors=["dates"])
    by_text: dict[str, list[DateFinding]] = {}
    for finding in article.extractions["dates"]:
        assert isinstance(finding, DateFinding)
        by_text.setdefault(finding.text, []).append(finding)
    assert [f.value for f in by_text["Thursday"]] == ["2020-03-05", "2020-03-05"]
    assert [f.value for f in by_text["Wednesday"]] == ["2020-03-04", "2020-03-04"]
    assert (by_text["the end of February"][0].value, by_text["the end of February"][0].mod) == (
        "2020-02",
        "END",
    )
    assert (by_text["early March"][0].value, by_text["early March"][0].mod) == ("2020-03", "START")
    assert (by_text["the beginning of the year"][0].value, by_text["the beginning of the year"][0].mod) == (
        "2020",
        "START",
    )
    assert by_text["recent weeks"][0].value == "PXW"
    assert {f.value for f in by_text["now"] + by_text["Now"]} == {"PRESENT_REF"}
    assert [f.value for f in by_text["2015"]] == ["2015"]


# -- robustness ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,
        '"' * 100_000,
        "2020 " * 10_000,
        "March " * 10_000,
        "the end of the " * 20_000,
        "1" * 200_000,
        "more than more than " * 20_000 + "three weeks",
    ],
)
def test_hostile_inputs_finish_with_exact_spans(text: str) -> None:
    for finding in find_dates(text, THURSDAY):
        assert text[finding.start : finding.end] == finding.text


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "on",
                "in",
                "the",
                "end",
                "of",
                "early",
                "late",
                "last",
                "next",
                "this",
                "May",
                "may",
                "March",
                "Thursday",
                "Thursday's",
                "2015",
                "1990s",
                "5",
                "March 5",
                "a",
                "few",
                "months",
                "later",
                "ago",
                "two",
                "years",
                "week",
                "now",
                "current",
                "every",
                "day",
                "10 p.m.",
                "14:02",
                "GMT",
                "Q3",
                "quarter",
                "year-earlier",
                ",",
                ".",
                "-",
                "'",
                "\n",
                " ",
            ]
        ),
        max_size=40,
    ).map(" ".join),
    st.one_of(st.none(), st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))),
)
def test_any_mix_of_date_words_gives_exact_spans(text: str, published: dt.date | None) -> None:
    for finding in find_dates(text, published):
        assert text[finding.start : finding.end] == finding.text
        assert finding.type in ("DATE", "TIME", "DURATION", "SET")
