"""newsparse-weapons: an example plugin that finds weapon and military-equipment mentions.

It shows the whole plugin shape: a `Finding` subclass, an extractor object with a config class,
and the ``newsparse_register_extractors`` hook, exposed through the ``newsparse`` entry point.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import ClassVar

import attrs
import regex

import newsparse
from newsparse.text.document import Document
from newsparse.typing import ExtractorRegistrar

__all__ = ["WeaponFinding", "WeaponsConfig", "WeaponsExtractor"]

#: Equipment head nouns (singular and plural) by category.
LEXICON: dict[str, tuple[str, ...]] = {
    "aircraft": (
        "fighter jets?",
        "jets?",
        "warplanes?",
        "bombers?",
        "helicopters?",
        "gunships?",
        "drones?",
        "aircraft",
        "air force",
    ),
    "vehicle": ("tanks?", "armou?red vehicles?", "armou?red personnel carriers?", "APCs?"),
    "vessel": ("warships?", "frigates?", "submarines?", "destroyers?", "aircraft carriers?"),
    "munition": (
        "missiles?",
        "rockets?",
        "mortars?",
        "shells?",
        "grenades?",
        "bombs?",
        "barrel bombs?",
        "cluster munitions?",
        "landmines?",
        "mines",
    ),
    "weapon": (
        "heavy weapons?",
        "weapons?",
        "arms",
        "artillery",
        "rifles?",
        "guns?",
        "machine guns?",
        "chemical weapons?",
        "nuclear weapons?",
        "air defen[cs]e systems?",
    ),
}

# An owner is a capitalised word that does not itself begin a term ("Machine guns" is one head).
_TERM_FIRST_WORDS = sorted({t.split()[0] for terms in LEXICON.values() for t in terms if " " in t})
_DEMONYM = rf"(?:(?!(?i:{'|'.join(_TERM_FIRST_WORDS)})\b)\p{{Lu}}\p{{Ll}}+(?:-\p{{Lu}}\p{{Ll}}+)?)"
_PATTERN = regex.compile(
    # Optional owner ("Turkish", "Russian-made") before the head; longest heads first.
    rf"\b(?:(?P<owner>{_DEMONYM})(?:-made|-built)?\s+)?(?P<head>(?i:"
    + "|".join(
        sorted((f"(?P<{cat}_{i}>{term})" for cat, terms in LEXICON.items() for i, term in enumerate(terms)),
               key=len, reverse=True)
    )
    + r"))\b",
)  # fmt: skip
# "deal with", "arms" as a body part and other non-weapon senses are rare enough in news to accept;
# these few are not: "jet lag", "gun control" debates still mention guns, so keep them.
_NOT_AFTER = regex.compile(r"\s+(?:lag|stream|set|ski)\b")
# "think tank", "fuel tank", "water guns": the word before turns a weapon noun into something else.
_NOT_BEFORE = regex.compile(
    r"\b(?:think|fuel|water|oil|gas|storage|septic|fish|glue|nail|staple|spray)\s+$", regex.I
)


@attrs.frozen(kw_only=True)
class WeaponFinding(newsparse.Finding):
    """A mention of a weapon or piece of military equipment."""

    category: str
    """aircraft, vehicle, vessel, munition or weapon."""

    owner: str | None = None
    """The nationality or force named right before it ("Turkish" in "Turkish fighter jets")."""


@attrs.frozen(kw_only=True)
class WeaponsConfig:
    """Options of the weapons extractor."""

    categories: tuple[str, ...] = attrs.field(
        default=tuple(LEXICON),
        converter=tuple,
        validator=attrs.validators.deep_iterable(attrs.validators.in_(LEXICON)),
    )
    """Categories to report (default: all)."""


@attrs.frozen
class WeaponsExtractor:
    """Finds weapon and equipment mentions with a lexicon of head nouns."""

    name: ClassVar[str] = "weapons"
    requires: ClassVar[tuple[str, ...]] = ()
    finding_type: ClassVar[type[WeaponFinding]] = WeaponFinding
    config: WeaponsConfig = attrs.field(factory=WeaponsConfig)

    def __call__(
        self,
        article: newsparse.Article,
        document: Document,
        found: Mapping[str, tuple[newsparse.Finding, ...]],
    ) -> Iterable[WeaponFinding]:
        return list(self._find(document.text))

    def _find(self, text: str) -> Iterator[WeaponFinding]:
        for match in _PATTERN.finditer(text):
            if _NOT_AFTER.match(text, match.end()) or _NOT_BEFORE.search(
                text, max(0, match.start() - 12), match.start()
            ):
                continue
            category = next(name.split("_")[0] for name, value in match.groupdict().items()
                            if value and name not in ("owner", "head"))  # fmt: skip
            if category not in self.config.categories:
                continue
            owner = match["owner"]
            start = (
                match.start("owner") if owner and owner.lower() not in _NOT_OWNERS else match.start("head")
            )
            yield WeaponFinding(
                extractor=self.name,
                start=start,
                end=match.end(),
                text=text[start : match.end()],
                category=category,
                owner=owner if start == match.start("owner") else None,
            )


# Capitalised words that often precede a head noun but are not owners.
_NOT_OWNERS = frozenset(
    {"the", "a", "an", "his", "her", "its", "their", "our", "heavy", "some", "more", "new"}
)


@newsparse.hookimpl
def newsparse_register_extractors(register: ExtractorRegistrar) -> None:
    register(WeaponsExtractor())
