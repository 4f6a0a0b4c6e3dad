"""The agreements extractor on sentences written for these tests, in the shape of wire copy.

Each test states one convention of docs/agreements.md: what is a mention, its span, kind,
status, modality, parties, date, location and chain.
"""

from __future__ import annotations

import datetime as dt

import pytest

import newsparse
from newsparse.extractors.agreements import AgreementFinding, AgreementsConfig, AgreementsExtractor
from newsparse.model import Article, RelatedLink
from newsparse.pipeline import Pipeline
from newsparse.text.document import Document

PUBLISHED = dt.date(2021, 6, 10)


def find(text: str, *, published: dt.date | None = PUBLISHED, **config: object) -> list[AgreementFinding]:
    """Run the extractor as the pipeline does (dates first), on plain text."""
    pipeline = Pipeline(extractors=["agreements"], config={"agreements": config} if config else None)
    article = pipeline.parse(text, format="plain", published=published)
    assert not article.errors
    return [f for f in article.findings("agreements") if isinstance(f, AgreementFinding)]


def one(text: str, **kwargs: object) -> AgreementFinding:
    found = find(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, [f.text for f in found]
    return found[0]


def texts(text: str) -> list[str]:
    return [f.text for f in find(text)]


# -- what is a mention ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two sides signed a ceasefire agreement in Doha on Tuesday.", ["a ceasefire agreement"]),
        ("Rebels said the truce was broken within hours.", ["the truce"]),
        ("Both governments agreed to a cease-fire late on Monday.", ["a cease-fire"]),
        ("Canada has not ratified the treaty.", ["the treaty"]),
        (
            "Ministers approved a memorandum of understanding on energy.",
            ["a memorandum of understanding on energy"],
        ),
        ("Critics of NAFTA say it cost jobs.", ["NAFTA"]),
        ("The company settled the lawsuit and the settlement was approved by a judge.", ["the settlement"]),
        ("The prosecutors offered him a plea deal last week.", ["a plea deal"]),
    ],
)
def test_agreement_nouns_and_names_are_mentions(sentence: str, expected: list[str]) -> None:
    assert texts(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "The two leaders agreed to meet again next month.",
        "The reform has attracted a great deal of criticism.",
        "Officials will deal with the backlog before the summit.",
        "Negotiators said the talks in Vienna would resume on Friday.",
        "The summit ended without a statement.",
        "Officials said Israeli settlements in the West Bank had grown.",
        "Delegates gathered for the Democratic National Convention in Chicago.",
        "The proposal is in accord with earlier plans.",
        "As a compromise, the army could pull back its heavy weapons.",
        "There is broad agreement that prices will rise.",
        "It was no big deal, the minister said.",
        "The party has promised a New Deal for workers.",
        "His landslide victory deals a heavy blow to the governor.",
        "Gov. Nathan Deal signed the budget on Monday.",
        "The senator addressed the Republican convention on Thursday.",
        "He quoted his book, The Art of the Deal, at the rally.",
        "The candidate hopes to close the deal with voters in Iowa.",
        "The mayor opposed the settlement of refugees in the city.",
        "Doctors said pregnant women who contract the virus face risks.",
    ],
)
def test_what_is_not_an_agreement(sentence: str) -> None:
    assert texts(sentence) == []


def test_a_compromise_somebody_reached_is_a_mention() -> None:
    assert texts("After weeks of wrangling, lawmakers reached a compromise on the budget.") == [
        "a compromise on the budget"
    ]


# -- span ----------------------------------------------------------------------------------------


def test_span_keeps_identifying_phrases_and_drops_clauses() -> None:
    found = find(
        "Diplomats said the Minsk agreements of 2015 were never implemented. "
        "Washington wants a deal with Tehran to limit enrichment. "
        "An agreement reached in Geneva last year has expired."
    )
    assert [f.text for f in found] == ["the Minsk agreements of 2015", "a deal with Tehran", "An agreement"]


def test_two_agreement_nouns_joined_by_a_preposition_are_two_mentions() -> None:
    found = find("Washington is trying to broker a deal with Moscow for a ceasefire in the north.")
    assert [f.text for f in found] == ["a deal with Moscow", "a ceasefire in the north"]


def test_a_compound_head_is_one_mention() -> None:
    assert texts("The rebels signed a peace accord with the government.") == [
        "a peace accord with the government"
    ]


def test_a_possessor_belongs_to_the_mention() -> None:
    assert texts("Shareholders backed Acme Corp's deal with Brightline on Friday.") == [
        "Acme Corp's deal with Brightline"
    ]


# -- kind ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The warring parties agreed to a truce on Sunday.", "ceasefire"),
        ("The peace deal ended a decade of civil war.", "peace"),
        ("Both countries signed a defence pact in March.", "security"),
        ("The free-trade agreement will cut tariffs on cars.", "trade"),
        ("Nearly 200 nations adopted the climate accord.", "climate"),
        ("Tehran said the nuclear deal was still alive.", "nuclear"),
        ("The refugee deal lets Greece return migrants.", "migration"),
        ("Congressional leaders struck a budget deal late on Thursday.", "political"),
        ("Prosecutors said the plea agreement required him to testify.", "legal"),
        ("The merger agreement values the company at $2 billion.", "other"),
    ],
)
def test_kind_from_the_words_of_the_mention(sentence: str, kind: str) -> None:
    assert one(sentence).kind == kind


def test_kind_from_what_the_deal_is_for() -> None:
    assert (
        one("The United States struck a deal to destroy the country's chemical weapons.").kind == "security"
    )


def test_a_chain_shares_its_kind() -> None:
    found = find("The nuclear deal took effect in January. Critics said the deal was too weak.")
    assert [f.kind for f in found] == ["nuclear", "nuclear"]


# -- status and modality ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status", "modality"),
    [
        ("Kenya and Somalia signed a border agreement on Monday.", "signed", "asserted"),
        ("The army said rebels had violated the ceasefire overnight.", "violated", "asserted"),
        ("The president announced that the country would withdraw from the accord.", "withdrawn", "asserted"),
        ("The treaty entered into force in 2005.", "in_force", "asserted"),
        ("The agreement has only been partially implemented.", "partially_implemented", "asserted"),
        ("Parliament rejected the deal by 40 votes.", "rejected", "asserted"),
        ("The truce collapsed after three days.", "collapsed", "asserted"),
        ("The government put the deal on hold in May.", "suspended", "asserted"),
        ("The ceasefire has largely held since Friday.", "respected", "asserted"),
        ("Mediators proposed a ceasefire for the holiday.", "proposed", "asserted"),
        ("Envoys are negotiating a peace deal in Cairo.", "negotiating", "asserted"),
        ("Will the trade deal collapse?", "collapsed", "question"),
        ("She said she hoped the talks would produce a ceasefire.", "agreed", "hoped"),
        ("Analysts said the two sides could sign an agreement next week.", "signed", "possible"),
        ("The two countries have never signed a peace treaty.", "signed", "negated"),
        ("The treaty will not take effect until 40 countries ratify it.", "in_force", "conditional"),
        ("The minister vowed that the accord would be respected.", "respected", "hoped"),
        ("The senator urged colleagues to block the deal.", "rejected", "hoped"),
    ],
)
def test_status_and_modality_of_the_clause(sentence: str, status: str, modality: str) -> None:
    finding = one(sentence)
    assert (finding.status, finding.modality) == (status, modality)


def test_a_negated_passage_is_a_rejection_and_a_negated_respect_a_violation() -> None:
    assert one("She promised that she would not allow the pact to pass.").status == "rejected"
    finding = one("He accused the government of not living up to the agreement.")
    assert (finding.status, finding.modality) == ("violated", "asserted")


def test_a_proposal_rejected_is_a_rejection() -> None:
    finding = one("The rebels rejected the general's proposal for a truce.")
    assert finding.status == "rejected"


def test_a_mention_without_a_status_cue_takes_the_stage_the_article_establishes() -> None:
    found = find("The accord was signed in 2019. Critics say the accord is too weak.")
    assert [(f.status, f.modality) for f in found] == [("signed", "asserted"), ("signed", "asserted")]


def test_an_agreement_from_an_earlier_year_is_in_force() -> None:
    assert one("Critics say the 2015 accord is too weak.").status == "in_force"


def test_a_hoped_for_agreement_without_a_cue_is_one_to_be_reached() -> None:
    found = find("Both sides want a ceasefire. Whether a ceasefire is possible is unclear.")
    assert [f.status for f in found] == ["agreed", "agreed"]


# -- parties -------------------------------------------------------------------------------------


def test_parties_from_the_subject_of_the_verb() -> None:
    finding = one("Ethiopia and Sudan agreed to a ceasefire along the border.")
    assert finding.parties == ("Ethiopia", "Sudan")


def test_parties_from_with_and_between() -> None:
    assert one("The talks produced an agreement between Armenia and Azerbaijan.").parties == (
        "Armenia",
        "Azerbaijan",
    )


def test_capitals_stand_for_their_countries() -> None:
    assert "Iran" in one("Iran's neighbours watched as Washington offered a deal with Tehran.").parties


def test_country_pairs_in_the_name() -> None:
    finding = one("The EU-Turkey refugee deal was signed in March. The European Union says it works.")
    assert set(finding.parties) == {"European Union", "Turkey"}


def test_people_are_named_as_fully_as_the_article_does() -> None:
    text = (
        "Russian Foreign Minister Sergei Lavrov met his Turkish counterpart. "
        "Lavrov and Cavusoglu signed a protocol on grain exports on Friday."
    )
    assert one(text).parties == ("Sergei Lavrov", "Cavusoglu")


def test_mediators_are_not_parties() -> None:
    finding = one("Qatar helped broker a truce between the two factions.")
    assert "Qatar" not in finding.parties


def test_accused_and_accuser_are_both_parties() -> None:
    finding = one("The government has accused the rebels of violating the truce.")
    assert set(finding.parties) == {"government", "rebels"}


# -- date and location -----------------------------------------------------------------------------


def test_date_of_reaching_from_the_dates_extractor() -> None:
    finding = one("The accord, reached in Geneva on Saturday, ends the dispute.")
    assert (finding.date, finding.location) == ("2021-06-05", "Geneva")


def test_the_year_in_the_mention_is_its_date() -> None:
    assert one("Neither side has respected the Minsk agreements of 2015.").date == "2015"


def test_no_date_for_a_deal_only_hoped_for() -> None:
    assert one("On Wednesday he said he hoped the talks would yield a deal.").date is None


def test_a_place_before_the_head_is_its_location_when_the_article_puts_it_there() -> None:
    finding = one("Leaders met in Astana in May. Officials said the Astana accords still stood.")
    assert finding.location == "Astana"


# -- chains -------------------------------------------------------------------------------------


def test_coreferent_mentions_share_an_id_and_a_name() -> None:
    found = find(
        "The minister swore that the Doha agreements of 2020 would be respected. "
        "These agreements created a buffer zone, but the accords have only been partially implemented."
    )
    assert [f.text for f in found] == ["the Doha agreements of 2020", "These agreements", "the accords"]
    assert len({f.id for f in found}) == 1
    assert {f.name for f in found} == {"Doha agreements"}
    assert [f.status for f in found] == ["respected", "in_force", "partially_implemented"]
    assert [f.modality for f in found] == ["hoped", "asserted", "asserted"]


def test_mentions_of_a_hoped_for_ceasefire_are_one_chain() -> None:
    found = find(
        "He said he hoped the talks would result in a ceasefire. "
        "Analysts said both leaders could first negotiate a renewed ceasefire."
    )
    assert len({f.id for f in found}) == 1


def test_different_agreements_get_different_ids() -> None:
    found = find("The trade deal was signed in May. Separately, the nuclear deal collapsed.")
    assert found[0].id != found[1].id


def test_an_apposition_is_the_same_agreement() -> None:
    found = find(
        "Farmers blame the North American Free Trade Agreement, the 1994 deal with Mexico, for the losses."
    )
    assert len(found) == 2
    assert found[0].id == found[1].id
    assert found[1].name == "North American Free Trade Agreement"


# -- side texts, config, output contract -----------------------------------------------------------------------


def _article_with_link(title: str) -> Article:
    text = "Ministers met in Brussels on Monday."
    return Article(text=text, related=(RelatedLink(title=title, label="Read more"),), published=PUBLISHED)


def test_related_link_titles_are_read_with_their_field() -> None:
    article = Pipeline(extractors=["agreements"]).extract(_article_with_link("Will the grain deal collapse?"))
    (finding,) = article.findings("agreements")
    assert isinstance(finding, AgreementFinding)
    assert finding.field == "related[0].title"
    assert (finding.text, finding.status, finding.modality) == ("the grain deal", "collapsed", "question")
    assert article.text_of(finding.field)[finding.start : finding.end] == finding.text


def test_side_texts_can_be_switched_off() -> None:
    pipeline = Pipeline(extractors=["agreements"], config={"agreements": {"side_texts": False}})
    article = pipeline.extract(_article_with_link("Will the grain deal collapse?"))
    assert article.findings("agreements") == ()


def test_kinds_can_be_left_out() -> None:
    text = "Prosecutors offered a plea deal. Separately, both countries signed a trade pact."
    assert [f.kind for f in find(text, exclude_kinds=("legal",))] == ["trade"]


def test_generic_mentions_are_flagged_and_can_be_left_out() -> None:
    text = "Trade deals kill jobs, he said. Both countries signed a trade pact on Friday."
    found = find(text)
    assert [(f.text, f.generic) for f in found] == [("Trade deals", True), ("a trade pact", False)]
    assert [f.text for f in find(text, include_generic=False)] == ["a trade pact"]


def test_unknown_config_values_are_rejected() -> None:
    with pytest.raises(ValueError, match="kind"):
        AgreementsConfig(exclude_kinds=("space",))


def test_findings_round_trip_through_json() -> None:
    article = newsparse.parse(
        "Kenya and Somalia signed a border agreement on Monday.", format="plain", published=PUBLISHED
    )
    rebuilt = Article.from_dict(article.to_dict())
    assert rebuilt.findings("agreements") == article.findings("agreements")


def test_summary_has_one_entry_per_agreement() -> None:
    article = newsparse.parse(
        "The accord was signed in 2019. Critics say the accord is too weak. Will the truce hold?",
        format="plain",
        published=PUBLISHED,
    )
    summary = article.summaries["agreements"]
    assert [(s["mentions"], s["status"]) for s in summary] == [(2, "signed"), (1, None)]


def test_registered_as_a_builtin_that_needs_dates() -> None:
    extractor = newsparse.get_manager().extractors()["agreements"]
    assert extractor.plugin == "agreements"
    assert extractor.obj.requires == ("dates",)


def test_without_dates_findings_the_extractor_still_works() -> None:
    article = Pipeline(extractors=[]).read("The accord of 2015 was signed in Oslo.", format="plain")
    found = AgreementsExtractor()(article, Document.of(article), {})
    assert [(f.text, f.date) for f in found] == [("The accord of 2015", "2015")]


# -- hostile input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "x" * 1_000_000,
        '"' * 100_000,
        "deal " * 20_000,
        "the the the the " * 10_000 + "deal",
        ("agreement with " * 5000) + "Iran",
        "A" * 50_000 + " deal",
    ],
)
def test_hostile_input_finishes_with_valid_spans(text: str) -> None:
    article = Pipeline(extractors=[]).read(text, format="plain")
    for finding in AgreementsExtractor()(article, Document.of(article), {}):
        assert text[finding.start : finding.end] == finding.text


# -- more clause shapes -------------------------------------------------------------------------


def test_parties_named_after_the_verb() -> None:
    assert set(one("Kyiv signed an accord on Friday with Warsaw on grain transit.").parties) == {
        "Ukraine",
        "Poland",
    }


def test_the_agents_of_a_passive_are_parties_when_nothing_else_names_them() -> None:
    finding = one("The agreement was signed by Israel and Jordan in 1994.")
    assert (finding.parties, finding.date) == (("Israel", "Jordan"), "1994")


def test_the_main_verb_after_a_participle_phrase_sets_the_status() -> None:
    finding = one("The ceasefire, brokered by Egypt, largely held overnight.")
    assert (finding.status, finding.parties) == ("respected", ())


def test_not_yet_approved_is_denied_not_rejected() -> None:
    finding = one("Parliament has not yet approved the agreement.")
    assert (finding.status, finding.modality) == ("in_force", "negated")


def test_discussing_an_existing_agreement_is_not_negotiating_it() -> None:
    assert one("The two leaders discussed the Good Friday Agreement.").status == "agreed"
    assert one("They will discuss a new security agreement.").status == "negotiating"


def test_a_date_inside_a_name_is_not_the_agreement_date() -> None:
    assert one("Critics said the Good Friday Agreement needed reform.").date is None


def test_a_different_kind_of_deal_is_a_different_agreement() -> None:
    found = find(
        "The senator opposes the nuclear deal with Iran. "
        "He compared the negotiations to the real estate deals he made in the 1980s."
    )
    assert found[0].id != found[1].id


def test_a_demand_is_a_wish_and_a_slogan_a_call() -> None:
    finding = one("The rebels demanded a truce with government forces in the east.")
    assert (finding.status, finding.modality) == ("agreed", "hoped")
    assert one("Protesters chanted: Stop the pact!").modality == "hoped"


def test_a_named_treaty_taken_for_granted_is_in_force() -> None:
    assert one("Critics say the Geneva Conventions are outdated.").status == "in_force"


def test_a_name_in_the_clause_is_not_a_word() -> None:
    finding = one("Campaign spokeswoman Hope Hicks said all staffers sign NDAs.")
    assert (finding.status, finding.modality) == ("signed", "asserted")


@pytest.mark.parametrize(
    "sentence",
    [
        "Police were looking for a grey Honda Accord.",
        "Neighbours said the shooting followed a drug deal that went wrong.",
        "Delegates gathered for the National Baptist Convention downtown.",
        "He was freed in exchange for his agreement to testify.",
    ],
)
def test_more_senses_that_are_not_agreements(sentence: str) -> None:
    assert texts(sentence) == []
