"""Word lists shared by the language layer and the extractors.

Everything here is a plain table, built once at import: attribution (speech and belief) verbs
with their inflections, titles and role nouns (with gender where the word carries one), first
names with gender, countries with their aliases, demonyms and capitals, well-known
organisations and institutions that stand for a country ("the Kremlin"), months, weekdays,
pronouns and the capitalised function words that are never names.

Keys are lower case unless a table says otherwise; look words up with the helper functions
(`attribution_verb`, `first_name_gender`, `country_of`, ...), which normalise case and curly
apostrophes. The tables are deliberately small and readable: extend them by adding lines.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Literal

import attrs

__all__ = [
    "ATTRIBUTION_VERBS",
    "COUNTRIES",
    "FIRST_NAMES",
    "FUNCTION_WORDS",
    "GROUP_NOUNS",
    "HONORIFICS",
    "MONTHS",
    "ORGANISATIONS",
    "ORGANISATION_HEADS",
    "ORGANISATION_NOUNS",
    "PERSON_ROLES",
    "PLACES",
    "PRONOUNS",
    "ROLE_MODIFIERS",
    "SOURCE_NOUNS",
    "TITLES",
    "WEEKDAYS",
    "AttributionVerb",
    "Country",
    "Gender",
    "KnownOrganisation",
    "Pronoun",
    "attribution_verb",
    "country_of",
    "first_name_gender",
    "fold",
    "known_organisation",
    "narrower_roles",
    "place_country",
    "role_compatible",
    "role_gender",
]

Gender = Literal["m", "f"]


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as a block of text."""
    return frozenset(text.split())


# Folding and the table look-ups are pure functions of one word, called for every token of every
# article: caching them per process makes them nearly free. The bound keeps a long batch's memory
# flat: word frequencies are Zipfian, so 4,096 recent words give most of the hits, and a larger
# cache only grows with every new name in the stream (65,536 per cache cost ~60 MiB over a
# 10,000-article batch for about 2 % of speed).
WORD_CACHE_SIZE = 1 << 12


# Invisible characters inside words (soft hyphen, zero-width space, (non-)joiners, word joiner,
# byte-order mark): dropped when folding.
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))


@lru_cache(maxsize=WORD_CACHE_SIZE)
def fold(word: str) -> str:
    """Lower case, curly apostrophes straightened, accents and invisible characters (soft
    hyphens, zero-width joiners) removed ("Erdoğan" -> "erdogan")."""
    word = word.replace("’", "'").replace("‘", "'").lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_INVISIBLE))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ı", "i")


# ---------------------------------------------------------------------------------------------
# Attribution verbs
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class AttributionVerb:
    """An inflected attribution verb: its lemma and whether it reports speech or a belief."""

    lemma: str
    """The base form ("say" for "said")."""

    kind: Literal["speech", "belief"]
    """``speech`` (say, tell, warn ...) or ``belief`` (believe, hope, fear ...): PolNeAR-style
    attribution counts both; direct quotations nearly always have a speech verb."""


# Verbs that report what someone said or wrote. Irregular forms are spelt out after a colon.
_SPEECH_LEMMAS = """
say:said add accuse acknowledge admit affirm agree allege announce answer argue ask assert assure
blame boast brief call caution charge claim comment complain concede conclude confirm contend continue
counter declare decry defend demand deny describe disclose dismiss emphasise emphasize estimate explain
express indicate inform insist instruct joke lament maintain mention note notify observe order plead
pledge point predict proclaim promise protest propose question quip recall recount reiterate remark
repeat reply report respond retort reveal signal speak:spoke,spoken state stress suggest swear:swore,sworn
tell:told testify threaten tweet underline underscore urge vow warn write:wrote,written,writes,writing
post announce acknowledge cite concur criticise criticize describe dispute
"""
# Verbs that attribute a belief, hope or intention (PolNeAR counts these as attributions).
_BELIEF_LEMMAS = """
believe doubt expect fear feel:felt hope think:thought worry know:knew,known suspect reckon assume
consider want wish understand:understood see:saw,seen
"""


# Verbs that double their final consonant: admit -> admitted, quip -> quipped.
_DOUBLING = frozenset({"admit", "regret", "commit", "quip", "omit", "permit", "plan", "refer", "concur"})


def _inflections(lemma: str) -> set[str]:
    """Regular English inflections of a verb lemma (say -> says, sayed, saying, ...)."""
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
        # Doubled final consonant after a single short vowel: admit -> admitted, plan -> planned.
        if lemma in _DOUBLING:
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return forms


def _build_verbs() -> dict[str, AttributionVerb]:
    table: dict[str, AttributionVerb] = {}
    for kind, block in (("belief", _BELIEF_LEMMAS), ("speech", _SPEECH_LEMMAS)):
        for entry in block.split():
            lemma, _, irregular = entry.partition(":")
            forms = _inflections(lemma)
            if irregular:
                forms |= set(irregular.split(","))
                forms.discard(lemma + "ed")  # no "sayed", "telled"
                forms.discard(lemma + "d")
            for form in forms:
                table[form] = AttributionVerb(lemma=lemma, kind=kind)  # type: ignore[arg-type]
    return table


#: Inflected attribution verb -> lemma and kind ("told" -> tell/speech, "hopes" -> hope/belief).
ATTRIBUTION_VERBS: dict[str, AttributionVerb] = _build_verbs()


def attribution_verb(word: str) -> AttributionVerb | None:
    """The attribution verb `word` is a form of, or None ("Said" and "said" both -> say)."""
    return ATTRIBUTION_VERBS.get(word.lower())


# ---------------------------------------------------------------------------------------------
# Titles, honorifics and roles
# ---------------------------------------------------------------------------------------------

#: Honorifics written before a name, with the gender they imply (keys lower case, no dot).
HONORIFICS: dict[str, Gender | None] = {
    "mr": "m",
    "mister": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "dr": None,
    "prof": None,
    "sir": "m",
    "dame": "f",
    "lord": "m",
    "lady": "f",
    "madam": "f",
    "madame": "f",
    "mme": "f",
    "monsieur": "m",
    "m": "m",
    "herr": "m",
    "frau": "f",
    "senor": "m",
    "senora": "f",
    "signor": "m",
    "rev": None,
    "reverend": None,
    "hon": None,
    "sheikh": "m",
    "sheikha": "f",
    "sayyed": "m",
}

# Role nouns for people, with gender when the word carries it. Multi-word roles are written with
# spaces; they are matched as sequences of words. A capitalised form before a name is a title
# ("President Erdogan"), a lower-case form is a role ("Kremlin spokesman Dmitry Peskov").
_PERSON_ROLE_LINES = """
m: spokesman congressman businessman chairman councilman policeman king prince emperor duke earl baron
   pope monk priest father son brother husband uncle nephew grandfather boyfriend widower emir ayatollah
   sultan tsar czar crown-prince gentleman sportsman cameraman fisherman countryman kinsman frontman
   archbishop patriarch
f: spokeswoman congresswoman businesswoman chairwoman councilwoman policewoman queen princess empress
   duchess countess baroness nun mother daughter sister wife aunt niece grandmother girlfriend widow
   actress sheikha first-lady sportswoman camerawoman countrywoman
-: spokesperson president vice-president prime-minister premier chancellor vice-chancellor minister
   foreign-minister defence-minister defense-minister interior-minister finance-minister
   secretary secretary-general secretary-of-state foreign-secretary home-secretary undersecretary
   deputy leader head chief director official officer spokesperson envoy ambassador diplomat negotiator
   mediator emissary commissioner commander general colonel lieutenant major captain sergeant admiral
   marshal soldier fighter militant rebel insurgent gunman gunmen attacker suspect defendant
   senator representative lawmaker legislator congressman mp politician candidate nominee governor mayor
   judge justice prosecutor attorney lawyer counsel advocate
   expert analyst observer specialist researcher scholar academic scientist economist historian
   professor lecturer strategist pollster consultant adviser advisor aide counsellor counselor
   journalist reporter correspondent editor columnist commentator writer author photographer
   blogger broadcaster anchor presenter
   activist campaigner organiser organizer protester demonstrator witness resident survivor victim
   doctor surgeon physician nurse paramedic teacher student worker employee
   executive ceo cfo founder co-founder chair owner investor banker entrepreneur billionaire tycoon
   manager coach player striker goalkeeper captain athlete
   cleric imam rabbi bishop cardinal pastor preacher
   monarch ruler dictator strongman autocrat president-elect
   counterpart colleague ally rival opponent critic supporter member delegate
   inspector investigator detective agent source friend neighbour neighbor relative insider
   speaker chairperson convenor
   veteran refugee migrant
"""


def _build_roles() -> dict[str, Gender | None]:
    table: dict[str, Gender | None] = {}
    gender: Gender | None = None
    for token in _PERSON_ROLE_LINES.split():
        if token in ("m:", "f:", "-:"):
            gender = None if token == "-:" else token[0]  # type: ignore[assignment]
            continue
        # Hyphenated entries stand for both spellings: "vice-president" and "vice president".
        table.setdefault(token.replace("-", " "), gender)
        table.setdefault(token, gender)
    return table


#: Person role nouns (lower case; multi-word roles joined by spaces) -> gender or None.
PERSON_ROLES: dict[str, Gender | None] = _build_roles()

#: Capitalised titles written directly before a name ("President", "Gen.", "Prime Minister"): the
#: person roles plus abbreviations, lower-cased and without the dot.
TITLES: dict[str, Gender | None] = {
    **PERSON_ROLES,
    **HONORIFICS,
    "gen": None,
    "lt": None,
    "col": None,
    "maj": None,
    "capt": None,
    "sgt": None,
    "adm": None,
    "cmdr": None,
    "cpl": None,
    "pvt": None,
    "gov": None,
    "sen": None,
    "rep": None,
    "pres": None,
    "supt": None,
    "insp": None,
    "det": None,
    "amb": None,
    "atty": None,
    "fr": "m",
    "sr": "f",
    "saint": None,
    "st": None,
    "crown prince": "m",
    "grand duke": "m",
}

# Words that modify a role without being a name: "former Prime Minister", "deputy foreign minister".
ROLE_MODIFIERS = _words("""
    former ex acting interim deputy vice assistant associate senior junior chief top leading retired
    outgoing incoming new longtime long-time then self-styled self-proclaimed de-facto
    foreign defence defense interior finance economy economic health education justice trade energy
    home environment labour labor transport culture agriculture
    military political senior-level high-ranking state federal regional local national international
    main principal general prime first grand supreme
    """)

# Groups of role nouns a nominal may use for a person described with another noun of the group:
# "the Turkish leader" can be the Turkish president, "the official" a spokesman.
_ROLE_CLASSES: dict[str, frozenset[str]] = {
    "leader": _words(
        "president premier chancellor king queen emir monarch ruler dictator "
        "strongman autocrat sultan head chief"
    )
    | {"prime minister", "head of state", "supreme leader"},
    "official": _words(
        "minister spokesman spokeswoman spokesperson secretary ambassador diplomat envoy "
        "commissioner director officer deputy aide adviser advisor governor mayor"
    )
    | {"foreign minister", "defence minister", "defense minister", "interior minister"},
    "diplomat": _words("ambassador envoy negotiator emissary mediator") | {"foreign minister"},
    "minister": frozenset(
        {
            "foreign minister",
            "defence minister",
            "defense minister",
            "interior minister",
            "finance minister",
            "prime minister",
        }
    ),
    "expert": _words("analyst specialist researcher scholar academic observer strategist"),
    "analyst": _words("expert specialist researcher observer strategist economist"),
    "politician": _words("senator lawmaker legislator congressman congresswoman mp representative"),
    "lawmaker": _words("senator legislator congressman congresswoman mp representative"),
    "spokesperson": frozenset({"spokesman", "spokeswoman"}),
    "commander": _words("general colonel admiral marshal"),
    "officer": _words("colonel lieutenant major captain sergeant general"),
}


def role_compatible(nominal: str, role: str) -> bool:
    """True when a nominal's head noun ("expert") can refer to a person described by `role`.

    The same noun always fits; a noun also fits the narrower nouns of its class ("the leader" ->
    a president, "the official" -> a spokesman), never the other way round.
    """
    nominal, role = nominal.lower(), role.lower()
    return nominal == role or role in _ROLE_CLASSES.get(nominal, frozenset())


def narrower_roles(nominal: str) -> frozenset[str]:
    """The role nouns a nominal with this head noun can refer to: itself and its class
    (`role_compatible` as a set)."""
    key = nominal.lower()
    return _ROLE_CLASSES.get(key, frozenset()) | {key}


def role_gender(role: str) -> Gender | None:
    """The gender a role noun or title carries ("spokeswoman" -> f), else None."""
    key = role.lower().rstrip(".")
    return TITLES.get(key)


# ---------------------------------------------------------------------------------------------
# First names
# ---------------------------------------------------------------------------------------------

# Common given names in international news, by gender. Names that are commonly used for both
# genders (Jean, Andrea, Kim, Sasha, Robin, Alex...) are left out on purpose.
_MALE_NAMES = """
aaron abdel abdul abdullah abdullahi abdulaziz abu adam adel adnan ahmad ahmed akbar alan albert alberto
aleksandr aleksei alexander alexandr alexandre alexei alexey alexis alfred ali alistair amir amos anatoly
andre andrei andres andrew andrey andriy angelo angus anthony antoine anton antonio anwar ari armin arnold
arthur ashraf asif ayman bashar basil ben benjamin benny bernard bernie bill billy binyamin bob bobby
boris boyko brad bradley brandon brian bruce bruno burak cameron carl carlos cem charles charlie chris
christian christoph christophe christopher claude clement colin conor craig cyril dan daniel danny dario
darren david dean denis dennis derek dieter dimitri dmitri dmitry dominic donald doug douglas duncan
dylan ed eddie edgar eduard eduardo edward ehud ekrem emmanuel emil emile enrique eric erik ernst ethan
eugene evgeny fabian faisal farid fatih felix fernando fidel florian francesco francis francisco
frank franz fred frederick friedrich fyodor gabriel gareth gary gavin gennady geoffrey george georg
georgy gerald gerard gerhard giorgio giuseppe glenn gordon graham grant greg gregory guido gunther
gustavo guy hakan hamad hamid hans harold harry hasan hassan heiko heinz helmut henri henrik henry
herbert hosni hossein hugh hugo hulusi hussein ian ibrahim igor ilham ilya imran isaac ismail ivan
jack jacob jacques jake jakob james jamie janusz jared jason javier jeff jeffrey jens jeremy jerome
jerry jim jimmy joachim joe joel johann johannes john jon jonathan jorge jose josef joseph josh
joshua juan julian julio justin kamal karim karl keith ken kenneth kevin khaled khalid kirill klaus
konstantin kurt lars laurent leonid lev liam lionel lorenzo louis luc luca lucas ludwig luis lukas
luke lutz mahmoud mahmud malcolm manfred manuel marc marcel marco marcus mario mark markus martin
marwan mateusz matt matteo matthew matthias maurice max maxim maximilian mehmet mesut michael michel
miguel mikhail mike milos mircea mohamed mohammad mohammed moshe muhammad murat mustafa nabil naftali
nasser nathan neil nicholas nick nicolas nigel nikita nikolai nikolay nizar norbert nuri olaf oleg
oleksandr oleksiy oliver omar oscar osman otto owen pablo paolo pascal patrick paul pavel pedro peter
petr petro philip philipp philippe pierre piotr rafael rahul rajiv ralph ramzan rashid raul recep reza
ricardo richard rick robert roberto rodrigo roger roland roman ron ronald rory ross rudolf rudy rupert
russell ryan saad salah salman sam samir samuel saud scott sean sebastian selahattin serge sergei
sergey sergio seyed shahid shimon sigmar silvio simon stanislav stefan stefano stephan stephen steve
steven stuart sultan sven tamim tariq ted terry thabo theo thierry thomas tim timothy timur tobias
todd tom tomas tommy tony vadim valery vasily viktor vincent vitaly vitali vladimir vladislav volker
volodymyr walter werner wilhelm william wolfgang xavier yahya yair yaroslav yasser yevgeny yitzhak yuri
yury yusuf zbigniew zoltan abbas hamza haider kemal mevlut binali devlet ahmet ali-reza vagif nursultan
kassym-jomart shavkat emomali alexandros kyriakos nikos yannis giorgos tayyip bulent ertugrul
huseyin ismet suleyman selim erdal kadir omer yasin levent fuat hulki
"""
_FEMALE_NAMES = """
abigail ada adriana agnes aisha alexandra alice alicia alina alison amal amanda amelia amy ana anastasia
angela angelina angelique anita ann anna annalena anne annegret annette antje antonia ashley
audrey aylin ayse barbara beata beatrice belinda bettina beyza birgit brenda bridget brigitte
camilla carla carmen carol caroline carolyn catherine cecilia celine charlotte chloe christa christina
christine claire clara claudia cristina cynthia dalia daniela deborah denise diana diane dilma dolores
donna doris dorothy edith eleanor elena eliza elizabeth elke ella ellen elvira emilia emily emma erika
esther eva evelyn fatima fatma federica francesca franziska frederica gabriela gabriele gabrielle gail
galina gemma gerda gillian gina giorgia giulia gloria grace gulnara hanna hannah harriet hatice
heather heidi helen helena helga hilary hillary ilse ines ingrid irene irina iris isabel isabella
isabelle jacinda jacqueline jana jane janet janice jennifer jessica jill joan joanna jocelyn josephine
joyce judith julia juliane julie juliet justine kamala karen karin katarina katarzyna kate katharina
katherine kathleen kathrin kathryn katja katrin kelly kerstin kristalina kristin larisa laura lauren
leila lena lia liana lidia lilia linda lisa liz liza lorena louise lucia lucy ludmila luisa lydia
lyudmila magdalena maggie malala manuela margaret margarete margarita margot maria mariana marianna
marianne marie marina marine marion marisa marta martha martina mary maryam maya megan melania melanie
melinda meral merve mette michaela michelle mila miriam monica monika nadia nadine nadezhda
nancy naomi natalia natalie natalya natasha nathalie nicole nina nora olena olga olivia paula
pauline penelope petra polina priti rachel rebecca renate rita roberta rosa rosemary ruth sabine
sahra sandra sara sarah segolene serap silvia simone sofia sonia sophia sophie stella stephanie susan
susanne suzanne svetlana sylvie tamara tanja tatiana tatyana teresa theresa tina ursula valentina
valerie vanessa vera veronica veronika victoria viktoria virginia wendy yelena yulia yuliya zeynep
zoe emine meral tansu nilufer sevim ayla gulsen elif esra ebru derya seda
"""


def _build_first_names() -> dict[str, Gender]:
    table: dict[str, Gender] = {}
    for gender, block in (("m", _MALE_NAMES), ("f", _FEMALE_NAMES)):
        for name in block.split():
            table.setdefault(name, gender)  # type: ignore[arg-type]
    return table


#: Given names (lower case, accents folded) -> gender.
FIRST_NAMES: dict[str, Gender] = _build_first_names()


def first_name_gender(name: str) -> Gender | None:
    """The gender a given name usually has ("Angela" -> f), or None when unknown or ambiguous."""
    return FIRST_NAMES.get(fold(name))


# ---------------------------------------------------------------------------------------------
# Countries
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class Country:
    """A country with the words that name it or stand for it."""

    name: str
    """The usual English short name ("Turkey")."""

    aliases: tuple[str, ...] = ()
    """Other names and abbreviations ("Türkiye", "US", "U.S.")."""

    demonyms: tuple[str, ...] = ()
    """Adjectives and nouns of nationality ("Turkish", "Turk", "Turks")."""

    capitals: tuple[str, ...] = ()
    """Capital cities, which news uses for governments ("Ankara demands ...")."""


# name | aliases | demonyms | capitals (";" between entries)
_COUNTRY_TABLE = """
Afghanistan||Afghan;Afghans|Kabul
Albania||Albanian;Albanians|Tirana
Algeria||Algerian;Algerians|Algiers
Andorra||Andorran|Andorra la Vella
Angola||Angolan;Angolans|Luanda
Argentina||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires
Armenia||Armenian;Armenians|Yerevan
Australia||Australian;Australians|Canberra
Austria||Austrian;Austrians|Vienna
Azerbaijan||Azerbaijani;Azeri;Azerbaijanis;Azeris|Baku
Bahrain||Bahraini;Bahrainis|Manama
Bangladesh||Bangladeshi;Bangladeshis|Dhaka
Belarus|Byelorussia|Belarusian;Belarusians|Minsk
Belgium||Belgian;Belgians|Brussels
Bolivia||Bolivian;Bolivians|La Paz;Sucre
Bosnia and Herzegovina|Bosnia|Bosnian;Bosnians|Sarajevo
Botswana||Botswanan|Gaborone
Brazil||Brazilian;Brazilians|Brasilia
Bulgaria||Bulgarian;Bulgarians|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian;Burundians|Gitega
Cambodia||Cambodian;Cambodians|Phnom Penh
Cameroon||Cameroonian;Cameroonians|Yaounde
Canada||Canadian;Canadians|Ottawa
Central African Republic|CAR|Central African|Bangui
Chad||Chadian;Chadians|N'Djamena
Chile||Chilean;Chileans|Santiago
China|People's Republic of China;PRC|Chinese|Beijing
Colombia||Colombian;Colombians|Bogota
Congo|Democratic Republic of the Congo;DRC;DR Congo|Congolese|Kinshasa;Brazzaville
Costa Rica||Costa Rican;Costa Ricans|San Jose
Croatia||Croatian;Croat;Croatians;Croats|Zagreb
Cuba||Cuban;Cubans|Havana
Cyprus||Cypriot;Cypriots|Nicosia
Czech Republic|Czechia|Czech;Czechs|Prague
Denmark||Danish;Dane;Danes|Copenhagen
Djibouti||Djiboutian|Djibouti
Dominican Republic||Dominican;Dominicans|Santo Domingo
Ecuador||Ecuadorian;Ecuadorians|Quito
Egypt||Egyptian;Egyptians|Cairo
El Salvador||Salvadoran;Salvadorans|San Salvador
Eritrea||Eritrean;Eritreans|Asmara
Estonia||Estonian;Estonians|Tallinn
Ethiopia||Ethiopian;Ethiopians|Addis Ababa
Finland||Finnish;Finn;Finns|Helsinki
France||French;Frenchman;Frenchwoman|Paris
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian;Gambians|Banjul
Georgia||Georgian;Georgians|Tbilisi
Germany||German;Germans|Berlin
Ghana||Ghanaian;Ghanaians|Accra
Greece||Greek;Greeks|Athens
Guatemala||Guatemalan;Guatemalans|Guatemala City
Guinea||Guinean;Guineans|Conakry
Haiti||Haitian;Haitians|Port-au-Prince
Honduras||Honduran;Hondurans|Tegucigalpa
Hungary||Hungarian;Hungarians|Budapest
Iceland||Icelandic;Icelander;Icelanders|Reykjavik
India||Indian;Indians|New Delhi
Indonesia||Indonesian;Indonesians|Jakarta
Iran|Islamic Republic of Iran|Iranian;Iranians;Persian|Tehran
Iraq||Iraqi;Iraqis|Baghdad
Ireland|Republic of Ireland;Eire|Irish|Dublin
Israel||Israeli;Israelis|Jerusalem;Tel Aviv
Italy||Italian;Italians|Rome
Ivory Coast|Cote d'Ivoire|Ivorian;Ivorians|Yamoussoukro;Abidjan
Jamaica||Jamaican;Jamaicans|Kingston
Japan||Japanese|Tokyo
Jordan||Jordanian;Jordanians|Amman
Kazakhstan||Kazakh;Kazakhs;Kazakhstani|Astana;Nur-Sultan
Kenya||Kenyan;Kenyans|Nairobi
Kosovo||Kosovar;Kosovars;Kosovan|Pristina
Kuwait||Kuwaiti;Kuwaitis|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos||Laotian;Lao|Vientiane
Latvia||Latvian;Latvians|Riga
Lebanon||Lebanese|Beirut
Liberia||Liberian;Liberians|Monrovia
Libya||Libyan;Libyans|Tripoli
Lithuania||Lithuanian;Lithuanians|Vilnius
Luxembourg||Luxembourgish;Luxembourger|Luxembourg
Madagascar||Malagasy|Antananarivo
Malawi||Malawian;Malawians|Lilongwe
Malaysia||Malaysian;Malaysians|Kuala Lumpur
Mali||Malian;Malians|Bamako
Malta||Maltese|Valletta
Mauritania||Mauritanian;Mauritanians|Nouakchott
Mexico||Mexican;Mexicans|Mexico City
Moldova||Moldovan;Moldovans|Chisinau
Monaco||Monegasque|Monaco
Mongolia||Mongolian;Mongolians|Ulaanbaatar
Montenegro||Montenegrin;Montenegrins|Podgorica
Morocco||Moroccan;Moroccans|Rabat
Mozambique||Mozambican;Mozambicans|Maputo
Myanmar|Burma|Myanmarese;Burmese|Naypyidaw
Namibia||Namibian;Namibians|Windhoek
Nepal||Nepalese;Nepali|Kathmandu
Netherlands|Holland;The Netherlands|Dutch;Dutchman|Amsterdam;The Hague
New Zealand||New Zealander;New Zealanders;Kiwi|Wellington
Nicaragua||Nicaraguan;Nicaraguans|Managua
Niger||Nigerien;Nigeriens|Niamey
Nigeria||Nigerian;Nigerians|Abuja
North Korea|DPRK;Democratic People's Republic of Korea|North Korean;North Koreans|Pyongyang
North Macedonia|Macedonia|Macedonian;Macedonians|Skopje
Norway||Norwegian;Norwegians|Oslo
Oman||Omani;Omanis|Muscat
Pakistan||Pakistani;Pakistanis|Islamabad
Palestine|Palestinian Territories;Palestinian territories|Palestinian;Palestinians|Ramallah
Panama||Panamanian;Panamanians|Panama City
Paraguay||Paraguayan;Paraguayans|Asuncion
Peru||Peruvian;Peruvians|Lima
Philippines|The Philippines|Filipino;Filipinos;Philippine|Manila
Poland||Polish;Pole;Poles|Warsaw
Portugal||Portuguese|Lisbon
Qatar||Qatari;Qataris|Doha
Romania||Romanian;Romanians|Bucharest
Russia|Russian Federation|Russian;Russians|Moscow
Rwanda||Rwandan;Rwandans|Kigali
Saudi Arabia||Saudi;Saudis;Saudi Arabian|Riyadh
Senegal||Senegalese|Dakar
Serbia||Serbian;Serb;Serbs;Serbians|Belgrade
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean;Singaporeans|Singapore
Slovakia||Slovak;Slovaks;Slovakian|Bratislava
Slovenia||Slovenian;Slovene;Slovenians|Ljubljana
Somalia||Somali;Somalis|Mogadishu
South Africa||South African;South Africans|Pretoria;Cape Town
South Korea|Republic of Korea;Korea|South Korean;South Koreans;Korean|Seoul
South Sudan||South Sudanese|Juba
Spain||Spanish;Spaniard;Spaniards|Madrid
Sri Lanka||Sri Lankan;Sri Lankans|Colombo
Sudan||Sudanese|Khartoum
Sweden||Swedish;Swede;Swedes|Stockholm
Switzerland||Swiss|Bern
Syria|Syrian Arab Republic|Syrian;Syrians|Damascus
Taiwan|Republic of China|Taiwanese|Taipei
Tajikistan||Tajik;Tajiks|Dushanbe
Tanzania||Tanzanian;Tanzanians|Dodoma;Dar es Salaam
Thailand||Thai|Bangkok
Tunisia||Tunisian;Tunisians|Tunis
Turkey|Türkiye;Turkiye|Turkish;Turk;Turks|Ankara
Turkmenistan||Turkmen|Ashgabat
Uganda||Ugandan;Ugandans|Kampala
Ukraine|The Ukraine|Ukrainian;Ukrainians|Kyiv;Kiev
United Arab Emirates|UAE;Emirates|Emirati;Emiratis|Abu Dhabi
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons|London
United States|US;U.S.;USA;U.S.A.;America;United States of America|American;Americans|Washington
Uruguay||Uruguayan;Uruguayans|Montevideo
Uzbekistan||Uzbek;Uzbeks|Tashkent
Venezuela||Venezuelan;Venezuelans|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi
Yemen||Yemeni;Yemenis|Sanaa;Sana'a
Zambia||Zambian;Zambians|Lusaka
Zimbabwe||Zimbabwean;Zimbabweans|Harare
"""


def _build_countries() -> tuple[Country, ...]:
    countries = []
    for line in _COUNTRY_TABLE.strip().splitlines():
        name, aliases, demonyms, capitals = line.split("|")
        countries.append(
            Country(
                name=name,
                aliases=tuple(a for a in aliases.split(";") if a),
                demonyms=tuple(d for d in demonyms.split(";") if d),
                capitals=tuple(c for c in capitals.split(";") if c),
            )
        )
    return tuple(countries)


#: Countries with aliases, demonyms and capitals.
COUNTRIES: tuple[Country, ...] = _build_countries()

_COUNTRY_NAMES: dict[str, str] = {}
_DEMONYMS: dict[str, str] = {}
_CAPITALS: dict[str, str] = {}
for _country in COUNTRIES:
    for _word in (_country.name, *_country.aliases):
        _COUNTRY_NAMES.setdefault(fold(_word), _country.name)
    for _word in _country.demonyms:
        _DEMONYMS.setdefault(fold(_word), _country.name)
    for _word in _country.capitals:
        # A capital that is also a country's name (Singapore, Djibouti) stays the country.
        if fold(_word) not in _COUNTRY_NAMES:
            _CAPITALS.setdefault(fold(_word), _country.name)
# Demonyms that are also abbreviations of country names ("US President").
_DEMONYMS.update({"us": "United States", "u.s.": "United States", "uk": "United Kingdom", "eu": ""})
del _DEMONYMS["eu"]

CountryWordKind = Literal["country", "demonym", "capital"]


@lru_cache(maxsize=WORD_CACHE_SIZE)
def country_of(phrase: str) -> tuple[str, CountryWordKind] | None:
    """The country a word or phrase names, with how it names it, or None.

    ``country_of("Ankara") == ("Turkey", "capital")``, ``country_of("Turkish") == ("Turkey",
    "demonym")``, ``country_of("U.S.") == ("United States", "country")``. A trailing possessive
    ("Syria's") is ignored.
    """
    key = fold(phrase.strip())
    if key.endswith("'s"):
        key = key[:-2]
    if key in _COUNTRY_NAMES:
        return _COUNTRY_NAMES[key], "country"
    if key in _DEMONYMS:
        return _DEMONYMS[key], "demonym"
    if key in _CAPITALS:
        return _CAPITALS[key], "capital"
    return None


# Places below the country level that news names without their country: US states (with their
# dotted abbreviations) and large or often-reported cities. "country|place;place;..." (a country
# may have several lines).
_PLACE_TABLE = """
United States|Alabama;Ala.;Alaska;Arizona;Ariz.;Arkansas;Ark.;California;Calif.;Colorado;Colo.
United States|Connecticut;Conn.;Delaware;Florida;Fla.;Georgia;Ga.;Hawaii;Idaho;Illinois;Ill.;Indiana
United States|Ind.;Iowa;Kansas;Kan.;Kentucky;Ky.;Louisiana;La.;Maine;Maryland;Md.;Massachusetts
United States|Mass.;Michigan;Mich.;Minnesota;Minn.;Mississippi;Miss.;Missouri;Mo.;Montana;Mont.
United States|Nebraska;Neb.;Nevada;Nev.;New Hampshire;N.H.;New Jersey;N.J.;New Mexico;N.M.;New York
United States|N.Y.;North Carolina;N.C.;North Dakota;N.D.;Ohio;Oklahoma;Okla.;Oregon;Ore.
United States|Pennsylvania;Pa.;Rhode Island;R.I.;South Carolina;S.C.;South Dakota;S.D.;Tennessee
United States|Tenn.;Texas;Tex.;Utah;Vermont;Vt.;Virginia;Va.;West Virginia;W.Va.;Wisconsin;Wis.
United States|Wyoming;Wyo.;District of Columbia;D.C.;Washington DC;Washington D.C.;New York City
United States|Los Angeles;Chicago;Houston;Philadelphia;Phoenix;San Antonio;San Diego;Dallas
United States|San Francisco;Boston;Seattle;Miami;Atlanta;Detroit;Baltimore;Denver;Las Vegas
United States|Cleveland;New Orleans;Charlotte;Pittsburgh;Brooklyn;Manhattan;Silicon Valley
United States|Wall Street;Capitol Hill
United Kingdom|England;Scotland;Wales;Northern Ireland;Manchester;Birmingham;Liverpool;Glasgow
United Kingdom|Edinburgh;Belfast
Canada|Ontario;Quebec;British Columbia;Alberta;Toronto;Montreal;Vancouver
Russia|St. Petersburg;Saint Petersburg;Chechnya;Crimea;Sochi;Siberia
Turkey|Istanbul;Izmir;Antalya
Syria|Idlib;Aleppo;Homs;Raqqa;Deir ez-Zor;Latakia;Hama;Daraa
Iraq|Mosul;Basra;Erbil;Fallujah;Kirkuk
Ukraine|Kharkiv;Odesa;Odessa;Donetsk;Luhansk;Mariupol;Lviv;Donbas
Israel|Haifa
Palestine|Gaza;Gaza Strip;West Bank;East Jerusalem
China|Shanghai;Hong Kong;Wuhan;Xinjiang;Tibet;Guangzhou;Shenzhen
India|Mumbai;Kashmir;Kolkata;Bangalore;Chennai
Pakistan|Karachi;Lahore;Peshawar
Afghanistan|Kandahar;Helmand;Herat
Germany|Munich;Hamburg;Frankfurt;Cologne;Bavaria
France|Marseille;Lyon;Nice;Strasbourg
Italy|Milan;Naples;Sicily;Venice
Spain|Barcelona;Catalonia;Seville
Brazil|Sao Paulo;Rio de Janeiro
Mexico|Guadalajara;Monterrey;Tijuana
Nigeria|Lagos;Borno;Maiduguri
Egypt|Alexandria;Sinai
Lebanon|Tripoli;Sidon
Yemen|Aden;Hodeidah;Marib
Libya|Benghazi;Misrata
Saudi Arabia|Jeddah;Mecca;Medina
Japan|Osaka;Fukushima;Hiroshima;Okinawa
"""


def _build_places() -> dict[str, str]:
    table: dict[str, str] = {}
    for line in _PLACE_TABLE.strip().splitlines():
        country, names = line.split("|")
        for name in names.split(";"):
            table.setdefault(fold(name), country)
    return table


#: Places below the country level (folded name -> country): US states and their abbreviations,
#: large and often-reported cities and regions.
PLACES: dict[str, str] = _build_places()


@lru_cache(maxsize=WORD_CACHE_SIZE)
def place_country(phrase: str) -> str | None:
    """The country of a state, region or city the tables know ("Ohio" -> United States), or None."""
    return PLACES.get(fold(phrase.strip()))


# ---------------------------------------------------------------------------------------------
# Organisations
# ---------------------------------------------------------------------------------------------


@attrs.frozen
class KnownOrganisation:
    """An organisation or institution often named in news."""

    name: str
    """Its usual full name ("European Union")."""

    aliases: tuple[str, ...] = ()
    """Abbreviations and other names ("EU")."""

    country: str | None = None
    """The country it stands for, for institutions used as metonyms ("the Kremlin" -> Russia)."""


# name | aliases | country (for state institutions that stand for a country's government)
_ORGANISATION_TABLE = """
European Union|EU|
United Nations|UN;U.N.|
North Atlantic Treaty Organization|NATO;Nato;North Atlantic Treaty Organisation|
United Nations Security Council|UN Security Council;UNSC;Security Council|
Organization for Security and Co-operation in Europe|OSCE|
World Health Organization|WHO;World Health Organisation|
International Monetary Fund|IMF|
World Bank||
World Trade Organization|WTO|
United Nations High Commissioner for Refugees|UNHCR;UN refugee agency|
UNICEF|United Nations Children's Fund|
International Criminal Court|ICC|
International Court of Justice|ICJ|
International Committee of the Red Cross|ICRC;Red Cross|
International Atomic Energy Agency|IAEA|
Organisation for the Prohibition of Chemical Weapons|OPCW|
Organization of the Petroleum Exporting Countries|OPEC|
African Union|AU|
Arab League|League of Arab States|
Association of Southeast Asian Nations|ASEAN|
Gulf Cooperation Council|GCC|
Group of Seven|G7;G-7|
Group of 20|G20;G-20|
Amnesty International|Amnesty|
Human Rights Watch|HRW|
Doctors Without Borders|MSF;Medecins Sans Frontieres|
Syrian Observatory for Human Rights|SOHR|
Hamas||
Hezbollah|Hizbollah|
Taliban||
Islamic State|IS;ISIS;ISIL;Daesh|
al-Qaeda|al-Qaida;Al Qaeda|
Hayat Tahrir al-Sham|HTS|
Kurdistan Workers' Party|PKK|
People's Protection Units|YPG|
Syrian Democratic Forces|SDF|
Free Syrian Army|FSA|
Kremlin||Russia
White House||United States
Pentagon||United States
State Department|US State Department|United States
Downing Street|Number 10|United Kingdom
Foreign Office||United Kingdom
Elysee|Elysee Palace|France
Quai d'Orsay||France
Chancellery||Germany
Bundestag||Germany
Bundeswehr||Germany
Duma|State Duma|Russia
Knesset||Israel
Central Intelligence Agency|CIA|United States
Federal Bureau of Investigation|FBI|United States
Federal Security Service|FSB|Russia
Congress|US Congress|United States
Senate|US Senate|United States
Reuters||
Associated Press|AP|
Agence France-Presse|AFP|
Deutsche Welle|DW|
BBC||
CNN||
Al Jazeera||
TASS|Tass|
RIA Novosti|RIA|
Interfax||
Anadolu|Anadolu Agency|
Xinhua||
"""


def _build_organisations() -> tuple[KnownOrganisation, ...]:
    table = []
    for line in _ORGANISATION_TABLE.strip().splitlines():
        name, aliases, country = line.split("|")
        names = tuple(a for a in aliases.split(";") if a)
        table.append(KnownOrganisation(name=name, aliases=names, country=country or None))
    return tuple(table)


#: Well-known organisations and state institutions.
ORGANISATIONS: tuple[KnownOrganisation, ...] = _build_organisations()
_ORGANISATION_INDEX: dict[str, KnownOrganisation] = {}
for _organisation in ORGANISATIONS:
    for _word in (_organisation.name, *_organisation.aliases):
        _ORGANISATION_INDEX.setdefault(fold(_word), _organisation)


@lru_cache(maxsize=WORD_CACHE_SIZE)
def known_organisation(phrase: str) -> KnownOrganisation | None:
    """The well-known organisation a name or abbreviation refers to ("EU" -> European Union)."""
    key = fold(phrase.strip())
    if key.startswith("the "):
        key = key[4:]
    return _ORGANISATION_INDEX.get(key)


#: Capitalised words that make a name an organisation's ("Council" in "Russian Council for ...").
ORGANISATION_HEADS = _words("""
    council ministry department agency organization organisation union party army forces front
    committee commission court bank fund institute institution university college school academy
    center centre foundation association society corporation corp company group inc ltd llc plc
    times post news press service services office authority assembly parliament senate congress
    coalition alliance league movement brigade brigades battalion guard guards police navy hospital
    network watch observatory federation board bureau tribunal cabinet administration government
    embassy mission programme program initiative club airlines airways unit command institute
    consortium fund trust industries holdings media television radio broadcasting channel magazine
    journal herald tribune gazette daily telegraph guardian observer monitor motors airlines bank
    """)


def _plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith(("s", "sh", "ch", "x")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


#: Plural nouns for groups of people that news quotes ("experts say", "police said", "Republicans
#: argue"): plurals of the person roles plus words with no singular role.
GROUP_NOUNS = frozenset(_plural(role) for role in PERSON_ROLES if " " not in role) | _words(
    """
    police authorities people officials residents witnesses protesters protestors demonstrators
    voters critics supporters opponents republicans democrats conservatives liberals progressives
    sources observers insiders aides relatives families parents neighbours neighbors locals
    villagers survivors organizers organisers rescuers medics doctors scientists economists
    investors traders markets
    """
)

#: Nouns for documents and publications that news quotes ("the report said", "a poll found").
SOURCE_NOUNS = _words(
    """
    report reports poll polls survey surveys study studies statement statements ad advertisement
    article piece letter memo filing complaint lawsuit research analysis paper editorial document
    documents email emails tweet post release video clip spot book census data figures records
    estimate estimates index website blog note notice assessment review indictment ruling verdict
    """
)

#: Lower-case nouns for organisations and state bodies, for nominal mentions ("the Syrian army").
ORGANISATION_NOUNS = _words("""
    army military government regime forces troops ministry parliament police opposition coalition
    administration cabinet council court navy embassy party militia authorities junta assembly senate
    congress legislature bank company firm agency commission committee alliance bloc leadership
    presidency kremlin rebels insurgents militants jihadists campaign union group fund newspaper
    network station channel magazine university
    """)

# ---------------------------------------------------------------------------------------------
# Calendar words, pronouns, function words
# ---------------------------------------------------------------------------------------------

#: Month names and their common abbreviations (lower case, no dot).
MONTHS = _words("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    """)

#: Weekday names and abbreviations (lower case, no dot).
WEEKDAYS = _words(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun"
)


@attrs.frozen
class Pronoun:
    """What a personal pronoun tells about its antecedent."""

    gender: Gender | None
    """``m``, ``f`` or None (they, it)."""

    plural: bool
    """True for they/them/their."""

    person: bool
    """True when the antecedent is a person (he, she); False for "it"; None-like for "they"."""

    case: Literal["subject", "object", "possessive", "reflexive"]
    """The grammatical case, so "he" can be preferred as the subject of an attribution."""


#: Third-person pronouns (lower case) -> what they tell about their antecedent.
PRONOUNS: dict[str, Pronoun] = {
    "he": Pronoun("m", False, True, "subject"),
    "him": Pronoun("m", False, True, "object"),
    "his": Pronoun("m", False, True, "possessive"),
    "himself": Pronoun("m", False, True, "reflexive"),
    "she": Pronoun("f", False, True, "subject"),
    "her": Pronoun("f", False, True, "object"),
    "hers": Pronoun("f", False, True, "possessive"),
    "herself": Pronoun("f", False, True, "reflexive"),
    "they": Pronoun(None, True, False, "subject"),
    "them": Pronoun(None, True, False, "object"),
    "their": Pronoun(None, True, False, "possessive"),
    "themselves": Pronoun(None, True, False, "reflexive"),
}

#: Words that are capitalised at the start of a sentence or in headlines but are never names.
FUNCTION_WORDS = _words("""
    a about above according across after afterwards again against ago ahead all almost along already also
    although always amid among an and another any anyone anything are around as at back be because been
    before behind being below beside besides between beyond both but by can cannot could did do does
    doing done down during each either else elsewhere enough even ever every everyone everything except
    far few first for from further had has have having he her here hers herself him himself his how
    however i if in inside instead into is it its itself just last later least less like many may maybe
    me meanwhile might more moreover most much must my near nearly neither never nevertheless next no
    nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours
    out outside over own perhaps rather second several shall she should since so some someone something
    sometimes soon still such than that the their theirs them themselves then there thereafter therefore
    these they third this those though through throughout thus to today together tomorrow too toward
    towards under unless unlike until up upon us very via was we were what whatever when whenever where
    whereas wherever whether which while who whoever whole whom whose why will with within without would
    yes yesterday yet you your yours conversely consequently furthermore indeed initially instead
    likewise nonetheless notably meanwhile similarly subsequently ultimately accordingly additionally
    finally firstly secondly overall please read image photo video watch listen related opinion analysis
    editorial comment update breaking exclusive live more see also advertisement
    don't can't won't isn't aren't wasn't weren't doesn't didn't it's that's there's here's let's
    i'm i've i'd i'll we're we've we'll they're they've they'll you're you've what's who's
    """)
