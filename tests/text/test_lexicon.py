"""The shared word lists and their look-up helpers."""

from __future__ import annotations

from newsparse.text import lexicon


def test_attribution_verbs_cover_inflections() -> None:
    for form, lemma in [
        ("said", "say"),
        ("says", "say"),
        ("told", "tell"),
        ("added", "add"),
        ("admitted", "admit"),
        ("writes", "write"),
        ("warned", "warn"),
        ("denies", "deny"),
    ]:
        verb = lexicon.attribution_verb(form)
        assert verb is not None, form
        assert (verb.lemma, verb.kind) == (lemma, "speech")
    believes = lexicon.attribution_verb("Believes")
    assert believes is not None
    assert believes.kind == "belief"
    assert lexicon.attribution_verb("sayed") is None
    assert lexicon.attribution_verb("table") is None


def test_countries_demonyms_capitals() -> None:
    assert lexicon.country_of("Ankara") == ("Turkey", "capital")
    assert lexicon.country_of("Turkish") == ("Turkey", "demonym")
    assert lexicon.country_of("Türkiye") == ("Turkey", "country")
    assert lexicon.country_of("U.S.") == ("United States", "country")
    assert lexicon.country_of("Syria’s") == ("Syria", "country")
    assert lexicon.country_of("Singapore") == ("Singapore", "country")
    assert lexicon.country_of("Erdogan") is None


def test_organisations_and_institutions() -> None:
    eu = lexicon.known_organisation("the EU")
    kremlin = lexicon.known_organisation("Kremlin")
    assert eu is not None
    assert eu.name == "European Union"
    assert kremlin is not None
    assert kremlin.country == "Russia"


def test_first_names_titles_and_roles() -> None:
    assert lexicon.first_name_gender("Angela") == "f"
    assert lexicon.first_name_gender("Recep") == "m"
    assert lexicon.first_name_gender("Kim") is None  # used for both genders: left out on purpose
    assert lexicon.role_gender("spokeswoman") == "f"
    assert lexicon.role_gender("Mrs.") == "f"
    assert lexicon.role_gender("president") is None
    assert "foreign minister" in lexicon.PERSON_ROLES
    assert "vice-president" in lexicon.PERSON_ROLES


def test_role_compatibility_goes_from_general_to_specific() -> None:
    assert lexicon.role_compatible("expert", "expert")
    assert lexicon.role_compatible("leader", "president")
    assert lexicon.role_compatible("official", "spokesman")
    assert not lexicon.role_compatible("president", "leader")
    assert not lexicon.role_compatible("expert", "spokesman")


def test_fold() -> None:
    assert lexicon.fold("Erdoğan’s") == "erdogan's"
    assert lexicon.fold("Işık") == "isik"
