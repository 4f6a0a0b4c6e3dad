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


def test_first_example_of_the_page_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    import contextlib
    import io
    import re

    monkeypatch.chdir(DOCS.parents[1])
    page = DOCS.read_text(encoding="utf-8")
    block = re.search(r"```python\n(.*?)```", page, re.S)
    assert block is not None
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(block[1], "analysis.md", "exec"), {})
    assert output.getvalue().splitlines() == [
        "Recep Tayyip Erdogan ('Turkish President',)",
        "Timur Akhmetov ('Timur Akhmetov', 'Achmetow', 'Akhmetov')",
        "present",
    ]
