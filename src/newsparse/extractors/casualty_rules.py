"""The word lists and patterns behind the `casualties` extractor, in one place.

Patterns run on a *masked* sentence: every number phrase the language layer found
(`Document.numbers`) is overwritten with ``§`` characters of the same length, so a pattern
sees ``§§§§§§§§§§§§ Turkish soldiers were killed`` for "more than 30 Turkish soldiers were
killed", offsets stay exact, and the number grammar lives in one place (`newsparse.text.numbers`).
Most patterns run on the lower-cased masked sentence (wire copy is in capitals) with the
standard `re` module, which is much faster than `regex` here; the few that need letter case
(places, names) use `regex` on the original. All are compiled once and built from fixed word
lists with bounded repetition, so they run in linear time.

Report shapes (each yields a category from the trigger it matched):

* subject: ``§ [victims] [were|have been|who were ...] killed`` — "two soldiers killed and five
  wounded", "40 dead", "9 deaths", "four people were hurt", "two of them died";
* object: ``killed|wounding|shot § [victims]`` — "a gunman shot and killed two men";
* nominal: ``the murder|bodies|kidnapping of § [victims]``;
* toll: ``the death toll rose to §``, ``bringing the toll to §``, ``a death toll of §``;
* single victims: ``... was killed``, ``the assassination of <name>``, ``he died``;
* negation: ``no one was hurt``, ``no injuries were reported``, ``... were not injured``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import regex

__all__ = [
    "ACTIVE",
    "ACTIVE_NAMED",
    "AGES_APPOSITION",
    "ANIMALS",
    "BACKGROUND",
    "CATEGORY_GROUPS",
    "CLAUSE_BREAK",
    "CUMULATIVE",
    "DIED_SINGULAR",
    "DISPATCHED",
    "FATALLY",
    "GROUP_START",
    "INSTRUMENTS",
    "KEYS",
    "KEY_LENGTH",
    "LOCATION",
    "LOCATION_CAPS",
    "MASK",
    "MOURNED",
    "MULTIPLE",
    "MULTIPLES",
    "MURDER_COUNTS",
    "NATURAL_DEATH",
    "NEGATED_NOUN",
    "NEGATED_SUBJECT",
    "NOMINAL",
    "NOMINAL_GROUPS",
    "NON_AGENTS",
    "NOT_PLACES",
    "ORDINALS",
    "ORDINAL_DEATH",
    "PASSIVE_TRIGGER",
    "PERPETRATOR_AFTER",
    "PERSON_NOUNS",
    "PLURAL_PASSIVE",
    "POSSIBLE",
    "REPORTED",
    "SINGULAR_NOMINAL",
    "SINGULAR_PASSIVE",
    "STATISTIC",
    "SUBJECT",
    "SUICIDE_TAIL",
    "TOLL",
    "TOLL_BRINGING",
    "TRIGGER_ONLY",
    "UNHURT",
    "UNIT_NOUNS",
    "WORD",
    "YEAR",
    "YEAR_PERIOD",
    "leading_prefixes",
    "shapes_at",
]

#: The character that stands for a number phrase in a masked sentence.
MASK = "§"

# -- word lists -----------------------------------------------------------------------------
#: Heads of a victims phrase that count people, for "a/an ..." and "his/her ..." (one victim).
PERSON_NOUNS = frozenset(
    """inspector director chief secretary superintendent councilor councillor alderman magistrate
    commissioner mayor-elect prefect governor-elect trade-unionist businessman
    man woman boy girl child baby infant toddler teen teenager youth juvenile minor person individual
    resident student pupil soldier officer policeman policewoman patrolman trooper deputy guard sentry
    civilian worker driver passenger pedestrian bystander victim customer employee clerk cashier
    journalist reporter photographer cameraman farmer peasant priest pastor nun teacher professor doctor
    nurse paramedic medic judge magistrate prosecutor lawyer attorney mayor councilman councilwoman
    governor senator congressman leader member official politician candidate businessman businesswoman
    merchant trader shopkeeper owner activist unionist suspect gunman attacker assailant militant rebel
    guerrilla fighter insurgent terrorist bodyguard cop agent marshal sheriff ranger father mother son
    daughter brother sister husband wife friend neighbor neighbour relative cousin uncle aunt nephew
    niece grandfather grandmother grandson granddaughter grandmother girlfriend boyfriend fiancé fiancee
    partner roommate inmate prisoner detainee hostage tourist foreigner national citizen diplomat
    ambassador minister president commander general colonel major captain lieutenant sergeant corporal
    private marine sailor airman pilot firefighter fireman security rescuer volunteer pilgrim worshipper
    protester protestor demonstrator refugee migrant shooter stepfather stepmother stepson stepdaughter
    mom dad male female motorist cyclist jogger homeowner tenant landlord miner engineer contractor cook
    waiter bartender bouncer vendor dealer gang-member gangster american mexican syrian turkish iraqi afghan
    pakistani indian israeli palestinian colombian salvadoran peruvian guatemalan honduran
    nicaraguan""".split()
)
#: A victims phrase that starts with one of these counts something else ("3 years", "5 percent").
UNIT_NOUNS = frozenset(
    """percent per cent years year days day hours hour minutes minute seconds second weeks week months
    month decades decade times time dollars dollar euros pounds cents miles mile feet foot meters metres
    kilometers kilometres km yards inches acres tons tonnes kilograms kg grams rounds round shots
    bullets cartridges shells rockets missiles mortars bombs homes houses buildings vehicles cars trucks
    buses planes aircraft points goals games counts charges cases p.m. a.m. pm am o'clock degrees
    calibre caliber mm millimetre bullet-holes blocks floors storeys stories pages votes seats shots
    shootings incidents attacks stabbings robberies crimes calls block reports""".split()
)
#: Victims phrases naming animals are not casualty reports ("108,780 deer were killed").
ANIMALS = frozenset(
    """deer dog dogs cat cats animal animals bird birds cattle cow cows sheep horse horses fish chicken
    chickens pig pigs wolf wolves bear bears goat goats elephant elephants rhino rhinos puppy puppies
    pet pets""".split()
)
_PERSON_ALT = "|".join(sorted(PERSON_NOUNS, key=len, reverse=True))

# -- triggers -------------------------------------------------------------------------------
# Each category's words, as regex fragments; the order of the groups decides overlaps
# ("killed or wounded" before "killed", "shot and killed" before "shot").
_COMBINED = r"(?:killed|dead)\s+or\s+(?:injured|wounded|hurt)|(?:injured|wounded|hurt)\s+or\s+killed"
_KILLED_PASSIVE = (
    r"killed|slain|murdered|executed|massacred|assassinated|beheaded|lynched|decapitated"
    r"|(?:shot|stabbed|beaten|burned|burnt|hacked|bludgeoned|strangled|crushed|trampled|stoned|starved"
    r"|tortured|mauled|choked|bled)\s+to\s+death"
    r"|shot\s+dead|(?:found|discovered|pronounced|declared|confirmed|reported|presumed|feared|left)\s+dead"
    # "died from her injuries", "died after sustaining a gunshot wound": the wound caused the death
    # (one death, no injured), so the injury words belong to the death's trigger.
    r"|(?:died|dies)\s+(?:from|of|as\s+a\s+result\s+of|after\s+(?:sustaining|suffering|receiving))\s+"
    r"(?:[\w-]+\s+){0,3}?(?:injuries|injury|wounds|wound)\b"
    r"|dead|died|perished|drowned|(?:fatally|mortally)\s+(?:shot|wounded|injured|stabbed|struck|hit|hurt)"
    r"|shot\s+and\s+killed|lost\s+their\s+lives|lost\s+(?:his|her)\s+life|succumbed(?:\s+to\s+(?:their|his|her)\s+\w+)?"
    r"|deaths|fatalities|bodies|corpses|(?:shooting|gunshot)\s+deaths|lives|killings|homicides|murders"
)
_INJURED_PASSIVE = (
    r"injured|wounded|hurt|hospitali[sz]ed|injuries|(?:shot|stabbed|struck|hit)\s+and\s+(?:wounded|injured|hurt)"
    # "two other victims were grazed": a bullet graze is a gunshot injury
    r"|grazed"
    r"|(?:taken|rushed|transported|airlifted|flown|sent|admitted|treated)\s+(?:to|at|in)\s+"
    r"(?:(?:a|the|area|local|nearby|several|two|different|various|an\s+area)\s+)?(?:[\w'’-]+\s+){0,2}?hospitals?"
    r"|treated\s+for\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds)"
    r"|in\s+(?:critical|serious|stable|fair|good|grave|satisfactory|life-threatening)"
    r"(?:\s+(?:but\s+stable|and\s+stable))?\s+condition(?:s)?"
    r"|(?:suffered|suffering|sustained|sustaining|received|receiving|recovering|treated)\s+(?:from\s+|for\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:injuries|injury|wounds|wound)"
    r"|with\s+(?:[\w-]+\s+){0,3}?(?:injuries|wounds)|treated\s+and\s+released|in\s+(?:the\s+)?hospital"
    # "[four people are] recovering at area hospitals", "recovering tonight after being shot"
    r"|recovering\s+(?:(?:at|in)\s+(?:[\w'’-]+\s+){0,3}?hospitals?"
    r"|(?:[\w-]+\s+){0,2}?after\s+being\s+(?:shot|stabbed|wounded|hit|struck))"
    # "[four people have] non-life threatening injuries"
    r"|(?:non-?life[- ]threatening|life[- ]threatening|minor|serious|critical|gunshot|multiple|severe"
    r"|superficial)\s+(?:gunshot\s+)?(?:injuries|injury|wounds|wound)"
)
_MISSING_PASSIVE = r"missing|unaccounted\s+for|disappeared"
_KIDNAPPED_PASSIVE = r"kidnapped|abducted|(?:taken|held)\s+(?:hostage|captive|prisoner)|hostages|captives"
_ARRESTED_PASSIVE = (
    r"arrested|detained|taken\s+into\s+custody|apprehended|jailed|imprisoned|in\s+custody|rounded\s+up"
    r"|arrests|detainees"
)
_DISPLACED_PASSIVE = (
    r"displaced|evacuated|(?:forced|driven)\s+(?:to\s+flee|from|out\s+of)(?:\s+their\s+homes)?"
    r"|(?:made|left|rendered)\s+homeless|uprooted|refugees|evacuees|fled(?:\s+(?:their|the)\s+(?:homes?|area|region|country|city|town|fighting|violence))?"
)
_AFFECTED_PASSIVE = r"shot|stabbed|struck|hit|gunned\s+down|affected|casualties"

#: Every category, in the order summaries list them.
CATEGORIES: tuple[str, ...] = tuple("killed injured missing kidnapped arrested displaced affected".split())
#: Named groups, in priority order, for "§ [victims] [aux] TRIGGER" ("combined": killed or injured).
CATEGORY_GROUPS = ("combined", *CATEGORIES)
_PASSIVE = (
    rf"(?P<combined>{_COMBINED})|(?P<killed>{_KILLED_PASSIVE})|(?P<injured>{_INJURED_PASSIVE})"
    rf"|(?P<missing>{_MISSING_PASSIVE})|(?P<kidnapped>{_KIDNAPPED_PASSIVE})|(?P<arrested>{_ARRESTED_PASSIVE})"
    rf"|(?P<displaced>{_DISPLACED_PASSIVE})|(?P<affected>{_AFFECTED_PASSIVE})"
)
#: Triggers that are nouns: they follow the number directly ("40 deaths"), never after "were".
NOUN_TRIGGERS = re.compile(
    r"deaths|fatalities|bodies|corpses|(?:shooting|gunshot)\s+deaths|lives|killings|homicides|murders|injuries"
    r"|hostages|captives|arrests|detainees|refugees|evacuees|casualties"
)

_ACTIVE_TRIGGERS = (
    r"(?P<combined>(?:killing|killed|kills|kill)\s+or\s+(?:wounding|injuring|wounded|injured|wound|injure))"
    r"|(?P<killed>(?:shot|shooting|shoots)\s+(?:and\s+)?(?:killed|killing|kills|dead|to\s+death)"
    r"|(?:fatally|mortally)\s+(?:shot|shooting|shoots|stabbed|stabbing|wounded|wounding)"
    r"|kill(?:s|ed|ing)?|murder(?:s|ed|ing)?|slew|slay(?:s|ing)?|massacr(?:e|es|ed|ing)|execut(?:e|es|ed|ing)"
    r"|assassinat(?:e|es|ed|ing)|claim(?:ed|ing|s)?\s+the\s+lives\s+of"
    r"|t(?:ook|aking|akes)\s+the\s+lives\s+of)"
    r"|(?P<injured>(?:shot|shooting|shoots|stabbed|stabbing)\s+and\s+(?:wound|injur)\w*"
    r"|injur(?:e|es|ed|ing)|wound(?:s|ed|ing)?|hurt(?:s|ing)?|hospitali[sz](?:e|es|ed|ing))"
    r"|(?P<kidnapped>kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?|t(?:ook|aking|akes)\s+hostage)"
    r"|(?P<arrested>arrest(?:s|ed|ing)?|detain(?:s|ed|ing)?|apprehend(?:s|ed|ing)?)"
    r"|(?P<displaced>displac(?:e|es|ed|ing)|evacuat(?:e|es|ed|ing))"
    r"|(?P<affected>shot|shoots|shooting|stabbed|stabbing|hitting|striking|gunned\s+down|gunning\s+down"
    r"|affect(?:s|ed|ing)?"
    # "gunfire struck two men", "bullets hit a woman": the object was shot
    r"|(?:(?<=gunfire\s)|(?<=bullets\s)|(?<=bullet\s)|(?<=gunshots\s)|(?<=shots\s)|(?<=rounds\s))(?:struck|hit))"
)
_NOMINAL_TRIGGERS = (
    r"(?P<killed>murders?|killings?|deaths?|massacres?|assassinations?|executions?|slayings?|bodies|remains"
    r"|corpses|lives)"
    r"|(?P<injured>injur(?:y|ies)|wounding)"
    r"|(?P<kidnapped>kidnappings?|abductions?)"
    r"|(?P<arrested>arrests?|detentions?)"
    r"|(?P<displaced>displacement|evacuation)"
    r"|(?P<affected>shootings?|stabbings?)"
)

# -- noun phrases ---------------------------------------------------------------------------
# Words that end a victims phrase: auxiliaries, clause words, speech verbs, negation.
_STOP = (
    r"(?:were|was|are|is|am|have|has|had|been|being|be|will|would|could|may|might|can|shall|should|must"
    r"|did|do|does|not|never|no|nor|and|or|but|while|when|whereas|after|before|because|since|though"
    r"|although|as|that|which|who|whom|whose|where|if|than|then|so|said|says|say|told|tell|according"
    r"|there|here|it|they|we|he|she|i|you|what|how|why|get|got|gets|by|with|remain|remained|remains"
    r"|also|all|both|each|now|later|reportedly|allegedly|including|among|from|left|leaving|leave)"
)
# Words of harm never belong to the victims phrase in front of them.
_HARM_WORD = (
    r"(?:kill|murder|slain|slay|dead|death|died|dies|fatal|wound|injur|hurt|shot|stabbed|missing|kidnap|abduct"
    r"|arrest|detain(?!ee)|displac|evacuat|bodies|corpse|casualt|hospitali|perish|drown|execut|massacr"
    r"|assassin|behead|lynch|homicide|lives|fled|struck|affected|critical|serious|stable)\w*"
)
# ("refugees", "hostages", "detainees" name people who can be the victims of another harm:
# "200 refugees were killed"; they are triggers only when nothing else follows.)
# A number inside a victims phrase only after a partitive "of": "four of the five victims".
_WORD = rf"(?!{_STOP}\b|{_HARM_WORD}\b)(?:of\s+(?:the\s+|those\s+|these\s+)?§+|[^\W_][\w'’.&/-]*|\.\.\.|…)"
# ("he and three others": a pronoun starts a victims phrase only before more victims.)
_GROUP_START = r"(?:§+|\b(?:an?|another|both|his|her|their|himself|herself)\b|\b(?:he|she)(?=\s+and\s+§))"
# Words of the victims phrase, with "and"/"or" inside it when no new group starts ("five men and women").
_GROUP = rf"{_GROUP_START}(?:\s+{_WORD}|\s+(?:and|or)\s+(?!{_GROUP_START}){_WORD}){{0,7}}"
#: The ages of a group, between commas: "two boys, ages 7 and 10, and two adults"; "four men and
#: five women, all younger than 30, were injured". Not counts (the casualties extractor skips them).
AGES_APPOSITION = (
    r"\s*,\s+(?:(?:ages?|aged)\s+§+(?:(?:\s*,\s*|\s*,?\s+(?:and|or)\s+)§+){0,6}"
    r"|(?:all|both|each)\s+(?:younger|older|under|over|between|aged|ages?)\b[^,;:()]{0,40})(?=\s*,)"
)
_GROUP_AGED = rf"{_GROUP}(?:{AGES_APPOSITION})?"
_GROUPS = rf"{_GROUP_AGED}(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+(?:then\s+|also\s+)?){_GROUP_AGED}){{0,4}}"
# Between the victims and the verb: "two people, including a child, were killed"; an apposition
# naming them, "three others, an 18-year-old woman and two men, ages 21 and 22, were treated".
_ASIDE = (
    r"\s*,\s+(?:including|among\s+them|most\s+of\s+them|many\s+of\s+them|mostly|all\s+of\s+them)\b[^,;:]{1,80},"
    r"|\s*(?:--|—|–)\s*(?:including|among\s+them|mostly)\b[^;:—–]{1,80}?(?:--|—|–)"
    r"|\s*,\s+(?:an?|§+|both|ages?|aged)\s[^,;:()\"“”]{1,60},(?:\s[^,;:()\"“”]{1,40},)?"
    r"|\s+including\s+[^,;:()\"“”]{1,50}?(?=\s)"  # "four troops including the gunman dead"
    r"|\s*,\s+[^,;:()\"“”]{3,80},"  # "two of the men, 23-year-old Juan Saenz and Dan Cole, died"
)
_AUX = (
    r"(?:were|was|are|is|am|have|has|had|been|being|be|get|got|gets|getting|all|also|both|each|now|later|then"
    r"|still|just|already|reportedly|allegedly|apparently|initially|subsequently|eventually|ultimately|officially"
    r"|immediately|confirmed|reported|believed|said|thought|feared|known|presumed|understood|to|not|never|n't"
    r"|found|discovered|later|tragically|instantly|both|all"
    r"|who|that|would|could|may|might|will|can|shall|must|should|likely|probably|possibly|previously|recently"
    r"|critically|seriously|badly|severely|slightly|gravely|lightly|moderately|allegedly|since|so\s+far"
    r"|in\s+all|altogether|in\s+total|being|themselves|respectively"
    r"|(?:survived|lived),?\s+but)"  # "the two others survived but were also hit": they were hurt
)

#: The verbs, adjectives and nouns of harm that end a report: "[two soldiers were] killed".
#: The shapes below are matched *before* one of these (with ``match(low, start, trigger)``),
#: so a sentence is scanned for triggers once instead of once per shape.
PASSIVE_TRIGGER = re.compile(rf"\b(?:{_PASSIVE})\b")
#: "§ [victims] [aux] TRIGGER": victims as subject (or a number before a noun of harm).
SUBJECT = re.compile(
    rf"(?P<groups>{_GROUPS})(?P<aside>{_ASIDE})?(?P<comma>\s*,)?(?P<aux>(?:\s+{_AUX}){{0,6}})\s+$"
)
#: Where a victims phrase can start: a number, an article, "both", a possessive.
GROUP_START = re.compile(_GROUP_START)
#: "TRIGGER [his|the] § [victims]": victims as object of an active verb.
ACTIVE = re.compile(
    rf"\b(?:{_ACTIVE_TRIGGERS})\s+(?:(?:his|her|their|its|the|all|another|an\s+additional)\s+)?"
    rf"(?P<groups>{_GROUPS}|him|her|himself|herself|(?:his|her|their)\s+(?:[\w'’-]+\s+)?(?P<kin>{_PERSON_ALT}))(?!\w)"
)
#: "TRIGGER <names>": people named one by one after an active verb (read on the original case).
ACTIVE_NAMED = re.compile(rf"\b(?:{_ACTIVE_TRIGGERS})(?=\s+[^\W\d_])")
#: "the murder of", "the bodies of": a noun of harm before its victims.
NOMINAL = re.compile(rf"\b(?:{_NOMINAL_TRIGGERS})\s+(?:of|to)\b")
#: The victims after a nominal trigger: "[the murder of] six Jesuit priests".
NOMINAL_GROUPS = re.compile(rf"\s+(?:(?:the|his|her|their|its|some|all|another)\s+)?(?P<groups>{_GROUPS})")
#: Running totals: "the death toll rose to §", "bringing the toll to §", "a death toll of §".
_TOLL_HEAD = (
    r"(?:(?P<tollkind>death|casualty|fatality|injury|civilian)\s+)?toll"
    r"|number\s+of\s+(?:people\s+|those\s+|persons\s+)?(?P<tollnoun>dead|deaths|fatalities|killed|victims|casualties"
    r"|injured|wounded|injuries|missing|displaced|arrests|arrested|detained|hostages)"
)
TOLL = re.compile(
    rf"\b(?:{_TOLL_HEAD})(?:"
    r"(?P<mid>(?:\s+[^\s§;:]+){0,6}?)\s+(?:(?:has|had|have|now|officially|already|reportedly|since|later|then)\s+)*"
    r"(?:rose|risen|rises|rise|climbed|climbs|climb|jumped|jumps|increased|increases|reached|reaches|hit|hits"
    r"|stood|stands|stand|is|was|are|were|went\s+up|goes\s+up|grew|grown|grows|climbing|rising|mounted|soared"
    r"|totalled|totaled|totals|numbered|numbers|remained|remains|topped|exceeded|passed|surpassed)"
    r"(?:\s+(?:to|at|of))?"
    r"|\s+(?:of|at|to))\s+(?P<groups>§+)"
)
#: "bringing the death toll in the shooting to three".
TOLL_BRINGING = re.compile(
    rf"\b(?:bringing|brings|brought|raising|raises|raised|pushing|pushes|pushed|taking|takes|took|putting|puts"
    rf"|lifting|lifted|increasing|increased)\s+(?:the\s+|its\s+)?(?:overall\s+|total\s+|official\s+|confirmed\s+)?"
    rf"(?:{_TOLL_HEAD})(?:\s+[^\s§;:]+){{0,6}}?\s+(?:to|at)\s+(?P<groups>§+)"
)
#: "a third person has died": an ordinal victim says how many have died so far.
ORDINAL_DEATH = re.compile(
    rf"(?:(?<=\ba\s)|(?<=\ban\s))(?P<ordinal>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+"
    rf"(?:[\w'’-]+\s+){{0,2}}?(?:{_PERSON_ALT}|people)\s+"
    rf"(?:(?:has|have|had|also|later|since|now|was|been|reportedly)\s+){{0,3}}"
    rf"(?P<killed>died|dies|succumbed|killed|been\s+killed|shot\s+dead|pronounced\s+dead)\b"
)
#: "a triple homicide", "a double shooting", "a double murder-suicide": the count in a word.
MULTIPLE = re.compile(
    r"\b(?P<mult>double|triple|quadruple|quintuple|sextuple)[\s-]+(?:(?P<fatal>fatal|deadly)\s+)?"
    r"(?P<noun>homicides?|murders?|killings?|slayings?|shootings?|stabbings?)(?P<suicide>[\s-]+suicides?)?\b"
)
MULTIPLES = {"double": 2, "triple": 3, "quadruple": 4, "quintuple": 5, "sextuple": 6}
ORDINALS = {
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
#: "killed two people before killing himself": the killer's own death, right after the victims.
SUICIDE_TAIL = re.compile(
    r",?\s+(?:and\s+then|and\s+later|and|then|before|prior\s+to)\s+(?:fatally\s+)?"
    r"(?:killing|killed|kills|shooting|shot|shoots|(?:turning|turned|turns)\s+the\s+(?:gun|weapon|rifle|pistol)\s+on)"
    r"\s+(?:himself|herself)\b"
)
#: "five people were shot, two fatally".
FATALLY = re.compile(
    r"(?P<groups>§+)(?:\s+of\s+(?:them|whom|those|these))?\s+(?:(?:were|was|have\s+been|had\s+been)\s+)?"
    r"(?P<killed>fatally|mortally)\b(?!\s+(?:shot|wounded|injured|stabbed|struck|hit|hurt))"
)
#: "charged with two counts of murder": a count of victims, stated indirectly (a weak report).
MURDER_COUNTS = re.compile(
    r"(?P<groups>§+)\s+counts?\s+of\s+(?:(?!attempted)[\w-]+\s+){0,3}?(?P<killed>murder|homicide|manslaughter)\b"
)

# -- single victims -------------------------------------------------------------------------
#: "... was killed": the singular auxiliary says one victim (matched before a trigger).
SINGULAR_PASSIVE = re.compile(
    rf"\b(?P<aux>was|has\s+been|had\s+been|is|gets|got)(?P<adv>(?:\s+(?!not\b|n't\b){_AUX}){{0,3}})"
    rf"(?P<neg>\s+(?:not|never))?(?P<adv2>(?:\s+{_AUX}){{0,2}})\s+$"
)
#: "... were killed" after people named one by one ("Tyler and Rita Langworthy were shot dead").
PLURAL_PASSIVE = re.compile(rf"\b(?:were|have\s+been|had\s+been|are)(?:\s+(?!not\b|n't\b){_AUX}){{0,3}}\s+$")
#: "the assassination of <one person>" (the nominal triggers that can take one named victim).
SINGULAR_NOMINAL = frozenset(
    {"murder", "assassination", "killing", "slaying", "execution", "death", "kidnapping", "abduction"}
    | {"arrest", "detention"}
)
#: "he died", "a 19-year-old man died", "the victim later died" (matched before "died").
DIED_SINGULAR = re.compile(
    r"\b(?P<subj>he|she|(?:an?|the)\s+(?:[\w'’-]+\s+){0,2}?(?P<noun>[\w'’-]+))"
    r"(?:\s+(?:later|subsequently|also|eventually|then|has|had|reportedly))*\s+$"
)

# -- negation -------------------------------------------------------------------------------
#: "no one was hurt", "none of the passengers were injured" (matched before a trigger).
NEGATED_SUBJECT = re.compile(
    rf"\b(?P<neg>no\s+one|no-one|nobody|none|not\s+a\s+single\s+(?:person|one|soldier|civilian))"
    rf"(?:\s+(?:else|other|of\s+(?:the|them|those|these)(?:\s+[\w'’-]+){{0,2}}?))?"
    rf"(?:\s+{_AUX}){{0,5}}\s+$"
)
#: "no injuries were reported", "there were no casualties", "no arrests have been made".
NEGATED_NOUN = re.compile(
    r"\bno\s+(?:other\s+|further\s+|serious\s+|immediate\s+|additional\s+|major\s+|known\s+|reported\s+"
    r"|life-threatening\s+|apparent\s+|new\s+|human\s+|civilian\s+|one\s+)*(?:reports?\s+of\s+(?:any\s+)?)?"
    r"(?P<noun>injuries|injury|deaths|death|fatalities|casualties|arrests|one\s+(?:injured|hurt|killed|dead))\b"
    r"(?!\s+(?:penalty|penalties|sentence|threats?|certificate|squad|row|toll))"
)
#: "escaped unhurt", "were uninjured".
UNHURT = re.compile(r"\b(?:unhurt|uninjured|unharmed|unscathed|without\s+injur(?:y|ies))\b")

# -- context cues ---------------------------------------------------------------------------
#: Ends of a clause, for deciding what a cue word belongs to.
CLAUSE_BREAK = re.compile(
    r"[;:()\[\]]|\s[—–]\s|\s-\s|,\s+(?=(?:when|while|where|whereas|but|although|though|after|before|as|because"
    r"|which|who|and\s+(?:the|a|an|he|she|they|it|police|officials)\b))|\b(?:when|whereas|while)\b"
)
#: The report is hypothetical: "could kill hundreds", "feared dead", "if ...".
POSSIBLE = re.compile(
    r"\b(?:could|may|might|would|will|shall|should|can|cannot|can't|won't|feared|fear|fears|threat(?:en|ens|ened)?"
    r"|risk|risks|if|unless|whether|likely|unlikely|possibly|potentially|presumably|presumed|plan(?:s|ned)?\s+to"
    r"|attempt(?:s|ed)?\s+to|tried\s+to|trying\s+to|sought\s+to|intend(?:s|ed)?\s+to|wanted\s+to|aim(?:s|ed)?\s+to"
    r"|would-be|estimated\s+to\s+be\s+at\s+risk"
    # "going to kill", "an effort to kill", "intent to kill" (but "managed to kill" happened)
    r"|(?<!managed\s)(?<!went\son\s)(?<!proceeded\s)(?<!able\s)to\s+(?:kill|harm|murder|shoot|injure|wound|hurt))\b"
)
#: The report is attributed to a source.
REPORTED = re.compile(
    r"\b(?:said|says|say|told|tell|according\s+to|reported|reportedly|reports?|claimed|claims?|claiming"
    r"|alleged|allegedly|quoted|announced|confirmed|stated|statement|estimated|estimates?|officials?\s+said)\b"
)
#: The figure is a running total: "in recent weeks", "since the war began", "so far", "total".
CUMULATIVE = re.compile(
    r"\b(?:in\s+(?:recent|the\s+(?:past|last|previous))\s+(?:\w+\s+)?(?:days|weeks|months|years|decades?|year|week|month)"
    r"|since\s+(?!then\b)\w+|so\s+far|to\s+date|this\s+year|in\s+total|in\s+all|a\s+total\s+of|total|altogether"
    r"|overall|cumulative|combined|thus\s+far|up\s+to\s+now|until\s+now|over\s+the\s+(?:past|last)\s+\w+"
    r"|toll|every\s+year|each\s+year|a\s+year|per\s+year|annually)\b"
)
#: A whole year as the period of a figure ("24 have been shot dead in 2017"): read on the unmasked text.
YEAR_PERIOD = re.compile(r"\b(?:in|of|during|for)\s+(?:19|20)\d\d\b(?![-/]\d)", re.IGNORECASE)
#: Cumulative cues that name a calendar period: a statistic, not a running total of this event.
STATISTIC = re.compile(
    r"\b(?:this\s+year|since\s+(?:january|february|march|april|may|june|july"
    r"|august|september|october|november|december|(?:19|20)\d\d)|every\s+year|each\s+year|a\s+year|per\s+year"
    r"|annually|so\s+far\s+this\s+year|(?:in|over)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades?)"
    r"|since\s+(?:early|late|mid)[\s-]+(?:january|february|march|april|may|june|july|august|september|october"
    r"|november|december)|(?:in|of|during|for)\s+(?:19|20)\d\d)\b"
)
#: The report is about an earlier or other incident, mentioned for context.
BACKGROUND = re.compile(
    r"\b(?:previous|previously|earlier|prior|separate|unrelated|similar|another|other|last|past)\s+(?:[\w-]+\s+)?"
    r"(?:shootings?|incidents?|attacks?|cases?|killings?|stabbings?|crash|crashes|murders?|homicides?|bombings?)\b"
    r"|\b(?:months|years|decades)\s+(?:ago|earlier|before|prior)\b|\bthat\s+year\b|\bback\s+then\b"
    r"|\b(?:a|one|two|three|four|five|six|several|few|§+)\s+(?:month|year)s?\s+(?:ago|earlier|before)\b"
    # a roundup: "in separate shootings", "in two South Side shootings", "in shootings across the city"
    r"|\bin\s+(?:(?:separate|unrelated|different|several|multiple|overnight|weekend|two|three|four|five|§+)\s+)"
    r"(?:[\w-]+\s+){0,2}?(?:shootings|incidents|attacks)\b|\bshootings\s+(?:across|around|throughout)\b"
    r"|\b(?:across|around|throughout)\s+the\s+city\b|\bcitywide\b"
)
#: A gathering for someone already dead, right before the report of the death ("a candlelight
#: vigil honoring a man killed last week"): the death is another incident's.
MOURNED = re.compile(
    r"\b(?:vigil|funeral|memorial)\s+(?:for|of|honoring|to\s+honor|in\s+honor\s+of|in\s+memory\s+of)\s+"
    r"(?:[^\s,;]+\s+){0,5}$"
)
#: Deaths that are not casualties: "died of a heart attack".
NATURAL_DEATH = re.compile(
    r"\b(?:died|dies|dead|death)\s+(?:of|from)\s+(?:an?\s+)?(?:apparent\s+|suspected\s+)?(?:natural\s+causes|heart"
    r"|cancer|illness|disease|stroke|complications|old\s+age|covid|coronavirus|pneumonia|overdose|drug\s+overdose"
    r"|hypothermia|dehydration)"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
YEAR = _YEAR

#: "by the Syrian army" after the trigger.
PERPETRATOR_AFTER = re.compile(
    r"(?<=\s)by\s+(?P<perp>(?:(?:the|a|an|two|three|several|suspected|alleged|unknown|unidentified|armed|masked)\s+)*"
    r"[\w'’.-]+(?:\s+(?!(?:in|on|at|near|during|after|before|while|with|from|for|as|who|which|that|and|but"
    r"|when|outside|inside|last|early|late|this|on)\b)[\w'’.-]+){0,4})"
)
#: What comes after "by" but is a means, not an agent ("killed by gunfire").
INSTRUMENTS = frozenset(
    """gunfire gunshot gunshots bullet bullets shrapnel car cars vehicle vehicles truck train bus fire
    fires explosion explosions blast blasts bomb bombs shell shells shelling rocket rockets missile
    missiles mine mines landmine flood floods floodwaters lightning storm storms avalanche landslide
    earthquake debris stray smoke gas heat cold gun guns rifle knife knives falling collapse crash
    accident airstrike airstrikes police-involved fragments rounds round shooting shootings gunman's
    gunmen's drive-by""".split()
)
#: Subjects of an active verb of harm that are events or means, not perpetrators.
NON_AGENTS = frozenset(
    """attack attacks explosion explosions blast blasts bombing bombings shooting shootings fire fires
    crash accident storm storms earthquake flood floods ambush raid raids airstrike airstrikes strike
    strikes shelling violence clashes fighting incident incidents bomb bombs disease virus outbreak it
    this that which who collision hurricane typhoon cyclone tornado landslide mudslide avalanche rampage
    spree gunfire wave battle battles war conflict offensive operation assault assaults""".split()
)
#: "in Idlib", "near the town of Maarat al-Numan", "at Fort Lauderdale airport" (mixed-case text).
LOCATION = regex.compile(
    r"\b(?:in|near|at|outside|inside|across|throughout|around)\s+(?:the\s+)?(?:(?:northern|southern|eastern"
    r"|western|central|north|south|east|west|northeast|northwest|southeast|southwest|rural|downtown"
    r"|neighboring|neighbouring|nearby|besieged|rebel-held)\s+)*(?:(?:city|town|village|province|region"
    r"|district|state|county)\s+of\s+)?"
    r"(?P<loc>\p{Lu}[\p{L}'’.-]*(?:(?:\s+|-)(?:\p{Lu}[\p{L}'’.-]*|de|del|la|al|el|of)){0,3}"
    r"(?:\s+(?:province|city|county|region|district|state|village|town|area|governorate|neighborhood"
    r"|neighbourhood|border|camp|airport))?)"
)
#: The same for text in capitals: "IN SAN SALVADOR".
LOCATION_CAPS = regex.compile(
    r"\b(?:IN|NEAR|OUTSIDE|AT)\s+(?:THE\s+(?:CITY|TOWN|VILLAGE|PROVINCE|DEPARTMENT|MUNICIPALITY)\s+OF\s+)?"
    r"(?P<loc>[A-Z][A-Z'.-]+(?:\s+(?!(?:THE|A|AN|OF|ON|AT|IN|BY|AND|OR|WHEN|WHILE|WHERE|WHO|WHICH|THAT|AFTER|BEFORE"
    r"|DURING|NEAR|WITH|FROM|TO|WAS|WERE|IS|ARE|HAS|HAVE|HAD|SAID|TODAY|YESTERDAY)\b)[A-Z][A-Z'.-]+){0,2})"
)
#: Capitalised words after "in" that are not places.
NOT_PLACES = frozenset(
    """january february march april may june july august september october november december monday tuesday
    wednesday thursday friday saturday sunday the a an this that his her their its january's addition
    fact order total all recent weeks days months years december's christmas easter ramadan spring
    summer autumn winter fall which what response retaliation connection custody court hospital addition
    particular general front""".split()
)


# -- dispatch: which shapes can start at a word ---------------------------------------------
# Scanning every sentence with every big alternation is slow. Instead the text is split into
# words once, and a shape is only tried (``match``) at words that can begin it. The words a
# shape can begin with are read from its own source, so the table cannot drift from the
# patterns: `leading_prefixes` expands the leading groups of a pattern into literal prefixes.

#: How many letters of a word select the shapes to try.
KEY_LENGTH = 4
#: A word: what the dispatch looks at.
WORD = re.compile(r"[a-z]+")


def leading_prefixes(source: str, width: int = KEY_LENGTH) -> set[str]:
    """The literal starts (up to `width` letters) of the words `source` can match first.

    A start that is a whole word ends with ``$`` ("in$" for "in critical condition"); an empty
    string means "any word" (the pattern starts with a character class).
    """
    return _prefixes(source, "", width)


def _prefixes(rest: str, acc: str, width: int) -> set[str]:
    i = 0
    while i < len(rest) and len(acc) < width:
        char = rest[i]
        if rest.startswith("\\b", i):
            if acc:
                return {acc + "$"}  # the word ends here
            i += 2
        elif rest.startswith("(?<=", i) or rest.startswith("(?<!", i):
            i = _closing(rest, i) + 1  # a look-behind consumes nothing
        elif char == "(":
            end = _closing(rest, i)
            body = rest[i + 1 : end]
            if body.startswith("?P<"):
                body = body[body.index(">") + 1 :]
            elif body.startswith("?:"):
                body = body[2:]
            after = rest[end + 1 :]
            optional = after[:1] in ("?", "*")
            if after[:1] in ("?", "*", "+"):
                after = after[1:]
            found: set[str] = set()
            for alternative in _top_level(body):
                found |= _prefixes(alternative + after, acc, width)
            if optional:
                found |= _prefixes(after, acc, width)
            return found
        elif char.isalpha():
            acc += char
            i += 1
        elif char in "'’-" and acc:
            return {acc + "$"}  # "non-life", "don't": the scanned word ends at the mark
        elif acc and (rest.startswith("\\s", i) or rest.startswith("\\b", i)):
            return {acc + "$"}  # the word ends here: "in", "no", "hit"
        else:
            break  # a class or anything else: what we have is a prefix
    return {acc[:width]}


def _pattern_structure(text: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """``(index, character, depth after it)`` for each character of a pattern from `start` that
    is neither escaped nor inside a character class (those cannot open, close or split groups)."""
    depth = 0
    i = start
    in_class = False
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        else:
            depth += (char == "(") - (char == ")")
            yield i, char, depth
        i += 1


def _closing(text: str, start: int) -> int:
    """The index of the parenthesis closing the one at `start`."""
    for i, char, depth in _pattern_structure(text, start):
        if char == ")" and depth == 0:
            return i
    raise ValueError(f"unbalanced pattern: {text[start : start + 40]!r}")


def _top_level(text: str) -> list[str]:
    """`text` split at the ``|`` that are not inside a group or class."""
    parts = []
    start = 0
    for i, char, depth in _pattern_structure(text):
        if char == "|" and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


#: The shapes found by dispatch, by name.
DISPATCHED: dict[str, re.Pattern[str]] = {
    "passive": PASSIVE_TRIGGER,
    "active": ACTIVE,
    "active_named": ACTIVE_NAMED,
    "nominal": NOMINAL,
    "toll": TOLL,
    "toll_bringing": TOLL_BRINGING,
    "ordinal": ORDINAL_DEATH,
    "multiple": MULTIPLE,
    "negated_noun": NEGATED_NOUN,
    "unhurt": UNHURT,
    "natural": NATURAL_DEATH,
}


#: For each dispatched shape, the part that needs no number: whether a sentence is worth
#: masking and reading is decided with these on the raw text ("left" is a word to look at,
#: but only "left ... dead" makes the sentence a candidate).
TRIGGER_ONLY: dict[str, re.Pattern[str]] = {
    "passive": PASSIVE_TRIGGER,
    "active": re.compile(rf"\b(?:{_ACTIVE_TRIGGERS})\b"),
    "nominal": NOMINAL,
    "toll": re.compile(rf"\b(?:{_TOLL_HEAD})\b"),
    "toll_bringing": re.compile(
        r"\b(?:bringing|brings|brought|raising|raises|raised|pushing|pushes|pushed|taking|takes|took|putting|puts"
        r"|lifting|lifted|increasing|increased)\s+(?:the\s+|its\s+)?(?:overall\s+|total\s+|official\s+"
        rf"|confirmed\s+)?(?:{_TOLL_HEAD})\b"
    ),
    "ordinal": ORDINAL_DEATH,
    "multiple": MULTIPLE,
    "negated_noun": NEGATED_NOUN,
    "unhurt": UNHURT,
}


def _dispatch_table() -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name, pattern in DISPATCHED.items():
        for prefix in leading_prefixes(pattern.pattern):
            if not prefix.rstrip("$"):
                raise ValueError(f"{name}: cannot tell which words it starts with")
            table.setdefault(prefix, []).append(name)
    return {key: tuple(dict.fromkeys(names)) for key, names in table.items()}


def _trie_pattern(keys: Iterable[str]) -> str:
    """One alternation for many word starts, factored letter by letter (much faster with `re`)."""
    trie: dict[str, Any] = {}
    for key in keys:
        node = trie
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        branches = []
        for char in sorted(node, key=lambda c: (c == "", c)):
            if char == "":
                continue
            if char == "$":
                branches.append(r"\b")
            else:
                branches.append(re.escape(char) + emit(node[char]))
        optional = "" in node and len(node) > 1
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return r"\b" + emit(trie)


_TABLE = _dispatch_table()
#: Where a dispatched shape can start: one pass over the text finds every such word.
KEYS = re.compile(_trie_pattern(_TABLE))
_KEY_LENGTHS = sorted({len(key) for key in _TABLE}, reverse=True)


@lru_cache(maxsize=4096)
def shapes_at(word: str) -> tuple[str, ...]:
    """The names of the dispatched shapes that can begin at `word` (lower case)."""
    found: tuple[str, ...] = _TABLE.get(word + "$", ())
    for length in _KEY_LENGTHS:
        if len(word) >= length:
            found = found + _TABLE.get(word[:length], ())
    return tuple(dict.fromkeys(found))
