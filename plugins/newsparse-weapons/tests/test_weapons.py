"""The example plugin, tested the way plugin authors should test theirs: newsparse.testing."""

from __future__ import annotations

import newsparse_weapons
import pytest

import newsparse
from newsparse.testing import plugin_manager, registered


def weapons(text: str, **config: object) -> list[tuple[str, str, str | None]]:
    manager = plugin_manager()
    with registered(manager, newsparse_weapons, name="weapons"):
        options = {"weapons": config} if config else None
        article = newsparse.parse(
            text, format="plain", manager=manager, extractors=["weapons"], config=options
        )
    return [(f.text, f.category, f.owner) for f in article.extractions["weapons"]]  # type: ignore[attr-defined]


def test_equipment_with_and_without_owner() -> None:
    text = (
        "At that time Turkish fighter jets shot down a Russian bomber near the border. "
        "Damascus could withdraw heavy weapons, and Turkey could use its air force."
    )
    assert weapons(text) == [
        ("Turkish fighter jets", "aircraft", "Turkish"),
        ("Russian bomber", "aircraft", "Russian"),
        ("heavy weapons", "weapon", None),
        ("air force", "aircraft", None),
    ]


def test_longest_term_wins_and_sentence_initial_words_are_not_owners() -> None:
    assert weapons("The tanks moved in. Machine guns were heard; barrel bombs fell.") == [
        ("tanks", "vehicle", None),
        ("Machine guns", "weapon", None),
        ("barrel bombs", "munition", None),
    ]


def test_non_weapon_senses_are_skipped() -> None:
    assert weapons("Jet lag hit the delegation after the flight.") == []
    assert weapons("A Moscow-based think tank and a fuel tank.") == []


def test_categories_option_filters() -> None:
    text = "Russian warships and Syrian tanks were seen."
    assert weapons(text, categories=("vessel",)) == [("Russian warships", "vessel", "Russian")]


def test_unknown_category_is_a_config_error_naming_the_extractor() -> None:
    with pytest.raises(newsparse.ConfigError, match="weapons"):
        weapons("Tanks.", categories=("spaceships",))
