"""Shared fixtures: the seed article, the corpora location, and a clean plugin state per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsparse.plugins

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAME = "dw-2020-03-05-idlib-crisis"
#: Development corpora live beside the checkout; NEWSPARSE_CORPORA points elsewhere.
CORPORA = Path(os.environ.get("NEWSPARSE_CORPORA", ROOT.parent / "shared" / "corpora"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEEDS / f"{SEED_NAME}.txt").read_text(encoding="utf-8")


@pytest.fixture
def corpora() -> Path:
    """The corpora folder; the test is skipped when it is absent (CI runs without it)."""
    if not CORPORA.is_dir():
        pytest.skip(f"corpora not available at {CORPORA}")
    return CORPORA


@pytest.fixture(autouse=True)
def _fresh_default_manager(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No test sees another test's plugins or plugin environment variables."""
    for name in ("NEWSPARSE_PLUGINS", "NEWSPARSE_DISABLE_PLUGINS", "NEWSPARSE_STRICT_PLUGINS"):
        monkeypatch.delenv(name, raising=False)
    newsparse.plugins.reset_manager()
    yield
    newsparse.plugins.reset_manager()
