"""The quotations extractor: kinds, attribution orders, speakers and quote-mark pathologies.

Every sentence here is written for these tests in the shape of wire copy; none comes from a corpus.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsparse
from newsparse.extractors.quotations import QuotationFinding, QuotationsExtractor, find_quotes
from newsparse.model import Article
from newsparse.readers.plain import split_paragraphs


def quotations(text: str, **options: object) -> list[QuotationFinding]:
    config = {"quotations": options} if options else None
    article = newsparse.parse(text, format="plain", extractors=["quotations"], config=config, strict=True)
    found = article.findings("quotations")
    assert all(isinstance(f, QuotationFinding) for f in found)
    return list(found)  # type: ignore[arg-type]


def only(found: list[QuotationFinding], kind: str) -> list[QuotationFinding]:
    return [f for f in found if f.kind == kind]


def quoted_spans(text: str) -> list[list[str]]:
    blocks = [(p.start, p.end) for p in split_paragraphs(text)]
    return [[text[q.start : q.end] for q in group.pieces] for group in find_quotes(text, blocks)]


# --- attribution orders and cues -------------------------------------------------------------


def test_quote_then_speaker_then_verb() -> None:
    text = 'Officials met in Geneva on Monday. "We are close to a deal," Foreign Minister Jonas Berg said.'
    [quote] = only(quotations(text), "direct")
    assert quote.text == '"We are close to a deal,"'
    assert quote.speaker == "Jonas Berg"
    assert quote.speaker_text == "Foreign Minister Jonas Berg"
    assert quote.cue == "said"
    assert text[quote.cue_start : quote.cue_end] == "said"  # type: ignore[index]


def test_quote_then_verb_then_speaker_with_apposition() -> None:
    text = '"The shelling has to stop," said Piotr Kowalski, an analyst at the Warsaw Institute.'
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "Piotr Kowalski"
    assert text[quote.speaker_start : quote.speaker_end] == "Piotr Kowalski"  # type: ignore[index]


def test_colon_introduction() -> None:
    text = 'Senator Ruth Adler told the committee: "This is a failure of leadership."'
    [quote] = only(quotations(text), "direct")
    assert quote.text == '"This is a failure of leadership."'
    assert quote.speaker == "Ruth Adler"
    assert quote.cue == "told"


def test_colon_line_in_the_previous_paragraph() -> None:
    text = (
        'The governor spoke for an hour. Jane Okafor said:\n\n"We will rebuild every school in the valley."'
    )
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "Jane Okafor"


def test_headline_label_with_single_quotes() -> None:
    text = "Okafor: 'We will not resign'\n\nThe minister faced calls to quit on Tuesday."
    [quote] = only(quotations(text), "direct")
    assert quote.text == "'We will not resign'"
    assert quote.speaker == "Okafor"
    assert quote.cue == ":"


def test_dash_attribution() -> None:
    text = "Readers wrote in after the debate.\n\n“He never answered a single question.” ― Laura Mendes"
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "Laura Mendes"
    assert quote.cue == "―"


def test_according_to_is_reported_speech() -> None:
    text = "According to the health ministry, 30 people were killed in the strike."
    [finding] = quotations(text)
    assert finding.kind == "indirect"
    assert finding.text == "30 people were killed in the strike"
    assert finding.speaker_text == "the health ministry"
    assert finding.cue == "According to"


def test_told_that_reported_speech() -> None:
    text = "Kremlin spokesman Dmitry Peskov told journalists that the talks would address the crisis."
    [finding] = quotations(text)
    assert finding.kind == "indirect"
    assert finding.text == "the talks would address the crisis"
    assert finding.speaker == "Dmitry Peskov"
    assert finding.cue == "told"


def test_post_posed_reported_speech_and_transliterated_surname() -> None:
    text = (
        '"The front will hold," said Aleksandr Kharitonov, a military analyst in Kyiv.\n\n'
        "The ceasefire could last until spring, said Charitonow to Reuters."
    )
    reported = only(quotations(text), "indirect")
    assert [f.text for f in reported] == ["The ceasefire could last until spring"]
    assert reported[0].speaker == "Aleksandr Kharitonov"
    assert reported[0].speaker_text == "Charitonow"


@pytest.mark.parametrize(
    "text",
    [
        "Police said the suspect fled in a gray sedan after the shooting.",
        "Officials said an estimated 300 people attended the protest in the square.",
        "The mayor said the alleged gunman had been arrested near the station.",
        "The suspect had bought the gun a week earlier, the prosecutor said.",
    ],
)
def test_cue_words_after_an_article_or_possessive_are_nouns(text: str) -> None:
    # "the suspect", "an estimated", "the protest", "the alleged": no verb follows these words.
    [reported] = quotations(text)
    assert reported.cue == "said"


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("The minister told Reuters on Sunday the talks had failed.", "the talks had failed"),
        ("Colonel Haddad told reporters his unit would withdraw.", "his unit would withdraw"),
        ("She told The Daily Courier that she would run again.", "she would run again"),
        ("The suspect told police he fled in a gray sedan.", "he fled in a gray sedan"),
    ],
)
def test_the_one_told_is_not_part_of_the_content(text: str, content: str) -> None:
    reported = [f for f in quotations(text) if f.cue == "told"]
    assert [f.text for f in reported] == [content]


def test_a_cue_word_used_as_a_verb_still_cues() -> None:
    [reported] = quotations("Police suspect the man fled in a gray sedan after the shooting.")
    assert reported.cue == "suspect"
    assert reported.speaker_text == "Police"


def test_a_subject_spelt_like_a_name_particle_is_read_whole() -> None:
    # "DA" is also the particle of "da Silva"; the subject is the whole "The DA", and nothing fails.
    [reported] = quotations("The DA said the case against the two men was closed.")
    assert reported.text == "the case against the two men was closed"
    assert reported.speaker_text == "The DA"


def test_parenthetical_belief_has_two_pieces() -> None:
    text = (
        "Anna Lindqvist, a diplomat in Stockholm, expects progress. "
        "Both sides are tired of war, she believes, and could sign in spring."
    )
    [belief] = [f for f in quotations(text) if f.cue == "believes"]
    assert belief.speaker == "Anna Lindqvist"
    assert [text[s:e] for s, e in belief.pieces] == [
        "Both sides are tired of war",
        "and could sign in spring",
    ]
    assert belief.text == "Both sides are tired of war, she believes, and could sign in spring"


def test_partial_and_mixed() -> None:
    text = (
        'Analysts warn of "a long and bloody stalemate." '
        'The general said the offensive had "achieved its goals" and would end soon.'
    )
    found = quotations(text)
    [partial] = only(found, "partial")
    assert partial.text == '"a long and bloody stalemate."'
    assert partial.cue == "warn"
    [mixed] = only(found, "mixed")
    assert mixed.text == 'the offensive had "achieved its goals" and would end soon'
    assert mixed.speaker_text == "The general"


def test_direct_only_configuration() -> None:
    text = 'The mayor said the bridge would reopen. "We are ready," she said.'
    found = quotations(text, indirect=False)
    assert [f.kind for f in found] == ["direct"]


# --- speakers --------------------------------------------------------------------------------


def test_pronoun_follows_the_speaker_chain_not_the_nearest_name() -> None:
    text = (
        "Foreign Minister Jonas Berg said on Monday he expected talks with Mr. Ivanov to resume. "
        '"We are close to a deal," he told reporters.'
    )
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "Jonas Berg"
    assert quote.speaker_text == "he"
    assert quote.speaker_via == "pronoun"


def test_pronoun_gender_skips_a_man_for_she() -> None:
    text = (
        "Maria Santos, a nurse at the clinic, spoke to Omar Khalil, the director. "
        '"We had no power and no water," she said.'
    )
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "Maria Santos"


def test_nominal_speaker_resolves_to_the_person_described() -> None:
    text = (
        "Elena Petrova, an energy analyst at a Moscow think tank, was cautious.\n\n"
        'Prices would stay high, she said. "Winter will decide everything," the analyst added.'
    )
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "Elena Petrova"
    assert quote.speaker_text == "the analyst"
    assert quote.speaker_via == "nominal"


def test_follow_on_paragraph_inherits_the_speaker() -> None:
    text = (
        '"The river rose in an hour," said Tomas Novak, a farmer near the dam.\n\n'
        '"We lost the harvest, the animals, everything."'
    )
    direct = only(quotations(text), "direct")
    assert [f.speaker for f in direct] == ["Tomas Novak", "Tomas Novak"]
    assert direct[1].speaker_via == "follow-on"
    assert direct[1].cue is None


def test_unresolved_description_is_kept_as_written() -> None:
    text = '"Nobody was hurt," a police spokesman said.'
    [quote] = only(quotations(text), "direct")
    assert quote.speaker == "a police spokesman"
    assert quote.speaker_via == "nominal"


# --- pronouns: what the speaker chain takes and what interrupts it ----------------------------


def _speaker_of(text: str, quoted: str) -> str | None:
    [quote] = [f for f in quotations(text) if f.kind == "direct" and quoted in f.text]
    return quote.speaker


def test_a_capitalised_opener_is_no_antecedent() -> None:
    text = (
        "Mayor Paul Okafor announced a new bus fare in March.\n\n"
        "Humbled by the protests, Okafor withdrew the fare, promising to review every ticket.\n\n"
        '"Nobody will pay more this year," he said on Friday.'
    )
    assert _speaker_of(text, "pay more") == "Paul Okafor"


def test_a_group_is_no_antecedent_for_he() -> None:
    text = (
        "Chairman Henrik Dahl told shareholders he would not sign the merger.\n\n"
        "Investors wondered how Dahl could drop a deal he had championed.\n\n"
        '"The moment they cut the pension fund, I was out," he said.'
    )
    assert _speaker_of(text, "pension fund") == "Henrik Dahl"


def test_a_person_named_in_reported_content_does_not_take_the_floor() -> None:
    text = (
        "Housing researcher Anna Weber, who studies rents in Hamburg, said Laura Kemp's budget left "
        'the question open.\n\n"Tenants still cannot plan," she said.'
    )
    assert _speaker_of(text, "Tenants") == "Anna Weber"


def test_an_apposition_in_the_speakers_sentence_does_not_interrupt() -> None:
    text = (
        "Prime Minister Viktor Petrov flew to Brussels on Monday.\n\n"
        "Asked about the delay, Igor Sokolov, Petrov's spokesman, suggested the talks would resume.\n\n"
        '"Both sides want an agreement by June," he said.'
    )
    assert _speaker_of(text, "agreement by June") == "Igor Sokolov"


def test_a_nested_attribution_is_the_outer_speakers_words() -> None:
    text = (
        "Senator Alan Pryce turned the criticism back on the newspaper, pointing out that its reporter "
        'Mark Duval had written in May that the campaign was finished. "They were wrong then," he said.'
    )
    assert _speaker_of(text, "wrong then") == "Alan Pryce"


def test_a_speaker_in_a_subordinate_clause_yields_to_the_main_subject() -> None:
    text = (
        "Finance Minister Tom Rayner sounded wary when host Jake Miller asked whether the budget "
        'would pass. "Every vote will count this week," he said.'
    )
    assert _speaker_of(text, "Every vote") == "Tom Rayner"


def test_the_person_who_interrupts_the_chain_is_next() -> None:
    text = (
        "The levy would hit small farms hardest, said Lily Baxter, an economist in Leeds.\n\n"
        "The levy is now a campaign issue, with Senator Karen Hollis attacking it at every stop.\n\n"
        '"Farmers are being asked to pay for a mistake they did not make," she said.'
    )
    assert _speaker_of(text, "Farmers") == "Karen Hollis"


def test_a_speaker_named_again_keeps_the_floor() -> None:
    text = (
        'Samuel Adeyemi, a taxi driver, listened from the kerb. "It sounds like a concert," he said.\n\n'
        "Would Adeyemi vote for the mayor, Paul Okafor?\n\n"
        '"Not this time," he said, smiling.'
    )
    assert _speaker_of(text, "Not this time") == "Samuel Adeyemi"


def test_a_relative_with_the_same_surname_stays_herself() -> None:
    text = (
        "Governor Carlos Ernesto Lopez opened the session.\n\n"
        "In a radio interview, Maria Lopez made it clear that the family would stay out of the race.\n\n"
        '"We have had enough of politics," she said.'
    )
    assert _speaker_of(text, "enough of politics") == "Maria Lopez"


def test_a_role_noun_inside_the_subject_is_part_of_the_title() -> None:
    text = (
        'Former Ohio governor Janet Price, who backs the plan, called the vote "a turning point." '
        '"Nobody expected this majority," she told reporters.'
    )
    assert _speaker_of(text, "majority") == "Janet Price"


def test_a_participial_opener_is_skipped_to_find_the_subject() -> None:
    text = (
        "Ambassador Maria Holt arrived first.\n\n"
        "Noting that both envoys had faced hostile hearings, Ruth Calder defended the nominee.\n\n"
        '"He has earned the post twice over," she wrote.'
    )
    assert _speaker_of(text, "earned the post") == "Ruth Calder"


def test_speaker_phrases_end_with_the_name() -> None:
    text = (
        "Trade Minister Joan Okafor however said the offer remained open. "
        "Rep. Dana K. Whitfield (D-Ohio), a superdelegate, said she had spoken with colleagues."
    )
    speakers = [f.speaker for f in only(quotations(text), "indirect")]
    assert speakers == ["Joan Okafor", "Dana K. Whitfield"]


def test_a_phrase_running_past_a_pronoun_is_the_pronoun() -> None:
    text = (
        "Tomas Berg, a delegate from Oslo, said he had called the committee. "
        "He said regions like Finnmark would decide first."
    )
    second = only(quotations(text), "indirect")[-1]
    assert (second.speaker, second.speaker_text) == ("Tomas Berg", "He")


def test_a_party_label_apposition_is_not_the_speaker() -> None:
    text = "Sen. Mark Olsen, R-Idaho, said the questioning would begin with the agency's director."
    [finding] = quotations(text)
    assert finding.speaker == "Mark Olsen"  # and "the questioning" is no cue of its own


def test_whoever_released_the_statement_speaks() -> None:
    text = (
        "Olivia Grant, a fashion designer, signed a licensing deal in 2012.\n\n"
        'At the time, she issued a statement saying, "I am proud of this partnership."'
    )
    [quote] = only(quotations(text), "direct")
    assert (quote.speaker, quote.speaker_text) == ("Olivia Grant", "she")


def test_party_words_and_ages_before_a_name_are_dropped() -> None:
    text = (
        '"We will carry the county," said Republican Dan Okoro. '
        '"I have seen five of these races," said 76-year-old Morton Blake of the Republican National Committee.'
    )
    assert [f.speaker for f in only(quotations(text), "direct")] == ["Dan Okoro", "Morton Blake"]


# --- quote-mark pathologies ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ('"Straight marks," she said.', '"Straight marks,"'),
        ("“Curly marks,” she said.", "“Curly marks,”"),
        ("«Guillemets», she said.", "«Guillemets»"),
        ("„German marks“, she said.", "„German marks“"),
        ("»Reversed guillemets«, she said.", "»Reversed guillemets«"),
    ],
)
def test_mark_styles_pair(text: str, quoted: str) -> None:
    assert quoted_spans(text) == [[quoted]]


def test_typewriter_double_apostrophes_are_one_mark() -> None:
    text = "''We should not take growth for granted,'' Lael Brainard, a Fed governor, said."
    blocks = [(p.start, p.end) for p in split_paragraphs(text)]
    [group] = find_quotes(text, blocks, typewriter_marks=True)
    assert [text[q.start : q.end] for q in group.pieces] == ["''We should not take growth for granted,''"]
    [quote] = only(quotations(text, typewriter_marks=True), "direct")
    assert quote.speaker == "Lael Brainard"
    # Off by default: in web text two apostrophes are not a quote mark.
    assert [f.kind for f in quotations(text)] != ["direct"]


def test_apostrophes_are_not_quote_marks() -> None:
    text = "The players’ union said it’s 'a dark day' for Turkey’s clubs in the ’90s style."
    assert quoted_spans(text) == [["'a dark day'"]]


def test_nested_quotes_stay_inside() -> None:
    text = "\"He told me 'never again,' and I believed him,\" she said of the general."
    assert quoted_spans(text) == [["\"He told me 'never again,' and I believed him,\""]]
    [quote] = only(quotations(text), "direct")
    assert quote.text.startswith('"He told me')


def test_nested_same_marks_pair_inside_out() -> None:
    text = 'Diaz said: "They called it "a rescue" but it was a raid."'
    assert quoted_spans(text) == [['"They called it "a rescue" but it was a raid."']]


def test_interrupted_quote_is_one_finding_with_two_pieces() -> None:
    text = '"We will stay," the mayor said, "and we will rebuild."'
    [quote] = only(quotations(text), "direct")
    assert quote.text == text
    assert [text[s:e] for s, e in quote.pieces] == ['"We will stay,"', '"and we will rebuild."']
    assert quote.speaker_text == "the mayor"


def test_quote_over_paragraphs_is_one_finding() -> None:
    text = (
        'Maria Santos described the night. "We had no power and no water.\n\n'
        '"By morning the corridors were full," she said.\n\nThe clinic reopened on Friday.'
    )
    [quote] = only(quotations(text), "direct")
    assert len(quote.pieces) == 2
    assert quote.text.endswith('were full,"')
    assert "reopened" not in quote.text
    assert quote.speaker == "Maria Santos"


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = (
        'Adler spoke after the vote. "Nobody saw it coming. Then the water rose.\n\n'
        "The town was evacuated on Friday.\n\n"
        '"We are safe now," said Adler.'
    )
    found = only(quotations(text), "direct")
    assert found[0].text == '"Nobody saw it coming. Then the water rose.'
    assert all("evacuated" not in f.text for f in found)
    assert found[-1].text == '"We are safe now,"'


def test_stray_mark_mid_sentence_swallows_nothing() -> None:
    text = 'The 6" pipe burst on Monday. Officials said repairs would take a week.\n\n"It will be fixed," said Lee.'
    found = quotations(text)
    assert [f.text for f in only(found, "direct")] == ['"It will be fixed,"']


@pytest.mark.parametrize(
    "text",
    [
        'The so-called "peace dividend" never arrived in the border towns.',
        'She starred in "The Last Days of Aleppo" in 2019.',
        'Dwayne "The Rock" Johnson arrived on Sunday.',
        "Residents call the road 'Sniper Alley' to this day.",
    ],
)
def test_scare_quotes_titles_and_nicknames_are_not_quotations(text: str) -> None:
    assert [f for f in quotations(text) if f.kind in ("direct", "partial")] == []


def test_many_quote_marks_finish() -> None:
    for text in ('"' * 100_000, "“a” " * 25_000, "«" * 50_000 + "»" * 50_000, "'x' " * 25_000):
        found = quotations(text)
        assert all(f.start < f.end for f in found)


def test_a_megabyte_without_spaces_finishes() -> None:
    assert quotations("a" * 1_000_000) == []


# --- output contract -------------------------------------------------------------------------


def test_findings_round_trip_through_dicts() -> None:
    text = '"We will stay," the mayor said, "and we will rebuild." Officials said the plan was ready.'
    article = newsparse.parse(text, format="plain", extractors=["quotations"])
    again = Article.from_dict(article.to_dict())
    assert again.findings("quotations") == article.findings("quotations")
    first = article.to_dict()["extractions"]["quotations"][0]
    second = text.index('"and')
    assert first["pieces"] == [[0, len('"We will stay,"')], [second, second + len('"and we will rebuild."')]]


def test_extractor_is_registered_and_picklable() -> None:
    import pickle

    extractor = pickle.loads(pickle.dumps(QuotationsExtractor()))
    assert extractor.name == "quotations"
    assert "quotations" in newsparse.get_manager().extractors()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from([*"ab AB.,:;\n—-\"'“”‘’«»„‚()", "said", " he ", " Smith", "told", "\n\n"]),
        max_size=120,
    ).map("".join)
)
def test_any_text_keeps_the_span_contract(text: str) -> None:
    article = newsparse.parse(text, format="plain", extractors=["quotations"], strict=True)
    for finding in article.findings("quotations"):
        assert isinstance(finding, QuotationFinding)
        assert article.text[finding.start : finding.end] == finding.text
        assert finding.pieces[0][0] == finding.start
        assert finding.pieces[-1][1] == finding.end
        if finding.speaker_start is not None:
            assert article.text[finding.speaker_start : finding.speaker_end] == finding.speaker_text
