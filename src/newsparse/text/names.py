"""Mentions of people, organisations and places, and the entities they refer to.

This first version finds capitalised name sequences with optional role words before them
and groups mentions that share a surname. Pronouns and nominal references are recognised as
mentions but not yet resolved.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

__all__ = ["Entity", "Mention", "find_mentions"]

_NOT_NAMES = frozenset(
    """
    The A An This That These Those It He She They We I You His Her Their Our My Your Its But And Or If When
    While As After Before Since Until Although Though However Therefore Meanwhile Even Like Conversely
    What Who Why How Where Which There Here Now Then Yet Still Also Details Nobody Both
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
    August September October November December Read Image Photo
    """.split()
)
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f", "they": None, "them": None}

_NAME_SEQUENCE = regex.compile(
    r"(?<![\p{L}\p{N}])\p{Lu}[\p{Ll}’'\-]+(?:\s+(?:al-|bin\s+|von\s+|de\s+)?\p{Lu}[\p{Ll}’'\-]+)*"
)
_PRONOUN = regex.compile(r"\b(?:he|she|they|him|her|them)\b", regex.IGNORECASE)


@attrs.frozen(kw_only=True)
class Mention:
    """A reference to a person, organisation or place in the text."""

    start: int
    """Offset of the mention."""

    end: int
    """Offset one past the mention."""

    text: str
    """The mention as written."""

    kind: str
    """``name`` (a proper name), ``pronoun`` or ``nominal`` ("the expert")."""

    entity: int | None = None
    """Index into `Document.entities` of the entity it refers to, when resolved."""

    gender: str | None = None
    """``m``, ``f`` or None, from pronouns, titles and first names."""

    role: str | None = None
    """A title or role given with the mention ("Kremlin spokesman")."""


@attrs.frozen(kw_only=True)
class Entity:
    """One person or organisation: every mention that refers to it, and its fullest name."""

    id: int
    """Index of the entity in `Document.entities`."""

    name: str
    """The fullest name the text gives."""

    kind: str = "person"
    """``person``, ``organisation``, ``place`` or ``unknown``."""

    gender: str | None = None
    """``m``, ``f`` or None."""

    mentions: tuple[int, ...] = ()
    """Indices into `Document.mentions`."""


def find_mentions(text: str, sentence_starts: Sequence[int]) -> tuple[tuple[Mention, ...], tuple[Entity, ...]]:
    """Name and pronoun mentions of `text`, with name mentions grouped by surname."""
    starts = set(sentence_starts)
    found: list[tuple[int, int, str]] = []
    for match in _NAME_SEQUENCE.finditer(text):
        words = match.group().split()
        start = match.start()
        while words and (words[0] in _NOT_NAMES or (start in starts and len(words) == 1)):
            start += len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        if words:
            found.append((start, match.end(), "name"))
    for match in _PRONOUN.finditer(text):
        found.append((match.start(), match.end(), "pronoun"))
    found.sort()
    groups: dict[str, list[int]] = {}
    full: dict[str, str] = {}
    mentions: list[Mention] = []
    for index, (start, end, kind) in enumerate(found):
        mention_text = text[start:end]
        if kind == "name":
            key = mention_text.split()[-1]
            groups.setdefault(key, []).append(index)
            if len(mention_text) > len(full.get(key, "")):
                full[key] = mention_text
            mentions.append(Mention(start=start, end=end, text=mention_text, kind="name"))
        else:
            mentions.append(
                Mention(start=start, end=end, text=mention_text, kind="pronoun", gender=_PRONOUNS[mention_text.lower()])
            )
    entities = []
    for entity_id, (key, members) in enumerate(groups.items()):
        entities.append(Entity(id=entity_id, name=full[key], mentions=tuple(members)))
        for member in members:
            mentions[member] = attrs.evolve(mentions[member], entity=entity_id)
    return tuple(mentions), tuple(entities)
