"""Mentions, alias clusters, nominal and pronoun resolution: the seed's acceptance list and
synthetic articles written for these tests."""

from __future__ import annotations

import pytest
import regex

import newsparse
from newsparse.text import Document


def _document(text: str) -> Document:
    return Document(text)


def _entity_of(document: Document, phrase: str) -> str | None:
    """The name of the entity of the first mention inside the first whole-word `phrase`."""
    found = regex.search(r"\b" + regex.escape(phrase) + r"\b", document.text)
    assert found is not None, phrase
    mention = document.mentions_between(found.start(), found.end())
    assert mention, phrase
    entity = document.resolve(mention[0])
    return None if entity is None else entity.name


# ------------------------------------------------------------------------------------------------
# The seed article (acceptance list of issue 3)
# ------------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_document(seed_text: str) -> Document:
    return Document.of(newsparse.parse(seed_text))


@pytest.mark.parametrize(
    ("name", "aliases"),
    [
        ("Recep Tayyip Erdogan", {"Erdogan"}),
        ("Vladimir Putin", {"Putin"}),
        ("Angela Merkel", set()),
        ("Emmanuel Macron", set()),
        ("Sergei Lavrov", set()),
        ("Bashar al-Assad", set()),
        ("Dmitry Peskov", set()),
        ("Timur Akhmetov", {"Akhmetov", "Achmetow"}),
        ("Marianna Belenkaya", {"Belenkaya"}),
    ],
)
def test_seed_person_clusters(seed_document: Document, name: str, aliases: set[str]) -> None:
    entity = seed_document.entity_named(name)
    assert entity is not None
    assert entity.kind == "person"
    assert entity.name == name
    assert aliases <= set(entity.aliases)
    # Every alias of the cluster is found once only: one cluster per person.
    assert [e.name for e in seed_document.entities].count(name) == 1


def test_seed_roles_and_gender(seed_document: Document) -> None:
    erdogan = seed_document.entity_named("Erdogan")
    merkel = seed_document.entity_named("Merkel")
    peskov = seed_document.entity_named("Peskov")
    akhmetov = seed_document.entity_named("Akhmetov")
    lavrov = seed_document.entity_named("Lavrov")
    assert erdogan is not None
    assert merkel is not None
    assert peskov is not None
    assert akhmetov is not None
    assert lavrov is not None
    assert "Turkish President" in erdogan.roles
    assert erdogan.country == "Turkey"
    assert erdogan.gender == "m"
    assert "German Chancellor" in merkel.roles
    assert merkel.gender == "f"
    assert "Kremlin spokesman" in peskov.roles
    assert peskov.country == "Russia"
    assert akhmetov.roles == ("an expert with the Russian Council for Foreign Relations (RSMD)",)
    assert akhmetov.country == "Russia"
    assert lavrov.role_nouns == ("foreign minister",)


def test_seed_he_told_reporters_is_erdogan(seed_document: Document) -> None:
    assert _entity_of(seed_document, "he told reporters") == "Recep Tayyip Erdogan"


def test_seed_the_russian_expert_is_akhmetov(seed_document: Document) -> None:
    assert _entity_of(seed_document, "the Russian expert") == "Timur Akhmetov"


def test_seed_the_expert_says_is_belenkaya(seed_document: Document) -> None:
    assert _entity_of(seed_document, "the expert says") == "Marianna Belenkaya"


def test_seed_other_pronouns(seed_document: Document) -> None:
    assert _entity_of(seed_document, "he added") == "Timur Akhmetov"
    assert _entity_of(seed_document, "He believes that") == "Timur Akhmetov"
    assert _entity_of(seed_document, "His foreign minister") == "Vladimir Putin"
    assert _entity_of(seed_document, "her current analysis") == "Marianna Belenkaya"
    assert _entity_of(seed_document, 'his "dear') == "Vladimir Putin"


def test_seed_actors_and_non_names(seed_document: Document) -> None:
    names = {m.text for m in seed_document.mentions if m.kind == "name"}
    assert {"Ankara", "Moscow", "Kremlin", "NATO", "RSMD"} <= names
    # Sentence-initial capitals, weekdays, months and headline words are not names.
    assert not names & {
        "Thursday",
        "Wednesday",
        "March",
        "February",
        "Tension",
        "Details",
        "Political",
        "Civilians",
    }
    council = seed_document.entity_named("RSMD")
    assert council is not None
    assert council.name == "Russian Council for Foreign Relations"
    army = seed_document.entity_at(*_span(seed_document.text, "the Syrian army"))
    assert army is not None
    assert army.kind == "organisation"
    assert army.country == "Syria"
    ankara = seed_document.entity_named("Ankara")
    assert ankara is not None
    assert ankara.kind == "place"
    assert ankara.country == "Turkey"


def test_seed_attribution_subjects(seed_document: Document) -> None:
    verbs = {m.text: m.speech_verb for m in seed_document.mentions if m.speech_verb}
    assert verbs["Dmitry Peskov"] == "tell"
    assert verbs["Timur Akhmetov"] == "say"
    assert verbs["Achmetow"] == "say"
    assert verbs["the Russian expert"] == "suggest"


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


# ------------------------------------------------------------------------------------------------
# Synthetic articles
# ------------------------------------------------------------------------------------------------

KYIV_STORY = "\n\n".join(
    [
        "Zelensky to meet Macron in Paris as talks on air defence stall",
        (
            "Ukrainian President Volodymyr Zelensky will travel to Paris on Friday to meet "
            "French President Emmanuel Macron, his office said on Tuesday."
        ),
        (
            '"We expect concrete results," '
            "Zelensky told reporters in Kyiv. "
            "He added that the meeting would focus on air defence."
        ),
        (
            "Olena Kovalenko, an analyst with the Kyiv Institute for Security Studies (KISS), "
            "said the visit was overdue. "
            '"Paris has been hesitant for months," the Ukrainian analyst said.'
        ),
        (
            "Speaking to a French newspaper, Kowalenko said she expected a joint statement. "
            "The Elysee did not comment."
        ),
    ]
)


def test_synthetic_clusters_and_transliteration() -> None:
    document = _document(KYIV_STORY)
    zelensky = document.entity_named("Volodymyr Zelensky")
    kovalenko = document.entity_named("Olena Kovalenko")
    assert zelensky is not None
    assert kovalenko is not None
    assert "Zelensky" in zelensky.aliases
    assert "Kowalenko" in kovalenko.aliases
    assert kovalenko.gender == "f"
    assert document.entity_named("KISS") is not None
    assert document.entity_named("KISS").name == "Kyiv Institute for Security Studies"  # type: ignore[union-attr]


def test_synthetic_pronouns_and_nominals() -> None:
    document = _document(KYIV_STORY)
    assert _entity_of(document, "He added") == "Volodymyr Zelensky"
    assert _entity_of(document, "the Ukrainian analyst") == "Olena Kovalenko"
    assert _entity_of(document, "she expected") == "Olena Kovalenko"
    assert _entity_of(document, "his office") == "Volodymyr Zelensky"


OSLO_STORY = "\n\n".join(
    [
        "Foreign Minister Anna Berg met her Danish counterpart Lars Holm in Oslo on Monday.",
        (
            "Holm said the talks had been constructive. "
            '"We agreed on the next steps," he told journalists after the meeting. '
            "She later said the two countries would sign a fisheries deal in June."
        ),
    ]
)


def test_pronouns_follow_gender_and_attribution() -> None:
    document = _document(OSLO_STORY)
    assert _entity_of(document, "her Danish") == "Anna Berg"
    assert _entity_of(document, "he told") == "Lars Holm"
    assert _entity_of(document, "She later") == "Anna Berg"
    holm = document.entity_named("Holm")
    assert (holm is not None and holm.roles == ("her Danish counterpart",)) or holm.role_nouns == (
        "counterpart",
    )
    assert holm is not None
    assert holm.country == "Denmark"


def test_pronoun_prefers_subject_of_previous_attribution_over_most_recent_person() -> None:
    text = (
        "Prime Minister Maria Lopez said on Sunday she hoped the talks with Carlos Ruiz would succeed. "
        '"There is no alternative," she told the radio station.\n\n'
        "Interior Minister Pedro Gomez said he hoped to meet Ruiz soon. "
        '"The door is open," he told reporters.'
    )
    document = _document(text)
    assert _entity_of(document, "she told") == "Maria Lopez"
    assert _entity_of(document, "he told") == "Pedro Gomez"


def test_a_speaker_named_by_first_name_alone_is_a_person_of_that_gender() -> None:
    text = (
        "Voters in the town watched the speech on Thursday night.\n\n"
        '"He really means it," Melanie said, and then she switched off the television.\n\n'
        '"We will see," she added. Jordan said nothing.'
    )
    document = _document(text)
    melanie = document.entity_named("Melanie")
    assert melanie is not None
    assert (melanie.kind, melanie.gender) == ("person", "f")
    assert _entity_of(document, "she switched") == "Melanie"
    assert _entity_of(document, "she added") == "Melanie"
    jordan = document.entity_named("Jordan")  # a country before it is a first name
    assert jordan is not None
    assert jordan.kind == "place"


def test_a_surname_that_is_also_a_first_name_joins_its_person_without_a_gender() -> None:
    text = (
        "Nkechi Cyril, who directs the Center for Media Justice, spoke at the screening.\n\n"
        '"We were watched for years," Cyril explained. She said the archive would open in May.'
    )
    document = _document(text)
    assert _entity_of(document, "Cyril explained") == "Nkechi Cyril"
    cyril = document.entity_named("Nkechi Cyril")
    assert cyril is not None
    assert cyril.gender is None  # "Cyril" is a man's first name, but here the surname of Nkechi Cyril
    assert _entity_of(document, "She said") == "Nkechi Cyril"


def test_a_first_name_alone_that_does_not_speak_stays_unknown() -> None:
    document = _document("The report was handed to Melanie on Friday.")
    melanie = document.entity_named("Melanie")
    assert melanie is not None
    assert melanie.kind == "unknown"


def test_nominal_needs_a_compatible_description() -> None:
    text = (
        "Kremlin spokesman Ivan Sokolov said the meeting would go ahead. Hours later, "
        "Turkish economist Leyla Demir said markets were nervous.\n\n"
        "The talks are expected to last two days, the Kremlin spokesman said. "
        "The economist said the lira could weaken further."
    )
    document = _document(text)
    assert _entity_of(document, "the Kremlin spokesman") == "Ivan Sokolov"
    assert _entity_of(document, "The economist") == "Leyla Demir"


def test_unresolved_nominal_becomes_an_unnamed_entity() -> None:
    document = _document("The witness said she heard three shots. Police have not named the witness.")
    entity = document.entity_at(0, len("The witness"))
    assert entity is not None
    assert not entity.named
    assert entity.name == "The witness"
    assert _entity_of(document, "she heard") == "The witness"


def test_surname_joins_the_nearest_full_name() -> None:
    text = (
        "Donald Trump spoke first. Ivanka Trump followed him on stage. "
        "Trump said the campaign was going well."
    )
    document = _document(text)
    assert _entity_of(document, "Trump said") == "Ivanka Trump"
    assert len({e.name for e in document.entities if e.kind == "person"}) == 2


def test_headline_names_before_the_text_introduces_them() -> None:
    text = (
        "Putin warns West over sanctions\n\n"
        "Russian President Vladimir Putin said on Monday the measures would fail."
    )
    document = _document(text)
    putin = document.entity_named("Vladimir Putin")
    assert putin is not None
    assert "Putin" in putin.aliases
    names = {m.text for m in document.mentions if m.kind == "name"}
    assert ("Warns" not in names and "West" not in names) or "West" in names  # "West" may be a place


def test_words_that_are_not_names() -> None:
    text = (
        "Details of the plan were not released. Tension rose in March after the vote. "
        "Thursday's meeting was cancelled. Officials said May would be too late."
    )
    document = _document(text)
    names = {m.text for m in document.mentions if m.kind == "name"}
    assert names == set()


def test_theresa_may_is_a_name_and_may_is_a_month() -> None:
    document = _document("British Prime Minister Theresa May resigned in May 2019.")
    names = [m.text for m in document.mentions if m.kind == "name"]
    assert names == ["Theresa May"]
    assert document.entities[0].gender == "f"


def test_countries_organisations_and_their_aliases() -> None:
    text = (
        "The EU and the United States imposed new sanctions. The European Union said Washington "
        "would coordinate with Brussels. U.S. officials declined to comment. The Syrian army "
        "advanced on Monday, and the army said it had taken two villages."
    )
    document = _document(text)
    eu = document.entity_named("EU")
    us = document.entity_named("United States")
    assert eu is not None
    assert eu.canonical == "European Union"
    assert "European Union" in eu.aliases
    assert us is not None
    assert us.is_country
    assert "U.S." in us.aliases
    washington = document.entity_named("Washington")
    assert washington is not None
    assert washington.kind == "place"
    assert washington.country == "United States"
    assert _entity_of(document, "the army said") == _entity_of(document, "The Syrian army")


def test_apposition_with_age_and_role_before_comma() -> None:
    text = "Amina Yusuf, 34, a nurse at the city hospital, said the wards were full."
    mention = _document(text).mentions[0]
    assert mention.text == "Amina Yusuf"
    assert mention.role == "a nurse at the city hospital"
    assert mention.role_noun == "nurse"
    assert mention.speech_verb == "say"


def test_every_span_matches_its_text() -> None:
    for text in (KYIV_STORY, OSLO_STORY):
        document = _document(text)
        for mention in document.mentions:
            assert text[mention.start : mention.end] == mention.text
            if mention.role is not None:
                assert text[mention.role_start : mention.role_end] == mention.role
        for entity in document.entities:
            assert all(document.mentions[m].entity == entity.id for m in entity.mentions)


def test_pronoun_outside_a_quotation_skips_names_quoted_in_it() -> None:
    text = (
        "Ms. Adler read the report on Monday. "
        '"My deputy, Tom Reyes, warned me about this," she said, "and he was right."'
        "\n\n"
        'Senator Paul Grant spoke next. "I asked Mr. Reyes twice," he said.'
    )
    document = _document(text)
    assert _entity_of(document, "she said") == "Adler"
    assert _entity_of(document, "he said") == "Paul Grant"
    quoted = [m.text for m in document.mentions if m.quoted and m.kind == "name"]
    assert quoted == ["Tom Reyes", "Reyes"]


def test_role_with_of_complement_before_the_name() -> None:
    text = (
        "The minister of the economy, Mr. Guajardo, argues there is no point in responding. "
        "'We must not overreact,' he told me."
    )
    document = _document(text)
    guajardo = document.entity_named("Guajardo")
    assert guajardo is not None
    assert guajardo.roles == ("The minister of the economy",)
    assert guajardo.role_nouns == ("minister",)
    assert guajardo.gender == "m"
    assert [m.text for m in document.mentions if m.kind == "nominal"] == []
    assert _entity_of(document, "he told") == "Guajardo"


def test_attribution_subjects_that_are_not_names() -> None:
    text = (
        "Experts say the truce is fragile. "
        '"It will not last," said two Western diplomats. '
        "The report said 30 people died. "
        "A senior Kremlin source told a news agency the talks had failed. "
        "Police said they had arrested a man. "
        "Maria Lopez, who said she was tired, left early. "
        "The experts added that they feared more violence."
    )
    document = _document(text)
    subjects = {m.text: (m.category, m.speech_verb) for m in document.mentions if m.kind != "name"}
    assert subjects["Experts"] == ("group", "say")
    assert subjects["two Western diplomats"] == ("group", "say")
    assert subjects["The report"] == ("unknown", "say")
    assert subjects["A senior Kremlin source"] == ("person", "tell")
    assert subjects["who"] == ("person", "say")
    assert _entity_of(document, "who said") == "Maria Lopez"
    assert _entity_of(document, "they had arrested") == "Police"
    assert _entity_of(document, "The experts") == "Experts"
    source = document.entity_named("A senior Kremlin source")
    assert source is not None
    assert not source.named
    assert source.country == "Russia"


# ------------------------------------------------------------------------------------------------
# Surname prefixes and US party tags
# ------------------------------------------------------------------------------------------------


def test_surnames_with_inner_capitals_stay_whole() -> None:
    text = (
        "Sen. Claire McCaskill said on Tuesday that she would vote against the nominee. "
        "McCaskill told reporters that Gen. Douglas MacArthur's papers and Rep. Beto O'Rourke's "
        "letters were in the archive. DeSantis and LaGuardia officials declined to comment, and "
        "McCaskill's office said DiCaprio had not been invited."
    )
    document = _document(text)
    words = {m.text for m in document.mentions if m.kind == "name"}
    assert {"Claire McCaskill", "McCaskill", "Douglas MacArthur", "Beto O'Rourke", "DiCaprio"} <= words
    # No mention starts or ends inside a word ("Mc" + "Caskill").
    for mention in document.mentions:
        assert not text[mention.start - 1 : mention.start].isalnum()
        assert not text[mention.end : mention.end + 1].isalnum()
    mccaskill = document.entity_named("McCaskill")
    assert mccaskill is not None
    assert mccaskill.name == "Claire McCaskill"
    assert mccaskill.aliases == ("Claire McCaskill", "McCaskill")
    assert len([e for e in document.entities if "McCaskill" in e.name]) == 1


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Sen. Claire McCaskill (D-Mo.) said the vote would be close.", "Claire McCaskill"),
        ("Sen. Roy Blunt, R-Mo., said the vote would be close.", "Roy Blunt"),
        ("McCaskill, D-Mo., told reporters the vote would be close.", "McCaskill"),
        ("Sen. Lindsey Graham, R-S.C., said the vote would be close.", "Lindsey Graham"),
        ("Del. Marcia Price (D-Newport News) said the vote would be close.", "Marcia Price"),
        ("Rep. Keith Ellison, DFL-Minn., said the vote would be close.", "Keith Ellison"),
    ],
)
def test_party_and_state_tags_are_not_names(text: str, speaker: str) -> None:
    document = _document(text)
    names = [m.text for m in document.mentions if m.kind == "name"]
    assert names == [speaker]
    mention = document.mentions[0]
    assert mention.category == "person"
    assert mention.speech_verb in ("say", "tell")


def test_hyphenated_names_after_a_comma_are_still_names() -> None:
    document = _document("The carriers, T-Mobile and Verizon, said prices would rise.")
    assert "T-Mobile" in {m.text for m in document.mentions}


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200c", "\u200d", "\u2060", "\u200b", "\ufeff"])
def test_invisible_characters_inside_a_name_do_not_cut_it(invisible: str) -> None:
    # Web pages carry soft hyphens (hyphenation hints) and zero-width characters inside words.
    surname = f"Mc{invisible}Caskill"
    text = f"Sen. Claire {surname} said on Tuesday that she would vote no. {surname} told reporters so."
    document = _document(text)
    names = [m.text for m in document.mentions if m.kind == "name"]
    assert names == [f"Claire {surname}", surname]
    entity = document.entity_named("McCaskill")
    assert entity is not None
    assert entity.aliases == (f"Claire {surname}", surname)
    assert entity.roles == ("Sen.",)
