"""The casualties extractor on sentences written for these tests (in the shape of wire copy)."""

from __future__ import annotations

import datetime as dt
import pickle
import time
from typing import Any

import pytest

import newsparse
from newsparse.extractors import casualty_rules as rules
from newsparse.extractors.casualties import CasualtiesConfig, CasualtiesExtractor, CasualtyFinding
from newsparse.model import Article
from newsparse.readers.plain import PlainReader
from newsparse.text.document import Document

EXTRACTOR = CasualtiesExtractor()


def findings(text: str, **options: Any) -> list[CasualtyFinding]:
    article = PlainReader().read(text)
    extractor = CasualtiesExtractor(config=CasualtiesConfig(**options)) if options else EXTRACTOR
    return list(extractor(article, Document.of(article), {}))


def summary(text: str) -> dict[str, dict[str, Any]]:
    article = PlainReader().read(text)
    return EXTRACTOR.summarize(article, tuple(findings(text)))


def counts(text: str) -> list[tuple[str, int | None, int | None]]:
    return [(f.category, f.min, f.max) for f in findings(text)]


# -- report shapes ----------------------------------------------------------------------------


def test_victims_as_subject_with_a_bound() -> None:
    (found,) = findings(
        "More than 30 Turkish soldiers were killed in attacks by the Syrian army, officials said."
    )
    assert (found.category, found.min, found.max, found.qualifier) == ("killed", 31, None, "more_than")
    assert (found.value, found.point) == (30.0, 30)
    assert found.text == "More than 30 Turkish soldiers were killed"
    assert (found.victims, found.perpetrator) == ("Turkish soldiers", "the Syrian army")
    assert found.modality == "reported"


def test_victims_as_object_and_the_perpetrator_before_the_verb() -> None:
    (found,) = findings("A gunman shot and killed two men outside a bar in Denver on Saturday.")
    assert (found.category, found.min, found.max) == ("killed", 2, 2)
    assert (found.victims, found.perpetrator, found.location) == ("men", "A gunman", "Denver")


def test_coordinated_reports_are_split() -> None:
    assert counts("The car bomb exploded near a market, killing three and wounding five.") == [
        ("killed", 3, 3),
        ("injured", 5, 5),
    ]
    assert counts("Two soldiers killed and five wounded in an ambush.") == [
        ("killed", 2, 2),
        ("injured", 5, 5),
    ]
    assert counts("At least 35 dead and 350 injured after the quake.") == [
        ("killed", 35, None),
        ("injured", 350, 350),
    ]


def test_coordinated_victims_are_added_up() -> None:
    assert counts("Two soldiers and a civilian were killed when the convoy was hit.") == [("killed", 3, 3)]
    assert counts("Five men and women were injured in the stampede.") == [("injured", 5, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The death toll rose to 40 on Tuesday.", ("killed", 40, 40)),
        ("Rescuers found 12 bodies in the rubble.", ("killed", 12, 12)),
        ("The clashes left 40 dead.", ("killed", 40, 40)),
        ("Health officials reported 9 deaths.", ("killed", 9, 9)),
        ("The storm claimed the lives of 14 people.", ("killed", 14, 14)),
        ("Four people were found shot dead in the flat.", ("killed", 4, 4)),
        ("Two passengers are in critical condition.", ("injured", 2, 2)),
        ("Three others were taken to a local hospital.", ("injured", 3, 3)),
        ("Five people suffered gunshot wounds.", ("injured", 5, 5)),
        ("Dozens of villagers are missing after the landslide.", ("missing", 24, None)),
        ("Gunmen abducted 17 students from the school.", ("kidnapped", 17, 17)),
        ("Police arrested 12 people during the protest.", ("arrested", 12, 12)),
        ("The fighting has displaced 1.2 million people.", ("displaced", 1_200_000, 1_200_000)),
        ("Six people were shot near the stadium.", ("affected", 6, 6)),
        ("Killing or wounding 50 people, the attack was the worst this year.", ("affected", 50, 50)),
    ],
)
def test_nouns_and_verbs_of_harm(text: str, expected: tuple[str, int, int | None]) -> None:
    assert counts(text)[0] == expected


def test_a_third_death_updates_the_count() -> None:
    (found,) = findings("A third person has died after the shooting on Monday.")
    assert (found.category, found.min, found.cumulative) == ("killed", 3, True)


def test_single_victims_without_a_number() -> None:
    assert counts("A soldier was killed when his patrol came under fire.") == [("killed", 1, 1)]
    assert counts("The attackers killed a police officer.") == [("killed", 1, 1)]
    assert counts("Police condemned the murder of Maria Lopez, a local reporter.") == [("killed", 1, 1)]
    (found,) = findings("A soldier was killed when his patrol came under fire.")
    assert found.value is None  # no number was written


def test_a_named_person_who_died_of_violence_is_one_victim() -> None:
    (found,) = findings("Ethan Payne, 13, died after sustaining a single gunshot wound.")
    assert (found.category, found.min, found.victims) == ("killed", 1, "Ethan Payne")
    (found,) = findings("Police said Payne later died at the hospital.")
    assert (found.category, found.min, found.victims) == ("killed", 1, "Payne")
    # a named person's death with no word of violence is news, not a casualty
    assert findings("Justice Antonin Scalia died on Saturday at a ranch in West Texas.") == []
    assert findings("I died a little when the team lost the final.") == []


def test_people_named_one_by_one() -> None:
    assert counts("Maria Lopez and John Carter were shot dead outside the club.") == [("killed", 2, 2)]
    assert counts("His wife and a 19-year-old neighbour were wounded.") == [("injured", 2, 2)]
    assert counts("JOSE LOPEZ AND MARIA FLORES WERE KILLED TODAY.") == [("killed", 2, 2)]
    assert counts("PEASANTS AND SOLDIERS WERE KILLED.") == []


def test_a_nominal_beats_a_participle_after_it() -> None:
    (found,) = findings("The deaths of two people shot near the lake shocked the town.")
    assert (found.category, found.min) == ("killed", 2)


def test_things_that_are_not_victims() -> None:
    # the victim is the man, not the vigil
    assert [(f.min, f.victims) for f in findings("A vigil was held for a man killed last year.")] == [
        (1, "man")
    ]
    assert findings("Turkish fighter jets shot down a Russian bomber on the border.") == []
    # shots and days are not people
    assert not any(
        f.min in (2, 3) for f in findings("The shooter fired 3 shots and was killed 2 days later.")
    )
    assert counts("Hunters killed 1,200 deer this season.") == []
    assert counts("The city recorded its 2013 homicide report.") == []


def test_ages_and_dates_are_not_counts() -> None:
    assert counts("John Smith, 34, was killed on Jan. 19, 2013.") == [("killed", 1, 1)]
    # the victim is named across an age and a home town
    (found,) = findings("John Smith, 34, of Dayton, was killed on Friday.")
    assert (found.min, found.victims) == (1, "John Smith")
    (found,) = findings("Ann Lee, of Gary, was shot and killed outside her home.")
    assert (found.min, found.victims) == (1, "Ann Lee")
    assert counts("A 25-year-old man was shot dead outside the club.") == [("killed", 1, 1)]


def test_partitives_count_the_part() -> None:
    assert counts("Police said four of the five victims were shot to death.") == [("killed", 4, 4)]


def test_a_reduced_relative_belongs_to_the_inner_group() -> None:
    found = findings("One of the five people shot and killed on Friday was a nurse.")
    assert [(f.min, f.victims) for f in found] == [(5, "people")]


# -- negation, modality, cumulative, background -----------------------------------------------


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("No one was hurt in the blast.", "injured"),
        ("Nobody was killed, police said.", "killed"),
        ("No injuries were reported.", "injured"),
        ("There were no fatalities.", "killed"),
        ("The driver escaped unhurt.", "injured"),
        ("The two officers were not injured.", "injured"),
        ("No arrests have been made.", "arrested"),
    ],
)
def test_denials_are_zero_and_negated(text: str, category: str) -> None:
    (found,) = findings(text)
    assert (found.category, found.min, found.max, found.negated) == (category, 0, 0, True)


def test_a_denial_of_two_categories() -> None:
    assert sorted(counts("No one was killed or injured.")) == [("injured", 0, 0), ("killed", 0, 0)]


def test_hypothetical_reports_are_possible() -> None:
    (found,) = findings("Experts warned that a collapse of the dam could kill hundreds.")
    assert (found.category, found.min, found.modality) == ("killed", 200, "possible")
    (feared,) = findings("Up to 20 miners are feared dead.")
    assert feared.modality == "possible"


def test_cumulative_reports_and_their_period() -> None:
    (found,) = findings("More than 50 Turkish soldiers in Idlib have been killed in recent weeks.")
    assert (found.cumulative, found.period, found.location) == (True, "in recent weeks", "Idlib")
    (single,) = findings("When more than 30 soldiers were killed, the offensive stalled.")
    assert not single.cumulative


def test_earlier_incidents_are_background() -> None:
    text = (
        "Two men were wounded in a shooting on Main Street on Sunday.\n\n"
        "Police said the shooting happened near the spot where a teenager was killed in a previous shooting."
    )
    found = findings(text)
    assert [(f.category, f.min, f.background) for f in found] == [("injured", 2, False), ("killed", 1, True)]


def test_quoted_speech_is_reported() -> None:
    (found,) = findings('"Three of my men were killed," the commander said.')
    assert found.modality == "reported"


def test_capitals_in_wire_copy() -> None:
    found = findings("TERRORISTS KILLED 5 PEASANTS AND WOUNDED 12 OTHERS IN THE TOWN OF SAN MIGUEL.")
    assert [(f.category, f.min) for f in found] == [("killed", 5), ("injured", 12)]
    assert found[0].location == "SAN MIGUEL"
    (murder,) = findings("THE MURDER OF FORMER MINISTER JOSE LOPEZ WAS CONDEMNED TODAY.")
    assert (murder.category, murder.min, murder.victims) == ("killed", 1, "FORMER MINISTER JOSE LOPEZ")


def test_natural_deaths_are_not_casualties() -> None:
    assert findings("The 85-year-old hunter died of a heart attack in the woods.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two men were in critical condition and two others injured after the shooting.",
            [("injured", 4, 4)],
        ),
        ("Two women were wounded, and three others were hurt by flying glass.", [("injured", 5, 5)]),
        # other categories, and a single victim without a number, stay apart
        ("One man was killed and three others were wounded.", [("killed", 1, 1), ("injured", 3, 3)]),
        ("A man was wounded and two others were injured.", [("injured", 1, 1), ("injured", 2, 2)]),
    ],
)
def test_others_coordinated_with_a_count_of_the_same_harm_are_added(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hernandez, 44, was shot along with three others around 1 a.m.", [("affected", 4, 4)]),
        ("A 20-year-old man was wounded along with two other people outside the club.", [("injured", 3, 3)]),
        ("Two guards were killed together with four others.", [("killed", 6, 6)]),
    ],
)
def test_a_victim_along_with_others_counts_them_all(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four people are recovering at area hospitals after the attack.", [("injured", 4, 4)]),
        ("Three teenagers were recovering on Sunday after being shot at a party.", [("injured", 3, 3)]),
        ("The market is recovering after being hit by the storm.", []),
    ],
)
def test_people_recovering_in_hospital_or_after_being_shot_are_injured(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert counts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two men were taken to a hospital, where they died.", [("killed", 2, 2)]),
        ("The driver was rushed to a local hospital where he was pronounced dead.", [("killed", 1, 1)]),
        (
            "Two teenagers were found shot and were taken to an area hospital, where both later died.",
            [("killed", 2, 2)],
        ),
        ("Two teenagers who were shot near the school on Tuesday have died.", [("killed", 2, 2)]),
        ("A boy who suffered critical injuries in a shooting on Friday has died.", [("killed", 1, 1)]),
        ("The girl was taken to a hospital in serious condition but later died.", [("killed", 1, 1)]),
        ("The man was rushed to a nearby hospital, but died the next day.", [("killed", 1, 1)]),
        ("A 22-year-old man was shot in the chest and died at the scene.", [("killed", 1, 1)]),
        # a different subject dies: the wounded stay wounded
        ("Four people were wounded and one died.", [("injured", 4, 4), ("killed", 1, 1)]),
        (
            "The driver was taken to Mercy Hospital in Dayton, where he was later pronounced dead.",
            [("killed", 1, 1)],
        ),
        # the wound that caused a death is no injury of its own
        ("The woman died from her injuries at the hospital on Sunday.", [("killed", 1, 1)]),
        ("Two men died of their wounds overnight.", [("killed", 2, 2)]),
        ("A teenager died after sustaining a gunshot wound to the chest.", [("killed", 1, 1)]),
        ("Three people who were wounded in the blast later died.", [("killed", 3, 3)]),
        # the relative clause's victims recovering, or someone else dying, change nothing
        ("Two men who were shot on Friday are recovering.", [("affected", 2, 2)]),
        ("Two men who were shot on Friday and a woman died.", [("affected", 2, 2), ("killed", 1, 1)]),
        # someone else died there: the people taken to hospital stay injured
        (
            "Three people were taken to the hospital, where one of them later died.",
            [("injured", 3, 3), ("killed", 1, 1)],
        ),
    ],
)
def test_people_who_died_after_being_shot_or_taken_to_hospital_are_killed(
    text: str, expected: list[tuple[str, int, int]]
) -> None:
    assert counts(text) == expected


# -- the summary ------------------------------------------------------------------------------


def test_summary_never_adds_up_repeats_and_takes_the_running_total() -> None:
    text = (
        "More than 30 Turkish soldiers were killed in attacks by the Syrian army last week.\n\n"
        "Erdogan and Putin met on Thursday.\n\n"
        "More than 50 Turkish soldiers in Idlib have been killed in recent weeks."
    )
    killed = summary(text)["killed"]
    assert (killed["min"], killed["max"], killed["qualifier"], killed["cumulative"]) == (
        51,
        None,
        "more_than",
        True,
    )


def test_summary_prefers_the_best_supported_figure() -> None:
    text = (
        "Three people were killed in a shooting at a party early Sunday.\n\n"
        "Police said three people died at the scene.\n\n"
        "One of the victims was killed as he tried to flee, a witness said.\n\n"
        "A man was killed in a separate shooting last month."
    )
    killed = summary(text)["killed"]
    assert (killed["min"], killed["support"]) == (3, 2)


def test_summary_prefers_the_total_in_the_lede_to_a_part_told_below() -> None:
    text = (
        "Four people were taken to hospital with gunshot wounds after a fight outside a bar late on "
        "Friday, police said.\n\n"
        "Officers found two men wounded in the parking lot.\n\n"
        "The others drove themselves to hospital."
    )
    injured = summary(text)["injured"]
    assert (injured["min"], injured["text"]) == (4, "Four people were taken to hospital")
    # Below the lede the same count is only one report among others
    moved = "Police are searching for a gray sedan.\n\n" + text
    assert summary(moved)["injured"]["min"] == 2


def test_summary_counts_victims_told_one_by_one_with_also() -> None:
    text = (
        "A police officer was shot and killed while answering a call in the suburb late Saturday.\n\n"
        "Investigators said the gunman fled on foot.\n\n"
        "Neighbours described hearing several shots.\n\n"
        "A woman inside the house was also killed, the police chief said."
    )
    killed = summary(text)["killed"]
    assert (killed["min"], killed["max"], len(killed["added"])) == (2, 2, 1)
    # without "also" a victim introduced this far down belongs to another incident
    assert summary(text.replace(" also", ""))["killed"]["min"] == 1


def test_other_cases_of_a_suspect_do_not_make_his_charges_background() -> None:
    text = (
        "A 24-year-old man charged in the killings of three people at a car wash has been accused "
        "in two other shootings, prosecutors said."
    )
    (found,) = findings(text)
    assert (found.min, found.background) == (3, False)
    # a roundup stays background
    (found,) = findings("Two men were killed on Sunday in separate shootings across the city.")
    assert found.background


def test_a_video_playlist_copied_with_the_page_is_background() -> None:
    text = (
        "Two men were wounded in a shooting outside a petrol station on Sunday, police said.\n\n"
        "At 10:30 p.m. one of the men died in hospital.\n\n"
        "2:51 Grandmother says she cannot believe her grandson is dead\n\n"
        "1:15 Prosecutor in double murder trial says the killer's story did not add up"
    )
    found = {f.text: f.background for f in findings(text) if f.category == "killed"}
    assert found == {"her grandson is dead": True, "double murder": True, "one of the men died": False}
    assert summary(text)["killed"]["min"] == 1


def test_summary_ignores_one_of_a_group_far_down_the_story_when_nothing_is_above() -> None:
    text = (
        "Three people were wounded outside a nightclub early Saturday, police said.\n\n"
        "All three were expected to survive.\n\n"
        "Last winter two men were shot outside the same club.\n\n"
        "One of them died at the hospital."
    )
    killed = summary(text)["killed"]
    assert (killed["min"], killed["max"], killed["context"]) == (0, None, 1)
    # with a death reported above, the same sentence counts
    above = text.replace("All three were expected to survive.", "A fourth man was killed.")
    assert summary(above)["killed"]["min"] == 1


def test_summary_ignores_a_lone_also_victim_far_down_the_story() -> None:
    text = (
        "Three teenagers were wounded outside a corner shop on Monday evening.\n\n"
        "Police said all three were expected to recover.\n\n"
        "In a separate incident, two men were shot at a bus stop.\n\n"
        "A 17-year-old was also shot and killed at a playground on Sunday night."
    )
    assert summary(text)["killed"]["min"] == 0


def test_summary_derives_injured_from_people_shot() -> None:
    injured = summary("Five people were shot, two fatally, outside a nightclub on Saturday.")["injured"]
    assert (injured["min"], injured["derived"]) == (3, "shot minus killed")
    assert summary("Five people were shot, two fatally.")["killed"]["min"] == 2


def test_summary_takes_the_others_shot_when_everyone_else_shot_died() -> None:
    text = (
        "Two men were killed in a shooting at a house party overnight. Both were shot in the head. "
        "Three other guests were shot, and police are working to learn about their conditions."
    )
    injured = summary(text)["injured"]
    assert (injured["min"], injured["derived"]) == (3, "shot")


def test_summary_of_denials_only_is_zero() -> None:
    assert summary("No one was injured in the fire.")["injured"]["min"] == 0


def test_summary_of_possible_or_background_reports_only_is_an_open_bound() -> None:
    killed = summary("The storm could kill hundreds, officials warned.")["killed"]
    assert (killed["min"], killed["max"], killed["context"]) == (0, None, 1)


def test_someone_new_far_down_the_story_is_not_its_victim() -> None:
    text = (
        "Two men were wounded in a shooting on Main Street on Sunday.\n\n"
        "Police said both were expected to recover.\n\n"
        "Officers are looking for a gray sedan.\n\n"
        "Neighbours said the street had been quiet since a man was killed there in 2015."
    )
    assert summary(text)["killed"]["min"] == 0
    assert [f.min for f in findings(text) if f.category == "killed"] == [1]


def test_summary_gives_approximate_figures_a_value() -> None:
    injured = summary("Gunfire erupted during the parade, leaving about 19 people wounded.")["injured"]
    assert (injured["min"], injured["max"], injured["approximate"]) == (19, 19, True)


# -- integration ------------------------------------------------------------------------------


def test_registered_as_a_built_in_and_run_after_dates() -> None:
    article = newsparse.parse(
        "Two people were killed on Monday, police said.", format="plain", published="2020-03-05"
    )
    assert not article.errors
    (found,) = article.findings("casualties")
    assert isinstance(found, CasualtyFinding)
    assert found.date == "2020-03-02"
    assert article.summaries["casualties"]["killed"]["min"] == 2


def test_findings_round_trip_through_json_dicts() -> None:
    article = newsparse.parse("At least 12 people were wounded in the attack.", format="plain")
    again = Article.from_dict(article.to_dict())
    assert again.findings("casualties") == article.findings("casualties")


def test_every_span_matches_its_text() -> None:
    text = (
        "KABUL — At least 12 people were killed and dozens wounded when a suicide bomber struck a wedding, "
        "officials said. No one has claimed the attack. A police officer was among the dead."
    )
    for found in findings(text):
        assert text[found.start : found.end] == found.text


def test_categories_option_and_pickling() -> None:
    text = "Two people were killed and five injured."
    assert [f.category for f in findings(text, categories=("injured",))] == ["injured"]
    with pytest.raises(ValueError, match="unknown categories"):
        CasualtiesConfig(categories=("eaten",))
    assert pickle.loads(pickle.dumps(EXTRACTOR)) == EXTRACTOR


def test_single_victims_option() -> None:
    assert findings("A soldier was killed.", single_victims=False) == []


def test_captions_are_read_with_their_field() -> None:
    article = Article(text="Talks resumed on Monday.", images=())
    assert list(EXTRACTOR(article, Document.of(article), {})) == []


# -- machinery --------------------------------------------------------------------------------


def test_every_dispatched_shape_knows_the_words_it_starts_with() -> None:
    assert rules.shapes_at("killed") == ("passive", "active", "active_named", "nominal")
    assert "toll" in rules.shapes_at("death")
    assert rules.shapes_at("the") == ()
    assert rules.leading_prefixes(r"\b(?:(?P<a>shot|stab(?:s|bed))\s+dead|in\s+custody)") == {
        "shot",
        "stab",
        "in$",
    }


@pytest.mark.parametrize(
    "text",
    [
        "killed " * 100_000,
        "§" * 1_000_000,
        "1 " * 300_000 + "were killed",
        '"' * 100_000,
        "a " * 300_000 + "died",
    ],
)
def test_hostile_inputs_finish(text: str) -> None:
    article = PlainReader().read(text)
    start = time.perf_counter()
    list(EXTRACTOR(article, Document.of(article), {}))
    # Measured well under 10 s on a shared 2-core machine; the bound only catches blow-ups.
    assert time.perf_counter() - start < 60


# -- counting victims named with their ages, appositions and possessives ------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Two girls, ages 4 and 9, and three adults were found shot dead in the house.", ("killed", 5, 5)),
        ("Three sisters, ages 11, 14 and 16, and their father were killed in the fire.", ("killed", 4, 4)),
        ("The other victims, ages 18, 20 and 23, were treated for minor wounds.", None),
        ("Six men and two women, all younger than 30, were injured in the brawl.", ("injured", 8, 8)),
        (
            "Police found three people, a 40-year-old man and two teenagers, with gunshot wounds.",
            ("injured", 3, 3),
        ),
        ("Two police officers, a firefighter and a nurse were hurt in the blast.", ("injured", 4, 4)),
        ("The boy told police his grandmother and older sister were dead.", ("killed", 2, 2)),
        ("The gunman killed an elderly couple in their home.", ("killed", 2, 2)),
    ],
)
def test_ages_appositions_and_possessives_are_counted_right(
    text: str, expected: tuple[str, int, int] | None
) -> None:
    found = counts(text)
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Detectives are investigating a triple homicide on the East Side.", ("killed", 3, 3)),
        ("A double shooting outside the club sent both men to hospital.", ("affected", 2, 2)),
        ("Deputies called it a double murder-suicide.", ("killed", 3, 3)),
        ("The gunman killed Ana Ruiz, 31, and Tom Beck, 45, on Friday night.", ("killed", 2, 2)),
        ("The blast left Ana Ruiz and Tom Beck injured.", ("injured", 2, 2)),
        ("Mourners remembered the killings of Deputy Sam Cole and Sergeant Ray Diaz.", ("killed", 2, 2)),
        ("Police found the bodies of 61-year-old Ana Ruiz and 8-year-old Leo Ruiz.", ("killed", 2, 2)),
        ("Officers say Ana Ruiz and Tom Beck were shot dead.", ("killed", 2, 2)),
        ("The gunman wounded five of his neighbours in March after a row.", ("injured", 5, 5)),
    ],
)
def test_counts_in_words_and_people_named_one_by_one(text: str, expected: tuple[str, int, int]) -> None:
    assert expected in counts(text)


def test_days_and_places_are_not_people_named() -> None:
    assert counts("The storms killed Tuesday and Wednesday in Texas.") == []


# -- the summary: totals, the attacker's own death -------------------------------------------


def test_a_count_that_names_its_parts_is_the_total() -> None:
    text = (
        "Three people are dead, including the gunman, after a shooting at the county courthouse.\n\n"
        "Two bailiffs were killed in the shooting, the sheriff said.\n\n"
        "The two bailiffs killed were identified on Tuesday."
    )
    (found,) = [f for f in findings(text) if f.min == 3]
    assert found.including == "the gunman"
    assert summary(text)["killed"]["min"] == 3


def test_the_attackers_own_death_is_counted_with_his_victims() -> None:
    text = (
        "A gunman killed two people and wounded nine others at a cinema on Thursday before killing "
        "himself, police said.\n\nThe gunman killed two people in the theatre, officials said."
    )
    entry = summary(text)["killed"]
    assert entry["min"] == 3
    assert [a["text"] for a in entry["added"]] == ["killing himself"]
    assert summary(text)["injured"]["min"] == 9


@pytest.mark.parametrize("attacker", ["robbers", "intruders", "burglars"])
def test_a_dead_robber_or_intruder_is_an_attacker(attacker: str) -> None:
    text = (
        f"Two {attacker} killed two residents of the apartment early Sunday, police said. "
        f"One of the {attacker}, who has not been identified, died at the scene."
    )
    entry = summary(text)["killed"]
    assert (entry["min"], [a["text"][:10] for a in entry["added"]]) == (3, ["One of the"])


def test_a_total_of_dead_is_not_given_the_attacker_again() -> None:
    text = "Two people are dead after a shooting at a bar. The gunman killed himself, police said."
    assert summary(text)["killed"]["min"] == 2
    text = "Police said the man killed three people, including himself."
    assert summary(text)["killed"]["min"] == 3


def test_an_unborn_child_in_a_total_is_counted_apart() -> None:
    (found,) = findings("The man murdered six people, including an unborn child, in the house.")
    assert (found.min, found.max, found.value, found.including) == (5, 5, 6.0, "an unborn child")


# -- other incidents, tallies and hypotheses ----------------------------------------------------


def test_a_roundup_of_several_shootings_is_background() -> None:
    (killed, injured) = findings(
        "One man was killed and five other people wounded in three weekend shootings."
    )
    assert killed.background
    assert injured.background
    (found,) = findings("Two teenagers were wounded in shootings across the city on Saturday.")
    assert found.background


def test_a_sentence_opening_on_another_time_is_background_below_the_lede() -> None:
    lede = "Four people were shot outside a bar early Sunday, police said. All are expected to live."
    text = (
        f"{lede} Detectives are looking for a gray sedan. Last summer, a man was killed on the same corner."
    )
    article = PlainReader().read(text, published=dt.date(2016, 8, 29))
    found = list(EXTRACTOR(article, Document.of(article), {}))
    assert [(f.category, f.background) for f in found] == [("affected", False), ("killed", True)]
    assert EXTRACTOR.summarize(article, tuple(found))["killed"]["min"] == 0


def test_a_year_as_the_period_of_a_tally_is_a_statistic() -> None:
    text = "Ninety people have been shot in the city in 2017, and 24 of them were killed."
    (_, killed) = findings(text)
    assert killed.cumulative
    assert killed.period == "in 2017"
    assert summary(text)["killed"]["min"] == 0


def test_what_should_have_happened_is_possible() -> None:
    (found,) = findings("There should have been five or six people dead that day, the chief said.")
    assert found.modality == "possible"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lee, who lived in the 4300 block of Elm Street, was pronounced dead.", [("killed", 1, 1)]),
        ("Police said a man, 25, is in critical condition.", [("injured", 1, 1)]),
        ("Police did not say how the man died.", []),
        ("Two females and a male were found with gunshot wounds.", [("injured", 3, 3)]),
    ],
)
def test_addresses_ages_and_questions_are_not_counts(text: str, expected: list[tuple[str, int, int]]) -> None:
    assert counts(text) == expected


def test_people_shot_at_the_top_are_the_total_of_later_injury_reports() -> None:
    text = (
        "Five people were shot outside a nightclub early Sunday, police said.\n\n"
        "Two of them were taken to hospital in critical condition.\n\n"
        "Three others have non-life-threatening injuries, a spokesman said."
    )
    entry = summary(text)["injured"]
    assert (entry["min"], entry["derived"]) == (5, "shot minus killed")


@pytest.mark.parametrize(
    "text",
    [
        "The man was found with two gunshot wounds to the chest.",
        "She suffered multiple stab wounds and was taken to hospital.",
        "Doctors treated three serious wounds on his legs.",
    ],
)
def test_a_number_of_wounds_is_not_a_number_of_people(text: str) -> None:
    assert not [c for c in counts(text) if c[1] and c[1] > 1]


def test_wounded_people_are_still_counted() -> None:
    assert ("injured", 2, 2) in counts("Two people were wounded in the shooting on Main Street.")


# -- another incident carried over the sentences after its cue --------------------------------

_ROUNDUP_TOP = (
    "A woman was shot in the leg on Main Street on Friday, police said.\n\n"
    "She was taken to a hospital in stable condition.\n\n"
    "No arrests were made and police have no suspects.\n\n"
)


@pytest.mark.parametrize(
    "opener",
    [
        "Earlier Friday, a man was shot in the head on Elm Street.",
        "In a separate shooting, a man was shot in the head on Elm Street.",
        "Another fatal shooting happened two hours later on Elm Street.",
        "A week earlier, a man was shot in the head on Elm Street.",
        "In an unrelated shooting, a man was shot in the head on Elm Street.",
        "Hours earlier, a man was shot in the head on Elm Street.",
    ],
)
def test_a_sentence_opening_on_another_incident_carries_over_its_paragraph(opener: str) -> None:
    text = _ROUNDUP_TOP + f"{opener} He was taken to a hospital, where he was pronounced dead.\n"
    deaths = [f for f in findings(text) if f.category == "killed"]
    assert deaths
    assert all(f.background for f in deaths)
    assert summary(text)["killed"]["min"] == 0
    assert summary(text)["killed"]["max"] is None


def test_a_pronoun_after_another_incidents_report_is_that_victim() -> None:
    text = _ROUNDUP_TOP + (
        "Earlier Friday, a man was fatally shot on Elm Street.\n\nHe was pronounced dead at the scene.\n"
    )
    deaths = [f for f in findings(text) if f.category == "killed"]
    assert [f.background for f in deaths] == [True, True]


def test_the_articles_own_incident_is_not_another_incident() -> None:
    # the cue in the lede, "Meanwhile", and a pronoun after the story's own report change nothing
    lede = "Earlier Friday, a man was shot and killed on Elm Street, police said. He was 24.\n"
    assert summary(lede)["killed"]["min"] == 1
    meanwhile = _ROUNDUP_TOP + "Meanwhile, a man was shot and killed on Elm Street. He was 24.\n"
    assert [f.background for f in findings(meanwhile) if f.category == "killed"] == [False]
    own = (
        "A man was shot on Elm Street on Friday, police said.\n\n"
        "He was taken to a hospital in critical condition.\n\n"
        "Officers found shell casings nearby.\n\n"
        "He was pronounced dead on Saturday morning.\n"
    )
    assert [f.background for f in findings(own) if f.category == "killed"] == [False]
    later = _ROUNDUP_TOP + "Later Friday, the woman died at the hospital.\n"
    assert summary(later)["killed"]["min"] == 1


def test_a_natural_death_told_again_in_its_paragraph_is_not_a_casualty() -> None:
    text = (
        "Two hunters were hurt in accidents over the weekend, officials said.\n\n"
        "On Saturday an 80-year-old man died of an apparent heart attack while hunting. "
        "John Doe was taken to a hospital where he was pronounced dead.\n\n"
        "A woman was shot and killed on Sunday. She was pronounced dead at the scene.\n"
    )
    deaths = [f.text for f in findings(text) if f.category == "killed"]
    assert deaths == ["A woman was shot and killed", "She was pronounced dead"]
    # without the natural death the same sentence is a death
    alone = text.replace("died of an apparent heart attack", "was shot")
    assert "John Doe was taken to a hospital where he was pronounced dead" in [
        f.text for f in findings(alone) if f.category == "killed"
    ]


# -- injured derived from people shot -----------------------------------------------------------


def test_a_group_stated_as_hurt_is_kept_when_all_those_shot_died() -> None:
    text = (
        "A 3-year-old girl was shot on Elm Street late Sunday, police said.\n\n"
        "The girl died at a hospital.\n\n"
        "Two men were taken to a hospital with gunshot wounds.\n"
    )
    assert summary(text)["injured"]["min"] == 2
    # one victim stated as hurt may be the one who died: the derived 0 still stands
    one = text.replace("Two men were", "A man was")
    assert summary(one)["injured"]["min"] == 0


def test_one_of_a_group_shot_is_not_the_number_shot() -> None:
    text = (
        "Police said one of the suspects was shot during the robbery on Elm Street on Friday.\n\n"
        "Four victims were taken to the hospital with injuries.\n"
    )
    assert summary(text)["injured"]["min"] == 4
    # the whole group shot still gives the figure
    whole = text.replace("one of the suspects was shot", "five people were shot")
    assert summary(whole)["injured"]["min"] == 5


@pytest.mark.parametrize(
    "text",
    [
        "Police are investigating the death of his 15 year-old girlfriend in the apartment.",
        "Police said two 16 year old boys were wounded in the shooting.",
    ],
)
def test_an_age_written_apart_from_its_number_is_not_a_count(text: str) -> None:
    assert all(f.min not in (15, 16) for f in findings(text))


def test_ages_joined_to_their_number_still_count_as_before() -> None:
    assert counts("A 16-year-old was wounded in the shooting.") == [("injured", 1, 1)]
    assert counts("Three 3-year-old children were hurt in the crash.") == [("injured", 3, 3)]


def test_the_wounded_who_died_are_left_out_when_the_others_are_told_after() -> None:
    text = (
        "Six people were wounded when a gunman opened fire outside a bar early Sunday, police said.\n\n"
        "Two men were pronounced dead at a hospital.\n\n"
        "Four others, including a woman, were wounded and are expected to survive.\n"
    )
    assert summary(text)["injured"]["min"] == 4


def test_others_already_leave_the_dead_out() -> None:
    # the chosen count is itself "others": two more other people told below are a part of them
    text = (
        "A man was killed and three others were wounded in a shooting on Elm Street on Sunday.\n\n"
        "Two other people were wounded and taken to a hospital.\n"
    )
    assert summary(text)["injured"]["min"] == 3
    # without a later count of the survivors, the wounded stay as told
    alone = (
        "Six people were wounded when a gunman opened fire outside a bar early Sunday, police said.\n\n"
        "Two men were pronounced dead at a hospital.\n"
    )
    assert summary(alone)["injured"]["min"] == 6


def test_a_bullet_graze_is_an_injury() -> None:
    assert counts("Two other men were grazed and went to a hospital on their own.") == [("injured", 2, 2)]
    assert counts("A teenager was grazed by a bullet, police said.") == [("injured", 1, 1)]
    # a graze wound was already read as an injury, and stays one report
    assert counts("Two boys suffered graze wounds to the arm.") == [("injured", 2, 2)]


def test_a_part_of_an_earlier_group_is_not_added_to_it() -> None:
    text = "Officers said there were about 150 students at the dance and three of them were shot."
    assert [(f.category, f.min, f.max) for f in findings(text) if f.min is not None] == [("affected", 3, 3)]
    # groups joined by "and" still add up
    assert counts("Two men and three women were shot outside the club.") == [("affected", 5, 5)]


def test_a_name_and_a_place_after_a_comma_are_one_victim() -> None:
    text = (
        "A man was charged Monday in the shooting death of 19-year-old Marcus Reed, D.C. police said.\n\n"
        "Reed was taken to a hospital, where he later died.\n"
    )
    assert all(f.min == 1 for f in findings(text) if f.category == "killed")
    assert summary(text)["killed"]["min"] == 1
    # a list of names joined by "and" still counts each person
    listed = "The gunman killed Ann Lee, 21, and Bo Park, 22, outside the store."
    assert [(f.category, f.min) for f in findings(listed) if f.category == "killed"] == [("killed", 2)]


def test_a_death_told_through_its_vigil_is_another_incident() -> None:
    text = (
        "Four people were shot Friday night as a group was leaving a candlelight vigil for a man killed "
        "in a shooting last month, police said.\n\n"
        "None of the injuries were life-threatening.\n"
    )
    result = summary(text)
    assert "killed" not in result or not result["killed"]["min"]
    assert result["injured"]["min"] == 4
    # a vigil told after the report does not make the report another incident's
    after = "A gunman killed two men outside a bar on Friday; a vigil for the victims is planned.\n"
    assert summary(after)["killed"]["min"] == 2
    # "in the wake of" is no vigil: the deaths it tells are still counted
    wake = "Soldiers face new gun rules in the wake of a report on the base shooting that left four dead.\n"
    assert summary(wake)["killed"]["min"] == 4


def test_a_count_the_story_says_was_replaced_is_left_out() -> None:
    text = (
        "Five people were shot outside a nightclub early Sunday, the sheriff said.\n\n"
        "Deputies originally said eight people were wounded in the fight.\n\n"
        "All of the victims were released from the hospital.\n"
    )
    assert summary(text)["injured"]["min"] == 5
    replaced = [f for f in findings(text) if f.min == 8]
    assert replaced
    assert all(f.background for f in replaced)
    # deaths told with "initially" stay: the man still died
    died = "A man was initially taken to a hospital, where he died, and two others were wounded.\n"
    assert summary(died)["killed"]["min"] == 1
    # a count that is not said to be replaced stays in the story
    plain = "Deputies said eight people were wounded in the fight outside the nightclub.\n"
    assert summary(plain)["injured"]["min"] == 8


def test_a_running_tally_of_injured_gives_way_to_the_incidents_people_shot() -> None:
    text = (
        "Four people were shot outside a bar on Main Street late Saturday, police said.\n\n"
        "Seven people have been injured in shootings in the city so far this month.\n"
    )
    tally = [f for f in findings(text) if f.category == "injured"]
    assert tally
    assert all(f.cumulative for f in tally)
    assert summary(text)["injured"]["min"] == 4
    # an incident's own count of injured stays ahead of its people shot told below
    own = (
        "Two people were injured in a shooting outside a bar on Main Street late Saturday.\n\n"
        "Police said four people were shot in all, and two of them died.\n"
    )
    assert summary(own)["injured"]["min"] == 2


def test_survivors_hurt_after_but_are_counted() -> None:
    assert counts("The two other friends survived but were also hit and wounded by gunfire.") == [
        ("injured", 2, 2)
    ]
    assert counts("Three teenagers lived, but were wounded in the legs.") == [("injured", 3, 3)]
    # "but" still ends a victims phrase elsewhere
    assert counts("Two men survived but the driver was killed.") == [("killed", 1, 1)]
    assert counts("Two officers returned fire but the gunman was wounded.") == [("injured", 1, 1)]


def test_gunfire_that_struck_people_shot_them() -> None:
    assert counts("Bullets hit two men standing on the porch, police said.") == [("affected", 2, 2)]
    assert counts("Gunfire struck a woman in the leg as she walked home.") == [("affected", 1, 1)]
    # things hit are no victims, and "struck" after another subject is not a shooting
    assert counts("Bullets hit the house and two cars.") == []
    assert counts("A car struck two parked vans on the bridge.") == []


def test_a_paragraph_on_another_weekday_tells_another_incident() -> None:
    text = (
        "Police say seven people were shot on a street corner Monday afternoon.\n\n"
        "Officers found the victims near a corner store. All are expected to survive.\n\n"
        "Detectives have not named a suspect in the shooting.\n\n"
        "On Saturday, nine people were wounded when a gunman opened fire at a block party.\n"
    )
    assert summary(text)["injured"]["min"] == 7
    # the lede's own day told again below is the same incident
    same = text.replace(
        "On Saturday, nine people were wounded when", "On Monday, seven people were wounded when"
    )
    assert summary(same)["injured"]["min"] == 7
    assert any(f.min == 7 and not f.background for f in findings(same) if f.category == "injured")


def test_a_new_group_killed_far_down_the_story_is_not_subtracted_from_those_shot() -> None:
    text = (
        "Five people were shot outside a corner store on Maple Avenue on Sunday evening, police said.\n\n"
        "All of the victims are expected to survive, a police spokeswoman said.\n\n"
        "Officers closed the avenue for several hours while detectives searched for witnesses.\n\n"
        "Late on Friday, three men were shot dead at a card game in a house across town.\n"
    )
    entry = summary(text)["injured"]
    assert (entry["min"], entry["derived"]) == (5, "shot minus killed")
    # must not change: the deaths told at the top of the story are those shot
    top = text.replace("All of the victims are expected to survive", "Two men were killed")
    assert summary(top)["injured"]["min"] == 3
    # must not change: "two of the victims" below is part of those shot
    part = text.replace("three men were shot dead at a card game", "two of the victims died at a hospital")
    assert summary(part)["injured"]["min"] == 3
    # must not change: one victim shot may be one of the dead counted later
    one = text.replace("Five people were shot", "A man was shot")
    assert "injured" not in summary(one)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ramirez and three other people were shot outside a bar on Friday, police said.", 4),
        ("Police said Okafor and two others, including a 12-year-old boy, were wounded.", 3),
        ("NEWARK -- Dana Whitfield and four other men were shot near the station.", 5),
        ("He and three other people were shot outside a bar on Friday.", 4),
        # a group of unknown size adds no one
        ("Investigators and two others were hurt when the roof collapsed.", 2),
        ("They and three other people were shot outside a bar on Friday.", 3),
    ],
)
def test_a_name_joined_to_others_is_one_more_victim(text: str, expected: int) -> None:
    assert max(f.min or 0 for f in findings(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "A woman was killed on Sunday and three others were shot, police said.",
        "He was taken to Mercy Hospital and two others were treated at the scene.",
        "The Police and two other agencies were called to the scene where three people were shot.",
    ],
)
def test_a_capitalised_word_not_opening_a_clause_is_not_a_victim(text: str) -> None:
    assert all((f.min or 0) <= 3 for f in findings(text))
    assert not any((f.victims or "").startswith(("Sunday", "Mercy", "Hospital")) for f in findings(text))


def test_a_number_of_reports_is_not_a_number_of_people() -> None:
    text = "Officers answered four reports of people shot across the city overnight, police said."
    assert not [c for c in counts(text) if c[1] == 4]
    # must not change: the people themselves are counted
    assert ("affected", 4, 4) in counts("Four people were shot across the city overnight, police said.")
