"""Accuracy floor of the html reader on NAEB dev: fails when a score drops below the last accepted figure.

Accepted (benchmarks/articles.py, 209 pages): title 0.919, authors 0.780, date 0.842, body F1 0.923
(trafilatura on the same pages: 0.651, 0.694, 0.842, 0.920). Skipped without the corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import load_benchmark

pytest.importorskip("trafilatura")

FLOORS = {"title": 0.91, "authors": 0.77, "date": 0.84, "body_f1": 0.92}


@pytest.mark.corpus
@pytest.mark.slow
def test_naeb_dev_scores_stay_above_the_floor(corpora: Path) -> None:
    if not (corpora / "naeb" / "gold.jsonl").is_file():
        pytest.skip("NAEB not in the corpora")
    result = load_benchmark("articles").score_naeb(corpora, peer=False)
    scores = result["newsparse"]
    for name, floor in FLOORS.items():
        assert scores[name] >= floor, f"{name}: {scores[name]:.3f} < floor {floor}"
