"""Accuracy floors on agreements-dev: the test fails when a score drops below the last accepted
figure (skipped when ../shared/corpora is absent, as in CI). Raise the floors when scores improve."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark

#: Last accepted dev figures (benchmarks/agreements.py), rounded down.
FLOORS = {
    "mention_f1": 0.99,
    "kind": 0.90,
    "status": 0.87,
    "modality": 0.90,
    "parties_f1": 0.66,
    "name": 0.82,
}


@pytest.mark.corpus
def test_dev_scores_stay_above_their_floors(corpora: Path) -> None:
    bench = load_benchmark("agreements")
    if not (corpora / bench.DEV_FILE).is_file():
        pytest.skip("agreements-dev is not in the corpora folder")
    run, _timed = bench.newsparse_system()
    scores = bench.score(bench.load_dev(corpora), run)
    measured = {
        "mention_f1": scores.f1,
        "kind": scores.kind,
        "status": scores.status,
        "modality": scores.modality,
        "parties_f1": scores.parties_f1,
        "name": scores.name,
    }
    below = {name: round(value, 3) for name, value in measured.items() if value < FLOORS[name]}
    assert not below, f"below the floor: {below} (floors {FLOORS})"
