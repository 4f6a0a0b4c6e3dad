"""Shared fixtures: the seed article, the corpora location, and a clean plugin state per test."""

from __future__ import annotations

import functools
import importlib.util
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import newsparse.plugins

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_NAME = "dw-2020-03-05-idlib-crisis"
#: Development corpora live beside the checkout; NEWSPARSE_CORPORA points elsewhere.
CORPORA = Path(os.environ.get("NEWSPARSE_CORPORA", ROOT.parent / "shared" / "corpora"))


@functools.cache
def load_benchmark(name: str) -> ModuleType:
    """``benchmarks/<name>.py`` as a module (once per session): the floor tests score with the
    very code that prints the published figures."""
    spec = importlib.util.spec_from_file_location(
        f"newsparse_benchmark_{name}", ROOT / "benchmarks" / f"{name}.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses and pickling look their module up here
    spec.loader.exec_module(module)
    return module


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
