"""The language guess used to label articles."""

from __future__ import annotations

import pytest

import newsparse
from newsparse.text.language import guess_language


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "The minister said on Thursday that the talks with the rebels were over and that troops would stay.",
            "en",
        ),
        (
            "Der Minister sagte am Donnerstag, dass die Gespräche mit den Rebellen beendet seien und die Truppen bleiben.",
            "de",
        ),
        (
            "Le ministre a déclaré jeudi que les pourparlers avec les rebelles sont terminés et que les troupes restent.",
            "fr",
        ),
        (
            "El ministro dijo el jueves que las conversaciones con los rebeldes han terminado y que las tropas se quedan.",
            "es",
        ),
        (
            "Министр заявил в четверг, что переговоры с повстанцами завершены и что войска остаются на месте, как и было.",
            "ru",
        ),
    ],
)
def test_guesses_common_news_languages(text: str, code: str) -> None:
    assert guess_language(text) == code


def test_too_little_evidence_gives_none() -> None:
    assert guess_language("Idlib, Moscow, Ankara") is None
    assert guess_language("") is None


def test_readers_label_the_article() -> None:
    text = (
        "The minister said on Thursday that the talks with the rebels were over and that troops would stay."
    )
    assert newsparse.parse(text, format="plain", extractors=[]).language == "en"


@pytest.mark.parametrize(
    "text",
    [
        "The minister said on Thursday that the talks with the rebels were over and that troops would stay.",
        "THE MINISTER SAID THAT THE TALKS WERE OVER, AND THAT TROOPS WOULD STAY IN THE NORTH.",
        "Der Minister sagte, dass die Truppen bleiben und die Gespraeche mit den Rebellen beendet seien.",
        "Idlib, Moscow, Ankara",
    ],
)
def test_ascii_text_is_read_like_any_other(text: str) -> None:
    # ASCII samples take a faster path; a trailing accented word (no function word) sends the
    # same text down the general one, and both must agree.
    assert guess_language(text) == guess_language(text + " café")
