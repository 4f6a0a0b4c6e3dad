"""The analysis docs page documents every public member of `Document`, `Mention` and `Entity`."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from newsparse.text import Document, Entity, Mention

DOCS = Path(__file__).resolve().parents[2] / "docs" / "analysis.md"


def _public(cls: type) -> list[str]:
    names = [n for n in vars(cls) if not n.startswith("_")]
    if attrs.has(cls):
        names += [a.name for a in attrs.fields(cls)]
    return sorted(set(names))


@pytest.mark.parametrize("cls", [Document, Mention, Entity])
def test_every_public_member_is_documented(cls: type) -> None:
    page = DOCS.read_text(encoding="utf-8")
    missing = [name for name in _public(cls) if f"`{name}" not in page and f", {name}`" not in page]
    assert missing == []
