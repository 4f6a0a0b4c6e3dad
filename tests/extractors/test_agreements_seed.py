"""The seed article: the agreements section of its reviewed expected output, and the issue's
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
def found(seed_article: Article) -> list[dict[str, Any]]:
    assert not seed_article.errors
    return [f.to_dict() for f in seed_article.findings("agreements")]


def by_text(found: list[dict[str, Any]], text: str) -> list[dict[str, Any]]:
    return [f for f in found if f["text"] == text]


def test_matches_the_reviewed_expected_output(found: list[dict[str, Any]]) -> None:
    expected = json.loads((SEEDS / f"{SEED_NAME}.expected.json").read_text(encoding="utf-8"))
    assert found == expected["extractions"]["agreements"]


def test_the_sochi_agreements(found: list[dict[str, Any]]) -> None:
    (sochi,) = by_text(found, "the Sochi agreements of 2018")
    assert (sochi["name"], sochi["date"], sochi["location"]) == ("Sochi agreements", "2018", "Sochi")
    assert (sochi["status"], sochi["modality"]) == ("respected", "hoped")  # "swore ... would be respected"
    assert sochi["parties"] == []  # the article never says who made them; not guessed
    (these,) = by_text(found, "These agreements")
    (accords,) = by_text(found, "the accords")
    assert (accords["status"], accords["modality"]) == ("partially_implemented", "asserted")
    assert sochi["id"] == these["id"] == accords["id"]


def test_the_hoped_for_ceasefire(found: list[dict[str, Any]]) -> None:
    ceasefires = by_text(found, "a ceasefire")
    (renewed,) = by_text(found, "a renewed ceasefire")
    assert [(c["status"], c["modality"]) for c in ceasefires] == [("agreed", "hoped"), ("agreed", "hoped")]
    assert (renewed["status"], renewed["modality"]) == ("negotiating", "possible")
    assert len({c["id"] for c in [*ceasefires, renewed]}) == 1
    assert {c["kind"] for c in [*ceasefires, renewed]} == {"ceasefire"}


def test_what_is_not_an_agreement(found: list[dict[str, Any]]) -> None:
    spans = " | ".join(f["text"] for f in found)
    for phrase in ("dividing line", "compromise", "talks", "summit", "plan", "Compromise"):
        assert phrase not in spans


def test_the_related_link_is_a_question(seed_article: Article, found: list[dict[str, Any]]) -> None:
    (deal,) = [f for f in found if f["field"] != "text"]
    assert seed_article.text_of(deal["field"]) == "Will the EU-Turkey refugee deal collapse?"
    assert (deal["text"], deal["kind"]) == ("the EU-Turkey refugee deal", "migration")
    assert (deal["status"], deal["modality"]) == ("collapsed", "question")


def test_the_summary_lists_three_agreements(seed_article: Article) -> None:
    summary = seed_article.summaries["agreements"]
    assert [(s["name"], s["status"], s["mentions"]) for s in summary] == [
        ("Sochi agreements", "partially_implemented", 3),
        (None, None, 3),
        ("EU-Turkey refugee deal", None, 1),
    ]
