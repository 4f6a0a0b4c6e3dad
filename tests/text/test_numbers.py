"""Number phrases: digits, words, vague quantities, bounds and ranges, with honest intervals."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from newsparse.text.numbers import NumberPhrase, find_numbers, parse_number_words


def only(text: str) -> NumberPhrase:
    (phrase,) = find_numbers(text)
    return phrase


def interval(text: str) -> tuple[int | None, int | None, str]:
    phrase = only(text)
    return phrase.min, phrase.max, phrase.qualifier


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rescuers pulled 1,200 people from the rubble.", (1200, 1200, "exact")),
        ("The agency said 1.2 million people had fled.", (1_200_000, 1_200_000, "exact")),
        ("Some 2.5m children are out of school.", (None, None, "about")),
        ("Thirty-two miners were trapped.", (32, 32, "exact")),
        ("The ministry counted one hundred and five victims.", (105, 105, "exact")),
        ("Two hundred protesters gathered.", (200, 200, "exact")),
        ("The blast wounded twenty one people.", (21, 21, "exact")),
        ("A dozen soldiers were captured.", (12, 12, "exact")),
        ("Half a dozen homes burned.", (6, 6, "exact")),
        ("Two dozen rockets hit the base.", (24, 24, "exact")),
    ],
)
def test_exact_numbers_in_digits_and_words(text: str, expected: tuple[int | None, int | None, str]) -> None:
    assert interval(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("More than 30 soldiers died.", (31, None, "more_than")),
        ("Over 100 houses were destroyed.", (101, None, "more_than")),
        ("At least 12 people were hurt.", (12, None, "at_least")),
        ("No fewer than eight ambulances arrived.", (8, None, "at_least")),
        ("Officials expect 40 or more arrests.", (40, None, "at_least")),
        ("The 30-plus victims were named.", (30, None, "at_least")),
        ("Up to 20 people may be trapped.", (None, 20, "up_to")),
        ("As many as 40 fighters surrendered.", (None, 40, "up_to")),
        ("Fewer than 10 patients remain.", (None, 9, "less_than")),
        ("Nearly 50 villages were flooded.", (None, 49, "nearly")),
        ("About 20 people were rescued.", (None, None, "about")),
        ("Some 500,000 workers went on strike.", (None, None, "about")),
        ("Roughly a dozen boats sank.", (None, None, "about")),
        ("It took 30 or so minutes.", (None, None, "about")),
    ],
)
def test_bounds(text: str, expected: tuple[int | None, int | None, str]) -> None:
    assert interval(text) == expected


def test_a_bound_keeps_the_number_written_and_a_conservative_point() -> None:
    phrase = only("More than 30 soldiers died.")
    assert (phrase.text, phrase.value, phrase.point) == ("More than 30", 30.0, 30)
    assert only("About 20 people were rescued.").point == 20
    assert only("Fewer than 10 patients remain.").point is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Between 20 and 30 people were injured.", (20, 30)),
        ("Police said 20 to 30 shots were fired.", (20, 30)),
        ("Some 20-30 people gathered.", (20, 30)),
        ("Two or three gunmen fled.", (2, 3)),
        ("Five to seven bodies were found.", (5, 7)),
        ("The war displaced 20 to 30 million people.", (20_000_000, 30_000_000)),
    ],
)
def test_ranges(text: str, expected: tuple[int, int]) -> None:
    phrase = only(text)
    assert (phrase.min, phrase.max, phrase.qualifier) == (*expected, "range")
    assert phrase.point == expected[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Dozens of people were arrested.", (24, None, 12)),
        ("Scores of homes were damaged.", (40, None, 20)),
        ("Tens of people joined.", (20, 99, 10)),
        ("Hundreds of families fled.", (200, 999, 100)),
        ("Thousands of protesters marched.", (2000, 9999, 1000)),
        ("Tens of thousands rallied.", (20_000, 99_999, 10_000)),
        ("Hundreds of thousands were displaced.", (200_000, 999_999, 100_000)),
        ("Several soldiers were wounded.", (3, 9, None)),
        ("A few people were hurt.", (2, 5, None)),
        ("A handful of villagers stayed.", (2, 5, None)),
        ("Many civilians were trapped.", (2, None, None)),
        ("Several hundred people waited.", (300, 999, 300)),
    ],
)
def test_vague_quantities(text: str, expected: tuple[int | None, int | None, int | None]) -> None:
    phrase = only(text)
    assert (phrase.min, phrase.max, phrase.point) == expected
    assert phrase.qualifier == "vague"
    assert phrase.approximate


def test_bounds_on_vague_and_word_quantities() -> None:
    assert interval("More than a dozen people were hurt.") == (13, None, "more_than")
    assert interval("AT LEAST TWO DOZEN PEASANTS DIED.") == (24, None, "at_least")


@pytest.mark.parametrize(
    "text",
    [
        "No one was hurt.",
        "It is not clear how many died.",
        "A 25-year-old man was arrested at 9:30 p.m.",
        "Turnout was 5% higher than in COVID-19 times.",
        "He was the 111th victim.",
        "The 2013-14 season ended.",
    ],
)
def test_words_and_digits_that_are_not_counts(text: str) -> None:
    assert list(find_numbers(text)) == []


def test_several_phrases_in_order_with_exact_spans() -> None:
    text = "At least 35 people were killed and 350 injured, while two others are missing."
    phrases = list(find_numbers(text))
    assert [p.text for p in phrases] == ["At least 35", "350", "two"]
    assert all(text[p.start : p.end] == p.text for p in phrases)


def test_capitals_as_in_wire_copy() -> None:
    assert interval("MORE THAN 200 SOLDIERS AND GUERRILLAS DIED.") == (201, None, "more_than")
    assert interval("THIRTY-TWO PEOPLE WERE KILLED.") == (32, 32, "exact")


def test_parse_number_words() -> None:
    assert parse_number_words("one hundred and five") == 105
    assert parse_number_words("a thousand") == 1000
    assert parse_number_words("1,200") == 1200
    assert parse_number_words("2.5 million") == 2_500_000
    assert parse_number_words("not a number") is None


def test_a_window_of_the_text() -> None:
    text = "Five died. Six were hurt. Seven fled."
    assert [p.text for p in find_numbers(text, 11, 25)] == ["Six"]


@pytest.mark.parametrize("text", ["9" * 1_000_000, "a" * 1_000_000, "more than " * 100_000, "1-" * 300_000])
def test_hostile_inputs_finish_in_linear_time(text: str) -> None:
    start = time.perf_counter()
    list(find_numbers(text))
    # Measured 0.03-1.5 s per 1 MB input on a shared 2-core machine; the bound only catches blow-ups.
    assert time.perf_counter() - start < 10


# -- the project's number-convention cases (../shared/corpora/numbers) -------------------------

#: Cases whose expected interval the number grammar itself cannot decide (see docs/numbers.md):
#: "killing or wounding 50" is a casualty category question, not a number one.
NOT_A_NUMBER_QUESTION = {"killing or wounding 50", "no one was hurt"}


def convention_cases(corpora: Path) -> list[dict[str, str]]:
    path = corpora / "numbers" / "number_conventions_cases.tsv"
    if not path.is_file():
        pytest.skip("numbers cases are not in the corpora folder")
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def _bound_ok(got: int | None, expected: str, inclusive: str) -> bool:
    if not expected:
        return got is None
    if got is None:
        return False
    return got == int(expected) if inclusive == "true" else abs(got - int(expected)) <= 1


@pytest.mark.corpus
def test_number_convention_cases(corpora: Path) -> None:
    failures = []
    for case in convention_cases(corpora):
        phrase = case["phrase"]
        if phrase in NOT_A_NUMBER_QUESTION:
            continue
        found = list(find_numbers(phrase))
        if phrase.startswith("a soldier"):
            assert found == []  # "a" is a count only for the casualties extractor, which knows the noun
            continue
        first = found[0]
        point = int(case["acled_point"]) if case["acled_point"] else None
        ok = (
            _bound_ok(first.min, case["lower"], case["lower_incl"])
            and _bound_ok(first.max, case["upper"], case["upper_incl"])
            and first.point == point
        )
        if not ok:
            failures.append((phrase, first.min, first.max, first.point))
    assert failures == []
