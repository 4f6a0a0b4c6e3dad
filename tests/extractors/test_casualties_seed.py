"""The seed article: the casualties section of its reviewed expected output, and the issue's
acceptance points spelt out one by one."""

from __future__ import annotations

import json
from typing import Any

import pytest

import newsparse
from newsparse.model import Article
from tests.conftest import SEED_NAME, SEEDS


@pytest.fixture(scope="module")
def seed_article(seed_text: str) -> Article:
    return newsparse.parse(seed_text)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEEDS / f"{SEED_NAME}.expected.json").read_text(encoding="utf-8"))
    return data


def test_matches_the_reviewed_expected_output(seed_article: Article, expected: dict[str, Any]) -> None:
    assert not seed_article.errors
    found = [f.to_dict() for f in seed_article.findings("casualties")]
    assert found == expected["extractions"]["casualties"]
    assert seed_article.summaries["casualties"] == expected["summaries"]["casualties"]


def test_the_two_killed_reports(seed_article: Article) -> None:
    first, second = seed_article.findings("casualties")
    assert (first.text, first.min, first.max, first.qualifier) == (
        "more than 30 Turkish soldiers were killed",
        31,
        None,
        "more_than",
    )
    assert (first.victims, first.perpetrator, first.cumulative) == (
        "Turkish soldiers",
        "the Syrian army",
        False,
    )
    assert (second.min, second.qualifier, second.location) == (51, "more_than", "Idlib")
    assert (second.cumulative, second.period) == (True, "in recent weeks")


def test_the_summary_takes_the_running_total_never_the_sum(seed_article: Article) -> None:
    killed = seed_article.summaries["casualties"]["killed"]
    assert (killed["min"], killed["max"]) == (51, None)  # not 81
    assert set(seed_article.summaries["casualties"]) == {"killed"}


def test_no_casualty_from_the_downed_bomber(seed_article: Article) -> None:
    bomber = seed_article.text.index("shot down a Russian bomber")
    assert all(not (f.start <= bomber < f.end) for f in seed_article.findings("casualties"))
