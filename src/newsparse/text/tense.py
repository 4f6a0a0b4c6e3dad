"""Tense cues for a clause: past, present, future or conditional, from auxiliaries and verb forms."""

from __future__ import annotations

from typing import Literal

import regex

__all__ = ["Tense", "tense_of"]

Tense = Literal["past", "present", "future", "conditional", "unknown"]

_FUTURE = regex.compile(
    r"\b(?:will|won't|shall|'ll|is\s+(?:going|due|set|scheduled|expected)\s+to|are\s+(?:going|due|set|scheduled|expected)\s+to"
    r"|am\s+going\s+to|plans?\s+to|to\s+be\s+held|upcoming|next)\b",
    regex.IGNORECASE,
)
_CONDITIONAL = regex.compile(r"\b(?:would|could|might|should|may)\b", regex.IGNORECASE)
_PAST = regex.compile(
    r"\b(?:was|were|had|did|said|told|met|went|came|took|made|gave|\w{3,}ed)\b", regex.IGNORECASE
)
_PRESENT = regex.compile(r"\b(?:is|are|am|has|have|does|do|says|\w{3,}s)\b", regex.IGNORECASE)


def tense_of(clause: str) -> Tense:
    """The tense a clause is most likely in. Future and conditional markers win over verb forms."""
    if _FUTURE.search(clause):
        return "future"
    if _CONDITIONAL.search(clause):
        return "conditional"
    if _PAST.search(clause):
        return "past"
    if _PRESENT.search(clause):
        return "present"
    return "unknown"
