"""Accuracy floors on the TempEval-3 dev data (skipped without ../shared/corpora).

The floors are the last accepted scores of `benchmarks/dates.py`, rounded down: a change that
lowers a dev score below them fails here and must be justified (or the floor lowered on
purpose). Raise them when the scores rise.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark

#: (relaxed F1, value F1) per set, last accepted.
FLOORS = {
    "timebank": (0.94, 0.82),
    "aquaint": (0.93, 0.77),
    "all": (0.94, 0.80),
}


@pytest.mark.corpus
def test_tempeval3_dev_scores_stay_above_the_floors(corpora: Path) -> None:
    if not (corpora / "tempeval3-tbaq").is_dir():
        pytest.skip("TempEval-3 TBAQ not in the corpora folder")
    results = load_benchmark("dates").evaluate(corpora, ["timebank", "aquaint"])
    for name, (relaxed_floor, value_floor) in FLOORS.items():
        assert results[name]["relaxed_f1"] >= relaxed_floor, (name, results[name])
        assert results[name]["value_f1"] >= value_floor, (name, results[name])


def test_scoring_pairs_identical_extents_first_then_overlaps() -> None:
    bench = load_benchmark("dates")
    timex = bench.Timex
    gold = [
        timex(start=0, end=8, text="Thursday", type="DATE", value="2020-03-05", mod=None),
        timex(start=20, end=35, text="the end of May", type="DATE", value="2020-05", mod="END"),
    ]
    system = [
        timex(start=0, end=8, text="Thursday", type="DATE", value="2020-03-05", mod=None),
        timex(start=24, end=35, text="end of May", type="DATE", value="2019-05", mod="END"),
        timex(start=50, end=54, text="2015", type="DATE", value="2015", mod=None),
    ]
    scores, pairs = bench.score(gold, system)
    row = scores.row()
    assert len(pairs) == 2
    assert (scores.strict, scores.relaxed, scores.value_ok) == (1, 2, 1)
    assert row["relaxed_p"] == pytest.approx(2 / 3)
    assert row["relaxed_r"] == 1.0
    assert row["value_f1"] == pytest.approx(row["relaxed_f1"] * 0.5)
