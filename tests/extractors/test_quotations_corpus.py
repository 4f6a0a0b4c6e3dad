"""Accuracy floor on PolNeAR dev: fails when a score drops below the last accepted figure.

Skipped without ``../shared/corpora`` (CI runs without it). Raise the floors when the scores rise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark

pytestmark = pytest.mark.corpus

#: Last accepted dev figures (benchmarks/quotations.py --split dev), rounded down.
FLOORS = {
    # README scoring (typewriter_marks off by default, so ''these'' are not direct quotes).
    "direct@0.8 F1": 0.92,
    # The same with PolNeAR's typographic rule applied to predictions (double-mark quotes).
    "direct@0.8 dm F1": 0.92,
    "direct@0.8 speaker": 0.94,
    # 41 of 51 pronoun-sourced quotes with a silver name; the other 10 have a wrong silver name.
    "direct@0.8 pronoun->name": 0.80,
    "all@0.5 F1": 0.73,
}


def test_polnear_dev_scores_hold(corpora: Path) -> None:
    bench = load_benchmark("quotations")
    path = corpora / "polnear" / "dev.jsonl"
    if not path.exists():
        pytest.skip("PolNeAR dev split not available")
    records = bench.load(path)
    outputs, _, _ = bench.run_newsparse(records, repeat=0)
    scores = bench.evaluate(records, outputs)
    direct, everything = scores["direct@0.8"], scores["all@0.5"]
    measured = {
        "direct@0.8 F1": direct.f1,
        "direct@0.8 dm F1": scores["direct@0.8 dm"].f1,
        "direct@0.8 speaker": direct.speaker_ok / direct.speaker_total,
        "direct@0.8 pronoun->name": direct.pronoun_named_ok / direct.pronoun_named_total,
        "all@0.5 F1": everything.f1,
    }
    below = {name: round(value, 3) for name, value in measured.items() if value < FLOORS[name]}
    assert not below, f"below the accepted floor {FLOORS}: {below}"
