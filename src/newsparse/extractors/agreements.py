"""Agreements: treaties, deals, ceasefires and accords — which, of what kind, between whom, when,
and in what state, as each mention of the article presents it.

The extractor works in five passes over the shared `Document`, all rule-based and linear:

1. **Mentions.** A compiled pattern finds agreement head nouns ("deal", "accords", "cease-fire",
   "memorandum of understanding") and well-known names ("NAFTA", "Trans-Pacific Partnership").
   Each hit is checked against the senses that are not agreements ("deal with", "a great deal
   of", "in accord with", Israeli settlements, party conventions, "as a compromise") and grown
   into its noun phrase: determiner, possessor and premodifiers to the left, short identifying
   prepositional phrases ("of 2018", "with Russia", "between X and Y") to the right. Relative,
   participial and infinitival clauses stay outside the span (GUIDELINES §2).
2. **Local attributes.** From the mention's own words and its clause: a name (a proper name or a
   "Sochi agreements"-style label), a kind (head noun, then premodifiers, then the clause), the
   parties (possessor, "with"/"between" objects, "EU-Turkey" compounds, the subject of a verb
   like "signed" or "reached"), a date (the dates extractor's TIMEX3 values inside the mention
   or on the verb that made the agreement) and a location ("agreed in Sochi").
3. **Status and modality.** The verb that governs the mention sets the status: as its object
   ("violated the ceasefire", "pull out of the accord"), as its subject ("the accords have only
   been partially implemented"), through a particle ("brought the agreement into force") or an
   adjective ("the proposed deal"). The words around that verb set the modality: a question,
   an if/unless/until condition, a negation, a wish ("swore that ... would be respected"), a
   possibility ("could negotiate") — or a plain assertion.
4. **Coreference.** Mentions are linked into chains ("the Sochi agreements of 2018" … "These
   agreements" … "the accords"): by name, by apposition, definite descriptions to the most recent
   compatible chain, indefinite mentions of a still-hoped-for agreement to that agreement. A chain
   shares its name, kind, parties, date and location; a mention whose clause says nothing about
   status takes the stage the article establishes for its chain (an agreement the article
   presupposes is at least ``agreed``).
5. **Side texts.** Related-link titles and captions are read the same way, with findings whose
   ``field`` names the string ("Will the EU-Turkey refugee deal collapse?" is a question).

The conventions are those of the agreements-dev guidelines; see ``docs/agreements.md``.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

import attrs
import regex

from newsparse.hookspecs import hookimpl
from newsparse.model import Article, Finding
from newsparse.text import lexicon
from newsparse.text.document import Document, Sentence
from newsparse.typing import ExtractorRegistrar

__all__ = [
    "KINDS",
    "MODALITIES",
    "STATUSES",
    "AgreementFinding",
    "AgreementsConfig",
    "AgreementsExtractor",
]

#: Kinds of agreement (GUIDELINES §3).
KINDS = (
    "ceasefire",
    "peace",
    "security",
    "trade",
    "climate",
    "nuclear",
    "migration",
    "political",
    "legal",
    "other",
)
#: Lifecycle stages, roughly in order.
STATUSES = (
    "proposed",
    "negotiating",
    "agreed",
    "signed",
    "in_force",
    "implemented",
    "partially_implemented",
    "respected",
    "violated",
    "suspended",
    "collapsed",
    "rejected",
    "withdrawn",
    "unknown",
)
#: How the clause presents the status.
MODALITIES = ("asserted", "hoped", "possible", "question", "negated", "conditional")


# =============================================================================================
# The finding and the extractor's options
# =============================================================================================


@attrs.frozen(kw_only=True)
class AgreementFinding(Finding):
    """One mention of an agreement, with what the article says about it."""

    name: str | None = None
    """The agreement's name as the article writes it ("Sochi agreements", "NAFTA", "Iran deal"),
    taken from the mention or from its chain's first named mention; None when unnamed."""

    kind: str = "other"
    """ceasefire, peace, security, trade, climate, nuclear, migration, political, legal or other."""

    parties: tuple[str, ...] = ()
    """The parties, in the fullest form the article uses ("Vladimir Putin", "European Union");
    capitals and demonyms stand for their countries. Shared by the chain; empty when unknown."""

    date: str | None = None
    """TIMEX3 value of when the agreement was reached or signed ("2018", "2015-12-12"), when the
    article says; shared by the chain."""

    location: str | None = None
    """Where it was reached or signed ("Sochi"), when the article says."""

    status: str = "unknown"
    """The lifecycle stage this mention's clause conveys (see `STATUSES`), or the stage the
    article establishes for the agreement when the clause says nothing."""

    modality: str = "asserted"
    """How the clause presents the status: asserted, hoped, possible, question, negated or
    conditional."""

    id: str = ""
    """Chain identifier ("a1"): coreferent mentions of one agreement share it."""

    cue: str | None = None
    """The words that set the status ("partially implemented", "violating"), when any did."""

    generic: bool = False
    """True for class or generic references ("trade deals kill jobs", "any such agreement")."""


@attrs.frozen(kw_only=True)
class AgreementsConfig:
    """Options of the agreements extractor."""

    side_texts: bool = True
    """Also read related-link titles and image captions (findings carry their ``field``)."""

    include_generic: bool = True
    """Report generic mentions ("trade deals", "such agreements"), flagged ``generic``."""

    exclude_kinds: tuple[str, ...] = attrs.field(
        default=(),
        converter=tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.in_(KINDS)),
    )
    """Kinds to leave out, e.g. ``("legal", "other")`` to keep only public agreements."""


# =============================================================================================
# Tokens
# =============================================================================================


class _Tok(NamedTuple):
    """A word or punctuation mark of a sentence, with absolute offsets."""

    start: int
    end: int
    text: str
    low: str


# The standard library's engine is faster for this simple pattern; [^\W_] is any letter or digit.
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Prof|St|Jr|Sr)\.(?=\s)"  # titles keep their dot
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial: "Sergey V. Lavrov"
    r"|\$?\d+(?:[.,]\d+)*(?:-[^\W_]+)*%?"  # 1994, 54,000, $54, 12-nation
    r"|[^\W_]+(?:[-&/][^\W_]+|['’](?![sS]\b)[^\W_]+)*"  # EU-Turkey, O'Donnell, cease-fire
    r"|['’][sS]\b"  # the possessive "'s" is a token of its own: "Pfizer" "'s" "deal"
    r"|\S"
)


def _tokenize(text: str, offset: int) -> list[_Tok]:
    return [
        _Tok(offset + m.start(), offset + m.end(), m.group(), m.group().lower().replace("’", "'"))
        for m in _TOKEN.finditer(text)
    ]


def _is_cap(tok: _Tok) -> bool:
    return tok.text[:1].isupper()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# =============================================================================================
# Vocabulary: heads, determiners, premodifiers
# =============================================================================================

# Agreement head nouns and the well-known names that are agreements by themselves. Names are
# case-sensitive ("TPP", "Nafta"), nouns are not. The standard library's engine runs this
# alternation about three times faster than `regex`; the lookahead on the first letter lets it
# skip most positions at once. (A hyphen before the match, "pre-agreement", is checked in code.)
_HEAD = re.compile(
    r"\b(?=[ACDTPSBUMNRGJFacdtpsbumn])(?:"
    r"(?i:cease[- ]?fires?|truces?|armistices?|cessations?\s+of\s+(?:hostilities|violence|fighting)"
    r"|memorand(?:um|a)\s+of\s+understanding|peace\s+plans?"
    r"|agreements?|accords?|deals?|treat(?:y|ies)|pacts?|protocols?|conventions?|settlements?"
    r"|compromises?|bargains?|arrangements?|understandings?|contracts?)"
    r"|NAFTA|Nafta|USMCA|TPP|CPTPP|TTIP|CETA|RCEP|GATT|JCPOA|NPT|CTBT|SAFTA|FTAs?|MOUs?|MoUs?|NDAs?"
    r"|New\s+START|Trans-Pacific\s+Partnership|Transatlantic\s+Trade\s+and\s+Investment\s+Partnership"
    r"|Regional\s+Comprehensive\s+Economic\s+Partnership"
    r")(?![\w-])"
)

# Acronyms and names -> (kind, long name if the acronym has a usual one).
_KNOWN_NAMES: dict[str, tuple[str, str | None]] = {
    "nafta": ("trade", "North American Free Trade Agreement"),
    "usmca": ("trade", None),
    "tpp": ("trade", "Trans-Pacific Partnership"),
    "cptpp": ("trade", None),
    "ttip": ("trade", "Transatlantic Trade and Investment Partnership"),
    "ceta": ("trade", None),
    "rcep": ("trade", "Regional Comprehensive Economic Partnership"),
    "gatt": ("trade", None),
    "safta": ("trade", "South Asia Free Trade Agreement"),
    "fta": ("trade", None),
    "ftas": ("trade", None),
    "jcpoa": ("nuclear", None),
    "npt": ("nuclear", None),
    "ctbt": ("nuclear", None),
    "new start": ("nuclear", None),
    "trans-pacific partnership": ("trade", None),
    "transatlantic trade and investment partnership": ("trade", None),
    "regional comprehensive economic partnership": ("trade", None),
    "mou": ("other", None),
    "mous": ("other", None),
    "nda": ("other", None),
    "ndas": ("other", None),
}
# Names that carry a kind when they premodify a head ("Kyoto Protocol", "the Iran deal").
_NAMED_KINDS: dict[str, str] = {
    "kyoto": "climate",
    "paris": "climate",
    "copenhagen": "climate",
    "iran": "nuclear",
    "iranian": "nuclear",
    "tehran": "nuclear",
    "eu-turkey": "migration",
    "geneva": "other",
    "warsaw": "security",
    "nato": "security",
    "minsk": "ceasefire",
    "dayton": "peace",
    "oslo": "peace",
    "camp": "peace",
    "wye": "peace",
    "good": "peace",  # the Good Friday Agreement
    "schengen": "migration",
    "dublin": "migration",
    "montreal": "climate",
}

_DETERMINERS = _words(
    "the a an this that these those any no some each every another such both all its his her their our my"
    " your whose either neither several many most few one two three four"
)
_INDEFINITE = _words("a an another some any no each every such many most several few either neither one")
_GENERIC_DETERMINERS = _words("any such many most every all each")
_POSSESSIVE_PRONOUNS = _words("its his her their our my your whose")

# Words that stop a noun phrase: prepositions, conjunctions, auxiliaries, pronouns, negation.
_STOP = _words(
    """
    of in on at to for with by from into onto upon over under about against between among through after
    before during since until without within across toward towards via per like as than amid despite
    and or but nor yet so because if unless while whether that which who whom when where why how
    is are was were be been being am has have had do does did will would can could shall should may
    might must i you he she it we they me him us them not n't never there here then now also even
    just only very too said says say told according up down out off away back
    """
)
_PREPOSITIONS = _words(
    "of in on at to for with by from into onto upon over under about against between among through after "
    "before during since until without within across toward towards via per like as than amid despite "
    "and or but"
)
# Common verbs that end a noun phrase on the left ("Their smaller staffs mean | deals").
_STOP |= _words(
    """
    mean means meant make makes get gets got take takes took see sees saw need needs want wants give
    gives gave keep keeps kept put puts let lets seem seems seemed help helps call calls become becomes
    became show shows showed find finds tell tells think thinks know knows like likes go goes went come
    comes came look looks use uses try tries feel feels leave leaves bring brings begin begins hold
    holds stand stands lose loses pay pays meet meets include includes continue continues set sets
    lead leads understand understands watch watches follow follows stop stops create creates speak
    speaks allow allows add adds grow grows open opens walk walks win wins offer offers remember
    consider considers appear appears buy buys wait waits serve serves die dies send sends expect
    expects build builds stay stays fall falls cut cuts reach reaches kill kills remain remains suggest
    suggests raise raises pass passes sell sells require requires report reports decide decides pull
    pulls oppose opposes back backs support supports blame blames
    """
)
# Capitalised words that cannot premodify an agreement (verbs of slogans and headlines).
_CAP_STOPS = _words(
    "stop sign reject block scrap approve ratify pass kill support oppose end save no yes back ditch "
    "read will would can could should must may might is are was were has have had do does did"
)
# Lower-case premodifiers that are safe even without a determiner before them.
_SAFE_PREMODIFIERS = _words(
    """
    trade free-trade peace nuclear climate security defense defence military political economic bilateral
    multilateral trilateral international global regional landmark historic historical tentative
    provisional preliminary interim final formal framework comprehensive partial permanent temporary
    unilateral mutual durable lasting fragile controversial joint fundraising confidentiality
    nondisclosure non-disclosure plea immunity work labor labour union budget spending bipartisan
    legislative ceasefire cease-fire truce arms weapons chemical migration migrant refugee asylum
    readmission investment tax merger licensing sponsorship supply gas oil energy water fisheries
    fishing grain export import aid loan debt rescue bailout power-sharing prisoner hostage swap
    exchange normalization normalisation friendship cooperation association partnership accession
    withdrawal exit secret written verbal signed proposed draft new old previous past existing current
    future earlier latest first second third last original so-called whole entire big major huge
    massive important key main rare great good bad better best worse strong stronger weak fresh renewed
    broad broader wide wider sweeping ambitious binding nonbinding non-binding multinational
    transatlantic humanitarian pending strict stringent restrictive unusual unprecedented postnuptial
    negotiated brokered agreed so-called much-criticized
    prenuptial divorce separation production emissions carbon greenhouse de-escalation status forces
    contractual financial transitional customs tariff services digital data privacy inversion business
    commercial distribution purchase sale acquisition takeover lease construction employment collective
    wage minimum pay pension health fiscal stopgap funding missile arms-control implicit grand overall
    general specific separate similar same standard typical likely possible potential eventual
    long-term short-term long-standing longstanding decades-long year-long four-year five-year
    ten-year two-year three-year one-year six-month nationwide statewide citywide cross-border
    border maritime fisheries space aviation airline shipping transit visa free-movement
    environmental power electricity coal mining farm agricultural food
    """
)
_ADJECTIVE_SUFFIXES = ("al", "ic", "ive", "ous", "ful", "ary", "ian", "ese", "ish", "ern")
_MONTH_WORDS = lexicon.MONTHS
_TIME_WORDS = lexicon.WEEKDAYS | _words("today yesterday tomorrow tonight") | lexicon.MONTHS

# Nouns that can end a party noun phrase ("Sudanese government", "Darfur rebels").
_PARTY_NOUNS = _words(
    """
    government governments rebels rebel forces military militia militias leaders leader officials
    countries nations states coalition administration campaign region parties party unions union side
    sides authorities lawmakers legislators staffers employees workers company companies firm firms
    opposition insurgents group groups people delegation delegations regime army movement council
    minister ministers president prime republicans democrats congress senate board members partners
    allies neighbours neighbors communities candidates attorney prosecutors regulators department agency
    commission
    """
)

# =============================================================================================
# Kinds
# =============================================================================================

# Words inside a mention (or its clause) that tell the kind. Whole hyphenated words are looked
# up first ("land-for-security"), then their parts ("free-trade" -> "trade").
_KIND_WORDS: dict[str, str] = {}
for _kind, _block in {
    "ceasefire": "ceasefire ceasefires cease-fire cease-fires truce truces armistice hostilities",
    "peace": "peace land-for-security land-for-peace reconciliation power-sharing",
    "nuclear": "nuclear atomic uranium plutonium enrichment jcpoa npt ctbt warhead warheads missiles missile"
    " arms-control destruction",
    "climate": "climate emissions carbon greenhouse kyoto warming",
    "migration": "refugee refugees migrant migrants migration asylum readmission deportation deportations",
    "trade": "trade free-trade tariff tariffs commerce customs fta ftas nafta tpp ttip cptpp ceta rcep usmca"
    " gatt safta exports imports",
    "security": "security defense defence military de-escalation chemical weapons arms status-of-forces"
    " forces troops basing intelligence-sharing",
    "legal": "plea immunity lawsuit lawsuits court out-of-court consent litigation",
    "political": "bipartisan budget fundraising ethics legislative coalition spending prisoner prisoners"
    " swap normalization normalisation friendship debt-ceiling stopgap wage",
    "other": "merger acquisition takeover buyout contract contracts nondisclosure non-disclosure"
    " confidentiality nda ndas licensing sponsorship labor labour work union unions postnuptial"
    " prenuptial lease supply purchase inversion business gas broadcasting",
}.items():
    for _word in _block.split():
        _KIND_WORDS[_word] = _kind
# When a mention holds words of several kinds, the more specific kind wins.
_KIND_PRIORITY = {
    kind: rank
    for rank, kind in enumerate(
        (
            "ceasefire",
            "nuclear",
            "climate",
            "migration",
            "trade",
            "peace",
            "security",
            "legal",
            "political",
            "other",
        )
    )
}
# Clause words that suggest a kind when the mention itself says nothing ("to end the war").
_CONTEXT_KIND_WORDS: dict[str, str] = {
    **_KIND_WORDS,
    "war": "peace",
    "conflict": "peace",
    "fighting": "ceasefire",
    "wars": "peace",
    "territorial": "security",
    "bombings": "ceasefire",
    "bombing": "ceasefire",
    "rebels": "peace",
    "zone": "security",
    "arsenal": "security",
    "shareholders": "other",
    "workers": "other",
    "employees": "other",
    "strike": "other",
}
_CONTEXT_KIND_WORDS.pop("work", None)
_CONTEXT_KIND_WORDS.pop("union", None)


#: Kind words that only count in lower case: capitalised, they are part of a name.
_COMMON_NOUN_KIND_WORDS = _words("union unions work labor labour court business security supply")


def _with_compounds(words: list[str]) -> list[str]:
    """Add two-word terms as one word: "arms control" -> "arms-control" (nuclear, not security)."""
    out = list(words)
    for first, second in itertools.pairwise(words):
        if (first, second) in (("arms", "control"), ("mass", "destruction"), ("free", "trade")):
            out.append(f"{first}-{second}")
    return out


def _word_kind(low: str, table: Mapping[str, str]) -> str | None:
    kind = table.get(low)
    if kind is None and "-" in low:
        kinds = [table[part] for part in low.split("-") if part in table]
        if kinds:
            kind = min(kinds, key=_KIND_PRIORITY.__getitem__)
    return kind


def _best_kind(words: Iterable[str], table: Mapping[str, str] = _KIND_WORDS) -> str | None:
    best: str | None = None
    for low in words:
        kind = _word_kind(low, table)
        if kind is not None and (best is None or _KIND_PRIORITY[kind] < _KIND_PRIORITY[best]):
            best = kind
    return best


# =============================================================================================
# Status cues
# =============================================================================================

# Each cue is a pattern over lower-case words joined by single spaces. Left cues end where the
# mention begins (the mention is the verb's object: "violated | the ceasefire"); right cues start
# where it ends (the mention is the subject: "the accords | have only been partially implemented").
# A cue carries its status and whether the verb's subject is a party ("X and Y signed a treaty").

_ADVERBS = (
    r"(?:(?:\w+ly|also|again|even|just|now|then|first|still|already|ever|once|outright|jointly|only|soon"
    r"|today)\s)*"
)


class _Cue(NamedTuple):
    """A status cue: its pattern, the stage it sets, and how much it tells."""

    pattern: re.Pattern[str]
    status: str
    party_subject: bool = False
    """The verb's subject is a party ("Bosnia and Slovenia agreed to a ceasefire")."""
    weak: bool = False
    """A preposition rather than a verb ("under the agreement"): an adjective in the mention wins."""
    nominal: bool = False
    """A noun like "proposal for": a verb before it may govern the mention instead."""
    governor: re.Pattern[str] | None = None
    """For particles: the verb that must stand right before the mention."""
    new_only: bool = False
    """Only for an agreement not yet made ("discuss a new security agreement"), not for one
    the article names ("discussed the Good Friday Agreement")."""


def _left(
    pattern: str,
    status: str,
    *,
    party: bool = False,
    weak: bool = False,
    nominal: bool = False,
    new_only: bool = False,
) -> _Cue:
    return _Cue(
        re.compile(rf"(?:^|\s)(?P<verb>{pattern})\s{_ADVERBS}$"),
        status,
        party,
        weak,
        nominal,
        new_only=new_only,
    )


def _right(pattern: str, status: str) -> _Cue:
    return _Cue(
        re.compile(rf"^(?:(?:that|which)\s)?(?P<aux>{_AUX_CHAIN})(?P<verb>{pattern})(?:\s|$)"), status
    )


def _particle(particle: str, governor: str, status: str) -> _Cue:
    """A particle after the mention that completes the verb right before it: "brought | the
    agreement | into force"."""
    return _Cue(
        re.compile(rf"^(?:{particle})\b"),
        status,
        governor=re.compile(rf"(?:^|\s)(?:{governor})(?:\s(?:\w+ly|not|never|also))*$"),
    )


#: Verbs that let something happen: "allow the accord to pass", "expects the agreement to be finalised".
_LET = (
    r"allow|allows|allowed|allowing|let|lets|letting|want|wants|wanted|expect|expects|expected|urge|urged"
    r"|need|needs|force|forced|get|getting"
)


class _Hit(NamedTuple):
    """A cue found around one mention."""

    cue: _Cue | None
    position: str
    """``particle`` (after the mention, completing a verb before it), ``left`` (the mention is
    the verb's object), ``right`` (its subject, or a participle after it) or ``np`` (an
    adjective inside the mention)."""
    text: str = ""
    aux: str = ""
    """Auxiliaries between a subject mention and its verb ("would be")."""
    before: str = ""
    """The clause's words before the cue (the modality scope)."""


#: How many words before a mention its modality scope reaches.
_SCOPE = 20

_AUX_CHAIN = (
    r"(?:(?:has|have|had|is|are|was|were|will|would|could|may|might|must|should|can|shall|be|been|being"
    r"|not|n't|never|\w+ly|also|now|still|already|yet|just|then|soon|first|later|ever|reportedly|both)\s)*"
)

# The order matters: the first matching left cue wins, so longer phrases come first.
_LEFT_CUES: tuple[_Cue, ...] = (
    # Efforts and talks towards an agreement.
    _left(
        r"(?:effort|efforts|attempt|attempts|bid|bids|drive|push|trying|try|tries|tried|work|working|works"
        r"|worked|seeking|seek|seeks|sought|determination|bid|aims?|aimed|aiming|struggle|struggling|race|racing)"
        r"\sto\s(?:\w+\s)?(?:broker|forge|reach|secure|strike|negotiate|hammer\sout|conclude|clinch|seal"
        r"|find|agree\son|work\sout|salvage|revive)",
        "negotiating",
        party=True,
    ),
    _left(
        r"(?:negotiations?|talks|discussions?|consultations?)\s(?:on|over|for|about|toward|towards|to\sreach)",
        "negotiating",
    ),
    _left(r"(?:helped|help|helps|helping)\s(?:to\s)?(?:negotiate|hammer\sout|work\sout)", "agreed"),
    _left(r"to\s(?:hammer\sout|negotiate|work\sout|broker)", "negotiating"),
    _left(r"discuss|discusses|discussing|discussed", "negotiating", new_only=True),
    _left(r"(?:close|closer|near|nearing|nears|edging|edged|inching)\s(?:to|toward|towards)", "negotiating"),
    _left(
        r"(?:push|pushes|pushed|pushing|press|presses|pressed|pressing|lobby|lobbying|lobbied)\sfor",
        "negotiating",
        party=True,
    ),
    _left(
        r"(?:negotiate|negotiates|negotiating|renegotiate|renegotiating"
        r"|brokering|hammering\sout|working\son|work\son|works\son|worked\son|working\stoward|working\stowards)",
        "negotiating",
        party=True,
    ),
    # Making it.
    _left(
        r"(?:reach|reaches|reached|reaching|strike|strikes|struck|striking|seal|seals|sealed|sealing|forge"
        r"|forges|forged|forging|conclude|concludes|concluded|concluding|clinch|clinches|clinched|clinching"
        r"|secure|secures|secured|securing|cut|cuts|cutting|hammer\sout|hammered\sout|work\sout|worked\sout"
        r"|negotiated|orchestrate|orchestrated|orchestrating|achieve|achieved|obtain"
        r"|obtained|obtaining|arrange|arranged|arranging|accept|accepts|accepted|accepting|declare|declares"
        r"|declared|declaring|announce|announces|announced|announcing|establish|established|agree\sto"
        r"|agree\son|agree\supon|agreed\sto|agreed\son|agreed\supon|agrees\sto|agrees\son|agreeing\son"
        r"|agreeing\sto|enter\sinto|entered\sinto|entering\sinto|enters\sinto|make|makes|made|making"
        r"|have|has|had|having|want|wants|wanted|wanting|demand|demands|demanded|demanding|need|needs"
        r"|needed|yield|yields|yielded|produce|produced|deliver|delivered|adopt|adopted|adopting"
        r"|result\sin|results\sin|resulted\sin|resulting\sin|lead\sto|leads\sto|led\sto|leading\sto"
        r"|come\sto|came\sto|coming\sto|complete|completed|completing|reach\sa\sdeal\son|usher|ushered|ushering|restore|restored"
        r"|restoring|renew|renewed|renewing|extend|extended|extending|call\sfor|calls\sfor|called\sfor"
        r"|calling\sfor|urge|urges|urged|urging|seek|seeks|seeking|sought|pursue|pursued|pursuing)",
        "agreed",
        party=True,
    ),
    # Brokering: the mediator's verb, whose subject is not a party.
    _left(r"broker|brokers|brokered|mediate|mediated|mediating", "agreed"),
    # Signing.
    _left(
        r"(?:sign|signs|signed|signing|co-sign|co-signed|initial|initialed|initialled|ink|inks|inked"
        r"|finalize|finalized|finalise|finalised|finalizing|finalising)(?:\s(?:on\sto|onto|up\sto|on|up\sfor))?"
        r"|signing\sof|signatories\sto|signatory\sto",
        "signed",
        party=True,
    ),
    # In force.
    _left(
        r"(?:ratify|ratifies|ratified|ratifying|ratification\sof|approve|approves|approved|approving"
        r"|approval\sof|approval\sfor|pass|passes|passed|passing|passage\sof|vote\sfor|votes\sfor|voted\sfor"
        r"|voting\sfor|enforce|enforces|enforced|enforcing|enforcement\sof|oversee|oversees|overseeing"
        r"|monitor|monitors|monitoring|monitored|steer|steered|steering)",
        "in_force",
        party=True,
    ),
    _left(
        r"under|under\sthe\sterms\sof|bound\sby|in\seffect\sunder|in\saccordance\swith|covered\sby",
        "in_force",
        weak=True,
    ),
    _left(r"(?:use|uses|used|using)", "in_force"),
    # Carried out.
    _left(
        r"(?:implement|implements|implemented|implementing|implementation\sof|carry\sout|carried\sout"
        r"|carrying\sout|carries\sout|fulfil|fulfill|fulfils|fulfills|fulfilled|fulfilling)"
        r"(?:\sthe\s(?:terms|conditions|obligations|provisions)\sof)?",
        "implemented",
        party=True,
    ),
    # Kept.
    _left(
        r"(?:respect|respects|respected|respecting|honou?r|honou?rs|honou?red|honou?ring|adhere\sto"
        r"|adheres\sto|adhered\sto|adhering\sto|abide\sby|abides\sby|abided\sby|abiding\sby|comply\swith"
        r"|complies\swith|complied\swith|complying\swith|compliance\swith|live\sup\sto|lives\sup\sto"
        r"|lived\sup\sto|living\sup\sto|stick\sto|sticks\sto|stuck\sto|sticking\sto|uphold|upholds"
        r"|upheld|upholding|observe|observes|observed|observing|keep\sto|kept\sto|preserve|preserved"
        r"|preserving|save|saved|saving|protect|protected|protecting)",
        "respected",
        party=True,
    ),
    # Broken.
    _left(
        r"(?:violate|violates|violated|violating|violation\sof|violations\sof|breach|breaches|breached"
        r"|breaching|breach\sof|in\sbreach\sof|break|breaks|broke|breaking|undermine|undermines"
        r"|undermined|undermining|flout|flouts|flouted|flouting|contravene|contravened|contravening"
        r"|defy|defies|defied|defying|ignore|ignores|ignored|ignoring)",
        "violated",
        party=True,
    ),
    # Put on hold.
    _left(
        r"(?:suspend|suspends|suspended|suspending|suspension\sof|freeze|freezes|froze|frozen|freezing"
        r"|halt|halts|halted|halting|delay|delays|delayed|delaying)(?:\s(?:its|their|his|her)\sparticipation\sin)?",
        "suspended",
        party=True,
    ),
    # Fell apart.
    _left(
        r"(?:collapse\sof|breakdown\sof|failure\sof|end\sof|unravelling\sof|unraveling\sof|demise\sof)",
        "collapsed",
    ),
    # Turned down.
    _left(
        r"(?:reject|rejects|rejected|rejecting|rejection\sof|refuse\sto\s(?:sign|accept|ratify|approve)"
        r"|refused\sto\s(?:sign|accept|ratify|approve)|refuses\sto\s(?:sign|accept|ratify|approve)"
        r"|vote\sdown|voted\sdown|vote\sagainst|voted\sagainst|votes\sagainst|voting\sagainst|block|blocks"
        r"|blocked|blocking|kill|kills|killed|killing|stop|stops|stopped|stopping|defeat|defeats|defeated"
        r"|defeating|veto|vetoes|vetoed|vetoing|turn\sdown|turned\sdown|turns\sdown|scuttle|scuttled"
        r"|scuttling|sink|sank|sunk|torpedo|torpedoed|spurn|spurned|rebuff|rebuffed)",
        "rejected",
        party=True,
    ),
    # Walked away.
    _left(
        r"(?:withdraw\sfrom|withdraws\sfrom|withdrew\sfrom|withdrawn\sfrom|withdrawing\sfrom|withdrawal\sfrom"
        r"|pull\sout\sof|pulls\sout\sof|pulled\sout\sof|pulling\sout\sof|pull\sout\sfrom|pulled\sout\sfrom"
        r"|tear\sup|tears\sup|tore\sup|tearing\sup|rip\sup|rips\sup|ripped\sup|ripping\sup|cancel|cancels"
        r"|cancel+ed|cancel+ing|renege\son|reneges\son|reneged\son|reneging\son|repeal|repeals|repealed"
        r"|repealing|repeal\sof|walk\saway\sfrom|walked\saway\sfrom|walking\saway\sfrom|walks\saway\sfrom"
        r"|exit|exits|exited|exiting|exit\sfrom|abandon|abandons|abandoned|abandoning|scrap|scraps"
        r"|scrapped|scrapping|terminate|terminates|terminated|terminating|back\sout\sof|backed\sout\sof"
        r"|call\soff|calls\soff|called\soff|calling\soff|quit|quits|quitting|ditch|ditched|ditching"
        r"|dump|dumped|dumping|renounce|renounced|renouncing|leave|leaves|leaving)",
        "withdrawn",
        party=True,
    ),
    # Put forward.
    _left(
        r"(?:proposal|proposals|offer|offers|plan|plans|idea|call|calls|demand|demands|bid)\s(?:for|of)",
        "proposed",
        nominal=True,
    ),
    _left(
        r"(?:propose|proposes|proposed|proposing|offer|offers|offered"
        r"|offering|put\sforward|puts\sforward|putting\sforward|table|tabled|tabling|float|floated"
        r"|unveil|unveils|unveiled|unveiling|advocate|advocates|advocated|advocating|advocating\sfor"
        r"|advocated\sfor|draft|drafted|drafting|consider|considers|considered|considering|reconsider"
        r"|reconsidered|championed|champion)",
        "proposed",
        party=True,
    ),
    # There is (or will be) an agreement.
    _left(
        r"there\s(?:is|was|will\sbe|would\sbe|could\sbe|might\sbe|may\sbe|'s|has\sbeen|have\sbeen|had\sbeen"
        r"|are|were|would\s\w+ly\sbe|will\s\w+ly\sbe)",
        "agreed",
    ),
)
# Particles after the mention that complete a verb before it ("brought the agreement into force").
_PARTICLE_CUES: tuple[_Cue, ...] = (
    _particle(
        r"into\sforce|into\seffect",
        r"bring|brings|brought|bringing|put|puts|putting|enter|entered",
        "in_force",
    ),
    _particle(r"legally\sbinding", r"make|makes|made|making", "in_force"),
    _particle(
        r"to\s(?:pass|take\seffect|go\sinto\seffect|enter\sinto\sforce|be\sratified|be\sapproved|be\spassed"
        r"|become\slaw)",
        _LET,
        "in_force",
    ),
    _particle(
        r"(?:through|past)\s(?:congress|parliament|the\ssenate|the\shouse|the\slegislature)",
        r"steer|steered|steering|push|pushed|pushing|shepherd|shepherded|get|got|getting|guide|guided|rush"
        r"|rushed|ram|rammed|move|moved",
        "in_force",
    ),
    _particle(r"to\sbe\s(?:finali[sz]ed|signed|initiall?ed)", _LET, "signed"),
    _particle(r"to\sbe\s(?:reached|agreed|struck|concluded|sealed)", _LET + r"|for|wish|hope", "agreed"),
    _particle(
        r"in\splace", r"put|puts|putting|keep|keeps|kept|keeping|leave|left|remain|remains", "implemented"
    ),
    _particle(r"into\sexistence", r"usher|ushered|ushering|bring|brought|bringing|voted|vote", "agreed"),
    _particle(
        r"into\squestion|in\sdoubt|in\sjeopardy|at\srisk",
        r"put|puts|putting|call|calls|called|calling|throw|throws|threw|thrown|cast|casts|place|placed",
        "collapsed",
    ),
    _particle(r"on\shold|on\sice", r"put|puts|putting|placed|place|keep|kept", "suspended"),
    _particle(r"to\s(?:collapse|fail|fall\sapart|unravel)", _LET + r"|cause|caused|causing", "collapsed"),
    _particle(r"off", r"call|calls|called|calling", "withdrawn"),
)
# The mention as subject: "the accords have only been partially implemented".
_RIGHT_CUES: tuple[_Cue, ...] = (
    _right(
        r"(?:partially|partly|only\spartially|only\spartly)\s(?:implemented|fulfilled|carried\sout|respected"
        r"|honou?red)",
        "partially_implemented",
    ),
    _right(r"held\sup|on\shold|suspended|frozen|put\son\shold", "suspended"),
    _right(r"implemented|carried\sout|fulfilled|put\sin\splace|being\simplemented", "implemented"),
    _right(
        r"respected|honou?red|observed|adhered\sto|upheld|holding|held|holds|hold|largely\sheld", "respected"
    ),
    _right(r"violated|broken|breached|flouted|undermined|ignored", "violated"),
    _right(
        r"collaps(?:e|es|ed|ing)|f(?:a|e)ll(?:s|ing)?\sapart|fallen\sapart|unravel(?:l)?(?:s|ed|ing)?"
        r"|fray(?:s|ed|ing)?|began\sto\s(?:fray|unravel|collapse|crumble)|start(?:ed)?\sto\s(?:fray|unravel"
        r"|collapse|crumble)|fail(?:s|ed)?|broke\sdown|break(?:s)?\sdown|broken\sdown|crumbl(?:e|es|ed|ing)"
        r"|disintegrat(?:e|es|ed|ing)|dissolv(?:e|es|ed|ing)|expired|lapsed|ended",
        "collapsed",
    ),
    _right(
        r"enter(?:s|ed)?\sinto\sforce|enter\sinto\sforce|c(?:o|a)me(?:s)?\sinto\s(?:force|effect)"
        r"|take(?:s)?\seffect|took\seffect|taken\seffect|go(?:es)?\sinto\seffect|went\sinto\seffect"
        r"|gone\sinto\seffect|in\seffect|in\sforce|ratified|approved|passed|establish(?:ed|es)|created"
        r"|set\sup|govern(?:s|ed)?|ha(?:s|ve)\s(?:kept|contained|governed)",
        "in_force",
    ),
    _right(r"signed|co-signed|initiall?ed|inked|finali[sz]ed", "signed"),
    _right(
        r"reached|agreed|struck|sealed|concluded|adopted|brokered|announced|negotiated|secured"
        r"|hammered\sout|forged|clinched|finalized|in\sprinciple|came\stogether",
        "agreed",
    ),
    _right(r"rejected|voted\sdown|blocked|killed|vetoed|defeated|scuttled|turned\sdown", "rejected"),
    _right(
        r"cancel+ed|scrapped|repealed|terminated|abandoned|torn\sup|withdrawn|called\soff|revoked|annulled",
        "withdrawn",
    ),
    _right(
        r"proposed|offered|put\sforward|tabled|under\sconsideration|under\sdiscussion|on\sthe\stable"
        r"|being\sdrafted|floated",
        "proposed",
    ),
    _right(r"under\snegotiation|being\snegotiated|being\sdiscussed", "negotiating"),
)
# Adjectives inside the mention that state its stage ("the proposed EU-Turkey deal").
_NP_STATUS: dict[str, str] = {
    "proposed": "proposed",
    "draft": "proposed",
    "planned": "proposed",
    "prospective": "proposed",
    "suggested": "proposed",
    "tentative": "agreed",
    "provisional": "agreed",
    "preliminary": "agreed",
    "negotiated": "agreed",
    "brokered": "agreed",
    "agreed": "agreed",
    "signed": "signed",
    "failed": "collapsed",
    "collapsed": "collapsed",
    "broken": "violated",
    "violated": "violated",
    "existing": "in_force",
    "ratified": "in_force",
    "defunct": "withdrawn",
    "scrapped": "withdrawn",
    "cancelled": "withdrawn",
    "canceled": "withdrawn",
    "abandoned": "withdrawn",
    "rejected": "rejected",
}
# When a negation governs these stages, the stage turns into another rather than being denied:
# "would not allow the accord to pass" -> rejected; "not living up to an agreement" -> violated.
_NEGATED_STATUS_FLIPS = {"respected": "violated"}
# Denying passage is rejecting: "would not allow the accord to pass", "urged them not to pass the
# deal" (an intention) -- but "has not yet approved the agreement" is only not in force yet.
_NEGATED_PASSAGE = re.compile(r"\b(?:allow|allows|let|lets)\b|\bnot\sto\s(?:pass|approve|ratify)\b")
# How far along a stage is, for the stage an article "establishes" for an agreement.
_LIFECYCLE = {
    "proposed": 1,
    "negotiating": 2,
    "agreed": 3,
    "signed": 4,
    "in_force": 5,
    "implemented": 6,
    "partially_implemented": 6,
}

# =============================================================================================
# Modality markers
# =============================================================================================

_QUESTION_WORDS = re.compile(
    r"\b(?:whether|to\ssee\sif|asks?\sif|asked\sif|wonders?\sif|wondered\sif|know\sif)\b"
)
# A condition opens before the mention and has not closed: at most two commas (an apposition)
# between the subordinator and the mention.
_CONDITION = re.compile(
    r"\b(?:if|unless|until|provided|as\slong\sas|in\scase)\b(?P<rest>[^,;:]*(?:,[^,;:]*){0,2})$"
)
_WHEN_CONDITION = re.compile(r"(?:^|\s)when\b(?P<rest>[^,;:]*(?:,[^,;:]*){0,2})$")
_AFTER_CONDITION = re.compile(r"^[^,;:]*?\b(?:until|unless|if|when|once|provided)\b")
_PAST_VERB = re.compile(r"\b(?:was|were|did|had|\w{3,}ed)\b")
_FUTURE_OR_MODAL = re.compile(r"\b(?:will|would|wo|'ll|shall|can|could|may|might)\b")
_NEGATION_BEFORE = re.compile(
    r"(?:\b(?:not|never|no\slonger|cannot|nor)|n't|\bfail(?:s|ed|ing)?\sto|\brefus(?:e|es|ed|ing)\sto"
    r"|\bfailed\s(?:attempts?|efforts?|bids?)\sto)"
    r"(?:\s(?:\w+ly|be|been|have|has|had|to|even|yet|ever|once|again|first|going|able))*\s$"
)
_HOPED = re.compile(
    r"\b(?:hope|hopes|hoped|hoping|hopeful|wish|wishes|wished|want|wants|wanted|wanting|urge|urges|urged"
    r"|urging|demand|demands|demanded|demanding|call(?:s|ed|ing)?\s(?:on|upon|for)|promise|promises|promised"
    r"|promising|vow|vows|vowed|vowing|pledge|pledges|pledged|pledging|swore|swear|swears|sworn|intend"
    r"|intends|intended|aim|aims|aimed|goal\s(?:\S+\s){0,4}is\sto|must|should|insist|insists|insisted|ask|asks|asked"
    r"|asking|ensure|ensures|ensuring|seek|seeks|seeking|sought|pushing\sto|push\sto|pushes\sto|pushed\sto"
    r"|determined\sto|committed\sto|need\sto|needs\sto|require|requires|required|requiring|looking\sfor\sways"
    r"|wish\sfor|would\slike|i\swill|we\swill|i'll|we'll|let's|desire|desired)\b"
)
_POSSIBLE = re.compile(
    r"\b(?:may|might|could|can|likely|unlikely|possibly|possible|perhaps|probably|expect|expects|expected"
    r"|expecting|fear|fears|feared|fearing|worry|worries|worried|would|potential|potentially|risk|prospect"
    r"|chance|open\sto|able\sto|suggest|suggests|suggested)\b"
)
# "announced that the country would withdraw": the future of reported speech, not a hypothesis.
_REPORTED_FUTURE = re.compile(
    r"\b(?:said|says|told|announced|announces|added|stated|confirmed|declared|insisted)\s(?:that\s)?"
    r"(?:\S+\s){1,4}?would\b"
)
_IMPERATIVE_START = _words(
    "stop sign reject block scrap approve ratify pass kill end save ditch honor honour respect"
)

# Clause boundaries for modality scope: a semicolon, a colon, a dash, or "but".
_CLAUSE_BREAK = _words("; : — – -- but which who whom whose")


# =============================================================================================
# Per-mention working record
# =============================================================================================


@attrs.define
class _Mention:
    """A mention while it is being analysed (mutable; becomes an `AgreementFinding`)."""

    sentence: Sentence
    tokens: list[_Tok]
    first: int
    head_first: int
    head_last: int
    last: int
    family: str
    plural: bool
    headline: bool
    det: str | None = None
    name: str | None = None
    kind: str | None = None
    weak_kind: str | None = None
    parties: list[str] = attrs.Factory(list)
    subject_parties: list[str] = attrs.Factory(list)
    agent_parties: list[str] = attrs.Factory(list)
    date: str | None = None
    location: str | None = None
    status: str | None = None
    cue: str | None = None
    modality: str = "asserted"
    hit: _Hit | None = None
    establishes: bool = False
    generic: bool = False
    novel: bool = False
    chain: int = -1

    @property
    def start(self) -> int:
        return self.tokens[self.first].start

    @property
    def end(self) -> int:
        return self.tokens[self.last].end

    @property
    def definite(self) -> bool:
        return self.det not in _INDEFINITE and not (self.det is None and not self.headline and self.plural)


@attrs.define
class _Chain:
    """Coreferent mentions of one agreement and what they share."""

    index: int
    mentions: list[_Mention] = attrs.Factory(list)
    name: str | None = None
    kind: str | None = None
    parties: list[str] = attrs.Factory(list)
    date: str | None = None
    location: str | None = None
    # Summaries kept up to date by `add`, so that linking stays linear in the number of mentions.
    explicit: int = 0
    existing: int = 0
    negated: int = 0
    generic: int = 0
    plural: bool = False
    headline: bool = False

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        if m.status is not None:
            self.explicit += 1
            hoped_for = m.status in ("agreed", "signed") and m.modality != "asserted"
            if m.status not in ("proposed", "negotiating") and not hoped_for:
                self.existing += 1
        self.negated += m.modality == "negated"
        self.generic += m.generic
        self.plural = self.plural or m.plural
        self.headline = self.headline or m.headline

    @property
    def all_generic(self) -> bool:
        return self.generic == len(self.mentions)

    @property
    def prospective(self) -> bool:
        """True while the article only proposes, negotiates, hopes for or doubts the agreement:
        no mention says it exists. Mentions whose clause says nothing about status are neutral."""
        return self.explicit > 0 and self.existing == 0

    @property
    def negated_only(self) -> bool:
        return self.negated == len(self.mentions)


# =============================================================================================
# The extractor
# =============================================================================================


@attrs.frozen
class AgreementsExtractor:
    """Finds mentions of agreements, ceasefires and deals with kind, parties, status and modality."""

    name: ClassVar[str] = "agreements"
    requires: ClassVar[tuple[str, ...]] = ("dates",)
    finding_type: ClassVar[type[AgreementFinding]] = AgreementFinding
    config: AgreementsConfig = attrs.field(factory=AgreementsConfig)

    def __call__(
        self, article: Article, document: Document, found: Mapping[str, tuple[Finding, ...]]
    ) -> list[AgreementFinding]:
        dates = tuple(found.get("dates", ()))
        findings: list[AgreementFinding] = []
        next_id = 1
        main = _Analysis(document, dates)
        chains = main.run()
        findings.extend(self._findings(main, chains, next_id))
        next_id += len(chains)
        if self.config.side_texts:
            for side in document.side_documents():
                analysis = _Analysis(side, ())
                side_chains = analysis.run()
                findings.extend(self._findings(analysis, side_chains, next_id))
                next_id += len(side_chains)
        return findings

    def _findings(self, analysis: _Analysis, chains: list[_Chain], first_id: int) -> list[AgreementFinding]:
        results = []
        for chain in chains:
            chain_id = f"a{first_id + chain.index}"
            for m in chain.mentions:
                kind = m.kind or chain.kind or m.weak_kind or "other"
                if kind in self.config.exclude_kinds or (m.generic and not self.config.include_generic):
                    continue
                text = analysis.text[m.start : m.end]
                results.append(
                    AgreementFinding(
                        extractor=self.name,
                        start=m.start,
                        end=m.end,
                        text=text,
                        field=analysis.document.field,
                        name=m.name or chain.name,
                        kind=kind,
                        parties=tuple(chain.parties),
                        date=chain.date,
                        location=chain.location,
                        status=m.status or "unknown",
                        modality=m.modality,
                        id=chain_id,
                        cue=m.cue,
                        generic=m.generic,
                    )
                )
        results.sort(key=lambda f: f.start)
        return results

    def summarize(self, article: Article, findings: tuple[Finding, ...]) -> tuple[dict[str, Any], ...]:
        """One entry per agreement (chain): its name, kind, parties, date, location, the last
        status the article asserts (None when it only hopes, expects or asks) and its mention count."""
        by_id: dict[str, dict[str, Any]] = {}
        for finding in findings:
            if not isinstance(finding, AgreementFinding):
                continue
            entry = by_id.setdefault(
                finding.id,
                {
                    "id": finding.id,
                    "name": finding.name,
                    "kind": finding.kind,
                    "parties": finding.parties,
                    "date": finding.date,
                    "location": finding.location,
                    "status": None,
                    "mentions": 0,
                },
            )
            entry["mentions"] += 1
            entry["name"] = entry["name"] or finding.name
            if finding.modality == "asserted" and finding.status != "unknown":
                entry["status"] = finding.status
        # Tuples, as `Article.from_dict` rebuilds them, so that results round-trip unchanged.
        return tuple(by_id.values())


@hookimpl
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    register(AgreementsExtractor())


# =============================================================================================
# The analysis of one document
# =============================================================================================


_NAME_RUN_WORD = r"(?<![\p{L}'’.-])\p{Lu}(?:[\p{L}'’-]+|\.)[ \t]+"


@functools.lru_cache(maxsize=1024)
def _name_ending_in(surname: str) -> regex.Pattern[str]:
    """One to four capitalised words before `surname` ("Recep Tayyip Erdogan"), compiled once."""
    return regex.compile(rf"(?:{_NAME_RUN_WORD}){{1,4}}{regex.escape(surname)}(?![\p{{L}}'’-])")


class _Analysis:
    """Mentions, attributes and chains of one text (the article's or a side text's)."""

    def __init__(self, document: Document, dates: Sequence[Finding]) -> None:
        self.document = document
        self.text = document.text
        self.dates = sorted(
            (d for d in dates if getattr(d, "field", "text") == document.field), key=lambda d: d.start
        )
        self._date_starts = [d.start for d in self.dates]
        self._contains: dict[str, bool] = {}
        self._people: dict[str, str] = {}
        self._tokens: dict[int, list[_Tok]] = {}
        self._headline: dict[int, bool] = {}

    # -- helpers ---------------------------------------------------------------------------

    def tokens(self, sentence: Sentence) -> list[_Tok]:
        cached = self._tokens.get(sentence.index)
        if cached is None:
            cached = _tokenize(sentence.text, sentence.start)
            self._tokens[sentence.index] = cached
        return cached

    def headline(self, sentence: Sentence, tokens: list[_Tok]) -> bool:
        """Titles and headings, and sentences written in title case, do not mark names by capitals."""
        cached = self._headline.get(sentence.index)
        if cached is None:
            words = [t for t in tokens if t.text[:1].isalpha()]
            capitals = sum(1 for t in words if t.text[:1].isupper())
            cached = sentence.kind in ("title", "heading") or (
                len(words) >= 4 and capitals >= 0.7 * len(words)
            )
            self._headline[sentence.index] = cached
        return cached

    # -- the passes ------------------------------------------------------------------------

    def run(self) -> list[_Chain]:
        mentions = self.find_mentions()
        for m in mentions:
            self.describe(m)
        for m in mentions:
            self.set_status(m)
        self.inherit(mentions)
        chains = self.link(mentions)
        self.share(chains)
        return chains

    # -- pass 1: mentions ------------------------------------------------------------------

    def find_mentions(self) -> list[_Mention]:
        mentions: list[_Mention] = []
        for match in _HEAD.finditer(self.text):
            if match.start() > 0 and self.text[match.start() - 1] == "-":
                continue  # "pre-agreement", "Anti-TPP": part of another word
            sentence = self.document.sentence_at(match.start())
            if sentence is None or match.end() > sentence.end:
                continue
            tokens = self.tokens(sentence)
            head_first = _token_at(tokens, match.start())
            head_last = _token_ending(tokens, match.end(), head_first)
            if head_first < 0 or head_last < 0:
                continue
            family, plural = _family(match.group())
            headline = self.headline(sentence, tokens)
            if not _accept(family, tokens, head_first, head_last):
                continue
            first, det = _extend_left(tokens, head_first)
            last = _extend_right(tokens, head_last, family, headline)
            mention = _Mention(
                sentence=sentence,
                tokens=tokens,
                first=first,
                head_first=head_first,
                head_last=head_last,
                last=last,
                family=family,
                plural=plural,
                headline=headline,
                det=det,
            )
            mentions.append(mention)
        return _drop_nested(mentions)

    # -- pass 2: local attributes ----------------------------------------------------------

    def describe(self, m: _Mention) -> None:
        tokens = m.tokens
        inside = tokens[m.first : m.last + 1]
        words = [t.low for t in inside]
        head_low = " ".join(t.low for t in tokens[m.head_first : m.head_last + 1])
        m.generic = _is_generic(m)
        m.novel = any(w in _NOVELTY for w in words[: m.head_first - m.first])
        m.name = _name_of(m, head_low, self.text)
        # "Union" in "the European Union's deal" is not a trade union.
        words = [
            t.low for t in inside if not (t.low in _COMMON_NOUN_KIND_WORDS and _is_cap(t) and not m.headline)
        ]
        m.kind = self.kind_of(m, head_low, words)
        m.parties = self.parties_in(m)
        if not m.parties:
            m.parties = self.parties_in_purpose(m)
        if m.kind is None:
            m.weak_kind = self.context_kind(m)
        m.date = self.date_in(m)
        m.location = self.location_of(m)

    def kind_of(self, m: _Mention, head_low: str, words: list[str]) -> str | None:
        if m.family == "ceasefire":
            return "ceasefire"
        if m.family == "plan":
            return "peace"
        known = _KNOWN_NAMES.get(head_low) or _KNOWN_NAMES.get((m.name or "").lower())
        premodifiers = words[: m.head_first - m.first]
        kind = _best_kind(_with_compounds(words))
        if kind is None and known is not None:
            kind = known[0]
        if kind is None:
            for t in m.tokens[m.first : m.head_first]:
                named = _NAMED_KINDS.get(t.low)
                if named and (_is_cap(t) or t.low == "eu-turkey"):
                    kind = named
                    break
        if kind is None and m.family == "contract":
            kind = "other"
        if kind is None and m.family == "treaty" and "friendship" in words:
            kind = "political"
        if (
            kind in (None, "political")
            and "political" in premodifiers
            and m.family in ("settlement", "deal", "solution")
        ):
            kind = "peace"  # a political settlement of a conflict (GUIDELINES §3)
        if kind == "political" and "peace" in premodifiers:
            kind = "peace"
        if kind is None and m.name is not None and m.family in ("treaty", "convention", "protocol"):
            kind = "other"  # "other treaties such as the Geneva Conventions"
        return kind

    def context_kind(self, m: _Mention) -> str | None:
        """A kind suggested by the clause around the mention, when the mention itself has none:
        what follows it ("a deal to eliminate Syria's chemical arsenal"), then what precedes it
        in its clause, then who the parties are ("a deal with congressional leaders")."""
        kind = _best_kind((t.low for t in self.right_context(m, 10)), _CONTEXT_KIND_WORDS)
        if kind is None and any(_POLITICAL_PARTY.search(p) for p in m.parties):
            kind = "political"
        if kind is None:
            start = _clause_start(m.tokens, m.first)
            kind = _best_kind((t.low for t in m.tokens[start : m.first]), _CONTEXT_KIND_WORDS)
        if kind is None and m.family == "settlement":
            kind = "legal"
        return kind

    def right_context(self, m: _Mention, limit: int) -> list[_Tok]:
        """Tokens after the mention up to the end of its clause or the next agreement noun,
        which is included ("a deal with Russia for a cease-fire")."""
        out = []
        for offset, t in enumerate(m.tokens[m.last + 1 : m.last + 1 + limit]):
            if t.low in (";", ":", "—", ".", "?", "!", ","):
                break
            if _HEAD.fullmatch(t.text):
                if offset <= 3:
                    out.append(t)  # "a deal with Russia for a cease-fire"
                break
            out.append(t)
        return out

    def parties_in(self, m: _Mention) -> list[str]:
        """Parties named inside the mention: its possessor ("Pfizer's deal"), country words before
        the head ("the EU-Turkey deal", "the Iran deal") and "with"/"between" objects."""
        tokens = m.tokens
        parties: list[str] = []
        for i in range(m.first + 1, m.head_first):
            owner = tokens[i - 1]
            named_body = (
                owner.low in _PARTY_NOUNS and i >= 2 and _is_cap(tokens[i - 2])
            )  # "the Obama administration's"
            if tokens[i].low == "'s" and (_is_cap(owner) or named_body) and not _is_time_word(owner.low):
                start = i - 1
                while (
                    start > m.first
                    and _is_cap(tokens[start - 1])
                    and tokens[start - 1].low not in _DETERMINERS
                ):
                    start -= 1
                parties.append(_join(tokens[start:i]))
        if m.family != "plan":  # "a Senegalese peace plan" names who proposed it, not a party
            for i in range(m.first, m.head_first):
                parties.extend(_country_words(tokens, i))
        i = m.head_last + 1
        while i <= m.last:
            if tokens[i].low in ("with", "between", "among"):
                end = _phrase_end(tokens, i + 1, tokens[i].low)
                parties.extend(_split_parties(tokens[i + 1 : min(end, m.last + 1)]))
                i = end
            else:
                i += 1
        return _dedupe(self.resolve(p) for p in parties if p)

    def parties_in_purpose(self, m: _Mention) -> list[str]:
        """The sides of the conflict or dispute a deal is to end: "a deal to end the
        Israeli-Palestinian conflict" -> Israel, Palestinians."""
        for t in self.right_context(m, 8):
            if "-" in t.text and t.text[:1].isupper():
                parts = t.text.split("-")
                if len(parts) == 2 and all(_is_country_word(p) for p in parts):
                    return _dedupe(self.resolve(p) for p in parts)
        return []

    def resolve(self, party: str) -> str:
        """The fullest form of a party the article uses: capitals and demonym adjectives become
        countries ("Tehran" -> Iran), acronyms their expansion when the article spells it out,
        people their fullest name without titles ("Putin" -> Vladimir Putin)."""
        words = party.split()
        while words and words[0].lower() in ("the", "both"):
            words = words[1:]
        party = " ".join(words)
        if not party:
            return party
        country = lexicon.country_of(party)
        if country is not None:
            name, how = country
            if how == "demonym" and party.endswith("s") and " " not in party:
                return party  # a people as written: "the Palestinians", "Israelis"
            if how == "demonym" and not self.names_country(name):
                # "Israeli-Palestinian" in an article that never says "Palestine": the people.
                people = self.people_of(name)
                if people is not None:
                    return people
            return self.country_form(name)
        organisation = lexicon.known_organisation(party)
        if organisation is not None:
            if organisation.country is not None and party.lower() not in ("congress", "senate"):
                return self.country_form(organisation.country)
            return organisation.name if self.contains(organisation.name) else party
        if party.isupper() and 2 <= len(party) <= 6 and party.isalpha():
            return self.expand_acronym(party)
        for word in words:
            known = lexicon.known_organisation(word)
            if known is not None and known.country is None and len(words) > 1 and word[:1].isupper():
                return word  # "the pro-Iranian Hizbollah group" -> Hizbollah
        if not party[:1].isupper():
            return party  # "state lawmakers", "nearly 200 countries"
        return self.person_form(words)

    def contains(self, word: str) -> bool:
        """Whether the text has `word` as a whole word (cached: the text is read once per word)."""
        found = self._contains.get(word)
        if found is None:
            found = self._contains[word] = _contains_word(self.text, word)
        return found

    def names_country(self, name: str) -> bool:
        for country in lexicon.COUNTRIES:
            if country.name == name:
                return any(self.contains(form) for form in (country.name, *country.aliases))
        return self.contains(name)

    @staticmethod
    def people_of(name: str) -> str | None:
        for country in lexicon.COUNTRIES:
            if country.name == name:
                return next((d for d in country.demonyms if d.endswith("s")), None)
        return None

    def country_form(self, name: str) -> str:
        """The country's usual name when the article uses it, else the longest form it uses
        ("Britain" in an article that never says "United Kingdom")."""
        if self.contains(name):
            return name
        for country in lexicon.COUNTRIES:
            if country.name == name:
                present = [a for a in country.aliases if self.contains(a)]
                if present:
                    return max(present, key=len)
                break
        return name

    def expand_acronym(self, acronym: str) -> str:
        """Expand "DNC" to "Democratic National Committee" when the article spells it out."""
        if acronym in self._people:
            return self._people[acronym]
        pattern = (
            r"\b" + r"\s+(?:(?:of|for|and|the|on)\s+)?".join(rf"{c}[\p{{Ll}}]+" for c in acronym) + r"\b"
        )
        found = regex.search(pattern, self.text)
        self._people[acronym] = found.group() if found else acronym
        return self._people[acronym]

    def person_form(self, words: list[str]) -> str:
        """A name without its titles and roles, as fully as the article gives it: the longest
        run of capitalised words the text ends with the same surname ("Putin" -> Vladimir Putin).

        This reads the text directly rather than `Document.mentions`, so the extractor stays
        cheap and its output does not depend on which other extractors ran."""
        name = _clean_name(words)
        if len(name) > 1 and name != words:
            return " ".join(name)
        surname = name[-1]
        if not _NAME_WORD.fullmatch(surname):
            return " ".join(name)
        key = " ".join(name)
        if key not in self._people:
            self._people[key] = " ".join(self.fullest(name, surname))
        return self._people[key]

    def fullest(self, name: list[str], surname: str) -> list[str]:
        """The longest run of name words the text ends with `surname`."""
        best = name
        for found in _name_ending_in(surname).finditer(self.text):
            candidate = _clean_name(found.group().split())
            while (candidate and not _NAME_WORD.fullmatch(candidate[0])) or (
                candidate and candidate[0].lower() in lexicon.FUNCTION_WORDS
            ):
                candidate = candidate[1:]
            if (
                candidate
                and candidate[-1] == surname
                and len(candidate) > len(best)
                and len(candidate) <= 4
                and all(_NAME_WORD.fullmatch(w) and lexicon.country_of(w) is None for w in candidate[:-1])
            ):
                best = candidate
        return best

    def date_in(self, m: _Mention) -> str | None:
        """A date inside the mention ("of 2018", "last year's", "the 1994 deal")."""
        for d in self.dates_between(m.start, m.end):
            if d.end - d.start < m.end - m.start and not (m.name and self.text[d.start : d.end] in m.name):
                return _timex_value(d)  # not the "Friday" of "Good Friday Agreement"
        if not self.dates:
            for t in m.tokens[m.first : m.last + 1]:
                if _YEAR.fullmatch(t.text):
                    return t.text
        return None

    def dates_between(self, start: int, end: int) -> list[Finding]:
        first = bisect.bisect_left(self._date_starts, start)
        last = bisect.bisect_left(self._date_starts, end)
        return [d for d in self.dates[first:last] if d.end <= end and _timex_value(d)]

    def location_of(self, m: _Mention) -> str | None:
        """ "agreed in Sochi" after the mention, or a place premodifier the article puts "in"."""
        right = m.tokens[m.last + 1 : m.last + 8]
        words = [t.low for t in right]
        for i, w in enumerate(words[:-1]):
            if w in _AGREED_PARTICIPLES and i <= 1:
                for j in range(i + 1, min(len(right) - 1, i + 4)):
                    if right[j].low == "in" and _is_cap(right[j + 1]) and not _is_time_word(right[j + 1].low):
                        return right[j + 1].text
        for t in m.tokens[m.first : m.head_first]:
            word = t.text
            if (
                _is_cap(t)
                and not m.headline
                and not _is_country_word(word)
                and lexicon.known_organisation(word) is None
                and word.lower() not in lexicon.FUNCTION_WORDS
                and self.contains("in " + word)
            ):
                return word
        return None

    # -- pass 3: status and modality -------------------------------------------------------

    def set_status(self, m: _Mention) -> None:
        """The status cue of the mention's clause, the modality around it, and what the cue's
        verb tells about parties and date."""
        tokens = m.tokens
        left_tokens = tokens[_clause_start(tokens, m.first) : m.first]
        left = " ".join(
            _scope_word(left_tokens, k) for k in range(max(0, len(left_tokens) - _SCOPE), len(left_tokens))
        )
        right_tokens = tokens[m.last + 1 : m.last + 14]
        right = " ".join(t.low for t in right_tokens)
        hit = self.find_cue(m, left_tokens, left, right)
        m.hit = hit
        if hit.position == "left" and hit.cue is not None and hit.cue.status in ("agreed", "signed"):
            self.place_of_making(m)
        if hit.cue is not None:
            m.status = hit.cue.status
            m.cue = hit.text
            if hit.position == "left" and hit.cue.party_subject and not hit.text.startswith("to "):
                m.subject_parties = self.subject_parties(m, left_tokens, hit.text)
        elif hit.position == "np":
            m.status = _NP_STATUS.get(hit.text)
            m.cue = hit.text
        if hit.cue is not None and hit.cue.status in _MAKING and hit.position in ("left", "right"):
            self.parties_after_verb(m, hit, right_tokens)
        m.modality = self.modality(m, hit, left)
        if (
            m.status in ("agreed", "signed")
            and m.modality == "asserted"
            and hit.position in ("left", "right")
        ):
            # Only an agreement the article says was made has a date of making.
            self.date_from_clause(m, right_tokens, left_tokens if hit.position == "left" else ())
        if m.modality == "negated" and m.status is not None:
            # Some stages turn into others when denied rather than being denied themselves.
            flipped = _NEGATED_STATUS_FLIPS.get(m.status)
            if m.status == "in_force" and _NEGATED_PASSAGE.search(_last_words(left, 4) + " " + hit.text):
                flipped = "rejected"
            if flipped:
                m.status = flipped
                m.modality = self.modality(m, hit, _strip_negation(left), negation=False)
        m.establishes = (
            hit.cue is not None and not hit.cue.weak and not hit.text.split()[-1].endswith("ing")
        ) or hit.position == "np"

    def parties_after_verb(self, m: _Mention, hit: _Hit, right_tokens: list[_Tok]) -> None:
        """Parties the verb names after the mention: "a deal reached with Iran in July", "signed
        an accord on Friday with Ukraine"; and, kept apart, the agents of a passive ("a treaty
        ratified by 196 nations"), used only when nothing else names the parties."""
        rest = right_tokens
        if hit.position == "right":
            if hit.aux and not hit.text.split()[-1].endswith("ed"):
                return
            rest = right_tokens[len(hit.text.split()) :]
        while rest and (rest[0].low in _TIME_WORDS or rest[0].low in ("on", "last", "late", "early", "also")):
            rest = rest[1:]
        if not rest:
            return
        if rest[0].low in ("with", "between"):
            phrase = rest[1 : _phrase_end(rest, 1, rest[0].low)]
            m.parties.extend(
                p for p in (self.resolve(x) for x in _split_parties(phrase)) if p not in m.parties
            )
        elif (
            rest[0].low == "by"
            and hit.position == "right"
            and hit.cue is not None
            and hit.cue.status != "agreed"
        ):
            phrase = rest[1 : _phrase_end(rest, 1, "with")]
            m.agent_parties = _dedupe(self.resolve(x) for x in _split_parties(phrase))

    def place_of_making(self, m: _Mention) -> None:
        """ "signed a ceasefire agreement in Doha": the place belongs to the signing, so it leaves
        the span and becomes the location."""
        tokens = m.tokens
        for i in range(m.head_last + 1, m.last):
            if tokens[i].low == "in" and _is_cap(tokens[i + 1]) and not _is_time_word(tokens[i + 1].low):
                place = [t for t in tokens[i + 1 : m.last + 1] if _is_cap(t)]
                if len(place) == m.last - i and not _is_country_word(place[0].text):
                    m.location = m.location or _join(place)
                    m.last = i - 1
                return

    def find_cue(self, m: _Mention, left_tokens: list[_Tok], left: str, right: str) -> _Hit:
        """The first cue that governs the mention: a particle completing a verb before it, a verb
        it is the object of, an adjective inside it, or a predicate it is the subject of."""
        for cue in _PARTICLE_CUES:
            found = cue.pattern.match(right)
            if found and cue.governor is not None and cue.governor.search(left):
                return _Hit(cue, "particle", found.group(), before=left)
        left_hit: _Hit | None = None
        # A left cue ends where the mention begins: only the last words can hold it.
        tail_start = _tail_offset(left, 9)
        tail = left[tail_start:] + " "
        for cue in _LEFT_CUES:
            found = cue.pattern.search(tail)
            if found and cue.new_only and (m.name is not None or (m.definite and not m.novel)):
                continue
            if found:
                before = left[: tail_start + found.start("verb")].rstrip()
                left_hit = _Hit(cue, "left", found.group().strip(), before=before)
                if cue.nominal:
                    # "rejected Saddam Hussein's proposal for a cease-fire": the verb before the
                    # proposal governs what happened to the ceasefire.
                    outer = _strip_noun_phrase(before)
                    for outer_cue in _LEFT_CUES:
                        outer_found = outer_cue.pattern.search(outer + " ")
                        if outer_found and outer_cue.status in ("rejected", "agreed", "withdrawn", "signed"):
                            left_hit = _Hit(
                                outer_cue,
                                "left",
                                outer_found.group().strip(),
                                before=outer[: outer_found.start("verb")].rstrip(),
                            )
                            break
                break
        np_word = self.np_status_word(m)
        if np_word is not None and (left_hit is None or left_hit.cue is None or left_hit.cue.weak):
            return _Hit(None, "np", np_word, before=left)
        if left_hit is not None:
            return left_hit
        object_position = _object_position(left_tokens)
        for cue in _RIGHT_CUES:
            found = cue.pattern.match(right)
            if found and (not object_position or not found.group("aux")):
                return _Hit(cue, "right", found.group().strip(), aux=found.group("aux").strip(), before=left)
        if right.startswith(", "):
            # "The accord, reached in Geneva on Saturday, ...": a participle set off by commas.
            for cue in _RIGHT_CUES:
                found = cue.pattern.match(right[2:])
                if found and not found.group("aux") and found.group("verb").endswith("ed"):
                    after = right[2 + found.end() :].split(" ", 1)[0]
                    if after in _AFTER_PARTICIPLE or _is_time_word(after):
                        # The main verb after the participle phrase says more: "The ceasefire,
                        # brokered by Egypt, largely held overnight."
                        close = right.find(" , ", 2)
                        if 0 <= close <= 80:
                            for main in _RIGHT_CUES:
                                predicate = main.pattern.match(right[close + 3 :])
                                if predicate:
                                    aux = predicate.group("aux").strip()
                                    return _Hit(
                                        main, "right", predicate.group().strip(), aux=aux, before=left
                                    )
                        return _Hit(cue, "right", found.group().strip(), before=left)
                    break  # "..., offered her firmest promise": a main verb, not a participle
        return _Hit(None, "", before=left)

    def np_status_word(self, m: _Mention) -> str | None:
        """An adjective inside the mention that states its stage ("proposed", "UN-brokered")."""
        for t in m.tokens[m.first : m.head_first]:
            if t.low in _NP_STATUS:
                return t.low
            if "-" in t.low:
                last = t.low.rsplit("-", 1)[1]
                if last in ("brokered", "negotiated", "signed"):
                    return last
        return None

    def modality(self, m: _Mention, hit: _Hit, left: str, *, negation: bool = True) -> str:
        """How the mention's clause presents its status (GUIDELINES §3 ``modality``)."""
        if self.in_question(m):
            return "question"
        if m.det == "no":
            return "negated"
        if hit.cue is None and hit.position != "np":
            # No verb speaks of the agreement: only an embedded question or a bare negation
            # ("isn't due to bad deals") changes a presupposed existence.
            if left.endswith((" whether", " if")) or left in ("whether", "if"):
                return "question"
            if (
                negation
                and _NEGATION_BEFORE.search(_last_words(left, 6) + " ")
                and not _has_verb_between(left)
            ):
                return "negated"
            return "asserted"
        before = hit.before
        if _QUESTION_WORDS.search(before):
            return "question"
        if _CONDITION.search(before):
            return "conditional"
        when = _WHEN_CONDITION.search(before)
        if when and not _PAST_VERB.search(when.group("rest") + " " + hit.aux):
            return "conditional"
        if (
            hit.position == "right"
            and _FUTURE_OR_MODAL.search(hit.aux)
            and _AFTER_CONDITION.search(self.text[m.end : m.sentence.end].lower())
        ):
            return "conditional"  # "will not take effect until 55 countries ..."
        if negation:
            if hit.position == "right" and _NEGATION_WORD.search(hit.aux):
                return "negated"
            if hit.position == "left" and _NEGATION_BEFORE.search(_last_words(before, 6) + " "):
                return "negated"
            if hit.position in ("particle", "np"):
                # The verb before the mention carries the negation: "would not allow the accord to pass".
                words = before.split()
                if _NEGATION_BEFORE.search(" ".join(words[-6:-1]) + " ") or _NEGATION_BEFORE.search(
                    _last_words(before, 6) + " "
                ):
                    return "negated"
        # The cue itself may be the wish ("demanded a truce", "seek a deal").
        scope = before + " " + (hit.text if hit.position == "left" else hit.aux)
        clause = left.split()
        if clause and clause[0] in ('"', "“", "'", "‘"):
            clause = clause[1:]
        if clause and clause[0] in _IMPERATIVE_START:
            return "hoped"  # a clause that opens with a bare verb is a call: "Stop TTIP!"
        if _HOPED.search(scope) or "( i hope )" in scope:
            return "hoped"
        possible = _POSSIBLE.search(scope)
        if possible and not (possible.group() == "would" and _REPORTED_FUTURE.search(scope)):
            return "possible"
        return "asserted"

    def in_question(self, m: _Mention) -> bool:
        """Whether the mention stands in a direct question ("Will the deal collapse?")."""
        if m.sentence.end - m.end > 300:
            return False
        after = self.text[m.end : m.sentence.end].rstrip(" \"'”’»)]")
        return after.endswith("?") and "." not in after[:-1].replace("U.S.", "").replace("Mr.", "")

    def subject_parties(self, m: _Mention, left_tokens: list[_Tok], cue_text: str) -> list[str]:
        """The subject of the verb that made, signed or broke the agreement: "Bosnia and Slovenia
        agreed to a ceasefire" -> Bosnia, Slovenia; "X accused Y of violating the truce" -> X, Y."""
        i = len(left_tokens) - len(cue_text.split()) - 1
        parties: list[str] = []
        # "X has accused Y of violating ...", "X are guilty of violating ...".
        if (
            i >= 3
            and left_tokens[i].low == "of"
            and (left_tokens[i - 2].low, left_tokens[i - 1].low)
            in (
                ("each", "other"),
                ("one", "another"),
            )
        ):
            i -= 3  # "X and Y have accused each other of breaking the deal": the subject is the parties
            if i >= 0 and left_tokens[i].low in ("accused", "accuse", "accuses", "blamed", "blame"):
                i -= 1
        elif i >= 1 and left_tokens[i].low == "of":
            j = i - 1
            while j >= 0 and (
                _is_cap(left_tokens[j]) or left_tokens[j].low in _PARTY_NOUNS or left_tokens[j].low == "the"
            ):
                j -= 1
            accused = left_tokens[j + 1 : i]
            if j >= 0 and left_tokens[j].low in (
                "accused",
                "accuses",
                "accusing",
                "accuse",
                "blamed",
                "blames",
            ):
                parties.extend(_split_parties(accused))
                i = j - 1
            elif (
                j >= 1
                and left_tokens[j].low == "guilty"
                and left_tokens[j - 1].low in ("are", "is", "were", "was")
            ):
                i = j - 2
            else:
                return []
        # Skip auxiliaries, adverbs, negation, control verbs ("failed to", "helped"), times.
        skipped = " ".join(t.low for t in left_tokens[: i + 1])
        time_phrase = _TIME_PHRASE.search(skipped)
        if time_phrase:
            i -= len(time_phrase.group().split())
        while i >= 0:
            low = left_tokens[i].low
            if low in _SUBJECT_SKIP or low.endswith("ly") or low in _TIME_WORDS:
                i -= 1
            elif low == "to" and i > 0 and left_tokens[i - 1].low in _CONTROL_VERBS:
                i -= 2
            elif (
                low in ("on", "last", "this")
                and i + 1 < len(left_tokens)
                and left_tokens[i + 1].low in _TIME_WORDS
            ):
                i -= 1
            elif low == ")":
                while i >= 0 and left_tokens[i].low != "(":
                    i -= 1
                i -= 1  # "Gov. Jerry Brown (D) announced ..."
            else:
                break
        end = i
        if end >= 0 and left_tokens[end].low in ("and", "or", ","):
            return _dedupe(self.resolve(p) for p in parties)  # "... reopened an embassy and sealed a pact"
        while i >= 0:
            t = left_tokens[i]
            if (
                _is_cap(t)
                or t.low in ("and", "the", "both", "&")
                or t.low in _PARTY_NOUNS
                or t.text[:1].isdigit()
                or (
                    t.low in ("in", "of")
                    and 0 < i < end
                    and _is_cap(left_tokens[i + 1])
                    and left_tokens[i - 1].low in _PARTY_NOUNS
                )
                or (t.low in ("nearly", "almost", "about", "some", "more", "than", "over") and i < end)
                or t.low.endswith(("-based", "-backed"))
                or (t.text[:1].islower() and "-" in t.low and i < end)
            ):
                i -= 1
            elif t.low == ")":
                while i >= 0 and left_tokens[i].low != "(":
                    i -= 1
                i -= 1
            else:
                break
        if end >= 0 and i == end and left_tokens[end].low in ("he", "she"):
            antecedent = self.pronoun_antecedent(left_tokens[end])
            return _dedupe(self.resolve(p) for p in ([antecedent] if antecedent else []) + parties)
        phrase = _drop_parentheses(left_tokens[i + 1 : end + 1])
        while phrase and phrase[0].low in ("and", "the", "both"):
            phrase = phrase[1:]
        named = any(_is_cap(t) or t.low in _PARTY_NOUNS for t in phrase)
        if named and not (len(phrase) == 1 and phrase[0].low in lexicon.FUNCTION_WORDS):
            parties = _split_parties(phrase) + parties
        return _dedupe(self.resolve(p) for p in parties)

    def pronoun_antecedent(self, pronoun: _Tok) -> str | None:
        """The person "he" or "she" most likely refers to: the nearest earlier capitalised name
        (not a country, organisation, month or sentence-opening word) in the last two sentences."""
        sentence = self.document.sentence_at(pronoun.start)
        if sentence is None:
            return None
        gender = "m" if pronoun.low == "he" else "f"
        for index in range(sentence.index, max(-1, sentence.index - 3), -1):
            tokens = self.tokens(self.document.sentences[index])
            run: list[_Tok] = []
            for t in reversed(tokens):
                if t.start >= pronoun.start:
                    continue
                if _is_cap(t) and _NAME_WORD.fullmatch(t.text) and t.start != tokens[0].start:
                    run.insert(0, t)
                    continue
                if run and t.low not in ("'s",):
                    name = self.person_candidate(run, gender)
                    if name is not None:
                        return name
                run = []
            if run:
                name = self.person_candidate(run, gender)
                if name is not None:
                    return name
        return None

    def person_candidate(self, run: list[_Tok], gender: str) -> str | None:
        words = _clean_name([t.text for t in run])
        phrase = " ".join(words)
        if not words or lexicon.country_of(phrase) or lexicon.known_organisation(phrase):
            return None
        if any(
            w.lower() in _MONTH_WORDS or w.lower() in lexicon.WEEKDAYS or w.lower() in lexicon.FUNCTION_WORDS
            for w in words
        ):
            return None
        first = lexicon.first_name_gender(words[0]) if len(words) > 1 else None
        if first is not None and first != gender:
            return None
        return phrase

    def date_from_clause(
        self, m: _Mention, right_tokens: list[_Tok], left_tokens: Sequence[_Tok] = ()
    ) -> None:
        """The date of the verb that made the agreement: "reached in Paris on Saturday",
        "announced the deal ... Monday", "signed in 1994"."""
        if m.date is not None:
            return
        clause_end = m.end
        if right_tokens and right_tokens[0].low == ",":
            right_tokens = right_tokens[1:]  # "The accord, reached in Geneva on Saturday, ..."
        for t in right_tokens[:9]:
            if t.low in (",", ";", ".", "—", "but", "that", "which", "who") or _HEAD.fullmatch(t.text):
                break
            clause_end = t.end
        candidates = self.dates_between(m.end, clause_end)
        if not candidates and left_tokens:
            # Before the verb, but after any "said": "Erdogan on Wednesday said they had reached
            # a deal" dates the saying, not the deal.
            start = left_tokens[0].start
            for t in left_tokens:
                if lexicon.attribution_verb(t.low) is not None and t.low not in _AGREED_PARTICIPLES:
                    start = t.end
            candidates = self.dates_between(start, m.start)
        for d in candidates:
            if getattr(d, "type", "DATE") in ("DATE", None):
                m.date = _timex_value(d)
                return
        if not self.dates:
            for t in right_tokens[:6]:
                if _YEAR.fullmatch(t.text):
                    m.date = t.text
                    return

    # -- pass 4: chains ----------------------------------------------------------------------

    def link(self, mentions: list[_Mention]) -> list[_Chain]:
        chains: list[_Chain] = []
        recent: list[_Chain] = []  # the chains mentioned last, most recent last
        previous: _Mention | None = None
        for m in mentions:
            chain = self.antecedent(m, previous, chains, recent)
            if chain is None:
                chain = _Chain(index=len(chains))
                chains.append(chain)
            chain.add(m)
            recent = [*[c for c in recent if c is not chain][-(_CANDIDATE_CHAINS - 1) :], chain]
            m.chain = chain.index
            if chain.name is None and m.name is not None:
                chain.name = m.name
            if chain.kind is None and m.kind is not None:
                chain.kind = m.kind
            for party in m.parties + m.subject_parties:
                if party not in chain.parties:
                    chain.parties.append(party)
            previous = m
        return chains

    def antecedent(
        self, m: _Mention, previous: _Mention | None, chains: list[_Chain], recent: list[_Chain]
    ) -> _Chain | None:
        if m.generic:
            return None
        # Apposition: "the North American Free Trade Agreement, the 1994 deal with Mexico".
        if previous is not None and previous.sentence.index == m.sentence.index and previous.chain >= 0:
            between = self.text[previous.end : m.start]
            if _APPOSITION.fullmatch(between):
                chain = chains[previous.chain]
                if _compatible(m, chain):
                    return chain
        candidates = [c for c in reversed(recent) if not c.all_generic and _compatible(m, c)]
        if m.name is not None:
            for chain in candidates:
                if chain.name is not None and _same_name(chain.name, m.name):
                    return chain
            # A named mention after unnamed ones of the same agreement: "the landmark climate
            # agreement ... the Paris agreement", "the European Union's deal with Turkey ... the
            # EU-Turkey deal" (same kind, or the same parties).
            for chain in candidates:
                if chain.name is not None or chain.negated_only or self.distance(m, chain) > 25:
                    continue
                if (chain.kind is not None and chain.kind == m.kind) or set(m.parties) & set(chain.parties):
                    return chain
                if chain.kind is None and chain.headline and not chain.prospective:
                    return chain  # "Agreement is a big win ..." then "the Paris agreement"
            return None
        if m.novel:
            for chain in candidates:
                if chain.mentions[0].novel and self.distance(m, chain) <= 8:
                    return chain
            return None
        if m.definite:
            eligible = [
                c
                for c in candidates
                if not c.negated_only
                and self.distance(m, c) <= 25
                and not _introduced_here(c, m)
                and not (m.plural and not c.plural and self._plural_elsewhere(m, candidates))
            ]
            if not eligible:
                return None
            nearest = eligible[0]
            # A bare "the deal" that opens a new paragraph usually means the article's main
            # agreement, not one just mentioned in passing.
            main = max(eligible, key=lambda c: len(c.mentions))
            new_paragraph = nearest.mentions[-1].sentence.paragraph != m.sentence.paragraph
            if (
                new_paragraph
                and len(nearest.mentions) == 1
                and len(main.mentions) >= 3
                and m.head_first - m.first <= 1
            ):
                return main
            return nearest
        # An indefinite mention: another mention of an agreement still hoped for, or the making
        # of one the article already talks about ("helped him lobby other countries to reach a deal").
        kind = m.kind or m.weak_kind
        for chain in candidates:
            distance = self.distance(m, chain)
            if distance > 25:
                continue
            same_kind = kind is not None and chain.kind == kind
            if kind is not None and chain.kind is not None and kind != chain.kind:
                continue
            if chain.prospective and (
                same_kind or (kind is None and m.modality != "asserted" and distance <= 12)
            ):
                return chain
            if distance > 12:
                continue
            making = m.status in ("agreed", "signed") and m.modality == "asserted" and m.cue is not None
            other_parties = bool(
                m.subject_parties and chain.parties and not set(m.subject_parties) & set(chain.parties)
            )
            if making and not other_parties and (same_kind or (m.kind is None and _salient(chain))):
                return chain
        return None

    def _plural_elsewhere(self, m: _Mention, candidates: list[_Chain]) -> bool:
        return any(c.plural for c in candidates)

    def distance(self, m: _Mention, chain: _Chain) -> int:
        return m.sentence.index - chain.mentions[-1].sentence.index

    # -- pass 5: what chains share -----------------------------------------------------------

    def share(self, chains: list[_Chain]) -> None:
        # No parties are guessed: an agreement whose makers the text does not name has none.
        for chain in chains:
            if not chain.parties:
                chain.parties = _dedupe(p for m in chain.mentions for p in m.agent_parties)
            kinds = [m.kind for m in chain.mentions if m.kind is not None]
            if kinds:
                chain.kind = max(set(kinds), key=lambda k: (kinds.count(k), -kinds.index(k)))
            else:
                weak = [m.weak_kind for m in chain.mentions if m.weak_kind is not None]
                chain.kind = weak[0] if weak else None
            chain.date = next((m.date for m in chain.mentions if m.date is not None), None)
            chain.location = next((m.location for m in chain.mentions if m.location is not None), None)
            established = self.established_status(chain)
            ended: str | None = None
            for m in chain.mentions:
                if m.status is None:
                    if m.modality != "asserted":
                        m.status = "agreed"  # a hoped-for or doubted agreement is one to be reached
                    else:
                        m.status = ended or established
                elif m.modality == "asserted" and m.status in ("withdrawn", "collapsed", "suspended"):
                    ended = m.status  # later mentions speak of an agreement that has ended

    def established_status(self, chain: _Chain) -> str:
        """The furthest stage the article asserts for the agreement, else a default: in force when
        it dates from an earlier year, agreed when the article presupposes it."""
        best: str | None = None
        for m in chain.mentions:
            stage = _LIFECYCLE.get(m.status or "")
            if (
                m.establishes
                and m.modality == "asserted"
                and stage
                and (best is None or stage > _LIFECYCLE[best])
            ):
                best = m.status
        if best is not None:
            return best
        published = self.document.published
        if (
            chain.date
            and published is not None
            and chain.date[:4].isdigit()
            and int(chain.date[:4]) < published.year
        ):
            return "in_force"
        if any(
            m.family in ("treaty", "convention", "protocol") and (chain.date or m.name)
            for m in chain.mentions
        ):
            return "in_force"  # a dated or named treaty the article takes for granted
        return "agreed"

    def inherit(self, mentions: list[_Mention]) -> None:
        """A mention listed under another ("any trade deal ..., including the Trans-Pacific
        Partnership") or renamed by it ("the partial cease-fire, known as a cessation of
        hostilities") shares that mention's status and modality when its own clause says nothing."""
        for previous, m in itertools.pairwise(mentions):
            if m.hit is None or m.hit.cue is not None or m.hit.position == "np":
                continue
            if previous.sentence.index != m.sentence.index or previous.status is None:
                continue
            between = self.text[previous.end : m.start].lower()
            if _LISTED_UNDER.fullmatch(between):
                m.status, m.modality, m.cue = previous.status, previous.modality, previous.cue
                m.establishes = False


_LISTED_UNDER = re.compile(r"[^.;:]{0,80}?\b(?:including|such as|like|known as|also called|called)\s*")
_APPOSITION = re.compile(
    r"\s*(?:,|\(|—|–|, known as|, also known as|, or|, a formal acronym for)\s*"
    r"|\s+(?:is|was|are|were)\s+(?:not\s+)?"  # a predicate nominal: "the accord was a bad deal"
)
_PARENTHESES = re.compile(r"\s*\([^)]*\)")
_NEGATION_WORD = re.compile(r"(?:\b(?:not|never)\b|n't)")
_NEGATION_REST = re.compile(r"(?:\b(?:not|never)\b|n't)(?P<rest>.*)$")


# =============================================================================================
# Mention helpers
# =============================================================================================

#: How many recently mentioned agreements a mention may refer back to.
_CANDIDATE_CHAINS = 24
_NOVELTY = _words(
    "new another future more other further second fresh separate different additional past previous earlier "
    "prior former old same"
)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_AGREED_PARTICIPLES = _words(
    "reached agreed struck sealed concluded adopted brokered negotiated signed announced forged clinched made"
)
_POLITICAL_PARTY = regex.compile(
    r"\b(?:[Cc]ongress\w*|Senate|senators?|lawmakers|legislators|Republican|Democratic|Republicans|Democrats"
    r"|GOP|[Pp]arliament\w*|MPs)\b"
)
_TIME_PHRASE = re.compile(
    r"(?:\s|^)(?:(?:in|over|during|within)\s)?(?:the\s)?(?:last|past|recent|previous|next|coming|this|that)"
    r"\s(?:\w+\s)?(?:year|years|month|months|week|weeks|days|decade|summer|spring|autumn|fall|winter)$"
)
_SUBJECT_SKIP = _words(
    "instead later eventually ultimately subsequently immediately twice "
    "has have had will would could can may might must should shall did does do is are was were be been "
    "not n't never also again even just now then first finally already still today yesterday recently "
    "once outright jointly officially formally quickly swiftly eventually helped help helps reportedly "
    "tentatively provisionally"
)
_CONTROL_VERBS = _words(
    "failed fail fails refused refuse agreed agree decided decide managed manage tried try wanted want "
    "hoped hope sought seek need needs needed plan plans planned aim aims aimed vowed vow promised promise "
    "pledged threatened continue continued began begin started start expected expects is are was were "
    "going able ready willing set due"
)


def _token_at(tokens: list[_Tok], offset: int) -> int:
    i = bisect.bisect_left(tokens, offset, key=lambda t: t.start)
    return i if i < len(tokens) and tokens[i].start == offset else -1


def _token_ending(tokens: list[_Tok], offset: int, first: int) -> int:
    if first < 0:
        return -1
    for i in range(first, len(tokens)):
        if tokens[i].end == offset:
            return i
        if tokens[i].end > offset:
            break
    return -1


def _family(head: str) -> tuple[str, bool]:
    """The head's family ("deal", "ceasefire", "named", ...) and whether it is plural."""
    low = " ".join(head.lower().split())
    if low.startswith(("cease", "truce", "armistice", "cessation")):
        return "ceasefire", low.endswith("s") and not low.endswith(("hostilities", "violence", "fighting"))
    if low.startswith("memorand"):
        return "memorandum", low.startswith("memoranda")
    if low.startswith("peace plan"):
        return "plan", low.endswith("s")
    if low in _KNOWN_NAMES:
        return "named", low.endswith("s") and low not in ("new start",)
    if low.endswith("ies"):
        return low[:-3] + "y", True
    if low.endswith("s") and not low.endswith("ss"):
        return low[:-1], True
    return low, False


def _prev(tokens: list[_Tok], i: int) -> str:
    return tokens[i - 1].low if i > 0 else ""


def _next(tokens: list[_Tok], i: int) -> str:
    return tokens[i + 1].low if i + 1 < len(tokens) else ""


_VERB_BEFORE_DEAL = _words(
    "to will would can could should must might may 'll n't not cannot we they i you he she it who which "
    "that also often never usually to help helps helped"
)
_IDIOM_DEAL = _words("great good big real raw square done new")
_CONSENSUS_BEFORE = _words("in broad general wide widespread unanimous full complete total some")
_NOT_AFTER_CEASEFIRE = _words(
    "talks negotiations negotiators monitors monitoring line lines violations violation committee commission "
    "mechanism zone proposals deadline observers envoy unit units vigil vigils program programme method "
    "initiative campaign group"
)
_SETTLEMENT_YES = _words(
    "peace political negotiated final legal court out-of-court lawsuit divorce comprehensive permanent "
    "two-state financial cash civil class-action million billion $ interim"
)
_SETTLEMENT_NO = _words(
    "israeli jewish illegal settler settlers west outpost dispute west-bank colonial human informal "
    "early new unauthorised unauthorized"
)
_SETTLEMENT_NOT_AFTER = _words(
    "expansion construction building activity freeze blocs bloc homes outposts mechanism mechanisms area "
    "areas policy movement"
)
_PARTY_CONVENTION = _words(
    "national democratic republican party constitutional labour labor gop dnc rnc state nominating tory "
    "conservative liberal green"
)
_TREATY_CONVENTION = _words(
    "geneva vienna hague ottawa montreal basel stockholm rotterdam minamata chemical biological weapons "
    "european american refugee refugees framework international un u.n. genocide torture climate 1951 1949 "
    "hostages ramsar"
)
_ARRANGEMENT_NO = _words("funeral travel seating flower floral living musical orchestral sleeping childcare")
_ARRANGEMENT_YES = _words(
    "security trade fundraising financial contractual transitional power-sharing interim bilateral "
    "special temporary provisional custody"
)
_AGREEMENT_VERBS = _words(
    "reach reached reaching reaches strike struck seal sealed forge forged accept accepted agree agreed find "
    "found broker brokered hammer hammered work worked negotiate negotiated sign signed approve approved "
    "reject rejected offer offered propose proposed announce announced"
)


def _accept(family: str, tokens: list[_Tok], i: int, j: int) -> bool:
    """False for senses of the head word that are not agreements."""
    prev, nxt = _prev(tokens, i), _next(tokens, j)
    head = tokens[i]
    if (
        family in ("deal", "accord")
        and nxt == "with"
        and (_verb_before(tokens, i) or prev in ("and", "or", "then"))
    ):
        return False  # "to deal with", "policy makers deal with", "this accords with"
    if tokens[j].low in ("deals", "accords", "contracts", "contract") and (
        nxt in ("a", "an", "the", "his", "her", "their", "its")
        and prev.isalpha()
        and prev not in _DETERMINERS | _PREPOSITIONS
    ):
        return False  # "His victory deals a devastating blow", "mothers who contract the virus"
    if family == "contract" and prev in ("that", "who", "which"):
        return False
    if family == "deal":
        if prev in _VERB_BEFORE_DEAL and nxt in ("with", "in", "out", ""):
            return False
        if (
            head.text[0].isupper()
            and i > 0
            and (tokens[i - 1].low.rstrip(".") in lexicon.TITLES or tokens[i - 1].low in lexicon.FIRST_NAMES)
        ):
            return False  # "Gov. Nathan Deal": a surname
        if (
            head.text == "Deal"
            and prev == "the"
            and _prev(tokens, i - 1) == "of"
            and _prev(tokens, i - 2) == "art"
        ):
            return False  # "The Art of the Deal": a book
        if prev == "the" and _prev(tokens, i - 1) in ("close", "closes", "closed", "closing"):
            return False  # "close the deal": win over (voters), not an agreement
        if (
            _prev(tokens, i - 1) in ("a", "no")
            and _prev(tokens, i - 2) not in _AGREEMENT_VERBS
            and (tokens[i - 2].low if i >= 2 else "") in ("big", "real", "great")
        ):
            return False  # "a big frigging deal", "a real unusual deal"
        if prev in _IDIOM_DEAL and (
            nxt == "of" or _prev(tokens, i - 1) in ("a", "no", "the", "") or prev == "new"
        ):
            # "a great deal of", "no big deal", "the New Deal" -- but a lower-case "new deal" is one.
            return prev == "new" and not head.text[0].isupper() and not tokens[i - 1].text[0].isupper()
        if prev in ("drug", "drugs", "narcotics"):
            return False  # a drug deal is a sale, not an agreement
        if prev == "a" and _prev(tokens, i - 1) == "of" and _prev(tokens, i - 2) == "big":
            return False  # "not that big of a deal"
        return nxt not in ("breaker", "breakers", "maker", "makers", "making", "flow")  # "deal maker"
    if family == "accord":
        return prev not in ("in", "own", "honda")  # "in accord with", "of its own accord", the car
    if family == "agreement":
        if prev in ("in", "broad", "general", "wide", "widespread", "unanimous", "complete", "total"):
            return False  # consensus, not a pact
        # "There is agreement that ...": a bare "agreement" before a clause is consensus too.
        window = {t.low for t in tokens[max(0, i - 4) : i]}
        bare = not window & (_DETERMINERS | {"'s"}) and prev not in _AGREEMENT_VERBS
        if prev in _POSSESSIVE_PRONOUNS and nxt == "to" and tokens[j].low == "agreement":
            return False  # "in exchange for his agreement to testify": consent, not a pact
        return not (nxt == "that" and bare and tokens[j].low == "agreement")
    if family == "ceasefire":
        if nxt in _NOT_AFTER_CEASEFIRE:
            return False
        return not (prev == "to" and " " in head.text)  # "to cease fire"
    if family in ("treaty", "pact", "memorandum", "plan", "named", "armistice"):
        return not (family == "named" and prev.endswith("-"))
    if family == "protocol" and not head.text[0].isupper():
        return bool(
            {t.low for t in tokens[max(0, i - 4) : i]} & _AGREEMENT_VERBS
        )  # "signed a protocol on ..."
    if family == "protocol":
        return head.text[0].isupper() and (
            (i > 0 and _is_cap(tokens[i - 1]) and tokens[i - 1].start != tokens[0].start)
            or nxt in ("relating", "on", "to", "of")
        )
    if family == "convention":
        if not head.text[0].isupper():
            after_on = tokens[j + 2].low if j + 2 < len(tokens) else ""
            return prev in ("un", "u.n.", "international", "climate", "refugee", "torture", "geneva") or (
                nxt in ("on", "against")
                and prev in ("a", "an", "the", "this")
                and not _is_time_word(after_on)
                and after_on not in ("the", "a", "stage", "floor")
            )
        if prev in _PARTY_CONVENTION:
            return False
        # A treaty: "the Convention on ...", "... against Torture", "Relating to ...", or one named
        # after a treaty city or subject ("the Geneva Conventions") -- not a gathering ("the
        # National Baptist Convention", "a Convention of the States").
        return nxt in ("relating", "on", "against", "for") or prev in _TREATY_CONVENTION
    if family == "settlement":
        if prev in _SETTLEMENT_NO or nxt in _SETTLEMENT_NOT_AFTER:
            return False  # Israeli settlements, "settlement expansion", a dispute settlement mechanism
        window = {t.low for t in tokens[max(0, i - 4) : i]}
        if window & _SETTLEMENT_YES or prev.startswith("$") or nxt in ("with", "between"):
            return True
        after = {t.low for t in tokens[j + 1 : j + 7]}
        if nxt == "of" and after & {"refugee", "refugees", "migrants", "families", "immigrants"}:
            return False  # resettlement, not an agreement
        if nxt == "in" or after & {"settlers", "settler", "homes", "housing"}:
            return False
        return bool((window | after) & _AGREEMENT_VERBS) or nxt == "of"
    if family == "compromise":
        # Only a compromise somebody reached: "struck a compromise", not "as a compromise".
        window = {t.low for t in tokens[max(0, i - 4) : i]}
        return (
            prev in _DETERMINERS
            and prev != "as"
            and _prev(tokens, i - 1) != "as"
            and bool(window & _AGREEMENT_VERBS)
        )
    if family == "bargain":
        return prev in ("grand", "plea") or bool(
            {t.low for t in tokens[max(0, i - 4) : i]} & _AGREEMENT_VERBS
        )
    if family == "arrangement":
        if prev in _ARRANGEMENT_NO:
            return False
        return prev in _ARRANGEMENT_YES or nxt in ("with", "between") or prev.endswith("-sharing")
    if family == "understanding":
        return nxt in ("with", "between") and prev in (
            "an",
            "the",
            "this",
            "that",
            "new",
            "tacit",
            "secret",
            "informal",
        )
    if family == "contract":
        if nxt in (
            "killer",
            "killers",
            "workers",
            "worker",
            "work",
            "farming",
            "employees",
            "labor",
            "labour",
        ):
            return False
        if nxt == "with" and _is_cap(tokens[i]) and j + 1 < len(tokens) and tokens[j + 1].text == "America":
            return False
        if prev in _DETERMINERS or prev == "'s" or prev in _SAFE_PREMODIFIERS or prev in _AGREEMENT_VERBS:
            return True
        return prev[:1].isdigit() or prev.startswith("$") or "-" in prev
    return True


def _verb_before(tokens: list[_Tok], i: int) -> bool:
    """Whether "deal"/"accord" at `i` is a verb: after "to", a modal, a pronoun or a plain noun subject."""
    prev = _prev(tokens, i)
    if not prev:
        return False
    if prev in _VERB_BEFORE_DEAL:
        return True
    before = tokens[i - 1]
    return not (
        prev in _DETERMINERS
        or prev == "'s"
        or _is_cap(before)
        or prev in _SAFE_PREMODIFIERS
        or "-" in prev
        or prev[:1].isdigit()
        or prev.startswith("$")
        or prev in _AGREEMENT_VERBS
        or prev in _PREPOSITIONS
        or not prev[:1].isalpha()
    )


def _extend_left(tokens: list[_Tok], head: int) -> tuple[int, str | None]:
    """The first token of the noun phrase ending at `head`, and its determiner (lower case).

    Words that are safe premodifiers ("trade", "landmark", "12-nation", capitalised names) are
    always part of the phrase; other words ("signed", "inversion") only when a determiner closes
    the phrase before them ("a $54 billion inversion deal", but "signed | trade agreements")."""
    first = head
    gap = False  # a word that is only part of the phrase if a determiner closes it
    i = head - 1
    steps = 0
    while i >= 0 and steps < 9:
        t = tokens[i]
        low = t.low
        steps += 1
        if low in _DETERMINERS and not (low == "that" and i + 1 < head and tokens[i + 1].low in _DETERMINERS):
            if low in ("one", "two", "three", "four") and not tokens[i + 1].low.endswith("s"):
                first = i
                break
            return i, low
        if (
            low == "'s"
            and i > 0
            and tokens[i - 1].low in ("there", "it", "that", "here", "what", "who", "he", "she")
        ):
            break  # "there's drug deals": is, not a possessive
        if low == "'s" and i > 0:
            # A possessor: keep going over its own modifiers ("the European Union's deal",
            # "last year's deal").
            j = i - 2
            while (
                j >= 0
                and (_is_cap(tokens[j]) or tokens[j].low in ("last", "next", "this"))
                and (tokens[j].low not in _CAP_STOPS)
            ):
                j -= 1
            if j >= 0 and tokens[j].low in _DETERMINERS:
                return j, "'s"
            return j + 1, "'s"
        if t.text == ")" and i >= 2 and tokens[i - 2].text == "(":
            i -= 3
            continue
        if low in _STOP or not (t.text[:1].isalnum() or t.text[:1] == "$"):
            break
        if _is_cap(t):
            if low in _CAP_STOPS or (t.start == tokens[0].start and low in lexicon.FUNCTION_WORDS):
                break
            if not gap:
                first = i
        elif (
            low in _SAFE_PREMODIFIERS
            or low[:1].isdigit()
            or low.startswith("$")
            or "-" in low
            or (low.endswith(_ADJECTIVE_SUFFIXES) and not low.endswith("ed"))
            or low in ("million", "billion", "trillion", "percent")
            or low in _MONTH_WORDS
        ):
            if not gap:
                first = i
        elif low.endswith("ed") or low in _AGREEMENT_VERBS:
            break  # "the ... shooting accepted | plea deals": a verb, so no determiner closes this phrase
        else:
            gap = True
        i -= 1
    return first, None


def _extend_right(tokens: list[_Tok], last: int, family: str, headline: bool) -> int:
    """The last token of the mention: the head plus short identifying phrases after it."""
    end = last
    n = len(tokens)
    i = last + 1
    # "(TPP)", "(MOU)"
    if i + 2 < n and tokens[i].text == "(" and tokens[i + 2].text == ")" and tokens[i + 1].text.isupper():
        end = i + 2
        i += 3
    # A title-case name continues: "Convention Relating to the Status of Refugees".
    if tokens[last].text[:1].isupper() and not headline:
        j = i
        while j < n:
            k = j
            while k < n and k - j < 2 and tokens[k].low in _NAME_CONNECTORS:
                k += 1
            if (
                k >= n
                or not _is_cap(tokens[k])
                or _HEAD.fullmatch(tokens[k].text)
                or _is_time_word(tokens[k].low)
            ):
                break
            if "and" in (t.low for t in tokens[j:k]) and k - j > 1:
                break  # "... Partnership and the North American Free Trade Agreement": two names
            end = k
            j = k + 1
            if j + 2 < n and tokens[j].text == "(" and tokens[j + 2].text == ")":
                end = j + 2
                j += 3
        i = max(i, end + 1)
    pps = 0
    while i < n and pps < 2:
        prep = tokens[i].low
        if prep == "of" and i + 1 < n and _YEAR.fullmatch(tokens[i + 1].text):
            end = i + 1
            i += 2
            pps += 1
            continue
        if prep not in ("with", "between", "among", "on", "of", "in", "at", "to", "for", "regarding"):
            break
        if prep == "of" and family not in (
            "treaty",
            "convention",
            "protocol",
            "memorandum",
            "agreement",
            "accord",
            "pact",
        ):
            break
        if prep == "to" and not (i + 1 < n and tokens[i + 1].low.endswith("ing")):
            break
        if prep == "for" and not (i + 1 < n and tokens[i + 1].low == "peace"):
            break
        if prep == "in" and not (
            i + 1 < n
            and (
                (_is_cap(tokens[i + 1]) and not _is_time_word(tokens[i + 1].low))
                or tokens[i + 1].low in ("principle", "east", "west", "north", "south", "former", "the")
            )
        ):
            break
        if (
            prep == "in"
            and tokens[i + 1].low == "the"
            and not (i + 2 < n and (_is_cap(tokens[i + 2]) or tokens[i + 2].low in _REGION_WORDS))
        ):
            break
        if prep == "on" and i + 1 < n:
            following = (
                tokens[i + 2].low if tokens[i + 1].low in ("the", "a") and i + 2 < n else tokens[i + 1].low
            )
            if following in _NOT_A_SUBJECT:
                break  # "put the deal on hold", "the deal on the table", "the truce on Monday"
        stop = _phrase_end(tokens, i + 1, prep)
        if stop <= i + 1:
            break
        end = stop - 1
        i = stop
        pps += 1
    return end


# What follows a participle set off by commas ("The accord, reached in Geneva, ..."), as opposed
# to the object of a main verb.
_AFTER_PARTICIPLE = _words("in on by at last this after with between earlier , . ; late early")
#: Stages whose verb names the parties around it ("signed ... with Ukraine", "ratified by 196 nations").
_MAKING = frozenset({"agreed", "signed", "in_force", "negotiating"})
_REGION_WORDS = _words("north south east west northeast northwest southeast southwest region border")
# Words after "on" that do not say what an agreement is about.
_NOT_A_SUBJECT = _words(
    "hold ice track course paper schedule table verge brink ground sidelines monday tuesday wednesday "
    "thursday friday saturday sunday"
)
_NAME_CONNECTORS = _words("of on against for to the and")


def _past_common_noun(tokens: list[_Tok], conjunct: int, i: int) -> bool:
    """Whether token `i` lies past a phrase of common nouns that began at `conjunct`: "with the
    city | interfere", "the unions | establishes"; "their business partners" and "the two
    countries" go on to their noun."""
    if i - conjunct < 2:
        return False
    if i - conjunct == 2 and tokens[conjunct].low in _DETERMINERS:
        second = tokens[conjunct + 1].low
        return not (
            tokens[i].low in _PARTY_NOUNS
            and (second in _SAFE_PREMODIFIERS or second[:1].isdigit() or second in ("two", "three", "both"))
        )
    return i - conjunct >= 3


def _phrase_end(tokens: list[_Tok], start: int, prep: str) -> int:
    """One past the last token of the noun phrase (or gerund phrase) starting at `start`.

    Coordinated noun phrases are followed ("between Israel and the Palestinians"); after a
    capitalised name only party nouns continue it ("the Sudanese government"); a phrase of
    common nouns alone stops after its determiner and two words ("with the city")."""
    n = len(tokens)
    i = start
    seen_cap = False
    conjunct = start  # where the current conjunct began
    limit = start + (12 if prep in ("on", "between") else 8)
    while i < n and i < limit:
        t = tokens[i]
        low = t.low
        if _HEAD.fullmatch(t.text) and i > start and prep != "on":
            break
        if low in ("and", "&") and prep in ("between", "with", "among", "of", "on") and i + 1 < n:
            nxt = tokens[i + 1]
            if (
                nxt.low in _DETERMINERS
                or _is_cap(nxt)
                or nxt.low in _SAFE_PREMODIFIERS
                or (prep in ("of", "on") and nxt.text[:1].isalpha())
            ):
                i += 1
                conjunct, seen_cap = i, False
                continue
            break
        if (
            low in ("of", "in")
            and i > start
            and i + 1 < n
            and prep in ("on", "between", "with", "of")
            and (
                (_is_cap(tokens[i + 1]) and not _is_time_word(tokens[i + 1].low))
                or tokens[i + 1].low == "the"
            )
        ):
            i += 1
            continue
        if low.endswith("ing") and i > start and not _is_cap(t) and low not in _PARTY_NOUNS:
            break  # "unions representing 40,000 employees", "rebels fighting to topple him"
        stop = low in _STOP and not (_is_cap(t) and t.text.isupper())  # "US" is not "us"
        if t.text == "," or stop or _is_time_word(low) or not (t.text[:1].isalnum() or t.text[:1] in "$"):
            if t.text == "(" and i + 2 < n and tokens[i + 2].text == ")" and i > start:
                i += 3
                continue
            break
        if _is_cap(t):
            seen_cap = True
        elif low in _DETERMINERS and i == conjunct:
            pass
        elif (
            (seen_cap and low not in _PARTY_NOUNS and prep in ("with", "between", "among", "at"))
            or (low.endswith("ed") and i > start and prep != "on")
            or (
                prep in ("with", "between", "among")
                and not seen_cap
                and _past_common_noun(tokens, conjunct, i)
            )
        ):
            break
        i += 1
    return i


def _drop_nested(mentions: list[_Mention]) -> list[_Mention]:
    """Keep the outer of two overlapping mentions ("ceasefire agreement", "Free Trade Agreement (FTA)")."""
    kept: list[_Mention] = []
    for m in sorted(mentions, key=lambda x: (x.start, -x.end)):
        if kept and m.start < kept[-1].end:
            outer = kept[-1]
            # Two agreement nouns joined by a preposition refer separately ("a deal ... for a cease-fire").
            if m.start >= outer.end:
                kept.append(m)
            continue
        kept.append(m)
    return kept


def _is_generic(m: _Mention) -> bool:
    if m.det in _GENERIC_DETERMINERS and m.det not in ("any",):
        return True
    if (
        m.det == "any"
        and m.family not in ("settlement",)
        and not any(t.low in ("future", "more", "new") for t in m.tokens[m.first : m.head_first])
    ):
        return True
    if m.det is None and m.plural and not m.headline:
        premodifiers = m.tokens[m.first : m.head_first]
        proper = any(_is_cap(t) and t.start != m.sentence.start for t in premodifiers)
        if not proper and m.last == m.head_last and m.family not in ("named",):
            return all(t.low in _GENERIC_PREMODIFIERS for t in premodifiers)
    return False


_GENERIC_PREMODIFIERS = _words(
    "trade free-trade international bilateral multilateral major existing new such most many business "
    "inversion confidentiality nondisclosure economic bad good past"
)


def _name_of(m: _Mention, head_low: str, text: str) -> str | None:
    """The agreement's name written in the mention, if any (GUIDELINES §3 ``name``)."""
    tokens = m.tokens
    if head_low in _KNOWN_NAMES:
        return _join(tokens[m.head_first : m.head_last + 1])
    # A known name used as a premodifier: "the 12-nation TPP pact", "the Trans-Pacific
    # Partnership (TPP) trade agreement" (the long form wins over its acronym).
    known = [
        match.group()
        for match in _HEAD.finditer(text, tokens[m.first].start, tokens[m.head_first].start)
        if match.group().lower() in _KNOWN_NAMES and match.group().lower() not in _GENERIC_ACRONYMS
    ]
    if known:
        return max(known, key=len)
    if m.headline:
        return None  # title case says nothing about names
    head = tokens[m.head_first]
    # A proper name ending in a capitalised head: "the North American Free Trade Agreement",
    # "the 1951 Convention Relating to the Status of Refugees".
    if _is_cap(head) and head.start != m.sentence.start:
        start = m.head_first
        while (
            start > m.first
            and tokens[start - 1].low not in _DETERMINERS
            and tokens[start - 1].low != "'s"
            and (_is_cap(tokens[start - 1]) or tokens[start - 1].low in ("of", "for", "and"))
        ):
            start -= 1
        while start < m.head_first and not _is_cap(tokens[start]):
            start += 1
        end = m.head_last
        k = m.head_last + 1
        while k <= m.last and (
            _is_cap(tokens[k]) or tokens[k].low in _NAME_CONNECTORS or tokens[k].low == "relating"
        ):
            if _is_cap(tokens[k]):
                end = k
            k += 1
        if start < m.head_first or end > m.head_last:
            return _join(tokens[start : end + 1])
    # A label from a proper noun before the head, in a definite mention: "the Sochi agreements",
    # "the EU-Turkey refugee deal", "the Iran deal" (not "a Senegalese peace plan").
    if m.det not in _LABEL_DETERMINERS or m.family == "plan":
        return None
    for i in range(m.first, m.head_first):
        t = tokens[i]
        if t.low in _DETERMINERS or t.text[:1].isdigit() or not _is_cap(t) or t.low in _MONTH_WORDS:
            continue
        if t.start == m.sentence.start and t.low in lexicon.FUNCTION_WORDS:
            continue
        return _join(tokens[i : m.head_last + 1])
    return None


_GENERIC_ACRONYMS = _words("fta ftas mou mous nda ndas")
_LABEL_DETERMINERS = _words("the this that these those")


def _join(tokens: Sequence[_Tok]) -> str:
    out = ""
    previous_end = -1
    for t in tokens:
        if out and t.start > previous_end:
            out += " "
        out += t.text
        previous_end = t.end
    return out


def _same_name(a: str, b: str) -> bool:
    ka, kb = _name_key(a), _name_key(b)
    if ka == kb:
        return True
    acronym_a = "".join(w[0] for w in ka.split() if w not in ("of", "and", "the", "on", "for")).lower()
    acronym_b = "".join(w[0] for w in kb.split() if w not in ("of", "and", "the", "on", "for")).lower()
    if ka.replace(" ", "") in (acronym_b, acronym_b.rstrip("a")) or kb.replace(" ", "") in (
        acronym_a,
        acronym_a.rstrip("a"),
    ):
        return True
    long_a = _KNOWN_NAMES.get(ka, ("", None))[1]
    long_b = _KNOWN_NAMES.get(kb, ("", None))[1]
    if (long_a and _name_key(long_a) == kb) or (long_b and _name_key(long_b) == ka):
        return True
    # "the Iran deal" and "the Iran agreement": the same proper noun before interchangeable heads.
    wa, wb = ka.split(), kb.split()
    return (
        len(wa) >= 2
        and len(wb) >= 2
        and wa[0] == wb[0]
        and wa[-1] in _HEAD_SYNONYMS
        and wb[-1] in _HEAD_SYNONYMS
    )


_HEAD_SYNONYMS = _words("deal deals agreement agreements accord accords pact treaty")


def _name_key(name: str) -> str:
    key = _PARENTHESES.sub("", name.lower().replace("’", "'"))
    return key[4:] if key.startswith("the ") else key


def _compatible(m: _Mention, chain: _Chain) -> bool:
    if m.kind is not None and chain.kind is not None and m.kind != chain.kind:
        return False
    if m.family == "ceasefire" and chain.kind != "ceasefire":
        return False  # "the truce" does not refer back to an agreement of unknown or other kind
    if len(m.parties) >= 2 and len(chain.parties) >= 2 and not set(m.parties) & set(chain.parties):
        return False  # two agreements between different parties
    if m.name is not None and chain.name is not None and not _same_name(m.name, chain.name):
        return False
    content = _content_words(m)
    if content and m.definite and not any(content & _content_words(x) for x in chain.mentions[:8]):
        return False  # "the real estate deals" is not the nuclear deal mentioned before
    dated = next((x.date for x in chain.mentions[:3] if x.date), None)
    return not (m.date and dated and dated[:4] != m.date[:4])


def _content_words(m: _Mention) -> set[str]:
    """Lower-case words before the head that say what the agreement is about ("real estate"),
    as opposed to evaluations, stages and kinds ("landmark", "tentative", "nuclear")."""
    return {
        t.low
        for t in m.tokens[m.first : m.head_first]
        if t.text.isalpha()
        and t.text.islower()
        and t.low not in _SAFE_PREMODIFIERS
        and t.low not in _DETERMINERS
        and t.low not in _NP_STATUS
        and t.low not in _KIND_WORDS
        and not t.low.endswith(_ADJECTIVE_SUFFIXES)
    }


def _introduced_here(chain: _Chain, m: _Mention) -> bool:
    """A chain introduced by an indefinite mention in the same sentence is something new there
    ("make a deal ... to pass the accord"), not what a definite mention refers back to."""
    first = chain.mentions[0]
    return (
        len(chain.mentions) == 1
        and first.sentence.index == m.sentence.index
        and (first.det in _INDEFINITE and first.name is None)
    )


def _salient(chain: _Chain) -> bool:
    """A chain the article is about: named, in a headline, or mentioned more than once."""
    return chain.name is not None or len(chain.mentions) > 1 or any(m.headline for m in chain.mentions)


def _split_parties(phrase: Sequence[_Tok]) -> list[str]:
    """Split "Israel and the Palestinians" or "X, Y and Z" into party strings."""
    parts: list[list[_Tok]] = [[]]
    for t in phrase:
        if t.low in ("and", "&", ","):
            if parts[-1]:
                parts.append([])
            continue
        parts[-1].append(t)
    out = []
    for part in parts:
        text = _join(part).lower()
        if text in _GENERIC_PARTIES:
            continue
        while part and part[-1].low in _STOP:
            part = part[:-1]  # "the coalition in"
        while part and (
            (part[0].low in _DETERMINERS and part[0].low not in ("one", "two", "three", "four"))
            or (_is_cap(part[0]) and part[0].low in lexicon.FUNCTION_WORDS and len(part) > 1)
        ):
            part = part[1:]  # "the", "If Congress"
        while part and part[0].low.endswith(("-based", "-maker", "-backed")) and len(part) > 1:
            part = part[1:]
        if not part or all(t.low in lexicon.FUNCTION_WORDS for t in part) or part[-1].low in lexicon.PRONOUNS:
            continue
        if _join(part).lower() in _GENERIC_PARTIES:
            continue
        if not any(_is_cap(t) for t in part) and len(part) > 3:
            continue  # a clause rather than a party
        out.append(_join(part))
    return out


#: Phrases that stand for the parties without naming them.
_GENERIC_PARTIES = frozenset(
    line.strip()
    for line in """
    both sides|the two sides|two sides|the two countries|two countries|both countries|the parties|parties
    |each other|one another|it|them|her|him|us|that country|the country|the two|both|they|he|she|countries
    |nations|sides|the sides|the two nations|two nations|all sides|the other|others|all parties|leaders
    |two leaders|the leaders|officials|negotiators|diplomats|neighbor|neighbour|neighbors|neighbours
    """.replace("\n", "").split("|")
)


def _country_words(tokens: list[_Tok], i: int) -> list[str]:
    """Countries and blocs a premodifier names: "EU-Turkey", "Iranian", "Iran" (not "UN-brokered",
    not the "American" of "North American Free Trade Agreement")."""
    t = tokens[i]
    if t.low == "'s" or (i + 1 < len(tokens) and tokens[i + 1].low == "'s"):
        return []
    if "-" in t.text:
        parts = t.text.split("-")
        if parts[-1].lower() in (
            "brokered",
            "led",
            "backed",
            "sponsored",
            "mediated",
            "based",
            "made",
            "era",
        ):
            return []
        found = [
            p for p in parts if p[:1].isupper() and (_is_country_word(p) or lexicon.known_organisation(p))
        ]
        return found if len(found) == len(parts) else []
    if not _is_cap(t) or (i + 1 < len(tokens) and _is_cap(tokens[i + 1])):
        return []
    country = lexicon.country_of(t.text)
    # A capital before the head is where it was made ("the Paris agreement"), not a party.
    return [t.text] if country is not None and country[1] != "capital" else []


_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*\.?|al-\p{Lu}\p{L}*|bin|von|van|de|al")


#: Words written before a politician's name that are not part of it ("Missouri Republican Roy Blunt").
_POLITICAL_LABELS = _words(
    "secretary-general sec leader republican democrat democratic independent gop labour tory"
)


def _is_country_word(word: str) -> bool:
    country = lexicon.country_of(word)
    return country is not None and country[1] != "capital"


def _clean_name(words: list[str]) -> list[str]:
    """A person's name without leading titles, roles and demonyms: "Russian Foreign Minister
    Sergei Lavrov" -> Sergei Lavrov; "Missouri Republican Roy Blunt" -> Roy Blunt. Phrases that
    are not a person's name ("Bosnian Serbs", "Sudanese government") come back unchanged."""
    words = [w for w in words if w not in ("(", ")")]
    last_role = -1
    for i, w in enumerate(words[:-1]):
        low = w.lower().rstrip(".")
        if low in lexicon.TITLES or low in _POLITICAL_LABELS or low in lexicon.ROLE_MODIFIERS:
            last_role = i
    if last_role >= 0:
        rest = words[last_role + 1 :]
        while len(rest) > 1 and rest[0].lower() in ("of", "state", "for", "the"):
            rest = rest[1:]  # "Secretary of State John Kerry"
        return rest if rest and rest[0][:1].isupper() else words
    for i, w in enumerate(words[:-1]):
        if w.lower() in lexicon.FIRST_NAMES and i > 0:
            return words[i:]
    return words


def _drop_parentheses(tokens: Sequence[_Tok]) -> list[_Tok]:
    out: list[_Tok] = []
    depth = 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _dedupe(items: Iterable[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


def _contains_word(text: str, word: str) -> bool:
    index = text.find(word)
    while index >= 0:
        before = text[index - 1] if index > 0 else " "
        after = text[index + len(word)] if index + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        index = text.find(word, index + 1)
    return False


def _is_time_word(low: str) -> bool:
    return low in _TIME_WORDS


def _timex_value(finding: Finding) -> str | None:
    value = getattr(finding, "value", None)
    return value if isinstance(value, str) and value else None


def _clause_start(tokens: list[_Tok], first: int) -> int:
    """Where the clause of the token at `first` begins (at most 40 tokens back)."""
    for i in range(first - 1, max(-1, first - 41), -1):
        if tokens[i].low in _CLAUSE_BREAK:
            return i + 1
    return max(0, first - 40)


def _object_position(left_tokens: list[_Tok]) -> bool:
    """True when the word before the mention is a preposition or a verb it is the object of."""
    if not left_tokens:
        return False
    low = left_tokens[-1].low
    return low in ("of", "to", "with", "on", "for", "by", "from", "into", "under", "about", "against", "over")


def _has_verb_between(left: str) -> bool:
    """Whether a content verb stands between a negation and the mention ("isn't due to" has none)."""
    match = _NEGATION_REST.search(left)
    if match is None:
        return True
    rest = match.group("rest").split()
    return any(w not in _STOP and w not in ("due", "about", "part") and not w.endswith("ly") for w in rest)


def _last_words(text: str, n: int) -> str:
    return " ".join(text.split()[-n:])


def _scope_word(tokens: list[_Tok], k: int) -> str:
    """A word of a modality scope, lower-cased; a name inside a clause is masked so that it is
    not read as a word ("spokeswoman Hope Hicks said" holds no hope)."""
    t = tokens[k]
    if (
        _is_cap(t)
        and k > 0
        and t.text != "I"
        and tokens[k - 1].text not in ('"', "“", "‘", "'", "(", "—", "–", ":")
    ):
        return "_"
    return t.low


def _tail_offset(text: str, words: int) -> int:
    """Offset of the last `words` space-separated words of `text`."""
    index = len(text)
    for _ in range(words):
        index = text.rfind(" ", 0, index)
        if index < 0:
            return 0
    return index + 1


def _strip_noun_phrase(words: str) -> str:
    """`words` without the noun phrase it ends with ("rejected Iraqi President Saddam Hussein 's"
    -> "rejected"), so the verb before a noun like "proposal" can be found."""
    tokens = words.split()
    while tokens and (
        tokens[-1] in _DETERMINERS
        or tokens[-1] in ("'s", "'")
        or tokens[-1] in _SAFE_PREMODIFIERS
        or tokens[-1] in lexicon.TITLES
        or tokens[-1] in lexicon.ROLE_MODIFIERS
        or lexicon.country_of(tokens[-1]) is not None
        or (tokens[-1] not in _STOP and not _LEFT_CUE_WORDS.search(tokens[-1]))
    ):
        tokens.pop()
    return " ".join(tokens)


_LEFT_CUE_WORDS = regex.compile(
    r"^(?:reject\w*|accept\w*|refus\w*|block\w*|veto\w*|spurn\w*|rebuff\w*|welcom\w*|back\w*|sign\w*"
    r"|turn\w*|agree\w*|withdr\w*)$"
)


def _strip_negation(left: str) -> str:
    return _NEGATION_WORD.sub("", left)
