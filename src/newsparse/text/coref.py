"""Which mentions refer to the same entity: alias clusters, nominal and pronoun antecedents.

`resolve` takes the mention drafts of `newsparse.text.names` and returns the final `Mention`
and `Entity` tuples. The rules, in order:

1. **Organisations and places** join by their standard name from the tables ("U.S." and "United
   States"; "EU" and "European Union"), else by their folded text; a bracketed acronym joins the
   name before it ("... Foreign Relations (RSMD)").
2. **Full person names** (two words or more) join when their surnames are the same name
   (`newsparse.text.aliases.same_name`: exact, or a listed transliteration rule) and their first
   names do not conflict ("Recep Tayyip Erdogan", "Tayyip Erdogan"; not "Donald Trump", "Ivanka
   Trump").
3. **Single-word names** join the person whose surname they are, by the same rule ("Erdogan",
   "Achmetow" -> "Timur Akhmetov"): the nearest such person before, else the first after (a
   headline may name someone before the text introduces them); an earlier single-word mention of
   the same name counts as well, and a gender the mention gives ("Mr. Obama") must agree with the
   names it joins. Otherwise a word that is only the first name of exactly one person joins that
   person, and a word already known as a place or organisation joins it. A word still unjoined
   that is a known first name and the subject of an attribution ("Melanie said") is a person of
   that first name's gender (a surname that is also a first name -- "Malkia Cyril" ... "Cyril
   said" -- joins its person first and takes no gender from it).
4. **Nominals** ("the Russian expert", "the expert", "the Kremlin spokesman") join the most
   recently mentioned person who was described before them with a compatible role noun
   (`lexicon.role_compatible`: the same noun, or a narrower one of its class), a compatible
   gender, and -- when the nominal names a country or an institution -- the same country.
   Organisation nominals ("the Syrian army", later "the army") join each other. An unresolved
   nominal becomes an entity of its own, not `named`, that later references can join.
5. **Pronouns** he/she (him, his, her...) join a gender-compatible person mentioned in the same
   sentence or the three before it -- outside quotations, when the pronoun is outside one (a
   name the speaker mentions is not the speaker). A pronoun that is itself the subject of an attribution ("he
   told reporters") prefers the subject of the most recent attribution; a possessive whose noun
   is ("..., his office said") prefers the first person of its sentence; a subject pronoun opening
   a sentence prefers the first person of the previous sentence; otherwise the most recent person
   wins. "they"/"them"/"their" join an organisation or group that was the subject of an
   attribution in the same or the previous sentence, else stay unresolved. "it" is not resolved.
6. **Attribution subjects that are not names** (`names` rule 7): a group ("experts", "two Western
   diplomats", "police") joins an earlier group with the same head noun; a document ("the
   report") and a person introduced with "a"/"an" ("a senior Kremlin source") are new entities;
   "who"/"which" after a mention ("Maria Lopez, who said ...") is that mention's entity.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs

from newsparse.text.aliases import alias_key, name_key, skeleton
from newsparse.text.lexicon import (
    PRONOUNS,
    Gender,
    country_of,
    first_name_gender,
    fold,
    known_organisation,
    narrower_roles,
)
from newsparse.text.names import Draft, Entity, Mention

__all__ = ["resolve"]

_PRONOUN_WINDOW = 3  # sentences before the pronoun's own that may hold its antecedent
_PRONOUN_LOOKBACK = 60  # mentions examined at most, so that a giant "sentence" stays linear
_NAMESAKE_LOOKBACK = 50


@attrs.define
class _Cluster:
    """An entity while mentions are still being added."""

    kind: str
    members: list[int] = attrs.field(factory=list)
    canonical: str | None = None
    country: str | None = None
    named: bool = True
    gender: Gender | None = None
    gender_conflict: bool = False
    name_genders: set[Gender] = attrs.field(factory=set)  # genders its name mentions give
    # Role nouns described so far -> the countries given with them (None: no country).
    descriptions: dict[str, set[str | None]] = attrs.field(factory=dict)


def resolve(text: str, drafts: Sequence[Draft]) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Group mention drafts into entities and resolve nominals and pronouns (module docstring)."""
    resolver = _Resolver(text, drafts)
    resolver.organisations_and_places()
    resolver.people()
    resolver.references()
    return resolver.result()


class _Resolver:
    def __init__(self, text: str, drafts: Sequence[Draft]) -> None:
        self.text = text
        self.drafts = drafts
        self.texts = [text[d.start : d.end] for d in drafts]
        self.words = [t.split() for t in self.texts]
        self.entity_of: list[int | None] = [None] * len(drafts)
        self.antecedent: list[int | None] = [None] * len(drafts)
        self.clusters: list[_Cluster] = []
        self.by_key: dict[str, int] = {}  # folded or standard name of an organisation/place -> cluster

    # -- building blocks ------------------------------------------------------------------------

    def join(self, index: int, cluster: int) -> None:
        self.entity_of[index] = cluster
        self.clusters[cluster].members.append(index)
        draft = self.drafts[index]
        if draft.kind == "name" and draft.gender is not None:
            self.clusters[cluster].name_genders.add(draft.gender)

    def new(self, index: int, kind: str, *, named: bool = True, country: str | None = None) -> int:
        self.clusters.append(_Cluster(kind=kind, named=named, country=country))
        self.join(index, len(self.clusters) - 1)
        return len(self.clusters) - 1

    # -- rule 1 ---------------------------------------------------------------------------------

    def organisations_and_places(self) -> None:
        owner_of = {id(d): i for i, d in enumerate(self.drafts)}
        for index, draft in enumerate(self.drafts):
            if draft.kind != "name" or draft.category not in ("organisation", "place"):
                continue
            key = _place_key(self.texts[index])
            if draft.same_as is not None and id(draft.same_as) in owner_of:
                owner = self.entity_of[owner_of[id(draft.same_as)]]
                if owner is not None:
                    self.join(index, owner)
                    self.by_key.setdefault(key, owner)
                    continue
            canonical = _canonical(self.texts[index])
            if canonical is not None:
                key = "=" + canonical
            if key in self.by_key:
                self.join(index, self.by_key[key])
                continue
            cluster = self.new(index, draft.category, country=draft.country)
            self.clusters[cluster].canonical = canonical
            self.by_key[key] = cluster

    # -- rules 2 and 3 --------------------------------------------------------------------------

    def people(self) -> None:
        names = [
            i
            for i, d in enumerate(self.drafts)
            if d.kind == "name" and d.category in ("person", "unknown") and self.entity_of[i] is None
        ]
        # Indexes by `alias_key`, so that each name is compared with its few namesakes only.
        self.surnames: dict[str, list[tuple[int, int]]] = {}  # surname key -> (full-name mention, cluster)
        self.surname_clusters: dict[str, dict[int, int]] = {}  # surname key -> {cluster: its first full name}
        self.first_names: dict[str, set[int]] = {}  # first-name key -> clusters
        self.single_words: dict[str, list[tuple[int, int]]] = {}  # name key -> (mention, cluster)
        for index in names:
            if len(self.words[index]) > 1 and self.drafts[index].category == "person":
                self._full_name(index)
            elif len(self.words[index]) > 1:
                self._other_name(index)
        for index in names:
            if len(self.words[index]) == 1:
                self._single_word(index)
        for cluster in self.clusters:
            cluster.members.sort()

    def _full_name(self, index: int) -> None:
        words = self.words[index]
        gender = self.drafts[index].gender
        surname_key = alias_key(words[-1])
        known = self.surname_clusters.setdefault(surname_key, {})
        cluster = next(
            (
                number
                for number, member in known.items()
                if _first_names_agree(words[:-1], self.words[member][:-1])
                and (gender is None or self._name_gender(number) in (None, gender))
            ),
            None,
        )
        if cluster is None:
            cluster = self.new(index, "person")
        else:
            self.join(index, cluster)
        known.setdefault(cluster, index)
        self.surnames.setdefault(surname_key, []).append((index, cluster))
        self.first_names.setdefault(name_key(words[0]), set()).add(cluster)

    def _name_gender(self, cluster: int) -> Gender | None:
        """The gender the names of a cluster give so far (first names, titles), or None."""
        genders = self.clusters[cluster].name_genders
        return next(iter(genders)) if len(genders) == 1 else None

    def _other_name(self, index: int) -> None:
        """A name of several words that is not a person's ("Labor Day"): joined by its text."""
        key = _place_key(self.texts[index])
        if key in self.by_key:
            self.join(index, self.by_key[key])
        else:
            self.by_key[key] = self.new(index, "unknown")

    def _single_word(self, index: int) -> None:
        word = self.texts[index]
        draft = self.drafts[index]
        key = alias_key(word)
        # The nearest namesake: a full name with this surname, or an earlier single-word mention
        # of it -- with a gender that agrees ("Mr. Obama" does not join "Michelle Obama").
        chosen = self._nearest_namesake(key, index, draft.gender)
        if chosen is None:
            first_name_of = self.first_names.get(name_key(word), set())
            if len(first_name_of) == 1:
                chosen = next(iter(first_name_of))
        if chosen is None and draft.category != "person":
            chosen = self.by_key.get(_place_key(word))
        if chosen is None and draft.category == "unknown" and draft.speech_verb is not None:
            # A lone known first name that speaks and is nobody's surname ("Melanie said"):
            # features name ordinary people so; it is a person of that first name's gender.
            gender = first_name_gender(word)
            if gender is not None:
                draft.category, draft.gender = "person", gender
        if chosen is None:
            chosen = self.new(index, draft.category)
            if draft.category != "person":
                self.by_key.setdefault(_place_key(word), chosen)
        else:
            self.join(index, chosen)
            if draft.category == "person" and self.clusters[chosen].kind == "unknown":
                self.clusters[chosen].kind = "person"
        self.single_words.setdefault(key, []).append((index, chosen))

    def _nearest_namesake(self, key: str, index: int, gender: Gender | None) -> int | None:
        """The cluster of the nearest gender-compatible namesake mention before `index` (full names
        and earlier single words), else of the first full name after it. Both lists are in text
        order; at most `_NAMESAKE_LOOKBACK` entries are examined on each side."""

        def compatible(cluster: int) -> bool:
            return gender is None or self._name_gender(cluster) in (None, gender)

        best: tuple[int, int] | None = None
        full_names = self.surnames.get(key, [])
        for entries in (full_names, self.single_words.get(key, [])):
            position = bisect.bisect_left(entries, (index, -1))
            for member, cluster in reversed(entries[max(0, position - _NAMESAKE_LOOKBACK) : position]):
                if compatible(cluster):
                    if best is None or member > best[0]:
                        best = (member, cluster)
                    break
        if best is not None:
            return best[1]
        position = bisect.bisect_right(full_names, (index, len(self.clusters)))
        for _member, cluster in full_names[position : position + _NAMESAKE_LOOKBACK]:
            if compatible(cluster):
                return cluster
        return None

    # -- rules 4 and 5 --------------------------------------------------------------------------

    def references(self) -> None:
        organisation_nominals: dict[tuple[str | None, str], int] = {}
        groups: dict[tuple[str | None, str], int] = {}
        owner_of = {id(d): i for i, d in enumerate(self.drafts)}
        # Read in text order: `last_seen` is each cluster's latest mention so far, `described` the
        # clusters described with each role noun so far.
        self.last_seen: dict[int, int] = {}
        self.described: dict[str, set[int]] = {}
        for index, draft in enumerate(self.drafts):
            cluster = self.entity_of[index]
            if draft.kind == "name":
                if cluster is not None:
                    self._describe(cluster, index, draft)
            elif draft.same_as is not None:
                # "Smith, who said ...": the relative pronoun is its antecedent's.
                owner = owner_of.get(id(draft.same_as))
                target = self.entity_of[owner] if owner is not None else None
                if owner is not None and target is not None:
                    self._refer(index, owner, target)
            elif draft.kind == "nominal" and draft.category == "organisation":
                self._organisation_nominal(index, draft, organisation_nominals)
            elif draft.kind == "nominal" and draft.category == "group":
                self._organisation_nominal(index, draft, groups, kind="group")
            elif draft.kind == "nominal" and (draft.category == "unknown" or self._indefinite(index)):
                # Documents ("the report") and people introduced with "a"/"an" are new entities.
                self._describe(
                    self.new(index, draft.category, named=False, country=draft.country), index, draft
                )
            elif draft.kind == "nominal":
                chosen = self._nominal_antecedent(index, draft)
                if chosen is None:
                    self._describe(
                        self.new(index, "person", named=False, country=draft.country), index, draft
                    )
                else:
                    self._refer(index, self.last_seen[chosen], chosen)
            else:
                antecedent = self._pronoun_antecedent(index, draft)
                target = self.entity_of[antecedent] if antecedent is not None else None
                if antecedent is not None and target is not None:
                    self._refer(index, antecedent, target)
        for cluster_ in self.clusters:
            cluster_.members.sort()

    def _refer(self, index: int, antecedent: int, cluster: int) -> None:
        self.antecedent[index] = antecedent
        self.join(index, cluster)
        self.last_seen[cluster] = index

    def _describe(self, cluster: int, index: int, draft: Draft) -> None:
        """Record what a name or nominal tells about its entity: gender, role noun, country."""
        self.last_seen[cluster] = index
        entity = self.clusters[cluster]
        if draft.gender is not None:
            if entity.gender is not None and entity.gender != draft.gender:
                entity.gender_conflict = True
            entity.gender = entity.gender or draft.gender
        if draft.role_noun is not None:
            entity.descriptions.setdefault(draft.role_noun, set()).add(draft.country)
            self.described.setdefault(draft.role_noun, set()).add(cluster)

    def _indefinite(self, index: int) -> bool:
        return fold(self.texts[index]).split()[0] in ("a", "an")

    def _organisation_nominal(
        self, index: int, draft: Draft, seen: dict[tuple[str | None, str], int], kind: str = "organisation"
    ) -> None:
        """Organisation and group nominals join an earlier one with the same head noun (and country)."""
        key = (draft.country, draft.role_noun or "")
        found = seen.get(key)
        if found is None and draft.country is None:
            # "the army" after "the Syrian army": the most recent organisation with that noun.
            found = next((c for (_, noun), c in reversed(seen.items()) if noun == key[1]), None)
        if found is None:
            seen[key] = self.new(index, kind, named=False, country=draft.country)
            self.last_seen[seen[key]] = index
            return
        self._refer(index, self.last_seen[found], found)

    def _gender(self, cluster: int) -> Gender | None:
        entity = self.clusters[cluster]
        return None if entity.gender_conflict else entity.gender

    def _nominal_antecedent(self, index: int, draft: Draft) -> int | None:
        """Rule 4: the most recently mentioned compatible described person; when the nominal
        names a country, a person described with that country beats one described without."""
        nouns = narrower_roles(draft.role_noun or "")
        candidates = set().union(*(self.described.get(noun, set()) for noun in nouns))
        best: tuple[int, int, int] | None = None  # (country known, last mention, cluster)
        for number in candidates:
            cluster = self.clusters[number]
            gender = self._gender(number)
            if cluster.kind != "person" or (draft.gender is not None and gender not in (None, draft.gender)):
                continue
            quality = -1
            for noun in nouns & cluster.descriptions.keys():
                for country in cluster.descriptions[noun]:
                    country = country or cluster.country
                    if draft.country is None or country == draft.country:
                        quality = max(quality, 1)
                    elif country is None:
                        quality = max(quality, 0)
            if quality < 0:
                continue
            candidate = (quality, self.last_seen.get(number, -1), number)
            if best is None or candidate > best:
                best = candidate
        return best[2] if best is not None else None

    def _pronoun_antecedent(self, index: int, draft: Draft) -> int | None:
        pronoun = PRONOUNS[fold(self.texts[index])]
        first_sentence = draft.sentence - _PRONOUN_WINDOW
        candidates: list[int] = []  # most recent first
        for position in range(index - 1, max(-1, index - 1 - _PRONOUN_LOOKBACK), -1):
            other = self.drafts[position]
            if other.sentence < first_sentence:
                break
            cluster = self.entity_of[position]
            if cluster is None or other.end > draft.start:
                continue
            if other.quoted and not draft.quoted:
                continue  # a name the speaker mentions is not who "he" outside the quote is
            kind = self.clusters[cluster].kind
            if pronoun.plural:
                spoke = other.speech_verb is not None and other.sentence >= draft.sentence - 1
                if kind in ("organisation", "group") and spoke:
                    return position
                continue
            if kind != "person":
                continue
            gender = self._gender(cluster)
            if pronoun.gender is not None and gender is not None and gender != pronoun.gender:
                continue
            candidates.append(position)
        if not candidates:
            return None
        if draft.speech_verb is not None and pronoun.case == "subject":
            attributed = [p for p in candidates if self.drafts[p].speech_verb is not None]
            if attributed:
                return attributed[0]
        if draft.speech_verb is not None and pronoun.case == "possessive":
            # "Zelensky will meet Macron, his office said": the sentence's subject speaks.
            own = [p for p in candidates if self.drafts[p].sentence == draft.sentence]
            if own:
                return min(own)
        if pronoun.case == "subject" and self._opens_sentence(index):
            previous = [p for p in candidates if self.drafts[p].sentence == draft.sentence - 1]
            if previous:
                return min(previous)
        return candidates[0]

    def _opens_sentence(self, index: int) -> bool:
        """True when no other mention of the pronoun's sentence comes before it."""
        sentence = self.drafts[index].sentence
        return index == 0 or self.drafts[index - 1].sentence != sentence

    # -- output ---------------------------------------------------------------------------------

    def result(self) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
        used = [c for c in range(len(self.clusters)) if self.clusters[c].members]
        used.sort(key=lambda c: self.clusters[c].members[0])
        new_id = {old: new for new, old in enumerate(used)}
        mentions = tuple(self._mention(index, new_id) for index in range(len(self.drafts)))
        entities = tuple(self._entity(old, new) for old, new in new_id.items())
        return mentions, tuple(sorted(entities, key=lambda e: e.id))

    def _mention(self, index: int, new_id: dict[int, int]) -> Mention:
        draft = self.drafts[index]
        cluster = self.entity_of[index]
        role = draft.role
        return Mention(
            start=draft.start,
            end=draft.end,
            text=self.texts[index],
            kind=draft.kind,
            entity=new_id[cluster] if cluster is not None else None,
            gender=draft.gender,
            role=self.text[role[0] : role[1]] if role is not None else None,
            role_start=role[0] if role is not None else None,
            role_end=role[1] if role is not None else None,
            role_noun=draft.role_noun,
            category=self.clusters[cluster].kind if cluster is not None else draft.category,
            country=draft.country,
            speech_verb=draft.speech_verb,
            sentence=draft.sentence,
            antecedent=self.antecedent[index],
            quoted=draft.quoted,
        )

    def _entity(self, old: int, new: int) -> Entity:
        cluster = self.clusters[old]
        members = tuple(cluster.members)
        drafts, texts = self.drafts, self.texts
        names = [m for m in members if drafts[m].kind == "name"]
        descriptions = [m for m in members if drafts[m].kind == "nominal"]
        if names:
            # The fullest name: most words, then one with a known first name, then the longest.
            fullest = max(names, key=lambda m: (len(self.words[m]), drafts[m].first_name, len(texts[m]), -m))
        else:
            fullest = descriptions[0] if descriptions else members[0]
        aliases: list[str] = [texts[fullest]]
        for member in names:
            if texts[member] not in aliases:
                aliases.append(texts[member])
        roles: list[str] = []
        nouns: list[str] = []
        for member in members:
            draft = drafts[member]
            if draft.kind == "name" and draft.role is not None:
                role = self.text[draft.role[0] : draft.role[1]]
                if role not in roles:
                    roles.append(role)
            if draft.kind != "pronoun" and draft.role_noun and draft.role_noun not in nouns:
                nouns.append(draft.role_noun)
        country = cluster.country or next((drafts[m].country for m in members if drafts[m].country), None)
        return Entity(
            id=new,
            name=texts[fullest],
            kind=cluster.kind,
            gender=self._gender(old),
            mentions=members,
            aliases=tuple(aliases),
            roles=tuple(roles),
            role_nouns=tuple(nouns),
            country=country,
            canonical=cluster.canonical,
            named=bool(names),
        )


def _place_key(name: str) -> str:
    key = fold(name)
    return key[4:] if key.startswith("the ") else key


def _canonical(name: str) -> str | None:
    """The tables' standard name for a country or well-known organisation."""
    found = country_of(name)
    if found is not None and found[1] == "country":
        return found[0]
    organisation = known_organisation(name)
    return organisation.name if organisation is not None else None


def _first_names_agree(a: Sequence[str], b: Sequence[str]) -> bool:
    """ "Recep Tayyip" and "Tayyip" agree, "Donald" and "Ivanka" do not; an initial agrees with its name."""
    if not a or not b:
        return True
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    for word in shorter:
        key = name_key(word).rstrip(".")
        matches = any(
            name_key(other) == key
            or (len(key) == 1 and name_key(other).startswith(key))
            or skeleton(other) == skeleton(word)
            for other in longer
        )
        if not matches:
            return False
    return True
